import BourgCore

/// Indicators computed from several sources once every importer has run.
enum DerivedIndicators {
    /// The surface of the reference home for the price-to-income ratio.
    static let referenceHomeSquareMetres = 100.0

    static let indicators: [IndicatorDefinition] = [
        IndicatorDefinition(
            id: "rapport_prix_revenu", label: "Prix d'une maison de 100 m² en années de revenu médian", unit: "années",
            dimension: .logement, direction: .lowerIsBetter, sources: [DVFImporter.sourceID, FilosofiImporter.sourceID], vintage: "2021–2025",
            definition: "Prix médian au m² des maisons (DVF, au moins 10 ventes) × 100 m², divisé par le revenu disponible médian annuel par unité de consommation (Filosofi 2021)."),
    ]

    static func compute(into draft: inout AtlasDraft) {
        let price = draft.column("prix_m2_maison"), income = draft.column("revenu_median_uc")
        for index in draft.communes.indices {
            guard let price = price[index], let income = income[index], income > 0 else { continue }
            draft.replace("rapport_prix_revenu", index, ImporterSupport.rounded(price * referenceHomeSquareMetres / income, 1))
        }
    }
}
