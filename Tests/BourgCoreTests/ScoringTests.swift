import Foundation
import Testing
@testable import BourgCore

/// A hand-made peer group of five towns whose every score is worked out by hand in the comments.
enum HandMadePeers {
    static func definition(_ id: String, _ dimension: AttractivenessDimension, _ direction: Direction,
                           kind: IndicatorKind = .quantity) -> IndicatorDefinition {
        IndicatorDefinition(id: id, label: id, unit: "", dimension: dimension, direction: direction, kind: kind,
                            sources: ["test"], vintage: "2024", definition: "hand-made")
    }

    static let nan = Double.nan
    /// Columns: a (santé, higher), b (santé, lower), c (mobilité, higher, never known), d (nature, higher), e (typologie, neutral).
    static let matrix = IndicatorMatrix(
        communes: (1...5).map { Commune(code: "0000\($0)", name: "Town \($0)", departement: "00", population: 5_000) },
        indicators: [
            definition("a", .sante, .higherIsBetter),
            definition("b", .sante, .lowerIsBetter),
            definition("c", .mobilite, .higherIsBetter),
            definition("d", .nature, .higherIsBetter),
            definition("e", .typologie, .neutral),
        ],
        values: [
            10, 1, nan, 5, 7,
            20, 2, nan, 4, 7,
            20, 3, nan, 3, 7,
            40, 4, nan, 2, 7,
            nan, 5, nan, 1, 7,
        ])

    static let scores = PeerScores(matrix: matrix, group: PeerGroup(range: SizeRange(minimum: 0, maximum: 10_000)))
}

@Suite("Scoring")
struct ScoringTests {
    let scores = HandMadePeers.scores

    @Test func percentileRanksCountTiesHalf() {
        // 10 beats none; each 20 beats one and ties one: 100 × (1 + ½) / 3 = 50; 40 beats all.
        #expect(Statistics.percentileRanks([10, 20, 20, 40]) == [0, 50, 50, 100])
        #expect(Statistics.percentileRanks([7]) == [50])
        #expect(Statistics.percentileRanks([]) == [])
    }

    @Test func onlyDirectionalIndicatorsOfWeighableDimensionsAreScored() {
        #expect(scores.scoredIndicators == [0, 1, 2, 3])
    }

    @Test func directionIsRespected() {
        // b: lower is better, 1 is best.
        #expect(scores.indicatorScore(0, column: 1) == 100)
        #expect(scores.indicatorScore(4, column: 1) == 0)
        #expect(scores.indicatorScore(0, column: 0) == 0)
        #expect(scores.indicatorScore(1, column: 0) == 50)
        #expect(scores.indicatorScore(4, column: 0) == nil) // missing stays missing
    }

    @Test func dimensionScoresAreMeansOfTheScoresThatExist() {
        // santé: town 1 mean(0, 100) = 50; town 2 mean(50, 75) = 62.5; town 5 only b = 0, coverage 1.
        #expect(scores.dimensionScore(0, .sante) == 50)
        #expect(scores.dimensionScore(1, .sante) == 62.5)
        #expect(scores.dimensionScore(4, .sante) == 0)
        let sante = scores.dimensions.firstIndex(of: .sante)!
        #expect(scores.dimensionCoverage[4 * scores.dimensions.count + sante] == 1)
        #expect(scores.dimensionScore(0, .mobilite) == nil)
        #expect(scores.dimensionScore(0, .nature) == 100)
    }

    @Test func weightsOfDimensionsWithoutDataAreRenormalised() throws {
        // santé 4, nature 1, mobilité 5 (no data) → santé 0.8, nature 0.2.
        let weights = try Weights.custom(ratings: [.sante: 4, .nature: 1, .mobilite: 5])
        let composites = scores.composites(weights)
        #expect(composites[0] == 0.8 * 50 + 0.2 * 100)     // 60
        #expect(composites[1] == 0.8 * 62.5 + 0.2 * 75)    // 65
        #expect(composites[4] == 0)
        #expect(PeerScores.ranks(composites) == [2, 1, 4, 3, 5])
        let board = Scoreboard(scores: scores, weights: weights)
        #expect(board.townScore(0).dimensionsWithoutData == ["Mobilité"])
    }

    @Test func geometricMeanFloorsZeros() throws {
        let weights = try Weights.custom(ratings: [.sante: 4, .nature: 1])
        let composites = scores.composites(weights, aggregation: .geometric)
        // Town 1: 50^0.8 × 100^0.2; town 5: both scores 0, floored at 1 → 1.
        #expect(abs(composites[0] - pow(50, 0.8) * pow(100, 0.2)) < 1e-9)
        #expect(abs(composites[4] - 1) < 1e-12)
    }

    @Test func equalScoresShareARank() {
        #expect(PeerScores.ranks([50, 70, 50, .nan, 10]) == [2, 1, 2, nil, 4])
    }

    @Test func essentialFlagForTheBottomTenPercent() {
        // santé dimension scores [50, 62.5, 50, 62.5, 0]: town 5 is at percentile 0 (< 10), the others ≥ 37.5.
        #expect(scores.essentialFlags(4) == [.sante])
        #expect(scores.essentialFlags(0).isEmpty)
    }

    @Test func customRatingsAreValidated() throws {
        #expect(throws: ScoringError.self) { try Weights.custom(ratings: [.sante: 6]) }
        #expect(throws: ScoringError.self) { try Weights.custom(ratings: [.sante: 0]) }
        #expect(throws: ScoringError.self) { try Weights.custom(ratings: [.typologie: 3]) }
        #expect(throws: ScoringError.self) { try Weights.parseRatings("nature=cinq") }
        #expect(throws: ScoringError.self) { try Weights.parseRatings("paysage=5") }
        #expect(try Weights.parseRatings("nature=5, sante=4") == [.nature: 5, .sante: 4])
    }

    @Test func normalisedWeightsSumToOne() throws {
        let weights = try Weights.custom(ratings: [.sante: 3, .nature: 1])
        let normalised = scores.normalisedWeights(weights)
        #expect(abs(normalised.reduce(0, +) - 1) < 1e-12)
        #expect(normalised[scores.dimensions.firstIndex(of: .sante)!] == 0.75)
    }
}

@Suite("Outlier rule (JRC/COINr)")
struct OutlierTests {
    @Test func symmetricValuesAreLeftAlone() {
        let (values, treatment) = OutlierTreatment.treat([1, 2, 3, 4, 5, 6, 7])
        #expect(treatment == .none)
        #expect(values == [1, 2, 3, 4, 5, 6, 7])
    }

    @Test func oneExtremeValueIsWinsorised() {
        // skewness 3.16, kurtosis 10: heavily skewed; after setting 100 to 1, no longer.
        let (values, treatment) = OutlierTreatment.treat([1, 1, 1, 1, 1, 1, 1, 1, 1, 100])
        #expect(treatment == .winsorised(count: 1, upper: true))
        #expect(values.allSatisfy { $0 == 1 })
    }

    @Test func twoWinsorisingStepsForPowersOfTwo() {
        // 1, 2, 4 … 2^19: skewness 3.14, kurtosis 10.3; after one step 2.30 and 4.30; after two 1.76 and 1.57.
        let (_, treatment) = OutlierTreatment.treat((0..<20).map { pow(2, Double($0)) })
        #expect(treatment == .winsorised(count: 2, upper: true))
    }

    @Test func stillSkewedAfterFiveStepsIsLogTransformed() {
        // 100 ones and 10 … 10^9: after five steps skewness 3.9 and kurtosis 13.9, so log instead.
        let values = [Double](repeating: 1, count: 100) + (1...9).map { pow(10, Double($0)) }
        let (treated, treatment) = OutlierTreatment.treat(values)
        #expect(treatment == .logTransformed)
        #expect(treated[0] == 0) // log(1 − 1 + 1)
    }

    @Test func skewnessAndKurtosisMatchHandValues() {
        #expect(abs(Statistics.skewness([1, 1, 1, 1, 1, 1, 1, 1, 1, 100]) - 3.16227766) < 1e-6)
        #expect(abs(Statistics.kurtosis([1, 1, 1, 1, 1, 1, 1, 1, 1, 100]) - 10) < 1e-9)
    }
}

@Suite("Rank uncertainty")
struct RankUncertaintyTests {
    @Test func sameSeedSameIntervals() throws {
        let weights = try Weights.custom(ratings: [.sante: 4, .nature: 2])
        let first = RankUncertainty(draws: 200, seed: 7).intervals(for: HandMadePeers.scores, weights: weights)
        let second = RankUncertainty(draws: 200, seed: 7).intervals(for: HandMadePeers.scores, weights: weights)
        #expect(first == second)
        for interval in first.compactMap({ $0 }) {
            #expect(interval.low <= interval.median && interval.median <= interval.high)
            #expect(interval.low >= 1 && interval.high <= 5)
        }
        // Town 5 is last on both dimensions: last whatever the weights.
        #expect(first[4] == RankInterval(median: 5, low: 5, high: 5))
    }

    @Test func dirichletDrawsSumToOneAndKeepZeroWeights() {
        var generator = SplitMix64(seed: 1)
        for _ in 0..<100 {
            let draw = RankUncertainty.dirichlet([10, 0, 2.5, 0.3], using: &generator)
            #expect(abs(draw.reduce(0, +) - 1) < 1e-9)
            #expect(draw[1] == 0)
        }
    }

    @Test func gammaDrawsHaveTheRightMean() {
        var generator = SplitMix64(seed: 3)
        for shape in [0.5, 2.0, 7.0] {
            let mean = (0..<20_000).map { _ in RankUncertainty.gamma(shape: shape, using: &generator) }.reduce(0, +) / 20_000
            #expect(abs(mean - shape) < 0.05 * shape + 0.02)
        }
    }
}

@Suite("Ranking sort")
struct RankingSortTests {
    @Test func radixSortMatchesAComparisonSort() {
        var generator = SplitMix64(seed: 11)
        for count in [0, 1, 2, 17, 4_052] {
            var keys = (0..<count).map { position in (UInt64(generator.next() % 1_000) << 32) | UInt64(position) }
            let expected = keys.sorted()
            PeerScores.radixSortByHighHalf(&keys)
            #expect(keys == expected)
        }
    }
}

@Suite("Rank interval from counts")
struct RankIntervalCountTests {
    @Test func countedQuantilesMatchSortedQuantiles() {
        var generator = SplitMix64(seed: 5)
        for total in [1, 2, 3, 20, 1_000] {
            let ranks = (0..<total).map { _ in Int(generator.next() % 300) + 1 }
            var counts = [Int32](repeating: 0, count: 302)
            for rank in ranks { counts[rank] += 1 }
            let interval = RankUncertainty.interval(counts: &counts, lowest: ranks.min()!, highest: ranks.max()!, total: total)
            let sorted = ranks.sorted().map(Double.init)
            #expect(interval.median == Statistics.quantile(sorted: sorted, 0.5))
            #expect(interval.low == Statistics.quantile(sorted: sorted, 0.05))
            #expect(interval.high == Statistics.quantile(sorted: sorted, 0.95))
            #expect(counts.allSatisfy { $0 == 0 }, "counts are reset for the next town")
        }
    }
}

@Suite("Missing dimensions (OECD/JRC rule)")
struct MissingDimensionTests {
    /// Five towns: santé known for all (scores 0, 25, 50, 75, 100), nature unknown for town 5
    /// (others' nature scores 100, 66.7, 33.3, 0: first quartile 25, type 7).
    static let scores: PeerScores = {
        let matrix = IndicatorMatrix(
            communes: (1...5).map { Commune(code: "0000\($0)", name: "Town \($0)", departement: "00", population: 5_000) },
            indicators: [HandMadePeers.definition("a", .sante, .higherIsBetter), HandMadePeers.definition("d", .nature, .higherIsBetter)],
            values: [10, 5, 20, 4, 30, 3, 40, 2, 50, .nan])
        return PeerScores(matrix: matrix, group: PeerGroup(range: SizeRange(minimum: 0, maximum: 10_000)))
    }()

    @Test func aMissingDimensionCountsAtThePeersFirstQuartile() throws {
        let nature = try #require(Self.scores.dimensions.firstIndex(of: .nature))
        #expect(abs(Self.scores.imputedDimensionScores[nature] - 25) < 1e-9)
        let composites = Self.scores.composites(try Weights.custom(ratings: [.sante: 1, .nature: 1]))
        // Town 5: ½ × 100 + ½ × 25 = 62.5, not the 100 that leaving nature out would give.
        #expect(abs(composites[4] - 62.5) < 1e-9)
        #expect(abs(composites[0] - 50) < 1e-9)
    }

    @Test("no town lacking a weighted dimension ranks above where the first-quartile imputation puts it")
    func missingDataNeverLiftsATown() throws {
        let weights = try Weights.custom(ratings: [.sante: 2, .nature: 1])
        let composites = Self.scores.composites(weights)
        let normalised = Self.scores.normalisedWeights(weights)
        func scores(_ sante: Double?, _ nature: Double?) -> [Double?] {
            Self.scores.dimensions.map { $0 == .sante ? sante : ($0 == .nature ? nature : nil) }
        }
        let imputed = Self.scores.composite(ofDimensionScores: scores(100, 25), normalisedWeights: normalised, aggregation: .arithmetic)
        #expect(abs(composites[4] - imputed) < 1e-9)
        let left = Self.scores.composite(ofDimensionScores: scores(100, nil), normalisedWeights: normalised, aggregation: .arithmetic)
        #expect(abs(left - imputed) < 1e-9, "a nil dimension score is imputed the same way everywhere")
        #expect(composites[4] < 100)
    }

    @Test func tooLittleWeightCoveredIsNotRanked() throws {
        let composites = Self.scores.composites(try Weights.custom(ratings: [.sante: 1, .nature: 3]))
        #expect(composites[4].isNaN, "santé carries 25 % of the weight: under half")
        #expect(PeerScores.ranks(composites)[4] == nil)
        let board = Scoreboard(scores: Self.scores, weights: try Weights.custom(ratings: [.sante: 1, .nature: 3]))
        #expect(board.townScore(4).partialRankingText?.hasPrefix("non classée") == true)
        let partial = Scoreboard(scores: Self.scores, weights: try Weights.custom(ratings: [.sante: 1, .nature: 1]))
        #expect(partial.townScore(4).partialRankingText == "classement partiel : nature et paysages sans donnée, comptée au 1er quartile des pairs")
        #expect(partial.townScore(0).partialRankingText == nil)
    }
}

/// A larger random peer group (ties and missing values included), for checks that compare two computations.
enum RandomPeers {
    static func scores(towns: Int = 300, seed: UInt64 = 17) -> PeerScores {
        var generator = SplitMix64(seed: seed)
        let dimensions: [AttractivenessDimension] = [.sante, .nature, .mobilite, .emploi, .logement, .culture]
        let indicators = dimensions.enumerated().flatMap { index, dimension in
            [HandMadePeers.definition("up\(index)", dimension, .higherIsBetter), HandMadePeers.definition("down\(index)", dimension, .lowerIsBetter)]
        }
        let values = (0..<(towns * indicators.count)).map { _ -> Double in
            let draw = generator.next() % 100
            return draw < 8 ? .nan : Double(draw % 23) // missing values and many ties
        }
        let communes = (0..<towns).map { Commune(code: String(format: "%05d", $0), name: "Town \($0)", departement: "00", population: 5_000) }
        return PeerScores(matrix: IndicatorMatrix(communes: communes, indicators: indicators, values: values), group: .smallTowns)
    }
}

@Suite("Rank intervals of some towns only")
struct RankIntervalSubsetTests {
    @Test(arguments: [[0], [5, 17, 299], Array(stride(from: 3, to: 300, by: 7))])
    func someTownsGetExactlyTheirFullInterval(positions: [Int]) throws {
        let scores = RandomPeers.scores()
        let weights = try Weights.custom(ratings: [.sante: 5, .nature: 3, .mobilite: 1, .emploi: 2])
        let uncertainty = RankUncertainty(draws: 120, seed: 99)
        let full = uncertainty.intervals(for: scores, weights: weights)
        let some = uncertainty.intervals(for: scores, weights: weights, only: positions)
        #expect(some.count == full.count)
        for position in full.indices {
            #expect(some[position] == (positions.contains(position) ? full[position] : nil), "town \(position)")
        }
        #expect(uncertainty.intervals(for: scores, weights: weights, only: []).allSatisfy { $0 == nil })
    }
}

@Suite("Faster statistics, same results")
struct StatisticsOracleTests {
    /// The percentile ranks as first written (a sort of indices, then runs of ties).
    static func percentileRanksByIndexSort(_ values: [Double]) -> [Double] {
        let n = values.count
        guard n > 1 else { return Array(repeating: 50, count: n) }
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: n)
        var start = 0
        while start < n {
            var end = start
            while end + 1 < n && values[order[end + 1]] == values[order[start]] { end += 1 }
            let below = Double(start), equal = Double(end - start + 1)
            let rank = 100 * (below + 0.5 * (equal - 1)) / Double(n - 1)
            for position in start...end { ranks[order[position]] = rank }
            start = end + 1
        }
        return ranks
    }

    @Test func percentileRanksMatchTheIndexSort() {
        var generator = SplitMix64(seed: 23)
        for count in [0, 1, 2, 3, 10, 1_000] {
            for modulus: UInt64 in [2, 7, 1_000_000] {
                let values = (0..<count).map { _ in Double(generator.next() % modulus) - 3 }
                #expect(Statistics.percentileRanks(values) == Self.percentileRanksByIndexSort(values))
            }
        }
    }

    @Test func winsorisingMatchesOneExtremeAtATime() {
        // Heavily skewed, with ties at the top: the treatment steps through the distinct extreme values.
        let values = [Double](repeating: 1, count: 200) + [50, 50, 60, 70, 70, 70, 400, 900, 900]
        let (treated, treatment) = OutlierTreatment.treat(values)
        var expected = values
        var steps = 0
        while OutlierTreatment.isHeavilySkewed(expected) && steps < OutlierTreatment.maximumWinsorised {
            let extreme = expected.max()!, next = expected.filter { $0 != extreme }.max()!
            expected = expected.map { $0 == extreme ? next : $0 }
            steps += 1
        }
        if OutlierTreatment.isHeavilySkewed(expected) {
            #expect(treatment == .logTransformed)
        } else {
            #expect(treatment == .winsorised(count: steps, upper: true))
            #expect(treated == expected)
        }
    }
}
