public import PharmineCore

/// Writes the evidence table as a Biolink KGX TSV pair that knowledge-graph tools load
/// (`kgx transform --input-format tsv`, Neo4j and RDF loaders built on KGX).
///
/// `nodes.tsv` columns: `id`, `category`, `name`; one line per concept that is the subject or
/// object of an edge, sorted by id. Categories:
///
/// | Pharmine type | category |
/// | --- | --- |
/// | `drug` | `biolink:Drug` (a drug class: `biolink:ChemicalEntity`) |
/// | `condition` | `biolink:DiseaseOrPhenotypicFeature` (conditions include symptoms) |
/// | `receptor` | `biolink:Protein` (a family of targets: `biolink:GeneFamily`) |
///
/// `edges.tsv` columns: `id`, `subject`, `predicate`, `object`, `negated`, `qualified_predicate`,
/// `object_aspect_qualifier`, `object_direction_qualifier`, `pharmine_predicate`,
/// `pharmine_qualifier`, `publications`, `knowledge_level`, `agent_type`,
/// `primary_knowledge_source`, `supporting_documents`, `supporting_sentences`, `max_confidence`,
/// `pharmine_rules`. One edge per fact of the evidence table and polarity: the positive
/// statements give an edge with `negated` false, the negated ones (if any) a second edge with
/// `negated` true. Multi-valued fields are joined by `|`. Edges keep the evidence table's order.
///
/// Predicate mapping:
///
/// | Pharmine | Biolink |
/// | --- | --- |
/// | `indication` with qualifier `prophylaxis` | `biolink:preventative_for_condition` |
/// | `indication`, other or no qualifier | `biolink:treats` |
/// | `mechanism`, `agonist`, `partial_agonist`, `activator`, `inducer`, `positive_modulator` | `biolink:affects`, qualified: `biolink:causes` activity `increased` |
/// | `mechanism`, `antagonist`, `inverse_agonist`, `inhibitor`, `reuptake_inhibitor`, `blocker`, `negative_modulator` | `biolink:affects`, qualified: `biolink:causes` activity `decreased` |
/// | `mechanism`, other or no qualifier | `biolink:affects` (aspect `activity` when a qualifier is given) |
/// | `interaction` | `biolink:interacts_with` |
///
/// The original predicate and qualifier are kept in `pharmine_predicate` and
/// `pharmine_qualifier`. Every edge has `knowledge_level` `knowledge_assertion`, `agent_type`
/// `text_mining_agent` and `primary_knowledge_source` `infores:pharmine`. `publications` lists
/// the PubMed and PMC ids among the supporting documents (`PMID:…`, `PMCID:PMC…`, at most
/// ``EvidenceTable/publicationLimit``). The edge `id` is `pharmine:` and a 64-bit FNV-1a hash of
/// the fact and polarity in hex, stable across runs.
public enum KGXExport {
    /// The header of `nodes.tsv`.
    public static let nodeHeader = ["id", "category", "name"]

    /// The header of `edges.tsv`.
    public static let edgeHeader = [
        "id", "subject", "predicate", "object", "negated", "qualified_predicate", "object_aspect_qualifier",
        "object_direction_qualifier", "pharmine_predicate", "pharmine_qualifier", "publications",
        "knowledge_level", "agent_type", "primary_knowledge_source", "supporting_documents",
        "supporting_sentences", "max_confidence", "pharmine_rules",
    ]

    /// The Biolink category of an entity.
    ///
    /// - Parameter entity: The entity.
    /// - Returns: A Biolink category CURIE.
    public static func category(of entity: EvidenceTable.Entity) -> String {
        switch entity.type {
        case .drug: entity.isClass ? "biolink:ChemicalEntity" : "biolink:Drug"
        case .condition: "biolink:DiseaseOrPhenotypicFeature"
        case .receptor: entity.isClass ? "biolink:GeneFamily" : "biolink:Protein"
        }
    }

    /// The Biolink predicate and qualifiers of a fact.
    ///
    /// - Parameters:
    ///   - predicate: The Pharmine predicate.
    ///   - qualifier: The Pharmine qualifier, or the empty string.
    /// - Returns: The predicate, qualified predicate, object aspect and object direction (empty
    ///   strings where none applies).
    public static func biolink(
        _ predicate: Predicate,
        qualifier: String
    ) -> (predicate: String, qualifiedPredicate: String, aspect: String, direction: String) {
        switch predicate {
        case .indication:
            if qualifier == "prophylaxis" { return ("biolink:preventative_for_condition", "", "", "") }
            return ("biolink:treats", "", "", "")
        case .interaction:
            return ("biolink:interacts_with", "", "", "")
        case .mechanism:
            switch qualifier {
            case "agonist", "partial_agonist", "activator", "inducer", "positive_modulator":
                return ("biolink:affects", "biolink:causes", "activity", "increased")
            case "antagonist", "inverse_agonist", "inhibitor", "reuptake_inhibitor", "blocker",
                "negative_modulator":
                return ("biolink:affects", "biolink:causes", "activity", "decreased")
            case "":
                return ("biolink:affects", "", "", "")
            default:
                return ("biolink:affects", "biolink:causes", "activity", "")
            }
        }
    }

    /// Writes `nodes.tsv`.
    ///
    /// - Parameters:
    ///   - table: The evidence table.
    ///   - file: The file to write to.
    /// - Throws: ``OutputError`` from the file.
    public static func writeNodes(of table: EvidenceTable, to file: OutputFile) throws(OutputError) {
        var nodes: [String: EvidenceTable.Entity] = [:]
        for row in table.sortedRows {
            if nodes[row.subject.id] == nil { nodes[row.subject.id] = row.subject }
            if nodes[row.object.id] == nil { nodes[row.object.id] = row.object }
        }
        try file.write(TSV.line(nodeHeader))
        for id in nodes.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            guard let node = nodes[id] else { continue }
            try file.write(TSV.line([node.id, category(of: node), node.name]))
        }
    }

    /// Writes `edges.tsv`.
    ///
    /// - Parameters:
    ///   - table: The evidence table.
    ///   - file: The file to write to.
    /// - Throws: ``OutputError`` from the file.
    public static func writeEdges(of table: EvidenceTable, to file: OutputFile) throws(OutputError) {
        try file.write(TSV.line(edgeHeader))
        for row in table.sortedRows {
            let mapped = biolink(row.key.predicate, qualifier: row.key.qualifier)
            let rules = row.rules.sorted().joined(separator: "|")
            for (negated, support) in [(false, row.positive), (true, row.negated)] where support.records > 0 {
                let identity = [
                    row.key.subject, row.key.predicate.rawValue, row.key.qualifier, row.key.object, String(negated),
                ].joined(separator: "\u{1F}")
                try file.write(
                    TSV.line([
                        "pharmine:" + fnv1a(identity), row.key.subject, mapped.predicate, row.key.object,
                        negated ? "true" : "false", mapped.qualifiedPredicate, mapped.aspect, mapped.direction,
                        row.key.predicate.rawValue, row.key.qualifier, support.publications.joined(separator: "|"),
                        "knowledge_assertion", "text_mining_agent", "infores:pharmine", String(support.documents),
                        String(support.sentences), TSV.decimal(row.maxConfidence), rules,
                    ])
                )
            }
        }
    }

    /// The 64-bit FNV-1a hash of a string, as 16 hex digits.
    static func fnv1a(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
