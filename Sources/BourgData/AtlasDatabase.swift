import BourgCore
import Foundation
import GRDB
import GRDBSQLite

/// The atlas file: one SQLite database holding the communes, their boundaries, the stations, the indicator
/// catalogue and values, and the provenance of every source file.
///
/// It owns the schema (`migrator`). Built once by `AtlasBuilder` into a temporary file then renamed;
/// opened read-only for reading and serving.
public struct AtlasDatabase: Sendable {
    /// The schema version this code reads and writes. Bump it when the schema changes.
    public static let schemaVersion = 8

    /// Reads and (while building) writes the database.
    public let reader: any DatabaseReader

    private init(reader: any DatabaseReader) {
        self.reader = reader
    }

    /// Opens an existing atlas read-only. Throws a clear error if the file is absent or of another schema.
    public static func openReadOnly(at path: String) throws -> AtlasDatabase {
        guard FileManager.default.fileExists(atPath: path) else {
            throw DataBuildError(.missingFile, file: path, message: "no atlas here: build it with `bourg data build`")
        }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.label = "atlas"
        // The packed matrix is read straight from the mapped file (no read(2) per page).
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA mmap_size = 1073741824") }
        let pool = try DatabasePool(path: path, configuration: configuration)
        let atlas = AtlasDatabase(reader: pool)
        let version = try atlas.info("schema_version")
        guard version == String(schemaVersion) else {
            throw DataBuildError(.storage, file: path, message: "this atlas has schema version \(version ?? "none"), this program reads version \(schemaVersion): rebuild it with `bourg data build`")
        }
        return atlas
    }

    /// Writes `draft` into a new database file at `path` (which must not exist).
    /// With `carTimes`, the car-time estimator (`StoredCarTimes`) runs beside the stored rankings and is stored too.
    static func write(_ draft: AtlasDraft, to path: String, buildInfo: [String: String], carTimes: StoredCarTimes.Inputs? = nil) throws {
        // A new file that nobody reads until it is renamed into place: no journal, one fsync at the end.
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            // Large pages: the packed matrix (tens of MB) is one chain of 64 KB overflow pages, read in one pass.
            try db.execute(sql: "PRAGMA page_size = 65536; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF")
        }
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        try migrator.migrate(queue)
        try queue.write { db in
            for (key, value) in buildInfo.merging(["schema_version": String(schemaVersion)], uniquingKeysWith: { $1 }) {
                try db.execute(sql: "INSERT INTO atlas_info (key, value) VALUES (?, ?)", arguments: [key, value])
            }
            var rowids: [Int64] = []
            for commune in draft.communes {
                try commune.insert(db)
                rowids.append(db.lastInsertedRowID)
                // Indexed as a query is read (`searchWords`): the same words on both sides.
                try db.execute(sql: "INSERT INTO commune_search (code, name) VALUES (?, ?)",
                               arguments: [commune.code, Self.searchWords(commune.name).joined(separator: " ")])
                if let geometry = draft.boundaries[commune.code] {
                    try db.execute(sql: "INSERT INTO commune_boundary (code, geojson) VALUES (?, ?)", arguments: [commune.code, geometry])
                }
            }
            for station in draft.stations { try station.insert(db) }
            for (position, definition) in draft.catalogue.enumerated() {
                try IndicatorRecord(definition, position: position).insert(db)
                for category in definition.categories {
                    try db.execute(sql: "INSERT INTO indicator_category (indicator_id, code, label) VALUES (?, ?, ?)",
                                   arguments: [definition.id, category.code, category.label])
                }
            }
            let statement = try db.makeStatement(sql: "INSERT INTO indicator_value (commune, indicator, value) VALUES (?, ?, ?)")
            try draft.forEachStoredValue { commune, indicator, value in
                // Three integers and a double of known types: bound without GRDB's argument check.
                statement.setUncheckedArguments([rowids[commune], indicator, value])
                try statement.execute()
            }
            try writeMatrix(draft.packedValues(), communes: draft.communes.count, indicators: draft.catalogue.count, db)
            for entry in draft.provenance { try ProvenanceRecord(entry).insert(db) }
            for outline in draft.outlines { try outline.insert(db) }
        }
        try queue.writeWithoutTransaction { db in try db.execute(sql: "ANALYZE") }
        let computed = Once<StoredCarTimes.Computed>()
        if let carTimes { DispatchQueue.global().async { _ = computed.get { StoredCarTimes.compute(carTimes) } } }
        try StoredRankings.store(in: AtlasDatabase(reader: queue), queue)
        if let carTimes { try StoredCarTimes.store(computed.get { StoredCarTimes.compute(carTimes) }, queue) }
        try queue.close()
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        try handle.synchronize()
        try handle.close()
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "atlas_info") { t in
                t.primaryKey("key", .text)
                t.column("value", .text).notNull()
            }
            try db.create(table: "commune") { t in
                t.primaryKey("code", .text)
                t.column("name", .text).notNull()
                t.column("departement", .text).notNull()
                t.column("departement_name", .text)
                t.column("region", .text)
                t.column("region_name", .text)
                t.column("epci", .text)
                t.column("epci_name", .text)
                t.column("population", .integer)
                t.column("population2015", .integer)
                t.column("area_km2", .double)
                t.column("latitude", .double)
                t.column("longitude", .double)
            }
            try db.create(index: "commune_population", on: "commune", columns: ["population"])
            try db.execute(sql: """
                CREATE VIRTUAL TABLE commune_search USING fts5(code UNINDEXED, name, tokenize = 'unicode61 remove_diacritics 2')
                """)
            try db.create(table: "commune_boundary") { t in
                t.primaryKey("code", .text).references("commune")
                t.column("geojson", .text).notNull()
            }
            try db.create(table: "station") { t in
                t.primaryKey("id", .text)
                t.column("name", .text).notNull()
                t.column("commune_code", .text).notNull().indexed().references("commune")
                t.column("latitude", .double).notNull()
                t.column("longitude", .double).notNull()
                t.column("segment", .text)
                t.column("passengers2024", .integer)
                t.column("passengers2019", .integer)
                t.column("long_distance", .boolean).notNull()
            }
            try db.create(table: "indicator") { t in
                t.primaryKey("id", .text)
                t.column("position", .integer).notNull().unique()
                t.column("label", .text).notNull()
                t.column("unit", .text).notNull()
                t.column("dimension", .text).notNull()
                t.column("direction", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("sources", .text).notNull()
                t.column("vintage", .text).notNull()
                t.column("definition", .text).notNull()
            }
            try db.create(table: "indicator_category") { t in
                t.column("indicator_id", .text).notNull().references("indicator")
                t.column("code", .integer).notNull()
                t.column("label", .text).notNull()
                t.primaryKey(["indicator_id", "code"])
            }
            // The long table of values, kept small and quick to load: the commune is its row id in `commune`,
            // the indicator its catalogue position (integers). A missing value has no row.
            // The view `indicator_value_named` shows INSEE codes and indicator ids.
            try db.create(table: "indicator_value", options: [.withoutRowID]) { t in
                t.column("commune", .integer).notNull()
                t.column("indicator", .integer).notNull().references("indicator", column: "position")
                t.column("value", .double).notNull()
                t.primaryKey(["commune", "indicator"])
            }
            try db.execute(sql: """
                CREATE VIEW indicator_value_named AS
                SELECT commune.code AS commune_code, indicator.id AS indicator_id, indicator_value.value
                FROM indicator_value
                JOIN commune ON commune.rowid = indicator_value.commune
                JOIN indicator ON indicator.position = indicator_value.indicator
                """)
            // The same values packed for loading: one row-major blob of little-endian Float64 (NaN = missing),
            // rows in `commune` row id order, columns in catalogue order. Read at once by `indicatorMatrix()`.
            try db.create(table: "indicator_matrix") { t in
                t.column("communes", .integer).notNull()
                t.column("indicators", .integer).notNull()
                t.column("values", .blob).notNull()
            }
            // Rank intervals computed at build for the presets (`StoredRankings`): per peer, median, low, high as
            // little-endian Float64 (NaN = no composite), keyed by everything they depend on.
            try db.create(table: "stored_ranking") { t in
                t.primaryKey("key", .text)
                t.column("peers", .integer).notNull()
                t.column("intervals", .blob).notNull()
            }
            // The validation against migration and the newcomer models (`StoredValidation`): JSON, by key.
            try db.create(table: "newcomer_validation") { t in
                t.primaryKey("key", .text)
                t.column("json", .text).notNull()
            }
            // The indicator part of the default peers' scores (`PeerScores.IndicatorPart`), computed at build: the
            // scored columns and treatments (JSON), the treated values and scores (Float64 blobs, members × scored).
            try db.create(table: "stored_peer_scores") { t in
                t.primaryKey("key", .text)
                t.column("peers", .integer).notNull()
                t.column("scored", .text).notNull()
                t.column("treatments", .text).notNull()
                t.column("treated", .blob).notNull()
                t.column("scores", .blob).notNull()
            }
            try db.create(table: "departement_outline") { t in
                t.primaryKey("departement", .text)
                t.column("name", .text)
                t.column("path", .text).notNull()
                t.column("path_coarse", .text).notNull()
                t.column("min_x", .double).notNull()
                t.column("min_y", .double).notNull()
                t.column("max_x", .double).notNull()
                t.column("max_y", .double).notNull()
            }
            try db.create(table: "source_file") { t in
                t.column("source_id", .text).notNull()
                t.column("file_name", .text).notNull()
                t.column("citation", .text).notNull()
                t.column("title", .text).notNull()
                t.column("producer", .text).notNull()
                t.column("vintage", .text).notNull()
                t.column("licence", .text).notNull()
                t.column("official_url", .text).notNull()
                t.column("sha256", .text).notNull()
                t.column("rows_read", .integer).notNull()
                t.column("rows_rejected", .integer).notNull()
                t.column("rows_unmatched", .integer).notNull()
                t.column("rows_corrected", .integer).notNull()
                t.primaryKey(["source_id", "file_name"])
            }
        }
        migrator.registerMigration("stored-peers") { db in
            // The default peers' own rows and what is derived from the whole atlas about them (`StoredPeers`), so
            // that a command about them reads these rows only: values (peers × indicators, row-major Float64, NaN =
            // missing, rows in `commune` row id order), types (one byte per peer, bit i = the i-th `TownType`),
            // the big cities (JSON) and each peer's distance to the nearest general practitioner (Float64).
            try db.create(table: "stored_peers") { t in
                t.primaryKey("key", .text)
                t.column("peers", .integer).notNull()
                t.column("indicators", .integer).notNull()
                t.column("values", .blob).notNull()
                t.column("types", .blob).notNull()
                t.column("city_poles", .text).notNull()
                t.column("gp_distances", .blob).notNull()
            }
        }
        migrator.registerMigration("car-times") { db in
            try StoredCarTimes.createTables(db)
        }
        return migrator
    }
}

// MARK: - Reading the atlas, by intent

extension AtlasDatabase {
    /// A value of the `atlas_info` table (schema_version, built_at, data_dir…).
    public func info(_ key: String) throws -> String? {
        try reader.read { db in try String.fetchOne(db, sql: "SELECT value FROM atlas_info WHERE key = ?", arguments: [key]) }
    }

    /// The commune with this INSEE code.
    public func commune(code: String) throws -> Commune? {
        try reader.read { db in try Commune.fetchOne(db, key: code) }
    }

    /// Communes whose name matches `query`, accent- and case-insensitively, best matches first:
    /// exact name, then names starting with the query, then any name containing all its words.
    public func searchCommunes(_ query: String, limit: Int = 20) throws -> [Commune] {
        let words = Self.searchWords(query)
        guard !words.isEmpty else { return [] }
        let folded = words.joined(separator: " ")
        let phrase = "\"" + folded + "\""
        return try reader.read { db in
            // Three small queries rather than every match: the exact name (the shortest names that start with
            // the query's words, checked here), names that start with the query, then names that contain its words;
            // each by population.
            func matches(_ expression: String, orderedBy order: String, limit: Int) throws -> [Commune] {
                try Commune.fetchAll(db, sql: """
                    SELECT commune.* FROM commune_search JOIN commune USING (code)
                    WHERE commune_search MATCH ? ORDER BY \(order) LIMIT ?
                    """, arguments: ["name: " + expression, limit])
            }
            let exact = try matches("^" + phrase, orderedBy: "length(commune.name), commune.population DESC", limit: 5)
                .filter { Self.searchWords($0.name).joined(separator: " ") == folded }
            let prefix = try matches("^" + phrase + "*", orderedBy: "commune.population DESC", limit: limit)
            let anywhere = try matches(words.map { "\"\($0)\"*" }.joined(separator: " "), orderedBy: "commune.population DESC", limit: limit)
            var seen: Set<String> = []
            return Array((exact + prefix + anywhere).filter { seen.insert($0.code).inserted }.prefix(limit))
        }
    }

    /// The words a commune name is indexed by and a query is searched with — one rule for both sides, so that
    /// "st malo", "St-Malo" and "saint malo" all find Saint-Malo: lower case, accents folded, split on anything
    /// but letters and digits (spaces, hyphens, apostrophes — straight or curly — dots), and the usual
    /// abbreviations written out (st → saint, ste → sainte, sts → saints, stes → saintes).
    public static func searchWords(_ text: String) -> [String] {
        text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "fr_FR"))
            .lowercased()
            .split { !$0.isLetter && !$0.isNumber }
            .map { searchAbbreviations[String($0)] ?? String($0) }
    }

    /// Abbreviations of commune names, as people type them, and the word the official name spells out.
    static let searchAbbreviations = ["st": "saint", "ste": "sainte", "sts": "saints", "stes": "saintes"]

    /// The indicator catalogue, in display order.
    public func catalogue() throws -> [IndicatorDefinition] {
        try reader.read { db in
            let categories = Dictionary(grouping: try Row.fetchAll(db, sql: "SELECT * FROM indicator_category ORDER BY indicator_id, code")) {
                $0["indicator_id"] as String
            }
            return try IndicatorRecord.order(IndicatorRecord.Columns.position).fetchAll(db).map { record in
                record.definition(categories: (categories[record.id] ?? []).map { IndicatorCategory(code: $0["code"], label: $0["label"]) })
            }
        }
    }

    /// Every indicator of a commune, in catalogue order, missing values included as `nil`.
    public func readings(for code: String) throws -> [IndicatorReading] {
        let catalogue = try catalogue()
        let values = try reader.read { db in
            try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT indicator_id, value FROM indicator_value_named WHERE commune_code = ?", arguments: [code]).map {
                ($0["indicator_id"] as String, $0["value"] as Double)
            })
        }
        return catalogue.map { IndicatorReading(definition: $0, value: values[$0.id]) }
    }

    /// The stations of a commune.
    public func stations(in code: String) throws -> [Station] {
        try reader.read { db in try Station.filter(Station.Columns.communeCode == code).order(Station.Columns.name).fetchAll(db) }
    }

    /// The provenance table: one entry per source file read by the build.
    public func provenance() throws -> [Provenance] {
        try reader.read { db in try ProvenanceRecord.order(ProvenanceRecord.Columns.sourceID, ProvenanceRecord.Columns.fileName).fetchAll(db).map(\.provenance) }
    }

    /// For each indicator, how many communes of the size range have a value.
    public func coverage(in range: SizeRange = .smallTowns) throws -> [IndicatorCoverage] {
        try indicatorMatrix().coverage(in: range)
    }

    /// Every commune and every indicator value, as one dense matrix for scoring (communes in code order,
    /// indicators in catalogue order, missing values as NaN): the packed blob of `indicator_matrix`, read in one
    /// copy, and the communes read with SQLite's C API (the whole load is a few milliseconds).
    public func indicatorMatrix() throws -> IndicatorMatrix {
        let catalogue = try catalogue()
        return try reader.read { db in
            let communes = try Self.allCommunes(db)
            let values = try Self.readMatrix(db, communes: communes.count, indicators: catalogue.count)
            return IndicatorMatrix(communes: communes, indicators: catalogue, values: values)
        }
    }

    /// Every commune, in row id order (the matrix's row order), decoded column by column without GRDB rows.
    static func allCommunes(_ db: Database) throws -> [Commune] {
        try communes(db)
    }

    /// The communes that satisfy `filter` (SQL, with `arguments`; all without), in row id order, decoded column by
    /// column without GRDB rows.
    static func communes(_ db: Database, where filter: String? = nil, arguments: StatementArguments = []) throws -> [Commune] {
        let statement = try db.makeStatement(sql: """
            SELECT code, name, departement, departement_name, region, region_name, epci, epci_name,
                   population, population2015, area_km2, latitude, longitude FROM commune \(filter.map { "WHERE \($0) " } ?? "")ORDER BY rowid
            """)
        try statement.setArguments(arguments)
        let sqlite = statement.sqliteStatement
        func text(_ column: Int32) -> String? {
            guard let pointer = sqlite3_column_text(sqlite, column) else { return nil }
            return String(cString: pointer)
        }
        func integer(_ column: Int32) -> Int? {
            sqlite3_column_type(sqlite, column) == SQLITE_NULL ? nil : Int(sqlite3_column_int64(sqlite, column))
        }
        func double(_ column: Int32) -> Double? {
            sqlite3_column_type(sqlite, column) == SQLITE_NULL ? nil : sqlite3_column_double(sqlite, column)
        }
        var communes: [Commune] = []
        communes.reserveCapacity(35_000)
        sqlite3_reset(sqlite)
        var code = sqlite3_step(sqlite)
        while code == SQLITE_ROW {
            communes.append(Commune(
                code: text(0) ?? "", name: text(1) ?? "", departement: text(2) ?? "", departementName: text(3),
                region: text(4), regionName: text(5), epci: text(6), epciName: text(7),
                population: integer(8), population2015: integer(9), areaKm2: double(10), latitude: double(11), longitude: double(12)))
            code = sqlite3_step(sqlite)
        }
        guard code == SQLITE_DONE else { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "reading communes") }
        return communes
    }

    /// The packed values (`communes × indicators`, row-major), read from the blob straight into the array.
    static func readMatrix(_ db: Database, communes: Int, indicators: Int) throws -> [Double] {
        guard let row = try Row.fetchOne(db, sql: "SELECT rowid, communes, indicators FROM indicator_matrix"),
              row["communes"] as Int == communes, row["indicators"] as Int == indicators else {
            throw DataBuildError(.storage, file: "indicator_matrix",
                                 message: "the packed matrix does not match the communes and the catalogue: rebuild the atlas with `bourg data build`")
        }
        return try readDoubles(db, table: "indicator_matrix", column: "values", rowid: row["rowid"], count: communes * indicators)
    }

    /// `count` little-endian Float64 of a blob, read with SQLite's incremental blob I/O into the array itself.
    static func readDoubles(_ db: Database, table: String, column: String, rowid: Int64, count: Int) throws -> [Double] {
        var blob: OpaquePointer?
        var code = sqlite3_blob_open(db.sqliteConnection, "main", table, column, rowid, 0, &blob)
        defer { sqlite3_blob_close(blob) }
        guard code == SQLITE_OK, Int(sqlite3_blob_bytes(blob)) == count * 8 else {
            throw DataBuildError(.storage, file: table, message: "the packed \(column) blob has the wrong size: rebuild the atlas with `bourg data build`")
        }
        var values = [Double](unsafeUninitializedCapacity: count) { buffer, initialised in
            code = count == 0 ? SQLITE_OK : sqlite3_blob_read(blob, buffer.baseAddress, Int32(count * 8), 0)
            initialised = count
        }
        guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "reading \(table).\(column)") }
        #if _endian(big)
        for index in values.indices { values[index] = Double(bitPattern: UInt64(littleEndian: values[index].bitPattern)) }
        #endif
        return values
    }

    /// Writes the packed matrix (row-major values, NaN = missing).
    static func writeMatrix(_ values: [Double], communes: Int, indicators: Int, _ db: Database) throws {
        try db.execute(sql: "INSERT INTO indicator_matrix (communes, indicators, \"values\") VALUES (?, ?, ?)",
                       arguments: [communes, indicators, packed(values)])
    }

    /// Doubles as little-endian Float64 bytes.
    static func packed(_ values: [Double]) -> Data {
        var data = Data(count: values.count * 8)
        data.withUnsafeMutableBytes { bytes in
            for (index, value) in values.enumerated() {
                bytes.storeBytes(of: value.bitPattern.littleEndian, toByteOffset: index * 8, as: UInt64.self)
            }
        }
        return data
    }

    /// The département outlines for maps.
    public func departementOutlines() throws -> [DepartementOutline] {
        try reader.read { db in try DepartementOutline.order(Column("departement")).fetchAll(db) }
    }

    /// The boundary of a commune (GeoJSON geometry text), if known.
    public func boundary(code: String) throws -> String? {
        try reader.read { db in try String.fetchOne(db, sql: "SELECT geojson FROM commune_boundary WHERE code = ?", arguments: [code]) }
    }

    /// The boundaries of the communes of a département (GeoJSON geometry text by code).
    public func boundaries(departement: String) throws -> [String: String] {
        try reader.read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: """
                SELECT commune_boundary.code, geojson FROM commune_boundary JOIN commune USING (code) WHERE commune.departement = ?
                """, arguments: [departement]).map { ($0[0] as String, $0[1] as String) })
        }
    }

    /// Row counts of the main tables, for reports and checks.
    public func tableCounts() throws -> [String: Int] {
        try reader.read { db in
            var counts: [String: Int] = [:]
            for table in ["commune", "commune_boundary", "station", "indicator", "indicator_value", "source_file"] {
                counts[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
            }
            return counts
        }
    }
}

// MARK: - Records

extension Commune: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "commune"

    /// Decodes a row by column name, without the Codable machinery (the matrix loads all 34,875 at start).
    public init(row: Row) throws {
        self.init(
            code: row["code"], name: row["name"], departement: row["departement"], departementName: row["departement_name"],
            region: row["region"], regionName: row["region_name"], epci: row["epci"], epciName: row["epci_name"],
            population: row["population"], population2015: row["population2015"], areaKm2: row["area_km2"],
            latitude: row["latitude"], longitude: row["longitude"])
    }
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase
}

extension DepartementOutline: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "departement_outline"
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase
}

extension Station: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "station"
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    /// Table columns.
    public enum Columns {
        public static let communeCode = Column("commune_code")
        public static let name = Column("name")
    }
}

/// A row of the `indicator` table.
struct IndicatorRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "indicator"
    var id: String
    var position: Int
    var label: String
    var unit: String
    var dimension: String
    var direction: String
    var kind: String
    var sources: String
    var vintage: String
    var definition: String

    enum Columns {
        static let position = Column(CodingKeys.position)
    }

    init(_ definition: IndicatorDefinition, position: Int) {
        id = definition.id
        self.position = position
        label = definition.label
        unit = definition.unit
        dimension = definition.dimension.rawValue
        direction = definition.direction.rawValue
        kind = definition.kind.rawValue
        sources = definition.sources.joined(separator: ",")
        vintage = definition.vintage
        self.definition = definition.definition
    }

    func definition(categories: [IndicatorCategory]) -> IndicatorDefinition {
        IndicatorDefinition(
            id: id, label: label, unit: unit, dimension: AttractivenessDimension(rawValue: dimension) ?? .typologie,
            direction: Direction(rawValue: direction) ?? .neutral, kind: IndicatorKind(rawValue: kind) ?? .quantity,
            sources: sources.split(separator: ",").map(String.init), vintage: vintage, definition: definition,
            categories: categories)
    }
}

/// A row of the `source_file` table.
struct ProvenanceRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "source_file"
    var sourceId: String
    var fileName: String
    var citation: String
    var title: String
    var producer: String
    var vintage: String
    var licence: String
    var officialUrl: String
    var sha256: String
    var rowsRead: Int
    var rowsRejected: Int
    var rowsUnmatched: Int
    var rowsCorrected: Int

    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    enum Columns {
        static let sourceID = Column("source_id")
        static let fileName = Column("file_name")
    }

    init(_ provenance: Provenance) {
        sourceId = provenance.source.id
        fileName = provenance.fileName
        citation = provenance.source.citation
        title = provenance.source.title
        producer = provenance.source.producer
        vintage = provenance.source.vintage
        licence = provenance.source.licence
        officialUrl = provenance.source.officialURL
        sha256 = provenance.sha256
        rowsRead = provenance.rowsRead
        rowsRejected = provenance.rowsRejected
        rowsUnmatched = provenance.rowsUnmatched
        rowsCorrected = provenance.rowsCorrected
    }

    var provenance: Provenance {
        Provenance(
            source: SourceDescription(id: sourceId, citation: citation, title: title, producer: producer, vintage: vintage, licence: licence, officialURL: officialUrl),
            fileName: fileName, sha256: sha256, rowsRead: rowsRead, rowsRejected: rowsRejected, rowsUnmatched: rowsUnmatched,
            rowsCorrected: rowsCorrected)
    }
}
