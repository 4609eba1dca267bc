import PharmineCore

/// Reads MEDLINE text format, as PubMed exports it ("PubMed format", `.nbib`, `.medline`).
///
/// A record is a run of field lines `TAG - value` (the tag left-aligned and padded to four
/// characters: `PMID- `, `TI  - `, `AB  - `); a line starting with white space continues the
/// field above and is joined to it with one space; blank lines separate records, and a `PMID`
/// line also starts a new record. Lines are streamed.
///
/// Each record becomes a document with id `PMID:<n>`, passage `title` (TI, or BTI for books) at
/// offset 0 and passage `abstract` (AB, as one passage: a structured abstract keeps its inline
/// labels) at offset = title length in scalars + 1. Metadata: `title`; `journal` from JT (else TA),
/// TA also in `extra` as `journal_abbreviation`; `year`, the first four digits of DP; `doi` from
/// LID or AID values ending in `[doi]`; `pmcid` from PMC; `meshHeadings` from MH (descriptor name,
/// with `*` in front when the descriptor or any of its qualifiers is starred); `publicationTypes`
/// from PT; `keywords` from OT; `chemicals` from RN (the name in parentheses) and NM.
///
/// A record without a PMID, with a line that is not a field, or with invalid UTF-8 fails alone
/// (naming the file and line); a record without title or abstract is skipped (`no_text`).
struct MedlineTextReader: FormatReader {
    private struct Field {
        var tag: String
        var value: String
        var line: Int
    }

    private struct Record {
        var fields: [Field] = []
        var firstLine: Int
        var error: IngestError?
    }

    func read(_ source: ByteSource, options: IngestOptions, emit: (IngestEvent) -> Void) throws(IngestError) {
        let file = source.name
        var record: Record?
        var index = 0
        while let line = try source.nextLine() {
            let lineNumber = source.lineNumber
            let start = lineNumber == 1 && line.starts(with: TextSupport.byteOrderMark) ? 3 : 0
            let bytes = line[start...]
            if TextSupport.isBlank(bytes) {
                if let finished = record {
                    emit(document(from: finished, file: file, index: index))
                    index += 1
                    record = nil
                }
                continue
            }
            if let bad = TextSupport.firstInvalidUTF8(in: bytes) {
                if record == nil { record = Record(firstLine: lineNumber) }
                if record?.error == nil {
                    record?.error = TextSupport.invalidUTF8Error(
                        file: file,
                        line: lineNumber,
                        lineOffset: source.lineOffset,
                        column: bad
                    )
                }
                continue
            }
            if let first = bytes.first, first == 0x20 || first == 0x09 {
                // A continuation line.
                let text = Self.trimmed(bytes)
                if var current = record, var last = current.fields.popLast() {
                    if !text.isEmpty { last.value += last.value.isEmpty ? text : " " + text }
                    current.fields.append(last)
                    record = current
                } else {
                    if record == nil { record = Record(firstLine: lineNumber) }
                    if record?.error == nil {
                        record?.error = IngestError(
                            .invalidDocument,
                            file: file,
                            line: lineNumber,
                            message: "a continuation line with no field before it"
                        )
                    }
                }
                continue
            }
            guard let (tag, value) = Self.field(bytes) else {
                if record == nil { record = Record(firstLine: lineNumber) }
                if record?.error == nil {
                    record?.error = IngestError(
                        .invalidDocument,
                        file: file,
                        line: lineNumber,
                        message: "not a MEDLINE field line (expected 'TAG - value')"
                    )
                }
                continue
            }
            if tag == "PMID", let finished = record, !finished.fields.isEmpty {
                emit(document(from: finished, file: file, index: index))
                index += 1
                record = nil
            }
            if record == nil { record = Record(firstLine: lineNumber) }
            record?.fields.append(Field(tag: tag, value: value, line: lineNumber))
        }
        if let finished = record {
            emit(document(from: finished, file: file, index: index))
        }
    }

    /// Parses `TAG - value`: a tag of 1–4 capitals or digits padded with spaces to 4, then `- `.
    private static func field(_ bytes: ArraySlice<UInt8>) -> (String, String)? {
        guard bytes.count >= 5 else { return nil }
        let base = bytes.startIndex
        guard bytes[base + 4] == UInt8(ascii: "-"), bytes.count == 5 || bytes[base + 5] == 0x20 else { return nil }
        var tagEnd = base
        while tagEnd < base + 4, Self.isTagByte(bytes[tagEnd]) { tagEnd += 1 }
        guard tagEnd > base, bytes[tagEnd..<(base + 4)].allSatisfy({ $0 == 0x20 }) else { return nil }
        let tag = TextSupport.string(bytes[base..<tagEnd])
        let value = bytes.count > 6 ? trimmed(bytes[(base + 6)...]) : ""
        return (tag, value)
    }

    private static func isTagByte(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
    }

    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> String {
        var lower = bytes.startIndex
        var upper = bytes.endIndex
        while lower < upper, TextSupport.isSpace(bytes[lower]) { lower += 1 }
        while upper > lower, TextSupport.isSpace(bytes[upper - 1]) { upper -= 1 }
        return TextSupport.string(bytes[lower..<upper])
    }

    private func document(from record: Record, file: String, index: Int) -> IngestEvent {
        let pmid = record.fields.first { $0.tag == "PMID" }?.value
        let id = pmid.map { "PMID:\($0)" }
        if var error = record.error {
            error.documentID = id
            error.documentIndex = index
            return .failed(error)
        }
        guard let pmid, TextSupport.isDigits(pmid.utf8) else {
            return .failed(
                IngestError(
                    .invalidDocument,
                    file: file,
                    line: record.firstLine,
                    documentID: id,
                    documentIndex: index,
                    message: pmid == nil ? "a record without a PMID field" : "PMID '\(pmid ?? "")' is not a number"
                )
            )
        }
        let documentID = "PMID:\(pmid)"
        func values(_ tag: String) -> [String] {
            record.fields.filter { $0.tag == tag }.map(\.value).filter { !$0.isEmpty }
        }
        var metadata = Metadata()
        metadata.pmid = pmid
        let title = values("TI").first ?? values("BTI").first
        metadata.title = title
        let abbreviation = values("TA").first
        metadata.journal = values("JT").first ?? abbreviation
        if let abbreviation { metadata.extra.append(Infon("journal_abbreviation", abbreviation)) }
        metadata.year = values("DP").first.flatMap(Self.year)
        metadata.doi = (values("LID") + values("AID")).lazy.compactMap(Self.doi).first
        metadata.pmcid = values("PMC").first
        metadata.meshHeadings = values("MH").map(Self.meshHeading)
        metadata.publicationTypes = values("PT")
        metadata.keywords = values("OT")
        var chemicals: [String] = []
        for name in values("RN").map(Self.registryName) + values("NM") where !chemicals.contains(name) {
            chemicals.append(name)
        }
        metadata.chemicals = chemicals

        var passages: [Passage] = []
        var offset = 0
        if let title {
            passages.append(Passage(label: "title", text: title, offset: 0))
            offset = title.unicodeScalars.count + 1
        }
        let abstract = values("AB").joined(separator: " ")
        if !abstract.isEmpty {
            passages.append(Passage(label: "abstract", text: abstract, offset: offset))
        }
        guard !passages.isEmpty else {
            return .skipped(
                SkippedDocument(file: file, documentID: documentID, line: record.firstLine, reason: "no_text")
            )
        }
        return .document(
            Document(
                id: documentID,
                format: .medlineText,
                origin: Origin(file: file, index: index, line: record.firstLine),
                metadata: metadata,
                passages: passages
            )
        )
    }

    /// The first run of four digits: `2006 Jun` → 2006, `Spring 1999` → 1999.
    private static func year(_ date: String) -> Int? {
        let bytes = Array(date.utf8)
        var run = 0
        for (index, byte) in bytes.enumerated() {
            if byte >= 0x30 && byte <= 0x39 {
                run += 1
                let nextIsDigit = index + 1 < bytes.count && bytes[index + 1] >= 0x30 && bytes[index + 1] <= 0x39
                if run == 4 && !nextIsDigit { return Int(String(decoding: bytes[(index - 3)...index], as: UTF8.self)) }
            } else {
                run = 0
            }
        }
        return nil
    }

    /// `10.1016/j.x.2006.01.041 [doi]` → the DOI; nil for other identifier types.
    private static func doi(_ value: String) -> String? {
        guard value.hasSuffix("[doi]") else { return nil }
        let doi = value.dropLast(5).trimmingSpaces()
        return doi.isEmpty ? nil : doi
    }

    /// `Blood Platelets/*drug effects` → `*Blood Platelets`; `Humans` → `Humans`.
    private static func meshHeading(_ value: String) -> String {
        let parts = value.split(separator: "/", omittingEmptySubsequences: false)
        let descriptor = parts.first.map(String.init) ?? value
        let isMajor = parts.contains { $0.hasPrefix("*") }
        let name = descriptor.hasPrefix("*") ? String(descriptor.dropFirst()) : descriptor
        return isMajor ? "*" + name : name
    }

    /// `144494-65-5 (tirofiban)` → `tirofiban`; `0 (Receptors, Serotonin, 5-HT1)` → the name.
    private static func registryName(_ value: String) -> String {
        guard let open = value.firstIndex(of: "("), value.hasSuffix(")") else { return value }
        let name = value[value.index(after: open)..<value.index(before: value.endIndex)]
        return name.isEmpty ? value : String(name)
    }
}
