/// A weighted share with its 95 % confidence interval and the base it stands on.
public struct ShareEstimate: Sendable, Hashable, Codable {
    /// Weighted share, 0–1: weighted total of the respondents counted / weighted total of the base.
    public var share: Double
    /// Wilson 95 % interval computed with the base's Kish effective size (`SurveyStatistics.wilsonInterval`).
    public var low: Double
    public var high: Double
    /// Respondents counted (unweighted), e.g. those citing the item.
    public var respondents: Int
    /// Respondents in the base (unweighted): those who answered the question (in the category, for a cross-tab).
    public var base: Int
    /// Kish effective size of the base: (Σw)² / Σw².
    public var effectiveBase: Double
    /// Fewer than `SurveyReport.smallBase` respondents in the base: to read with caution.
    public var isSmallBase: Bool

    public init(share: Double, low: Double, high: Double, respondents: Int, base: Int, effectiveBase: Double) {
        self.share = share
        self.low = low
        self.high = high
        self.respondents = respondents
        self.base = base
        self.effectiveBase = effectiveBase
        self.isSmallBase = SurveyReport.isSmall(base: base)
    }

    /// The weighted share of the respondents of `base` (positions in `weights`) for which `counts` holds;
    /// `nil` when the base is empty.
    public static func estimate(base: [Int], weights: [Double], counts: (Int) -> Bool) -> ShareEstimate? {
        guard !base.isEmpty else { return nil }
        var total = 0.0, squares = 0.0, counted = 0.0, respondents = 0
        for respondent in base {
            let weight = weights[respondent]
            total += weight
            squares += weight * weight
            if counts(respondent) {
                counted += weight
                respondents += 1
            }
        }
        guard total > 0 else { return nil }
        let share = counted / total
        let effective = total * total / squares
        let interval = SurveyStatistics.wilsonInterval(share: share, size: effective)
        return ShareEstimate(share: share, low: interval.low, high: interval.high, respondents: respondents,
                             base: base.count, effectiveBase: effective)
    }

    /// The seed's style: "89 % (IC 95 % : 87–91)", whole percentages.
    public var frenchText: String {
        "\(Self.percent(share)) % (IC 95 % : \(intervalText))"
    }

    /// The 95 % interval in whole percentages: "87–91".
    public var intervalText: String {
        "\(Self.percent(low))–\(Self.percent(high))"
    }

    /// A share as a whole percentage, French style ("89").
    public static func percent(_ share: Double) -> String {
        FrenchFormat.number(share * 100, decimals: 0)
    }
}

/// The share of one answer (or item) of a question.
public struct AnswerEstimate: Sendable, Hashable, Codable {
    public var code: String
    public var label: String
    public var estimate: ShareEstimate
}

/// The toplines of one question: the share of every answer, and the positive share when the question has one.
public struct QuestionEstimates: Sendable, Hashable, Codable {
    public var id: String
    public var text: String
    public var type: QuestionType
    public var maxAnswers: Int?
    /// Respondents who answered (unweighted).
    public var base: Int
    /// Kish effective size of the base.
    public var effectiveBase: Double
    /// Fewer than `SurveyReport.smallBase` respondents answered.
    public var isSmallBase: Bool
    /// The share giving a positive answer (single-answer questions with positive answers).
    public var positive: ShareEstimate?
    /// What the positive share says ("portent un regard positif sur les petites villes").
    public var positiveStatement: String?
    /// For a single-answer question the answers in questionnaire order (they sum to 100 %); for a multiple-answer
    /// question the share of respondents citing each item, most cited first (they sum to more than 100 %).
    public var answers: [AnswerEstimate]
}

/// One category of a cross-tab: its respondents in the table.
public struct CrossTabColumn: Sendable, Hashable, Codable {
    public var code: String
    public var label: String
    /// Respondents of the category who answered the question (unweighted).
    public var base: Int
    public var effectiveBase: Double
    public var isSmallBase: Bool
}

/// One row of a cross-tab: an answer (or item, or the positive share) by category.
public struct CrossTabRow: Sendable, Hashable, Codable {
    public var code: String
    public var label: String
    /// One estimate per column; `nil` when the category has no respondent.
    public var cells: [ShareEstimate?]
    /// For an item of a multiple-answer question or the positive share: does citing it (or answering positively)
    /// depend on the category? (2 × c table.)
    public var test: IndependenceTest?
}

/// A question crossed by a profile variable.
public struct CrossTab: Sendable, Hashable, Codable {
    public var question: String
    public var questionText: String
    public var type: QuestionType
    public var variable: String
    public var variableLabel: String
    public var columns: [CrossTabColumn]
    /// The positive share by category (single-answer questions with positive answers).
    public var positive: CrossTabRow?
    /// The answers (or items) by category.
    public var rows: [CrossTabRow]
    /// For a single-answer question: does the distribution of answers depend on the category? (r × c table.)
    public var test: IndependenceTest?
}

/// How the figures were computed, in French, for the report's readers.
public struct SurveyMethod: Sendable, Hashable, Codable {
    public var intervals: String
    public var test: String
    public var smallBase: String
    public var multipleAnswers: String

    public static let current = SurveyMethod(
        intervals: "Intervalles de confiance à 95 % de Wilson, calculés avec la taille d'échantillon efficace de Kish de chaque base ((Σw)² / Σw²).",
        test: "Le critère compte-t-il ? Khi-deux de Pearson sur le tableau pondéré ramené au nombre de répondants, divisé par l'effet de plan de Kish des répondants du tableau (correction de Rao–Scott du premier ordre, l'effet de plan moyen étant approché par celui de Kish, qui ne tient compte que des poids) ; ddl = (r − 1)(c − 1) ; seuil 5 %.",
        smallBase: "* : moins de \(SurveyReport.smallBase) répondants dans la base, à lire avec prudence.",
        multipleAnswers: "Questions à réponses multiples : part des répondants citant chaque item (total supérieur à 100 %).")
}

/// A survey's results: weighting, toplines and cross-tabs. Built from the data and its weights; rendered as text
/// by `SurveyReportText` and as JSON by encoding it.
public struct SurveyReport: Sendable, Hashable, Codable {
    /// Estimates on fewer respondents than this are flagged.
    public static let smallBase = 30

    /// Whether an estimate on `base` respondents is to be read with caution.
    public static func isSmall(base: Int) -> Bool { base < smallBase }

    public var title: String
    public var population: String?
    public var respondents: Int
    public var weighting: WeightingSummary
    public var method: SurveyMethod
    public var questions: [QuestionEstimates]
    public var crossTabs: [CrossTab]

    /// Computes every estimate of `data` with `weighting`'s weights.
    public init(data: SurveyData, weighting: SurveyWeighting) {
        let questionnaire = data.questionnaire
        let weights = weighting.weights
        let respondents = data.respondents
        title = questionnaire.title
        population = questionnaire.population
        self.respondents = respondents.count
        self.weighting = weighting.summary
        method = .current
        questions = questionnaire.questions.indices.map { position in
            SurveyReport.toplines(question: position, data: data, weights: weights)
        }
        var crossTabs: [CrossTab] = []
        for variable in questionnaire.crossBy {
            guard let variablePosition = questionnaire.profileIndex(variable) else { continue }
            for (position, toplines) in zip(questionnaire.questions.indices, questions) {
                let order = toplines.answers.compactMap { questionnaire.questions[position].answerIndex($0.code) }
                crossTabs.append(SurveyReport.crossTab(question: position, answerOrder: order, variable: variablePosition,
                                                       data: data, weights: weights))
            }
        }
        self.crossTabs = crossTabs
    }

    /// The toplines of one question.
    static func toplines(question position: Int, data: SurveyData, weights: [Double]) -> QuestionEstimates {
        let question = data.questionnaire.questions[position]
        let base = data.base(of: position)
        var answers: [AnswerEstimate] = question.answers.indices.compactMap { answer in
            ShareEstimate.estimate(base: base, weights: weights) { data.gave($0, any: [answer], to: position) }
                .map { AnswerEstimate(code: question.answers[answer].code, label: question.answers[answer].label, estimate: $0) }
        }
        if question.type == .multiple {
            // Most cited first; ties in questionnaire order.
            answers = answers.enumerated().sorted {
                ($0.element.estimate.share, $1.offset) > ($1.element.estimate.share, $0.offset)
            }.map(\.element)
        }
        let positives = question.type == .single ? question.positiveAnswers : []
        let positive = positives.isEmpty ? nil : ShareEstimate.estimate(base: base, weights: weights) {
            data.gave($0, any: positives, to: position)
        }
        return QuestionEstimates(
            id: question.id, text: question.text, type: question.type, maxAnswers: question.maxAnswers,
            base: base.count, effectiveBase: base.isEmpty ? 0 : SurveyStatistics.effectiveSampleSize(base.map { weights[$0] }),
            isSmallBase: isSmall(base: base.count),
            positive: positive, positiveStatement: positives.isEmpty ? nil : question.positivePhrase, answers: answers)
    }

    /// The cross-tab of a question (its answers in `answerOrder`) by a profile variable.
    static func crossTab(question position: Int, answerOrder: [Int], variable variablePosition: Int, data: SurveyData,
                         weights: [Double]) -> CrossTab {
        let question = data.questionnaire.questions[position]
        let variable = data.questionnaire.profile[variablePosition]
        let respondents = data.respondents
        let inTable = data.base(of: position).filter { respondents[$0].profile[variablePosition] != nil }
        let tableWeights = inTable.map { weights[$0] }
        let byCategory: [[Int]] = variable.categories.indices.map { category in
            inTable.filter { respondents[$0].profile[variablePosition] == category }
        }
        let columns = variable.categories.indices.map { category in
            let members = byCategory[category]
            return CrossTabColumn(
                code: variable.categories[category].code, label: variable.categories[category].label, base: members.count,
                effectiveBase: members.isEmpty ? 0 : SurveyStatistics.effectiveSampleSize(members.map { weights[$0] }),
                isSmallBase: isSmall(base: members.count))
        }
        /// The row of respondents for whom `counts` holds, with its 2 × c test when `tested`.
        func row(code: String, label: String, tested: Bool, counts: (Int) -> Bool) -> CrossTabRow {
            let cells = byCategory.map { ShareEstimate.estimate(base: $0, weights: weights, counts: counts) }
            var test: IndependenceTest?
            if tested {
                let table = [true, false].map { cited in
                    byCategory.map { members in members.reduce(0.0) { $0 + (counts($1) == cited ? weights[$1] : 0) } }
                }
                test = SurveyStatistics.raoScottTest(table, weights: tableWeights)
            }
            return CrossTabRow(code: code, label: label, cells: cells, test: test)
        }
        // A single question's answers form one distribution, tested as a whole (r × c); each item of a multiple
        // question is cited or not, tested on its own (2 × c).
        let rows = answerOrder.map { answer in
            row(code: question.answers[answer].code, label: question.answers[answer].label, tested: question.type == .multiple) {
                data.gave($0, any: [answer], to: position)
            }
        }
        var test: IndependenceTest?
        var positive: CrossTabRow?
        if question.type == .single {
            let table = question.answers.indices.map { answer in
                byCategory.map { members in members.reduce(0.0) { $0 + (data.gave($1, any: [answer], to: position) ? weights[$1] : 0) } }
            }
            test = SurveyStatistics.raoScottTest(table, weights: tableWeights)
            let positives = question.positiveAnswers
            if !positives.isEmpty {
                positive = row(code: "positif", label: question.positivePhrase, tested: true) {
                    data.gave($0, any: positives, to: position)
                }
            }
        }
        return CrossTab(question: question.id, questionText: question.text, type: question.type,
                        variable: variable.id, variableLabel: variable.label, columns: columns,
                        positive: positive, rows: rows, test: test)
    }
}
