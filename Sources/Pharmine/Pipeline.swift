import Foundation
public import PharmineCore
import PharmineIngest
import PharmineOutput
import Synchronization

/// Runs documents through the stages concurrently and writes the results in input order.
///
/// One reader thread streams ingest events from the files in input order; `threads` worker
/// threads run the stages on documents and encode their records; the calling thread writes the
/// records in input order, aggregates the evidence table and keeps the report. At most
/// ``PipelineConfiguration/documentsInFlight`` documents are between reading and writing at any
/// time, so memory does not grow with the input. The output is byte-identical for any thread
/// count.
///
/// A stage that throws fails only its document (counted in the report with the error's
/// description); the other documents go on. An output that cannot be written stops the run,
/// and no output file is left under its final name.
///
/// ```swift
/// let configuration = PipelineConfiguration(inputs: ["Corpora"], destination: .directory("Output"),
///                                           formats: [.triples, .evidence], threads: 4)
/// let summary = try Pipeline(configuration: configuration).run()
/// exit(summary.exitStatus)
/// ```
public struct Pipeline: Sendable {
    /// The configuration.
    public let configuration: PipelineConfiguration
    /// The stages, in the order they run.
    public let stages: [any Stage]
    /// Where documents come from.
    public let source: any DocumentSource
    /// Lexicon facts for the report.
    public let lexicon: [Infon]

    /// Creates a pipeline with the stages ``StageFactory`` builds for the configuration.
    ///
    /// - Parameter configuration: The configuration.
    /// - Throws: ``PipelineError`` for an invalid configuration or a lexicon that cannot be loaded.
    public init(configuration: PipelineConfiguration) throws(PipelineError) {
        try configuration.validate()
        let set = try StageFactory.makeStages(for: configuration)
        self.init(configuration: configuration, stages: set.stages, lexicon: set.lexicon)
    }

    /// Creates a pipeline with given stages and source.
    ///
    /// - Parameters:
    ///   - configuration: The configuration.
    ///   - stages: The stages, in run order.
    ///   - source: Where documents come from; ``Ingest`` with the configuration's options if nil.
    ///   - lexicon: Lexicon facts for the report.
    public init(
        configuration: PipelineConfiguration,
        stages: [any Stage],
        source: (any DocumentSource)? = nil,
        lexicon: [Infon] = []
    ) {
        self.configuration = configuration
        self.stages = stages
        self.source = source ?? Ingest(options: configuration.ingest)
        self.lexicon = lexicon
    }

    /// Runs the pipeline.
    ///
    /// - Parameter progress: Called on the calling thread about four times a second while the
    ///   run goes on (the CLI draws it only on a terminal).
    /// - Returns: The summary; its `exitStatus` is 1 if some documents failed.
    /// - Throws: ``PipelineError`` for a configuration, input or output error.
    public func run(progress: ((PipelineProgress) -> Void)? = nil) throws(PipelineError) -> RunSummary {
        try configuration.validate()
        let clock = ContinuousClock()
        let startInstant = clock.now
        var report = RunReport(
            version: PharmineVersion.current,
            command: configuration.command,
            inputs: configuration.inputs,
            formats: configuration.formats
        )
        report.started = Date()
        report.threads = configuration.threads
        report.lexicon = lexicon

        let listing: (files: [String], ignored: [Ingest.IgnoredFile])
        do {
            listing = try source.files(for: configuration.inputs)
        } catch {
            throw PipelineError(.input, path: error.file, message: error.message)
        }
        report.ignored = listing.ignored.map { RunReport.IgnoredFile(path: $0.path, reason: $0.reason) }
        let sizes = listing.files.map(Self.fileSize)
        let log = ReaderLog(files: zip(listing.files, sizes).map { RunReport.FileRead(path: $0, bytes: $1) })
        let bytesTotal = sizes.reduce(0, +)

        var sinks = try openSinks()
        defer { for sink in sinks { sink.file.discard() } }

        let work = OrderedWorkQueue<IngestEvent, Outcome>(capacity: configuration.documentsInFlight)
        let group = DispatchGroup()
        startReader(files: listing.files, log: log, work: work, group: group)
        let needsTriples = configuration.formats.contains(.evidence) || configuration.formats.contains(.kgx)
        let context = WorkerContext(
            stages: stages,
            formats: configuration.formats.filter(\.isStreamed),
            keepTriples: needsTriples
        )
        for _ in 0..<configuration.threads {
            startWorker(context: context, work: work, group: group)
        }

        var evidence = EvidenceTable()
        var written = 0
        var lastProgress = clock.now
        var failure: PipelineError?
        while let outcome = work.nextOutput() {
            switch outcome {
            case .extracted(let result):
                report.extracted += 1
                for (type, count) in result.mentions { report.mentions[type, default: 0] += count }
                for (predicate, count) in result.triples { report.triples[predicate, default: 0] += count }
                if needsTriples { evidence.add(documentID: result.id, triples: result.tripleLayer) }
                do {
                    for index in sinks.indices {
                        guard let records = result.records[sinks[index].format] else { continue }
                        try sinks[index].file.write(records.bytes)
                        sinks[index].records += records.count
                    }
                } catch {
                    failure = PipelineError(.output, path: error.path, message: error.message)
                }
            case .skipped(let skipped):
                report.skipped.append(skipped)
            case .failed(let failed):
                report.failed.append(failed)
            }
            if failure != nil {
                work.cancel()
                break
            }
            written += 1
            if let progress, clock.now - lastProgress >= .milliseconds(250) {
                lastProgress = clock.now
                let elapsed = Self.seconds(clock.now - startInstant)
                progress(
                    PipelineProgress(
                        documents: written,
                        bytesDone: log.bytesDone.load(ordering: .relaxed),
                        bytesTotal: bytesTotal,
                        elapsed: elapsed
                    )
                )
            }
        }
        group.wait()
        if let failure { throw failure }
        report.files = log.files

        var writtenPaths: [String] = []
        do {
            for index in sinks.indices {
                let sink = sinks[index]
                switch sink.format {
                case .evidence:
                    try evidence.write(to: sink.file)
                    sinks[index].records = evidence.count
                case .kgx:
                    if sink.file.path.hasSuffix("nodes.tsv") {
                        try KGXExport.writeNodes(of: evidence, to: sink.file)
                    } else {
                        try KGXExport.writeEdges(of: evidence, to: sink.file)
                    }
                    sinks[index].records = evidence.count
                default:
                    break
                }
            }
            for sink in sinks {
                try sink.file.commit()
                if sink.file.path != "-" { writtenPaths.append(sink.file.path) }
                report.outputs.append(
                    RunReport.OutputRecord(
                        format: sink.format,
                        file: sink.file.path == "-" ? "-" : (sink.file.path as NSString).lastPathComponent,
                        records: sink.records,
                        bytes: sink.file.bytesWritten
                    )
                )
            }
            report.finished = report.started.addingTimeInterval(Self.seconds(clock.now - startInstant))
            if let reportPath = configuration.effectiveReportPath {
                let bytes = report.json
                try OutputFile.write(to: reportPath) { try $0.write(bytes) }
                writtenPaths.append(reportPath)
            }
        } catch let error as OutputError {
            throw PipelineError(.output, path: error.path, message: error.message)
        } catch {
            throw PipelineError(.output, message: "\(error)")
        }
        return RunSummary(report: report, writtenPaths: writtenPaths)
    }

    // MARK: - Outputs

    /// An open output file and the format it holds.
    private struct Sink {
        var format: OutputFormat
        var file: OutputFile
        var records = 0
    }

    private func openSinks() throws(PipelineError) -> [Sink] {
        var sinks: [Sink] = []
        do {
            switch configuration.destination {
            case .directory(let directory):
                try Self.makeDirectory(directory)
                for format in configuration.formats {
                    for name in format.fileNames {
                        let path = (directory as NSString).appendingPathComponent(name)
                        sinks.append(Sink(format: format, file: try OutputFile(path: path)))
                    }
                }
            case .file(let path):
                try Self.makeDirectory(URL(fileURLWithPath: path).deletingLastPathComponent().path)
                if let format = configuration.formats.first {
                    sinks.append(Sink(format: format, file: try OutputFile(path: path)))
                }
            case .standardOutput:
                if let format = configuration.formats.first {
                    sinks.append(Sink(format: format, file: OutputFile.standardOutput()))
                }
            }
            if let reportPath = configuration.effectiveReportPath {
                try Self.makeDirectory(URL(fileURLWithPath: reportPath).deletingLastPathComponent().path)
            }
        } catch {
            for sink in sinks { sink.file.discard() }
            throw PipelineError(.output, path: error.path, message: error.message)
        }
        return sinks
    }

    private static func makeDirectory(_ path: String) throws(OutputError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw OutputError(.directory, path: path, message: "exists and is not a directory")
            }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw OutputError(.directory, path: path, message: "cannot create the output directory")
        }
    }

    private static func fileSize(_ path: String) -> Int {
        guard path != "-", let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return 0 }
        return (attributes[.size] as? NSNumber)?.intValue ?? 0
    }

    private static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }

    // MARK: - Threads

    private func startReader(
        files: [String],
        log: ReaderLog,
        work: OrderedWorkQueue<IngestEvent, Outcome>,
        group: DispatchGroup
    ) {
        let source = source
        group.enter()
        let thread = Thread {
            defer {
                work.finishSubmitting()
                group.leave()
            }
            var open = true
            for (index, file) in files.enumerated() {
                source.read(file: file) { event in
                    guard open else { return }
                    if case .document(let document) = event { log.count(document.format, in: index) }
                    open = work.submit(event)
                }
                log.finish(index)
                if !open { return }
            }
        }
        thread.name = "pharmine-reader"
        thread.stackSize = 8 << 20
        thread.start()
    }

    private func startWorker(
        context: WorkerContext,
        work: OrderedWorkQueue<IngestEvent, Outcome>,
        group: DispatchGroup
    ) {
        group.enter()
        let thread = Thread {
            defer { group.leave() }
            var json = JSONWriter(capacity: 1 << 16)
            while let (sequence, event) = work.nextInput() {
                work.complete(sequence, with: context.process(event, json: &json))
            }
        }
        thread.name = "pharmine-worker"
        thread.stackSize = 8 << 20
        thread.start()
    }
}

// MARK: - Worker side

/// What a worker made of one ingest event.
enum Outcome: Sendable {
    case extracted(ProcessedDocument)
    case skipped(RunReport.Skipped)
    case failed(RunReport.Failed)
}

/// A processed document, reduced to what the writer needs.
struct ProcessedDocument: Sendable {
    var id: String
    /// Encoded records per streamed format, with their count.
    var records: [OutputFormat: (bytes: [UInt8], count: Int)]
    var mentions: [EntityType: Int]
    var triples: [PharmineCore.Predicate: Int]
    /// The triples, kept only when the evidence table or KGX export is written.
    var tripleLayer: [Triple]
}

/// What every worker shares: the stages and which records to encode.
struct WorkerContext: Sendable {
    var stages: [any Stage]
    var formats: [OutputFormat]
    var keepTriples: Bool
    let encoder = RecordEncoder()

    func process(_ event: IngestEvent, json: inout JSONWriter) -> Outcome {
        switch event {
        case .skipped(let skipped):
            return .skipped(
                RunReport.Skipped(
                    file: skipped.file,
                    id: skipped.documentID,
                    line: skipped.line,
                    reason: skipped.reason
                )
            )
        case .failed(let error):
            return .failed(
                RunReport.Failed(
                    code: error.code.name,
                    file: error.file,
                    line: error.line,
                    id: error.documentID,
                    index: error.documentIndex,
                    message: error.message
                )
            )
        case .document(var document):
            for stage in stages {
                do {
                    document = try stage.process(document)
                } catch {
                    return .failed(
                        RunReport.Failed(
                            code: "stage_failed",
                            file: document.origin.file,
                            line: document.origin.line,
                            id: document.id,
                            index: document.origin.index,
                            stage: String(describing: type(of: stage)),
                            message: String(describing: error)
                        )
                    )
                }
            }
            var result = ProcessedDocument(
                id: document.id,
                records: [:],
                mentions: [:],
                triples: [:],
                tripleLayer: keepTriples ? document.triples : []
            )
            for mention in document.mentions { result.mentions[mention.type, default: 0] += 1 }
            for triple in document.triples { result.triples[triple.predicate, default: 0] += 1 }
            result.records = encoder.records(of: document, formats: formats, json: &json)
            return .extracted(result)
        }
    }
}

/// Per-file facts gathered by the reader thread, and the bytes of files read completely.
final class ReaderLog: @unchecked Sendable {
    /// Written only by the reader thread; read after it has finished.
    private(set) var files: [RunReport.FileRead]
    /// Bytes of files read completely, read by the writer for progress.
    let bytesDone = Atomic<Int>(0)

    init(files: [RunReport.FileRead]) {
        self.files = files
    }

    func count(_ format: DocumentFormat, in file: Int) {
        if files[file].format == nil { files[file].format = format }
        files[file].documents += 1
    }

    func finish(_ file: Int) {
        bytesDone.add(files[file].bytes, ordering: .relaxed)
    }
}
