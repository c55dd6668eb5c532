import BourgCore
import Foundation

/// INSEE legal municipal populations 2013–2021: the population of every commune (2021) and its growth since 2015.
struct PopulationImporter: SourceImporter {
    let source = SourceDescription(
        id: "insee-population-historique", citation: "INSEE, populations légales 2013–2021",
        title: "Populations légales municipales 2013–2021",
        producer: "INSEE, recensement de la population",
        vintage: "2021 (et 2015)",
        licence: "Licence Ouverte / Etalab 2.0",
        officialURL: "https://www.insee.fr/fr/statistiques/series/102733925")

    /// The vintages read (20YY), in order.
    static let years = [15, 16, 17, 18, 19, 20, 21]

    /// A commune made of older communes (or arrondissements) has their summed population. The file mixes
    /// geographies: where a former commune's cell is empty, its population is already counted in the
    /// commune's own row, so empty parts are skipped; the total is unknown only when every part is empty.
    static func total(_ rows: [CSVRow], column: String) throws -> Double? {
        let values = try rows.compactMap { try $0.number(column, allowNegative: false) }
        return values.isEmpty ? nil : values.reduce(0, +)
    }

    /// Whether the yearly series jumps by more than 15 % and 100 inhabitants in one year: the sign of a
    /// boundary change inside the file (a merger counted from one year on), not of real growth.
    static func hasBoundaryJump(_ series: [Double?]) -> Bool {
        let known = series.compactMap { $0 }
        return zip(known, known.dropFirst()).contains { before, after in
            abs(after - before) > 100 && abs(after - before) > 0.15 * before
        }
    }

    var indicators: [IndicatorDefinition] {
        [IndicatorDefinition(
            id: "croissance_population_2015_2021", label: "Évolution annuelle de la population 2015–2021", unit: "% par an",
            dimension: .dynamique, direction: .higherIsBetter, sources: [source.id], vintage: "2015–2021",
            definition: "Taux de croissance annuel moyen de la population municipale entre 2015 et 2021 : (P2021 / P2015)^(1/6) − 1. Les communes fusionnées depuis sont la somme de leurs anciennes communes. Pas de donnée quand la série saute de plus de 15 % (et 100 habitants) en un an : signe d'une fusion comptée en cours de série, pas d'une vraie croissance.")]
    }

    func importData(from folder: SourceFolder, into draft: inout AtlasDraft) throws {
        var file = try folder.csv("population_municipale_2013_2021.csv", columns: ["codgeo"] + Self.years.map { "p\($0)_pop" }, key: ["codgeo"])
        for (index, rows) in try file.rowsByCommune(column: "codgeo", in: draft) {
            let series = try Self.years.map { year in try Self.total(rows, column: "p\(year)_pop") }
            let p21 = series.last!, p15 = series[Self.years.firstIndex(of: 15)!]
            draft.updateCommune(index) { commune in
                commune.population = p21.map { Int($0) }
                commune.population2015 = p15.map { Int($0) }
            }
            guard let p21, let p15, p15 > 0, p21 > 0, !Self.hasBoundaryJump(series) else { continue }
            let growth = (pow(p21 / p15, 1.0 / 6.0) - 1) * 100
            try draft.set("croissance_population_2015_2021", index, ImporterSupport.rounded(growth))
        }
        draft.record(file.provenance)
    }

}
