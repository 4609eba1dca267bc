public import PharmineCore

/// An error of the ingest stage: a file or a document that could not be read.
///
/// Every error names the file, and where known the line and the document id.
public struct IngestError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, as an extensible set of codes.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        /// The code's stable name, as written in run reports.
        public let name: String

        /// Creates a code.
        ///
        /// - Parameter name: The stable name.
        public init(_ name: String) { self.name = name }

        public var description: String { name }

        /// The file could not be opened or read.
        public static let unreadable = Code("unreadable")
        /// The file is empty.
        public static let empty = Code("empty")
        /// The file holds binary data.
        public static let binary = Code("binary")
        /// The gzip stream is truncated or corrupt.
        public static let corruptGzip = Code("corrupt_gzip")
        /// The text is not valid UTF-8.
        public static let invalidUTF8 = Code("invalid_utf8")
        /// A tar archive is truncated or corrupt.
        public static let corruptArchive = Code("corrupt_archive")
        /// The XML is not well-formed.
        public static let malformedXML = Code("malformed_xml")
        /// The XML root element is not one of a supported format.
        public static let unknownFormat = Code("unknown_format")
        /// The document lacks something it must have (an id, any text).
        public static let invalidDocument = Code("invalid_document")
        /// The input tried something refused for safety (entity expansion, external entities).
        public static let refused = Code("refused")
    }

    /// What went wrong.
    public var code: Code
    /// The input file, as the user named it; for a member of a tar archive,
    /// `ARCHIVE:member/path`.
    public var file: String
    /// The line, from 1, when known.
    public var line: Int?
    /// The id of the document, when known.
    public var documentID: String?
    /// The ordinal of the document in the file, when known.
    public var documentIndex: Int?
    /// A readable explanation.
    public var message: String

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: What went wrong.
    ///   - file: The file.
    ///   - line: The line, when known.
    ///   - documentID: The document id, when known.
    ///   - documentIndex: The ordinal of the document in the file, when known.
    ///   - message: A readable explanation.
    public init(
        _ code: Code,
        file: String,
        line: Int? = nil,
        documentID: String? = nil,
        documentIndex: Int? = nil,
        message: String
    ) {
        self.code = code
        self.file = file
        self.line = line
        self.documentID = documentID
        self.documentIndex = documentIndex
        self.message = message
    }

    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let documentID { place += " (\(documentID))" }
        return "\(place): \(code): \(message)"
    }
}

/// What the readers report, one event per document (or per file that yields none).
public enum IngestEvent: Sendable {
    /// A document read whole.
    case document(Document)
    /// A document deliberately not extracted (a `DeleteCitation` entry, a document with no text).
    case skipped(SkippedDocument)
    /// A document, or a whole file, that could not be read.
    case failed(IngestError)
}

/// A document that a reader saw and deliberately did not pass on.
public struct SkippedDocument: Sendable, Hashable {
    /// The file.
    public var file: String
    /// The document id.
    public var documentID: String
    /// The line where it was seen, when known.
    public var line: Int?
    /// Why it was skipped (`deleted`, `no_text`, …).
    public var reason: String

    /// Creates a record of a skipped document.
    ///
    /// - Parameters:
    ///   - file: The file.
    ///   - documentID: The document id.
    ///   - line: The line, when known.
    ///   - reason: Why it was skipped.
    public init(file: String, documentID: String, line: Int? = nil, reason: String) {
        self.file = file
        self.documentID = documentID
        self.line = line
        self.reason = reason
    }
}
