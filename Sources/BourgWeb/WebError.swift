import Foundation
import Hummingbird

/// An error a request can meet, answered as RFC 9457 problem details (JSON) or an error page (HTML).
public struct WebError: Error, Sendable, Equatable {
    public var status: HTTPResponse.Status
    public var title: String
    public var detail: String
    /// The invalid parameters of a 400, each with its reason.
    public var invalidParams: [InvalidParam]
    /// Header fields the answer must carry (`Allow` on a 405).
    public var headers: HTTPFields

    public init(status: HTTPResponse.Status, title: String, detail: String, invalidParams: [InvalidParam] = [], headers: HTTPFields = [:]) {
        self.status = status
        self.title = title
        self.detail = detail
        self.invalidParams = invalidParams
        self.headers = headers
    }

    /// A request parameter that is wrong, and why.
    public struct InvalidParam: Codable, Sendable, Equatable {
        public var name: String
        public var reason: String
    }

    public static func unknownCommune(_ code: String) -> WebError {
        WebError(status: .notFound, title: "Commune inconnue", detail: "Aucune commune n'a le code INSEE « \(code) » (COG 2025).")
    }

    public static func badParameter(_ name: String, _ reason: String) -> WebError {
        WebError(status: .badRequest, title: "Paramètre invalide", detail: "\(name) : \(reason)",
                 invalidParams: [InvalidParam(name: name, reason: reason)])
    }

    /// A request body over `limit` bytes.
    public static func contentTooLarge(limit: Int) -> WebError {
        WebError(status: .contentTooLarge, title: "Requête trop volumineuse",
                 detail: "Le corps de la requête dépasse \(byteCount(limit)), la limite de cette adresse.")
    }

    /// A method the path does not answer to; `Allow` lists those it does.
    public static func methodNotAllowed(_ method: HTTPRequest.Method, allowed: [HTTPRequest.Method]) -> WebError {
        let list = allowed.map(\.rawValue).joined(separator: ", ")
        return WebError(status: .methodNotAllowed, title: "Méthode non permise",
                        detail: "Cette adresse ne répond pas à \(method.rawValue.prefix(20)) ; méthodes permises : \(list).",
                        headers: [.allow: list])
    }

    /// "5 Mo", "64 Ko": a size in bytes as French readers write it.
    static func byteCount(_ bytes: Int) -> String {
        bytes % 1_048_576 == 0 ? "\(bytes / 1_048_576) Mo" : "\(bytes / 1_024) Ko"
    }

    public static let notFound = WebError(status: .notFound, title: "Page introuvable", detail: "Cette adresse ne correspond à aucune page de Bourg.")

    /// The problem details document.
    var problem: ProblemDetails {
        ProblemDetails(type: "about:blank", title: title, status: Int(status.code), detail: detail,
                       invalidParams: invalidParams.isEmpty ? nil : invalidParams)
    }
}

/// RFC 9457 problem details.
struct ProblemDetails: Codable, Sendable {
    var type: String
    var title: String
    var status: Int
    var detail: String
    var invalidParams: [WebError.InvalidParam]?

    enum CodingKeys: String, CodingKey {
        case type, title, status, detail
        case invalidParams = "invalid-params"
    }
}
