import Foundation
import Testing
@testable import BourgCore

/// Five hand-made towns with heat, radon and disaster figures: the climate constraints and their reasons.
@Suite("Matching: climate and risks")
struct ClimateMatchingTests {
    static let nan = Double.nan
    static let ids: [(String, Direction)] = [
        ("nuits_tropicales_2021_2050", .lowerIsBetter), ("jours_tx_sup35_2021_2050", .lowerIsBetter), ("potentiel_radon", .lowerIsBetter),
        ("arretes_catnat_total", .lowerIsBetter), ("annee_derniere_catnat", .neutral),
    ]
    //                       nuits jours radon total dernière
    static let table: [[Double]] = [
        /* C1 */             [2,    0.5,  1,    0,    nan],   // never a decree
        /* C2 */             [12,   3,    3,    4,    2003],
        /* C3 */             [40,   9,    2,    10,   2022],
        /* C4 (overseas) */  [nan,  nan,  1,    2,    2017],
        /* C5 */             [6,    2,    1,    nan,  nan],   // no CatNat figure
    ]
    static let matcher: Matcher = {
        let communes = (1...5).map { number in
            Commune(code: "0000\(number)", name: "C\(number)", departement: number == 4 ? "974" : "46", region: "76", population: 5_000,
                    latitude: 44 + Double(number) / 10, longitude: 1.5)
        }
        let indicators = ids.map { id, direction in
            IndicatorDefinition(id: id, label: id, unit: "", dimension: .climat, direction: direction, sources: ["test"], vintage: "2024", definition: "synthetic")
        }
        let matrix = IndicatorMatrix(communes: communes, indicators: indicators, values: table.flatMap { $0 })
        return Matcher(scores: PeerScores(matrix: matrix, group: .smallTowns))
    }()

    static func outcomes(_ constraint: MatchConstraint) -> [Matcher.Outcome] {
        (0..<5).map { matcher.outcome(of: constraint, position: $0) }
    }

    @Test func heatCapsReadThe2021To2050Figures() {
        #expect(Self.outcomes(.maxHeat(measure: .tropicalNights, perYear: 12)) == [.pass, .pass, .fail, .unknown, .pass])
        #expect(Self.outcomes(.maxHeat(measure: .hotDays, perYear: 2)) == [.pass, .fail, .fail, .unknown, .pass])
    }

    @Test func radonZoneCap() {
        #expect(Self.outcomes(.maxRadonZone(1)) == [.pass, .fail, .fail, .pass, .pass])
        #expect(Self.outcomes(.maxRadonZone(2)) == [.pass, .fail, .pass, .pass, .pass])
    }

    @Test func noDisasterSinceAYear() {
        // C1 never had a decree; C2's last was in 2003; C3's in 2022; C5 has no figure.
        #expect(Self.outcomes(.noDisasterSince(year: 2010)) == [.pass, .pass, .fail, .fail, .unknown])
        #expect(Self.outcomes(.noDisasterSince(year: 2000)) == [.pass, .fail, .fail, .fail, .unknown])
    }

    @Test func constraintsAreValidatedAndSaidInFrench() throws {
        let weights = try Weights.custom(ratings: [.climat: 5])
        #expect(throws: MatchError.self) { try Self.matcher.validate(HouseholdProfile(weights: weights, constraints: [.maxRadonZone(4)])) }
        #expect(throws: MatchError.self) { try Self.matcher.validate(HouseholdProfile(weights: weights, constraints: [.noDisasterSince(year: 1970)])) }
        #expect(MatchConstraint.maxHeat(measure: .tropicalNights, perYear: 10).label.contains("10 nuits à plus de 20 °C par an au plus"))
        let result = try Self.matcher.match(HouseholdProfile(weights: weights, constraints: [.maxHeat(measure: .tropicalNights, perYear: 12)]))
        #expect(result.towns.map(\.commune.name).sorted() == ["C1", "C2", "C5"])
        #expect(result.notes.contains { $0.contains("un seul modèle") })
    }

    @Test(arguments: [("2500", 2_500.0), ("2 500", 2_500), ("2\u{202F}500 €", 2_500), ("2500€", 2_500), ("2 500 €/m²", 2_500), ("12,5", 12.5)])
    func frenchNumbers(text: String, value: Double) throws {
        #expect(try MatchInput.number(text, in: 0...50_000) == value)
    }

    @Test(arguments: ["", "abc", "-1", "1e300", "nan", "60000", "2 500 000"])
    func badNumbers(text: String) {
        #expect(throws: MatchError.self) { try MatchInput.number(text, in: 0...50_000) }
    }
}
