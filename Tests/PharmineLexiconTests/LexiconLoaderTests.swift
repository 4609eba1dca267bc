import Foundation
import PharmineCore
import PharmineLexicon
import Testing

@Suite struct LexiconLoaderTests {
    @Test func loadsTheDirectory() throws {
        let lexicon = LexiconFixture.lexicon
        #expect(lexicon.entries.count == 41)
        #expect(lexicon.entries.filter { $0.type == .drug }.count == 10)
        #expect(lexicon.entries.filter { $0.type == .condition }.count == 19)
        #expect(lexicon.entries.filter { $0.type == .receptor }.count == 12)
        #expect(lexicon.curation.count == 3)
        #expect(lexicon.drugForms.count == 5)
        let amitriptyline = try #require(lexicon.entry(id: "DRUGBANK:DB00321"))
        #expect(amitriptyline.name == "Amitriptyline")
        #expect(amitriptyline.synonyms == ["Amitriptyline hydrochloride", "Elavil"])
        #expect(amitriptyline.xrefs == ["MESH:D000639"])
        #expect(amitriptyline.sources == ["drugbank", "mesh"])
        #expect(!amitriptyline.isClass)
        #expect(try #require(lexicon.entry(id: "TEST:TCA")).isClass)
        #expect(lexicon.curation.contains(CurationRule(term: "lead", type: .drug, action: .exclude, reason: "the verb")))
        #expect(lexicon.curation.contains { $0.term == "Nerve pain" && $0.type == nil })
        #expect(lexicon.drugForms.first == DrugForm(word: "hydrochloride", kind: .salt))
    }

    /// Loads a directory whose drugs.tsv is replaced by `drugs`, returning the error thrown.
    func error(loadingDrugs drugs: String) throws -> LexiconError? {
        let directory = try LexiconFixture.writeDirectory(["drugs.tsv": drugs])
        defer { try? FileManager.default.removeItem(atPath: directory) }
        do {
            _ = try Lexicon(directory: directory)
            return nil
        } catch let error as LexiconError {
            return error
        }
    }

    @Test(arguments: [
        ("# pharmine-lexicon 1\nid\ttype\tname\tsynonyms\txrefs\tflags\tsources\nX:1\tdrug\tA\nX:2\tdrug\tB\t\t\t\t\t\textra\n",
         "malformed_row", 4),
        ("# pharmine-lexicon 1\nid\ttype\tname\tsynonyms\txrefs\tflags\tsources\nX:1\tgene\tA\n", "unknown_type", 3),
        ("# pharmine-lexicon 1\nid\ttype\tname\tsynonyms\txrefs\tflags\tsources\n\tdrug\tA\n", "malformed_row", 3),
        ("# pharmine-lexicon 2\nid\ttype\tname\tsynonyms\txrefs\tflags\tsources\n", "unsupported_version", 1),
        ("# pharmine-lexicon 1\nX:1\tdrug\tA\n", "bad_header", 2),
    ])
    func malformedFilesNameFileAndLine(drugs: String, code: String, line: Int) throws {
        let error = try #require(try error(loadingDrugs: drugs))
        #expect(error.code.name == code)
        #expect(error.line == line)
        #expect(error.file.hasSuffix("drugs.tsv"))
        #expect(error.description.contains("drugs.tsv:\(line)"))
    }

    @Test func emptyDirectoryIsAnError() throws {
        let directory = try LexiconFixture.writeDirectory([:])
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(throws: LexiconError.self) { try Lexicon(directory: directory) }
    }

    @Test func userLexiconInTheSimpleFormat() throws {
        let directory = try LexiconFixture.writeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let user = directory + "/mine.tsv"
        try """
        # my own terms
        migraine attack\tcondition\tMESH:D008881
        wonderdrug\tdrug\tTEST:W\tWonder Drug
        WD-1\tdrug\tTEST:W

        """.write(toFile: user, atomically: true, encoding: .utf8)
        let lexicon = try Lexicon(directory: directory, additionalFiles: [user])
        let migraine = try #require(lexicon.entry(id: "MESH:D008881"))
        #expect(migraine.name == "Migraine Disorders")
        #expect(migraine.synonyms.contains("migraine attack"))
        let wonder = try #require(lexicon.entry(id: "TEST:W"))
        #expect(wonder.name == "Wonder Drug")
        #expect(Set(wonder.synonyms) == ["wonderdrug", "WD-1"])
        #expect(wonder.type == .drug)
        let matcher = Matcher(lexicon: lexicon)
        #expect(LexiconFixture.render("a migraine attack after WD-1", matcher: matcher) == [
            "migraine attack=MESH:D008881", "WD-1=TEST:W",
        ])
    }

    @Test func userLexiconInTheFullFormat() throws {
        let directory = try LexiconFixture.writeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let user = directory + "/mine.tsv"
        try "id\ttype\tname\tsynonyms\txrefs\tflags\tsources\nTEST:Z\tcondition\tZebra syndrome\tzebra disease\n"
            .write(toFile: user, atomically: true, encoding: .utf8)
        let lexicon = try Lexicon(directory: directory, additionalFiles: [user])
        #expect(lexicon.entry(id: "TEST:Z")?.synonyms == ["zebra disease"])
    }

    @Test func malformedUserRowIsAnError() throws {
        let directory = try LexiconFixture.writeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let user = directory + "/mine.tsv"
        try "good term\tdrug\tTEST:1\nbad row\tdrug\n".write(toFile: user, atomically: true, encoding: .utf8)
        let error = try #require(throws: LexiconError.self) { try Lexicon(directory: directory, additionalFiles: [user]) }
        #expect(error.line == 2)
        #expect(error.file == user)
    }
}
