import Foundation
import Testing
@testable import BourgCore

/// Near misses (the towns failing exactly one constraint, with by how much) and the needs in French words.
@Suite("Matching: near misses and needs")
struct NearMissTests {
    typealias Towns = MatchingTowns

    @Test func nearMissesAreExactlyTheTownsFailingOneConstraintByLittle() throws {
        let constraints: [MatchConstraint] = [.maxPrice(housing: .house, eurosPerM2: 2_000), .need(amenity: .college, withinKm: 3)]
        let result = try Towns.matcher.match(Towns.profile(constraints, top: 10))
        var expected: Set<String> = []
        for position in Towns.scores.members.indices {
            let outcomes = constraints.map { Towns.matcher.outcome(of: $0, position: position) }
            guard outcomes.filter({ $0 == .fail }).count == 1, !outcomes.contains(.unknown),
                  let failing = outcomes.firstIndex(of: .fail) else { continue }
            if Towns.matcher.gap(constraints[failing], position: position) <= Matcher.nearMissTolerance {
                expected.insert(Towns.scores.matrix.communes[Towns.scores.members[position]].name)
            }
        }
        #expect(Set(result.nearMisses.map(\.commune.name)) == expected)
        #expect(!expected.isEmpty)
        let gaps = result.nearMisses.map { miss in
            let position = Towns.scores.position(ofCommune: miss.commune.code)!
            return constraints.map { Towns.matcher.outcome(of: $0, position: position) == .fail ? Towns.matcher.gap($0, position: position) : 0 }.max()!
        }
        #expect(gaps == gaps.sorted(), "the smallest gap first")
        // T4: houses at 2 600 €/m² instead of 2 000.
        let t4 = try #require(result.nearMisses.first { $0.commune.name == "T4" })
        #expect(t4.shortfall == "maisons à \(MatchFormat.whole(2_600)) €/m² au lieu de \(MatchFormat.whole(2_000))")
    }

    @Test(arguments: [("ecole", Amenity.ecole), ("école", .ecole), ("Médecin", .gp), ("gp", .gp), ("urgences", .urgences),
                      ("maison de santé", .maisonSante), ("médiathèque", .bibliotheque), ("gare", .gare), ("France Services", .franceServices)])
    func needsInFrenchWords(name: String, amenity: Amenity) {
        #expect(MatchInput.amenity(name) == amenity)
    }

    @Test func needsListWithDistancesAndFibre() throws {
        let needs = try MatchInput.needs("école, collège, médecin:5km, urgences:30 km, fibre")
        #expect(needs == [.need(amenity: .ecole, withinKm: 0), .need(amenity: .college, withinKm: 0), .need(amenity: .gp, withinKm: 5),
                          .need(amenity: .urgences, withinKm: 30), .minFibre(percent: MatchInput.defaultFibrePercent)])
        #expect(try MatchInput.needs("fibre:95%") == [.minFibre(percent: 95)])
        #expect(throws: MatchError.self) { try MatchInput.needs("piscine") }
        #expect(throws: MatchError.self) { try MatchInput.needs("fibre:120") }
    }
}
