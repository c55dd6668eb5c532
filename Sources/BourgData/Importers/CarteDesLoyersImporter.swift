import BourgCore
import Foundation

/// ANIL–DHUP Carte des loyers 2025: modelled advertised rents per m² (flats, their small and large ones, houses),
/// with the model's quality flags (95 % prediction interval, level of the prediction, ads observed in the commune).
struct CarteDesLoyersImporter: SourceImporter {
    static let sourceID = "anil-carte-des-loyers-2025"
    let source = SourceDescription(
        id: CarteDesLoyersImporter.sourceID, citation: "ANIL-DHUP, carte des loyers 2025",
        title: "Carte des loyers 2025 : indicateurs de loyers d'annonce par commune (appartements, maisons)",
        producer: "Ministère du Logement (DHUP) et ANIL, modèle INRAE-Cerema",
        vintage: "2025 (annonces de la période précédente)",
        licence: "Licence Ouverte / Etalab 2.0",
        officialURL: "https://www.data.gouv.fr/fr/datasets/carte-des-loyers-indicateurs-de-loyers-dannonce-par-commune-en-2025/")

    /// A typology of the file: its column suffix, its wording, and whether its rent is scored (then its quality flags are kept too).
    struct Typology {
        var suffix: String
        var label: String
        var scored: Bool
    }

    /// Flats and houses are scored; the small (1–2 rooms) and large (3 rooms or more) flats describe, so that flats do not count three times.
    static let typologies = [
        Typology(suffix: "appartement", label: "appartements", scored: true),
        Typology(suffix: "maison", label: "maisons", scored: true),
        Typology(suffix: "appartement_1_2p", label: "appartements d'une ou deux pièces", scored: false),
        Typology(suffix: "appartement_3p_plus", label: "appartements de trois pièces ou plus", scored: false),
    ]

    /// `type_prediction_*`: the level the model predicted at, from the most to the least specific.
    static let levels = ["commune", "maille", "EPCI"]

    static let model = "Estimation d'un modèle (ANIL-DHUP, INRAE-Cerema) à partir des annonces en ligne, pour un logement de référence, charges comprises : c'est un loyer d'annonce (offre), pas le loyer payé dans les baux en cours, plus élevé surtout en marché tendu."

    var indicators: [IndicatorDefinition] {
        Self.typologies.flatMap { item -> [IndicatorDefinition] in
            let rent = IndicatorDefinition(
                id: "loyer_m2_\(item.suffix)", label: "Loyer d'annonce des \(item.label)", unit: "€/m²/mois", dimension: .logement,
                direction: item.scored ? .lowerIsBetter : .neutral, sources: [source.id], vintage: "2025",
                definition: "Loyer mensuel d'annonce au m² des \(item.label). \(Self.model) "
                    + (item.scored
                        ? "Plus bas, mieux c'est pour un nouvel arrivant (se loger coûte moins) ; le niveau dit aussi la demande, pas la qualité. Quand la prédiction est faite à la maille ou à l'EPCI (voir le niveau de prédiction), la valeur est partagée avec les communes voisines et ne les départage pas."
                        : "Descriptif (neutre) : les appartements sont déjà notés dans leur ensemble.")
                    + " Pas de donnée pour Paris, Lyon, Marseille (publiés par arrondissement) ni Mayotte.")
            guard item.scored else { return [rent] }
            return [
                rent,
                IndicatorDefinition(
                    id: "loyer_m2_\(item.suffix)_ip_bas", label: "Loyer d'annonce des \(item.label) : borne basse de l'intervalle de prédiction",
                    unit: "€/m²/mois", dimension: .logement, direction: .neutral, sources: [source.id], vintage: "2025",
                    definition: "Borne basse de l'intervalle de prédiction à 95 % du loyer d'annonce des \(item.label) (ANIL-DHUP) : indicateur de précision de l'estimation, descriptif (neutre)."),
                IndicatorDefinition(
                    id: "loyer_m2_\(item.suffix)_ip_haut", label: "Loyer d'annonce des \(item.label) : borne haute de l'intervalle de prédiction",
                    unit: "€/m²/mois", dimension: .logement, direction: .neutral, sources: [source.id], vintage: "2025",
                    definition: "Borne haute de l'intervalle de prédiction à 95 % du loyer d'annonce des \(item.label) (ANIL-DHUP) : plus l'intervalle est large, moins l'estimation est sûre. Descriptif (neutre)."),
                IndicatorDefinition(
                    id: "loyer_\(item.suffix)_annonces", label: "Annonces de location (\(item.label)) observées dans la commune", unit: "annonces",
                    dimension: .logement, direction: .neutral, sources: [source.id], vintage: "2025",
                    definition: "Nombre d'annonces de location (\(item.label)) observées dans la commune pour l'estimation du loyer (ANIL-DHUP) : indicateur de qualité, descriptif (neutre). 0 est une vraie valeur (aucune annonce : loyer estimé à partir des voisines)."),
                IndicatorDefinition(
                    id: "loyer_\(item.suffix)_niveau_prediction", label: "Niveau de prédiction du loyer des \(item.label)", unit: "",
                    dimension: .logement, direction: .neutral, kind: .category, sources: [source.id], vintage: "2025",
                    definition: "Échelle à laquelle le modèle ANIL-DHUP a estimé le loyer des \(item.label) : la commune elle-même (assez d'annonces), une maille (la commune regroupée avec des voisines) ou l'EPCI. Indicateur de qualité, descriptif (neutre).",
                    categories: [
                        IndicatorCategory(code: 1, label: "Commune"),
                        IndicatorCategory(code: 2, label: "Maille (commune et voisines)"),
                        IndicatorCategory(code: 3, label: "EPCI"),
                    ]),
            ]
        }
    }

    func importData(from folder: SourceFolder, into draft: inout AtlasDraft) throws {
        let scored = Self.typologies.filter(\.scored)
        let numeric = Self.typologies.map { (id: "loyer_m2_\($0.suffix)", column: "loyer_m2_\($0.suffix)", decimals: 2) }
            + scored.flatMap { item in [
                (id: "loyer_m2_\(item.suffix)_ip_bas", column: "loyer_m2_\(item.suffix)_ip_bas", decimals: 2),
                (id: "loyer_m2_\(item.suffix)_ip_haut", column: "loyer_m2_\(item.suffix)_ip_haut", decimals: 2),
                (id: "loyer_\(item.suffix)_annonces", column: "nb_obs_commune_\(item.suffix)", decimals: 0),
            ] }
        let levelColumns = scored.map { (id: "loyer_\($0.suffix)_niveau_prediction", column: "type_prediction_\($0.suffix)") }
        var file = try folder.csv("loyers_annonces_2025_cog2025.csv", columns: ["code_commune_cog2025"] + numeric.map(\.column) + levelColumns.map(\.column),
                                  key: ["code_commune_cog2025"])
        for (index, rows) in try file.rowsByCommune(column: "code_commune_cog2025", in: draft) {
            guard rows.count == 1, let row = rows.first else { continue } // the file is on COG 2025: one row per commune
            for item in numeric {
                try draft.set(item.id, index, ImporterSupport.rounded(try row.number(item.column), item.decimals))
            }
            for item in levelColumns {
                guard let text = row.text(item.column) else { continue }
                guard let position = Self.levels.firstIndex(of: text) else {
                    throw row.error(item.column, "unknown prediction level '\(text)' (expected one of: \(Self.levels.joined(separator: ", ")))")
                }
                try draft.set(item.id, index, Double(position + 1))
            }
        }
        draft.record(file.provenance)
    }
}
