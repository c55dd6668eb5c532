import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `bourg` command: the attractiveness atlas of France's small towns.
@main
struct Bourg: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Bourg, l'atlas de l'attractivité des petites villes de France.",
        subcommands: [DataCommand.self, TownCommand.self, ScoreCommand.self, RankCommand.self, DiagnoseCommand.self, WhatIfCommand.self, MatchCommand.self, TypologyCommand.self, ValidateCommand.self, SourcesCommand.self, ServeCommand.self, SurveyCommand.self])

    static func main() async {
        ClosedOutput.stopQuietly()
        await main(nil)
    }
}

/// What `bourg` does when the program reading its output stops early (`bourg rank --csv | head`): it stops at
/// once, quietly — no message, no crash report — with exit status 0, since the reader has what it wanted
/// (as ripgrep does). `bourg serve` instead ignores the signal: a client closing its connection is no reason to stop.
enum ClosedOutput {
    /// Makes a write to a closed pipe end the process with status 0.
    static func stopQuietly() {
        signal(SIGPIPE) { _ in _exit(0) }
    }

    /// Makes a write to a closed pipe or socket an ordinary error (for the server).
    static func ignore() {
        signal(SIGPIPE, SIG_IGN)
    }
}
