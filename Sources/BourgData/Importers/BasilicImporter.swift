import BourgCore
import Foundation

/// Ministère de la Culture, Basilic: cultural places per commune (cinemas, libraries, museums, theatres…).
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

    var indicators: [IndicatorDefinition] {
        Self.counts.map { item in
            let what = item.types.isEmpty ? "de tous types" : "de type " + item.types.sorted().joined(separator: " ou ")
            return IndicatorDefinition(
                id: item.id, label: item.label, unit: "", dimension: .culture, direction: .higherIsBetter,
                sources: [source.id], vintage: "2024",
                definition: "Nombre de lieux Basilic \(what) dans la commune. La Corse est absente de la source : pas de donnée pour ses communes (jamais zéro).")
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
        draft.record(file.provenance)
    }
}
