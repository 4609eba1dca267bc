import Foundation
import PharmineCore
import PharmineLexicon
import PharmineRelate
import Testing

let pharmacotherapyDB = packageRoot.appending(path: "../shared/sources/pharmacotherapydb/indications.tsv")
let meshInDO = packageRoot.appending(path: "../shared/sources/disease-ontology/MESHinDO.tsv")
let sourcesAvailable =
    FileManager.default.fileExists(atPath: pharmacotherapyDB.path)
    && FileManager.default.fileExists(atPath: meshInDO.path)
let shippedKnownIndications = packageRoot.appending(path: "Lexicons/known-indications.tsv")

/// The shipped file is exactly the generator's output.
@Suite struct KnownIndicationsFile {
    @Test(.enabled(if: sourcesAvailable, "../shared/sources/pharmacotherapydb or disease-ontology is absent"))
    func shippedFileMatchesTheGenerator() throws {
        let generated = try KnownIndications.generate(
            indications: String(contentsOf: pharmacotherapyDB, encoding: .utf8),
            meshInDO: String(contentsOf: meshInDO, encoding: .utf8)
        )
        if ProcessInfo.processInfo.environment["RECORD_KNOWN_INDICATIONS"] == "1" {
            try generated.write(to: shippedKnownIndications, atomically: true, encoding: .utf8)
            Issue.record("Recorded Lexicons/known-indications.tsv; run again without RECORD_KNOWN_INDICATIONS")
            return
        }
        let shipped = try String(contentsOf: shippedKnownIndications, encoding: .utf8)
        #expect(shipped == generated)
        let known = try KnownIndications(tsv: shipped)
        #expect(known.entries.count == 1388)
        #expect(Set(known.entries.map(\.category)) == ["DM", "SYM", "NOT"])
    }
}

@Suite struct KnownIndicationsTests {
    static let sample = """
        # comment
        drugbank_id\tdrug\tdoid\tdisease\tcategory\tdisease_xrefs
        DRUGBANK:DB00321\tAmitriptyline\tDOID:6364\tmigraine\tDM\tMESH:D008881
        DRUGBANK:DB00321\tAmitriptyline\tDOID:1595\tendogenous depression\tSYM\tMESH:D003866
        DRUGBANK:DB00945\tAspirin\tDOID:2841\tasthma\tNOT\tMESH:D001249
        """

    @Test func looksUpByIdAndXrefs() throws {
        let known = try KnownIndications(tsv: Self.sample)
        #expect(known.isKnown(drug: ["DRUGBANK:DB00321"], condition: ["DOID:6364"]))
        #expect(known.isKnown(drug: ["MESH:D000639", "DB00321"], condition: ["MESH:D008881"]))
        #expect(known.isKnown(drug: ["drugbank:DB00321"], condition: ["mesh:D003866"]))
        #expect(!known.isKnown(drug: ["DRUGBANK:DB00321"], condition: ["MESH:D005356"]))
        #expect(!known.isKnown(drug: ["DRUGBANK:DB00945"], condition: ["MESH:D001249"]))
        #expect(known.entry(drug: ["DRUGBANK:DB00945"], condition: ["DOID:2841"])?.category == "NOT")
    }

    @Test func generatorAddsMeshXrefsAndSorts() throws {
        let indications = """
            doid_id\tdrugbank_id\tdisease\tdrug\tcategory\tn_curators\tn_resources
            DOID:6364\tDB00321\tmigraine\tAmitriptyline\tDM\t2\t1
            DOID:2841\tDB00945\tasthma\tAspirin\tNOT\t1\t1
            DOID:1595\tDB00321\tendogenous depression\tAmitriptyline\tSYM\t3\t1
            """
        let mesh = """
            id\tlabel\txrefs
            "DOID:6364"\t"migraine"\t"MESH:D008881"
            """
        let text = try KnownIndications.generate(indications: indications, meshInDO: mesh)
        let rows = text.split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(rows.first == "drugbank_id\tdrug\tdoid\tdisease\tcategory\tdisease_xrefs")
        #expect(
            rows.dropFirst().map(String.init) == [
                "DRUGBANK:DB00321\tAmitriptyline\tDOID:1595\tendogenous depression\tSYM\t",
                "DRUGBANK:DB00321\tAmitriptyline\tDOID:6364\tmigraine\tDM\tMESH:D008881",
                "DRUGBANK:DB00945\tAspirin\tDOID:2841\tasthma\tNOT\t",
            ]
        )
        #expect(try KnownIndications(tsv: text).entries.count == 3)
    }

    @Test func malformedRowsAreReported() {
        #expect(throws: RelateError.self) {
            try KnownIndications(tsv: "drugbank_id\tdrug\tdoid\tdisease\tcategory\n\tx\tDOID:1\ty\tDM\n")
        }
        #expect(throws: RelateError.self) { try KnownIndications(tsv: "drug\tdisease\n") }
    }

    @Test func markerSetsKnownOnIndicationsOnly() throws {
        let known = try KnownIndications(tsv: Self.sample)
        var document = Fixture.document(
            "Amitriptyline is used to prevent migraine and to treat fibromyalgia. Amitriptyline is an antagonist at {histamine|HRH1} receptors."
        )
        document = IndicationExtractor().process(document)
        document = MechanismExtractor(reuptakeTargets: ReuptakeTargets(targets: [:])).process(document)
        let before = document.triples
        // The fixture's migraine id is MESH:D008881; PharmacotherapyDB has DOID:6364 with that xref.
        let marked = KnownIndicationMarker(known: known).process(document)
        #expect(marked.triples.count == before.count)
        let byObject = Dictionary(marked.triples.map { ($0.object.name, $0.known) }, uniquingKeysWith: { a, _ in a })
        #expect(byObject["migraine disorders"] == .some(true))
        #expect(byObject["fibromyalgia"] == .some(false))
        #expect(byObject["HRH1"] == .some(nil))
        for (a, b) in zip(marked.triples, before) {
            var a = a
            a.known = nil
            #expect(a == b)
        }
    }

    @Test func markerUsesLexiconXrefs() throws {
        let known = try KnownIndications(tsv: Self.sample)
        var lexicon = Lexicon()
        lexicon.add(
            LexiconEntry(
                id: "MESH:D000639",
                type: .drug,
                name: "amitriptyline",
                xrefs: ["DRUGBANK:DB00321", "CAS:50-48-6"]
            )
        )
        let marker = KnownIndicationMarker(known: known, lexicon: lexicon)
        #expect(marker.xrefs == ["MESH:D000639": ["DRUGBANK:DB00321"]])
        let drug = Mention(
            type: .drug,
            id: "MESH:D000639",
            name: "amitriptyline",
            passage: 0,
            sentence: 0,
            start: 0,
            end: 13
        )
        let condition = Mention(
            type: .condition,
            id: "MESH:D008881",
            name: "migraine disorders",
            passage: 0,
            sentence: 0,
            start: 30,
            end: 38
        )
        var document = Document(id: "x", format: .text, origin: Origin(file: "x", index: 0))
        document.triples = [
            Triple(
                subject: drug,
                predicate: .indication,
                qualifier: nil,
                object: condition,
                sentence: 0,
                confidence: 0.9,
                rule: "indication.treat"
            )
        ]
        #expect(marker.process(document).triples.first?.known == true)
        #expect(KnownIndicationMarker(known: known).process(document).triples.first?.known == false)
    }
}
