import Foundation

/// Where Bourg finds its data directory and its atlas file when the user names neither.
public enum AtlasLocation {
    /// The project's root: the nearest folder, from the current one upwards, holding Bourg's `Package.swift`;
    /// the current folder if there is none.
    public static var projectRoot: URL {
        var folder = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        while folder.path != "/" {
            let manifest = folder.appendingPathComponent("Package.swift")
            if let text = try? String(contentsOf: manifest, encoding: .utf8), text.contains("name: \"Bourg\"") {
                return folder
            }
            folder.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }

    /// The data directory: `explicit`, else `BOURG_DATA_DIR`, else `../shared/data` beside the project.
    public static func dataDirectory(_ explicit: String?) -> URL {
        if let explicit { return URL(fileURLWithPath: explicit) }
        if let fromEnvironment = ProcessInfo.processInfo.environment["BOURG_DATA_DIR"], !fromEnvironment.isEmpty {
            return URL(fileURLWithPath: fromEnvironment)
        }
        return projectRoot.deletingLastPathComponent().appendingPathComponent("shared/data").standardizedFileURL
    }

    /// The atlas file: `explicit`, else `BOURG_ATLAS`, else `data/bourg.sqlite` in the project.
    public static func atlasPath(_ explicit: String?) -> String {
        if let explicit { return explicit }
        if let fromEnvironment = ProcessInfo.processInfo.environment["BOURG_ATLAS"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        return projectRoot.appendingPathComponent("data/bourg.sqlite").path
    }
}
