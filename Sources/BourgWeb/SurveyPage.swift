import BourgCore
import BourgData
import Foundation
import Hummingbird

/// The survey page (`/enquete`): paste a questionnaire (JSON), answers (CSV) and margins (CSV, optional),
/// get the weighted toplines with intervals and the cross-tabs. The example shown first is the synthetic one
/// shipped in `examples/survey` (nobody's answers).
public struct SurveyPage: Encodable, Sendable {
    public var frame: PageFrame
    public var report: SurveyReport?
    /// The report as text (tables), for the HTML page.
    public var text: String?
    public var isExample: Bool
    public var questionnaire: String
    public var answers: String
    public var margins: String

    enum CodingKeys: String, CodingKey { case frame, report, isExample }
}

/// The fields of the survey form.
struct SurveyForm: Decodable {
    var questionnaire: String
    var reponses: String
    var marges: String?
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

    func page(frame: PageFrame, questionnaire: String, answers: String, margins: String, isExample: Bool) throws -> SurveyPage {
        let input: SurveyInput
        do {
            input = try SurveyAnalysis.load(
                data: Data(answers.utf8), dataName: "réponses (CSV)", questionnaire: Data(questionnaire.utf8),
                questionnaireName: "questionnaire (JSON)", margins: margins.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : Data(margins.utf8),
                marginsName: "marges (CSV)")
        } catch let error as DataBuildError {
            throw WebError.badParameter(error.file.hasPrefix("questionnaire") ? "questionnaire" : (error.file.hasPrefix("marges") ? "marges" : "reponses"), error.description)
        }
        let report: SurveyReport
        do {
            report = SurveyReport(data: input.data, weighting: try input.weighting())
        } catch {
            throw WebError.badParameter("marges", "\(error)")
        }
        return SurveyPage(frame: frame, report: report, text: SurveyReportText.render(report), isExample: isExample,
                          questionnaire: questionnaire, answers: answers, margins: margins)
    }

    /// The page with the synthetic example, or the empty form when the example files are not there.
    func examplePage(frame: PageFrame) throws -> SurveyPage {
        guard let example else {
            return SurveyPage(frame: frame, report: nil, text: nil, isExample: false, questionnaire: "", answers: "", margins: "")
        }
        return try page(frame: frame, questionnaire: example.questionnaire, answers: example.answers, margins: example.margins, isExample: true)
    }

    /// Decodes the posted form (URL-encoded), refusing bodies over `maximumBody`.
    func form<Context: RequestContext>(_ request: Request, context: Context) async throws -> SurveyForm {
        let tooLarge = WebError(status: .contentTooLarge, title: "Fichiers trop gros",
                                detail: "Le formulaire dépasse \(Self.maximumBody / 1_048_576) Mo.")
        if let length = request.headers[.contentLength].flatMap(Int.init), length > Self.maximumBody { throw tooLarge }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: Self.maximumBody)
        } catch {
            throw tooLarge
        }
        let body = String(buffer: buffer)
        var fields: [String: String] = [:]
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard let name = parts.first?.removingPercentEncoding else { continue }
            let value = parts.count > 1 ? parts[1].replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" : ""
            fields[name] = value
        }
        guard let questionnaire = fields["questionnaire"], !questionnaire.isEmpty else { throw WebError.badParameter("questionnaire", "le questionnaire (JSON) est vide") }
        guard let answers = fields["reponses"], !answers.isEmpty else { throw WebError.badParameter("reponses", "les réponses (CSV) sont vides") }
        return SurveyForm(questionnaire: questionnaire, reponses: answers, marges: fields["marges"])
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
                let page = try survey.page(frame: frame("Résultats de l'enquête", "/enquete.json"), questionnaire: form.questionnaire,
                                           answers: form.reponses, margins: form.marges ?? "", isExample: false)
                return isJSON ? Responses.json(page) : Responses.html(try renderer.render(page, template: "survey"))
            }
        }
    }
}
