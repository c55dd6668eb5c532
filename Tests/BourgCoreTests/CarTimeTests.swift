import Foundation
import Testing
@testable import BourgCore

/// The car-time estimator on synthetic geometry: a grid of square communes whose times are known.
@Suite("Car-time estimator")
struct CarTimeTests {
    /// A `size` × `size` grid of square communes of `step` degrees, row by row from the south-west corner.
    static func squares(size: Int, step: Double = 0.04) -> [Boundary] {
        var boundaries: [Boundary] = []
        for row in 0..<size {
            for column in 0..<size {
                let lat = 45 + Double(row) * step, lon = 2 + Double(column) * step
                let ring = [GeoPoint(latitude: lat, longitude: lon), GeoPoint(latitude: lat, longitude: lon + step),
                            GeoPoint(latitude: lat + step, longitude: lon + step), GeoPoint(latitude: lat + step, longitude: lon),
                            GeoPoint(latitude: lat, longitude: lon)]
                boundaries.append(Boundary(polygons: [[ring]]))
            }
        }
        return boundaries
    }

    /// The grid as a graph: densities vary smoothly, a few hubs of different sizes.
    static func grid(size: Int = 14, hubs: [CarTimeHub] = []) -> CarTimeGraph {
        let boundaries = squares(size: size)
        let nodes = boundaries.enumerated().map { index, boundary in
            let geometry = CarTimeGeometry.areaAndCentroid(boundary)!
            let population = 20 + 3_000 * (1 + sin(Double(index) * 0.7)) * (1 + cos(Double(index) * 0.13))
            return CarTimeNode(position: geometry.centroid, density: CarTimeNode.density(population: population, areaKm2: geometry.areaKm2))
        }
        return CarTimeGraph(nodes: nodes, neighbours: CarTimeGeometry.touchingPairs(boundaries), withoutBoundary: [],
                            unlinked: Array(repeating: false, count: nodes.count), hubs: hubs)
    }

    static let truth = CarTimeModel(accessConstant: 12, accessDensity: -1.5, localPace: 0.95, localDensityPace: 0.08,
                                    corridorPace: 0.62, corridorRamp: 2.5, corridorSizePace: -0.05)

    @Test func squareGeometry() throws {
        let square = Self.squares(size: 1)[0]
        let geometry = try #require(CarTimeGeometry.areaAndCentroid(square))
        #expect(abs(geometry.centroid.latitude - 45.02) < 1e-9)
        #expect(abs(geometry.centroid.longitude - 2.02) < 1e-9)
        // 0.04° × 0.04° at the projection latitude: (0.04 × 111.195)² × cos 46.5°.
        let side = 0.04 * .pi / 180 * GeoPoint.earthRadiusKm
        #expect(abs(geometry.areaKm2 - side * side * cos(46.5 * .pi / 180)) < 1e-9)
        // A hole is subtracted whatever its orientation.
        let hole = [GeoPoint(latitude: 45.01, longitude: 2.01), GeoPoint(latitude: 45.03, longitude: 2.01),
                    GeoPoint(latitude: 45.03, longitude: 2.03), GeoPoint(latitude: 45.01, longitude: 2.03), GeoPoint(latitude: 45.01, longitude: 2.01)]
        let holed = try #require(CarTimeGeometry.areaAndCentroid(Boundary(polygons: [square.polygons[0] + [hole]])))
        #expect(abs(holed.areaKm2 - geometry.areaKm2 * 0.75) < 1e-9)
    }

    @Test func touchingSquaresShareSidesAndCorners() {
        let pairs = CarTimeGeometry.touchingPairs(Self.squares(size: 3))
        // 12 shared sides and 8 shared corners in a 3 × 3 grid.
        #expect(pairs.count == 20)
        #expect(pairs.contains { $0 == (0, 1) } && pairs.contains { $0 == (0, 4) } && !pairs.contains { $0 == (0, 2) })
    }

    @Test func shortestPathsOnTheGrid() {
        let graph = Self.grid(size: 5)
        let costs = [Double](repeating: 1, count: graph.edgeCount)
        let paths = graph.shortestPaths(from: 0, costs: costs)
        // Diagonal moves cost one edge too: the far corner is 4 edges away.
        #expect(paths.distance[24] == 4)
        #expect(paths.settled.first == 0 && paths.settled.count == 25)
        #expect(paths.arrivingEdge[0] == -1)
    }

    @Test func hubsAreTheLargestCommuneOfLargeUrbanUnits() {
        let hubs = CarTimeHub.hubs(urbanUnits: ["01701", "01701", "02000", "03702", nil], populations: [15_000, 30_000, 90_000, 12_000, 50_000],
                                   positioned: [true, true, true, true, true])
        #expect(hubs.map(\.node) == [1])
        #expect(abs(hubs[0].size - (log10(45_000) - 5)) < 1e-12)
    }

    @Test func fitRecoversKnownLocalPaces() {
        let graph = Self.grid()
        let destination = 0
        let observed = Self.truth.minutes(to: destination, in: graph)
        // The path parameters are damped by half each round from the second: 30 rounds bring them within 1e-8.
        let model = CarTimeModel.fit(graph: graph, destination: destination, observed: observed,
                                     training: Array(repeating: true, count: observed.count), rounds: 30)
        #expect(abs(model.accessConstant - Self.truth.accessConstant) < 1e-6)
        #expect(abs(model.accessDensity - Self.truth.accessDensity) < 1e-6)
        #expect(abs(model.localPace - Self.truth.localPace) < 1e-6)
        #expect(abs(model.localDensityPace - Self.truth.localDensityPace) < 1e-6)
        let estimated = model.minutes(to: destination, in: graph)
        for node in observed.indices { #expect(abs(estimated[node] - observed[node]) < 1e-6) }
    }

    @Test func fitRecoversKnownTimesWithCorridors() {
        let size = 14
        let hubs = [CarTimeHub(node: 0, size: 0.3), CarTimeHub(node: size - 1, size: -0.2), CarTimeHub(node: size * size - 1, size: 0.1),
                    CarTimeHub(node: size * (size - 1), size: 0.6), CarTimeHub(node: size * 7 + 6, size: -0.5)]
        let graph = Self.grid(size: size, hubs: hubs)
        #expect(graph.edgeCount > graph.localEdgeCount)
        let destination = size * size - 1
        let observed = Self.truth.minutes(to: destination, in: graph)
        let model = CarTimeModel.fit(graph: graph, destination: destination, observed: observed,
                                     training: Array(repeating: true, count: observed.count), rounds: 12)
        let estimated = model.minutes(to: destination, in: graph)
        let worst = observed.indices.map { abs(estimated[$0] - observed[$0]) / observed[$0] }.max()!
        #expect(worst < 0.01)
        #expect(abs(model.localPace - Self.truth.localPace) < 0.02)
    }

    @Test func leastSquaresSolvesAnExactSystem() throws {
        let design: [Double] = [1, 0, 1, 1, 1, 2, 1, 3]
        let solution = try #require(LeastSquares.solve(design: design, target: [1, 3, 5, 7], columns: 2))
        #expect(abs(solution[0] - 1) < 1e-12 && abs(solution[1] - 2) < 1e-12)
        #expect(LeastSquares.solve(design: [1, 2, 2, 4], target: [1, 2], columns: 2) == nil)
    }

    @Test func foldsAreContiguousBlocksOfSortedCodes() {
        let fold = CarTimeValidation.foldOfDepartement(["01", "02", "2A", "2B", "03", "10", "21", "22", "95", "77"])
        #expect(fold["01"] == 0 && fold["02"] == 0 && fold["03"] == 1 && fold["10"] == 1 && fold["21"] == 2)
        #expect(fold["22"] == 2 && fold["2A"] == 3 && fold["2B"] == 3 && fold["77"] == 4 && fold["95"] == 4)
    }

    /// Ten départements of rows of the grid; the destination in the last.
    static func departements(size: Int) -> [String] {
        (0..<(size * size)).map { String(format: "%02d", 1 + ($0 / size) * 10 / size) }
    }

    @Test func trainingNeverHoldsAHeldOutDepartement() {
        let size = 14
        let departements = Self.departements(size: size)
        let foldOf = CarTimeValidation.foldOfDepartement(departements)
        let folds = departements.map { foldOf[$0]! }
        let observed = (0..<folds.count).map { Double($0 % 7 == 0 ? Double.nan : 30) }
        for fold in 0..<CarTimeValidation.foldCount {
            let mask = CarTimeValidation.training(fold: fold, folds: folds, observed: observed, excluded: folds.map { _ in false })
            #expect(!mask.indices.contains { mask[$0] && folds[$0] == fold })
            #expect(mask.indices.contains { mask[$0] })
        }
    }

    @Test func crossValidationIgnoresHeldOutTimes() {
        let size = 14
        let graph = Self.grid(size: size, hubs: [CarTimeHub(node: 0, size: 0.3), CarTimeHub(node: size * size - 1, size: 0.1)])
        let destination = size * size - 1
        let departements = Self.departements(size: size)
        var observed = Self.truth.minutes(to: destination, in: graph).map { $0 * 1.05 }
        let codes = (0..<observed.count).map { String(format: "%05d", $0) }
        let positions = graph.nodes.map(\.position)
        let mountain = observed.indices.map { $0 % 3 == 0 }, excluded = observed.map { _ in false }
        let first = CarTimeValidation.run(graph: graph, destination: destination, codes: codes, departements: departements,
                                          observed: observed, mountain: mountain, excluded: excluded, baselinePositions: positions)
        // Scramble every time of the first fold: the models of the other folds, and so the first fold's estimates, stay.
        let foldOf = CarTimeValidation.foldOfDepartement(departements)
        for node in observed.indices where foldOf[departements[node]] == 0 { observed[node] = observed[node] * 3 + 40 }
        let second = CarTimeValidation.run(graph: graph, destination: destination, codes: codes, departements: departements,
                                           observed: observed, mountain: mountain, excluded: excluded, baselinePositions: positions)
        #expect(first.foldModels[0] == second.foldModels[0])
        #expect(first.foldModels[1] != second.foldModels[1])
        let heldOut = { (v: CarTimeValidation) in v.trips.filter { $0.fold == 0 }.map(\.estimatedMinutes) }
        #expect(heldOut(first) == heldOut(second))
        #expect(first.folds.count == 5 && Set(first.folds.flatMap { $0 }).count == 10)
        #expect(first.heldOutCSV.hasPrefix("code,osrm_minutes,estimated_minutes\n"))
        #expect(first.lines.count == 4)
    }
}
