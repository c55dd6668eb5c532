import BourgCore
import Foundation

/// INSEE study zonings (COG 2025): région, EPCI and their names, the code history, attraction areas
/// (AAV 2020) and bassins de vie 2022; distances to the poles of large attraction areas.
struct ZonagesImporter: SourceImporter {
    let source = SourceDescription(
        id: "insee-zonages-cog2025", citation: "INSEE, zonages 2020–2022 (COG 2025)",
        title: "Zonages d'étude de l'INSEE : aires d'attraction des villes 2020, bassins de vie 2022, table de passage des codes",
        producer: "INSEE (via le paquet COGiter, MTES-MCT)",
        vintage: "COG 2025 (AAV 2020, BV 2022)",
        licence: "Licence Ouverte / Etalab 2.0",
        officialURL: "https://www.insee.fr/fr/information/2028028")

    static let aavCategories = [
        IndicatorCategory(code: 11, label: "Commune-centre d'un pôle"),
        IndicatorCategory(code: 12, label: "Autre commune du pôle principal"),
        IndicatorCategory(code: 13, label: "Commune d'un pôle secondaire"),
        IndicatorCategory(code: 20, label: "Commune de la couronne"),
        IndicatorCategory(code: 30, label: "Commune hors attraction des villes"),
    ]
    static let aavSizes = [
        IndicatorCategory(code: 0, label: "Hors attraction des villes"),
        IndicatorCategory(code: 1, label: "Aire de moins de 50 000 habitants"),
        IndicatorCategory(code: 2, label: "Aire de 50 000 à moins de 200 000 habitants"),
        IndicatorCategory(code: 3, label: "Aire de 200 000 à moins de 700 000 habitants"),
        IndicatorCategory(code: 4, label: "Aire de 700 000 habitants ou plus (hors Paris)"),
        IndicatorCategory(code: 5, label: "Aire de Paris"),
    ]

    /// Size classes of urban units 2020 (population 2017), `TUU2017`.
    static let urbanUnitSizes = [
        IndicatorCategory(code: 0, label: "Hors unité urbaine"),
        IndicatorCategory(code: 1, label: "Unité urbaine de 2 000 à 4 999 habitants"),
        IndicatorCategory(code: 2, label: "Unité urbaine de 5 000 à 9 999 habitants"),
        IndicatorCategory(code: 3, label: "Unité urbaine de 10 000 à 19 999 habitants"),
        IndicatorCategory(code: 4, label: "Unité urbaine de 20 000 à 49 999 habitants"),
        IndicatorCategory(code: 5, label: "Unité urbaine de 50 000 à 99 999 habitants"),
        IndicatorCategory(code: 6, label: "Unité urbaine de 100 000 à 199 999 habitants"),
        IndicatorCategory(code: 7, label: "Unité urbaine de 200 000 à 1 999 999 habitants"),
        IndicatorCategory(code: 8, label: "Unité urbaine de Paris"),
    ]

    var indicators: [IndicatorDefinition] {
        let ids = [source.id]
        return [
            IndicatorDefinition(
                id: "situation", label: "Situation (centre, banlieue, périurbaine, rurale)", unit: "", dimension: .typologie,
                direction: .neutral, kind: .category, sources: ids, vintage: "2020",
                definition: "Où la commune se situe, au sens où l'on parle de « petite ville » : 1) ville-centre ou ville isolée de son unité urbaine (elle a son propre centre) ; 2) banlieue d'une unité urbaine de 100 000 habitants ou plus, Paris compris ; 3) périurbaine : banlieue d'une unité urbaine plus petite, ou hors unité urbaine dans la couronne d'une aire d'attraction ; 4) rurale : hors unité urbaine et hors couronne. Unités urbaines et aires d'attraction 2020 de l'INSEE (statut COMUU2020, tranche TUU2017, catégorie CATEAAV2020). Descriptif, non noté ; les profils de ménage écartent par défaut les banlieues des grandes unités urbaines.",
                categories: Situation.allCases.map { IndicatorCategory(code: $0.rawValue, label: $0.label) }),
            IndicatorDefinition(
                id: "taille_unite_urbaine", label: "Taille de l'unité urbaine", unit: "", dimension: .typologie,
                direction: .neutral, kind: .category, sources: ids, vintage: "2020 (population 2017)",
                definition: "Tranche de population (2017) de l'unité urbaine 2020 (commune ou ensemble de communes au bâti continu, au moins 2 000 habitants) à laquelle appartient la commune.",
                categories: Self.urbanUnitSizes),
            IndicatorDefinition(
                id: "categorie_aav", label: "Place dans l'aire d'attraction des villes", unit: "", dimension: .emploi,
                direction: .neutral, kind: .category, sources: ids, vintage: "2020",
                definition: "Catégorie de la commune dans le zonage en aires d'attraction des villes 2020 (pôle, couronne où au moins 15 % des actifs travaillent dans le pôle, ou hors aire).",
                categories: Self.aavCategories),
            IndicatorDefinition(
                id: "taille_aav", label: "Taille de l'aire d'attraction", unit: "", dimension: .metropole,
                direction: .neutral, kind: .category, sources: ids, vintage: "2020 (population 2017)",
                definition: "Tranche de population de l'aire d'attraction des villes 2020 à laquelle appartient la commune.",
                categories: Self.aavSizes),
            IndicatorDefinition(
                id: "couronne_aav_700k", label: "Dans la couronne d'une aire de 700 000 habitants ou plus", unit: "",
                dimension: .metropole, direction: .higherIsBetter, kind: .flag, sources: ids, vintage: "2020",
                definition: "1 si la commune est dans la couronne d'une aire d'attraction de 700 000 habitants ou plus (Paris compris), 0 sinon. Compté comme un atout : 60 % des Français jugent dynamiques les petites villes de la périphérie des métropoles (baromètre 2021)."),
            IndicatorDefinition(
                id: "distance_pole_aav_200k_km", label: "Distance au pôle d'une aire de 200 000 habitants ou plus", unit: "km",
                dimension: .mobilite, direction: .lowerIsBetter, sources: ids, vintage: "2020",
                definition: "Distance à vol d'oiseau de la mairie à la mairie de la commune-centre la plus proche d'une aire d'attraction de 200 000 habitants ou plus (0 pour ces communes-centres). Calculée sur le même territoire (métropole, Corse, chaque DOM)."),
            IndicatorDefinition(
                id: "distance_pole_aav_700k_km", label: "Distance au pôle d'une aire de 700 000 habitants ou plus", unit: "km",
                dimension: .metropole, direction: .lowerIsBetter, sources: ids, vintage: "2020",
                definition: "Distance à vol d'oiseau de la mairie à la mairie de la commune-centre la plus proche d'une aire d'attraction de 700 000 habitants ou plus, Paris compris (0 pour ces communes-centres). Calculée sur le même territoire."),
        ]
    }

    func importData(from folder: SourceFolder, into draft: inout AtlasDraft) throws {
        try importCodeHistory(from: folder, into: &draft)
        let labels = try importLabels(from: folder, into: &draft)
        var file = try folder.csv("communes_zonages_cog2025.csv", columns: [
            "code_commune", "nom_commune", "DEP", "REG", "EPCI", "COMUU2020", "TUU2017", "AAV2020", "TAAV2017", "CATEAAV2020", "BV2022",
        ], key: ["code_commune"])
        var category = Array(repeating: 0, count: draft.communes.count)
        var size = Array(repeating: 0, count: draft.communes.count)
        for row in file.rows {
            guard let index = try file.commune(row, column: "code_commune", in: draft) else { continue }
            let aavCategory = Int(try row.requiredNumber("CATEAAV2020"))
            let aavSize = Int(try row.requiredNumber("TAAV2017"))
            guard Self.aavCategories.contains(where: { $0.code == aavCategory }) else {
                throw row.error("CATEAAV2020", "unknown attraction-area category \(aavCategory) (expected 11, 12, 13, 20 or 30)")
            }
            guard (0...5).contains(aavSize) else {
                throw row.error("TAAV2017", "unknown attraction-area size class \(aavSize) (expected 0 to 5)")
            }
            let urbanUnitSize = Int(try row.requiredNumber("TUU2017"))
            guard (0...8).contains(urbanUnitSize) else {
                throw row.error("TUU2017", "unknown urban-unit size class \(urbanUnitSize) (expected 0 to 8)")
            }
            guard let situation = Situation.classify(urbanStatus: row["COMUU2020"], urbanUnitSizeClass: urbanUnitSize, attractionCategory: aavCategory) else {
                throw row.error("COMUU2020", "unknown status in the urban unit « \(row["COMUU2020"]) » (expected C, B, I or H)")
            }
            try draft.set("situation", index, Double(situation.rawValue), row: row, column: "COMUU2020")
            try draft.set("taille_unite_urbaine", index, Double(urbanUnitSize), row: row, column: "TUU2017")
            category[index] = aavCategory
            size[index] = aavSize
            try draft.set("categorie_aav", index, Double(aavCategory), row: row, column: "CATEAAV2020")
            try draft.set("taille_aav", index, Double(aavSize), row: row, column: "TAAV2017")
            try draft.set("couronne_aav_700k", index, aavCategory == 20 && aavSize >= 4 ? 1 : 0, row: row, column: "CATEAAV2020")
            let region = row.text("REG"), epci = row.text("EPCI"), departement = row["DEP"]
            draft.bassinDeVie[index] = row.text("BV2022")
            let officialName = row.text("nom_commune")
            draft.updateCommune(index) { commune in
                // The COG name with its article ("Le Cheylard"); the reference list drops articles.
                if let officialName { commune.name = officialName }
                commune.region = region
                commune.regionName = region.flatMap { labels["REG"]?[$0] }
                commune.departementName = labels["DEP"]?[departement]
                if commune.epci == nil { commune.epci = epci }
                commune.epciName = commune.epci.flatMap { labels["EPCI"]?[$0] }
            }
        }
        draft.record(file.provenance)
        for (indicator, minimumSize) in [("distance_pole_aav_200k_km", 3), ("distance_pole_aav_700k_km", 4)] {
            let isPole = draft.communes.indices.map { category[$0] == 11 && size[$0] >= minimumSize }
            for (index, distance) in draft.distancesToNearestCommune(where: isPole).enumerated() {
                draft.replace(indicator, index, distance)
            }
        }
    }

    private func importCodeHistory(from folder: SourceFolder, into draft: inout AtlasDraft) throws {
        var file = try folder.csv("passage_codes_historiques_vers_cog2025.csv", columns: ["code_commune_historique", "code_commune_cog2025"], key: ["code_commune_historique"])
        for row in file.rows {
            let old = try row.communeCode("code_commune_historique"), current = try row.communeCode("code_commune_cog2025")
            guard draft.indexByCode[current] != nil else {
                file.rowsUnmatched += 1
                continue
            }
            draft.codeHistory[old] = current
        }
        draft.record(file.provenance)
    }

    /// Labels by variable and code (REG, DEP, EPCI…).
    private func importLabels(from folder: SourceFolder, into draft: inout AtlasDraft) throws -> [String: [String: String]] {
        let file = try folder.csv("zonages_libelles.csv", columns: ["variable", "code", "libelle"], key: ["variable", "code"])
        var labels: [String: [String: String]] = [:]
        for row in file.rows { labels[row["variable"], default: [:]][row["code"]] = row["libelle"] }
        draft.record(file.provenance)
        return labels
    }
}
