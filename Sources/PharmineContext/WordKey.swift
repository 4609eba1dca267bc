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
    init?(bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) {
        let length = end - start
        guard length > 0 else { return nil }
        if length <= 16 {
            var low: UInt64 = 0
            var high: UInt64 = 0
            for index in 0..<length {
                var byte = bytes[start + index]
                guard byte < 0x80 else { return nil }
                if byte >= 65 && byte <= 90 { byte += 32 }
                if index < 8 {
                    low |= UInt64(byte) << (UInt64(index) * 8)
                } else {
                    high |= UInt64(byte) << (UInt64(index - 8) * 8)
                }
            }
            self.low = low
            self.high = high
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

/// An open-addressing map from word keys to small integers, faster than `Dictionary` for the
/// per-token lookups of cue matching.
struct WordTable: Sendable {
    private var keys: [WordKey?]
    private var values: [Int32]
    private let mask: Int
    /// The number of entries.
    private(set) var count = 0

    /// Creates a table for up to `capacity` entries.
    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: nil, count: size)
        values = Array(repeating: -1, count: size)
        mask = size - 1
    }

    /// The value of a key, or -1.
    @inline(__always)
    func value(for key: WordKey) -> Int32 {
        var slot = Int(truncatingIfNeeded: key.mixedHash) & mask
        while let stored = keys[slot] {
            if stored == key { return values[slot] }
            slot = (slot + 1) & mask
        }
        return -1
    }

    /// Sets the value of a key (the table must have room).
    mutating func set(_ key: WordKey, _ value: Int32) {
        var slot = Int(truncatingIfNeeded: key.mixedHash) & mask
        while let stored = keys[slot] {
            if stored == key {
                values[slot] = value
                return
            }
            slot = (slot + 1) & mask
        }
        keys[slot] = key
        values[slot] = value
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
