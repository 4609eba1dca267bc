import Foundation
import PharmineCore
import Testing

import PharmineIngest

/// Runs the built `pharmine` binary.
@Suite struct SmokeTests {
    /// The build products folder: the test bundle's folder (or its parent on platforms where the
    /// bundle is a directory).
    static var binary: URL? {
        var candidates: [URL] = []
        if let executable = Bundle.main.executableURL { candidates.append(executable.deletingLastPathComponent()) }
        candidates.append(Bundle.main.bundleURL)
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(bundle.bundleURL.deletingLastPathComponent())
        }
        return candidates.map { $0.appendingPathComponent("pharmine") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    struct MissingBinary: Error, CustomStringConvertible {
        var description: String { "the pharmine binary is not next to the test bundle; run swift build first" }
    }

    struct Result {
        var status: Int32
        var output: String
        var error: String
    }

    static func run(_ arguments: [String], in directory: String) throws -> Result {
        let process = Process()
        guard let binary else { throw MissingBinary() }
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            output: String(decoding: outputData, as: UTF8.self),
            error: String(decoding: errorData, as: UTF8.self)
        )
    }

    @Test func docsPrintsTheDocumentOrReportsItsFailure() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let result = try Self.run(["docs", "a.txt"], in: scratch.root)
        if Ingest.reader(for: .text) != nil {
            #expect(result.status == 0, "stderr: \(result.error)")
            let lines = result.output.split(separator: "\n")
            #expect(lines.count == 1)
            let record = try #require(
                try JSONSerialization.jsonObject(with: Data((lines.first ?? "").utf8)) as? [String: Any]
            )
            #expect(record["id"] as? String == "a")
            #expect(record["format"] as? String == "text")
            let passages = try #require(record["passages"] as? [[String: Any]])
            #expect((passages.first?["text"] as? String)?.hasPrefix("Amitriptyline is prescribed") == true)
        } else {
            // No text reader on this branch yet: the file fails, is reported, and nothing is printed.
            #expect(result.status == 1)
            #expect(result.output == "")
            #expect(result.error.contains("failed: a.txt"))
        }
        #expect(result.error.contains("1 documents from 1 files"))
    }

    @Test func aMissingInputExitsWithStatus2() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let result = try Self.run(["docs", "missing.xml"], in: scratch.root)
        #expect(result.status == 2)
        #expect(result.output == "")
        #expect(result.error.contains("missing.xml"))
    }

    @Test func extractWritesItsFilesAndReport() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let result = try Self.run(
            ["extract", "a.txt", "--format", "triples,evidence,kgx", "--quiet"],
            in: scratch.root
        )
        #expect(result.status == (Ingest.reader(for: .text) != nil ? 0 : 1), "stderr: \(result.error)")
        let names = try FileManager.default.contentsOfDirectory(atPath: scratch.root + "/Output").sorted()
        #expect(names == ["edges.tsv", "evidence.tsv", "nodes.tsv", "run-report.json", "triples.jsonl"])
        let report = try Data(contentsOf: URL(fileURLWithPath: scratch.root + "/Output/run-report.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: report) as? [String: Any])
        #expect((object["documents"] as? [String: Int])?["total"] == 1)
    }
}
