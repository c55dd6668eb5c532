import Testing
@testable import BourgCore

@Suite("Maps: layout, classes, shapes")
struct MapTests {
    @Test func overseasTownsFallInTheirInsetAndMainlandInLambert93() throws {
        for inset in NationalLayout.insets {
            let bounds = try #require(Territory.overseas(inset.departement).bounds)
            for latitude in [bounds.latitudes.lowerBound, bounds.latitudes.upperBound] {
                for longitude in [bounds.longitudes.lowerBound, bounds.longitudes.upperBound] {
                    let placed = try #require(NationalLayout.place(GeoPoint(latitude: latitude, longitude: longitude), departement: inset.departement))
                    #expect(placed.x >= inset.box.x - 1e-9 && placed.x <= inset.box.maxX + 1e-9, "\(inset.name)")
                    #expect(placed.y >= inset.box.y + MapInset.labelHeight - 1e-9 && placed.y <= inset.box.maxY + 1e-9, "\(inset.name)")
                }
            }
        }
        // Figeac (town hall): Lambert-93 ≈ (623 km, 6 390 km), drawn y down.
        let figeac = try #require(NationalLayout.place(GeoPoint(latitude: 44.6086, longitude: 2.0317), departement: "46"))
        #expect(abs(figeac.x - 623) < 2 && abs(figeac.y + 6_390) < 2, "\(figeac)")
        #expect(NationalLayout.place(GeoPoint(latitude: 46.8, longitude: -56.2), departement: "975") == nil, "no inset for Saint-Pierre-et-Miquelon")
        // The insets do not overlap one another.
        for (a, b) in zip(NationalLayout.insets, NationalLayout.insets.dropFirst()) {
            #expect(a.box.maxX <= b.box.x || b.box.maxX <= a.box.x || a.box.maxY <= b.box.y || b.box.maxY <= a.box.y)
        }
    }

    @Test func quintileClassesHoldAFifthEachAndLabelTheirRanges() {
        let classes = MapClasses(quantities: (1...100).map(Double.init)) { FrenchFormat.number($0, decimals: 1) }
        #expect(classes.entries.map(\.id) == ["q0", "q1", "q2", "q3", "q4"])
        #expect(classes.entries.map(\.count) == [20, 20, 20, 20, 20])
        #expect(classes.entries.first?.label == "≤ 20,8")
        #expect(classes.entries.last?.label == "> 80,2")
        #expect(classes.id(of: 1) == "q0" && classes.id(of: 100) == "q4" && classes.id(of: nil) == "na" && classes.id(of: .nan) == "na")
    }

    @Test func tiedValuesGiveFewerClassesNeverAnEmptyOne() {
        // 90 towns at 0, 10 spread: quintile bounds collapse on 0.
        let values = [Double](repeating: 0, count: 90) + (1...10).map(Double.init)
        let classes = MapClasses(quantities: values) { FrenchFormat.number($0, decimals: 0) }
        #expect(classes.entries.count == 2)
        #expect(classes.entries.allSatisfy { $0.count > 0 })
        #expect(classes.entries.map(\.count).reduce(0, +) == 100)
        // Three distinct values: one class each.
        let few = MapClasses(quantities: [1, 1, 2, 3, 3, 3]) { FrenchFormat.number($0, decimals: 0) }
        #expect(few.entries.map(\.label) == ["1", "2", "3"])
        #expect(few.entries.map(\.count) == [2, 1, 3])
        // Categories use the qualitative palette; flags the sequential one.
        let categories = MapClasses(categories: [(1, "A"), (2, "B")], values: [1, 2, 2], ordered: false)
        #expect(categories.entries.map(\.id) == ["k0", "k1"])
        #expect(categories.id(of: 3) == "na")
        let flags = MapClasses(categories: [(0, "non"), (1, "oui")], values: [0, 1, 1], ordered: true)
        #expect(flags.entries.map(\.id) == ["q1", "q3"])
    }

    @Test func shapePathsAreIntegerRelativeAndKeepSharedVertices() {
        let ring = [PlanePoint(x: 0, y: 0), PlanePoint(x: 1, y: 0), PlanePoint(x: 1.04, y: 0), PlanePoint(x: 1, y: 1), PlanePoint(x: 0, y: 0)]
        #expect(ShapeMap.pathData(rings: [ring]) == "M0 0l10 0 0 10z")
        // A ring that shrinks below three grid points disappears.
        #expect(ShapeMap.pathData(rings: [[PlanePoint(x: 0, y: 0), PlanePoint(x: 0.01, y: 0.01), PlanePoint(x: 0.02, y: 0)]]).isEmpty)
        #expect(ShapeMap.lineData([[PlanePoint(x: 0, y: 0), PlanePoint(x: 0.5, y: -0.5), PlanePoint(x: 1, y: -0.5)]]) == "M0 0l5-5 5 0")
        let stored = SVG.pathData([[PlanePoint(x: 1_000, y: -2_000), PlanePoint(x: 1_500, y: -2_000), PlanePoint(x: 1_500, y: -2_500), PlanePoint(x: 1_000, y: -2_000)]])
        #expect(ShapeMap.lines(kilometrePath: stored) == [[PlanePoint(x: 1, y: 2), PlanePoint(x: 1.5, y: 2), PlanePoint(x: 1.5, y: 2.5), PlanePoint(x: 1, y: 2)]])
    }

    @Test func shapeMapLinksEveryTownWithItsTitleAndClass() {
        let town = ShapeMap.Town(path: "M0 0l10 0 0 10z", link: "/communes/46102", title: "Figeac (46) : 62,3 <b>", classID: "q3")
        let svg = ShapeMap.svg(towns: [town], outlines: ["M1 1l1 1z"], insets: NationalLayout.insets,
                               frame: MapRect(x: 0, y: -7_000, width: 1_000, height: 1_000), title: "Carte")
        #expect(svg.hasPrefix("<svg"))
        #expect(svg.contains("<a href=\"/communes/46102\"><title>Figeac (46) : 62,3 &lt;b&gt;</title><path class=\"q3\" d=\"M0 0l10 0 0 10z\"/></a>"))
        #expect(svg.contains(">Guadeloupe</text>") && svg.contains(">Mayotte</text>"))
        #expect(!svg.contains("style="), "no inline style: the Content-Security-Policy forbids it")
    }
}
