import BourgCore
import Foundation

/// INSEE census 2016 and 2022: share of second homes (résidences secondaires et logements occasionnels).
struct ResidencesSecondairesImporter: SourceImporter {
    let source = SourceDescription(
        id: "insee-residences-secondaires-2022", citation: "INSEE, recensement 2022",
        title: "Résidences secondaires par commune, recensements 2016 et 2022 (reconstruit depuis les IRIS)",
        producer: "INSEE, recensement de la population",
        vintage: "2022 (et 2016)",
        licence: "Licence Ouverte / Etalab 2.0",
        officialURL: "https://www.insee.fr/fr/statistiques/8268838")

    static let columns = [
        (id: "part_residences_secondaires_2022", column: "part_residences_secondaires_2022_pct", year: "2022"),
        (id: "part_residences_secondaires_2016", column: "part_residences_secondaires_2016_pct", year: "2016"),
    ]

    var indicators: [IndicatorDefinition] {
        Self.columns.map { item in
            IndicatorDefinition(
                id: item.id, label: "Part de résidences secondaires (\(item.year))", unit: "%", dimension: .typologie,
                direction: .neutral, sources: [source.id], vintage: item.year,
                definition: "Résidences secondaires et logements occasionnels / ensemble des logements, recensement \(item.year), reconstitué à partir des IRIS (écart moyen de 0,02 point avec les chiffres communaux publiés). Pas de donnée pour les DOM.")
        }
    }

    func importData(from folder: SourceFolder, into draft: inout AtlasDraft) throws {
        var file = try folder.csv("residences_secondaires_communes_2022.csv", columns: ["code_insee"] + Self.columns.map(\.column), key: ["code_insee"])
        try ImporterSupport.importColumns(Self.columns.map { ($0.id, $0.column) }, codeColumn: "code_insee", file: &file, into: &draft)
        draft.record(file.provenance)
    }
}
