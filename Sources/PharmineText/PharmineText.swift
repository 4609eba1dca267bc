/// PharmineText turns passage text into tokens, sentences, normalised keys and abbreviation
/// definitions.
///
/// Main types:
/// - ``Tokenizer``: UTF-8 bytes in, ``PharmineCore/Token``s with UTF-8 offsets out (words, numbers,
///   one token per punctuation character).
/// - ``Normalizer``: one token to its normalised key (case, Greek letters, diacritics,
///   British/American spelling, plural → singular). Lexicon terms and text are keyed by the same
///   function, so spelling variants meet.
/// - The sentence splitter and abbreviation finder (see their own files).
///
/// ```swift
/// let text = "Post-herpetic neuralgias respond to β-blockers."
/// let tokens = Tokenizer().tokenize(text)
/// let normalizer = Normalizer()
/// let keys = tokens.map { token in
///     normalizer.key(String(decoding: Array(text.utf8)[token.start..<token.end], as: UTF8.self))
/// }
/// // ["post", "-", "herpetic", "neuralgia", "respond", "to", "beta", "-", "blocker", "."]
/// ```
public enum PharmineTextModule {}
