public import Foundation
public import PharmineCore

/// What a run did, written as `run-report.json`.
///
/// Every input document is accounted for: each ingest event is an extracted, skipped or failed
/// document, so `documents.total` = `extracted` + `skipped` + `failed`. Everything that depends
/// only on the inputs and options comes first; the `run` object at the end holds what varies from
/// run to run (threads, times, speeds).
///
/// Layout (pretty-printed, keys in this order):
///
/// ```
/// {
///   "tool": "pharmine", "version": "0.1.0", "command": "extract",
///   "inputs": ["Corpora"], "formats": ["triples", "evidence"],
///   "lexicon": {"directory": "Lexicons", …},
///   "files": {"read": 2, "bytes": 5120, "formats": {"medline": 1, "text": 1},
///             "list": [{"path": …, "format": "medline", "bytes": …, "documents": 3}],
///             "ignored": [{"path": …, "reason": …}]},
///   "documents": {"total": 5, "extracted": 4, "skipped": 0, "failed": 1},
///   "skipped": [{"file": …, "id": …, "line": null, "reason": "deleted"}],
///   "failed": [{"code": …, "file": …, "line": 12, "id": …, "index": 3, "stage": null, "message": …}],
///   "mentions": {"drug": 10, "condition": 7, "receptor": 2},
///   "triples": {"indication": 3, "mechanism": 1, "interaction": 0},
///   "outputs": [{"format": "triples", "file": "triples.jsonl", "records": 4, "bytes": 2048}],
///   "run": {"threads": 2, "started": "2026-01-01T10:00:00Z", "finished": …,
///           "elapsed_seconds": 1.5, "documents_per_second": 3.333, "megabytes_per_second": 0.003}
/// }
/// ```
public struct RunReport: Sendable {
    /// An input file that was read.
    public struct FileRead: Sendable, Hashable {
        /// The path.
        public var path: String
        /// The format of its documents, nil if it yielded none.
        public var format: DocumentFormat?
        /// Its size on disk in bytes (compressed size for gzip).
        public var bytes: Int
        /// The documents it yielded.
        public var documents: Int

        /// Creates a record.
        public init(path: String, format: DocumentFormat? = nil, bytes: Int = 0, documents: Int = 0) {
            self.path = path
            self.format = format
            self.bytes = bytes
            self.documents = documents
        }
    }

    /// A file that directory walking passed over.
    public struct IgnoredFile: Sendable, Hashable {
        /// The path.
        public var path: String
        /// Why it was not read.
        public var reason: String

        /// Creates a record.
        public init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }
    }

    /// A document deliberately not extracted.
    public struct Skipped: Sendable, Hashable {
        /// The file.
        public var file: String
        /// The document id.
        public var id: String
        /// The line, when known.
        public var line: Int?
        /// Why (`deleted`, `no_text`, …).
        public var reason: String

        /// Creates a record.
        public init(file: String, id: String, line: Int?, reason: String) {
            self.file = file
            self.id = id
            self.line = line
            self.reason = reason
        }
    }

    /// A document, or a whole file, that failed.
    public struct Failed: Sendable, Hashable {
        /// A stable code: an ingest error code, or `stage_failed`.
        public var code: String
        /// The file.
        public var file: String
        /// The line, when known.
        public var line: Int?
        /// The document id, when known.
        public var id: String?
        /// The ordinal of the document in its file, when known.
        public var index: Int?
        /// The stage that threw (its type name), for a stage failure.
        public var stage: String?
        /// A readable explanation.
        public var message: String

        /// Creates a record.
        public init(
            code: String,
            file: String,
            line: Int? = nil,
            id: String? = nil,
            index: Int? = nil,
            stage: String? = nil,
            message: String
        ) {
            self.code = code
            self.file = file
            self.line = line
            self.id = id
            self.index = index
            self.stage = stage
            self.message = message
        }
    }

    /// An output file that was written.
    public struct OutputRecord: Sendable, Hashable {
        /// The format.
        public var format: OutputFormat
        /// The file name (relative to the output directory), or `-` for standard output.
        public var file: String
        /// Records (lines, or table rows without the header) written.
        public var records: Int
        /// Bytes written.
        public var bytes: Int

        /// Creates a record.
        public init(format: OutputFormat, file: String, records: Int, bytes: Int) {
            self.format = format
            self.file = file
            self.records = records
            self.bytes = bytes
        }
    }

    /// The tool's name.
    public var tool = "pharmine"
    /// The tool's version.
    public var version: String
    /// The verb that ran (`extract`, `docs`, `mentions`).
    public var command: String
    /// The inputs as given.
    public var inputs: [String]
    /// The formats written.
    public var formats: [OutputFormat]
    /// What the caller says about the lexicons used (directory, entry counts, versions…).
    public var lexicon: [Infon] = []
    /// Files read, in input order.
    public var files: [FileRead] = []
    /// Files passed over while walking directories.
    public var ignored: [IgnoredFile] = []
    /// Documents extracted.
    public var extracted = 0
    /// Documents skipped.
    public var skipped: [Skipped] = []
    /// Documents or files that failed.
    public var failed: [Failed] = []
    /// Mentions written, by type.
    public var mentions: [EntityType: Int] = [:]
    /// Triples written, by predicate.
    public var triples: [PharmineCore.Predicate: Int] = [:]
    /// Output files written.
    public var outputs: [OutputRecord] = []
    /// Worker threads.
    public var threads = 1
    /// When the run started.
    public var started = Date(timeIntervalSince1970: 0)
    /// When it finished.
    public var finished = Date(timeIntervalSince1970: 0)

    /// Creates a report.
    ///
    /// - Parameters:
    ///   - version: The tool version.
    ///   - command: The verb.
    ///   - inputs: The inputs.
    ///   - formats: The formats written.
    public init(version: String, command: String, inputs: [String], formats: [OutputFormat]) {
        self.version = version
        self.command = command
        self.inputs = inputs
        self.formats = formats
    }

    /// Every document accounted for: extracted + skipped + failed.
    public var total: Int { extracted + skipped.count + failed.count }

    /// The bytes of the files read.
    public var bytesRead: Int { files.reduce(0) { $0 + $1.bytes } }

    /// Seconds from start to finish.
    public var elapsed: Double { finished.timeIntervalSince(started) }

    /// The report as pretty-printed JSON, ending with a line feed.
    public var json: [UInt8] {
        var json = JSONWriter(pretty: true, capacity: 4096)
        json.beginObject()
        json.field("tool", tool)
        json.field("version", version)
        json.field("command", command)
        json.key("inputs")
        json.beginArray()
        for input in inputs { json.string(input) }
        json.endArray()
        json.key("formats")
        json.beginArray()
        for format in formats { json.string(format.rawValue) }
        json.endArray()
        json.key("lexicon")
        json.beginObject()
        for infon in lexicon {
            json.key(string: infon.key)
            json.string(infon.value)
        }
        json.endObject()

        json.key("files")
        json.beginObject()
        json.field("read", files.count)
        json.field("bytes", bytesRead)
        json.key("formats")
        json.beginObject()
        var byFormat: [DocumentFormat: Int] = [:]
        for file in files {
            if let format = file.format { byFormat[format, default: 0] += 1 }
        }
        for format in DocumentFormat.allCases {
            guard let count = byFormat[format] else { continue }
            json.key(string: format.rawValue)
            json.int(count)
        }
        json.endObject()
        json.key("list")
        json.beginArray()
        for file in files {
            json.beginObject()
            json.field("path", file.path)
            json.field("format", file.format?.rawValue)
            json.field("bytes", file.bytes)
            json.field("documents", file.documents)
            json.endObject()
        }
        json.endArray()
        json.key("ignored")
        json.beginArray()
        for file in ignored {
            json.beginObject()
            json.field("path", file.path)
            json.field("reason", file.reason)
            json.endObject()
        }
        json.endArray()
        json.endObject()

        json.key("documents")
        json.beginObject()
        json.field("total", total)
        json.field("extracted", extracted)
        json.field("skipped", skipped.count)
        json.field("failed", failed.count)
        json.endObject()

        json.key("skipped")
        json.beginArray()
        for entry in skipped {
            json.beginObject()
            json.field("file", entry.file)
            json.field("id", entry.id)
            json.field("line", entry.line)
            json.field("reason", entry.reason)
            json.endObject()
        }
        json.endArray()

        json.key("failed")
        json.beginArray()
        for entry in failed {
            json.beginObject()
            json.field("code", entry.code)
            json.field("file", entry.file)
            json.field("line", entry.line)
            json.field("id", entry.id)
            json.field("index", entry.index)
            json.field("stage", entry.stage)
            json.field("message", entry.message)
            json.endObject()
        }
        json.endArray()

        json.key("mentions")
        json.beginObject()
        for type in EntityType.allCases {
            json.key(string: type.rawValue)
            json.int(mentions[type] ?? 0)
        }
        json.endObject()
        json.key("triples")
        json.beginObject()
        for predicate in PharmineCore.Predicate.allCases {
            json.key(string: predicate.rawValue)
            json.int(triples[predicate] ?? 0)
        }
        json.endObject()

        json.key("outputs")
        json.beginArray()
        for output in outputs {
            json.beginObject()
            json.field("format", output.format.rawValue)
            json.field("file", output.file)
            json.field("records", output.records)
            json.field("bytes", output.bytes)
            json.endObject()
        }
        json.endArray()

        let seconds = max(elapsed, 0)
        json.key("run")
        json.beginObject()
        json.field("threads", threads)
        json.field("started", started.formatted(.iso8601))
        json.field("finished", finished.formatted(.iso8601))
        json.key("elapsed_seconds")
        json.double(seconds)
        json.key("documents_per_second")
        json.double(seconds > 0 ? Double(total) / seconds : 0)
        json.key("megabytes_per_second")
        json.double(seconds > 0 ? Double(bytesRead) / 1_000_000 / seconds : 0)
        json.endObject()
        json.endObject()
        json.newline()
        return json.bytes
    }
}
