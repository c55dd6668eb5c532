import Foundation

/// The car-time estimator: the time from a commune to a destination is the cheapest path in `CarTimeGraph` plus an
/// access time that depends on the commune's density,
///
///     time(o → p) = shortest path from p to o + accessConstant + accessDensity × density(o),
///
/// where a local edge costs length × (localPace + localDensityPace × mean density of its ends) and a corridor costs
/// length × (corridorPace + corridorSizePace × smaller hub size) + corridorRamp; no edge costs less than 0.3 min per
/// km (200 km/h as the crow flies). The same function for every destination: nothing in it is specific to one city.
///
/// Fitted to observed times towards one destination (`fit`): with the paths fixed, a time is linear in the seven
/// parameters, so the fit alternates weighted least squares (weights 1/T: relative errors) with new paths.
public struct CarTimeModel: Sendable, Hashable, Codable {
    /// Minutes added at the origin (getting onto the network), and their change per unit of log10 density.
    public var accessConstant: Double
    public var accessDensity: Double
    /// Minutes per km on local edges, and their change per unit of mean log10 density.
    public var localPace: Double
    public var localDensityPace: Double
    /// Minutes per km on corridors, minutes per corridor taken, and the change of pace per unit of hub size.
    public var corridorPace: Double
    public var corridorRamp: Double
    public var corridorSizePace: Double

    public init(accessConstant: Double, accessDensity: Double, localPace: Double, localDensityPace: Double,
                corridorPace: Double, corridorRamp: Double, corridorSizePace: Double) {
        self.accessConstant = accessConstant
        self.accessDensity = accessDensity
        self.localPace = localPace
        self.localDensityPace = localDensityPace
        self.corridorPace = corridorPace
        self.corridorRamp = corridorRamp
        self.corridorSizePace = corridorSizePace
    }

    /// Where the fit starts: 1.2 min/km locally, 0.55 min/km and 3 min per corridor, nothing else.
    public static let start = CarTimeModel(accessConstant: 0, accessDensity: 0, localPace: 1.2, localDensityPace: 0,
                                           corridorPace: 0.55, corridorRamp: 3, corridorSizePace: 0)
    /// The slowest an edge may be made faster than: 0.3 min per km.
    public static let minimumPace = 0.3

    /// The path parameters, in the order of the edge features.
    var pathParameters: [Double] { [localPace, localDensityPace, corridorPace, corridorRamp, corridorSizePace] }

    /// Every edge's cost in minutes.
    public func edgeCosts(_ graph: CarTimeGraph) -> [Double] {
        let theta = pathParameters, width = CarTimeGraph.edgeFeatureCount
        return graph.features.withUnsafeBufferPointer { features in
            (0..<graph.edgeCount).map { edge in
                var cost = 0.0
                for k in 0..<width { cost += features[edge * width + k] * theta[k] }
                return max(cost, Self.minimumPace * graph.lengths[edge])
            }
        }
    }

    /// The estimated minutes from every node to `destination` (NaN where unreachable or unpositioned).
    public func minutes(to destination: Int, in graph: CarTimeGraph) -> [Double] {
        let paths = graph.shortestPaths(from: destination, costs: edgeCosts(graph))
        return graph.nodes.indices.map { node in
            paths.distance[node].isFinite ? paths.distance[node] + accessConstant + accessDensity * graph.nodes[node].density : .nan
        }
    }

    /// The estimated minutes to each of `destinations` (one shortest-path search each, side by side).
    public func minutes(to destinations: [Int], in graph: CarTimeGraph) -> [[Double]] {
        let costs = edgeCosts(graph)
        var result = [[Double]](repeating: [], count: destinations.count)
        result.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let output = buffer
            DispatchQueue.concurrentPerform(iterations: destinations.count) { k in
                let distance = graph.shortestPaths(from: destinations[k], costs: costs).distance
                output[k] = graph.nodes.indices.map { node in
                    distance[node].isFinite ? distance[node] + accessConstant + accessDensity * graph.nodes[node].density : .nan
                }
            }
        }
        return result
    }

    /// Fits the model to `observed` minutes towards `destination` (NaN = none), on the nodes `training` accepts
    /// whose time is at least 10 minutes: `rounds` alternations of paths and weighted least squares, the path
    /// parameters damped by half from the second round.
    public static func fit(graph: CarTimeGraph, destination: Int, observed: [Double], training: [Bool], rounds: Int = 6) -> CarTimeModel {
        precondition(observed.count == graph.nodes.count && training.count == graph.nodes.count)
        var model = start
        let width = CarTimeGraph.edgeFeatureCount
        for round in 0..<rounds {
            let paths = graph.shortestPaths(from: destination, costs: model.edgeCosts(graph))
            // Path sums of the edge features, accumulated down the shortest-path tree.
            var sums = [Double](repeating: 0, count: graph.nodes.count * width)
            for node32 in paths.settled.dropFirst() {
                let node = Int(node32), edge = Int(paths.arrivingEdge[node])
                let previous = Int(graph.edgeA[edge]) == node ? Int(graph.edgeB[edge]) : Int(graph.edgeA[edge])
                for k in 0..<width { sums[node * width + k] = sums[previous * width + k] + graph.features[edge * width + k] }
            }
            var design: [Double] = [], target: [Double] = []
            for node in graph.nodes.indices where training[node] && paths.distance[node].isFinite {
                let time = observed[node]
                guard time >= 10 else { continue }
                let weight = 1 / time
                design.append(weight)
                design.append(graph.nodes[node].density * weight)
                for k in 0..<width { design.append(sums[node * width + k] * weight) }
                target.append(time * weight)
            }
            // Columns that are zero on every trip (no corridor taken, say), or that repeat earlier ones (a single
            // corridor), get 0.
            let columns = 2 + width, rows = target.count
            func reduced(_ kept: [Int]) -> [Double] { (0..<rows).flatMap { i in kept.map { design[i * columns + $0] } } }
            var active = Array(0..<columns)
            var partial = LeastSquares.solve(design: design, target: target, columns: columns)
            if partial == nil {
                active = []
                for j in 0..<columns where (0..<rows).contains(where: { design[$0 * columns + j] != 0 }) {
                    if LeastSquares.solve(design: reduced(active + [j]), target: target, columns: active.count + 1) != nil { active.append(j) }
                }
                partial = LeastSquares.solve(design: reduced(active), target: target, columns: active.count)
            }
            guard let partial else { break }
            var solution = [Double](repeating: 0, count: columns)
            for (k, j) in active.enumerated() { solution[j] = partial[k] }
            let damping = round > 0 ? 0.5 : 1.0
            let old = model.pathParameters
            let new = (0..<width).map { damping * solution[2 + $0] + (1 - damping) * old[$0] }
            model = CarTimeModel(accessConstant: solution[0], accessDensity: solution[1], localPace: new[0], localDensityPace: new[1],
                                 corridorPace: new[2], corridorRamp: new[3], corridorSizePace: new[4])
        }
        return model
    }
}

/// Linear least squares by Householder QR (stable where the normal equations would square the conditioning).
public enum LeastSquares {
    /// The β minimising ‖Xβ − y‖ for `design` X (row-major, `columns` wide) and `target` y; `nil` when X is rank-deficient.
    public static func solve(design: [Double], target: [Double], columns m: Int) -> [Double]? {
        let rows = target.count
        guard rows >= m, design.count == rows * m else { return nil }
        // Column-major copy for cache-friendly column operations.
        var a = [Double](repeating: 0, count: rows * m)
        for i in 0..<rows { for j in 0..<m { a[j * rows + i] = design[i * m + j] } }
        var b = target
        var diagonal = [Double](repeating: 0, count: m)
        for k in 0..<m {
            var norm = 0.0
            for i in k..<rows { norm += a[k * rows + i] * a[k * rows + i] }
            norm = norm.squareRoot()
            guard norm > 0 else { return nil }
            let alpha = a[k * rows + k] > 0 ? -norm : norm
            // v = x − alpha e1, stored in place of column k (from row k).
            a[k * rows + k] -= alpha
            var vv = 0.0
            for i in k..<rows { vv += a[k * rows + i] * a[k * rows + i] }
            diagonal[k] = alpha
            guard vv > 0 else { continue }
            for j in (k + 1)..<m {
                var dot = 0.0
                for i in k..<rows { dot += a[k * rows + i] * a[j * rows + i] }
                let factor = 2 * dot / vv
                for i in k..<rows { a[j * rows + i] -= factor * a[k * rows + i] }
            }
            var dot = 0.0
            for i in k..<rows { dot += a[k * rows + i] * b[i] }
            let factor = 2 * dot / vv
            for i in k..<rows { b[i] -= factor * a[k * rows + i] }
        }
        // Back substitution on R (diagonal in `diagonal`, above it in `a`).
        let scale = diagonal.map(abs).max() ?? 0
        var beta = [Double](repeating: 0, count: m)
        for k in stride(from: m - 1, through: 0, by: -1) {
            guard abs(diagonal[k]) > 1e-12 * scale else { return nil }
            var sum = b[k]
            for j in (k + 1)..<m { sum -= a[j * rows + k] * beta[j] }
            beta[k] = sum / diagonal[k]
        }
        return beta
    }
}
