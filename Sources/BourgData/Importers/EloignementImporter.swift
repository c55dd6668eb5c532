import BourgCore
import Foundation

/// INSEE: whether the commune's population is far from everyday, intermediate and higher-level services (2021).
struct EloignementImporter: SourceImporter {
    let source = SourceDescription(
        id: "insee-eloignement-equipements-2021", citation: "INSEE, éloignement aux équipements 2021",
        title: "Part de la population éloignée des équipements (gammes de proximité, intermédiaire, supérieure)",
        producer: "INSEE (RP, BPE 2021, distancier Metric)",
        vintage: "2021",
        licence: "Licence Ouverte / Etalab 2.0",
        officialURL: "https://statistiques-locales.insee.fr")

    static let columns: [(id: String, column: String, label: String, range: String)] = [
        ("part_pop_eloignee_proximite", "pct_pop_eloignee_equip_proximite_2021", "Population éloignée des équipements de proximité", "gamme de proximité (plus de 7 min en voiture)"),
        ("part_pop_eloignee_intermediaires", "pct_pop_eloignee_equip_intermediaires_2021", "Population éloignée des équipements intermédiaires", "gamme intermédiaire (environ 15 min)"),
        ("part_pop_eloignee_superieurs", "pct_pop_eloignee_equip_superieurs_2021", "Population éloignée des équipements supérieurs", "gamme supérieure (environ 30 min)"),
    ]

    var indicators: [IndicatorDefinition] {
        Self.columns.map { item in
            IndicatorDefinition(
                id: item.id, label: item.label, unit: "%", dimension: .servicesPublics, direction: .lowerIsBetter,
                sources: [source.id], vintage: "2021",
                definition: "Part de la population de la commune éloignée des équipements de la \(item.range), selon l'INSEE. Presque toujours 0 ou 100 à l'échelle communale. Pour une commune fusionnée depuis 2023 : moyenne simple de ses anciennes communes.")
        }
    }

    func importData(from folder: SourceFolder, into draft: inout AtlasDraft) throws {
        var file = try folder.csv("eloignement_equipements_2021.csv", columns: ["codgeo"] + Self.columns.map(\.column), key: ["codgeo"])
        let notAvailable: Set<String> = ["N/A - résultat non disponible"]
        for (index, rows) in try file.rowsByCommune(column: "codgeo", in: draft) {
            for item in Self.columns {
                let parts = try rows.map { (value: try $0.number(item.column, missingMarkers: notAvailable, allowNegative: false), weight: Optional(1.0)) }
                try draft.set(item.id, index, ImporterSupport.rounded(ImporterSupport.weightedMean(parts), 1))
            }
        }
        draft.record(file.provenance)
    }
}
