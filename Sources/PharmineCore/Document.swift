/// One input document and every annotation layer that the stages add to it.
///
/// Readers fill ``id``, ``format``, ``origin``, ``metadata`` and ``passages`` (and, for BioC and
/// PubTator input, the gold ``annotations`` and ``relations``). The text stage adds ``tokens``,
/// ``sentences`` and ``abbreviations``; matching adds ``mentions``; context marks mentions,
/// resolves anaphora and records ``cues``; relate adds ``triples``.
public struct Document: Sendable, Hashable {
    /// The document's id: `PMID:…`, `PMC…`, the SPL set id, the BioC id, or the file name.
    public var id: String
    /// The format it was read from.
    public var format: DocumentFormat
    /// Where it was read from.
    public var origin: Origin
    /// Bibliographic and other metadata.
    public var metadata: Metadata
    /// The passages of text, in document order.
    public var passages: [Passage]
    /// Gold annotations carried by the input (BioC, PubTator), passage-local scalar offsets.
    public var annotations: [Annotation]
    /// Gold relations carried by the input (BioC, PubTator).
    public var relations: [Relation]

    /// Tokens of each passage (index = passage index), UTF-8 offsets.
    public var tokens: [[Token]]
    /// Sentences of the whole document in order; a sentence never crosses passages.
    public var sentences: [Sentence]
    /// Abbreviations defined in the document ("post-herpetic neuralgia (PHN)").
    public var abbreviations: [Abbreviation]
    /// Entity mentions, sorted by (passage, start, end).
    public var mentions: [Mention]
    /// Context cues (negation, hedging, …) with their scopes, in document order; empty until
    /// the context stage runs.
    public var cues: [ContextSpan] = []
    /// Extracted triples, in document order.
    public var triples: [Triple]

    /// Creates a document with no annotation layers.
    ///
    /// - Parameters:
    ///   - id: The document id.
    ///   - format: The input format.
    ///   - origin: Where it was read from.
    ///   - metadata: Bibliographic metadata.
    ///   - passages: The passages of text.
    public init(
        id: String,
        format: DocumentFormat,
        origin: Origin,
        metadata: Metadata = Metadata(),
        passages: [Passage] = []
    ) {
        self.id = id
        self.format = format
        self.origin = origin
        self.metadata = metadata
        self.passages = passages
        self.annotations = []
        self.relations = []
        self.tokens = []
        self.sentences = []
        self.abbreviations = []
        self.mentions = []
        self.triples = []
    }
}

/// The input formats that Pharmine reads.
public enum DocumentFormat: String, Sendable, Hashable, CaseIterable, Codable {
    /// Plain text, one document per file (or per line).
    case text
    /// MEDLINE/PubMed XML (`PubmedArticleSet`, `MedlineCitationSet`).
    case medline
    /// MEDLINE text format (`PMID- `, `TI  - `, `AB  - `).
    case medlineText = "medline-text"
    /// PMC JATS full text (`.nxml`).
    case jats
    /// BioC XML collections.
    case bioc
    /// PubTator text (`PMID|t|…`, `PMID|a|…`, annotation lines).
    case pubtator
    /// HL7 SPL XML drug labels.
    case spl
}

/// Where a document was read from.
public struct Origin: Sendable, Hashable {
    /// The input file, as the user named it (or `-` for standard input).
    public var file: String
    /// The ordinal of the document within its file, from 0.
    public var index: Int
    /// The line of the file where the document starts, from 1, when known.
    public var line: Int?

    /// Creates an origin.
    ///
    /// - Parameters:
    ///   - file: The input file.
    ///   - index: The ordinal of the document in the file.
    ///   - line: The line where it starts, when known.
    public init(file: String, index: Int, line: Int? = nil) {
        self.file = file
        self.index = index
        self.line = line
    }
}

/// A key–value pair: BioC infons, and metadata that has no field of its own.
public struct Infon: Sendable, Hashable {
    /// The key.
    public var key: String
    /// The value.
    public var value: String

    /// Creates a pair.
    ///
    /// - Parameters:
    ///   - key: The key.
    ///   - value: The value.
    public init(_ key: String, _ value: String) {
        self.key = key
        self.value = value
    }
}

/// Bibliographic metadata of a document. Fields the format does not give stay empty.
public struct Metadata: Sendable, Hashable {
    /// The title, as plain text.
    public var title: String?
    /// The journal (or book, or labeler) name.
    public var journal: String?
    /// The year of publication.
    public var year: Int?
    /// The DOI.
    public var doi: String?
    /// The PubMed id, without prefix.
    public var pmid: String?
    /// The PMC id, with its `PMC` prefix.
    public var pmcid: String?
    /// MeSH headings (descriptor names; a `*` marks a major topic).
    public var meshHeadings: [String]
    /// Chemical list (substance names).
    public var chemicals: [String]
    /// Publication types.
    public var publicationTypes: [String]
    /// Keywords.
    public var keywords: [String]
    /// Anything else the reader keeps, in document order.
    public var extra: [Infon]

    /// Creates empty metadata.
    public init() {
        self.meshHeadings = []
        self.chemicals = []
        self.publicationTypes = []
        self.keywords = []
        self.extra = []
    }
}

/// A passage of text with its label: `title`, `abstract`, a structured-abstract label, a section
/// title or LOINC code, or `text`.
public struct Passage: Sendable, Hashable {
    /// The label written as the triple's `section`.
    public var label: String
    /// The text, exactly as read (markup flattened).
    public var text: String
    /// The passage's offset in the document, in Unicode scalars (BioC's passage offset; for
    /// other formats the sum of the previous passages' lengths plus one separator each).
    public var offset: Int
    /// Other key–value data (BioC infons, the section's LOINC code, …).
    public var infons: [Infon]

    /// Creates a passage.
    ///
    /// - Parameters:
    ///   - label: The label.
    ///   - text: The text.
    ///   - offset: The document-level offset in scalars.
    ///   - infons: Other key–value data.
    public init(label: String, text: String, offset: Int = 0, infons: [Infon] = []) {
        self.label = label
        self.text = text
        self.offset = offset
        self.infons = infons
    }
}
