import Foundation
import PharmineCore
import PharmineText

extension Matcher {
    /// The version of the compiled cache format and of the compiling rules; bump it whenever
    /// either changes, so that old caches are recompiled.
    static let cacheVersion = 11

    /// Loads a lexicon directory as a compiled matcher, through a binary cache.
    ///
    /// Compiling the full lexicons takes seconds, so the compiled tables are cached in
    /// `cacheDirectory` (default: `.cache` inside the lexicon directory; never committed). A cache
    /// file is used only when it was written by this cache version from the same files (paths,
    /// sizes and modification times) with the same options; otherwise the TSV files are read and
    /// compiled, and the cache is rewritten (under a temporary name, then renamed). Failing to
    /// write the cache is not an error. A matcher loaded from the cache has no ``lexicon``.
    ///
    /// - Parameters:
    ///   - directory: The lexicon directory.
    ///   - additionalFiles: The user's concept files (full or simple format).
    ///   - options: Matching options.
    ///   - cacheDirectory: Where the cache lives, or nil for `<directory>/.cache`.
    ///   - usesCache: Whether to read and write the cache at all.
    /// - Returns: The matcher.
    /// - Throws: ``LexiconError`` when the lexicon cannot be read.
    public static func load(
        directory: String,
        additionalFiles: [String] = [],
        options: MatcherOptions = MatcherOptions(),
        cacheDirectory: String? = nil,
        usesCache: Bool = true
    ) throws -> Matcher {
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        var files = Lexicon.conceptFiles.map { base + $0 }
        files += [base + Lexicon.curationFile, base + Lexicon.drugFormsFile]
        files += additionalFiles
        let cacheFolder = cacheDirectory ?? base + ".cache"
        let identity = cacheIdentity(files: files, options: options)
        let identityHash = Array(identity.utf8).withUnsafeBufferPointer { KeyHash.hash($0.baseAddress!, $0.count) }
        let cachePath = cacheFolder + "/matcher-" + String(identityHash, radix: 16) + ".bin"
        let fingerprint = identity + fileStamps(files)
        if usesCache, let matcher = try? readCache(path: cachePath, fingerprint: fingerprint, options: options) {
            return matcher
        }
        let matcher = Matcher(lexicon: try Lexicon(directory: directory, additionalFiles: additionalFiles), options: options)
        if usesCache {
            try? FileManager.default.createDirectory(atPath: cacheFolder, withIntermediateDirectories: true)
            try? matcher.writeCache(path: cachePath, fingerprint: fingerprint)
        }
        return matcher
    }

    /// What names a cache: version, options and file paths.
    static func cacheIdentity(files: [String], options: MatcherOptions) -> String {
        var identity = "pharmine-matcher-cache \(cacheVersion)\n"
        identity += "types \(options.typePriority.map(\.rawValue).joined(separator: ","))"
        identity += " all-types \(options.keepsAllTypes) forms \(options.extendsDrugForms)"
        identity += " coordination \(options.resolvesCoordination) short \(options.shortFormLength)\n"
        for file in files { identity += "file \(file)\n" }
        return identity
    }

    /// Sizes and modification times of the files (absent files included as absent).
    static func fileStamps(_ files: [String]) -> String {
        var stamps = ""
        for file in files {
            if let attributes = try? FileManager.default.attributesOfItem(atPath: file) {
                let size = (attributes[.size] as? NSNumber)?.int64Value ?? -1
                let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                stamps += "stamp \(file) \(size) \(modified)\n"
            } else {
                stamps += "stamp \(file) absent\n"
            }
        }
        return stamps
    }

    // MARK: - Writing

    /// Writes the compiled tables.
    func writeCache(path: String, fingerprint: String) throws {
        let temporary = path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        guard let file = fopen(temporary, "wb") else {
            throw LexiconError(.unreadable, file: temporary, message: "cannot write the matcher cache")
        }
        var failed = false
        var checksum = CacheChecksum()
        func write(_ pointer: UnsafeRawPointer, _ count: Int) {
            checksum.add(pointer, count)
            if count > 0, fwrite(pointer, 1, count, file) != count { failed = true }
        }
        func section<Element: BitwiseCopyable>(_ array: FlatArray<Element>) {
            var count = UInt64(array.count)
            write(&count, 8)
            write(array.base, array.count * MemoryLayout<Element>.stride)
        }
        func section<Element: BitwiseCopyable>(_ array: [Element]) {
            array.withUnsafeBufferPointer { buffer in
                var count = UInt64(buffer.count)
                write(&count, 8)
                if let base = buffer.baseAddress { write(base, buffer.count * MemoryLayout<Element>.stride) }
            }
        }
        section(Array(Self.cacheMagic.utf8))
        section(Array(fingerprint.utf8))
        var strings: [UInt8] = []
        for concept in concepts {
            strings.append(contentsOf: concept.id.utf8)
            strings.append(0)
            strings.append(contentsOf: concept.name.utf8)
            strings.append(0)
        }
        section(strings)
        section(concepts.map { Matcher.rank(of: $0.type) })
        section(concepts.map { $0.isClass ? UInt8(1) : 0 })
        section(tables.keyBytes)
        section(tables.keyOffsets)
        section(tables.slots)
        section(tables.asciiPunctuation)
        for trie in [tables.trie, tables.forms] {
            section(trie.rootInfo)
            section(trie.edgeKeys)
            section(trie.edgeChildren)
            section(trie.outputStart)
            section(trie.outputs)
            section(trie.depthOneFilter)
        }
        section(tables.signatureBytes)
        section(tables.signatureOffsets)
        let compileTime = statistics.compileTime.components
        section([
            Int64(statistics.surfaceForms), Int64(statistics.sequences), Int64(statistics.excluded),
            Int64(statistics.caseSensitive), compileTime.seconds, compileTime.attoseconds / 1_000_000_000,
            Int64(statistics.skipped),
        ])
        var sum = checksum.value
        if fwrite(&sum, 8, 1, file) != 1 { failed = true }
        if fclose(file) != 0 { failed = true }
        guard !failed, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw LexiconError(.unreadable, file: path, message: "cannot write the matcher cache")
        }
    }

    /// The first section of a cache file.
    static let cacheMagic = "pharmine compiled matcher"

    // MARK: - Reading

    /// Reads the compiled tables, or throws when the cache is absent, stale or damaged.
    static func readCache(path: String, fingerprint: String, options: MatcherOptions) throws -> Matcher {
        guard let file = fopen(path, "rb") else {
            throw LexiconError(.badCache, file: path, message: "no cache")
        }
        defer { fclose(file) }
        fseek(file, 0, SEEK_END)
        let size = ftell(file)
        fseek(file, 0, SEEK_SET)
        var reader = CacheReader(file: file, path: path, remaining: max(size, 0))
        guard try reader.bytes() == Array(cacheMagic.utf8), try reader.bytes() == Array(fingerprint.utf8) else {
            throw LexiconError(.badCache, file: path, message: "stale cache")
        }
        let strings = try reader.bytes()
        let types = try reader.bytes()
        let flags = try reader.bytes()
        var concepts: [LexiconConcept] = []
        concepts.reserveCapacity(types.count)
        try strings.withUnsafeBufferPointer { buffer in
            var position = 0
            func next() throws -> String {
                // The terminator found by memchr: a byte loop cost more than the rest of the read.
                guard position < buffer.count, let base = buffer.baseAddress,
                    let found = memchr(base + position, 0, buffer.count - position)
                else { throw LexiconError(.badCache, file: path, message: "concept strings") }
                let end = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
                let text = String(decoding: UnsafeBufferPointer(rebasing: buffer[position..<end]), as: UTF8.self)
                position = end + 1
                return text
            }
            for index in 0..<types.count {
                guard types[index] < 3, index < flags.count else {
                    throw LexiconError(.badCache, file: path, message: "concept types")
                }
                let id = try next()
                let name = try next()
                concepts.append(
                    LexiconConcept(id: id, name: name, type: typeOfRank[Int(types[index])], isClass: flags[index] & 1 != 0)
                )
            }
        }
        var arrays = AllocatedArrays()
        do {
            let keyBytes: FlatArray<UInt8> = try reader.flat(&arrays)
            let keyOffsets: FlatArray<Int32> = try reader.flat(&arrays)
            let slots: FlatArray<VocabularySlot> = try reader.flat(&arrays)
            let punctuation: FlatArray<Int32> = try reader.flat(&arrays)
            var tries: [TokenTrie] = []
            for _ in 0..<2 {
                tries.append(
                    TokenTrie(
                        rootInfo: try reader.flat(&arrays),
                        edgeKeys: try reader.flat(&arrays),
                        edgeChildren: try reader.flat(&arrays),
                        outputStart: try reader.flat(&arrays),
                        outputs: try reader.flat(&arrays),
                        depthOneFilter: try reader.flat(&arrays)
                    )
                )
            }
            let signatureBytes: FlatArray<UInt8> = try reader.flat(&arrays)
            let signatureOffsets: FlatArray<Int32> = try reader.flat(&arrays)
            let figures: [Int64] = try reader.array()
            guard figures.count == 7 else { throw LexiconError(.badCache, file: path, message: "statistics") }
            var stored: UInt64 = 0
            guard fread(&stored, 8, 1, file) == 1, stored == reader.checksum.value else {
                throw LexiconError(.badCache, file: path, message: "checksum")
            }
            // The checksum shows the file is as this code wrote it; these checks catch a writer bug
            // or a file of another build cheaply, without a pass over every element.
            let vocabulary = keyOffsets.count - 1
            let consistent =
                vocabulary >= 0 && slots.count > 0 && slots.count & (slots.count - 1) == 0
                && punctuation.count == 128 && signatureOffsets.count >= 1
                && Int(keyOffsets[vocabulary]) + 8 == keyBytes.count
                && Int(signatureOffsets[signatureOffsets.count - 1]) == signatureBytes.count
                && tries.allSatisfy { trie in
                    trie.rootInfo.count == vocabulary && trie.outputStart.count >= 1
                        && trie.edgeKeys.count > 0 && trie.edgeKeys.count & (trie.edgeKeys.count - 1) == 0
                        && trie.edgeKeys.count == trie.edgeChildren.count
                        && Int(trie.outputStart[trie.outputStart.count - 1]) == trie.outputs.count
                        && trie.depthOneFilter.count >= 1
                        && trie.depthOneFilter.count & (trie.depthOneFilter.count - 1) == 0
                }
            guard consistent else { throw LexiconError(.badCache, file: path, message: "inconsistent tables") }
            let tables = CompiledTables(
                keyBytes: keyBytes,
                keyOffsets: keyOffsets,
                slots: slots,
                asciiPunctuation: punctuation,
                trie: tries[0],
                forms: tries[1],
                signatureBytes: signatureBytes,
                signatureOffsets: signatureOffsets
            )
            arrays.disown()
            let statistics = Statistics(
                surfaceForms: Int(figures[0]),
                sequences: Int(figures[1]),
                vocabularySize: vocabulary,
                nodes: tables.trie.nodeCount,
                outputs: tables.trie.outputs.count,
                excluded: Int(figures[2]),
                skipped: Int(figures[6]),
                caseSensitive: Int(figures[3]),
                bytes: tables.byteCount,
                compileTime: .seconds(figures[4]) + .nanoseconds(figures[5])
            )
            return Matcher(concepts: concepts, tables: tables, options: options, statistics: statistics)
        } catch {
            arrays.freeAll()
            throw error
        }
    }
}

/// Memory allocated while reading a cache, freed if reading fails.
struct AllocatedArrays {
    /// Deallocators of the arrays allocated so far.
    private var frees: [() -> Void] = []

    /// Records an allocation.
    mutating func add(_ free: @escaping () -> Void) { frees.append(free) }

    /// Frees everything recorded.
    func freeAll() { for free in frees { free() } }

    /// Forgets the allocations (now owned by the tables).
    mutating func disown() { frees.removeAll() }
}

/// Reads length-prefixed sections of a cache file.
struct CacheReader {
    /// The open file.
    let file: UnsafeMutablePointer<FILE>
    /// Its path, for errors.
    let path: String
    /// Bytes left in the file.
    var remaining: Int
    /// The checksum of everything read so far.
    var checksum = CacheChecksum()

    /// Reads a section's element count.
    mutating func count<Element>(of _: Element.Type) throws -> Int {
        var count: UInt64 = 0
        guard fread(&count, 8, 1, file) == 1, count < 1 << 32,
            8 + Int(count) * MemoryLayout<Element>.stride <= remaining
        else {
            throw LexiconError(.badCache, file: path, message: "truncated")
        }
        remaining -= 8 + Int(count) * MemoryLayout<Element>.stride
        checksum.add(&count, 8)
        return Int(count)
    }

    /// Reads a section into fresh memory.
    mutating func flat<Element: BitwiseCopyable>(_ arrays: inout AllocatedArrays) throws -> FlatArray<Element> {
        let count = try count(of: Element.self)
        let base = FlatArray<Element>.allocate(count)
        arrays.add { FlatArray(adopting: base, count: count).free() }
        if count > 0, fread(base, MemoryLayout<Element>.stride, count, file) != count {
            throw LexiconError(.badCache, file: path, message: "truncated")
        }
        checksum.add(base, count * MemoryLayout<Element>.stride)
        return FlatArray(adopting: base, count: count)
    }

    /// Reads a section as an array.
    mutating func array<Element: BitwiseCopyable>() throws -> [Element] {
        let count = try count(of: Element.self)
        let result = [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = count > 0 ? fread(buffer.baseAddress!, MemoryLayout<Element>.stride, count, file) : 0
        }
        guard result.count == count else { throw LexiconError(.badCache, file: path, message: "truncated") }
        result.withUnsafeBytes { checksum.add($0.baseAddress ?? UnsafeRawPointer(bitPattern: 8)!, $0.count) }
        return result
    }

    /// Reads a byte section.
    mutating func bytes() throws -> [UInt8] { try array() }
}

/// A fast running checksum of the cache bytes (two running sums of 8-byte words), to detect a
/// damaged file.
struct CacheChecksum {
    /// The sum of the words.
    private var first: UInt64 = 0x5048_4152_4D49_4E45
    /// The sum of the running sums.
    private var second: UInt64 = 0

    /// Adds bytes.
    mutating func add(_ pointer: UnsafeRawPointer, _ count: Int) {
        var index = 0
        // Blocks of four words in closed form (the same sums modulo 2^64), in vector lanes: adding
        // the words of blocks V0 … Vn-1 one by one adds their sum to `first`, and to `second`
        // 4·(n·first + Σj Σi<j Vi) + 4a + 3b + 2c + d summed over the blocks' words a, b, c, d.
        let blocks = count / 32
        if blocks > 0 {
            var sum = SIMD4<UInt64>()
            var prefix = SIMD4<UInt64>()
            for block in 0..<blocks {
                prefix &+= sum
                sum &+= pointer.loadUnaligned(fromByteOffset: block &* 32, as: SIMD4<UInt64>.self)
            }
            let prefixes = prefix[0] &+ prefix[1] &+ prefix[2] &+ prefix[3]
            let weighted = sum[0] &* 4 &+ sum[1] &* 3 &+ sum[2] &* 2 &+ sum[3]
            second = second &+ ((UInt64(blocks) &* first &+ prefixes) &<< 2) &+ weighted
            first = first &+ sum[0] &+ sum[1] &+ sum[2] &+ sum[3]
            index = blocks &* 32
        }
        while index + 8 <= count {
            first = first &+ pointer.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            second = second &+ first
            index += 8
        }
        while index < count {
            first = first &+ UInt64(pointer.load(fromByteOffset: index, as: UInt8.self))
            second = second &+ first
            index += 1
        }
        first = first &+ UInt64(count)
        second = second &+ first
    }

    /// The checksum.
    var value: UInt64 { KeyHash.mix(first ^ (second &* 0x9E37_79B9_7F4A_7C15)) }
}
