import PharmineContext
import PharmineCore
import PharmineText

/// Builds test documents: passages run through the text stage, then mentions placed by
/// searching the text.
struct DocumentBuilder {
    var document: Document

    init(_ passages: String...) {
        var document = Document(id: "test", format: .text, origin: Origin(file: "test.txt", index: 0))
        document.passages = passages.enumerated().map { Passage(label: "p\($0.offset)", text: $0.element) }
        self.document = TextStage().process(document)
    }

    /// The UTF-8 byte ranges where `needle` occurs in a passage.
    func occurrences(of needle: String, passage: Int = 0) -> [Range<Int>] {
        let haystack = Array(document.passages[passage].text.utf8)
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty, haystack.count >= pattern.count else { return [] }
        var result: [Range<Int>] = []
        for start in 0...(haystack.count - pattern.count)
        where haystack[start..<(start + pattern.count)].elementsEqual(pattern) {
            result.append(start..<(start + pattern.count))
        }
        return result
    }

    /// The sentence index holding a byte offset of a passage.
    func sentence(passage: Int, offset: Int) -> Int {
        document.sentences.firstIndex { $0.passage == passage && $0.start <= offset && offset < $0.end } ?? -1
    }

    /// Adds a mention at every occurrence (or the given one) of `text`.
    @discardableResult
    mutating func mention(
        _ text: String,
        _ type: EntityType = .condition,
        id: String? = nil,
        name: String? = nil,
        passage: Int = 0,
        occurrence: Int? = nil,
        isClass: Bool = false
    ) -> Self {
        let found = occurrences(of: text, passage: passage)
        let chosen = occurrence.map { found.indices.contains($0) ? [found[$0]] : [] } ?? found
        for range in chosen {
            document.mentions.append(
                Mention(
                    type: type,
                    id: id ?? "TEST:\(text.lowercased())",
                    name: name ?? text.lowercased(),
                    passage: passage,
                    sentence: sentence(passage: passage, offset: range.lowerBound),
                    start: range.lowerBound,
                    end: range.upperBound,
                    isClass: isClass
                )
            )
        }
        document.mentions.sort { ($0.passage, $0.start, $0.end) < ($1.passage, $1.start, $1.end) }
        return self
    }

    /// The text of a span of a passage.
    func text(passage: Int, _ start: Int, _ end: Int) -> String {
        String(decoding: Array(document.passages[passage].text.utf8)[start..<end], as: UTF8.self)
    }
}

extension Document {
    /// The mention whose span text is `text` (the first, or the given occurrence).
    func mention(_ text: String, passage: Int = 0, source: Mention.Source? = nil) -> Mention? {
        let bytes = Array(passages[passage].text.utf8)
        return mentions.first {
            $0.passage == passage && (source == nil || $0.source == source)
                && String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) == text
        }
    }
}
