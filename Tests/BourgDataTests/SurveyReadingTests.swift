import BourgCore
import Foundation
import Testing
@testable import BourgData

/// The survey fixtures (`Fixtures/survey`) and the shipped example (`examples/survey`).
enum SurveyFixture {
    static let directory: URL = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("survey")
    static let questionnaire = directory.appendingPathComponent("questionnaire.json")
    static let answers = directory.appendingPathComponent("answers.csv")
    static let margins = directory.appendingPathComponent("margins.csv")

    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples/survey")

    static func questions() throws -> Questionnaire { try QuestionnaireReader.read(url: questionnaire) }

    /// Loads answers and margins given as text, with the fixture questionnaire (or `questionnaire` as text).
    static func load(answers: String, margins: String? = nil, questionnaire: String? = nil) throws -> SurveyInput {
        let questions = try questionnaire.map { Data($0.utf8) } ?? Data(contentsOf: self.questionnaire)
        return try SurveyAnalysis.load(data: Data(answers.utf8), dataName: "answers.csv", questionnaire: questions,
                                       questionnaireName: "q.json", margins: margins.map { Data($0.utf8) }, marginsName: "margins.csv")
    }

    static let header = "id,sexe,age,opinion,atouts\n"
    static let goodMargins = "variable,category,share\nsexe,H,0.5\nsexe,F,0.5\nage,J,0.4\nage,V,0.6\n"
}

@Suite("Survey reading")
struct SurveyReadingTests {
    @Test func fixtureIsRakedAndEstimatedAsWorkedByHand() throws {
        let input = try SurveyAnalysis.load(data: SurveyFixture.answers, questionnaire: SurveyFixture.questionnaire,
                                            margins: SurveyFixture.margins)
        #expect(input.data.respondents.count == 6)
        #expect(input.data.respondents.map(\.line) == [2, 3, 4, 5, 6, 7])
        // The one-pass case of the core tests: 1.2, 1.8, 0.6, 0.6, 0.9, 0.9.
        let weighting = try input.weighting()
        #expect(zip(weighting.weights, [1.2, 1.8, 0.6, 0.6, 0.9, 0.9]).allSatisfy { abs($0 - $1) < 1e-9 })
        #expect(weighting.summary.method == .raking)
        #expect(weighting.summary.boundMethod == .calibration)
        #expect((weighting.summary.iterations ?? 0) >= 1)
        #expect(weighting.summary.converged == true)
        // Iterative fitting with trimming finds them in one pass.
        let trimmed = try input.weighting(options: RakingOptions(boundMethod: .trimming))
        #expect(zip(trimmed.weights, [1.2, 1.8, 0.6, 0.6, 0.9, 0.9]).allSatisfy { abs($0 - $1) < 1e-9 })
        #expect(trimmed.summary.iterations == 1)
        #expect(abs(weighting.summary.designEffect - 1.17) < 1e-9)

        let report = try SurveyAnalysis.run(data: SurveyFixture.answers, questionnaire: SurveyFixture.questionnaire,
                                            margins: SurveyFixture.margins)
        // Positive: respondents 1, 2, 4, 5 → (1.2 + 1.8 + 0.6 + 0.9) / 6 = 0.75.
        #expect(abs((report.questions[0].positive?.share ?? 0) - 0.75) < 1e-9)
        // atouts: respondent 4 left it blank → base 1, 2, 3, 5, 6, total 5.4. Nature (1, 2, 5): 3.9 / 5.4;
        // voisinage (1, 3): 1.8 / 5.4; the exclusive "Aucun" (6): 0.9 / 5.4.
        let assets = report.questions[1]
        #expect(assets.base == 5)
        let shares = Dictionary(uniqueKeysWithValues: assets.answers.map { ($0.code, $0.estimate.share) })
        #expect(abs((shares["n"] ?? 0) - 3.9 / 5.4) < 1e-9)
        #expect(abs((shares["s"] ?? 0) - 1.8 / 5.4) < 1e-9)
        #expect(abs((shares["0"] ?? 0) - 0.9 / 5.4) < 1e-9)
        #expect(report.crossTabs.map(\.variable) == ["age", "age"])
        // Each respondent's weight as CSV: line, starting weight, final weight.
        let csv = SurveyWeightsCSV.render(input.data, weighting: weighting).split(separator: "\n")
        #expect(csv.first == "ligne,poids_depart,poids")
        #expect(csv.count == 7)
        #expect(csv[1].hasPrefix("2,1.0,1.2"))
    }

    @Test func reportEncodesAsJSON() throws {
        let report = try SurveyAnalysis.run(data: SurveyFixture.answers, questionnaire: SurveyFixture.questionnaire, margins: nil)
        #expect(report.weighting.method == .unweighted)
        let json = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
        #expect(json.contains("\"positiveStatement\":\"portent un regard positif\""))
        // Per estimate: share, standard error, design effect, effective size, interval and its method.
        for key in ["\"standardError\"", "\"designEffect\"", "\"effectiveSize\"", "\"interval\":{", "\"method\":\"logit\"",
                    "\"firstOrder\"", "\"secondOrder\"", "\"meanDesignEffect\"", "\"intervalMethod\":\"logit\""] {
            #expect(json.contains(key), "\(key)")
        }
    }

    @Test func unknownAnswerCodeNamesRowAndColumn() throws {
        let error = try #require(throws: DataBuildError.self) {
            try SurveyFixture.load(answers: SurveyFixture.header + "1,H,J,1,n\n2,H,V,7,n\n")
        }
        #expect(error.file == "answers.csv")
        #expect(error.line == 3)
        #expect(error.column == "opinion")
        #expect(error.description.contains("unknown answer code '7'"))
        #expect(error.description.contains("codes: 1, 2"))
    }

    @Test func unknownItemOfAMultipleQuestion() throws {
        let error = try #require(throws: DataBuildError.self) { try SurveyFixture.load(answers: SurveyFixture.header + "1,H,J,1,n;x\n") }
        #expect(error.line == 2)
        #expect(error.column == "atouts")
        #expect(error.description.contains("'x'"))
    }

    @Test func tooManyAnswersForAMultipleQuestion() throws {
        let error = try #require(throws: DataBuildError.self) {
            try SurveyFixture.load(answers: SurveyFixture.header + "1,H,J,1,n\n2,F,V,2,n;s;r\n")
        }
        #expect(error.line == 3)
        #expect(error.column == "atouts")
        #expect(error.description.contains("at most 2"))
    }

    @Test func exclusiveAnswerRepeatedCodeAndSeveralCodesForASingleQuestion() throws {
        let exclusive = try #require(throws: DataBuildError.self) { try SurveyFixture.load(answers: SurveyFixture.header + "1,H,J,1,0;n\n") }
        #expect(exclusive.column == "atouts")
        #expect(exclusive.description.contains("cannot be combined"))
        let repeated = try #require(throws: DataBuildError.self) { try SurveyFixture.load(answers: SurveyFixture.header + "1,H,J,1,n;n\n") }
        #expect(repeated.description.contains("twice"))
        let single = try #require(throws: DataBuildError.self) { try SurveyFixture.load(answers: SurveyFixture.header + "1,H,J,1;2,n\n") }
        #expect(single.column == "opinion")
        #expect(single.description.contains("single answer"))
    }

    @Test func unknownProfileCategory() throws {
        let error = try #require(throws: DataBuildError.self) { try SurveyFixture.load(answers: SurveyFixture.header + "1,X,J,1,n\n") }
        #expect(error.line == 2)
        #expect(error.column == "sexe")
        #expect(error.description.contains("categories: H, F"))
    }

    @Test func missingMarginCategoryNamesTheRespondentRowAndColumn() throws {
        // age has a share for J only (summing to 1): the respondent on line 3 is V.
        let margins = "variable,category,share\nage,J,1\n"
        let error = try #require(throws: DataBuildError.self) {
            try SurveyFixture.load(answers: SurveyFixture.header + "1,H,J,1,n\n2,H,V,1,n\n", margins: margins)
        }
        #expect(error.file == "answers.csv")
        #expect(error.line == 3)
        #expect(error.column == "age")
        #expect(error.description.contains("category 'V' has no population share in margins.csv"))
    }

    @Test func marginWithoutRespondentNamesTheMarginLine() throws {
        let error = try #require(throws: DataBuildError.self) {
            try SurveyFixture.load(answers: SurveyFixture.header + "1,H,J,1,n\n2,F,J,1,n\n", margins: SurveyFixture.goodMargins)
        }
        #expect(error.file == "margins.csv")
        #expect(error.line == 5)
        #expect(error.column == "category")
        #expect(error.description.contains("no respondent is in category 'V' of 'age'"))
    }

    @Test func emptyCellOfAWeightingVariable() throws {
        let error = try #require(throws: DataBuildError.self) {
            try SurveyFixture.load(answers: SurveyFixture.header + "1,H,J,1,n\n2,F,,1,n\n", margins: SurveyFixture.goodMargins)
        }
        #expect(error.line == 3)
        #expect(error.column == "age")
        #expect(error.description.contains("weighting variable"))
    }

    @Test func badMargins() throws {
        let answers = SurveyFixture.header + "1,H,J,1,n\n2,F,V,1,n\n"
        let sum = try #require(throws: DataBuildError.self) {
            try SurveyFixture.load(answers: answers, margins: "variable,category,share\nsexe,H,0.5\nsexe,F,0.49\n")
        }
        #expect(sum.file == "margins.csv")
        #expect(sum.line == 2)
        #expect(sum.column == "share")
        #expect(sum.description.contains("sum to 0.9900"))
        let percent = try #require(throws: DataBuildError.self) {
            try SurveyFixture.load(answers: answers, margins: "variable,category,share\nsexe,H,52\nsexe,F,48\n")
        }
        #expect(percent.line == 2)
        #expect(percent.description.contains("fraction of 1"))
        let category = try #require(throws: DataBuildError.self) {
            try SurveyFixture.load(answers: answers, margins: "variable,category,share\nsexe,H,0.5\nsexe,Femme,0.5\n")
        }
        #expect(category.line == 3)
        #expect(category.column == "category")
        let variable = try #require(throws: DataBuildError.self) {
            try SurveyFixture.load(answers: answers, margins: "variable,category,share\nrevenu,H,1\n")
        }
        #expect(variable.column == "variable")
        let duplicate = try #require(throws: DataBuildError.self) {
            try SurveyFixture.load(answers: answers, margins: "variable,category,share\nsexe,H,0.5\nsexe,H,0.5\n")
        }
        #expect(duplicate.line == 3)
        #expect(duplicate.description.contains("already has a share on line 2"))
    }

    @Test func emptyFiles() throws {
        let empty = try #require(throws: DataBuildError.self) { try SurveyFixture.load(answers: "") }
        #expect(empty.file == "answers.csv")
        #expect(empty.line == 1)
        #expect(empty.description.contains("empty"))
        let headerOnly = try #require(throws: DataBuildError.self) { try SurveyFixture.load(answers: SurveyFixture.header) }
        #expect(headerOnly.line == 2)
        #expect(headerOnly.description.contains("no respondent"))
        let missingColumn = try #require(throws: DataBuildError.self) { try SurveyFixture.load(answers: "id,sexe,age,opinion\n1,H,J,1\n") }
        #expect(missingColumn.column == "atouts")
        let emptyQuestionnaire = try #require(throws: DataBuildError.self) {
            try SurveyFixture.load(answers: SurveyFixture.header + "1,H,J,1,n\n", questionnaire: "  \n")
        }
        #expect(emptyQuestionnaire.file == "q.json")
        #expect(emptyQuestionnaire.description.contains("empty"))
    }

    @Test func badDesignWeight() throws {
        var questionnaire = try SurveyFixture.questions()
        questionnaire.weightColumn = "poids"
        let json = String(decoding: try JSONEncoder().encode(questionnaire), as: UTF8.self)
        let header = "id,sexe,age,opinion,atouts,poids\n"
        let zero = try #require(throws: DataBuildError.self) {
            try SurveyFixture.load(answers: header + "1,H,J,1,n,1.5\n2,F,V,1,n,0\n", questionnaire: json)
        }
        #expect(zero.line == 3)
        #expect(zero.column == "poids")
        #expect(zero.description.contains("greater than 0"))
        let text = try #require(throws: DataBuildError.self) {
            try SurveyFixture.load(answers: header + "1,H,J,1,n,lourd\n", questionnaire: json)
        }
        #expect(text.line == 2)
        #expect(text.column == "poids")
        // Good weights are the starting point (design weighting without margins); decimal commas are read.
        let input = try SurveyFixture.load(answers: header + "1,H,J,1,n,1\n2,F,V,2,n,\"3,0\"\n", questionnaire: json)
        let weighting = try input.weighting()
        #expect(weighting.summary.method == .design)
        #expect(weighting.weights == [0.5, 1.5])
    }

    @Test func questionnaireErrorsNameTheirPlace() throws {
        let base = try String(contentsOf: SurveyFixture.questionnaire, encoding: .utf8)
        let answers = SurveyFixture.header + "1,H,J,1,n\n"
        func error(_ json: String) throws -> DataBuildError {
            try #require(throws: DataBuildError.self) { try SurveyFixture.load(answers: answers, questionnaire: json) }
        }
        let dimension = try error(base.replacingOccurrences(of: "\"vie_sociale\"", with: "\"voisins\""))
        #expect(dimension.description.contains("q.json: questions[1].answers[1].dimension: unknown dimension"))
        let type = try error(base.replacingOccurrences(of: "\"multiple\"", with: "\"plusieurs\""))
        #expect(type.description.contains("questions[1].type"))
        let duplicate = try error(base.replacingOccurrences(of: "\"code\": \"s\"", with: "\"code\": \"n\""))
        #expect(duplicate.description.contains("questions[1].answers[1].code: code 'n' is used twice"))
        let cross = try error(base.replacingOccurrences(of: "\"crossBy\": [\"age\"]", with: "\"crossBy\": [\"revenu\"]"))
        #expect(cross.description.contains("crossBy[0]"))
        let missing = try error(base.replacingOccurrences(of: "\"text\": \"Leurs atouts ?\", ", with: ""))
        #expect(missing.description.contains("questions[1]: the field 'text' is missing"))
        let invalid = try error("{ \"title\": ")
        #expect(invalid.description.contains("not valid JSON"))
        let typology = try error(base.replacingOccurrences(of: "\"vie_sociale\"", with: "\"typologie\""))
        #expect(typology.description.contains("not weighed"))
    }

    @Test func weightPresetIsWrittenAndReadBack() throws {
        let weights = try SurveyAnalysis.weights(data: SurveyFixture.answers, questionnaire: SurveyFixture.questionnaire,
                                                 margins: SurveyFixture.margins)
        // Base: respondents 1, 2, 3, 5, 6 (total 5.4). Nature: 3.9 / 5.4 = 72.2 %; vie sociale: 1.8 / 5.4 = 33.3 %.
        #expect(weights.value(.nature) == 72.2)
        #expect(weights.value(.vieSociale) == 33.3)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bourg-survey-preset-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try JSONEncoder().encode(weights).write(to: url)
        #expect(try SurveyAnalysis.readPreset(url: url) == weights)
        // The barometer preset is in the same format and passes the same checks.
        try JSONEncoder().encode(WeightPresets.barometre).write(to: url)
        #expect(try SurveyAnalysis.readPreset(url: url) == WeightPresets.barometre)
        try Data("{\"id\": \"x\", \"label\": \"x\", \"citation\": \"x\", \"entries\": []}".utf8).write(to: url)
        #expect(throws: DataBuildError.self) { try SurveyAnalysis.readPreset(url: url) }
    }
}

@Suite("Survey example")
struct SurveyExampleTests {
    @Test func exampleFilesGiveAConvergedWeightedReport() throws {
        let report = try SurveyAnalysis.run(
            data: SurveyFixture.examples.appendingPathComponent("reponses-synthetiques.csv"),
            questionnaire: SurveyFixture.examples.appendingPathComponent("questionnaire-barometre.json"),
            margins: SurveyFixture.examples.appendingPathComponent("margins-france.csv"))
        #expect(report.respondents == 1000)
        #expect(report.weighting.method == .raking)
        #expect(report.weighting.converged == true)
        #expect(report.weighting.designEffect > 1 && report.weighting.designEffect < 2)
        #expect(report.questions.map(\.id) == ["opinion", "atouts", "freins", "teletravail"])
        let opinion = try #require(report.questions[0].positive)
        #expect(opinion.low < opinion.share && opinion.share < opinion.high)
        // Corse has fewer than 30 respondents: flagged in every cross-tab by region.
        let region = try #require(report.crossTabs.first { $0.variable == "region" })
        #expect(region.columns.first { $0.code == "COR" }?.isSmallBase == true)
        let text = SurveyReportText.render(report)
        #expect(text.contains("portent un regard positif sur les petites villes"))
    }

    @Test func exampleGivesAPresetForEveryWeighableDimension() throws {
        let weights = try SurveyAnalysis.weights(
            data: SurveyFixture.examples.appendingPathComponent("reponses-synthetiques.csv"),
            questionnaire: SurveyFixture.examples.appendingPathComponent("questionnaire-barometre.json"),
            margins: SurveyFixture.examples.appendingPathComponent("margins-france.csv"))
        #expect(Set(weights.entries.map(\.dimension)) == Set(AttractivenessDimension.weighable))
        #expect(weights.entries.filter { $0.basis == .survey }.count == 12)
        #expect(weights.entries.allSatisfy { !$0.note.isEmpty })
    }
}
