import PharmineCore

/// Reads plain UTF-8 text: one document per file, or one per line.
///
/// **Encoding.** UTF-8, with or without a byte order mark (dropped). Invalid UTF-8 fails the
/// document with code `invalidUTF8`, naming the file, the line and the byte offset.
///
/// **One document per file** (the default). The id is the file name without its extension
/// (`notes.txt.gz` → `notes`, standard input → `stdin`; see ``TextSupport/stem(ofFile:)``); for a
/// member of a tar archive, the member's file name without its extension
/// (`notes.tar.gz:2019/case 12.txt` → `case 12`), while its origin keeps the whole name.
/// Line ends are normalised: `\r\n` and a lone `\r` become `\n`, and every offset refers to that
/// normalised text (the file's text minus its byte order mark, with `\n` line ends). The text is
/// split at clinical section headers by ``ClinicalSectionizer``:
/// - without headers, one passage labelled `text` holds the whole text;
/// - with headers, text before the first header is a passage labelled `text`, and each header
///   starts a passage labelled with the header's medspaCy category (`history_of_present_illness`,
///   `medications`…) or, for other all-capitals headers, the header in snake case
///   (`admitting_diagnosis`). The header itself is not in the passage text; the passage's infons
///   keep it as written (`header` = `HISTORY OF PRESENT ILLNESS`) with its offset (`header_offset`).
/// Every passage's text is trimmed of surrounding white space, and sections with an empty body are
/// dropped; their headers are kept on the next passage (`parent_header` = `PHYSICAL EXAMINATION`
/// for "PHYSICAL EXAMINATION:VITAL SIGNS: stable", several joined with ` / `, and
/// `parent_header_offset`, the offset of the first). ``Passage/offset`` is the passage's true
/// offset in the normalised file text, in Unicode scalars, so slicing the whole text at
/// `offset ..< offset + text.count` gives the passage text.
/// A blank file gives a `skipped` event (`no_text`).
///
/// **One document per line** (``IngestOptions/linePerDocument``, the usual dump of abstract
/// corpora). Lines are streamed, so memory stays flat on any file size; `\n`, `\r\n` and a lone
/// `\r` end a line. Each non-blank line is a document with one `text` passage holding the line
/// exactly (not trimmed, no section split). A line that starts with 1 to 10 digits and a tab
/// (`12345<TAB>…`) has the id `PMID:12345` and the rest of the line as its text (passage offset =
/// the scalar column where the text starts, so the offsets of `PMID<TAB>title<TAB>abstract` dumps
/// such as DrugProt's still hold); any other line has the id `<file stem>:<line number>`.
/// A bad line fails alone; the other lines go on.
struct PlainTextReader: FormatReader {
    func read(
        _ source: ByteSource,
        options: IngestOptions,
        emit: (IngestEvent) -> Void
    )
        throws(IngestError)
    {
        if options.linePerDocument {
            try readLines(source, emit: emit)
        } else {
            try readWhole(source, emit: emit)
        }
    }

    // MARK: - One document per file

    private func readWhole(_ source: ByteSource, emit: (IngestEvent) -> Void) throws(IngestError) {
        let file = source.name
        let id = TextSupport.stem(ofFile: source.documentPath)
        let raw = try source.readAll()
        if let bad = TextSupport.firstInvalidUTF8(in: raw) {
            let (line, lineStart) = Self.lineOfByte(bad, in: raw)
            throw TextSupport.invalidUTF8Error(
                file: file,
                line: line,
                lineOffset: lineStart,
                column: bad - lineStart,
                documentID: id,
                documentIndex: 0
            )
        }
        let bodyStart = raw.starts(with: TextSupport.byteOrderMark) ? 3 : 0
        let text = Self.normalisingLineEnds(raw[bodyStart...])
        let sections = ClinicalSectionizer.sections(in: text)
        guard !sections.isEmpty else {
            emit(.skipped(SkippedDocument(file: file, documentID: id, line: 1, reason: "no_text")))
            return
        }
        var counter = ScalarCounter(text)
        var passages: [Passage] = []
        passages.reserveCapacity(sections.count)
        for section in sections {
            var infons: [Infon] = []
            if let outermost = section.parents.first {
                infons.append(Infon("parent_header", section.parents.map(\.text).joined(separator: " / ")))
                infons.append(Infon("parent_header_offset", String(counter.scalars(upTo: outermost.start))))
            }
            if let header = section.header {
                infons.append(Infon("header", header.text))
                infons.append(Infon("header_offset", String(counter.scalars(upTo: header.start))))
            }
            let offset = counter.scalars(upTo: section.body.lowerBound)
            passages.append(
                Passage(
                    label: section.label,
                    text: TextSupport.string(text[section.body]),
                    offset: offset,
                    infons: infons
                )
            )
        }
        let document = Document(
            id: id,
            format: .text,
            origin: Origin(file: file, index: 0, line: 1),
            passages: passages
        )
        emit(.document(document))
    }

    /// The line (from 1) holding a byte, and the offset where that line starts; `\n`, `\r\n`
    /// and a lone `\r` each end a line.
    static func lineOfByte(_ offset: Int, in bytes: [UInt8]) -> (line: Int, lineStart: Int) {
        var line = 1
        var lineStart = 0
        var index = 0
        while index < offset {
            let byte = bytes[index]
            if byte == 0x0A || (byte == 0x0D && (index + 1 >= bytes.count || bytes[index + 1] != 0x0A)) {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        return (line, lineStart)
    }

    /// The bytes with `\r\n` and lone `\r` replaced by `\n`.
    static func normalisingLineEnds(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        guard bytes.contains(0x0D) else { return Array(bytes) }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == 0x0D {
                result.append(0x0A)
                if index + 1 < bytes.endIndex, bytes[index + 1] == 0x0A { index += 1 }
            } else {
                result.append(byte)
            }
            index += 1
        }
        return result
    }

    // MARK: - One document per line

    private func readLines(_ source: ByteSource, emit: (IngestEvent) -> Void) throws(IngestError) {
        let file = source.name
        let stem = TextSupport.stem(ofFile: source.documentPath)
        var lineNumber = 0
        var index = 0
        while let line = try source.nextLine() {
            var start = 0
            if source.lineNumber == 1, line.starts(with: TextSupport.byteOrderMark) { start = 3 }
            // A lone CR also ends a line (nextLine splits at LF only).
            var pieceStart = start
            while true {
                let pieceEnd = line[pieceStart...].firstIndex(of: 0x0D) ?? line.count
                lineNumber += 1
                let piece = line[pieceStart..<pieceEnd]
                if !TextSupport.isBlank(piece) {
                    emit(
                        lineDocument(
                            piece,
                            file: file,
                            stem: stem,
                            line: lineNumber,
                            lineOffset: source.lineOffset,
                            index: index
                        )
                    )
                    index += 1
                }
                guard pieceEnd < line.count else { break }
                pieceStart = pieceEnd + 1
            }
        }
    }

    private func lineDocument(
        _ piece: ArraySlice<UInt8>,
        file: String,
        stem: String,
        line: Int,
        lineOffset: Int,
        index: Int
    ) -> IngestEvent {
        var id = "\(stem):\(line)"
        var textStart = piece.startIndex
        var pmid: String?
        if let tab = piece.prefix(11).firstIndex(of: 0x09),
            TextSupport.isDigits(piece[piece.startIndex..<tab])
        {
            let digits = TextSupport.string(piece[piece.startIndex..<tab])
            pmid = digits
            id = "PMID:\(digits)"
            textStart = tab + 1
        }
        if let bad = TextSupport.firstInvalidUTF8(in: piece) {
            return .failed(
                TextSupport.invalidUTF8Error(
                    file: file,
                    line: line,
                    lineOffset: lineOffset,
                    column: bad,
                    documentID: id,
                    documentIndex: index
                )
            )
        }
        let body = piece[textStart...]
        guard !TextSupport.isBlank(body) else {
            return .skipped(SkippedDocument(file: file, documentID: id, line: line, reason: "no_text"))
        }
        var metadata = Metadata()
        metadata.pmid = pmid
        let passage = Passage(
            label: "text",
            text: TextSupport.string(body),
            offset: TextSupport.scalarCount(piece[piece.startIndex..<textStart])
        )
        return .document(
            Document(
                id: id,
                format: .text,
                origin: Origin(file: file, index: index, line: line),
                metadata: metadata,
                passages: [passage]
            )
        )
    }
}
