/// Scoring weights taken from a survey's "assets cited / barriers cited" questions, so that a town can be scored
/// with its own public's priorities (the same format as the barometer preset).
public enum SurveyPreset {
    /// The weight preset of a survey.
    ///
    /// The questions that count are the multiple-answer questions whose items name a Bourg dimension (assets and
    /// barriers). The base is the respondents who answered at least one of them. The weight of a dimension is the
    /// weighted share, in %, rounded to 0.1, of the base citing at least one item mapped to it, as an asset or as a
    /// barrier: a respondent citing it on both sides counts once. Each entry's note gives that share with its
    /// 95 % interval and the share of each question on its own base. A weighable dimension that no item maps to
    /// gets 0 (basis `not_cited`: shown, not weighed).
    ///
    /// Throws when no question maps dimensions, or when no respondent cites any mapped item.
    public static func weights(data: SurveyData, weighting: SurveyWeighting, id: String = "enquete",
                               label: String? = nil) throws(SurveyError) -> Weights {
        let questionnaire = data.questionnaire
        let respondents = data.respondents
        let builder = SurveyReport.Builder(data: data, design: weighting.design, method: .standard)
        let mapped = questionnaire.questions.indices.filter {
            questionnaire.questions[$0].type == .multiple && questionnaire.questions[$0].mapsDimensions
        }
        guard !mapped.isEmpty else {
            throw SurveyError("aucune question à réponses multiples n'associe ses items à une dimension (champ « dimension ») : pas de poids à tirer de l'enquête")
        }
        let base = respondents.indices.filter { respondent in mapped.contains { respondents[respondent].answers[$0] != nil } }
        guard !base.isEmpty else { throw SurveyError("aucun répondant n'a répondu aux questions d'atouts ou de freins") }
        let names = mapped.map { "« \(questionnaire.questions[$0].id) »" }.joined(separator: ", ")

        var cited: [WeightEntry] = []
        var notCited: [WeightEntry] = []
        for dimension in AttractivenessDimension.weighable {
            // The items mapped to the dimension, per question.
            let items: [(question: Int, answers: [Int])] = mapped.compactMap { question in
                let answers = questionnaire.questions[question].answers.indices.filter {
                    questionnaire.questions[question].answers[$0].dimension == dimension
                }
                return answers.isEmpty ? nil : (question, answers)
            }
            guard !items.isEmpty else {
                notCited.append(WeightEntry(dimension: dimension, value: 0, basis: .notCited,
                                            note: "Aucun item du questionnaire ne s'y rapporte : affiché, non pondéré."))
                continue
            }
            guard let overall = builder.share(base: base, counts: { respondent in
                items.contains { data.gave(respondent, any: $0.answers, to: $0.question) }
            }) else { continue }
            let parts = items.compactMap { item -> String? in
                guard let share = builder.share(base: data.base(of: item.question), counts: {
                    data.gave($0, any: item.answers, to: item.question)
                }) else { return nil }
                let labels = item.answers.map { "« \(questionnaire.questions[item.question].answers[$0].label) »" }
                return "\(questionnaire.questions[item.question].id) : \(FrenchFormat.number(share.share * 100, decimals: 1)) % (\(labels.joined(separator: ", ")))"
            }
            let value = (overall.share * 1000).rounded() / 10
            let note = "Citée (atout ou frein) par \(FrenchFormat.number(value, decimals: 1)) % des répondants (IC 95 % : \(ShareEstimate.percent(overall.low))–\(ShareEstimate.percent(overall.high)) ; base \(FrenchFormat.number(Double(overall.base), decimals: 0))) — " + parts.joined(separator: " ; ") + "."
            cited.append(WeightEntry(dimension: dimension, value: value, basis: .survey, note: note))
        }
        guard cited.contains(where: { $0.value > 0 }) else {
            throw SurveyError("aucun répondant ne cite d'item associé à une dimension : tous les poids seraient nuls")
        }
        cited.sort { ($0.value, $1.dimension) > ($1.value, $0.dimension) }

        var citation = questionnaire.title
        if let population = questionnaire.population { citation += " — \(population)" }
        citation += " ; \(FrenchFormat.number(Double(respondents.count), decimals: 0)) répondants ; pondération : \(weighting.summary.method.label)"
        if !weighting.summary.variables.isEmpty { citation += " sur " + weighting.summary.variables.joined(separator: ", ") }
        citation += ". Poids d'une dimension = part pondérée (en %) des répondants citant au moins un item qui s'y rapporte, comme atout ou comme frein (questions \(names)), parmi ceux qui ont répondu à l'une d'elles ; qui la cite des deux côtés compte une fois. Dimensions sans item : non pondérées."
        return Weights(id: id, label: label ?? "Enquête : \(questionnaire.title)", citation: citation, entries: cited + notCited)
    }
}
