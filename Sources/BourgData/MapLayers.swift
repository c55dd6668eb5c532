import BourgCore
import Foundation

/// A département's outline for maps: SVG path data in Lambert-93 kilometres (y pointing down), simplified.
public struct DepartementOutline: Sendable, Hashable, Codable {
    public var departement: String
    public var name: String?
    public var path: String
    /// A coarser path for national maps (simplified at `MapLayers.coarseTolerance`).
    public var pathCoarse: String
    /// Bounding box in the same frame (kilometres, y down).
    public var minX: Double
    public var minY: Double
    public var maxX: Double
    public var maxY: Double

    public init(departement: String, name: String?, path: String, pathCoarse: String, minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.departement = departement
        self.name = name
        self.path = path
        self.pathCoarse = pathCoarse
        self.minX = minX
        self.minY = minY
        self.maxX = maxX
        self.maxY = maxY
    }
}

/// Map layers computed at build time, so that serving needs no geometry work.
enum MapLayers {
    /// Douglas–Peucker tolerance of département outlines, in metres (invisible at the scale of a national map).
    static let outlineTolerance = 400.0
    /// Tolerance of the coarse outlines drawn on national maps, in metres.
    static let coarseTolerance = 1_500.0

    /// The outline of every département, from the boundaries of its communes.
    static func departementOutlines(_ draft: AtlasDraft) -> [DepartementOutline] {
        let byDepartement = Dictionary(grouping: draft.communes, by: \.departement)
        return byDepartement.keys.sorted().compactMap { departement in
            let shapes = byDepartement[departement]!.compactMap { draft.boundaryShapes[$0.code] }
            let outline = Outlines.outline(of: shapes).map { $0.map(Lambert93.project) }
            let lines = outline.map { Outlines.simplify($0, tolerance: outlineTolerance) }.filter { $0.count > 2 }
            let coarse = outline.map { Outlines.simplify($0, tolerance: coarseTolerance) }.filter { $0.count > 2 }
            let points = lines.flatMap { $0 }
            guard !points.isEmpty else { return nil }
            return DepartementOutline(
                departement: departement, name: byDepartement[departement]!.first?.departementName, path: SVG.pathData(lines), pathCoarse: SVG.pathData(coarse),
                minX: points.map(\.x).min()! / 1_000, minY: -points.map(\.y).max()! / 1_000,
                maxX: points.map(\.x).max()! / 1_000, maxY: -points.map(\.y).min()! / 1_000)
        }
    }
}
