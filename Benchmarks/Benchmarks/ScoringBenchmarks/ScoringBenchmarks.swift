import Benchmark
import BourgCore
import BourgData
import Foundation

/// The atlas the benchmarks read: $BOURG_ATLAS, else ../data/bourg.sqlite (built by `scripts/run`).
private let atlasPath = ProcessInfo.processInfo.environment["BOURG_ATLAS"] ?? "../data/bourg.sqlite"

/// Loaded as the command-line tool and the server load it.
private let atlas: LoadedAtlas = {
    do {
        return try LoadedAtlas(path: atlasPath)
    } catch {
        fatalError("benchmarks need the atlas at \(atlasPath) (build it with scripts/run): \(error)")
    }
}()

private var matrix: IndicatorMatrix { try! atlas.wholeMatrix() }

nonisolated(unsafe) let benchmarks: @Sendable () -> Void = {
    let smallTowns = PeerScores(matrix: matrix, group: .smallTowns)
    let ratings: [[AttractivenessDimension: Double]] = (0..<64).map { seed in
        var generator = SplitMix64(seed: UInt64(seed))
        return Dictionary(uniqueKeysWithValues: AttractivenessDimension.weighable.map { ($0, Double(generator.next() % 6)) })
            .merging([.nature: 5]) { _, new in new }
    }

    // Target (issue 8): < 1 ms to rank the ~4,000 peer towns for a new custom weighting.
    Benchmark("Rank all small towns for a new custom weighting",
              configuration: .init(metrics: [.wallClock, .mallocCountTotal], maxDuration: .seconds(5))) { benchmark in
        var composites = [Double](repeating: .nan, count: smallTowns.members.count)
        for iteration in benchmark.scaledIterations {
            let weights = try! Weights.custom(ratings: ratings[iteration % ratings.count])
            smallTowns.composites(normalisedWeights: smallTowns.normalisedWeights(weights), aggregation: .arithmetic, into: &composites)
            blackHole(PeerScores.ranks(composites))
        }
    }

    // Target (issue 8): < 5 ms to rank all 34,875 communes, each among the communes of its population band.
    let nationalBands = PeerGroup.nationalBands.map { PeerScores(matrix: matrix, group: $0) }
    Benchmark("Rank all communes of France by population band for a new custom weighting",
              configuration: .init(metrics: [.wallClock, .mallocCountTotal], maxDuration: .seconds(5))) { benchmark in
        var buffers = nationalBands.map { [Double](repeating: .nan, count: $0.members.count) }
        for iteration in benchmark.scaledIterations {
            let weights = try! Weights.custom(ratings: ratings[iteration % ratings.count])
            for (band, scores) in nationalBands.enumerated() {
                scores.composites(normalisedWeights: scores.normalisedWeights(weights), aggregation: .arithmetic, into: &buffers[band])
                blackHole(PeerScores.ranks(buffers[band]))
            }
        }
    }

    // Target (issue 8): < 150 ms for 1,000 Monte Carlo draws over the peer towns.
    Benchmark("Rank uncertainty, 1,000 draws over the small towns",
              configuration: .init(metrics: [.wallClock], maxDuration: .seconds(10), maxIterations: 20)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(RankUncertainty(draws: 1_000, seed: 1).intervals(for: smallTowns, weights: WeightPresets.barometre))
        }
    }

    // Target (issue 5): < 5 ms to match a household with 5 constraints over the small towns (the matcher
    // itself is prepared once per peer group, like the scores).
    let matcher = Matcher(scores: smallTowns)
    guard let paris = matcher.cityPoles.first(where: \.isParis) else { fatalError("the atlas has no Paris pole") }
    let household = HouseholdProfile(
        weights: (try? Weights.custom(ratings: [.numerique: 5, .mobilite: 4, .nature: 4, .sante: 3, .logement: 3])) ?? .equal,
        constraints: [
            .reach(city: paris, limit: .minutesByCar(150)),
            .longDistanceStation(withinKm: 30),
            .maxPrice(housing: .house, eurosPerM2: 2_500),
            .need(amenity: .gp, withinKm: 5),
            .need(amenity: .lycee, withinKm: 10),
        ],
        top: 20, perDepartement: 3)
    Benchmark("Match a household with 5 constraints over the small towns",
              configuration: .init(metrics: [.wallClock, .mallocCountTotal], maxDuration: .seconds(5))) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try matcher.match(household))
        }
    }

    // A town's diagnostic (quartiles against its band, département and types; one what-if per lever; similar
    // towns): what a town page computes the first time it is asked. Towns taken in turn, so none is cached.
    let diagnostician = Diagnostician(board: Scoreboard(scores: smallTowns, weights: WeightPresets.barometre))
    Benchmark("Diagnose one small town (levers with what-if gains, similar towns)",
              configuration: .init(metrics: [.wallClock, .mallocCountTotal], maxDuration: .seconds(5))) { benchmark in
        for iteration in benchmark.scaledIterations {
            blackHole(diagnostician.diagnose((iteration * 97) % smallTowns.members.count))
        }
    }

    // Scoring a peer group from the matrix (done once per peer group at start-up).
    Benchmark("Score the small towns (percentiles, dimensions)",
              configuration: .init(metrics: [.wallClock], maxDuration: .seconds(10), maxIterations: 20)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(PeerScores(matrix: matrix, group: .smallTowns))
        }
    }

    // Opening the atlas as every command does: the packed matrix (one blob) and the communes.
    Benchmark("Load the atlas (packed matrix and communes)",
              configuration: .init(metrics: [.wallClock], maxDuration: .seconds(10), maxIterations: 50)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try! LoadedAtlas(path: atlasPath).wholeMatrix())
        }
    }

    // What a command about the small towns reads: their stored rows and scores, never the whole matrix.
    Benchmark("Load the small towns' stored scores",
              configuration: .init(metrics: [.wallClock], maxDuration: .seconds(10), maxIterations: 50)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try! LoadedAtlas(path: atlasPath).scores(.smallTowns))
        }
    }

    // Scaling: score and rank every commune of at least N inhabitants as one peer group, from the small towns'
    // size (~5,000 communes) to all 34,875; the cost per town should stay flat (linear in the peers).
    for minimum in [2_500, 1_000, 500, 200, 0] {
        let group = PeerGroup(range: SizeRange(minimum: minimum, maximum: Int.max))
        let peers = matrix.rows(in: group.range).count
        Benchmark("Score and rank the \(peers) communes of at least \(minimum) inhabitants as one peer group",
                  configuration: .init(metrics: [.wallClock], maxDuration: .seconds(10), maxIterations: 20)) { benchmark in
            for _ in benchmark.scaledIterations {
                let scores = PeerScores(matrix: matrix, group: group)
                blackHole(PeerScores.ranks(scores.composites(.equal)))
            }
        }
    }

    // Target (issue 14): < 2 s for the newcomer models' fit and validation over the small towns: both models with λ by
    // nested CV and their temporal and spatial tests with intervals; then the whole report (baselines, and every
    // composite's, dimension's and indicator's ρ with its 1,000-resample interval).
    let sample = try! MigrationSample(scores: smallTowns)
    Benchmark("Fit the two newcomer models and test them out of sample over the small towns",
              configuration: .init(metrics: [.wallClock], maxDuration: .seconds(20), maxIterations: 5)) { benchmark in
        for _ in benchmark.scaledIterations {
            let validation = NewcomerValidation(sample: sample)
            for kind in NewcomerModelKind.allCases {
                let fitter = try! validation.fitter(kind).fitter
                let earlier = fitter.fitAll(y: sample.earlier)!
                blackHole(fitter.fitAll(y: sample.latest)!)
                blackHole(OutOfSample(predictions: fitter.predictions(earlier), observed: sample.latest, sample: sample,
                                      bootstrap: validation.bootstrap, draws: validation.draws))
                blackHole(OutOfSample(predictions: fitter.crossValidated(y: sample.latest).predictions, observed: sample.latest, sample: sample,
                                      bootstrap: validation.bootstrap, draws: validation.draws))
            }
        }
    }

    Benchmark("Fit the newcomer models and validate them over the small towns",
              configuration: .init(metrics: [.wallClock], maxDuration: .seconds(20), maxIterations: 5)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try! NewcomerValidation(sample: sample).report(weightings: WeightPresets.all))
        }
    }

    // Target (issue 14): < 50 µs for one prediction with its per-indicator decomposition.
    let inputs = NewcomerInputs(model: try! atlas.validationReport(towns: false).model(.amenity)!, sample: sample)
    Benchmark("Predict one town's net migration with its decomposition",
              configuration: .init(metrics: [.wallClock, .mallocCountTotal], maxDuration: .seconds(3))) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(inputs.prediction(ofCommune: "46102")!)
        }
    }
}
