/// Where a commune stands in the urban fabric, as the public means "petite ville": a town with its own centre
/// is not the banlieue of a large agglomeration. From INSEE's urban units 2020 (status of the commune in its unit,
/// size class of the unit) and attraction areas 2020, rules applied in this order:
///
/// 1. **centre**: ville-centre or ville isolée of its urban unit (`COMUU2020` C or I): it has its own centre;
/// 2. **banlieue**: banlieue (`COMUU2020` B) of an urban unit of 100,000 inhabitants or more, Paris included (`TUU2017` ≥ 6);
/// 3. **périurbaine**: banlieue of a smaller urban unit, or outside any urban unit in the couronne of an attraction area
///    (`CATEAAV2020` 20);
/// 4. **rurale**: outside any urban unit and outside the couronnes.
public enum Situation: Int, CaseIterable, Codable, Sendable {
    case centre = 1
    case banlieue = 2
    case periurbaine = 3
    case rurale = 4

    /// The smallest urban-unit size class (`TUU2017`) whose banlieues are "banlieue": 6 = 100,000 to 199,999 inhabitants.
    public static let largeUrbanUnitSizeClass = 6

    /// The identifier used in URLs and on the command line.
    public var id: String {
        switch self {
        case .centre: "centre"
        case .banlieue: "banlieue"
        case .periurbaine: "periurbaine"
        case .rurale: "rurale"
        }
    }

    /// The situation in a few words, for a table row: "centre", "banlieue d'une grande ville", "périurbaine", "rurale".
    public var shortLabel: String {
        switch self {
        case .centre: "centre"
        case .banlieue: "banlieue d'une grande ville"
        case .periurbaine: "périurbaine"
        case .rurale: "rurale"
        }
    }

    /// The French label.
    public var label: String {
        switch self {
        case .centre: "Ville-centre ou ville isolée (son propre centre)"
        case .banlieue: "Banlieue d'une unité urbaine de 100 000 habitants ou plus"
        case .periurbaine: "Périurbaine"
        case .rurale: "Rurale"
        }
    }

    /// The situation of a commune from its status in its urban unit (`C`, `B`, `I` or `H` for outside any),
    /// the unit's size class (0–8) and its attraction-area category (11, 12, 13, 20 or 30).
    public static func classify(urbanStatus: String, urbanUnitSizeClass: Int, attractionCategory: Int) -> Situation? {
        switch urbanStatus {
        case "C", "I": return .centre
        case "B": return urbanUnitSizeClass >= largeUrbanUnitSizeClass ? .banlieue : .periurbaine
        case "H": return attractionCategory == 20 ? .periurbaine : .rurale
        default: return nil
        }
    }

    /// The rule met, with the figures, in French: what a town page shows beside the situation.
    public static func reason(urbanStatus: String, urbanUnitSizeClass: Int, attractionCategory: Int) -> String {
        switch urbanStatus {
        case "C": return "ville-centre de son unité urbaine (INSEE 2020)"
        case "I": return "ville isolée : unité urbaine d'une seule commune (INSEE 2020)"
        case "B":
            return urbanUnitSizeClass >= largeUrbanUnitSizeClass
                ? "banlieue d'une unité urbaine de 100 000 habitants ou plus (tranche \(urbanUnitSizeClass) sur 8, 8 = Paris)"
                : "banlieue d'une unité urbaine de moins de 100 000 habitants (tranche \(urbanUnitSizeClass) sur 8)"
        default:
            return attractionCategory == 20 ? "hors unité urbaine, dans la couronne d'une aire d'attraction" : "hors unité urbaine et hors couronne d'aire d'attraction"
        }
    }

    /// Situations from a comma-separated list of ids (`centre,periurbaine`), or an error naming the unknown one.
    public static func list(_ text: String) throws -> [Situation] {
        try text.split(separator: ",").map { item in
            let id = MatchInput.folded(String(item)).replacingOccurrences(of: " ", with: "")
            guard let situation = allCases.first(where: { $0.id == id }) else {
                throw MatchError("situation inconnue « \(item) » : attendu \(allCases.map(\.id).joined(separator: ", "))")
            }
            return situation
        }
    }

    /// The situations a household profile looks at by default: every one but the banlieues of large urban units.
    public static let ownCentreByDefault: [Situation] = [.centre, .periurbaine, .rurale]
}
