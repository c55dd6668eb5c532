import BourgCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import BourgWeb

/// Issue 25, items 2–3: the household form's needs as checkboxes with a distance, départements by name, and a
/// rejected form shown again with every value kept and the message next to its field.
@Suite("The household form: needs, places by name, a form that forgives")
struct FindFormTests {
    static func decode(_ query: [String: String]) throws -> HouseholdProfile {
        let matcher = WebFixture.service.matcher
        return try FindQuery.decode(query, poles: matcher.cityPoles, places: matcher.places) { _ in nil }
    }

    static func needs(_ profile: HouseholdProfile) -> [String] {
        profile.constraints.compactMap { constraint in
            switch constraint {
            case let .need(amenity, km): "\(amenity.rawValue):\(km)"
            case let .minFibre(percent): "fibre:\(percent)"
            default: nil
            }
        }
    }

    @Test func everyFacilityHasACheckboxWithADistance() throws {
        #expect(Set(FindQuery.needAmenities) == Set(Amenity.allCases))
        let fields = FindQuery.needFields([:])
        #expect(fields.map(\.id) == FindQuery.needAmenities.map(FindQuery.needParameter) + ["besoin_fibre"])
        #expect(fields.allSatisfy { !$0.checked && $0.options.filter(\.selected).count == 1 })
        #expect(fields.first { $0.id == "besoin_ecole" }?.options.first { $0.selected }?.label == "dans la commune")
        #expect(fields.first { $0.id == "besoin_france_services" }?.choiceName == "besoin_france_services_km")
        #expect(fields.last?.options.map(\.id) == ["50", "80", "95"])
    }

    @Test func checkboxesBecomeNeedsAndReplaceTheSameNeedOfTheText() throws {
        #expect(Self.needs(try Self.decode(["besoin_ecole": "1", "besoin_college": "1", "besoin_college_km": "10"])) == ["ecole:0.0", "college:10.0"])
        // A distance without its checkbox asks nothing (a select always sends its value).
        #expect(Self.needs(try Self.decode(["besoin_lycee_km": "20"])).isEmpty)
        #expect(Self.needs(try Self.decode(["besoins": "lycee,medecin", "besoin_lycee": "1", "besoin_lycee_km": "30"])) == ["gp:0.0", "lycee:30.0"])
        #expect(Self.needs(try Self.decode(["besoin_fibre": "1", "besoin_fibre_pct": "95"])) == ["fibre:95.0"])
        #expect(Self.needs(try Self.decode(["besoin_fibre": "1"])) == ["fibre:80.0"])
        #expect(Self.needs(try Self.decode(["besoins": "pharmacie:5km,dentistes"])) == ["pharmacie:5.0", "dentiste:0.0"])
        #expect(throws: WebError.badParameter("besoin_college_km", "attendu une distance de 0 à 1 000 km, par exemple 10 ou 10km (reçu « loin »)")) {
            try Self.decode(["besoin_college": "1", "besoin_college_km": "loin"])
        }
        // The form ticks what the text asked, at its distance (a distance not offered is added to the choices).
        let fields = FindQuery.needFields(["besoins": "medecin:7km,fibre"])
        let doctor = try #require(fields.first { $0.id == "besoin_gp" })
        #expect(doctor.checked && doctor.options.first { $0.selected }?.id == "7")
        #expect(fields.last?.checked == true)
    }

    @Test func departementsByNameOrCodeAndRegionsByName() throws {
        let places = WebFixture.service.matcher.places
        #expect(try places.departementCodes("Lot") == ["46"])
        #expect(try places.departementCodes("lot, YONNE ,1") == ["46", "89", "01"])
        #expect(try places.departementCodes("occitanie") == ["46"])
        #expect(try places.departementCodes("Bourgogne Franche Comte") == ["89"])
        #expect(try places.departementCodes("46,2A") == ["46", "2A"])
        #expect(throws: MatchError.self) { try places.departementCodes("Lott") }
        #expect(throws: MatchError.self) { try places.departementCodes(" , ") }
        let profile = try Self.decode(["departements": "Lot"])
        #expect(profile.constraints.contains { if case let .departements(codes) = $0 { codes == ["46"] } else { false } })
    }

    @Test func aBrowsersFormEncodingIsRead() async throws {
        let pairs = Request.formParameters("prix_maison=2+500&departements=Lot%2C+Aveyron&x=1%2B1&vide=&seul&bad=%E9")
        #expect(pairs.map(\.0) == ["prix_maison", "departements", "x", "vide", "seul", "bad"])
        #expect(pairs.map(\.1) == ["2 500", "Lot, Aveyron", "1+1", "", "", "%E9"])
        try await WebFixture.application().test(.router) { client in
            try await client.execute(uri: "/trouver?chercher=1&prix_maison=2+500+%E2%82%AC&departements=Lot", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("prix médian des maisons ≤ 2"), "the budget is read as 2 500 €")
            }
        }
    }

    /// A type giving its template fields by hand gives every stored property (none forgotten when one is added).
    @Test func templateFieldsAreEveryStoredProperty() {
        let option = TypeOption(id: "10", label: "à 10 km au plus", selected: true)
        let labels = Set(Mirror(reflecting: option).children.compactMap(\.label))
        #expect(Set(option.templateFields.keys) == labels)
        #expect(HTMLEscaping().escapeText("L'Isle <b>&\"x\" é") == "L&#39;Isle &lt;b&gt;&amp;&quot;x&quot; é")
        #expect(HTMLEscaping().escapeText("Figeac") == "Figeac")
    }

    @Test func aMistypedCityIsAnsweredWithTheCloseNames() throws {
        #expect(MatchInput.editDistance("lyonn", "lyon", atMost: 2) == 1)
        #expect(MatchInput.editDistance("paris", "pari", atMost: 2) == 1)
        #expect(MatchInput.editDistance("marseille", "lyon", atMost: 2) == 3)
        #expect(MatchInput.editDistance("", "ab", atMost: 2) == 2)
        #expect(throws: WebError.self) { try Self.decode(["pres": "Pariss:1h"]) }
        do {
            _ = try Self.decode(["pres": "Pariss:1h"])
        } catch let error as WebError {
            #expect(error.detail.contains("vouliez-vous dire Paris ?"), "\(error.detail)")
        }
    }

    @Test func aRejectedFormKeepsEveryValueAndSaysWhatIsWrongNextToTheField() async throws {
        let query = "chercher=1&nature=5&sante=4&pres=Lyonn:1h&prix_maison=2%20500&besoin_ecole=1&besoin_college=1&besoin_college_km=10"
            + "&besoin_fibre=1&besoin_fibre_pct=95&departements=Lot&type_montagne=1&situation_rurale=1&nuits_max=20&comme=Figeac&utm_source=lettre"
        try await WebFixture.application().test(.router) { client in
            try await client.execute(uri: "/trouver?" + query, method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let html = response.text
                #expect(html.contains("<div class=\"form-errors\" role=\"alert\""))
                #expect(html.contains("value=\"Lyonn:1h\""))
                #expect(html.contains("aria-invalid=\"true\" aria-describedby=\"pres-erreur\"><span class=\"field-error\" id=\"pres-erreur\">« Lyonn » n&#39;est pas"), "the message next to the field")
                #expect(html.contains("name=\"prix_maison\" value=\"2 500\""))
                #expect(html.contains("id=\"w-nature\" name=\"nature\" min=\"0\" max=\"5\" step=\"1\" value=\"5\""))
                #expect(html.contains("id=\"w-sante\" name=\"sante\" min=\"0\" max=\"5\" step=\"1\" value=\"4\""))
                #expect(html.contains("id=\"besoin_ecole\" name=\"besoin_ecole\" value=\"1\" checked"))
                #expect(html.contains("id=\"besoin_college\" name=\"besoin_college\" value=\"1\" checked"))
                #expect(!html.contains("id=\"besoin_lycee\" name=\"besoin_lycee\" value=\"1\" checked"))
                #expect(html.contains("<option value=\"10\" selected>à 10 km au plus</option>"))
                #expect(html.contains("id=\"besoin_fibre\" name=\"besoin_fibre\" value=\"1\" checked"))
                #expect(html.contains("<option value=\"95\" selected>95 % des locaux au moins</option>"))
                #expect(html.contains("name=\"departements\" value=\"Lot\""))
                #expect(html.contains("name=\"type_montagne\" value=\"1\" checked"))
                #expect(html.contains("name=\"situation_rurale\" value=\"1\" checked"))
                #expect(!html.contains("name=\"situation_centre\" value=\"1\" checked"))
                #expect(html.contains("name=\"nuits_max\" value=\"20\""))
                #expect(html.contains("name=\"comme\" value=\"Figeac\""))
                #expect(!html.contains("id=\"result-title\""), "no answer to a rejected form")
                #expect(!html.contains("{{"))
            }
            // A bad rating and a bad département: each message by its field, the rest kept.
            try await client.execute(uri: "/trouver?chercher=1&departements=Lott&prix_maison=2500", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.text.contains("id=\"departements-erreur\">département ou région inconnu « Lott »"))
                #expect(response.text.contains("name=\"prix_maison\" value=\"2500\""))
            }
            try await client.execute(uri: "/trouver?chercher=1&nature=9&pres=Paris:90min", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.text.contains("value=\"Paris:90min\""))
                #expect(response.text.contains("<li>Nature et paysages : une note entière de 0 à 5"))
            }
            // The JSON twin keeps RFC 9457.
            try await client.execute(uri: "/trouver.json?" + query, method: .get) { response in
                #expect(response.status == .badRequest)
                let invalid = try #require(try response.json()["invalid-params"] as? [[String: Any]])
                #expect(invalid.first?["name"] as? String == "pres")
            }
            // The same form, corrected, is answered with its needs.
            try await client.execute(uri: "/trouver.json?" + query.replacingOccurrences(of: "Lyonn:1h", with: "Paris:10h"), method: .get) { response in
                #expect(response.status == .ok)
                let labels = (try response.json()["constraintLines"] as? [String] ?? []).joined(separator: "\n")
                #expect(labels.contains("collège"), "\(labels)")
            }
        }
    }
}
