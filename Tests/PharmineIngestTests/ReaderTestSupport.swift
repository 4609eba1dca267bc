import Foundation
import PharmineCore
import Testing

@testable import PharmineIngest

/// Helpers shared by the JATS and SPL reader tests.
enum ReaderTestSupport {
    /// Reads a file through the dispatcher and requires exactly one document and nothing else.
    static func onlyDocument(_ path: String) throws -> Document {
        let events = TestSupport.events(path)
        #expect(TestSupport.failures(events).isEmpty, "failures: \(TestSupport.failures(events))")
        let documents = TestSupport.documents(events)
        try #require(documents.count == 1, "expected one document in \(path), got \(documents.count)")
        return documents[0]
    }

    /// The first `count` scalars of a text.
    static func head(_ text: String, _ count: Int = 60) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.prefix(count)))
    }

    /// The last `count` scalars of a text.
    static func tail(_ text: String, _ count: Int = 60) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.suffix(count)))
    }

    /// The value of an infon, if present.
    static func infon(_ passage: Passage, _ key: String) -> String? {
        passage.infons.first { $0.key == key }?.value
    }

    /// Checks the passage offset contract: the first at 0, each one separator after the previous
    /// passage's end (in Unicode scalars); no passage is empty or has white space at either end.
    static func expectContiguousOffsets(_ document: Document, sourceLocation: SourceLocation = #_sourceLocation) {
        var expected = 0
        for passage in document.passages {
            #expect(passage.offset == expected, "\(document.id) [\(passage.label)]", sourceLocation: sourceLocation)
            #expect(!passage.text.isEmpty, sourceLocation: sourceLocation)
            #expect(passage.text.first?.isWhitespace == false, sourceLocation: sourceLocation)
            #expect(passage.text.last?.isWhitespace == false, sourceLocation: sourceLocation)
            expected = passage.offset + passage.text.unicodeScalars.count + 1
        }
    }

    /// Gzips a file into a fresh temporary directory and returns the new path.
    static func gzipCopy(of path: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("pharmine-gz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let name = (path as NSString).lastPathComponent + ".gz"
        let output = directory.appendingPathComponent(name)
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        defer { try? handle.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-c", path]
        process.standardOutput = handle
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "gzip failed")
        return output.path
    }
}
