internal import CLibXML2
import Foundation

/// A file, gzipped or not, or one member of a tar archive, read as bytes: zlib reads plain
/// files through unchanged.
///
/// Not thread-safe; one reader owns one source. The first bytes can be peeked (for format
/// detection) and are then read again by ``read(into:)`` and ``nextLine()``.
public final class ByteSource {
    /// The file as the user named it (`-` for standard input), or `ARCHIVE:member/path` for a
    /// member of a tar archive. Readers name documents' origins and errors with it.
    public let name: String
    /// The path whose last component names plain-text documents: the file's path, or the
    /// member's path inside its archive (without the archive's name).
    let documentPath: String
    private var handle: gzFile?
    /// The stream under a source that is not a file (an archive member); nil for a file.
    private var stream: (any ByteStream)?
    private var buffer: [UInt8]
    private var position = 0
    private var filled = 0
    private var finished = false
    /// An error met while peeking, thrown once the bytes before it have been read.
    private var deferredError: IngestError?
    /// The offset in the (decompressed) stream of `buffer[0]`.
    private var bufferBase = 0
    /// The number of lines returned by ``nextLine()`` so far.
    public private(set) var lineNumber = 0
    /// The byte offset, in the (decompressed) stream and from 0, of the first byte of the line
    /// that ``nextLine()`` returned last.
    public private(set) var lineOffset = 0

    /// Opens a file, or standard input for `-`.
    ///
    /// - Parameter path: The path, or `-`.
    /// - Throws: ``IngestError`` with code `unreadable`.
    public init(path: String) throws(IngestError) {
        name = path
        documentPath = path
        if path == "-" {
            handle = gzdopen(dup(0), "rb")
        } else {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
                isDirectory.boolValue
            {
                throw IngestError(.unreadable, file: path, message: "is a directory")
            }
            handle = gzopen(path, "rb")
        }
        guard let handle else {
            let reason = String(cString: strerror(errno))
            throw IngestError(.unreadable, file: path, message: "cannot open: \(reason)")
        }
        gzbuffer(handle, 1 << 17)
        buffer = [UInt8](repeating: 0, count: 1 << 16)
    }

    /// Opens a stream that is not a file (a member of an archive).
    ///
    /// - Parameters:
    ///   - name: The name for origins and errors (`ARCHIVE:member/path`).
    ///   - documentPath: The path whose last component names plain-text documents.
    ///   - stream: The bytes.
    init(name: String, documentPath: String, stream: any ByteStream) {
        self.name = name
        self.documentPath = documentPath
        self.stream = stream
        buffer = [UInt8](repeating: 0, count: 1 << 16)
    }

    deinit {
        if let handle { gzclose_r(handle) }
    }

    /// Whether the underlying file (or archive member) was gzip-compressed.
    public var isCompressed: Bool {
        if let stream { return stream.isCompressed }
        guard let handle else { return false }
        return gzdirect(handle) == 0
    }

    /// Returns up to `count` bytes from the start without consuming them.
    ///
    /// Call it before any read. A read error (a truncated gzip stream) met after some bytes is
    /// held back: the peek returns those bytes, and the read that reaches the end of them throws
    /// the error, so a reader still gets every document before the damage.
    ///
    /// - Parameter count: How many bytes to look at.
    /// - Returns: The first bytes (fewer at end of file).
    /// - Throws: ``IngestError`` on a read error before the first byte.
    public func peek(_ count: Int) throws(IngestError) -> ArraySlice<UInt8> {
        precondition(position == 0, "peek only before reading")
        if buffer.count < count { buffer += [UInt8](repeating: 0, count: count - buffer.count) }
        while filled < count, !finished, deferredError == nil {
            do {
                try fill(upTo: count)
            } catch {
                if filled == 0 { throw error }
                deferredError = error
            }
        }
        return buffer[0..<min(filled, count)]
    }

    /// Reads bytes into a buffer.
    ///
    /// - Parameter destination: Where to put them.
    /// - Returns: The number of bytes read; 0 at end of file.
    /// - Throws: ``IngestError`` on a read error or a corrupt gzip stream.
    public func read(into destination: UnsafeMutableRawBufferPointer) throws(IngestError) -> Int {
        guard let target = destination.baseAddress, destination.count > 0 else { return 0 }
        if position < filled {
            let count = min(filled - position, destination.count)
            buffer.withUnsafeBytes { source in
                if let start = source.baseAddress {
                    target.copyMemory(from: start + position, byteCount: count)
                }
            }
            position += count
            return count
        }
        if let deferredError { throw deferredError }
        guard !finished else { return 0 }
        let count = try rawRead(target, count: destination.count)
        bufferBase += filled
        position = 0
        filled = 0
        if count == 0 {
            finished = true
        } else {
            bufferBase += count
        }
        return count
    }

    /// Reads everything that is left.
    ///
    /// - Returns: The remaining bytes (after any peeked ones).
    /// - Throws: ``IngestError`` on a read error or a corrupt gzip stream.
    public func readAll() throws(IngestError) -> [UInt8] {
        var result: [UInt8] = []
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)
        defer { chunk.deallocate() }
        while true {
            let count = try read(into: chunk)
            if count == 0 { break }
            result.append(contentsOf: chunk[0..<count])
        }
        return result
    }

    /// Reads the next line, without its `\n` or `\r\n`.
    ///
    /// Only `\n` ends a line: a lone `\r` stays in the line. Memory use is one line plus a fixed
    /// buffer, whatever the size of the file.
    ///
    /// - Returns: The line's bytes, or nil at end of file.
    /// - Throws: ``IngestError`` on a read error or a corrupt gzip stream.
    public func nextLine() throws(IngestError) -> [UInt8]? {
        var line: [UInt8] = []
        let start = bufferBase + position
        while true {
            if position == filled {
                if finished { break }
                bufferBase += filled
                position = 0
                filled = 0
                try fill(upTo: buffer.count)
                if filled == 0 { break }
            }
            let newline = buffer[position..<filled].firstIndex(of: 0x0A)
            if let newline {
                line.append(contentsOf: buffer[position..<newline])
                position = newline + 1
                lineNumber += 1
                lineOffset = start
                if line.last == 0x0D { line.removeLast() }
                return line
            }
            line.append(contentsOf: buffer[position..<filled])
            position = filled
        }
        if line.isEmpty { return nil }
        lineNumber += 1
        lineOffset = start
        if line.last == 0x0D { line.removeLast() }
        return line
    }

    private func fill(upTo limit: Int) throws(IngestError) {
        if let deferredError { throw deferredError }
        guard !finished, filled < limit, limit <= buffer.count else { return }
        let start = filled
        let result = buffer.withUnsafeMutableBytes { bytes in
            Result { () throws(IngestError) -> Int in
                guard let base = bytes.baseAddress else { return 0 }
                return try rawRead(base + start, count: limit - start)
            }
        }
        let count = try result.get()
        if count == 0 {
            finished = true
        } else {
            filled += count
        }
    }

    /// Reads up to `count` bytes from the file or stream underneath, skipping the buffer.
    private func rawRead(_ target: UnsafeMutableRawPointer, count: Int) throws(IngestError) -> Int {
        if let stream {
            do {
                return try stream.read(into: UnsafeMutableRawBufferPointer(start: target, count: count))
            } catch {
                var located = error
                if located.line == nil, lineNumber > 0 { located.line = lineNumber }
                throw located
            }
        }
        guard let handle else { return 0 }
        let read = gzread(handle, target, UInt32(min(count, Int(Int32.max))))
        try check(read)
        return Int(max(read, 0))
    }

    private func check(_ count: Int32) throws(IngestError) {
        // zlib flags a truncated stream while still returning the bytes it could decompress: hand
        // those out first; the next read returns nothing and reports the error.
        guard count <= 0, let handle else { return }
        var code: Int32 = 0
        let message = gzerror(handle, &code)
        if count < 0 || (code != Z_OK && code != Z_STREAM_END) {
            let text = message.map { String(cString: $0) } ?? "read error"
            let isGzip = code == Z_DATA_ERROR || code == Z_BUF_ERROR
            throw IngestError(
                isGzip ? .corruptGzip : .unreadable,
                file: name,
                line: lineNumber > 0 ? lineNumber : nil,
                message: isGzip ? "gzip stream is truncated or corrupt (\(text))" : text
            )
        }
    }
}
