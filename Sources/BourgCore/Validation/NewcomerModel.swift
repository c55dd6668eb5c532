import Foundation

/// What an indicator may be in the newcomer model: the rule that keeps the outcome out of its own explanation.
///
/// One rule over the catalogue, by source and id: every figure of the migration source (population change, net
/// migration, natural balance, births, deaths, populations), the census share of recent movers and any other
/// population-derived id is the **outcome**; dwellings authorised or started are **housing supply**, allowed only
/// in the supply-aware model and only when authorised before the outcome window (`supplyBeforeWindowIDs`).
public enum PredictorRole: String, Sendable, Hashable, Codable {
    /// Derived from population change, migration or natural balance: never a predictor.
    case outcome
    /// Dwellings authorised before the 2016–2022 window: only in the supply-aware model.
    case supplyBeforeWindow = "supply_before_window"
    /// Dwellings authorised or started during or after the window: the outcome's mechanics, never a predictor.
    case supplyDuringWindow = "supply_during_window"
    /// Any other scored indicator (directional, in a weighable dimension): a predictor of both models.
    case amenity
    /// Not scored (neutral, categorical, typologies): describes, never a predictor.
    case notScored = "not_scored"

    /// The source whose every figure is the outcome (`insee-naissances-deces-solde-migratoire-2008-2023`).
    public static let outcomeSource = "insee-naissances-deces-solde-migratoire-2008-2023"
    /// Id stems of outcome-derived indicators from any source.
    public static let outcomeStems = ["population_", "croissance_population", "taux_solde_", "solde_", "naissances_", "deces_",
                                      "part_menages_emmenages"]
    /// Id stems of housing-supply indicators (Sitadel).
    public static let supplyStems = ["logements_autorises_", "logements_commences_"]
    /// The supply indicators measured before the outcome window.
    public static let supplyBeforeWindowIDs = ["logements_autorises_2013_2015_pour_1000"]

    /// The role of a catalogue entry.
    public static func of(_ definition: IndicatorDefinition) -> PredictorRole {
        if definition.sources.contains(outcomeSource) || outcomeStems.contains(where: definition.id.hasPrefix) { return .outcome }
        if supplyStems.contains(where: definition.id.hasPrefix) {
            return supplyBeforeWindowIDs.contains(definition.id) ? .supplyBeforeWindow : .supplyDuringWindow
        }
        let scored = definition.direction != .neutral && definition.kind != .category
            && AttractivenessDimension.weighable.contains(definition.dimension)
        return scored ? .amenity : .notScored
    }
}

/// The two newcomer models: which indicators they may use.
public enum NewcomerModelKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Amenities only: no housing supply at all.
    case amenity
    /// Amenities and the dwellings authorised before the outcome window.
    case supplyAware = "supply-aware"

    /// French label.
    public var label: String {
        switch self {
        case .amenity: "modèle des aménités (sans offre de logements)"
        case .supplyAware: "modèle avec l'offre de logements autorisée avant la période"
        }
    }

    /// The roles this model may use.
    public var allowedRoles: Set<PredictorRole> {
        switch self {
        case .amenity: [.amenity]
        case .supplyAware: [.amenity, .supplyBeforeWindow]
        }
    }

    /// The predictors of this model among the scored columns of a matrix (`PeerScores.scoredIndicators`), and
    /// for the supply-aware model the supply columns before the window: matrix columns, in catalogue order.
    public func predictors(in catalogue: [IndicatorDefinition], scored: [Int]) -> [Int] {
        let candidates = Set(scored).union(catalogue.indices.filter { PredictorRole.of(catalogue[$0]) == .supplyBeforeWindow })
        return catalogue.indices.filter { candidates.contains($0) && allowedRoles.contains(PredictorRole.of(catalogue[$0])) }
    }
}

/// An indicator that the leakage rule forbids was given to the newcomer model.
public struct LeakageError: Error, CustomStringConvertible, Sendable, Equatable {
    public var indicator: String
    public var role: PredictorRole
    public var description: String { "« \(indicator) » (\(role.rawValue)) ne peut pas prédire les migrations : fuite du résultat" }
}

/// A fitted newcomer model: net migration (% per year) = intercept + Σ coefficient × standardised score.
///
/// A predictor's standardised score is (score − mean) / standard deviation over the fitting towns, a missing
/// score counting as 50 (the peers' median score) first. Every prediction is the intercept plus one
/// contribution per indicator (`Prediction`), which sum to it exactly.
public struct NewcomerModel: Sendable, Hashable, Codable {
    public var kind: NewcomerModelKind
    /// Indicator ids of the predictors, in order.
    public var predictors: [String]
    /// Dimension of each predictor.
    public var dimensions: [AttractivenessDimension]
    /// Mean and standard deviation of each predictor's score over the fitting towns (after the missing → 50 rule).
    public var means: [Double]
    public var scales: [Double]
    public var fit: RidgeFit
    /// What the model was fitted on, in words (period, towns, weights, λ, scores).
    public var provenance: String

    /// The score a missing indicator score counts as: the peers' median (percentile ranks are uniform on 0–100).
    public static let missingScore = 50.0

    /// Throws `LeakageError` when a predictor's role is not allowed in this model.
    public static func checkLeakage(kind: NewcomerModelKind, predictors: [IndicatorDefinition]) throws {
        for definition in predictors {
            let role = PredictorRole.of(definition)
            guard kind.allowedRoles.contains(role) else { throw LeakageError(indicator: definition.id, role: role) }
        }
    }

    /// The standardised value of predictor `j` for a score (nil = missing).
    public func standardised(_ j: Int, score: Double?) -> Double {
        let value = score.flatMap { $0.isNaN ? nil : $0 } ?? Self.missingScore
        return scales[j] > 0 ? (value - means[j]) / scales[j] : 0
    }

    /// The prediction for a town whose predictor scores are `scores` (in `predictors` order; nil or NaN = missing).
    public func predict(scores: [Double?]) -> Prediction {
        var contributions = [Double](repeating: 0, count: predictors.count)
        var value = fit.intercept
        for j in predictors.indices {
            let contribution = fit.coefficients[j] * standardised(j, score: scores[j])
            contributions[j] = contribution
            value += contribution
        }
        return Prediction(value: value, intercept: fit.intercept, contributions: contributions)
    }

    /// Revealed weights: per weighable dimension, the sum of its predictors' positive standardised coefficients,
    /// as a share (%) of the total; negative associations are shown (`negativeAssociation`) but not weighed.
    public var revealedWeights: [AttractivenessDimension: Double] {
        var positive: [AttractivenessDimension: Double] = [:]
        for (j, dimension) in dimensions.enumerated() where fit.coefficients[j] > 0 { positive[dimension, default: 0] += fit.coefficients[j] }
        let total = positive.values.reduce(0, +)
        guard total > 0 else { return [:] }
        return positive.mapValues { $0 / total * 100 }
    }

    /// Per weighable dimension, the sum of its predictors' negative standardised coefficients (≤ 0).
    public var negativeAssociation: [AttractivenessDimension: Double] {
        var negative: [AttractivenessDimension: Double] = [:]
        for (j, dimension) in dimensions.enumerated() where fit.coefficients[j] < 0 { negative[dimension, default: 0] += fit.coefficients[j] }
        return negative
    }

    /// The revealed weights as a weighting ("revelee"): dimensions without a positive coefficient get 0.
    public func revealedPreset(citation: String) -> Weights {
        let shares = revealedWeights, negative = negativeAssociation
        return Weights(
            id: "revelee", label: "Ce que montrent les arrivées",
            citation: citation,
            entries: AttractivenessDimension.weighable.map { dimension in
                let share = ((shares[dimension] ?? 0) * 10).rounded() / 10
                let note = share > 0 ? "somme des coefficients positifs : \(FrenchFormat.number(share, decimals: 1)) %"
                    : (negative[dimension].map { "association négative (\(FrenchFormat.number($0, decimals: 3))) : montrée, non pondérée" } ?? "aucune association positive")
                return WeightEntry(dimension: dimension, value: share, basis: .revealed, note: note)
            })
    }
}

/// A prediction and its decomposition: `value == intercept + contributions.sum()`.
public struct Prediction: Sendable, Hashable {
    public var value: Double
    public var intercept: Double
    /// One per predictor, in the model's order: coefficient × standardised score.
    public var contributions: [Double]
}
