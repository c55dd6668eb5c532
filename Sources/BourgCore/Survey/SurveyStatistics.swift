import Foundation

/// The statistics of weighted survey estimates, each documented and tested on values worked by hand.
public enum SurveyStatistics {
    /// The normal quantile of a two-sided 95 % interval.
    public static let z95 = 1.959963984540054

    /// Kish's design effect due to unequal weights: deff = n Σw² / (Σw)² (1 when every weight is equal).
    public static func kishDesignEffect(_ weights: [Double]) -> Double {
        guard !weights.isEmpty else { return 1 }
        var sum = 0.0, squares = 0.0
        for weight in weights {
            sum += weight
            squares += weight * weight
        }
        guard sum > 0 else { return 1 }
        return Double(weights.count) * squares / (sum * sum)
    }

    /// Kish's effective sample size: n / deff = (Σw)² / Σw².
    public static func effectiveSampleSize(_ weights: [Double]) -> Double {
        Double(weights.count) / kishDesignEffect(weights)
    }

    /// The Wilson score interval of a share `p` on a sample of (effective) size `n`:
    /// centre (p + z²/2n) / (1 + z²/n), half-width z / (1 + z²/n) × √(p(1 − p)/n + z²/4n²).
    /// With weighted data, `n` is the Kish effective sample size of the base, so the interval widens with the
    /// spread of the weights. Returns (0, 1) when `n` is 0.
    public static func wilsonInterval(share p: Double, size n: Double, z: Double = z95) -> (low: Double, high: Double) {
        guard n > 0 else { return (0, 1) }
        let z2 = z * z
        let denominator = 1 + z2 / n
        let centre = (p + z2 / (2 * n)) / denominator
        let half = z / denominator * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        return (max(0, centre - half), min(1, centre + half))
    }

    /// The regularised upper incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a), for a > 0, x ≥ 0:
    /// by its series when x < a + 1, else by its continued fraction (modified Lentz), to about 1e-14.
    public static func regularizedGammaQ(_ a: Double, _ x: Double) -> Double {
        precondition(a > 0, "Q(a, x) needs a > 0")
        guard x > 0 else { return 1 }
        guard x.isFinite else { return 0 }
        let logPrefix = -x + a * log(x) - lgamma(a)
        if x < a + 1 {
            // P(a, x) = e^{-x} x^a / Γ(a) × Σ x^n / (a (a+1) … (a+n)).
            var term = 1 / a, sum = term, denominator = a
            for _ in 0..<10_000 {
                denominator += 1
                term *= x / denominator
                sum += term
                if abs(term) < abs(sum) * 1e-16 { break }
            }
            return max(0, 1 - sum * exp(logPrefix))
        }
        // Q(a, x) = e^{-x} x^a / Γ(a) × 1 / (x + 1 − a − 1·(1 − a) / (x + 3 − a − 2·(2 − a) / (x + 5 − a − …))).
        let tiny = 1e-300
        var b = x + 1 - a, c = 1 / tiny, d = 1 / b, fraction = d
        for i in 1..<10_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            fraction *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return min(1, exp(logPrefix) * fraction)
    }

    /// The probability that a chi-square variable with `degreesOfFreedom` exceeds `x`: Q(df/2, x/2).
    public static func chiSquareUpperTail(_ x: Double, degreesOfFreedom: Int) -> Double {
        precondition(degreesOfFreedom > 0, "a chi-square needs at least one degree of freedom")
        return regularizedGammaQ(Double(degreesOfFreedom) / 2, max(0, x) / 2)
    }

    /// Pearson's chi-square of independence on a table of weighted totals, rescaled to the `respondents` counted:
    /// X² = n Σᵢⱼ (pᵢⱼ − pᵢ₊ p₊ⱼ)² / (pᵢ₊ p₊ⱼ), with pᵢⱼ = weighted total of cell ij / weighted grand total.
    /// Rows and columns whose total is 0 are left out; `degreesOfFreedom` = (rows kept − 1)(columns kept − 1).
    public static func pearsonChiSquare(_ table: [[Double]], respondents: Int) -> (chiSquare: Double, degreesOfFreedom: Int) {
        let rowTotals = table.map { $0.reduce(0, +) }
        let columnCount = table.map(\.count).max() ?? 0
        var columnTotals = [Double](repeating: 0, count: columnCount)
        for row in table { for (column, value) in row.enumerated() { columnTotals[column] += value } }
        let total = rowTotals.reduce(0, +)
        let rows = rowTotals.indices.filter { rowTotals[$0] > 0 }
        let columns = columnTotals.indices.filter { columnTotals[$0] > 0 }
        guard total > 0, rows.count > 1, columns.count > 1 else { return (0, 0) }
        var sum = 0.0
        for i in rows {
            for j in columns {
                let observed = (j < table[i].count ? table[i][j] : 0) / total
                let expected = rowTotals[i] / total * columnTotals[j] / total
                sum += (observed - expected) * (observed - expected) / expected
            }
        }
        return (Double(respondents) * sum, (rows.count - 1) * (columns.count - 1))
    }

    /// A test of whether a category matters: Pearson's chi-square on the weighted table (`pearsonChiSquare`),
    /// divided by Kish's design effect of the weights of the respondents in the table — a first-order
    /// Rao–Scott correction in which the mean generalised design effect is approximated by Kish's (it accounts
    /// for unequal weights, not for clustering) — referred to a chi-square with (r − 1)(c − 1) degrees of freedom.
    /// `nil` when the table has fewer than two non-empty rows or columns.
    public static func raoScottTest(_ table: [[Double]], weights: [Double]) -> IndependenceTest? {
        let pearson = pearsonChiSquare(table, respondents: weights.count)
        guard pearson.degreesOfFreedom > 0 else { return nil }
        let designEffect = kishDesignEffect(weights)
        let corrected = pearson.chiSquare / designEffect
        return IndependenceTest(
            pearsonChiSquare: pearson.chiSquare, designEffect: designEffect, chiSquare: corrected,
            degreesOfFreedom: pearson.degreesOfFreedom,
            pValue: chiSquareUpperTail(corrected, degreesOfFreedom: pearson.degreesOfFreedom))
    }
}

/// A chi-square test of independence between a question and a category (see `SurveyStatistics.raoScottTest`).
public struct IndependenceTest: Sendable, Hashable, Codable {
    /// Pearson's X² on the weighted table rescaled to the number of respondents.
    public var pearsonChiSquare: Double
    /// Kish's design effect of the respondents in the table.
    public var designEffect: Double
    /// X² / deff: the Rao–Scott first-order corrected statistic.
    public var chiSquare: Double
    public var degreesOfFreedom: Int
    /// P(χ²(df) > corrected X²).
    public var pValue: Double
    /// The threshold under which the category is said to matter.
    public static let significanceLevel = 0.05
    /// Whether the category matters at the 5 % level (p < 0.05).
    public var isSignificant: Bool

    public init(pearsonChiSquare: Double, designEffect: Double, chiSquare: Double, degreesOfFreedom: Int, pValue: Double) {
        self.pearsonChiSquare = pearsonChiSquare
        self.designEffect = designEffect
        self.chiSquare = chiSquare
        self.degreesOfFreedom = degreesOfFreedom
        self.pValue = pValue
        self.isSignificant = pValue < Self.significanceLevel
    }
}
