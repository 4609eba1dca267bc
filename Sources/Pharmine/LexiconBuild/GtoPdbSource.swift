import Foundation

/// IUPHAR/BPS Guide to PHARMACOLOGY targets and families (`../shared/sources/gtopdb`).
///
/// Names are flattened on reading: `5-HT<sub>2A</sub> receptor` → `5-HT2A receptor`,
/// `&beta;` → `β`.
struct GtoPdbSource {
    /// One target (a row per target id; complexes list their subunits).
    struct Target {
        var id: String
        var type: String
        var familyID: String
        var familyName: String
        var name: String
        var systematicName: String
        var abbreviatedName: String
        var synonyms: [String]
        /// `HGNC:n`, empty for complexes and non-human targets.
        var hgncID: String
        var hgncSymbol: String
        /// The rat (RGD) and mouse (MGI) gene symbols, as those databases write them ("Sgk1").
        var rodentSymbols: [String]
        var uniProt: String
        var hasSubunits: Bool
    }

    /// A target family with the targets in it.
    struct Family {
        var id: String
        var name: String
        var targetIDs: [String]
    }

    /// The version line (`2024.1 - published: 2024-03-26`).
    var version = ""
    var targets: [Target] = []
    var families: [Family] = []

    /// Reads `targets_and_families.csv`.
    ///
    /// - Parameter path: The CSV: a version comment line, a header line, one row per target.
    /// - Throws: ``LexiconBuildError`` when the file is missing, unreadable or has no header.
    init(path: String) throws(LexiconBuildError) {
        var columns: [String: Int] = [:]
        var byTarget: [String: Int] = [:]
        var familyTargets: [String: (name: String, targets: [String])] = [:]
        var familyOrder: [String] = []
        try SourceReading.forEachCSVRecord(path) { fields, line throws(LexiconBuildError) in
            if let first = fields.first, first.hasPrefix("# GtoPdb Version:") {
                version = first.replacingOccurrences(of: "# GtoPdb Version:", with: "").trimmingCharacters(
                    in: .whitespaces
                )
                return
            }
            if columns.isEmpty {
                for (index, name) in fields.enumerated() { columns[name] = index }
                guard columns["Target id"] != nil, columns["HGNC id"] != nil else {
                    throw LexiconBuildError(.malformed, file: path, line: line, message: "unexpected header")
                }
                return
            }
            func field(_ name: String) -> String {
                guard let index = columns[name], index < fields.count else { return "" }
                return LexiconText.trimmed(fields[index])
            }
            let id = field("Target id")
            guard !id.isEmpty else { return }
            let familyID = field("Family id")
            let familyName = Self.flatten(field("Family name"))
            if !familyID.isEmpty {
                if familyTargets[familyID] == nil {
                    familyOrder.append(familyID)
                    familyTargets[familyID] = (familyName, [])
                }
                if familyTargets[familyID]?.targets.contains(id) == false {
                    familyTargets[familyID]?.targets.append(id)
                }
            }
            if byTarget[id] != nil { return }
            let hgnc = field("HGNC id")
            let synonyms = field("synonyms").split(separator: "|").map { Self.flatten(String($0)) }
            byTarget[id] = targets.count
            targets.append(
                Target(
                    id: id,
                    type: field("Type"),
                    familyID: familyID,
                    familyName: familyName,
                    name: Self.flatten(field("Target name")),
                    systematicName: Self.flatten(field("Target systematic name")),
                    abbreviatedName: Self.flatten(field("Target abbreviated name")),
                    synonyms: synonyms.filter { !$0.isEmpty && LexiconText.isBalanced($0) },
                    hgncID: hgnc.isEmpty || hgnc.contains("|") ? "" : "HGNC:" + hgnc,
                    hgncSymbol: field("HGNC symbol"),
                    rodentSymbols: [field("RGD symbol"), field("MGI symbol")].filter { !$0.isEmpty },
                    uniProt: field("Human SwissProt"),
                    hasSubunits: !field("Subunit id").isEmpty
                )
            )
        }
        families = familyOrder.compactMap { id in
            guard let family = familyTargets[id] else { return nil }
            return Family(id: id, name: family.name, targetIDs: family.targets)
        }
    }

    /// Flattens GtoPdb markup and cleans the text.
    static func flatten(_ text: String) -> String {
        LexiconText.clean(LexiconText.flattenMarkup(text))
    }
}
