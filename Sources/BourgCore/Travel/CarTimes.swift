/// Estimated car minutes from a matcher's peers to the big cities (`CarTimeModel`, stored by the atlas build), for
/// "within so many minutes of Lyon". Paris is not among them: its real OSRM times are an indicator.
public struct CarTimes: Sendable, Hashable {
    /// Per big city (INSEE code of the pole), minutes per peer position; NaN where there is no estimate.
    public var minutes: [String: [Float]]
    /// The held-out median error of the estimator on trips of 15–120 min, in percent (`CarTimeValidation`).
    public var typicalErrorPercent: Double?

    public init(minutes: [String: [Float]], typicalErrorPercent: Double?) {
        self.minutes = minutes
        self.typicalErrorPercent = typicalErrorPercent
    }

    /// No estimate at all.
    public static let none = CarTimes(minutes: [:], typicalErrorPercent: nil)

    /// The estimate from the peer at `position` to the pole `code`, or `nil`.
    public func minutes(to code: String, position: Int) -> Double? {
        guard let column = minutes[code], column.indices.contains(position), !column[position].isNaN else { return nil }
        return Double(column[position])
    }

    /// "estimation ± 6 %" (the error rounded to a whole percent), or "estimation" when it is unknown.
    public static func estimateNote(errorPercent: Double?) -> String {
        guard let errorPercent, errorPercent.isFinite else { return "estimation" }
        return "estimation ± \(Int(errorPercent.rounded())) %"
    }
}
