import Foundation

/// Byte-level helpers shared by the text-format readers (plain text, MEDLINE text, PubTator).
enum TextSupport {
    /// The UTF-8 byte order mark.
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The document id of a plain-text file: its name without directory and extension.
    ///
    /// A trailing `.gz` is dropped first, then one more extension: `notes.txt.gz` → `notes`,
    /// `case.2019.txt` → `case.2019`, `README` → `README`. Standard input (`-`) is `stdin`.
    ///
    /// - Parameter file: The path as the user named it.
    /// - Returns: The stem.
    static func stem(ofFile file: String) -> String {
        if file == "-" { return "stdin" }
        var name = (file as NSString).lastPathComponent
        if name.lowercased().hasSuffix(".gz"), name.count > 3 {
            name = String(name.dropLast(3))
        }
        let withoutExtension = (name as NSString).deletingPathExtension
        return withoutExtension.isEmpty ? name : withoutExtension
    }

    /// Finds the first byte that does not start a well-formed UTF-8 sequence.
    ///
    /// Rejects overlong forms, surrogates and code points above U+10FFFF, as Swift's decoder does.
    ///
    /// - Parameter bytes: The bytes to check.
    /// - Returns: The index of the first invalid sequence, or nil if the bytes are valid UTF-8.
    static func firstInvalidUTF8<Bytes: RandomAccessCollection<UInt8>>(in bytes: Bytes) -> Bytes.Index? {
        var index = bytes.startIndex
        let end = bytes.endIndex
        while index < end {
            let lead = bytes[index]
            if lead < 0x80 {
                index = bytes.index(after: index)
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                high = 0x9F
            case 0xF0:
                length = 4
                low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                high = 0x8F
            default: return index
            }
            guard bytes.distance(from: index, to: end) >= length else { return index }
            var cursor = bytes.index(after: index)
            let second = bytes[cursor]
            guard second >= low, second <= high else { return index }
            for _ in 2..<length {
                cursor = bytes.index(after: cursor)
                guard bytes[cursor] & 0xC0 == 0x80 else { return index }
            }
            index = bytes.index(index, offsetBy: length)
        }
        return nil
    }

    /// Builds the error for invalid UTF-8 inside one line of a file.
    ///
    /// - Parameters:
    ///   - file: The file.
    ///   - line: The line number, from 1.
    ///   - lineOffset: The byte offset of the line's first byte in the (decompressed) file.
    ///   - column: The byte offset of the bad byte within the line, from 0.
    ///   - documentID: The document id, when known.
    ///   - documentIndex: The ordinal of the document in the file, when known.
    /// - Returns: The error, with code `invalidUTF8`.
    static func invalidUTF8Error(
        file: String,
        line: Int,
        lineOffset: Int,
        column: Int,
        documentID: String? = nil,
        documentIndex: Int? = nil
    ) -> IngestError {
        IngestError(
            .invalidUTF8,
            file: file,
            line: line,
            documentID: documentID,
            documentIndex: documentIndex,
            message:
                "invalid UTF-8 at byte offset \(lineOffset + column) (line \(line), byte \(column + 1) of the line)"
        )
    }

    /// Whether a byte is ASCII white space (space, tab, line feed, carriage return, form feed).
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    /// Whether a line holds only white space.
    static func isBlank<Bytes: Collection<UInt8>>(_ line: Bytes) -> Bool {
        line.allSatisfy(isSpace)
    }

    /// Decodes bytes already checked to be valid UTF-8.
    static func string<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// The number of Unicode scalars in valid UTF-8 bytes (bytes that are not continuation bytes).
    static func scalarCount<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Int {
        var count = 0
        for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// Whether bytes are all ASCII digits (and there is at least one).
    static func isDigits<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        !bytes.isEmpty && bytes.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}

/// Counts Unicode scalars up to increasing byte offsets of one UTF-8 text, in one pass.
struct ScalarCounter {
    private let bytes: [UInt8]
    private var byteOffset = 0
    private var scalarOffset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The number of scalars before a byte offset; offsets must not decrease between calls.
    mutating func scalars(upTo offset: Int) -> Int {
        while byteOffset < offset {
            if bytes[byteOffset] & 0xC0 != 0x80 { scalarOffset += 1 }
            byteOffset += 1
        }
        return scalarOffset
    }
}

extension StringProtocol {
    /// The string without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return String(slice)
    }
}
