import PharmineCore
import Testing

@Suite struct ScalarOffsetMapTests {
    @Test func asciiOffsetsAreUnchanged() {
        let map = ScalarOffsetMap("amitriptyline")
        #expect(map.scalarOffset(ofByte: 5) == 5)
        #expect(map.byteOffset(ofScalar: 13) == 13)
    }

    @Test func multiByteScalarsCountOnce() {
        let text = "β-blocker, 5 µg"
        let map = ScalarOffsetMap(text)
        let byteOfComma = Array(text.utf8).firstIndex(of: UInt8(ascii: ","))!
        #expect(map.scalarOffset(ofByte: byteOfComma) == 9)
        #expect(map.byteOffset(ofScalar: 9) == byteOfComma)
        #expect(map.scalarOffset(ofByte: text.utf8.count) == text.unicodeScalars.count)
    }
}
