import Foundation

/// The rows of a (weighted) least-squares problem: predictor columns (standardised by the caller when ridge
/// penalties must be comparable) and a weight per row. An intercept column, never penalised, comes first.
public struct RidgeDesign: Sendable {
    /// Number of predictors (the intercept excluded).
    public let predictors: Int
    public let rows: Int
    /// Row-major predictor values, `rows × predictors`, none missing.
    public let values: [Double]
    public let weights: [Double]

    /// A design from predictor columns (each `rows` long, none missing) and row weights.
    public init(columns: [[Double]], weights: [Double]) {
        let rows = weights.count
        precondition(columns.allSatisfy { $0.count == rows }, "every predictor column needs one value per row")
        predictors = columns.count
        self.rows = rows
        var values = [Double](repeating: 0, count: rows * columns.count)
        for (j, column) in columns.enumerated() {
            for i in 0..<rows { values[i * columns.count + j] = column[i] }
        }
        self.values = values
        self.weights = weights
    }

    /// Xᵀ W X over `rows` (with the intercept column first), `(predictors + 1)²`, row-major.
    public func gram(of rows: [Int]) -> [Double] {
        let n = predictors + 1
        var gram = [Double](repeating: 0, count: n * n)
        var row = [Double](repeating: 1, count: n)
        for i in rows {
            let w = weights[i]
            for j in 0..<predictors { row[j + 1] = values[i * predictors + j] }
            for a in 0..<n {
                let wa = w * row[a]
                guard wa != 0 else { continue }
                for b in a..<n { gram[a * n + b] += wa * row[b] }
            }
        }
        for a in 0..<n { for b in 0..<a { gram[a * n + b] = gram[b * n + a] } }
        return gram
    }

    /// Xᵀ W y over `rows` (intercept first).
    public func moment(of rows: [Int], y: [Double]) -> [Double] {
        var moment = [Double](repeating: 0, count: predictors + 1)
        for i in rows {
            let wy = weights[i] * y[i]
            moment[0] += wy
            for j in 0..<predictors { moment[j + 1] += wy * values[i * predictors + j] }
        }
        return moment
    }

    /// Σ w over `rows`.
    public func totalWeight(of rows: [Int]) -> Double { rows.reduce(0) { $0 + weights[$1] } }

    /// The fitted value of row `i`.
    public func predict(_ fit: RidgeFit, row i: Int) -> Double {
        var value = fit.intercept
        for j in 0..<predictors { value += fit.coefficients[j] * values[i * predictors + j] }
        return value
    }

    /// Weighted sum of squared errors of `fit` over `rows`.
    public func squaredError(_ fit: RidgeFit, rows: [Int], y: [Double]) -> Double {
        rows.reduce(0) { total, i in
            let error = y[i] - predict(fit, row: i)
            return total + weights[i] * error * error
        }
    }
}

/// A ridge fit: ŷ = intercept + Σ coefficientⱼ xⱼ, minimising Σ wᵢ (yᵢ − ŷᵢ)² + λ Σ coefficientⱼ² (the
/// intercept is not penalised). Solved in closed form by a Cholesky factorisation of Xᵀ W X + λ D.
public struct RidgeFit: Sendable, Hashable, Codable {
    public var intercept: Double
    public var coefficients: [Double]
    public var lambda: Double

    public init(intercept: Double, coefficients: [Double], lambda: Double) {
        self.intercept = intercept
        self.coefficients = coefficients
        self.lambda = lambda
    }

    /// Solves the normal equations from a Gram matrix and moment (`RidgeDesign.gram`, `.moment`; sums of
    /// several row sets may be added first). `lambda` 0 is least squares, with a negligible 1e-10 × trace
    /// ridge so that collinear dummies stay solvable. `nil` when the system is not positive definite.
    public static func solve(gram: [Double], moment: [Double], lambda: Double) -> RidgeFit? {
        let n = moment.count
        var a = gram
        var trace = 0.0
        for j in 1..<max(n, 1) { trace += gram[j * n + j] }
        let penalty = lambda > 0 ? lambda : 1e-10 * max(trace, 1)
        for j in 1..<max(n, 1) { a[j * n + j] += penalty }
        guard let beta = Cholesky.solve(a, moment, size: n) else { return nil }
        return RidgeFit(intercept: beta[0], coefficients: Array(beta.dropFirst()), lambda: lambda)
    }
}

/// The Cholesky factorisation A = L Lᵀ of a symmetric positive-definite matrix, and the solution of A x = b.
public enum Cholesky {
    /// Solves A x = b for a symmetric positive-definite `a` (`size × size`, row-major); `nil` when A is not
    /// positive definite.
    public static func solve(_ a: [Double], _ b: [Double], size n: Int) -> [Double]? {
        var l = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                var sum = a[i * n + j]
                for k in 0..<j { sum -= l[i * n + k] * l[j * n + k] }
                if i == j {
                    guard sum > 0, sum.isFinite else { return nil }
                    l[i * n + i] = sum.squareRoot()
                } else {
                    l[i * n + j] = sum / l[j * n + j]
                }
            }
        }
        var z = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var sum = b[i]
            for k in 0..<i { sum -= l[i * n + k] * z[k] }
            z[i] = sum / l[i * n + i]
        }
        var x = [Double](repeating: 0, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            var sum = z[i]
            for k in (i + 1)..<n { sum -= l[k * n + i] * x[k] }
            x[i] = sum / l[i * n + i]
        }
        return x
    }
}

/// Adds matrices or vectors of the same length, element by element.
func elementwiseSum(_ parts: [[Double]]) -> [Double] {
    guard var total = parts.first else { return [] }
    for part in parts.dropFirst() { for k in total.indices { total[k] += part[k] } }
    return total
}
