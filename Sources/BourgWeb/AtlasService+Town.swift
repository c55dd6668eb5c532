import BourgCore
import BourgData
import Foundation

extension AtlasService {
    public func townPage(code: String) throws -> TownPage? {
        guard let commune = try database.commune(code: code) else { return nil }
        let readings = try database.readings(for: code)
        let stations = try database.stations(in: code).map { $0.name + ($0.longDistance ? " (TGV/Intercités)" : "") }
        let position = scores.position(ofCommune: code)
        let diagnosis = position.map { diagnostician.diagnose($0) }
        let score = diagnosis?.score

        let comparisons = Dictionary(uniqueKeysWithValues: (diagnosis?.indicators ?? []).map { ($0.indicator.id, $0) })
        let indicatorGroups = AttractivenessDimension.allCases.compactMap { dimension -> IndicatorGroup? in
            // An indicator without any source (a known gap, named on /methode) is not a "no data" row on every page.
            let views = readings.filter { $0.definition.dimension == dimension && !$0.definition.sources.isEmpty }.map { reading in
                let comparison = comparisons[reading.definition.id]
                let standing = comparison?.standing ?? .typical
                let basis = comparison?.comparison ?? LeverCatalogue.action(for: reading.definition).comparison
                return IndicatorView(
                    id: reading.definition.id, label: reading.definition.label, unit: reading.definition.unit, value: reading.value,
                    peerMedian: comparison?.comparable?.median, comparison: basis.rawValue, comparisonShort: basis.shortLabel,
                    comparisonGroup: comparison?.group ?? "", valueText: FrenchFormat.reading(reading),
                    peerMedianText: comparison?.comparable.map { FrenchFormat.reading(IndicatorReading(definition: reading.definition, value: $0.median)) } ?? "—",
                    direction: reading.definition.direction.label,
                    sources: citation(of: reading.definition),
                    vintage: reading.definition.vintage, definition: reading.definition.definition, standing: standing.rawValue,
                    isStrength: standing == .strength, isWeakness: standing == .weakness)
            }
            return views.isEmpty ? nil : IndicatorGroup(dimension: dimension.rawValue, label: dimension.label, indicators: views)
        }

        // A dimension without any scored indicator (dynamique: its figures are outcomes, descriptive) has nothing to show.
        let dimensionViews: [DimensionView] = (diagnosis?.dimensions ?? []).compactMap { comparison in
            let weight = score?.dimensions.first { $0.dimension == comparison.dimension }
            guard (weight?.indicatorsTotal ?? 0) > 0 else { return nil }
            return DimensionView(
                id: comparison.dimension.rawValue, label: comparison.dimension.label, score: comparison.score,
                scoreText: comparison.score.map { FrenchFormat.number($0, decimals: 0) } ?? "pas de donnée",
                peerMedian: comparison.band?.median, peerMedianText: comparison.band.map { FrenchFormat.number($0.median, decimals: 0) } ?? "—",
                weightText: weight.map { $0.weight > 0 ? FrenchFormat.number($0.weight * 100, decimals: 0) + " %" : "non pondérée" } ?? "",
                indicatorsUsed: weight?.indicatorsUsed ?? 0, indicatorsTotal: weight?.indicatorsTotal ?? 0, standing: comparison.standing.rawValue)
        }

        let levers = (diagnosis?.levers ?? []).map { leverView($0, band: diagnosis?.band) }
        var seenGroups: Set<String> = []
        let comparisonGroups = (diagnosis?.indicators ?? []).filter { $0.comparable != nil }.sorted { $0.comparison.rawValue < $1.comparison.rawValue }
            .compactMap { comparison -> ComparisonGroupView? in
                guard seenGroups.insert(comparison.comparison.rawValue + comparison.group).inserted else { return nil }
                return ComparisonGroupView(basis: comparison.comparison.rawValue, short: comparison.comparison.shortLabel, label: comparison.group)
            }
        let weakest = diagnosis?.weakestDimension
        let similar = (diagnosis?.similarTowns ?? []).map { town in
            SimilarView(commune: CommuneSummary(town.commune), distanceText: FrenchFormat.number(town.distance, decimals: 2),
                        compositeText: town.composite.map { FrenchFormat.number($0, decimals: 1) } ?? "—",
                        betterOnWeakest: diagnosis?.betterOnWeakest.contains(town) ?? false)
        }
        let chart = Charts.bars(
            dimensionViews.map { Charts.Bar(label: $0.label, value: $0.score, reference: $0.peerMedian) },
            title: "Notes de \(commune.name) par dimension, comparées à la médiane des \(diagnosis?.band.label ?? "pairs")")

        return TownPage(
            frame: frame("\(commune.name) (\(commune.departement))", json: "/communes/\(commune.code).json"),
            commune: CommuneSummary(commune), regionName: commune.regionName, epciName: commune.epciName,
            areaText: commune.areaKm2.map { FrenchFormat.number($0, decimals: 1) + " km²" },
            isPeer: position != nil, peerGroup: scores.group.label, bandGroup: diagnosis?.band.label, weights: board.weights.label,
            composite: score?.composite, compositeText: score?.composite.map { FrenchFormat.number($0, decimals: 1) } ?? "—",
            rank: score?.rank, rankedCount: board.rankedCount,
            rankText: score?.rank.map { "\(FrenchFormat.number(Double($0), decimals: 0)) sur \(FrenchFormat.number(Double(board.rankedCount), decimals: 0))" },
            rankIntervalText: score?.rankInterval.map {
                "rang médian \(FrenchFormat.number($0.median, decimals: 0)), de \(FrenchFormat.number($0.low, decimals: 0)) à \(FrenchFormat.number($0.high, decimals: 0)) (5–95 %) quand pondérations et agrégation varient"
            },
            partialRankingText: score?.partialRankingText,
            situation: matrix.row(ofCommune: commune.code).flatMap { matrix.value(commune: $0, "situation") }.flatMap { Situation(rawValue: Int($0))?.label },
            types: (score?.types ?? []).map { TypeView(id: $0.type.rawValue, label: $0.type.label, reasons: $0.reasons.joined(separator: " ; ")) },
            essentialFlags: (score?.essentialFlags ?? []).map { "\($0.label) : parmi les 10 % de pairs les moins bien notés" },
            dimensions: dimensionViews, indicatorGroups: indicatorGroups,
            strengths: diagnosis?.strengths ?? [], weaknesses: diagnosis?.weaknesses ?? [], rule: Standing.rule,
            leversInHands: levers.filter(\.inTownsHands), leversWithPartners: levers.filter { !$0.inTownsHands },
            leverRule: LeverCatalogue.targetRule, comparisonGroups: comparisonGroups,
            similar: similar, weakestDimension: weakest?.label, stations: stations,
            stationsText: stations.isEmpty ? nil : stations.joined(separator: " · "),
            dimensionChart: chart, locatorMap: try locatorMap(commune), arrivals: try arrivals(code: commune.code),
            climate: climateView(readings))
    }

    /// The "Climat et risques" block from the town's readings, with the sources of its figures.
    func climateView(_ readings: [IndicatorReading]) -> ClimateView {
        let values = Dictionary(readings.compactMap { reading in reading.value.map { (reading.definition.id, $0) } }) { first, _ in first }
        let cited = ["jours_tx_sup35_2021_2050", "potentiel_radon", "arretes_catnat_total"].compactMap { id in
            readings.first { $0.definition.id == id }.map { "\(citation(of: $0.definition)) (\($0.definition.vintage))" }
        }
        return ClimateView(ClimateSummary { values[$0] }, sources: cited.joined(separator: " ; "))
    }

    /// A lever as the town page and the council summary show it.
    func leverView(_ lever: Lever, band: ComparisonSet?) -> LeverView {
        LeverView(
            indicator: lever.indicator.id, label: lever.indicator.label, value: lever.value,
            valueText: FrenchFormat.reading(IndicatorReading(definition: lever.indicator, value: lever.value)),
            target: lever.target, targetText: FrenchFormat.reading(IndicatorReading(definition: lever.indicator, value: lever.target)),
            group: lever.group, targetBasis: lever.targetBasis, action: lever.action.action.prefix(1).uppercased() + lever.action.action.dropFirst(),
            actionability: lever.action.actionability.rawValue, inTownsHands: lever.action.inTownsHands,
            actors: lever.action.actorsText, constraint: lever.action.constraint, barrier: lever.action.barrier?.label,
            compositeGain: lever.compositeGain, ranksGained: lever.placesGained, gainText: lever.gainText ?? "",
            association: band.flatMap { MigrationSample.associationText(scores: scores, indicator: lever.indicator.id, positions: $0.positions) })
    }

    /// The town's département with the town drawn in, and its small towns as dots.
    func locatorMap(_ commune: Commune) throws -> String {
        guard let outline = outlines.first(where: { $0.departement == commune.departement }) else { return "" }
        var highlight: [String] = []
        if let geometry = try database.boundary(code: commune.code), let boundary = GeoJSONGeometry.boundary(geometry) {
            highlight.append(SVG.pathData(boundary.polygons.flatMap { $0 }.map { $0.map(Lambert93.project) }))
        }
        let points = scores.members.indices.compactMap { position -> Charts.MapPoint? in
            let other = matrix.communes[scores.members[position]]
            guard other.departement == commune.departement, let location = other.position else { return nil }
            let composite = board.composites[position]
            return Charts.MapPoint(position: location, title: "\(other.name) — note \(composite.isNaN ? "—" : FrenchFormat.number(composite, decimals: 1))",
                                   score: composite.isNaN ? nil : composite, link: "/communes/\(other.code)")
        }
        return Charts.map(outlines: [outline.path], points: points, frame: (outline.minX, outline.minY, outline.maxX, outline.maxY),
                          title: "\(commune.name) dans son département (\(outline.name ?? commune.departement)) et les petites villes voisines",
                          highlight: highlight, radius: 9, legend: nil)
    }
}

/// Decodes the compact GeoJSON geometries stored in the atlas.
enum GeoJSONGeometry {
    static func boundary(_ text: String) -> Boundary? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
              let type = object["type"] as? String, let coordinates = object["coordinates"] else { return nil }
        func ring(_ value: Any) -> [GeoPoint] {
            (value as? [[Double]] ?? []).compactMap { $0.count >= 2 ? GeoPoint(latitude: $0[1], longitude: $0[0]) : nil }
        }
        switch type {
        case "Polygon": return Boundary(polygons: [(coordinates as? [Any] ?? []).map(ring)])
        case "MultiPolygon": return Boundary(polygons: (coordinates as? [Any] ?? []).map { ($0 as? [Any] ?? []).map(ring) })
        default: return nil
        }
    }
}
