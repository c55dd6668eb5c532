import Foundation
import Testing
@testable import BourgCore

/// Twelve hand-made towns of one band: a health indicator (higher is better), a distance (lower is better)
/// and a nature indicator; town 0 is weak in health and far, strong in nature.
enum DiagnosticPeers {
    static let nan = Double.nan
    static let matrix = IndicatorMatrix(
        communes: (0..<12).map { Commune(code: String(format: "%05d", 1_000 + $0), name: "Town \($0)", departement: $0 < 6 ? "01" : "02", population: 5_000 + $0) },
        indicators: [
            HandMadePeers.definition("medecins", .sante, .higherIsBetter),
            HandMadePeers.definition("distance_france_services_km", .servicesPublics, .lowerIsBetter),
            HandMadePeers.definition("couvert", .nature, .higherIsBetter),
        ],
        values: [
            1, 30, 90,
            5, 2, 10,
            6, 3, 20,
            7, 4, 30,
            8, 5, 40,
            9, 6, 50,
            10, 7, nan,
            11, 8, 60,
            12, 9, 70,
            13, 10, 75,
            14, 11, 80,
            15, 12, 85,
        ])
    static let scores = PeerScores(matrix: matrix, group: PeerGroup(range: SizeRange(minimum: 5_000, maximum: 9_999)))
    static let weights = try! Weights.custom(ratings: [.sante: 5, .servicesPublics: 3, .nature: 1])
    static let board = Scoreboard(scores: scores, weights: weights)
}

@Suite("Diagnostic")
struct DiagnosticTests {
    let diagnosis = Diagnostician(board: DiagnosticPeers.board).diagnose(0)

    @Test func quartilesExcludeTheTownItself() throws {
        let medecins = try #require(diagnosis.indicators.first { $0.indicator.id == "medecins" })
        // Others: 5…15 (11 values): Q1 = 7.5, median 10, Q3 = 12.5 (type 7).
        #expect(medecins.band == Quartiles([5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]))
        #expect(medecins.band?.median == 10)
        #expect(medecins.band?.q1 == 7.5)
    }

    @Test func strengthsAndWeaknessesAreOutsideTheInterQuartileRange() throws {
        let byID = Dictionary(uniqueKeysWithValues: diagnosis.indicators.map { ($0.indicator.id, $0) })
        #expect(byID["medecins"]?.standing == .weakness)                       // 1 < Q1 7.5
        #expect(byID["distance_france_services_km"]?.standing == .weakness)    // 30 km > Q3 (lower is better)
        #expect(byID["couvert"]?.standing == .strength)                        // 90 > Q3
        #expect(Standing(value: 10, quartiles: Quartiles([5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]), direction: .higherIsBetter) == .typical)
        #expect(Standing(value: 1, quartiles: Quartiles([1, 2, 3, 4, 5]), direction: .neutral) == .typical)
        #expect(diagnosis.weaknesses.contains("medecins : 1, contre 10 pour la médiane des communes de 5\u{202F}000 à 9\u{202F}999 habitants (2021)."))
    }

    @Test func leversAreMovableWeaknessesWithTargetsComparableTownsReach() throws {
        // Both indicators are weaknesses, but "medecins" is not in the lever catalogue: context, never a lever.
        let levers = diagnosis.levers
        #expect(levers.map(\.indicator.id) == ["distance_france_services_km"])
        let lever = try #require(levers.first)
        #expect(abs(lever.priority - lever.importance * lever.gap) < 1e-9)
        #expect(abs(lever.importance - 3.0 / 9.0) < 1e-9)
        #expect(lever.action.inTownsHands)
        #expect(lever.action.barrier == .servicesPublics)
        // Target: the best-placed quarter of the others (2…12 km, lower is better): Q1 = 4.5 km, within their range.
        #expect(lever.target == 4.5)
        #expect(lever.groupLowest == 2 && lever.groupHighest == 12)
        #expect(lever.gainText?.contains("rang") ?? false)
        #expect(Lever.gainText(points: 0.84, ranks: 51, among: 4_052) == "+0,8 point de note globale, +51 rangs parmi 4\u{202F}052 petites villes classées")
    }

    @Test func upperQuartileFollowsTheDirectionAndStaysInTheRange() throws {
        let quartiles = try #require(Quartiles([1, 2, 3, 4, 5, 6, 7, 8, 9]))
        #expect(quartiles.upperQuartile(.higherIsBetter) == 7)
        #expect(quartiles.upperQuartile(.lowerIsBetter) == 3)
        #expect(quartiles.minimum == 1 && quartiles.maximum == 9)
    }

    @Test func nonActionableFiguresAreNeverLevers() {
        for id in ["arretes_catnat_total", "jours_tx_sup35_2021_2050", "potentiel_radon", "distance_pole_aav_700k_km", "distance_pole_aav_200k_km",
                   "revenu_median_uc", "gare_dans_commune", "destructions_degradations_tendance"] {
            #expect(LeverCatalogue.actions[id]?.isLever == false, "\(id)")
        }
        #expect(LeverCatalogue.actions["taux_vacance_longue_parc_prive"]?.actionability == .town)
        #expect(LeverCatalogue.actions["pharmacies_pour_10000"]?.actors.first == .ars)
        #expect(LeverCatalogue.actions["distance_conservatoire_km"]?.inTownsHands == false)
        #expect(Diagnostician.minimumGroup <= Diagnostician.formGroupSize)
    }

    @Test func associationIsSaidInWords() {
        #expect(MigrationSample.associationSentence(rho: 0.05).contains("n'ont pas attiré davantage"))
        #expect(MigrationSample.associationSentence(rho: 0.2).contains("un peu plus attiré"))
        #expect(MigrationSample.associationSentence(rho: -0.35).contains("nettement moins attiré"))
    }

    @Test func whatIfMovesOnlyTheTownAndOnlyWhatChanged() throws {
        let scores = DiagnosticPeers.scores
        let whatIf = WhatIf(scores: scores)
        let after = whatIf.applying(position: 0, changes: [0: 10])
        for position in 1..<scores.members.count {
            for dimension in scores.dimensions {
                #expect(after.dimensionScore(position, dimension) == scores.dimensionScore(position, dimension))
            }
        }
        #expect(after.dimensionScore(0, .nature) == scores.dimensionScore(0, .nature))
        #expect(after.dimensionScore(0, .servicesPublics) == scores.dimensionScore(0, .servicesPublics))
        #expect(after.dimensionScore(0, .sante)! > scores.dimensionScore(0, .sante)!)
        let comparison = whatIf.compare(position: 0, after: after, weights: DiagnosticPeers.weights)
        #expect(comparison.compositeGain! > 0)
        #expect(comparison.placesGained! >= 0)
    }

    @Test(arguments: [Aggregation.arithmetic, .geometric])
    func leverGainAgreesWithTheFullWhatIf(_ aggregation: Aggregation) {
        // `gain` recomputes the town alone; `applying` + `compare` rescore every peer: same answer.
        for peers in [DiagnosticPeers.scores, HandMadePeers.scores] {
            let board = Scoreboard(scores: peers, weights: DiagnosticPeers.weights, aggregation: aggregation)
            let whatIf = WhatIf(scores: peers)
            for position in peers.members.indices {
                for column in peers.scoredIndicators {
                    for value in [0.0, 3, 9.5, 50, 1_000] {
                        let full = whatIf.compare(position: position, after: whatIf.applying(position: position, changes: [column: value]),
                                                  weights: board.weights, aggregation: aggregation)
                        let fast = whatIf.gain(position: position, changes: [column: value], on: board)
                        #expect(fast.composite == full.compositeGain)
                        #expect(fast.places == full.placesGained)
                    }
                }
            }
        }
    }

    @Test func whatIfWithTheCurrentValueGivesTheOfficialScore() {
        // The what-if percentile must agree with the peer scores for every town and indicator,
        // including ties and an indicator the outlier rule winsorises.
        for peers in [DiagnosticPeers.scores, HandMadePeers.scores] {
            let whatIf = WhatIf(scores: peers)
            for position in peers.members.indices {
                for column in peers.scoredIndicators {
                    let value = peers.matrix.value(commune: peers.members[position], indicator: column)
                    #expect(whatIf.indicatorScore(position: position, column: column, value: value) == peers.indicatorScore(position, column: column))
                }
            }
        }
        let skewed = IndicatorMatrix(
            communes: (0..<10).map { Commune(code: "9999\($0)", name: "S\($0)", departement: "00", population: 3_000) },
            indicators: [HandMadePeers.definition("x", .culture, .higherIsBetter)],
            values: [1, 1, 1, 1, 1, 1, 1, 1, 1, 100])
        let scores = PeerScores(matrix: skewed, group: .smallTowns)
        #expect(scores.treatments == [.winsorised(count: 1, upper: true)])
        let whatIf = WhatIf(scores: scores)
        #expect(whatIf.indicatorScore(position: 9, column: 0, value: 100) == scores.indicatorScore(9, column: 0))
        #expect(whatIf.indicatorScore(position: 0, column: 0, value: 500) == 100) // beats every other town: scores rank raw values
    }

    @Test func similarTownDistancesAreSymmetricAndIgnoreMissingValues() {
        let similarity = TownSimilarity(scores: DiagnosticPeers.scores, minimumShared: 2)
        for a in 0..<12 {
            for b in 0..<12 {
                #expect(similarity.distance(a, b) == similarity.distance(b, a))
            }
            #expect(similarity.distance(a, a) == 0)
        }
        // Town 6 has no nature value: it is compared on the two indicators it shares.
        #expect(similarity.distance(6, 7) != nil)
        #expect(TownSimilarity(scores: DiagnosticPeers.scores, minimumShared: 3).distance(6, 7) == nil)
        let nearest = similarity.mostSimilar(to: 5, count: 2)
        #expect(nearest.count == 2)
        #expect(nearest.allSatisfy { $0.position != 5 })
    }

    @Test func betterOnWeakestAreSimilarTownsWithAHigherScoreThere() throws {
        let weakest = try #require(diagnosis.weakestDimension)
        let own = try #require(DiagnosticPeers.scores.dimensionScore(0, weakest))
        for town in diagnosis.betterOnWeakest {
            #expect(diagnosis.similarTowns.contains(town))
            #expect((town.weakestDimensionScore ?? -1) > own)
        }
    }

    @Test func departementAndBandSets() {
        #expect(diagnosis.band.positions.count == 11)
        #expect(diagnosis.departement.positions.count == 5)
    }

    @Test("towns like us can be restricted to the same situation; a town of unknown situation keeps its whole band")
    func sameSituationRestrictsTheBand() {
        // The twelve towns with a situation: 0–5 centre, 6–10 rurale, 11 unknown.
        let situation = HandMadePeers.definition("situation", .typologie, .neutral, kind: .category)
        let base = DiagnosticPeers.matrix
        let values: [Double] = (0..<12).flatMap { (town: Int) -> [Double] in
            let situationCode: Double = town < 6 ? 1 : (town < 11 ? 4 : .nan)
            return (0..<3).map { base.value(commune: town, indicator: $0) ?? .nan } + [situationCode]
        }
        let matrix = IndicatorMatrix(communes: base.communes, indicators: base.indicators + [situation], values: values)
        let board = Scoreboard(scores: PeerScores(matrix: matrix, group: DiagnosticPeers.scores.group), weights: DiagnosticPeers.weights)
        let restricted = Diagnostician(board: board, sameSituation: true)
        #expect(restricted.diagnose(0).band.positions == [1, 2, 3, 4, 5])
        #expect(restricted.diagnose(0).band.label.hasSuffix(", même situation : ville-centre ou ville isolée (son propre centre)"))
        #expect(restricted.diagnose(7).band.positions == [6, 8, 9, 10])
        #expect(restricted.diagnose(11).band.positions == Array(0..<11))
        #expect(Diagnostician(board: board).diagnose(0).band.positions == Array(1..<12))
        // Only the town's own diagnostic prepared: the same sets.
        #expect(Diagnostician(board: board, towns: [7], sameSituation: true).diagnose(7).band.positions == [6, 8, 9, 10])
    }

    @Test func aTownOutsideTheBandsIsComparedWithEveryPeer() {
        // Peers of 1,000 inhabitants and more (a wider group than the bands): a town of 1,500 has no band.
        let matrix = IndicatorMatrix(
            communes: (0..<8).map { Commune(code: String(format: "%05d", 2_000 + $0), name: "T\($0)", departement: "03", population: $0 < 4 ? 1_500 : 6_000) },
            indicators: [HandMadePeers.definition("medecins", .sante, .higherIsBetter)],
            values: [1, 2, 3, 4, 5, 6, 7, 8])
        let scores = PeerScores(matrix: matrix, group: PeerGroup(range: SizeRange(minimum: 1_000, maximum: 25_000)))
        let diagnostician = Diagnostician(board: Scoreboard(scores: scores, weights: DiagnosticPeers.weights))
        #expect(diagnostician.diagnose(0).band.positions == [1, 2, 3, 4, 5, 6, 7])
        #expect(diagnostician.diagnose(0).indicators[0].band == Quartiles([2, 3, 4, 5, 6, 7, 8]))
        #expect(diagnostician.diagnose(5).band.positions == [4, 6, 7])
    }
}
