/// PharmineText turns passage text into tokens, sentences, normalised keys and abbreviation
/// definitions.
///
/// Main types:
/// - ``Tokenizer``: UTF-8 bytes in, ``PharmineCore/Token``s with UTF-8 offsets out (words, numbers,
///   one token per punctuation character).
/// - ``Normalizer``: one token to its normalised key (case, Greek letters, diacritics,
///   British/American spelling, plural → singular). Lexicon terms and text are keyed by the same
///   function, so spelling variants meet.
/// - ``SentenceSplitter``: sentence boundaries (UTF-8 byte ranges) that know biomedical prose
///   ("e.g.", "et al.", "Fig. 2", "5.2 mg", "E. coli") and clinical layout (headers and list
///   items on their own lines).
/// - ``AbbreviationFinder``: "long form (SF)" and "SF (long form)" definitions, after Schwartz
///   and Hearst.
/// - ``TextStage``: the pipeline stage that fills ``PharmineCore/Document/tokens``,
///   ``PharmineCore/Document/sentences`` and ``PharmineCore/Document/abbreviations``.
///
/// ```swift
/// let text = "Post-herpetic neuralgias respond to β-blockers."
/// let tokens = Tokenizer().tokenize(text)
/// let normalizer = Normalizer()
/// let keys = tokens.map { token in
///     normalizer.key(String(decoding: Array(text.utf8)[token.start..<token.end], as: UTF8.self))
/// }
/// // ["post", "-", "herpetic", "neuralgia", "respond", "to", "beta", "-", "blocker", "."]
///
/// var document = Document(id: "a", format: .text, origin: Origin(file: "a.txt", index: 0))
/// document.passages = [Passage(label: "text", text: "Post-herpetic neuralgia (PHN) hurts. It may last.")]
/// document = TextStage().process(document)
/// // document.sentences.count == 2, document.abbreviations[0].short == "PHN"
/// ```
public enum PharmineTextModule {}
