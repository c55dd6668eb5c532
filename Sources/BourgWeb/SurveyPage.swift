import BourgCore
import BourgData
import Foundation
import Hummingbird
import MultipartKit

/// The survey page (`/enquete`): paste or upload a questionnaire (JSON), answers (CSV) and margins (CSV, optional),
/// get the weighted toplines with intervals and the cross-tabs (and each respondent's weight as CSV,
/// `/enquete/poids.csv`). The example shown first is the synthetic one
/// shipped in `examples/survey` (nobody's answers).
public struct SurveyPage: Encodable, Sendable {
    public var frame: PageFrame
    public var report: SurveyReport?
    /// The report in tables, for the HTML page (the JSON twin encodes `report`).
    public var view: SurveyReportView?
    public var isExample: Bool
    public var questionnaire: String
    public var answers: String
    public var margins: String
    /// Whether the form's interval selector is on Wilson (else logit, the default).
    public var isWilson: Bool

    enum CodingKeys: String, CodingKey { case frame, report, isExample }
}

/// A survey report made ready for the page's tables: the figures as French text (the CLI's wording and
/// formatting, from `SurveyReportText`), one topline table per question, the cross-tabs grouped by variable.
public struct SurveyReportView: Sendable {
    public var title: String
    public var population: String?
    public var respondents: String
    public var effectiveSampleSize: String
    public var designEffect: String
    public var weightingMethod: String
    /// Raking's outcome (`nil` without raking), and whether it is a warning (no convergence).
    public var convergence: String?
    public var convergenceFailed: Bool
    public var trimming: String?
    public var weightRange: String
    public var methodNotes: [String]
    /// The interval method's name ("logit", "wilson").
    public var intervalMethod: String
    public var smallBaseNote: String
    public var questions: [ToplineTable]
    public var crossTabGroups: [CrossTabGroup]

    public init(_ report: SurveyReport) {
        let weighting = report.weighting
        title = report.title
        population = report.population
        respondents = SurveyReportText.count(report.respondents)
        effectiveSampleSize = SurveyReportText.effectiveSampleSize(weighting)
        designEffect = SurveyReportText.designEffect(weighting)
        weightingMethod = SurveyReportText.weightingMethod(weighting)
        convergence = SurveyReportText.convergence(weighting)
        convergenceFailed = weighting.method == .raking && weighting.converged != true
        trimming = SurveyReportText.trimming(weighting)
        weightRange = SurveyReportText.weightRange(weighting)
        methodNotes = [report.method.variance, report.method.intervals, report.method.test, report.method.multipleAnswers]
        intervalMethod = report.method.intervalMethod.rawValue
        smallBaseNote = report.method.smallBase
        questions = report.questions.map(ToplineTable.init)
        var groups: [CrossTabGroup] = []
        for table in report.crossTabs {
            if groups.last?.variable != table.variable {
                groups.append(CrossTabGroup(variable: table.variable, label: table.variableLabel,
                                            columns: table.columns.map { CrossTabGroup.Column(code: $0.code, label: $0.label) }, tables: []))
            }
            groups[groups.count - 1].tables.append(CrossTabTable(table))
        }
        crossTabGroups = groups
    }
}

/// One question's toplines: a row per answer (or item) with its share, interval and bar.
public struct ToplineTable: Sendable {
    /// One answer's weighted share.
    public struct Row: Sendable {
        public var label: String
        /// Whole percentage ("89") and 95 % interval ("87–91").
        public var share: String
        public var interval: String
        /// Standard error in points ("1,2"), the estimate's design effect ("1,23", "–" when undefined) and its
        /// interval method when it is not the report's (a fallback to Wilson at 0 or 100 %).
        public var standardError: String
        public var designEffect: String
        public var isSmallBase: Bool
        /// The share and its interval drawn as an inline SVG bar (decorative: the figures are in the row).
        public var bar: String
    }

    /// The positive share, said as the barometer says it: "89 %", "87–91", "portent un regard positif…".
    public struct Headline: Sendable {
        public var share: String
        public var interval: String
        public var statement: String
        public var isSmallBase: Bool
        public var base: Int
    }

    public var id: String
    public var text: String
    public var answersAllowed: String?
    public var isMultiple: Bool
    /// "base : 1 000 répondants (taille efficace 869)".
    public var base: String
    public var isSmallBase: Bool
    public var hasSmallBase: Bool
    public var headline: Headline?
    public var rows: [Row]

    init(_ question: QuestionEstimates) {
        id = question.id
        text = question.text
        answersAllowed = SurveyReportText.answersAllowed(question)
        isMultiple = question.type == .multiple
        base = SurveyReportText.base(question)
        isSmallBase = question.isSmallBase
        if let positive = question.positive, let statement = question.positiveStatement {
            headline = Headline(share: ShareEstimate.percent(positive.share), interval: positive.intervalText, statement: statement,
                                isSmallBase: positive.isSmallBase, base: positive.base)
        }
        rows = question.answers.map { answer in
            Row(label: answer.label, share: ShareEstimate.percent(answer.estimate.share), interval: answer.estimate.intervalText,
                standardError: FrenchFormat.number(answer.estimate.standardError * 100, decimals: 1),
                designEffect: answer.estimate.designEffect.map { FrenchFormat.number($0, decimals: 2) } ?? "–",
                isSmallBase: answer.estimate.isSmallBase, bar: Self.bar(answer.estimate))
        }
        hasSmallBase = question.isSmallBase || question.answers.contains { $0.estimate.isSmallBase }
    }

    /// A share on a 0–100 % track with its interval as a whisker; sized and coloured by `svg.share-bar` in
    /// bourg.css (no inline style: the Content-Security-Policy forbids it).
    static func bar(_ estimate: ShareEstimate) -> String {
        func x(_ share: Double) -> String { String(format: "%.1f", min(1, max(0, share)) * 100) }
        let low = x(estimate.low), high = x(estimate.high)
        return "<svg class=\"share-bar\(estimate.isSmallBase ? " small-base" : "")\" viewBox=\"0 0 100 12\" preserveAspectRatio=\"none\" aria-hidden=\"true\">"
            + "<rect class=\"track\" width=\"100\" height=\"12\"/>"
            + "<rect class=\"share\" y=\"2\" width=\"\(x(estimate.share))\" height=\"8\"/>"
            + "<path class=\"interval\" vector-effect=\"non-scaling-stroke\" d=\"M\(low) 6H\(high)M\(low) 3V9M\(high) 3V9\"/></svg>"
    }
}

/// The cross-tabs by one profile variable, with the meaning of its category codes (the tables' column heads).
public struct CrossTabGroup: Sendable {
    /// A category: its code (a column head) and label.
    public struct Column: Sendable {
        public var code: String
        public var label: String
    }

    public var variable: String
    public var label: String
    public var columns: [Column]
    public var tables: [CrossTabTable]
}

/// A question crossed by a variable: shares in % by category, p-values, and the Rao–Scott tests in words.
public struct CrossTabTable: Sendable {
    /// A category's column head and base.
    public struct Column: Sendable {
        public var code: String
        public var label: String
        public var base: String
        public var isSmallBase: Bool
    }

    /// One cell: the share ("75", "–" without respondents) and its interval and base, for the cell's title.
    public struct Cell: Sendable {
        public var share: String
        public var detail: String?
        public var isSmallBase: Bool
    }

    /// One row: the positive share or an answer (item), with its own test's p-value when it has one.
    public struct Row: Sendable {
        public var label: String
        public var isPositive: Bool
        public var cells: [Cell]
        public var pValue: String?
        public var isSignificant: Bool
    }

    public var question: String
    public var questionText: String
    public var variableLabel: String
    public var columns: [CrossTabTable.Column]
    /// Whether rows carry a p-value column (the positive share, the items of a multiple-answer question).
    public var hasRowTests: Bool
    public var hasSmallBase: Bool
    public var rows: [Row]
    public var statements: [SurveyReportText.TestStatement]

    init(_ table: CrossTab) {
        question = table.question
        questionText = table.questionText
        variableLabel = table.variableLabel
        columns = table.columns.map {
            Column(code: $0.code, label: $0.label, base: SurveyReportText.count($0.base), isSmallBase: $0.isSmallBase)
        }
        hasRowTests = table.type == .multiple || table.positive != nil
        hasSmallBase = table.columns.contains(where: \.isSmallBase)
        let tested = hasRowTests
        func row(_ row: CrossTabRow, label: String, isPositive: Bool) -> Row {
            Row(label: label, isPositive: isPositive,
                cells: row.cells.map { cell in
                    guard let cell else { return Cell(share: "–", detail: "aucun répondant", isSmallBase: false) }
                    return Cell(share: ShareEstimate.percent(cell.share),
                                detail: "IC 95 % : \(cell.intervalText) ; \(SurveyReportText.precision(cell)) ; base \(SurveyReportText.count(cell.base)) répondants",
                                isSmallBase: cell.isSmallBase)
                },
                pValue: tested ? (row.test.map { SurveyReportText.pValue($0.pValue) } ?? "–") : nil,
                isSignificant: row.test?.isSignificant == true)
        }
        rows = (table.positive.map { [row($0, label: "Positifs", isPositive: true)] } ?? [])
            + table.rows.map { row($0, label: $0.label, isPositive: false) }
        statements = SurveyReportText.testStatements(table)
    }
}

/// The fields of the survey form, pasted or uploaded, with the names its files go by in error messages.
struct SurveyForm: Sendable {
    var questionnaire: String
    var reponses: String
    var marges: String?
    /// The interval method (`intervalle`: logit or wilson).
    var intervals: IntervalMethod = .standard
    var questionnaireName = "questionnaire (JSON)"
    var reponsesName = "réponses (CSV)"
    var margesName = "marges (CSV)"
}

/// Computes survey reports for the web page.
public struct SurveyService: Sendable {
    /// The synthetic example files, when the project's `examples/survey` folder is there.
    let example: (questionnaire: String, answers: String, margins: String)?
    /// Largest accepted form body, in bytes.
    public static let maximumBody = 5 * 1_024 * 1_024

    public init(exampleFolder: URL? = AtlasLocation.projectRoot.appendingPathComponent("examples/survey")) {
        if let folder = exampleFolder,
           let questionnaire = try? String(contentsOf: folder.appendingPathComponent("questionnaire-barometre.json"), encoding: .utf8),
           let answers = try? String(contentsOf: folder.appendingPathComponent("reponses-synthetiques.csv"), encoding: .utf8),
           let margins = try? String(contentsOf: folder.appendingPathComponent("margins-france.csv"), encoding: .utf8) {
            example = (questionnaire, answers, margins)
        } else {
            example = nil
        }
    }

    /// The example's files as a form.
    var exampleForm: SurveyForm? {
        example.map { SurveyForm(questionnaire: $0.questionnaire, reponses: $0.answers, marges: $0.margins) }
    }

    /// Reads and weights the form's survey; file errors are 400s naming the field (and the file, line and column).
    func analyse(_ form: SurveyForm) throws -> (input: SurveyInput, weighting: SurveyWeighting) {
        let input: SurveyInput
        let margins = form.marges.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : Data($0.utf8) }
        do {
            input = try SurveyAnalysis.load(
                data: Data(form.reponses.utf8), dataName: form.reponsesName, questionnaire: Data(form.questionnaire.utf8),
                questionnaireName: form.questionnaireName, margins: margins, marginsName: form.margesName)
        } catch let error as DataBuildError {
            let field = error.file == form.questionnaireName ? "questionnaire" : (error.file == form.margesName ? "marges" : "reponses")
            throw WebError.badParameter(field, error.description)
        }
        do {
            return (input, try input.weighting())
        } catch {
            throw WebError.badParameter("marges", "\(error)")
        }
    }

    func page(frame: PageFrame, form: SurveyForm, isExample: Bool) throws -> SurveyPage {
        let (input, weighting) = try analyse(form)
        let report = SurveyReport(data: input.data, weighting: weighting, intervals: form.intervals)
        return SurveyPage(frame: frame, report: report, view: SurveyReportView(report), isExample: isExample,
                          questionnaire: form.questionnaire, answers: form.reponses, margins: form.marges ?? "",
                          isWilson: form.intervals == .wilson)
    }

    /// The page with the synthetic example, or the empty form when the example files are not there.
    func examplePage(frame: PageFrame) throws -> SurveyPage {
        guard let form = exampleForm else {
            return SurveyPage(frame: frame, report: nil, view: nil, isExample: false, questionnaire: "", answers: "", margins: "",
                              isWilson: false)
        }
        return try page(frame: frame, form: form, isExample: true)
    }

    /// Each respondent's weight as CSV (`SurveyWeightsCSV`).
    func weightsCSV(_ form: SurveyForm) throws -> String {
        let (input, weighting) = try analyse(form)
        return SurveyWeightsCSV.render(input.data, weighting: weighting)
    }

    /// Decodes the posted form: URL-encoded (pasted text) or multipart/form-data (pasted text or uploaded files:
    /// the parts `questionnaire`, `reponses` and `marges`, each a text or a file, and the file inputs
    /// `questionnaire_fichier`, `reponses_fichier` and `marges_fichier`, which win over the text when not empty).
    /// Bodies over `maximumBody` are refused before this, by `RequestBodyLimitMiddleware`; the bound here only
    /// keeps the read bounded on its own.
    func form<Context: RequestContext>(_ request: Request, context: Context) async throws -> SurveyForm {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: Self.maximumBody)
        } catch {
            throw WebError.contentTooLarge(limit: Self.maximumBody)
        }
        let contentType = request.headers[.contentType] ?? ""
        var fields: [String: (text: String, filename: String?)] = [:]
        if contentType.lowercased().hasPrefix("multipart/form-data") {
            fields = try Self.multipartFields(buffer, contentType: contentType)
        } else {
            let body = String(buffer: buffer)
            for pair in body.split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                guard let name = parts.first?.removingPercentEncoding else { continue }
                let value = parts.count > 1 ? parts[1].replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" : ""
                fields[name] = (value, nil)
            }
        }
        /// A field's text (the uploaded file when there is one) and the name its errors give.
        func field(_ name: String, label: String) -> (text: String, name: String)? {
            for key in [name + "_fichier", name] {
                guard let value = fields[key], !value.text.isEmpty else { continue }
                let file = value.filename.flatMap { $0.isEmpty ? nil : String($0.prefix(80)) }
                return (value.text, file.map { "\(label) (\($0))" } ?? "\(label) (\(name == "questionnaire" ? "JSON" : "CSV"))")
            }
            return nil
        }
        guard let questionnaire = field("questionnaire", label: "questionnaire") else { throw WebError.badParameter("questionnaire", "le questionnaire (JSON) est vide") }
        guard let answers = field("reponses", label: "réponses") else { throw WebError.badParameter("reponses", "les réponses (CSV) sont vides") }
        let margins = field("marges", label: "marges")
        var intervals = IntervalMethod.standard
        if let text = fields["intervalle"]?.text, !text.isEmpty {
            guard let method = IntervalMethod(rawValue: text) else {
                throw WebError.badParameter("intervalle", "méthode d'intervalle inconnue « \(text.prefix(40)) » ; méthodes : \(IntervalMethod.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            intervals = method
        }
        return SurveyForm(questionnaire: questionnaire.text, reponses: answers.text, marges: margins?.text, intervals: intervals,
                          questionnaireName: questionnaire.name, reponsesName: answers.name, margesName: margins?.name ?? "marges (CSV)")
    }

    /// The parts of a multipart/form-data body (MultipartKit's parser): name → (text, file name).
    static func multipartFields(_ buffer: ByteBuffer, contentType: String) throws -> [String: (text: String, filename: String?)] {
        func parameter(_ header: String, _ key: String) -> String? {
            for part in header.split(separator: ";") {
                let item = part.trimmingCharacters(in: .whitespaces)
                guard item.lowercased().hasPrefix(key + "=") else { continue }
                var value = String(item.dropFirst(key.count + 1))
                if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
                return value
            }
            return nil
        }
        guard let boundary = parameter(contentType, "boundary"), !boundary.isEmpty else {
            throw WebError.badParameter("formulaire", "corps multipart/form-data sans « boundary » dans l'en-tête Content-Type")
        }
        let parser = MultipartParser(boundary: boundary)
        var fields: [String: (text: String, filename: String?)] = [:]
        var disposition = ""
        var body = ByteBuffer()
        parser.onHeader = { name, value in
            if name.lowercased() == "content-disposition" { disposition = value }
        }
        parser.onBody = { chunk in body.writeBuffer(&chunk) }
        parser.onPartComplete = {
            if let name = parameter(disposition, "name") {
                fields[name] = (String(buffer: body), parameter(disposition, "filename"))
            }
            disposition = ""
            body.clear()
        }
        do {
            try parser.execute(buffer)
        } catch {
            throw WebError.badParameter("formulaire", "corps multipart/form-data illisible (\(error))")
        }
        return fields
    }
}

extension PagesController {
    func addSurveyRoutes(to router: Router<Context>, survey: SurveyService, frame: @escaping @Sendable (String, String) -> PageFrame) {
        router.get("/enquete") { request, _ in
            try page(request) { try survey.examplePage(frame: frame("Enquête de perception", "/enquete.json")) } html: {
                try renderer.render($0, template: "survey")
            }
        }
        router.get("/enquete.json") { request, _ in try json(request) { try survey.examplePage(frame: frame("Enquête de perception", "/enquete.json")) } }
        for (path, isJSON) in [("/enquete", false), ("/enquete.json", true)] {
            router.post(RouterPath(path)) { request, context in
                let form = try await survey.form(request, context: context)
                let page = try survey.page(frame: frame("Résultats de l'enquête", "/enquete.json"), form: form, isExample: false)
                return isJSON ? Responses.json(page) : Responses.html(try renderer.render(page, template: "survey"))
            }
        }
        // Each respondent's weight: the example's (GET) or the posted survey's (POST, the same form).
        router.get("/enquete/poids.csv") { _, _ in
            guard let form = survey.exampleForm else {
                throw WebError(status: .notFound, title: "Exemple absent", detail: "L'exemple d'enquête (examples/survey) n'est pas installé.")
            }
            return Responses.text(try survey.weightsCSV(form), contentType: "text/csv; charset=utf-8", filename: "poids-exemple.csv")
        }
        router.post("/enquete/poids.csv") { request, context in
            let form = try await survey.form(request, context: context)
            return Responses.text(try survey.weightsCSV(form), contentType: "text/csv; charset=utf-8", filename: "poids-enquete.csv")
        }
    }
}
