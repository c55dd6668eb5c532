import BourgCore
import Foundation
import Testing
@testable import BourgData

/// The "Climat et risques" dimension on the real atlas: the heat and radon figures equal the raw files', the
/// dimension covers the mainland small towns, overseas towns are missing (never 0), CatNat is not "sécurité", and a
/// household's heat limit keeps only towns within it.
@Suite("Real atlas: climate and risks", .enabled(if: RealAtlas.isAvailable, "BOURG_TEST_ATLAS is not set or missing: run scripts/test with ../shared/data present"))
struct RealAtlasClimateTests {
    static func dataDirectory(_ atlas: AtlasDatabase) throws -> URL {
        try atlas.info("data_dir").map { URL(fileURLWithPath: $0) } ?? AtlasLocation.dataDirectory(nil)
    }

    @Test func heatAndRadonEqualTheRawFiles() throws {
        let atlas = try RealAtlas.open()
        let matrix = try atlas.indicatorMatrix()
        let directory = try Self.dataDirectory(atlas)
        let heat = try RealAtlasPopulationTests.csv(directory, DRIASImporter().source.id, DRIASImporter.fileName)
        var compared = 0
        for row in heat.rows {
            guard let commune = matrix.row(ofCommune: try row.communeCode(DRIASImporter.codeColumn)) else { continue }
            for figure in DRIASImporter.figures {
                let raw = try row.number(figure.column, allowNegative: true)
                #expect(matrix.value(commune: commune, figure.id) == raw, "\(row[DRIASImporter.codeColumn]) \(figure.id)")
                compared += 1
            }
        }
        #expect(compared > 34_000 * DRIASImporter.figures.count)
        let radon = try RealAtlasPopulationTests.csv(directory, RadonImporter().source.id, RadonImporter.fileName)
        for row in radon.rows {
            guard let commune = matrix.row(ofCommune: try row.communeCode(RadonImporter.codeColumn)) else { continue }
            #expect(matrix.value(commune: commune, "potentiel_radon") == (try row.number(RadonImporter.classColumn)), "\(row[RadonImporter.codeColumn])")
        }
    }

    @Test func climateCoversMainlandSmallTownsAndOverseasIsMissing() throws {
        let matrix = try RealAtlas.open().indicatorMatrix()
        let towns = matrix.rows(in: .smallTowns)
        let mainland = towns.filter { !matrix.communes[$0].territory.isOverseas }
        let overseas = towns.filter { matrix.communes[$0].territory.isOverseas }
        for id in ["nuits_tropicales_2021_2050", "jours_tx_sup35_2021_2050"] {
            let covered = mainland.filter { matrix.value(commune: $0, id) != nil }.count
            #expect(Double(covered) >= 0.98 * Double(mainland.count), "\(id): \(covered) of \(mainland.count)")
            #expect(overseas.allSatisfy { matrix.value(commune: $0, id) == nil }, "\(id): overseas towns have no value, never 0")
        }
        let radon = towns.filter { matrix.value(commune: $0, "potentiel_radon") != nil }.count
        #expect(Double(radon) >= 0.98 * Double(towns.count))
    }

    @Test func catnatIsInClimateNotInSecurity() throws {
        let catalogue = try RealAtlas.open().indicatorMatrix().indicators
        #expect(!catalogue.contains { $0.id.hasPrefix("arretes_catnat") && $0.dimension == .securite })
        #expect(catalogue.filter { $0.id.hasPrefix("arretes_catnat") }.allSatisfy { $0.dimension == .climat })
        #expect(catalogue.filter { $0.dimension == .securite }.allSatisfy { $0.sources == ["ssmsi-delinquance-groupes"] || $0.sources.contains("ssmsi-delinquance-groupes") })
    }

    @Test func heatLimitKeepsOnlyTownsWithinIt() throws {
        let atlas = try LoadedAtlas(path: RealAtlas.path!)
        let matcher = try atlas.matcher(try atlas.scores(.smallTowns))
        let weights = try Weights.custom(ratings: [.climat: 5, .sante: 3])
        let result = try matcher.match(HouseholdProfile(weights: weights, constraints: [.maxHeat(measure: .tropicalNights, perYear: 5)], top: 100))
        #expect(!result.towns.isEmpty)
        for town in result.towns {
            let row = try #require(matcher.scores.matrix.row(ofCommune: town.commune.code))
            let nights = try #require(matcher.scores.matrix.value(commune: row, "nuits_tropicales_2021_2050"))
            #expect(nights <= 5, "\(town.commune.name): \(nights)")
        }
        #expect(result.constraints[0].failed > 0)
    }
}
