import Foundation
import PharmineCore

/// The concepts, curation rules and drug-form words that the matcher compiles.
///
/// A lexicon is usually read from a directory laid out as the project's `Lexicons/` folder:
///
/// | file | content |
/// |---|---|
/// | `drugs.tsv`, `conditions.tsv`, `receptors.tsv` | concepts, full format (below) |
/// | `curation.tsv` | `term	type	action	reason`: `exclude` or `case_sensitive`; type may be `*` |
/// | `drug-forms.tsv` | `word	kind`: `salt` or `formulation` |
///
/// **Full format** (version 1): `#` comment lines, the first being `# pharmine-lexicon 1`, then the
/// header row `id	type	name	synonyms	xrefs	flags	sources`, then one row per concept. `synonyms`,
/// `xrefs` and `sources` are `|`-separated, `flags` is `,`-separated (`class` marks a drug class or a
/// target family). Trailing empty fields may be left out.
///
/// **Simple format**, for a user's own lexicon: no header, one surface form per row,
/// `term	type	id` or `term	type	id	name`. Rows with the same id form one concept; its name is
/// the `name` column where given, else the first term. A user file may also use the full format;
/// the loader tells them apart by the header row.
///
/// Rows that share an id and type, in one file or across files, are merged (synonyms, xrefs,
/// flags and sources are appended), so a user lexicon can add synonyms to a built-in concept.
/// Curation is applied when a ``Matcher`` compiles the lexicon; the rules stay listed here so
/// that lookups can explain them.
public struct Lexicon: Sendable {
    /// The concepts, in load order.
    public private(set) var entries: [LexiconEntry]
    /// The curation rules.
    public private(set) var curation: [CurationRule]
    /// The salt and formulation words.
    public private(set) var drugForms: [DrugForm]
    /// The files read, in order.
    public private(set) var files: [String]
    /// Index of each (type, id) in ``entries``.
    private var indexByKey: [EntryKey: Int]

    /// The key that identifies a concept across files.
    private struct EntryKey: Hashable {
        var type: EntityType
        var id: String
    }

    /// The concept files of a lexicon directory, in the order they are read.
    public static let conceptFiles = ["drugs.tsv", "conditions.tsv", "receptors.tsv"]
    /// The curation file of a lexicon directory.
    public static let curationFile = "curation.tsv"
    /// The drug-form file of a lexicon directory.
    public static let drugFormsFile = "drug-forms.tsv"
    /// The header row of the full format.
    public static let header = "id\ttype\tname\tsynonyms\txrefs\tflags\tsources"
    /// The format version this code reads and writes.
    public static let formatVersion = 1

    /// Creates a lexicon from values.
    ///
    /// - Parameters:
    ///   - entries: The concepts (entries with the same type and id are merged).
    ///   - curation: Curation rules.
    ///   - drugForms: Salt and formulation words.
    public init(entries: [LexiconEntry] = [], curation: [CurationRule] = [], drugForms: [DrugForm] = []) {
        self.entries = []
        self.curation = curation
        self.drugForms = drugForms
        self.files = []
        self.indexByKey = [:]
        for entry in entries { add(entry) }
    }

    /// Reads a lexicon directory and, optionally, more concept files of the user's.
    ///
    /// The concept files that are present are read (at least one must be); `curation.tsv` and
    /// `drug-forms.tsv` are read when present.
    ///
    /// - Parameters:
    ///   - directory: The directory (`Lexicons`).
    ///   - additionalFiles: More concept files, full or simple format.
    /// - Throws: ``LexiconError`` naming the file and line of the first malformed row.
    public init(directory: String, additionalFiles: [String] = []) throws {
        self.init()
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        var found = false
        for name in Self.conceptFiles where FileManager.default.fileExists(atPath: base + name) {
            try loadConcepts(file: base + name, requireHeader: true)
            found = true
        }
        guard found else {
            throw LexiconError(
                .missingLexicon,
                file: directory,
                message: "none of \(Self.conceptFiles.joined(separator: ", ")) is there"
            )
        }
        if FileManager.default.fileExists(atPath: base + Self.curationFile) {
            try loadCuration(file: base + Self.curationFile)
        }
        if FileManager.default.fileExists(atPath: base + Self.drugFormsFile) {
            try loadDrugForms(file: base + Self.drugFormsFile)
        }
        for file in additionalFiles {
            try loadConcepts(file: file, requireHeader: false)
        }
    }

    /// Adds a concept, merging it into an existing one with the same type and id.
    ///
    /// - Parameter entry: The concept.
    public mutating func add(_ entry: LexiconEntry) {
        let key = EntryKey(type: entry.type, id: entry.id)
        if let index = indexByKey[key] {
            entries[index].synonyms.append(contentsOf: entry.synonyms)
            if entries[index].name != entry.name { entries[index].synonyms.append(entry.name) }
            for xref in entry.xrefs where !entries[index].xrefs.contains(xref) { entries[index].xrefs.append(xref) }
            for flag in entry.flags where !entries[index].flags.contains(flag) { entries[index].flags.append(flag) }
            for source in entry.sources where !entries[index].sources.contains(source) {
                entries[index].sources.append(source)
            }
        } else {
            indexByKey[key] = entries.count
            entries.append(entry)
        }
    }

    /// Adds a curation rule.
    ///
    /// - Parameter rule: The rule.
    public mutating func add(_ rule: CurationRule) {
        curation.append(rule)
    }

    /// Adds a salt or formulation word.
    ///
    /// - Parameter form: The word.
    public mutating func add(_ form: DrugForm) {
        drugForms.append(form)
    }

    /// The concept with this id, if any (the first one when several types share it).
    ///
    /// - Parameter id: A CURIE.
    /// - Returns: The entry.
    public func entry(id: String) -> LexiconEntry? {
        for type in EntityType.allCases {
            if let index = indexByKey[EntryKey(type: type, id: id)] { return entries[index] }
        }
        return nil
    }

    // MARK: - Reading files

    /// Reads a concept file in the full or the simple format.
    ///
    /// - Parameters:
    ///   - file: The path.
    ///   - requireHeader: Whether the full format is required (the built-in files).
    /// - Throws: ``LexiconError``.
    public mutating func loadConcepts(file: String, requireHeader: Bool) throws {
        let bytes = try Self.read(file)
        files.append(file)
        var sawHeader = false
        var simple = false
        var simpleNames: [EntryKey: Bool] = [:]
        try TSVLines.forEach(in: bytes) { line, fields in
            if fields.isComment {
                if let version = fields.versionComment, version != Self.formatVersion {
                    throw LexiconError(
                        .unsupportedVersion,
                        file: file,
                        line: line,
                        message: "format version \(version); this build reads version \(Self.formatVersion)"
                    )
                }
                return
            }
            if fields.isBlank { return }
            if !sawHeader && !simple {
                if fields.string(0) == "id" {
                    guard fields.joined == Self.header || fields.count >= 3 && fields.string(1) == "type" else {
                        throw LexiconError(.badHeader, file: file, line: line, message: "expected «\(Self.header)»")
                    }
                    sawHeader = true
                    return
                }
                guard !requireHeader else {
                    throw LexiconError(.badHeader, file: file, line: line, message: "expected the header row «\(Self.header)»")
                }
                simple = true
            }
            if simple {
                guard fields.count == 3 || fields.count == 4 else {
                    throw LexiconError(
                        .malformedRow,
                        file: file,
                        line: line,
                        message: "expected term, type, id and an optional name; found \(fields.count) fields"
                    )
                }
                let term = fields.string(0)
                let id = fields.string(2)
                guard !term.isEmpty, !id.isEmpty else {
                    throw LexiconError(.malformedRow, file: file, line: line, message: "empty term or id")
                }
                let type = try Self.entityType(fields.string(1), file: file, line: line)
                let givenName = fields.count == 4 ? fields.string(3) : ""
                let key = EntryKey(type: type, id: id)
                if let index = indexByKey[key] {
                    if !givenName.isEmpty, simpleNames[key] == nil {
                        // The first row of this id in the file that names the concept sets the name.
                        entries[index].synonyms.append(entries[index].name)
                        entries[index].name = givenName
                        simpleNames[key] = true
                    }
                    entries[index].synonyms.append(term)
                } else {
                    add(
                        LexiconEntry(
                            id: id,
                            type: type,
                            name: givenName.isEmpty ? term : givenName,
                            synonyms: givenName.isEmpty ? [] : [term],
                            sources: ["user"]
                        )
                    )
                    if !givenName.isEmpty { simpleNames[key] = true }
                }
                return
            }
            guard fields.count >= 3, fields.count <= 7 else {
                throw LexiconError(
                    .malformedRow,
                    file: file,
                    line: line,
                    message: "expected 7 tab-separated fields (\(Self.header)); found \(fields.count)"
                )
            }
            let id = fields.string(0)
            let name = fields.string(2)
            guard !id.isEmpty, !name.isEmpty else {
                throw LexiconError(.malformedRow, file: file, line: line, message: "empty id or name")
            }
            let type = try Self.entityType(fields.string(1), file: file, line: line)
            add(
                LexiconEntry(
                    id: id,
                    type: type,
                    name: name,
                    synonyms: fields.list(3, separator: UInt8(ascii: "|")),
                    xrefs: fields.list(4, separator: UInt8(ascii: "|")),
                    flags: fields.list(5, separator: UInt8(ascii: ",")),
                    sources: fields.list(6, separator: UInt8(ascii: "|"))
                )
            )
        }
    }

    /// Reads a curation file (`term	type	action	reason`, header row optional).
    ///
    /// - Parameter file: The path.
    /// - Throws: ``LexiconError``.
    public mutating func loadCuration(file: String) throws {
        let bytes = try Self.read(file)
        files.append(file)
        var first = true
        try TSVLines.forEach(in: bytes) { line, fields in
            guard !fields.isComment, !fields.isBlank else { return }
            defer { first = false }
            if first, fields.string(0) == "term", fields.string(2) == "action" { return }
            guard fields.count >= 3, fields.count <= 4, !fields.string(0).isEmpty else {
                throw LexiconError(
                    .malformedRow,
                    file: file,
                    line: line,
                    message: "expected term, type, action and reason; found \(fields.count) fields"
                )
            }
            let typeName = fields.string(1)
            let type: EntityType? = typeName == "*" ? nil : try Self.entityType(typeName, file: file, line: line)
            guard let action = CurationRule.Action(rawValue: fields.string(2)) else {
                throw LexiconError(
                    .unknownAction,
                    file: file,
                    line: line,
                    message: "action «\(fields.string(2))» is not exclude or case_sensitive"
                )
            }
            add(CurationRule(term: fields.string(0), type: type, action: action, reason: fields.string(3)))
        }
    }

    /// Reads a drug-form file (`word	kind`, header row optional).
    ///
    /// - Parameter file: The path.
    /// - Throws: ``LexiconError``.
    public mutating func loadDrugForms(file: String) throws {
        let bytes = try Self.read(file)
        files.append(file)
        var first = true
        try TSVLines.forEach(in: bytes) { line, fields in
            guard !fields.isComment, !fields.isBlank else { return }
            defer { first = false }
            if first, fields.string(0) == "word", fields.string(1) == "kind" { return }
            guard fields.count >= 2, !fields.string(0).isEmpty else {
                throw LexiconError(.malformedRow, file: file, line: line, message: "expected word and kind")
            }
            guard let kind = DrugForm.Kind(rawValue: fields.string(1)) else {
                throw LexiconError(
                    .unknownAction,
                    file: file,
                    line: line,
                    message: "kind «\(fields.string(1))» is not salt or formulation"
                )
            }
            add(DrugForm(word: fields.string(0), kind: kind))
        }
    }

    /// Parses a type column.
    static func entityType(_ name: String, file: String, line: Int) throws -> EntityType {
        guard let type = EntityType(rawValue: name) else {
            throw LexiconError(
                .unknownType,
                file: file,
                line: line,
                message: "type «\(name)» is not drug, condition or receptor"
            )
        }
        return type
    }

    /// Reads a whole file.
    static func read(_ file: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw LexiconError(.unreadable, file: file, message: "cannot read the file")
        }
        return [UInt8](data)
    }
}

/// Splits TSV bytes into lines and fields without copying.
enum TSVLines {
    /// The fields of one line.
    struct Fields {
        /// The line's bytes.
        let line: UnsafeBufferPointer<UInt8>
        /// Field ranges.
        let ranges: [Range<Int>]

        /// The number of fields.
        var count: Int { ranges.count }
        /// Whether the line starts with `#`.
        var isComment: Bool { line.first == UInt8(ascii: "#") }
        /// Whether the line is empty or only white space.
        var isBlank: Bool { line.allSatisfy { $0 == 0x20 || $0 == 0x09 } }
        /// The whole line as a string.
        var joined: String { String(decoding: line, as: UTF8.self) }

        /// The version in a `# pharmine-lexicon N` comment, if this is one.
        var versionComment: Int? {
            let text = joined
            let prefix = "# pharmine-lexicon "
            guard text.hasPrefix(prefix) else { return nil }
            return Int(text.dropFirst(prefix.count).prefix { $0.isNumber })
        }

        /// Field `index` as a string (empty when absent).
        func string(_ index: Int) -> String {
            guard index < ranges.count else { return "" }
            return String(decoding: UnsafeBufferPointer(rebasing: line[ranges[index]]), as: UTF8.self)
        }

        /// Field `index` split on `separator`, empty parts dropped, each trimmed of spaces.
        func list(_ index: Int, separator: UInt8) -> [String] {
            guard index < ranges.count else { return [] }
            var result: [String] = []
            var start = ranges[index].lowerBound
            let end = ranges[index].upperBound
            var position = start
            while position <= end {
                if position == end || line[position] == separator {
                    var low = start
                    var high = position
                    while low < high, line[low] == 0x20 { low += 1 }
                    while high > low, line[high - 1] == 0x20 { high -= 1 }
                    if low < high {
                        result.append(String(decoding: UnsafeBufferPointer(rebasing: line[low..<high]), as: UTF8.self))
                    }
                    start = position + 1
                }
                position += 1
            }
            return result
        }
    }

    /// Calls `body` with the line number (from 1) and fields of every line.
    static func forEach(in bytes: [UInt8], _ body: (Int, Fields) throws -> Void) throws {
        try bytes.withUnsafeBufferPointer { buffer in
            var lineNumber = 0
            var start = 0
            let count = buffer.count
            var ranges: [Range<Int>] = []
            while start < count {
                lineNumber += 1
                var end = start
                while end < count, buffer[end] != 0x0A { end += 1 }
                var lineEnd = end
                if lineEnd > start, buffer[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                let line = UnsafeBufferPointer(rebasing: buffer[start..<lineEnd])
                ranges.removeAll(keepingCapacity: true)
                var fieldStart = 0
                for index in 0..<line.count where line[index] == 0x09 {
                    ranges.append(fieldStart..<index)
                    fieldStart = index + 1
                }
                ranges.append(fieldStart..<line.count)
                try body(lineNumber, Fields(line: line, ranges: ranges))
                start = end + 1
            }
        }
    }
}
