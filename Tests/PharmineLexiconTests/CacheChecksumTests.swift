@testable import PharmineLexicon
import Testing

/// The cache checksum adds four words at a time in closed form; it must give the value of
/// adding them one by one (a different value would turn every existing cache away as damaged).
@Suite struct CacheChecksumTests {
    /// The definition: each 8-byte word, then each remaining byte, then the count, is added to the
    /// first sum, and the first sum to the second after each addition.
    private static func reference(_ bytes: [UInt8], start first: UInt64 = 0x5048_4152_4D49_4E45) -> UInt64 {
        var first = first
        var second: UInt64 = 0
        var index = 0
        while index + 8 <= bytes.count {
            var word: UInt64 = 0
            for offset in 0..<8 { word |= UInt64(bytes[index + offset]) << (8 * UInt64(offset)) }
            first = first &+ word
            second = second &+ first
            index += 8
        }
        while index < bytes.count {
            first = first &+ UInt64(bytes[index])
            second = second &+ first
            index += 1
        }
        first = first &+ UInt64(bytes.count)
        second = second &+ first
        return KeyHash.mix(first ^ (second &* 0x9E37_79B9_7F4A_7C15))
    }

    @Test func blocksOfFourWordsGiveTheWordByWordValue() {
        var generator = SystemRandomNumberGenerator()
        for count in [0, 1, 7, 8, 9, 31, 32, 33, 40, 64, 100, 257, 1000] {
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            var checksum = CacheChecksum()
            bytes.withUnsafeBytes { checksum.add($0.baseAddress ?? UnsafeRawPointer(bitPattern: 8)!, $0.count) }
            #expect(checksum.value == Self.reference(bytes), "\(count) bytes")
        }
    }

    @Test func aChangedByteChangesTheValue() {
        var bytes = [UInt8](repeating: 7, count: 96)
        var before = CacheChecksum()
        bytes.withUnsafeBytes { before.add($0.baseAddress!, $0.count) }
        bytes[40] ^= 1
        var after = CacheChecksum()
        bytes.withUnsafeBytes { after.add($0.baseAddress!, $0.count) }
        #expect(before.value != after.value)
    }
}
