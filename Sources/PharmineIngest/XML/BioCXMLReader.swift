import PharmineCore

/// Reads BioC XML collections (`<collection>` → `<document>` → `<passage>`), streaming the whole
/// file through one ``XMLStreamReader``.
///
/// ## Documents
/// - The id is `PMID:<id>` when the BioC id is all digits (BioC files in this field, such as
///   BioRED, BC5CDR and PubTator exports, are PubMed abstracts keyed by PMID; ``Metadata/pmid`` is
///   then set too), else the id exactly as given (`PMC1234567`, `doc-7`).
/// - Document infons go to ``Metadata/extra``; the title passage's text to ``Metadata/title``.
/// - A document with no passage text is `.skipped` with reason `no_text`; one without an id is
///   `.failed` with code `invalid_document`.
///
/// ## Passages
/// The text is kept exactly as written (no white-space collapsing: annotation offsets point into
/// it), with the passage's `offset` as given and all its infons. The label is the infon
/// `section_type` when present (PMC full text: `INTRO`, `METHODS`…), else `type` (PubMed:
/// `title`, `abstract`), else `text`; the values `TITLE` and `ABSTRACT` are lowercased so that
/// articles always say `title` and `abstract`. A passage given as sentences instead of text gets
/// the sentences' texts placed at their offsets (gaps filled with spaces).
///
/// ## Annotations
/// Each `<annotation>` becomes an ``Annotation``: `type` from the infon `type`, ``Annotation/identifiers``
/// from the infon `identifier` (or `identifiers`, any case), split on `,`, `;` and `|`; the other
/// infons kept. Its span is its `location` (the hull of all locations when there are several, the
/// rest kept in infon `locations`) made passage-local by subtracting the passage offset.
///
/// BioC offsets count characters. This reader takes them as Unicode scalars (as Python and the
/// PubTator tools count) and checks each annotation: when the text at the scalar span differs from
/// the annotation's `<text>` but the text at the same numbers read as UTF-16 code units (Java and
/// C# tools) or as UTF-8 bytes matches, the span is converted to scalars. An annotation that
/// matches under no reading keeps its scalar span and gets the infon `offset_mismatch` = `true`.
/// (The BioRED files are pure ASCII, where all three readings agree.)
///
/// ## Relations
/// Each `<relation>` (document or passage level) becomes a ``Relation``: type from the infon
/// `type`; arguments from the infons `entity1` and `entity2` (BioRED: concept ids), else from the
/// first two `<node refid>` (annotation ids; their roles go to infons `role1`, `role2`).
///
/// A fatal XML error ends the file (libxml2 cannot resume): the documents before it are emitted,
/// then a `.failed` event names the file, line and the document being read.
struct BioCXMLReader: FormatReader {
    func read(_ source: ByteSource, options: IngestOptions, emit: (IngestEvent) -> Void) throws(IngestError) {
        let reader = try XMLStreamReader(source: source)
        var index = 0
        var sawCollection = false
        var currentID: String?
        do throws(IngestError) {
            while try reader.read() {
                guard reader.kind == .element else { continue }
                if reader.depth == 0 {
                    guard reader.isLocalName("collection") else {
                        throw IngestError(
                            .unknownFormat,
                            file: source.name,
                            line: reader.lineNumber,
                            message: "not BioC XML: root element <\(reader.localName)>"
                        )
                    }
                    sawCollection = true
                } else if reader.isElement("document") {
                    var parser = BioCDocumentParser(file: source.name, index: index, line: reader.lineNumber)
                    currentID = nil
                    try parser.parse(reader) { currentID = $0 }
                    emit(parser.build())
                    index += 1
                    currentID = nil
                } else if reader.depth == 1 {
                    try reader.skipSubtree()
                }
            }
        } catch {
            var error = error
            if error.documentID == nil { error.documentID = currentID.map(BioCDocumentParser.documentID) }
            if error.documentIndex == nil, error.code == .malformedXML || error.code == .refused {
                error.documentIndex = index
            }
            throw error
        }
        if !sawCollection {
            throw IngestError(.unknownFormat, file: source.name, message: "not BioC XML: no <collection>")
        }
    }
}

/// Parses one BioC `<document>` element.
struct BioCDocumentParser {
    let file: String
    let index: Int
    let line: Int
    private var id: String?
    private var documentInfons: [Infon] = []
    private var passages: [Passage] = []
    private var annotations: [Annotation] = []
    private var relations: [Relation] = []

    init(file: String, index: Int, line: Int) {
        self.file = file
        self.index = index
        self.line = line
    }

    /// The document id used for a BioC id.
    static func documentID(_ bioc: String) -> String {
        isPMID(bioc) ? "PMID:\(bioc)" : bioc
    }

    private static func isPMID(_ bioc: String) -> Bool {
        !bioc.isEmpty && bioc.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// Reads the document's subtree; the reader must be on `<document>`, and is left on `</document>`.
    mutating func parse(_ reader: XMLStreamReader, sawID: (String) -> Void) throws(IngestError) {
        guard !reader.isEmptyElement else { return }
        let depth = reader.depth
        while try reader.read() {
            if reader.kind == .endElement && reader.depth == depth { return }
            guard reader.kind == .element else { continue }
            if reader.isLocalName("passage") {
                try readPassage(reader)
            } else if reader.isLocalName("id") {
                let text = try reader.readFlattenedText()
                if id == nil {
                    id = text
                    sawID(text)
                }
            } else if reader.isLocalName("infon") {
                let key = reader.attribute("key") ?? ""
                documentInfons.append(Infon(key, try reader.readFlattenedText(collapsingWhiteSpace: false)))
            } else if reader.isLocalName("relation") {
                relations.append(try readRelation(reader))
            } else {
                try reader.skipSubtree()
            }
        }
    }

    private mutating func readPassage(_ reader: XMLStreamReader) throws(IngestError) {
        guard !reader.isEmptyElement else { return }
        let depth = reader.depth
        var infons: [Infon] = []
        var offset: Int?
        var text: String?
        var sentences: [(offset: Int, text: String)] = []
        var raw: [RawAnnotation] = []
        while try reader.read() {
            if reader.kind == .endElement && reader.depth == depth { break }
            guard reader.kind == .element else { continue }
            if reader.isLocalName("infon") {
                let key = reader.attribute("key") ?? ""
                infons.append(Infon(key, try reader.readFlattenedText(collapsingWhiteSpace: false)))
            } else if reader.isLocalName("offset") {
                offset = Int(try reader.readFlattenedText())
            } else if reader.isLocalName("text") {
                text = try reader.readFlattenedText(collapsingWhiteSpace: false)
            } else if reader.isLocalName("annotation") {
                raw.append(try readAnnotation(reader))
            } else if reader.isLocalName("relation") {
                relations.append(try readRelation(reader))
            } else if reader.isLocalName("sentence") {
                let sentence = try readSentence(reader)
                raw.append(contentsOf: sentence.annotations)
                if let sentenceText = sentence.text { sentences.append((sentence.offset ?? 0, sentenceText)) }
            } else {
                try reader.skipSubtree()
            }
        }
        let passageOffset = offset ?? passages.last.map { $0.offset + TextMeasure.scalarCount($0.text) + 1 } ?? 0
        let passageText = text ?? Self.assemble(sentences, from: passageOffset)
        let passageIndex = passages.count
        passages.append(Passage(
            label: Self.label(infons),
            text: passageText,
            offset: passageOffset,
            infons: infons
        ))
        guard !raw.isEmpty else { return }
        let indexed = IndexedText(passageText)
        for annotation in raw {
            annotations.append(annotation.resolve(in: indexed, passageOffset: passageOffset, passage: passageIndex))
        }
    }

    /// A passage text built from sentences placed at their document offsets.
    private static func assemble(_ sentences: [(offset: Int, text: String)], from start: Int) -> String {
        var scalars = String.UnicodeScalarView()
        var length = 0
        for sentence in sentences.sorted(by: { $0.offset < $1.offset }) {
            let at = sentence.offset - start
            if at < length { continue }  // overlapping sentences: keep the first
            if at > length {
                scalars.append(contentsOf: repeatElement(" ", count: at - length))
                length = at
            }
            scalars.append(contentsOf: sentence.text.unicodeScalars)
            length += sentence.text.unicodeScalars.count
        }
        return String(scalars)
    }

    private static func label(_ infons: [Infon]) -> String {
        let value = infons.first { $0.key == "section_type" }?.value ?? infons.first { $0.key == "type" }?.value
        guard let value, !value.isEmpty else { return "text" }
        switch value.lowercased() {
        case "title": return "title"
        case "abstract": return "abstract"
        default: return value
        }
    }

    private func readSentence(_ reader: XMLStreamReader) throws(IngestError) -> (
        offset: Int?, text: String?, annotations: [RawAnnotation]
    ) {
        var offset: Int?
        var text: String?
        var raw: [RawAnnotation] = []
        guard !reader.isEmptyElement else { return (nil, nil, []) }
        let depth = reader.depth
        while try reader.read() {
            if reader.kind == .endElement && reader.depth == depth { break }
            guard reader.kind == .element else { continue }
            if reader.isLocalName("offset") {
                offset = Int(try reader.readFlattenedText())
            } else if reader.isLocalName("text") {
                text = try reader.readFlattenedText(collapsingWhiteSpace: false)
            } else if reader.isLocalName("annotation") {
                raw.append(try readAnnotation(reader))
            } else {
                try reader.skipSubtree()
            }
        }
        return (offset, text, raw)
    }

    private func readAnnotation(_ reader: XMLStreamReader) throws(IngestError) -> RawAnnotation {
        var annotation = RawAnnotation(id: reader.attribute("id") ?? "")
        guard !reader.isEmptyElement else { return annotation }
        let depth = reader.depth
        while try reader.read() {
            if reader.kind == .endElement && reader.depth == depth { break }
            guard reader.kind == .element else { continue }
            if reader.isLocalName("infon") {
                let key = reader.attribute("key") ?? ""
                annotation.infons.append(Infon(key, try reader.readFlattenedText(collapsingWhiteSpace: false)))
            } else if reader.isLocalName("location") {
                let offset = reader.attribute("offset").flatMap { Int($0) }
                let length = reader.attribute("length").flatMap { Int($0) }
                if let offset, let length { annotation.locations.append((offset, length)) }
                try reader.skipSubtree()
            } else if reader.isLocalName("text") {
                annotation.text = try reader.readFlattenedText(collapsingWhiteSpace: false)
            } else {
                try reader.skipSubtree()
            }
        }
        return annotation
    }

    private func readRelation(_ reader: XMLStreamReader) throws(IngestError) -> Relation {
        let id = reader.attribute("id") ?? String(relations.count)
        var infons: [Infon] = []
        var nodes: [(refid: String, role: String)] = []
        if !reader.isEmptyElement {
            let depth = reader.depth
            while try reader.read() {
                if reader.kind == .endElement && reader.depth == depth { break }
                guard reader.kind == .element else { continue }
                if reader.isLocalName("infon") {
                    let key = reader.attribute("key") ?? ""
                    infons.append(Infon(key, try reader.readFlattenedText(collapsingWhiteSpace: false)))
                } else if reader.isLocalName("node") {
                    nodes.append((reader.attribute("refid") ?? "", reader.attribute("role") ?? ""))
                    try reader.skipSubtree()
                } else {
                    try reader.skipSubtree()
                }
            }
        }
        let type = infons.first { $0.key == "type" }?.value ?? ""
        var first = infons.first { $0.key == "entity1" }?.value
        var second = infons.first { $0.key == "entity2" }?.value
        var rest = infons.filter { $0.key != "type" && $0.key != "entity1" && $0.key != "entity2" }
        if first == nil || second == nil {
            if nodes.count > 0 {
                first = nodes[0].refid
                if !nodes[0].role.isEmpty { rest.append(Infon("role1", nodes[0].role)) }
            }
            if nodes.count > 1 {
                second = nodes[1].refid
                if !nodes[1].role.isEmpty { rest.append(Infon("role2", nodes[1].role)) }
            }
        }
        return Relation(id: id, type: type, first: first ?? "", second: second ?? "", infons: rest)
    }

    /// The document's event.
    func build() -> IngestEvent {
        guard let id, !id.isEmpty else {
            return .failed(IngestError(
                .invalidDocument,
                file: file,
                line: line,
                documentIndex: index,
                message: "BioC document without an id"
            ))
        }
        let documentID = Self.documentID(id)
        guard passages.contains(where: { !$0.text.isEmpty }) else {
            return .skipped(SkippedDocument(file: file, documentID: documentID, line: line, reason: "no_text"))
        }
        var metadata = Metadata()
        if Self.isPMID(id) { metadata.pmid = id }
        metadata.title = passages.first { $0.label == "title" }?.text
        metadata.extra = documentInfons
        var document = Document(
            id: documentID,
            format: .bioc,
            origin: Origin(file: file, index: index, line: line),
            metadata: metadata,
            passages: passages
        )
        document.annotations = annotations
        document.relations = relations
        return .document(document)
    }
}

/// An annotation as read, before its offsets are made passage-local.
private struct RawAnnotation {
    var id: String
    var infons: [Infon] = []
    var locations: [(offset: Int, length: Int)] = []
    var text: String = ""

    init(id: String) {
        self.id = id
    }

    /// The annotation, with a passage-local scalar span checked against its text.
    func resolve(in passage: IndexedText, passageOffset: Int, passage index: Int) -> Annotation {
        var type = ""
        var identifiers: [String] = []
        var rest: [Infon] = []
        for infon in infons {
            let key = infon.key.lowercased()
            if key == "type" && type.isEmpty {
                type = infon.value
            } else if (key == "identifier" || key == "identifiers") && identifiers.isEmpty {
                identifiers = Self.splitIdentifiers(infon.value)
            } else {
                rest.append(infon)
            }
        }
        var start = 0
        var end = 0
        if let first = locations.first {
            start = first.offset
            end = first.offset + first.length
            for location in locations.dropFirst() {
                start = min(start, location.offset)
                end = max(end, location.offset + location.length)
            }
            if locations.count > 1 {
                rest.append(Infon("locations", locations.map { "\($0.offset)+\($0.length)" }.joined(separator: ",")))
            }
            start -= passageOffset
            end -= passageOffset
        }
        if locations.count <= 1, !text.isEmpty, !passage.matches(text, start: start, end: end) {
            if let span = Self.reconcile(start: start, end: end, text: text, passage: passage.text) {
                start = span.start
                end = span.end
            } else {
                rest.append(Infon("offset_mismatch", "true"))
            }
        }
        return Annotation(
            id: id,
            type: type,
            text: text,
            passage: index,
            start: start,
            end: end,
            identifiers: identifiers,
            infons: rest
        )
    }

    /// Identifiers split on `,`, `;` and `|`, each trimmed of spaces and tabs, empty ones dropped.
    static func splitIdentifiers(_ value: String) -> [String] {
        var result: [String] = []
        for part in value.utf8.split(whereSeparator: { $0 == 0x2C || $0 == 0x3B || $0 == 0x7C }) {
            var trimmed = part[...]
            while let first = trimmed.first, first == 0x20 || first == 0x09 { trimmed = trimmed.dropFirst() }
            while let last = trimmed.last, last == 0x20 || last == 0x09 { trimmed = trimmed.dropLast() }
            if !trimmed.isEmpty { result.append(String(decoding: trimmed, as: UTF8.self)) }
        }
        return result
    }

    /// The scalar span whose text is `text`, reading the given numbers as scalars, then UTF-16
    /// units, then UTF-8 bytes; nil when none fits. (The slow path, after ``IndexedText/matches(_:start:end:)``
    /// has failed.)
    static func reconcile(start: Int, end: Int, text: String, passage: String) -> (start: Int, end: Int)? {
        guard start >= 0, end >= start else { return nil }
        let scalars = passage.unicodeScalars
        if end <= scalars.count {
            let from = scalars.index(scalars.startIndex, offsetBy: start)
            let to = scalars.index(from, offsetBy: end - start)
            if scalars[from..<to].elementsEqual(text.unicodeScalars) { return (start, end) }
        }
        let utf16 = passage.utf16
        if end <= utf16.count {
            let from = utf16.index(utf16.startIndex, offsetBy: start)
            let to = utf16.index(from, offsetBy: end - start)
            if let lower = from.samePosition(in: scalars), let upper = to.samePosition(in: scalars),
                scalars[lower..<upper].elementsEqual(text.unicodeScalars)
            {
                let scalarStart = scalars.distance(from: scalars.startIndex, to: lower)
                return (scalarStart, scalarStart + scalars.distance(from: lower, to: upper))
            }
        }
        let utf8 = passage.utf8
        if end <= utf8.count {
            let from = utf8.index(utf8.startIndex, offsetBy: start)
            let to = utf8.index(from, offsetBy: end - start)
            if let lower = from.samePosition(in: scalars), let upper = to.samePosition(in: scalars),
                scalars[lower..<upper].elementsEqual(text.unicodeScalars)
            {
                let scalarStart = scalars.distance(from: scalars.startIndex, to: lower)
                return (scalarStart, scalarStart + scalars.distance(from: lower, to: upper))
            }
        }
        return nil
    }
}

/// A passage text with O(1) access by scalar offset, for checking many annotations against it.
struct IndexedText {
    /// The text.
    let text: String
    private let bytes: [UInt8]
    private let map: ScalarOffsetMap
    private let scalarCount: Int

    init(_ text: String) {
        self.text = text
        bytes = Array(text.utf8)
        map = ScalarOffsetMap(text)
        scalarCount = TextMeasure.scalarCount(text)
    }

    /// Whether the scalars `start..<end` of the text are exactly `other`.
    func matches(_ other: String, start: Int, end: Int) -> Bool {
        guard start >= 0, end >= start, end <= scalarCount else { return false }
        let from = map.byteOffset(ofScalar: start)
        let to = map.byteOffset(ofScalar: end)
        return bytes[from..<to].elementsEqual(other.utf8)
    }
}
