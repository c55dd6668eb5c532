import Foundation

/// A choropleth of towns drawn as their own shapes, for the interactive map page: SVG in map units of 100 m
/// (`unitsPerKm` per kilometre of the national layout), paths written with integer relative coordinates so that
/// 4,000 towns stay around a megabyte, styled by CSS classes (`MapClasses` ids) rather than colours.
public enum ShapeMap {
    /// Map units per kilometre of `NationalLayout` coordinates: 100 m on the mainland.
    public static let unitsPerKm = 10.0

    /// A town to draw: its shape (path data in map units), link, accessible title and class.
    public struct Town: Sendable {
        public var path: String
        public var link: String
        public var title: String
        public var classID: String

        public init(path: String, link: String, title: String, classID: String) {
            self.path = path
            self.link = link
            self.title = title
            self.classID = classID
        }
    }

    /// Path data of polygons (rings of projected points, map kilometres, y down) on the integer grid of map units:
    /// each ring is `M x y` then relative `l` steps, closed by `z`; repeated grid points are dropped, and rings left
    /// with fewer than three points are left out. Neighbouring boundaries that share vertices still share them.
    public static func pathData(rings: [[PlanePoint]]) -> String {
        var data = ""
        for ring in rings {
            var grid: [(Int, Int)] = []
            grid.reserveCapacity(ring.count)
            for point in ring {
                let cell = (Int((point.x * unitsPerKm).rounded()), Int((point.y * unitsPerKm).rounded()))
                if let last = grid.last, last == cell { continue }
                grid.append(cell)
            }
            if grid.count > 1, grid.first! == grid.last! { grid.removeLast() }
            guard grid.count >= 3 else { continue }
            data += "M\(grid[0].0) \(grid[0].1)l"
            for index in 1..<grid.count {
                let dx = grid[index].0 - grid[index - 1].0, dy = grid[index].1 - grid[index - 1].1
                if index > 1, dx >= 0 { data += " " }
                data += String(dx)
                if dy >= 0 { data += " " }
                data += String(dy)
            }
            data += "z"
        }
        return data
    }

    /// Path data of open or closed polylines (outlines) on the same grid: `M x y` then relative `l` steps, `z` for a
    /// closed line.
    public static func lineData(_ lines: [[PlanePoint]]) -> String {
        var data = ""
        for line in lines where line.count > 1 {
            let closed = line.first == line.last
            var cells: [(Int, Int)] = []
            for point in line.dropLast(closed ? 1 : 0) {
                let cell = (Int((point.x * unitsPerKm).rounded()), Int((point.y * unitsPerKm).rounded()))
                if let last = cells.last, last == cell { continue }
                cells.append(cell)
            }
            guard cells.count > 1 else { continue }
            data += "M\(cells[0].0) \(cells[0].1)l"
            for index in 1..<cells.count {
                let dx = cells[index].0 - cells[index - 1].0, dy = cells[index].1 - cells[index - 1].1
                if index > 1, dx >= 0 { data += " " }
                data += String(dx)
                if dy >= 0 { data += " " }
                data += String(dy)
            }
            if closed { data += "z" }
        }
        return data
    }

    /// The polylines of SVG path data written by `SVG.pathData` (absolute `M`/`L` in kilometres, `Z` closing).
    public static func lines(kilometrePath data: String) -> [[PlanePoint]] {
        var lines: [[PlanePoint]] = []
        var number = "", numbers: [Double] = []
        func flushNumber() {
            if let value = Double(number) { numbers.append(value) }
            number = ""
        }
        func flushPoint() {
            flushNumber()
            if numbers.count == 2, !lines.isEmpty { lines[lines.count - 1].append(PlanePoint(x: numbers[0], y: numbers[1])) }
            numbers = []
        }
        for character in data {
            switch character {
            case "M":
                flushPoint()
                lines.append([])
            case "L":
                flushPoint()
            case "Z", "z":
                flushPoint()
                if let first = lines.last?.first { lines[lines.count - 1].append(first) }
            case ",", " ":
                flushNumber()
            default:
                number.append(character)
            }
        }
        flushPoint()
        return lines
    }

    /// The SVG: land (département outlines, drawn under the towns and again as borders above them), the inset boxes
    /// with their labels, and the towns, each a link around its shape with a `<title>` (the tooltip and accessible
    /// name without JavaScript). Outlines are path data in map units. `frame` is in kilometres.
    public static func svg(towns: [Town], outlines: [String], insets: [MapInset],
                           frame: MapRect, title: String, id: String = "carte-svg") -> String {
        let margin = frame.width * 0.01
        let viewBox = [frame.x - margin, frame.y - margin, frame.width + 2 * margin, frame.height + 2 * margin]
            .map { String(Int(($0 * unitsPerKm).rounded())) }.joined(separator: " ")
        var svg = """
        <svg xmlns="http://www.w3.org/2000/svg" class="shape-map" id="\(id)" viewBox="\(viewBox)" aria-labelledby="\(id)-title" data-zoomable="">\
        <title id="\(id)-title">\(SVG.escape(title))</title>\
        <defs><path id="\(id)-land" vector-effect="non-scaling-stroke" d="\(outlines.joined())"/></defs>\
        <g class="land" aria-hidden="true"><use href="#\(id)-land"/></g>\
        <g class="insets" aria-hidden="true">
        """
        for inset in insets {
            let box = inset.box
            func units(_ value: Double) -> String { String(Int((value * unitsPerKm).rounded())) }
            svg += "<rect x=\"\(units(box.x))\" y=\"\(units(box.y))\" width=\"\(units(box.width))\" height=\"\(units(box.height))\"/>"
            svg += "<text x=\"\(units(box.x + 3))\" y=\"\(units(box.y + MapInset.labelHeight - 4))\">\(SVG.escape(inset.name))</text>"
        }
        svg += "</g><g class=\"towns\">"
        for town in towns {
            svg += "<a href=\"\(SVG.escape(town.link))\"><title>\(SVG.escape(town.title))</title>"
            svg += "<path class=\"\(town.classID)\" d=\"\(town.path)\"/></a>"
        }
        svg += "</g><g class=\"borders\" aria-hidden=\"true\"><use href=\"#\(id)-land\"/></g></svg>"
        return svg
    }
}
