public import PharmineCore

/// Detects an input's format from its first bytes (after gzip decompression).
///
/// A tar archive is told by its first header (the `ustar` magic at offset 257 and a valid
/// checksum); XML by its root element (and the SPL namespace); text by its first lines:
/// PubTator's `PMID|t|` lines, MEDLINE text's `PMID- ` tag followed by a digit, within the first
/// 20 non-empty lines. Anything else that is valid text is plain text.
public enum FormatDetector {
    /// How many bytes detection looks at.
    public static let prefixLength = 1 << 16

    /// What the first bytes of an input say it is.
    public enum Verdict: Sendable, Hashable {
        /// A supported format.
        case format(DocumentFormat)
        /// A tar archive (POSIX ustar, GNU or pax), whose members are read one by one.
        case tarArchive
        /// XML whose root element is not one Pharmine reads.
        case unknownXML(root: String)
        /// Nothing at all, or only white space.
        case empty
        /// Binary data (NUL bytes, or not text).
        case binary
    }

    /// Detects the format of an input.
    ///
    /// - Parameter prefix: The first bytes of the (decompressed) input.
    /// - Returns: The verdict.
    public static func detect<Bytes: Collection<UInt8>>(_ prefix: Bytes) -> Verdict {
        if TarHeader.startsArchive(prefix) { return .tarArchive }
        var bytes = Array(prefix)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.contains(0) { return .binary }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }) else { return .empty }
        if bytes[first] == UInt8(ascii: "<") {
            return detectXML(bytes[first...])
        }
        return .format(detectText(bytes[first...]))
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    private static func detectXML(_ bytes: ArraySlice<UInt8>) -> Verdict {
        // Find the first start tag that is not a declaration, comment or processing instruction.
        var index = bytes.startIndex
        while index < bytes.endIndex {
            guard let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) else { break }
            let next = open + 1 < bytes.endIndex ? bytes[open + 1] : 0
            if next == UInt8(ascii: "?") || next == UInt8(ascii: "!") {
                // Skip <?...?>, <!-- ... -->, <!DOCTYPE ... [ ... ]>.
                if bytes[open...].starts(with: Array("<!--".utf8)) {
                    guard let end = find(Array("-->".utf8), in: bytes, from: open) else { break }
                    index = end
                    continue
                }
                var depth = 0
                var cursor = open + 1
                while cursor < bytes.endIndex {
                    let byte = bytes[cursor]
                    if byte == UInt8(ascii: "[") { depth += 1 }
                    if byte == UInt8(ascii: "]") { depth -= 1 }
                    if byte == UInt8(ascii: ">") && depth <= 0 { break }
                    cursor += 1
                }
                index = cursor + 1
                continue
            }
            var end = open + 1
            while end < bytes.endIndex, !isSpace(bytes[end]), bytes[end] != UInt8(ascii: ">"),
                bytes[end] != UInt8(ascii: "/")
            {
                end += 1
            }
            let qualified = String(decoding: bytes[(open + 1)..<end], as: UTF8.self)
            let root = qualified.split(separator: ":").last.map(String.init) ?? qualified
            let tagEnd = bytes[end...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.endIndex
            let tag = String(decoding: bytes[open..<tagEnd], as: UTF8.self)
            switch root {
            case "PubmedArticleSet", "MedlineCitationSet", "PubmedArticle", "PubmedBookArticle",
                "PubmedBookArticleSet", "MedlineCitation":
                return .format(.medline)
            case "collection":
                return .format(.bioc)
            case "article", "pmc-articleset", "articles":
                return .format(.jats)
            case "document" where tag.contains("urn:hl7-org:v3") || tag.contains("hl7"):
                return .format(.spl)
            default:
                return .unknownXML(root: qualified)
            }
        }
        return .unknownXML(root: "")
    }

    private static func find(_ needle: [UInt8], in bytes: ArraySlice<UInt8>, from start: Int) -> Int? {
        var index = start
        while index + needle.count <= bytes.endIndex {
            if bytes[index..<(index + needle.count)].elementsEqual(needle) { return index + needle.count }
            index += 1
        }
        return nil
    }

    private static func detectText(_ bytes: ArraySlice<UInt8>) -> DocumentFormat {
        var lines = 0
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: true) {
            lines += 1
            if lines > 20 { break }
            if isPubTatorLine(line) { return .pubtator }
            if line.starts(with: Array("PMID- ".utf8)), line.count > 6, line[line.startIndex + 6] >= 0x30,
                line[line.startIndex + 6] <= 0x39
            {
                return .medlineText
            }
        }
        return .text
    }

    private static func isPubTatorLine(_ line: ArraySlice<UInt8>) -> Bool {
        guard let bar = line.firstIndex(of: UInt8(ascii: "|")), bar > line.startIndex else {
            return false
        }
        guard line[line.startIndex..<bar].allSatisfy({ $0 != 0x20 && $0 != 0x09 }) else { return false }
        let rest = line[(bar + 1)...]
        return rest.starts(with: Array("t|".utf8)) || rest.starts(with: Array("a|".utf8))
    }
}
