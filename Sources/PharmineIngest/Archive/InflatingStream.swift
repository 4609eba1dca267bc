internal import CLibXML2

/// A gzip-compressed stream inflated on the fly (a `.gz` member of a tar archive).
///
/// Concatenated gzip members are read one after the other, as `gzip -d` does. A stream that
/// ends before its gzip trailer, or holds corrupt data, throws `corrupt_gzip` naming the member.
final class InflatingStream: ByteStream {
    private let base: any ByteStream
    private let name: String
    private let zstream: UnsafeMutablePointer<z_stream>
    private let input: UnsafeMutableRawBufferPointer
    private var inputEnded = false
    private var streamEnded = false
    private var failure: IngestError?

    var isCompressed: Bool { true }

    /// Starts inflating a stream.
    ///
    /// - Parameters:
    ///   - base: The compressed bytes.
    ///   - name: The name for errors.
    /// - Throws: ``IngestError`` when zlib cannot start.
    init(base: any ByteStream, name: String) throws(IngestError) {
        self.base = base
        self.name = name
        zstream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        zstream.initialize(to: z_stream())
        input = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)
        // 15 + 16: a gzip wrapper, with the largest window.
        guard inflateInit2_(zstream, 15 + 16, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else {
            zstream.deinitialize(count: 1)
            zstream.deallocate()
            input.deallocate()
            throw IngestError(.unreadable, file: name, message: "zlib could not start inflating")
        }
    }

    deinit {
        inflateEnd(zstream)
        zstream.deinitialize(count: 1)
        zstream.deallocate()
        input.deallocate()
    }

    func read(into destination: UnsafeMutableRawBufferPointer) throws(IngestError) -> Int {
        if let failure { throw failure }
        guard let target = destination.baseAddress, destination.count > 0 else { return 0 }
        let capacity = min(destination.count, Int(UInt32.max))
        zstream.pointee.next_out = target.assumingMemoryBound(to: Bytef.self)
        zstream.pointee.avail_out = UInt32(capacity)
        while true {
            if zstream.pointee.avail_in == 0, !inputEnded {
                let count = try base.read(into: input)
                if count == 0 {
                    inputEnded = true
                } else {
                    zstream.pointee.next_in = input.baseAddress?.assumingMemoryBound(to: Bytef.self)
                    zstream.pointee.avail_in = UInt32(count)
                }
            }
            if streamEnded {
                // Another gzip member may follow.
                if zstream.pointee.avail_in == 0 && inputEnded { return 0 }
                inflateReset(zstream)
                streamEnded = false
            }
            let code = inflate(zstream, Z_NO_FLUSH)
            let produced = capacity - Int(zstream.pointee.avail_out)
            switch code {
            case Z_STREAM_END:
                streamEnded = true
                if produced > 0 { return produced }
            case Z_OK:
                if produced > 0 { return produced }
            case Z_BUF_ERROR:
                if produced > 0 { return produced }
                if inputEnded && zstream.pointee.avail_in == 0 {
                    throw fail("the gzip stream is truncated (it ends before its trailer)")
                }
            default:
                let detail = zstream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(code)"
                throw fail("gzip stream is truncated or corrupt (\(detail))")
            }
        }
    }

    private func fail(_ message: String) -> IngestError {
        let error = IngestError(.corruptGzip, file: name, message: message)
        failure = error
        return error
    }
}
