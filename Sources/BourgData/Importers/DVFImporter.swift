import BourgCore
import Foundation

/// DGFiP DVF: median sale price per m² of houses and apartments over 12 months.
struct DVFImporter: SourceImporter {
    static let sourceID = "dvf-prix-m2"
    let source = SourceDescription(
        id: DVFImporter.sourceID, citation: "DGFiP, DVF 2024",
        title: "Demandes de valeurs foncières (DVF) : prix médian au m² par commune sur 12 mois",
        producer: "DGFiP (DVF géolocalisées, Etalab)",
        vintage: "août 2024 – août 2025 (ventes d'août à décembre 2024 en pratique)",
        licence: "Licence Ouverte / Etalab 2.0",
        officialURL: "https://files.data.gouv.fr/geo-dvf/latest/csv/")

    /// Below this number of sales, the median is too fragile and is left missing.
    static let minimumSales = 10.0

    static let kinds: [(id: String, price: String, sales: String, label: String)] = [
        ("prix_m2_maison", "prix_m2_median_maison", "nb_ventes_maison", "Prix médian des maisons"),
        ("prix_m2_appartement", "prix_m2_median_appartement", "nb_ventes_appartement", "Prix médian des appartements"),
    ]

    var indicators: [IndicatorDefinition] {
        Self.kinds.map { kind in
            IndicatorDefinition(
                id: kind.id, label: kind.label, unit: "€/m²", dimension: .logement, direction: .lowerIsBetter,
                sources: [source.id], vintage: "2024–2025",
                definition: "Médiane du prix de vente au m² (valeur foncière / surface bâtie) des ventes de la commune sur 12 mois ; seulement avec au moins \(Int(Self.minimumSales)) ventes, sinon pas de donnée. DVF ne couvre ni l'Alsace-Moselle ni Mayotte.")
        }
    }

    func importData(from folder: SourceFolder, into draft: inout AtlasDraft) throws {
        var file = try folder.csv("dvf_prix_m2_communes_12mois.csv", columns: ["code_insee"] + Self.kinds.flatMap { [$0.price, $0.sales] }, key: ["code_insee"])
        for (index, rows) in try file.rowsByCommune(column: "code_insee", in: draft) {
            guard rows.count == 1, let row = rows.first else { continue } // medians of former communes cannot be combined
            for kind in Self.kinds {
                let sales = try row.number(kind.sales, allowNegative: false) ?? 0
                let price = try row.number(kind.price, allowNegative: false)
                try draft.set(kind.id, index, sales >= Self.minimumSales ? price : nil)
            }
        }
        draft.record(file.provenance)
    }
}
