/// The scores of every peer for one weighting: composites, ranks, and (if asked) rank intervals.
/// Built once, then read for one town (`townScore`) or for all (`ranking`).
public struct Scoreboard: Sendable {
    public let scores: PeerScores
    public let weights: Weights
    public let aggregation: Aggregation
    public let typology: TypologyRules
    /// Composite per peer (NaN = none).
    public let composites: [Double]
    public let ranks: [Int?]
    /// Rank interval per peer, when uncertainty was computed (for some peers only, when asked so).
    public let intervals: [RankInterval?]?

    /// Scores every peer for `weights`; with `uncertainty`, the rank intervals of every peer (1,000 draws by
    /// default: only for what shows them all; a page or a command about one town asks for its interval alone).
    public init(scores: PeerScores, weights: Weights, aggregation: Aggregation = .arithmetic,
                uncertainty: RankUncertainty? = nil, typology: TypologyRules = .standard) {
        self.init(scores: scores, weights: weights, aggregation: aggregation,
                  intervals: uncertainty?.intervals(for: scores, weights: weights), typology: typology)
    }

    /// Scores every peer for `weights`, with rank intervals computed elsewhere (stored in the atlas, or only
    /// for some peers: `RankUncertainty.intervals(for:weights:only:)`), or none.
    public init(scores: PeerScores, weights: Weights, aggregation: Aggregation = .arithmetic,
                intervals: [RankInterval?]?, typology: TypologyRules = .standard) {
        precondition(intervals == nil || intervals?.count == scores.members.count, "one interval (or nil) per peer")
        self.scores = scores
        self.weights = weights
        self.aggregation = aggregation
        self.typology = typology
        composites = scores.composites(weights, aggregation: aggregation)
        ranks = PeerScores.ranks(composites)
        self.intervals = intervals
    }

    /// How many peers have a composite (the "out of" of a rank).
    public var rankedCount: Int { ranks.lazy.compactMap { $0 }.count }

    /// The full score of the peer at `position`.
    public func townScore(_ position: Int) -> TownScore {
        let normalised = scores.normalisedWeights(weights)
        let row = scores.members[position]
        let dimensions = scores.dimensions.enumerated().map { d, dimension in
            DimensionScore(
                dimension: dimension, label: dimension.label, score: scores.dimensionScore(position, dimension),
                indicatorsUsed: scores.dimensionCoverage[position * scores.dimensions.count + d],
                indicatorsTotal: scores.indicatorsPerDimension[d], weight: normalised[d],
                peerPercentile: scores.dimensionPercentile(position, dimension))
        }
        let missing = scores.missingWeightedDimensions(position, weights: weights).map(\.label)
        let composite = composites[position]
        return TownScore(
            commune: scores.matrix.communes[row], peerGroup: scores.group.label, peerCount: scores.members.count,
            weights: weights, aggregation: aggregation, dimensions: dimensions,
            composite: composite.isNaN ? nil : composite,
            dimensionsWithoutData: missing,
            rank: ranks[position], rankedCount: rankedCount, rankInterval: intervals?[position] ?? nil,
            types: typology.types(of: row, in: scores.matrix), essentialFlags: scores.essentialFlags(position),
            situation: scores.matrix.value(commune: row, "situation").flatMap { Situation(rawValue: Int($0)) })
    }

    /// Every ranked peer, best first (positions in `scores.members`).
    public var rankedPositions: [Int] {
        scores.members.indices.filter { ranks[$0] != nil }.sorted { (ranks[$0]!, $0) < (ranks[$1]!, $1) }
    }
}

/// Everything Bourg says about one town's scores, relative to its peers and for one weighting.
public struct TownScore: Sendable, Codable {
    public var commune: Commune
    /// The peer group every score is relative to.
    public var peerGroup: String
    public var peerCount: Int
    public var weights: Weights
    public var aggregation: Aggregation
    public var dimensions: [DimensionScore]
    /// 0–100, or `nil` when the dimensions with data carry less than half of the weight (`MissingDimensionRule`).
    public var composite: Double?
    /// Weighted dimensions without data, counted at the peers' first quartile (`MissingDimensionRule`).
    public var dimensionsWithoutData: [String]
    /// "classement partiel : …" naming the dimensions counted at the first quartile, or `nil` for a complete ranking.
    public var partialRankingText: String? {
        MissingDimensionRule.text(missing: dimensionsWithoutData, ranked: composite != nil)
    }
    /// 1 = best.
    public var rank: Int?
    public var rankedCount: Int
    /// Median rank and 5–95% interval when the weights and the aggregation vary.
    public var rankInterval: RankInterval?
    public var types: [TypeAssignment]
    /// Essential dimensions (health, mobility) in which the town is in the bottom 10% of its peers.
    public var essentialFlags: [AttractivenessDimension]
    /// Centre, banlieue, périurbaine or rurale (`Situation`), when the atlas knows it.
    public var situation: Situation?
}

/// A town's score in one dimension.
public struct DimensionScore: Sendable, Codable, Hashable {
    public var dimension: AttractivenessDimension
    public var label: String
    /// Mean of the dimension's indicator scores (0–100), or `nil` for no data.
    public var score: Double?
    /// How many indicators fed the score, out of `indicatorsTotal`.
    public var indicatorsUsed: Int
    public var indicatorsTotal: Int
    /// Normalised weight in the composite (0…1).
    public var weight: Double
    /// Where the dimension score stands among the peers' (0–100).
    public var peerPercentile: Double?
}
