/// How the respondents were weighted.
public enum WeightingMethod: String, Sendable, Hashable, Codable {
    /// Every respondent counts the same.
    case unweighted
    /// The design weights of the answers file, unchanged.
    case design
    /// Raking on population margins (from the design weights when there are some).
    case raking

    /// French label.
    public var label: String {
        switch self {
        case .unweighted: "aucune (chaque répondant compte autant)"
        case .design: "poids de sondage du fichier"
        case .raking: "calage sur marges (raking)"
        }
    }
}

/// The weights of a survey's respondents, their diagnostics and the design the variances are computed on.
public struct SurveyWeighting: Sendable {
    /// One weight per respondent, in the order of `SurveyData.respondents`, scaled to a mean of 1.
    public var weights: [Double]
    public var summary: WeightingSummary
    /// The design for the variances: these weights, the starting weights and the raking margins.
    public var design: SurveyDesign

    /// Weights the respondents: raking on `margins` when given (starting from the design weights), else the
    /// design weights, else none. Throws when raking is impossible (see `Raking.rake`) or when a respondent has no
    /// category for a margin variable.
    public static func compute(_ data: SurveyData, margins: PopulationMargins?,
                               options: RakingOptions = .standard) throws(SurveyError) -> SurveyWeighting {
        let questionnaire = data.questionnaire
        let respondents = data.respondents
        guard !respondents.isEmpty else { throw SurveyError("aucun répondant") }
        let design = respondents.map(\.designWeight)
        let hasDesign = questionnaire.weightColumn != nil || design.contains { $0 != 1 }
        guard let margins, !margins.variables.isEmpty else {
            let weights = normalised(design)
            let summary = WeightingSummary(
                method: hasDesign ? .design : .unweighted, weights: weights, variables: [], raking: nil, options: nil)
            return SurveyWeighting(weights: weights, summary: summary,
                                   design: try SurveyDesign(weights: weights, designWeights: design))
        }
        var targets: [RakingTarget] = []
        for margin in margins.variables {
            guard let position = questionnaire.profileIndex(margin.variable) else {
                throw SurveyError("la marge « \(margin.variable) » n'est pas une variable du questionnaire")
            }
            let variable = questionnaire.profile[position]
            guard margin.shares.count == variable.categories.count else {
                throw SurveyError("la marge « \(margin.variable) » doit donner une part par catégorie (\(variable.categories.count))")
            }
            var categories: [Int] = []
            categories.reserveCapacity(respondents.count)
            for respondent in respondents {
                guard let category = respondent.profile[position] else {
                    throw SurveyError("ligne \(respondent.line) : « \(margin.variable) » est vide, or c'est une variable de calage")
                }
                categories.append(category)
            }
            targets.append(RakingTarget(name: margin.variable, categories: categories, shares: margin.shares,
                                        categoryNames: variable.categories.map(\.code)))
        }
        let result = try Raking.calibrate(baseWeights: design, targets: targets, options: options)
        let summary = WeightingSummary(method: .raking, weights: result.weights,
                                       variables: margins.variables.map(\.variable), raking: result, options: options)
        return SurveyWeighting(weights: result.weights, summary: summary,
                               design: try SurveyDesign(weights: result.weights, designWeights: design,
                                                        margins: targets.map(\.categories),
                                                        categoryCounts: targets.map(\.shares.count)))
    }

    /// Weights scaled to a mean of 1.
    static func normalised(_ weights: [Double]) -> [Double] {
        let sum = weights.reduce(0, +)
        guard sum > 0 else { return weights }
        return weights.map { $0 * Double(weights.count) / sum }
    }
}

/// What the report says about the weighting.
public struct WeightingSummary: Sendable, Hashable, Codable {
    public var method: WeightingMethod
    /// The margin variables raked on.
    public var variables: [String]
    /// Raking passes made (`nil` without raking).
    public var iterations: Int?
    public var converged: Bool?
    /// The largest |achieved − target| share at the end of raking.
    public var maxGap: Double?
    public var tolerance: Double?
    public var maxIterations: Int?
    /// The bounds of the weights (`nil`: none) and how they were kept.
    public var trimBounds: TrimBounds?
    public var boundMethod: BoundMethod?
    /// Weights sitting at a trimming bound.
    public var weightsAtBounds: Int?
    /// Smallest and largest weight (mean 1).
    public var minimumWeight: Double
    public var maximumWeight: Double
    /// Kish's design effect due to unequal weights, n Σw² / (Σw)² over all respondents (a description of the
    /// weights; each estimate has its own design effect).
    public var designEffect: Double
    /// Kish's effective sample size n / deff.
    public var effectiveSampleSize: Double

    init(method: WeightingMethod, weights: [Double], variables: [String], raking: RakingResult?, options: RakingOptions?) {
        self.method = method
        self.variables = variables
        iterations = raking?.iterations
        converged = raking?.converged
        maxGap = raking?.maxGap
        tolerance = raking == nil ? nil : options?.tolerance
        maxIterations = raking == nil ? nil : options?.maxIterations
        trimBounds = raking == nil ? nil : options?.trimBounds
        boundMethod = raking == nil || options?.trimBounds == nil ? nil : options?.boundMethod
        weightsAtBounds = raking?.weightsAtBounds
        minimumWeight = weights.min() ?? 1
        maximumWeight = weights.max() ?? 1
        designEffect = SurveyStatistics.kishDesignEffect(weights)
        effectiveSampleSize = SurveyStatistics.effectiveSampleSize(weights)
    }
}
