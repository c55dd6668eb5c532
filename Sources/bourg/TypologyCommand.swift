import ArgumentParser
import BourgCore
import BourgData

/// `bourg typology`: the typology rules and how many peer towns each type has.
struct TypologyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "typology", abstract: "Affiche les règles de la typologie et le nombre de communes de chaque type.")

    @OptionGroup var atlas: AtlasOptions

    @Option(name: .long, help: "Smallest population (2021) of the towns counted.")
    var minPop: Int = SizeRange.smallTowns.minimum

    @Option(name: .long, help: "Largest population (2021) of the towns counted.")
    var maxPop: Int = SizeRange.smallTowns.maximum

    func run() throws {
        let matrix = try atlas.open().indicatorMatrix()
        let rules = TypologyRules.standard
        let rows = matrix.rows(in: SizeRange(minimum: minPop, maximum: maxPop))
        let counts = TypologyCount(rules: rules, matrix: matrix, rows: rows)
        print("Typologie des \(rows.count) communes de \(minPop) à \(maxPop) habitants (2021) :")
        for type in TownType.allCases {
            print("\n\(type.label) : \(counts.byType[type, default: 0]) communes")
            print("  Règle : \(rules.descriptions[type] ?? "")")
        }
        print("\nSans aucun type : \(counts.untyped) communes")
    }
}
