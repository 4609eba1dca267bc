/// PharmineIngest turns input files into ``PharmineCore/Document``s: the first stage of the pipeline.
///
/// ``Ingest`` walks the inputs (files, directories walked recursively in name order, `-` for
/// standard input), detects each file's format from its content (``FormatDetector``; the file
/// name only decides which files a directory walk picks up, see ``Ingest/readableExtensions``),
/// and streams its documents to a callback as ``IngestEvent``s, in a stable order: a `document`,
/// a `skipped` document (deleted citation, no text) or a `failed` one (``IngestError``, naming the
/// file, and where known the line and the document id). A bad document fails alone; the file goes
/// on where the format allows it.
///
/// Every input may be gzip-compressed (``ByteSource`` reads through zlib), and a tar archive,
/// plain or gzipped, is read member by member, each member with its own format detection and
/// named `ARCHIVE:member/path` in origins and errors (see ``Ingest/read(file:emit:)``). Memory stays bounded
/// by one document (one record for MEDLINE XML, one file or member for plain text), whatever the
/// size of the input: XML is read with libxml2's streaming reader, text line by line.
///
/// | Format | Told by | Document id | Passages |
/// |---|---|---|---|
/// | MEDLINE/PubMed XML | `<PubmedArticleSet>`, `<MedlineCitationSet>` | `PMID:…` | title, abstract (or its parts) |
/// | MEDLINE text | a `PMID- ` line | `PMID:…` | title, abstract |
/// | PubTator | `PMID\|t\|` and `PMID\|a\|` lines | `PMID:…` | title, abstract (with gold annotations) |
/// | BioC XML | `<collection>` | the BioC document id | BioC passages (with gold annotations) |
/// | PMC JATS | `<article>`, `<pmc-articleset>` | `PMC…` | title, abstract, body sections |
/// | HL7 SPL label | `<document>` in `urn:hl7-org:v3` | the set id | title, sections by LOINC code |
/// | Plain text | any other UTF-8 text | the file (or member) name without extension | clinical sections, or `text` |
/// | tar archive | `ustar` at byte 257 | per member, as above | per member, as above |
///
/// Main types:
/// - ``Ingest``: the stage; ``IngestOptions`` (one document per line, a forced format).
/// - ``IngestEvent``, ``SkippedDocument`` and ``IngestError``, the module's one error type.
/// - ``FormatDetector`` and ``ByteSource``, for tools that look at inputs themselves.
///
/// ```swift
/// let ingest = Ingest(options: IngestOptions())
/// try ingest.read(inputs: ["Corpora", "notes.tar.gz"]) { event in
///     switch event {
///     case .document(let document): print(document.id, document.passages.count)
///     case .skipped(let skipped): print("skipped", skipped.documentID, skipped.reason)
///     case .failed(let error): print("failed", error)
///     }
/// }
/// ```
public enum PharmineIngestModule {}
