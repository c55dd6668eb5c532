import ArgumentParser

/// The `bourg` command: the attractiveness atlas of France's small towns.
@main
struct Bourg: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Bourg, l'atlas de l'attractivité des petites villes de France.",
        subcommands: [DataCommand.self, TownCommand.self, ScoreCommand.self, RankCommand.self, DiagnoseCommand.self, WhatIfCommand.self, MatchCommand.self, TypologyCommand.self, SourcesCommand.self, ServeCommand.self, SurveyCommand.self])
}
