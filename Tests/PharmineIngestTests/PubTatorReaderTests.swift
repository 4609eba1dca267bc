import Foundation
import PharmineCore
import Testing

@testable import PharmineIngest

@Suite("PubTator reader")
struct PubTatorReaderTests {
    /// Every annotation's offsets slice its passage text to the annotation text.
    private func expectSlicesMatch(_ document: Document, sourceLocation: SourceLocation = #_sourceLocation) {
        let passages = document.passages.map { Array($0.text.unicodeScalars) }
        for annotation in document.annotations {
            let scalars = passages[annotation.passage]
            let slice =
                annotation.start >= 0 && annotation.start <= annotation.end && annotation.end <= scalars.count
                ? scalars[annotation.start..<annotation.end] : []
            #expect(
                slice.elementsEqual(annotation.text.unicodeScalars),
                "\(document.id) annotation \(annotation.id)",
                sourceLocation: sourceLocation
            )
        }
    }

    @Test func fixtureDocuments() throws {
        let path = IngestTestSupport.fixture("pubtator/sample.pubtator")
        let events = IngestTestSupport.events(path)
        #expect(events.count == 3)

        let first = try #require(events[0].document)
        #expect(first.id == "PMID:90000021")
        #expect(first.format == .pubtator)
        #expect(first.metadata.pmid == "90000021")
        #expect(first.passages.map(\.label) == ["title", "abstract"])
        #expect(first.passages[0].offset == 0)
        #expect(first.passages[1].offset == first.passages[0].text.unicodeScalars.count + 1)
        #expect(first.annotations.count == 6)
        expectSlicesMatch(first)
        // Offsets after the non-BMP "𝛥" only agree when counted in scalars (UTF-16 would be one more).
        let variant = try #require(first.annotations.last)
        #expect(variant.text == "c.100C>T")
        #expect(variant.passage == 1)
        #expect(variant.identifiers == ["c|SUB|C|100|T"])
        #expect(first.annotations.map(\.id) == ["0", "1", "2", "3", "4", "5"])
        #expect(first.annotations[0].passage == 0)
        #expect(first.annotations[0].identifiers == ["D005473"])
        #expect(first.annotations[3].identifiers == ["D009661", "D003891"])
        #expect(first.annotations[3].infons == [Infon("mentions", "nortriptyline|desipramine")])
        #expect(first.annotations[4].identifiers == ["1565", "1576"])
        #expect(
            first.relations == [
                Relation(
                    id: "R0",
                    type: "Drug_Interaction",
                    first: "D005473",
                    second: "D009661",
                    infons: [Infon("novel", "Novel")]
                ),
                Relation(id: "R1", type: "CID", first: "D005473", second: "D003891"),
            ]
        )

        let broken = try #require(events[1].error)
        #expect(broken.code == .invalidDocument)
        #expect(broken.line == 15)
        #expect(broken.documentID == "PMID:90000022")
        #expect(broken.documentIndex == 1)
        #expect(broken.description.contains(path))

        let third = try #require(events[2].document)
        #expect(third.id == "PMID:90000023")
        #expect(third.origin.index == 2)
        #expect(third.passages.map(\.label) == ["title"])
        expectSlicesMatch(third)
    }

    @Test(arguments: [
        ("1\t0\t4\tAspi\tChemical\tD1\n", "give 'Aspr'"),
        ("1\t5\t3\tx\tChemical\tD1\n", "bad annotation offsets"),
        ("1\t4\t9\tn X\tChemical\tD1\n", "cross the boundary"),
        ("1\t0\t4\tAspr\tChemical\n", "6 columns"),
        ("2\t0\t4\tAspr\tChemical\tD1\n", "PMID 2 inside the document of PMID 1"),
        ("just words\n", "not a PubTator line"),
    ])
    func brokenLinesFailTheirDocument(line: String, message: String) throws {
        let text = "1|t|Aspr\n1|a|X ray.\n" + line + "\n3|t|Next.\n"
        let path = try IngestTestSupport.temporaryFile("broken.pubtator", text)
        let events = IngestTestSupport.events(path, options: IngestOptions(format: .pubtator))
        #expect(events.count == 2)
        let error = try #require(events.first?.error)
        #expect(error.line == 3)
        #expect(error.message.contains(message), "\(error.message)")
        #expect(events.last?.document?.id == "PMID:3")
    }

    @Test func identifierSplitting() {
        #expect(PubTatorReader.identifiers("D1|D2") == ["D1", "D2"])
        #expect(PubTatorReader.identifiers("3172,3651, 6927") == ["3172", "3651", "6927"])
        #expect(PubTatorReader.identifiers("MESH:D1;MESH:D2") == ["MESH:D1", "MESH:D2"])
        #expect(PubTatorReader.identifiers("-1") == ["-1"])
        #expect(PubTatorReader.identifiers("c|DEL|1314_1328|") == ["c|DEL|1314_1328|"])
        #expect(PubTatorReader.identifiers("p|SUB|P|75|A") == ["p|SUB|P|75|A"])
        #expect(PubTatorReader.identifiers("") == [])
    }

    static let realFiles: [(String, Int, Int)] = [
        ("corpora/bc5cdr/CDR_TrainingSet.PubTator.txt", 1000, 2050),
        ("corpora/bc5cdr/CDR_DevelopmentSet.PubTator.txt", 500, 1012),
        ("corpora/biored/Train.PubTator", 400, 4178),
        ("corpora/biored/Dev.PubTator", 100, 1162),
    ]

    @Test(
        .enabled(if: IngestTestSupport.sharedExists("corpora/bc5cdr"), "../shared/corpora/bc5cdr is absent"),
        .enabled(if: IngestTestSupport.sharedExists("corpora/biored"), "../shared/corpora/biored is absent"),
        arguments: realFiles
    )
    func realCorpora(file: String, documents: Int, relations: Int) throws {
        let path = IngestTestSupport.sharedPath(file)
        let events = IngestTestSupport.events(path)
        let read = events.compactMap(\.document)
        #expect(events.count == documents)
        #expect(read.count == documents)
        #expect(read.reduce(0) { $0 + $1.relations.count } == relations)
        for document in read {
            #expect(document.id.hasPrefix("PMID:"))
            #expect(document.passages.map(\.label) == ["title", "abstract"])
            expectSlicesMatch(document)
        }
    }

    @Test(
        .enabled(if: IngestTestSupport.sharedExists("corpora/biored"), "../shared/corpora/biored is absent")
    )
    func bioredVariantsAndNovelty() throws {
        let events = IngestTestSupport.events(IngestTestSupport.sharedPath("corpora/biored/Train.PubTator"))
        let documents = events.compactMap(\.document)
        let mody = try #require(documents.first { $0.id == "PMID:10491763" })
        #expect(mody.annotations.first { $0.text == "MODY" }?.identifiers == ["3172", "3651", "6927"])
        let brca = try #require(documents.first { $0.id == "PMID:10788334" })
        #expect(brca.annotations.contains { $0.identifiers == ["c|INS|5382|C"] })
        #expect(brca.relations.contains { $0.first == "c|INS|5382|C" && $0.infons == [Infon("novel", "Novel")] })
    }
}
