@testable import PharmineRelate
import Testing

/// A sentence's word summary answers whether it may share a word with a cue summary: through the
/// cue summary's key table, it must say yes exactly when a word is shared (or a text is not ASCII).
@Suite struct WordBitsTests {
    private static func sentence(_ words: [String]) -> WordBits {
        var bits = WordBits()
        for word in words { bits.insert(key: WordKey.item(word)) }
        return bits
    }

    @Test func sharesExactlyWhenAWordIsShared() {
        var generator = SystemRandomNumberGenerator()
        let vocabulary = (0..<400).map { "w\($0)" }
        for size in [0, 1, 3, 10, 40, 150] {
            let cueWords = Array(vocabulary.shuffled(using: &generator).prefix(size))
            let cues = WordBits(cueWords)
            for _ in 0..<50 {
                let words = (0..<Int.random(in: 0...30, using: &generator)).map { _ in
                    vocabulary.randomElement(using: &generator) ?? "w0"
                }
                #expect(Self.sentence(words).mayShare(cues) == !Set(words).isDisjoint(with: cueWords), "\(words) ~ \(cueWords)")
            }
        }
    }

    @Test func aTextThatIsNotASCIISharesWithEveryCueSummary() {
        #expect(Self.sentence(["naïve"]).mayShare(WordBits(["patients"])))
        #expect(Self.sentence(["patients"]).mayShare(WordBits(["patients"])))
        #expect(!Self.sentence(["mice"]).mayShare(WordBits(["patients"])))
    }
}
