import BourgCore
import Foundation

/// INSEE état civil (births and deaths by commune of residence, 2008–2023) and legal populations 2006–2022,
/// both on the 2025 boundaries: population growth, natural balance and apparent net migration for 2011–2016
/// and 2016–2022. Every figure is descriptive (neutral): migration and growth are the outcome that the scores
/// are tested against, not an asset of the town.
///
/// The populations are INSEE's legal populations recomputed on the COG 2025 territory (a commune merged in
/// 2019 has the sum of its former communes in 2011 already), so growth never jumps at a merger — unlike
/// `insee-population-historique`, whose every year is on that year's boundaries.
struct SoldeMigratoireImporter: SourceImporter {
    static let sourceID = "insee-naissances-deces-solde-migratoire-2008-2023"
    let source = SourceDescription(
        id: SoldeMigratoireImporter.sourceID, citation: "INSEE, état civil 2011–2021 et populations légales 2011–2022",
        title: "Naissances et décès domiciliés 2008–2023, populations municipales 1962–2022 (géographie 2025)",
        producer: "INSEE, état civil et recensement de la population",
        vintage: "2011–2022",
        licence: "Licence Ouverte / Etalab 2.0",
        officialURL: "https://www.insee.fr/fr/statistiques/3698339")

    /// The periods measured, from 1 January of `start` to 1 January of `end`: two successive census cycles,
    /// the latest ending with the latest legal population (2022).
    static let periods: [(start: Int, end: Int)] = [(2011, 2016), (2016, 2022)]
    /// The latest legal population of the file.
    static let latestYear = 2022
    /// The year of `Commune.population2015` (shown beside the 2021 population).
    static let year2015 = 2015

    static let populationsFile = "populations_municipales_1962_2022_cog2025.csv"
    static let birthsFile = "naissances_deces_domicilies_2008_2023_cog2025.csv"

    /// The `pmunYYYY` column of a year.
    static func populationColumn(_ year: Int) -> String { "pmun\(year)" }

    /// Indicator ids of a period, e.g. `taux_solde_migratoire_2016_2022`.
    static func id(_ stem: String, _ period: (start: Int, end: Int)) -> String { "\(stem)_\(period.start)_\(period.end)" }

    /// The figures of one commune for one period.
    struct Balance: Equatable {
        var births: Double
        var deaths: Double
        /// Births − deaths.
        var natural: Double { births - deaths }
        /// Population change − natural balance: INSEE's "solde apparent des entrées-sorties".
        var migration: Double?
        /// % per year, geometric: ((P_end / P_start)^(1/years) − 1) × 100.
        var growth: Double?
        /// % per year of the mean population: natural / ((P_start + P_end) / 2) / years × 100.
        var naturalRate: Double?
        /// % per year of the mean population: migration / ((P_start + P_end) / 2) / years × 100.
        var migrationRate: Double?

        /// The balance from the populations on 1 January of the period's first and last years and the births and
        /// deaths of the calendar years in between (first year included, last excluded: INSEE's convention).
        init(start: Double?, end: Double?, births: Double, deaths: Double, years: Int) {
            self.births = births
            self.deaths = deaths
            guard let start, let end else { return }
            let natural = births - deaths
            let migration = end - start - natural
            self.migration = migration
            let mean = (start + end) / 2
            if start > 0, end > 0 { growth = (pow(end / start, 1 / Double(years)) - 1) * 100 }
            if mean > 0 {
                naturalRate = natural / mean / Double(years) * 100
                migrationRate = migration / mean / Double(years) * 100
            }
        }
    }

    var indicators: [IndicatorDefinition] {
        let neutral = " Descriptif, non noté : la croissance et les migrations sont le résultat que les notes de Bourg cherchent à expliquer, pas un atout en soi."
        let territory = " Sur le territoire de la commune en 2025 : les populations légales sont celles que l'INSEE a recalculées dans la géographie 2025, et les naissances et décès sont ceux des communes qui la forment aujourd'hui (une commune fusionnée n'est jamais comparée à une seule de ses anciennes communes)."
        let census = " Populations légales issues du recensement par cycles de 5 ans : les écarts d'une année sur l'autre sont lissés, d'où des périodes de 5 ou 6 ans ; dans les petites communes, le taux est bruité."
        var result = [IndicatorDefinition(
            id: "population_\(Self.latestYear)", label: "Population municipale \(Self.latestYear)", unit: "habitants",
            dimension: .dynamique, direction: .neutral, sources: [source.id], vintage: String(Self.latestYear),
            definition: "Population municipale légale au 1er janvier \(Self.latestYear) (publiée fin 2024), dans la géographie 2025. Les taux « pour 1 000 habitants » de Bourg utilisent la population 2021 (insee-population-historique), identique à 1 % près pour toutes les communes. Pas de donnée pour Mayotte (pas de population légale annuelle) ni pour les 12 communes créées ou rétablies en 2024–2025." + neutral)]
        for period in Self.periods {
            let span = "\(period.start)–\(period.end)", years = period.end - period.start
            let calendar = "années civiles \(period.start) à \(period.end - 1)"
            let missing = " Pas de donnée pour Mayotte ni pour les communes créées ou rétablies en 2024–2025."
            result += [
                IndicatorDefinition(
                    id: Self.id("croissance_population", period), label: "Évolution annuelle de la population \(span)", unit: "% par an",
                    dimension: .dynamique, direction: .neutral, sources: [source.id], vintage: span,
                    definition: "Taux de variation annuel moyen de la population municipale du 1er janvier \(period.start) au 1er janvier \(period.end) : (P\(period.end) / P\(period.start))^(1/\(years)) − 1. Aucune règle de saut : les deux populations portent sur le même territoire." + territory + census + missing + neutral),
                IndicatorDefinition(
                    id: Self.id("taux_solde_migratoire", period), label: "Solde migratoire apparent \(span)", unit: "% par an",
                    dimension: .dynamique, direction: .neutral, sources: [source.id], vintage: span,
                    definition: "Taux annuel moyen de variation de la population dû au solde apparent des entrées-sorties (définition de l'INSEE) : (P\(period.end) − P\(period.start) − (naissances − décès des \(calendar))) / population moyenne ((P\(period.start) + P\(period.end)) / 2) / \(years) × 100. Solde net, pas le nombre d'arrivants : il ne dit rien des départs et arrivées qui se compensent, et absorbe aussi les écarts de mesure entre recensements." + territory + census + missing + neutral),
                IndicatorDefinition(
                    id: Self.id("taux_solde_naturel", period), label: "Solde naturel \(span)", unit: "% par an",
                    dimension: .dynamique, direction: .neutral, sources: [source.id], vintage: span,
                    definition: "Taux annuel moyen de variation de la population dû au solde naturel : (naissances − décès domiciliés des \(calendar)) / population moyenne ((P\(period.start) + P\(period.end)) / 2) / \(years) × 100. Avec le solde migratoire apparent, il fait la variation totale (sur la population moyenne)." + territory + missing + neutral),
                IndicatorDefinition(
                    id: Self.id("solde_migratoire", period), label: "Solde migratoire apparent \(span) (personnes)", unit: "personnes",
                    dimension: .dynamique, direction: .neutral, sources: [source.id], vintage: span,
                    definition: "P\(period.end) − P\(period.start) − (naissances − décès des \(calendar)), en nombre de personnes : solde net des entrées et sorties, pas le nombre d'arrivants." + territory + missing + neutral),
                IndicatorDefinition(
                    id: Self.id("solde_naturel", period), label: "Solde naturel \(span) (personnes)", unit: "personnes",
                    dimension: .dynamique, direction: .neutral, sources: [source.id], vintage: span,
                    definition: "Naissances moins décès domiciliés (par commune de résidence de la mère, du défunt) des \(calendar)." + territory + neutral),
                IndicatorDefinition(
                    id: Self.id("naissances", period), label: "Naissances \(span)", unit: "naissances",
                    dimension: .dynamique, direction: .neutral, sources: [source.id], vintage: span,
                    definition: "Naissances domiciliées (commune de résidence de la mère) des \(calendar), état civil." + territory + neutral),
                IndicatorDefinition(
                    id: Self.id("deces", period), label: "Décès \(span)", unit: "décès",
                    dimension: .dynamique, direction: .neutral, sources: [source.id], vintage: span,
                    definition: "Décès domiciliés (commune de résidence du défunt) des \(calendar), état civil." + territory + neutral),
            ]
        }
        return result
    }

    func importData(from folder: SourceFolder, into draft: inout AtlasDraft) throws {
        let years = Set(Self.periods.flatMap { [$0.start, $0.end] } + [Self.latestYear, Self.year2015]).sorted()
        let calendarYears = Set(Self.periods.flatMap { Array($0.start..<$0.end) }).sorted()

        var populationsFile = try folder.csv(Self.populationsFile, columns: ["code_commune_cog2025"] + years.map(Self.populationColumn),
                                             key: ["code_commune_cog2025"])
        // Empty cells: Mayotte (no annual legal population) and communes created or restored in 2024–2025.
        var populations: [Int: [Int: Double]] = [:]
        for (index, rows) in try populationsFile.rowsByCommune(column: "code_commune_cog2025", in: draft) {
            for year in years {
                let parts = try rows.map { try $0.number(Self.populationColumn(year), allowNegative: false) }
                if let total = ImporterSupport.sum(parts) { populations[index, default: [:]][year] = total }
            }
        }
        draft.record(populationsFile.provenance)

        let birthColumns = calendarYears.map { "naissances_\($0)" }, deathColumns = calendarYears.map { "deces_\($0)" }
        var birthsFile = try folder.csv(Self.birthsFile, columns: ["code_commune_cog2025"] + birthColumns + deathColumns,
                                        key: ["code_commune_cog2025"])
        var yearly: [Int: (births: [Int: Double], deaths: [Int: Double])] = [:]
        for (index, rows) in try birthsFile.rowsByCommune(column: "code_commune_cog2025", in: draft) {
            var births: [Int: Double] = [:], deaths: [Int: Double] = [:]
            for year in calendarYears {
                births[year] = ImporterSupport.sum(try rows.map { try $0.number("naissances_\(year)", allowNegative: false) })
                deaths[year] = ImporterSupport.sum(try rows.map { try $0.number("deces_\(year)", allowNegative: false) })
            }
            yearly[index] = (births, deaths)
        }
        draft.record(birthsFile.provenance)

        for index in draft.communes.indices {
            let population = populations[index] ?? [:]
            draft.updateCommune(index) { commune in commune.population2015 = population[Self.year2015].map { Int($0) } }
            try draft.set("population_\(Self.latestYear)", index, population[Self.latestYear])
            guard let counts = yearly[index] else { continue }
            for period in Self.periods {
                let span = period.start..<period.end
                guard let births = ImporterSupport.sum(span.map { counts.births[$0] }),
                      let deaths = ImporterSupport.sum(span.map { counts.deaths[$0] }) else { continue }
                let balance = Balance(start: population[period.start], end: population[period.end], births: births, deaths: deaths,
                                      years: period.end - period.start)
                try draft.set(Self.id("naissances", period), index, balance.births)
                try draft.set(Self.id("deces", period), index, balance.deaths)
                try draft.set(Self.id("solde_naturel", period), index, balance.natural)
                try draft.set(Self.id("solde_migratoire", period), index, balance.migration)
                try draft.set(Self.id("croissance_population", period), index, ImporterSupport.rounded(balance.growth))
                try draft.set(Self.id("taux_solde_naturel", period), index, ImporterSupport.rounded(balance.naturalRate))
                try draft.set(Self.id("taux_solde_migratoire", period), index, ImporterSupport.rounded(balance.migrationRate))
            }
        }
    }
}
