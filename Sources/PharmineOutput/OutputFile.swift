import Foundation

/// An output file that only appears under its final name once it is complete.
///
/// Bytes go to a hidden temporary file in the same directory, `.NAME.partial-PID`; ``commit()``
/// flushes, syncs and renames it to `NAME` in one step. A file that is discarded, or dropped
/// without a commit (an error, a cancelled run), is removed, and a killed run leaves only a hidden
/// `.partial` file, which the next run writing the same name deletes. So a file under its final
/// name is always whole.
///
/// Standard output (``standardOutput()``) has no temporary name: bytes are written as they come.
///
/// Not thread-safe: one thread owns a file. Writes are buffered.
///
/// ```swift
/// try OutputFile.write(to: "Output/triples.jsonl") { file in
///     try file.write(Array("{}\n".utf8))
/// }  // renamed here; removed if the closure throws
/// ```
public final class OutputFile {
    /// The final path, or `-` for standard output.
    public let path: String
    /// The temporary path written until the commit; nil for standard output.
    public let temporaryPath: String?
    /// The bytes written so far.
    public private(set) var bytesWritten = 0
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private var state = State.open
    private static let bufferLimit = 1 << 20

    private enum State {
        case open
        case committed
        case discarded
    }

    /// Creates the temporary file for a final path.
    ///
    /// The directory must exist. Leftover `.NAME.partial-PID` files of processes that are no
    /// longer running are deleted first.
    ///
    /// - Parameter path: The final path.
    /// - Throws: ``OutputError`` with code `create`.
    public init(path: String) throws(OutputError) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        let name = url.lastPathComponent
        Self.removeStalePartials(of: name, in: directory)
        let temporary = (directory as NSString).appendingPathComponent(
            ".\(name).partial-\(ProcessInfo.processInfo.processIdentifier)"
        )
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw OutputError(.create, path: path, message: "cannot create: \(String(cString: strerror(errno)))")
        }
        self.path = path
        self.temporaryPath = temporary
        self.descriptor = descriptor
        buffer.reserveCapacity(Self.bufferLimit)
    }

    private init(standardOutput: Void) {
        path = "-"
        temporaryPath = nil
        descriptor = 1
    }

    /// A file that writes to standard output, unbuffered by the system and never renamed.
    ///
    /// - Returns: The file.
    public static func standardOutput() -> OutputFile {
        OutputFile(standardOutput: ())
    }

    deinit {
        if state == .open { discard() }
    }

    /// Writes a file atomically: creates it, runs `body`, and commits; discards it if `body` throws.
    ///
    /// - Parameters:
    ///   - path: The final path.
    ///   - body: Writes the content.
    /// - Returns: The number of bytes written.
    /// - Throws: ``OutputError``, or what `body` throws (the file is then removed).
    @discardableResult
    public static func write(to path: String, _ body: (OutputFile) throws -> Void) throws -> Int {
        let file = try OutputFile(path: path)
        do {
            try body(file)
            try file.commit()
        } catch {
            file.discard()
            throw error
        }
        return file.bytesWritten
    }

    /// Appends bytes.
    ///
    /// - Parameter bytes: The bytes.
    /// - Throws: ``OutputError`` with code `write` or `closed`.
    public func write(_ bytes: [UInt8]) throws(OutputError) {
        guard state == .open else { throw OutputError(.closed, path: path, message: "written after closing") }
        buffer.append(contentsOf: bytes)
        bytesWritten += bytes.count
        if buffer.count >= Self.bufferLimit { try flush() }
    }

    /// Appends a string as UTF-8.
    ///
    /// - Parameter string: The text.
    /// - Throws: ``OutputError`` with code `write` or `closed`.
    public func write(_ string: String) throws(OutputError) {
        try write(Array(string.utf8))
    }

    /// Writes the buffered bytes to the file.
    ///
    /// - Throws: ``OutputError`` with code `write`.
    public func flush() throws(OutputError) {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { bytes in
                Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                buffer.removeAll(keepingCapacity: true)
                throw OutputError(.write, path: path, message: "cannot write: \(reason)")
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Finishes the file: flushes, syncs, closes and renames it to its final name.
    ///
    /// For standard output it only flushes.
    ///
    /// - Throws: ``OutputError``; the temporary file is then removed.
    public func commit() throws(OutputError) {
        guard state == .open else { throw OutputError(.closed, path: path, message: "committed after closing") }
        do {
            try flush()
        } catch {
            discard()
            throw error
        }
        guard let temporaryPath else {
            state = .committed
            return
        }
        if fsync(descriptor) != 0 && errno != EINVAL {
            let reason = String(cString: strerror(errno))
            discard()
            throw OutputError(.write, path: path, message: "cannot sync: \(reason)")
        }
        close(descriptor)
        descriptor = -1
        if rename(temporaryPath, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            state = .discarded
            throw OutputError(.rename, path: path, message: "cannot rename the finished file: \(reason)")
        }
        state = .committed
    }

    /// Abandons the file: closes and removes the temporary file. Safe to call more than once.
    public func discard() {
        guard state == .open else { return }
        state = .discarded
        buffer.removeAll()
        guard let temporaryPath else { return }
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        unlink(temporaryPath)
    }

    /// Deletes `.NAME.partial-PID` files left by processes that are gone.
    private static func removeStalePartials(of name: String, in directory: String) {
        let prefix = ".\(name).partial-"
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for entry in entries where entry.hasPrefix(prefix) {
            guard let pid = Int32(entry.dropFirst(prefix.count)) else { continue }
            let isRunning = kill(pid, 0) == 0 || errno == EPERM
            if !isRunning || pid == ProcessInfo.processInfo.processIdentifier {
                unlink((directory as NSString).appendingPathComponent(entry))
            }
        }
    }
}
