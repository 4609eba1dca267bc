/// One 512-byte header block of a tar archive (POSIX ustar, GNU or pax).
///
/// The layout: name at 0 (100 bytes), size at 124 (12 bytes, octal, or base-256 when the first
/// byte has its high bit set, as GNU tar writes sizes of 8 GiB and more), checksum at 148
/// (8 bytes), type flag at 156, magic `ustar` at 257, and for POSIX ustar (`ustar\0`) a name
/// prefix at 345 (155 bytes) joined to the name with `/`. GNU tar (`ustar  \0`) stores other
/// fields there, so its prefix is not read.
struct TarHeader {
    /// The size of a block; headers and member data are padded to it.
    static let blockSize = 512

    /// What an entry is, from its type flag.
    enum Kind: Equatable {
        /// A regular file (`0`, NUL, or `7` contiguous file).
        case file
        /// An entry without data: directory, hard or symbolic link, device, FIFO, volume label.
        case noData
        /// A GNU long name (`L`): its data is the next entry's name.
        case longName
        /// A pax extended header (`x`, or Solaris `X`): records for the next entry.
        case paxHeader
        /// An entry whose data is skipped silently: GNU long link name (`K`), pax global
        /// header (`g`), GNU directory dump (`D`).
        case ignored
        /// An entry type Pharmine does not read (GNU sparse `S`, multi-volume `M`, others);
        /// its data is skipped and it is reported.
        case unsupported(UInt8)
    }

    /// The entry's path (with the ustar prefix when there is one).
    var name: String
    /// The size of the data that follows, in bytes.
    var size: Int
    /// The raw type flag.
    var typeFlag: UInt8
    /// What the entry is.
    var kind: Kind

    /// Whether a prefix of a stream starts with a tar header: the `ustar` magic at offset 257
    /// and a valid checksum.
    ///
    /// - Parameter prefix: The first bytes of the (decompressed) input.
    /// - Returns: True for a tar archive.
    static func startsArchive<Bytes: Collection<UInt8>>(_ prefix: Bytes) -> Bool {
        guard prefix.count >= blockSize else { return false }
        let block = Array(prefix.prefix(blockSize))
        guard block[257..<262].elementsEqual("ustar".utf8) else { return false }
        return hasValidChecksum(block)
    }

    /// Whether a block holds only zero bytes (the end-of-archive marker).
    static func isZero(_ block: [UInt8]) -> Bool {
        block.allSatisfy { $0 == 0 }
    }

    /// Whether a header's checksum field matches its bytes (sum of all bytes with the checksum
    /// field counted as spaces; old writers summed signed bytes, which is accepted too).
    static func hasValidChecksum(_ block: [UInt8]) -> Bool {
        guard block.count == blockSize, let stored = octal(block[148..<156]) else { return false }
        var unsigned = 0
        var signed = 0
        for (index, byte) in block.enumerated() {
            let value = (148..<156).contains(index) ? 0x20 : byte
            unsigned += Int(value)
            signed += Int(Int8(bitPattern: value))
        }
        return stored == unsigned || stored == signed
    }

    /// Parses a header block.
    ///
    /// - Parameter block: 512 bytes.
    /// - Returns: The header, or nil when the checksum does not match (not a header).
    static func parse(_ block: [UInt8]) -> TarHeader? {
        guard hasValidChecksum(block), let size = number(block[124..<136]) else { return nil }
        var name = cString(block[0..<100])
        let magic = block[257..<263]
        if magic.elementsEqual("ustar\0".utf8) {
            let prefix = cString(block[345..<500])
            if !prefix.isEmpty { name = prefix + "/" + name }
        }
        let flag = block[156]
        let kind: Kind
        switch flag {
        case 0, UInt8(ascii: "0"), UInt8(ascii: "7"): kind = .file
        case UInt8(ascii: "1")...UInt8(ascii: "6"), UInt8(ascii: "V"): kind = .noData
        case UInt8(ascii: "L"): kind = .longName
        case UInt8(ascii: "x"), UInt8(ascii: "X"): kind = .paxHeader
        case UInt8(ascii: "K"), UInt8(ascii: "g"), UInt8(ascii: "D"): kind = .ignored
        default: kind = .unsupported(flag)
        }
        return TarHeader(name: name, size: size, typeFlag: flag, kind: kind)
    }

    /// The text of a NUL-terminated field.
    static func cString<Bytes: Collection<UInt8>>(_ field: Bytes) -> String {
        String(decoding: field.prefix { $0 != 0 }, as: UTF8.self)
    }

    /// A numeric field: octal digits (with leading spaces or NULs and a space or NUL after), or
    /// GNU base-256 (big-endian) when the first byte has its high bit set.
    static func number(_ field: ArraySlice<UInt8>) -> Int? {
        guard let first = field.first else { return nil }
        if first & 0x80 != 0 {
            guard first & 0x40 == 0 else { return nil }  // negative
            var value = Int(first & 0x3F)
            for byte in field.dropFirst() {
                guard value <= (Int.max >> 8) else { return nil }
                value = value << 8 | Int(byte)
            }
            return value
        }
        return octal(field)
    }

    /// An octal field; an all-blank field is 0.
    static func octal(_ field: ArraySlice<UInt8>) -> Int? {
        var value = 0
        var index = field.startIndex
        while index < field.endIndex, field[index] == 0x20 || field[index] == 0 { index += 1 }
        while index < field.endIndex, (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(field[index]) {
            guard value <= (Int.max >> 3) else { return nil }
            value = value << 3 | Int(field[index] - UInt8(ascii: "0"))
            index += 1
        }
        guard field[index...].allSatisfy({ $0 == 0x20 || $0 == 0 }) else { return nil }
        return value
    }

    /// The `path` and `size` records of a pax extended header (`LENGTH KEY=VALUE\n` each, the
    /// length counting the whole record).
    ///
    /// - Parameter data: The header's data.
    /// - Returns: The path and size overrides, or nil when a record is malformed.
    static func paxRecords(_ data: [UInt8]) -> (path: String?, size: Int?)? {
        var path: String?
        var size: Int?
        var index = 0
        while index < data.count {
            if data[index] == 0 { break }  // padding
            guard let space = data[index...].firstIndex(of: 0x20) else { return nil }
            let lengthText = data[index..<space]
            guard !lengthText.isEmpty, lengthText.allSatisfy({ (0x30...0x39).contains($0) }),
                let length = Int(String(decoding: lengthText, as: UTF8.self)),
                length > space - index, index + length <= data.count, data[index + length - 1] == 0x0A
            else { return nil }
            let record = data[(space + 1)..<(index + length - 1)]
            guard let equals = record.firstIndex(of: UInt8(ascii: "=")) else { return nil }
            let key = String(decoding: record[record.startIndex..<equals], as: UTF8.self)
            let value = String(decoding: record[(equals + 1)...], as: UTF8.self)
            switch key {
            case "path": path = value
            case "size":
                guard let number = Int(value), number >= 0 else { return nil }
                size = number
            default: break
            }
            index += length
        }
        return (path, size)
    }
}
