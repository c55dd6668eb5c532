import BourgCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import BourgData
@testable import BourgWeb

/// `/communes/{code}/synthese` and its JSON twin. The fixture atlas has four small towns: too few for any comparison
/// group (`Diagnostician.minimumGroup`), so its summaries have no strength, weakness or lever. The summary's full
/// content is checked on the fixture draft plus 48 invented (synthetic, not official data) twins of Figeac (same size, form and situation, every
/// figure spread around Figeac's: better than Figeac on housing, nature, social life and culture, worse elsewhere),
/// written as an atlas by the real build (scores, stored peers, the newcomer model); the fixture atlas itself checks
/// the empty branches and the errors.
@Suite("Council summary (/communes/{code}/synthese)")
struct SyntheseRouteTests {
    /// Dimensions where every twin does better than Figeac: Figeac's weaknesses, and its levers.
    static let weakDimensions: Set<AttractivenessDimension> = [.logement, .nature, .vieSociale, .culture]
    static let twins = 48

    static let service: AtlasService = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bourg-web-synthese-\(ProcessInfo.processInfo.processIdentifier)")
        let path = folder.appendingPathComponent("atlas.sqlite").path
        if !FileManager.default.fileExists(atPath: path) {
            try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try! AtlasDatabase.write(twinDraft(), to: path, buildInfo: ["built_at": "2026-01-15T10:00:00Z", "communes": "?"])
        }
        return try! AtlasService(atlasPath: path, uncertainty: RankUncertainty(draws: 50))
    }()

    /// The fixture draft with `twins` synthetic copies of Figeac (invented, not official data; codes 46901…, "Témoin 1"…).
    static func twinDraft() throws -> AtlasDraft {
        let fixture = try AtlasBuilder(dataDirectory: WebFixture.dataDirectory).makeDraft()
        let figeac = fixture.communeIndex("46102")!
        let clones = (1...twins).map { index -> Commune in
            var commune = fixture.communes[figeac]
            commune.code = String(46900 + index)
            commune.name = "Témoin \(index)"
            return commune
        }
        var draft = AtlasDraft(communes: fixture.communes + clones)
        draft.declare(fixture.catalogue)
        draft.boundaries = fixture.boundaries
        draft.outlines = fixture.outlines
        draft.stations = fixture.stations
        draft.provenance = fixture.provenance
        draft.codeHistory = fixture.codeHistory
        draft.bassinDeVie = fixture.bassinDeVie + Array(repeating: fixture.bassinDeVie[figeac], count: twins)
        for definition in fixture.catalogue {
            for index in fixture.communes.indices { draft.replace(definition.id, index, fixture.value(definition.id, index)) }
            guard let value = fixture.value(definition.id, figeac) else { continue }
            for twin in 1...twins {
                let spread = Double(twin) / Double(twins) // (0, 1]
                let shifted: Double
                switch (definition.kind, definition.direction) {
                case (.category, _), (.flag, _): shifted = value
                case (_, .neutral): shifted = value * (0.7 + 0.6 * spread) + (spread - 0.5) // outcomes and context vary
                default:
                    let better = weakDimensions.contains(definition.dimension)
                    let higher = (definition.direction == .higherIsBetter) == better
                    let factor = higher ? 1.1 + spread : 0.9 - 0.6 * spread
                    shifted = value == 0 ? (higher ? spread : 0) : value * factor
                }
                draft.replace(definition.id, fixture.communes.count + twin - 1, shifted)
            }
        }
        return draft
    }

    static func application(_ service: AtlasService) async throws -> some ApplicationProtocol {
        Application(router: buildRouter(repository: service, renderer: try await PageRenderer.load(), files: try StaticFiles.load()))
    }

    @Test func summaryOfASmallTownHasEverySection() async throws {
        try await Self.application(Self.service).test(.router) { client in
            var levers: [[String: Any]] = []
            try await client.execute(uri: "/communes/46102/synthese.json", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json")
                let page = try response.json()
                #expect((page["frame"] as? [String: Any])?["jsonPath"] as? String == "/communes/46102/synthese.json")
                let summary = try #require(page["summary"] as? [String: Any])
                #expect(summary["code"] as? String == "46102")
                #expect(summary["name"] as? String == "Figeac")
                #expect(summary["composite"] as? Double != nil)
                let rank = try #require(summary["rank"] as? Int), low = try #require(summary["rankLow"] as? Int)
                let high = try #require(summary["rankHigh"] as? Int), count = try #require(summary["rankedCount"] as? Int)
                #expect(count == 4 + Self.twins)
                #expect(1 <= low && low <= high && high <= count && (1...count).contains(rank))
                #expect(summary["bandRank"] as? Int != nil)
                let strengths = summary["strengths"] as? [String] ?? [], weaknesses = summary["weaknesses"] as? [String] ?? []
                #expect(strengths.count == 3 && weaknesses.count == 3)
                levers = summary["levers"] as? [[String: Any]] ?? []
                #expect(levers.count == 3)
                for lever in levers {
                    let indicator = try #require(lever["indicator"] as? String)
                    let definition = try #require(AtlasBuilder.catalogue.first { $0.id == indicator })
                    #expect(Self.weakDimensions.contains(definition.dimension), "\(indicator) is one of Figeac's weak figures")
                    #expect(LeverCatalogue.action(for: definition).isLever, "\(indicator) is actionable")
                    for key in ["label", "valueText", "targetText", "group", "action", "actors", "gainText"] {
                        #expect((lever[key] as? String)?.isEmpty == false, "\(indicator): \(key)")
                    }
                    #expect((lever["valueText"] as? String) != (lever["targetText"] as? String), "\(indicator): the target moves the figure")
                    #expect((lever["gainText"] as? String)?.contains("rang") == true, "gains in ranks, in words")
                }
                #expect((summary["similar"] as? [Any])?.count == 5)
                #expect((summary["sources"] as? [String])?.contains("Toutes les sources de la fiche : /sources") == true)
                #expect(summary["date"] as? String == "2026-01-15T10:00:00Z")
            }
            try await client.execute(uri: "/communes/46102/synthese", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let html = response.text
                #expect(!html.contains("{{"), "no unrendered template tag")
                for text in ["<h1>Figeac : synthèse pour le conseil municipal</h1>", "Note globale", "quand pondérations et agrégation varient",
                             "Forces", "Faiblesses", "Les trois premiers leviers", "Qui agit", "Gain : ", "Cinq communes semblables",
                             "Sources", "Atlas Bourg construit le 15 janvier 2026.", "9\u{202F}770 habitants (2021)", "— note ",
                             "href=\"/communes/46102/synthese.json\"", "href=\"/communes/46102\""] {
                    #expect(html.contains(text), "\(text)")
                }
                let items = html.components(separatedBy: "<ol class=\"levers\">").dropFirst().first?.components(separatedBy: "</ol>").first ?? ""
                #expect(items.components(separatedBy: "<li>").count - 1 == 3, "three levers")
                for lever in levers {
                    for key in ["targetText", "actors"] {
                        let text = try #require(lever[key] as? String)
                        #expect(html.contains(Self.escaped(text)), "\(key): \(text)")
                    }
                }
                #expect(html.components(separatedBy: "href=\"/communes/469").count - 1 >= 5, "five similar towns, linked")
            }
        }
    }

    /// The arrivals sentence: the newcomer model fitted at build time on the 52 small towns knows Figeac.
    @Test func arrivalsSentenceIsOnThePage() async throws {
        try await Self.application(Self.service).test(.router) { client in
            var arrivals: String?
            try await client.execute(uri: "/communes/46102/synthese.json", method: .get) { response in
                arrivals = try (response.json()["summary"] as? [String: Any])?["arrivals"] as? String
            }
            let sentence = try #require(arrivals)
            #expect(sentence.contains("Solde observé") && sentence.contains("prédit pour son profil"))
            try await client.execute(uri: "/communes/46102/synthese", method: .get) { response in
                #expect(response.text.contains("<h2 id=\"s-arrivals\">Arrivées</h2>"))
                #expect(response.text.contains(Self.escaped(sentence)))
                #expect(response.text.contains("une association, pas une cause"))
            }
        }
    }

    /// On the fixture atlas (four small towns, no comparison group) the summary still answers, and says so.
    @Test func fixtureTownWithoutComparisonGroupsSaysSo() async throws {
        try await WebFixture.application().test(.router) { client in
            try await client.execute(uri: "/communes/46102/synthese", method: .get) { response in
                #expect(response.status == .ok)
                let html = response.text
                for text in ["Figeac : synthèse pour le conseil municipal", "Note globale", "Aucune nette.",
                             "Aucune faiblesse nette sur un indicateur que la commune peut faire bouger.", "Cinq communes semblables", "Sources"] {
                    #expect(html.contains(Self.escaped(text)), "\(text)")
                }
            }
            try await client.execute(uri: "/communes/46102/synthese.json", method: .get) { response in
                #expect(response.status == .ok)
                let summary = try #require(try response.json()["summary"] as? [String: Any])
                #expect((summary["levers"] as? [Any])?.isEmpty == true)
                #expect(summary["rankedCount"] as? Int == 4)
            }
            try await client.execute(uri: "/communes/46102", method: .get) { response in
                #expect(response.text.contains("href=\"/communes/46102/synthese\""), "the town page links to its summary")
            }
        }
    }

    @Test(arguments: ["/communes/99999/synthese", "/communes/99999/synthese.json", "/communes/75056/synthese", "/communes/75056/synthese.json",
                      "/communes/2A004/synthese.json"])
    func unknownOrNotASmallTownIs404(path: String) async throws {
        try await WebFixture.application().test(.router) { client in
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .notFound)
                if path.hasSuffix(".json") {
                    #expect(response.headers[.contentType] == "application/problem+json")
                    let problem = try response.json()
                    #expect(problem["status"] as? Int == 404)
                    let detail = try #require(problem["detail"] as? String)
                    #expect(detail.contains(path.contains("99999") ? "99999" : "2 500 à 25 000"), "\(detail)")
                } else {
                    #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                    #expect(response.text.contains(path.contains("99999") ? "Commune inconnue" : "Pas de synthèse"))
                }
            }
        }
    }

    @Test(arguments: ["/communes/abc/synthese", "/communes/abc/synthese.json", "/communes/461020/synthese.json", "/communes/4610/synthese.json",
                      "/communes/46%2010/synthese.json"])
    func malformedCodeIs400NamingTheField(path: String) async throws {
        try await WebFixture.application().test(.router) { client in
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .badRequest)
                if path.hasSuffix(".json") {
                    let problem = try response.json()
                    let invalid = try #require(problem["invalid-params"] as? [[String: Any]])
                    #expect(invalid.first?["name"] as? String == "code")
                }
            }
        }
    }

    /// Text as the templates escape it (apostrophes, quotes, ampersands).
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
    }
}
