import BourgCore
import Foundation
import Testing
@testable import BourgData

/// `AtlasBuilder.build(to:)` on the fixture directory, then the written atlas read back with `AtlasDatabase`.
@Suite("Atlas build from the fixture data")
struct AtlasBuildTests {
    /// A fresh temporary directory, removed after `body` has run.
    private func withTemporaryDirectory(_ body: (URL) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bourg-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try body(directory)
    }

    @Test func builtAtlasCanBeReadBack() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("atlas.sqlite").path
            let draft = try AtlasBuilder(dataDirectory: Fixture.dataDirectory).build(to: path)
            #expect(FileManager.default.fileExists(atPath: path))
            // No temporary file is left beside the atlas.
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains(".tmp-") }
            #expect(leftovers.isEmpty)

            let atlas = try AtlasDatabase.openReadOnly(at: path)
            #expect(try atlas.info("schema_version") == String(AtlasDatabase.schemaVersion))
            #expect(try atlas.info("communes") == "9")
            let counts = try atlas.tableCounts()
            #expect(counts["commune"] == 9)
            #expect(counts["commune_boundary"] == 9)
            #expect(counts["station"] == 7)
            #expect(counts["indicator"] == draft.catalogue.count)
            #expect(counts["source_file"] == draft.provenance.count)
        }
    }

    @Test func atlasCommunesAndSearch() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("atlas.sqlite").path
            _ = try AtlasBuilder(dataDirectory: Fixture.dataDirectory).build(to: path)
            let atlas = try AtlasDatabase.openReadOnly(at: path)

            let figeac = try #require(try atlas.commune(code: "46102"))
            #expect(figeac.name == "Figeac")
            #expect(figeac.population == 9770)
            #expect(figeac.departementName == "Lot")
            #expect(figeac.epciName == "CC Grand-Figeac")
            #expect(try atlas.commune(code: "75101") == nil) // an arrondissement is not a commune
            #expect(try atlas.commune(code: "2A004")?.regionName == "Corse")

            #expect(try atlas.searchCommunes("figeac").map(\.code) == ["46102"])
            #expect(try atlas.searchCommunes("ajaccio").map(\.code) == ["2A004"])
            // Accent- and case-insensitive, on words and prefixes.
            #expect(try atlas.searchCommunes("AMBERIEU").first?.code == "01004")
            #expect(try atlas.searchCommunes("ambérieu-en-bugey").first?.code == "01004")
            #expect(try atlas.searchCommunes("valserhone").map(\.code) == ["01033"])
            #expect(try atlas.searchCommunes("pern").first?.code == "46172")
            #expect(try atlas.searchCommunes("saint denis").map(\.code) == ["97411"])
            #expect(try atlas.searchCommunes("xyzzy").isEmpty)
            #expect(try atlas.searchCommunes("  ").isEmpty)
            // Abbreviations, hyphens, apostrophes and missing accents (issue 25).
            for query in ["st denis", "St-Denis", "ST. DENIS", "saint-denis", "st’denis"] {
                #expect(try atlas.searchCommunes(query).map(\.code) == ["97411"], "\(query)")
            }
        }
    }

    /// One rule for the indexed names and the queries: abbreviations written out, hyphens and apostrophes as
    /// spaces, accents and case folded.
    @Test(arguments: [
        ("st malo", "Saint-Malo"), ("St-Malo", "Saint-Malo"), ("ST MALO", "Saint-Malo"),
        ("ste maxime", "Sainte-Maxime"), ("Ste-Maxime", "Sainte-Maxime"),
        ("l isle adam", "L'Isle-Adam"), ("l’isle-adam", "L'Isle-Adam"),
        ("stes maries de la mer", "Saintes-Maries-de-la-Mer"), ("st etienne", "Saint-Étienne"),
        ("chateauneuf du pape", "Châteauneuf-du-Pape"),
    ])
    func searchWordsAreTheSameForQueryAndName(query: String, name: String) {
        #expect(AtlasDatabase.searchWords(query) == AtlasDatabase.searchWords(name))
    }

    @Test func searchWordsKeepOtherWordsWhole() {
        #expect(AtlasDatabase.searchWords("Saint-Malo") == ["saint", "malo"])
        #expect(AtlasDatabase.searchWords("Stenay") == ["stenay"])
        #expect(AtlasDatabase.searchWords("Le Poiré-sur-Vie") == ["le", "poire", "sur", "vie"])
    }

    @Test func atlasReadingsProvenanceAndCoverage() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("atlas.sqlite").path
            let draft = try AtlasBuilder(dataDirectory: Fixture.dataDirectory).build(to: path)
            let atlas = try AtlasDatabase.openReadOnly(at: path)

            // Every indicator of the catalogue, in order, missing values as nil.
            let readings = try atlas.readings(for: "46102")
            #expect(readings.map(\.definition.id) == draft.catalogue.map(\.id))
            func reading(_ id: String) -> Double? { readings.first { $0.definition.id == id }?.value }
            #expect(reading("medecins_generalistes_pour_10000") == 17.4)
            #expect(reading("gare_dans_commune") == 1)
            #expect(reading("prix_m2_maison") == 1695)
            #expect(reading("rapport_prix_revenu") == 7.7)
            #expect(reading("france_services") == 0)
            #expect(reading("couverture_mobile_4g") == nil)
            let categories = try #require(readings.first { $0.definition.id == "zone_abc" }?.definition.categories)
            #expect(categories.first { $0.code == 1 }?.label == "Zone C")
            // Ajaccio: Basilic missing for Corsica stays missing in the database.
            #expect(try atlas.readings(for: "2A004").first { $0.definition.id == "cinemas" }?.value == nil)

            let provenance = try atlas.provenance()
            #expect(provenance.count == draft.provenance.count)
            #expect(provenance.allSatisfy { $0.sha256.count == 64 })
            let filosofi = try #require(provenance.first { $0.source.id == "insee-filosofi-2021" })
            #expect(filosofi.fileName == "cc_filosofi_2021_COM.csv")
            #expect(filosofi.rowsRead == 12)
            #expect(filosofi.source.licence.contains("Licence Ouverte"))

            // Small towns (2 500–25 000 inhabitants in 2021): Ambérieu, Valserhône, Figeac, Avallon.
            let coverage = try atlas.coverage()
            #expect(coverage.count == draft.catalogue.count)
            func covered(_ id: String) -> IndicatorCoverage? { coverage.first { $0.indicator.id == id } }
            #expect(covered("gare_dans_commune")?.communesInGroup == 4)
            #expect(covered("gare_dans_commune")?.communesWithValue == 4)
            #expect(covered(FranceTravailImporter.indicatorID)?.communesWithValue == 1) // Figeac only (monthly file, ≥ 5,000 inh.)
            #expect(covered("demandeurs_emploi_pour_1000")?.communesWithValue == 4) // annual file: every commune
            #expect(covered("couverture_mobile_4g")?.communesWithValue == 0)
            #expect(covered("couverture_mobile_4g")?.share == 0)
        }
    }

    @Test func packedMatrixHoldsTheLongTable() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("atlas.sqlite").path
            let draft = try AtlasBuilder(dataDirectory: Fixture.dataDirectory).build(to: path)
            let atlas = try AtlasDatabase.openReadOnly(at: path)
            let matrix = try atlas.indicatorMatrix()
            #expect(matrix.communes.map(\.code) == draft.communes.map(\.code))
            #expect(matrix.indicators.map(\.id) == draft.catalogue.map(\.id))
            #expect(try atlas.commune(code: "46102") == matrix.communes[try #require(matrix.row(ofCommune: "46102"))])
            // Every value of the long table (for SQL users, read by `readings`) is the packed blob's, missing ones too.
            var values = 0
            for (row, commune) in matrix.communes.enumerated() {
                for reading in try atlas.readings(for: commune.code) {
                    #expect(matrix.value(commune: row, reading.definition.id) == reading.value, "\(commune.code) \(reading.definition.id)")
                    values += reading.value == nil ? 0 : 1
                }
            }
            #expect(values == matrix.values.filter { !$0.isNaN }.count)
            #expect(values == (try atlas.tableCounts()["indicator_value"]))
        }
    }

    @Test func storedIntervalsAreAFreshComputation() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("atlas.sqlite").path
            _ = try AtlasBuilder(dataDirectory: Fixture.dataDirectory).build(to: path)
            let atlas = try LoadedAtlas(path: path)
            let scores = try atlas.scores(StoredRankings.group)
            // The stored indicator scores are the ones computed now.
            let stored = try #require(try atlas.database.storedPeerScores(range: StoredRankings.group.range, members: scores.members.count))
            #expect(stored == PeerScores(matrix: try atlas.wholeMatrix(), group: StoredRankings.group).indicatorPart)
            #expect(scores.dimensionScores.elementsEqual(PeerScores(matrix: try atlas.wholeMatrix(), group: StoredRankings.group).dimensionScores) { $0 == $1 || ($0.isNaN && $1.isNaN) })
            for weights in WeightPresets.all {
                let stored = try #require(try atlas.database.storedIntervals(peers: scores, weights: weights, uncertainty: StoredRankings.uncertainty))
                // Same seed, same draws: the same intervals as computed now.
                #expect(stored == RankUncertainty().intervals(for: scores, weights: weights), "\(weights.id)")
                #expect(stored.contains { $0 != nil })
                #expect(try atlas.intervals(scores, weights: weights, uncertainty: RankUncertainty()) == stored)
            }
            // Other draws, weights or peers are not stored: computed, for the towns asked only.
            #expect(try atlas.database.storedIntervals(peers: scores, weights: .equal, uncertainty: RankUncertainty(seed: 1)) == nil)
            let custom = try Weights.custom(ratings: [.sante: 5])
            #expect(try atlas.database.storedIntervals(peers: scores, weights: custom, uncertainty: RankUncertainty()) == nil)
            let some = try atlas.intervals(scores, weights: custom, uncertainty: RankUncertainty(), positions: [0])
            #expect(some == RankUncertainty().intervals(for: scores, weights: custom, only: [0]))
        }
    }

    @Test func storedPeersAreAFreshComputation() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("atlas.sqlite").path
            _ = try AtlasBuilder(dataDirectory: Fixture.dataDirectory).build(to: path)
            let atlas = try LoadedAtlas(path: path)
            try StoredPeersCheck.expectFresh(atlas)
        }
    }
}

/// Checks that what the atlas stores of the default peers (`StoredPeers`) is what is computed over the whole matrix.
enum StoredPeersCheck {
    static func expectFresh(_ atlas: LoadedAtlas, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let whole = try atlas.wholeMatrix()
        let fresh = PeerScores(matrix: whole, group: StoredPeers.group)
        let stored = try atlas.scores(StoredPeers.group)
        #expect(!fresh.members.isEmpty, sourceLocation: sourceLocation)
        // The peers' own rows: the same communes and values, in the same order.
        #expect(stored.matrix.communes == fresh.members.map { whole.communes[$0] }, sourceLocation: sourceLocation)
        let width = whole.indicators.count
        let freshValues = fresh.members.flatMap { whole.values[$0 * width ..< ($0 + 1) * width] }
        #expect(stored.matrix.values.elementsEqual(freshValues) { $0 == $1 || ($0.isNaN && $1.isNaN) }, sourceLocation: sourceLocation)
        #expect(stored.indicatorPart == fresh.indicatorPart, sourceLocation: sourceLocation)
        #expect(stored.dimensionScores.elementsEqual(fresh.dimensionScores) { $0 == $1 || ($0.isNaN && $1.isNaN) }, sourceLocation: sourceLocation)
        // Types and surroundings: stored equal fresh.
        #expect(try atlas.peerTypes(stored) == PeerTypes(scores: fresh), sourceLocation: sourceLocation)
        let surroundings = try #require(try atlas.database.storedSurroundings(range: StoredPeers.group.range, members: fresh.members.count))
        #expect(surroundings == MatchSurroundings(scores: fresh), sourceLocation: sourceLocation)
        // What the commands show: the same diagnostic, what-if and match, to the byte.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let storedBoard = Scoreboard(scores: stored, weights: WeightPresets.barometre)
        let freshBoard = Scoreboard(scores: fresh, weights: WeightPresets.barometre)
        for position in Set([0, fresh.members.count / 2, fresh.members.count - 1]) {
            let storedDiagnosis = Diagnostician(board: storedBoard, peerTypes: try atlas.peerTypes(stored), towns: [position]).diagnose(position)
            let freshDiagnosis = Diagnostician(board: freshBoard).diagnose(position)
            #expect(try encoder.encode(storedDiagnosis) == encoder.encode(freshDiagnosis), sourceLocation: sourceLocation)
            let column = try #require(fresh.scoredIndicators.first)
            let uncertainty = RankUncertainty(draws: 50)
            let storedWhatIf = WhatIf(scores: stored)
            let freshWhatIf = WhatIf(scores: fresh)
            #expect(try encoder.encode(storedWhatIf.compare(position: position, after: storedWhatIf.applying(position: position, changes: [column: 1e9]),
                                                            weights: WeightPresets.barometre, uncertainty: uncertainty))
                    == encoder.encode(freshWhatIf.compare(position: position, after: freshWhatIf.applying(position: position, changes: [column: 1e9]),
                                                          weights: WeightPresets.barometre, uncertainty: uncertainty)), sourceLocation: sourceLocation)
        }
        let profile = HouseholdProfile(weights: try Weights.custom(ratings: [.nature: 5, .sante: 3]),
                                       constraints: [.need(amenity: .gp, withinKm: 10)], top: 50, keepUnknown: true)
        #expect(try encoder.encode(try atlas.matcher(stored).match(profile)) == encoder.encode(try Matcher(scores: fresh).match(profile)),
                sourceLocation: sourceLocation)
    }
}
