import BourgCore
import Foundation

/// The weight presets shipped with Bourg: the 2021 barometer (a data file with the citation of every
/// number, in `Resources/`) and equal weights.
public enum WeightPresets {
    /// The "Baromètre des petites villes 2021" preset.
    public static let barometre: Weights = {
        guard let url = Bundle.module.url(forResource: "Resources/weights-barometre-2021", withExtension: "json"),
              let data = try? Data(contentsOf: url),
              let weights = try? JSONDecoder().decode(Weights.self, from: data) else {
            preconditionFailure("the barometer weights file is missing from the BourgData resources")
        }
        return weights
    }()

    /// Every preset, by id.
    public static var all: [Weights] { [barometre, .equal] }

    /// A preset by id (`barometre`, `equal`).
    public static func named(_ id: String) -> Weights? { all.first { $0.id == id } }

    /// The id of the revealed weighting ("Ce que montrent les arrivées"): fitted by each build on the atlas's own
    /// migration figures (`StoredValidation`), so read from the atlas (`LoadedAtlas.preset(named:)`), not shipped.
    public static let revealedID = "revelee"

    /// Every preset id a command or form accepts.
    public static var ids: [String] { all.map(\.id) + [revealedID] }
}
