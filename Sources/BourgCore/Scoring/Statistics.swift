import Foundation

/// Small statistical routines used by the scoring, each documented and tested on values worked by hand.
public enum Statistics {
    /// Percentile ranks 0–100 of `values` (higher value = better): for each value, the share of the *other*
    /// values it beats, ties counting half: 100 × (below + ½ × (equal − 1)) / (n − 1). A lone value gets 50.
    public static func percentileRanks(_ values: [Double]) -> [Double] {
        let n = values.count
        guard n > 1 else { return Array(repeating: 50, count: n) }
        // Sort (value, index) pairs, contiguous in memory (several times faster than sorting indices that point
        // into the values), then give each run of equal values its rank.
        var pairs = values.enumerated().map { (value: $0.element, index: $0.offset) }
        pairs.sort { $0.value < $1.value }
        var ranks = [Double](repeating: 0, count: n)
        var start = 0
        while start < n {
            var end = start
            while end + 1 < n && pairs[end + 1].value == pairs[start].value { end += 1 }
            let below = Double(start), equal = Double(end - start + 1)
            let rank = 100 * (below + 0.5 * (equal - 1)) / Double(n - 1)
            for position in start...end { ranks[pairs[position].index] = rank }
            start = end + 1
        }
        return ranks
    }

    /// Sample skewness (Fisher–Pearson, adjusted: as Excel's SKEW and COINr).
    public static func skewness(_ values: [Double]) -> Double {
        let (n, m2, m3, _) = centralMoments(values)
        guard n > 2 else { return 0 }
        let variance = m2 / (n - 1)
        guard variance > 0 else { return 0 }
        return n / ((n - 1) * (n - 2)) * m3 / pow(variance, 1.5)
    }

    /// Sample excess kurtosis (adjusted: as Excel's KURT and COINr).
    public static func kurtosis(_ values: [Double]) -> Double {
        let (n, m2, _, m4) = centralMoments(values)
        guard n > 3 else { return 0 }
        let variance = m2 / (n - 1)
        guard variance > 0 else { return 0 }
        return n * (n + 1) / ((n - 1) * (n - 2) * (n - 3)) * m4 / (variance * variance) - 3 * (n - 1) * (n - 1) / ((n - 2) * (n - 3))
    }

    /// Count and sums of the 2nd, 3rd and 4th powers of the deviations from the mean.
    static func centralMoments(_ values: [Double]) -> (n: Double, m2: Double, m3: Double, m4: Double) {
        let n = Double(values.count)
        guard n > 0 else { return (0, 0, 0, 0) }
        let mean = values.reduce(0, +) / n
        var m2 = 0.0, m3 = 0.0, m4 = 0.0
        for value in values {
            let d = value - mean
            m2 += d * d
            m3 += d * d * d
            m4 += d * d * d * d
        }
        return (n, m2, m3, m4)
    }

    /// The `p`-quantile (0…1) of sorted values, by linear interpolation (type 7, as R's default).
    public static func quantile(sorted values: [Double], _ p: Double) -> Double? {
        guard !values.isEmpty else { return nil }
        let position = p * Double(values.count - 1)
        let lower = Int(position.rounded(.down)), upper = min(lower + 1, values.count - 1)
        return values[lower] + (position - Double(lower)) * (values[upper] - values[lower])
    }

    /// The median of values (unsorted), or `nil` if there are none.
    public static func median(_ values: [Double]) -> Double? {
        quantile(sorted: values.sorted(), 0.5)
    }
}
