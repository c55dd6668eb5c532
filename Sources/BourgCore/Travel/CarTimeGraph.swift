import Foundation

/// A commune as the car-time estimator sees it: where it is and how densely it is built up.
public struct CarTimeNode: Sendable, Hashable {
    /// Area-weighted centroid of its boundary (else its town hall); `nil` when unknown (it then gets no estimate).
    public var position: GeoPoint?
    /// log10 of inhabitants per km² (population at least 1, area at least 0.05 km²).
    public var density: Double

    public init(position: GeoPoint?, density: Double) {
        self.position = position
        self.density = density
    }

    /// log10(max(population, 1) / max(area, 0.05 km²)).
    public static func density(population: Double, areaKm2: Double) -> Double {
        log10(max(population, 1) / max(areaKm2, 0.05))
    }
}

/// A hub of the estimator's road network: the most populous commune of an unité urbaine of ≥ 20,000 inhabitants;
/// hubs less than 80 km apart are joined by "corridor" edges (the fast roads between towns).
public struct CarTimeHub: Sendable, Hashable {
    /// The node (commune) of the hub.
    public var node: Int
    /// log10(max(population of its unité urbaine, 10,000)) − 5: 0 for 100,000 inhabitants.
    public var size: Double

    public init(node: Int, size: Double) {
        self.node = node
        self.size = size
    }

    /// The hubs: in each unité urbaine (`urbanUnits[i]`, codes ending in "000" = outside any) whose summed population
    /// reaches `minimumPopulation`, its most populous positioned commune (ties: the first). In node order.
    public static func hubs(urbanUnits: [String?], populations: [Double], positioned: [Bool],
                            minimumPopulation: Double = 20_000) -> [CarTimeHub] {
        var total: [String: Double] = [:]
        for (unit, population) in zip(urbanUnits, populations) {
            guard let unit, !unit.hasSuffix("000") else { continue }
            total[unit, default: 0] += population
        }
        var best: [String: Int] = [:]
        for node in urbanUnits.indices where positioned[node] {
            guard let unit = urbanUnits[node], let sum = total[unit], sum >= minimumPopulation else { continue }
            if let current = best[unit], populations[current] >= populations[node] { continue }
            best[unit] = node
        }
        return best.map { unit, node in CarTimeHub(node: node, size: log10(max(total[unit]!, 10_000)) - 5) }
            .sorted { $0.node < $1.node }
    }
}

/// The graph on which the car-time estimator runs: one node per commune, "local" edges between neighbouring
/// communes, "corridor" edges between hubs. Every edge carries the features its cost is linear in
/// (`CarTimeModel.edgeFeatureCount`): local (length, length × mean density, 0, 0, 0), corridor
/// (0, 0, length, 1, length × smaller hub size). Lengths are great-circle km between node positions, at least 0.2.
public struct CarTimeGraph: Sendable {
    /// How many features an edge has.
    public static let edgeFeatureCount = 5
    /// Hubs closer than this (km, straight line) are joined by a corridor.
    public static let corridorReachKm = 80.0

    public let nodes: [CarTimeNode]
    /// Edge ends.
    public let edgeA: [Int32], edgeB: [Int32]
    /// Edge lengths, km.
    public let lengths: [Double]
    /// Edge features, `edgeFeatureCount` per edge.
    public let features: [Double]
    /// How many edges are local (they come first; corridors follow).
    public let localEdgeCount: Int
    /// Adjacency (both directions): the arcs of node `i` are `arcStart[i] ..< arcStart[i + 1]`.
    let arcStart: [Int32], arcNode: [Int32], arcEdge: [Int32]

    /// Builds the graph. `neighbours`: pairs of nodes whose boundaries touch. Nodes in `withoutBoundary` (positioned)
    /// are joined to their 4 nearest nodes; then every group of nodes cut off from the largest one (an island) is joined
    /// by one edge, its shortest, to the largest group, unless it holds a node of `unlinked` (Corsica: no estimate).
    public init(nodes: [CarTimeNode], neighbours: [(Int, Int)], withoutBoundary: [Int], unlinked: [Bool], hubs: [CarTimeHub]) {
        self.nodes = nodes
        let n = nodes.count
        let positions = nodes.map(\.position)
        func key(_ a: Int, _ b: Int) -> Int { min(a, b) * n + max(a, b) }
        var pairs = Set<Int>()
        for (a, b) in neighbours where a != b { pairs.insert(key(a, b)) }
        for node in withoutBoundary {
            guard let here = positions[node] else { continue }
            var nearest: [(Double, Int)] = []
            for other in 0..<n where other != node {
                guard let there = positions[other] else { continue }
                let distance = here.distanceKm(to: there)
                if nearest.count < 4 || distance < nearest[3].0 {
                    nearest.append((distance, other))
                    nearest.sort { $0 < $1 }
                    if nearest.count > 4 { nearest.removeLast() }
                }
            }
            for (_, other) in nearest { pairs.insert(key(node, other)) }
        }
        // Islands: components other than the largest, joined by their shortest link to it.
        var component = [Int](repeating: -1, count: n)
        var adjacency = [[Int]](repeating: [], count: n)
        for pair in pairs { adjacency[pair / n].append(pair % n); adjacency[pair % n].append(pair / n) }
        var sizes: [Int] = []
        for start in 0..<n where component[start] < 0 {
            let label = sizes.count
            var stack = [start], size = 0
            component[start] = label
            while let node = stack.popLast() {
                size += 1
                for next in adjacency[node] where component[next] < 0 {
                    component[next] = label
                    stack.append(next)
                }
            }
            sizes.append(size)
        }
        if let main = sizes.indices.max(by: { sizes[$0] < sizes[$1] }) {
            var members = [[Int]](repeating: [], count: sizes.count)
            for node in 0..<n { members[component[node]].append(node) }
            let mainNodes = members[main].filter { positions[$0] != nil }
            for (label, group) in members.enumerated() where label != main {
                guard group.contains(where: { positions[$0] != nil }), !group.contains(where: { unlinked[$0] }) else { continue }
                var best: (distance: Double, from: Int, to: Int)?
                for from in group {
                    guard let here = positions[from] else { continue }
                    for to in mainNodes {
                        let distance = here.distanceKm(to: positions[to]!)
                        if best == nil || distance < best!.distance { best = (distance, from, to) }
                    }
                }
                if let best { pairs.insert(key(best.from, best.to)) }
            }
        }
        var edgeA: [Int32] = [], edgeB: [Int32] = [], lengths: [Double] = [], features: [Double] = []
        for pair in pairs.sorted() {
            let a = pair / n, b = pair % n
            guard let pa = positions[a], let pb = positions[b] else { continue }
            let length = max(pa.distanceKm(to: pb), 0.2)
            edgeA.append(Int32(a)); edgeB.append(Int32(b)); lengths.append(length)
            features += [length, length * (nodes[a].density + nodes[b].density) / 2, 0, 0, 0]
        }
        localEdgeCount = lengths.count
        for (i, first) in hubs.enumerated() {
            guard let pa = positions[first.node] else { continue }
            for second in hubs[(i + 1)...] {
                guard let pb = positions[second.node] else { continue }
                let crow = pa.distanceKm(to: pb)
                guard crow < Self.corridorReachKm else { continue }
                let length = max(crow, 0.2)
                edgeA.append(Int32(first.node)); edgeB.append(Int32(second.node)); lengths.append(length)
                features += [0, 0, length, 1, length * min(first.size, second.size)]
            }
        }
        self.edgeA = edgeA
        self.edgeB = edgeB
        self.lengths = lengths
        self.features = features
        // Arcs, both directions, grouped by node.
        var degree = [Int32](repeating: 0, count: n + 1)
        for (a, b) in zip(edgeA, edgeB) { degree[Int(a) + 1] += 1; degree[Int(b) + 1] += 1 }
        for node in 0..<n { degree[node + 1] += degree[node] }
        var fill = degree
        var arcNode = [Int32](repeating: 0, count: Int(degree[n])), arcEdge = arcNode
        for edge in edgeA.indices {
            let a = Int(edgeA[edge]), b = Int(edgeB[edge])
            arcNode[Int(fill[a])] = Int32(b); arcEdge[Int(fill[a])] = Int32(edge); fill[a] += 1
            arcNode[Int(fill[b])] = Int32(a); arcEdge[Int(fill[b])] = Int32(edge); fill[b] += 1
        }
        arcStart = degree
        self.arcNode = arcNode
        self.arcEdge = arcEdge
    }

    /// How many edges in all.
    public var edgeCount: Int { lengths.count }

    /// Shortest paths from `source` with these edge costs: per node the distance (infinite when unreachable), the
    /// edge by which the path arrives (−1 at the source and unreached nodes), and the nodes in the order they were
    /// settled (the source first), so that a sum along the paths can be accumulated in one pass.
    public func shortestPaths(from source: Int, costs: [Double]) -> (distance: [Double], arrivingEdge: [Int32], settled: [Int32]) {
        let n = nodes.count
        var distance = [Double](repeating: .infinity, count: n)
        var arriving = [Int32](repeating: -1, count: n)
        var done = [Bool](repeating: false, count: n)
        var settled: [Int32] = []
        settled.reserveCapacity(n)
        var heap = MinHeap()
        distance[source] = 0
        heap.push(0, Int32(source))
        arcStart.withUnsafeBufferPointer { start in
            arcNode.withUnsafeBufferPointer { arcNode in
                arcEdge.withUnsafeBufferPointer { arcEdge in
                    costs.withUnsafeBufferPointer { costs in
                        while let (d, node32) = heap.pop() {
                            let node = Int(node32)
                            if done[node] || d > distance[node] { continue }
                            done[node] = true
                            settled.append(node32)
                            for arc in Int(start[node])..<Int(start[node + 1]) {
                                let next = Int(arcNode[arc])
                                let candidate = d + costs[Int(arcEdge[arc])]
                                if candidate < distance[next] {
                                    distance[next] = candidate
                                    arriving[next] = arcEdge[arc]
                                    heap.push(candidate, arcNode[arc])
                                }
                            }
                        }
                    }
                }
            }
        }
        return (distance, arriving, settled)
    }
}

/// A binary min-heap of (key, node), for Dijkstra.
struct MinHeap {
    private var keys: [Double] = []
    private var values: [Int32] = []

    mutating func push(_ key: Double, _ value: Int32) {
        keys.append(key)
        values.append(value)
        var child = keys.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard keys[child] < keys[parent] else { break }
            keys.swapAt(child, parent)
            values.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> (Double, Int32)? {
        guard let firstKey = keys.first else { return nil }
        let firstValue = values[0]
        let lastKey = keys.removeLast(), lastValue = values.removeLast()
        if !keys.isEmpty {
            keys[0] = lastKey
            values[0] = lastValue
            var parent = 0
            let count = keys.count
            while true {
                let left = 2 * parent + 1
                guard left < count else { break }
                let right = left + 1
                let smaller = right < count && keys[right] < keys[left] ? right : left
                guard keys[smaller] < keys[parent] else { break }
                keys.swapAt(smaller, parent)
                values.swapAt(smaller, parent)
                parent = smaller
            }
        }
        return (firstKey, firstValue)
    }
}

/// Boundary geometry the estimator needs: area-weighted centroids and shared vertices.
public enum CarTimeGeometry {
    /// The latitude of the equirectangular projection (x = longitude × cos 46.5°, y = latitude), in degrees.
    public static let projectionLatitude = 46.5

    /// The area (km², in the projection) and area-weighted centroid of a boundary: shoelace over each ring, outer
    /// rings counted positive and holes negative whatever their orientation; `nil` for an empty or flat boundary.
    public static func areaAndCentroid(_ boundary: Boundary) -> (areaKm2: Double, centroid: GeoPoint)? {
        let kmPerDegree = .pi / 180 * GeoPoint.earthRadiusKm
        let kx = kmPerDegree * cos(projectionLatitude * .pi / 180), ky = kmPerDegree
        var area = 0.0, sumX = 0.0, sumY = 0.0
        for rings in boundary.polygons {
            for (k, ring) in rings.enumerated() where ring.count > 1 {
                var a = 0.0, sx = 0.0, sy = 0.0
                for j in 0..<(ring.count - 1) {
                    let x0 = ring[j].longitude * kx, y0 = ring[j].latitude * ky
                    let x1 = ring[j + 1].longitude * kx, y1 = ring[j + 1].latitude * ky
                    let cross = x0 * y1 - x1 * y0
                    a += cross; sx += (x0 + x1) * cross; sy += (y0 + y1) * cross
                }
                if a < 0 { a = -a; sx = -sx; sy = -sy }
                let sign = k == 0 ? 1.0 : -1.0
                area += sign * a / 2; sumX += sign * sx / 6; sumY += sign * sy / 6
            }
        }
        guard area > 0 else { return nil }
        return (area, GeoPoint(latitude: sumY / area / ky, longitude: sumX / area / kx))
    }

    /// Pairs of boundaries (by index, first < second) that share at least one vertex, sorted. Vertices are compared
    /// to 1e-7 degree (about 1 cm): exact for coordinates given to fewer decimals, as boundary files are.
    public static func touchingPairs(_ boundaries: [Boundary?]) -> [(Int, Int)] {
        let n = boundaries.count
        func key(_ point: GeoPoint) -> UInt64 {
            let latitude = Int32((point.latitude * 1e7).rounded()), longitude = Int32((point.longitude * 1e7).rounded())
            return UInt64(UInt32(bitPattern: latitude)) << 32 | UInt64(UInt32(bitPattern: longitude))
        }
        // Per vertex its first two owners (index + 1, packed); a third owner and more go to `more`.
        var owners: [UInt64: UInt64] = [:]
        owners.reserveCapacity(boundaries.reduce(0) { total, boundary in
            total + (boundary?.polygons.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } } ?? 0)
        })
        var more: [UInt64: [Int]] = [:]
        var pairs: [Int] = []
        for (index, boundary) in boundaries.enumerated() {
            guard let boundary else { continue }
            for rings in boundary.polygons {
                for ring in rings {
                    for point in ring {
                        let vertex = key(point)
                        guard let packed = owners[vertex] else {
                            owners[vertex] = UInt64(index + 1)
                            continue
                        }
                        // Boundaries come in index order: earlier owners have smaller indices.
                        let first = Int(packed & 0xFFFF_FFFF) - 1, second = Int(packed >> 32) - 1
                        if first == index || second == index { continue }
                        if second < 0 {
                            owners[vertex] = packed | UInt64(index + 1) << 32
                            pairs.append(first * n + index)
                            continue
                        }
                        var others = more[vertex] ?? []
                        if others.contains(index) { continue }
                        for owner in [first, second] + others { pairs.append(owner * n + index) }
                        others.append(index)
                        more[vertex] = others
                    }
                }
            }
        }
        pairs.sort()
        var result: [(Int, Int)] = []
        for (position, pair) in pairs.enumerated() where position == 0 || pairs[position - 1] != pair { result.append((pair / n, pair % n)) }
        return result
    }
}
