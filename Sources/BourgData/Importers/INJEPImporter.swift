import BourgCore
import Foundation

/// INJEP, census of licences and clubs of the approved sports federations, 2022: licences per 100 inhabitants
/// (counted where the licensee lives) and clubs per 1,000 inhabitants (counted where the club has its seat).
struct INJEPImporter: SourceImporter {
    let source = SourceDescription(
        id: "injep-clubs-licences-sportives-2022", citation: "INJEP, licences et clubs sportifs 2022",
        title: "Recensement des licences et des clubs auprès des fédérations sportives agréées, par commune, 2022",
        producer: "INJEP-MEDES (service statistique ministériel Jeunesse et Sports)",
        vintage: "2022",
        licence: "Licence Ouverte / Etalab 2.0",
        officialURL: "https://www.data.gouv.fr/fr/datasets/donnees-geocodees-issues-du-recensement-des-licences-et-clubs-aupres-des-federations-sportives-agreees-par-le-ministere-charge-des-sports/")

    var indicators: [IndicatorDefinition] {
        [IndicatorDefinition(
            id: "licences_sportives_pour_100", label: "Licences sportives pour 100 habitants", unit: "pour 100 hab.",
            dimension: .vieSociale, direction: .higherIsBetter, sources: [source.id], vintage: "2022",
            definition: "Licences délivrées en 2022 par les fédérations sportives agréées (recensement INJEP), comptées à la commune de résidence du licencié, pour 100 habitants (population municipale 2021) : la pratique sportive en club des habitants eux-mêmes. Plus c'est élevé, mieux c'est : le club est l'un des premiers lieux de lien social. Une personne peut avoir plusieurs licences : ce n'est pas une part de pratiquants (le taux dépasse 100 dans une dizaine de très petites communes). Ne compte ni la pratique libre ni les licences non géocodées ; la saison 2022 est encore marquée par la reprise d'après le Covid. Taux nettement plus bas dans les DOM."),
         IndicatorDefinition(
            id: "clubs_sportifs_pour_1000", label: "Clubs sportifs pour 1 000 habitants", unit: "pour 1 000 hab.",
            dimension: .vieSociale, direction: .higherIsBetter, sources: [source.id], vintage: "2022",
            definition: "Clubs affiliés à une fédération sportive agréée (unisport olympique ou non, multisports, handisport, sport adapté) ayant leur siège dans la commune en 2022 (recensement INJEP), pour 1 000 habitants (population municipale 2021). Plus c'est élevé, mieux c'est : une offre de clubs sur place. Compté à la commune du siège : les clubs d'une ville-centre accueillent aussi les habitants des communes voisines, qui peuvent pratiquer sans club chez elles."),
        ]
    }

    func importData(from folder: SourceFolder, into draft: inout AtlasDraft) throws {
        var file = try folder.csv("clubs_licences_sportives_2022_cog2025.csv", columns: ["code_commune_cog2025", "licences_total", "clubs_total"],
                                  key: ["code_commune_cog2025"])
        try ImporterSupport.importRatesPerInhabitant(
            [("licences_sportives_pour_100", "licences_total", 100), ("clubs_sportifs_pour_1000", "clubs_total", 1_000)],
            codeColumn: "code_commune_cog2025", file: &file, into: &draft)
        draft.record(file.provenance)
    }
}
