/// The vocabulary of normalised token keys: an open-addressing hash table over a byte arena.
///
/// Each slot holds the upper 32 bits of the key's hash and the key's id plus one (0 = empty), so a
/// probe for a key that is not there usually reads one 8-byte slot and stops.
enum VocabularyTable {
    /// Finds a key.
    ///
    /// - Returns: The key's id, or -1.
    @inline(__always)
    static func find(
        slots: UnsafePointer<UInt64>,
        mask: Int,
        keyBytes: UnsafePointer<UInt8>,
        keyOffsets: UnsafePointer<Int32>,
        key: UnsafePointer<UInt8>,
        length: Int,
        hash: UInt64
    ) -> Int32 {
        var index = Int(truncatingIfNeeded: hash) & mask
        let tag = hash &>> 32
        while true {
            let slot = slots[index]
            if slot == 0 { return -1 }
            if slot &>> 32 == tag {
                let id = Int(truncatingIfNeeded: slot & 0xFFFF_FFFF) &- 1
                let start = Int(keyOffsets[id])
                if Int(keyOffsets[id &+ 1]) &- start == length, memcmpEqual(keyBytes + start, key, length) {
                    return Int32(truncatingIfNeeded: id)
                }
            }
            index = (index &+ 1) & mask
        }
    }

    /// Byte equality of two ranges.
    @inline(__always)
    static func memcmpEqual(_ left: UnsafePointer<UInt8>, _ right: UnsafePointer<UInt8>, _ length: Int) -> Bool {
        var index = 0
        let leftRaw = UnsafeRawPointer(left)
        let rightRaw = UnsafeRawPointer(right)
        while index &+ 8 <= length {
            if leftRaw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                != rightRaw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            {
                return false
            }
            index &+= 8
        }
        while index < length {
            if left[index] != right[index] { return false }
            index &+= 1
        }
        return true
    }
}

/// A slot of the frozen vocabulary: the key's first 8 bytes inline, so that a probe for a key of
/// up to 8 bytes reads one 16-byte slot and nothing else.
struct VocabularySlot: BitwiseCopyable {
    /// The key's first 8 bytes, little-endian, zero-padded.
    var prefix: UInt64
    /// `(id + 1) << 32 | hash tag (24 bits) << 8 | min(length, 255)`; 0 for an empty slot.
    var meta: UInt64

    /// The low 32 bits of ``meta`` for a key.
    @inline(__always)
    static func check(hash: UInt64, length: Int) -> UInt32 {
        UInt32(truncatingIfNeeded: hash &>> 32) & 0xFFFF_FF00 | UInt32(truncatingIfNeeded: Swift.min(length, 255))
    }

    /// The first 8 bytes of a key, zero-padded.
    @inline(__always)
    static func prefix(_ key: UnsafePointer<UInt8>, _ length: Int) -> UInt64 {
        if length >= 8 { return UnsafeRawPointer(key).loadUnaligned(as: UInt64.self) }
        var value: UInt64 = 0
        var index = 0
        while index < length {
            value |= UInt64(key[index]) &<< UInt64(index &* 8)
            index &+= 1
        }
        return value
    }

    /// Finds a key in a slot table.
    ///
    /// - Returns: The key's id, or -1.
    @inline(__always)
    static func find(
        slots: UnsafePointer<VocabularySlot>,
        mask: Int,
        keyBytes: UnsafePointer<UInt8>,
        keyOffsets: UnsafePointer<Int32>,
        key: UnsafePointer<UInt8>,
        length: Int,
        hash: UInt64
    ) -> Int32 {
        let wanted = check(hash: hash, length: length)
        let prefix = prefix(key, length)
        var index = Int(truncatingIfNeeded: hash) & mask
        while true {
            let slot = slots[index]
            if slot.meta == 0 { return -1 }
            if UInt32(truncatingIfNeeded: slot.meta) == wanted, slot.prefix == prefix {
                let id = Int(truncatingIfNeeded: slot.meta &>> 32) &- 1
                if length <= 8 { return Int32(truncatingIfNeeded: id) }
                let start = Int(keyOffsets[id])
                if Int(keyOffsets[id &+ 1]) &- start == length,
                    VocabularyTable.memcmpEqual(keyBytes + start + 8, key + 8, length &- 8)
                {
                    return Int32(truncatingIfNeeded: id)
                }
            }
            index = (index &+ 1) & mask
        }
    }
}

/// Builds the vocabulary while the matcher compiles.
struct VocabularyBuilder {
    /// All keys, one after the other.
    var keyBytes: [UInt8] = []
    /// Start of each key in ``keyBytes``, plus the end.
    var keyOffsets: [Int32] = [0]
    /// The hash slots.
    var slots: [UInt64] = []

    /// The number of keys.
    var count: Int { keyOffsets.count - 1 }

    /// The id of a key, adding it when new.
    mutating func intern(_ key: UnsafePointer<UInt8>, _ length: Int) -> Int32 {
        if slots.isEmpty { rehash(capacity: 1 << 12) }
        let hash = KeyHash.hash(key, length)
        let found = find(key, length, hash: hash)
        if found >= 0 { return found }
        let id = Int32(count)
        keyBytes.append(contentsOf: UnsafeBufferPointer(start: key, count: length))
        keyOffsets.append(Int32(keyBytes.count))
        if count * 2 > slots.count { rehash(capacity: slots.count * 2) } else { place(id: id, hash: hash) }
        return id
    }

    /// The id of a key, or -1.
    func find(_ key: UnsafePointer<UInt8>, _ length: Int, hash: UInt64) -> Int32 {
        if slots.isEmpty { return -1 }
        return slots.withUnsafeBufferPointer { slots in
            keyBytes.withUnsafeBufferPointer { bytes in
                keyOffsets.withUnsafeBufferPointer { offsets in
                    VocabularyTable.find(
                        slots: slots.baseAddress!,
                        mask: slots.count - 1,
                        keyBytes: bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!,
                        keyOffsets: offsets.baseAddress!,
                        key: key,
                        length: length,
                        hash: hash
                    )
                }
            }
        }
    }

    /// The frozen slot table, with at least `capacity` slots (a power of two).
    func frozenSlots(capacity: Int) -> [VocabularySlot] {
        var slots = [VocabularySlot](repeating: VocabularySlot(prefix: 0, meta: 0), count: capacity)
        let mask = capacity - 1
        keyBytes.withUnsafeBufferPointer { bytes in
            for id in 0..<count {
                let start = Int(keyOffsets[id])
                let length = Int(keyOffsets[id + 1]) - start
                let key = bytes.baseAddress! + start
                let hash = KeyHash.hash(key, length)
                var index = Int(truncatingIfNeeded: hash) & mask
                while slots[index].meta != 0 { index = (index + 1) & mask }
                slots[index] = VocabularySlot(
                    prefix: VocabularySlot.prefix(key, length),
                    meta: UInt64(id + 1) << 32 | UInt64(VocabularySlot.check(hash: hash, length: length))
                )
            }
        }
        return slots
    }

    /// The key of an id, as a string.
    func key(_ id: Int32) -> String {
        String(decoding: keyBytes[Int(keyOffsets[Int(id)])..<Int(keyOffsets[Int(id) + 1])], as: UTF8.self)
    }

    /// Puts an id in the first free slot for its hash.
    private mutating func place(id: Int32, hash: UInt64) {
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: hash) & mask
        while slots[index] != 0 { index = (index + 1) & mask }
        slots[index] = (hash & 0xFFFF_FFFF_0000_0000) | UInt64(id + 1)
    }

    /// Rebuilds the slots with a new capacity.
    mutating func rehash(capacity: Int) {
        slots = Array(repeating: 0, count: capacity)
        keyBytes.withUnsafeBufferPointer { bytes in
            for id in 0..<count {
                let start = Int(keyOffsets[id])
                let hash = KeyHash.hash(bytes.baseAddress! + start, Int(keyOffsets[id + 1]) - start)
                place(id: Int32(id), hash: hash)
            }
        }
    }
}
