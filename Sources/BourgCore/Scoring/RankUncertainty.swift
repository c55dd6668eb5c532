import Dispatch
import Foundation

/// How sure a town's rank is: the spread of its rank when the weights and the aggregation vary.
public struct RankInterval: Sendable, Hashable, Codable {
    public var median: Double
    /// 5th percentile of the simulated ranks (the best plausible rank).
    public var low: Double
    /// 95th percentile of the simulated ranks (the worst plausible rank).
    public var high: Double

    public init(median: Double, low: Double, high: Double) {
        self.median = median
        self.low = low
        self.high = high
    }
}

/// Monte Carlo over the weights (Dirichlet draws centred on the chosen weights) and over the aggregation
/// (arithmetic or geometric, one chance in two): each peer's median rank and 5–95% rank interval.
/// Reproducible with a seed.
public struct RankUncertainty: Sendable {
    /// Number of draws.
    public var draws: Int
    /// Dirichlet concentration: draws are Dirichlet(concentration × w). Higher = weights vary less.
    /// At 50, a dimension weighing 1/14 varies by about ±50% (coefficient of variation).
    public var concentration: Double
    public var seed: UInt64

    public init(draws: Int = 1_000, concentration: Double = 50, seed: UInt64 = 2021) {
        self.draws = draws
        self.concentration = concentration
        self.seed = seed
    }

    /// Rank intervals of every peer (`nil` for peers that never get a composite), or only of the peers at
    /// `positions` (the others `nil`): each of those gets exactly the interval the full computation gives it.
    /// With `among` (a flag per peer), ranks count only the peers flagged: the intervals of a filtered ranking.
    ///
    /// The draws are split into `chunks` fixed slices, each with its own generator seeded from `seed`, and run
    /// in parallel: the result depends on the seed only, not on the machine's cores. For a few towns (a town's
    /// page, `bourg score`), each one's rank in a draw is counted (the towns ahead of it) instead of sorting all.
    public func intervals(for scores: PeerScores, weights: Weights, only positions: [Int]? = nil, among kept: [Bool]? = nil) -> [RankInterval?] {
        let centre = scores.normalisedWeights(weights)
        let peers = scores.members.count
        guard peers > 0, draws > 0, positions?.isEmpty != true else { return Array(repeating: nil, count: peers) }
        precondition(peers < Int(UInt16.max), "ranks are stored on 16 bits")
        let chunks = Self.chunks, concentration = concentration, seed = seed, draws = draws
        let perChunk = (draws + chunks - 1) / chunks
        // The towns whose ranks are kept, each in a slot; slotOf[position] = -1 for the others.
        let targets = positions ?? Array(0..<peers)
        let slotOf: [Int] = {
            var slots = [Int](repeating: -1, count: peers)
            for (slot, position) in targets.enumerated() { slots[position] = slot }
            return slots
        }()
        let width = targets.count
        let counting = positions != nil && width <= Self.countingLimit
        // ranks[draw × width + slot]: 1 = best, 0 = no composite in that draw.
        var ranks = [UInt16](repeating: 0, count: draws * width)
        ranks.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let output = buffer
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                var generator = SplitMix64(seed: seed &+ UInt64(chunk) &* 0x9E37_79B9_7F4A_7C15)
                var composites = [Double](repeating: .nan, count: peers)
                var keys = [UInt64]()
                keys.reserveCapacity(peers)
                for draw in min(draws, chunk * perChunk)..<min(draws, (chunk + 1) * perChunk) {
                    let drawn = Self.dirichlet(centre.map { $0 * concentration }, using: &generator)
                    let aggregation: Aggregation = generator.nextDouble() < 0.5 ? .arithmetic : .geometric
                    scores.composites(normalisedWeights: drawn, aggregation: aggregation, into: &composites)
                    if let kept {
                        for position in 0..<peers where !kept[position] { composites[position] = .nan }
                    }
                    let base = draw * width
                    if counting {
                        PeerScores.sortKeys(composites, into: &keys)
                        for (slot, position) in targets.enumerated() where !composites[position].isNaN {
                            let own = PeerScores.sortKey(composites[position], position: position)
                            var ahead = 0
                            for key in keys where key < own { ahead += 1 }
                            output[base + slot] = UInt16(ahead + 1)
                        }
                    } else {
                        PeerScores.sortedByComposite(composites, into: &keys)
                        for (place, key) in keys.enumerated() {
                            let slot = slotOf[Int(key & 0xFFFF_FFFF)]
                            if slot >= 0 { output[base + slot] = UInt16(place + 1) }
                        }
                    }
                }
            }
        }
        var intervals = [RankInterval?](repeating: nil, count: width)
        ranks.withUnsafeBufferPointer { buffer in
            nonisolated(unsafe) let ranks = buffer
            intervals.withUnsafeMutableBufferPointer { buffer in
                nonisolated(unsafe) let output = buffer
                let perSlice = (width + chunks - 1) / chunks
                DispatchQueue.concurrentPerform(iterations: chunks) { slice in
                    // Each town's simulated ranks are counted (ranks are small integers), then the order
                    // statistics of the three quantiles read off the cumulative counts: no sort.
                    var counts = [Int32](repeating: 0, count: peers + 2)
                    for slot in min(width, slice * perSlice)..<min(width, (slice + 1) * perSlice) {
                        var lowest = Int.max, highest = 0, total = 0
                        for draw in 0..<draws {
                            let rank = Int(ranks[draw * width + slot])
                            guard rank > 0 else { continue }
                            counts[rank] += 1
                            lowest = min(lowest, rank)
                            highest = max(highest, rank)
                            total += 1
                        }
                        guard total > 0 else { continue }
                        output[slot] = Self.interval(counts: &counts, lowest: lowest, highest: highest, total: total)
                    }
                }
            }
        }
        if positions == nil { return intervals }
        var result = [RankInterval?](repeating: nil, count: peers)
        for (slot, position) in targets.enumerated() { result[position] = intervals[slot] }
        return result
    }

    /// Up to this many towns, `intervals(for:weights:only:)` counts each one's rank rather than sorting a draw.
    static let countingLimit = 8

    /// The 5 %, 50 % and 95 % quantiles (type 7, as `Statistics.quantile`) of `total` ranks counted in
    /// `counts[lowest...highest]`; resets those counts to zero for the next town.
    static func interval(counts: inout [Int32], lowest: Int, highest: Int, total: Int) -> RankInterval {
        // The order statistics needed: for each p, the values at floor(p (n − 1)) and the next index.
        let ps = [0.05, 0.5, 0.95]
        let positions = ps.map { $0 * Double(total - 1) }
        var wanted = positions.flatMap { [Int($0.rounded(.down)), min(Int($0.rounded(.down)) + 1, total - 1)] }
        wanted.sort()
        var values: [Int: Double] = [:]
        var seen = 0, next = 0
        for rank in lowest...highest {
            let count = Int(counts[rank])
            counts[rank] = 0
            guard count > 0 else { continue }
            while next < wanted.count && wanted[next] < seen + count {
                values[wanted[next]] = Double(rank)
                next += 1
            }
            seen += count
        }
        func quantile(_ position: Double) -> Double {
            let lower = Int(position.rounded(.down)), upper = min(lower + 1, total - 1)
            return values[lower]! + (position - Double(lower)) * (values[upper]! - values[lower]!)
        }
        return RankInterval(median: quantile(positions[1]), low: quantile(positions[0]), high: quantile(positions[2]))
    }

    /// The fixed number of slices the draws are split into (independent of the number of cores).
    static let chunks = 8

    /// A Dirichlet draw with parameters `alphas` (a zero parameter gives a zero weight).
    static func dirichlet(_ alphas: [Double], using generator: inout SplitMix64) -> [Double] {
        let draws = alphas.map { $0 > 0 ? gamma(shape: $0, using: &generator) : 0 }
        let total = draws.reduce(0, +)
        return total > 0 ? draws.map { $0 / total } : alphas
    }

    /// A Gamma(shape, 1) draw (Marsaglia & Tsang 2000; shape < 1 boosted by U^(1/shape)).
    static func gamma(shape: Double, using generator: inout SplitMix64) -> Double {
        if shape < 1 {
            return gamma(shape: shape + 1, using: &generator) * pow(generator.nextDouble(), 1 / shape)
        }
        let d = shape - 1.0 / 3.0, c = 1 / (9 * d).squareRoot()
        while true {
            var x = 0.0, v = 0.0
            repeat {
                x = generator.nextGaussian()
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = generator.nextDouble()
            if u < 1 - 0.0331 * x * x * x * x { return d * v }
            if log(u) < 0.5 * x * x + d * (1 - v + log(v)) { return d * v }
        }
    }
}

/// A small, fast, seedable pseudo-random generator (SplitMix64, Steele et al. 2014), so that
/// simulations give the same result for the same seed on every machine.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in (0, 1).
    public mutating func nextDouble() -> Double {
        (Double(next() >> 11) + 0.5) / Double(1 << 53)
    }

    /// Standard normal (Box–Muller).
    public mutating func nextGaussian() -> Double {
        (-2 * log(nextDouble())).squareRoot() * cos(2 * .pi * nextDouble())
    }
}
