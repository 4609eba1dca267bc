/// An error of the lexicon build: a source file that is missing, unreadable or malformed, or an
/// output file that could not be written.
///
/// Every error names the file and, where known, the line.
package struct LexiconBuildError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, as an extensible set of codes.
    package struct Code: Sendable, Hashable, CustomStringConvertible {
        /// The code's stable name.
        package let name: String

        /// Creates a code.
        ///
        /// - Parameter name: The stable name.
        package init(_ name: String) { self.name = name }

        package var description: String { name }

        /// A source file that the build needs is absent.
        package static let missingSource = Code("missing_source")
        /// A file could not be opened or read.
        package static let unreadable = Code("unreadable")
        /// A file's content is not in the expected format.
        package static let malformed = Code("malformed")
        /// An output file could not be written.
        package static let writeFailed = Code("write_failed")
    }

    /// What went wrong.
    package var code: Code
    /// The file concerned.
    package var file: String
    /// The line, from 1, when known.
    package var line: Int?
    /// A readable explanation.
    package var message: String

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: What went wrong.
    ///   - file: The file concerned.
    ///   - line: The line, when known.
    ///   - message: A readable explanation.
    package init(_ code: Code, file: String, line: Int? = nil, message: String) {
        self.code = code
        self.file = file
        self.line = line
        self.message = message
    }

    package var description: String {
        var place = file
        if let line { place += ":\(line)" }
        return "\(place): \(code): \(message)"
    }
}
