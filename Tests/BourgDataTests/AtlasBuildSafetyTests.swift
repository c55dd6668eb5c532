import Foundation
import Testing
@testable import BourgData

/// A failed build must leave the previous atlas exactly as it was.
@Suite("Atlas build safety")
struct AtlasBuildSafetyTests {
    /// A copy of the fixture data directory in a fresh temporary folder, removed by the caller.
    static func fixtureCopy() throws -> URL {
        let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("data")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bourg-safety-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: fixtures, to: folder.appendingPathComponent("data"))
        return folder
    }

    @Test func failedBuildLeavesPreviousAtlasIntact() throws {
        let folder = try Self.fixtureCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("data")
        let atlas = folder.appendingPathComponent("out/bourg.sqlite").path
        _ = try AtlasBuilder(dataDirectory: data).build(to: atlas)
        let before = try Data(contentsOf: URL(fileURLWithPath: atlas))

        // Truncate the last row of a source file: the build must fail, naming the file and line.
        let broken = data.appendingPathComponent("insee-filosofi-2021/cc_filosofi_2021_COM.csv")
        var text = try String(contentsOf: broken, encoding: .utf8)
        text = String(text.trimmingCharacters(in: .newlines).split(separator: "\n").dropLast().joined(separator: "\n")) + "\n01004;123\n"
        try text.write(to: broken, atomically: true, encoding: .utf8)
        let lines = text.split(separator: "\n").count
        let error = try #require(throws: DataBuildError.self) { try AtlasBuilder(dataDirectory: data).build(to: atlas) }
        #expect(error.file == "insee-filosofi-2021/cc_filosofi_2021_COM.csv")
        #expect(error.line == lines)

        let after = try Data(contentsOf: URL(fileURLWithPath: atlas))
        #expect(before == after)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path)
        #expect(leftovers == ["bourg.sqlite"])
    }

    @Test func nonNumericValueFailsTheBuildWithFileLineAndColumn() throws {
        let folder = try Self.fixtureCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("data")
        let file = data.appendingPathComponent("osrm-temps-voiture-paris/temps_voiture_paris_cog2025.csv")
        var lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var fields = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[1] = "beaucoup"
        lines[1] = fields.joined(separator: ",")
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        let error = try #require(throws: DataBuildError.self) { try AtlasBuilder(dataDirectory: data).makeDraft() }
        #expect(error.description.contains("osrm-temps-voiture-paris/temps_voiture_paris_cog2025.csv:2, column 'duree_voiture_paris_min'"))
    }

    @Test func renamedColumnFailsTheBuildNamingTheColumn() throws {
        let folder = try Self.fixtureCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("data")
        let file = data.appendingPathComponent("dvf-prix-m2/dvf_prix_m2_communes_12mois.csv")
        let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "prix_m2_median_maison", with: "prix_median_maison")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let error = try #require(throws: DataBuildError.self) { try AtlasBuilder(dataDirectory: data).makeDraft() }
        #expect(error.kind == .missingColumn)
        #expect(error.column == "prix_m2_median_maison")
        #expect(error.line == 1)
    }
}
