import BourgCore
import Foundation
import GRDB
import Synchronization

/// The atlas loaded for scoring: what the command-line tool, the server and the benchmarks all start from.
///
/// Opening reads nothing but the schema version. The peers' scores are read for the stored peer group (the small
/// towns: their own rows, indicator scores, types and surroundings, all stored at build — `StoredPeers`), computed
/// for other groups over the whole matrix (`wholeMatrix()`, one packed blob, read once on first use); rank
/// intervals are read from the atlas when the build stored them (`StoredRankings`: the presets over the small towns,
/// default draws and seed), and otherwise computed only for the towns that are shown.
public struct LoadedAtlas: Sendable {
    public let database: AtlasDatabase
    private let whole = Once<IndicatorMatrix>()

    /// Opens the atlas at `path` read-only.
    public init(path: String) throws {
        try self.init(database: AtlasDatabase.openReadOnly(at: path))
    }

    /// An opened atlas.
    public init(database: AtlasDatabase) throws {
        self.database = database
    }

    /// Every commune and every indicator value (`AtlasDatabase.indicatorMatrix()`), read on first use and kept.
    public func wholeMatrix() throws -> IndicatorMatrix {
        try whole.get { try database.indicatorMatrix() }
    }

    /// The peers' scores (`PeerScores`) of `group`. For the stored group, read from what the build stored: the
    /// peers' own rows (the scores' `matrix` then holds the peers only, in the whole matrix's order) and their
    /// indicator scores; for another group, computed over the whole matrix.
    public func scores(_ group: PeerGroup = .smallTowns) throws -> PeerScores {
        if group.range == StoredPeers.group.range, let rows = try database.storedPeerRows(range: group.range) {
            return PeerScores(matrix: rows, group: group, members: Array(rows.communes.indices),
                              stored: try database.storedPeerScores(range: group.range, members: rows.communes.count))
        }
        return try scores(group, in: wholeMatrix())
    }

    /// The peers' scores of `group` over `matrix` (this atlas's whole matrix): for the stored group, from the
    /// indicator scores the build stored.
    public func scores(_ group: PeerGroup, in matrix: IndicatorMatrix) throws -> PeerScores {
        let members = matrix.rows(in: group.range)
        return PeerScores(matrix: matrix, group: group, members: members,
                          stored: try database.storedPeerScores(range: group.range, members: members.count))
    }

    /// The types of the peers of `scores` (which must be this atlas's, unchanged) under `rules`: the stored ones for
    /// the stored group and the standard rules, else assigned now.
    public func peerTypes(_ scores: PeerScores, rules: TypologyRules = .standard) throws -> PeerTypes {
        if rules == .standard, let stored = try database.storedPeerTypes(range: scores.group.range, members: scores.members.count) {
            return stored
        }
        return PeerTypes(scores: scores, rules: rules)
    }

    /// The matcher of the peers of `scores` (which must be this atlas's, unchanged), with the stored types and
    /// surroundings for the stored group; for another group, computed over the whole matrix.
    public func matcher(_ scores: PeerScores, typology: TypologyRules = .standard) throws -> Matcher {
        let surroundings = try database.storedSurroundings(range: scores.group.range, members: scores.members.count)
        if surroundings == nil {
            let whole = try wholeMatrix()
            // Peers read on their own, but nothing stored about their surroundings: score them over every commune.
            if scores.matrix.communes.count != whole.communes.count {
                return try matcher(self.scores(scores.group, in: whole), typology: typology)
            }
        }
        var matcher = Matcher(scores: scores, typology: typology, peerTypes: try peerTypes(scores, rules: typology), surroundings: surroundings)
        // Car times to the big cities other than Paris, estimated at build (`StoredCarTimes`).
        matcher.useCarTimes(try database.carTimes(for: scores.members.map { scores.matrix.communes[$0] }))
        return matcher
    }

    /// The rank intervals for `weights` among the peers of `scores` (which must be this atlas's, unchanged):
    /// the stored ones when the atlas has them for these peers, weights and draws, else computed for the peers at
    /// `positions` only (every peer when `nil`).
    public func intervals(_ scores: PeerScores, weights: Weights, uncertainty: RankUncertainty, positions: [Int]? = nil) throws -> [RankInterval?] {
        if let stored = try database.storedIntervals(peers: scores, weights: weights, uncertainty: uncertainty) { return stored }
        return uncertainty.intervals(for: scores, weights: weights, only: positions)
    }

    /// The scoreboard of `scores` for `weights`, with rank intervals (see `intervals`) when `uncertainty` is given.
    public func scoreboard(_ scores: PeerScores, weights: Weights, aggregation: Aggregation = .arithmetic,
                           uncertainty: RankUncertainty?, positions: [Int]? = nil) throws -> Scoreboard {
        Scoreboard(scores: scores, weights: weights, aggregation: aggregation,
                   intervals: try uncertainty.map { try intervals(scores, weights: weights, uncertainty: $0, positions: positions) })
    }
}

/// A value computed once, on first use, and kept (shared by every copy of what holds it).
public final class Once<Value: Sendable>: Sendable {
    private let value = Mutex<Value?>(nil)

    public init() {}

    public func get(_ make: () throws -> Value) rethrows -> Value {
        try value.withLock { stored in
            if let stored { return stored }
            let made = try make()
            stored = made
            return made
        }
    }
}

/// Rank intervals computed by `bourg data build` and stored in the atlas (`stored_ranking`), so that what shows
/// them for a preset reads them instead of running the draws: every preset over the small towns, with the default
/// draws and seed. The same computation as at run time, so the same result.
public enum StoredRankings {
    /// The peer group whose intervals are stored.
    public static let group = PeerGroup.smallTowns
    /// The draws whose intervals are stored.
    public static let uncertainty = RankUncertainty()
    /// The shipped weightings whose intervals are stored (and the revealed one the build fits).
    public static var weights: [Weights] { WeightPresets.all }

    /// The key of a stored peer group's scores.
    static func peersKey(_ range: SizeRange) -> String { "peers=\(range.minimum)-\(range.maximum)" }

    /// Everything stored intervals depend on, spelled out (the atlas's values aside: they are stored with them).
    /// The aggregation is not part of it: the draws choose it.
    static func key(range: SizeRange, weights: Weights, uncertainty: RankUncertainty) -> String {
        let entries = AttractivenessDimension.weighable.map { "\($0.rawValue)=\(weights.value($0))" }.joined(separator: ",")
        return "peers=\(range.minimum)-\(range.maximum);weights=\(entries);draws=\(uncertainty.draws);"
            + "concentration=\(uncertainty.concentration);seed=\(uncertainty.seed)"
    }

    /// Computes and stores the intervals of every stored weighting, reading the atlas being written back.
    static func store(in atlas: AtlasDatabase, _ writer: any DatabaseWriter) throws {
        let scores = PeerScores(matrix: try atlas.indicatorMatrix(), group: group)
        let part = scores.indicatorPart
        let encoder = JSONEncoder()
        try writer.write { db in
            try db.execute(sql: """
                INSERT OR REPLACE INTO stored_peer_scores (key, peers, scored, treatments, treated, scores) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [peersKey(group.range), scores.members.count, String(decoding: try encoder.encode(part.scoredIndicators), as: UTF8.self),
                                 String(decoding: try encoder.encode(part.treatments), as: UTF8.self),
                                 AtlasDatabase.packed(part.treatedValues), AtlasDatabase.packed(part.indicatorScores)])
        }
        try StoredPeers.store(scores, writer)
        // The validation against migration fits the revealed weighting, whose intervals are then stored too.
        let revealed = try StoredValidation.store(scores: scores, writer)
        let rows = (weights + (revealed.map { [$0] } ?? [])).map { weights in
            let intervals = uncertainty.intervals(for: scores, weights: weights)
            let values = intervals.flatMap { interval in interval.map { [$0.median, $0.low, $0.high] } ?? [.nan, .nan, .nan] }
            return (key(range: group.range, weights: weights, uncertainty: uncertainty), AtlasDatabase.packed(values))
        }
        try writer.write { db in
            for (key, blob) in rows {
                try db.execute(sql: "INSERT OR REPLACE INTO stored_ranking (key, peers, intervals) VALUES (?, ?, ?)",
                               arguments: [key, scores.members.count, blob])
            }
        }
    }
}

extension AtlasDatabase {
    /// The rank intervals stored at build for these peers, weights and draws, or `nil` when none are.
    /// `peers` must be scored on this atlas's matrix, unchanged.
    public func storedIntervals(peers scores: PeerScores, weights: Weights, uncertainty: RankUncertainty) throws -> [RankInterval?]? {
        let key = StoredRankings.key(range: scores.group.range, weights: weights, uncertainty: uncertainty)
        let peers: Int = scores.members.count
        return try reader.read { db -> [RankInterval?]? in
            guard let row = try Row.fetchOne(db, sql: "SELECT rowid, peers FROM stored_ranking WHERE key = ?", arguments: [key]),
                  row["peers"] as Int == peers else { return nil }
            let rowid: Int64 = row["rowid"]
            let values: [Double] = try Self.readDoubles(db, table: "stored_ranking", column: "intervals", rowid: rowid, count: peers * 3)
            var intervals: [RankInterval?] = []
            intervals.reserveCapacity(peers)
            for position in 0..<peers {
                let median = values[position * 3]
                intervals.append(median.isNaN ? nil : RankInterval(median: median, low: values[position * 3 + 1], high: values[position * 3 + 2]))
            }
            return intervals
        }
    }
}

extension AtlasDatabase {
    /// The indicator part of the scores of the communes of `range` stored at build, or `nil` when none is (or it does
    /// not have `members` peers).
    public func storedPeerScores(range: SizeRange, members: Int) throws -> PeerScores.IndicatorPart? {
        try reader.read { db -> PeerScores.IndicatorPart? in
            guard let row = try Row.fetchOne(db, sql: "SELECT rowid, peers, scored, treatments FROM stored_peer_scores WHERE key = ?",
                                             arguments: [StoredRankings.peersKey(range)]),
                  row["peers"] as Int == members else { return nil }
            let decoder = JSONDecoder()
            let scored = try decoder.decode([Int].self, from: Data((row["scored"] as String).utf8))
            let treatments = try decoder.decode([OutlierTreatment].self, from: Data((row["treatments"] as String).utf8))
            let rowid: Int64 = row["rowid"]
            let count = members * scored.count
            return PeerScores.IndicatorPart(
                scoredIndicators: scored, treatments: treatments,
                treatedValues: try Self.readDoubles(db, table: "stored_peer_scores", column: "treated", rowid: rowid, count: count),
                indicatorScores: try Self.readDoubles(db, table: "stored_peer_scores", column: "scores", rowid: rowid, count: count))
        }
    }
}
