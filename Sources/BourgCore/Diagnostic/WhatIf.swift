import Foundation

/// What-if scenarios for one peer town: some of its indicator values (or dimension scores) changed,
/// every other peer unchanged. The town's new indicator scores are its percentile ranks against the other
/// peers' values as they are.
public struct WhatIf: Sendable {
    public let scores: PeerScores

    public init(scores: PeerScores) {
        self.scores = scores
    }

    /// The town's score (0–100) for scored indicator `column` if its value were `value`; `nil` for no value:
    /// its percentile rank against the other peers' values (ties count half), as `PeerScores` ranks them.
    public func indicatorScore(position: Int, column: Int, value: Double?) -> Double? {
        guard let value, scores.scoredIndicators.contains(column) else { return nil }
        let sign = scores.matrix.indicators[column].direction == .lowerIsBetter ? -1.0 : 1.0
        let candidate = sign * value
        var below = 0.0, equal = 0.0, others = 0.0
        for other in scores.members.indices where other != position {
            guard let raw = scores.matrix.value(commune: scores.members[other], indicator: column) else { continue }
            let oriented = sign * raw
            others += 1
            if oriented < candidate { below += 1 } else if oriented == candidate { equal += 1 }
        }
        guard others > 0 else { return 50 }
        return 100 * (below + 0.5 * equal) / others
    }

    /// The town's dimension scores and coverage once `changes` (matrix column → new value, `nil` = unknown)
    /// are applied to its indicators.
    public func dimensionScores(position: Int, changes: [Int: Double?]) -> (scores: [AttractivenessDimension: Double?], coverage: [AttractivenessDimension: Int]) {
        var sums: [AttractivenessDimension: Double] = [:], counts: [AttractivenessDimension: Int] = [:]
        for column in scores.scoredIndicators {
            let dimension = scores.matrix.indicators[column].dimension
            let score: Double? = if let change = changes[column] {
                indicatorScore(position: position, column: column, value: change)
            } else {
                scores.indicatorScore(position, column: column)
            }
            counts[dimension, default: 0] += score == nil ? 0 : 1
            if let score { sums[dimension, default: 0] += score }
        }
        var result: [AttractivenessDimension: Double?] = [:]
        for dimension in scores.dimensions {
            let count = counts[dimension, default: 0]
            result[dimension] = count > 0 ? sums[dimension, default: 0] / Double(count) : Double?.none
        }
        return (result, counts)
    }

    /// The peer scores with the town's indicators changed.
    public func applying(position: Int, changes: [Int: Double?]) -> PeerScores {
        let (dimensionScores, coverage) = dimensionScores(position: position, changes: changes)
        return scores.replacingDimensionScores(of: position, with: dimensionScores, coverage: coverage)
    }

    /// The town's composite gain (points) and places gained on `board` if `changes` were applied, every other
    /// peer unchanged: what `compare` says, computed for the town alone (a diagnostic asks it for every lever).
    public func gain(position: Int, changes: [Int: Double?], on board: Scoreboard) -> (composite: Double?, places: Int?) {
        let (dimensionScores, _) = dimensionScores(position: position, changes: changes)
        let after = scores.composite(ofDimensionScores: scores.dimensions.map { dimensionScores[$0] ?? nil },
                                     normalisedWeights: scores.normalisedWeights(board.weights), aggregation: board.aggregation)
        let before = board.composites[position]
        guard !before.isNaN, !after.isNaN else { return (nil, nil) }
        var composites = board.composites
        composites[position] = after
        guard let rankBefore = board.ranks[position], let rankAfter = PeerScores.ranks(composites)[position] else { return (after - before, nil) }
        return (after - before, rankBefore - rankAfter)
    }

    /// Compares the town before and after a scenario, for one weighting; with `uncertainty`, the town's rank
    /// interval before and after (its own only: the draws rank it without sorting every peer). `before`, if
    /// given, is the board of `scores` for these weights (its interval, e.g. stored in the atlas, is reused).
    public func compare(position: Int, after: PeerScores, weights: Weights, aggregation: Aggregation = .arithmetic,
                        uncertainty: RankUncertainty? = nil, before board: Scoreboard? = nil) -> WhatIfComparison {
        func townScore(_ scores: PeerScores) -> TownScore {
            Scoreboard(scores: scores, weights: weights, aggregation: aggregation,
                       intervals: uncertainty?.intervals(for: scores, weights: weights, only: [position])).townScore(position)
        }
        let reusable = board.map { $0.weights == weights && $0.aggregation == aggregation && ($0.intervals != nil) == (uncertainty != nil) } ?? false
        let before = reusable ? board!.townScore(position) : townScore(scores)
        return WhatIfComparison(before: before, after: townScore(after))
    }
}

/// A town's scores before and after a what-if scenario.
public struct WhatIfComparison: Sendable, Codable {
    public var before: TownScore
    public var after: TownScore

    /// Composite gain in points (after − before), when both exist.
    public var compositeGain: Double? {
        guard let before = before.composite, let after = after.composite else { return nil }
        return after - before
    }

    /// Places gained in the ranking (positive = better), when both ranks exist.
    public var placesGained: Int? {
        guard let before = before.rank, let after = after.rank else { return nil }
        return before - after
    }
}
