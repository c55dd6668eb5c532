import BourgCore
import Foundation
import Testing
@testable import BourgData

/// Taxes, risks, water, commutes: DGFiP local tax rates, Géorisques CatNat decrees, SISE-Eaux drinking-water
/// control, INSEE home-to-work trips. Expected values are read by hand from the fixture rows.
@Suite("Importers: taxes, risks, water, commutes")
struct ImporterGroupETests {
    /// The fixture file of a source (its only CSV), for the rule tests that alter one row.
    static func file(_ folder: String, _ name: String) -> SourceFileUnderTest {
        SourceFileUnderTest.all.first { $0.folder == folder && $0.name == name }!
    }

    /// The draft built with `line` (1 = header) of a fixture file replaced by `text`.
    static func draft(_ file: SourceFileUnderTest, line: Int, _ text: String) throws -> AtlasDraft {
        var lines = try file.lines()
        lines[line - 1] = text
        return try file.draft(with: Data((lines.joined(separator: "\n") + "\n").utf8))
    }

    // MARK: DGFiP

    static let dgfip = file("dgfip-fiscalite-locale-2025", "taux_tfpb_teom_2025_cog2025.csv")

    @Test func dgfipPropertyTaxAndWasteTaxRates() throws {
        let draft = try Fixture.draft()
        #expect(try draft.value("taux_taxe_fonciere_bati", "46102") == 49.12)
        #expect(try draft.value("taux_teom", "46102") == 14.1)
        #expect(try draft.value("taux_taxe_fonciere_bati", "75056") == 21.21)
        #expect(try draft.value("taux_taxe_fonciere_bati", "2A004") == 37.91)
        #expect(try draft.value("taux_teom", "2A004") == 20.57)
        #expect(try draft.value("taux_taxe_fonciere_bati", "97411") == 38.97)
        #expect(try draft.value("taux_taxe_fonciere_bati", "46172") == 42.08)
        // Avallon levies no TEOM (waste financed otherwise): no value, never 0.
        #expect(try draft.value("taux_taxe_fonciere_bati", "89025") == 46.39)
        #expect(try draft.value("taux_teom", "89025") == nil)
        let provenance = try draft.provenance(Self.dgfip.folder, Self.dgfip.name)
        #expect(provenance.rowsRead == 10)
        #expect(provenance.rowsUnmatched == 1) // 01001
        #expect(provenance.rowsRejected == 0)
    }

    @Test func dgfipRateOverOneHundredPercentRefusesTheRow() throws {
        let draft = try Self.draft(Self.dgfip, line: 6, "46102,149.12,14.1")
        #expect(try draft.value("taux_taxe_fonciere_bati", "46102") == nil)
        #expect(try draft.value("taux_teom", "46102") == nil)
        #expect(try draft.provenance(Self.dgfip.folder, Self.dgfip.name).rowsRejected == 1)
    }

    // MARK: CatNat

    static let catnat = file("georisques-gaspar-catnat", "arretes_catnat_communes_cog2025.csv")

    @Test func catnatCountsRecognitionsInTotalRecentlyAndByPeril() throws {
        let draft = try Fixture.draft()
        // Figeac: 25 = 13 floods + 8 droughts + 3 ground movements + 1 storm + 0 other; 5 for events of 2016–2025.
        #expect(try draft.value("arretes_catnat_total", "46102") == 25)
        #expect(try draft.value("arretes_catnat_2016_2025", "46102") == 5)
        #expect(try draft.value("arretes_catnat_inondation", "46102") == 13)
        #expect(try draft.value("arretes_catnat_secheresse", "46102") == 8)
        #expect(try draft.value("arretes_catnat_mouvement_terrain", "46102") == 3)
        #expect(try draft.value("arretes_catnat_tempete", "46102") == 1)
        #expect(try draft.value("arretes_catnat_autres", "46102") == 0)
        // Ajaccio: 5 "other" (coastal) recognitions of 17.
        #expect(try draft.value("arretes_catnat_total", "2A004") == 17)
        #expect(try draft.value("arretes_catnat_autres", "2A004") == 5)
        #expect(try draft.value("arretes_catnat_2016_2025", "2A004") == 8)
        #expect(try draft.value("arretes_catnat_total", "97411") == 27)
        #expect(try draft.value("arretes_catnat_total", "55039") == 2)
        #expect(try draft.value("arretes_catnat_2016_2025", "55039") == 0)
        #expect(try draft.value("arretes_catnat_total", "46172") == 13)
        let provenance = try draft.provenance(Self.catnat.folder, Self.catnat.name)
        #expect(provenance.rowsRead == 10)
        #expect(provenance.rowsUnmatched == 1)
        #expect(provenance.rowsRejected == 0)
    }

    @Test func catnatRowWhosePartsExceedTheTotalIsRefused() throws {
        // Figeac with 26 recognitions in 2016–2025 out of 25, then with perils adding up to 26.
        for text in ["46102,25,13,8,3,1,0,26,2022,1", "46102,25,14,8,3,1,0,5,2022,1"] {
            let draft = try Self.draft(Self.catnat, line: 6, text)
            #expect(try draft.value("arretes_catnat_total", "46102") == nil)
            #expect(try draft.value("arretes_catnat_inondation", "46102") == nil)
            #expect(try draft.provenance(Self.catnat.folder, Self.catnat.name).rowsRejected == 1)
        }
    }

    // MARK: SISE-Eaux

    static let sise = file("sise-eaux-controle-sanitaire-2025", "controle_sanitaire_eau_distribuee_2025_cog2025.csv")

    @Test func siseSharesOfSamplesWithinTheQualityLimits() throws {
        let draft = try Fixture.draft()
        // Figeac: 59 samples, none over a limit (9 over a chemical reference, which does not count).
        #expect(try draft.value("eau_conforme_bacteriologie", "46102") == 100)
        #expect(try draft.value("eau_conforme_physicochimie", "46102") == 100)
        // Pern-Lhospitalet: 77 samples, 1 over a bacteriological limit, 2 over a chemical one.
        #expect(try draft.value("eau_conforme_bacteriologie", "46172") == rounded(100 * (1 - 1.0 / 77), 1)) // 98.7
        #expect(try draft.value("eau_conforme_physicochimie", "46172") == rounded(100 * (1 - 2.0 / 77), 1)) // 97.4
        // Avallon: 2 of 28 over a chemical limit.
        #expect(try draft.value("eau_conforme_physicochimie", "89025") == 92.9)
        // Ajaccio: only 2 of 120 samples "conforming", but the 118 others exceed a reference, not a limit.
        #expect(try draft.value("eau_conforme_bacteriologie", "2A004") == 100)
        #expect(try draft.value("eau_conforme_physicochimie", "2A004") == 100)
        #expect(try draft.value("eau_conforme_bacteriologie", "97411") == 98.8) // 3 of 254
        #expect(try draft.value("eau_conforme_physicochimie", "75056") == 99.9) // 1 of 1,188
        // Beaumont-en-Verdunois: no sample (empty row): no value.
        #expect(try draft.value("eau_conforme_bacteriologie", "55039") == nil)
        let provenance = try draft.provenance(Self.sise.folder, Self.sise.name)
        #expect(provenance.rowsRead == 10)
        #expect(provenance.rowsUnmatched == 1)
        #expect(provenance.rowsRejected == 0)
    }

    @Test func siseRowWithMoreExceedancesThanSamplesOrNoSampleIsRefused() throws {
        for text in ["46102,59,31,50,60,0,0,9", "46102,0,0,0,0,0,0,0"] {
            let draft = try Self.draft(Self.sise, line: 6, text)
            #expect(try draft.value("eau_conforme_bacteriologie", "46102") == nil)
            #expect(try draft.value("eau_conforme_physicochimie", "46102") == nil)
            #expect(try draft.provenance(Self.sise.folder, Self.sise.name).rowsRejected == 1)
        }
    }

    // MARK: Home-to-work trips

    static let commutes = file("insee-domicile-travail-2019", "trajets_domicile_travail_communes_cog2025.csv")

    @Test func commutesDurationDistanceAndShareOverThirtyMinutes() throws {
        let draft = try Fixture.draft()
        #expect(try draft.value("duree_trajet_domicile_travail_min", "46102") == 32)
        #expect(try draft.value("distance_trajet_domicile_travail_km", "46102") == 25)
        #expect(try draft.value("part_actifs_trajet_plus_30min", "46102") == 10.9)
        #expect(try draft.value("part_actifs_trajet_plus_30min", "46172") == 11.25)
        #expect(try draft.value("duree_trajet_domicile_travail_min", "75056") == 51)
        // Ajaccio: no road distance from Corsica, but the share over 30 minutes is given.
        #expect(try draft.value("duree_trajet_domicile_travail_min", "2A004") == nil)
        #expect(try draft.value("distance_trajet_domicile_travail_km", "2A004") == nil)
        #expect(try draft.value("part_actifs_trajet_plus_30min", "2A004") == 3.8)
        #expect(try draft.value("duree_trajet_domicile_travail_min", "55039") == nil)
        #expect(try draft.value("part_actifs_trajet_plus_30min", "55039") == nil)
        let provenance = try draft.provenance(Self.commutes.folder, Self.commutes.name)
        #expect(provenance.rowsRead == 10)
        #expect(provenance.rowsUnmatched == 1)
        #expect(provenance.rowsRejected == 0)
    }

    @Test func commuteShareOverOneHundredPercentRefusesTheRow() throws {
        let draft = try Self.draft(Self.commutes, line: 6, "46102,25.0,30.0,32.0,19.0,22.0,25.0,109.0")
        #expect(try draft.value("duree_trajet_domicile_travail_min", "46102") == nil)
        #expect(try draft.value("part_actifs_trajet_plus_30min", "46102") == nil)
        #expect(try draft.provenance(Self.commutes.folder, Self.commutes.name).rowsRejected == 1)
    }

    // MARK: Car time to Paris

    @Test func carTimeToParisIsDescriptiveNotScored() throws {
        let definition = try #require(AtlasBuilder.catalogue.first { $0.id == "temps_voiture_paris_min" })
        #expect(definition.direction == .neutral)
        #expect(definition.dimension == .metropole)
        let draft = try Fixture.draft()
        let matrix = IndicatorMatrix(communes: draft.communes, indicators: draft.catalogue,
                                     values: draft.communes.indices.flatMap { row in draft.catalogue.map { draft.value($0.id, row) ?? .nan } })
        let column = try #require(matrix.indicator("temps_voiture_paris_min"))
        #expect(!PeerScores(matrix: matrix, group: .smallTowns).scoredIndicators.contains(column))
    }
}
