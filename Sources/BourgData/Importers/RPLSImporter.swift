import BourgCore
import Foundation

/// SDES RPLS: social-landlord dwellings per commune at 1 January 2024.
struct RPLSImporter: SourceImporter {
    let source = SourceDescription(
        id: "rpls-logements-sociaux", citation: "SDES, RPLS 2024",
        title: "Répertoire des logements locatifs des bailleurs sociaux (RPLS) au 1er janvier 2024",
        producer: "SDES, ministère de la Transition écologique",
        vintage: "2024",
        licence: "Licence Ouverte / Etalab 2.0",
        officialURL: "https://www.statistiques.developpement-durable.gouv.fr/")

    var indicators: [IndicatorDefinition] {
        [IndicatorDefinition(
            id: "logements_sociaux_pour_1000", label: "Logements sociaux pour 1 000 habitants", unit: "pour 1 000 hab.",
            dimension: .logement, direction: .neutral, sources: [source.id, "insee-population-historique"], vintage: "2024",
            definition: "Logements des bailleurs sociaux au 1er janvier 2024 rapportés à la population municipale 2021, pour 1 000 habitants. Une commune absente du répertoire n'a aucun logement social : 0. Descriptif (neutre), pas noté : un parc social important ouvre des logements abordables aux ménages éligibles (plafonds de ressources, listes d'attente), mais il suit surtout la taille et l'histoire urbaine de la commune et va souvent avec une pauvreté concentrée ; « plus » n'est pas « mieux » pour tout nouvel arrivant. La loi SRU en fixe le minimum (20 à 25 % des résidences principales dans les communes concernées).")]
    }

    func importData(from folder: SourceFolder, into draft: inout AtlasDraft) throws {
        var file = try folder.csv("rpls_logements_sociaux_communes_2024.csv", columns: ["DEPCOM_ARM", "nb_ls"], key: ["DEPCOM_ARM"])
        var counts = [Double?](repeating: 0, count: draft.communes.count)
        for (index, rows) in try file.rowsByCommune(column: "DEPCOM_ARM", in: draft) {
            counts[index] = try ImporterSupport.sum(rows.map { try $0.number("nb_ls", allowNegative: false) })
        }
        for index in draft.communes.indices {
            try draft.set("logements_sociaux_pour_1000", index, ImporterSupport.rounded(draft.rate(counts[index], commune: index, per: 1_000), 1))
        }
        draft.record(file.provenance)
    }
}
