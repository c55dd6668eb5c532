import ArgumentParser
import BourgWeb
import Hummingbird
import Logging

/// `bourg serve`: the web app and its JSON API, on the atlas opened read-only.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Sert l'application web et l'API JSON.")

    @OptionGroup var atlas: AtlasOptions

    @Option(name: .long, help: "Address to listen on.")
    var hostname: String = "127.0.0.1"

    @Option(name: .long, help: "Port to listen on.")
    var port: Int = 8080

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String = "info"

    func validate() throws {
        guard (1...65_535).contains(port) else { throw ValidationError("--port must be between 1 and 65535") }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("--log-level: trace, debug, info, notice, warning, error or critical") }
    }

    func run() async throws {
        ClosedOutput.ignore()
        let app = try await buildApplication(WebConfiguration(
            hostname: hostname, port: port, atlasPath: atlas.path, logLevel: Logger.Level(rawValue: logLevel) ?? .info))
        // Runs until SIGINT or SIGTERM, then finishes the requests in flight and stops.
        try await app.runService()
    }
}
