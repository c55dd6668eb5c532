import BourgCore
import Foundation

/// ANCT France Services: whether the commune has a site, and the distance to the nearest commune with one.
struct FranceServicesImporter: SourceImporter {
    let source = SourceDescription(
        id: "anct-france-services", citation: "ANCT, France Services 2024",
        title: "Liste des structures France Services",
        producer: "ANCT",
        vintage: "2024-08-01",
        licence: "Licence Ouverte 2.0",
        officialURL: "https://www.data.gouv.fr/fr/datasets/liste-des-structures-france-services/")

    var indicators: [IndicatorDefinition] {
        [
            IndicatorDefinition(
                id: "france_services", label: "France Services dans la commune", unit: "", dimension: .servicesPublics,
                direction: .higherIsBetter, kind: .flag, sources: [source.id], vintage: "2024",
                definition: "1 si au moins un site France Services (tous formats) est rattaché à la commune au 1er août 2024, 0 sinon (la liste est exhaustive). Une présence, pas un nombre de sites : un nombre croîtrait avec la taille de la ville sans mieux servir chaque habitant. Les bus itinérants sont comptés dans leur commune de rattachement."),
            IndicatorDefinition(
                id: "distance_france_services_km", label: "Distance au France Services le plus proche", unit: "km", dimension: .servicesPublics,
                direction: .lowerIsBetter, sources: [source.id], vintage: "2024",
                definition: "Distance à vol d'oiseau de la mairie à la mairie de la commune la plus proche ayant un site France Services ; 0 si la commune en a un. Calculée sur le même territoire."),
        ]
    }

    func importData(from folder: SourceFolder, into draft: inout AtlasDraft) throws {
        var file = try folder.csv("france_services_par_commune_2024-08-01.csv", columns: ["codgeo", "nb_france_services"], key: ["codgeo"])
        for (index, rows) in try file.rowsByCommune(column: "codgeo", in: draft) {
            let count = try ImporterSupport.sum(rows.map { try $0.number("nb_france_services", allowNegative: false) })
            try draft.set("france_services", index, count.map { $0 > 0 ? 1 : 0 })
        }
        draft.fillMissing("france_services", with: 0)
        let has = draft.column("france_services").map { $0 == 1 }
        for (index, distance) in draft.distancesToNearestCommune(where: has).enumerated() {
            try draft.set("distance_france_services_km", index, ImporterSupport.rounded(distance, 1))
        }
        draft.record(file.provenance)
    }
}
