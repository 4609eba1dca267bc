/// A stage of the pipeline: it reads some layers of a document and adds its own.
///
/// Each conforming type's doc comment says what it requires and what it produces. Stages are
/// `Sendable` values, so one instance serves every thread.
public protocol Stage: Sendable {
    /// Processes one document.
    ///
    /// - Parameter document: The document, with the layers this stage requires.
    /// - Returns: The document with this stage's layer added.
    /// - Throws: The stage's error type, for a document it cannot process.
    func process(_ document: Document) throws -> Document
}
