/// Outlines of groups of communes (départements, a région…) drawn from the communes' own boundaries:
/// an edge shared by two communes of the same group is inside it; the edges left are its outline.
/// This relies on neighbouring boundaries sharing their vertices exactly (true of the COG boundaries used).
public enum Outlines {
    /// A vertex on a 10⁻⁵ degree grid (≈ 1 m), so that shared vertices compare equal.
    struct Vertex: Hashable {
        var longitude: Int64
        var latitude: Int64

        init(_ point: GeoPoint) {
            longitude = Int64((point.longitude * 100_000).rounded())
            latitude = Int64((point.latitude * 100_000).rounded())
        }

        var point: GeoPoint { GeoPoint(latitude: Double(latitude) / 100_000, longitude: Double(longitude) / 100_000) }
    }

    struct Edge: Hashable {
        var a: Vertex
        var b: Vertex

        /// The same key whatever the direction.
        init(_ first: Vertex, _ second: Vertex) {
            if (first.longitude, first.latitude) < (second.longitude, second.latitude) {
                a = first
                b = second
            } else {
                a = second
                b = first
            }
        }
    }

    /// The outline of the union of `boundaries`, as polylines (closed ones start and end on the same point).
    public static func outline(of boundaries: [Boundary]) -> [[GeoPoint]] {
        var counts: [Edge: Int] = [:]
        for boundary in boundaries {
            for polygon in boundary.polygons {
                for ring in polygon {
                    let vertices = ring.map(Vertex.init)
                    for (first, second) in zip(vertices, vertices.dropFirst()) where first != second {
                        counts[Edge(first, second), default: 0] += 1
                    }
                }
            }
        }
        // Chain the edges seen once into polylines.
        var neighbours: [Vertex: [Vertex]] = [:]
        for (edge, count) in counts where count == 1 {
            neighbours[edge.a, default: []].append(edge.b)
            neighbours[edge.b, default: []].append(edge.a)
        }
        var used: Set<Edge> = []
        var lines: [[GeoPoint]] = []
        // Start from vertices of odd degree first (open lines), then from any vertex left (rings).
        let starts = neighbours.keys.sorted { (neighbours[$0]!.count % 2, $0.longitude, $0.latitude) > (neighbours[$1]!.count % 2, $1.longitude, $1.latitude) }
        for start in starts {
            while let next = neighbours[start]?.first(where: { !used.contains(Edge(start, $0)) }) {
                var line = [start, next]
                used.insert(Edge(start, next))
                var current = next
                while let following = neighbours[current]?.first(where: { !used.contains(Edge(current, $0)) }) {
                    used.insert(Edge(current, following))
                    line.append(following)
                    current = following
                    if current == start { break }
                }
                lines.append(line.map(\.point))
            }
        }
        return lines
    }

    /// Douglas–Peucker simplification of a projected polyline: keeps the points farther than `tolerance`
    /// (same unit as the points) from the simplified line. The first and last points are always kept.
    public static func simplify(_ points: [PlanePoint], tolerance: Double) -> [PlanePoint] {
        guard points.count > 2 else { return points }
        var keep = [Bool](repeating: false, count: points.count)
        keep[0] = true
        keep[points.count - 1] = true
        var stack = [(0, points.count - 1)]
        while let (first, last) = stack.popLast() {
            guard last > first + 1 else { continue }
            var farthest = first, distance = 0.0
            for index in (first + 1)..<last {
                let d = perpendicularDistance(points[index], points[first], points[last])
                if d > distance {
                    distance = d
                    farthest = index
                }
            }
            if distance > tolerance {
                keep[farthest] = true
                stack.append((first, farthest))
                stack.append((farthest, last))
            }
        }
        return points.indices.filter { keep[$0] }.map { points[$0] }
    }

    static func perpendicularDistance(_ p: PlanePoint, _ a: PlanePoint, _ b: PlanePoint) -> Double {
        let dx = b.x - a.x, dy = b.y - a.y
        let length = (dx * dx + dy * dy).squareRoot()
        guard length > 0 else { return ((p.x - a.x) * (p.x - a.x) + (p.y - a.y) * (p.y - a.y)).squareRoot() }
        return abs(dy * p.x - dx * p.y + b.x * a.y - b.y * a.x) / length
    }
}
