#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fixed-size array of plain values in memory that its owner frees: no bounds checks, no
/// reference counting in hot loops.
///
/// Only ``CompiledTables`` creates and frees these; everything else reads them.
struct FlatArray<Element: BitwiseCopyable>: @unchecked Sendable {
    /// The first element (a valid one-element allocation when the array is empty).
    let base: UnsafeMutablePointer<Element>
    /// The number of elements.
    let count: Int

    /// Allocates room for `count` elements. Large tables are aligned to 2 MiB and marked for
    /// transparent huge pages where the system offers them, which makes random probes into them
    /// cheaper (fewer TLB misses).
    static func allocate(_ count: Int) -> UnsafeMutablePointer<Element> {
        let bytes = Swift.max(count, 1) * MemoryLayout<Element>.stride
        let hugePage = 2 << 20
        let alignment = bytes >= 2 * hugePage ? hugePage : 64
        var raw: UnsafeMutableRawPointer?
        let size = (bytes + alignment - 1) / alignment * alignment
        if posix_memalign(&raw, alignment, size) != 0 { raw = malloc(size) }
        guard let raw else { fatalError("out of memory allocating \(size) bytes") }
        #if os(Linux)
        if alignment == hugePage { _ = madvise(raw, size, 14) }  // MADV_HUGEPAGE
        #endif
        return raw.bindMemory(to: Element.self, capacity: Swift.max(count, 1))
    }

    /// Copies an array into fresh memory.
    init(_ array: [Element]) {
        base = Self.allocate(array.count)
        count = array.count
        array.withUnsafeBufferPointer { buffer in
            if let source = buffer.baseAddress { base.initialize(from: source, count: buffer.count) }
        }
    }

    /// Adopts memory of `count` elements allocated by the caller.
    init(adopting base: UnsafeMutablePointer<Element>, count: Int) {
        self.base = base
        self.count = count
    }

    /// The element at `index` (unchecked).
    @inline(__always)
    subscript(index: Int) -> Element {
        base[index]
    }

    /// The elements as a buffer.
    var buffer: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }

    /// Frees the memory.
    func free() {
        #if canImport(Glibc)
        Glibc.free(base)
        #else
        Darwin.free(base)
        #endif
    }
}

/// A growable buffer of plain values, reused across calls by one thread.
struct GrowableBuffer<Element: BitwiseCopyable> {
    /// The storage.
    private(set) var base: UnsafeMutablePointer<Element>
    /// How many elements fit.
    private(set) var capacity: Int

    /// Allocates room for `capacity` elements.
    init(capacity: Int) {
        self.capacity = Swift.max(capacity, 1)
        base = .allocate(capacity: self.capacity)
    }

    /// Makes room for at least `count` elements; old contents are kept.
    @inline(__always)
    mutating func reserve(_ count: Int) {
        if count > capacity { grow(count) }
    }

    /// Reallocates to hold `count` elements.
    private mutating func grow(_ count: Int) {
        let newCapacity = Swift.max(count, capacity * 2)
        let newBase = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        newBase.initialize(from: base, count: capacity)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    /// Frees the storage.
    func free() { base.deallocate() }
}

/// Hashing of normalised keys.
enum KeyHash {
    /// A 64-bit hash of `length` bytes.
    @inline(__always)
    static func hash(_ bytes: UnsafePointer<UInt8>, _ length: Int) -> UInt64 {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15 &* UInt64(truncatingIfNeeded: length &+ 1)
        let raw = UnsafeRawPointer(bytes)
        var index = 0
        while index &+ 8 <= length {
            state = mix(state ^ raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            index &+= 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while index < length {
            tail |= UInt64(bytes[index]) &<< shift
            shift &+= 8
            index &+= 1
        }
        return mix(state ^ tail)
    }

    /// A 64-bit finaliser.
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var value = value
        value ^= value &>> 32
        value = value &* 0xD6E8_FEB8_6659_FD93
        value ^= value &>> 32
        value = value &* 0xD6E8_FEB8_6659_FD93
        value ^= value &>> 32
        return value
    }
}
