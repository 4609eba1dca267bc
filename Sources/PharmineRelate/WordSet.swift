/// A 64-bit key of a word's UTF-8 bytes (FNV-1a), computed once per sentence item so that word
/// lists are probed without hashing the item's text again.
enum WordKey {
    /// The key of some UTF-8 bytes.
    @inline(__always)
    static func of<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// The key of a string's UTF-8 bytes.
    @inline(__always)
    static func of(_ word: String) -> UInt64 {
        var word = word
        return word.withUTF8 { of($0) }
    }
}

/// A fixed set of words probed by ``WordKey``: one table lookup for an item whose key is already
/// known, and a byte comparison only on a key hit.
///
/// Used for the closed word lists of ``Lexical`` and the steps of ``CuePattern``; behaves as a
/// `Set<String>` for membership.
struct WordSet: Sendable, ExpressibleByArrayLiteral, Sequence {
    /// Keys by slot (0: empty; a key of 0 is stored as 1).
    private let keys: [UInt64]
    /// The word of each slot.
    private let slots: [String]
    /// `keys.count - 1` (a power of two minus one).
    private let mask: Int
    /// The words, in the order given (duplicates dropped).
    let words: [String]

    /// Creates a set of words.
    init(_ words: some Sequence<String>) {
        var unique: [String] = []
        var seen: Set<String> = []
        for word in words where seen.insert(word).inserted { unique.append(word) }
        var capacity = 8
        while capacity < unique.count * 2 { capacity *= 2 }
        var keys = [UInt64](repeating: 0, count: capacity)
        var slots = [String](repeating: "", count: capacity)
        for word in unique {
            let key = Self.stored(WordKey.of(word))
            var slot = Int(truncatingIfNeeded: key) & (capacity - 1)
            while keys[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
            keys[slot] = key
            slots[slot] = word
        }
        self.keys = keys
        self.slots = slots
        self.mask = capacity - 1
        self.words = unique
    }

    init(arrayLiteral words: String...) {
        self.init(words)
    }

    @inline(__always)
    private static func stored(_ key: UInt64) -> UInt64 { key == 0 ? 1 : key }

    /// Whether the set holds a word whose key is `key` and whose text is `text`.
    @inline(__always)
    func contains(key: UInt64, text: String) -> Bool {
        let key = Self.stored(key)
        var slot = Int(truncatingIfNeeded: key) & mask
        return keys.withUnsafeBufferPointer { keys in
            while true {
                let stored = keys[slot]
                if stored == 0 { return false }
                if stored == key, slots[slot] == text { return true }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Whether the set holds a word given as UTF-8 bytes.
    func contains(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let key = Self.stored(WordKey.of(bytes))
        var slot = Int(truncatingIfNeeded: key) & mask
        while true {
            let stored = keys[slot]
            if stored == 0 { return false }
            if stored == key, slots[slot].utf8.elementsEqual(bytes) { return true }
            slot = (slot + 1) & mask
        }
    }

    /// Whether the set holds a word.
    func contains(_ word: String) -> Bool {
        contains(key: WordKey.of(word), text: word)
    }

    /// Whether the set holds a word, given as a substring.
    func contains(_ word: Substring) -> Bool {
        let text = String(word)
        return contains(key: WordKey.of(text), text: text)
    }

    /// The words of this set and another, as a `Set`.
    func union(_ other: some Sequence<String>) -> Set<String> {
        Set(words).union(other)
    }

    func makeIterator() -> IndexingIterator<[String]> {
        words.makeIterator()
    }
}
