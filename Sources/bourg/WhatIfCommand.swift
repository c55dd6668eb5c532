import ArgumentParser
import BourgCore
import BourgData
import Foundation

/// `bourg whatif <town> --set indicator=value … [--to-median dimension]`: scores before and after, peers unchanged.
struct WhatIfCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whatif",
        abstract: "Et si… ? Recalcule les notes et le rang d'une commune après un changement, les autres communes inchangées.")

    @OptionGroup var atlas: AtlasOptions
    @OptionGroup var scoring: ScoringOptions

    @OptionGroup var town: TownArgument

    @Option(name: .customLong("set"), help: "A new value, e.g. france_services=1 or apl_medecins_generalistes=4 (repeatable).")
    var changes: [String] = []

    @Option(name: .long, help: "Raise a dimension to the median of the town's population band, e.g. sante.")
    var toMedian: [String] = []

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    func validate() throws {
        guard !changes.isEmpty || !toMedian.isEmpty else { throw ValidationError("give at least one --set indicator=value or --to-median dimension") }
    }

    func run() throws {
        let atlas = try atlas.load()
        let commune = try town.commune(in: atlas.database)
        let scores = try scoring.peers.scores(atlas: atlas)
        let position = try TownLookup.position(of: commune, in: scores)
        let board = try scoring.scoreboard(atlas, scores: scores, positions: [position])
        var columns: [Int: Double?] = [:]
        for change in changes {
            let parts = change.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let column = scores.matrix.indicator(parts[0]) else {
                throw ValidationError("--set \(change): expected indicator=value with a known indicator id (see `bourg town --json`)")
            }
            guard let value = Double(parts[1].replacingOccurrences(of: ",", with: ".")), value.isFinite else {
                throw ValidationError("--set \(change): the value must be a number")
            }
            guard scores.scoredIndicators.contains(column) else {
                throw ValidationError("--set \(change): '\(parts[0])' is descriptive (neutral or categorical) and does not change the scores")
            }
            columns[column] = value
        }
        let whatIf = WhatIf(scores: scores)
        var after = columns.isEmpty ? scores : whatIf.applying(position: position, changes: columns)
        if !toMedian.isEmpty {
            let bandRange = (PeerGroup.band(of: commune.population) ?? scores.group).range
            let band = scores.members.indices.filter { $0 != position && bandRange.contains(scores.matrix.communes[scores.members[$0]].population) }
            var raised: [AttractivenessDimension: Double?] = [:]
            for name in toMedian {
                guard let dimension = AttractivenessDimension(rawValue: name), scores.dimensions.contains(dimension) else {
                    throw ValidationError("--to-median \(name): unknown dimension (\(AttractivenessDimension.weighable.map(\.rawValue).joined(separator: ", ")))")
                }
                guard let median = Statistics.median(band.compactMap { scores.dimensionScore($0, dimension) }) else { continue }
                raised[dimension] = max(after.dimensionScore(position, dimension) ?? 0, median)
            }
            after = after.replacingDimensionScores(of: position, with: raised)
        }
        let comparison = whatIf.compare(position: position, after: after, weights: board.weights, aggregation: board.aggregation,
                                        uncertainty: scoring.uncertainty, before: board)
        if json {
            Swift.print(try JSONOutput.encode(comparison))
            return
        }
        Swift.print("\(commune.name) — avant / après (autres communes inchangées ; \(board.weights.label))")
        for (before, afterScore) in zip(comparison.before.dimensions, comparison.after.dimensions) {
            let name = before.label.padding(toLength: 26, withPad: " ", startingAt: 0)
            let b = before.score.map { String(format: "%5.1f", $0) } ?? "    —"
            let a = afterScore.score.map { String(format: "%5.1f", $0) } ?? "    —"
            let mark = before.score != afterScore.score ? "  ←" : ""
            Swift.print("  \(name) \(b) → \(a)\(mark)")
        }
        let b = comparison.before, a = comparison.after
        Swift.print(String(format: "  Note globale               %5.1f → %5.1f", b.composite ?? 0, a.composite ?? 0))
        func rank(_ score: TownScore) -> String {
            guard let rank = score.rank else { return "—" }
            return "\(rank)" + (score.rankInterval.map { " [\(Int($0.low))–\(Int($0.high))]" } ?? "")
        }
        Swift.print("  Rang (sur \(a.rankedCount))           \(rank(b)) → \(rank(a))")
    }
}
