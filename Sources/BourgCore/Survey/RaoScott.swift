import Foundation

/// Rao–Scott tests of independence on a two-way table of a survey, as R's `svychisq` computes them.
///
/// From the table's cell shares p̂ (over its respondents) and their design-based covariance V (`SurveyDesign`):
/// Pearson's X² on the weighted table rescaled to its n respondents; C, the interaction contrasts of the r × c
/// cells orthogonal to the rows' and columns' main effects; the generalised design effects, the eigenvalues of
/// Δ = (C′ D⁻¹ C / n)⁻¹ (C′ D⁻¹ V D⁻¹ C), D = diag(p̂), and their mean δ̄ = tr Δ / ((r − 1)(c − 1)).
/// - first order: X² / δ̄ on a χ² with (r − 1)(c − 1) degrees of freedom (`svychisq(statistic = "Chisq")`);
/// - second order (Satterthwaite): F = X² / tr Δ on an F with d = (tr Δ)² / tr Δ² and d ν degrees of freedom, ν the
///   design's degrees of freedom (`CellShares.designDegreesOfFreedom`) (`svychisq(statistic = "F")`, its default). It is the decision.
/// Rows and columns without respondents are left out first.
public enum RaoScott {
    /// The tests on the table whose respondents are `members` (positions), with `rows[k]` and `columns[k]` the row
    /// and column of `members[k]`; `nil` when fewer than two rows or columns have respondents, or when Δ cannot be
    /// computed (a singular contrast matrix).
    public static func test(design: SurveyDesign, members: [Int], rows: [Int], columns: [Int]) -> IndependenceTest? {
        /// The positions of the values present, in order: value → position (−1 when absent), and their count.
        func compact(_ values: [Int]) -> (index: [Int], count: Int) {
            var index = [Int](repeating: -1, count: (values.max() ?? -1) + 1)
            for value in values { index[value] = 0 }
            var count = 0
            for value in index.indices where index[value] == 0 {
                index[value] = count
                count += 1
            }
            return (index, count)
        }
        let (rowIndex, r) = compact(rows), (columnIndex, c) = compact(columns)
        guard r > 1, c > 1 else { return nil }
        // Cell k = row + r × column, rows fastest (R's `interaction(rows, cols)`).
        let cells = zip(rows, columns).map { rowIndex[$0] + r * columnIndex[$1] }
        let estimate = design.cellShares(members: members, cells: cells, cellCount: r * c)
        return test(shares: estimate.shares, covariance: estimate.covariance, rows: r, columns: c,
                    respondents: estimate.respondents, designDegreesOfFreedom: estimate.designDegreesOfFreedom)
    }

    /// The tests from the cell shares (`rows` × `columns`, rows fastest), their covariance, the respondents and the
    /// design's degrees of freedom ν.
    public static func test(shares: [Double], covariance: [Double], rows r: Int, columns c: Int, respondents: Int,
                            designDegreesOfFreedom nu: Int) -> IndependenceTest? {
        let cellCount = r * c
        let n = Double(respondents)
        var table = [[Double]](repeating: [Double](repeating: 0, count: c), count: r)
        for row in 0..<r { for column in 0..<c { table[row][column] = shares[row + r * column] } }
        let pearson = SurveyStatistics.pearsonChiSquare(table, respondents: n)
        let q = (r - 1) * (c - 1)
        // C: column (i, j) (i ≥ 1, j ≥ 1) is the indicator of cell (i, j) less its additive fit on rows and columns.
        var contrasts = [Double](repeating: 0, count: cellCount * q)
        for i in 1..<r {
            for j in 1..<c {
                let column = (i - 1) + (r - 1) * (j - 1)
                for a in 0..<r {
                    for b in 0..<c {
                        var value = 1 / Double(r * c)
                        if a == i { value -= 1 / Double(c) }
                        if b == j { value -= 1 / Double(r) }
                        if a == i && b == j { value += 1 }
                        contrasts[(a + r * b) * q + column] = value
                    }
                }
            }
        }
        let inverseShares = shares.map { $0 == 0 ? 0 : 1 / $0 }
        // D⁻¹ C (cells × q).
        var scaled = contrasts
        for cell in 0..<cellCount { for column in 0..<q { scaled[cell * q + column] *= inverseShares[cell] } }
        var denominator = [Double](repeating: 0, count: q * q)
        for a in 0..<q {
            for b in 0..<q {
                var sum = 0.0
                for cell in 0..<cellCount { sum += contrasts[cell * q + a] * scaled[cell * q + b] }
                denominator[a * q + b] = sum / n
            }
        }
        // V D⁻¹ C (cells × q), then (D⁻¹ C)′ V D⁻¹ C.
        var vScaled = [Double](repeating: 0, count: cellCount * q)
        for cell in 0..<cellCount {
            for column in 0..<q {
                var sum = 0.0
                for other in 0..<cellCount { sum += covariance[cell * cellCount + other] * scaled[other * q + column] }
                vScaled[cell * q + column] = sum
            }
        }
        var numerator = [Double](repeating: 0, count: q * q)
        for a in 0..<q {
            for b in 0..<q {
                var sum = 0.0
                for cell in 0..<cellCount { sum += scaled[cell * q + a] * vScaled[cell * q + b] }
                numerator[a * q + b] = sum
            }
        }
        // Δ = denominator⁻¹ numerator.
        guard let delta = Dense.solve(denominator, numerator, size: q, columns: q) else { return nil }
        var trace = 0.0, traceOfSquare = 0.0
        for a in 0..<q {
            trace += delta[a * q + a]
            for b in 0..<q { traceOfSquare += delta[a * q + b] * delta[b * q + a] }
        }
        guard trace > 0, traceOfSquare > 0, nu > 0 else { return nil }
        let meanEffect = trace / Double(q)
        let firstOrder = pearson / meanEffect
        let f = pearson / trace
        let d = trace * trace / traceOfSquare
        return IndependenceTest(
            pearsonChiSquare: pearson, respondents: respondents, degreesOfFreedom: q, meanDesignEffect: meanEffect,
            firstOrder: .init(chiSquare: firstOrder, degreesOfFreedom: q,
                              pValue: SurveyStatistics.chiSquareUpperTail(firstOrder, degreesOfFreedom: q)),
            secondOrder: .init(f: f, numeratorDegreesOfFreedom: d, denominatorDegreesOfFreedom: d * Double(nu),
                               pValue: SurveyStatistics.fUpperTail(f, numerator: d, denominator: d * Double(nu))))
    }
}

/// A Rao–Scott test of independence between a question and a category (see `RaoScott`).
public struct IndependenceTest: Sendable, Hashable, Codable {
    /// The first-order correction: X² / δ̄ on χ²(df).
    public struct FirstOrder: Sendable, Hashable, Codable {
        public var chiSquare: Double
        public var degreesOfFreedom: Int
        public var pValue: Double
    }

    /// The second-order (Satterthwaite) correction: F = X² / tr Δ on F(d, d ν).
    public struct SecondOrder: Sendable, Hashable, Codable {
        public var f: Double
        public var numeratorDegreesOfFreedom: Double
        public var denominatorDegreesOfFreedom: Double
        public var pValue: Double
    }

    /// Pearson's X² on the weighted table rescaled to its respondents.
    public var pearsonChiSquare: Double
    /// Respondents in the table.
    public var respondents: Int
    /// (r − 1)(c − 1).
    public var degreesOfFreedom: Int
    /// The mean generalised design effect δ̄ = tr Δ / df.
    public var meanDesignEffect: Double
    public var firstOrder: FirstOrder
    public var secondOrder: SecondOrder
    /// The decision's p-value: the second order's.
    public var pValue: Double
    /// The threshold under which the category is said to matter.
    public static let significanceLevel = 0.05
    /// Whether the category matters at the 5 % level (second-order p < 0.05).
    public var isSignificant: Bool

    public init(pearsonChiSquare: Double, respondents: Int, degreesOfFreedom: Int, meanDesignEffect: Double,
                firstOrder: FirstOrder, secondOrder: SecondOrder) {
        self.pearsonChiSquare = pearsonChiSquare
        self.respondents = respondents
        self.degreesOfFreedom = degreesOfFreedom
        self.meanDesignEffect = meanDesignEffect
        self.firstOrder = firstOrder
        self.secondOrder = secondOrder
        pValue = secondOrder.pValue
        isSignificant = pValue < Self.significanceLevel
    }
}
