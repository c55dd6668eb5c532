import ArgumentParser
import BourgCore
import BourgData
import Foundation

/// `bourg score <town>`: dimension scores, composite, rank with its interval, types and flags.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score", abstract: "Note une commune parmi ses pairs : dimensions, note globale, rang, types.")

    @OptionGroup var atlas: AtlasOptions
    @OptionGroup var scoring: ScoringOptions

    @OptionGroup var town: TownArgument

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    func run() throws {
        let atlas = try atlas.load()
        let commune = try town.commune(in: atlas.database)
        let scores = try scoring.peers.scores(atlas: atlas)
        let position = try TownLookup.position(of: commune, in: scores)
        let score = try scoring.scoreboard(atlas, scores: scores, positions: [position]).townScore(position)
        if json {
            Swift.print(try JSONOutput.encode(score))
        } else {
            Swift.print(ScoreText.town(score))
        }
    }
}

/// Text renderings of scores for the terminal.
enum ScoreText {
    static func town(_ score: TownScore) -> String {
        var lines: [String] = []
        let commune = score.commune
        lines.append("\(commune.name) (\(commune.code)) — \(commune.departementName ?? commune.departement)")
        lines.append("Pairs : \(score.peerGroup), \(score.peerCount) communes")
        lines.append("Pondération : \(score.weights.label) ; \(score.aggregation.label)")
        lines.append("")
        for dimension in score.dimensions {
            let name = dimension.label.padding(toLength: 26, withPad: " ", startingAt: 0)
            guard let value = dimension.score else {
                lines.append("  \(name)   pas de donnée")
                continue
            }
            let bar = String(repeating: "█", count: Int((value / 5).rounded())).padding(toLength: 20, withPad: "·", startingAt: 0)
            let weight = dimension.weight > 0 ? "poids \(FrenchFormat.number(dimension.weight * 100, decimals: 0)) %" : "non pondérée"
            lines.append("  \(name) \(bar) \(String(format: "%3.0f", value))  (\(dimension.indicatorsUsed)/\(dimension.indicatorsTotal) indicateurs, \(weight))")
        }
        lines.append("")
        if let situation = score.situation { lines.append("Situation : \(situation.label)") }
        if let composite = score.composite {
            lines.append("Note globale : \(FrenchFormat.number(composite, decimals: 1)) / 100")
        } else {
            lines.append("Note globale : pas de donnée")
        }
        if let partial = score.partialRankingText {
            lines.append("  (\(partial))")
        }
        if let rank = score.rank {
            var line = "Rang : \(rank) sur \(score.rankedCount)"
            if let interval = score.rankInterval {
                line += " — rang médian \(Int(interval.median)), intervalle 5–95 % : \(Int(interval.low))–\(Int(interval.high)) (pondérations et agrégation tirées au hasard)"
            }
            lines.append(line)
        }
        if score.types.isEmpty {
            lines.append("Types : aucun")
        } else {
            lines.append("Types :")
            for assignment in score.types {
                lines.append("  • \(assignment.type.label) : \(assignment.reasons.joined(separator: " ; "))")
            }
        }
        for flag in score.essentialFlags {
            lines.append("⚠ \(flag.label) : parmi les 10 % de pairs les moins bien notés (service essentiel).")
        }
        return lines.joined(separator: "\n")
    }
}

/// Pretty, stable JSON for `--json` outputs.
enum JSONOutput {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "null")
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
