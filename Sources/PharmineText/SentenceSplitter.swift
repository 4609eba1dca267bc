/// Splits a passage into sentences, knowing the abbreviations and numbers of biomedical prose.
///
/// Works on the UTF-8 bytes of the passage and returns half-open byte ranges; leading and
/// trailing white space is never part of a sentence, and a sentence never crosses the text it
/// is given (one passage).
///
/// Where a sentence ends:
/// - at `?` or `!` (with any closing quotes or brackets after it) followed by white space,
///   unless the next word starts with a lowercase letter;
/// - at `.` followed by white space, when the next word starts with an uppercase letter, a
///   digit or a symbol, unless the word before the period is a known abbreviation ("e.g.",
///   "i.e.", "vs.", "et al.", "approx.", "Fig.", "Figs.", "Ref.", "Dr.", "ca.", "cf.", "No." before
///   a number…), a single capital initial ("J. Smith"; but "vitamin C. The" ends a sentence), or
///   a word with inner periods ("U.S.");
/// - a Greek letter after ". " starts a sentence even in lowercase ("β-Blockers were …");
/// - never at a period followed by a lowercase word ("E. coli", "S. aureus"), at a period inside
///   a number ("5.2 mg", "p < 0.05") or at an ellipsis ("...", "…");
/// - at a blank line (two line breaks), always;
/// - at a single line break only where clinical layout puts a unit on its own line: the line
///   before ends with `:` or is an all-capital header, or the next line starts with a list
///   marker ("-", "*", "•", "1.", "2)", "a)") or a label ("Medications:"). Any other single line
///   break is wrapping and counts as a space.
///
/// Closing quotes and brackets after the final punctuation, and a bracketed citation such as
/// "[12]" or "[3,4]", stay with the sentence.
///
/// ```swift
/// let spans = SentenceSplitter().split("Pain fell (p < 0.05). E. coli grew.")
/// // [0..<21, 22..<35]
/// ```
public struct SentenceSplitter: Sendable {
    /// Creates a splitter.
    public init() {}

    /// Splits a text into sentences.
    ///
    /// - Parameter text: The passage text.
    /// - Returns: The sentences' UTF-8 byte ranges, in order.
    public func split(_ text: String) -> [Range<Int>] {
        var text = text
        return text.withUTF8 { split(utf8: $0) }
    }

    /// Splits UTF-8 text into sentences.
    ///
    /// - Parameter bytes: The passage text as UTF-8.
    /// - Returns: The sentences' byte ranges, in order.
    public func split(utf8 bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var scanner = SentenceScanner(bytes: bytes)
        return scanner.run()
    }
}

// MARK: - Scanner

/// The state of one split: the bytes, the current sentence start and the results.
private struct SentenceScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var sentences: [Range<Int>] = []

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        // Abstracts average about 150 bytes a sentence.
        sentences.reserveCapacity(bytes.count / 128 + 2)
    }

    var count: Int { bytes.count }

    mutating func run() -> [Range<Int>] {
        guard let base = bytes.baseAddress else { return [] }
        var start = skipSpace(from: 0)
        var index = start
        while index < count {
            // Only terminal punctuation and line breaks can end a sentence.
            index = Self.nextCandidate(base, from: index, to: count)
            guard index < count else { break }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "."), UInt8(ascii: "?"), UInt8(ascii: "!"):
                let (splits, next) = terminal(at: index)
                if splits {
                    emit(start, next)
                    start = skipSpace(from: next)
                    index = start
                } else {
                    index = next
                }
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                var end = index
                var newlines = 0
                while end < count, let length = spaceLength(at: end) {
                    if isLineBreak(at: end) { newlines += 1 }
                    end += length
                }
                if end < count, newlines >= 2 || lineBreakSplits(lineEnd: index, next: end) {
                    emit(start, index)
                    start = end
                }
                index = end
            default:
                index += 1
            }
        }
        emit(start, count)
        return sentences
    }

    /// The first offset in `start..<end` holding `.`, `?`, `!`, `\n` or `\r`, or `end`.
    @inline(__always)
    static func nextCandidate(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        var index = start
        let period = SIMD16<UInt8>(repeating: UInt8(ascii: "."))
        let question = SIMD16<UInt8>(repeating: UInt8(ascii: "?"))
        let exclamation = SIMD16<UInt8>(repeating: UInt8(ascii: "!"))
        let newline = SIMD16<UInt8>(repeating: UInt8(ascii: "\n"))
        let carriageReturn = SIMD16<UInt8>(repeating: UInt8(ascii: "\r"))
        while index + 16 <= end {
            let block = UnsafeRawPointer(base + index).loadUnaligned(as: SIMD16<UInt8>.self)
            let hits =
                (block .== period) .| (block .== question) .| (block .== exclamation)
                .| (block .== newline) .| (block .== carriageReturn)
            if any(hits) { return index + ByteScan.firstLane(hits) }
            index += 16
        }
        while index < end {
            switch base[index] {
            case UInt8(ascii: "."), UInt8(ascii: "?"), UInt8(ascii: "!"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                return index
            default:
                index += 1
            }
        }
        return end
    }

    /// Appends the trimmed span, if it is not empty.
    mutating func emit(_ start: Int, _ end: Int) {
        var end = end
        while end > start, let length = trailingSpaceLength(before: end) {
            end -= length
        }
        if end > start {
            sentences.append(start..<end)
        }
    }

    // MARK: Terminal punctuation

    /// Looks at terminal punctuation starting at `index`.
    ///
    /// - Returns: Whether a sentence ends there, and the offset after the punctuation (with
    ///   its closers) where scanning goes on.
    func terminal(at index: Int) -> (Bool, Int) {
        var runEnd = index
        var periods = 0
        var others = 0
        while runEnd < count {
            let byte = bytes[runEnd]
            if byte == UInt8(ascii: ".") {
                periods += 1
            } else if byte == UInt8(ascii: "?") || byte == UInt8(ascii: "!") {
                others += 1
            } else {
                break
            }
            runEnd += 1
        }
        var end = runEnd
        while end < count, let length = closerLength(at: end) {
            end += length
        }
        end = skipCitation(from: end)
        guard end == count || spaceLength(at: end) != nil else {
            // "5.2", "e.g.,", "U.S.A": not followed by white space.
            return (false, runEnd)
        }
        if others == 0 && periods >= 2 {
            return (false, end)  // an ellipsis
        }
        let next = skipSpace(from: end)
        if next == count {
            return (true, end)
        }
        if newlineCount(from: end, to: next) >= 2 {
            return (true, end)
        }
        let word = skipOpeners(from: next)
        let nextIsLowercase = word < count && isLowercase(at: word)
        if others > 0 {
            return (!nextIsLowercase, end)
        }
        if nextIsLowercase {
            return (false, end)
        }
        let nextIsDigit = word < count && isDigit(bytes[word])
        return (!periodIsAbbreviation(at: index, beforeDigit: nextIsDigit), end)
    }

    /// Whether the period at `period` closes an abbreviation or an initial rather than a sentence.
    func periodIsAbbreviation(at period: Int, beforeDigit: Bool) -> Bool {
        var wordStart = period
        var hasPeriod = false
        // A word longer than 8 bytes is no abbreviation: stop looking after 9.
        while wordStart > 0, period - wordStart <= 8 {
            let byte = bytes[wordStart - 1]
            guard isASCIIAlphanumeric(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") else { break }
            if byte == UInt8(ascii: ".") { hasPeriod = true }
            wordStart -= 1
        }
        let length = period - wordStart
        guard length > 0, length <= 8 else { return false }
        let word = endingKey(wordStart, period)
        if SentenceAbbreviations.always.contains(word) {
            if word == SentenceAbbreviations.al {
                return previousWord(before: wordStart) == SentenceAbbreviations.et
            }
            return true
        }
        if beforeDigit && SentenceAbbreviations.beforeNumber.contains(word) {
            return true
        }
        if length == 1 && isUppercaseASCII(bytes[wordStart]) {
            // A capital initial ("J. Smith"), unless a designation ("vitamin C", "hepatitis B").
            let previous = previousWord(before: wordStart)
            return !SentenceAbbreviations.designations.contains(previous)
        }
        // Inner periods with short segments: "U.S.", "i.v.", "b.i.d.".
        guard hasPeriod else { return false }
        var segment = 0
        var hasInnerPeriod = false
        for offset in wordStart..<period {
            if bytes[offset] == UInt8(ascii: ".") {
                hasInnerPeriod = true
                segment = 0
            } else {
                segment += 1
                if segment > 3 || !isASCIILetter(bytes[offset]) { return false }
            }
        }
        return hasInnerPeriod
    }

    /// The lowercased ASCII word that ends before `end` (after one run of spaces), or the empty
    /// key.
    func previousWord(before end: Int) -> ShortWord {
        var wordEnd = end
        while wordEnd > 0, bytes[wordEnd - 1] == UInt8(ascii: " ") {
            wordEnd -= 1
        }
        var wordStart = wordEnd
        while wordStart > 0, isASCIILetter(bytes[wordStart - 1]) {
            wordStart -= 1
        }
        guard wordEnd - wordStart <= 15 else { return ShortWord() }
        return lowercasedKey(wordStart, wordEnd)
    }

    /// The lowercased key of a word of at most 8 ASCII bytes, aligned to its end (see
    /// ``ShortWord/init(ending:)``): one load when 8 bytes precede `end`.
    @inline(__always)
    func endingKey(_ start: Int, _ end: Int) -> ShortWord {
        let length = end - start
        var packed: UInt64 = 0
        if end >= 8, let base = bytes.baseAddress {
            packed = UnsafeRawPointer(base + end - 8).loadUnaligned(as: UInt64.self)
            if length < 8 { packed &= ~((1 << (UInt64(8 - length) &* 8)) &- 1) }
        } else {
            for offset in start..<end {
                packed |= UInt64(bytes[offset]) << (UInt64(8 - end + offset) &* 8)
            }
        }
        // Lowercase A-Z in all eight bytes at once (the word is ASCII; cleared bytes stay 0).
        let atLeastA = packed &+ 0x3F3F_3F3F_3F3F_3F3F
        let aboveZ = packed &+ 0x2525_2525_2525_2525
        var key = ShortWord()
        key.low = packed | ((atLeastA & ~aboveZ & 0x8080_8080_8080_8080) >> 2)
        return key
    }

    /// The lowercased key of a short ASCII range (at most 15 bytes).
    @inline(__always)
    func lowercasedKey(_ start: Int, _ end: Int) -> ShortWord {
        var key = ShortWord()
        for offset in start..<end {
            var byte = bytes[offset]
            if isUppercaseASCII(byte) { byte += 32 }
            key.append(byte, at: offset - start)
        }
        return key
    }

    // MARK: Line breaks

    /// Whether a single line break at `lineEnd` (the next line starting at `next`) separates
    /// units of clinical layout rather than wrapping a sentence.
    func lineBreakSplits(lineEnd: Int, next: Int) -> Bool {
        // The line before: from the previous line break to `lineEnd`, trimmed.
        var lineStart = lineEnd
        while lineStart > 0, !isLineBreak(at: lineStart - 1) {
            lineStart -= 1
        }
        var last = lineEnd
        while last > lineStart, let length = trailingSpaceLength(before: last) {
            last -= length
        }
        guard last > lineStart else { return false }
        if bytes[last - 1] == UInt8(ascii: ":") {
            return true
        }
        var letters = 0
        var lowercase = false
        for offset in lineStart..<last {
            let byte = bytes[offset]
            if isASCIILetter(byte) {
                letters += 1
                if !isUppercaseASCII(byte) { lowercase = true; break }
            } else if byte >= 0x80 {
                lowercase = true  // be conservative with non-ASCII letters
                break
            }
        }
        if letters >= 2 && !lowercase {
            return true
        }
        return startsListItem(at: next) || startsLabel(at: next)
    }

    /// Whether a line starting at `start` begins with a list marker.
    func startsListItem(at start: Int) -> Bool {
        let byte = bytes[start]
        if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "+") {
            return start + 1 < count && spaceLength(at: start + 1) != nil
        }
        // "•" U+2022, "·" U+00B7, "–" U+2013, "—" U+2014, "▪" U+25AA
        if byte == 0xE2, start + 2 < count {
            let second = bytes[start + 1]
            let third = bytes[start + 2]
            if second == 0x80 && (third == 0xA2 || third == 0x93 || third == 0x94) { return true }
            if second == 0x96 && third == 0xAA { return true }
        }
        if byte == 0xC2, start + 1 < count, bytes[start + 1] == 0xB7 {
            return true
        }
        // "1." "12)" "a)" "(a)" "(1)"
        var offset = start
        if bytes[offset] == UInt8(ascii: "(") { offset += 1 }
        let markStart = offset
        while offset < count, isDigit(bytes[offset]), offset - markStart < 3 {
            offset += 1
        }
        if offset == markStart, offset < count, isASCIILetter(bytes[offset]) {
            offset += 1
            guard offset < count, bytes[offset] == UInt8(ascii: ")") else { return false }
        }
        guard offset > markStart, offset < count else { return false }
        let close = bytes[offset]
        guard close == UInt8(ascii: ".") || close == UInt8(ascii: ")") else { return false }
        return offset + 1 < count && spaceLength(at: offset + 1) != nil
    }

    /// Whether a line starting at `start` begins with a label such as "Medications:".
    func startsLabel(at start: Int) -> Bool {
        guard isUppercaseASCII(bytes[start]) else { return false }
        var offset = start
        while offset < count, offset - start <= 40 {
            let byte = bytes[offset]
            if byte == UInt8(ascii: ":") {
                return offset + 1 == count || spaceLength(at: offset + 1) != nil
            }
            guard
                isASCIILetter(byte) || byte == UInt8(ascii: " ") || byte == UInt8(ascii: "/")
                    || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "-")
            else { return false }
            offset += 1
        }
        return false
    }

    // MARK: Character classes

    func isLineBreak(at offset: Int) -> Bool {
        let byte = bytes[offset]
        if byte == UInt8(ascii: "\n") { return true }
        // A lone carriage return; "\r\n" counts once, at the "\n".
        return byte == UInt8(ascii: "\r") && (offset + 1 == count || bytes[offset + 1] != UInt8(ascii: "\n"))
    }

    func newlineCount(from start: Int, to end: Int) -> Int {
        var newlines = 0
        for offset in start..<end where isLineBreak(at: offset) {
            newlines += 1
        }
        return newlines
    }

    /// The byte length of the white-space character at `offset`, or nil.
    func spaceLength(at offset: Int) -> Int? {
        let byte = bytes[offset]
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D:
            return 1
        case 0xC2:
            return offset + 1 < count && bytes[offset + 1] == 0xA0 ? 2 : nil  // no-break space
        case 0xE2:
            // U+2000…U+200A, U+202F, U+2028, U+2029
            guard offset + 2 < count, bytes[offset + 1] == 0x80 else { return nil }
            let third = bytes[offset + 2]
            return (0x80...0x8A).contains(third) || third == 0xAF || third == 0xA8 || third == 0xA9 ? 3 : nil
        case 0xE3:
            return offset + 2 < count && bytes[offset + 1] == 0x80 && bytes[offset + 2] == 0x80 ? 3 : nil
        default:
            return nil
        }
    }

    /// The byte length of the white-space character that ends at `end`, or nil.
    func trailingSpaceLength(before end: Int) -> Int? {
        if end >= 1, spaceLength(at: end - 1) == 1 { return 1 }
        if end >= 2, spaceLength(at: end - 2) == 2 { return 2 }
        if end >= 3, spaceLength(at: end - 3) == 3 { return 3 }
        return nil
    }

    func skipSpace(from start: Int) -> Int {
        var offset = start
        while offset < count, let length = spaceLength(at: offset) {
            offset += length
        }
        return offset
    }

    /// The byte length of a closing quote or bracket at `offset`, or nil.
    func closerLength(at offset: Int) -> Int? {
        let byte = bytes[offset]
        switch byte {
        case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: "\""), UInt8(ascii: "'"):
            return 1
        case 0xE2:
            // ” U+201D, ’ U+2019, › U+203A
            guard offset + 2 < count else { return nil }
            let (second, third) = (bytes[offset + 1], bytes[offset + 2])
            return second == 0x80 && (third == 0x9D || third == 0x99 || third == 0xBA) ? 3 : nil
        case 0xC2:
            return offset + 1 < count && bytes[offset + 1] == 0xBB ? 2 : nil  // »
        default:
            return nil
        }
    }

    /// Skips opening quotes and brackets.
    func skipOpeners(from start: Int) -> Int {
        var offset = start
        while offset < count {
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: "\""), UInt8(ascii: "'"):
                offset += 1
            case 0xE2
            where offset + 2 < count && bytes[offset + 1] == 0x80
                && (bytes[offset + 2] == 0x9C || bytes[offset + 2] == 0x98):
                offset += 3  // “ ‘
            case 0xC2 where offset + 1 < count && bytes[offset + 1] == 0xAB:
                offset += 2  // «
            default:
                return offset
            }
        }
        return offset
    }

    /// Skips a bracketed numeric citation ("[12]", "[3,4]", "[5-7]") right after the punctuation.
    func skipCitation(from start: Int) -> Int {
        guard start < count, bytes[start] == UInt8(ascii: "[") else { return start }
        var offset = start + 1
        var digits = 0
        while offset < count, offset - start <= 24 {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "]") {
                return digits > 0 ? offset + 1 : start
            }
            if isDigit(byte) {
                digits += 1
            } else if !(byte == UInt8(ascii: ",") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: " ")
                || byte == 0xE2 || byte == 0x80 || byte == 0x93)
            {
                return start
            }
            offset += 1
        }
        return start
    }

    /// Whether the character at `offset` is a lowercase letter that continues a sentence.
    ///
    /// Greek letters do not count: "β-Blockers …" and "α2-agonists …" start sentences.
    func isLowercase(at offset: Int) -> Bool {
        let byte = bytes[offset]
        if byte < 0x80 {
            return byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
        }
        guard let scalar = decodeScalar(at: offset) else { return false }
        if (0x370...0x3FF).contains(scalar.value) { return false }
        return scalar.properties.isLowercase
    }

    /// Decodes the scalar that starts at `offset`.
    func decodeScalar(at offset: Int) -> Unicode.Scalar? {
        let lead = bytes[offset]
        let length: Int
        var value: UInt32
        switch lead {
        case 0xC0..<0xE0: length = 2; value = UInt32(lead & 0x1F)
        case 0xE0..<0xF0: length = 3; value = UInt32(lead & 0x0F)
        case 0xF0..<0xF8: length = 4; value = UInt32(lead & 0x07)
        default: return nil
        }
        guard offset + length <= count else { return nil }
        for next in (offset + 1)..<(offset + length) {
            value = value << 6 | UInt32(bytes[next] & 0x3F)
        }
        return Unicode.Scalar(value)
    }
}

@inline(__always) private func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
}

@inline(__always) private func isUppercaseASCII(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
}

@inline(__always) private func isASCIILetter(_ byte: UInt8) -> Bool {
    let lower = byte | 0x20
    return lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")
}

@inline(__always) private func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
    isASCIILetter(byte) || isDigit(byte)
}

/// A lowercased ASCII word of at most 16 bytes, packed into two integers.
struct ShortWord: Hashable {
    var low: UInt64 = 0
    var high: UInt64 = 0

    init() {}

    /// The key of a word (at most 16 ASCII bytes).
    init(_ word: String) {
        for (index, byte) in word.utf8.enumerated() where index < 16 {
            append(byte, at: index)
        }
    }

    /// The key of a word of at most 8 ASCII bytes, aligned to its end: its last byte is the
    /// highest of ``low``. (Used for the words before a period, read with one load.)
    init(ending word: String) {
        let bytes = Array(word.utf8.prefix(8))
        for (index, byte) in bytes.enumerated() {
            low |= UInt64(byte) << (UInt64(8 - bytes.count + index) &* 8)
        }
    }

    @inline(__always)
    mutating func append(_ byte: UInt8, at index: Int) {
        if index < 8 {
            low |= UInt64(byte) << (UInt64(index) &* 8)
        } else if index < 16 {
            high |= UInt64(byte) << (UInt64(index &- 8) &* 8)
        }
    }
}

/// A small set of non-empty ``ShortWord``s: an open-addressing table probed linearly, where
/// the empty word marks a free slot.
struct ShortWordSet {
    private let slots: [ShortWord]
    private let shift: UInt64

    init(_ words: [String], ending: Bool = false) {
        var size = 16
        var bits: UInt64 = 4
        while size < words.count * 4 {
            size <<= 1
            bits += 1
        }
        var slots = [ShortWord](repeating: ShortWord(), count: size)
        let shift = 64 - bits
        for word in words.map({ ending ? ShortWord(ending: $0) : ShortWord($0) }) where word != ShortWord() {
            var slot = Self.slot(word, shift)
            while slots[slot] != ShortWord() && slots[slot] != word {
                slot = (slot + 1) & (size - 1)
            }
            slots[slot] = word
        }
        self.slots = slots
        self.shift = shift
    }

    @inline(__always)
    private static func slot(_ word: ShortWord, _ shift: UInt64) -> Int {
        Int(truncatingIfNeeded: ((word.low ^ (word.high &* 0xC2B2_AE3D_27D4_EB4F)) &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    @inline(__always)
    func contains(_ word: ShortWord) -> Bool {
        slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var slot = Self.slot(word, shift)
            while true {
                let stored = slots[slot]
                if stored == word { return stored != ShortWord() }
                if stored == ShortWord() { return false }
                slot = (slot + 1) & mask
            }
        }
    }
}

/// Word lists of the splitter (lowercased, without the final period).
private enum SentenceAbbreviations {
    static let al = ShortWord(ending: "al")
    static let et = ShortWord("et")

    /// Abbreviations after which a sentence never ends.
    static let always = ShortWordSet(
        [
            "e.g", "eg", "i.e", "ie", "vs", "viz", "al", "approx", "ca", "cf", "fig", "figs", "ref", "refs",
            "dr", "drs", "mr", "mrs", "ms", "prof", "st", "jr", "sr", "sp", "spp", "ssp", "subsp", "var",
            "resp", "incl", "suppl", "dept", "univ", "inc", "esp",
        ],
        ending: true
    )
    /// Abbreviations after which a sentence does not end when a number follows ("No. 3").
    static let beforeNumber = ShortWordSet(
        [
            "no", "nos", "vol", "vols", "p", "pp", "eq", "eqs", "tab", "chap", "ch", "sect", "art", "n",
        ],
        ending: true
    )
    /// Words that take a letter as a name ("vitamin C", "hepatitis B", "type A"): after them a
    /// capital letter with a period is not an initial.
    static let designations = ShortWordSet([
        "vitamin", "vitamins", "hepatitis", "type", "types", "group", "groups", "class", "phase", "grade",
        "stage", "factor", "schedule", "arm", "cohort", "panel", "part", "site", "form", "isoform", "complex",
        "domain", "region", "subunit", "chain", "protein", "antigen", "appendix", "table", "figure", "model",
        "category", "level", "step", "trial", "study", "series", "section", "lane", "point", "score", "plan",
        "pattern", "exon", "ring", "influenza", "strain", "serotype", "subtype", "toxin", "coenzyme", "list",
        "zone", "cluster", "genotype", "isotype", "lipoprotein", "fraction", "variant", "allele", "clade",
    ])
}
