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
    /// Phrase indices by first word id (the index), longest first.
    let phrasesByFirstWord: [[Int]]

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
        self.phrasesByFirstWord = byFirst
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
        for line in tsv.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let line = line.hasSuffix("\r") ? line.dropLast() : line
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix("cue\t") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
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
    @inline(__always)
    func wordID(_ bytes: UnsafeBufferPointer<UInt8>, _ token: Token) -> Int32 {
        guard token.end <= bytes.count, token.start < token.end else { return -1 }
        guard let key = WordKey(bytes: bytes, start: token.start, end: token.end) else {
            if token.end - token.start == 3, bytes[token.start] == 0xE2, bytes[token.start + 1] == 0x80,
                bytes[token.start + 2] == 0x99
            {
                return apostropheID
            }
            return -1
        }
        return wordIDs.value(for: key)
    }
}
