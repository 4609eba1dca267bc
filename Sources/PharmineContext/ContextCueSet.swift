import Foundation
import PharmineCore

/// The cue list compiled for matching: cue phrases as sequences of word ids, looked up by their
/// first word.
///
/// Built once (from `Lexicons/context-cues.tsv` or a list of ``ContextCue``s) and shared by
/// every thread. A phrase is split into words the way the tokenizer splits text: runs of
/// letters and digits, and every other character on its own ("didn't" → `didn`, `'`, `t`;
/// "h/o" → `h`, `/`, `o`), so it matches the token sequence of the same words in a passage.
public struct ContextCueSet: Sendable {
    /// The name of the cue file in a lexicon folder.
    public static let fileName = "context-cues.tsv"

    /// The cues, as loaded.
    public let cues: [ContextCue]

    /// One rule of a phrase: what a match of it means.
    struct Rule: Sendable {
        var category: ContextCategory
        var direction: ContextDirection
        var scope: Int
    }

    /// A distinct phrase: its words and what it means.
    struct Phrase: Sendable {
        var words: [Int32]
        var clauseInitial: Bool
        var rules: [Rule]
        /// A pseudo-cue is selected before any other cue it overlaps.
        var isPseudo: Bool
    }

    let wordIDs: WordTable
    /// The id of "'", which a typographic apostrophe (U+2019) also gets; -1 if unused.
    let apostropheID: Int32
    let phrases: [Phrase]

    // The phrases again, flat, for matching without copying arrays out of structs.

    /// Per phrase: ``pseudoFlag``, ``clauseInitialFlag``, ``terminateFlag``, ``scopedFlag``.
    let phraseFlags: [UInt8]
    /// Where each phrase's rules start in ``phraseRules`` (one more entry than phrases).
    let phraseRuleStart: [Int32]
    /// The rules of every phrase, one after the other.
    let phraseRules: [Rule]
    /// The phrases as a trie of word ids: its root's children by first word.
    let trie: CueTrie
    /// By first and last byte of a word (both ASCII, each with bit 0x20 set, which lowercases
    /// letters; index `first << 7 | last`): bit `min(length, 15)` is set when a cue word with those
    /// bytes and length exists. Rejects most tokens before any hashing.
    let lengthsByEnds: [UInt16]
    /// The same for the words that start a phrase.
    let startLengthsByEnds: [UInt16]

    /// The id of a token whose word was not looked up yet (see ``wordIDs(_:_:into:starters:)``).
    static let unknownID: Int32 = -2

    static let pseudoFlag: UInt8 = 1
    static let clauseInitialFlag: UInt8 = 2
    static let terminateFlag: UInt8 = 4
    /// The phrase has a rule with a scope (not pseudo, not terminate).
    static let scopedFlag: UInt8 = 8

    /// Compiles a cue list.
    ///
    /// - Parameter cues: The cues. Phrases with a non-ASCII character are ignored.
    public init(cues: [ContextCue]) {
        self.cues = cues
        var wordIDs: [WordKey: Int32] = [:]
        var phraseIndex: [String: Int] = [:]
        var phrases: [Phrase] = []
        for cue in cues {
            var text = cue.phrase
            let clauseInitial = text.hasPrefix("^")
            if clauseInitial { text.removeFirst() }
            var words: [Int32] = []
            var valid = true
            for word in Self.words(of: text) {
                guard let key = WordKey(word) else {
                    valid = false
                    break
                }
                if let id = wordIDs[key] {
                    words.append(id)
                } else {
                    let id = Int32(wordIDs.count)
                    wordIDs[key] = id
                    words.append(id)
                }
            }
            guard valid, !words.isEmpty else { continue }
            let rule = Rule(category: cue.category, direction: cue.direction, scope: cue.scope)
            let identity = (clauseInitial ? "^" : "") + words.map(String.init).joined(separator: " ")
            if let index = phraseIndex[identity] {
                phrases[index].rules.append(rule)
                phrases[index].isPseudo = phrases[index].isPseudo || cue.category == .pseudo
            } else {
                phraseIndex[identity] = phrases.count
                phrases.append(
                    Phrase(words: words, clauseInitial: clauseInitial, rules: [rule], isPseudo: cue.category == .pseudo)
                )
            }
        }
        var byFirst = [[Int]](repeating: [], count: wordIDs.count)
        for (index, phrase) in phrases.enumerated() {
            byFirst[Int(phrase.words[0])].append(index)
        }
        for index in byFirst.indices {
            byFirst[index].sort { phrases[$0].words.count > phrases[$1].words.count }
        }
        var table = WordTable(capacity: wordIDs.count)
        for (key, id) in wordIDs { table.set(key, id) }
        self.wordIDs = table
        self.apostropheID = WordKey("'").flatMap { wordIDs[$0] } ?? -1
        self.phrases = phrases

        var phraseFlags: [UInt8] = []
        var phraseRuleStart: [Int32] = [0]
        var phraseRules: [Rule] = []
        for phrase in phrases {
            phraseRules.append(contentsOf: phrase.rules)
            phraseRuleStart.append(Int32(phraseRules.count))
            var flags: UInt8 = 0
            if phrase.isPseudo { flags |= Self.pseudoFlag }
            if phrase.clauseInitial { flags |= Self.clauseInitialFlag }
            for rule in phrase.rules {
                switch rule.category {
                case .terminate: flags |= Self.terminateFlag
                case .pseudo: break
                default: flags |= Self.scopedFlag
                }
            }
            phraseFlags.append(flags)
        }
        // Phrases in the order they are tried at a position: by first word, longest first.
        var ordered: [[Int32]] = []
        for group in byFirst {
            for index in group { ordered.append(phrases[index].words) }
        }
        let phraseOfRank = byFirst.flatMap { $0 }.map { Int32($0) }
        var lengthsByEnds = [UInt16](repeating: 0, count: 128 * 128)
        var startLengthsByEnds = [UInt16](repeating: 0, count: 128 * 128)
        for cue in cues {
            var text = cue.phrase
            if text.hasPrefix("^") { text.removeFirst() }
            for (index, word) in Self.words(of: text).enumerated() {
                guard let first = word.utf8.first, let last = word.utf8.last, first < 0x80, last < 0x80 else {
                    continue
                }
                let bit: UInt16 = 1 << UInt16(min(word.utf8.count, 15))
                lengthsByEnds[Int(first | 0x20) << 7 | Int(last | 0x20)] |= bit
                if index == 0 { startLengthsByEnds[Int(first | 0x20) << 7 | Int(last | 0x20)] |= bit }
            }
        }
        self.startLengthsByEnds = startLengthsByEnds
        self.phraseFlags = phraseFlags
        self.phraseRuleStart = phraseRuleStart
        self.phraseRules = phraseRules
        self.trie = CueTrie(phrases: ordered, phraseOfRank: phraseOfRank, wordCount: wordIDs.count)
        self.lengthsByEnds = lengthsByEnds
    }

    /// Parses a cue list in the TSV format of `Lexicons/context-cues.tsv`.
    ///
    /// - Parameters:
    ///   - tsv: The file's text.
    ///   - file: The file name, for errors.
    /// - Throws: ``ContextError`` with code `malformedLine` for a bad row.
    public init(tsv: String, file: String) throws {
        var cues: [ContextCue] = []
        var number = 0
        // Lines and fields are split on bytes, which costs far less than splitting by characters.
        for bytes in tsv.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            number += 1
            let line = Substring(bytes.last == UInt8(ascii: "\r") ? bytes.dropLast() : bytes)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix("cue\t") { continue }
            let fields = line.utf8.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false).map(Substring.init)
            guard fields.count == 5 else {
                throw ContextError(
                    .malformedLine,
                    file: file,
                    line: number,
                    message: "expected 5 columns, found \(fields.count)"
                )
            }
            guard let category = ContextCategory(rawValue: String(fields[1])) else {
                throw ContextError(.malformedLine, file: file, line: number, message: "unknown category \(fields[1])")
            }
            guard let direction = ContextDirection(rawValue: String(fields[2])) else {
                throw ContextError(.malformedLine, file: file, line: number, message: "unknown direction \(fields[2])")
            }
            guard let scope = Int(fields[3]), scope >= 0 else {
                throw ContextError(.malformedLine, file: file, line: number, message: "bad scope \(fields[3])")
            }
            guard !fields[0].isEmpty else {
                throw ContextError(.malformedLine, file: file, line: number, message: "empty cue")
            }
            cues.append(
                ContextCue(
                    phrase: fields[0].lowercased(),
                    category: category,
                    direction: direction,
                    scope: scope,
                    sources: fields[4].split(separator: ",").map(String.init)
                )
            )
        }
        self.init(cues: cues)
    }

    /// Loads a cue list from a file.
    ///
    /// - Parameter path: The path of the TSV file.
    /// - Throws: ``ContextError`` when it cannot be read or parsed.
    public init(contentsOf path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ContextError(.unreadableFile, file: path, message: "cannot read the cue list")
        }
        try self.init(tsv: String(decoding: data, as: UTF8.self), file: path)
    }

    /// Splits a phrase into tokenizer-like words: runs of ASCII letters and digits, and every
    /// other non-space character alone.
    static func words(of phrase: String) -> [String] {
        var words: [String] = []
        var current = ""
        for scalar in phrase.unicodeScalars {
            let isAlphanumeric = scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
            if isAlphanumeric {
                current.unicodeScalars.append(scalar)
                continue
            }
            if !current.isEmpty {
                words.append(current)
                current = ""
            }
            if !scalar.properties.isWhitespace {
                words.append(String(scalar))
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// The word id of a token, or -1 when no cue uses the word. A typographic apostrophe
    /// counts as "'" ("didn’t").
    func wordID(_ bytes: UnsafeBufferPointer<UInt8>, _ token: Token) -> Int32 {
        withResolver(bytes) { $0.wordID(token) }
    }

    /// Calls `body` with a resolver of word ids over one passage's bytes.
    @inline(__always)
    func withResolver<Result>(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Resolver) -> Result) -> Result {
        lengthsByEnds.withUnsafeBufferPointer { lengths in
            startLengthsByEnds.withUnsafeBufferPointer { startLengths in
                wordIDs.withLookup { table in
                    body(
                        Resolver(
                            bytes: bytes,
                            lengths: lengths,
                            startLengths: startLengths,
                            table: table,
                            apostropheID: apostropheID
                        )
                    )
                }
            }
        }
    }

    /// Word-id lookups over one passage, with the tables borrowed.
    struct Resolver {
        let bytes: UnsafeBufferPointer<UInt8>
        let lengths: UnsafeBufferPointer<UInt16>
        let startLengths: UnsafeBufferPointer<UInt16>
        let table: WordTable.Lookup
        let apostropheID: Int32

        /// The word id of a token, or -1 when no cue uses the word.
        @inline(__always)
        func wordID(_ token: Token) -> Int32 {
            wordID(token, filter: lengths, rejected: -1)
        }

        /// The word id of a token if its word may start a phrase; otherwise the word id or
        /// ``ContextCueSet/unknownID`` (not looked up).
        @inline(__always)
        func startWordID(_ token: Token) -> Int32 {
            wordID(token, filter: startLengths, rejected: ContextCueSet.unknownID)
        }

        @inline(__always)
        private func wordID(_ token: Token, filter: UnsafeBufferPointer<UInt16>, rejected: Int32) -> Int32 {
            guard token.end <= bytes.count, token.start < token.end, let base = bytes.baseAddress else { return -1 }
            let length = token.end &- token.start
            let first = base[token.start]
            let last = base[token.end &- 1]
            if (first | last) >= 0x80 {
                // No key (not ASCII): only the typographic apostrophe has an id.
                if length == 3, first == 0xE2, base[token.start &+ 1] == 0x80, last == 0x99 {
                    return apostropheID
                }
                return -1
            }
            let ends = Int(first | 0x20) &<< 7 | Int(last | 0x20)
            guard filter[ends] & (1 &<< UInt16(truncatingIfNeeded: min(length, 15))) != 0 else { return rejected }
            guard let key = WordKey(bytes: bytes, start: token.start, end: token.end) else { return -1 }
            return table.value(for: key)
        }
    }

    /// Writes into `ids` the word id of every token whose word may start a phrase, and
    /// ``unknownID`` for the others (resolve them with ``Resolver/wordID(_:)`` when needed), and
    /// appends the index of every token that starts a phrase to `starters`.
    ///
    /// - Parameters:
    ///   - bytes: The passage text.
    ///   - tokens: The passage's tokens.
    ///   - ids: Receives one id per token (`ids.count >= tokens.count`).
    ///   - starters: Receives the indices of the tokens whose word starts a phrase, in order.
    func wordIDs(
        _ bytes: UnsafeBufferPointer<UInt8>,
        _ tokens: UnsafeBufferPointer<Token>,
        into ids: UnsafeMutableBufferPointer<Int32>,
        starters: inout [Int32]
    ) {
        withResolver(bytes) { resolver in
            trie.withWalker { walker in
                for index in 0..<tokens.count {
                    let id = resolver.startWordID(tokens[index])
                    ids[index] = id
                    if walker.startsPhrase(id) { starters.append(Int32(index)) }
                }
            }
        }
    }
}
