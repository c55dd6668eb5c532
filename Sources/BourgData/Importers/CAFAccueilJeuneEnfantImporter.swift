import BourgCore
import Foundation

/// CNAF (ONAPE, data.caf.fr): childcare for children under 3 — the global coverage rate of 2021, capped at
/// 100 %, and the places of 2020 (descriptive).
struct CAFAccueilJeuneEnfantImporter: SourceImporter {
    let source = SourceDescription(
        id: "caf-accueil-jeune-enfant-2020-2021", citation: "CNAF, accueil du jeune enfant 2021",
        title: "Taux de couverture global de l'accueil du jeune enfant (2021) et places offertes aux moins de 3 ans (2020), par commune",
        producer: "CNAF – Observatoire national de la petite enfance (data.caf.fr)",
        vintage: "2021 (taux), 2020 (places)",
        licence: "Licence Ouverte / Etalab 2.0",
        officialURL: "https://data.caf.fr/explore/dataset/txcouv_pe_com/")

    static let fileName = "accueil_jeune_enfant_communes_cog2025.csv"
    static let codeColumn = "code_commune_cog2025"
    static let rateColumn = "taux_couverture_global_eaje_2021_pct"
    /// The rate above which places exceed the children of the commune: the rate is capped there.
    static let cap = 100.0

    static let places: [(id: String, column: String, label: String, what: String)] = [
        ("places_accueil_jeune_enfant", "places_total_2020", "Places d'accueil des moins de 3 ans (2020)",
         "Places offertes aux enfants de moins de 3 ans en 2020 : assistantes maternelles, accueil collectif (crèches, EAJE) et autres (garde à domicile, école dès 2 ans)"),
        ("places_creche", "places_accueil_collectif_eaje_2020", "Places en crèche (accueil collectif, 2020)",
         "Places en accueil collectif (crèches et autres établissements d'accueil du jeune enfant) en 2020"),
    ]

    var indicators: [IndicatorDefinition] {
        [IndicatorDefinition(
            id: "taux_couverture_accueil_jeune_enfant", label: "Taux de couverture de l'accueil du jeune enfant (2021)", unit: "%",
            dimension: .servicesPublics, direction: .higherIsBetter, sources: [source.id], vintage: "2021",
            definition: "Taux de couverture global de la CNAF, 2021 : places d'accueil « formel » théoriquement disponibles (crèches et établissements d'accueil du jeune enfant, assistantes maternelles, salariés à domicile, école dès 2 ans) pour 100 enfants de moins de 3 ans. Plus c'est élevé, plus une famille qui s'installe a de chances de trouver une place. Plafonné à 100 % : au-delà (12 % des petites villes, jusqu'à 283 %), la commune a plus de places que d'enfants parce qu'une crèche ou des assistantes maternelles servent aussi les communes voisines, ce qui n'améliore pas l'accès d'un enfant de la commune ; ce sont des places théoriques (capacité déclarée), pas des enfants réellement gardés. Millésime ancien (2021) : les éditions suivantes ne sont pas dans les données de Bourg. Pas de valeur où la CNAF ne diffuse pas le taux (« ND », secret statistique ; Paris, Lyon, Marseille). Pour une commune formée de plusieurs codes : moyenne simple.")]
        + Self.places.map { item in
            IndicatorDefinition(
                id: item.id, label: item.label, unit: "places", dimension: .servicesPublics, direction: .neutral,
                sources: [source.id], vintage: "2020",
                definition: "\(item.what) (CNAF). Descriptif, non noté : un nombre de places croît avec la taille de la ville ; la mesure notée est le taux de couverture, qui rapporte les places aux enfants. Millésime ancien (2020).")
        }
    }

    func importData(from folder: SourceFolder, into draft: inout AtlasDraft) throws {
        var file = try folder.csv(Self.fileName, columns: [Self.codeColumn, Self.rateColumn] + Self.places.map(\.column), key: [Self.codeColumn])
        for (index, rows) in try file.rowsByCommune(column: Self.codeColumn, in: draft) {
            let rates = try rows.map { (value: try $0.number(Self.rateColumn, allowNegative: false), weight: Optional(1.0)) }
            try draft.set("taux_couverture_accueil_jeune_enfant", index, ImporterSupport.weightedMean(rates).map { min($0, Self.cap) })
            for item in Self.places {
                try draft.set(item.id, index, try ImporterSupport.sum(rows.map { try $0.number(item.column, allowNegative: false) }))
            }
        }
        draft.record(file.provenance)
    }
}
