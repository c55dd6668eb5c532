import Dispatch
import Foundation

/// The scores of every town of a peer group that do not depend on weights: a 0–100 score per indicator
/// (percentile rank among the peers, respecting the indicator's direction) and
/// per dimension (the mean of its indicator scores that exist). Composites for any weighting are then
/// a tight loop over `dimensionScores`.
public struct PeerScores: Sendable {
    public let group: PeerGroup
    public let matrix: IndicatorMatrix
    /// Matrix rows of the peers, in matrix order.
    public let members: [Int]
    /// The scored indicators (matrix columns): directional (higher or lower is better), in a weighable dimension.
    public let scoredIndicators: [Int]
    /// Outlier treatment of each scored indicator (same order as `scoredIndicators`).
    public let treatments: [OutlierTreatment]
    /// Treated values (oriented so that higher is better), `members.count × scoredIndicators.count`, NaN = missing.
    public let treatedValues: [Double]
    /// Indicator scores 0–100, `members.count × scoredIndicators.count`, NaN = missing.
    public private(set) var indicatorScores: [Double]
    /// The weighable dimensions, in order.
    public let dimensions: [AttractivenessDimension]
    /// Dimension scores 0–100, `members.count × dimensions.count`, NaN = no data.
    public private(set) var dimensionScores: [Double]
    /// log(max(score, geometric floor)) of each dimension score, for geometric means without a log per cell.
    private var logDimensionScores: [Double]
    /// How many indicator scores fed each dimension score, `members.count × dimensions.count`.
    public private(set) var dimensionCoverage: [Int]
    /// How many scored indicators each dimension has.
    public let indicatorsPerDimension: [Int]
    /// Percentile rank of each dimension score among the peers', laid out as `dimensionScores`.
    private var dimensionPercentiles: [Double]
    /// What a missing dimension counts for in a composite: the peers' first quartile of that dimension's scores
    /// (see `MissingDimensionRule`), per dimension; and its logarithm for the geometric mean.
    public let imputedDimensionScores: [Double]
    private let logImputedDimensionScores: [Double]
    private let positionOfRow: [Int: Int]

    /// Scores the communes of `group` in `matrix`.
    public init(matrix: IndicatorMatrix, group: PeerGroup) {
        self.init(matrix: matrix, group: group, members: matrix.rows(in: group.range))
    }

    /// Scores the given rows of `matrix` as a peer group; with `stored`, the indicator part computed earlier for
    /// the same rows of the same matrix (`indicatorPart`, stored in the atlas at build) instead of computing it.
    public init(matrix: IndicatorMatrix, group: PeerGroup, members: [Int], stored: IndicatorPart? = nil) {
        self.group = group
        self.matrix = matrix
        self.members = members
        positionOfRow = Dictionary(uniqueKeysWithValues: members.enumerated().map { ($0.element, $0.offset) })
        let dimensions = AttractivenessDimension.weighable
        self.dimensions = dimensions
        let scored = matrix.indicators.indices.filter { column in
            let definition = matrix.indicators[column]
            return definition.direction != .neutral && definition.kind != .category && dimensions.contains(definition.dimension)
        }
        scoredIndicators = scored
        let memberCount = members.count, indicatorCount = scored.count
        let part = stored.flatMap { $0.fits(scored: scored, members: memberCount) ? $0 : nil }
            ?? Self.scoreIndicators(matrix: matrix, members: members, scored: scored)
        let treatments = part.treatments, treatedValues = part.treatedValues, scores = part.indicatorScores
        self.treatments = treatments
        self.treatedValues = treatedValues
        indicatorScores = scores
        let dimensionOf = scored.map { column in dimensions.firstIndex(of: matrix.indicators[column].dimension)! }
        indicatorsPerDimension = dimensions.indices.map { d in dimensionOf.filter { $0 == d }.count }
        var dimensionScores = [Double](repeating: .nan, count: memberCount * dimensions.count)
        var coverage = [Int](repeating: 0, count: memberCount * dimensions.count)
        for position in 0..<memberCount {
            var sums = [Double](repeating: 0, count: dimensions.count)
            for k in 0..<indicatorCount {
                let score = scores[position * indicatorCount + k]
                guard !score.isNaN else { continue }
                sums[dimensionOf[k]] += score
                coverage[position * dimensions.count + dimensionOf[k]] += 1
            }
            for d in dimensions.indices where coverage[position * dimensions.count + d] > 0 {
                dimensionScores[position * dimensions.count + d] = sums[d] / Double(coverage[position * dimensions.count + d])
            }
        }
        self.dimensionScores = dimensionScores
        logDimensionScores = dimensionScores.map { $0.isNaN ? .nan : Foundation.log(Swift.max($0, Aggregation.geometricFloor)) }
        dimensionCoverage = coverage
        dimensionPercentiles = Self.percentiles(of: dimensionScores, members: memberCount, dimensions: dimensions.count)
        let imputed = dimensions.indices.map { d in
            MissingDimensionRule.imputedScore((0..<memberCount).map { dimensionScores[$0 * dimensions.count + d] }.filter { !$0.isNaN })
        }
        imputedDimensionScores = imputed
        logImputedDimensionScores = imputed.map { $0.isNaN ? .nan : Foundation.log(Swift.max($0, Aggregation.geometricFloor)) }
    }

    /// What the atlas stores of a peer group's scores: the scored columns, their outlier treatments, the treated
    /// values and the indicator scores (`members × scored`, NaN = missing); the rest is quick to derive.
    public struct IndicatorPart: Sendable, Equatable {
        public var scoredIndicators: [Int]
        public var treatments: [OutlierTreatment]
        public var treatedValues: [Double]
        public var indicatorScores: [Double]

        public init(scoredIndicators: [Int], treatments: [OutlierTreatment], treatedValues: [Double], indicatorScores: [Double]) {
            self.scoredIndicators = scoredIndicators
            self.treatments = treatments
            self.treatedValues = treatedValues
            self.indicatorScores = indicatorScores
        }

        func fits(scored: [Int], members: Int) -> Bool {
            scoredIndicators == scored && treatments.count == scored.count
                && treatedValues.count == members * scored.count && indicatorScores.count == members * scored.count
        }

        /// Equal values, missing ones (NaN) at the same places.
        public static func == (a: Self, b: Self) -> Bool {
            func same(_ x: [Double], _ y: [Double]) -> Bool { x.count == y.count && zip(x, y).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) } }
            return a.scoredIndicators == b.scoredIndicators && a.treatments == b.treatments
                && same(a.treatedValues, b.treatedValues) && same(a.indicatorScores, b.indicatorScores)
        }
    }

    /// The part of these scores that the atlas stores for the default peers.
    public var indicatorPart: IndicatorPart {
        IndicatorPart(scoredIndicators: scoredIndicators, treatments: treatments, treatedValues: treatedValues, indicatorScores: indicatorScores)
    }

    /// Percentile ranks and outlier treatments of every scored indicator among `members`.
    static func scoreIndicators(matrix: IndicatorMatrix, members: [Int], scored: [Int]) -> IndicatorPart {
        let memberCount = members.count, indicatorCount = scored.count
        var treatedValues = [Double](repeating: .nan, count: memberCount * indicatorCount)
        var scores = [Double](repeating: .nan, count: memberCount * indicatorCount)
        var treatments = [OutlierTreatment](repeating: .none, count: indicatorCount)
        // Indicators are independent: scored in parallel, each writing its own column.
        treatedValues.withUnsafeMutableBufferPointer { treatedBuffer in
            scores.withUnsafeMutableBufferPointer { scoreBuffer in
                treatments.withUnsafeMutableBufferPointer { treatmentBuffer in
                    nonisolated(unsafe) let treatedOutput = treatedBuffer, scoreOutput = scoreBuffer, treatmentOutput = treatmentBuffer
                    DispatchQueue.concurrentPerform(iterations: indicatorCount) { k in
                        let column = scored[k]
                        let sign = matrix.indicators[column].direction == .lowerIsBetter ? -1.0 : 1.0
                        var positions: [Int] = [], values: [Double] = []
                        for (position, row) in members.enumerated() {
                            if let value = matrix.value(commune: row, indicator: column) {
                                positions.append(position)
                                values.append(sign * value)
                            }
                        }
                        let (treated, treatment) = OutlierTreatment.treat(values)
                        treatmentOutput[k] = treatment
                        // Ranks use the raw order: percentile ranks do not change under the log transform, and ranking
                        // the winsorised values would tie a town with the next one when it improves enough to become an
                        // outlier (its score would fall as its value rises). The treated values feed the distances.
                        let ranks = Statistics.percentileRanks(values)
                        for (i, position) in positions.enumerated() {
                            treatedOutput[position * indicatorCount + k] = treated[i]
                            scoreOutput[position * indicatorCount + k] = ranks[i]
                        }
                    }
                }
            }
        }
        return IndicatorPart(scoredIndicators: scored, treatments: treatments, treatedValues: treatedValues, indicatorScores: scores)
    }

    /// A copy in which one peer's dimension scores are replaced (a what-if scenario), every other peer's
    /// scores unchanged. Percentiles of dimension scores are recomputed for the essential-service flags.
    public func replacingDimensionScores(of position: Int, with scores: [AttractivenessDimension: Double?], coverage: [AttractivenessDimension: Int] = [:]) -> PeerScores {
        var copy = self
        var changed: [Int] = []
        for (dimension, score) in scores {
            guard let d = dimensions.firstIndex(of: dimension) else { continue }
            let index = position * dimensions.count + d
            let new = score ?? .nan
            if !(new == dimensionScores[index] || (new.isNaN && dimensionScores[index].isNaN)) { changed.append(d) }
            copy.dimensionScores[index] = new
            copy.logDimensionScores[index] = score.map { Foundation.log(Swift.max($0, Aggregation.geometricFloor)) } ?? .nan
            if let count = coverage[dimension] { copy.dimensionCoverage[index] = count }
        }
        // Only the dimensions whose score moved are ranked again.
        Self.rankPercentiles(of: copy.dimensionScores, into: &copy.dimensionPercentiles, members: members.count,
                             dimensions: dimensions.count, only: changed)
        return copy
    }

    /// The position of a matrix row among the peers, or `nil` if it is not a peer.
    public func position(ofRow row: Int) -> Int? { positionOfRow[row] }

    /// The position of a commune among the peers, by INSEE code.
    public func position(ofCommune code: String) -> Int? { matrix.row(ofCommune: code).flatMap { positionOfRow[$0] } }

    /// A peer's dimension score, or `nil` for no data.
    public func dimensionScore(_ position: Int, _ dimension: AttractivenessDimension) -> Double? {
        guard let d = dimensions.firstIndex(of: dimension) else { return nil }
        let score = dimensionScores[position * dimensions.count + d]
        return score.isNaN ? nil : score
    }

    /// A peer's score for a scored indicator (matrix column), or `nil`.
    public func indicatorScore(_ position: Int, column: Int) -> Double? {
        guard let k = scoredIndicators.firstIndex(of: column) else { return nil }
        let score = indicatorScores[position * scoredIndicators.count + k]
        return score.isNaN ? nil : score
    }

    // MARK: Composites

    /// Normalised weights per dimension (in `dimensions` order) for `weights`; sum 1 over positive weights.
    public func normalisedWeights(_ weights: Weights) -> [Double] {
        let raw = dimensions.map { max(0, weights.value($0)) }
        let total = raw.reduce(0, +)
        return total > 0 ? raw.map { $0 / total } : raw
    }

    /// Every peer's composite score for weights already normalised (`normalisedWeights`): NaN when its dimensions
    /// with data carry less than `MissingDimensionRule.minimumWeightCovered` of the weight; a weighted dimension
    /// without data counts at the peers' first quartile (`MissingDimensionRule`).
    public func composites(normalisedWeights weights: [Double], aggregation: Aggregation) -> [Double] {
        var result = [Double](repeating: .nan, count: members.count)
        composites(normalisedWeights: weights, aggregation: aggregation, into: &result)
        return result
    }

    /// As `composites(normalisedWeights:aggregation:)`, writing into a buffer the caller reuses.
    public func composites(normalisedWeights weights: [Double], aggregation: Aggregation, into result: inout [Double]) {
        let dimensionCount = dimensions.count
        let geometric = aggregation == .geometric
        (geometric ? logDimensionScores : dimensionScores).withUnsafeBufferPointer { scores in
            (geometric ? logImputedDimensionScores : imputedDimensionScores).withUnsafeBufferPointer { imputed in
                weights.withUnsafeBufferPointer { weights in
                    for position in 0..<members.count {
                        result[position] = Self.composite(scores, from: position * dimensionCount, imputed: imputed, weights: weights, geometric: geometric)
                    }
                }
            }
        }
    }

    /// The composite of one town's dimension scores (`scores[base ..< base + weights.count]`, NaN = no data;
    /// their logarithms for the geometric mean): the weighted mean, a missing dimension counting as `imputed[d]`;
    /// NaN if the dimensions with data carry less than `MissingDimensionRule.minimumWeightCovered` of the weight.
    @inline(__always)
    static func composite(_ scores: UnsafeBufferPointer<Double>, from base: Int, imputed: UnsafeBufferPointer<Double>,
                          weights: UnsafeBufferPointer<Double>, geometric: Bool) -> Double {
        var total = 0.0, weightUsed = 0.0, weightCovered = 0.0
        for d in 0..<weights.count {
            let weight = weights[d]
            guard weight > 0 else { continue }
            var score = scores[base + d]
            if score.isNaN {
                score = imputed[d]
                guard !score.isNaN else { continue }
            } else {
                weightCovered += weight
            }
            total += weight * score
            weightUsed += weight
        }
        guard weightUsed > 0, weightCovered >= MissingDimensionRule.minimumWeightCovered * weightUsed else { return .nan }
        return geometric ? Foundation.exp(total / weightUsed) : total / weightUsed
    }

    /// The composite of a town whose dimension scores (in `dimensions` order, `nil` = no data) would be `scores`.
    public func composite(ofDimensionScores scores: [Double?], normalisedWeights weights: [Double], aggregation: Aggregation) -> Double {
        let geometric = aggregation == .geometric
        let values = scores.map { score in
            guard let score else { return Double.nan }
            return geometric ? Foundation.log(Swift.max(score, Aggregation.geometricFloor)) : score
        }
        return values.withUnsafeBufferPointer { values in
            (geometric ? logImputedDimensionScores : imputedDimensionScores).withUnsafeBufferPointer { imputed in
                weights.withUnsafeBufferPointer { weights in Self.composite(values, from: 0, imputed: imputed, weights: weights, geometric: geometric) }
            }
        }
    }

    /// The dimensions that `weights` weighs and for which the peer at `position` has no data.
    public func missingWeightedDimensions(_ position: Int, weights: Weights) -> [AttractivenessDimension] {
        dimensions.filter { weights.value($0) > 0 && dimensionScore(position, $0) == nil }
    }

    /// The composite score of every peer for `weights`.
    public func composites(_ weights: Weights, aggregation: Aggregation = .arithmetic) -> [Double] {
        composites(normalisedWeights: normalisedWeights(weights), aggregation: aggregation)
    }

    /// Ranks (1 = best; equal composites share a rank) of every peer by composite; `nil` without a composite.
    public static func ranks(_ composites: [Double]) -> [Int?] {
        var keys: [UInt64] = []
        sortedByComposite(composites, into: &keys)
        var ranks = [Int?](repeating: nil, count: composites.count)
        var previous = Double.nan, previousRank = 0
        for (place, key) in keys.enumerated() {
            let position = Int(key & 0xFFFF_FFFF)
            let composite = composites[position]
            previousRank = composite == previous ? previousRank : place + 1
            previous = composite
            ranks[position] = previousRank
        }
        return ranks
    }

    /// The positions of `composites` that have one, best first (ties by position), packed in `keys` as
    /// (descending quantised composite << 32 | position): a plain integer sort, fast enough for every draw of
    /// the rank uncertainty. Read a position with `Int(key & 0xFFFF_FFFF)`.
    static func sortedByComposite(_ composites: [Double], into keys: inout [UInt64]) {
        sortKeys(composites, into: &keys)
        radixSortByHighHalf(&keys)
    }

    /// The sort keys of the positions of `composites` that have one, in position order (unsorted).
    static func sortKeys(_ composites: [Double], into keys: inout [UInt64]) {
        keys.removeAll(keepingCapacity: true)
        for position in composites.indices where !composites[position].isNaN {
            keys.append(sortKey(composites[position], position: position))
        }
    }

    /// The key ordering a town in a draw: (descending quantised composite << 32 | position); smaller is better.
    @inline(__always)
    static func sortKey(_ composite: Double, position: Int) -> UInt64 {
        let quantised = UInt64((min(100, max(0, composite)) / 100 * Double(UInt32.max)).rounded())
        return (UInt64(UInt32.max) - quantised) << 32 | UInt64(position)
    }

    /// Sorts keys by their upper 32 bits, stably (least-significant-digit radix sort, four 8-bit passes):
    /// linear time, several times faster than a comparison sort for the 4,000 keys of each draw.
    /// Keys with equal upper halves keep their order (here: increasing position).
    static func radixSortByHighHalf(_ keys: inout [UInt64]) {
        let count = keys.count
        guard count > 1 else { return }
        var scratch = [UInt64](repeating: 0, count: count)
        keys.withUnsafeMutableBufferPointer { source in
            scratch.withUnsafeMutableBufferPointer { target in
                var from = source, to = target
                var counts = [Int](repeating: 0, count: 256)
                for pass in 0..<4 {
                    let shift = UInt64(32 + 8 * pass)
                    for index in 0..<256 { counts[index] = 0 }
                    for key in from { counts[Int((key >> shift) & 0xFF)] += 1 }
                    var total = 0
                    for index in 0..<256 {
                        let bucket = counts[index]
                        counts[index] = total
                        total += bucket
                    }
                    for key in from {
                        let bucket = Int((key >> shift) & 0xFF)
                        to[counts[bucket]] = key
                        counts[bucket] += 1
                    }
                    swap(&from, &to)
                }
                // Four passes: the sorted keys are back in `source`.
            }
        }
    }

    // MARK: Essential services

    /// Dimensions whose score, in the bottom `essentialThreshold` share of peers, flags a town whatever its composite.
    public static let essentialDimensions: [AttractivenessDimension] = [.sante, .mobilite]
    /// The bottom share of peers that raises an essential-service flag.
    public static let essentialThreshold = 10.0

    /// The essential dimensions in which a peer is in the bottom 10% of its peers.
    public func essentialFlags(_ position: Int) -> [AttractivenessDimension] {
        Self.essentialDimensions.filter { dimension in
            guard let percentile = dimensionPercentile(position, dimension) else { return false }
            return percentile < Self.essentialThreshold
        }
    }

    /// Where a peer's dimension score stands among the peers' (percentile rank 0–100), or `nil` for no data.
    public func dimensionPercentile(_ position: Int, _ dimension: AttractivenessDimension) -> Double? {
        guard let d = dimensions.firstIndex(of: dimension) else { return nil }
        let value = dimensionPercentiles[position * dimensions.count + d]
        return value.isNaN ? nil : value
    }

    /// Percentile ranks of each dimension's scores among the peers, laid out as `dimensionScores`.
    private static func percentiles(of scores: [Double], members: Int, dimensions: Int) -> [Double] {
        var result = [Double](repeating: .nan, count: scores.count)
        rankPercentiles(of: scores, into: &result, members: members, dimensions: dimensions, only: Array(0..<dimensions))
        return result
    }

    /// Writes the peers' percentile ranks of dimensions `only` into `result` (member-major, like `scores`).
    private static func rankPercentiles(of scores: [Double], into result: inout [Double], members: Int, dimensions: Int, only: [Int]) {
        for d in only {
            var positions: [Int] = [], values: [Double] = []
            for position in 0..<members {
                let score = scores[position * dimensions + d]
                result[position * dimensions + d] = .nan
                guard !score.isNaN else { continue }
                positions.append(position)
                values.append(score)
            }
            for (i, rank) in Statistics.percentileRanks(values).enumerated() { result[positions[i] * dimensions + d] = rank }
        }
    }
}

/// How a composite treats a weighted dimension without data, following the OECD/JRC *Handbook on Constructing
/// Composite Indicators* (imputation, then a minimum of coverage): the missing dimension counts at the **first
/// quartile** of the peers' scores in that dimension — a cautious imputation, so that a town never climbs because
/// a figure is missing (leaving the dimension out would share its weight among the others, lifting the towns
/// that would score low on it) — and a town whose dimensions with data carry less than half of the weight gets no
/// composite and no rank. Pages show such a town as "classement partiel", naming the imputed dimensions.
public enum MissingDimensionRule {
    /// Share of the weight its dimensions with data must carry for a town to get a composite.
    public static let minimumWeightCovered = 0.5
    /// The quantile of the peers' dimension scores a missing dimension counts at.
    public static let imputedQuantile = 0.25

    /// What a page says of a town with missing weighted dimensions (`missing`, their labels): "classement partiel"
    /// naming them, or "non classée" when too few have data; `nil` when nothing is missing.
    public static func text(missing: [String], ranked: Bool) -> String? {
        guard !missing.isEmpty else { return nil }
        let names = missing.joined(separator: ", ").lowercased()
        return ranked
            ? "classement partiel : \(names) sans donnée, \(missing.count > 1 ? "comptées" : "comptée") au 1er quartile des pairs"
            : "non classée : trop de données manquantes (\(names))"
    }

    /// The first quartile (linear interpolation between order statistics) of `scores`, NaN if there are none.
    static func imputedScore(_ scores: [Double]) -> Double {
        Statistics.quantile(sorted: scores.sorted(), imputedQuantile) ?? .nan
    }
}
