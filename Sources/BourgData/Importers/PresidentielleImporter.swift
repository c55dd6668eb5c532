import BourgCore
import Foundation

/// Ministère de l'Intérieur, presidential election of 2017: first-round turnout (voters ÷ registered voters) per commune.
struct PresidentielleImporter: SourceImporter {
    let source = SourceDescription(
        id: "minint-presidentielle-2017-participation", citation: "Ministère de l'Intérieur, présidentielle 2017",
        title: "Élection présidentielle des 23 avril et 7 mai 2017 : inscrits et votants par commune",
        producer: "Ministère de l'Intérieur",
        vintage: "2017",
        licence: "Licence Ouverte / Etalab 2.0",
        officialURL: "http://elections.interieur.gouv.fr/presidentielle-2017/")

    var indicators: [IndicatorDefinition] {
        [IndicatorDefinition(
            id: "participation_presidentielle_2017", label: "Participation au 1er tour de la présidentielle de 2017", unit: "%",
            dimension: .vieSociale, direction: .higherIsBetter, sources: [source.id], vintage: "2017",
            definition: "Votants (bulletins blancs et nuls compris) pour 100 inscrits au premier tour de l'élection présidentielle du 23 avril 2017, résultats du ministère de l'Intérieur : la participation civique à l'élection la plus mobilisatrice. Plus c'est élevé, mieux c'est. Millésime ancien ; pour une commune fusionnée depuis 2017, somme des votants sur somme des inscrits de ses anciennes communes (pas une moyenne de taux). Varie bien moins d'une commune à l'autre que la participation aux européennes de 2024, à laquelle elle n'est que modérément liée ; dépend aussi de l'âge et du niveau d'études des habitants. Pas de valeur pour Paris (absent du fichier source) ni pour les communes recréées depuis 2017 (leurs électeurs sont comptés dans leur commune d'alors). Premier tour retenu : le plus suivi des deux.")]
    }

    func importData(from folder: SourceFolder, into draft: inout AtlasDraft) throws {
        var file = try folder.csv("participation_presidentielle_2017_communes.csv", columns: ["code_insee", "inscrits_t1", "votants_t1"], key: ["code_insee"])
        try ImporterSupport.importShares([("participation_presidentielle_2017", "votants_t1", "inscrits_t1")], codeColumn: "code_insee",
                                         file: &file, into: &draft)
        draft.record(file.provenance)
    }
}
