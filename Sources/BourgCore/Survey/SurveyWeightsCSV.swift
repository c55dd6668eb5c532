/// Each respondent's weight as a CSV, to reuse the weights elsewhere (R, a spreadsheet): one row per respondent,
/// in the answers file's order.
public enum SurveyWeightsCSV {
    /// The header and column meanings: `ligne` (the respondent's line in the answers file), `poids_depart` (the
    /// starting weight: the design weight scaled to a mean of 1, or 1), `poids` (the final weight, mean 1).
    public static let header = "ligne,poids_depart,poids"

    /// The CSV of `weighting`'s weights for `data`'s respondents (full precision, `.` as decimal separator).
    public static func render(_ data: SurveyData, weighting: SurveyWeighting) -> String {
        var lines = [header]
        lines.reserveCapacity(data.respondents.count + 1)
        let starting = weighting.design.designWeights
        for (position, respondent) in data.respondents.enumerated() {
            lines.append("\(respondent.line),\(starting[position]),\(weighting.weights[position])")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
