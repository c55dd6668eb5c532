import BourgCore
import BourgData
import Foundation
import Synchronization

/// What the web layer asks of the atlas. `AtlasService` is the real one; controllers hold any conforming value.
public protocol AtlasRepository: Sendable {
    /// The town page of a commune, or `nil` for an unknown code.
    func townPage(code: String) throws -> TownPage?
    /// The council summary of a small town (`SynthesePage.swift`), or `nil` for an unknown code.
    func synthesePage(code: String) throws -> SynthesePage?
    /// Communes matching a name (accent- and case-insensitive), best first.
    func search(_ query: String, limit: Int) throws -> [CommuneSummary]
    func homePage() throws -> HomePage
    func rankingPage(_ request: RankingRequest, weightNotice: String?) throws -> RankingPage
    func comparePage(codes: [String]) throws -> ComparePage
    func methodPage() -> MethodPage
    /// The indicator catalogue, which the town pages' JSON refers to by id.
    func cataloguePage() -> CataloguePage
    func sourcesPage() -> SourcesPage
    /// The national map (SVG), the same for every request.
    func nationalMap() -> String
    /// The household page, from its query string.
    func findPage(_ query: [String: String], everyTown: Bool) throws -> FindPage
    /// The household form as `query` filled it, with `rejected`'s messages next to their fields, and no answer.
    func findPage(_ query: [String: String], rejected: WebError) -> FindPage
    /// The map page (`MapPage.swift`), from its query string; without the SVG unless `drawing`.
    func mapPage(_ query: [String: String], drawing: Bool) throws -> MapPage
    /// The validation against migration (`/validation`, `ValidationPage.swift`); 404 when the atlas stores none.
    func validationPage() throws -> ValidationPage
    /// The per-town validation table in CSV (`/validation.csv`).
    func validationCSV() throws -> String
    /// The held-out trips of the car-time estimator in CSV (`/validation/trajets.csv`, `CarTimePage.swift`).
    func carTimesCSV() throws -> String
    /// The weightings a `preset` parameter may name: the shipped presets and the atlas's revealed one.
    var presets: [Weights] { get }
    /// An identifier of the atlas file's content, for ETags.
    var version: String { get }
}

/// The atlas loaded for serving: opened read-only and scored at start-up (peer scores, the barometer's
/// composites and ranks, its rank intervals read from the atlas), so that requests only read. What only some
/// pages need (the types of every peer, the diagnostician, the matcher) is prepared once, in the background
/// right after start-up (`prepare()`), or by the first request that needs it.
public final class AtlasService: AtlasRepository, Sendable {
    public let database: AtlasDatabase
    public let matrix: IndicatorMatrix
    public let scores: PeerScores
    /// The barometer weighting, with rank intervals: what pages show by default.
    public let board: Scoreboard
    /// The draws behind every rank interval the pages show.
    let uncertainty: RankUncertainty
    private let preparedTypes: Prepared<PeerTypes>
    private let preparedDiagnostician: Prepared<Diagnostician>
    private let preparedMatcher: Prepared<Matcher>
    private let preparedValidation: Prepared<ValidationReport?>
    /// The stored validation against migration (read on first use, or in `prepare()`), `nil` when there is none.
    var validation: ValidationReport? { preparedValidation.value }
    public let presets: [Weights]
    private let preparedInputs: Prepared<NewcomerInputs?>
    /// The amenity model's inputs for every town of the validation sample (its town pages' decomposition).
    var newcomerInputs: NewcomerInputs? { preparedInputs.value }
    /// The types of every peer (with their reasons), assigned once.
    var peerTypes: PeerTypes { preparedTypes.value }
    var diagnostician: Diagnostician { preparedDiagnostician.value }
    var matcher: Matcher { preparedMatcher.value }
    let sources: [SourceDescription]
    /// The sources' ids and the footer's list of them, made once (`PageFrame`).
    let sourceIds: [String]
    let sourcesHTML: String
    let provenance: [Provenance]
    let outlines: [DepartementOutline]
    let coverage: [IndicatorCoverage]
    public let version: String
    let builtAt: String
    /// The towns' shapes for the map page, made on first use (`MapPage.swift`).
    let mapShapes = Once<MapGeometry>()

    /// Opens and scores the atlas at `path`.
    public init(atlasPath: String, uncertainty: RankUncertainty = RankUncertainty()) throws {
        var timings: [(String, Duration)] = []
        let clock = ContinuousClock()
        func timed<T>(_ step: String, _ work: () throws -> T) rethrows -> T {
            let start = clock.now
            defer { timings.append((step, clock.now - start)) }
            return try work()
        }
        let atlas = try timed("open and matrix") { try LoadedAtlas(path: atlasPath) }
        let database = atlas.database, matrix = try atlas.wholeMatrix()
        let scores = try timed("peer scores") { try atlas.scores(.smallTowns, in: matrix) }
        let board = try timed("barometer board") {
            try atlas.scoreboard(scores, weights: WeightPresets.barometre, uncertainty: uncertainty)
        }
        self.uncertainty = uncertainty
        let surroundings = try database.storedSurroundings(range: scores.group.range, members: scores.members.count)
        let preparedTypes = Prepared { (try? atlas.peerTypes(scores, rules: board.typology)) ?? PeerTypes(scores: scores, rules: board.typology) }
        self.preparedTypes = preparedTypes
        preparedDiagnostician = Prepared { Diagnostician(board: board, peerTypes: preparedTypes.value) }
        preparedMatcher = Prepared {
            var matcher = Matcher(scores: scores, typology: board.typology, peerTypes: preparedTypes.value, surroundings: surroundings)
            // Car times to the big cities other than Paris, estimated at build (`StoredCarTimes`).
            if let times = try? database.carTimes(for: scores.members.map { matrix.communes[$0] }) { matcher.useCarTimes(times) }
            return matcher
        }
        let preparedValidation = Prepared { try? database.validationReport() }
        self.preparedValidation = preparedValidation
        preparedInputs = Prepared {
            guard let model = preparedValidation.value?.model(.amenity), let sample = try? MigrationSample(scores: scores) else { return nil }
            return NewcomerInputs(model: model, sample: sample)
        }
        presets = try database.presets()
        self.database = database
        self.matrix = matrix
        self.scores = scores
        self.board = board
        provenance = try database.provenance()
        var seen: Set<String> = []
        sources = provenance.compactMap { seen.insert($0.source.id).inserted ? $0.source : nil }
        sourceIds = sources.map(\.id)
        sourcesHTML = PageFrame.sourcesHTML(sources)
        outlines = try database.departementOutlines()
        coverage = matrix.coverage(in: .smallTowns)
        builtAt = try database.info("built_at") ?? "?"
        version = Self.hash(builtAt + String(AtlasDatabase.schemaVersion))
        startupTimings = timings.map { "\($0.0) \($0.1.components.seconds * 1_000 + $0.1.components.attoseconds / 1_000_000_000_000_000) ms" }
    }

    /// How long each start-up step took (for the start-up log line).
    public let startupTimings: [String]

    /// Prepares what only some pages need (types, diagnostician, matcher, the validation), so that no request waits for it;
    /// returns how long it took. Run in the background once the server listens.
    @discardableResult
    public func prepare() -> Duration {
        ContinuousClock().measure {
            _ = peerTypes
            _ = diagnostician
            _ = matcher
            _ = newcomerInputs
        }
    }

    static func hash(_ text: String) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325 // FNV-1a
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x100_0000_01b3
        }
        return String(value, radix: 16)
    }

    /// An indicator's sources as people name them ("INSEE, BPE 2024"), or "aucune source".
    func citation(of definition: IndicatorDefinition) -> String { definition.citation(among: sources) }

    func frame(_ title: String, json: String) -> PageFrame {
        PageFrame(title: title, jsonPath: json, sourceIds: sourceIds, sourcesHTML: sourcesHTML, atlasBuiltAt: builtAt)
    }

    public func search(_ query: String, limit: Int) throws -> [CommuneSummary] {
        let trimmed = query.trimmingCharacters(in: .whitespaces)
        if trimmed.count == 5, let commune = try database.commune(code: trimmed.uppercased()) { return [CommuneSummary(commune)] }
        return try database.searchCommunes(trimmed, limit: limit).map(CommuneSummary.init)
    }
}

/// A value computed once, by the first caller that needs it (the others wait for it), then shared.
final class Prepared<Value: Sendable>: Sendable {
    private let state = Mutex<Value?>(nil)
    private let make: @Sendable () -> Value

    init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
    }

    var value: Value {
        state.withLock { state in
            if let value = state { return value }
            let value = make()
            state = value
            return value
        }
    }
}
