import PharmineCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads MEDLINE/PubMed XML: `PubmedArticleSet` (annual baseline and daily update files, E-utilities
/// `efetch` output) and the older `MedlineCitationSet` (baselines up to 2016).
///
/// ## Records
/// - `PubmedArticle`, `PubmedBookArticle`, and the top-level `MedlineCitation` of a
///   `MedlineCitationSet` each give one document with id `PMID:<pmid>`.
/// - `DeleteCitation` gives one `.skipped` event with reason `deleted` per PMID listed.
/// - A record without title and abstract text is `.skipped` with reason `no_text`; one without a
///   PMID is `.failed` with code `invalid_document`.
///
/// ## Passages
/// 1. `title`: `ArticleTitle`; for a book, the chapter's `ArticleTitle`, else `BookTitle`;
///    `VernacularTitle` only when there is no title.
/// 2. The abstract. Unstructured (no `AbstractText` has a `Label` or `NlmCategory`): one passage
///    `abstract`, its `AbstractText`s joined by a space. Structured: one passage per non-empty
///    `AbstractText`, labelled with its `Label` exactly as written (`BACKGROUND`, `Methods`), else
///    its `NlmCategory` lowercased (`methods`), else `abstract`. Each abstract passage has infon
///    `type` = `abstract`, and `nlm_category` when given. `OtherAbstract` (translations, plain-language
///    and publisher abstracts) is ignored, so a document has one abstract.
///
/// Inline markup (`i`, `b`, `u`, `sup`, `sub`, MathML…) is flattened and white space collapsed.
/// Passage offsets are document-level Unicode scalar offsets: the title at 0, each next passage at
/// the previous offset plus the previous text's length plus one.
///
/// ## Metadata
/// Journal title (for books, the book title), year (`PubDate/Year`, else the first four digits of
/// `MedlineDate`), DOI (`ELocationID EIdType="doi"`, else `ArticleId IdType="doi"`), pmid, pmcid
/// (`ArticleId IdType="pmc"`, else `OtherID Source="NLM"` starting with `PMC`), MeSH headings
/// (`DescriptorName` text, prefixed with `*` when the descriptor or any of its qualifiers is a major
/// topic, as in the MEDLINE text format; qualifiers are not kept), chemicals (`NameOfSubstance`),
/// publication types and keywords. In ``Metadata/extra``: `pmid_version` (the `Version` attribute of
/// the PMID, when given) and `language` (one per `Language`).
///
/// ## Errors, speed and memory
/// The file is cut into records by ``MedlineSplitter`` and each record is parsed on its own, with
/// one reused ``XMLStreamReader``. Elements never read (author, reference, grant and
/// comment/correction lists, history) are left out of the parse, so their content is not checked. A malformed record is reported as a `.failed` event naming the
/// file, the line and the PMID when known, and reading goes on with the next record. Memory is
/// bounded by the largest record (records above 64 MB are reported and skipped).
struct MedlineXMLReader: FormatReader {
    func read(_ source: ByteSource, options: IngestOptions, emit: (IngestEvent) -> Void) throws(IngestError) {
        let splitter = MedlineSplitter(source: source)
        let reader = try XMLStreamReader(file: source.name)
        var parser = MedlineRecordParser(file: source.name)
        var index = 0
        while let record = try splitter.next() {
            if record.oversized {
                let mib = splitter.maxRecordBytes >> 20
                emit(.failed(IngestError(
                    .malformedXML,
                    file: source.name,
                    line: record.line,
                    documentID: Self.scanPMID(record.bytes).map { "PMID:\($0)" },
                    documentIndex: index,
                    message: "record larger than \(mib) MB, skipped"
                )))
                index += 1
                continue
            }
            try reader.load(
                record.bytes, omitting: splitter.cuts, lineOffset: record.line - 1, encoding: splitter.encoding)
            do throws(IngestError) {
                try parser.parse(record.kind, reader: reader, line: record.line, index: &index, emit: emit)
            } catch {
                var error = error
                let pmid = parser.pmid ?? Self.scanPMID(record.bytes)
                if error.documentID == nil, let pmid { error.documentID = "PMID:\(pmid)" }
                error.documentIndex = index
                if !record.complete && error.code == .malformedXML {
                    let name = record.kind.name
                    error.message += " (the record has no </\(name)>)"
                }
                emit(.failed(error))
                index += 1
            }
        }
    }

    /// The PMID of a record found by a byte scan (for records whose parse failed before it).
    static func scanPMID(_ bytes: UnsafeRawBufferPointer) -> String? {
        guard let tag = MedlineSplitter.find("<PMID", in: bytes) else { return nil }
        var position = tag + 5
        while position < bytes.count, bytes[position] != UInt8(ascii: ">") { position += 1 }
        position += 1
        var digits: [UInt8] = []
        while position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39, digits.count < 12 {
            digits.append(bytes[position])
            position += 1
        }
        return digits.isEmpty ? nil : String(decoding: digits, as: UTF8.self)
    }
}

/// Parses one MEDLINE record from a reader loaded with it.
struct MedlineRecordParser {
    let file: String
    /// The PMID of the record being parsed, once read.
    private(set) var pmid: String?

    private var pmidVersion: String?
    private var articleTitle = ""
    private var bookTitle = ""
    private var vernacularTitle = ""
    private var abstractTexts: [(label: String?, category: String?, text: String)] = []
    private var journal: String?
    private var year: Int?
    private var elocationDOI: String?
    private var articleDOI: String?
    private var pmcid: String?
    private var otherPMC: String?
    private var mesh: [String] = []
    private var chemicals: [String] = []
    private var publicationTypes: [String] = []
    private var keywords: [String] = []
    private var languages: [String] = []
    /// The depth of the record's `MedlineCitation` or `BookDocument`, whose `PMID` child is the id.
    private var citationDepth = -1
    private var inJournal = false
    private var inBook = false

    init(file: String) {
        self.file = file
    }

    private mutating func reset() {
        self = MedlineRecordParser(file: file)
    }

    /// Parses the record and emits its events.
    mutating func parse(
        _ kind: MedlineSplitter.Kind,
        reader: XMLStreamReader,
        line: Int,
        index: inout Int,
        emit: (IngestEvent) -> Void
    ) throws(IngestError) {
        reset()
        if kind == .deletion {
            var deleted: [(String, Int)] = []
            while try reader.read() {
                if reader.isElement("PMID") {
                    let line = reader.lineNumber
                    let pmid = try reader.readFlattenedText()
                    if !pmid.isEmpty { deleted.append((pmid, line)) }
                }
            }
            for (pmid, line) in deleted {
                emit(.skipped(SkippedDocument(file: file, documentID: "PMID:\(pmid)", line: line, reason: "deleted")))
                index += 1
            }
            return
        }
        while try reader.read() {
            switch reader.kind {
            case .element: try element(reader)
            case .endElement:
                if reader.isLocalName("Journal") {
                    inJournal = false
                } else if reader.isLocalName("Book") {
                    inBook = false
                }
            default: continue
            }
        }
        emit(build(line: line, index: &index))
    }

    private mutating func element(_ reader: XMLStreamReader) throws(IngestError) {
        switch reader.localNameFirstByte {
        case UInt8(ascii: "A"):
            if reader.isLocalName("ArticleTitle") {
                if articleTitle.isEmpty { articleTitle = try reader.readFlattenedText() } else { try reader.skipSubtree() }
            } else if reader.isLocalName("Abstract") {
                if abstractTexts.isEmpty { try readAbstract(reader) } else { try reader.skipSubtree() }
            } else if reader.isLocalName("ArticleId") {
                let type = reader.attribute("IdType")
                if type == "doi" {
                    let doi = try reader.readFlattenedText()
                    if articleDOI == nil, !doi.isEmpty { articleDOI = doi }
                } else if type == "pmc" {
                    let id = try reader.readFlattenedText()
                    if pmcid == nil, !id.isEmpty { pmcid = id.hasPrefix("PMC") ? id : "PMC" + id }
                }
            } else if reader.isLocalName("AuthorList") {
                try reader.skipSubtree()
            }
        case UInt8(ascii: "B"):
            if reader.isLocalName("BookDocument") {
                citationDepth = reader.depth
            } else if reader.isLocalName("Book") {
                inBook = true
            } else if reader.isLocalName("BookTitle") {
                let title = try reader.readFlattenedText()
                if inBook, bookTitle.isEmpty { bookTitle = title }
            }
        case UInt8(ascii: "C"):
            if reader.isLocalName("CommentsCorrectionsList") {
                try reader.skipSubtree()
            }
        case UInt8(ascii: "D"):
            if reader.isLocalName("DescriptorName") {
                // Handled in MeshHeading.
            } else if reader.isLocalName("DataBankList") {
                try reader.skipSubtree()
            }
        case UInt8(ascii: "E"):
            if reader.isLocalName("ELocationID") {
                let isDOI = reader.attribute("EIdType") == "doi" && reader.attribute("ValidYN") != "N"
                if isDOI {
                    let doi = try reader.readFlattenedText()
                    if elocationDOI == nil, !doi.isEmpty { elocationDOI = doi }
                }
            }
        case UInt8(ascii: "G"):
            if reader.isLocalName("GrantList") || reader.isLocalName("GeneSymbolList") {
                try reader.skipSubtree()
            }
        case UInt8(ascii: "H"):
            if reader.isLocalName("History") { try reader.skipSubtree() }
        case UInt8(ascii: "I"):
            if reader.isLocalName("InvestigatorList") { try reader.skipSubtree() }
        case UInt8(ascii: "J"):
            if reader.isLocalName("Journal") { inJournal = true }
        case UInt8(ascii: "K"):
            if reader.isLocalName("Keyword") {
                let keyword = try reader.readFlattenedText()
                if !keyword.isEmpty { keywords.append(keyword) }
            }
        case UInt8(ascii: "L"):
            if reader.isLocalName("Language") {
                let language = try reader.readFlattenedText()
                if !language.isEmpty { languages.append(language) }
            }
        case UInt8(ascii: "M"):
            if reader.isLocalName("MeshHeading") {
                try readMeshHeading(reader)
            } else if reader.isLocalName("MedlineCitation") {
                if citationDepth < 0 { citationDepth = reader.depth }
            } else if reader.isLocalName("MedlineDate") {
                // Handled in PubDate.
            }
        case UInt8(ascii: "N"):
            if reader.isLocalName("NameOfSubstance") {
                let name = try reader.readFlattenedText()
                if !name.isEmpty { chemicals.append(name) }
            }
        case UInt8(ascii: "O"):
            if reader.isLocalName("OtherAbstract") {
                try reader.skipSubtree()
            } else if reader.isLocalName("OtherID") {
                if reader.attribute("Source") == "NLM" {
                    let id = try reader.readFlattenedText()
                    if otherPMC == nil, id.hasPrefix("PMC") {
                        otherPMC = String(id.prefix { !$0.isWhitespace })
                    }
                }
            }
        case UInt8(ascii: "P"):
            if reader.isLocalName("PMID") {
                if pmid == nil, reader.depth == citationDepth + 1 {
                    pmidVersion = reader.attribute("Version")
                    let text = try reader.readFlattenedText()
                    if !text.isEmpty { pmid = text }
                } else {
                    try reader.skipSubtree()
                }
            } else if reader.isLocalName("PubDate") {
                try readPubDate(reader)
            } else if reader.isLocalName("PublicationType") {
                let type = try reader.readFlattenedText()
                if !type.isEmpty { publicationTypes.append(type) }
            } else if reader.isLocalName("PersonalNameSubjectList") {
                try reader.skipSubtree()
            }
        case UInt8(ascii: "R"):
            if reader.isLocalName("ReferenceList") { try reader.skipSubtree() }
        case UInt8(ascii: "T"):
            if reader.isLocalName("Title"), inJournal {
                let title = try reader.readFlattenedText()
                if journal == nil, !title.isEmpty { journal = title }
            }
        case UInt8(ascii: "V"):
            if reader.isLocalName("VernacularTitle") {
                let title = try reader.readFlattenedText()
                if vernacularTitle.isEmpty { vernacularTitle = title }
            }
        default:
            return
        }
    }

    private mutating func readAbstract(_ reader: XMLStreamReader) throws(IngestError) {
        guard !reader.isEmptyElement else { return }
        let depth = reader.depth
        while try reader.read() {
            if reader.kind == .endElement && reader.depth == depth { return }
            guard reader.kind == .element else { continue }
            if reader.isLocalName("AbstractText") {
                let label = reader.attribute("Label")
                let category = reader.attribute("NlmCategory")
                let text = try reader.readFlattenedText()
                abstractTexts.append((label, category, text))
            } else {
                try reader.skipSubtree()
            }
        }
    }

    private mutating func readMeshHeading(_ reader: XMLStreamReader) throws(IngestError) {
        guard !reader.isEmptyElement else { return }
        let depth = reader.depth
        var descriptor = ""
        var major = false
        while try reader.read() {
            if reader.kind == .endElement && reader.depth == depth { break }
            guard reader.kind == .element else { continue }
            if reader.isLocalName("DescriptorName") {
                if reader.attribute("MajorTopicYN") == "Y" { major = true }
                descriptor = try reader.readFlattenedText()
            } else if reader.isLocalName("QualifierName") {
                if reader.attribute("MajorTopicYN") == "Y" { major = true }
                try reader.skipSubtree()
            }
        }
        if !descriptor.isEmpty { mesh.append(major ? "*" + descriptor : descriptor) }
    }

    private mutating func readPubDate(_ reader: XMLStreamReader) throws(IngestError) {
        guard !reader.isEmptyElement else { return }
        let depth = reader.depth
        // Only the journal issue's or the book's date, not the dates of other parts.
        let wanted = inJournal || inBook
        while try reader.read() {
            if reader.kind == .endElement && reader.depth == depth { return }
            guard reader.kind == .element, wanted, year == nil else { continue }
            if reader.isLocalName("Year") || reader.isLocalName("MedlineDate") {
                let text = try reader.readFlattenedText()
                year = Self.leadingYear(text)
            }
        }
    }

    /// The year at the start of a date string ("2007", "1998 Dec-1999 Jan").
    static func leadingYear(_ text: String) -> Int? {
        let digits = text.utf8.prefix(4)
        guard digits.count == 4, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int(String(decoding: digits, as: UTF8.self))
    }

    private func build(line: Int, index: inout Int) -> IngestEvent {
        defer { index += 1 }
        guard let pmid else {
            return .failed(IngestError(
                .invalidDocument,
                file: file,
                line: line,
                documentIndex: index,
                message: "record without a PMID"
            ))
        }
        let id = "PMID:\(pmid)"
        var title = articleTitle
        if title.isEmpty { title = bookTitle }
        if title.isEmpty { title = vernacularTitle }

        var passages: [Passage] = []
        var offset = 0
        func add(_ label: String, _ text: String, _ infons: [Infon] = []) {
            guard !text.isEmpty else { return }
            passages.append(Passage(label: label, text: text, offset: offset, infons: infons))
            offset += TextMeasure.scalarCount(text) + 1
        }
        add("title", title)
        let structured = abstractTexts.contains { $0.label != nil || $0.category != nil }
        if structured {
            for part in abstractTexts {
                var infons = [Infon("type", "abstract")]
                if let category = part.category { infons.append(Infon("nlm_category", category)) }
                let label = part.label.flatMap { $0.isEmpty ? nil : $0 } ?? part.category?.lowercased() ?? "abstract"
                add(label, part.text, infons)
            }
        } else {
            let text = abstractTexts.map(\.text).filter { !$0.isEmpty }.joined(separator: " ")
            add("abstract", text, [Infon("type", "abstract")])
        }
        guard !passages.isEmpty else {
            return .skipped(SkippedDocument(file: file, documentID: id, line: line, reason: "no_text"))
        }

        var metadata = Metadata()
        metadata.title = title.isEmpty ? nil : title
        metadata.journal = journal ?? (bookTitle.isEmpty ? nil : bookTitle)
        metadata.year = year
        metadata.doi = elocationDOI ?? articleDOI
        metadata.pmid = pmid
        metadata.pmcid = pmcid ?? otherPMC
        metadata.meshHeadings = mesh
        metadata.chemicals = chemicals
        metadata.publicationTypes = publicationTypes
        metadata.keywords = keywords
        if let pmidVersion { metadata.extra.append(Infon("pmid_version", pmidVersion)) }
        for language in languages { metadata.extra.append(Infon("language", language)) }

        return .document(Document(
            id: id,
            format: .medline,
            origin: Origin(file: file, index: index, line: line),
            metadata: metadata,
            passages: passages
        ))
    }
}
