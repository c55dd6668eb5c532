import BourgCore
import Foundation
import Testing
@testable import BourgData

/// Services, health, schools and childcare: BPE 2024, DREES APL 2023, CNAF childcare, DEPP IPS; and what they
/// changed in Basilic, CartoSanté and France Services (presence and distances instead of counts).
@Suite("Importers: BPE 2024, APL, childcare, IPS")
struct ImporterGroupBTests {
    /// Mainland fixture communes with at least one bank, petrol station and cinema in the BPE 2024 excerpt.
    static let mainlandWithShops = ["01004", "01033", "46102", "75056", "89025"]

    // MARK: BPE 2024

    @Test func bpe2024RatesPerInhabitantUseThe2021Population() throws {
        let draft = try Fixture.draft()
        // Figeac (9 770 inhabitants): pharma 6, alim 49, boulang 19, bouch 5, resto 56.
        #expect(try draft.value("pharmacies_pour_10000", "46102") == 6.14)
        #expect(try draft.value("commerces_alimentaires_pour_1000", "46102") == 5.02)
        #expect(try draft.value("boulangeries_pour_1000", "46102") == 1.94) // 16 in BPE 2019: 1.64
        #expect(try draft.value("boucheries_pour_1000", "46102") == 0.51)
        #expect(try draft.value("restaurants_pour_1000", "46102") == 5.73)
        // Ambérieu 4 pharmacies / 14 854; Paris 877 / 2 133 111 (one COG 2025 row, the sum of its arrondissements).
        #expect(try draft.value("pharmacies_pour_10000", "01004") == 2.69)
        #expect(try draft.value("pharmacies_pour_10000", "75056") == 4.11)
        // Elderly housing places, descriptive: Figeac 235 / 9 770 × 1 000.
        #expect(try draft.value("places_hebergement_personnes_agees_pour_1000", "46102") == 24.05)
        // A commune of 0 inhabitants has no rate (not 0), though its row says 0 equipment.
        #expect(try draft.value("pharmacies_pour_10000", "55039") == nil)
        #expect(try draft.value("restaurants_pour_1000", "55039") == nil)
        let provenance = try draft.provenance(BPE2024Importer.sourceID, BPE2024Importer.fileName)
        #expect(provenance.rowsRead == 10)
        #expect(provenance.rowsUnmatched == 1) // 01001
        #expect(provenance.rowsRejected == 0)
    }

    @Test func bpe2024PresenceFlags() throws {
        let draft = try Fixture.draft()
        #expect(try draft.value("service_postal", "46102") == 1) // poste 1
        #expect(try draft.value("service_postal", "46172") == 0)
        #expect(try draft.value("service_postal", "55039") == 0) // a row of zeros: none
        #expect(try draft.value("poissonnerie", "46102") == 1)
        #expect(try draft.value("poissonnerie", "01004") == 0)
    }

    @Test func bpe2024DistancesToBanksAndPetrolStations() throws {
        let draft = try Fixture.draft()
        for code in Self.mainlandWithShops + ["2A004", "97411"] {
            #expect(try draft.value("distance_banque_km", code) == 0, "bank in \(code)")
            #expect(try draft.value("distance_station_service_km", code) == 0, "petrol station in \(code)")
        }
        // Pern-Lhospitalet and Beaumont-en-Verdunois have neither.
        for code in ["46172", "55039"] {
            let nearest = rounded(try draft.nearestKm(from: code, to: Self.mainlandWithShops), 1)
            #expect(try draft.value("distance_banque_km", code) == nearest)
            #expect(try draft.value("distance_station_service_km", code) == nearest)
        }
    }

    @Test func bpe2024CulturalDistancesUseBPEAndBasilic() throws {
        let draft = try Fixture.draft()
        // Ajaccio has no Basilic value (Corsica) but 6 cinemas in the BPE; Saint-Denis 2.
        #expect(try draft.value("distance_cinema_km", "2A004") == 0)
        #expect(try draft.value("distance_cinema_km", "97411") == 0)
        #expect(try draft.value("distance_cinema_km", "46102") == 0)
        let pern = try draft.nearestKm(from: "46172", to: Self.mainlandWithShops) // Figeac
        #expect((40...70).contains(pern))
        #expect(try draft.value("distance_cinema_km", "46172") == rounded(pern, 1))
        // Libraries: Pern-Lhospitalet has one (both sources); Beaumont-en-Verdunois none.
        #expect(try draft.value("distance_bibliotheque_km", "46172") == 0)
        #expect(try draft.value("distance_bibliotheque_km", "55039")
                == rounded(try draft.nearestKm(from: "55039", to: ["01004", "01033", "46102", "46172", "75056", "89025"]), 1))
        // Conservatoires: Valserhône, Paris, Avallon (mainland); Ajaccio and Saint-Denis on their own territory.
        #expect(try draft.value("distance_conservatoire_km", "01033") == 0)
        #expect(try draft.value("distance_conservatoire_km", "2A004") == 0)
        #expect(try draft.value("distance_conservatoire_km", "46102")
                == rounded(try draft.nearestKm(from: "46102", to: ["01033", "75056", "89025"]), 1))
    }

    @Test func bpe2024SeatsOfZeroBesideACinemaAreMissing() throws {
        let draft = try Fixture.draft()
        #expect(try draft.value("places_cinema", "46102") == 317)
        #expect(try draft.value("places_cinema", "46172") == 0) // no cinema, no seat
        // Saint-Denis: 2 cinemas and 0 seats in the source, a gap: no value.
        #expect(try draft.value("places_cinema", "97411") == nil)
    }

    @Test func bpe2024Definitions() throws {
        let catalogue = Dictionary(uniqueKeysWithValues: AtlasBuilder.catalogue.map { ($0.id, $0) })
        let restaurants = try #require(catalogue["restaurants_pour_1000"])
        #expect(restaurants.dimension == .commerce)
        #expect(restaurants.vintage == "2024")
        #expect(try #require(catalogue["poissonnerie"]).kind == .flag)
        #expect(try #require(catalogue["places_cinema"]).direction == .neutral)
        #expect(try #require(catalogue["equipements_sport_bpe_pour_1000"]).direction == .neutral)
        #expect(try #require(catalogue["distance_cinema_km"]).sources == [BPE2024Importer.sourceID, BasilicImporter.sourceID])
        // BPE 2019 keeps only what 2024 does not detail, and says 2019.
        for item in BPEImporter.items {
            let definition = try #require(catalogue[item.id])
            #expect(definition.vintage == "2019")
            #expect(definition.label.hasSuffix("(2019)"), "\(item.id)")
            #expect(definition.definition.contains("BPE 2019"))
        }
        for id in ["autres_commerces_quotidiens_pour_1000", "equipements_sport_loisirs_pour_1000", "apl_medecins_generalistes_bv"] {
            #expect(catalogue[id] == nil, "\(id) was replaced")
        }
    }

    // MARK: Counts that favoured big towns

    @Test func countsAreNeverScored() throws {
        let catalogue = Dictionary(uniqueKeysWithValues: AtlasBuilder.catalogue.map { ($0.id, $0) })
        for item in BasilicImporter.counts {
            #expect(catalogue[item.id]?.direction == .neutral, "\(item.id)")
        }
        for id in ["medecins_generalistes_pour_10000", "densite_generalistes_bv", "places_accueil_jeune_enfant", "places_creche",
                   "ips_ecoles", "ips_colleges_publics"] {
            #expect(catalogue[id]?.direction == .neutral, "\(id)")
        }
        #expect(catalogue["france_services"]?.kind == .flag)
    }

    @Test func franceServicesIsAPresenceFlag() throws {
        let draft = try Fixture.draft()
        #expect(try draft.value("france_services", "75056") == 1) // 11 sites
        #expect(try draft.value("france_services", "97411") == 1) // 3 sites
        #expect(try draft.value("france_services", "01004") == 1)
        #expect(try draft.value("france_services", "46102") == 0) // absent from the exhaustive list
    }

    @Test func basilicDistancesToMuseumsAndTheatres() throws {
        let draft = try Fixture.draft()
        #expect(try draft.value("distance_musee_km", "46102") == 0)
        #expect(try draft.value("distance_musee_km", "46172") == rounded(try draft.nearestKm(from: "46172", to: ["46102", "75056"]), 1))
        #expect(try draft.value("distance_theatre_scene_km", "55039") == 0) // a Scène
        #expect(try draft.value("distance_theatre_scene_km", "01033") == 0) // a Théâtre
        #expect(try draft.value("distance_theatre_scene_km", "46102")
                == rounded(try draft.nearestKm(from: "46102", to: ["01033", "55039", "75056"]), 1))
        // Corsica is missing from Basilic: no distance (never 0); Réunion has no museum in the excerpt: none either.
        #expect(try draft.value("distance_musee_km", "2A004") == nil)
        #expect(try draft.value("distance_musee_km", "97411") == nil)
    }

    // MARK: DREES APL

    @Test func aplOfEachCommune() throws {
        let draft = try Fixture.draft()
        // Figeac: apl_gen 4.252, apl_inf 181.789, apl_mk 120.201, apl_dent 55.137, apl_sf 32.048.
        #expect(try draft.value("apl_medecins_generalistes", "46102") == 4.25)
        #expect(try draft.value("apl_infirmiers", "46102") == 181.8)
        #expect(try draft.value("apl_kinesitherapeutes", "46102") == 120.2)
        #expect(try draft.value("apl_dentistes", "46102") == 55.1)
        #expect(try draft.value("apl_sages_femmes", "46102") == 32)
        #expect(try draft.value("apl_medecins_generalistes", "01033") == 1.86)
        #expect(try draft.value("apl_medecins_generalistes", "97411") == 4.74)
        // Paris: empty (computed by arrondissement only). Beaumont-en-Verdunois: population 0, its zeros are no APL.
        #expect(try draft.value("apl_medecins_generalistes", "75056") == nil)
        #expect(try draft.value("apl_medecins_generalistes", "55039") == nil)
        #expect(try draft.value("apl_sages_femmes", "55039") == nil)
        let provenance = try draft.provenance(APLImporter.sourceID, APLImporter.fileName)
        #expect(provenance.rowsRead == 10)
        #expect(provenance.rowsRejected == 1) // 55039
        #expect(provenance.rowsUnmatched == 1) // 01001
    }

    @Test func cartoSanteAplIsReplacedAndItsDensitiesDescribe() throws {
        let draft = try Fixture.draft()
        #expect(try draft.value("densite_generalistes_bv", "46102") == 6.9)
        let catalogue = Dictionary(uniqueKeysWithValues: AtlasBuilder.catalogue.map { ($0.id, $0) })
        #expect(catalogue["densite_infirmiers_bv"]?.direction == .neutral)
        #expect(catalogue["apl_medecins_generalistes"]?.direction == .higherIsBetter)
        #expect(LeverCatalogue.actions["apl_medecins_generalistes"]?.barrier == .sante)
        #expect(LeverCatalogue.actions["apl_medecins_generalistes_bv"] == nil)
    }

    // MARK: CNAF childcare

    @Test func childcareCoverageIsCappedAt100() throws {
        let draft = try Fixture.draft()
        #expect(try draft.value("taux_couverture_accueil_jeune_enfant", "46102") == 100) // 101.0 in the source
        #expect(try draft.value("taux_couverture_accueil_jeune_enfant", "01004") == 71.7)
        #expect(try draft.value("taux_couverture_accueil_jeune_enfant", "2A004") == 29.6)
        // "ND" (secret): no value, although the places are given.
        #expect(try draft.value("taux_couverture_accueil_jeune_enfant", "55039") == nil)
        #expect(try draft.value("taux_couverture_accueil_jeune_enfant", "75056") == nil)
        #expect(try draft.value("places_accueil_jeune_enfant", "46102") == 203)
        #expect(try draft.value("places_creche", "46102") == 89)
        #expect(try draft.value("places_accueil_jeune_enfant", "55039") == 0)
        #expect(try draft.value("places_accueil_jeune_enfant", "75056") == 57_965)
        let provenance = try draft.provenance("caf-accueil-jeune-enfant-2020-2021", CAFAccueilJeuneEnfantImporter.fileName)
        #expect(provenance.rowsRead == 10)
        #expect(provenance.rowsUnmatched == 1)
    }

    // MARK: DEPP IPS

    @Test func ipsOfEcolesAndPublicColleges() throws {
        let draft = try Fixture.draft()
        #expect(try draft.value("ips_ecoles", "46102") == 111.8)
        #expect(try draft.value("ips_colleges_publics", "46102") == 108.9)
        #expect(try draft.value("ips_ecoles", "46172") == 113.9)
        #expect(try draft.value("ips_colleges_publics", "01033") == 95.2)
        // No collège in Pern-Lhospitalet, no école in Beaumont-en-Verdunois: no value (never 0).
        #expect(try draft.value("ips_colleges_publics", "46172") == nil)
        #expect(try draft.value("ips_ecoles", "55039") == nil)
        // Paris: the écoles' mean is given; the collèges' IPS is empty (not additive).
        #expect(try draft.value("ips_ecoles", "75056") == 123.8)
        #expect(try draft.value("ips_colleges_publics", "75056") == nil)
        for item in IPSImporter.files {
            let provenance = try draft.provenance("depp-ips-ecoles-colleges", item.file)
            #expect(provenance.rowsRead == 10)
            #expect(provenance.rowsUnmatched == 1)
        }
    }
}
