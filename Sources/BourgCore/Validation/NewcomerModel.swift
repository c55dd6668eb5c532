import Foundation

/// What an indicator may be in the newcomer model: the rule that keeps the outcome out of its own explanation.
///
/// One rule over the catalogue, by source, dimension and id: every figure of the migration source (population
/// change, net migration, natural balance, births, deaths, populations), every indicator of the *dynamique*
/// dimension (the outcome's own: growth, and the programmes chosen for towns in decline), the census share of
/// recent movers, the counts of rental listings (turnover: moves seen from the market) and any other
/// population-derived id is the **outcome**; dwellings authorised or started are **housing supply**, allowed only
/// in the supply-aware model and only when authorised before the outcome window (`supplyBeforeWindowIDs`).
/// Directional indicators are **amenities** (their scores, and the revealed weights); neutral quantities and flags
/// are **descriptors** (structure: distance to Paris, second homes, altitude…), controls in both models, never weighed.
public enum PredictorRole: String, Sendable, Hashable, Codable {
    /// Derived from population change, migration or natural balance: never a predictor.
    case outcome
    /// Dwellings authorised before the 2016–2022 window: only in the supply-aware model.
    case supplyBeforeWindow = "supply_before_window"
    /// Dwellings authorised or started during or after the window: the outcome's mechanics, never a predictor.
    case supplyDuringWindow = "supply_during_window"
    /// Any other scored indicator (directional, in a weighable dimension): a predictor of both models.
    case amenity
    /// A neutral quantity or flag, or a structural category (`structuralCategories`): a control in both models
    /// (the percentile rank of its value among the sample; a category as 0/100 dummies), not weighed.
    case descriptor
    /// Categorical, or without a source: describes, never a predictor.
    case notScored = "not_scored"

    /// The source whose every figure is the outcome (`insee-naissances-deces-solde-migratoire-2008-2023`).
    public static let outcomeSource = "insee-naissances-deces-solde-migratoire-2008-2023"
    /// Id stems of outcome-derived indicators from any source.
    public static let outcomeStems = ["population_", "croissance_population", "taux_solde_", "solde_", "naissances_", "deces_",
                                      "part_menages_emmenages", "loyer_appartement_annonces", "loyer_maison_annonces"]
    /// Id stems of housing-supply indicators (Sitadel).
    public static let supplyStems = ["logements_autorises_", "logements_commences_"]
    /// The categorical indicators of structure that enter the models as dummies (one per category but the most
    /// common): urban status and size, attraction area, density, centrality, rurality, massif. Left out: the
    /// housing zone (A/B/C, drawn from market tension: demand itself) and the rent model's quality levels.
    public static let structuralCategories = ["situation", "taille_unite_urbaine", "categorie_aav", "taille_aav", "grille_densite",
                                              "centralite_equipements", "typologie_ruralite", "massif"]
    /// Figures whose link with net migration is mechanical, not an attraction: care-home places bring institutional
    /// arrivals, and the deaths they bring raise the *apparent* net migration (population change minus births plus
    /// deaths). Structural controls in both models whatever their direction, never amenities, never reasons.
    public static let mechanicalControls = ["places_hebergement_personnes_agees_pour_1000"]
    /// The supply indicators measured before the outcome window.
    public static let supplyBeforeWindowIDs = ["logements_autorises_2013_2015_pour_1000"]

    /// The role of a catalogue entry.
    public static func of(_ definition: IndicatorDefinition) -> PredictorRole {
        if definition.sources.contains(outcomeSource) || definition.dimension == .dynamique || outcomeStems.contains(where: definition.id.hasPrefix) {
            return .outcome
        }
        if supplyStems.contains(where: definition.id.hasPrefix) {
            return supplyBeforeWindowIDs.contains(definition.id) ? .supplyBeforeWindow : .supplyDuringWindow
        }
        if mechanicalControls.contains(definition.id) { return .descriptor }
        let scored = definition.direction != .neutral && definition.kind != .category
            && AttractivenessDimension.weighable.contains(definition.dimension)
        if scored { return .amenity }
        if definition.kind == .category { return structuralCategories.contains(definition.id) ? .descriptor : .notScored }
        return definition.sources.isEmpty ? .notScored : .descriptor
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
        case .amenity: [.amenity, .descriptor]
        case .supplyAware: [.amenity, .descriptor, .supplyBeforeWindow]
        }
    }

    /// The predictors of this model: matrix columns, in catalogue order, whose role it allows (an amenity only
    /// when it is among the `scored` columns, `PeerScores.scoredIndicators`).
    public func predictors(in catalogue: [IndicatorDefinition], scored: [Int]) -> [Int] {
        let scored = Set(scored)
        return catalogue.indices.filter { column in
            let role = PredictorRole.of(catalogue[column])
            return allowedRoles.contains(role) && (role != .amenity || scored.contains(column))
        }
    }
}

extension NewcomerModelKind {
    /// This model's predictor columns in the sample's matrix, checked by the leakage rule (`LeakageError`).
    public func checkedPredictors(in sample: MigrationSample) throws -> [Int] {
        let matrix = sample.scores.matrix
        let columns = predictors(in: matrix.indicators, scored: sample.scores.scoredIndicators)
        try NewcomerModel.checkLeakage(kind: self, predictors: columns.map { matrix.indicators[$0] })
        return columns
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
    /// The predictors, in order: indicator ids, and `id=code` for a category's dummy (`MigrationSample.predictorKeys`).
    public var predictors: [String]
    /// Dimension of each predictor.
    public var dimensions: [AttractivenessDimension]
    /// Role of each predictor: only amenities count in the revealed weights.
    public var roles: [PredictorRole]
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

    /// Revealed weights: per weighable dimension, the sum of its amenities' positive standardised coefficients,
    /// as a share (%) of the total; negative associations are shown (`negativeAssociation`) but not weighed.
    public var revealedWeights: [AttractivenessDimension: Double] {
        var positive: [AttractivenessDimension: Double] = [:]
        for (j, dimension) in dimensions.enumerated() where fit.coefficients[j] > 0 && roles[j] == .amenity { positive[dimension, default: 0] += fit.coefficients[j] }
        let total = positive.values.reduce(0, +)
        guard total > 0 else { return [:] }
        return positive.mapValues { $0 / total * 100 }
    }

    /// Per weighable dimension, the sum of its amenities' negative standardised coefficients (≤ 0).
    public var negativeAssociation: [AttractivenessDimension: Double] {
        var negative: [AttractivenessDimension: Double] = [:]
        for (j, dimension) in dimensions.enumerated() where fit.coefficients[j] < 0 && roles[j] == .amenity { negative[dimension, default: 0] += fit.coefficients[j] }
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

/// The predictor scores of a model for every town of a sample, as the fit saw them: an amenity's stored score,
/// a descriptor's or supply column's percentile rank among the sample (`MigrationSample.scoreColumn`).
public struct NewcomerInputs: Sendable {
    public let model: NewcomerModel
    /// One column per predictor, one value per sample town (NaN = missing).
    public let columns: [[Double]]
    private let townOfCode: [String: Int]
    /// Each predictor key in French (`MigrationSample.label(ofKey:)`).
    public let labels: [String: String]

    /// A predictor key in French.
    public func label(ofKey key: String) -> String { labels[key] ?? key }

    public init(model: NewcomerModel, sample: MigrationSample) {
        labels = Dictionary(uniqueKeysWithValues: model.predictors.map { ($0, sample.label(ofKey: $0)) })
        let matrix = sample.scores.matrix
        self.model = model
        columns = model.predictors.map(sample.scoreColumn(key:))
        townOfCode = Dictionary(uniqueKeysWithValues: sample.positions.enumerated().map {
            (matrix.communes[sample.scores.members[$0.element]].code, $0.offset)
        })
    }

    /// The predictor scores of a town (nil = missing), or `nil` when it is not in the sample.
    public func scores(ofCommune code: String) -> [Double?]? {
        guard let town = townOfCode[code] else { return nil }
        return columns.map { $0[town].isNaN ? nil : $0[town] }
    }

    /// A town's prediction and its decomposition, or `nil` when it is not in the sample.
    public func prediction(ofCommune code: String) -> Prediction? { scores(ofCommune: code).map(model.predict) }
}
