import BourgCore
import Foundation

/// ANCT – Observatoire des territoires: density grid, equipment centrality, rural typology, mountain massif.
struct TypologiesImporter: SourceImporter {
    let source = SourceDescription(
        id: "anct-observatoire-territoires-typologies", citation: "ANCT, Observatoire des territoires",
        title: "Typologies communales de l'Observatoire des territoires : grille de densité, centralités, ruralités, massifs",
        producer: "ANCT – Observatoire des territoires ; INSEE (grille de densité) ; ANCT–INRAE (centralités)",
        vintage: "2023–2026 (éditions de l'Observatoire)",
        licence: "Licence Ouverte / Etalab 2.0",
        officialURL: "https://www.observatoire-des-territoires.gouv.fr")

    /// A categorical column: its indicator, and the source's labels in code order (code = position + 1, or + 0).
    struct Classification {
        var id: String
        var column: String
        var label: String
        var dimension: AttractivenessDimension
        var definition: String
        /// Labels as written in the source; the code of a label is `firstCode` + its position.
        var labels: [String]
        var firstCode = 1
        /// The label of an empty cell, if empty means something; otherwise an empty cell is missing.
        var emptyMeans: String?
    }

    static let classifications: [Classification] = [
        Classification(
            id: "grille_densite", column: "grille_densite_7", label: "Grille communale de densité", dimension: .nature,
            definition: "Niveau de la grille communale de densité de l'INSEE à 7 niveaux, du plus dense (1) au plus dispersé (7).",
            labels: ["Grands centres urbains", "Centres urbains intermédiaires", "Ceintures urbaines", "Petites villes", "Bourgs ruraux",
                     "Rural à habitat dispersé", "Rural à habitat très dispersé"]),
        Classification(
            id: "centralite_equipements", column: "centralite_equipements", label: "Niveau de centralité (équipements et services)", dimension: .typologie,
            definition: "Niveau de centralité de la commune selon les équipements et services qu'elle offre (ANCT–INRAE) : 0 non centre à 4 centre majeur. Pas de donnée pour les DOM.",
            labels: ["Communes non centre", "Centre local d'équipements et de services", "Centre intermédiaire d'équipements et de services",
                     "Centre structurant d'équipements et de services", "Centre majeur d'équipements et de services"], firstCode: 0),
        Classification(
            id: "typologie_ruralite", column: "typologie_ruralite", label: "Typologie des ruralités (ANCT)", dimension: .typologie,
            definition: "Classe de la commune dans la typologie des ruralités de l'ANCT (2023) ; les communes urbaines et les DOM sont hors champ.",
            labels: ["Les ruralités touristiques spécialisées", "Les ruralités touristiques à dominante résidentielle",
                     "Les ruralités résidentielles aisées", "Les ruralités résidentielles mixtes", "Les ruralités productives agricoles",
                     "Les ruralités productives ouvrières", "Les petites polarités industrielles et artisanales", "Les petites polarités mixtes",
                     "Hors champ : DOM ou commune urbaine", "Commune dont le périmètre a changé depuis la réalisation de la typologie"]),
        Classification(
            id: "massif", column: "massif", label: "Massif de montagne (loi Montagne)", dimension: .nature,
            definition: "Massif de la loi Montagne auquel appartient la commune (périmètre des massifs, plus large que les « zones de montagne ») ; 0 hors massif.",
            labels: ["Hors massif", "Massif des Alpes", "Massif Central", "Massif de Corse", "Massif du Jura", "Massif des Pyrénées", "Massif des Vosges",
                     "Massif de Guadeloupe", "Massif de Martinique", "Massif des Hauts de la Réunion"], firstCode: 0, emptyMeans: "Hors massif"),
    ]

    var indicators: [IndicatorDefinition] {
        Self.classifications.map { item in
            IndicatorDefinition(
                id: item.id, label: item.label, unit: "", dimension: item.dimension, direction: .neutral, kind: .category,
                sources: [source.id], vintage: "—", definition: item.definition,
                categories: item.labels.enumerated().map { IndicatorCategory(code: item.firstCode + $0.offset, label: $0.element) })
        }
    }

    func importData(from folder: SourceFolder, into draft: inout AtlasDraft) throws {
        var file = try folder.csv("typologies_communes_cog2025.csv", columns: ["code_insee"] + Self.classifications.map(\.column), key: ["code_insee"])
        for (index, rows) in try file.rowsByCommune(column: "code_insee", in: draft) {
            guard rows.count == 1, let row = rows.first else { continue } // classes of former communes cannot be combined
            for item in Self.classifications {
                let text = row.text(item.column) ?? item.emptyMeans
                guard let text else { continue }
                guard let position = item.labels.firstIndex(of: text) else {
                    throw row.error(item.column, "unknown class '\(text)' (expected one of: \(item.labels.joined(separator: "; ")))")
                }
                try draft.set(item.id, index, Double(item.firstCode + position))
            }
        }
        draft.record(file.provenance)
    }
}
