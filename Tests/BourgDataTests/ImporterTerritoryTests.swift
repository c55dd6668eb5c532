import BourgCore
import Foundation
import Testing
@testable import BourgData

/// Land, typologies, broadband and programme lists: Copernicus, CLC, altitude, littoral, typologies, ARCEP,
/// second homes, Petites villes de demain, Action cœur de ville.
@Suite("Importers: territory, broadband, programmes")
struct ImporterTerritoryTests {
    // MARK: Copernicus

    @Test func copernicusValuesRoundedToThreeDecimals() throws {
        let draft = try Fixture.draft()
        #expect(try draft.value("couvert_arbore_pct", "46102") == 24.54)
        #expect(try draft.value("sols_impermeabilises_pct", "46102") == 6.93)
        #expect(try draft.value("luminance_ciel_mcd_m2", "46102") == 0.313) // 0.3126
        #expect(try draft.value("luminance_ciel_mcd_m2", "75056") == 8.903) // 8.9029
        #expect(try draft.value("sols_impermeabilises_pct", "55039") == 0)
        #expect(try draft.value("couvert_arbore_pct", "97411") == nil) // no overseas row
    }

    // MARK: CLC

    @Test func clcLandTakePerSquareKilometre() throws {
        let draft = try Fixture.draft()
        let amberieuArea = try #require(try draft.commune("01004").areaKm2)
        #expect(try draft.value("artificialisation_2012_2018_ha_km2", "01004") == rounded(8.25 / amberieuArea, 3))
        let ajaccioArea = try #require(try draft.commune("2A004").areaKm2)
        #expect(try draft.value("artificialisation_2012_2018_ha_km2", "2A004") == rounded(12.9 / ajaccioArea, 3))
        #expect(try draft.value("artificialisation_2012_2018_ha_km2", "46102") == 0) // listed with 0.0 ha
    }

    @Test func clcAbsentCommuneHasNoChangeButOverseasHasNoValue() throws {
        let draft = try Fixture.draft()
        // Avallon and Beaumont-en-Verdunois are not in the file: no detectable change, 0.
        #expect(try draft.value("artificialisation_2012_2018_ha_km2", "89025") == 0)
        #expect(try draft.value("artificialisation_2012_2018_ha_km2", "55039") == 0)
        // CLC does not cover the overseas départements: missing, never 0.
        #expect(try draft.value("artificialisation_2012_2018_ha_km2", "97411") == nil)
    }

    // MARK: Altitude

    @Test func altitudeInWholeMetres() throws {
        let draft = try Fixture.draft()
        #expect(try draft.value("altitude_moyenne_m", "46102") == 290)
        #expect(try draft.value("altitude_moyenne_m", "01033") == 739)
        #expect(try draft.value("altitude_moyenne_m", "2A004") == 69)
        #expect(try draft.value("altitude_moyenne_m", "97411") == nil)
    }

    // MARK: Littoral

    @Test func littoralFlagsListedCommunesAndZeroForOthers() throws {
        let draft = try Fixture.draft()
        #expect(try draft.value("littoral_mer", "2A004") == 1)
        #expect(try draft.value("littoral_mer", "97411") == 1)
        #expect(try draft.value("littoral_mer", "46102") == 0)
        #expect(try draft.value("littoral_mer", "75056") == 0)
        let provenance = try draft.provenance("onml-communes-littorales-2019", "communes_littorales_mer_cog2025.csv")
        #expect(provenance.rowsRead == 3)
        #expect(provenance.rowsUnmatched == 1) // 06004 Antibes
    }

    // MARK: Typologies

    @Test func typologiesCodesFollowTheSourceLabels() throws {
        let draft = try Fixture.draft()
        // Density grid 1 (most dense) … 7.
        #expect(try draft.value("grille_densite", "75056") == 1)
        #expect(try draft.value("grille_densite", "46102") == 4) // Petites villes
        #expect(try draft.value("grille_densite", "46172") == 6) // Rural à habitat dispersé
        #expect(try draft.value("grille_densite", "55039") == 7)
        // Centrality 0 (non centre) … 4 (centre majeur); empty for overseas communes.
        #expect(try draft.value("centralite_equipements", "75056") == 4)
        #expect(try draft.value("centralite_equipements", "46102") == 3)
        #expect(try draft.value("centralite_equipements", "46172") == 0)
        #expect(try draft.value("centralite_equipements", "97411") == nil)
        // Rural typology.
        #expect(try draft.value("typologie_ruralite", "46102") == 9) // Hors champ
        #expect(try draft.value("typologie_ruralite", "46172") == 10) // perimeter changed
        // Massif: an empty cell means "Hors massif" (0).
        #expect(try draft.value("massif", "75056") == 0)
        #expect(try draft.value("massif", "55039") == 0)
        #expect(try draft.value("massif", "46102") == 2) // Massif Central
        #expect(try draft.value("massif", "2A004") == 3)
        #expect(try draft.value("massif", "01004") == 4) // Jura
        #expect(try draft.value("massif", "97411") == 9)
    }

    // MARK: ARCEP

    @Test func arcepSharesRecomputedFromPremisesCounts() throws {
        let draft = try Fixture.draft()
        #expect(try draft.value("part_locaux_fibre", "46102") == 95.8) // 8 367 / 8 736
        #expect(try draft.value("part_locaux_thd_filaire", "46102") == 95.8) // no cable
        // Paris: fibre 1 583 750, cable 1 409 139 of 1 617 813 premises; wired THD = the larger share.
        #expect(try draft.value("part_locaux_fibre", "75056") == 97.9)
        #expect(try draft.value("part_locaux_thd_filaire", "75056") == 97.9)
        // An empty premises count means none: Beaumont-en-Verdunois has 1 premise, no fibre.
        #expect(try draft.value("part_locaux_fibre", "55039") == 0)
        #expect(try draft.value("part_locaux_fibre", "97411") == 94.2) // 89 015 / 94 536
    }

    /// Premises of Lhospitalet (299 fibre of 318) and Pern (269 of 288) add up: 568 / 606 = 93.7 %.
    @Test func arcepOfA2025MergerAddsThePremisesOfItsFormerCommunes() throws {
        let draft = try Fixture.draft()
        let fibre = try draft.value("part_locaux_fibre", "46172")
        #expect(fibre == 93.7)
    }

    // MARK: Second homes

    @Test func secondHomesSharesWithEmptyCellsMissing() throws {
        let draft = try Fixture.draft()
        #expect(try draft.value("part_residences_secondaires_2022", "46102") == 4.31)
        #expect(try draft.value("part_residences_secondaires_2016", "46102") == 4.81)
        #expect(try draft.value("part_residences_secondaires_2022", "75056") == 9.72)
        #expect(try draft.value("part_residences_secondaires_2022", "55039") == nil) // empty cells
        #expect(try draft.value("part_residences_secondaires_2022", "97411") == nil) // no overseas row
    }

    // MARK: Programme lists

    @Test func petitesVillesDeDemainLists() throws {
        let draft = try Fixture.draft()
        #expect(try draft.value("petites_villes_de_demain", "89025") == 1)
        #expect(try draft.value("petites_villes_de_demain", "01033") == 1)
        #expect(try draft.value("petites_villes_de_demain", "46102") == 0)
        // The 2021 list (codgeo_actuel column; Avallon's row has a quoted EPCI name with commas).
        #expect(try draft.value("petites_villes_de_demain_2021", "89025") == 1)
        #expect(try draft.value("petites_villes_de_demain_2021", "01033") == 1)
        #expect(try draft.value("petites_villes_de_demain_2021", "97411") == 0)
        let provenance = try draft.provenance("anct-pvd-liste-2021-01", "pvd_communes_2021-01.csv")
        #expect(provenance.rowsRead == 3)
        #expect(provenance.rowsUnmatched == 1) // 78003 Ablis
    }

    @Test func actionCoeurDeVilleList() throws {
        let draft = try Fixture.draft()
        for code in ["01004", "2A004", "46102"] {
            #expect(try draft.value("action_coeur_de_ville", code) == 1, "ACV \(code)")
        }
        for code in ["01033", "46172", "55039", "75056", "89025", "97411"] {
            #expect(try draft.value("action_coeur_de_ville", code) == 0, "not ACV \(code)")
        }
    }

    @Test func indicatorsWithoutSourceStayMissing() throws {
        let draft = try Fixture.draft()
        #expect(draft.column("couverture_mobile_4g").allSatisfy { $0 == nil })
        #expect(draft.column("espaces_coworking").allSatisfy { $0 == nil })
        #expect(draft.catalogue.map(\.id) == AtlasBuilder.catalogue.map(\.id))
    }
}
