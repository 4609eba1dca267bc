// pharmine-bench: release-mode benchmarks. One verb per stage, each in its own file.
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
let rest = Array(arguments.dropFirst())
let status: Int32
switch arguments.first {
case "ingest": status = IngestBenchmark.run(rest)
case "make-pubmed": status = PubmedGenerator.run(rest)
case "match": status = MatchBenchmark.run(rest)
case "text": status = TextBenchmark.run(rest)
case "peers": status = PeersBenchmark.run(rest)
default:
    FileHandle.standardError.write(Data("""
        usage: pharmine-bench VERB ARGS…
          ingest FILE…                  read files through Ingest; print throughput
          make-pubmed OUT SIZE_MB [DIR] write a synthetic PubmedArticleSet from real articles
          match corpus|terms|run|load … lexicon loading and matching (see MatchBenchmark.swift)
          text FILE [--dump OUT]        time the text and context stages stage by stage
          peers --text FILE [--xml FILE] [--terms FILE]
                                        pharmine against grep and pyahocorasick (+ lxml), one run

        """.utf8))
    status = 2
}
exit(status)
