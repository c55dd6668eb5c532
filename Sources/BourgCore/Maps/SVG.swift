import Foundation

/// Small helpers to write SVG by hand: escaping, path data in a Lambert-93 frame, a colour scale.
public enum SVG {
    /// Text escaped for XML and HTML content and attribute values: `&`, `<`, `>`, `"` and `'` (as `&#39;`), on UTF-8
    /// bytes; a text without any of them is returned as is.
    public static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(text.utf8.count + 32)
        for byte in text.utf8 {
            switch byte {
            case 0x3C: escaped += "&lt;".utf8
            case 0x3E: escaped += "&gt;".utf8
            case 0x26: escaped += "&amp;".utf8
            case 0x22: escaped += "&quot;".utf8
            case 0x27: escaped += "&#39;".utf8
            default: escaped.append(byte)
            }
        }
        return String(decoding: escaped, as: UTF8.self)
    }

    /// A projected point as SVG coordinates in kilometres, y pointing down: "x,y" with one decimal.
    public static func coordinates(_ point: PlanePoint) -> String {
        "\(FrenchFree.decimal(point.x / 1_000)),\(FrenchFree.decimal(-point.y / 1_000))"
    }

    /// SVG path data for polylines ("M x,y L x,y …"; closed lines end with "Z").
    public static func pathData(_ lines: [[PlanePoint]]) -> String {
        var data = ""
        for line in lines where line.count > 1 {
            let closed = line.first == line.last
            data += "M" + coordinates(line[0])
            for point in line.dropFirst().dropLast(closed ? 1 : 0) { data += "L" + coordinates(point) }
            if closed { data += "Z" }
        }
        return data
    }

    /// The colour of a 0–100 score on a sequential, colour-blind-safe scale (light yellow → dark blue, viridis-like).
    public static func colour(score: Double?) -> String {
        guard let score else { return "#d9d9d9" }
        let stops: [(Double, (Double, Double, Double))] = [
            (0, (253, 231, 37)), (25, (94, 201, 98)), (50, (33, 145, 140)), (75, (59, 82, 139)), (100, (68, 1, 84)),
        ]
        let clamped = min(100, max(0, score))
        let upper = stops.firstIndex { $0.0 >= clamped } ?? stops.count - 1
        let lower = max(0, upper - 1)
        let span = stops[upper].0 - stops[lower].0
        let t = span > 0 ? (clamped - stops[lower].0) / span : 0
        func channel(_ a: Double, _ b: Double) -> Int { Int((a + (b - a) * t).rounded()) }
        let (r1, g1, b1) = stops[lower].1, (r2, g2, b2) = stops[upper].1
        return String(format: "#%02x%02x%02x", channel(r1, r2), channel(g1, g2), channel(b1, b2))
    }
}

/// Numbers for machine-readable text (SVG, CSV): a decimal point, no grouping, at most one decimal.
enum FrenchFree {
    static func decimal(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(rounded)
    }
}

/// A choropleth colour scale of five classes cut at the quintiles of the values shown, so that each colour
/// holds a fifth of the towns; the legend gives each class's range.
public struct ColourClasses: Sendable {
    /// Upper bounds of the first four classes.
    public let breaks: [Double]
    /// Colours from the lowest class to the highest (viridis, colour-blind-safe).
    public static let colours = ["#fde725", "#5ec962", "#21918c", "#3b528b", "#440154"]
    public static let missing = "#bdbdbd"

    public init(values: [Double]) {
        let sorted = values.filter { !$0.isNaN }.sorted()
        breaks = sorted.isEmpty ? [20, 40, 60, 80] : [0.2, 0.4, 0.6, 0.8].map { Statistics.quantile(sorted: sorted, $0)! }
    }

    /// The class (0–4) of a value.
    public func index(of value: Double) -> Int { breaks.firstIndex { value <= $0 } ?? 4 }

    public func colour(_ value: Double?) -> String {
        guard let value, !value.isNaN else { return Self.missing }
        return Self.colours[index(of: value)]
    }

    /// The legend: each class's colour and range, e.g. "52,1 – 55,3".
    public var legend: [(colour: String, label: String)] {
        let bounds = breaks.map { FrenchFormat.number($0, decimals: 1) }
        return (0..<5).map { index in
            let label = switch index {
            case 0: "≤ \(bounds[0])"
            case 4: "> \(bounds[3])"
            default: "\(bounds[index - 1]) – \(bounds[index])"
            }
            return (Self.colours[index], label)
        }
    }
}
