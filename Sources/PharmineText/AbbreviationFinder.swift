public import PharmineCore

/// Finds abbreviation definitions, "long form (SF)" and "SF (long form)", in a passage.
///
/// An implementation of the algorithm of Schwartz and Hearst ("A simple algorithm for
/// identifying abbreviation definitions in biomedical text", PSB 2003), written from the paper:
/// - Candidates are parenthesised expressions inside one sentence. If the parentheses hold a `,`,
///   `;` or `: `, only the text before it counts ("(PHN; 12 patients)", "(DEN: 10 mg/kg)").
/// - Normally the parentheses hold the short form and the words before them the long form. If
///   they hold more than two words (or more than ten characters), the word just before them is
///   taken as the short form instead, and it must contain a capital letter: "PHN (post-herpetic
///   neuralgia)".
/// - A short form has 2–10 characters (or is one capital letter after a one-word long form,
///   "testosterone (T)"), at least one letter, starts with a letter or digit and
///   has at most two words. Reference and statistics notation ("Fig. 2", "p < 0.05", "n = 12")
///   is rejected.
/// - The long form is the shortest run of words before the parenthesis in which every letter and
///   digit of the short form appears in order, matched from the right, the short form's first
///   character at the start of a word. It may have at most `min(|SF| + 5, 2·|SF|)` words
///   (|SF| counts the short form's letters and digits), must be longer than the short form, and
///   must not contain it as a word.
///
/// ```swift
/// let text = "Amitriptyline relieves post-herpetic neuralgia (PHN)."
/// let found = AbbreviationFinder().find(in: text, sentences: [0..<text.utf8.count], passage: 0)
/// // found[0].short == "PHN", found[0].long == "post-herpetic neuralgia"
/// ```
public struct AbbreviationFinder: Sendable {
    /// Creates a finder.
    public init() {}

    /// Finds the definitions in every passage of a document, using its sentences.
    ///
    /// - Parameter document: A document whose ``Document/sentences`` are set.
    /// - Returns: The definitions, in document order.
    public func find(in document: Document) -> [Abbreviation] {
        var result: [Abbreviation] = []
        var sentenceIndex = 0
        for (passageIndex, passage) in document.passages.enumerated() {
            var ranges: [Range<Int>] = []
            while sentenceIndex < document.sentences.count, document.sentences[sentenceIndex].passage == passageIndex {
                let sentence = document.sentences[sentenceIndex]
                ranges.append(sentence.start..<sentence.end)
                sentenceIndex += 1
            }
            result.append(contentsOf: find(in: passage.text, sentences: ranges, passage: passageIndex))
        }
        return result
    }

    /// Finds the definitions in one passage.
    ///
    /// - Parameters:
    ///   - text: The passage text.
    ///   - sentences: The passage's sentences (UTF-8 byte ranges); a definition never crosses one.
    ///   - passage: The passage index written into the results.
    /// - Returns: The definitions, in text order.
    public func find(in text: String, sentences: [Range<Int>], passage: Int) -> [Abbreviation] {
        var text = text
        var result: [Abbreviation] = []
        text.withUTF8 { find(utf8: $0, sentences: sentences, passage: passage, into: &result) }
        return result
    }

    /// Finds the definitions in one passage's UTF-8 bytes and appends them to `result`.
    ///
    /// - Parameters:
    ///   - bytes: The passage text as UTF-8.
    ///   - sentences: The passage's sentences (byte ranges); a definition never crosses one.
    ///   - passage: The passage index written into the results.
    ///   - result: Receives the definitions, in text order.
    func find(
        utf8 bytes: UnsafeBufferPointer<UInt8>,
        sentences: [Range<Int>],
        passage: Int,
        into result: inout [Abbreviation]
    ) {
        guard let base = bytes.baseAddress else { return }
        let open = UInt8(ascii: "(")
        var passageIsASCII: Bool?
        /// Tries the parenthesis at `offset` of `sentence`.
        func candidate(_ offset: Int, _ sentence: Range<Int>) {
            guard let close = matchingParenthesis(bytes, open: offset, limit: sentence.upperBound) else { return }
            let isASCII = passageIsASCII ?? ByteScan.isASCII(base, from: 0, to: bytes.count)
            passageIsASCII = isASCII
            guard
                let found = definition(
                    bytes,
                    sentenceStart: sentence.lowerBound,
                    open: offset,
                    close: close,
                    passageIsASCII: isASCII
                )
            else { return }
            result.append(
                Abbreviation(
                    short: string(bytes, found.short),
                    long: string(bytes, found.long),
                    passage: passage,
                    shortStart: found.short.lowerBound,
                    shortEnd: found.short.upperBound,
                    longStart: found.long.lowerBound,
                    longEnd: found.long.upperBound
                )
            )
        }
        // Sentences in order without overlap (as the splitter gives them): one scan of the whole
        // passage, each parenthesis matched to its sentence. Otherwise each sentence on its own.
        var ordered = true
        var previousEnd = 0
        for sentence in sentences where sentence.upperBound <= bytes.count {
            if sentence.lowerBound < previousEnd {
                ordered = false
                break
            }
            previousEnd = sentence.upperBound
        }
        if ordered {
            var sentenceIndex = 0
            var offset = ByteScan.first(open, in: base, from: 0, to: bytes.count)
            while offset < bytes.count {
                while sentenceIndex < sentences.count
                    && (sentences[sentenceIndex].upperBound <= offset
                        || sentences[sentenceIndex].upperBound > bytes.count)
                {
                    sentenceIndex += 1
                }
                guard sentenceIndex < sentences.count else { break }
                let sentence = sentences[sentenceIndex]
                if offset >= sentence.lowerBound {
                    candidate(offset, sentence)
                    offset = ByteScan.first(open, in: base, from: offset + 1, to: bytes.count)
                } else {
                    offset = ByteScan.first(open, in: base, from: sentence.lowerBound, to: bytes.count)
                }
            }
        } else {
            for sentence in sentences where sentence.upperBound <= bytes.count {
                var offset = ByteScan.first(open, in: base, from: sentence.lowerBound, to: sentence.upperBound)
                while offset < sentence.upperBound {
                    candidate(offset, sentence)
                    offset = ByteScan.first(open, in: base, from: offset + 1, to: sentence.upperBound)
                }
            }
        }
    }

    // MARK: - Candidates

    /// The definition around the parentheses at `open`…`close`, if there is one.
    private func definition(
        _ bytes: UnsafeBufferPointer<UInt8>,
        sentenceStart: Int,
        open: Int,
        close: Int,
        passageIsASCII: Bool
    ) -> (short: Range<Int>, long: Range<Int>)? {
        // The content, cut at the first "," or ";" (or ": ") outside nested brackets, trimmed.
        var contentEnd = close
        var depth = 0
        for offset in (open + 1)..<close {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") { depth += 1 }
            if byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]") { depth -= 1 }
            // A colon followed by a space ends the short form too: "(DEN: 10 mg/kg)".
            let isColon =
                byte == UInt8(ascii: ":") && offset + 1 < close && isSpaceByte(bytes[offset + 1])
            if depth == 0 && (byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";") || isColon) {
                contentEnd = offset
                break
            }
        }
        let content = trim(bytes, (open + 1)..<contentEnd)
        guard !content.isEmpty else { return nil }

        let prefix = trim(bytes, sentenceStart..<open)
        guard !prefix.isEmpty else { return nil }

        // On ASCII text, scalars are bytes: the search reads them in place.
        if passageIsASCII, let base = bytes.baseAddress {
            return candidate(bytes, content: content, prefix: prefix, inPlace: true) {
                ASCIIScalars(base: base, range: $0)
            }
        }
        return candidate(bytes, content: content, prefix: prefix, inPlace: false) {
            DecodedScalars(scalars(bytes, $0))
        }
    }

    /// Whether `start` lies in ``longFormWindow(_:_:)`` of the prefix, counting words only from
    /// the end down to `start`.
    private func isInLongFormWindow(_ bytes: UnsafeBufferPointer<UInt8>, _ prefix: Range<Int>, _ start: Int) -> Bool {
        var words = 0
        var cut = prefix.upperBound
        while cut > prefix.lowerBound && cut > start {
            if isSpaceByte(bytes[cut - 1]) && !isSpaceByte(bytes[cut]) {
                words += 1
                if words == Self.maximumLongFormWords + 1 { return false }
            }
            cut -= 1
        }
        return true
    }

    /// The end of a (trimmed) prefix that can hold a long form: the long form has at most 15
    /// words (min(|SF| + 5, 2·|SF|) with |SF| ≤ 10), so only the last 16 words count.
    private func longFormWindow(_ bytes: UnsafeBufferPointer<UInt8>, _ prefix: Range<Int>) -> Range<Int> {
        var words = 0
        var cut = prefix.upperBound
        while cut > prefix.lowerBound {
            if isSpaceByte(bytes[cut - 1]) && !isSpaceByte(bytes[cut]) {
                words += 1
                if words == Self.maximumLongFormWords + 1 { break }
            }
            cut -= 1
        }
        return cut..<prefix.upperBound
    }

    /// The two readings of a candidate, on scalars of the text made by `view`.
    @inline(__always)
    private func candidate<View: ScalarView>(
        _ bytes: UnsafeBufferPointer<UInt8>,
        content: Range<Int>,
        prefix: Range<Int>,
        inPlace: Bool,
        view: (Range<Int>) -> View
    ) -> (short: Range<Int>, long: Range<Int>)? {
        let contentScalars = view(content)
        if contentScalars.count > 10 || wordCount(contentScalars) > 2 {
            // "SF (long form)": the short form is the word before the parenthesis (it lies
            // inside the long-form window, which starts at a word).
            var wordStart = prefix.upperBound
            while wordStart > prefix.lowerBound, !isSpaceByte(bytes[wordStart - 1]) {
                wordStart -= 1
            }
            let short = wordStart..<prefix.upperBound
            let shortScalars = view(short)
            guard hasUppercase(shortScalars),
                isValidShortForm(shortScalars),
                let long = bestLongForm(short: shortScalars, long: contentScalars),
                isAcceptable(short: shortScalars, long: contentScalars, from: long)
            else { return nil }
            return (short, contentScalars.offset(long)..<content.upperBound)
        }

        guard isValidShortForm(contentScalars) || isSingleCapital(contentScalars) else { return nil }
        if inPlace {
            // Text read in place costs nothing to view whole: search the whole prefix, then
            // check that the long form starts inside the window. The search runs backwards
            // from the parenthesis and the window starts at a word, so it finds in the window
            // exactly what it finds in the whole prefix from the window's start on.
            let prefixScalars = view(prefix)
            guard let long = bestLongForm(short: contentScalars, long: prefixScalars),
                isInLongFormWindow(bytes, prefix, prefixScalars.offset(long)),
                isAcceptable(short: contentScalars, long: prefixScalars, from: long)
            else { return nil }
            return (content, prefixScalars.offset(long)..<prefix.upperBound)
        }
        let window = longFormWindow(bytes, prefix)
        let prefixScalars = view(window)
        guard let long = bestLongForm(short: contentScalars, long: prefixScalars),
            isAcceptable(short: contentScalars, long: prefixScalars, from: long)
        else { return nil }
        return (content, prefixScalars.offset(long)..<window.upperBound)
    }

    /// The closing parenthesis that matches the one at `open`, before `limit`.
    private func matchingParenthesis(_ bytes: UnsafeBufferPointer<UInt8>, open: Int, limit: Int) -> Int? {
        var depth = 0
        var offset = open
        while offset < limit {
            switch bytes[offset] {
            case UInt8(ascii: "("):
                depth += 1
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 { return offset }
            default:
                break
            }
            offset += 1
        }
        return nil
    }

    // MARK: - The algorithm

    /// Whether a candidate short form qualifies: 2–10 characters, a letter, a letter or digit
    /// first, at most two words, and not reference or statistics notation.
    private func isValidShortForm<View: ScalarView>(_ short: View) -> Bool {
        guard short.count >= 2, short.count <= 10 else { return false }
        guard isLetterOrDigit(short[0]) else { return false }
        var hasLetter = false
        for index in 0..<short.count {
            let scalar = short[index]
            if isAlphabetic(scalar) { hasLetter = true }
            switch scalar.value {
            case 0x3D, 0x3C, 0x3E, 0xB1, 0x2264, 0x2265, 0x25: return false  // = < > ± ≤ ≥ %
            default: break
            }
        }
        guard hasLetter else { return false }
        guard wordCount(short) <= 2 else { return false }
        // "Fig. 2", "Table 1", "ref 3", "see above", "e.g. X".
        var firstWord = ShortWord()
        var length = 0
        for index in 0..<short.count {
            let scalar = short[index]
            if scalar == " " || scalar == "." { break }
            let value = lowercase(scalar).value
            // Reference words are ASCII and at most 13 letters: anything else is not one.
            guard value != 0, value < 0x80, length < 16 else { return true }
            firstWord.append(UInt8(value), at: length)
            length += 1
        }
        return !Self.referenceWords.contains(firstWord)
    }

    /// Whether a short form is one capital ASCII letter, as in "testosterone (T)": accepted in
    /// the "long form (SF)" reading only, where the long form must then be a single word.
    private func isSingleCapital<View: ScalarView>(_ short: View) -> Bool {
        guard short.count == 1 else { return false }
        let value = short[0].value
        return value >= 0x41 && value <= 0x5A
    }

    /// The most words a long form may have: min(|SF| + 5, 2·|SF|) for |SF| ≤ 10.
    private static let maximumLongFormWords = 15

    /// Words that start reference or aside notation in parentheses.
    private static let referenceWords = ShortWordSet([
        "fig", "figs", "figure", "figures", "table", "tables", "tab", "ref", "refs", "see", "eq", "eqs",
        "suppl", "supplementary", "appendix", "e", "i", "cf", "vs", "p", "n", "r", "mean", "median", "range",
        "ie", "eg", "and", "all",
    ])

    /// Schwartz and Hearst's search: the index in `long` where the long form starts, or nil.
    private func bestLongForm<Short: ScalarView, Long: ScalarView>(short: Short, long: Long) -> Int? {
        var shortIndex = short.count - 1
        var longIndex = long.count - 1
        while shortIndex >= 0 {
            let current = lowercase(short[shortIndex])
            guard isLetterOrDigit(current) else {
                shortIndex -= 1
                continue
            }
            while longIndex >= 0
                && (lowercase(long[longIndex]) != current
                    || (shortIndex == 0 && longIndex > 0 && isLetterOrDigit(long[longIndex - 1])))
            {
                longIndex -= 1
            }
            guard longIndex >= 0 else { return nil }
            longIndex -= 1
            shortIndex -= 1
        }
        // Back to the start of the word holding the first match.
        var start = longIndex + 1
        while start > 0, !isSpace(long[start - 1]) {
            start -= 1
        }
        return start
    }

    /// The final checks on a matched pair, `short` and `long[from...]`: length, word limits, and
    /// the short form not inside.
    private func isAcceptable<Short: ScalarView, Long: ScalarView>(short: Short, long: Long, from: Int) -> Bool {
        var shortCharacters = 0
        for index in 0..<short.count where isLetterOrDigit(short[index]) {
            shortCharacters += 1
        }
        guard shortCharacters >= 1, shortCharacters <= 10 else { return false }
        guard long.count - from > short.count else { return false }
        // Words of the long form, split at white space and hyphens.
        var words = 0
        var inWord = false
        for index in from..<long.count {
            let scalar = long[index]
            if isSpace(scalar) || scalar == "-" {
                inWord = false
            } else if !inWord {
                inWord = true
                words += 1
            }
        }
        guard words <= min(shortCharacters + 5, shortCharacters * 2) else { return false }
        // The short form must not be one of the long form's words.
        var wordStart = from
        for index in from...long.count {
            if index == long.count || isSpace(long[index]) {
                if index - wordStart == short.count {
                    var same = true
                    for offset in 0..<short.count where long[wordStart + offset] != short[offset] {
                        same = false
                        break
                    }
                    if same { return false }
                }
                wordStart = index + 1
            }
        }
        return true
    }

    // MARK: - Helpers

    /// A scalar with its UTF-8 offset in the passage.
    private struct PositionedScalar {
        var scalar: Unicode.Scalar
        var offset: Int
    }

    /// Scalars of a stretch of text, by index, with their UTF-8 offsets.
    private protocol ScalarView {
        var count: Int { get }
        subscript(_ index: Int) -> Unicode.Scalar { get }
        /// The UTF-8 offset of the scalar at `index` (`index < count`).
        func offset(_ index: Int) -> Int
    }

    /// ASCII text: every byte is a scalar.
    private struct ASCIIScalars: ScalarView {
        let base: UnsafePointer<UInt8>
        let start: Int
        let count: Int

        @inline(__always)
        init(base: UnsafePointer<UInt8>, range: Range<Int>) {
            self.base = base
            self.start = range.lowerBound
            self.count = range.count
        }

        @inline(__always)
        subscript(_ index: Int) -> Unicode.Scalar { Unicode.Scalar(base[start + index]) }

        @inline(__always)
        func offset(_ index: Int) -> Int { start + index }
    }

    /// Decoded scalars of any text.
    private struct DecodedScalars: ScalarView {
        let items: [PositionedScalar]

        init(_ items: [PositionedScalar]) {
            self.items = items
        }

        var count: Int { items.count }

        subscript(_ index: Int) -> Unicode.Scalar { items[index].scalar }

        func offset(_ index: Int) -> Int { items[index].offset }
    }

    private func scalars(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [PositionedScalar] {
        var result: [PositionedScalar] = []
        result.reserveCapacity(range.count)
        var offset = range.lowerBound
        var decoder = UTF8()
        var iterator = UnsafeBufferPointer(rebasing: bytes[range]).makeIterator()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                result.append(PositionedScalar(scalar: scalar, offset: offset))
                offset += UTF8.width(scalar)
            case .error:
                result.append(PositionedScalar(scalar: "\u{FFFD}", offset: offset))
                offset += 1
            case .emptyInput:
                return result
            }
        }
    }

    private func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    private func trim(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound
        var end = range.upperBound
        while start < end, isSpaceByte(bytes[start]) { start += 1 }
        while end > start, isSpaceByte(bytes[end - 1]) { end -= 1 }
        return start..<end
    }

    private func wordCount<View: ScalarView>(_ text: View) -> Int {
        var words = 0
        var inWord = false
        for index in 0..<text.count {
            if isSpace(text[index]) {
                inWord = false
            } else if !inWord {
                inWord = true
                words += 1
            }
        }
        return words
    }

    private func hasUppercase<View: ScalarView>(_ text: View) -> Bool {
        for index in 0..<text.count {
            let scalar = text[index]
            if scalar.isASCII {
                if scalar.value >= 0x41 && scalar.value <= 0x5A { return true }
            } else if scalar.properties.isUppercase {
                return true
            }
        }
        return false
    }

    @inline(__always)
    private func isSpaceByte(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    @inline(__always)
    private func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return scalar == " " || (scalar.value >= 0x09 && scalar.value <= 0x0D)
        }
        return scalar.properties.isWhitespace
    }

    @inline(__always)
    private func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value | 0x20
            return value >= 0x61 && value <= 0x7A
        }
        return scalar.properties.isAlphabetic
    }

    @inline(__always)
    private func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value | 0x20
            return (value >= 0x61 && value <= 0x7A) || (scalar.value >= 0x30 && scalar.value <= 0x39)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    @inline(__always)
    private func lowercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.isASCII {
            let value = scalar.value
            return value >= 65 && value <= 90 ? Unicode.Scalar(UInt8(value + 32)) : scalar
        }
        let mapped = scalar.properties.lowercaseMapping.unicodeScalars
        return mapped.count == 1 ? mapped.first ?? scalar : scalar
    }
}
