/// What a matcher reads beyond its peers' own rows, from every commune of the atlas: the big cities a household
/// may ask to reach, and each peer's distance to the nearest general practitioner. Computed from scores over the
/// whole matrix (`init(scores:)`), or stored with the default peers by the atlas build and read back, so that a
/// command matching the small towns reads their rows only.
public struct MatchSurroundings: Sendable, Equatable {
    /// The poles of the attraction areas of ≥ 200,000 inhabitants (`CityPole.bigCityPoles`).
    public var cityPoles: [CityPole]
    /// Per peer, as `Matcher.generalPractitionerDistanceKm`.
    public var generalPractitionerDistanceKm: [Double]

    public init(cityPoles: [CityPole], generalPractitionerDistanceKm: [Double]) {
        self.cityPoles = cityPoles
        self.generalPractitionerDistanceKm = generalPractitionerDistanceKm
    }

    /// Computes them for the peers of `scores`, whose matrix must hold every commune (the nearest practitioner
    /// and the big cities may be anywhere).
    public init(scores: PeerScores) {
        cityPoles = CityPole.bigCityPoles(in: scores.matrix)
        generalPractitionerDistanceKm = Self.generalPractitionerDistances(scores: scores)
    }

    private static func generalPractitionerDistances(scores: PeerScores) -> [Double] {
        let matrix = scores.matrix
        guard let column = matrix.indicator("medecins_generalistes_pour_10000") else {
            return [Double](repeating: .nan, count: scores.members.count)
        }
        let points = matrix.communes.indices.compactMap { row -> (Territory, GeoPoint)? in
            guard let rate = matrix.value(commune: row, indicator: column), rate > 0, let position = matrix.communes[row].position else { return nil }
            return (matrix.communes[row].territory, position)
        }
        let nearest = NearestPointIndex.distances(from: scores.members.map { matrix.communes[$0] }, to: points)
        return scores.members.enumerated().map { position, row in
            guard let rate = matrix.value(commune: row, indicator: column) else { return .nan }
            return rate > 0 ? 0 : (nearest[position] ?? .nan)
        }
    }

    /// Equal poles and distances, unknown distances (NaN) at the same places.
    public static func == (a: Self, b: Self) -> Bool {
        a.cityPoles == b.cityPoles && a.generalPractitionerDistanceKm.count == b.generalPractitionerDistanceKm.count
            && zip(a.generalPractitionerDistanceKm, b.generalPractitionerDistanceKm).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
    }
}
