import Foundation
import PharmineCore
import PharmineLexicon
import PharmineText
import Testing

/// Receptor mentions for the target inside a drug-class mention ("COX-2" in "COX-2 inhibitors").
@Suite struct ClassTargetTests {
    /// The fixture lexicon plus drug classes named for their targets, and one named otherwise.
    static let matcher: Matcher? = {
        let classes = """
            TEST:COXI\tdrug\tCyclooxygenase 2 inhibitors\tCOX-2 inhibitor|COX-2 inhibitors\t\tclass\ttest
            TEST:HT3A\tdrug\tSerotonin 5-HT3 receptor antagonists\t5-HT3 receptor antagonist\t\tclass\ttest
            TEST:ACEI\tdrug\tAngiotensin-converting enzyme inhibitors\tACE-inhibitor|ACE inhibitors\t\tclass\ttest
            TEST:NSAID\tdrug\tAnti-inflammatory agents, non-steroidal\tNSAIDs\t\tclass\ttest
            TEST:HUMAN\tdrug\tHuman C1 esterase inhibitor\tC1 esterase inhibitor\t\t\ttest

            """
        let targets = """
            HGNC:9605\treceptor\tPTGS2\tCOX-2|cyclooxygenase-2\t\t\thgnc
            HGNC:5297\treceptor\tHTR3A\t5-HT3 receptor|5-HT3\t\t\thgnc
            HGNC:1228\treceptor\tSERPING1\tC1 esterase\t\t\thgnc

            """
        guard
            let directory = try? LexiconFixture.writeDirectory([
                "drugs.tsv": LexiconFixture.drugs + classes, "conditions.tsv": LexiconFixture.conditions,
                "receptors.tsv": LexiconFixture.receptors + targets, "curation.tsv": LexiconFixture.curation,
                "drug-forms.tsv": LexiconFixture.drugForms,
            ])
        else { return nil }
        defer { try? FileManager.default.removeItem(atPath: directory) }
        return (try? Lexicon(directory: directory)).map { Matcher(lexicon: $0) }
    }()

    func mentions(_ text: String) throws -> [String] {
        let stage = EntityMatcher(matcher: try #require(Self.matcher))
        var document = Document(id: "test", format: .text, origin: Origin(file: "test.txt", index: 0))
        document.passages = [Passage(label: "text", text: text)]
        document.tokens = [Tokenizer().tokenize(text)]
        let bytes = Array(text.utf8)
        return try stage.process(document).mentions.map {
            "\(String(decoding: bytes[$0.start..<$0.end], as: UTF8.self))=\($0.id)"
        }
    }

    @Test func targetInsideClassIsAMention() throws {
        #expect(
            try mentions("It is a COX-2 inhibitor.") == ["COX-2=HGNC:9605", "COX-2 inhibitor=TEST:COXI"]
        )
        #expect(try mentions("ACE inhibitors lower it.") == ["ACE=HGNC:2707", "ACE inhibitors=TEST:ACEI"])
        #expect(try mentions("an ACE-inhibitor") == ["ACE=HGNC:2707", "ACE-inhibitor=TEST:ACEI"])
        // A last "receptor" of the class name may stay out of the target's match.
        #expect(
            try mentions("the 5-HT3 receptor antagonist")
                == ["5-HT3 receptor=HGNC:5297", "5-HT3 receptor antagonist=TEST:HT3A"]
        )
    }

    @Test func otherClassesAndNamedDrugsGiveNoTarget() throws {
        #expect(try mentions("NSAIDs were used.") == ["NSAIDs=TEST:NSAID"])
        // A drug that is not a class keeps its name whole.
        #expect(try mentions("C1 esterase inhibitor was given.") == ["C1 esterase inhibitor=TEST:HUMAN"])
    }
}
