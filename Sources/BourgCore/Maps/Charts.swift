import Foundation

/// Server-side SVG charts and maps, written by hand: accessible (`role="img"`, a `<title>` per shape),
/// sized by `viewBox`, styled by CSS classes so pages can restyle them (and print them).
public enum Charts {
    /// One bar of a dimension chart.
    public struct Bar: Sendable {
        public var label: String
        public var value: Double?
        /// A reference mark (e.g. the peers' median), drawn as a tick.
        public var reference: Double?

        public init(label: String, value: Double?, reference: Double? = nil) {
            self.label = label
            self.value = value
            self.reference = reference
        }
    }

    /// Horizontal bars on a 0–100 scale, with an optional reference tick per bar. 400 units wide: its text (14 units,
    /// set by the stylesheet) stays at least 11 px high when the chart is drawn 358 px wide, on a 390 px phone.
    public static func bars(_ bars: [Bar], title: String, referenceLabel: String = "médiane des pairs") -> String {
        let rowHeight = 26.0, labelWidth = 205.0, chartWidth = 155.0, top = 8.0
        let height = top + Double(bars.count) * rowHeight + 28
        var svg = """
        <svg xmlns="http://www.w3.org/2000/svg" class="chart bars" viewBox="0 0 \(Int(labelWidth + chartWidth + 40)) \(Int(height))" role="img" aria-labelledby="bars-title">
        <title id="bars-title">\(SVG.escape(title))</title>
        """
        for (index, bar) in bars.enumerated() {
            let y = top + Double(index) * rowHeight
            svg += "<text class=\"label\" x=\"\(Int(labelWidth - 8))\" y=\"\(FrenchFree.decimal(y + 16))\" text-anchor=\"end\">\(SVG.escape(bar.label))</text>"
            svg += "<rect class=\"track\" x=\"\(Int(labelWidth))\" y=\"\(FrenchFree.decimal(y + 4))\" width=\"\(Int(chartWidth))\" height=\"16\"/>"
            if let value = bar.value {
                let width = chartWidth * min(100, max(0, value)) / 100
                let reference = bar.reference.map { ", \(referenceLabel) \(FrenchFormat.number($0, decimals: 0))" } ?? ""
                svg += "<rect class=\"bar\" x=\"\(Int(labelWidth))\" y=\"\(FrenchFree.decimal(y + 4))\" width=\"\(FrenchFree.decimal(width))\" height=\"16\" fill=\"\(SVG.colour(score: value))\">"
                svg += "<title>\(SVG.escape(bar.label)) : \(FrenchFormat.number(value, decimals: 0))/100\(SVG.escape(reference))</title></rect>"
                svg += "<text class=\"value\" x=\"\(FrenchFree.decimal(labelWidth + chartWidth + 6))\" y=\"\(FrenchFree.decimal(y + 16))\">\(FrenchFormat.number(value, decimals: 0))</text>"
            } else {
                svg += "<text class=\"value missing\" x=\"\(FrenchFree.decimal(labelWidth + 6))\" y=\"\(FrenchFree.decimal(y + 16))\">pas de donnée</text>"
            }
            if let reference = bar.reference {
                let x = labelWidth + chartWidth * min(100, max(0, reference)) / 100
                svg += "<line class=\"reference\" x1=\"\(FrenchFree.decimal(x))\" x2=\"\(FrenchFree.decimal(x))\" y1=\"\(FrenchFree.decimal(y + 1))\" y2=\"\(FrenchFree.decimal(y + 23))\"/>"
            }
        }
        let legendY = top + Double(bars.count) * rowHeight + 16
        svg += "<line class=\"reference\" x1=\"2\" x2=\"2\" y1=\"\(FrenchFree.decimal(legendY - 10))\" y2=\"\(FrenchFree.decimal(legendY + 2))\"/>"
        svg += "<text class=\"legend\" x=\"10\" y=\"\(FrenchFree.decimal(legendY))\">trait : \(SVG.escape(referenceLabel)) ; barres : note 0–100</text>"
        return svg + "</svg>"
    }

    /// One series of a grouped bar chart (one town of a comparison).
    public struct Series: Sendable {
        public var name: String
        public var values: [Double?]

        public init(name: String, values: [Double?]) {
            self.name = name
            self.values = values
        }
    }

    /// Grouped horizontal bars: for each category, one bar per series, same 0–100 scale; 400 units wide, like `bars`.
    public static func groupedBars(categories: [String], series: [Series], title: String) -> String {
        let barHeight = 12.0, gap = 10.0, labelWidth = 205.0, chartWidth = 180.0
        let groupHeight = Double(series.count) * barHeight + gap
        let legendHeight = Double(series.count) * 18 + 12
        let height = legendHeight + Double(categories.count) * groupHeight + 10
        let classes = ["s0", "s1", "s2", "s3"]
        var svg = """
        <svg xmlns="http://www.w3.org/2000/svg" class="chart grouped" viewBox="0 0 \(Int(labelWidth + chartWidth + 15)) \(Int(height))" role="img" aria-labelledby="grouped-title">
        <title id="grouped-title">\(SVG.escape(title))</title>
        """
        for (index, item) in series.enumerated() {
            let y = 6 + Double(index) * 18
            svg += "<rect class=\"\(classes[index % 4])\" x=\"0\" y=\"\(FrenchFree.decimal(y))\" width=\"14\" height=\"12\"/>"
            svg += "<text class=\"legend\" x=\"20\" y=\"\(FrenchFree.decimal(y + 11))\">\(SVG.escape(item.name))</text>"
        }
        for (c, category) in categories.enumerated() {
            let y0 = legendHeight + Double(c) * groupHeight
            svg += "<text class=\"label\" x=\"\(Int(labelWidth - 8))\" y=\"\(FrenchFree.decimal(y0 + groupHeight / 2))\" text-anchor=\"end\">\(SVG.escape(category))</text>"
            for (s, item) in series.enumerated() {
                let y = y0 + Double(s) * barHeight
                guard c < item.values.count, let value = item.values[c] else { continue }
                let width = chartWidth * min(100, max(0, value)) / 100
                svg += "<rect class=\"\(classes[s % 4])\" x=\"\(Int(labelWidth))\" y=\"\(FrenchFree.decimal(y))\" width=\"\(FrenchFree.decimal(width))\" height=\"\(FrenchFree.decimal(barHeight - 2))\">"
                svg += "<title>\(SVG.escape(item.name)) — \(SVG.escape(category)) : \(FrenchFormat.number(value, decimals: 0))/100</title></rect>"
            }
        }
        return svg + "</svg>"
    }

    /// A town on a map: a dot with its colour, its accessible title and (optionally) a link.
    public struct MapPoint: Sendable {
        public var position: GeoPoint
        public var title: String
        public var score: Double?
        public var link: String?
        /// The commune's département, which places overseas towns in their inset (`NationalLayout`).
        public var departement: String?

        public init(position: GeoPoint, title: String, score: Double?, link: String? = nil, departement: String? = nil) {
            self.position = position
            self.title = title
            self.score = score
            self.link = link
            self.departement = departement
        }

        /// Lambert-93 in kilometres, y down (the mainland frame of every map).
        public static func lambert93(_ point: MapPoint) -> PlanePoint? {
            let projected = Lambert93.project(point.position)
            return PlanePoint(x: projected.x / 1_000, y: -projected.y / 1_000)
        }
    }

    /// A map: outlines (SVG path data in Lambert-93 km, y down) and dots coloured in five quintile classes,
    /// with a legend of the classes. `frame` is the area shown (minX, minY, maxX, maxY in the same frame).
    /// `place` puts a point on the map (kilometres, y down; `nil` leaves it out); `insets` are drawn as labelled
    /// boxes. A map whose dots are links is a `group` (an `img` may not hold links), otherwise an `img`. Styling uses presentation attributes only, so the SVG looks the same inline or as a standalone file.
    public static func map(outlines: [String], points: [MapPoint], frame: (Double, Double, Double, Double), title: String,
                           highlight: [String] = [], radius: Double = 2.2, legend: String? = "note globale",
                           insets: [MapInset] = [], place: (MapPoint) -> PlanePoint? = MapPoint.lambert93) -> String {
        let classes = ColourClasses(values: points.compactMap(\.score))
        let margin = (frame.2 - frame.0) * 0.02
        let x = frame.0 - margin, y = frame.1 - margin
        let width = frame.2 - frame.0 + 2 * margin, height = frame.3 - frame.1 + 2 * margin
        // The legend's text is 3.4 % of the map's width: at least 11 px when the map is drawn 330 px wide (a phone).
        // Its classes go in as many columns as their longest label allows, then on further rows.
        let fontSize = width * 0.034, box = fontSize
        let longest = Double(classes.legend.map(\.label.count).max() ?? 8)
        let columns = max(1, min(classes.legend.count, Int(width * 0.94 / (box * 1.4 + longest * fontSize * 0.55 + fontSize))))
        let rows = (classes.legend.count + columns - 1) / columns
        let legendHeight = legend == nil ? 0 : fontSize * (2.4 + 1.6 * Double(rows))
        let stroke = FrenchFree.decimal(max(0.3, width / 1_600))
        var svg = """
        <svg xmlns="http://www.w3.org/2000/svg" class="chart map" viewBox="\(FrenchFree.decimal(x)) \(FrenchFree.decimal(y)) \(FrenchFree.decimal(width)) \(FrenchFree.decimal(height + legendHeight))" role="\(points.contains { $0.link != nil } ? "group" : "img")" aria-labelledby="map-title" font-family="sans-serif">
        <title id="map-title">\(SVG.escape(title))</title>
        """
        for inset in insets {
            let box = inset.box
            svg += "<rect x=\"\(FrenchFree.decimal(box.x))\" y=\"\(FrenchFree.decimal(box.y))\" width=\"\(FrenchFree.decimal(box.width))\" height=\"\(FrenchFree.decimal(box.height))\" fill=\"#f8f9fb\" stroke=\"#8a93a6\" stroke-width=\"\(stroke)\"/>"
            svg += "<text class=\"inset-label\" x=\"\(FrenchFree.decimal(box.x + 3))\" y=\"\(FrenchFree.decimal(box.y + MapInset.labelHeight - 4))\" font-size=\"15\" fill=\"#1d2433\">\(SVG.escape(inset.name))</text>"
        }
        svg += "<path fill=\"#eef1f6\" stroke=\"#8a93a6\" stroke-width=\"\(stroke)\" stroke-linejoin=\"round\" d=\"\(outlines.joined())\"/>"
        for path in highlight { svg += "<path fill=\"#f2a900\" stroke=\"#1d2433\" stroke-width=\"\(stroke)\" d=\"\(path)\"/>" }
        let r = FrenchFree.decimal(radius * width / 1_000)
        svg += "<g stroke=\"#ffffff\" stroke-width=\"\(FrenchFree.decimal(radius * width / 8_000))\">"
        for point in points {
            guard let placed = place(point) else { continue }
            let cx = FrenchFree.decimal(placed.x), cy = FrenchFree.decimal(placed.y)
            let dot = "<circle cx=\"\(cx)\" cy=\"\(cy)\" r=\"\(r)\" fill=\"\(classes.colour(point.score))\"><title>\(SVG.escape(point.title))</title></circle>"
            if let link = point.link {
                svg += "<a href=\"\(SVG.escape(link))\">\(dot)</a>"
            } else {
                svg += dot
            }
        }
        svg += "</g>"
        if let legend {
            let top = y + height, size = FrenchFree.decimal(fontSize)
            svg += "<text x=\"\(FrenchFree.decimal(x + width * 0.03))\" y=\"\(FrenchFree.decimal(top + fontSize * 1.2))\" font-size=\"\(size)\" fill=\"#1d2433\">\(SVG.escape(legend)) (cinquièmes) :</text>"
            for (index, entry) in classes.legend.enumerated() {
                let column = x + width * (0.03 + 0.94 * Double(index % columns) / Double(columns))
                let row = top + fontSize * (1.8 + 1.6 * Double(index / columns))
                svg += "<rect x=\"\(FrenchFree.decimal(column))\" y=\"\(FrenchFree.decimal(row))\" width=\"\(FrenchFree.decimal(box))\" height=\"\(FrenchFree.decimal(box))\" fill=\"\(entry.colour)\"/>"
                svg += "<text x=\"\(FrenchFree.decimal(column + box * 1.4))\" y=\"\(FrenchFree.decimal(row + box * 0.85))\" font-size=\"\(size)\" fill=\"#1d2433\">\(SVG.escape(entry.label))</text>"
            }
        }
        return svg + "</svg>"
    }
}

extension Charts {
    /// One bar of a signed chart: a value on either side of zero, with an optional interval.
    public struct SignedBar: Sendable {
        public var label: String
        public var value: Double?
        public var low: Double?
        public var high: Double?

        public init(label: String, value: Double?, low: Double? = nil, high: Double? = nil) {
            self.label = label
            self.value = value
            self.low = low
            self.high = high
        }
    }

    /// Horizontal bars from a zero axis on a symmetric scale ±`scale` (values beyond are clipped), with each bar's
    /// interval as a whisker; positive bars in green, negative in red; `format` writes a value.
    public static func signedBars(_ bars: [SignedBar], title: String, scale: Double, axisLabel: String,
                                  format: (Double) -> String) -> String {
        let rowHeight = 24.0, labelWidth = 205.0, chartWidth = 150.0, top = 8.0
        let height = top + Double(bars.count) * rowHeight + 46
        let zero = labelWidth + chartWidth / 2
        func x(_ value: Double) -> Double { zero + chartWidth / 2 * min(1, max(-1, value / scale)) }
        var svg = """
        <svg xmlns="http://www.w3.org/2000/svg" class="chart signed" viewBox="0 0 \(Int(labelWidth + chartWidth + 50)) \(Int(height))" role="img" aria-labelledby="signed-title" font-family="sans-serif" font-size="14">
        <title id="signed-title">\(SVG.escape(title))</title>
        """
        for (index, bar) in bars.enumerated() {
            let y = top + Double(index) * rowHeight
            svg += "<text x=\"\(Int(labelWidth - 8))\" y=\"\(FrenchFree.decimal(y + 15))\" text-anchor=\"end\">\(SVG.escape(bar.label))</text>"
            guard let value = bar.value else {
                svg += "<text x=\"\(FrenchFree.decimal(zero + 6))\" y=\"\(FrenchFree.decimal(y + 15))\">pas de donnée</text>"
                continue
            }
            let interval = bar.low.flatMap { low in bar.high.map { " [\(format(low)) ; \(format($0))]" } } ?? ""
            let left = min(x(value), zero), width = abs(x(value) - zero)
            svg += "<rect x=\"\(FrenchFree.decimal(left))\" y=\"\(FrenchFree.decimal(y + 4))\" width=\"\(FrenchFree.decimal(width))\" height=\"14\" fill=\"\(value >= 0 ? "#2e7d32" : "#c62828")\">"
            svg += "<title>\(SVG.escape(bar.label)) : \(SVG.escape(format(value) + interval))</title></rect>"
            if let low = bar.low, let high = bar.high {
                svg += "<line x1=\"\(FrenchFree.decimal(x(low)))\" x2=\"\(FrenchFree.decimal(x(high)))\" y1=\"\(FrenchFree.decimal(y + 11))\" y2=\"\(FrenchFree.decimal(y + 11))\" stroke=\"#222\" stroke-width=\"1.5\"/>"
                for end in [low, high] {
                    svg += "<line x1=\"\(FrenchFree.decimal(x(end)))\" x2=\"\(FrenchFree.decimal(x(end)))\" y1=\"\(FrenchFree.decimal(y + 6))\" y2=\"\(FrenchFree.decimal(y + 16))\" stroke=\"#222\" stroke-width=\"1.5\"/>"
                }
            }
            svg += "<text x=\"\(FrenchFree.decimal(labelWidth + chartWidth + 6))\" y=\"\(FrenchFree.decimal(y + 15))\">\(SVG.escape(format(value)))</text>"
        }
        let axisY = top + Double(bars.count) * rowHeight
        svg += "<line x1=\"\(FrenchFree.decimal(zero))\" x2=\"\(FrenchFree.decimal(zero))\" y1=\"\(Int(top))\" y2=\"\(FrenchFree.decimal(axisY))\" stroke=\"#555\"/>"
        svg += "<text x=\"\(Int(labelWidth))\" y=\"\(FrenchFree.decimal(axisY + 18))\">\(SVG.escape(format(-scale)))</text>"
        svg += "<text x=\"\(FrenchFree.decimal(zero))\" y=\"\(FrenchFree.decimal(axisY + 36))\" text-anchor=\"middle\">\(SVG.escape(axisLabel))</text>"
        svg += "<text x=\"\(Int(labelWidth + chartWidth))\" y=\"\(FrenchFree.decimal(axisY + 18))\" text-anchor=\"end\">\(SVG.escape(format(scale)))</text>"
        return svg + "</svg>"
    }
}
