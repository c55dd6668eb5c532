import BourgCore
import Foundation

/// DGFiP, fiscalité locale des particuliers 2025: global property-tax rate on built land (TFPB) and
/// household-waste tax rate (TEOM) per commune.
struct FiscaliteLocaleImporter: SourceImporter {
    let source = SourceDescription(
        id: "dgfip-fiscalite-locale-2025", citation: "DGFiP, fiscalité locale 2025",
        title: "Fiscalité locale des particuliers : taux de taxe foncière sur les propriétés bâties et de TEOM, exercice 2025",
        producer: "DGFiP (ministère de l'Économie), fichier de recensement des éléments d'imposition (REI)",
        vintage: "2025",
        licence: "Licence Ouverte / Etalab 2.0",
        officialURL: "https://data.economie.gouv.fr/explore/dataset/fiscalite-locale-des-particuliers/")

    static let fileName = "taux_tfpb_teom_2025_cog2025.csv"
    static let codeColumn = "code_commune_cog2025"
    static let columns = [
        (id: "taux_taxe_fonciere_bati", column: "taux_global_tfpb_2025_pct"),
        (id: "taux_teom", column: "taux_plein_teom_2025_pct"),
    ]

    var indicators: [IndicatorDefinition] {
        let notABill = " Un taux n'est pas une facture : l'impôt payé est le taux multiplié par la base (la moitié de la valeur locative cadastrale, évaluée en 1970 et très inégale d'une commune à l'autre) ; deux communes au même taux peuvent donner des avis d'imposition très différents. Aucune facture moyenne par commune n'est publiée. Plus bas = mieux : c'est un coût annuel du logement pour le propriétaire (et, répercuté, pour le locataire). Un taux supérieur à 100 % serait une erreur de la source : la ligne est écartée et comptée."
        return [
            IndicatorDefinition(
                id: "taux_taxe_fonciere_bati", label: "Taux global de taxe foncière sur les propriétés bâties", unit: "%",
                dimension: .logement, direction: .lowerIsBetter, sources: [source.id], vintage: "2025",
                definition: "Taux global de la taxe foncière sur les propriétés bâties voté pour 2025 : part de la commune, de l'intercommunalité, des syndicats et taxes spéciales (taxe spéciale d'équipement, GEMAPI) additionnées, en % de la valeur locative cadastrale nette. La commune ne vote qu'une partie de ce taux (sa seule part n'est pas dans le fichier)." + notABill + " Pas de valeur quand la DGFiP n'en publie pas."),
            IndicatorDefinition(
                id: "taux_teom", label: "Taux de la taxe d'enlèvement des ordures ménagères (TEOM)", unit: "%",
                dimension: .logement, direction: .lowerIsBetter, sources: [source.id], vintage: "2025",
                definition: "Taux plein 2025 de la taxe d'enlèvement des ordures ménagères, prélevée avec la taxe foncière sur la même base (certaines intercommunalités appliquent des taux réduits par zone : seul le taux plein est donné). Pas de valeur — et non zéro — quand la commune ne lève pas de TEOM : le service des déchets est alors financé par une redevance (REOM, redevance incitative) ou par le budget général, que ce fichier ne chiffre pas ; ces communes ne sont pas comparées, leurs déchets ne sont pas gratuits." + notABill),
        ]
    }

    func importData(from folder: SourceFolder, into draft: inout AtlasDraft) throws {
        var file = try folder.csv(Self.fileName, columns: [Self.codeColumn] + Self.columns.map(\.column), key: [Self.codeColumn])
        try ImporterSupport.importColumns(Self.columns, codeColumn: Self.codeColumn,
                                          maximum: Dictionary(uniqueKeysWithValues: Self.columns.map { ($0.column, 100) }),
                                          file: &file, into: &draft)
        draft.record(file.provenance)
    }
}
