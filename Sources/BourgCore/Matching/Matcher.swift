import Foundation

/// Matches a household to the towns of a peer group: excludes the towns failing a hard constraint (and
/// counts them, constraint by constraint), orders the others by match score (or by likeness to a town the
/// household likes), and explains each answer.
///
/// Built once per peer group (it precomputes what does not depend on the household: the distance to the
/// nearest general practitioner, the big-city poles, the types of every town, the peers' median prices),
/// then `match` answers each household.
///
/// - The match score of a town is its composite for the household's weights, exactly
///   `PeerScores.composites` with the arithmetic aggregation (via `Scoreboard`): raising one of a town's
///   indicators in its good direction never lowers it (scores rank raw values, see `PeerScores`).
/// - The contribution of a dimension is its weight, renormalised over the dimensions where the town has
///   data (as the composite does), times the dimension score: the contributions add up to the match score.
/// - Missing data: a town whose figure needed by a constraint is missing is excluded and counted under that
///   constraint as "sans donnée"; with `keepUnknown` it is kept and flagged instead. Never silently either.
public struct Matcher: Sendable {
    public let scores: PeerScores
    public let typology: TypologyRules
    /// Likeness of town profiles, for "towns like …".
    public let similarity: TownSimilarity
    /// The cities a household may ask to reach: poles of the attraction areas of ≥ 200,000 inhabitants.
    public private(set) var cityPoles: [CityPole]
    /// Estimated car minutes from every peer to the big cities other than Paris (`useCarTimes`); none by default.
    public private(set) var carTimes = CarTimes.none
    /// Per counted amenity (`Amenity.counted`: general practitioner, pharmacy, dentist), per peer (position in
    /// `scores.members`): `MatchSurroundings.nearestKm`.
    public let nearestKm: [Amenity: [Double]]
    /// The départements and régions of the matrix by name, to read them as households write them.
    public let places: PlaceNames
    /// Median €/m² among the peers that have a price, per kind of housing.
    public let peerMedianPrice: [HousingKind: Double]
    /// The types of every peer.
    private let typesOfPeers: [Set<TownType>]

    /// The indicators each typology rule reads: a town of none of the wanted types is "sans donnée" for a
    /// types constraint when one of these is missing for one of the wanted types (the rule could not be
    /// fully checked), rather than silently failing.
    public static let typologyInputs: [TownType: [String]] = [
        .touristique: ["typologie_ruralite", "part_residences_secondaires_2022", "hotels_pour_1000"],
        .bienConnectee: ["distance_gare_grandes_lignes_km", "distance_pole_aav_200k_km"],
        .peripherieMetropole: ["couronne_aav_700k", "distance_pole_aav_700k_km"],
        .centraliteRuraleIsolee: ["centralite_equipements", "categorie_aav", "taille_aav", "distance_pole_aav_200k_km"],
        .littoral: ["littoral_mer"],
        .montagne: ["massif", "altitude_moyenne_m"],
    ]

    /// Prepares the matcher for the peers of `scores`; `peerTypes`, if given, must come from `scores` and `typology`;
    /// `surroundings`, if given, must come from `scores` (it must be given when `scores.matrix` holds the peers only).
    public init(scores: PeerScores, typology: TypologyRules = .standard, peerTypes: PeerTypes? = nil, surroundings: MatchSurroundings? = nil) {
        self.scores = scores
        self.typology = typology
        similarity = TownSimilarity(scores: scores)
        let surroundings = surroundings ?? MatchSurroundings(scores: scores)
        cityPoles = surroundings.cityPoles
        nearestKm = surroundings.nearestKm
        places = PlaceNames(communes: scores.matrix.communes)
        let peerTypes = peerTypes ?? PeerTypes(scores: scores, rules: typology)
        typesOfPeers = scores.members.indices.map { Set(peerTypes.types($0)) }
        var medians: [HousingKind: Double] = [:]
        for kind in HousingKind.allCases {
            guard let column = scores.matrix.indicator(kind.indicator) else { continue }
            let prices = scores.members.compactMap { scores.matrix.value(commune: $0, indicator: column) }
            medians[kind] = Statistics.median(prices)
        }
        peerMedianPrice = medians
    }

    /// Reads car times to the big cities other than Paris from `times` (per peer position, see `CarTimes`); the poles
    /// then carry the estimator's error, which their constraints and reasons show.
    public mutating func useCarTimes(_ times: CarTimes) {
        carTimes = times
        cityPoles = cityPoles.map { pole in
            var pole = pole
            pole.carTimeErrorPercent = pole.isParis ? nil : times.typicalErrorPercent
            return pole
        }
    }

    /// The estimated car minutes from the peer at `position` to `city` (not Paris), or `nil`.
    public func estimatedCarMinutes(to city: CityPole, position: Int) -> Double? {
        city.isParis ? nil : carTimes.minutes(to: city.code, position: position)
    }

    // MARK: Constraints

    /// Whether a town meets a constraint.
    public enum Outcome: Sendable, Hashable {
        case pass
        case fail
        /// The figure the constraint needs is missing.
        case unknown
    }

    /// Whether the peer at `position` meets `constraint`.
    public func outcome(of constraint: MatchConstraint, position: Int) -> Outcome {
        checker(for: constraint)(position)
    }

    /// The test of one constraint, with its indicator columns resolved once.
    private func checker(for constraint: MatchConstraint) -> (Int) -> Outcome {
        let matrix = scores.matrix, members = scores.members
        /// A test on one indicator's value; missing (or no such indicator in the atlas) is unknown.
        func onValue(_ id: String, _ test: @escaping (Double) -> Bool) -> (Int) -> Outcome {
            guard let column = matrix.indicator(id) else { return { _ in .unknown } }
            return { position in
                guard let value = matrix.value(commune: members[position], indicator: column) else { return .unknown }
                return test(value) ? .pass : .fail
            }
        }
        switch constraint {
        case let .reach(city, .minutesByCar(minutes)) where !city.isParis:
            // Estimated times (`CarTimes`, NaN = none); none across the sea.
            let times = carTimes.minutes[city.code] ?? []
            return { position in
                guard matrix.communes[members[position]].territory == city.territory else { return .fail }
                guard times.indices.contains(position), !times[position].isNaN else { return .unknown }
                return Double(times[position]) <= minutes ? .pass : .fail
            }
        case let .reach(_, .minutesByCar(minutes)):
            let time = onValue("temps_voiture_paris_min") { $0 <= minutes }
            return { position in
                // No road leads from overseas to Paris: a known failure, not a missing figure.
                matrix.communes[members[position]].territory.isOverseas ? .fail : time(position)
            }
        case let .reach(city, .kilometres(km)):
            return { position in
                guard let distance = self.distanceKm(to: city, position: position) else { return .unknown }
                return distance <= km ? .pass : .fail
            }
        case let .longDistanceStation(km):
            return onValue("distance_gare_grandes_lignes_km") { $0 <= km }
        case .stationInTown:
            return onValue("gare_dans_commune") { $0 == 1 }
        case let .maxPrice(housing, euros):
            return onValue(housing.indicator) { $0 <= euros }
        case let .need(amenity, km):
            guard let distances = nearestKm[amenity] else { return onValue(amenity.distanceIndicator ?? "") { $0 <= km } }
            return { position in
                let distance = distances[position]
                return distance.isNaN ? .unknown : (distance <= km ? .pass : .fail)
            }
        case let .population(range):
            return { position in
                guard let population = matrix.communes[members[position]].population else { return .unknown }
                return range.contains(population) ? .pass : .fail
            }
        case let .departements(codes):
            let wanted = Set(codes)
            return { wanted.contains(matrix.communes[members[$0]].departement) ? .pass : .fail }
        case let .excludedDepartements(codes):
            let unwanted = Set(codes)
            return { unwanted.contains(matrix.communes[members[$0]].departement) ? .fail : .pass }
        case let .regions(codes):
            let wanted = Set(codes)
            return { position in
                guard let region = matrix.communes[members[position]].region else { return .unknown }
                return wanted.contains(region) ? .pass : .fail
            }
        case let .excludedRegions(codes):
            let unwanted = Set(codes)
            return { position in
                guard let region = matrix.communes[members[position]].region else { return .unknown }
                return unwanted.contains(region) ? .fail : .pass
            }
        case let .types(wanted):
            let wantedSet = Set(wanted)
            let inputs = Array(Set(wanted.flatMap { Self.typologyInputs[$0] ?? [] })).map { matrix.indicator($0) }
            return { position in
                if !self.typesOfPeers[position].isDisjoint(with: wantedSet) { return .pass }
                let row = members[position]
                let undecided = inputs.contains { column in column.map { matrix.value(commune: row, indicator: $0) == nil } ?? true }
                return undecided ? .unknown : .fail
            }
        case .petitesVillesDeDemain:
            return onValue("petites_villes_de_demain") { $0 == 1 }
        case let .situations(wanted):
            let codes = Set(wanted.map { Double($0.rawValue) })
            return onValue("situation") { codes.contains($0) }
        case let .maxHeat(measure, perYear):
            return onValue(measure.indicator) { $0 <= perYear }
        case let .maxRadonZone(zone):
            return onValue("potentiel_radon") { $0 <= Double(zone) }
        case let .minFibre(percent):
            return onValue("part_locaux_fibre") { $0 >= percent }
        case let .noDisasterSince(year):
            // A commune with no decree since 1982 has a total of 0 and no year.
            let total = onValue("arretes_catnat_total") { $0 == 0 }
            let recent = onValue("annee_derniere_catnat") { $0 < Double(year) }
            return { position in
                let never = total(position)
                return never == .pass ? .pass : (never == .unknown ? .unknown : recent(position))
            }
        }
    }

    /// Straight-line distance from a peer's town hall to a city's, or `nil` when a position is unknown;
    /// infinite across the sea (another `Territory`).
    public func distanceKm(to city: CityPole, position: Int) -> Double? {
        let commune = scores.matrix.communes[scores.members[position]]
        guard let from = commune.position, let to = city.position else { return nil }
        guard commune.territory == city.territory else { return .infinity }
        return from.distanceKm(to: to)
    }

    /// Straight-line distance in km from a peer's town hall to the nearest commune with `amenity` (0 when it has
    /// one), or `nil` when unknown: the atlas's distance indicator, or the nearest count above 0 (`nearestKm`).
    public func distanceKm(to amenity: Amenity, position: Int) -> Double? {
        let distance = amenity.distanceIndicator.map { scores.matrix.value(commune: scores.members[position], $0) }
            ?? nearestKm[amenity]?[position]
        guard let distance, distance.isFinite else { return nil }
        return distance
    }

    /// Checks a profile's settings; throws a French explanation of the first problem.
    public func validate(_ profile: HouseholdProfile) throws {
        guard profile.top >= 1 else { throw MatchError("le nombre de communes demandé doit être d'au moins 1 (reçu \(profile.top))") }
        if let limit = profile.perDepartement, limit < 1 {
            throw MatchError("le nombre de communes par département doit être d'au moins 1 (reçu \(limit))")
        }
        guard scores.normalisedWeights(profile.weights).contains(where: { $0 > 0 }) else {
            throw MatchError("au moins une dimension doit avoir un poids supérieur à 0")
        }
        func nonNegative(_ value: Double, _ what: String) throws {
            guard value.isFinite, value >= 0 else { throw MatchError("\(what) doit être un nombre positif ou nul (reçu \(value))") }
        }
        for constraint in profile.constraints {
            switch constraint {
            case let .reach(city, .minutesByCar(minutes)):
                guard minutes.isFinite, minutes > 0 else { throw MatchError("le temps vers \(city.name) doit être positif (reçu \(minutes))") }
            case let .reach(city, .kilometres(km)): try nonNegative(km, "la distance à \(city.name)")
            case let .longDistanceStation(km): try nonNegative(km, "la distance à la gare")
            case let .maxPrice(housing, euros):
                guard euros.isFinite, euros > 0 else { throw MatchError("le prix maximal des \(housing.plural) doit être positif (reçu \(euros))") }
            case let .need(amenity, km): try nonNegative(km, "la distance (\(amenity.label))")
            case let .population(range):
                guard range.minimum >= 0, range.maximum >= range.minimum else {
                    throw MatchError("la population minimale doit être positive et au plus la maximale (reçu \(range.minimum)–\(range.maximum))")
                }
            case let .departements(codes), let .excludedDepartements(codes), let .regions(codes), let .excludedRegions(codes):
                guard !codes.isEmpty else { throw MatchError("une liste de codes ne peut être vide") }
            case let .types(types):
                guard !types.isEmpty else { throw MatchError("la liste des types ne peut être vide") }
            case let .situations(situations):
                guard !situations.isEmpty else { throw MatchError("la liste des situations ne peut être vide") }
            case let .maxHeat(measure, perYear):
                guard perYear.isFinite, (0...366).contains(perYear) else {
                    throw MatchError("le nombre de \(measure.label) doit être compris entre 0 et 366 (reçu \(perYear))")
                }
            case let .maxRadonZone(zone):
                guard (1...3).contains(zone) else { throw MatchError("la zone radon est 1, 2 ou 3 (reçu \(zone))") }
            case let .minFibre(percent):
                guard (0...100).contains(percent) else { throw MatchError("la part de locaux éligibles à la fibre est de 0 à 100 % (reçu \(percent))") }
            case let .noDisasterSince(year):
                guard (1982...2025).contains(year) else { throw MatchError("l'année doit être comprise entre 1982 et 2025 (reçu \(year))") }
            case .stationInTown, .petitesVillesDeDemain:
                break
            }
        }
        if let like = profile.likeCommune, scores.position(ofCommune: like) == nil {
            let name = scores.matrix.row(ofCommune: like).map { scores.matrix.communes[$0].name } ?? like
            throw MatchError("\(name) n'est pas parmi les pairs (\(scores.group.label)) : impossible de chercher les communes qui lui ressemblent")
        }
    }

    // MARK: Matching

    /// Answers a household: the towns meeting every constraint, best first, with the exclusion counts.
    public func match(_ profile: HouseholdProfile) throws -> MatchResult {
        try validate(profile)
        let board = Scoreboard(scores: scores, weights: profile.weights, aggregation: .arithmetic, typology: typology)
        let checks = profile.constraints.map(checker(for:))
        let peerCount = scores.members.count
        var failed = [Int](repeating: 0, count: checks.count), unknown = failed
        var isCandidate = [Bool](repeating: false, count: peerCount)
        var candidates: [Int] = []
        var unknownConstraints: [Int: [Int]] = [:]
        var excluded = 0, withoutScore = 0
        var nearMissCandidates: [(position: Int, constraint: Int)] = []
        for position in 0..<peerCount {
            var out = false
            var missing: [Int] = []
            var failures: [Int] = []
            for (index, check) in checks.enumerated() {
                switch check(position) {
                case .pass: break
                case .fail:
                    failed[index] += 1
                    failures.append(index)
                    out = true
                case .unknown:
                    unknown[index] += 1
                    missing.append(index)
                    if !profile.keepUnknown { out = true }
                }
            }
            let hasScore = !board.composites[position].isNaN
            if !hasScore { withoutScore += 1 }
            if hasScore, failures.count == 1, missing.isEmpty || profile.keepUnknown {
                nearMissCandidates.append((position, failures[0]))
            }
            if out || !hasScore {
                excluded += 1
                continue
            }
            isCandidate[position] = true
            candidates.append(position)
            if !missing.isEmpty { unknownConstraints[position] = missing }
        }

        // Order: by likeness to the liked town, or by match score (ties: matrix order).
        var ordered: [(position: Int, distance: Double?)]
        var likedTown: Commune?, withoutSimilarity = 0
        if let like = profile.likeCommune, let liked = scores.position(ofCommune: like) {
            likedTown = scores.matrix.communes[scores.members[liked]]
            let comparable = candidates.count - (isCandidate[liked] ? 1 : 0)
            ordered = similarity.mostSimilar(to: liked, count: comparable) { isCandidate[$0] }.map { ($0.position, $0.distance) }
            withoutSimilarity = comparable - ordered.count
        } else {
            let composites = board.composites
            var keyed = candidates.map { (score: composites[$0], position: $0) }
            keyed.sort { $0.score != $1.score ? $0.score > $1.score : $0.position < $1.position }
            ordered = keyed.map { ($0.position, nil) }
        }

        // Diversity: at most K towns per département.
        var chosen: [(position: Int, distance: Double?)] = []
        var perDepartement: [String: Int] = [:]
        var setAside = 0
        for item in ordered {
            if chosen.count == profile.top { break }
            if let limit = profile.perDepartement {
                let departement = scores.matrix.communes[scores.members[item.position]].departement
                if perDepartement[departement, default: 0] >= limit {
                    setAside += 1
                    continue
                }
                perDepartement[departement, default: 0] += 1
            }
            chosen.append(item)
        }

        let ratings = profile.ratings
        let towns = chosen.enumerated().map { place, item in
            townMatch(place: place + 1, position: item.position, board: board, profile: profile, ratings: ratings,
                      unknown: (unknownConstraints[item.position] ?? []).map { profile.constraints[$0].label },
                      distance: item.distance)
        }
        let reports = profile.constraints.indices.map { index in
            ConstraintReport(constraint: profile.constraints[index], label: profile.constraints[index].label,
                             failed: failed[index], unknown: unknown[index],
                             excluded: failed[index] + (profile.keepUnknown ? 0 : unknown[index]))
        }
        return MatchResult(
            peerGroup: scores.group.label, peerCount: peerCount, weights: profile.weights,
            ratings: Dictionary(uniqueKeysWithValues: ratings.map { ($0.key.rawValue, $0.value) }),
            constraints: reports, withoutScore: withoutScore, excluded: excluded, remaining: peerCount - excluded,
            keptWithUnknown: unknownConstraints.count, keepUnknown: profile.keepUnknown,
            perDepartement: profile.perDepartement, setAsideForDiversity: setAside,
            likedTown: likedTown, withoutSimilarity: withoutSimilarity, towns: towns,
            nearMisses: nearMisses(nearMissCandidates, profile: profile, board: board), notes: notes(for: profile))
    }

    /// How many near misses an answer lists.
    public static let nearMissCount = 10

    /// The towns failing one constraint by the least (relative gap ≤ `nearMissTolerance`), the smallest gap first
    /// and, at equal gaps, the best match score, with what they miss.
    private func nearMisses(_ candidates: [(position: Int, constraint: Int)], profile: HouseholdProfile, board: Scoreboard) -> [NearMiss] {
        let gaps = candidates.map { gap(profile.constraints[$0.constraint], position: $0.position) }
        return candidates.indices.filter { gaps[$0] <= Self.nearMissTolerance }
            .sorted { (gaps[$0], -board.composites[candidates[$0].position]) < (gaps[$1], -board.composites[candidates[$1].position]) }
            .prefix(Self.nearMissCount).map { index in
                let candidate = candidates[index], constraint = profile.constraints[candidate.constraint]
                return NearMiss(commune: scores.matrix.communes[scores.members[candidate.position]], matchScore: board.composites[candidate.position],
                                constraint: constraint.label, shortfall: shortfall(constraint, position: candidate.position))
            }
    }

    /// A near miss misses its constraint by at most this relative gap (50 %: 90 min for a 60 min limit).
    public static let nearMissTolerance = 0.5

    /// How far the peer at `position` is from meeting `constraint`, relative to the limit: (value − limit) / limit for a
    /// ceiling, (limit − value) / limit for a floor, the distance over 10 km for an amenity wanted in the town, one
    /// zone or 0.5 for a radon zone or a year; `.infinity` when it cannot be measured (lists, types, situations).
    public func gap(_ constraint: MatchConstraint, position: Int) -> Double {
        let row = scores.members[position]
        func value(_ id: String) -> Double? { scores.matrix.value(commune: row, id) }
        func over(_ figure: Double?, _ limit: Double) -> Double {
            guard let figure, figure.isFinite else { return .infinity }
            return limit > 0 ? max(0, figure - limit) / limit : (figure > 0 ? .infinity : 0)
        }
        switch constraint {
        case let .reach(city, .minutesByCar(minutes)):
            return over(city.isParis ? value("temps_voiture_paris_min") : estimatedCarMinutes(to: city, position: position), minutes)
        case let .reach(city, .kilometres(limit)): return over(distanceKm(to: city, position: position), limit)
        case let .longDistanceStation(limit): return over(value("distance_gare_grandes_lignes_km"), max(limit, 1))
        case let .maxPrice(housing, euros): return over(value(housing.indicator), euros)
        case let .need(amenity, limit):
            guard let distance = distanceKm(to: amenity, position: position) else { return .infinity }
            return limit == 0 ? distance / 10 : over(distance, limit)
        case let .maxHeat(measure, limit): return over(value(measure.indicator), max(limit, 1))
        case let .maxRadonZone(zone): return over(value("potentiel_radon"), Double(zone))
        case let .minFibre(percent):
            guard let share = value("part_locaux_fibre"), percent > 0 else { return .infinity }
            return max(0, percent - share) / percent
        default: return .infinity
        }
    }

    /// By how much the peer at `position` misses `constraint`, in French.
    public func shortfall(_ constraint: MatchConstraint, position: Int) -> String {
        let row = scores.members[position]
        func value(_ id: String) -> Double? { scores.matrix.value(commune: row, id) }
        func km(_ value: Double) -> String { MatchFormat.km(value) }
        let fallback = "ne remplit pas : " + constraint.label
        switch constraint {
        case let .reach(city, .minutesByCar(minutes)):
            if city.isParis, let time = value("temps_voiture_paris_min") {
                return "à \(MatchFormat.duration(minutes: time)) de Paris au lieu de \(MatchFormat.duration(minutes: minutes))"
            }
            guard let time = estimatedCarMinutes(to: city, position: position) else { return fallback }
            return "à ≈ \(MatchFormat.duration(minutes: time)) de \(city.name) au lieu de \(MatchFormat.duration(minutes: minutes)) (estimation)"
        case let .reach(city, .kilometres(limit)):
            guard let distance = distanceKm(to: city, position: position), distance.isFinite else { return fallback }
            return "à \(km(distance)) km de \(city.name) à vol d'oiseau au lieu de \(km(limit))"
        case let .longDistanceStation(limit):
            guard let distance = value("distance_gare_grandes_lignes_km") else { return fallback }
            return "gare TGV ou Intercités à \(km(distance)) km au lieu de \(km(limit))"
        case let .maxPrice(housing, euros):
            guard let price = value(housing.indicator) else { return fallback }
            return "\(housing.plural) à \(MatchFormat.whole(price)) €/m² au lieu de \(MatchFormat.whole(euros))"
        case let .need(amenity, limit):
            guard let distance = distanceKm(to: amenity, position: position) else { return fallback }
            return limit == 0 ? "pas de \(amenity.label) dans la commune (le plus proche à \(km(distance)) km)"
                : "\(amenity.label) à \(km(distance)) km au lieu de \(km(limit))"
        case let .maxHeat(measure, limit):
            guard let figure = value(measure.indicator) else { return fallback }
            return "\(MatchFormat.whole(figure)) \(measure.label) par an au lieu de \(MatchFormat.whole(limit))"
        case let .maxRadonZone(zone):
            guard let figure = value("potentiel_radon") else { return fallback }
            return "potentiel radon en zone \(Int(figure)) au lieu de \(zone)"
        case .noDisasterSince:
            guard let year = value("annee_derniere_catnat") else { return fallback }
            return "catastrophe naturelle reconnue pour un événement de \(Int(year))"
        case let .minFibre(percent):
            guard let share = value("part_locaux_fibre") else { return fallback }
            return "fibre : \(MatchFormat.whole(share)) % des locaux au lieu de \(MatchFormat.whole(percent))"
        default:
            return fallback
        }
    }

    /// Each weighted dimension's share of a peer's match score.
    public func contributions(position: Int, weights: Weights) -> [DimensionContribution] {
        let normalised = scores.normalisedWeights(weights)
        let ratings = HouseholdProfile(weights: weights).ratings
        // As the composite: a missing dimension counts at the peers' first quartile (`MissingDimensionRule`).
        let counted = scores.dimensions.indices.map { d in
            scores.dimensionScore(position, scores.dimensions[d]) ?? (scores.imputedDimensionScores[d].isNaN ? nil : scores.imputedDimensionScores[d])
        }
        let used = scores.dimensions.indices.reduce(0.0) { $0 + (normalised[$1] > 0 && counted[$1] != nil ? normalised[$1] : 0) }
        return scores.dimensions.enumerated().compactMap { d, dimension in
            guard normalised[d] > 0 else { return nil }
            let score = scores.dimensionScore(position, dimension)
            let applied = counted[d] == nil || used == 0 ? 0 : normalised[d] / used
            return DimensionContribution(
                dimension: dimension, label: dimension.label, rating: ratings[dimension] ?? 0, weight: normalised[d],
                appliedWeight: applied, score: score, imputedScore: score == nil ? counted[d] : nil,
                contribution: counted[d].map { applied * $0 })
        }
    }

    private func townMatch(place: Int, position: Int, board: Scoreboard, profile: HouseholdProfile,
                           ratings: [AttractivenessDimension: Double], unknown: [String], distance: Double?) -> TownMatch {
        let contributions = contributions(position: position, weights: profile.weights)
        let explanation = MatchExplainer(matcher: self).explain(position: position, profile: profile, contributions: contributions, ratings: ratings)
        return TownMatch(
            place: place, commune: scores.matrix.communes[scores.members[position]], matchScore: board.composites[position],
            overallRank: board.ranks[position], contributions: contributions, reasons: explanation.reasons,
            facts: explanation.facts, watch: explanation.watch, unknownConstraints: unknown, similarityDistance: distance,
            types: TownType.allCases.filter { typesOfPeers[position].contains($0) })
    }

    private func notes(for profile: HouseholdProfile) -> [String] {
        var notes = [
            "Note de correspondance : la note globale de la commune pour vos pondérations (moyenne arithmétique pondérée de ses notes de dimension, chacune de 0 à 100 et relative aux pairs) ; contribution d'une dimension = son poids, réparti sur les dimensions renseignées pour la commune, × sa note.",
            profile.keepUnknown
                ? "Donnée manquante : une commune dont une donnée nécessaire à une contrainte manque est gardée et signalée."
                : "Donnée manquante : une commune dont une donnée nécessaire à une contrainte manque est exclue et comptée « faute de donnée » (--keep-unknown la garde, signalée).",
        ]
        let constraints = profile.constraints
        if constraints.contains(where: { if case let .reach(city, .minutesByCar) = $0 { city.isParis } else { false } }) {
            notes.append("Temps vers Paris : trajet en voiture sans embouteillages, du centre de la commune au centre de Paris (OSRM, OpenStreetMap 2021) ; aucune route ne relie l'outre-mer à Paris : ces communes échouent.")
        }
        if constraints.contains(where: { if case let .reach(city, .minutesByCar) = $0 { !city.isParis } else { false } }) {
            let error = carTimes.typicalErrorPercent.map { " ; erreur médiane \(Int($0.rounded())) % sur des trajets de 15 à 120 min vers Paris, mesurée hors échantillon" } ?? ""
            notes.append("Temps vers les autres grandes villes : estimés, sans embouteillages, par un modèle de réseau entre communes voisines et grandes villes ajusté sur les temps OSRM vers Paris\(error) ; non vérifiés vers les autres villes (voir la méthode). La Corse et l'outre-mer n'ont pas d'estimation : une ville d'un autre territoire échoue.")
        }
        if constraints.contains(where: { if case .reach(_, .kilometres) = $0 { true } else { false } }) {
            notes.append("Distance aux grandes villes : à vol d'oiseau, de mairie à mairie, sur le même territoire (métropole, Corse, chaque DOM), pas par la route.")
        }
        if constraints.contains(where: { if case let .need(amenity, _) = $0 { amenity.countIndicator != nil } else { false } }) {
            notes.append("Médecin généraliste, pharmacie, dentiste : 0 km si la commune en a au moins un (BPE 2019), sinon distance à vol d'oiseau jusqu'à la mairie de la commune la plus proche (de tout l'atlas, même territoire) qui en a un.")
        }
        if constraints.contains(where: { if case let .need(amenity, _) = $0 { amenity.countIndicator == nil } else { false } }) {
            notes.append("Équipements : distance à vol d'oiseau de mairie à mairie jusqu'à la commune la plus proche qui en a un, 0 dans la commune (BPE 2019 ; France Services 2024 ; cinémas BPE ou Basilic).")
        }
        if constraints.contains(where: { if case .types = $0 { true } else { false } }) {
            notes.append("Types : règles de la typologie Bourg (bourg typology) ; une commune sans le type demandé, dont une donnée lue par la règle manque, est comptée « faute de donnée ».")
        }
        if constraints.contains(where: { if case .maxHeat = $0 { true } else { false } }) {
            notes.append("Chaleur : moyenne annuelle simulée pour 2021–2050 par un seul modèle climatique (DRIAS-2020, ALADIN63, scénario RCP4.5), au point de grille de 8 km le plus proche de la mairie : de quoi comparer les communes, pas une prévision ; pas de donnée pour les DOM.")
        }
        if constraints.contains(where: { if case .maxRadonZone = $0 { true } else { false } }) {
            notes.append("Radon : zone à potentiel radon de l'arrêté du 27 juin 2018 (IRSN), un potentiel géologique, pas une mesure dans les maisons.")
        }
        if constraints.contains(where: { if case .noDisasterSince = $0 { true } else { false } }) {
            notes.append("Catastrophes naturelles : arrêtés de reconnaissance (GASPAR, 1982–2025), tous périls confondus, car la base ne donne pas l'année par péril ; un arrêté suppose que la mairie l'ait demandé.")
        }
        if constraints.contains(where: { if case .maxPrice = $0 { true } else { false } }) {
            notes.append("Prix : médiane des ventes au m² sur 12 mois (DVF), seulement avec au moins 10 ventes ; DVF ne couvre ni l'Alsace-Moselle ni Mayotte.")
        }
        return notes
    }
}
