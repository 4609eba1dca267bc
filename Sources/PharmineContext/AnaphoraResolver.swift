public import PharmineCore

/// Resolves drug anaphora — "it", "its", "this drug", "the medication", "this tricyclic
/// antidepressant", "This action" — to the drug meant, and adds them as mentions.
///
/// **Requires** ``Document/passages``, ``Document/tokens``, ``Document/sentences`` and the drug
/// ``Document/mentions`` (with ``Mention/isClass`` set for drug classes).
/// **Produces** one ``Mention`` per resolved anaphor, with ``Mention/Source/anaphor``, the drug's
/// id and name, and the anaphor's own span and sentence; ``Document/mentions`` stays sorted by
/// (passage, start, end).
///
/// Anaphors:
/// - "it" and "its" (any case), except pleonastic "it": "it is crucial to", "it is important",
///   "it may be necessary to", "it was found that", "it has been shown that", "it seems that",
///   "it remains unclear" (a be-verb, optionally after a modal, then an evaluative adjective, or a
///   verb of knowing or saying followed by "that", "whether" or "if");
/// - "this" + drug, agent, medication, medicine, compound, action, effect ("This action helps…":
///   the drug's action stands for the drug);
/// - "the" + drug, agent, medication, medicine, compound, unless a noun follows that makes a
///   compound ("the drug interactions", "the drug levels");
/// - "this" + a drug-class mention, directly or after one word ("this tricyclic antidepressant"):
///   the anaphor spans "this" to the end of the class mention.
///
/// Candidates are drug mentions of one concept: not classes, not anaphors, and not endogenous
/// substances (``EndogenousSubstances``: serotonin, norepinephrine, histamine…). The antecedent
/// is, in order:
/// 1. the nearest candidate before the anaphor in its own sentence;
/// 2. cataphora: when the anaphor lies before the sentence's first comma and a candidate starts
///    within three tokens after that comma ("While known for its efficacy in depression,
///    amitriptyline…"), that candidate;
/// 3. the nearest candidate before it in the passage, then the last one of the previous passage;
/// 4. the document's main drug: the candidate concept mentioned most often (ties: the first).
/// Drug classes carry no members in a mention, so "this <class>" resolves like "this drug".
public struct AnaphoraResolver: Stage {
    /// Substances that are never antecedents.
    public let endogenous: EndogenousSubstances

    /// Creates a resolver.
    ///
    /// - Parameter endogenous: Substances that are never antecedents.
    public init(endogenous: EndogenousSubstances = EndogenousSubstances()) {
        self.endogenous = endogenous
    }

    /// Adds the resolved anaphors to the document's mentions.
    ///
    /// - Parameter document: A document with tokens, sentences and mentions.
    /// - Returns: The document with anaphor mentions added, sorted.
    public func process(_ document: Document) -> Document {
        let anaphors = resolve(document)
        guard !anaphors.isEmpty else { return document }
        var document = document
        document.mentions.append(contentsOf: anaphors)
        document.mentions.sort(by: Self.mentionOrder)
        return document
    }

    /// The order of mentions: passage, start, end, then type, source and id for ties.
    static func mentionOrder(_ left: Mention, _ right: Mention) -> Bool {
        if left.passage != right.passage { return left.passage < right.passage }
        if left.start != right.start { return left.start < right.start }
        if left.end != right.end { return left.end < right.end }
        if left.type != right.type { return left.type < right.type }
        if left.source != right.source { return left.source.rank < right.source.rank }
        return left.id < right.id
    }

    /// Finds and resolves the anaphors of a document.
    ///
    /// - Parameter document: A document with tokens, sentences and mentions.
    /// - Returns: The anaphor mentions, in document order.
    public func resolve(_ document: Document) -> [Mention] {
        var isEndogenous: [String: Bool] = [:]  // by concept id
        var candidates: [Mention] = []
        for mention in document.mentions where mention.type == .drug && !mention.isClass && mention.source != .anaphor {
            let skip = isEndogenous[mention.id] ?? endogenous.contains(mention)
            isEndogenous[mention.id] = skip
            if !skip { candidates.append(mention) }
        }
        candidates.sort(by: Self.mentionOrder)
        guard let main = Self.mainDrug(candidates) else { return [] }

        var classMentions: [Int: [Mention]] = [:]  // by passage
        for mention in document.mentions where mention.type == .drug && mention.isClass {
            classMentions[mention.passage, default: []].append(mention)
        }
        let existing = Set(document.mentions.map { SpanKey(passage: $0.passage, start: $0.start, end: $0.end) })

        var result: [Mention] = []
        for (sentenceIndex, sentence) in document.sentences.enumerated() {
            let passageIndex = sentence.passage
            guard passageIndex >= 0, passageIndex < document.passages.count, passageIndex < document.tokens.count else {
                continue
            }
            let tokens = document.tokens[passageIndex]
            let range = sentence.tokens.clamped(to: 0..<tokens.count)
            guard !range.isEmpty else { continue }
            var text = document.passages[passageIndex].text
            text.withUTF8 { bytes in
                func key(_ index: Int) -> WordKey? {
                    guard index < range.upperBound, tokens[index].kind == .word, tokens[index].end <= bytes.count else {
                        return nil
                    }
                    return WordKey(bytes: bytes, start: tokens[index].start, end: tokens[index].end)
                }
                var index = range.lowerBound
                while index < range.upperBound {
                    // Every anaphor starts with "it", "its", "this" or "the".
                    let token = tokens[index]
                    let length = token.end - token.start
                    guard length >= 2, length <= 4, token.start < bytes.count,
                        bytes[token.start] | 0x20 == UInt8(ascii: "i")
                            || bytes[token.start] | 0x20 == UInt8(ascii: "t"),
                        let word = key(index)
                    else {
                        index += 1
                        continue
                    }
                    var span: Range<Int>?
                    var next = index + 1
                    if word == Words.it {
                        if !isPleonastic(at: index, range: range, key: key) {
                            span = tokens[index].start..<tokens[index].end
                        }
                    } else if word == Words.its {
                        span = tokens[index].start..<tokens[index].end
                    } else if word == Words.this {
                        if Words.thisNouns.contains(key(index + 1)) {
                            span = tokens[index].start..<tokens[index + 1].end
                            next = index + 2
                        } else if let drugClass = classMention(
                            after: index,
                            range: range,
                            tokens: tokens,
                            in: classMentions[passageIndex] ?? []
                        ) {
                            span = tokens[index].start..<drugClass.end
                            next = index + 1
                            while next < range.upperBound, tokens[next].start < drugClass.end { next += 1 }
                        }
                    } else if word == Words.the, Words.theNouns.contains(key(index + 1)),
                        !Words.compoundNouns.contains(key(index + 2))
                    {
                        span = tokens[index].start..<tokens[index + 1].end
                        next = index + 2
                    }
                    if let span,
                        !existing.contains(
                            SpanKey(passage: passageIndex, start: span.lowerBound, end: span.upperBound)
                        ),
                        let antecedent = antecedent(
                            passage: passageIndex,
                            start: span.lowerBound,
                            tokenIndex: index,
                            range: range,
                            tokens: tokens,
                            bytes: bytes,
                            candidates: candidates,
                            main: main
                        )
                    {
                        result.append(
                            Mention(
                                type: .drug,
                                id: antecedent.id,
                                name: antecedent.name,
                                passage: passageIndex,
                                sentence: sentenceIndex,
                                start: span.lowerBound,
                                end: span.upperBound,
                                source: .anaphor,
                                isClass: false
                            )
                        )
                    }
                    index = next
                }
            }
        }
        return result
    }

    // MARK: - Antecedents

    /// The document's main drug: the candidate concept mentioned most often, ties by first
    /// occurrence.
    static func mainDrug(_ candidates: [Mention]) -> Mention? {
        var counts: [String: Int] = [:]
        for mention in candidates { counts[mention.id, default: 0] += 1 }
        var best: Mention?
        var bestCount = 0
        for mention in candidates where counts[mention.id, default: 0] > bestCount {
            best = mention
            bestCount = counts[mention.id, default: 0]
        }
        return best
    }

    /// The drug an anaphor at `start` of `passage` refers to.
    private func antecedent(
        passage: Int,
        start: Int,
        tokenIndex: Int,
        range: Range<Int>,
        tokens: [Token],
        bytes: UnsafeBufferPointer<UInt8>,
        candidates: [Mention],
        main: Mention
    ) -> Mention? {
        // The last candidate before the anaphor (binary search on passage, start).
        var low = 0
        var high = candidates.count
        while low < high {
            let middle = (low + high) / 2
            let candidate = candidates[middle]
            if candidate.passage < passage || (candidate.passage == passage && candidate.end <= start) {
                low = middle + 1
            } else {
                high = middle
            }
        }
        let preceding = low > 0 ? candidates[low - 1] : nil
        let sentenceStart = tokens[range.lowerBound].start
        if let preceding, preceding.passage == passage, preceding.start >= sentenceStart {
            return preceding
        }
        // Cataphora: the anaphor is before the first comma and a drug follows it closely.
        if let comma = range.first(where: {
            tokens[$0].kind == .punctuation && tokens[$0].start < bytes.count
                && bytes[tokens[$0].start] == UInt8(ascii: ",")
        }), comma > tokenIndex {
            let windowEnd = min(comma + 4, range.upperBound)
            if comma + 1 < windowEnd {
                let from = tokens[comma + 1].start
                let to = tokens[windowEnd - 1].end
                if let following = candidates[low...].first(where: { $0.passage == passage && $0.start >= from }),
                    following.start < to
                {
                    return following
                }
            }
        }
        if let preceding, preceding.passage == passage || preceding.passage == passage - 1 {
            return preceding
        }
        return main
    }

    /// The drug-class mention that starts one or two tokens after `index`, if any.
    private func classMention(after index: Int, range: Range<Int>, tokens: [Token], in mentions: [Mention]) -> Mention?
    {
        for offset in 1...2 where index + offset < range.upperBound {
            let start = tokens[index + offset].start
            if let found = mentions.first(where: { $0.start == start }) {
                return found
            }
        }
        return nil
    }

    // MARK: - Pleonastic "it"

    /// Whether the "it" at `index` is pleonastic ("it is important to", "it was found that").
    private func isPleonastic(at index: Int, range: Range<Int>, key: (Int) -> WordKey?) -> Bool {
        var position = index + 1
        // Modals: "it may be necessary", "it should be noted".
        if Words.modals.contains(key(position)) {
            position += 1
            while Words.adverbs.contains(key(position)) { position += 1 }
        }
        guard let verb = key(position) else { return false }
        position += 1
        var raising = false  // seems, appears, remains, follows
        if verb == Words.has || verb == Words.had || verb == Words.have {
            guard key(position) == Words.been else { return false }
            position += 1
        } else if Words.raisingVerbs.contains(verb) {
            raising = true
        } else if !Words.beVerbs.contains(verb) {
            return false
        }
        var adverbs = 0
        while adverbs < 3, Words.adverbs.contains(key(position)) {
            position += 1
            adverbs += 1
        }
        guard let word = key(position) else { return false }
        if raising && (word == Words.that || word == Words.as || word == Words.to) {
            return true  // "it seems that", "it appears as if", "it remains to be seen"
        }
        if Words.evaluative.contains(word) {
            return true
        }
        if Words.knowing.contains(word) {
            // "it was found that", but not "it was found to reduce pain".
            let following = key(position + 1)
            return following == Words.that || following == Words.whether || following == Words.if
        }
        return false
    }
}

/// A passage span, to skip anaphors that another mention already covers.
private struct SpanKey: Hashable {
    var passage: Int
    var start: Int
    var end: Int
}

extension Mention.Source {
    /// The order of sources among mentions with the same span.
    var rank: Int {
        switch self {
        case .lexicon: 0
        case .abbreviation: 1
        case .anaphor: 2
        }
    }
}

/// The word lists of anaphora resolution.
private enum Words {
    static let it = WordKey("it")
    static let its = WordKey("its")
    static let this = WordKey("this")
    static let the = WordKey("the")
    static let has = WordKey("has")
    static let had = WordKey("had")
    static let have = WordKey("have")
    static let been = WordKey("been")
    static let that = WordKey("that")
    static let `as` = WordKey("as")
    static let to = WordKey("to")
    static let whether = WordKey("whether")
    static let `if` = WordKey("if")

    /// Nouns that make "this …" a drug anaphor.
    static let thisNouns = WordSet(["drug", "agent", "medication", "medicine", "compound", "action", "effect"])
    /// Nouns that make "the …" a drug anaphor.
    static let theNouns = WordSet(["drug", "agent", "medication", "medicine", "compound"])
    /// Nouns after "the drug" that make a compound rather than an anaphor.
    static let compoundNouns = WordSet([
        "interaction", "interactions", "level", "levels", "concentration", "concentrations", "exposure", "label",
        "labels", "labeling", "labelling", "class", "classes", "dose", "doses", "dosage", "dosing", "regimen",
        "administration", "holiday", "history", "reaction", "reactions", "development", "discovery", "target",
        "targets", "company", "companies", "industry", "use", "users", "abuse", "screen", "screening", "delivery",
        "release", "resistance", "safety", "information", "product", "products", "candidate", "candidates",
        "combination", "combinations", "substance", "substances", "plasma", "treatment", "therapy", "group",
        "groups", "arm", "effect", "effects",
    ])
    static let modals = WordSet(["may", "might", "can", "could", "should", "would", "will", "must", "shall"])
    static let beVerbs = WordSet(["is", "was", "be", "being", "are", "were"])
    static let raisingVerbs = WordSet([
        "seems", "seemed", "seem", "appears", "appeared", "appear", "remains", "remained", "remain", "follows",
        "followed", "becomes", "became", "become",
    ])
    static let adverbs = WordSet([
        "not", "also", "therefore", "thus", "now", "still", "well", "very", "generally", "widely", "often", "further",
        "highly", "clearly", "currently", "increasingly", "especially", "particularly", "hence", "commonly",
        "usually", "always", "frequently", "indeed", "equally", "absolutely", "extremely", "crucially",
        "critically", "obviously", "certainly", "all", "so", "again", "yet", "however",
    ])
    /// Adjectives and participles that make "it is …" pleonastic on their own.
    /// (Words a drug can be — "likely to cause", "safe", "recommended for" — need "that" instead.)
    static let evaluative = WordSet([
        "important", "crucial", "essential", "necessary", "imperative", "critical", "vital", "advisable", "prudent",
        "noteworthy", "notable", "interesting", "evident", "apparent", "obvious", "clear", "unclear", "unknown",
        "conceivable", "possible", "impossible", "worth", "worthwhile", "surprising", "remarkable", "plausible",
        "reasonable", "desirable", "difficult", "hard", "true", "uncertain", "doubtful", "tempting", "noted",
        "advised", "mandatory", "paramount", "wise", "controversial", "debatable", "questionable", "striking",
        "intriguing", "time", "customary",
    ])
    /// Verbs of knowing and saying: pleonastic when "that", "whether" or "if" follows.
    static let knowing = WordSet([
        "known", "found", "shown", "suggested", "demonstrated", "reported", "proposed", "hypothesized",
        "hypothesised", "believed", "thought", "estimated", "observed", "established", "concluded", "assumed",
        "expected", "speculated", "postulated", "documented", "recognized", "recognised", "accepted", "determined",
        "agreed", "predicted", "considered", "argued", "claimed", "said", "seen", "emphasized",
        "emphasised", "stressed", "confirmed", "noticed", "indicated", "understood", "likely", "unlikely",
        "probable", "improbable", "recommended",
    ])
}
