import BourgCore
import Foundation
import GRDB

/// Car times from every commune to every big city (the poles of `CityPole.bigCityPoles`), estimated by
/// `CarTimeModel` at `bourg data build` and stored in the atlas (`car_time`: per pole, Float32 minutes per commune in
/// `commune` row order, NaN = no estimate), with the model's cross-validation against the OSRM times to Paris
/// (`car_time_validation`: the report, and the held-out trips in their own row).
///
/// The graph: one node per commune of mainland France and Corsica, at the area-weighted centroid of its boundary
/// (else its town hall, else the mean town hall of its communes déléguées), neighbours = boundaries sharing a vertex,
/// hubs = the most populous commune of each unité urbaine of ≥ 20,000 inhabitants (UU2020, 2021 populations).
/// Corsica is left unlinked (no estimate). The model is refitted at each build on the OSRM times to Paris (the file's,
/// to 0.1 min).
public enum StoredCarTimes {
    /// Key of the report without its trips, and of the trips.
    static let reportKey = "report"
    static let tripsKey = "trips"

    /// The parameters fitted on every OSRM time by the reference implementation (Python, December 2026): used when
    /// the data has no OSRM times to fit on (a test excerpt).
    public static let reference = CarTimeModel(accessConstant: 33.576, accessDensity: -4.8370, localPace: 0.81483,
                                               localDensityPace: -0.049331, corridorPace: 0.65106, corridorRamp: 0.03016,
                                               corridorSizePace: -0.060879)

    /// What the build reads for the estimator (cheap); `compute` does the work.
    struct Inputs: Sendable {
        /// Draft index of each node.
        var communeOfNode: [Int]
        var communeCount: Int
        var codes: [String], departements: [String]
        var positions: [GeoPoint?], hasBoundary: [Bool], boundaries: [Boundary?]
        var areas: [Double?], populations: [Double], urbanUnits: [String?]
        var observed: [Double], mountain: [Bool], baselinePositions: [GeoPoint?]
        /// Nodes of the big-city poles, with their codes.
        var poles: [(code: String, node: Int)]
    }

    /// What the build stores.
    struct Computed: Sendable {
        var validation: CarTimeValidation?
        var model: CarTimeModel
        var poles: [String]
        /// Per pole, minutes per draft commune.
        var minutes: [[Float]]
        /// How long `compute` took (stored in `atlas_info` as `car_time_seconds`).
        var seconds: Double = 0
    }

    /// Reads what the estimator needs from the draft, and the unités urbaines (and, for a commune with neither a
    /// boundary nor a town hall, the town halls of its communes déléguées) from the data directory.
    static func inputs(_ draft: AtlasDraft, dataDirectory: URL) throws -> Inputs {
        let communeOfNode = draft.communes.indices.filter { !draft.communes[$0].departement.hasPrefix("97") }
        var nodeOfCommune = [Int?](repeating: nil, count: draft.communes.count)
        for (node, commune) in communeOfNode.enumerated() { nodeOfCommune[commune] = node }
        let zonages = try SourceFolder(url: dataDirectory.appendingPathComponent(ZonagesImporter().source.id), source: ZonagesImporter().source)
            .csv("communes_zonages_cog2025.csv", columns: ["code_commune", "UU2020"], key: ["code_commune"])
        var urbanUnits = [String?](repeating: nil, count: communeOfNode.count)
        for row in zonages.rows {
            guard let commune = draft.communeIndex(row["code_commune"]), let node = nodeOfCommune[commune] else { continue }
            urbanUnits[node] = row.text("UU2020")
        }
        let communes = communeOfNode.map { draft.communes[$0] }
        let boundaries = communes.map { draft.boundaryShapes[$0.code] }
        let geometry = boundaries.map { $0.flatMap(CarTimeGeometry.areaAndCentroid) }
        var positions = zip(geometry, communes).map { $0?.centroid ?? $1.position }
        let missing = positions.indices.filter { positions[$0] == nil && boundaries[$0] == nil }
        if !missing.isEmpty {
            let delegated = try delegatedTownHalls(draft, dataDirectory: dataDirectory)
            for node in missing {
                let points = delegated[communes[node].code] ?? []
                guard !points.isEmpty else { continue }
                positions[node] = GeoPoint(latitude: points.map(\.latitude).reduce(0, +) / Double(points.count),
                                           longitude: points.map(\.longitude).reduce(0, +) / Double(points.count))
            }
        }
        // The OSRM times as the file gives them (to 0.1 min; the indicator rounds them to the minute).
        let osrmSource = OSRMImporter().source
        let osrmFile = try SourceFolder(url: dataDirectory.appendingPathComponent(osrmSource.id), source: osrmSource)
            .csv("temps_voiture_paris_cog2025.csv", columns: ["code_commune_cog2025", "duree_voiture_paris_min"], key: ["code_commune_cog2025"])
        var osrm = [Double?](repeating: nil, count: draft.communes.count)
        for row in osrmFile.rows {
            guard let commune = draft.communeIndex(row["code_commune_cog2025"]), let minutes = Double(row["duree_voiture_paris_min"]),
                  minutes.isFinite, minutes >= 0 else { continue }
            osrm[commune] = minutes
        }
        let massif = draft.column("massif")
        let category = draft.column("categorie_aav"), size = draft.column("taille_aav")
        var poles: [(code: String, node: Int)] = []
        for (node, commune) in communeOfNode.enumerated() where category[commune] == 11 && (size[commune] ?? 0) >= 3 {
            poles.append((draft.communes[commune].code, node))
        }
        return Inputs(
            communeOfNode: communeOfNode, communeCount: draft.communes.count, codes: communes.map(\.code),
            departements: communes.map(\.departement), positions: positions, hasBoundary: boundaries.map { $0 != nil },
            boundaries: boundaries, areas: geometry.map { $0?.areaKm2 }, populations: communes.map { Double($0.population ?? 0) },
            urbanUnits: urbanUnits, observed: communeOfNode.map { osrm[$0] ?? .nan }, mountain: communeOfNode.map { (massif[$0] ?? 0) > 0 },
            baselinePositions: communes.map(\.position), poles: poles)
    }

    /// The town halls of the communes (of any type) whose code is, or once was, each commune's (`communes.csv`).
    private static func delegatedTownHalls(_ draft: AtlasDraft, dataDirectory: URL) throws -> [String: [GeoPoint]] {
        let source = CommuneListImporter().source
        let file = try SourceFolder(url: dataDirectory.appendingPathComponent(source.id), source: source)
            .csv(CommuneListImporter.communesFile, columns: ["code", "type", "mairie_lat", "mairie_lon"], key: ["code", "type"])
        var byCode: [String: [GeoPoint]] = [:]
        for row in file.rows {
            guard let latitude = Double(row["mairie_lat"]), let longitude = Double(row["mairie_lon"]) else { continue }
            byCode[row["code"], default: []].append(GeoPoint(latitude: latitude, longitude: longitude))
        }
        var result: [String: [GeoPoint]] = [:]
        for commune in draft.communes { result[commune.code] = byCode[commune.code] ?? [] }
        for (old, current) in draft.codeHistory where old != current { result[current, default: []] += byCode[old] ?? [] }
        return result
    }

    /// Builds the graph, cross-validates against the OSRM times to Paris and fits on all of them (or, without them,
    /// takes `reference`), then estimates the minutes from every commune to every pole.
    static func compute(_ inputs: Inputs) -> Computed {
        let start = Date()
        let n = inputs.codes.count
        let knownAreas = inputs.areas.compactMap { $0 }
        let medianArea = Statistics.median(knownAreas) ?? 10
        let nodes = (0..<n).map { node in
            CarTimeNode(position: inputs.positions[node],
                        density: CarTimeNode.density(population: inputs.populations[node], areaKm2: inputs.areas[node] ?? medianArea))
        }
        let corsica = inputs.departements.map { $0 == "2A" || $0 == "2B" }
        let hubs = CarTimeHub.hubs(urbanUnits: inputs.urbanUnits, populations: inputs.populations, positioned: inputs.positions.map { $0 != nil })
        let graph = CarTimeGraph(nodes: nodes, neighbours: CarTimeGeometry.touchingPairs(inputs.boundaries),
                                 withoutBoundary: (0..<n).filter { !inputs.hasBoundary[$0] }, unlinked: corsica, hubs: hubs)
        var validation: CarTimeValidation?
        if let paris = inputs.codes.firstIndex(of: CityPole.parisCode),
           inputs.observed.enumerated().filter({ !$0.element.isNaN && !corsica[$0.offset] && $0.element >= 10 }).count >= 100 {
            validation = CarTimeValidation.run(graph: graph, destination: paris, codes: inputs.codes, departements: inputs.departements,
                                               observed: inputs.observed, mountain: inputs.mountain, excluded: corsica,
                                               baselinePositions: inputs.baselinePositions)
        }
        let model = validation?.model ?? reference
        let estimates = model.minutes(to: inputs.poles.map(\.node), in: graph)
        let minutes = estimates.map { perNode in
            var column = [Float](repeating: .nan, count: inputs.communeCount)
            for (node, commune) in inputs.communeOfNode.enumerated() where !perNode[node].isNaN {
                column[commune] = Float((perNode[node] * 10).rounded() / 10)
            }
            return column
        }
        return Computed(validation: validation, model: model, poles: inputs.poles.map(\.code), minutes: minutes,
                        seconds: Date().timeIntervalSince(start))
    }

    /// Stores what `compute` made.
    static func store(_ computed: Computed, _ writer: any DatabaseWriter) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        var report = computed.validation
        let trips = report?.trips ?? []
        report?.trips = []
        let reportJSON = try report.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        let tripsJSON = String(decoding: try encoder.encode(trips), as: UTF8.self)
        let modelJSON = String(decoding: try encoder.encode(computed.model), as: UTF8.self)
        try writer.write { db in
            for (pole, column) in zip(computed.poles, computed.minutes) {
                try db.execute(sql: "INSERT OR REPLACE INTO car_time (pole, minutes) VALUES (?, ?)", arguments: [pole, packed(column)])
            }
            try db.execute(sql: "INSERT OR REPLACE INTO car_time_validation (key, json) VALUES ('model', ?)", arguments: [modelJSON])
            try db.execute(sql: "INSERT OR REPLACE INTO atlas_info (key, value) VALUES ('car_time_seconds', ?)",
                           arguments: [String(format: "%.2f", computed.seconds)])
            if let reportJSON {
                try db.execute(sql: "INSERT OR REPLACE INTO car_time_validation (key, json) VALUES (?, ?), (?, ?)",
                               arguments: [reportKey, reportJSON, tripsKey, tripsJSON])
            }
        }
    }

    /// Stores a cross-validation (and its model) into the atlas file at `path`, replacing the stored one: for tests
    /// and tools that validate another way. The estimates are left as they are.
    static func store(_ validation: CarTimeValidation, intoAtlasAt path: String) throws {
        let queue = try DatabaseQueue(path: path)
        try store(Computed(validation: validation, model: validation.model, poles: [], minutes: []), queue)
        try queue.close()
    }

    /// Float32 values as little-endian bytes.
    static func packed(_ values: [Float]) -> Data {
        var data = Data(capacity: values.count * 4)
        for value in values { withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) } }
        return data
    }

    /// Little-endian Float32 bytes as values.
    static func unpacked(_ data: Data) -> [Float] {
        data.withUnsafeBytes { raw in
            (0..<(raw.count / 4)).map { Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self))) }
        }
    }

    /// The tables, created by the migration `car-times` (an atlas built before has none: no estimate then).
    static func createTables(_ db: Database) throws {
        try db.create(table: "car_time") { t in
            t.primaryKey("pole", .text)
            t.column("minutes", .blob).notNull()
        }
        try db.create(table: "car_time_validation") { t in
            t.primaryKey("key", .text)
            t.column("json", .text).notNull()
        }
    }
}

extension AtlasDatabase {
    /// The cross-validation of the car-time estimator stored at build, with its held-out trips when `trips`; `nil` when
    /// the atlas has none (built before the estimator, or without OSRM times).
    public func carTimeValidation(trips: Bool = false) throws -> CarTimeValidation? {
        try reader.read { db -> CarTimeValidation? in
            guard try db.tableExists("car_time_validation"),
                  let json = try String.fetchOne(db, sql: "SELECT json FROM car_time_validation WHERE key = ?", arguments: [StoredCarTimes.reportKey])
            else { return nil }
            let decoder = JSONDecoder()
            decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
            var report = try decoder.decode(CarTimeValidation.self, from: Data(json.utf8))
            if trips, let rows = try String.fetchOne(db, sql: "SELECT json FROM car_time_validation WHERE key = ?", arguments: [StoredCarTimes.tripsKey]) {
                report.trips = try decoder.decode([CarTimeValidation.Trip].self, from: Data(rows.utf8))
            }
            return report
        }
    }

    /// The stored car-time estimates from `communes` (by INSEE code, in this order) to every big city but Paris, with
    /// the estimator's held-out error; `.none` when the atlas stores none.
    public func carTimes(for communes: [Commune]) throws -> CarTimes {
        let error = try carTimeValidation()?.typicalErrorPercent
        return try reader.read { db -> CarTimes in
            guard try db.tableExists("car_time") else { return .none }
            var rowOfCode: [String: Int] = [:]
            let codes = try String.fetchAll(db, sql: "SELECT code FROM commune ORDER BY rowid")
            for (row, code) in codes.enumerated() { rowOfCode[code] = row }
            let rows = communes.map { rowOfCode[$0.code] }
            var minutes: [String: [Float]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT pole, minutes FROM car_time") {
                let pole: String = row["pole"]
                guard pole != CityPole.parisCode else { continue }
                let all = StoredCarTimes.unpacked(row["minutes"])
                minutes[pole] = rows.map { row in row.flatMap { all.indices.contains($0) ? all[$0] : nil } ?? .nan }
            }
            return CarTimes(minutes: minutes, typicalErrorPercent: error)
        }
    }
}
