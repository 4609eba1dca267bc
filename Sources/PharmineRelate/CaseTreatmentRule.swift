import PharmineContext
import PharmineCore

/// The document-level indication rule `indication.case_treatment`: a sentence that starts a
/// treatment and names no condition ("He was treated with lidocaine.", "Therapy was initiated
/// with A and B.") treats the conditions of the nearest earlier sentence of the same paragraph
/// that names some (at most two sentences back): "She presented with fever and pneumonia.
/// Treatment was started with A." gives A → fever and A → pneumonia.
///
/// The triple's `sentence` and evidence are the treating sentence; the object keeps its own
/// offsets in the earlier sentence of the same passage. The link crosses a sentence, so the
/// confidence is low (base 0.55).
///
/// Never linked: a treating sentence that stops, withholds or negates a drug ("X was
/// discontinued", "not treated with"), or that looks back ("had previously received X"); a drug
/// given in a vehicle ("in dextrose"); a condition that is negated, historical or hypothetical;
/// a condition in a sentence that names the treating drug itself (most often as its cause:
/// "X-induced Y", or already linked there); titles.
struct CaseTreatmentRule {
    /// Substances never taken as drug arguments.
    let endogenous: EndogenousSubstances

    /// Words that start a treatment; the drugs follow them.
    static let treatmentCues: WordSet = [
        "treated", "treatment", "therapy", "initiated", "started", "administered", "given", "received",
        "placed", "managed", "commenced", "instituted", "begun",
    ]

    /// Words that make a treating sentence something else: stopping, withholding, negating or
    /// looking back.
    static let blockers: WordSet = [
        "discontinued", "discontinuation", "stopped", "withdrawn", "withdrawal", "ceased", "tapered", "withheld",
        "previously", "prior", "history", "before", "not", "no", "without", "never", "failed", "despite",
        "pretreated", "pretreatment", "induced", "caused", "developed", "healthy", "worsened", "which", "toxic",
    ]

    /// The only words allowed before the cue: a patient or a treatment as the subject, an
    /// auxiliary and adverbs of time or manner ("He was then treated with", "Empiric therapy was
    /// started with", "The patient received").
    static let leadingWords: WordSet = [
        "he", "she", "they", "the", "our", "this", "patient", "child", "boy", "girl", "man", "woman", "infant",
        "treatment", "therapy", "medical", "empiric", "empirical", "antibiotic", "symptoms", "was", "were", "is",
        "then", "subsequently", "initially", "immediately", "successfully", "promptly", "also", "therefore",
        "thus", "later", "finally", "both", "and", "empirically", "eventually", "again", "further",
    ]

    /// Words of a patient's case: the earlier sentence must hold one ("A 54-year-old man presented
    /// with …", "the patient had …").
    static let caseWords: WordSet = [
        "patient", "man", "woman", "boy", "girl", "child", "infant", "neonate", "he", "she", "his", "her", "male",
        "female", "presented", "admitted",
    ]

    /// Words that end the drug list after the cue.
    static let listEnds: WordSet = [
        "for", "because", "after", "but", "which", "due", "although", "while", "when", "until", "whereas",
    ]

    /// The bytes a treating sentence must contain (lowercase, ASCII letters case folded) before any
    /// view is built; each cue word holds one.
    private static let prefilters = NeedleSet([
        "treat", "therap", "initiat", "start", "administ", "given", "receiv", "placed", "managed", "commenc",
        "institut", "begun",
    ])

    /// The rule's base confidence.
    static let base = 0.55

    /// The triples of the rule in a document.
    ///
    /// - Parameter document: The document after the context stage.
    /// - Returns: The triples, in document order.
    func triples(in document: Document) -> [Triple] {
        let sentences = document.sentences
        let mentions = document.mentions
        guard sentences.count > 1, !mentions.isEmpty else { return [] }
        // The drug and condition mentions of each sentence (of its passage), grouped by counting;
        // mentions are read in place.
        func grouped(_ type: EntityType) -> Grouping {
            Grouping(
                count: sentences.count,
                keys: mentions.indices.lazy.map { index in
                    let sentence = mentions[index].sentence
                    guard mentions[index].type == type, sentences.indices.contains(sentence),
                        mentions[index].passage == sentences[sentence].passage
                    else { return -1 }
                    return sentence
                }
            )
        }
        let drugs = grouped(.drug)
        let conditions = grouped(.condition)
        var result: [Triple] = []
        var paragraphs: ParagraphIndex?
        var passageBytes = PassageBytes(document)
        for sentenceIndex in sentences.indices.dropFirst() {
            guard !drugs.members(of: sentenceIndex).isEmpty, conditions.members(of: sentenceIndex).isEmpty else { continue }
            let sentence = sentences[sentenceIndex]
            guard document.passages.indices.contains(sentence.passage),
                document.passages[sentence.passage].label != "title"
            else { continue }
            // The nearest earlier sentence of the passage with conditions, at most two back.
            var earlier: Int?
            for back in 1...2 where sentenceIndex - back >= 0 {
                let candidate = sentenceIndex - back
                guard sentences[candidate].passage == sentence.passage else { break }
                if !conditions.members(of: candidate).isEmpty {
                    earlier = candidate
                    break
                }
            }
            guard let earlier else { continue }
            let bytes = passageBytes.bytes(of: sentence.passage, in: document)
            let text = PassageBytes.text(of: sentence, in: bytes)
            guard Self.prefilters.occurs(inFolded: text),
                isCase(earlier, in: document, bytes: bytes)
            else { continue }
            if paragraphs == nil { paragraphs = ParagraphIndex(document) }
            if let paragraphs,
                paragraphs.paragraph(ofSentence: earlier).index != paragraphs.paragraph(ofSentence: sentenceIndex).index
            {
                continue
            }
            let view = SentenceView(
                sentenceIndex: sentenceIndex,
                document: document,
                bytes: bytes,
                mentionIndices: Array(drugs.members(of: sentenceIndex))
            )
            let analysis = SentenceAnalysis(view: view, mentions: mentions, endogenous: endogenous)
            let given = treatedDrugs(analysis)
            guard !given.isEmpty else { continue }
            let givenIDs = Set(given.map { mentions[$0].id })
            // A condition sentence naming a treating drug: that drug's own effect, or linked there.
            if drugs.members(of: earlier).contains(where: { givenIDs.contains(mentions[$0].id) }) { continue }
            var seen = Set<String>()
            for drug in given {
                let subject = mentions[drug]
                for condition in conditions.members(of: earlier) {
                    let object = mentions[condition]
                    guard !object.negated, !object.historical, !object.hypothetical, object.id != subject.id,
                        !Self.namesAPlace(after: object.end, in: bytes),
                        seen.insert(subject.id + "|" + object.id).inserted
                    else { continue }
                    result.append(
                        Triple(
                            subject: subject,
                            predicate: .indication,
                            qualifier: nil,
                            object: object,
                            sentence: sentenceIndex,
                            negated: subject.negated,
                            hedged: subject.hedged || subject.hypothetical || object.hedged,
                            confidence: Confidence.score(base: Self.base, distance: 0, listIndex: 0, anaphor: false),
                            rule: "indication.case_treatment"
                        )
                    )
                }
            }
        }
        return result
    }

    /// The drugs a treating sentence gives: those after its first treatment cue, up to a clause
    /// break or a word that ends the list; none when a blocker word appears anywhere.
    private func treatedDrugs(_ analysis: SentenceAnalysis) -> [Int] {
        let items = analysis.items
        guard !items.contains(where: { $0.kind == .word && $0.isWord(Self.blockers) }),
            let cue = items.firstIndex(where: { $0.kind == .word && $0.isWord(Self.treatmentCues) })
        else { return [] }
        var result: [Int] = []
        // "He was treated with", "Therapy was started with"; "X was initiated" gives X.
        for item in 0..<cue {
            let it = items[item]
            if it.kind == .slot, let drug = analysis.drug(at: item), analysis.mentions[drug].source != .anaphor {
                result.append(drug)
            } else if !(it.kind == .word
                && (it.isWord(Self.leadingWords) || it.text.count > 5 && it.text.hasSuffix("ly")))
            {
                return []
            }
        }
        var item = cue + 1
        while item < items.count, item - cue <= 25 {
            let it = items[item]
            if analysis.isClauseBreak(item) || it.isWord(Self.listEnds) { break }
            if it.kind == .slot, let drug = analysis.drug(at: item) {
                let mention = analysis.mentions[drug]
                let vehicle = item > 0 && items[item - 1].isWord(oneOf: ["in", "via"])
                if !vehicle, mention.source != .anaphor {
                    result.append(drug)
                }
            }
            item += 1
        }
        return result
    }

    /// Places named by a condition adjective: "a psychiatric hospital" is no condition.
    static let places: WordSet = ["hospital", "ward", "unit", "clinic", "department", "service", "center", "centre"]

    /// Whether the word after a mention ending at `end` is a place ("psychiatric hospital").
    private static func namesAPlace(after end: Int, in bytes: [UInt8]) -> Bool {
        var start = end
        while start < bytes.count, bytes[start] == UInt8(ascii: " ") { start += 1 }
        var stop = start
        while stop < bytes.count, stop - start < 12,
            (bytes[stop] | 0x20) >= UInt8(ascii: "a"), (bytes[stop] | 0x20) <= UInt8(ascii: "z")
        {
            stop += 1
        }
        guard stop > start else { return false }
        return places.contains(String(decoding: bytes[start..<stop], as: UTF8.self).lowercased())
    }

    /// Whether an ASCII token is a case word, an age ("54-year-old") or "old", as the lowercased
    /// string decides; nil when the token is not ASCII.
    private static func isCaseWord(ascii token: ArraySlice<UInt8>) -> Bool? {
        token.withUnsafeBufferPointer { token in
            guard token.allSatisfy({ $0 < 0x80 }) else { return nil }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: token.count) { lower in
                for index in token.indices {
                    let byte = token[index]
                    lower[index] = byte &- 0x41 < 26 ? byte | 0x20 : byte
                }
                let word = UnsafeBufferPointer(lower)
                if caseWords.contains(bytes: word) || word.elementsEqual("old".utf8) { return true }
                let suffix = "year-old".utf8
                return word.count >= suffix.count && word[(word.count - suffix.count)...].elementsEqual(suffix)
            }
        }
    }

    /// Whether a sentence tells a patient's case: it holds a word of ``caseWords`` or an age
    /// ("54-year-old").
    private func isCase(_ sentence: Int, in document: Document, bytes: [UInt8]) -> Bool {
        let span = document.sentences[sentence]
        guard span.passage < document.tokens.count else { return false }
        let tokens = document.tokens[span.passage]
        for index in span.tokens.clamped(to: tokens.indices) {
            let token = tokens[index]
            guard token.start >= 0, token.start < token.end, token.end <= bytes.count else { continue }
            let slice = bytes[token.start..<token.end]
            // ASCII (most tokens): lowercased and tested as bytes, without making a string.
            if let answer = Self.isCaseWord(ascii: slice) {
                if answer { return true }
                continue
            }
            let text = String(decoding: slice, as: UTF8.self).lowercased()
            if Self.caseWords.contains(text) || text.hasSuffix("year-old") || text == "old" { return true }
        }
        return false
    }
}
