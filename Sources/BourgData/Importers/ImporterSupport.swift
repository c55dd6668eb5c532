import Foundation
import BourgCore

/// Shared rules of the importers.
enum ImporterSupport {
    /// The mean of parts' values weighted by `weight`, or `nil` if any part's value or weight is unknown.
    /// Used where several former communes now form one commune and only their rates are known
    /// (an approximation for medians, said in the indicator definitions).
    static func weightedMean(_ parts: [(value: Double?, weight: Double?)]) -> Double? {
        var sum = 0.0, total = 0.0
        for part in parts {
            guard let value = part.value, let weight = part.weight else { return nil }
            sum += value * weight
            total += weight
        }
        return total > 0 ? sum / total : (parts.count == 1 ? parts[0].value : nil)
    }

    /// The sum of all parts, or `nil` if any part is unknown (never a total that is too low).
    static func sum(_ parts: [Double?]) -> Double? {
        parts.reduce(0) { total, part in total.flatMap { total in part.map { total + $0 } } }
    }

    /// Least-squares slope of `values` against `years` (units per year), or `nil` with fewer than `minimum` points.
    static func slope(years: [Double], values: [Double], minimum: Int = 5) -> Double? {
        guard years.count == values.count, years.count >= minimum else { return nil }
        let n = Double(years.count)
        let meanYear = years.reduce(0, +) / n, meanValue = values.reduce(0, +) / n
        var covariance = 0.0, variance = 0.0
        for (year, value) in zip(years, values) {
            covariance += (year - meanYear) * (value - meanValue)
            variance += (year - meanYear) * (year - meanYear)
        }
        return variance > 0 ? covariance / variance : nil
    }

    /// Sets one indicator per column of a file whose rows are one commune each (COG 2025 codes; a commune
    /// made of several coded parts gets the plain mean of their values). Cells in `missingMarkers` are missing.
    /// `maximum` gives columns an upper bound (a share or a rate that cannot exceed 100 %): a row with a value
    /// above it is refused whole and counted as rejected.
    static func importColumns(
        _ columns: [(id: String, column: String)], codeColumn: String, missingMarkers: Set<String> = [],
        decimals: Int = 2, allowNegative: Bool = false, maximum: [String: Double] = [:],
        file: inout SourceFile, into draft: inout AtlasDraft
    ) throws {
        for (index, allRows) in try file.rowsByCommune(column: codeColumn, in: draft) {
            var rows: [CSVRow] = []
            for row in allRows {
                let tooHigh = try maximum.contains { column, bound in
                    (try row.number(column, missingMarkers: missingMarkers, allowNegative: allowNegative) ?? 0) > bound
                }
                if tooHigh { file.reject() } else { rows.append(row) }
            }
            for item in columns {
                let parts = try rows.map { (value: try $0.number(item.column, missingMarkers: missingMarkers, allowNegative: allowNegative), weight: Optional(1.0)) }
                try draft.set(item.id, index, rounded(weightedMean(parts), decimals))
            }
        }
    }

    /// `value` rounded to `decimals` decimals.
    static func rounded(_ value: Double?, _ decimals: Int = 2) -> Double? {
        guard let value else { return nil }
        let factor = pow(10.0, Double(decimals))
        return (value * factor).rounded() / factor
    }
}


