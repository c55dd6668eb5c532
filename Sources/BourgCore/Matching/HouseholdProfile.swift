/// What a household looking for a small town wants: how much each dimension matters (its weights) and the
/// hard constraints a town must meet, plus how to present the answer.
public struct HouseholdProfile: Sendable, Hashable, Codable {
    /// The household's weights: `Weights.custom(ratings:)` from 0–5 ratings, or a preset (the 2021 barometer).
    public var weights: Weights
    /// Hard constraints: a town failing one is excluded (and counted under it).
    public var constraints: [MatchConstraint]
    /// How many towns to return.
    public var top: Int
    /// Diversity: at most this many towns per département in the answer (`nil` = no limit).
    public var perDepartement: Int?
    /// "Towns like …": the INSEE code of a peer town the household likes; the answer is then ordered by
    /// likeness to it (`TownSimilarity`) instead of by match score.
    public var likeCommune: String?
    /// Keep the towns whose data is missing for a constraint (flagged in the answer) instead of excluding them.
    public var keepUnknown: Bool

    public init(weights: Weights, constraints: [MatchConstraint] = [], top: Int = 20, perDepartement: Int? = nil,
                likeCommune: String? = nil, keepUnknown: Bool = false) {
        self.weights = weights
        self.constraints = constraints
        self.top = top
        self.perDepartement = perDepartement
        self.likeCommune = likeCommune
        self.keepUnknown = keepUnknown
    }

    /// A profile from 0–5 ratings per dimension (weight = rating / sum of ratings). Throws on a bad rating.
    public static func rated(_ ratings: [AttractivenessDimension: Double], constraints: [MatchConstraint] = [],
                             top: Int = 20) throws -> HouseholdProfile {
        HouseholdProfile(weights: try Weights.custom(ratings: ratings), constraints: constraints, top: top)
    }

    /// The household's rating of each weighable dimension, 0–5: its own ratings for custom weights; for a
    /// preset, 5 × weight / largest weight (so the preset's heaviest dimension reads 5).
    public var ratings: [AttractivenessDimension: Double] {
        let entries = weights.entries.filter { AttractivenessDimension.weighable.contains($0.dimension) }
        if !entries.isEmpty, entries.allSatisfy({ $0.basis == .userRating }) {
            return Dictionary(entries.map { ($0.dimension, $0.value) }, uniquingKeysWith: { first, _ in first })
        }
        let largest = entries.map(\.value).max() ?? 0
        guard largest > 0 else { return [:] }
        return Dictionary(entries.map { ($0.dimension, 5 * max(0, $0.value) / largest) }, uniquingKeysWith: { first, _ in first })
    }

    /// The rating from which a dimension counts as important to the household ("what to watch" looks there).
    public static let importantRating = 4.0

    /// The dimensions rated 4 or 5, in display order.
    public var importantDimensions: [AttractivenessDimension] {
        let ratings = ratings
        return AttractivenessDimension.weighable.filter { (ratings[$0] ?? 0) >= Self.importantRating }
    }
}

/// A hard constraint of a household. A town whose figure needed by the constraint is missing is neither
/// accepted nor silently dropped: it is excluded and counted "sans donnée" (or kept and flagged, on request).
public enum MatchConstraint: Sendable, Hashable, Codable {
    /// Reach a big city (the pole of an attraction area of ≥ 200,000 inhabitants): by car within some minutes
    /// (OSRM times to Paris, estimates to the others: `CarTimes`), or within some kilometres in a straight line (town hall to town hall).
    case reach(city: CityPole, limit: ReachLimit)
    /// A station served by TGV INOUI or Intercités within this many km (straight line from the town hall).
    case longDistanceStation(withinKm: Double)
    /// At least one SNCF passenger station in the commune.
    case stationInTown
    /// Median price per m² (DVF, 12 months, ≥ 10 sales) of houses or apartments at most this.
    case maxPrice(housing: HousingKind, eurosPerM2: Double)
    /// An amenity in the commune (`withinKm` = 0) or within so many km (straight line, town hall to town hall).
    case need(amenity: Amenity, withinKm: Double)
    /// 2021 population in this range (within the peer group).
    case population(range: SizeRange)
    /// Only these départements (codes, e.g. 46, 2A, 971).
    case departements(codes: [String])
    /// Not these départements.
    case excludedDepartements(codes: [String])
    /// Only these régions (INSEE codes, e.g. 76).
    case regions(codes: [String])
    /// Not these régions.
    case excludedRegions(codes: [String])
    /// At least one of these types (`TypologyRules`).
    case types(anyOf: [TownType])
    /// Only towns of the Petites villes de demain programme (ANCT list of April 2026).
    case petitesVillesDeDemain
    /// Only towns in one of these situations (`Situation`: centre, banlieue, périurbaine, rurale).
    case situations(anyOf: [Situation])
    /// At most so many hot days (> 35 °C) or tropical nights a year in 2021–2050 (DRIAS-2020, one model, RCP4.5).
    case maxHeat(measure: HeatMeasure, perYear: Double)
    /// Radon potential zone at most this (1 low, 2 low with aggravating geology, 3 significant; IRSN 2018).
    case maxRadonZone(Int)
    /// No natural disaster recognised (arrêté CatNat, any peril) for events of this year or later.
    case noDisasterSince(year: Int)
    /// At least this share (%) of the town's premises eligible to fibre (ARCEP 2024).
    case minFibre(percent: Double)

    /// The constraint in French, e.g. "prix médian des maisons ≤ 2 500 €/m²".
    public var label: String {
        switch self {
        case let .reach(city, .minutesByCar(minutes)) where !city.isParis:
            return "\(city.name) à \(MatchFormat.duration(minutes: minutes)) au plus en voiture (\(CarTimes.estimateNote(errorPercent: city.carTimeErrorPercent)))"
        case let .reach(city, .minutesByCar(minutes)):
            return "\(city.name) à \(MatchFormat.duration(minutes: minutes)) au plus en voiture (OSRM, sans embouteillages)"
        case let .reach(city, .kilometres(km)):
            return "\(city.name) à \(MatchFormat.km(km)) km au plus à vol d'oiseau"
        case let .longDistanceStation(km):
            return "gare TGV ou Intercités à \(MatchFormat.km(km)) km au plus (à vol d'oiseau)"
        case .stationInTown:
            return "gare SNCF dans la commune"
        case let .maxPrice(housing, euros):
            return "prix médian des \(housing.plural) ≤ \(FrenchFormat.number(euros, decimals: 0)) €/m²"
        case let .need(amenity, km):
            return km == 0 ? "\(amenity.label) dans la commune"
                : "\(amenity.label) à \(MatchFormat.km(km)) km au plus (à vol d'oiseau, de mairie à mairie)"
        case let .population(range):
            return "population 2021 de \(FrenchFormat.number(Double(range.minimum), decimals: 0)) à \(FrenchFormat.number(Double(range.maximum), decimals: 0)) habitants"
        case let .departements(codes):
            return codes.count == 1 ? "département \(codes[0])" : "départements \(codes.joined(separator: ", "))"
        case let .excludedDepartements(codes):
            return "hors département\(codes.count > 1 ? "s" : "") \(codes.joined(separator: ", "))"
        case let .regions(codes):
            return codes.count == 1 ? "région \(codes[0])" : "régions \(codes.joined(separator: ", "))"
        case let .excludedRegions(codes):
            return "hors région\(codes.count > 1 ? "s" : "") \(codes.joined(separator: ", "))"
        case let .types(types):
            return "type " + types.map { $0.label.lowercased() }.joined(separator: " ou ")
        case .petitesVillesDeDemain:
            return "programme Petites villes de demain"
        case let .situations(situations):
            return situations == Situation.ownCentreByDefault
                ? "hors banlieues des unités urbaines de 100 000 habitants ou plus"
                : "situation : " + situations.map { $0.label.lowercased() }.joined(separator: " ou ")
        case let .maxHeat(measure, perYear):
            return "\(FrenchFormat.number(perYear, decimals: 0)) \(measure.label) par an au plus en 2021–2050 (un modèle climatique)"
        case let .maxRadonZone(zone):
            return zone == 1 ? "potentiel radon faible (zone 1)" : "potentiel radon en zone \(zone) au plus"
        case let .noDisasterSince(year):
            return "aucune catastrophe naturelle reconnue pour un événement depuis \(year)"
        case let .minFibre(percent):
            return "fibre : au moins \(FrenchFormat.number(percent, decimals: 0)) % des locaux éligibles"
        }
    }
}

/// A measure of summer heat in 2021–2050 (DRIAS-2020) a household can cap.
public enum HeatMeasure: String, Sendable, Hashable, Codable, CaseIterable {
    /// Days when the maximum temperature exceeds 35 °C.
    case hotDays = "jours"
    /// Nights when it does not fall below 20 °C.
    case tropicalNights = "nuits"

    /// The atlas indicator.
    public var indicator: String {
        switch self {
        case .hotDays: "jours_tx_sup35_2021_2050"
        case .tropicalNights: "nuits_tropicales_2021_2050"
        }
    }

    /// French plural label: "jours à plus de 35 °C", "nuits tropicales (jamais moins de 20 °C)".
    public var label: String {
        switch self {
        case .hotDays: "jours à plus de 35 °C"
        case .tropicalNights: "nuits à plus de 20 °C"
        }
    }
}

/// How far a big city may be.
public enum ReachLimit: Sendable, Hashable, Codable {
    /// Car time, free-flowing: OSRM over OpenStreetMap to Paris (`temps_voiture_paris_min`), estimated to the others.
    case minutesByCar(Double)
    /// Great-circle distance between the town halls, within one land mass (`Territory`).
    case kilometres(Double)
}

/// Houses or apartments, for a price ceiling.
public enum HousingKind: String, Sendable, Hashable, Codable, CaseIterable {
    case house = "maison"
    case apartment = "appartement"

    /// The price indicator: the median €/m² of the commune's sales.
    public var indicator: String {
        switch self {
        case .house: "prix_m2_maison"
        case .apartment: "prix_m2_appartement"
        }
    }

    /// French plural: "maisons", "appartements".
    public var plural: String { rawValue + "s" }
}

/// Something a household must have in the town or nearby.
public enum Amenity: String, Sendable, Hashable, Codable, CaseIterable {
    /// At least one general practitioner (BPE 2019, D201); "within N km" is measured by `Matcher` to the
    /// nearest commune that has one (`countIndicator`; there is no distance indicator in the atlas).
    case gp
    /// At least one pharmacy (BPE 2019), measured like `gp`.
    case pharmacie
    /// At least one dentist (BPE 2019), measured like `gp`.
    case dentiste
    case college
    case lycee
    case creche
    case franceServices = "france-services"
    case cinema
    case supermarche
    case ecole
    case urgences
    case maisonSante = "maison-sante"
    case gare
    case bibliotheque

    /// French label.
    public var label: String {
        switch self {
        case .gp: "médecin généraliste"
        case .pharmacie: "pharmacie"
        case .dentiste: "dentiste"
        case .college: "collège"
        case .lycee: "lycée"
        case .creche: "crèche"
        case .franceServices: "site France Services"
        case .cinema: "cinéma"
        case .supermarche: "supermarché"
        case .ecole: "école"
        case .urgences: "service d'urgences"
        case .maisonSante: "maison de santé"
        case .gare: "gare SNCF"
        case .bibliotheque: "bibliothèque"
        }
    }

    /// The atlas indicator giving the straight-line distance (0 when the commune has one); `nil` for the amenities
    /// counted in the commune only (`countIndicator`).
    public var distanceIndicator: String? {
        switch self {
        case .gp, .pharmacie, .dentiste: nil
        case .college: "distance_college_km"
        case .lycee: "distance_lycee_km"
        case .creche: "distance_creche_km"
        case .franceServices: "distance_france_services_km"
        case .cinema: "distance_cinema_km"
        case .supermarche: "distance_supermarche_km"
        case .ecole: "distance_ecole_km"
        case .urgences: "distance_urgences_km"
        case .maisonSante: "distance_maison_sante_km"
        case .gare: "distance_gare_km"
        case .bibliotheque: "distance_bibliotheque_km"
        }
    }

    /// For an amenity the atlas counts per commune (per 10,000 inhabitants) but gives no distance to: the count;
    /// the distance is then the straight line to the nearest commune whose count is above 0 (`MatchSurroundings`).
    public var countIndicator: String? {
        switch self {
        case .gp: "medecins_generalistes_pour_10000"
        case .pharmacie: "pharmacies_pour_10000"
        case .dentiste: "dentistes_pour_10000"
        default: nil
        }
    }

    /// The amenities measured by `countIndicator`, in the order their distances are stored.
    public static let counted: [Amenity] = allCases.filter { $0.countIndicator != nil }
}

/// A big city a household may want to reach: the commune-centre of the pole of an attraction area
/// (AAV 2020) of 200,000 inhabitants or more.
public struct CityPole: Sendable, Hashable, Codable {
    /// INSEE code of the commune-centre.
    public var code: String
    public var name: String
    public var departement: String
    /// Town-hall position.
    public var position: GeoPoint?
    /// Size class of its area (`taille_aav`): 3 = 200,000–700,000, 4 = ≥ 700,000 (not Paris), 5 = Paris.
    public var areaSize: Int
    /// 2021 population of the commune.
    public var population: Int?
    /// The held-out median error (%) of the car times estimated to this city (`CarTimes`); `nil` for Paris (real times).
    public var carTimeErrorPercent: Double?

    public init(code: String, name: String, departement: String, position: GeoPoint?, areaSize: Int, population: Int?) {
        self.code = code
        self.name = name
        self.departement = departement
        self.position = position
        self.areaSize = areaSize
        self.population = population
    }

    /// INSEE code of Paris.
    public static let parisCode = "75056"

    /// Whether this is Paris (the only city with real car times in the atlas; the others' are estimated).
    public var isParis: Bool { code == Self.parisCode }

    /// The land mass of the city.
    public var territory: Territory { Territory(departement: departement) }

    /// The poles of the attraction areas of ≥ 200,000 inhabitants among every commune of `matrix`:
    /// `categorie_aav` = 11 (commune-centre of a pole) and `taille_aav` ≥ 3; largest population first.
    public static func bigCityPoles(in matrix: IndicatorMatrix) -> [CityPole] {
        guard let category = matrix.indicator("categorie_aav"), let size = matrix.indicator("taille_aav") else { return [] }
        var poles: [CityPole] = []
        for row in matrix.communes.indices {
            guard matrix.value(commune: row, indicator: category) == 11,
                  let areaSize = matrix.value(commune: row, indicator: size), areaSize >= 3 else { continue }
            let commune = matrix.communes[row]
            poles.append(CityPole(code: commune.code, name: commune.name, departement: commune.departement,
                                  position: commune.position, areaSize: Int(areaSize), population: commune.population))
        }
        return poles.sorted { ($0.population ?? 0, $1.code) > ($1.population ?? 0, $0.code) }
    }
}

/// A match request that cannot be met, explained in French.
public struct MatchError: Error, CustomStringConvertible, Sendable, Equatable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
