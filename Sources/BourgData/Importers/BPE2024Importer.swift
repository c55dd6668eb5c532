import BourgCore
import Foundation

/// INSEE Base permanente des équipements 2024, in 34 categories per commune: pharmacies, post offices, food
/// shops, banks, petrol stations, restaurants, cinemas, libraries, conservatoires, elderly housing… as rates per
/// inhabitant, presence flags and distances to the nearest commune having one (cultural places together with
/// Basilic). It replaces the BPE 2019 (`BPEImporter`) for every equipment it covers.
struct BPE2024Importer: SourceImporter {
    static let sourceID = "insee-bpe-2024-categories"
    let source = SourceDescription(
        id: BPE2024Importer.sourceID, citation: "INSEE, BPE 2024",
        title: "Base permanente des équipements (BPE) 2024, 34 catégories d'équipements par commune",
        producer: "INSEE",
        vintage: "2024",
        licence: "Licence Ouverte / Etalab 2.0",
        officialURL: "https://www.insee.fr/fr/statistiques/8217537")

    static let fileName = "bpe2024_categories_communes_cog2025.csv"
    static let codeColumn = "code_commune_cog2025"

    /// One indicator drawn from one category column.
    struct Item {
        var id: String
        var label: String
        var dimension: AttractivenessDimension
        /// The category column of the file.
        var column: String
        /// The category's label in the source's glossary, e.g. "pharmacies".
        var category: String
        var measure: EquipmentMeasure
        /// `nil`: the measure's usual direction.
        var direction: Direction? = nil
        var unit: String? = nil
        /// A Basilic count indicator (`BasilicImporter.counts`) whose places count as well, and its Basilic type.
        var basilic: (id: String, type: String)? = nil
        /// For a capacity (places), the column counting the equipments: places of 0 beside at least one
        /// equipment are a gap of the source, left without a value.
        var capacityOf: String? = nil
        var note = ""
    }

    static let items: [Item] = [
        Item(id: "pharmacies_pour_10000", label: "Pharmacies pour 10 000 habitants", dimension: .sante, column: "pharma", category: "pharmacies",
             measure: .per10000, note: " Égale au code D301 de la BPE 2019 dans 94 % des communes."),
        Item(id: "places_hebergement_personnes_agees_pour_1000", label: "Places d'hébergement pour personnes âgées pour 1 000 habitants",
             dimension: .sante, column: "plac_persagees", category: "places en hébergement pour personnes âgées", measure: .per1000,
             direction: .neutral, capacityOf: "heb_persagees",
             note: " Descriptif, non noté : ces places (EHPAD, résidences autonomie…) accueillent les personnes âgées de tout un bassin et leur nombre suit la part des aînés ; plus de places par habitant n'est pas en soi meilleur pour un nouvel habitant. Pas de valeur où la source donne 0 place pour au moins un hébergement (200 communes : places non renseignées)."),
        Item(id: "service_postal", label: "Service postal dans la commune", dimension: .servicesPublics, column: "poste", category: "postes",
             measure: .presence,
             note: " Bureau de poste, relais poste commerçant ou agence postale communale (égale à A206 + A207 + A208 de la BPE 2019 dans 97 % des communes)."),
        Item(id: "commerces_alimentaires_pour_1000", label: "Commerces alimentaires pour 1 000 habitants", dimension: .commerce, column: "alim",
             category: "magasins alimentaires", measure: .per1000,
             note: " Tous les magasins alimentaires : hypermarchés, supermarchés, supérettes, épiceries, boulangeries, boucheries, poissonneries, primeurs… (même ordre de grandeur que les codes B1xx et B2xx de la BPE 2019, corrélation 0,99)."),
        Item(id: "boulangeries_pour_1000", label: "Boulangeries pour 1 000 habitants", dimension: .commerce, column: "boulang", category: "boulangeries",
             measure: .per1000),
        Item(id: "boucheries_pour_1000", label: "Boucheries-charcuteries pour 1 000 habitants", dimension: .commerce, column: "bouch",
             category: "boucheries", measure: .per1000),
        Item(id: "poissonnerie", label: "Poissonnerie dans la commune", dimension: .commerce, column: "poisson", category: "poissonneries",
             measure: .presence),
        Item(id: "restaurants_pour_1000", label: "Restaurants pour 1 000 habitants", dimension: .commerce, column: "resto", category: "restaurants",
             measure: .per1000,
             note: " Restaurants et restauration rapide. Classé dans les commerces : ce n'est pas une mesure des relations sociales."),
        Item(id: "distance_banque_km", label: "Distance à la banque la plus proche", dimension: .commerce, column: "banque",
             category: "banques", measure: .distance, note: " Banques et caisses d'épargne (agences)."),
        Item(id: "distance_station_service_km", label: "Distance à la station-service la plus proche", dimension: .commerce,
             column: "station_serv", category: "stations services", measure: .distance),
        Item(id: "distance_cinema_km", label: "Distance au cinéma le plus proche", dimension: .culture, column: "cine", category: "cinémas",
             measure: .distance, basilic: (id: "cinemas", type: "Cinéma")),
        Item(id: "places_cinema", label: "Places de cinéma dans la commune", dimension: .culture, column: "places_cine",
             category: "places de cinéma", measure: .count, unit: "places", capacityOf: "cine",
             note: " Descriptif, non noté : le nombre de fauteuils croît avec la taille de la ville ; la mesure notée est la distance au cinéma le plus proche. Pas de valeur où la source donne 0 place pour au moins un cinéma (Marseille et 6 communes des DOM, dont Saint-Denis de La Réunion : places non renseignées)."),
        Item(id: "distance_bibliotheque_km", label: "Distance à la bibliothèque la plus proche", dimension: .culture, column: "biblio",
             category: "bibliothèques", measure: .distance, basilic: (id: "bibliotheques", type: "Bibliothèque")),
        Item(id: "distance_conservatoire_km", label: "Distance au conservatoire le plus proche", dimension: .culture, column: "conservat",
             category: "conservatoires", measure: .distance, basilic: (id: "conservatoires", type: "Conservatoire")),
        Item(id: "equipements_sport_bpe_pour_1000", label: "Équipements de sport et loisirs pour 1 000 habitants (BPE)", dimension: .vieSociale, column: "sport",
             category: "équipements sportifs", measure: .per1000, direction: .neutral,
             note: " Descriptif, non noté : un nombre d'équipements n'est qu'un indicateur indirect de la vie sociale et sportive, que mesurent plus directement les clubs, licences et associations."),
    ]

    var indicators: [IndicatorDefinition] {
        Self.items.map { item in
            var what = "équipements de la catégorie « \(item.category) » de la BPE 2024"
            if let basilic = item.basilic { what += " ou des lieux Basilic de type « \(basilic.type) »" }
            // A capacity counts places, not equipments.
            var definition = item.capacityOf == nil ? item.measure.definition(of: what)
                : item.measure.definition(of: what).replacingOccurrences(of: "Nombre d'\(what)", with: "Nombre de \(item.category) (BPE 2024)")
            definition += item.note
            if item.basilic != nil {
                definition += " La BPE couvre la Corse, que Basilic a perdue."
            }
            definition += " Équipements présents au 1er janvier 2024 ; catégories agrégées par la copie utilisée (liste exacte des codes non documentée). Pas de valeur pour les 12 communes créées ou rétablies en 2024–2025 (lignes vides)."
            return IndicatorDefinition(
                id: item.id, label: item.label, unit: item.unit ?? item.measure.unit, dimension: item.dimension,
                direction: item.direction ?? item.measure.direction, kind: item.measure.kind,
                sources: item.basilic == nil ? [source.id] : [source.id, BasilicImporter.sourceID], vintage: "2024",
                definition: definition)
        }
    }

    func importData(from folder: SourceFolder, into draft: inout AtlasDraft) throws {
        let columns = Self.items.map(\.column) + Self.items.compactMap(\.capacityOf).filter { column in !Self.items.contains { $0.column == column } }
        var file = try folder.csv(Self.fileName, columns: [Self.codeColumn] + columns, key: [Self.codeColumn])
        // One row per COG 2025 commune; an empty row (a commune created since the source's vintage) is unknown.
        var counts = [[Double?]](repeating: [Double?](repeating: nil, count: draft.communes.count), count: columns.count)
        for (index, rows) in try file.rowsByCommune(column: Self.codeColumn, in: draft) {
            for (position, column) in columns.enumerated() {
                counts[position][index] = try ImporterSupport.sum(rows.map { try $0.number(column, allowNegative: false) })
            }
        }
        for (position, item) in Self.items.enumerated() {
            var total = counts[position]
            if let equipments = item.capacityOf {
                let count = counts[columns.firstIndex(of: equipments)!]
                total = zip(total, count).map { places, count in (count ?? 0) > 0 && places == 0 ? nil : places }
            }
            if let basilic = item.basilic {
                // A place in either source counts; Basilic has no value for Corsica, the BPE for the newest communes.
                let places = draft.column(basilic.id)
                total = zip(total, places).map { bpe, basilic in
                    bpe == nil && basilic == nil ? nil : max(bpe ?? 0, basilic ?? 0)
                }
            }
            try ImporterSupport.setEquipment(item.id, item.measure, counts: total, into: &draft)
        }
        draft.record(file.provenance)
    }
}
