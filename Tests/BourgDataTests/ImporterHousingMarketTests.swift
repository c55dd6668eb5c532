import BourgCore
import Foundation
import Testing
@testable import BourgData

/// Housing market and supply (group D): advertised rents (ANIL), vacancy (LOVAC, census 2021), dwellings
/// authorised and started (Sitadel), the rule that withholds implausible DVF medians, and the directions of
/// social housing and the price-to-income ratio.
@Suite("Importers: housing market and supply")
struct ImporterHousingMarketTests {
    // MARK: Carte des loyers

    @Test func rentsAndTheirQualityFlagsAreReadAsTheFileGivesThem() throws {
        let draft = try Fixture.draft()
        // Figeac: every typology predicted on the commune's own ads.
        #expect(try draft.value("loyer_m2_appartement", "46102") == 11.42)
        #expect(try draft.value("loyer_m2_appartement_ip_bas", "46102") == 9.19)
        #expect(try draft.value("loyer_m2_appartement_ip_haut", "46102") == 14.2)
        #expect(try draft.value("loyer_appartement_annonces", "46102") == 2392)
        #expect(try draft.value("loyer_appartement_niveau_prediction", "46102") == 1) // commune
        #expect(try draft.value("loyer_m2_maison", "46102") == 9.52)
        #expect(try draft.value("loyer_m2_maison_ip_bas", "46102") == 6.99)
        #expect(try draft.value("loyer_m2_maison_ip_haut", "46102") == 12.96)
        #expect(try draft.value("loyer_maison_annonces", "46102") == 502)
        #expect(try draft.value("loyer_m2_appartement_1_2p", "46102") == 12.58)
        #expect(try draft.value("loyer_m2_appartement_3p_plus", "46102") == 9.09)
        // Pern-Lhospitalet: flats predicted on a maille (31 ads), houses on the commune (101 ads).
        #expect(try draft.value("loyer_appartement_niveau_prediction", "46172") == 2)
        #expect(try draft.value("loyer_appartement_annonces", "46172") == 31)
        #expect(try draft.value("loyer_maison_niveau_prediction", "46172") == 1)
        #expect(try draft.value("loyer_m2_maison", "46172") == 7.82)
        // Beaumont-en-Verdunois: a model estimate from no ad at all (0 is a true count).
        #expect(try draft.value("loyer_m2_appartement", "55039") == 9.6)
        #expect(try draft.value("loyer_appartement_annonces", "55039") == 0)
        #expect(try draft.value("loyer_m2_appartement", "97411") == 15.09)
    }

    @Test func rentsOfParisAreMissingAndUnknownCodesCounted() throws {
        let draft = try Fixture.draft()
        // Paris is published per arrondissement only: its row is empty.
        for id in ["loyer_m2_appartement", "loyer_m2_maison", "loyer_appartement_annonces", "loyer_maison_niveau_prediction"] {
            #expect(try draft.value(id, "75056") == nil, "\(id)")
        }
        let provenance = try draft.provenance("anil-carte-des-loyers-2025", "loyers_annonces_2025_cog2025.csv")
        #expect(provenance.rowsRead == 10)
        #expect(provenance.rowsUnmatched == 1) // 01001
        #expect(provenance.rowsRejected == 0)
    }

    @Test func onlyFlatsAsAWholeAndHousesAreScored() {
        let catalogue = Dictionary(uniqueKeysWithValues: CarteDesLoyersImporter().indicators.map { ($0.id, $0) })
        #expect(catalogue["loyer_m2_appartement"]?.direction == .lowerIsBetter)
        #expect(catalogue["loyer_m2_maison"]?.direction == .lowerIsBetter)
        #expect(catalogue["loyer_m2_appartement_1_2p"]?.direction == .neutral)
        #expect(catalogue["loyer_m2_appartement_3p_plus"]?.direction == .neutral)
        #expect(catalogue["loyer_m2_maison_ip_haut"]?.direction == .neutral)
        #expect(catalogue["loyer_maison_niveau_prediction"]?.kind == .category)
        #expect(catalogue.values.allSatisfy { $0.definition.contains("ANIL-DHUP") })
        #expect(catalogue["loyer_m2_maison"]?.definition.contains("Estimation d'un modèle") == true)
    }

    // MARK: Vacancy

    @Test func lovacRatesWithSecretCellsMissing() throws {
        let draft = try Fixture.draft()
        #expect(try draft.value("taux_vacance_longue_parc_prive", "46102") == 6.08)
        #expect(try draft.value("taux_vacance_parc_prive", "46102") == 10.75)
        #expect(try draft.value("taux_vacance_longue_parc_prive", "89025") == 9.87)
        #expect(try draft.value("taux_vacance_parc_prive", "89025") == 15.73)
        // Pern-Lhospitalet: the long-term rate is suppressed (empty), the total is published.
        #expect(try draft.value("taux_vacance_parc_prive", "46172") == 6.04)
        #expect(try draft.value("taux_vacance_longue_parc_prive", "46172") == nil)
        for code in ["55039", "75056"] {
            #expect(try draft.value("taux_vacance_parc_prive", code) == nil)
            #expect(try draft.value("taux_vacance_longue_parc_prive", code) == nil)
        }
        let provenance = try draft.provenance("lovac-logements-vacants-parc-prive-2025", "lovac_taux_vacance_2025_cog2025.csv")
        #expect(provenance.rowsRead == 10)
        #expect(provenance.rowsUnmatched == 1)
    }

    @Test func censusVacancyRate() throws {
        let draft = try Fixture.draft()
        #expect(try draft.value("taux_vacance_2021", "46102") == 14.63) // 966 / 6 602
        #expect(try draft.value("taux_vacance_2021", "46172") == 8.38) // Lhospitalet + Pern summed by the carrier
        #expect(try draft.value("taux_vacance_2021", "75056") == 9.48)
        #expect(try draft.value("taux_vacance_2021", "97411") == 9.39)
        #expect(try draft.value("taux_vacance_2021", "55039") == nil) // uninhabited: empty row
        let provenance = try draft.provenance("insee-rp2021-logements-vacants", "logements_vacants_rp2021_cog2025.csv")
        #expect(provenance.rowsUnmatched == 1)
    }

    @Test func vacancyDirections() {
        let lovac = Dictionary(uniqueKeysWithValues: LOVACImporter().indicators.map { ($0.id, $0.direction) })
        #expect(lovac["taux_vacance_longue_parc_prive"] == .lowerIsBetter)
        #expect(lovac["taux_vacance_parc_prive"] == .neutral)
        #expect(LogementsVacantsRPImporter().indicators.map(\.direction) == [.neutral])
    }

    // MARK: Sitadel

    @Test func dwellingsAuthorisedAndStartedAsYearlyMeansPerThousand() throws {
        let draft = try Fixture.draft()
        // Figeac, authorised 2021–2024: 64 + 67 + 66 + 14 = 211, / 4 / 9 770 × 1 000 = 5.40.
        #expect(try draft.value("logements_autorises_2021_2024_pour_1000", "46102") == 5.4)
        // Started 2021–2023: 25 + 24 + 33 = 82, / 3 / 9 770 × 1 000 = 2.80 (2024, provisional, left out).
        #expect(try draft.value("logements_commences_2021_2023_pour_1000", "46102") == 2.8)
        // Authorised 2013–2015: 81 + 21 + 41 = 143, / 3 / 9 826 (population 2015) × 1 000 = 4.85.
        #expect(try draft.value("logements_autorises_2013_2015_pour_1000", "46102") == 4.85)
        // Valserhône 2021–2024: 215 + 126 + 211 + 127 = 679, / 4 / 16 295 × 1 000 = 10.42.
        #expect(try draft.value("logements_autorises_2021_2024_pour_1000", "01033") == 10.42)
        // Pern-Lhospitalet 2013–2015: 7 + 6 + 19 = 32, / 3 / (470 + 460) × 1 000 = 11.47.
        #expect(try draft.value("logements_autorises_2013_2015_pour_1000", "46172") == 11.47)
        // Paris: city totals, 2 385 + 2 379 + 1 520 + 3 924 = 10 208, / 4 / 2 133 111 × 1 000 = 1.20.
        #expect(try draft.value("logements_autorises_2021_2024_pour_1000", "75056") == 1.2)
    }

    @Test func sitadelUsesThe2015PopulationOnTodaysTerritoryAndLeavesNoValueWithoutCounts() throws {
        let draft = try Fixture.draft()
        // Valserhône's 2015 population is now INSEE's on the 2025 territory (the 2019 merger included), not
        // Bellegarde's alone (11,809 in the per-year-boundary file): its 2013–2015 rate has a fair denominator.
        let population2015 = try #require(try draft.commune("01033").population2015)
        #expect(population2015 > 11_809)
        #expect((try draft.value("logements_autorises_2013_2015_pour_1000", "01033") ?? 0) > 0)
        // Beaumont-en-Verdunois: an empty row, and no inhabitant.
        for id in ["logements_autorises_2021_2024_pour_1000", "logements_commences_2021_2023_pour_1000", "logements_autorises_2013_2015_pour_1000"] {
            #expect(try draft.value(id, "55039") == nil, "\(id)")
        }
        let provenance = try draft.provenance("sdes-sitadel-logements-2013-2025", "logements_autorises_commences_2013_2025_cog2025.csv")
        #expect(provenance.rowsRead == 10)
        #expect(provenance.rowsUnmatched == 1)
        let directions = Dictionary(uniqueKeysWithValues: SitadelImporter().indicators.map { ($0.id, $0.direction) })
        #expect(directions["logements_autorises_2021_2024_pour_1000"] == .higherIsBetter)
        #expect(directions["logements_autorises_2013_2015_pour_1000"] == .neutral)
        #expect(directions["logements_commences_2021_2023_pour_1000"] == .neutral)
    }

    // MARK: DVF plausibility

    @Test func noFixtureMedianIsImplausible() throws {
        let draft = try Fixture.draft()
        // In the excerpt, no median is 3 times its département's: Ambérieu 2 500 and Valserhône 3 098 (Ain,
        // median 2 799), Figeac 1 695 alone in the Lot (Pern-Lhospitalet has 5 sales).
        #expect(DVFPlausibility.implausible(in: draft).isEmpty)
        #expect(try draft.value("prix_m2_maison", "01033") == 3098)
        #expect(try draft.provenance("dvf-prix-m2", "dvf_prix_m2_communes_12mois.csv").rowsRejected == 0)
    }

    /// The rule on the figures of the real files (DVF medians of communes with ≥ 10 sales, ANIL 2025 rents).
    @Test func theRuleWithholdsMultiLotMediansAndKeepsExpensiveResorts() {
        // Les Mazures (Ardennes), houses: 18 021 €/m² from 14 sales; Ardennes median 1 458; the 8 communes
        // within 15 km 1 336.5; rent 6.54 €/m²/month: 230 years of rent.
        #expect(DVFPlausibility.isImplausible(price: 18_021, departementMedian: 1_458, neighbourMedian: 1_336.5, monthlyRent: 6.54))
        // Livernon (Lot), flats: 15 333 €/m² from 16 sales; Lot median 1 742; no commune within 15 km, the 3 nearest
        // (Figeac 1 742, Capdenac-Gare 2 503, Saint-Céré 3 182) 2 503; rent 8.77: 146 years.
        #expect(DVFPlausibility.isImplausible(price: 15_333, departementMedian: 1_742, neighbourMedian: 2_503, monthlyRent: 8.77))
        // Le Touquet-Paris-Plage, houses: 9 684 €/m², 5.6 times the Pas-de-Calais median (1 724.5) and 76 years
        // of rent, but its neighbours (Cucq, Camiers, Hardelot…) sell at 3 300: an expensive resort, kept.
        #expect(!DVFPlausibility.isImplausible(price: 9_684, departementMedian: 1_724.5, neighbourMedian: 3_300, monthlyRent: 10.61))
        // Saint-Tropez, houses: 13 379 €/m², 3.4 times the Var median (3 990.5) but its neighbours sell at 9 212: kept.
        #expect(!DVFPlausibility.isImplausible(price: 13_379, departementMedian: 3_990.5, neighbourMedian: 9_212, monthlyRent: 17.75))
        // Without a rent, the prices alone never withhold.
        #expect(!DVFPlausibility.isImplausible(price: 18_021, departementMedian: 1_458, neighbourMedian: 1_336.5, monthlyRent: nil))
    }

    @Test func theDefinitionsSayTheRuleAndWhatTheRatioDividesBy() throws {
        let draft = try Fixture.draft()
        let house = try #require(draft.catalogue.first { $0.id == "prix_m2_maison" })
        #expect(house.definition.contains("plus de 3 fois la médiane des communes du département"))
        #expect(house.sources.contains("anil-carte-des-loyers-2025"))
        let ratio = try #require(draft.catalogue.first { $0.id == "rapport_prix_revenu" })
        #expect(ratio.label.contains("niveau de vie"))
        #expect(ratio.definition.contains("par unité de consommation"))
        #expect(ratio.definition.contains("Ce n'est pas le revenu d'un ménage"))
        let social = try #require(draft.catalogue.first { $0.id == "logements_sociaux_pour_1000" })
        #expect(social.direction == .neutral)
    }
}

/// The group's figures on the atlas built from the real data (skipped without it).
@Suite("Real atlas: housing market", .enabled(if: RealAtlas.isAvailable, "BOURG_TEST_ATLAS is not set or missing: run scripts/test with ../shared/data present"))
struct RealAtlasHousingMarketTests {
    func value(_ atlas: AtlasDatabase, _ code: String, _ id: String) throws -> Double? {
        try atlas.readings(for: code).first { $0.definition.id == id }?.value
    }

    @Test func implausibleDVFMediansAreWithheldAndCounted() throws {
        let atlas = try RealAtlas.open()
        #expect(try value(atlas, "08284", "prix_m2_maison") == nil) // Les Mazures 18 021 €/m²
        #expect(try value(atlas, "62080", "prix_m2_maison") == nil) // Bapaume 12 088
        #expect(try value(atlas, "46176", "prix_m2_appartement") == nil) // Livernon 15 333
        #expect(try value(atlas, "62080", "rapport_prix_revenu") == nil)
        #expect(try value(atlas, "62826", "prix_m2_maison") == 9_684) // Le Touquet-Paris-Plage
        #expect(try value(atlas, "83119", "prix_m2_maison") == 13_379) // Saint-Tropez
        #expect(try value(atlas, "46102", "prix_m2_maison") == 1_695) // Figeac
        let dvf = try #require(try atlas.provenance().first { $0.source.id == "dvf-prix-m2" })
        #expect(dvf.rowsRejected == 50) // 14 house and 36 flat medians, no row with both
    }

    @Test func figeacHousingFigures() throws {
        let atlas = try RealAtlas.open()
        #expect(try value(atlas, "46102", "loyer_m2_appartement") == 11.42)
        #expect(try value(atlas, "46102", "taux_vacance_longue_parc_prive") == 6.08)
        #expect(try value(atlas, "46102", "taux_vacance_2021") == 14.63)
        #expect(try value(atlas, "46102", "logements_autorises_2021_2024_pour_1000") == 5.4)
    }
}
