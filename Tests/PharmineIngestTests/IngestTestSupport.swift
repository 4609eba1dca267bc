import Foundation
import PharmineCore
import PharmineIngest

/// Paths and helpers shared by the ingest tests.
enum IngestTestSupport {
    /// The folder holding Package.swift, found by walking up from this file.
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url = url.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    }()

    /// `../shared` next to the package root (third-party data, read in place).
    static let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")

    /// Whether a path under `../shared` exists.
    static func sharedExists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: shared.appendingPathComponent(relative).path)
    }

    /// The path of a file under `../shared`.
    static func sharedPath(_ relative: String) -> String {
        shared.appendingPathComponent(relative).path
    }

    /// The path of a fixture, e.g. `bad/empty.txt`.
    static func fixture(_ relative: String) -> String {
        guard let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            return packageRoot.appendingPathComponent("Tests/PharmineIngestTests/Fixtures/\(relative)").path
        }
        return folder.appendingPathComponent(relative).path
    }

    /// Reads one file through the dispatcher and collects its events.
    static func events(_ path: String, options: IngestOptions = IngestOptions()) -> [IngestEvent] {
        var events: [IngestEvent] = []
        Ingest(options: options).read(file: path) { events.append($0) }
        return events
    }

    /// Writes text to a new temporary file and returns its path.
    static func temporaryFile(_ name: String, _ contents: [UInt8]) throws -> String {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("pharmine-ingest-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(contents).write(to: url)
        return url.path
    }

    /// Writes UTF-8 text to a new temporary file and returns its path.
    static func temporaryFile(_ name: String, _ text: String) throws -> String {
        try temporaryFile(name, Array(text.utf8))
    }
}

extension IngestEvent {
    /// The document, if this event carries one.
    var document: Document? {
        if case .document(let document) = self { return document }
        return nil
    }

    /// The error, if this event is a failure.
    var error: IngestError? {
        if case .failed(let error) = self { return error }
        return nil
    }

    /// The skipped record, if this event is one.
    var skipped: SkippedDocument? {
        if case .skipped(let skipped) = self { return skipped }
        return nil
    }
}

extension Passage {
    /// The value of an infon.
    func infon(_ key: String) -> String? {
        infons.first { $0.key == key }?.value
    }
}

extension String {
    /// The substring at scalar offsets.
    func scalarSlice(_ start: Int, _ end: Int) -> String {
        let scalars = Array(unicodeScalars)
        guard start >= 0, end <= scalars.count, start <= end else { return "<out of range>" }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return String(view)
    }
}
