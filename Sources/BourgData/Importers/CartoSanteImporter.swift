import BourgCore
import Foundation

/// CartoSanté / DREES: practitioner densities of the commune's bassin de vie (2024), descriptive: access to
/// practitioners is scored with the DREES APL of each commune (`APLImporter`), which replaces the bassin's APL.
struct CartoSanteImporter: SourceImporter {
    let source = SourceDescription(
        id: "cartosante-bassins-de-vie-2024", citation: "CartoSanté 2024",
        title: "CartoSanté : indicateurs d'offre de soins par bassin de vie",
        producer: "ARS / Atlasanté, DREES, Assurance maladie",
        vintage: "APL 2023, densités 2024",
        licence: "Licence Ouverte 2.0",
        officialURL: "https://cartosante.atlasante.fr")

    static let columns: [(id: String, column: String, label: String, unit: String, vintage: String, what: String)] = [
        ("densite_generalistes_bv", "densite_generalistes_lib_2024", "Généralistes libéraux pour 10 000 habitants (bassin de vie)",
         "pour 10 000 hab.", "2024", "Densité de médecins généralistes libéraux"),
        ("densite_infirmiers_bv", "densite_infirmiers_lib_2024", "Infirmiers libéraux pour 10 000 habitants (bassin de vie)",
         "pour 10 000 hab.", "2024", "Densité d'infirmiers libéraux"),
    ]

    var indicators: [IndicatorDefinition] {
        Self.columns.map { item in
            IndicatorDefinition(
                id: item.id, label: item.label, unit: item.unit, dimension: .sante, direction: .neutral,
                sources: [source.id, "insee-zonages-cog2025"], vintage: item.vintage,
                definition: "\(item.what) du bassin de vie 2022 de la commune (toutes les communes d'un bassin ont la même valeur). Descriptif, non noté : l'accès aux praticiens est noté par l'APL 2023 de la DREES calculée pour chaque commune, plus fine que le bassin de vie.")
        }
    }

    func importData(from folder: SourceFolder, into draft: inout AtlasDraft) throws {
        var file = try folder.csv("sante_bassins_de_vie_2022.csv", columns: ["code_bv2022"] + Self.columns.map(\.column), key: ["code_bv2022"])
        // A bassin de vie is named by the code of its pole commune (977ZZ, 978ZZ: Saint-Barthélemy, Saint-Martin); rows of a bassin no commune belongs to are unmatched.
        let bassins = Set(draft.bassinDeVie.compactMap { $0 })
        var byBassin: [String: CSVRow] = [:]
        for row in file.rows {
            let code = row["code_bv2022"]
            guard code.count == 5, code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
                throw row.error("code_bv2022", "expected a 5-character bassin de vie code, found '\(code)'")
            }
            guard bassins.contains(code) else {
                file.rowsUnmatched += 1
                continue
            }
            byBassin[code] = row
        }
        for index in draft.communes.indices {
            guard let bassin = draft.bassinDeVie[index], let row = byBassin[bassin] else { continue }
            for item in Self.columns {
                try draft.set(item.id, index, try row.number(item.column, allowNegative: false))
            }
        }
        draft.record(file.provenance)
    }
}
