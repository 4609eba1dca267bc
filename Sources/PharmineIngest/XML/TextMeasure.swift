/// Fast measures of text used by the readers.
enum TextMeasure {
    /// The number of Unicode scalars of a string, counted on its UTF-8 bytes (every byte that is
    /// not a continuation byte starts a scalar), which is much faster than `unicodeScalars.count`.
    ///
    /// - Parameter text: The text.
    /// - Returns: Its length in scalars.
    static func scalarCount(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = UnsafeRawPointer(bytes.baseAddress) else { return 0 }
            let high: UInt64 = 0x8080_8080_8080_8080
            // A continuation byte is 10xxxxxx: bit 7 set, bit 6 (shifted up to bit 7) clear.
            let continuations = count(base, bytes.count, tail: { $0 & 0xC0 == 0x80 }) { word in
                word & ~(word << 1) & high
            }
            return bytes.count - continuations
        }
    }

    /// The number of `\n` bytes in a buffer, eight bytes at a time.
    ///
    /// - Parameter bytes: The bytes.
    /// - Returns: How many are 0x0A.
    static func newlines(in bytes: UnsafeRawBufferPointer) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let pattern: UInt64 = 0x0A0A_0A0A_0A0A_0A0A
        return count(base, bytes.count, tail: { $0 == 0x0A }) { word in
            // Exact zero-byte test on word ^ pattern: a byte is 0 iff its high bit stays clear.
            let x = word ^ pattern
            return ~(((x & low7) &+ low7) | x) & ~low7
        }
    }

    /// Counts bytes eight at a time: `flags` maps a word to 0x80 in each byte to count, else 0.
    /// Flags are summed per byte lane (no popcount: the baseline x86-64 target lacks it) and the
    /// lanes are added up every 255 words, before any can overflow.
    private static func count(
        _ base: UnsafeRawPointer,
        _ length: Int,
        tail: (UInt8) -> Bool,
        flags: (UInt64) -> UInt64
    ) -> Int {
        var total = 0
        var index = 0
        while index + 8 <= length {
            var lanes: UInt64 = 0
            var words = 0
            while words < 255 && index + 8 <= length {
                lanes &+= flags(base.loadUnaligned(fromByteOffset: index, as: UInt64.self)) >> 7
                index += 8
                words += 1
            }
            let pairs = (lanes & 0x00FF_00FF_00FF_00FF) &+ ((lanes >> 8) & 0x00FF_00FF_00FF_00FF)
            total += Int((pairs &* 0x0001_0001_0001_0001) >> 48)
        }
        while index < length {
            if tail(base.load(fromByteOffset: index, as: UInt8.self)) { total += 1 }
            index += 1
        }
        return total
    }
}
