import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Cuts a MEDLINE/PubMed XML byte stream into its top-level records with a fast byte scan.
///
/// libxml2's reader stops for good at the first fatal error, and a baseline file holds some
/// 30,000 articles: one bad byte must not cost the rest. So the MEDLINE reader does not parse the
/// file as one document. This splitter finds each record's start and end tags
/// (`<PubmedArticle>…</PubmedArticle>`, `<PubmedBookArticle>`, the top-level `<MedlineCitation>` of
/// pre-2017 `MedlineCitationSet` files, and `<DeleteCitation>`) and hands out the record's bytes,
/// which the reader then parses on their own. Memory is bounded by the largest record, not the file.
///
/// The splitter also notes, for each record, where the elements that the reader never uses lie
/// (author and reference lists…; see ``cutNames``), so that they can be dropped before parsing.
///
/// Resynchronisation: inside a record, the start tag of another record (a missing end tag) closes
/// the current record as incomplete, and the new one starts there. The incomplete record is still
/// handed out, so that parsing it names the error and its line.
///
/// Limits, by design: a record's end tag is recognised wherever it appears, including inside a
/// comment or CDATA section of the record (MEDLINE files have neither); a declaration of entities
/// (`<!ENTITY`) anywhere outside a record is refused, since records are parsed without the prolog.
final class MedlineSplitter {
    /// The kinds of top-level records.
    enum Kind: Sendable {
        case article, bookArticle, citation, deletion

        /// The element name.
        var tag: StaticString {
            switch self {
            case .article: "PubmedArticle"
            case .bookArticle: "PubmedBookArticle"
            case .citation: "MedlineCitation"
            case .deletion: "DeleteCitation"
            }
        }

        /// The element name as a String.
        var name: String { tag.description }
    }

    /// One record: its bytes (valid until the next call of ``next()``) and where it starts.
    struct Record {
        /// What it is.
        var kind: Kind
        /// The bytes, from its start tag to its end tag (or to where it broke off).
        var bytes: UnsafeRawBufferPointer
        /// The file line of its start tag, from 1.
        var line: Int
        /// Whether the end tag was found; false for a record cut short by another record's start tag
        /// or by the end of the file.
        var complete: Bool
        /// Set when the record was dropped unparsed (larger than the limit); `bytes` then holds
        /// only its beginning.
        var oversized: Bool
    }

    /// The root elements of MEDLINE files, besides a bare record.
    static let containers: Set<String> = ["PubmedArticleSet", "MedlineCitationSet", "PubmedBookArticleSet"]

    /// Elements inside records that the MEDLINE reader never reads. The splitter notes where they
    /// lie (``cuts``) so that they can be left out of the parse: together they are often over a
    /// third of a record's bytes (author lists alone a quarter). Their content is therefore not
    /// checked for well-formedness; an element whose end tag is missing is not cut.
    static let cutNames: [StaticString] = [
        "AuthorList", "CommentsCorrectionsList", "GrantList", "History", "InvestigatorList",
        "ReferenceList", "DataBankList", "PersonalNameSubjectList",
    ]

    /// The largest record parsed; a bigger one is reported and skipped.
    let maxRecordBytes: Int
    private let source: ByteSource
    private var buffer: UnsafeMutableRawPointer
    private var capacity: Int
    private var end = 0
    private var scan = 0
    private var eof = false
    private var recordStart: Int?
    private var recordKind: Kind = .article
    private var recordLine = 0
    /// The cut element being scanned (index into ``cutNames``), its nesting depth and its start
    /// (record-relative).
    private var openCut: Int?
    private var cutDepth = 0
    private var cutStart = 0
    /// The cuts of the record being scanned.
    private var pendingCuts: [XMLByteCut] = []
    /// The file line at the open cut's start.
    private var cutLine = 0
    /// Byte ranges of the last record returned (relative to its first byte), in order, holding
    /// elements the MEDLINE reader never reads (see ``cutNames``).
    private(set) var cuts: [XMLByteCut] = []
    /// Set after an oversized article was dropped, until its end tag or the next record.
    private var skippingArticle = false
    /// Newlines counted in the file before buffer position `countedTo`.
    private var linesBefore = 0
    private var countedTo = 0
    /// The root element's name, once seen.
    private(set) var root: String?
    /// The encoding named by the XML declaration, if any.
    private(set) var encoding: String?

    /// Creates a splitter.
    ///
    /// - Parameters:
    ///   - source: The input, not yet read.
    ///   - maxRecordBytes: The largest record to parse.
    init(source: ByteSource, maxRecordBytes: Int = 64 << 20) {
        self.source = source
        self.maxRecordBytes = maxRecordBytes
        capacity = 1 << 20
        buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
    }

    deinit {
        buffer.deallocate()
    }

    /// The next record, or nil at the end of the file.
    ///
    /// - Returns: A record whose bytes stay valid until the next call.
    /// - Throws: ``IngestError``: `unknown_format` for a root element that is not MEDLINE's,
    ///   `refused` for entity declarations, and the byte source's errors (`corrupt_gzip`…).
    func next() throws(IngestError) -> Record? {
        while true {
            if let start = recordStart, scan - start > maxRecordBytes {
                return dropOversized(start)
            }
            let remaining = end - scan
            guard remaining > 0, let found = memchr(buffer + scan, 0x3C, remaining) else {
                scan = end
                if eof { return try finish() }
                try refill()
                continue
            }
            let lt = buffer.distance(to: found)
            scan = lt
            // Look far enough ahead to read any record name and its delimiter.
            if end - lt < 32 && !eof {
                try refill()
                continue
            }
            let bytes = UnsafeRawBufferPointer(start: buffer, count: end)
            let second = lt + 1 < end ? bytes[lt + 1] : 0
            switch second {
            case UInt8(ascii: "?"):
                if root == nil && encoding == nil { readDeclaration(at: lt) }
                scan = lt + 2
            case UInt8(ascii: "!"):
                guard try skipMarkupDeclaration(at: lt) else { continue }
            case UInt8(ascii: "/"):
                if skippingArticle && matches(Kind.article.tag, at: lt + 2) { skippingArticle = false }
                if let start = recordStart, matches(recordKind.tag, at: lt + 2) {
                    guard let close = memchr(buffer + lt, 0x3E, end - lt) else {
                        if eof { return try finish() }
                        try refill()
                        continue
                    }
                    let after = buffer.distance(to: close) + 1
                    recordStart = nil
                    scan = after
                    return record(from: start, to: after, complete: true)
                }
                if let cut = openCut, let start = recordStart, matches(Self.cutNames[cut], at: lt + 2) {
                    guard let close = memchr(buffer + lt, 0x3E, end - lt) else {
                        if eof { return try finish() }
                        try refill()
                        continue
                    }
                    let after = buffer.distance(to: close) + 1
                    cutDepth -= 1
                    if cutDepth == 0 {
                        pendingCuts.append(XMLByteCut(
                            range: cutStart..<(after - start), lineBreaks: line(at: after) - cutLine))
                        openCut = nil
                    }
                    scan = after
                    continue
                }
                scan = lt + 2
            default:
                if let kind = recordKind(at: lt + 1) {
                    if skippingArticle {
                        // The citation inside a dropped article is not a record of its own.
                        if kind == .citation {
                            scan = lt + 1
                            continue
                        }
                        skippingArticle = false
                    }
                    if let start = recordStart {
                        // A record inside a record: allowed only for the citation of an article.
                        if recordKind == .article && kind == .citation {
                            scan = lt + 1
                            continue
                        }
                        let broken = record(from: start, to: lt, complete: false)
                        begin(kind, at: lt)
                        return broken
                    }
                    if root == nil { root = kind.name }
                    begin(kind, at: lt)
                } else if let start = recordStart {
                    guard try noteCut(at: lt, recordStart: start) else { continue }
                } else if root == nil {
                    let name = elementName(at: lt + 1)
                    guard Self.containers.contains(name) else {
                        throw IngestError(
                            .unknownFormat,
                            file: source.name,
                            line: line(at: lt),
                            message: name.isEmpty
                                ? "not MEDLINE/PubMed XML: no root element"
                                : "not MEDLINE/PubMed XML: root element <\(name)>"
                        )
                    }
                    root = name
                    scan = lt + 1
                } else {
                    scan = lt + 1
                }
            }
        }
    }

    // MARK: - Scanning

    /// Looks for the start tag of an element to cut at `lt`, inside a record. Returns false when more
    /// input is needed first.
    private func noteCut(at lt: Int, recordStart start: Int) throws(IngestError) -> Bool {
        guard let cut = cutIndex(at: lt + 1) else {
            scan = lt + 1
            return true
        }
        if let open = openCut {
            if open == cut { cutDepth += 1 }
            scan = lt + 1
            return true
        }
        guard let close = memchr(buffer + lt, 0x3E, end - lt) else {
            if eof {
                scan = end
                return true
            }
            try refill()
            return false
        }
        let gt = buffer.distance(to: close)
        scan = gt + 1
        if buffer.load(fromByteOffset: gt - 1, as: UInt8.self) != UInt8(ascii: "/") {
            openCut = cut
            cutDepth = 1
            cutStart = lt - start
            cutLine = line(at: lt)
        }
        return true
    }

    private func cutIndex(at position: Int) -> Int? {
        guard position < end else { return nil }
        let index: Int
        switch buffer.load(fromByteOffset: position, as: UInt8.self) {
        case UInt8(ascii: "A"): index = 0
        case UInt8(ascii: "C"): index = 1
        case UInt8(ascii: "G"): index = 2
        case UInt8(ascii: "H"): index = 3
        case UInt8(ascii: "I"): index = 4
        case UInt8(ascii: "R"): index = 5
        case UInt8(ascii: "D"): index = 6
        case UInt8(ascii: "P"): index = 7
        default: return nil
        }
        return matches(Self.cutNames[index], at: position) ? index : nil
    }

    private func begin(_ kind: Kind, at position: Int) {
        openCut = nil
        pendingCuts.removeAll(keepingCapacity: true)
        recordStart = position
        recordKind = kind
        recordLine = line(at: position)
        scan = position + 1
    }

    private func record(from start: Int, to stop: Int, complete: Bool) -> Record {
        // An element still open at the end of the record is not cut.
        openCut = nil
        swap(&cuts, &pendingCuts)
        pendingCuts.removeAll(keepingCapacity: true)
        return Record(
            kind: recordKind,
            bytes: UnsafeRawBufferPointer(start: buffer + start, count: stop - start),
            line: recordLine,
            complete: complete,
            oversized: false
        )
    }

    private func dropOversized(_ start: Int) -> Record {
        openCut = nil
        cuts.removeAll(keepingCapacity: true)
        pendingCuts.removeAll(keepingCapacity: true)
        let kept = Record(
            kind: recordKind,
            bytes: UnsafeRawBufferPointer(start: buffer + start, count: min(scan - start, 1 << 16)),
            line: recordLine,
            complete: false,
            oversized: true
        )
        // Forget the record; scanning goes on outside any record, so its inner tags and end tag
        // are passed over until the next record starts.
        recordStart = nil
        skippingArticle = recordKind == .article
        return kept
    }

    private func finish() throws(IngestError) -> Record? {
        if let start = recordStart {
            recordStart = nil
            return record(from: start, to: end, complete: false)
        }
        if root == nil {
            throw IngestError(.unknownFormat, file: source.name, message: "not MEDLINE/PubMed XML: no root element")
        }
        return nil
    }

    /// Whether `name` followed by a delimiter (`>`, `/` or white space) starts at `position`.
    private func matches(_ name: StaticString, at position: Int) -> Bool {
        let count = name.utf8CodeUnitCount
        guard position + count < end, memcmp(buffer + position, name.utf8Start, count) == 0 else { return false }
        let delimiter = buffer.load(fromByteOffset: position + count, as: UInt8.self)
        return delimiter == UInt8(ascii: ">") || delimiter == UInt8(ascii: "/") || delimiter == 0x20
            || delimiter == 0x0A || delimiter == 0x09 || delimiter == 0x0D
    }

    private func recordKind(at position: Int) -> Kind? {
        guard position < end else { return nil }
        switch buffer.load(fromByteOffset: position, as: UInt8.self) {
        case UInt8(ascii: "P"):
            if matches(Kind.article.tag, at: position) { return .article }
            if matches(Kind.bookArticle.tag, at: position) { return .bookArticle }
            return nil
        case UInt8(ascii: "M"):
            return matches(Kind.citation.tag, at: position) ? .citation : nil
        case UInt8(ascii: "D"):
            return matches(Kind.deletion.tag, at: position) ? .deletion : nil
        default:
            return nil
        }
    }

    private func elementName(at position: Int) -> String {
        var stop = position
        while stop < end {
            let byte = buffer.load(fromByteOffset: stop, as: UInt8.self)
            if byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") || byte == 0x20 || byte == 0x0A
                || byte == 0x09 || byte == 0x0D
            {
                break
            }
            stop += 1
        }
        return String(decoding: UnsafeRawBufferPointer(start: buffer + position, count: stop - position), as: UTF8.self)
    }

    /// Reads `encoding="…"` from the XML declaration at `position`.
    private func readDeclaration(at position: Int) {
        let bytes = UnsafeRawBufferPointer(start: buffer + position, count: min(end - position, 512))
        guard let close = bytes.firstIndex(of: UInt8(ascii: ">")) else { return }
        let text = String(decoding: bytes[..<close], as: UTF8.self)
        guard text.hasPrefix("<?xml"), let range = text.range(of: "encoding=") else { return }
        let rest = text[range.upperBound...]
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return }
        let value = rest.dropFirst().prefix { $0 != quote }
        if !value.isEmpty { encoding = String(value) }
    }

    /// Handles `<!…` at `position`: skips comments and CDATA, refuses entity declarations outside
    /// records. Returns false when more input is needed first.
    private func skipMarkupDeclaration(at position: Int) throws(IngestError) -> Bool {
        if starts(with: "<!--", at: position) {
            return try skip(past: "-->", from: position + 4, holding: position)
        }
        if starts(with: "<![CDATA[", at: position) {
            return try skip(past: "]]>", from: position + 9, holding: position)
        }
        if recordStart == nil && starts(with: "<!ENTITY", at: position) {
            throw IngestError(
                .refused,
                file: source.name,
                line: line(at: position),
                message: "entity declarations are refused in MEDLINE/PubMed XML"
            )
        }
        scan = position + 2
        return true
    }

    private func starts(with text: StaticString, at position: Int) -> Bool {
        let count = text.utf8CodeUnitCount
        guard position + count <= end else { return false }
        return memcmp(buffer + position, text.utf8Start, count) == 0
    }

    private func skip(past terminator: StaticString, from position: Int, holding start: Int) throws(IngestError) -> Bool {
        let count = terminator.utf8CodeUnitCount
        if position < end,
            let found = Self.find(terminator, in: UnsafeRawBufferPointer(start: buffer + position, count: end - position))
        {
            scan = position + found + count
            return true
        }
        if eof {
            scan = end
            return true
        }
        scan = start
        try refill()
        return false
    }

    /// The offset of the first occurrence of `needle` in `haystack` (memchr on its first byte, then
    /// memcmp), or nil.
    static func find(_ needle: StaticString, in haystack: UnsafeRawBufferPointer) -> Int? {
        let count = needle.utf8CodeUnitCount
        guard count > 0, let base = haystack.baseAddress else { return nil }
        let first = Int32(needle.utf8Start.pointee)
        var position = 0
        while haystack.count - position >= count {
            guard let hit = memchr(base + position, first, haystack.count - position - count + 1) else { return nil }
            let at = base.distance(to: UnsafeRawPointer(hit))
            if memcmp(base + at, needle.utf8Start, count) == 0 { return at }
            position = at + 1
        }
        return nil
    }

    // MARK: - Lines and buffer

    /// The file line of a buffer position, counting newlines up to it (positions only move forward).
    private func line(at position: Int) -> Int {
        if position > countedTo {
            linesBefore += TextMeasure.newlines(
                in: UnsafeRawBufferPointer(start: buffer + countedTo, count: position - countedTo))
            countedTo = position
        }
        return linesBefore + 1
    }

    /// Drops consumed bytes, grows the buffer when one record fills it, and reads more input.
    private func refill() throws(IngestError) {
        let keep = min(recordStart ?? scan, scan)
        if keep > 0 {
            _ = line(at: keep)
            let count = end - keep
            if count > 0 { memmove(buffer, buffer + keep, count) }
            end = count
            scan -= keep
            countedTo -= keep
            if let start = recordStart { recordStart = start - keep }
        }
        if end == capacity {
            let grown = UnsafeMutableRawPointer.allocate(byteCount: capacity * 2, alignment: 16)
            grown.copyMemory(from: buffer, byteCount: end)
            buffer.deallocate()
            buffer = grown
            capacity *= 2
        }
        let count = try source.read(into: UnsafeMutableRawBufferPointer(start: buffer + end, count: capacity - end))
        if count == 0 {
            eof = true
        } else {
            end += count
        }
    }
}
