import Foundation

/// A rectangle in map coordinates (kilometres, y pointing down).
public struct MapRect: Sendable, Hashable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public var maxX: Double { x + width }
    public var maxY: Double { y + height }

    /// The smallest rectangle holding both.
    public func union(_ other: MapRect) -> MapRect {
        let minX = min(x, other.x), minY = min(y, other.y)
        return MapRect(x: minX, y: minY, width: max(maxX, other.maxX) - minX, height: max(maxY, other.maxY) - minY)
    }
}

/// An overseas département drawn in a box of the national map (an inset), at its own scale.
///
/// Its land is projected with a local equirectangular projection (kilometres east and north of the centre of the
/// territory's box, longitudes shortened by the cosine of its latitude: exact enough at an island's scale), then
/// scaled and centred in the box, below the box's label.
public struct MapInset: Sendable, Hashable {
    public var departement: String
    public var name: String
    /// The box on the national map, label included.
    public var box: MapRect
    /// Map kilometres per kilometre on the ground (1 on the mainland).
    public let scale: Double
    let centre: GeoPoint
    let offset: PlanePoint

    /// Height of the label strip at the top of the box, in map kilometres.
    public static let labelHeight = 17.0

    init(departement: String, name: String, box: MapRect) {
        self.departement = departement
        self.name = name
        self.box = box
        let bounds = Territory.overseas(departement).bounds!
        centre = GeoPoint(latitude: (bounds.latitudes.lowerBound + bounds.latitudes.upperBound) / 2,
                          longitude: (bounds.longitudes.lowerBound + bounds.longitudes.upperBound) / 2)
        let kmPerDegree = Double.pi / 180 * GeoPoint.earthRadiusKm
        let spanX = (bounds.longitudes.upperBound - bounds.longitudes.lowerBound) * kmPerDegree * cos(centre.latitude * .pi / 180)
        let spanY = (bounds.latitudes.upperBound - bounds.latitudes.lowerBound) * kmPerDegree
        let padding = 4.0
        scale = min((box.width - 2 * padding) / spanX, (box.height - Self.labelHeight - 2 * padding) / spanY)
        offset = PlanePoint(x: box.x + box.width / 2, y: box.y + Self.labelHeight + (box.height - Self.labelHeight) / 2)
    }

    /// A position of the territory in map coordinates (kilometres, y down).
    public func place(_ point: GeoPoint) -> PlanePoint {
        let kmPerDegree = Double.pi / 180 * GeoPoint.earthRadiusKm
        let east = (point.longitude - centre.longitude) * kmPerDegree * cos(centre.latitude * .pi / 180)
        let north = (point.latitude - centre.latitude) * kmPerDegree
        return PlanePoint(x: offset.x + east * scale, y: offset.y - north * scale)
    }
}

/// The layout of national maps: mainland France and Corsica in Lambert-93 (kilometres, y down), and the five
/// overseas départements in insets placed in the Bay of Biscay, each at its own scale (as INSEE's maps do).
public enum NationalLayout {
    /// Guadeloupe, Martinique, Guyane, La Réunion and Mayotte, in two columns west of the Atlantic coast.
    public static let insets: [MapInset] = [
        MapInset(departement: "971", name: "Guadeloupe", box: MapRect(x: 70, y: -6_655, width: 105, height: 105)),
        MapInset(departement: "972", name: "Martinique", box: MapRect(x: 183, y: -6_655, width: 105, height: 105)),
        MapInset(departement: "973", name: "Guyane", box: MapRect(x: 70, y: -6_540, width: 105, height: 218)),
        MapInset(departement: "974", name: "La Réunion", box: MapRect(x: 183, y: -6_540, width: 105, height: 105)),
        MapInset(departement: "976", name: "Mayotte", box: MapRect(x: 183, y: -6_427, width: 105, height: 105)),
    ]

    /// The inset of an overseas département, `nil` for the mainland, Corsica or a territory without an inset.
    public static func inset(departement: String) -> MapInset? {
        insets.first { $0.departement == departement }
    }

    /// Where a position of a commune of `departement` goes on the national map (kilometres, y down); `nil` for
    /// an overseas territory without an inset.
    public static func place(_ point: GeoPoint, departement: String) -> PlanePoint? {
        switch Territory(departement: departement) {
        case .mainland, .corsica:
            let projected = Lambert93.project(point)
            return PlanePoint(x: projected.x / 1_000, y: -projected.y / 1_000)
        case .overseas(let code):
            return inset(departement: code)?.place(point)
        }
    }

    /// The area of the insets, to be added to the mainland's frame.
    public static var insetsFrame: MapRect {
        insets.dropFirst().reduce(insets[0].box) { $0.union($1.box) }
    }
}
