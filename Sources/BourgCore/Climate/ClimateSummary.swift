/// A commune's climate and natural-risk figures as a household reads them: heat and frost in the reference climate
/// and in 2021–2050 side by side, the radon zone with what it means and what to do, and the natural disasters
/// recognised since 1982. Built from the commune's readings; shown by the town page, its JSON twin and `bourg town`.
public struct ClimateSummary: Sendable, Codable, Hashable {
    /// One climate figure, in 1976–2005 and 2021–2050.
    public struct Period: Sendable, Codable, Hashable {
        public var label: String
        public var unit: String
        /// Decimals worth showing (days above 35 °C are few: one decimal).
        public var decimals: Int
        public var reference: Double?
        public var future: Double?
        /// `future − reference`, when both are known.
        public var change: Double? { reference.flatMap { reference in future.map { $0 - reference } } }
    }

    /// Natural disasters recognised (arrêtés CatNat) since 1982, by peril.
    public struct Disasters: Sendable, Codable, Hashable {
        public var total: Double
        public var since2016: Double?
        public var lastYear: Int?
        /// Each peril's count (label, count), in the order GASPAR's perils are read.
        public var perils: [Peril]
    }

    /// One peril's count of recognitions since 1982.
    public struct Peril: Sendable, Codable, Hashable {
        public var label: String
        public var count: Double
    }

    public var periods: [Period]
    public var radonZone: Int?
    public var disasters: Disasters?

    /// What the heat figures are and are not, wherever they are shown.
    public static let caveat = "Simulation d'un seul modèle climatique (DRIAS-2020, ALADIN63 / CNRM-CM5, scénario RCP4.5 d'émissions modérées), au point de grille de 8 km le plus proche de la mairie : ces chiffres servent à comparer les communes entre elles, ce ne sont pas des prévisions. « 1976–2005 » est le climat simulé par le modèle, pas des relevés."
    /// Why overseas communes have no heat figures.
    public static let overseasGap = "Pas de projection climatique pour les DOM : la grille DRIAS couvre la métropole et la Corse."

    /// The figures compared over the two periods: (label, unit, reference indicator, 2021–2050 indicator).
    public static let periodIndicators: [(label: String, unit: String, decimals: Int, reference: String, future: String)] = [
        ("Jours à plus de 35 °C", "jours par an", 1, "jours_tx_sup35_1976_2005", "jours_tx_sup35_2021_2050"),
        ("Nuits où il ne fait pas moins de 20 °C", "nuits par an", 0, "nuits_tropicales_1976_2005", "nuits_tropicales_2021_2050"),
        ("Jours de gel", "jours par an", 0, "jours_gel_1976_2005", "jours_gel_2021_2050"),
        ("Température moyenne", "°C", 1, "temperature_moyenne_1976_2005", "temperature_moyenne_2021_2050"),
    ]
    /// GASPAR's perils: (indicator, label).
    public static let perilIndicators: [(id: String, label: String)] = [
        ("arretes_catnat_inondation", "Inondations et coulées de boue"),
        ("arretes_catnat_secheresse", "Sécheresse (retrait-gonflement des argiles)"),
        ("arretes_catnat_mouvement_terrain", "Mouvements de terrain"),
        ("arretes_catnat_tempete", "Tempêtes"),
        ("arretes_catnat_autres", "Autres (submersion marine, séisme, grêle, neige, avalanche)"),
    ]

    /// The summary of a commune from its readings (`value(id)` gives an indicator's value, `nil` if missing).
    public init(value: (String) -> Double?) {
        periods = Self.periodIndicators.map { Period(label: $0.label, unit: $0.unit, decimals: $0.decimals, reference: value($0.reference), future: value($0.future)) }
        radonZone = value("potentiel_radon").map { Int($0) }
        disasters = value("arretes_catnat_total").map { total in
            Disasters(total: total, since2016: value("arretes_catnat_2016_2025"), lastYear: value("annee_derniere_catnat").map { Int($0) },
                      perils: Self.perilIndicators.compactMap { peril in value(peril.id).map { Peril(label: peril.label, count: $0) } })
        }
    }

    /// Whether the commune has any heat figure (none overseas).
    public var hasHeat: Bool { periods.contains { $0.future != nil } }
}

/// The radon potential zones of the arrêté of 27 June 2018 (IRSN), as a household reads them.
public enum RadonZone {
    /// The zones' codes.
    public static let zones = 1...3

    /// "Zone 3 : potentiel significatif".
    public static func label(_ zone: Int) -> String {
        switch zone {
        case 1: "Zone 1 : potentiel faible"
        case 2: "Zone 2 : potentiel faible, mais des failles ou d'anciennes mines peuvent faciliter son passage"
        default: "Zone 3 : potentiel significatif"
        }
    }

    /// What it means for a home and what to do.
    public static func advice(_ zone: Int) -> String {
        switch zone {
        case 1:
            "Sous-sol pauvre en uranium : le radon dans les maisons est en général faible. Aérer chaque jour reste la règle."
        case 2:
            "Le radon peut monter dans certains bâtiments : aérer chaque jour et, en cas de doute (sous-sol, vide sanitaire), le mesurer (un dosimètre posé deux mois en hiver coûte quelques dizaines d'euros)."
        default:
            "Sous-sol riche en uranium (granites, volcans) : mesurer le radon de la maison deux mois en hiver ; au-delà de 300 Bq/m³, ventiler le sous-sol ou le vide sanitaire et étancher le plancher bas. Le vendeur ou le bailleur doit en informer l'acquéreur ou le locataire."
        }
    }
}
