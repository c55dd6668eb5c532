import Foundation

/// Fits a newcomer model (or a one-predictor baseline) on a `MigrationSample`: ridge regression on standardised
/// scores, λ chosen by cross-validation over whole départements, spatial and temporal out-of-sample predictions.
///
/// λ is chosen on a fixed grid (`lambdaGrid`, as a fraction of the training towns' total weight: with
/// standardised predictors, λ = 1 × Σw halves a lone coefficient) by leave-one-fold-out cross-validation inside
/// the training folds (weighted squared error). The spatial test is nested: for each held-out fold, λ is chosen
/// and the model fitted on the four other folds only (`FoldRecord` lists them).
public struct NewcomerFitter: Sendable {
    /// λ / Σw candidates.
    public static let lambdaGrid: [Double] = [0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1]

    public let sample: MigrationSample
    public let design: RidgeDesign
    /// Standardisation of each predictor column (over the whole sample, missing → 50 first; no outcome used).
    public let means: [Double]
    public let scales: [Double]
    /// Whether λ is chosen on the grid (a model) or 0 (a one-predictor least-squares baseline).
    public let penalised: Bool
    /// The rows of each fold, and each fold's Gram matrix (summed to train on several folds).
    public let foldRows: [[Int]]
    private let foldGrams: [[Double]]

    /// A fitter on predictor columns (one value per sample town, NaN → `missing`), standardised.
    public init(sample: MigrationSample, columns: [[Double]], missing: [Double], penalised: Bool) {
        var means: [Double] = [], scales: [Double] = [], standardised: [[Double]] = []
        for (column, fill) in zip(columns, missing) {
            let filled = column.map { $0.isNaN ? fill : $0 }
            let mean = filled.reduce(0, +) / Double(max(filled.count, 1))
            let variance = filled.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(max(filled.count - 1, 1))
            let scale = variance.squareRoot()
            means.append(mean); scales.append(scale)
            standardised.append(filled.map { scale > 0 ? ($0 - mean) / scale : 0 })
        }
        self.sample = sample
        self.means = means
        self.scales = scales
        self.penalised = penalised
        let design = RidgeDesign(columns: standardised, weights: sample.weights)
        self.design = design
        let rows = (0..<MigrationSample.folds).map { fold in sample.foldOf.indices.filter { sample.foldOf[$0] == fold } }
        foldRows = rows
        foldGrams = rows.map(design.gram(of:))
    }

    /// The fit on `folds` for outcome `y` with λ = `fraction` × their total weight (`fraction` 0: least squares).
    public func fit(folds: [Int], y: [Double], fraction: Double) -> RidgeFit? {
        let gram = elementwiseSum(folds.map { foldGrams[$0] })
        let moment = elementwiseSum(folds.map { design.moment(of: foldRows[$0], y: y) })
        let weight = folds.reduce(0) { $0 + design.totalWeight(of: foldRows[$1]) }
        return RidgeFit.solve(gram: gram, moment: moment, lambda: fraction * weight)
    }

    /// The grid value with the least cross-validated weighted squared error over `folds` (each left out in
    /// turn, fitted on the others), or 0 for an unpenalised fitter.
    public func chooseFraction(folds: [Int], y: [Double]) -> Double {
        guard penalised, folds.count > 1 else { return 0 }
        var best = (fraction: Self.lambdaGrid[0], error: Double.infinity)
        for fraction in Self.lambdaGrid {
            var error = 0.0
            for heldOut in folds {
                guard let fit = fit(folds: folds.filter { $0 != heldOut }, y: y, fraction: fraction) else { error = .infinity; break }
                error += design.squaredError(fit, rows: foldRows[heldOut], y: y)
            }
            if error < best.error { best = (fraction, error) }
        }
        return best.fraction
    }

    /// One outer fold of the spatial cross-validation: the towns held out and the towns the model was fitted on.
    public struct FoldRecord: Sendable, Hashable, Codable {
        public var fold: Int
        public var heldOut: [Int]
        public var training: [Int]
        public var lambdaFraction: Double
    }

    /// Spatial out-of-sample predictions of `y`: each fold predicted by a model chosen and fitted on the others.
    public func crossValidated(y: [Double]) -> (predictions: [Double], folds: [FoldRecord]) {
        var predictions = [Double](repeating: .nan, count: sample.count)
        var records: [FoldRecord] = []
        let all = Array(foldRows.indices)
        for fold in all {
            let training = all.filter { $0 != fold }
            let fraction = chooseFraction(folds: training, y: y)
            guard let fit = fit(folds: training, y: y, fraction: fraction) else { continue }
            for i in foldRows[fold] { predictions[i] = design.predict(fit, row: i) }
            records.append(FoldRecord(fold: fold, heldOut: foldRows[fold], training: training.flatMap { foldRows[$0] }, lambdaFraction: fraction))
        }
        return (predictions, records)
    }

    /// The fit on every town for `y`, λ chosen by cross-validation over the folds.
    public func fitAll(y: [Double]) -> RidgeFit? {
        let all = Array(foldRows.indices)
        return fit(folds: all, y: y, fraction: chooseFraction(folds: all, y: y))
    }

    /// The fitted values of `fit` for every sample town.
    public func predictions(_ fit: RidgeFit) -> [Double] { (0..<sample.count).map { design.predict(fit, row: $0) } }
}

/// An out-of-sample test's figures: ρ (with its département-block interval) and R² of predictions against the
/// observed outcome, every town counting once: R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)².
public struct OutOfSample: Sendable, Hashable, Codable {
    public var rho: Double?
    public var low: Double?
    public var high: Double?
    public var rSquared: Double?

    public init(predictions: [Double], observed: [Double], sample: MigrationSample, bootstrap: BlockBootstrap, draws: [[Double]]) {
        rho = RankCorrelation.spearman(predictions, observed)
        let interval = bootstrap.spearmanInterval(predictions, observed, blockOf: sample.blockOf, draws: draws)
        low = interval?.lowerBound
        high = interval?.upperBound
        let pairs = observed.indices.filter { !observed[$0].isNaN && !predictions[$0].isNaN }
        let mean = pairs.reduce(0) { $0 + observed[$1] } / Double(max(pairs.count, 1))
        let residual = pairs.reduce(0) { $0 + pow(observed[$1] - predictions[$1], 2) }
        let total = pairs.reduce(0) { $0 + pow(observed[$1] - mean, 2) }
        rSquared = total > 0 ? 1 - residual / total : nil
    }
}
