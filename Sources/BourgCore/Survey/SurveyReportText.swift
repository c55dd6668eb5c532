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
        lines.append("\(FrenchFormat.number(Double(report.respondents), decimals: 0)) répondants")
        lines.append(contentsOf: weighting(report.weighting))
        lines.append("")
        lines.append("Méthode")
        for text in [report.method.intervals, report.method.test, report.method.multipleAnswers, report.method.smallBase] {
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
        var lines = ["Pondération : \(summary.method.label)"]
        if summary.method == .raking {
            lines[0] += " sur " + summary.variables.joined(separator: ", ")
            var line = "  "
            if summary.converged == true {
                line += "convergence en \(summary.iterations ?? 0) itération\((summary.iterations ?? 0) > 1 ? "s" : "")"
            } else {
                line += "⚠ pas de convergence après \(summary.iterations ?? 0) itérations"
            }
            if let gap = summary.maxGap { line += " ; écart maximal aux marges : \(scientific(gap))" }
            if let tolerance = summary.tolerance { line += " (tolérance \(scientific(tolerance)))" }
            lines.append(line)
            if let bounds = summary.trimBounds {
                lines.append("  poids bornés à [\(FrenchFormat.number(bounds.lower, decimals: 2)) ; \(FrenchFormat.number(bounds.upper, decimals: 2))] × la moyenne, puis recalés à chaque itération ; \(summary.weightsAtBounds ?? 0) poids à une borne")
            } else {
                lines.append("  poids non bornés")
            }
        }
        lines.append("  poids de \(FrenchFormat.number(summary.minimumWeight, decimals: 2)) à \(FrenchFormat.number(summary.maximumWeight, decimals: 2)) (moyenne 1) ; effet de plan de Kish : \(FrenchFormat.number(summary.designEffect, decimals: 2)) ; taille d'échantillon efficace : \(FrenchFormat.number(summary.effectiveSampleSize, decimals: 0))")
        return lines
    }

    static func toplines(_ question: QuestionEstimates) -> [String] {
        var header = "\(question.id) — \(question.text)"
        if question.type == .multiple {
            header += question.maxAnswers.map { " (\($0) réponses au plus)" } ?? " (plusieurs réponses possibles)"
        }
        var lines = [header]
        let smallFlag = question.isSmallBase ? " *" : ""
        lines.append("  base : \(FrenchFormat.number(Double(question.base), decimals: 0)) répondants (taille efficace \(FrenchFormat.number(question.effectiveBase, decimals: 0)))\(smallFlag)")
        if let positive = question.positive, let statement = question.positiveStatement {
            lines.append("  \(positive.frenchText) \(statement)\(flag(positive))")
        }
        for answer in question.answers {
            if question.type == .multiple {
                lines.append("  \(aligned(answer.estimate)) citent « \(answer.label) »\(flag(answer.estimate))")
            } else {
                lines.append("    " + pad(answer.label, labelWidth) + " " + aligned(answer.estimate) + flag(answer.estimate))
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
        if let test = table.test {
            lines.append("  Réponses × \(table.variableLabel.lowercased()) : " + testText(test))
        }
        if let test = table.positive?.test {
            lines.append("  Part de positifs × \(table.variableLabel.lowercased()) : " + testText(test))
        }
        if table.type == .multiple {
            let significant = table.rows.filter { $0.test?.isSignificant == true }
            let names = significant.isEmpty ? "aucun" : significant.map { "« \($0.label) »" }.joined(separator: ", ")
            lines.append("  Items dont la part varie significativement (p < 0,05, khi-deux de Rao–Scott par item) : \(names).")
        }
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

    /// "X² corrigé = 12,3 (Pearson 15,1 ÷ effet de plan 1,23), ddl 4, p = 0,015 — le critère compte (5 %)".
    static func testText(_ test: IndependenceTest) -> String {
        let verdict = test.isSignificant ? "la catégorie compte (seuil 5 %)" : "pas de différence significative (seuil 5 %)"
        return "X² corrigé = \(FrenchFormat.number(test.chiSquare, decimals: 1)) (Pearson \(FrenchFormat.number(test.pearsonChiSquare, decimals: 1)) ÷ effet de plan \(FrenchFormat.number(test.designEffect, decimals: 2))), ddl \(test.degreesOfFreedom), p \(pValue(test.pValue, withSign: true)) — \(verdict)"
    }

    /// A p-value, French style: "0,042", "< 0,001".
    static func pValue(_ p: Double, withSign: Bool = false) -> String {
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
