/// The départements and régions of a set of communes by code and name, so that a household can write
/// "Lot, Aveyron", "côtes d'armor" or "Bretagne" where a list of département codes is expected.
public struct PlaceNames: Sendable, Equatable {
    /// Département code → name.
    public var departements: [String: String]
    /// Région code → name.
    public var regions: [String: String]
    /// Région code → its département codes, sorted.
    public var departementsOfRegion: [String: [String]]

    public init(communes: [Commune]) {
        var departements: [String: String] = [:], regions: [String: String] = [:], members: [String: Set<String>] = [:]
        for commune in communes {
            if let name = commune.departementName { departements[commune.departement] = name }
            if let region = commune.region {
                if let name = commune.regionName { regions[region] = name }
                members[region, default: []].insert(commune.departement)
            }
        }
        self.departements = departements
        self.regions = regions
        departementsOfRegion = members.mapValues { $0.sorted() }
    }

    /// Département codes from `text`: codes (`46,12,2A,971`; `1` reads `01`), département names or région names (a
    /// région stands for all its départements), separated by commas; case, accents, hyphens and apostrophes ignored.
    public func departementCodes(_ text: String) throws -> [String] {
        var codes: [String] = []
        for item in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !item.isEmpty {
            let key = MatchInput.folded(item)
            if let code = departements.first(where: { MatchInput.folded($0.value) == key })?.key {
                codes.append(code)
            } else if let region = regions.first(where: { MatchInput.folded($0.value) == key })?.key {
                codes += departementsOfRegion[region] ?? []
            } else if item.first?.isNumber == true || item.count <= 3 {
                codes += try MatchInput.departements(item)
            } else {
                let close = departements.values.filter { MatchInput.folded($0).hasPrefix(String(key.prefix(3))) }.sorted().prefix(5)
                throw MatchError("département ou région inconnu « \(item.prefix(40)) »" + (close.isEmpty ? "" : " ; vouliez-vous dire \(close.joined(separator: ", ")) ?")
                    + " (un nom, comme Lot ou Bretagne, ou un code, comme 46)")
            }
        }
        guard !codes.isEmpty else { throw MatchError("liste de départements vide ; par exemple Lot, Aveyron ou 46,12") }
        var unique: [String] = []
        for code in codes where !unique.contains(code) { unique.append(code) }
        return unique
    }
}
