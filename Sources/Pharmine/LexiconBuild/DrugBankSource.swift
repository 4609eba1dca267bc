import Foundation

/// The DrugBank Open Data vocabulary (CC0): ids, common names, CAS, UNII, synonyms, InChIKey
/// (`../shared/sources/drugbank-open-vocabulary`).
struct DrugBankSource {
    /// One drug.
    struct Drug {
        var id: String
        var name: String
        var secondaryIDs: [String]
        var cas: String
        var unii: String
        var synonyms: [String]
        var inchiKey: String
    }

    var drugs: [Drug] = []

    /// Reads the vocabulary CSV.
    ///
    /// - Parameter path: `drugbank_vocabulary.csv.gz`: DrugBank ID, Accession Numbers, Common name,
    ///   CAS, UNII, Synonyms (` | `), Standard InChI Key.
    /// - Throws: ``LexiconBuildError`` when the file is missing, unreadable or has no header.
    init(path: String) throws(LexiconBuildError) {
        var columns: [String: Int] = [:]
        try SourceReading.forEachCSVRecord(path) { fields, line throws(LexiconBuildError) in
            if columns.isEmpty {
                for (index, name) in fields.enumerated() { columns[name] = index }
                guard columns["DrugBank ID"] != nil, columns["Common name"] != nil else {
                    throw LexiconBuildError(.malformed, file: path, line: line, message: "unexpected header")
                }
                return
            }
            func field(_ name: String) -> String {
                guard let index = columns[name], index < fields.count else { return "" }
                return LexiconText.trimmed(fields[index])
            }
            let id = field("DrugBank ID")
            guard id.hasPrefix("DB") else { return }
            drugs.append(
                Drug(
                    id: id,
                    name: field("Common name"),
                    secondaryIDs: Self.split(field("Accession Numbers")),
                    cas: field("CAS"),
                    unii: field("UNII"),
                    synonyms: Self.split(field("Synonyms")),
                    inchiKey: field("Standard InChI Key")
                )
            )
        }
    }

    private static func split(_ field: String) -> [String] {
        field.components(separatedBy: " | ").map { LexiconText.clean($0) }.filter { !$0.isEmpty }
    }
}
