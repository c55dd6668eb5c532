import BourgCore
import Foundation

/// Géorisques GASPAR: natural disasters officially recognised (arrêtés CatNat) per commune since 1982, by peril.
struct CatNatImporter: SourceImporter {
    let source = SourceDescription(
        id: "georisques-gaspar-catnat", citation: "Géorisques, GASPAR 2025",
        title: "Arrêtés de reconnaissance de l'état de catastrophe naturelle par commune depuis 1982 (base GASPAR)",
        producer: "Ministère de la Transition écologique (DGPR) – Géorisques, base GASPAR",
        vintage: "1982–2025",
        licence: "Licence Ouverte / Etalab 2.0",
        officialURL: "https://www.data.gouv.fr/fr/datasets/base-nationale-de-gestion-assistee-des-procedures-administratives-relatives-aux-risques-gaspar/")

    static let fileName = "arretes_catnat_communes_cog2025.csv"
    static let codeColumn = "code_commune_cog2025"
    static let totalColumn = "arretes_catnat_total"
    static let recentColumn = "arretes_2016_2025"
    static let lastYearColumn = "dernier_evenement_annee"
    /// The perils; they add up to the total (the last one is the rest).
    static let perils: [(id: String, column: String, label: String, what: String)] = [
        ("arretes_catnat_inondation", "arretes_inondation", "inondations", "inondations et coulées de boue, remontées de nappe comprises"),
        ("arretes_catnat_secheresse", "arretes_secheresse", "sécheresse", "sécheresse : retrait-gonflement des argiles, qui fissure les maisons"),
        ("arretes_catnat_mouvement_terrain", "arretes_mouvement_terrain", "mouvements de terrain", "glissements, éboulements, effondrements"),
        ("arretes_catnat_tempete", "arretes_tempete", "tempêtes", "tempêtes et vents cycloniques"),
        ("arretes_catnat_autres", "arretes_autres", "autres périls", "submersion marine et chocs des vagues, séismes, grêle, neige, avalanches"),
    ]

    var indicators: [IndicatorDefinition] {
        let caveat = " Compte des reconnaissances officielles (arrêté × péril) : il faut que la mairie en fasse la demande et qu'un arrêté interministériel l'accorde, et un arrêté couvre parfois de très nombreuses communes à la fois. C'est un historique d'événements reconnus, pas une carte des aléas (zones inondables, plans de prévention, zone sismique : absents). Compte par commune, pas par habitant : une grande commune, ou une commune nouvelle (un arrêté visant plusieurs communes déléguées y compte plusieurs fois), en totalise davantage. 0 pour une commune absente de GASPAR, qui ne liste que les communes ayant eu au moins un arrêté ; pas de valeur pour les communes créées en 2024–2025 (leur historique est resté à la commune d'origine). Dimension climat et risques : les sinistres naturels reconnus (logement inondé, fissuré), à côté de la chaleur à venir et du radon."
        return [
            IndicatorDefinition(
                id: "arretes_catnat_total", label: "Catastrophes naturelles reconnues depuis 1982", unit: "reconnaissances",
                dimension: .climat, direction: .lowerIsBetter, sources: [source.id], vintage: "1982–2025",
                definition: "Nombre de reconnaissances de l'état de catastrophe naturelle pour la commune, pour des événements de 1982 à 2025, tous périls. Plus bas = mieux : moins de sinistres reconnus dans l'histoire de la commune." + caveat),
            IndicatorDefinition(
                id: "arretes_catnat_2016_2025", label: "Catastrophes naturelles reconnues (événements 2016–2025)", unit: "reconnaissances",
                dimension: .climat, direction: .lowerIsBetter, sources: [source.id], vintage: "2016–2025",
                definition: "Nombre de reconnaissances de l'état de catastrophe naturelle pour des événements commencés de 2016 à 2025 : la décennie récente, plus proche du climat actuel que l'historique depuis 1982. Plus bas = mieux." + caveat),
            IndicatorDefinition(
                id: "annee_derniere_catnat", label: "Dernière catastrophe naturelle reconnue (année de l'événement)", unit: "année",
                dimension: .climat, direction: .neutral, sources: [source.id], vintage: "1982–2025",
                definition: "Année de début du dernier événement reconnu catastrophe naturelle, tous périls (GASPAR ne donne pas l'année par péril). Pas de valeur pour une commune qui n'a jamais eu d'arrêté depuis 1982 (son total est 0). Neutre : une date, pas une note ; elle sert à la contrainte « aucune catastrophe naturelle reconnue depuis … »." + caveat),
        ] + Self.perils.map { peril in
            IndicatorDefinition(
                id: peril.id, label: "Catastrophes naturelles reconnues depuis 1982 : \(peril.label)", unit: "reconnaissances",
                dimension: .climat, direction: .neutral, sources: [source.id], vintage: "1982–2025",
                definition: "Nombre de reconnaissances de l'état de catastrophe naturelle depuis 1982 pour : \(peril.what). Neutre : le détail du total par péril, qui est déjà noté ; le compter aussi noterait deux fois les mêmes arrêtés." + caveat)
        }
    }

    func importData(from folder: SourceFolder, into draft: inout AtlasDraft) throws {
        let counts = [Self.totalColumn, Self.recentColumn] + Self.perils.map(\.column)
        var file = try folder.csv(Self.fileName, columns: [Self.codeColumn] + counts + [Self.lastYearColumn], key: [Self.codeColumn])
        for (index, allRows) in try file.rowsByCommune(column: Self.codeColumn, in: draft) {
            var rows: [CSVRow] = []
            for row in allRows {
                // The recent decade and the perils are parts of the total: a row where they exceed it is refused.
                let total = try row.number(Self.totalColumn)
                let recent = try row.number(Self.recentColumn)
                let perils = try Self.perils.map { try row.number($0.column) }
                if let total, (recent ?? 0) > total || ImporterSupport.sum(perils).map({ $0 != total }) == true {
                    file.reject()
                } else {
                    rows.append(row)
                }
            }
            guard !rows.isEmpty else { continue }
            // A commune with former parts still listed gets the sum of their recognitions.
            func sum(_ column: String) throws -> Double? { ImporterSupport.sum(try rows.map { try $0.number(column) }) }
            try draft.set("arretes_catnat_total", index, try sum(Self.totalColumn))
            try draft.set("arretes_catnat_2016_2025", index, try sum(Self.recentColumn))
            for peril in Self.perils { try draft.set(peril.id, index, try sum(peril.column)) }
            try draft.set("annee_derniere_catnat", index, try rows.compactMap { try $0.number(Self.lastYearColumn) }.max())
        }
        draft.record(file.provenance)
    }
}
