/// Fast searches over UTF-8 bytes, sixteen bytes at a time, for the sentence splitter and the
/// abbreviation finder.
enum ByteScan {
    /// The first offset in `start..<end` holding `target`, or `end`.
    ///
    /// - Parameters:
    ///   - target: The byte to find.
    ///   - base: The bytes.
    ///   - start: Where to start.
    ///   - end: Where to stop (exclusive).
    /// - Returns: The offset of the first `target`, or `end` when there is none.
    @inline(__always)
    static func first(_ target: UInt8, in base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        var index = start
        let splat = SIMD16<UInt8>(repeating: target)
        while index + 16 <= end {
            let block = UnsafeRawPointer(base + index).loadUnaligned(as: SIMD16<UInt8>.self)
            let hits = block .== splat
            if any(hits) { return index + firstLane(hits) }
            index += 16
        }
        while index < end, base[index] != target { index += 1 }
        return index
    }

    /// The first lane that is set in a mask with at least one lane set.
    @inline(__always)
    static func firstLane(_ hits: SIMDMask<SIMD16<Int8>>) -> Int {
        let lanes = unsafeBitCast(hits, to: (UInt64, UInt64).self)
        return lanes.0 != 0 ? lanes.0.trailingZeroBitCount >> 3 : 8 + lanes.1.trailingZeroBitCount >> 3
    }

    /// Whether every byte of `start..<end` is ASCII.
    ///
    /// - Parameters:
    ///   - base: The bytes.
    ///   - start: Where to start.
    ///   - end: Where to stop (exclusive).
    /// - Returns: True when no byte is 0x80 or above.
    static func isASCII(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Bool {
        var index = start
        var block = SIMD16<UInt8>()
        while index + 16 <= end {
            block |= UnsafeRawPointer(base + index).loadUnaligned(as: SIMD16<UInt8>.self)
            index += 16
        }
        var high: UInt64 = 0
        let lanes = unsafeBitCast(block, to: (UInt64, UInt64).self)
        high = lanes.0 | lanes.1
        while index + 8 <= end {
            high |= UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            index += 8
        }
        while index < end {
            high |= UInt64(base[index])
            index += 1
        }
        return high & 0x8080_8080_8080_8080 == 0
    }
}
