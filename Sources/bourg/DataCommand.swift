import ArgumentParser
import BourgCore
import BourgData
import Foundation

/// `bourg data …`: build the atlas from the data directory, and report on it.
struct DataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data", abstract: "Construire l'atlas et rendre compte de sa couverture.",
        subcommands: [Build.self, Check.self, Report.self])

    /// `bourg data build`
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Construit l'atlas (un fichier SQLite) à partir des données officielles.")

        @Option(name: .long, help: "The data directory (default: $BOURG_DATA_DIR, else ../shared/data beside the project).")
        var dataDir: String?

        @Option(name: .long, help: "Where to write the atlas (default: $BOURG_ATLAS, else data/bourg.sqlite in the project).")
        var out: String?

        func run() throws {
            let directory = AtlasLocation.dataDirectory(dataDir)
            let path = AtlasLocation.atlasPath(out)
            print("Données : \(directory.path)")
            let start = Date()
            let draft: AtlasDraft
            do {
                draft = try AtlasBuilder(dataDirectory: directory).build(to: path) { event in
                    switch event {
                    case .started:
                        break
                    case let .finished(source, rows, seconds):
                        print("  " + source.padding(toLength: 48, withPad: " ", startingAt: 0) + String(format: "%9d lignes  %6.2f s", rows, seconds))
                    case .writing:
                        print("  écriture de l'atlas…")
                    }
                }
            } catch let error as DataBuildError {
                print("")
                throw UserError("La construction a échoué ; l'atlas existant n'a pas été modifié.\n\(error)")
            }
            let seconds = Date().timeIntervalSince(start)
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            print(String(format: "Atlas écrit : %@ (%.1f Mo, %d communes, %d indicateurs) en %.1f s",
                         path, Double(size) / 1_000_000, draft.communes.count, draft.catalogue.count, seconds))
            print("")
            try CoverageReport.print(atlas: AtlasDatabase.openReadOnly(at: path))
        }
    }

    /// `bourg data check`
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Vérifie le dossier de données sans construire l'atlas : fichiers lus, lignes écartées, codes sans commune.")

        @Option(name: .long, help: "The data directory (default: $BOURG_DATA_DIR, else ../shared/data beside the project).")
        var dataDir: String?

        func run() throws {
            let directory = AtlasLocation.dataDirectory(dataDir)
            print("Données : \(directory.path)")
            let draft: AtlasDraft
            do {
                draft = try AtlasBuilder(dataDirectory: directory).makeDraft()
            } catch let error as DataBuildError {
                throw UserError("Le dossier ne permet pas de construire l'atlas :\n\(error)")
            }
            let names = draft.provenance.map { "\($0.source.id)/\($0.fileName)" }
            let width = names.map(\.count).max() ?? 0
            for (entry, name) in zip(draft.provenance, names) {
                print("  \(name.padding(toLength: width, withPad: " ", startingAt: 0))  \(entry.rowsRead) lues, \(entry.rowsRejected) écartées, \(entry.rowsUnmatched) sans commune" + (entry.rowsCorrected > 0 ? ", \(entry.rowsCorrected) corrigées" : ""))
            }
            print("Tout est lisible : \(draft.communes.count) communes, \(draft.catalogue.count) indicateurs. Rien n'a été écrit.")
        }
    }

    /// `bourg data report`
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Affiche la couverture de chaque indicateur parmi les petites villes.")

        @OptionGroup var atlas: AtlasOptions

        func run() throws {
            try CoverageReport.print(atlas: atlas.open())
        }
    }
}

/// The coverage report: per dimension, the years its indicators describe (oldest and newest); per indicator,
/// its vintage and how many small towns (2,500–25,000 inhabitants) have a value.
enum CoverageReport {
    static func print(atlas: AtlasDatabase) throws {
        let coverage = try atlas.coverage().enumerated()
            .sorted { ($0.element.indicator.dimension, $0.offset) < ($1.element.indicator.dimension, $1.offset) }.map(\.element)
        let total = coverage.first?.communesInGroup ?? 0
        Swift.print("Couverture parmi les \(total) communes de 2 500 à 25 000 habitants (2021) :")
        for (dimension, entries) in Dictionary(grouping: coverage, by: \.indicator.dimension).sorted(by: { $0.key < $1.key }) {
            let years = entries.compactMap(\.indicator.vintageYears)
            let span = years.isEmpty ? "" : " — données de \(years.map(\.lowerBound).min()!) (la plus ancienne) à \(years.map(\.upperBound).max()!) (la plus récente)"
            Swift.print("\n\(dimension.label)\(span)")
            for entry in coverage where entry.indicator.dimension == dimension {
                let flag = entry.indicator.sources.isEmpty ? "  (aucune source)" : (entry.share < 0.95 ? "  < 95 %" : "")
                let name = entry.indicator.id.padding(toLength: 40, withPad: " ", startingAt: 0)
                let years = entry.indicator.vintageYears.map { $0.count == 1 ? "\($0.lowerBound)" : "\($0.lowerBound)–\($0.upperBound)" }
                let vintage = (years ?? entry.indicator.vintage).padding(toLength: 10, withPad: " ", startingAt: 0)
                Swift.print("  \(name) \(vintage)" + String(format: " %5d / %d  %5.1f %%", entry.communesWithValue, entry.communesInGroup, entry.share * 100) + flag)
            }
        }
    }
}
