import Foundation
import PharmineCore
import Testing

@testable import PharmineIngest

/// Passage offsets follow the document-level rule: title at 0, then previous offset + length + 1.
private func expectScalarOffsets(_ document: Document, sourceLocation: SourceLocation = #_sourceLocation) {
    var offset = 0
    for passage in document.passages {
        #expect(passage.offset == offset, "\(document.id) \(passage.label)", sourceLocation: sourceLocation)
        offset += passage.text.unicodeScalars.count + 1
    }
}

private func head(_ text: String) -> String { String(text.prefix(60)) }
private func tail(_ text: String) -> String { String(text.suffix(60)) }

@Suite("MEDLINE XML reader on the real samples", .enabled(if: TestSupport.sharedAvailable, "../shared/corpora is absent"))
struct MedlineRealSampleTests {
    /// Record counts, counted independently with `grep -c '<PubmedArticle>'` (or `<MedlineCitation `
    /// for the MedlineCitationSet file, `<DeleteCitation>` for deletions).
    @Test(
        "every record of each sample file comes out",
        arguments: [
            ("biopython-pubmed1.xml", 2, 0),
            ("biopython-pubmed2.xml", 2, 0),
            ("biopython-pubmed4.xml", 1, 0),
            ("biopython-pubmed5.xml", 1, 0),
            ("biopython-pubmed6.xml", 1, 0),
            ("biopython-pubmed7.xml", 1, 0),
            ("pubmed-29768149.xml", 1, 0),
            ("test_current_medline.xml.gz", 4, 0),
            ("medline16n0902.xml.gz", 604, 1),
        ]
    )
    func counts(file: String, documents: Int, skipped: Int) throws {
        let events = TestSupport.events(TestSupport.shared("samples/pubmed/\(file)"))
        #expect(TestSupport.failures(events).isEmpty)
        let read = TestSupport.documents(events)
        #expect(read.count == documents)
        #expect(TestSupport.skipped(events).count == skipped)
        #expect(Set(read.map(\.id)).count == read.count)
        for (index, document) in read.enumerated() {
            #expect(document.format == .medline)
            #expect(document.id == "PMID:\(document.metadata.pmid ?? "?")")
            #expect(document.passages.first?.label == "title")
            #expect(document.origin.index == index)
            expectScalarOffsets(document)
        }
    }

    @Test("PubmedArticle with a structured abstract: text and metadata")
    func structuredArticle() throws {
        let events = TestSupport.events(TestSupport.shared("samples/pubmed/pubmed-29768149.xml"))
        let document = try #require(TestSupport.documents(events).first)
        #expect(document.id == "PMID:29768149")
        #expect(document.origin.line == 4)
        #expect(document.passages.map(\.label) == ["title", "BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS"])
        #expect(document.passages.map(\.offset) == [0, 65, 229, 903, 2061])
        #expect(document.passages[0].text == "Inhaled Combined Budesonide-Formoterol as Needed in Mild Asthma.")
        // "&#946;" then a line break and <sub>2</sub>: the break becomes one space, the markup goes.
        #expect(
            document.passages[1].text
                == "In patients with mild asthma, as-needed use of an inhaled glucocorticoid plus a fast-acting "
                + "β 2-agonist may be an alternative to conventional treatment strategies."
        )
        let results = document.passages[3].text
        #expect(results.unicodeScalars.count == 1157)
        #expect(head(results) == "A total of 3849 patients underwent randomization, and 3836 (")
        #expect(tail(results) == "7% of the dose in the budesonide maintenance group (340 μg).")
        #expect(document.passages[1].infons == [Infon("type", "abstract")])

        let metadata = document.metadata
        #expect(metadata.title == "Inhaled Combined Budesonide-Formoterol as Needed in Mild Asthma.")
        #expect(metadata.journal == "The New England journal of medicine")
        #expect(metadata.year == 2018)
        #expect(metadata.doi == "10.1056/NEJMoa1715274")
        #expect(metadata.pmid == "29768149")
        #expect(metadata.pmcid == nil)
        #expect(metadata.meshHeadings.contains("*Asthma"))
        #expect(metadata.meshHeadings.contains("*Budesonide"))
        #expect(metadata.meshHeadings.contains("Humans"))
        #expect(metadata.chemicals == [
            "Bronchodilator Agents", "Drug Combinations", "Glucocorticoids", "Budesonide", "Terbutaline",
            "Formoterol Fumarate",
        ])
        #expect(metadata.publicationTypes.contains("Randomized Controlled Trial"))
        #expect(metadata.extra.contains(Infon("pmid_version", "1")))
        #expect(metadata.extra.contains(Infon("language", "eng")))
    }

    @Test("unstructured abstract, gzipped current file")
    func unstructuredGzip() throws {
        let events = TestSupport.events(TestSupport.shared("samples/pubmed/test_current_medline.xml.gz"))
        let documents = TestSupport.documents(events)
        #expect(documents.map(\.id) == ["PMID:36400559", "PMID:2930949", documents[2].id, documents[3].id])
        let document = documents[0]
        #expect(document.passages.map(\.label) == ["title", "abstract"])
        #expect(document.passages[0].text == "Back Pain: Differential Diagnosis and Management.")
        let abstract = document.passages[1].text
        #expect(abstract.unicodeScalars.count == 614)
        #expect(head(abstract) == "Back pain is a common condition affecting millions of indivi")
        // The source writes "6&#xa0;weeks": a no-break space is not XML white space and stays.
        #expect(tail(abstract) == "6\u{A0}weeks, imaging and a specialist referral may be indicated.")
        #expect(document.passages[1].offset == 50)
        #expect(document.metadata.journal == "Neurologic clinics")
        #expect(document.metadata.year == 2023)
        #expect(document.metadata.doi == "10.1016/j.ncl.2022.07.002")
        #expect(document.metadata.keywords == ["Back pain", "Diagnosis", "Management", "Outpatient"])
        #expect(document.metadata.meshHeadings.first == "Humans")
        #expect(document.metadata.meshHeadings.contains("*Low Back Pain"))
        #expect(documents[1].metadata.pmcid == "PMC1306303")
        #expect(documents[1].metadata.year == 1985)
    }

    @Test("pre-2017 MedlineCitationSet baseline: NlmCategory kept, OtherID PMC, DeleteCitation")
    func medlineCitationSet() throws {
        let file = TestSupport.shared("samples/pubmed/medline16n0902.xml.gz")
        let events = TestSupport.events(file)
        let documents = TestSupport.documents(events)
        let first = try #require(documents.first)
        #expect(first.id == "PMID:17942999")
        #expect(first.origin.line == 5)
        #expect(first.passages.map(\.label) == ["title", "PURPOSE", "METHODS", "RESULTS", "CONCLUSIONS"])
        #expect(first.passages[1].infons == [Infon("type", "abstract"), Infon("nlm_category", "OBJECTIVE")])
        #expect(first.passages.dropFirst().map { $0.text.unicodeScalars.count } == [168, 704, 340, 198])
        #expect(head(first.passages[2].text) == "Mismatch negativity (MMN) responses to Mandarin tones were r")
        #expect(tail(first.passages[2].text) == "by an individual differences multidimensional scaling model.")
        #expect(first.metadata.journal == "Restorative neurology and neuroscience")
        #expect(first.metadata.year == 2007)
        #expect(first.metadata.pmcid == "PMC4380289")
        #expect(first.metadata.meshHeadings.contains("*Pitch Perception"))
        let last = try #require(documents.last)
        #expect(last.id == "PMID:26109528")
        #expect(last.passages[0].text == "Nanoparticle-motivated gene delivery for ophthalmic application.")
        #expect(last.passages.map(\.label) == ["title", "abstract"])
        #expect(last.passages[1].text.unicodeScalars.count == 1223)

        let deleted = TestSupport.skipped(events)
        #expect(deleted == [SkippedDocument(file: file, documentID: "PMID:26432306", line: 89981, reason: "deleted")])
        // MedlineDate years ("2015 Oct-Dec") are read from their first four digits.
        #expect(documents.allSatisfy { $0.metadata.year != nil })
    }

    @Test("inline markup and MathML are flattened")
    func inlineMarkup() throws {
        let gut = try #require(TestSupport.documents(TestSupport.events(
            TestSupport.shared("samples/pubmed/biopython-pubmed4.xml"))).first)
        #expect(gut.passages[0].text
            == "Leucocyte telomere length, genetic variants at the TERT gene region and risk of pancreatic cancer.")
        #expect(gut.passages.map(\.label) == ["title", "OBJECTIVE", "DESIGN", "RESULTS", "CONCLUSIONS"])
        #expect(gut.metadata.pmcid == "PMC5442267")

        let runners = try #require(TestSupport.documents(TestSupport.events(
            TestSupport.shared("samples/pubmed/biopython-pubmed6.xml"))).first)
        #expect(runners.passages[0].text.hasPrefix("A \"Blood Relationship\" Between the Overlooked"))
        let abstract = runners.passages[1].text
        #expect(abstract.contains("maximal oxygen uptake ( V.O2max ) 67.6 ± 4.1 ml·kg-1·min-1]"))
        #expect(!abstract.contains("<mml") && !abstract.contains("<sup"))
        #expect(runners.metadata.keywords.contains("Owles' point"))
    }
}

@Suite("MEDLINE XML reader on fixtures")
struct MedlineFixtureTests {
    @Test("features: labels, fallbacks, metadata, books, no_text and deletions")
    func features() throws {
        let file = TestSupport.fixture("pubmed-features.xml")
        let events = TestSupport.events(file)
        #expect(TestSupport.failures(events).isEmpty)
        #expect(events.count == 6)

        let documents = TestSupport.documents(events)
        #expect(documents.map(\.id) == ["PMID:2000001", "PMID:2000002", "PMID:2000004"])
        #expect(documents.map(\.origin.index) == [0, 1, 3])

        let trial = documents[0]
        #expect(trial.origin.line == 4)
        #expect(trial.passages.map(\.label) == ["title", "BACKGROUND", "methods", "Results"])
        #expect(trial.passages.map(\.text) == [
            "Effect of Examplomycin on H2O clearance: a randomised trial.",
            "Examplomycin is an invented antibiotic.",
            "We gave 10 mg/m2 daily.",
            "Clearance rose by 5 %.",
        ])
        #expect(trial.passages[2].infons == [Infon("type", "abstract"), Infon("nlm_category", "METHODS")])
        expectScalarOffsets(trial)
        let metadata = trial.metadata
        #expect(metadata.journal == "Journal of Invented Pharmacology")
        #expect(metadata.year == 1998)
        #expect(metadata.doi == "10.9999/invented.1998.001")
        #expect(metadata.pmcid == "PMC1234567")
        #expect(metadata.meshHeadings == ["*Anti-Bacterial Agents", "Humans", "*Water"])
        #expect(metadata.chemicals == ["examplomycin", "Water"])
        #expect(metadata.publicationTypes == ["Journal Article", "Randomized Controlled Trial"])
        #expect(metadata.keywords == ["clearance", "in vivo study"])
        #expect(metadata.extra == [Infon("pmid_version", "2"), Infon("language", "eng"), Infon("language", "fre")])

        let vernacular = documents[1]
        #expect(vernacular.passages.map(\.label) == ["title", "abstract"])
        #expect(vernacular.passages[0].text == "Un titre en français.")
        #expect(vernacular.passages[1].text
            == "First paragraph of an unstructured abstract. Second paragraph with α-blockers.")
        #expect(vernacular.passages[1].offset == 22)
        #expect(vernacular.metadata.doi == "10.9999/revue.2021.7")
        #expect(vernacular.metadata.journal == "Revue Inventée")
        #expect(vernacular.metadata.year == 2021)

        let book = documents[2]
        #expect(book.passages.map(\.label) == ["title", "INTRODUCTION"])
        #expect(book.passages[0].text == "Examplomycin")
        #expect(book.metadata.journal == "Handbook of Invented Drugs")
        #expect(book.metadata.year == 2015)
        #expect(book.metadata.publicationTypes == ["Review"])

        #expect(TestSupport.skipped(events) == [
            SkippedDocument(file: file, documentID: "PMID:2000003", line: 75, reason: "no_text"),
            SkippedDocument(file: file, documentID: "PMID:2000005", line: 101, reason: "deleted"),
            SkippedDocument(file: file, documentID: "PMID:2000006", line: 102, reason: "deleted"),
        ])
    }

    @Test("a malformed article in the middle fails alone; the others come out")
    func malformedMiddle() throws {
        let file = TestSupport.fixture("pubmed-malformed.xml")
        let events = TestSupport.events(file)
        #expect(TestSupport.documents(events).map(\.id) == ["PMID:1000001", "PMID:1000003", "PMID:1000006"])
        #expect(TestSupport.documents(events).map(\.origin.line) == [4, 24, 53])
        let failures = TestSupport.failures(events)
        #expect(failures.map(\.documentID) == ["PMID:1000002", "PMID:1000004", "PMID:1000005"])
        #expect(failures.allSatisfy { $0.code == .malformedXML && $0.file == file })
        // The unclosed <i> is noticed at the </ArticleTitle> on line 19; the control character on line 39;
        // the record without </PubmedArticle> where the next record starts (line 53).
        #expect(failures.map(\.line) == [19, 39, 52])
        #expect(failures.map(\.documentIndex) == [1, 3, 4])
        #expect(failures[2].message.contains("</PubmedArticle>"))
        // Events stay in file order.
        let order = events.map { event -> String in
            switch event {
            case .document(let document): document.id
            case .failed(let error): "failed " + (error.documentID ?? "")
            case .skipped(let skipped): "skipped " + skipped.documentID
            }
        }
        #expect(order == [
            "PMID:1000001", "failed PMID:1000002", "PMID:1000003", "failed PMID:1000004",
            "failed PMID:1000005", "PMID:1000006",
        ])
    }

    @Test("elements never read are cut before parsing; lines after them stay right")
    func cuts() throws {
        let file = TestSupport.fixture("pubmed-cuts.xml")
        let events = TestSupport.events(file)
        let documents = TestSupport.documents(events)
        #expect(documents.map(\.id) == ["PMID:6000001"])
        #expect(documents.first?.passages.map(\.text) == [
            "Author list with a broken tag.", "The author list is never parsed.",
        ])
        let failures = TestSupport.failures(events)
        #expect(failures.map(\.documentID) == ["PMID:6000002"])
        #expect(failures.first?.line == 25)
    }

    @Test("entity declarations in a MEDLINE file are refused at once")
    func entityBomb() throws {
        let start = ContinuousClock.now
        let file = TestSupport.fixture("billion-laughs-pubmed.xml")
        let events = TestSupport.events(file)
        #expect(TestSupport.documents(events).isEmpty)
        let failure = try #require(TestSupport.failures(events).first)
        #expect(events.count == 1)
        #expect(failure.code == .refused)
        #expect(failure.file == file)
        #expect(failure.line == 3)
        #expect(ContinuousClock.now - start < .seconds(5))
    }

    @Test("a truncated gzip file: the records before the break, then corrupt_gzip naming the file")
    func truncatedGzip() throws {
        let file = TestSupport.fixture("truncated.xml.gz")
        let events = TestSupport.events(file)
        let documents = TestSupport.documents(events)
        #expect(documents.count > 50)
        #expect(documents.enumerated().allSatisfy { $0.element.id == "PMID:\(4_000_000 + $0.offset)" })
        let failures = TestSupport.failures(events)
        #expect(failures.count == 1)
        #expect(failures.first?.code == .corruptGzip)
        #expect(failures.first?.file == file)
        if case .failed = events.last {} else { Issue.record("the failure should come last") }
    }

    @Test("an unknown XML root is a clear error, detected or forced")
    func unknownRoot() throws {
        let file = TestSupport.fixture("unknown-root.xml")
        let detected = TestSupport.failures(TestSupport.events(file))
        #expect(detected.count == 1)
        #expect(detected.first?.code == .unknownFormat)
        #expect(detected.first?.message.contains("<inventory>") == true)

        let forced = TestSupport.failures(TestSupport.events(file, options: IngestOptions(format: .medline)))
        #expect(forced.first?.code == .unknownFormat)
        #expect(forced.first?.message == "not MEDLINE/PubMed XML: root element <inventory>")
        #expect(forced.first?.line == 2)
    }
}

@Suite("MedlineSplitter")
struct MedlineSplitterTests {
    @Test("records are cut at their tags, across buffer refills, with their lines")
    func splitsAcrossRefills() throws {
        // Enough records to need several 1 MB buffer fills.
        let record = "<PubmedArticle>\n<MedlineCitation><PMID>1</PMID></MedlineCitation>\n</PubmedArticle>\n"
        let count = 40_000
        let xml = "<?xml version=\"1.0\"?>\n<PubmedArticleSet>\n" + String(repeating: record, count: count)
            + "</PubmedArticleSet>\n"
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("splitter-\(UUID().uuidString).xml")
        try xml.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let splitter = MedlineSplitter(source: try ByteSource(path: url.path))
        var seen = 0
        while let next = try splitter.next() {
            #expect(next.complete && next.kind == .article)
            #expect(next.line == 3 + 3 * seen)
            #expect(next.bytes.count == record.utf8.count - 1)
            seen += 1
        }
        #expect(seen == count)
        #expect(splitter.root == "PubmedArticleSet")
    }

    @Test("the byte scan finds PMIDs of broken records")
    func scanPMID() {
        let bytes = Array("<PubmedArticle><MedlineCitation><PMID Version=\"1\">123456</PMID><bad".utf8)
        let pmid = bytes.withUnsafeBytes { MedlineXMLReader.scanPMID($0) }
        #expect(pmid == "123456")
        let none = Array("<PubmedArticle><junk".utf8).withUnsafeBytes { MedlineXMLReader.scanPMID($0) }
        #expect(none == nil)
    }
}
