import BourgCore
import Foundation

/// Reads a CSV of respondents (one row each) against its questionnaire.
///
/// Columns: one per profile variable and per question, named by their id, and the design weight column when
/// the questionnaire names one; other columns (a respondent id…) are ignored. A single-answer question's cell
/// holds one answer code; a multiple-answer question's cell holds the codes of the items cited separated by `;`
/// (`1;4;7`). An empty cell is no answer. Every error names the file, line and column.
public enum SurveyAnswersReader {
    /// Reads the answers at `url`, naming the file `name` in errors (default: the path as given).
    public static func read(url: URL, name: String? = nil, questionnaire: Questionnaire) throws -> SurveyData {
        try read(CSVFile(url: url, name: name ?? url.relativePath), questionnaire: questionnaire)
    }

    /// Reads the answers of a parsed CSV file.
    public static func read(_ file: CSVFile, questionnaire: Questionnaire) throws -> SurveyData {
        try file.require(questionnaire.profile.map(\.id) + questionnaire.questions.map(\.id)
                         + (questionnaire.weightColumn.map { [$0] } ?? []))
        guard !file.rows.isEmpty else {
            throw DataBuildError(.malformedRow, file: file.name, line: 2, message: "no respondent: the file has a header line but no answers")
        }
        var respondents: [SurveyRespondent] = []
        respondents.reserveCapacity(file.rows.count)
        for row in file.rows {
            var weight = 1.0
            if let column = questionnaire.weightColumn {
                weight = try row.requiredNumber(column)
                guard weight > 0 else { throw row.error(column, "a design weight must be greater than 0, found '\(row[column])'") }
            }
            let profile = try questionnaire.profile.map { variable -> Int? in
                guard let code = row.text(variable.id) else { return nil }
                guard let category = variable.categoryIndex(code) else {
                    throw row.error(variable.id, "unknown category '\(code)'; categories: \(variable.categories.map(\.code).joined(separator: ", "))")
                }
                return category
            }
            let answers = try questionnaire.questions.map { try answer(row, $0) }
            respondents.append(SurveyRespondent(line: row.line, designWeight: weight, profile: profile, answers: answers))
        }
        return SurveyData(questionnaire: questionnaire, respondents: respondents)
    }

    /// The answer positions of one question's cell, or `nil` when the cell is empty.
    static func answer(_ row: CSVRow, _ question: SurveyQuestion) throws -> [Int]? {
        guard let cell = row.text(question.id) else { return nil }
        let codes = cell.split(separator: ";", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        if question.type == .single && codes.count > 1 {
            throw row.error(question.id, "'\(question.id)' takes a single answer, found \(codes.count) codes ('\(cell)')")
        }
        var positions: [Int] = []
        for code in codes {
            guard !code.isEmpty else { throw row.error(question.id, "empty code in '\(cell)'; write the codes separated by ';', e.g. 1;4;7") }
            guard let position = question.answerIndex(code) else {
                throw row.error(question.id, "unknown answer code '\(code)'; codes: \(question.answers.map(\.code).joined(separator: ", "))")
            }
            guard !positions.contains(position) else { throw row.error(question.id, "code '\(code)' is given twice in '\(cell)'") }
            positions.append(position)
        }
        if let maxAnswers = question.maxAnswers, positions.count > maxAnswers {
            throw row.error(question.id, "\(positions.count) answers ('\(cell)') but at most \(maxAnswers) allowed")
        }
        if positions.count > 1, let exclusive = positions.first(where: { question.answers[$0].exclusive }) {
            throw row.error(question.id, "'\(question.answers[exclusive].code)' (\(question.answers[exclusive].label)) cannot be combined with other answers ('\(cell)')")
        }
        return positions
    }
}
