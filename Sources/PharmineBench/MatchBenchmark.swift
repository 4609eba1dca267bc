import Dispatch
import Foundation
import PharmineCore
import PharmineLexicon
import PharmineText
import Synchronization

/// `pharmine-bench match …`: measures lexicon loading and tokenizing + matching.
///
/// ```
/// pharmine-bench match corpus OUT [--megabytes 100] [--corpora ../shared/corpora]
/// pharmine-bench match terms OUT [--lexicons Lexicons]
/// pharmine-bench match run FILE [--lexicons Lexicons] [--threads 1,2] [--rounds 1] [--phase match]
///     phases: tokenize (tokenizer only), analyze (tokens to vocabulary ids), match (tokenize and
///     match, the default), stage (the EntityMatcher stage on a Document per line)
/// pharmine-bench match load [--lexicons Lexicons]
/// ```
///
/// `corpus` writes one document per line (title and abstract of the BC5CDR and BioRED PubTator
/// files, repeated up to the size asked). `terms` writes every compiled surface form, one per
/// line, for comparison with other matchers. `run` reports MB/s for tokenizing and matching each
/// line as one sentence, per thread count, and a checksum of the mentions that must not depend on
/// the thread count. `load` reports the lexicon load and compile times.
enum MatchBenchmark {
    /// Runs a subcommand.
    static func run(_ arguments: [String]) -> Int32 {
        guard let command = arguments.first else {
            return usage()
        }
        var options = Options(arguments: Array(arguments.dropFirst()))
        switch command {
        case "corpus":
            guard let output = options.positional.first else { return usage() }
            return writeCorpus(to: output, megabytes: Int(options.value("megabytes") ?? "100") ?? 100,
                               corpora: options.value("corpora") ?? "../shared/corpora")
        case "terms":
            guard let output = options.positional.first else { return usage() }
            return writeTerms(to: output, lexicons: options.value("lexicons") ?? "Lexicons")
        case "run":
            guard let input = options.positional.first else { return usage() }
            let threads = (options.value("threads") ?? "1,2").split(separator: ",").compactMap { Int($0) }
            return runMatching(input: input, lexicons: options.value("lexicons") ?? "Lexicons", threads: threads,
                               rounds: Int(options.value("rounds") ?? "1") ?? 1, phase: options.value("phase") ?? "match")
        case "load":
            let lexicons = options.value("lexicons") ?? "Lexicons"
            guard compile(lexicons: lexicons) != nil, load(lexicons: lexicons) != nil, load(lexicons: lexicons) != nil
            else { return 1 }
            return 0
        default:
            options.positional = []
            return usage()
        }
    }

    /// Prints the usage.
    static func usage() -> Int32 {
        print("""
            usage: pharmine-bench match corpus OUT [--megabytes N] [--corpora DIR]
                   pharmine-bench match terms OUT [--lexicons DIR]
                   pharmine-bench match run FILE [--lexicons DIR] [--threads 1,2] [--rounds N]
                                                [--phase tokenize|analyze|match|stage]
                   pharmine-bench match load [--lexicons DIR]
            """)
        return 2
    }

    /// `--name value` options and positional arguments.
    struct Options {
        var positional: [String] = []
        var named: [String: String] = [:]

        init(arguments: [String]) {
            var index = 0
            while index < arguments.count {
                let argument = arguments[index]
                if argument.hasPrefix("--"), index + 1 < arguments.count {
                    named[String(argument.dropFirst(2))] = arguments[index + 1]
                    index += 2
                } else {
                    positional.append(argument)
                    index += 1
                }
            }
        }

        func value(_ name: String) -> String? { named[name] }
    }

    // MARK: - Corpus

    /// Writes title + abstract lines of the PubTator corpora, repeated to `megabytes`.
    static func writeCorpus(to output: String, megabytes: Int, corpora: String) -> Int32 {
        let files = [
            "bc5cdr/CDR_TrainingSet.PubTator.txt", "bc5cdr/CDR_DevelopmentSet.PubTator.txt",
            "biored/Train.PubTator", "biored/Dev.PubTator",
        ]
        var documents: [String] = []
        for file in files {
            guard let text = try? String(contentsOfFile: corpora + "/" + file, encoding: .utf8) else {
                print("cannot read \(corpora)/\(file)")
                return 1
            }
            var current = ""
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                let parts = line.split(separator: "|", maxSplits: 2, omittingEmptySubsequences: false)
                if parts.count == 3, parts[1] == "t" || parts[1] == "a", parts[0].allSatisfy(\.isNumber) {
                    current += (current.isEmpty ? "" : " ") + parts[2]
                } else if !current.isEmpty {
                    documents.append(current)
                    current = ""
                }
            }
            if !current.isEmpty { documents.append(current) }
        }
        let block = documents.joined(separator: "\n") + "\n"
        let target = megabytes * 1_000_000
        var data = Data()
        while data.count < target { data.append(contentsOf: block.utf8) }
        guard FileManager.default.createFile(atPath: output, contents: data) else {
            print("cannot write \(output)")
            return 1
        }
        print("wrote \(output): \(data.count) bytes, \(documents.count) distinct documents, \(data.count / block.utf8.count) copies")
        return 0
    }

    // MARK: - Loading

    /// Loads and compiles the lexicons without the cache, printing the times.
    static func compile(lexicons: String) -> Matcher? {
        let clock = ContinuousClock()
        let started = clock.now
        let cpuStarted = cpuSeconds()
        let lexicon: Lexicon
        do {
            lexicon = try Lexicon(directory: lexicons)
        } catch {
            print("cannot load \(lexicons): \(error)")
            return nil
        }
        let read = clock.now - started
        let cpuRead = cpuSeconds() - cpuStarted
        let matcher = Matcher(lexicon: lexicon)
        let total = clock.now - started
        let cpuTotal = cpuSeconds() - cpuStarted
        describe(matcher)
        print("compile without cache: read TSV \(milliseconds(read)) ms + compile \(milliseconds(matcher.statistics.compileTime)) ms = \(milliseconds(total)) ms wall; CPU \(Int(cpuRead * 1000)) + \(Int((cpuTotal - cpuRead) * 1000)) ms")
        return matcher
    }

    /// Loads the lexicons through the compiled cache, printing the time.
    static func load(lexicons: String) -> Matcher? {
        let clock = ContinuousClock()
        let started = clock.now
        let cpuStarted = cpuSeconds()
        do {
            let matcher = try Matcher.load(directory: lexicons)
            let elapsed = clock.now - started
            let cpu = cpuSeconds() - cpuStarted
            describe(matcher)
            print("load \(matcher.isFromCache ? "from cache" : "(compiled, cache written)"): \(milliseconds(elapsed)) ms wall, CPU \(Int(cpu * 1000)) ms")
            return matcher
        } catch {
            print("cannot load \(lexicons): \(error)")
            return nil
        }
    }

    /// Prints the matcher's figures.
    static func describe(_ matcher: Matcher) {
        let statistics = matcher.statistics
        let counts = EntityType.allCases.map { type in
            "\(type.rawValue) \(matcher.concepts.filter { $0.type == type }.count)"
        }
        print("lexicon: \(matcher.concepts.count) concepts (\(counts.joined(separator: ", "))), \(statistics.surfaceForms) surface forms, \(statistics.sequences) key sequences, vocabulary \(statistics.vocabularySize), \(statistics.nodes) nodes, \(statistics.caseSensitive) case-sensitive, \(statistics.excluded) excluded, \(statistics.skipped) skipped as fragments, tables \(statistics.bytes / 1_000_000) MB")
    }

    /// CPU time of the process so far, in seconds (user + system, all threads).
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    /// Milliseconds of a duration.
    static func milliseconds(_ duration: Duration) -> Int {
        Int(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
    }

    /// Seconds of a duration.
    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    // MARK: - Terms

    /// Writes every matched surface form (as compiled: un-inverted, markup removed), one per line.
    static func writeTerms(to output: String, lexicons: String) -> Int32 {
        guard let matcher = compile(lexicons: lexicons) else { return 1 }
        var seen = Set<String>()
        var lines: [String] = []
        for term in matcher.compiledTerms() where !term.contains("\n") && seen.insert(term.lowercased()).inserted {
            lines.append(term)
        }
        let text = lines.joined(separator: "\n") + "\n"
        guard FileManager.default.createFile(atPath: output, contents: Data(text.utf8)) else { return 1 }
        print("wrote \(output): \(lines.count) terms")
        return 0
    }

    // MARK: - Matching

    /// Tokenizes and matches every line of `input`, per thread count.
    static func runMatching(input: String, lexicons: String, threads: [Int], rounds: Int, phase: String) -> Int32 {
        guard let data = FileManager.default.contents(atPath: input) else {
            print("cannot read \(input)")
            return 1
        }
        guard let matcher = load(lexicons: lexicons) else { return 1 }
        let bytes = [UInt8](data)
        var lineRanges: [Range<Int>] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            if index > start { lineRanges.append(start..<index) }
            start = index + 1
        }
        if start < bytes.count { lineRanges.append(start..<bytes.count) }
        let lines = lineRanges
        let megabytes = Double(bytes.count) / 1_000_000
        print("input: \(input), \(String(format: "%.1f", megabytes)) MB, \(lines.count) documents")
        let chunkSize = 256
        let stage = EntityMatcher(matcher: matcher)
        let chunks = (lines.count + chunkSize - 1) / chunkSize
        var baseline: Double?
        for threadCount in threads {
            for round in 1...max(rounds, 1) {
                let next = Atomic<Int>(0)
                let totals = Mutex((mentions: 0, checksum: UInt64(0)))
                let clock = ContinuousClock()
                let started = clock.now
                let cpuStarted = cpuSeconds()
                DispatchQueue.concurrentPerform(iterations: threadCount) { _ in
                    bytes.withUnsafeBufferPointer { buffer in
                        let scratch = MatchScratch()
                        let tokenizer = Tokenizer()
                        var tokens: [Token] = []
                        var matches: [LexiconMatch] = []
                        var mentions = 0
                        var checksum: UInt64 = 0
                        while true {
                            let chunk = next.wrappingAdd(1, ordering: .relaxed).oldValue
                            guard chunk < chunks else { break }
                            for line in lines[(chunk * chunkSize)..<min((chunk + 1) * chunkSize, lines.count)] {
                                let text = UnsafeBufferPointer(rebasing: buffer[line])
                                tokenizer.tokenize(text, into: &tokens)
                                matches.removeAll(keepingCapacity: true)
                                switch phase {
                                case "tokenize":
                                    mentions += tokens.count
                                case "stage":
                                    var document = Document(id: "bench", format: .text, origin: Origin(file: input, index: 0))
                                    document.passages = [Passage(label: "text", text: String(decoding: text, as: UTF8.self))]
                                    document.tokens = [tokens]
                                    let processed = (try? stage.process(document)) ?? document
                                    mentions += processed.mentions.count
                                    for mention in processed.mentions {
                                        checksum &+= UInt64(mention.start &* 7 &+ mention.end) &* UInt64(line.lowerBound &+ 1)
                                    }
                                case "analyze":
                                    mentions += tokens.withUnsafeBufferPointer { tokenBuffer in
                                        matcher.analyzeOnly(text: text, tokens: tokenBuffer, range: 0..<tokenBuffer.count,
                                                            scratch: scratch)
                                    }
                                default:
                                    tokens.withUnsafeBufferPointer { tokenBuffer in
                                        matcher.match(text: text, tokens: tokenBuffer, range: 0..<tokenBuffer.count,
                                                      scratch: scratch, into: &matches)
                                    }
                                }
                                mentions += matches.count
                                for match in matches {
                                    checksum &+= UInt64(match.entry &* 31 &+ match.start &* 7 &+ match.end)
                                        &* UInt64(line.lowerBound &+ 1)
                                }
                            }
                        }
                        totals.withLock { total in
                            total.mentions += mentions
                            total.checksum &+= checksum
                        }
                    }
                }
                let elapsed = seconds(clock.now - started)
                let cpu = cpuSeconds() - cpuStarted
                let rate = megabytes / elapsed
                let result = totals.withLock { $0 }
                if threadCount == threads.first, round == 1 { baseline = rate }
                let speedup = baseline.map { String(format: ", speed-up %.2fx", rate / $0) } ?? ""
                print(String(format: "%@ threads %d round %d: %.3f s, %.1f MB/s (CPU %.2f s, %.1f MB/s per CPU-second), %.0f documents/s, %d mentions, checksum %016llx",
                             phase, threadCount, round, elapsed, rate, cpu, megabytes / cpu,
                             Double(lines.count) / elapsed, result.mentions, result.checksum) + speedup)
            }
        }
        return 0
    }
}
