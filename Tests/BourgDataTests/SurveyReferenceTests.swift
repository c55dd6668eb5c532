import BourgCore
import Foundation
import Testing
@testable import BourgData

/// Bourg's survey statistics against R's `survey` package, on the SYNTHETIC surveys of `Fixtures/survey-r`
/// (scripts/make-survey-reference-fixtures.py). The reference values were computed by Tests/R/survey-reference.R
/// (R 4.2, survey 4.1) and pinned in `Fixtures/survey-r/reference.json`; rerun that script to refresh them.
@Suite("Survey statistics against R's survey package")
struct SurveyReferenceTests {
    // The issue's tolerances.
    static let shareTolerance = 1e-6       // relative, shares and standard errors
    static let designEffectTolerance = 1e-4 // relative
    static let intervalTolerance = 1e-4    // absolute, interval bounds
    static let pValueTolerance = 1e-3      // absolute, first- and second-order p-values
    static let weightTolerance = 1e-4      // relative, bounded raking weights

    struct Reference: Decodable {
        var R: String
        var survey: String
        var surveys: [String: Survey]

        struct Survey: Decodable {
            var bounds: [Double]
            var weightings: [String: Weighting]
        }

        struct Weighting: Decodable {
            var weights: [Double]
            var estimates: [Estimate]
            var tests: [Test]
        }

        struct Estimate: Decodable {
            var question: String
            var answer: String
            var by: String?
            var category: String?
            var base: Int
            var share: Double
            var se: Double
            var deff: Double?
            var df: Int
            var logit: [Double]?
            var wilson: [Double]?
        }

        struct Test: Decodable {
            var question: String
            var answer: String?
            var by: String
            var base: Int
            var N: Int
            var pearson: Double
            var df: Int
            var firstOrder: Double
            var firstOrderP: Double
            var F: Double
            var ndf: Double
            var ddf: Double
            var secondOrderP: Double
        }
    }

    static let folder = SurveyFixture.directory.deletingLastPathComponent().appendingPathComponent("survey-r")

    static func reference() throws -> Reference {
        try JSONDecoder().decode(Reference.self, from: Data(contentsOf: folder.appendingPathComponent("reference.json")))
    }

    /// The largest differences found, per statistic (printed for the record, checked against the tolerances).
    final class Differences: @unchecked Sendable {
        var largest: [String: Double] = [:]
        var counts: [String: Int] = [:]

        func record(_ name: String, _ difference: Double) {
            largest[name] = max(largest[name] ?? 0, difference)
            counts[name, default: 0] += 1
        }

        var table: String {
            largest.keys.sorted().map { "\($0): max \(String(format: "%.2e", largest[$0]!)) over \(counts[$0]!)" }.joined(separator: "\n")
        }
    }

    static func relative(_ value: Double, _ reference: Double) -> Double {
        abs(value - reference) / max(abs(reference), 1e-300)
    }

    /// The survey's report with the weighting `weighting` ("none", "raking", "bounded"), raked to a tolerance far
    /// below the comparison's.
    static func report(_ name: String, weighting: String, bounds: [Double], intervals: IntervalMethod) throws -> (SurveyInput, SurveyWeighting, SurveyReport) {
        let survey = folder.appendingPathComponent(name)
        let input = try SurveyAnalysis.load(data: survey.appendingPathComponent("answers.csv"),
                                            questionnaire: survey.appendingPathComponent("questionnaire.json"),
                                            margins: weighting == "none" ? nil : survey.appendingPathComponent("margins.csv"))
        let options = weighting == "bounded"
            ? RakingOptions(tolerance: 1e-12, maxIterations: 200, trimBounds: TrimBounds(lower: bounds[0], upper: bounds[1]), boundMethod: .calibration)
            : RakingOptions(tolerance: 1e-12, maxIterations: 10_000, trimBounds: nil)
        let weights = try input.weighting(options: options)
        return (input, weights, SurveyReport(data: input.data, weighting: weights, intervals: intervals))
    }

    static func find(_ estimate: Reference.Estimate, in report: SurveyReport) -> ShareEstimate? {
        guard let variable = estimate.by, let category = estimate.category else {
            guard let question = report.questions.first(where: { $0.id == estimate.question }) else { return nil }
            if estimate.answer == "positif" { return question.positive }
            return question.answers.first { $0.code == estimate.answer }?.estimate
        }
        guard let table = report.crossTabs.first(where: { $0.question == estimate.question && $0.variable == variable }),
              let column = table.columns.firstIndex(where: { $0.code == category }) else { return nil }
        let row = estimate.answer == "positif" ? table.positive : table.rows.first { $0.code == estimate.answer }
        return row?.cells[column]
    }

    static func find(_ test: Reference.Test, in report: SurveyReport) -> IndependenceTest? {
        guard let table = report.crossTabs.first(where: { $0.question == test.question && $0.variable == test.by }) else { return nil }
        switch test.answer {
        case nil: return table.test
        case "positif": return table.positive?.test
        case let code?: return table.rows.first { $0.code == code }?.test
        }
    }

    @Test(arguments: ["sans-poids", "avec-poids"])
    func estimatesTestsAndWeightsAgreeWithR(survey name: String) throws {
        let reference = try Self.reference()
        let survey = try #require(reference.surveys[name])
        let differences = Differences()
        for (weighting, expected) in survey.weightings.sorted(by: { $0.key < $1.key }) {
            let (input, weights, logit) = try Self.report(name, weighting: weighting, bounds: survey.bounds, intervals: .logit)
            let wilson = SurveyReport(data: input.data, weighting: weights, intervals: .wilson)
            #expect(weights.weights.count == expected.weights.count)
            let key = weighting == "bounded" ? "weights (bounded raking)" : "weights (\(weighting))"
            for (ours, theirs) in zip(weights.weights, expected.weights) {
                differences.record(key, Self.relative(ours, theirs))
                #expect(Self.relative(ours, theirs) < Self.weightTolerance, "\(name) \(weighting) weight")
            }
            if weighting == "bounded" {
                let starting = weights.design.designWeights
                #expect(zip(weights.weights, starting).allSatisfy { $0 / $1 >= survey.bounds[0] - 1e-12 && $0 / $1 <= survey.bounds[1] + 1e-12 },
                        "no weight outside its bounds")
                #expect(weights.summary.converged == true)
                #expect((weights.summary.weightsAtBounds ?? 0) > 0, "the bounds bind")
            }
            for r in expected.estimates {
                let place = "\(name) \(weighting) \(r.question)=\(r.answer) \(r.by ?? "") \(r.category ?? "")"
                let ours = try #require(Self.find(r, in: logit), "\(place) is in the report")
                #expect(ours.base == r.base, "\(place) base")
                differences.record("share (relative)", Self.relative(ours.share, r.share))
                #expect(abs(ours.share - r.share) <= Self.shareTolerance * abs(r.share) + 1e-12, "\(place) share \(ours.share) vs \(r.share)")
                differences.record("standard error (relative)", r.se > 0 ? Self.relative(ours.standardError, r.se) : abs(ours.standardError))
                #expect(abs(ours.standardError - r.se) <= Self.shareTolerance * r.se + 1e-12, "\(place) SE \(ours.standardError) vs \(r.se)")
                #expect(ours.interval.degreesOfFreedom == r.df, "\(place) df")
                if let deff = r.deff, deff.isFinite, r.share > 0, r.share < 1 {
                    let value = try #require(ours.designEffect, "\(place) has a design effect")
                    differences.record("design effect (relative)", Self.relative(value, deff))
                    #expect(Self.relative(value, deff) < Self.designEffectTolerance, "\(place) deff \(value) vs \(deff)")
                }
                if let bounds = r.logit {
                    #expect(ours.interval.method == .logit, "\(place) logit interval")
                    let difference = max(abs(ours.low - bounds[0]), abs(ours.high - bounds[1]))
                    differences.record("logit interval bounds", difference)
                    #expect(difference < Self.intervalTolerance, "\(place) logit \(ours.low)–\(ours.high) vs \(bounds)")
                }
                if let bounds = r.wilson, let other = Self.find(r, in: wilson) {
                    #expect(other.interval.method == .wilson)
                    let difference = max(abs(other.low - bounds[0]), abs(other.high - bounds[1]))
                    differences.record("Wilson interval bounds", difference)
                    #expect(difference < Self.intervalTolerance, "\(place) Wilson \(other.low)–\(other.high) vs \(bounds)")
                }
            }
            for r in expected.tests {
                let place = "\(name) \(weighting) \(r.question)=\(r.answer ?? "table") × \(r.by)"
                let ours = try #require(Self.find(r, in: logit), "\(place) is tested")
                #expect(ours.respondents == r.base, "\(place) base")
                #expect(ours.degreesOfFreedom == r.df, "\(place) df")
                // R rescales a domain of a calibrated design to the whole sample (N): compare X² per respondent.
                differences.record("Pearson X² (relative)", Self.relative(ours.pearsonChiSquare / Double(ours.respondents), r.pearson / Double(r.N)))
                differences.record("first-order X²/δ̄ (relative)", Self.relative(ours.firstOrder.chiSquare, r.firstOrder))
                differences.record("second-order F (relative)", Self.relative(ours.secondOrder.f, r.F))
                differences.record("second-order df (relative)", max(Self.relative(ours.secondOrder.numeratorDegreesOfFreedom, r.ndf),
                                                                      Self.relative(ours.secondOrder.denominatorDegreesOfFreedom, r.ddf)))
                differences.record("first-order p", abs(ours.firstOrder.pValue - r.firstOrderP))
                differences.record("second-order p", abs(ours.secondOrder.pValue - r.secondOrderP))
                #expect(abs(ours.firstOrder.pValue - r.firstOrderP) < Self.pValueTolerance, "\(place) first-order p \(ours.firstOrder.pValue) vs \(r.firstOrderP)")
                #expect(abs(ours.secondOrder.pValue - r.secondOrderP) < Self.pValueTolerance, "\(place) second-order p \(ours.secondOrder.pValue) vs \(r.secondOrderP)")
                #expect(Self.relative(ours.secondOrder.f, r.F) < 1e-6, "\(place) F \(ours.secondOrder.f) vs \(r.F)")
                #expect(ours.isSignificant == (r.secondOrderP < 0.05), "\(place) decision")
            }
        }
        print("Against R \(reference.R), survey \(reference.survey), \(name):\n" + differences.table)
    }

    @Test func theReferenceCoversWhatTheIssueAsks() throws {
        let reference = try Self.reference()
        let unweighted = try #require(reference.surveys["sans-poids"]?.weightings["raking"])
        let weighted = try #require(reference.surveys["avec-poids"]?.weightings["raking"])
        // Design weights in one survey, not the other.
        #expect(Set(try #require(reference.surveys["avec-poids"]?.weightings["none"]).weights.map { ($0 * 1e6).rounded() }).count > 10)
        #expect(Set(try #require(reference.surveys["sans-poids"]?.weightings["none"]).weights).count == 1)
        for weighting in [unweighted, weighted] {
            // A multiple-answer question with an exclusive answer, non-response, two cross-by variables, small bases.
            #expect(weighting.estimates.contains { $0.question == "atouts" && $0.answer == "0" && $0.by == nil })
            #expect(Set(weighting.estimates.compactMap(\.by)).count == 2)
            #expect(weighting.estimates.contains { $0.by == nil && $0.base < 30 })
            #expect(weighting.tests.contains { $0.answer == nil } && weighting.tests.contains { $0.answer == "positif" }
                    && weighting.tests.contains { $0.question == "atouts" })
        }
    }
}
