/// A lowercased ASCII word packed into a hashable value, built from token bytes without
/// allocating.
///
/// Words of up to 16 bytes are stored exactly; longer ones by two independent 64-bit hashes
/// (and their length), which makes a collision practically impossible. Tokens with non-ASCII
/// bytes have no key: no cue or anaphor word has one.
struct WordKey: Hashable, Sendable {
    private var low: UInt64
    private var high: UInt64
    private var length: UInt32

    /// The key of no word, marking a free slot of ``WordTable``.
    static let empty = WordKey()

    /// Whether this is the empty key.
    var isEmpty: Bool { length == 0 }

    private init() {
        low = 0
        high = 0
        length = 0
    }

    /// A cheap, well-mixed hash for ``WordTable``.
    @inline(__always)
    var mixedHash: UInt64 {
        var value = (low &* 0x9e37_79b9_7f4a_7c15) ^ (high &* 0xc2b2_ae3d_27d4_eb4f) ^ UInt64(length)
        value ^= value >> 29
        value = value &* 0xbf58_476d_1ce4_e5b9
        return value ^ (value >> 32)
    }

    /// The key of a lowercased ASCII string (used when compiling word lists).
    init?(_ word: String) {
        var word = word
        guard let key = word.withUTF8({ WordKey(bytes: $0, start: 0, end: $0.count) }) else { return nil }
        self = key
    }

    /// The key of the token `bytes[start..<end]`, lowercased; nil when it has a non-ASCII byte
    /// or is empty.
    @inline(__always)
    init?(bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) {
        let length = end - start
        guard length > 0 else { return nil }
        if length <= 16 {
            var low: UInt64 = 0
            var high: UInt64 = 0
            if let base = bytes.baseAddress, start + 16 <= bytes.count {
                // Two unaligned loads, then the bytes past the token cleared.
                let raw = UnsafeRawPointer(base + start)
                low = raw.loadUnaligned(as: UInt64.self)
                high = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
                if length <= 8 {
                    if length < 8 { low &= (1 << (UInt64(length) &* 8)) &- 1 }
                    high = 0
                } else if length < 16 {
                    high &= (1 << (UInt64(length &- 8) &* 8)) &- 1
                }
            } else {
                for index in 0..<length {
                    let byte = UInt64(bytes[start + index])
                    if index < 8 {
                        low |= byte << (UInt64(index) &* 8)
                    } else {
                        high |= byte << (UInt64(index &- 8) &* 8)
                    }
                }
            }
            guard (low | high) & 0x8080_8080_8080_8080 == 0 else { return nil }
            self.low = Self.lowercased(low)
            self.high = Self.lowercased(high)
            self.length = UInt32(length)
        } else {
            // FNV-1a and a multiplicative hash with another seed.
            var first: UInt64 = 0xcbf2_9ce4_8422_2325
            var second: UInt64 = 0x9e37_79b9_7f4a_7c15
            for index in start..<end {
                var byte = bytes[index]
                guard byte < 0x80 else { return nil }
                if byte >= 65 && byte <= 90 { byte += 32 }
                first = (first ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
                second = (second &+ UInt64(byte)) &* 0xff51_afd7_ed55_8ccd
                second ^= second >> 29
            }
            self.low = first
            self.high = second
            self.length = UInt32(length) | 0x8000_0000
        }
    }
}

extension WordKey {
    /// Lowercases eight packed ASCII bytes at once: adds 0x20 to each byte in `A`...`Z`.
    @inline(__always)
    static func lowercased(_ word: UInt64) -> UInt64 {
        let atLeastA = word &+ 0x3F3F_3F3F_3F3F_3F3F  // high bit set where byte >= 0x41
        let aboveZ = word &+ 0x2525_2525_2525_2525  // high bit set where byte >= 0x5B
        let upper = atLeastA & ~aboveZ & 0x8080_8080_8080_8080
        return word | (upper >> 2)
    }
}

/// An open-addressing map from word keys to small integers, faster than `Dictionary` for the
/// per-token lookups of cue matching.
struct WordTable: Sendable {
    /// One slot: a key and its value; a free slot has the empty key (length 0), which no word has.
    struct Slot {
        var key: WordKey
        var value: Int32
    }

    private var slots: [Slot]
    private let mask: Int
    /// The number of entries.
    private(set) var count = 0

    /// Creates a table for up to `capacity` entries.
    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: Slot(key: .empty, value: -1), count: size)
        mask = size - 1
    }

    /// The value of a key, or -1.
    @inline(__always)
    func value(for key: WordKey) -> Int32 {
        withLookup { $0.value(for: key) }
    }

    /// Calls `body` with a view of the table for many lookups.
    @inline(__always)
    func withLookup<Result>(_ body: (Lookup) -> Result) -> Result {
        slots.withUnsafeBufferPointer { body(Lookup(slots: $0, mask: mask)) }
    }

    /// The table's slots, borrowed for lookups.
    struct Lookup {
        let slots: UnsafeBufferPointer<Slot>
        let mask: Int

        /// The value of a key, or -1.
        @inline(__always)
        func value(for key: WordKey) -> Int32 {
            var slot = Int(truncatingIfNeeded: key.mixedHash) & mask
            while true {
                let stored = slots[slot]
                if stored.key == key { return stored.value }
                if stored.key.isEmpty { return -1 }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Sets the value of a key (the table must have room).
    mutating func set(_ key: WordKey, _ value: Int32) {
        guard !key.isEmpty else { return }
        var slot = Int(truncatingIfNeeded: key.mixedHash) & mask
        while !slots[slot].key.isEmpty {
            if slots[slot].key == key {
                slots[slot].value = value
                return
            }
            slot = (slot + 1) & mask
        }
        slots[slot] = Slot(key: key, value: value)
        count += 1
    }
}

/// A set of lowercased words, tested against token bytes without allocating.
struct WordSet: Sendable {
    private var table: WordTable

    init(_ words: [String]) {
        table = WordTable(capacity: words.count)
        for word in words {
            if let key = WordKey(word.lowercased()) { table.set(key, 1) }
        }
    }

    func contains(_ key: WordKey?) -> Bool {
        guard let key else { return false }
        return table.value(for: key) >= 0
    }
}
