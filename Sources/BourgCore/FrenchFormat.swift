import Foundation

/// Numbers written the French way: a narrow no-break space between thousands, a decimal comma.
public enum FrenchFormat {
    /// `value` with at most `decimals` decimals, trailing zeros dropped: 1234.5 → "1 234,5".
    public static func number(_ value: Double, decimals: Int = 1) -> String {
        let factor = pow(10, Double(decimals))
        let rounded = (value * factor).rounded() / factor
        let negative = rounded < 0
        let magnitude = abs(rounded)
        let integer = magnitude.rounded(.down)
        var fraction = Int(((magnitude - integer) * factor).rounded())
        var integerPart = integer
        if Double(fraction) >= factor {
            integerPart += 1
            fraction = 0
        }
        // Whole numbers below 10^15 print exactly as Int64 (String(format:) was a tenth of a household answer's time).
        var digits = integerPart < 1e15 ? String(Int64(integerPart)) : String(format: "%.0f", integerPart)
        var grouped = ""
        while digits.count > 3 {
            grouped = "\u{202F}" + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        grouped = digits + grouped
        if decimals > 0 && fraction > 0 {
            var fractionText = String(fraction)
            fractionText = String(repeating: "0", count: decimals - fractionText.count) + fractionText
            while fractionText.hasSuffix("0") { fractionText.removeLast() }
            grouped += "," + fractionText
        }
        return (negative && rounded != 0 ? "-" : "") + grouped
    }

    /// An indicator value for display: "Oui"/"Non" for flags, the category label, or the number and unit.
    public static func reading(_ reading: IndicatorReading) -> String {
        guard let value = reading.value else { return "pas de donnée" }
        let definition = reading.definition
        switch definition.kind {
        case .flag:
            return value != 0 ? "oui" : "non"
        case .category:
            return definition.categoryLabel(value) ?? number(value, decimals: 0)
        case .quantity:
            let decimals = abs(value) >= 100 ? 0 : (abs(value) >= 10 ? 1 : 2)
            let text = number(value, decimals: decimals)
            return definition.unit.isEmpty ? text : "\(text) \(definition.unit)"
        }
    }
}
