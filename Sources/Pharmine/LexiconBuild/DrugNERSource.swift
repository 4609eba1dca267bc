/// The dictionary of the `drug-named-entity-recognition` package: canonical drugs with DrugBank
/// and MeSH ids, and their lower-cased variants (generic, brand, salt)
/// (`../shared/sources/drug-ner-dictionary`).
struct DrugNERSource {
    /// A canonical drug.
    struct Canonical {
        var key: String
        var name: String
        var drugBankID: String
        var meshID: String
        var meshTreeNumbers: [String]
    }

    var canonicals: [Canonical] = []
    /// Variants by canonical key.
    var variants: [String: [String]] = [:]

    /// Reads both files of a folder.
    ///
    /// - Parameter folder: The `drug-ner-dictionary` folder.
    /// - Throws: ``LexiconBuildError`` when a file is missing or unreadable.
    init(folder: String) throws(LexiconBuildError) {
        try self.init(canonicalPath: folder + "/drug_canonical.tsv.gz", variantsPath: folder + "/drug_variants.tsv.gz")
    }

    /// Reads the canonical table and the variants table.
    ///
    /// - Parameters:
    ///   - canonicalPath: Header `canonical name drugbank_id mesh_id mesh_tree …`.
    ///   - variantsPath: Header `variant canonical is_brand`.
    /// - Throws: ``LexiconBuildError`` when a file is missing or unreadable.
    init(canonicalPath: String, variantsPath: String) throws(LexiconBuildError) {
        var header: [String: Int] = [:]
        try SourceReading.forEachLine(canonicalPath) { line, _ in
            let fields = SourceReading.tabFields(line)
            if header.isEmpty {
                for (index, name) in fields.enumerated() { header[name] = index }
                return
            }
            func field(_ name: String) -> String {
                guard let index = header[name], index < fields.count else { return "" }
                return fields[index]
            }
            canonicals.append(
                Canonical(
                    key: field("canonical"),
                    name: field("name"),
                    drugBankID: field("drugbank_id"),
                    meshID: field("mesh_id"),
                    meshTreeNumbers: field("mesh_tree").split(separator: "|").map(String.init)
                )
            )
        }
        var first = true
        try SourceReading.forEachLine(variantsPath) { line, _ in
            if first {
                first = false
                return
            }
            let fields = SourceReading.tabFields(line)
            guard fields.count >= 2, !fields[0].isEmpty else { return }
            variants[fields[1], default: []].append(fields[0])
        }
    }

    /// Cleans a variant: decodes HTML, drops wiki reference markup; nil when nothing usable is left.
    static func cleanVariant(_ variant: String) -> String? {
        let flat = LexiconText.clean(LexiconText.flattenMarkup(variant))
        guard !flat.isEmpty, !flat.contains("<"), !flat.contains(">"), !flat.contains("="),
            !flat.contains("\""), !flat.contains("{"), !flat.contains("[[")
        else { return nil }
        return flat
    }
}
