import Foundation
import PharmineIngest

/// `pharmine-bench make-pubmed OUT SIZE_MB [DIR]`: writes one synthetic `PubmedArticleSet` of about
/// SIZE_MB megabytes (10^6 bytes) by repeating the real articles of DIR (default
/// `../shared/corpora/samples/pubmed`, all `.xml` and `.xml.gz`), each copy with a fresh PMID.
///
/// `PubmedArticle` records are copied as they are; the `MedlineCitation` records of an older
/// `MedlineCitationSet` are wrapped in `<PubmedArticle>`. The result is deterministic.
enum PubmedGenerator {
    /// Runs the generator.
    ///
    /// - Parameter arguments: OUT, SIZE_MB and optionally DIR.
    /// - Returns: The exit status.
    static func run(_ arguments: [String]) -> Int32 {
        guard arguments.count >= 2, let megabytes = Double(arguments[1]), megabytes > 0 else {
            FileHandle.standardError.write(Data("usage: pharmine-bench make-pubmed OUT SIZE_MB [DIR]\n".utf8))
            return 2
        }
        let output = arguments[0]
        let directory = arguments.count > 2 ? arguments[2] : "../shared/corpora/samples/pubmed"
        do {
            let templates = try loadTemplates(directory)
            guard !templates.isEmpty else {
                FileHandle.standardError.write(Data("no articles found in \(directory)\n".utf8))
                return 1
            }
            let written = try write(templates, to: output, bytes: Int(megabytes * 1e6))
            print("wrote \(output): \(written.articles) articles, \(written.bytes) bytes from \(templates.count) templates")
            return 0
        } catch {
            FileHandle.standardError.write(Data("make-pubmed: \(error)\n".utf8))
            return 1
        }
    }

    /// One real article, split around its PMID's digits.
    private struct Template {
        var before: [UInt8]
        var after: [UInt8]
    }

    private static func loadTemplates(_ directory: String) throws -> [Template] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { $0.hasSuffix(".xml") || $0.hasSuffix(".xml.gz") }
            .sorted()
        var templates: [Template] = []
        for name in names {
            let bytes = try readAll((directory as NSString).appendingPathComponent(name))
            var found = records(in: bytes, open: "<PubmedArticle>", close: "</PubmedArticle>", wrap: false)
            if found.isEmpty {
                found = records(in: bytes, open: "<MedlineCitation ", close: "</MedlineCitation>", wrap: true)
            }
            templates.append(contentsOf: found.compactMap(template))
        }
        return templates
    }

    private static func readAll(_ path: String) throws -> [UInt8] {
        let source = try ByteSource(path: path)
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = try chunk.withUnsafeMutableBytes { try source.read(into: $0) }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
    }

    private static func records(in bytes: [UInt8], open: String, close: String, wrap: Bool) -> [[UInt8]] {
        let open = Array(open.utf8)
        let close = Array(close.utf8)
        var result: [[UInt8]] = []
        var position = 0
        while let start = find(open, in: bytes, from: position),
            let end = find(close, in: bytes, from: start)
        {
            var record = Array(bytes[start..<(end + close.count)])
            if wrap { record = Array("<PubmedArticle>".utf8) + record + Array("</PubmedArticle>".utf8) }
            result.append(record)
            position = end + close.count
        }
        return result
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, bytes.count >= needle.count else { return nil }
        var index = start
        while index <= bytes.count - needle.count {
            if bytes[index] == first && bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    private static func template(_ record: [UInt8]) -> Template? {
        guard let tag = find(Array("<PMID".utf8), in: record, from: 0),
            let open = record[tag...].firstIndex(of: UInt8(ascii: ">")),
            let close = find(Array("</PMID>".utf8), in: record, from: open)
        else { return nil }
        return Template(before: Array(record[...open]), after: Array(record[close...]))
    }

    private static func write(_ templates: [Template], to path: String, bytes target: Int) throws -> (articles: Int, bytes: Int) {
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        defer { try? handle.close() }
        let header = Array("""
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" \
            "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">
            <PubmedArticleSet>

            """.utf8)
        let footer = Array("</PubmedArticleSet>\n".utf8)
        var buffer = header
        var written = 0
        var articles = 0
        var pmid = 90_000_000
        while written + buffer.count + footer.count < target {
            let template = templates[articles % templates.count]
            buffer.append(contentsOf: template.before)
            buffer.append(contentsOf: String(pmid).utf8)
            buffer.append(contentsOf: template.after)
            buffer.append(0x0A)
            pmid += 1
            articles += 1
            if buffer.count >= 1 << 20 {
                try handle.write(contentsOf: buffer)
                written += buffer.count
                buffer.removeAll(keepingCapacity: true)
            }
        }
        buffer.append(contentsOf: footer)
        try handle.write(contentsOf: buffer)
        written += buffer.count
        return (articles, written)
    }
}
