import ArgumentParser
import BourgData

/// The option shared by every command that reads the atlas.
struct AtlasOptions: ParsableArguments {
    @Option(name: .long, help: "The atlas file (default: $BOURG_ATLAS, else data/bourg.sqlite in the project).")
    var atlas: String?

    var path: String { AtlasLocation.atlasPath(atlas) }

    func open() throws -> AtlasDatabase {
        try AtlasDatabase.openReadOnly(at: path)
    }

    /// Opens the atlas and loads its matrix, for the commands that score.
    func load() throws -> LoadedAtlas {
        try LoadedAtlas(path: path)
    }
}

/// An error message for the user, printed without a stack of Swift types.
struct UserError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
