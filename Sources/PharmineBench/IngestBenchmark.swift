import Foundation
import PharmineCore
import PharmineIngest

/// `pharmine-bench ingest FILE…`: reads files through ``Ingest`` and prints throughput.
///
/// Prints one line per file and a total: documents, passages, skipped and failed records, input
/// bytes (as stored, so compressed size for .gz), seconds (ContinuousClock), MB/s (10^6 bytes) and
/// documents/s, and the process's peak resident memory (VmHWM) at the end.
enum IngestBenchmark {
    /// Runs the benchmark.
    ///
    /// - Parameter arguments: The files to read.
    /// - Returns: The exit status: 0, 1 if any record failed, 2 for a usage error.
    static func run(_ arguments: [String]) -> Int32 {
        guard !arguments.isEmpty else {
            FileHandle.standardError.write(Data("usage: pharmine-bench ingest FILE…\n".utf8))
            return 2
        }
        let ingest = Ingest()
        var total = Tally()
        let clock = ContinuousClock()
        let start = clock.now
        for file in arguments {
            var tally = Tally()
            tally.bytes = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
            let fileStart = clock.now
            ingest.read(file: file) { event in
                switch event {
                case .document(let document):
                    tally.documents += 1
                    tally.passages += document.passages.count
                case .skipped:
                    tally.skipped += 1
                case .failed(let error):
                    tally.failed += 1
                    if tally.failed <= 5 { FileHandle.standardError.write(Data("\(error)\n".utf8)) }
                }
            }
            tally.seconds = seconds(clock.now - fileStart)
            print(tally.line(label: file))
            total.add(tally)
        }
        total.seconds = seconds(clock.now - start)
        if arguments.count > 1 { print(total.line(label: "total")) }
        if let peak = peakResidentMegabytes() { print("peak_rss_mb \(peak)") }
        return total.failed > 0 ? 1 : 0
    }

    private static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }

    /// VmHWM from /proc/self/status, in MB (Linux only).
    private static func peakResidentMegabytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kilobytes = line.split(separator: " ").compactMap { Int($0) }.first
            return kilobytes.map { $0 / 1024 }
        }
        return nil
    }

    private struct Tally {
        var documents = 0
        var passages = 0
        var skipped = 0
        var failed = 0
        var bytes = 0
        var seconds = 0.0

        mutating func add(_ other: Tally) {
            documents += other.documents
            passages += other.passages
            skipped += other.skipped
            failed += other.failed
            bytes += other.bytes
        }

        func line(label: String) -> String {
            let time = max(seconds, 1e-9)
            return String(
                format: "%@: documents %d passages %d skipped %d failed %d bytes %d seconds %.3f MB/s %.1f docs/s %.0f",
                label, documents, passages, skipped, failed, bytes, seconds, Double(bytes) / 1e6 / time,
                Double(documents) / time
            )
        }
    }
}
