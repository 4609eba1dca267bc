/// An error of the context stage: a cue or endogenous-substance list that cannot be read or
/// parsed, or a cue source missing when the cue list is built.
public struct ContextError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private let name: String

        private init(_ name: String) {
            self.name = name
        }

        /// A file could not be read.
        public static let unreadableFile = Code("unreadable file")
        /// A line of a TSV list is malformed (wrong number of columns, unknown category…).
        public static let malformedLine = Code("malformed line")
        /// A cue source file is malformed or missing when building the cue list.
        public static let malformedSource = Code("malformed source")

        public var description: String { name }
    }

    /// What went wrong.
    public var code: Code
    /// The file concerned.
    public var file: String
    /// The line (from 1), when known.
    public var line: Int?
    /// A short explanation.
    public var message: String

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: What went wrong.
    ///   - file: The file concerned.
    ///   - line: The line (from 1), when known.
    ///   - message: A short explanation.
    public init(_ code: Code, file: String, line: Int? = nil, message: String) {
        self.code = code
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line {
            return "\(file):\(line): \(code): \(message)"
        }
        return "\(file): \(code): \(message)"
    }
}
