/// Builds the flattened text of marked-up prose: XML white space collapsed, separators only
/// between blocks.
///
/// Text nodes are appended as they come. Runs of white space (XML's space, tab, CR and LF, and the
/// no-break space U+00A0) become one space; inline markup adds nothing, so "H<sub>1</sub>" gives
/// "H1". A block boundary asks for a separator, which is written only if more text follows: the
/// text never starts or ends with a separator and never holds two in a row. When several
/// separators are pending the strongest wins (a line break beats a cell separator, which beats a
/// space).
struct TextCollector {
    /// What to write between two pieces of text.
    enum Separator: Int, Comparable {
        /// Nothing pending.
        case none
        /// One space: XML white space, or a block boundary inside running prose.
        case space
        /// `" | "`, between table cells.
        case cell
        /// `"\n"`, between paragraphs, list items and table rows of a label section.
        case line

        static func < (lhs: Separator, rhs: Separator) -> Bool { lhs.rawValue < rhs.rawValue }

        var bytes: [UInt8] {
            switch self {
            case .none: []
            case .space: [0x20]
            case .cell: [0x20, 0x7C, 0x20]
            case .line: [0x0A]
            }
        }
    }

    private var bytes: [UInt8] = []
    private var pending = Separator.none

    /// Whether nothing but white space has been appended.
    var isEmpty: Bool { bytes.isEmpty }

    /// The last byte written, if any (a pending separator is not counted).
    var lastByte: UInt8? { bytes.last }

    /// Whether a separator is waiting to be written.
    var hasPendingSeparator: Bool { pending != .none }

    /// Appends a text node.
    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append(utf8: $0) }
    }

    /// Appends a text node given as UTF-8 bytes.
    mutating func append(utf8 text: UnsafeBufferPointer<UInt8>) {
        var index = 0
        let count = text.count
        while index < count {
            let byte = text[index]
            let isSpace = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
            // U+00A0 NO-BREAK SPACE (C2 A0) counts as white space too.
            let isNoBreakSpace = byte == 0xC2 && index + 1 < count && text[index + 1] == 0xA0
            if isSpace || isNoBreakSpace {
                if pending < .space { pending = .space }
                index += isNoBreakSpace ? 2 : 1
                continue
            }
            if pending != .none {
                if !bytes.isEmpty { bytes.append(contentsOf: pending.bytes) }
                pending = .none
            }
            bytes.append(byte)
            index += 1
        }
    }

    /// Asks for a separator before the next text (if any text follows).
    mutating func separate(_ separator: Separator) {
        if pending < separator { pending = separator }
    }

    /// Forgets everything.
    mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        pending = .none
    }

    /// The text so far, without a trailing separator.
    var text: String { String(decoding: bytes, as: UTF8.self) }
}
