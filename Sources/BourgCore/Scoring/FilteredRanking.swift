/// A ranking restricted to the towns a filter keeps (a département, a type, the situations a household means by
/// "petite ville"…): the kept towns are ranked 1…N among themselves, and their rank intervals are computed among
/// them too, so that rank 1 is the first town shown and its interval speaks of the same list.
public struct FilteredRanking: Sendable {
    public let board: Scoreboard
    /// The kept peers' positions, best first.
    public let kept: [Int]
    /// Ranked peers that the filter left out.
    public let leftOut: Int

    /// Keeps the ranked peers (those with a composite) that `keep` accepts, in the board's order.
    public init(board: Scoreboard, keep: (Int) -> Bool) {
        self.board = board
        let ranked = board.rankedPositions
        kept = ranked.filter(keep)
        leftOut = ranked.count - kept.count
    }

    /// How many towns are ranked.
    public var count: Int { kept.count }

    /// The rank among the kept towns of the one at `index` of `kept` (1 = best).
    public func rank(atIndex index: Int) -> Int { index + 1 }

    /// The rank intervals, among the kept towns, of the peers at `shown` (positions): the board's stored ones when
    /// nothing is left out and the board has them, else `uncertainty`'s draws for those towns only.
    public func intervals(of shown: [Int], uncertainty: RankUncertainty) -> [Int: RankInterval] {
        guard !shown.isEmpty else { return [:] }
        let all: [RankInterval?]
        if leftOut == 0, let stored = board.intervals {
            all = stored
        } else {
            var flags = [Bool](repeating: false, count: board.scores.members.count)
            for position in kept { flags[position] = true }
            all = uncertainty.intervals(for: board.scores, weights: board.weights, only: shown, among: leftOut == 0 ? nil : flags)
        }
        var result: [Int: RankInterval] = [:]
        for position in shown { if let interval = all[position] { result[position] = interval } }
        return result
    }
}
