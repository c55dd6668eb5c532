/// A weighted survey's sampling design as its variance estimator sees it: one respondent per sampling unit (no
/// clusters, no strata), the final weights, the starting (design) weights and, when the weights were calibrated
/// (raked) on population margins, the margins' categories.
///
/// Variances are linearised (Taylor) as R's `survey` package computes them for `svydesign(ids = ~1, weights = ~d)`
/// calibrated by `calibrate(…, calfun = "raking")`: a share's linearised values zᵢ = wᵢ (yᵢ − p) / Σw (0 outside the
/// share's base) are replaced by their residuals from the regression, weighted by the design weights, on the
/// indicator variables of the margins' categories — rᵢ = wᵢ (eᵢ − xᵢ′β), eᵢ = zᵢ / wᵢ, β = (X′DX)⁻¹ X′De — and
/// V = n / (n − 1) Σ (rᵢ − r̄)² over the whole sample. A share on a base (a domain: the respondents who answered, in
/// a category) is estimated as a domain of the whole design, as `subset` does: zᵢ = 0 outside the domain, and on a
/// calibrated design those respondents still carry their calibration residual. The design's degrees of freedom
/// (for the Rao–Scott F test) are, as in R, n − 1 on a calibrated design and the domain's respondents − 1 otherwise
/// (R keeps the whole sample in a calibrated subset, drops the other rows of an uncalibrated one).
///
/// Everything is computed from sums over the respondents by category (the xᵢ are indicators), so the covariance of
/// all the cell shares of a table costs one pass over its respondents plus small matrices.
public struct SurveyDesign: Sendable {
    /// The final weights, one per respondent.
    public let weights: [Double]
    /// The starting weights (design weights, or 1), scaled to a mean of 1.
    public let designWeights: [Double]
    /// The calibration margins: each respondent's category in each (empty: weights not calibrated).
    public let margins: [[Int]]
    /// The number of categories of each margin.
    public let categoryCounts: [Int]

    /// Columns of the calibration model: an intercept and, per margin, indicators of its categories after the first.
    let columnCount: Int
    let offsets: [Int]
    /// Cholesky factor of X′DX.
    let gramFactor: [Double]
    /// Σ wᵢ² xᵢ xᵢ′ (row-major) and Σ wᵢ xᵢ over all respondents.
    let squaredWeightCross: [Double]
    let weightedColumnSums: [Double]
    /// Each respondent's columns that are 1 (the intercept first), `margins.count + 1` per respondent, −1 for none.
    let unitColumns: [Int]

    public var isCalibrated: Bool { !margins.isEmpty }
    public var count: Int { weights.count }

    /// A design with `weights` (final), `designWeights` (starting, any scale) and the `margins` the weights were
    /// calibrated on (each respondent's category per margin, with `categoryCounts` categories); no margins for
    /// weights that were not calibrated. Throws when the margins' indicators are collinear in the sample (a
    /// category without respondent).
    public init(weights: [Double], designWeights: [Double], margins: [[Int]] = [], categoryCounts: [Int] = []) throws(SurveyError) {
        let n = weights.count
        guard n > 0, designWeights.count == n else { throw SurveyError("plan de sondage : poids incohérents") }
        guard margins.count == categoryCounts.count, margins.allSatisfy({ $0.count == n }) else {
            throw SurveyError("plan de sondage : marges incohérentes")
        }
        self.weights = weights
        let total = designWeights.reduce(0, +)
        self.designWeights = designWeights.map { $0 * Double(n) / total }
        self.margins = margins
        self.categoryCounts = categoryCounts
        var offsets: [Int] = []
        var columns = margins.isEmpty ? 0 : 1
        for count in categoryCounts {
            offsets.append(columns - 1)
            columns += max(0, count - 1)
        }
        self.offsets = offsets
        columnCount = columns
        guard columns > 0 else {
            gramFactor = []
            squaredWeightCross = []
            weightedColumnSums = []
            unitColumns = []
            return
        }
        let stride = margins.count + 1
        var table = [Int](repeating: -1, count: n * stride)
        var scratch = [Int](repeating: 0, count: stride)
        for unit in 0..<n {
            let activeCount = Self.activeColumns(unit, margins: margins, offsets: offsets, into: &scratch)
            for a in 0..<activeCount { table[unit * stride + a] = scratch[a] }
        }
        unitColumns = table
        var gram = [Double](repeating: 0, count: columns * columns)
        var cross = [Double](repeating: 0, count: columns * columns)
        var sums = [Double](repeating: 0, count: columns)
        var active = [Int](repeating: 0, count: margins.count + 1)
        for unit in 0..<n {
            let activeCount = Self.activeColumns(unit, margins: margins, offsets: offsets, into: &active)
            let d = self.designWeights[unit], w = weights[unit]
            for a in 0..<activeCount {
                let i = active[a]
                sums[i] += w
                for b in 0..<activeCount {
                    let j = active[b]
                    gram[i * columns + j] += d
                    cross[i * columns + j] += w * w
                }
            }
        }
        guard let factor = Dense.cholesky(gram, size: columns) else {
            throw SurveyError("plan de sondage : les catégories des marges de calage sont colinéaires (une catégorie sans répondant ?)")
        }
        gramFactor = factor
        squaredWeightCross = cross
        weightedColumnSums = sums
    }

    /// The columns of the calibration model that are 1 for `unit` (the intercept first); returns how many.
    static func activeColumns(_ unit: Int, margins: [[Int]], offsets: [Int], into columns: inout [Int]) -> Int {
        columns[0] = 0
        var count = 1
        for (margin, categories) in margins.enumerated() {
            let category = categories[unit]
            if category > 0 {
                columns[count] = offsets[margin] + category
                count += 1
            }
        }
        return count
    }

    /// The shares of the cells of a domain and their design-based covariance: `members` are the domain's respondents
    /// (positions) and `cells[k]` the cell (0..<`cellCount`) of `members[k]`.
    public func cellShares(members: [Int], cells: [Int], cellCount: Int) -> CellShares {
        precondition(members.count == cells.count, "one cell per member")
        var totals = [Double](repeating: 0, count: cellCount)
        var squares = [Double](repeating: 0, count: cellCount)
        let p = columnCount
        var designSums = [Double](repeating: 0, count: cellCount * p)
        var squaredSums = [Double](repeating: 0, count: cellCount * p)
        let stride = margins.count + 1
        unitColumns.withUnsafeBufferPointer { table in
            weights.withUnsafeBufferPointer { weights in
                designWeights.withUnsafeBufferPointer { designWeights in
                    for (unit, cell) in zip(members, cells) {
                        let w = weights[unit]
                        totals[cell] += w
                        squares[cell] += w * w
                        guard p > 0 else { continue }
                        let d = designWeights[unit]
                        for a in 0..<stride {
                            let column = table[unit * stride + a]
                            guard column >= 0 else { break }
                            designSums[cell * p + column] += d
                            squaredSums[cell * p + column] += w * w
                        }
                    }
                }
            }
        }
        let total = totals.reduce(0, +)
        let squareTotal = squares.reduce(0, +)
        let respondents = members.count
        let degreesOfFreedom = (isCalibrated ? count : respondents) - 1
        guard total > 0 else {
            return CellShares(shares: totals, covariance: [Double](repeating: 0, count: cellCount * cellCount),
                              respondents: respondents, designDegreesOfFreedom: degreesOfFreedom)
        }
        let shares = totals.map { $0 / total }
        let k = cellCount
        // Σᵢ wᵢ² eᵢₖ eᵢₗ, with eᵢₖ = (yᵢₖ − pₖ) / W in the domain.
        var products = [Double](repeating: 0, count: k * k)
        for a in 0..<k {
            for b in 0..<k {
                var value = -shares[b] * squares[a] - shares[a] * squares[b] + shares[a] * shares[b] * squareTotal
                if a == b { value += squares[a] }
                products[a * k + b] = value / (total * total)
            }
        }
        let units = count
        guard units > 1 else {
            return CellShares(shares: shares, covariance: [Double](repeating: 0, count: k * k), respondents: respondents,
                              designDegreesOfFreedom: degreesOfFreedom)
        }
        if p > 0 {
            // β_k = (X′DX)⁻¹ X′D e_k and c_k = Σ w² e_k x, from the sums by cell.
            var designTotal = [Double](repeating: 0, count: p), squaredTotal = [Double](repeating: 0, count: p)
            for cell in 0..<k {
                for j in 0..<p {
                    designTotal[j] += designSums[cell * p + j]
                    squaredTotal[j] += squaredSums[cell * p + j]
                }
            }
            var betas = [[Double]](), crosses = [[Double]]()
            for cell in 0..<k {
                var b = [Double](repeating: 0, count: p), c = [Double](repeating: 0, count: p)
                for j in 0..<p {
                    b[j] = (designSums[cell * p + j] - shares[cell] * designTotal[j]) / total
                    c[j] = (squaredSums[cell * p + j] - shares[cell] * squaredTotal[j]) / total
                }
                betas.append(Dense.choleskySolve(gramFactor, b, size: p))
                crosses.append(c)
            }
            // A β_l, and the mean residual r̄_k = −(Σ w x)′β_k / n.
            let aBetas = betas.map { Dense.multiply(squaredWeightCross, $0, size: p) }
            let means = betas.map { -Dense.dot(weightedColumnSums, $0) / Double(units) }
            for a in 0..<k {
                for b in a..<k {
                    let value = products[a * k + b] - Dense.dot(betas[b], crosses[a]) - Dense.dot(betas[a], crosses[b])
                        + Dense.dot(betas[a], aBetas[b]) - Double(units) * means[a] * means[b]
                    products[a * k + b] = value
                    products[b * k + a] = value
                }
            }
        }
        let factor = Double(units) / Double(units - 1)
        return CellShares(shares: shares, covariance: products.map { $0 * factor }, respondents: respondents,
                          designDegreesOfFreedom: degreesOfFreedom)
    }

    /// The share of `base` (positions) for which `counts` holds, with its variance.
    public func share(base: [Int], counts: (Int) -> Bool) -> CellShares {
        cellShares(members: base, cells: base.map { counts($0) ? 0 : 1 }, cellCount: 2)
    }
}

/// The shares of a domain's cells with their design-based covariance (see `SurveyDesign.cellShares`).
public struct CellShares: Sendable, Hashable {
    /// The weighted share of each cell in the domain.
    public var shares: [Double]
    /// Their covariance, row-major (cells × cells).
    public var covariance: [Double]
    /// Respondents in the domain.
    public var respondents: Int
    /// The design's degrees of freedom for this domain: sampling units − 1, the whole sample's on a calibrated design,
    /// the domain's respondents' otherwise (as R's `survey`).
    public var designDegreesOfFreedom: Int

    /// The variance of cell `cell`'s share.
    public func variance(_ cell: Int) -> Double { max(0, covariance[cell * shares.count + cell]) }
}

/// Small dense linear algebra for the variance estimator and the Rao–Scott tests (row-major square matrices).
enum Dense {
    /// The lower Cholesky factor L (L L′ = matrix) of a symmetric positive definite matrix, `nil` when it is not.
    static func cholesky(_ matrix: [Double], size n: Int) -> [Double]? {
        var l = [Double](repeating: 0, count: n * n)
        var largest = 0.0
        for i in 0..<n { largest = max(largest, abs(matrix[i * n + i])) }
        for j in 0..<n {
            var diagonal = matrix[j * n + j]
            for k in 0..<j { diagonal -= l[j * n + k] * l[j * n + k] }
            guard diagonal > largest * 1e-12 else { return nil }
            let root = diagonal.squareRoot()
            l[j * n + j] = root
            for i in (j + 1)..<max(j + 1, n) {
                var value = matrix[i * n + j]
                for k in 0..<j { value -= l[i * n + k] * l[j * n + k] }
                l[i * n + j] = value / root
            }
        }
        return l
    }

    /// Solves (L L′) x = b.
    static func choleskySolve(_ l: [Double], _ b: [Double], size n: Int) -> [Double] {
        var y = b
        for i in 0..<n {
            var value = y[i]
            for k in 0..<i { value -= l[i * n + k] * y[k] }
            y[i] = value / l[i * n + i]
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            var value = y[i]
            for k in (i + 1)..<max(i + 1, n) { value -= l[k * n + i] * y[k] }
            y[i] = value / l[i * n + i]
        }
        return y
    }

    /// Matrix × vector.
    static func multiply(_ matrix: [Double], _ vector: [Double], size n: Int) -> [Double] {
        (0..<n).map { i in
            var sum = 0.0
            for j in 0..<n { sum += matrix[i * n + j] * vector[j] }
            return sum
        }
    }

    static func dot(_ a: [Double], _ b: [Double]) -> Double {
        var sum = 0.0
        for i in a.indices { sum += a[i] * b[i] }
        return sum
    }

    /// Solves A X = B for a general square A (n × n) and B (n × `columns`, row-major) by Gaussian elimination
    /// with partial pivoting; `nil` when A is singular.
    static func solve(_ matrix: [Double], _ b: [Double], size n: Int, columns m: Int) -> [Double]? {
        var a = matrix, x = b
        var largest = 0.0
        for value in matrix { largest = max(largest, abs(value)) }
        for column in 0..<n {
            var pivot = column
            for row in column..<n where abs(a[row * n + column]) > abs(a[pivot * n + column]) { pivot = row }
            guard abs(a[pivot * n + column]) > largest * 1e-13 else { return nil }
            if pivot != column {
                for j in 0..<n { a.swapAt(pivot * n + j, column * n + j) }
                for j in 0..<m { x.swapAt(pivot * m + j, column * m + j) }
            }
            for row in (column + 1)..<max(column + 1, n) {
                let factor = a[row * n + column] / a[column * n + column]
                guard factor != 0 else { continue }
                for j in column..<n { a[row * n + j] -= factor * a[column * n + j] }
                for j in 0..<m { x[row * m + j] -= factor * x[column * m + j] }
            }
        }
        for row in stride(from: n - 1, through: 0, by: -1) {
            for j in 0..<m {
                var value = x[row * m + j]
                for k in (row + 1)..<max(row + 1, n) { value -= a[row * n + k] * x[k * m + j] }
                x[row * m + j] = value / a[row * n + row]
            }
        }
        return x
    }
}
