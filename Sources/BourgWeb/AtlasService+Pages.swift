import BourgCore
import BourgData
import Foundation

/// A link to a preset household profile, on the home page.
public struct PresetLink: Encodable, Sendable {
    public var label: String
    public var description: String
    public var path: String
}

/// The home page (`/`).
public struct HomePage: Encodable, Sendable {
    public var frame: PageFrame
    public var peerCount: Int
    public var presets: [PresetLink]
    public var top: [RankingRow]
    /// Banlieues of large urban units left out of the top list, and the ranking's query that includes them.
    public var topLeftOut: Int
    public var includeAllQuery: String
    /// Address of the national map (SVG).
    public var mapPath: String
    public var mapDescription: String
}

/// One ranked town.
public struct RankingRow: Encodable, Sendable {
    /// Rank among the towns the filters keep (1…N).
    public var rank: Int
    public var commune: CommuneSummary
    /// The town's situation in words (centre, banlieue, périurbaine, rurale).
    public var situation: String?
    public var composite: Double
    public var compositeText: String
    public var rankInterval: RankInterval?
    public var rankIntervalText: String
    public var types: [String]
    public var typesText: String
    /// Weighted dimensions without data for this town (left out of its composite).
    public var missingDimensions: [String]
    public var missingText: String?
    public var dimensions: [DimensionCell]
}

/// A dimension score in a table cell.
public struct DimensionCell: Encodable, Sendable {
    public var id: String
    public var score: Double?
    public var text: String
}

/// What a ranking is asked for: weights, aggregation, filters.
public struct RankingRequest: Sendable, Equatable {
    public var weights: Weights
    public var aggregation: Aggregation
    public var departement: String?
    public var region: String?
    public var type: TownType?
    /// Only towns in these situations: by default every one but the banlieues of large urban units
    /// (`Situation.ownCentreByDefault`), which readers do not call small towns.
    public var situations: [Situation]
    public var limit: Int

    public init(weights: Weights = WeightPresets.barometre, aggregation: Aggregation = .arithmetic, departement: String? = nil,
                region: String? = nil, type: TownType? = nil, situations: [Situation] = Situation.ownCentreByDefault, limit: Int = 50) {
        self.weights = weights
        self.aggregation = aggregation
        self.departement = departement
        self.region = region
        self.type = type
        self.situations = situations
        self.limit = limit
    }
}

/// A weight slider of the ranking form.
public struct WeightField: Encodable, Sendable {
    public var id: String
    public var label: String
    public var value: Int
    public var note: String
}

/// The ranking page (`/classement`).
public struct RankingPage: Encodable, Sendable {
    public var frame: PageFrame
    public var peerGroup: String
    public var weights: Weights
    public var weightFields: [WeightField]
    public var aggregation: String
    public var aggregationLabel: String
    public var isGeometric: Bool
    public var filters: String?
    /// Said when the request weighs a dimension that has no scored indicator (it is not a weighting choice).
    public var weightNotice: String?
    public var intervalsComputed: Bool
    public var departement: String?
    public var region: String?
    public var type: String?
    public var typeOptions: [TypeOption]
    /// The situation checkboxes (centre, banlieue, périurbaine, rurale).
    public var situationOptions: [TypeOption]
    /// How many towns the situation filter left out, and the query that includes them all again.
    public var situationExcluded: Int
    public var situationNote: String?
    public var includeAllSituationsQuery: String
    public var dimensionHeaders: [String]
    public var matching: Int
    public var rows: [RankingRow]
    public var query: String
}

/// What a ranking request's filters say of one peer (`AtlasService.filterVerdicts`).
enum FilterVerdict {
    case kept
    /// Left out by the département, the région or the type.
    case otherFilter
    /// Left out by its situation only.
    case otherSituation
}

/// A choice in a form: a checkbox or a select's option.
public struct TypeOption: Encodable, Sendable, TemplateFields {
    public var id: String
    public var label: String
    public var selected: Bool

    var templateFields: [String: Any] { ["id": id, "label": label, "selected": selected] }
}

/// The comparison page (`/comparer`).
public struct ComparePage: Encodable, Sendable {
    public var frame: PageFrame
    public var towns: [TownColumn]
    public var rows: [CompareRow]
    public var chart: String
    public var codes: String
    /// Whether there are towns enough (2 to 4) to compare; with fewer the page is a form to pick them.
    public var ready: Bool
    /// The picking form's inputs (`commune1`…`commune4`), filled with the towns already chosen.
    public var fields: [CompareField]
    /// With one town chosen: its similar towns (the town page's), each a one-click comparison.
    public var suggestions: [CompareSuggestion]
    public var suggestionsTitle: String

    enum CodingKeys: String, CodingKey { case frame, towns, rows, codes, ready, fields, suggestions }
}

/// One input of the comparison's picking form: a town's name or INSEE code.
public struct CompareField: Encodable, Sendable {
    public var name: String
    public var label: String
    public var value: String
}

/// A town proposed for comparison, and the comparison's address.
public struct CompareSuggestion: Encodable, Sendable {
    public var commune: CommuneSummary
    public var distanceText: String
    public var path: String
}

/// One town of a comparison.
public struct TownColumn: Encodable, Sendable {
    public var commune: CommuneSummary
    public var compositeText: String
    public var rankText: String
    public var types: String
}

/// One line of a comparison table.
public struct CompareRow: Encodable, Sendable {
    public var label: String
    public var isDimension: Bool
    public var values: [String]
    public var sources: String
}

/// The method page (`/methode`).
public struct MethodPage: Encodable, Sendable {
    public var frame: PageFrame
    public var dimensions: [MethodDimension]
    public var weights: [WeightTable]
    public var typology: [TypologyRule]
    public var outliers: [OutlierLine]
    public var peerGroup: String
    public var coverageTotal: Int
    /// The car-time estimator and its validation (`CarTimePage.swift`), when the atlas stores it.
    public var carTimes: CarTimeSection?
    /// What the public asks about and no open source measures: named once here, never shown as "no data" on town pages.
    public var knownGaps: [String]
    /// The lever catalogue (`LeverCatalogue`): for each scored indicator, the action, who acts and the constraint.
    public var levers: [MethodLever]
    public var leverTargetRule: String
}

/// One entry of the lever catalogue on the method page.
public struct MethodLever: Encodable, Sendable {
    public var indicator: String
    public var action: String
    public var actionability: String
    public var actors: String
    public var constraint: String?
    public var comparison: String
}

/// A dimension and its indicators, with coverage, on the method page.
public struct MethodDimension: Encodable, Sendable {
    public var label: String
    public var weighable: Bool
    public var indicators: [MethodIndicator]
}

/// An indicator's definition on the method page and in the catalogue (`/indicateurs.json`).
public struct MethodIndicator: Encodable, Sendable {
    public var id: String
    /// The dimension's id.
    public var dimension: String
    public var label: String
    public var unit: String
    public var direction: String
    public var sources: String
    public var vintage: String
    public var definition: String
    public var coverage: Int
    public var coverageText: String
}

/// The indicator catalogue (`/indicateurs.json`): every indicator's definition, once, in catalogue order; the
/// town pages' JSON refers to them by id.
public struct CataloguePage: Encodable, Sendable {
    public var frame: PageFrame
    public var indicators: [MethodIndicator]
}

/// A weight preset as a table: each dimension's weight, its share and where it comes from.
public struct WeightTable: Encodable, Sendable {
    public var id: String
    public var label: String
    public var citation: String
    public var rows: [WeightRow]

    init(_ weights: Weights) {
        id = weights.id
        label = weights.label
        citation = weights.citation
        let total = weights.entries.map(\.value).reduce(0, +)
        rows = weights.entries.map { entry in
            WeightRow(dimension: entry.dimension.rawValue, label: entry.dimension.label, value: entry.value,
                      share: total > 0 ? entry.value / total : 0,
                      shareText: FrenchFormat.number(total > 0 ? entry.value / total * 100 : 0, decimals: 1) + " %",
                      basis: entry.basis.rawValue, basisLabel: entry.basis.label, note: entry.note)
        }
    }
}

/// One dimension's weight in a preset table.
public struct WeightRow: Encodable, Sendable {
    public var dimension: String
    public var label: String
    public var value: Double
    public var share: Double
    public var shareText: String
    public var basis: String
    public var basisLabel: String
    public var note: String
}

/// A typology rule and how many towns meet it.
public struct TypologyRule: Encodable, Sendable {
    public var id: String
    public var label: String
    public var rule: String
    public var count: Int
}

/// An indicator whose outliers were treated.
public struct OutlierLine: Encodable, Sendable {
    public var label: String
    public var treatment: String
}

/// The sources page (`/sources`).
public struct SourcesPage: Encodable, Sendable {
    public var frame: PageFrame
    public var sources: [SourceEntry]
}

/// A source and its files.
public struct SourceEntry: Encodable, Sendable {
    public var source: SourceDescription
    public var files: [SourceFileLine]
}

/// A file of a source, as read by the last build.
public struct SourceFileLine: Encodable, Sendable {
    public var name: String
    public var sha256: String
    public var rowsRead: Int
    public var rowsRejected: Int
    public var rowsUnmatched: Int
    public var rowsCorrected: Int
}

extension AtlasService {
    /// Presets of household ratings shown on the home page (each a documented rating set). Each opens the household
    /// form (`/trouver`) with its ratings and situations filled in but not yet searched, ready for a city, a budget
    /// and needs.
    static let presets: [PresetLink] = [
        PresetLink(label: "Je télétravaille", description: "numérique 5, nature 4, mobilité 4, santé 3, vie sociale 3 ; hors banlieues des grandes villes",
                   path: "/trouver?numerique=5&nature=4&mobilite=4&sante=3&vie_sociale=3&" + ownCentreQuery),
        PresetLink(label: "Famille avec enfants", description: "services publics 5, santé 5, sécurité 4, logement 4, nature 3, culture 3, climat et risques 3 ; hors banlieues des grandes villes",
                   path: "/trouver?services_publics=5&sante=5&securite=4&logement=4&nature=3&culture=3&climat=3&" + ownCentreQuery),
        PresetLink(label: "Retraite au calme", description: "santé 5, nature 5, sécurité 4, vie sociale 4, climat et risques 4, commerces 3 ; hors banlieues des grandes villes",
                   path: "/trouver?sante=5&nature=5&securite=4&vie_sociale=4&climat=4&commerce=3&" + ownCentreQuery),
    ]

    /// The situation checkboxes of a household profile: every situation but the banlieues of large urban units.
    static let ownCentreQuery = Situation.ownCentreByDefault.map { "situation_\($0.id)=1" }.joined(separator: "&")

    public func homePage() throws -> HomePage {
        let ranking = try rankingPage(RankingRequest(limit: 10))
        return HomePage(frame: frame("Bourg — l'attractivité des petites villes", json: "/index.json"), peerCount: scores.members.count,
                        presets: Self.presets, top: ranking.rows, topLeftOut: ranking.situationExcluded,
                        includeAllQuery: ranking.includeAllSituationsQuery, mapPath: "/carte.svg",
                        mapDescription: "Carte de France des petites villes (hors banlieues des unités urbaines de 100 000 habitants ou plus), chacune colorée selon sa note globale (pondération du baromètre 2021), en cinq classes d'effectifs égaux ; la Guadeloupe, la Martinique, la Guyane, La Réunion et Mayotte en cartouches.")
    }

    /// The national map: mainland and Corsican départements, the overseas ones in insets, small towns coloured by
    /// their barometer composite.
    public func nationalMap() -> String {
        let points = scores.members.indices.compactMap { position -> Charts.MapPoint? in
            let commune = matrix.communes[scores.members[position]]
            // The banlieues of large urban units are left out, as in the ranking's default.
            guard let situation = peerSituation(position), Situation.ownCentreByDefault.contains(situation) else { return nil }
            guard let location = commune.position else { return nil }
            let composite = board.composites[position]
            return Charts.MapPoint(position: location,
                                   title: "\(commune.name) (\(commune.departement)) — \(composite.isNaN ? "pas de note" : FrenchFormat.number(composite, decimals: 1))",
                                   score: composite.isNaN ? nil : composite, departement: commune.departement)
        }
        return pointMap(points, title: "Carte des \(points.count) petites villes, colorées selon leur note globale (baromètre 2021) ; les départements d'outre-mer en cartouches, à leur propre échelle")
    }

    /// France (mainland outlines, overseas insets) with one dot per point, coloured in quintile classes of its score.
    func pointMap(_ points: [Charts.MapPoint], title: String, legend: String = "note globale") -> String {
        let mainland = outlines.filter { $0.departement.count == 2 }
        guard !mainland.isEmpty else { return "" }
        let insets = NationalLayout.insetsFrame
        let frame = (min(insets.x, mainland.map(\.minX).min()!), min(insets.y, mainland.map(\.minY).min()!),
                     max(insets.maxX, mainland.map(\.maxX).max()!), max(insets.maxY, mainland.map(\.maxY).max()!))
        // Overseas outlines in kilometres, y down, written as the stored ones are (SVG.pathData takes metres, y up).
        let overseas = ((try? insetOutlines(tolerance: 0.5)) ?? []).map { $0.map { PlanePoint(x: $0.x * 1_000, y: -$0.y * 1_000) } }
        return Charts.map(outlines: mainland.map(\.pathCoarse) + [SVG.pathData(overseas)], points: points, frame: frame,
                          title: title, legend: legend,
                          insets: NationalLayout.insets) { NationalLayout.place($0.position, departement: $0.departement ?? "") }
    }

    public func rankingPage(_ request: RankingRequest, weightNotice: String? = nil) throws -> RankingPage {
        let board = request.weights == self.board.weights && request.aggregation == self.board.aggregation
            ? self.board : Scoreboard(scores: scores, weights: request.weights, aggregation: request.aggregation)
        let verdicts = filterVerdicts(request)
        let ranking = FilteredRanking(board: board) { verdicts[$0] == .kept }
        let leftOutBySituation = board.rankedPositions.filter { verdicts[$0] == .otherSituation }.count
        let shown = Array(ranking.kept.prefix(request.limit))
        let intervals = ranking.intervals(of: shown, uncertainty: uncertainty)
        let rows = shown.enumerated().map { index, position in
            let commune = matrix.communes[scores.members[position]]
            let types = peerTypes.types(position)
            let composite = board.composites[position]
            let interval = intervals[position]
            let missing = scores.missingWeightedDimensions(position, weights: request.weights).map(\.label)
            return RankingRow(
                rank: ranking.rank(atIndex: index), commune: CommuneSummary(commune), situation: peerSituation(position)?.shortLabel,
                composite: composite, compositeText: FrenchFormat.number(composite, decimals: 1), rankInterval: interval,
                rankIntervalText: interval.map { "\(Int($0.low))–\(Int($0.high))" } ?? "",
                types: types.map(\.label), typesText: types.map(\.label).joined(separator: " · "),
                missingDimensions: missing, missingText: MissingDimensionRule.text(missing: missing, ranked: true),
                dimensions: scores.dimensions.map { dimension in
                    let value = scores.dimensionScore(position, dimension)
                    return DimensionCell(id: dimension.rawValue, score: value, text: value.map { FrenchFormat.number($0, decimals: 0) } ?? "—")
                })
        }
        let filters = [request.departement.map { "département \($0)" }, request.region.map { "région \($0)" }, request.type.map { "type « \($0.label) »" }]
            .compactMap { $0 }.joined(separator: ", ")
        let query = RankingQuery.encode(request)
        let filterText: String? = filters.isEmpty ? nil : filters
        return RankingPage(
            frame: frame("Classement des petites villes", json: "/classement.json" + (query.isEmpty ? "" : "?" + query)),
            peerGroup: scores.group.label, weights: request.weights,
            weightFields: AttractivenessDimension.weighable.map { dimension in
                let entry = request.weights.entries.first { $0.dimension == dimension }
                let maximum = request.weights.entries.map(\.value).max() ?? 1
                let rating = request.weights.id == "custom" ? Int(entry?.value ?? 0) : Int(((entry?.value ?? 0) / maximum * 5).rounded())
                return WeightField(id: dimension.rawValue, label: dimension.label, value: rating, note: entry?.note ?? "")
            },
            aggregation: request.aggregation.rawValue, aggregationLabel: request.aggregation.label, isGeometric: request.aggregation == .geometric,
            filters: filterText, weightNotice: weightNotice, intervalsComputed: !intervals.isEmpty,
            departement: request.departement, region: request.region, type: request.type?.rawValue,
            typeOptions: TownType.allCases.map { TypeOption(id: $0.rawValue, label: $0.label, selected: $0 == request.type) },
            situationOptions: Situation.allCases.map { TypeOption(id: $0.id, label: $0.label, selected: request.situations.contains($0)) },
            situationExcluded: leftOutBySituation,
            situationNote: leftOutBySituation > 0 ? Self.situationNote(leftOut: leftOutBySituation, situations: request.situations) : nil,
            includeAllSituationsQuery: { var all = request; all.situations = Situation.allCases; return RankingQuery.encode(all) }(),
            dimensionHeaders: scores.dimensions.map(\.label), matching: ranking.count, rows: rows, query: query)
    }

    /// What a ranking request's filters say of each peer (in `PeerScores.members` order): kept, left out by the
    /// département, région or type, or left out by its situation only — the ranking's and the map's one rule.
    func filterVerdicts(_ request: RankingRequest) -> [FilterVerdict] {
        let wanted = Set(request.situations)
        return scores.members.indices.map { position in
            let commune = matrix.communes[scores.members[position]]
            if let departement = request.departement, commune.departement != departement { return .otherFilter }
            if let region = request.region, commune.region != region { return .otherFilter }
            if let type = request.type, !peerTypes.types(position).contains(type) { return .otherFilter }
            guard let situation = peerSituation(position), wanted.contains(situation) else { return .otherSituation }
            return .kept
        }
    }

    /// The situation of the peer at `position`, or `nil` when the atlas has none.
    func peerSituation(_ position: Int) -> Situation? {
        matrix.value(commune: scores.members[position], "situation").flatMap { Situation(rawValue: Int($0)) }
    }

    /// "412 banlieues d'unités urbaines de 100 000 habitants ou plus écartées", for the ranking and the match.
    static func situationNote(leftOut: Int, situations: [Situation]) -> String {
        let excluded = Situation.allCases.filter { !situations.contains($0) }
        let names = excluded == [.banlieue] ? "banlieues d'unités urbaines de 100 000 habitants ou plus"
            : "communes de situation " + excluded.map { $0.label.lowercased() }.joined(separator: ", ")
        return "\(FrenchFormat.number(Double(leftOut), decimals: 0)) \(names) écartées"
    }

    public func comparePage(codes: [String]) throws -> ComparePage {
        var towns: [TownColumn] = []
        var positions: [Int?] = []
        var communes: [Commune] = []
        for code in codes {
            guard let commune = try database.commune(code: code) else { throw WebError.unknownCommune(code) }
            communes.append(commune)
            let position = scores.position(ofCommune: code)
            positions.append(position)
            let score = position.map { board.townScore($0) }
            towns.append(TownColumn(
                commune: CommuneSummary(commune), compositeText: score?.composite.map { FrenchFormat.number($0, decimals: 1) } ?? "hors pairs",
                rankText: score?.rank.map { "\($0) / \(board.rankedCount)" } ?? "—",
                types: score?.types.map(\.type.label).joined(separator: ", ") ?? ""))
        }
        var rows: [CompareRow] = scores.dimensions.map { dimension in
            CompareRow(label: dimension.label, isDimension: true, values: positions.map { position in
                position.flatMap { scores.dimensionScore($0, dimension) }.map { FrenchFormat.number($0, decimals: 0) } ?? "—"
            }, sources: "")
        }
        let readings = try communes.map { try database.readings(for: $0.code) }
        if let first = readings.first {
            for (index, reading) in first.enumerated() {
                rows.append(CompareRow(label: reading.definition.label, isDimension: false,
                                       values: readings.map { FrenchFormat.reading($0[index]) },
                                       sources: citation(of: reading.definition) + ", " + reading.definition.vintage))
            }
        }
        let fields = (1...CompareQuery.maximum).map { index in
            CompareField(name: "commune\(index)", label: "Commune \(index)",
                         value: communes.indices.contains(index - 1) ? "\(communes[index - 1].name) (\(communes[index - 1].code))" : "")
        }
        let joined = codes.joined(separator: ",")
        guard communes.count >= 2 else {
            // Fewer than two towns: the page to pick them, with the one town's similar towns to compare it with.
            let similar = (positions.first ?? nil).map { diagnostician.diagnose($0).similarTowns } ?? []
            let suggestions = similar.map { town in
                CompareSuggestion(commune: CommuneSummary(town.commune), distanceText: FrenchFormat.number(town.distance, decimals: 2),
                                  path: "/comparer?codes=\(joined),\(town.commune.code)")
            }
            let title = communes.first.map { "Comparer \($0.name) avec…" } ?? "Comparer des communes"
            return ComparePage(frame: frame(title, json: "/comparer.json" + (joined.isEmpty ? "" : "?codes=\(joined)")),
                               towns: towns, rows: [], chart: "", codes: joined, ready: false, fields: fields, suggestions: suggestions,
                               suggestionsTitle: communes.first.map { "Les communes qui ressemblent le plus à \($0.name)" } ?? "")
        }
        let chart = Charts.groupedBars(
            categories: scores.dimensions.map(\.label),
            series: zip(communes, positions).map { commune, position in
                Charts.Series(name: commune.name, values: scores.dimensions.map { dimension in position.flatMap { scores.dimensionScore($0, dimension) } })
            },
            title: "Notes par dimension de " + communes.map(\.name).joined(separator: ", "))
        return ComparePage(frame: frame("Comparer " + communes.map(\.name).joined(separator: ", "), json: "/comparer.json?codes=\(joined)"),
                           towns: towns, rows: rows, chart: chart, codes: joined, ready: true, fields: fields, suggestions: [],
                           suggestionsTitle: "")
    }

    public func methodPage() -> MethodPage {
        let gaps = Set(matrix.indicators.filter(\.sources.isEmpty).map(\.id))
        let indicators = catalogueIndicators().filter { !gaps.contains($0.id) }
        let dimensions = AttractivenessDimension.allCases.map { dimension in
            MethodDimension(label: dimension.label, weighable: AttractivenessDimension.weighable.contains(dimension),
                            indicators: indicators.filter { $0.dimension == dimension.rawValue })
        }
        let counts = TypologyCount(rules: board.typology, matrix: matrix, rows: scores.members)
        let descriptions = board.typology.descriptions
        let outliers = zip(scores.scoredIndicators, scores.treatments).compactMap { column, treatment -> OutlierLine? in
            treatment == .none ? nil : OutlierLine(label: matrix.indicators[column].label, treatment: treatment.label)
        }
        return MethodPage(
            frame: frame("Méthode", json: "/methode.json"), dimensions: dimensions, weights: presets.map(WeightTable.init),
            typology: TownType.allCases.map { TypologyRule(id: $0.rawValue, label: $0.label, rule: descriptions[$0] ?? "", count: counts.byType[$0, default: 0]) },
            outliers: outliers, peerGroup: scores.group.label, coverageTotal: coverage.first?.communesInGroup ?? 0, carTimes: carTimeSection(),
            knownGaps: matrix.indicators.filter(\.sources.isEmpty).map { "\($0.label) (\($0.dimension.label)) : \($0.definition)" },
            levers: scores.scoredIndicators.map { column in
                let definition = matrix.indicators[column], action = LeverCatalogue.action(for: definition)
                return MethodLever(indicator: definition.label, action: action.action, actionability: action.actionability.label,
                                   actors: action.actorsText, constraint: action.constraint, comparison: action.comparison.shortLabel)
            },
            leverTargetRule: LeverCatalogue.targetRule)
    }

    public func cataloguePage() -> CataloguePage {
        CataloguePage(frame: frame("Indicateurs", json: "/indicateurs.json"), indicators: catalogueIndicators())
    }

    /// Every indicator's definition, with its coverage among the peers, in catalogue order.
    func catalogueIndicators() -> [MethodIndicator] {
        zip(matrix.indicators, coverage).map { definition, entry in
            MethodIndicator(
                id: definition.id, dimension: definition.dimension.rawValue, label: definition.label, unit: definition.unit,
                direction: definition.direction.label, sources: citation(of: definition),
                vintage: definition.vintage, definition: definition.definition, coverage: entry.communesWithValue,
                coverageText: "\(entry.communesWithValue) / \(entry.communesInGroup) (\(FrenchFormat.number(entry.share * 100, decimals: 1)) %)")
        }
    }

    public func sourcesPage() -> SourcesPage {
        let grouped = Dictionary(grouping: provenance, by: \.source.id)
        return SourcesPage(frame: frame("Sources", json: "/sources.json"), sources: grouped.keys.sorted().map { id in
            let files = grouped[id]!
            return SourceEntry(source: files[0].source, files: files.map {
                SourceFileLine(name: $0.fileName, sha256: $0.sha256, rowsRead: $0.rowsRead, rowsRejected: $0.rowsRejected, rowsUnmatched: $0.rowsUnmatched, rowsCorrected: $0.rowsCorrected)
            })
        })
    }
}
