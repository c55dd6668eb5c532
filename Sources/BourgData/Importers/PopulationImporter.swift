import BourgCore
import Foundation

/// INSEE legal municipal populations 2013–2021: the population of every commune in 2021, the denominator of
/// the atlas's rates.
///
/// Growth is not computed here: each year of this file is given on the boundaries of its own vintage (a commune
/// that absorbed another counts it only from the year the merger reached the file), so a growth rate from it
/// mixes territories. `SoldeMigratoireImporter` computes growth from INSEE's legal populations recomputed on
/// the 2025 boundaries.
struct PopulationImporter: SourceImporter {
    let source = SourceDescription(
        id: "insee-population-historique", citation: "INSEE, populations légales 2021",
        title: "Populations légales municipales 2013–2021",
        producer: "INSEE, recensement de la population",
        vintage: "2021",
        licence: "Licence Ouverte / Etalab 2.0",
        officialURL: "https://www.insee.fr/fr/statistiques/series/102733925")

    /// The vintage read.
    static let column = "p21_pop"

    /// A commune made of older communes (or arrondissements) has their summed population. The file mixes
    /// geographies: where a former commune's cell is empty, its population is already counted in the
    /// commune's own row, so empty parts are skipped; the total is unknown only when every part is empty.
    static func total(_ rows: [CSVRow], column: String) throws -> Double? {
        let values = try rows.compactMap { try $0.number(column, allowNegative: false) }
        return values.isEmpty ? nil : values.reduce(0, +)
    }

    var indicators: [IndicatorDefinition] { [] }

    func importData(from folder: SourceFolder, into draft: inout AtlasDraft) throws {
        var file = try folder.csv("population_municipale_2013_2021.csv", columns: ["codgeo", Self.column], key: ["codgeo"])
        for (index, rows) in try file.rowsByCommune(column: "codgeo", in: draft) {
            let population = try Self.total(rows, column: Self.column)
            draft.updateCommune(index) { commune in commune.population = population.map { Int($0) } }
        }
        draft.record(file.provenance)
    }
}
