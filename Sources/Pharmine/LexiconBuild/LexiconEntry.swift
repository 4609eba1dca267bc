package import PharmineCore
package import PharmineLexicon

// The builder writes the rows that PharmineLexicon's loader reads, so it uses the loader's own
// `LexiconEntry` and `EntityType`; these extensions add what only writing needs.

extension EntityType {
    /// The file name of this type's lexicon (`drugs.tsv`, `conditions.tsv`, `receptors.tsv`).
    package var fileName: String {
        switch self {
        case .drug: "drugs.tsv"
        case .condition: "conditions.tsv"
        case .receptor: "receptors.tsv"
        }
    }
}

extension LexiconEntry {
    /// The row as one TSV line (format version 1), without the line end.
    package var tsvLine: String {
        [
            id, type.rawValue, name, synonyms.joined(separator: "|"), xrefs.joined(separator: "|"),
            flags.joined(separator: ","), sources.joined(separator: "|"),
        ].joined(separator: "\t")
    }
}
