import BourgCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import BourgData
@testable import BourgWeb

/// `/validation/trajets.csv` and the car-time section of `/methode`, on the fixture atlas with a cross-validation
/// stored into a copy of it (the fixture has too few OSRM times for the build to run one).
@Suite("Car-time validation (/validation/trajets.csv)")
struct CarTimeRouteTests {
    /// A cross-validation on a 12 × 12 grid of square communes in ten départements, times from the reference model.
    static let validation: CarTimeValidation = {
        let size = 12, step = 0.05
        var nodes: [CarTimeNode] = [], pairs: [(Int, Int)] = []
        for row in 0..<size {
            for column in 0..<size {
                let index = row * size + column
                nodes.append(CarTimeNode(position: GeoPoint(latitude: 45 + Double(row) * step, longitude: 2 + Double(column) * step),
                                         density: 1 + Double(index % 5) * 0.4))
                if column + 1 < size { pairs.append((index, index + 1)) }
                if row + 1 < size { pairs.append((index, index + size)) }
            }
        }
        let graph = CarTimeGraph(nodes: nodes, neighbours: pairs, withoutBoundary: [], unlinked: nodes.map { _ in false },
                                 hubs: [CarTimeHub(node: 0, size: 0.2), CarTimeHub(node: size * size - 1, size: 0.4), CarTimeHub(node: size - 1, size: -0.3)])
        let destination = size * size - 1
        let observed = StoredCarTimes.reference.minutes(to: destination, in: graph).enumerated().map { $1 * (1 + 0.03 * sin(Double($0))) }
        return CarTimeValidation.run(
            graph: graph, destination: destination, codes: nodes.indices.map { String(format: "%05d", 10_000 + $0) },
            departements: nodes.indices.map { String(format: "%02d", 1 + ($0 / size) * 10 / size) }, observed: observed,
            mountain: nodes.indices.map { $0 % 4 == 0 }, excluded: nodes.map { _ in false }, baselinePositions: nodes.map(\.position))
    }()

    static let service: AtlasService = {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("bourg-web-cartimes-\(ProcessInfo.processInfo.processIdentifier).sqlite").path
        try? FileManager.default.removeItem(atPath: copy)
        try! FileManager.default.copyItem(atPath: WebFixture.atlasPath, toPath: copy)
        try! StoredCarTimes.store(validation, intoAtlasAt: copy)
        return try! AtlasService(atlasPath: copy, uncertainty: RankUncertainty(draws: 50))
    }()

    static func application(_ service: AtlasService) async throws -> some ApplicationProtocol {
        Application(router: buildRouter(repository: service, renderer: try await PageRenderer.load(), files: try StaticFiles.load()))
    }

    @Test func heldOutTableAsCSV() async throws {
        let trips = Self.validation.trips
        #expect(!trips.isEmpty)
        try await Self.application(Self.service).test(.router) { client in
            try await client.execute(uri: "/validation/trajets.csv?utm_source=newsletter", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
                let lines = response.text.split(separator: "\n").map(String.init)
                #expect(lines.first == "code,osrm_minutes,estimated_minutes")
                #expect(lines.count == trips.count + 1)
                #expect(lines[1] == "\(trips[0].code),\(String(format: "%.1f", trips[0].observedMinutes)),\(String(format: "%.1f", trips[0].estimatedMinutes))")
            }
        }
    }

    @Test func methodPageShowsTheTableBesideTheBaseline() async throws {
        let line = try #require(Self.validation.lines.first { !$0.mountainOnly && $0.trips > 0 })
        try await Self.application(Self.service).test(.router) { client in
            try await client.execute(uri: "/methode", method: .get) { response in
                #expect(response.status == .ok)
                let html = response.text
                for text in ["Temps de trajet en voiture vers les grandes villes", "Référence vol d'oiseau", "/validation/trajets.csv",
                             "communes de montagne", FrenchFormat.number(line.median, decimals: 1) + " %", "Limite"] {
                    #expect(html.contains(text), "\(text)")
                }
            }
            try await client.execute(uri: "/methode.json", method: .get) { response in
                let json = try response.json()
                let section = try #require(json["carTimes"] as? [String: Any])
                #expect((section["lines"] as? [Any])?.count == 4)
            }
        }
    }

    @Test func anAtlasWithoutValidationAnswers404() async throws {
        try await WebFixture.application().test(.router) { client in
            try await client.execute(uri: "/validation/trajets.csv", method: .get) { response in
                #expect(response.status == (WebFixture.service.carTimeSection() == nil ? .notFound : .ok))
            }
            try await client.execute(uri: "/methode", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("Temps de trajet en voiture vers les grandes villes"))
            }
        }
    }
}
