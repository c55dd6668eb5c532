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

    /// Sets one rate per inhabitant per item: the item's count, summed over the commune's rows (its own row,
    /// or its former parts' or arrondissements' rows), per `per` inhabitants (2021 population). An empty cell
    /// in any row, or an unknown or zero population, leaves the commune without a value (never 0).
    /// Communes that `excluded` accepts get no value at all, whatever the file says; their rows that carry
    /// a value anyway are counted as rejected.
    static func importRatesPerInhabitant(
        _ items: [(id: String, column: String, per: Double)], codeColumn: String, decimals: Int = 2,
        excluding excluded: (Commune) -> Bool = { _ in false }, file: inout SourceFile, into draft: inout AtlasDraft
    ) throws {
        for (index, rows) in try file.rowsByCommune(column: codeColumn, in: draft) {
            if excluded(draft.communes[index]) {
                for row in rows where items.contains(where: { !row[$0.column].isEmpty }) { file.reject() }
                continue
            }
            for item in items {
                let count = sum(try rows.map { try $0.number(item.column) })
                try draft.set(item.id, index, rounded(draft.rate(count, commune: index, per: item.per), decimals))
            }
        }
    }

    /// Sets one percentage per item: `part` ÷ `whole` × 100, both summed over the commune's rows (a commune
    /// merged since the source's vintage gets the sum of its parts' `part` over the sum of their `whole`,
    /// not a mean of their rates). A row whose `part` exceeds its `whole` (more voters than registered
    /// voters, say) is refused, counted as rejected, and leaves its commune without a value; so does an
    /// empty cell. A zero `whole` gives no value (nothing to measure), without rejecting the row.
    static func importShares(
        _ items: [(id: String, part: String, whole: String)], codeColumn: String, decimals: Int = 2,
        file: inout SourceFile, into draft: inout AtlasDraft
    ) throws {
        var refused: Set<Int> = []
        for (index, rows) in try file.rowsByCommune(column: codeColumn, in: draft) {
            for item in items {
                var parts: [Double?] = [], wholes: [Double?] = []
                var plausible = true
                for row in rows {
                    let part = try row.number(item.part), whole = try row.number(item.whole)
                    if let part, let whole, part > whole {
                        refused.insert(row.line)
                        plausible = false
                    }
                    parts.append(part)
                    wholes.append(whole)
                }
                guard plausible, let part = sum(parts), let whole = sum(wholes), whole > 0 else { continue }
                try draft.set(item.id, index, rounded(part / whole * 100, decimals))
            }
        }
        for _ in refused { file.reject() }
    }

    /// Sets an equipment indicator from counts per commune (`nil` = unknown): a rate per 10,000 or 1,000
    /// inhabitants (2021 population, 2 decimals), a 0/1 presence flag, the distance in km (0.1) to the nearest
    /// commune of the same territory that has one (0 when the commune has one), or the count itself. A commune
    /// whose count is unknown gets no value (and is no destination for the distances). Used by both BPE importers.
    static func setEquipment(_ id: String, _ measure: EquipmentMeasure, counts: [Double?], into draft: inout AtlasDraft) throws {
        switch measure {
        case .per10000, .per1000:
            let per = measure == .per10000 ? 10_000.0 : 1_000.0
            for (index, count) in counts.enumerated() {
                try draft.set(id, index, rounded(draft.rate(count, commune: index, per: per)))
            }
        case .presence:
            for (index, count) in counts.enumerated() { try draft.set(id, index, count.map { $0 > 0 ? 1 : 0 }) }
        case .count:
            for (index, count) in counts.enumerated() { try draft.set(id, index, count) }
        case .distance:
            let distances = draft.distancesToNearestCommune(where: counts.map { ($0 ?? 0) > 0 })
            for (index, distance) in distances.enumerated() where counts[index] != nil {
                try draft.set(id, index, rounded(distance, 1))
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

/// How an equipment indicator is computed from the number of equipments of a commune (see `ImporterSupport.setEquipment`).
enum EquipmentMeasure: Sendable {
    case per10000, per1000, presence, distance, count

    /// The unit shown beside the value.
    var unit: String {
        switch self {
        case .per10000: "pour 10 000 hab."
        case .per1000: "pour 1 000 hab."
        case .presence, .count: ""
        case .distance: "km"
        }
    }

    /// Flags are 0/1; everything else is a quantity.
    var kind: IndicatorKind { self == .presence ? .flag : .quantity }

    /// The direction unless the indicator says otherwise: more equipment per inhabitant, or in the commune, is
    /// better; a shorter distance is better; a raw count grows with the town's size, so it only describes.
    var direction: Direction {
        switch self {
        case .per10000, .per1000, .presence: .higherIsBetter
        case .distance: .lowerIsBetter
        case .count: .neutral
        }
    }

    /// The start of the French definition, for equipments described by `what` (e.g. "équipements BPE 2019 (D201)").
    func definition(of what: String) -> String {
        switch self {
        case .per10000: "Nombre d'\(what) rapporté à la population municipale 2021, pour 10 000 habitants."
        case .per1000: "Nombre d'\(what) rapporté à la population municipale 2021, pour 1 000 habitants."
        case .presence: "1 si la commune compte au moins un des \(what), 0 sinon."
        case .count: "Nombre d'\(what) dans la commune."
        case .distance: "Distance à vol d'oiseau de la mairie à la mairie de la commune la plus proche ayant au moins un des \(what) ; 0 si la commune en a un. Calculée sur le même territoire (métropole, Corse, chaque DOM)."
        }
    }
}
