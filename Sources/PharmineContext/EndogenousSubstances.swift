import Foundation
public import PharmineCore

/// Endogenous substances (neurotransmitters, mediators) that are not candidate antecedents of a
/// drug anaphor, read from `Lexicons/endogenous.tsv`.
///
/// A drug mention is endogenous when its concept id or its preferred name (case-insensitive) is
/// listed. The file has a comment header and the columns `concept`, `ids` (comma-separated
/// CURIEs), `names` (`|`-separated, lowercase) and `reason`.
public struct EndogenousSubstances: Sendable {
    /// The name of the list in a lexicon folder.
    public static let fileName = "endogenous.tsv"

    /// The listed concept ids.
    public let ids: Set<String>
    /// The listed names, lowercase.
    public let names: Set<String>
    /// Bit `min(n, 63)` is set when an id of `n` UTF-8 bytes is listed: most ids are rejected
    /// without hashing.
    private let idLengths: UInt64
    /// The same for names.
    private let nameLengths: UInt64
    /// The names as bytes when all of them are ASCII (nil otherwise): an ASCII name is then
    /// looked up by comparing bytes, without lowercasing or hashing it.
    private let asciiNames: [[UInt8]]?

    /// Creates a list.
    ///
    /// - Parameters:
    ///   - ids: Concept ids (CURIEs).
    ///   - names: Names; they are lowercased.
    public init(ids: Set<String> = [], names: Set<String> = []) {
        self.ids = ids
        self.names = Set(names.map { $0.lowercased() })
        self.idLengths = ids.reduce(0) { $0 | 1 << UInt64(min($1.utf8.count, 63)) }
        self.nameLengths = self.names.reduce(0) { $0 | 1 << UInt64(min($1.utf8.count, 63)) }
        let lowered = self.names
        self.asciiNames =
            lowered.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } } ? lowered.sorted().map { Array($0.utf8) } : nil
    }

    /// Parses the TSV list.
    ///
    /// - Parameters:
    ///   - tsv: The file's text.
    ///   - file: The file name, for errors.
    /// - Throws: ``ContextError`` with code `malformedLine` for a row without four columns.
    public init(tsv: String, file: String) throws {
        var ids: Set<String> = []
        var names: Set<String> = []
        var number = 0
        for line in tsv.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let line = line.hasSuffix("\r") ? line.dropLast() : line
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix("concept\t") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 4 else {
                throw ContextError(
                    .malformedLine,
                    file: file,
                    line: number,
                    message: "expected 4 columns, found \(fields.count)"
                )
            }
            names.insert(fields[0].lowercased())
            for id in fields[1].split(separator: ",") { ids.insert(String(id)) }
            for name in fields[2].split(separator: "|") { names.insert(name.lowercased()) }
        }
        self.init(ids: ids, names: names)
    }

    /// Loads the list from a file.
    ///
    /// - Parameter path: The path of the TSV file.
    /// - Throws: ``ContextError`` when it cannot be read or parsed.
    public init(contentsOf path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ContextError(.unreadableFile, file: path, message: "cannot read the endogenous-substance list")
        }
        try self.init(tsv: String(decoding: data, as: UTF8.self), file: path)
    }

    /// Whether a mention names a listed substance.
    ///
    /// - Parameter mention: A mention.
    /// - Returns: True when its id or preferred name is listed.
    public func contains(_ mention: Mention) -> Bool {
        if idLengths & 1 << UInt64(min(mention.id.utf8.count, 63)) != 0 && ids.contains(mention.id) {
            return true
        }
        // Lowercasing keeps the length of ASCII text (only); other names are always looked up.
        let name = mention.name.utf8
        let ascii = name.allSatisfy { $0 < 0x80 }
        if nameLengths & 1 << UInt64(min(name.count, 63)) == 0 && ascii {
            return false
        }
        // An ASCII name lowercased is its bytes with A-Z lowered; it equals a listed ASCII name
        // exactly when their bytes are equal.
        if ascii, let asciiNames {
            return asciiNames.contains { listed in
                listed.count == name.count && zip(listed, name).allSatisfy { $0 == ($1 &- 0x41 < 26 ? $1 | 0x20 : $1) }
            }
        }
        return names.contains(mention.name.lowercased())
    }

    /// Whether a text is one of the listed names, exactly as given (`names.contains(text)`).
    ///
    /// - Parameter text: A text (lowercase, to match).
    /// - Returns: True when it is listed.
    public func containsName(_ text: String) -> Bool {
        let bytes = text.utf8
        if let asciiNames, bytes.allSatisfy({ $0 < 0x80 }) {
            if nameLengths & 1 << UInt64(min(bytes.count, 63)) == 0 { return false }
            return asciiNames.contains { $0.count == bytes.count && $0.elementsEqual(bytes) }
        }
        return names.contains(text)
    }
}
