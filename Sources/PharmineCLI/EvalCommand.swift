import ArgumentParser
import Foundation
import Pharmine
import PharmineCore

/// `pharmine eval`: precision, recall and F1 of Pharmine's own mentions and triples on gold corpora.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score mentions and triples against annotated corpora (PubTator, BioC, DDI 2013, DrugProt, SemRep GS).",
        discussion: """
            With no path, scores the standard development sets found under --shared (BC5CDR dev, BioRED \
            dev and train, DDI 2013 train, DrugProt dev, SemRep GS). Entities are scored per type, strict \
            and overlapping; relations per predicate, with Pharmine's own mentions (not gold entities).
            """
    )

    @Argument(help: "Gold corpus files or folders (default: the standard development sets).")
    var paths: [String] = []

    @Option(
        help: ArgumentHelp(
            "The corpus kind (\(GoldCorpusKind.allCases.map(\.rawValue).joined(separator: ", "))); detected when omitted.",
            valueName: "kind"
        )
    )
    var corpus: String?

    @Option(help: ArgumentHelp("The folder of annotated corpora.", valueName: "dir"))
    var shared = "../shared/corpora"

    @Option(help: ArgumentHelp("Error examples to list per type.", valueName: "n"))
    var examples = 10

    @Flag(help: "Score mentions only (skip the triple extractors).")
    var mentionsOnly = false

    @Option(help: "Worker threads (default: the number of cores).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup var lexicon: LexiconOptions

    func validate() throws {
        if let corpus, GoldCorpusKind(rawValue: corpus) == nil {
            throw ValidationError("Unknown corpus kind '\(corpus)'.")
        }
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1.") }
    }

    func run() throws {
        var configuration = PipelineConfiguration(
            command: "eval",
            inputs: [],
            destination: .standardOutput,
            formats: [],
            stages: mentionsOnly ? .mentions : .triples,
            threads: threads,
            lexiconDirectory: lexicon.lexicons,
            userLexicons: lexicon.userLexicons
        )
        configuration.threads = threads
        let stages = try StageFactory.makeStages(for: configuration)
        let run = EvaluationRun(stages: stages.stages, threads: threads)
        var targets: [(String, String, GoldCorpusKind?)] = paths.map { ($0, $0, corpus.flatMap(GoldCorpusKind.init)) }
        if targets.isEmpty {
            targets = GoldCorpus.standardDevelopmentSets.map { set in
                (set.name, (shared as NSString).appendingPathComponent(set.path), set.kind)
            }
        }
        var failed = false
        for (name, path, kind) in targets {
            guard FileManager.default.fileExists(atPath: path) else {
                FileHandle.standardError.write(Data("pharmine eval: skipping \(name): \(path) is absent\n".utf8))
                continue
            }
            var gold = try GoldCorpus.load(path: path, kind: kind)
            gold.name = name
            let (report, errors) = run.evaluate(gold)
            print(report.formatted(examples: examples))
            print("")
            for error in errors {
                failed = true
                FileHandle.standardError.write(Data("pharmine eval: \(error)\n".utf8))
            }
        }
        if failed { throw ExitCode(1) }
    }
}
