import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import BourgWeb

/// Issue 25, items 5–7: the home profiles open the household form filled in; `/comparer` with none or one town is
/// the page to pick them (with the one town's similar towns); search forgives abbreviations, hyphens, apostrophes.
@Suite("Profiles, picking towns to compare, forgiving search")
struct PickAndProfileTests {
    @Test func homeProfilesOpenTheHouseholdFormFilledInNotSearched() async throws {
        let presets = AtlasService.presets
        #expect(presets.map(\.label) == ["Je télétravaille", "Famille avec enfants", "Retraite au calme"])
        for preset in presets {
            #expect(preset.path.hasPrefix("/trouver?"))
            #expect(!preset.path.contains("chercher"))
        }
        try await WebFixture.application().test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.text.contains("href=\"/trouver?numerique=5&amp;nature=4") || response.text.contains("href=\"/trouver?numerique=5&nature=4"))
            }
            try await client.execute(uri: presets[0].path, method: .get) { response in
                #expect(response.status == .ok)
                let html = response.text
                #expect(html.contains("id=\"w-numerique\" name=\"numerique\" min=\"0\" max=\"5\" step=\"1\" value=\"5\""))
                #expect(html.contains("id=\"w-nature\" name=\"nature\" min=\"0\" max=\"5\" step=\"1\" value=\"4\""))
                #expect(html.contains("id=\"w-logement\" name=\"logement\" min=\"0\" max=\"5\" step=\"1\" value=\"0\""), "an unrated dimension is 0")
                #expect(html.contains("name=\"situation_centre\" value=\"1\" checked"))
                #expect(!html.contains("name=\"situation_banlieue\" value=\"1\" checked"), "banlieues left out by default")
                #expect(html.contains("<input id=\"pres\" name=\"pres\" value=\"\""), "ready for a city")
                #expect(!html.contains("id=\"result-title\""), "not searched yet")
            }
        }
        // The form prefilled by ratings alone is not an answer; a constraint or `chercher` is.
        #expect(!FindQuery.asked(["numerique": "5", "situation_centre": "1", "preset": "barometre2021"]))
        #expect(FindQuery.asked(["numerique": "5", "chercher": "1"]))
        #expect(FindQuery.asked(["numerique": "5", "pres": "Paris:90min"]))
        #expect(FindQuery.asked(["type_littoral": "1"]))
    }

    @Test func profilePrefillKeepsItsSituationsAndAsksNothing() throws {
        let page = try WebFixture.service.findPage(["sante": "5", "situation_rurale": "1"])
        #expect(!page.asked)
        #expect(page.result == nil)
        #expect(page.form.ratings.first { $0.id == "sante" }?.value == 5)
        #expect(page.form.situations.filter(\.selected).map(\.id) == ["rurale"])
    }

    @Test(arguments: ["/comparer", "/comparer?codes=", "/comparer?codes=46102", "/comparer?commune1=Figeac", "/comparer?utm_source=x"])
    func compareWithNoneOrOneTownIsAPickingForm(path: String) async throws {
        try await WebFixture.application().test(.router) { client in
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .ok)
                let html = response.text
                #expect(html.contains("<form class=\"compare-form\" method=\"get\" action=\"/comparer\">"))
                for index in 1...4 { #expect(html.contains("name=\"commune\(index)\"")) }
                #expect(!html.contains("<table class=\"compare\">"))
                #expect(!html.contains("{{"))
            }
        }
    }

    @Test func compareWithOneTownFillsItInAndProposesItsSimilarTowns() async throws {
        try await WebFixture.application().test(.router) { client in
            try await client.execute(uri: "/comparer.json?codes=46102", method: .get) { response in
                #expect(response.status == .ok)
                let page = try response.json()
                #expect(page["ready"] as? Bool == false)
                #expect(page["codes"] as? String == "46102")
                let fields = try #require(page["fields"] as? [[String: Any]])
                #expect(fields.map { $0["name"] as? String } == ["commune1", "commune2", "commune3", "commune4"])
                #expect(fields.map { $0["value"] as? String } == ["Figeac (46102)", "", "", ""])
                let suggestions = try #require(page["suggestions"] as? [[String: Any]])
                #expect(!suggestions.isEmpty)
                let codes = suggestions.compactMap { ($0["commune"] as? [String: Any])?["code"] as? String }
                #expect(!codes.contains("46102"))
                #expect(suggestions.compactMap { $0["path"] as? String } == codes.map { "/comparer?codes=46102,\($0)" })
                // The same towns as the town page's similar towns.
                let town = try #require(try WebFixture.service.townPage(code: "46102"))
                #expect(codes == town.similar.map(\.commune.code))
            }
            try await client.execute(uri: "/comparer?codes=46102", method: .get) { response in
                let html = response.text
                #expect(html.contains("value=\"Figeac (46102)\""))
                #expect(html.contains("href=\"/comparer?codes=46102,"))
            }
            try await client.execute(uri: "/comparer.json", method: .get) { response in
                #expect(response.status == .ok)
                let page = try response.json()
                #expect((page["towns"] as? [Any])?.isEmpty == true)
                #expect((page["suggestions"] as? [Any])?.isEmpty == true)
            }
            // The town page's link opens it.
            try await client.execute(uri: "/communes/46102", method: .get) { response in
                #expect(response.text.contains("href=\"/comparer?codes=46102\""))
            }
        }
    }

    @Test func thePickingFormSubmitsToAComparison() async throws {
        try await WebFixture.application().test(.router) { client in
            // As the browser sends the form: the town filled in, a name typed, two blanks.
            try await client.execute(uri: "/comparer.json?commune1=Figeac+%2846102%29&commune2=amb%C3%A9rieu&commune3=&commune4=", method: .get) { response in
                #expect(response.status == .ok)
                let page = try response.json()
                #expect(page["ready"] as? Bool == true)
                #expect(page["codes"] as? String == "46102,01004")
                #expect((page["suggestions"] as? [Any])?.isEmpty == true)
            }
            try await client.execute(uri: "/comparer?commune1=Figeac+%2846102%29&commune2=01004", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("<table class=\"compare\">"))
            }
            // More than four towns stays a 400, naming `codes`.
            try await client.execute(uri: "/comparer.json?codes=46102,01004,2A004&commune1=75056&commune2=89025", method: .get) { response in
                #expect(response.status == .badRequest)
                let invalid = try #require(try response.json()["invalid-params"] as? [[String: Any]])
                #expect(invalid.first?["name"] as? String == "codes")
            }
        }
    }

    @Test func aTownCodeInBracketsWins() {
        #expect(CompareQuery.code(in: "Figeac (46102)") == "46102")
        #expect(CompareQuery.code(in: "ajaccio (2a004)") == "2A004")
        #expect(CompareQuery.code(in: "46102") == "46102")
        #expect(CompareQuery.code(in: "Figeac") == nil)
        #expect(CompareQuery.code(in: "Figeac (Lot)") == nil)
    }

    @Test(arguments: ["st denis", "St-Denis", "ST%20DENIS", "saint%20denis", "st%27denis"])
    func searchForgivesAbbreviationsHyphensAndApostrophes(query: String) async throws {
        try await WebFixture.application().test(.router) { client in
            try await client.execute(uri: "/recherche.json?q=" + query.replacingOccurrences(of: " ", with: "%20"), method: .get) { response in
                #expect(response.status == .ok)
                let results = try #require(try response.json()["results"] as? [[String: Any]])
                #expect(results.first?["code"] as? String == "97411")
            }
            // And wherever a town is named: the comparison, the household's "comme".
            try await client.execute(uri: "/comparer.json?codes=Figeac," + query.replacingOccurrences(of: " ", with: "%20"), method: .get) { response in
                #expect(response.status == .ok)
                let codes = try response.json()["codes"] as? String
                #expect(codes == "46102,97411")
            }
        }
    }
}
