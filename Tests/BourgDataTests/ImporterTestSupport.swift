import BourgCore
import Foundation
import Testing
@testable import BourgData

/// The fixture data directory (`Fixtures/data`) and the atlas draft built from it once for all tests.
enum Fixture {
    /// `Fixtures/data`: one folder per source, excerpts of the real files (see its README.md).
    static let dataDirectory: URL = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
        .appendingPathComponent("data")

    /// The draft built from the fixture directory, built on first use and shared by every test.
    private static let built: Result<AtlasDraft, any Error> = Result {
        try AtlasBuilder(dataDirectory: dataDirectory).makeDraft()
    }

    /// The shared draft; throws the build error if the fixture build failed.
    static func draft() throws -> AtlasDraft {
        try built.get()
    }
}

extension AtlasDraft {
    /// The position of a commune of the draft by its COG 2025 code; records an issue if it is absent.
    func index(_ code: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
        try #require(indexByCode[code], "commune \(code) is not in the draft", sourceLocation: sourceLocation)
    }

    /// A commune of the draft by its code.
    func commune(_ code: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Commune {
        communes[try index(code, sourceLocation: sourceLocation)]
    }

    /// The value of an indicator for a commune given by its code.
    func value(_ indicator: String, _ code: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Double? {
        value(indicator, try index(code, sourceLocation: sourceLocation))
    }

    /// Great-circle distance (km) from the town hall (or boundary centre) of `code` to the nearest of `others`,
    /// computed here from the communes' positions, to check the importers' distances.
    func nearestKm(from code: String, to others: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> Double {
        let origin = try #require(try commune(code, sourceLocation: sourceLocation).position, sourceLocation: sourceLocation)
        let distances = try others.map { other in
            origin.distanceKm(to: try #require(try commune(other, sourceLocation: sourceLocation).position, sourceLocation: sourceLocation))
        }
        return try #require(distances.min(), sourceLocation: sourceLocation)
    }

    /// The provenance entry of one file of a source.
    func provenance(_ source: String, _ file: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Provenance {
        try #require(provenance.first { $0.source.id == source && $0.fileName == file },
                     "no provenance for \(source)/\(file)", sourceLocation: sourceLocation)
    }
}

/// `value` rounded to `decimals` decimals, as the importers round (`ImporterSupport.rounded`).
func rounded(_ value: Double, _ decimals: Int) -> Double {
    let factor = pow(10.0, Double(decimals))
    return (value * factor).rounded() / factor
}

/// Whether two optional numbers are equal within `tolerance` (both `nil` counts as equal).
func same(_ actual: Double?, _ expected: Double?, tolerance: Double = 1e-9) -> Bool {
    switch (actual, expected) {
    case (nil, nil): true
    case let (actual?, expected?): abs(actual - expected) <= tolerance
    default: false
    }
}
