public import PharmineCore

/// The text stage: tokens, sentences and abbreviation definitions of every passage.
///
/// **Requires** ``PharmineCore/Document/passages``.
///
/// **Produces**
/// - ``PharmineCore/Document/tokens``: one array per passage (index = passage index), from
///   ``Tokenizer``, UTF-8 offsets;
/// - ``PharmineCore/Document/sentences``: every passage's sentences from ``SentenceSplitter``, in
///   document order (a sentence never crosses passages), each with the range of its tokens in its
///   passage's token array;
/// - ``PharmineCore/Document/abbreviations``: definitions found by ``AbbreviationFinder`` inside
///   those sentences.
///
/// It replaces these three layers if they were set. Work is on the UTF-8 bytes of each passage;
/// nothing is allocated per token beyond the token arrays themselves.
public struct TextStage: Stage {
    /// The tokenizer.
    public let tokenizer: Tokenizer
    /// The sentence splitter.
    public let splitter: SentenceSplitter
    /// The abbreviation finder.
    public let abbreviations: AbbreviationFinder

    /// Creates the stage.
    ///
    /// - Parameters:
    ///   - tokenizer: The tokenizer.
    ///   - splitter: The sentence splitter.
    ///   - abbreviations: The abbreviation finder.
    public init(
        tokenizer: Tokenizer = Tokenizer(),
        splitter: SentenceSplitter = SentenceSplitter(),
        abbreviations: AbbreviationFinder = AbbreviationFinder()
    ) {
        self.tokenizer = tokenizer
        self.splitter = splitter
        self.abbreviations = abbreviations
    }

    /// Adds tokens, sentences and abbreviations to a document.
    ///
    /// - Parameter document: A document with passages.
    /// - Returns: The document with the three layers set.
    public func process(_ document: Document) -> Document {
        var document = document
        var allTokens: [[Token]] = []
        allTokens.reserveCapacity(document.passages.count)
        var sentences: [Sentence] = []
        var definitions: [Abbreviation] = []
        // Tokens go to a scratch array first, then to an array of their exact size: the
        // document keeps a quarter less memory than the tokenizer's generous reservation.
        var scratch: [Token] = []
        for (passageIndex, passage) in document.passages.enumerated() {
            var text = passage.text
            var tokens: [Token] = []
            text.withUTF8 { bytes in
                tokenizer.tokenize(bytes, into: &scratch)
                tokens = Array(scratch)
                let spans = splitter.split(utf8: bytes)
                // Each sentence takes the tokens that start inside it (tokens come in text order:
                // bisect for the first token at or after a bound).
                sentences.reserveCapacity(sentences.count + spans.count)
                var tokenIndex = 0
                for span in spans {
                    tokenIndex = Self.firstToken(in: tokens, from: tokenIndex, startingAtOrAfter: span.lowerBound)
                    let first = tokenIndex
                    tokenIndex = Self.firstToken(in: tokens, from: tokenIndex, startingAtOrAfter: span.upperBound)
                    sentences.append(
                        Sentence(
                            passage: passageIndex,
                            start: span.lowerBound,
                            end: span.upperBound,
                            tokens: first..<tokenIndex
                        )
                    )
                }
                abbreviations.find(utf8: bytes, sentences: spans, passage: passageIndex, into: &definitions)
            }
            allTokens.append(tokens)
        }
        document.tokens = allTokens
        document.sentences = sentences
        document.abbreviations = definitions
        return document
    }

    /// The index of the first token at or after `from` whose start is at least `bound`, or the
    /// token count; tokens are sorted by start.
    @inline(__always)
    private static func firstToken(in tokens: [Token], from: Int, startingAtOrAfter bound: Int) -> Int {
        var low = from
        var high = tokens.count
        while low < high {
            let middle = (low + high) >> 1
            if tokens[middle].start < bound { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
