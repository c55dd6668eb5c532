import BourgCore
import Foundation

/// Data ES (ministère des Sports), census of sports equipment 2025: equipment per 1,000 inhabitants.
struct DataESImporter: SourceImporter {
    let source = SourceDescription(
        id: "data-es-equipements-sportifs-2025", citation: "Ministère des Sports, Data ES 2025",
        title: "Recensement des équipements sportifs (Data ES), équipements par commune, 2025",
        producer: "Ministère des Sports et des Jeux olympiques et paralympiques",
        vintage: "2025",
        licence: "Licence Ouverte / Etalab 2.0",
        officialURL: "https://equipements.sports.gouv.fr/explore/dataset/data-es/table/")

    var indicators: [IndicatorDefinition] {
        [IndicatorDefinition(
            id: "equipements_sportifs_pour_1000", label: "Équipements sportifs pour 1 000 habitants (Data ES)", unit: "pour 1 000 hab.",
            dimension: .vieSociale, direction: .higherIsBetter, sources: [source.id], vintage: "2025",
            definition: "Équipements sportifs recensés par le ministère des Sports dans la commune (Data ES, 2025 : terrains, gymnases et salles, bassins, courts, parcours, city-stades, sites de pleine nature), pour 1 000 habitants (population municipale 2021). Plus c'est élevé, mieux c'est : de quoi pratiquer et se retrouver sur place. Un enregistrement est un équipement (chaque court, chaque bassin), pas un site : un complexe sportif en compte plusieurs. Plus récent et plus complet que la BPE 2019 (environ 1,5 fois plus d'équipements). Les stations de montagne et de bord de mer, peu peuplées à l'année et très équipées, ont les taux les plus élevés.")]
    }

    func importData(from folder: SourceFolder, into draft: inout AtlasDraft) throws {
        var file = try folder.csv("equipements_sportifs_2025_cog2025.csv", columns: ["code_commune_cog2025", "equipements_sportifs_total"],
                                  key: ["code_commune_cog2025"])
        try ImporterSupport.importRatesPerInhabitant(
            [("equipements_sportifs_pour_1000", "equipements_sportifs_total", 1_000)], codeColumn: "code_commune_cog2025",
            file: &file, into: &draft)
        draft.record(file.provenance)
    }
}
