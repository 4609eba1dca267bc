internal import CLibXML2
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A byte range to leave out of a parse (see ``XMLStreamReader/load(_:omitting:lineOffset:encoding:)``).
package struct XMLByteCut: Sendable, Hashable {
    /// The bytes to leave out, relative to the start of the document.
    package var range: Range<Int>
    /// How many line breaks the range holds; that many are parsed in its place.
    package var lineBreaks: Int

    /// Creates a cut.
    ///
    /// - Parameters:
    ///   - range: The bytes to leave out.
    ///   - lineBreaks: How many line breaks they hold.
    package init(range: Range<Int>, lineBreaks: Int) {
        self.range = range
        self.lineBreaks = lineBreaks
    }
}

/// The kind of node an ``XMLStreamReader`` is positioned on.
package enum XMLNodeKind: Sendable, Hashable {
    /// A start tag, or an empty element (`<a/>`, see ``XMLStreamReader/isEmptyElement``).
    case element
    /// An end tag.
    case endElement
    /// Character data (entity and character references already replaced; CDATA is merged in).
    case text
    /// A CDATA section (only when libxml2 does not merge it into text).
    case cdata
    /// White space between elements, in element-only content.
    case whitespace
    /// White space in mixed content.
    case significantWhitespace
    /// A reference to a general entity that was not substituted (entities are never expanded).
    case entityReference
    /// A comment.
    case comment
    /// A processing instruction.
    case processingInstruction
    /// The document type declaration.
    case documentType
    /// Anything else (XML declaration, notations, attributes…).
    case other
}

/// A forward-only, streaming XML reader over libxml2's `xmlTextReader`.
///
/// The one place in Pharmine where XML is parsed. The format readers (MEDLINE, BioC, JATS, SPL) walk
/// its nodes in document order and pull out what they need; the reader keeps only the current node
/// and its ancestors in memory, so memory does not grow with the file.
///
/// ## Safety
/// Input is untrusted, so the parser is always run with `XML_PARSE_NONET` and never with
/// `XML_PARSE_NOENT`, `XML_PARSE_DTDLOAD` or `XML_PARSE_HUGE`:
/// - general entities are never substituted (a reference to a declared entity comes out as an
///   ``XMLNodeKind/entityReference`` node and contributes no text);
/// - external entities and DTDs are never loaded: on top of the parse options, the process-wide
///   external entity loader is replaced by one that refuses every request (and counts it, see
///   ``refusedExternalLoads``);
/// - libxml2's built-in limits stay on, so entity-expansion bombs ("billion laughs"), excessive
///   nesting and huge text nodes are refused. Such an error is thrown as ``IngestError`` with code
///   `refused`; any other fatal parse error as `malformed_xml`. Both name the file and the line.
///
/// ## Two ways to feed it
/// - ``init(source:)`` streams a whole ``ByteSource`` (gzip-transparent; the peeked prefix is
///   replayed). A fatal error ends the file: libxml2 cannot resume after one.
/// - ``init(file:)`` then ``load(_:omitting:lineOffset:encoding:)`` parses one in-memory fragment at a time,
///   reusing the same libxml2 reader. The MEDLINE reader cuts its files into articles and parses
///   each this way, so one broken article costs only that article; it also leaves out byte ranges
///   it never reads (``XMLByteCut``), which libxml2 then need not parse.
///
/// ## Speed
/// The hot path (``read()``, ``kind``, ``isLocalName(_:)``) makes one or two C calls per node and
/// allocates nothing; ``readFlattenedText(collapsingWhiteSpace:inline:)`` copies text runs into
/// a reused buffer and makes one String per call.
///
/// ## Walking the nodes
/// ```swift
/// let reader = try XMLStreamReader(source: source)
/// while try reader.read() {
///     guard reader.kind == .element else { continue }
///     if reader.isLocalName("title") {
///         let title = try reader.readFlattenedText()   // now on </title>
///     } else if reader.isLocalName("ref-list") {
///         try reader.skipSubtree()                     // now on </ref-list>
///     }
/// }
/// ```
/// ``readFlattenedText(collapsingWhiteSpace:inline:)`` and ``skipSubtree()`` both leave the reader
/// on the element's end tag (or on the element itself when it is empty), so the next ``read()``
/// moves past the element and a `while try reader.read()` loop composes with them.
///
/// Names are compared without allocating (``isLocalName(_:)`` takes a `StaticString` and compares
/// the bytes of libxml2's interned name); ask for ``localName`` as a `String` only when needed.
///
/// Not thread-safe: one reader per thread. Different readers may run on different threads.
package final class XMLStreamReader {
    /// The file the XML comes from, as named by the user (for error messages).
    package let file: String

    // The hot path (read, kind, names) touches only `let` properties and memory behind pointers,
    // which carry no dynamic exclusivity checks; `var` properties are for setup and errors.
    private let reader: OpaquePointer
    /// The kind of the current node, kept behind a pointer (see above).
    private let currentKind: UnsafeMutablePointer<XMLNodeKind>
    /// The byte source of a streaming reader and an error it raised in the read callback.
    private let input: StreamInput?
    /// The first fatal (or, failing that, error-level) libxml2 message of the current parse.
    private var parseError: (message: String, line: Int, refused: Bool, fatal: Bool)?
    /// Added to libxml2's line numbers (the line of the fragment's first byte, minus one).
    private var lineOffset = 0
    /// Owned copy of the current in-memory fragment; libxml2 reads it in place.
    private var memory: UnsafeMutableRawPointer
    private var memoryCapacity: Int
    /// Scratch buffer for flattened text.
    private var scratch = TextBuffer()

    /// The parse options: no network, CDATA as text, line numbers above 65535. Never NOENT,
    /// DTDLOAD or HUGE.
    private static let parseOptions = Int32(
        XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_BIG_LINES.rawValue
            | XML_PARSE_COMPACT.rawValue
    )

    private static let refusedLoads = Atomic<Int>(0)

    /// How many times libxml2 asked to load an external entity or DTD in this process (every
    /// request is refused). For tests and audits.
    package static var refusedExternalLoads: Int { refusedLoads.load(ordering: .relaxed) }

    /// Initialises libxml2 once per process, before any parse.
    private static let initialized: Bool = {
        xmlInitParser()
        xmlSetExternalEntityLoader { _, _, _ in
            XMLStreamReader.refusedLoads.add(1, ordering: .relaxed)
            return nil
        }
        return true
    }()

    /// The byte source behind a streaming reader, handed to libxml2's read callback.
    private final class StreamInput {
        let source: ByteSource
        var error: IngestError?

        init(source: ByteSource) {
            self.source = source
        }

        /// Feeds libxml2; -1 stops the parse (the error is kept for ``read()``).
        func pull(into buffer: UnsafeMutablePointer<CChar>, length: Int) -> Int32 {
            do throws(IngestError) {
                return Int32(try source.read(into: UnsafeMutableRawBufferPointer(start: buffer, count: length)))
            } catch {
                if self.error == nil { self.error = error }
                return -1
            }
        }
    }

    /// Creates a reader that streams a whole file.
    ///
    /// - Parameter source: The opened input; the reader pulls bytes from it as it goes.
    /// - Throws: ``IngestError`` with code `unreadable` if libxml2 cannot create the reader.
    package init(source: ByteSource) throws(IngestError) {
        _ = Self.initialized
        let input = StreamInput(source: source)
        let created = xmlReaderForIO(
            { context, buffer, length -> Int32 in
                guard let context, let buffer, length > 0 else { return 0 }
                return Unmanaged<StreamInput>.fromOpaque(context).takeUnretainedValue()
                    .pull(into: buffer, length: Int(length))
            },
            nil,
            Unmanaged.passUnretained(input).toOpaque(),
            nil,
            nil,
            Self.parseOptions
        )
        guard let created else {
            throw IngestError(.unreadable, file: source.name, message: "libxml2 could not create a reader")
        }
        self.file = source.name
        self.input = input
        self.reader = created
        self.memoryCapacity = 0
        self.memory = UnsafeMutableRawPointer.allocate(byteCount: 1, alignment: 16)
        self.currentKind = .allocate(capacity: 1)
        currentKind.initialize(to: .other)
        installErrorHandler()
    }

    /// Creates a reader for in-memory fragments; call ``load(_:omitting:lineOffset:encoding:)`` before reading.
    ///
    /// - Parameter file: The file the fragments come from (for error messages).
    /// - Throws: ``IngestError`` with code `unreadable` if libxml2 cannot create the reader.
    package init(file: String) throws(IngestError) {
        _ = Self.initialized
        // Start on an empty placeholder document; load(_:) swaps in the real ones.
        let capacity = 1 << 16
        let memory = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        let placeholder: StaticString = "<x/>"
        memory.copyMemory(from: placeholder.utf8Start, byteCount: placeholder.utf8CodeUnitCount)
        guard
            let created = xmlReaderForMemory(
                memory.assumingMemoryBound(to: CChar.self), Int32(placeholder.utf8CodeUnitCount), nil, nil,
                Self.parseOptions)
        else {
            memory.deallocate()
            throw IngestError(.unreadable, file: file, message: "libxml2 could not create a reader")
        }
        self.file = file
        self.input = nil
        self.reader = created
        self.memory = memory
        self.memoryCapacity = capacity
        self.currentKind = .allocate(capacity: 1)
        currentKind.initialize(to: .other)
        installErrorHandler()
    }

    deinit {
        xmlFreeTextReader(reader)
        memory.deallocate()
        scratch.deallocate()
        currentKind.deallocate()
    }

    /// Starts parsing a new in-memory document, replacing the current one.
    ///
    /// The bytes are copied, so the caller may reuse its buffer at once.
    ///
    /// - Parameters:
    ///   - bytes: A whole XML document (a fragment with one root element is enough).
    ///   - omitting: Byte ranges of `bytes`, in order and not overlapping, to leave out of the
    ///     parse; each is replaced by as many line breaks as it holds, so line numbers stay right.
    ///     A way to skip whole elements that are never read without parsing them.
    ///   - lineOffset: The number of lines of the file before the fragment's first byte, so that
    ///     ``lineNumber`` and errors give file lines.
    ///   - encoding: The encoding to assume (from the file's XML declaration), or nil for UTF-8 or
    ///     what the fragment declares.
    /// - Throws: ``IngestError`` with code `unreadable` if libxml2 cannot set up the parse.
    package func load(
        _ bytes: UnsafeRawBufferPointer,
        omitting: [XMLByteCut] = [],
        lineOffset: Int,
        encoding: String? = nil
    ) throws(IngestError) {
        precondition(input == nil, "load(_:) is for readers made with init(file:)")
        if memoryCapacity < bytes.count {
            // libxml2 still points at the old buffer until the reset below; free it after.
            let old = memory
            memoryCapacity = max(bytes.count, memoryCapacity * 2)
            memory = UnsafeMutableRawPointer.allocate(byteCount: memoryCapacity, alignment: 16)
            defer { old.deallocate() }
            try reset(bytes, omitting: omitting, lineOffset: lineOffset, encoding: encoding)
        } else {
            try reset(bytes, omitting: omitting, lineOffset: lineOffset, encoding: encoding)
        }
    }

    private func reset(
        _ bytes: UnsafeRawBufferPointer,
        omitting: [XMLByteCut],
        lineOffset: Int,
        encoding: String?
    ) throws(IngestError) {
        var length = 0
        if let base = bytes.baseAddress, bytes.count > 0 {
            var from = 0
            for cut in omitting where cut.range.lowerBound >= from && cut.range.upperBound <= bytes.count {
                let breaks = min(max(cut.lineBreaks, 0), cut.range.count)
                memory.advanced(by: length).copyMemory(from: base + from, byteCount: cut.range.lowerBound - from)
                length += cut.range.lowerBound - from
                memory.advanced(by: length).initializeMemory(as: UInt8.self, repeating: 0x0A, count: breaks)
                length += breaks
                from = cut.range.upperBound
            }
            memory.advanced(by: length).copyMemory(from: base + from, byteCount: bytes.count - from)
            length += bytes.count - from
        }
        self.lineOffset = lineOffset
        parseError = nil
        currentKind.pointee = .other
        let buffer = memory.assumingMemoryBound(to: CChar.self)
        let status = xmlReaderNewMemory(reader, buffer, Int32(length), nil, encoding, Self.parseOptions)
        guard status == 0 else {
            throw IngestError(.unreadable, file: file, message: "libxml2 could not reset its reader")
        }
        installErrorHandler()
    }

    // MARK: - Reading

    /// Moves to the next node in document order.
    ///
    /// - Returns: true on a node, false at the end of the document.
    /// - Throws: ``IngestError``: `malformed_xml` for a fatal parse error, `refused` for input that
    ///   hits a safety limit, `corrupt_gzip` or `unreadable` for a failing byte source. After a
    ///   throw the reader is finished.
    @discardableResult
    package func read() throws(IngestError) -> Bool {
        let status = xmlTextReaderRead(reader)
        if status == 1 {
            currentKind.pointee = Self.kind(of: xmlTextReaderNodeType(reader))
            return true
        }
        currentKind.pointee = .other
        if let error = input?.error { throw error }
        if let parseError {
            throw IngestError(
                parseError.refused ? .refused : .malformedXML,
                file: file,
                line: parseError.line,
                message: parseError.message
            )
        }
        if status < 0 {
            throw IngestError(.malformedXML, file: file, line: parserLine, message: "XML parse error")
        }
        return false
    }

    /// The kind of the current node.
    package var kind: XMLNodeKind { currentKind.pointee }

    /// The depth of the current node: 0 for the root element.
    package var depth: Int {
        return Int(xmlTextReaderDepth(reader))
    }

    /// Whether the current element is written `<a/>` (no end tag node will follow).
    package var isEmptyElement: Bool {
        return xmlTextReaderIsEmptyElement(reader) == 1
    }

    /// The local name of the current node (`#text` for text), as a String.
    ///
    /// Allocates nothing for names up to 15 bytes; prefer ``isLocalName(_:)`` for comparisons.
    package var localName: String {
        guard let name = xmlTextReaderConstLocalName(reader) else { return "" }
        return String(cString: name)
    }

    /// The first byte of the current node's local name (0 when there is none), for dispatching
    /// on names without allocating.
    package var localNameFirstByte: UInt8 {
        guard let name = xmlTextReaderConstLocalName(reader) else { return 0 }
        return name.pointee
    }

    /// The namespace URI of the current node, or nil.
    package var namespaceURI: String? {
        guard let uri = xmlTextReaderConstNamespaceUri(reader) else { return nil }
        return String(cString: uri)
    }

    /// Whether the current node's local name is `name`, compared byte for byte without allocating.
    ///
    /// - Parameter name: The local name (no prefix).
    /// - Returns: true when it matches, whatever the node kind.
    package func isLocalName(_ name: StaticString) -> Bool {
        guard let current = xmlTextReaderConstLocalName(reader) else { return false }
        return strcmp(UnsafeRawPointer(current).assumingMemoryBound(to: CChar.self),
                      UnsafeRawPointer(name.utf8Start).assumingMemoryBound(to: CChar.self)) == 0
    }

    /// Whether the reader is on a start tag named `name`.
    ///
    /// - Parameter name: The local name.
    /// - Returns: true on `<name …>` or `<name/>`.
    package func isElement(_ name: StaticString) -> Bool {
        currentKind.pointee == .element && isLocalName(name)
    }

    /// Whether the reader is on an end tag named `name`.
    ///
    /// - Parameter name: The local name.
    /// - Returns: true on `</name>`.
    package func isEndElement(_ name: StaticString) -> Bool {
        currentKind.pointee == .endElement && isLocalName(name)
    }

    /// The value of an attribute of the current element.
    ///
    /// - Parameter name: The attribute's qualified name as written (`Label`, `xml:lang`).
    /// - Returns: The value with references replaced, or nil when absent.
    package func attribute(_ name: String) -> String? {
        guard currentKind.pointee == .element else { return nil }
        guard let value = xmlTextReaderGetAttribute(reader, name) else { return nil }
        defer { clibxml2_free(value) }
        return String(cString: value)
    }

    /// The text of the current text-like node, or nil on other nodes.
    package var value: String? {
        guard let value = xmlTextReaderConstValue(reader) else { return nil }
        return String(cString: value)
    }

    /// The file line of the current node, from 1 (falls back to the parser's position).
    package var lineNumber: Int {
        if let node = xmlTextReaderCurrentNode(reader) {
            let line = Int(xmlGetLineNo(node))
            if line > 0 { return lineOffset + line }
        }
        return parserLine ?? lineOffset + 1
    }

    private var parserLine: Int? {
        let line = Int(xmlTextReaderGetParserLineNumber(reader))
        return line > 0 ? lineOffset + line : nil
    }

    // MARK: - Subtrees

    /// Element names that ``readFlattenedText(collapsingWhiteSpace:inline:)`` treats as inline by
    /// default: the font and link markup of MEDLINE, JATS, SPL and HTML. Elements in the MathML
    /// namespace are inline too, and white space between MathML elements is dropped (it is layout:
    /// `<mml:mi>V</mml:mi> <mml:mn>2</mml:mn>` gives `V2`). Every other element is a block, and
    /// blocks are separated by a space.
    package static let inlineElements: Set<String> = [
        "i", "b", "u", "sup", "sub", "em", "strong", "span", "a", "small", "big", "tt", "font",
        "italic", "bold", "underline", "sc", "monospace", "overline", "roman", "sans-serif",
        "strike", "ext-link", "uri", "xref", "named-content", "styled-content", "inline-formula",
        "abbrev", "email", "content", "linkHtml", "footnote", "inline-graphic", "break",
        "math", "DispFormula", "InlineFormula",
    ]

    private static let mathMLNamespace = "http://www.w3.org/1998/Math/MathML"

    /// Reads the text of the current element's whole subtree, markup flattened.
    ///
    /// Text of inline children (see ``inlineElements``) joins its neighbours directly, so
    /// `<t><i>a</i>b</t>` gives `ab`; the start and end of any other child element count as a
    /// break, so `<t><p>a</p><p>b</p></t>` gives `a b`. Comments, processing instructions and
    /// unexpanded entity references add nothing.
    ///
    /// Call it on a start tag; it leaves the reader on the matching end tag (or on the element
    /// itself when it is empty). On any other node it returns the node's own text, if any.
    ///
    /// - Parameters:
    ///   - collapsingWhiteSpace: When true (the default), every run of XML white space and breaks
    ///     becomes one space and the ends are trimmed. When false, the text is kept byte for byte
    ///     and a break adds one space only where the text does not already end in white space.
    ///   - inline: The names of inline elements.
    /// - Returns: The text.
    /// - Throws: ``IngestError`` from ``read()``.
    package func readFlattenedText(
        collapsingWhiteSpace: Bool = true,
        inline: Set<String> = XMLStreamReader.inlineElements
    ) throws(IngestError) -> String {
        guard currentKind.pointee == .element else { return value ?? "" }
        if isEmptyElement { return "" }
        let startDepth = xmlTextReaderDepth(reader)
        // Work on a local copy of the buffer (one exclusivity check per call, not per byte).
        var out = scratch
        defer {
            out.count = 0
            scratch = out
        }
        var pendingBreak = false
        var mathDepth = 0
        while try read() {
            switch currentKind.pointee {
            case .text, .cdata:
                guard let text = xmlTextReaderConstValue(reader) else { continue }
                if mathDepth > 0 && Self.isBlank(text) { continue }
                Self.append(text, to: &out, collapsing: collapsingWhiteSpace, pendingBreak: &pendingBreak)
            case .whitespace, .significantWhitespace:
                // Inside MathML, white space between elements is layout only.
                guard mathDepth == 0, let text = xmlTextReaderConstValue(reader) else { continue }
                Self.append(text, to: &out, collapsing: collapsingWhiteSpace, pendingBreak: &pendingBreak)
            case .element:
                if isMathML {
                    if !isEmptyElement { mathDepth += 1 }
                } else if !inline.contains(localName) {
                    pendingBreak = true
                }
            case .endElement:
                if xmlTextReaderDepth(reader) <= startDepth {
                    return out.string()
                }
                if isMathML {
                    mathDepth -= 1
                } else if !inline.contains(localName) {
                    pendingBreak = true
                }
            default:
                continue
            }
        }
        return out.string()
    }

    /// Skips the current element's subtree.
    ///
    /// Call it on a start tag; it leaves the reader on the matching end tag (or on the element
    /// itself when it is empty), so the next ``read()`` goes to the node after the element.
    ///
    /// - Throws: ``IngestError`` from ``read()``.
    package func skipSubtree() throws(IngestError) {
        guard currentKind.pointee == .element, !isEmptyElement else { return }
        let startDepth = xmlTextReaderDepth(reader)
        while try read() {
            if currentKind.pointee == .endElement && xmlTextReaderDepth(reader) <= startDepth { return }
        }
    }

    /// Whether the current node is in the MathML namespace.
    private var isMathML: Bool {
        guard let uri = xmlTextReaderConstNamespaceUri(reader) else { return false }
        return strcmp(UnsafeRawPointer(uri).assumingMemoryBound(to: CChar.self), Self.mathMLNamespace) == 0
    }

    private static func isBlank(_ text: UnsafePointer<UInt8>) -> Bool {
        var cursor = text
        while cursor.pointee != 0 {
            if !isSpace(cursor.pointee) { return false }
            cursor += 1
        }
        return true
    }

    /// Appends a text node's bytes, collapsing white space runs (whole runs of other bytes are
    /// copied at once) or keeping them.
    private static func append(
        _ text: UnsafePointer<UInt8>,
        to out: inout TextBuffer,
        collapsing: Bool,
        pendingBreak: inout Bool
    ) {
        let count = strlen(UnsafeRawPointer(text).assumingMemoryBound(to: CChar.self))
        guard count > 0 else { return }
        let bytes = UnsafeBufferPointer(start: text, count: count)
        if !collapsing {
            if pendingBreak, let last = out.last, !isSpace(last), !isSpace(bytes[0]) { out.append(0x20) }
            pendingBreak = false
            out.append(text, count)
            return
        }
        var index = 0
        while index < count {
            if isSpace(bytes[index]) {
                pendingBreak = true
                index += 1
                continue
            }
            var end = index + 1
            while end < count && !isSpace(bytes[end]) { end += 1 }
            if pendingBreak && !out.isEmpty { out.append(0x20) }
            pendingBreak = false
            out.append(text + index, end - index)
            index = end
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    // MARK: - libxml2 plumbing

    private func installErrorHandler() {
        let context = Unmanaged.passUnretained(self).toOpaque()
        xmlTextReaderSetStructuredErrorHandler(
            reader,
            { context, error in
                guard let context, let error else { return }
                let reader = Unmanaged<XMLStreamReader>.fromOpaque(context).takeUnretainedValue()
                reader.record(
                    level: Int(error.pointee.level.rawValue),
                    code: Int(error.pointee.code),
                    message: error.pointee.message,
                    line: Int(error.pointee.line)
                )
            },
            context
        )
    }

    private func record(level: Int, code: Int, message: UnsafeMutablePointer<CChar>?, line: Int) {
        // Warnings (undeclared entities when no DTD is loaded, refused loads) do not stop the parse
        // and are ignored. Recoverable errors (namespace errors) are kept only until a fatal error
        // comes; the first fatal error wins (later ones are consequences), except that a refusal
        // replaces it, being the more useful diagnosis.
        guard level >= Int(XML_ERR_ERROR.rawValue) else { return }
        let isFatal = level >= Int(XML_ERR_FATAL.rawValue)
        var text = message.map { String(cString: $0) } ?? "parse error"
        while let last = text.last, last.isWhitespace { text.removeLast() }
        let refused =
            code == Int(XML_ERR_ENTITY_LOOP.rawValue)
            || text.contains("XML_PARSE_HUGE") || text.contains("amplification")
            || text.contains("entity reference loop") || text.contains("Maximum entity")
        if let parseError {
            let replace = (isFatal && !parseError.fatal) || (refused && !parseError.refused)
            guard replace else { return }
        }
        // An entity's content is checked in a context of its own, whose lines count from the
        // entity's text; the main parser's position is then the better place to name.
        let fileLine = line > 0 && !refused ? lineOffset + line : (parserLine ?? lineOffset + max(line, 1))
        parseError = (text, fileLine, refused, isFatal)
    }

    private static func kind(of type: Int32) -> XMLNodeKind {
        switch type {
        case 1: .element
        case 15: .endElement
        case 3: .text
        case 4: .cdata
        case 13: .whitespace
        case 14: .significantWhitespace
        case 5: .entityReference
        case 8: .comment
        case 7: .processingInstruction
        case 10: .documentType
        default: .other
        }
    }
}

/// A growable byte buffer in memory managed by hand: appends are plain copies, with no
/// copy-on-write or exclusivity checks. Freed with ``deallocate()``.
private struct TextBuffer {
    var base: UnsafeMutablePointer<UInt8>
    var count = 0
    var capacity: Int

    init(capacity: Int = 4096) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    var isEmpty: Bool { count == 0 }

    var last: UInt8? { count > 0 ? base[count - 1] : nil }

    mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    mutating func append(_ bytes: UnsafePointer<UInt8>, _ length: Int) {
        reserve(length)
        (base + count).update(from: bytes, count: length)
        count += length
    }

    func string() -> String {
        String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self)
    }

    func deallocate() {
        base.deallocate()
    }

    private mutating func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        let grown = max(capacity * 2, count + extra)
        let new = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        new.update(from: base, count: count)
        base.deallocate()
        base = new
        capacity = grown
    }
}
