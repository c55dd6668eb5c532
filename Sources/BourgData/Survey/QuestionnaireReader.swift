import BourgCore
import Foundation

/// Reads and checks a survey questionnaire written in JSON (format: `Questionnaire`; example:
/// `examples/survey/questionnaire-barometre.json`). Errors name the file and the place in the JSON
/// (`questions[2].answers[0].dimension`).
public enum QuestionnaireReader {
    /// Reads the questionnaire at `url`, naming it `name` in errors (default: the path as given).
    public static func read(url: URL, name: String? = nil) throws -> Questionnaire {
        let name = name ?? url.relativePath
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw DataBuildError(.missingFile, file: name, message: "file not found or unreadable at \(url.path)")
        }
        return try read(data: data, name: name)
    }

    /// Parses and checks a questionnaire.
    public static func read(data: Data, name: String) throws -> Questionnaire {
        guard !data.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) else {
            throw DataBuildError(.malformedRow, file: name, line: 1, message: "the file is empty: a JSON questionnaire was expected")
        }
        let questionnaire: Questionnaire
        do {
            questionnaire = try JSONDecoder().decode(Questionnaire.self, from: data)
        } catch let error as DecodingError {
            throw DataBuildError(.invalidValue, file: name, message: describe(error))
        }
        try validate(questionnaire, name: name)
        return questionnaire
    }

    /// Checks what JSON decoding cannot: unique ids and codes, answers present, rules of each question type.
    public static func validate(_ questionnaire: Questionnaire, name: String) throws {
        func fail(_ path: String, _ message: String) -> DataBuildError {
            DataBuildError(.invalidValue, file: name, message: "\(path): \(message)")
        }
        guard !questionnaire.questions.isEmpty else { throw fail("questions", "the questionnaire has no question") }
        var ids: Set<String> = []
        func checkId(_ id: String, _ path: String) throws {
            guard !id.isEmpty, id.trimmingCharacters(in: .whitespaces) == id else {
                throw fail(path, "an id must be a non-empty column name without surrounding spaces (found '\(id)')")
            }
            guard ids.insert(id).inserted else {
                throw fail(path, "id '\(id)' is used twice (profile variables, questions and the weight column name columns of the answers file)")
            }
        }
        func checkCodes(_ codes: [String], _ path: String) throws {
            var seen: Set<String> = []
            for (position, code) in codes.enumerated() {
                guard !code.isEmpty, code.trimmingCharacters(in: .whitespaces) == code, !code.contains(";") else {
                    throw fail("\(path)[\(position)].code", "a code must be non-empty, without surrounding spaces or ';' (found '\(code)')")
                }
                guard seen.insert(code).inserted else { throw fail("\(path)[\(position)].code", "code '\(code)' is used twice") }
            }
        }
        for (position, variable) in questionnaire.profile.enumerated() {
            let path = "profile[\(position)]"
            try checkId(variable.id, "\(path).id")
            guard !variable.categories.isEmpty else { throw fail("\(path).categories", "variable '\(variable.id)' has no category") }
            try checkCodes(variable.categories.map(\.code), "\(path).categories")
        }
        for (position, question) in questionnaire.questions.enumerated() {
            let path = "questions[\(position)]"
            try checkId(question.id, "\(path).id")
            guard !question.answers.isEmpty else { throw fail("\(path).answers", "question '\(question.id)' has no answer") }
            try checkCodes(question.answers.map(\.code), "\(path).answers")
            switch question.type {
            case .single:
                if question.maxAnswers != nil { throw fail("\(path).maxAnswers", "only a multiple-answer question takes maxAnswers") }
                for (answer, option) in question.answers.enumerated() {
                    if option.exclusive { throw fail("\(path).answers[\(answer)].exclusive", "only an item of a multiple-answer question can be exclusive") }
                    if option.dimension != nil {
                        throw fail("\(path).answers[\(answer)].dimension", "dimensions are read from multiple-answer questions (assets cited, barriers cited) only")
                    }
                }
                if question.positiveStatement != nil && question.positiveAnswers.isEmpty {
                    throw fail("\(path).positiveStatement", "question '\(question.id)' has a positive statement but no answer marked \"positive\": true")
                }
            case .multiple:
                if let maxAnswers = question.maxAnswers, maxAnswers < 1 {
                    throw fail("\(path).maxAnswers", "maxAnswers must be at least 1 (found \(maxAnswers))")
                }
                for (answer, option) in question.answers.enumerated() {
                    if option.positive { throw fail("\(path).answers[\(answer)].positive", "positive answers are read on single-answer questions only") }
                    if let dimension = option.dimension, !AttractivenessDimension.weighable.contains(dimension) {
                        throw fail("\(path).answers[\(answer)].dimension", "dimension '\(dimension.rawValue)' is not weighed; dimensions: \(dimensionList)")
                    }
                }
                if question.positiveStatement != nil {
                    throw fail("\(path).positiveStatement", "a positive statement belongs to a single-answer question")
                }
            }
        }
        if let weightColumn = questionnaire.weightColumn { try checkId(weightColumn, "weightColumn") }
        var crossed: Set<String> = []
        for (position, variable) in questionnaire.crossBy.enumerated() {
            guard questionnaire.profileIndex(variable) != nil else {
                throw fail("crossBy[\(position)]", "'\(variable)' is not a profile variable (profile: \(questionnaire.profile.map(\.id).joined(separator: ", ")))")
            }
            guard crossed.insert(variable).inserted else { throw fail("crossBy[\(position)]", "'\(variable)' is listed twice") }
        }
    }

    static let dimensionList = AttractivenessDimension.weighable.map(\.rawValue).joined(separator: ", ")

    /// A decoding error as "questions[2].type: …".
    static func describe(_ error: DecodingError) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            var text = ""
            for key in codingPath {
                if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
            }
            return text
        }
        func located(_ codingPath: [any CodingKey], _ message: String) -> String {
            let place = path(codingPath)
            return place.isEmpty ? message : "\(place): \(message)"
        }
        switch error {
        case let .keyNotFound(key, context):
            return located(context.codingPath, "the field '\(key.stringValue)' is missing")
        case let .valueNotFound(type, context):
            return located(context.codingPath, "expected \(typeName(type)), found null")
        case let .typeMismatch(type, context):
            return located(context.codingPath, "expected \(typeName(type))")
        case let .dataCorrupted(context):
            let last = context.codingPath.last?.stringValue
            if last == "dimension" {
                return located(context.codingPath, "unknown dimension; dimensions: \(dimensionList)")
            }
            if last == "type" {
                return located(context.codingPath, "unknown question type; expected \"single\" or \"multiple\"")
            }
            if context.codingPath.isEmpty {
                let detail = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
                return "not valid JSON" + (detail.map { " (\($0))" } ?? "")
            }
            return located(context.codingPath, context.debugDescription)
        @unknown default:
            return "cannot read the questionnaire: \(error)"
        }
    }

    static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type: "a whole number"
        case is Bool.Type: "true or false"
        case is Double.Type: "a number"
        default: "\(type)"
        }
    }
}
