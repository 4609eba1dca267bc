/// An error that stops a whole run: a bad configuration, a missing input, an output that cannot
/// be written. (A document that fails does not stop the run; it is counted in the report.)
public struct PipelineError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, as an extensible set of codes.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        /// The code's stable name.
        public let name: String

        /// Creates a code.
        ///
        /// - Parameter name: The stable name.
        public init(_ name: String) { self.name = name }

        public var description: String { name }

        /// The options contradict each other or are out of range.
        public static let configuration = Code("configuration")
        /// An input does not exist or cannot be listed.
        public static let input = Code("input")
        /// A lexicon directory or file is missing or unreadable, or a stage cannot be built.
        public static let lexicon = Code("lexicon")
        /// An output file or directory cannot be created or written.
        public static let output = Code("output")
    }

    /// What went wrong.
    public var code: Code
    /// The path concerned, when there is one.
    public var path: String?
    /// A readable explanation.
    public var message: String
    /// The error that caused it, described.
    public var underlying: String?

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: What went wrong.
    ///   - path: The path concerned.
    ///   - message: A readable explanation.
    ///   - underlying: The cause, described.
    public init(_ code: Code, path: String? = nil, message: String, underlying: String? = nil) {
        self.code = code
        self.path = path
        self.message = message
        self.underlying = underlying
    }

    /// Whether the error is the user's to fix before running (exit status 2): everything but an
    /// output failure in the middle of a run.
    public var isUsageError: Bool { code != .output }

    public var description: String {
        var text = path.map { "\($0): \(message)" } ?? message
        if let underlying { text += " (\(underlying))" }
        return text
    }
}
