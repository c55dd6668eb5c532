import Foundation
import Testing
@testable import BourgCore

/// "Within an hour of Lyon by car": the matcher reads the estimated times (`CarTimes`) for a pole other than Paris.
@Suite("Reach a big city by car (estimates)")
struct CarTimeMatchingTests {
    typealias Towns = MatchingTowns

    /// The hand-made towns' matcher with estimated minutes to Lyon: T8 35 min, T1 75 min, T2 none; T10 is overseas.
    static let matcher: Matcher = {
        var matcher = Towns.matcher
        var minutes = [Float](repeating: .nan, count: Towns.scores.members.count)
        let known: [String: Float] = ["T8": 35.4, "T1": 75, "T3": 59.9, "T4": 61, "T5": 200, "T6": 210, "T7": 220, "T9": 230]
        for position in Towns.scores.members.indices {
            let name = Towns.scores.matrix.communes[Towns.scores.members[position]].name
            if let value = known[name] { minutes[position] = value }
        }
        matcher.useCarTimes(CarTimes(minutes: ["69123": minutes], typicalErrorPercent: 5.83))
        return matcher
    }()

    static func outcomes(_ constraint: MatchConstraint) -> (pass: [String], fail: [String], unknown: [String]) {
        var result: (pass: [String], fail: [String], unknown: [String]) = ([], [], [])
        for position in Towns.scores.members.indices {
            let name = Towns.scores.matrix.communes[Towns.scores.members[position]].name
            switch matcher.outcome(of: constraint, position: position) {
            case .pass: result.pass.append(name)
            case .fail: result.fail.append(name)
            case .unknown: result.unknown.append(name)
            }
        }
        return result
    }

    @Test func lyonWithinAnHourByCar() throws {
        let constraint = try MatchInput.reach("Lyon:1h", among: Self.matcher.cityPoles)
        guard case let .reach(lyon, .minutesByCar(60)) = constraint else { Issue.record("not a car time: \(constraint)"); return }
        #expect(lyon.code == "69123" && lyon.carTimeErrorPercent == 5.83)
        #expect(Self.matcher.cityPoles.first { $0.isParis }?.carTimeErrorPercent == nil)
        let outcomes = Self.outcomes(constraint)
        #expect(outcomes.pass == ["T3", "T8"])
        #expect(outcomes.fail == ["T1", "T4", "T5", "T6", "T7", "T9", "T10"])
        #expect(outcomes.unknown == ["T2"])
        #expect(constraint.label == "Lyon à 1 h au plus en voiture (estimation ± 6 %)")
        let result = try Self.matcher.match(Towns.profile([constraint]))
        #expect(Set(result.towns.map(\.commune.name)) == ["T3", "T8"])
        let t8 = try #require(result.towns.first { $0.commune.name == "T8" })
        #expect(t8.facts.contains { $0.text == "Lyon à ≈ 35 min en voiture (estimation ± 6 %)" && $0.indicator == "temps_voiture_69123_min" })
        #expect(result.notes.contains { $0.contains("Temps vers les autres grandes villes : estimés") && $0.contains("6 %") })
    }

    @Test func everyDurationFormReadsTheSame() throws {
        let poles = Self.matcher.cityPoles
        for (text, minutes) in [("Lyon:1h", 60.0), ("Lyon:75min", 75), ("Lyon:1h30", 90), ("Lyon:1 h 15", 75)] {
            guard case let .reach(city, .minutesByCar(read)) = try MatchInput.reach(text, among: poles) else {
                Issue.record("\(text) is not a car time")
                continue
            }
            #expect(city.code == "69123" && read == minutes, "\(text)")
        }
        // Reach by distance stays.
        #expect(try MatchInput.reach("Lyon:60km", among: poles) == .reach(city: poles.first { $0.code == "69123" }!, limit: .kilometres(60)))
    }

    @Test func withoutEstimatesNothingIsKnown() throws {
        let constraint = try MatchInput.reach("Lyon:1h", among: Towns.matcher.cityPoles)
        var unknown = 0
        for position in Towns.scores.members.indices where Towns.matcher.outcome(of: constraint, position: position) == .unknown { unknown += 1 }
        // Every mainland town is unknown without estimates; T10 (Guadeloupe) fails.
        #expect(unknown == 9)
        #expect(constraint.label == "Lyon à 1 h au plus en voiture (estimation)")
    }

    @Test func estimateNote() {
        #expect(CarTimes.estimateNote(errorPercent: 5.83) == "estimation ± 6 %")
        #expect(CarTimes.estimateNote(errorPercent: 4.4) == "estimation ± 4 %")
        #expect(CarTimes.estimateNote(errorPercent: nil) == "estimation")
    }
}
