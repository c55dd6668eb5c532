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
    ] + PresentPopulation.rates.map { rate in
        IndicatorDefinition(
            id: rate.id, label: "\(rate.label) pour 1 000 habitants présents", unit: "pour 1 000 hab. présents",
            dimension: .securite, direction: .lowerIsBetter,
            sources: ["ssmsi-delinquance-groupes", "insee-residences-secondaires-2022", "insee-rp2021-logements-vacants"], vintage: "2024",
            definition: "Faits enregistrés en 2024 (SSMSI) rapportés aux habitants présents plutôt qu'aux seuls résidents : " + PresentPopulation.rule
                + " Plus bas = mieux. Les autres réserves du taux publié demeurent : faits comptés là où ils sont commis, indicateurs non diffusés (peu de faits) omis.")
    }

    /// The present-population rule of the crime rates: a seaside or ski resort's residents are a fraction of the
    /// people who live there in the season, and rates per resident make it look far more dangerous than it is.
    enum PresentPopulation {
        static let rates: [(id: String, residentRate: String, label: String)] = [
            ("violences_personnes_pour_1000_presents", "violences_personnes_pour_1000", "Violences aux personnes"),
            ("atteintes_biens_pour_1000_presents", "atteintes_biens_pour_1000", "Atteintes aux biens"),
            ("destructions_degradations_pour_1000_presents", "destructions_degradations_pour_1000", "Destructions et dégradations"),
        ]

        static let rule = "population présente = résidents + occupants des résidences secondaires, comptés comme les ménages de la commune (résidents ÷ résidences principales), soit résidents × (1 − v) ÷ (1 − s − v), où s est la part de résidences secondaires (recensement 2022) et v celle des logements vacants (recensement 2021). Une station où les trois quarts des logements sont des résidences secondaires voit ainsi son taux divisé par 4 à 5 ; une commune sans résidence secondaire garde le taux publié. Les lits d'hôtel et de camping ne sont pas comptés (la BPE compte les établissements, pas leurs lits) : le taux des villes très hôtelières reste surestimé. Où la part de résidences secondaires manque (DOM), le taux par résident."

        /// The factor turning a rate per resident into a rate per person present: (1 − s − v) / (1 − v), with `s`
        /// and `v` in percent; 1 when `s` is unknown; `nil` when the shares are implausible (s + v ≥ 100).
        static func factor(secondHomes s: Double?, vacancy v: Double?) -> Double? {
            guard let s else { return 1 }
            let vacancy = (v ?? 0) / 100, second = s / 100
            guard second + vacancy < 1 else { return nil }
            return (1 - second - vacancy) / (1 - vacancy)
        }
    }

    static func compute(into draft: inout AtlasDraft) {
        // Rents are read after DVF: implausible DVF medians are withheld first, so that no ratio uses them.
        DVFPlausibility.withhold(in: &draft)
        let price = draft.column("prix_m2_maison"), income = draft.column("revenu_median_uc")
        for index in draft.communes.indices {
            guard let price = price[index], let income = income[index], income > 0 else { continue }
            draft.replace("rapport_prix_revenu", index, ImporterSupport.rounded(price * referenceHomeSquareMetres / income, 1))
        }
        let secondHomes = draft.column("part_residences_secondaires_2022"), vacancy = draft.column("taux_vacance_2021")
        for rate in PresentPopulation.rates {
            let perResident = draft.column(rate.residentRate)
            for index in draft.communes.indices {
                guard let value = perResident[index],
                      let factor = PresentPopulation.factor(secondHomes: secondHomes[index], vacancy: vacancy[index]) else { continue }
                draft.replace(rate.id, index, ImporterSupport.rounded(value * factor, 2))
            }
        }
    }
}
