import BourgCore
import BourgData
import Foundation
import Hummingbird

/// The council summary (`/communes/{code}/synthese`): one page to print (at most two A4 pages) with the note, the
/// rank, strengths, weaknesses, the three first levers, similar towns and arrivals (`CouncilSummary`). Its JSON
/// twin is the summary itself.
public struct SynthesePage: Encodable, Sendable {
    public var frame: PageFrame
    public var summary: CouncilSummary
    /// Rendered for the page (omitted from JSON).
    public var compositeText: String
    public var rankText: String?
    public var leverRule: String
    /// The types, joined.
    public var typesText: String?
    /// "7 105 habitants (2021)".
    public var populationText: String?
    /// The atlas's build date in French ("5 décembre 2026"), the ISO timestamp when it cannot be read.
    public var dateText: String
    /// The similar towns with their note, for the page.
    public var similarTowns: [SimilarLine]

    public struct SimilarLine: Encodable, Sendable {
        public var code: String
        public var name: String
        public var departement: String
        public var noteText: String?
    }

    enum CodingKeys: String, CodingKey { case frame, summary }

    /// "2026-12-05T18:45:01Z" → "5 décembre 2026".
    static func frenchDate(_ iso: String) -> String {
        let months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
        let parts = iso.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else { return iso }
        return "\(parts[2] == 1 ? "1er" : String(parts[2])) \(months[parts[1] - 1]) \(parts[0])"
    }
}

extension AtlasService {
    /// The council summary of a small town, or `nil` for an unknown commune; a commune outside the small towns has
    /// none (404 with the reason).
    public func synthesePage(code: String) throws -> SynthesePage? {
        guard let commune = try database.commune(code: code) else { return nil }
        guard let position = scores.position(ofCommune: code) else {
            throw WebError(status: .notFound, title: "Pas de synthèse",
                           detail: "\(commune.name) n'est pas une commune de 2 500 à 25 000 habitants : elle n'est pas notée parmi les petites villes.")
        }
        let diagnosis = diagnostician.diagnose(position)
        let arrivals = try arrivals(code: code)
        var cited: [String] = []
        for lever in CouncilSummary.levers(of: diagnosis) where !cited.contains(citation(of: lever.indicator)) {
            cited.append(citation(of: lever.indicator))
        }
        if arrivals != nil { cited.append("Solde migratoire apparent 2016–2022 : INSEE, état civil et recensements (modèle des aménités de Bourg, /validation)") }
        cited.append("Toutes les sources de la fiche : /sources")
        let summary = CouncilSummary(diagnosis, board: board, arrivals: arrivals.map { "\($0.verdict) Solde observé \($0.observed), prédit pour son profil \($0.predicted)." },
                                     arrivalsReason: arrivals?.reasons.first.map { "Première raison de la prédiction : " + $0 },
                                     sources: cited, date: builtAt)
        return SynthesePage(
            frame: PageFrame(title: "\(commune.name) : synthèse pour le conseil municipal", jsonPath: "/communes/\(commune.code)/synthese.json",
                             atlasBuiltAt: builtAt),
            summary: summary, compositeText: summary.composite.map { FrenchFormat.number($0, decimals: 1) } ?? "—",
            rankText: summary.rankText.map { $0.prefix(1).uppercased() + $0.dropFirst() }, leverRule: LeverCatalogue.targetRule,
            typesText: summary.types.isEmpty ? nil : summary.types.joined(separator: ", "),
            populationText: summary.population.map { "\(FrenchFormat.number(Double($0), decimals: 0)) habitants (2021)" },
            dateText: SynthesePage.frenchDate(summary.date),
            similarTowns: summary.similar.map {
                SynthesePage.SimilarLine(code: $0.code, name: $0.name, departement: $0.departement,
                                         noteText: $0.composite.map { "note " + FrenchFormat.number($0, decimals: 1) })
            })
    }
}

extension PagesController {
    /// `/communes/{code}/synthese` and its JSON twin.
    func addSummaryRoutes(to router: Router<Context>) {
        router.get("/communes/:code/synthese") { request, context in try summary(request, context, json: false) }
        router.get("/communes/:code/synthese.json") { request, context in try summary(request, context, json: true) }
    }

    private func summary(_ request: Request, _ context: Context, json isJSON: Bool) throws -> Response {
        let code = try context.parameters.require("code").uppercased()
        guard Self.isINSEECode(code) else {
            throw WebError.badParameter("code", "un code INSEE de 5 caractères est attendu (ex. 46102, 2A004)")
        }
        let load = { () throws -> SynthesePage in
            guard let page = try repository.synthesePage(code: code) else { throw WebError.unknownCommune(code) }
            return page
        }
        return isJSON ? try json(request, load) : try page(request, load) { try renderer.render($0, template: "synthese") }
    }
}
