import BourgCore
import Foundation

/// ARS sanitary control of distributed drinking water (SISE-Eaux) 2025: share of samples within the
/// bacteriological and the physico-chemical quality limits, per commune.
struct EauPotableImporter: SourceImporter {
    let source = SourceDescription(
        id: "sise-eaux-controle-sanitaire-2025", citation: "ARS, contrôle sanitaire de l'eau 2025",
        title: "Résultats du contrôle sanitaire de l'eau distribuée commune par commune (SISE-Eaux), 2025",
        producer: "Ministère chargé de la santé – agences régionales de santé, base SISE-Eaux",
        vintage: "2025",
        licence: "Licence Ouverte / Etalab 2.0",
        officialURL: "https://www.data.gouv.fr/datasets/resultats-du-controle-sanitaire-de-leau-distribuee-commune-par-commune")

    static let fileName = "controle_sanitaire_eau_distribuee_2025_cog2025.csv"
    static let codeColumn = "code_commune_cog2025"
    static let samplesColumn = "prelevements"
    static let limits: [(id: String, column: String, label: String, what: String)] = [
        ("eau_conforme_bacteriologie", "prel_depassant_limite_bacterio", "bactériologiques",
         "limite de qualité bactériologique (E. coli, entérocoques : une contamination fécale)"),
        ("eau_conforme_physicochimie", "prel_depassant_limite_chimique", "physico-chimiques",
         "limite de qualité physico-chimique (pesticides et leurs métabolites, nitrates, arsenic…)"),
    ]

    var indicators: [IndicatorDefinition] {
        Self.limits.map { limit in
            IndicatorDefinition(
                id: limit.id, label: "Eau du robinet : prélèvements conformes aux limites \(limit.label)", unit: "%",
                dimension: .sante, direction: .higherIsBetter, sources: [source.id], vintage: "2025",
                definition: "Part des prélèvements du contrôle sanitaire de 2025 sur le réseau qui dessert la commune ne dépassant pas une \(limit.what) : 100 × (1 − prélèvements au-delà de la limite / prélèvements). Les limites de qualité sont des seuils sanitaires du code de la santé publique ; les simples références de qualité (eau agressive, turbidité, seuils indicateurs), souvent dépassées sans risque sanitaire, ne comptent pas — c'est pourquoi la part « conforme à tous les critères » de la source n'est pas reprise. Le dénominateur compte tous les prélèvements, même ceux sans analyse de ce type : une approximation un peu favorable. Un prélèvement sur une unité de distribution qui dessert plusieurs communes compte pour chacune : c'est la qualité du réseau, pas du seul robinet communal. Une seule année, peut-être incomplète : quand il y a peu de prélèvements, un incident isolé pèse lourd. Plus haut = mieux. Dimension santé : l'eau bue, contrôlée par les ARS au regard de seuils sanitaires. Pas de valeur sans prélèvement ; une ligne comptant plus de dépassements que de prélèvements est écartée et comptée.")
        }
    }

    func importData(from folder: SourceFolder, into draft: inout AtlasDraft) throws {
        var file = try folder.csv(Self.fileName, columns: [Self.codeColumn, Self.samplesColumn] + Self.limits.map(\.column), key: [Self.codeColumn])
        for (index, allRows) in try file.rowsByCommune(column: Self.codeColumn, in: draft) {
            var rows: [CSVRow] = []
            for row in allRows {
                let samples = try row.number(Self.samplesColumn)
                let exceedances = try Self.limits.map { try row.number($0.column) }
                guard let samples else { continue }  // no sample attributed: no figure
                if samples == 0 || exceedances.contains(where: { ($0 ?? 0) > samples }) {
                    file.reject()
                } else {
                    rows.append(row)
                }
            }
            // Former parts of a commune, if listed: their samples and exceedances add up.
            guard let samples = ImporterSupport.sum(try rows.map { try $0.number(Self.samplesColumn) }), samples > 0 else { continue }
            for limit in Self.limits {
                guard let over = ImporterSupport.sum(try rows.map { try $0.number(limit.column) }) else { continue }
                try draft.set(limit.id, index, ImporterSupport.rounded(100 * (1 - over / samples), 1))
            }
        }
        draft.record(file.provenance)
    }
}
