import Foundation
import PharmineCore
import PharmineIngest
import Testing

@Suite("MEDLINE text reader")
struct MedlineTextReaderTests {
    @Test func fixtureRecords() throws {
        let path = IngestTestSupport.fixture("medline/sample.medline")
        let events = IngestTestSupport.events(path)
        #expect(events.count == 6)

        let first = try #require(events[0].document)
        #expect(first.id == "PMID:90000011")
        #expect(first.format == .medlineText)
        #expect(first.origin == Origin(file: path, index: 0, line: 2))
        #expect(first.passages.map(\.label) == ["title", "abstract"])
        let title = "Metformin as first-line therapy for type 2 diabetes: an invented review."
        #expect(first.passages[0].text == title)
        #expect(first.passages[0].offset == 0)
        #expect(
            first.passages[1].text
                == "BACKGROUND: Metformin lowers hepatic glucose output. CONCLUSIONS: It remains the first-line drug for type 2 diabetes."
        )
        #expect(first.passages[1].offset == title.unicodeScalars.count + 1)
        let metadata = first.metadata
        #expect(metadata.title == title)
        #expect(metadata.pmid == "90000011")
        #expect(metadata.journal == "Invented journal of pharmacology")
        #expect(metadata.extra == [Infon("journal_abbreviation", "Invented J Pharmacol")])
        #expect(metadata.year == 2019)
        #expect(metadata.doi == "10.9999/pharmine.2019.011")
        #expect(metadata.pmcid == "PMC9000011")
        #expect(metadata.meshHeadings == ["*Diabetes Mellitus, Type 2", "Humans", "*Metformin"])
        #expect(metadata.chemicals == ["Hypoglycemic Agents", "Metformin"])
        #expect(metadata.publicationTypes == ["Journal Article", "Review"])
        #expect(metadata.keywords == ["biguanide"])

        let second = try #require(events[1].document)
        #expect(second.id == "PMID:90000012")
        #expect(second.passages.map(\.label) == ["title"])
        #expect(second.metadata.year == 2020)
        #expect(second.metadata.doi == "10.9999/pharmine.2020.012")
        #expect(second.metadata.chemicals == ["Receptors, Serotonin, 5-HT1", "simvastatin"])
        #expect(second.metadata.journal == nil)

        let noPMID = try #require(events[2].error)
        #expect(noPMID.code == .invalidDocument)
        #expect(noPMID.line == 31)
        #expect(noPMID.documentIndex == 2)

        let badLine = try #require(events[3].error)
        #expect(badLine.code == .invalidDocument)
        #expect(badLine.line == 35)
        #expect(badLine.documentID == "PMID:90000013")
        #expect(badLine.description.contains(path))

        // A PMID line starts a new record even without a blank line.
        let fourth = try #require(events[4].document)
        #expect(fourth.id == "PMID:90000014")
        #expect(fourth.origin.index == 4)
        #expect(fourth.passages[0].text == "Sertraline inhibits the serotonin transporter (SERT) – invented.")
        #expect(fourth.passages[1].offset == fourth.passages[0].text.unicodeScalars.count + 1)

        let empty = try #require(events[5].skipped)
        #expect(empty.documentID == "PMID:90000015")
        #expect(empty.reason == "no_text")
    }

    @Test func invalidUTF8FailsOneRecord() throws {
        var bytes = Array("PMID- 1\nTI  - Good.\n\nPMID- 2\nTI  - Bad ".utf8)
        bytes += [0xC3, 0x28]
        bytes += Array(".\n\nPMID- 3\nTI  - Good again.\n".utf8)
        let path = try IngestTestSupport.temporaryFile("bad.medline", bytes)
        let events = IngestTestSupport.events(path)
        #expect(events.map { $0.document?.id ?? $0.error?.code.name ?? "?" } == ["PMID:1", "invalid_utf8", "PMID:3"])
        let error = try #require(events[1].error)
        #expect(error.line == 5)
        #expect(error.documentID == "PMID:2")
        #expect(error.message.contains("byte offset 39"))
    }

    @Test(
        .enabled(
            if: IngestTestSupport.sharedExists("corpora/semrep_gs/gs_308_cits-even.txt"),
            "../shared/corpora/semrep_gs is absent"
        )
    )
    func semrepCitations() throws {
        let path = IngestTestSupport.sharedPath("corpora/semrep_gs/gs_308_cits-even.txt")
        let prefix = try Data(contentsOf: URL(fileURLWithPath: path)).prefix(FormatDetector.prefixLength)
        #expect(FormatDetector.detect(prefix) == .format(.medlineText))
        let events = IngestTestSupport.events(path)
        let documents = events.compactMap(\.document)
        #expect(documents.count == 150)
        #expect(events.count == 150)
        let first = try #require(documents.first)
        #expect(first.id == "PMID:16733164")
        #expect(
            first.passages[0].text.hasPrefix(
                "Platelet function monitoring with the Sonoclot analyzer after in vitro tirofiban"
            )
        )
        #expect(
            first.passages[1].text.hasPrefix(
                "OBJECTIVE: Reliable platelet function monitoring is desirable in patients treated"
            )
        )
        #expect(first.metadata.doi == "10.1016/j.jtcvs.2006.01.041")
        #expect(first.metadata.year == 2006)
        #expect(first.metadata.chemicals.contains("tirofiban"))
        #expect(first.metadata.meshHeadings.contains("*Blood Platelets"))
        // Every record has a title and an abstract, without continuation indentation.
        #expect(documents.allSatisfy { $0.passages.count == 2 && !$0.passages[1].text.contains("      ") })
        #expect(documents.filter { $0.metadata.pmcid != nil }.count == 19)
    }

    @Test(
        .enabled(
            if: IngestTestSupport.sharedExists("corpora/semrep_gs/gs_500_reconciled-even.txt"),
            "../shared/corpora/semrep_gs is absent"
        )
    )
    func semrepGoldSentencesAreNotMedline() throws {
        // The gold file holds sentences and predication lines, not MEDLINE records: plain text.
        let path = IngestTestSupport.sharedPath("corpora/semrep_gs/gs_500_reconciled-even.txt")
        let prefix = try Data(contentsOf: URL(fileURLWithPath: path)).prefix(FormatDetector.prefixLength)
        #expect(FormatDetector.detect(prefix) == .format(.text))
    }
}
