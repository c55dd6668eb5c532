import Foundation

/// The text rendering of a `SurveyReport` for the terminal, in the style of the barometer:
/// "89 % (IC 95 % : 87–91) portent un regard positif sur les petites villes".
public enum SurveyReportText {
    /// Width of the row labels of the cross-tabs.
    static let labelWidth = 36
    /// Narrowest category column of the cross-tabs (wider when a code is longer).
    static let minimumColumnWidth = 7

    /// The whole report: weighting, method, toplines, then the cross-tabs.
    public static func render(_ report: SurveyReport) -> String {
        var lines: [String] = []
        lines.append(report.title)
        if let population = report.population { lines.append("Champ : \(population)") }
        lines.append("\(count(report.respondents)) répondants")
        lines.append(contentsOf: weighting(report.weighting))
        lines.append("")
        lines.append("Méthode")
        for text in [report.method.variance, report.method.intervals, report.method.test, report.method.multipleAnswers,
                     report.method.smallBase] {
            lines.append("  " + text)
        }
        lines.append("")
        lines.append("RÉSULTATS D'ENSEMBLE")
        for question in report.questions {
            lines.append("")
            lines.append(contentsOf: toplines(question))
        }
        if !report.crossTabs.isEmpty {
            lines.append("")
            lines.append("TRIS CROISÉS (en %)")
            for table in report.crossTabs {
                lines.append("")
                lines.append(contentsOf: crossTab(table))
            }
        }
        return lines.joined(separator: "\n")
    }

    static func weighting(_ summary: WeightingSummary) -> [String] {
        var lines = ["Pondération : \(weightingMethod(summary))"]
        if let convergence = convergence(summary) { lines.append("  " + convergence) }
        if let trimming = trimming(summary) { lines.append("  " + trimming) }
        lines.append("  \(weightRange(summary)) ; effet de plan de Kish des poids : \(designEffect(summary)) ; taille d'échantillon efficace (Kish) : \(effectiveSampleSize(summary))")
        return lines
    }

    /// One test of a cross-tab in words, and whether it finds a difference at the 5 % level.
    public struct TestStatement: Sendable, Hashable {
        public var text: String
        public var isSignificant: Bool
    }

    // The phrases below are shared by this text and the web page's report (`/enquete`).

    /// How the respondents were weighted: "calage sur marges (…) sur sexe, age".
    public static func weightingMethod(_ summary: WeightingSummary) -> String {
        summary.method == .raking ? summary.method.label + " sur " + summary.variables.joined(separator: ", ") : summary.method.label
    }

    /// Raking's outcome: "convergence en 7 itérations ; écart maximal aux marges : 8,1e-07 (tolérance 1,0e-06)",
    /// or a warning when it did not converge; `nil` without raking.
    public static func convergence(_ summary: WeightingSummary) -> String? {
        guard summary.method == .raking else { return nil }
        let iterations = summary.iterations ?? 0
        var text = summary.converged == true
            ? "convergence en \(iterations) itération\(iterations > 1 ? "s" : "")"
            : "⚠ pas de convergence après \(iterations) itérations"
        if let gap = summary.maxGap { text += " ; écart maximal aux marges : \(scientific(gap))" }
        if let tolerance = summary.tolerance { text += " (tolérance \(scientific(tolerance)))" }
        return text
    }

    /// The weights' bounds: "calage borné : poids entre [0,2 ; 5] × le poids de départ, …", "poids bornés à
    /// [0,2 ; 5] × la moyenne (écrêtage), …" or "poids non bornés"; `nil` without raking.
    public static func trimming(_ summary: WeightingSummary) -> String? {
        guard summary.method == .raking else { return nil }
        guard let bounds = summary.trimBounds else { return "poids non bornés" }
        let range = "[\(FrenchFormat.number(bounds.lower, decimals: 2)) ; \(FrenchFormat.number(bounds.upper, decimals: 2))]"
        let atBounds = "\(summary.weightsAtBounds ?? 0) poids à une borne"
        if summary.boundMethod == .trimming {
            return "ajustement proportionnel itératif, poids écrêtés à \(range) × la moyenne à chaque itération ; \(atBounds)"
        }
        return "calage borné (comme calibrate(calfun = \"raking\", bounds) du package R survey) : poids entre \(range) × le poids de départ ; \(atBounds)"
    }

    /// "poids de 0,41 à 2,87 (moyenne 1)".
    public static func weightRange(_ summary: WeightingSummary) -> String {
        "poids de \(FrenchFormat.number(summary.minimumWeight, decimals: 2)) à \(FrenchFormat.number(summary.maximumWeight, decimals: 2)) (moyenne 1)"
    }

    /// Kish's design effect of the weights, two decimals: "1,23".
    public static func designEffect(_ summary: WeightingSummary) -> String {
        FrenchFormat.number(summary.designEffect, decimals: 2)
    }

    /// Kish's effective sample size, whole: "712".
    public static func effectiveSampleSize(_ summary: WeightingSummary) -> String {
        FrenchFormat.number(summary.effectiveSampleSize, decimals: 0)
    }

    /// A count of respondents: "1 000".
    public static func count(_ respondents: Int) -> String {
        FrenchFormat.number(Double(respondents), decimals: 0)
    }

    /// How many answers a multiple-answer question takes: "3 réponses au plus"; `nil` for a single-answer question.
    public static func answersAllowed(_ question: QuestionEstimates) -> String? {
        guard question.type == .multiple else { return nil }
        return question.maxAnswers.map { "\($0) réponses au plus" } ?? "plusieurs réponses possibles"
    }

    /// A question's base: "base : 1 000 répondants (taille efficace des poids, Kish : 712)".
    public static func base(_ question: QuestionEstimates) -> String {
        "base : \(count(question.base)) répondants (taille efficace des poids, Kish : \(FrenchFormat.number(question.effectiveBase, decimals: 0)))"
    }

    /// An estimate's precision: "ES 1,2 pt ; effet de plan 1,23 ; taille efficace 812 ; IC logit".
    public static func precision(_ estimate: ShareEstimate) -> String {
        var parts = ["ES \(FrenchFormat.number(estimate.standardError * 100, decimals: 1)) pt"]
        if let deff = estimate.designEffect { parts.append("effet de plan \(FrenchFormat.number(deff, decimals: 2))") }
        if let size = estimate.effectiveSize { parts.append("taille efficace \(FrenchFormat.number(size, decimals: 0))") }
        parts.append("IC \(estimate.interval.method.rawValue)")
        return parts.joined(separator: " ; ")
    }

    /// A cross-tab's tests in words, each with whether it finds a difference at 5 %: the answers' distribution
    /// (single-answer question), the positive share, the items whose share varies (multiple-answer question).
    public static func testStatements(_ table: CrossTab) -> [TestStatement] {
        var statements: [TestStatement] = []
        if let test = table.test {
            statements.append(TestStatement(text: "Réponses × \(table.variableLabel.lowercased()) : " + testText(test), isSignificant: test.isSignificant))
        }
        if let test = table.positive?.test {
            statements.append(TestStatement(text: "Part de positifs × \(table.variableLabel.lowercased()) : " + testText(test), isSignificant: test.isSignificant))
        }
        if table.type == .multiple {
            let significant = table.rows.filter { $0.test?.isSignificant == true }
            let names = significant.isEmpty ? "aucun" : significant.map { "« \($0.label) »" }.joined(separator: ", ")
            statements.append(TestStatement(text: "Items dont la part varie significativement (p < 0,05, test de Rao–Scott par item, second ordre) : \(names).",
                                            isSignificant: !significant.isEmpty))
        }
        return statements
    }

    static func toplines(_ question: QuestionEstimates) -> [String] {
        var header = "\(question.id) — \(question.text)"
        if let allowed = answersAllowed(question) { header += " (\(allowed))" }
        var lines = [header]
        let smallFlag = question.isSmallBase ? " *" : ""
        lines.append("  " + base(question) + smallFlag)
        if let positive = question.positive, let statement = question.positiveStatement {
            lines.append("  \(positive.frenchText) \(statement)\(flag(positive))")
            lines.append("    (\(precision(positive)))")
        }
        for answer in question.answers {
            if question.type == .multiple {
                lines.append("  \(aligned(answer.estimate)) citent « \(answer.label) »\(flag(answer.estimate))  (\(precision(answer.estimate)))")
            } else {
                lines.append("    " + pad(answer.label, labelWidth) + " " + aligned(answer.estimate) + flag(answer.estimate)
                             + "  (\(precision(answer.estimate)))")
            }
        }
        return lines
    }

    static func crossTab(_ table: CrossTab) -> [String] {
        var lines = ["\(table.question) × \(table.variableLabel) — \(table.questionText)"]
        let columnWidth = max(minimumColumnWidth, (table.columns.map(\.code.count).max() ?? 0) + 2)
        let tested = table.type == .multiple || table.positive != nil
        var header = "  " + pad("", labelWidth)
        for column in table.columns { header += leftPad(column.code + " ", columnWidth) }
        if tested { header += leftPad("p", columnWidth + 1) }
        lines.append(header)
        var counts = "  " + pad("n (répondants)", labelWidth)
        for column in table.columns {
            counts += leftPad(String(column.base) + (column.isSmallBase ? "*" : " "), columnWidth)
        }
        lines.append(counts)
        if let positive = table.positive {
            lines.append(row(positive, label: "Positifs", tested: tested, columnWidth: columnWidth))
        }
        for item in table.rows { lines.append(row(item, label: item.label, tested: tested, columnWidth: columnWidth)) }
        lines.append(contentsOf: testStatements(table).map { "  " + $0.text })
        return lines
    }

    static func row(_ row: CrossTabRow, label: String, tested: Bool, columnWidth: Int) -> String {
        var line = "  " + pad(label, labelWidth)
        for cell in row.cells {
            guard let cell else {
                line += leftPad("– ", columnWidth)
                continue
            }
            line += leftPad(ShareEstimate.percent(cell.share) + (cell.isSmallBase ? "*" : " "), columnWidth)
        }
        if tested {
            line += leftPad(row.test.map { pValue($0.pValue) } ?? "–", columnWidth + 1)
        }
        return line
    }

    /// "F de Rao–Scott = 2,48 (ddl 11,6 et 6 042), p = 0,003 ; premier ordre : X² corrigé = 29,7 (Pearson 34,7 ÷
    /// effet de plan moyen 1,17), ddl 12, p = 0,003 — la catégorie compte (seuil 5 %)"; the verdict is the second order's.
    public static func testText(_ test: IndependenceTest) -> String {
        let verdict = test.isSignificant ? "la catégorie compte (seuil 5 %)" : "pas de différence significative (seuil 5 %)"
        let second = test.secondOrder, first = test.firstOrder
        return "F de Rao–Scott = \(FrenchFormat.number(second.f, decimals: 2)) (ddl \(FrenchFormat.number(second.numeratorDegreesOfFreedom, decimals: 1)) et \(FrenchFormat.number(second.denominatorDegreesOfFreedom, decimals: 0))), p \(pValue(second.pValue, withSign: true)) ; premier ordre : X² corrigé = \(FrenchFormat.number(first.chiSquare, decimals: 1)) (Pearson \(FrenchFormat.number(test.pearsonChiSquare, decimals: 1)) ÷ effet de plan moyen \(FrenchFormat.number(test.meanDesignEffect, decimals: 2))), ddl \(first.degreesOfFreedom), p \(pValue(first.pValue, withSign: true)) — \(verdict)"
    }

    /// A p-value, French style: "0,042", "< 0,001".
    public static func pValue(_ p: Double, withSign: Bool = false) -> String {
        if p < 0.001 { return "< 0,001" }
        let text = String(format: "%.3f", p).replacingOccurrences(of: ".", with: ",")
        return withSign ? "= " + text : text
    }

    static func scientific(_ value: Double) -> String {
        if value == 0 { return "0" }
        return String(format: "%.1e", value).replacingOccurrences(of: ".", with: ",")
    }

    /// `frenchText` with the share right-aligned on three characters, for lists.
    static func aligned(_ estimate: ShareEstimate) -> String {
        String(repeating: " ", count: max(0, 3 - ShareEstimate.percent(estimate.share).count)) + estimate.frenchText
    }

    static func flag(_ estimate: ShareEstimate) -> String {
        estimate.isSmallBase ? "  * (\(estimate.base) répondants)" : ""
    }

    static func pad(_ text: String, _ width: Int) -> String {
        if text.count > width { return String(text.prefix(width - 1)) + "…" }
        return text.padding(toLength: width, withPad: " ", startingAt: 0)
    }

    static func leftPad(_ text: String, _ width: Int) -> String {
        text.count >= width ? " " + text : String(repeating: " ", count: width - text.count) + text
    }
}
