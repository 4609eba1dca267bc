import ArgumentParser
import Foundation
import Pharmine

@main
struct PharmineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pharmine",
        abstract: "Turns biomedical and clinical documents into pharmacology evidence.",
        discussion: """
            Exit status: 0 when every document was processed, 1 when some documents failed (the others \
            are written and the failures listed in the run report), 2 for a usage or configuration error.
            """,
        version: PharmineVersion.current,
        subcommands: [
            ExtractCommand.self, DocsCommand.self, MentionsCommand.self, EvalCommand.self, LexiconCommand.self,
        ],
        defaultSubcommand: ExtractCommand.self
    )

    /// Runs the command, mapping argument errors to exit status 2 (the parser's own is 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
