import Testing
@testable import BourgCore

/// The situation rule (INSEE urban units and attraction areas 2020) and the matching constraint built on it, on
/// five hand-made towns (synthetic figures): one of each situation and one whose situation is unknown.
@Suite("Situation: a small town is not a suburb")
struct SituationTests {
    @Test(arguments: [
        ("C", 6, 11, Situation.centre),      // ville-centre of a large unit: its own centre
        ("I", 0, 30, Situation.centre),      // ville isolée
        ("B", 8, 12, Situation.banlieue),    // banlieue of Paris' unit
        ("B", 6, 12, Situation.banlieue),    // banlieue of a unit of 100,000–199,999 inhabitants
        ("B", 5, 12, Situation.periurbaine), // banlieue of a unit under 100,000
        ("H", 0, 20, Situation.periurbaine), // outside any unit, in a couronne
        ("H", 0, 30, Situation.rurale),      // outside any unit and any couronne
    ])
    func classification(_ status: String, _ sizeClass: Int, _ attraction: Int, _ expected: Situation) {
        #expect(Situation.classify(urbanStatus: status, urbanUnitSizeClass: sizeClass, attractionCategory: attraction) == expected)
    }

    @Test func unknownStatusHasNoSituationAndReasonsGiveTheFigures() {
        #expect(Situation.classify(urbanStatus: "", urbanUnitSizeClass: 0, attractionCategory: 30) == nil)
        #expect(Situation.reason(urbanStatus: "B", urbanUnitSizeClass: 8, attractionCategory: 12).contains("tranche 8 sur 8"))
        #expect(Situation.reason(urbanStatus: "H", urbanUnitSizeClass: 0, attractionCategory: 20).contains("couronne"))
    }

    @Test func listsParseAccentsAndNameTheUnknownOne() throws {
        #expect(try Situation.list("centre, Périurbaine") == [.centre, .periurbaine])
        #expect(throws: MatchError.self) { try Situation.list("centre,faubourg") }
        do { _ = try Situation.list("faubourg") } catch { #expect("\(error)".contains("faubourg")) }
        #expect(Situation.ownCentreByDefault == [.centre, .periurbaine, .rurale])
    }

    static let towns: [Commune] = (1...5).map { number in
        Commune(code: "0000\(number)", name: "S\(number)", departement: "45", region: "24", population: 3_000 * number,
                latitude: 47.9 - Double(number) * 0.1, longitude: 1.9)
    }
    /// Situation codes of S1…S5 (S5 unknown) and one scored indicator.
    static let matrix = IndicatorMatrix(
        communes: towns,
        indicators: [
            IndicatorDefinition(id: "situation", label: "situation", unit: "", dimension: .typologie, direction: .neutral,
                                kind: .category, sources: ["test"], vintage: "2020", definition: "synthetic",
                                categories: Situation.allCases.map { IndicatorCategory(code: $0.rawValue, label: $0.label) }),
            IndicatorDefinition(id: "part_locaux_fibre", label: "fibre", unit: "%", dimension: .numerique,
                                direction: .higherIsBetter, kind: .quantity, sources: ["test"], vintage: "2024", definition: "synthetic"),
        ],
        values: [1, 10, 2, 90, 3, 50, 4, 70, .nan, 80])

    @Test func matchingKeepsOnlyTheSituationsAskedAndCountsTheOthers() throws {
        let matcher = Matcher(scores: PeerScores(matrix: Self.matrix, group: .smallTowns))
        let weights = try Weights.custom(ratings: [.numerique: 5])
        let byDefault = try matcher.match(HouseholdProfile(weights: weights, constraints: [.situations(anyOf: Situation.ownCentreByDefault)]))
        // S2, the banlieue, has the best fibre: it is left out, and counted; S5 has no situation: "sans donnée".
        #expect(byDefault.towns.map(\.commune.name) == ["S4", "S3", "S1"])
        let report = try #require(byDefault.constraints.first)
        #expect(report.failed == 1 && report.unknown == 1)
        #expect(report.label == "hors banlieues des unités urbaines de 100 000 habitants ou plus")
        let everySituation = try matcher.match(HouseholdProfile(weights: weights))
        #expect(everySituation.towns.first?.commune.name == "S2")
        #expect(throws: MatchError.self) { try matcher.match(HouseholdProfile(weights: weights, constraints: [.situations(anyOf: [])])) }
    }
}
