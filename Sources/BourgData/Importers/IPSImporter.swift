import BourgCore
import Foundation

/// DEPP indice de position sociale (IPS) of the commune's écoles (rentrée 2024) and public collèges (rentrée 2023):
/// the social background of the pupils' families. Descriptive: it says who the pupils are, not how good the schools are.
struct IPSImporter: SourceImporter {
    let source = SourceDescription(
        id: "depp-ips-ecoles-colleges", citation: "DEPP, IPS 2023–2025",
        title: "Indices de position sociale (IPS) des écoles (rentrée 2024-2025) et des collèges publics (rentrée 2023-2024), par commune",
        producer: "Ministère de l'Éducation nationale (DEPP)",
        vintage: "2023-2024 et 2024-2025",
        licence: "Licence Ouverte / Etalab 2.0",
        officialURL: "https://www.data.gouv.fr/datasets/indices-de-position-sociale-dans-les-ecoles-a-partir-de-2022")

    static let codeColumn = "code_commune_cog2025"

    /// One indicator per file: the file, its IPS column and the column weighting the parts of a commune
    /// made of several codes (schools or pupils).
    static let files: [(id: String, file: String, column: String, weight: String, label: String, vintage: String, how: String)] = [
        ("ips_ecoles", "ips_ecoles_2024_2025_cog2025.csv", "ips_moyenne_ecoles", "ecoles_avec_ips",
         "Indice de position sociale des écoles (2024-2025)", "2024-2025",
         "Moyenne simple (non pondérée par les élèves : le fichier ne les donne pas) des IPS des écoles publiques et privées de la commune, rentrée 2024-2025"),
        ("ips_colleges_publics", "ips_ecoles_colleges_public_prive_2023_2024_cog2025.csv", "ips_colleges_publics", "eleves_colleges_publics",
         "Indice de position sociale des collèges publics (2023-2024)", "2023-2024",
         "IPS des collèges publics de la commune, rentrée 2023-2024 (une moyenne par commune calculée par la copie utilisée, pondération non documentée : le fichier ne donne pas chaque collège). Pas de valeur sans collège public dans la commune : ses élèves vont au collège de leur secteur, souvent voisin"),
    ]

    var indicators: [IndicatorDefinition] {
        Self.files.map { item in
            IndicatorDefinition(
                id: item.id, label: item.label, unit: "indice", dimension: .servicesPublics, direction: .neutral,
                sources: [source.id], vintage: item.vintage,
                definition: "\(item.how). L'IPS résume l'origine sociale des élèves d'après les professions de leurs parents (moyenne nationale ≈ 100). Descriptif, non noté : il dit qui sont les élèves, pas la qualité de l'enseignement ni les résultats, et un IPS élevé n'est pas meilleur pour un nouvel habitant ; il suit la composition sociale de la commune (pour les écoles des petites villes, corrélation de 0,83 avec le revenu médian Filosofi 2021). Pour une commune formée de plusieurs codes : moyenne pondérée par le nombre d'écoles ou d'élèves.")
        }
    }

    func importData(from folder: SourceFolder, into draft: inout AtlasDraft) throws {
        for item in Self.files {
            var file = try folder.csv(item.file, columns: [Self.codeColumn, item.column, item.weight], key: [Self.codeColumn])
            for (index, rows) in try file.rowsByCommune(column: Self.codeColumn, in: draft) {
                // Rows without an IPS (no school of the kind) are left out of the mean, not counted as 0.
                let parts = try rows.compactMap { row -> (value: Double?, weight: Double?)? in
                    guard let value = try row.number(item.column, allowNegative: false) else { return nil }
                    return (value, try row.number(item.weight, allowNegative: false))
                }
                guard !parts.isEmpty else { continue }
                try draft.set(item.id, index, ImporterSupport.rounded(ImporterSupport.weightedMean(parts), 1))
            }
            draft.record(file.provenance)
        }
    }
}
