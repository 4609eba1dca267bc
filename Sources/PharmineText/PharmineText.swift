/// PharmineText: the text stage — sentences, tokens and abbreviation definitions.
///
/// Main types:
/// - ``SentenceSplitter``: sentence boundaries (UTF-8 byte ranges) that know biomedical prose
///   ("e.g.", "et al.", "Fig. 2", "5.2 mg", "E. coli") and clinical layout (headers and list
///   items on their own lines).
/// - ``AbbreviationFinder``: "long form (SF)" and "SF (long form)" definitions, after Schwartz
///   and Hearst.
/// - ``TextStage``: the pipeline stage that fills ``Document/tokens``, ``Document/sentences``
///   and ``Document/abbreviations``.
///
/// ```swift
/// var document = Document(id: "a", format: .text, origin: Origin(file: "a.txt", index: 0))
/// document.passages = [Passage(label: "text", text: "Post-herpetic neuralgia (PHN) hurts. It may last.")]
/// document = try TextStage().process(document)
/// // document.sentences.count == 2, document.abbreviations[0].short == "PHN"
/// ```
public enum PharmineTextModule {}
