import Foundation
import PharmineIngest

/// Line, field and whole-file reading shared by the source parsers.
///
/// Files are read through `ByteSource`, so a gzipped file and a plain one read the same.
enum SourceReading {
    /// Calls `body` with each line of a file (gzip-transparent), decoded as UTF-8.
    ///
    /// - Parameters:
    ///   - path: The file.
    ///   - body: Receives the line and its number (from 1).
    /// - Throws: ``LexiconBuildError`` when the file is absent or unreadable, or what `body` throws.
    static func forEachLine(
        _ path: String,
        _ body: (String, Int) throws(LexiconBuildError) -> Void
    ) throws(LexiconBuildError) {
        let source = try open(path)
        while true {
            let bytes: [UInt8]?
            do {
                bytes = try source.nextLine()
            } catch {
                throw LexiconBuildError(.unreadable, file: path, line: error.line, message: error.message)
            }
            guard let bytes else { break }
            try body(String(decoding: bytes, as: UTF8.self), source.lineNumber)
        }
    }

    /// Reads a whole file (gzip-transparent).
    ///
    /// - Parameter path: The file.
    /// - Returns: Its bytes, decompressed.
    /// - Throws: ``LexiconBuildError`` when the file is absent or unreadable.
    static func readAll(_ path: String) throws(LexiconBuildError) -> Data {
        let source = try open(path)
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count: Int
            do {
                count = try chunk.withUnsafeMutableBytes { buffer in try source.read(into: buffer) }
            } catch let error as IngestError {
                throw LexiconBuildError(.unreadable, file: path, message: error.message)
            } catch {
                throw LexiconBuildError(.unreadable, file: path, message: "\(error)")
            }
            if count == 0 { break }
            data.append(contentsOf: chunk[0..<count])
        }
        return data
    }

    /// Reads a JSON file holding a list of objects.
    ///
    /// - Parameter path: The file (gzip-transparent).
    /// - Returns: The objects.
    /// - Throws: ``LexiconBuildError`` when the file is absent, unreadable or not a JSON list of objects.
    static func readJSONObjects(_ path: String) throws(LexiconBuildError) -> [[String: Any]] {
        let data = try readAll(path)
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw LexiconBuildError(.malformed, file: path, message: "not JSON: \(error.localizedDescription)")
        }
        guard let list = parsed as? [[String: Any]] else {
            throw LexiconBuildError(.malformed, file: path, message: "expected a JSON list of objects")
        }
        return list
    }

    /// Splits a tab-separated line into fields, without any quoting.
    static func tabFields(_ line: String) -> [String] {
        line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    }

    /// Splits a tab-separated line whose fields may be wrapped in double quotes (`"a"\t"b"`).
    static func quotedTabFields(_ line: String) -> [String] {
        tabFields(line).map { field in
            if field.count >= 2, field.hasPrefix("\""), field.hasSuffix("\"") {
                return String(field.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
            }
            return field
        }
    }

    /// Parses one CSV record (RFC 4180 quoting).
    ///
    /// - Parameter line: The record's text, possibly several physical lines joined with `\n`.
    /// - Returns: The fields, or nil when a quoted field is still open at the end (the caller
    ///   then appends the next physical line and tries again).
    static func csvFields(_ line: String) -> [String]? {
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var iterator = line.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        while let scalar = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if scalar == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" {
                            field.unicodeScalars.append("\"")
                        } else {
                            inQuotes = false
                            pending = next
                        }
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
            } else if scalar == "," {
                fields.append(field)
                field = ""
            } else if scalar == "\"" && field.isEmpty {
                inQuotes = true
            } else {
                field.unicodeScalars.append(scalar)
            }
        }
        if inQuotes { return nil }
        fields.append(field)
        return fields
    }

    /// Calls `body` with each CSV record of a file, joining physical lines inside quoted fields.
    ///
    /// - Parameters:
    ///   - path: The file (gzip-transparent).
    ///   - body: Receives the fields and the number of the record's first line.
    /// - Throws: ``LexiconBuildError`` when the file is unreadable or ends inside a quoted field.
    static func forEachCSVRecord(
        _ path: String,
        _ body: ([String], Int) throws(LexiconBuildError) -> Void
    ) throws(LexiconBuildError) {
        var pending: String? = nil
        var firstLine = 0
        try forEachLine(path) { line, number throws(LexiconBuildError) in
            let text: String
            if let open = pending {
                text = open + "\n" + line
            } else {
                text = line
                firstLine = number
            }
            if let fields = csvFields(text) {
                pending = nil
                try body(fields, firstLine)
            } else {
                pending = text
            }
        }
        if pending != nil {
            throw LexiconBuildError(.malformed, file: path, line: firstLine, message: "quoted field never closed")
        }
    }

    private static func open(_ path: String) throws(LexiconBuildError) -> ByteSource {
        guard FileManager.default.fileExists(atPath: path) else {
            throw LexiconBuildError(.missingSource, file: path, message: "file not found")
        }
        do {
            return try ByteSource(path: path)
        } catch {
            throw LexiconBuildError(.unreadable, file: path, message: error.message)
        }
    }
}
