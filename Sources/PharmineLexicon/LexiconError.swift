/// An error of the lexicon module: a lexicon file that cannot be read or holds a malformed row.
///
/// Every error names the file and, where it concerns a row, the line (from 1).
public struct LexiconError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, as an extensible set of codes.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        /// The code's stable name.
        public let name: String

        /// Creates a code.
        ///
        /// - Parameter name: The stable name.
        public init(_ name: String) { self.name = name }

        public var description: String { name }

        /// The file or directory could not be opened or read.
        public static let unreadable = Code("unreadable")
        /// The directory holds none of the lexicon files.
        public static let missingLexicon = Code("missing_lexicon")
        /// The file declares a format version this code does not read.
        public static let unsupportedVersion = Code("unsupported_version")
        /// The header row is missing or has other columns.
        public static let badHeader = Code("bad_header")
        /// A row has the wrong number of fields or an empty required field.
        public static let malformedRow = Code("malformed_row")
        /// A row names a type that is not `drug`, `condition` or `receptor` (or `*` in curation).
        public static let unknownType = Code("unknown_type")
        /// A curation row names an action other than `exclude` or `case_sensitive`, or a drug-form
        /// row a kind other than `salt` or `formulation`.
        public static let unknownAction = Code("unknown_action")
        /// The compiled cache file is unreadable or stale (the loader then compiles afresh).
        public static let badCache = Code("bad_cache")
    }

    /// What went wrong.
    public var code: Code
    /// The file, as the caller named it.
    public var file: String
    /// The line, from 1, when the error concerns a row.
    public var line: Int?
    /// A readable explanation.
    public var message: String

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: What went wrong.
    ///   - file: The file.
    ///   - line: The line, when known.
    ///   - message: A readable explanation.
    public init(_ code: Code, file: String, line: Int? = nil, message: String) {
        self.code = code
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        return "\(place): \(code): \(message)"
    }
}
