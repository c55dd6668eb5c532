import Foundation

/// Reads the comparison's query string (`/comparer`, `/comparer.json`): `codes` (towns separated by commas) and the
/// picking form's inputs `commune1`…`commune4`, each a town's INSEE code, its name, or both as the form fills them
/// in ("Figeac (46102)"). None or one town is the page to pick them; more than four is refused.
public enum CompareQuery {
    public static let maximum = 4
    static let fieldNames = (1...maximum).map { "commune\($0)" }
    static let parameterNames = ["codes"] + fieldNames

    /// The towns' codes, in order; `resolve` finds a town by its name (`nil` when none has it).
    static func codes(_ query: [String: String], resolve: (String) throws -> String?) throws -> [String] {
        var items: [(parameter: String, text: String)] = []
        for name in parameterNames {
            let text = query[name] ?? ""
            guard text.codePointCount <= 200 else { throw WebError.badParameter(name, "200 caractères au plus") }
            items += text.split(separator: ",").map { (name, $0.trimmingCharacters(in: .whitespaces)) }.filter { !$0.text.isEmpty }
        }
        guard items.count <= maximum else {
            throw WebError.badParameter("codes", "\(maximum) communes au plus (codes INSEE ou noms) séparées par des virgules sont attendues (reçu \(items.count))")
        }
        return try items.map { parameter, item in
            if let code = code(in: item) { return code }
            guard item.contains(where: \.isLetter), let match = try resolve(item) else {
                throw WebError.badParameter(parameter, "« \(item.prefix(40)) » n'est ni un code INSEE ni le nom d'une commune")
            }
            return match
        }
    }

    /// The INSEE code an item gives: the item itself, or a code in brackets after a name ("Figeac (46102)").
    static func code(in item: String) -> String? {
        let upper = item.uppercased()
        if isINSEECode(upper) { return upper }
        guard upper.hasSuffix(")"), let open = upper.lastIndex(of: "(") else { return nil }
        let inside = String(upper[upper.index(after: open)..<upper.index(before: upper.endIndex)]).trimmingCharacters(in: .whitespaces)
        return isINSEECode(inside) ? inside : nil
    }

    static func isINSEECode(_ code: String) -> Bool {
        let characters = Array(code)
        return characters.count == 5 && characters.enumerated().allSatisfy { index, character in
            character.isASCIIDigit || (index == 1 && (character == "A" || character == "B"))
        }
    }
}
