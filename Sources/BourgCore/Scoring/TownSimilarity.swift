import Foundation

/// How alike two peer towns are on their whole indicator profile: the root mean square difference of their
/// standardised (z-score) treated indicator values, over the indicators both have. Symmetric; missing
/// values are ignored, and a pair sharing fewer than `minimumShared` indicators has no distance.
public struct TownSimilarity: Sendable {
    public let scores: PeerScores
    /// Z-scores, laid out as `scores.treatedValues` (NaN = missing).
    private let standardised: [Double]
    /// The fewest indicators two towns must share to be compared.
    public let minimumShared: Int

    public init(scores: PeerScores, minimumShared: Int = 10) {
        self.scores = scores
        self.minimumShared = minimumShared
        let columns = scores.scoredIndicators.count, rows = scores.members.count
        var standardised = scores.treatedValues
        for k in 0..<columns {
            var sum = 0.0, sumSquares = 0.0, count = 0.0
            for position in 0..<rows {
                let value = scores.treatedValues[position * columns + k]
                guard !value.isNaN else { continue }
                sum += value
                sumSquares += value * value
                count += 1
            }
            let mean = count > 0 ? sum / count : 0
            let deviation = count > 1 ? ((sumSquares - count * mean * mean) / (count - 1)).squareRoot() : 0
            for position in 0..<rows {
                let index = position * columns + k
                // A constant indicator says nothing about likeness: left out.
                standardised[index] = standardised[index].isNaN || !(deviation > 0) ? .nan : (standardised[index] - mean) / deviation
            }
        }
        self.standardised = standardised
    }

    /// The distance between two peers (positions in `scores.members`), or `nil` if they share too few indicators.
    public func distance(_ a: Int, _ b: Int) -> Double? {
        let columns = scores.scoredIndicators.count
        var total = 0.0, shared = 0
        for k in 0..<columns {
            let x = standardised[a * columns + k], y = standardised[b * columns + k]
            guard !x.isNaN, !y.isNaN else { continue }
            total += (x - y) * (x - y)
            shared += 1
        }
        return shared >= minimumShared ? (total / Double(shared)).squareRoot() : nil
    }

    /// The `count` peers most similar to `position` (itself excluded) among those `include` accepts, closest first.
    public func mostSimilar(to position: Int, count: Int, where include: (Int) -> Bool = { _ in true }) -> [(position: Int, distance: Double)] {
        let candidates = scores.members.indices.compactMap { other -> (Int, Double)? in
            guard other != position, include(other), let distance = distance(position, other) else { return nil }
            return (other, distance)
        }
        return Array(candidates.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(count)).map { (position: $0.0, distance: $0.1) }
    }
}
