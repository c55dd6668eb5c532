import BourgCore
import Foundation

/// SDES Sitadel: dwellings authorised (building permits) and started per commune and year, 2013–2025,
/// as yearly means per 1,000 inhabitants over an early window (before 2016) and a recent one.
struct SitadelImporter: SourceImporter {
    let source = SourceDescription(
        id: "sdes-sitadel-logements-2013-2025", citation: "SDES, Sitadel 2013–2025",
        title: "Logements autorisés et commencés par commune, 2013–2025 (base Sitadel)",
        producer: "SDES, ministère de la Transition écologique",
        vintage: "2013–2025 (millésime juin 2026)",
        licence: "Licence Ouverte / Etalab 2.0",
        officialURL: "https://data.statistiques.developpement-durable.gouv.fr/dido/api/v1/datafiles/9c90a880-4ba0-49b4-b99d-d7dd6c810dd0/csv?millesime=2026-06&withColumnName=true")

    /// The population a window's yearly mean is divided by.
    enum Denominator {
        /// 2015: before the 2016–2022 window, so that the rate leaks nothing of later growth.
        case population2015
        case population2021
    }

    /// One indicator: the yearly mean of a count column over `years`, per 1,000 inhabitants.
    struct Window {
        var id: String
        var label: String
        var columnPrefix: String
        var years: ClosedRange<Int>
        var denominator: Denominator
        var direction: Direction
        var definition: String
    }

    static let counting = "Logements (tous types) des permis autorisés : certains seront annulés ou jamais construits. Un projet collectif fait sauter une année dans une petite commune, d'où la moyenne sur plusieurs années. Une année vide dans la source (aucune donnée) : pas de valeur, jamais 0."

    static let windows = [
        Window(
            id: "logements_autorises_2021_2024_pour_1000", label: "Logements autorisés par an pour 1 000 habitants (2021–2024)",
            columnPrefix: "log_autorises_", years: 2021...2024, denominator: .population2021, direction: .higherIsBetter,
            definition: "Moyenne annuelle des logements autorisés de 2021 à 2024 (Sitadel), pour 1 000 habitants (population 2021). 2025, la plus provisoire, est laissée de côté. \(counting) Plus c'est élevé, mieux c'est : une offre nouvelle est ce qui permet à un nouvel arrivant de trouver où se loger (l'étalement urbain qu'elle peut entraîner est mesuré à part, dimension nature)."),
        Window(
            id: "logements_commences_2021_2023_pour_1000", label: "Logements commencés par an pour 1 000 habitants (2021–2023)",
            columnPrefix: "log_commences_", years: 2021...2023, denominator: .population2021, direction: .neutral,
            definition: "Moyenne annuelle des logements mis en chantier de 2021 à 2023 (Sitadel), pour 1 000 habitants (population 2021). 2024 est laissée de côté : ses mises en chantier sont provisoires, très en dessous des valeurs consolidées. Une année vide dans la source : pas de valeur, jamais 0. Descriptif (neutre) : les logements autorisés sont l'indicateur noté, pour ne pas compter deux fois la construction."),
        Window(
            id: "logements_autorises_2013_2015_pour_1000", label: "Logements autorisés par an pour 1 000 habitants (2013–2015)",
            columnPrefix: "log_autorises_", years: 2013...2015, denominator: .population2015, direction: .neutral,
            definition: "Moyenne annuelle des logements autorisés de 2013 à 2015, les premières années de la source, pour 1 000 habitants de 2015 : la construction d'avant la période 2016–2022, sans rien de la croissance qui suit (ni la population 2021 au dénominateur). Elle recouvre en partie la période 2011–2016. \(counting) Population 2015 recalculée par l'INSEE sur le territoire de 2025 (fusions comprises). Descriptif (neutre) : une mesure d'avant, pour l'analyse, pas une note."),
    ]

    var indicators: [IndicatorDefinition] {
        Self.windows.map { item in
            IndicatorDefinition(
                id: item.id, label: item.label, unit: "pour 1 000 hab. par an", dimension: .logement, direction: item.direction,
                sources: [source.id, "insee-population-historique"], vintage: "\(item.years.lowerBound)–\(item.years.upperBound)",
                definition: item.definition)
        }
    }

    func importData(from folder: SourceFolder, into draft: inout AtlasDraft) throws {
        let columns = Set(Self.windows.flatMap { item in item.years.map { "\(item.columnPrefix)\($0)" } }).sorted()
        var file = try folder.csv("logements_autorises_commences_2013_2025_cog2025.csv", columns: ["code_commune_cog2025"] + columns, key: ["code_commune_cog2025"])
        for (index, rows) in try file.rowsByCommune(column: "code_commune_cog2025", in: draft) {
            for item in Self.windows {
                // Counts are additive: a commune given by several codes sums them, year by year.
                let counts = try item.years.map { year in
                    try ImporterSupport.sum(rows.map { try $0.number("\(item.columnPrefix)\(year)") })
                }
                guard let total = ImporterSupport.sum(counts) else { continue }
                let mean = total / Double(item.years.count)
                try draft.set(item.id, index, ImporterSupport.rounded(rate(mean, commune: index, per: item.denominator, in: draft), 2))
            }
        }
        draft.record(file.provenance)
    }

    /// `count` per 1,000 inhabitants of the denominator's year; the 2015 population is the legal population on
    /// today's geography (`SoldeMigratoireImporter`, run before).
    func rate(_ count: Double, commune index: Int, per denominator: Denominator, in draft: AtlasDraft) -> Double? {
        switch denominator {
        case .population2021:
            return draft.rate(count, commune: index, per: 1_000)
        case .population2015:
            guard let population = draft.communes[index].population2015, population > 0 else { return nil }
            return count / Double(population) * 1_000
        }
    }
}
