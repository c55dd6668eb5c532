import ArgumentParser
import BourgCore
import BourgData
import Foundation

/// `bourg survey …`: a perception survey's weighted shares, intervals and cross-tabs, and scoring weights from it.
struct SurveyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "survey", abstract: "Exploite une enquête de perception : parts pondérées, intervalles, tris croisés, poids.",
        subcommands: [Report.self, WeightsPreset.self])

    /// `bourg survey report`
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Résultats d'ensemble (parts pondérées, IC 95 %) et tris croisés avec leurs tests.")

        @OptionGroup var input: SurveyOptions

        @Flag(name: .long, help: "Print JSON.")
        var json = false

        func run() throws {
            let report = try input.guarded {
                let survey = try input.load()
                return SurveyReport(data: survey.data, weighting: try survey.weighting(options: input.rakingOptions))
            }
            Swift.print(json ? try JSONOutput.encode(report) : SurveyReportText.render(report))
        }
    }

    /// `bourg survey weights`
    struct WeightsPreset: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "weights",
            abstract: "Tire des questions « atouts cités / freins cités » une pondération pour la notation (même format que le baromètre).")

        @OptionGroup var input: SurveyOptions

        @Option(name: .long, help: "Write the preset to this file (default: print it).")
        var out: String?

        @Option(name: .long, help: "The preset's id.")
        var id: String = "enquete"

        @Option(name: .long, help: "The preset's label (default: « Enquête : » and the questionnaire's title).")
        var label: String?

        func run() throws {
            let weights = try input.guarded {
                let survey = try input.load()
                return try SurveyPreset.weights(data: survey.data, weighting: survey.weighting(options: input.rakingOptions),
                                                id: id, label: label)
            }
            let json = try JSONOutput.encode(weights)
            guard let out else {
                Swift.print(json)
                return
            }
            do {
                try Data((json + "\n").utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
            } catch {
                throw UserError("Impossible d'écrire \(out) : \(error.localizedDescription)")
            }
            Swift.print("Pondération « \(weights.label) » écrite dans \(out) :")
            for entry in weights.entries {
                let name = entry.dimension.label.padding(toLength: 26, withPad: " ", startingAt: 0)
                let value = entry.basis == .survey ? FrenchFormat.number(entry.value, decimals: 1) : "–"
                Swift.print("  \(name) \(value.padding(toLength: 6, withPad: " ", startingAt: 0)) \(entry.basis.label)")
            }
        }
    }
}

/// The options shared by the survey commands: the three files and the raking settings.
struct SurveyOptions: ParsableArguments {
    @Option(name: .long, help: "The answers: a CSV, one row per respondent.")
    var data: String

    @Option(name: .long, help: "The questionnaire (JSON): questions, answer codes and labels, positive answers, dimensions.")
    var questionnaire: String

    @Option(name: .long, help: "Population margins to rake on: a CSV variable,category,share.")
    var margins: String?

    @Option(name: .long, help: "Trimming bounds of the weights, as multiples of the mean: lower,upper (or 'none').")
    var trim: String = "0.2,5"

    @Option(name: .long, help: "Most raking passes.")
    var maxIterations: Int = RakingOptions.standard.maxIterations

    func validate() throws {
        _ = try trimBounds()
        guard maxIterations >= 1 else { throw ValidationError("--max-iterations must be at least 1") }
    }

    func trimBounds() throws -> TrimBounds? {
        if trim == "none" { return nil }
        let parts = trim.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let lower = parts[0], let upper = parts[1], TrimBounds(lower: lower, upper: upper).isValid else {
            throw ValidationError("--trim must be lower,upper with 0 ≤ lower < 1 < upper (e.g. 0.2,5), or none")
        }
        return TrimBounds(lower: lower, upper: upper)
    }

    var rakingOptions: RakingOptions {
        RakingOptions(maxIterations: maxIterations, trimBounds: (try? trimBounds()) ?? nil)
    }

    func load() throws -> SurveyInput {
        try SurveyAnalysis.load(data: URL(fileURLWithPath: data), questionnaire: URL(fileURLWithPath: questionnaire),
                                margins: margins.map { URL(fileURLWithPath: $0) })
    }

    /// Runs `body`, turning file and survey errors into messages for the user.
    func guarded<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DataBuildError {
            throw UserError(error.description)
        } catch let error as SurveyError {
            throw UserError(error.description)
        }
    }
}
