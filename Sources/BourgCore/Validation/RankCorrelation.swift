import Foundation

/// Spearman's rank correlation and its relatives, as the validation of the scores against migration uses them.
///
/// Every function takes paired columns where NaN marks a missing value and keeps the pairs where both exist.
/// Ranks are average ranks (ties share the mean of their positions, as R's `rank(ties.method = "average")`);
/// ρ is Pearson's correlation of the ranks, which with ties is R's `cor(method = "spearman")`.
public enum RankCorrelation {
    /// Average ranks 1…n of `values` (none missing): ties get the mean of the positions they span.
    public static func averageRanks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && values[order[end + 1]] == values[order[start]] { end += 1 }
            let rank = Double(start + end) / 2 + 1
            for position in start...end { ranks[order[position]] = rank }
            start = end + 1
        }
        return ranks
    }

    /// Pearson's correlation of complete pairs, weighted when `weights` is given (weight 0 drops a pair);
    /// `nil` with fewer than 3 pairs or a constant column.
    public static func pearson(_ x: [Double], _ y: [Double], weights: [Double]? = nil) -> Double? {
        precondition(x.count == y.count && (weights?.count ?? x.count) == x.count, "paired columns must have the same length")
        var total = 0.0, sumX = 0.0, sumY = 0.0, pairs = 0
        for i in x.indices where !x[i].isNaN && !y[i].isNaN {
            let w = weights?[i] ?? 1
            guard w > 0 else { continue }
            total += w; sumX += w * x[i]; sumY += w * y[i]; pairs += 1
        }
        guard pairs >= 3, total > 0 else { return nil }
        let meanX = sumX / total, meanY = sumY / total
        var sxx = 0.0, syy = 0.0, sxy = 0.0
        for i in x.indices where !x[i].isNaN && !y[i].isNaN {
            let w = weights?[i] ?? 1
            guard w > 0 else { continue }
            let dx = x[i] - meanX, dy = y[i] - meanY
            sxx += w * dx * dx; syy += w * dy * dy; sxy += w * dx * dy
        }
        guard sxx > 0, syy > 0 else { return nil }
        return sxy / (sxx * syy).squareRoot()
    }

    /// Spearman's ρ of the complete pairs: Pearson's correlation of their average ranks; with `weights`
    /// (e.g. populations), the weighted Pearson correlation of the (unweighted) ranks.
    public static func spearman(_ x: [Double], _ y: [Double], weights: [Double]? = nil) -> Double? {
        let complete = x.indices.filter { !x[$0].isNaN && !y[$0].isNaN }
        return pearson(averageRanks(complete.map { x[$0] }), averageRanks(complete.map { y[$0] }),
                       weights: weights.map { w in complete.map { w[$0] } })
    }

    /// Partial Spearman correlation of `x` and `y` holding `controls` fixed: the ranks of x and y (over the
    /// pairs where x, y and every control exist) are each regressed by least squares on an intercept and the
    /// ranks of the controls, and ρ is the Pearson correlation of the two residuals. A categorical control is
    /// passed as 0/1 dummy columns (one category left out).
    public static func partialSpearman(_ x: [Double], _ y: [Double], controls: [[Double]]) -> Double? {
        let complete = x.indices.filter { i in !x[i].isNaN && !y[i].isNaN && controls.allSatisfy { !$0[i].isNaN } }
        guard complete.count > controls.count + 3 else { return nil }
        let columns = controls.map { control in averageRanks(complete.map { control[$0] }) }
        let design = RidgeDesign(columns: columns, weights: Array(repeating: 1, count: complete.count))
        let everyone = Array(0..<complete.count)
        let gram = design.gram(of: everyone)
        func residuals(_ values: [Double]) -> [Double]? {
            guard let fit = RidgeFit.solve(gram: gram, moment: design.moment(of: everyone, y: values), lambda: 0) else { return nil }
            return everyone.map { values[$0] - design.predict(fit, row: $0) }
        }
        guard let rx = residuals(averageRanks(complete.map { x[$0] })),
              let ry = residuals(averageRanks(complete.map { y[$0] })) else { return nil }
        return pearson(rx, ry)
    }
}

/// The complete pairs of two columns prepared so that Spearman's ρ can be recomputed quickly for many resamples:
/// each sort is done once, and a resample (a multiplicity per observation) is ranked in one pass over it.
public struct ResamplableSpearman: Sendable {
    /// The positions (in the caller's columns) of the complete pairs.
    public let positions: [Int]
    private let x: SortedTies
    private let y: SortedTies
    private let weights: [Double]?

    /// The pairs of `x` and `y` where both exist; `weights` as in `RankCorrelation.spearman`.
    public init(_ x: [Double], _ y: [Double], weights: [Double]? = nil) {
        let complete = x.indices.filter { !x[$0].isNaN && !y[$0].isNaN }
        positions = complete
        self.x = SortedTies(complete.map { x[$0] })
        self.y = SortedTies(complete.map { y[$0] })
        self.weights = weights.map { w in complete.map { w[$0] } }
    }

    /// ρ on the whole sample (every multiplicity 1): the same as `RankCorrelation.spearman`.
    public var value: Double? { value(multiplicity: Array(repeating: 1, count: positions.count)) }

    /// ρ of a resample in which the pair `k` (of `positions`) appears `multiplicity[k]` times. A pair repeated m
    /// times takes m consecutive ranks, so its average rank is that of a tie group of size m.
    public func value(multiplicity: [Double]) -> Double? {
        value(multiplicity: multiplicity, yRanks: yRanks(multiplicity: multiplicity))
    }

    /// The y column's average ranks in a resample: shared by every pairing of the same y with the same complete pairs.
    public func yRanks(multiplicity: [Double]) -> [Double] {
        var ry = [Double](repeating: 0, count: positions.count)
        y.ranks(multiplicity: multiplicity, into: &ry)
        return ry
    }

    /// ρ of a resample whose y ranks (`yRanks(multiplicity:)`) are already known.
    public func value(multiplicity: [Double], yRanks ry: [Double]) -> Double? {
        let n = positions.count
        var rx = [Double](repeating: 0, count: n)
        x.ranks(multiplicity: multiplicity, into: &rx)
        // Weighted Pearson correlation of the ranks in one pass (ranks are small: no loss of precision).
        var total = 0.0, sumX = 0.0, sumY = 0.0, sumXX = 0.0, sumYY = 0.0, sumXY = 0.0, pairs = 0
        for k in 0..<n {
            let w = multiplicity[k] * (weights?[k] ?? 1)
            guard w > 0 else { continue }
            let a = rx[k], b = ry[k]
            total += w; sumX += w * a; sumY += w * b; sumXX += w * a * a; sumYY += w * b * b; sumXY += w * a * b; pairs += 1
        }
        guard pairs >= 3, total > 0 else { return nil }
        let sxx = sumXX - sumX * sumX / total, syy = sumYY - sumY * sumY / total, sxy = sumXY - sumX * sumY / total
        guard sxx > 0, syy > 0 else { return nil }
        return sxy / (sxx * syy).squareRoot()
    }

    /// A column's sort order, cut into runs of equal values.
    struct SortedTies: Sendable {
        let order: [Int]
        /// The end (exclusive) in `order` of each run of equal values.
        let runEnds: [Int]

        init(_ values: [Double]) {
            let order = values.indices.sorted { values[$0] < values[$1] }
            var ends: [Int] = []
            for position in order.indices where position + 1 == order.count || values[order[position + 1]] != values[order[position]] {
                ends.append(position + 1)
            }
            self.order = order
            runEnds = ends
        }

        /// Average ranks when observation k counts `multiplicity[k]` times (0: absent, its rank unused).
        func ranks(multiplicity: [Double], into ranks: inout [Double]) {
            var below = 0.0, start = 0
            for end in runEnds {
                var count = 0.0
                for position in start..<end { count += multiplicity[order[position]] }
                let rank = below + (count + 1) / 2
                for position in start..<end { ranks[order[position]] = rank }
                below += count
                start = end
            }
        }
    }
}
