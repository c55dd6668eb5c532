import ArgumentParser
import BourgCore
import BourgData
import Foundation

/// `bourg rank`: the peer towns ranked for a weighting, filterable.
struct RankCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rank", abstract: "Classe les communes pairs selon une pondération.")

    @OptionGroup var atlas: AtlasOptions
    @OptionGroup var scoring: ScoringOptions

    @Option(name: .long, help: "Only this département (code, e.g. 46 or 2A).")
    var departement: String?

    @Option(name: .long, help: "Only this région (INSEE code, e.g. 76).")
    var region: String?

    @Option(name: .long, help: "Only towns of this type: \(TownType.allCases.map(\.rawValue).joined(separator: ", ")).")
    var type: String?

    @Option(name: .long, help: "Only towns in these situations, any of: \(Situation.allCases.map(\.id).joined(separator: ",")), or 'all'. Default: all but the banlieues of urban units of ≥ 100,000 inhabitants (which readers do not call small towns).")
    var situation = Situation.ownCentreByDefault.map(\.id).joined(separator: ",")

    @Option(name: .long, help: "How many towns to show.")
    var limit: Int = 20

    @Flag(name: .long, help: "Print CSV.")
    var csv = false

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    @Flag(name: .long, help: "Print how long loading, scoring and ranking took (in the process) to standard error.")
    var timings = false

    func validate() throws {
        if let type, TownType(rawValue: type) == nil {
            throw ValidationError("unknown type '\(type)': \(TownType.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard limit > 0 else { throw ValidationError("--limit must be > 0") }
        if situation != "all" { do { _ = try Situation.list(situation) } catch { throw ValidationError("--situation: \(error)") } }
    }

    func run() throws {
        let clock = ContinuousClock()
        let start = clock.now
        let atlas = try atlas.load()
        let loaded = clock.now
        let scores = try scoring.peers.scores(atlas: atlas)
        let scored = clock.now
        let ranking = Scoreboard(scores: scores, weights: try scoring.weighting.resolvedWeights(atlas: atlas), aggregation: scoring.aggregation, intervals: nil)
        let ranked = clock.now
        let wanted = type.flatMap(TownType.init(rawValue:))
        let situations = situation == "all" ? nil : Set(try Situation.list(situation).map { Double($0.rawValue) })
        var leftOutBySituation = 0
        // Ranks 1…N among the towns kept, with their intervals among them (`FilteredRanking`).
        let filtered = FilteredRanking(board: ranking) { position in
            let commune = scores.matrix.communes[scores.members[position]]
            if let departement, commune.departement != departement.uppercased() { return false }
            if let region, commune.region != region { return false }
            if let wanted, !ranking.typology.types(of: scores.members[position], in: scores.matrix).contains(where: { $0.type == wanted }) { return false }
            if let situations, !situations.contains(scores.matrix.value(commune: scores.members[position], "situation") ?? 0) {
                leftOutBySituation += 1
                return false
            }
            return true
        }
        let shown = Array(filtered.kept.prefix(limit))
        let board = try scoring.scoreboard(atlas, scores: scores, positions: filtered.leftOut == 0 ? shown : [])
        let intervals = filtered.leftOut == 0 ? [:] : scoring.uncertainty.map { filtered.intervals(of: shown, uncertainty: $0) } ?? [:]
        let rows = shown.enumerated().map { index, position in
            var score = board.townScore(position)
            score.rank = filtered.rank(atIndex: index)
            score.rankedCount = filtered.count
            if filtered.leftOut > 0 { score.rankInterval = intervals[position] }
            return score
        }
        if timings {
            func milliseconds(_ duration: Duration) -> String {
                String(format: "%.3f", Double(duration.components.seconds) * 1_000 + Double(duration.components.attoseconds) / 1e15)
            }
            FileHandle.standardError.write(Data((
                "peers=\(scores.members.count) load_ms=\(milliseconds(loaded - start)) score_ms=\(milliseconds(scored - loaded)) "
                + "rank_ms=\(milliseconds(ranked - scored)) intervals_ms=\(milliseconds(clock.now - ranked))\n").utf8))
        }
        if json {
            Swift.print(try JSONOutput.encode(Array(rows)))
        } else if csv {
            let dimensions = board.scores.dimensions
            Swift.print((["rang", "code", "commune", "departement", "population", "note", "rang_median", "rang_p5", "rang_p95"]
                         + dimensions.map(\.rawValue)).joined(separator: ","))
            for score in rows {
                let interval = score.rankInterval
                let identity: [String] = [
                    score.rank.map(String.init) ?? "", score.commune.code, CSVText.quoted(score.commune.name),
                    score.commune.departement, score.commune.population.map(String.init) ?? "",
                ]
                let figures: [String] = [
                    score.composite.map { String(format: "%.2f", $0) } ?? "",
                    interval.map { String(format: "%.0f", $0.median) } ?? "",
                    interval.map { String(format: "%.0f", $0.low) } ?? "",
                    interval.map { String(format: "%.0f", $0.high) } ?? "",
                ]
                let dimensionScores: [String] = score.dimensions.map { $0.score.map { String(format: "%.1f", $0) } ?? "" }
                let fields = identity + figures + dimensionScores
                Swift.print(fields.joined(separator: ","))
            }
        } else {
            Swift.print("Pairs : \(board.scores.group.label) — pondération : \(board.weights.label) ; \(board.aggregation.label)")
            if leftOutBySituation > 0 {
                Swift.print("Situation : \(FrenchFormat.number(Double(leftOutBySituation), decimals: 0)) communes d'une autre situation écartées (--situation all pour les inclure) ; rangs parmi les \(FrenchFormat.number(Double(filtered.count), decimals: 0)) retenues")
            }
            for score in rows {
                let interval = score.rankInterval.map { "  [\(Int($0.low))–\(Int($0.high))]" } ?? ""
                let name = "\(score.commune.name) (\(score.commune.departement))".padding(toLength: 40, withPad: " ", startingAt: 0)
                Swift.print(String(format: "%5d  ", score.rank ?? 0) + name + String(format: " %5.1f", score.composite ?? 0) + interval)
            }
        }
    }
}

/// CSV field quoting (RFC 4180).
enum CSVText {
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
