import ArgumentParser
import BourgCore
import BourgData

/// `bourg typology`: the typology rules and how many peer towns each type has.
struct TypologyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "typology", abstract: "Affiche les règles de la typologie et le nombre de communes de chaque type.")

    @OptionGroup var atlas: AtlasOptions

    @OptionGroup var peers: PeerOptions

    func run() throws {
        let matrix = try atlas.load().wholeMatrix()
        let rules = TypologyRules.standard
        let rows = matrix.rows(in: peers.range)
        let counts = TypologyCount(rules: rules, matrix: matrix, rows: rows)
        print("Typologie des \(rows.count) \(peers.peerGroup.label) :")
        for type in TownType.allCases {
            print("\n\(type.label) : \(counts.byType[type, default: 0]) communes")
            print("  Règle : \(rules.descriptions[type] ?? "")")
        }
        print("\nSans aucun type : \(counts.untyped) communes")
    }
}
