import BourgCore
import Foundation

/// INSEE "Comparateur de territoires" (2022 release, census 2013 and 2018): growth of the jobs located in the
/// commune 2013–2018 and job concentration (jobs per 100 employed residents), for every commune.
struct ComparateurTerritoiresImporter: SourceImporter {
    let source = SourceDescription(
        id: "insee-comparateur-territoires-2022", citation: "INSEE, comparateur de territoires 2022 (recensement 2018)",
        title: "Comparateur de territoires : emplois au lieu de travail et actifs, recensements 2013 et 2018",
        producer: "INSEE, recensement de la population",
        vintage: "2018 (et 2013)",
        licence: "Licence Ouverte / Etalab 2.0",
        officialURL: "https://www.insee.fr/fr/statistiques/2521169")

    var indicators: [IndicatorDefinition] {
        let merged = " Communes fusionnées depuis 2021 : sommes des effectifs de leurs anciennes communes. Effectifs du recensement (estimations par sondage pour les communes de 10 000 habitants ou plus). Millésime 2018 : le plus récent publié pour toutes les communes dans les données de Bourg."
        return [
            IndicatorDefinition(
                id: "croissance_emplois_2013_2018", label: "Évolution annuelle des emplois 2013–2018", unit: "% par an",
                dimension: .emploi, direction: .higherIsBetter, sources: [source.id], vintage: "2013–2018",
                definition: "Taux de variation annuel moyen du nombre d'emplois au lieu de travail (emplois situés dans la commune, qu'ils soient occupés par des habitants ou non) entre les recensements 2013 et 2018 : (P18_EMPLT / P13_EMPLT)^(1/5) − 1. Noté : un bassin qui crée des emplois est plus ouvert à qui s'installe. Pas de donnée sans emploi en 2013." + merged),
            IndicatorDefinition(
                id: "concentration_emploi_2018", label: "Emplois pour 100 actifs occupés résidents (2018)", unit: "emplois pour 100 actifs occupés",
                dimension: .emploi, direction: .higherIsBetter, sources: [source.id], vintage: "2018",
                definition: "Indicateur de concentration d'emploi : emplois au lieu de travail / actifs occupés de 15 à 64 ans résidant dans la commune × 100 (P18_EMPLT / (P18_ACT1564 − P18_CHOM1564)), recensement 2018. Au-dessus de 100, la commune offre plus d'emplois qu'elle n'a d'actifs occupés : un pôle d'emploi ; en dessous, une commune surtout résidentielle. Noté : des emplois sur place, c'est moins de trajets pour qui s'installe ; une commune résidentielle proche d'un pôle est toutefois pénalisée. L'INSEE rapporte aux actifs occupés de 15 ans ou plus : la valeur est ici un peu plus forte." + merged),
        ]
    }

    func importData(from folder: SourceFolder, into draft: inout AtlasDraft) throws {
        var file = try folder.csv("comparateur_rp2018_communes_cog2025.csv",
                                  columns: ["code_commune_cog2025", "source_incomplete", "P13_EMPLT", "P18_EMPLT", "P18_ACT1564", "P18_CHOM1564"],
                                  key: ["code_commune_cog2025"])
        for (index, rows) in try file.rowsByCommune(column: "code_commune_cog2025", in: draft) {
            // A merged commune one of whose former communes had no figures upstream would get too low a sum.
            guard rows.allSatisfy({ $0["source_incomplete"] != "1" }) else {
                for _ in rows { file.reject() }
                continue
            }
            let jobs2013 = ImporterSupport.sum(try rows.map { try $0.number("P13_EMPLT") })
            let jobs2018 = ImporterSupport.sum(try rows.map { try $0.number("P18_EMPLT") })
            let active = ImporterSupport.sum(try rows.map { try $0.number("P18_ACT1564") })
            let unemployed = ImporterSupport.sum(try rows.map { try $0.number("P18_CHOM1564") })
            if let jobs2013, let jobs2018, jobs2013 > 0 {
                try draft.set("croissance_emplois_2013_2018", index, ImporterSupport.rounded((pow(jobs2018 / jobs2013, 1.0 / 5.0) - 1) * 100))
            }
            if let jobs2018, let active, let unemployed, active - unemployed > 0 {
                try draft.set("concentration_emploi_2018", index, ImporterSupport.rounded(jobs2018 / (active - unemployed) * 100, 1))
            }
        }
        draft.record(file.provenance)
    }
}
