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
        if nameLengths & 1 << UInt64(min(name.count, 63)) == 0 && name.allSatisfy({ $0 < 0x80 }) {
            return false
        }
        return names.contains(mention.name.lowercased())
    }
}
