import BourgCore
import Foundation

/// A survey read and checked: the respondents (with their questionnaire) and the population margins, if any.
public struct SurveyInput: Sendable {
    public var data: SurveyData
    public var margins: PopulationMargins?

    public init(data: SurveyData, margins: PopulationMargins?) {
        self.data = data
        self.margins = margins
    }

    /// The respondents' weights: raking on the margins when there are some.
    public func weighting(options: RakingOptions = .standard) throws(SurveyError) -> SurveyWeighting {
        try SurveyWeighting.compute(data, margins: margins, options: options)
    }
}

/// The survey module's entry points: read the files, weight, estimate, and turn the survey into scoring weights.
public enum SurveyAnalysis {
    /// Reads and checks the questionnaire (JSON), the answers (CSV) and the margins (CSV, optional). Errors are
    /// `DataBuildError`s naming the file, line and column.
    public static func load(data: URL, questionnaire: URL, margins: URL?) throws -> SurveyInput {
        let questions = try QuestionnaireReader.read(url: questionnaire)
        let answersName = data.relativePath
        let answers = try SurveyAnswersReader.read(url: data, name: answersName, questionnaire: questions)
        let marginsFile = try margins.map { try PopulationMarginsReader.read(url: $0, questionnaire: questions) }
        return try checked(answers, marginsFile, answersName: answersName)
    }

    /// The same from files in memory (an upload): each with the name used in errors.
    public static func load(data: Data, dataName: String, questionnaire: Data, questionnaireName: String,
                            margins: Data?, marginsName: String = "marges.csv") throws -> SurveyInput {
        let questions = try QuestionnaireReader.read(data: questionnaire, name: questionnaireName)
        let answers = try SurveyAnswersReader.read(CSVFile(data: data, name: dataName), questionnaire: questions)
        let marginsFile = try margins.map {
            try PopulationMarginsReader.read(CSVFile(data: $0, name: marginsName), questionnaire: questions)
        }
        return try checked(answers, marginsFile, answersName: dataName)
    }

    static func checked(_ answers: SurveyData, _ margins: MarginsFile?, answersName: String) throws -> SurveyInput {
        if let margins { try PopulationMarginsReader.check(margins, against: answers, answersFile: answersName) }
        return SurveyInput(data: answers, margins: margins?.margins)
    }

    /// Reads the files, weights the respondents and computes the report (toplines and cross-tabs).
    public static func run(data: URL, questionnaire: URL, margins: URL?, options: RakingOptions = .standard,
                           intervals: IntervalMethod = .standard) throws -> SurveyReport {
        let input = try load(data: data, questionnaire: questionnaire, margins: margins)
        return SurveyReport(data: input.data, weighting: try input.weighting(options: options), intervals: intervals)
    }

    /// Reads the files, weights the respondents and turns the assets / barriers questions into a weight preset
    /// (see `SurveyPreset.weights`).
    public static func weights(data: URL, questionnaire: URL, margins: URL?, options: RakingOptions = .standard,
                               id: String = "enquete", label: String? = nil) throws -> Weights {
        let input = try load(data: data, questionnaire: questionnaire, margins: margins)
        return try SurveyPreset.weights(data: input.data, weighting: input.weighting(options: options), id: id, label: label)
    }

    /// Reads a weight preset written by `bourg survey weights` (or any file in the barometer preset's format)
    /// and checks that it can weigh a score: weighable dimensions, once each, values ≥ 0, one above 0.
    public static func readPreset(url: URL, name: String? = nil) throws -> Weights {
        let name = name ?? url.relativePath
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw DataBuildError(.missingFile, file: name, message: "file not found or unreadable at \(url.path)")
        }
        let weights: Weights
        do {
            weights = try JSONDecoder().decode(Weights.self, from: data)
        } catch let error as DecodingError {
            throw DataBuildError(.invalidValue, file: name, message: "not a weight preset: " + QuestionnaireReader.describe(error))
        }
        var seen: Set<AttractivenessDimension> = []
        for (position, entry) in weights.entries.enumerated() {
            let place = "entries[\(position)]"
            guard AttractivenessDimension.weighable.contains(entry.dimension) else {
                throw DataBuildError(.invalidValue, file: name, message: "\(place): dimension '\(entry.dimension.rawValue)' is not weighed")
            }
            guard seen.insert(entry.dimension).inserted else {
                throw DataBuildError(.invalidValue, file: name, message: "\(place): dimension '\(entry.dimension.rawValue)' appears twice")
            }
            guard entry.value >= 0, entry.value.isFinite else {
                throw DataBuildError(.invalidValue, file: name, message: "\(place): a weight must be a number ≥ 0 (found \(entry.value))")
            }
        }
        guard weights.entries.contains(where: { $0.value > 0 }) else {
            throw DataBuildError(.invalidValue, file: name, message: "entries: every weight is 0")
        }
        return weights
    }
}
