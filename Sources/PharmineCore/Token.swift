/// A token of a passage: a half-open range of UTF-8 byte offsets into the passage text.
public struct Token: Sendable, Hashable {
    /// The kind of a token.
    public enum Kind: UInt8, Sendable, Hashable {
        /// Letters, possibly with digits ("CYP2D6", "H1", "amitriptyline").
        case word
        /// Digits only, possibly with a decimal point ("5.2").
        case number
        /// One punctuation or symbol character.
        case punctuation
    }

    /// Start (UTF-8 bytes, inclusive).
    public var start: Int
    /// End (UTF-8 bytes, exclusive).
    public var end: Int
    /// What it is.
    public var kind: Kind

    /// Creates a token.
    ///
    /// - Parameters:
    ///   - start: Start offset (UTF-8 bytes).
    ///   - end: End offset (UTF-8 bytes, exclusive).
    ///   - kind: The kind.
    public init(start: Int, end: Int, kind: Kind) {
        self.start = start
        self.end = end
        self.kind = kind
    }
}

/// A sentence: a span of one passage, numbered across the whole document.
public struct Sentence: Sendable, Hashable {
    /// The index of the passage it lies in.
    public var passage: Int
    /// Start (UTF-8 bytes into the passage text).
    public var start: Int
    /// End (UTF-8 bytes, exclusive).
    public var end: Int
    /// The range of its tokens in `Document.tokens[passage]`.
    public var tokens: Range<Int>

    /// Creates a sentence.
    ///
    /// - Parameters:
    ///   - passage: The passage index.
    ///   - start: Start offset (UTF-8 bytes).
    ///   - end: End offset (UTF-8 bytes, exclusive).
    ///   - tokens: The range of its tokens in the passage's token array.
    public init(passage: Int, start: Int, end: Int, tokens: Range<Int>) {
        self.passage = passage
        self.start = start
        self.end = end
        self.tokens = tokens
    }
}

/// An abbreviation defined in a document: "post-herpetic neuralgia (PHN)".
public struct Abbreviation: Sendable, Hashable {
    /// The short form, as written ("PHN").
    public var short: String
    /// The long form, as written ("post-herpetic neuralgia").
    public var long: String
    /// The passage of the definition.
    public var passage: Int
    /// The span of the short form in the definition (UTF-8 bytes).
    public var shortStart: Int
    /// End of the short form (exclusive).
    public var shortEnd: Int
    /// The span of the long form in the definition (UTF-8 bytes).
    public var longStart: Int
    /// End of the long form (exclusive).
    public var longEnd: Int

    /// Creates an abbreviation definition.
    public init(
        short: String,
        long: String,
        passage: Int,
        shortStart: Int,
        shortEnd: Int,
        longStart: Int,
        longEnd: Int
    ) {
        self.short = short
        self.long = long
        self.passage = passage
        self.shortStart = shortStart
        self.shortEnd = shortEnd
        self.longStart = longStart
        self.longEnd = longEnd
    }
}
