import Foundation
// pharmine-bench: release-mode benchmarks, one per stage, chosen by the first argument.
// Run with `swift run -c release pharmine-bench <benchmark> [arguments]`.

let arguments = Array(CommandLine.arguments.dropFirst())
let benchmarks: [String: ([String]) -> Int32] = [
    "match": MatchBenchmark.run
]

if let name = arguments.first, let benchmark = benchmarks[name] {
    exit(benchmark(Array(arguments.dropFirst())))
} else {
    print("usage: pharmine-bench <benchmark> [arguments]; benchmarks: \(benchmarks.keys.sorted().joined(separator: ", "))")
    exit(2)
}
