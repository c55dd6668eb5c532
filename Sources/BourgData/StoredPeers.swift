import BourgCore
import Foundation
import GRDB

/// What `bourg data build` stores of the default peer group (the small towns) beyond their indicator scores, so
/// that a command about them reads their rows only, never the whole matrix: the peers' own rows of the matrix
/// (`stored_peers.values`), their types under the standard rules, and their surroundings in the whole atlas
/// (`MatchSurroundings`: the big cities, the nearest general practitioner, pharmacy and dentist). Each is the computation done at run
/// time over the whole matrix, done once (tested equal).
public enum StoredPeers {
    /// The peer group stored.
    public static let group = StoredRankings.group

    /// Stores the rows, types and surroundings of `scores` (the stored group, over the whole matrix).
    static func store(_ scores: PeerScores, _ writer: any DatabaseWriter) throws {
        let matrix = scores.matrix, width = matrix.indicators.count
        var values: [Double] = []
        values.reserveCapacity(scores.members.count * width)
        for row in scores.members { values += matrix.values[row * width ..< (row + 1) * width] }
        let types = PeerTypes(scores: scores, rules: .standard)
        let typeBytes = Data(scores.members.indices.map { position in
            types.types(position).reduce(UInt8(0)) { $0 | UInt8(1) << UInt8(TownType.allCases.firstIndex(of: $1)!) }
        })
        let surroundings = MatchSurroundings(scores: scores)
        let poles = String(decoding: try JSONEncoder().encode(surroundings.cityPoles), as: UTF8.self)
        try writer.write { db in
            try db.execute(sql: """
                INSERT OR REPLACE INTO stored_peers (key, peers, indicators, "values", types, city_poles, gp_distances)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [StoredRankings.peersKey(group.range), scores.members.count, width, AtlasDatabase.packed(values),
                                 typeBytes, poles, AtlasDatabase.packed(surroundings.packedDistances)])
        }
    }
}

extension AtlasDatabase {
    /// The stored peers' row id, or `nil` when the atlas stores nothing for `range` with `members` peers.
    private func storedPeersRow(_ db: Database, range: SizeRange, members: Int?) throws -> Row? {
        guard let row = try Row.fetchOne(db, sql: "SELECT rowid, peers, indicators FROM stored_peers WHERE key = ?",
                                         arguments: [StoredRankings.peersKey(range)]) else { return nil }
        if let members, row["peers"] as Int != members { return nil }
        return row
    }

    /// The matrix of the communes of `range` alone (in the whole matrix's order), from the rows stored at build,
    /// or `nil` when the atlas stores none for `range`.
    public func storedPeerRows(range: SizeRange) throws -> IndicatorMatrix? {
        let catalogue = try catalogue()
        return try reader.read { db -> IndicatorMatrix? in
            guard let row = try storedPeersRow(db, range: range, members: nil) else { return nil }
            let communes = try Self.communes(db, where: "population BETWEEN ? AND ?", arguments: [range.minimum, range.maximum])
            guard row["peers"] as Int == communes.count, row["indicators"] as Int == catalogue.count else {
                throw DataBuildError(.storage, file: "stored_peers",
                                     message: "the stored peers do not match the communes and the catalogue: rebuild the atlas with `bourg data build`")
            }
            let values = try Self.readDoubles(db, table: "stored_peers", column: "values", rowid: row["rowid"], count: communes.count * catalogue.count)
            return IndicatorMatrix(communes: communes, indicators: catalogue, values: values)
        }
    }

    /// The types of the `members` communes of `range` under the standard rules, stored at build, or `nil`.
    public func storedPeerTypes(range: SizeRange, members: Int) throws -> PeerTypes? {
        try reader.read { db -> PeerTypes? in
            guard let row = try storedPeersRow(db, range: range, members: members) else { return nil }
            let bytes = try Data.fetchOne(db, sql: "SELECT types FROM stored_peers WHERE rowid = ?", arguments: [row["rowid"] as Int64]) ?? Data()
            guard bytes.count == members else {
                throw DataBuildError(.storage, file: "stored_peers", message: "the stored types have the wrong size: rebuild the atlas with `bourg data build`")
            }
            return PeerTypes(types: bytes.map { mask in TownType.allCases.enumerated().compactMap { mask & UInt8(1) << UInt8($0.offset) != 0 ? $0.element : nil } })
        }
    }

    /// The surroundings of the `members` communes of `range` (`MatchSurroundings`), stored at build, or `nil`.
    public func storedSurroundings(range: SizeRange, members: Int) throws -> MatchSurroundings? {
        try reader.read { db -> MatchSurroundings? in
            guard let row = try storedPeersRow(db, range: range, members: members) else { return nil }
            let rowid: Int64 = row["rowid"]
            let poles = try String.fetchOne(db, sql: "SELECT city_poles FROM stored_peers WHERE rowid = ?", arguments: [rowid]) ?? "[]"
            let count = members * Amenity.counted.count
            guard let surroundings = MatchSurroundings(
                cityPoles: try JSONDecoder().decode([CityPole].self, from: Data(poles.utf8)),
                packedDistances: try Self.readDoubles(db, table: "stored_peers", column: "gp_distances", rowid: rowid, count: count),
                members: members) else {
                throw DataBuildError(.storage, file: "stored_peers", message: "the stored distances have the wrong size: rebuild the atlas with `bourg data build`")
            }
            return surroundings
        }
    }
}
