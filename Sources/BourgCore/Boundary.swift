import Foundation

/// A commune's outline: one or more polygons, each an outer ring followed by its holes (WGS84).
public struct Boundary: Sendable, Hashable {
    /// Polygons; in each, the first ring is the outline and the others are holes.
    public var polygons: [[[GeoPoint]]]

    public init(polygons: [[[GeoPoint]]]) {
        self.polygons = polygons
    }

    /// Area on the sphere, in km² (outer rings minus holes).
    public var areaKm2: Double {
        polygons.reduce(0) { total, rings in
            guard let outer = rings.first else { return total }
            return total + Boundary.ringAreaKm2(outer) - rings.dropFirst().reduce(0) { $0 + Boundary.ringAreaKm2($1) }
        }
    }

    /// The mean of the outline's vertices of the largest polygon: a fallback centre when no town hall is known.
    public var centre: GeoPoint? {
        let largest = polygons.compactMap(\.first).max { Boundary.ringAreaKm2($0) < Boundary.ringAreaKm2($1) }
        guard let ring = largest, !ring.isEmpty else { return nil }
        let latitude = ring.reduce(0) { $0 + $1.latitude } / Double(ring.count)
        let longitude = ring.reduce(0) { $0 + $1.longitude } / Double(ring.count)
        return GeoPoint(latitude: latitude, longitude: longitude)
    }

    /// Area of one ring on the sphere (Chamberlain & Duquette, "Some algorithms for polygons on a sphere", 2007).
    public static func ringAreaKm2(_ ring: [GeoPoint]) -> Double {
        let count = ring.count
        guard count > 2 else { return 0 }
        var sum = 0.0
        for index in 0..<count {
            let previous = ring[(index + count - 1) % count]
            let next = ring[(index + 1) % count]
            sum += (next.longitude - previous.longitude) * .pi / 180 * sin(ring[index].latitude * .pi / 180)
        }
        return abs(sum) * GeoPoint.earthRadiusKm * GeoPoint.earthRadiusKm / 2
    }
}
