import BourgCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import BourgWeb

@Suite("Map page and its twin")
struct MapPageTests {
    @Test func mapPageDrawsTheTownsAsLinkedShapesWithALegendAndASelect() async throws {
        try await WebFixture.application().test(.router) { client in
            try await client.execute(uri: "/carte", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.eTag] != nil)
                let html = response.text
                #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"shape-map\""))
                #expect(html.contains("<a href=\"/communes/46102\"><title>Figeac (46) : "), "Figeac is drawn, linked, titled")
                #expect(html.contains(">Guyane</text>") && html.contains(">La Réunion</text>"), "the overseas insets")
                #expect(html.contains("<select id=\"mesure\" name=\"mesure\">"))
                #expect(html.contains("<option value=\"sante\">Santé</option>"))
                #expect(html.contains("<option value=\"note\" selected>Note globale</option>"))
                #expect(html.contains("<ul class=\"map-legend\">"))
                #expect(html.contains("<script src=\"/static/carte.js\" defer></script>"))
                #expect(html.contains("<link rel=\"stylesheet\" href=\"/static/carte.css\">"))
                #expect(!html.contains("style="), "no inline style: the Content-Security-Policy forbids it")
                #expect(!html.contains("{{"))
            }
        }
    }

    @Test func twinGivesEveryTownItsValueRankAndClass() async throws {
        try await WebFixture.application().test(.router) { client in
            try await client.execute(uri: "/carte.json?mesure=sante", method: .get) { response in
                #expect(response.status == .ok)
                let page = try response.json()
                let measure = try #require(page["measure"] as? [String: Any])
                #expect(measure["id"] as? String == "sante")
                #expect(page["svg"] == nil, "the SVG stays out of the twin")
                let towns = try #require(page["towns"] as? [[String: Any]])
                #expect(towns.count == WebFixture.service.scores.members.count)
                let figeac = try #require(towns.first { $0["code"] as? String == "46102" })
                #expect(figeac["classID"] as? String != nil)
                let classes = try #require(page["classes"] as? [[String: Any]])
                let counted = classes.compactMap { $0["count"] as? Int }.reduce(0, +)
                #expect(counted == towns.filter { ($0["classID"] as? String)?.hasPrefix("q") == true }.count)
            }
        }
    }

    @Test func weightingAndFiltersCarryOverFromTheRanking() async throws {
        try await WebFixture.application().test(.router) { client in
            try await client.execute(uri: "/classement?nature=5&sante=4", method: .get) { response in
                #expect(response.text.contains("Voir sur la carte</a>"))
                #expect(response.text.contains("<a href=\"/carte?nature=5"), "the ranking's weighting is in the map's address")
            }
            try await client.execute(uri: "/carte?nature=5&sante=4&departement=46", method: .get) { response in
                let html = response.text
                #expect(html.contains("<input type=\"hidden\" name=\"nature\" value=\"5\">"))
                #expect(html.contains("<input type=\"hidden\" name=\"departement\" value=\"46\">"))
                #expect(html.contains("département 46"))
            }
            try await client.execute(uri: "/carte.json?nature=5&sante=4&departement=46", method: .get) { response in
                let page = try response.json()
                let towns = try #require(page["towns"] as? [[String: Any]])
                for town in towns {
                    let outside = town["classID"] as? String == MapClasses.outsideID
                    #expect(outside == (town["departement"] as? String != "46"))
                }
                #expect((page["frame"] as? [String: Any])?["jsonPath"] as? String == "/carte.json?nature=5&sante=4&departement=46")
            }
        }
    }

    @Test(arguments: [("/carte.json?mesure=inconnue", "mesure"), ("/carte.json?nature=9", "nature"), ("/carte.json?departement=xyz9", "departement")])
    func badParametersAre400NamingTheField(path: String, field: String) async throws {
        try await WebFixture.application().test(.router) { client in
            try await client.execute(uri: path, method: .get, headers: [.accept: "application/json"]) { response in
                #expect(response.status == .badRequest)
                let invalid = try #require(try response.json()["invalid-params"] as? [[String: Any]])
                #expect(invalid.first?["name"] as? String == field)
            }
        }
    }

    @Test func everyIndicatorOfTheSelectCanBeMapped() async throws {
        let service = WebFixture.service
        let page = try service.mapPage([:], drawing: false)
        let ids = page.measureGroups.flatMap(\.options).map(\.id)
        #expect(Set(ids).count == ids.count, "no measure id twice")
        for id in ids {
            let map = try service.mapPage(["mesure": id], drawing: false)
            #expect(map.measure.id == id)
            #expect(map.classes.allSatisfy { $0.count > 0 }, "\(id): no empty class")
        }
    }

    @Test func homeMapHasTheOverseasInsets() async throws {
        try await WebFixture.application().test(.router) { client in
            try await client.execute(uri: "/carte.svg", method: .get) { response in
                #expect(response.text.contains(">Mayotte</text>"))
            }
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.text.contains("<a href=\"/carte\">Explorer la carte</a>"))
                #expect(!response.text.contains("Les DOM n'y figurent pas"))
            }
        }
    }

    @Test func errorPagesHideAnEmptyJSONLinkAndBuildDate() async throws {
        try await WebFixture.application().test(.router) { client in
            try await client.execute(uri: "/pas-une-page", method: .get) { response in
                #expect(response.status == .notFound)
                let html = response.text
                #expect(!html.contains("Atlas construit le ."))
                #expect(!html.contains("<a href=\"\">"))
                #expect(!html.contains("type=\"application/json\" href=\"\""))
            }
        }
    }
}
