/// PharmineCore holds the value types that every stage reads and writes.
///
/// A ``Document`` moves through the pipeline; each stage adds a layer of annotation to it and
/// hands it on (the spaCy model). Annotations are standoff: spans are offsets into the passage
/// text, which is never modified.
///
/// Offset units: inside the pipeline every span (``Sentence``, ``Token``, ``Mention``) is a
/// half-open range of **UTF-8 byte** offsets into its passage's text. Output converts them once,
/// per passage, to Unicode scalar offsets with ``ScalarOffsetMap``. Gold annotations read from
/// BioC or PubTator (``Annotation``) keep the scalar offsets of their source, made passage-local.
///
/// ```swift
/// var document = Document(id: "PMID:1", format: .medline, origin: Origin(file: "a.xml", index: 0))
/// document.passages.append(Passage(label: "title", text: "Amitriptyline for migraine."))
/// ```
public enum PharmineCoreModule {}
