import Foundation
import Testing
@testable import BourgCore

/// A four-respondent survey whose every figure is worked out by hand in the comments.
enum HandMadeSurvey {
    static let questionnaire = Questionnaire(
        title: "Test", population: "quatre répondants",
        profile: [ProfileVariable(id: "age", label: "Âge", categories: [
            ProfileCategory(code: "J", label: "Jeune"), ProfileCategory(code: "V", label: "Vieux"),
        ])],
        questions: [
            SurveyQuestion(id: "opinion", text: "Votre image ?", type: .single, answers: [
                AnswerOption(code: "1", label: "Très positive", positive: true),
                AnswerOption(code: "2", label: "Plutôt positive", positive: true),
                AnswerOption(code: "3", label: "Négative"),
            ], positiveStatement: "portent un regard positif"),
            SurveyQuestion(id: "atouts", text: "Vos atouts ?", type: .multiple, maxAnswers: 2, answers: [
                AnswerOption(code: "a", label: "Nature", dimension: .nature),
                AnswerOption(code: "b", label: "Voisins", dimension: .vieSociale),
                AnswerOption(code: "c", label: "Calme"),
            ]),
            SurveyQuestion(id: "freins", text: "Vos freins ?", type: .multiple, answers: [
                AnswerOption(code: "x", label: "Pas de bus", dimension: .mobilite),
                AnswerOption(code: "y", label: "Pas d'arbres", dimension: .nature),
            ]),
        ],
        crossBy: ["age"], weightColumn: "poids")

    /// Design weights 1, 1, 2, 2 → scaled to a mean of 1: 2/3, 2/3, 4/3, 4/3.
    /// opinion: 1, 3, 2, (none) · atouts: a;b, a, c, (none) · freins: y, x, (none), x · age: J, J, V, V.
    static let data = SurveyData(questionnaire: questionnaire, respondents: [
        SurveyRespondent(line: 2, designWeight: 1, profile: [0], answers: [[0], [0, 1], [1]]),
        SurveyRespondent(line: 3, designWeight: 1, profile: [0], answers: [[2], [0], [0]]),
        SurveyRespondent(line: 4, designWeight: 2, profile: [1], answers: [[1], [2], nil]),
        SurveyRespondent(line: 5, designWeight: 2, profile: [1], answers: [nil, nil, [0]]),
    ])

    static func weighting() throws -> SurveyWeighting {
        try SurveyWeighting.compute(data, margins: nil)
    }
}

@Suite("Survey statistics")
struct SurveyStatisticsTests {
    @Test func kishDesignEffectAndEffectiveSize() {
        // 6 × (1.2² + 1.8² + 2 × 0.6² + 2 × 0.9²) / 6² = 6 × 7.02 / 36 = 1.17; n_eff = 6 / 1.17.
        let weights = [1.2, 1.8, 0.6, 0.6, 0.9, 0.9]
        #expect(abs(SurveyStatistics.kishDesignEffect(weights) - 1.17) < 1e-12)
        #expect(abs(SurveyStatistics.effectiveSampleSize(weights) - 6 / 1.17) < 1e-12)
        #expect(SurveyStatistics.kishDesignEffect([3, 3, 3]) == 1)
    }

    @Test func wilsonIntervalMatchesHandComputation() {
        // p = 0.5, n = 100: z²/n = 3.8415/100; centre 0.5; half = 1.96/1.038415 × √(0.0025 + 0.0000960) = 0.096168.
        let half = SurveyStatistics.wilsonInterval(share: 0.5, size: 100)
        #expect(abs(half.low - 0.4038315) < 1e-6)
        #expect(abs(half.high - 0.5961685) < 1e-6)
        // The seed's figure: 89 % of 1,000 → 86.9–90.8.
        let seed = SurveyStatistics.wilsonInterval(share: 0.89, size: 1000)
        #expect(abs(seed.low - 0.8690945) < 1e-6)
        #expect(abs(seed.high - 0.9079206) < 1e-6)
        // p = 0 still has an upper bound: z²/n / (1 + z²/n) = 0.38415 / 1.38415 = 0.27753.
        let zero = SurveyStatistics.wilsonInterval(share: 0, size: 10)
        #expect(zero.low == 0)
        #expect(abs(zero.high - 0.2775328) < 1e-6)
    }

    @Test func regularisedGammaMatchesClosedForms() {
        // For whole a: Q(a, x) = e^{-x} Σ_{k<a} x^k / k!.
        #expect(abs(SurveyStatistics.regularizedGammaQ(1, 2.5) - exp(-2.5)) < 1e-13)
        #expect(abs(SurveyStatistics.regularizedGammaQ(3, 1.5) - exp(-1.5) * (1 + 1.5 + 1.125)) < 1e-13) // series branch
        let tail = (0..<10).reduce(0.0) { sum, k in sum + pow(3, Double(k)) / tgamma(Double(k + 1)) }
        #expect(abs(SurveyStatistics.regularizedGammaQ(10, 3) - exp(-3) * tail) < 1e-13)
        let far = (0..<3).reduce(0.0) { sum, k in sum + pow(20, Double(k)) / tgamma(Double(k + 1)) }
        #expect(abs(SurveyStatistics.regularizedGammaQ(3, 20) - exp(-20) * far) < 1e-15) // continued fraction branch
        // Q(½, x) = erfc(√x).
        #expect(abs(SurveyStatistics.regularizedGammaQ(0.5, 2) - erfc(2.0.squareRoot())) < 1e-13)
        #expect(SurveyStatistics.regularizedGammaQ(2, 0) == 1)
    }

    @Test func chiSquareTailAtTabulatedCriticalValues() {
        // The 5 % critical values of the chi-square table.
        for (x, df) in [(3.841458820694124, 1), (5.991464547107979, 2), (9.487729036781154, 4), (18.307038053275146, 10), (26.29622760486423, 16)] {
            #expect(abs(SurveyStatistics.chiSquareUpperTail(x, degreesOfFreedom: df) - 0.05) < 1e-9, "df \(df)")
        }
        #expect(abs(SurveyStatistics.chiSquareUpperTail(6.634896601021214, degreesOfFreedom: 1) - 0.01) < 1e-9)
    }

    @Test func regularisedBetaMatchesClosedFormsAndR() {
        // I_x(1, 1) = x; I_x(a, 1) = x^a; I_x(1, b) = 1 − (1 − x)^b; I_½(a, a) = ½.
        #expect(abs(SurveyStatistics.regularizedBeta(0.3, 1, 1) - 0.3) < 1e-14)
        #expect(abs(SurveyStatistics.regularizedBeta(0.6, 3.5, 1) - pow(0.6, 3.5)) < 1e-14)
        #expect(abs(SurveyStatistics.regularizedBeta(0.2, 1, 4.5) - (1 - pow(0.8, 4.5))) < 1e-14)
        #expect(abs(SurveyStatistics.regularizedBeta(0.5, 7.3, 7.3) - 0.5) < 1e-13)
        // R: pbeta(0.3, 2.5, 4.5), pbeta(0.9, 30, 0.5).
        #expect(abs(SurveyStatistics.regularizedBeta(0.3, 2.5, 4.5) - 0.406539016682459176) < 1e-13)
        #expect(abs(SurveyStatistics.regularizedBeta(0.9, 30, 0.5) - 0.012282448499852763) < 1e-13)
        #expect(SurveyStatistics.regularizedBeta(0, 2, 3) == 0)
        #expect(SurveyStatistics.regularizedBeta(1, 2, 3) == 1)
    }

    @Test func fAndTDistributions() {
        // With 2 numerator degrees of freedom, P(F > f) = (d₂ / (d₂ + 2f))^(d₂/2).
        for (f, d2) in [(0.5, 7.0), (3.0, 10.0), (12.0, 123.4)] {
            #expect(abs(SurveyStatistics.fUpperTail(f, numerator: 2, denominator: d2) - pow(d2 / (d2 + 2 * f), d2 / 2)) < 1e-13)
        }
        // R: pf(2.5, 3.7, 41.3, lower.tail = FALSE).
        #expect(abs(SurveyStatistics.fUpperTail(2.5, numerator: 3.7, denominator: 41.3) - 0.061273877554810709) < 1e-13)
        // R: qt(0.975, df).
        for (df, t) in [(1.0, 12.706204736174698), (2, 4.302652729911275), (5, 2.5705818356363137), (626, 1.9637607681544336)] {
            #expect(abs(SurveyStatistics.tCriticalValue(degreesOfFreedom: df) - t) < 1e-9 * t, "df \(df)")
        }
        #expect(abs(SurveyStatistics.tCriticalValue(degreesOfFreedom: .infinity) - SurveyStatistics.z95) < 1e-12)
        // F(1, ν) is t(ν)²: P(F > f) = P(|t| > √f).
        #expect(abs(SurveyStatistics.fUpperTail(2.7, numerator: 1, denominator: 40)
                    - SurveyStatistics.tTwoSidedTail(2.7.squareRoot(), degreesOfFreedom: 40)) < 1e-13)
    }

    @Test func raoScottOnASimpleRandomSampleWorkedByHand() throws {
        // [[10, 20], [30, 40]] from 100 unweighted respondents: expected 12, 18, 28, 42 → X² = 0.793651.
        let pearson = SurveyStatistics.pearsonChiSquare([[10, 20], [30, 40]], respondents: 100)
        #expect(abs(pearson - 0.7936508) < 1e-6)
        // Unweighted and not calibrated, V = (diag(p) − pp′) / (n − 1) and C′1 = 0, so Δ = n / (n − 1) I:
        // δ̄ = 100 / 99, X² / δ̄ = 0.785714 on χ²(1); F = 0.785714 on F(1, 99) (R: pchisq, pf).
        var rows: [Int] = [], columns: [Int] = []
        for (row, column, count) in [(0, 0, 10), (0, 1, 20), (1, 0, 30), (1, 1, 40)] {
            rows += Array(repeating: row, count: count)
            columns += Array(repeating: column, count: count)
        }
        let design = try SurveyDesign(weights: Array(repeating: 1, count: 100), designWeights: Array(repeating: 1, count: 100))
        let test = try #require(RaoScott.test(design: design, members: Array(0..<100), rows: rows, columns: columns))
        #expect(abs(test.pearsonChiSquare - 0.7936508) < 1e-6)
        #expect(abs(test.meanDesignEffect - 100.0 / 99) < 1e-12)
        #expect(abs(test.firstOrder.chiSquare - 0.7857142857) < 1e-9)
        #expect(abs(test.firstOrder.pValue - 0.37539918556594) < 1e-12)
        #expect(abs(test.secondOrder.f - 0.7857142857) < 1e-9)
        #expect(abs(test.secondOrder.numeratorDegreesOfFreedom - 1) < 1e-12)
        #expect(abs(test.secondOrder.denominatorDegreesOfFreedom - 99) < 1e-9)
        #expect(abs(test.secondOrder.pValue - 0.377547347221136) < 1e-12)
        #expect(test.pValue == test.secondOrder.pValue)
        #expect(!test.isSignificant)
        // An empty row is left out; a single row has no test.
        let empty = try #require(RaoScott.test(design: design, members: Array(0..<100), rows: rows.map { $0 * 2 }, columns: columns))
        #expect(empty.degreesOfFreedom == 1)
        #expect(RaoScott.test(design: design, members: Array(0..<100), rows: Array(repeating: 0, count: 100), columns: columns) == nil)
    }

    @Test func linearisedVarianceOfADomainWorkedByHand() throws {
        // Weights 2/3, 2/3, 4/3 in a domain of 3 of the 4 respondents, not calibrated, y = 1, 0, 1: p = 0.75,
        // W = 8/3. zᵢ = wᵢ (yᵢ − p) / W = 1/16, −3/16, 1/8 (0 for the 4th); V = 4/3 × (1 + 9 + 4) / 256 = 0.0729167.
        let design = try SurveyDesign(weights: [2.0 / 3, 2.0 / 3, 4.0 / 3, 4.0 / 3], designWeights: [1, 1, 2, 2])
        let shares = design.share(base: [0, 1, 2]) { $0 != 1 }
        #expect(abs(shares.shares[0] - 0.75) < 1e-12)
        #expect(abs(shares.variance(0) - 4.0 / 3 * 14 / 256) < 1e-12)
        // Not calibrated, the domain's respondents give the design's degrees of freedom (R drops the other rows).
        #expect(shares.designDegreesOfFreedom == 2)
        // Calibrated, the whole sample does (R keeps every respondent in a calibrated subset).
        let calibrated = try SurveyDesign(weights: [1, 1, 1, 1], designWeights: [1, 1, 1, 1], margins: [[0, 0, 1, 1]], categoryCounts: [2])
        #expect(calibrated.share(base: [0, 1, 2]) { $0 == 0 }.designDegreesOfFreedom == 3)
        // The share of a calibration category is fixed by the calibration: no variance.
        #expect(calibrated.share(base: [0, 1, 2, 3]) { $0 < 2 }.variance(0) < 1e-15)
    }
}

@Suite("Raking")
struct RakingTests {
    // Sex: H H F F F F; age: J V J J V V.
    let sex = [0, 0, 1, 1, 1, 1]
    let age = [0, 1, 0, 0, 1, 1]

    @Test func independentSampleIsRakedInOnePass() throws {
        // Targets H ½, F ½, J 0.4, V 0.6; n = 6.
        // Sex: H (2 respondents) × 0.5 × 6 / 2 = 1.5, F (4) × 0.5 × 6 / 4 = 0.75.
        // Age: J totals 1.5 + 2 × 0.75 = 3 → × 0.4 × 6 / 3 = 0.8; V totals 3 → × 0.6 × 6 / 3 = 1.2.
        // Weights: HJ 1.2, HV 1.8, FJ 0.6, FJ 0.6, FV 0.9, FV 0.9; sex still H 3 / F 3: met after one pass.
        let result = try Raking.rake(baseWeights: Array(repeating: 1, count: 6), targets: [
            RakingTarget(name: "sexe", categories: sex, shares: [0.5, 0.5]),
            RakingTarget(name: "age", categories: age, shares: [0.4, 0.6]),
        ])
        let expected = [1.2, 1.8, 0.6, 0.6, 0.9, 0.9]
        #expect(zip(result.weights, expected).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(result.iterations == 1)
        #expect(result.converged)
        #expect(result.maxGap < 1e-12)
        #expect(result.weightsAtBounds == 0)
    }

    // Cells: HJ × 1, HV × 3, FJ × 3, FV × 3 (n = 10); targets H ½, J ½.
    let sex2 = [0, 0, 0, 0, 1, 1, 1, 1, 1, 1]
    let age2 = [0, 1, 1, 1, 0, 0, 0, 1, 1, 1]

    func targets2() -> [RakingTarget] {
        [RakingTarget(name: "sexe", categories: sex2, shares: [0.5, 0.5]),
         RakingTarget(name: "age", categories: age2, shares: [0.5, 0.5])]
    }

    @Test func rakingConvergesToTheFixedPointWorkedByHand() throws {
        // Raking keeps the sample's cross-product ratio (1 × 3) / (3 × 3) = 1/3. With the margins, the cell totals
        // are HJ = a, HV = 5 − a, FJ = 5 − a, FV = a, so a² / (5 − a)² = 1/3: a = 5 / (1 + √3) = 1.830127.
        let result = try Raking.rake(baseWeights: Array(repeating: 1, count: 10), targets: targets2(),
                                     options: RakingOptions(trimBounds: nil))
        let a = 5 / (1 + 3.0.squareRoot())
        #expect(result.converged)
        #expect(abs(result.weights[0] - a) < 1e-5)
        #expect(abs(result.weights[1] - (5 - a) / 3) < 1e-5)
        #expect(abs(result.weights[4] - (5 - a) / 3) < 1e-5)
        #expect(abs(result.weights[7] - a / 3) < 1e-5)
        #expect(result.iterations > 1)
    }

    @Test func firstPassWorkedByHand() throws {
        // Sex: H 4 → × 5/4, F 6 → × 5/6. Age: J totals 1.25 + 3 × 5/6 = 3.75 → × 5/3.75; V 3.75 + 2.5 = 6.25 → × 5/6.25.
        let result = try Raking.rake(baseWeights: Array(repeating: 1, count: 10), targets: targets2(),
                                     options: RakingOptions(maxIterations: 1, trimBounds: nil))
        #expect(abs(result.weights[0] - 1.25 * 5 / 3.75) < 1e-12)
        #expect(abs(result.weights[1] - 1.25 * 5 / 6.25) < 1e-12)
        #expect(abs(result.weights[4] - 5.0 / 6 * 5 / 3.75) < 1e-12)
        #expect(abs(result.weights[7] - 5.0 / 6 * 5 / 6.25) < 1e-12)
        // Sex after the pass: H = 1.6667 + 3 = 4.6667 of 10 → gap 0.5 − 0.46667 = 0.0333.
        #expect(result.iterations == 1)
        #expect(!result.converged)
        #expect(abs(result.maxGap - (0.5 - (1.25 * 5 / 3.75 + 3 * 1.25 * 5 / 6.25) / 10)) < 1e-12)
    }

    @Test func trimmingKeepsWeightsWithinBoundsAndStillMeetsTheMargins() throws {
        // Untrimmed, HJ gets 1.83. Capped at 1.5 × the mean, the margins set the rest:
        // HV = (5 − 1.5) / 3, FJ = (5 − 1.5) / 3, FV = (5 − 3.5) / 3 = 0.5.
        let result = try Raking.rake(baseWeights: Array(repeating: 1, count: 10), targets: targets2(),
                                     options: RakingOptions(trimBounds: TrimBounds(lower: 0.2, upper: 1.5)))
        #expect(result.converged)
        #expect(abs(result.weights[0] - 1.5) < 1e-5)
        #expect(abs(result.weights[1] - 3.5 / 3) < 1e-5)
        #expect(abs(result.weights[4] - 3.5 / 3) < 1e-5)
        #expect(abs(result.weights[7] - 0.5) < 1e-5)
        #expect(result.weightsAtBounds == 1)
    }

    @Test func impossibleBoundsAreReportedAsNotConverged() throws {
        // Capped at 1.2, HJ + 3 HV ≤ 4.8 < 5: the sex margin cannot be met.
        let result = try Raking.rake(baseWeights: Array(repeating: 1, count: 10), targets: targets2(),
                                     options: RakingOptions(maxIterations: 50, trimBounds: TrimBounds(lower: 0.2, upper: 1.2)))
        #expect(!result.converged)
        #expect(result.iterations == 50)
        #expect(result.maxGap > 1e-3)
    }

    @Test func designWeightsAreTheStartingPoint() throws {
        // One margin only: post-stratification. Within H, design weights 1 and 3 keep their ratio: H total 3 → 0.75, 2.25.
        let result = try Raking.rake(baseWeights: [1, 3, 1, 1], targets: [
            RakingTarget(name: "sexe", categories: [0, 0, 1, 1], shares: [0.75, 0.25]),
        ], options: RakingOptions(trimBounds: nil))
        #expect(zip(result.weights, [0.75, 2.25, 0.5, 0.5]).allSatisfy { abs($0 - $1) < 1e-12 })
    }

    @Test func boundedRakingIsTheBoundedCalibrationWorkedByHand() throws {
        // g = clamp(exp(a + b·F + c·V), 0.2, 1.5). Unbounded, HJ gets 1.83: it sits at 1.5, and the margins set the
        // rest: HV = (5 − 1.5) / 3 = 7/6, FJ = 7/6, FV = (5 − 3.5) / 3 = 1/2 — and these follow the exp form with
        // e^a = FJ × HV / FV = 49/18 > 1.5 (so HJ is indeed at its bound).
        let result = try Raking.rakeWithinBounds(baseWeights: Array(repeating: 1, count: 10), targets: targets2(),
                                                 bounds: TrimBounds(lower: 0.2, upper: 1.5), options: RakingOptions(tolerance: 1e-12))
        #expect(result.converged)
        #expect(abs(result.weights[0] - 1.5) < 1e-9)
        #expect(abs(result.weights[1] - 7.0 / 6) < 1e-9)
        #expect(abs(result.weights[4] - 7.0 / 6) < 1e-9)
        #expect(abs(result.weights[7] - 0.5) < 1e-9)
        #expect(result.weightsAtBounds == 1)
        // Unique: the margins in the other order give the same weights.
        let swapped = try Raking.rakeWithinBounds(baseWeights: Array(repeating: 1, count: 10), targets: targets2().reversed(),
                                                  bounds: TrimBounds(lower: 0.2, upper: 1.5), options: RakingOptions(tolerance: 1e-12))
        #expect(zip(result.weights, swapped.weights).allSatisfy { abs($0 - $1) < 1e-9 })
        // Without binding bounds it is raking: the fixed point of iterative fitting.
        let loose = try Raking.rakeWithinBounds(baseWeights: Array(repeating: 1, count: 10), targets: targets2(),
                                                bounds: TrimBounds(lower: 0.1, upper: 10), options: RakingOptions(tolerance: 1e-12))
        #expect(abs(loose.weights[0] - 5 / (1 + 3.0.squareRoot())) < 1e-9)
        #expect(loose.weightsAtBounds == 0)
    }

    @Test func unreachableBoundsLeaveEveryWeightWithinItsBounds() throws {
        // Capped at 1.2, HJ + 3 HV ≤ 4.8 < 5: the margins cannot be met; the weights still are within [0.2, 1.2].
        let result = try Raking.rakeWithinBounds(baseWeights: Array(repeating: 1, count: 10), targets: targets2(),
                                                 bounds: TrimBounds(lower: 0.2, upper: 1.2), options: RakingOptions(maxIterations: 50))
        #expect(!result.converged)
        #expect(result.weights.allSatisfy { $0 >= 0.2 - 1e-12 && $0 <= 1.2 + 1e-12 })
        #expect(abs(result.weights.reduce(0, +) - 10) < 1e-9)
    }

    @Test func emptyCategoryCannotBeRaked() {
        let error = #expect(throws: SurveyError.self) {
            try Raking.rake(baseWeights: [1, 1], targets: [
                RakingTarget(name: "sexe", categories: [0, 0], shares: [0.5, 0.5], categoryNames: ["H", "F"]),
            ])
        }
        #expect(error?.description.contains("« F » de « sexe »") == true)
    }
}

@Suite("Survey estimates")
struct SurveyEstimateTests {
    @Test func singleQuestionSharesAndIntervals() throws {
        let report = SurveyReport(data: HandMadeSurvey.data, weighting: try HandMadeSurvey.weighting())
        #expect(report.weighting.method == .design)
        let opinion = report.questions[0]
        // Base: respondents 1–3 (the 4th did not answer), weights 2/3, 2/3, 4/3, total 8/3.
        #expect(opinion.base == 3)
        // Kish: n_eff = (8/3)² / (4/9 + 4/9 + 16/9) = (64/9) / (24/9) = 8/3.
        #expect(abs(opinion.effectiveBase - 8.0 / 3) < 1e-12)
        // "1": (2/3) / (8/3) = 0.25; "2": (4/3) / (8/3) = 0.5; "3": 0.25.
        #expect(opinion.answers.map(\.code) == ["1", "2", "3"])
        #expect(zip(opinion.answers.map(\.estimate.share), [0.25, 0.5, 0.25]).allSatisfy { abs($0 - $1) < 1e-12 })
        // Positive: 0.25 + 0.5 = 0.75, V = 4/3 × 14/256 = 0.0729167 (`linearisedVarianceOfADomainWorkedByHand`);
        // deff = V × (3 − 1) / (0.75 × 0.25) = 0.777778, effective size 3 / 0.777778 = 3.857143.
        let positive = try #require(opinion.positive)
        let variance = 4.0 / 3 * 14 / 256
        #expect(abs(positive.share - 0.75) < 1e-12)
        #expect(abs(positive.standardError - variance.squareRoot()) < 1e-12)
        #expect(abs((positive.designEffect ?? 0) - 7.0 / 9) < 1e-12)
        #expect(abs((positive.effectiveSize ?? 0) - 27.0 / 7) < 1e-12)
        // Logit: ln 3 ± t(0.975, 2) × SE / (0.75 × 0.25) = ln 3 ± 4.302653 × 1.440165 → 0.0060724–0.9993216 (R: plogis).
        #expect(positive.interval.method == .logit)
        #expect(positive.interval.degreesOfFreedom == 2)
        #expect(abs(positive.low - 0.00607236738179) < 1e-9)
        #expect(abs(positive.high - 0.99932163090749) < 1e-9)
        #expect(positive.respondents == 2)
        #expect(positive.isSmallBase)
        // Wilson on the effective size 3.86 with the same t quantile.
        let wilson = try #require(SurveyReport(data: HandMadeSurvey.data, weighting: try HandMadeSurvey.weighting(), intervals: .wilson).questions[0].positive)
        let expected = SurveyStatistics.wilsonInterval(share: 0.75, size: 27.0 / 7, z: 4.302652729911275)
        #expect(wilson.interval.method == .wilson)
        #expect(abs(wilson.low - expected.low) < 1e-9 && abs(wilson.high - expected.high) < 1e-9)
    }

    @Test func shareOfZeroFallsBackToWilson() {
        // p = 0: no logit, no design effect; Wilson on the base's size, and the estimate says so.
        let estimate = ShareEstimate(share: 0, variance: 0, respondents: 0, base: 10, method: .logit,
                                     critical: SurveyStatistics.tCriticalValue(degreesOfFreedom: 9))
        #expect(estimate.interval.method == .wilson)
        #expect(estimate.designEffect == nil)
        #expect(estimate.low == 0)
        #expect(estimate.high > 0.2)
    }

    @Test func multipleAnswersCountRespondentsCitingEachItem() throws {
        let report = SurveyReport(data: HandMadeSurvey.data, weighting: try HandMadeSurvey.weighting())
        let assets = report.questions[1]
        // Base: respondents 1–3. a: respondents 1, 2 → (2/3 + 2/3) / (8/3) = 0.5; b: respondent 1 → 0.25;
        // c: respondent 3 → (4/3) / (8/3) = 0.5. Most cited first, ties in questionnaire order; total 125 %.
        #expect(assets.base == 3)
        #expect(assets.answers.map(\.code) == ["a", "c", "b"])
        #expect(zip(assets.answers.map(\.estimate.share), [0.5, 0.5, 0.25]).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(assets.answers.map(\.estimate.respondents) == [2, 1, 1])
        #expect(assets.positive == nil)
        #expect(assets.answers.allSatisfy { $0.estimate.interval.method == .logit })
    }

    @Test func crossTabsSplitTheBaseByCategory() throws {
        let report = SurveyReport(data: HandMadeSurvey.data, weighting: try HandMadeSurvey.weighting())
        let table = try #require(report.crossTabs.first { $0.question == "atouts" && $0.variable == "age" })
        // J: respondents 1, 2 (a;b, a); V: respondent 3 (c) — the 4th did not answer.
        #expect(table.columns.map(\.base) == [2, 1])
        #expect(table.columns.allSatisfy { $0.isSmallBase })
        let a = try #require(table.rows.first { $0.code == "a" })
        #expect(a.cells.map { $0?.share } == [1, 0])
        let c = try #require(table.rows.first { $0.code == "c" })
        #expect(c.cells.map { $0?.share } == [0, 1])
        // Item a: cited by all of J, none of V — a 2 × 2 table [[4/3, 0], [0, 4/3]] whose interaction has no
        // variance (the citing share and the category share are the same estimate): no test.
        #expect(a.test == nil)
        // Item b: respondent 1 only (J). Cell shares (cited J, not J, cited V, not V) = (¼, ¼, 0, ½), margins ¼ | ¾
        // and ½ | ½: X² = 3 × (⅛² / ⅛ + ⅛² / ⅜) × 2 = 1. Both corrections divide it by the one generalised design
        // effect (1 df): X² / δ̄ = F; ν = 3 − 1 (3 respondents, not calibrated).
        let b = try #require(table.rows.first { $0.code == "b" })
        let test = try #require(b.test)
        #expect(abs(test.pearsonChiSquare - 1) < 1e-12)
        #expect(test.degreesOfFreedom == 1)
        #expect(abs(test.firstOrder.chiSquare - 1 / test.meanDesignEffect) < 1e-12)
        #expect(abs(test.secondOrder.f - test.firstOrder.chiSquare) < 1e-12)
        #expect(abs(test.secondOrder.numeratorDegreesOfFreedom - 1) < 1e-12)
        #expect(abs(test.secondOrder.denominatorDegreesOfFreedom - 2) < 1e-12)
        let opinion = try #require(report.crossTabs.first { $0.question == "opinion" })
        #expect(opinion.positive?.cells.map { $0?.share } == [0.5, 1])
        #expect(opinion.test?.degreesOfFreedom == 2) // 3 answers × 2 categories
    }

    @Test func toplineReadsLikeTheSeed() {
        // 89 % of 1,000 with a design effect of 1: V = 0.89 × 0.11 / 999.
        let estimate = ShareEstimate(share: 0.89, variance: 0.89 * 0.11 / 999, respondents: 890, base: 1000, method: .logit,
                                     critical: SurveyStatistics.tCriticalValue(degreesOfFreedom: 999))
        #expect(estimate.frenchText + " portent un regard positif" == "89 % (IC 95 % : 87–91) portent un regard positif")
        #expect(abs((estimate.designEffect ?? 0) - 1) < 1e-12)
        #expect(!estimate.isSmallBase)
        #expect(ShareEstimate(share: 0.5, variance: 0.01, respondents: 10, base: 29, method: .logit, critical: 2).isSmallBase)
    }

    @Test func textReportFlagsSmallBases() throws {
        let text = SurveyReportText.render(SurveyReport(data: HandMadeSurvey.data, weighting: try HandMadeSurvey.weighting()))
        #expect(text.contains("75 % (IC 95 % : 1–100) portent un regard positif  * (3 répondants)"))
        #expect(text.contains("ES 27 pt ; effet de plan 0,78 ; taille efficace 4 ; IC logit"))
        #expect(text.contains("logit"))
        #expect(text.contains("Rao–Scott"))
        #expect(text.contains("F de Rao–Scott"))
    }
}

@Suite("Survey weights preset")
struct SurveyPresetTests {
    @Test func dimensionWeightIsTheShareCitingItAsAssetOrBarrier() throws {
        let weights = try SurveyPreset.weights(data: HandMadeSurvey.data, weighting: try HandMadeSurvey.weighting(), id: "test")
        // Base: respondents who answered atouts or freins: all four, weights 2/3, 2/3, 4/3, 4/3 (total 4).
        // nature: asset a (1, 2) or barrier y (1) → respondents 1, 2 → 4/3 / 4 = 33.3 %.
        // mobilite: barrier x (2, 4) → (2/3 + 4/3) / 4 = 50 %. vie_sociale: b (1) → 2/3 / 4 = 16.7 %.
        #expect(weights.value(.mobilite) == 50)
        #expect(weights.value(.nature) == 33.3)
        #expect(weights.value(.vieSociale) == 16.7)
        #expect(weights.entries.first { $0.dimension == .nature }?.basis == .survey)
        #expect(weights.entries.prefix(3).map(\.dimension) == [.mobilite, .nature, .vieSociale])
        // Every weighable dimension is listed; those no item maps to are shown, not weighed.
        #expect(Set(weights.entries.map(\.dimension)) == Set(AttractivenessDimension.weighable))
        #expect(weights.entries.first { $0.dimension == .sante }?.basis == .notCited)
        #expect(weights.value(.sante) == 0)
        #expect(weights.id == "test")
        // The note gives each side on its own base: atouts (base 3): a → 1, 2 → 50 %; freins (base 3): y → 1 → 2/3 / (8/3) = 25 %.
        let note = try #require(weights.entries.first { $0.dimension == .nature }?.note)
        #expect(note.contains("atouts : 50 %"))
        #expect(note.contains("freins : 25 %"))
        // It round-trips through JSON in the barometer preset's format.
        let decoded = try JSONDecoder().decode(Weights.self, from: JSONEncoder().encode(weights))
        #expect(decoded == weights)
    }

    @Test func surveyWithoutMappedItemsCannotGiveWeights() {
        var questionnaire = HandMadeSurvey.questionnaire
        questionnaire.questions = [questionnaire.questions[0]]
        let data = SurveyData(questionnaire: questionnaire, respondents: [SurveyRespondent(line: 2, profile: [0], answers: [[0]])])
        #expect(throws: SurveyError.self) {
            try SurveyPreset.weights(data: data, weighting: try SurveyWeighting.compute(data, margins: nil))
        }
    }
}
