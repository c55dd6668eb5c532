import BourgCore
import Foundation
import Mustache

/// Renders pages with the Mustache templates shipped in the module's `Templates` folder, compiled once.
public struct PageRenderer: Sendable {
    let library: MustacheLibrary

    /// Loads every template of the `Templates` resource folder (each starts with `{{% CONTENT_TYPE: HTML}}`, so that
    /// its text is escaped by `HTMLEscaping`).
    public static func load() async throws -> PageRenderer {
        MustacheContentTypes.register(HTMLEscaping(), named: "HTML")
        guard let directory = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
            throw WebError(status: .internalServerError, title: "Gabarits absents", detail: "the Templates folder is missing from the BourgWeb resources")
        }
        return PageRenderer(library: try await MustacheLibrary(directory: directory.path))
    }

    /// The HTML of `page` with `template`.
    public func render(_ page: Any, template: String) throws -> String {
        guard let html = library.render(TemplateValues.prepare(page), withTemplate: template) else {
            throw WebError(status: .internalServerError, title: "Gabarit inconnu", detail: "no template named \(template)")
        }
        return html
    }
}

/// A value many times on a page (a form's options) giving its fields to Mustache directly, strings, numbers and
/// booleans only: reflecting it with `Mirror` was a fifth of an uncached household answer's time.
protocol TemplateFields {
    var templateFields: [String: Any] { get }
}

/// HTML escaping as Mustache's own (`<`, `>`, `&`, `"`, `'`), by `SVG.escape` on UTF-8 bytes: Mustache's walks grapheme
/// clusters and looks each up in a dictionary, which was an eighth of an uncached household answer's time.
struct HTMLEscaping: MustacheContentType {
    func escapeText(_ text: String) -> String { SVG.escape(text) }
}

/// A page's values made ready for Mustache: every struct becomes a `[String: Any]` of its stored properties
/// (optionals unwrapped, `nil` left out), arrays and dictionaries are prepared element by element, anything
/// else (strings, numbers, booleans, enums) is kept. Mustache looks names up in dictionaries directly; on a
/// struct it reflects with `Mirror` at every lookup and every level of its context stack, which made
/// rendering most of a town page's cost. The result renders the same.
enum TemplateValues {
    static func prepare(_ value: Any) -> Any {
        if isLeaf(value) { return value }
        if let fields = value as? TemplateFields { return fields.templateFields }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .struct, .class:
            var fields: [String: Any] = [:]
            for child in mirror.children {
                guard let label = child.label, let value = unwrapped(child.value) else { continue }
                fields[label] = prepare(value)
            }
            return fields
        case .collection:
            return mirror.children.map { child in unwrapped(child.value).map(prepare) as Any }
        case .dictionary:
            guard let dictionary = value as? [String: Any] else { return value }
            return dictionary.compactMapValues { unwrapped($0).map(prepare) }
        case .optional:
            return unwrapped(value).map(prepare) as Any
        default:
            return value
        }
    }

    /// A string, a number or a boolean: kept as is, without a Mirror (most values of a page are these).
    private static func isLeaf(_ value: Any) -> Bool { value is String || value is Int || value is Double || value is Bool }

    /// The value an optional holds, `nil` for an empty optional, or the value itself.
    private static func unwrapped(_ value: Any) -> Any? {
        if isLeaf(value) { return value }
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first.map { unwrapped($0.value) } ?? nil
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
