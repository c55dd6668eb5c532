import BourgCore
import BourgData
import Foundation

/// The household page (`/trouver`): the form, and — once asked — the matching towns with reasons,
/// what each constraint excluded, and a map.
public struct FindPage: Encodable, Sendable {
    public var frame: PageFrame
    public var form: FindForm
    public var asked: Bool
    public var result: MatchResult?
    public var constraintLines: [String]
    public var rows: [FindRow]
    public var summary: String?
    public var query: String
    public var map: String
    /// The towns failing one constraint only, with what they miss (HTML; the JSON gives `result.nearMisses`).
    public var nearMisses: [NearMissRow]
    /// Links to the other pages of the answer (HTML only).
    public var pages: PageLinks?

    enum CodingKeys: String, CodingKey { case frame, form, asked, result, constraintLines, rows, summary, query }
}

/// A near miss, for display.
public struct NearMissRow: Encodable, Sendable {
    public var commune: CommuneSummary
    public var scoreText: String
    public var shortfall: String
}

/// The answer's pages: "réponses 21 à 40 sur 132", with the queries of the neighbouring pages.
public struct PageLinks: Encodable, Sendable {
    public var pageText: String
    public var previousQuery: String?
    public var nextQuery: String?
}

/// The form's fields, filled with what the household asked.
public struct FindForm: Encodable, Sendable {
    public var ratings: [WeightField]
    public var reach: String
    public var longDistanceKm: String
    public var stationInTown: Bool
    public var maxHousePrice: String
    public var maxApartmentPrice: String
    public var needs: String
    public var types: [TypeOption]
    /// The situation checkboxes; a fresh form ticks all but the banlieues of large urban units.
    public var situations: [TypeOption]
    public var pvdOnly: Bool
    public var departements: String
    public var perDepartement: String
    public var like: String
    public var keepUnknown: Bool
    public var cities: [String]
    public var maxTropicalNights: String
    public var maxHotDays: String
    /// "Indifférent", zones 1, 1–2.
    public var radonOptions: [TypeOption]
    public var noDisasterSince: String
}

/// One town of the answer, for display.
public struct FindRow: Encodable, Sendable {
    public var place: Int
    public var commune: CommuneSummary
    public var scoreText: String
    public var reasons: [String]
    public var watch: String?
    public var types: String
    public var contributions: String
    public var unknown: String?
    public var likeness: String?
}

/// Reads the household form's query string.
///
/// Dimension ratings as on the ranking page (`nature=5`…; the barometer's weights otherwise); `pres=Paris:90min`
/// or `Lyon:60km`; `gare_tgv_km`; `gare=1` (a station in the town); `prix_maison`, `prix_appartement` (€/m²);
/// `besoins=lycee,college,creche,france-services,cinema,supermarche,gp:5km`; `types` (any of); `pvd=1`;
/// `departements=46,12`; `par_departement`; `comme` (a town's name or code); `top` (1–100); `garder_inconnues=1`;
/// `situation_centre=1`… (only the situations ticked; none ticked = every situation).
public enum FindQuery {
    static let fields = ["pres", "gare_tgv_km", "gare", "prix_maison", "prix_appartement", "besoins", "types", "pvd",
                         "departements", "par_departement", "comme", "top", "garder_inconnues", "chercher",
                         "nuits_max", "jours_35_max", "radon_max", "catnat_depuis", "page"]

    /// Every parameter the page reads: the fields, the dimension ratings, `preset`, the form's type and situation checkboxes.
    static let parameterNames = fields + AttractivenessDimension.weighable.map(\.rawValue) + ["preset"] + TownType.allCases.map { "type_\($0.rawValue)" }
        + RankingQuery.situationParameters

    /// Whether the household asked for an answer: `chercher` (the form's submission), or any constraint of the form.
    /// Ratings, `preset` and the situation checkboxes alone only fill the form in (the home page's profiles).
    static func asked(_ query: [String: String]) -> Bool {
        !Set(query.keys).isDisjoint(with: Set(fields + TownType.allCases.map { "type_\($0.rawValue)" }))
    }

    static func decode(_ query: [String: String], poles: [CityPole], presets: [Weights] = WeightPresets.all,
                       resolveTown: (String) throws -> String?) throws -> HouseholdProfile {
        let ranking = try RankingQuery.decode(query.filter { AttractivenessDimension(rawValue: $0.key) != nil || $0.key == "preset" }, presets: presets)
        var constraints: [MatchConstraint] = []
        func field(_ name: String) -> String? {
            guard let value = query[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
            return value
        }
        func wrap<T>(_ name: String, _ body: () throws -> T) throws -> T {
            do { return try body() } catch let error as MatchError { throw WebError.badParameter(name, error.description) }
        }
        func number(_ name: String, _ range: ClosedRange<Double>) throws -> Double? {
            guard let text = field(name) else { return nil }
            return try wrap(name) { try MatchInput.number(text, in: range) }
        }
        func integer(_ name: String, _ range: ClosedRange<Int>) throws -> Int? {
            guard let text = field(name) else { return nil }
            guard let value = Int(text), range.contains(value) else {
                throw WebError.badParameter(name, "un nombre entier de \(range.lowerBound) à \(range.upperBound) est attendu")
            }
            return value
        }
        if let reach = field("pres") {
            constraints.append(try wrap("pres") { try MatchInput.reach(reach, among: poles) })
        }
        if let km = try number("gare_tgv_km", 0...MatchInput.maximumDistanceKm) { constraints.append(.longDistanceStation(withinKm: km)) }
        if field("gare") != nil { constraints.append(.stationInTown) }
        if let price = try number("prix_maison", 100...50_000) { constraints.append(.maxPrice(housing: .house, eurosPerM2: price)) }
        if let price = try number("prix_appartement", 100...50_000) { constraints.append(.maxPrice(housing: .apartment, eurosPerM2: price)) }
        if let nights = try number("nuits_max", 0...366) { constraints.append(.maxHeat(measure: .tropicalNights, perYear: nights)) }
        if let days = try number("jours_35_max", 0...366) { constraints.append(.maxHeat(measure: .hotDays, perYear: days)) }
        if let zone = try integer("radon_max", 1...3) { constraints.append(.maxRadonZone(zone)) }
        if let year = try integer("catnat_depuis", 1982...2025) { constraints.append(.noDisasterSince(year: year)) }
        if let needs = field("besoins") {
            constraints += try wrap("besoins") { try MatchInput.needs(needs) }
        }
        // Types come as `types=littoral,montagne` or as the form's checkboxes `type_littoral=1`.
        var types = try field("types").map { text in try wrap("types") { try MatchInput.types(text) } } ?? []
        types += TownType.allCases.filter { query["type_\($0.rawValue)"] != nil && !types.contains($0) }
        if !types.isEmpty { constraints.append(.types(anyOf: types)) }
        if field("pvd") != nil { constraints.append(.petitesVillesDeDemain) }
        if let situations = RankingQuery.situations(query) { constraints.append(.situations(anyOf: situations)) }
        if let codes = field("departements") { constraints.append(.departements(codes: try wrap("departements") { try MatchInput.departements(codes) })) }
        let perDepartement = try integer("par_departement", 1...100)
        let top = try integer("top", 1...100) ?? 20
        var like: String?
        if let town = field("comme") {
            guard town.codePointCount <= 100 else { throw WebError.badParameter("comme", "100 caractères au plus") }
            guard let code = try resolveTown(town) else {
                throw WebError.badParameter("comme", "aucune commune ne s'appelle « \(town.prefix(40)) »")
            }
            like = code
        }
        return HouseholdProfile(weights: ranking.weights, constraints: constraints, top: top, perDepartement: perDepartement,
                                likeCommune: like, keepUnknown: field("garder_inconnues") != nil)
    }
}

extension AtlasService {
    /// The household page for `query`; with `everyTown`, every matching town (the CSV export), not one page.
    public func findPage(_ query: [String: String], everyTown: Bool = false) throws -> FindPage {
        let asked = FindQuery.asked(query)
        var profile = try FindQuery.decode(query, poles: matcher.cityPoles, presets: presets) { try search($0, limit: 1).first?.code }
        let pageText = (query["page"] ?? "").trimmingCharacters(in: .whitespaces)
        let page = pageText.isEmpty ? 1 : (Int(pageText) ?? 0)
        guard (1...100).contains(page) else { throw WebError.badParameter("page", "un numéro de page de 1 à 100 est attendu") }
        let perPage = profile.top
        profile.top = everyTown ? matcher.scores.members.count : perPage * page
        var result: MatchResult?
        if asked {
            do {
                result = try matcher.match(profile)
            } catch let error as MatchError {
                throw WebError.badParameter("comme", error.description)
            }
            if !everyTown, page > 1, var shown = result {
                shown.towns = Array(shown.towns.dropFirst(perPage * (page - 1)))
                result = shown
            }
        }
        let rows = (result?.towns ?? []).map { town in
            FindRow(
                place: town.place, commune: CommuneSummary(town.commune), scoreText: FrenchFormat.number(town.matchScore, decimals: 1),
                reasons: town.reasons, watch: town.watch?.text, types: town.types.map(\.label).joined(separator: " · "),
                contributions: town.contributions.filter { ($0.contribution ?? 0) > 0.05 }.sorted { ($0.contribution ?? 0) > ($1.contribution ?? 0) }.prefix(4)
                    .map { "\($0.label) \(FrenchFormat.number($0.contribution ?? 0, decimals: 1))" }.joined(separator: " + "),
                unknown: town.unknownConstraints.isEmpty ? nil : "non vérifié faute de donnée : " + town.unknownConstraints.joined(separator: ", "),
                likeness: town.similarityDistance.map { "ressemblance : distance \(FrenchFormat.number($0, decimals: 2))" })
        }
        let ratings = profile.ratings
        let wanted = Set(profile.constraints.flatMap { constraint -> [TownType] in
            if case let .types(types) = constraint { return types }
            return []
        })
        let form = FindForm(
            ratings: AttractivenessDimension.weighable.map { WeightField(id: $0.rawValue, label: $0.label, value: Int((ratings[$0] ?? 0).rounded()), note: "") },
            reach: query["pres"] ?? "", longDistanceKm: query["gare_tgv_km"] ?? "", stationInTown: query["gare"] != nil,
            maxHousePrice: query["prix_maison"] ?? "", maxApartmentPrice: query["prix_appartement"] ?? "", needs: query["besoins"] ?? "",
            types: TownType.allCases.map { TypeOption(id: $0.rawValue, label: $0.label, selected: wanted.contains($0)) },
            situations: Situation.allCases.map { situation in
                // A fresh form proposes the household default; an answered or prefilled one shows what was asked.
                let given = RankingQuery.situations(query)
                let ticked = asked ? (given ?? Situation.allCases) : (given ?? Situation.ownCentreByDefault)
                return TypeOption(id: situation.id, label: situation.label, selected: ticked.contains(situation))
            },
            pvdOnly: query["pvd"] != nil, departements: query["departements"] ?? "", perDepartement: query["par_departement"] ?? "",
            like: query["comme"] ?? "", keepUnknown: query["garder_inconnues"] != nil, cities: matcher.cityPoles.map(\.name).sorted(),
            maxTropicalNights: query["nuits_max"] ?? "", maxHotDays: query["jours_35_max"] ?? "",
            radonOptions: [("", "indifférent"), ("1", "faible (zone 1)"), ("2", "zone 1 ou 2")].map { id, label in
                TypeOption(id: id, label: label, selected: (query["radon_max"] ?? "") == id)
            },
            noDisasterSince: query["catnat_depuis"] ?? "")
        let encoded = query.filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
        let first = perPage * (page - 1) + 1
        let summary = result.map { result in
            let remaining = FrenchFormat.number(Double(result.remaining), decimals: 0), peers = FrenchFormat.number(Double(result.peerCount), decimals: 0)
            return page == 1 ? "\(remaining) communes sur \(peers) répondent à vos critères ; voici les \(result.towns.count) qui vous correspondent le mieux."
                : "\(remaining) communes sur \(peers) répondent à vos critères ; voici les réponses \(first) à \(first + result.towns.count - 1)."
        }
        func pageQuery(_ number: Int) -> String {
            (query.filter { !$0.value.isEmpty && $0.key != "page" }.sorted { $0.key < $1.key } + (number > 1 ? [("page", String(number))] : []))
                .map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
        }
        let reachable = result.map { $0.remaining - $0.setAsideForDiversity } ?? 0
        let pages: PageLinks? = result.flatMap { result in
            guard result.remaining > perPage || page > 1 else { return nil }
            return PageLinks(pageText: "réponses \(first) à \(first + max(result.towns.count, 1) - 1) sur \(FrenchFormat.number(Double(result.remaining), decimals: 0))",
                             previousQuery: page > 1 ? pageQuery(page - 1) : nil,
                             nextQuery: perPage * page < reachable && page < 100 ? pageQuery(page + 1) : nil)
        }
        let nearMisses = (result?.nearMisses ?? []).map { miss in
            NearMissRow(commune: CommuneSummary(miss.commune), scoreText: FrenchFormat.number(miss.matchScore, decimals: 1), shortfall: miss.shortfall)
        }
        return FindPage(
            frame: frame("Où vivre ?", json: "/trouver.json" + (encoded.isEmpty ? "" : "?" + encoded)), form: form, asked: asked,
            result: result, constraintLines: (result?.constraints ?? []).map(\.summary), rows: rows, summary: summary, query: encoded,
            map: result.map { findMap($0) } ?? "", nearMisses: nearMisses, pages: pages)
    }

    /// The answer's towns on the map of France (mainland and Corsica), numbered by their place.
    func findMap(_ result: MatchResult) -> String {
        let mainland = outlines.filter { $0.departement.count == 2 }
        guard !mainland.isEmpty else { return "" }
        let frame = (mainland.map(\.minX).min()!, mainland.map(\.minY).min()!, mainland.map(\.maxX).max()!, mainland.map(\.maxY).max()!)
        let points = result.towns.compactMap { town -> Charts.MapPoint? in
            guard let position = town.commune.position, !town.commune.territory.isOverseas else { return nil }
            return Charts.MapPoint(position: position, title: "\(town.place). \(town.commune.name) — \(FrenchFormat.number(town.matchScore, decimals: 1))",
                                   score: town.matchScore, link: "/communes/\(town.commune.code)")
        }
        return Charts.map(outlines: mainland.map(\.pathCoarse), points: points, frame: frame,
                          title: "Les communes proposées sur la carte de France (métropole et Corse)", radius: 7, legend: "note de correspondance")
    }
}
