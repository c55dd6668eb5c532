import Foundation

/// A delimited text file (RFC 4180: quoted fields, doubled quotes, CRLF or LF), read whole into memory.
///
/// The first line is the header. A UTF-8 byte-order mark is skipped; a file that is not valid UTF-8 is refused.
/// Every row must have as many fields as the header; a short or long row is an error naming its line.
public struct CSVFile: Sendable {
    /// The name used in error messages (the path relative to the data directory).
    public let name: String
    public let header: [String]
    public let rows: [CSVRow]

    /// Reads `url`, naming it `name` in errors.
    public init(url: URL, name: String, delimiter: Character = ",") throws {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw DataBuildError(.missingFile, file: name, message: "file not found or unreadable at \(url.path)")
        }
        try self.init(data: data, name: name, delimiter: delimiter)
    }

    /// Parses `data`, naming it `name` in errors.
    public init(data: Data, name: String, delimiter: Character = ",") throws {
        self.name = name
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            let line = CSVFile.firstInvalidUTF8Line(bytes)
            throw DataBuildError(.invalidEncoding, file: name, line: line,
                                 message: "the file is not valid UTF-8 (Latin-1 or Windows-1252?); convert it to UTF-8")
        }
        guard let separator = delimiter.asciiValue else {
            preconditionFailure("CSV delimiters are ASCII")
        }
        try CSVFile.checkSeparator(bytes, separator: separator, name: name)
        let records = try CSVFile.parse(bytes, separator: separator, name: name)
        guard let first = records.first, !(first.fields.count == 1 && first.fields[0].isEmpty) else {
            throw DataBuildError(.malformedRow, file: name, line: 1, message: "the file is empty: a header line was expected")
        }
        header = first.fields
        var index: [String: Int] = [:]
        for (position, column) in header.enumerated() where index[column] == nil { index[column] = position }
        let columns = CSVColumns(file: name, index: index)
        var rows: [CSVRow] = []
        rows.reserveCapacity(records.count)
        for record in records.dropFirst() {
            if record.fields.count == 1 && record.fields[0].isEmpty { continue } // blank line
            guard record.fields.count == header.count else {
                throw DataBuildError(
                    .malformedRow, file: name, line: record.line,
                    message: "expected \(header.count) fields (as in the header) but found \(record.fields.count); is the row truncated or the separator wrong?")
            }
            rows.append(CSVRow(line: record.line, fields: record.fields, columns: columns))
        }
        self.rows = rows
    }

    /// Checks that no two rows have the same values in the `key` columns (a row given twice, or a code
    /// repeated upstream); the error names the second row's line and the first's.
    public func requireUniqueKey(_ key: [String]) throws {
        guard !key.isEmpty else { return }
        try require(key)
        let positions = key.map { header.firstIndex(of: $0)! }
        // Rows by the hash of their key; rows whose hash is taken by a different key go to `collided`.
        var rowByHash: [Int: Int] = [:]
        rowByHash.reserveCapacity(rows.count)
        var collided: [[String]: Int] = [:]
        for (position, row) in rows.enumerated() {
            var hasher = Hasher()
            for column in positions { hasher.combine(row.fields[column]) }
            let hash = hasher.finalize()
            var first: CSVRow?
            if let other = rowByHash[hash] {
                if positions.allSatisfy({ rows[other].fields[$0] == row.fields[$0] }) {
                    first = rows[other]
                } else if let earlier = collided.updateValue(position, forKey: positions.map { row.fields[$0] }) {
                    first = rows[earlier]
                }
            } else {
                rowByHash[hash] = position
            }
            if let first {
                let shown = zip(key, positions).map { "\($0)=\(row.fields[$1])" }.joined(separator: ", ")
                throw DataBuildError(.duplicatedRow, file: name, line: row.line, column: key.joined(separator: ", "),
                                     message: "same \(shown) as line \(first.line): each row must have its own key (\(key.joined(separator: ", ")))")
            }
        }
    }

    /// Checks that every named column is in the header.
    public func require(_ columns: [String]) throws {
        for column in columns where !header.contains(column) {
            var message = "column '\(column)' is missing from the header (found: \(header.joined(separator: ", ")))"
            if header.count == 1, let only = header.first, only.contains(";") || only.contains(",") || only.contains("\t") {
                message += "; is the separator wrong?"
            }
            throw DataBuildError(.missingColumn, file: name, line: 1, column: column, message: message)
        }
    }

    /// Refuses a file whose header line lacks the expected separator but has another common one
    /// (a file re-exported with `;` instead of `,`, say), before its rows give confusing errors.
    private static func checkSeparator(_ bytes: [UInt8], separator: UInt8, name: String) throws {
        let header = bytes.prefix { $0 != UInt8(ascii: "\n") }
        guard !header.contains(separator) else { return }
        let shown = { (byte: UInt8) in byte == UInt8(ascii: "\t") ? "tab" : "'\(Character(Unicode.Scalar(byte)))'" }
        for other in [",", ";", "\t", "|"].map({ UInt8(ascii: Unicode.Scalar($0)!) }) where other != separator && header.contains(other) {
            throw DataBuildError(.wrongSeparator, file: name, line: 1,
                                 message: "the header has no \(shown(separator)) but has \(shown(other)): the file uses another separator than the expected \(shown(separator))")
        }
    }

    private struct Record {
        var line: Int
        var fields: [String]
    }

    private static func parse(_ bytes: [UInt8], separator: UInt8, name: String) throws -> [Record] {
        let quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1, recordLine = 1
        var inQuotes = false, wasQuoted = false
        var position = 0
        let count = bytes.count
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            wasQuoted = false
        }
        while position < count {
            let byte = bytes[position]
            if inQuotes {
                if byte == quote {
                    if position + 1 < count && bytes[position + 1] == quote {
                        field.append(quote)
                        position += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if byte == lf { line += 1 }
                    field.append(byte)
                }
            } else if byte == separator {
                endField()
            } else if byte == lf || byte == cr {
                endField()
                records.append(Record(line: recordLine, fields: fields))
                fields.removeAll(keepingCapacity: true)
                if byte == cr && position + 1 < count && bytes[position + 1] == lf { position += 1 }
                line += 1
                recordLine = line
            } else if byte == quote && field.isEmpty && !wasQuoted {
                inQuotes = true
                wasQuoted = true
            } else {
                field.append(byte)
            }
            position += 1
        }
        if inQuotes {
            throw DataBuildError(.malformedRow, file: name, line: recordLine,
                                 message: "a quoted field is not closed before the end of the file (truncated file?)")
        }
        if !field.isEmpty || !fields.isEmpty {
            endField()
            records.append(Record(line: recordLine, fields: fields))
        }
        return records
    }

    private static func firstInvalidUTF8Line(_ bytes: [UInt8]) -> Int {
        var line = 1
        var start = 0
        for (position, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            if String(validating: bytes[start..<position], as: UTF8.self) == nil { return line }
            line += 1
            start = position + 1
        }
        return line
    }
}

/// Column positions shared by the rows of one file.
public struct CSVColumns: Sendable {
    let file: String
    let index: [String: Int]
}

/// One data row of a `CSVFile`, with typed accessors whose errors name the file, line and column.
public struct CSVRow: Sendable {
    /// The line the row starts on (the header is line 1).
    public let line: Int
    public let fields: [String]
    let columns: CSVColumns

    /// The raw text of a column, trimmed of surrounding spaces.
    public subscript(column: String) -> String {
        guard let position = columns.index[column] else {
            preconditionFailure("column \(column) was not required from \(columns.file)")
        }
        let field = fields[position]
        guard let first = field.first, let last = field.last, first == " " || last == " " || first == "\t" || last == "\t" else {
            return field
        }
        return field.trimmingCharacters(in: .whitespaces)
    }

    /// The text of a column, or `nil` when the cell is empty.
    public func text(_ column: String) -> String? {
        let value = self[column]
        return value.isEmpty ? nil : value
    }

    /// A number, or `nil` when the cell is empty or holds one of `missingMarkers` (e.g. `s` for statistical secrecy).
    /// Anything else that is not a number is an error.
    /// Negative numbers are refused unless `allowNegative` (counts, rates, prices, distances cannot be negative).
    public func number(_ column: String, missingMarkers: Set<String> = [], allowNegative: Bool = false) throws -> Double? {
        let raw = self[column]
        if raw.isEmpty || missingMarkers.contains(raw) { return nil }
        // French files write decimals with a comma ("48,0").
        guard let value = Double(raw) ?? Double(raw.replacingOccurrences(of: ",", with: ".")), value.isFinite else {
            throw error(column, "expected a number, found '\(raw)'")
        }
        if !allowNegative && value < 0 {
            throw error(column, "expected a number ≥ 0, found '\(raw)'")
        }
        return value
    }

    /// A number that must be present.
    public func requiredNumber(_ column: String, allowNegative: Bool = false) throws -> Double {
        guard let value = try number(column, allowNegative: allowNegative) else {
            throw error(column, "expected a number, found an empty cell")
        }
        return value
    }

    /// A commune code (INSEE, 5 characters: `01004`, `2A004`, `97411`), zero-padded if written as 4 digits.
    /// Some files write overseas codes as département + 3-digit commune (`971101` for `97101`); those are read too.
    public func communeCode(_ column: String) throws -> String {
        var code = self[column]
        if code.count == 4, code.allSatisfy(\.isNumber) { code = "0" + code }
        if code.count == 6, code.hasPrefix("97"), code.allSatisfy(\.isNumber) { code = "97" + code.suffix(3) }
        guard code.count == 5, code.allSatisfy({ $0.isNumber || $0 == "A" || $0 == "B" }) else {
            throw error(column, "expected a 5-character INSEE commune code, found '\(code)'")
        }
        return code
    }

    /// An error about this row's `column`.
    public func error(_ column: String, _ message: String) -> DataBuildError {
        DataBuildError(.invalidValue, file: columns.file, line: line, column: column, message: message)
    }
}
