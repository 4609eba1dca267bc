import Foundation

/// A tab-separated table with `#` comment lines and one header row.
struct TSVTable {
    /// The column names of the header row.
    let header: [String]
    /// The data rows with their 1-based line numbers.
    let rows: [(line: Int, fields: [String])]

    /// Parses a table.
    ///
    /// - Parameters:
    ///   - text: The file's text.
    ///   - path: The file's path, for errors.
    ///   - required: Columns that must be in the header.
    /// - Throws: ``RelateError`` when the header is missing or lacks a required column.
    init(_ text: String, path: String, required: [String]) throws(RelateError) {
        var header: [String]?
        var rows: [(Int, [String])] = []
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(line)
            if line.hasSuffix("\r") { line = line.dropLast() }
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if header == nil {
                header = fields
            } else {
                rows.append((lineNumber, fields))
            }
        }
        guard let header else { throw RelateError(.missingColumn, path: path, detail: "no header row") }
        for column in required where !header.contains(column) {
            throw RelateError(.missingColumn, path: path, detail: "no column \(column)")
        }
        self.header = header
        self.rows = rows
    }

    /// Reads a table from a file.
    static func read(_ url: URL, required: [String]) throws(RelateError) -> TSVTable {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw RelateError(.unreadableFile, path: url.path, detail: "\(error)")
        }
        return try TSVTable(text, path: url.path, required: required)
    }

    /// The index of a column (present by construction when it was required).
    func column(_ name: String) -> Int {
        header.firstIndex(of: name) ?? 0
    }
}
