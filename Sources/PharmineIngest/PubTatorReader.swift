import PharmineCore

/// Reads PubTator text: `PMID|t|title`, `PMID|a|abstract`, then annotation lines
/// `PMID<TAB>start<TAB>end<TAB>text<TAB>type<TAB>id(s)[<TAB>…]` and relation lines
/// `PMID<TAB>type<TAB>id1<TAB>id2[<TAB>…]`; blank lines (or a new PMID) separate documents.
///
/// Each document has id `PMID:<pmid>` (the bare id when it is not a number), passage `title` at
/// offset 0 and passage `abstract` at offset title length + 1 (an empty passage is left out).
/// PubTator offsets count characters of `title + " " + abstract`; they are read as Unicode scalar
/// offsets (the BC5CDR and BioRED files are pure ASCII, where every unit agrees; the tools that
/// write and read PubTator are mostly Python, whose strings count scalars) and made
/// passage-local. Gold annotations get ids `0`, `1`… in file order (as BioRED's BioC files
/// number them) and identifiers split on `|`, `,` or `;`, except tmVar variant ids
/// (`c|DEL|1314_1328|`, `p|SUB|A|75|G`), which are kept whole. A seventh column (BC5CDR's
/// individual mentions of a composite mention) is kept in the infon `mentions`. Relations get ids
/// `R0`, `R1`…; a fifth column (BioRED's novelty, `Novel`/`No`) is kept in the infon `novel`,
/// later columns as `column6`, `column7`…
///
/// A broken line (bad offsets, offsets whose slice is not the annotation text, an annotation
/// across the title/abstract boundary, a line of another PMID inside a document, invalid UTF-8)
/// fails its document, naming the file and line; the other documents go on.
struct PubTatorReader: FormatReader {
    private struct RawAnnotation {
        var line: Int
        var start: Int
        var end: Int
        var text: String
        var type: String
        var identifiers: String
        var extra: [String]
    }

    private struct Pending {
        var pmid: String
        var firstLine: Int
        var title: String?
        var abstract: String?
        var annotations: [RawAnnotation] = []
        var relations: [Relation] = []
        var error: IngestError?

        var documentID: String { TextSupport.isDigits(pmid.utf8) ? "PMID:\(pmid)" : pmid }
    }

    func read(_ source: ByteSource, options: IngestOptions, emit: (IngestEvent) -> Void) throws(IngestError) {
        let file = source.name
        var pending: Pending?
        var index = 0
        func fail(_ message: String, line: Int, pmid: String) {
            if pending == nil { pending = Pending(pmid: pmid, firstLine: line) }
            if pending?.error == nil {
                pending?.error = IngestError(.invalidDocument, file: file, line: line, message: message)
            }
        }
        while let line = try source.nextLine() {
            let lineNumber = source.lineNumber
            let start = lineNumber == 1 && line.starts(with: TextSupport.byteOrderMark) ? 3 : 0
            let bytes = line[start...]
            if TextSupport.isBlank(bytes) {
                if let finished = pending {
                    emit(document(from: finished, file: file, index: index))
                    index += 1
                    pending = nil
                }
                continue
            }
            if let bad = TextSupport.firstInvalidUTF8(in: bytes) {
                if pending == nil { pending = Pending(pmid: "", firstLine: lineNumber) }
                if pending?.error == nil {
                    pending?.error = TextSupport.invalidUTF8Error(
                        file: file,
                        line: lineNumber,
                        lineOffset: source.lineOffset,
                        column: bad
                    )
                }
                continue
            }
            // Text lines: PMID|t|… and PMID|a|…
            if let text = Self.textLine(bytes) {
                if let current = pending, current.pmid != text.pmid {
                    emit(document(from: current, file: file, index: index))
                    index += 1
                    pending = nil
                }
                if pending == nil { pending = Pending(pmid: text.pmid, firstLine: lineNumber) }
                switch text.kind {
                case "t": pending?.title = text.text
                case "a": pending?.abstract = text.text
                default: break
                }
                continue
            }
            let columns = bytes.split(separator: 0x09, omittingEmptySubsequences: false).map { TextSupport.string($0) }
            let pmid = columns[0]
            guard columns.count >= 4 else {
                fail(
                    "not a PubTator line (expected PMID|t|, PMID|a|, or tab-separated columns)",
                    line: lineNumber,
                    pmid: pmid
                )
                continue
            }
            if let current = pending, current.pmid != pmid {
                if current.pmid.isEmpty {
                    pending?.pmid = pmid
                } else {
                    fail(
                        "a line for PMID \(pmid) inside the document of PMID \(current.pmid)",
                        line: lineNumber,
                        pmid: pmid
                    )
                    continue
                }
            }
            if pending == nil { pending = Pending(pmid: pmid, firstLine: lineNumber) }
            if TextSupport.isDigits(columns[1].utf8) {
                guard columns.count >= 6 else {
                    fail("an annotation line needs 6 columns, found \(columns.count)", line: lineNumber, pmid: pmid)
                    continue
                }
                guard let start = Int(columns[1]), let end = Int(columns[2]) else {
                    fail(
                        "annotation offsets '\(columns[1])' and '\(columns[2])' are not numbers",
                        line: lineNumber,
                        pmid: pmid
                    )
                    continue
                }
                pending?.annotations.append(
                    RawAnnotation(
                        line: lineNumber,
                        start: start,
                        end: end,
                        text: columns[3],
                        type: columns[4],
                        identifiers: columns[5],
                        extra: Array(columns[6...])
                    )
                )
            } else {
                let number = pending?.relations.count ?? 0
                var infons: [Infon] = []
                for (offset, value) in columns[4...].enumerated() {
                    infons.append(Infon(offset == 0 ? "novel" : "column\(offset + 5)", value))
                }
                pending?.relations.append(
                    Relation(id: "R\(number)", type: columns[1], first: columns[2], second: columns[3], infons: infons)
                )
            }
        }
        if let finished = pending {
            emit(document(from: finished, file: file, index: index))
        }
    }

    /// Parses `PMID|k|text` where `k` is one lower-case letter and PMID holds no space or tab.
    private static func textLine(_ bytes: ArraySlice<UInt8>) -> (pmid: String, kind: String, text: String)? {
        guard let bar = bytes.firstIndex(of: UInt8(ascii: "|")), bar > bytes.startIndex else { return nil }
        guard bytes[bytes.startIndex..<bar].allSatisfy({ $0 != 0x20 && $0 != 0x09 }) else { return nil }
        let kind = bar + 1
        guard kind + 1 < bytes.endIndex, bytes[kind] >= 0x61, bytes[kind] <= 0x7A,
            bytes[kind + 1] == UInt8(ascii: "|")
        else { return nil }
        return (
            TextSupport.string(bytes[bytes.startIndex..<bar]),
            TextSupport.string(bytes[kind...kind]),
            TextSupport.string(bytes[(kind + 2)...])
        )
    }

    private func document(from pending: Pending, file: String, index: Int) -> IngestEvent {
        let documentID = pending.documentID
        if var error = pending.error {
            error.documentID = documentID.isEmpty ? nil : documentID
            error.documentIndex = index
            return .failed(error)
        }
        func failure(_ message: String, line: Int) -> IngestEvent {
            .failed(
                IngestError(
                    .invalidDocument,
                    file: file,
                    line: line,
                    documentID: documentID,
                    documentIndex: index,
                    message: message
                )
            )
        }
        let title = Array((pending.title ?? "").unicodeScalars)
        let abstract = Array((pending.abstract ?? "").unicodeScalars)
        let abstractOffset = title.count + 1
        // Passage slots: 0 title, 1 abstract; empty ones are left out of the document.
        var passageIndex: [Int?] = [nil, nil]
        var passages: [Passage] = []
        if !title.isEmpty {
            passageIndex[0] = passages.count
            passages.append(Passage(label: "title", text: pending.title ?? "", offset: 0))
        }
        if !abstract.isEmpty {
            passageIndex[1] = passages.count
            passages.append(Passage(label: "abstract", text: pending.abstract ?? "", offset: abstractOffset))
        }
        guard !passages.isEmpty else {
            if pending.annotations.isEmpty {
                return .skipped(
                    SkippedDocument(file: file, documentID: documentID, line: pending.firstLine, reason: "no_text")
                )
            }
            return failure("annotations for a document without title or abstract", line: pending.firstLine)
        }
        var annotations: [Annotation] = []
        annotations.reserveCapacity(pending.annotations.count)
        for (number, raw) in pending.annotations.enumerated() {
            let slot: Int
            let local: Int
            if raw.start < 0 || raw.end < raw.start {
                return failure("bad annotation offsets \(raw.start)–\(raw.end)", line: raw.line)
            }
            if raw.end <= title.count {
                slot = 0
                local = 0
            } else if raw.start >= abstractOffset && raw.end <= abstractOffset + abstract.count {
                slot = 1
                local = abstractOffset
            } else {
                let length = abstractOffset + abstract.count
                let reason =
                    raw.end > length
                    ? "lie beyond the end of the text (\(length) characters)"
                    : "cross the boundary between title and abstract"
                return failure("annotation offsets \(raw.start)–\(raw.end) \(reason)", line: raw.line)
            }
            let scalars = slot == 0 ? title : abstract
            let start = raw.start - local
            let end = raw.end - local
            guard let passage = passageIndex[slot],
                scalars[start..<end].elementsEqual(raw.text.unicodeScalars)
            else {
                var found = String.UnicodeScalarView()
                found.append(contentsOf: scalars[start..<end])
                return failure(
                    "annotation offsets \(raw.start)–\(raw.end) give '\(String(found))', not '\(raw.text)'",
                    line: raw.line
                )
            }
            var infons: [Infon] = []
            for (offset, value) in raw.extra.enumerated() {
                infons.append(Infon(offset == 0 ? "mentions" : "column\(offset + 7)", value))
            }
            annotations.append(
                Annotation(
                    id: String(number),
                    type: raw.type,
                    text: raw.text,
                    passage: passage,
                    start: start,
                    end: end,
                    identifiers: Self.identifiers(raw.identifiers),
                    infons: infons
                )
            )
        }
        var metadata = Metadata()
        if TextSupport.isDigits(pending.pmid.utf8) { metadata.pmid = pending.pmid }
        metadata.title = pending.title.flatMap { $0.isEmpty ? nil : $0 }
        var document = Document(
            id: documentID,
            format: .pubtator,
            origin: Origin(file: file, index: index, line: pending.firstLine),
            metadata: metadata,
            passages: passages
        )
        document.annotations = annotations
        document.relations = pending.relations
        return .document(document)
    }

    /// Splits an identifier column on `|`, `,` and `;`, keeping tmVar variant ids whole.
    static func identifiers(_ column: String) -> [String] {
        let trimmed = column.trimmingSpaces()
        if trimmed.isEmpty { return [] }
        if isTmVarIdentifier(trimmed) { return [trimmed] }
        return trimmed.split(whereSeparator: { $0 == "|" || $0 == "," || $0 == ";" })
            .map { $0.trimmingSpaces() }
            .filter { !$0.isEmpty }
    }

    /// tmVar's variant notation: a one-letter sequence type, `|`, an upper-case operation, `|`
    /// (`c|DEL|1314_1328|`, `p|SUB|P|75|A`).
    private static func isTmVarIdentifier(_ value: String) -> Bool {
        let parts = value.split(separator: "|", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 1, let type = parts[0].first, "cgpmrn".contains(type) else {
            return false
        }
        return !parts[1].isEmpty && parts[1].allSatisfy { $0.isASCII && $0.isUppercase }
    }
}
