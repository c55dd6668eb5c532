import Foundation
import Testing
@testable import BourgCore

/// SYNTHETIC data for the validation against migration: every matrix here is generated from a seeded
/// generator (nobody's town), so that the true coefficients and correlations are known.
enum SyntheticMigration {
    /// A standard normal draw (Box–Muller).
    static func normal(_ generator: inout SplitMix64) -> Double {
        (-2 * log(generator.nextDouble())).squareRoot() * cos(2 * Double.pi * generator.nextDouble())
    }

    static func definition(_ id: String, _ dimension: AttractivenessDimension, _ direction: Direction,
                           kind: IndicatorKind = .quantity, source: String = "synthetic") -> IndicatorDefinition {
        IndicatorDefinition(id: id, label: id, unit: "", dimension: dimension, direction: direction, kind: kind,
                            sources: [source], vintage: "2024", definition: "synthetic")
    }

    /// The true coefficients of x1, x2, x3 (raw units, each x standard normal) in y = 0.4 + Σ βx + noise.
    static let coefficients = [0.5, -0.3, 0.0]

    /// A synthetic atlas of `towns` towns in `departements` départements: three indicators x1–x3, the two outcome
    /// periods (each y = 0.4 + 0.5 x1 − 0.3 x2 + noise of sd `noise`), distance and attraction-area category.
    static func matrix(towns: Int = 600, departements: Int = 30, noise: Double = 0.05, seed: UInt64 = 7) -> (matrix: IndicatorMatrix, x: [[Double]]) {
        var generator = SplitMix64(seed: seed)
        let indicators = [
            definition("x1", .sante, .higherIsBetter), definition("x2", .nature, .higherIsBetter), definition("x3", .mobilite, .lowerIsBetter),
            definition(MigrationSample.latestID, .dynamique, .neutral, source: PredictorRole.outcomeSource),
            definition(MigrationSample.earlierID, .dynamique, .neutral, source: PredictorRole.outcomeSource),
            definition(MigrationSample.distanceID, .metropole, .lowerIsBetter),
            definition(MigrationSample.attractionCategoryID, .emploi, .neutral, kind: .category),
        ]
        var communes: [Commune] = [], values: [Double] = [], xs: [[Double]] = [[], [], []]
        for town in 0..<towns {
            let departement = String(format: "%02d", town % departements + 1)
            communes.append(Commune(code: String(format: "%05d", town), name: "Synthetic \(town)", departement: departement,
                                    population: 2_500 + Int(generator.next() % 22_500)))
            let x = (0..<3).map { _ in normal(&generator) }
            for k in 0..<3 { xs[k].append(x[k]) }
            func outcome() -> Double { 0.4 + zip(coefficients, x).reduce(0) { $0 + $1.0 * $1.1 } + noise * normal(&generator) }
            values += x + [outcome(), outcome(), Double(generator.next() % 200), [11, 12, 13, 20, 30][Int(generator.next() % 5)]]
        }
        return (IndicatorMatrix(communes: communes, indicators: indicators, values: values), xs)
    }

    static func sample(noise: Double = 0.05) throws -> (sample: MigrationSample, x: [[Double]]) {
        let (matrix, x) = matrix(noise: noise)
        let sample = try MigrationSample(scores: PeerScores(matrix: matrix, group: .smallTowns))
        return (sample, sample.positions.indices.map { i in (0..<3).map { x[$0][sample.scores.members[sample.positions[i]]] } }
            .reduce(into: [[Double]](repeating: [], count: 3)) { columns, row in for k in 0..<3 { columns[k].append(row[k]) } })
    }
}

@Suite struct RankCorrelationTests {
    @Test func averageRanksShareTies() {
        #expect(RankCorrelation.averageRanks([1, 2, 2, 3]) == [1, 2.5, 2.5, 4])
        #expect(RankCorrelation.averageRanks([5, 5, 5]) == [2, 2, 2])
    }

    @Test func spearmanOfAHandWorkedExample() throws {
        // d = −1, 1, −1, 1, 0: ρ = 1 − 6 × 4 / (5 × 24) = 0.8.
        let rho = try #require(RankCorrelation.spearman([1, 2, 3, 4, 5], [2, 1, 4, 3, 5]))
        #expect(abs(rho - 0.8) < 1e-12)
        #expect(RankCorrelation.spearman([1, 2, 3, .nan], [3, 2, 1, 9]) == -1)
    }

    @Test func resamplingRanksAsIfRowsWereRepeated() throws {
        let x = [3.0, 1, 4, 1, 5, 9, 2, 6], y = [2.0, 7, 1, 8, 2, 8, 1, 8]
        let pairs = ResamplableSpearman(x, y)
        #expect(abs(try #require(pairs.value) - (try #require(RankCorrelation.spearman(x, y)))) < 1e-12)
        let multiplicity: [Double] = [2, 0, 1, 3, 1, 1, 0, 1]
        var repeatedX: [Double] = [], repeatedY: [Double] = []
        for (k, m) in multiplicity.enumerated() { for _ in 0..<Int(m) { repeatedX.append(x[k]); repeatedY.append(y[k]) } }
        let expected = try #require(RankCorrelation.spearman(repeatedX, repeatedY))
        #expect(abs(try #require(pairs.value(multiplicity: multiplicity)) - expected) < 1e-12)
    }

    @Test func partialCorrelationRemovesASharedCause() throws {
        var generator = SplitMix64(seed: 3)
        let cause = (0..<500).map { _ in SyntheticMigration.normal(&generator) }
        let x = cause.map { $0 + 0.3 * SyntheticMigration.normal(&generator) }
        let y = cause.map { $0 + 0.3 * SyntheticMigration.normal(&generator) }
        #expect(try #require(RankCorrelation.spearman(x, y)) > 0.7)
        #expect(abs(try #require(RankCorrelation.partialSpearman(x, y, controls: [cause]))) < 0.15)
    }

    /// Seeded simulation: towns in 30 départements, each with a shared effect, x and y bivariate normal with
    /// r = 0.5, so that the true Spearman ρ is (6/π) asin(r/2) ≈ 0.4826; the 95 % interval must cover it in
    /// roughly 95 % of 80 simulated samples.
    @Test func blockBootstrapIntervalCoversTheTrueRhoAtAboutTheNominalRate() {
        let r = 0.5, truth = 6 / Double.pi * asin(r / 2)
        var generator = SplitMix64(seed: 11)
        func correlatedPair() -> (Double, Double) {
            let a = SyntheticMigration.normal(&generator), b = SyntheticMigration.normal(&generator)
            return (a, r * a + (1 - r * r).squareRoot() * b)
        }
        let bootstrap = BlockBootstrap(resamples: 400, seed: 5)
        let blocks = 30, perBlock = 10
        let blockOf = (0..<(blocks * perBlock)).map { $0 / perBlock }
        let draws = bootstrap.blockCounts(blockCount: blocks)
        var covered = 0
        let simulations = 80
        for _ in 0..<simulations {
            let effects = (0..<blocks).map { _ in correlatedPair() }
            var x: [Double] = [], y: [Double] = []
            for i in 0..<(blocks * perBlock) {
                let own = correlatedPair(), shared = effects[blockOf[i]]
                x.append((shared.0 + own.0) / 2.0.squareRoot())
                y.append((shared.1 + own.1) / 2.0.squareRoot())
            }
            if let interval = bootstrap.spearmanInterval(x, y, blockOf: blockOf, draws: draws), interval.contains(truth) { covered += 1 }
        }
        let rate = Double(covered) / Double(simulations)
        #expect((0.85...1.0).contains(rate), "coverage \(rate)")
    }

    @Test func sameSeedSameInterval() {
        let x = (0..<100).map { Double($0 % 17) }, y = (0..<100).map { Double(($0 * 7) % 23) }
        let blockOf = (0..<100).map { $0 / 10 }
        let bootstrap = BlockBootstrap(resamples: 200)
        let a = bootstrap.spearmanInterval(x, y, blockOf: blockOf, draws: bootstrap.blockCounts(blockCount: 10))
        let b = bootstrap.spearmanInterval(x, y, blockOf: blockOf, draws: bootstrap.blockCounts(blockCount: 10))
        #expect(a != nil && a == b)
    }

    @Test("the shared-resample intervals are exactly the one-by-one intervals, complete columns or not (synthetic)")
    func sharedResamplesGiveTheSameIntervals() {
        let y = (0..<120).map { Double(($0 * 7) % 23) }
        let first: [Double] = (0..<120).map { Double($0 % 17) }
        let second: [Double] = (0..<120).map { (i: Int) -> Double in Double((i * 5) % 11) + 0.5 * Double(i % 3) }
        let incomplete: [Double] = (0..<120).map { (i: Int) -> Double in i % 9 == 0 ? .nan : Double(i % 13) }  // resampled on its own
        let xs = [first, second, incomplete]
        let blockOf = (0..<120).map { $0 / 12 }
        let bootstrap = BlockBootstrap(resamples: 300)
        let draws = bootstrap.blockCounts(blockCount: 10)
        let shared = bootstrap.spearmanIntervals(xs, y, blockOf: blockOf, draws: draws)
        #expect(shared == xs.map { bootstrap.spearmanInterval($0, y, blockOf: blockOf, draws: draws) })
        #expect(shared.allSatisfy { $0 != nil })
    }
}

@Suite struct NewcomerModelTests {
    @Test func choleskySolvesASmallSystem() throws {
        // [[4, 2], [2, 3]] x = [2, 1] → x = [0.5, 0].
        let x = try #require(Cholesky.solve([4, 2, 2, 3], [2, 1], size: 2))
        #expect(abs(x[0] - 0.5) < 1e-12 && abs(x[1]) < 1e-12)
        #expect(Cholesky.solve([1, 2, 2, 1], [1, 1], size: 2) == nil)
    }

    @Test func theFitRecoversTheCoefficientsOfASyntheticLinearOutcome() throws {
        let (sample, x) = try SyntheticMigration.sample()
        let fitter = NewcomerFitter(sample: sample, columns: x, missing: [0, 0, 0], penalised: true)
        let fit = try #require(fitter.fitAll(y: sample.latest))
        for k in 0..<3 {
            // Standardised coefficient = raw coefficient × the column's standard deviation.
            let recovered = fit.coefficients[k] / fitter.scales[k]
            #expect(abs(recovered - SyntheticMigration.coefficients[k]) < 0.03, "x\(k + 1): \(recovered)")
        }
        let intercept = fit.intercept - zip(fit.coefficients, zip(fitter.means, fitter.scales)).reduce(0) { $0 + $1.0 * $1.1.0 / $1.1.1 }
        #expect(abs(intercept - 0.4) < 0.03)
    }

    @Test func crossValidationNeverFitsOnAHeldOutTown() throws {
        let (sample, x) = try SyntheticMigration.sample(noise: 0.3)
        let fitter = NewcomerFitter(sample: sample, columns: x, missing: [0, 0, 0], penalised: true)
        let (predictions, folds) = fitter.crossValidated(y: sample.latest)
        #expect(folds.count == MigrationSample.folds)
        var seen = Set<Int>()
        for record in folds {
            #expect(Set(record.heldOut).isDisjoint(with: record.training), "fold \(record.fold) fits on a held-out town")
            #expect(Set(record.heldOut).union(record.training).count == sample.count)
            // Whole départements: no département on both sides.
            #expect(Set(record.heldOut.map { sample.blockOf[$0] }).isDisjoint(with: Set(record.training.map { sample.blockOf[$0] })))
            seen.formUnion(record.heldOut)
        }
        #expect(seen.count == sample.count)
        // Changing the held-out towns' outcome changes none of their predictions.
        let heldOut = folds[0].heldOut
        var changed = sample.latest
        for i in heldOut { changed[i] += 100 }
        let again = fitter.crossValidated(y: changed).predictions
        #expect(heldOut.allSatisfy { again[$0] == predictions[$0] })
    }

    @Test func foldsAreWholeDepartementsAndDeterministic() {
        let sizes = [40, 10, 25, 5, 30, 30, 12, 8, 20, 20]
        let a = MigrationSample.assignFolds(blockSizes: sizes, folds: 5, seed: 1)
        #expect(a == MigrationSample.assignFolds(blockSizes: sizes, folds: 5, seed: 1))
        #expect(Set(a) == Set(0..<5))
    }

    @Test func contributionsSumToThePrediction() throws {
        let (matrix, _) = SyntheticMigration.matrix()
        let sample = try MigrationSample(scores: PeerScores(matrix: matrix, group: .smallTowns))
        let report = try NewcomerValidation(sample: sample, bootstrap: BlockBootstrap(resamples: 50)).report(weightings: [.equal])
        let model = try #require(report.model(.amenity))
        let prediction = model.predict(scores: [80, nil, 10] + Array(repeating: 50, count: model.predictors.count - 3))
        #expect(abs(prediction.intercept + prediction.contributions.reduce(0, +) - prediction.value) < 1e-12)
        // The towns' in-sample predictions are the model's, decomposed.
        let inputs = NewcomerInputs(model: model, sample: sample)
        for town in report.towns.prefix(20) {
            let own = try #require(inputs.prediction(ofCommune: town.code))
            #expect(abs(own.value - town.predicted) < 1e-9)
            #expect(abs(own.intercept + own.contributions.reduce(0, +) - own.value) < 1e-12)
        }
        // The synthetic outcome follows x1 up and x2 down: x1 (santé) gets the revealed weight.
        #expect((report.revealed.value(.sante)) > 50)
        #expect(report.revealed.value(.nature) == 0)
        #expect(report.outOfSample.first { $0.id == "amenity" }!.temporal.rho! > 0.8)
    }

    @Test func leakageGuardKeepsOutcomesOutOfThePredictors() throws {
        // An outcome-derived indicator mislabelled as directional, one from the migration source, supply before and during the window.
        let catalogue = [
            SyntheticMigration.definition("x1", .sante, .higherIsBetter),
            SyntheticMigration.definition("croissance_population_2016_2022", .dynamique, .higherIsBetter),
            SyntheticMigration.definition("nouvel_indicateur", .emploi, .higherIsBetter, source: PredictorRole.outcomeSource),
            SyntheticMigration.definition("part_menages_emmenages_moins_5ans_2022", .logement, .higherIsBetter),
            SyntheticMigration.definition("logements_autorises_2013_2015_pour_1000", .logement, .neutral),
            SyntheticMigration.definition("logements_commences_2021_2023_pour_1000", .logement, .higherIsBetter),
        ]
        let scored = [0, 1, 2, 3, 5]
        let amenity = NewcomerModelKind.amenity.predictors(in: catalogue, scored: scored).map { catalogue[$0].id }
        let supply = NewcomerModelKind.supplyAware.predictors(in: catalogue, scored: scored).map { catalogue[$0].id }
        #expect(amenity == ["x1"])
        #expect(supply == ["x1", "logements_autorises_2013_2015_pour_1000"])
        #expect(throws: LeakageError.self) { try NewcomerModel.checkLeakage(kind: .amenity, predictors: [catalogue[1]]) }
        #expect(throws: LeakageError.self) { try NewcomerModel.checkLeakage(kind: .supplyAware, predictors: [catalogue[5]]) }
        #expect(throws: LeakageError.self) { try NewcomerModel.checkLeakage(kind: .amenity, predictors: [catalogue[4]]) }
        try NewcomerModel.checkLeakage(kind: .supplyAware, predictors: [catalogue[0], catalogue[4]])
    }
}
