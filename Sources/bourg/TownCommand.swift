import ArgumentParser
import BourgCore
import BourgData
import Foundation

/// `bourg town <name or code>`: a town's identity and every indicator, by dimension, with source and year.
struct TownCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "town", abstract: "Affiche une commune : identité et indicateurs, avec source et millésime.")

    @OptionGroup var atlas: AtlasOptions

    @OptionGroup var town: TownArgument

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    func run() throws {
        let database = try atlas.open()
        let commune = try town.commune(in: database)
        let profile = TownProfile(commune: commune, stations: try database.stations(in: commune.code),
                                  indicators: try database.readings(for: commune.code),
                                  sources: try database.provenance().map(\.source))
        if json {
            Swift.print(try JSONOutput.encode(profile))
        } else {
            Swift.print(profile.text)
        }
    }
}

/// Finds one commune from what the user typed, or explains why it cannot.
/// The argument naming one town, shared by the commands about a town.
struct TownArgument: ParsableArguments {
    @Argument(help: "A commune name (accents and case do not matter) or an INSEE code.")
    var query: [String]

    func commune(in atlas: AtlasDatabase) throws -> Commune {
        try TownLookup.find(query.joined(separator: " "), in: atlas)
    }
}

/// Finds the commune a user names, and its place among the peers.
enum TownLookup {
    /// The position of `commune` among the peers of `scores`, or an error saying how to widen the peer group.
    static func position(of commune: Commune, in scores: PeerScores, option: String? = nil) throws -> Int {
        guard let position = scores.position(ofCommune: commune.code) else {
            let prefix = option.map { "\($0) : " } ?? ""
            guard let population = commune.population else {
                // No population (Mayotte: no legal population in the census files): no peer group can hold the town.
                throw UserError(prefix + "\(commune.name) (\(commune.code)) n'a pas de population légale dans les sources de Bourg"
                    + " (recensement) : elle ne peut être comparée à des pairs de même taille, et aucune option --min-pop / --max-pop n'y change rien."
                    + " Ses indicateurs restent visibles avec `bourg town \(commune.code)`.")
            }
            throw UserError(prefix + "\(commune.name) (\(FrenchFormat.number(Double(population), decimals: 0)) hab.) n'est pas dans le groupe de pairs (\(scores.group.label)) ; changez --min-pop / --max-pop.")
        }
        return position
    }

    static func find(_ query: String, in atlas: AtlasDatabase) throws -> Commune {
        let trimmed = query.trimmingCharacters(in: .whitespaces)
        if let commune = try atlas.commune(code: trimmed.uppercased()) { return commune }
        let found = try atlas.searchCommunes(trimmed)
        guard let first = found.first else {
            throw UserError("Aucune commune ne correspond à « \(trimmed) ».")
        }
        // Exact as the search reads names ("st malo" is exactly Saint-Malo).
        let words = AtlasDatabase.searchWords(trimmed)
        let exact = found.filter { AtlasDatabase.searchWords($0.name) == words }
        if exact.count == 1 { return exact[0] }
        if found.count == 1 { return first }
        let candidates = (exact.count > 1 ? exact : found).prefix(15).map { commune in
            "  \(commune.code)  \(commune.name) (\(commune.departementName ?? commune.departement), \(commune.departement))"
                + (commune.population.map { " – \(FrenchFormat.number(Double($0), decimals: 0)) hab." } ?? "")
        }
        throw UserError("Plusieurs communes correspondent à « \(trimmed) » ; précisez avec le code INSEE :\n" + candidates.joined(separator: "\n"))
    }
}

/// What `bourg town` shows: identity, stations, and every indicator with its source.
struct TownProfile: Encodable {
    var commune: Commune
    var stations: [Station]
    var indicators: [IndicatorReading]
    /// The atlas's sources, to name each indicator's as people do.
    var sources: [SourceDescription]

    enum CodingKeys: String, CodingKey { case commune, stations, indicators, climate }

    /// Heat then and in 2021–2050, radon, disasters: the town page's "Climat et risques" block.
    var climate: ClimateSummary {
        ClimateSummary { id in indicators.first { $0.definition.id == id }?.value }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(commune, forKey: .commune)
        try container.encode(stations, forKey: .stations)
        try container.encode(indicators, forKey: .indicators)
        try container.encode(climate, forKey: .climate)
    }

    /// The "Climat et risques" lines of the text output.
    var climateLines: [String] {
        let summary = climate
        var lines = ["", "CLIMAT ET RISQUES — EN BREF"]
        if summary.hasHeat {
            for period in summary.periods {
                let decimals = period.decimals
                func text(_ value: Double?) -> String { value.map { FrenchFormat.number($0, decimals: decimals) } ?? "—" }
                let change = period.change.map { ($0 >= 0 ? "+" : "−") + FrenchFormat.number(abs($0), decimals: decimals) } ?? "—"
                lines.append("  \(period.label) (\(period.unit)) : \(text(period.reference)) en 1976–2005 → \(text(period.future)) en 2021–2050 (\(change))")
            }
            lines.append("  " + ClimateSummary.caveat)
        } else {
            lines.append("  " + ClimateSummary.overseasGap)
        }
        if let zone = summary.radonZone { lines.append("  Radon — \(RadonZone.label(zone)). \(RadonZone.advice(zone))") }
        if let disasters = summary.disasters {
            var line = "  Catastrophes naturelles reconnues depuis 1982 : \(FrenchFormat.number(disasters.total, decimals: 0))"
            if let year = disasters.lastYear { line += ", la dernière pour un événement de \(year)" }
            let perils = disasters.perils.filter { $0.count > 0 }.map { "\($0.label.lowercased()) \(FrenchFormat.number($0.count, decimals: 0))" }
            if !perils.isEmpty { line += " (" + perils.joined(separator: ", ") + ")" }
            lines.append(line)
        }
        return lines
    }

    var text: String {
        var lines: [String] = []
        lines.append("\(commune.name) (\(commune.code)) — \(commune.departementName ?? "") (\(commune.departement)), \(commune.regionName ?? "")")
        if let population = commune.population {
            var line = "Population 2021 : \(FrenchFormat.number(Double(population), decimals: 0)) hab."
            if let before = commune.population2015 { line += " (2015 : \(FrenchFormat.number(Double(before), decimals: 0)))" }
            lines.append(line)
        }
        if let area = commune.areaKm2 {
            var line = "Superficie : \(FrenchFormat.number(area)) km²"
            if let population = commune.population, area > 0 {
                line += " — densité \(FrenchFormat.number(Double(population) / area, decimals: 0)) hab./km²"
            }
            lines.append(line)
        }
        if let epci = commune.epciName { lines.append("Intercommunalité : \(epci)") }
        if !stations.isEmpty {
            lines.append("Gares : " + stations.map { $0.name + ($0.longDistance ? " (TGV/Intercités)" : "") }.joined(separator: ", "))
        }
        for dimension in AttractivenessDimension.allCases {
            let readings = indicators.filter { $0.definition.dimension == dimension }
            guard !readings.isEmpty else { continue }
            lines.append("")
            lines.append(dimension.label.uppercased())
            for reading in readings {
                let source = reading.definition.citation(among: sources)
                lines.append("  \(reading.definition.label) : \(FrenchFormat.reading(reading))  [\(source), \(reading.definition.vintage)]")
            }
        }
        lines += climateLines
        return lines.joined(separator: "\n")
    }
}
