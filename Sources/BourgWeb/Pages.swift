import BourgCore
import Foundation

/// What every page shows around its content: title, navigation, and the footer naming sources,
/// vintages and licences (Datasette's habit).
public struct PageFrame: Encodable, Sendable {
    public var title: String
    /// Path of the page's JSON twin.
    public var jsonPath: String
    /// The ids of the sources the footer lists (the JSON twin names them; `/sources.json` describes them).
    public var sourceIds: [String]
    /// The footer's list of those sources (title, producer, vintage, licence) as HTML list items, escaped once for
    /// every page (`sourcesHTML(_:)`): a page not served from the cache does not render 49 sources again.
    public var sourcesHTML: String
    public var atlasBuiltAt: String

    enum CodingKeys: String, CodingKey { case title, jsonPath, sources, atlasBuiltAt }

    public init(title: String, jsonPath: String, sourceIds: [String] = [], sourcesHTML: String = "", atlasBuiltAt: String = "") {
        self.title = title
        self.jsonPath = jsonPath
        self.sourceIds = sourceIds
        self.sourcesHTML = sourcesHTML
        self.atlasBuiltAt = atlasBuiltAt
    }

    /// The footer's list items for `sources`.
    public static func sourcesHTML(_ sources: [SourceDescription]) -> String {
        sources.map { "<li><strong>\(SVG.escape($0.title))</strong> — \(SVG.escape($0.producer)) ; \(SVG.escape($0.vintage)) ; \(SVG.escape($0.licence))</li>" }
            .joined(separator: "\n")
    }

    /// The JSON twin names the sources by id: their descriptions are in `/sources.json`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(title, forKey: .title)
        try container.encode(jsonPath, forKey: .jsonPath)
        try container.encode(sourceIds, forKey: .sources)
        try container.encode(atlasBuiltAt, forKey: .atlasBuiltAt)
    }
}

/// A commune as listed in search results, rankings and comparisons.
public struct CommuneSummary: Encodable, Sendable {
    public var code: String
    public var name: String
    public var departement: String
    public var departementName: String?
    public var population: Int?
    public var populationText: String
    public var path: String
    /// Town-hall position (WGS84), for exports and maps.
    public var latitude: Double?
    public var longitude: Double?

    init(_ commune: Commune) {
        code = commune.code
        name = commune.name
        departement = commune.departement
        departementName = commune.departementName
        population = commune.population
        populationText = commune.population.map { FrenchFormat.number(Double($0), decimals: 0) + " hab." } ?? "population inconnue"
        path = "/communes/\(commune.code)"
        latitude = commune.latitude
        longitude = commune.longitude
    }
}

/// A dimension score for display (the JSON twin gives the numbers, not their French renderings).
public struct DimensionView: Encodable, Sendable {
    public var id: String
    public var label: String
    public var score: Double?
    public var scoreText: String
    public var peerMedian: Double?
    public var peerMedianText: String
    public var weightText: String
    public var indicatorsUsed: Int
    public var indicatorsTotal: Int
    public var standing: String

    enum CodingKeys: String, CodingKey { case id, label, score, peerMedian, weightText, indicatorsUsed, indicatorsTotal, standing }
}

/// An indicator reading for display, with the peers' median and its source. The JSON twin gives the reading
/// only (id, value, the peers' median, the standing when it is not "typical"): the indicator's definition (label,
/// unit, direction, source, vintage) is in `/indicateurs.json`, by id.
public struct IndicatorView: Encodable, Sendable {
    public var id: String
    public var label: String
    public var unit: String
    public var value: Double?
    /// The median of the towns this figure is compared with (`ComparisonBasis`), when known.
    public var peerMedian: Double?
    /// `size`, `form` or `place`: which towns this figure is compared with.
    public var comparison: String
    /// The comparable towns in a few words ("même taille") and in full.
    public var comparisonShort: String
    public var comparisonGroup: String
    public var valueText: String
    public var peerMedianText: String
    public var direction: String
    public var sources: String
    public var vintage: String
    public var definition: String
    public var standing: String
    public var isStrength: Bool
    public var isWeakness: Bool

    enum CodingKeys: String, CodingKey { case id, value, peerMedian, comparison, standing }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encodeIfPresent(value, forKey: .value)
        try container.encodeIfPresent(peerMedian, forKey: .peerMedian)
        try container.encode(comparison, forKey: .comparison)
        if standing != Standing.typical.rawValue { try container.encode(standing, forKey: .standing) }
    }
}

/// The indicators of one dimension, for the town page's tables.
public struct IndicatorGroup: Encodable, Sendable {
    public var dimension: String
    public var label: String
    public var indicators: [IndicatorView]
}

/// A lever on the town page and the council summary: the figure, the target that comparable towns reach, the
/// action that moves it, who acts and under what constraint, and the gain in words.
public struct LeverView: Encodable, Sendable {
    public var indicator: String
    public var label: String
    public var value: Double
    public var valueText: String
    /// The level the best-placed quarter of the comparable towns reaches, or one term's step toward it
    /// (`LeverCatalogue.targetRule`).
    public var target: Double
    public var targetText: String
    /// The comparable towns the target comes from, in French.
    public var group: String
    /// Where the target comes from (`Lever.targetBasis`).
    public var targetBasis: String
    public var action: String
    /// `town` (the commune and its intercommunalité) or `partners` (others decide).
    public var actionability: String
    public var inTownsHands: Bool
    /// Who acts, the deciding one first: "la commune, l'intercommunalité".
    public var actors: String
    public var constraint: String?
    public var barrier: String?
    public var compositeGain: Double?
    /// Ranks gained among the ranked small towns if the target were reached, peers unchanged.
    public var ranksGained: Int?
    /// "+0,8 point de note globale, +51 rangs parmi 4 052 petites villes classées".
    public var gainText: String
    /// The association with arrivals in a plain sentence (HTML only: the JSON stays small).
    public var association: String?

    enum CodingKeys: String, CodingKey {
        case indicator, label, value, valueText, target, targetText, group, targetBasis, action, actionability, inTownsHands, actors, constraint, barrier
        case compositeGain, ranksGained, gainText
    }
}

/// A comparison group a town's figures are compared with, for the page's legend.
public struct ComparisonGroupView: Encodable, Sendable {
    /// `size`, `form` or `place` (`ComparisonBasis`).
    public var basis: String
    public var short: String
    public var label: String
}

/// A type with its reasons.
public struct TypeView: Encodable, Sendable {
    public var id: String
    public var label: String
    public var reasons: String
}

/// A similar town on the town page.
public struct SimilarView: Encodable, Sendable {
    public var commune: CommuneSummary
    public var distanceText: String
    public var compositeText: String
    public var betterOnWeakest: Bool
}

/// The town page (`/communes/{code}`) and its JSON twin.
public struct TownPage: Encodable, Sendable {
    public var frame: PageFrame
    public var commune: CommuneSummary
    public var regionName: String?
    public var epciName: String?
    public var areaText: String?
    public var isPeer: Bool
    public var peerGroup: String
    public var bandGroup: String?
    public var weights: String
    public var composite: Double?
    public var compositeText: String
    public var rank: Int?
    public var rankedCount: Int
    /// "2 776 sur 4 052", as the French write numbers (HTML only).
    public var rankText: String?
    public var rankIntervalText: String?
    /// "classement partiel : …" when a weighted dimension has no data (`MissingDimensionRule`).
    public var partialRankingText: String?
    /// Centre, banlieue, périurbaine or rurale, in French (`Situation`).
    public var situation: String?
    public var types: [TypeView]
    public var essentialFlags: [String]
    public var dimensions: [DimensionView]
    public var indicatorGroups: [IndicatorGroup]
    public var strengths: [String]
    public var weaknesses: [String]
    public var rule: String
    /// Levers in the hands of the commune and its intercommunalité, then those where others decide.
    public var leversInHands: [LeverView]
    public var leversWithPartners: [LeverView]
    /// How a lever's target is chosen (`LeverCatalogue.targetRule`).
    public var leverRule: String
    /// The comparison groups the town's figures use (`ComparisonBasis`).
    public var comparisonGroups: [ComparisonGroupView]
    public var similar: [SimilarView]
    public var weakestDimension: String?
    public var stations: [String]
    public var stationsText: String?
    /// SVG charts (rendered unescaped in HTML; omitted from JSON).
    public var dimensionChart: String
    public var locatorMap: String
    /// "Profil et arrivées": predicted vs observed net migration (HTML only; the figures are in `/validation.json`).
    public var arrivals: ArrivalsView?
    /// "Climat et risques": heat then and in 2021–2050, radon, disasters (the JSON twin gives `ClimateSummary`).
    public var climate: ClimateView

    enum CodingKeys: String, CodingKey {
        case frame, commune, regionName, epciName, areaText, isPeer, peerGroup, bandGroup, weights, composite, compositeText, rank
        case rankedCount, rankIntervalText, partialRankingText, situation, types, essentialFlags, dimensions, indicatorGroups
        case strengths, weaknesses, rule
        case leversInHands, leversWithPartners, leverRule, comparisonGroups, similar, weakestDimension, stations, stationsText, climate
    }
}

/// The town page's "Climat et risques" block: the figures in words for the page, the numbers for the JSON twin.
public struct ClimateView: Encodable, Sendable {
    /// A row of the heat table, rendered.
    public struct Row: Encodable, Sendable {
        public var label: String
        public var reference: String
        public var future: String
        public var change: String
    }

    public var summary: ClimateSummary
    public var rows: [Row]
    public var heatGap: String?
    public var caveat: String
    public var radonLabel: String?
    public var radonAdvice: String?
    public var disastersText: String?
    public var perils: [String]
    public var sources: String

    enum CodingKeys: String, CodingKey { case summary, caveat }

    init(_ summary: ClimateSummary, sources: String) {
        self.summary = summary
        func number(_ value: Double?, _ period: ClimateSummary.Period) -> String {
            value.map { FrenchFormat.number($0, decimals: period.decimals) + (period.unit == "°C" ? " °C" : "") } ?? "—"
        }
        rows = summary.hasHeat ? summary.periods.map { period in
            Row(label: period.label + (period.unit == "°C" ? "" : " (\(period.unit))"), reference: number(period.reference, period),
                future: number(period.future, period),
                change: period.change.map { ($0 > 0 ? "+" : ($0 < 0 ? "−" : "")) + number(abs($0), period) } ?? "—")
        } : []
        heatGap = summary.hasHeat ? nil : ClimateSummary.overseasGap
        caveat = ClimateSummary.caveat
        radonLabel = summary.radonZone.map(RadonZone.label)
        radonAdvice = summary.radonZone.map(RadonZone.advice)
        disastersText = summary.disasters.map { disasters in
            guard disasters.total > 0 else { return "Aucune catastrophe naturelle reconnue depuis 1982." }
            var text = "\(FrenchFormat.number(disasters.total, decimals: 0)) reconnaissance\(disasters.total >= 2 ? "s" : "") de catastrophe naturelle depuis 1982"
            if let recent = disasters.since2016 { text += ", dont \(FrenchFormat.number(recent, decimals: 0)) pour des événements de 2016 à 2025" }
            if let year = disasters.lastYear { text += " ; la dernière pour un événement de \(year)" }
            return text + "."
        }
        perils = (summary.disasters?.perils ?? []).filter { $0.count > 0 }.map { "\($0.label) : \(FrenchFormat.number($0.count, decimals: 0))" }
        self.sources = sources
    }
}
