import Foundation
import PharmineContext
import PharmineCore
import PharmineIngest
import PharmineLexicon
import PharmineText

/// `pharmine-bench text FILE… [--whole] [--lexicons DIR] [--repeat N] [--limit N] [--dump OUT]`:
/// times the text stage and the context stage, stage by stage, on real text.
///
/// The files are read through ``Ingest`` with one document per line for plain text, or one per
/// file with `--whole` (PubTator and the other formats are detected as usual). The documents are built in memory first; then each of
/// these is timed separately with ContinuousClock over every passage: the tokenizer, the
/// sentence splitter, the abbreviation finder (on the splitter's sentences), the whole
/// ``TextStage``, and the ``ContextStage`` (cues, scopes, anaphora, marking). The context stage
/// needs mentions, placed before it runs (not timed with it): from the real ``EntityMatcher``
/// when the lexicon folder (default `Lexicons`) holds `drugs.tsv`, `conditions.tsv` and
/// `receptors.tsv` (the matcher is then timed too); else from the documents' gold annotations
/// when the input carries them (PubTator, BioC: chemicals as drugs, diseases as conditions,
/// genes as receptors); else none, which the output says (cue finding still runs).
///
/// The two stages are timed streaming, as in the pipeline: each document's result is dropped
/// before the next (their kept results, for the dump and as the context stage's input, are made
/// untimed). Each timing is the best of `--repeat` runs (default 3), as wall time
/// (ContinuousClock) and as the process's CPU time, which a loaded machine disturbs less.
/// Throughput counts the passages' UTF-8 bytes (MB = 10^6 bytes). `--dump OUT` writes every layer
/// the two stages produce, one line per item, so that two builds can be compared byte for byte;
/// `--limit N` keeps the first N documents.
enum TextBenchmark {
    /// Runs the benchmark.
    ///
    /// - Parameter arguments: FILE and options.
    /// - Returns: The exit status.
    static func run(_ arguments: [String]) -> Int32 {
        guard let options = Options(arguments) else {
            FileHandle.standardError.write(
                Data(
                    "usage: pharmine-bench text FILE… [--whole] [--lexicons DIR] [--repeat N] [--limit N] [--dump OUT]\n"
                        .utf8
                )
            )
            return 2
        }
        var documents: [Document] = []
        var failed = 0
        let ingest = Ingest(options: IngestOptions(linePerDocument: !options.whole))
        for file in options.files {
            ingest.read(file: file) { event in
                switch event {
                case .document(let document):
                    if documents.count < options.limit { documents.append(document) }
                case .skipped:
                    break
                case .failed(let error):
                    failed += 1
                    if failed <= 5 { FileHandle.standardError.write(Data("\(error)\n".utf8)) }
                }
            }
        }
        guard !documents.isEmpty else {
            FileHandle.standardError.write(Data("no documents in \(options.files)\n".utf8))
            return 1
        }
        let contextStage: ContextStage
        do {
            contextStage = try ContextStage(lexiconDirectory: options.lexicons)
        } catch {
            FileHandle.standardError.write(Data("cannot load the context lists: \(error)\n".utf8))
            return 1
        }
        let bytes = documents.reduce(0) { sum, document in
            sum + document.passages.reduce(0) { $0 + $1.text.utf8.count }
        }
        let passages = documents.reduce(0) { $0 + $1.passages.count }
        print("documents \(documents.count) passages \(passages) bytes \(bytes) repeat \(options.repeats)")
        let report = Reporter(bytes: bytes, documents: documents.count, repeats: options.repeats)

        // The parts of the text stage, one at a time.
        let tokenizer = Tokenizer()
        let splitter = SentenceSplitter()
        let finder = AbbreviationFinder()
        var tokenCount = 0
        report.time("tokenizer") {
            var tokens: [Token] = []
            tokenCount = 0
            for document in documents {
                for passage in document.passages {
                    var text = passage.text
                    text.withUTF8 { tokenizer.tokenize($0, into: &tokens) }
                    tokenCount += tokens.count
                }
            }
        }
        let spans = documents.map { document in document.passages.map { splitter.split($0.text) } }
        var sentenceCount = 0
        report.time("splitter") {
            sentenceCount = 0
            for document in documents {
                for passage in document.passages {
                    var text = passage.text
                    sentenceCount += text.withUTF8 { splitter.split(utf8: $0) }.count
                }
            }
        }
        var abbreviationCount = 0
        report.time("abbreviations") {
            abbreviationCount = 0
            for (document, sentences) in zip(documents, spans) {
                for (index, passage) in document.passages.enumerated() {
                    abbreviationCount +=
                        finder.find(in: passage.text, sentences: sentences[index], passage: index).count
                }
            }
        }
        print("tokens \(tokenCount) sentences \(sentenceCount) abbreviations \(abbreviationCount)")

        // The whole text stage, streaming: each result is dropped before the next document, as in
        // the pipeline. The results for the context stage are made afterwards, untimed.
        let textStage = TextStage()
        var sentenceTotal = 0
        report.time("text-stage") {
            sentenceTotal = 0
            for document in documents { sentenceTotal += textStage.process(document).sentences.count }
        }
        var processed = documents.map { textStage.process($0) }

        // Mentions, then the context stage.
        let conceptFiles = Lexicon.conceptFiles.map { options.lexicons + "/" + $0 }
        if conceptFiles.allSatisfy({ FileManager.default.fileExists(atPath: $0) }) {
            do {
                let matcher = EntityMatcher(matcher: Matcher(lexicon: try Lexicon(directory: options.lexicons)))
                var matched: [Document] = []
                report.time("matcher") {
                    matched = processed.map { (try? matcher.process($0)) ?? $0 }
                }
                processed = matched
                print("mentions: EntityMatcher with the lexicons of \(options.lexicons)")
            } catch {
                FileHandle.standardError.write(Data("cannot load the lexicons: \(error)\n".utf8))
                return 1
            }
        } else if processed.contains(where: { !$0.annotations.isEmpty }) {
            processed = processed.map(placeGoldMentions)
            print("mentions: gold annotations (no lexicons in \(options.lexicons))")
        } else {
            print("mentions: none (no lexicons in \(options.lexicons), no gold annotations); cue finding still runs")
        }
        let mentionCount = processed.reduce(0) { $0 + $1.mentions.count }
        var cueTotal = 0
        report.time("context-stage") {
            cueTotal = 0
            for document in processed { cueTotal += contextStage.process(document).cues.count }
        }
        let contextual = processed.map { contextStage.process($0) }
        let cueCount = contextual.reduce(0) { $0 + $1.cues.count }
        guard sentenceTotal == sentenceCount, cueTotal == cueCount else {
            FileHandle.standardError.write(Data("the timed runs disagree with the recorded ones\n".utf8))
            return 1
        }
        let anaphorCount = contextual.reduce(0) { $0 + $1.mentions.count } - mentionCount
        print("mentions \(mentionCount) cues \(cueCount) anaphors \(anaphorCount)")

        if let dump = options.dump {
            var out = ""
            for document in contextual { write(document, to: &out) }
            guard FileManager.default.createFile(atPath: dump, contents: Data(out.utf8)) else {
                FileHandle.standardError.write(Data("cannot write \(dump)\n".utf8))
                return 1
            }
            print("wrote \(dump)")
        }
        return 0
    }

    // MARK: - Options

    private struct Options {
        var files: [String] = []
        var whole = false
        var lexicons = "Lexicons"
        var repeats = 3
        var limit = Int.max
        var dump: String?

        init?(_ arguments: [String]) {
            var rest = arguments[...]
            while let argument = rest.popFirst() {
                switch argument {
                case "--lexicons":
                    guard let value = rest.popFirst() else { return nil }
                    lexicons = value
                case "--repeat":
                    guard let value = rest.popFirst().flatMap({ Int($0) }), value > 0 else { return nil }
                    repeats = value
                case "--limit":
                    guard let value = rest.popFirst().flatMap({ Int($0) }), value > 0 else { return nil }
                    limit = value
                case "--whole":
                    whole = true
                case "--dump":
                    guard let value = rest.popFirst() else { return nil }
                    dump = value
                default:
                    guard !argument.hasPrefix("--") else { return nil }
                    files.append(argument)
                }
            }
            guard !files.isEmpty else { return nil }
        }
    }

    // MARK: - Timing

    private struct Reporter {
        var bytes: Int
        var documents: Int
        var repeats: Int

        /// Runs `body` `repeats` times and prints the best time's throughput: wall time
        /// (ContinuousClock), and the process's CPU time (user + system), which a loaded machine
        /// disturbs less.
        func time(_ label: String, _ body: () -> Void) {
            let clock = ContinuousClock()
            var best = Double.infinity
            var bestCPU = Double.infinity
            for _ in 0..<repeats {
                let start = clock.now
                let startCPU = cpuSeconds()
                body()
                best = min(best, seconds(clock.now - start))
                bestCPU = min(bestCPU, cpuSeconds() - startCPU)
            }
            let time = max(best, 1e-9)
            let cpu = max(bestCPU, 1e-9)
            print(
                String(
                    format: "%-14@ seconds %.4f MB/s %8.1f docs/s %9.0f cpu-seconds %.4f cpu-MB/s %8.1f",
                    label,
                    best,
                    Double(bytes) / 1e6 / time,
                    Double(documents) / time,
                    bestCPU,
                    Double(bytes) / 1e6 / cpu
                )
            )
        }

        private func cpuSeconds() -> Double {
            var time = timespec()
            clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
            return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
        }

        private func seconds(_ duration: Duration) -> Double {
            let parts = duration.components
            return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
        }
    }

    // MARK: - Gold mentions

    /// Turns gold annotations into lexicon-like mentions: chemicals as drugs, diseases as
    /// conditions, genes as receptors, with UTF-8 offsets and the sentence they start in.
    private static func placeGoldMentions(_ document: Document) -> Document {
        var document = document
        var mentions: [Mention] = []
        let maps = document.passages.map { ScalarOffsetMap($0.text) }
        for annotation in document.annotations where annotation.passage < document.passages.count {
            let type: EntityType
            if annotation.type.contains("Chemical") {
                type = .drug
            } else if annotation.type.contains("Disease") {
                type = .condition
            } else if annotation.type.contains("Gene") {
                type = .receptor
            } else {
                continue
            }
            let map = maps[annotation.passage]
            let start = map.byteOffset(ofScalar: annotation.start)
            let end = map.byteOffset(ofScalar: annotation.end)
            guard
                let sentence = document.sentences.firstIndex(where: {
                    $0.passage == annotation.passage && $0.start <= start && start < $0.end
                })
            else { continue }
            mentions.append(
                Mention(
                    type: type,
                    id: annotation.identifiers.first ?? "-",
                    name: annotation.text.lowercased(),
                    passage: annotation.passage,
                    sentence: sentence,
                    start: start,
                    end: end
                )
            )
        }
        mentions.sort {
            ($0.passage, $0.start, $0.end, $0.type.rawValue, $0.id) < (
                $1.passage, $1.start, $1.end, $1.type.rawValue, $1.id
            )
        }
        document.mentions = mentions
        return document
    }

    // MARK: - Dump

    /// Writes every layer of the text and context stages, one line per item.
    private static func write(_ document: Document, to out: inout String) {
        out += "D \(document.id)\n"
        for (index, tokens) in document.tokens.enumerated() {
            out += "T \(index)"
            for token in tokens {
                out += " \(token.start)-\(token.end)\(kindLetter(token.kind))"
            }
            out += "\n"
        }
        for sentence in document.sentences {
            out += "S \(sentence.passage) \(sentence.start) \(sentence.end) \(sentence.tokens.lowerBound) "
            out += "\(sentence.tokens.upperBound)\n"
        }
        for abbreviation in document.abbreviations {
            out += "A \(abbreviation.passage) \(abbreviation.shortStart) \(abbreviation.shortEnd) "
            out += "\(abbreviation.longStart) \(abbreviation.longEnd) \(abbreviation.short)|\(abbreviation.long)\n"
        }
        for cue in document.cues {
            out += "C \(cue.category.rawValue) \(cue.passage) \(cue.sentence) \(cue.start) \(cue.end) "
            out += "\(cue.scopeStart) \(cue.scopeEnd)\n"
        }
        for mention in document.mentions {
            let flags = [mention.negated, mention.hedged, mention.hypothetical, mention.historical, mention.isClass]
                .map { $0 ? "1" : "0" }.joined()
            out += "M \(mention.type.rawValue) \(mention.id) \(mention.passage) \(mention.sentence) \(mention.start) "
            out += "\(mention.end) \(mention.source.rawValue) \(flags) \(mention.name)\n"
        }
    }

    private static func kindLetter(_ kind: Token.Kind) -> String {
        switch kind {
        case .word: "w"
        case .number: "n"
        case .punctuation: "p"
        }
    }
}
