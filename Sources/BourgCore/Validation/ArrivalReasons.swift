/// A town's predicted net migration explained for a council, without traps: only the amenities whose link with
/// arrivals has the expected sign (more of a good thing, more arrivals: a positive coefficient on a score oriented
/// so that higher is better) are offered as reasons, summed by dimension; every other contribution — structural
/// controls (size, situation, position, care-home places…), amenities of the wrong sign (confounded, discussed on
/// `/validation`) — is summed as "structure et autres".
public struct ArrivalReasons: Sendable, Hashable {
    /// The expected-direction amenities of one dimension and their summed contribution (points of % per year).
    public struct Reason: Sendable, Hashable {
        public var dimension: AttractivenessDimension
        public var contribution: Double
        /// The predictors summed, in the model's order.
        public var predictors: [Int]
        /// The labels of the predictors that weigh most in the sum, in the sum's own direction.
        public var leading: [String]

        /// "Vie sociale (associations pour 1 000 habitants…) : mieux placée que la moyenne des petites villes →
        /// plus d'arrivées (+0,21 point de % par an)".
        public var sentence: String {
            let better = contribution >= 0
            let detail = leading.isEmpty ? "" : " (\(leading.map(\.lowercasedFirst).joined(separator: ", ")))"
            let sign = better ? "+" : "−"
            return "\(dimension.label)\(detail) : \(better ? "mieux" : "moins bien") placée que la moyenne des petites villes → "
                + "\(better ? "plus" : "moins") d'arrivées (\(sign)\(FrenchFormat.number(abs(contribution), decimals: 2)) point de % par an)"
        }
    }

    public var intercept: Double
    /// Dimensions with an expected-direction contribution, largest first (by absolute value).
    public var reasons: [Reason]
    /// Everything else: controls and amenities of the wrong sign.
    public var structure: Double

    /// The sentence of the rest.
    public var structureSentence: String {
        let sign = structure >= 0 ? "+" : "−"
        return "Structure et autres (taille, situation, position, places en établissement pour personnes âgées, associations de sens contraire à l'attendu) : \(sign)\(FrenchFormat.number(abs(structure), decimals: 2)) point de % par an"
    }
}

extension ArrivalReasons {
    /// "Guingamp attire nettement plus que les villes au profil semblable : écart +1,14 % par an, plus grand que
    /// celui de 93 % des petites villes." (the residual's percentile: ≥ 80 more, ≤ 20 less).
    public static func verdict(_ town: TownValidation) -> String {
        let standing = town.residualPercentile >= 80 ? "attire nettement plus que les villes au profil semblable"
            : town.residualPercentile <= 20 ? "attire nettement moins que les villes au profil semblable" : "attire à peu près comme les villes au profil semblable"
        let residual = (town.residual > 0 ? "+" : "") + FrenchFormat.number(town.residual, decimals: 2) + " % par an"
        return "\(town.name) \(standing) : écart \(residual), plus grand que celui de \(FrenchFormat.number(town.residualPercentile, decimals: 0)) % des petites villes."
    }
}

extension NewcomerModel {
    /// True when predictor `j` may be offered as a reason: an amenity whose coefficient is positive (its score is
    /// oriented so that higher is better: more of it, more arrivals).
    public func isExpectedDirectionAmenity(_ j: Int) -> Bool {
        roles[j] == .amenity && fit.coefficients[j] > 0
    }

    /// The amenities associated with fewer arrivals although they are better (a negative coefficient): confounded
    /// (crime goes with urban centrality, for instance), never offered as reasons; largest first.
    public var wrongSignAmenities: [Int] {
        predictors.indices.filter { roles[$0] == .amenity && fit.coefficients[$0] < 0 }.sorted { fit.coefficients[$0] < fit.coefficients[$1] }
    }

    /// A prediction explained: expected-direction amenities by dimension, the rest summed. `labels` are the
    /// predictors' French labels, in the model's order.
    public func reasons(_ prediction: Prediction, labels: [String], leading count: Int = 2) -> ArrivalReasons {
        var byDimension: [AttractivenessDimension: [Int]] = [:]
        var structure = 0.0
        for j in predictors.indices {
            if isExpectedDirectionAmenity(j) {
                byDimension[dimensions[j], default: []].append(j)
            } else {
                structure += prediction.contributions[j]
            }
        }
        let reasons = byDimension.map { dimension, members -> ArrivalReasons.Reason in
            let total = members.reduce(0) { $0 + prediction.contributions[$1] }
            let leading = members.filter { (prediction.contributions[$0] >= 0) == (total >= 0) && prediction.contributions[$0] != 0 }
                .sorted { abs(prediction.contributions[$0]) > abs(prediction.contributions[$1]) }.prefix(count).map { labels[$0] }
            return ArrivalReasons.Reason(dimension: dimension, contribution: total, predictors: members, leading: leading)
        }.sorted { abs($0.contribution) > abs($1.contribution) }
        return ArrivalReasons(intercept: prediction.intercept, reasons: reasons, structure: structure)
    }
}

extension String {
    /// The string with its first character lowercased ("Associations…" → "associations…").
    var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
