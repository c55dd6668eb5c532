/// Which way an indicator's value is good for a newcomer.
public enum Direction: String, Codable, Sendable {
    case higherIsBetter = "higher"
    case lowerIsBetter = "lower"
    case neutral

    /// The French wording shown beside an indicator.
    public var label: String {
        switch self {
        case .higherIsBetter: "plus c'est élevé, mieux c'est"
        case .lowerIsBetter: "plus c'est bas, mieux c'est"
        case .neutral: "neutre"
        }
    }
}

/// What an indicator's numbers mean.
public enum IndicatorKind: String, Codable, Sendable {
    /// A measured quantity (a rate, a distance, a share…).
    case quantity
    /// 1 when true, 0 when false.
    case flag
    /// A code from `IndicatorDefinition.categories`.
    case category
}

/// The catalogue entry of one indicator: what it measures, how, and where it comes from.
public struct IndicatorDefinition: Codable, Sendable, Hashable, Identifiable {
    /// Stable identifier, e.g. `medecins_generalistes_pour_10000`.
    public var id: String
    /// French label, e.g. "Médecins généralistes pour 10 000 habitants".
    public var label: String
    /// Unit, e.g. "km", "%", "pour 10 000 hab.", "" for flags and categories.
    public var unit: String
    public var dimension: AttractivenessDimension
    public var direction: Direction
    public var kind: IndicatorKind
    /// Folder names of the sources in the data directory; empty when no source exists yet ("no data").
    public var sources: [String]
    /// Year or period the figures describe, e.g. "2021" or "2016–2024".
    public var vintage: String
    /// How the figure is computed, in French, including its caveats (proxies, missing-value rules).
    public var definition: String
    /// Labels of the codes of a `.category` indicator.
    public var categories: [IndicatorCategory]

    public init(
        id: String, label: String, unit: String, dimension: AttractivenessDimension, direction: Direction,
        kind: IndicatorKind = .quantity, sources: [String], vintage: String, definition: String,
        categories: [IndicatorCategory] = []
    ) {
        self.id = id
        self.label = label
        self.unit = unit
        self.dimension = dimension
        self.direction = direction
        self.kind = kind
        self.sources = sources
        self.vintage = vintage
        self.definition = definition
        self.categories = categories
    }

    /// The label of a category code, if this indicator is categorical and knows it.
    public func categoryLabel(_ code: Double) -> String? {
        categories.first { Double($0.code) == code }?.label
    }
}

/// One code of a categorical indicator and its French label.
public struct IndicatorCategory: Codable, Sendable, Hashable {
    public var code: Int
    public var label: String

    public init(code: Int, label: String) {
        self.code = code
        self.label = label
    }
}

/// The value of one indicator for one commune, with the definition that explains it.
public struct IndicatorReading: Codable, Sendable, Hashable {
    public var definition: IndicatorDefinition
    /// `nil` when the source has no figure for the commune (never replaced by zero).
    public var value: Double?

    public init(definition: IndicatorDefinition, value: Double?) {
        self.definition = definition
        self.value = value
    }
}

extension IndicatorDefinition {
    /// The years the vintage names ("2016–2024" → 2016...2024, "APL 2023, densités 2024" → 2023...2024), or `nil`.
    public var vintageYears: ClosedRange<Int>? {
        var years: [Int] = []
        var digits = ""
        for character in vintage + " " {
            if character.isASCII, character.isNumber {
                digits.append(character)
                continue
            }
            if digits.count == 4, let year = Int(digits), (1900...2100).contains(year) { years.append(year) }
            digits = ""
        }
        guard let first = years.min(), let last = years.max() else { return nil }
        return first...last
    }
}
