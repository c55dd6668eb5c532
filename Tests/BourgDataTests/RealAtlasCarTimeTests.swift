import BourgCore
import Foundation
import Testing
@testable import BourgData

/// The car times the build estimated on the real data, and their cross-validation against the OSRM times to Paris.
@Suite("Real atlas: car times (../shared/data)", .enabled(if: RealAtlas.isAvailable, "BOURG_TEST_ATLAS is not set or missing: run scripts/test with ../shared/data present"))
struct RealAtlasCarTimeTests {
    @Test func heldOutErrorsBeatTheBaseline() throws {
        let validation = try #require(try RealAtlas.open().carTimeValidation(trips: true))
        let short = try #require(validation.lines.first { !$0.mountainOnly && $0.range == "15–120 min" })
        let long = try #require(validation.lines.first { !$0.mountainOnly && $0.range == "120–300 min" })
        let mountain = try #require(validation.lines.first { $0.mountainOnly && $0.range == "120–300 min" })
        #expect(short.trips > 4_000 && long.trips > 15_000 && mountain.trips > 1_500)
        #expect(short.median <= 6, "held-out median on 15–120 min: \(short.median) %")
        #expect(short.p90 < short.baselineP90 - 1, "p90 \(short.p90) % vs baseline \(short.baselineP90) %")
        #expect(long.p90 < long.baselineP90 && mountain.p90 < mountain.baselineP90)
        // The folds are 5 disjoint blocks of départements, Corsica's trips never reported.
        #expect(validation.folds.count == 5)
        #expect(Set(validation.folds.flatMap { $0 }).count == validation.folds.map(\.count).reduce(0, +))
        #expect(!validation.trips.contains { $0.code.hasPrefix("2A") || $0.code.hasPrefix("2B") })
        let foldOf = Dictionary(uniqueKeysWithValues: validation.folds.enumerated().flatMap { fold, codes in codes.map { ($0, fold) } })
        let atlas = try RealAtlas.open()
        for trip in validation.trips.prefix(2_000) {
            let departement = try #require(try atlas.commune(code: trip.code)?.departement)
            #expect(foldOf[departement] == trip.fold)
        }
        #expect(validation.typicalErrorPercent.map { abs($0 - short.median) < 1e-9 } == true)
    }

    @Test func everyMainlandSmallTownHasAnEstimateToLyon() throws {
        let atlas = try LoadedAtlas(path: RealAtlas.path!)
        let scores = try atlas.scores(.smallTowns)
        let matcher = try atlas.matcher(scores)
        let lyon = try #require(matcher.cityPoles.first { $0.code == "69123" })
        #expect(lyon.carTimeErrorPercent != nil)
        var mainland = 0, estimated = 0
        for position in scores.members.indices {
            let commune = scores.matrix.communes[scores.members[position]]
            guard commune.territory == .mainland else { continue }
            mainland += 1
            if matcher.estimatedCarMinutes(to: lyon, position: position) != nil { estimated += 1 }
        }
        #expect(Double(estimated) >= Double(mainland) * 0.999, "\(estimated) of \(mainland)")
        // Within an hour of Lyon: every answer's stored estimate is at most 60 minutes.
        let constraint = try MatchInput.reach("Lyon:1h", among: matcher.cityPoles)
        let result = try matcher.match(HouseholdProfile(weights: WeightPresets.barometre, constraints: [constraint], top: 50))
        #expect(result.towns.count >= 10)
        for town in result.towns {
            let position = try #require(scores.position(ofCommune: town.commune.code))
            let minutes = try #require(matcher.estimatedCarMinutes(to: lyon, position: position))
            #expect(minutes <= 60, "\(town.commune.name)")
            #expect(town.facts.contains { $0.text.contains("en voiture (estimation ± ") })
        }
    }
}
