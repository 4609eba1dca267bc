public import PharmineCore
import PharmineText

/// How a ``Matcher`` chooses among matches.
public struct MatcherOptions: Sendable, Hashable {
    /// When one surface form belongs to concepts of several types, the type listed first wins
    /// (default: drug, then condition, then receptor). Types left out are matched last, in
    /// drug–condition–receptor order.
    public var typePriority: [EntityType]
    /// Keep the best concept of every type at a span instead of only the best overall.
    public var keepsAllTypes: Bool
    /// Extend a drug match over directly following salt words ("hydrochloride", "HCl"); dosage-form
    /// words ("tablets", "infusion") stay outside the mention.
    public var extendsDrugForms: Bool
    /// Resolve coordination ellipsis ("histamine and muscarinic receptors").
    public var resolvesCoordination: Bool
    /// Surface forms of at most this many letters and digits, with no lower-case letter, match
    /// only with their exact case (gene symbols, "AIDS").
    public var shortFormLength: Int

    /// Creates options; the defaults are the documented matching behaviour.
    ///
    /// - Parameters:
    ///   - typePriority: Type order for ambiguous surface forms.
    ///   - keepsAllTypes: Keep one concept per type at a span.
    ///   - extendsDrugForms: Extend drugs over salt words.
    ///   - resolvesCoordination: Resolve coordination ellipsis.
    ///   - shortFormLength: Longest all-capitals surface form that is case-sensitive.
    public init(
        typePriority: [EntityType] = [.drug, .condition, .receptor],
        keepsAllTypes: Bool = false,
        extendsDrugForms: Bool = true,
        resolvesCoordination: Bool = true,
        shortFormLength: Int = 4
    ) {
        self.typePriority = typePriority
        self.keepsAllTypes = keepsAllTypes
        self.extendsDrugForms = extendsDrugForms
        self.resolvesCoordination = resolvesCoordination
        self.shortFormLength = shortFormLength
    }
}

/// The part of a lexicon entry that a mention needs.
public typealias LexiconConcept = Concept

/// One match of a lexicon concept in text.
public struct LexiconMatch: Sendable, Hashable {
    /// How a match was found.
    public enum Origin: UInt8, Sendable, Hashable {
        /// The text at the span is a surface form of the concept (possibly extended over salt and
        /// formulation words).
        case lexicon
        /// The span is the first conjunct of a coordination whose shared head completes a
        /// surface form ("histamine" in "histamine and muscarinic receptors").
        case coordination
    }

    /// The index of the concept in ``Matcher/concepts`` (and in the lexicon's entries).
    public var entry: Int
    /// The concept's type.
    public var type: EntityType
    /// Start (UTF-8 bytes into the text).
    public var start: Int
    /// End (UTF-8 bytes, exclusive).
    public var end: Int
    /// How it was found.
    public var origin: Origin

    /// Creates a match.
    ///
    /// - Parameters:
    ///   - entry: The entry index.
    ///   - type: The type.
    ///   - start: Start byte.
    ///   - end: End byte (exclusive).
    ///   - origin: How it was found.
    public init(entry: Int, type: EntityType, start: Int, end: Int, origin: Origin = .lexicon) {
        self.entry = entry
        self.type = type
        self.start = start
        self.end = end
        self.origin = origin
    }
}

/// Finds lexicon concepts in tokenized text: a token trie over a hashed vocabulary of normalised
/// keys, compiled once from a ``Lexicon`` and shared read-only by every thread.
///
/// **Compiling.** Every surface form (the name and each synonym) is prepared — markup tags such as
/// `<sub>` are removed and MeSH inverted forms are un-inverted ("Neuralgia, Postherpetic" →
/// "Postherpetic Neuralgia", "Leukemia, Myeloid, Acute" → "Acute Myeloid Leukemia") — then
/// tokenized and keyed exactly as text is (see ``PharmineText/Normalizer``). Each form is inserted
/// with its variants: every hyphen chain joined ("post-herpetic" → "postherpetic"), and a word
/// that starts with a common prefix split after it ("postherpetic" → "post herpetic"; prefixes
/// post, pre, non, anti, hyper, hypo, intra, inter, extra, multi, poly, pseudo, semi, peri).
/// Forms of one letter or digit, bare numbers, forms with unbalanced brackets and forms that
/// begin or end with a function word ("and emtricitabine)", "extract of") are never matched; the
/// letter "a" joined by a hyphen to a word of three characters or more is no function word
/// ("TNF-a", "a-tubulin"), and such a form matches only as its joined key.
///
/// **Matching** is leftmost-longest over token units within one sentence: hyphens are skipped
/// (so "post-herpetic" = "post herpetic"), a hyphen chain in text may also match as its joined key
/// ("post-herpetic" = "postherpetic"), and possessive 's is skipped ("Parkinson's disease" =
/// "Parkinson disease"). A match always starts and ends on token boundaries. Most text tokens are
/// not in the vocabulary and cost one hash probe.
///
/// **Case.** A surface form is case-sensitive when curation says `case_sensitive`, or when it is
/// ASCII and has at most two letters and digits, or at most ``MatcherOptions/shortFormLength``
/// letters and digits and no lower-case letter ("AIDS", "HRH1", "5-HT"); this holds even when the
/// form is the concept's preferred name. A case-sensitive form matches only text whose letters and digits
/// equal its own exactly; when the longest candidate fails that check a shorter one is tried.
///
/// **Ambiguity.** When a span matches several concepts, they are ranked by type (the
/// ``MatcherOptions/typePriority``, drug before condition before receptor), then by whether the
/// form is the concept's preferred name, then case-sensitive before case-insensitive, then by id;
/// the first that passes the case check wins (or the first of each type with
/// ``MatcherOptions/keepsAllTypes``). The result is deterministic and independent of file order.
///
/// **Curation.** `exclude` rules remove every surface form with the same unit keys (for that type,
/// or every type with `*`); `case_sensitive` rules make such forms match only the rule's exact
/// letters and digits. Excluding a singular ("diuretic") keeps the lexicon's plural, matched in
/// lower case or capitalised ("diuretics", "Diuretics").
///
/// **Drug forms.** A drug match extends over directly following salt and formulation words from
/// `drug-forms.tsv` ("Amitriptyline Hydrochloride Tablets" is one mention of amitriptyline).
///
/// **Coordination.** In `A and B HEAD` (also `or`, `,`, `/`, `&`, `and/or`, and lists
/// `A, B and C HEAD`), when `B HEAD` matched and `A HEAD` is a surface form, A's span becomes a
/// match of that concept ("histamine and muscarinic receptors", "serotonin and norepinephrine
/// transporters", "H1 and H2 receptors", "type 1 and type 2 diabetes"). A is one to three units;
/// HEAD is the shortest tail of `B HEAD` that works. Such a match replaces a plain match of A.
public final class Matcher: Sendable {
    /// The concepts that matches refer to (``LexiconMatch/entry`` indexes this array), in the
    /// order of the lexicon's entries.
    public let concepts: [LexiconConcept]
    /// The lexicon compiled, or nil when the matcher was loaded from the compiled cache.
    public let lexicon: Lexicon?
    /// Whether the matcher was loaded from the compiled cache.
    public let isFromCache: Bool
    /// The options.
    public let options: MatcherOptions
    /// Figures about the compiled form.
    public let statistics: Statistics
    /// The compiled tables.
    let tables: CompiledTables
    /// The key normaliser.
    let normalizer = Normalizer()
    /// Scratches for callers that bring none.
    let scratchPool = ScratchPool()

    /// Runs `body` with a scratch that no other thread is using, taken from the matcher's pool
    /// (and returned to it afterwards).
    ///
    /// - Parameter body: The work.
    /// - Returns: What `body` returns.
    /// - Throws: What `body` throws.
    public func withScratch<Result>(_ body: (MatchScratch) throws -> Result) rethrows -> Result {
        try scratchPool.withScratch(body)
    }

    /// Figures about a compiled matcher.
    public struct Statistics: Sendable, Hashable {
        /// Surface forms compiled (names and synonyms, after curation).
        public var surfaceForms: Int
        /// Token-key sequences inserted (surface forms with their variants).
        public var sequences: Int
        /// Distinct token keys.
        public var vocabularySize: Int
        /// Trie nodes.
        public var nodes: Int
        /// Outputs (concept ends) in the trie.
        public var outputs: Int
        /// Surface forms dropped by curation `exclude`.
        public var excluded: Int
        /// Surface forms skipped as fragments: one character, a bare number, unbalanced brackets,
        /// or a function word ("and", "of", "the"…) at either end.
        public var skipped: Int
        /// Case-sensitive surface forms.
        public var caseSensitive: Int
        /// Bytes of the compiled tables.
        public var bytes: Int
        /// How long compiling took.
        public var compileTime: Duration
    }

    /// Compiles a lexicon.
    ///
    /// - Parameters:
    ///   - lexicon: The lexicon.
    ///   - options: Matching options.
    public init(lexicon: Lexicon, options: MatcherOptions = MatcherOptions()) {
        let clock = ContinuousClock()
        let started = clock.now
        var compiler = MatcherCompiler(options: options, normalizer: normalizer)
        compiler.compile(lexicon)
        let tables = compiler.freeze(entries: lexicon.entries)
        self.concepts = lexicon.entries.map {
            LexiconConcept(id: $0.id, name: $0.name, type: $0.type, isClass: $0.isClass)
        }
        self.lexicon = lexicon
        self.isFromCache = false
        self.options = options
        self.tables = tables
        self.statistics = Statistics(
            surfaceForms: compiler.surfaceForms,
            sequences: compiler.sequences,
            vocabularySize: tables.vocabularyCount,
            nodes: tables.trie.nodeCount,
            outputs: tables.trie.outputs.count,
            excluded: compiler.excluded,
            skipped: compiler.malformed,
            caseSensitive: compiler.caseSensitive,
            bytes: tables.byteCount,
            compileTime: clock.now - started
        )
    }

    /// Creates a matcher from loaded tables (the compiled cache).
    init(concepts: [LexiconConcept], tables: CompiledTables, options: MatcherOptions, statistics: Statistics) {
        self.concepts = concepts
        self.lexicon = nil
        self.isFromCache = true
        self.options = options
        self.tables = tables
        self.statistics = statistics
    }

    /// Every surface form that compiling accepts, as prepared for tokenizing (un-inverted, markup
    /// removed), in lexicon order; for tools that compare matchers. Compiles the lexicon again.
    ///
    /// - Returns: The surface forms.
    public func compiledTerms() -> [String] {
        guard let lexicon else { return [] }
        var terms: [String] = []
        var compiler = MatcherCompiler(options: options, normalizer: normalizer)
        compiler.compile(lexicon) { terms.append($0) }
        return terms
    }

    /// The entity type of a raw rank in a ``TrieOutput``.
    static let typeOfRank: [EntityType] = [.drug, .condition, .receptor]

    /// The raw rank of an entity type.
    static func rank(of type: EntityType) -> UInt8 {
        switch type {
        case .drug: 0
        case .condition: 1
        case .receptor: 2
        }
    }
}

/// The frozen tables of a matcher. Immutable after creation, so safe to share between threads.
final class CompiledTables: @unchecked Sendable {
    /// Vocabulary keys, one after the other (followed by 8 zero bytes).
    let keyBytes: FlatArray<UInt8>
    /// Start of each key, plus the end.
    let keyOffsets: FlatArray<Int32>
    /// Vocabulary hash slots.
    let slots: FlatArray<VocabularySlot>
    /// `slots.count - 1`.
    let mask: Int
    /// The vocabulary id of each one-byte ASCII punctuation key, or -1.
    let asciiPunctuation: FlatArray<Int32>
    /// The concept trie.
    let trie: TokenTrie
    /// The salt and formulation trie.
    let forms: TokenTrie
    /// Case-sensitive signatures (letters and digits of a surface form), one after the other.
    let signatureBytes: FlatArray<UInt8>
    /// Start of each signature, plus the end.
    let signatureOffsets: FlatArray<Int32>

    /// Creates the tables.
    init(
        vocabulary: VocabularyBuilder,
        trie: TokenTrie,
        forms: TokenTrie,
        signatureBytes: [UInt8],
        signatureOffsets: [Int32]
    ) {
        var capacity = 16
        while capacity < vocabulary.count * 5 / 2 { capacity *= 2 }
        keyBytes = FlatArray(vocabulary.keyBytes + [UInt8](repeating: 0, count: 8))
        keyOffsets = FlatArray(vocabulary.keyOffsets)
        slots = FlatArray(vocabulary.frozenSlots(capacity: capacity))
        mask = capacity - 1
        var punctuation = [Int32](repeating: -1, count: 128)
        for byte in 0..<128 {
            var key = UInt8(byte)
            punctuation[byte] = vocabulary.find(&key, 1, hash: KeyHash.hash(&key, 1))
        }
        asciiPunctuation = FlatArray(punctuation)
        self.trie = trie
        self.forms = forms
        self.signatureBytes = FlatArray(signatureBytes)
        self.signatureOffsets = FlatArray(signatureOffsets)
    }

    /// Adopts loaded arrays (the compiled cache).
    init(
        keyBytes: FlatArray<UInt8>,
        keyOffsets: FlatArray<Int32>,
        slots: FlatArray<VocabularySlot>,
        asciiPunctuation: FlatArray<Int32>,
        trie: TokenTrie,
        forms: TokenTrie,
        signatureBytes: FlatArray<UInt8>,
        signatureOffsets: FlatArray<Int32>
    ) {
        self.keyBytes = keyBytes
        self.keyOffsets = keyOffsets
        self.slots = slots
        self.mask = slots.count - 1
        self.asciiPunctuation = asciiPunctuation
        self.trie = trie
        self.forms = forms
        self.signatureBytes = signatureBytes
        self.signatureOffsets = signatureOffsets
    }

    deinit {
        keyBytes.free()
        keyOffsets.free()
        slots.free()
        asciiPunctuation.free()
        trie.free()
        forms.free()
        signatureBytes.free()
        signatureOffsets.free()
    }

    /// The number of vocabulary keys.
    var vocabularyCount: Int { keyOffsets.count - 1 }

    /// Bytes held.
    var byteCount: Int {
        keyBytes.count + keyOffsets.count * 4 + slots.count * 16 + trie.byteCount + forms.byteCount
            + signatureBytes.count + signatureOffsets.count * 4
    }

    /// The vocabulary id of a key, or -1.
    @inline(__always)
    func lookup(_ key: UnsafePointer<UInt8>, _ length: Int) -> Int32 {
        VocabularySlot.find(
            slots: slots.base,
            mask: mask,
            keyBytes: keyBytes.base,
            keyOffsets: keyOffsets.base,
            key: key,
            length: length,
            hash: KeyHash.hash(key, length)
        )
    }

    /// The key of a vocabulary id.
    func key(_ id: Int32) -> String {
        let start = Int(keyOffsets[Int(id)])
        return String(decoding: UnsafeBufferPointer(start: keyBytes.base + start, count: Int(keyOffsets[Int(id) + 1]) - start), as: UTF8.self)
    }
}
