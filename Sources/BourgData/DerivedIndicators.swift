import BourgCore

/// Indicators computed from several sources once every importer has run.
enum DerivedIndicators {
    /// The surface of the reference home for the price-to-income ratio.
    static let referenceHomeSquareMetres = 100.0

    static let indicators: [IndicatorDefinition] = [
        IndicatorDefinition(
            id: "rapport_prix_revenu", label: "Prix d'une maison de 100 m² en années de niveau de vie médian", unit: "années",
            dimension: .logement, direction: .lowerIsBetter, sources: [DVFImporter.sourceID, FilosofiImporter.sourceID], vintage: "2021–2025",
            definition: "Prix médian au m² des maisons (DVF, au moins 10 ventes, médianes invraisemblables écartées) × 100 m², divisé par le niveau de vie médian : le revenu disponible annuel médian par unité de consommation (Filosofi 2021). Ce n'est pas le revenu d'un ménage : Filosofi ne publie pas, par commune, de revenu médian des ménages. Une personne seule compte 1 unité de consommation, un couple 1,5, un couple avec deux enfants de moins de 14 ans 2,1 : pour ce dernier, le nombre d'années de revenu du ménage est environ 2,1 fois plus petit. Comparable d'une commune à l'autre, pas avec les ratios prix / revenu des ménages publiés ailleurs."),
    ]

    static func compute(into draft: inout AtlasDraft) {
        // Rents are read after DVF: implausible DVF medians are withheld first, so that no ratio uses them.
        DVFPlausibility.withhold(in: &draft)
        let price = draft.column("prix_m2_maison"), income = draft.column("revenu_median_uc")
        for index in draft.communes.indices {
            guard let price = price[index], let income = income[index], income > 0 else { continue }
            draft.replace("rapport_prix_revenu", index, ImporterSupport.rounded(price * referenceHomeSquareMetres / income, 1))
        }
    }
}
