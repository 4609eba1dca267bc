/// PharmineContext: the context stage — negation, hedging, hypothetical and historical context
/// with ConText-style cues and clause-bounded scopes, and drug anaphora.
///
/// Main types:
/// - ``ContextStage``: the pipeline stage. It runs ``AnaphoraResolver``, records every cue with
///   its scope in ``Document/cues`` (``ContextSpan``) and sets ``Mention/negated``,
///   ``Mention/hedged``, ``Mention/hypothetical`` and ``Mention/historical``.
/// - ``ContextCueSet``: the compiled cue list, loaded from `Lexicons/context-cues.tsv`.
/// - ``ContextCueBuilder`` and ``ContextCueCuration``: how that file is generated from the
///   medspaCy, negspacy and pyConTextNLP lists plus Pharmine's pharmacology cues.
/// - ``AnaphoraResolver`` and ``EndogenousSubstances`` (`Lexicons/endogenous.tsv`).
///
/// For the relation stage: a mention's flags say whether *it* lies in a scope; to ask whether a
/// whole statement does, test the subject and object spans against the sentence's cues:
/// ```swift
/// let stage = try ContextStage(lexiconDirectory: "Lexicons")
/// let document = stage.process(matched)   // tokens, sentences, mentions set
/// let negations = document.cues.filter { $0.sentence == 3 && $0.category == .negated }
/// let negated = negations.contains { $0.covers(start: object.start, end: object.end) }
/// ```
public enum PharmineContextModule {}
