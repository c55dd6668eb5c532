import BourgCore
import Foundation
import Testing
@testable import BourgData

/// Social life, sport and elections (group C): RNA associations, INJEP licences and clubs, Data ES equipment,
/// European 2024 and presidential 2017 turnout. Expected values are computed from the excerpt rows and the
/// fixture populations 2021 (Figeac 9,770; Ajaccio 73,822; Pern-Lhospitalet 501 + 427 = 928 (Lhospitalet
/// and Pern); Paris 2,133,111 as the sum of its arrondissements; Beaumont-en-Verdunois 0).
@Suite("Importers: social life, sport and elections")
struct ImporterSocialLifeTests {
    /// The fault-test description of a fixture file of this group, for the tests that alter one cell.
    static func file(_ folder: String) throws -> SourceFileUnderTest {
        try #require(SourceFileUnderTest.all.first { $0.folder == folder })
    }

    @Test func fixturePopulationsAreTheOnesTheExpectedValuesUse() throws {
        let draft = try Fixture.draft()
        #expect(try draft.commune("46102").population == 9_770)
        #expect(try draft.commune("2A004").population == 73_822)
        #expect(try draft.commune("46172").population == 928)
        #expect(try draft.commune("75056").population == 2_133_111)
        #expect(try draft.commune("55039").population == 0)
    }

    // MARK: RNA

    @Test func rnaAssociationsPerThousandInhabitants() throws {
        let draft = try Fixture.draft()
        #expect(try draft.value("associations_pour_1000", "46102") == rounded(759.0 / 9_770 * 1_000, 2)) // 77.69
        #expect(try draft.value("associations_pour_1000", "46172") == rounded(48.0 / 928 * 1_000, 2))
        #expect(try draft.value("associations_pour_1000", "97411") == rounded(5_479.0 / 154_765 * 1_000, 2))
        // Paris: the copy's row already sums the arrondissements (national associations registered there).
        #expect(try draft.value("associations_pour_1000", "75056") == rounded(109_566.0 / 2_133_111 * 1_000, 2))
        // One association and no inhabitant: no rate, not an infinite one.
        #expect(try draft.value("associations_pour_1000", "55039") == nil)
        let provenance = try draft.provenance("rna-associations-2025", "associations_rna_2025_cog2025.csv")
        #expect(provenance.rowsRead == 10)
        #expect(provenance.rowsUnmatched == 1) // 01001, not a fixture commune
        #expect(provenance.rowsRejected == 0)
    }

    @Test("an empty RNA cell (as for every commune of Alsace-Moselle) gives no value, never 0")
    func rnaEmptyCellGivesNoValue() throws {
        let file = try Self.file("rna-associations-2025")
        let draft = try file.draft(with: try file.replacing("associations_total", with: ""))
        #expect(try draft.value("associations_pour_1000", "01004") == nil)
        #expect(try draft.value("associations_pour_1000", "46102") == rounded(759.0 / 9_770 * 1_000, 2))
    }

    @Test("communes the RNA does not cover get no value even if the file has one, and the row is counted as rejected")
    func rnaExclusionRule() throws {
        #expect(RNAImporter.localLawDepartements == ["57", "67", "68"])
        // The rule of the importer, applied to Figeac as if it were in Alsace-Moselle (no fixture commune is).
        var draft = try Fixture.draft()
        draft.declare([IndicatorDefinition(id: "test_associations", label: "", unit: "", dimension: .vieSociale, direction: .neutral,
                                           sources: [], vintage: "", definition: "")])
        let source = RNAImporter().source
        var file = try SourceFolder(url: Fixture.dataDirectory.appendingPathComponent(source.id), source: source)
            .csv("associations_rna_2025_cog2025.csv", columns: ["code_commune_cog2025", "associations_total"], key: ["code_commune_cog2025"])
        try ImporterSupport.importRatesPerInhabitant([("test_associations", "associations_total", 1_000)], codeColumn: "code_commune_cog2025",
                                                     excluding: { $0.code == "46102" }, file: &file, into: &draft)
        #expect(try draft.value("test_associations", "46102") == nil)
        #expect(try draft.value("test_associations", "89025") == rounded(577.0 / 6_387 * 1_000, 2))
        #expect(file.rowsRejected == 1)
    }

    // MARK: INJEP

    @Test func injepLicencesPerHundredAndClubsPerThousand() throws {
        let draft = try Fixture.draft()
        #expect(try draft.value("licences_sportives_pour_100", "46102") == rounded(2_897.0 / 9_770 * 100, 2)) // 29.65
        #expect(try draft.value("clubs_sportifs_pour_1000", "46102") == rounded(49.0 / 9_770 * 1_000, 2)) // 5.02
        #expect(try draft.value("licences_sportives_pour_100", "46172") == rounded(290.0 / 928 * 100, 2))
        #expect(try draft.value("clubs_sportifs_pour_1000", "46172") == rounded(6.0 / 928 * 1_000, 2))
        #expect(try draft.value("clubs_sportifs_pour_1000", "2A004") == rounded(163.0 / 73_822 * 1_000, 2))
        // Four licensees live in the uninhabited village (population 0): no rate.
        #expect(try draft.value("licences_sportives_pour_100", "55039") == nil)
        #expect(try draft.value("clubs_sportifs_pour_1000", "55039") == nil)
        let provenance = try draft.provenance("injep-clubs-licences-sportives-2022", "clubs_licences_sportives_2022_cog2025.csv")
        #expect(provenance.rowsRead == 10)
        #expect(provenance.rowsUnmatched == 1)
    }

    @Test func injepEmptyCellGivesNoValue() throws {
        // The 12 communes created in 2024–2025 have empty rows in the copy.
        let file = try Self.file("injep-clubs-licences-sportives-2022")
        let draft = try file.draft(with: try file.replacing("licences_total", with: ""))
        #expect(try draft.value("licences_sportives_pour_100", "01004") == nil)
        #expect(try draft.value("clubs_sportifs_pour_1000", "01004") == rounded(52.0 / 14_854 * 1_000, 2))
    }

    // MARK: Data ES

    @Test func dataESEquipmentPerThousand() throws {
        let draft = try Fixture.draft()
        #expect(try draft.value("equipements_sportifs_pour_1000", "46102") == rounded(91.0 / 9_770 * 1_000, 2)) // 9.31
        #expect(try draft.value("equipements_sportifs_pour_1000", "2A004") == rounded(198.0 / 73_822 * 1_000, 2))
        #expect(try draft.value("equipements_sportifs_pour_1000", "75056") == rounded(2_913.0 / 2_133_111 * 1_000, 2))
        #expect(try draft.value("equipements_sportifs_pour_1000", "55039") == nil)
        let provenance = try draft.provenance("data-es-equipements-sportifs-2025", "equipements_sportifs_2025_cog2025.csv")
        #expect(provenance.rowsRead == 10)
        #expect(provenance.rowsUnmatched == 1)
    }

    // MARK: Elections

    @Test func europeanTurnoutIsVotersOverRegisteredVoters() throws {
        let draft = try Fixture.draft()
        #expect(try draft.value("participation_europeennes_2024", "46102") == rounded(3_747.0 / 7_002 * 100, 2)) // 53.51, as the ministry
        #expect(try draft.value("participation_europeennes_2024", "46172") == rounded(461.0 / 734 * 100, 2))
        #expect(try draft.value("participation_europeennes_2024", "75056") == rounded(822_756.0 / 1_378_896 * 100, 2))
        // No voters in the uninhabited village: no row, no value.
        #expect(try draft.value("participation_europeennes_2024", "55039") == nil)
        let provenance = try draft.provenance("minint-europeennes-2024-participation", "participation_europeennes_2024_communes.csv")
        #expect(provenance.rowsRead == 9)
        #expect(provenance.rowsUnmatched == 1)
        #expect(provenance.rowsRejected == 0)
    }

    @Test("a commune given by several rows (older codes) gets the sum of votes over the sum of registered voters")
    func mergedCommuneTurnoutSumsVotes() throws {
        // Ambérieu's row relabelled with 01091, an old code of Valserhône: Valserhône then has two rows.
        let file = try Self.file("minint-europeennes-2024-participation")
        let draft = try file.draft(with: try file.replacing("code_insee", with: "01091"))
        #expect(try draft.value("participation_europeennes_2024", "01033") == rounded((4_263.0 + 4_627) / (9_841 + 8_708) * 100, 2))
        #expect(try draft.value("participation_europeennes_2024", "01004") == nil)
        // Not the mean of the two rates (43.32 % and 53.13 %).
        #expect(try draft.value("participation_europeennes_2024", "01033") != rounded((4_263.0 / 9_841 + 4_627.0 / 8_708) * 50, 2))
    }

    @Test("more voters than registered voters: the row is rejected and the commune has no value")
    func implausibleTurnoutIsRejected() throws {
        let file = try Self.file("minint-europeennes-2024-participation")
        let draft = try file.draft(with: try file.replacing("votants", with: "8709")) // Ambérieu: 8,708 registered
        #expect(try draft.value("participation_europeennes_2024", "01004") == nil)
        #expect(try draft.value("participation_europeennes_2024", "46102") == rounded(3_747.0 / 7_002 * 100, 2))
        let provenance = try draft.provenance(file.folder, file.name)
        #expect(provenance.rowsRejected == 1)
        // As many voters as registered voters is possible: 100 %.
        let full = try file.draft(with: try file.replacing("votants", with: "8708"))
        #expect(try full.value("participation_europeennes_2024", "01004") == 100)
    }

    @Test func presidentialFirstRoundTurnout() throws {
        let draft = try Fixture.draft()
        #expect(try draft.value("participation_presidentielle_2017", "46102") == rounded(5_281.0 / 6_731 * 100, 2)) // 78.46
        #expect(try draft.value("participation_presidentielle_2017", "46172") == rounded(633.0 / 726 * 100, 2)) // Lhospitalet + Pern, summed upstream
        #expect(try draft.value("participation_presidentielle_2017", "97411") == rounded(61_941.0 / 101_317 * 100, 2))
        // Paris is absent from the source: no value.
        #expect(try draft.value("participation_presidentielle_2017", "75056") == nil)
        let provenance = try draft.provenance("minint-presidentielle-2017-participation", "participation_presidentielle_2017_communes.csv")
        #expect(provenance.rowsRead == 8)
        #expect(provenance.rowsUnmatched == 1)
    }

    @Test func everyNewIndicatorIsAScoredSocialLifeRate() throws {
        let draft = try Fixture.draft()
        let ids = ["associations_pour_1000", "licences_sportives_pour_100", "clubs_sportifs_pour_1000", "equipements_sportifs_pour_1000",
                   "participation_europeennes_2024", "participation_presidentielle_2017"]
        for id in ids {
            let definition = try #require(draft.catalogue.first { $0.id == id }, "\(id) is not in the catalogue")
            #expect(definition.dimension == .vieSociale)
            #expect(definition.direction == .higherIsBetter)
            #expect(definition.definition.contains("Plus c'est élevé, mieux c'est"))
            #expect(!definition.sources.isEmpty)
        }
        // Turnouts are percentages of registered voters.
        for id in ["participation_europeennes_2024", "participation_presidentielle_2017"] {
            #expect(draft.column(id).compactMap { $0 }.allSatisfy { (0...100).contains($0) })
        }
    }
}
