import ArgumentParser
import Foundation
import Pharmine
import PharmineOutput

/// `pharmine extract`: documents in, triples and evidence out.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract pharmacology triples and write them with their evidence.",
        discussion: """
            Formats: triples (triples.jsonl), mentions (mentions.jsonl), documents (documents.jsonl), \
            evidence (evidence.tsv), kgx (nodes.tsv and edges.tsv). A run report is written as \
            run-report.json in the output directory.
            """
    )

    /// The formats written when `--format` is not given.
    static let defaultFormats: [OutputFormat] = [.triples, .mentions, .evidence, .kgx]

    @Argument(help: "Input files or directories, or - for standard input.")
    var inputs: [String] = ["Corpora"]

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp("The output directory, or - for standard output (one format only).", valueName: "dir")
    )
    var output = "Output"

    @Option(
        name: .customLong("format"),
        help: ArgumentHelp(
            "Formats to write, comma-separated or repeated (default: triples,mentions,evidence,kgx).",
            valueName: "format"
        )
    )
    var formatArguments: [String] = []

    @OptionGroup var reading: ReadingOptions
    @OptionGroup var lexicon: LexiconOptions

    /// The formats asked for, in the order given, without repeats.
    var formats: [OutputFormat] {
        get throws {
            let names = formatArguments.flatMap { $0.split(separator: ",") }.map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard !names.isEmpty else { return Self.defaultFormats }
            var formats: [OutputFormat] = []
            for name in names where !name.isEmpty {
                guard let format = OutputFormat(rawValue: name) else {
                    let known = OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")
                    throw ValidationError("Unknown format '\(name)'; use one of: \(known).")
                }
                if !formats.contains(format) { formats.append(format) }
            }
            return formats
        }
    }

    func validate() throws {
        try ReadingOptions.checkInputs(inputs)
        let formats = try formats
        if output == "-" && (formats.count != 1 || formats[0] == .kgx) {
            throw ValidationError("Standard output takes exactly one format other than kgx; use --output DIR.")
        }
    }

    /// The pipeline configuration the arguments describe.
    func makeConfiguration() throws -> PipelineConfiguration {
        PipelineConfiguration(
            command: "extract",
            inputs: inputs,
            destination: .directory(orStandardOutput: output),
            formats: try formats,
            stages: .triples,
            threads: reading.threads,
            lexiconDirectory: lexicon.lexicons,
            userLexicons: lexicon.userLexicons,
            ingest: reading.ingest,
            reportPath: reading.report
        )
    }

    func run() throws {
        try PipelineRunner.run(try makeConfiguration(), quiet: reading.quiet)
    }
}
