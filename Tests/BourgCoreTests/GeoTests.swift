import Testing
@testable import BourgCore

@Suite("Geography")
struct GeoTests {
    let paris = GeoPoint(latitude: 48.8566, longitude: 2.3522)
    let lyon = GeoPoint(latitude: 45.7640, longitude: 4.8357)

    @Test func haversineDistanceParisLyon() {
        // Great-circle distance Paris–Lyon is about 392 km.
        #expect(abs(paris.distanceKm(to: lyon) - 391.5) < 2)
        #expect(paris.distanceKm(to: paris) == 0)
        #expect(abs(paris.distanceKm(to: lyon) - lyon.distanceKm(to: paris)) < 1e-9)
    }

    @Test func nearestPointMatchesBruteForce() {
        // A deterministic scatter of points over mainland France.
        var points: [GeoPoint] = []
        var state: UInt64 = 42
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        for _ in 0..<500 { points.append(GeoPoint(latitude: 42 + next() * 9, longitude: -4.5 + next() * 12.5)) }
        let index = NearestPointIndex(points: points)
        for _ in 0..<200 {
            let query = GeoPoint(latitude: 41 + next() * 11, longitude: -5.5 + next() * 15)
            let expected = points.map { query.distanceKm(to: $0) }.min()!
            let found = try! #require(index.nearest(to: query))
            #expect(abs(found.distanceKm - expected) < 1e-9)
        }
    }

    @Test func nearestPointFarAwayAndEmpty() {
        let index = NearestPointIndex(points: [lyon])
        let found = index.nearest(to: GeoPoint(latitude: 43.3, longitude: 5.4))
        #expect(found?.index == 0)
        #expect(NearestPointIndex(points: []).nearest(to: paris) == nil)
    }

    @Test func sphericalAreaOfASquareDegreeNearTheEquator() {
        // One degree square at the equator ≈ 111.2 km × 111.2 km.
        let ring = [GeoPoint(latitude: 0, longitude: 0), GeoPoint(latitude: 0, longitude: 1),
                    GeoPoint(latitude: 1, longitude: 1), GeoPoint(latitude: 1, longitude: 0)]
        #expect(abs(Boundary.ringAreaKm2(ring) - 12_364) < 30)
        // A hole is subtracted.
        let hole = [GeoPoint(latitude: 0.25, longitude: 0.25), GeoPoint(latitude: 0.25, longitude: 0.75),
                    GeoPoint(latitude: 0.75, longitude: 0.75), GeoPoint(latitude: 0.75, longitude: 0.25)]
        let withHole = Boundary(polygons: [[ring, hole]])
        #expect(abs(withHole.areaKm2 - 12_364 * 0.75) < 30)
    }

    @Test func territoriesKeepDistancesOnOneLandMass() {
        #expect(Territory(departement: "2A") == .corsica)
        #expect(Territory(departement: "974") == .overseas("974"))
        #expect(Territory(departement: "01") == .mainland)
        #expect(Territory(departement: "971").isOverseas)
    }
}

@Suite("Boundaries: inside, distance, interior point")
struct BoundaryTests {
    /// A square of about 11 × 8 km with a square hole, and a concave "U" whose centroid lies outside it.
    static let square = Boundary(polygons: [[
        [GeoPoint(latitude: 44.0, longitude: 2.0), GeoPoint(latitude: 44.0, longitude: 2.1), GeoPoint(latitude: 44.1, longitude: 2.1), GeoPoint(latitude: 44.1, longitude: 2.0)],
        [GeoPoint(latitude: 44.04, longitude: 2.04), GeoPoint(latitude: 44.04, longitude: 2.06), GeoPoint(latitude: 44.06, longitude: 2.06), GeoPoint(latitude: 44.06, longitude: 2.04)],
    ]])
    static let u = Boundary(polygons: [[[
        GeoPoint(latitude: 44.0, longitude: 2.0), GeoPoint(latitude: 44.0, longitude: 2.3), GeoPoint(latitude: 44.3, longitude: 2.3),
        GeoPoint(latitude: 44.3, longitude: 2.2), GeoPoint(latitude: 44.05, longitude: 2.2), GeoPoint(latitude: 44.05, longitude: 2.1),
        GeoPoint(latitude: 44.3, longitude: 2.1), GeoPoint(latitude: 44.3, longitude: 2.0),
    ]]])

    @Test func containsHonoursHoles() {
        #expect(Self.square.contains(GeoPoint(latitude: 44.02, longitude: 2.02)))
        #expect(!Self.square.contains(GeoPoint(latitude: 44.05, longitude: 2.05)), "inside the hole")
        #expect(!Self.square.contains(GeoPoint(latitude: 44.2, longitude: 2.05)))
    }

    @Test func distanceToTheOutline() {
        #expect(Self.square.distanceKm(to: GeoPoint(latitude: 44.02, longitude: 2.02)) == 0)
        // 0.1° of latitude north of the square: about 11.1 km.
        #expect(abs(Self.square.distanceKm(to: GeoPoint(latitude: 44.2, longitude: 2.05)) - 11.12) < 0.05)
        // A swapped position (longitude = latitude) is thousands of km away.
        #expect(Self.square.distanceKm(to: GeoPoint(latitude: 44.0, longitude: 44.0)) > 3_000)
    }

    @Test func interiorPointLiesInside() throws {
        let centroid = try #require(Boundary.centroid(Self.u.polygons[0][0]))
        #expect(!Self.u.contains(centroid), "the U's centroid is in its notch")
        let point = try #require(Self.u.interiorPoint)
        #expect(Self.u.contains(point))
        let squarePoint = try #require(Self.square.interiorPoint)
        #expect(Self.square.contains(squarePoint))
    }

    @Test func territoryBoundsHoldTheirTownHalls() throws {
        let figeac = GeoPoint(latitude: 44.608, longitude: 2.031)
        #expect(try #require(Territory.mainland.bounds).contains(figeac))
        #expect(!(try #require(Territory.overseas("971").bounds)).contains(GeoPoint(latitude: 16.27, longitude: 61.26)), "a lost minus sign")
        #expect(try #require(Territory.overseas("971").bounds).contains(GeoPoint(latitude: 16.27, longitude: -61.26)))
        #expect(try #require(Territory.mainland.bounds).diagonalKm > 1_000)
        #expect(try #require(Territory.overseas("971").bounds).diagonalKm < 150)
    }
}

@Suite("Indicator vintages")
struct VintageTests {
    @Test(arguments: [("2021", 2021...2021), ("2016–2024", 2016...2024), ("APL 2023, densités 2024", 2023...2024), ("COG 2025 (AAV 2020, BV 2022)", 2020...2025)])
    func yearsOfAVintage(_ vintage: String, _ years: ClosedRange<Int>) {
        let definition = IndicatorDefinition(id: "x", label: "x", unit: "", dimension: .sante, direction: .neutral, sources: [], vintage: vintage, definition: "")
        #expect(definition.vintageYears == years)
    }

    @Test func noYear() {
        let definition = IndicatorDefinition(id: "x", label: "x", unit: "", dimension: .sante, direction: .neutral, sources: [], vintage: "—", definition: "")
        #expect(definition.vintageYears == nil)
    }
}
