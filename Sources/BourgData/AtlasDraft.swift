import BourgCore
import Foundation

/// The atlas being built, in memory: the communes of COG 2025 and every indicator value the importers set.
/// `AtlasBuilder` fills it source by source, then `AtlasDatabase` writes it to SQLite in one transaction.
public struct AtlasDraft: Sendable {
    /// Every commune of type COM, in the order of the reference list.
    public internal(set) var communes: [Commune]
    /// Simplified boundary (GeoJSON geometry text) by commune code.
    public internal(set) var boundaries: [String: String] = [:]
    /// The same boundaries decoded, for the map layers computed at build time (not stored as such).
    var boundaryShapes: [String: Boundary] = [:]
    /// Département outlines for maps, computed once all communes are known.
    public internal(set) var outlines: [DepartementOutline] = []
    public internal(set) var stations: [Station] = []
    public internal(set) var catalogue: [IndicatorDefinition] = []
    public internal(set) var provenance: [Provenance] = []

    let indexByCode: [String: Int]
    /// Historic INSEE code → COG 2025 code (from `insee-zonages-cog2025`).
    var codeHistory: [String: String] = [:]
    /// Bassin de vie 2022 code of each commune (from `insee-zonages-cog2025`).
    var bassinDeVie: [String?]
    private var values: [String: [Double?]] = [:]

    init(communes: [Commune]) {
        self.communes = communes
        var index: [String: Int] = [:]
        for (position, commune) in communes.enumerated() { index[commune.code] = position }
        indexByCode = index
        bassinDeVie = Array(repeating: nil, count: communes.count)
    }

    // MARK: Codes

    /// The position of the COG 2025 commune a code designates: the code itself, or, for an older code
    /// (a merged commune, a municipal arrondissement), the commune it belongs to now.
    public func communeIndex(_ code: String) -> Int? {
        if let index = indexByCode[code] { return index }
        if let current = codeHistory[code] { return indexByCode[current] }
        return nil
    }

    // MARK: Indicators

    /// Adds indicator definitions to the catalogue.
    mutating func declare(_ definitions: [IndicatorDefinition]) {
        for definition in definitions {
            precondition(values[definition.id] == nil, "indicator \(definition.id) declared twice")
            catalogue.append(definition)
            values[definition.id] = Array(repeating: nil, count: communes.count)
        }
    }

    /// The value of an indicator for a commune, if set.
    public func value(_ indicator: String, _ commune: Int) -> Double? {
        guard let column = values[indicator] else { preconditionFailure("unknown indicator \(indicator)") }
        return column[commune]
    }

    /// Every commune's value of an indicator (`nil` = missing).
    public func column(_ indicator: String) -> [Double?] {
        guard let column = values[indicator] else { preconditionFailure("unknown indicator \(indicator)") }
        return column
    }

    /// Sets a value that the source gives once per commune; a second value for the same commune is an error
    /// (a duplicated code; sources with older codes go through `SourceFile.rowsByCommune`).
    mutating func set(_ indicator: String, _ commune: Int, _ value: Double?, row: CSVRow? = nil, column: String = "") throws {
        guard values[indicator] != nil else { preconditionFailure("unknown indicator \(indicator)") }
        if values[indicator]![commune] != nil {
            let message = "commune \(communes[commune].code) (\(communes[commune].name)) already has a value for '\(indicator)': duplicated commune code?"
            if let row { throw row.error(column, message) }
            throw DataBuildError(.inconsistentData, file: indicator, message: message)
        }
        values[indicator]![commune] = value.flatMap { $0.isFinite ? $0 : nil }
    }

    /// Overwrites a value (for values computed from the draft itself, such as distances).
    mutating func replace(_ indicator: String, _ commune: Int, _ value: Double?) {
        guard values[indicator] != nil else { preconditionFailure("unknown indicator \(indicator)") }
        values[indicator]![commune] = value.flatMap { $0.isFinite ? $0 : nil }
    }

    /// Sets every commune that has no value yet to `value`: for sources whose list is exhaustive, where
    /// absence means zero (e.g. a commune with no France Services site). Only communes that `include` accepts.
    mutating func fillMissing(_ indicator: String, with value: Double, where include: (Commune) -> Bool = { _ in true }) {
        guard values[indicator] != nil else { preconditionFailure("unknown indicator \(indicator)") }
        for (position, commune) in communes.enumerated() where values[indicator]![position] == nil && include(commune) {
            values[indicator]![position] = value
        }
    }

    /// Every value as one row-major matrix (communes in draft order, indicators in catalogue order, NaN = missing):
    /// what `indicator_matrix` stores.
    func packedValues() -> [Double] {
        let width = catalogue.count
        var packed = [Double](repeating: .nan, count: communes.count * width)
        for (column, definition) in catalogue.enumerated() {
            for (row, value) in values[definition.id]!.enumerated() {
                if let value { packed[row * width + column] = value }
            }
        }
        return packed
    }

    /// The indicator values that are set, as (commune code, indicator id, value).
    func storedValues() -> [(commune: String, indicator: String, value: Double)] {
        var result: [(String, String, Double)] = []
        forEachStoredValue { commune, indicator, value in result.append((communes[commune].code, catalogue[indicator].id, value)) }
        return result
    }

    /// Every value present, commune by commune (in `communes` order), each commune's in catalogue order: the key
    /// order of the long table, which is then written by appending (no page split).
    func forEachStoredValue(_ body: (_ commune: Int, _ indicator: Int, _ value: Double) throws -> Void) rethrows {
        let columns = catalogue.map { values[$0.id]! }
        for commune in communes.indices {
            for (indicator, column) in columns.enumerated() {
                if let value = column[commune] { try body(commune, indicator, value) }
            }
        }
    }

    /// `count` per `per` inhabitants (2021 population) of a commune; `nil` without a count or a population.
    public func rate(_ count: Double?, commune: Int, per: Double) -> Double? {
        guard let count, let population = communes[commune].population, population > 0 else { return nil }
        return count / Double(population) * per
    }

    // MARK: Distances

    /// For each commune, the great-circle distance (km) from its town hall to the town hall of the nearest
    /// commune for which `has` is true (0 when the commune itself has it), within the same territory
    /// (mainland, Corsica, each overseas département). `nil` when the commune has no position or its
    /// territory has no such commune.
    public func distancesToNearestCommune(where has: [Bool]) -> [Double?] {
        let points: [(Territory, GeoPoint)] = communes.indices.compactMap { index in
            guard has[index], let position = communes[index].position else { return nil }
            return (communes[index].territory, position)
        }
        return distancesToNearest(points)
    }

    /// For each commune, the great-circle distance (km, to 0.1 km) from its town hall to the nearest of `points`
    /// in the same territory; `nil` where there is none.
    public func distancesToNearest(_ points: [(Territory, GeoPoint)]) -> [Double?] {
        NearestPointIndex.distances(from: communes, to: points).map { ImporterSupport.rounded($0, 1) }
    }

    // MARK: Communes and provenance

    mutating func updateCommune(_ index: Int, _ update: (inout Commune) -> Void) {
        update(&communes[index])
    }

    mutating func setBoundary(_ code: String, geometry: String, shape: Boundary) {
        boundaries[code] = geometry
        boundaryShapes[code] = shape
    }

    mutating func setStations(_ stations: [Station]) {
        self.stations = stations
    }

    mutating func record(_ provenance: Provenance) {
        self.provenance.append(provenance)
    }
}

/// A passenger railway station (SNCF).
public struct Station: Codable, Sendable, Hashable, Identifiable {
    /// SNCF station UUID.
    public var id: String
    public var name: String
    public var communeCode: String
    public var latitude: Double
    public var longitude: Double
    /// DRG segment: A national, B regional, C local interest.
    public var segment: String?
    public var passengers2024: Int?
    public var passengers2019: Int?
    /// Served by TGV INOUI or Intercités (TGVmax list, 2023).
    public var longDistance: Bool

    public init(id: String, name: String, communeCode: String, latitude: Double, longitude: Double,
                segment: String?, passengers2024: Int?, passengers2019: Int?, longDistance: Bool) {
        self.id = id
        self.name = name
        self.communeCode = communeCode
        self.latitude = latitude
        self.longitude = longitude
        self.segment = segment
        self.passengers2024 = passengers2024
        self.passengers2019 = passengers2019
        self.longDistance = longDistance
    }
}
