import BourgCore
import Foundation
import Testing
@testable import BourgData

/// Climate and natural risks: DRIAS-2020 heat and frost, IRSN radon potential. Expected values are read by hand
/// from the fixture rows.
@Suite("Importers: climate and radon")
struct ImporterClimateTests {
    static let drias = ImporterGroupETests.file("drias-2020-aladin63-indicateurs-chaleur-communes", "drias_chaleur_communes_ref_rcp45h1_cog2025.csv")
    static let radon = ImporterGroupETests.file("irsn-potentiel-radon-communes-2018", "potentiel_radon_communes_cog2025.csv")

    @Test func driasHeatAndFrostAreTheFileColumns() throws {
        let draft = try Fixture.draft()
        // Figeac: 2.8 → 6.1 days above 35 °C, 5 → 10 tropical nights, 34 → 30 frost days, 12.54 → 13.54 °C.
        #expect(try draft.value("jours_tx_sup35_1976_2005", "46102") == 2.8)
        #expect(try draft.value("jours_tx_sup35_2021_2050", "46102") == 6.1)
        #expect(try draft.value("nuits_tropicales_1976_2005", "46102") == 5)
        #expect(try draft.value("nuits_tropicales_2021_2050", "46102") == 10)
        #expect(try draft.value("jours_vague_chaleur_2021_2050", "46102") == 27)
        #expect(try draft.value("jours_gel_1976_2005", "46102") == 34)
        #expect(try draft.value("jours_gel_2021_2050", "46102") == 30)
        #expect(try draft.value("temperature_moyenne_1976_2005", "46102") == 12.54)
        #expect(try draft.value("temperature_moyenne_2021_2050", "46102") == 13.54)
        #expect(try draft.value("precipitations_2021_2050", "46102") == 1015.8)
        // Ajaccio: 26 → 46 tropical nights; Paris (boundary centre) 8 → 12.
        #expect(try draft.value("nuits_tropicales_2021_2050", "2A004") == 46)
        #expect(try draft.value("nuits_tropicales_2021_2050", "75056") == 12)
        // Overseas: DRIAS covers mainland France and Corsica only: no value, never 0.
        #expect(try draft.value("nuits_tropicales_2021_2050", "97411") == nil)
        let provenance = try draft.provenance(Self.drias.folder, Self.drias.name)
        #expect(provenance.rowsRead == 9)
        #expect(provenance.rowsUnmatched == 1) // 01001
        #expect(provenance.rowsRejected == 0)
    }

    @Test func driasDefinitionsSayOneModelNotAForecast() throws {
        let definitions = DRIASImporter().indicators
        #expect(definitions.allSatisfy { $0.dimension == .climat && $0.definition.contains("Un seul modèle") && $0.definition.contains("pas des prévisions") })
        // Only the 2021–2050 heat is scored; the references and frost are context.
        #expect(Set(definitions.filter { $0.direction != .neutral }.map(\.id)) == ["jours_tx_sup35_2021_2050", "nuits_tropicales_2021_2050"])
    }

    @Test func driasNegativeFrostDaysStopTheBuild() throws {
        #expect(throws: DataBuildError.self) {
            _ = try ImporterGroupETests.draft(Self.drias, line: 6, try Self.drias.lines()[5].replacingOccurrences(of: ",34.0,30.0,", with: ",-34.0,30.0,"))
        }
    }

    @Test func radonClassOfEveryCommuneIncludingOverseas() throws {
        let draft = try Fixture.draft()
        #expect(try draft.value("potentiel_radon", "46102") == 3) // Figeac: granite and schist of the Ségala
        #expect(try draft.value("potentiel_radon", "01004") == 2)
        #expect(try draft.value("potentiel_radon", "75056") == 1)
        #expect(try draft.value("potentiel_radon", "97411") == 1)
        // Valserhône merged communes of classes 1 and 2: the highest, as the file gives it.
        #expect(try draft.value("potentiel_radon", "01033") == 2)
        let provenance = try draft.provenance(Self.radon.folder, Self.radon.name)
        #expect(provenance.rowsRead == 10)
        #expect(provenance.rowsUnmatched == 1) // 01001
    }

    @Test func radonUnknownClassStopsTheBuildNamingTheLine() throws {
        do {
            _ = try ImporterGroupETests.draft(Self.radon, line: 6, "46102,Figeac,4,4,1,46102")
            Issue.record("a radon class 4 was accepted")
        } catch let error as DataBuildError {
            #expect(error.line == 6)
            #expect(error.column == "classe_potentiel_radon_max")
        }
    }

    @Test func catnatIsClimateNotSecurity() throws {
        let definitions = CatNatImporter().indicators
        #expect(definitions.allSatisfy { $0.dimension == .climat })
    }
}
