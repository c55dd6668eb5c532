import BourgCore
import Foundation

/// Ministère de la Culture, Basilic: cultural places per commune (cinemas, libraries, museums, theatres…), as
/// descriptive counts, and the distance to the nearest museum and theatre. The distances to a cinema, a library
/// and a conservatoire are computed by `BPE2024Importer` from both sources.
struct BasilicImporter: SourceImporter {
    static let sourceID = "basilic-culture-par-commune"
    let source = SourceDescription(
        id: BasilicImporter.sourceID, citation: "Ministère de la Culture, Basilic 2024",
        title: "Base des lieux et équipements culturels (Basilic), comptes par commune",
        producer: "Ministère de la Culture (DEPS)",
        vintage: "2024",
        licence: "Licence Ouverte 2.0",
        officialURL: "https://www.data.gouv.fr/fr/datasets/base-des-lieux-et-des-equipements-culturels/")

    /// Indicator id, label, and the Basilic types it counts (empty = every type).
    static let counts: [(id: String, label: String, types: Set<String>)] = [
        ("cinemas", "Cinémas", ["Cinéma"]),
        ("bibliotheques", "Bibliothèques", ["Bibliothèque"]),
        ("musees", "Musées", ["Musée"]),
        ("theatres_scenes", "Théâtres et scènes", ["Théâtre", "Scène"]),
        ("conservatoires", "Conservatoires", ["Conservatoire"]),
        ("monuments_historiques", "Monuments historiques", ["Monument"]),
        ("lieux_culturels", "Lieux culturels (tous types)", []),
    ]

    /// Distances to the nearest commune with a place of the count indicator `count` (Basilic only: Corsica has none).
    static let distances: [(id: String, label: String, count: String)] = [
        ("distance_musee_km", "Distance au musée le plus proche", "musees"),
        ("distance_theatre_scene_km", "Distance au théâtre ou à la scène la plus proche", "theatres_scenes"),
    ]

    static func what(_ types: Set<String>) -> String {
        types.isEmpty ? "de tous types" : "de type " + types.sorted().joined(separator: " ou ")
    }

    static let corsica = "La Corse est absente de la source : pas de donnée pour ses communes (jamais zéro)."

    var indicators: [IndicatorDefinition] {
        Self.counts.map { item in
            IndicatorDefinition(
                id: item.id, label: item.label, unit: "", dimension: .culture, direction: .neutral,
                sources: [source.id], vintage: "2024",
                definition: "Nombre de lieux Basilic \(Self.what(item.types)) dans la commune. Descriptif, non noté : un nombre de lieux croît avec la taille de la ville ; les mesures notées sont les distances au cinéma, à la bibliothèque, au conservatoire, au musée et au théâtre les plus proches. \(Self.corsica)")
        } + Self.distances.map { item in
            let types = Self.counts.first { $0.id == item.count }!.types
            return IndicatorDefinition(
                id: item.id, label: item.label, unit: "km", dimension: .culture, direction: .lowerIsBetter,
                sources: [source.id], vintage: "2024",
                definition: "Distance à vol d'oiseau de la mairie à la mairie de la commune la plus proche ayant au moins un lieu Basilic \(Self.what(types)) (lieux recensés par le ministère de la Culture) ; 0 si la commune en a un. Calculée sur le même territoire (métropole, chaque DOM). \(Self.corsica)")
        }
    }

    func importData(from folder: SourceFolder, into draft: inout AtlasDraft) throws {
        var file = try folder.csv("basilic_equipements_culturels_par_commune.csv", columns: ["codgeo", "type_equipement", "nb"], key: ["codgeo", "type_equipement", "categorie"])
        var totals = [[Double]](repeating: [Double](repeating: 0, count: draft.communes.count), count: Self.counts.count)
        for row in file.rows {
            guard let index = try file.commune(row, column: "codgeo", in: draft) else { continue }
            let type = row["type_equipement"]
            let number = try row.requiredNumber("nb", allowNegative: false)
            for (position, item) in Self.counts.enumerated() where item.types.isEmpty || item.types.contains(type) {
                totals[position][index] += number
            }
        }
        for (position, item) in Self.counts.enumerated() {
            for (index, commune) in draft.communes.enumerated() {
                // The source lost Corsica: its communes are unknown, not zero.
                try draft.set(item.id, index, commune.territory == .corsica ? nil : totals[position][index])
            }
        }
        for item in Self.distances {
            let places = draft.column(item.count)
            try ImporterSupport.setEquipment(item.id, .distance, counts: places, into: &draft)
        }
        draft.record(file.provenance)
    }
}
