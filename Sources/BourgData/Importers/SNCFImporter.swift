import BourgCore
import Foundation

/// SNCF passenger stations: where they are, their ridership, and whether TGV or Intercités trains stop there.
struct SNCFImporter: SourceImporter {
    let source = SourceDescription(
        id: "sncf-gares", citation: "SNCF, gares et fréquentation 2024",
        title: "Gares de voyageurs SNCF, fréquentation 2015–2024, gares TGV INOUI et Intercités (TGVmax 2023)",
        producer: "SNCF Gares & Connexions, SNCF Voyageurs",
        vintage: "liste 2026, fréquentation 2024, TGVmax 2023",
        licence: "ODbL 1.0 (à vérifier sur le portail SNCF)",
        officialURL: "https://ressources.data.sncf.com/explore/dataset/gares-de-voyageurs/")

    var indicators: [IndicatorDefinition] {
        let coverage = " Les gares SNCF ne couvrent que la France continentale : pas de donnée pour la Corse et les DOM."
        return [
            IndicatorDefinition(
                id: "gare_dans_commune", label: "Gare de voyageurs dans la commune", unit: "", dimension: .mobilite,
                direction: .higherIsBetter, kind: .flag, sources: [source.id], vintage: "2026",
                definition: "1 si au moins une gare de voyageurs SNCF est sur le territoire de la commune, 0 sinon." + coverage),
            IndicatorDefinition(
                id: "voyageurs_gares_2024", label: "Voyageurs des gares de la commune", unit: "voyageurs / an", dimension: .mobilite,
                direction: .higherIsBetter, sources: [source.id], vintage: "2024",
                definition: "Total des voyageurs de 2024 des gares de la commune (0 sans gare) : une mesure du service réel." + coverage),
            IndicatorDefinition(
                id: "distance_gare_km", label: "Distance à la gare la plus proche", unit: "km", dimension: .mobilite,
                direction: .lowerIsBetter, sources: [source.id], vintage: "2026",
                definition: "Distance à vol d'oiseau de la mairie à la gare de voyageurs SNCF la plus proche." + coverage),
            IndicatorDefinition(
                id: "distance_gare_grandes_lignes_km", label: "Distance à la gare TGV ou Intercités la plus proche", unit: "km", dimension: .mobilite,
                direction: .lowerIsBetter, sources: [source.id], vintage: "2023",
                definition: "Distance à vol d'oiseau de la mairie à la gare la plus proche desservie par des TGV INOUI ou des Intercités (liste TGVmax du printemps 2023 ; les gares desservies seulement par OUIGO n'y sont pas)." + coverage),
        ]
    }

    func importData(from folder: SourceFolder, into draft: inout AtlasDraft) throws {
        var file = try folder.csv("gares_voyageurs.csv", columns: [
            "id_gare", "nom", "segment_drg_best", "lat", "lon", "code_commune_cog2025", "voyageurs_2024", "voyageurs_2019", "grandes_lignes_tgvmax_2023",
        ], key: ["id_gare"])
        var stations: [Station] = []
        var passengers = [Double](repeating: 0, count: draft.communes.count)
        var hasStation = [Bool](repeating: false, count: draft.communes.count)
        for row in file.rows {
            guard let index = try file.commune(row, column: "code_commune_cog2025", in: draft) else { continue }
            let latitude = try row.requiredNumber("lat", allowNegative: true), longitude = try row.requiredNumber("lon", allowNegative: true)
            guard (41...52).contains(latitude), (-6...10).contains(longitude) else {
                throw row.error("lat", "position \(latitude), \(longitude) is outside mainland France")
            }
            let longDistance: Bool
            switch row["grandes_lignes_tgvmax_2023"] {
            case "True": longDistance = true
            case "False": longDistance = false
            default: throw row.error("grandes_lignes_tgvmax_2023", "expected True or False, found '\(row["grandes_lignes_tgvmax_2023"])'")
            }
            let station = Station(
                id: row["id_gare"], name: row["nom"], communeCode: draft.communes[index].code, latitude: latitude, longitude: longitude,
                segment: row.text("segment_drg_best"), passengers2024: try row.number("voyageurs_2024", allowNegative: false).map { Int($0) },
                passengers2019: try row.number("voyageurs_2019", allowNegative: false).map { Int($0) }, longDistance: longDistance)
            stations.append(station)
            hasStation[index] = true
            passengers[index] += Double(station.passengers2024 ?? 0)
        }
        let all = stations.map { (Territory.mainland, GeoPoint(latitude: $0.latitude, longitude: $0.longitude)) }
        let longDistance = stations.filter(\.longDistance).map { (Territory.mainland, GeoPoint(latitude: $0.latitude, longitude: $0.longitude)) }
        let nearest = draft.distancesToNearest(all), nearestLongDistance = draft.distancesToNearest(longDistance)
        for (index, commune) in draft.communes.enumerated() where commune.territory == .mainland {
            try draft.set("gare_dans_commune", index, hasStation[index] ? 1 : 0)
            try draft.set("voyageurs_gares_2024", index, passengers[index])
            try draft.set("distance_gare_km", index, ImporterSupport.rounded(nearest[index], 1))
            try draft.set("distance_gare_grandes_lignes_km", index, ImporterSupport.rounded(nearestLongDistance[index], 1))
        }
        draft.setStations(stations)
        draft.record(file.provenance)
    }
}
