import BourgCore
import Foundation

/// INSEE Filosofi 2021: median disposable income, poverty rate, share of unemployment benefits.
struct FilosofiImporter: SourceImporter {
    static let sourceID = "insee-filosofi-2021"
    let source = SourceDescription(
        id: FilosofiImporter.sourceID, citation: "INSEE, Filosofi 2021",
        title: "Revenus, pauvreté et niveau de vie en 2021 (Filosofi), communes",
        producer: "Insee-DGFiP-Cnaf-Cnav-CCMSA, Fichier localisé social et fiscal",
        vintage: "2021",
        licence: "Licence Ouverte / Etalab 2.0",
        officialURL: "https://www.insee.fr/fr/statistiques/7756729")

    static let columns: [(id: String, column: String, label: String, unit: String, direction: Direction, what: String)] = [
        ("revenu_median_uc", "MED21", "Revenu disponible médian par unité de consommation", "€ / an", .higherIsBetter,
         "Médiane du revenu disponible par unité de consommation"),
        ("taux_pauvrete", "TP6021", "Taux de pauvreté", "%", .lowerIsBetter,
         "Taux de pauvreté au seuil de 60 % du niveau de vie médian"),
        ("part_revenus_chomage", "PCHO21", "Part des indemnités de chômage dans le revenu disponible", "%", .lowerIsBetter,
         "Part des indemnités de chômage dans le revenu disponible des ménages"),
    ]

    /// `s`: statistical secrecy; `nd`: not available.
    static let missingMarkers: Set<String> = ["s", "nd"]

    var indicators: [IndicatorDefinition] {
        Self.columns.map { item in
            IndicatorDefinition(
                id: item.id, label: item.label, unit: item.unit, dimension: .emploi, direction: item.direction,
                sources: [source.id], vintage: "2021",
                definition: "\(item.what) (Filosofi 2021) ; absent quand l'INSEE le couvre par le secret statistique. Pour une commune fusionnée depuis : moyenne de ses anciennes communes pondérée par leur population fiscale (approximation).")
        }
    }

    func importData(from folder: SourceFolder, into draft: inout AtlasDraft) throws {
        var file = try folder.csv("cc_filosofi_2021_COM.csv", delimiter: ";", columns: ["CODGEO", "NBPERSMENFISC21"] + Self.columns.map(\.column), key: ["CODGEO"])
        for (index, rows) in try file.rowsByCommune(column: "CODGEO", in: draft) {
            for item in Self.columns {
                let parts = try rows.map { row in
                    (value: try row.number(item.column, missingMarkers: Self.missingMarkers), weight: try row.number("NBPERSMENFISC21", missingMarkers: Self.missingMarkers, allowNegative: false))
                }
                try draft.set(item.id, index, ImporterSupport.rounded(ImporterSupport.weightedMean(parts), item.column == "MED21" ? 0 : 1))
            }
        }
        draft.record(file.provenance)
    }
}
