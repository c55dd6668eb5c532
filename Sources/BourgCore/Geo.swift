import Foundation

/// A WGS84 position in degrees.
public struct GeoPoint: Codable, Sendable, Hashable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Mean Earth radius (IUGG), in kilometres.
    public static let earthRadiusKm = 6_371.0088

    /// Great-circle (haversine) distance in kilometres.
    public func distanceKm(to other: GeoPoint) -> Double {
        let lat1 = latitude * .pi / 180, lat2 = other.latitude * .pi / 180
        let dLat = lat2 - lat1
        let dLon = (other.longitude - longitude) * .pi / 180
        let a = sin(dLat / 2) * sin(dLat / 2) + cos(lat1) * cos(lat2) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * GeoPoint.earthRadiusKm * asin(min(1, a.squareRoot()))
    }
}

/// Finds the nearest of a fixed set of points, using a grid of cells of `cellDegrees` so that a query
/// looks at the few cells around it rather than at every point.
public struct NearestPointIndex: Sendable {
    private let cellDegrees: Double
    private var cells: [CellKey: [Int]] = [:]
    private let points: [GeoPoint]

    private struct CellKey: Hashable, Sendable {
        var row: Int
        var column: Int
    }

    public init(points: [GeoPoint], cellDegrees: Double = 0.25) {
        self.points = points
        self.cellDegrees = cellDegrees
        for (index, point) in points.enumerated() {
            cells[key(point), default: []].append(index)
        }
    }

    public var isEmpty: Bool { points.isEmpty }

    private func key(_ point: GeoPoint) -> CellKey {
        CellKey(row: Int((point.latitude / cellDegrees).rounded(.down)),
                column: Int((point.longitude / cellDegrees).rounded(.down)))
    }

    /// The index (in `points`) and distance of the point nearest to `query`, or `nil` when there are none.
    public func nearest(to query: GeoPoint) -> (index: Int, distanceKm: Double)? {
        guard !points.isEmpty else { return nil }
        let centre = key(query)
        // Kilometres covered by one cell, at the narrowest (longitude) side near the query.
        let kmPerCellLat = cellDegrees * .pi / 180 * GeoPoint.earthRadiusKm
        let kmPerCellLon = kmPerCellLat * max(0.05, cos(min(89, abs(query.latitude) + cellDegrees) * .pi / 180))
        var best: (index: Int, distanceKm: Double)?
        var ring = 0
        while true {
            for row in (centre.row - ring)...(centre.row + ring) {
                for column in (centre.column - ring)...(centre.column + ring)
                where abs(row - centre.row) == ring || abs(column - centre.column) == ring {
                    guard let members = cells[CellKey(row: row, column: column)] else { continue }
                    for index in members {
                        let distance = query.distanceKm(to: points[index])
                        if best == nil || distance < best!.distanceKm { best = (index, distance) }
                    }
                }
            }
            // Every point outside the rings seen so far is at least `ring` whole cells away.
            if let best, best.distanceKm <= Double(ring) * min(kmPerCellLat, kmPerCellLon) { return best }
            ring += 1
            if ring > 2_000 { return best }
        }
    }
}

extension NearestPointIndex {
    /// For each commune, the great-circle distance (km) from its position to the nearest of `points` on the
    /// same land mass (`Territory`); `nil` where the commune has no position or its territory has no point.
    public static func distances(from communes: [Commune], to points: [(Territory, GeoPoint)]) -> [Double?] {
        let indexes = Dictionary(grouping: points, by: \.0).mapValues { NearestPointIndex(points: $0.map(\.1)) }
        return communes.map { commune in
            guard let position = commune.position, let index = indexes[commune.territory] else { return nil }
            return index.nearest(to: position)?.distanceKm
        }
    }
}
