import ArgumentParser
import BourgData

/// `bourg sources`: the provenance table of the atlas.
struct SourcesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sources", abstract: "Liste les sources de l'atlas : producteur, millésime, licence, fichiers et empreintes.")

    @OptionGroup var atlas: AtlasOptions

    func run() throws {
        let provenance = try atlas.open().provenance()
        var current = ""
        for entry in provenance {
            if entry.source.id != current {
                current = entry.source.id
                print("\n\(entry.source.id) — \(entry.source.title)")
                print("  Producteur : \(entry.source.producer)")
                print("  Millésime : \(entry.source.vintage) · Licence : \(entry.source.licence)")
                print("  Adresse officielle : \(entry.source.officialURL)")
            }
            print("  · \(entry.fileName) : \(entry.rowsRead) lignes lues, \(entry.rowsRejected) écartées, \(entry.rowsUnmatched) sans commune\(entry.rowsCorrected > 0 ? ", \(entry.rowsCorrected) corrigées" : "") — sha256 \(entry.sha256.prefix(16))…")
        }
    }
}
