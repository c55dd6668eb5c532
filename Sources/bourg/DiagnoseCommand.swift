import ArgumentParser
import BourgCore
import BourgData
import Foundation

/// `bourg diagnose <town>`: strengths, weaknesses, levers with what-if gains, similar towns.
struct DiagnoseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diagnose",
        abstract: "Diagnostic d'une commune : forces, faiblesses, leviers et leurs effets, communes semblables.")

    @OptionGroup var atlas: AtlasOptions
    @OptionGroup var scoring: ScoringOptions

    @OptionGroup var town: TownArgument

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    @Flag(name: .long, help: "Print a Markdown report for a council.")
    var markdown = false

    @Flag(name: .long, help: "Print the council summary in Markdown (note and rank, 3 strengths, 3 weaknesses, the first levers of 3 dimensions, 5 similar towns, arrivals, sources): the content of /communes/CODE/synthese.")
    var synthese = false

    @Option(name: .long, help: "Write the report to this file instead of printing it.")
    var output: String?

    @Flag(name: .customLong("meme-situation"), help: "Compare with the towns of the same situation only (centre, banlieue, périurbaine, rurale): the population band and the similar towns.")
    var sameSituation = false

    func run() throws {
        let atlas = try atlas.load()
        let database = atlas.database
        let commune = try town.commune(in: database)
        let scores = try scoring.peers.scores(atlas: atlas)
        let position = try TownLookup.position(of: commune, in: scores)
        let board = try scoring.scoreboard(atlas, scores: scores, positions: [position])
        let diagnosis = Diagnostician(board: board, peerTypes: try atlas.peerTypes(scores, rules: board.typology), towns: [position],
                                      sameSituation: sameSituation).diagnose(position)
        let text: String
        if synthese {
            text = try Self.summary(diagnosis, board: board, atlas: atlas, scores: scores).markdown
        } else if json {
            text = try JSONOutput.encode(diagnosis)
        } else {
            text = DiagnosisReport.markdown(diagnosis, sources: try database.provenance(), scores: scores)
        }
        if let output {
            try text.write(toFile: output, atomically: true, encoding: .utf8)
            Swift.print("Rapport écrit : \(output)")
        } else {
            Swift.print(text)
        }
    }
}

extension DiagnoseCommand {
    /// The council summary, with the arrivals sentence when the atlas stores the validation.
    static func summary(_ diagnosis: Diagnosis, board: Scoreboard, atlas: LoadedAtlas, scores: PeerScores) throws -> CouncilSummary {
        let code = diagnosis.score.commune.code
        var arrivals: String?, reason: String?
        if let report = try? atlas.validationReport(), let town = report.town(code), let model = report.model(.amenity) {
            let inputs = NewcomerInputs(model: model, sample: try MigrationSample(scores: atlas.scores(StoredRankings.group)))
            let observed = (town.observed > 0 ? "+" : "") + FrenchFormat.number(town.observed, decimals: 2) + " % par an"
            let predicted = (town.predicted > 0 ? "+" : "") + FrenchFormat.number(town.predicted, decimals: 2) + " % par an"
            arrivals = "\(ArrivalReasons.verdict(town)) Solde observé \(observed), prédit pour son profil \(predicted)."
            if let prediction = inputs.prediction(ofCommune: code) {
                reason = model.reasons(prediction, labels: model.predictors.map(inputs.label(ofKey:))).reasons.first.map { "Première raison de la prédiction : " + $0.sentence }
            }
        }
        let descriptions = (try? atlas.database.provenance().map(\.source)) ?? []
        let cited = CouncilSummary.levers(of: diagnosis).map { $0.indicator.citation(among: descriptions) }
        var sources: [String] = []
        for source in cited where !sources.contains(source) { sources.append(source) }
        if arrivals != nil { sources.append("Solde migratoire apparent 2016–2022 : INSEE, état civil et recensements (modèle des aménités de Bourg, bourg validate)") }
        sources.append("Toutes les sources : bourg sources")
        let date = (try? atlas.database.info("built_at")) ?? nil
        return CouncilSummary(diagnosis, board: board, arrivals: arrivals, arrivalsReason: reason, sources: sources, date: date ?? "—")
    }
}

/// The diagnostic as a Markdown report (readable as is in a terminal).
enum DiagnosisReport {
    /// "**Label** : 45,7 % → 31,2 % (cible : …). Action. Qui agit : … Contrainte : … Gain : … _(association)_"
    static func leverLine(_ lever: Lever, association: String? = nil) -> String {
        let definition = lever.indicator
        let now = FrenchFormat.reading(IndicatorReading(definition: definition, value: lever.value))
        let target = FrenchFormat.reading(IndicatorReading(definition: definition, value: lever.target))
        let action = lever.action.action.prefix(1).uppercased() + lever.action.action.dropFirst()
        var line = "**\(definition.label)** : \(now) → \(target) (cible : \(lever.targetBasis)). \(action)."
        if let barrier = lever.action.barrier { line += " Frein levé : \(barrier.label)." }
        line += " Qui agit : \(lever.action.actorsText)."
        if let constraint = lever.action.constraint { line += " Contrainte : \(constraint)." }
        if let gain = lever.gainText { line += " Gain : \(gain)." }
        return line + (association.map { " _\($0)_" } ?? "")
    }

    static func markdown(_ diagnosis: Diagnosis, sources: [Provenance], scores: PeerScores? = nil) -> String {
        let score = diagnosis.score
        let commune = score.commune
        var lines: [String] = []
        lines.append("# Diagnostic d'attractivité — \(commune.name) (\(commune.departementName ?? commune.departement))")
        lines.append("")
        var identity = "Code INSEE \(commune.code)"
        if let population = commune.population { identity += " · \(FrenchFormat.number(Double(population), decimals: 0)) habitants (2021)" }
        if let epci = commune.epciName { identity += " · \(epci)" }
        lines.append(identity)
        lines.append("")
        lines.append("Comparée aux \(score.peerGroup) (\(score.peerCount) communes), pondération « \(score.weights.label) », \(score.aggregation.label).")
        lines.append("")
        if !score.types.isEmpty {
            lines.append("**Types** : " + score.types.map { "\($0.type.label) (\($0.reasons.joined(separator: " ; ")))" }.joined(separator: " · "))
            lines.append("")
        }
        lines.append("## Notes par dimension")
        lines.append("")
        lines.append("```")
        for dimension in diagnosis.dimensions {
            let name = dimension.dimension.label.padding(toLength: 26, withPad: " ", startingAt: 0)
            guard let value = dimension.score else {
                lines.append("\(name) pas de donnée")
                continue
            }
            let bar = String(repeating: "█", count: Int((value / 5).rounded())).padding(toLength: 20, withPad: "·", startingAt: 0)
            let median = dimension.band.map { "médiane des pairs \(FrenchFormat.number($0.median, decimals: 0))" } ?? ""
            lines.append("\(name) \(bar) \(String(format: "%3.0f", value))  \(median)")
        }
        lines.append("```")
        lines.append("")
        if let composite = score.composite, let rank = score.rank {
            var line = "**Note globale** : \(FrenchFormat.number(composite, decimals: 1))/100 — **rang** \(rank) sur \(score.rankedCount)"
            if let interval = score.rankInterval {
                line += " (intervalle 5–95 % : \(Int(interval.low))–\(Int(interval.high)) quand pondérations et agrégation varient)"
            }
            lines.append(line + ".")
        }
        for flag in score.essentialFlags {
            lines.append("")
            lines.append("⚠ **\(flag.label)** : parmi les 10 % de pairs les moins bien notés.")
        }
        lines.append("")
        lines.append("## Forces")
        lines.append("")
        lines.append(contentsOf: diagnosis.strengths.isEmpty ? ["Aucune nette."] : diagnosis.strengths.map { "- \($0)" })
        lines.append("")
        lines.append("## Faiblesses")
        lines.append("")
        lines.append(contentsOf: diagnosis.weaknesses.isEmpty ? ["Aucune nette."] : diagnosis.weaknesses.map { "- \($0)" })
        lines.append("")
        lines.append("_\(diagnosis.rule) Communes comparables : \(diagnosis.band.label), \(diagnosis.band.positions.count) communes._")
        lines.append("")
        lines.append("## Leviers, par priorité")
        lines.append("")
        lines.append("Seuls les indicateurs qu'une commune, son intercommunalité ou leurs partenaires peuvent faire bouger sont des leviers. \(LeverCatalogue.targetRule) Priorité = poids de la dimension × écart à la cible ; gain : si la commune atteignait la cible, les autres communes inchangées.")
        lines.append("")
        if diagnosis.levers.isEmpty { lines.append("Aucun levier : aucune faiblesse nette sur un indicateur que la commune peut faire bouger.") }
        for (title, inHands) in [("### " + Actionability.town.label, true), ("### " + Actionability.partners.label, false)] {
            let levers = diagnosis.levers.filter { $0.action.inTownsHands == inHands }
            guard !levers.isEmpty else { continue }
            lines.append(title)
            lines.append("")
            for lever in levers.prefix(8) {
                let association = scores.flatMap { MigrationSample.associationText(scores: $0, indicator: lever.indicator.id, positions: diagnosis.band.positions) }
                lines.append("- " + leverLine(lever, association: association))
            }
            lines.append("")
        }
        lines.append("## Communes semblables")
        lines.append("")
        for town in diagnosis.similarTowns {
            let better = diagnosis.betterOnWeakest.contains(town) ? " — mieux notée en \(diagnosis.weakestDimension?.label.lowercased() ?? "")" : ""
            let composite = town.composite.map { "note \(FrenchFormat.number($0, decimals: 1))" } ?? ""
            lines.append("- \(town.commune.name) (\(town.commune.departement)) : distance \(FrenchFormat.number(town.distance, decimals: 2)), \(composite)\(better)")
        }
        lines.append("")
        lines.append("## Sources")
        lines.append("")
        var seen: Set<String> = []
        for entry in sources where seen.insert(entry.source.id).inserted {
            lines.append("- \(entry.source.title) — \(entry.source.producer), \(entry.source.vintage), \(entry.source.licence).")
        }
        return lines.joined(separator: "\n")
    }
}
