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
}
