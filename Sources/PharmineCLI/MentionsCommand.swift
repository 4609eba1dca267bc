import ArgumentParser
import Pharmine
import PharmineOutput

/// `pharmine mentions`: the entity mentions found, one JSON object per line.
struct MentionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mentions",
        abstract: "Print the drug, condition and receptor mentions found, as JSON Lines."
    )

    @Argument(help: "Input files or directories, or - for standard input.")
    var inputs: [String]

    @Option(name: .shortAndLong, help: ArgumentHelp("The output file, or - for standard output.", valueName: "file"))
    var output = "-"

    @OptionGroup var reading: ReadingOptions
    @OptionGroup var lexicon: LexiconOptions

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("Give at least one input.") }
        try ReadingOptions.checkInputs(inputs)
    }

    /// The pipeline configuration the arguments describe.
    func makeConfiguration() -> PipelineConfiguration {
        PipelineConfiguration(
            command: "mentions",
            inputs: inputs,
            destination: .file(orStandardOutput: output),
            formats: [.mentions],
            stages: .mentions,
            threads: reading.threads,
            lexiconDirectory: lexicon.lexicons,
            userLexicons: lexicon.userLexicons,
            ingest: reading.ingest,
            reportPath: reading.report
        )
    }

    func run() throws {
        try PipelineRunner.run(makeConfiguration(), quiet: reading.quiet)
    }
}
