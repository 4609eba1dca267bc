import PharmineContext
import PharmineCore

/// A set of entity types, as one bit each.
struct EntityTypes: Equatable {
    private var bits: UInt8 = 0

    @inline(__always)
    private static func bit(_ type: EntityType) -> UInt8 {
        switch type {
        case .drug: 1
        case .condition: 2
        case .receptor: 4
        }
    }

    /// Whether a type is in the set.
    @inline(__always)
    func contains(_ type: EntityType) -> Bool {
        bits & Self.bit(type) != 0
    }

    /// Adds a type.
    @inline(__always)
    mutating func insert(_ type: EntityType) {
        bits |= Self.bit(type)
    }
}

/// What is known of a sentence before its view is built.
struct SentenceFacts {
    /// The entity types of its mentions.
    var types: EntityTypes
    /// How many mentions it holds.
    var mentionCount: Int
    /// Whether it holds drug mentions of at least two concepts (two drug arguments of different
    /// concepts are what every interaction needs).
    var twoDrugConcepts: Bool
    /// Its UTF-8 bytes.
    var text: ArraySlice<UInt8>
}

/// Walks the sentences of a document that hold mentions, building one ``SentenceAnalysis``
/// each. Shared by the extractors so each reads the core layers the same way.
struct SentenceWalker {
    /// Calls `body` for each sentence with at least `minimumMentions` mentions.
    ///
    /// The mentions and cues of each sentence are grouped by counting (no dictionary), and a
    /// passage's bytes are copied once, when its first sentence is accepted.
    ///
    /// - Parameters:
    ///   - document: The document (sentences, tokens and mentions filled).
    ///   - minimumMentions: Sentences with fewer mentions are skipped.
    ///   - endogenous: Substances never taken as drug arguments.
    ///   - accepts: Whether a sentence, given its mention types and bytes, can hold a triple;
    ///     others are skipped before any work.
    ///   - body: Receives the analysis of the sentence and its facts.
    static func forEachSentence(
        of document: Document,
        minimumMentions: Int = 2,
        endogenous: EndogenousSubstances = EndogenousSubstances(),
        where accepts: (SentenceFacts) -> Bool = { _ in true },
        _ body: (SentenceAnalysis, SentenceFacts) -> Void
    ) {
        let sentences = document.sentences
        let mentions = document.mentions
        guard !sentences.isEmpty, !mentions.isEmpty else { return }
        // Keys read in place by index: mapping the elements copied each mention (its strings
        // retained and released) on each of the grouping's two passes.
        let mentionGroups = Grouping(count: sentences.count, keys: mentions.indices.lazy.map { mentions[$0].sentence })
        let cues = document.cues
        let cueGroups = Grouping(count: sentences.count, keys: cues.indices.lazy.map { cues[$0].sentence })
        var passageBytes = PassageBytes(document)
        var inPassage: [Int] = []
        for sentenceIndex in sentences.indices {
            let indices = mentionGroups.members(of: sentenceIndex)
            guard indices.count >= minimumMentions else { continue }
            let sentence = sentences[sentenceIndex]
            guard document.passages.indices.contains(sentence.passage) else { continue }
            inPassage.removeAll(keepingCapacity: true)
            var types = EntityTypes()
            var firstDrug: Int?
            var twoDrugConcepts = false
            // Mentions are read in place: a copy would retain and release their strings.
            for index in indices where mentions[index].passage == sentence.passage {
                inPassage.append(index)
                let type = mentions[index].type
                types.insert(type)
                if type == .drug, !twoDrugConcepts {
                    if let firstDrug {
                        if mentions[firstDrug].id != mentions[index].id { twoDrugConcepts = true }
                    } else {
                        firstDrug = index
                    }
                }
            }
            guard inPassage.count >= minimumMentions else { continue }
            let bytes = passageBytes.bytes(of: sentence.passage, in: document)
            let facts = SentenceFacts(
                types: types,
                mentionCount: inPassage.count,
                twoDrugConcepts: twoDrugConcepts,
                text: PassageBytes.text(of: sentence, in: bytes)
            )
            guard accepts(facts) else { continue }
            let view = SentenceView(
                sentenceIndex: sentenceIndex,
                document: document,
                bytes: bytes,
                mentionIndices: inPassage
            )
            var sentenceCues: [ContextSpan] = []
            for cue in cueGroups.members(of: sentenceIndex) where cues[cue].passage == sentence.passage {
                sentenceCues.append(cues[cue])
            }
            let analysis = SentenceAnalysis(
                view: view,
                mentions: mentions,
                cues: sentenceCues,
                endogenous: endogenous
            )
            body(analysis, facts)
        }
    }
}

/// Indices grouped by a small integer key in `0..<count`, in their original order (keys out of
/// range are dropped): a counting sort.
struct Grouping {
    /// Where each key's members start in `members`; `count + 1` entries.
    private let starts: [Int]
    /// The indices, grouped by key.
    private let order: [Int]

    init(count: Int, keys: some Collection<Int>) {
        var starts = [Int](repeating: 0, count: count + 1)
        for key in keys where key >= 0 && key < count { starts[key + 1] += 1 }
        for key in 0..<count { starts[key + 1] += starts[key] }
        var next = starts
        var order = [Int](repeating: 0, count: starts[count])
        for (index, key) in keys.enumerated() where key >= 0 && key < count {
            order[next[key]] = index
            next[key] += 1
        }
        self.starts = starts
        self.order = order
    }

    /// The indices with a key, in their original order.
    func members(of key: Int) -> ArraySlice<Int> {
        order[starts[key]..<starts[key + 1]]
    }
}
