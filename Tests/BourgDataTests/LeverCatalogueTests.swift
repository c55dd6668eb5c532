import BourgCore
import Dispatch
import Foundation
import Synchronization
import Testing
@testable import BourgData

/// The lever catalogue over the build's catalogue, and the levers of every small town of the real atlas.
@Suite struct LeverCatalogueTests {
    @Test("every scored indicator of the build has a lever catalogue entry (a new one fails here until it has one)")
    func everyScoredIndicatorHasAnEntry() {
        let missing = AtlasBuilder.catalogue.filter { LeverCatalogue.needsEntry($0) && LeverCatalogue.actions[$0.id] == nil }.map(\.id)
        #expect(missing.isEmpty, "no lever catalogue entry: \(missing)")
        // Every entry names a real indicator, and an actionable one says who acts.
        let ids = Set(AtlasBuilder.catalogue.map(\.id))
        for (id, action) in LeverCatalogue.actions {
            #expect(ids.contains(id), "\(id) is not in the build's catalogue")
            if action.isLever { #expect(!action.actors.isEmpty, "\(id): who acts?") }
        }
        // Climate, hazards, distance to big cities are never levers.
        for definition in AtlasBuilder.catalogue where definition.dimension == .climat || definition.id.hasPrefix("distance_pole_aav") {
            #expect(!LeverCatalogue.action(for: definition).isLever, "\(definition.id)")
        }
    }
}

@Suite("Real atlas: levers", .enabled(if: RealAtlas.isAvailable, "BOURG_TEST_ATLAS is not set or missing: run scripts/test with ../shared/data present"))
struct RealLeverTests {
    @Test("over every small town: no non-actionable indicator is a lever, every target is its group's best quarter or a term's step toward it, the summary's levers are of different dimensions")
    func leversAreActionableAndTargetsReachable() throws {
        let atlas = try LoadedAtlas(path: RealAtlas.path!)
        let scores = try atlas.scores(.smallTowns)
        let board = try atlas.scoreboard(scores, weights: WeightPresets.barometre, uncertainty: nil)
        var levers = Diagnostician(board: board, peerTypes: try atlas.peerTypes(scores, rules: board.typology))
        levers.similarCount = 0 // levers only: the similar towns are the bulk of a diagnosis's cost
        let diagnostician = levers
        // Every small town (BourgData is optimised in debug builds: about 10 s on 2 cores).
        let sampled = Array(scores.members.indices)
        let count = sampled.count
        let problems = Mutex<[String]>([])
        let leverCount = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let diagnosis = diagnostician.diagnose(sampled[index])
            var found: [String] = []
            for lever in diagnosis.levers {
                let code = diagnosis.score.commune.code
                if !LeverCatalogue.action(for: lever.indicator).isLever { found.append("\(code): \(lever.indicator.id) is not actionable") }
                // The best quarter lies within what the group's towns have; a target bounded by a term's step lies
                // between the town's value and it.
                if !(lever.groupLowest...lever.groupHighest).contains(lever.bestQuarter) {
                    found.append("\(code): \(lever.indicator.id) best quarter \(lever.bestQuarter) outside [\(lever.groupLowest), \(lever.groupHighest)]")
                }
                if lever.target != lever.bestQuarter {
                    let between = min(lever.value, lever.bestQuarter) <= lever.target && lever.target <= max(lever.value, lever.bestQuarter)
                    if lever.action.step == nil || !between {
                        found.append("\(code): \(lever.indicator.id) target \(lever.target) is neither the best quarter \(lever.bestQuarter) nor a step toward it")
                    }
                }
                let better = lever.indicator.direction == .lowerIsBetter ? lever.target < lever.value : lever.target > lever.value
                if !better { found.append("\(code): \(lever.indicator.id) target \(lever.target) not better than \(lever.value)") }
                if lever.groupCount < Diagnostician.minimumGroup / 2 { found.append("\(code): \(lever.indicator.id) group of \(lever.groupCount)") }
            }
            let shown = CouncilSummary.levers(of: diagnosis)
            if Set(shown.map(\.indicator.dimension)).count != shown.count || shown.count > 3 {
                found.append("\(diagnosis.score.commune.code): the summary's levers \(shown.map(\.indicator.id)) repeat a dimension")
            }
            leverCount.withLock { $0 += diagnosis.levers.count }
            if !found.isEmpty { problems.withLock { $0 += found } }
        }
        #expect(problems.withLock { $0 }.isEmpty, "\(problems.withLock { Array($0.prefix(20)) })")
        #expect(leverCount.withLock { $0 } > count, "most towns have levers")
    }
}
