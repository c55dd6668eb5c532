import ArgumentParser
import BourgCore
import BourgData
import Foundation

/// `bourg match`: the small towns that fit a household — its ratings, its hard constraints — with the
/// reasons, what to watch, and how many towns each constraint excluded.
struct MatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Trouve les communes qui conviennent à un ménage : notes par dimension, contraintes, raisons.",
        discussion: """
        Exemple : bourg match --rate nature=5,sante=4,mobilite=3 --near Paris:90min --max-price-house 2500 --need lycee,gp:10km --top 20
        Une commune dont une donnée nécessaire à une contrainte manque est exclue et comptée « faute de donnée » \
        (--keep-unknown la garde, signalée).
        """)

    @OptionGroup var atlas: AtlasOptions
    @OptionGroup var options: MatchOptions

    func run() throws {
        let atlas = try atlas.load()
        let database = atlas.database
        let scores = try options.peers.scores(atlas: atlas)
        let matcher = try atlas.matcher(scores)
        var constraints: [MatchConstraint] = []
        for near in options.near {
            do {
                constraints.append(try MatchInput.reach(near, among: matcher.cityPoles))
            } catch let error as MatchError {
                throw UserError("--near : \(error.description)")
            }
        }
        constraints += try options.constraints(places: matcher.places)
        var likeCode: String?
        if let like = options.like {
            let commune = try TownLookup.find(like, in: database)
            _ = try TownLookup.position(of: commune, in: scores, option: "--like")
            likeCode = commune.code
        }
        let profile = HouseholdProfile(
            weights: try options.weighting.resolvedWeights(atlas: atlas), constraints: constraints, top: options.top,
            perDepartement: options.perDepartement, likeCommune: likeCode, keepUnknown: options.keepUnknown)
        let result: MatchResult
        do {
            result = try matcher.match(profile)
        } catch let error as MatchError {
            throw UserError(error.description)
        }
        if options.json {
            Swift.print(try JSONOutput.encode(result))
        } else if options.csv {
            Swift.print(MatchText.csv(result))
            FileHandle.standardError.write(Data((MatchText.exclusions(result).joined(separator: "\n") + "\n").utf8))
        } else {
            Swift.print(MatchText.text(result))
        }
    }
}

/// The options of `bourg match`: the household's ratings, its constraints, and the presentation.
struct MatchOptions: ParsableArguments {
    @OptionGroup var weighting: WeightOptions

    @OptionGroup var peers: PeerOptions

    @Option(name: .long, help: "A big city to reach: Paris:90min, Lyon:1h, Lyon:1h30 (car: OSRM times to Paris, estimated to the others), or CITY:40km (straight line), CITY a pole of an area of ≥ 200,000 inhabitants. Repeatable.")
    var near: [String] = []

    @Option(name: .long, help: "A TGV or Intercités station within this many km (straight line).")
    var tgvWithin: String?

    @Flag(name: .long, help: "A SNCF passenger station in the town.")
    var stationInTown = false

    @Option(name: .long, help: "Highest median price of houses, €/m².")
    var maxPriceHouse: String?

    @Option(name: .long, help: "Highest median price of apartments, €/m².")
    var maxPriceApartment: String?

    @Option(name: .long, help: "At most this many tropical nights (never below 20 °C) a year in 2021–2050 (DRIAS-2020, one model).")
    var maxTropicalNights: String?

    @Option(name: .long, help: "At most this many days above 35 °C a year in 2021–2050 (DRIAS-2020, one model).")
    var maxHotDays: String?

    @Option(name: .long, help: "Radon potential zone at most this: 1 (low), 2 or 3 (IRSN 2018).")
    var maxRadonZone: Int?

    @Option(name: .long, help: "No natural disaster recognised (arrêté CatNat, any peril) for events of this year or later, 1982–2025.")
    var noDisasterSince: Int?

    @Option(name: .long, help: "Needs, in the town or within :Nkm, in French words with or without accents: \(Amenity.allCases.map(\.rawValue).joined(separator: ",")) (medecin = gp), and fibre (≥ 80 % of premises, or fibre:N), e.g. ecole,college,medecin:5km,fibre. Repeatable.")
    var need: [String] = []

    @Option(name: .long, help: "Population 2021 of the towns wanted, MIN-MAX (within the peer group), e.g. 5000-10000.")
    var population: String?

    @Option(name: .long, help: "Only these départements, by code or name, or régions by name: e.g. 46,12 or \"Lot, Aveyron\" or Bretagne.")
    var departements: String?

    @Option(name: .long, help: "Not these départements (codes or names, as --departements), e.g. 75,92.")
    var excludeDepartements: String?

    @Option(name: .long, help: "Only these régions (INSEE codes), e.g. 76.")
    var regions: String?

    @Option(name: .long, help: "Not these régions (INSEE codes).")
    var excludeRegions: String?

    @Option(name: .long, help: "Types wanted, any of: \(TownType.allCases.map(\.rawValue).joined(separator: ",")), e.g. littoral,montagne.")
    var types: String?

    @Flag(name: .long, help: "Only towns of the Petites villes de demain programme.")
    var pvdOnly = false

    @Option(name: .long, help: "Situations wanted, any of: \(Situation.allCases.map(\.id).joined(separator: ",")), or 'all'. Default: all but the banlieues of urban units of ≥ 100,000 inhabitants (a household looks for a town with its own centre).")
    var situation = Situation.ownCentreByDefault.map(\.id).joined(separator: ",")

    @Option(name: .long, help: "At most this many towns per département in the answer.")
    var perDepartement: Int?

    @Option(name: .long, help: "Towns like this one (name or INSEE code): ordered by likeness instead of match score.")
    var like: String?

    @Option(name: .long, help: "How many towns to show.")
    var top: Int = 20

    @Flag(name: .long, help: "Keep (and flag) the towns lacking a figure a constraint needs, instead of excluding them.")
    var keepUnknown = false

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    @Flag(name: .long, help: "Print CSV (the exclusion counts go to standard error).")
    var csv = false

    func validate() throws {
        guard top >= 1 else { throw ValidationError("--top : attendu un nombre de communes d'au moins 1 (reçu \(top))") }
        if let perDepartement, perDepartement < 1 {
            throw ValidationError("--per-departement : attendu un nombre d'au moins 1 (reçu \(perDepartement))")
        }
        guard !(json && csv) else { throw ValidationError("--json et --csv : choisissez l'un des deux") }
        _ = try constraints()
    }

    /// Every constraint but --near (which needs the atlas' list of big cities); the départements by name need the
    /// atlas' `places` (without them, as in `validate()`, only codes are read and names are left for later).
    func constraints(places: PlaceNames? = nil) throws -> [MatchConstraint] {
        func parse<T>(_ option: String, _ body: () throws -> T) throws -> T {
            do { return try body() } catch let error as MatchError { throw ValidationError("\(option) : \(error.description)") }
        }
        var result: [MatchConstraint] = []
        if let tgvWithin {
            result.append(.longDistanceStation(withinKm: try parse("--tgv-within") { try MatchInput.kilometres(tgvWithin) }))
        }
        if stationInTown { result.append(.stationInTown) }
        if let maxPriceHouse {
            result.append(.maxPrice(housing: .house, eurosPerM2: try Self.price(maxPriceHouse, option: "--max-price-house")))
        }
        if let maxPriceApartment {
            result.append(.maxPrice(housing: .apartment, eurosPerM2: try Self.price(maxPriceApartment, option: "--max-price-apartment")))
        }
        if let maxTropicalNights {
            result.append(.maxHeat(measure: .tropicalNights, perYear: try parse("--max-tropical-nights") { try MatchInput.number(maxTropicalNights, in: 0...366) }))
        }
        if let maxHotDays {
            result.append(.maxHeat(measure: .hotDays, perYear: try parse("--max-hot-days") { try MatchInput.number(maxHotDays, in: 0...366) }))
        }
        if let maxRadonZone {
            guard (1...3).contains(maxRadonZone) else { throw ValidationError("--max-radon-zone : attendu 1, 2 ou 3 (reçu \(maxRadonZone))") }
            result.append(.maxRadonZone(maxRadonZone))
        }
        if let noDisasterSince {
            guard (1982...2025).contains(noDisasterSince) else {
                throw ValidationError("--no-disaster-since : attendu une année de 1982 à 2025 (reçu \(noDisasterSince))")
            }
            result.append(.noDisasterSince(year: noDisasterSince))
        }
        for need in need { result += try parse("--need") { try MatchInput.needs(need) } }
        if let population {
            let bounds = population.split(separator: "-", maxSplits: 1).map { Int($0.replacingOccurrences(of: " ", with: "")) }
            guard bounds.count == 2, let minimum = bounds[0], let maximum = bounds[1], minimum >= 0, minimum <= maximum else {
                throw ValidationError("--population : attendu MIN-MAX, par exemple 5000-10000 (reçu « \(population) »)")
            }
            result.append(.population(range: SizeRange(minimum: minimum, maximum: maximum)))
        }
        if let places {
            if let departements { result.append(.departements(codes: try parse("--departements") { try places.departementCodes(departements) })) }
            if let excludeDepartements {
                result.append(.excludedDepartements(codes: try parse("--exclude-departements") { try places.departementCodes(excludeDepartements) }))
            }
        }
        if let regions { result.append(.regions(codes: try parse("--regions") { try MatchInput.regions(regions) })) }
        if let excludeRegions {
            result.append(.excludedRegions(codes: try parse("--exclude-regions") { try MatchInput.regions(excludeRegions) }))
        }
        if let types { result.append(.types(anyOf: try parse("--types") { try MatchInput.types(types) })) }
        if pvdOnly { result.append(.petitesVillesDeDemain) }
        if situation != "all" { result.append(.situations(anyOf: try parse("--situation") { try Situation.list(situation) })) }
        return result
    }

    /// A price in €/m²: `2500`, `2 500`, `2500€`, `2 500 €/m²`.
    static func price(_ text: String, option: String) throws -> Double {
        do {
            return try MatchInput.number(text, in: 1...1_000_000)
        } catch let error as MatchError {
            throw ValidationError("\(option) : \(error.description)")
        }
    }
}

/// Text and CSV renderings of a match for the terminal.
enum MatchText {
    static func number(_ value: Int) -> String { FrenchFormat.number(Double(value), decimals: 0) }

    /// The exclusion counts, constraint by constraint, then in total.
    static func exclusions(_ result: MatchResult) -> [String] {
        var lines: [String] = []
        if result.constraints.isEmpty {
            lines.append("Contraintes : aucune.")
        } else {
            lines.append("Contraintes (une commune qui en manque plusieurs est comptée pour chacune) :")
            for report in result.constraints { lines.append("  • \(report.summary)") }
        }
        if result.withoutScore > 0 { lines.append("  • sans note pour ces pondérations : \(number(result.withoutScore)) exclues") }
        var total = "Exclues : \(number(result.excluded)) sur \(number(result.peerCount)) ; restent \(number(result.remaining)) communes"
        if result.keptWithUnknown > 0 { total += ", dont \(number(result.keptWithUnknown)) gardées malgré une donnée manquante (signalées)" }
        lines.append(total + ".")
        if let limit = result.perDepartement {
            lines.append("Diversité : au plus \(limit) commune\(limit > 1 ? "s" : "") par département (\(number(result.setAsideForDiversity)) écartée\(result.setAsideForDiversity > 1 ? "s" : "") pour cela).")
        }
        if let liked = result.likedTown {
            var line = "Classées par ressemblance avec \(liked.name) (\(liked.departement)) : écart de profil, du plus proche au plus lointain."
            if result.withoutSimilarity > 0 { line += " \(number(result.withoutSimilarity)) non comparables (trop peu d'indicateurs communs)." }
            lines.append(line)
        }
        return lines
    }

    static func text(_ result: MatchResult) -> String {
        var lines: [String] = []
        lines.append("Pairs : \(result.peerGroup), \(number(result.peerCount)) communes")
        let rated = result.ratings.filter { $0.value > 0 }
            .compactMap { key, value in AttractivenessDimension(rawValue: key).map { ($0, value) } }
            .sorted { ($0.1, $1.0) > ($1.1, $0.0) }
            .map { "\($0.0.label.lowercased()) \(FrenchFormat.number($0.1, decimals: 1))" }
        lines.append("Pondération : \(result.weights.label) (notes sur 5 : \(rated.joined(separator: ", ")))")
        lines += exclusions(result)
        lines.append("")
        if result.towns.isEmpty {
            lines.append("Aucune commune ne remplit toutes les contraintes : relâchez celle qui en exclut le plus.")
        }
        for town in result.towns {
            let commune = town.commune
            var head = String(format: "%3d. ", town.place) + "\(commune.name) (\(commune.departement)\(commune.departementName.map { ", \($0)" } ?? ""))"
            head += " — \(FrenchFormat.number(town.matchScore, decimals: 1))/100"
            if let rank = town.overallRank { head += " · rang \(number(rank)) sur \(number(result.peerCount))" }
            if let population = commune.population { head += " · \(number(population)) hab." }
            if let distance = town.similarityDistance { head += " · écart de profil \(FrenchFormat.number(distance, decimals: 2))" }
            lines.append(head)
            let contributions = town.contributions.filter { $0.contribution != nil }
                .sorted { ($0.contribution ?? 0) > ($1.contribution ?? 0) }
                .map { "\($0.label.lowercased()) \(FrenchFormat.number($0.contribution ?? 0, decimals: 1))" }
            lines.append("     Contributions : " + contributions.joined(separator: " · "))
            let missing = town.contributions.filter { $0.score == nil }.map { $0.label.lowercased() }
            if !missing.isEmpty { lines.append("     (sans donnée, poids réparti : \(missing.joined(separator: ", ")))") }
            for reason in town.reasons { lines.append("     " + reason) }
            if let watch = town.watch { lines.append("     " + watch.text) }
            if !town.unknownConstraints.isEmpty {
                lines.append("     ⚠ Donnée manquante, contrainte non vérifiée : " + town.unknownConstraints.joined(separator: " ; "))
            }
        }
        if !result.nearMisses.isEmpty {
            lines.append("")
            lines.append("À une contrainte près (desserrez-la pour les voir) :")
            for miss in result.nearMisses {
                lines.append("  • \(miss.commune.name) (\(miss.commune.departement)) — \(FrenchFormat.number(miss.matchScore, decimals: 1))/100 : \(miss.shortfall)")
            }
        }
        lines.append("")
        lines.append("Notes :")
        for note in result.notes { lines.append("  – " + note) }
        return lines.joined(separator: "\n")
    }

    static func csv(_ result: MatchResult) -> String {
        let dimensions = result.towns.first?.contributions.map(\.dimension) ?? []
        var lines = [(["place", "code", "commune", "departement", "population", "note", "rang_global", "ecart_profil"]
                      + dimensions.map { "contribution_\($0.rawValue)" }
                      + ["raisons", "a_surveiller", "contraintes_sans_donnee"]).joined(separator: ",")]
        for town in result.towns {
            let contributions = dimensions.map { dimension in
                town.contributions.first { $0.dimension == dimension }?.contribution.map { String(format: "%.2f", $0) } ?? ""
            }
            let fields: [String] = [
                String(town.place), town.commune.code, CSVText.quoted(town.commune.name), town.commune.departement,
                town.commune.population.map(String.init) ?? "", String(format: "%.2f", town.matchScore),
                town.overallRank.map(String.init) ?? "", town.similarityDistance.map { String(format: "%.3f", $0) } ?? "",
            ] + contributions + [
                CSVText.quoted(town.reasons.joined(separator: " ")), CSVText.quoted(town.watch?.text ?? ""),
                CSVText.quoted(town.unknownConstraints.joined(separator: " ; ")),
            ]
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\n")
    }
}
