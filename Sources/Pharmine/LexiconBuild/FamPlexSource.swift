/// FamPlex protein families and complexes (`../shared/sources/famplex`).
struct FamPlexSource {
    /// A text string grounded to an id of some namespace.
    struct Grounding {
        var text: String
        var namespace: String
        var id: String
    }

    /// FamPlex ids (`CHRM`, `HRH`, `5_hydroxytryptamine_receptors_G_protein_coupled`).
    var entities: [String] = []
    var groundings: [Grounding] = []
    /// Direct `isa` parents: child (`HGNC:SYMBOL` or `FPLX:ID`) → FamPlex ids. (`partof` links of
    /// complexes are not family membership and are not kept.)
    var parents: [String: [String]] = [:]
    /// External family ids equivalent to FamPlex ids: (namespace, id, FamPlex id).
    var equivalences: [(namespace: String, id: String, famplexID: String)] = []

    /// Reads the FamPlex CSV files of a folder.
    ///
    /// - Parameter folder: The `famplex` folder (entities, grounding_map, relations, equivalences).
    /// - Throws: ``LexiconBuildError`` when a file is missing or unreadable.
    init(folder: String) throws(LexiconBuildError) {
        try SourceReading.forEachCSVRecord(folder + "/entities.csv") { fields, _ in
            if let id = fields.first, !id.isEmpty { entities.append(id) }
        }
        try SourceReading.forEachCSVRecord(folder + "/grounding_map.csv") { fields, _ in
            guard fields.count >= 3, !fields[0].isEmpty, !fields[1].isEmpty, !fields[2].isEmpty else { return }
            groundings.append(Grounding(text: fields[0], namespace: fields[1], id: fields[2]))
        }
        try SourceReading.forEachCSVRecord(folder + "/relations.csv") { fields, _ in
            guard fields.count >= 5, fields[3] == "FPLX", fields[2] == "isa" else { return }
            parents[fields[0] + ":" + fields[1], default: []].append(fields[4])
        }
        try SourceReading.forEachCSVRecord(folder + "/equivalences.csv") { fields, _ in
            guard fields.count >= 3 else { return }
            equivalences.append((fields[0], fields[1], fields[2]))
        }
    }

    /// The HGNC symbols below each FamPlex family, through nested families.
    func memberSymbols() -> [String: Set<String>] {
        var members: [String: Set<String>] = [:]
        for (child, directParents) in parents where child.hasPrefix("HGNC:") {
            let symbol = String(child.dropFirst(5))
            var stack = directParents
            var seen: Set<String> = []
            while let family = stack.popLast() {
                guard seen.insert(family).inserted else { continue }
                members[family, default: []].insert(symbol)
                stack += parents["FPLX:" + family] ?? []
            }
        }
        return members
    }
}
