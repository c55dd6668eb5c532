import Foundation

/// Reads what a household types (on the command line or in a web form) into constraints. Every error says
/// what was expected, with an example; the caller names the option.
public enum MatchInput {
    /// The farthest distance a household may give (to a big city, a station, an amenity), in km.
    public static let maximumDistanceKm = 1_000.0
    /// The longest car time to Paris a household may give, in minutes (10 h).
    public static let maximumMinutesByCar = 600.0
    /// Text folded for comparisons: no accents, lower case, hyphens, underscores and apostrophes as spaces.
    public static func folded(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        let spaced = folded.map { "-_'’".contains($0) ? " " : $0 }
        return String(spaced).split(separator: " ").joined(separator: " ")
    }

    /// A big city by name (accents and case ignored) or INSEE code, among `poles`.
    public static func city(_ name: String, among poles: [CityPole]) throws -> CityPole {
        let wanted = folded(name)
        let found = poles.filter { folded($0.name) == wanted || $0.code == name.uppercased() }
        if found.count == 1 { return found[0] }
        if found.count > 1 {
            throw MatchError("plusieurs grandes villes s'appellent « \(name) » : précisez le code INSEE ("
                + found.map { "\($0.code) dans le \($0.departement)" }.joined(separator: ", ") + ")")
        }
        let close = poles.filter { editDistance(folded($0.name), wanted, atMost: 2) <= 2 }.map(\.name)
        let examples = poles.prefix(12).map(\.name).joined(separator: ", ")
        throw MatchError("« \(name) » n'est pas le pôle d'une aire d'attraction de 200 000 habitants ou plus"
            + (close.isEmpty ? " ; villes possibles (\(poles.count)) : \(examples)…" : " ; vouliez-vous dire \(close.prefix(3).joined(separator: " ou ")) ?"))
    }

    /// The number of single-character insertions, deletions or substitutions turning `a` into `b` (Levenshtein),
    /// or `atMost + 1` as soon as it is known to exceed `atMost`.
    public static func editDistance(_ a: String, _ b: String, atMost: Int) -> Int {
        let a = Array(a), b = Array(b)
        guard abs(a.count - b.count) <= atMost else { return atMost + 1 }
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + [Int](repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            if current.min()! > atMost { return atMost + 1 }
            previous = current
        }
        return min(previous[b.count], atMost + 1)
    }

    /// A limit: `90min`, `90mn`, `1h30`, `1h` (car time) or `40km` (straight line).
    public static func reachLimit(_ text: String) throws -> ReachLimit {
        let compact = text.lowercased().replacingOccurrences(of: " ", with: "")
        let example = "attendu une durée de 10 h au plus ou une distance de 1 000 km au plus, par exemple 90min, 1h30 ou 40km (reçu « \(text) »)"
        if compact.hasSuffix("km") {
            guard let km = Double(compact.dropLast(2)), (0...maximumDistanceKm).contains(km) else { throw MatchError(example) }
            return .kilometres(km)
        }
        var minutesText = compact
        for suffix in ["min", "mn"] where minutesText.hasSuffix(suffix) {
            minutesText = String(minutesText.dropLast(suffix.count))
            break
        }
        if let hour = minutesText.firstIndex(of: "h") {
            // Bounded before multiplying: "99999999999999999h" must be an error, not an overflow.
            guard let hours = Int(minutesText[..<hour]), (0...Int(maximumMinutesByCar) / 60).contains(hours) else { throw MatchError(example) }
            let rest = minutesText[minutesText.index(after: hour)...]
            guard let minutes = rest.isEmpty ? 0 : Int(rest), (0..<60).contains(minutes) else { throw MatchError(example) }
            let total = Double(hours * 60 + minutes)
            guard total > 0, total <= maximumMinutesByCar else { throw MatchError(example) }
            return .minutesByCar(total)
        }
        guard minutesText != compact, let minutes = Double(minutesText), minutes > 0, minutes <= maximumMinutesByCar else {
            throw MatchError(example)
        }
        return .minutesByCar(minutes)
    }

    /// A big city to reach: `Paris:90min`, `Lyon:1h30`, `Lyon:1 h 15`, `Lyon:60km`. Car times are OSRM's to Paris,
    /// estimated to the other cities (`CarTimes`).
    public static func reach(_ text: String, among poles: [CityPole]) throws -> MatchConstraint {
        guard let colon = text.lastIndex(of: ":") else {
            throw MatchError("attendu VILLE:durée ou VILLE:distance, par exemple Paris:90min ou Lyon:60km (reçu « \(text) »)")
        }
        let city = try city(String(text[..<colon]).trimmingCharacters(in: .whitespaces), among: poles)
        let limit = try reachLimit(String(text[text.index(after: colon)...]))
        return .reach(city: city, limit: limit)
    }

    /// A number as French people write it: `2500`, `2 500` (ordinary, no-break or narrow no-break space), `2,5` or
    /// `2.5` (decimals); a unit at the end (`€`, `€/m²`, `km`, `jours`) is ignored. Throws unless within `range`.
    public static func number(_ text: String, in range: ClosedRange<Double>) throws -> Double {
        var compact = text.filter { !$0.isWhitespace && $0 != "\u{202F}" && $0 != "\u{00A0}" }.replacingOccurrences(of: ",", with: ".")
        while let last = compact.last, !last.isASCIIDigitOrPoint { compact.removeLast() }
        guard !compact.isEmpty, compact.allSatisfy(\.isASCIIDigitOrPoint), let value = Double(compact), range.contains(value) else {
            throw MatchError("un nombre de \(FrenchFormat.number(range.lowerBound)) à \(FrenchFormat.number(range.upperBound)) est attendu, par exemple \(FrenchFormat.number(range.upperBound / 2, decimals: 0)) (reçu « \(text) »)")
        }
        return value
    }

    /// A distance in km: `10`, `10km`, `2.5`.
    public static func kilometres(_ text: String) throws -> Double {
        var compact = text.lowercased().replacingOccurrences(of: " ", with: "")
        if compact.hasSuffix("km") { compact.removeLast(2) }
        guard let km = Double(compact), (0...maximumDistanceKm).contains(km) else {
            throw MatchError("attendu une distance de 0 à 1 000 km, par exemple 10 ou 10km (reçu « \(text) »)")
        }
        return km
    }

    /// Needs: `ecole,college,lycee,creche,medecin:5km,urgences:30km,fibre`… (French names, accents optional). A need
    /// without a distance must be in the commune itself; `:Nkm` accepts the nearest one within N km (straight line).
    /// `fibre` asks for at least 80 % of the premises eligible to fibre, `fibre:N` (or `fibre:N%`) for N %.
    public static func needs(_ text: String) throws -> [MatchConstraint] {
        let names = (Amenity.allCases.map(\.rawValue) + ["fibre"]).joined(separator: ", ")
        var result: [MatchConstraint] = []
        for item in text.split(separator: ",") {
            let parts = item.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            let name = parts.first ?? ""
            if folded(name) == "fibre" {
                let percent = parts.count == 2 ? try number(parts[1].replacingOccurrences(of: "%", with: ""), in: 0...100) : defaultFibrePercent
                result.append(.minFibre(percent: percent))
                continue
            }
            guard let amenity = amenity(name) else {
                throw MatchError("besoin inconnu « \(item) » ; besoins : \(names), chacun éventuellement suivi de :Nkm (medecin:10km)")
            }
            let km = parts.count == 2 ? try kilometres(parts[1]) : 0
            result.append(.need(amenity: amenity, withinKm: km))
        }
        guard !result.isEmpty else { throw MatchError("liste de besoins vide ; besoins : \(names)") }
        return result
    }

    /// The share of premises eligible to fibre that `fibre` alone asks for (%).
    public static let defaultFibrePercent = 80.0

    /// An amenity by name, with common French spellings, accents and case ignored (`école`, `médecin`,
    /// `généraliste`, `France Services`, `maison de santé`, `médiathèque`).
    public static func amenity(_ name: String) -> Amenity? {
        let key = folded(name)
        let aliases: [String: Amenity] = [
            "gp": .gp, "medecin": .gp, "generaliste": .gp, "medecin generaliste": .gp, "docteur": .gp,
            "college": .college, "lycee": .lycee, "creche": .creche,
            "france services": .franceServices, "franceservices": .franceServices, "fs": .franceServices,
            "cinema": .cinema, "supermarche": .supermarche,
            "ecole": .ecole, "ecole primaire": .ecole, "primaire": .ecole,
            "urgences": .urgences, "urgence": .urgences,
            "maison sante": .maisonSante, "maison de sante": .maisonSante, "msp": .maisonSante,
            "gare": .gare, "gare sncf": .gare,
            "bibliotheque": .bibliotheque, "mediatheque": .bibliotheque,
            "pharmacies": .pharmacie, "dentistes": .dentiste, "chirurgien dentiste": .dentiste,
            "ecoles": .ecole, "colleges": .college, "lycees": .lycee, "creches": .creche, "medecins": .gp,
        ]
        return aliases[key] ?? Amenity(rawValue: key.replacingOccurrences(of: " ", with: "-"))
    }

    /// Types, any of: `littoral,montagne`, `touristique`, `périphérie` (a unique start of a type's name is enough).
    public static func types(_ text: String) throws -> [TownType] {
        var result: [TownType] = []
        for item in text.split(separator: ",") {
            let key = folded(String(item))
            let matches = TownType.allCases.filter { type in
                let names = [folded(type.rawValue), folded(type.label)]
                return names.contains(key) || (!key.isEmpty && names.contains { $0.hasPrefix(key) })
            }
            guard matches.count == 1 else {
                throw MatchError("type \(matches.isEmpty ? "inconnu" : "ambigu") « \(item) » ; types : \(TownType.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if !result.contains(matches[0]) { result.append(matches[0]) }
        }
        guard !result.isEmpty else { throw MatchError("liste de types vide ; types : \(TownType.allCases.map(\.rawValue).joined(separator: ", "))") }
        return result
    }

    /// Département codes: `46,12,2A,971` (`1` reads `01`).
    public static func departements(_ text: String) throws -> [String] {
        try codes(text, what: "département", example: "46,12,2A,971", pad: true) { code in
            (code.count == 2 && (code.allSatisfy(\.isNumber) || code == "2A" || code == "2B"))
                || (code.count == 3 && code.allSatisfy(\.isNumber) && code.hasPrefix("97"))
        }
    }

    /// Région codes (INSEE, two digits): `76,75`.
    public static func regions(_ text: String) throws -> [String] {
        try codes(text, what: "région", example: "76,75") { $0.count == 2 && $0.allSatisfy(\.isNumber) }
    }

    private static func codes(_ text: String, what: String, example: String, pad: Bool = false,
                              valid: (String) -> Bool) throws -> [String] {
        let codes = text.split(separator: ",").map { item in
            let code = item.trimmingCharacters(in: .whitespaces).uppercased()
            return pad && code.count == 1 && code.allSatisfy(\.isNumber) ? "0" + code : code
        }
        guard !codes.isEmpty else { throw MatchError("liste de codes de \(what) vide ; par exemple \(example)") }
        for code in codes where !valid(code) {
            throw MatchError("code de \(what) invalide « \(code) » ; attendu des codes INSEE séparés par des virgules, par exemple \(example)")
        }
        var unique: [String] = []
        for code in codes where !unique.contains(code) { unique.append(code) }
        return unique
    }
}

extension Character {
    /// 0 to 9 or a decimal point.
    fileprivate var isASCIIDigitOrPoint: Bool { self == "." || (isASCII && isWholeNumber) }
}
