import Foundation
import PharmineCore
import Testing

@testable import PharmineIngest

/// The text of a passage between two scalar offsets.
private func slice(_ text: String, _ start: Int, _ end: Int) -> String? {
    let scalars = text.unicodeScalars
    guard start >= 0, end >= start, end <= scalars.count else { return nil }
    let from = scalars.index(scalars.startIndex, offsetBy: start)
    return String(scalars[from..<scalars.index(from, offsetBy: end - start)])
}

@Suite("BioC XML reader on BioRED", .enabled(if: TestSupport.sharedAvailable, "../shared/corpora is absent"))
struct BioCRealTests {
    /// Counts from `zcat FILE | grep -o '<document>' | wc -l` (and `<annotation `, `<relation `); they
    /// agree with the BioRED README table.
    @Test(
        "every document, annotation and relation comes out",
        arguments: [
            ("Dev.BioC.XML.gz", 100, 3533, 1162),
            ("Train.BioC.XML.gz", 400, 13351, 4178),
        ]
    )
    func counts(file: String, documents: Int, annotations: Int, relations: Int) throws {
        let events = TestSupport.events(TestSupport.shared("biored/\(file)"))
        #expect(TestSupport.failures(events).isEmpty)
        #expect(TestSupport.skipped(events).isEmpty)
        let read = TestSupport.documents(events)
        #expect(read.count == documents)
        #expect(read.reduce(0) { $0 + $1.annotations.count } == annotations)
        #expect(read.reduce(0) { $0 + $1.relations.count } == relations)
        for document in read {
            #expect(document.format == .bioc)
            #expect(document.id.hasPrefix("PMID:"))
            #expect(document.passages.map(\.label) == ["title", "abstract"])
            // BioRED's passage offsets are PubTator's: title at 0, abstract at title length + 1.
            #expect(document.passages[1].offset == document.passages[0].text.unicodeScalars.count + 1)
            for annotation in document.annotations {
                let passage = document.passages[annotation.passage].text
                #expect(slice(passage, annotation.start, annotation.end) == annotation.text, "\(document.id) \(annotation.id)")
                #expect(!annotation.infons.contains { $0.key == "offset_mismatch" })
                #expect(!annotation.identifiers.isEmpty)
            }
        }
    }

    @Test("the first Dev document in detail")
    func firstDevDocument() throws {
        let events = TestSupport.events(TestSupport.shared("biored/Dev.BioC.XML.gz"))
        let document = try #require(TestSupport.documents(events).first)
        #expect(document.id == "PMID:14510914")
        #expect(document.metadata.pmid == "14510914")
        #expect(document.metadata.title
            == "Congenital hypothyroidism due to a new deletion in the sodium/iodide symporter protein.")
        #expect(document.passages[0].infons == [Infon("type", "title")])
        #expect(document.passages[1].offset == 88)
        let abstract = document.passages[1].text
        #expect(abstract.hasPrefix("OBJECTIVE: Iodide transport defect (ITD) is a rare disorder"))
        #expect(abstract.hasSuffix("we describe the first Italian case of congenital hypothyroidism due to a new deletion in the NIS gene."))
        #expect(document.annotations.count == 37)
        #expect(document.annotations[0] == Annotation(
            id: "0", type: "DiseaseOrPhenotypicFeature", text: "Congenital hypothyroidism",
            passage: 0, start: 0, end: 25, identifiers: ["D003409"]
        ))
        // Document offset 99 in the abstract (offset 88) is passage-local 11.
        #expect(document.annotations[2] == Annotation(
            id: "2", type: "DiseaseOrPhenotypicFeature", text: "Iodide transport defect",
            passage: 1, start: 11, end: 34, identifiers: ["C564766"]
        ))
        #expect(document.relations.count == 12)
        #expect(document.relations[0] == Relation(
            id: "R0", type: "Positive_Correlation", first: "c|DEL|1314_1328|", second: "D003409",
            infons: [Infon("novel", "Novel")]
        ))
    }
}

@Suite("BioC XML reader on fixtures")
struct BioCFixtureTests {
    @Test("offsets in scalars, UTF-16 or UTF-8 all land on the annotation text")
    func offsets() throws {
        let file = TestSupport.fixture("bioc-offsets.xml")
        let events = TestSupport.events(file)
        #expect(TestSupport.failures(events).isEmpty)
        let documents = TestSupport.documents(events)
        #expect(documents.map(\.id) == ["PMID:5000001", "PMC7000001"])
        #expect(TestSupport.skipped(events) == [
            SkippedDocument(file: file, documentID: "empty-doc", line: 80, reason: "no_text"),
        ])

        let first = documents[0]
        #expect(first.metadata.extra == [Infon("journal", "Invented Journal")])
        #expect(first.passages.map(\.offset) == [0, 22])
        let abstract = first.passages[1].text
        for annotation in first.annotations where annotation.id != "A4" {
            #expect(slice(first.passages[annotation.passage].text, annotation.start, annotation.end) == annotation.text)
        }
        let byID = Dictionary(uniqueKeysWithValues: first.annotations.map { ($0.id, $0) })
        #expect(byID["T1"]?.identifiers == ["MESH:D000317", "CHEBI:1"])
        #expect(byID["T1"]?.start == 7)
        #expect(byID["A1"]?.start == 14)  // given in scalars
        #expect(byID["A2"]?.start == 31)  // given in UTF-16 units: 54 - 22 = 32, one more than scalars after 𝛼
        #expect(byID["A2"]?.identifiers == ["D006973", "D000001", "D000002"])
        #expect(byID["A3"]?.infons == [Infon("note", "kept")])
        #expect(slice(abstract, byID["A3"]!.start, byID["A3"]!.end) == "drinkers")
        #expect(byID["A4"]?.infons == [Infon("offset_mismatch", "true")])
        #expect(byID["A4"]?.identifiers == [])
        #expect(first.relations == [
            Relation(id: "R1", type: "Negative_Correlation", first: "D011224", second: "D006973", infons: [Infon("novel", "No")]),
        ])

        let full = documents[1]
        #expect(full.metadata.pmid == nil)
        #expect(full.passages.map(\.label) == ["title", "INTRO"])
        #expect(full.passages[1].text == "First sentence.  Second one.")
        #expect(full.annotations.first.map { slice(full.passages[1].text, $0.start, $0.end) } == "one")
        #expect(full.relations == [
            Relation(id: "PR1", type: "Bind", first: "S1", second: "T9", infons: [Infon("role1", "Chemical"), Infon("role2", "Gene")]),
        ])
    }

    @Test("an entity-expansion bomb is refused, with the file and line")
    func billionLaughs() {
        let start = ContinuousClock.now
        let file = TestSupport.fixture("billion-laughs.xml")
        let events = TestSupport.events(file)
        #expect(TestSupport.documents(events).isEmpty)
        let failures = TestSupport.failures(events)
        #expect(failures.count == 1)
        #expect(failures.first?.code == .refused)
        #expect(failures.first?.file == file)
        // libxml2 parses ahead of the reader, so the refusal may come before <document> is reached.
        #expect((failures.first?.line ?? 0) >= 13)
        #expect(ContinuousClock.now - start < .seconds(5))
    }

    @Test("an external entity is not loaded; the document comes out without it")
    func externalEntity() throws {
        let events = TestSupport.events(TestSupport.fixture("external-entity.xml"))
        let document = try #require(TestSupport.documents(events).first)
        #expect(document.id == "PMID:42")
        #expect(document.passages.map(\.text) == ["Before  after."])
    }

    @Test("a non-BioC root is a clear error when BioC is forced")
    func unknownRoot() {
        let file = TestSupport.fixture("unknown-root.xml")
        let failures = TestSupport.failures(TestSupport.events(file, options: IngestOptions(format: .bioc)))
        #expect(failures.count == 1)
        #expect(failures.first?.code == .unknownFormat)
        #expect(failures.first?.message == "not BioC XML: root element <inventory>")
    }
}
