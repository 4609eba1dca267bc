public import PharmineIngest

/// Where a pipeline gets its documents: ``Ingest`` for real runs, a stub in tests.
///
/// Both calls must be deterministic: the same inputs give the same files and events, in the
/// same order.
public protocol DocumentSource: Sendable {
    /// Expands inputs into the files to read, in a stable order.
    ///
    /// - Parameter inputs: Files, directories, or `-`.
    /// - Returns: The files to read and the files passed over.
    /// - Throws: ``IngestError`` for an input that does not exist.
    func files(for inputs: [String]) throws(IngestError) -> (files: [String], ignored: [Ingest.IgnoredFile])

    /// Reads one file, emitting one event per document in file order. Never throws: a failure
    /// becomes a `failed` event.
    ///
    /// - Parameters:
    ///   - file: The path, or `-`.
    ///   - emit: Called once per document.
    func read(file: String, emit: (IngestEvent) -> Void)
}

extension Ingest: DocumentSource {}
