import ArgumentParser
import Pharmine
import PharmineOutput

/// `pharmine docs`: the documents as read, one JSON object per line.
struct DocsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docs",
        abstract: "Print the parsed documents as JSON Lines (id, format, origin, metadata, passages, annotations).",
        discussion: "For checking what the readers make of the input; no lexicon is needed."
    )

    @Argument(help: "Input files or directories, or - for standard input.")
    var inputs: [String]

    @Option(name: .shortAndLong, help: ArgumentHelp("The output file, or - for standard output.", valueName: "file"))
    var output = "-"

    @OptionGroup var reading: ReadingOptions

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("Give at least one input.") }
        try ReadingOptions.checkInputs(inputs)
    }

    /// The pipeline configuration the arguments describe.
    func makeConfiguration() -> PipelineConfiguration {
        PipelineConfiguration(
            command: "docs",
            inputs: inputs,
            destination: .file(orStandardOutput: output),
            formats: [.documents],
            stages: .none,
            threads: reading.threads,
            ingest: reading.ingest,
            reportPath: reading.report
        )
    }

    func run() throws {
        try PipelineRunner.run(makeConfiguration(), quiet: reading.quiet)
    }
}
