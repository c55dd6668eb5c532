import BourgCore
import Foundation

/// France Travail / DARES: registered jobseekers in communes of 5,000 inhabitants or more, monthly. Descriptive
/// since the annual file of every commune (`FranceTravailAnnuelImporter`) gives the scored figure: this one is a
/// year more recent but covers only the larger towns, and counts more people (another category or reference).
struct FranceTravailImporter: SourceImporter {
    let source = SourceDescription(
        id: "francetravail-demandeurs-emploi", citation: "France Travail, demandeurs d'emploi 2024",
        title: "Demandeurs d'emploi inscrits à France Travail, communes de plus de 5 000 habitants",
        producer: "France Travail / DARES (Statistiques du marché du travail)",
        vintage: "2024",
        licence: "Licence Ouverte / Etalab 2.0",
        officialURL: "https://statistiques.francetravail.org/stmt/defmexp")

    static let year = "2024"
    static let indicatorID = "demandeurs_emploi_mensuels_2024_pour_1000"

    var indicators: [IndicatorDefinition] {
        [IndicatorDefinition(
            id: Self.indicatorID, label: "Demandeurs d'emploi pour 1 000 habitants, moyenne mensuelle \(Self.year) (communes de 5 000 hab. ou plus)", unit: "pour 1 000 hab.",
            dimension: .emploi, direction: .neutral, sources: [source.id, "insee-population-historique"], vintage: Self.year,
            definition: "Moyenne des 12 mois de \(Self.year) du nombre de demandeurs d'emploi inscrits au 1er du mois, rapportée à la population municipale 2021, pour 1 000 habitants. Publié seulement pour les communes de 5 000 habitants ou plus : pas de donnée pour les autres. Le fichier répète certaines lignes (commune, mois) : une copie identique est écartée ; quand les deux lignes diffèrent (des homonymes confondus en amont), la commune reste sans donnée. Descriptif, non noté : le chiffre noté est celui du fichier annuel de France Travail (2023), publié pour toutes les communes ; celui-ci, plus récent d'un an, compte de 10 à 16 % de demandeurs de plus (autre catégorie ou autre date de référence) et ne couvre que les communes de 5 000 habitants ou plus.")]
    }

    func importData(from folder: SourceFolder, into draft: inout AtlasDraft) throws {
        var file = try folder.csv("demandeurs_emploi_communes_5000plus_2020_2024.csv", columns: ["niveau", "code", "mois", "demandeurs_emploi"], key: [])
        // The file repeats some (commune, month) rows, some identically, some with another commune's figures
        // (homonyms merged upstream): copies are dropped, disagreeing rows are all dropped.
        let kept = file.linesKeptDroppingRepeatedRows(key: ["niveau", "code", "mois"])
        let groups = try file.rowsByCommune(column: "code", in: draft, repeatedCodes: true) { row in
            kept.contains(row.line) && row["niveau"] == "commune" && row["mois"].hasPrefix(Self.year)
        }
        for (index, rows) in groups {
            // Sum over the commune's parts each month, then the mean over the months.
            var byMonth: [String: Double] = [:]
            for row in rows {
                byMonth[row["mois"], default: 0] += try row.requiredNumber("demandeurs_emploi", allowNegative: false)
            }
            guard byMonth.count == 12 else { continue }
            let mean = byMonth.values.reduce(0, +) / 12
            try draft.set(Self.indicatorID, index, ImporterSupport.rounded(draft.rate(mean, commune: index, per: 1_000), 1))
        }
        draft.record(file.provenance)
    }
}
