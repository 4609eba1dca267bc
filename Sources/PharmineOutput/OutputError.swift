/// An error of the output stage: a file that could not be created, written or renamed.
///
/// Every error names the path it concerns.
public struct OutputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, as an extensible set of codes.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        /// The code's stable name.
        public let name: String

        /// Creates a code.
        ///
        /// - Parameter name: The stable name.
        public init(_ name: String) { self.name = name }

        public var description: String { name }

        /// The output directory does not exist and could not be created, or is not a directory.
        public static let directory = Code("output_directory")
        /// A file could not be created.
        public static let create = Code("create")
        /// Writing failed (disk full, closed pipe, …).
        public static let write = Code("write")
        /// The finished file could not be renamed to its final name.
        public static let rename = Code("rename")
        /// A file was used after it was committed or discarded.
        public static let closed = Code("closed")
    }

    /// What went wrong.
    public var code: Code
    /// The path concerned.
    public var path: String
    /// A readable explanation.
    public var message: String

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: What went wrong.
    ///   - path: The path concerned.
    ///   - message: A readable explanation.
    public init(_ code: Code, path: String, message: String) {
        self.code = code
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}
