import Foundation
import Hummingbird

/// Builds responses: HTML, JSON (sorted keys), CSV, GeoJSON; with caching headers for pages that depend
/// only on the atlas file and the URL.
enum Responses {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return encoder
    }()

    /// Whether the request asks for JSON: a `.json` path or an export (`.csv`, `.geojson`), an API path, or an
    /// Accept header preferring JSON.
    static func wantsJSON(_ request: Request) -> Bool {
        let path = request.uri.path
        if [".json", ".geojson", ".csv"].contains(where: path.hasSuffix) || path.hasPrefix("/api/") || path == "/health" { return true }
        let accept = request.headers[.accept] ?? ""
        return accept.contains("application/json") && !accept.contains("text/html")
    }

    static func html(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok, contentType: String = "application/json") -> Response {
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return Response(status: status, headers: [.contentType: contentType], body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func text(_ text: String, contentType: String, filename: String? = nil) -> Response {
        var headers: HTTPFields = [.contentType: contentType]
        if let filename { headers[.contentDisposition] = "attachment; filename=\"\(filename)\"" }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// Adds an ETag (atlas version + URL) and Cache-Control; answers 304 when the client has it already.
    static func cached(_ request: Request, version: String, _ make: () throws -> Response) rethrows -> Response {
        let tag = "\"\(version)-\(AtlasServiceHash.hash(request.uri.description))\""
        if request.headers[.ifNoneMatch] == tag {
            return Response(status: .notModified, headers: [.eTag: tag, .cacheControl: "public, max-age=300"])
        }
        var response = try make()
        response.headers[.eTag] = tag
        response.headers[.cacheControl] = "public, max-age=300"
        return response
    }
}

/// FNV-1a hashes for ETags.
enum AtlasServiceHash {
    static func hash(_ text: String) -> String { AtlasService.hash(text) }
}
