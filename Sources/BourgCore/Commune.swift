/// A commune of the Code officiel géographique (COG 2025), with its identity and size.
public struct Commune: Codable, Sendable, Hashable, Identifiable {
    /// INSEE code as a string: `01004`, `2A004`.
    public var code: String
    public var name: String
    public var departement: String
    public var departementName: String?
    public var region: String?
    public var regionName: String?
    /// SIREN of the EPCI (intercommunalité).
    public var epci: String?
    public var epciName: String?
    /// Municipal population 2021 (INSEE legal population).
    public var population: Int?
    /// Municipal population 2015, for growth.
    public var population2015: Int?
    /// Area in km², from the simplified boundary.
    public var areaKm2: Double?
    /// Town-hall position (WGS84), or the boundary's centre when the town hall is unknown.
    public var latitude: Double?
    public var longitude: Double?

    public var id: String { code }

    public init(
        code: String, name: String, departement: String, departementName: String? = nil,
        region: String? = nil, regionName: String? = nil, epci: String? = nil, epciName: String? = nil,
        population: Int? = nil, population2015: Int? = nil, areaKm2: Double? = nil,
        latitude: Double? = nil, longitude: Double? = nil
    ) {
        self.code = code
        self.name = name
        self.departement = departement
        self.departementName = departementName
        self.region = region
        self.regionName = regionName
        self.epci = epci
        self.epciName = epciName
        self.population = population
        self.population2015 = population2015
        self.areaKm2 = areaKm2
        self.latitude = latitude
        self.longitude = longitude
    }

    /// The town-hall position, when known.
    public var position: GeoPoint? {
        guard let latitude, let longitude else { return nil }
        return GeoPoint(latitude: latitude, longitude: longitude)
    }

    /// The land mass the commune is on; distances to the nearest equipment are measured within it.
    public var territory: Territory { Territory(departement: departement) }

    /// Whether the commune is a small town: 2,500 to 25,000 inhabitants in 2021.
    public var isSmallTown: Bool { SizeRange.smallTowns.contains(population) }
}

/// A range of 2021 populations, bounds included.
public struct SizeRange: Codable, Sendable, Hashable {
    public var minimum: Int
    public var maximum: Int

    public init(minimum: Int, maximum: Int) {
        self.minimum = minimum
        self.maximum = maximum
    }

    /// Bourg's default peer group: small towns of 2,500 to 25,000 inhabitants.
    public static let smallTowns = SizeRange(minimum: 2_500, maximum: 25_000)

    public func contains(_ population: Int?) -> Bool {
        guard let population else { return false }
        return population >= minimum && population <= maximum
    }
}

/// A land mass: mainland France, Corsica, or one overseas département.
/// Straight-line distances to equipment never cross the sea between two territories.
public enum Territory: Hashable, Sendable {
    case mainland
    case corsica
    case overseas(String)

    /// Whether the territory is an overseas département.
    public var isOverseas: Bool {
        if case .overseas = self { return true }
        return false
    }

    public init(departement: String) {
        if departement == "2A" || departement == "2B" {
            self = .corsica
        } else if departement.count == 3 {
            self = .overseas(departement)
        } else {
            self = .mainland
        }
    }
}

/// The latitude/longitude box a territory's land lies in (WGS84 degrees, with a margin of a few kilometres).
public struct TerritoryBounds: Sendable, Hashable {
    public var latitudes: ClosedRange<Double>
    public var longitudes: ClosedRange<Double>

    public func contains(_ point: GeoPoint) -> Bool {
        latitudes.contains(point.latitude) && longitudes.contains(point.longitude)
    }

    /// The greatest straight-line distance between two corners of the box: at a territory's scale, no distance
    /// between two of its places exceeds it.
    public var diagonalKm: Double {
        let corners = [latitudes.lowerBound, latitudes.upperBound].flatMap { latitude in
            [longitudes.lowerBound, longitudes.upperBound].map { GeoPoint(latitude: latitude, longitude: $0) }
        }
        return corners.flatMap { a in corners.map { a.distanceKm(to: $0) } }.max() ?? 0
    }
}

extension Territory {
    /// The box the territory's communes lie in; `nil` for an overseas code Bourg does not know.
    public var bounds: TerritoryBounds? {
        switch self {
        case .mainland: TerritoryBounds(latitudes: 42.3...51.15, longitudes: -5.2...8.3)
        case .corsica: TerritoryBounds(latitudes: 41.3...43.1, longitudes: 8.5...9.6)
        case .overseas("971"): TerritoryBounds(latitudes: 15.8...16.55, longitudes: -61.85 ... -60.95)
        case .overseas("972"): TerritoryBounds(latitudes: 14.35...14.9, longitudes: -61.25 ... -60.8)
        case .overseas("973"): TerritoryBounds(latitudes: 2.1...5.8, longitudes: -54.65 ... -51.6)
        case .overseas("974"): TerritoryBounds(latitudes: -21.4 ... -20.85, longitudes: 55.2...55.85)
        case .overseas("976"): TerritoryBounds(latitudes: -13.05 ... -12.6, longitudes: 45.0...45.35)
        case .overseas: nil
        }
    }
}
