public import PharmineCore

/// Finds abbreviation definitions, "long form (SF)" and "SF (long form)", in a passage.
///
/// An implementation of the algorithm of Schwartz and Hearst ("A simple algorithm for
/// identifying abbreviation definitions in biomedical text", PSB 2003), written from the paper:
/// - Candidates are parenthesised expressions inside one sentence. If the parentheses hold a `,`
///   or `;`, only the text before it counts ("(PHN; 12 patients)").
/// - Normally the parentheses hold the short form and the words before them the long form. If
///   they hold more than two words (or more than ten characters), the word just before them is
///   taken as the short form instead, and it must contain a capital letter: "PHN (post-herpetic
///   neuralgia)".
/// - A short form has 2–10 characters, at least one letter, starts with a letter or digit and
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
        return text.withUTF8 { bytes in
            var result: [Abbreviation] = []
            for sentence in sentences where sentence.upperBound <= bytes.count {
                var offset = sentence.lowerBound
                while offset < sentence.upperBound {
                    if bytes[offset] == UInt8(ascii: "("),
                        let close = matchingParenthesis(bytes, open: offset, limit: sentence.upperBound)
                    {
                        if let found = definition(bytes, sentenceStart: sentence.lowerBound, open: offset, close: close)
                        {
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
                    }
                    offset += 1
                }
            }
            return result
        }
    }

    // MARK: - Candidates

    /// The definition around the parentheses at `open`…`close`, if there is one.
    private func definition(
        _ bytes: UnsafeBufferPointer<UInt8>,
        sentenceStart: Int,
        open: Int,
        close: Int
    ) -> (short: Range<Int>, long: Range<Int>)? {
        // The content, cut at the first "," or ";" outside nested brackets, trimmed.
        var contentEnd = close
        var depth = 0
        for offset in (open + 1)..<close {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") { depth += 1 }
            if byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]") { depth -= 1 }
            if depth == 0 && (byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";")) {
                contentEnd = offset
                break
            }
        }
        let content = trim(bytes, (open + 1)..<contentEnd)
        guard !content.isEmpty else { return nil }

        // The long form has at most 15 words (min(|SF| + 5, 2·|SF|) with |SF| ≤ 10), so only
        // the last 16 words before the parenthesis can hold it.
        var prefix = trim(bytes, sentenceStart..<open)
        guard !prefix.isEmpty else { return nil }
        var words = 0
        var cut = prefix.upperBound
        while cut > prefix.lowerBound {
            if isSpaceByte(bytes[cut - 1]) && !isSpaceByte(bytes[cut]) {
                words += 1
                if words == Self.maximumLongFormWords + 1 { break }
            }
            cut -= 1
        }
        prefix = cut..<prefix.upperBound

        let contentScalars = scalars(bytes, content)
        if wordCount(contentScalars) > 2 || contentScalars.count > 10 {
            // "SF (long form)": the short form is the word before the parenthesis.
            var wordStart = prefix.upperBound
            while wordStart > prefix.lowerBound, !isSpaceByte(bytes[wordStart - 1]) {
                wordStart -= 1
            }
            let short = wordStart..<prefix.upperBound
            let shortScalars = scalars(bytes, short)
            guard shortScalars.contains(where: { $0.scalar.properties.isUppercase }),
                isValidShortForm(shortScalars),
                let long = bestLongForm(short: shortScalars, long: contentScalars),
                isAcceptable(short: shortScalars, long: Array(contentScalars[long...]))
            else { return nil }
            return (short, contentScalars[long].offset..<content.upperBound)
        }

        guard isValidShortForm(contentScalars) else { return nil }
        let prefixScalars = scalars(bytes, prefix)
        guard let long = bestLongForm(short: contentScalars, long: prefixScalars),
            isAcceptable(short: contentScalars, long: Array(prefixScalars[long...]))
        else { return nil }
        return (content, prefixScalars[long].offset..<prefix.upperBound)
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
    private func isValidShortForm(_ short: [PositionedScalar]) -> Bool {
        guard short.count >= 2, short.count <= 10, let first = short.first else { return false }
        guard isLetterOrDigit(first.scalar) else { return false }
        guard short.contains(where: { $0.scalar.properties.isAlphabetic }) else { return false }
        guard wordCount(short) <= 2 else { return false }
        if short.contains(where: { "=<>±≤≥%".unicodeScalars.contains($0.scalar) }) {
            return false
        }
        // "Fig. 2", "Table 1", "ref 3", "see above", "e.g. X".
        var firstWord = ""
        for item in short {
            let scalar = item.scalar
            if scalar == " " || scalar == "." { break }
            firstWord.unicodeScalars.append(lowercase(scalar))
        }
        return !Self.referenceWords.contains(firstWord)
    }

    /// The most words a long form may have: min(|SF| + 5, 2·|SF|) for |SF| ≤ 10.
    private static let maximumLongFormWords = 15

    /// Words that start reference or aside notation in parentheses.
    private static let referenceWords: Set<String> = [
        "fig", "figs", "figure", "figures", "table", "tables", "tab", "ref", "refs", "see", "eq", "eqs",
        "suppl", "supplementary", "appendix", "e", "i", "cf", "vs", "p", "n", "r", "mean", "median", "range",
        "ie", "eg", "and", "all",
    ]

    /// Schwartz and Hearst's search: the index in `long` where the long form starts, or nil.
    private func bestLongForm(short: [PositionedScalar], long: [PositionedScalar]) -> Int? {
        var shortIndex = short.count - 1
        var longIndex = long.count - 1
        while shortIndex >= 0 {
            let current = lowercase(short[shortIndex].scalar)
            guard isLetterOrDigit(current) else {
                shortIndex -= 1
                continue
            }
            while longIndex >= 0
                && (lowercase(long[longIndex].scalar) != current
                    || (shortIndex == 0 && longIndex > 0 && isLetterOrDigit(long[longIndex - 1].scalar)))
            {
                longIndex -= 1
            }
            guard longIndex >= 0 else { return nil }
            longIndex -= 1
            shortIndex -= 1
        }
        // Back to the start of the word holding the first match.
        var start = longIndex + 1
        while start > 0, !isSpace(long[start - 1].scalar) {
            start -= 1
        }
        return start
    }

    /// The final checks on a matched pair: length, word limits, and the short form not inside.
    private func isAcceptable(short: [PositionedScalar], long: [PositionedScalar]) -> Bool {
        let shortCharacters = short.filter { isLetterOrDigit($0.scalar) }.count
        guard shortCharacters >= 1, shortCharacters <= 10 else { return false }
        guard long.count > short.count else { return false }
        // Words of the long form, split at white space and hyphens.
        var words = 0
        var inWord = false
        for item in long {
            if isSpace(item.scalar) || item.scalar == "-" {
                inWord = false
            } else if !inWord {
                inWord = true
                words += 1
            }
        }
        guard words <= min(shortCharacters + 5, shortCharacters * 2) else { return false }
        // The short form must not be one of the long form's words.
        let shortWord = short.map(\.scalar)
        var wordStart = 0
        for index in 0...long.count {
            if index == long.count || isSpace(long[index].scalar) {
                if index - wordStart == shortWord.count
                    && zip(long[wordStart..<index], shortWord).allSatisfy({ $0.scalar == $1 })
                {
                    return false
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

    private func wordCount(_ text: [PositionedScalar]) -> Int {
        var words = 0
        var inWord = false
        for item in text {
            if isSpace(item.scalar) {
                inWord = false
            } else if !inWord {
                inWord = true
                words += 1
            }
        }
        return words
    }

    private func isSpaceByte(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    private func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return scalar == " " || (scalar.value >= 0x09 && scalar.value <= 0x0D)
        }
        return scalar.properties.isWhitespace
    }

    private func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value | 0x20
            return (value >= 0x61 && value <= 0x7A) || (scalar.value >= 0x30 && scalar.value <= 0x39)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    private func lowercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.isASCII {
            let value = scalar.value
            return value >= 65 && value <= 90 ? Unicode.Scalar(UInt8(value + 32)) : scalar
        }
        let mapped = scalar.properties.lowercaseMapping.unicodeScalars
        return mapped.count == 1 ? mapped.first ?? scalar : scalar
    }
}
