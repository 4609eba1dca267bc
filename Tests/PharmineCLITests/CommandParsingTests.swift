import ArgumentParser
import Foundation
import Pharmine
import PharmineCore
import PharmineIngest
import PharmineOutput
import Testing

@testable import PharmineCLI

/// A scratch folder with an input file and a lexicon directory.
struct Scratch {
    let root: String
    var input: String { root + "/a.txt" }
    var lexicons: String { root + "/Lexicons" }
    var userLexicon: String { root + "/mine.tsv" }

    init() throws {
        root = NSTemporaryDirectory() + "pharmine-cli-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root + "/Lexicons", withIntermediateDirectories: true)
        try "Amitriptyline is prescribed to prevent migraines.\n".write(
            toFile: root + "/a.txt",
            atomically: true,
            encoding: .utf8
        )
        try "id\tname\n".write(toFile: root + "/mine.tsv", atomically: true, encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
}

@Suite struct CommandParsingTests {
    let cores = ProcessInfo.processInfo.activeProcessorCount

    @Test func extractDefaults() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let command = try ExtractCommand.parse([scratch.input, "--lexicons", scratch.lexicons])
        let configuration = try command.makeConfiguration()
        #expect(
            configuration
                == PipelineConfiguration(
                    command: "extract",
                    inputs: [scratch.input],
                    destination: .directory("Output"),
                    formats: [.triples, .mentions, .evidence, .kgx],
                    stages: .triples,
                    threads: cores,
                    lexiconDirectory: scratch.lexicons,
                    userLexicons: [],
                    ingest: IngestOptions(),
                    reportPath: nil
                )
        )
        #expect(configuration.effectiveReportPath == "Output/run-report.json")
    }

    @Test func extractWithEveryOption() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let command = try ExtractCommand.parse([
            scratch.input, scratch.root, "-o", "out", "--format", "triples,kgx", "--format", "mentions,triples",
            "--threads", "3", "--lexicons", scratch.lexicons, "--lexicon", scratch.userLexicon, "--lexicon",
            scratch.userLexicon, "--lines", "--input-format", "medline", "--report", "r.json", "--quiet",
        ])
        #expect(command.reading.quiet)
        #expect(
            try command.makeConfiguration()
                == PipelineConfiguration(
                    command: "extract",
                    inputs: [scratch.input, scratch.root],
                    destination: .directory("out"),
                    formats: [.triples, .kgx, .mentions],
                    stages: .triples,
                    threads: 3,
                    lexiconDirectory: scratch.lexicons,
                    userLexicons: [scratch.userLexicon, scratch.userLexicon],
                    ingest: IngestOptions(linePerDocument: true, format: .medline),
                    reportPath: "r.json"
                )
        )
    }

    @Test func extractToStandardOutput() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let command = try ExtractCommand.parse([
            scratch.input, "-o", "-", "--format", "mentions", "--lexicons", scratch.lexicons,
        ])
        let configuration = try command.makeConfiguration()
        #expect(configuration.destination == .standardOutput)
        #expect(configuration.effectiveReportPath == nil)
        try configuration.validate()
    }

    @Test(arguments: [
        ["--format", "tripels"],
        ["-o", "-"],
        ["-o", "-", "--format", "kgx"],
        ["--threads", "0"],
        ["--input-format", "docx"],
        ["--lexicon", "/nonexistent/mine.tsv"],
    ])
    func extractRejects(_ extra: [String]) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        #expect(throws: (any Error).self) {
            _ = try ExtractCommand.parse([scratch.input, "--lexicons", scratch.lexicons] + extra)
        }
    }

    @Test func missingInputsAndLexiconsAreUsageErrors() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        for arguments in [
            [scratch.root + "/missing.xml", "--lexicons", scratch.lexicons],
            [scratch.input, "--lexicons", scratch.root + "/NoLexicons"],
        ] {
            do {
                _ = try ExtractCommand.parse(arguments)
                Issue.record("\(arguments) parsed")
            } catch {
                #expect(ExtractCommand.exitCode(for: error) == .validationFailure)
            }
        }
    }

    @Test func docsArguments() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let command = try DocsCommand.parse([scratch.input, "-o", "docs.jsonl", "--threads", "2", "--lines"])
        #expect(
            command.makeConfiguration()
                == PipelineConfiguration(
                    command: "docs",
                    inputs: [scratch.input],
                    destination: .file("docs.jsonl"),
                    formats: [.documents],
                    stages: .none,
                    threads: 2,
                    ingest: IngestOptions(linePerDocument: true)
                )
        )
        let toStandardOutput = try DocsCommand.parse([scratch.input])
        #expect(toStandardOutput.makeConfiguration().destination == .standardOutput)
        #expect(toStandardOutput.makeConfiguration().threads == cores)
        #expect(throws: (any Error).self) { _ = try DocsCommand.parse([]) }
    }

    @Test func mentionsArguments() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let command = try MentionsCommand.parse([
            scratch.input, "--lexicons", scratch.lexicons, "--lexicon", scratch.userLexicon, "--input-format", "text",
        ])
        #expect(
            command.makeConfiguration()
                == PipelineConfiguration(
                    command: "mentions",
                    inputs: [scratch.input],
                    destination: .standardOutput,
                    formats: [.mentions],
                    stages: .mentions,
                    threads: cores,
                    lexiconDirectory: scratch.lexicons,
                    userLexicons: [scratch.userLexicon],
                    ingest: IngestOptions(format: .text)
                )
        )
    }

    @Test func rootDispatchesToSubcommands() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        #expect(try PharmineCommand.parseAsRoot(["docs", scratch.input]) is DocsCommand)
        #expect(
            try PharmineCommand.parseAsRoot(["mentions", scratch.input, "--lexicons", scratch.lexicons])
                is MentionsCommand
        )
        #expect(try PharmineCommand.parseAsRoot([scratch.input, "--lexicons", scratch.lexicons]) is ExtractCommand)
    }
}
