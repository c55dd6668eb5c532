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
    /// With weighted data, `n` is the estimate's effective size n / deff (`ShareEstimate`) and `z` the t quantile
    /// on the base's degrees of freedom. Returns (0, 1) when `n` is 0; the bound at 0 or 1 is exact for p = 0 or 1.
    public static func wilsonInterval(share p: Double, size n: Double, z: Double = z95) -> (low: Double, high: Double) {
        guard n > 0 else { return (0, 1) }
        let z2 = z * z
        let denominator = 1 + z2 / n
        let centre = (p + z2 / (2 * n)) / denominator
        let half = z / denominator * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        return (p <= 0 ? 0 : max(0, centre - half), p >= 1 ? 1 : min(1, centre + half))
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

    /// The regularised incomplete beta function I_x(a, b) = B(x; a, b) / B(a, b), for a, b > 0 and 0 ≤ x ≤ 1:
    /// its continued fraction (modified Lentz), on x < (a + 1) / (a + b + 2), else through I_x(a, b) = 1 − I_{1−x}(b, a);
    /// to about 1e-14.
    public static func regularizedBeta(_ x: Double, _ a: Double, _ b: Double) -> Double {
        precondition(a > 0 && b > 0, "I_x(a, b) needs a, b > 0")
        guard x > 0 else { return 0 }
        guard x < 1 else { return 1 }
        let logPrefix = lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x)
        if x > (a + 1) / (a + b + 2) { return 1 - regularizedBeta(1 - x, b, a) }
        // I_x(a, b) = x^a (1 − x)^b / (a B(a, b)) × 1 / (1 + d₁ / (1 + d₂ / (1 + …))), with
        // d₂ₘ₊₁ = −(a + m)(a + b + m) x / ((a + 2m)(a + 2m + 1)) and d₂ₘ = m (b − m) x / ((a + 2m − 1)(a + 2m)).
        let tiny = 1e-300
        var c = 1.0, d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var fraction = d
        for m in 1..<10_000 {
            let m = Double(m)
            let even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            d = 1 + even * d
            if abs(d) < tiny { d = tiny }
            c = 1 + even / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            fraction *= d * c
            let odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            d = 1 + odd * d
            if abs(d) < tiny { d = tiny }
            c = 1 + odd / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            fraction *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return min(1, max(0, exp(logPrefix) * fraction / a))
    }

    /// The probability that an F variable with (`numerator`, `denominator`) degrees of freedom (real, > 0) exceeds
    /// `x`: I_{d₂ / (d₂ + d₁ x)}(d₂ / 2, d₁ / 2) (R's `pf(x, d1, d2, lower.tail = FALSE)`).
    public static func fUpperTail(_ x: Double, numerator d1: Double, denominator d2: Double) -> Double {
        precondition(d1 > 0 && d2 > 0, "an F distribution needs degrees of freedom > 0")
        guard x > 0 else { return 1 }
        guard x.isFinite else { return 0 }
        return regularizedBeta(d2 / (d2 + d1 * x), d2 / 2, d1 / 2)
    }

    /// The probability that Student's t with `degreesOfFreedom` (real, > 0) exceeds `t` in absolute value:
    /// I_{ν / (ν + t²)}(ν / 2, ½).
    public static func tTwoSidedTail(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        precondition(nu > 0, "Student's t needs degrees of freedom > 0")
        guard t.isFinite else { return 0 }
        return regularizedBeta(nu / (nu + t * t), nu / 2, 0.5)
    }

    /// The quantile of Student's t with `degreesOfFreedom` (> 0) that leaves `1 − level` in the two tails: the
    /// critical value of a two-sided `level` interval (R's `qt(1 − (1 − level) / 2, df)`); the normal quantile
    /// when the degrees of freedom are infinite. Newton's method on `tTwoSidedTail` from the Cornish–Fisher
    /// expansion in 1/ν (Abramowitz & Stegun 26.7.5), bisection if it strays; to about 1e-12.
    public static func tCriticalValue(level: Double = 0.95, degreesOfFreedom nu: Double) -> Double {
        precondition(level > 0 && level < 1, "a confidence level is between 0 and 1")
        let alpha = 1 - level
        let z = normalCriticalValue(level: level)
        if !nu.isFinite { return z }
        let z2 = z * z
        var t = z + z * (z2 + 1) / (4 * nu) + z * ((5 * z2 + 16) * z2 + 3) / (96 * nu * nu)
            + z * (((3 * z2 + 19) * z2 + 17) * z2 - 15) / (384 * nu * nu * nu)
        let logDensityConstant = lgamma((nu + 1) / 2) - lgamma(nu / 2) - 0.5 * log(nu * Double.pi)
        var low = 0.0, high = Double.infinity
        for _ in 0..<100 {
            let tail = tTwoSidedTail(t, degreesOfFreedom: nu)
            if tail > alpha { low = max(low, t) } else { high = min(high, t) }
            let density = exp(logDensityConstant - (nu + 1) / 2 * log1p(t * t / nu))
            var next = t + (tail - alpha) / (2 * density)
            if !(next > low && next < high) || !next.isFinite { next = high.isFinite ? (low + high) / 2 : max(2 * t, 1) }
            if abs(next - t) <= 1e-13 * t { return next }
            t = next
        }
        return t
    }

    /// The normal quantile that leaves `1 − level` in the two tails (1.959964 for 95 %): bisection on erfc.
    public static func normalCriticalValue(level: Double = 0.95) -> Double {
        let alpha = 1 - level
        var low = 0.0, high = 40.0
        for _ in 0..<200 {
            let middle = (low + high) / 2
            if erfc(middle / 2.0.squareRoot()) > alpha { low = middle } else { high = middle }
            if high - low < 1e-15 { break }
        }
        return (low + high) / 2
    }

    /// Pearson's chi-square of independence on a table of weighted totals, rescaled to `respondents`:
    /// X² = n Σᵢⱼ (pᵢⱼ − pᵢ₊ p₊ⱼ)² / (pᵢ₊ p₊ⱼ), with pᵢⱼ = weighted total of cell ij / weighted grand total.
    /// Every row and column must have a total above 0 (`RaoScott.test` drops the empty ones first).
    public static func pearsonChiSquare(_ cells: [[Double]], respondents: Double) -> Double {
        let rowTotals = cells.map { $0.reduce(0, +) }
        let columnCount = cells.first?.count ?? 0
        var columnTotals = [Double](repeating: 0, count: columnCount)
        for row in cells { for (column, value) in row.enumerated() { columnTotals[column] += value } }
        let total = rowTotals.reduce(0, +)
        guard total > 0 else { return 0 }
        var sum = 0.0
        for i in cells.indices {
            for j in 0..<columnCount {
                let observed = cells[i][j] / total
                let expected = rowTotals[i] / total * columnTotals[j] / total
                sum += (observed - expected) * (observed - expected) / expected
            }
        }
        return respondents * sum
    }
}
