import Foundation

/// The colour classes of a choropleth map: quintiles of a quantity (five classes holding a fifth of the towns each,
/// fewer when many towns share a value), or one class per value for flags and categories.
///
/// Each class has a CSS class name (`q0`…`q4` on the sequential viridis scale, `k0`…`k7` on a qualitative one),
/// so that the page's stylesheet colours the shapes, and its colour for a standalone legend.
public struct MapClasses: Sendable {
    /// One class of the legend.
    public struct Entry: Sendable, Hashable, Codable {
        /// CSS class name of the shapes in the class.
        public var id: String
        public var colour: String
        /// The range or category, e.g. "52,1 – 55,3", "oui".
        public var label: String
        /// How many towns fall in the class.
        public var count: Int

        public init(id: String, colour: String, label: String, count: Int) {
            self.id = id
            self.colour = colour
            self.label = label
            self.count = count
        }
    }

    /// How a value finds its class.
    enum Rule: Sendable {
        /// Upper bounds (inclusive) of every class but the last.
        case breaks([Double])
        /// The value of each class.
        case values([Double])
    }

    public private(set) var entries: [Entry]
    let rule: Rule

    /// Sequential colours from the lowest class to the highest (viridis, colour-blind-safe).
    public static let sequential = ColourClasses.colours
    /// Qualitative colours for categories (Okabe & Ito, colour-blind-safe).
    public static let qualitative = ["#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00", "#cc79a7", "#555555"]
    /// CSS class of a town without a value.
    public static let missingID = "na"
    /// CSS class of a town left out by a filter.
    public static let outsideID = "out"
    public static let missingColour = ColourClasses.missing
    public static let outsideColour = "#e4e8ef"

    /// Quintile classes of quantities; `format` writes a bound for the legend. When ties leave fewer than five
    /// distinct values, each value is a class of its own.
    public init(quantities values: [Double], format: (Double) -> String) {
        let sorted = values.filter { !$0.isNaN }.sorted()
        let distinct = Array(Set(sorted)).sorted()
        if distinct.count <= 5 {
            self.init(categories: distinct.map { ($0, format($0)) }, values: sorted, palette: Self.spread(distinct.count))
            return
        }
        var breaks: [Double] = []
        for fraction in [0.2, 0.4, 0.6, 0.8] {
            guard let bound = Statistics.quantile(sorted: sorted, fraction), bound < distinct.last!, breaks.last.map({ bound > $0 }) ?? true else { continue }
            breaks.append(bound)
        }
        if breaks.isEmpty { breaks = [distinct[distinct.count - 2]] } // most towns share the largest value
        // An interpolated bound may leave no town between it and the previous one: drop such bounds.
        var kept: [Double] = []
        for bound in breaks {
            let previous = kept.last ?? -Double.infinity
            if distinct.contains(where: { value in value <= bound && value > previous }) { kept.append(bound) }
        }
        let palette = Self.spread(kept.count + 1)
        let labels = kept.map(format)
        let entries = (0...kept.count).map { index in
            let label = switch index {
            case 0: "≤ \(labels[0])"
            case kept.count: "> \(labels[index - 1])"
            default: "\(labels[index - 1]) – \(labels[index])"
            }
            return Entry(id: "q\(palette[index])", colour: Self.sequential[palette[index]], label: label, count: 0)
        }
        self.init(rule: .breaks(kept), entries: entries, values: sorted)
    }

    /// One class per value (flags, categories), in the order given; `ordered` values use the sequential scale,
    /// others the qualitative one.
    public init(categories: [(value: Double, label: String)], values: [Double], ordered: Bool) {
        self.init(categories: categories, values: values,
                  palette: ordered ? Self.spread(categories.count) : nil)
    }

    private init(categories: [(value: Double, label: String)], values: [Double], palette: [Int]?) {
        let entries = categories.enumerated().map { index, category in
            if let palette, index < palette.count {
                return Entry(id: "q\(palette[index])", colour: Self.sequential[palette[index]], label: category.label, count: 0)
            }
            let slot = min(index, Self.qualitative.count - 1)
            return Entry(id: "k\(slot)", colour: Self.qualitative[slot], label: category.label, count: 0)
        }
        self.init(rule: .values(categories.map(\.value)), entries: entries, values: values)
    }

    private init(rule: Rule, entries: [Entry], values: [Double]) {
        self.rule = rule
        self.entries = entries
        for value in values where !value.isNaN {
            if let index = index(of: value) { self.entries[index].count += 1 }
        }
    }

    /// Indices of the sequential scale for `count` classes, spread from the lightest to the darkest.
    static func spread(_ count: Int) -> [Int] {
        switch count {
        case ...0: []
        case 1: [2]
        case 2: [1, 3]
        case 3: [0, 2, 4]
        case 4: [0, 1, 3, 4]
        default: [0, 1, 2, 3, 4]
        }
    }

    /// The class (index in `entries`) of a value, `nil` for a missing value or a category not listed.
    public func index(of value: Double?) -> Int? {
        guard let value, !value.isNaN, !entries.isEmpty else { return nil }
        switch rule {
        case .breaks(let breaks): return breaks.firstIndex { value <= $0 } ?? breaks.count
        case .values(let values): return values.firstIndex(of: value)
        }
    }

    /// The CSS class of a value: its class's, or `na`.
    public func id(of value: Double?) -> String {
        index(of: value).map { entries[$0].id } ?? Self.missingID
    }
}
