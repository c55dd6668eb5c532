import BourgCore
import Foundation

/// Population margins read from a CSV `variable,category,share`: for each profile variable to calibrate on, the
/// population share (a fraction of 1) of each of its categories, with the line each share was read on.
public struct MarginsFile: Sendable {
    /// The file's name in errors.
    public var name: String
    public var margins: PopulationMargins
    /// For each variable, the line of each category's share (`nil` for a category without a line).
    public var lines: [String: [Int?]]
}

/// Reads a margins CSV against its questionnaire.
public enum PopulationMarginsReader {
    /// How far the shares of a variable may sum from 1 (they are then rescaled to sum to 1 exactly).
    public static let sumTolerance = 0.001

    /// Reads the margins at `url`, naming the file `name` in errors (default: the path as given).
    public static func read(url: URL, name: String? = nil, questionnaire: Questionnaire) throws -> MarginsFile {
        try read(CSVFile(url: url, name: name ?? url.relativePath), questionnaire: questionnaire)
    }

    /// Reads the margins of a parsed CSV file. Every variable must be a profile variable and every category one
    /// of its categories; shares are numbers in ]0, 1]; the shares of a variable sum to 1 (± 0.001).
    public static func read(_ file: CSVFile, questionnaire: Questionnaire) throws -> MarginsFile {
        try file.require(["variable", "category", "share"])
        guard !file.rows.isEmpty else {
            throw DataBuildError(.malformedRow, file: file.name, line: 2, message: "no margin: the file has a header line but no share")
        }
        var order: [String] = []
        var shares: [String: [Double]] = [:]
        var lines: [String: [Int?]] = [:]
        for row in file.rows {
            let name = row["variable"]
            guard let position = questionnaire.profileIndex(name) else {
                throw row.error("variable", "'\(name)' is not a profile variable of the questionnaire (\(questionnaire.profile.map(\.id).joined(separator: ", ")))")
            }
            let variable = questionnaire.profile[position]
            let code = row["category"]
            guard let category = variable.categoryIndex(code) else {
                throw row.error("category", "unknown category '\(code)' of '\(name)'; categories: \(variable.categories.map(\.code).joined(separator: ", "))")
            }
            let share = try row.requiredNumber("share")
            guard share > 0, share <= 1 else {
                throw row.error("share", "a share is a fraction of 1 greater than 0 (0.52 for 52 %), found '\(row["share"])'")
            }
            if shares[name] == nil {
                order.append(name)
                shares[name] = [Double](repeating: 0, count: variable.categories.count)
                lines[name] = [Int?](repeating: nil, count: variable.categories.count)
            }
            if let previous = lines[name]?[category] ?? nil {
                throw row.error("category", "'\(name)' = '\(code)' already has a share on line \(previous)")
            }
            shares[name]?[category] = share
            lines[name]?[category] = row.line
        }
        var variables: [MarginVariable] = []
        for name in order {
            let values = shares[name] ?? []
            let sum = values.reduce(0, +)
            guard abs(sum - 1) <= sumTolerance else {
                let first = lines[name]?.compactMap { $0 }.min()
                throw DataBuildError(.inconsistentData, file: file.name, line: first, column: "share",
                                     message: "the shares of '\(name)' sum to \(String(format: "%.4f", sum)), not 1 (± \(sumTolerance)); is a category missing?")
            }
            variables.append(MarginVariable(variable: name, shares: values.map { $0 / sum }))
        }
        return MarginsFile(name: file.name, margins: PopulationMargins(variables: variables), lines: lines)
    }

    /// Checks margins against the respondents, naming the offending line: every respondent must have a category,
    /// with a population share, for every margin variable; every category with a share must have a respondent.
    public static func check(_ margins: MarginsFile, against data: SurveyData, answersFile: String) throws {
        let questionnaire = data.questionnaire
        for margin in margins.margins.variables {
            guard let position = questionnaire.profileIndex(margin.variable) else { continue }
            let variable = questionnaire.profile[position]
            var counts = [Int](repeating: 0, count: variable.categories.count)
            for respondent in data.respondents {
                guard let category = respondent.profile[position] else {
                    throw DataBuildError(.invalidValue, file: answersFile, line: respondent.line, column: margin.variable,
                                         message: "empty cell: '\(margin.variable)' is a weighting variable (\(margins.name)), every respondent needs a category")
                }
                guard margin.shares[category] > 0 else {
                    let code = variable.categories[category].code
                    throw DataBuildError(.invalidValue, file: answersFile, line: respondent.line, column: margin.variable,
                                         message: "category '\(code)' has no population share in \(margins.name); add a line '\(margin.variable),\(code),<share>'")
                }
                counts[category] += 1
            }
            for (category, share) in margin.shares.enumerated() where share > 0 && counts[category] == 0 {
                let code = variable.categories[category].code
                throw DataBuildError(.inconsistentData, file: margins.name, line: margins.lines[margin.variable]?[category] ?? nil,
                                     column: "category",
                                     message: "no respondent is in category '\(code)' of '\(margin.variable)': raking cannot give it its share; merge it with a neighbouring category")
            }
        }
    }
}
