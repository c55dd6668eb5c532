import BourgCore
import Foundation

/// ARCEP "Ma connexion internet": share of premises eligible to fibre (FTTH) and to wired very high speed.
struct ARCEPImporter: SourceImporter {
    let source = SourceDescription(
        id: "arcep-ma-connexion-internet-2024", citation: "ARCEP, Ma connexion internet 2024",
        title: "Ma connexion internet : éligibilité des locaux par technologie et par commune",
        producer: "ARCEP",
        vintage: "2024",
        licence: "Licence Ouverte / Etalab 2.0",
        officialURL: "https://www.data.gouv.fr/fr/datasets/ma-connexion-internet/")

    var indicators: [IndicatorDefinition] {
        [
            IndicatorDefinition(
                id: "part_locaux_fibre", label: "Locaux éligibles à la fibre (FTTH)", unit: "%", dimension: .numerique,
                direction: .higherIsBetter, sources: [source.id], vintage: "2024",
                definition: "Part des locaux (logements et locaux professionnels) éligibles à la fibre jusqu'à l'abonné, selon l'ARCEP. Éligibilité, pas abonnement ni débit mesuré."),
            IndicatorDefinition(
                id: "part_locaux_thd_filaire", label: "Locaux éligibles au très haut débit filaire", unit: "%", dimension: .numerique,
                direction: .neutral, sources: [source.id], vintage: "2024",
                definition: "Part des locaux éligibles à la fibre ou au câble, estimée par la plus grande des deux parts (borne basse : un local peut être éligible aux deux, l'union n'est pas publiée). Neutre : le câble ne couvre presque plus que là où la fibre arrive aussi, si bien que ce chiffre est presque toujours celui de la fibre (corrélation de rang > 0,99 parmi les petites villes) ; seule la fibre est notée, pour ne pas compter deux fois la même chose."),
        ]
    }

    func importData(from folder: SourceFolder, into draft: inout AtlasDraft) throws {
        var file = try folder.csv("eligibilite_technologies_communes_2024.csv", columns: ["code_insee", "nb_locaux", "nb_locaux_fibre", "nb_locaux_cable"], key: ["code_insee"])
        for (index, rows) in try file.rowsByCommune(column: "code_insee", in: draft) {
            // Shares are recomputed from premises counts so that former communes add up (empty count = none).
            let premises = try ImporterSupport.sum(rows.map { try $0.number("nb_locaux", allowNegative: false) })
            let fibre = try rows.reduce(0.0) { $0 + (try $1.number("nb_locaux_fibre", allowNegative: false) ?? 0) }
            let cable = try rows.reduce(0.0) { $0 + (try $1.number("nb_locaux_cable", allowNegative: false) ?? 0) }
            guard let premises, premises > 0 else { continue }
            try draft.set("part_locaux_fibre", index, ImporterSupport.rounded(min(100, fibre / premises * 100), 1))
            try draft.set("part_locaux_thd_filaire", index, ImporterSupport.rounded(min(100, max(fibre, cable) / premises * 100), 1))
        }
        draft.record(file.provenance)
    }
}
