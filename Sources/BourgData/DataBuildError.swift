/// An error met while reading a source file or building the atlas. It names the file, and where it
/// can, the line (1 = header) and the column, so a user can open the file and see the problem.
///
/// A struct rather than an enum, as in swift-nio, so that new kinds can be added without breaking callers.
public struct DataBuildError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What went wrong, broadly.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        public static let missingFile = Kind("missing file")
        public static let missingColumn = Kind("missing column")
        public static let malformedRow = Kind("malformed row")
        public static let wrongSeparator = Kind("wrong separator")
        public static let invalidValue = Kind("invalid value")
        public static let invalidEncoding = Kind("invalid encoding")
        public static let duplicatedRow = Kind("duplicated row")
        public static let inconsistentData = Kind("inconsistent data")
        public static let storage = Kind("storage")

        public var description: String { name }
    }

    public var kind: Kind
    /// Path of the file, relative to the data directory when it is in one.
    public var file: String
    public var line: Int?
    public var column: String?
    public var message: String

    public init(_ kind: Kind, file: String, line: Int? = nil, column: String? = nil, message: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let column { place += ", column '\(column)'" }
        return "\(place): \(message)"
    }
}
