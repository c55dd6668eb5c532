import BourgCore
import Foundation
import GRDB

/// The validation against migration and the newcomer models, computed by `bourg data build` over the small
/// towns (deterministic: fixed folds, grid and seed) and stored in the atlas (`newcomer_validation`): the report
/// (models with their provenance and coefficients, the validation table, the revealed weighting) and, in its own
/// row, the per-town table. Read on demand (`LoadedAtlas.validationReport()`), never at start-up.
public enum StoredValidation {
    /// Key of the report without its towns.
    static let reportKey = "report"
    /// Key of the per-town table.
    static let townsKey = "towns"
    /// Key of the revealed weighting alone (read by every command and the server that offers the preset).
    static let revealedKey = "revealed"

    /// The composites tested besides the revealed one: the shipped presets.
    public static var weightings: [Weights] { WeightPresets.all }

    /// Computes the report of `scores` (the stored peers) and stores it; returns the revealed weighting, or `nil`
    /// when the atlas has no migration outcome (nothing is stored then).
    static func store(scores: PeerScores, _ writer: any DatabaseWriter) throws -> Weights? {
        guard let sample = try? MigrationSample(scores: scores) else { return nil }
        var report = try NewcomerValidation(sample: sample).report(weightings: weightings)
        let towns = report.towns
        report.towns = []
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let reportJSON = String(decoding: try encoder.encode(report), as: UTF8.self)
        let townsJSON = String(decoding: try encoder.encode(towns), as: UTF8.self)
        let revealedJSON = String(decoding: try encoder.encode(report.revealed), as: UTF8.self)
        try writer.write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO newcomer_validation (key, json) VALUES (?, ?), (?, ?), (?, ?)",
                           arguments: [reportKey, reportJSON, townsKey, townsJSON, revealedKey, revealedJSON])
        }
        return report.revealed
    }
}

extension AtlasDatabase {
    /// The stored validation report, with its per-town table when `towns`; `nil` when the build stored none.
    public func validationReport(towns: Bool = true) throws -> ValidationReport? {
        try reader.read { db -> ValidationReport? in
            guard let json = try String.fetchOne(db, sql: "SELECT json FROM newcomer_validation WHERE key = ?", arguments: [StoredValidation.reportKey]) else { return nil }
            let decoder = JSONDecoder()
            decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
            var report = try decoder.decode(ValidationReport.self, from: Data(json.utf8))
            if towns, let rows = try String.fetchOne(db, sql: "SELECT json FROM newcomer_validation WHERE key = ?", arguments: [StoredValidation.townsKey]) {
                report.towns = try decoder.decode([TownValidation].self, from: Data(rows.utf8))
            }
            return report
        }
    }
}

extension AtlasDatabase {
    /// The revealed weighting (`revelee`) the build fitted, or `nil` when it stored none.
    public func revealedWeights() throws -> Weights? {
        try reader.read { db -> Weights? in
            guard let json = try String.fetchOne(db, sql: "SELECT json FROM newcomer_validation WHERE key = ?", arguments: [StoredValidation.revealedKey]) else { return nil }
            return try JSONDecoder().decode(Weights.self, from: Data(json.utf8))
        }
    }

    /// The weightings this atlas offers: the shipped presets and, when stored, the revealed one.
    public func presets() throws -> [Weights] {
        WeightPresets.all + ((try revealedWeights()).map { [$0] } ?? [])
    }
}

extension LoadedAtlas {
    /// The stored validation report (see `StoredValidation`); throws a clear error when the atlas has none.
    public func validationReport(towns: Bool = true) throws -> ValidationReport {
        guard let report = try database.validationReport(towns: towns) else {
            throw DataBuildError(.storage, file: "newcomer_validation", message: "this atlas stores no validation against migration (no migration source when it was built): rebuild it with `bourg data build`")
        }
        return report
    }

    /// A weighting preset by id: the shipped ones (`WeightPresets`) and `revelee`, which this atlas's build fitted.
    public func preset(named id: String) throws -> Weights? {
        try database.presets().first { $0.id == id }
    }
}
