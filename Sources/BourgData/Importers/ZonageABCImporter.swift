import BourgCore
import Foundation

/// Ministère du Logement: zonage A/B/C, the housing-market tension class of each commune.
struct ZonageABCImporter: SourceImporter {
    let source = SourceDescription(
        id: "zonage-abc", citation: "Ministère du Logement, zonage A/B/C",
        title: "Zonage A/B/C (tension du marché du logement)",
        producer: "Ministère chargé du Logement (arrêté du 5 juillet 2024)",
        vintage: "juillet 2024",
        licence: "Licence Ouverte / Etalab 2.0",
        officialURL: "https://www.data.gouv.fr/fr/datasets/liste-des-communes-selon-le-zonage-abc/")

    static let zoneColumn = "Zone en vigueur depuis le 5 juillet 2024"
    /// Zones from the most relaxed to the tightest market.
    static let zones = ["C", "B2", "B1", "A", "Abis"]

    var indicators: [IndicatorDefinition] {
        [IndicatorDefinition(
            id: "zone_abc", label: "Zone de tension du logement (A/B/C)", unit: "", dimension: .logement, direction: .neutral,
            kind: .category, sources: [source.id], vintage: "2024",
            definition: "Classement réglementaire de la commune selon la tension du marché du logement : C (détendu) à Abis (très tendu). Pour une commune fusionnée en 2025 : la zone la plus tendue de ses anciennes communes.",
            categories: Self.zones.enumerated().map { IndicatorCategory(code: $0.offset + 1, label: "Zone \($0.element)") })]
    }

    func importData(from folder: SourceFolder, into draft: inout AtlasDraft) throws {
        var file = try folder.csv("zonage-abc-juillet-2024.csv", delimiter: ";", columns: ["CODGEO", Self.zoneColumn], key: ["CODGEO"])
        for (index, rows) in try file.rowsByCommune(column: "CODGEO", in: draft) {
            let codes = try rows.map { row in
                guard let position = Self.zones.firstIndex(of: row[Self.zoneColumn]) else {
                    throw row.error(Self.zoneColumn, "unknown zone '\(row[Self.zoneColumn])' (expected one of \(Self.zones.joined(separator: ", ")))")
                }
                return Double(position + 1)
            }
            try draft.set("zone_abc", index, codes.max())
        }
        draft.record(file.provenance)
    }
}
