import Foundation

/// The outcome the scores are validated against, and the peers it is measured on.
///
/// The sample is the peers with an apparent net migration rate for both periods (% per year, INSEE état civil and
/// legal populations); each town is weighted by √(population 2021 / 2,500) in fits (a town of 25,000 counts about
/// 3.2 times one of 2,500: its rate is less noisy, but the small towns are what Bourg is about), and every ρ and
/// R² counts each town once. Blocks are départements, folds are groups of whole départements.
public struct MigrationSample: Sendable {
    /// Indicator id of the outcome: net migration 2016–2022, % per year.
    public static let latestID = "taux_solde_migratoire_2016_2022"
    /// Net migration 2011–2016, % per year: the earlier period (temporal test, persistence baseline).
    public static let earlierID = "taux_solde_migratoire_2011_2016"
    /// Share of households moved in less than 5 years ago (census 2022): a gross-inflow proxy.
    public static let inflowID = "part_menages_emmenages_moins_5ans_2022"
    /// Distance to the pole of an attraction area of 200,000 inhabitants or more (structural position).
    public static let distanceID = "distance_pole_aav_200k_km"
    /// Category in the attraction area (11, 12, 13 pole; 20 couronne; 30 outside): structural position.
    public static let attractionCategoryID = "categorie_aav"
    /// The attraction-area categories given a dummy in partial correlations (30, outside any area, left out).
    public static let attractionCategories: [Double] = [11, 12, 13, 20]
    /// Number of cross-validation folds.
    public static let folds = 5
    /// Seed of the fold assignment.
    public static let foldSeed: UInt64 = 2021
    /// The fewest towns a sample may have (the real atlas has about 4,000; the test fixtures a handful).
    public static let minimumTowns = 5

    public let scores: PeerScores
    /// Peer positions (in `scores`) of the sample's towns.
    public let positions: [Int]
    public let latest: [Double]
    public let earlier: [Double]
    /// NaN when missing.
    public let inflow: [Double]
    /// Fit weight of each town: √(population / 2,500).
    public let weights: [Double]
    /// Département codes, sorted; `blockOf` indexes them.
    public let blocks: [String]
    public let blockOf: [Int]
    /// Cross-validation fold of each town (0..<folds), by département.
    public let foldOf: [Int]
    /// Controls of the partial correlations, one column per control (NaN = missing): distance, AAV dummies.
    public let controls: [[Double]]

    /// The sample of the peers of `scores`; throws when the matrix has no migration outcome.
    public init(scores: PeerScores) throws {
        let matrix = scores.matrix
        guard let latestColumn = matrix.indicator(Self.latestID), let earlierColumn = matrix.indicator(Self.earlierID) else {
            throw ScoringError("l'atlas n'a pas le solde migratoire (\(Self.latestID), \(Self.earlierID)) : reconstruisez-le avec `bourg data build`")
        }
        var positions: [Int] = [], latest: [Double] = [], earlier: [Double] = []
        for (position, row) in scores.members.enumerated() {
            guard let y2 = matrix.value(commune: row, indicator: latestColumn), let y1 = matrix.value(commune: row, indicator: earlierColumn) else { continue }
            positions.append(position); latest.append(y2); earlier.append(y1)
        }
        guard positions.count >= Self.minimumTowns else { throw ScoringError("trop peu de villes avec un solde migratoire (\(positions.count))") }
        self.scores = scores
        self.positions = positions
        self.latest = latest
        self.earlier = earlier
        let rows = positions.map { scores.members[$0] }
        inflow = rows.map { matrix.value(commune: $0, Self.inflowID) ?? .nan }
        weights = rows.map { (Double(matrix.communes[$0].population ?? 2_500) / 2_500).squareRoot() }
        let departements = rows.map { matrix.communes[$0].departement }
        let blocks = Array(Set(departements)).sorted()
        let index = Dictionary(uniqueKeysWithValues: blocks.enumerated().map { ($0.element, $0.offset) })
        self.blocks = blocks
        blockOf = departements.map { index[$0]! }
        let foldOfBlock = Self.assignFolds(blockSizes: blocks.indices.map { b in departements.filter { index[$0] == b }.count },
                                          folds: Self.folds, seed: Self.foldSeed)
        foldOf = blockOf.map { foldOfBlock[$0] }
        let distance = rows.map { matrix.value(commune: $0, Self.distanceID) ?? .nan }
        let category = rows.map { matrix.value(commune: $0, Self.attractionCategoryID) ?? .nan }
        controls = [distance] + Self.attractionCategories.map { code in category.map { $0.isNaN ? .nan : ($0 == code ? 1 : 0) } }
    }

    public var count: Int { positions.count }

    /// Deterministic folds of whole blocks: blocks in a seeded shuffle, each given to the fold with the fewest
    /// towns so far (ties to the lowest fold), so that folds have about the same number of towns.
    public static func assignFolds(blockSizes: [Int], folds: Int, seed: UInt64) -> [Int] {
        var order = Array(blockSizes.indices)
        var generator = SplitMix64(seed: seed)
        order.shuffle(using: &generator)
        var load = [Int](repeating: 0, count: folds)
        var result = [Int](repeating: 0, count: blockSizes.count)
        for block in order {
            let fold = load.indices.min { load[$0] < load[$1] || (load[$0] == load[$1] && $0 < $1) }!
            result[block] = fold
            load[fold] += blockSizes[block]
        }
        return result
    }

    /// The sample's values of a peer-level column (one value per peer of `scores`).
    public func restricted(_ perPeer: [Double]) -> [Double] { positions.map { perPeer[$0] } }

    /// The indicator scores of a matrix column for the sample (0–100, NaN = missing): the stored percentile score
    /// for a scored indicator, else the percentile rank of the raw value among the sample (higher value, higher
    /// score: used for the supply column, which is neutral).
    public func scoreColumn(_ column: Int) -> [Double] {
        if scores.scoredIndicators.contains(column) {
            return positions.map { scores.indicatorScore($0, column: column) ?? .nan }
        }
        let raw = rawColumn(column)
        let present = raw.indices.filter { !raw[$0].isNaN }
        let ranks = Statistics.percentileRanks(present.map { raw[$0] })
        var result = [Double](repeating: .nan, count: raw.count)
        for (k, i) in present.enumerated() { result[i] = ranks[k] }
        return result
    }

    /// The predictor keys of matrix columns: the indicator id, or for a category one `id=code` dummy per code
    /// present in the sample but the most common (the reference), codes in increasing order.
    public func predictorKeys(_ columns: [Int]) -> [String] {
        let indicators = scores.matrix.indicators
        return columns.flatMap { column -> [String] in
            guard indicators[column].kind == .category else { return [indicators[column].id] }
            var counts: [Double: Int] = [:]
            for value in rawColumn(column) where !value.isNaN { counts[value, default: 0] += 1 }
            let reference = counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key
            return counts.keys.sorted().filter { $0 != reference }.map { "\(indicators[column].id)=\(Int($0))" }
        }
    }

    /// The sample's scores of a predictor key (`predictorKeys`): `scoreColumn` of an indicator, or 100 / 0 for a
    /// dummy (NaN where the category is missing).
    public func scoreColumn(key: String) -> [Double] {
        let parts = key.split(separator: "=", maxSplits: 1)
        guard let column = scores.matrix.indicator(String(parts[0])) else { return Array(repeating: .nan, count: count) }
        guard parts.count == 2, let code = Double(parts[1]) else { return scoreColumn(column) }
        return rawColumn(column).map { $0.isNaN ? .nan : ($0 == code ? 100 : 0) }
    }

    /// A predictor key in French: the indicator's label, and for a dummy its category's ("Situation : rurale").
    public func label(ofKey key: String) -> String {
        let parts = key.split(separator: "=", maxSplits: 1)
        guard let column = scores.matrix.indicator(String(parts[0])) else { return key }
        let definition = scores.matrix.indicators[column]
        guard parts.count == 2, let code = Double(parts[1]) else { return definition.label }
        return "\(definition.label) : \(definition.categoryLabel(code) ?? String(parts[1]))"
    }

    /// The raw values of a matrix column for the sample (NaN = missing).
    public func rawColumn(_ column: Int) -> [Double] {
        positions.map { scores.matrix.value(commune: scores.members[$0], indicator: column) ?? .nan }
    }
}

extension MigrationSample {
    /// Spearman's ρ between an indicator's score (matrix `column`, scored) and net migration 2016–2022 among the
    /// peers at `positions` (e.g. a town's population band): the association shown beside a lever. `nil` when the
    /// atlas has no outcome or fewer than 30 of those towns have both.
    public static func association(scores: PeerScores, column: Int, positions: [Int]) -> Double? {
        guard let outcome = scores.matrix.indicator(latestID) else { return nil }
        let x = positions.map { scores.indicatorScore($0, column: column) ?? .nan }
        let y = positions.map { scores.matrix.value(commune: scores.members[$0], indicator: outcome) ?? .nan }
        guard x.indices.filter({ !x[$0].isNaN && !y[$0].isNaN }).count >= 30 else { return nil }
        return RankCorrelation.spearman(x, y)
    }
}

extension MigrationSample {
    /// The association of a lever's indicator with arrivals among `positions` (the town's population band), in a
    /// plain sentence with ρ in the detail, as the diagnostic shows it beside the lever, or `nil`.
    public static func associationText(scores: PeerScores, indicator id: String, positions: [Int]) -> String? {
        guard let column = scores.matrix.indicator(id), let rho = association(scores: scores, column: column, positions: positions) else { return nil }
        return associationSentence(rho: rho)
    }

    /// "Parmi les villes de même taille, celles qui font mieux sur ce point n'ont pas attiré davantage entre 2016 et
    /// 2022 (ρ = 0,09 : une association, pas une cause)." |ρ| < 0,1: no link; < 0,3: a little; else clearly.
    public static func associationSentence(rho: Double) -> String {
        let finding = switch rho {
        case ..<(-0.3): "ont nettement moins attiré"
        case ..<(-0.1): "ont un peu moins attiré"
        case ..<0.1: "n'ont pas attiré davantage"
        case ..<0.3: "ont un peu plus attiré"
        default: "ont nettement plus attiré"
        }
        return "Parmi les villes de même taille, celles qui font mieux sur ce point \(finding) entre 2016 et 2022 (ρ de Spearman = \(FrenchFormat.number(rho, decimals: 2)) : une association, pas une cause)."
    }
}
