import PharmineCore
import PharmineText

/// Buffers that one thread reuses across ``Matcher`` calls, so the hot loop does not allocate.
///
/// A scratch is not shared between threads: give each thread (or each call) its own. Creating
/// one costs a few small allocations.
public final class MatchScratch {
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
    public init() {}

    deinit {
        unitStart.free()
        unitEnd.free()
        unitID.free()
        joinID.free()
        joinEnd.free()
        unitFlags.free()
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
                isWord = false
            } else {
                let length = stop &- start
                let capacity = Normalizer.capacity(forTokenLength: length)
                if capacity > keyCapacity {
                    scratch.key.reserve(capacity)
                    keyBase = scratch.key.base
                    keyCapacity = scratch.key.capacity
                }
                let keyLength = normalizer.normalize(UnsafeBufferPointer(start: text + start, count: length), into: keyBase)
                id = keyLength > 0 ? resolver.resolve(keyBase, keyLength) : -1
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
        var first = 0
        while first < units {
            guard scratch.unitFlags.base[first] & UnitFlags.linked != 0 else {
                first += 1
                continue
            }
            var last = first
            while last < units - 1, scratch.unitFlags.base[last] & UnitFlags.linked != 0 { last += 1 }
            var from = first
            while from < last {
                if last - from < maximumChain {
                    var length = 0
                    for unit in from...last {
                        length += Int(scratch.unitEnd.base[unit] - scratch.unitStart.base[unit])
                    }
                    scratch.joined.reserve(length)
                    var position = 0
                    for unit in from...last {
                        let start = Int(scratch.unitStart.base[unit])
                        let count = Int(scratch.unitEnd.base[unit]) - start
                        (scratch.joined.base + position).update(from: text + start, count: count)
                        position += count
                    }
                    scratch.key.reserve(Normalizer.capacity(forTokenLength: length))
                    let keyLength = normalizer.normalize(
                        UnsafeBufferPointer(start: scratch.joined.base, count: length),
                        into: scratch.key.base
                    )
                    scratch.joinID.base[from] = resolver.resolve(scratch.key.base, keyLength)
                    scratch.joinEnd.base[from] = Int32(last)
                }
                if !joinEveryUnit { break }
                from += 1
            }
            first = last + 1
        }
    }
}

/// Resolves keys by looking them up in the frozen vocabulary (matching).
struct LookupResolver: KeyResolver {
    /// The tables.
    let tables: CompiledTables

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

    mutating func resolve(_ key: UnsafePointer<UInt8>, _ length: Int) -> Int32 {
        vocabulary.intern(key, length)
    }

    mutating func resolvePunctuation(_ bytes: UnsafePointer<UInt8>, _ length: Int) -> Int32 {
        vocabulary.intern(bytes, length)
    }
}
