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
        // Lines and fields are split on bytes ("\n" and "\t" never occur inside a longer UTF-8
        // sequence): splitting the text by characters costs far more at every start.
        var text = text
        text.withUTF8 { bytes in
            var lineNumber = 0
            var lineStart = 0
            while lineStart <= bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
                let next = lineEnd + 1
                lineNumber += 1
                if lineEnd > lineStart, bytes[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
                defer { lineStart = next }
                if lineEnd == lineStart || bytes[lineStart] == UInt8(ascii: "#") { continue }
                var fields: [String] = []
                var fieldStart = lineStart
                var index = lineStart
                while index <= lineEnd {
                    if index == lineEnd || bytes[index] == UInt8(ascii: "\t") {
                        fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[fieldStart..<index]), as: UTF8.self))
                        fieldStart = index + 1
                    }
                    index += 1
                }
                if header == nil {
                    header = fields
                } else {
                    rows.append((lineNumber, fields))
                }
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
