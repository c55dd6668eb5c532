/// How many towns each type has, among some rows of a matrix.
public struct TypologyCount: Sendable {
    public var byType: [TownType: Int] = [:]
    /// Towns with no type at all.
    public var untyped = 0

    public init(rules: TypologyRules, matrix: IndicatorMatrix, rows: [Int]) {
        for row in rows {
            let types = rules.types(of: row, in: matrix)
            if types.isEmpty { untyped += 1 }
            for assignment in types { byType[assignment.type, default: 0] += 1 }
        }
    }
}
