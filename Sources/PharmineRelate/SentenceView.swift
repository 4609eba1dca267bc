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

    /// One item of the sentence.
    ///
    /// The stored properties are declared widest first, so that the item packs into 56 bytes
    /// (72 in text order): items are copied and scanned everywhere.
    struct Item {
        /// The lowercased text (for a slot, the covered text).
        var text: String
        /// Start (UTF-8 bytes into the passage).
        var start: Int
        /// End (UTF-8 bytes, exclusive).
        var end: Int
        /// The key of `text` (``WordKey/item(_:)``: 0 when it is not ASCII).
        var key: UInt64 {
            didSet { head = text.utf8.first ?? 0 }
        }
        /// For a slot: where the indices into `Document.mentions` of the mentions sharing its
        /// span lie in the view's ``SentenceView/slotMentions`` (see ``SentenceView/mentions(of:)``);
        /// empty for other items. Kept out of the item so that copying an item retains nothing but
        /// its text.
        var mentionRange: Range<Int32>
        /// What it is.
        var kind: Kind
        /// Whether whitespace separates it from the previous item.
        var spaceBefore: Bool
        /// The first byte of `text` (0 when empty): most prefixes are turned away by it.
        private(set) var head: UInt8

        init(
            kind: Kind,
            text: String,
            start: Int,
            end: Int,
            spaceBefore: Bool,
            mentionRange: Range<Int32> = 0..<0,
            key: UInt64? = nil
        ) {
            self.kind = kind
            self.text = text
            self.start = start
            self.end = end
            self.spaceBefore = spaceBefore
            self.mentionRange = mentionRange
            self.key = key ?? WordKey.item(text)
            self.head = text.utf8.first ?? 0
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
            let length = key == 0 ? -1 : text.utf8.count
            var index = 0
            while index < words.count {
                if length < 0 || words[index].utf8.count == length, words[index] == text { return true }
                index += 1
            }
            return false
        }

        /// Whether the item is punctuation with the given text.
        @inline(__always)
        func isPunctuation(_ text: String) -> Bool {
            kind == .punctuation && (key == 0 || self.text.utf8.count == text.utf8.count) && self.text == text
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
        var slots: [(start: Int, end: Int, first: Int32, last: Int32)] = []
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
                var key: UInt64 = 0
                let text = String(unsafeUninitializedCapacity: slice.count) { output in
                    for (offset, byte) in slice.enumerated() {
                        output[offset] = byte &- 0x41 < 26 ? byte | 0x20 : byte
                    }
                    key = WordKey.of(UnsafeBufferPointer(rebasing: output[0..<slice.count]))
                    return slice.count
                }
                return (text, key)
            }
        }

        // Items are built in one pass: hyphenated compounds are joined and possessive "'s" is
        // dropped as the items are appended (see ``append(_:to:previousAppended:)``).
        var items: [Item] = []
        items.reserveCapacity(tokens.count + slots.count)
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
            let lastLength = items[last].text.utf8.count
            // Hyphenated compound of plain words: word - word (all attached).
            if lastLength == 1, items[last].text == "-", last > 0, items[last - 1].kind == .word {
                items.removeLast()
                let joined = items[last - 1].text + "-" + item.text
                items[last - 1].text = joined
                items[last - 1].key = WordKey.item(joined)
                items[last - 1].end = item.end
                previousAppended = false
                return
            }
            // Possessive: "'" or "’" attached, then an attached "s".
            if lastLength == 1 && items[last].text == "'" || lastLength == 3 && items[last].text == "’",
                item.text.utf8.count == 1, item.text == "s"
            {
                items.removeLast()
                previousAppended = false
                return
            }
        }
        if item.kind == .word, !item.spaceBefore {
            let length = item.text.utf8.count
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
