import BourgCore
import Foundation
import Testing
@testable import BourgData

/// The atlas built from the real data in ../shared/data by `scripts/test` (path in BOURG_TEST_ATLAS).
/// Skipped, with the reason, when the data directory is absent.
enum RealAtlas {
    static let path = ProcessInfo.processInfo.environment["BOURG_TEST_ATLAS"]
    static var isAvailable: Bool { path.map { FileManager.default.fileExists(atPath: $0) } ?? false }
    static func open() throws -> AtlasDatabase { try AtlasDatabase.openReadOnly(at: path!) }

    /// Indicators whose source does not cover every small town, by design (with the reason).
    static let partialByDesign: [String: String] = [
        "demandeurs_emploi_pour_1000": "France Travail publishes communes of 5,000 inhabitants or more only",
        // Group A
        "prix_m2_maison": "DVF medians need ≥ 10 sales; no DVF in Alsace-Moselle and Mayotte",
        "prix_m2_appartement": "DVF medians need ≥ 10 sales; many small towns sell few apartments",
        // Group B
        "rapport_prix_revenu": "needs the DVF house median",
        "taux_pauvrete": "INSEE publishes the poverty rate only above a size threshold (statistical secrecy)",
        // Group C
        "couverture_mobile_4g": "no source staged",
        // Group D
        "espaces_coworking": "no source staged",
        // Group E
    ]
}

@Suite("Real atlas (../shared/data)", .enabled(if: RealAtlas.isAvailable, "BOURG_TEST_ATLAS is not set or missing: run scripts/test with ../shared/data present"))
struct RealAtlasTests {
    @Test func storedIntervalsAreAFreshComputation() throws {
        let atlas = try LoadedAtlas(path: RealAtlas.path!)
        let scores = try atlas.scores(StoredRankings.group)
        #expect(try atlas.database.storedPeerScores(range: StoredRankings.group.range, members: scores.members.count)
                == PeerScores(matrix: atlas.matrix, group: StoredRankings.group).indicatorPart, "stored peer scores are a fresh computation")
        for weights in StoredRankings.weights {
            let stored = try #require(try atlas.database.storedIntervals(peers: scores, weights: weights, uncertainty: RankUncertainty()))
            #expect(stored == RankUncertainty().intervals(for: scores, weights: weights), "\(weights.id): same seed, same intervals")
        }
    }

    @Test func rowCounts() throws {
        let counts = try RealAtlas.open().tableCounts()
        #expect(counts["commune"] == 34_875)
        #expect(counts["commune_boundary", default: 0] >= 34_860)
        #expect(counts["station"] == 2_782)
        #expect(counts["indicator"] == AtlasBuilder.catalogue.count)
        #expect(counts["indicator_value", default: 0] > 2_000_000)
        #expect(counts["source_file", default: 0] >= 27)
    }

    @Test func everySourceFolderIsRead() throws {
        let read = Set(try RealAtlas.open().provenance().map(\.source.id))
        let dataDirectory = AtlasLocation.dataDirectory(nil)
        let folders = try FileManager.default.contentsOfDirectory(atPath: dataDirectory.path).filter {
            FileManager.default.fileExists(atPath: dataDirectory.appendingPathComponent($0).appendingPathComponent("SOURCE.md").path)
        }
        #expect(Set(folders).subtracting(read).isEmpty, "source folders with no importer: \(Set(folders).subtracting(read).sorted())")
    }

    @Test func smallTownsHaveValuesWhereTheSourceCoversThem() throws {
        for entry in try RealAtlas.open().coverage() where RealAtlas.partialByDesign[entry.indicator.id] == nil {
            #expect(entry.share >= 0.95, "\(entry.indicator.id): \(entry.communesWithValue) of \(entry.communesInGroup) small towns")
        }
    }

    @Test func knownTowns() throws {
        let atlas = try RealAtlas.open()
        let figeac = try #require(try atlas.commune(code: "46102"))
        #expect(figeac.name == "Figeac")
        #expect(figeac.population == 9_770)
        #expect(figeac.isSmallTown)
        let readings = Dictionary(uniqueKeysWithValues: try atlas.readings(for: "46102").map { ($0.definition.id, $0.value) })
        #expect(readings["gare_dans_commune"] == 1)
        #expect(readings["distance_gare_grandes_lignes_km"]! ?? 99 < 2)
        #expect(readings["action_coeur_de_ville"] == 1)
        #expect(readings["couverture_mobile_4g"] == .some(nil))
        let paris = try #require(try atlas.commune(code: "75056"))
        #expect(paris.population == 2_133_111)
        let ajaccio = try #require(try atlas.commune(code: "2A004"))
        #expect(ajaccio.departement == "2A")
    }

    @Test func searchIsAccentAndCaseInsensitive() throws {
        let atlas = try RealAtlas.open()
        #expect(try atlas.searchCommunes("AMBERIEU EN BUGEY").first?.code == "01004")
        #expect(try atlas.searchCommunes("saint-malo").first?.code == "35288")
        #expect(try atlas.searchCommunes("Saint-Denis").count > 1)
    }
}

@Suite("Real atlas scores", .enabled(if: RealAtlas.isAvailable, "BOURG_TEST_ATLAS is not set or missing: run scripts/test with ../shared/data present"))
struct RealAtlasScoreTests {
    @Test func everyPeerTownHasAComposite() throws {
        let scores = PeerScores(matrix: try RealAtlas.open().indicatorMatrix(), group: .smallTowns)
        #expect(scores.members.count > 3_900)
        for weights in WeightPresets.all {
            let composites = scores.composites(weights)
            #expect(composites.allSatisfy { !$0.isNaN }, "\(weights.id): some peer towns have no composite")
        }
    }

    @Test func typeCountsArePlausible() throws {
        let matrix = try RealAtlas.open().indicatorMatrix()
        let rows = matrix.rows(in: .smallTowns)
        let counts = TypologyCount(rules: .standard, matrix: matrix, rows: rows)
        // The ONML sea-coast list holds 348 mainland small towns, more with overseas ones.
        #expect((340...480).contains(counts.byType[.littoral, default: 0]))
        for type in TownType.allCases {
            let share = Double(counts.byType[type, default: 0]) / Double(rows.count)
            #expect(share > 0.03 && share < 0.6, "\(type.rawValue): \(counts.byType[type, default: 0]) of \(rows.count)")
        }
    }
}

@Suite("Weight presets")
struct WeightPresetTests {
    @Test func barometerCitesEveryWeighableDimension() {
        let weights = WeightPresets.barometre
        #expect(Set(weights.entries.map(\.dimension)) == Set(AttractivenessDimension.weighable))
        #expect(weights.entries.allSatisfy { !$0.note.isEmpty })
        #expect(weights.value(.nature) == 62)
        #expect(weights.entries.first { $0.dimension == .sante }?.basis == .ordinalEstimate)
        // The order the survey's text gives.
        #expect(weights.value(.nature) > weights.value(.vieSociale))
        #expect(weights.value(.vieSociale) > weights.value(.logement))
        #expect(weights.value(.mobilite) > weights.value(.sante))
        #expect(weights.value(.sante) > weights.value(.servicesPublics))
        #expect(weights.value(.servicesPublics) > weights.value(.emploi))
        #expect(weights.value(.emploi) > weights.value(.securite))
    }
}
