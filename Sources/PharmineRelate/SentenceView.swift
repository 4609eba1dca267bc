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

        /// Whether the item is a word with one of the given texts.
        func isWord(_ words: Set<String>) -> Bool {
            kind == .word && words.contains(text)
        }

        /// Whether the item is a word with one of a few given texts. Call sites with a literal
        /// list take this overload, which builds no Set (hashing every literal) per call.
        func isWord(_ words: [String]) -> Bool {
            kind == .word && words.contains(text)
        }

        /// Whether the item is punctuation with the given text.
        func isPunctuation(_ text: String) -> Bool {
            kind == .punctuation && self.text == text
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

        func text(_ start: Int, _ end: Int) -> String {
            let lower = max(0, min(start, bytes.count))
            let upper = max(lower, min(end, bytes.count))
            return String(decoding: bytes[lower..<upper], as: UTF8.self).lowercased()
        }

        var raw: [Item] = []
        var slotCursor = 0
        var previousEnd = sentence.start
        func emitSlots(before limit: Int) {
            while slotCursor < slots.count && slots[slotCursor].start < limit {
                let slot = slots[slotCursor]
                raw.append(
                    Item(
                        kind: .slot,
                        text: text(slot.start, slot.end),
                        start: slot.start,
                        end: slot.end,
                        spaceBefore: slot.start > previousEnd,
                        mentions: slot.mentions
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
            raw.append(
                Item(
                    kind: kind,
                    text: text(token.start, token.end),
                    start: token.start,
                    end: token.end,
                    spaceBefore: token.start > previousEnd,
                    mentions: []
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
                items[items.count - 1].text = previous.text + "-" + next.text
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
