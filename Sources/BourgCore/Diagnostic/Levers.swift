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

/// Who decides, or acts, on an indicator.
public enum LeverActor: String, Codable, Sendable, CaseIterable {
    case commune, intercommunalite, departement, region, etat, ars
    case educationNationale = "education_nationale"
    case prive

    /// French label, as in "qui agit : la commune, l'intercommunalité".
    public var label: String {
        switch self {
        case .commune: "la commune"
        case .intercommunalite: "l'intercommunalité"
        case .departement: "le département"
        case .region: "la région"
        case .etat: "l'État"
        case .ars: "l'agence régionale de santé (ARS)"
        case .educationNationale: "l'Éducation nationale"
        case .prive: "des acteurs privés"
        }
    }
}

/// How far a town can move an indicator.
public enum Actionability: String, Codable, Sendable, CaseIterable {
    /// The commune or its intercommunalité can move it with its own means and the programmes open to it.
    case town
    /// Others decide (ARS, Éducation nationale, département, région, operators, private owners): the town asks,
    /// hosts, co-funds.
    case partners
    /// Geography, climate, hazards, demography, the residents' incomes, a past trend: context, never a lever.
    case none

    /// French label, for lists and headings.
    public var label: String {
        switch self {
        case .town: "À la main de la commune et de son intercommunalité"
        case .partners: "Avec des partenaires qui décident"
        case .none: "Hors de portée : contexte"
        }
    }
}

/// The towns an indicator is compared with ("towns like us"): a figure means something only among towns where
/// the comparison is fair.
public enum ComparisonBasis: String, Codable, Sendable, CaseIterable {
    /// The same population band.
    case size
    /// The same population band, density class and situation: land, nature, vacancy and safety figures, which
    /// follow the town's form (a dense centre is not a large rural commune).
    case form
    /// The same situation and the same level of centrality (equipment and services): distances to facilities and
    /// the supply of shops and care, which follow the town's place in the network of centres.
    case place

    /// The group in a few words, for a table column.
    public var shortLabel: String {
        switch self {
        case .size: "même taille"
        case .form: "même forme"
        case .place: "même position (situation, centralité)"
        }
    }

    /// What the group is, in French, for `/methode`.
    public var description: String {
        switch self {
        case .size: "communes de la même tranche de population"
        case .form: "même tranche de population, même classe de la grille de densité et même situation"
        case .place: "même situation et même niveau de centralité (équipements et services)"
        }
    }
}

/// The most a town can move a slow figure in one council term (six years), so that a target stays a step a
/// council can take: the area of a whole commune is not replanted or unsealed in a term, nor crime divided by three.
public enum LeverStep: Sendable, Hashable, Codable {
    /// At most so many points of the figure (a share of the commune's area, in %).
    case points(Double)
    /// At most this fraction of the town's own value (0.3: a third less, or more).
    case fraction(Double)

    /// `best` (the comparable towns' best quarter) or, when it is further, the town's value moved by one step toward it.
    public func bounded(from value: Double, toward best: Double) -> Double {
        let step = switch self {
        case let .points(points): points
        case let .fraction(fraction): abs(value) * fraction
        }
        return abs(best - value) <= step ? best : value + (best > value ? step : -step)
    }

    /// In French, for `/methode`: "1 point", "30 %".
    public var label: String {
        switch self {
        case let .points(points): "\(FrenchFormat.number(points, decimals: 1)) point\(points >= 2 ? "s" : "")"
        case let .fraction(fraction): "\(FrenchFormat.number(fraction * 100, decimals: 0)) % de la valeur de la commune"
        }
    }
}

/// What a town can do about one indicator: the action that moves that very figure, how far the town's hands
/// reach, who acts and under what constraint, the barrier it lifts and the towns it is compared with.
public struct LeverAction: Sendable, Hashable, Codable {
    /// French description of the action that moves this very indicator, e.g. "ouvrir un espace France Services".
    public var action: String
    public var actionability: Actionability
    /// Who acts, the deciding one first.
    public var actors: [LeverActor]
    /// What limits the action (ARS quotas, Éducation nationale's map…), in French.
    public var constraint: String?
    public var barrier: Barrier?
    /// The towns this indicator is compared with.
    public var comparison: ComparisonBasis
    /// For a slow figure, the most a town moves it in a council term: the target is then at most one step away.
    public var step: LeverStep?

    public init(action: String, actionability: Actionability, actors: [LeverActor] = [], constraint: String? = nil,
                barrier: Barrier? = nil, comparison: ComparisonBasis = .size, step: LeverStep? = nil) {
        self.action = action
        self.actionability = actionability
        self.actors = actors
        self.constraint = constraint
        self.barrier = barrier
        self.comparison = comparison
        self.step = step
    }

    /// True when the commune or its intercommunalité can act on it alone.
    public var inTownsHands: Bool { actionability == .town }
    /// False for a non-actionable figure: it is context, never a lever.
    public var isLever: Bool { actionability != .none }
    /// "la commune, l'intercommunalité".
    public var actorsText: String { actors.map(\.label).joined(separator: ", ") }
}

/// The lever catalogue: for every scored indicator, what moves it, who acts and what it is compared with — the one
/// place where this is decided (the diagnostic, the town page, the council summary and `/methode` read it).
public enum LeverCatalogue {
    private static func town(_ action: String, _ actors: [LeverActor], _ constraint: String? = nil, barrier: Barrier? = nil,
                             _ comparison: ComparisonBasis, step: LeverStep? = nil) -> LeverAction {
        LeverAction(action: action, actionability: .town, actors: actors, constraint: constraint, barrier: barrier, comparison: comparison, step: step)
    }

    private static func partners(_ action: String, _ actors: [LeverActor], _ constraint: String, barrier: Barrier? = nil,
                                 _ comparison: ComparisonBasis) -> LeverAction {
        LeverAction(action: action, actionability: .partners, actors: actors, constraint: constraint, barrier: barrier, comparison: comparison)
    }

    private static func context(_ reason: String, barrier: Barrier? = nil, _ comparison: ComparisonBasis = .size) -> LeverAction {
        LeverAction(action: reason, actionability: .none, barrier: barrier, comparison: comparison)
    }

    private static let pastTrend = "une tendance passée : elle décrit, elle ne se pilote pas (le levier est le niveau)"
    private static let crime = "prévention avec le conseil local de sécurité et de prévention de la délinquance (CLSPD)"
    /// A term's realistic move: a point of the commune's area replanted or unsealed; a third less crime; a tax rate
    /// changed by a sixth; half the long-term vacant housing back on the market (an OPAH-RU's ambition).
    private static let areaStep = LeverStep.points(1), crimeStep = LeverStep.fraction(0.3), taxStep = LeverStep.fraction(0.15),
                        vacancyStep = LeverStep.fraction(0.5)

    public static let actions: [String: LeverAction] = [
        // Santé
        "apl_medecins_generalistes": partners("attirer des médecins généralistes : maison ou centre de santé, locaux, aides à l'installation", [.commune, .intercommunalite, .ars],
                                              "les médecins s'installent librement ; l'ARS zone les aides à l'installation", barrier: .sante, .place),
        "apl_infirmiers": partners("accueillir des infirmiers (locaux dans une maison de santé)", [.commune, .intercommunalite, .ars],
                                   "installation conventionnée, limitée dans les zones déjà bien dotées", barrier: .sante, .place),
        "apl_kinesitherapeutes": partners("accueillir des kinésithérapeutes (locaux dans une maison de santé)", [.commune, .intercommunalite, .ars],
                                          "installation conventionnée, limitée dans les zones déjà bien dotées", barrier: .sante, .place),
        "apl_dentistes": partners("accueillir un cabinet ou un centre de santé dentaire", [.commune, .intercommunalite, .ars],
                                  "installation libre ; un centre de santé doit être agréé", barrier: .sante, .place),
        "apl_sages_femmes": partners("accueillir des sages-femmes (locaux dans une maison de santé)", [.commune, .intercommunalite, .ars],
                                     "installation conventionnée, limitée dans les zones déjà bien dotées", barrier: .sante, .place),
        "pharmacies_pour_10000": partners("accueillir une pharmacie (transfert ou création)", [.ars, .prive, .commune],
                                          "l'ARS autorise chaque officine selon des quotas de population (une pour 4 500 habitants de plus)", barrier: .sante, .place),
        "distance_maison_sante_km": town("créer une maison de santé pluriprofessionnelle ou un centre de santé", [.commune, .intercommunalite, .ars],
                                         "il faut des professionnels prêts à s'y installer et un projet de santé validé par l'ARS", barrier: .sante, .place),
        "distance_urgences_km": context("la carte des urgences relève de l'ARS et de l'organisation hospitalière régionale", barrier: .sante, .place),
        "eau_conforme_bacteriologie": town("fiabiliser le traitement et le réseau d'eau potable (désinfection, protection des captages)", [.intercommunalite, .commune],
                                           "compétence de l'intercommunalité ou du syndicat des eaux, contrôlée par l'ARS", barrier: .sante, .size),
        "eau_conforme_physicochimie": town("traiter ou diversifier la ressource en eau (interconnexion, traitement des nitrates ou pesticides)", [.intercommunalite, .commune],
                                           "compétence de l'intercommunalité ou du syndicat des eaux ; travaux longs et coûteux", barrier: .sante, .size),
        // Services publics
        "france_services": town("ouvrir un espace France Services", [.commune, .intercommunalite, .etat], "labellisé par l'État (préfecture)", barrier: .servicesPublics, .place),
        "distance_france_services_km": town("ouvrir un espace France Services (ou une antenne, un bus itinérant)", [.commune, .intercommunalite, .etat],
                                            "labellisé par l'État (préfecture)", barrier: .servicesPublics, .place),
        "service_postal": town("ouvrir une agence postale communale ou un relais poste", [.commune, .prive], "convention avec La Poste", barrier: .servicesPublics, .place),
        "distance_creche_km": town("ouvrir une crèche ou une micro-crèche", [.commune, .intercommunalite, .prive], "agrément de la PMI (département), financement CAF",
                                   barrier: .servicesPublics, .place),
        "taux_couverture_accueil_jeune_enfant": town("créer des places d'accueil du jeune enfant (crèche, micro-crèche, relais petite enfance pour les assistantes maternelles)",
                                                     [.commune, .intercommunalite], "agrément de la PMI (département), financement CAF", barrier: .servicesPublics, .place),
        "distance_ecole_km": partners("maintenir ou rouvrir une école", [.commune, .educationNationale],
                                      "la commune a les locaux, l'Éducation nationale ouvre et ferme les classes", barrier: .servicesPublics, .place),
        "distance_college_km": context("la carte des collèges relève du département", barrier: .servicesPublics, .place),
        "distance_lycee_km": context("la carte des lycées relève de la région", barrier: .servicesPublics, .place),
        "part_pop_eloignee_proximite": town("maintenir ou rouvrir les équipements du quotidien (commerce, école, poste) dans la commune", [.commune, .intercommunalite, .prive],
                                            "des commerçants et des services prêts à s'installer", barrier: .servicesPublics, .place),
        "part_pop_eloignee_intermediaires": partners("accueillir des équipements intermédiaires (supermarché, collège, laboratoire)", [.intercommunalite, .departement, .prive],
                                                     "des décisions d'enseignes, du département, de l'ARS", barrier: .servicesPublics, .place),
        "part_pop_eloignee_superieurs": context("les équipements supérieurs (lycée, hôpital, cinéma multisalles) suivent la taille du bassin de vie", barrier: .servicesPublics, .place),
        // Culture
        "distance_cinema_km": town("ouvrir un cinéma (municipal, associatif) ou accueillir un cinéma itinérant", [.commune, .intercommunalite],
                                   "autorisation du CNC ; une salle doit trouver son public", barrier: .culture, .place),
        "distance_bibliotheque_km": town("ouvrir une médiathèque ou un point lecture", [.commune, .intercommunalite], "aides de l'État (DRAC) et du département", barrier: .culture, .place),
        "distance_musee_km": partners("créer un musée et le faire reconnaître par le ministère de la Culture", [.commune, .intercommunalite, .etat],
                                      "il faut une collection ; le recensement du ministère (Basilic) suit les lieux qu'il connaît", barrier: .culture, .place),
        "distance_theatre_scene_km": town("ouvrir une salle de spectacle et la programmer (scène, théâtre)", [.commune, .intercommunalite],
                                          "le recensement du ministère de la Culture (Basilic) suit les lieux qu'il connaît", barrier: .culture, .place),
        "distance_conservatoire_km": partners("faire classer l'école de musique intercommunale en conservatoire (à rayonnement communal ou intercommunal)",
                                              [.intercommunalite, .etat, .departement],
                                              "un classement de l'État (ministère de la Culture) sur critères d'enseignement ; une simple école de musique ne compte pas", barrier: .culture, .place),
        // Commerces
        "supermarches_pour_1000": partners("accueillir une moyenne surface alimentaire", [.prive, .commune, .intercommunalite],
                                           "décision d'une enseigne ; autorisation de la commission départementale d'aménagement commercial", .place),
        "distance_supermarche_km": partners("accueillir une moyenne surface alimentaire", [.prive, .commune, .intercommunalite],
                                            "décision d'une enseigne ; autorisation de la commission départementale d'aménagement commercial", .place),
        "boulangeries_pour_1000": town("revitaliser les commerces du centre (boulangerie) : locaux, droit de préemption commercial, foncière", [.commune, .intercommunalite, .prive],
                                       "un commerçant prêt à s'installer", .place),
        "boucheries_pour_1000": town("revitaliser les commerces du centre (boucherie) : locaux, droit de préemption commercial, foncière", [.commune, .intercommunalite, .prive],
                                     "un commerçant prêt à s'installer", .place),
        "commerces_alimentaires_pour_1000": town("revitaliser les commerces du centre (épicerie, primeur) : locaux, droit de préemption commercial, foncière",
                                                 [.commune, .intercommunalite, .prive], "des commerçants prêts à s'installer", .place),
        "poissonnerie": town("accueillir une poissonnerie ou un étal au marché", [.commune, .prive], "un commerçant prêt à s'installer", .place),
        "restaurants_pour_1000": town("soutenir cafés et restaurants (licences IV, locaux, tiers-lieux)", [.commune, .prive], "des exploitants prêts à s'installer", .place),
        "distance_banque_km": partners("maintenir ou accueillir une agence bancaire ou un distributeur", [.prive, .commune], "décision des banques ; la commune offre des locaux", .place),
        "distance_station_service_km": town("maintenir ou rouvrir une station-service (station communale)", [.commune, .prive], "investissement et normes de sécurité", .place),
        // Numérique
        "part_locaux_fibre": partners("accélérer le raccordement à la fibre", [.departement, .prive, .commune],
                                      "déploiement par l'opérateur ou le réseau d'initiative publique du département ; la commune facilite (adressage, élagage)", .size),
        "part_locaux_thd_filaire": partners("accélérer le très haut débit filaire", [.departement, .prive, .commune],
                                            "déploiement par l'opérateur ou le réseau d'initiative publique du département", .size),
        "espaces_coworking": town("ouvrir un espace de coworking ou un tiers-lieu", [.commune, .intercommunalite, .prive], nil, .size),
        "couverture_mobile_4g": partners("faire inscrire la commune au dispositif de couverture ciblée (New Deal mobile)", [.etat, .prive, .departement],
                                         "sites choisis par l'équipe projet départementale et l'État", .size),
        // Logement
        "taux_vacance_longue_parc_prive": town("remettre sur le marché les logements vacants depuis plus de deux ans : OPAH-RU, aides Denormandie, taxe sur les logements vacants, acquisition-réhabilitation, opération de revitalisation du territoire (Petites villes de demain, Action cœur de ville)",
                                               [.commune, .intercommunalite, .etat], "l'accord des propriétaires ; l'Anah et la Banque des territoires cofinancent", .form, step: vacancyStep),
        "logements_sociaux_pour_1000": town("produire des logements sociaux ou communaux", [.commune, .intercommunalite, .prive], "avec un bailleur social ; agrément de l'État", .size),
        // A market price over the residents' incomes, both context: accession aidée or a bail réel solidaire lodge a few
        // households, they do not move the median price of a house (the town's own housing counts in logements sociaux).
        "rapport_prix_revenu": context("un prix de marché rapporté aux revenus des habitants : la commune ne fixe ni l'un ni les autres"),
        "prix_m2_maison": context("un prix de marché : la commune ne le fixe pas"),
        "prix_m2_appartement": context("un prix de marché : la commune ne le fixe pas"),
        "loyer_m2_appartement": context("un loyer de marché : la commune ne le fixe pas"),
        "loyer_m2_maison": context("un loyer de marché : la commune ne le fixe pas"),
        "logements_autorises_2021_2024_pour_1000": town("ouvrir du foncier ou réhabiliter pour produire des logements (PLU, opérations d'aménagement)", [.commune, .intercommunalite, .prive],
                                                        "la sobriété foncière (zéro artificialisation nette)", .form),
        "taux_taxe_fonciere_bati": town("voter le taux communal de la taxe foncière", [.commune, .intercommunalite, .departement], "l'équilibre du budget communal", .size, step: taxStep),
        "taux_teom": town("revoir le financement du service des déchets (TEOM, redevance incitative)", [.intercommunalite], "le coût du service, compétence de l'intercommunalité", .size, step: taxStep),
        // Nature
        "couvert_arbore_pct": town("planter (arbres en ville, haies, boisements)", [.commune, .intercommunalite], "la place disponible ; des années avant que le couvert se voie", .form, step: areaStep),
        "sols_impermeabilises_pct": town("désimperméabiliser (cours d'école, places, parkings) et limiter les nouvelles surfaces imperméables", [.commune, .intercommunalite],
                                         "le coût des travaux ; un centre dense reste largement bâti", .form, step: areaStep),
        "luminance_ciel_mcd_m2": town("réduire l'éclairage public (extinction en milieu de nuit)", [.commune, .intercommunalite], "la pollution lumineuse des communes voisines compte aussi", .form),
        "artificialisation_2012_2018_ha_km2": context("une mesure passée (2012–2018) : elle décrit, elle ne se pilote pas ; la sobriété foncière joue sur la suite", .form),
        // Sécurité
        "violences_personnes_pour_1000": town(crime + " : médiation, prévention des violences intrafamiliales", [.commune, .intercommunalite, .etat],
                                              "la police et la justice relèvent de l'État", .form, step: crimeStep),
        "atteintes_biens_pour_1000": town(crime + " : participation citoyenne, police municipale, vidéoprotection", [.commune, .intercommunalite, .etat],
                                          "la police et la justice relèvent de l'État", .form, step: crimeStep),
        "destructions_degradations_pour_1000": town(crime + " : médiation, aménagement des espaces publics", [.commune, .intercommunalite, .etat],
                                                    "la police et la justice relèvent de l'État", .form, step: crimeStep),
        "violences_personnes_pour_1000_presents": town(crime + " : médiation, prévention des violences intrafamiliales", [.commune, .intercommunalite, .etat],
                                                       "la police et la justice relèvent de l'État", .form, step: crimeStep),
        "atteintes_biens_pour_1000_presents": town(crime + " : participation citoyenne, police municipale, vidéoprotection", [.commune, .intercommunalite, .etat],
                                                   "la police et la justice relèvent de l'État", .form, step: crimeStep),
        "destructions_degradations_pour_1000_presents": town(crime + " : médiation, aménagement des espaces publics", [.commune, .intercommunalite, .etat],
                                                             "la police et la justice relèvent de l'État", .form, step: crimeStep),
        "violences_personnes_tendance": context(pastTrend, .form),
        "atteintes_biens_tendance": context(pastTrend, .form),
        "destructions_degradations_tendance": context(pastTrend, .form),
        // Emploi et revenus
        "revenu_median_uc": context("les revenus des habitants : le reflet de la population, pas un levier", barrier: .emploi),
        "taux_pauvrete": context("la pauvreté des habitants : le reflet de la population, pas un levier", barrier: .emploi),
        "part_revenus_chomage": context("les revenus des habitants : le reflet de la population, pas un levier", barrier: .emploi),
        "taux_chomage_1564_2022": partners("développement économique (foncier d'activité, accompagnement des entreprises), insertion", [.intercommunalite, .region, .etat],
                                           "l'emploi dépend du bassin d'emploi ; le développement économique est de la compétence de l'intercommunalité et de la région", barrier: .emploi, .size),
        "taux_emploi_1564_2022": partners("développement économique (foncier d'activité, accompagnement des entreprises), insertion", [.intercommunalite, .region, .etat],
                                          "l'emploi dépend du bassin d'emploi ; le développement économique est de la compétence de l'intercommunalité et de la région", barrier: .emploi, .size),
        "demandeurs_emploi_pour_1000": partners("insertion et retour à l'emploi avec France Travail, développement économique", [.intercommunalite, .region, .etat],
                                                "l'emploi dépend du bassin d'emploi", barrier: .emploi, .size),
        "concentration_emploi_2018": partners("accueillir des entreprises (foncier d'activité, immobilier d'entreprise)", [.intercommunalite, .region, .prive],
                                              "le développement économique est de la compétence de l'intercommunalité et de la région", barrier: .emploi, .place),
        "demandeurs_emploi_tendance_2019_2023": context(pastTrend, barrier: .emploi),
        "croissance_emplois_2013_2018": context(pastTrend, barrier: .emploi),
        // Mobilité
        "gare_dans_commune": context("le réseau ferré ne se décide pas à l'échelle d'une commune", barrier: .mobilite),
        "voyageurs_gares_2024": partners("obtenir plus de trains et faciliter l'accès à la gare (rabattement, stationnement, vélo)", [.region, .commune, .intercommunalite],
                                         "la desserte des TER est décidée par la région", barrier: .mobilite, .place),
        "distance_gare_km": context("position sur le réseau ferré", barrier: .mobilite),
        "distance_gare_grandes_lignes_km": context("position sur le réseau ferré", barrier: .mobilite),
        "distance_pole_aav_200k_km": context("position géographique", barrier: .mobilite),
        "duree_trajet_domicile_travail_min": context("où sont les emplois des habitants : la géographie du bassin d'emploi", barrier: .mobilite),
        "distance_trajet_domicile_travail_km": context("où sont les emplois des habitants : la géographie du bassin d'emploi", barrier: .mobilite),
        "part_actifs_trajet_plus_30min": context("où sont les emplois des habitants : la géographie du bassin d'emploi", barrier: .mobilite),
        // Métropole
        "distance_pole_aav_700k_km": context("position géographique"),
        "couronne_aav_700k": context("position géographique"),
        // Vie sociale
        "associations_pour_1000": town("soutenir la vie associative (salles, subventions, forum des associations)", [.commune, .intercommunalite], "des bénévoles", .size),
        "licences_sportives_pour_100": town("soutenir les clubs (équipements, créneaux, aide aux licences)", [.commune, .intercommunalite], "des bénévoles et des encadrants", .size),
        "clubs_sportifs_pour_1000": town("soutenir la création de clubs (équipements, créneaux)", [.commune, .intercommunalite], "des bénévoles et des encadrants", .size),
        "equipements_sportifs_pour_1000": town("créer des équipements sportifs (city-stade, parcours, salle)", [.commune, .intercommunalite], "investissement et entretien", .size),
        "participation_europeennes_2024": context("un vote passé : il décrit la vie civique, il ne se pilote pas"),
        "participation_presidentielle_2017": context("un vote passé : il décrit la vie civique, il ne se pilote pas"),
        // Tourisme
        "hotels_pour_1000": partners("accueillir un hôtel (foncier, accompagnement d'un porteur de projet)", [.prive, .commune, .intercommunalite],
                                     "un investisseur ; classement par Atout France", .size),
        "campings_pour_1000": partners("ouvrir ou reprendre un camping (municipal ou privé)", [.commune, .intercommunalite, .prive], "le zonage du PLU et les risques", .size),
        "information_touristique": town("ouvrir un bureau d'information touristique", [.intercommunalite, .commune], "compétence de l'intercommunalité (office de tourisme)", .size),
        "domaine_skiable": context("la géographie : relief et neige"),
        "sports_nautiques": context("la géographie : un littoral ou un plan d'eau"),
        // Climat et risques
        "arretes_catnat_total": context("des catastrophes naturelles passées : un historique, pas un levier"),
        "arretes_catnat_2016_2025": context("des catastrophes naturelles passées : un historique, pas un levier"),
        "jours_tx_sup35_2021_2050": context("le climat à venir : ne se pilote pas à l'échelle d'une commune (s'y adapter, oui)"),
        "nuits_tropicales_2021_2050": context("le climat à venir : ne se pilote pas à l'échelle d'une commune (s'y adapter, oui)"),
        "potentiel_radon": context("la géologie : le potentiel radon ne change pas (la ventilation des bâtiments, oui)"),
    ]

    /// The catalogue entry of an indicator; one absent from the catalogue is context, compared by size.
    public static func action(for indicator: IndicatorDefinition) -> LeverAction {
        actions[indicator.id] ?? context("hors de portée directe de la commune")
    }

    /// Whether an indicator needs an entry: it is scored (directional, not a category, in a weighable dimension).
    public static func needsEntry(_ indicator: IndicatorDefinition) -> Bool {
        indicator.direction != .neutral && indicator.kind != .category && AttractivenessDimension.weighable.contains(indicator.dimension)
    }

    /// The rule of a lever's target, in French.
    public static let targetRule = "Cible : le niveau qu'atteint le quart le mieux placé des communes comparables (troisième quartile dans le sens de l'indicateur), jamais au-delà de ce qu'a une commune de ce groupe ; pour une figure lente, au plus le pas réaliste d'un mandat (1 point de la surface de la commune replantée ou désimperméabilisée, un tiers de délinquance en moins, un taux d'impôt changé d'un sixième, la moitié des logements vacants depuis plus de deux ans remis sur le marché)."
}
