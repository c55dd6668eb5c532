import BourgCore
import Foundation

/// Copernicus HRL 2018 tree cover and imperviousness, and artificial night-sky brightness (Falchi atlas).
struct CopernicusImporter: SourceImporter {
    let source = SourceDescription(
        id: "copernicus-hrl-couvert-arbore-impermeabilisation", citation: "Copernicus HRL 2018",
        title: "Couvert arboré, imperméabilisation des sols (Copernicus HRL 2018) et luminance artificielle du ciel",
        producer: "EEA / Copernicus Land Monitoring Service ; Falchi et al. 2016 (GFZ)",
        vintage: "2018 (luminance 2016)",
        licence: "Copernicus : libre avec attribution ; atlas Falchi : CC BY-NC 4.0",
        officialURL: "https://land.copernicus.eu/en/products/high-resolution-layer-tree-cover-density")

    static let columns: [(id: String, column: String, label: String, unit: String, direction: Direction, vintage: String, what: String)] = [
        ("couvert_arbore_pct", "couvert_arbore_moyen_pct", "Couvert arboré", "%", .higherIsBetter, "2018",
         "Densité moyenne du couvert arboré sur la commune (Copernicus HRL Tree Cover Density 2018, mailles d'environ 700 m)."),
        ("sols_impermeabilises_pct", "impermeabilisation_moyenne_pct", "Sols imperméabilisés", "%", .lowerIsBetter, "2018",
         "Part moyenne de sol imperméabilisé sur la commune (Copernicus HRL Imperviousness Density 2018)."),
        ("luminance_ciel_mcd_m2", "luminance_ciel_artificielle_mcd_m2", "Pollution lumineuse (luminance artificielle du ciel)", "mcd/m²", .lowerIsBetter, "2016",
         "Luminance artificielle moyenne du ciel nocturne au zénith (atlas mondial de Falchi et al., 2016) ; moins de 0,2 ≈ ciel rural sombre, plus de 3 = grande ville."),
    ]

    var indicators: [IndicatorDefinition] {
        Self.columns.map { item in
            IndicatorDefinition(
                id: item.id, label: item.label, unit: item.unit, dimension: .nature, direction: item.direction,
                sources: [source.id], vintage: item.vintage, definition: item.what + " Pas de donnée pour les DOM.")
        }
    }

    func importData(from folder: SourceFolder, into draft: inout AtlasDraft) throws {
        var file = try folder.csv("couvert_arbore_impermeabilisation_luminance_communes_cog2025.csv", columns: ["code_insee"] + Self.columns.map(\.column), key: ["code_insee"])
        try ImporterSupport.importColumns(Self.columns.map { ($0.id, $0.column) }, codeColumn: "code_insee", decimals: 3, file: &file, into: &draft)
        draft.record(file.provenance)
    }
}
