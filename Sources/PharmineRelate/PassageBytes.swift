import PharmineCore

/// The UTF-8 bytes of a document's passages, made once per passage and kept while the document's
/// sentences are walked, with the slice of one sentence.
struct PassageBytes {
    private var byPassage: [[UInt8]?]

    /// An empty cache for the passages of `document`.
    init(_ document: Document) {
        byPassage = [[UInt8]?](repeating: nil, count: document.passages.count)
    }

    /// The bytes of passage `passage` of `document` (the document the cache was made for).
    mutating func bytes(of passage: Int, in document: Document) -> [UInt8] {
        guard byPassage.indices.contains(passage) else { return [] }
        if let cached = byPassage[passage] { return cached }
        let bytes = Array(document.passages[passage].text.utf8)
        byPassage[passage] = bytes
        return bytes
    }

    /// The bytes of `sentence` within its passage's `bytes`, clamped to them.
    static func text(of sentence: Sentence, in bytes: [UInt8]) -> ArraySlice<UInt8> {
        let lower = max(0, min(sentence.start, bytes.count))
        return bytes[lower..<max(lower, min(sentence.end, bytes.count))]
    }
}

extension ArraySlice<UInt8> {
    /// Whether the bytes contain `needle` with ASCII letters case folded; `needle` is lower case.
    func containsFolded(_ needle: [UInt8]) -> Bool {
        guard let first = needle.first, count >= needle.count else { return false }
        var index = startIndex
        let last = endIndex - needle.count
        while index <= last {
            if self[index] | 0x20 == first {
                var matched = true
                for offset in 1..<needle.count where self[index + offset] | 0x20 != needle[offset] {
                    matched = false
                    break
                }
                if matched { return true }
            }
            index += 1
        }
        return false
    }
}
