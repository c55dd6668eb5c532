import BourgCore
import BourgData
import Foundation
import Hummingbird
import Synchronization

/// The map page (`/carte`): every small town drawn as its own shape, coloured by the composite (for the chosen
/// weighting), a dimension or an indicator, with a legend of classes; the overseas départements in insets.
/// Its JSON twin (`/carte.json`) carries every town's value, rank and class, which the page's script reads to
/// recolour the map without reloading it.
public struct MapPage: Encodable, Sendable {
    public var frame: PageFrame
    /// What the towns are coloured by.
    public var measure: MapMeasureView
    /// The choices of the select, grouped (note, dimensions, indicators by dimension).
    public var measureGroups: [MapMeasureGroup]
    public var weightsLabel: String
    public var aggregationLabel: String
    /// The filters of the ranking carried over (towns outside them are drawn in grey), if any.
    public var filters: String?
    /// The query that draws the banlieues of large urban units too, when the situation filter leaves some out.
    public var includeAllSituationsQuery: String?
    /// The weighting and filters as a query string (without `mesure`), for links to the ranking and back.
    public var query: String
    /// The weighting and filters as hidden fields of the select's form.
    public var hiddenFields: [HiddenField]
    public var classes: [MapClasses.Entry]
    /// The legend's other entries: towns without a value (`na`) and outside the filters (`out`), when there are any.
    public var otherClasses: [MapClasses.Entry]
    /// The insets without any peer town, said in words ("Mayotte : aucune commune parmi les pairs…"), if any.
    public var emptyInsets: String?
    /// Towns ranked on the measure (the "out of" of a rank); 0 for a measure without a direction.
    public var rankedCount: Int
    public var towns: [MapTown]
    /// The map (SVG), rendered unescaped in HTML; omitted from JSON.
    public var svg: String

    enum CodingKeys: String, CodingKey {
        case frame, measure, measureGroups, weightsLabel, aggregationLabel, filters, includeAllSituationsQuery, query, hiddenFields, classes
        case otherClasses, emptyInsets, rankedCount, towns
    }
}

/// The measure a map shows.
public struct MapMeasureView: Encodable, Sendable {
    public var id: String
    public var label: String
    /// "note", "dimension" or "indicateur".
    public var kind: String
    public var unit: String
    /// Which way is better, in words ("plus c'est élevé, mieux c'est"), or "neutre".
    public var direction: String
    /// How the figure is made, and its source and year.
    public var definition: String
    public var sources: String
}

/// A group of options of the measure select.
public struct MapMeasureGroup: Encodable, Sendable {
    public var label: String
    public var options: [MapMeasureOption]
}

/// One option of the measure select.
public struct MapMeasureOption: Encodable, Sendable {
    public var id: String
    public var label: String
    public var selected: Bool
}

/// A query parameter carried over as a hidden form field.
public struct HiddenField: Encodable, Sendable {
    public var name: String
    public var value: String
}

/// One town on the map: its value for the measure, its rank and its class.
public struct MapTown: Encodable, Sendable {
    public var code: String
    public var name: String
    public var departement: String
    public var value: Double?
    public var valueText: String
    /// 1 = best; `nil` without a value or for a measure without a direction.
    public var rank: Int?
    /// The CSS class of its shape: a `MapClasses` entry's id, `na` (no value) or `out` (outside the filters).
    public var classID: String
}

/// What the map shows, from the `mesure` parameter.
enum MapMeasure: Equatable {
    case composite
    case dimension(AttractivenessDimension)
    case indicator(Int)

    static let compositeID = "note"
}

/// Reads the map page's query string: `mesure` and the ranking page's parameters (weighting and filters).
enum MapQuery {
    static let parameterNames = RankingQuery.parameterNames + ["mesure"]
}

/// The shapes of the map, computed once (on the first request that needs them) from the atlas's boundaries.
struct MapGeometry: Sendable {
    /// Path data (map units) of every peer town with a boundary, by code.
    var paths: [String: String]
    /// Département outlines, mainland and insets (path data in map units).
    var outlines: String
    /// Mainland and insets (kilometres).
    var frame: MapRect
}

extension AtlasService {
    /// The outlines of the overseas départements, placed in their insets (polylines in map kilometres), simplified
    /// at `tolerance` map kilometres.
    func insetOutlines(tolerance: Double) throws -> [[PlanePoint]] {
        try NationalLayout.insets.flatMap { inset -> [[PlanePoint]] in
            let shapes = try database.boundaries(departement: inset.departement).values.compactMap(GeoJSONGeometry.boundary)
            return Outlines.outline(of: shapes).map { line in Outlines.simplify(line.map(inset.place), tolerance: tolerance) }.filter { $0.count > 2 }
        }
    }

    func mapGeometry() throws -> MapGeometry {
        try mapShapes.get {
            var paths: [String: String] = [:]
            for row in scores.members {
                let commune = matrix.communes[row]
                guard let text = try database.boundary(code: commune.code), let boundary = GeoJSONGeometry.boundary(text) else { continue }
                let rings = boundary.polygons.flatMap { $0 }.map { ring in
                    ring.compactMap { NationalLayout.place($0, departement: commune.departement) }
                }
                paths[commune.code] = ShapeMap.pathData(rings: rings)
            }
            let mainland = outlines.filter { $0.departement.count == 2 }
            var frame = NationalLayout.insetsFrame
            if let first = mainland.first {
                frame = mainland.dropFirst().reduce(MapRect(x: first.minX, y: first.minY, width: first.maxX - first.minX, height: first.maxY - first.minY)) {
                    $0.union(MapRect(x: $1.minX, y: $1.minY, width: $1.maxX - $1.minX, height: $1.maxY - $1.minY))
                }.union(frame)
            }
            let lines = mainland.flatMap { ShapeMap.lines(kilometrePath: $0.path) } + (try insetOutlines(tolerance: 1 / ShapeMap.unitsPerKm))
            return MapGeometry(paths: paths, outlines: ShapeMap.lineData(lines), frame: frame)
        }
    }

    /// The measures of the select: the composite, the scored dimensions, then every indicator with values.
    func mapMeasureGroups(selected: MapMeasure) -> [MapMeasureGroup] {
        var groups = [
            MapMeasureGroup(label: "Note", options: [MapMeasureOption(id: MapMeasure.compositeID, label: "Note globale", selected: selected == .composite)]),
            MapMeasureGroup(label: "Dimensions (notes de 0 à 100)", options: scores.dimensions.map {
                MapMeasureOption(id: $0.rawValue, label: $0.label, selected: selected == .dimension($0))
            }),
        ]
        let covered = Set(coverage.filter { $0.communesWithValue > 0 }.map(\.indicator.id))
        for dimension in AttractivenessDimension.allCases {
            let options = matrix.indicators.enumerated().filter { $0.element.dimension == dimension && covered.contains($0.element.id) }.map { column, definition in
                MapMeasureOption(id: definition.id, label: definition.label, selected: selected == .indicator(column))
            }
            if !options.isEmpty { groups.append(MapMeasureGroup(label: "Indicateurs — \(dimension.label)", options: options)) }
        }
        return groups
    }

    func mapMeasure(_ id: String?) throws -> MapMeasure {
        guard let id, !id.isEmpty, id != MapMeasure.compositeID else { return .composite }
        if let dimension = scores.dimensions.first(where: { $0.rawValue == id }) { return .dimension(dimension) }
        if let column = matrix.indicator(id), coverage.contains(where: { $0.indicator.id == id && $0.communesWithValue > 0 }) {
            return .indicator(column)
        }
        throw WebError.badParameter("mesure", "« \(id.prefix(40)) » n'est ni « note », ni une dimension notée, ni un indicateur renseigné (voir /carte.json, measureGroups)")
    }

    /// The map page for a query string; `drawing` false leaves out the SVG (for the JSON twin).
    public func mapPage(_ query: [String: String], drawing: Bool) throws -> MapPage {
        let request = try RankingQuery.decode(query, presets: presets)
        let measure = try mapMeasure(query["mesure"])
        let limit = (query["limite"] ?? "").isEmpty ? nil : request.limit
        let board = request.weights == self.board.weights && request.aggregation == self.board.aggregation
            ? self.board : Scoreboard(scores: scores, weights: request.weights, aggregation: request.aggregation)

        // The value of every peer, and the ranks on it.
        let positions = scores.members.indices
        var values: [Double]
        let view: MapMeasureView
        let ranks: [Int?]
        var format: (Double) -> String = { FrenchFormat.number($0, decimals: 1) }
        var categories: [(value: Double, label: String)]?
        switch measure {
        case .composite:
            values = board.composites
            ranks = board.ranks
            view = MapMeasureView(id: MapMeasure.compositeID, label: "Note globale", kind: "note", unit: "/100", direction: Direction.higherIsBetter.label,
                                  definition: "Moyenne \(request.aggregation == .geometric ? "géométrique" : "arithmétique") des notes par dimension, pondération « \(request.weights.label) ».",
                                  sources: "toutes les sources de l'atlas")
        case .dimension(let dimension):
            values = positions.map { scores.dimensionScore($0, dimension) ?? .nan }
            ranks = PeerScores.ranks(values)
            view = MapMeasureView(id: dimension.rawValue, label: dimension.label, kind: "dimension", unit: "/100", direction: Direction.higherIsBetter.label,
                                  definition: "Moyenne des notes de 0 à 100 (rang parmi les \(scores.group.label)) des indicateurs de la dimension.",
                                  sources: Set(matrix.indicators.filter { $0.dimension == dimension }.map { citation(of: $0) }).sorted().joined(separator: " ; "))
        case .indicator(let column):
            let definition = matrix.indicators[column]
            values = positions.map { matrix.value(commune: scores.members[$0], indicator: column) ?? .nan }
            switch definition.direction {
            case .higherIsBetter: ranks = PeerScores.ranks(values)
            case .lowerIsBetter: ranks = PeerScores.ranks(values.map { -$0 })
            case .neutral: ranks = positions.map { _ in nil }
            }
            format = { FrenchFormat.reading(IndicatorReading(definition: definition, value: $0)) }
            switch definition.kind {
            case .quantity: break
            case .flag:
                let present = Set(values.filter { !$0.isNaN })
                categories = [(0, "non"), (1, "oui")].filter { present.contains($0.0) }
            case .category:
                let present = Set(values.filter { !$0.isNaN })
                categories = definition.categories.filter { present.contains(Double($0.code)) }.map { (Double($0.code), $0.label) }
                    + present.subtracting(definition.categories.map { Double($0.code) }).sorted().map { ($0, FrenchFormat.number($0, decimals: 0)) }
            }
            view = MapMeasureView(id: definition.id, label: definition.label, kind: "indicateur", unit: definition.unit, direction: definition.direction.label,
                                  definition: definition.definition, sources: citation(of: definition) + ", " + definition.vintage)
        }

        // Which towns the filters keep (the ranking's: département, région, type, situations, the first `limite`).
        let verdicts = filterVerdicts(request)
        let leftOutBySituation = verdicts.filter { $0 == .otherSituation }.count
        var kept = verdicts.map { $0 == .kept }
        if let limit {
            let first = Set(board.rankedPositions.filter { kept[$0] }.prefix(limit))
            kept = positions.map { first.contains($0) }
        }
        let shown = positions.filter { kept[$0] }.map { values[$0] }
        let classes = categories.map { MapClasses(categories: $0, values: shown, ordered: isOrdered(measure)) }
            ?? MapClasses(quantities: shown, format: format)

        let ranked = ranks.compactMap { $0 }.count
        var towns: [MapTown] = []
        towns.reserveCapacity(positions.count)
        for position in positions {
            let commune = matrix.communes[scores.members[position]]
            let value = values[position].isNaN ? nil : values[position]
            towns.append(MapTown(code: commune.code, name: commune.name, departement: commune.departement, value: value.map { ($0 * 1_000).rounded() / 1_000 },
                                 valueText: value.map(format) ?? "pas de donnée", rank: value == nil ? nil : ranks[position],
                                 classID: kept[position] ? classes.id(of: value) : MapClasses.outsideID))
        }

        var filterParts = [request.departement.map { "département \($0)" }, request.region.map { "région \($0)" }, request.type.map { "type « \($0.label) »" }].compactMap { $0 }
        if leftOutBySituation > 0 { filterParts.append(Self.situationNote(leftOut: leftOutBySituation, situations: request.situations) + ", en gris") }
        if let limit { filterParts.append("les \(limit) premières") }
        let carriedRequest = RankingRequest(weights: request.weights, aggregation: request.aggregation, departement: request.departement,
                                            region: request.region, type: request.type, situations: request.situations, limit: limit ?? RankingRequest().limit)
        let carried = RankingQuery.encode(carriedRequest)
        let includeAll: String? = leftOutBySituation == 0 ? nil : {
            var all = carriedRequest
            all.situations = Situation.allCases
            return [RankingQuery.encode(all), measure == .composite ? "" : "mesure=\(view.id)"].filter { !$0.isEmpty }.joined(separator: "&")
        }()
        let fullQuery = [carried, measure == .composite ? "" : "mesure=\(view.id)"].filter { !$0.isEmpty }.joined(separator: "&")
        let hidden = carried.split(separator: "&").compactMap { item -> HiddenField? in
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            return parts.count == 2 ? HiddenField(name: parts[0], value: parts[1].removingPercentEncoding ?? parts[1]) : nil
        }
        let svg = drawing ? try mapSVG(towns, rankedCount: ranked, label: view.label) : ""
        return MapPage(
            frame: frame("Carte des petites villes", json: "/carte.json" + (fullQuery.isEmpty ? "" : "?" + fullQuery)),
            measure: view, measureGroups: mapMeasureGroups(selected: measure), weightsLabel: request.weights.label,
            aggregationLabel: request.aggregation.label, filters: filterParts.isEmpty ? nil : filterParts.joined(separator: ", "),
            includeAllSituationsQuery: includeAll,
            query: carried, hiddenFields: hidden, classes: classes.entries,
            otherClasses: Self.otherClasses(towns), emptyInsets: emptyInsets(towns),
            rankedCount: ranked, towns: towns, svg: svg)
    }

    /// The map itself: every town with a boundary, the outlines and the insets.
    func mapSVG(_ towns: [MapTown], rankedCount ranked: Int, label: String) throws -> String {
        let geometry = try mapGeometry()
        return ShapeMap.svg(
            towns: towns.compactMap { town in
                guard let path = geometry.paths[town.code] else { return nil }
                return ShapeMap.Town(path: path, link: "/communes/\(town.code)", title: Self.mapTitle(town, rankedCount: ranked), classID: town.classID)
            },
            outlines: [geometry.outlines], insets: NationalLayout.insets, frame: geometry.frame,
            title: "Carte des \(towns.count) \(scores.group.label), colorées selon : \(label)")
    }

    /// The overseas départements drawn without any town (no population in the sources: no peer), in words.
    func emptyInsets(_ towns: [MapTown]) -> String? {
        let drawn = Set(towns.map(\.departement))
        let empty = NationalLayout.insets.filter { !drawn.contains($0.departement) }.map(\.name)
        guard !empty.isEmpty else { return nil }
        return empty.joined(separator: ", ") + " : aucune commune parmi les \(scores.group.label) dans l'atlas (population absente des sources), seul le contour est dessiné."
    }

    /// The legend's entries for towns without a value and towns outside the filters, when there are any.
    static func otherClasses(_ towns: [MapTown]) -> [MapClasses.Entry] {
        let kinds: [(id: String, colour: String, label: String)] = [
            (MapClasses.missingID, MapClasses.missingColour, "pas de donnée"), (MapClasses.outsideID, MapClasses.outsideColour, "hors filtre"),
        ]
        return kinds.compactMap { kind in
            let count = towns.filter { $0.classID == kind.id }.count
            return count == 0 ? nil : MapClasses.Entry(id: kind.id, colour: kind.colour, label: kind.label, count: count)
        }
    }

    /// Whether a categorical measure's values are ordered (flags: no < yes); categories are not.
    private func isOrdered(_ measure: MapMeasure) -> Bool {
        guard case .indicator(let column) = measure else { return true }
        return matrix.indicators[column].kind == .flag
    }

    /// A town's tooltip and accessible name: "Figeac (46) : 62,3 — rang 12 sur 4 052".
    static func mapTitle(_ town: MapTown, rankedCount: Int) -> String {
        "\(town.name) (\(town.departement)) : \(town.valueText)" + (town.rank.map { " — rang \($0) sur \(FrenchFormat.number(Double(rankedCount), decimals: 0))" } ?? "")
    }
}

extension PagesController {
    /// `/carte` and its twin `/carte.json`.
    func addMapRoutes(to router: Router<Context>) {
        router.get("/carte") { request, _ in
            let query = try request.queryParameters(known: MapQuery.parameterNames)
            return try page(request) { try repository.mapPage(query, drawing: true) } html: { page in
                var shown = page
                shown.towns = [] // the SVG holds them; the template needs no per-town fields
                return try renderer.render(shown, template: "map")
            }
        }
        router.get("/carte.json") { request, _ in
            let query = try request.queryParameters(known: MapQuery.parameterNames)
            return try json(request) { try repository.mapPage(query, drawing: false) }
        }
    }
}
