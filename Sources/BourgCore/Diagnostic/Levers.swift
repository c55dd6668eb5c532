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
        "apl_medecins_generalistes": LeverAction(action: "attirer des médecins généralistes (maison de santé, centre de santé, aides à l'installation), avec l'intercommunalité", inTownsHands: true, barrier: .sante),
        "pharmacies_pour_10000": LeverAction(action: "maintenir ou accueillir une pharmacie", inTownsHands: true, barrier: .sante),
        "apl_infirmiers": LeverAction(action: "accueillir des infirmiers (locaux dans une maison de santé)", inTownsHands: true, barrier: .sante),
        "apl_kinesitherapeutes": LeverAction(action: "accueillir des kinésithérapeutes (locaux dans une maison de santé)", inTownsHands: true, barrier: .sante),
        "apl_dentistes": LeverAction(action: "accueillir un cabinet dentaire ou un centre de santé dentaire", inTownsHands: true, barrier: .sante),
        "apl_sages_femmes": LeverAction(action: "accueillir des sages-femmes (locaux dans une maison de santé)", inTownsHands: true, barrier: .sante),
        "distance_maison_sante_km": LeverAction(action: "créer une maison de santé pluriprofessionnelle ou un centre de santé", inTownsHands: true, barrier: .sante),
        "distance_urgences_km": LeverAction(action: "dépend de l'organisation hospitalière régionale", inTownsHands: false, barrier: .sante),
        // Services publics
        "france_services": LeverAction(action: "ouvrir un espace France Services", inTownsHands: true, barrier: .servicesPublics),
        "distance_france_services_km": LeverAction(action: "ouvrir un espace France Services (ou une antenne, un bus itinérant)", inTownsHands: true, barrier: .servicesPublics),
        "service_postal": LeverAction(action: "ouvrir une agence postale communale ou un relais poste", inTownsHands: true, barrier: .servicesPublics),
        "distance_creche_km": LeverAction(action: "ouvrir une crèche ou une micro-crèche", inTownsHands: true, barrier: .servicesPublics),
        "taux_couverture_accueil_jeune_enfant": LeverAction(action: "créer des places d'accueil du jeune enfant (crèche, micro-crèche, relais petite enfance pour les assistantes maternelles)", inTownsHands: true, barrier: .servicesPublics),
        "distance_ecole_km": LeverAction(action: "maintenir ou rouvrir une école", inTownsHands: true, barrier: .servicesPublics),
        "distance_college_km": LeverAction(action: "dépend du département", inTownsHands: false, barrier: .servicesPublics),
        "distance_lycee_km": LeverAction(action: "dépend de la région", inTownsHands: false, barrier: .servicesPublics),
        "part_pop_eloignee_proximite": LeverAction(action: "rapprocher les services du quotidien (commerces, école, poste)", inTownsHands: true, barrier: .servicesPublics),
        // Culture
        "distance_cinema_km": LeverAction(action: "ouvrir un cinéma (associatif, municipal) ou accueillir un cinéma itinérant", inTownsHands: true, barrier: .culture),
        "distance_bibliotheque_km": LeverAction(action: "ouvrir une médiathèque ou un point lecture", inTownsHands: true, barrier: .culture),
        "distance_musee_km": LeverAction(action: "valoriser le patrimoine (musée, maison du patrimoine)", inTownsHands: true, barrier: .culture),
        "distance_theatre_scene_km": LeverAction(action: "programmer des spectacles (salle polyvalente, scène)", inTownsHands: true, barrier: .culture),
        "distance_conservatoire_km": LeverAction(action: "ouvrir une école de musique", inTownsHands: true, barrier: .culture),
        // Commerces
        "supermarches_pour_1000": LeverAction(action: "accueillir une moyenne surface alimentaire", inTownsHands: true),
        "distance_supermarche_km": LeverAction(action: "accueillir une moyenne surface alimentaire", inTownsHands: true),
        "boulangeries_pour_1000": LeverAction(action: "revitaliser les commerces du centre (boulangerie)", inTownsHands: true),
        "boucheries_pour_1000": LeverAction(action: "revitaliser les commerces du centre (boucherie)", inTownsHands: true),
        "commerces_alimentaires_pour_1000": LeverAction(action: "revitaliser les commerces du centre (épicerie, primeur)", inTownsHands: true),
        "poissonnerie": LeverAction(action: "accueillir une poissonnerie ou un étal au marché", inTownsHands: true),
        "restaurants_pour_1000": LeverAction(action: "soutenir cafés et restaurants (tiers-lieux, licences IV)", inTownsHands: true),
        "distance_banque_km": LeverAction(action: "maintenir ou accueillir une agence bancaire (locaux, avec les banques)", inTownsHands: true),
        "distance_station_service_km": LeverAction(action: "maintenir ou rouvrir une station-service (station communale)", inTownsHands: true),
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
        "demandeurs_emploi_tendance_2019_2023": LeverAction(action: "développement économique avec l'intercommunalité", inTownsHands: false, barrier: .emploi),
        "taux_chomage_1564_2022": LeverAction(action: "développement économique avec l'intercommunalité", inTownsHands: false, barrier: .emploi),
        "taux_emploi_1564_2022": LeverAction(action: "développement économique avec l'intercommunalité", inTownsHands: false, barrier: .emploi),
        "croissance_emplois_2013_2018": LeverAction(action: "développement économique avec l'intercommunalité (foncier d'activité, commerce)", inTownsHands: false, barrier: .emploi),
        "concentration_emploi_2018": LeverAction(action: "développement économique avec l'intercommunalité (foncier d'activité, commerce)", inTownsHands: false, barrier: .emploi),
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
