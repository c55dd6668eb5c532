import BourgCore
import Foundation

/// INSEE legal municipal populations 2013–2021: the population of every commune (2021) and its growth since 2015.
struct PopulationImporter: SourceImporter {
    let source = SourceDescription(
        id: "insee-population-historique",
        title: "Populations légales municipales 2013–2021",
        producer: "INSEE, recensement de la population",
        vintage: "2021 (et 2015)",
        licence: "Licence Ouverte / Etalab 2.0",
        officialURL: "https://www.insee.fr/fr/statistiques/series/102733925")

    var indicators: [IndicatorDefinition] {
        [IndicatorDefinition(
            id: "croissance_population_2015_2021", label: "Évolution annuelle de la population 2015–2021", unit: "% par an",
            dimension: .dynamique, direction: .higherIsBetter, sources: [source.id], vintage: "2015–2021",
            definition: "Taux de croissance annuel moyen de la population municipale entre 2015 et 2021 : (P2021 / P2015)^(1/6) − 1. Les communes fusionnées depuis sont la somme de leurs anciennes communes.")]
    }

    func importData(from folder: SourceFolder, into draft: inout AtlasDraft) throws {
        var file = try folder.csv("population_municipale_2013_2021.csv", columns: ["codgeo", "p15_pop", "p21_pop"])
        for (index, rows) in try file.rowsByCommune(column: "codgeo", in: draft) {
            // A commune made of older communes (or of arrondissements) has their summed population;
            // if one part is unknown, the total is unknown.
            let p21 = try ImporterSupport.sum(rows.map { try $0.number("p21_pop", allowNegative: false) })
            let p15 = try ImporterSupport.sum(rows.map { try $0.number("p15_pop", allowNegative: false) })
            draft.updateCommune(index) { commune in
                commune.population = p21.map { Int($0) }
                commune.population2015 = p15.map { Int($0) }
            }
            if let p21, let p15, p15 > 0, p21 > 0 {
                let growth = (pow(p21 / p15, 1.0 / 6.0) - 1) * 100
                try draft.set("croissance_population_2015_2021", index, (growth * 100).rounded() / 100)
            }
        }
        draft.record(file.provenance)
    }

}
