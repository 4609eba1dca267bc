import Foundation
import PharmineCore
import Testing

@testable import PharmineIngest

/// The tar fixtures are written by `Fixtures/tar/make-tar-fixtures.py`.
@Suite("Tar archives")
struct TarArchiveTests {
    private func fixture(_ name: String) -> String {
        IngestTestSupport.fixture("tar/\(name)")
    }

    /// The member part of an origin or error file name (`ARCHIVE:member` → `member`).
    private func member(_ file: String, of archive: String) -> String? {
        file.hasPrefix(archive + ":") ? String(file.dropFirst(archive.count + 1)) : nil
    }

    @Test func everyKindOfMemberIsReadWithItsOwnFormat() throws {
        let archive = fixture("notes.tar")
        let events = IngestTestSupport.events(archive)
        let documents = events.compactMap(\.document)
        #expect(
            documents.map(\.id) == [
                "case 1", "case.2019", "PMID:90000101", "PMID:90000102", "PMID:90000103", "PMID:90000104",
                "naproxen é", "compressed", "note", "PMID:90000105",
            ]
        )
        #expect(
            documents.map(\.format) == [
                .text, .text, .medlineText, .medlineText, .medline, .medline, .text, .text, .text,
                .pubtator,
            ]
        )
        let longFolder = String(
            repeating: "a-folder-name-long-enough-to-need-a-pax-path-record/",
            count: 2
        )
        let ustarFolder = String(repeating: "ustar-prefix-folder/", count: 6)
        #expect(
            documents.map { member($0.origin.file, of: archive) } == [
                "notes/cardiology/case 1.txt", "notes/case.2019.txt", "notes/abstracts.medline",
                "notes/abstracts.medline", "notes/pubmed.xml", "notes/pubmed.xml",
                "notes/\(longFolder)naproxen é.txt",
                "notes/compressed.txt.gz", "notes/inner.tar:inner/\(ustarFolder)note.txt",
                "notes/last.pubtator",
            ]
        )
        // Each member counts its documents from 0.
        #expect(documents.map(\.origin.index) == [0, 0, 0, 1, 0, 1, 0, 0, 0, 0])
        #expect(documents[0].passages.map(\.label) == ["history_of_present_illness", "medications"])
        #expect(documents[0].passages[1].text == "Metoprolol 25 mg twice daily.")
        #expect(documents[3].metadata.meshHeadings == ["*Atorvastatin"])
        #expect(documents[7].passages.first?.text == "Omeprazole inhibits the gastric proton pump.")
        #expect(documents[8].passages.first?.text == "Clopidogrel inhibits the P2Y12 receptor.")

        // Directories and links give nothing; the empty and the binary member fail alone.
        let failures = events.compactMap(\.error)
        #expect(failures.map(\.code) == [.empty, .binary])
        #expect(
            failures.map { member($0.file, of: archive) } == ["notes/empty.txt", "notes/image.png"]
        )
        #expect(failures.allSatisfy { $0.description.hasPrefix(archive + ":notes/") })
        #expect(events.count == 12)
        #expect(events.firstIndex { $0.error != nil } == 6)
    }

    @Test func gnuLongNamesInAGzippedArchive() throws {
        let archive = fixture("gnu.tar.gz")
        let documents = IngestTestSupport.events(archive).compactMap(\.document)
        let folder = String(repeating: "a-gnu-folder-name-long-enough-for-an-L-entry/", count: 3)
        #expect(documents.map(\.id) == ["warfarin", "short"])
        #expect(
            documents.map { member($0.origin.file, of: archive) } == [
                "gnu/\(folder)warfarin.txt", "gnu/short.txt",
            ]
        )
        #expect(
            documents.map { $0.passages.first?.text } == [
                "Warfarin is a vitamin K antagonist.", "Heparin potentiates antithrombin.",
            ]
        )
    }

    @Test func unsupportedEntryTypesAreReportedAndSkipped() throws {
        let archive = fixture("odd-types.tar")
        let events = IngestTestSupport.events(archive)
        #expect(events.count == 2)
        let failure = try #require(events.first?.error)
        #expect(failure.code == .unknownFormat)
        #expect(failure.file == archive + ":odd/strange.bin")
        #expect(failure.message.contains("'Z'"))
        // The pax global header before it is passed over; the file after it is read.
        #expect(events.last?.document?.id == "after")
    }

    @Test func forcedFormatAppliesToMembersNotToTheArchive() throws {
        let archive = fixture("gnu.tar.gz")
        let forced = IngestTestSupport.events(archive, options: IngestOptions(format: .text))
        #expect(forced.compactMap(\.document).map(\.id) == ["warfarin", "short"])
        let lines = IngestTestSupport.events(archive, options: IngestOptions(linePerDocument: true))
        #expect(lines.compactMap(\.document).map(\.id) == ["warfarin:1", "short:1"])
    }

    // MARK: - Damage

    @Test func truncatedTarNamesTheMemberAndKeepsTheOnesBefore() throws {
        let archive = fixture("truncated.tar")
        let events = IngestTestSupport.events(archive)
        #expect(events.count == 2)
        #expect(events.first?.document?.id == "a")
        let failure = try #require(events.last?.error)
        #expect(failure.code == .corruptArchive)
        #expect(failure.file == archive + ":b.txt")
        #expect(failure.message.contains("truncated"))
        #expect(failure.message.contains("of 2799 bytes"))
    }

    @Test func truncatedGzippedTarNamesTheMember() throws {
        let archive = fixture("truncated.tar.gz")
        let events = IngestTestSupport.events(archive)
        #expect(events.count == 2)
        #expect(events.first?.document?.id == "a")
        let failure = try #require(events.last?.error)
        #expect(failure.code == .corruptGzip)
        #expect(failure.file == archive + ":b.txt")
    }

    @Test func truncatedXMLMemberKeepsTheArticlesBeforeTheCut() throws {
        let archive = fixture("truncated-xml.tar")
        let events = IngestTestSupport.events(archive)
        #expect(events.compactMap(\.document).map(\.id) == ["PMID:90000201", "PMID:90000202"])
        let failure = try #require(events.last?.error)
        #expect(failure.code == .corruptArchive)
        #expect(failure.file == archive + ":set.xml")
        #expect(events.count == 3)
    }

    @Test func corruptHeaderNamesTheArchiveAndTheMemberBefore() throws {
        let archive = fixture("bad-checksum.tar")
        let events = IngestTestSupport.events(archive)
        #expect(events.count == 2)
        #expect(events.first?.document?.id == "a")
        let failure = try #require(events.last?.error)
        #expect(failure.code == .corruptArchive)
        #expect(failure.file == archive)
        #expect(failure.message.contains("checksum"))
        #expect(failure.message.contains("after member 'a.txt'"))
    }

    @Test func missingEndOfArchiveIsReportedAsTruncation() throws {
        let archive = fixture("no-end.tar")
        let events = IngestTestSupport.events(archive)
        #expect(events.count == 2)
        #expect(events.first?.document?.id == "only")
        let failure = try #require(events.last?.error)
        #expect(failure.code == .corruptArchive)
        #expect(failure.file == archive)
        #expect(failure.message.contains("end-of-archive"))
    }

    @Test func archiveWithoutRegularFilesFailsAsEmpty() throws {
        let path = try IngestTestSupport.temporaryFile(
            "folders.tar",
            TarWriter.archive([.directory("a/"), .directory("a/b/")])
        )
        let events = IngestTestSupport.events(path)
        #expect(events.count == 1)
        #expect(events.first?.error?.code == .empty)
        #expect(events.first?.error?.file == path)
    }

    // MARK: - Streaming

    @Test func membersLargerThanTheBuffersStreamWhole() throws {
        // 3,000 lines of about 70 bytes: 200 KiB, past the 64 KiB detection prefix and buffers.
        let lines = (1...3000).map {
            "Line \($0): propranolol is taken for migraine prophylaxis daily.\n"
        }
        let big = Array(lines.joined().utf8)
        let path = try IngestTestSupport.temporaryFile(
            "big.tar",
            TarWriter.archive([
                .file("dump/big.txt", big), .file("dump/after.txt", Array("Last one.\n".utf8)),
            ])
        )
        let events = IngestTestSupport.events(path, options: IngestOptions(linePerDocument: true))
        let documents = events.compactMap(\.document)
        #expect(documents.count == 3001)
        #expect(documents[2999].id == "big:3000")
        #expect(
            documents[2999].passages.first?.text
                == "Line 3000: propranolol is taken for migraine prophylaxis daily."
        )
        #expect(documents.last?.id == "after:1")
        #expect(documents.last?.origin.file == path + ":dump/after.txt")

        // One document per file: the whole member in one passage.
        let whole = IngestTestSupport.events(path).compactMap(\.document)
        #expect(whole.map(\.id) == ["big", "after"])
        #expect(whole.first?.passages.first?.text.count == big.count - 1)
    }

    @Test func aMemberLeftUnreadIsSkippedToTheNextHeader() throws {
        // Detection looks at 64 KiB of a 200 KiB binary member and gives up; the rest is skipped.
        var binary = [UInt8](repeating: 0, count: 200 * 1024)
        binary[0] = 0x89
        let path = try IngestTestSupport.temporaryFile(
            "mixed.tar",
            TarWriter.archive([
                .file("blob.bin", binary), .file("note.txt", Array("Atenolol for angina.\n".utf8)),
            ])
        )
        let events = IngestTestSupport.events(path)
        #expect(events.count == 2)
        #expect(events.first?.error?.code == .binary)
        #expect(events.first?.error?.file == path + ":blob.bin")
        #expect(events.last?.document?.passages.first?.text == "Atenolol for angina.")
    }

    // MARK: - Headers and detection

    @Test func detectsTarFromContent() throws {
        let archive = try Data(contentsOf: URL(fileURLWithPath: fixture("notes.tar")))
        #expect(FormatDetector.detect(archive.prefix(FormatDetector.prefixLength)) == .tarArchive)
        var damaged = Array(archive.prefix(512))
        damaged[148] = damaged[148] == UInt8(ascii: "1") ? UInt8(ascii: "2") : UInt8(ascii: "1")
        #expect(FormatDetector.detect(damaged) == .binary)
        #expect(FormatDetector.detect(Array(archive.prefix(511))) == .binary)
    }

    @Test func numericFields() {
        #expect(TarHeader.number(ArraySlice(Array("00000001750\0".utf8))) == 1000)
        #expect(TarHeader.number(ArraySlice(Array("     1750 \0\0".utf8))) == 1000)
        #expect(TarHeader.number(ArraySlice([UInt8](repeating: 0, count: 12))) == 0)
        #expect(TarHeader.number(ArraySlice(Array("0000000175x\0".utf8))) == nil)
        // GNU base-256: 8 GiB.
        var base256 = [UInt8](repeating: 0, count: 12)
        base256[0] = 0x80
        base256[7] = 0x02
        #expect(TarHeader.number(ArraySlice(base256)) == 1 << 33)
    }

    @Test func paxRecords() {
        let records = Array("30 path=notes/a long name.txt\n11 size=42\n19 comment=ignored\n".utf8)
        let parsed = TarHeader.paxRecords(records)
        #expect(parsed?.path == "notes/a long name.txt")
        #expect(parsed?.size == 42)
        #expect(TarHeader.paxRecords(Array("99 path=x\n".utf8)) == nil)
        #expect(TarHeader.paxRecords(Array("9 path=x\n".utf8))?.path == "x")
        #expect(TarHeader.paxRecords(Array("10 pathx\n\n".utf8)) == nil)
    }

    @Test func directoriesWalkArchives() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("pharmine-tar-walk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["a.tar", "b.tgz", "c.tar.gz", "d.zip"] {
            try Data("x".utf8).write(to: folder.appendingPathComponent(name))
        }
        let listing = try Ingest().files(for: [folder.path])
        #expect(
            listing.files.map { ($0 as NSString).lastPathComponent } == ["a.tar", "b.tgz", "c.tar.gz"]
        )
        #expect(listing.ignored.map { ($0.path as NSString).lastPathComponent } == ["d.zip"])
    }

    // MARK: - The real MTSamples archives

    /// The regular members of each archive, counted with `tar tzf ARCHIVE | grep -v '/$' | wc -l`.
    static let mtsamples: [(file: String, members: Int)] = [
        ("clinical/mtsamples/mtsample_procedure.tar.gz", 429),
        ("clinical/mtsamples/mtsamples_processed.tar.gz", 1269),
    ]

    @Test(
        .enabled(if: TestSupport.sharedAvailable, "../shared/corpora is absent"),
        arguments: mtsamples.map(\.file)
    )
    func realMTSamplesArchives(file: String) throws {
        let expected = try #require(Self.mtsamples.first { $0.file == file }?.members)
        let path = TestSupport.shared(file)
        let events = TestSupport.events(path)
        let documents = events.compactMap(\.document)
        #expect(events.compactMap(\.error).isEmpty)
        #expect(events.compactMap(\.skipped).isEmpty)
        #expect(documents.count == expected)
        // One note per member: every member named once, and the ids (file names) are unique.
        #expect(Set(documents.map(\.origin.file)).count == expected)
        #expect(Set(documents.map(\.id)).count == expected)
        #expect(
            documents.allSatisfy {
                $0.origin.file.hasPrefix(path + ":") && $0.origin.file.hasSuffix(".txt")
            }
        )
        #expect(documents.allSatisfy { $0.format == .text && !$0.passages.isEmpty })
    }
}

/// Writes small POSIX ustar archives for tests (regular files and directories only).
enum TarWriter {
    enum Entry {
        case file(String, [UInt8])
        case directory(String)
    }

    static func archive(_ entries: [Entry]) -> [UInt8] {
        var bytes: [UInt8] = []
        for entry in entries {
            switch entry {
            case .file(let name, let data):
                bytes += header(name: name, size: data.count, type: UInt8(ascii: "0"))
                bytes += data
                bytes += [UInt8](repeating: 0, count: (512 - data.count % 512) % 512)
            case .directory(let name):
                bytes += header(name: name, size: 0, type: UInt8(ascii: "5"))
            }
        }
        return bytes + [UInt8](repeating: 0, count: 1024)
    }

    private static func header(name: String, size: Int, type: UInt8) -> [UInt8] {
        var block = [UInt8](repeating: 0, count: 512)
        func put(_ text: String, at offset: Int) {
            for (index, byte) in text.utf8.enumerated() { block[offset + index] = byte }
        }
        put(name, at: 0)
        put("0000644", at: 100)
        put("0000000", at: 108)
        put("0000000", at: 116)
        put(octal(size, digits: 11), at: 124)
        put("14000000000", at: 136)
        block[156] = type
        put("ustar", at: 257)
        put("00", at: 263)
        for index in 148..<156 { block[index] = 0x20 }
        let sum = block.reduce(0) { $0 + Int($1) }
        put(octal(sum, digits: 6), at: 148)
        block[154] = 0
        return block
    }

    private static func octal(_ value: Int, digits: Int) -> String {
        let text = String(value, radix: 8)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
