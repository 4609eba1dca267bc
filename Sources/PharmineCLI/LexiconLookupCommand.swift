import ArgumentParser
import Foundation
import PharmineCore
import PharmineLexicon

/// `pharmine lexicon lookup TERM`: what a term maps to, and why.
struct LexiconLookupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "Show what a term maps to and why: keys, matching concepts, curation rules.",
        discussion: """
            Prints the term's normalised keys (hyphens and possessive 's are skipped), the concepts \
            whose surface forms have exactly those keys in the order the matcher prefers them \
            (type priority, preferred name, case-sensitive first, id) with their case checks, the \
            matches when the term is read as text, and the curation rules for the term.
            """
    )

    @OptionGroup var lexiconOptions: LexiconOptions

    @Argument(help: "The term to look up (quote it when it has spaces).")
    var term: String

    func run() throws {
        let clock = ContinuousClock()
        let started = clock.now
        let lexicon: Lexicon
        let matcher: Matcher
        do {
            lexicon = try Lexicon(directory: lexiconOptions.lexicons, additionalFiles: lexiconOptions.userLexicons)
            matcher = try Matcher.load(directory: lexiconOptions.lexicons, additionalFiles: lexiconOptions.userLexicons)
        } catch {
            FileHandle.standardError.write(Data("pharmine: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let explanation = matcher.explain(term)
        var out = "term: \(term)\n"
        out += "keys: " + explanation.units.map { "\($0.key)\($0.isKnown ? "" : " (not in vocabulary)")" }.joined(separator: " | ")
        out += "\n"
        func describe(_ entry: Int) -> String {
            let concept = matcher.concepts[entry]
            var text = "\(concept.id)\t\(concept.type.rawValue)\t\(concept.name)"
            if concept.isClass { text += "\t(class)" }
            if entry < lexicon.entries.count, lexicon.entries[entry].id == concept.id {
                text += "\tsources: " + lexicon.entries[entry].sources.joined(separator: ", ")
            }
            return text
        }
        if explanation.candidates.isEmpty {
            out += "concepts with exactly these keys: none\n"
        } else {
            out += "concepts with exactly these keys, in preference order:\n"
            var won = false
            for candidate in explanation.candidates {
                var notes: [String] = []
                if candidate.isPreferredName { notes.append("preferred name") }
                if let form = candidate.caseSensitiveForm {
                    notes.append("case-sensitive: only «\(form)»" + (candidate.passesCase ? "" : " — this term fails"))
                }
                let marker = !won && candidate.passesCase ? "*" : " "
                if candidate.passesCase { won = true }
                out += "  \(marker) \(describe(candidate.entry))"
                out += notes.isEmpty ? "\n" : "\t[\(notes.joined(separator: "; "))]\n"
            }
            out += "  (* = what a match of the whole term yields)\n"
        }
        let bytes = Array(term.utf8)
        if explanation.matches.isEmpty {
            out += "matches when read as text: none\n"
        } else {
            out += "matches when read as text:\n"
            for match in explanation.matches {
                let text = String(decoding: bytes[match.start..<match.end], as: UTF8.self)
                let how = match.origin == .coordination ? " (coordination)" : ""
                out += "  «\(text)» [\(match.start), \(match.end))\(how)\t\(describe(match.entry))\n"
            }
        }
        let keys = matcher.keys(of: term)
        let rules = lexicon.curation.filter { matcher.keys(of: $0.term) == keys }
        if rules.isEmpty {
            out += "curation rules: none\n"
        } else {
            out += "curation rules:\n"
            for rule in rules {
                out += "  \(rule.action.rawValue) «\(rule.term)» for \(rule.type?.rawValue ?? "every type"): \(rule.reason)\n"
            }
        }
        let elapsed = clock.now - started
        out += "(lexicons loaded and looked up in \(elapsed.formatted(.units(allowed: [.milliseconds]))))\n"
        FileHandle.standardOutput.write(Data(out.utf8))
    }
}

/// `pharmine lexicon stats`: counts of the lexicons and of the compiled matcher.
struct LexiconStatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Print concept and synonym counts per type, vocabulary size and load time."
    )

    @OptionGroup var lexiconOptions: LexiconOptions

    @Flag(help: "Compile the lexicons instead of loading the compiled cache.")
    var noCache = false

    func run() throws {
        let clock = ContinuousClock()
        let started = clock.now
        let matcher: Matcher
        do {
            matcher = try Matcher.load(
                directory: lexiconOptions.lexicons,
                additionalFiles: lexiconOptions.userLexicons,
                usesCache: !noCache
            )
        } catch {
            FileHandle.standardError.write(Data("pharmine: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let loadTime = clock.now - started
        let lexicon: Lexicon
        do {
            lexicon = try matcher.lexicon ?? Lexicon(directory: lexiconOptions.lexicons, additionalFiles: lexiconOptions.userLexicons)
        } catch {
            FileHandle.standardError.write(Data("pharmine: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let statistics = matcher.statistics
        var out = "type\tconcepts\tsynonyms\tclasses\n"
        for type in EntityType.allCases {
            let entries = lexicon.entries.filter { $0.type == type }
            let synonyms = entries.reduce(0) { $0 + $1.synonyms.count }
            out += "\(type.rawValue)\t\(entries.count)\t\(synonyms)\t\(entries.filter(\.isClass).count)\n"
        }
        out += "curation rules\t\(lexicon.curation.count)\n"
        out += "drug-form words\t\(lexicon.drugForms.count)\n"
        out += "surface forms compiled\t\(statistics.surfaceForms)\n"
        out += "key sequences (with variants)\t\(statistics.sequences)\n"
        out += "vocabulary (distinct keys)\t\(statistics.vocabularySize)\n"
        out += "trie nodes\t\(statistics.nodes)\n"
        out += "case-sensitive forms\t\(statistics.caseSensitive)\n"
        out += "excluded by curation\t\(statistics.excluded)\n"
        out += "skipped as fragments\t\(statistics.skipped)\n"
        out += "compiled tables\t\(statistics.bytes / 1_000_000) MB\n"
        let milliseconds = { (duration: Duration) in duration.formatted(.units(allowed: [.milliseconds])) }
        out += "compile time\t\(milliseconds(statistics.compileTime))\n"
        out += "load time\t\(milliseconds(loadTime))\t\(matcher.isFromCache ? "from the compiled cache" : "compiled")\n"
        FileHandle.standardOutput.write(Data(out.utf8))
    }
}
