/// One respondent's answers, as positions in the questionnaire (codes already checked by the reader).
public struct SurveyRespondent: Sendable, Hashable {
    /// The line of the respondent in the answers file (for messages).
    public var line: Int
    /// The design weight (1 when the sample has none), > 0.
    public var designWeight: Double
    /// Per profile variable of the questionnaire: the category's position, or `nil` when the cell is empty.
    public var profile: [Int?]
    /// Per question of the questionnaire: the positions of the answers given (one for a single-answer
    /// question), or `nil` when the respondent did not answer (then outside the question's base).
    public var answers: [[Int]?]

    public init(line: Int, designWeight: Double = 1, profile: [Int?], answers: [[Int]?]) {
        self.line = line
        self.designWeight = designWeight
        self.profile = profile
        self.answers = answers
    }
}

/// A survey's respondents with the questionnaire they answered.
public struct SurveyData: Sendable, Hashable {
    public var questionnaire: Questionnaire
    public var respondents: [SurveyRespondent]

    public init(questionnaire: Questionnaire, respondents: [SurveyRespondent]) {
        self.questionnaire = questionnaire
        self.respondents = respondents
    }

    /// Whether respondent `respondent` gave at least one of `answers` (positions) to question `question`.
    public func gave(_ respondent: Int, any answers: [Int], to question: Int) -> Bool {
        respondents[respondent].answers[question]?.contains { answers.contains($0) } == true
    }

    /// The respondents (positions) who answered question `question`: its base.
    public func base(of question: Int) -> [Int] {
        respondents.indices.filter { respondents[$0].answers[question] != nil }
    }
}

/// Population margins to calibrate on: for some profile variables, the share of each category in the population.
public struct PopulationMargins: Sendable, Hashable, Codable {
    public var variables: [MarginVariable]

    public init(variables: [MarginVariable]) {
        self.variables = variables
    }
}

/// The population shares of one profile variable's categories.
public struct MarginVariable: Sendable, Hashable, Codable {
    /// The profile variable's id.
    public var variable: String
    /// One share per category of the profile variable, in its order; they sum to 1. A category absent from the
    /// population margins has share 0 (and then must have no respondent).
    public var shares: [Double]

    public init(variable: String, shares: [Double]) {
        self.variable = variable
        self.shares = shares
    }
}

/// A survey computation that cannot be done, explained in French.
public struct SurveyError: Error, CustomStringConvertible, Sendable, Equatable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
