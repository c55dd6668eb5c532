import Foundation
import Testing
@testable import BourgData

@Suite("CSV reading")
struct CSVFileTests {
    func parse(_ text: String, delimiter: Character = ",") throws -> CSVFile {
        try CSVFile(data: Data(text.utf8), name: "test.csv", delimiter: delimiter)
    }

    @Test func quotedFieldsEmptyCellsAndCRLF() throws {
        let file = try parse("code,nom,valeur\r\n01004,\"Ambérieu-en-Bugey, \"\"la ville\"\"\",\r\n46102,Figeac,12.5\r\n")
        #expect(file.header == ["code", "nom", "valeur"])
        #expect(file.rows.count == 2)
        #expect(file.rows[0]["nom"] == "Ambérieu-en-Bugey, \"la ville\"")
        #expect(try file.rows[0].number("valeur") == nil)
        #expect(try file.rows[1].number("valeur") == 12.5)
        #expect(file.rows[1].line == 3)
    }

    @Test func quotedFieldWithNewlineKeepsLineNumbers() throws {
        let file = try parse("a,b\n1,\"two\nlines\"\n3,x\n")
        #expect(file.rows[0]["b"] == "two\nlines")
        #expect(file.rows[1].line == 4)
    }

    @Test func byteOrderMarkSemicolonsAndDecimalCommas() throws {
        let file = try parse("\u{FEFF}CODGEO;MED21\n01004;21 870\n01033;20830,5\n", delimiter: ";")
        #expect(file.header.first == "CODGEO")
        #expect(try file.rows[1].number("MED21") == 20830.5)
        #expect(throws: DataBuildError.self) { try file.rows[0].number("MED21") }
    }

    @Test func missingMarkersAreMissingNotZero() throws {
        let file = try parse("code,v\n01001,s\n01002,nd\n")
        #expect(try file.rows[0].number("v", missingMarkers: ["s", "nd"]) == nil)
        #expect(try file.rows[1].number("v", missingMarkers: ["s", "nd"]) == nil)
    }

    @Test func nonNumericValueNamesFileLineAndColumn() throws {
        let file = try parse("code,valeur\n01004,12\n46102,douze\n")
        let error = try #require(throws: DataBuildError.self) { try file.rows[1].number("valeur") }
        #expect(error.file == "test.csv")
        #expect(error.line == 3)
        #expect(error.column == "valeur")
        #expect(error.description.contains("test.csv:3, column 'valeur'"))
        #expect(error.description.contains("douze"))
    }

    @Test func negativeValueRefusedWhereImpossible() throws {
        let file = try parse("code,nb\n01004,-3\n")
        #expect(throws: DataBuildError.self) { try file.rows[0].number("nb", allowNegative: false) }
    }

    @Test func truncatedRowIsAnErrorNamingTheLine() throws {
        let error = try #require(throws: DataBuildError.self) { try parse("a,b,c\n1,2,3\n4,5\n") }
        #expect(error.line == 3)
        #expect(error.kind == .malformedRow)
    }

    @Test func unclosedQuoteIsAnError() throws {
        let error = try #require(throws: DataBuildError.self) { try parse("a,b\n1,\"unfinished\n") }
        #expect(error.line == 2)
    }

    @Test func anotherSeparatorIsRefusedBeforeTheRows() throws {
        let error = try #require(throws: DataBuildError.self) { try parse("code_commune;nom\n01004;\"Ambérieu, Bugey\"\n") }
        #expect(error.line == 1)
        #expect(error.kind == .wrongSeparator)
        #expect(error.message.contains("has ';'"))
    }

    @Test func wrongHeaderNamesTheMissingColumn() throws {
        let file = try parse("code_commune,valeur\n01004,1\n")
        let error = try #require(throws: DataBuildError.self) { try file.require(["code", "valeur"]) }
        #expect(error.line == 1)
        #expect(error.kind == .missingColumn)
        #expect(error.column == "code")
        #expect(error.message.contains("found: code_commune, valeur"))
    }

    @Test func repeatedKeyNamesBothLines() throws {
        let file = try parse("code,annee,valeur\n01004,2020,1\n01004,2021,2\n01004,2020,3\n")
        try file.requireUniqueKey(["code", "annee", "valeur"])
        let error = try #require(throws: DataBuildError.self) { try file.requireUniqueKey(["code"]) }
        #expect(error.kind == .duplicatedRow)
        #expect(error.line == 3)
        #expect(error.message.contains("code=01004 as line 2"))
        let repeated = try parse("code,annee\n01004,2020\n01004,2021\n01004,2020\n")
        #expect(throws: DataBuildError.self) { try repeated.requireUniqueKey(["code", "annee"]) }
    }

    @Test func latin1IsRefusedWithTheLine() throws {
        var data = Data("code,nom\n01004,Amb".utf8)
        data.append(0xE9) // "é" in Latin-1
        data.append(contentsOf: Array("rieu\n".utf8))
        let error = try #require(throws: DataBuildError.self) { try CSVFile(data: data, name: "latin1.csv") }
        #expect(error.kind == .invalidEncoding)
        #expect(error.line == 2)
    }

    @Test func emptyFileIsAnError() throws {
        #expect(throws: DataBuildError.self) { try parse("") }
    }

    @Test func communeCodes() throws {
        let file = try parse("code\n1004\n2A004\n971101\n97411\n123\n")
        #expect(try file.rows[0].communeCode("code") == "01004")
        #expect(try file.rows[1].communeCode("code") == "2A004")
        #expect(try file.rows[2].communeCode("code") == "97101")
        #expect(try file.rows[3].communeCode("code") == "97411")
        #expect(throws: DataBuildError.self) { try file.rows[4].communeCode("code") }
    }
}
