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

    init(_ text: String, absence: Bool = false) {
        self.text = text
        isAbsence = absence
    }

    /// The phrase of `value` for indicator `id`, or `nil` when Bourg has no phrase for that indicator.
    public static func of(_ id: String, _ value: Double) -> IndicatorPhrase? {
        let km = MatchFormat.km(value), rate = MatchFormat.rate(value), whole = MatchFormat.whole(value)
        func per10000(_ singular: String, _ plural: String? = nil) -> IndicatorPhrase {
            IndicatorPhrase("\(rate) \(MatchFormat.noun(value, singular, plural)) pour 10 000 habitants", absence: value == 0)
        }
        func per1000(_ singular: String, _ plural: String? = nil) -> IndicatorPhrase {
            IndicatorPhrase("\(rate) \(MatchFormat.noun(value, singular, plural)) pour 1 000 habitants", absence: value == 0)
        }
        func distance(_ thing: String) -> IndicatorPhrase {
            value == 0 ? IndicatorPhrase("\(thing) dans la commune") : IndicatorPhrase("\(thing) à \(km) km")
        }
        func count(_ singular: String, _ plural: String, none: String) -> IndicatorPhrase {
            value == 0 ? IndicatorPhrase(none, absence: true) : IndicatorPhrase("\(whole) \(MatchFormat.noun(value, singular, plural))")
        }
        func flag(_ yes: String, _ no: String) -> IndicatorPhrase {
            value != 0 ? IndicatorPhrase(yes) : IndicatorPhrase(no, absence: true)
        }
        func trend(_ subject: String) -> IndicatorPhrase {
            let magnitude = MatchFormat.rate(abs(value))
            if magnitude == "0" { return IndicatorPhrase("\(subject) stables (tendance par an)") }
            return IndicatorPhrase("\(subject) en \(value < 0 ? "baisse" : "hausse") de \(magnitude) pour 1 000 habitants par an")
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
        case "apl_medecins_generalistes_bv":
            return IndicatorPhrase("accès aux généralistes de \(rate) consultation\(value >= 2 ? "s" : "") par habitant et par an (bassin de vie)")
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
        case "france_services": return count("site France Services", "sites France Services", none: "aucun site France Services")
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
        // Commerces
        case "supermarches_pour_1000": return per1000("supermarché")
        case "distance_supermarche_km": return distance("supermarché")
        case "boulangeries_pour_1000": return per1000("boulangerie")
        case "boucheries_pour_1000": return per1000("boucherie")
        case "autres_commerces_quotidiens_pour_1000": return per1000("autre commerce du quotidien", "autres commerces du quotidien")
        // Tourisme, vie sociale
        case "hotels_pour_1000": return per1000("hôtel")
        case "campings_pour_1000": return per1000("camping")
        case "information_touristique": return flag("office de tourisme", "pas d'office de tourisme")
        case "domaine_skiable": return flag("domaine skiable", "pas de domaine skiable")
        case "sports_nautiques": return flag("sports nautiques", "pas de sports nautiques")
        case "equipements_sport_loisirs_pour_1000": return per1000("équipement de sport et de loisirs", "équipements de sport et de loisirs")
        case "restaurants_pour_1000": return per1000("restaurant")
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
        case "rapport_prix_revenu": return IndicatorPhrase("une maison de 100 m² pour \(rate) années de revenu médian")
        // Nature
        case "couvert_arbore_pct": return IndicatorPhrase("\(rate) % de couvert arboré")
        case "sols_impermeabilises_pct": return IndicatorPhrase("\(rate) % de sols imperméabilisés")
        case "luminance_ciel_mcd_m2":
            return IndicatorPhrase("ciel nocturne à \(FrenchFormat.number(value, decimals: 2)) mcd/m²" + (value < 0.2 ? " (ciel rural sombre)" : ""))
        case "artificialisation_2012_2018_ha_km2": return IndicatorPhrase("\(FrenchFormat.number(value, decimals: 2)) ha artificialisés par km² de 2012 à 2018")
        // Numérique
        case "part_locaux_fibre": return IndicatorPhrase("\(rate) % des locaux éligibles à la fibre")
        case "part_locaux_thd_filaire": return IndicatorPhrase("\(rate) % des locaux éligibles au très haut débit filaire")
        // Métropole, dynamique
        case "couronne_aav_700k": return flag("dans la couronne d'une aire de 700 000 habitants ou plus", "hors couronne des grandes aires")
        case "distance_pole_aav_700k_km": return IndicatorPhrase("pôle d'une aire de 700 000 habitants ou plus à \(km) km à vol d'oiseau")
        case "croissance_population_2015_2021":
            let magnitude = FrenchFormat.number(abs(value), decimals: 2)
            return magnitude == "0" ? IndicatorPhrase("population stable de 2015 à 2021")
                : IndicatorPhrase("population en \(value < 0 ? "baisse" : "hausse") de \(magnitude) % par an de 2015 à 2021")
        default: return nil
        }
    }
}

/// How a town's standing among its peers on one indicator reads: "mieux que 88 % des pairs".
enum PeerStanding {
    static func text(_ score: Double) -> String {
        if score >= 100 { return "mieux que tous les autres pairs" }
        if score <= 0 { return "le moins bien placé des pairs" }
        return "mieux que \(MatchFormat.score(score)) % des pairs"
    }
}
