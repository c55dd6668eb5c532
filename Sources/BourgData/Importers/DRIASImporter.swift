import BourgCore
import Foundation

/// Météo-France DRIAS-2020 (one model pair, ALADIN63 / CNRM-CM5): heat and frost per commune, modelled reference
/// climate 1976–2005 and scenario RCP4.5 for 2021–2050, from the SAFRAN grid point nearest the town hall.
struct DRIASImporter: SourceImporter {
    let source = SourceDescription(
        id: "drias-2020-aladin63-indicateurs-chaleur-communes", citation: "Météo-France, DRIAS-2020 (ALADIN63)",
        title: "Indicateurs annuels de chaleur et de gel, 1976–2005 et RCP4.5 2021–2050 (DRIAS-2020, modèle ALADIN63 / CNRM-CM5), par commune",
        producer: "Météo-France (DCSC), portail DRIAS « Les futurs du climat », expérience EURO-CORDEX 2020",
        vintage: "1976–2005 et 2021–2050 (RCP4.5)",
        licence: "Licence Ouverte / Etalab 2.0",
        officialURL: "https://www.drias-climat.fr/")

    static let fileName = "drias_chaleur_communes_ref_rcp45h1_cog2025.csv"
    static let codeColumn = "code_commune_cog2025"

    /// What every figure of this source says about itself: one model, compared between communes, not a forecast.
    static let caveat = " Un seul modèle climatique (ALADIN63 / CNRM-CM5, scénario RCP4.5 d'émissions modérées, DRIAS-2020) : ces chiffres servent à comparer les communes entre elles, ce ne sont pas des prévisions (Météo-France recommande la médiane de plusieurs modèles, qui peut différer de quelques jours). Valeur du point de grille SAFRAN (8 km) le plus proche de la mairie : l'altitude à l'intérieur de la maille n'est pas prise en compte. « 1976–2005 » est le climat simulé par le modèle, pas des relevés de stations. Pas de donnée pour les DOM."

    /// The file's figures: indicator id, column, label, unit, direction, definition, whether it can be negative.
    static let figures: [(id: String, column: String, label: String, unit: String, direction: Direction, what: String, negative: Bool)] = [
        ("jours_tx_sup35_2021_2050", "jours_tx_sup35_rcp45_2021_2050", "Jours de forte chaleur (plus de 35 °C), 2021–2050", "jours par an", .lowerIsBetter,
         "Nombre moyen de jours par an où la température maximale dépasse 35 °C, simulé pour 2021–2050. Plus bas = mieux : des étés plus supportables.", false),
        ("jours_tx_sup35_1976_2005", "jours_tx_sup35_ref_1976_2005", "Jours de forte chaleur (plus de 35 °C), 1976–2005", "jours par an", .neutral,
         "Nombre moyen de jours par an où la température maximale dépasse 35 °C dans le climat de référence 1976–2005. Neutre : le point de comparaison de 2021–2050, qui seul est noté.", false),
        ("nuits_tropicales_2021_2050", "nuits_tropicales_rcp45_2021_2050", "Nuits tropicales (jamais moins de 20 °C), 2021–2050", "nuits par an", .lowerIsBetter,
         "Nombre moyen de nuits par an où il ne fait pas moins de 20 °C, simulé pour 2021–2050 : les nuits où l'on dort mal et où les maisons ne se rafraîchissent pas. Plus bas = mieux.", false),
        ("nuits_tropicales_1976_2005", "nuits_tropicales_ref_1976_2005", "Nuits tropicales (jamais moins de 20 °C), 1976–2005", "nuits par an", .neutral,
         "Nombre moyen de nuits par an où il ne fait pas moins de 20 °C dans le climat de référence 1976–2005. Neutre : le point de comparaison de 2021–2050, qui seul est noté.", false),
        ("jours_vague_chaleur_2021_2050", "jours_vague_chaleur_rcp45_2021_2050", "Jours de vague de chaleur, 2021–2050", "jours par an", .neutral,
         "Nombre moyen de jours par an qui appartiennent à une vague de chaleur (au moins 5 jours de suite où la température maximale dépasse de plus de 5 °C la normale de la commune), 2021–2050. Neutre : mesuré par rapport à la normale de chaque commune, il compte autant une vague de chaleur dans le Nord que dans le Midi ; les jours à plus de 35 °C sont notés.", false),
        ("jours_gel_2021_2050", "jours_gel_rcp45_2021_2050", "Jours de gel, 2021–2050", "jours par an", .neutral,
         "Nombre moyen de jours par an où la température minimale descend sous 0 °C, simulé pour 2021–2050. Neutre : moins de gel, c'est moins de chauffage et de routes verglacées, mais le froid de l'hiver est aussi ce que cherchent ceux qui fuient la chaleur ; c'est une information, pas une note.", false),
        ("jours_gel_1976_2005", "jours_gel_ref_1976_2005", "Jours de gel, 1976–2005", "jours par an", .neutral,
         "Nombre moyen de jours par an où la température minimale descend sous 0 °C dans le climat de référence 1976–2005.", false),
        ("temperature_moyenne_2021_2050", "temperature_moyenne_c_rcp45_2021_2050", "Température moyenne annuelle, 2021–2050", "°C", .neutral,
         "Moyenne sur l'année de la température quotidienne moyenne, simulée pour 2021–2050.", true),
        ("temperature_moyenne_1976_2005", "temperature_moyenne_c_ref_1976_2005", "Température moyenne annuelle, 1976–2005", "°C", .neutral,
         "Moyenne sur l'année de la température quotidienne moyenne dans le climat de référence 1976–2005.", true),
        ("precipitations_2021_2050", "cumul_precipitations_mm_rcp45_2021_2050", "Précipitations annuelles, 2021–2050", "mm par an", .neutral,
         "Cumul annuel moyen des précipitations simulé pour 2021–2050.", false),
    ]

    var indicators: [IndicatorDefinition] {
        Self.figures.map { figure in
            IndicatorDefinition(
                id: figure.id, label: figure.label, unit: figure.unit, dimension: .climat, direction: figure.direction,
                sources: [source.id], vintage: figure.id.hasSuffix("1976_2005") ? "1976–2005" : "2021–2050 (RCP4.5)",
                definition: figure.what + Self.caveat)
        }
    }

    func importData(from folder: SourceFolder, into draft: inout AtlasDraft) throws {
        var file = try folder.csv(Self.fileName, columns: [Self.codeColumn] + Self.figures.map(\.column), key: [Self.codeColumn])
        for (index, rows) in try file.rowsByCommune(column: Self.codeColumn, in: draft) {
            // One row per commune: the grid point of its town hall (no merged parts in this COG 2025 file).
            for figure in Self.figures {
                let values = try rows.map { try $0.number(figure.column, allowNegative: figure.negative) }
                try draft.set(figure.id, index, ImporterSupport.rounded(ImporterSupport.weightedMean(values.map { ($0, 1) })))
            }
        }
        draft.record(file.provenance)
    }
}
