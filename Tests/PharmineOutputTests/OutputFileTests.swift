import Foundation
import PharmineOutput
import Testing

@Suite struct OutputFileTests {
    struct Interrupted: Error {}

    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "pharmine-output-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func entries(_ directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
    }

    @Test func committedFileAppearsWholeUnderItsName() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/triples.jsonl"
        let file = try OutputFile(path: path)
        try file.write("{\"a\":1}\n")
        #expect(try Self.entries(directory) == [".triples.jsonl.partial-\(ProcessInfo.processInfo.processIdentifier)"])
        #expect(!FileManager.default.fileExists(atPath: path))
        try file.commit()
        #expect(try Self.entries(directory) == ["triples.jsonl"])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "{\"a\":1}\n")
        #expect(file.bytesWritten == 8)
    }

    @Test func anErrorInTheBodyLeavesNoFile() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/evidence.tsv"
        #expect(throws: Interrupted.self) {
            try OutputFile.write(to: path) { file in
                try file.write(Array(repeating: 0x41, count: 3 << 20))  // larger than the buffer: really on disk
                throw Interrupted()
            }
        }
        #expect(try Self.entries(directory) == [])
    }

    @Test func aFileDroppedWithoutCommitIsRemoved() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        do {
            let file = try OutputFile(path: directory + "/mentions.jsonl")
            try file.write("partial")
            try file.flush()
        }
        #expect(try Self.entries(directory) == [])
    }

    @Test func aDiscardedRerunKeepsThePreviousCompleteFile() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/triples.jsonl"
        try OutputFile.write(to: path) { try $0.write("old\n") }
        let file = try OutputFile(path: path)
        try file.write("new but unfinished")
        file.discard()
        file.discard()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old\n")
        #expect(try Self.entries(directory) == ["triples.jsonl"])
        #expect(throws: OutputError.self) { try file.write("late") }
    }

    @Test func partialFilesOfDeadProcessesAreCleanedUp() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // PID 2^22 + 1 is above Linux's pid_max limit, so no process has it.
        let stale = directory + "/.triples.jsonl.partial-4194305"
        let other = directory + "/.mentions.jsonl.partial-4194305"
        _ = FileManager.default.createFile(atPath: stale, contents: Data("x".utf8))
        _ = FileManager.default.createFile(atPath: other, contents: Data("x".utf8))
        try OutputFile.write(to: directory + "/triples.jsonl") { try $0.write("ok\n") }
        #expect(try Self.entries(directory) == [".mentions.jsonl.partial-4194305", "triples.jsonl"])
    }

    @Test func aMissingDirectoryIsACreateError() throws {
        #expect(throws: OutputError.self) {
            _ = try OutputFile(path: "/nonexistent-pharmine-dir/x/triples.jsonl")
        }
    }
}
