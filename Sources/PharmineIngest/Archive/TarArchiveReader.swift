/// Streams the regular members of a tar archive (plain or gzipped), one at a time.
///
/// **Formats.** POSIX ustar, GNU and pax archives: 512-byte header blocks, the `ustar` magic at
/// offset 257, sizes in octal (or GNU base-256), long names from GNU `L` entries or pax `path`
/// records, pax `size` records. Directories, links, devices, FIFOs, GNU long link names, pax
/// global headers and GNU directory dumps are passed over without a word; any other entry type
/// (GNU sparse files, multi-volume continuations, unknown flags) is skipped and reported as a
/// failed event naming the member, so nothing is lost silently.
///
/// **Streaming.** Nothing is extracted to disk and the archive is never held in memory: each
/// member is handed out as a ``ByteSource`` that reads straight from the archive and stops at
/// the member's size. When the reader of a member stops early, the rest of the member is skipped.
/// Only the data of GNU long-name and pax headers is buffered, up to ``maxHeaderDataBytes``.
/// A member that is itself gzip-compressed (`1f 8b`) is inflated on the fly.
///
/// **Names.** A member is named `ARCHIVE:member/path` (the archive as the user named it, a
/// colon, the path stored in the archive) in origins and errors. Its plain-text documents take
/// the id of a file of that name: the member's file name without its extension.
///
/// **Damage.** A truncated or corrupt archive fails with code `corrupt_archive` (or
/// `corrupt_gzip` when the gzip layer breaks), naming the member being read, or the archive and
/// the last member before a broken header. Every member before the damage has been read.
/// An archive with no end-of-archive block is reported as truncated.
struct TarArchiveReader {
    /// The largest GNU long-name or pax header data read (1 MiB).
    static let maxHeaderDataBytes = 1 << 20

    /// The archive, not yet read past its peeked prefix.
    let archive: ByteSource

    /// Reads every regular member.
    ///
    /// - Parameters:
    ///   - emit: Receives the failed events of entries that are not read (unsupported types).
    ///   - readMember: Reads one member's source; returns whether it emitted a failed event.
    /// - Throws: ``IngestError`` for damage that ends the archive (already reported when it
    ///   happened inside a member whose reader reported it; see the return of `readMember`).
    func read(emit: (IngestEvent) -> Void, readMember: (ByteSource) -> Bool) throws(IngestError) {
        var offset = 0
        var previous: String?
        var longName: String?
        var paxPath: String?
        var paxSize: Int?
        var members = 0

        func place() -> String {
            previous.map { "after member '\($0)'" } ?? "at the start"
        }

        while true {
            guard let block = try readBlock(offset: offset, place: place()) else {
                throw IngestError(
                    .corruptArchive,
                    file: archive.name,
                    message: "the archive ends without its end-of-archive block \(place()): it is truncated"
                )
            }
            if TarHeader.isZero(block) { break }
            guard let header = TarHeader.parse(block) else {
                throw IngestError(
                    .corruptArchive,
                    file: archive.name,
                    message: "corrupt tar header (bad checksum) at byte \(offset) \(place())"
                )
            }
            offset += TarHeader.blockSize
            let isEntry = header.kind == .file || header.kind == .noData || header.kind.isUnsupported
            let size = isEntry ? paxSize ?? header.size : header.size
            let name = paxPath ?? longName ?? header.name
            let displayName = "\(archive.name):\(name)"
            switch header.kind {
            case .longName:
                let data = try readData(size: size, offset: offset, what: "GNU long name", place: place())
                longName = TarHeader.cString(data)
                offset += Self.padded(size)
                continue
            case .paxHeader:
                let data = try readData(size: size, offset: offset, what: "pax header", place: place())
                guard let records = TarHeader.paxRecords(data) else {
                    throw IngestError(
                        .corruptArchive,
                        file: archive.name,
                        message: "malformed pax header at byte \(offset - TarHeader.blockSize) \(place())"
                    )
                }
                if let path = records.path { paxPath = path }
                if let size = records.size { paxSize = size }
                offset += Self.padded(size)
                continue
            case .ignored:
                try skip(Self.padded(size), offset: offset, place: place())
                offset += Self.padded(size)
                continue
            case .noData:
                break
            case .unsupported(let flag):
                let type = (0x21...0x7E).contains(flag) ? "'\(Character(Unicode.Scalar(flag)))'" : "\(flag)"
                emit(
                    .failed(
                        IngestError(
                            .unknownFormat,
                            file: displayName,
                            message: "unsupported tar entry type \(type); the member was skipped"
                        )
                    )
                )
                try skip(Self.padded(size), offset: offset, place: place())
                offset += Self.padded(size)
            case .file:
                members += 1
                let stream = TarMemberStream(archive: archive, name: displayName, size: size)
                let reported = readMember(try memberSource(stream, name: name, displayName: displayName))
                if stream.failure == nil {
                    do {
                        try stream.skipRest()
                    } catch {
                        emit(.failed(error))
                        return
                    }
                }
                if let failure = stream.failure {
                    // The archive broke inside this member: nothing after it can be read.
                    if !reported { emit(.failed(failure)) }
                    return
                }
                offset += size
                try skip(
                    Self.padded(size) - size,
                    offset: offset,
                    place: "in the padding of member '\(name)'"
                )
                offset += Self.padded(size) - size
            }
            previous = name
            longName = nil
            paxPath = nil
            paxSize = nil
        }
        if members == 0 {
            throw IngestError(.empty, file: archive.name, message: "the archive holds no regular files")
        }
    }

    /// The source of a member: its bytes, inflated when they are gzip-compressed.
    private func memberSource(
        _ stream: TarMemberStream,
        name: String,
        displayName: String
    ) throws(IngestError) -> ByteSource {
        let gzipped: Bool
        do {
            gzipped = try stream.startsWithGzipMagic()
        } catch {
            // Reported when the member is read: its stream throws the same error again.
            gzipped = false
        }
        let bytes: any ByteStream =
            gzipped ? try InflatingStream(base: stream, name: displayName) : stream
        return ByteSource(name: displayName, documentPath: name, stream: bytes)
    }

    /// A size rounded up to whole blocks.
    static func padded(_ size: Int) -> Int {
        (size + TarHeader.blockSize - 1) / TarHeader.blockSize * TarHeader.blockSize
    }

    /// Reads one header block; nil at a clean end of the stream.
    private func readBlock(offset: Int, place: String) throws(IngestError) -> [UInt8]? {
        let block = try readExactly(TarHeader.blockSize, offset: offset, place: place)
        if block.isEmpty { return nil }
        guard block.count == TarHeader.blockSize else {
            throw IngestError(
                .corruptArchive,
                file: archive.name,
                message: "the archive is truncated inside the tar header at byte \(offset) \(place)"
            )
        }
        return block
    }

    /// Reads the data of a GNU long-name or pax header, with its padding.
    private func readData(
        size: Int,
        offset: Int,
        what: String,
        place: String
    ) throws(IngestError)
        -> [UInt8]
    {
        guard size <= Self.maxHeaderDataBytes else {
            throw IngestError(
                .corruptArchive,
                file: archive.name,
                message: "\(what) of \(size) bytes at byte \(offset) \(place) is larger than the "
                    + "\(Self.maxHeaderDataBytes >> 20) MiB limit"
            )
        }
        let data = try readExactly(Self.padded(size), offset: offset, place: place)
        guard data.count == Self.padded(size) else {
            throw IngestError(
                .corruptArchive,
                file: archive.name,
                message: "the archive is truncated inside a \(what) at byte \(offset) \(place)"
            )
        }
        return Array(data[0..<size])
    }

    /// Reads up to `count` bytes; fewer only at the end of the archive.
    private func readExactly(_ count: Int, offset: Int, place: String) throws(IngestError) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let read = try result.withUnsafeMutableBytes { bytes in
                Result { () throws(IngestError) -> Int in
                    try archiveRead(UnsafeMutableRawBufferPointer(rebasing: bytes[filled...]), place: place)
                }
            }.get()
            if read == 0 { break }
            filled += read
        }
        result.removeLast(count - filled)
        return result
    }

    /// Reads from the archive outside any member; a failure of the gzip layer says where.
    private func archiveRead(
        _ buffer: UnsafeMutableRawBufferPointer,
        place: String
    )
        throws(IngestError) -> Int
    {
        do {
            return try archive.read(into: buffer)
        } catch {
            var located = error
            located.message += " (\(place))"
            throw located
        }
    }

    /// Reads and drops bytes.
    private func skip(_ count: Int, offset: Int, place: String) throws(IngestError) {
        guard count > 0 else { return }
        let scratch = UnsafeMutableRawBufferPointer.allocate(
            byteCount: min(count, 1 << 16),
            alignment: 1
        )
        defer { scratch.deallocate() }
        var left = count
        while left > 0 {
            let chunk = UnsafeMutableRawBufferPointer(rebasing: scratch[0..<min(left, scratch.count)])
            let read = try archiveRead(chunk, place: place)
            guard read > 0 else {
                throw IngestError(
                    .corruptArchive,
                    file: archive.name,
                    message: "the archive is truncated at byte \(offset + count - left) \(place)"
                )
            }
            left -= read
        }
    }
}

extension TarHeader.Kind {
    /// Whether the entry type is one Pharmine does not read.
    var isUnsupported: Bool {
        if case .unsupported = self { return true }
        return false
    }
}
