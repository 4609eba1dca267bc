import ArgumentParser
import Foundation
import Pharmine

/// `pharmine lexicon …`: building and (later) querying the lexicons.
///
/// Subcommands are listed in `configuration.subcommands`; `lookup` and `stats` are added beside
/// `build` by the matcher work.
struct LexiconCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lexicon",
        abstract: "Build and inspect Pharmine's lexicons.",
        subcommands: [LexiconBuildCommand.self, LexiconLookupCommand.self, LexiconStatsCommand.self]
    )
}

/// `pharmine lexicon build`: builds the lexicons from the raw vocabularies.
struct LexiconBuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract:
            "Build drugs.tsv, conditions.tsv, receptors.tsv, curation.tsv and drug-forms.tsv from the raw vocabularies."
    )

    @Option(name: .long, help: "The folder of raw vocabularies, one sub-folder per source.")
    var sources = "../shared/sources"

    @Option(name: .shortAndLong, help: "Where to write the lexicons.")
    var output = "Lexicons"

    @Option(name: .long, help: "The hand-curated inputs (default: <output>/curated).")
    var curated: String?

    @Flag(
        name: .customLong("include-hpo"),
        help:
            "Merge HPO phenotypes into conditions.tsv. The HPO licence forbids altering HPO content: never commit or redistribute such a build."
    )
    var includeHPO = false

    mutating func validate() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: sources, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("sources folder not found: \(sources)")
        }
    }

    func run() throws {
        let options = LexiconBuildOptions(
            sourcesDirectory: sources,
            outputDirectory: output,
            curatedDirectory: curated,
            includeHPO: includeHPO
        )
        let clock = ContinuousClock()
        let start = clock.now
        let report: LexiconBuildReport
        do {
            report = try LexiconBuilder(options: options).run()
        } catch {
            FileHandle.standardError.write(Data("pharmine: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let elapsed = clock.now - start
        var lines = ""
        for file in report.files {
            lines += "\(file.name)\t\(file.rows) rows\t\(file.synonyms) synonyms\t\(file.bytes) bytes\n"
        }
        for (name, value) in report.statistics { lines += "\(name)\t\(value)\n" }
        for (step, milliseconds) in report.timings { lines += "time.\(step)\t\(milliseconds) ms\n" }
        lines += "built in \(elapsed.formatted(.units(allowed: [.seconds], fractionalPart: .show(length: 1))))\n"
        FileHandle.standardError.write(Data(lines.utf8))
    }
}
