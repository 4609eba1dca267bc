import Foundation
import Pharmine
import PharmineCore
import PharmineOutput
import Testing

/// The whole pipeline with the shipped lexicons on fixture documents written for these tests:
/// the output must match the golden files and be the same for any number of threads.
@Suite struct EndToEndTests {
    static let packageRoot = SharedCorpora.packageRoot
    static let fixtures = packageRoot.appendingPathComponent("Tests/PharmineTests/Fixtures/EndToEnd").path
    static let lexicons = packageRoot.appendingPathComponent("Lexicons").path

    static func run(threads: Int) throws -> [String: String] {
        let output = NSTemporaryDirectory() + "pharmine-e2e-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: output) }
        let configuration = PipelineConfiguration(
            command: "extract",
            inputs: [fixtures],
            destination: .directory(output),
            formats: [.triples, .mentions, .evidence],
            stages: .triples,
            threads: threads,
            lexiconDirectory: lexicons
        )
        let summary = try Pipeline(configuration: configuration).run()
        #expect(summary.exitStatus == 0)
        #expect(summary.report.extracted == 3)
        var files: [String: String] = [:]
        for name in ["triples.jsonl", "mentions.jsonl", "evidence.tsv"] {
            files[name] = try String(contentsOfFile: output + "/" + name, encoding: .utf8)
        }
        return files
    }

    @Test func fixturesGiveTheGoldenTriplesForAnyThreadCount() throws {
        let single = try Self.run(threads: 1)
        let several = try Self.run(threads: 3)
        #expect(single == several, "output differs between 1 and 3 threads")
        try GoldenFile.assertMatches(single["triples.jsonl"] ?? "", named: "end-to-end.triples.jsonl")
        try GoldenFile.assertMatches(single["mentions.jsonl"] ?? "", named: "end-to-end.mentions.jsonl")
        try GoldenFile.assertMatches(single["evidence.tsv"] ?? "", named: "end-to-end.evidence.tsv")

        // Facts the fixtures state, so a golden file recorded from broken output is caught.
        let triples = (single["triples.jsonl"] ?? "").split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        func has(_ predicate: String, _ subject: String, _ object: String, negated: Bool = false) -> Bool {
            triples.contains { triple in
                let subjectText = ((triple["subject"] as? [String: Any])?["text"] as? String)?.lowercased() ?? ""
                let objectText = ((triple["object"] as? [String: Any])?["text"] as? String)?.lowercased() ?? ""
                return triple["predicate"] as? String == predicate && subjectText.contains(subject)
                    && objectText.contains(object) && triple["negated"] as? Bool == negated
            }
        }
        #expect(has("indication", "topiramate", "migraine"))
        #expect(has("indication", "topiramate", "essential tremor", negated: true))
        #expect(has("mechanism", "allopurinol", "xanthine oxidase"))
        #expect(has("interaction", "fluvoxamine", "clozapine") || has("interaction", "clozapine", "fluvoxamine"))
        #expect(has("interaction", "allopurinol", "azathioprine") || has("interaction", "azathioprine", "allopurinol"))
    }
}
