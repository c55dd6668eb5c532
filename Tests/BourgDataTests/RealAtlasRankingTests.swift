import BourgCore
import Foundation
import Testing
@testable import BourgData

/// Rankings a journalist can believe, on the real atlas: ranks after filters, no dimension without figures, no
/// double-counted pair, crime per present population in resorts, and the types of towns a local knows.
@Suite("Real atlas: rankings", .enabled(if: RealAtlas.isAvailable, "BOURG_TEST_ATLAS is not set or missing: run scripts/test with ../shared/data present"))
struct RealAtlasRankingTests {
    static let scores: PeerScores = {
        let atlas = try! LoadedAtlas(path: RealAtlas.path!)
        return try! atlas.scores(.smallTowns)
    }()

    @Test func noTwoScoredIndicatorsOfADimensionMeasureTheSameThing() {
        let scores = Self.scores, matrix = scores.matrix
        var pairs: [String] = []
        for (i, a) in scores.scoredIndicators.enumerated() {
            for b in scores.scoredIndicators[(i + 1)...] where matrix.indicators[a].dimension == matrix.indicators[b].dimension {
                let x = scores.members.map { matrix.value(commune: $0, indicator: a) ?? .nan }
                let y = scores.members.map { matrix.value(commune: $0, indicator: b) ?? .nan }
                if let rho = RankCorrelation.spearman(x, y), abs(rho) > 0.98 {
                    pairs.append("\(matrix.indicators[a].id) ~ \(matrix.indicators[b].id): \(rho)")
                }
            }
        }
        #expect(pairs.isEmpty, "\(pairs)")
    }

    @Test func everyWeighableDimensionHasScoredIndicators() {
        let scores = Self.scores
        for (dimension, count) in zip(scores.dimensions, scores.indicatorsPerDimension) {
            #expect(count > 0, "\(dimension.rawValue) is weighable without any scored indicator")
        }
        #expect(!scores.dimensions.contains(.dynamique))
    }

    @Test func ranksAre1ToNAfterEveryFilterWithIntervalsAmongTheTownsKept() {
        let scores = Self.scores
        let situation = scores.matrix.indicator("situation")!
        let kept = Set(Situation.ownCentreByDefault.map { Double($0.rawValue) })
        for weights in [WeightPresets.barometre, Weights.equal, try! Weights.custom(ratings: [.numerique: 5, .nature: 4, .mobilite: 4])] {
            let board = Scoreboard(scores: scores, weights: weights)
            let ranking = FilteredRanking(board: board) { kept.contains(scores.matrix.value(commune: scores.members[$0], indicator: situation) ?? 0) }
            #expect(ranking.leftOut > 300, "banlieues of large urban units are left out")
            let shown = Array(ranking.kept.prefix(20))
            let intervals = ranking.intervals(of: shown, uncertainty: RankUncertainty(draws: 200))
            #expect(intervals.count == shown.count, "\(weights.id): an interval for every row shown")
            #expect(intervals.values.allSatisfy { $0.high <= Double(ranking.count) })
            #expect((0..<shown.count).map(ranking.rank(atIndex:)) == Array(1...shown.count))
        }
    }

    /// Le Touquet (three quarters second homes) and a ski resort: per present population, their rates come down to
    /// the level of their peers; a town without second homes keeps its published rate.
    @Test func crimeRatesOfResortsCountTheirVisitors() throws {
        let matrix = Self.scores.matrix
        func value(_ code: String, _ id: String) throws -> Double? { matrix.value(commune: try #require(matrix.row(ofCommune: code)), id) }
        for code in ["62826", "74173"] { // Le Touquet-Paris-Plage, Megève
            let perResident = try #require(try value(code, "destructions_degradations_pour_1000"))
            let perPresent = try #require(try value(code, "destructions_degradations_pour_1000_presents"))
            let share = try #require(try value(code, "part_residences_secondaires_2022"))
            #expect(share > 50)
            #expect(perPresent < perResident / 2, "\(code): \(perResident) per resident, \(perPresent) per person present")
        }
        let figeac = try #require(try value("46102", "violences_personnes_pour_1000"))
        let figeacPresent = try #require(try value("46102", "violences_personnes_pour_1000_presents"))
        #expect(figeacPresent > figeac * 0.9 && figeacPresent <= figeac)
    }

    /// Types a local would accept, across regions: seaside, mountain, periurban, isolated.
    @Test(arguments: [
        ("62826", TownType.littoral, true), ("62826", .touristique, true), ("62826", .centraliteRuraleIsolee, false), // Le Touquet (62)
        ("74173", .montagne, true), ("74173", .touristique, true),                // Megève (74), ski resort
        ("05023", .montagne, true),                                                // Briançon (05)
        ("46102", .centraliteRuraleIsolee, true), ("46102", .littoral, false),     // Figeac (46)
        ("48095", .centraliteRuraleIsolee, true), ("48095", .montagne, true),      // Mende (48)
        ("22070", .littoral, false),                                               // Guingamp (22)
        ("29039", .littoral, true),                                                // Concarneau (29)
        ("38229", .peripherieMetropole, true), ("38229", .centraliteRuraleIsolee, false), // Meylan (38), by Grenoble
        ("17306", .littoral, true), ("17306", .touristique, true),                 // Royan (17)
        ("56186", .littoral, true), ("56186", .touristique, true),                 // Quiberon (56)
        ("40046", .littoral, true),                                                // Biscarrosse (40)
    ])
    func typesOfNamedTowns(code: String, type: TownType, expected: Bool) throws {
        let matrix = Self.scores.matrix
        let row = try #require(matrix.row(ofCommune: code), "\(code)")
        let types = TypologyRules.standard.types(of: row, in: matrix).map(\.type)
        #expect(types.contains(type) == expected, "\(matrix.communes[row].name): \(types.map(\.rawValue))")
    }
}
