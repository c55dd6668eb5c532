import Foundation
import Mustache

/// Renders pages with the Mustache templates shipped in the module's `Templates` folder, compiled once.
public struct PageRenderer: Sendable {
    let library: MustacheLibrary

    /// Loads every template of the `Templates` resource folder.
    public static func load() async throws -> PageRenderer {
        guard let directory = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
            throw WebError(status: .internalServerError, title: "Gabarits absents", detail: "the Templates folder is missing from the BourgWeb resources")
        }
        return PageRenderer(library: try await MustacheLibrary(directory: directory.path))
    }

    /// The HTML of `page` with `template`.
    public func render(_ page: Any, template: String) throws -> String {
        guard let html = library.render(page, withTemplate: template) else {
            throw WebError(status: .internalServerError, title: "Gabarit inconnu", detail: "no template named \(template)")
        }
        return html
    }
}

/// The static files (CSS, JavaScript, OpenAPI document), read once from the `Public` resource folder and
/// served from memory: only these names exist, so no path can escape the folder.
public struct StaticFiles: Sendable {
    public struct File: Sendable {
        public var data: Data
        public var contentType: String
    }

    public let files: [String: File]

    public static func load() throws -> StaticFiles {
        guard let directory = Bundle.module.url(forResource: "Public", withExtension: nil) else { return StaticFiles(files: [:]) }
        var files: [String: File] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            let url = directory.appendingPathComponent(name)
            let type: String = switch url.pathExtension {
            case "css": "text/css; charset=utf-8"
            case "js": "text/javascript; charset=utf-8"
            case "json": "application/json"
            case "svg": "image/svg+xml"
            case "png": "image/png"
            default: "application/octet-stream"
            }
            files[name] = File(data: try Data(contentsOf: url), contentType: type)
        }
        return StaticFiles(files: files)
    }
}
