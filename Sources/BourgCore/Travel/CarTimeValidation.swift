import Foundation

/// The car-time estimator checked against real times to one destination (OSRM times to Paris): 5-fold
/// cross-validation over blocks of départements (distinct codes sorted as text, cut into 5 contiguous blocks), so
/// that no time of a held-out département is ever used to fit the model that predicts it (asserted); beside it, a
/// crow-distance baseline (log time quadratic in log straight-line distance) fitted on the same folds. Errors are
/// absolute percentage errors of held-out trips, by range of real time, with the mountain communes apart.
public struct CarTimeValidation: Sendable, Hashable, Codable {
    /// One held-out trip: the real time, the estimate and the baseline's, made by the models of the other folds.
    public struct Trip: Sendable, Hashable, Codable {
        public var code: String
        public var observedMinutes: Double
        public var estimatedMinutes: Double
        public var baselineMinutes: Double
        /// The fold (0…4) the trip's département is held out in.
        public var fold: Int
        /// In a massif of the loi Montagne.
        public var mountain: Bool
    }

    /// The errors on one subset of held-out trips.
    public struct Line: Sendable, Hashable, Codable {
        /// "15–120 min", "120–300 min".
        public var range: String
        /// Every commune, or the mountain communes only.
        public var mountainOnly: Bool
        public var trips: Int
        /// Median and 90th percentile of the absolute percentage error, estimator and baseline.
        public var median: Double
        public var p90: Double
        public var baselineMedian: Double
        public var baselineP90: Double
    }

    /// The INSEE code of the destination.
    public var destination: String
    /// The département codes of each fold.
    public var folds: [[String]]
    /// The model fitted on every trip (what the atlas's estimates use).
    public var model: CarTimeModel
    /// The model of each fold (fitted without that fold's départements).
    public var foldModels: [CarTimeModel]
    /// Every held-out trip with an estimate (outside the excluded communes), in node order.
    public var trips: [Trip]
    /// Errors by range, every commune then the mountain communes.
    public var lines: [Line]

    /// The ranges reported: [15, 120) and [120, 300] minutes of real time.
    public static let ranges: [(label: String, low: Double, high: Double, includesHigh: Bool)] = [
        ("15–120 min", 15, 120, false), ("120–300 min", 120, 300, true),
    ]
    /// How many folds.
    public static let foldCount = 5

    /// The fold of each distinct département: codes sorted as text, cut into `foldCount` contiguous blocks.
    public static func foldOfDepartement(_ departements: [String]) -> [String: Int] {
        let distinct = Array(Set(departements)).sorted()
        var fold: [String: Int] = [:]
        for (k, code) in distinct.enumerated() { fold[code] = k * foldCount / distinct.count }
        return fold
    }

    /// The nodes a fold's model may be fitted on: a real time, not excluded, and not in a département of the fold.
    /// Asserts that none is in the held-out fold.
    public static func training(fold: Int, folds: [Int], observed: [Double], excluded: [Bool]) -> [Bool] {
        let mask = folds.indices.map { folds[$0] != fold && !observed[$0].isNaN && !excluded[$0] }
        precondition(!mask.indices.contains { mask[$0] && folds[$0] == fold }, "a held-out département would be fitted on")
        return mask
    }

    /// Cross-validates the estimator on `graph` towards `destination` (a node). Per node: INSEE `codes`, `departements`,
    /// `observed` minutes (NaN = none), `mountain`, `excluded` (never fitted on nor reported: Corsica), and the
    /// positions the baseline measures from (the destination's too). Held-out nodes stay in the graph (nodes only).
    public static func run(graph: CarTimeGraph, destination: Int, codes: [String], departements: [String], observed: [Double],
                           mountain: [Bool], excluded: [Bool], baselinePositions: [GeoPoint?], rounds: Int = 6) -> CarTimeValidation {
        let n = graph.nodes.count
        precondition([codes.count, departements.count, observed.count, mountain.count, excluded.count, baselinePositions.count].allSatisfy { $0 == n })
        let foldOf = foldOfDepartement(departements)
        let folds = departements.map { foldOf[$0]! }
        var estimated = [Double](repeating: .nan, count: n), baseline = estimated
        var foldModels: [CarTimeModel] = []
        let logDistance: [Double] = baselinePositions.map { position in
            guard let position, let target = baselinePositions[destination] else { return .nan }
            return log(max(position.distanceKm(to: target), 1))
        }
        // The folds' models and the model of every trip are independent: fitted side by side.
        let masks = (0..<foldCount).map { training(fold: $0, folds: folds, observed: observed, excluded: excluded) }
            + [(0..<n).map { !observed[$0].isNaN && !excluded[$0] }]
        var fitted = [CarTimeModel](repeating: .start, count: masks.count)
        var predicted = [[Double]](repeating: [], count: masks.count)
        fitted.withUnsafeMutableBufferPointer { models in
            predicted.withUnsafeMutableBufferPointer { minutes in
                nonisolated(unsafe) let models = models, minutes = minutes
                DispatchQueue.concurrentPerform(iterations: masks.count) { k in
                    models[k] = CarTimeModel.fit(graph: graph, destination: destination, observed: observed, training: masks[k], rounds: rounds)
                    if k < foldCount { minutes[k] = models[k].minutes(to: destination, in: graph) }
                }
            }
        }
        for fold in 0..<foldCount {
            let training = masks[fold]
            foldModels.append(fitted[fold])
            let minutes = predicted[fold]
            // Baseline: log T = b0 + b1 x + b2 x², x = log crow km, least squares on the same training nodes.
            var design: [Double] = [], target: [Double] = []
            for node in 0..<n where training[node] && observed[node] > 0 && !logDistance[node].isNaN {
                let x = logDistance[node]
                design += [1, x, x * x]
                target.append(log(observed[node]))
            }
            let coefficients = LeastSquares.solve(design: design, target: target, columns: 3)
            for node in 0..<n where folds[node] == fold {
                estimated[node] = minutes[node]
                if let b = coefficients, !logDistance[node].isNaN {
                    let x = logDistance[node]
                    baseline[node] = exp(b[0] + b[1] * x + b[2] * x * x)
                }
            }
        }
        let model = fitted[foldCount]
        var trips: [Trip] = []
        for node in 0..<n where !excluded[node] && !observed[node].isNaN && !estimated[node].isNaN && !baseline[node].isNaN {
            trips.append(Trip(code: codes[node], observedMinutes: observed[node], estimatedMinutes: estimated[node],
                              baselineMinutes: baseline[node], fold: folds[node], mountain: mountain[node]))
        }
        let distinct = Array(Set(departements)).sorted()
        return CarTimeValidation(
            destination: codes[destination], folds: (0..<foldCount).map { fold in distinct.filter { foldOf[$0] == fold } },
            model: model, foldModels: foldModels, trips: trips, lines: lines(trips))
    }

    /// The error lines of `trips`: each range for every commune, then for the mountain communes.
    public static func lines(_ trips: [Trip]) -> [Line] {
        var lines: [Line] = []
        for mountainOnly in [false, true] {
            for range in ranges {
                let subset = trips.filter { trip in
                    (!mountainOnly || trip.mountain) && trip.observedMinutes >= range.low
                        && (range.includesHigh ? trip.observedMinutes <= range.high : trip.observedMinutes < range.high)
                }
                func errors(_ value: (Trip) -> Double) -> [Double] {
                    subset.map { abs(value($0) - $0.observedMinutes) / $0.observedMinutes * 100 }.sorted()
                }
                let estimator = errors(\.estimatedMinutes), base = errors(\.baselineMinutes)
                lines.append(Line(range: range.label, mountainOnly: mountainOnly, trips: subset.count,
                                  median: Statistics.quantile(sorted: estimator, 0.5) ?? .nan, p90: Statistics.quantile(sorted: estimator, 0.9) ?? .nan,
                                  baselineMedian: Statistics.quantile(sorted: base, 0.5) ?? .nan, baselineP90: Statistics.quantile(sorted: base, 0.9) ?? .nan))
            }
        }
        return lines
    }

    /// The held-out median error on trips of 15–120 min, in percent: what an estimate's "± N %" says.
    public var typicalErrorPercent: Double? {
        lines.first { !$0.mountainOnly && $0.range == Self.ranges[0].label }.map(\.median).flatMap { $0.isNaN ? nil : $0 }
    }

    /// The held-out table as CSV: `code,osrm_minutes,estimated_minutes` (minutes to 0.1).
    public var heldOutCSV: String {
        var text = "code,osrm_minutes,estimated_minutes\n"
        for trip in trips {
            text += "\(trip.code),\(String(format: "%.1f", trip.observedMinutes)),\(String(format: "%.1f", trip.estimatedMinutes))\n"
        }
        return text
    }
}
