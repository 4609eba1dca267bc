/// A small streaming JSON writer that appends UTF-8 bytes to a buffer.
///
/// It writes keys and values in exactly the order the caller gives, so record layouts are fixed by
/// the code that writes them. Strings are escaped as JSON requires: `"` and `\` get a backslash,
/// the control characters below U+0020 become `\n`, `\r`, `\t`, `\b`, `\f` or `\u00XX`, and every
/// other character, non-ASCII included, is copied as UTF-8. Numbers never use an exponent.
///
/// The writer does not check that calls nest correctly; record encoders are tested by parsing
/// their output back.
///
/// ```swift
/// var json = JSONWriter()
/// json.beginObject()
/// json.key("doc")
/// json.string("PMID:1")
/// json.key("confidence")
/// json.double(0.9)
/// json.endObject()
/// json.newline()
/// // {"doc":"PMID:1","confidence":0.9}\n
/// ```
public struct JSONWriter: Sendable {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8]
    /// Whether the next key or value must be preceded by a comma.
    private var needsComma = false
    /// Whether the next value follows a key (no comma, no line break).
    private var afterKey = false
    /// Whether the innermost container has just been opened.
    private var justOpened = false
    /// Nesting depth, for pretty printing.
    private var depth = 0
    /// Whether to break lines and indent by two spaces.
    private let pretty: Bool

    /// Creates a writer.
    ///
    /// - Parameters:
    ///   - pretty: Break lines and indent by two spaces (for the run report); compact otherwise.
    ///   - capacity: Bytes to reserve.
    public init(pretty: Bool = false, capacity: Int = 1024) {
        self.pretty = pretty
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Removes the bytes written, keeping the capacity.
    public mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        needsComma = false
        afterKey = false
        justOpened = false
        depth = 0
    }

    /// Ends a JSON Lines record: appends a line feed and starts the next top-level value.
    public mutating func newline() {
        bytes.append(0x0A)
        needsComma = false
        afterKey = false
        justOpened = false
    }

    // MARK: - Containers

    /// Opens an object.
    public mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        open()
    }

    /// Closes the innermost object.
    public mutating func endObject() {
        close()
        bytes.append(UInt8(ascii: "}"))
    }

    /// Opens an array.
    public mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        open()
    }

    /// Closes the innermost array.
    public mutating func endArray() {
        close()
        bytes.append(UInt8(ascii: "]"))
    }

    // MARK: - Keys

    /// Writes an object key that needs no escaping (plain ASCII letters, digits and `_`).
    ///
    /// - Parameter key: The key.
    public mutating func key(_ key: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        if pretty { bytes.append(0x20) }
        afterKey = true
    }

    /// Writes an object key that comes from data, escaped.
    ///
    /// - Parameter key: The key.
    public mutating func key(string key: String) {
        separate()
        appendQuoted(key)
        bytes.append(UInt8(ascii: ":"))
        if pretty { bytes.append(0x20) }
        afterKey = true
    }

    // MARK: - Members

    /// Writes an object member: a key that needs no escaping and a string value (or `null`).
    ///
    /// - Parameters:
    ///   - key: The key.
    ///   - value: The string, or nil for `null`.
    public mutating func field(_ key: StaticString, _ value: String?) {
        self.key(key)
        string(value)
    }

    /// Writes an object member: a key that needs no escaping and an integer (or `null`).
    ///
    /// - Parameters:
    ///   - key: The key.
    ///   - value: The integer, or nil for `null`.
    public mutating func field(_ key: StaticString, _ value: Int?) {
        self.key(key)
        int(value)
    }

    /// Writes an object member: a key that needs no escaping and a Boolean (or `null`).
    ///
    /// - Parameters:
    ///   - key: The key.
    ///   - value: The Boolean, or nil for `null`.
    public mutating func field(_ key: StaticString, _ value: Bool?) {
        self.key(key)
        bool(value)
    }

    // MARK: - Values

    /// Writes a string value, escaped.
    ///
    /// - Parameter value: The string.
    public mutating func string(_ value: String) {
        separate()
        appendQuoted(value)
        needsComma = true
    }

    /// Writes a string value, or `null`.
    ///
    /// - Parameter value: The string, or nil for `null`.
    public mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    /// Writes a string value from UTF-8 bytes, escaped.
    ///
    /// Invalid UTF-8 is replaced by U+FFFD, so the output is always valid JSON text.
    ///
    /// - Parameter utf8: The bytes of the string.
    public mutating func string<Bytes: Collection<UInt8>>(utf8: Bytes) {
        separate()
        let handled: Void? = utf8.withContiguousStorageIfAvailable { buffer in
            appendQuoted(buffer)
        }
        if handled == nil {
            let copy = Array(utf8)
            copy.withUnsafeBufferPointer { appendQuoted($0) }
        }
        needsComma = true
    }

    /// Writes an integer.
    ///
    /// - Parameter value: The integer.
    public mutating func int(_ value: Int) {
        separate()
        appendInteger(value)
        needsComma = true
    }

    /// Writes an integer, or `null`.
    ///
    /// - Parameter value: The integer, or nil for `null`.
    public mutating func int(_ value: Int?) {
        if let value { int(value) } else { null() }
    }

    /// Writes `true` or `false`.
    ///
    /// - Parameter value: The Boolean.
    public mutating func bool(_ value: Bool) {
        separate()
        if value {
            bytes.append(contentsOf: [0x74, 0x72, 0x75, 0x65])  // true
        } else {
            bytes.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65])  // false
        }
        needsComma = true
    }

    /// Writes a Boolean, or `null`.
    ///
    /// - Parameter value: The Boolean, or nil for `null`.
    public mutating func bool(_ value: Bool?) {
        if let value { bool(value) } else { null() }
    }

    /// Writes `null`.
    public mutating func null() {
        separate()
        bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])  // null
        needsComma = true
    }

    /// Writes a number with a fixed maximum of decimals and never an exponent.
    ///
    /// The value is rounded half away from zero to `maximumFractionDigits` decimals; trailing zeros
    /// are dropped but one decimal is always kept (`1.0`, `0.9`, `0.125`), so the same value is
    /// always written the same way. A value that is not finite is written as `null`; a value of
    /// magnitude 1e15 or more is written rounded to an integer.
    ///
    /// - Parameters:
    ///   - value: The number.
    ///   - maximumFractionDigits: Decimals to keep, 0 to 9 (default 3).
    public mutating func double(_ value: Double, maximumFractionDigits: Int = 3) {
        guard value.isFinite else {
            null()
            return
        }
        separate()
        appendDecimal(value, digits: max(0, min(9, maximumFractionDigits)))
        needsComma = true
    }

    /// Appends bytes that already are JSON text (a value written by another writer).
    ///
    /// - Parameter json: A complete JSON value, as UTF-8.
    public mutating func raw(_ json: [UInt8]) {
        separate()
        bytes.append(contentsOf: json)
        needsComma = true
    }

    // MARK: - Layout

    private mutating func open() {
        depth += 1
        needsComma = false
        afterKey = false
        justOpened = true
    }

    private mutating func close() {
        depth -= 1
        if pretty && !justOpened { lineBreak() }
        needsComma = true
        afterKey = false
        justOpened = false
    }

    /// Writes what goes before a key or value: a comma, and in pretty mode a line break.
    private mutating func separate() {
        if afterKey {
            afterKey = false
            return
        }
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        if pretty && depth > 0 { lineBreak() }
        justOpened = false
    }

    private mutating func lineBreak() {
        bytes.append(0x0A)
        for _ in 0..<(depth * 2) { bytes.append(0x20) }
    }

    // MARK: - Encoding

    /// Quotes a Swift string, which is always valid UTF-8.
    private mutating func appendQuoted(_ string: String) {
        bytes.append(UInt8(ascii: "\""))
        let handled: Void? = string.utf8.withContiguousStorageIfAvailable { appendEscaped($0) }
        if handled == nil {
            var copy = string
            copy.withUTF8 { appendEscaped($0) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Quotes raw bytes, repairing invalid UTF-8.
    private mutating func appendQuoted(_ buffer: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        guard isValidUTF8(buffer) else {
            appendQuotedBody(Array(String(decoding: buffer, as: UTF8.self).utf8))
            bytes.append(UInt8(ascii: "\""))
            return
        }
        appendEscaped(buffer)
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendQuotedBody(_ repaired: [UInt8]) {
        repaired.withUnsafeBufferPointer { appendEscaped($0) }
    }

    private mutating func appendEscaped(_ buffer: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        for index in 0..<buffer.count {
            let byte = buffer[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            if runStart < index {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart..<index]))
            }
            runStart = index + 1
            bytes.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\"))
            case 0x0A: bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(UInt8(ascii: "t"))
            case 0x08: bytes.append(UInt8(ascii: "b"))
            case 0x0C: bytes.append(UInt8(ascii: "f"))
            default:
                bytes.append(contentsOf: [UInt8(ascii: "u"), 0x30, 0x30])
                bytes.append(Self.hexDigits[Int(byte >> 4)])
                bytes.append(Self.hexDigits[Int(byte & 0x0F)])
            }
        }
        if runStart < buffer.count {
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart...]))
        }
    }

    /// Whether bytes are valid UTF-8 (fast for ASCII).
    private func isValidUTF8(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = buffer.count
        while index < count {
            let byte = buffer[index]
            if byte < 0x80 {
                index += 1
                continue
            }
            let length: Int
            let minimum: UInt32
            var scalar: UInt32
            switch byte {
            case 0xC2...0xDF:
                length = 2
                minimum = 0x80
                scalar = UInt32(byte & 0x1F)
            case 0xE0...0xEF:
                length = 3
                minimum = 0x800
                scalar = UInt32(byte & 0x0F)
            case 0xF0...0xF4:
                length = 4
                minimum = 0x10000
                scalar = UInt32(byte & 0x07)
            default:
                return false
            }
            guard index + length <= count else { return false }
            for offset in 1..<length {
                let next = buffer[index + offset]
                guard next & 0xC0 == 0x80 else { return false }
                scalar = scalar << 6 | UInt32(next & 0x3F)
            }
            guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else { return false }
            index += length
        }
        return true
    }

    private mutating func appendInteger(_ value: Int) {
        if value == 0 {
            bytes.append(0x30)
            return
        }
        var magnitude = value.magnitude
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            while magnitude > 0 {
                buffer[count] = UInt8(truncatingIfNeeded: magnitude % 10) + 0x30
                magnitude /= 10
                count += 1
            }
            for index in stride(from: count - 1, through: 0, by: -1) {
                bytes.append(buffer[index])
            }
        }
    }

    /// Writes an integral double of magnitude 1e15 or more in plain digits.
    private mutating func appendLargeInteger(_ value: Double) {
        // Swift's shortest description is "d.ddde+NN" (or plain digits); expand the exponent.
        let text = value.magnitude.description
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        guard let e = text.firstIndex(of: "e") else {
            bytes.append(contentsOf: text.utf8.prefix { $0 != UInt8(ascii: ".") })
            return
        }
        let mantissa = text[..<e]
        let exponent = Int(text[text.index(after: e)...].filter { $0 != "+" }) ?? 0
        let digits = mantissa.filter { $0 != "." }
        let integerDigits =
            mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) }
            ?? mantissa.count
        let zeros = max(0, integerDigits + exponent - digits.count)
        bytes.append(contentsOf: digits.utf8.prefix(integerDigits + exponent))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: zeros))
    }

    private mutating func appendDecimal(_ value: Double, digits: Int) {
        var scale: Double = 1
        for _ in 0..<digits { scale *= 10 }
        let magnitude = abs(value)
        if magnitude >= 1e15 {
            appendLargeInteger(value.rounded())
            return
        }
        let scaled = (magnitude * scale).rounded(.toNearestOrAwayFromZero)
        let units = Int(scaled)
        let divisor = Int(scale)
        let whole = units / divisor
        var fraction = units % divisor
        if value < 0 && units != 0 { bytes.append(UInt8(ascii: "-")) }
        appendInteger(whole)
        bytes.append(UInt8(ascii: "."))
        guard fraction != 0 else {
            bytes.append(0x30)
            return
        }
        var width = digits
        while fraction % 10 == 0 {
            fraction /= 10
            width -= 1
        }
        var text: [UInt8] = Array(repeating: 0x30, count: width)
        var position = width - 1
        while fraction > 0 {
            text[position] = UInt8(fraction % 10) + 0x30
            fraction /= 10
            position -= 1
        }
        bytes.append(contentsOf: text)
    }
}
