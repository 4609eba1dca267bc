public import Foundation

/// PharmineOutput writes what the pipeline found: JSON Lines records, the evidence table, a
/// knowledge-graph export and the run report, always through files that appear whole or not at all.
///
/// Main types:
/// - ``JSONWriter``: a streaming JSON writer (fixed key order, exact escaping, stable numbers).
/// - ``RecordEncoder``: triple, mention and document records.
/// - ``EvidenceTable``: one row per distinct fact over a whole run (`evidence.tsv`).
/// - ``KGXExport``: Biolink KGX `nodes.tsv` and `edges.tsv`.
/// - ``RunReport``: `run-report.json`, accounting for every input document.
/// - ``OutputFile``: writes under a temporary name and renames when complete.
///
/// ## Triple records (`triples.jsonl`)
///
/// One JSON object per line, keys in this order:
/// `doc`, `section`, `sentence`, `predicate`, `qualifier`,
/// `subject` {`id`, `name`, `type`, `text`, `start`, `end`}, `object` {same keys},
/// `negated`, `hedged`, `confidence`, `rule`, `evidence`, `known`.
///
/// ```
/// {"doc":"PMID:1","section":"abstract","sentence":0,"predicate":"indication","qualifier":"prophylaxis","subject":{"id":"MESH:D000639","name":"amitriptyline","type":"drug","text":"Amitriptyline","start":0,"end":13},"object":{"id":"MESH:D008881","name":"migraine disorders","type":"condition","text":"migraines","start":40,"end":49},"negated":false,"hedged":false,"confidence":0.9,"rule":"indication.prevent","evidence":"Amitriptyline is prescribed to prevent migraines.","known":null}
/// ```
///
/// - `start`/`end` are **Unicode scalar offsets** into the text of the passage named by `section`
///   (half-open); slicing that text at them gives `text` exactly.
/// - `sentence` is the **document-wide** sentence index, from 0; `evidence` is that sentence's text.
/// - An anaphoric subject ("it") carries the drug's `id` and `name` and the anaphor's own `text`
///   and offsets.
/// - `qualifier` is `null` when the text states none; `known` is `null` when no curated source was
///   consulted. `confidence` has at most 3 decimals and never an exponent.
///
/// ## Mention records (`mentions.jsonl`)
///
/// Keys: `doc`, `section`, `sentence`, `type`, `id`, `name`, `text`, `start`, `end`, `negated`,
/// then (additions to the design's record) `hedged` and `source` (`lexicon`, `abbreviation` or
/// `anaphor`). Same offset rules as triples.
///
/// ## Schemas
///
/// JSON Schema (draft 2020-12) files for both records ship as resources of this module,
/// `Schemas/triple.schema.json` and `Schemas/mention.schema.json`; ``RecordSchema`` finds them.
/// Keys may be added at the end of a record in later versions; existing keys keep their order.
///
/// ```swift
/// var json = JSONWriter()
/// RecordEncoder().appendTriples(of: document, to: &json)
/// try OutputFile.write(to: "Output/triples.jsonl") { try $0.write(json.bytes) }
/// ```
public enum PharmineOutputModule {}

/// The JSON Schema files of the output records.
public enum RecordSchema: String, Sendable, CaseIterable {
    /// `triple.schema.json`, for `triples.jsonl`.
    case triple
    /// `mention.schema.json`, for `mentions.jsonl`.
    case mention

    /// The file name.
    public var fileName: String { "\(rawValue).schema.json" }

    /// The location of the schema file among the module's resources.
    ///
    /// - Returns: The file URL, or nil if the resource bundle is missing.
    public var url: URL? {
        Bundle.module.url(forResource: rawValue + ".schema", withExtension: "json", subdirectory: "Schemas")
    }
}
