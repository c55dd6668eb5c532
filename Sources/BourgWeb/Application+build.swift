import BourgData
import Foundation
import Hummingbird
import Logging

/// How to run the web server.
public struct WebConfiguration: Sendable {
    public var hostname: String
    public var port: Int
    public var atlasPath: String
    public var logLevel: Logger.Level

    public init(hostname: String = "127.0.0.1", port: Int = 8080, atlasPath: String, logLevel: Logger.Level = .info) {
        self.hostname = hostname
        self.port = port
        self.atlasPath = atlasPath
        self.logLevel = logLevel
    }
}

/// Builds the application: loads the atlas (read-only) and the templates, then the router.
public func buildApplication(_ configuration: WebConfiguration) async throws -> some ApplicationProtocol {
    var logger = Logger(label: "bourg")
    logger.logLevel = configuration.logLevel
    let service = try AtlasService(atlasPath: configuration.atlasPath)
    let router = buildRouter(repository: service, renderer: try await PageRenderer.load(), files: try StaticFiles.load())
    logger.info("atlas loaded", metadata: [
        "path": "\(configuration.atlasPath)", "peers": "\(service.scores.members.count)",
        "timings": "\(service.startupTimings.joined(separator: ", "))",
    ])
    let readyLogger = logger
    // What only some pages need is prepared off the request path while the server starts listening.
    DispatchQueue.global(qos: .utility).async { [logger] in
        let elapsed = service.prepare()
        logger.info("pages prepared", metadata: ["ms": "\(elapsed.components.seconds * 1_000 + elapsed.components.attoseconds / 1_000_000_000_000_000)"])
    }
    // The map page's shapes (a few hundred milliseconds): drawn in the background so that its first visitor need not wait.
    Task.detached(priority: .background) { _ = try? service.mapGeometry() }
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.hostname, port: configuration.port), serverName: "Bourg"),
        onServerRunning: { channel in
            let port = channel.localAddress?.port ?? configuration.port
            readyLogger.info("Bourg est prêt : http://\(configuration.hostname):\(port)/ (Ctrl-C pour arrêter)")
        },
        logger: logger)
}

/// Largest request body, in bytes, of a route that takes no upload (every route but the survey's POST).
let maximumRequestBody = 64 * 1_024

/// The router: middleware (logs, security headers, error pages, body limits), health, static files and pages;
/// HEAD answers every GET route, and a known path asked with another method gets 405.
public func buildRouter<Repository: AtlasRepository>(repository: Repository, renderer: PageRenderer, files: StaticFiles) -> Router<BasicRequestContext> {
    let router = Router(context: BasicRequestContext.self, options: .autoGenerateHeadEndpoints)
    router.middlewares.add(RequestLogMiddleware())
    router.middlewares.add(SecurityHeadersMiddleware())
    router.middlewares.add(ErrorPagesMiddleware(renderer: renderer))
    router.middlewares.add(RequestBodyLimitMiddleware(
        defaultLimit: maximumRequestBody,
        uploadLimits: ["/enquete": SurveyService.maximumBody, "/enquete.json": SurveyService.maximumBody, "/enquete/poids.csv": SurveyService.maximumBody]))
    router.get("/health") { _, _ in Responses.json(["status": "ok", "atlas": repository.version]) }
    router.get("/static/:file") { _, context in
        let name = try context.parameters.require("file")
        guard let file = files.files[name] else { throw WebError.notFound }
        return Response(status: .ok, headers: [.contentType: file.contentType, .cacheControl: "public, max-age=3600"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: file.data)))
    }
    // Every answer that depends only on the atlas (and the program) shares one cache of bodies, plain and gzipped.
    let cache = ResponseCache()
    router.get("/carte.svg") { request, _ in
        try Responses.cached(request, version: repository.version, cache: cache, contentType: "image/svg+xml") {
            ByteBuffer(string: repository.nationalMap())
        }
    }
    router.get("/openapi.json") { request, _ in
        guard let file = files.files["openapi.json"] else { throw WebError.notFound }
        return try Responses.cached(request, version: repository.version, cache: cache, contentType: "application/json") {
            ByteBuffer(bytes: file.data)
        }
    }
    PagesController<Repository, BasicRequestContext>(repository: repository, renderer: renderer, cache: cache).addRoutes(to: router)
    router.middlewares.add(MethodNotAllowedMiddleware(routes: router.routes.map { (path: $0.path.description, method: $0.method) }))
    return router
}
