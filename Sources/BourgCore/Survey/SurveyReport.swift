import Foundation

/// How a share's confidence interval is computed. Both take the estimate's own design-based variance and the
/// critical value of Student's t on the domain's degrees of freedom (respondents − 1), as R's `svyciprop` does.
public enum IntervalMethod: String, Sendable, Hashable, Codable, CaseIterable {
    /// `svyciprop(method = "logit")`: the Wald interval of logit(p), logit(p) ± t × SE / (p (1 − p)), back-transformed.
    /// The default. Undefined at p = 0 or 1, where the estimate falls back to `wilson` (and says so).
    case logit
    /// Wilson's score interval on the estimate's effective size n / deff.
    case wilson

    /// The default method of the reports.
    public static let standard = IntervalMethod.logit

    /// French description, for the reports' method notes.
    public var label: String {
        switch self {
        case .logit: "logit (intervalle de Wald sur logit(p), ramené en part : comme svyciprop(method = \"logit\") du package R survey)"
        case .wilson: "Wilson sur la taille efficace de l'estimation (n / effet de plan)"
        }
    }
}

/// A share's confidence interval and how it was computed.
public struct ConfidenceInterval: Sendable, Hashable, Codable {
    public var low: Double
    public var high: Double
    /// The method actually used (`wilson` for a logit request at p = 0 or 1).
    public var method: IntervalMethod
    /// The confidence level (0.95).
    public var level: Double
    /// The degrees of freedom of the critical value (respondents of the base − 1).
    public var degreesOfFreedom: Int
}

/// A weighted share with its design-based standard error, design effect and 95 % confidence interval.
public struct ShareEstimate: Sendable, Hashable, Codable {
    /// Weighted share, 0–1: weighted total of the respondents counted / weighted total of the base.
    public var share: Double
    /// The linearised standard error under the design (`SurveyDesign`).
    public var standardError: Double
    /// The estimate's design effect: its variance over the variance of a simple random sample of the base's size
    /// with replacement, p (1 − p) / (n − 1) (R's `svymean(deff = "replace")`); `nil` when p is 0 or 1 or n is 1.
    public var designEffect: Double?
    /// The estimate's effective size n / deff; `nil` without a design effect (or with a design effect of 0).
    public var effectiveSize: Double?
    public var interval: ConfidenceInterval
    /// Respondents counted (unweighted), e.g. those citing the item.
    public var respondents: Int
    /// Respondents in the base (unweighted): those who answered the question (in the category, for a cross-tab).
    public var base: Int
    /// Fewer than `SurveyReport.smallBase` respondents in the base: to read with caution.
    public var isSmallBase: Bool

    /// The lower and upper bounds of the interval.
    public var low: Double { interval.low }
    public var high: Double { interval.high }

    public init(share: Double, standardError: Double, designEffect: Double?, effectiveSize: Double?,
                interval: ConfidenceInterval, respondents: Int, base: Int) {
        self.share = share
        self.standardError = standardError
        self.designEffect = designEffect
        self.effectiveSize = effectiveSize
        self.interval = interval
        self.respondents = respondents
        self.base = base
        self.isSmallBase = SurveyReport.isSmall(base: base)
    }

    /// The estimate of a share `p` with variance `variance` on a base of `base` respondents, `respondents` of them
    /// counted, its interval by `method` with `critical` the t quantile on base − 1 degrees of freedom.
    public init(share p: Double, variance: Double, respondents: Int, base: Int, method: IntervalMethod, critical: Double) {
        let variance = max(0, variance)
        let binomial = p * (1 - p)
        let designEffect: Double? = base > 1 && binomial > 0 ? variance * Double(base - 1) / binomial : nil
        let effectiveSize: Double? = designEffect.flatMap { $0 > 0 ? Double(base) / $0 : nil }
        let degrees = base - 1
        var used = method
        var bounds: (low: Double, high: Double)
        if degrees < 1 {
            bounds = (0, 1)
        } else if method == .logit && binomial > 0 {
            let logit = log(p / (1 - p)), half = critical * variance.squareRoot() / binomial
            bounds = (1 / (1 + exp(-(logit - half))), 1 / (1 + exp(-(logit + half))))
        } else {
            used = .wilson
            if binomial > 0 && designEffect == 0 {
                bounds = (p, p)
            } else {
                bounds = SurveyStatistics.wilsonInterval(share: p, size: effectiveSize ?? Double(base), z: critical)
            }
        }
        self.init(share: p, standardError: variance.squareRoot(), designEffect: designEffect, effectiveSize: effectiveSize,
                  interval: ConfidenceInterval(low: bounds.low, high: bounds.high, method: used, level: 0.95, degreesOfFreedom: max(0, degrees)),
                  respondents: respondents, base: base)
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

/// The critical values of Student's t at 95 % by degrees of freedom, computed once each.
final class CriticalValues {
    private var values: [Int: Double] = [:]

    func value(_ degrees: Int) -> Double {
        guard degrees >= 1 else { return .infinity }
        if let value = values[degrees] { return value }
        let value = SurveyStatistics.tCriticalValue(level: 0.95, degreesOfFreedom: Double(degrees))
        values[degrees] = value
        return value
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
    /// Kish's effective size of the base's weights, (Σw)² / Σw² (a description of the weights; each estimate has
    /// its own effective size).
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
    /// Kish's effective size of the category's weights.
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
    /// The interval method of the report's default (each estimate names its own in `ConfidenceInterval.method`).
    public var intervalMethod: IntervalMethod
    public var variance: String
    public var intervals: String
    public var test: String
    public var smallBase: String
    public var multipleAnswers: String

    /// The notes of a report whose intervals use `intervals`, on a calibrated (raked) design or not.
    public static func describing(intervals: IntervalMethod, calibrated: Bool) -> SurveyMethod {
        let variance = calibrated
            ? "Variances linéarisées (Taylor) sous le plan calé, comme le package R survey pour un plan calé par calibrate(calfun = \"raking\") : les valeurs linéarisées de chaque part sont remplacées par leurs résidus de la régression, pondérée par les poids de départ, sur les indicatrices des catégories des marges ; chaque base (répondants à la question, dans une catégorie) est un domaine du plan entier. Effet de plan de chaque estimation = sa variance / celle d'un sondage aléatoire simple de même base (deff = \"replace\") ; taille efficace = n / deff."
            : "Variances linéarisées (Taylor) sous le plan pondéré (un répondant par unité, sans strate ni grappe), comme svymean du package R survey ; chaque base (répondants à la question, dans une catégorie) est un domaine. Effet de plan de chaque estimation = sa variance / celle d'un sondage aléatoire simple de même base (deff = \"replace\") ; taille efficace = n / deff."
        return SurveyMethod(
            intervalMethod: intervals,
            variance: variance,
            intervals: "Intervalles de confiance à 95 % : \(intervals.label), avec le quantile de Student à n − 1 degrés de liberté de la base.",
            test: "Le critère compte-t-il ? Test de Rao–Scott sur le tableau pondéré, comme svychisq du package R survey : khi-deux de Pearson corrigé par les effets de plan généralisés (covariance des parts des cellules sous le plan) ; décision au second ordre (F de Satterthwaite, svychisq(statistic = \"F\")), le premier ordre (X² / effet de plan moyen, khi-deux à (r − 1)(c − 1) ddl) étant donné aussi ; seuil 5 %.",
            smallBase: "* : moins de \(SurveyReport.smallBase) répondants dans la base, à lire avec prudence.",
            multipleAnswers: "Questions à réponses multiples : part des répondants citant chaque item (total supérieur à 100 %).")
    }
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

    /// Computes every estimate of `data` with `weighting`'s weights and design, intervals by `intervals`.
    public init(data: SurveyData, weighting: SurveyWeighting, intervals: IntervalMethod = .standard) {
        let questionnaire = data.questionnaire
        let builder = Builder(data: data, design: weighting.design, method: intervals)
        title = questionnaire.title
        population = questionnaire.population
        respondents = data.respondents.count
        self.weighting = weighting.summary
        method = .describing(intervals: intervals, calibrated: weighting.design.isCalibrated)
        questions = questionnaire.questions.indices.map { builder.toplines(question: $0) }
        var crossTabs: [CrossTab] = []
        for variable in questionnaire.crossBy {
            guard let variablePosition = questionnaire.profileIndex(variable) else { continue }
            for (position, toplines) in zip(questionnaire.questions.indices, questions) {
                let order = toplines.answers.compactMap { questionnaire.questions[position].answerIndex($0.code) }
                crossTabs.append(builder.crossTab(question: position, answerOrder: order, variable: variablePosition))
            }
        }
        self.crossTabs = crossTabs
    }

    /// Computes the estimates of one report.
    final class Builder {
        let data: SurveyData
        let design: SurveyDesign
        let method: IntervalMethod
        let critical = CriticalValues()

        /// Per question, each respondent's answers (positions; `nil` outside its base), read in the loops without
        /// going through `data` (copying `SurveyData` out of the class costs a retain per field).
        let byQuestion: [[[Int]?]]

        init(data: SurveyData, design: SurveyDesign, method: IntervalMethod) {
            self.data = data
            byQuestion = data.questionnaire.questions.indices.map { question in data.respondents.map { $0.answers[question] } }
            self.design = design
            self.method = method
        }

        var weights: [Double] { design.weights }

        /// The estimate of the share of `cells` (positions) in `shares`, from its variance (the sum of their
        /// covariances); `respondents` counted.
        func estimate(_ shares: CellShares, cells: [Int], respondents: Int) -> ShareEstimate? {
            guard shares.respondents > 0, shares.shares.reduce(0, +) > 0 else { return nil }
            let k = shares.shares.count
            var share = 0.0, variance = 0.0
            for a in cells {
                share += shares.shares[a]
                for b in cells { variance += shares.covariance[a * k + b] }
            }
            return ShareEstimate(share: min(1, max(0, share)), variance: variance, respondents: respondents, base: shares.respondents,
                                 method: method, critical: critical.value(shares.respondents - 1))
        }

        /// The estimates of every answer of a single-answer question on `members` (who answered it), in questionnaire
        /// order, and of its positive share.
        func singleAnswers(question: Int, members: [Int]) -> (answers: [ShareEstimate?], positive: ShareEstimate?) {
            let answers = data.questionnaire.questions[question].answers
            let column = byQuestion[question]
            let cells = members.map { column[$0]![0] }
            var counts = [Int](repeating: 0, count: answers.count)
            for cell in cells { counts[cell] += 1 }
            let shares = design.cellShares(members: members, cells: cells, cellCount: answers.count)
            let estimates = answers.indices.map { estimate(shares, cells: [$0], respondents: counts[$0]) }
            let positives = data.questionnaire.questions[question].positiveAnswers
            let positive = positives.isEmpty ? nil : estimate(shares, cells: positives, respondents: positives.reduce(0) { $0 + counts[$1] })
            return (estimates, positive)
        }

        /// Per respondent, whether they gave one of `codes` (positions) to `question`.
        func gave(any codes: [Int], to question: Int) -> [Bool] {
            var wanted = [Bool](repeating: false, count: data.questionnaire.questions[question].answers.count)
            for code in codes { wanted[code] = true }
            return byQuestion[question].map { given in
                guard let given else { return false }
                for code in given where wanted[code] { return true }
                return false
            }
        }

        /// The respondents who answered `question` (its base).
        func base(of question: Int) -> [Int] {
            let column = byQuestion[question]
            return column.indices.filter { column[$0] != nil }
        }

        /// The share of `base` (positions) for which `counts` holds.
        func share(base: [Int], counts: (Int) -> Bool) -> ShareEstimate? {
            let cells = base.map { counts($0) ? 0 : 1 }
            return estimate(design.cellShares(members: base, cells: cells, cellCount: 2), cells: [0], respondents: cells.count { $0 == 0 })
        }

        /// The share of `members` citing an item, `cited` saying who does (per respondent).
        func item(cited: [Bool], members: [Int]) -> ShareEstimate? {
            let cells = members.map { cited[$0] ? 0 : 1 }
            let shares = design.cellShares(members: members, cells: cells, cellCount: 2)
            return estimate(shares, cells: [0], respondents: cells.count { $0 == 0 })
        }

        /// The toplines of one question.
        func toplines(question position: Int) -> QuestionEstimates {
            let question = data.questionnaire.questions[position]
            let base = base(of: position)
            var positive: ShareEstimate?
            var estimates: [ShareEstimate?]
            if question.type == .single {
                (estimates, positive) = singleAnswers(question: position, members: base)
            } else {
                estimates = question.answers.indices.map { item(cited: gave(any: [$0], to: position), members: base) }
            }
            var answers: [AnswerEstimate] = zip(question.answers, estimates).compactMap { option, estimate in
                estimate.map { AnswerEstimate(code: option.code, label: option.label, estimate: $0) }
            }
            if question.type == .multiple {
                // Most cited first; ties in questionnaire order.
                answers = answers.enumerated().sorted {
                    ($0.element.estimate.share, $1.offset) > ($1.element.estimate.share, $0.offset)
                }.map(\.element)
            }
            return QuestionEstimates(
                id: question.id, text: question.text, type: question.type, maxAnswers: question.maxAnswers,
                base: base.count, effectiveBase: base.isEmpty ? 0 : SurveyStatistics.effectiveSampleSize(base.map { weights[$0] }),
                isSmallBase: isSmall(base: base.count),
                positive: positive, positiveStatement: positive == nil ? nil : question.positivePhrase, answers: answers)
        }

        /// The cross-tab of a question (its answers in `answerOrder`) by a profile variable.
        func crossTab(question position: Int, answerOrder: [Int], variable variablePosition: Int) -> CrossTab {
            let question = data.questionnaire.questions[position]
            let variable = data.questionnaire.profile[variablePosition]
            let respondents = data.respondents
            let inTable = base(of: position).filter { respondents[$0].profile[variablePosition] != nil }
            let categoryOf = inTable.map { respondents[$0].profile[variablePosition]! }
            var byCategory = [[Int]](repeating: [], count: variable.categories.count)
            for (member, category) in zip(inTable, categoryOf) { byCategory[category].append(member) }
            let columns = variable.categories.indices.map { category in
                let members = byCategory[category]
                return CrossTabColumn(
                    code: variable.categories[category].code, label: variable.categories[category].label, base: members.count,
                    effectiveBase: members.isEmpty ? 0 : SurveyStatistics.effectiveSampleSize(members.map { weights[$0] }),
                    isSmallBase: isSmall(base: members.count))
            }
            /// The 2 × c test of whether answering so (`counts`, per respondent) depends on the category.
            func test(_ counts: [Bool]) -> IndependenceTest? {
                RaoScott.test(design: design, members: inTable, rows: inTable.map { counts[$0] ? 0 : 1 }, columns: categoryOf)
            }
            var rows: [CrossTabRow] = []
            var positive: CrossTabRow?
            var tableTest: IndependenceTest?
            if question.type == .single {
                let cells = byCategory.map { singleAnswers(question: position, members: $0) }
                rows = answerOrder.map { answer in
                    CrossTabRow(code: question.answers[answer].code, label: question.answers[answer].label,
                                cells: cells.map { $0.answers[answer] }, test: nil)
                }
                // A single question's answers form one distribution, tested as a whole (r × c).
                let column = byQuestion[position]
                tableTest = RaoScott.test(design: design, members: inTable, rows: inTable.map { column[$0]![0] }, columns: categoryOf)
                let positives = question.positiveAnswers
                if !positives.isEmpty {
                    positive = CrossTabRow(code: "positif", label: question.positivePhrase, cells: cells.map(\.positive),
                                           test: test(gave(any: positives, to: position)))
                }
            } else {
                // Each item of a multiple question is cited or not, tested on its own (2 × c).
                rows = answerOrder.map { answer in
                    let cited = gave(any: [answer], to: position)
                    return CrossTabRow(code: question.answers[answer].code, label: question.answers[answer].label,
                                       cells: byCategory.map { item(cited: cited, members: $0) }, test: test(cited))
                }
            }
            return CrossTab(question: question.id, questionText: question.text, type: question.type,
                            variable: variable.id, variableLabel: variable.label, columns: columns,
                            positive: positive, rows: rows, test: tableTest)
        }
    }
}
