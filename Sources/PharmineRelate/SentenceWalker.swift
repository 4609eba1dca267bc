import PharmineContext
import PharmineCore

/// What is known of a sentence before its view is built.
struct SentenceFacts {
    /// The entity types of its mentions.
    var types: Set<EntityType>
    /// How many mentions it holds.
    var mentionCount: Int
    /// Its UTF-8 bytes.
    var text: ArraySlice<UInt8>
}

/// Walks the sentences of a document that hold mentions, building one ``SentenceAnalysis``
/// each. Shared by the extractors so each reads the core layers the same way.
struct SentenceWalker {
    /// Calls `body` for each sentence with at least `minimumMentions` mentions.
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
        guard !document.sentences.isEmpty, !document.mentions.isEmpty else { return }
        var bySentence: [Int: [Int]] = [:]
        for (index, mention) in document.mentions.enumerated() {
            bySentence[mention.sentence, default: []].append(index)
        }
        var cuesBySentence: [Int: [ContextSpan]] = [:]
        for cue in document.cues { cuesBySentence[cue.sentence, default: []].append(cue) }
        var bytesByPassage: [Int: [UInt8]] = [:]
        for sentenceIndex in document.sentences.indices {
            guard let indices = bySentence[sentenceIndex], indices.count >= minimumMentions else { continue }
            let sentence = document.sentences[sentenceIndex]
            guard document.passages.indices.contains(sentence.passage) else { continue }
            let inPassage = indices.filter { document.mentions[$0].passage == sentence.passage }
            guard inPassage.count >= minimumMentions else { continue }
            let bytes: [UInt8]
            if let cached = bytesByPassage[sentence.passage] {
                bytes = cached
            } else {
                bytes = Array(document.passages[sentence.passage].text.utf8)
                bytesByPassage[sentence.passage] = bytes
            }
            let lower = max(0, min(sentence.start, bytes.count))
            let facts = SentenceFacts(
                types: Set(inPassage.map { document.mentions[$0].type }),
                mentionCount: inPassage.count,
                text: bytes[lower..<max(lower, min(sentence.end, bytes.count))]
            )
            guard accepts(facts) else { continue }
            let view = SentenceView(
                sentenceIndex: sentenceIndex,
                document: document,
                bytes: bytes,
                mentionIndices: inPassage
            )
            var analysis = SentenceAnalysis(view: view, mentions: document.mentions)
            analysis.endogenous = endogenous
            analysis.cues = cuesBySentence[sentenceIndex]?.filter { $0.passage == sentence.passage } ?? []
            body(analysis, facts)
        }
    }
}
