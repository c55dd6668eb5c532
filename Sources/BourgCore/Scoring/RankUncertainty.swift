import Foundation

/// How sure a town's rank is: the spread of its rank when the weights and the aggregation vary.
public struct RankInterval: Sendable, Hashable, Codable {
    public var median: Double
    /// 5th percentile of the simulated ranks (the best plausible rank).
    public var low: Double
    /// 95th percentile of the simulated ranks (the worst plausible rank).
    public var high: Double
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

    /// Rank intervals of every peer (`nil` for peers that never get a composite).
    public func intervals(for scores: PeerScores, weights: Weights) -> [RankInterval?] {
        let centre = scores.normalisedWeights(weights)
        var generator = SplitMix64(seed: seed)
        let peers = scores.members.count
        var ranks = [[Int32]](repeating: [], count: peers)
        for index in 0..<peers { ranks[index].reserveCapacity(draws) }
        var composites = [Double](repeating: .nan, count: peers)
        var order = [Int](repeating: 0, count: peers)
        for _ in 0..<draws {
            let drawn = Self.dirichlet(centre.map { $0 * concentration }, using: &generator)
            let aggregation: Aggregation = generator.nextDouble() < 0.5 ? .arithmetic : .geometric
            scores.composites(normalisedWeights: drawn, aggregation: aggregation, into: &composites)
            var count = 0
            for position in 0..<peers where !composites[position].isNaN {
                order[count] = position
                count += 1
            }
            composites.withUnsafeBufferPointer { composites in
                order.withUnsafeMutableBufferPointer { order in
                    order[0..<count].sort { composites[$0] > composites[$1] }
                }
            }
            for place in 0..<count { ranks[order[place]].append(Int32(place + 1)) }
        }
        return ranks.map { simulated in
            guard !simulated.isEmpty else { return nil }
            let sorted = simulated.sorted().map(Double.init)
            return RankInterval(median: Statistics.quantile(sorted: sorted, 0.5)!,
                                low: Statistics.quantile(sorted: sorted, 0.05)!,
                                high: Statistics.quantile(sorted: sorted, 0.95)!)
        }
    }

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
