import BourgCore
import Foundation
import Testing
@testable import BourgData

/// Group A: demography on the 2025 boundaries (INSEE état civil and legal populations), census 2022 (ptod),
/// jobs 2013–2018 (comparateur de territoires), jobseekers of every commune (France Travail, annual).
/// Expected values are computed by hand from the fixture rows.
@Suite("Importers: demography, census 2022, jobs")
struct ImporterDemographyEmploymentTests {
    static let folder = SoldeMigratoireImporter.sourceID

    // MARK: Births, deaths, legal populations (COG 2025)

    @Test func figeacBalancesPerPeriod() throws {
        let draft = try Fixture.draft()
        // 2011–2016: P2011 9 773, P2016 9 833; births 2011–2015 76 + 102 + 79 + 88 + 74 = 419,
        // deaths 121 + 138 + 99 + 148 + 144 = 650; natural −231; migration 9 833 − 9 773 + 231 = 291.
        #expect(try draft.value("naissances_2011_2016", "46102") == 419)
        #expect(try draft.value("deces_2011_2016", "46102") == 650)
        #expect(try draft.value("solde_naturel_2011_2016", "46102") == -231)
        #expect(try draft.value("solde_migratoire_2011_2016", "46102") == 291)
        // Rates over the mean population (9 773 + 9 833) / 2 = 9 803, per year (5 years).
        #expect(try draft.value("taux_solde_migratoire_2011_2016", "46102") == 0.59) // 291 / 9 803 / 5
        #expect(try draft.value("taux_solde_naturel_2011_2016", "46102") == -0.47)   // −231 / 9 803 / 5
        #expect(try draft.value("croissance_population_2011_2016", "46102") == 0.12) // (9 833 / 9 773)^(1/5) − 1
        // 2016–2022: P2016 9 833, P2022 9 757; births 2016–2021 443, deaths 880; natural −437; migration 361.
        #expect(try draft.value("naissances_2016_2022", "46102") == 443)
        #expect(try draft.value("deces_2016_2022", "46102") == 880)
        #expect(try draft.value("solde_migratoire_2016_2022", "46102") == 361)
        #expect(try draft.value("taux_solde_migratoire_2016_2022", "46102") == 0.61) // 361 / 9 795 / 6
        #expect(try draft.value("taux_solde_naturel_2016_2022", "46102") == -0.74)   // −437 / 9 795 / 6
        #expect(try draft.value("croissance_population_2016_2022", "46102") == -0.13) // (9 757 / 9 833)^(1/6) − 1
        #expect(try draft.value("population_2022", "46102") == 9757)
        #expect(try draft.value("population_2022", "75056") == 2_113_705)
    }

    @Test func demographyIsDescriptive() {
        for definition in SoldeMigratoireImporter().indicators {
            #expect(definition.direction == .neutral, "\(definition.id)")
            #expect(definition.dimension == .dynamique, "\(definition.id)")
        }
    }

    /// Valserhône (01033) was formed on 1 January 2019 from Bellegarde-sur-Valserine (01033), Châtillon-en-Michaille
    /// (01091) and Lancrans (01205). The historical population file gives each year on that year's boundaries: its
    /// row 01033 is Bellegarde alone until 2016 (11 666) and Valserhône from 2017 (16 423): +41 % in one year, and
    /// the former communes have no rows. On the 2025 territory the series does not jump (16 302 → 16 423).
    @Test func growthDoesNotJumpAtAMerger() throws {
        let draft = try Fixture.draft()
        let historical = try fixture("insee-population-historique", "population_municipale_2013_2021.csv")
        let cog2025 = try fixture(Self.folder, SoldeMigratoireImporter.populationsFile)
        let bellegarde = try #require(historical.rows.first { $0["codgeo"] == "01033" })
        let valserhone = try #require(cog2025.rows.first { $0["code_commune_cog2025"] == "01033" })
        #expect(try bellegarde.requiredNumber("p16_pop") == 11666)
        #expect(try bellegarde.requiredNumber("p17_pop") == 16423)
        #expect(try valserhone.requiredNumber("pmun2016") == 16302)
        #expect(try valserhone.requiredNumber("pmun2017") == 16423)
        // The old rule (no growth after a jump of more than 15 %) left Valserhône without a value; now:
        // (16 162 / 16 302)^(1/6) − 1 = −0.14 % a year, and (16 302 / 15 810)^(1/5) − 1 = +0.61 %.
        #expect(try draft.value("croissance_population_2016_2022", "01033") == -0.14)
        #expect(try draft.value("croissance_population_2011_2016", "01033") == 0.61)
        #expect(try draft.commune("01033").population2015 == 16303)
    }

    /// Pern-Lhospitalet (46172 = 46172 Lhospitalet + 46217 Pern, 2025): every year of the historical file, the
    /// sum of the two former communes equals the legal population on the 2025 territory, so growth is the
    /// merged commune's, with no jump: (925 / 941)^(1/6) − 1 = −0.29 % a year.
    @Test func mergedCommuneSeriesIsTheSumOfItsFormerCommunes() throws {
        let draft = try Fixture.draft()
        let historical = try fixture("insee-population-historique", "population_municipale_2013_2021.csv")
        let cog2025 = try fixture(Self.folder, SoldeMigratoireImporter.populationsFile)
        let parts = historical.rows.filter { ["46172", "46217"].contains($0["codgeo"]) }
        #expect(parts.count == 2)
        let merged = try #require(cog2025.rows.first { $0["code_commune_cog2025"] == "46172" })
        for year in 13...21 {
            let sum = try parts.reduce(0) { $0 + (try $1.requiredNumber("p\(year)_pop")) }
            #expect(try merged.requiredNumber("pmun20\(year)") == sum, "20\(year)")
        }
        #expect(try draft.value("croissance_population_2016_2022", "46172") == -0.29)
        #expect(try draft.value("solde_migratoire_2016_2022", "46172") == -30) // 925 − 941 − (56 − 42)
    }

    @Test func uninhabitedCommuneHasCountsButNoRates() throws {
        let draft = try Fixture.draft()
        // Beaumont-en-Verdunois: 0 inhabitants, 0 births, 0 deaths: no rate (never a division by zero).
        #expect(try draft.value("naissances_2016_2022", "55039") == 0)
        #expect(try draft.value("solde_migratoire_2016_2022", "55039") == 0)
        #expect(try draft.value("croissance_population_2016_2022", "55039") == nil)
        #expect(try draft.value("taux_solde_migratoire_2016_2022", "55039") == nil)
        let populations = try draft.provenance(Self.folder, SoldeMigratoireImporter.populationsFile)
        #expect(populations.rowsRead == 10)
        #expect(populations.rowsUnmatched == 1) // 01001
        let births = try draft.provenance(Self.folder, SoldeMigratoireImporter.birthsFile)
        #expect(births.rowsRead == 10)
        #expect(births.rowsUnmatched == 1)
    }

    // MARK: Census 2022 (ptod)

    @Test func census2022Rates() throws {
        let draft = try Fixture.draft()
        #expect(try draft.value("taux_chomage_1564_2022", "46102") == 11.89)
        #expect(try draft.value("taux_emploi_1564_2022", "46102") == 63.45)
        #expect(try draft.value("part_cadres_2022", "46102") == 8.71)
        #expect(try draft.value("part_menages_emmenages_moins_5ans_2022", "46102") == 41.08)
        // Paris: no movers' share in the file (empty cell): missing, not 0.
        #expect(try draft.value("taux_chomage_1564_2022", "75056") == 10.55)
        #expect(try draft.value("part_menages_emmenages_moins_5ans_2022", "75056") == nil)
        // No overseas rows.
        #expect(try draft.value("taux_chomage_1564_2022", "97411") == nil)
        let definitions = Dictionary(uniqueKeysWithValues: IndicateursRP2022Importer().indicators.map { ($0.id, $0) })
        #expect(definitions["part_cadres_2022"]?.direction == .neutral)
        #expect(definitions["part_menages_emmenages_moins_5ans_2022"]?.direction == .neutral)
        #expect(definitions["taux_chomage_1564_2022"]?.direction == .lowerIsBetter)
    }

    /// The ptod row 46172 is Lhospitalet alone (pop_2022 499), not Pern-Lhospitalet (925 on the 2025 territory):
    /// refused, counted, no value.
    @Test func census2022RowCoveringPartOfAMergedCommuneIsRefused() throws {
        let draft = try Fixture.draft()
        #expect(!IndicateursRP2022Importer.coversCommune(population: 499, legal: 925))
        #expect(IndicateursRP2022Importer.coversCommune(population: 9757, legal: 9757))
        #expect(try draft.value("taux_chomage_1564_2022", "46172") == nil)
        #expect(try draft.value("part_menages_emmenages_moins_5ans_2022", "46172") == nil)
        let provenance = try draft.provenance("ptod-indicateurs-rp2022", "indicateurs_rp2022_communes_cog2025.csv")
        #expect(provenance.rowsRead == 9)
        #expect(provenance.rowsUnmatched == 1) // 01001
        #expect(provenance.rowsRejected == 1)  // 46172
    }

    // MARK: Comparateur de territoires (jobs 2013–2018)

    @Test func jobGrowthAndConcentration() throws {
        let draft = try Fixture.draft()
        // Figeac: (8 374.2076 / 7 694.1105)^(1/5) − 1 = +1.71 % a year; 8 374.2076 / (4 161.954 − 566.748) × 100 = 232.9.
        #expect(try draft.value("croissance_emplois_2013_2018", "46102") == 1.71)
        #expect(try draft.value("concentration_emploi_2018", "46102") == 232.9)
        // Pern-Lhospitalet, the sum of 46172 and 46217 upstream: (234.5807 / 252.7663)^(1/5) − 1 = −1.48 %;
        // 234.5807 / (475.3888 − 51.3595) × 100 = 55.3.
        #expect(try draft.value("croissance_emplois_2013_2018", "46172") == -1.48)
        #expect(try draft.value("concentration_emploi_2018", "46172") == 55.3)
        // Beaumont-en-Verdunois: no job in 2013, no employed resident: no value.
        #expect(try draft.value("croissance_emplois_2013_2018", "55039") == nil)
        #expect(try draft.value("concentration_emploi_2018", "55039") == nil)
        let provenance = try draft.provenance("insee-comparateur-territoires-2022", "comparateur_rp2018_communes_cog2025.csv")
        #expect(provenance.rowsUnmatched == 1)
        #expect(provenance.rowsRejected == 0)
    }

    // MARK: France Travail, annual

    @Test func jobseekersOfEveryCommune() throws {
        let draft = try Fixture.draft()
        // 2023 over the 2021 population: Figeac 750 / 9 770 = 76.8 per 1 000; Pern-Lhospitalet 65 / 928 = 70.0
        // (a commune under 5 000 inhabitants, absent from the monthly file); Avallon 565 / 6 387 = 88.5.
        #expect(try draft.value("demandeurs_emploi_pour_1000", "46102") == 76.8)
        #expect(try draft.value("demandeurs_emploi_pour_1000", "46172") == 70.0)
        #expect(try draft.value("demandeurs_emploi_pour_1000", "89025") == 88.5)
        #expect(try draft.value("demandeurs_emploi_pour_1000", "97411") == 153.1)
        // Figeac 2019–2023: 785, 885, 845, 775, 750; slope −18 a year / 9 770 × 1 000 = −1.84.
        #expect(try draft.value("demandeurs_emploi_tendance_2019_2023", "46102") == -1.84)
        // Pern-Lhospitalet: 65, 60, 65, 65, 65: +0.5 a year / 928 × 1 000 = +0.54.
        #expect(try draft.value("demandeurs_emploi_tendance_2019_2023", "46172") == 0.54)
        // Beaumont-en-Verdunois: 0 inhabitants, no rate.
        #expect(try draft.value("demandeurs_emploi_pour_1000", "55039") == nil)
        let provenance = try draft.provenance("francetravail-defm-annuel-2009-2023", "defm_annuel_communes_2009_2023_cog2025.csv")
        #expect(provenance.rowsUnmatched == 1)
    }

    /// Troarn (14712) in the real file: 355 jobseekers in 2019, 0 in 2020 and 2021, 330 in 2022 — a gap upstream.
    /// Its zeros are dropped; a village whose count is always small keeps its zeros.
    @Test func zerosAmidLargeCountsAreGaps() {
        let troarn: [Int: Double] = [2018: 335, 2019: 355, 2020: 0, 2021: 0, 2022: 330, 2023: 340]
        #expect(FranceTravailAnnuelImporter.withoutGaps(troarn) == [2018: 335, 2019: 355, 2022: 330, 2023: 340])
        // 55039 Beaumont-en-Verdunois: 0 every year.
        let empty: [Int: Double] = [2019: 0, 2020: 0, 2021: 0, 2022: 0, 2023: 0]
        #expect(FranceTravailAnnuelImporter.withoutGaps(empty) == empty)
    }

    private func fixture(_ folder: String, _ name: String) throws -> CSVFile {
        try CSVFile(url: Fixture.dataDirectory.appendingPathComponent(folder).appendingPathComponent(name), name: "\(folder)/\(name)")
    }
}
