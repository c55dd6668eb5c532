/// How much each dimension counts in a composite score, and where each number comes from.
public struct Weights: Sendable, Hashable, Codable {
    /// Identifier: `barometre`, `equal`, `custom`, or a survey-derived preset's id.
    public var id: String
    /// French label shown with every composite, e.g. "Baromètre des petites villes 2021".
    public var label: String
    /// Full citation of the numbers, or the rule that made them.
    public var citation: String
    public var entries: [WeightEntry]

    public init(id: String, label: String, citation: String, entries: [WeightEntry]) {
        self.id = id
        self.label = label
        self.citation = citation
        self.entries = entries
    }

    /// The raw (not normalised) weight of a dimension; 0 when absent.
    public func value(_ dimension: AttractivenessDimension) -> Double {
        entries.first { $0.dimension == dimension }?.value ?? 0
    }

    /// The neutral reference: every weighable dimension counts the same.
    public static let equal = Weights(
        id: "equal", label: "Pondération égale (référence neutre)",
        citation: "Toutes les dimensions comptent autant : référence neutre, sans hypothèse sur les préférences.",
        entries: AttractivenessDimension.weighable.map { WeightEntry(dimension: $0, value: 1, basis: .rule, note: "poids égal") })

    /// A user's own ratings, 0 to 5 per dimension (OECD Better Life Index style): weight = rating / sum.
    /// Throws when a rating is outside 0–5 or no dimension is rated above 0.
    public static func custom(ratings: [AttractivenessDimension: Double]) throws -> Weights {
        for (dimension, rating) in ratings where !(0...5).contains(rating) || rating.isNaN {
            throw ScoringError("la note de « \(dimension.rawValue) » doit être comprise entre 0 et 5 (reçu \(rating))")
        }
        for dimension in ratings.keys where !AttractivenessDimension.weighable.contains(dimension) {
            throw ScoringError("la dimension « \(dimension.rawValue) » ne se pondère pas")
        }
        guard ratings.values.contains(where: { $0 > 0 }) else {
            throw ScoringError("au moins une dimension doit avoir une note supérieure à 0")
        }
        return Weights(
            id: "custom", label: "Pondération personnalisée",
            citation: "Notes de 0 à 5 données par l'utilisateur ; poids = note / somme des notes.",
            entries: AttractivenessDimension.weighable.compactMap { dimension in
                ratings[dimension].map { WeightEntry(dimension: dimension, value: $0, basis: .userRating, note: "note \(Int($0))/5") }
            })
    }

    /// Reads ratings written `nature=5,sante=4,mobilite=3`.
    public static func parseRatings(_ text: String) throws -> [AttractivenessDimension: Double] {
        var ratings: [AttractivenessDimension: Double] = [:]
        for item in text.split(separator: ",") {
            let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else { throw ScoringError("« \(item) » : attendu dimension=note, par exemple nature=5") }
            guard let dimension = AttractivenessDimension(rawValue: parts[0]) else {
                throw ScoringError("dimension inconnue « \(parts[0]) » ; dimensions : \(AttractivenessDimension.weighable.map(\.rawValue).joined(separator: ", "))")
            }
            guard let rating = Double(parts[1]) else { throw ScoringError("la note de « \(parts[0]) » doit être un nombre de 0 à 5 (reçu « \(parts[1]) »)") }
            ratings[dimension] = rating
        }
        return ratings
    }
}

/// One dimension's weight and its basis.
public struct WeightEntry: Sendable, Hashable, Codable {
    public var dimension: AttractivenessDimension
    public var value: Double
    public var basis: WeightBasis
    /// Where the number comes from (a quoted figure, or why it is an estimate).
    public var note: String

    public init(dimension: AttractivenessDimension, value: Double, basis: WeightBasis, note: String) {
        self.dimension = dimension
        self.value = value
        self.basis = basis
        self.note = note
    }
}

/// Where a weight comes from.
public enum WeightBasis: String, Sendable, Hashable, Codable {
    /// A share published in the cited survey.
    case published
    /// No published figure: a value consistent with the order the survey's text gives.
    case ordinalEstimate = "ordinal_estimate"
    /// A published share of another kind of question, rescaled (the note says how).
    case scaled
    /// Not a criterion of the survey: shown, not weighed.
    case notCited = "not_cited"
    /// A rule (equal weights).
    case rule
    /// The user's own rating.
    case userRating = "user_rating"
    /// A weighted share measured by the user's own survey (`bourg survey weights`).
    case survey
    /// Revealed by where people move: the newcomer model's positive coefficients (`NewcomerModel.revealedWeights`).
    case revealed

    /// French label.
    public var label: String {
        switch self {
        case .published: "chiffre publié"
        case .ordinalEstimate: "estimation ordinale, pas de chiffre publié"
        case .scaled: "chiffre publié, remis à l'échelle"
        case .notCited: "non cité par l'enquête"
        case .rule: "règle"
        case .userRating: "note de l'utilisateur"
        case .survey: "part pondérée de l'enquête"
        case .revealed: "révélé par les arrivées (modèle des aménités)"
        }
    }
}

/// How dimension scores combine into a composite.
public enum Aggregation: String, Sendable, Hashable, Codable, CaseIterable {
    /// Weighted arithmetic mean: a strength compensates a weakness.
    case arithmetic
    /// Weighted geometric mean: less compensation (a good landscape cannot buy back having no doctor).
    /// Scores are floored at `geometricFloor` so that a single 0 does not erase the rest.
    case geometric

    /// The floor applied to dimension scores before a geometric mean.
    public static let geometricFloor = 1.0

    public var label: String {
        switch self {
        case .arithmetic: "moyenne arithmétique pondérée"
        case .geometric: "moyenne géométrique pondérée (scores ramenés à 1 au minimum)"
        }
    }
}

/// A scoring request that cannot be met, explained in French.
public struct ScoringError: Error, CustomStringConvertible, Sendable, Equatable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

import Foundation
