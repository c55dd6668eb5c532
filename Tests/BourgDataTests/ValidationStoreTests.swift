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
        // Care-home places move the apparent net migration mechanically: a structural control in both models, never an amenity.
        for id in PredictorRole.mechanicalControls {
            let definition = try! #require(catalogue.first { $0.id == id })
            #expect(PredictorRole.of(definition) == .descriptor, "\(id)")
            var directional = definition
            directional.direction = .higherIsBetter
            #expect(PredictorRole.of(directional) == .descriptor, "\(id) stays a control even if it were given a direction")
            for kind in NewcomerModelKind.allCases {
                #expect(kind.predictors(in: catalogue, scored: scored).map { catalogue[$0].id }.contains(id), "\(kind): \(id) is a control")
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
    @Test("over every small town: the arrivals block offers only amenities of the expected sign as reasons, and its parts sum to the prediction")
    func arrivalReasonsHaveTheExpectedSign() throws {
        let atlas = try LoadedAtlas(path: RealAtlas.path!)
        let report = try atlas.validationReport()
        let sample = try MigrationSample(scores: atlas.scores(StoredRankings.group))
        let model = try #require(report.model(.amenity))
        let inputs = NewcomerInputs(model: model, sample: sample)
        let labels = model.predictors.map(inputs.label(ofKey:))
        let careHomes = try #require(model.predictors.firstIndex(of: "places_hebergement_personnes_agees_pour_1000"))
        #expect(model.roles[careHomes] == .descriptor)
        var problems: [String] = []
        for town in report.towns {
            let prediction = try #require(inputs.prediction(ofCommune: town.code))
            let explained = model.reasons(prediction, labels: labels)
            let total = explained.intercept + explained.structure + explained.reasons.reduce(0) { $0 + $1.contribution }
            if abs(total - prediction.value) > 1e-9 { problems.append("\(town.code): parts sum to \(total), not \(prediction.value)") }
            for reason in explained.reasons {
                for j in reason.predictors where model.roles[j] != .amenity || model.fit.coefficients[j] <= 0 {
                    problems.append("\(town.code): \(model.predictors[j]) offered as a reason")
                }
                if reason.predictors.contains(careHomes) { problems.append("\(town.code): care-home places offered as a reason") }
                let says = reason.sentence.contains("→ plus d'arrivées")
                if says != (reason.contribution >= 0) { problems.append("\(town.code): '\(reason.sentence)' says the wrong direction") }
            }
        }
        #expect(problems.isEmpty, "\(problems.prefix(10))")
        #expect(!model.wrongSignAmenities.isEmpty ? model.wrongSignAmenities.allSatisfy { model.fit.coefficients[$0] < 0 } : true)
    }

    @Test func storedValidationIsAFreshComputation() throws {
        let atlas = try LoadedAtlas(path: RealAtlas.path!)
        let stored = try atlas.validationReport()
        let fresh = try NewcomerValidation(sample: MigrationSample(scores: atlas.scores(StoredRankings.group))).report(weightings: StoredValidation.weightings)
        #expect(stored == fresh)
        #expect(stored.towns.count > 3_500)
        #expect(try atlas.preset(named: "revelee") == stored.revealed)
    }
}
