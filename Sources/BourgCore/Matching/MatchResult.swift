/// The answer to a household: the towns that fit best, why, and what each constraint excluded.
public struct MatchResult: Sendable, Codable {
    /// The peer group every score is relative to, e.g. "communes de 2 500 à 25 000 habitants (2021)".
    public var peerGroup: String
    public var peerCount: Int
    public var weights: Weights
    /// The household's 0–5 rating of each dimension (by dimension id), as `HouseholdProfile.ratings`.
    public var ratings: [String: Double]
    /// What each constraint excluded, in the household's order. A town failing several is counted under each.
    public var constraints: [ConstraintReport]
    /// Peers with no match score (none of the weighted dimensions has data): left out.
    public var withoutScore: Int
    /// Peers left out (failing a constraint, lacking data for one unless kept, or without a score), each counted once.
    public var excluded: Int
    /// Peers that remain candidates (`peerCount − excluded`).
    public var remaining: Int
    /// Candidates kept although a constraint could not be checked for lack of data (`keepUnknown`), flagged.
    public var keptWithUnknown: Int
    /// Whether towns with missing data were kept (flagged) rather than excluded.
    public var keepUnknown: Bool
    /// Diversity rule: at most this many towns per département.
    public var perDepartement: Int?
    /// Candidates passed over by the diversity rule while filling the answer.
    public var setAsideForDiversity: Int
    /// The town the household likes, when the answer is "towns like …" (ordered by likeness).
    public var likedTown: Commune?
    /// Candidates that could not be compared with the liked town (too few indicators in common): left out.
    public var withoutSimilarity: Int
    /// The answer, best first.
    public var towns: [TownMatch]
    /// The towns that fail exactly one constraint (and lack no figure), best match score first: which constraint to
    /// loosen, and by how much, to get more answers.
    public var nearMisses: [NearMiss] = []
    /// How the figures were measured, in French (straight-line distances, missing-data rule…).
    public var notes: [String]
}

/// What one constraint did to the peer towns.
public struct ConstraintReport: Sendable, Codable, Hashable {
    public var constraint: MatchConstraint
    /// French label of the constraint.
    public var label: String
    /// Peers whose known figure fails the constraint.
    public var failed: Int
    /// Peers whose figure needed by the constraint is missing ("sans donnée").
    public var unknown: Int
    /// Peers the constraint excluded: `failed`, plus `unknown` unless unknown towns are kept.
    public var excluded: Int

    /// French summary, e.g. "prix médian des maisons ≤ 2 500 €/m² : 812 exclues, dont 143 faute de donnée".
    public var summary: String {
        let total = FrenchFormat.number(Double(excluded), decimals: 0)
        let missing = FrenchFormat.number(Double(unknown), decimals: 0)
        let verb = excluded > 1 ? "exclues" : "exclue"
        if excluded == failed && unknown > 0 {
            return "\(label) : \(total) \(verb) ; \(missing) sans donnée gardées et signalées"
        }
        return "\(label) : \(total) \(verb), dont \(missing) faute de donnée"
    }
}

/// A town that fails one constraint only, and by how much.
public struct NearMiss: Sendable, Codable {
    public var commune: Commune
    public var matchScore: Double
    /// The constraint it fails (its label).
    public var constraint: String
    /// By how much, in words: "à ≈ 68 min de Lyon au lieu de 60", "maisons à 2 780 €/m² au lieu de 2 500".
    public var shortfall: String
}

/// One town of the answer.
public struct TownMatch: Sendable, Codable {
    /// Place in the answer (1 = first).
    public var place: Int
    public var commune: Commune
    /// The match score, 0–100: the town's composite for the household's weights (`PeerScores.composites`,
    /// weighted arithmetic mean of its dimension scores, weights renormalised over the dimensions with data).
    public var matchScore: Double
    /// Rank of the match score among all peers (1 = best), whatever the constraints.
    public var overallRank: Int?
    /// Each weighted dimension's share of the match score; the contributions add up to `matchScore`.
    public var contributions: [DimensionContribution]
    /// Two French sentences saying why the town fits, written from `facts`.
    public var reasons: [String]
    /// The figures the reasons state, with the values they were written from.
    public var facts: [MatchFact]
    /// The weakest dimension among those the household rated 4 or 5.
    public var watch: WatchPoint?
    /// Constraints that could not be checked for lack of data (only with `keepUnknown`).
    public var unknownConstraints: [String]
    /// Distance of the town's profile to the liked town's (`TownSimilarity`), in "towns like …" answers.
    public var similarityDistance: Double?
    public var types: [TownType]
}

/// One dimension's share of a match score.
public struct DimensionContribution: Sendable, Codable, Hashable {
    public var dimension: AttractivenessDimension
    public var label: String
    /// The household's 0–5 rating.
    public var rating: Double
    /// The household's normalised weight (0…1, summing to 1 over all dimensions).
    public var weight: Double
    /// The weight actually applied to this town, as the composite does: renormalised over the dimensions that have
    /// a score or a first-quartile imputation (0 when the peers have no data for the dimension at all).
    public var appliedWeight: Double
    /// The dimension score 0–100, or `nil` for no data.
    public var score: Double?
    /// For a dimension without data: the peers' first quartile it counts at (`MissingDimensionRule`).
    public var imputedScore: Double?
    /// `appliedWeight × (score or imputedScore)`, in match-score points; `nil` when neither exists.
    public var contribution: Double?
}

/// What a household should look at in a town: its weakest important dimension.
public struct WatchPoint: Sendable, Codable, Hashable {
    public var dimension: AttractivenessDimension
    public var score: Double
    public var rating: Double
    /// The dimension's weakest figure, when Bourg can phrase it.
    public var fact: MatchFact?
    /// French sentence, e.g. "À surveiller : sécurité, 31/100 — …".
    public var text: String
}
