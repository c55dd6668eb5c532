import Testing
@testable import BourgCore

@Suite("French number format")
struct FrenchFormatTests {
    @Test(arguments: [
        (1234.5, 1, "1\u{202F}234,5"),
        (0.3125, 2, "0,31"),
        (9.999, 2, "10"),
        (-0.12, 2, "-0,12"),
        (1_000_000, 0, "1\u{202F}000\u{202F}000"),
        (2.0, 1, "2"),
    ])
    func numbers(value: Double, decimals: Int, expected: String) {
        #expect(FrenchFormat.number(value, decimals: decimals) == expected)
    }

    @Test func readingsByKind() {
        let flag = IndicatorDefinition(id: "f", label: "F", unit: "", dimension: .mobilite, direction: .higherIsBetter,
                                       kind: .flag, sources: ["s"], vintage: "2024", definition: "")
        let category = IndicatorDefinition(id: "c", label: "C", unit: "", dimension: .logement, direction: .neutral, kind: .category,
                                           sources: ["s"], vintage: "2024", definition: "", categories: [IndicatorCategory(code: 1, label: "Zone C")])
        let quantity = IndicatorDefinition(id: "q", label: "Q", unit: "km", dimension: .mobilite, direction: .lowerIsBetter,
                                           sources: ["s"], vintage: "2024", definition: "")
        #expect(FrenchFormat.reading(IndicatorReading(definition: flag, value: 1)) == "oui")
        #expect(FrenchFormat.reading(IndicatorReading(definition: flag, value: 0)) == "non")
        #expect(FrenchFormat.reading(IndicatorReading(definition: category, value: 1)) == "Zone C")
        #expect(FrenchFormat.reading(IndicatorReading(definition: quantity, value: 12.34)) == "12,3 km")
        #expect(FrenchFormat.reading(IndicatorReading(definition: quantity, value: nil)) == "pas de donnée")
    }

    @Test func smallTownRangeIncludesBounds() {
        #expect(SizeRange.smallTowns.contains(2_500))
        #expect(SizeRange.smallTowns.contains(25_000))
        #expect(!SizeRange.smallTowns.contains(2_499))
        #expect(!SizeRange.smallTowns.contains(nil))
    }
}
