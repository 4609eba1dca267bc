/// The error type of PharmineRelate: a data file of the relation stage could not be read.
///
/// The extractors themselves never throw on a document: a sentence they cannot parse yields no
/// triple. Errors come from loading `Lexicons/reuptake-targets.tsv` and
/// `Lexicons/known-indications.tsv`, and from generating the latter from its source.
public struct RelateError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        /// The raw name of the code.
        public let rawValue: String

        /// The file could not be read.
        public static let unreadableFile = Code(rawValue: "unreadable file")
        /// A row has too few columns or an empty required field.
        public static let malformedRow = Code(rawValue: "malformed row")
        /// The header row lacks a required column.
        public static let missingColumn = Code(rawValue: "missing column")

        /// The raw name.
        public var description: String { rawValue }
    }

    /// What went wrong.
    public let code: Code
    /// The file concerned, as given.
    public let path: String
    /// The 1-based line concerned, or nil for the whole file.
    public let line: Int?
    /// More detail.
    public let detail: String

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: What went wrong.
    ///   - path: The file concerned.
    ///   - line: The 1-based line, or nil.
    ///   - detail: More detail.
    public init(_ code: Code, path: String, line: Int? = nil, detail: String = "") {
        self.code = code
        self.path = path
        self.line = line
        self.detail = detail
    }

    /// A readable description: `path:line: code: detail`.
    public var description: String {
        var text = path
        if let line { text += ":\(line)" }
        text += ": \(code)"
        if !detail.isEmpty { text += ": \(detail)" }
        return text
    }
}
