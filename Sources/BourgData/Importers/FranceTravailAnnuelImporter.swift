import BourgCore
import Foundation

/// France Travail / DARES: registered jobseekers (DEFM) of every commune, one figure a year 2009–2023: the
/// scored jobseekers rate (2023) and its trend 2019–2023. Replaces the monthly file, published for communes of
/// 5,000 inhabitants or more only (`FranceTravailImporter`, now descriptive).
struct FranceTravailAnnuelImporter: SourceImporter {
    let source = SourceDescription(
        id: "francetravail-defm-annuel-2009-2023", citation: "France Travail, demandeurs d'emploi 2023",
        title: "Demandeurs d'emploi en fin de mois (DEFM) par commune, données annuelles 2009–2023",
        producer: "France Travail / DARES",
        vintage: "2009–2023",
        licence: "Licence Ouverte / Etalab 2.0",
        officialURL: "https://statistiques.francetravail.org/")

    static let latestYear = 2023
    static let trendYears = Array(2019...2023)
    /// A commune that counts at least this many jobseekers in some year cannot have none in another: such a 0 is
    /// a gap upstream (Mayotte before 2020, Troarn in 2020–2021), not a figure.
    static let gapThreshold = 50.0
    static let years = Array(2009...2023)

    static func column(_ year: Int) -> String { "defm_\(year)" }

    var indicators: [IndicatorDefinition] {
        let caveat = " Rapporté à la population municipale 2021 de tous âges : ce n'est pas un taux de chômage (une commune âgée compte moins de demandeurs par habitant). Catégorie (A ou A, B, C) et définition annuelle non précisées par la copie utilisée ; les effectifs sont arrondis à 5 (une petite commune peut compter 0). Un 0 dans une commune qui compte au moins 50 demandeurs une autre année est une lacune de la série (Mayotte avant 2020, une commune en 2020–2021), traité comme manquant."
        return [
            IndicatorDefinition(
                id: "demandeurs_emploi_pour_1000", label: "Demandeurs d'emploi pour 1 000 habitants", unit: "pour 1 000 hab.",
                dimension: .emploi, direction: .lowerIsBetter, sources: [source.id, "insee-population-historique"], vintage: String(Self.latestYear),
                definition: "Demandeurs d'emploi inscrits à France Travail en \(Self.latestYear) (donnée annuelle), pour 1 000 habitants, toutes les communes. Noté : moins il y en a, plus le marché du travail local est porteur." + caveat),
            IndicatorDefinition(
                id: "demandeurs_emploi_tendance_2019_2023", label: "Demandeurs d'emploi : tendance 2019–2023", unit: "pour 1 000 hab. par an",
                dimension: .emploi, direction: .lowerIsBetter, sources: [source.id, "insee-population-historique"], vintage: "2019–2023",
                definition: "Pente (moindres carrés) du nombre de demandeurs d'emploi pour 1 000 habitants sur les cinq années 2019 à 2023, en points par an ; pas de donnée s'il manque une année. Noté : une baisse est un marché du travail qui s'améliore. La crise sanitaire de 2020 pèse sur la pente." + caveat),
        ]
    }

    /// The counts by year, without the zeros that are gaps (a 0 in a commune that counts `gapThreshold` or more
    /// jobseekers in another year).
    static func withoutGaps(_ counts: [Int: Double]) -> [Int: Double] {
        guard let peak = counts.values.max(), peak >= gapThreshold else { return counts }
        return counts.filter { $0.value != 0 }
    }

    func importData(from folder: SourceFolder, into draft: inout AtlasDraft) throws {
        var file = try folder.csv("defm_annuel_communes_2009_2023_cog2025.csv", columns: ["code_commune_cog2025"] + Self.years.map(Self.column),
                                  key: ["code_commune_cog2025"])
        for (index, rows) in try file.rowsByCommune(column: "code_commune_cog2025", in: draft) {
            var counts: [Int: Double] = [:]
            for year in Self.years {
                counts[year] = ImporterSupport.sum(try rows.map { try $0.number(Self.column(year)) })
            }
            counts = Self.withoutGaps(counts)
            try draft.set("demandeurs_emploi_pour_1000", index,
                          ImporterSupport.rounded(draft.rate(counts[Self.latestYear], commune: index, per: 1_000), 1))
            let rates = Self.trendYears.compactMap { year in draft.rate(counts[year], commune: index, per: 1_000) }
            guard rates.count == Self.trendYears.count else { continue }
            try draft.set("demandeurs_emploi_tendance_2019_2023", index,
                          ImporterSupport.rounded(ImporterSupport.slope(years: Self.trendYears.map(Double.init), values: rates), 2))
        }
        draft.record(file.provenance)
    }
}
