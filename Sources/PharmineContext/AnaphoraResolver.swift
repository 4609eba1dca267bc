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
/// substances (``EndogenousSubstances``: serotonin, norepinephrine, histamine…) or agents that
/// induce a disease model (streptozotocin, lipopolysaccharide). The antecedent
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

    /// Agents that induce a disease model in animals ("streptozotocin-induced diabetic rats"):
    /// the studied drug, not the inducer, is what "it" and "its" refer to. Lowercase preferred names.
    static let experimentalInducers: Set<String> = [
        "streptozocin", "streptozotocin", "alloxan", "lipopolysaccharide", "lipopolysaccharides", "carrageenan",
        "mptp", "1-methyl-4-phenyl-1,2,3,6-tetrahydropyridine", "oxidopamine", "6-hydroxydopamine",
        "kainic acid", "carbon tetrachloride", "dextran sulfate", "paraquat", "rotenone", "monocrotaline",
        "pentylenetetrazole", "isoproterenol", "isoprenaline", "ovalbumin", "complete freund's adjuvant",
    ]

    /// Whether a concept's preferred name is an agent that induces a disease model.
    ///
    /// - Parameter name: The preferred name.
    static func isExperimentalInducer(_ name: String) -> Bool {
        experimentalInducers.contains(name.lowercased())
    }

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
        var document = document
        addAnaphors(to: &document)
        return document
    }

    /// Adds the resolved anaphors to the document's mentions, in place.
    ///
    /// - Parameter document: A document with tokens, sentences and mentions.
    func addAnaphors(to document: inout Document) {
        let anaphors = resolve(document)
        guard !anaphors.isEmpty else { return }
        if Self.isSorted(document.mentions) && Self.isSorted(anaphors) {
            // Both sorted: a stable merge gives what a stable sort of the two would.
            let mentions = document.mentions
            var merged: [Mention] = []
            merged.reserveCapacity(mentions.count + anaphors.count)
            var left = 0
            var right = 0
            while left < mentions.count && right < anaphors.count {
                if Self.mentionOrder(anaphors[right], mentions[left]) {
                    merged.append(anaphors[right])
                    right += 1
                } else {
                    merged.append(mentions[left])
                    left += 1
                }
            }
            merged.append(contentsOf: mentions[left...])
            merged.append(contentsOf: anaphors[right...])
            document.mentions = merged
        } else {
            document.mentions.append(contentsOf: anaphors)
            document.mentions.sort(by: Self.mentionOrder)
        }
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

    /// Whether mentions are in ``mentionOrder(_:_:)``.
    static func isSorted(_ mentions: [Mention]) -> Bool {
        mentions.withUnsafeBufferPointer { mentions in
            for index in mentions.indices.dropFirst() where mentionOrder(mentions[index], mentions[index - 1]) {
                return false
            }
            return true
        }
    }

    /// Finds and resolves the anaphors of a document.
    ///
    /// - Parameter document: A document with tokens, sentences and mentions.
    /// - Returns: The anaphor mentions, in document order.
    public func resolve(_ document: Document) -> [Mention] {
        document.mentions.withUnsafeBufferPointer { mentions in
            resolve(document, mentions: mentions)
        }
    }

    private func resolve(_ document: Document, mentions: UnsafeBufferPointer<Mention>) -> [Mention] {
        // Candidates (indices into `mentions`); whether a concept is endogenous is decided by its
        // first mention. Concept ids are numbered once per mention.
        var conceptNumbers = ConceptNumbers()
        var conceptIsEndogenous: [Bool] = []
        var conceptOfMention = [Int32](repeating: -1, count: mentions.count)
        var candidates: [Int] = []
        candidates.reserveCapacity(mentions.count)
        var classMentions: [Int] = []
        for index in mentions.indices where mentions[index].type == .drug {
            if mentions[index].isClass {
                classMentions.append(index)
                continue
            }
            guard mentions[index].source != .anaphor else { continue }
            let concept = conceptNumbers.number(of: mentions[index].id)
            if concept == conceptIsEndogenous.count {
                conceptIsEndogenous.append(
                    endogenous.contains(mentions[index]) || Self.isExperimentalInducer(mentions[index].name)
                )
            }
            conceptOfMention[index] = Int32(concept)
            if !conceptIsEndogenous[concept] { candidates.append(index) }
        }
        guard !candidates.isEmpty else { return [] }
        if !candidates.indices.dropFirst().allSatisfy({
            !Self.mentionOrder(mentions[candidates[$0]], mentions[candidates[$0 - 1]])
        }) {
            candidates.sort { Self.mentionOrder(mentions[$0], mentions[$1]) }
        }
        // The document's main drug: the candidate concept mentioned most often, ties by first
        // occurrence.
        var counts = [Int](repeating: 0, count: conceptIsEndogenous.count)
        for candidate in candidates { counts[Int(conceptOfMention[candidate])] += 1 }
        var main = candidates[0]
        var bestCount = 0
        for candidate in candidates where counts[Int(conceptOfMention[candidate])] > bestCount {
            main = candidate
            bestCount = counts[Int(conceptOfMention[candidate])]
        }
        let existing = SpanIndex(mentions)

        var result: [Mention] = []
        let sentences = document.sentences
        var runStart = 0
        while runStart < sentences.count {
            // A run of sentences of one passage: its text and tokens are borrowed once.
            let passageIndex = sentences[runStart].passage
            var runEnd = runStart + 1
            while runEnd < sentences.count, sentences[runEnd].passage == passageIndex { runEnd += 1 }
            defer { runStart = runEnd }
            guard passageIndex >= 0, passageIndex < document.passages.count, passageIndex < document.tokens.count else {
                continue
            }
            var text = document.passages[passageIndex].text
            text.withUTF8 { bytes in
                document.tokens[passageIndex].withUnsafeBufferPointer { tokens in
                    for sentenceIndex in runStart..<runEnd {
                        let range = sentences[sentenceIndex].tokens.clamped(to: 0..<tokens.count)
                        guard !range.isEmpty else { continue }
                        resolve(
                            sentence: sentenceIndex,
                            range: range,
                            passage: passageIndex,
                            tokens: tokens,
                            bytes: bytes,
                            mentions: mentions,
                            candidates: candidates,
                            classMentions: classMentions,
                            main: main,
                            existing: existing,
                            into: &result
                        )
                    }
                }
            }
        }
        return result
    }

    /// Finds and resolves the anaphors of one sentence.
    @inline(__always)
    private func resolve(
        sentence sentenceIndex: Int,
        range: Range<Int>,
        passage passageIndex: Int,
        tokens: UnsafeBufferPointer<Token>,
        bytes: UnsafeBufferPointer<UInt8>,
        mentions: UnsafeBufferPointer<Mention>,
        candidates: [Int],
        classMentions: [Int],
        main: Int,
        existing: SpanIndex,
        into result: inout [Mention]
    ) {
        func key(_ index: Int) -> WordKey? {
            guard index < range.upperBound, tokens[index].kind == .word, tokens[index].end <= bytes.count else {
                return nil
            }
            return WordKey(bytes: bytes, start: tokens[index].start, end: tokens[index].end)
        }
        var index = range.lowerBound
        while index < range.upperBound {
            // Every anaphor starts with "it", "its", "this" or "the" (any case).
            let word = Self.leadingWord(tokens[index], bytes)
            guard word != .none else {
                index += 1
                continue
            }
            var span: Range<Int>?
            var next = index + 1
            if word == .it {
                if !isPleonastic(at: index, range: range, key: key) {
                    span = tokens[index].start..<tokens[index].end
                }
            } else if word == .its {
                span = tokens[index].start..<tokens[index].end
            } else if word == .this {
                if Words.thisNouns.contains(key(index + 1)) {
                    span = tokens[index].start..<tokens[index + 1].end
                    next = index + 2
                } else if let drugClass = classMention(
                    after: index,
                    range: range,
                    tokens: tokens,
                    passage: passageIndex,
                    mentions: mentions,
                    classMentions: classMentions
                ) {
                    span = tokens[index].start..<drugClass.end
                    next = index + 1
                    while next < range.upperBound, tokens[next].start < drugClass.end { next += 1 }
                }
            } else if word == .the, Words.theNouns.contains(key(index + 1)),
                !Words.compoundNouns.contains(key(index + 2))
            {
                span = tokens[index].start..<tokens[index + 1].end
                next = index + 2
            }
            if let span,
                !existing.contains(passage: passageIndex, start: span.lowerBound, end: span.upperBound),
                let antecedent = antecedent(
                    passage: passageIndex,
                    start: span.lowerBound,
                    tokenIndex: index,
                    range: range,
                    tokens: tokens,
                    bytes: bytes,
                    mentions: mentions,
                    candidates: candidates,
                    main: main
                )
            {
                result.append(
                    Mention(
                        type: .drug,
                        id: mentions[antecedent].id,
                        name: mentions[antecedent].name,
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

    /// The words an anaphor starts with.
    private enum LeadingWord {
        case none, it, its, this, the
    }

    /// Which of "it", "its", "this", "the" (any ASCII case) a word token is, from its bytes.
    @inline(__always)
    private static func leadingWord(_ token: Token, _ bytes: UnsafeBufferPointer<UInt8>) -> LeadingWord {
        let length = token.end &- token.start
        guard length >= 2, length <= 4, token.kind == .word, token.end <= bytes.count, token.start >= 0 else {
            return .none
        }
        // `| 0x20` lowercases a letter and maps no other byte onto one.
        let first = bytes[token.start] | 0x20
        let second = bytes[token.start &+ 1] | 0x20
        if first == UInt8(ascii: "i") {
            guard second == UInt8(ascii: "t") else { return .none }
            if length == 2 { return .it }
            if length == 3 && bytes[token.start &+ 2] | 0x20 == UInt8(ascii: "s") { return .its }
            return .none
        }
        guard first == UInt8(ascii: "t"), second == UInt8(ascii: "h"), length >= 3 else { return .none }
        let third = bytes[token.start &+ 2] | 0x20
        if length == 3 { return third == UInt8(ascii: "e") ? .the : .none }
        return third == UInt8(ascii: "i") && bytes[token.start &+ 3] | 0x20 == UInt8(ascii: "s") ? .this : .none
    }

    // MARK: - Antecedents

    /// The drug an anaphor at `start` of `passage` refers to, as an index into `mentions`.
    private func antecedent(
        passage: Int,
        start: Int,
        tokenIndex: Int,
        range: Range<Int>,
        tokens: UnsafeBufferPointer<Token>,
        bytes: UnsafeBufferPointer<UInt8>,
        mentions: UnsafeBufferPointer<Mention>,
        candidates: [Int],
        main: Int
    ) -> Int? {
        // The last candidate before the anaphor (binary search on passage, start).
        var low = 0
        var high = candidates.count
        while low < high {
            let middle = (low + high) / 2
            let candidate = mentions[candidates[middle]]
            if candidate.passage < passage || (candidate.passage == passage && candidate.end <= start) {
                low = middle + 1
            } else {
                high = middle
            }
        }
        let preceding = low > 0 ? candidates[low - 1] : nil
        let sentenceStart = tokens[range.lowerBound].start
        if let preceding, mentions[preceding].passage == passage, mentions[preceding].start >= sentenceStart {
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
                if let following = candidates[low...].first(where: {
                    mentions[$0].passage == passage && mentions[$0].start >= from
                }),
                    mentions[following].start < to
                {
                    return following
                }
            }
        }
        // "X protein causes …, we investigated its ability to …": a named protein before "it" or
        // "its" in the sentence is the nearer antecedent, and it is no drug.
        let word = Self.leadingWord(tokens[tokenIndex], bytes)
        if word == .it || word == .its,
            namesProtein(in: range.lowerBound..<tokenIndex, tokens: tokens, bytes: bytes)
        {
            return nil
        }
        if let preceding, mentions[preceding].passage == passage || mentions[preceding].passage == passage - 1 {
            return preceding
        }
        return main
    }

    /// Whether tokens hold a named protein: "protein" or "proteins" right after a word with a
    /// capital letter or a digit ("Tat protein", "HIV-1 Tat protein", "p53 protein"), and not
    /// followed by a word that makes it a modifier ("protein kinase", "protein binding").
    private func namesProtein(in tokens: Range<Int>, tokens all: UnsafeBufferPointer<Token>, bytes: UnsafeBufferPointer<UInt8>)
        -> Bool
    {
        func text(_ index: Int) -> [UInt8] {
            let token = all[index]
            guard token.start >= 0, token.end <= bytes.count, token.start < token.end else { return [] }
            return Array(bytes[token.start..<token.end])
        }
        let protein = Array("protein".utf8)
        let proteins = Array("proteins".utf8)
        for index in tokens where index > tokens.lowerBound && all[index].kind == .word {
            let word = text(index).map { $0 | 0x20 }
            guard word == protein || word == proteins else { continue }
            let before = text(index - 1)
            guard before.contains(where: { (0x41...0x5A).contains($0) || (0x30...0x39).contains($0) }) else { continue }
            if index + 1 < tokens.upperBound, all[index + 1].kind == .word {
                let next = String(decoding: text(index + 1).map { $0 | 0x20 }, as: UTF8.self)
                if Self.proteinModifierHeads.contains(next) { continue }
            }
            return true
        }
        return false
    }

    /// Words after "protein" that make it a modifier of another noun.
    private static let proteinModifierHeads: Set<String> = [
        "kinase", "kinases", "binding", "bound", "levels", "level", "expression", "synthesis", "content",
        "phosphatase", "concentration", "concentrations", "intake", "restriction", "loss",
    ]

    /// The drug-class mention of `passage` that starts one or two tokens after `index`, if any.
    private func classMention(
        after index: Int,
        range: Range<Int>,
        tokens: UnsafeBufferPointer<Token>,
        passage: Int,
        mentions: UnsafeBufferPointer<Mention>,
        classMentions: [Int]
    ) -> Mention? {
        guard !classMentions.isEmpty else { return nil }
        for offset in 1...2 where index + offset < range.upperBound {
            let start = tokens[index + offset].start
            if let found = classMentions.first(where: {
                mentions[$0].passage == passage && mentions[$0].start == start
            }) {
                return mentions[found]
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

/// The spans of a document's mentions, for membership tests: a binary search when the mentions
/// are sorted by (passage, start, end), as matching leaves them, else a hash set.
private struct SpanIndex {
    private let sorted: [SpanKey]
    private let set: Set<SpanKey>

    init(_ mentions: UnsafeBufferPointer<Mention>) {
        let keys = mentions.map { SpanKey(passage: $0.passage, start: $0.start, end: $0.end) }
        if zip(keys, keys.dropFirst()).allSatisfy({ Self.precedes($0, $1) || $0 == $1 }) {
            sorted = keys
            set = []
        } else {
            sorted = []
            set = Set(keys)
        }
    }

    private static func precedes(_ left: SpanKey, _ right: SpanKey) -> Bool {
        (left.passage, left.start, left.end) < (right.passage, right.start, right.end)
    }

    func contains(passage: Int, start: Int, end: Int) -> Bool {
        let key = SpanKey(passage: passage, start: start, end: end)
        guard !sorted.isEmpty else { return set.contains(key) }
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if Self.precedes(sorted[middle], key) { low = middle + 1 } else { high = middle }
        }
        return low < sorted.count && sorted[low] == key
    }
}

/// Numbers the concept ids of one document 0, 1, 2… in order of first appearance: a linear
/// list while there are few, a dictionary beyond. Ids are compared as Strings (canonical
/// equivalence), as a dictionary would.
private struct ConceptNumbers {
    private var keys: [String] = []
    private var dictionary: [String: Int] = [:]

    /// The number of an id, numbering it if it is new.
    mutating func number(of key: String) -> Int {
        if keys.count <= 16 {
            // The most recent concept first: mentions of one drug cluster.
            var index = keys.count - 1
            while index >= 0 {
                if keys[index] == key { return index }
                index -= 1
            }
        } else if let index = dictionary[key] {
            return index
        }
        keys.append(key)
        if keys.count > 16 {
            if dictionary.isEmpty {
                for (index, key) in keys.enumerated() { dictionary[key] = index }
            } else {
                dictionary[key] = keys.count - 1
            }
        }
        return keys.count - 1
    }
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
