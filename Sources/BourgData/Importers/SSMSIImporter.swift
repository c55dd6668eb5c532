import BourgCore
import Foundation

/// SSMSI: crimes recorded by police and gendarmerie, in three groups, per 1,000 inhabitants, 2016–2024.
struct SSMSIImporter: SourceImporter {
    let source = SourceDescription(
        id: "ssmsi-delinquance-groupes", citation: "SSMSI, délinquance 2016–2024",
        title: "Délinquance enregistrée par la police et la gendarmerie, bases communales",
        producer: "Ministère de l'Intérieur – SSMSI",
        vintage: "2016–2024",
        licence: "Licence Ouverte / Etalab 2.0",
        officialURL: "https://www.data.gouv.fr/fr/datasets/621df2954fa5a3b5a023e23c/")

    static let latestYear = 2024
    static let groups: [(id: String, column: String, label: String, what: String)] = [
        ("violences_personnes", "violences_personnes_pour_1000", "Violences aux personnes", "violences physiques, sexuelles, vols avec violence"),
        ("atteintes_biens", "atteintes_biens_pour_1000", "Atteintes aux biens", "vols, cambriolages, vols liés aux véhicules, escroqueries"),
        ("destructions_degradations", "destructions_degradations_pour_1000", "Destructions et dégradations", "destructions et dégradations volontaires"),
    ]

    var indicators: [IndicatorDefinition] {
        let caveat = " Les indicateurs non diffusés par le SSMSI (peu de faits) sont omis de la somme : une valeur faible dans une petite commune peut vouloir dire « faible ou inconnu ». Faits comptés là où ils sont commis (les communes touristiques ou commerçantes paraissent plus exposées)."
        return Self.groups.flatMap { group in [
            IndicatorDefinition(
                id: "\(group.id)_pour_1000", label: "\(group.label) pour 1 000 habitants", unit: "pour 1 000 hab.",
                dimension: .securite, direction: .neutral, sources: [source.id], vintage: String(Self.latestYear),
                definition: "Faits enregistrés en \(Self.latestYear) (\(group.what)) pour 1 000 habitants, le taux publié par le SSMSI. Neutre : là où les vacanciers sont nombreux, rapporter les faits aux seuls résidents grossit le taux ; c'est le taux pour 1 000 habitants présents qui est noté." + caveat),
            IndicatorDefinition(
                id: "\(group.id)_tendance", label: "\(group.label) : tendance 2016–\(Self.latestYear)", unit: "pour 1 000 hab. par an",
                dimension: .securite, direction: .lowerIsBetter, sources: [source.id], vintage: "2016–\(Self.latestYear)",
                definition: "Pente (moindres carrés) du taux pour 1 000 habitants sur 2016–\(Self.latestYear), en points par an ; au moins 5 années renseignées." + caveat),
        ] }
    }

    func importData(from folder: SourceFolder, into draft: inout AtlasDraft) throws {
        var file = try folder.csv("delinquance_communes_2016_2024.csv", columns: ["code_insee", "annee"] + Self.groups.map(\.column), key: ["code_insee", "annee"])
        for (index, rows) in try file.rowsByCommune(column: "code_insee", in: draft, repeatedCodes: true) {
            for group in Self.groups {
                var years: [Double] = [], rates: [Double] = []
                var latest: Double?
                for row in rows {
                    let year = try row.requiredNumber("annee")
                    guard let rate = try row.number(group.column, allowNegative: false) else { continue }
                    years.append(year)
                    rates.append(rate)
                    if Int(year) == Self.latestYear { latest = rate }
                }
                try draft.set("\(group.id)_pour_1000", index, latest)
                try draft.set("\(group.id)_tendance", index, ImporterSupport.rounded(ImporterSupport.slope(years: years, values: rates), 3))
            }
        }
        draft.record(file.provenance)
    }
}
