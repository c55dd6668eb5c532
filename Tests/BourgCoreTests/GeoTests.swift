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
