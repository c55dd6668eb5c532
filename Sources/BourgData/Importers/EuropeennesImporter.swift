import BourgCore
import Foundation

/// Ministère de l'Intérieur, European elections of 9 June 2024: turnout (voters ÷ registered voters) per commune.
struct EuropeennesImporter: SourceImporter {
    let source = SourceDescription(
        id: "minint-europeennes-2024-participation", citation: "Ministère de l'Intérieur, européennes 2024",
        title: "Élections européennes du 9 juin 2024 : inscrits et votants par commune",
        producer: "Ministère de l'Intérieur et des Outre-mer",
        vintage: "2024",
        licence: "Licence Ouverte / Etalab 2.0",
        officialURL: "https://www.archives-resultats-elections.interieur.gouv.fr/resultats/europeennes2024/")

    var indicators: [IndicatorDefinition] {
        [IndicatorDefinition(
            id: "participation_europeennes_2024", label: "Participation aux élections européennes de 2024", unit: "%",
            dimension: .vieSociale, direction: .higherIsBetter, sources: [source.id], vintage: "2024",
            definition: "Votants (bulletins blancs et nuls compris) pour 100 inscrits aux élections européennes du 9 juin 2024, résultats du ministère de l'Intérieur : une mesure de la participation civique. Plus c'est élevé, mieux c'est. Pour une commune fusionnée depuis, somme des votants sur somme des inscrits de ses anciennes communes (pas une moyenne de taux). Élection peu mobilisatrice : la participation dépend aussi de l'âge et du niveau d'études des habitants, pas seulement de la vie locale, et de la tenue des listes électorales (mal-inscrits). Très basse dans les communes de l'intérieur de la Guyane et aux Antilles. Les Français de l'étranger, qui votent à part, ne sont pas comptés.")]
    }

    func importData(from folder: SourceFolder, into draft: inout AtlasDraft) throws {
        var file = try folder.csv("participation_europeennes_2024_communes.csv", columns: ["code_insee", "inscrits", "votants"], key: ["code_insee"])
        try ImporterSupport.importShares([("participation_europeennes_2024", "votants", "inscrits")], codeColumn: "code_insee", file: &file, into: &draft)
        draft.record(file.provenance)
    }
}
