import BourgCore
import Foundation
import Testing
@testable import BourgData

/// The leakage rule over the real catalogue, and the stored validation of the real atlas.
@Suite struct ValidationCatalogueTests {
    /// Every indicator of the build's catalogue derived from population change, migration or natural balance.
    static var outcomeDerived: [String] {
        SoldeMigratoireImporter().indicators.map(\.id) + ["part_menages_emmenages_moins_5ans_2022"]
    }

    @Test func noOutcomeDerivedIndicatorEntersEitherModel() {
        let catalogue = AtlasBuilder.catalogue
        let scored = catalogue.indices.filter { PredictorRole.of(catalogue[$0]) != .notScored }
        for kind in NewcomerModelKind.allCases {
            let predictors = Set(kind.predictors(in: catalogue, scored: scored).map { catalogue[$0].id })
            #expect(predictors.isDisjoint(with: Self.outcomeDerived), "\(kind): \(predictors.intersection(Self.outcomeDerived).sorted())")
            // Dwellings authorised or started during or after the window are never predictors.
            #expect(!predictors.contains("logements_autorises_2021_2024_pour_1000"))
            #expect(!predictors.contains("logements_commences_2021_2023_pour_1000"))
            // Every population- or migration-derived id of the catalogue is classified as outcome.
            for definition in catalogue where Self.outcomeDerived.contains(definition.id) {
                #expect(PredictorRole.of(definition) == .outcome, "\(definition.id)")
            }
        }
        #expect(NewcomerModelKind.supplyAware.predictors(in: catalogue, scored: scored).map { catalogue[$0].id }
                .contains("logements_autorises_2013_2015_pour_1000"))
        #expect(!NewcomerModelKind.amenity.predictors(in: catalogue, scored: scored).map { catalogue[$0].id }
                .contains { $0.hasPrefix("logements_autorises") })
    }
}

@Suite("Real atlas: validation against migration", .enabled(if: RealAtlas.isAvailable, "BOURG_TEST_ATLAS is not set or missing: run scripts/test with ../shared/data present"))
struct RealValidationTests {
    @Test func storedValidationIsAFreshComputation() throws {
        let atlas = try LoadedAtlas(path: RealAtlas.path!)
        let stored = try atlas.validationReport()
        let fresh = try NewcomerValidation(sample: MigrationSample(scores: atlas.scores(StoredRankings.group))).report(weightings: StoredValidation.weightings)
        #expect(stored == fresh)
        #expect(stored.towns.count > 3_500)
        #expect(try atlas.preset(named: "revelee") == stored.revealed)
    }
}
