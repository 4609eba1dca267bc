import Foundation
import PharmineCore
import PharmineIngest
import Testing

@Suite("Dispatcher on bad input")
struct DispatcherBadInputTests {
    /// The single failure that reading a file gives.
    private func failure(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> IngestError {
        let events = IngestTestSupport.events(path)
        #expect(events.count == 1, sourceLocation: sourceLocation)
        let error = try #require(events.first?.error, sourceLocation: sourceLocation)
        #expect(error.file == path, sourceLocation: sourceLocation)
        #expect(error.description.hasPrefix(path), sourceLocation: sourceLocation)
        return error
    }

    @Test func emptyFile() throws {
        #expect(try failure(IngestTestSupport.fixture("bad/empty.txt")).code == .empty)
        #expect(try failure(IngestTestSupport.fixture("bad/blank.txt")).code == .empty)
    }

    @Test func binaryFile() throws {
        #expect(try failure(IngestTestSupport.fixture("bad/image.txt")).code == .binary)
    }

    @Test func truncatedGzip() throws {
        let error = try failure(IngestTestSupport.fixture("bad/truncated.txt.gz"))
        #expect(error.code == .corruptGzip)
        #expect(error.message.contains("truncated or corrupt"))
    }

    @Test func truncatedGzipFoundWhileStreamingLines() throws {
        // Past the detector's prefix: the error comes from nextLine(), after some documents.
        let path = IngestTestSupport.fixture("bad/truncated-late.txt.gz")
        let events = IngestTestSupport.events(path, options: IngestOptions(linePerDocument: true))
        #expect(events.count > 1000)
        let last = try #require(events.last?.error)
        #expect(last.code == .corruptGzip)
        #expect(last.file == path)
        #expect(last.line != nil)
        #expect(last.description.hasPrefix(path))
        #expect(events.dropLast().allSatisfy { $0.document != nil })
    }

    @Test func invalidUTF8() throws {
        let path = IngestTestSupport.fixture("bad/latin1.txt")
        let error = try failure(path)
        #expect(error.code == .invalidUTF8)
        #expect(error.line == 3)
        #expect(error.documentID == "latin1")
        #expect(error.message.contains("byte offset 28"))
    }

    @Test func unknownXMLRoot() throws {
        let error = try failure(IngestTestSupport.fixture("bad/unknown-root.xml"))
        #expect(error.code == .unknownFormat)
        #expect(error.message.contains("<html>"))
    }

    @Test func missingFileAndDirectory() throws {
        let missing = IngestTestSupport.fixture("bad/no-such-file.txt")
        #expect(try failure(missing).code == .unreadable)
        let directory = IngestTestSupport.fixture("walk")
        let error = try failure(directory)
        #expect(error.code == .unreadable)
        #expect(error.message.contains("directory"))
    }

    @Test func directoryWalkIsSortedAndListsIgnoredFiles() throws {
        let root = IngestTestSupport.fixture("walk")
        let (files, ignored) = try Ingest().files(for: [root, IngestTestSupport.fixture("text/plain.txt"), "-"])
        #expect(
            files == [
                "\(root)/a.pubtator", "\(root)/b.txt", "\(root)/sub/c.medline", "\(root)/sub/d.xml.gz",
                IngestTestSupport.fixture("text/plain.txt"), "-",
            ]
        )
        #expect(
            ignored.map { "\($0.path): \($0.reason)" } == [
                "\(root)/README.md: unsupported file type '.md'",
                "\(root)/notes: no file extension",
            ]
        )
        #expect(throws: IngestError.self) { try Ingest().files(for: [IngestTestSupport.fixture("nothing-here")]) }
    }

    @Test func standardInput() throws {
        let path = IngestTestSupport.fixture("text/plain.txt")
        let file = open(path, O_RDONLY)
        try #require(file >= 0)
        let saved = dup(0)
        dup2(file, 0)
        let events = IngestTestSupport.events("-")
        dup2(saved, 0)
        close(saved)
        close(file)
        let document = try #require(events.first?.document)
        #expect(document.id == "stdin")
        #expect(document.origin.file == "-")
        #expect(document.passages.first?.text.hasPrefix("Sumatriptan") == true)
    }

    @Test func detectorPicksTextFormats() {
        #expect(FormatDetector.detect(Array("\nPMID- 1\nTI  - x\n".utf8)) == .format(.medlineText))
        #expect(FormatDetector.detect(Array("\u{FEFF}12|t|Title\n12|a|Abstract\n".utf8)) == .format(.pubtator))
        #expect(FormatDetector.detect(Array("12345\tTitle\tAbstract\n".utf8)) == .format(.text))
        #expect(FormatDetector.detect(Array("MEDICATIONS: aspirin".utf8)) == .format(.text))
        #expect(FormatDetector.detect(Array("Notes\nPMID- see the list below\n".utf8)) == .format(.text))
    }
}

@Suite("Byte source")
struct ByteSourceTests {
    @Test func linesOffsetsAndPeek() throws {
        let path = try IngestTestSupport.temporaryFile("lines.txt", "ab\r\ncde\n\nf")
        let source = try ByteSource(path: path)
        #expect(Array(try source.peek(3)) == Array("ab\r".utf8))
        var lines: [(String, Int, Int)] = []
        while let line = try source.nextLine() {
            lines.append((String(decoding: line, as: UTF8.self), source.lineNumber, source.lineOffset))
        }
        #expect(lines.map(\.0) == ["ab", "cde", "", "f"])
        #expect(lines.map(\.1) == [1, 2, 3, 4])
        #expect(lines.map(\.2) == [0, 4, 8, 9])
        #expect(source.isCompressed == false)
    }

    @Test func readAllAfterPeek() throws {
        let source = try ByteSource(path: IngestTestSupport.fixture("bad/whole.txt.gz"))
        let prefix = Array(try source.peek(10))
        let all = try source.readAll()
        #expect(source.isCompressed)
        #expect(Array(all.prefix(10)) == prefix)
        #expect(String(decoding: all, as: UTF8.self).hasSuffix("Line 399: metformin is used for type 2 diabetes.\n"))
    }

    @Test func lineOffsetsPastTheBuffer() throws {
        // Lines that straddle the 64 KiB buffer keep exact offsets.
        let line = String(repeating: "x", count: 1000)
        let path = try IngestTestSupport.temporaryFile(
            "long.txt",
            Array(repeating: line, count: 300).joined(separator: "\n")
        )
        let source = try ByteSource(path: path)
        var count = 0
        while let bytes = try source.nextLine() {
            #expect(bytes.count == 1000)
            #expect(source.lineOffset == count * 1001)
            count += 1
        }
        #expect(count == 300)
    }
}
