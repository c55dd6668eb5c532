/// What a project lead hands to the council: the note and its rank range, the rank among towns of the same size,
/// situation and types, three strengths, three weaknesses, the first levers of three dimensions (target, gain, who acts), five
/// similar towns, the arrivals sentence, sources and date. One content for `/communes/{code}/synthese`, its JSON
/// twin and `bourg diagnose CODE --synthese` (Markdown).
public struct CouncilSummary: Sendable, Codable {
    /// A lever as the summary states it.
    public struct SummaryLever: Sendable, Codable {
        public var indicator: String
        public var label: String
        public var valueText: String
        public var targetText: String
        /// The comparable towns the target comes from.
        public var group: String
        /// Where the target comes from (`Lever.targetBasis`).
        public var targetBasis: String
        public var action: String
        /// `town` or `partners` (`Actionability`).
        public var actionability: String
        public var actors: String
        public var constraint: String?
        public var gainText: String?
    }

    /// A similar town.
    public struct SummaryTown: Sendable, Codable {
        public var code: String
        public var name: String
        public var departement: String
        public var composite: Double?
    }

    public var code: String
    public var name: String
    public var departement: String
    public var departementName: String?
    public var population: Int?
    public var weights: String
    public var composite: Double?
    public var rank: Int?
    public var rankedCount: Int
    /// The 5–95 % rank interval when weights and aggregation vary.
    public var rankLow: Int?
    public var rankHigh: Int?
    /// The rank among the towns of the same population band, and how many they are.
    public var bandRank: Int?
    public var bandCount: Int
    public var bandLabel: String
    public var situation: String?
    public var types: [String]
    public var strengths: [String]
    public var weaknesses: [String]
    public var levers: [SummaryLever]
    public var similar: [SummaryTown]
    /// Observed vs predicted arrivals in one sentence, and the first reason (`ArrivalReasons`), when known.
    public var arrivals: String?
    public var arrivalsReason: String?
    public var sources: [String]
    /// When the atlas was built.
    public var date: String

    /// How many items of each list the summary keeps.
    public static let count = (strengths: 3, weaknesses: 3, levers: 3, similar: 5)

    /// The levers the summary shows: the first of each dimension, in the diagnostic's order, three at most — three
    /// different actions for a council (Guingamp's two crime figures are one prevention plan).
    public static func levers(of diagnosis: Diagnosis) -> [Lever] {
        var dimensions: Set<AttractivenessDimension> = []
        return Array(diagnosis.levers.filter { dimensions.insert($0.indicator.dimension).inserted }.prefix(count.levers))
    }

    /// The summary of a diagnosis on `board` (the same weights); `arrivals`, `sources` and `date` come from the atlas.
    public init(_ diagnosis: Diagnosis, board: Scoreboard, arrivals: String? = nil, arrivalsReason: String? = nil, sources: [String], date: String) {
        let score = diagnosis.score
        let commune = score.commune
        code = commune.code
        name = commune.name
        departement = commune.departement
        departementName = commune.departementName
        population = commune.population
        weights = score.weights.label
        composite = score.composite
        rank = score.rank
        rankedCount = score.rankedCount
        rankLow = score.rankInterval.map { Int($0.low) }
        rankHigh = score.rankInterval.map { Int($0.high) }
        let position = board.scores.position(ofCommune: commune.code)
        let own = position.map { board.composites[$0] }
        let others = diagnosis.band.positions.map { board.composites[$0] }.filter { !$0.isNaN }
        bandRank = own.flatMap { value in value.isNaN ? nil : 1 + others.filter { $0 > value }.count }
        bandCount = others.count + (own.map { $0.isNaN ? 0 : 1 } ?? 0)
        bandLabel = diagnosis.band.label
        situation = score.situation?.label
        types = score.types.map(\.type.label)
        strengths = diagnosis.strengths.prefix(Self.count.strengths).map(Self.unbroken)
        weaknesses = diagnosis.weaknesses.prefix(Self.count.weaknesses).map(Self.unbroken)
        levers = Self.levers(of: diagnosis).map { lever in
            SummaryLever(indicator: lever.indicator.id, label: lever.indicator.label,
                         valueText: Self.unbroken(FrenchFormat.reading(IndicatorReading(definition: lever.indicator, value: lever.value))),
                         targetText: Self.unbroken(FrenchFormat.reading(IndicatorReading(definition: lever.indicator, value: lever.target))),
                         group: lever.group, targetBasis: lever.targetBasis,
                         action: lever.action.action.prefix(1).uppercased() + lever.action.action.dropFirst(),
                         actionability: lever.action.actionability.rawValue, actors: lever.action.actorsText,
                         constraint: lever.action.constraint, gainText: lever.gainText)
        }
        similar = diagnosis.similarTowns.prefix(Self.count.similar).map {
            SummaryTown(code: $0.commune.code, name: $0.commune.name, departement: $0.commune.departement, composite: $0.composite)
        }
        self.arrivals = arrivals.map(Self.unbroken)
        self.arrivalsReason = arrivalsReason.map(Self.unbroken)
        self.sources = sources
        self.date = date
    }

    /// A number stays with the word that follows it ("14,1 %", "5,4 km", "+0,45 % par an" never wrap between the two,
    /// on paper or a phone).
    static func unbroken(_ text: String) -> String {
        var result = "", previous: Character = " "
        for character in text {
            result.append(character == " " && previous.isNumber ? "\u{00A0}" : character)
            previous = character
        }
        return result
    }

    /// "Rang 1 234 sur 4 052 (de 1 100 à 1 400 selon les pondérations) ; 312e sur 1 203 communes de 5 000 à 9 999 habitants".
    public var rankText: String? {
        guard let rank else { return nil }
        let n = { (value: Int) in FrenchFormat.number(Double(value), decimals: 0) }
        var text = "rang \(n(rank)) sur \(n(rankedCount)) petites villes classées"
        if let low = rankLow, let high = rankHigh { text += " (de \(n(low)) à \(n(high)) quand pondérations et agrégation varient)" }
        if let bandRank { text += " ; \(n(bandRank))\(bandRank == 1 ? "re" : "e") sur \(n(bandCount)) \(bandLabel)" }
        return text
    }

    /// The summary in Markdown, for `bourg diagnose CODE --synthese`.
    public var markdown: String {
        var lines = ["# \(name) (\(departementName ?? departement)) — synthèse pour le conseil municipal", ""]
        var identity = "Code INSEE \(code)"
        if let population { identity += " · \(FrenchFormat.number(Double(population), decimals: 0)) habitants (2021)" }
        if let situation { identity += " · situation : \(situation.lowercased())" }
        if !types.isEmpty { identity += " · " + types.joined(separator: ", ") }
        lines += [identity, ""]
        if let composite, let rankText {
            lines += ["**Note globale : \(FrenchFormat.number(composite, decimals: 1))/100** (\(weights)) — \(rankText).", ""]
        }
        lines += ["## 3 forces", ""] + (strengths.isEmpty ? ["Aucune nette."] : strengths.map { "- \($0)" }) + [""]
        lines += ["## 3 faiblesses", ""] + (weaknesses.isEmpty ? ["Aucune nette."] : weaknesses.map { "- \($0)" }) + [""]
        lines += ["## Les 3 premiers leviers", ""]
        if levers.isEmpty { lines.append("Aucune faiblesse nette sur un indicateur que la commune peut faire bouger.") }
        for (index, lever) in levers.enumerated() {
            var line = "\(index + 1). **\(lever.label)** : \(lever.valueText) → **\(lever.targetText)** (cible : \(lever.targetBasis)). \(lever.action)."
            line += " Qui agit : \(lever.actors)."
            if let constraint = lever.constraint { line += " Contrainte : \(constraint)." }
            if let gain = lever.gainText { line += " Gain : \(gain)." }
            lines.append(line)
        }
        lines += ["", "_\(LeverCatalogue.targetRule)_", ""]
        lines += ["## 5 communes semblables", ""]
        lines += similar.map { town in "- \(town.name) (\(town.departement))" + (town.composite.map { " — note \(FrenchFormat.number($0, decimals: 1))" } ?? "") }
        if let arrivals {
            lines += ["", "## Arrivées", "", arrivals + (arrivalsReason.map { " " + $0 + "." } ?? "")]
        }
        lines += ["", "## Sources", ""] + sources.map { "- \($0)" } + ["", "Atlas Bourg du \(date)."]
        return lines.joined(separator: "\n")
    }
}
