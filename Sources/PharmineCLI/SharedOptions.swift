import ArgumentParser
import Foundation
import Pharmine
import PharmineCore
import PharmineIngest

/// Options every verb that reads documents takes.
struct ReadingOptions: ParsableArguments {
    @Option(help: "Worker threads (default: the number of cores).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Read plain-text input as one document per line.")
    var lines = false

    @Option(
        name: .customLong("input-format"),
        help: ArgumentHelp(
            "Read every input as this format instead of detecting it "
                + "(\(DocumentFormat.allCases.map(\.rawValue).joined(separator: ", "))).",
            valueName: "format"
        )
    )
    var inputFormatName: String?

    /// The forced input format, if one is given and valid.
    var inputFormat: DocumentFormat? { inputFormatName.flatMap(DocumentFormat.init(rawValue:)) }

    @Option(help: ArgumentHelp("Write the run report to this file.", valueName: "file"))
    var report: String?

    @Flag(name: .shortAndLong, help: "Print no progress line and no summary on standard error.")
    var quiet = false

    var ingest: IngestOptions {
        IngestOptions(linePerDocument: lines, format: inputFormat)
    }

    func validate() throws {
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1.") }
        if let inputFormatName, DocumentFormat(rawValue: inputFormatName) == nil {
            let known = DocumentFormat.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("Unknown input format '\(inputFormatName)'; use one of: \(known).")
        }
    }

    /// Checks that each input exists (`-` is standard input).
    static func checkInputs(_ inputs: [String]) throws {
        for input in inputs where input != "-" {
            guard FileManager.default.fileExists(atPath: input) else {
                throw ValidationError("Input '\(input)' does not exist.")
            }
        }
    }
}

/// Options of the verbs that match lexicons.
struct LexiconOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The lexicon directory.", valueName: "dir"))
    var lexicons = "Lexicons"

    @Option(
        name: .customLong("lexicon"),
        help: ArgumentHelp("An extra user lexicon file (TSV); repeatable.", valueName: "file")
    )
    var userLexicons: [String] = []

    func validate() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: lexicons, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("Lexicon directory '\(lexicons)' does not exist.")
        }
        for file in userLexicons where !FileManager.default.isReadableFile(atPath: file) {
            throw ValidationError("Lexicon file '\(file)' does not exist or is unreadable.")
        }
    }
}

/// Runs a configured pipeline: progress on a terminal, a summary, and the exit status.
enum PipelineRunner {
    /// A value kept until the process ends.
    private final class Retained<Value> {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    static func run(_ configuration: PipelineConfiguration, quiet: Bool) throws {
        let standardError = FileHandle.standardError
        let showProgress = !quiet && isatty(2) == 1
        do {
            let pipeline = try Pipeline(configuration: configuration)
            let summary = try pipeline.run(
                progress: showProgress
                    ? { progress in standardError.write(Data("\r\u{1B}[K\(progress.line)".utf8)) }
                    : nil
            )
            if showProgress { standardError.write(Data("\r\u{1B}[K".utf8)) }
            if !quiet || summary.exitStatus != 0 {
                standardError.write(Data((summary.text + "\n").utf8))
            }
            // The process ends after the run: its stages (the lexicon tables) are left to the
            // system rather than freed object by object, which cost as much as reading them.
            _ = Unmanaged.passRetained(Retained(pipeline))
            if summary.exitStatus != 0 { throw ExitCode(summary.exitStatus) }
        } catch let error as PipelineError {
            if showProgress { standardError.write(Data("\r\u{1B}[K".utf8)) }
            standardError.write(Data("pharmine: error: \(error)\n".utf8))
            throw ExitCode(error.isUsageError ? 2 : 1)
        }
    }
}
