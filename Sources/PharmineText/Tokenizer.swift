public import PharmineCore

/// Splits UTF-8 text into word, number and punctuation tokens with UTF-8 byte offsets.
///
/// Rules:
/// - A **word** is a run of letters and digits, including non-ASCII letters and combining marks
///   ("CYP2D6", "H1", "β", "Sjögren"). Superscript and subscript digits ("H₁") join the run.
/// - A **number** is a run of digits only, with at most one decimal part ("5", "5.2"). A run that
///   mixes letters and digits is a word.
/// - Every other non-space character is a **punctuation** token of its own: hyphens, slashes,
///   apostrophes, brackets, dashes, quotes, "+", "%".
/// - White space (ASCII and Unicode, including no-break and thin spaces) separates tokens and is not
///   a token. Invisible format characters (soft hyphen, zero-width joiners) inside a word belong to
///   the word; elsewhere they are skipped.
///
/// The tokenizer is a value with no state; one instance serves every thread.
///
/// ```swift
/// let tokens = Tokenizer().tokenize("β2-agonists, 5.2 mg")
/// // β2 (word), - (punctuation), agonists (word), , (punctuation), 5.2 (number), mg (word)
/// ```
public struct Tokenizer: Sendable {
    /// Creates a tokenizer.
    public init() {}

    /// Tokenizes a string.
    ///
    /// - Parameter text: The text.
    /// - Returns: Its tokens, with UTF-8 offsets into `text`.
    public func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var text = text
        text.withUTF8 { tokenize($0, into: &tokens) }
        return tokens
    }

    /// Tokenizes UTF-8 bytes into a reusable array.
    ///
    /// The array is emptied first and keeps its capacity, so a caller that tokenizes many texts
    /// allocates only while the largest one grows it.
    ///
    /// - Parameters:
    ///   - bytes: The UTF-8 text.
    ///   - tokens: Receives the tokens, with offsets into `bytes`.
    public func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, into tokens: inout [Token]) {
        tokens.removeAll(keepingCapacity: true)
        guard let base = bytes.baseAddress else { return }
        if tokens.capacity < bytes.count / 4 { tokens.reserveCapacity(bytes.count / 4) }
        let count = bytes.count
        // Tokens are written to a stack buffer and appended in batches (one copy each), which is
        // much cheaper than appending them one by one.
        let batch = 256
        withUnsafeTemporaryAllocation(of: Token.self, capacity: batch) { buffer in
            let pending = buffer.baseAddress!
            var filled = 0
            @inline(__always) func emit(_ token: Token) {
                if filled == batch {
                    tokens.append(contentsOf: UnsafeBufferPointer(start: pending, count: filled))
                    filled = 0
                }
                (pending + filled).initialize(to: token)
                filled &+= 1
            }
            ByteClass.table.withUnsafeBufferPointer { table in
                var index = 0
                while index < count {
                    var byteClass = table[Int(base[index])]
                    if byteClass == ByteClass.space {
                        index &+= 1
                        continue
                    }
                    if byteClass == ByteClass.punctuation {
                        emit(Token(start: index, end: index &+ 1, kind: .punctuation))
                        index &+= 1
                        continue
                    }
                    let start = index
                    if byteClass == ByteClass.nonASCII {
                        let decoded = UTF8Scalar.decode(base, at: index, count: count)
                        switch CharacterClass.of(decoded.scalar) {
                        case .space, .format:
                            index &+= decoded.width
                            continue
                        case .punctuation:
                            emit(Token(start: index, end: index &+ decoded.width, kind: .punctuation))
                            index &+= decoded.width
                            continue
                        case .letter, .mark:
                            byteClass = ByteClass.letter
                        case .digit:
                            byteClass = ByteClass.digit
                        }
                        index &+= decoded.width
                    } else {
                        index &+= 1
                    }
                    // A run of letters and digits; `seen` collects the classes met.
                    var seen = byteClass
                    scan: while index < count {
                        let next = table[Int(base[index])]
                        if next & ByteClass.alphanumeric != 0 {
                            seen |= next
                            index &+= 1
                            continue
                        }
                        guard next == ByteClass.nonASCII else { break }
                        let decoded = UTF8Scalar.decode(base, at: index, count: count)
                        switch CharacterClass.of(decoded.scalar) {
                        case .letter, .mark: seen |= ByteClass.letter
                        case .digit, .format: break
                        default: break scan
                        }
                        index &+= decoded.width
                    }
                    let hasLetter = seen & ByteClass.letter != 0
                    if !hasLetter, index &+ 1 < count, base[index] == UInt8(ascii: "."),
                        base[index &+ 1] &- UInt8(ascii: "0") < 10
                    {
                        index &+= 2
                        while index < count, base[index] &- UInt8(ascii: "0") < 10 { index &+= 1 }
                    }
                    emit(Token(start: start, end: index, kind: hasLetter ? .word : .number))
                }
            }
            tokens.append(contentsOf: UnsafeBufferPointer(start: pending, count: filled))
        }
    }
}

/// Byte classes for the tokenizer's fast path, as bit flags.
enum ByteClass {
    /// An ASCII letter.
    static let letter: UInt8 = 1
    /// An ASCII digit.
    static let digit: UInt8 = 2
    /// Letter or digit.
    static let alphanumeric: UInt8 = 3
    /// ASCII white space and control characters.
    static let space: UInt8 = 4
    /// Any other ASCII character.
    static let punctuation: UInt8 = 8
    /// A byte of a multi-byte UTF-8 sequence (decoded on the slow path).
    static let nonASCII: UInt8 = 16

    /// The class of every byte.
    static let table: [UInt8] = (0..<256).map { byte -> UInt8 in
        guard byte < 0x80 else { return nonASCII }
        switch CharacterClass(rawValue: CharacterClass.ascii[byte]) {
        case .letter: return letter
        case .digit: return digit
        case .space: return space
        default: return punctuation
        }
    }
}

/// The class of a character, for tokenizing.
enum CharacterClass: UInt8 {
    /// White space: separates tokens.
    case space
    /// A letter.
    case letter
    /// A digit (ASCII or other decimal digit, superscript or subscript digit).
    case digit
    /// Anything else visible: one token per character.
    case punctuation
    /// A combining mark: belongs to the word it follows.
    case mark
    /// An invisible format character (soft hyphen, zero-width joiner): part of a word, else skipped.
    case format

    /// Classes of the 128 ASCII bytes, as raw values.
    static let ascii: [UInt8] = (0..<128).map { byte -> UInt8 in
        switch UInt8(byte) {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
            CharacterClass.letter.rawValue
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            CharacterClass.digit.rawValue
        case 0x09...0x0D, 0x20, 0x00...0x08, 0x0E...0x1F, 0x7F:
            CharacterClass.space.rawValue
        default:
            CharacterClass.punctuation.rawValue
        }
    }

    /// Classes of U+0080...U+07FF (two-byte UTF-8), computed once.
    static let twoByte: [UInt8] = (0x80..<0x800).map { value -> UInt8 in
        guard let scalar = Unicode.Scalar(UInt32(value)) else { return CharacterClass.punctuation.rawValue }
        return classify(scalar).rawValue
    }

    /// The class of a non-ASCII scalar.
    @inline(__always)
    static func of(_ scalar: Unicode.Scalar) -> CharacterClass {
        let value = scalar.value
        if value < 0x800 {
            return CharacterClass(rawValue: twoByte[Int(value) - 0x80]) ?? .punctuation
        }
        switch value {
        case 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return .space
        case 0x200C, 0x200D, 0x2060, 0xFEFF: return .format
        case 0x2010...0x201F, 0x2020...0x2027, 0x2030...0x205E: return .punctuation
        case 0x2070, 0x2074...0x2079, 0x2080...0x2089: return .digit
        default: return classify(scalar)
        }
    }

    /// Classifies a scalar from its Unicode properties.
    static func classify(_ scalar: Unicode.Scalar) -> CharacterClass {
        let properties = scalar.properties
        if scalar.value == 0xAD { return .format }
        if properties.isWhitespace { return .space }
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .letterNumber:
            return .letter
        case .decimalNumber, .otherNumber:
            return .digit
        case .nonspacingMark, .spacingMark, .enclosingMark:
            return .mark
        case .format:
            return .format
        case .control, .unassigned, .surrogate, .privateUse, .lineSeparator, .paragraphSeparator, .spaceSeparator:
            return .space
        default:
            return properties.isAlphabetic ? .letter : .punctuation
        }
    }
}

/// Minimal UTF-8 decoding over raw bytes.
enum UTF8Scalar {
    /// Decodes the scalar that starts at `index`; an invalid sequence decodes as U+FFFD of width 1.
    ///
    /// - Parameters:
    ///   - base: The bytes.
    ///   - index: Where the scalar starts (a byte >= 0x80).
    ///   - count: The number of bytes.
    /// - Returns: The scalar and its width in bytes.
    @inline(__always)
    static func decode(
        _ base: UnsafePointer<UInt8>,
        at index: Int,
        count: Int
    ) -> (scalar: Unicode.Scalar, width: Int) {
        let lead = UInt32(base[index])
        let width: Int
        var value: UInt32
        switch lead {
        case 0xC2...0xDF:
            width = 2
            value = lead & 0x1F
        case 0xE0...0xEF:
            width = 3
            value = lead & 0x0F
        case 0xF0...0xF4:
            width = 4
            value = lead & 0x07
        default:
            return ("\u{FFFD}", 1)
        }
        guard index + width <= count else { return ("\u{FFFD}", 1) }
        for offset in 1..<width {
            let continuation = UInt32(base[index + offset])
            guard continuation & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
            value = value << 6 | (continuation & 0x3F)
        }
        guard let scalar = Unicode.Scalar(value) else { return ("\u{FFFD}", 1) }
        return (scalar, width)
    }
}
