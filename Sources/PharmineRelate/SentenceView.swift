import PharmineCore

/// One sentence seen as a flat sequence of items: words, punctuation, and mention slots.
///
/// Built from the core layers only (tokens, sentences, mentions): every token that overlaps a
/// mention is folded into one slot, words are lowercased, hyphenated compounds of plain words are
/// joined ("off-label", "re-uptake", "first-line") and possessive "'s" is dropped. Rules match
/// cue phrases against the words and bind roles to the slots.
struct SentenceView {
    /// What an item is.
    enum Kind: Equatable {
        case word
        case punctuation
        case slot
    }

    /// The texts of a view's items, one string per item, owned by the view.
    ///
    /// Items refer to it without retaining it, so that an item is copied as plain bytes (no
    /// reference count, no value-witness call): an item is only read while its view lives.
    final class Texts {
        /// The texts, by ``Item`` text index: `count` initialized of `capacity`. A constant
        /// pointer, so that reading a text makes no exclusivity check.
        let strings: UnsafeMutablePointer<String>
        /// How many texts fit (one per raw item: token or slot).
        let capacity: Int
        /// How many texts are set.
        private(set) var count = 0

        init(capacity: Int) {
            self.capacity = max(capacity, 0)
            strings = .allocate(capacity: self.capacity)
        }

        /// Appends a text; its index, or nil when full.
        func append(_ text: String) -> Int32? {
            guard count < capacity else { return nil }
            (strings + count).initialize(to: text)
            count += 1
            return Int32(truncatingIfNeeded: count - 1)
        }

        deinit {
            strings.deinitialize(count: count)
            strings.deallocate()
        }
    }

    /// One item of the sentence.
    ///
    /// Trivially copyable: the text lives in the view's ``Texts``; the item keeps its index, its
    /// key, its first byte and its length, which decide most tests without reading it.
    struct Item: BitwiseCopyable {
        /// Start (UTF-8 bytes into the passage).
        var start: Int
        /// End (UTF-8 bytes, exclusive).
        var end: Int
        /// The key of `text` (``WordKey/item(_:)``: 0 when it is not ASCII).
        var key: UInt64
        /// The view's texts (not retained: the view keeps them).
        private unowned(unsafe) let texts: Texts
        /// Where `text` lies in `texts`.
        private let textIndex: Int32
        /// The length of `text` in UTF-8 bytes.
        private(set) var byteCount: Int32
        /// For a slot: where the indices into `Document.mentions` of the mentions sharing its
        /// span lie in the view's ``SentenceView/slotMentions`` (see ``SentenceView/mentions(of:)``);
        /// empty for other items.
        var mentionRange: Range<Int32> { mentionLower..<mentionUpper }
        /// The bounds of `mentionRange` (a `Range` is not bitwise copyable).
        private let mentionLower: Int32
        private let mentionUpper: Int32
        /// What it is.
        var kind: Kind
        /// Whether whitespace separates it from the previous item.
        var spaceBefore: Bool
        /// The first byte of `text` (0 when empty): most prefixes are turned away by it.
        private(set) var head: UInt8

        /// The lowercased text (for a slot, the covered text).
        var text: String { textIndex < 0 ? "" : texts.strings[Int(textIndex)] }

        /// An item whose text is appended to `texts`.
        init(
            kind: Kind,
            text: String,
            texts: Texts,
            start: Int,
            end: Int,
            spaceBefore: Bool,
            mentionRange: Range<Int32> = 0..<0,
            key: UInt64
        ) {
            self.kind = kind
            self.texts = texts
            self.textIndex = texts.append(text) ?? -1
            self.byteCount = Int32(truncatingIfNeeded: text.utf8.count)
            self.start = start
            self.end = end
            self.spaceBefore = spaceBefore
            self.mentionLower = mentionRange.lowerBound
            self.mentionUpper = mentionRange.upperBound
            self.key = key
            self.head = text.utf8.first ?? 0
        }

        /// Replaces the text (and its key and length); the first byte is that of the new text.
        mutating func setText(_ text: String) {
            if textIndex >= 0 { texts.strings[Int(textIndex)] = text }
            key = WordKey.item(text)
            byteCount = Int32(truncatingIfNeeded: text.utf8.count)
            head = text.utf8.first ?? 0
        }

        /// Whether the item is a word of more than four bytes ending in "-ly", read as an adverb
        /// ("potently", "selectively").
        var isLyAdverb: Bool {
            kind == .word && byteCount > 4 && text.hasSuffix("ly")
        }

        /// Whether the item is a word with one of the given texts.
        func isWord(_ words: Set<String>) -> Bool {
            kind == .word && words.contains(text)
        }

        /// Whether the item is a word of a word list (probed by its key, without hashing).
        @inline(__always)
        func isWord(_ words: WordSet) -> Bool {
            kind == .word && words.contains(key: key, text: text)
        }

        /// Whether the item is a word with one of a few given texts. Call sites with a literal
        /// list take this overload, which builds no Set (hashing every literal) per call; texts
        /// of another length are passed over without comparing them.
        @inline(__always)
        func isWord(_ words: [String]) -> Bool {
            guard kind == .word else { return false }
            // An ASCII text equals only a word of its length; other texts are compared in full.
            let length = key == 0 ? -1 : Int(byteCount)
            var index = 0
            while index < words.count {
                if length < 0 || words[index].utf8.count == length, words[index] == text { return true }
                index += 1
            }
            return false
        }

        /// Whether the item is a word with one of a few literal texts (`isWord(oneOf: ["of", "for"])`).
        ///
        /// The literals are static strings: their array holds no references, so it is neither
        /// retained nor released per call, and the compiler may lay it out once. An ASCII text is
        /// compared by its bytes, and only with literals of its length; other texts as strings.
        @inline(__always)
        func isWord(oneOf words: [StaticString]) -> Bool {
            guard kind == .word else { return false }
            guard key != 0 else { return Self.equalsAny(text, words) }
            let length = Int(byteCount)
            var index = 0
            while index < words.count {
                let equal = words[index].withUTF8Buffer { word -> Bool in
                    guard word.count == length else { return false }
                    var text = self.text
                    return text.withUTF8 { $0.elementsEqual(word) }
                }
                if equal { return true }
                index += 1
            }
            return false
        }

        /// Whether a text that is not ASCII equals one of the literals, as strings compare.
        @inline(never)
        private static func equalsAny(_ text: String, _ words: [StaticString]) -> Bool {
            words.contains { $0.description == text }
        }

        /// Whether the item is punctuation with the given text.
        @inline(__always)
        func isPunctuation(_ text: String) -> Bool {
            kind == .punctuation && (key == 0 || Int(byteCount) == text.utf8.count) && self.text == text
        }

        /// Whether the text starts with a prefix, as `String.hasPrefix` decides, comparing bytes
        /// where that decides the same (an ASCII prefix followed by ASCII or nothing).
        @inline(__always)
        func hasPrefix(_ prefix: String) -> Bool {
            // A first ASCII byte that differs from the text's first ASCII byte decides "no".
            if let first = prefix.utf8.first, first < 0x80, head < 0x80, first != head { return false }
            return Lexical.hasPrefix(text, prefix)
        }
    }

    /// The document-wide sentence index.
    let sentence: Int
    /// The passage index.
    let passage: Int
    /// The items, in text order.
    var items: [Item]
    /// The texts of the items (which do not retain them).
    let texts: Texts
    /// The mention indices of every slot, slot after slot (each slot's ``Item/mentionRange``).
    let slotMentions: [Int]

    /// The indices into `Document.mentions` of the mentions of an item (empty unless a slot).
    @inline(__always)
    func mentions(of item: Item) -> ArraySlice<Int> {
        slotMentions[Int(item.mentionRange.lowerBound)..<Int(item.mentionRange.upperBound)]
    }

    /// Builds the view of one sentence.
    ///
    /// - Parameters:
    ///   - sentenceIndex: The index of the sentence in `document.sentences`.
    ///   - document: The document (tokens, sentences and mentions filled).
    ///   - bytes: The UTF-8 bytes of the sentence's passage.
    ///   - mentionIndices: Indices of the mentions lying in the sentence.
    ///
    /// The document is borrowed: an initializer would otherwise take its own copy of it,
    /// retaining and releasing every layer, once per sentence.
    init(sentenceIndex: Int, document: borrowing Document, bytes: [UInt8], mentionIndices: [Int]) {
        let sentence = document.sentences[sentenceIndex]
        self.sentence = sentenceIndex
        self.passage = sentence.passage

        // Choose slots: longest first at each start; an anaphor wins a tie; an overlapping
        // shorter mention is dropped, an identical span joins the slot. A slot's mentions are a
        // run of `slotMentions` (mentions of one span are neighbours in that order), so no array
        // is made per slot.
        // Reserved up front: appending grew it (reallocating) once per doubling.
        var slots: [(start: Int, end: Int, first: Int32, last: Int32)] = []
        slots.reserveCapacity(mentionIndices.count)
        var slotMentions: [Int] = []
        slotMentions.reserveCapacity(mentionIndices.count)
        document.mentions.withUnsafeBufferPointer { mentions in
            let ordered = mentionIndices.sorted { a, b in
                if mentions[a].start != mentions[b].start { return mentions[a].start < mentions[b].start }
                if mentions[a].end != mentions[b].end { return mentions[a].end > mentions[b].end }
                let aAnaphor = mentions[a].source == .anaphor
                if aAnaphor != (mentions[b].source == .anaphor) { return aAnaphor }
                return a < b
            }
            for index in ordered {
                let start = mentions[index].start
                let end = mentions[index].end
                guard start < end, end <= bytes.count else { continue }
                if let last = slots.indices.last {
                    if slots[last].start == start && slots[last].end == end {
                        slotMentions.append(index)
                        slots[last].last += 1
                        continue
                    }
                    if start < slots[last].end { continue }
                }
                let first = Int32(truncatingIfNeeded: slotMentions.count)
                slotMentions.append(index)
                slots.append((start, end, first, first + 1))
            }
        }

        var tokens: ArraySlice<Token> = []
        if sentence.passage < document.tokens.count {
            let all = document.tokens[sentence.passage]
            let range = sentence.tokens.clamped(to: all.indices)
            tokens = all[range]
        }

        /// The lowercased text of a byte range and its key: ASCII bytes are lowercased and keyed
        /// in one pass; other text goes through `String.lowercased()`.
        func text(_ start: Int, _ end: Int) -> (String, UInt64) {
            let lower = max(0, min(start, bytes.count))
            let upper = max(lower, min(end, bytes.count))
            return bytes.withUnsafeBufferPointer { buffer in
                let slice = UnsafeBufferPointer(rebasing: buffer[lower..<upper])
                var ascii = true
                for byte in slice where byte >= 0x80 {
                    ascii = false
                    break
                }
                guard ascii else {
                    let text = String(decoding: slice, as: UTF8.self).lowercased()
                    return (text, WordKey.item(text))
                }
                // Lowercased and keyed (``WordKey/of(_:)``) in the same pass over the bytes.
                var hash: UInt64 = 0xcbf2_9ce4_8422_2325
                let count = slice.count
                let text = String(unsafeUninitializedCapacity: count) { output in
                    guard let source = slice.baseAddress, let target = output.baseAddress else { return 0 }
                    var offset = 0
                    while offset < count {
                        let byte = source[offset]
                        let lower = byte &- 0x41 < 26 ? byte | 0x20 : byte
                        target[offset] = lower
                        hash = (hash ^ UInt64(lower)) &* 0x0000_0100_0000_01b3
                        offset += 1
                    }
                    return count
                }
                return (text, hash == 0 ? 1 : hash)
            }
        }

        // Items are built in one pass: hyphenated compounds are joined and possessive "'s" is
        // dropped as the items are appended (see ``append(_:to:previousAppended:)``).
        var items: [Item] = []
        items.reserveCapacity(tokens.count + slots.count)
        let texts = Texts(capacity: tokens.count + slots.count)
        var previousAppended = false
        var slotCursor = 0
        var previousEnd = sentence.start
        func emitSlots(before limit: Int) {
            while slotCursor < slots.count && slots[slotCursor].start < limit {
                let (text, key) = text(slots[slotCursor].start, slots[slotCursor].end)
                let start = slots[slotCursor].start
                let end = slots[slotCursor].end
                SentenceView.append(
                    Item(
                        kind: .slot,
                        text: text,
                        texts: texts,
                        start: start,
                        end: end,
                        spaceBefore: start > previousEnd,
                        mentionRange: slots[slotCursor].first..<slots[slotCursor].last,
                        key: key
                    ),
                    to: &items,
                    previousAppended: &previousAppended
                )
                previousEnd = end
                slotCursor += 1
            }
        }
        var lastWasSlotEnd = -1
        for token in tokens {
            let before = slotCursor
            emitSlots(before: token.end)
            if slotCursor > before { lastWasSlotEnd = slots[slotCursor - 1].end }
            // The last item appended was a slot that this token overlaps.
            if lastWasSlotEnd >= 0, token.start < lastWasSlotEnd { continue }
            if slotCursor > 0, token.start < slots[slotCursor - 1].end, token.end > slots[slotCursor - 1].start {
                continue
            }
            let kind: Kind = token.kind == .punctuation ? .punctuation : .word
            let (text, key) = text(token.start, token.end)
            SentenceView.append(
                Item(
                    kind: kind,
                    text: text,
                    texts: texts,
                    start: token.start,
                    end: token.end,
                    spaceBefore: token.start > previousEnd,
                    key: key
                ),
                to: &items,
                previousAppended: &previousAppended
            )
            lastWasSlotEnd = -1
            previousEnd = token.end
        }
        emitSlots(before: Int.max)
        self.items = items
        self.texts = texts
        self.slotMentions = slotMentions
    }

    /// Appends the next raw item, joining hyphenated words and dropping possessive "'s".
    ///
    /// A hyphen or an apostrophe is appended as it comes; the word after it decides: an attached
    /// word after an attached "-" that follows a word joins the compound ("off-label"), an
    /// attached "s" after an attached "'" or "’" drops both. `previousAppended` tells whether
    /// the last item is the previous raw item, appended unchanged.
    private static func append(_ item: Item, to items: inout [Item], previousAppended: inout Bool) {
        if item.kind == .word, !item.spaceBefore, previousAppended, let last = items.indices.last,
            items[last].kind == .punctuation, !items[last].spaceBefore
        {
            let lastLength = items[last].byteCount
            // Hyphenated compound of plain words: word - word (all attached).
            if lastLength == 1, items[last].text == "-", last > 0, items[last - 1].kind == .word {
                items.removeLast()
                let joined = items[last - 1].text + "-" + item.text
                items[last - 1].setText(joined)
                items[last - 1].end = item.end
                previousAppended = false
                return
            }
            // Possessive: "'" or "’" attached, then an attached "s".
            if lastLength == 1 && items[last].text == "'" || lastLength == 3 && items[last].text == "’",
                item.byteCount == 1, item.text == "s"
            {
                items.removeLast()
                previousAppended = false
                return
            }
        }
        if item.kind == .word, !item.spaceBefore {
            let length = item.byteCount
            if length == 2 && item.text == "'s" || length == 4 && item.text == "’s" {
                previousAppended = false
                return
            }
        }
        items.append(item)
        previousAppended = true
    }

    /// The index of the item that holds a mention, if any.
    func itemIndex(ofMention mention: Int) -> Int? {
        items.firstIndex { $0.kind == .slot && mentions(of: $0).contains(mention) }
    }
}
