/// Where a source comes from: one official dataset, as staged in one folder of the data directory.
public struct SourceDescription: Codable, Sendable, Hashable, Identifiable {
    /// The folder name, e.g. `insee-filosofi-2021`.
    public var id: String
    /// How people name the source, with its year, as a page shows it: "INSEE, BPE 2024".
    public var citation: String
    public var title: String
    public var producer: String
    public var vintage: String
    public var licence: String
    /// The producer's official page or download address, for a refresh with internet access.
    public var officialURL: String

    public init(id: String, citation: String, title: String, producer: String, vintage: String, licence: String, officialURL: String) {
        self.id = id
        self.citation = citation
        self.title = title
        self.producer = producer
        self.vintage = vintage
        self.licence = licence
        self.officialURL = officialURL
    }
}

/// What one build read from one file of a source: its fingerprint and how its rows fared.
public struct Provenance: Codable, Sendable, Hashable {
    public var source: SourceDescription
    public var fileName: String
    /// Hex SHA-256 of the file's bytes.
    public var sha256: String
    public var rowsRead: Int
    /// Rows refused by a documented rule (e.g. a record for a code outside France), counted, never silent.
    public var rowsRejected: Int
    /// Rows whose commune code matches no COG 2025 commune, even through the code history.
    public var rowsUnmatched: Int
    /// Rows whose figure was corrected by a documented rule (e.g. a town-hall position outside its commune).
    public var rowsCorrected: Int

    public init(source: SourceDescription, fileName: String, sha256: String, rowsRead: Int, rowsRejected: Int, rowsUnmatched: Int,
                rowsCorrected: Int = 0) {
        self.source = source
        self.fileName = fileName
        self.sha256 = sha256
        self.rowsRead = rowsRead
        self.rowsRejected = rowsRejected
        self.rowsUnmatched = rowsUnmatched
        self.rowsCorrected = rowsCorrected
    }
}

/// How many communes of a peer group have a value for one indicator.
public struct IndicatorCoverage: Codable, Sendable, Hashable {
    public var indicator: IndicatorDefinition
    public var communesWithValue: Int
    public var communesInGroup: Int

    public init(indicator: IndicatorDefinition, communesWithValue: Int, communesInGroup: Int) {
        self.indicator = indicator
        self.communesWithValue = communesWithValue
        self.communesInGroup = communesInGroup
    }

    /// Share of the group with a value, 0…1.
    public var share: Double { communesInGroup == 0 ? 0 : Double(communesWithValue) / Double(communesInGroup) }
}

extension IndicatorDefinition {
    /// The indicator's sources as people name them ("INSEE, BPE 2024"), from the atlas's `sources`; "aucune source" if none.
    public func citation(among sources: [SourceDescription]) -> String {
        guard !self.sources.isEmpty else { return "aucune source" }
        return self.sources.map { id in sources.first { $0.id == id }?.citation ?? id }.joined(separator: " ; ")
    }
}
