import ArgumentParser
import Foundation
import Testing

@testable import PharmineCLI

@Suite struct LexiconCommandTests {
    private static let fixtures: String = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/", !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path)
        {
            url.deleteLastPathComponent()
        }
        return url.appendingPathComponent("Tests/PharmineTests/Fixtures/LexiconSources").path
    }()

    @Test func buildParsesItsOptions() throws {
        let command = try LexiconBuildCommand.parse([
            "--sources", Self.fixtures, "--output", "out/lexicons", "--curated", "curated", "--include-hpo",
        ])
        #expect(command.sources == Self.fixtures)
        #expect(command.output == "out/lexicons")
        #expect(command.curated == "curated")
        #expect(command.includeHPO)
    }

    @Test func buildHasDefaults() throws {
        let command = try LexiconBuildCommand.parse(["--sources", Self.fixtures])
        #expect(command.output == "Lexicons")
        #expect(command.curated == nil)
        #expect(!command.includeHPO)
    }

    @Test func buildRejectsAMissingSourcesFolder() {
        #expect(throws: (any Error).self) {
            try LexiconBuildCommand.parse(["--sources", Self.fixtures + "/absent"])
        }
    }

    @Test func lexiconGroupRoutesToBuild() throws {
        let command = try PharmineCommand.parseAsRoot(["lexicon", "build", "--sources", Self.fixtures])
        #expect(command is LexiconBuildCommand)
    }
}
