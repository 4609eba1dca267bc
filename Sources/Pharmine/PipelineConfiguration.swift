import Foundation
public import PharmineIngest
public import PharmineOutput

/// Everything a run needs to know: inputs, outputs, threads, lexicons and reading options.
///
/// The CLI builds one from its arguments; ``validate()`` checks it before anything is read.
public struct PipelineConfiguration: Sendable, Hashable {
    /// Where the records go.
    public enum Destination: Sendable, Hashable {
        /// A directory; each format writes its own files (``OutputFormat/fileNames``) and the run
        /// report goes to `run-report.json`. Created if missing.
        case directory(String)
        /// One file, for a single format.
        case file(String)
        /// Standard output (`-`), for a single format.
        case standardOutput

        /// Parses a directory path, or `-` for standard output.
        ///
        /// - Parameter argument: The command-line value.
        /// - Returns: The destination.
        public static func directory(orStandardOutput argument: String) -> Destination {
            argument == "-" ? .standardOutput : .directory(argument)
        }

        /// Parses a file path, or `-` for standard output.
        ///
        /// - Parameter argument: The command-line value.
        /// - Returns: The destination.
        public static func file(orStandardOutput argument: String) -> Destination {
            argument == "-" ? .standardOutput : .file(argument)
        }
    }

    /// Which stages a run needs.
    public enum Stages: String, Sendable, Hashable, CaseIterable {
        /// None: documents as read (`pharmine docs`).
        case none
        /// Text, matching and context: mentions (`pharmine mentions`).
        case mentions
        /// All of them, through relation extraction (`pharmine extract`).
        case triples
    }

    /// The verb, as written in the run report (`extract`, `docs`, `mentions`).
    public var command: String
    /// Files, directories, or `-` for standard input.
    public var inputs: [String]
    /// Where the records go.
    public var destination: Destination
    /// The formats to write, in this order.
    public var formats: [OutputFormat]
    /// The stages to run.
    public var stages: Stages
    /// Worker threads (at least 1).
    public var threads: Int
    /// The lexicon directory, or nil to use none.
    public var lexiconDirectory: String?
    /// Extra user lexicon files (TSV), loaded after the directory.
    public var userLexicons: [String]
    /// Reading options.
    public var ingest: IngestOptions
    /// The most documents read but not yet written at any time; nil for 16 per thread (at least 64).
    public var maxInFlight: Int?
    /// Where to write the run report; nil for `run-report.json` in an output directory, and no
    /// report for a file or standard output.
    public var reportPath: String?

    /// Creates a configuration.
    ///
    /// - Parameters:
    ///   - command: The verb.
    ///   - inputs: The inputs.
    ///   - destination: Where records go.
    ///   - formats: The formats to write.
    ///   - stages: The stages to run.
    ///   - threads: Worker threads.
    ///   - lexiconDirectory: The lexicon directory.
    ///   - userLexicons: Extra lexicon files.
    ///   - ingest: Reading options.
    ///   - maxInFlight: The bound on documents in flight.
    ///   - reportPath: Where to write the run report.
    public init(
        command: String = "extract",
        inputs: [String],
        destination: Destination,
        formats: [OutputFormat],
        stages: Stages = .triples,
        threads: Int = 1,
        lexiconDirectory: String? = nil,
        userLexicons: [String] = [],
        ingest: IngestOptions = IngestOptions(),
        maxInFlight: Int? = nil,
        reportPath: String? = nil
    ) {
        self.command = command
        self.inputs = inputs
        self.destination = destination
        self.formats = formats
        self.stages = stages
        self.threads = threads
        self.lexiconDirectory = lexiconDirectory
        self.userLexicons = userLexicons
        self.ingest = ingest
        self.maxInFlight = maxInFlight
        self.reportPath = reportPath
    }

    /// The bound on documents in flight actually used.
    public var documentsInFlight: Int {
        max(2, maxInFlight ?? max(64, threads * 16))
    }

    /// The path of the run report, if one is written.
    public var effectiveReportPath: String? {
        if let reportPath { return reportPath }
        if case .directory(let directory) = destination {
            return (directory as NSString).appendingPathComponent("run-report.json")
        }
        return nil
    }

    /// Checks the options against each other and the lexicon paths on disk.
    ///
    /// Inputs are checked when the run lists them.
    ///
    /// - Throws: ``PipelineError`` with code `configuration` or `lexicon`.
    public func validate() throws(PipelineError) {
        guard !inputs.isEmpty else { throw PipelineError(.configuration, message: "no input given") }
        guard threads >= 1 else {
            throw PipelineError(.configuration, message: "--threads must be at least 1 (got \(threads))")
        }
        if let maxInFlight, maxInFlight < 1 {
            throw PipelineError(.configuration, message: "the bound on documents in flight must be at least 1")
        }
        guard !formats.isEmpty else { throw PipelineError(.configuration, message: "no output format given") }
        guard Set(formats).count == formats.count else {
            throw PipelineError(.configuration, message: "an output format is given twice")
        }
        switch destination {
        case .directory:
            break
        case .file, .standardOutput:
            guard formats.count == 1, let format = formats.first, format.fileNames.count == 1 else {
                let names = formats.map(\.rawValue).joined(separator: ", ")
                throw PipelineError(
                    .configuration,
                    message:
                        "a single output file or standard output takes exactly one single-file format (got \(names)); "
                        + "give an output directory instead"
                )
            }
        }
        let needsLexicon = stages != .none
        let manager = FileManager.default
        if needsLexicon, let lexiconDirectory {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: lexiconDirectory, isDirectory: &isDirectory), isDirectory.boolValue,
                manager.isReadableFile(atPath: lexiconDirectory)
            else {
                throw PipelineError(
                    .lexicon,
                    path: lexiconDirectory,
                    message: "lexicon directory not found or unreadable"
                )
            }
        }
        if needsLexicon {
            for file in userLexicons {
                var isDirectory: ObjCBool = false
                guard manager.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue,
                    manager.isReadableFile(atPath: file)
                else {
                    throw PipelineError(.lexicon, path: file, message: "lexicon file not found or unreadable")
                }
            }
        }
    }
}
