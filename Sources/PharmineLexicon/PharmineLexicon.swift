/// PharmineLexicon loads the drug, condition and receptor lexicons and finds their concepts in
/// text.
///
/// Main types:
/// - ``Lexicon``: concepts (``LexiconEntry``), curation rules and drug-form words, read from the
///   documented TSV files of `Lexicons/` (and a user's own files), with ``LexiconError`` naming the
///   file and line of a malformed row.
/// - ``Matcher``: the lexicon compiled into a token trie over a hashed vocabulary of normalised
///   keys; immutable and shared by every thread. Leftmost-longest, token-aligned, case-sensitive
///   for short symbols, with salt extension and coordination ellipsis.
/// - ``EntityMatcher``: the pipeline stage that turns matches into `Mention`s, resolving
///   abbreviations defined in the document.
///
/// ```swift
/// let lexicon = try Lexicon(directory: "Lexicons")
/// let matcher = Matcher(lexicon: lexicon)
/// for match in matcher.matches(in: "Amitriptyline Hydrochloride prevents migraines.") {
///     print(matcher.concepts[match.entry].id, match.start, match.end)
/// }
/// let stage = EntityMatcher(matcher: matcher)   // document.mentions
/// ```
public enum PharmineLexiconModule {}
