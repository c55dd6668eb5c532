import BourgCore
import Foundation

/// LOVAC 2025 (DGFiP-DGALN, Cerema): vacancy of private dwellings at 1 January 2025, all and for more than two years.
struct LOVACImporter: SourceImporter {
    let source = SourceDescription(
        id: "lovac-logements-vacants-parc-prive-2025", citation: "LOVAC 2025",
        title: "Logements vacants du parc privé (LOVAC) par commune, 2025",
        producer: "Ministère du Logement (DGALN) avec la DGFiP et le Cerema (fichiers fonciers)",
        vintage: "1er janvier 2025",
        licence: "Licence Ouverte / Etalab 2.0",
        officialURL: "https://www.data.gouv.fr/fr/datasets/logements-vacants-du-parc-prive-lovac-par-commune-departement-region-et-france/")

    static let fiscal = "Source fiscale LOVAC : logements du parc privé vacants au 1er janvier 2025 (non soumis à la taxe d'habitation), rapportés aux logements privés de 2024 ; ni le parc social ni la vacance entre deux occupants vue par le recensement. Absent quand la commune est couverte par le secret statistique (surtout de petites communes), jamais 0."

    var indicators: [IndicatorDefinition] {
        [
            IndicatorDefinition(
                id: "taux_vacance_longue_parc_prive", label: "Logements privés vacants depuis plus de deux ans", unit: "%",
                dimension: .logement, direction: .lowerIsBetter, sources: [source.id], vintage: "2025",
                definition: "Part des logements privés vacants depuis plus de deux ans (vacance structurelle). \(Self.fiscal) Plus bas, mieux c'est : une vacance longue signale une demande faible, un parc dégradé ou inadapté et un centre qui se vide ; ces logements sont pour l'essentiel hors marché (vétustes, successions, rétention), ce n'est pas un choix plus large pour un nouvel arrivant."),
            IndicatorDefinition(
                id: "taux_vacance_parc_prive", label: "Logements privés vacants", unit: "%",
                dimension: .logement, direction: .neutral, sources: [source.id], vintage: "2025",
                definition: "Part des logements privés vacants, toutes durées. \(Self.fiscal) Descriptif (neutre) : mêle la vacance courte entre deux occupants (signe d'un marché fluide, un taux très bas signale un marché tendu) et la vacance longue, notée à part."),
        ]
    }

    func importData(from folder: SourceFolder, into draft: inout AtlasDraft) throws {
        let columns = [
            (id: "taux_vacance_longue_parc_prive", column: "taux_vacance_plus_2ans_parc_prive_2025_pct"),
            (id: "taux_vacance_parc_prive", column: "taux_vacance_parc_prive_2025_pct"),
        ]
        var file = try folder.csv("lovac_taux_vacance_2025_cog2025.csv", columns: ["code_commune_cog2025"] + columns.map(\.column), key: ["code_commune_cog2025"])
        try ImporterSupport.importColumns(columns, codeColumn: "code_commune_cog2025", file: &file, into: &draft)
        draft.record(file.provenance)
    }
}
