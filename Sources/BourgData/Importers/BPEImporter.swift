import BourgCore
import Foundation

/// INSEE Base permanente des équipements 2019, for what the 2024 categories (`BPE2024Importer`) do not detail:
/// health professionals, emergency services, health centres, crèches, schools, supermarkets and tourism
/// equipment per commune, as rates per inhabitant, presence flags and distances to the nearest commune having one.
struct BPEImporter: SourceImporter {
    let source = SourceDescription(
        id: "insee-bpe-2019", citation: "INSEE, BPE 2019",
        title: "Base permanente des équipements (BPE) 2019",
        producer: "INSEE",
        vintage: "2019",
        licence: "Licence Ouverte / Etalab 2.0",
        officialURL: "https://www.insee.fr/fr/statistiques/3568629")

    /// One indicator drawn from BPE codes.
    struct Item {
        var id: String
        var label: String
        var dimension: AttractivenessDimension
        var codes: [String]
        var measure: EquipmentMeasure
        /// `nil`: the measure's usual direction.
        var direction: Direction? = nil
        var note = ""
    }

    /// Why the 2019 practitioner rates are descriptive.
    static let practitionerNote = " Descriptif, non noté : l'accès aux praticiens est noté par l'accessibilité potentielle localisée (APL) 2023 de la DREES, plus récente et qui compte l'offre des communes voisines ; ce taux de 2019 reste pour information."

    static let items: [Item] = [
        Item(id: "medecins_generalistes_pour_10000", label: "Médecins généralistes pour 10 000 habitants (2019)", dimension: .sante, codes: ["D201"], measure: .per10000,
             direction: .neutral, note: practitionerNote + " Il sert aussi la contrainte « médecin généraliste à N km » de la recherche (présence d'au moins un généraliste en 2019)."),
        Item(id: "infirmiers_pour_10000", label: "Infirmiers pour 10 000 habitants (2019)", dimension: .sante, codes: ["D232"], measure: .per10000,
             direction: .neutral, note: practitionerNote),
        Item(id: "kinesitherapeutes_pour_10000", label: "Masseurs-kinésithérapeutes pour 10 000 habitants (2019)", dimension: .sante, codes: ["D233"], measure: .per10000,
             direction: .neutral, note: practitionerNote),
        Item(id: "dentistes_pour_10000", label: "Chirurgiens-dentistes pour 10 000 habitants (2019)", dimension: .sante, codes: ["D221"], measure: .per10000,
             direction: .neutral, note: practitionerNote),
        Item(id: "distance_urgences_km", label: "Distance au service d'urgences le plus proche (2019)", dimension: .sante, codes: ["D106"], measure: .distance),
        Item(id: "distance_maison_sante_km", label: "Distance à la maison ou au centre de santé le plus proche (2019)", dimension: .sante, codes: ["D113", "D108"], measure: .distance),
        Item(id: "distance_creche_km", label: "Distance à la crèche la plus proche (2019)", dimension: .servicesPublics, codes: ["D502"], measure: .distance,
             note: " Code D502 (établissement d'accueil du jeune enfant), libellé 2019 non vérifié par la source."),
        Item(id: "distance_ecole_km", label: "Distance à l'école la plus proche (2019)", dimension: .servicesPublics, codes: ["C101", "C102", "C104", "C105"], measure: .distance),
        Item(id: "distance_college_km", label: "Distance au collège le plus proche (2019)", dimension: .servicesPublics, codes: ["C201"], measure: .distance),
        Item(id: "distance_lycee_km", label: "Distance au lycée le plus proche (2019)", dimension: .servicesPublics, codes: ["C301", "C302", "C303"], measure: .distance,
             note: " Lycée général et technologique, professionnel ou agricole."),
        Item(id: "supermarches_pour_1000", label: "Supermarchés et hypermarchés pour 1 000 habitants (2019)", dimension: .commerce, codes: ["B101", "B102"], measure: .per1000),
        Item(id: "distance_supermarche_km", label: "Distance au supermarché le plus proche (2019)", dimension: .commerce, codes: ["B101", "B102"], measure: .distance),
        Item(id: "hotels_pour_1000", label: "Hôtels homologués pour 1 000 habitants (2019)", dimension: .tourisme, codes: ["G102"], measure: .per1000),
        Item(id: "campings_pour_1000", label: "Campings homologués pour 1 000 habitants (2019)", dimension: .tourisme, codes: ["G103"], measure: .per1000),
        Item(id: "information_touristique", label: "Point d'information touristique (2019)", dimension: .tourisme, codes: ["G104"], measure: .presence),
        Item(id: "domaine_skiable", label: "Domaine skiable (2019)", dimension: .tourisme, codes: ["F105"], measure: .presence),
        Item(id: "sports_nautiques", label: "Sports nautiques ou port de plaisance (2019)", dimension: .tourisme, codes: ["F118", "F202"], measure: .presence),
    ]

    var indicators: [IndicatorDefinition] {
        Self.items.map { item in
            IndicatorDefinition(
                id: item.id, label: item.label, unit: item.measure.unit, dimension: item.dimension,
                direction: item.direction ?? item.measure.direction, kind: item.measure.kind, sources: [source.id], vintage: "2019",
                definition: item.measure.definition(of: "équipements BPE 2019 (\(item.codes.joined(separator: ", ")))") + item.note
                    + " Millésime 2019 : la BPE 2024 de Bourg, en 34 catégories, ne détaille pas ce type d'équipement.")
        }
    }

    func importData(from folder: SourceFolder, into draft: inout AtlasDraft) throws {
        var file = try folder.csv("bpe2019_commune_typequ.csv", columns: ["codgeo", "typequ", "nb"], key: ["codgeo", "typequ"])
        let wanted = Set(Self.items.flatMap(\.codes))
        // Counts by BPE code and commune. BPE covers every commune of France (overseas included):
        // a commune absent for a code has none.
        let zero = [Double](repeating: 0, count: draft.communes.count)
        var counts: [String: [Double]] = [:]
        for row in file.rows {
            guard let index = try file.commune(row, column: "codgeo", in: draft) else { continue }
            let code = row["typequ"]
            let number = try row.requiredNumber("nb", allowNegative: false)
            if wanted.contains(code) { counts[code, default: zero][index] += number }
        }
        for item in Self.items {
            let total: [Double?] = draft.communes.indices.map { index in item.codes.reduce(0) { $0 + (counts[$1] ?? zero)[index] } }
            try ImporterSupport.setEquipment(item.id, item.measure, counts: total, into: &draft)
        }
        draft.record(file.provenance)
    }
}
