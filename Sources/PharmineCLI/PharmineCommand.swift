import ArgumentParser

@main
struct PharmineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pharmine",
        abstract: "Turns biomedical and clinical documents into pharmacology evidence.",
        subcommands: [LexiconCommand.self]
    )
}
