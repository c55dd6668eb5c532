import BourgCore
import BourgData
import Foundation
import Hummingbird

/// Reads and writes the query strings of the ranking page (and its twins and exports).
///
/// `preset=barometre|equal|revelee` chooses a preset (`revelee` when the atlas stores it); any dimension parameter (`nature=5`, `sante=4`, 0 to 5) makes a
/// custom weighting instead. `agregation=arithmetic|geometric`, `departement`, `region`, `type`, `limite`.
public enum RankingQuery {
    /// Longest accepted query string, in characters.
    static let maximumQueryLength = 2_000

    /// The parameters the ranking page reads; any other is refused (a misspelt dimension would be silently ignored).
    static let parameterNames = AttractivenessDimension.weighable.map(\.rawValue) + ["preset", "agregation", "departement", "region", "type", "limite"]
        + situationParameters + unweighable.map(\.rawValue)

    /// Dimensions that exist but have no scored indicator: a rating for one is read to say so, not to weigh it.
    static let unweighable = AttractivenessDimension.allCases.filter { !AttractivenessDimension.weighable.contains($0) }

    /// What to say when `query` rates a dimension that cannot be weighed (an old link's `dynamique=5`), or `nil`.
    static func weightNotice(_ query: [String: String]) -> String? {
        let asked = unweighable.filter { !(query[$0.rawValue] ?? "").isEmpty }
        guard !asked.isEmpty else { return nil }
        return asked.map { "« \($0.label) »" }.joined(separator: ", ")
            + " n'a pas d'indicateur noté (ses chiffres décrivent la commune ou sont les résultats que la validation cherche à prédire) : elle ne se pondère pas, et la note donnée est ignorée."
    }

    /// The situation checkboxes, `situation_centre=1`…: when any is given, only the towns of the situations ticked;
    /// when none is, every situation but the banlieues of large urban units (`Situation.ownCentreByDefault`).
    static let situationParameters = Situation.allCases.map { "situation_\($0.id)" }

    /// The situations ticked in `query`, or `nil` when none is (every situation).
    static func situations(_ query: [String: String]) -> [Situation]? {
        let ticked = Situation.allCases.filter { !(query["situation_\($0.id)"] ?? "").isEmpty }
        return ticked.isEmpty ? nil : ticked
    }

    /// The request of `query`; `presets` are the weightings `preset` may name (the atlas's: `AtlasRepository.presets`).
    public static func decode(_ query: [String: String], presets: [Weights] = WeightPresets.all) throws -> RankingRequest {
        var request = RankingRequest()
        var ratings: [AttractivenessDimension: Double] = [:]
        for dimension in AttractivenessDimension.weighable {
            guard let text = query[dimension.rawValue], !text.isEmpty else { continue }
            guard let rating = Int(text), (0...5).contains(rating) else {
                throw WebError.badParameter(dimension.rawValue, "une note entière de 0 à 5 est attendue (reçu « \(text.prefix(20)) »)")
            }
            ratings[dimension] = Double(rating)
        }
        if !ratings.isEmpty {
            do {
                request.weights = try Weights.custom(ratings: ratings)
            } catch let error as ScoringError {
                throw WebError.badParameter("notes", error.description)
            }
        } else if let preset = query["preset"], !preset.isEmpty {
            guard let weights = presets.first(where: { $0.id == preset }) else {
                throw WebError.badParameter("preset", "\(presets.map(\.id).joined(separator: ", ")) attendu (reçu « \(preset.prefix(20)) »)")
            }
            request.weights = weights
        }
        if let aggregation = query["agregation"], !aggregation.isEmpty {
            guard let value = Aggregation(rawValue: aggregation) else {
                throw WebError.badParameter("agregation", "arithmetic ou geometric attendu")
            }
            request.aggregation = value
        }
        if let departement = query["departement"], !departement.isEmpty {
            let code = departement.uppercased()
            let characters = Array(code)
            guard (2...3).contains(characters.count), characters[0].isASCIIDigit, characters[1].isASCIIDigit || characters[1] == "A" || characters[1] == "B",
                  characters.count == 2 || characters[2].isASCIIDigit else {
                throw WebError.badParameter("departement", "un code de département est attendu (01 à 976, 2A, 2B)")
            }
            request.departement = code
        }
        if let region = query["region"], !region.isEmpty {
            guard region.count == 2, region.allSatisfy(\.isASCIIDigit) else {
                throw WebError.badParameter("region", "un code de région INSEE à deux chiffres est attendu (ex. 76)")
            }
            request.region = region
        }
        if let type = query["type"], !type.isEmpty {
            guard let value = TownType(rawValue: type) else {
                throw WebError.badParameter("type", "un type parmi \(TownType.allCases.map(\.rawValue).joined(separator: ", ")) est attendu")
            }
            request.type = value
        }
        request.situations = situations(query) ?? Situation.ownCentreByDefault
        if let limit = query["limite"], !limit.isEmpty {
            guard let value = Int(limit), (1...5_000).contains(value) else {
                throw WebError.badParameter("limite", "un nombre de 1 à 5000 est attendu")
            }
            request.limit = value
        }
        return request
    }

    /// The query string that asks for `request` (empty for the defaults).
    public static func encode(_ request: RankingRequest) -> String {
        var items: [String] = []
        if request.weights.id == "custom" {
            items += request.weights.entries.map { "\($0.dimension.rawValue)=\(Int($0.value))" }
        } else if request.weights.id != WeightPresets.barometre.id {
            items.append("preset=\(request.weights.id)")
        }
        if request.aggregation != .arithmetic { items.append("agregation=\(request.aggregation.rawValue)") }
        if let departement = request.departement { items.append("departement=\(departement)") }
        if let region = request.region { items.append("region=\(region)") }
        if let type = request.type { items.append("type=\(type.rawValue)") }
        if request.situations != Situation.ownCentreByDefault { items += request.situations.map { "situation_\($0.id)=1" } }
        if request.limit != RankingRequest().limit { items.append("limite=\(request.limit)") }
        return items.joined(separator: "&")
    }
}

extension Request {
    /// The query parameters in `known`; refuses overlong query strings (414), and with a 400 naming it a known
    /// parameter given twice (which value would count?). Any other parameter (a tracking tag such as `utm_source`
    /// or `fbclid` added by whoever shared the link) is ignored. An empty value stands for a field left blank.
    func queryParameters(known: [String]) throws -> [String: String] {
        if (uri.query?.utf8.count ?? 0) > RankingQuery.maximumQueryLength {
            throw WebError(status: .uriTooLong, title: "Requête trop longue", detail: "La chaîne de requête dépasse \(RankingQuery.maximumQueryLength) caractères.")
        }
        let known = Set(known)
        var result: [String: String] = [:]
        for (name, value) in Self.formParameters(uri.query ?? "") where known.contains(name) {
            guard result.updateValue(value, forKey: name) == nil else {
                throw WebError.badParameter(String(name.prefix(40)), "paramètre donné plusieurs fois")
            }
        }
        return result
    }
}

extension Request {
    /// The name–value pairs of a query string as a browser's form sends them (`application/x-www-form-urlencoded`):
    /// `+` is a space, `%2B` a plus sign; a pair whose percent-encoding is invalid is kept undecoded.
    static func formParameters(_ query: String) -> [(String, String)] {
        query.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decoded(_ text: Substring) -> String {
                let spaced = text.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            return (decoded(parts[0]), parts.count == 2 ? decoded(parts[1]) : "")
        }
    }
}

extension Character {
    /// 0 to 9 (not other scripts' digits, which `isNumber` accepts).
    var isASCIIDigit: Bool { isASCII && isWholeNumber }
}

extension String {
    /// Length as JSON Schema's `maxLength` counts it (Unicode code points), for limits the OpenAPI document states.
    var codePointCount: Int { unicodeScalars.count }
}
