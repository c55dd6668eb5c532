import BourgCore
import Foundation

/// DREES accessibilité potentielle localisée (APL) 2023 of each commune to general practitioners, nurses,
/// physiotherapists, dentists and midwives: the supply within reach (about 20 minutes, closer counting more)
/// per inhabitant, weighted by the care needs of the population's ages.
struct APLImporter: SourceImporter {
    static let sourceID = "drees-apl-2023"
    let source = SourceDescription(
        id: APLImporter.sourceID, citation: "DREES, APL 2023",
        title: "Accessibilité potentielle localisée (APL) aux médecins généralistes, infirmiers, kinésithérapeutes, chirurgiens-dentistes et sages-femmes, par commune",
        producer: "DREES (SNIIR-AM, INSEE)",
        vintage: "2023",
        licence: "Licence Ouverte / Etalab 2.0",
        officialURL: "https://drees.solidarites-sante.gouv.fr")

    static let fileName = "apl_communes_2023_cog2025.csv"
    static let codeColumn = "code_commune_cog2025"
    /// The population the APL is computed for; 0 where DREES computes none (Mayotte, uninhabited communes).
    static let populationColumn = "pop_apl"

    /// Consultations or visits per inhabitant per year (GPs), or full-time equivalents per 100,000 inhabitants.
    static let perInhabitant = "consultations / hab. / an"
    static let per100000 = "ETP pour 100 000 hab."

    static let columns: [(id: String, column: String, label: String, unit: String, decimals: Int)] = [
        ("apl_medecins_generalistes", "apl_gen", "Accessibilité aux médecins généralistes (APL)", perInhabitant, 2),
        ("apl_infirmiers", "apl_inf", "Accessibilité aux infirmiers (APL)", per100000, 1),
        ("apl_kinesitherapeutes", "apl_mk", "Accessibilité aux masseurs-kinésithérapeutes (APL)", per100000, 1),
        ("apl_dentistes", "apl_dent", "Accessibilité aux chirurgiens-dentistes (APL)", per100000, 1),
        ("apl_sages_femmes", "apl_sf", "Accessibilité aux sages-femmes (APL)", per100000, 1),
    ]

    var indicators: [IndicatorDefinition] {
        Self.columns.map { item in
            let unit = item.unit == Self.perInhabitant
                ? "nombre de consultations ou visites accessibles par habitant et par an (moins de 2,5 : zone dite sous-dotée)"
                : "équivalents temps plein accessibles pour 100 000 habitants"
            return IndicatorDefinition(
                id: item.id, label: item.label, unit: item.unit, dimension: .sante, direction: .higherIsBetter,
                sources: [source.id], vintage: "2023",
                definition: "Accessibilité potentielle localisée de la DREES, 2023 : \(unit), population standardisée selon les besoins de soins de ses âges. Compte l'offre de la commune et des communes voisines (jusqu'à environ 20 minutes, les plus proches comptant davantage) : une mesure d'accès, pas un nombre de praticiens dans la commune, qui ne dépend pas de la taille de la ville. Plus c'est élevé, plus l'offre accessible est grande. Pas de valeur où la DREES n'en calcule pas (population APL nulle : Mayotte, communes inhabitées ; Paris, Lyon et Marseille, calculées par arrondissement).")
        }
    }

    func importData(from folder: SourceFolder, into draft: inout AtlasDraft) throws {
        var file = try folder.csv(Self.fileName, columns: [Self.codeColumn, Self.populationColumn] + Self.columns.map(\.column), key: [Self.codeColumn])
        for (index, rows) in try file.rowsByCommune(column: Self.codeColumn, in: draft) {
            // The APL is not additive: a commune made of several coded parts gets their mean weighted by population.
            var parts: [(row: CSVRow, population: Double)] = []
            for row in rows {
                guard let population = try row.number(Self.populationColumn, allowNegative: false) else { continue }
                // DREES computes no APL for a population of 0: the row's zeros are no figures (rejected, counted).
                guard population > 0 else {
                    file.reject()
                    continue
                }
                parts.append((row, population))
            }
            guard !parts.isEmpty else { continue }
            for item in Self.columns {
                let values = try parts.map { (value: try $0.row.number(item.column, allowNegative: false), weight: Optional($0.population)) }
                try draft.set(item.id, index, ImporterSupport.rounded(ImporterSupport.weightedMean(values), item.decimals))
            }
        }
        draft.record(file.provenance)
    }
}
