import Dispatch
import Foundation

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

/// An indicator value against its comparable towns' (`ComparisonBasis`), the band's, the types' and the département's.
public struct IndicatorComparison: Sendable, Codable {
    public var indicator: IndicatorDefinition
    public var value: Double?
    /// The towns this figure is compared with (`LeverCatalogue`), in French, and their quartiles: the standing,
    /// the sentence and a lever's target read them.
    public var comparison: ComparisonBasis
    public var group: String
    public var comparable: Quartiles?
    public var band: Quartiles?
    public var departement: Quartiles?
    public var typeMedians: [TownType: Double]
    public var standing: Standing
    /// The sentence of a strength or weakness, with figures.
    public var sentence: String
}

/// One thing the town could change, ranked by who can act (the town's own levers first), then by priority =
/// weight of its dimension × gap to the target.
public struct Lever: Sendable, Codable {
    public var indicator: IndicatorDefinition
    /// The catalogue entry: action, who acts, constraint (`LeverCatalogue`).
    public var action: LeverAction
    public var value: Double
    /// The target of the what-if: the level the best-placed quarter of the comparable towns reaches
    /// (`Quartiles.upperQuartile`), never beyond what a town of the group has; for a slow figure, at most one
    /// term's step from the town's value (`LeverAction.step`).
    public var target: Double
    /// The level the best-placed quarter of the comparable towns reaches (the target when no step bounds it).
    public var bestQuarter: Double
    /// The comparable towns, in French, how many had a value, and their range.
    public var group: String
    public var groupCount: Int
    public var groupLowest: Double
    public var groupHighest: Double
    /// Gap between the target's score and the town's score on this indicator, in points (0–100).
    public var gap: Double
    /// Normalised weight of the indicator's dimension under the chosen weights.
    public var importance: Double
    public var priority: Double
    /// What reaching the target would change (composite points, ranks gained among `rankedCount`), peers unchanged.
    public var compositeGain: Double?
    public var placesGained: Int?
    public var rankedCount: Int

    /// Where the target comes from, in French: "le quart le mieux placé des communes de même forme", or for a slow
    /// figure bounded by a term's step, "un mandat vers le quart le mieux placé des … (6,14)".
    public var targetBasis: String {
        guard target != bestQuarter else { return "le quart le mieux placé des \(group)" }
        return "un mandat de progrès vers le quart le mieux placé des \(group) (\(FrenchFormat.reading(IndicatorReading(definition: indicator, value: bestQuarter))))"
    }

    /// The gain in words: "+0,8 point de note globale, +51 rangs parmi 4 052 petites villes classées".
    public var gainText: String? { Self.gainText(points: compositeGain, ranks: placesGained, among: rankedCount) }

    /// The gain of a what-if in words (one rule for the town page, the summary and the command line).
    public static func gainText(points: Double?, ranks: Int?, among count: Int) -> String? {
        guard let points else { return nil }
        let sign = points < 0 ? "−" : "+"
        var text = "\(sign)\(FrenchFormat.number(abs(points), decimals: 1)) point\(abs(points) >= 2 ? "s" : "") de note globale"
        if let ranks {
            let verb = ranks >= 0 ? "+" : "−"
            text += ", \(verb)\(FrenchFormat.number(Double(abs(ranks)), decimals: 0)) rang\(abs(ranks) >= 2 ? "s" : "") parmi \(FrenchFormat.number(Double(count), decimals: 0)) petites villes classées"
        }
        return text
    }
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
    /// How many similar towns to list (0: none, and no distance is computed).
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
    /// The peers of each place group (situation and centrality), by key (`placeKeys`), for the wanted towns.
    private let groupSets: [String: SortedPeerSet]
    /// Each peer's keys of its place groups, most specific first, with their French labels.
    private let placeKeys: [[(key: String, label: String)]]
    /// Each peer's population density (inhabitants per km², `nil` when its area is unknown, its logarithm): its form.
    private let densities: [Double?]
    private let logDensities: [Double]
    /// The peers of each population band and situation whose density is known, by key (`formKey`).
    private let formCandidates: [String: [Int]]
    /// Each peer's key of its form candidates and its group's label prefix, `nil` outside the bands or without density.
    private let formKeys: [(key: String, label: String)?]
    /// A comparison group needs this many other towns, or the next, broader one is used.
    public static let minimumGroup = 20
    /// A form group: the towns of the same band and situation whose population density is the closest.
    public static let formGroupSize = 50

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
        // Place groups ("towns like us" for distances to facilities and the supply of shops and care).
        let centralityColumn = scores.matrix.indicator("centralite_equipements")
        let centralities = scores.members.map { row in centralityColumn.flatMap { scores.matrix.value(commune: row, indicator: $0) } }
        let centralityLabel = { (code: Double) in centralityColumn.flatMap { scores.matrix.indicators[$0].categoryLabel(code) } ?? "\(Int(code))" }
        let placeKeys = scores.members.indices.map { position -> [(key: String, label: String)] in
            guard let centrality = centralities[position] else { return [] }
            let base = (key: "place|\(Int(centrality))", label: "\(scores.group.label) de même centralité (« \(centralityLabel(centrality).lowercased()) »)")
            guard let situation = situations[position] else { return [base] }
            return [(key: base.key + "|\(situation.id)", label: base.label + " et de même situation (\(situation.shortLabel))"), base]
        }
        self.placeKeys = placeKeys
        let densities = communes.map { commune -> Double? in
            guard let population = commune.population, let area = commune.areaKm2, area > 0, population > 0 else { return nil }
            return Double(population) / area
        }
        self.densities = densities
        logDensities = densities.map { $0.map(log) ?? .nan }
        let formKeys = scores.members.indices.map { position -> (key: String, label: String)? in
            guard densities[position] != nil, let band = PeerGroup.band(of: communes[position].population) else { return nil }
            let situation = situations[position]
            return ("\(band.label)|\(situation?.id ?? "")", band.label + (situation.map { " de même situation (\($0.shortLabel))" } ?? ""))
        }
        self.formKeys = formKeys
        formCandidates = Dictionary(grouping: scores.members.indices.filter { formKeys[$0] != nil }) { formKeys[$0]!.key }
        let wantedGroups = Set(wanted.flatMap { placeKeys[$0].map(\.key) })
        let groups = grouped { position in placeKeys[position].map(\.key) }.filter { wantedGroups.contains($0.key) }
        // Sorted in parallel: ~200 sets × every indicator, the bulk of the start-up cost of a diagnostician.
        var built = SortedPeerSet.build((outsideBands ? [Array(scores.members.indices)] : []) + (bands + departements).map(\.positions)
                                        + typeGroups.map(\.positions) + groups.map(\.positions), scores: scores)
        allPeers = outsideBands ? built.removeFirst() : nil
        bandSets = Dictionary(uniqueKeysWithValues: zip(bands.map(\.key), built.prefix(bands.count)))
        departementSets = Dictionary(uniqueKeysWithValues: zip(departements.map(\.key), built.dropFirst(bands.count).prefix(departements.count)))
        typeSets = Dictionary(uniqueKeysWithValues: zip(typeGroups.map(\.key), built.dropFirst(bands.count + departements.count).prefix(typeGroups.count)))
        groupSets = Dictionary(uniqueKeysWithValues: zip(groups.map(\.key), built.suffix(groups.count)))
    }

    /// The town's form group: the `formGroupSize` towns of its population band and situation whose population
    /// density is the closest to its own (log scale), with its French label; `nil` when its density is unknown or
    /// fewer than `minimumGroup` such towns exist.
    private func formGroup(_ position: Int) -> (set: SortedPeerSet, label: String)? {
        guard let form = formKeys[position] else { return nil }
        let own = logDensities[position]
        let candidates = (formCandidates[form.key] ?? []).filter { $0 != position }
        guard candidates.count >= Self.minimumGroup else { return nil }
        let nearest = candidates.map { ($0, abs(logDensities[$0] - own)) }.sorted { $0.1 < $1.1 }.prefix(Self.formGroupSize).map(\.0)
        let range = nearest.map { densities[$0]! }
        let text = { (value: Double) in FrenchFormat.number(value, decimals: 0) }
        let label = "\(nearest.count) \(form.label) à la densité de population la plus proche (de \(text(range.min()!)) à \(text(range.max()!)) hab./km²)"
        return (SortedPeerSet(positions: nearest.sorted(), scores: board.scores), label)
    }

    /// The comparable towns of the town at `position` for an indicator of `basis`: the form group, or the most
    /// specific place group with at least `minimumGroup` other towns and enough values for `column`, else the band.
    private func comparable(_ basis: ComparisonBasis, position: Int, column: Int, value: Double?,
                            band: (set: SortedPeerSet, label: String), form: (set: SortedPeerSet, label: String)?) -> (label: String, quartiles: Quartiles?) {
        let candidates: [(set: SortedPeerSet, label: String)] = switch basis {
        case .size: []
        case .form: form.map { [$0] } ?? []
        case .place: placeKeys[position].compactMap { key, label in groupSets[key].map { ($0, label) } }
        }
        for (set, label) in candidates {
            guard set.positions.count > Self.minimumGroup,
                  let quartiles = set.indicatorQuartiles(column, excluding: value), quartiles.count >= Self.minimumGroup / 2 else { continue }
            return (label, quartiles)
        }
        return (band.label, band.set.indicatorQuartiles(column, excluding: value))
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

        let form = formGroup(position)
        let indicators = scores.matrix.indicators.indices.compactMap { column -> IndicatorComparison? in
            let definition = scores.matrix.indicators[column]
            guard definition.kind != .category else { return nil }
            let value = scores.matrix.value(commune: row, indicator: column)
            let quartiles = { (set: SortedPeerSet) in set.indicatorQuartiles(column, excluding: value) }
            let basis = LeverCatalogue.action(for: definition).comparison
            let group = comparable(basis, position: position, column: column, value: value, band: (bandPeers, band.label), form: form)
            let standing = Standing(value: value, quartiles: group.quartiles, direction: definition.direction)
            return IndicatorComparison(
                indicator: definition, value: value, comparison: basis, group: group.label, comparable: group.quartiles,
                band: quartiles(bandPeers), departement: quartiles(departementPeers),
                typeMedians: typeMedians(quartiles),
                standing: standing,
                sentence: Self.sentence(definition, value: value, median: group.quartiles?.median, group: group.label))
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

        let levers = levers(position: position, indicators: indicators)
        let weakest = dimensions.filter { board.weights.value($0.dimension) > 0 && $0.score != nil }.min { $0.score! < $1.score! }?.dimension
        let similar = similarCount == 0 ? [] : similarity.mostSimilar(to: position, count: similarCount) { ownSituation == nil || situations[$0] == ownSituation }.map { neighbour in
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

    /// Each weak scored indicator that the catalogue says can be moved (`LeverAction.isLever`) becomes a lever;
    /// target = the level the best-placed quarter of its comparable towns reaches, or one term's step toward it for a
    /// slow figure (`LeverStep`); priority = normalised weight of
    /// its dimension × gap (points) between the target's score and the town's; the town's own levers come first.
    private func levers(position: Int, indicators: [IndicatorComparison]) -> [Lever] {
        let scores = board.scores
        let normalised = scores.normalisedWeights(board.weights)
        let whatIf = WhatIf(scores: scores)
        let rankedCount = board.rankedCount
        return indicators.compactMap { comparison -> Lever? in
            let action = LeverCatalogue.action(for: comparison.indicator)
            guard action.isLever, comparison.standing == .weakness, let value = comparison.value, let group = comparison.comparable,
                  let column = scores.matrix.indicator(comparison.indicator.id), scores.scoredIndicators.contains(column),
                  let d = scores.dimensions.firstIndex(of: comparison.indicator.dimension), normalised[d] > 0,
                  let current = scores.indicatorScore(position, column: column) else { return nil }
            let best = group.upperQuartile(comparison.indicator.direction)
            let target = action.step?.bounded(from: value, toward: best) ?? best
            guard let reached = whatIf.indicatorScore(position: position, column: column, value: target) else { return nil }
            let gap = max(0, reached - current)
            let outcome = whatIf.gain(position: position, changes: [column: target], on: board)
            return Lever(indicator: comparison.indicator, action: action, value: value, target: target, bestQuarter: best,
                         group: comparison.group, groupCount: group.count, groupLowest: group.minimum, groupHighest: group.maximum,
                         gap: gap, importance: normalised[d], priority: normalised[d] * gap,
                         compositeGain: outcome.composite, placesGained: outcome.places, rankedCount: rankedCount)
        }.sorted { ($0.action.inTownsHands ? 0 : 1, -$0.priority) < ($1.action.inTownsHands ? 0 : 1, -$1.priority) }
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
