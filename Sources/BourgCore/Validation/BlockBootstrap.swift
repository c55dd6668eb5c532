import Dispatch
import Foundation

/// A percentile bootstrap that resamples whole blocks (départements) with replacement: neighbouring towns move
/// together (one employment area, one housing market), so resampling towns one by one would understate the
/// uncertainty. Seeded (`SplitMix64`) and deterministic: the same blocks, seed and statistic give the same interval.
public struct BlockBootstrap: Sendable, Hashable, Codable {
    /// Number of resamples.
    public var resamples: Int
    /// Seed of the draws.
    public var seed: UInt64
    /// Coverage of the interval (0.95: the 2.5 % and 97.5 % quantiles of the resampled statistic).
    public var level: Double

    public init(resamples: Int = 1_000, seed: UInt64 = 2021, level: Double = 0.95) {
        self.resamples = resamples
        self.seed = seed
        self.level = level
    }

    /// For each resample, how many times each of the `blockCount` blocks is drawn (`blockCount` draws with
    /// replacement). Resample r uses its own generator, seeded from `seed` and r.
    public func blockCounts(blockCount: Int) -> [[Double]] {
        (0..<resamples).map { resample in
            var generator = SplitMix64(seed: seed &+ UInt64(resample) &* 0x9E37_79B9_7F4A_7C15)
            var counts = [Double](repeating: 0, count: blockCount)
            for _ in 0..<blockCount { counts[Int(generator.next() % UInt64(blockCount))] += 1 }
            return counts
        }
    }

    /// The percentile interval of `statistic` over the resamples: `statistic` receives, for one resample, the
    /// number of times each block is drawn (`draws`, from `blockCounts`) and returns the statistic or `nil`
    /// (ignored). `nil` when fewer than half of the resamples give a value.
    public func interval(draws: [[Double]], statistic: ([Double]) -> Double?) -> ClosedRange<Double>? {
        percentileInterval(draws.map(statistic), resamples: draws.count)
    }

    /// The percentile interval of the resampled values (`nil` and NaN ignored); `nil` when fewer than half give one.
    func percentileInterval(_ resampled: [Double?], resamples: Int) -> ClosedRange<Double>? {
        var values = resampled.compactMap { $0 }.filter { !$0.isNaN }
        guard values.count * 2 >= max(resamples, 1) else { return nil }
        values.sort()
        let tail = (1 - level) / 2
        guard let low = Statistics.quantile(sorted: values, tail), let high = Statistics.quantile(sorted: values, 1 - tail) else { return nil }
        return low...high
    }

    /// The interval of Spearman's ρ between `x` and `y` (NaN = missing) for observations in blocks `blockOf`
    /// (block index per observation, 0..<blockCount).
    public func spearmanInterval(_ x: [Double], _ y: [Double], blockOf: [Int], draws: [[Double]], weights: [Double]? = nil) -> ClosedRange<Double>? {
        let pairs = ResamplableSpearman(x, y, weights: weights)
        let blocks = pairs.positions.map { blockOf[$0] }
        return interval(draws: draws) { counts in pairs.value(multiplicity: blocks.map { counts[$0] }) }
    }
}

extension BlockBootstrap {
    /// `spearmanInterval` of each column of `xs` against one `y`, the same intervals computed faster: the columns
    /// complete wherever `y` is share, in each resample, the multiplicities and y's ranks (computed once per
    /// resample, resamples spread over every core); the other columns are resampled one by one.
    public func spearmanIntervals(_ xs: [[Double]], _ y: [Double], blockOf: [Int], draws: [[Double]]) -> [ClosedRange<Double>?] {
        let pairs = parallelMap(xs.count) { ResamplableSpearman(xs[$0], y) }
        let complete = y.indices.filter { !y[$0].isNaN }
        let shared = pairs.indices.filter { pairs[$0].positions == complete }
        guard let first = shared.first else {
            return xs.indices.map { spearmanInterval(xs[$0], y, blockOf: blockOf, draws: draws) }
        }
        let blocks = complete.map { blockOf[$0] }
        // values[r][j]: ρ of shared column j in resample r.
        let values = parallelMap(draws.count) { r -> [Double?] in
            let multiplicity = blocks.map { draws[r][$0] }
            let yRanks = pairs[first].yRanks(multiplicity: multiplicity)
            return shared.map { pairs[$0].value(multiplicity: multiplicity, yRanks: yRanks) }
        }
        var intervals = [ClosedRange<Double>?](repeating: nil, count: xs.count)
        for (j, column) in shared.enumerated() {
            intervals[column] = percentileInterval(values.map { $0[j] }, resamples: draws.count)
        }
        let sharedSet = Set(shared)
        let others = xs.indices.filter { !sharedSet.contains($0) }
        let otherIntervals = parallelMap(others.count) { spearmanInterval(xs[others[$0]], y, blockOf: blockOf, draws: draws) }
        for (k, column) in others.enumerated() { intervals[column] = otherIntervals[k] }
        return intervals
    }
}

/// `(0..<count).map(body)` computed on every core; the result is in order, whatever the machine.
func parallelMap<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    var results = [T?](repeating: nil, count: count)
    results.withUnsafeMutableBufferPointer { buffer in
        nonisolated(unsafe) let output = buffer
        DispatchQueue.concurrentPerform(iterations: count) { index in output[index] = body(index) }
    }
    return results.map { $0! }
}
