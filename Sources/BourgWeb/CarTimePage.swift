import BourgCore
import BourgData
import Foundation

/// The car-time estimator on the method page (`/methode`): how the minutes to a big city other than Paris are
/// estimated, and its cross-validation against the OSRM times to Paris beside the crow-distance baseline; the
/// held-out table is `/validation/trajets.csv`.
public struct CarTimeSection: Encodable, Sendable {
    /// One line of the error table.
    public struct Line: Encodable, Sendable {
        public var range: String
        public var subset: String
        public var trips: String
        public var median: String
        public var p90: String
        public var baselineMedian: String
        public var baselineP90: String
        /// The numbers themselves, for the JSON twin.
        public var values: CarTimeValidation.Line
    }

    public var lines: [Line]
    /// The département codes of each fold, as "01–21, 22–38, …".
    public var folds: String
    /// The held-out median error on 15–120 min, rounded (what "± N %" says).
    public var typicalError: String
    /// The parameters fitted on every trip.
    public var model: CarTimeModel
    public var csv: String

    /// The section of a stored validation.
    public init(_ validation: CarTimeValidation) {
        func percent(_ value: Double) -> String { value.isNaN ? "—" : FrenchFormat.number(value, decimals: 1) + " %" }
        lines = validation.lines.map { line in
            Line(range: line.range, subset: line.mountainOnly ? "communes de montagne (massifs de la loi Montagne)" : "toutes les communes",
                 trips: FrenchFormat.number(Double(line.trips), decimals: 0), median: percent(line.median), p90: percent(line.p90),
                 baselineMedian: percent(line.baselineMedian), baselineP90: percent(line.baselineP90), values: line)
        }
        folds = validation.folds.map { codes in codes.count > 1 ? "\(codes.first!)–\(codes.last!)" : codes.first ?? "" }.joined(separator: ", ")
        typicalError = validation.typicalErrorPercent.map { "\(Int($0.rounded())) %" } ?? "—"
        model = validation.model
        csv = "/validation/trajets.csv"
    }
}

extension AtlasService {
    /// The car-time section of the method page, or `nil` when the atlas stores no cross-validation.
    func carTimeSection() -> CarTimeSection? {
        (try? database.carTimeValidation()).flatMap { $0 }.map(CarTimeSection.init)
    }

    /// The held-out trips of the car-time cross-validation as CSV (`code,osrm_minutes,estimated_minutes`); 404 when none.
    public func carTimesCSV() throws -> String {
        guard let validation = try database.carTimeValidation(trips: true) else {
            throw WebError(status: .notFound, title: "Pas de validation des temps de trajet",
                           detail: "Cet atlas ne contient pas la validation des temps de trajet estimés : reconstruisez-le avec `bourg data build`.")
        }
        return validation.heldOutCSV
    }
}
