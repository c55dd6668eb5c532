import BourgCore
import Foundation

/// Répertoire national des associations (RNA), stock 2025: registered associations per 1,000 inhabitants.
/// Alsace-Moselle, where associations are registered under local law outside the RNA, gets no value.
struct RNAImporter: SourceImporter {
    static let sourceID = "rna-associations-2025"
    let source = SourceDescription(
        id: RNAImporter.sourceID, citation: "Ministère de l'Intérieur, RNA 2025",
        title: "Répertoire national des associations (RNA) : associations par commune du siège, stock 2025",
        producer: "Ministère de l'Intérieur / DJEPVA",
        vintage: "2025",
        licence: "Licence Ouverte / Etalab 2.0",
        officialURL: "https://www.data.gouv.fr/fr/datasets/repertoire-national-des-associations/")

    /// Moselle, Bas-Rhin, Haut-Rhin: associations of local law, registered at the tribunal judiciaire, not in the RNA.
    static let localLawDepartements: Set<String> = ["57", "67", "68"]

    var indicators: [IndicatorDefinition] {
        [IndicatorDefinition(
            id: "associations_pour_1000", label: "Associations pour 1 000 habitants", unit: "pour 1 000 hab.",
            dimension: .vieSociale, direction: .higherIsBetter, sources: [source.id], vintage: "2025",
            definition: "Associations inscrites au Répertoire national des associations (stock 2025, toutes dates de création) dont le siège déclaré est dans la commune, pour 1 000 habitants (population municipale 2021). Plus c'est élevé, mieux c'est : autant d'occasions de vie associative sur place. Ce n'est pas un nombre d'associations actives : le RNA garde les associations disparues sans avoir déclaré leur dissolution, et le fichier ne distingue pas les actives ; à comparer entre villes semblables. Compté à la commune du siège (souvent l'adresse du président ou de la mairie), pas du lieu d'activité : les préfectures et sous-préfectures, sièges d'associations départementales (Pointe-à-Pitre, Vesoul, Die), et les communes peu peuplées à l'année (stations, résidences secondaires) paraissent très associatives. Pas de valeur en Moselle, Bas-Rhin et Haut-Rhin, où les associations relèvent du droit local et sont inscrites au tribunal judiciaire, pas au RNA (jamais 0) ; ni pour les communes créées en 2024–2025.")]
    }

    func importData(from folder: SourceFolder, into draft: inout AtlasDraft) throws {
        var file = try folder.csv("associations_rna_2025_cog2025.csv", columns: ["code_commune_cog2025", "associations_total"],
                                  key: ["code_commune_cog2025"])
        try ImporterSupport.importRatesPerInhabitant(
            [("associations_pour_1000", "associations_total", 1_000)], codeColumn: "code_commune_cog2025",
            excluding: { Self.localLawDepartements.contains($0.departement) }, file: &file, into: &draft)
        draft.record(file.provenance)
    }
}
