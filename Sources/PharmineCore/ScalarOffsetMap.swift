/// Converts UTF-8 byte offsets of one text into Unicode scalar offsets, and back.
///
/// Built once per passage at the output edge. For pure-ASCII text both units agree and no table
/// is kept.
public struct ScalarOffsetMap: Sendable {
    /// The scalar offset of each UTF-8 byte, plus the end; empty for ASCII text.
    private let scalarOfByte: [Int32]
    /// The UTF-8 offset of each scalar, plus the end; empty for ASCII text.
    private let byteOfScalar: [Int32]

    /// Builds the map for a text.
    ///
    /// - Parameter text: The passage text.
    public init(_ text: String) {
        var text = text
        var scalarOfByte: [Int32] = []
        var byteOfScalar: [Int32] = []
        text.withUTF8 { bytes in
            guard !bytes.allSatisfy({ $0 < 0x80 }) else { return }
            scalarOfByte.reserveCapacity(bytes.count + 1)
            var scalar: Int32 = -1
            for (index, byte) in bytes.enumerated() {
                if byte & 0xC0 != 0x80 {
                    scalar += 1
                    byteOfScalar.append(Int32(index))
                }
                scalarOfByte.append(scalar)
            }
            scalarOfByte.append(scalar + 1)
            byteOfScalar.append(Int32(bytes.count))
        }
        self.scalarOfByte = scalarOfByte
        self.byteOfScalar = byteOfScalar
    }

    /// The scalar offset of a UTF-8 byte offset (which should lie on a scalar boundary).
    ///
    /// - Parameter byteOffset: A UTF-8 offset in `0...text.utf8.count`.
    /// - Returns: The number of scalars before it.
    public func scalarOffset(ofByte byteOffset: Int) -> Int {
        scalarOfByte.isEmpty ? byteOffset : Int(scalarOfByte[byteOffset])
    }

    /// The UTF-8 byte offset of a scalar offset.
    ///
    /// - Parameter scalarOffset: A scalar offset in `0...text.unicodeScalars.count`.
    /// - Returns: The UTF-8 offset of that scalar.
    public func byteOffset(ofScalar scalarOffset: Int) -> Int {
        byteOfScalar.isEmpty ? scalarOffset : Int(byteOfScalar[scalarOffset])
    }
}
