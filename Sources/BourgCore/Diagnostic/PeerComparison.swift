/// Where a value stands in a set of towns: the set's quartiles and the value's place.
public struct Quartiles: Sendable, Hashable, Codable {
    public var q1: Double
    public var median: Double
    public var q3: Double
    /// How many towns of the set had a value.
    public var count: Int
    /// The set's lowest and highest values: what any town of the set has.
    public var minimum: Double
    public var maximum: Double

    /// Quartiles of `values` (type 7 interpolation); `nil` with fewer than `minimum` values.
    public init?(_ values: [Double], minimum: Int = 5) {
        guard values.count >= minimum else { return nil }
        let sorted = values.sorted()
        q1 = Statistics.quantile(sorted: sorted, 0.25)!
        median = Statistics.quantile(sorted: sorted, 0.5)!
        q3 = Statistics.quantile(sorted: sorted, 0.75)!
        count = values.count
        self.minimum = sorted[0]
        maximum = sorted[sorted.count - 1]
    }

    /// Quartiles of `sorted` (ascending) without one occurrence of `excluded` — the town's own value, when the
    /// set includes the town; `nil` with fewer than `minimum` values left.
    init?(sorted: [Double], excluding excluded: Double?, minimum: Int = 5) {
        var skipped = sorted.count
        if let excluded {
            var low = 0, high = sorted.count
            while low < high {
                let middle = (low + high) / 2
                if sorted[middle] < excluded { low = middle + 1 } else { high = middle }
            }
            if low < sorted.count && sorted[low] == excluded { skipped = low }
        }
        let count = sorted.count - (skipped < sorted.count ? 1 : 0)
        guard count >= minimum else { return nil }
        // Type 7 quantile over the virtual array `sorted` without the element at `skipped`.
        func element(_ index: Int) -> Double { sorted[index < skipped ? index : index + 1] }
        func quantile(_ p: Double) -> Double {
            let position = p * Double(count - 1)
            let lower = Int(position.rounded(.down)), upper = Swift.min(lower + 1, count - 1)
            return element(lower) + (position - Double(lower)) * (element(upper) - element(lower))
        }
        q1 = quantile(0.25)
        median = quantile(0.5)
        q3 = quantile(0.75)
        self.count = count
        self.minimum = element(0)
        maximum = element(count - 1)
    }

    /// The third quartile in the indicator's direction: the level the best-placed quarter of the set reaches
    /// (Q3 when higher is better, Q1 when lower is better), within the set's range.
    public func upperQuartile(_ direction: Direction) -> Double {
        Swift.min(maximum, Swift.max(minimum, direction == .lowerIsBetter ? q1 : q3))
    }
}

/// Whether a town is clearly above or below a set of towns like it.
public enum Standing: String, Sendable, Codable {
    /// Better than the set's upper quartile (taking the indicator's direction into account).
    case strength
    /// Worse than the set's lower quartile.
    case weakness
    /// Inside the inter-quartile range, or not rated (neutral indicator, too few values).
    case typical

    /// The rule, in French, for reports.
    public static let rule = "Force : meilleur que le quartile supérieur des communes comparables ; faiblesse : moins bon que leur quartile inférieur (en dehors de l'écart interquartile), compte tenu du sens de l'indicateur."

    /// The standing of `value` against `quartiles` for an indicator of `direction`.
    public init(value: Double?, quartiles: Quartiles?, direction: Direction) {
        guard let value, let quartiles, direction != .neutral else {
            self = .typical
            return
        }
        let better = direction == .higherIsBetter ? value > quartiles.q3 : value < quartiles.q1
        let worse = direction == .higherIsBetter ? value < quartiles.q1 : value > quartiles.q3
        // A set whose quartiles are all equal (most towns the same) gives no clear standing.
        if quartiles.q1 == quartiles.q3 {
            self = .typical
        } else {
            self = better ? .strength : (worse ? .weakness : .typical)
        }
    }
}

/// A named set of peer towns to compare with: a population band, a type, a département.
public struct ComparisonSet: Sendable, Hashable, Codable {
    /// French label used in sentences: "communes de 5 000 à 9 999 habitants (2021)".
    public var label: String
    /// Positions in `PeerScores.members` (the town itself excluded).
    public var positions: [Int]

    public init(label: String, positions: [Int]) {
        self.label = label
        self.positions = positions
    }
}
