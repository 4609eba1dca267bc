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
}
