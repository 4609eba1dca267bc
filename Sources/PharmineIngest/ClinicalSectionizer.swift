/// Finds the capitalised section headers of clinical notes ("HISTORY OF PRESENT ILLNESS:",
/// "MEDICATIONS:", "ASSESSMENT AND PLAN:"), as medspaCy's sectionizer does, and splits a text at them.
///
/// A header is recognised at a colon when the words before it, back to a *boundary*, are either
/// - one of medspaCy's section literals (``medspacyRules``, compared case-insensitively with
///   runs of spaces collapsed and the colon ignored: "Past Medical History:", "PMH:"), or
/// - an all-capitals run of at most 8 words and 64 bytes with at least 3 capital letters (letters
///   `A`–`Z`, digits, spaces and `/ & - , ( ) ' #` allowed; no lower-case letter): "ADMITTING DIAGNOSIS:".
///
/// A boundary is the start of a line, the end of a sentence (`.`, `!`, `?`, as in
/// "left foot.DISCHARGE DIAGNOSIS:", where notes run headers together without a space), or a line
/// prefix of list numbering or bullets ("2. PLAN:", "- ALLERGIES:"); a colon after a colon is not
/// a header ("VITAL SIGNS: BP: 120/80" has one header). The longest candidate wins. When no
/// candidate lies on a boundary, an all-capitals medspaCy literal preceded by a space is still taken
/// ("ALLERGIES: NKDA SOCIAL HISTORY:" has the headers "ALLERGIES" and "SOCIAL HISTORY").
///
/// Transcribed notes also glue headers to what comes before without any space. An all-capitals
/// candidate (at least 3 capitals, its first word at least two capitals) is a header too when it
/// is *glued* to
/// - a colon: "PHYSICAL EXAMINATION:VITAL SIGNS:" has two headers, while "VITAL SIGNS: BP:" still
///   has one;
/// - a word of at least three lower-case letters: "otitis mediaANESTHESIA: General" has the header
///   "ANESTHESIA" ("5 fL RDW:" and "mg/dL CHEM:" have none).
/// A glued candidate that is not a medspaCy literal gives way to a shorter medspaCy literal after a
/// space inside it ("ALLERGIES:NKDA SOCIAL HISTORY:" gives "SOCIAL HISTORY").
/// A line that holds nothing but a medspaCy literal, with or without its colon ("Allergies"), is a
/// header too.
///
/// Each header is labelled with its medspaCy category when it is a medspaCy literal
/// (`history_of_present_illness`, `medications`, `allergy`, `observation_and_plan`…; where two
/// rules share a literal the first rule in medspaCy's file wins), else with the header text in
/// lower case, runs of other characters turned into `_` ("ADMITTING DIAGNOSIS" →
/// `admitting_diagnosis`).
package enum ClinicalSectionizer {
    /// A section header found in a text.
    package struct Header: Sendable, Hashable {
        /// The byte offset of the header's first character.
        package var start: Int
        /// The byte offset where the section body starts (after the colon, or the end of the line).
        package var bodyStart: Int
        /// The header as written, without its colon.
        package var text: String
        /// The passage label: the medspaCy category or the header text in snake case.
        package var label: String
    }

    /// A section of a text: its header (none for text before the first header) and its body.
    package struct Section: Sendable, Hashable {
        /// The label: the header's label, or `text` for text before the first header.
        package var label: String
        /// The header, nil for text before the first header.
        package var header: Header?
        /// The body's byte range, trimmed of surrounding white space; never empty.
        package var body: Range<Int>
        /// Headers with an empty body just before this section's header, outermost first:
        /// "PHYSICAL EXAMINATION" for "PHYSICAL EXAMINATION:VITAL SIGNS: stable".
        package var parents: [Header] = []
    }

    /// The most words an all-capitals header may have.
    static let maximumWords = 8
    /// The most bytes a header may span.
    static let maximumLength = 64
    /// The fewest capital letters an all-capitals header that is not a medspaCy literal needs.
    static let minimumCapitals = 3

    /// medspaCy categories by normalised literal (upper case, single spaces, no colon); first rule wins.
    static let categories: [String: String] = {
        var table: [String: String] = [:]
        for rule in medspacyRules {
            let key = normalisedKey(Array(rule.literal.utf8)[...])
            if table[key] == nil { table[key] = rule.category }
        }
        return table
    }()

    /// Splits a text into sections.
    ///
    /// - Parameter text: UTF-8 text whose lines end with `\n`.
    /// - Returns: The non-empty sections in order; a text without headers gives one `text` section
    ///   (none if the text is blank). A header with an empty body gives no section; it becomes a
    ///   parent of the next section (see ``Section/parents``).
    package static func sections(in text: [UInt8]) -> [Section] {
        let found = headers(in: text)
        var sections: [Section] = []
        var parents: [Header] = []
        func add(_ label: String, _ header: Header?, _ range: Range<Int>) {
            var lower = range.lowerBound
            var upper = range.upperBound
            while lower < upper, TextSupport.isSpace(text[lower]) { lower += 1 }
            while upper > lower, TextSupport.isSpace(text[upper - 1]) { upper -= 1 }
            if lower < upper {
                sections.append(
                    Section(label: label, header: header, body: lower..<upper, parents: parents)
                )
                parents = []
            } else if let header {
                parents.append(header)
            }
        }
        add("text", nil, 0..<(found.first?.start ?? text.count))
        for (index, header) in found.enumerated() {
            let end = index + 1 < found.count ? found[index + 1].start : text.count
            add(header.label, header, header.bodyStart..<end)
        }
        return sections
    }

    /// Finds the section headers of a text.
    ///
    /// - Parameter text: UTF-8 text whose lines end with `\n`.
    /// - Returns: The headers in text order; they do not overlap.
    package static func headers(in text: [UInt8]) -> [Header] {
        var headers: [Header] = []
        var lineStart = 0
        while lineStart < text.count {
            let lineEnd = text[lineStart...].firstIndex(of: 0x0A) ?? text.count
            scanLine(text, lineStart..<lineEnd, into: &headers)
            lineStart = lineEnd + 1
        }
        return headers
    }

    private static func scanLine(_ text: [UInt8], _ line: Range<Int>, into headers: inout [Header]) {
        guard !line.isEmpty else { return }
        let colon = UInt8(ascii: ":")
        // A line holding only a medspaCy literal.
        var lower = line.lowerBound
        var upper = line.upperBound
        while lower < upper, TextSupport.isSpace(text[lower]) { lower += 1 }
        while upper > lower, TextSupport.isSpace(text[upper - 1]) { upper -= 1 }
        if lower < upper {
            var wordsEnd = upper
            if text[wordsEnd - 1] == colon { wordsEnd -= 1 }
            if !text[lower..<wordsEnd].contains(colon), wordsEnd - lower <= maximumLength,
                let category = categories[normalisedKey(text[lower..<wordsEnd])]
            {
                headers.append(
                    Header(
                        start: lower,
                        bodyStart: line.upperBound,
                        text: trimmedString(text[lower..<wordsEnd]),
                        label: category
                    )
                )
                return
            }
        }
        var floor = line.lowerBound
        for index in line where text[index] == colon {
            if let header = header(text, colon: index, floor: floor, lineStart: line.lowerBound) {
                headers.append(header)
            }
            floor = index + 1
        }
    }

    private static func header(_ text: [UInt8], colon: Int, floor: Int, lineStart: Int) -> Header? {
        var wordsEnd = colon
        while wordsEnd > floor, text[wordsEnd - 1] == 0x20 || text[wordsEnd - 1] == 0x09 {
            wordsEnd -= 1
        }
        guard wordsEnd > floor else { return nil }
        // Candidate starts: word starts, nearest first.
        var starts: [Int] = []
        var cursor = wordsEnd - 1
        while cursor >= floor, wordsEnd - cursor <= maximumLength, starts.count < maximumWords {
            if isASCIILetter(text[cursor]),
                cursor == lineStart || !isWordByte(text[cursor - 1])
                    || isGluedToWord(text, at: cursor, floor: floor)
            {
                starts.append(cursor)
            }
            cursor -= 1
        }
        for start in starts.reversed() {
            let words = text[start..<wordsEnd]
            let category = categories[normalisedKey(words)]
            let capitals = capitalLetters(words)
            let bounded = isBoundary(text, before: start, lineStart: lineStart)
            let glued =
                start > lineStart
                && (text[start - 1] == UInt8(ascii: ":") || isGluedToWord(text, at: start, floor: floor))
            let accepted: Bool
            if bounded {
                accepted = category != nil || (capitals ?? 0) >= minimumCapitals
            } else if glued, let capitals, start + 1 < wordsEnd, isCapital(text[start]),
                isCapital(text[start + 1]),
                category != nil || capitals >= minimumCapitals
            {
                accepted =
                    category != nil
                    || !hasLiteralAfterSpace(text, starts: starts, after: start, end: wordsEnd)
            } else {
                accepted =
                    category != nil && capitals != nil && start > lineStart
                    && (text[start - 1] == 0x20 || text[start - 1] == 0x09)
            }
            if accepted {
                let written = trimmedString(words)
                return Header(
                    start: start,
                    bodyStart: colon + 1,
                    text: written,
                    label: category ?? slug(written)
                )
            }
        }
        return nil
    }

    /// Whether a capital letter follows a run of at least three lower-case letters, all after `floor`:
    /// a header glued to the word before it ("mediaANESTHESIA").
    private static func isGluedToWord(_ text: [UInt8], at index: Int, floor: Int) -> Bool {
        guard index - 3 >= floor, isCapital(text[index]) else { return false }
        return text[(index - 3)..<index].allSatisfy { $0 >= 0x61 && $0 <= 0x7A }
    }

    /// Whether a candidate start after `start` is a medspaCy literal with a space before it.
    private static func hasLiteralAfterSpace(
        _ text: [UInt8],
        starts: [Int],
        after start: Int,
        end: Int
    ) -> Bool {
        starts.contains { other in
            other > start && (text[other - 1] == 0x20 || text[other - 1] == 0x09)
                && categories[normalisedKey(text[other..<end])] != nil
        }
    }

    private static func isCapital(_ byte: UInt8) -> Bool {
        byte >= 0x41 && byte <= 0x5A
    }

    /// Whether a header may start at `start`: line start, sentence end, or list numbering before it.
    private static func isBoundary(_ text: [UInt8], before start: Int, lineStart: Int) -> Bool {
        var cursor = start - 1
        while cursor >= lineStart, text[cursor] == 0x20 || text[cursor] == 0x09 { cursor -= 1 }
        if cursor < lineStart { return true }
        switch text[cursor] {
        case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"): return true
        default: break
        }
        return text[lineStart...cursor].allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || byte == 0x20 || byte == 0x09
                || "().-*#".utf8.contains(byte)
        }
    }

    /// The number of capital letters if the bytes are an all-capitals header, else nil.
    private static func capitalLetters(_ bytes: ArraySlice<UInt8>) -> Int? {
        var capitals = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): capitals += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"), 0x20, 0x09: break
            case UInt8(ascii: "/"), UInt8(ascii: "&"), UInt8(ascii: "-"), UInt8(ascii: ","),
                UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "'"), UInt8(ascii: "#"):
                break
            default: return nil
            }
        }
        return capitals
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    /// Letters, digits and any non-ASCII byte (letters of other scripts) continue a word.
    private static func isWordByte(_ byte: UInt8) -> Bool {
        isASCIILetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte >= 0x80
    }

    /// Upper case, runs of white space collapsed to one space, trailing colon and spaces removed.
    static func normalisedKey(_ bytes: ArraySlice<UInt8>) -> String {
        var key: [UInt8] = []
        key.reserveCapacity(bytes.count)
        var pendingSpace = false
        for byte in bytes {
            if byte == 0x20 || byte == 0x09 {
                pendingSpace = !key.isEmpty
                continue
            }
            if pendingSpace {
                key.append(0x20)
                pendingSpace = false
            }
            key.append(byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte)
        }
        while key.last == UInt8(ascii: ":") || key.last == 0x20 { key.removeLast() }
        return String(decoding: key, as: UTF8.self)
    }

    /// Lower-case letters and digits; every other run becomes one `_`.
    static func slug(_ text: String) -> String {
        var result: [UInt8] = []
        var pending = false
        for byte in text.utf8 {
            let isLetterOrDigit = isASCIILetter(byte) || (byte >= 0x30 && byte <= 0x39)
            if !isLetterOrDigit {
                pending = !result.isEmpty
                continue
            }
            if pending {
                result.append(UInt8(ascii: "_"))
                pending = false
            }
            result.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
        }
        return result.isEmpty ? "section" : String(decoding: result, as: UTF8.self)
    }

    private static func trimmedString(_ bytes: ArraySlice<UInt8>) -> String {
        var lower = bytes.startIndex
        var upper = bytes.endIndex
        while lower < upper, TextSupport.isSpace(bytes[lower]) { lower += 1 }
        while upper > lower, TextSupport.isSpace(bytes[upper - 1]) { upper -= 1 }
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }
}
