import Dispatch
/// The seed's types of small towns, each given by an explicit rule over the atlas' indicators.
public enum TownType: String, CaseIterable, Codable, Sendable, Hashable {
    case touristique
    case bienConnectee = "bien_connectee"
    case peripherieMetropole = "peripherie_metropole"
    case centraliteRuraleIsolee = "centralite_rurale_isolee"
    case littoral
    case montagne

    /// French label.
    public var label: String {
        switch self {
        case .touristique: "Touristique"
        case .bienConnectee: "Bien connectée"
        case .peripherieMetropole: "Périphérie de métropole"
        case .centraliteRuraleIsolee: "Centralité rurale isolée"
        case .littoral: "Littorale"
        case .montagne: "De montagne"
        }
    }
}

/// A type that applies to a town, with the figures that triggered it.
public struct TypeAssignment: Sendable, Hashable, Codable {
    public var type: TownType
    /// French sentences naming each rule met and its figure, e.g. "gare TGV/Intercités à 3,2 km (≤ 15 km)".
    public var reasons: [String]
}

/// The typology rules. Every threshold lives here, documented; `TypologyRules.standard` is Bourg's.
public struct TypologyRules: Sendable, Hashable, Codable {
    /// Hotels + campings per 1,000 inhabitants at or above which a town is touristique.
    public var touristBedsPer1000 = 1.0
    /// Share of second homes (%) at or above which a town is touristique.
    public var secondHomesShare = 20.0
    /// ANCT rural-typology codes that are "ruralités touristiques" (spécialisées, à dominante résidentielle).
    public var touristRuralityCodes: Set<Int> = [1, 2]
    /// A TGV/Intercités station within this distance (km) makes a town bien connectée.
    public var longDistanceStationKm = 10.0
    /// A station in the town with at least this many passengers a year (≈ 700 a day) makes it bien connectée.
    public var stationPassengers = 250_000.0
    /// The commune-centre of an attraction area of ≥ 200,000 inhabitants within this distance (km, straight line).
    public var bigPoleKm = 15.0
    /// The commune-centre of an attraction area of ≥ 700,000 inhabitants within this distance (km) makes a
    /// town périphérie de métropole (as does being in such an area's couronne).
    public var metropolisKm = 40.0
    /// Minimum ANCT equipment-centrality level of a centralité rurale isolée (2 = centre intermédiaire).
    public var minimumCentrality = 2.0
    /// The INSEE attraction-area categories (`CATEAAV2020`) of a centralité: the commune-centre of a pole (11), a
    /// commune of a secondary pole (13), or a commune outside any attraction area (30). "Another commune of the main
    /// pole" (12) lies beside the centre (Le Touquet beside Étaples, Donville beside Granville): the centrality is its
    /// neighbour.
    public var centralityCategories: Set<Int> = [11, 13, 30]
    /// A centralité rurale isolée is at least this far (km) from any pole of an area of ≥ 200,000 inhabitants.
    public var isolationKm = 50.0
    /// Mean altitude (m) at or above which a town in a mountain massif is "de montagne".
    public var mountainAltitude = 400.0

    public static let standard = TypologyRules()

    public init() {}

    /// The rules in French, for the method page and reports.
    public var descriptions: [TownType: String] {
        [
            .touristique: "au moins une condition : ruralité touristique (typologie ANCT) ; au moins \(fr(secondHomesShare)) % de résidences secondaires ; un domaine skiable ; au moins \(fr(touristBedsPer1000)) hôtel ou camping pour 1 000 habitants ; office de tourisme et sports nautiques",
            .bienConnectee: "gare TGV ou Intercités à \(fr(longDistanceStationKm)) km au plus, ou gare dans la commune avec au moins \(fr(stationPassengers)) voyageurs par an, ou pôle d'une aire de 200 000 habitants ou plus à \(fr(bigPoleKm)) km au plus (à vol d'oiseau)",
            .peripherieMetropole: "dans la couronne d'une aire d'attraction de 700 000 habitants ou plus, ou à \(fr(metropolisKm)) km au plus de son pôle",
            .centraliteRuraleIsolee: "centre d'équipements et de services de niveau intermédiaire au moins (ANCT), commune-centre ou pôle secondaire d'une aire de moins de 50 000 habitants, ou hors aire (pas une autre commune d'un pôle, voisine de son centre), et à plus de \(fr(isolationKm)) km du pôle d'une aire de 200 000 habitants ou plus",
            .littoral: "commune littorale riveraine de la mer (liste ONML 2019)",
            .montagne: "dans un massif de la loi Montagne et d'altitude moyenne de \(fr(mountainAltitude)) m au moins",
        ]
    }

    /// The types of the commune at `row` of `matrix`, each with its reasons.
    public func types(of row: Int, in matrix: IndicatorMatrix) -> [TypeAssignment] {
        func value(_ id: String) -> Double? { matrix.value(commune: row, id) }
        var result: [TypeAssignment] = []
        func add(_ type: TownType, _ reasons: [String]) {
            if !reasons.isEmpty { result.append(TypeAssignment(type: type, reasons: reasons)) }
        }

        var tourist: [String] = []
        if let code = value("typologie_ruralite"), touristRuralityCodes.contains(Int(code)),
           let label = matrix.indicator("typologie_ruralite").flatMap({ matrix.indicators[$0].categoryLabel(code) }) {
            tourist.append("typologie ANCT : \(label.lowercased())")
        }
        if let share = value("part_residences_secondaires_2022"), share >= secondHomesShare {
            tourist.append("\(fr(share)) % de résidences secondaires (seuil \(fr(secondHomesShare)) %)")
        }
        if value("domaine_skiable") == 1 { tourist.append("domaine skiable") }
        let beds = (value("hotels_pour_1000") ?? 0) + (value("campings_pour_1000") ?? 0)
        if value("hotels_pour_1000") != nil, beds >= touristBedsPer1000 {
            tourist.append("\(fr(beds)) hôtels et campings pour 1 000 habitants (seuil \(fr(touristBedsPer1000)))")
        }
        if value("information_touristique") == 1, value("sports_nautiques") == 1 {
            tourist.append("office de tourisme et sports nautiques")
        }
        add(.touristique, tourist)

        var connected: [String] = []
        if let distance = value("distance_gare_grandes_lignes_km"), distance <= longDistanceStationKm {
            connected.append(distance < 1 ? "gare TGV ou Intercités dans la commune" : "gare TGV ou Intercités à \(fr(distance)) km")
        }
        if value("gare_dans_commune") == 1, let passengers = value("voyageurs_gares_2024"), passengers >= stationPassengers {
            connected.append("gare de \(fr(passengers)) voyageurs par an (2024)")
        }
        if let distance = value("distance_pole_aav_200k_km"), distance <= bigPoleKm {
            connected.append("pôle d'une aire de 200 000 habitants ou plus à \(fr(distance)) km")
        }
        add(.bienConnectee, connected)

        var periphery: [String] = []
        if value("couronne_aav_700k") == 1 { periphery.append("dans la couronne d'une aire de 700 000 habitants ou plus") }
        if let distance = value("distance_pole_aav_700k_km"), distance <= metropolisKm {
            periphery.append("pôle d'une aire de 700 000 habitants ou plus à \(fr(distance)) km")
        }
        add(.peripherieMetropole, periphery)

        if let centrality = value("centralite_equipements"), centrality >= minimumCentrality,
           let category = value("categorie_aav"), let size = value("taille_aav"),
           centralityCategories.contains(Int(category)), category == 30 || size <= 1,
           let distance = value("distance_pole_aav_200k_km"), distance > isolationKm {
            let level = matrix.indicator("centralite_equipements").flatMap { matrix.indicators[$0].categoryLabel(centrality) } ?? "centre"
            add(.centraliteRuraleIsolee, [
                level.lowercased(),
                category == 30 ? "hors aire d'attraction des villes"
                    : (category == 13 ? "pôle secondaire d'une aire de moins de 50 000 habitants" : "commune-centre du pôle d'une aire de moins de 50 000 habitants"),
                "à \(fr(distance)) km du pôle d'une aire de 200 000 habitants ou plus",
            ])
        }

        if value("littoral_mer") == 1 { add(.littoral, ["commune riveraine de la mer (loi Littoral)"]) }

        if let massif = value("massif"), massif != 0, let altitude = value("altitude_moyenne_m"), altitude >= mountainAltitude {
            let name = matrix.indicator("massif").flatMap { matrix.indicators[$0].categoryLabel(massif) } ?? "massif"
            add(.montagne, ["\(name), altitude moyenne \(fr(altitude)) m"])
        }
        return result
    }

    private func fr(_ value: Double) -> String { FrenchFormat.number(value, decimals: value < 10 ? 2 : 0) }
}

extension TownType: CodingKeyRepresentable {}

/// The types of every peer town, assigned once: the rules format their reasons (numbers in French), which is worth
/// doing once per atlas rather than on every ranking or diagnostic (the atlas stores the default peers' types).
public struct PeerTypes: Sendable, Equatable {
    /// The types of each peer, in `PeerScores.members` order and the rules' order.
    private let typesOfPeers: [[TownType]]

    public init(scores: PeerScores, rules: TypologyRules = .standard) {
        var types = [[TownType]](repeating: [], count: scores.members.count)
        let slices = 8, perSlice = (types.count + slices - 1) / slices
        types.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let output = buffer
            DispatchQueue.concurrentPerform(iterations: slices) { slice in
                for position in min(output.count, slice * perSlice)..<min(output.count, (slice + 1) * perSlice) {
                    output[position] = rules.types(of: scores.members[position], in: scores.matrix).map(\.type)
                }
            }
        }
        typesOfPeers = types
    }

    /// Types assigned earlier (stored in the atlas at build), one list per peer.
    public init(types: [[TownType]]) {
        typesOfPeers = types
    }

    /// The types of the peer at `position`, in the rules' order.
    public func types(_ position: Int) -> [TownType] { typesOfPeers[position] }

    /// How many peers there are.
    public var count: Int { typesOfPeers.count }
}
