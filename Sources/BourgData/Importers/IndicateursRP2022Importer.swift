import BourgCore
import Foundation

/// INSEE census 2022 indicators as computed by the ptod territorial observatory: unemployment and employment
/// rates 15–64, share of executives, share of households that moved in less than 5 years ago.
///
/// The file says it is on the 2025 boundaries, but for communes merged in 2024–2025 its row covers only the
/// surviving commune (Pern-Lhospitalet: 499 inhabitants, Lhospitalet alone, for 925): a row whose population
/// differs from the commune's legal population 2022 (set before by `SoldeMigratoireImporter`) is refused.
struct IndicateursRP2022Importer: SourceImporter {
    let source = SourceDescription(
        id: "ptod-indicateurs-rp2022", citation: "INSEE, recensement 2022 (calculs ptod)",
        title: "Indicateurs du recensement 2022 par commune : chômage, emploi, cadres, emménagés récents",
        producer: "INSEE, recensement de la population ; calculs ptod-observatoire-territorial",
        vintage: "2022",
        licence: "Licence Ouverte / Etalab 2.0",
        officialURL: "https://github.com/vincentroue/ptod-observatoire-territorial")

    /// The legal population the row's `pop_2022` is checked against (an indicator of `SoldeMigratoireImporter`).
    static let legalPopulation = "population_\(SoldeMigratoireImporter.latestYear)"
    /// A row's population may differ from the legal population by this share at most (they are equal for every
    /// row that covers the commune; the rows that cover part of it differ by 2 % or more).
    static let territoryTolerance = 0.01

    static let columns: [(id: String, column: String, label: String, dimension: AttractivenessDimension, direction: Direction, what: String)] = [
        ("taux_chomage_1564_2022", "taux_chomage_1564_2022_pct", "Taux de chômage des 15–64 ans (recensement 2022)", .emploi, .lowerIsBetter,
         "Chômeurs de 15 à 64 ans / actifs de 15 à 64 ans (P22_CHOM1564 / C22_ACT1564), recensement 2022. Chômage au sens du recensement (déclaratif), pas au sens du BIT. Noté : plus il est bas, plus un nouvel arrivant trouve un marché du travail ouvert."),
        ("taux_emploi_1564_2022", "taux_emploi_1564_2022_pct", "Taux d'emploi des 15–64 ans (recensement 2022)", .emploi, .higherIsBetter,
         "Actifs occupés de 15 à 64 ans / population de 15 à 64 ans ((C22_ACT1564 − P22_CHOM1564) / P22_POP1564), recensement 2022. Noté : plus il est élevé, plus les habitants d'âge actif travaillent ; il baisse aussi avec la part d'étudiants et de préretraités."),
        ("part_cadres_2022", "part_cadres_pop15p_2022_pct", "Part de cadres et professions intellectuelles supérieures (2022)", .emploi, .neutral,
         "Cadres et professions intellectuelles supérieures / population de 15 ans ou plus (C22_POP15P_STAT_GSEC13_23 / C22_POP15P), recensement 2022. Descriptif, non noté : la composition sociale n'est ni un atout ni un frein en soi pour qui s'installe (elle va de pair avec des prix plus élevés)."),
        ("part_menages_emmenages_moins_5ans_2022", "part_menages_emmenages_moins_5ans_2022_pct", "Ménages installés depuis moins de 5 ans (2022)", .dynamique, .neutral,
         "Ménages ayant emménagé dans leur logement depuis moins de 5 ans (moins de 2 ans et 2 à 4 ans) / ensemble des ménages, recensement 2022, agrégé des IRIS en pondérant par les ménages. Compte aussi les déménagements dans la même commune, et c'est un stock (ménages présents en 2022), pas un flux d'arrivants. Descriptif, non noté : la mobilité résidentielle est un résultat que les notes cherchent à expliquer."),
    ]

    var indicators: [IndicatorDefinition] {
        let caveat = " Calcul de l'observatoire ptod à partir des fichiers de l'INSEE (lignes communales pour 5 000 habitants ou plus, sinon la ligne IRIS unique de la commune), taux arrondis à 2 décimales. Pas de donnée pour les DOM ; pour les communes de moins de 5 000 habitants découpées en plusieurs IRIS, seule la part d'emménagés récents est donnée. Une ligne dont la population 2022 diffère de la population légale 2022 de la commune (géographie 2025) de plus de 1 % est écartée : elle ne couvre qu'une partie de la commune (fusions de 2024–2025). Un taux supérieur à 100 % est écarté."
        return Self.columns.map { item in
            IndicatorDefinition(
                id: item.id, label: item.label, unit: "%", dimension: item.dimension, direction: item.direction,
                sources: [source.id], vintage: "2022", definition: item.what + caveat)
        }
    }

    /// Whether a row with population `population` describes the commune whose legal population is `legal`.
    static func coversCommune(population: Double, legal: Double?) -> Bool {
        guard let legal else { return false }
        return abs(population - legal) <= territoryTolerance * max(legal, 1)
    }

    func importData(from folder: SourceFolder, into draft: inout AtlasDraft) throws {
        var file = try folder.csv("indicateurs_rp2022_communes_cog2025.csv", columns: ["code_commune_cog2025", "pop_2022"] + Self.columns.map(\.column),
                                  key: ["code_commune_cog2025"])
        for (index, rows) in try file.rowsByCommune(column: "code_commune_cog2025", in: draft) {
            // One row per COG 2025 code: former communes never have rows of their own here.
            let row = rows[0]
            for _ in rows.dropFirst() { file.reject() }
            // Rows without a population (communes split into IRIS) carry the movers' share only, summed over all
            // their IRIS: nothing to check them against.
            if let population = try row.number("pop_2022"),
               !Self.coversCommune(population: population, legal: draft.value(Self.legalPopulation, index)) {
                file.reject()
                continue
            }
            var rejected = false
            for item in Self.columns {
                guard let value = try row.number(item.column) else { continue }
                guard value <= 100 else { rejected = true; continue }
                try draft.set(item.id, index, value)
            }
            if rejected { file.reject() }
        }
        draft.record(file.provenance)
    }
}
