import PharmineCore
import PharmineText
import Testing

@Suite("TextStage")
struct TextStageTests {
    static func document(_ texts: [String]) -> Document {
        var document = Document(id: "d", format: .text, origin: Origin(file: "d.txt", index: 0))
        document.passages = texts.enumerated().map { Passage(label: "p\($0.offset)", text: $0.element) }
        return document
    }

    @Test("fills tokens, sentences with token ranges, and abbreviations")
    func layers() throws {
        let texts = [
            "Amitriptyline for post-herpetic neuralgia",
            "Post-herpetic neuralgia (PHN) is painful (p < 0.05). Amitriptyline, e.g. 25 mg, helps PHN.\n\nIt is cheap.",
        ]
        let document = TextStage().process(Self.document(texts))
        #expect(document.tokens.count == 2)
        #expect(document.sentences.map(\.passage) == [0, 1, 1, 1])
        let second = Array(texts[1].utf8)
        let sentenceTexts = document.sentences.dropFirst().map {
            String(decoding: second[$0.start..<$0.end], as: UTF8.self)
        }
        #expect(
            sentenceTexts == [
                "Post-herpetic neuralgia (PHN) is painful (p < 0.05).", "Amitriptyline, e.g. 25 mg, helps PHN.",
                "It is cheap.",
            ]
        )
        // Every token belongs to exactly one sentence, in order.
        for passage in 0..<2 {
            let ranges = document.sentences.filter { $0.passage == passage }.map(\.tokens)
            #expect(ranges.first?.lowerBound == 0)
            #expect(ranges.last?.upperBound == document.tokens[passage].count)
            for (left, right) in zip(ranges, ranges.dropFirst()) {
                #expect(left.upperBound == right.lowerBound)
            }
            for sentence in document.sentences where sentence.passage == passage {
                for token in document.tokens[passage][sentence.tokens] {
                    #expect(token.start >= sentence.start && token.end <= sentence.end)
                }
            }
        }
        let third = try #require(document.sentences.last)
        let firstToken = document.tokens[1][third.tokens.lowerBound]
        #expect(String(decoding: second[firstToken.start..<firstToken.end], as: UTF8.self) == "It")
        #expect(document.abbreviations.count == 1)
        #expect(document.abbreviations.first?.short == "PHN")
        #expect(document.abbreviations.first?.long == "Post-herpetic neuralgia")
        #expect(document.abbreviations.first?.passage == 1)
    }

    @Test("empty passages give no sentences but keep their token slot")
    func emptyPassage() {
        let document = TextStage().process(Self.document(["", "One sentence."]))
        #expect(document.tokens.count == 2)
        #expect(document.tokens[0].isEmpty)
        #expect(document.sentences.count == 1)
        #expect(document.sentences[0].passage == 1)
        #expect(document.sentences[0].tokens == 0..<3)
    }
}
