import BourgCore
import Foundation
import Hummingbird

/// The pages of the web app and their JSON twins (and CSV/GeoJSON exports of rankings).
public struct PagesController<Repository: AtlasRepository, Context: RequestContext>: Sendable {
    let repository: Repository
    let renderer: PageRenderer
    let cache: ResponseCache

    public init(repository: Repository, renderer: PageRenderer, cache: ResponseCache = ResponseCache()) {
        self.repository = repository
        self.renderer = renderer
        self.cache = cache
    }

    public func addRoutes(to router: Router<Context>, survey: SurveyService = SurveyService()) {
        let sources = repository.sourcesPage().frame
        addSurveyRoutes(to: router, survey: survey) { title, json in
            PageFrame(title: title, jsonPath: json, sourceIds: sources.sourceIds, sourcesHTML: sources.sourcesHTML, atlasBuiltAt: sources.atlasBuiltAt)
        }
        router.get("/") { request, _ in try page(request) { try repository.homePage() } html: { try renderer.render($0, template: "home") } }
        router.get("/index.json") { request, _ in try json(request) { try repository.homePage() } }
        addMapRoutes(to: router)
        addSummaryRoutes(to: router)
        router.get("/communes/:code") { request, context in
            let parameter = try context.parameters.require("code")
            let isJSON = parameter.hasSuffix(".json")
            let code = String(parameter.dropLast(isJSON ? 5 : 0)).uppercased()
            guard Self.isINSEECode(code) else {
                throw WebError.badParameter("code", "un code INSEE de 5 caractères est attendu (ex. 46102, 2A004)")
            }
            let load = { () throws -> TownPage in
                guard let page = try repository.townPage(code: code) else { throw WebError.unknownCommune(code) }
                return page
            }
            return isJSON ? try json(request, load) : try page(request, load) { try renderer.render($0, template: "commune") }
        }
        router.get("/recherche") { request, _ in
            let query = try request.queryParameters(known: ["q"])["q"] ?? ""
            let results = try search(query)
            if results.results.count == 1, let only = results.results.first {
                return Response(status: .seeOther, headers: [.location: only.path])
            }
            return Responses.html(try renderer.render(results, template: "search"))
        }
        router.get("/recherche.json") { request, _ in Responses.json(try search(try request.queryParameters(known: ["q"])["q"] ?? "")) }
        router.get("/classement") { request, _ in
            let query = try request.queryParameters(known: RankingQuery.parameterNames)
            let ranking = try RankingQuery.decode(query, presets: repository.presets)
            return try page(request) { try repository.rankingPage(ranking, weightNotice: RankingQuery.weightNotice(query)) } html: { try renderer.render($0, template: "ranking") }
        }
        router.get("/classement.json") { request, _ in
            let query = try request.queryParameters(known: RankingQuery.parameterNames)
            let ranking = try RankingQuery.decode(query, presets: repository.presets)
            return try json(request) { try repository.rankingPage(ranking, weightNotice: RankingQuery.weightNotice(query)) }
        }
        router.get("/classement.csv") { request, _ in
            let ranking = try RankingQuery.decode(try request.queryParameters(known: RankingQuery.parameterNames), presets: repository.presets)
            return Responses.text(Exports.csv(try repository.rankingPage(ranking, weightNotice: nil)), contentType: "text/csv; charset=utf-8", filename: "classement.csv")
        }
        router.get("/classement.geojson") { request, _ in
            let ranking = try RankingQuery.decode(try request.queryParameters(known: RankingQuery.parameterNames), presets: repository.presets)
            return Responses.json(Exports.geoJSON(try repository.rankingPage(ranking, weightNotice: nil)), contentType: "application/geo+json")
        }
        router.get("/comparer") { request, _ in
            let codes = try compareCodes(request)
            return try page(request) { try repository.comparePage(codes: codes) } html: { try renderer.render($0, template: "compare") }
        }
        router.get("/comparer.json") { request, _ in
            let codes = try compareCodes(request)
            return try json(request) { try repository.comparePage(codes: codes) }
        }
        router.get("/trouver") { request, _ in
            let query = try request.queryParameters(known: FindQuery.parameterNames)
            do {
                return try page(request) { try repository.findPage(query, everyTown: false) } html: { page in
                    // The template reads the rows made for it, not the full result (the JSON's): not prepared for Mustache.
                    var page = page
                    page.result = nil
                    return try renderer.render(page, template: "find")
                }
            } catch let error as WebError where !error.invalidParams.isEmpty {
                // The form again, as typed, with the message next to its field.
                return Responses.html(try renderer.render(repository.findPage(query, rejected: error), template: "find"), status: .badRequest)
            }
        }
        router.get("/trouver.json") { request, _ in
            let query = try request.queryParameters(known: FindQuery.parameterNames)
            return try json(request) { try repository.findPage(query.merging(["chercher": "1"]) { old, _ in old }, everyTown: false) }
        }
        router.get("/trouver.csv") { request, _ in
            // The CSV gives every matching town, not one page.
            let page = try repository.findPage(try request.queryParameters(known: FindQuery.parameterNames).merging(["chercher": "1"]) { old, _ in old }, everyTown: true)
            return Responses.text(Exports.csv(page), contentType: "text/csv; charset=utf-8", filename: "ou-vivre.csv")
        }
        router.get("/trouver.geojson") { request, _ in
            let page = try repository.findPage(try request.queryParameters(known: FindQuery.parameterNames).merging(["chercher": "1"]) { old, _ in old }, everyTown: false)
            return Responses.json(Exports.geoJSON(page), contentType: "application/geo+json")
        }
        router.get("/methode") { request, _ in try page(request) { repository.methodPage() } html: { try renderer.render($0, template: "method") } }
        router.get("/methode.json") { request, _ in try json(request) { repository.methodPage() } }
        router.get("/validation") { request, _ in
            _ = try request.queryParameters(known: [])
            return try page(request) { try repository.validationPage() } html: { try renderer.render($0, template: "validation") }
        }
        router.get("/validation.json") { request, _ in
            _ = try request.queryParameters(known: [])
            return try json(request) { try repository.validationPage() }
        }
        router.get("/validation.csv") { request, _ in
            _ = try request.queryParameters(known: [])
            return Responses.text(try repository.validationCSV(), contentType: "text/csv; charset=utf-8", filename: "validation-communes.csv")
        }
        router.get("/validation/trajets.csv") { request, _ in
            _ = try request.queryParameters(known: [])
            return Responses.text(try repository.carTimesCSV(), contentType: "text/csv; charset=utf-8", filename: "validation-trajets.csv")
        }
        router.get("/indicateurs.json") { request, _ in try json(request) { repository.cataloguePage() } }
        router.get("/sources") { request, _ in try page(request) { repository.sourcesPage() } html: { try renderer.render($0, template: "sources") } }
        router.get("/sources.json") { request, _ in try json(request) { repository.sourcesPage() } }
    }

    /// An HTML page, kept in memory (plain and gzipped) and tagged (ETag) by atlas version, URL and encoding.
    func page<Page>(_ request: Request, _ load: () throws -> Page, html: (Page) throws -> String) throws -> Response {
        try Responses.cached(request, version: repository.version, cache: cache, contentType: "text/html; charset=utf-8") {
            ByteBuffer(string: try html(try load()))
        }
    }

    /// A JSON twin, kept and tagged the same way.
    func json<Page: Encodable>(_ request: Request, _ load: () throws -> Page) throws -> Response {
        try Responses.cached(request, version: repository.version, cache: cache, contentType: "application/json") {
            ByteBuffer(bytes: try Responses.encoder.encode(try load()))
        }
    }

    func search(_ query: String) throws -> SearchPage {
        let trimmed = query.trimmingCharacters(in: .whitespaces)
        guard query.codePointCount <= 100 else { throw WebError.badParameter("q", "100 caractères au plus") }
        let results = trimmed.isEmpty ? [] : try repository.search(trimmed, limit: 20)
        return SearchPage(frame: PageFrame(title: "Recherche « \(trimmed) »", jsonPath: "/recherche.json?q=\(trimmed.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? "")", atlasBuiltAt: ""),
                          query: trimmed, results: results, isEmpty: results.isEmpty && !trimmed.isEmpty)
    }

    /// Whether `code` has the shape of an INSEE code (upper case): five characters, digits but for Corsica's 2A/2B.
    static func isINSEECode(_ code: String) -> Bool { CompareQuery.isINSEECode(code) }

    /// The towns to compare (none to four, `CompareQuery`): INSEE codes, or names resolved to their best match.
    func compareCodes(_ request: Request) throws -> [String] {
        try CompareQuery.codes(try request.queryParameters(known: CompareQuery.parameterNames)) { try repository.search($0, limit: 1).first?.code }
    }
}

/// The search results page and its twin.
public struct SearchPage: Encodable, Sendable {
    public var frame: PageFrame
    public var query: String
    public var results: [CommuneSummary]
    public var isEmpty: Bool
}

/// CSV and GeoJSON exports of a ranking.
enum Exports {
    static func csv(_ page: RankingPage) -> String {
        var lines = [(["rang", "code", "commune", "departement", "population", "note", "rang_p5", "rang_p95"] + page.rows.first.map { $0.dimensions.map(\.id) }.orEmpty)
            .joined(separator: ",")]
        for row in page.rows {
            let fields: [String] = [
                String(row.rank), row.commune.code, "\"" + row.commune.name.replacingOccurrences(of: "\"", with: "\"\"") + "\"",
                row.commune.departement, row.commune.population.map(String.init) ?? "", String(format: "%.2f", row.composite),
                row.rankInterval.map { String(Int($0.low)) } ?? "", row.rankInterval.map { String(Int($0.high)) } ?? "",
            ] + row.dimensions.map { $0.score.map { String(format: "%.1f", $0) } ?? "" }
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A FeatureCollection of points (town halls) with rank, score and name.
    static func geoJSON(_ page: RankingPage) -> GeoJSONCollection {
        GeoJSONCollection(features: page.rows.compactMap { row in
            guard let latitude = row.commune.latitude, let longitude = row.commune.longitude else { return nil }
            return GeoJSONFeature(geometry: .init(coordinates: [longitude, latitude]),
                                  properties: .init(code: row.commune.code, name: row.commune.name, rank: row.rank, score: row.composite))
        })
    }
}

extension Exports {
    static func csv(_ page: FindPage) -> String {
        var lines = ["place,code,commune,departement,population,note_correspondance,raisons,a_surveiller"]
        for town in page.result?.towns ?? [] {
            func quoted(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
            lines.append([String(town.place), town.commune.code, quoted(town.commune.name), town.commune.departement,
                          town.commune.population.map(String.init) ?? "", String(format: "%.2f", town.matchScore),
                          quoted(town.reasons.joined(separator: " ")), quoted(town.watch?.text ?? "")].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func geoJSON(_ page: FindPage) -> GeoJSONCollection {
        GeoJSONCollection(features: (page.result?.towns ?? []).compactMap { town in
            guard let latitude = town.commune.latitude, let longitude = town.commune.longitude else { return nil }
            return GeoJSONFeature(geometry: .init(coordinates: [longitude, latitude]),
                                  properties: .init(code: town.commune.code, name: town.commune.name, rank: town.place, score: town.matchScore))
        })
    }
}

/// A GeoJSON FeatureCollection of points.
struct GeoJSONCollection: Encodable {
    var type = "FeatureCollection"
    var features: [GeoJSONFeature]
}

/// A GeoJSON point feature of a ranked town.
struct GeoJSONFeature: Encodable {
    struct Point: Encodable {
        var type = "Point"
        var coordinates: [Double]
    }
    struct Properties: Encodable {
        var code: String
        var name: String
        var rank: Int
        var score: Double
    }
    var type = "Feature"
    var geometry: Point
    var properties: Properties
}

extension Optional where Wrapped == [String] {
    var orEmpty: [String] { self ?? [] }
}
