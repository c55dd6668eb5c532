/// The barriers to moving to a small town that the 2021 barometer names.
public enum Barrier: String, Codable, Sendable, CaseIterable {
    case mobilite, sante, servicesPublics = "services_publics", culture, emploi

    public var label: String {
        switch self {
        case .mobilite: "se déplacer"
        case .sante: "peu de services de santé"
        case .servicesPublics: "peu de services publics"
        case .culture: "une offre culturelle réduite"
        case .emploi: "peu d'emplois"
        }
    }
}

/// What a town can do about one indicator: the action, whether it is in the town's hands, and the barrier it lifts.
public struct LeverAction: Sendable, Hashable, Codable {
    /// French description of the action, e.g. "ouvrir un espace France Services".
    public var action: String
    /// True when the town (with its EPCI) can act on it; false when it is structural (distance to a metropolis…).
    public var inTownsHands: Bool
    public var barrier: Barrier?

    public init(action: String, inTownsHands: Bool, barrier: Barrier? = nil) {
        self.action = action
        self.inTownsHands = inTownsHands
        self.barrier = barrier
    }
}

/// The actions behind each indicator. An indicator absent from this list is treated as structural.
public enum LeverCatalogue {
    public static let actions: [String: LeverAction] = [
        // Santé
        "medecins_generalistes_pour_10000": LeverAction(action: "attirer des médecins généralistes (maison de santé, centre de santé, aides à l'installation)", inTownsHands: true, barrier: .sante),
        "pharmacies_pour_10000": LeverAction(action: "maintenir ou accueillir une pharmacie", inTownsHands: true, barrier: .sante),
        "infirmiers_pour_10000": LeverAction(action: "accueillir des infirmiers (locaux dans une maison de santé)", inTownsHands: true, barrier: .sante),
        "kinesitherapeutes_pour_10000": LeverAction(action: "accueillir des kinésithérapeutes (locaux dans une maison de santé)", inTownsHands: true, barrier: .sante),
        "dentistes_pour_10000": LeverAction(action: "accueillir un cabinet dentaire ou un centre de santé dentaire", inTownsHands: true, barrier: .sante),
        "distance_maison_sante_km": LeverAction(action: "créer une maison de santé pluriprofessionnelle ou un centre de santé", inTownsHands: true, barrier: .sante),
        "distance_urgences_km": LeverAction(action: "dépend de l'organisation hospitalière régionale", inTownsHands: false, barrier: .sante),
        "apl_medecins_generalistes_bv": LeverAction(action: "améliorer l'accès aux généralistes du bassin de vie, avec l'intercommunalité", inTownsHands: true, barrier: .sante),
        "densite_generalistes_bv": LeverAction(action: "attirer des généralistes dans le bassin de vie, avec l'intercommunalité", inTownsHands: true, barrier: .sante),
        "densite_infirmiers_bv": LeverAction(action: "attirer des infirmiers dans le bassin de vie", inTownsHands: true, barrier: .sante),
        // Services publics
        "france_services": LeverAction(action: "ouvrir un espace France Services", inTownsHands: true, barrier: .servicesPublics),
        "distance_france_services_km": LeverAction(action: "ouvrir un espace France Services (ou une antenne, un bus itinérant)", inTownsHands: true, barrier: .servicesPublics),
        "service_postal": LeverAction(action: "ouvrir une agence postale communale ou un relais poste", inTownsHands: true, barrier: .servicesPublics),
        "distance_creche_km": LeverAction(action: "ouvrir une crèche ou une micro-crèche", inTownsHands: true, barrier: .servicesPublics),
        "distance_ecole_km": LeverAction(action: "maintenir ou rouvrir une école", inTownsHands: true, barrier: .servicesPublics),
        "distance_college_km": LeverAction(action: "dépend du département", inTownsHands: false, barrier: .servicesPublics),
        "distance_lycee_km": LeverAction(action: "dépend de la région", inTownsHands: false, barrier: .servicesPublics),
        "part_pop_eloignee_proximite": LeverAction(action: "rapprocher les services du quotidien (commerces, école, poste)", inTownsHands: true, barrier: .servicesPublics),
        // Culture
        "cinemas": LeverAction(action: "ouvrir un cinéma (associatif, municipal) ou accueillir un cinéma itinérant", inTownsHands: true, barrier: .culture),
        "distance_cinema_km": LeverAction(action: "ouvrir un cinéma ou accueillir un cinéma itinérant", inTownsHands: true, barrier: .culture),
        "bibliotheques": LeverAction(action: "ouvrir une médiathèque ou un point lecture", inTownsHands: true, barrier: .culture),
        "musees": LeverAction(action: "valoriser le patrimoine (musée, maison du patrimoine)", inTownsHands: true, barrier: .culture),
        "theatres_scenes": LeverAction(action: "programmer des spectacles (salle polyvalente, scène)", inTownsHands: true, barrier: .culture),
        "conservatoires": LeverAction(action: "ouvrir une école de musique", inTownsHands: true, barrier: .culture),
        "lieux_culturels": LeverAction(action: "développer les lieux culturels", inTownsHands: true, barrier: .culture),
        // Commerces
        "supermarches_pour_1000": LeverAction(action: "accueillir une moyenne surface alimentaire", inTownsHands: true),
        "distance_supermarche_km": LeverAction(action: "accueillir une moyenne surface alimentaire", inTownsHands: true),
        "boulangeries_pour_1000": LeverAction(action: "revitaliser les commerces du centre (boulangerie)", inTownsHands: true),
        "boucheries_pour_1000": LeverAction(action: "revitaliser les commerces du centre (boucherie)", inTownsHands: true),
        "autres_commerces_quotidiens_pour_1000": LeverAction(action: "revitaliser les commerces du centre (épicerie, presse)", inTownsHands: true),
        // Vie sociale
        "equipements_sport_loisirs_pour_1000": LeverAction(action: "créer ou rénover des équipements de sport et de loisirs", inTownsHands: true),
        "restaurants_pour_1000": LeverAction(action: "soutenir cafés et restaurants (tiers-lieux, licences IV)", inTownsHands: true),
        // Numérique
        "part_locaux_fibre": LeverAction(action: "accélérer le raccordement à la fibre avec le département et l'opérateur", inTownsHands: true),
        "part_locaux_thd_filaire": LeverAction(action: "accélérer le très haut débit avec le département et l'opérateur", inTownsHands: true),
        "espaces_coworking": LeverAction(action: "ouvrir un espace de coworking ou un tiers-lieu", inTownsHands: true),
        // Logement
        "logements_sociaux_pour_1000": LeverAction(action: "produire des logements sociaux ou communaux", inTownsHands: true),
        "prix_m2_maison": LeverAction(action: "prix de marché, à peine influençables (foncier, réhabilitation de logements vacants)", inTownsHands: false),
        "prix_m2_appartement": LeverAction(action: "prix de marché (réhabilitation de logements vacants)", inTownsHands: false),
        "rapport_prix_revenu": LeverAction(action: "logement abordable : accession aidée, réhabilitation", inTownsHands: true),
        // Nature
        "couvert_arbore_pct": LeverAction(action: "planter (arbres en ville, haies)", inTownsHands: true),
        "sols_impermeabilises_pct": LeverAction(action: "désimperméabiliser (cours, places, parkings)", inTownsHands: true),
        "luminance_ciel_mcd_m2": LeverAction(action: "réduire l'éclairage nocturne (extinction en milieu de nuit)", inTownsHands: true),
        "artificialisation_2012_2018_ha_km2": LeverAction(action: "sobriété foncière (zéro artificialisation nette)", inTownsHands: true),
        // Sécurité
        "violences_personnes_pour_1000": LeverAction(action: "prévention de la délinquance (CLSPD, médiation)", inTownsHands: true),
        "atteintes_biens_pour_1000": LeverAction(action: "prévention des cambriolages et vols (participation citoyenne, police municipale)", inTownsHands: true),
        "destructions_degradations_pour_1000": LeverAction(action: "prévention des dégradations (médiation, aménagements)", inTownsHands: true),
        "violences_personnes_tendance": LeverAction(action: "prévention de la délinquance (CLSPD, médiation)", inTownsHands: true),
        "atteintes_biens_tendance": LeverAction(action: "prévention des cambriolages et vols (participation citoyenne, police municipale)", inTownsHands: true),
        "destructions_degradations_tendance": LeverAction(action: "prévention des dégradations (médiation, aménagements)", inTownsHands: true),
        // Emploi (structurel)
        "revenu_median_uc": LeverAction(action: "revenus des habitants", inTownsHands: false, barrier: .emploi),
        "taux_pauvrete": LeverAction(action: "action sociale", inTownsHands: false, barrier: .emploi),
        "part_revenus_chomage": LeverAction(action: "développement économique avec l'intercommunalité", inTownsHands: false, barrier: .emploi),
        "demandeurs_emploi_pour_1000": LeverAction(action: "développement économique avec l'intercommunalité", inTownsHands: false, barrier: .emploi),
        // Mobilité (structurel, sauf le rabattement)
        "gare_dans_commune": LeverAction(action: "rabattement vers la gare la plus proche (navettes, covoiturage)", inTownsHands: false, barrier: .mobilite),
        "voyageurs_gares_2024": LeverAction(action: "desserte ferroviaire : dépend de la région", inTownsHands: false, barrier: .mobilite),
        "distance_gare_km": LeverAction(action: "navettes, covoiturage, vélo vers la gare", inTownsHands: false, barrier: .mobilite),
        "distance_gare_grandes_lignes_km": LeverAction(action: "position sur le réseau ferré", inTownsHands: false, barrier: .mobilite),
        "distance_pole_aav_200k_km": LeverAction(action: "position géographique", inTownsHands: false, barrier: .mobilite),
        "distance_pole_aav_700k_km": LeverAction(action: "position géographique", inTownsHands: false),
        "couronne_aav_700k": LeverAction(action: "position géographique", inTownsHands: false),
    ]

    /// The action for an indicator; structural when unknown.
    public static func action(for indicator: IndicatorDefinition) -> LeverAction {
        actions[indicator.id] ?? LeverAction(action: "hors de portée directe de la commune", inTownsHands: false)
    }
}
