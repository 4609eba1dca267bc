import Foundation

/// The Human Phenotype Ontology OBO file (`../shared/sources/hpo`).
///
/// Not used by the default build: the HPO licence forbids altering its content, and a merged
/// lexicon alters it (see Lexicons/README.md). `pharmine lexicon build --include-hpo` uses it for
/// a local, non-redistributed build.
struct HPOSource {
    /// One non-obsolete term of the Phenotypic abnormality branch (HP:0000118).
    struct Term {
        var id: String
        var name: String
        /// EXACT synonyms only.
        var synonyms: [String]
        /// Cross-references as CURIEs (`MESH:D…`, `UMLS:C…`).
        var xrefs: [String]
    }

    /// The `data-version` header value (`hp/releases/2025-01-16`).
    var version = ""
    var terms: [Term] = []

    /// The root of the phenotypic abnormality branch.
    static let phenotypicAbnormality = "HP:0000118"

    /// Reads an OBO file and keeps the phenotypic abnormality branch.
    ///
    /// - Parameter path: `hp.obo.gz` (gzip-transparent).
    /// - Throws: ``LexiconBuildError`` when the file is missing or unreadable.
    init(path: String) throws(LexiconBuildError) {
        struct Raw {
            var id = ""
            var name = ""
            var synonyms: [String] = []
            var xrefs: [String] = []
            var parents: [String] = []
            var obsolete = false
        }
        var all: [Raw] = []
        var current: Raw? = nil
        var inTerm = false
        try SourceReading.forEachLine(path) { line, _ in
            if line.hasPrefix("[") {
                if let term = current, inTerm { all.append(term) }
                inTerm = line == "[Term]"
                current = inTerm ? Raw() : nil
                return
            }
            if !inTerm {
                if line.hasPrefix("data-version:") {
                    version = String(line.dropFirst("data-version:".count)).trimmingCharacters(in: .whitespaces)
                }
                return
            }
            guard let colon = line.firstIndex(of: ":") else { return }
            let tag = line[..<colon]
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch tag {
            case "id": current?.id = value
            case "name": current?.name = value
            case "is_obsolete": current?.obsolete = value == "true"
            case "is_a":
                current?.parents.append(String(value.prefix { $0 != " " }))
            case "xref":
                let raw = String(value.prefix { $0 != " " })
                if let separator = raw.firstIndex(of: ":"),
                    let curie = DiseaseOntologySource.curie(
                        namespace: String(raw[..<separator]),
                        id: String(raw[raw.index(after: separator)...])
                    )
                {
                    current?.xrefs.append(curie)
                }
            case "synonym":
                if let text = Self.quoted(value), value.contains("\" EXACT") { current?.synonyms.append(text) }
            default: break
            }
        }
        if let term = current, inTerm { all.append(term) }

        var children: [String: [String]] = [:]
        for term in all where !term.obsolete {
            for parent in term.parents { children[parent, default: []].append(term.id) }
        }
        var inBranch: Set<String> = []
        var stack = [Self.phenotypicAbnormality]
        while let id = stack.popLast() {
            guard inBranch.insert(id).inserted else { continue }
            stack += children[id] ?? []
        }
        inBranch.remove(Self.phenotypicAbnormality)
        terms = all.filter { !$0.obsolete && inBranch.contains($0.id) && !$0.name.isEmpty }.map {
            Term(id: $0.id, name: $0.name, synonyms: $0.synonyms, xrefs: $0.xrefs)
        }
    }

    private static func quoted(_ value: String) -> String? {
        guard value.hasPrefix("\""), let end = value.dropFirst().firstIndex(of: "\"") else { return nil }
        return String(value[value.index(after: value.startIndex)..<end])
    }
}
