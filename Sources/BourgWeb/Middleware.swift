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
        var response: Response
        if Responses.wantsJSON(request) {
            response = Responses.json(error.problem, status: error.status, contentType: "application/problem+json")
        } else {
            let page = ErrorPage(frame: PageFrame(title: error.title, jsonPath: ""), title: error.title,
                                 detail: error.detail, status: Int(error.status.code))
            let html = (try? renderer.render(page, template: "error")) ?? "<!doctype html><title>\(error.title)</title><p>\(error.detail)"
            response = Responses.html(html, status: error.status)
        }
        for field in error.headers { response.headers[field.name] = field.value }
        return response
    }
}

/// Refuses request bodies over a limit with 413, on every route, before any handler reads them.
///
/// A declared `Content-Length` over the limit is refused at once. A body without a declared length (chunked) is
/// read here, up to the limit and no further, and refused as soon as it passes it; under the limit it is handed on
/// in memory. So no request holds more than its limit in memory, whichever route it asks for. After a 413 the
/// server still reads and discards what the client goes on sending, so the client gets its answer.
struct RequestBodyLimitMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Largest body of a request to a route that takes no upload, in bytes.
    var defaultLimit: Int
    /// The larger limits of the routes that take an upload (POST), by path.
    var uploadLimits: [String: Int]

    func limit(for request: Request) -> Int {
        request.method == .post ? uploadLimits[request.uri.path] ?? defaultLimit : defaultLimit
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let limit = limit(for: request)
        if let declared = request.headers[.contentLength] {
            if let length = Int(declared), length > limit { throw WebError.contentTooLarge(limit: limit) }
            return try await next(request, context)
        }
        guard request.headers[.transferEncoding] != nil else { return try await next(request, context) }
        var request = request
        do {
            _ = try await request.collectBody(upTo: limit)
        } catch let error as HTTPResponseError where error.status == .contentTooLarge {
            throw WebError.contentTooLarge(limit: limit)
        }
        return try await next(request, context)
    }
}

/// Answers 405 (with `Allow`) instead of 404 when the path exists but not for this method.
///
/// Add it after the routes: Hummingbird applies a middleware to the routes added after it and to the answer to
/// requests no route matched, so this one only looks at those.
struct MethodNotAllowedMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The routes, as path segments (`{name}` or `*` stands for any one segment) and method.
    let routes: [(segments: [String], method: HTTPRequest.Method)]

    init(routes: [(path: String, method: HTTPRequest.Method)]) {
        self.routes = routes.map { (segments: $0.path.split(separator: "/").map(String.init), method: $0.method) }
    }

    /// The methods some route answers to at `path`, GET ones with HEAD.
    func allowedMethods(at path: String) -> [HTTPRequest.Method] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        var methods: [HTTPRequest.Method] = []
        for route in routes where route.segments.count == segments.count
            && zip(route.segments, segments).allSatisfy({ $0 == $1 || $0 == "*" || ($0.hasPrefix("{") && $0.hasSuffix("}")) }) {
            for method in route.method == .get ? [.get, .head] : [route.method] where !methods.contains(method) {
                methods.append(method)
            }
        }
        return methods
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPResponseError where error.status == .notFound {
            let allowed = allowedMethods(at: request.uri.path)
            guard !allowed.isEmpty, !allowed.contains(request.method) else { throw error }
            throw WebError.methodNotAllowed(request.method, allowed: allowed)
        }
    }
}

/// The error page.
struct ErrorPage: Encodable {
    var frame: PageFrame
    var title: String
    var detail: String
    var status: Int
}
