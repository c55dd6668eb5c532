import Dispatch

/// A town's diagnostic for a mayor or a "Petites villes de demain" project lead: how it compares with towns
/// like it, its strengths and weaknesses, the levers to pull first with what each would change, and similar
/// towns to learn from.
public struct Diagnosis: Sendable, Codable {
    public var score: TownScore
    /// The towns of the same population band.
    public var band: ComparisonSet
    /// The towns sharing each of the town's types.
    public var typePeers: [TypePeers]
    /// The peer towns of the same département.
    public var departement: ComparisonSet
    public var dimensions: [DimensionComparison]
    public var indicators: [IndicatorComparison]
    /// Strength and weakness sentences, with figures, strongest first.
    public var strengths: [String]
    public var weaknesses: [String]
    /// The rule that decides strengths and weaknesses.
    public var rule: String
    /// Levers, highest priority first.
    public var levers: [Lever]
    public var similarTowns: [SimilarTown]
    /// The town's weakest weighted dimension, and the similar towns that do better on it.
    public var weakestDimension: AttractivenessDimension?
    public var betterOnWeakest: [SimilarTown]
}

/// The peers sharing one of the town's types.
public struct TypePeers: Sendable, Codable {
    public var type: TownType
    public var set: ComparisonSet
}

/// A dimension score against the band's and the département's.
public struct DimensionComparison: Sendable, Codable {
    public var dimension: AttractivenessDimension
    public var score: Double?
    public var band: Quartiles?
    public var departement: Quartiles?
    /// Medians of the dimension score among the peers of each of the town's types.
    public var typeMedians: [TownType: Double]
    public var standing: Standing
}

/// An indicator value against the band's, the types' and the département's.
public struct IndicatorComparison: Sendable, Codable {
    public var indicator: IndicatorDefinition
    public var value: Double?
    public var band: Quartiles?
    public var departement: Quartiles?
    public var typeMedians: [TownType: Double]
    public var standing: Standing
    /// The sentence of a strength or weakness, with figures.
    public var sentence: String
}

/// One thing the town could change, ranked by priority = weight of its dimension × gap to the band median.
public struct Lever: Sendable, Codable {
    public var indicator: IndicatorDefinition
    public var action: LeverAction
    public var value: Double
    /// The band peers' median value: the target of the what-if.
    public var target: Double
    /// Gap between the band median's score and the town's score on this indicator, in points (0–100).
    public var gap: Double
    /// Normalised weight of the indicator's dimension under the chosen weights.
    public var importance: Double
    public var priority: Double
    /// What reaching the median would change (composite points, places), peers unchanged.
    public var compositeGain: Double?
    public var placesGained: Int?
}

/// A town whose indicator profile resembles this one's.
public struct SimilarTown: Sendable, Codable, Hashable {
    public var commune: Commune
    /// Standardised distance (root mean square of z-score differences); 0 = identical.
    public var distance: Double
    public var composite: Double?
    /// Its score on the diagnosed town's weakest dimension.
    public var weakestDimensionScore: Double?
}

/// Builds diagnostics from a scoreboard (peer scores + weights).
public struct Diagnostician: Sendable {
    public let board: Scoreboard
    /// How many similar towns to list.
    public var similarCount = 10
    /// How many indicator sentences to give among the strengths, and among the weaknesses.
    public var indicatorSentenceCount = 8
    private let types: [[TownType]]
    private let similarity: TownSimilarity
    /// The peers of each population band, département and town type, with their values sorted once.
    private let bandSets: [String: SortedPeerSet]
    private let departementSets: [String: SortedPeerSet]
    private let typeSets: [TownType: SortedPeerSet]
    /// Every peer: the comparison set of a town outside the bands (only with peers wider than the bands).
    private let allPeers: SortedPeerSet?
    /// "Towns like us" of the same situation only (`Situation`): the band and the similar towns are restricted to
    /// the peers sharing the town's situation (a town whose situation is unknown keeps its whole band).
    public let sameSituation: Bool
    /// Each peer's situation (`nil`: unknown).
    private let situations: [Situation?]

    /// `peerTypes`, if given, must come from `board`'s scores and typology (they are assigned here otherwise).
    /// With `towns`, only the comparison sets of those peers are prepared (a command about one town): only they
    /// can then be diagnosed.
    /// With `sameSituation`, the band and the similar towns are those of the town's own situation.
    public init(board: Scoreboard, peerTypes: PeerTypes? = nil, towns: [Int]? = nil, sameSituation: Bool = false) {
        self.board = board
        self.sameSituation = sameSituation
        let scores = board.scores
        let situationColumn = scores.matrix.indicator("situation")
        let situations = scores.members.map { row in
            situationColumn.flatMap { scores.matrix.value(commune: row, indicator: $0) }.flatMap { Situation(rawValue: Int($0)) }
        }
        self.situations = situations
        let peerTypes = peerTypes ?? PeerTypes(scores: scores, rules: board.typology)
        let types = scores.members.indices.map { peerTypes.types($0) }
        self.types = types
        similarity = TownSimilarity(scores: scores)
        let communes = scores.members.map { scores.matrix.communes[$0] }
        func grouped<Key: Hashable>(_ keys: (Int) -> [Key]) -> [(key: Key, positions: [Int])] {
            var positions: [Key: [Int]] = [:]
            for position in scores.members.indices { for key in keys(position) { positions[key, default: []].append(position) } }
            return positions.map { ($0.key, $0.value) }
        }
        let wanted = towns ?? Array(scores.members.indices)
        let bandKey = { (position: Int) in Self.bandKey(PeerGroup.band(of: communes[position].population), situations[position], sameSituation) }
        let wantedBands = Set(wanted.compactMap(bandKey))
        let wantedDepartements = Set(wanted.map { communes[$0].departement })
        let wantedTypes = Set(wanted.flatMap { types[$0] })
        // Every town is in its band's set; with `sameSituation`, also in its band-and-situation set.
        let bands = grouped { position in
            let band = PeerGroup.band(of: communes[position].population)
            return Array(Set([Self.bandKey(band, nil, false), bandKey(position)].compactMap { $0 }))
        }.filter { wantedBands.contains($0.key) }
        let departements = grouped { [communes[$0].departement] }.filter { wantedDepartements.contains($0.key) }
        let typeGroups = grouped { types[$0] }.filter { wantedTypes.contains($0.key) }
        let outsideBands = wanted.contains { PeerGroup.band(of: communes[$0].population) == nil }
        // Sorted in parallel: ~110 sets × every indicator, the bulk of the start-up cost of a diagnostician.
        var built = SortedPeerSet.build((outsideBands ? [Array(scores.members.indices)] : []) + (bands + departements).map(\.positions)
                                        + typeGroups.map(\.positions), scores: scores)
        allPeers = outsideBands ? built.removeFirst() : nil
        bandSets = Dictionary(uniqueKeysWithValues: zip(bands.map(\.key), built.prefix(bands.count)))
        departementSets = Dictionary(uniqueKeysWithValues: zip(departements.map(\.key), built.dropFirst(bands.count).prefix(departements.count)))
        typeSets = Dictionary(uniqueKeysWithValues: zip(typeGroups.map(\.key), built.suffix(typeGroups.count)))
    }

    /// The diagnostic of the peer at `position`.
    public func diagnose(_ position: Int) -> Diagnosis {
        let scores = board.scores
        let row = scores.members[position]
        let commune = scores.matrix.communes[row]
        let bandGroup = PeerGroup.band(of: commune.population)
        let bandPeers = Self.bandKey(bandGroup, situations[position], sameSituation).map { bandSets[$0]! } ?? allPeers!
        let departementPeers = departementSets[commune.departement]!
        let ownSituation = sameSituation ? situations[position] : nil
        let bandLabel = (bandGroup ?? scores.group).label + (ownSituation.map { ", même situation : \($0.label.lowercased())" } ?? "")
        let band = ComparisonSet(label: bandLabel, positions: bandPeers.positions(excluding: position))
        let departementSet = ComparisonSet(
            label: "communes du même département (\(commune.departementName ?? commune.departement)) parmi les \(scores.group.label)",
            positions: departementPeers.positions(excluding: position))
        let typePeers = types[position].map { type in
            TypePeers(type: type, set: ComparisonSet(label: "communes « \(type.label.lowercased()) » parmi les \(scores.group.label)",
                                                     positions: typeSets[type]!.positions(excluding: position)))
        }
        let typeMedians = { (quartiles: (SortedPeerSet) -> Quartiles?) in
            Dictionary(uniqueKeysWithValues: types[position].compactMap { type in quartiles(typeSets[type]!).map { (type, $0.median) } })
        }

        let dimensions = scores.dimensions.enumerated().map { d, dimension in
            let score = scores.dimensionScore(position, dimension)
            let quartiles = { (set: SortedPeerSet) in set.dimensionQuartiles(d, excluding: score) }
            let bandQuartiles = quartiles(bandPeers)
            return DimensionComparison(
                dimension: dimension, score: score, band: bandQuartiles, departement: quartiles(departementPeers),
                typeMedians: typeMedians(quartiles),
                standing: Standing(value: score, quartiles: bandQuartiles, direction: .higherIsBetter))
        }

        let indicators = scores.matrix.indicators.indices.compactMap { column -> IndicatorComparison? in
            let definition = scores.matrix.indicators[column]
            guard definition.kind != .category else { return nil }
            let value = scores.matrix.value(commune: row, indicator: column)
            let quartiles = { (set: SortedPeerSet) in set.indicatorQuartiles(column, excluding: value) }
            let bandQuartiles = quartiles(bandPeers)
            let standing = Standing(value: value, quartiles: bandQuartiles, direction: definition.direction)
            return IndicatorComparison(
                indicator: definition, value: value, band: bandQuartiles, departement: quartiles(departementPeers),
                typeMedians: typeMedians(quartiles),
                standing: standing,
                sentence: Self.sentence(definition, value: value, median: bandQuartiles?.median, group: band.label))
        }

        // Strengths and weaknesses: dimensions first, then indicators, by distance from the band median.
        func sentences(_ standing: Standing) -> [String] {
            let dimensionSentences = dimensions.filter { $0.standing == standing }
                .sorted { abs(($0.score ?? 0) - ($0.band?.median ?? 0)) > abs(($1.score ?? 0) - ($1.band?.median ?? 0)) }
                .map { "\($0.dimension.label) : \(FrenchFormat.number($0.score ?? 0, decimals: 0))/100, contre \(FrenchFormat.number($0.band?.median ?? 0, decimals: 0)) pour la médiane des \(band.label)." }
            // The indicators furthest from the middle of the peers first, at most `indicatorSentenceCount`.
            let indicatorSentences = indicators.filter { $0.standing == standing && scores.dimensions.contains($0.indicator.dimension) }
                .map { comparison in
                    (comparison.sentence, scores.matrix.indicator(comparison.indicator.id).flatMap { scores.indicatorScore(position, column: $0) } ?? 50)
                }
                .sorted { standing == .strength ? $0.1 > $1.1 : $0.1 < $1.1 }
                .prefix(indicatorSentenceCount).map(\.0)
            return dimensionSentences + indicatorSentences
        }

        let levers = levers(position: position, band: band, indicators: indicators)
        let weakest = dimensions.filter { board.weights.value($0.dimension) > 0 && $0.score != nil }.min { $0.score! < $1.score! }?.dimension
        let similar = similarity.mostSimilar(to: position, count: similarCount) { ownSituation == nil || situations[$0] == ownSituation }.map { neighbour in
            SimilarTown(commune: scores.matrix.communes[scores.members[neighbour.position]], distance: neighbour.distance,
                        composite: board.composites[neighbour.position].isNaN ? nil : board.composites[neighbour.position],
                        weakestDimensionScore: weakest.flatMap { scores.dimensionScore(neighbour.position, $0) })
        }
        let ownWeakest = weakest.flatMap { scores.dimensionScore(position, $0) }
        let better = similar.filter { town in
            guard let theirs = town.weakestDimensionScore, let ours = ownWeakest else { return false }
            return theirs > ours
        }
        return Diagnosis(
            score: board.townScore(position), band: band, typePeers: typePeers, departement: departementSet,
            dimensions: dimensions, indicators: indicators, strengths: sentences(.strength), weaknesses: sentences(.weakness),
            rule: Standing.rule, levers: levers, similarTowns: similar, weakestDimension: weakest, betterOnWeakest: better)
    }

    /// The key of a town's band set: its population band's label, followed by its situation when comparisons are
    /// restricted to the same situation and the situation is known; `nil` outside the bands.
    private static func bandKey(_ band: PeerGroup?, _ situation: Situation?, _ sameSituation: Bool) -> String? {
        guard let band else { return nil }
        guard sameSituation, let situation else { return band.label }
        return band.label + "|" + situation.id
    }

    /// Each weak scored indicator becomes a lever; priority = normalised weight of its dimension × gap (points)
    /// between the band median's score and the town's; what-if gain = reaching the band median value.
    private func levers(position: Int, band: ComparisonSet, indicators: [IndicatorComparison]) -> [Lever] {
        let scores = board.scores
        let normalised = scores.normalisedWeights(board.weights)
        let whatIf = WhatIf(scores: scores)
        return indicators.compactMap { comparison -> Lever? in
            guard comparison.standing == .weakness, let value = comparison.value, let target = comparison.band?.median,
                  let column = scores.matrix.indicator(comparison.indicator.id), scores.scoredIndicators.contains(column),
                  let d = scores.dimensions.firstIndex(of: comparison.indicator.dimension), normalised[d] > 0,
                  let current = scores.indicatorScore(position, column: column),
                  let reached = whatIf.indicatorScore(position: position, column: column, value: target) else { return nil }
            let gap = max(0, reached - current)
            let outcome = whatIf.gain(position: position, changes: [column: target], on: board)
            return Lever(indicator: comparison.indicator, action: LeverCatalogue.action(for: comparison.indicator), value: value,
                         target: target, gap: gap, importance: normalised[d], priority: normalised[d] * gap,
                         compositeGain: outcome.composite, placesGained: outcome.places)
        }.sorted { $0.priority > $1.priority }
    }

    /// "Médecins généralistes pour 10 000 habitants : 2 contre 7,5 pour la médiane des communes de 5 000 à 9 999 habitants (2021)."
    static func sentence(_ definition: IndicatorDefinition, value: Double?, median: Double?, group: String) -> String {
        let shown = FrenchFormat.reading(IndicatorReading(definition: definition, value: value))
        guard let median else { return "\(definition.label) : \(shown)." }
        let medianText = FrenchFormat.reading(IndicatorReading(definition: definition, value: median))
        return "\(definition.label) : \(shown), contre \(medianText) pour la médiane des \(group)."
    }
}

/// Some peers (a population band, a département, a town type) with every indicator's values and every
/// dimension's scores sorted once, so that a diagnostic reads quartiles of "the others" without sorting.
struct SortedPeerSet: Sendable {
    /// Positions in `PeerScores.members`, ascending.
    let positions: [Int]
    let indicatorValues: [[Double]]
    let dimensionScores: [[Double]]

    init(positions: [Int], scores: PeerScores) {
        self.positions = positions
        indicatorValues = scores.matrix.indicators.indices.map { column in
            positions.compactMap { scores.matrix.value(commune: scores.members[$0], indicator: column) }.sorted()
        }
        dimensionScores = scores.dimensions.map { dimension in positions.compactMap { scores.dimensionScore($0, dimension) }.sorted() }
    }

    /// The sets of each list of positions, built in parallel.
    static func build(_ positionLists: [[Int]], scores: PeerScores) -> [SortedPeerSet] {
        var sets = [SortedPeerSet?](repeating: nil, count: positionLists.count)
        sets.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let output = buffer
            DispatchQueue.concurrentPerform(iterations: positionLists.count) { index in
                output[index] = SortedPeerSet(positions: positionLists[index], scores: scores)
            }
        }
        return sets.map { $0! }
    }

    /// The set's positions without `position`.
    func positions(excluding position: Int) -> [Int] { positions.filter { $0 != position } }

    func indicatorQuartiles(_ column: Int, excluding value: Double?) -> Quartiles? {
        Quartiles(sorted: indicatorValues[column], excluding: value)
    }

    func dimensionQuartiles(_ dimension: Int, excluding score: Double?) -> Quartiles? {
        Quartiles(sorted: dimensionScores[dimension], excluding: score)
    }
}
