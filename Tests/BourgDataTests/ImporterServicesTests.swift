import BourgCore
import Foundation
import Testing
@testable import BourgData

/// Mobility, culture, health and public services: SNCF, OSRM, Basilic, BPE 2019, CartoSanté, France Services, éloignement
/// (BPE 2024, APL, childcare and IPS in `ImporterGroupBTests`).
@Suite("Importers: mobility and services")
struct ImporterServicesTests {
    /// The fixture communes of mainland France (SNCF and most distances apply to them).
    static let mainland = ["01004", "01033", "46102", "46172", "55039", "75056", "89025"]

    // MARK: SNCF

    @Test func sncfFlagsCommunesWithAStationAndSumsTheirPassengers() throws {
        let draft = try Fixture.draft()
        for code in ["01004", "01033", "46102", "75056", "89025"] {
            #expect(try draft.value("gare_dans_commune", code) == 1, "station in \(code)")
        }
        #expect(try draft.value("gare_dans_commune", "46172") == 0)
        #expect(try draft.value("gare_dans_commune", "55039") == 0)
        #expect(try draft.value("voyageurs_gares_2024", "46102") == 214_108)
        // Paris: Gare de Lyon 113 224 230 + Saint-Lazare 114 093 491 + Avenue Foch (source code 75116) 1 192 103.
        #expect(try draft.value("voyageurs_gares_2024", "75056") == 228_509_824)
        #expect(try draft.value("voyageurs_gares_2024", "46172") == 0)
        // SNCF covers mainland France only: Corsica and overseas have no value (not 0).
        for code in ["2A004", "97411"] {
            #expect(try draft.value("gare_dans_commune", code) == nil)
            #expect(try draft.value("voyageurs_gares_2024", code) == nil)
            #expect(try draft.value("distance_gare_km", code) == nil)
            #expect(try draft.value("distance_gare_grandes_lignes_km", code) == nil)
        }
    }

    @Test func sncfStationsAreStoredWithTheirCurrentCommune() throws {
        let draft = try Fixture.draft()
        // 8 rows; Le Bourget T11 (93029) is not a commune of the fixture.
        #expect(draft.stations.count == 7)
        let foch = try #require(draft.stations.first { $0.name == "Avenue Foch" })
        #expect(foch.communeCode == "75056")
        #expect(foch.longDistance == false)
        let figeac = try #require(draft.stations.first { $0.name == "Figeac" })
        #expect(figeac.segment == "B")
        #expect(figeac.longDistance)
        #expect(figeac.passengers2019 == 99_922)
        let provenance = try draft.provenance("sncf-gares", "gares_voyageurs.csv")
        #expect(provenance.rowsRead == 8)
        #expect(provenance.rowsUnmatched == 1)
    }

    @Test func sncfDistancesAreToTheNearestStationAndLongDistanceStation() throws {
        let draft = try Fixture.draft()
        /// Rounded distance (km) from a commune's town hall to the nearest station among `stations`.
        func nearest(_ code: String, _ stations: [Station]) throws -> Double {
            let origin = try #require(try draft.commune(code).position)
            let distance = try #require(stations.map { origin.distanceKm(to: GeoPoint(latitude: $0.latitude, longitude: $0.longitude)) }.min())
            return rounded(distance, 1)
        }
        let longDistance = draft.stations.filter(\.longDistance) // Bellegarde, Figeac, Paris Gare de Lyon
        #expect(longDistance.count == 3)
        for code in Self.mainland {
            #expect(try draft.value("distance_gare_km", code) == nearest(code, draft.stations), "distance_gare_km \(code)")
            #expect(try draft.value("distance_gare_grandes_lignes_km", code) == nearest(code, longDistance), "grandes lignes \(code)")
        }
        // Figeac's town hall is under a kilometre from its station; Ambérieu's nearest TGV/Intercités stop is Bellegarde.
        #expect(try #require(try draft.value("distance_gare_km", "46102")) < 1)
        let amberieu = try #require(try draft.value("distance_gare_grandes_lignes_km", "01004"))
        #expect((30...60).contains(amberieu))
    }

    // MARK: OSRM

    @Test func osrmDrivingTimeToParisInWholeMinutes() throws {
        let draft = try Fixture.draft()
        #expect(try draft.value("temps_voiture_paris_min", "46102") == 378)
        #expect(try draft.value("temps_voiture_paris_min", "2A004") == 978) // 978.4
        #expect(try draft.value("temps_voiture_paris_min", "75056") == 0)
        #expect(try draft.value("temps_voiture_paris_min", "46172") == 373)
        #expect(try draft.value("temps_voiture_paris_min", "97411") == nil) // no overseas row
    }

    // MARK: Basilic

    @Test func basilicCountsCulturalPlacesByType() throws {
        let draft = try Fixture.draft()
        #expect(try draft.value("cinemas", "75056") == 82)
        #expect(try draft.value("theatres_scenes", "75056") == 163) // Théâtre 159 + Scène 4
        #expect(try draft.value("musees", "75056") == 58)
        #expect(try draft.value("lieux_culturels", "75056") == 303) // 82 + 58 + 4 + 159
        #expect(try draft.value("monuments_historiques", "46102") == 27)
        #expect(try draft.value("lieux_culturels", "46102") == 31)
        #expect(try draft.value("bibliotheques", "01033") == 5)
        #expect(try draft.value("conservatoires", "01033") == 1)
        #expect(try draft.value("theatres_scenes", "55039") == 1)
        // A commune without rows has 0 of every type…
        #expect(try draft.value("cinemas", "46172") == 0)
        #expect(try draft.value("lieux_culturels", "97411") == 0)
    }

    @Test func basilicHasNoValueForCorsica() throws {
        let draft = try Fixture.draft()
        // …except in Corsica, which the source lost: missing, never 0.
        for item in BasilicImporter.counts {
            #expect(try draft.value(item.id, "2A004") == nil, "\(item.id) for Ajaccio")
        }
    }

    // MARK: BPE

    @Test func bpeRatesPerInhabitantUseThe2021Population() throws {
        let draft = try Fixture.draft()
        // D201 Figeac 17 / 9 770 × 10 000 = 17.40; Ambérieu 25 / 14 854 × 10 000 = 16.83.
        #expect(try draft.value("medecins_generalistes_pour_10000", "46102") == 17.4)
        #expect(try draft.value("medecins_generalistes_pour_10000", "01004") == 16.83)
        #expect(try draft.value("medecins_generalistes_pour_10000", "75056") == 11.96) // 2 551 / 2 133 111
        #expect(try draft.value("medecins_generalistes_pour_10000", "97411") == 9.95) // 154 / 154 765
        #expect(try draft.value("infirmiers_pour_10000", "46102") == 0) // no D232 row: none
        // B101 + B102 per 1 000: Valserhône (1 + 3) / 16 295; Paris (17 + 710) / 2 133 111.
        #expect(try draft.value("supermarches_pour_1000", "01033") == 0.25)
        #expect(try draft.value("supermarches_pour_1000", "75056") == 0.34)
        #expect(try draft.value("campings_pour_1000", "2A004") == 0.03) // 2 / 73 822 × 1 000
        // A commune of 0 inhabitants has no rate (not 0).
        #expect(try draft.value("medecins_generalistes_pour_10000", "55039") == nil)
        #expect(try draft.value("hotels_pour_1000", "55039") == nil)
    }

    @Test func bpePresenceFlags() throws {
        let draft = try Fixture.draft()
        #expect(try draft.value("information_touristique", "46102") == 1) // G104
        #expect(try draft.value("information_touristique", "55039") == 0) // absent from BPE: 0 equipment
        #expect(try draft.value("information_touristique", "01033") == 0)
        #expect(try draft.value("sports_nautiques", "01033") == 1) // F118
        #expect(try draft.value("sports_nautiques", "46102") == 0)
        #expect(try draft.value("domaine_skiable", "01004") == 0)
        let provenance = try draft.provenance("insee-bpe-2019", "bpe2019_commune_typequ.csv")
        #expect(provenance.rowsRead == 94)
        #expect(provenance.rowsUnmatched == 1) // 01001
    }

    @Test func bpeDistancesAreZeroWithTheEquipmentAndToTheNearestCommuneOtherwise() throws {
        let draft = try Fixture.draft()
        // D106 (emergency service) in Ambérieu, Ajaccio, Figeac, Paris, Avallon, Saint-Denis; not in Valserhône nor Pern-Lhospitalet.
        for code in ["01004", "2A004", "46102", "75056", "89025", "97411"] {
            #expect(try draft.value("distance_urgences_km", code) == 0, "distance_urgences_km \(code)")
        }
        let withEmergency = ["01004", "46102", "75056", "89025"]
        let valserhone = try draft.nearestKm(from: "01033", to: withEmergency)
        #expect((25...60).contains(valserhone))
        #expect(try draft.value("distance_urgences_km", "01033") == rounded(valserhone, 1))
        #expect(try draft.value("distance_urgences_km", "46172") == rounded(try draft.nearestKm(from: "46172", to: withEmergency), 1))
        #expect(try draft.value("distance_urgences_km", "55039") == rounded(try draft.nearestKm(from: "55039", to: withEmergency), 1))
        // Schools: C104 almost everywhere, C105 in Pern-Lhospitalet.
        #expect(try draft.value("distance_ecole_km", "46172") == 0)
        #expect(try #require(try draft.value("distance_ecole_km", "55039")) > 0)
        // No D113/D108/D502 row in the fixture: no commune has one, so there is no distance at all (not 0).
        #expect(try draft.value("distance_maison_sante_km", "46102") == nil)
        #expect(try draft.value("distance_creche_km", "75056") == nil)
    }

    // MARK: CartoSanté

    @Test func cartoSanteGivesEachCommuneTheValuesOfItsBassinDeVie() throws {
        let draft = try Fixture.draft()
        #expect(try draft.value("densite_generalistes_bv", "46102") == 6.9)
        #expect(try draft.value("densite_infirmiers_bv", "46102") == 19)
        // Pern-Lhospitalet is in the bassin de vie of Cahors (46042), Beaumont-en-Verdunois in Verdun's (55545).
        #expect(try draft.value("densite_infirmiers_bv", "46172") == 22.8)
        #expect(try draft.value("densite_generalistes_bv", "55039") == 8.4)
        #expect(try draft.value("densite_generalistes_bv", "97411") == 9.1)
    }

    // MARK: France Services

    @Test func franceServicesFlagsSitesAndZeroForAbsentCommunes() throws {
        let draft = try Fixture.draft()
        #expect(try draft.value("france_services", "75056") == 1) // 11 sites: present
        #expect(try draft.value("france_services", "97411") == 1) // 3 sites
        #expect(try draft.value("france_services", "01004") == 1)
        // Exhaustive list: a commune absent from it has none.
        #expect(try draft.value("france_services", "46102") == 0)
        #expect(try draft.value("france_services", "46172") == 0)
        #expect(try draft.value("distance_france_services_km", "01004") == 0)
        #expect(try draft.value("distance_france_services_km", "2A004") == 0)
        let withSite = ["01004", "01033", "75056", "89025"]
        let figeac = try draft.nearestKm(from: "46102", to: withSite)
        #expect(figeac > 100)
        #expect(try draft.value("distance_france_services_km", "46102") == rounded(figeac, 1))
    }

    // MARK: Éloignement

    @Test func eloignementSharesAndTheNotAvailableMarker() throws {
        let draft = try Fixture.draft()
        #expect(try draft.value("part_pop_eloignee_proximite", "46102") == 0)
        #expect(try draft.value("part_pop_eloignee_superieurs", "97411") == 0)
        // "N/A - résultat non disponible" is missing, not 0.
        #expect(try draft.value("part_pop_eloignee_proximite", "55039") == nil)
        #expect(try draft.value("part_pop_eloignee_intermediaires", "55039") == nil)
        #expect(try draft.value("part_pop_eloignee_superieurs", "55039") == nil)
    }

    /// The definition says: for a commune merged since 2023, the plain mean of its former communes.
    /// Lhospitalet (46172) 0.0 and Pern (46217) 100.0 for the "proximité" range: 50.0.
    @Test func eloignementOfA2025MergerIsTheMeanOfItsFormerCommunes() throws {
        let draft = try Fixture.draft()
        let proximite = try draft.value("part_pop_eloignee_proximite", "46172")
        #expect(proximite == 50)
    }
}
