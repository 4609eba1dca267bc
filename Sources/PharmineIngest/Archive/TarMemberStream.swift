/// The data of one regular member of a tar archive, streamed from the archive.
///
/// Reads stop at the member's size. When the archive ends or fails before that, the read throws
/// an error that names the member (`ARCHIVE:member/path`), and so does every later read.
final class TarMemberStream: ByteStream {
    /// The archive, positioned at the member's data.
    private let archive: ByteSource
    /// The member's name for errors (`ARCHIVE:member/path`).
    let name: String
    /// The member's size in bytes.
    let size: Int
    /// How many of its bytes are still unread.
    private(set) var remaining: Int
    /// The error that ended the member, if any.
    private(set) var failure: IngestError?
    /// Bytes read ahead by ``startsWithGzipMagic()``, served first.
    private var pending: [UInt8] = []

    var isCompressed: Bool { false }

    /// Creates the stream of a member whose data starts at the archive's current position.
    ///
    /// - Parameters:
    ///   - archive: The archive.
    ///   - name: The member's name for errors.
    ///   - size: The member's size.
    init(archive: ByteSource, name: String, size: Int) {
        self.archive = archive
        self.name = name
        self.size = size
        self.remaining = size
    }

    func read(into destination: UnsafeMutableRawBufferPointer) throws(IngestError) -> Int {
        if let failure { throw failure }
        guard let target = destination.baseAddress, destination.count > 0 else { return 0 }
        if !pending.isEmpty {
            let count = min(pending.count, destination.count)
            pending.withUnsafeBytes { bytes in
                if let base = bytes.baseAddress { target.copyMemory(from: base, byteCount: count) }
            }
            pending.removeFirst(count)
            return count
        }
        guard remaining > 0 else { return 0 }
        let wanted = min(remaining, destination.count)
        let count: Int
        do {
            count = try archive.read(into: UnsafeMutableRawBufferPointer(start: target, count: wanted))
        } catch {
            let failure = IngestError(
                error.code,
                file: name,
                message: "\(error.message), \(size - remaining) bytes into this member of \(size) bytes"
            )
            self.failure = failure
            throw failure
        }
        guard count > 0 else {
            let failure = IngestError(
                .corruptArchive,
                file: name,
                message:
                    "the archive is truncated: it ends \(size - remaining) bytes into this member of \(size) bytes"
            )
            self.failure = failure
            throw failure
        }
        remaining -= count
        return count
    }

    /// Whether the member's data starts with the gzip magic bytes `1f 8b` (read ahead, not
    /// consumed).
    ///
    /// - Returns: True for a gzip-compressed member.
    /// - Throws: ``IngestError`` when the archive ends or fails.
    func startsWithGzipMagic() throws(IngestError) -> Bool {
        precondition(remaining == size && pending.isEmpty, "read ahead only at the start")
        let magic = UnsafeMutableRawBufferPointer.allocate(byteCount: 2, alignment: 1)
        defer { magic.deallocate() }
        var filled = 0
        while filled < 2 {
            let count = try read(into: UnsafeMutableRawBufferPointer(rebasing: magic[filled...]))
            if count == 0 { break }
            filled += count
        }
        pending = Array(magic[0..<filled])
        return pending == [0x1F, 0x8B]
    }

    /// Reads and drops the member's unread bytes, so the archive stands at the next header.
    ///
    /// - Throws: ``IngestError`` when the archive ends or fails first.
    func skipRest() throws(IngestError) {
        pending.removeAll()
        let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)
        defer { scratch.deallocate() }
        while remaining > 0 {
            _ = try read(into: scratch)
        }
    }
}
