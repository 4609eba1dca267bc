import Testing

@testable import PharmineIngest

@Suite("TextMeasure")
struct TextMeasureTests {
    @Test(
        "scalar counts agree with unicodeScalars.count",
        arguments: ["", "a", "plain ASCII text of more than eight bytes", "café", "α-β 2-agonist ≈7% 𝛼𝛽 x", "😀😀😀😀😀"]
    )
    func scalarCount(text: String) {
        #expect(TextMeasure.scalarCount(text) == text.unicodeScalars.count)
        for repeats in [7, 3000] {
            let long = String(repeating: text + "é", count: repeats)
            #expect(TextMeasure.scalarCount(long) == long.unicodeScalars.count)
        }
    }

    @Test("newline counts agree with a byte loop", arguments: [0, 1, 7, 8, 9, 63, 64, 1000, 2040, 2041, 9999])
    func newlines(length: Int) {
        var generator = SystemRandomNumberGenerator()
        let choices: [UInt8] = [0x0A, 0x0B, 0x09, 0x8A, 0x0A, 0x41, 0xFF, 0x00]
        let bytes = (0..<length).map { _ in choices.randomElement(using: &generator)! }
        let expected = bytes.filter { $0 == 0x0A }.count
        #expect(bytes.withUnsafeBytes { TextMeasure.newlines(in: $0) } == expected)
    }
}
