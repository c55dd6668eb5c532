/// The towns a score is relative to: "72" means better than 72% of these towns.
public struct PeerGroup: Sendable, Hashable {
    /// French description shown beside every score, e.g. "communes de 2 500 à 25 000 habitants (2021)".
    public var label: String
    public var range: SizeRange

    public init(label: String, range: SizeRange) {
        self.label = label
        self.range = range
    }

    /// Communes of `range` inhabitants in 2021.
    public init(range: SizeRange) {
        self.init(label: "communes de \(FrenchFormat.number(Double(range.minimum), decimals: 0)) à \(FrenchFormat.number(Double(range.maximum), decimals: 0)) habitants (2021)", range: range)
    }

    /// Bourg's default peers: small towns of 2,500 to 25,000 inhabitants.
    public static let smallTowns = PeerGroup(range: .smallTowns)

    /// Population bands, for "towns like us".
    public static let bands: [PeerGroup] = [
        PeerGroup(range: SizeRange(minimum: 2_500, maximum: 4_999)),
        PeerGroup(range: SizeRange(minimum: 5_000, maximum: 9_999)),
        PeerGroup(range: SizeRange(minimum: 10_000, maximum: 25_000)),
    ]

    /// Bands covering every commune of France, for scoring all 34,875 communes each among communes of its size.
    public static let nationalBands: [PeerGroup] = [
        PeerGroup(range: SizeRange(minimum: 0, maximum: 499)),
        PeerGroup(range: SizeRange(minimum: 500, maximum: 999)),
        PeerGroup(range: SizeRange(minimum: 1_000, maximum: 2_499)),
    ] + bands + [
        PeerGroup(range: SizeRange(minimum: 25_001, maximum: 99_999)),
        PeerGroup(range: SizeRange(minimum: 100_000, maximum: Int.max)),
    ]

    /// The population band of a town, if it is in one.
    public static func band(of population: Int?) -> PeerGroup? {
        bands.first { $0.range.contains(population) }
    }
}
