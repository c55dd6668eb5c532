import Foundation

/// How raking runs: when it stops, and the bounds weights are kept within.
public struct RakingOptions: Sendable, Hashable, Codable {
    /// Converged when every achieved share is within this of its target.
    public var tolerance: Double
    /// The most passes over the margins (iterative fitting) or Newton steps (bounded raking).
    public var maxIterations: Int
    /// The bounds of the weights (`nil`: none), as multiples of the starting weight scaled to a mean of 1 for
    /// bounded raking, of the mean weight for trimming (the same without design weights).
    public var trimBounds: TrimBounds?
    /// How the bounds are kept.
    public var boundMethod: BoundMethod

    public init(tolerance: Double = 1e-8, maxIterations: Int = 100, trimBounds: TrimBounds? = TrimBounds(),
                boundMethod: BoundMethod = .calibration) {
        self.tolerance = tolerance
        self.maxIterations = maxIterations
        self.trimBounds = trimBounds
        self.boundMethod = boundMethod
    }

    /// Tolerance 1e-8, at most 100 iterations, bounded raking with weights within [0.2, 5] × the starting weight.
    public static let standard = RakingOptions()
}

/// How raking keeps the weights within their bounds.
public enum BoundMethod: String, Sendable, Hashable, Codable {
    /// Bounded raking, as R's `calibrate(calfun = "raking", bounds = c(lo, hi))`: the weights d·g closest to the
    /// starting weights d (raking distance) that meet the margins with lo ≤ g ≤ hi, g = clamp(exp(x′λ), lo, hi);
    /// unique, whatever the path (`Raking.rakeWithinBounds`).
    case calibration
    /// Trimming inside each pass of iterative fitting (weights outside the bounds set to the bound): the result
    /// depends on the path.
    case trimming
}

/// The bounds of the weights, as multiples of the starting (design) weight scaled to a mean of 1 for bounded
/// raking, or of the mean weight for trimming.
public struct TrimBounds: Sendable, Hashable, Codable {
    public var lower: Double
    public var upper: Double

    /// Bounds `lower` and `upper` × the mean weight; usable when 0 ≤ lower < 1 < upper (`isValid`).
    public init(lower: Double = 0.2, upper: Double = 5) {
        self.lower = lower
        self.upper = upper
    }

    /// Whether the bounds can hold a mean of 1.
    public var isValid: Bool { lower >= 0 && lower < 1 && upper > 1 && upper.isFinite }
}

/// One margin to rake on: each respondent's category and the target share of each category.
public struct RakingTarget: Sendable, Hashable {
    /// The variable's name (for messages).
    public var name: String
    /// Per respondent, the position of its category in `shares`.
    public var categories: [Int]
    /// Target share per category; they sum to 1.
    public var shares: [Double]
    /// Category labels for messages (codes), one per share.
    public var categoryNames: [String]

    public init(name: String, categories: [Int], shares: [Double], categoryNames: [String]? = nil) {
        self.name = name
        self.categories = categories
        self.shares = shares
        self.categoryNames = categoryNames ?? shares.indices.map { String($0) }
    }
}

/// The result of raking: the calibrated weights and how the iterations went.
public struct RakingResult: Sendable, Hashable {
    /// One weight per respondent, scaled to a mean of 1.
    public var weights: [Double]
    /// Passes made over all the margins (0 when the starting weights already met them).
    public var iterations: Int
    /// Whether every achieved share is within the tolerance of its target (with the weights within their bounds).
    public var converged: Bool
    /// The largest |achieved share − target share| at the end.
    public var maxGap: Double
    /// How many weights sit at a trimming bound at the end.
    public var weightsAtBounds: Int
}

/// Calibration of weights on population margins by raking: iterative proportional fitting (with trimming), or
/// bounded raking by Newton's method.
public enum Raking {
    /// Rakes `baseWeights` on `targets` as `options` say: bounded raking (`rakeWithinBounds`) when the options
    /// have bounds kept by calibration, else iterative proportional fitting (`rake`).
    public static func calibrate(baseWeights: [Double], targets: [RakingTarget],
                                 options: RakingOptions = .standard) throws(SurveyError) -> RakingResult {
        if let bounds = options.trimBounds, options.boundMethod == .calibration {
            return try rakeWithinBounds(baseWeights: baseWeights, targets: targets, bounds: bounds, options: options)
        }
        return try rake(baseWeights: baseWeights, targets: targets, options: options)
    }

    /// Rakes `baseWeights` (design weights, or 1) on `targets`, all margins at once, by iterative proportional
    /// fitting, trimming the weights to `options.trimBounds` (whatever `options.boundMethod` says).
    ///
    /// The weights are first scaled to a mean of 1. Each pass multiplies, margin after margin, the weight of every
    /// respondent in category k by (target share of k × n) / (weighted total of k), so that margin is met exactly;
    /// then, with trimming, weights outside [lower, upper] × the mean (1) are set to the bound. Passes stop when
    /// every achieved share is within `tolerance` of its target (checked after trimming, so a converged result
    /// meets both the margins and the bounds), or after `maxIterations` passes (then `converged` is false).
    /// The final weights are rescaled to a mean of 1.
    ///
    /// Throws when a category with a target share above 0 has no respondent (no weight can reach it), when a
    /// respondent's category is out of range, or when the weights or bounds are not usable.
    public static func rake(baseWeights: [Double], targets: [RakingTarget],
                            options: RakingOptions = .standard) throws(SurveyError) -> RakingResult {
        let n = baseWeights.count
        try check(baseWeights: baseWeights, targets: targets, options: options)

        let total = baseWeights.reduce(0, +)
        var weights = baseWeights.map { $0 * Double(n) / total }
        let bounds = options.trimBounds

        func totals(_ target: RakingTarget) -> [Double] {
            var sums = [Double](repeating: 0, count: target.shares.count)
            for (respondent, category) in target.categories.enumerated() { sums[category] += weights[respondent] }
            return sums
        }
        func maxGap() -> Double { Raking.maxGap(weights, targets) }
        func outOfBounds() -> Bool {
            guard let bounds else { return false }
            let mean = weights.reduce(0, +) / Double(n)
            let slack = 1e-9
            return weights.contains { $0 < bounds.lower * mean - slack || $0 > bounds.upper * mean + slack }
        }

        var iterations = 0
        var gap = maxGap()
        var converged = gap < options.tolerance && !outOfBounds()
        while !converged && iterations < options.maxIterations {
            iterations += 1
            for target in targets {
                let sums = totals(target)
                let factors = sums.indices.map { sums[$0] > 0 ? target.shares[$0] * Double(n) / sums[$0] : 0 }
                for (respondent, category) in target.categories.enumerated() { weights[respondent] *= factors[category] }
            }
            if let bounds {
                for respondent in weights.indices {
                    weights[respondent] = min(max(weights[respondent], bounds.lower), bounds.upper)
                }
            }
            gap = maxGap()
            converged = gap < options.tolerance
        }

        let sum = weights.reduce(0, +)
        weights = weights.map { $0 * Double(n) / sum }
        if let bounds { weights = withinBounds(weights, reference: [Double](repeating: 1, count: n), bounds: bounds) }
        let atBounds = bounds.map { bounds in weights.count { $0 <= bounds.lower * (1 + 1e-9) || $0 >= bounds.upper * (1 - 1e-9) } } ?? 0
        return RakingResult(weights: weights, iterations: iterations, converged: converged, maxGap: maxGap(), weightsAtBounds: atBounds)
    }

    /// The largest |achieved share − target share| of `weights` over every margin.
    static func maxGap(_ weights: [Double], _ targets: [RakingTarget]) -> Double {
        let sum = weights.reduce(0, +)
        var gap = 0.0
        for target in targets {
            var sums = [Double](repeating: 0, count: target.shares.count)
            for (respondent, category) in target.categories.enumerated() { sums[category] += weights[respondent] }
            for (category, achieved) in sums.enumerated() { gap = max(gap, abs(achieved / sum - target.shares[category])) }
        }
        return gap
    }

    /// `weights` (mean 1) rescaled so that every ratio weight / `reference` (mean-1 starting weights) is within
    /// `bounds` and the mean stays 1: weight = reference × clamp(c × weight / reference, lower, upper), with c found
    /// by bisection. The weights are returned unchanged when they already are within their bounds.
    static func withinBounds(_ weights: [Double], reference: [Double], bounds: TrimBounds) -> [Double] {
        let n = Double(weights.count)
        let ratios = zip(weights, reference).map { $0 / $1 }
        let slack = 1e-12
        guard ratios.contains(where: { $0 < bounds.lower * (1 - slack) || $0 > bounds.upper * (1 + slack) }) else { return weights }
        func sum(_ c: Double) -> Double {
            zip(ratios, reference).reduce(0) { $0 + $1.1 * min(max(c * $1.0, bounds.lower), bounds.upper) }
        }
        var low = 0.0, high = 1.0
        while sum(high) < n && high < 1e12 { high *= 2 }
        for _ in 0..<200 {
            let middle = (low + high) / 2
            if sum(middle) < n { low = middle } else { high = middle }
        }
        let c = (low + high) / 2
        return zip(ratios, reference).map { $1 * min(max(c * $0, bounds.lower), bounds.upper) }
    }

    /// Bounded raking, as R's `calibrate(design, ~margins, population, calfun = "raking", bounds = c(lower, upper))`:
    /// with d the starting weights scaled to a mean of 1 and x the indicators of the margins' categories (an
    /// intercept and, per margin, every category but the first), the weights wᵢ = dᵢ gᵢ, gᵢ = clamp(exp(xᵢ′λ),
    /// lower, upper), whose totals Σ wᵢ xᵢ are the population's (n × the target shares). λ minimises the convex
    /// dual Σ dᵢ H(xᵢ′λ) − T′λ (H′ = clamp(exp)), by Newton's method with backtracking, so the weights are unique
    /// whatever the path. Converged when every achieved share is within `options.tolerance` of its target; when the
    /// bounds make the margins unreachable it is not, and the last weights are brought back within their bounds.
    public static func rakeWithinBounds(baseWeights: [Double], targets: [RakingTarget], bounds: TrimBounds,
                                        options: RakingOptions = .standard) throws(SurveyError) -> RakingResult {
        var checked = options
        checked.trimBounds = bounds
        try check(baseWeights: baseWeights, targets: targets, options: checked)
        let n = baseWeights.count
        let total = baseWeights.reduce(0, +)
        let d = baseWeights.map { $0 * Double(n) / total }
        // Columns: intercept, then per margin its categories after the first.
        var offsets: [Int] = [], p = 1
        for target in targets {
            offsets.append(p - 1)
            p += target.shares.count - 1
        }
        var populationTotals = [Double](repeating: 0, count: p)
        populationTotals[0] = Double(n)
        for (margin, target) in targets.enumerated() {
            let sum = target.shares.reduce(0, +)
            for category in 1..<max(1, target.shares.count) {
                populationTotals[offsets[margin] + category] = Double(n) * target.shares[category] / sum
            }
        }
        let columnsOf: [[Int]] = (0..<n).map { unit in
            [0] + targets.indices.compactMap { margin in
                let category = targets[margin].categories[unit]
                return category > 0 ? offsets[margin] + category : nil
            }
        }
        let logLower = log(bounds.lower), logUpper = log(bounds.upper)
        func g(_ u: Double) -> Double { min(max(exp(u), bounds.lower), bounds.upper) }
        /// ∫₀ᵘ clamp(eˢ, lower, upper) ds.
        func h(_ u: Double) -> Double {
            if u > logUpper { return bounds.upper - 1 + bounds.upper * (u - logUpper) }
            if u < logLower { return bounds.lower - 1 + bounds.lower * (u - logLower) }
            return exp(u) - 1
        }
        func linear(_ lambda: [Double]) -> [Double] {
            columnsOf.map { columns in columns.reduce(0) { $0 + lambda[$1] } }
        }
        func misfitSquared(_ u: [Double]) -> Double {
            var misfit = populationTotals
            for unit in 0..<n {
                let weight = d[unit] * g(u[unit])
                for i in columnsOf[unit] { misfit[i] -= weight }
            }
            return Dense.dot(misfit, misfit)
        }
        func dual(_ u: [Double], _ lambda: [Double]) -> Double {
            var value = 0.0
            for unit in 0..<n { value += d[unit] * h(u[unit]) }
            for j in 0..<p { value -= populationTotals[j] * lambda[j] }
            return value
        }
        var lambda = [Double](repeating: 0, count: p)
        var u = [Double](repeating: 0, count: n)
        var weights = d
        var iterations = 0
        var gap = maxGap(weights, targets)
        var converged = gap < options.tolerance
        while !converged && iterations < options.maxIterations {
            iterations += 1
            // Gradient −misfit = Σ d g x − T; Hessian Σ d exp(u) x x′ over the weights inside their bounds.
            var misfit = populationTotals
            var hessian = [Double](repeating: 0, count: p * p)
            var trace = 0.0
            for unit in 0..<n {
                let weight = d[unit] * g(u[unit])
                let free = u[unit] > logLower && u[unit] < logUpper
                for i in columnsOf[unit] {
                    misfit[i] -= weight
                    guard free else { continue }
                    for j in columnsOf[unit] { hessian[i * p + j] += weight }
                }
            }
            for j in 0..<p { trace += hessian[j * p + j] }
            var step: [Double]?
            var ridge = 0.0
            while step == nil {
                var regularised = hessian
                for j in 0..<p { regularised[j * p + j] += ridge }
                step = Dense.cholesky(regularised, size: p).map { Dense.choleskySolve($0, misfit, size: p) }
                ridge = ridge == 0 ? max(trace, 1) * 1e-10 : ridge * 100
            }
            let direction = step!
            let slope = -Dense.dot(misfit, direction)
            let current = dual(u, lambda)
            let misfitNorm = Dense.dot(misfit, misfit)
            var size = 1.0
            var candidate = lambda, candidateU = u
            for _ in 0..<60 {
                candidate = zip(lambda, direction).map { $0 + size * $1 }
                candidateU = linear(candidate)
                // Armijo on the dual; near the solution its decrease is below rounding, so a step that shrinks the
                // misfit is taken too.
                if dual(candidateU, candidate) <= current + 1e-4 * size * slope { break }
                if misfitSquared(candidateU) < misfitNorm * (1 - 1e-4 * size) { break }
                size /= 2
            }
            lambda = candidate
            u = candidateU
            weights = (0..<n).map { d[$0] * g(u[$0]) }
            gap = maxGap(weights, targets)
            converged = gap < options.tolerance
        }
        let sum = weights.reduce(0, +)
        weights = withinBounds(weights.map { $0 * Double(n) / sum }, reference: d, bounds: bounds)
        let atBounds = zip(weights, d).count { $0 / $1 <= bounds.lower * (1 + 1e-9) || $0 / $1 >= bounds.upper * (1 - 1e-9) }
        return RakingResult(weights: weights, iterations: iterations, converged: converged, maxGap: maxGap(weights, targets),
                            weightsAtBounds: atBounds)
    }

    /// Checks the starting weights, the bounds and the margins (see `rake`).
    static func check(baseWeights: [Double], targets: [RakingTarget], options: RakingOptions) throws(SurveyError) {
        let n = baseWeights.count
        guard n > 0 else { throw SurveyError("aucun répondant à pondérer") }
        guard baseWeights.allSatisfy({ $0 > 0 && $0.isFinite }) else {
            throw SurveyError("les poids de départ doivent être des nombres positifs")
        }
        if let bounds = options.trimBounds, !bounds.isValid {
            throw SurveyError("bornes des poids invalides [\(bounds.lower) ; \(bounds.upper)] : il faut 0 ≤ borne basse < 1 < borne haute")
        }
        guard options.maxIterations >= 0, options.tolerance > 0 else {
            throw SurveyError("le nombre d'itérations doit être ≥ 0 et la tolérance > 0")
        }
        for target in targets {
            guard target.categories.count == n else {
                throw SurveyError("la marge « \(target.name) » ne donne pas une catégorie par répondant")
            }
            guard target.categories.allSatisfy({ target.shares.indices.contains($0) }) else {
                throw SurveyError("la marge « \(target.name) » a une catégorie hors de sa liste")
            }
            var counts = [Int](repeating: 0, count: target.shares.count)
            for category in target.categories { counts[category] += 1 }
            for (category, share) in target.shares.enumerated() {
                let name = "la catégorie « \(target.categoryNames[category]) » de « \(target.name) »"
                if share > 0 && counts[category] == 0 {
                    throw SurveyError("aucun répondant dans \(name) : le calage ne peut pas lui donner sa part (\(share))")
                }
                if share <= 0 && counts[category] > 0 {
                    throw SurveyError("\(counts[category]) répondants sont dans \(name), dont la part dans la population est nulle ou absente")
                }
            }
        }
    }
}
