import CompressNIO
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

    /// An answer that depends only on the atlas and the URL: its body kept in `cache` (computed by `make` the first
    /// time; errors are thrown, never kept), gzipped when the client accepts it (and kept so: compressed once),
    /// tagged with an ETag of the atlas version, the URL and the encoding (RFC 9110 §8.8.3: each representation its
    /// own strong validator), `Vary: Accept-Encoding` and Cache-Control; 304 when the client has it already.
    static func cached(_ request: Request, version: String, cache: ResponseCache, contentType: String,
                       _ make: () throws -> ByteBuffer) throws -> Response {
        let key = request.uri.description
        let gzip = ContentCoding.acceptsGzip(request.headers[.acceptEncoding])
        let tag = "\"\(version)-\(AtlasServiceHash.hash(key))\(gzip ? "-gzip" : "")\""
        var headers: HTTPFields = [.eTag: tag, .cacheControl: "public, max-age=300", .vary: "Accept-Encoding"]
        if ContentCoding.matches(request.headers[.ifNoneMatch], tag) {
            return Response(status: .notModified, headers: headers)
        }
        var entry: ResponseCache.Entry
        if let kept = cache.get(key) {
            entry = kept
        } else {
            entry = ResponseCache.Entry(body: try make(), contentType: contentType)
            if !gzip { cache.put(key, entry) }
        }
        headers[.contentType] = entry.contentType
        guard gzip else { return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: entry.body)) }
        let compressed: ByteBuffer
        if let kept = entry.gzipped {
            compressed = kept
        } else {
            compressed = try ContentCoding.gzip(entry.body)
            entry.gzipped = compressed
            cache.put(key, entry)
        }
        headers[.contentEncoding] = "gzip"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: compressed))
    }
}

/// Content negotiation of the encoding (RFC 9110 §12.5.3) and conditional requests (§13.1.2).
enum ContentCoding {
    /// Whether an `Accept-Encoding` header accepts gzip: listed (or `*`) with a quality above 0, and not refused.
    static func acceptsGzip(_ header: String?) -> Bool {
        guard let header else { return false }
        var gzip: Double?, any: Double?
        for item in header.split(separator: ",") {
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let name = parts.first else { continue }
            let quality = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            if name == "gzip" || name == "x-gzip" { gzip = quality } else if name == "*" { any = quality }
        }
        return (gzip ?? any ?? 0) > 0
    }

    /// Whether an `If-None-Match` header matches `tag`: `*`, or one of its entity tags, compared weakly (a `W/`
    /// prefix ignored), as RFC 9110 says for If-None-Match.
    static func matches(_ header: String?, _ tag: String) -> Bool {
        guard let header else { return false }
        return header.split(separator: ",").contains { item in
            let candidate = item.trimmingCharacters(in: .whitespaces)
            return candidate == "*" || (candidate.hasPrefix("W/") ? String(candidate.dropFirst(2)) : candidate) == tag
        }
    }

    /// The gzip (RFC 1952) of a body, in a buffer of its own size.
    static func gzip(_ body: ByteBuffer) throws -> ByteBuffer {
        var input = body
        let compressed = try input.compress(with: .gzip())
        return ByteBuffer(bytes: compressed.readableBytesView)
    }
}

/// FNV-1a hashes for ETags.
enum AtlasServiceHash {
    static func hash(_ text: String) -> String { AtlasService.hash(text) }
}
