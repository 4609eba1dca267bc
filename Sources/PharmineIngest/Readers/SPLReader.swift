import Foundation
import PharmineCore

/// Reads FDA drug labels: HL7 v3 Structured Product Labeling XML (`<document xmlns="urn:hl7-org:v3">`,
/// as on DailyMed and openFDA).
///
/// Streams the file with ``XMLStreamReader``; one label per file, one ``IngestEvent``.
///
/// **Id**: the set id (`<setId root>`), which stays the same across a label's versions; failing
/// that the document id (`<id root>`); failing that the file name without its extension.
///
/// **Metadata**: title (the document `<title>`, flattened; none when empty), journal (the labeler:
/// the first organisation name under `<author>`), year (from the document `<effectiveTime>`), and
/// in `extra`, in this order: `document_id`, `document_type_code` and `document_type` (the LOINC
/// document type, "HUMAN PRESCRIPTION DRUG LABEL"), `effective_time`, `version`, then one
/// `product` per distinct product name and one `generic_name` per distinct generic name of the
/// product data sections.
///
/// **Passages**: `title` (the document title, when not empty), then one passage per `<section>`
/// that has text, in document order; subsections are passages of their own, after their parent.
/// The label is `"<code> <title path>"`, e.g. `34067-9 INDICATIONS AND USAGE` or
/// `34073-7 DRUG INTERACTIONS / Strong Inhibitors of CYP 3A4`:
/// - the code is the section's LOINC code, except that a subsection coded 42229-5 (SPL
///   UNCLASSIFIED SECTION, which most subsections of a PLR label are) or not coded at all takes
///   the code of its nearest classified ancestor, so that the text of "7.1 Nitrates" is found
///   under Drug Interactions;
/// - the title path is the titles of the section and its ancestors, outermost first, joined by
///   `" / "`, with the numbering ("7.1", "12 ") taken off and untitled levels left out. A section
///   with no title anywhere above it uses its code's display name instead
///   (`34066-1 BOXED WARNING SECTION`); a section with neither code nor title is `section`.
///
/// Each passage keeps its own `code` and `code_name` (the display name) and `title` (as written,
/// numbering included) in its infons, with `section_code` (the code in the label) and `depth`
/// (1 for a top-level section). Unclassified sections and package labels are kept like any other.
///
/// **Text** of a section: its own `<text>` only (not its subsections'). Paragraphs, list items,
/// table rows and captions are separated by a line break (`\n`), table cells by `" | "`; inline
/// markup (`content`, `linkHtml`, `sub`, `sup`) adds nothing; runs of white space (and no-break
/// spaces) become one space. A footnote is written as a line of its own after the paragraph, list
/// or table that holds it. Left out: the Highlights excerpts (`<excerpt>`, which repeat the full text), images
/// (`renderMultiMedia` keeps only its caption), the product data elements (no text), and tables
/// when ``includeTables`` is false.
package struct SPLReader: FormatReader {
    /// Whether table rows are part of a section's text (they often hold prose: interacting drugs
    /// and what to do about them).
    package var includeTables: Bool

    /// Creates the reader.
    ///
    /// - Parameter includeTables: Whether table text is kept.
    package init(includeTables: Bool = true) {
        self.includeTables = includeTables
    }

    /// Takes a leading section number ("7.1", "12", "2.3.") off a section title, when a
    /// capitalised word follows it ("25 mg tablets" keeps its number).
    ///
    /// - Parameter title: The flattened title.
    /// - Returns: The title without its number.
    static func strippingSectionNumber(_ title: String) -> String {
        let scalars = Array(title.unicodeScalars)
        var index = 0
        var sawDigit = false
        while index < scalars.count, scalars[index].properties.numericType != nil || scalars[index] == "." {
            if scalars[index] != "." { sawDigit = true }
            index += 1
        }
        guard sawDigit, index < scalars.count, scalars[index] == " " else { return title }
        while index < scalars.count, scalars[index] == " " { index += 1 }
        guard index < scalars.count, scalars[index].properties.isUppercase else { return title }
        var rest = String.UnicodeScalarView()
        rest.append(contentsOf: scalars[index...])
        return String(rest)
    }

    /// Reads the label of a source.
    ///
    /// - Parameters:
    ///   - source: The opened input.
    ///   - options: The ingest options (unused).
    ///   - emit: Called once: the document, or `skipped` (`no_text`) for a label with no text.
    /// - Throws: ``IngestError``: `malformed_xml` (with file and line) for XML that is not
    ///   well-formed, `invalid_document` for a file with no `<document>` root.
    package func read(_ source: ByteSource, options: IngestOptions, emit: (IngestEvent) -> Void) throws(IngestError) {
        let xml = try XMLStreamReader(source: source)
        var found = false
        while try xml.read() {
            guard xml.kind == .element else { continue }
            guard xml.depth == 0, xml.isLocalName("document") else {
                throw IngestError(
                    .invalidDocument, file: source.name, line: xml.lineNumber,
                    message: "expected an SPL <document> root, found <\(xml.localName)>")
            }
            let label = SPLLabel(file: source.name, line: xml.lineNumber, includeTables: includeTables)
            do throws(IngestError) {
                try label.read(xml)
            } catch {
                var error = error
                error.documentIndex = 0
                error.documentID = error.documentID ?? label.id
                throw error
            }
            emit(label.event())
            found = true
        }
        if !found {
            throw IngestError(.invalidDocument, file: source.name, message: "no SPL <document> element found")
        }
    }
}

/// One label being read.
private final class SPLLabel {
    let file: String
    let line: Int
    let includeTables: Bool
    var metadata = Metadata()
    var title = ""
    var setID: String?
    var documentID: String?
    var documentType: (code: String?, name: String?) = (nil, nil)
    var effectiveTime: String?
    var version: String?
    var products: [String] = []
    var genericNames: [String] = []
    var passages = PassageAccumulator()
    var titleAdded = false

    /// What a section passes down to its subsections.
    struct Context {
        /// The code shown in labels (own code unless unclassified or absent).
        var labelCode: String?
        /// The display name that goes with ``labelCode``.
        var labelCodeName: String?
        /// The titles above, numbering taken off.
        var path: [String]
        /// 1 for a top-level section.
        var depth: Int
    }

    /// The LOINC code of SPL UNCLASSIFIED SECTION.
    static let unclassified = "42229-5"

    init(file: String, line: Int, includeTables: Bool) {
        self.file = file
        self.line = line
        self.includeTables = includeTables
    }

    /// The document id, once known.
    var id: String? { setID ?? documentID }

    // MARK: - Walking

    func read(_ xml: XMLStreamReader) throws(IngestError) {
        try xml.forEachChildElement { name throws(IngestError) in
            switch name {
            case "id": documentID = nonEmpty(xml.attribute("root"))
            case "setId": setID = nonEmpty(xml.attribute("root"))
            case "code": documentType = (nonEmpty(xml.attribute("code")), nonEmpty(xml.attribute("displayName")))
            case "title": title = try xml.collectText(role: Self.titleRole)
            case "effectiveTime": effectiveTime = nonEmpty(xml.attribute("value"))
            case "versionNumber": version = nonEmpty(xml.attribute("value"))
            case "author": try readAuthor(xml)
            case "component": try readComponent(xml, parent: Context(path: [], depth: 0))
            default: try xml.skipSubtree()
            }
        }
    }

    /// The labeler: the first `<name>` under the author's organisation.
    private func readAuthor(_ xml: XMLStreamReader) throws(IngestError) {
        try xml.forEachChildElement { name throws(IngestError) in
            if name == "name" {
                let labeler = try xml.collectText(role: Self.titleRole)
                if metadata.journal == nil, !labeler.isEmpty { metadata.journal = labeler }
            } else if metadata.journal == nil {
                try readAuthor(xml)
            } else {
                try xml.skipSubtree()
            }
        }
    }

    /// A `<component>` or `<structuredBody>`: finds the sections inside.
    private func readComponent(_ xml: XMLStreamReader, parent: Context) throws(IngestError) {
        try xml.forEachChildElement { name throws(IngestError) in
            switch name {
            case "section": try readSection(xml, parent: parent)
            case "structuredBody", "component": try readComponent(xml, parent: parent)
            default: try xml.skipSubtree()  // observationMedia, nonXMLBody
            }
        }
    }

    private func readSection(_ xml: XMLStreamReader, parent: Context) throws(IngestError) {
        addTitlePassage()
        var code: String?
        var codeName: String?
        var sectionTitle = ""
        var text = ""
        var emitted = false
        var context = parent
        context.depth += 1

        func emit() {
            guard !emitted else { return }
            emitted = true
            // Establish this level's label code and path, for the passage and the subsections.
            if let code, code != Self.unclassified || parent.labelCode == nil {
                context.labelCode = code
                context.labelCodeName = codeName
            }
            let stripped = SPLReader.strippingSectionNumber(sectionTitle)
            if !stripped.isEmpty { context.path.append(stripped) }
            guard !text.isEmpty else { return }
            var label: String
            if !context.path.isEmpty {
                label = context.path.joined(separator: " / ")
            } else {
                label = context.labelCodeName ?? ""
            }
            if let labelCode = context.labelCode { label = label.isEmpty ? labelCode : labelCode + " " + label }
            if label.isEmpty { label = "section" }
            var infons: [Infon] = []
            if let code { infons.append(Infon("code", code)) }
            if let codeName { infons.append(Infon("code_name", codeName)) }
            if !sectionTitle.isEmpty { infons.append(Infon("title", sectionTitle)) }
            if let labelCode = context.labelCode { infons.append(Infon("section_code", labelCode)) }
            infons.append(Infon("depth", String(context.depth)))
            passages.add(label: label, text: text, infons: infons)
        }

        try xml.forEachChildElement { name throws(IngestError) in
            switch name {
            case "code":
                code = nonEmpty(xml.attribute("code"))
                codeName = nonEmpty(xml.attribute("displayName"))
            case "title":
                sectionTitle = try xml.collectText(role: Self.titleRole)
            case "text":
                let includeTables = includeTables
                text = try xml.collectText { reader, name, ancestors in
                    Self.textRole(name, ancestors, includeTables: includeTables)
                }
            case "subject":
                try readProducts(xml, parent: "subject")
            case "component":
                emit()
                try readComponent(xml, parent: context)
            default:
                try xml.skipSubtree()  // id, effectiveTime, excerpt (Highlights)
            }
        }
        emit()
    }

    /// Product and generic names of a product data section.
    private func readProducts(_ xml: XMLStreamReader, parent: String) throws(IngestError) {
        try xml.forEachChildElement { name throws(IngestError) in
            switch name {
            case "name" where parent == "manufacturedProduct" || parent == "manufacturedMedicine":
                let product = try xml.collectText(role: Self.titleRole)
                if !product.isEmpty, !products.contains(product) { products.append(product) }
            case "name" where parent == "genericMedicine":
                let generic = try xml.collectText(role: Self.titleRole)
                if !generic.isEmpty, !genericNames.contains(generic) { genericNames.append(generic) }
            case "manufacturedProduct", "manufacturedMedicine", "asEntityWithGeneric", "genericMedicine":
                try readProducts(xml, parent: name)
            default:
                try xml.skipSubtree()
            }
        }
    }

    /// The title passage goes first, once, whether or not there are sections.
    private func addTitlePassage() {
        guard !titleAdded else { return }
        titleAdded = true
        passages.add(label: "title", text: title)
    }

    private func nonEmpty(_ value: String?) -> String? {
        guard let value else { return nil }
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    // MARK: - Result

    func event() -> IngestEvent {
        addTitlePassage()
        let id: String
        if let found = self.id {
            id = found
        } else {
            id = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        }
        var metadata = self.metadata
        if !title.isEmpty { metadata.title = title }
        if let effectiveTime, let year = Int(effectiveTime.prefix(4)), effectiveTime.count >= 4 { metadata.year = year }
        var extra: [Infon] = []
        if let documentID { extra.append(Infon("document_id", documentID)) }
        if let code = documentType.code { extra.append(Infon("document_type_code", code)) }
        if let name = documentType.name { extra.append(Infon("document_type", name)) }
        if let effectiveTime { extra.append(Infon("effective_time", effectiveTime)) }
        if let version { extra.append(Infon("version", version)) }
        extra += products.map { Infon("product", $0) }
        extra += genericNames.map { Infon("generic_name", $0) }
        metadata.extra = extra
        if passages.passages.isEmpty {
            return .skipped(SkippedDocument(file: file, documentID: id, line: line, reason: "no_text"))
        }
        var document = Document(
            id: id, format: .spl, origin: Origin(file: file, index: 0, line: line), metadata: metadata)
        document.passages = passages.passages
        return .document(document)
    }

    // MARK: - Text

    /// Roles in titles and names: all inline but line breaks and paragraphs, which become a space.
    static func titleRole(_ xml: XMLStreamReader, _ name: String, _ ancestors: [String]) -> TextRole {
        switch name {
        case "br", "paragraph", "item", "caption", "suffix", "prefix": .block(.space)
        case "footnote", "footnoteRef", "renderMultiMedia": .skip(.none)
        default: .inline
        }
    }

    /// Roles in a section's `<text>`.
    static func textRole(_ name: String, _ ancestors: [String], includeTables: Bool) -> TextRole {
        switch name {
        case "content", "linkHtml", "sub", "sup", "i", "b", "u", "span", "a": .inline
        case "br": ancestors.contains("table") ? .block(.space) : .block(.line)
        case "td", "th": .block(.cell)
        case "table": includeTables ? .block(.line) : .skip(.line)
        case "footnote": .detached
        case "footnoteRef", "col", "colgroup": .skip(.none)
        case "paragraph", "list", "item", "caption", "tr", "thead", "tbody", "tfoot", "renderMultiMedia":
            .block(.line)
        default: .block(.space)
        }
    }
}
