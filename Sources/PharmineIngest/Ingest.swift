import Foundation
public import PharmineCore

/// Options for reading inputs.
public struct IngestOptions: Sendable, Hashable {
    /// Read plain-text files as one document per line (the usual dump of abstract corpora).
    public var linePerDocument: Bool
    /// Use this format for every file instead of detecting it.
    public var format: DocumentFormat?

    /// Creates options.
    ///
    /// - Parameters:
    ///   - linePerDocument: One document per line for plain text.
    ///   - format: A format to force, or nil to detect.
    public init(linePerDocument: Bool = false, format: DocumentFormat? = nil) {
        self.linePerDocument = linePerDocument
        self.format = format
    }
}

/// A reader of one format.
///
/// A reader streams its file, emits one event per document, and throws only for a failure that
/// ends the file (the dispatcher reports it as a failed event naming the file).
package protocol FormatReader: Sendable {
    /// Reads every document of a source.
    ///
    /// - Parameters:
    ///   - source: The opened input, not yet read (its prefix may have been peeked).
    ///   - options: The ingest options.
    ///   - emit: Called once per document, in file order.
    /// - Throws: ``IngestError`` for a failure that ends the file.
    func read(
        _ source: ByteSource,
        options: IngestOptions,
        emit: (IngestEvent) -> Void
    )
        throws(IngestError)
}

/// The ingest stage: walks inputs, detects each file's format and streams its documents.
///
/// Produces ``IngestEvent``s in a stable order: inputs in the order given, directories walked
/// recursively with their entries sorted by name, documents in file order.
///
/// ```swift
/// let ingest = Ingest()
/// try ingest.read(inputs: ["Corpora"]) { event in print(event) }
/// ```
public struct Ingest: Sendable {
    /// The options.
    public var options: IngestOptions

    /// File name endings read when a directory is walked.
    public static let readableExtensions: Set<String> = [
        "xml", "nxml", "txt", "text", "bioc", "pubtator", "medline", "nbib", "gz", "tar", "tgz",
    ]

    /// Creates the stage.
    ///
    /// - Parameter options: Reading options.
    public init(options: IngestOptions = IngestOptions()) {
        self.options = options
    }

    /// A file that directory walking passed over, with the reason.
    public struct IgnoredFile: Sendable, Hashable {
        /// The path.
        public var path: String
        /// Why it was not read.
        public var reason: String
    }

    /// Expands inputs into the files to read, in a stable order.
    ///
    /// - Parameter inputs: Files, directories, or `-` for standard input.
    /// - Returns: The files to read, and the files inside directories that were passed over.
    /// - Throws: ``IngestError`` with code `unreadable` for an input that does not exist.
    public func files(
        for inputs: [String]
    ) throws(IngestError) -> (
        files: [String], ignored: [IgnoredFile]
    ) {
        var files: [String] = []
        var ignored: [IgnoredFile] = []
        let manager = FileManager.default
        for input in inputs {
            if input == "-" {
                files.append(input)
                continue
            }
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: input, isDirectory: &isDirectory) else {
                throw IngestError(.unreadable, file: input, message: "no such file or directory")
            }
            guard isDirectory.boolValue else {
                files.append(input)
                continue
            }
            guard let enumerator = manager.enumerator(atPath: input) else {
                throw IngestError(.unreadable, file: input, message: "cannot list directory")
            }
            var found: [String] = []
            while let relative = enumerator.nextObject() as? String {
                let path = (input as NSString).appendingPathComponent(relative)
                var isDir: ObjCBool = false
                guard manager.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue else {
                    continue
                }
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") { continue }
                let ext = (name as NSString).pathExtension.lowercased()
                if Self.readableExtensions.contains(ext) {
                    found.append(path)
                } else {
                    let reason = ext.isEmpty ? "no file extension" : "unsupported file type '.\(ext)'"
                    ignored.append(IgnoredFile(path: path, reason: reason))
                }
            }
            files.append(contentsOf: found.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        }
        ignored.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        return (files, ignored)
    }

    /// Reads one file, detecting its format.
    ///
    /// A tar archive (plain or gzipped) is read member by member, each regular member as an input
    /// of its own with its own format detection, named `ARCHIVE:member/path` in origins and
    /// errors (see ``TarArchiveReader``). A forced format (``IngestOptions/format``) applies to
    /// each member, not to the archive.
    ///
    /// Never throws: a file that cannot be read becomes one `failed` event naming it.
    ///
    /// - Parameters:
    ///   - file: The path, or `-`.
    ///   - emit: Called once per document, in file order.
    public func read(file: String, emit: (IngestEvent) -> Void) {
        do throws(IngestError) {
            try read(try ByteSource(path: file), emit: emit)
        } catch {
            emit(.failed(error))
        }
    }

    /// Reads an opened source: a tar archive member by member, anything else with the reader of
    /// its (detected or forced) format.
    ///
    /// - Parameters:
    ///   - source: The source, not yet read.
    ///   - emit: Called once per document, in source order.
    /// - Throws: ``IngestError`` for a failure that ends the source.
    private func read(_ source: ByteSource, emit: (IngestEvent) -> Void) throws(IngestError) {
        let file = source.name
        let verdict = FormatDetector.detect(try source.peek(FormatDetector.prefixLength))
        if verdict == .tarArchive {
            try TarArchiveReader(archive: source).read(emit: emit) { member in
                var reported = false
                do throws(IngestError) {
                    try read(member) { event in
                        if case .failed = event { reported = true }
                        emit(event)
                    }
                } catch {
                    reported = true
                    emit(.failed(error))
                }
                return reported
            }
            return
        }
        let format: DocumentFormat
        if let forced = options.format {
            format = forced
        } else {
            switch verdict {
            case .format(let detected):
                format = detected
            case .tarArchive:
                return  // Read member by member above.
            case .empty:
                throw IngestError(.empty, file: file, message: "the file is empty")
            case .binary:
                throw IngestError(
                    .binary,
                    file: file,
                    message: "the file holds binary data, not text or XML"
                )
            case .unknownXML(let root):
                throw IngestError(
                    .unknownFormat,
                    file: file,
                    message: root.isEmpty
                        ? "XML without a root element"
                        : "unsupported XML root element <\(root)>"
                )
            }
        }
        guard let reader = Self.reader(for: format) else {
            throw IngestError(
                .unknownFormat,
                file: file,
                message: "no reader for format \(format.rawValue)"
            )
        }
        try reader.read(source, options: options, emit: emit)
    }

    /// Reads every input in order.
    ///
    /// - Parameters:
    ///   - inputs: Files, directories, or `-`.
    ///   - emit: Called once per document, in input order.
    /// - Throws: ``IngestError`` when an input does not exist (before anything is read).
    public func read(inputs: [String], emit: (IngestEvent) -> Void) throws(IngestError) {
        for file in try files(for: inputs).files {
            read(file: file, emit: emit)
        }
    }

    /// The reader of a format.
    package static func reader(for format: DocumentFormat) -> (any FormatReader)? {
        switch format {
        case .medline: MedlineXMLReader()
        case .bioc: BioCXMLReader()
        case .jats: JATSReader()
        case .spl: SPLReader()
        case .text: PlainTextReader()
        case .medlineText: MedlineTextReader()
        case .pubtator: PubTatorReader()
        }
    }
}
