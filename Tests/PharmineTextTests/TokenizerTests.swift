import PharmineCore
import PharmineText
import Testing

@Suite struct TokenizerTests {
    /// Renders tokens as "text/kind" strings, sliced back out of the UTF-8 bytes.
    static func render(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return Tokenizer().tokenize(text).map { token in
            let kind: String
            switch token.kind {
            case .word: kind = "w"
            case .number: kind = "n"
            case .punctuation: kind = "p"
            }
            return String(decoding: bytes[token.start..<token.end], as: UTF8.self) + "/" + kind
        }
    }

    @Test(arguments: [
        ("CYP2D6 and H1", ["CYP2D6/w", "and/w", "H1/w"]),
        ("5.2 mg/kg", ["5.2/n", "mg/w", "//p", "kg/w"]),
        ("post-herpetic", ["post/w", "-/p", "herpetic/w"]),
        ("Parkinson's", ["Parkinson/w", "'/p", "s/w"]),
        ("β2-agonists", ["β2/w", "-/p", "agonists/w"]),
        ("5-HT(1A)", ["5/n", "-/p", "HT/w", "(/p", "1A/w", ")/p"]),
        ("Sjögren’s syndrome", ["Sjögren/w", "’/p", "s/w", "syndrome/w"]),
        ("10.5.", ["10.5/n", "./p"]),
        ("1990s", ["1990s/w"]),
        ("H₁ receptor", ["H₁/w", "receptor/w"]),
        ("e\u{301}tude", ["e\u{301}tude/w"]),
        ("a\u{A0}b\u{2009}c", ["a/w", "b/w", "c/w"]),
        ("Guillain–Barré", ["Guillain/w", "–/p", "Barré/w"]),
        ("", []),
        ("  \n\t ", []),
        ("+/-", ["+/p", "//p", "-/p"]),
    ])
    func tokens(text: String, expected: [String]) {
        #expect(Self.render(text) == expected)
    }

    @Test func offsetsAreUTF8AndSliceBack() throws {
        let text = "Le syndrome de Guillain–Barré (GBS) touche 1,5 % des β-patients; 中文 test."
        let bytes = Array(text.utf8)
        let tokens = Tokenizer().tokenize(text)
        var previousEnd = 0
        for token in tokens {
            #expect(token.start >= previousEnd)
            #expect(token.end > token.start)
            // Each token slices to valid UTF-8 that re-encodes to the same bytes.
            let slice = Array(bytes[token.start..<token.end])
            #expect(Array(String(decoding: slice, as: UTF8.self).utf8) == slice)
            // Nothing but white space lies between tokens.
            let gap = String(decoding: bytes[previousEnd..<token.start], as: UTF8.self)
            #expect(gap.allSatisfy { $0.isWhitespace })
            previousEnd = token.end
        }
        let texts = tokens.map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) }
        #expect(texts.contains("β"))
        #expect(texts.contains("中文"))
        let barre = try #require(tokens.first { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) == "Barré" })
        #expect(barre.end - barre.start == 6)
    }

    @Test func reusableArrayIsCleared() {
        var tokens: [Token] = []
        let tokenizer = Tokenizer()
        var first = "one two three"
        first.withUTF8 { tokenizer.tokenize($0, into: &tokens) }
        #expect(tokens.count == 3)
        var second = "four"
        second.withUTF8 { tokenizer.tokenize($0, into: &tokens) }
        #expect(tokens == [Token(start: 0, end: 4, kind: .word)])
    }
}
