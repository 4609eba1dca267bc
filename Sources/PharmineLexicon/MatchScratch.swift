import PharmineCore
import PharmineText
import Synchronization

/// Buffers that one thread reuses across ``Matcher`` calls, so the hot loop does not allocate.
///
/// A scratch must be used by one thread at a time: give each thread its own, or borrow one with
/// ``Matcher/withScratch(_:)``. It holds a 2 MiB word cache, so keep it rather than creating one
/// per call.
public final class MatchScratch: @unchecked Sendable {
    // Units: the tokens that take part in matching (hyphens and possessive 's are skipped).
    /// Start byte of each unit.
    var unitStart = GrowableBuffer<Int32>(capacity: 256)
    /// End byte of each unit.
    var unitEnd = GrowableBuffer<Int32>(capacity: 256)
    /// Vocabulary id of each unit's key, or -1.
    var unitID = GrowableBuffer<Int32>(capacity: 256)
    /// Vocabulary id of the key of the hyphen chain joined from this unit to its end, or -1.
    var joinID = GrowableBuffer<Int32>(capacity: 256)
    /// Last unit of the chain joined in ``joinID``.
    var joinEnd = GrowableBuffer<Int32>(capacity: 256)
    /// ``UnitFlags`` of each unit.
    var unitFlags = GrowableBuffer<UInt8>(capacity: 256)
    /// The root information (``TokenTrie/rootInfo``) of each unit's id.
    var unitRoot = GrowableBuffer<UInt64>(capacity: 256)
    /// The word-cache slot of each unit's word, or -1.
    var unitSlot = GrowableBuffer<Int32>(capacity: 256)
    /// A direct-mapped cache from raw word bytes to vocabulary id and root information, so that
    /// frequent words skip normalising and the vocabulary probe.
    var wordCache: UnsafeMutablePointer<WordCacheEntry>
    /// The tables the word cache belongs to.
    var wordCacheOwner: ObjectIdentifier?
    /// The normalised key of the current token.
    var key = GrowableBuffer<UInt8>(capacity: 256)
    /// Raw bytes of a hyphen chain, joined.
    var joined = GrowableBuffer<UInt8>(capacity: 256)
    /// Letters and digits of a matched span, for case-sensitive checks.
    var alnum = GrowableBuffer<UInt8>(capacity: 64)
    /// Trie walk stack: node << 32 | next unit.
    var stack = GrowableBuffer<UInt64>(capacity: 256)
    /// Accepting states found by a walk: last unit << 32 | node.
    var candidates = GrowableBuffer<UInt64>(capacity: 256)
    /// Outputs chosen for a span (at most one per type).
    var chosen = GrowableBuffer<TrieOutput>(capacity: 4)
    /// Matches of the current sentence, by units.
    var sentenceMatches: [UnitMatch] = []
    /// Tokens, for callers that tokenize here.
    var tokens: [Token] = []

    /// Creates empty buffers.
    public init() {
        wordCache = .allocate(capacity: WordCacheEntry.count)
        wordCache.initialize(repeating: WordCacheEntry(), count: WordCacheEntry.count)
    }

    /// Prepares the word cache for a matcher's tables (empties it when they changed).
    @inline(__always)
    func useWordCache(for tables: CompiledTables) -> UnsafeMutablePointer<WordCacheEntry> {
        let owner = ObjectIdentifier(tables)
        if wordCacheOwner != owner {
            wordCache.update(repeating: WordCacheEntry(), count: WordCacheEntry.count)
            wordCacheOwner = owner
        }
        return wordCache
    }

    deinit {
        unitStart.free()
        unitEnd.free()
        unitID.free()
        joinID.free()
        joinEnd.free()
        unitFlags.free()
        unitRoot.free()
        unitSlot.free()
        wordCache.deallocate()
        key.free()
        joined.free()
        alnum.free()
        stack.free()
        candidates.free()
        chosen.free()
    }

    /// Makes room for `count` units.
    @inline(__always)
    func reserveUnits(_ count: Int) {
        if count > unitStart.capacity {
            unitStart.reserve(count)
            unitEnd.reserve(count)
            unitID.reserve(count)
            joinID.reserve(count)
            joinEnd.reserve(count)
            unitFlags.reserve(count)
            unitRoot.reserve(count)
            unitSlot.reserve(count)
        }
    }
}

/// A match of the current sentence, in units.
struct UnitMatch {
    /// First unit.
    var first: Int32
    /// Last unit (inclusive).
    var last: Int32
    /// The chosen output.
    var output: TrieOutput
    /// How it was found.
    var origin: LexiconMatch.Origin
}

/// Bits of ``MatchScratch/unitFlags``.
enum UnitFlags {
    /// The unit is a word or number (not punctuation).
    static let word: UInt8 = 1
    /// A hyphen joins the unit to the next one with no space on either side.
    static let linked: UInt8 = 2
}

/// Turns a key (normalised token) into a vocabulary id.
protocol KeyResolver {
    /// The id and root information of a word or number token, or (-1, ``WordCacheEntry/noRoot``),
    /// and its word-cache slot (or -1).
    mutating func resolveWord(
        _ text: UnsafePointer<UInt8>,
        start: Int,
        length: Int,
        textCount: Int,
        key: UnsafeMutablePointer<UInt8>,
        normalizer: Normalizer
    ) -> (id: Int32, root: UInt64, slot: Int32)
    /// The root information of an id (``WordCacheEntry/noRoot`` for -1).
    func root(of id: Int32) -> UInt64
    /// The id of a normalised word or number key, or -1.
    mutating func resolve(_ key: UnsafePointer<UInt8>, _ length: Int) -> Int32
    /// The id of a punctuation character (raw bytes), or -1.
    mutating func resolvePunctuation(_ bytes: UnsafePointer<UInt8>, _ length: Int) -> Int32
}

/// The one definition of how tokens become units, shared by compiling and matching so that a
/// lexicon term and the same words in text always yield the same key sequence.
///
/// - Hyphens (`-`, U+2010…U+2013) are skipped; a hyphen that touches the units on both sides links
///   them into a chain ("post-herpetic"), and the chain's joined key ("postherpetic") is an
///   alternative to its parts.
/// - An apostrophe right after a word is skipped, with a directly following lone `s`
///   ("Parkinson's" = "Parkinson", "Graves'" = "Graves").
/// - Words and numbers are keyed by ``PharmineText/Normalizer``; other punctuation by its bytes.
enum UnitAnalysis {
    /// Whether the token bytes are a hyphen.
    @inline(__always)
    static func isHyphen(_ text: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let first = text[start]
        if end &- start == 1 { return first == UInt8(ascii: "-") }
        return end &- start == 3 && first == 0xE2 && text[start &+ 1] == 0x80 && text[start &+ 2] &- 0x90 < 4
    }

    /// Whether the token bytes are an apostrophe (', ’, ʼ, ′).
    @inline(__always)
    static func isApostrophe(_ text: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let first = text[start]
        switch end &- start {
        case 1: return first == UInt8(ascii: "'")
        case 2: return first == 0xCA && text[start &+ 1] == 0xBC
        case 3: return first == 0xE2 && (text[start &+ 1] == 0x80 && text[start &+ 2] == 0x99
                || text[start &+ 1] == 0x80 && text[start &+ 2] == 0xB2)
        default: return false
        }
    }

    /// Longest hyphen chain joined, in units.
    static let maximumChain = 6

    /// Analyses the tokens `range` of a text into units in `scratch`.
    ///
    /// - Parameters:
    ///   - text: The text's UTF-8 bytes.
    ///   - tokens: The text's tokens.
    ///   - range: The token range (a sentence).
    ///   - scratch: Receives the units.
    ///   - resolver: Maps keys to ids.
    ///   - normalizer: The normaliser.
    ///   - joinEveryUnit: Join from every unit of a chain (matching), or only from its first
    ///     (compiling).
    /// - Returns: The number of units.
    @inline(__always)
    static func analyze<Resolver: KeyResolver>(
        text: UnsafePointer<UInt8>,
        textCount: Int,
        tokens: UnsafePointer<Token>,
        range: Range<Int>,
        scratch: MatchScratch,
        resolver: inout Resolver,
        normalizer: Normalizer,
        joinEveryUnit: Bool
    ) -> Int {
        scratch.reserveUnits(range.count)
        let unitStart = scratch.unitStart.base
        let unitEnd = scratch.unitEnd.base
        let unitID = scratch.unitID.base
        let joinID = scratch.joinID.base
        let unitFlags = scratch.unitFlags.base
        let unitRoot = scratch.unitRoot.base
        let unitSlot = scratch.unitSlot.base
        var units = 0
        var index = range.lowerBound
        let end = range.upperBound
        var previousEnd = -1
        var previousWord = false
        var hyphenEnd = -1
        var anyLink = false
        var keyBase = scratch.key.base
        var keyCapacity = scratch.key.capacity
        while index < end {
            let token = tokens[index]
            let start = token.start
            let stop = token.end
            let id: Int32
            let isWord: Bool
            var root = WordCacheEntry.noRoot
            var slot: Int32 = -1
            if token.kind == .punctuation {
                if isHyphen(text, start, stop) {
                    hyphenEnd = previousWord && previousEnd == start ? stop : -1
                    index &+= 1
                    continue
                }
                if previousWord, previousEnd == start, isApostrophe(text, start, stop) {
                    index &+= 1
                    if index < end {
                        let next = tokens[index]
                        if next.start == stop, next.end == stop &+ 1, text[stop] | 0x20 == UInt8(ascii: "s") {
                            index &+= 1
                        }
                    }
                    hyphenEnd = -1
                    continue
                }
                id = resolver.resolvePunctuation(text + start, stop &- start)
                root = resolver.root(of: id)
                isWord = false
            } else {
                let length = stop &- start
                let capacity = Normalizer.capacity(forTokenLength: length)
                if capacity > keyCapacity {
                    scratch.key.reserve(capacity)
                    keyBase = scratch.key.base
                    keyCapacity = scratch.key.capacity
                }
                (id, root, slot) = resolver.resolveWord(
                    text, start: start, length: length, textCount: textCount, key: keyBase, normalizer: normalizer)
                isWord = true
            }
            if isWord, hyphenEnd == start, units > 0 {
                unitFlags[units &- 1] |= UnitFlags.linked
                anyLink = true
            }
            hyphenEnd = -1
            unitStart[units] = Int32(truncatingIfNeeded: start)
            unitEnd[units] = Int32(truncatingIfNeeded: stop)
            unitID[units] = id
            unitRoot[units] = root
            unitSlot[units] = slot
            joinID[units] = -1
            unitFlags[units] = isWord ? UnitFlags.word : 0
            previousEnd = stop
            previousWord = isWord
            units &+= 1
            index &+= 1
        }
        if anyLink {
            joinChains(text: text, units: units, scratch: scratch, resolver: &resolver, normalizer: normalizer,
                       joinEveryUnit: joinEveryUnit)
        }
        return units
    }

    /// Computes the joined keys of hyphen chains.
    static func joinChains<Resolver: KeyResolver>(
        text: UnsafePointer<UInt8>,
        units: Int,
        scratch: MatchScratch,
        resolver: inout Resolver,
        normalizer: Normalizer,
        joinEveryUnit: Bool
    ) {
        let flags = scratch.unitFlags.base
        let starts = scratch.unitStart.base
        let ends = scratch.unitEnd.base
        let joinIDs = scratch.joinID.base
        let joinEnds = scratch.joinEnd.base
        var joined = scratch.joined.base
        var joinedCapacity = scratch.joined.capacity
        var key = scratch.key.base
        var keyCapacity = scratch.key.capacity
        var first = 0
        while first < units {
            guard flags[first] & UnitFlags.linked != 0 else {
                first &+= 1
                continue
            }
            var last = first
            while last < units &- 1, flags[last] & UnitFlags.linked != 0 { last &+= 1 }
            var from = first
            while from < last {
                if last &- from < maximumChain {
                    let length = Int(ends[last] &- starts[from]) + 16
                    if length > joinedCapacity {
                        scratch.joined.reserve(length)
                        joined = scratch.joined.base
                        joinedCapacity = scratch.joined.capacity
                    }
                    var position = 0
                    for unit in from...last {
                        let start = Int(starts[unit])
                        let count = Int(ends[unit]) &- start
                        (joined + position).update(from: text + start, count: count)
                        position &+= count
                    }
                    let capacity = Normalizer.capacity(forTokenLength: position)
                    if capacity > keyCapacity {
                        scratch.key.reserve(capacity)
                        key = scratch.key.base
                        keyCapacity = scratch.key.capacity
                    }
                    joinIDs[from] = resolver.resolveWord(
                        joined, start: 0, length: position, textCount: joinedCapacity, key: key, normalizer: normalizer
                    ).id
                    joinEnds[from] = Int32(truncatingIfNeeded: last)
                }
                if !joinEveryUnit { break }
                from &+= 1
            }
            first = last &+ 1
        }
    }
}

/// One entry of the word cache: a word of up to 16 bytes, as written, with its vocabulary id and
/// root information.
struct WordCacheEntry {
    /// The number of entries (a power of two): 2 MiB, enough for the distinct words of a
    /// large batch of abstracts.
    static let count = 65536
    /// Root information meaning "no transition from the root, nothing may follow".
    static let noRoot = UInt64(UInt32.max)

    /// Bytes 0..<8 of the word, zero-padded.
    var word0: UInt64 = 0
    /// Bytes 8..<16 of the word, zero-padded.
    var word1: UInt64 = 0
    /// The word's length (0 = empty entry) in the low byte, the id plus one above it.
    var meta: UInt64 = 0
    /// The root information of the id.
    var root: UInt64 = noRoot
    /// The decision for a one-unit match of exactly this word (``singleUnknown``,
    /// ``singleNone``, or ``single(_:)``), filled when first needed.
    var single: UInt64 = singleUnknown

    /// Not decided yet.
    static let singleUnknown: UInt64 = 0
    /// No output passes for this word alone.
    static let singleNone: UInt64 = 1

    /// The encoding of a chosen output.
    @inline(__always)
    static func single(_ output: TrieOutput) -> UInt64 {
        UInt64(UInt32(bitPattern: output.entry)) &<< 32 | UInt64(output.type) &<< 8 | 3
    }

    /// The output of an encoded decision (``singleNone`` and ``singleUnknown`` excluded).
    @inline(__always)
    static func output(_ single: UInt64) -> TrieOutput {
        TrieOutput(
            entry: Int32(truncatingIfNeeded: single &>> 32),
            signature: -1,
            type: UInt8(truncatingIfNeeded: single &>> 8),
            flags: 0
        )
    }

    /// The first 16 bytes of a word of at most 16 bytes, zero-padded, as two words.
    @inline(__always)
    static func words(_ text: UnsafePointer<UInt8>, start: Int, length: Int, textCount: Int) -> (UInt64, UInt64) {
        var word0: UInt64 = 0
        var word1: UInt64 = 0
        if start &+ 16 <= textCount {
            let raw = UnsafeRawPointer(text + start)
            word0 = raw.loadUnaligned(as: UInt64.self)
            word1 = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
            if length < 8 {
                word0 &= (1 &<< UInt64(length &* 8)) &- 1
                word1 = 0
            } else if length < 16 {
                word1 &= (1 &<< UInt64((length &- 8) &* 8)) &- 1
            }
        } else {
            var index = 0
            while index < length {
                let byte = UInt64(text[start &+ index])
                if index < 8 { word0 |= byte &<< UInt64(index &* 8) } else { word1 |= byte &<< UInt64((index &- 8) &* 8) }
                index &+= 1
            }
        }
        return (word0, word1)
    }
}

/// Resolves keys by looking them up in the frozen vocabulary (matching).
struct LookupResolver: KeyResolver {
    /// The tables.
    let tables: CompiledTables
    /// The calling thread's word cache for these tables.
    let cache: UnsafeMutablePointer<WordCacheEntry>

    @inline(__always)
    mutating func resolveWord(
        _ text: UnsafePointer<UInt8>,
        start: Int,
        length: Int,
        textCount: Int,
        key: UnsafeMutablePointer<UInt8>,
        normalizer: Normalizer
    ) -> (id: Int32, root: UInt64, slot: Int32) {
        guard length <= 16 else {
            let found = resolveUncached(text, start: start, length: length, key: key, normalizer: normalizer)
            return (found.id, found.root, -1)
        }
        let (word0, word1) = WordCacheEntry.words(text, start: start, length: length, textCount: textCount)
        let mixed = (word0 &* 0x9E37_79B9_7F4A_7C15) ^ (word1 &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(length)
        let slot = Int(truncatingIfNeeded: KeyHash.mix(mixed)) & (WordCacheEntry.count &- 1)
        let entry = cache[slot]
        if entry.meta & 0xFF == UInt64(length), entry.word0 == word0, entry.word1 == word1 {
            return (Int32(truncatingIfNeeded: entry.meta &>> 8) &- 1, entry.root, Int32(truncatingIfNeeded: slot))
        }
        let found = resolveUncached(text, start: start, length: length, key: key, normalizer: normalizer)
        cache[slot] = WordCacheEntry(
            word0: word0,
            word1: word1,
            meta: UInt64(UInt32(bitPattern: found.id &+ 1)) &<< 8 | UInt64(length),
            root: found.root
        )
        return (found.id, found.root, Int32(truncatingIfNeeded: slot))
    }

    /// Normalises a word and looks it up.
    @inline(__always)
    func resolveUncached(
        _ text: UnsafePointer<UInt8>,
        start: Int,
        length: Int,
        key: UnsafeMutablePointer<UInt8>,
        normalizer: Normalizer
    ) -> (id: Int32, root: UInt64) {
        let keyLength = normalizer.normalize(UnsafeBufferPointer(start: text + start, count: length), into: key)
        let id = keyLength > 0 ? tables.lookup(key, keyLength) : -1
        return (id, root(of: id))
    }

    @inline(__always)
    func root(of id: Int32) -> UInt64 {
        id >= 0 ? tables.trie.rootInfo[Int(id)] : WordCacheEntry.noRoot
    }

    @inline(__always)
    mutating func resolve(_ key: UnsafePointer<UInt8>, _ length: Int) -> Int32 {
        tables.lookup(key, length)
    }

    @inline(__always)
    mutating func resolvePunctuation(_ bytes: UnsafePointer<UInt8>, _ length: Int) -> Int32 {
        if length == 1 { return tables.asciiPunctuation[Int(bytes[0] & 0x7F)] }
        return tables.lookup(bytes, length)
    }
}

/// Resolves keys by adding them to the vocabulary under construction (compiling).
struct InternResolver: KeyResolver {
    /// The vocabulary being built.
    var vocabulary: VocabularyBuilder

    mutating func resolveWord(
        _ text: UnsafePointer<UInt8>,
        start: Int,
        length: Int,
        textCount: Int,
        key: UnsafeMutablePointer<UInt8>,
        normalizer: Normalizer
    ) -> (id: Int32, root: UInt64, slot: Int32) {
        let keyLength = normalizer.normalize(UnsafeBufferPointer(start: text + start, count: length), into: key)
        return (keyLength > 0 ? vocabulary.intern(key, keyLength) : -1, WordCacheEntry.noRoot, -1)
    }

    func root(of id: Int32) -> UInt64 { WordCacheEntry.noRoot }

    mutating func resolve(_ key: UnsafePointer<UInt8>, _ length: Int) -> Int32 {
        vocabulary.intern(key, length)
    }

    mutating func resolvePunctuation(_ bytes: UnsafePointer<UInt8>, _ length: Int) -> Int32 {
        vocabulary.intern(bytes, length)
    }
}

/// A pool of scratches, so that callers without their own (one per thread) reuse them.
final class ScratchPool: Sendable {
    /// Idle scratches.
    private let idle = Mutex<[MatchScratch]>([])

    /// Runs `body` with a scratch no other thread is using.
    func withScratch<Result>(_ body: (MatchScratch) throws -> Result) rethrows -> Result {
        let scratch = idle.withLock { $0.popLast() } ?? MatchScratch()
        defer { idle.withLock { $0.append(scratch) } }
        return try body(scratch)
    }
}
