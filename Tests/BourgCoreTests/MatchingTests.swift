import Foundation
import Testing
@testable import BourgCore

/// Ten hand-made peer towns (T1…T10) and three other communes (Paris, Lyon, a hamlet with a doctor), with
/// every figure a constraint reads. Towns lie on Paris' meridian, `kmSouth` km south of it, so straight-line
/// distances are known by hand; T8 lies 0.3° north of Lyon; T10 is in Guadeloupe.
enum MatchingTowns {
    static let nan = Double.nan
    /// Kilometres per degree of latitude on the mean Earth sphere.
    static let kmPerDegree = Double.pi / 180 * GeoPoint.earthRadiusKm
    static let paris = GeoPoint(latitude: 48.8566, longitude: 2.3522)
    static let lyon = GeoPoint(latitude: 45.7640, longitude: 4.8357)

    static func south(_ km: Double) -> (Double, Double) { (paris.latitude - km / kmPerDegree, paris.longitude) }

    static let ids: [(String, AttractivenessDimension, Direction, IndicatorKind)] = [
        ("temps_voiture_paris_min", .metropole, .neutral, .quantity),               // 0
        ("distance_gare_grandes_lignes_km", .mobilite, .lowerIsBetter, .quantity),  // 1
        ("gare_dans_commune", .mobilite, .higherIsBetter, .flag),                   // 2
        ("prix_m2_maison", .logement, .lowerIsBetter, .quantity),                   // 3
        ("prix_m2_appartement", .logement, .lowerIsBetter, .quantity),              // 4
        ("distance_college_km", .servicesPublics, .lowerIsBetter, .quantity),       // 5
        ("distance_lycee_km", .servicesPublics, .lowerIsBetter, .quantity),         // 6
        ("distance_creche_km", .servicesPublics, .lowerIsBetter, .quantity),        // 7
        ("distance_france_services_km", .servicesPublics, .lowerIsBetter, .quantity), // 8
        ("distance_cinema_km", .culture, .lowerIsBetter, .quantity),                // 9
        ("distance_supermarche_km", .commerce, .lowerIsBetter, .quantity),          // 10
        ("medecins_generalistes_pour_10000", .sante, .higherIsBetter, .quantity),   // 11
        ("petites_villes_de_demain", .dynamique, .neutral, .flag),                  // 12
        ("categorie_aav", .emploi, .neutral, .category),                            // 13
        ("taille_aav", .metropole, .neutral, .category),                            // 14
        ("littoral_mer", .nature, .neutral, .flag),                                 // 15
        ("massif", .nature, .neutral, .category),                                   // 16
        ("altitude_moyenne_m", .nature, .neutral, .quantity),                       // 17
        ("couvert_arbore_pct", .nature, .higherIsBetter, .quantity),                // 18
        ("part_locaux_fibre", .numerique, .higherIsBetter, .quantity),              // 19
    ]

    static let indicators = ids.map { id, dimension, direction, kind in
        IndicatorDefinition(id: id, label: id, unit: "", dimension: dimension, direction: direction, kind: kind,
                            sources: ["test"], vintage: "2024", definition: "hand-made",
                            categories: id == "massif" ? [IndicatorCategory(code: 2, label: "Massif Central")] : [])
    }

    static func town(_ number: Int, departement: String, region: String?, population: Int, at position: (Double, Double)) -> Commune {
        Commune(code: String(format: "000%02d", number), name: "T\(number)", departement: departement, region: region,
                population: population, latitude: position.0, longitude: position.1)
    }

    static let communes: [Commune] = [
        town(1, departement: "45", region: "24", population: 5_000, at: south(60)),
        town(2, departement: "45", region: "24", population: 3_000, at: south(120)),
        town(3, departement: "45", region: "24", population: 12_000, at: south(300)),
        town(4, departement: "45", region: nil, population: 8_000, at: south(80)),
        town(5, departement: "46", region: "76", population: 20_000, at: south(500)),
        town(6, departement: "46", region: "76", population: 4_000, at: south(520)),
        town(7, departement: "46", region: "76", population: 2_600, at: south(540)),
        town(8, departement: "69", region: "84", population: 15_000, at: (lyon.latitude + 0.3, lyon.longitude)),
        town(9, departement: "12", region: "76", population: 6_000, at: south(560)),
        town(10, departement: "971", region: "01", population: 9_000, at: (16.25, -61.58)),
        Commune(code: "75056", name: "Paris", departement: "75", region: "11", population: 2_133_111,
                latitude: paris.latitude, longitude: paris.longitude),
        Commune(code: "69123", name: "Lyon", departement: "69", region: "84", population: 522_250,
                latitude: lyon.latitude, longitude: lyon.longitude),
        Commune(code: "46999", name: "Hameau", departement: "46", region: "76", population: 800,
                latitude: south(303).0, longitude: south(303).1),
    ]

    //                paris  tgv  gare maison appart coll lyc crè  FS  ciné sup  méd  pvd cat taille litt mass alt  arbre fibre
    static let table: [[Double]] = [
        /* T1 */     [60,    5,   1,   2_000, 2_500, 0,   0,  0,   0,  0,   0,   8,   1,  20, 5,  0,   0,   100, 30,   90],
        /* T2 */     [95,    12,  1,   1_500, nan,   0,   8,  3,   0,  10,  0,   6,   0,  30, 0,  1,   0,   10,  20,   70],
        /* T3 */     [nan,   nan, nan, nan,   nan,   4,   15, 5,   6,  20,  2,   0,   1,  30, 0,  0,   2,   600, 60,   40],
        /* T4 */     [70,    30,  0,   2_600, 3_000, 0,   0,  0,   2,  0,   0,   10,  0,  20, 5,  0,   0,   120, 25,   95],
        /* T5 */     [300,   8,   1,   1_200, 1_800, 0,   0,  0,   0,  0,   0,   12,  1,  11, 1,  0,   2,   450, 45,   60],
        /* T6 */     [310,   25,  0,   1_100, nan,   3,   9,  6,   4,  15,  3,   0,   0,  30, 0,  0,   2,   700, 55,   30],
        /* T7 */     [320,   40,  0,   1_000, nan,   0,   12, 0,   0,  12,  0,   5,   1,  30, 0,  0,   2,   800, 65,   35],
        /* T8 */     [250,   2,   1,   3_200, 3_500, 0,   0,  0,   0,  0,   0,   9,   0,  20, 4,  0,   0,   250, 35,   98],
        /* T9 */     [330,   50,  0,   1_300, nan,   5,   20, 8,   10, 25,  4,   nan, 0,  30, 0,  1,   0,   5,   15,   20],
        /* T10 */    [nan,   nan, nan, 900,   nan,   0,   0,  0,   0,  0,   0,   7,   0,  11, 2,  1,   0,   nan, nan,  50],
        /* Paris */  [0,     0,   1,   10_000, 10_500, 0, 0,  0,   0,  0,   0,   30,  0,  11, 5,  0,   0,   35,  5,    100],
        /* Lyon */   [270,   0,   1,   5_000, 5_000, 0,   0,  0,   0,  0,   0,   25,  0,  11, 4,  0,   0,   170, 10,   100],
        /* Hameau */ [nan,   nan, nan, nan,   nan,   nan, nan, nan, nan, nan, nan, 12.5, 0, 30, 0, nan, nan, nan, nan,  nan],
    ]

    static func matrix(_ table: [[Double]] = table) -> IndicatorMatrix {
        IndicatorMatrix(communes: communes, indicators: indicators, values: table.flatMap { $0 })
    }

    static let scores = PeerScores(matrix: matrix(), group: .smallTowns)
    static let matcher = Matcher(scores: scores)
    static let weights = try! Weights.custom(ratings: [.mobilite: 5, .sante: 4, .logement: 4, .servicesPublics: 3, .nature: 2, .numerique: 1])

    static var parisPole: CityPole { matcher.cityPoles.first { $0.isParis }! }
    static var lyonPole: CityPole { matcher.cityPoles.first { $0.name == "Lyon" }! }

    /// The names of the towns meeting a constraint, failing it, and without the figure it needs.
    static func outcomes(_ constraint: MatchConstraint) -> (pass: [String], fail: [String], unknown: [String]) {
        var result: (pass: [String], fail: [String], unknown: [String]) = ([], [], [])
        for position in scores.members.indices {
            let name = scores.matrix.communes[scores.members[position]].name
            switch matcher.outcome(of: constraint, position: position) {
            case .pass: result.pass.append(name)
            case .fail: result.fail.append(name)
            case .unknown: result.unknown.append(name)
            }
        }
        return result
    }

    static func profile(_ constraints: [MatchConstraint], top: Int = 10, keepUnknown: Bool = false) -> HouseholdProfile {
        HouseholdProfile(weights: weights, constraints: constraints, top: top, keepUnknown: keepUnknown)
    }
}

@Suite("Matching: constraints")
struct MatchConstraintTests {
    typealias Towns = MatchingTowns

    @Test func peersAndPoles() {
        #expect(Towns.scores.members == Array(0..<10))
        // Poles of areas of ≥ 200,000 inhabitants: categorie_aav 11 and taille_aav ≥ 3 (T5 and T10 are smaller poles).
        #expect(Towns.matcher.cityPoles.map(\.name) == ["Paris", "Lyon"])
    }

    @Test func parisByCarUsesOSRMTimesAndOverseasFails() {
        let result = Towns.outcomes(.reach(city: Towns.parisPole, limit: .minutesByCar(90)))
        #expect(result.pass == ["T1", "T4"])
        #expect(result.fail == ["T2", "T5", "T6", "T7", "T8", "T9", "T10"])  // 95 min is over; no road from Guadeloupe
        #expect(result.unknown == ["T3"])
    }

    @Test func otherCitiesByStraightLineWithinOneTerritory() throws {
        let result = Towns.outcomes(.reach(city: Towns.lyonPole, limit: .kilometres(40)))
        #expect(result.pass == ["T8"])
        #expect(result.unknown.isEmpty)
        let distance = try #require(Towns.matcher.distanceKm(to: Towns.lyonPole, position: 7))
        #expect(abs(distance - 0.3 * Towns.kmPerDegree) < 1e-6)               // 33.36 km due north
        #expect(Towns.matcher.distanceKm(to: Towns.lyonPole, position: 9) == .infinity) // across the ocean
        // Paris by straight line: T1 is 60 km south, T4 80 km.
        #expect(Towns.outcomes(.reach(city: Towns.parisPole, limit: .kilometres(70))).pass == ["T1"])
    }

    @Test func longDistanceStationAndStationInTown() {
        let tgv = Towns.outcomes(.longDistanceStation(withinKm: 10))
        #expect(tgv.pass == ["T1", "T5", "T8"])
        #expect(tgv.fail == ["T2", "T4", "T6", "T7", "T9"])
        #expect(tgv.unknown == ["T3", "T10"])
        let station = Towns.outcomes(.stationInTown)
        #expect(station.pass == ["T1", "T2", "T5", "T8"])
        #expect(station.unknown == ["T3", "T10"])
    }

    @Test func priceCeilingsIncludeTheBound() {
        let house = Towns.outcomes(.maxPrice(housing: .house, eurosPerM2: 2_000))
        #expect(house.pass == ["T1", "T2", "T5", "T6", "T7", "T9", "T10"])   // T1 is exactly 2 000
        #expect(house.fail == ["T4", "T8"])
        #expect(house.unknown == ["T3"])
        let apartment = Towns.outcomes(.maxPrice(housing: .apartment, eurosPerM2: 2_600))
        #expect(apartment.pass == ["T1", "T5"])
        #expect(apartment.fail == ["T4", "T8"])
        #expect(apartment.unknown == ["T2", "T3", "T6", "T7", "T9", "T10"])
    }

    @Test func amenitiesInTownOrWithinADistance() {
        #expect(Towns.outcomes(.need(amenity: .lycee, withinKm: 0)).pass == ["T1", "T4", "T5", "T8", "T10"])
        #expect(Towns.outcomes(.need(amenity: .lycee, withinKm: 10)).pass == ["T1", "T2", "T4", "T5", "T6", "T8", "T10"])
        #expect(Towns.outcomes(.need(amenity: .college, withinKm: 3)).fail == ["T3", "T9"])
        #expect(Towns.outcomes(.need(amenity: .creche, withinKm: 0)).fail == ["T2", "T3", "T6", "T9"])
        #expect(Towns.outcomes(.need(amenity: .franceServices, withinKm: 4)).fail == ["T3", "T9"])
        #expect(Towns.outcomes(.need(amenity: .cinema, withinKm: 12)).fail == ["T3", "T6", "T9"])
        #expect(Towns.outcomes(.need(amenity: .supermarche, withinKm: 2)).fail == ["T6", "T9"])
    }

    @Test func generalPractitionerDistanceLooksAtEveryCommuneOfTheAtlas() {
        let distances = Towns.matcher.nearestKm[.gp]!
        #expect(distances[0] == 0)                                  // T1 has doctors
        #expect(abs(distances[2] - 3) < 1e-6)                       // T3 has none; the hamlet (not a peer) 3 km away has
        #expect(abs(distances[5] - 20) < 1e-6)                      // T6: T5 and T7, 20 km away
        #expect(distances[8].isNaN)                                 // T9: its own figure is missing
        let inTown = Towns.outcomes(.need(amenity: .gp, withinKm: 0))
        #expect(inTown.fail == ["T3", "T6"])
        #expect(inTown.unknown == ["T9"])
        let within5 = Towns.outcomes(.need(amenity: .gp, withinKm: 5))
        #expect(within5.fail == ["T6"])
        #expect(within5.unknown == ["T9"])
        // A counted amenity the atlas does not hold is unknown everywhere, never a failure.
        let pharmacies = Towns.matcher.nearestKm[.pharmacie] ?? []
        #expect(pharmacies.count == Towns.scores.members.count && pharmacies.allSatisfy { $0.isNaN })
        #expect(Towns.outcomes(.need(amenity: .pharmacie, withinKm: 5)).fail.isEmpty)
    }

    @Test func populationDepartementsAndRegions() {
        #expect(Towns.outcomes(.population(range: SizeRange(minimum: 5_000, maximum: 10_000))).pass == ["T1", "T4", "T9", "T10"])
        #expect(Towns.outcomes(.departements(codes: ["45", "971"])).pass == ["T1", "T2", "T3", "T4", "T10"])
        #expect(Towns.outcomes(.excludedDepartements(codes: ["45"])).pass == ["T5", "T6", "T7", "T8", "T9", "T10"])
        let regions = Towns.outcomes(.regions(codes: ["76"]))
        #expect(regions.pass == ["T5", "T6", "T7", "T9"])
        #expect(regions.unknown == ["T4"])                          // no région known
        let notRegions = Towns.outcomes(.excludedRegions(codes: ["76"]))
        #expect(notRegions.fail == ["T5", "T6", "T7", "T9"])
        #expect(notRegions.unknown == ["T4"])
    }

    @Test func typesFollowTheTypologyAndMissingInputsAreUnknown() {
        #expect(Towns.outcomes(.types(anyOf: [.littoral])).pass == ["T2", "T9", "T10"])
        let mountain = Towns.outcomes(.types(anyOf: [.montagne]))
        #expect(mountain.pass == ["T3", "T5", "T6", "T7"])          // massif and altitude ≥ 400 m
        #expect(mountain.unknown == ["T10"])                        // no altitude: the rule cannot be checked
        let either = Towns.outcomes(.types(anyOf: [.littoral, .montagne]))
        #expect(either.pass == ["T2", "T3", "T5", "T6", "T7", "T9", "T10"])
        #expect(either.unknown.isEmpty)
    }

    @Test func petitesVillesDeDemain() {
        #expect(Towns.outcomes(.petitesVillesDeDemain).pass == ["T1", "T3", "T5", "T7"])
    }
}

@Suite("Matching: answers")
struct MatchAnswerTests {
    typealias Towns = MatchingTowns

    @Test func matchScoreIsTheCompositeAndContributionsAddUp() throws {
        let result = try Towns.matcher.match(Towns.profile([]))
        let composites = Towns.scores.composites(Towns.weights)
        #expect(result.towns.count == 10)
        for town in result.towns {
            let position = try #require(Towns.scores.position(ofCommune: town.commune.code))
            #expect(town.matchScore == composites[position])
            let sum = town.contributions.compactMap(\.contribution).reduce(0, +)
            #expect(abs(sum - town.matchScore) < 1e-9)
            #expect(abs(town.contributions.map(\.weight).reduce(0, +) - 1) < 1e-12)
        }
        // Best first.
        #expect(result.towns.map(\.matchScore) == result.towns.map(\.matchScore).sorted(by: >))
        #expect(result.excluded == 0 && result.remaining == 10)
    }

    @Test func missingDataIsExcludedAndCountedOrKeptAndFlagged() throws {
        let constraint = MatchConstraint.maxPrice(housing: .house, eurosPerM2: 2_000)
        let strict = try Towns.matcher.match(Towns.profile([constraint]))
        #expect(strict.constraints[0].failed == 2)
        #expect(strict.constraints[0].unknown == 1)
        #expect(strict.constraints[0].excluded == 3)
        #expect(strict.constraints[0].summary == "prix médian des maisons ≤ 2\u{202F}000 €/m² : 3 exclues, dont 1 faute de donnée")
        #expect(!strict.towns.contains { $0.commune.name == "T3" })
        #expect(strict.excluded == 3 && strict.remaining == 7)

        let lenient = try Towns.matcher.match(Towns.profile([constraint], keepUnknown: true))
        #expect(lenient.constraints[0].excluded == 2)
        #expect(lenient.constraints[0].unknown == 1)
        #expect(lenient.keptWithUnknown == 1)
        let kept = try #require(lenient.towns.first { $0.commune.name == "T3" })
        #expect(kept.unknownConstraints == [constraint.label])
        #expect(lenient.towns.filter { !$0.unknownConstraints.isEmpty }.count == 1)
        #expect(lenient.remaining == 8)
    }

    @Test func exclusionCountsCountATownUnderEachConstraintItFails() throws {
        let result = try Towns.matcher.match(Towns.profile([
            .reach(city: Towns.parisPole, limit: .minutesByCar(90)),
            .maxPrice(housing: .house, eurosPerM2: 2_000),
            .need(amenity: .lycee, withinKm: 0),
        ]))
        // Paris: 7 fail + T3 unknown; price: T4, T8 fail + T3 unknown; lycée: T2, T3, T6, T7, T9 fail.
        #expect(result.constraints.map(\.excluded) == [8, 3, 5])
        #expect(result.constraints.map(\.unknown) == [1, 1, 0])
        #expect(result.towns.map(\.commune.name) == ["T1"])
        #expect(result.excluded == 9)
        #expect(result.remaining == 1)
    }

    @Test func atMostKTownsPerDepartement() throws {
        let profile = HouseholdProfile(weights: Towns.weights, top: 10, perDepartement: 1)
        let result = try Towns.matcher.match(profile)
        let departements = result.towns.map(\.commune.departement)
        #expect(Set(departements).count == departements.count)
        #expect(Set(departements) == ["45", "46", "69", "12", "971"])
        #expect(result.setAsideForDiversity == 5)
        // Each is the best of its département.
        let composites = Towns.scores.composites(Towns.weights)
        for town in result.towns {
            let best = Towns.scores.members.indices.filter { Towns.communes[$0].departement == town.commune.departement }
                .map { composites[$0] }.max()
            #expect(town.matchScore == best)
        }
        let two = try Towns.matcher.match(HouseholdProfile(weights: Towns.weights, top: 10, perDepartement: 2))
        #expect(two.towns.count == 7)   // 45: 2, 46: 2, 69: 1, 12: 1, 971: 1
        #expect(Dictionary(grouping: two.towns, by: \.commune.departement).values.allSatisfy { $0.count <= 2 })
    }

    @Test func townsLikeAGivenTownAreOrderedByLikenessAndMeetTheConstraints() throws {
        var profile = Towns.profile([.types(anyOf: [.montagne])])
        profile.likeCommune = "00005"
        let result = try Towns.matcher.match(profile)
        #expect(result.likedTown?.name == "T5")
        // T5 itself is left out; T3 shares only 9 scored indicators with it (< 10): not comparable, counted.
        #expect(Set(result.towns.map(\.commune.name)) == ["T6", "T7"])
        #expect(result.withoutSimilarity == 1)
        let distances = result.towns.map { $0.similarityDistance ?? .nan }
        #expect(distances == distances.sorted())
        for town in result.towns {
            let position = try #require(Towns.scores.position(ofCommune: town.commune.code))
            #expect(town.similarityDistance == Towns.matcher.similarity.distance(4, position))
        }
        // Without constraints, every other comparable peer.
        profile.constraints = []
        #expect(try Towns.matcher.match(profile).towns.count + Towns.matcher.match(profile).withoutSimilarity == 9)
    }

    @Test func badRequestsAreRefusedWithAnExplanation() {
        #expect(throws: MatchError.self) { try Towns.matcher.match(Towns.profile([.reach(city: Towns.lyonPole, limit: .minutesByCar(-60))])) }
        #expect(throws: MatchError.self) { try Towns.matcher.match(Towns.profile([.maxPrice(housing: .house, eurosPerM2: 0)])) }
        #expect(throws: MatchError.self) { try Towns.matcher.match(Towns.profile([.need(amenity: .gp, withinKm: -1)])) }
        #expect(throws: MatchError.self) { try Towns.matcher.match(Towns.profile([], top: 0)) }
        var notAPeer = Towns.profile([])
        notAPeer.likeCommune = "69123"
        #expect(throws: MatchError.self) { try Towns.matcher.match(notAPeer) }
    }
}

@Suite("Matching: monotonicity")
struct MatchMonotonicityTests {
    typealias Towns = MatchingTowns

    /// The match score of peer `position` when the matrix is `table`.
    static func score(_ table: [[Double]], position: Int, weights: Weights) throws -> Double {
        let matcher = Matcher(scores: PeerScores(matrix: Towns.matrix(table), group: .smallTowns))
        let result = try matcher.match(HouseholdProfile(weights: weights, top: 10))
        return try #require(result.towns.first { $0.commune.code == Towns.communes[position].code }).matchScore
    }

    /// Raising a town's indicator in its good direction (a little, or to the best peer value) never lowers
    /// its match score, for every town and every scored indicator of a dimension the household rates.
    @Test func improvingAnIndicatorNeverLowersTheMatchScore() throws {
        let scores = Towns.scores
        let peerRows = Array(0..<10)
        var checked = 0
        for column in scores.scoredIndicators {
            let definition = Towns.indicators[column]
            var ratings: [AttractivenessDimension: Double] = [.nature: 2, .sante: 1]
            ratings[definition.dimension] = 4
            let weights = try Weights.custom(ratings: ratings)
            let sign = definition.direction == .lowerIsBetter ? -1.0 : 1.0
            let known = peerRows.compactMap { row -> Double? in let v = Towns.table[row][column]; return v.isNaN ? nil : v }
            guard let best = sign > 0 ? known.max() : known.min(), let worst = sign > 0 ? known.min() : known.max() else { continue }
            let step = max(abs(best - worst) / 10, definition.kind == .flag ? 1 : 0.01)
            for row in peerRows where !Towns.table[row][column].isNaN {
                let before = try Self.score(Towns.table, position: row, weights: weights)
                let current = Towns.table[row][column]
                var raises = [best]
                if definition.kind == .flag { raises = [1] } else { raises.append(current + sign * step) }
                for raised in raises where sign * (raised - current) > 0 {
                    var table = Towns.table
                    table[row][column] = raised
                    let after = try Self.score(table, position: row, weights: weights)
                    #expect(after >= before - 1e-12, "\(definition.id), T\(row + 1): \(current) → \(raised) lowered \(before) to \(after)")
                    checked += 1
                }
            }
        }
        #expect(checked > 60)
    }

    /// The JRC outlier rule can make a town that becomes an extreme outlier tie with the next value
    /// (winsorising), so its percentile drops slightly: a property of the scoring, not of the matcher.
    /// Scores rank raw values, so even an absurd outlier (which the outlier rule winsorises for distances)
    /// keeps the town on top.
    @Test func anExtremeOutlierNeverLowersTheScore() throws {
        let weights = try Weights.custom(ratings: [.numerique: 5])
        let before = try Self.score(Towns.table, position: 7, weights: weights)   // T8: best fibre share, 98
        var table = Towns.table
        table[7][19] = 10_000                                                      // absurd outlier
        let after = try Self.score(table, position: 7, weights: weights)
        #expect(after >= before)
    }
}

@Suite("Matching: reasons")
struct MatchReasonTests {
    typealias Towns = MatchingTowns

    /// The first French number of a text ("1 850", "6,1") as a Double.
    static func firstNumber(_ text: String) -> Double? {
        var digits = "", started = false
        for character in text {
            if character.isNumber {
                digits.append(character)
                started = true
            } else if started, character == "," || character == "\u{202F}" {
                digits.append(character == "," ? "." : character)
            } else if started {
                break
            }
        }
        return Double(digits.replacingOccurrences(of: "\u{202F}", with: "").trimmingCharacters(in: CharacterSet(charactersIn: ".")))
    }

    static let constraints: [MatchConstraint] = [
        .reach(city: Towns.parisPole, limit: .minutesByCar(90)),
        .maxPrice(housing: .house, eurosPerM2: 2_500),
        .need(amenity: .lycee, withinKm: 0),
        .longDistanceStation(withinKm: 10),
    ]

    @Test func constraintSentenceStatesTheTownsOwnFigures() throws {
        let result = try Towns.matcher.match(Towns.profile(Self.constraints))
        let town = try #require(result.towns.first)
        #expect(town.commune.name == "T1")
        // Peer median of house prices: 900, 1 000, 1 100, 1 200, 1 300, 1 500, 2 000, 2 600, 3 200 → 1 300;
        // T1 at 2 000 is 53,8 % above it.
        #expect(Towns.matcher.peerMedianPrice[.house] == 1_300)
        let expected = "Paris à 1 h en voiture ; maisons à 2\u{202F}000 €/m², 54 % au-dessus de la médiane des pairs (1\u{202F}300 €/m²) ; lycée dans la commune ; gare TGV ou Intercités à 5 km."
        #expect(town.reasons.first == expected)
        #expect(town.reasons.count == 2)
    }

    @Test func everyFactMatchesTheNumberItWasWrittenFrom() throws {
        var profile = Towns.profile(Self.constraints + [.need(amenity: .gp, withinKm: 5)], keepUnknown: true)
        profile.constraints.removeFirst()   // keep far towns too
        let result = try Towns.matcher.match(profile)
        var checked = 0
        for town in result.towns {
            let row = try #require(Towns.scores.matrix.row(ofCommune: town.commune.code))
            for fact in town.facts {
                let reasons = town.reasons.joined(separator: " ")
                #expect(reasons.contains(fact.text) || reasons.contains(fact.text.prefix(1).uppercased() + fact.text.dropFirst()),
                        "\(fact.text) not in the reasons")
                if let column = Towns.scores.matrix.indicator(fact.indicator) {
                    #expect(Towns.scores.matrix.value(commune: row, indicator: column) == fact.value)
                }
                // Yes/no figures, "… dans la commune" (0 km) and car times ("1 h 05") carry no plain number.
                guard Towns.scores.matrix.indicators.first(where: { $0.id == fact.indicator })?.kind != .flag,
                      fact.indicator != "temps_voiture_paris_min", !fact.text.hasSuffix("dans la commune") else { continue }
                let written = try #require(Self.firstNumber(fact.text), "no number in \(fact.text)")
                let tolerance = abs(fact.value) < 10 ? 0.05 : 0.5
                #expect(abs(written - fact.value) <= tolerance + 1e-9, "\(fact.text) vs \(fact.value)")
                checked += 1
            }
        }
        #expect(checked >= 8)
    }

    @Test func doctorFactIsTheRateInTownOrTheDistanceToTheNearest() throws {
        let result = try Towns.matcher.match(Towns.profile([.need(amenity: .gp, withinKm: 5)]))
        let t3 = try #require(result.towns.first { $0.commune.name == "T3" })
        let fact = try #require(t3.facts.first { $0.indicator == "distance_generaliste_km" })
        #expect(fact.text == "médecin généraliste à 3 km (commune la plus proche qui en a un)")
        let t5 = try #require(result.towns.first { $0.commune.name == "T5" })
        #expect(t5.reasons.first == "12 médecins généralistes pour 10 000 habitants.")
    }

    @Test func strengthsAreTheLargestContributionsWithTheirBestFigure() throws {
        let result = try Towns.matcher.match(Towns.profile([]))
        for town in result.towns {
            let position = try #require(Towns.scores.position(ofCommune: town.commune.code))
            let sentence = try #require(town.reasons.last)
            let largest = town.contributions.filter { ($0.contribution ?? 0) > 0 }
                .sorted { ($0.contribution ?? 0) > ($1.contribution ?? 0) }
            let upperHalf = largest.filter { ($0.score ?? 0) >= 50 }
            #expect(sentence.hasPrefix(upperHalf.isEmpty ? "Ce qui pèse le plus dans sa note : " : "Points forts : "))
            let top = (upperHalf.isEmpty ? largest : upperHalf).prefix(3)
            for contribution in top {
                #expect(sentence.contains("\(contribution.label.lowercased()) \(MatchFormat.score(contribution.score ?? 0))/100"))
            }
            // Each stated standing is the indicator's own score, rounded down.
            for fact in town.facts {
                guard let column = Towns.scores.matrix.indicator(fact.indicator),
                      Towns.indicators[column].kind != .flag,
                      let score = Towns.scores.indicatorScore(position, column: column) else { continue }
                #expect(sentence.contains("\(fact.text), \(PeerStanding.text(score))"))
            }
        }
    }

    @Test func watchIsTheWeakestDimensionRatedFourOrMore() throws {
        let result = try Towns.matcher.match(Towns.profile([]))
        let important: [AttractivenessDimension] = [.mobilite, .sante, .logement]     // rated 5, 4, 4
        #expect(Towns.profile([]).importantDimensions == important)
        for town in result.towns {
            let position = try #require(Towns.scores.position(ofCommune: town.commune.code))
            let weakest = important.compactMap { d in Towns.scores.dimensionScore(position, d).map { (d, $0) } }.min { $0.1 < $1.1 }
            let watch = try #require(town.watch)
            #expect(watch.dimension == weakest?.0)
            #expect(watch.score == weakest?.1)
            #expect(watch.text.hasPrefix("À surveiller : \(watch.dimension.label.lowercased()), \(MatchFormat.score(watch.score))/100"))
            // Never "collège dans la commune" as something to watch, even if most peers have one too; a figure
            // only when it is in the lower half of the peers, and then its own score.
            if let fact = watch.fact {
                #expect(IndicatorPhrase.of(fact.indicator, fact.value)?.isPresence == false)
                let column = try #require(Towns.scores.matrix.indicator(fact.indicator))
                let standing = try #require(Towns.scores.indicatorScore(position, column: column))
                #expect(standing < 50)
                let said = Towns.indicators[column].kind == .flag ? "" : ", " + PeerStanding.text(standing) + (standing > 0 ? " seulement" : "")
                #expect(watch.text.hasSuffix(": \(fact.text)\(said)."), "\(watch.text)")
            } else {
                #expect(watch.text.hasSuffix("pas de point faible marqué parmi ses indicateurs."))
            }
        }
    }

    @Test func presetRatingsPutTheHeaviestDimensionAtFive() {
        let preset = Weights(id: "p", label: "p", citation: "", entries: [
            WeightEntry(dimension: .nature, value: 62, basis: .published, note: ""),
            WeightEntry(dimension: .sante, value: 50, basis: .published, note: ""),
            WeightEntry(dimension: .emploi, value: 31, basis: .published, note: ""),
        ])
        let profile = HouseholdProfile(weights: preset)
        #expect(profile.ratings[.nature] == 5)
        #expect(profile.ratings[.emploi] == 2.5)
        #expect(profile.importantDimensions == [.nature, .sante])   // 50 / 62 × 5 = 4.03
    }

    @Test func frenchFormats() {
        #expect(MatchFormat.duration(minutes: 45) == "45 min")
        #expect(MatchFormat.duration(minutes: 60) == "1 h")
        #expect(MatchFormat.duration(minutes: 85) == "1 h 25")
        #expect(MatchFormat.duration(minutes: 125.4) == "2 h 05")
        #expect(MatchFormat.km(8.04) == "8")
        #expect(MatchFormat.km(3.26) == "3,3")
        #expect(MatchFormat.km(18.4) == "18")
        #expect(PeerStanding.text(99.7) == "mieux que 99 % des pairs")
        #expect(PeerStanding.text(100) == "au premier rang des pairs")
        #expect(IndicatorPhrase.of("medecins_generalistes_pour_10000", 1.5)?.text == "1,5 médecin généraliste pour 10 000 habitants")
        #expect(IndicatorPhrase.of("cinemas", 0)?.isAbsence == true)
    }
}

@Suite("Matching: input")
struct MatchInputTests {
    let poles = [
        CityPole(code: "75056", name: "Paris", departement: "75", position: nil, areaSize: 5, population: 2_133_111),
        CityPole(code: "42218", name: "Saint-Étienne", departement: "42", position: nil, areaSize: 3, population: 172_718),
        CityPole(code: "35238", name: "Rennes", departement: "35", position: nil, areaSize: 4, population: 225_081),
    ]

    @Test func citiesAreFoundWhateverTheAccentsAndCase() throws {
        #expect(try MatchInput.city("saint etienne", among: poles).code == "42218")
        #expect(try MatchInput.city("SAINT-ÉTIENNE", among: poles).code == "42218")
        #expect(try MatchInput.city("42218", among: poles).name == "Saint-Étienne")
        #expect(throws: MatchError.self) { try MatchInput.city("Atlantis", among: poles) }
        do {
            _ = try MatchInput.city("Atlantis", among: poles)
        } catch {
            #expect("\(error)".contains("Paris, Saint-Étienne, Rennes"))
        }
    }

    @Test func reachLimits() throws {
        #expect(try MatchInput.reachLimit("90min") == .minutesByCar(90))
        #expect(try MatchInput.reachLimit("90 mn") == .minutesByCar(90))
        #expect(try MatchInput.reachLimit("1h30") == .minutesByCar(90))
        #expect(try MatchInput.reachLimit("1h") == .minutesByCar(60))
        #expect(try MatchInput.reachLimit("40km") == .kilometres(40))
        #expect(try MatchInput.reachLimit("10h") == .minutesByCar(600))
        // Absurd limits are refused, and a huge number of hours is an error, not an overflow.
        for bad in ["90", "1h75", "km", "-3km", "abc", "99999999999999999h", "153722867280912931h", "10h01", "601min", "1001km", "1e300km", "nankm"] {
            #expect(throws: MatchError.self, "\(bad)") { try MatchInput.reachLimit(bad) }
        }
        #expect(try MatchInput.reach("Rennes:50km", among: poles) == .reach(city: poles[2], limit: .kilometres(50)))
        #expect(try MatchInput.reach("Paris:1h30", among: poles) == .reach(city: poles[0], limit: .minutesByCar(90)))
        #expect(try MatchInput.reach("Rennes:1 h 15", among: poles) == .reach(city: poles[2], limit: .minutesByCar(75)))
        #expect(throws: MatchError.self) { try MatchInput.reach("Rennes", among: poles) }
    }

    @Test func needDistancesAreBounded() {
        #expect(throws: MatchError.self) { try MatchInput.needs("gp:1001km") }
        #expect(throws: MatchError.self) { try MatchInput.kilometres("inf") }
    }

    @Test func needs() throws {
        #expect(try MatchInput.needs("lycee,gp:10km") == [.need(amenity: .lycee, withinKm: 0), .need(amenity: .gp, withinKm: 10)])
        #expect(try MatchInput.needs("Lycée, crèche, france-services:5, médecin:2.5km") == [
            .need(amenity: .lycee, withinKm: 0), .need(amenity: .creche, withinKm: 0),
            .need(amenity: .franceServices, withinKm: 5), .need(amenity: .gp, withinKm: 2.5),
        ])
        #expect(throws: MatchError.self) { try MatchInput.needs("piscine") }
        #expect(throws: MatchError.self) { try MatchInput.needs("gp:loin") }
    }

    @Test func typesAndCodes() throws {
        #expect(try MatchInput.types("littoral,montagne") == [.littoral, .montagne])
        #expect(try MatchInput.types("périphérie") == [.peripherieMetropole])
        #expect(try MatchInput.types("bien-connectee,Touristique") == [.bienConnectee, .touristique])
        #expect(throws: MatchError.self) { try MatchInput.types("balnéaire") }
        #expect(try MatchInput.departements("46, 2a,1,971") == ["46", "2A", "01", "971"])
        #expect(throws: MatchError.self) { try MatchInput.departements("4600") }
        #expect(try MatchInput.regions("76,84") == ["76", "84"])
        #expect(throws: MatchError.self) { try MatchInput.regions("7A") }
    }
}
