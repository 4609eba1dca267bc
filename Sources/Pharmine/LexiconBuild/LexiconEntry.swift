/// The entity type of a lexicon row.
package enum LexiconEntityType: String, Sendable, Hashable, CaseIterable {
    /// A drug, a chemical, or a drug class.
    case drug
    /// A disease, syndrome or symptom.
    case condition
    /// A receptor, transporter, enzyme, ion channel or other target, or a family of them.
    case receptor

    /// The file name of this type's lexicon (`drugs.tsv`, `conditions.tsv`, `receptors.tsv`).
    package var fileName: String {
        switch self {
        case .drug: "drugs.tsv"
        case .condition: "conditions.tsv"
        case .receptor: "receptors.tsv"
        }
    }
}

/// One row of a lexicon file (format version 1): a concept with its surface forms.
package struct LexiconEntry: Sendable, Hashable {
    /// The concept's CURIE (`DRUGBANK:DB00321`, `MESH:D008881`, `HGNC:5182`…).
    package var id: String
    /// The entity type.
    package var type: LexiconEntityType
    /// The preferred name.
    package var name: String
    /// Other surface forms, sorted, de-duplicated case-insensitively, without the name.
    package var synonyms: [String]
    /// CURIEs of the same concept in other vocabularies, sorted.
    package var xrefs: [String]
    /// Flags (`class`, `symbol`), sorted.
    package var flags: [String]
    /// Source names, sorted.
    package var sources: [String]

    /// Creates a row.
    ///
    /// - Parameters:
    ///   - id: The concept's CURIE.
    ///   - type: The entity type.
    ///   - name: The preferred name.
    ///   - synonyms: Other surface forms.
    ///   - xrefs: CURIEs in other vocabularies.
    ///   - flags: Flags.
    ///   - sources: Source names.
    package init(
        id: String,
        type: LexiconEntityType,
        name: String,
        synonyms: [String] = [],
        xrefs: [String] = [],
        flags: [String] = [],
        sources: [String] = []
    ) {
        self.id = id
        self.type = type
        self.name = name
        self.synonyms = synonyms
        self.xrefs = xrefs
        self.flags = flags
        self.sources = sources
    }

    /// The row as one TSV line, without the line end.
    package var tsvLine: String {
        [
            id, type.rawValue, name, synonyms.joined(separator: "|"), xrefs.joined(separator: "|"),
            flags.joined(separator: ","), sources.joined(separator: "|"),
        ].joined(separator: "\t")
    }
}
