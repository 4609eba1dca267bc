import ArgumentParser
import Foundation
import Testing

@testable import PharmineCLI

@Suite struct LexiconLookupCommandTests {
    /// A directory that exists, for the lexicon option's validation.
    static let directory = FileManager.default.temporaryDirectory.path

    @Test func lookupTakesATermAndLexiconOptions() throws {
        let command = try LexiconLookupCommand.parse(["post-herpetic neuralgia", "--lexicons", Self.directory])
        #expect(command.term == "post-herpetic neuralgia")
        #expect(command.lexiconOptions.lexicons == Self.directory)
        #expect(command.lexiconOptions.userLexicons.isEmpty)
    }

    @Test func lookupNeedsATerm() {
        #expect(throws: (any Error).self) { try LexiconLookupCommand.parse(["--lexicons", Self.directory]) }
    }

    @Test func statsParsesItsFlags() throws {
        let command = try LexiconStatsCommand.parse(["--no-cache", "--lexicons", Self.directory, "--lexicon", #filePath])
        #expect(command.noCache)
        #expect(command.lexiconOptions.userLexicons == [#filePath])
        #expect(try !LexiconStatsCommand.parse(["--lexicons", Self.directory]).noCache)
    }

    @Test func theLexiconGroupListsTheNewVerbs() {
        let names = LexiconCommand.configuration.subcommands.map { $0.configuration.commandName }
        #expect(names.contains("lookup"))
        #expect(names.contains("stats"))
    }
}
