import BourgCore
import Foundation

/// INSEE Base permanente des équipements 2019: health professionals, schools, shops, tourism and sports
/// equipment per commune, as rates per inhabitant, presence flags and distances to the nearest commune having one.
struct BPEImporter: SourceImporter {
    let source = SourceDescription(
        id: "insee-bpe-2019", citation: "INSEE, BPE 2019",
        title: "Base permanente des équipements (BPE) 2019",
        producer: "INSEE",
        vintage: "2019",
        licence: "Licence Ouverte / Etalab 2.0",
        officialURL: "https://www.insee.fr/fr/statistiques/3568629")

    /// How an indicator is computed from equipment counts.
    enum Measure {
        case per10000, per1000, presence, distance
    }

    /// One indicator drawn from BPE codes.
    struct Item {
        var id: String
        var label: String
        var dimension: AttractivenessDimension
        var codes: [String]
        var measure: Measure
        var note = ""
    }

    static let items: [Item] = [
        Item(id: "medecins_generalistes_pour_10000", label: "Médecins généralistes pour 10 000 habitants", dimension: .sante, codes: ["D201"], measure: .per10000),
        Item(id: "pharmacies_pour_10000", label: "Pharmacies pour 10 000 habitants", dimension: .sante, codes: ["D301"], measure: .per10000),
        Item(id: "infirmiers_pour_10000", label: "Infirmiers pour 10 000 habitants", dimension: .sante, codes: ["D232"], measure: .per10000),
        Item(id: "kinesitherapeutes_pour_10000", label: "Masseurs-kinésithérapeutes pour 10 000 habitants", dimension: .sante, codes: ["D233"], measure: .per10000),
        Item(id: "dentistes_pour_10000", label: "Chirurgiens-dentistes pour 10 000 habitants", dimension: .sante, codes: ["D221"], measure: .per10000),
        Item(id: "distance_urgences_km", label: "Distance au service d'urgences le plus proche", dimension: .sante, codes: ["D106"], measure: .distance),
        Item(id: "distance_maison_sante_km", label: "Distance à la maison ou au centre de santé le plus proche", dimension: .sante, codes: ["D113", "D108"], measure: .distance),
        Item(id: "service_postal", label: "Service postal dans la commune", dimension: .servicesPublics, codes: ["A206", "A207", "A208"], measure: .presence,
             note: " Bureau de poste, relais poste commerçant ou agence postale communale."),
        Item(id: "distance_creche_km", label: "Distance à la crèche la plus proche", dimension: .servicesPublics, codes: ["D502"], measure: .distance,
             note: " Code D502 (établissement d'accueil du jeune enfant), libellé 2019 non vérifié par la source."),
        Item(id: "distance_ecole_km", label: "Distance à l'école la plus proche", dimension: .servicesPublics, codes: ["C101", "C102", "C104", "C105"], measure: .distance),
        Item(id: "distance_college_km", label: "Distance au collège le plus proche", dimension: .servicesPublics, codes: ["C201"], measure: .distance),
        Item(id: "distance_lycee_km", label: "Distance au lycée le plus proche", dimension: .servicesPublics, codes: ["C301", "C302", "C303"], measure: .distance,
             note: " Lycée général et technologique, professionnel ou agricole."),
        Item(id: "supermarches_pour_1000", label: "Supermarchés et hypermarchés pour 1 000 habitants", dimension: .commerce, codes: ["B101", "B102"], measure: .per1000),
        Item(id: "distance_supermarche_km", label: "Distance au supermarché le plus proche", dimension: .commerce, codes: ["B101", "B102"], measure: .distance),
        Item(id: "boulangeries_pour_1000", label: "Boulangeries pour 1 000 habitants", dimension: .commerce, codes: ["B203"], measure: .per1000),
        Item(id: "boucheries_pour_1000", label: "Boucheries-charcuteries pour 1 000 habitants", dimension: .commerce, codes: ["B204"], measure: .per1000),
        Item(id: "autres_commerces_quotidiens_pour_1000", label: "Autres commerces du quotidien pour 1 000 habitants", dimension: .commerce,
             codes: ["B201", "B202", "B206", "B301"], measure: .per1000, note: " Supérettes, épiceries, poissonneries, librairies-papeteries-journaux."),
        Item(id: "hotels_pour_1000", label: "Hôtels homologués pour 1 000 habitants", dimension: .tourisme, codes: ["G102"], measure: .per1000),
        Item(id: "campings_pour_1000", label: "Campings homologués pour 1 000 habitants", dimension: .tourisme, codes: ["G103"], measure: .per1000),
        Item(id: "information_touristique", label: "Point d'information touristique", dimension: .tourisme, codes: ["G104"], measure: .presence),
        Item(id: "domaine_skiable", label: "Domaine skiable", dimension: .tourisme, codes: ["F105"], measure: .presence),
        Item(id: "sports_nautiques", label: "Sports nautiques ou port de plaisance", dimension: .tourisme, codes: ["F118", "F202"], measure: .presence),
        Item(id: "equipements_sport_loisirs_pour_1000", label: "Équipements de sport et de loisirs pour 1 000 habitants", dimension: .vieSociale,
             codes: [], measure: .per1000,
             note: " Tous les équipements sportifs et de loisirs (codes F1xx et F2xx). Indicateur indirect (proxy) des relations sociales : la vie associative et sportive n'a pas de mesure directe en données ouvertes."),
        Item(id: "restaurants_pour_1000", label: "Restaurants pour 1 000 habitants", dimension: .vieSociale, codes: ["A504"], measure: .per1000,
             note: " Indicateur indirect (proxy) des lieux de sociabilité ; les relations sociales n'ont pas de mesure directe en données ouvertes."),
    ]

    /// BPE codes counted in `equipements_sport_loisirs_pour_1000`.
    static func isSportOrLeisure(_ code: String) -> Bool { code.hasPrefix("F1") || code.hasPrefix("F2") }

    var indicators: [IndicatorDefinition] {
        Self.items.map { item in
            let codes = item.codes.isEmpty ? "F1xx, F2xx" : item.codes.joined(separator: ", ")
            let (unit, direction, how): (String, Direction, String) = switch item.measure {
            case .per10000: ("pour 10 000 hab.", .higherIsBetter, "Nombre d'équipements BPE 2019 (\(codes)) rapporté à la population municipale 2021, pour 10 000 habitants.")
            case .per1000: ("pour 1 000 hab.", .higherIsBetter, "Nombre d'équipements BPE 2019 (\(codes)) rapporté à la population municipale 2021, pour 1 000 habitants.")
            case .presence: ("", .higherIsBetter, "1 si la commune compte au moins un équipement BPE 2019 (\(codes)), 0 sinon.")
            case .distance: ("km", .lowerIsBetter, "Distance à vol d'oiseau de la mairie à la mairie de la commune la plus proche ayant au moins un équipement BPE 2019 (\(codes)) ; 0 si la commune en a un. Calculée sur le même territoire (métropole, Corse, chaque DOM).")
            }
            return IndicatorDefinition(
                id: item.id, label: item.label, unit: unit, dimension: item.dimension, direction: direction,
                kind: item.measure == .presence ? .flag : .quantity, sources: [source.id], vintage: "2019",
                definition: how + item.note)
        } + [IndicatorDefinition(
            id: "distance_cinema_km", label: "Distance au cinéma le plus proche", unit: "km", dimension: .culture,
            direction: .lowerIsBetter, sources: [source.id, BasilicImporter.sourceID], vintage: "2019–2024",
            definition: "Distance à vol d'oiseau de la mairie à la mairie de la commune la plus proche ayant un cinéma (BPE 2019, code F303, ou Basilic) ; 0 si la commune en a un. Calculée sur le même territoire.")]
    }

    func importData(from folder: SourceFolder, into draft: inout AtlasDraft) throws {
        var file = try folder.csv("bpe2019_commune_typequ.csv", columns: ["codgeo", "typequ", "nb"], key: ["codgeo", "typequ"])
        let wanted = Set(Self.items.flatMap(\.codes) + ["F303"])
        // Counts by BPE code and commune. BPE covers every commune of France (overseas included):
        // a commune absent for a code has none.
        var counts: [String: [Double]] = [:]
        var sportOrLeisure = [Double](repeating: 0, count: draft.communes.count)
        for row in file.rows {
            guard let index = try file.commune(row, column: "codgeo", in: draft) else { continue }
            let code = row["typequ"]
            let number = try row.requiredNumber("nb", allowNegative: false)
            if wanted.contains(code) {
                counts[code, default: [Double](repeating: 0, count: draft.communes.count)][index] += number
            }
            if Self.isSportOrLeisure(code) { sportOrLeisure[index] += number }
        }
        let zero = [Double](repeating: 0, count: draft.communes.count)
        for item in Self.items {
            let total: [Double] = item.codes.isEmpty ? sportOrLeisure : draft.communes.indices.map { index in
                item.codes.reduce(0) { $0 + (counts[$1] ?? zero)[index] }
            }
            switch item.measure {
            case .per10000, .per1000:
                let per = item.measure == .per10000 ? 10_000.0 : 1_000.0
                for index in draft.communes.indices {
                    try draft.set(item.id, index, ImporterSupport.rounded(draft.rate(total[index], commune: index, per: per)))
                }
            case .presence:
                for index in draft.communes.indices { try draft.set(item.id, index, total[index] > 0 ? 1 : 0) }
            case .distance:
                for (index, distance) in draft.distancesToNearestCommune(where: total.map { $0 > 0 }).enumerated() {
                    try draft.set(item.id, index, ImporterSupport.rounded(distance, 1))
                }
            }
        }
        // Cinemas: BPE 2019 (F303) or Basilic (which is more recent but has no Corsica).
        let basilicCinemas = draft.column("cinemas")
        let hasCinema = draft.communes.indices.map { (counts["F303"] ?? zero)[$0] > 0 || (basilicCinemas[$0] ?? 0) > 0 }
        for (index, distance) in draft.distancesToNearestCommune(where: hasCinema).enumerated() {
            try draft.set("distance_cinema_km", index, ImporterSupport.rounded(distance, 1))
        }
        draft.record(file.provenance)
    }
}
