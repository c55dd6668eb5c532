import Foundation

/// The validation of Bourg's scores against where people move, and the newcomer models: what `bourg data build`
/// computes and stores, `bourg validate` prints and `/validation` shows.
public struct ValidationReport: Sendable, Hashable, Codable {
    /// What the figures were computed on, in words and numbers.
    public var provenance: ValidationProvenance
    /// ρ of the outcome with each composite, dimension and indicator.
    public var correlations: [CorrelationRow]
    /// Temporal and spatial out-of-sample figures of the models and the baselines.
    public var outOfSample: [OutOfSampleRow]
    /// The amenity and supply-aware models fitted on 2016–2022 (the product's), and the amenity model fitted on
    /// 2011–2016 (the temporal test's).
    public var models: [NewcomerModel]
    /// Mean net migration by decile of the barometer composite, with its interval.
    public var deciles: [DecileRow]
    /// The per-town table.
    public var towns: [TownValidation]
    /// The revealed weighting (`revelee`), from the amenity model fitted on 2016–2022.
    public var revealed: Weights

    /// The model of `kind` fitted on the latest period.
    public func model(_ kind: NewcomerModelKind) -> NewcomerModel? {
        models.first { $0.kind == kind && $0.provenance.contains(ValidationProvenance.latestPeriod) }
    }

    /// A town's row, by code.
    public func town(_ code: String) -> TownValidation? { towns.first { $0.code == code } }
}

/// What a validation was computed on.
public struct ValidationProvenance: Sendable, Hashable, Codable {
    public static let latestPeriod = "2016–2022"
    public static let earlierPeriod = "2011–2016"
    public var outcome: String
    public var earlierOutcome: String
    public var inflowProxy: String
    public var towns: Int
    public var departements: Int
    public var folds: Int
    public var resamples: Int
    public var seed: UInt64
    public var lambdaGrid: [Double]
    public var weighting: String
    public var scores: String
}

/// Spearman's ρ between net migration 2016–2022 and one measure, over the sample's towns with a value.
public struct CorrelationRow: Sendable, Hashable, Codable {
    /// `composite`, `dimension` or `indicator`.
    public var kind: String
    public var id: String
    public var label: String
    public var towns: Int
    public var rho: Double?
    /// 95 % interval, resampling whole départements.
    public var low: Double?
    public var high: Double?
    /// ρ weighted by the towns' fit weights (√ population).
    public var weightedRho: Double?
    /// Partial ρ holding distance to a pole of ≥ 200,000 and the attraction-area category fixed.
    public var partialRho: Double?
    /// ρ with the share of households moved in less than 5 years ago (gross-inflow proxy).
    public var inflowRho: Double?
    /// For an indicator: what it is in the newcomer model (`PredictorRole`), and whether its value is scored.
    public var role: String?
}

/// One model's or baseline's out-of-sample figures.
public struct OutOfSampleRow: Sendable, Hashable, Codable {
    public var id: String
    public var label: String
    /// Fitted on 2011–2016, predicting 2016–2022 (persistence: the 2011–2016 rate itself).
    public var temporal: OutOfSample
    /// 5-fold cross-validation by blocks of départements on 2016–2022.
    public var spatial: OutOfSample
}

/// Net migration by decile of the barometer composite.
public struct DecileRow: Sendable, Hashable, Codable {
    public var decile: Int
    public var towns: Int
    public var compositeLow: Double
    public var compositeHigh: Double
    public var meanMigration: Double
    public var low: Double?
    public var high: Double?
}

/// A town's row of the exported table: its composite, observed and predicted net migration.
public struct TownValidation: Sendable, Hashable, Codable {
    public var code: String
    public var name: String
    public var departement: String
    public var population: Int?
    /// Barometer composite (nil when not ranked).
    public var composite: Double?
    /// Net migration 2016–2022 and 2011–2016, % per year.
    public var observed: Double
    public var observedEarlier: Double
    /// Amenity model fitted on 2016–2022 (in sample).
    public var predicted: Double
    /// Amenity model fitted on 2011–2016, predicting 2016–2022 (temporal out-of-sample).
    public var temporal: Double
    /// Amenity model fitted without the town's fold of départements (spatial out-of-sample).
    public var spatial: Double
    /// Supply-aware model, temporal out-of-sample.
    public var supplyAwareTemporal: Double
    /// observed − predicted.
    public var residual: Double
    /// Share (0–100) of the sample's towns with a smaller residual.
    public var residualPercentile: Double
}

/// Computes the `ValidationReport` of a set of peers.
public struct NewcomerValidation: Sendable {
    public let sample: MigrationSample
    public let bootstrap: BlockBootstrap
    /// Block counts of every resample (shared by every interval: each ρ is resampled the same way).
    public let draws: [[Double]]

    public init(sample: MigrationSample, bootstrap: BlockBootstrap = BlockBootstrap()) {
        self.sample = sample
        self.bootstrap = bootstrap
        draws = bootstrap.blockCounts(blockCount: sample.blocks.count)
    }

    /// One model kind fitted: its fitter and predictor keys, its fits on both periods and its spatial predictions.
    struct FittedKind: Sendable {
        var fitter: NewcomerFitter
        var keys: [String]
        var latest: RidgeFit
        var earlier: RidgeFit
        var spatial: [Double]
    }

    /// A fitter for a model kind; throws `LeakageError` if the leakage rule would let an outcome in.
    public func fitter(_ kind: NewcomerModelKind) throws -> (fitter: NewcomerFitter, keys: [String]) {
        let keys = sample.predictorKeys(try kind.checkedPredictors(in: sample))
        return (NewcomerFitter(sample: sample, columns: keys.map(sample.scoreColumn(key:)), missing: keys.map { _ in NewcomerModel.missingScore },
                               penalised: true), keys)
    }

    /// A model from a fit.
    func model(_ kind: NewcomerModelKind, fitter: NewcomerFitter, columns keys: [String], fit: RidgeFit, period: String, outcome: String) -> NewcomerModel {
        let matrix = sample.scores.matrix
        let definitions = keys.map { matrix.indicators[matrix.indicator(String($0.split(separator: "=")[0]))!] }
        return NewcomerModel(
            kind: kind, predictors: keys, dimensions: definitions.map(\.dimension),
            roles: definitions.map(PredictorRole.of),
            means: fitter.means, scales: fitter.scales, fit: fit,
            provenance: "Solde migratoire apparent \(period) (\(outcome)), \(sample.count) petites villes de \(sample.blocks.count) départements, "
                + "poids √(population / 2 500), ridge λ = \(fit.lambda) (choisi par validation croisée en 5 blocs de départements "
                + "sur la grille λ/Σw ∈ \(NewcomerFitter.lambdaGrid)), prédicteurs : notes percentiles des petites villes stockées à la construction (manquante → 50), standardisées")
    }

    /// The correlation row of one measure (one value per peer of the sample's scores, NaN = missing).
    public func correlation(kind: String, id: String, label: String, perPeer: [Double], role: String? = nil) -> CorrelationRow {
        let x = sample.restricted(perPeer)
        return correlation(kind: kind, id: id, label: label, x: x, role: role,
                           interval: bootstrap.spearmanInterval(x, sample.latest, blockOf: sample.blockOf, draws: draws))
    }

    /// The correlation row of one measure restricted to the sample (`x`), its bootstrap interval given.
    func correlation(kind: String, id: String, label: String, x: [Double], role: String?, interval: ClosedRange<Double>?) -> CorrelationRow {
        return CorrelationRow(
            kind: kind, id: id, label: label, towns: x.filter { !$0.isNaN }.count,
            rho: RankCorrelation.spearman(x, sample.latest), low: interval?.lowerBound, high: interval?.upperBound,
            weightedRho: RankCorrelation.spearman(x, sample.latest, weights: sample.weights),
            partialRho: RankCorrelation.partialSpearman(x, sample.latest, controls: sample.controls),
            inflowRho: RankCorrelation.spearman(x, sample.inflow), role: role)
    }

    /// The correlation row of a weighting's composite.
    public func correlation(_ weights: Weights) -> CorrelationRow {
        correlation(kind: "composite", id: weights.id, label: weights.label, perPeer: sample.scores.composites(weights))
    }

    /// The whole report; `weightings` are the composites to test (the revealed one is added).
    public func report(weightings: [Weights]) throws -> ValidationReport {
        let scores = sample.scores, matrix = scores.matrix
        // Models: the two kinds fitted at once (each: λ by CV, fits on both periods, nested spatial CV).
        let kinds: [NewcomerModelKind] = [.amenity, .supplyAware]
        for kind in kinds { _ = try kind.checkedPredictors(in: sample) }
        let fitted = parallelMap(kinds.count) { k -> FittedKind in
            let (fitter, keys) = try! fitter(kinds[k])
            return FittedKind(fitter: fitter, keys: keys, latest: fitter.fitAll(y: sample.latest)!, earlier: fitter.fitAll(y: sample.earlier)!,
                              spatial: fitter.crossValidated(y: sample.latest).predictions)
        }
        let amenity = fitted[0].fitter, supply = fitted[1].fitter
        let models = [
            model(.amenity, fitter: amenity, columns: fitted[0].keys, fit: fitted[0].latest, period: ValidationProvenance.latestPeriod, outcome: MigrationSample.latestID),
            model(.supplyAware, fitter: supply, columns: fitted[1].keys, fit: fitted[1].latest, period: ValidationProvenance.latestPeriod, outcome: MigrationSample.latestID),
            model(.amenity, fitter: amenity, columns: fitted[0].keys, fit: fitted[0].earlier, period: ValidationProvenance.earlierPeriod, outcome: MigrationSample.earlierID),
        ]
        let revealed = models[0].revealedPreset(citation: "Poids révélés par les arrivées : pour chaque dimension, la somme des coefficients positifs (sur les notes standardisées) du modèle des aménités ajusté sur le solde migratoire apparent 2016–2022 des petites villes, en % du total ; les associations négatives sont montrées, pas pondérées. Une association, pas une cause.")
        let amenityTemporal = amenity.predictions(fitted[0].earlier), amenitySpatial = fitted[0].spatial
        let supplyTemporal = supply.predictions(fitted[1].earlier), supplySpatial = fitted[1].spatial
        func row(_ id: String, _ label: String, temporal: [Double], spatial: [Double]) -> OutOfSampleRow {
            OutOfSampleRow(id: id, label: label,
                           temporal: OutOfSample(predictions: temporal, observed: sample.latest, sample: sample, bootstrap: bootstrap, draws: draws),
                           spatial: OutOfSample(predictions: spatial, observed: sample.latest, sample: sample, bootstrap: bootstrap, draws: draws))
        }
        /// A one-predictor least-squares baseline: fitted on 2011–2016 for the temporal test, in the folds for the spatial one.
        func baseline(_ id: String, _ label: String, _ column: [Double]) -> OutOfSampleRow {
            let present = column.filter { !$0.isNaN }.sorted()
            let fitter = NewcomerFitter(sample: sample, columns: [column], missing: [Statistics.quantile(sorted: present, 0.5) ?? 0], penalised: false)
            let temporal = fitter.fit(folds: Array(fitter.foldRows.indices), y: sample.earlier, fraction: 0).map(fitter.predictions) ?? []
            return row(id, label, temporal: temporal, spatial: fitter.crossValidated(y: sample.latest).predictions)
        }
        let barometre = weightings.first { $0.id == "barometre" } ?? weightings[0]
        let barometreComposite = sample.restricted(scores.composites(barometre))
        var persistence = baseline("persistence", "Persistance (solde 2011–2016 seul)", sample.earlier)
        persistence.temporal = OutOfSample(predictions: sample.earlier, observed: sample.latest, sample: sample, bootstrap: bootstrap, draws: draws)
        let outOfSample = [
            row("amenity", "Modèle des aménités", temporal: amenityTemporal, spatial: amenitySpatial),
            row("supply-aware", "Modèle avec offre de logements 2013–2015", temporal: supplyTemporal, spatial: supplySpatial),
            persistence,
            baseline("distance", "Distance à un pôle de 200 000 hab., seule", matrix.indicator(MigrationSample.distanceID).map(sample.rawColumn) ?? []),
            baseline("barometre", "Note composite du baromètre, seule", barometreComposite),
        ]
        // Correlations, each with its bootstrap interval: computed on every core.
        var jobs: [(kind: String, id: String, label: String, perPeer: [Double], role: String?)] = (weightings + [revealed]).map {
            ("composite", $0.id, $0.label, scores.composites($0), nil)
        }
        for (d, dimension) in scores.dimensions.enumerated() where scores.indicatorsPerDimension[d] > 0 {
            let perPeer = (0..<scores.members.count).map { scores.dimensionScores[$0 * scores.dimensions.count + d] }
            jobs.append(("dimension", dimension.rawValue, dimension.label, perPeer, nil))
        }
        for (column, definition) in matrix.indicators.enumerated() where definition.kind != .category && definition.id != MigrationSample.latestID {
            let scored = scores.scoredIndicators.contains(column)
            let perPeer = (0..<scores.members.count).map { position in
                scored ? (scores.indicatorScore(position, column: column) ?? .nan) : (matrix.value(commune: scores.members[position], indicator: column) ?? .nan)
            }
            guard sample.restricted(perPeer).filter({ !$0.isNaN }).count >= 100 else { continue }
            jobs.append(("indicator", definition.id, definition.label, perPeer, PredictorRole.of(definition).rawValue))
        }
        let work = jobs
        let restricted = work.map { sample.restricted($0.perPeer) }
        let intervals = bootstrap.spearmanIntervals(restricted, sample.latest, blockOf: sample.blockOf, draws: draws)
        let correlations = parallelMap(work.count) { k in
            correlation(kind: work[k].kind, id: work[k].id, label: work[k].label, x: restricted[k], role: work[k].role, interval: intervals[k])
        }
        // Towns.
        let predicted = amenity.predictions(fitted[0].latest)
        let residuals = sample.latest.indices.map { sample.latest[$0] - predicted[$0] }
        let residualRanks = Statistics.percentileRanks(residuals)
        let towns = sample.positions.indices.map { i in
            let commune = matrix.communes[scores.members[sample.positions[i]]]
            return TownValidation(
                code: commune.code, name: commune.name, departement: commune.departement, population: commune.population,
                composite: barometreComposite[i].isNaN ? nil : barometreComposite[i], observed: sample.latest[i], observedEarlier: sample.earlier[i],
                predicted: predicted[i], temporal: amenityTemporal[i], spatial: amenitySpatial[i], supplyAwareTemporal: supplyTemporal[i],
                residual: residuals[i], residualPercentile: residualRanks[i])
        }
        return ValidationReport(
            provenance: ValidationProvenance(
                outcome: MigrationSample.latestID, earlierOutcome: MigrationSample.earlierID, inflowProxy: MigrationSample.inflowID,
                towns: sample.count, departements: sample.blocks.count, folds: MigrationSample.folds, resamples: bootstrap.resamples,
                seed: bootstrap.seed, lambdaGrid: NewcomerFitter.lambdaGrid,
                weighting: "√(population 2021 / 2 500) in fits; every town counts once in ρ and R²",
                scores: "percentile scores of the small towns (\(scores.group.label)), stored at build"),
            correlations: correlations, outOfSample: outOfSample, models: models,
            deciles: deciles(barometreComposite), towns: towns, revealed: revealed)
    }

    /// Mean net migration by decile of `composite` (sample values), with block-bootstrap intervals.
    func deciles(_ composite: [Double]) -> [DecileRow] {
        let ranked = composite.indices.filter { !composite[$0].isNaN }.sorted { composite[$0] < composite[$1] }
        guard ranked.count >= 10 else { return [] }
        return (0..<10).map { decile in
            let members = Array(ranked[(decile * ranked.count / 10)..<((decile + 1) * ranked.count / 10)])
            let mean = members.reduce(0) { $0 + sample.latest[$1] } / Double(members.count)
            let interval = bootstrap.interval(draws: draws) { counts in
                var total = 0.0, weight = 0.0
                for i in members { let m = counts[sample.blockOf[i]]; total += m * sample.latest[i]; weight += m }
                return weight > 0 ? total / weight : nil
            }
            return DecileRow(decile: decile + 1, towns: members.count, compositeLow: composite[members.first!], compositeHigh: composite[members.last!],
                             meanMigration: mean, low: interval?.lowerBound, high: interval?.upperBound)
        }
    }
}
