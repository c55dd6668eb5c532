/// The description of a perception survey: its quota (profile) variables, its questions with their answer
/// codes, which answers count as positive, which items map to which Bourg dimension, and the cross-tabs to print.
///
/// Read from JSON (see `examples/survey/questionnaire-barometre.json`). The answers file has one column per
/// profile variable and per question, named by their `id`; a multiple-answer question's cell holds the codes
/// of the items cited, separated by `;` (`1;4;7`); an empty cell is "no answer" (outside the question's base).
public struct Questionnaire: Sendable, Hashable, Codable {
    /// The survey's title, e.g. "Regard sur les petites villes (exemple synthétique)".
    public var title: String
    /// Who was asked, in a few words (printed as « Champ » under the title), e.g. "Français de 18 ans et plus".
    public var population: String?
    /// The respondents' characteristics: quota variables used for weighting and cross-tabs.
    public var profile: [ProfileVariable]
    /// The questions, in the order of the report.
    public var questions: [SurveyQuestion]
    /// The profile variables (ids) to cross every question by.
    public var crossBy: [String]
    /// The column holding each respondent's design weight (> 0), if the sample has one.
    public var weightColumn: String?

    public init(title: String, population: String? = nil, profile: [ProfileVariable], questions: [SurveyQuestion],
                crossBy: [String] = [], weightColumn: String? = nil) {
        self.title = title
        self.population = population
        self.profile = profile
        self.questions = questions
        self.crossBy = crossBy
        self.weightColumn = weightColumn
    }

    private enum CodingKeys: String, CodingKey {
        case title, population, profile, questions, crossBy, weightColumn
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        title = try container.decode(String.self, forKey: .title)
        population = try container.decodeIfPresent(String.self, forKey: .population)
        profile = try container.decodeIfPresent([ProfileVariable].self, forKey: .profile) ?? []
        questions = try container.decode([SurveyQuestion].self, forKey: .questions)
        crossBy = try container.decodeIfPresent([String].self, forKey: .crossBy) ?? []
        weightColumn = try container.decodeIfPresent(String.self, forKey: .weightColumn)
    }

    /// The position of a profile variable by id.
    public func profileIndex(_ id: String) -> Int? { profile.firstIndex { $0.id == id } }

    /// The position of a question by id.
    public func questionIndex(_ id: String) -> Int? { questions.firstIndex { $0.id == id } }
}

/// A characteristic of the respondent (sex, age band, region, size of home town) with its categories.
public struct ProfileVariable: Sendable, Hashable, Codable {
    /// The column name in the answers file and the `variable` in the margins file.
    public var id: String
    /// French label, e.g. "Âge".
    public var label: String
    public var categories: [ProfileCategory]

    public init(id: String, label: String, categories: [ProfileCategory]) {
        self.id = id
        self.label = label
        self.categories = categories
    }

    /// The position of a category by code.
    public func categoryIndex(_ code: String) -> Int? { categories.firstIndex { $0.code == code } }
}

/// One category of a profile variable: the code written in the files and its French label.
public struct ProfileCategory: Sendable, Hashable, Codable {
    public var code: String
    public var label: String

    public init(code: String, label: String) {
        self.code = code
        self.label = label
    }
}

/// Whether a question takes one answer or several.
public enum QuestionType: String, Sendable, Hashable, Codable {
    /// One answer code per respondent.
    case single
    /// Several items per respondent (up to `maxAnswers`), written `1;4;7`.
    case multiple
}

/// A question of the survey.
public struct SurveyQuestion: Sendable, Hashable, Codable {
    /// The column name in the answers file.
    public var id: String
    /// The question as asked.
    public var text: String
    public var type: QuestionType
    /// For a multiple-answer question, the most items a respondent may cite (`nil`: no limit).
    public var maxAnswers: Int?
    public var answers: [AnswerOption]
    /// For a single-answer question with positive answers: what the positive share says, after the figure —
    /// "portent un regard positif sur les petites villes" gives "89 % (IC 95 % : 87–91) portent un regard positif…".
    public var positiveStatement: String?

    public init(id: String, text: String, type: QuestionType, maxAnswers: Int? = nil, answers: [AnswerOption],
                positiveStatement: String? = nil) {
        self.id = id
        self.text = text
        self.type = type
        self.maxAnswers = maxAnswers
        self.answers = answers
        self.positiveStatement = positiveStatement
    }

    /// The position of an answer by code.
    public func answerIndex(_ code: String) -> Int? { answers.firstIndex { $0.code == code } }

    /// The positions of the answers that count as positive.
    public var positiveAnswers: [Int] { answers.indices.filter { answers[$0].positive } }

    /// Whether any answer names a Bourg dimension (an "assets" or "barriers" question).
    public var mapsDimensions: Bool { answers.contains { $0.dimension != nil } }

    /// The phrase after the positive share: the questionnaire's, else one naming the positive answers.
    public var positivePhrase: String {
        if let positiveStatement, !positiveStatement.isEmpty { return positiveStatement }
        let labels = positiveAnswers.map { "« \(answers[$0].label) »" }
        return "répondent " + labels.joined(separator: " ou ")
    }
}

/// One answer code of a question.
public struct AnswerOption: Sendable, Hashable, Codable {
    /// The code written in the answers file (no `;`).
    public var code: String
    /// French label.
    public var label: String
    /// Counts in the question's positive share (single-answer questions).
    public var positive: Bool
    /// Cannot be cited with other items ("Aucun", "Ne sait pas"), in a multiple-answer question.
    public var exclusive: Bool
    /// The Bourg dimension the item speaks of, for `survey weights` (multiple-answer questions only).
    public var dimension: AttractivenessDimension?

    public init(code: String, label: String, positive: Bool = false, exclusive: Bool = false,
                dimension: AttractivenessDimension? = nil) {
        self.code = code
        self.label = label
        self.positive = positive
        self.exclusive = exclusive
        self.dimension = dimension
    }

    private enum CodingKeys: String, CodingKey {
        case code, label, positive, exclusive, dimension
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        code = try container.decode(String.self, forKey: .code)
        label = try container.decode(String.self, forKey: .label)
        positive = try container.decodeIfPresent(Bool.self, forKey: .positive) ?? false
        exclusive = try container.decodeIfPresent(Bool.self, forKey: .exclusive) ?? false
        dimension = try container.decodeIfPresent(AttractivenessDimension.self, forKey: .dimension)
    }
}
