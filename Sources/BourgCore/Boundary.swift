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

extension Boundary {
    /// Whether `point` lies inside the boundary (inside an outer ring and outside its holes; even–odd rule).
    public func contains(_ point: GeoPoint) -> Bool {
        polygons.contains { rings in
            guard let outer = rings.first, Self.ring(outer, contains: point) else { return false }
            return !rings.dropFirst().contains { Self.ring($0, contains: point) }
        }
    }

    /// Distance in km from `point` to the boundary: 0 inside, else to the nearest edge (local plane, exact enough
    /// for the few kilometres that matter here).
    public func distanceKm(to point: GeoPoint) -> Double {
        if contains(point) { return 0 }
        var best = Double.infinity
        for rings in polygons {
            for ring in rings { best = min(best, Self.distanceKm(from: point, toRing: ring)) }
        }
        return best
    }

    /// A point well inside the largest polygon: its area centroid when that lies inside, else an approximation of
    /// the pole of inaccessibility (the inside point farthest from every edge) by successively finer grids.
    public var interiorPoint: GeoPoint? {
        guard let rings = polygons.max(by: { Boundary.ringAreaKm2($0.first ?? []) < Boundary.ringAreaKm2($1.first ?? []) }),
              let outer = rings.first, outer.count > 2 else { return nil }
        let polygon = Boundary(polygons: [rings])
        if let centroid = Self.centroid(outer), polygon.contains(centroid) { return centroid }
        var minLat = outer.map(\.latitude).min()!, maxLat = outer.map(\.latitude).max()!
        var minLon = outer.map(\.longitude).min()!, maxLon = outer.map(\.longitude).max()!
        var best: (point: GeoPoint, clearance: Double)?
        for _ in 0..<4 {
            let steps = 16
            for row in 0...steps {
                for column in 0...steps {
                    let candidate = GeoPoint(latitude: minLat + (maxLat - minLat) * Double(row) / Double(steps),
                                             longitude: minLon + (maxLon - minLon) * Double(column) / Double(steps))
                    guard polygon.contains(candidate) else { continue }
                    let clearance = rings.map { Self.distanceKm(from: candidate, toRing: $0) }.min() ?? 0
                    if best == nil || clearance > best!.clearance { best = (candidate, clearance) }
                }
            }
            guard let found = best else { break }
            // Zoom on the best cell's neighbourhood.
            let halfLat = (maxLat - minLat) / 8, halfLon = (maxLon - minLon) / 8
            (minLat, maxLat) = (found.point.latitude - halfLat, found.point.latitude + halfLat)
            (minLon, maxLon) = (found.point.longitude - halfLon, found.point.longitude + halfLon)
        }
        return best?.point ?? outer.first
    }

    /// Even–odd ray casting on longitude/latitude.
    static func ring(_ ring: [GeoPoint], contains point: GeoPoint) -> Bool {
        var inside = false
        var previous = ring.count - 1
        for current in ring.indices {
            let a = ring[current], b = ring[previous]
            if (a.latitude > point.latitude) != (b.latitude > point.latitude) {
                let longitude = (b.longitude - a.longitude) * (point.latitude - a.latitude) / (b.latitude - a.latitude) + a.longitude
                if point.longitude < longitude { inside.toggle() }
            }
            previous = current
        }
        return inside
    }

    /// Distance in km from a point to the nearest edge of a ring, in a plane tangent at the point.
    static func distanceKm(from point: GeoPoint, toRing ring: [GeoPoint]) -> Double {
        guard ring.count > 1 else { return ring.first.map { point.distanceKm(to: $0) } ?? .infinity }
        let kmPerDegree = .pi / 180 * GeoPoint.earthRadiusKm
        let scale = cos(point.latitude * .pi / 180)
        func plane(_ p: GeoPoint) -> (x: Double, y: Double) {
            ((p.longitude - point.longitude) * scale * kmPerDegree, (p.latitude - point.latitude) * kmPerDegree)
        }
        var best = Double.infinity
        var a = plane(ring[ring.count - 1])
        for vertex in ring {
            let b = plane(vertex)
            let dx = b.x - a.x, dy = b.y - a.y
            let length = dx * dx + dy * dy
            let t = length > 0 ? max(0, min(1, -(a.x * dx + a.y * dy) / length)) : 0
            let x = a.x + t * dx, y = a.y + t * dy
            best = min(best, (x * x + y * y).squareRoot())
            a = b
        }
        return best
    }

    /// Area centroid of a ring (planar on longitude/latitude, fine at a commune's scale).
    static func centroid(_ ring: [GeoPoint]) -> GeoPoint? {
        var area = 0.0, x = 0.0, y = 0.0
        var previous = ring[ring.count - 1]
        for current in ring {
            let cross = previous.longitude * current.latitude - current.longitude * previous.latitude
            area += cross
            x += (previous.longitude + current.longitude) * cross
            y += (previous.latitude + current.latitude) * cross
            previous = current
        }
        guard abs(area) > 1e-15 else { return nil }
        return GeoPoint(latitude: y / (3 * area), longitude: x / (3 * area))
    }
}
