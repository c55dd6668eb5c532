import BourgCore
import Foundation

/// Builds the atlas from the data directory: the reference list first, then every source importer,
/// then the indicators derived from several sources; writes a temporary file and renames it over the
/// target, so that a failed build leaves the previous atlas untouched.
public struct AtlasBuilder: Sendable {
    /// What the builder reports while it works.
    public enum Event: Sendable {
        case started(source: String)
        case finished(source: String, rows: Int, seconds: Double)
        case writing
    }

    public let dataDirectory: URL

    public init(dataDirectory: URL) {
        self.dataDirectory = dataDirectory
    }

    /// The importers, in order: those that later ones rely on come first
    /// (zonings give the code history and the bassins de vie; populations give rates their denominator).
    static let importers: [any SourceImporter] = [
        ZonagesImporter(),
        PopulationImporter(),
        // Group A (demography, census 2022, jobs): new importers here.
        // Legal populations 2022 first: the census 2022 rows are checked against them.
        SoldeMigratoireImporter(),
        IndicateursRP2022Importer(),
        ComparateurTerritoiresImporter(),
        FranceTravailAnnuelImporter(),
        // Mobilité
        SNCFImporter(),
        OSRMImporter(),
        // Culture first: the BPE 2024 distances to a cinema, a library and a conservatoire also use Basilic.
        BasilicImporter(),
        BPEImporter(),
        CartoSanteImporter(),
        FranceServicesImporter(),
        EloignementImporter(),
        // Group B (services, health, schools, childcare): new importers here.
        BPE2024Importer(),
        APLImporter(),
        CAFAccueilJeuneEnfantImporter(),
        IPSImporter(),
        FilosofiImporter(),
        FranceTravailImporter(),
        SSMSIImporter(),
        // Group C (social life, sport, elections): new importers here.
        RNAImporter(),
        INJEPImporter(),
        DataESImporter(),
        EuropeennesImporter(),
        PresidentielleImporter(),
        DVFImporter(),
        RPLSImporter(),
        ZonageABCImporter(),
        // Group D (housing market and supply): new importers here.
        CarteDesLoyersImporter(),
        LOVACImporter(),
        LogementsVacantsRPImporter(),
        SitadelImporter(),
        CopernicusImporter(),
        CLCImporter(),
        AltitudeImporter(),
        MembershipListImporter.littoral,
        TypologiesImporter(),
        // Group E (taxes, risks, water, commutes): new importers here.
        FiscaliteLocaleImporter(),
        CatNatImporter(),
        EauPotableImporter(),
        DomicileTravailImporter(),
        ARCEPImporter(),
        ResidencesSecondairesImporter(),
        MembershipListImporter.petitesVillesDeDemain,
        MembershipListImporter.petitesVillesDeDemain2021,
        MembershipListImporter.actionCoeurDeVille,
        // Climate and natural risks.
        DRIASImporter(),
        RadonImporter(),
    ]

    /// Indicators that the survey calls for but for which no source is staged: listed, never guessed.
    static let indicatorsWithoutSource: [IndicatorDefinition] = [
        IndicatorDefinition(
            id: "couverture_mobile_4g", label: "Couverture mobile 4G", unit: "%", dimension: .numerique,
            direction: .higherIsBetter, sources: [], vintage: "—",
            definition: "Aucune source de couverture mobile n'est disponible dans les données de Bourg : pas de donnée (jamais estimée)."),
        IndicatorDefinition(
            id: "espaces_coworking", label: "Espaces de coworking", unit: "", dimension: .numerique,
            direction: .higherIsBetter, sources: [], vintage: "—",
            definition: "Aucune source d'espaces de coworking n'est disponible dans les données de Bourg : pas de donnée (jamais estimée)."),
    ]

    /// The catalogue a build produces, in display order.
    public static var catalogue: [IndicatorDefinition] {
        importers.flatMap(\.indicators) + DerivedIndicators.indicators + indicatorsWithoutSource
    }

    /// Reads every source into a draft, without writing anything.
    public func makeDraft(progress: (Event) -> Void = { _ in }) throws -> AtlasDraft {
        let reference = CommuneListImporter()
        progress(.started(source: reference.source.id))
        var start = Date()
        var draft = try reference.makeDraft(from: folder(reference.source))
        progress(.finished(source: reference.source.id, rows: draft.communes.count, seconds: Date().timeIntervalSince(start)))
        for importer in Self.importers {
            draft.declare(importer.indicators)
            progress(.started(source: importer.source.id))
            start = Date()
            let before = draft.provenance.count
            try importer.importData(from: folder(importer.source), into: &draft)
            let rows = draft.provenance[before...].reduce(0) { $0 + $1.rowsRead }
            progress(.finished(source: importer.source.id, rows: rows, seconds: Date().timeIntervalSince(start)))
        }
        draft.declare(DerivedIndicators.indicators)
        DerivedIndicators.compute(into: &draft)
        draft.declare(Self.indicatorsWithoutSource)
        progress(.started(source: "cartes"))
        start = Date()
        draft.outlines = MapLayers.departementOutlines(draft)
        progress(.finished(source: "cartes (contours des départements)", rows: draft.outlines.count, seconds: Date().timeIntervalSince(start)))
        return draft
    }

    /// Builds the atlas at `path`, replacing any previous file only once the new one is complete.
    public func build(to path: String, progress: (Event) -> Void = { _ in }) throws -> AtlasDraft {
        let draft = try makeDraft(progress: progress)
        let carTimes = try StoredCarTimes.inputs(draft, dataDirectory: dataDirectory)
        progress(.writing)
        let target = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: temporary)
        do {
            let formatter = ISO8601DateFormatter()
            try AtlasDatabase.write(draft, to: temporary.path, buildInfo: [
                "built_at": formatter.string(from: Date()),
                "data_dir": dataDirectory.path,
                "communes": String(draft.communes.count),
            ], carTimes: carTimes)
            // rename(2) replaces the target atomically: readers see the old file or the new one, never a mix.
            guard rename(temporary.path, target.path) == 0 else {
                throw DataBuildError(.storage, file: path, message: "could not move the new atlas into place: \(String(cString: strerror(errno)))")
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        return draft
    }

    private func folder(_ source: SourceDescription) throws -> SourceFolder {
        let url = dataDirectory.appendingPathComponent(source.id)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw DataBuildError(.missingFile, file: source.id, message: "source folder not found in \(dataDirectory.path)")
        }
        return SourceFolder(url: url, source: source)
    }
}
