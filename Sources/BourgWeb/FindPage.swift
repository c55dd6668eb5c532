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
    /// A rejected form (HTML only): each invalid parameter's message, shown next to its field, by parameter name.
    public var errors: [String: String] = [:]
    /// The same messages as a list at the top of the form, each with the field's label (HTML only).
    public var errorLines: [String] = []

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
    /// The `besoins` text as given (API and CLI syntax).
    public var needs: String
    /// The form's needs: a checkbox and a distance (or fibre share) choice per facility.
    public var needChoices: [NeedField]
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

/// A need of the form: its checkbox (`besoin_ecole`) and its distance select (`besoin_ecole_km`; for fibre,
/// `besoin_fibre_pct`, the share of premises).
public struct NeedField: Encodable, Sendable {
    public var id: String
    public var label: String
    public var checked: Bool
    public var choiceName: String
    public var choiceLabel: String
    public var options: [TypeOption]
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
/// `besoins=ecole,college,medecin:5km,fibre` (the API's text) or the form's checkboxes `besoin_ecole=1` with
/// `besoin_ecole_km=0` (0 = in the town) and `besoin_fibre=1` with `besoin_fibre_pct=80`; `types` (any of); `pvd=1`;
/// `departements=Lot,12,Bretagne` (codes or names; a région stands for its départements); `par_departement`;
/// `comme` (a town's name or code); `top` (1–100); `garder_inconnues=1`;
/// `situation_centre=1`… (only the situations ticked; none ticked = every situation).
public enum FindQuery {
    static let fields = ["pres", "gare_tgv_km", "gare", "prix_maison", "prix_appartement", "besoins", "types", "pvd",
                         "departements", "par_departement", "comme", "top", "garder_inconnues", "chercher",
                         "nuits_max", "jours_35_max", "radon_max", "catnat_depuis", "page"]
        + needAmenities.map(needParameter) + ["besoin_fibre"]

    /// Every parameter the page reads: the fields, the dimension ratings, `preset`, the form's type, situation and
    /// need checkboxes and the needs' distances.
    static let parameterNames = fields + AttractivenessDimension.weighable.map(\.rawValue) + ["preset"] + TownType.allCases.map { "type_\($0.rawValue)" }
        + RankingQuery.situationParameters + needAmenities.map { needParameter($0) + "_km" } + ["besoin_fibre_pct"]

    /// Each parameter's field, in the words of the form (for the list of errors at the top of a rejected form).
    static let fieldLabels: [String: String] = {
        var labels = ["pres": "Une grande ville à rejoindre", "gare_tgv_km": "Gare TGV ou Intercités", "prix_maison": "Prix des maisons",
                      "prix_appartement": "Prix des appartements", "besoins": "Indispensables", "types": "Types",
                      "departements": "Départements", "par_departement": "Communes par département", "comme": "Des communes comme",
                      "top": "Nombre de communes", "nuits_max": "Nuits chaudes", "jours_35_max": "Jours à plus de 35 °C",
                      "radon_max": "Potentiel radon", "catnat_depuis": "Catastrophes naturelles", "page": "Page",
                      "preset": "Pondération", "besoin_fibre_pct": "Fibre optique"]
        for dimension in AttractivenessDimension.weighable { labels[dimension.rawValue] = dimension.label }
        for amenity in needAmenities { labels[needParameter(amenity) + "_km"] = "Indispensables : \(amenity.label)" }
        return labels
    }()

    /// The facilities of the form's needs, in the order shown (children, health, daily life); every `Amenity`.
    static let needAmenities: [Amenity] = {
        let order: [Amenity] = [.ecole, .college, .lycee, .creche, .gp, .pharmacie, .dentiste, .maisonSante, .urgences,
                                .supermarche, .franceServices, .gare, .bibliotheque, .cinema]
        return order + Amenity.allCases.filter { !order.contains($0) }
    }()

    /// The checkbox of a need: `besoin_ecole`, `besoin_france_services`; its distance select adds `_km`.
    static func needParameter(_ amenity: Amenity) -> String { "besoin_" + amenity.rawValue.replacingOccurrences(of: "-", with: "_") }

    /// The distance a need's select proposes first (km; 0 = in the town): what a household usually accepts.
    static func defaultKm(_ amenity: Amenity) -> Double {
        switch amenity {
        case .ecole: 0
        case .gp, .pharmacie, .creche, .bibliotheque: 5
        case .college, .dentiste, .maisonSante, .supermarche, .gare: 10
        case .cinema, .franceServices: 15
        case .lycee: 20
        case .urgences: 30
        }
    }

    /// The distances a need's select offers (km).
    static let kmChoices: [Double] = [0, 2, 5, 10, 15, 20, 30, 50]
    /// The fibre shares the fibre need offers (% of premises).
    static let fibreChoices: [Double] = [50, MatchInput.defaultFibrePercent, 95]

    /// A parameter's value, trimmed; `nil` when absent or blank (a field left empty).
    static func field(_ query: [String: String], _ name: String) -> String? {
        guard let value = query[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }

    /// `body`'s result, its `MatchError` answered as a 400 naming the parameter `name`.
    static func wrap<T>(_ name: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as MatchError { throw WebError.badParameter(name, error.description) }
    }

    /// The needs of the form's checkboxes (each replaces the same need of the `besoins` text).
    static func checkedNeeds(_ query: [String: String]) throws -> [MatchConstraint] {
        func field(_ name: String) -> String? { Self.field(query, name) }
        var needs: [MatchConstraint] = []
        for amenity in needAmenities where field(needParameter(amenity)) != nil {
            let name = needParameter(amenity) + "_km"
            let km = try field(name).map { text in try wrap(name) { try MatchInput.kilometres(text) } } ?? defaultKm(amenity)
            needs.append(.need(amenity: amenity, withinKm: km))
        }
        if field("besoin_fibre") != nil {
            let percent = try field("besoin_fibre_pct").map { text in
                try wrap("besoin_fibre_pct") { try MatchInput.number(text.replacingOccurrences(of: "%", with: ""), in: 0...100) }
            } ?? MatchInput.defaultFibrePercent
            needs.append(.minFibre(percent: percent))
        }
        return needs
    }

    /// The form's need fields for `query`: ticked from the checkboxes or the `besoins` text (read leniently: the
    /// form is also shown again with a rejected value), each with its distance selected.
    static func needFields(_ query: [String: String]) -> [NeedField] {
        let given = ((try? MatchInput.needs(query["besoins"] ?? "")) ?? []) + ((try? checkedNeeds(query)) ?? [])
        func choice(_ value: Double) -> String { value == value.rounded() ? String(Int(value)) : String(value) }
        func options(_ values: [Double], selected: Double, label: (Double) -> String) -> [TypeOption] {
            (values.contains(selected) ? values : (values + [selected]).sorted()).map {
                TypeOption(id: choice($0), label: label($0), selected: $0 == selected)
            }
        }
        var fields = needAmenities.map { amenity -> NeedField in
            let asked = given.lazy.compactMap { constraint -> Double? in
                if case let .need(wanted, km) = constraint, wanted == amenity { return km }
                return nil
            }.last
            return NeedField(id: needParameter(amenity), label: amenity.label, checked: asked != nil, choiceName: needParameter(amenity) + "_km",
                             choiceLabel: "distance pour : \(amenity.label)",
                             options: options(kmChoices, selected: asked ?? defaultKm(amenity)) {
                                 $0 == 0 ? "dans la commune" : "à \(FrenchFormat.number($0, decimals: $0 == $0.rounded() ? 0 : 1)) km au plus"
                             })
        }
        let fibre = given.lazy.compactMap { constraint -> Double? in
            if case let .minFibre(percent) = constraint { return percent }
            return nil
        }.last
        fields.append(NeedField(id: "besoin_fibre", label: "fibre optique", checked: fibre != nil, choiceName: "besoin_fibre_pct",
                                choiceLabel: "part des locaux éligibles à la fibre",
                                options: options(fibreChoices, selected: fibre ?? MatchInput.defaultFibrePercent) {
                                    "\(FrenchFormat.number($0, decimals: 0)) % des locaux au moins"
                                }))
        return fields
    }

    /// Whether the household asked for an answer: `chercher` (the form's submission), or any constraint of the form.
    /// Ratings, `preset` and the situation checkboxes alone only fill the form in (the home page's profiles).
    static func asked(_ query: [String: String]) -> Bool {
        !Set(query.keys).isDisjoint(with: Set(fields + TownType.allCases.map { "type_\($0.rawValue)" }))
    }

    static func decode(_ query: [String: String], poles: [CityPole], places: PlaceNames, presets: [Weights] = WeightPresets.all,
                       resolveTown: (String) throws -> String?) throws -> HouseholdProfile {
        let ranking = try RankingQuery.decode(query.filter { AttractivenessDimension(rawValue: $0.key) != nil || $0.key == "preset" }, presets: presets)
        var constraints: [MatchConstraint] = []
        func field(_ name: String) -> String? { Self.field(query, name) }
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
        for need in try checkedNeeds(query) {
            constraints.removeAll { given in
                switch (given, need) {
                case let (.need(old, _), .need(new, _)): old == new
                case (.minFibre, .minFibre): true
                default: false
                }
            }
            constraints.append(need)
        }
        // Types come as `types=littoral,montagne` or as the form's checkboxes `type_littoral=1`.
        var types = try field("types").map { text in try wrap("types") { try MatchInput.types(text) } } ?? []
        types += TownType.allCases.filter { query["type_\($0.rawValue)"] != nil && !types.contains($0) }
        if !types.isEmpty { constraints.append(.types(anyOf: types)) }
        if field("pvd") != nil { constraints.append(.petitesVillesDeDemain) }
        if let situations = RankingQuery.situations(query) { constraints.append(.situations(anyOf: situations)) }
        if let names = field("departements") { constraints.append(.departements(codes: try wrap("departements") { try places.departementCodes(names) })) }
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
        var profile = try FindQuery.decode(query, poles: matcher.cityPoles, places: matcher.places, presets: presets) { try search($0, limit: 1).first?.code }
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
        let form = findForm(query, ratings: profile.ratings, asked: asked)
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

    /// The household page showing the form again as `query` filled it, with `rejected`'s messages next to their
    /// fields and no answer: what an HTML request with a bad value gets (status 400), so that nothing typed is lost.
    public func findPage(_ query: [String: String], rejected: WebError) -> FindPage {
        let ratingQuery = query.filter { AttractivenessDimension(rawValue: $0.key) != nil || $0.key == "preset" }
        let ratings = (try? RankingQuery.decode(ratingQuery, presets: presets)).map { HouseholdProfile(weights: $0.weights).ratings }
            ?? Dictionary(uniqueKeysWithValues: AttractivenessDimension.weighable.map { dimension in
                (dimension, Double(min(5, max(0, Int(query[dimension.rawValue] ?? "") ?? 0))))
            })
        let labels = FindQuery.fieldLabels
        let errors = Dictionary(rejected.invalidParams.map { ($0.name, $0.reason) }, uniquingKeysWith: { first, _ in first })
        return FindPage(
            frame: frame("Où vivre ? — à corriger", json: "/trouver.json"), form: findForm(query, ratings: ratings, asked: false), asked: false,
            result: nil, constraintLines: [], rows: [], summary: nil, query: "", map: "", nearMisses: [], pages: nil,
            errors: errors, errorLines: rejected.invalidParams.map { "\(labels[$0.name] ?? $0.name) : \($0.reason)" })
    }

    /// The form's fields as `query` filled them (every text kept as typed).
    func findForm(_ query: [String: String], ratings: [AttractivenessDimension: Double], asked: Bool) -> FindForm {
        let wanted = Set(((try? MatchInput.types(query["types"] ?? "")) ?? []) + TownType.allCases.filter { !(query["type_\($0.rawValue)"] ?? "").isEmpty })
        return FindForm(
            ratings: AttractivenessDimension.weighable.map { WeightField(id: $0.rawValue, label: $0.label, value: Int((ratings[$0] ?? 0).rounded()), note: "") },
            reach: query["pres"] ?? "", longDistanceKm: query["gare_tgv_km"] ?? "", stationInTown: query["gare"] != nil,
            maxHousePrice: query["prix_maison"] ?? "", maxApartmentPrice: query["prix_appartement"] ?? "", needs: query["besoins"] ?? "",
            needChoices: FindQuery.needFields(query),
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
