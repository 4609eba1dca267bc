/// A 64-bit key of a word's UTF-8 bytes (FNV-1a, never 0), computed once per sentence item so
/// that word lists are probed without hashing the item's text again.
///
/// An item whose text is not ASCII gets the key 0: such a text may equal a listed word by
/// canonical equivalence with other bytes (U+037E GREEK QUESTION MARK is ";"), so it is looked up
/// as a `String`, as before.
enum WordKey {
    /// The key of some UTF-8 bytes (never 0).
    @inline(__always)
    static func of<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return hash == 0 ? 1 : hash
    }

    /// The key of a string's UTF-8 bytes (never 0).
    @inline(__always)
    static func of(_ word: String) -> UInt64 {
        var word = word
        return word.withUTF8 { of($0) }
    }

    /// The key of an item's text: its key when ASCII, else 0.
    @inline(__always)
    static func item(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { bytes in bytes.allSatisfy { $0 < 0x80 } ? of(bytes) : 0 }
    }
}

/// A fixed set of words probed by ``WordKey``: one table lookup for an item whose key is already
/// known, and a byte comparison only on a key hit.
///
/// Used for the closed word lists of ``Lexical`` and the steps of ``CuePattern``; behaves as a
/// `Set<String>` for membership.
struct WordSet: Sendable, ExpressibleByArrayLiteral, Sequence {
    /// Keys by slot (0: empty; keys are never 0).
    private let keys: [UInt64]
    /// The word of each slot.
    private let slots: [String]
    /// Bit `key >> 58` of each word's key: most probes are turned away by one test, without
    /// reading the table (all bits set when `keys` is empty). `keys.count - 1` is the slot mask.
    private let bloom: UInt64
    /// The words as a `Set`, for texts that are not ASCII (compared by canonical equivalence),
    /// and for every text when a word holds a character canonically equivalent to an ASCII one
    /// (U+037E, U+1FEF, U+212A): `keys` is then empty. (Three references in all: a larger
    /// value is copied, not read in place, by the cue-pattern loops.)
    private let exact: Set<String>

    /// The words, in no particular order.
    var words: [String] { Array(exact) }

    /// Whether an ASCII text is looked up by its key: false when a word holds a character
    /// canonically equivalent to an ASCII one, and every text is compared as a `String`.
    var isKeyed: Bool { !keys.isEmpty }

    /// The empty set (made once: a gap that allows only fillers).
    static let empty: WordSet = []

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
            let key = WordKey.of(word)
            var slot = Int(truncatingIfNeeded: key) & (capacity - 1)
            while keys[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
            keys[slot] = key
            slots[slot] = word
        }
        let hasASCIIEquivalents = unique.contains { word in
            word.unicodeScalars.contains { [0x037E, 0x1FEF, 0x212A].contains($0.value) }
        }
        self.keys = hasASCIIEquivalents ? [] : keys
        self.slots = hasASCIIEquivalents ? [] : slots
        self.bloom =
            hasASCIIEquivalents ? ~0 : unique.reduce(0) { $0 | 1 << (WordKey.of($1) >> 58) }
        self.exact = Set(unique)
    }

    init(arrayLiteral words: String...) {
        self.init(words)
    }

    /// Whether the set holds a text whose item key (``WordKey/item(_:)``) is `key`. The text is
    /// read only when the key does not decide (a key hit, a text that is not ASCII).
    @inline(__always)
    func contains(key: UInt64, text: @autoclosure () -> String) -> Bool {
        if key == 0 { return containsExactly(text()) }
        if bloom & 1 << (key >> 58) == 0 { return false }
        if keys.isEmpty { return containsExactly(text()) }
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: key) & mask
        return keys.withUnsafeBufferPointer { keys in
            while true {
                let stored = keys[slot]
                if stored == 0 { return false }
                if stored == key, slots[slot] == text() { return true }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Whether the set holds a sentence item's text, probed by the item's key (its text is read
    /// only on a key hit).
    @inline(__always)
    func contains(item: SentenceView.Item) -> Bool {
        contains(key: item.key, text: item.text)
    }

    /// The `Set` lookup, out of line so that the keyed probe stays small enough to inline.
    @inline(never)
    private func containsExactly(_ text: String) -> Bool {
        exact.contains(text)
    }

    /// Whether the set holds a word given as UTF-8 bytes.
    func contains(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if keys.isEmpty || !bytes.allSatisfy({ $0 < 0x80 }) {
            return exact.contains(String(decoding: bytes, as: UTF8.self))
        }
        let key = WordKey.of(bytes)
        if bloom & 1 << (key >> 58) == 0 { return false }
        let mask = keys.count - 1
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
        contains(key: WordKey.item(word), text: word)
    }

    /// Whether the set holds a word, given as a substring.
    func contains(_ word: Substring) -> Bool {
        let text = String(word)
        return contains(key: WordKey.item(text), text: text)
    }

    /// The words of this set and another, as a `Set`.
    func union(_ other: some Sequence<String>) -> Set<String> {
        exact.union(other)
    }

    func makeIterator() -> Set<String>.Iterator {
        exact.makeIterator()
    }
}

/// A fixed map from words to values, looked up as a `[String: Value]` is: a text that is no key
/// is turned away by the key probe of a ``WordSet`` (no hashing); only a hit reads the dictionary.
struct WordMap<Value: Sendable>: Sendable, ExpressibleByDictionaryLiteral {
    /// The keys.
    private let words: WordSet
    /// The map.
    private let dictionary: [String: Value]

    /// Creates a map.
    init(_ dictionary: [String: Value]) {
        self.dictionary = dictionary
        self.words = WordSet(dictionary.keys)
    }

    init(dictionaryLiteral elements: (String, Value)...) {
        self.init(Dictionary(uniqueKeysWithValues: elements))
    }

    /// The keys, in no particular order.
    var keys: [String] { Array(dictionary.keys) }

    /// The value of a sentence item's text, if it is a key: the item's key turns most texts away
    /// without hashing them.
    @inline(__always)
    subscript(item item: SentenceView.Item) -> Value? {
        guard words.contains(item: item) else { return nil }
        return dictionary[item.text]
    }

    /// The value of a word, if it is a key.
    subscript(_ text: String) -> Value? {
        guard words.contains(text) else { return nil }
        return dictionary[text]
    }
}

/// Word prefixes tested as `String.hasPrefix` decides, comparing UTF-8 bytes where that decides
/// the same (see ``Lexical/hasPrefix(_:_:)``): a word list's stems ("reduc", "improv").
struct PrefixList: Sendable {
    /// The prefixes, in order.
    let prefixes: [String]
    /// The bytes of each prefix when it is ASCII without a carriage return; empty otherwise (then
    /// `String.hasPrefix` decides).
    private let bytes: [[UInt8]]
    /// The first bytes of the prefixes: most words are turned away by them.
    private let heads: HeadFilter
    /// For each ASCII first byte, the prefixes (bits by index) an ASCII text starting with it may
    /// start with: those of that first byte and those not decided by bytes; nil with more than 64
    /// prefixes.
    private let byHead: [UInt64]?

    init(_ prefixes: [String]) {
        self.prefixes = prefixes
        self.heads = HeadFilter(prefixes: prefixes)
        let bytes = prefixes.map { prefix in
            let bytes = Array(prefix.utf8)
            return bytes.allSatisfy { $0 < 0x80 && $0 != UInt8(ascii: "\r") } ? bytes : []
        }
        self.bytes = bytes
        if prefixes.count <= 64 {
            var byHead = [UInt64](repeating: 0, count: 128)
            for (index, prefix) in bytes.enumerated() {
                let bit: UInt64 = 1 << UInt64(index)
                if let first = prefix.first {
                    byHead[Int(first)] |= bit
                } else {
                    for head in byHead.indices { byHead[head] |= bit }
                }
            }
            self.byHead = byHead
        } else {
            self.byHead = nil
        }
    }

    /// Whether a text starts with one of the prefixes (`prefixes.contains { text.hasPrefix($0) }`).
    func matches(_ text: String) -> Bool {
        matches(text, among: ~0)
    }

    /// ``matches(_:)`` over the prefixes whose bits are set in `candidates` (bit `i`: prefix `i`;
    /// prefixes past the 64th are always tried).
    private func matches(_ text: String, among candidates: UInt64) -> Bool {
        var copy = text
        return copy.withUTF8 { textBytes in
            for index in bytes.indices where index >= 64 || candidates & 1 << UInt64(index) != 0 {
                if let answer = Self.startsWith(textBytes, bytes[index]) {
                    if answer { return true }
                } else if text.hasPrefix(prefixes[index]) {
                    return true
                }
            }
            return false
        }
    }

    /// Whether a sentence item's text starts with one of the prefixes; its key and first byte
    /// turn most items away before any text is compared, and an ASCII text is compared only with
    /// the prefixes of its first byte.
    @inline(__always)
    func matches(key: UInt64, head: UInt8, text: @autoclosure () -> String) -> Bool {
        guard heads.admits(key: key, head: head) else { return false }
        if key != 0, head < 0x80, let byHead {
            let candidates = byHead[Int(head)]
            return candidates != 0 && matches(text(), among: candidates)
        }
        return matches(text())
    }

    /// Whether text bytes start with ASCII prefix bytes, as `String.hasPrefix` decides; nil when
    /// the bytes do not decide (an empty or non-ASCII prefix, a non-ASCII byte of the text where
    /// it is read).
    @inline(__always)
    private static func startsWith(_ text: UnsafeBufferPointer<UInt8>, _ prefix: [UInt8]) -> Bool? {
        guard let first = prefix.first else { return nil }
        // Most texts differ at once.
        guard let head = text.first else { return false }
        if head != first { return head >= 0x80 ? nil : false }
        var index = 1
        while index < prefix.count {
            guard index < text.count else { return false }
            if text[index] != prefix[index] { return text[index] >= 0x80 ? nil : false }
            index += 1
        }
        return index == text.count || text[index] < 0x80 ? true : nil
    }
}

/// A summary of a set of words: their ``WordKey``s, and bit `key >> 56` of each in 256 bits
/// that turn most tests away at once. A sentence's summary is built once from its word items; a
/// rule whose every emission needs one of its cue words returns at once when the sentence holds
/// none of them (``mayShare(_:)``). A text that is not ASCII (key 0) sets every bit and matches
/// everything, so it never turns a rule away.
struct WordBits: Sendable {
    private var b0: UInt64 = 0
    private var b1: UInt64 = 0
    private var b2: UInt64 = 0
    private var b3: UInt64 = 0
    /// Whether a key 0 was inserted: the summary then shares a word with every other.
    private var everything = false
    /// The keys, in insertion order (sorted in a cue summary made by ``init(_:)``).
    private var keys: [UInt64] = []
    /// A cue summary's keys by slot (0: empty), at most half full, so that ``mayShare(_:)``
    /// probes a slot or two per sentence key instead of searching the sorted keys.
    private var table: [UInt64] = []

    /// An empty summary.
    init() {}

    /// The summary that shares a word with every other.
    static let all: WordBits = {
        var bits = WordBits()
        bits.insert(key: 0)
        return bits
    }()

    /// The summary of some cue words (its keys sorted, for ``mayShare(_:)``).
    init(_ words: some Sequence<String>) {
        for word in words { insert(key: WordKey.item(word)) }
        keys = Array(Set(keys)).sorted()
        var capacity = 4
        while capacity < keys.count * 2 { capacity *= 2 }
        table = [UInt64](repeating: 0, count: capacity)
        for key in keys {
            var slot = Int(truncatingIfNeeded: key) & (capacity - 1)
            while table[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
            table[slot] = key
        }
    }

    /// The summary of the words of the first required step of each pattern (every match holds
    /// one of them), and of some other words; ``all`` when a pattern has no required step or
    /// its first one matches by prefix.
    init(requiredIn patterns: [CuePattern], and words: [String] = []) {
        var all = words
        for pattern in patterns {
            guard let step = pattern.steps.first(where: { !$0.optional }), step.prefixes.isEmpty else {
                self = .all
                return
            }
            all += Array(step.words)
        }
        self.init(all)
    }

    /// Adds a word by its key (0: not ASCII, every word).
    @inline(__always)
    mutating func insert(key: UInt64) {
        guard key != 0 else {
            b0 = ~0
            b1 = ~0
            b2 = ~0
            b3 = ~0
            everything = true
            return
        }
        keys.append(key)
        let bit: UInt64 = 1 << ((key >> 56) & 63)
        switch key >> 62 {
        case 0: b0 |= bit
        case 1: b1 |= bit
        case 2: b2 |= bit
        default: b3 |= bit
        }
    }

    /// Whether this summary may hold a word of a cue summary (made by ``init(_:)``): false only
    /// when neither holds a key 0 and no key of this one is a key of `cues`.
    func mayShare(_ cues: WordBits) -> Bool {
        guard (b0 & cues.b0) | (b1 & cues.b1) | (b2 & cues.b2) | (b3 & cues.b3) != 0 else { return false }
        if everything || cues.everything { return true }
        // A summary not made by ``init(_:)`` has no table: its keys are compared one by one.
        guard !cues.table.isEmpty else { return keys.contains { cues.keys.contains($0) } }
        let bit0 = cues.b0, bit1 = cues.b1, bit2 = cues.b2, bit3 = cues.b3
        let mask = cues.table.count - 1
        return keys.withUnsafeBufferPointer { keys in
            cues.table.withUnsafeBufferPointer { table in
                for key in keys {
                    let bit: UInt64 = 1 << ((key >> 56) & 63)
                    let word: UInt64
                    switch key >> 62 {
                    case 0: word = bit0
                    case 1: word = bit1
                    case 2: word = bit2
                    default: word = bit3
                    }
                    guard word & bit != 0 else { continue }
                    // The cue keys' table: a key is found before the first empty slot.
                    var slot = Int(truncatingIfNeeded: key) & mask
                    while table[slot] != 0 {
                        if table[slot] == key { return true }
                        slot = (slot + 1) & mask
                    }
                }
                return false
            }
        }
    }
}
