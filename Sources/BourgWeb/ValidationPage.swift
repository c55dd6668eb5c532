import BourgCore
import BourgData
import Foundation

/// The validation page (`/validation`): Bourg's scores against where people move, the newcomer models'
/// out-of-sample figures, the revealed weights beside the stated ones, charts and caveats. Its JSON twin is the
/// stored report itself, with the per-town table (`/validation.csv` gives the table alone).
public struct ValidationPage: Encodable, Sendable {
    public var frame: PageFrame
    public var caveats: [String]
    public var summary: String
    public var outOfSample: [ValidationModelLine]
    public var composites: [ValidationCorrelationLine]
    public var dimensions: [ValidationCorrelationLine]
    public var indicators: [ValidationCorrelationLine]
    public var weights: [ValidationWeightLine]
    /// The amenities of the wrong sign in the amenity model (2016–2022), largest first: confounded, never reasons.
    public var confounded: [ConfoundedLine]
    public var overPerformers: [ValidationTownLine]
    public var underPerformers: [ValidationTownLine]
    /// SVG charts (rendered unescaped in HTML; omitted from JSON).
    public var decilesChart: String
    public var dimensionsChart: String
    public var residualsMap: String
    public var report: ValidationReport

    enum CodingKeys: String, CodingKey { case frame, caveats, summary, report }
}

/// A model's or baseline's line of the out-of-sample table, in French figures.
public struct ValidationModelLine: Encodable, Sendable {
    public var label: String
    public var temporal: String
    public var temporalR2: String
    public var spatial: String
    public var spatialR2: String
}

/// A correlation line, in French figures.
public struct ValidationCorrelationLine: Encodable, Sendable {
    public var label: String
    public var towns: Int
    public var rho: String
    public var weighted: String
    public var partial: String
    public var inflow: String
    public var note: String?
}

/// A dimension's revealed weight beside its stated one.
public struct ValidationWeightLine: Encodable, Sendable {
    public var label: String
    public var revealed: String
    public var stated: String
    public var negative: String?
}

/// A town that moves more (or less) than its profile predicts.
public struct ValidationTownLine: Encodable, Sendable {
    public var commune: String
    public var path: String
    public var observed: String
    public var predicted: String
    public var residual: String
    public var explanation: String
}

/// The "Profil et arrivées" block of a town page: observed and predicted, the verdict, and the prediction explained
/// without traps (`ArrivalReasons`): amenities of the expected sign by dimension, the rest summed.
public struct ArrivalsView: Encodable, Sendable {
    public var observed: String
    public var predicted: String
    public var verdict: String
    /// "Moyenne des petites villes : +0,31 % par an".
    public var baseline: String
    /// Up to three dimensions, in plain words.
    public var reasons: [String]
    public var structure: String
    /// The reasons with the structure, for a one-line explanation ("profil : …").
    public var drivers: [String] { reasons + [structure] }
}

/// An amenity associated with fewer arrivals although it is better: confounded, shown on `/validation`.
public struct ConfoundedLine: Encodable, Sendable {
    public var label: String
    public var dimension: String
    public var coefficient: String
}

extension FrenchFormat {
    /// ρ and its interval: "0,41 [0,35 ; 0,47]".
    static func rho(_ value: Double?, low: Double? = nil, high: Double? = nil) -> String {
        guard let value else { return "—" }
        let text = number(value, decimals: 2)
        guard let low, let high else { return text }
        return "\(text) [\(number(low, decimals: 2)) ; \(number(high, decimals: 2))]"
    }

    /// A rate in % per year with its sign: "+0,42 % par an".
    static func rate(_ value: Double) -> String {
        (value > 0 ? "+" : "") + number(value, decimals: 2) + " % par an"
    }
}

extension AtlasService {
    /// The stored report, or 404 when this atlas has none.
    func requiredValidation() throws -> ValidationReport {
        guard let report = validation else {
            throw WebError(status: .notFound, title: "Pas de validation", detail: "Cet atlas ne contient pas la validation par les migrations : reconstruisez-le avec `bourg data build`.")
        }
        return report
    }

    public func validationCSV() throws -> String { ValidationText.townsCSV(try requiredValidation().towns) }

    public func validationPage() throws -> ValidationPage {
        let report = try requiredValidation()
        func line(_ row: CorrelationRow) -> ValidationCorrelationLine {
            let note: String? = switch row.role {
            case PredictorRole.outcome.rawValue?: "dérivé du résultat : corrélé par construction, jamais prédicteur"
            case PredictorRole.supplyDuringWindow.rawValue?: "offre de logements pendant la période : mécanique, jamais prédicteur"
            case PredictorRole.supplyBeforeWindow.rawValue?: "offre avant la période : seulement dans le modèle avec offre"
            case PredictorRole.descriptor.rawValue?: "descriptif, non noté (valeur brute) : variable de contrôle des modèles"
            case PredictorRole.notScored.rawValue?: "descriptif, non noté (valeur brute)"
            default: nil
            }
            return ValidationCorrelationLine(
                label: row.label, towns: row.towns, rho: FrenchFormat.rho(row.rho, low: row.low, high: row.high),
                weighted: FrenchFormat.rho(row.weightedRho), partial: FrenchFormat.rho(row.partialRho), inflow: FrenchFormat.rho(row.inflowRho), note: note)
        }
        let models = report.outOfSample.map { row in
            ValidationModelLine(label: row.label, temporal: FrenchFormat.rho(row.temporal.rho, low: row.temporal.low, high: row.temporal.high),
                                temporalR2: FrenchFormat.rho(row.temporal.rSquared),
                                spatial: FrenchFormat.rho(row.spatial.rho, low: row.spatial.low, high: row.spatial.high),
                                spatialR2: FrenchFormat.rho(row.spatial.rSquared))
        }
        let amenity = report.model(.amenity)
        let negative = amenity?.negativeAssociation ?? [:]
        let weights = ValidationText.weightsTable(revealed: report.revealed, stated: WeightPresets.barometre).map { line in
            ValidationWeightLine(label: line.dimension.label, revealed: FrenchFormat.number(line.revealed, decimals: 1) + " %",
                                 stated: FrenchFormat.number(line.stated, decimals: 1) + " %",
                                 negative: negative[line.dimension].map { "coefficients négatifs : " + FrenchFormat.number($0, decimals: 3) + " (montrés, non pondérés)" })
        }
        let towns = try validationTowns(report)
        let ranked = towns.sorted { $0.residual > $1.residual }
        let dimensionRows = report.correlations.filter { $0.kind == "dimension" }
        let barometre = report.correlations.first { $0.kind == "composite" && $0.id == "barometre" }
        let amenityRow = report.outOfSample.first { $0.id == "amenity" }, persistence = report.outOfSample.first { $0.id == "persistence" }
        let summary = "Parmi les \(report.provenance.towns) petites villes, la note du baromètre et le solde migratoire apparent 2016–2022 ont un ρ de "
            + "\(FrenchFormat.rho(barometre?.rho, low: barometre?.low, high: barometre?.high)). Le modèle des aménités, ajusté sur 2011–2016, prédit 2016–2022 avec ρ = "
            + "\(FrenchFormat.rho(amenityRow?.temporal.rho)) (persistance seule : \(FrenchFormat.rho(persistence?.temporal.rho))) ; en validation croisée par blocs de départements, ρ = "
            + "\(FrenchFormat.rho(amenityRow?.spatial.rho))."
        let deciles = Charts.signedBars(
            report.deciles.map { Charts.SignedBar(label: "décile \($0.decile) (note \(FrenchFormat.number($0.compositeLow, decimals: 0))–\(FrenchFormat.number($0.compositeHigh, decimals: 0)))",
                                                  value: $0.meanMigration, low: $0.low, high: $0.high) },
            title: "Solde migratoire apparent moyen 2016–2022 (% par an) par décile de la note du baromètre, avec l'intervalle à 95 %",
            scale: max(0.5, (report.deciles.flatMap { [abs($0.low ?? 0), abs($0.high ?? 0), abs($0.meanMigration)] }.max() ?? 0.5) * 1.1),
            axisLabel: "0 % par an", format: { FrenchFormat.number($0, decimals: 2) })
        let dimensionsChart = Charts.signedBars(
            dimensionRows.map { Charts.SignedBar(label: $0.label, value: $0.rho, low: $0.low, high: $0.high) },
            title: "ρ de Spearman entre chaque dimension et le solde migratoire apparent 2016–2022, avec l'intervalle à 95 %",
            scale: 0.6, axisLabel: "ρ = 0", format: { FrenchFormat.number($0, decimals: 2) })
        let residuals = report.towns.compactMap { town -> Charts.MapPoint? in
            guard let row = matrix.row(ofCommune: town.code), let location = matrix.communes[row].position else { return nil }
            return Charts.MapPoint(position: location, title: "\(town.name) (\(town.departement)) — observé \(FrenchFormat.rate(town.observed)), prédit \(FrenchFormat.rate(town.predicted))",
                                   score: town.residual, departement: town.departement)
        }
        return ValidationPage(
            frame: frame("Validation : ce que montrent les arrivées", json: "/validation.json"), caveats: ValidationText.caveats, summary: summary,
            outOfSample: models,
            composites: report.correlations.filter { $0.kind == "composite" }.map(line), dimensions: dimensionRows.map(line),
            indicators: report.correlations.filter { $0.kind == "indicator" }.sorted { ($0.rho ?? 0) > ($1.rho ?? 0) }.map(line),
            weights: weights, confounded: confounded(amenity), overPerformers: Array(ranked.prefix(5)).map { $0.line }, underPerformers: Array(ranked.suffix(5).reversed()).map { $0.line },
            decilesChart: deciles, dimensionsChart: dimensionsChart,
            residualsMap: pointMap(residuals, title: "Écart entre le solde migratoire observé et celui que prédit le profil (2016–2022) : vert, plus d'arrivées que prévu ; rouge, moins", legend: "écart (points de % par an)"),
            report: report)
    }

    /// The amenity model's wrong-sign amenities, largest first (at most 12).
    private func confounded(_ model: NewcomerModel?) -> [ConfoundedLine] {
        guard let model, let inputs = newcomerInputs else { return [] }
        return model.wrongSignAmenities.prefix(12).map { j in
            ConfoundedLine(label: inputs.label(ofKey: model.predictors[j]), dimension: model.dimensions[j].label,
                           coefficient: FrenchFormat.number(model.fit.coefficients[j], decimals: 3))
        }
    }

    /// The towns of the report with the text that explains their gap (for the over- and under-performers).
    private func validationTowns(_ report: ValidationReport) throws -> [(residual: Double, line: ValidationTownLine)] {
        let sorted = report.towns.sorted { $0.residual > $1.residual }
        return (Array(sorted.prefix(5)) + Array(sorted.suffix(5))).map { town in
            let drivers = (try? arrivals(code: town.code, report: report))?.drivers ?? []
            return (town.residual, ValidationTownLine(
                commune: "\(town.name) (\(town.departement))", path: "/communes/\(town.code)", observed: FrenchFormat.rate(town.observed),
                predicted: FrenchFormat.rate(town.predicted), residual: FrenchFormat.rate(town.residual),
                explanation: (drivers.isEmpty ? "" : "profil : " + drivers.joined(separator: " ; ") + ". ")
                    + "Avec l'offre de logements autorisée en 2013–2015, le modèle prédit \(FrenchFormat.rate(town.supplyAwareTemporal)) (hors échantillon)."))
        }
    }

    /// A town's "Profil et arrivées" block, or `nil` when it is not in the validation sample.
    func arrivals(code: String, report: ValidationReport? = nil) throws -> ArrivalsView? {
        guard let report = report ?? validation, let town = report.town(code), let inputs = newcomerInputs,
              let prediction = inputs.prediction(ofCommune: code) else { return nil }
        let model = inputs.model
        let explained = model.reasons(prediction, labels: model.predictors.map(inputs.label(ofKey:)))
        return ArrivalsView(
            observed: FrenchFormat.rate(town.observed), predicted: FrenchFormat.rate(town.predicted),
            verdict: ArrivalReasons.verdict(town),
            baseline: "Point de départ, la moyenne des petites villes : \(FrenchFormat.rate(explained.intercept))",
            reasons: explained.reasons.prefix(3).map(\.sentence), structure: explained.structureSentence)
    }
}
