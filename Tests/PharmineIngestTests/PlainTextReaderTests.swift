import Foundation
import PharmineCore
import PharmineIngest
import Testing

@Suite("Plain text reader")
struct PlainTextReaderTests {
    /// The file's text as the reader emits it: no byte order mark, `\n` line ends.
    private func normalisedText(_ path: String) throws -> String {
        var text = try String(contentsOfFile: path, encoding: .utf8)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    /// Every passage's text is the slice of the normalised file text at its scalar offset.
    private func expectOffsetsHold(_ document: Document, in text: String) {
        for passage in document.passages {
            let end = passage.offset + passage.text.unicodeScalars.count
            #expect(text.scalarSlice(passage.offset, end) == passage.text, "passage \(passage.label)")
            if let header = passage.infon("header"), let offset = passage.infon("header_offset").flatMap(Int.init) {
                #expect(text.scalarSlice(offset, offset + header.unicodeScalars.count) == header)
            }
        }
    }

    @Test func clinicalNoteIsSplitAtSectionHeaders() throws {
        let path = IngestTestSupport.fixture("text/discharge-note.txt")
        let events = IngestTestSupport.events(path)
        #expect(events.count == 1)
        let document = try #require(events.first?.document)
        #expect(document.id == "discharge-note")
        #expect(document.format == .text)
        #expect(document.origin == Origin(file: path, index: 0, line: 1))
        let labels = document.passages.map(\.label)
        #expect(
            labels == [
                "text", "admitting_diagnosis", "observation_and_plan", "history_of_present_illness",
                "past_medical_history", "medications", "allergy", "social_history", "labs_and_studies",
                "assessment_and_plan", "patient_instructions",
            ]
        )
        let headers = document.passages.map { $0.infon("header") ?? "-" }
        #expect(
            headers == [
                "-", "ADMITTING DIAGNOSIS", "DISCHARGE DIAGNOSIS", "HISTORY OF PRESENT ILLNESS",
                "PAST MEDICAL HISTORY", "MEDICATIONS", "ALLERGIES", "SOCIAL HISTORY", "VITAL SIGNS",
                "ASSESSMENT AND PLAN", "Discharge Instructions",
            ]
        )
        #expect(document.passages[0].text.hasPrefix("Medical Specialty:Discharge Summary\nSample Name:"))
        #expect(document.passages[1].text == "Community-acquired pneumonia.")
        #expect(document.passages[6].text == "NKDA")
        // "BP:" after a colon is not a header.
        #expect(document.passages[8].text == "BP: 132/80, pulse 88.")
        #expect(document.passages[9].text == "Continue oral amoxicillin–clavulanate for five days.")
        expectOffsetsHold(document, in: try normalisedText(path))
    }

    @Test func headersOfEmptySectionsAreKeptOnTheNextPassage() throws {
        let text = "Seen today.\nPHYSICAL EXAMINATION:VITAL SIGNS: Stable, afebrile.\nGENERAL: Alert."
        let path = try IngestTestSupport.temporaryFile("exam.txt", text)
        let document = try #require(IngestTestSupport.events(path).first?.document)
        #expect(document.passages.map { $0.infon("header") ?? "-" } == ["-", "VITAL SIGNS", "GENERAL"])
        #expect(document.passages[1].text == "Stable, afebrile.")
        #expect(document.passages[1].infon("parent_header") == "PHYSICAL EXAMINATION")
        #expect(document.passages[1].infon("parent_header_offset") == "12")
        #expect(document.passages[2].infon("parent_header") == nil)
        expectOffsetsHold(document, in: text)
    }

    @Test func byteOrderMarkAndLineEndsAreNormalised() throws {
        let path = IngestTestSupport.fixture("text/crlf.txt")
        let document = try #require(IngestTestSupport.events(path).first?.document)
        #expect(document.id == "crlf")
        #expect(document.passages.map(\.label) == ["medications", "allergy"])
        #expect(document.passages[0].text == "aspirin\n81 mg daily.")
        #expect(document.passages[0].offset == 13)
        #expect(document.passages[1].text == "none.\nEnd.")
        expectOffsetsHold(document, in: try normalisedText(path))
    }

    @Test func textWithoutHeadersIsOnePassage() throws {
        let path = IngestTestSupport.fixture("text/plain.txt")
        let document = try #require(IngestTestSupport.events(path).first?.document)
        #expect(document.passages.count == 1)
        #expect(document.passages[0].label == "text")
        #expect(document.passages[0].offset == 0)
        #expect(
            document.passages[0].text
                == "Sumatriptan relieves acute migraine attacks.\n\nIt is a serotonin 5-HT1B/1D agonist."
        )
    }

    @Test func gzippedTextIsReadAndNamedWithoutExtensions() throws {
        let path = IngestTestSupport.fixture("bad/whole.txt.gz")
        let events = IngestTestSupport.events(path)
        let document = try #require(events.first?.document)
        #expect(document.id == "whole")
        #expect(document.passages.first?.text.hasPrefix("Line 1: metformin") == true)
    }

    @Test func blankFileForcedAsTextIsSkipped() throws {
        let path = IngestTestSupport.fixture("bad/blank.txt")
        let events = IngestTestSupport.events(path, options: IngestOptions(format: .text))
        let skipped = try #require(events.first?.skipped)
        #expect(skipped.reason == "no_text")
        #expect(skipped.documentID == "blank")
    }

    @Test func onePerLineDocuments() throws {
        let path = IngestTestSupport.fixture("text/lines.txt")
        let events = IngestTestSupport.events(path, options: IngestOptions(linePerDocument: true))
        #expect(events.count == 7)
        let first = try #require(events[0].document)
        #expect(first.id == "PMID:90000001")
        #expect(first.metadata.pmid == "90000001")
        #expect(first.origin == Origin(file: path, index: 0, line: 1))
        #expect(first.passages.count == 1)
        #expect(first.passages[0].label == "text")
        #expect(
            first.passages[0].text == "Propranolol for migraine prophylaxis.\tPropranolol reduced attack frequency."
        )
        #expect(first.passages[0].offset == 9)

        let second = try #require(events[1].document)
        #expect(second.id == "lines:3")
        #expect(second.origin.index == 1)
        #expect(second.passages[0].offset == 0)

        let empty = try #require(events[2].skipped)
        #expect(empty.documentID == "PMID:90000002")
        #expect(empty.line == 4)

        // A lone CR ends a line as well.
        #expect(events[3].document?.id == "lines:5")
        #expect(events[3].document?.passages.first?.text == "Omeprazole inhibits the gastric H+/K+ ATPase.")
        #expect(events[4].document?.id == "lines:6")

        let failure = try #require(events[5].error)
        #expect(failure.code == .invalidUTF8)
        #expect(failure.line == 8)
        #expect(failure.documentID == "lines:8")
        let badOffset = try #require(Array(try Data(contentsOf: URL(fileURLWithPath: path))).firstIndex(of: 0xFF))
        #expect(failure.message.contains("byte offset \(badOffset)"))
        #expect(failure.description.contains(path))

        let last = try #require(events[6].document)
        #expect(last.id == "lines:9")
        #expect(last.passages[0].text == "Haloperidol blocks dopamine D2 receptors — strongly.")
        #expect(last.origin.index == 6)
    }

    @Test func linesAreStreamedFromLargeFiles() throws {
        // 5,000 lines (several buffers); the reader must see each as its own document, in order.
        var text = ""
        for number in 1...5_000 { text += "\(number)\tAbstract number \(number) about metformin.\n" }
        let path = try IngestTestSupport.temporaryFile("dump.txt", text)
        var count = 0
        var lastID = ""
        Ingest(options: IngestOptions(linePerDocument: true)).read(file: path) { event in
            count += 1
            lastID = event.document?.id ?? "failed"
        }
        #expect(count == 5_000)
        #expect(lastID == "PMID:5000")
    }

    @Test(
        .enabled(
            if: IngestTestSupport.sharedExists("corpora/clinical/mtsamples/mtsamples_processed.tar.gz")
                && FileManager.default.isExecutableFile(atPath: "/usr/bin/tar"),
            "../shared/corpora/clinical/mtsamples is absent (or /usr/bin/tar)"
        )
    )
    func realTranscribedNoteGetsSectionLabels() throws {
        // Read in place from the archive; /usr/bin/tar extracts the member only to check offsets.
        let archive = IngestTestSupport.sharedPath("corpora/clinical/mtsamples/mtsamples_processed.tar.gz")
        let member = "mtsamples_processed/Abscess with Cellulitis - Discharge Summary.txt"
        let document = try #require(
            TestSupport.events(archive).compactMap(\.document).first { $0.origin.file == archive + ":" + member }
        )
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("pharmine-mtsamples-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let tar = Process()
        tar.executableURL = URL(fileURLWithPath: "/usr/bin/tar")
        tar.arguments = ["-xzf", archive, "-C", folder.path, member]
        try tar.run()
        tar.waitUntilExit()
        try #require(tar.terminationStatus == 0)
        let path = folder.appendingPathComponent(member).path
        #expect(document.id == "Abscess with Cellulitis - Discharge Summary")
        #expect(
            document.passages.map(\.label) == [
                "text", "admitting_diagnosis", "observation_and_plan", "procedures", "history_of_present_illness",
                "medications", "allergy", "social_history", "physical_exam", "laboratory", "medications",
                "patient_instructions",
            ]
        )
        #expect(document.passages[3].infon("header") == "PROCEDURES")
        #expect(document.passages[6].text == "ACCUTANE.")
        expectOffsetsHold(document, in: try normalisedText(path))
    }
}
