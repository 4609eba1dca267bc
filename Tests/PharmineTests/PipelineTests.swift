import Foundation
import Pharmine
import PharmineCore
import PharmineIngest
import PharmineOutput
import Synchronization
import Testing

@Suite struct PipelineTests {
    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "pharmine-pipeline-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static let stubStages: [any Stage] = [SentenceStub(), MentionStub(), TripleStub()]
    static let allFormats: [OutputFormat] = [.triples, .mentions, .documents, .evidence, .kgx]

    static func configuration(output: String, threads: Int, maxInFlight: Int? = nil, files: Int = 4)
        -> PipelineConfiguration
    {
        PipelineConfiguration(
            inputs: (1...files).map { "file-\($0)" },
            destination: .directory(output),
            formats: allFormats,
            threads: threads,
            maxInFlight: maxInFlight
        )
    }

    static func contents(of directory: String) throws -> [String: String] {
        var files: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) {
            files[name] = try String(contentsOfFile: directory + "/" + name, encoding: .utf8)
        }
        return files
    }

    /// The report without its `run` object (the only part allowed to vary).
    static func deterministicPart(of report: String) -> String {
        String(report[..<(report.range(of: "\"run\":")?.lowerBound ?? report.endIndex)])
    }

    @Test func outputIsByteIdenticalForAnyThreadCount() throws {
        let source = StubSource(documentsPerFile: 60)
        var outputs: [[String: String]] = []
        for (threads, bound) in [(1, nil), (4, 8), (3, 2)] as [(Int, Int?)] {
            let directory = try Self.temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let pipeline = Pipeline(
                configuration: Self.configuration(output: directory, threads: threads, maxInFlight: bound),
                stages: Self.stubStages + [JitterStage()],
                source: source
            )
            let summary = try pipeline.run()
            #expect(summary.exitStatus == 0)
            #expect(summary.report.extracted == 240)
            var files = try Self.contents(of: directory)
            files["run-report.json"] = files["run-report.json"].map(Self.deterministicPart)
            outputs.append(files)
        }
        #expect(
            outputs[0].keys.sorted() == [
                "documents.jsonl", "edges.tsv", "evidence.tsv", "mentions.jsonl", "nodes.tsv", "run-report.json",
                "triples.jsonl",
            ]
        )
        #expect((outputs[0]["triples.jsonl"]?.count ?? 0) > 1000)
        for other in outputs.dropFirst() {
            for (name, text) in outputs[0] {
                #expect(other[name] == text, "\(name) differs between thread counts")
            }
        }
        // Records come in input order.
        let ids = outputs[0]["documents.jsonl"]?.split(separator: "\n").map { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["id"] as? String ?? ""
        }
        #expect(ids == (1...4).flatMap { file in (0..<60).map { "PMID:\(file * 1000 + $0)" } })
    }

    @Test func aStageFailureFailsOnlyItsDocument() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let pipeline = Pipeline(
            configuration: Self.configuration(output: directory, threads: 3, files: 2),
            stages: Self.stubStages + [FailingStage(ids: ["PMID:1005"])],
            source: StubSource(documentsPerFile: 20)
        )
        let summary = try pipeline.run()
        #expect(summary.exitStatus == 1)
        #expect(summary.report.extracted == 39)
        let failure = try #require(summary.failed.first)
        #expect(summary.failed.count == 1)
        #expect(failure.code == "stage_failed")
        #expect(failure.id == "PMID:1005")
        #expect(failure.file == "file-1")
        #expect(failure.line == 6)
        #expect(failure.index == 5)
        #expect(failure.stage == "FailingStage")
        #expect(failure.message == "boom on PMID:1005")
        let documents = try String(contentsOfFile: directory + "/documents.jsonl", encoding: .utf8)
        #expect(documents.split(separator: "\n").count == 39)
        #expect(!documents.contains("\"PMID:1005\""))
        #expect(documents.contains("\"PMID:1006\""))
        #expect(summary.text.contains("failed: file-1:6 (PMID:1005): stage_failed: boom on PMID:1005"))
    }

    @Test func theReportAccountsForEveryEvent() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var source = StubSource(documentsPerFile: 25)
        source.skipped = ["PMID:1003", "PMID:2010"]
        source.failed = ["PMID:2000"]
        // Let the real directory walker produce an ignored file.
        try FileManager.default.createDirectory(atPath: directory + "/in", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: directory + "/in/notes.doc", contents: Data("x".utf8))
        source.ignored = try Ingest().files(for: [directory + "/in"]).ignored
        let pipeline = Pipeline(
            configuration: Self.configuration(output: directory + "/out", threads: 2, files: 3),
            stages: Self.stubStages + [FailingStage(ids: ["PMID:3024"])],
            source: source,
            lexicon: [Infon("directory", "Lexicons")]
        )
        let summary = try pipeline.run()
        let report = summary.report
        #expect(report.total == source.emitted.current)
        #expect(report.total == 75)
        #expect(report.extracted == 71)
        #expect(report.skipped.map(\.id) == ["PMID:1003", "PMID:2010"])
        #expect(report.failed.map(\.id) == ["PMID:2000", "PMID:3024"])
        #expect(report.failed.map(\.code) == ["malformed_xml", "stage_failed"])
        #expect(report.files.map(\.documents) == [24, 23, 25])  // a stage failure was still read
        #expect(report.files.allSatisfy { $0.format == .medline })

        let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/out/run-report.json"))
        let json = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let documents = try #require(json["documents"] as? [String: Int])
        #expect(documents["total"] == 75)
        #expect(documents["extracted"]! + documents["skipped"]! + documents["failed"]! == 75)
        let lexicon = try #require(json["lexicon"] as? [String: String])
        #expect(lexicon == ["directory": "Lexicons"])
        let ignored = try #require((json["files"] as? [String: Any])?["ignored"] as? [[String: String]])
        #expect(ignored.first?["reason"] == "unsupported file type '.doc'")
        let outputs = try #require(json["outputs"] as? [[String: Any]])
        #expect(
            outputs.map { $0["file"] as? String } == [
                "triples.jsonl", "mentions.jsonl", "documents.jsonl", "evidence.tsv", "nodes.tsv", "edges.tsv",
            ]
        )
        let triplesOutput = try #require(outputs.first)
        let tripleLines = try String(contentsOfFile: directory + "/out/triples.jsonl", encoding: .utf8).split(
            separator: "\n"
        )
        #expect(triplesOutput["records"] as? Int == tripleLines.count)
        let triplesByPredicate = try #require(json["triples"] as? [String: Int])
        #expect(triplesByPredicate.values.reduce(0, +) == tripleLines.count)
    }

    @Test func readingStaysWithinTheBoundOnDocumentsInFlight() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let source = StubSource(documentsPerFile: 300)
        let probe = GapProbe(source: source)
        let pipeline = Pipeline(
            configuration: Self.configuration(output: directory, threads: 2, maxInFlight: 5, files: 1),
            stages: [JitterStage(), probe],
            source: source
        )
        _ = try pipeline.run()
        let gap = probe.maximumGap.load(ordering: .relaxed)
        #expect(gap <= 6)
        #expect(gap >= 1)
    }

    @Test func aMissingInputIsAnInputError() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var configuration = Self.configuration(output: directory + "/out", threads: 1)
        configuration.inputs.append("nowhere")
        let pipeline = Pipeline(configuration: configuration, stages: [], source: StubSource(documentsPerFile: 1))
        let error = try #require(throws: PipelineError.self) { try pipeline.run() }
        #expect(error.code == .input)
        #expect(error.isUsageError)
        #expect(!FileManager.default.fileExists(atPath: directory + "/out"))
    }

    @Test func anOutputPathThatIsAFileLeavesNothingBehind() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let blocker = directory + "/Output"
        _ = FileManager.default.createFile(atPath: blocker, contents: Data("x".utf8))
        let pipeline = Pipeline(
            configuration: Self.configuration(output: blocker, threads: 1),
            stages: Self.stubStages,
            source: StubSource(documentsPerFile: 3)
        )
        let error = try #require(throws: PipelineError.self) { try pipeline.run() }
        #expect(error.code == .output)
        #expect(!error.isUsageError)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["Output"])
    }

    @Test func aFailedReportLeavesNoHalfFiles() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // The report path is an existing non-empty directory, so renaming onto it fails.
        try FileManager.default.createDirectory(atPath: directory + "/report/x", withIntermediateDirectories: true)
        var configuration = Self.configuration(output: directory + "/out", threads: 2, files: 1)
        configuration.reportPath = directory + "/report"
        let pipeline = Pipeline(
            configuration: configuration,
            stages: Self.stubStages,
            source: StubSource(documentsPerFile: 4)
        )
        #expect(throws: PipelineError.self) { try pipeline.run() }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.contains("partial") }
        #expect(leftovers == [])
    }

    @Test func configurationChecks() throws {
        var configuration = PipelineConfiguration(
            inputs: ["a"],
            destination: .standardOutput,
            formats: [.triples, .mentions]
        )
        #expect(throws: PipelineError.self) { try configuration.validate() }
        configuration.formats = [.kgx]
        #expect(throws: PipelineError.self) { try configuration.validate() }
        configuration.formats = [.evidence]
        try configuration.validate()
        configuration.threads = 0
        #expect(throws: PipelineError.self) { try configuration.validate() }
        configuration.threads = 2
        configuration.lexiconDirectory = "/nonexistent-lexicons"
        let error = try #require(throws: PipelineError.self) { try configuration.validate() }
        #expect(error.code == .lexicon)
        configuration.stages = .none
        try configuration.validate()
        #expect(
            PipelineConfiguration(inputs: ["a"], destination: .directory("Out"), formats: [.triples])
                .effectiveReportPath
                == "Out/run-report.json"
        )
        #expect(configuration.effectiveReportPath == nil)
    }

    @Test func stubPipelineMatchesGoldenFiles() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let pipeline = Pipeline(
            configuration: Self.configuration(output: directory, threads: 2, files: 1),
            stages: Self.stubStages,
            source: StubSource(documentsPerFile: 4)
        )
        _ = try pipeline.run()
        for name in ["triples.jsonl", "mentions.jsonl", "evidence.tsv", "edges.tsv"] {
            let text = try String(contentsOfFile: directory + "/" + name, encoding: .utf8)
            try GoldenFile.assertMatches(text, named: "stub-pipeline." + name)
        }
    }

    @Test func progressLineShowsRateAndETA() {
        let progress = PipelineProgress(documents: 150, bytesDone: 3_000_000, bytesTotal: 12_000_000, elapsed: 10)
        #expect(progress.remaining == 30)
        #expect(progress.line == "150 documents, 15.0 docs/s, 0.30 MB/s, 25%, ETA 0:30")
    }
}
