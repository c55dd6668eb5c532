import BourgCore
import Foundation

/// IRSN: the radon potential class (1–3) of every commune, the zoning of the arrêté of 27 June 2018.
struct RadonImporter: SourceImporter {
    let source = SourceDescription(
        id: "irsn-potentiel-radon-communes-2018", citation: "IRSN, potentiel radon 2018",
        title: "Potentiel radon des communes (zonage de l'arrêté du 27 juin 2018)",
        producer: "IRSN (aujourd'hui ASNR), « Connaître le potentiel radon de ma commune »",
        vintage: "2018",
        licence: "Licence Ouverte / Etalab 2.0",
        officialURL: "https://www.data.gouv.fr/fr/datasets/connaitre-le-potentiel-radon-de-ma-commune/")

    static let fileName = "potentiel_radon_communes_cog2025.csv"
    static let codeColumn = "code_commune_cog2025"
    static let classColumn = "classe_potentiel_radon_max"

    var indicators: [IndicatorDefinition] {
        [IndicatorDefinition(
            id: "potentiel_radon", label: "Potentiel radon (zone 1 à 3)", unit: "zone", dimension: .climat, direction: .lowerIsBetter,
            sources: [source.id], vintage: "2018",
            definition: "Zone à potentiel radon de la commune selon l'arrêté du 27 juin 2018 (code de la santé publique, art. R1333-29) : 1 = faible, 2 = faible mais avec des facteurs géologiques (failles, mines) qui facilitent le passage du radon vers les bâtiments, 3 = significatif. Le radon, gaz radioactif naturel venu du sous-sol, est la deuxième cause de cancer du poumon après le tabac. Plus bas = mieux. C'est un potentiel géologique, pas une mesure dans les maisons : une maison de zone 3 peut être sous le niveau de référence, et l'inverse. Pour une commune fusionnée, la zone la plus élevée de ses anciennes communes.")]
    }

    func importData(from folder: SourceFolder, into draft: inout AtlasDraft) throws {
        var file = try folder.csv(Self.fileName, columns: [Self.codeColumn, Self.classColumn], key: [Self.codeColumn])
        for (index, rows) in try file.rowsByCommune(column: Self.codeColumn, in: draft) {
            let classes = try rows.map { row -> Double? in
                guard let value = try row.number(Self.classColumn) else { return nil }
                guard RadonZone.zones.contains(where: { Double($0) == value }) else {
                    throw row.error(Self.classColumn, "unknown radon class '\(row[Self.classColumn])' (expected 1, 2 or 3)")
                }
                return value
            }
            // Former parts listed apart: the highest class, as the file does for merged communes.
            guard !classes.contains(where: { $0 == nil }) else { continue }
            try draft.set("potentiel_radon", index, classes.compactMap { $0 }.max())
        }
        draft.record(file.provenance)
    }
}
