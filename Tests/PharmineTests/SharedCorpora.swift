import Foundation

/// Paths of the package and of the read-only `../shared` folder beside it.
enum SharedCorpora {
    /// The package root (the folder holding Package.swift).
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// `../shared` beside the package.
    static let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")

    /// A path under `../shared/corpora`.
    static func corpus(_ relative: String) -> String {
        shared.appendingPathComponent("corpora").appendingPathComponent(relative).path
    }

    /// Whether `../shared/corpora` is there.
    static let available = FileManager.default.fileExists(atPath: shared.appendingPathComponent("corpora").path)
}
