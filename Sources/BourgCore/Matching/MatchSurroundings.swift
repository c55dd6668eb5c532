/// What a matcher reads beyond its peers' own rows, from every commune of the atlas: the big cities a household
/// may ask to reach, and each peer's distance to the nearest general practitioner, pharmacy and dentist
/// (`Amenity.counted`). Computed from scores over the whole matrix (`init(scores:)`), or stored with the default
/// peers by the atlas build and read back, so that a command matching the small towns reads their rows only.
public struct MatchSurroundings: Sendable, Equatable {
    /// The poles of the attraction areas of ≥ 200,000 inhabitants (`CityPole.bigCityPoles`).
    public var cityPoles: [CityPole]
    /// Per counted amenity, per peer: straight-line distance in km from its town hall to the town hall of the
    /// nearest commune of the whole matrix, on the same land mass, that has at least one (`Amenity.countIndicator`
    /// > 0); 0 when it has one itself; NaN when unknown (its own figure is missing, or it has none and no position).
    public var nearestKm: [Amenity: [Double]]

    public init(cityPoles: [CityPole], nearestKm: [Amenity: [Double]]) {
        self.cityPoles = cityPoles
        self.nearestKm = nearestKm
    }

    /// Computes them for the peers of `scores`, whose matrix must hold every commune (the nearest practitioner
    /// and the big cities may be anywhere).
    public init(scores: PeerScores) {
        cityPoles = CityPole.bigCityPoles(in: scores.matrix)
        nearestKm = Dictionary(uniqueKeysWithValues: Amenity.counted.map { ($0, Self.nearestDistances($0, scores: scores)) })
    }

    /// The distances of every counted amenity, one after the other in `Amenity.counted` order (as stored).
    public var packedDistances: [Double] { Amenity.counted.flatMap { nearestKm[$0] ?? [] } }

    /// Surroundings from `packedDistances` for `members` peers; `nil` when the count does not match.
    public init?(cityPoles: [CityPole], packedDistances: [Double], members: Int) {
        guard packedDistances.count == members * Amenity.counted.count else { return nil }
        self.init(cityPoles: cityPoles, nearestKm: Dictionary(uniqueKeysWithValues: Amenity.counted.enumerated().map { index, amenity in
            (amenity, Array(packedDistances[index * members ..< (index + 1) * members]))
        }))
    }

    private static func nearestDistances(_ amenity: Amenity, scores: PeerScores) -> [Double] {
        let matrix = scores.matrix
        guard let column = amenity.countIndicator.flatMap(matrix.indicator) else {
            return [Double](repeating: .nan, count: scores.members.count)
        }
        let points = matrix.communes.indices.compactMap { row -> (Territory, GeoPoint)? in
            guard let count = matrix.value(commune: row, indicator: column), count > 0, let position = matrix.communes[row].position else { return nil }
            return (matrix.communes[row].territory, position)
        }
        let nearest = NearestPointIndex.distances(from: scores.members.map { matrix.communes[$0] }, to: points)
        return scores.members.enumerated().map { position, row in
            guard let count = matrix.value(commune: row, indicator: column) else { return .nan }
            return count > 0 ? 0 : (nearest[position] ?? .nan)
        }
    }

    /// Equal poles and distances, unknown distances (NaN) at the same places.
    public static func == (a: Self, b: Self) -> Bool {
        let left = a.packedDistances, right = b.packedDistances
        return a.cityPoles == b.cityPoles && left.count == right.count
            && zip(left, right).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
    }
}
