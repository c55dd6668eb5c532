/// How raking runs: when it stops, and the bounds weights are kept within.
public struct RakingOptions: Sendable, Hashable, Codable {
    /// Converged when every achieved share is within this of its target.
    public var tolerance: Double
    /// The most passes over the margins.
    public var maxIterations: Int
    /// Weights are kept within these multiples of the mean weight (`nil`: no trimming).
    public var trimBounds: TrimBounds?

    public init(tolerance: Double = 1e-6, maxIterations: Int = 100, trimBounds: TrimBounds? = TrimBounds()) {
        self.tolerance = tolerance
        self.maxIterations = maxIterations
        self.trimBounds = trimBounds
    }

    /// Tolerance 1e-6, at most 100 passes, weights kept within [0.2, 5] × the mean.
    public static let standard = RakingOptions()
}

/// Trimming bounds, as multiples of the mean weight.
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

/// Calibration of weights on population margins by raking (iterative proportional fitting).
public enum Raking {
    /// Rakes `baseWeights` (design weights, or 1) on `targets`, all margins at once.
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

        let total = baseWeights.reduce(0, +)
        var weights = baseWeights.map { $0 * Double(n) / total }
        let bounds = options.trimBounds

        func totals(_ target: RakingTarget) -> [Double] {
            var sums = [Double](repeating: 0, count: target.shares.count)
            for (respondent, category) in target.categories.enumerated() { sums[category] += weights[respondent] }
            return sums
        }
        func maxGap() -> Double {
            let sum = weights.reduce(0, +)
            var gap = 0.0
            for target in targets {
                for (category, achieved) in totals(target).enumerated() {
                    gap = max(gap, abs(achieved / sum - target.shares[category]))
                }
            }
            return gap
        }
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

        var atBounds = 0
        if let bounds {
            atBounds = weights.count { $0 <= bounds.lower * (1 + 1e-9) || $0 >= bounds.upper * (1 - 1e-9) }
        }
        let sum = weights.reduce(0, +)
        weights = weights.map { $0 * Double(n) / sum }
        return RakingResult(weights: weights, iterations: iterations, converged: converged, maxGap: gap, weightsAtBounds: atBounds)
    }
}
