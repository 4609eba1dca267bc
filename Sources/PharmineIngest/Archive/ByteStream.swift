/// A stream of bytes under a ``ByteSource`` that is not a file: a member of a tar archive, or a
/// gzip-compressed member inflated on the fly.
protocol ByteStream: AnyObject {
    /// Whether the bytes were gzip-compressed.
    var isCompressed: Bool { get }

    /// Reads bytes into a buffer.
    ///
    /// - Parameter destination: Where to put them.
    /// - Returns: The number of bytes read; 0 at the end of the stream.
    /// - Throws: ``IngestError`` when the stream is truncated or corrupt; every later call
    ///   throws again.
    func read(into destination: UnsafeMutableRawBufferPointer) throws(IngestError) -> Int
}
