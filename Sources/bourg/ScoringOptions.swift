import ArgumentParser
import BourgCore
import BourgData
import Foundation

/// The options shared by the commands that score towns: peers, weights, aggregation, uncertainty.
struct ScoringOptions: ParsableArguments {
    @OptionGroup var weighting: WeightOptions

    @Option(name: .long, help: "Aggregation: arithmetic or geometric.")
    var aggregate: String = "arithmetic"

    @OptionGroup var peers: PeerOptions

    @Option(name: .long, help: "Monte Carlo draws for the rank interval (0 to skip).")
    var draws: Int = 1_000

    @Option(name: .long, help: "Seed of the Monte Carlo draws (same seed, same intervals).")
    var seed: UInt64 = 2021

    func validate() throws {
        guard draws >= 0, draws <= 100_000 else { throw ValidationError("--draws must be between 0 and 100000") }
        guard Aggregation(rawValue: aggregate) != nil else { throw ValidationError("--aggregate must be arithmetic or geometric") }
    }

    var aggregation: Aggregation { Aggregation(rawValue: aggregate)! }

    var uncertainty: RankUncertainty? { draws > 0 ? RankUncertainty(draws: draws, seed: seed) : nil }

    /// The scoreboard of the peers for the weights asked, with the rank intervals of the peers at `positions`
    /// (every peer when `nil`; the stored ones when the atlas has them for these options).
    func scoreboard(_ atlas: LoadedAtlas, scores: PeerScores, positions: [Int]?) throws -> Scoreboard {
        try atlas.scoreboard(scores, weights: weighting.resolvedWeights(atlas: atlas), aggregation: aggregation, uncertainty: uncertainty, positions: positions)
    }
}

/// How a command weighs the dimensions: a preset or the user's own ratings (`bourg score`, `rank`, `match`…).
struct WeightOptions: ParsableArguments {
    @Option(name: .long, help: "Weights: barometre (the 2021 survey), equal, revelee (what arrivals show: fitted on the atlas's migration figures), custom (with --rate), or a preset file (.json, e.g. from bourg survey weights).")
    var weights: String = "barometre"

    @Option(name: .long, help: "Ratings 0–5 per dimension, e.g. nature=5,sante=4,mobilite=3 (implies --weights custom; dimensions: \(AttractivenessDimension.weighable.map(\.rawValue).joined(separator: ", "))).")
    var rate: String?

    func validate() throws {
        // The revealed weighting is read from the atlas, once it is loaded.
        if weights != WeightPresets.revealedID || rate != nil { _ = try resolvedWeights() }
    }

    /// The weights asked for: the ratings, a named preset (`revelee` from `atlas`) or a preset file.
    func resolvedWeights(atlas: LoadedAtlas? = nil) throws -> Weights {
        if let rate {
            do {
                return try Weights.custom(ratings: Weights.parseRatings(rate))
            } catch let error as ScoringError {
                throw ValidationError("--rate : \(error.description)")
            }
        }
        if weights == "custom" { throw ValidationError("--weights custom needs --rate, e.g. --rate nature=5,sante=4") }
        if weights.hasSuffix(".json") {
            do {
                return try SurveyAnalysis.readPreset(url: URL(fileURLWithPath: weights))
            } catch let error as DataBuildError {
                throw UserError(error.description)
            }
        }
        if weights == WeightPresets.revealedID, let atlas {
            do {
                if let preset = try atlas.preset(named: weights) { return preset }
            } catch let error as DataBuildError {
                throw UserError(error.description)
            }
        }
        guard let preset = WeightPresets.named(weights) else {
            throw ValidationError("--weights : attendu barometre, equal, revelee, custom (avec --rate) ou un fichier de pondération .json (reçu « \(weights) »)")
        }
        return preset
    }
}
