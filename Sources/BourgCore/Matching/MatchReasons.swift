import Foundation

/// How the matcher writes figures: French numbers (`FrenchFormat.number`), with the decimals each kind needs.
public enum MatchFormat {
    /// A distance in km: one decimal under 10 km, none above ("3,2", "18").
    public static func km(_ value: Double) -> String {
        FrenchFormat.number(value, decimals: abs(value) < 10 ? 1 : 0)
    }

    /// A rate or a small quantity: one decimal under 100, none above ("6,1", "0,4", "152").
    public static func rate(_ value: Double) -> String {
        FrenchFormat.number(value, decimals: abs(value) < 100 ? 1 : 0)
    }

    /// A whole number ("2 430", "98").
    public static func whole(_ value: Double) -> String {
        FrenchFormat.number(value, decimals: 0)
    }

    /// A score 0–100, whole ("82").
    public static func score(_ value: Double) -> String {
        FrenchFormat.number(value, decimals: 0)
    }

    /// A car time: "45 min", "1 h", "1 h 05", "2 h 30" (minutes rounded).
    public static func duration(minutes: Double) -> String {
        let total = Int(minutes.rounded())
        guard total >= 60 else { return "\(total) min" }
        let hours = total / 60, rest = total % 60
        return rest == 0 ? "\(hours) h" : "\(hours) h " + (rest < 10 ? "0\(rest)" : "\(rest)")
    }

    /// French plural: the plural form from 2 on ("1,5 médecin", "2 médecins").
    static func noun(_ value: Double, _ singular: String, _ plural: String? = nil) -> String {
        abs(value) >= 2 ? (plural ?? singular + "s") : singular
    }
}

/// One figure the matcher states about a town, with the value it was written from.
public struct MatchFact: Sendable, Hashable, Codable {
    /// The atlas indicator id, or `distance_generaliste_km` / `distance_<INSEE code>_km` for distances the
    /// matcher computes itself.
    public var indicator: String
    /// The value the text was written from (unrounded).
    public var value: Double
    /// The French phrase, e.g. "6,1 médecins généralistes pour 10 000 habitants".
    public var text: String

    public init(indicator: String, value: Double, text: String) {
        self.indicator = indicator
        self.value = value
        self.text = text
    }
}

/// The French phrase of one indicator value, for reasons and warnings.
public struct IndicatorPhrase: Sendable, Hashable {
    public var text: String
    /// The phrase states an absence ("aucun cinéma", "pas de gare"): never given as a strength.
    public var isAbsence: Bool
    /// The phrase states a presence in the town ("collège dans la commune", "gare SNCF dans la commune"):
    /// never given as something to watch, even when most peers have it too.
    public var isPresence: Bool

    init(_ text: String, absence: Bool = false, presence: Bool = false) {
        self.text = text
        isAbsence = absence
        isPresence = presence
    }

    /// The phrase of `value` for indicator `id`, or `nil` when Bourg has no phrase for that indicator.
    public static func of(_ id: String, _ value: Double) -> IndicatorPhrase? {
        // Formatted only when a phrase uses them.
        var km: String { MatchFormat.km(value) }
        var rate: String { MatchFormat.rate(value) }
        var whole: String { MatchFormat.whole(value) }
        func per10000(_ singular: String, _ plural: String? = nil) -> IndicatorPhrase {
            IndicatorPhrase("\(rate) \(MatchFormat.noun(value, singular, plural)) pour 10 000 habitants", absence: value == 0)
        }
        func per1000(_ singular: String, _ plural: String? = nil) -> IndicatorPhrase {
            IndicatorPhrase("\(rate) \(MatchFormat.noun(value, singular, plural)) pour 1 000 habitants", absence: value == 0)
        }
        func distance(_ thing: String) -> IndicatorPhrase {
            value == 0 ? IndicatorPhrase("\(thing) dans la commune", presence: true) : IndicatorPhrase("\(thing) à \(km) km")
        }
        func count(_ singular: String, _ plural: String, none: String) -> IndicatorPhrase {
            value == 0 ? IndicatorPhrase(none, absence: true) : IndicatorPhrase("\(whole) \(MatchFormat.noun(value, singular, plural))")
        }
        func apl(_ singular: String, _ plural: String? = nil) -> IndicatorPhrase {
            IndicatorPhrase("\(rate) \(MatchFormat.noun(value, singular, plural)) accessible\(value >= 2 ? "s" : "") (équivalents temps plein) pour 100 000 habitants", absence: value == 0)
        }
        func flag(_ yes: String, _ no: String) -> IndicatorPhrase {
            value != 0 ? IndicatorPhrase(yes, presence: true) : IndicatorPhrase(no, absence: true)
        }
        func trend(_ subject: String) -> IndicatorPhrase {
            let magnitude = MatchFormat.rate(abs(value))
            if magnitude == "0" { return IndicatorPhrase("pas de hausse des \(subject) de 2016 à 2024") }
            return IndicatorPhrase("\(subject) en \(value < 0 ? "baisse" : "hausse") de \(magnitude) pour 1 000 habitants par an de 2016 à 2024")
        }
        switch id {
        // Mobilité
        case "temps_voiture_paris_min": return IndicatorPhrase("Paris à \(MatchFormat.duration(minutes: value)) en voiture")
        case "distance_gare_grandes_lignes_km": return IndicatorPhrase("gare TGV ou Intercités à \(km) km")
        case "distance_gare_km": return IndicatorPhrase("gare SNCF à \(km) km")
        case "gare_dans_commune": return flag("gare SNCF dans la commune", "pas de gare SNCF dans la commune")
        case "voyageurs_gares_2024":
            return value == 0 ? nil : IndicatorPhrase("\(whole) voyageurs par an en gare (2024)")
        case "distance_pole_aav_200k_km": return IndicatorPhrase("pôle d'une aire de 200 000 habitants ou plus à \(km) km à vol d'oiseau")
        // Santé
        case "medecins_generalistes_pour_10000": return per10000("médecin généraliste", "médecins généralistes")
        case "pharmacies_pour_10000": return per10000("pharmacie")
        case "infirmiers_pour_10000": return per10000("infirmier")
        case "kinesitherapeutes_pour_10000": return per10000("kinésithérapeute")
        case "dentistes_pour_10000": return per10000("dentiste")
        case "distance_urgences_km": return distance("service d'urgences")
        case "distance_maison_sante_km": return distance("maison ou centre de santé")
        case "apl_medecins_generalistes":
            return IndicatorPhrase("accès aux généralistes de \(rate) consultation\(value >= 2 ? "s" : "") par habitant et par an", absence: value == 0)
        case "apl_infirmiers": return apl("infirmier")
        case "apl_kinesitherapeutes": return apl("kinésithérapeute")
        case "apl_dentistes": return apl("dentiste")
        case "apl_sages_femmes": return apl("sage-femme", "sages-femmes")
        case "densite_generalistes_bv":
            return IndicatorPhrase("\(rate) \(MatchFormat.noun(value, "généraliste")) pour 10 000 habitants dans le bassin de vie")
        case "densite_infirmiers_bv":
            return IndicatorPhrase("\(rate) \(MatchFormat.noun(value, "infirmier")) pour 10 000 habitants dans le bassin de vie")
        // Services publics
        case "service_postal": return flag("service postal dans la commune", "pas de service postal dans la commune")
        case "distance_creche_km": return distance("crèche")
        case "distance_ecole_km": return distance("école")
        case "distance_college_km": return distance("collège")
        case "distance_lycee_km": return distance("lycée")
        case "france_services": return flag("site France Services dans la commune", "pas de site France Services dans la commune")
        case "taux_couverture_accueil_jeune_enfant":
            return IndicatorPhrase(value >= 100 ? "au moins une place d'accueil par enfant de moins de 3 ans" : "\(rate) places d'accueil pour 100 enfants de moins de 3 ans")
        case "distance_france_services_km": return distance("site France Services")
        case "part_pop_eloignee_proximite": return IndicatorPhrase("\(rate) % des habitants éloignés des services de proximité")
        case "part_pop_eloignee_intermediaires": return IndicatorPhrase("\(rate) % des habitants éloignés des services intermédiaires")
        case "part_pop_eloignee_superieurs": return IndicatorPhrase("\(rate) % des habitants éloignés des services supérieurs")
        // Culture
        case "cinemas": return count("cinéma", "cinémas", none: "aucun cinéma")
        case "bibliotheques": return count("bibliothèque", "bibliothèques", none: "aucune bibliothèque")
        case "musees": return count("musée", "musées", none: "aucun musée")
        case "theatres_scenes": return count("théâtre ou scène", "théâtres ou scènes", none: "aucun théâtre ni scène")
        case "conservatoires": return count("conservatoire", "conservatoires", none: "aucun conservatoire")
        case "monuments_historiques": return count("monument historique", "monuments historiques", none: "aucun monument historique")
        case "lieux_culturels": return count("lieu culturel", "lieux culturels", none: "aucun lieu culturel")
        case "distance_cinema_km": return distance("cinéma")
        case "distance_bibliotheque_km": return distance("bibliothèque")
        case "distance_conservatoire_km": return distance("conservatoire")
        case "distance_musee_km": return distance("musée")
        case "distance_theatre_scene_km": return distance("théâtre ou scène")
        // Commerces
        case "supermarches_pour_1000": return per1000("supermarché")
        case "distance_supermarche_km": return distance("supermarché")
        case "boulangeries_pour_1000": return per1000("boulangerie")
        case "boucheries_pour_1000": return per1000("boucherie")
        case "commerces_alimentaires_pour_1000": return per1000("commerce alimentaire", "commerces alimentaires")
        case "poissonnerie": return flag("poissonnerie dans la commune", "pas de poissonnerie dans la commune")
        case "restaurants_pour_1000": return per1000("restaurant")
        case "distance_banque_km": return distance("banque")
        case "distance_station_service_km": return distance("station-service")
        // Tourisme
        case "hotels_pour_1000": return per1000("hôtel")
        case "campings_pour_1000": return per1000("camping")
        case "information_touristique": return flag("office de tourisme", "pas d'office de tourisme")
        case "domaine_skiable": return flag("domaine skiable", "pas de domaine skiable")
        case "sports_nautiques": return flag("sports nautiques", "pas de sports nautiques")
        // Emploi et revenus
        case "revenu_median_uc": return IndicatorPhrase("revenu médian de \(whole) € par an et par unité de consommation")
        case "taux_pauvrete": return IndicatorPhrase("taux de pauvreté de \(rate) %")
        case "part_revenus_chomage": return IndicatorPhrase("\(rate) % des revenus issus des indemnités de chômage")
        case "demandeurs_emploi_pour_1000": return per1000("demandeur d'emploi", "demandeurs d'emploi")
        // Sécurité
        case "violences_personnes_pour_1000": return per1000("violence aux personnes", "violences aux personnes")
        case "atteintes_biens_pour_1000": return per1000("atteinte aux biens", "atteintes aux biens")
        case "destructions_degradations_pour_1000": return per1000("destruction ou dégradation", "destructions et dégradations")
        case "violences_personnes_tendance": return trend("violences aux personnes")
        case "atteintes_biens_tendance": return trend("atteintes aux biens")
        case "destructions_degradations_tendance": return trend("destructions et dégradations")
        // Logement
        case "prix_m2_maison": return IndicatorPhrase("maisons à \(whole) €/m²")
        case "prix_m2_appartement": return IndicatorPhrase("appartements à \(whole) €/m²")
        case "logements_sociaux_pour_1000": return per1000("logement social", "logements sociaux")
        case "rapport_prix_revenu": return IndicatorPhrase("une maison de 100 m² pour \(rate) années de niveau de vie médian")
        // Nature
        case "couvert_arbore_pct": return IndicatorPhrase("\(rate) % de couvert arboré")
        case "sols_impermeabilises_pct": return IndicatorPhrase("\(rate) % de sols imperméabilisés")
        case "luminance_ciel_mcd_m2":
            return IndicatorPhrase("ciel nocturne à \(FrenchFormat.number(value, decimals: 2)) mcd/m²" + (value < 0.2 ? " (ciel rural sombre)" : ""))
        case "artificialisation_2012_2018_ha_km2":
            let hectares = FrenchFormat.number(value, decimals: 2)
            return hectares == "0" ? IndicatorPhrase("aucune terre artificialisée détectée de 2012 à 2018")
                : IndicatorPhrase("\(hectares) ha artificialisés par km² de 2012 à 2018")
        // Numérique
        case "part_locaux_fibre": return IndicatorPhrase("\(rate) % des locaux éligibles à la fibre")
        case "part_locaux_thd_filaire": return IndicatorPhrase("\(rate) % des locaux éligibles au très haut débit filaire")
        case "couverture_mobile_4g": return IndicatorPhrase("\(rate) % couverts en 4G")
        case "espaces_coworking": return count("espace de coworking", "espaces de coworking", none: "aucun espace de coworking")
        // Métropole, dynamique
        case "couronne_aav_700k": return flag("dans la couronne d'une aire de 700 000 habitants ou plus", "hors couronne des grandes aires")
        case "distance_pole_aav_700k_km": return IndicatorPhrase("pôle d'une aire de 700 000 habitants ou plus à \(km) km à vol d'oiseau")
        case "croissance_population_2016_2022":
            let magnitude = FrenchFormat.number(abs(value), decimals: 2)
            return magnitude == "0" ? IndicatorPhrase("population stable de 2016 à 2022")
                : IndicatorPhrase("population en \(value < 0 ? "baisse" : "hausse") de \(magnitude) % par an de 2016 à 2022")
        default: return nil
        }
    }
}

/// How a town's standing among its peers on one indicator reads: "mieux que 88 % des pairs" (its
/// indicator score, a percentile rank among the peers, rounded down so as never to overstate it).
public enum PeerStanding {
    /// "mieux que 88 % des pairs", "au premier rang des pairs" (100), "au dernier rang des pairs" (0).
    public static func text(_ score: Double) -> String {
        if score >= 100 { return "au premier rang des pairs" }
        if score <= 0 { return "au dernier rang des pairs" }
        return "mieux que \(MatchFormat.whole(score.rounded(.down))) % des pairs"
    }
}

/// Writes why a town fits a household, from the town's own figures:
/// - a sentence stating the figures behind the constraints the household set ("Gare TGV ou Intercités à
///   8 km ; maisons à 1 850 €/m², 24 % sous la médiane des pairs (2 430 €/m²)."),
/// - a sentence on its strengths: the dimensions with the largest contribution to its match score among those
///   scoring 50 or more, each with its best-scored figure ("Points forts : santé 82/100 (6,1 médecins
///   généralistes pour 10 000 habitants, mieux que 88 % des pairs) ; …"); for a town with no such dimension,
///   "Ce qui pèse le plus dans sa note : …" with the largest contributions,
/// - what to watch: the weakest dimension among those rated 4 or 5, with its weakest figure.
struct MatchExplainer {
    let matcher: Matcher

    /// The indicator score under which a figure is worth watching: the lower half of the peers.
    static let weakStanding = 50.0
    /// The dimension score from which a dimension is called a strength: the upper half of the peers.
    static let strongScore = 50.0

    struct Explanation {
        var reasons: [String]
        var facts: [MatchFact]
        var watch: WatchPoint?
    }

    private var scores: PeerScores { matcher.scores }

    func explain(position: Int, profile: HouseholdProfile, contributions: [DimensionContribution],
                 ratings: [AttractivenessDimension: Double]) -> Explanation {
        var facts: [MatchFact] = []
        var reasons: [String] = []
        for constraint in profile.constraints {
            if let fact = constraintFact(constraint, position: position), !facts.contains(where: { $0.indicator == fact.indicator }) {
                facts.append(fact)
            }
        }
        if !facts.isEmpty {
            reasons.append(Self.sentence(facts.map(\.text).joined(separator: " ; ")))
        }
        // Strengths: the largest contributions among the dimensions where the town is in the upper half
        // (score ≥ 50); a town with none is told what weighs most in its score instead.
        let largest = contributions.filter { ($0.contribution ?? 0) > 0 }
            .sorted { ($0.contribution ?? 0) > ($1.contribution ?? 0) }
        let upperHalf = largest.filter { ($0.score ?? 0) >= Self.strongScore }
        let strongest = (upperHalf.isEmpty ? largest : upperHalf).prefix(facts.isEmpty ? 3 : 2)
        var strengths: [String] = []
        for contribution in strongest {
            guard let score = contribution.score else { continue }
            var part = "\(contribution.label.lowercased()) \(MatchFormat.score(score))/100"
            if let (fact, standing) = figure(in: contribution.dimension, position: position, best: true,
                                             excluding: Set(facts.map(\.indicator))) {
                facts.append(fact)
                part += " (\(fact.text)\(standingText(fact, standing, weak: false)))"
            }
            strengths.append(part)
        }
        if !strengths.isEmpty {
            let lead = upperHalf.isEmpty ? "Ce qui pèse le plus dans sa note" : "Points forts"
            reasons.append("\(lead) : " + strengths.joined(separator: " ; ") + ".")
        }
        return Explanation(reasons: reasons, facts: facts, watch: watch(position: position, ratings: ratings))
    }

    /// The weakest dimension among those rated 4 or 5 (with data), with its weakest figure.
    func watch(position: Int, ratings: [AttractivenessDimension: Double]) -> WatchPoint? {
        let important = AttractivenessDimension.weighable.filter { (ratings[$0] ?? 0) >= HouseholdProfile.importantRating }
        let scored = important.compactMap { dimension in scores.dimensionScore(position, dimension).map { (dimension, $0) } }
        guard let (dimension, score) = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        var text = "À surveiller : \(dimension.label.lowercased()), \(MatchFormat.score(score))/100, la plus faible des dimensions qui comptent le plus pour vous (notées 4 ou 5)"
        // Its weakest figure, if it is in the lower half of the peers (a figure better than most is no warning,
        // nor is an amenity present in the town however many peers have one too).
        var weakFact: MatchFact?
        if let (fact, standing) = figure(in: dimension, position: position, best: false, excluding: []),
           standing < Self.weakStanding {
            weakFact = fact
            text += " : \(fact.text)\(standingText(fact, standing, weak: true))"
        } else {
            text += " ; pas de point faible marqué parmi ses indicateurs"
        }
        return WatchPoint(dimension: dimension, score: score, rating: ratings[dimension] ?? 0, fact: weakFact, text: text + ".")
    }

    /// ", mieux que 88 % des pairs" after a figure; nothing after a yes/no figure (half the peers tie on it,
    /// so a percentile would confuse more than it tells).
    func standingText(_ fact: MatchFact, _ standing: Double, weak: Bool) -> String {
        if let column = scores.matrix.indicator(fact.indicator), scores.matrix.indicators[column].kind == .flag { return "" }
        return ", " + PeerStanding.text(standing) + (weak && standing > 0 ? " seulement" : "")
    }

    /// The best- (or worst-) scored figure of a dimension that Bourg can phrase, with its indicator score.
    /// Strengths never state an absence ("aucun cinéma"), weaknesses never a presence ("collège dans la commune").
    func figure(in dimension: AttractivenessDimension, position: Int, best: Bool,
                excluding used: Set<String>) -> (MatchFact, Double)? {
        let matrix = scores.matrix, row = scores.members[position], count = scores.scoredIndicators.count
        // The dimension's scored figures, best (or worst) first, ties in catalogue order; phrased one by one
        // until one can be said.
        var candidates: [(order: Int, id: String, value: Double, score: Double)] = []
        for (k, column) in scores.scoredIndicators.enumerated() where matrix.indicators[column].dimension == dimension {
            let score = scores.indicatorScores[position * count + k]
            let id = matrix.indicators[column].id
            guard !score.isNaN, !used.contains(id), let value = matrix.value(commune: row, indicator: column) else { continue }
            candidates.append((k, id, value, score))
        }
        candidates.sort { best ? ($0.score, $1.order) > ($1.score, $0.order) : ($0.score, $0.order) < ($1.score, $1.order) }
        for candidate in candidates {
            guard let phrase = IndicatorPhrase.of(candidate.id, candidate.value),
                  best ? !phrase.isAbsence : !phrase.isPresence,
                  let fact = indicatorFact(candidate.id, candidate.value) else { continue }
            return (fact, candidate.score)
        }
        return nil
    }

    /// The fact of an indicator value; prices are compared with the peers' median.
    func indicatorFact(_ id: String, _ value: Double) -> MatchFact? {
        if let kind = HousingKind.allCases.first(where: { $0.indicator == id }) { return priceFact(kind, value) }
        return IndicatorPhrase.of(id, value).map { MatchFact(indicator: id, value: value, text: $0.text) }
    }

    /// "maisons à 1 850 €/m², 24 % sous la médiane des pairs (2 430 €/m²)".
    func priceFact(_ kind: HousingKind, _ value: Double) -> MatchFact {
        var text = IndicatorPhrase.of(kind.indicator, value)?.text ?? "\(kind.plural) à \(MatchFormat.whole(value)) €/m²"
        if let median = matcher.peerMedianPrice[kind], median > 0 {
            let gap = (value - median) / median * 100
            let percent = MatchFormat.whole(abs(gap))
            let medianText = "la médiane des pairs (\(MatchFormat.whole(median)) €/m²)"
            text += percent == "0" ? ", au niveau de \(medianText)" : ", \(percent) % \(gap < 0 ? "sous" : "au-dessus de") \(medianText)"
        }
        return MatchFact(indicator: kind.indicator, value: value, text: text)
    }

    /// The figure behind a constraint the town meets, or `nil` (lists of codes, population, missing data).
    func constraintFact(_ constraint: MatchConstraint, position: Int) -> MatchFact? {
        let matrix = scores.matrix, row = scores.members[position]
        func fact(_ id: String) -> MatchFact? { matrix.value(commune: row, id).flatMap { indicatorFact(id, $0) } }
        switch constraint {
        case let .reach(city, .minutesByCar) where !city.isParis:
            guard let minutes = matcher.estimatedCarMinutes(to: city, position: position) else { return nil }
            return MatchFact(indicator: "temps_voiture_\(city.code)_min", value: minutes,
                             text: "\(city.name) à ≈ \(MatchFormat.duration(minutes: minutes.rounded())) en voiture (\(CarTimes.estimateNote(errorPercent: city.carTimeErrorPercent)))")
        case .reach(_, .minutesByCar):
            return fact("temps_voiture_paris_min")
        case let .reach(city, .kilometres):
            guard let distance = matcher.distanceKm(to: city, position: position), distance.isFinite else { return nil }
            return MatchFact(indicator: "distance_\(city.code)_km", value: distance,
                             text: "\(city.name) à \(MatchFormat.km(distance)) km à vol d'oiseau")
        case .longDistanceStation:
            return fact("distance_gare_grandes_lignes_km")
        case .stationInTown:
            return fact("gare_dans_commune")
        case let .maxPrice(housing, _):
            return fact(housing.indicator)
        case let .need(amenity, _):
            guard let count = amenity.countIndicator else { return amenity.distanceIndicator.flatMap(fact) }
            guard let distance = matcher.distanceKm(to: amenity, position: position) else { return nil }
            if distance == 0 { return fact(count) }
            return MatchFact(indicator: "distance_\(amenity == .gp ? "generaliste" : amenity.rawValue)_km", value: distance,
                             text: "\(amenity.label) à \(MatchFormat.km(distance)) km (commune la plus proche qui en a un)")
        case let .types(wanted):
            let assignments = matcher.typology.types(of: row, in: matrix)
            guard let assignment = assignments.first(where: { wanted.contains($0.type) }) else { return nil }
            return MatchFact(indicator: "type_\(assignment.type.rawValue)", value: 1,
                             text: "\(assignment.type.label.lowercased()) : \(assignment.reasons.joined(separator: ", "))")
        case .petitesVillesDeDemain:
            return matrix.value(commune: row, "petites_villes_de_demain") == 1
                ? MatchFact(indicator: "petites_villes_de_demain", value: 1, text: "Petite ville de demain") : nil
        case let .maxHeat(measure, _):
            guard let value = matrix.value(commune: row, measure.indicator) else { return nil }
            return MatchFact(indicator: measure.indicator, value: value,
                             text: "\(MatchFormat.whole(value)) \(measure.label) par an en 2021–2050 (simulation d'un modèle)")
        case .maxRadonZone:
            guard let zone = matrix.value(commune: row, "potentiel_radon") else { return nil }
            return MatchFact(indicator: "potentiel_radon", value: zone, text: "potentiel radon en zone \(Int(zone))")
        case .noDisasterSince:
            let year = matrix.value(commune: row, "annee_derniere_catnat")
            return MatchFact(indicator: "annee_derniere_catnat", value: year ?? 0,
                             text: year.map { "dernière catastrophe naturelle reconnue en \(Int($0))" } ?? "aucune catastrophe naturelle reconnue depuis 1982")
        case .minFibre:
            return fact("part_locaux_fibre")
        case .population, .departements, .excludedDepartements, .regions, .excludedRegions, .situations:
            return nil
        }
    }

    /// A sentence: first letter capitalised, final full stop.
    static func sentence(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst() + "."
    }
}
