import BourgCore
import Foundation

/// INSEE census 2021 (base communale logement): share of vacant dwellings among all dwellings.
struct LogementsVacantsRPImporter: SourceImporter {
    let source = SourceDescription(
        id: "insee-rp2021-logements-vacants", citation: "INSEE, recensement 2021",
        title: "Logements, résidences principales, secondaires et logements vacants en 2021 (base communale logement)",
        producer: "INSEE, recensement de la population",
        vintage: "2021",
        licence: "Licence Ouverte / Etalab 2.0",
        officialURL: "https://www.insee.fr/fr/statistiques/8202349")

    var indicators: [IndicatorDefinition] {
        [IndicatorDefinition(
            id: "taux_vacance_2021", label: "Logements vacants (recensement 2021)", unit: "%",
            dimension: .logement, direction: .neutral, sources: [source.id], vintage: "2021",
            definition: "Logements vacants / ensemble des logements, recensement 2021 (INSEE, P21_LOGVAC / P21_LOG ; communes fusionnées depuis : somme de leurs anciennes communes). Définition plus large que LOVAC : compte aussi les logements vides entre deux occupants, en attente de vente ou de location, ou inhabitables ; bruité pour les petites communes. Descriptif (neutre) : un taux bas peut dire un marché tendu autant qu'un marché sain ; la vacance longue du parc privé (LOVAC) est l'indicateur noté. Pas de donnée pour Mayotte (pas de recensement 2021) ni les communes sans logement.")]
    }

    func importData(from folder: SourceFolder, into draft: inout AtlasDraft) throws {
        var file = try folder.csv("logements_vacants_rp2021_cog2025.csv", columns: ["code_commune_cog2025", "taux_vacance_2021_pct"], key: ["code_commune_cog2025"])
        try ImporterSupport.importColumns([(id: "taux_vacance_2021", column: "taux_vacance_2021_pct")], codeColumn: "code_commune_cog2025", file: &file, into: &draft)
        draft.record(file.provenance)
    }
}
