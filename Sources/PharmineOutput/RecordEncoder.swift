public import PharmineCore

/// Encodes the layers of a document as JSON Lines records with fixed keys in a fixed order.
///
/// - Triples (``appendTriples(of:to:)``): `doc`, `section`, `sentence`, `predicate`, `qualifier`,
///   `subject`, `object` (each `id`, `name`, `type`, `text`, `start`, `end`), `negated`,
///   `hedged`, `confidence`, `rule`, `evidence`, `known`.
/// - Mentions (``appendMentions(of:to:)``): `doc`, `section`, `sentence`, `type`, `id`, `name`,
///   `text`, `start`, `end`, `negated`, `hedged`, `source`.
/// - Documents (``appendDocument(_:to:)``): the parsed document as read, for `pharmine docs`.
///
/// Offsets are Unicode scalar offsets into the passage text (the mention's UTF-8 offsets converted
/// with one ``ScalarOffsetMap`` per passage); slicing the passage text at them gives `text`.
/// `sentence` is the document-wide sentence index (0 is the first sentence of the first passage).
/// `evidence` is the text of that sentence, or the passage text when the document has no sentence
/// layer. Confidence is written with at most 3 decimals and clamped to [0, 1].
///
/// Stateless; one encoder may serve every thread.
public struct RecordEncoder: Sendable {
    /// Creates an encoder.
    public init() {}

    /// Appends one triple record per triple of the document, each ending with a line feed.
    ///
    /// - Parameters:
    ///   - document: The document, with its `triples` (and `sentences`) layers.
    ///   - json: The writer to append to.
    public func appendTriples(of document: Document, to json: inout JSONWriter) {
        guard !document.triples.isEmpty else { return }
        appendTriples(of: document, spans: PassageSpans(document), to: &json)
    }

    private func appendTriples(of document: Document, spans: PassageSpans, to json: inout JSONWriter) {
        for triple in document.triples {
            let passage = spans.passageOfSentence(triple.sentence) ?? triple.subject.passage
            json.beginObject()
            json.field("doc", document.id)
            json.field("section", spans.label(passage))
            json.field("sentence", triple.sentence)
            json.field("predicate", triple.predicate.rawValue)
            json.field("qualifier", triple.qualifier)
            json.key("subject")
            appendEntity(triple.subject, spans: spans, to: &json)
            json.key("object")
            appendEntity(triple.object, spans: spans, to: &json)
            json.field("negated", triple.negated)
            json.field("hedged", triple.hedged)
            json.key("confidence")
            json.double(Self.clampConfidence(triple.confidence))
            json.field("rule", triple.rule)
            json.key("evidence")
            spans.appendSentenceText(triple.sentence, passage: passage, to: &json)
            json.field("known", triple.known)
            json.endObject()
            json.newline()
        }
    }

    /// Appends one mention record per mention of the document, each ending with a line feed.
    ///
    /// - Parameters:
    ///   - document: The document, with its `mentions` layer.
    ///   - json: The writer to append to.
    public func appendMentions(of document: Document, to json: inout JSONWriter) {
        guard !document.mentions.isEmpty else { return }
        appendMentions(of: document, spans: PassageSpans(document), to: &json)
    }

    private func appendMentions(of document: Document, spans: PassageSpans, to json: inout JSONWriter) {
        for mention in document.mentions {
            json.beginObject()
            json.field("doc", document.id)
            json.field("section", spans.label(mention.passage))
            json.field("sentence", mention.sentence)
            json.field("type", mention.type.rawValue)
            json.field("id", mention.id)
            json.field("name", mention.name)
            appendSpan(mention, spans: spans, to: &json)
            json.field("negated", mention.negated)
            json.field("hedged", mention.hedged)
            json.field("source", mention.source.rawValue)
            json.endObject()
            json.newline()
        }
    }

    /// Encodes the records of every streamed format for one document, converting each passage's
    /// offsets once for all of them.
    ///
    /// - Parameters:
    ///   - document: The document.
    ///   - formats: The formats; those that are not streamed (``OutputFormat/isStreamed``) are ignored.
    ///   - json: A scratch writer, reused between calls.
    /// - Returns: Per format, the encoded lines and how many records they hold.
    public func records(
        of document: Document,
        formats: [OutputFormat],
        json: inout JSONWriter
    ) -> [OutputFormat: (bytes: [UInt8], count: Int)] {
        var records: [OutputFormat: (bytes: [UInt8], count: Int)] = [:]
        let spans = PassageSpans(document)
        for format in formats {
            json.reset()
            switch format {
            case .triples:
                appendTriples(of: document, spans: spans, to: &json)
                records[format] = (json.bytes, document.triples.count)
            case .mentions:
                appendMentions(of: document, spans: spans, to: &json)
                records[format] = (json.bytes, document.mentions.count)
            case .documents:
                appendDocument(document, to: &json)
                records[format] = (json.bytes, 1)
            case .evidence, .kgx:
                continue
            }
        }
        return records
    }

    /// Appends the document as read: one object and a line feed.
    ///
    /// Keys: `id`, `format`, `origin` {`file`, `index`, `line`}, `metadata` {`title`, `journal`,
    /// `year`, `doi`, `pmid`, `pmcid`, `mesh`, `chemicals`, `publication_types`, `keywords`,
    /// `extra`}, `passages` [{`label`, `offset`, `text`, `infons`}], `annotations` [{`id`, `type`,
    /// `text`, `passage`, `start`, `end`, `identifiers`, `infons`}] and `relations` [{`id`, `type`,
    /// `first`, `second`, `infons`}] (empty arrays when the input carries none). Infons and
    /// `extra` are objects of strings; a key that occurs more than once has its values joined
    /// with `"; "`.
    ///
    /// - Parameters:
    ///   - document: The document.
    ///   - json: The writer to append to.
    public func appendDocument(_ document: Document, to json: inout JSONWriter) {
        json.beginObject()
        json.field("id", document.id)
        json.field("format", document.format.rawValue)
        json.key("origin")
        json.beginObject()
        json.field("file", document.origin.file)
        json.field("index", document.origin.index)
        json.field("line", document.origin.line)
        json.endObject()

        let metadata = document.metadata
        json.key("metadata")
        json.beginObject()
        json.field("title", metadata.title)
        json.field("journal", metadata.journal)
        json.field("year", metadata.year)
        json.field("doi", metadata.doi)
        json.field("pmid", metadata.pmid)
        json.field("pmcid", metadata.pmcid)
        json.key("mesh")
        appendStrings(metadata.meshHeadings, to: &json)
        json.key("chemicals")
        appendStrings(metadata.chemicals, to: &json)
        json.key("publication_types")
        appendStrings(metadata.publicationTypes, to: &json)
        json.key("keywords")
        appendStrings(metadata.keywords, to: &json)
        json.key("extra")
        appendInfons(metadata.extra, to: &json)
        json.endObject()

        json.key("passages")
        json.beginArray()
        for passage in document.passages {
            json.beginObject()
            json.field("label", passage.label)
            json.field("offset", passage.offset)
            json.field("text", passage.text)
            json.key("infons")
            appendInfons(passage.infons, to: &json)
            json.endObject()
        }
        json.endArray()

        json.key("annotations")
        json.beginArray()
        for annotation in document.annotations {
            json.beginObject()
            json.field("id", annotation.id)
            json.field("type", annotation.type)
            json.field("text", annotation.text)
            json.field("passage", annotation.passage)
            json.field("start", annotation.start)
            json.field("end", annotation.end)
            json.key("identifiers")
            appendStrings(annotation.identifiers, to: &json)
            json.key("infons")
            appendInfons(annotation.infons, to: &json)
            json.endObject()
        }
        json.endArray()

        json.key("relations")
        json.beginArray()
        for relation in document.relations {
            json.beginObject()
            json.field("id", relation.id)
            json.field("type", relation.type)
            json.field("first", relation.first)
            json.field("second", relation.second)
            json.key("infons")
            appendInfons(relation.infons, to: &json)
            json.endObject()
        }
        json.endArray()
        json.endObject()
        json.newline()
    }

    // MARK: - Parts

    /// Clamps a confidence into [0, 1]; NaN becomes 0.
    static func clampConfidence(_ value: Double) -> Double {
        guard !value.isNaN else { return 0 }
        return min(1, max(0, value))
    }

    private func appendEntity(_ mention: Mention, spans: PassageSpans, to json: inout JSONWriter) {
        json.beginObject()
        json.field("id", mention.id)
        json.field("name", mention.name)
        json.field("type", mention.type.rawValue)
        appendSpan(mention, spans: spans, to: &json)
        json.endObject()
    }

    /// Writes `text`, `start`, `end` of a mention.
    private func appendSpan(_ mention: Mention, spans: PassageSpans, to json: inout JSONWriter) {
        let span = spans.span(passage: mention.passage, start: mention.start, end: mention.end)
        json.key("text")
        spans.appendText(passage: mention.passage, bytes: span.bytes, to: &json)
        json.field("start", span.start)
        json.field("end", span.end)
    }

    private func appendStrings(_ values: [String], to json: inout JSONWriter) {
        json.beginArray()
        for value in values { json.string(value) }
        json.endArray()
    }

    private func appendInfons(_ infons: [Infon], to json: inout JSONWriter) {
        json.beginObject()
        var seen: [String: Int] = [:]
        var merged: [(key: String, value: String)] = []
        for infon in infons {
            if let index = seen[infon.key] {
                merged[index].value += "; " + infon.value
            } else {
                seen[infon.key] = merged.count
                merged.append((infon.key, infon.value))
            }
        }
        for (key, value) in merged {
            json.key(string: key)
            json.string(value)
        }
        json.endObject()
    }
}

/// Per-document helper: passage labels, offset maps built once per passage, and text slices.
final class PassageSpans {
    private let document: Document
    private var maps: [ScalarOffsetMap?]

    init(_ document: Document) {
        self.document = document
        maps = Array(repeating: nil, count: document.passages.count)
    }

    func label(_ passage: Int) -> String {
        document.passages.indices.contains(passage) ? document.passages[passage].label : ""
    }

    func passageOfSentence(_ sentence: Int) -> Int? {
        document.sentences.indices.contains(sentence) ? document.sentences[sentence].passage : nil
    }

    private func map(_ passage: Int) -> ScalarOffsetMap {
        if let map = maps[passage] { return map }
        let map = ScalarOffsetMap(document.passages[passage].text)
        maps[passage] = map
        return map
    }

    /// Clamps a UTF-8 span to its passage and converts it to scalar offsets.
    func span(passage: Int, start: Int, end: Int) -> (start: Int, end: Int, bytes: Range<Int>) {
        guard document.passages.indices.contains(passage) else { return (0, 0, 0..<0) }
        let count = document.passages[passage].text.utf8.count
        let lower = min(max(0, start), count)
        let upper = min(max(lower, end), count)
        let map = map(passage)
        return (map.scalarOffset(ofByte: lower), map.scalarOffset(ofByte: upper), lower..<upper)
    }

    /// Writes a slice of a passage's text as a JSON string.
    func appendText(passage: Int, bytes: Range<Int>, to json: inout JSONWriter) {
        guard document.passages.indices.contains(passage) else {
            json.string("")
            return
        }
        let utf8 = document.passages[passage].text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: bytes.lowerBound)
        let upper = utf8.index(lower, offsetBy: bytes.count)
        json.string(utf8: utf8[lower..<upper])
    }

    /// Writes the text of a sentence, or of the whole passage when the sentence is unknown.
    func appendSentenceText(_ sentence: Int, passage: Int, to json: inout JSONWriter) {
        if document.sentences.indices.contains(sentence) {
            let span = document.sentences[sentence]
            let clamped = self.span(passage: span.passage, start: span.start, end: span.end)
            appendText(passage: span.passage, bytes: clamped.bytes, to: &json)
        } else if document.passages.indices.contains(passage) {
            json.string(document.passages[passage].text)
        } else {
            json.string("")
        }
    }
}
