import ArgumentParser
import BourgCore
import BourgData
import Foundation

/// `bourg validate`: the scores tested against where people move (net migration 2016–2022), the newcomer
/// models' out-of-sample figures, and the per-town table.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate", abstract: "Confronte les notes au solde migratoire et donne le tableau de validation.")

    @OptionGroup var atlas: AtlasOptions
    @OptionGroup var weighting: WeightOptions

    @Flag(name: .long, help: "Print the whole report as JSON (with the per-town table and the models' coefficients).")
    var json = false

    @Flag(name: .long, help: "Print the per-town table as CSV (code, composite, observed, predictions incl. the temporal out-of-sample one, residual).")
    var csv = false

    @Flag(name: .long, help: "The car-time estimator instead: its cross-validation against the OSRM times to Paris, beside the crow-distance baseline (with --csv, the held-out table code,osrm_minutes,estimated_minutes).")
    var trajets = false

    @Flag(name: .long, help: "Recompute the report from the atlas's matrix and stored scores instead of reading the one stored at build (the same figures; slower).")
    var recompute = false

    func validate() throws {
        guard !(json && csv) else { throw ValidationError("--json and --csv: choose one") }
    }

    func run() throws {
        let atlas = try atlas.load()
        if trajets { return try CarTimeText.print(atlas: atlas, json: json, csv: csv) }
        var report: ValidationReport
        do {
            report = recompute
                ? try NewcomerValidation(sample: MigrationSample(scores: atlas.scores(.smallTowns))).report(weightings: StoredValidation.weightings)
                : try atlas.validationReport(towns: json || csv)
        } catch let error as DataBuildError {
            throw UserError(error.description)
        }
        if csv {
            FileHandle.standardOutput.write(Data(ValidationText.townsCSV(report.towns).utf8))
            return
        }
        // The user's own weighting (or another preset file) is tested here, the stored presets were at build.
        let weights = try weighting.resolvedWeights(atlas: atlas)
        var extra: [CorrelationRow] = []
        if !report.correlations.contains(where: { $0.kind == "composite" && $0.id == weights.id }) {
            let sample = try MigrationSample(scores: try atlas.scores(.smallTowns))
            extra.append(NewcomerValidation(sample: sample).correlation(weights))
        }
        if json {
            report.correlations = extra + report.correlations
            Swift.print(try JSONOutput.encode(report))
        } else {
            Swift.print(ValidationText.render(report, extra: extra))
            Swift.print("")
            Swift.print("Poids par dimension (%)        révélés  déclarés (baromètre)")
            for line in ValidationText.weightsTable(revealed: report.revealed, stated: WeightPresets.barometre) {
                Swift.print(line.dimension.label.padding(toLength: 31, withPad: " ", startingAt: 0)
                            + String(format: "%6.1f   %6.1f", line.revealed, line.stated))
            }
        }
    }
}
