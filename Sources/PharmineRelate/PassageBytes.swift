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

/// A few lowercase ASCII needles searched for at once in bytes with ASCII letters case folded
/// (as `containsFolded(_:)` folds them): one pass over the bytes, and only
/// the needles that start with a byte are compared where it occurs.
struct NeedleSet {
    /// The needles' bytes, one after the other.
    private let bytes: [UInt8]
    /// Where each needle lies in `bytes`.
    private let ranges: [Range<Int>]
    /// For each folded byte 0x60–0x7F, the needles (bits by index) starting with it.
    private let byFirst: [UInt64]

    /// A set of at most 64 lowercase needles (letters only).
    init(_ needles: [String]) {
        var bytes: [UInt8] = []
        var ranges: [Range<Int>] = []
        var byFirst = [UInt64](repeating: 0, count: 32)
        for (index, needle) in needles.prefix(64).enumerated() {
            let start = bytes.count
            bytes += Array(needle.utf8)
            ranges.append(start..<bytes.count)
            if let first = needle.utf8.first, first >= 0x60, first < 0x80 {
                byFirst[Int(first - 0x60)] |= 1 << UInt64(index)
            }
        }
        self.bytes = bytes
        self.ranges = ranges
        self.byFirst = byFirst
    }

    /// Whether one of the needles occurs in `text`, each byte folded with `| 0x20`
    /// (`needles.contains { text.containsFolded($0) }`).
    func occurs(inFolded text: ArraySlice<UInt8>) -> Bool {
        text.withUnsafeBufferPointer { text in
            bytes.withUnsafeBufferPointer { bytes in
                ranges.withUnsafeBufferPointer { ranges in
                    byFirst.withUnsafeBufferPointer { byFirst in
                        for index in text.indices {
                            let folded = text[index] | 0x20
                            guard folded >= 0x60, folded < 0x80 else { continue }
                            var candidates = byFirst[Int(folded - 0x60)]
                            while candidates != 0 {
                                let needle = ranges[candidates.trailingZeroBitCount]
                                candidates &= candidates - 1
                                guard index + needle.count <= text.count else { continue }
                                var matched = true
                                var offset = 1
                                while offset < needle.count {
                                    if text[index + offset] | 0x20 != bytes[needle.lowerBound + offset] {
                                        matched = false
                                        break
                                    }
                                    offset += 1
                                }
                                if matched { return true }
                            }
                        }
                        return false
                    }
                }
            }
        }
    }
}
