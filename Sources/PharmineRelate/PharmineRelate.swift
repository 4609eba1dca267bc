/// PharmineRelate turns the mentions of a sentence into typed pharmacology triples.
///
/// Three extractors, each a `Stage` that appends ``PharmineCore/Triple``s to
/// `document.triples`:
/// - ``IndicationExtractor``: drug → condition (`primary`, `off_label`, `adjunct`, `prophylaxis`);
/// - ``MechanismExtractor``: drug → receptor, transporter or enzyme (`antagonist`, `agonist`,
///   `reuptake_inhibitor`, …), with neurotransmitter reuptake mapped to transporters by
///   ``ReuptakeTargets`` (`Lexicons/reuptake-targets.tsv`);
/// - ``InteractionExtractor``: drug ↔ drug (`increases_exposure`, `contraindicated`, …).
///
/// ``KnownIndicationMarker`` then sets `Triple.known` on indications from ``KnownIndications``
/// (PharmacotherapyDB, `Lexicons/known-indications.tsv`); ``RelateStage`` runs all four.
///
/// The extractors read only the core layers: sentences, tokens, mentions and their context
/// flags, and the lowercased text of tokens. Every triple names the rule that fired
/// (`indication.prevent`, `mechanism.antagonist_at`, …) and carries a confidence: the rule's
/// base, less 0.015 per item beyond 6 between subject and object, 0.03 per earlier list item
/// and 0.05 for an anaphoric subject, clamped to [0.1, 1].
///
/// ```swift
/// let relate = try RelateStage(lexiconsDirectory: URL(filePath: "Lexicons"))
/// let document = try relate.process(matchedDocument)
/// for triple in document.triples { … }
/// ```
public enum PharmineRelateModule {}
