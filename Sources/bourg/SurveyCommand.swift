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

        @Option(name: .long, help: "Confidence intervals: logit (default, as R's svyciprop) or wilson (on each estimate's effective size).")
        var interval: String = IntervalMethod.standard.rawValue

        @Option(name: .long, help: "Also write each respondent's weight to this CSV (line, starting weight, final weight).")
        var weightsCsv: String?

        func validate() throws {
            guard IntervalMethod(rawValue: interval) != nil else {
                throw ValidationError("--interval must be one of \(IntervalMethod.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }

        func run() throws {
            let (survey, weighting) = try input.guarded {
                let survey = try input.load()
                return (survey, try survey.weighting(options: input.rakingOptions))
            }
            let report = SurveyReport(data: survey.data, weighting: weighting, intervals: IntervalMethod(rawValue: interval) ?? .standard)
            if let weightsCsv {
                do {
                    try Data(SurveyWeightsCSV.render(survey.data, weighting: weighting).utf8)
                        .write(to: URL(fileURLWithPath: weightsCsv), options: .atomic)
                } catch {
                    throw UserError("Impossible d'écrire \(weightsCsv) : \(error.localizedDescription)")
                }
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

    @Option(name: .long, help: "Bounded raking (as R's calibrate(calfun = \"raking\", bounds)): each weight within lower,upper × its starting weight scaled to a mean of 1 (or 'none'). Default 0.2,5.")
    var bounds: String?

    @Option(name: .long, help: "Trimming instead of bounded raking: weights set to lower,upper × the mean inside each raking pass (or 'none').")
    var trim: String?

    @Option(name: .long, help: "Most raking passes (or Newton steps of bounded raking).")
    var maxIterations: Int = RakingOptions.standard.maxIterations

    func validate() throws {
        guard bounds == nil || trim == nil else { throw ValidationError("--bounds and --trim are two ways of bounding the weights: choose one") }
        _ = try weightBounds()
        guard maxIterations >= 1 else { throw ValidationError("--max-iterations must be at least 1") }
    }

    /// The bounds and how they are kept: `--trim`, else `--bounds` (default 0.2,5).
    func weightBounds() throws -> (bounds: TrimBounds?, method: BoundMethod) {
        let (text, option, method) = trim.map { ($0, "--trim", BoundMethod.trimming) } ?? (bounds ?? "0.2,5", "--bounds", .calibration)
        if text == "none" { return (nil, method) }
        let parts = text.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let lower = parts[0], let upper = parts[1], TrimBounds(lower: lower, upper: upper).isValid else {
            throw ValidationError("\(option) must be lower,upper with 0 ≤ lower < 1 < upper (e.g. 0.2,5), or none")
        }
        return (TrimBounds(lower: lower, upper: upper), method)
    }

    var rakingOptions: RakingOptions {
        let chosen = (try? weightBounds()) ?? (nil, .calibration)
        return RakingOptions(maxIterations: maxIterations, trimBounds: chosen.bounds, boundMethod: chosen.method)
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
