import Foundation

/// How an indicator's values were treated before scoring, following the JRC/COINr defaults: an indicator
/// is "heavily skewed" when |skewness| > 2 and kurtosis > 3.5; it is then winsorised (the most extreme
/// value set to the next one, up to 5 values), and if that is not enough, log-transformed instead.
///
/// The treated values feed the standardised distances between towns (similar towns). Scores are percentile
/// ranks of the raw values: ranks do not change under a log transform, and ranking winsorised values would
/// let a town's score fall when its value rises past the others (it would tie with the next one).
public enum OutlierTreatment: Sendable, Hashable, Codable {
    case none
    /// The `count` most extreme values on the `upper` (or lower) side were set to the next value.
    case winsorised(count: Int, upper: Bool)
    /// log(x − min + 1), or its mirror for a negative skew.
    case logTransformed

    /// Thresholds of the skew rule.
    public static let maximumSkewness = 2.0
    public static let maximumKurtosis = 3.5
    public static let maximumWinsorised = 5

    /// French description for the method page.
    public var label: String {
        switch self {
        case .none: "aucun traitement"
        case let .winsorised(count, upper): "\(count) valeur\(count > 1 ? "s" : "") extrême\(count > 1 ? "s" : "") \(upper ? "hautes" : "basses") ramenée\(count > 1 ? "s" : "") à la suivante (winsorisation)"
        case .logTransformed: "transformation logarithmique"
        }
    }

    static func isHeavilySkewed(_ values: [Double]) -> Bool {
        abs(Statistics.skewness(values)) > maximumSkewness && Statistics.kurtosis(values) > maximumKurtosis
    }

    /// Treats `values` (no missing values) by the rule; returns the treated values and the treatment applied.
    public static func treat(_ values: [Double]) -> (values: [Double], treatment: OutlierTreatment) {
        guard values.count > 3, isHeavilySkewed(values) else { return (values, .none) }
        let upper = Statistics.skewness(values) > 0
        var treated = values
        // The distinct values, the most extreme on the skewed side first: step `count` sets the values equal to
        // the count-th of them (the earlier ones were set to it before) to the next one.
        var distinct: [Double] = []
        for value in upper ? values.sorted(by: >) : values.sorted() where distinct.last != value { distinct.append(value) }
        for count in 1...maximumWinsorised {
            // Set the most extreme value on the skewed side to the next one.
            guard count < distinct.count else { break }
            let extreme = distinct[count - 1], next = distinct[count]
            for index in treated.indices where treated[index] == extreme { treated[index] = next }
            if !isHeavilySkewed(treated) { return (treated, .winsorised(count: count, upper: upper)) }
        }
        let minimum = values.min()!, maximum = values.max()!
        let logged = values.map { upper ? log($0 - minimum + 1) : -log(maximum - $0 + 1) }
        return (logged, .logTransformed)
    }
}
