import Foundation

/// A point in a projected plane, in metres.
public struct PlanePoint: Sendable, Hashable, Codable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// The official projection of mainland France (RGF93 / Lambert-93, EPSG:2154): a Lambert conformal conic
/// on the GRS80 ellipsoid, standard parallels 44° and 49° N, origin 46.5° N 3° E, false easting 700 km,
/// false northing 6,600 km. (IGN, "Projection cartographique conique conforme de Lambert", NTG_71.)
public enum Lambert93 {
    static let a = 6_378_137.0
    static let e = 0.081_819_191_042_815_8
    static let lambda0 = 3.0 * .pi / 180
    static let x0 = 700_000.0, y0 = 6_600_000.0

    private static func m(_ phi: Double) -> Double { cos(phi) / (1 - e * e * sin(phi) * sin(phi)).squareRoot() }
    private static func t(_ phi: Double) -> Double {
        tan(.pi / 4 - phi / 2) / pow((1 - e * sin(phi)) / (1 + e * sin(phi)), e / 2)
    }

    static let phi1 = 44.0 * .pi / 180, phi2 = 49.0 * .pi / 180, phi0 = 46.5 * .pi / 180
    static let n = (log(m(phi1)) - log(m(phi2))) / (log(t(phi1)) - log(t(phi2)))
    static let f = m(phi1) / (n * pow(t(phi1), n))
    static let rho0 = a * f * pow(t(phi0), n)

    /// Projects a WGS84 position (≈ RGF93 for mapping purposes) to Lambert-93 metres.
    public static func project(_ point: GeoPoint) -> PlanePoint {
        let phi = point.latitude * .pi / 180, lambda = point.longitude * .pi / 180
        let rho = a * f * pow(t(phi), n)
        let theta = n * (lambda - lambda0)
        return PlanePoint(x: x0 + rho * sin(theta), y: y0 + rho0 - rho * cos(theta))
    }
}
