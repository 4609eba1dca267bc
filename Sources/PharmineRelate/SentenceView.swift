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
    struct Item {
        /// What it is.
        var kind: Kind
        /// The lowercased text (for a slot, the covered text).
        var text: String
        /// Start (UTF-8 bytes into the passage).
        var start: Int
        /// End (UTF-8 bytes, exclusive).
        var end: Int
        /// Whether whitespace separates it from the previous item.
        var spaceBefore: Bool
        /// For a slot: indices into `Document.mentions` of the mentions sharing its span.
        var mentions: [Int]
        /// The ``WordKey`` of `text`.
        var key: UInt64

        init(kind: Kind, text: String, start: Int, end: Int, spaceBefore: Bool, mentions: [Int], key: UInt64? = nil) {
            self.kind = kind
            self.text = text
            self.start = start
            self.end = end
            self.spaceBefore = spaceBefore
            self.mentions = mentions
            self.key = key ?? WordKey.of(text)
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
            let length = text.utf8.count
            for word in words where word.utf8.count == length && word == text { return true }
            return false
        }

        /// Whether the item is punctuation with the given text.
        @inline(__always)
        func isPunctuation(_ text: String) -> Bool {
            kind == .punctuation && self.text.utf8.count == text.utf8.count && self.text == text
        }

        /// Whether the text starts with a prefix, as `String.hasPrefix` decides, comparing bytes
        /// where that decides the same (an ASCII prefix followed by ASCII or nothing).
        @inline(__always)
        func hasPrefix(_ prefix: String) -> Bool {
            Lexical.hasPrefix(text, prefix)
        }
    }

    /// The document-wide sentence index.
    let sentence: Int
    /// The passage index.
    let passage: Int
    /// The items, in text order.
    var items: [Item]

    /// Builds the view of one sentence.
    ///
    /// - Parameters:
    ///   - sentenceIndex: The index of the sentence in `document.sentences`.
    ///   - document: The document (tokens, sentences and mentions filled).
    ///   - bytes: The UTF-8 bytes of the sentence's passage.
    ///   - mentionIndices: Indices of the mentions lying in the sentence.
    init(sentenceIndex: Int, document: Document, bytes: [UInt8], mentionIndices: [Int]) {
        let sentence = document.sentences[sentenceIndex]
        self.sentence = sentenceIndex
        self.passage = sentence.passage

        // Choose slots: longest first at each start; an anaphor wins a tie; an overlapping
        // shorter mention is dropped, an identical span joins the slot.
        let ordered = mentionIndices.sorted { a, b in
            let ma = document.mentions[a]
            let mb = document.mentions[b]
            if ma.start != mb.start { return ma.start < mb.start }
            if ma.end != mb.end { return ma.end > mb.end }
            if (ma.source == .anaphor) != (mb.source == .anaphor) { return ma.source == .anaphor }
            return a < b
        }
        var slots: [(start: Int, end: Int, mentions: [Int])] = []
        for index in ordered {
            let mention = document.mentions[index]
            guard mention.start < mention.end, mention.end <= bytes.count else { continue }
            if let last = slots.indices.last {
                if slots[last].start == mention.start && slots[last].end == mention.end {
                    slots[last].mentions.append(index)
                    continue
                }
                if mention.start < slots[last].end { continue }
            }
            slots.append((mention.start, mention.end, [index]))
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
                    return (text, WordKey.of(text))
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

        var raw: [Item] = []
        var slotCursor = 0
        var previousEnd = sentence.start
        func emitSlots(before limit: Int) {
            while slotCursor < slots.count && slots[slotCursor].start < limit {
                let slot = slots[slotCursor]
                let (text, key) = text(slot.start, slot.end)
                raw.append(
                    Item(
                        kind: .slot,
                        text: text,
                        start: slot.start,
                        end: slot.end,
                        spaceBefore: slot.start > previousEnd,
                        mentions: slot.mentions,
                        key: key
                    )
                )
                previousEnd = slot.end
                slotCursor += 1
            }
        }
        for token in tokens {
            emitSlots(before: token.end)
            if let last = raw.last, last.kind == .slot, token.start < last.end { continue }
            if slotCursor > 0, token.start < slots[slotCursor - 1].end, token.end > slots[slotCursor - 1].start {
                continue
            }
            let kind: Kind = token.kind == .punctuation ? .punctuation : .word
            let (text, key) = text(token.start, token.end)
            raw.append(
                Item(
                    kind: kind,
                    text: text,
                    start: token.start,
                    end: token.end,
                    spaceBefore: token.start > previousEnd,
                    mentions: [],
                    key: key
                )
            )
            previousEnd = token.end
        }
        emitSlots(before: Int.max)
        self.items = SentenceView.joinCompounds(raw)
    }

    /// Joins hyphenated words and drops possessive "'s".
    private static func joinCompounds(_ raw: [Item]) -> [Item] {
        var items: [Item] = []
        items.reserveCapacity(raw.count)
        var index = 0
        while index < raw.count {
            let item = raw[index]
            // Possessive: "'" or "’" attached, then an attached "s".
            if item.kind == .punctuation, item.text == "'" || item.text == "’", !item.spaceBefore,
                index + 1 < raw.count, raw[index + 1].kind == .word, raw[index + 1].text == "s",
                !raw[index + 1].spaceBefore
            {
                index += 2
                continue
            }
            if item.kind == .word, item.text == "'s" || item.text == "’s", !item.spaceBefore {
                index += 1
                continue
            }
            // Hyphenated compound of plain words: word - word (all attached).
            if item.kind == .punctuation, item.text == "-", !item.spaceBefore, let previous = items.last,
                previous.kind == .word, index + 1 < raw.count, raw[index + 1].kind == .word,
                !raw[index + 1].spaceBefore
            {
                let next = raw[index + 1]
                let joined = previous.text + "-" + next.text
                items[items.count - 1].text = joined
                items[items.count - 1].key = WordKey.of(joined)
                items[items.count - 1].end = next.end
                index += 2
                continue
            }
            items.append(item)
            index += 1
        }
        return items
    }

    /// The index of the item that holds a mention, if any.
    func itemIndex(ofMention mention: Int) -> Int? {
        items.firstIndex { $0.kind == .slot && $0.mentions.contains(mention) }
    }
}
