import BourgCore
import Foundation

/// INSEE home-to-work trips of the employed residents: mean duration and distance (2019) and share
/// living more than 30 minutes from their work (2020), per commune.
struct DomicileTravailImporter: SourceImporter {
    let source = SourceDescription(
        id: "insee-domicile-travail-2019", citation: "INSEE, trajets domicile-travail 2019",
        title: "Trajets domicile-travail des actifs occupés : durée et distance moyennes, part à plus de 30 minutes",
        producer: "INSEE, recensement de la population (mobilités professionnelles) et distancier Metric ; copie jamesmica/terribot",
        vintage: "2019 (part à plus de 30 min : 2020)",
        licence: "Licence Ouverte / Etalab 2.0",
        officialURL: "https://github.com/jamesmica/terribot")

    static let fileName = "trajets_domicile_travail_communes_cog2025.csv"
    static let codeColumn = "code_commune_cog2025"
    static let shareColumn = "part_actifs_occ_plus_30min_2020_pct"
    static let columns = [
        (id: "duree_trajet_domicile_travail_min", column: "duree_moy_trajet_min_2019"),
        (id: "distance_trajet_domicile_travail_km", column: "distance_moy_trajet_km_2019"),
        (id: "part_actifs_trajet_plus_30min", column: shareColumn),
    ]

    var indicators: [IndicatorDefinition] {
        let caveat = " Ce qui est observé : la commune de résidence et la commune de travail déclarées au recensement ; ce qui est modélisé : la durée et la distance du trajet routier entre les deux, calculées par l'INSEE avec son distancier (Metric), pas des trajets mesurés ni le mode de transport réellement pris. Ce sont les trajets des habitants actuels, pas ceux qu'aurait un nouvel arrivant, et c'est avant l'essor du télétravail. Plus bas = mieux : moins de temps et de kilomètres (donc de carburant) pour aller travailler, signe d'emplois accessibles près de chez soi ; mais une commune où l'on vit loin de son travail peut avoir été choisie pour son logement."
        let islands = " Pas de valeur pour les îles sans liaison routière (toute la Corse, îles du Ponant, île d'Yeu…), les communes de Guyane sans route et quelques autres."
        return [
            IndicatorDefinition(
                id: "duree_trajet_domicile_travail_min", label: "Durée moyenne du trajet domicile-travail", unit: "min",
                dimension: .mobilite, direction: .lowerIsBetter, sources: [source.id], vintage: "2019",
                definition: "Durée moyenne, en minutes, du trajet entre domicile et lieu de travail des actifs occupés résidant dans la commune, recensement 2019 (collecte 2017–2021)." + caveat + islands),
            IndicatorDefinition(
                id: "distance_trajet_domicile_travail_km", label: "Distance moyenne du trajet domicile-travail", unit: "km",
                dimension: .mobilite, direction: .lowerIsBetter, sources: [source.id], vintage: "2019",
                definition: "Distance moyenne, en kilomètres par la route, entre domicile et lieu de travail des actifs occupés résidant dans la commune, recensement 2019." + caveat + islands),
            IndicatorDefinition(
                id: "part_actifs_trajet_plus_30min", label: "Actifs occupés à plus de 30 minutes de leur travail", unit: "%",
                dimension: .mobilite, direction: .lowerIsBetter, sources: [source.id], vintage: "2020",
                definition: "Part des actifs occupés résidant dans la commune dont le lieu de travail est à plus de 30 minutes, 2020." + caveat + " Une part supérieure à 100 % serait une erreur de la source : la ligne est écartée et comptée. Pas de valeur pour une partie des communes de Guadeloupe et de Guyane."),
        ]
    }

    func importData(from folder: SourceFolder, into draft: inout AtlasDraft) throws {
        var file = try folder.csv(Self.fileName, columns: [Self.codeColumn] + Self.columns.map(\.column), key: [Self.codeColumn])
        try ImporterSupport.importColumns(Self.columns, codeColumn: Self.codeColumn, maximum: [Self.shareColumn: 100],
                                          file: &file, into: &draft)
        draft.record(file.provenance)
    }
}
