/// A dimension of attractiveness, as the 2021 barometer of small towns (Ipsos for APVF, ANCT and
/// Banque des Territoires) names the assets, barriers and dynamics of small towns.
public enum AttractivenessDimension: String, CaseIterable, Codable, Sendable, Comparable {
    case nature
    case vieSociale = "vie_sociale"
    case mobilite
    case sante
    case servicesPublics = "services_publics"
    case culture
    case commerce
    case emploi
    case securite
    case climat
    case logement
    case tourisme
    case metropole
    case numerique
    case typologie
    case dynamique

    /// The French label shown to users.
    public var label: String {
        switch self {
        case .nature: "Nature et paysages"
        case .vieSociale: "Vie sociale"
        case .mobilite: "Mobilité"
        case .sante: "Santé"
        case .servicesPublics: "Services publics"
        case .culture: "Culture"
        case .commerce: "Commerces"
        case .emploi: "Emploi et revenus"
        case .securite: "Sécurité"
        case .climat: "Climat et risques"
        case .logement: "Logement"
        case .tourisme: "Tourisme"
        case .metropole: "Métropole"
        case .numerique: "Numérique et télétravail"
        case .typologie: "Typologies"
        case .dynamique: "Dynamique"
        }
    }

    /// Position in displays: the order of `allCases`.
    public var order: Int { AttractivenessDimension.allCases.firstIndex(of: self)! }

    public static func < (lhs: AttractivenessDimension, rhs: AttractivenessDimension) -> Bool { lhs.order < rhs.order }
}

extension AttractivenessDimension {
    /// The dimensions that can be weighed in a composite: those with scored indicators. Typologies describe a town,
    /// they do not rate it; the dynamics' figures (growth, arrivals) are the outcomes the validation predicts, shown
    /// as context, never scored.
    public static let weighable: [AttractivenessDimension] = allCases.filter { $0 != .typologie && $0 != .dynamique }
}
