import BourgCore
import Foundation
import Testing
@testable import BourgData

/// Income, employment, crime and housing: Filosofi, France Travail, SSMSI, DVF, RPLS, zonage A/B/C, price-to-income ratio.
@Suite("Importers: income, employment, security, housing")
struct ImporterEconomyHousingTests {
    // MARK: Filosofi

    @Test func filosofiReadsSemicolonFileWithDecimalCommas() throws {
        let draft = try Fixture.draft()
        #expect(try draft.value("revenu_median_uc", "46102") == 22150)
        #expect(try draft.value("taux_pauvrete", "46102") == 16) // "16,0"
        #expect(try draft.value("part_revenus_chomage", "46102") == 2.9) // "2,9"
        #expect(try draft.value("taux_pauvrete", "97411") == 33)
        #expect(try draft.value("part_revenus_chomage", "89025") == 2.4)
    }

    @Test func filosofiSecrecyAndNotAvailableMarkersStayMissing() throws {
        let draft = try Fixture.draft()
        // Beaumont-en-Verdunois: every cell "nd".
        #expect(try draft.value("revenu_median_uc", "55039") == nil)
        #expect(try draft.value("taux_pauvrete", "55039") == nil)
        // Lhospitalet and Pern: TP6021 and PCHO21 are "s" (secret).
        #expect(try draft.value("taux_pauvrete", "46172") == nil)
        #expect(try draft.value("part_revenus_chomage", "46172") == nil)
    }

    @Test func filosofiUsesParisOwnRowNotItsArrondissements() throws {
        let draft = try Fixture.draft()
        #expect(try draft.value("revenu_median_uc", "75056") == 29730)
        #expect(try draft.value("taux_pauvrete", "75056") == 16)
        let provenance = try draft.provenance("insee-filosofi-2021", "cc_filosofi_2021_COM.csv")
        #expect(provenance.rowsRead == 12)
        #expect(provenance.rowsUnmatched == 0)
        #expect(provenance.rowsRejected >= 2) // 75101 and 75102, parts of a commune that has its own row
    }

    /// The definition says: for a merged commune, the mean of its former communes weighted by their fiscal
    /// population. Lhospitalet 23 340 € (462 persons), Pern 22 360 € (382): 22 896 €.
    @Test func filosofiOfA2025MergerIsTheWeightedMeanOfItsFormerCommunes() throws {
        let draft = try Fixture.draft()
        let income = try draft.value("revenu_median_uc", "46172")
        #expect(income == 22896)
    }

    // MARK: France Travail

    @Test func franceTravailAveragesTheTwelveMonthsOf2024PerThousandInhabitants() throws {
        let draft = try Fixture.draft()
        // Figeac 2024: 930 + 940 + 930 + 920 + 920 + 880 + 890 + 910 + 940 + 960 + 950 + 940 = 11 110;
        // mean 925.83 / 9 770 × 1 000 = 94.8 (the 2023-12 row and the département row are ignored).
        #expect(try draft.value(FranceTravailImporter.indicatorID, "46102") == 94.8)
        // Avallon has only 11 months of 2024 in the excerpt: no value.
        #expect(try draft.value(FranceTravailImporter.indicatorID, "89025") == nil)
        // Communes under 5 000 inhabitants are not published: missing, not 0.
        #expect(try draft.value(FranceTravailImporter.indicatorID, "46172") == nil)
        #expect(try draft.value(FranceTravailImporter.indicatorID, "01004") == nil)
        // Descriptive now: the annual file of every commune gives the scored figure.
        #expect(FranceTravailImporter().indicators.allSatisfy { $0.direction == .neutral })
    }

    // MARK: SSMSI

    @Test func ssmsiLatestRatesAndTrends() throws {
        let draft = try Fixture.draft()
        // Figeac 2024 rates, and least-squares slopes over 2016–2024.
        #expect(try draft.value("violences_personnes_pour_1000", "46102") == 14.9)
        #expect(try draft.value("atteintes_biens_pour_1000", "46102") == 21.2)
        #expect(try draft.value("destructions_degradations_pour_1000", "46102") == 8.6)
        #expect(try draft.value("violences_personnes_tendance", "46102") == 1.015)
        #expect(try draft.value("atteintes_biens_tendance", "46102") == 0.418)
        #expect(try draft.value("destructions_degradations_tendance", "46102") == 0.235)
        // Ambérieu 2020–2024: five years are enough for a trend.
        #expect(try draft.value("violences_personnes_pour_1000", "01004") == 17)
        #expect(try draft.value("violences_personnes_tendance", "01004") == 1.38)
        // Ajaccio has only 2024: a rate, no trend.
        #expect(try draft.value("violences_personnes_pour_1000", "2A004") == 6)
        #expect(try draft.value("violences_personnes_tendance", "2A004") == nil)
    }

    @Test func ssmsiEmptyCellsAreMissingNotZero() throws {
        let draft = try Fixture.draft()
        // Pern-Lhospitalet: violences 0 every year (trend 0); atteintes 0 in 2016–2018 and 2024, empty in
        // 2019–2023 (4 years: no trend); destructions always empty.
        #expect(try draft.value("violences_personnes_pour_1000", "46172") == 0)
        #expect(try draft.value("violences_personnes_tendance", "46172") == 0)
        #expect(try draft.value("atteintes_biens_pour_1000", "46172") == 0)
        #expect(try draft.value("atteintes_biens_tendance", "46172") == nil)
        #expect(try draft.value("destructions_degradations_pour_1000", "46172") == nil)
        #expect(try draft.value("destructions_degradations_tendance", "46172") == nil)
        #expect(try draft.value("violences_personnes_pour_1000", "55039") == nil)
        #expect(try draft.value("violences_personnes_pour_1000", "75056") == nil) // no row in the excerpt
    }

    // MARK: DVF

    @Test func dvfMedianPricesNeedTenSales() throws {
        let draft = try Fixture.draft()
        #expect(try draft.value("prix_m2_maison", "46102") == 1695) // 42 sales
        #expect(try draft.value("prix_m2_appartement", "46102") == 1742) // 45 sales
        #expect(try draft.value("prix_m2_appartement", "89025") == 1190) // 17 sales
        #expect(try draft.value("prix_m2_maison", "97411") == 3267)
        // Pern-Lhospitalet: a house median from 5 sales is left missing; no apartment sale (empty cells).
        #expect(try draft.value("prix_m2_maison", "46172") == nil)
        #expect(try draft.value("prix_m2_appartement", "46172") == nil)
        #expect(try draft.value("prix_m2_maison", "75056") == nil) // absent from the source
    }

    @Test func priceToIncomeRatioCombinesDVFAndFilosofi() throws {
        let draft = try Fixture.draft()
        #expect(try draft.value("rapport_prix_revenu", "46102") == 7.7) // 1 695 × 100 / 22 150
        #expect(try draft.value("rapport_prix_revenu", "01004") == 11.5) // 2 500 × 100 / 21 660
        #expect(try draft.value("rapport_prix_revenu", "2A004") == 19.8) // 4 618 × 100 / 23 320
        #expect(try draft.value("rapport_prix_revenu", "46172") == nil) // no price
        #expect(try draft.value("rapport_prix_revenu", "75056") == nil)
    }

    // MARK: RPLS

    @Test func rplsSocialHousingPerThousandInhabitants() throws {
        let draft = try Fixture.draft()
        #expect(try draft.value("logements_sociaux_pour_1000", "46102") == 73.6) // 719 / 9 770 × 1 000
        #expect(try draft.value("logements_sociaux_pour_1000", "01004") == 142) // 2 109 / 14 854
        #expect(try draft.value("logements_sociaux_pour_1000", "97411") == 150.4) // 23 271 / 154 765
        // Paris: the 20 arrondissement rows summed (245 752) over 2 133 111 inhabitants.
        #expect(try draft.value("logements_sociaux_pour_1000", "75056") == 115.2)
        // Lhospitalet's row has empty cells except nb_ls = 5.
        let pern = try #require(try draft.commune("46172").population)
        #expect(try draft.value("logements_sociaux_pour_1000", "46172") == rounded(5 / Double(pern) * 1_000, 1))
        // Absent from the file: none, but a commune of 0 inhabitants has no rate.
        #expect(try draft.value("logements_sociaux_pour_1000", "55039") == nil)
        let provenance = try draft.provenance("rpls-logements-sociaux", "rpls_logements_sociaux_communes_2024.csv")
        #expect(provenance.rowsRead == 28)
        #expect(provenance.rowsRejected == 0)
        #expect(provenance.rowsUnmatched == 1) // 01001
    }

    // MARK: Zonage A/B/C

    @Test func zonageABCCodesFromRelaxedToTightest() throws {
        let draft = try Fixture.draft()
        // C = 1, B2 = 2, B1 = 3, A = 4, Abis = 5.
        #expect(try draft.value("zone_abc", "46102") == 1)
        #expect(try draft.value("zone_abc", "01004") == 3)
        #expect(try draft.value("zone_abc", "97411") == 3)
        #expect(try draft.value("zone_abc", "2A004") == 4)
        #expect(try draft.value("zone_abc", "75056") == 5)
        #expect(try draft.value("zone_abc", "46172") == 1) // Lhospitalet C, Pern C
    }
}
