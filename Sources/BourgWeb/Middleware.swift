import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Logs every request once it is answered: request id, method, path, status and duration.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(request, context: context, status: response.status.code, since: start)
            return response
        } catch {
            let status = (error as? WebError)?.status.code ?? (error as? HTTPResponseError)?.status.code ?? 500
            log(request, context: context, status: status, since: start)
            throw error
        }
    }

    private func log(_ request: Request, context: Context, status: Int, since start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.seconds) * 1_000 + Double(elapsed.components.attoseconds) / 1e15
        context.logger.info("request", metadata: [
            "method": "\(request.method)", "path": "\(request.uri.path)", "status": "\(status)",
            "duration_ms": "\(String(format: "%.2f", milliseconds))",
        ])
    }
}

/// Security headers on every answer: everything is served from here, so the content security policy is strict.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    static var headers: HTTPFields {
        [
            .contentSecurityPolicy: "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
            .xContentTypeOptions: "nosniff",
            HTTPField.Name("Referrer-Policy")!: "same-origin",
            HTTPField.Name("X-Frame-Options")!: "DENY",
        ]
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        for field in Self.headers { response.headers[field.name] = field.value }
        return response
    }
}

/// Turns errors into answers: problem details (RFC 9457) for JSON and API paths, an error page for HTML ones.
struct ErrorPagesMiddleware<Context: RequestContext>: RouterMiddleware {
    let renderer: PageRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as WebError {
            return answer(error, for: request)
        } catch let error as HTTPResponseError where error.status == .notFound {
            return answer(.notFound, for: request)
        } catch {
            context.logger.error("unexpected error", metadata: ["error": "\(error)"])
            return answer(WebError(status: .internalServerError, title: "Erreur interne", detail: "Une erreur inattendue est survenue."), for: request)
        }
    }

    func answer(_ error: WebError, for request: Request) -> Response {
        if Responses.wantsJSON(request) {
            return Responses.json(error.problem, status: error.status, contentType: "application/problem+json")
        }
        let page = ErrorPage(frame: PageFrame(title: error.title, jsonPath: "", sources: [], atlasBuiltAt: ""), title: error.title,
                             detail: error.detail, status: Int(error.status.code))
        let html = (try? renderer.render(page, template: "error")) ?? "<!doctype html><title>\(error.title)</title><p>\(error.detail)"
        return Responses.html(html, status: error.status)
    }
}

/// The error page.
struct ErrorPage: Encodable {
    var frame: PageFrame
    var title: String
    var detail: String
    var status: Int
}
