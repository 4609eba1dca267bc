import PharmineCore
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An error reading a gold corpus: the file and what is wrong.
public struct EvaluationError: Error, Sendable, CustomStringConvertible {
    /// The file.
    public var file: String
    /// The line, when known.
    public var line: Int?
    /// What is wrong.
    public var message: String

    /// Creates an error.
    public init(file: String, line: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        "\(file)\(line.map { ":\($0)" } ?? ""): \(message)"
    }
}

extension GoldCorpus {
    // MARK: - DDI 2013

    /// Reads a DDI 2013 folder (`*.xml`, searched recursively): each sentence becomes a passage,
    /// entities gold annotations, `ddi="true"` pairs gold interactions with their DDI type as kind.
    ///
    /// - Parameters:
    ///   - name: The corpus name.
    ///   - directory: The folder.
    /// - Returns: The corpus.
    /// - Throws: ``EvaluationError`` for a file that is not DDI XML.
    public static func ddi(name: String, directory: String) throws -> GoldCorpus {
        let files = try xmlFiles(under: directory)
        var documents: [Document] = []
        var relations: [GoldRelation] = []
        for (index, file) in files.enumerated() {
            let parsed = try DDIFile.parse(path: file, index: index)
            documents.append(parsed.document)
            relations.append(contentsOf: parsed.relations)
        }
        return GoldCorpus(
            name: name,
            kind: .ddi,
            documents: documents,
            level: .mention,
            relations: relations,
            entityTypes: standardEntityTypes
        )
    }

    private static func xmlFiles(under directory: String) throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else {
            throw EvaluationError(file: directory, message: "cannot list the folder")
        }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".xml") else { continue }
            files.append((directory as NSString).appendingPathComponent(relative))
        }
        return files.sorted()
    }

    // MARK: - DrugProt

    /// Reads DrugProt's abstracts, entities and relations TSV files.
    ///
    /// Entity offsets count into `title + "\t" + abstract`; they become passage-local. Relations
    /// whose type maps to a mechanism (agonist, antagonist, inhibitor, activator, direct regulator)
    /// are gold mechanisms with a coarse kind; the others are left out.
    ///
    /// - Parameters:
    ///   - name: The corpus name.
    ///   - abstracts: The abstracts file (`PMID<TAB>title<TAB>abstract`).
    ///   - entities: The entities file.
    ///   - relations: The relations file.
    /// - Returns: The corpus.
    /// - Throws: ``EvaluationError`` for a malformed line.
    public static func drugProt(name: String, abstracts: String, entities: String, relations: String) throws
        -> GoldCorpus
    {
        var documents: [Document] = []
        var indexOfPMID: [String: Int] = [:]
        for (lineNumber, line) in try lines(of: abstracts).enumerated() where !line.isEmpty {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 3 else {
                throw EvaluationError(file: abstracts, line: lineNumber + 1, message: "expected PMID, title, abstract")
            }
            var document = Document(
                id: "PMID:\(fields[0])",
                format: .pubtator,
                origin: Origin(file: abstracts, index: documents.count, line: lineNumber + 1)
            )
            document.passages = [
                Passage(label: "title", text: fields[1], offset: 0),
                Passage(label: "abstract", text: fields[2], offset: fields[1].unicodeScalars.count + 1),
            ]
            indexOfPMID[fields[0]] = documents.count
            documents.append(document)
        }
        for (lineNumber, line) in try lines(of: entities).enumerated() where !line.isEmpty {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 6, let start = Int(fields[3]), let end = Int(fields[4]) else {
                throw EvaluationError(file: entities, line: lineNumber + 1, message: "expected PMID, id, type, start, end, text")
            }
            guard let index = indexOfPMID[fields[0]] else { continue }
            let titleLength = documents[index].passages[0].text.unicodeScalars.count
            let passage = start > titleLength ? 1 : 0
            let shift = passage == 1 ? titleLength + 1 : 0
            documents[index].annotations.append(
                Annotation(
                    id: fields[1],
                    type: fields[2],
                    text: fields[5],
                    passage: passage,
                    start: start - shift,
                    end: end - shift,
                    identifiers: []
                )
            )
        }
        var gold: [GoldRelation] = []
        for (lineNumber, line) in try lines(of: relations).enumerated() where !line.isEmpty {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 4 else {
                throw EvaluationError(file: relations, line: lineNumber + 1, message: "expected PMID, type, Arg1, Arg2")
            }
            guard indexOfPMID[fields[0]] != nil, let kind = drugProtKinds[fields[1]] else { continue }
            let first = String(fields[2].drop { $0 != ":" }.dropFirst())
            let second = String(fields[3].drop { $0 != ":" }.dropFirst())
            gold.append(
                GoldRelation(document: "PMID:\(fields[0])", predicate: .mechanism, subject: first, object: second, kind: kind)
            )
        }
        return GoldCorpus(
            name: name,
            kind: .drugprot,
            documents: documents,
            level: .mention,
            relations: gold,
            entityTypes: standardEntityTypes
        )
    }

    /// DrugProt relation types that are drug→target mechanisms, with their coarse kind.
    public static let drugProtKinds: [String: String] = [
        "AGONIST": "agonist", "AGONIST-ACTIVATOR": "agonist", "AGONIST-INHIBITOR": "antagonist",
        "ANTAGONIST": "antagonist", "INHIBITOR": "inhibitor", "ACTIVATOR": "activator",
        "DIRECT-REGULATOR": "regulator",
    ]

    // MARK: - SemRep gold standard

    /// Reads the SemRep gold standard: each sentence becomes a one-passage document; TREATS and
    /// PREVENTS between a drug and a condition become gold indications, INHIBITS, STIMULATES and
    /// INTERACTS_WITH between a drug and a protein gold mechanisms. The inferred and hypernymic
    /// forms, `TREATS(INFER)` and `TREATS(SPEC)`, count as well: they name the drug itself where the
    /// plain predication's subject is a preparation or regimen of it ("butyrate enemas"). Arguments
    /// are located by their offsets and text in the sentence.
    ///
    /// - Parameters:
    ///   - name: The corpus name.
    ///   - file: The `gs_500_reconciled` file.
    /// - Returns: The corpus.
    /// - Throws: ``EvaluationError`` for a file that cannot be read.
    public static func semRep(name: String, file: String) throws -> GoldCorpus {
        var documents: [Document] = []
        var indexOfSentence: [String: Int] = [:]
        var relations: [GoldRelation] = []
        for line in try lines(of: file) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("-----") else { continue }
            let fields = trimmed.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            if fields.count >= 22, fields[1] == "relation" {
                guard let index = indexOfSentence[fields[0]] else { continue }
                let predicate = fields[8]
                let subjectType = fields[5]
                let objectType = fields[12]
                let mapped: PharmineCore.Predicate?
                let base = predicate.replacingOccurrences(of: "(INFER)", with: "").replacingOccurrences(of: "(SPEC)", with: "")
                switch base {
                case "TREATS", "PREVENTS":
                    mapped = semRepDrugTypes.contains(subjectType) && semRepConditionTypes.contains(objectType) ? .indication : nil
                case "INHIBITS", "STIMULATES", "INTERACTS_WITH":
                    mapped = semRepDrugTypes.contains(subjectType) && semRepTargetTypes.contains(objectType) ? .mechanism : nil
                default:
                    mapped = nil
                }
                guard let mapped, let subjectStart = Int(fields[20]), let objectStart = Int(fields[21]) else { continue }
                let subject = addSemRepArgument(
                    to: &documents[index], text: fields[17], start: subjectStart, type: mapped == .indication || mapped == .mechanism ? "drug" : "")
                let object = addSemRepArgument(
                    to: &documents[index], text: fields[18], start: objectStart, type: mapped == .indication ? "Disease" : "GENE")
                relations.append(
                    GoldRelation(document: documents[index].id, predicate: mapped, subject: subject, object: object, kind: predicate)
                )
                continue
            }
            // A sentence line: "PMID.ti.1 text".
            guard let space = trimmed.firstIndex(of: " ") else { continue }
            let id = String(trimmed[..<space])
            let parts = id.split(separator: ".")
            guard parts.count == 3, parts[0].allSatisfy(\.isNumber), parts[1] == "ti" || parts[1] == "ab",
                parts[2].allSatisfy(\.isNumber), indexOfSentence[id] == nil
            else { continue }
            let text = String(trimmed[trimmed.index(after: space)...])
            var document = Document(id: id, format: .text, origin: Origin(file: file, index: documents.count))
            document.passages = [Passage(label: "sentence", text: text)]
            indexOfSentence[id] = documents.count
            documents.append(document)
        }
        return GoldCorpus(
            name: name,
            kind: .semrep,
            documents: documents,
            level: .mention,
            relations: relations,
            entityTypes: ["drug": .drug, "Disease": .condition, "GENE": .receptor]
        )
    }

    /// UMLS semantic types of drug subjects.
    static let semRepDrugTypes: Set<String> = [
        "phsu", "orch", "antb", "hops", "horm", "inch", "vita", "clnd", "nnon", "bacs", "aapp", "imft", "strd", "carb", "lipd", "opco",
    ]
    /// UMLS semantic types of condition objects.
    static let semRepConditionTypes: Set<String> = [
        "dsyn", "sosy", "neop", "mobd", "patf", "inpo", "acab", "cgab", "anab", "fndg", "comd", "emod", "virs", "bact",
    ]
    /// UMLS semantic types of target objects.
    static let semRepTargetTypes: Set<String> = ["aapp", "gngm", "rcpt", "enzy", "bacs", "imft"]

    /// Adds (or finds) the gold annotation of a SemRep argument and returns its id.
    private static func addSemRepArgument(to document: inout Document, text: String, start: Int, type: String) -> String {
        let end = start + text.unicodeScalars.count
        if let existing = document.annotations.first(where: { $0.start == start && $0.end == end && $0.type == type }) {
            return existing.id
        }
        let id = "A\(document.annotations.count)"
        document.annotations.append(
            Annotation(id: id, type: type, text: text, passage: 0, start: start, end: end, identifiers: [])
        )
        return id
    }

    // MARK: - Helpers

    private static func lines(of path: String) throws -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw EvaluationError(file: path, message: "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw EvaluationError(file: path, message: "the file is not UTF-8")
        }
        // "\r\n" is one Character in Swift, and a newline.
        return text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
    }
}

/// A parsed DDI 2013 document.
private final class DDIFile: NSObject, XMLParserDelegate {
    let path: String
    var document: Document
    var relations: [GoldRelation] = []
    var error: String?

    init(path: String, index: Int) {
        self.path = path
        self.document = Document(id: "", format: .text, origin: Origin(file: path, index: index))
    }

    static func parse(path: String, index: Int) throws -> (document: Document, relations: [GoldRelation]) {
        guard let parser = XMLParser(contentsOf: URL(fileURLWithPath: path)) else {
            throw EvaluationError(file: path, message: "cannot read the file")
        }
        let delegate = DDIFile(path: path, index: index)
        parser.delegate = delegate
        guard parser.parse(), delegate.error == nil else {
            throw EvaluationError(
                file: path,
                line: parser.lineNumber,
                message: delegate.error ?? parser.parserError?.localizedDescription ?? "malformed XML"
            )
        }
        return (delegate.document, delegate.relations)
    }

    func parser(
        _ parser: XMLParser,
        didStartElement elementName: String,
        namespaceURI: String?,
        qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch elementName {
        case "document":
            document.id = attributes["id"] ?? ""
        case "sentence":
            document.passages.append(Passage(label: "sentence", text: attributes["text"] ?? ""))
            document.passages[document.passages.count - 1].infons = [Infon("id", attributes["id"] ?? "")]
        case "entity":
            guard let id = attributes["id"], let type = attributes["type"], let offsets = attributes["charOffset"] else {
                error = "an entity lacks id, type or charOffset"
                return
            }
            // "a-b" or "a-b;c-d" (discontinuous): score the first and last character's span.
            let ranges = offsets.split(separator: ";").compactMap { part -> (Int, Int)? in
                let bounds = part.split(separator: "-").compactMap { Int($0) }
                return bounds.count == 2 ? (bounds[0], bounds[1] + 1) : nil
            }
            guard let first = ranges.first, let last = ranges.last else {
                error = "bad charOffset \(offsets)"
                return
            }
            document.annotations.append(
                Annotation(
                    id: id,
                    type: type,
                    text: attributes["text"] ?? "",
                    passage: document.passages.count - 1,
                    start: first.0,
                    end: ranges.count == 1 ? first.1 : last.1,
                    identifiers: []
                )
            )
        case "pair":
            guard attributes["ddi"] == "true", let first = attributes["e1"], let second = attributes["e2"] else { return }
            relations.append(
                GoldRelation(document: document.id, predicate: .interaction, subject: first, object: second, kind: attributes["type"] ?? "int")
            )
        default:
            break
        }
    }
}
