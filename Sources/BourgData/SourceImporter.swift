import BourgCore
import Foundation

/// Reads one source folder of the data directory into the atlas draft.
///
/// Each importer is small and separate: it names its source, the indicators it computes, and how.
/// Adding a source is adding one importer to `AtlasBuilder.importers`.
public protocol SourceImporter: Sendable {
    /// The source: folder name, title, producer, vintage, licence, official address.
    var source: SourceDescription { get }
    /// The indicators this importer sets (empty for importers that only fill the communes).
    var indicators: [IndicatorDefinition] { get }
    /// Reads the folder's files into `draft`.
    func importData(from folder: SourceFolder, into draft: inout AtlasDraft) throws
}

/// One source folder of the data directory, opened for an importer.
public struct SourceFolder: Sendable {
    public let url: URL
    public let source: SourceDescription

    public init(url: URL, source: SourceDescription) {
        self.url = url
        self.source = source
    }

    /// The path of a file as it appears in messages: `folder/file`.
    public func displayName(_ fileName: String) -> String { "\(source.id)/\(fileName)" }

    /// Reads a CSV file of the folder and checks it: the header has `columns`, no two rows share the
    /// values of the `key` columns, and the file ends with a line break (every official file does: a
    /// file cut short by an interrupted download usually does not).
    public func csv(_ fileName: String, delimiter: Character = ",", columns: [String], key: [String]) throws -> SourceFile {
        let (data, sha256) = try data(fileName)
        let name = displayName(fileName)
        if let last = data.last, last != UInt8(ascii: "\n") {
            let lines = data.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            throw DataBuildError(.malformedRow, file: name, line: lines,
                                 message: "the file does not end with a line break: it looks truncated (interrupted download?). If it is complete, add a final line break")
        }
        let csv = try CSVFile(data: data, name: name, delimiter: delimiter)
        try csv.require(columns)
        try csv.requireUniqueKey(key)
        return SourceFile(source: source, fileName: fileName, csv: csv, sha256: sha256)
    }

    /// Reads a file's raw bytes, with their fingerprint.
    public func data(_ fileName: String) throws -> (data: Data, sha256: String) {
        let fileURL = url.appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: fileURL.path) else {
            throw DataBuildError(.missingFile, file: displayName(fileName), message: "file not found in \(url.path)")
        }
        return (data, SourceFolder.sha256(data))
    }

    static func sha256(_ data: Data) -> String {
        SHA256.hex(data)
    }
}

/// A CSV file of a source being imported, counting what happens to its rows for the provenance table.
public struct SourceFile: Sendable {
    public let source: SourceDescription
    public let fileName: String
    public let csv: CSVFile
    public let sha256: String
    public var rowsRejected = 0
    public var rowsUnmatched = 0
    public var rowsCorrected = 0

    public var rows: [CSVRow] { csv.rows }

    /// The commune a row's code designates (through the code history if needed), or `nil`, counted as unmatched.
    public mutating func commune(_ row: CSVRow, column: String, in draft: AtlasDraft) throws -> Int? {
        let code = try row.communeCode(column)
        guard let index = draft.communeIndex(code) else {
            rowsUnmatched += 1
            return nil
        }
        return index
    }

    /// The rows grouped by the COG 2025 commune their code designates, for the importer to sum counts or
    /// average rates over them: the commune's own row (if any) first, then the rows of its former parts,
    /// old communes merged into it since the source's vintage. Rows of municipal arrondissements (Paris,
    /// Lyon, Marseille) are kept only when the source has no row for the commune itself, and otherwise
    /// counted as rejected (the commune's row already totals them). Unknown codes are counted as unmatched.
    /// With `repeatedCodes` false (one row per code), a code given twice is an error.
    public mutating func rowsByCommune(
        column: String, in draft: AtlasDraft, repeatedCodes: Bool = false, where include: (CSVRow) throws -> Bool = { _ in true }
    ) throws -> [(commune: Int, rows: [CSVRow])] {
        var own: [Int: [CSVRow]] = [:]
        var parts: [Int: [CSVRow]] = [:]
        var arrondissements: [Int: [CSVRow]] = [:]
        var seen: Set<String> = []
        var grouped: Set<Int> = []
        var order: [Int] = []
        for row in csv.rows where try include(row) {
            let code = try row.communeCode(column)
            if !repeatedCodes && !seen.insert(code).inserted {
                throw row.error(column, "commune code \(code) appears twice")
            }
            let index: Int
            if let current = draft.indexByCode[code] {
                index = current
                own[index, default: []].append(row)
            } else if let currentCode = draft.codeHistory[code], let current = draft.indexByCode[currentCode] {
                index = current
                if Self.isMunicipalArrondissement(code) {
                    arrondissements[index, default: []].append(row)
                } else {
                    parts[index, default: []].append(row)
                }
            } else {
                rowsUnmatched += 1
                continue
            }
            if grouped.insert(index).inserted { order.append(index) }
        }
        return order.map { index in
            let rows = (own[index] ?? []) + (parts[index] ?? [])
            if rows.isEmpty { return (index, arrondissements[index] ?? []) }
            rowsRejected += arrondissements[index]?.count ?? 0
            return (index, rows)
        }
    }

    /// Paris (75101–75120), Lyon (69381–69389) and Marseille (13201–13216) arrondissements.
    static func isMunicipalArrondissement(_ code: String) -> Bool {
        guard let number = Int(code) else { return false }
        return (75101...75120).contains(number) || (69381...69389).contains(number) || (13201...13216).contains(number)
    }

    /// The lines of the rows to keep in a source known to repeat rows: of rows sharing the values of the
    /// `key` columns, an exact copy is dropped, and rows that disagree are all dropped (which one is right
    /// cannot be told); every dropped row is counted as rejected.
    public mutating func linesKeptDroppingRepeatedRows(key: [String]) -> Set<Int> {
        var byKey: [[String]: [CSVRow]] = [:]
        for row in csv.rows { byKey[key.map { row[$0] }, default: []].append(row) }
        var kept: Set<Int> = []
        for rows in byKey.values {
            let first = rows[0]
            if rows.allSatisfy({ $0.fields == first.fields }) {
                kept.insert(first.line)
                rowsRejected += rows.count - 1
            } else {
                rowsRejected += rows.count
            }
        }
        return kept
    }

    /// Counts a row refused by a documented rule.
    public mutating func reject() { rowsRejected += 1 }

    /// The provenance entry for this file.
    public var provenance: Provenance {
        Provenance(source: source, fileName: fileName, sha256: sha256, rowsRead: csv.rows.count,
                   rowsRejected: rowsRejected, rowsUnmatched: rowsUnmatched, rowsCorrected: rowsCorrected)
    }
}
