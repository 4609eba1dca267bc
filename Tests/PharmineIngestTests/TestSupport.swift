import Foundation
import PharmineCore
import PharmineIngest
import Synchronization

/// Paths and helpers shared by the ingest tests.
enum TestSupport {
    /// The package root: the nearest folder above this file that holds Package.swift.
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url
            }
            url.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    }()

    /// `../shared/corpora` relative to the package root.
    static let corpora = packageRoot.appendingPathComponent("../shared/corpora").standardizedFileURL

    /// Whether the shared corpora are present.
    static let sharedAvailable = FileManager.default.fileExists(atPath: corpora.path)

    /// A file of the shared corpora.
    static func shared(_ relative: String) -> String {
        corpora.appendingPathComponent(relative).path
    }

    /// A fixture file's path.
    static func fixture(_ name: String) -> String {
        let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
        return url.appendingPathComponent(name).path
    }

    /// Events of files read with default options, shared between tests (real files are read once).
    private static let cache = Mutex<[String: [IngestEvent]]>([:])

    /// Reads every event of one file through the dispatcher.
    static func events(_ file: String, options: IngestOptions = IngestOptions()) -> [IngestEvent] {
        let cacheable = options == IngestOptions()
        if cacheable, let cached = cache.withLock({ $0[file] }) { return cached }
        var events: [IngestEvent] = []
        Ingest(options: options).read(file: file) { events.append($0) }
        if cacheable { cache.withLock { $0[file] = events } }
        return events
    }

    /// The documents among events.
    static func documents(_ events: [IngestEvent]) -> [Document] {
        events.compactMap { if case .document(let document) = $0 { document } else { nil } }
    }

    /// The skipped records among events.
    static func skipped(_ events: [IngestEvent]) -> [SkippedDocument] {
        events.compactMap { if case .skipped(let skipped) = $0 { skipped } else { nil } }
    }

    /// The failures among events.
    static func failures(_ events: [IngestEvent]) -> [IngestError] {
        events.compactMap { if case .failed(let error) = $0 { error } else { nil } }
    }
}
