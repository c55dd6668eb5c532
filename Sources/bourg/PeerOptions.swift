import ArgumentParser
import BourgCore
import BourgData

/// The peer group every score is relative to: communes of --min-pop to --max-pop inhabitants (2021).
struct PeerOptions: ParsableArguments {
    @Option(name: .long, help: "Smallest population (2021) of the peer towns.")
    var minPop: Int = SizeRange.smallTowns.minimum

    @Option(name: .long, help: "Largest population (2021) of the peer towns.")
    var maxPop: Int = SizeRange.smallTowns.maximum

    func validate() throws {
        guard minPop >= 0, maxPop >= minPop else {
            throw ValidationError("--min-pop / --max-pop: expected 0 ≤ --min-pop ≤ --max-pop (got \(minPop) and \(maxPop))")
        }
    }

    var range: SizeRange { SizeRange(minimum: minPop, maximum: maxPop) }

    var peerGroup: PeerGroup { range == .smallTowns ? .smallTowns : PeerGroup(range: range) }

    /// The peers' scores in the atlas, or a clear error when no commune is in the range.
    func scores(atlas: LoadedAtlas) throws -> PeerScores {
        let scores = try atlas.scores(peerGroup)
        guard !scores.members.isEmpty else { throw UserError("Aucune commune entre \(minPop) et \(maxPop) habitants.") }
        return scores
    }
}
