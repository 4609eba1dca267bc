import Foundation
import Testing

/// Compares text with a golden file under `Tests/PharmineTests/Golden/`.
///
/// With `RECORD_GOLDEN=1` in the environment the golden file is (re)written and the test fails,
/// so that a recorded change is always looked at. A missing golden file fails with a hint.
enum GoldenFile {
    /// The folder holding the golden files, in the source tree (not the copied resources, so
    /// that recording writes where git sees it).
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static var isRecording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" }

    static func assertMatches(
        _ actual: String,
        named name: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let url = directory.appendingPathComponent(name)
        if isRecording {
            try Data(actual.utf8).write(to: url, options: .atomic)
            Issue.record(
                "Recorded golden file \(name); unset RECORD_GOLDEN and run again.",
                sourceLocation: sourceLocation
            )
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record(
                "Golden file \(name) is missing; run with RECORD_GOLDEN=1 to record it.",
                sourceLocation: sourceLocation
            )
            return
        }
        if expected != actual {
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let first =
                Array(zip(expectedLines, actualLines)).firstIndex { $0.0 != $0.1 }
                ?? min(expectedLines.count, actualLines.count)
            let want = first < expectedLines.count ? String(expectedLines[first]) : "<end of file>"
            let got = first < actualLines.count ? String(actualLines[first]) : "<end of file>"
            let message =
                "\(name) differs from its golden file at line \(first + 1):\n  expected: \(want)\n"
                + "  actual:   \(got)\nRun with RECORD_GOLDEN=1 to accept the change."
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        }
    }
}
