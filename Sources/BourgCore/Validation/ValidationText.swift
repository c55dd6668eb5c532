import Foundation

/// The validation against migration in words and tables: the caveats every display states, the text table of
/// `bourg validate`, and the per-town table in CSV (the same for the command and the web export).
public enum ValidationText {
    /// What every display of the validation says beside the figures, in French.
    public static let caveats = [
        "Solde net, pas flux bruts : le solde migratoire apparent est arrivées moins départs ; une ville où beaucoup arrivent et beaucoup partent a un solde proche de zéro (la part des ménages installés depuis moins de 5 ans donne une idée des arrivées).",
        "Lissage du recensement : les populations légales viennent de cycles de 5 ans ; le solde apparent absorbe aussi les écarts de mesure entre recensements.",
        "Petites communes bruitées : quelques dizaines de personnes font varier le taux de plusieurs dixièmes de point ; les ajustements pondèrent chaque ville par √(population / 2 500).",
        "Association, pas causalité : une note liée aux arrivées n'en est pas forcément la cause (les prix du logement, par exemple, montent là où l'on arrive).",
    ]

    static func number(_ value: Double?, _ decimals: Int = 2) -> String {
        guard let value, value.isFinite else { return "—" }
        return String(format: "%.\(decimals)f", value)
    }

    /// "0.41 [0.35, 0.47]".
    public static func rho(_ rho: Double?, low: Double?, high: Double?) -> String {
        "\(number(rho)) [\(number(low)), \(number(high))]"
    }

    /// The validation table, as `bourg validate` prints it.
    public static func render(_ report: ValidationReport, extra: [CorrelationRow] = []) -> String {
        var lines: [String] = []
        let p = report.provenance
        lines.append("Validation : les notes de Bourg face au solde migratoire apparent 2016–2022 (% par an)")
        lines.append("\(p.towns) petites villes, \(p.departements) départements ; intervalles à 95 % par bootstrap de départements entiers (\(p.resamples) tirages, graine \(p.seed)).")
        lines.append("")
        lines.append("Hors échantillon (prédire 2016–2022)              temporel : ρ [IC 95 %]   R²     spatial (5 blocs) : ρ [IC 95 %]   R²")
        for row in report.outOfSample {
            lines.append(row.label.padding(toLength: 50, withPad: " ", startingAt: 0)
                         + rho(row.temporal.rho, low: row.temporal.low, high: row.temporal.high).padding(toLength: 22, withPad: " ", startingAt: 0)
                         + number(row.temporal.rSquared).padding(toLength: 9, withPad: " ", startingAt: 0)
                         + rho(row.spatial.rho, low: row.spatial.low, high: row.spatial.high).padding(toLength: 22, withPad: " ", startingAt: 0)
                         + number(row.spatial.rSquared))
        }
        for (title, kind) in [("Notes composites", "composite"), ("Dimensions", "dimension"), ("Indicateurs", "indicator")] {
            lines.append("")
            lines.append(title.padding(toLength: 62, withPad: " ", startingAt: 0) + "villes  ρ [IC 95 %]           ρ pondéré  ρ partiel  ρ arrivées")
            for row in (kind == "composite" ? extra : []) + report.correlations where row.kind == kind {
                let label = row.label + (row.role.map { $0 == PredictorRole.amenity.rawValue ? "" : " (\($0))" } ?? "")
                lines.append(String(label.prefix(61)).padding(toLength: 62, withPad: " ", startingAt: 0)
                             + String(row.towns).padding(toLength: 8, withPad: " ", startingAt: 0)
                             + rho(row.rho, low: row.low, high: row.high).padding(toLength: 22, withPad: " ", startingAt: 0)
                             + number(row.weightedRho).padding(toLength: 11, withPad: " ", startingAt: 0)
                             + number(row.partialRho).padding(toLength: 11, withPad: " ", startingAt: 0)
                             + number(row.inflowRho))
            }
        }
        lines.append("")
        lines.append("Poids révélés (modèle des aménités, 2016–2022) et poids déclarés (baromètre) : voir `--json` (revealed) ; ρ partiel : à distance d'un pôle de 200 000 habitants et catégorie d'aire d'attraction égales.")
        lines.append("")
        lines += caveats.map { "• " + $0 }
        return lines.joined(separator: "\n")
    }

    /// The revealed weights beside stated ones (in % of each total), one line per dimension either weighs.
    public static func weightsTable(revealed: Weights, stated: Weights) -> [(dimension: AttractivenessDimension, revealed: Double, stated: Double)] {
        let statedTotal = AttractivenessDimension.weighable.reduce(0) { $0 + stated.value($1) }
        return AttractivenessDimension.weighable.map { dimension in
            (dimension, revealed.value(dimension), statedTotal > 0 ? stated.value(dimension) / statedTotal * 100 : 0)
        }.filter { $0.revealed > 0 || $0.stated > 0 }
    }

    /// The CSV header of the per-town table.
    public static let townsHeader = ["code", "commune", "departement", "population", "note_barometre", "solde_migratoire_2016_2022",
                                     "solde_migratoire_2011_2016", "predit_2016_2022", "predit_temporel_hors_echantillon",
                                     "predit_spatial_hors_echantillon", "predit_temporel_offre_logements", "residu", "residu_percentile"]

    /// The per-town table in CSV (RFC 4180, one header line), every figure as stored.
    public static func townsCSV(_ towns: [TownValidation]) -> String {
        func quoted(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        func figure(_ value: Double?) -> String { value.map { String(format: "%.4f", $0) } ?? "" }
        var lines = [townsHeader.joined(separator: ",")]
        for town in towns {
            lines.append([town.code, quoted(town.name), town.departement, town.population.map(String.init) ?? "", figure(town.composite),
                          figure(town.observed), figure(town.observedEarlier), figure(town.predicted), figure(town.temporal),
                          figure(town.spatial), figure(town.supplyAwareTemporal), figure(town.residual), figure(town.residualPercentile)]
                .joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
