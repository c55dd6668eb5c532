import BourgCore
import Foundation

/// A source that is a complete list of communes sharing a status (sea-coast commune, programme member…):
/// a listed commune gets 1, every other commune 0.
struct MembershipListImporter: SourceImporter {
    let source: SourceDescription
    let fileName: String
    let codeColumn: String
    let indicator: IndicatorDefinition

    var indicators: [IndicatorDefinition] { [indicator] }

    func importData(from folder: SourceFolder, into draft: inout AtlasDraft) throws {
        var file = try folder.csv(fileName, columns: [codeColumn], key: [codeColumn])
        for (index, _) in try file.rowsByCommune(column: codeColumn, in: draft) {
            try draft.set(indicator.id, index, 1)
        }
        draft.fillMissing(indicator.id, with: 0)
        draft.record(file.provenance)
    }

    static let littoral: MembershipListImporter = {
        let source = SourceDescription(
            id: "onml-communes-littorales-2019", citation: "ONML, communes littorales 2019", title: "Communes littorales (loi Littoral) riveraines de la mer, liste 2019",
            producer: "ONML / SDES, ministère de la Transition écologique", vintage: "2019", licence: "Licence Ouverte / Etalab 2.0",
            officialURL: "https://www.observatoire-des-territoires.gouv.fr/")
        return MembershipListImporter(
            source: source, fileName: "communes_littorales_mer_cog2025.csv", codeColumn: "code_insee",
            indicator: IndicatorDefinition(
                id: "littoral_mer", label: "Commune littorale (mer)", unit: "", dimension: .nature, direction: .neutral, kind: .flag,
                sources: [source.id], vintage: "2019",
                definition: "1 si la commune (ou une de ses anciennes communes) est riveraine de la mer, d'un étang salé ou d'un estuaire en aval de la limite transversale de la mer (liste ONML 2019, partie « Mer ») ; 0 sinon. Les communes riveraines des grands lacs n'y sont pas."))
    }()

    static let petitesVillesDeDemain: MembershipListImporter = {
        let source = SourceDescription(
            id: "anct-petites-villes-de-demain", citation: "ANCT, Petites villes de demain 2026", title: "Programme Petites villes de demain : communes bénéficiaires",
            producer: "ANCT", vintage: "2026-04-27", licence: "Licence Ouverte / Etalab 2.0",
            officialURL: "https://www.data.gouv.fr/fr/datasets/programme-petites-villes-de-demain/")
        return MembershipListImporter(
            source: source, fileName: "pvd_communes.csv", codeColumn: "code_insee",
            indicator: IndicatorDefinition(
                id: "petites_villes_de_demain", label: "Commune « Petites villes de demain »", unit: "", dimension: .dynamique,
                direction: .neutral, kind: .flag, sources: [source.id], vintage: "2026",
                definition: "1 si la commune bénéficie du programme Petites villes de demain (liste ANCT d'avril 2026), 0 sinon."))
    }()

    static let petitesVillesDeDemain2021: MembershipListImporter = {
        let source = SourceDescription(
            id: "anct-pvd-liste-2021-01", citation: "ANCT, Petites villes de demain 2021", title: "Programme Petites villes de demain : liste de janvier 2021",
            producer: "ANCT", vintage: "2021-01", licence: "Licence Ouverte 2.0",
            officialURL: "https://www.data.gouv.fr/fr/datasets/programme-petites-villes-de-demain/")
        return MembershipListImporter(
            source: source, fileName: "pvd_communes_2021-01.csv", codeColumn: "codgeo_actuel",
            indicator: IndicatorDefinition(
                id: "petites_villes_de_demain_2021", label: "Commune « Petites villes de demain » dès 2021", unit: "", dimension: .dynamique,
                direction: .neutral, kind: .flag, sources: [source.id], vintage: "2021",
                definition: "1 si la commune figurait sur la liste du programme Petites villes de demain de janvier 2021 (lancement du programme), 0 sinon."))
    }()

    static let actionCoeurDeVille: MembershipListImporter = {
        let source = SourceDescription(
            id: "anct-action-coeur-de-ville", citation: "ANCT, Action cœur de ville 2024", title: "Programme Action cœur de ville : communes",
            producer: "ANCT", vintage: "avril 2024", licence: "Licence Ouverte 2.0",
            officialURL: "https://www.data.gouv.fr/fr/datasets/programme-action-coeur-de-ville/")
        return MembershipListImporter(
            source: source, fileName: "acv_communes.csv", codeColumn: "insee_com",
            indicator: IndicatorDefinition(
                id: "action_coeur_de_ville", label: "Commune « Action cœur de ville »", unit: "", dimension: .dynamique,
                direction: .neutral, kind: .flag, sources: [source.id], vintage: "2024",
                definition: "1 si la commune fait partie du programme Action cœur de ville (villes moyennes, données ANCT d'avril 2024), 0 sinon."))
    }()
}
