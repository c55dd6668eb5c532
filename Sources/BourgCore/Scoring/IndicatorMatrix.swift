/// Every indicator value of a set of communes, in one contiguous array: row = commune, column = indicator.
/// Loaded once from the atlas; the scoring loops read it without allocating.
public struct IndicatorMatrix: Sendable {
    public let communes: [Commune]
    public let indicators: [IndicatorDefinition]
    /// Row-major values; `.nan` marks a missing value.
    public private(set) var values: [Double]
    private let indicatorIndex: [String: Int]
    private let communeIndex: [String: Int]

    public init(communes: [Commune], indicators: [IndicatorDefinition], values: [Double]) {
        precondition(values.count == communes.count * indicators.count, "values must be communes × indicators")
        self.communes = communes
        self.indicators = indicators
        self.values = values
        indicatorIndex = Dictionary(uniqueKeysWithValues: indicators.enumerated().map { ($0.element.id, $0.offset) })
        communeIndex = Dictionary(uniqueKeysWithValues: communes.enumerated().map { ($0.element.code, $0.offset) })
    }

    /// The position of an indicator, by id.
    public func indicator(_ id: String) -> Int? { indicatorIndex[id] }

    /// The row of a commune, by INSEE code.
    public func row(ofCommune code: String) -> Int? { communeIndex[code] }

    /// A value, or `nil` when missing.
    public func value(commune: Int, indicator: Int) -> Double? {
        let value = values[commune * indicators.count + indicator]
        return value.isNaN ? nil : value
    }

    /// A value by indicator id, or `nil` when missing or when the atlas has no such indicator.
    public func value(commune: Int, _ id: String) -> Double? {
        guard let column = indicatorIndex[id] else { return nil }
        return value(commune: commune, indicator: column)
    }

    /// A copy in which some values of one commune are replaced (for what-if scenarios).
    public func replacing(commune: Int, with changes: [Int: Double?]) -> IndicatorMatrix {
        var copy = self
        for (column, value) in changes {
            copy.values[commune * indicators.count + column] = value ?? .nan
        }
        return copy
    }

    /// The rows of communes whose 2021 population is in `range`.
    public func rows(in range: SizeRange) -> [Int] {
        communes.indices.filter { range.contains(communes[$0].population) }
    }

    /// For each indicator, how many communes of `range` have a value.
    public func coverage(in range: SizeRange) -> [IndicatorCoverage] {
        let rows = rows(in: range)
        return indicators.indices.map { column in
            IndicatorCoverage(indicator: indicators[column],
                              communesWithValue: rows.reduce(0) { $0 + (values[$1 * indicators.count + column].isNaN ? 0 : 1) },
                              communesInGroup: rows.count)
        }
    }
}
