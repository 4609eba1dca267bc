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
    /// The ASCII names as bytes, grouped by length (``asciiBytes(of:)``): an ASCII name is
    /// looked up by comparing bytes with the names of its length only, without lowercasing or
    /// hashing it.
    private let asciiNames: [[[UInt8]]]?
    /// The same for ids.
    private let asciiIDs: [[[UInt8]]]?

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
        self.asciiIDs = Self.asciiBytes(of: ids)
        self.asciiNames = Self.asciiBytes(of: self.names)
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
        if idLengths & 1 << UInt64(min(mention.id.utf8.count, 63)) != 0 {
            var id = mention.id
            let listed = id.withUTF8 { bytes -> Bool? in
                guard let asciiIDs, Self.isASCII(bytes) else { return nil }
                return asciiIDs[Self.bucket(bytes.count)].contains { Self.equal($0, bytes, lowering: false) }
            }
            if listed ?? ids.contains(mention.id) { return true }
        }
        // Lowercasing keeps the length of ASCII text (only); other names are always looked up.
        var name = mention.name
        let answer = name.withUTF8 { bytes -> Bool? in
            guard Self.isASCII(bytes) else { return nil }
            if nameLengths & 1 << UInt64(min(bytes.count, 63)) == 0 { return false }
            // An ASCII name lowercased is its bytes with A-Z lowered; it equals a listed ASCII
            // name exactly when their bytes are equal.
            guard let asciiNames else { return nil }
            return asciiNames[Self.bucket(bytes.count)].contains { Self.equal($0, bytes, lowering: true) }
        }
        if let answer { return answer }
        return names.contains(mention.name.lowercased())
    }

    /// Whether a text is one of the listed names, exactly as given (`names.contains(text)`).
    ///
    /// - Parameter text: A text (lowercase, to match).
    /// - Returns: True when it is listed.
    public func containsName(_ text: String) -> Bool {
        var text = text
        let answer = text.withUTF8 { bytes -> Bool? in
            guard let asciiNames, Self.isASCII(bytes) else { return nil }
            if nameLengths & 1 << UInt64(min(bytes.count, 63)) == 0 { return false }
            return asciiNames[Self.bucket(bytes.count)].contains { Self.equal($0, bytes, lowering: false) }
        }
        if let answer { return answer }
        return names.contains(text)
    }

    /// The ASCII strings of a set as bytes: an ASCII text equals a member exactly when it equals
    /// one of them, unless some member holds a character canonically equivalent to an ASCII one
    /// (U+037E, U+1FEF, U+212A; then nil, and the set is asked). Grouped by length
    /// (``bucket(_:)``).
    private static func asciiBytes(of strings: Set<String>) -> [[[UInt8]]]? {
        let equivalents = strings.contains { string in
            string.unicodeScalars.contains { [0x037E, 0x1FEF, 0x212A].contains($0.value) }
        }
        guard !equivalents else { return nil }
        var buckets = [[[UInt8]]](repeating: [], count: bucketCount)
        for string in strings.filter({ $0.utf8.allSatisfy { $0 < 0x80 } }).sorted() {
            let bytes = Array(string.utf8)
            buckets[bucket(bytes.count)].append(bytes)
        }
        return buckets
    }

    /// How many length groups the ASCII strings fall into: one per length, the longest shared.
    private static let bucketCount = 65

    /// The length group of a byte count.
    @inline(__always)
    private static func bucket(_ count: Int) -> Int {
        min(count, bucketCount - 1)
    }

    @inline(__always)
    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where byte >= 0x80 { return false }
        return true
    }

    /// Whether listed bytes equal some bytes, A-Z of the latter lowered first when asked.
    private static func equal(_ listed: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>, lowering: Bool) -> Bool {
        guard listed.count == bytes.count else { return false }
        // From the end: listed ids of one length share their prefix ("MESH:D0…") and differ last.
        return listed.withUnsafeBufferPointer { listed in
            var index = listed.count
            while index > 0 {
                index -= 1
                let byte = bytes[index]
                if listed[index] != (lowering && byte &- 0x41 < 26 ? byte | 0x20 : byte) { return false }
            }
            return true
        }
    }
}
