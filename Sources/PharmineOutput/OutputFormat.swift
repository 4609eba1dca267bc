/// The outputs a run can write, chosen on the command line with `--format`.
public enum OutputFormat: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    /// Triples, JSON Lines (`triples.jsonl`).
    case triples
    /// Mentions, JSON Lines (`mentions.jsonl`).
    case mentions
    /// Parsed documents as read, JSON Lines (`documents.jsonl`), for `pharmine docs`.
    case documents
    /// The evidence table, one row per distinct triple (`evidence.tsv`).
    case evidence
    /// A Biolink KGX TSV export (`nodes.tsv` and `edges.tsv`).
    case kgx

    /// The names of the files the format writes in an output directory.
    public var fileNames: [String] {
        switch self {
        case .triples: ["triples.jsonl"]
        case .mentions: ["mentions.jsonl"]
        case .documents: ["documents.jsonl"]
        case .evidence: ["evidence.tsv"]
        case .kgx: ["nodes.tsv", "edges.tsv"]
        }
    }

    /// Whether the format writes one record per document as documents come (JSON Lines), rather
    /// than a table aggregated over the whole run.
    public var isStreamed: Bool {
        switch self {
        case .triples, .mentions, .documents: true
        case .evidence, .kgx: false
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
}
