public import PharmineOutput

/// What a run returns to its caller: the report and the exit status.
public struct RunSummary: Sendable {
    /// The full run report (also written as `run-report.json` when there is a report path).
    public var report: RunReport
    /// The paths written, in order (records, tables, then the report).
    public var writtenPaths: [String]

    /// Creates a summary.
    ///
    /// - Parameters:
    ///   - report: The run report.
    ///   - writtenPaths: The paths written.
    public init(report: RunReport, writtenPaths: [String]) {
        self.report = report
        self.writtenPaths = writtenPaths
    }

    /// The process exit status: 0 when every document was processed, 1 when some failed.
    public var exitStatus: Int32 { report.failed.isEmpty ? 0 : 1 }

    /// Documents or files that failed.
    public var failed: [RunReport.Failed] { report.failed }

    /// A few lines for standard error: counts, speed, files written and the first failures.
    public var text: String {
        let report = report
        let seconds = max(report.elapsed, 0)
        var lines: [String] = []
        let mentions = report.mentions.values.reduce(0, +)
        let triples = report.triples.values.reduce(0, +)
        lines.append(
            "\(report.total) documents from \(report.files.count) files: \(report.extracted) extracted, "
                + "\(report.skipped.count) skipped, \(report.failed.count) failed; "
                + "\(mentions) mentions, \(triples) triples"
        )
        let rate = seconds > 0 ? Double(report.total) / seconds : 0
        let megabytes = seconds > 0 ? Double(report.bytesRead) / 1_000_000 / seconds : 0
        lines.append(
            "\(Self.fixed(seconds, 2)) s, \(Self.fixed(rate, 1)) documents/s, \(Self.fixed(megabytes, 2)) MB/s, "
                + "\(report.threads) threads"
        )
        if !writtenPaths.isEmpty { lines.append("wrote " + writtenPaths.joined(separator: ", ")) }
        for failure in report.failed.prefix(5) {
            var place = failure.file
            if let line = failure.line { place += ":\(line)" }
            if let id = failure.id { place += " (\(id))" }
            lines.append("failed: \(place): \(failure.code): \(failure.message)")
        }
        if report.failed.count > 5 { lines.append("… and \(report.failed.count - 5) more failures in the run report") }
        return lines.joined(separator: "\n")
    }

    /// A number with a fixed count of decimals.
    static func fixed(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return "0" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let units = Int((value * scale).rounded())
        let whole = units / Int(scale)
        let fraction = abs(units % Int(scale))
        guard decimals > 0 else { return String(whole) }
        let digits = String(fraction)
        return "\(whole).\(String(repeating: "0", count: decimals - digits.count))\(digits)"
    }
}

/// How far a run has got, for a progress line.
public struct PipelineProgress: Sendable, Hashable {
    /// Documents written (any outcome).
    public var documents: Int
    /// Bytes of the input files read completely.
    public var bytesDone: Int
    /// Bytes of all input files.
    public var bytesTotal: Int
    /// Seconds since the run started.
    public var elapsed: Double

    /// Creates a progress value.
    public init(documents: Int, bytesDone: Int, bytesTotal: Int, elapsed: Double) {
        self.documents = documents
        self.bytesDone = bytesDone
        self.bytesTotal = bytesTotal
        self.elapsed = elapsed
    }

    /// Estimated seconds left, from the share of input bytes done; nil before any is done.
    public var remaining: Double? {
        guard bytesDone > 0, bytesTotal > 0, elapsed > 0 else { return nil }
        return max(0, elapsed * Double(bytesTotal - bytesDone) / Double(bytesDone))
    }

    /// One line: documents, documents/s, MB/s, percent of bytes and ETA.
    public var line: String {
        let rate = elapsed > 0 ? Double(documents) / elapsed : 0
        let megabytes = elapsed > 0 ? Double(bytesDone) / 1_000_000 / elapsed : 0
        var text = "\(documents) documents, \(RunSummary.fixed(rate, 1)) docs/s, \(RunSummary.fixed(megabytes, 2)) MB/s"
        if bytesTotal > 0 {
            text += ", \(Int(100 * Double(bytesDone) / Double(bytesTotal)))%"
        }
        if let remaining {
            let seconds = Int(remaining.rounded())
            text += ", ETA \(seconds / 60):" + (seconds % 60 < 10 ? "0" : "") + "\(seconds % 60)"
        }
        return text
    }
}
