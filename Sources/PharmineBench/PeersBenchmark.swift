import Dispatch
import Foundation

/// `pharmine-bench peers …`: runs Pharmine and its peers on the same inputs in one run and prints
/// whole-process times, throughput, peak memory and ratios.
///
/// ```
/// pharmine-bench peers --text FILE [--xml FILE] [--terms FILE] [--pharmine PATH] [--threads 1,2]
///     [--grep-memory-gb 12] [--timeout 900] [--python python3]
/// ```
///
/// - `--text`: plain text, one document per line (`pharmine-bench match corpus` writes one).
/// - `--xml`: PubMed XML (`pharmine-bench make-pubmed` writes one).
/// - `--terms`: every surface form of the lexicons, one per line (`pharmine-bench match terms`);
///   the peers match exactly these terms.
///
/// Contenders, each a separate process timed by `/usr/bin/time`:
/// - `pharmine mentions` (`--lines` on text) with each thread count, writing to `/dev/null`;
/// - `grep -F -i -c -f TERMS` on the text (under a virtual-memory limit, since GNU grep builds one
///   automaton for all terms);
/// - Python's `pyahocorasick` with the same terms, whole-word matches on lower-cased text, reading the
///   text line by line, and the XML through `lxml.etree.iterparse` (titles and abstracts).
///
/// Ratios are the peer's wall time over Pharmine's single-threaded wall time on the same input, so
/// a ratio above 1 means Pharmine is faster. Contenders that fail (missing module, memory limit,
/// time-out) are listed with the reason.
enum PeersBenchmark {
    /// One timed process.
    struct Measurement {
        var name: String
        var input: String
        var bytes: Int
        var wall: Double
        var cpu: Double
        var peakKiB: Int
        var status: Int32
        var note: String
    }

    /// Runs the comparison.
    static func run(_ arguments: [String]) -> Int32 {
        let options = MatchBenchmark.Options(arguments: arguments)
        guard let text = options.value("text") else {
            print("""
                usage: pharmine-bench peers --text FILE [--xml FILE] [--terms FILE] [--pharmine PATH]
                                            [--threads 1,2] [--grep-memory-gb N] [--timeout SECONDS]
                """)
            return 2
        }
        let xml = options.value("xml")
        let terms = options.value("terms")
        let pharmine = options.value("pharmine") ?? ".build/release/pharmine"
        let threads = (options.value("threads") ?? "1,2").split(separator: ",").compactMap { Int($0) }
        let grepLimit = Int(options.value("grep-memory-gb") ?? "12") ?? 12
        let timeout = Double(options.value("timeout") ?? "900") ?? 900
        let python = options.value("python") ?? "python3"

        var results: [Measurement] = []
        var inputs: [(label: String, path: String, lines: Bool)] = [("text", text, true)]
        if let xml { inputs.append(("xml", xml, false)) }
        for input in inputs {
            let bytes = fileSize(input.path)
            for count in threads {
                var command = [pharmine, "mentions", "-q", "-o", "/dev/null", "--threads", String(count)]
                if input.lines { command.append("--lines") }
                command.append(input.path)
                results.append(measure("pharmine mentions, \(count) thread\(count == 1 ? "" : "s")",
                                       input: input.label, bytes: bytes, command: command, timeout: timeout))
                print(format(results[results.count - 1]))
            }
            guard let terms else { continue }
            if input.lines {
                let limit = grepLimit * 1024 * 1024
                let grep = "ulimit -v \(limit); exec grep -F -i -c -f '\(terms)' '\(input.path)'"
                results.append(measure("grep -F -i -c -f TERMS", input: input.label, bytes: bytes,
                                       command: ["/bin/bash", "-c", grep], timeout: timeout))
                print(format(results[results.count - 1]))
            }
            results.append(measure("pyahocorasick" + (input.lines ? "" : " + lxml"), input: input.label, bytes: bytes,
                                   command: [python, "-c", pythonMatcher, terms, input.lines ? "text" : "xml", input.path],
                                   timeout: timeout))
            print(format(results[results.count - 1]))
        }

        print("\nratios (peer wall / pharmine 1-thread wall on the same input; > 1: pharmine faster)")
        for input in inputs {
            guard let base = results.first(where: { $0.input == input.label && $0.status == 0 }) else { continue }
            for result in results where result.input == input.label && result.name != base.name {
                guard result.status == 0 else {
                    print("  \(input.label): \(result.name): failed (\(result.note))")
                    continue
                }
                let ratio = result.wall / base.wall
                print("  \(input.label): \(result.name): \(String(format: "%.2f", ratio))×")
            }
        }
        return results.contains { $0.name.hasPrefix("pharmine") && $0.status != 0 } ? 1 : 0
    }

    /// One result as a table row.
    static func format(_ result: Measurement) -> String {
        let megabytes = Double(result.bytes) / 1_000_000
        let speed = result.wall > 0 ? megabytes / result.wall : 0
        let cpuSpeed = result.cpu > 0 ? megabytes / result.cpu : 0
        let status = result.status == 0 ? "" : "  FAILED: \(result.note)"
        let extra = result.status == 0 && !result.note.isEmpty ? "  [\(result.note)]" : ""
        let label = result.name.padding(toLength: 34, withPad: " ", startingAt: 0)
            + result.input.padding(toLength: 5, withPad: " ", startingAt: 0)
        return label + String(
            format: " %7.1f MB  wall %7.2f s  cpu %7.2f s  %6.1f MB/s  %6.1f MB/cpu-s  peak %6d MiB",
            megabytes, result.wall, result.cpu, speed, cpuSpeed, result.peakKiB / 1024
        ) + extra + status
    }

    /// Runs a command under `/usr/bin/time` and reads its wall, CPU and peak-memory figures.
    static func measure(_ name: String, input: String, bytes: Int, command: [String], timeout: Double) -> Measurement {
        let report = NSTemporaryDirectory() + "pharmine-bench-peers-\(getpid()).time"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/time")
        process.arguments = ["-f", "%e %U %S %M", "-o", report] + command
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        var result = Measurement(name: name, input: input, bytes: bytes, wall: 0, cpu: 0, peakKiB: 0, status: 0, note: "")
        do {
            try process.run()
        } catch {
            result.status = 127
            result.note = "cannot run /usr/bin/time: \(error)"
            return result
        }
        let timer = DispatchWorkItem { process.terminate() }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: timer)
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        timer.cancel()
        result.status = process.terminationStatus
        let timing = (try? String(contentsOfFile: report, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(atPath: report)
        let last = timing.split(separator: "\n").last.map(String.init) ?? ""
        let fields = last.split(separator: " ").compactMap { Double($0) }
        if fields.count == 4 {
            result.wall = fields[0]
            result.cpu = fields[1] + fields[2]
            result.peakKiB = Int(fields[3])
        }
        let stdout = String(decoding: outputData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let stderr = String(decoding: errorData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if result.status != 0 {
            let reason = process.terminationReason == .uncaughtSignal ? "timed out after \(Int(timeout)) s" : ""
            let message = (stderr.split(separator: "\n").last.map(String.init) ?? "")
            result.note = [reason, "exit \(result.status)", message].filter { !$0.isEmpty }.joined(separator: "; ")
        } else if !stdout.isEmpty {
            result.note = stdout.split(separator: "\n").last.map(String.init) ?? ""
        }
        return result
    }

    /// The size of a file in bytes, or 0.
    static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    /// The Python peer: an Aho–Corasick automaton over the lower-cased terms, whole-word matches only.
    /// Arguments: TERMS MODE(text|xml) FILE. Prints the build and match times and the match count.
    static let pythonMatcher = """
        import sys, time
        import ahocorasick
        terms, mode, path = sys.argv[1], sys.argv[2], sys.argv[3]
        started = time.perf_counter()
        automaton = ahocorasick.Automaton()
        with open(terms, encoding="utf-8") as handle:
            for line in handle:
                term = line.rstrip("\\n").lower()
                if term:
                    automaton.add_word(term, len(term))
        automaton.make_automaton()
        built = time.perf_counter()
        count = 0
        def scan(text):
            global count
            lowered = text.lower()
            size = len(lowered)
            for end, length in automaton.iter(lowered):
                start = end - length + 1
                if (start == 0 or not lowered[start - 1].isalnum()) and (end + 1 == size or not lowered[end + 1].isalnum()):
                    count += 1
        if mode == "text":
            with open(path, encoding="utf-8") as handle:
                for line in handle:
                    scan(line)
        else:
            from lxml import etree
            records = ("PubmedArticle", "MedlineCitation", "PubmedBookArticle", "DeleteCitation")
            for _, element in etree.iterparse(path, events=("end",), tag=("ArticleTitle", "AbstractText") + records):
                if element.tag in records:
                    parent = element.getparent()
                    if parent is None or parent.getparent() is not None:
                        continue
                    element.clear()
                    while element.getprevious() is not None:
                        del element.getparent()[0]
                else:
                    scan("".join(element.itertext()))
        finished = time.perf_counter()
        print("build %.1f s, match %.1f s, %d matches" % (built - started, finished - built, count))
        """
}
