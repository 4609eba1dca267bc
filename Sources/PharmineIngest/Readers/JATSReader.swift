import Foundation
import PharmineCore

/// Reads PMC full-text articles: JATS and the older NLM Archiving DTDs (`.nxml`), and the EFetch
/// wrapper `<pmc-articleset>` that holds several `<article>`s.
///
/// Streams the file with ``XMLStreamReader``; only the article being read is held in memory.
/// One ``IngestEvent`` per `<article>`.
///
/// **Id**: `PMC<number>` from `<article-id pub-id-type="pmc">` (or `"pmcid"`; the `PMC` prefix is
/// added when missing); failing that `PMID:<pmid>`; failing that the file name without its
/// extension (with `-<index>` after the first article of a multi-article file).
///
/// **Metadata**: pmid, pmcid, doi (article-id), title (article-title, flattened), journal
/// (journal-title, else the NLM TA journal id), year (the `<pub-date>` of the print issue first:
/// `ppub`, `epub-ppub`, then `epub`, then any other, as MEDLINE's issue year), keywords (every
/// `<kwd>` of every `<kwd-group>`, without duplicates), and `article_type` in `extra`.
///
/// **Passages**, in this order:
/// - `title`: the article title.
/// - The abstracts (`<abstract>`, not `<trans-abstract>`): one passage per paragraph. A paragraph
///   outside any abstract section is labelled `abstract`; in a structured abstract the label is
///   the section title ("Background"; a trailing colon is dropped). A typed abstract (PLoS's
///   `abstract-type="summary"`) with its own title puts that title first ("Author Summary", or
///   "Author Summary / Background").
/// - The body: one passage per paragraph (`<p>`), labelled with the path of section titles from
///   the outermost section, joined by `" / "` ("Materials and Methods / Cell culture"); a paragraph
///   outside any titled section is labelled `body`. Paragraphs inside lists, quotes and boxed
///   text count as paragraphs of their section; a paragraph inside a paragraph stays part of it.
///
/// Every passage has the infon `part` (`title`, `abstract` or `body`), and where given
/// `sec_type` (the innermost `sec-type`) and `abstract_type`.
///
/// **Left out** (not prose): `<back>` (references, acknowledgements, footnotes, appendices),
/// `<floats-group>`, `<sub-article>` and `<response>`, tables (`table-wrap`, `table`), figures
/// with their captions (`fig`, `fig-group`, `graphic`, `media`), formulas (`disp-formula`,
/// `inline-formula`, MathML `math`, `tex-math`), supplementary material, code and preformatted
/// blocks, index terms, and footnote markers (`<xref ref-type="fn">`, `"table-fn"`), which would
/// otherwise glue a letter to the word before them.
///
/// **Flattening**: inline markup (`italic`, `bold`, `sup`, `sub`, `sc`, `xref`, `ext-link`,
/// `named-content`…) joins its neighbours with nothing added ("T<sub>4</sub>" gives "T4"); any
/// other element is a block, separated from its neighbours by one space; runs of white space (and
/// no-break spaces) become one space. A citation (`<xref ref-type="bibr">`) that would touch the
/// word before it (a superscript citation number) gets a space first.
package struct JATSReader: FormatReader {
    /// Creates the reader.
    package init() {}

    /// Reads every `<article>` of a source.
    ///
    /// - Parameters:
    ///   - source: The opened input.
    ///   - options: The ingest options (unused).
    ///   - emit: Called once per article: a document, or `skipped` (`no_text`) for an article with
    ///     no text at all.
    /// - Throws: ``IngestError``: `malformed_xml` (with file and line) for XML that is not
    ///   well-formed, `invalid_document` for a file with no `<article>`.
    package func read(_ source: ByteSource, options: IngestOptions, emit: (IngestEvent) -> Void) throws(IngestError) {
        let xml = try XMLStreamReader(source: source)
        var index = 0
        do throws(IngestError) {
            while try xml.read() {
                guard xml.kind == .element, xml.isLocalName("article") else { continue }
                let article = JATSArticle(file: source.name, index: index, line: xml.lineNumber)
                try article.read(xml)
                emit(article.event())
                index += 1
            }
        } catch {
            var error = error
            if error.documentIndex == nil { error.documentIndex = index }
            throw error
        }
        if index == 0 {
            throw IngestError(.invalidDocument, file: source.name, message: "no <article> element found")
        }
    }
}

/// One article being read.
private final class JATSArticle {
    let file: String
    let index: Int
    let line: Int
    var metadata = Metadata()
    var title = ""
    var abstracts = PassageList()
    var body = PassageList()
    /// (pub-type, year) of each pub-date.
    var dates: [(type: String, year: Int)] = []
    var journalID: String?

    /// Paragraphs with their labels and infons, before offsets are given.
    struct PassageList {
        var items: [(label: String, text: String, infons: [Infon])] = []
    }

    init(file: String, index: Int, line: Int) {
        self.file = file
        self.index = index
        self.line = line
    }

    // MARK: - Walking

    func read(_ xml: XMLStreamReader) throws(IngestError) {
        if let type = xml.attribute("article-type") { metadata.extra.append(Infon("article_type", type)) }
        try xml.forEachChildElement { name throws(IngestError) in
            switch name {
            case "front": try readFront(xml)
            case "body": try readBlocks(xml, path: [], secType: nil, part: "body", into: &body)
            default: try xml.skipSubtree()  // back, floats-group, sub-article, response
            }
        }
    }

    private func readFront(_ xml: XMLStreamReader) throws(IngestError) {
        try xml.forEachChildElement { name throws(IngestError) in
            switch name {
            case "journal-meta": try readJournalMeta(xml)
            case "article-meta": try readArticleMeta(xml)
            default: try xml.skipSubtree()
            }
        }
    }

    private func readJournalMeta(_ xml: XMLStreamReader) throws(IngestError) {
        try xml.forEachChildElement { name throws(IngestError) in
            switch name {
            case "journal-title-group":
                try readJournalMeta(xml)
            case "journal-title":
                let title = try xml.collectText(role: Self.inlineRole)
                if metadata.journal == nil, !title.isEmpty { metadata.journal = title }
            case "journal-id":
                let type = xml.attribute("journal-id-type")
                let id = try xml.collectText(role: Self.inlineRole)
                if type == "nlm-ta", !id.isEmpty { journalID = id }
            default:
                try xml.skipSubtree()
            }
        }
    }

    private func readArticleMeta(_ xml: XMLStreamReader) throws(IngestError) {
        try xml.forEachChildElement { name throws(IngestError) in
            switch name {
            case "article-id":
                let type = xml.attribute("pub-id-type") ?? ""
                let id = try xml.collectText(role: Self.inlineRole)
                guard !id.isEmpty else { return }
                switch type {
                case "pmid" where metadata.pmid == nil: metadata.pmid = id
                case "pmc", "pmcid":
                    if metadata.pmcid == nil { metadata.pmcid = id.hasPrefix("PMC") ? id : "PMC" + id }
                case "doi" where metadata.doi == nil: metadata.doi = id
                default: break
                }
            case "title-group":
                try xml.forEachChildElement { name throws(IngestError) in
                    if name == "article-title", title.isEmpty {
                        title = try xml.collectText(role: Self.proseRole)
                    } else {
                        try xml.skipSubtree()
                    }
                }
            case "pub-date":
                let type =
                    xml.attribute("pub-type")
                    ?? Self.dateType(
                        dateType: xml.attribute("date-type"), format: xml.attribute("publication-format"))
                try xml.forEachChildElement { name throws(IngestError) in
                    if name == "year" {
                        let text = try xml.collectText(role: Self.inlineRole)
                        if let year = Int(text.prefix(4)) { dates.append((type, year)) }
                    } else {
                        try xml.skipSubtree()
                    }
                }
            case "kwd-group":
                try xml.forEachChildElement { name throws(IngestError) in
                    if name == "kwd" {
                        let keyword = try xml.collectText(role: Self.proseRole)
                        if !keyword.isEmpty, !metadata.keywords.contains(keyword) { metadata.keywords.append(keyword) }
                    } else {
                        try xml.skipSubtree()
                    }
                }
            case "abstract":
                let type = xml.attribute("abstract-type")
                var infons = [Infon]()
                if let type { infons.append(Infon("abstract_type", type)) }
                try readBlocks(
                    xml, path: [], secType: nil, part: "abstract", titled: type != nil, extraInfons: infons,
                    into: &abstracts)
            default:
                try xml.skipSubtree()
            }
        }
    }

    /// Reads the paragraphs below a body, section, abstract or other container.
    ///
    /// - Parameters:
    ///   - path: The section titles above.
    ///   - secType: The innermost `sec-type` above.
    ///   - titled: Whether this element's own `<title>` extends the path (sections, typed abstracts).
    private func readBlocks(
        _ xml: XMLStreamReader,
        path: [String],
        secType: String?,
        part: String,
        titled: Bool = false,
        extraInfons: [Infon] = [],
        into list: inout PassageList
    ) throws(IngestError) {
        var path = path
        try xml.forEachChildElement { name throws(IngestError) in
            switch name {
            case "sec":
                let type = xml.attribute("sec-type") ?? secType
                try readBlocks(
                    xml, path: path, secType: type, part: part, titled: true, extraInfons: extraInfons, into: &list)
            case "title" where titled:
                var title = try xml.collectText(role: Self.proseRole)
                while let last = title.last, last == ":" || last == " " { title.removeLast() }
                if !title.isEmpty { path.append(title) }
            case "p":
                let text = try xml.collectText(role: Self.proseRole)
                var infons = [Infon("part", part)]
                if let secType { infons.append(Infon("sec_type", secType)) }
                infons += extraInfons
                let label = path.isEmpty ? (part == "abstract" ? "abstract" : "body") : path.joined(separator: " / ")
                if !text.isEmpty { list.items.append((label, text, infons)) }
            case "title", "label", "caption", "object-id":
                try xml.skipSubtree()
            default:
                if Self.skipped.contains(name) {
                    try xml.skipSubtree()
                } else {
                    // list, list-item, disp-quote, boxed-text, def-list…: their paragraphs belong here.
                    try readBlocks(xml, path: path, secType: secType, part: part, extraInfons: extraInfons, into: &list)
                }
            }
        }
    }

    // MARK: - Result

    func event() -> IngestEvent {
        let id: String
        if let pmcid = metadata.pmcid {
            id = pmcid
        } else if let pmid = metadata.pmid {
            id = "PMID:" + pmid
        } else {
            let stem = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
            let base =
                stem.hasSuffix(".nxml") || stem.hasSuffix(".xml") ? (stem as NSString).deletingPathExtension : stem
            id = index == 0 ? base : "\(base)-\(index)"
        }
        var metadata = self.metadata
        if !title.isEmpty { metadata.title = title }
        if metadata.journal == nil { metadata.journal = journalID }
        metadata.year = Self.preferredYear(dates)
        var passages = PassageAccumulator()
        passages.add(label: "title", text: title, infons: [Infon("part", "title")])
        for item in abstracts.items + body.items {
            passages.add(label: item.label, text: item.text, infons: item.infons)
        }
        if passages.passages.isEmpty {
            return .skipped(SkippedDocument(file: file, documentID: id, line: line, reason: "no_text"))
        }
        var document = Document(
            id: id, format: .jats, origin: Origin(file: file, index: index, line: line), metadata: metadata)
        document.passages = passages.passages
        return .document(document)
    }

    private static func preferredYear(_ dates: [(type: String, year: Int)]) -> Int? {
        for type in ["ppub", "epub-ppub", "epub"] {
            if let date = dates.first(where: { $0.type == type }) { return date.year }
        }
        return dates.first?.year
    }

    /// The JATS 1.1+ `date-type`/`publication-format` pair as an NLM `pub-type`.
    private static func dateType(dateType: String?, format: String?) -> String {
        guard dateType == nil || dateType == "pub" else { return dateType ?? "" }
        switch format {
        case "print": return "ppub"
        case "electronic": return "epub"
        default: return dateType ?? ""
        }
    }

    // MARK: - Element roles

    /// Elements whose subtree is not prose.
    static let skipped: Set<String> = [
        "table-wrap", "table-wrap-group", "table-wrap-foot", "table", "array", "fig", "fig-group",
        "graphic", "inline-graphic", "media", "inline-media", "disp-formula", "disp-formula-group",
        "inline-formula", "math", "tex-math", "alternatives", "chem-struct-wrap", "supplementary-material",
        "ref-list", "ref", "fn", "fn-group", "code", "preformat", "private-char", "index-term",
        "index-term-range-end", "glyph-data", "glyph-ref", "object-id", "x",
    ]

    /// Elements of ``skipped`` that sit inside a line of text: leaving them out adds no space.
    static let inlineSkipped: Set<String> = [
        "inline-formula", "inline-graphic", "private-char", "index-term", "index-term-range-end", "glyph-data",
        "glyph-ref", "x",
    ]

    /// Elements that are markup inside a run of text.
    static let inline: Set<String> = [
        "italic", "bold", "sup", "sub", "sc", "monospace", "underline", "overline", "roman", "sans-serif",
        "strike", "ext-link", "uri", "xref", "named-content", "styled-content", "abbrev", "email",
        "chem-struct", "inline-supplementary-material", "ruby", "rb", "rt", "target", "milestone-start",
        "milestone-end", "std", "std-organization", "related-article", "related-object", "funding-source",
        "award-id", "phrase", "span", "def-head", "term-head", "hr", "fixed-case", "num", "underline-start",
        "underline-end",
    ]

    /// Roles for prose: paragraphs, titles, keywords.
    static func proseRole(_ xml: XMLStreamReader, _ name: String, _ ancestors: [String]) -> TextRole {
        if name == "xref" {
            switch xml.attribute("ref-type") {
            case "fn", "table-fn", "author-notes": return .skip(.none)
            case "bibr": return .inlineSpaced
            default: return .inline
            }
        }
        if inline.contains(name) { return .inline }
        if inlineSkipped.contains(name) { return .skip(.none) }
        if skipped.contains(name) || name == "label" { return .skip(.space) }
        return .block(.space)
    }

    /// Roles for short metadata values: everything inline.
    static func inlineRole(_ xml: XMLStreamReader, _ name: String, _ ancestors: [String]) -> TextRole { .inline }
}
