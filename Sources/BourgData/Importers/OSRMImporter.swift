import BourgCore
import Foundation

/// Driving time by road to Paris, computed with OSRM on OpenStreetMap (2021).
struct OSRMImporter: SourceImporter {
    let source = SourceDescription(
        id: "osrm-temps-voiture-paris", citation: "OSRM / OpenStreetMap 2021",
        title: "Temps de trajet en voiture jusqu'à Paris (OSRM sur OpenStreetMap)",
        producer: "Nicolas Lambert (CNRS/RIATE), calcul OSRM ; © les contributeurs d'OpenStreetMap",
        vintage: "2021",
        licence: "ODbL (OpenStreetMap)",
        officialURL: "https://github.com/neocarto/rspatial")

    var indicators: [IndicatorDefinition] {
        [IndicatorDefinition(
            id: "temps_voiture_paris_min", label: "Temps de trajet en voiture jusqu'à Paris", unit: "min", dimension: .metropole,
            direction: .neutral, sources: [source.id], vintage: "2021",
            definition: "Durée du trajet routier, sans embouteillages, du centre de la commune au centre de Paris (OSRM, profil voiture, OpenStreetMap de juillet 2021). Pour la Corse, la traversée en ferry est comprise. Pas de donnée pour les DOM. Neutre, non noté : c'est une contrainte de localisation pour qui doit se rendre à Paris (le critère « Paris à 90 min » de la recherche d'une commune), pas une mesure de la facilité à se déplacer au quotidien ; noté, il classerait en queue toute commune éloignée de Paris — la Corse d'abord, ferry compris — quelle que soit sa desserte.")]
    }

    func importData(from folder: SourceFolder, into draft: inout AtlasDraft) throws {
        var file = try folder.csv("temps_voiture_paris_cog2025.csv", columns: ["code_commune_cog2025", "duree_voiture_paris_min"], key: ["code_commune_cog2025"])
        try ImporterSupport.importColumns([("temps_voiture_paris_min", "duree_voiture_paris_min")], codeColumn: "code_commune_cog2025",
                                          decimals: 0, file: &file, into: &draft)
        draft.record(file.provenance)
    }
}
