@testable import PharmineRelate
import Testing

/// Invariants that the rules' shortcuts rely on.
@Suite struct CueInvariantTests {
    /// `populationCue(at:)` turns away every item that is not a population noun before trying the
    /// population patterns, so each pattern must start with a required step of population nouns.
    @Test func populationPatternsStartWithAPopulationNoun() {
        let nouns = Set(Lexical.population.words)
        for pattern in IndicationCues.population {
            guard let first = pattern.steps.first else {
                Issue.record("empty pattern \(pattern.source)")
                continue
            }
            let words = Set(first.words.words)
            #expect(!first.optional, "\(pattern.source)")
            #expect(first.prefixes.isEmpty, "\(pattern.source)")
            #expect(words.isSubset(of: nouns), "\(pattern.source)")
        }
    }

    /// Word lists probed by key (with their key filter) answer as a `Set` of the same words,
    /// for ASCII, non-ASCII and canonically equivalent probes.
    @Test func wordSetAnswersAsASet() {
        let words = ["in", "on", "against", "caf\u{E9}", "x-ray", "receptors", ";"]
        let list = WordSet(words)
        let reference = Set(words)
        let probes = words + ["In", "at", "cafe\u{301}", "caf", "receptor", "", "x", "\u{37E}", "ray"]
        for probe in probes {
            #expect(list.contains(probe) == reference.contains(probe), "\(probe)")
        }
    }

    /// The first-byte filter of a cue pattern covers every step that may take the first item:
    /// an optional first step lets the next step's words start a match too.
    @Test func headFilterCoversOptionalSteps() {
        let pattern = CuePattern("the? treatment|manag* of")
        let admitted = [UInt8](0..<128).filter { byte in
            byte < 64 ? pattern.heads.low & 1 << UInt64(byte) != 0 : pattern.heads.high & 1 << UInt64(byte - 64) != 0
        }
        #expect(admitted == [UInt8(ascii: "m"), UInt8(ascii: "t")])
        // A non-ASCII prefix is not decided by its first byte: every byte is admitted.
        let nonASCII = CuePattern("\u{E9}tude* of")
        #expect(nonASCII.heads.low == ~0 && nonASCII.heads.high == ~0)
    }

    /// Prefix lists decide as `String.hasPrefix` does, on the byte path and off it.
    @Test func prefixListAnswersAsHasPrefix() {
        let prefixes = ["reduc", "improv", "caf\u{E9}", "e"]
        let list = PrefixList(prefixes)
        let texts = [
            "reduced", "reduc", "redu", "improving", "Reduced", "", "e\u{301}tude", "etude", "cafe\u{301}s",
            "caf\u{E9}", "reduc\u{301}ed", "x",
        ]
        for text in texts {
            #expect(list.matches(text) == prefixes.contains { text.hasPrefix($0) }, "\(text)")
        }
    }

    /// Word maps answer as the dictionary they were built from.
    @Test func wordMapAnswersAsItsDictionary() {
        let dictionary = ["increase": 1, "reduced": 2, "caf\u{E9}": 3]
        let map = WordMap(dictionary)
        for text in ["increase", "reduced", "reduce", "cafe\u{301}", "caf\u{E9}", "", "Increase"] {
            #expect(map[text] == dictionary[text], "\(text)")
        }
    }

    /// A sentence item probed through its key and first byte answers as `String.hasPrefix` (the
    /// prefixes of its first byte only, for an ASCII word).
    @Test func prefixListOnItemsAnswersAsHasPrefix() {
        let prefixes = ["reduc", "improv", "caf\u{E9}", "e", "re"]
        let list = PrefixList(prefixes)
        let texts = ["reduced", "re", "r", "improving", "etude", "e\u{301}tude", "caf\u{E9}s", "x", "", "-"]
        let store = SentenceView.Texts(capacity: texts.count)
        for text in texts {
            let item = SentenceView.Item(
                kind: .word, text: text, texts: store, start: 0, end: text.utf8.count, spaceBefore: true,
                key: WordKey.item(text)
            )
            let expected = prefixes.contains { text.hasPrefix($0) }
            #expect(list.matches(key: item.key, head: item.head, text: item.text) == expected, "\(text)")
        }
    }

    /// `isWord(oneOf:)` answers as a comparison of the item's text with each literal, for ASCII
    /// and non-ASCII texts, and only for words.
    @Test func isWordOneOfAnswersAsStringComparison() {
        let store = SentenceView.Texts(capacity: 8)
        func item(_ text: String, _ kind: SentenceView.Kind = .word) -> SentenceView.Item {
            SentenceView.Item(
                kind: kind, text: text, texts: store, start: 0, end: text.utf8.count, spaceBefore: true,
                key: WordKey.item(text)
            )
        }
        #expect(item("with").isWord(oneOf: ["and", "with"]))
        #expect(!item("wit").isWord(oneOf: ["and", "with"]))
        #expect(!item("withs").isWord(oneOf: ["with"]))
        #expect(item("s").isWord(oneOf: ["s"]))
        #expect(item("cafe\u{301}").isWord(oneOf: ["caf\u{E9}"]))
        #expect(!item("with", .punctuation).isWord(oneOf: ["with"]))
        #expect(!item("with", .slot).isWord(oneOf: ["with"]))
    }

    /// The case-treatment stems searched in one pass are found exactly where a search for each
    /// stem with folded case finds one.
    @Test func needleSetAnswersAsEachNeedle() {
        let needles = ["treat", "therap", "start", "given", "begun"]
        let set = NeedleSet(needles)
        let texts = [
            "He was TREATED with X.", "Therapy began.", "no cue here", "give n", "startle", "begu", "thera",
            "x given", "", "t", "\u{E9}treat", "[treat]",
        ]
        for text in texts {
            let bytes = ArraySlice(Array(text.utf8))
            let expected = needles.contains { bytes.containsFolded(Array($0.utf8)) }
            #expect(set.occurs(inFolded: bytes) == expected, "\(text)")
        }
    }
}
