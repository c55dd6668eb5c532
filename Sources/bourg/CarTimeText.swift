import BourgCore
import BourgData
import Foundation

/// `bourg validate --trajets`: the car-time estimator's cross-validation stored at build, as a table, JSON or the
/// held-out CSV.
enum CarTimeText {
    static func print(atlas: LoadedAtlas, json: Bool, csv: Bool) throws {
        guard let validation = try atlas.database.carTimeValidation(trips: json || csv) else {
            throw UserError("Cet atlas ne contient pas la validation des temps de trajet estimés : reconstruisez-le avec `bourg data build`.")
        }
        if csv {
            FileHandle.standardOutput.write(Data(validation.heldOutCSV.utf8))
            return
        }
        if json {
            Swift.print(try JSONOutput.encode(validation))
            return
        }
        Swift.print(render(validation))
    }

    /// The table: each range, every commune then the mountain communes, estimator beside the baseline.
    static func render(_ validation: CarTimeValidation) -> String {
        func percent(_ value: Double) -> String { value.isNaN ? "     —" : String(format: "%5.2f %%", value) }
        var lines = [
            "Temps de trajet en voiture estimés, validés contre les temps OSRM vers Paris (\(validation.destination)) :",
            "validation croisée en 5 blocs de départements (" + validation.folds.map { "\($0.first ?? "")–\($0.last ?? "")" }.joined(separator: ", ")
                + "), erreur absolue en % sur les trajets hors échantillon.",
            "",
            "Trajets OSRM   Communes      Trajets   Estimation : médiane   p90    Vol d'oiseau : médiane   p90",
        ]
        for line in validation.lines {
            lines.append((line.range.padding(toLength: 15, withPad: " ", startingAt: 0))
                + (line.mountainOnly ? "montagne" : "toutes").padding(toLength: 12, withPad: " ", startingAt: 0)
                + String(format: "%8d", line.trips) + "               " + percent(line.median) + "  " + percent(line.p90)
                + "                  " + percent(line.baselineMedian) + "  " + percent(line.baselineP90))
        }
        let model = validation.model
        lines += [
            "",
            String(format: "Paramètres (ajustés sur tous les trajets) : accès %.3f %+.4f × densité min ; local %.4f %+.5f × densité min/km ; axes %.4f %+.5f × taille min/km + %.3f min",
                   model.accessConstant, model.accessDensity, model.localPace, model.localDensityPace, model.corridorPace,
                   model.corridorSizePace, model.corridorRamp),
            "Limite : ajusté et vérifié sur les trajets vers Paris seulement ; l'erreur vers les autres villes n'est pas mesurée.",
        ]
        return lines.joined(separator: "\n")
    }
}
