public import PharmineCore

/// Aggregates triples over a whole run into one row per distinct fact.
///
/// A fact is (subject id, predicate, qualifier, object id); negated statements count against it
/// in the same row. Memory is bounded per fact: counts, the set of rules that fired (a small
/// closed set), the first ``exampleLimit`` document ids and the first ``publicationLimit``
/// publication CURIEs of each polarity.
///
/// Feed documents in input order with ``add(_:)`` (each document once); the rows and the files
/// written from them are then the same for any thread count.
///
/// `evidence.tsv` columns, tab-separated, with a header line:
///
/// | column | meaning |
/// | --- | --- |
/// | `subject_id`, `subject_name` | the subject concept and its preferred name |
/// | `predicate`, `qualifier` | as in the triple records (`qualifier` empty when none) |
/// | `object_id`, `object_name` | the object concept |
/// | `documents`, `sentences` | distinct documents and sentences stating it (either polarity) |
/// | `positive`, `negated`, `hedged` | triple records not negated, negated, and hedged |
/// | `max_confidence` | the highest confidence of any record |
/// | `known` | `true` if a curated source lists the fact, `false` if checked and not, empty if unchecked |
/// | `rules` | the rules that fired, sorted, joined by `,` |
/// | `examples` | the first 5 document ids in input order, joined by `,` |
///
/// Rows are sorted by predicate (indication, mechanism, interaction), then by documents
/// (descending), sentences (descending), subject id, qualifier and object id. Tabs and line
/// breaks inside a field become spaces.
public struct EvidenceTable: Sendable {
    /// The identity of a fact.
    public struct Key: Sendable, Hashable {
        /// The subject's concept id.
        public var subject: String
        /// The predicate.
        public var predicate: Predicate
        /// The qualifier, or the empty string.
        public var qualifier: String
        /// The object's concept id.
        public var object: String

        /// Creates a key.
        public init(subject: String, predicate: Predicate, qualifier: String, object: String) {
            self.subject = subject
            self.predicate = predicate
            self.qualifier = qualifier
            self.object = object
        }
    }

    /// An entity of a fact, as a KGX node needs it (its preferred name is the first one seen).
    public typealias Entity = Concept

    /// Support for a fact from statements of one polarity.
    public struct Support: Sendable, Hashable {
        /// Distinct documents.
        public var documents = 0
        /// Distinct (document, sentence) pairs.
        public var sentences = 0
        /// Triple records.
        public var records = 0
        /// Hedged triple records.
        public var hedged = 0
        /// The first publication CURIEs (`PMID:…`, `PMCID:PMC…`), in input order.
        public var publications: [String] = []
    }

    /// One row: a fact and its evidence.
    public struct Row: Sendable, Hashable {
        /// The fact.
        public var key: Key
        /// The subject.
        public var subject: Entity
        /// The object.
        public var object: Entity
        /// Distinct documents stating the fact, either polarity.
        public var documents = 0
        /// Distinct sentences stating the fact, either polarity.
        public var sentences = 0
        /// Support from statements that are not negated.
        public var positive = Support()
        /// Support from negated statements.
        public var negated = Support()
        /// The highest confidence seen.
        public var maxConfidence = 0.0
        /// Whether a curated source lists the fact: true if any record says so, false if records
        /// were checked and none says so, nil if unchecked.
        public var known: Bool?
        /// The rules that fired.
        public var rules: Set<String> = []
        /// The first document ids, in input order.
        public var examples: [String] = []
    }

    /// How many example document ids a row keeps.
    public static let exampleLimit = 5
    /// How many publications a row keeps per polarity.
    public static let publicationLimit = 50

    private var rows: [Key: Row] = [:]

    /// Creates an empty table.
    public init() {}

    /// The number of distinct facts so far.
    public var count: Int { rows.count }

    /// Adds the triples of one document.
    ///
    /// - Parameter document: The document, with its `triples` layer.
    public mutating func add(_ document: Document) {
        add(documentID: document.id, triples: document.triples)
    }

    /// Adds the triples of one document.
    ///
    /// - Parameters:
    ///   - documentID: The document id.
    ///   - triples: Its triples.
    public mutating func add(documentID: String, triples: [Triple]) {
        guard !triples.isEmpty else { return }
        // Distinct sentences per fact and polarity within this document.
        var local: [Key: (all: Set<Int>, positive: Set<Int>, negated: Set<Int>)] = [:]
        for triple in triples {
            let key = Key(
                subject: triple.subject.id,
                predicate: triple.predicate,
                qualifier: triple.qualifier ?? "",
                object: triple.object.id
            )
            var row =
                rows[key]
                ?? Row(key: key, subject: Self.entity(triple.subject), object: Self.entity(triple.object))
            if triple.negated {
                row.negated.records += 1
                if triple.hedged { row.negated.hedged += 1 }
            } else {
                row.positive.records += 1
                if triple.hedged { row.positive.hedged += 1 }
            }
            row.maxConfidence = max(row.maxConfidence, RecordEncoder.clampConfidence(triple.confidence))
            switch (row.known, triple.known) {
            case (_, true?): row.known = true
            case (nil, false?): row.known = false
            default: break
            }
            row.rules.insert(triple.rule)
            rows[key] = row
            var sentences = local[key] ?? ([], [], [])
            sentences.all.insert(triple.sentence)
            if triple.negated {
                sentences.negated.insert(triple.sentence)
            } else {
                sentences.positive.insert(triple.sentence)
            }
            local[key] = sentences
        }
        let publication = Self.publication(documentID)
        for (key, sentences) in local {
            guard var row = rows[key] else { continue }
            row.documents += 1
            row.sentences += sentences.all.count
            if row.examples.count < Self.exampleLimit { row.examples.append(documentID) }
            if !sentences.positive.isEmpty {
                Self.count(&row.positive, sentences: sentences.positive.count, publication: publication)
            }
            if !sentences.negated.isEmpty {
                Self.count(&row.negated, sentences: sentences.negated.count, publication: publication)
            }
            rows[key] = row
        }
    }

    private static func count(_ support: inout Support, sentences: Int, publication: String?) {
        support.documents += 1
        support.sentences += sentences
        if let publication, support.publications.count < publicationLimit {
            support.publications.append(publication)
        }
    }

    private static func entity(_ mention: Mention) -> Entity {
        Entity(id: mention.id, name: mention.name, type: mention.type, isClass: mention.isClass)
    }

    /// The publication CURIE of a document id: `PMID:…` as is, `PMC…` as `PMCID:PMC…`, else nil.
    static func publication(_ documentID: String) -> String? {
        if documentID.hasPrefix("PMID:") { return documentID }
        if documentID.hasPrefix("PMC"), documentID.dropFirst(3).allSatisfy(\.isNumber), documentID.count > 3 {
            return "PMCID:" + documentID
        }
        return nil
    }

    /// The rows in their documented order.
    public var sortedRows: [Row] {
        rows.values.sorted { a, b in
            let pa = Predicate.allCases.firstIndex(of: a.key.predicate) ?? 0
            let pb = Predicate.allCases.firstIndex(of: b.key.predicate) ?? 0
            if pa != pb { return pa < pb }
            if a.documents != b.documents { return a.documents > b.documents }
            if a.sentences != b.sentences { return a.sentences > b.sentences }
            if a.key.subject != b.key.subject {
                return a.key.subject.utf8.lexicographicallyPrecedes(b.key.subject.utf8)
            }
            if a.key.qualifier != b.key.qualifier {
                return a.key.qualifier.utf8.lexicographicallyPrecedes(b.key.qualifier.utf8)
            }
            return a.key.object.utf8.lexicographicallyPrecedes(b.key.object.utf8)
        }
    }

    /// The header line of `evidence.tsv`.
    public static let header = [
        "subject_id", "subject_name", "predicate", "qualifier", "object_id", "object_name", "documents",
        "sentences", "positive", "negated", "hedged", "max_confidence", "known", "rules", "examples",
    ]

    /// Writes `evidence.tsv`: the header and one line per row.
    ///
    /// - Parameter file: The file to write to.
    /// - Throws: ``OutputError`` from the file.
    public func write(to file: OutputFile) throws(OutputError) {
        try file.write(TSV.line(Self.header))
        for row in sortedRows {
            let known = row.known.map { $0 ? "true" : "false" } ?? ""
            try file.write(
                TSV.line([
                    row.subject.id, row.subject.name, row.key.predicate.rawValue, row.key.qualifier,
                    row.object.id, row.object.name, String(row.documents), String(row.sentences),
                    String(row.positive.records), String(row.negated.records),
                    String(row.positive.hedged + row.negated.hedged), TSV.decimal(row.maxConfidence), known,
                    row.rules.sorted().joined(separator: ","), row.examples.joined(separator: ","),
                ])
            )
        }
    }
}

/// Helpers for tab-separated output.
enum TSV {
    /// One line: fields cleaned of tabs and line breaks, joined by tabs, ending with a line feed.
    static func line(_ fields: [String]) -> [UInt8] {
        var bytes: [UInt8] = []
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(0x09) }
            for byte in field.utf8 {
                bytes.append(byte == 0x09 || byte == 0x0A || byte == 0x0D ? 0x20 : byte)
            }
        }
        bytes.append(0x0A)
        return bytes
    }

    /// A number as the JSON writer prints it (at most 3 decimals, no exponent).
    static func decimal(_ value: Double) -> String {
        var json = JSONWriter(capacity: 16)
        json.double(value)
        return String(decoding: json.bytes, as: UTF8.self)
    }
}
