import Foundation
import PharmineContext
import PharmineCore
import PharmineRelate
import Testing

/// Random documents from cue words and mentions (fixed seed): the extractors never crash and
/// every triple keeps the output contract.
@Suite struct RobustnessTests {
    /// A small deterministic generator (SplitMix64).
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let words = [
        "is", "indicated", "for", "the", "treatment", "of", "prevent", "and", "or", ",", "(", ")", "-", "induced",
        "not", "may", "patients", "with", "reduced", "inhibits", "reuptake", "serotonin", "antagonist", "at",
        "receptors", "increases", "plasma", "concentrations", "co-administration", "contraindicated", "its", "it",
        "used", "off-label", "adjunct", "should", "be", "combined", "a", "potent", "inhibitor", "which", ";", ":",
        "treated", "by", "relief", "caused", "side", "effects", "mg", "10", "daily", "for", "which", "takes",
    ]
    static let concepts = [
        "amitriptyline", "aspirin", "warfarin", "ketoconazole", "midazolam", "depressive disorder",
        "migraine disorders",
        "asthma", "nausea", "HRH1", "CYP3A4", "muscarinic acetylcholine receptors", "serotonin",
        "antidepressive agents, tricyclic",
    ]

    @Test(arguments: 0..<60)
    func randomDocuments(seed: Int) throws {
        var random = Generator(state: UInt64(seed) &* 7919 &+ 1)
        var text = ""
        var spans: [(start: Int, end: Int, concept: String, anaphor: Bool)] = []
        for _ in 0..<Int.random(in: 20...80, using: &random) {
            if Int.random(in: 0..<3, using: &random) == 0 {
                let concept = Self.concepts.randomElement(using: &random)!
                let surface = ["X", "Drug", "it", "this drug", "Y-Z", "héllo"].randomElement(using: &random)!
                if !text.isEmpty { text += " " }
                spans.append((text.utf8.count, text.utf8.count + surface.utf8.count, concept, surface == "it"))
                text += surface
            } else {
                let word = Self.words.randomElement(using: &random)!
                if !text.isEmpty, ![",", ")", ";", ":"].contains(word) { text += " " }
                text += word
            }
            if Int.random(in: 0..<12, using: &random) == 0 { text += ". " }
        }
        text += "."
        var document = Fixture.document(text: text, placements: [])
        // Place the random mentions (overlaps allowed), with random context flags.
        for span in spans {
            guard let concept = TestLexicon.concept(named: span.concept) else { continue }
            let sentence = document.sentences.firstIndex { $0.start <= span.start && span.start < $0.end } ?? 0
            var mention = Mention(
                type: concept.type,
                id: concept.id,
                name: concept.name,
                passage: 0,
                sentence: sentence,
                start: span.start,
                end: span.end,
                source: span.anaphor ? .anaphor : .lexicon,
                isClass: concept.isClass
            )
            mention.negated = Bool.random(using: &random)
            mention.hedged = Bool.random(using: &random)
            document.mentions.append(mention)
        }
        // An overlapping and an out-of-range mention must not crash anything.
        if let first = document.mentions.first {
            var wider = first
            wider.end = min(text.utf8.count, first.end + 3)
            document.mentions.append(wider)
            var outside = first
            outside.start = text.utf8.count + 5
            outside.end = text.utf8.count + 9
            document.mentions.append(outside)
        }
        document.mentions.sort { ($0.start, $0.end) < ($1.start, $1.end) }
        let stage = RelateStage(
            mechanism: MechanismExtractor(reuptakeTargets: shippedReuptakeTargets ?? ReuptakeTargets(targets: [:]))
        )
        let result = stage.process(document)
        #expect(result.mentions == document.mentions)
        let bytes = text.utf8.count
        for triple in result.triples {
            #expect(triple.subject.type == .drug)
            #expect(triple.predicate == .indication ? triple.object.type == .condition : true)
            #expect(triple.predicate == .mechanism ? triple.object.type == .receptor : true)
            #expect(
                triple.predicate == .interaction
                    ? triple.object.type == .drug && triple.object.id != triple.subject.id : true
            )
            #expect(result.sentences.indices.contains(triple.sentence))
            #expect((0...1).contains(triple.confidence))
            for mention in [triple.subject, triple.object] {
                #expect(0 <= mention.start && mention.start < mention.end && mention.end <= bytes)
            }
        }
        // Deterministic, and the shared sentence walk equals the three extractors in turn.
        #expect(stage.process(document).triples == result.triples)
        let sequential = stage.interaction.process(stage.mechanism.process(stage.indication.process(document)))
        #expect(sequential.triples == result.triples)
    }
}
