public import PharmineCore
import PharmineText

/// The matching stage: finds drug, condition and receptor mentions with a compiled ``Matcher``.
///
/// **Requires** `document.passages` and `document.tokens` (one token array per passage); when the
/// tokens are missing (their count differs from the passages'), the stage tokenizes the passages
/// itself and stores the tokens. Uses `document.sentences`: no mention crosses a sentence; when
/// there are no sentences, each passage is one sentence whose index is the passage index. Uses
/// `document.abbreviations` when present.
///
/// **Produces** `document.mentions`, sorted by (passage, start, end, type, id), each with its
/// document-wide sentence index, UTF-8 offsets into its passage, and `isClass` from the entry.
///
/// **Abbreviations.** For each definition "long form (SHORT)": when a lexicon mention spans the
/// long form exactly, or the long form on its own matches one concept end to end, every occurrence
/// of the short form from the definition on (exact bytes, case-sensitive, on token boundaries,
/// in any later passage too) becomes a mention of that concept with source `.abbreviation`,
/// replacing lexicon mentions inside it; an occurrence lying inside a longer mention is left to
/// that mention. When the long form is not a known concept, lexicon mentions inside the short
/// form's occurrences are removed, so "principal component analysis (PCA)" keeps "PCA" from being
/// read as a drug — unless a drug mention lies inside the long form ("3'-azido-3'-deoxythymidine
/// (AZT)"), in which case the short form's drug matches stay. A long form "X-induced Y" (also "X
/// induced", "X-associated", "X-related") that ends with a condition mention Y gives the short form
/// Y's concept: "levodopa-induced dyskinesia (LID)" makes "LID" a mention of dyskinesia. When such a
/// short form is hyphenated ("ATT-ALF"), its part before the last hyphen abbreviates the cause, and
/// only the rest ("ALF") names the condition. A one-letter short form ("testosterone (T)") is used
/// only when its long form is a drug, and not where it is joined by a hyphen ("T-cell").
///
/// **Targets inside classes.** A drug-class mention named for its target ("COX-2 inhibitors",
/// "the 5-HT3 antagonist") also gives a receptor mention for the target inside it, overlapping
/// the class mention: the one place where mentions nest (``classTargets(in:mentions:)``).
///
/// The stage holds only the immutable matcher, so one instance serves every thread.
public struct EntityMatcher: Stage {
    /// The compiled matcher.
    public let matcher: Matcher

    /// Creates the stage.
    ///
    /// - Parameter matcher: A compiled matcher.
    public init(matcher: Matcher) {
        self.matcher = matcher
    }

    /// Adds mentions to a document.
    ///
    /// - Parameter document: The document, with passages (and ideally tokens and sentences).
    /// - Returns: The document with `mentions` set.
    public func process(_ document: Document) throws -> Document {
        var document = document
        if document.tokens.count != document.passages.count {
            let tokenizer = Tokenizer()
            document.tokens = document.passages.map { tokenizer.tokenize($0.text) }
        }
        var sentencesByPassage = [[(index: Int, tokens: Range<Int>)]](repeating: [], count: document.passages.count)
        if document.sentences.isEmpty {
            for passage in document.passages.indices {
                sentencesByPassage[passage].append((passage, 0..<document.tokens[passage].count))
            }
        } else {
            for (index, sentence) in document.sentences.enumerated() where sentence.passage < document.passages.count {
                sentencesByPassage[sentence.passage].append((index, sentence.tokens))
            }
        }
        var mentions: [Mention] = []
        var matches: [LexiconMatch] = []
        let concepts = matcher.concepts
        matcher.withScratch { scratch in
            for (passageIndex, passage) in document.passages.enumerated() {
                var text = passage.text
                let tokens = document.tokens[passageIndex]
                text.withUTF8 { bytes in
                    tokens.withUnsafeBufferPointer { tokenBuffer in
                        for sentence in sentencesByPassage[passageIndex] {
                            let range = sentence.tokens.clamped(to: 0..<tokenBuffer.count)
                            matches.removeAll(keepingCapacity: true)
                            matcher.match(text: bytes, tokens: tokenBuffer, range: range, scratch: scratch, into: &matches)
                            for match in matches {
                                let entry = concepts[match.entry]
                                mentions.append(
                                    Mention(
                                        type: entry.type,
                                        id: entry.id,
                                        name: entry.name,
                                        passage: passageIndex,
                                        sentence: sentence.index,
                                        start: match.start,
                                        end: match.end,
                                        isClass: entry.isClass
                                    )
                                )
                            }
                        }
                    }
                }
            }
        }
        if !document.abbreviations.isEmpty {
            resolveAbbreviations(in: document, sentences: sentencesByPassage, mentions: &mentions)
        }
        mentions += classTargets(in: document, mentions: mentions)
        mentions.sort(by: Self.precedes)
        var unique: [Mention] = []
        unique.reserveCapacity(mentions.count)
        for mention in mentions {
            if let last = unique.last, last.passage == mention.passage, last.start == mention.start,
                last.end == mention.end, last.type == mention.type, last.id == mention.id
            {
                continue
            }
            unique.append(mention)
        }
        document.mentions = unique
        return document
    }

    /// The mention order: passage, start, end, type, id.
    static func precedes(_ left: Mention, _ right: Mention) -> Bool {
        if left.passage != right.passage { return left.passage < right.passage }
        if left.start != right.start { return left.start < right.start }
        if left.end != right.end { return left.end < right.end }
        if left.type != right.type { return left.type < right.type }
        return left.id < right.id
    }

    // MARK: - Abbreviations

    /// Applies the document's abbreviation definitions to the mentions.
    func resolveAbbreviations(
        in document: Document,
        sentences: [[(index: Int, tokens: Range<Int>)]],
        mentions: inout [Mention]
    ) {
        let definitions = document.abbreviations.sorted {
            ($0.passage, $0.shortStart) < ($1.passage, $1.shortStart)
        }
        for definition in definitions where !definition.short.isEmpty && definition.passage < document.passages.count {
            var concept = longFormConcept(definition, mentions: mentions)
            // A one-letter short form ("testosterone (T)") counts only for a drug long form, and
            // its occurrences never start a hyphenated word ("T-cell", "P-glycoprotein").
            let isLetter = definition.short.utf8.count == 1
            if isLetter && concept?.type != .drug { continue }
            var short = Array(definition.short.utf8)
            var shortStart = definition.shortStart
            if concept == nil, let caused = causedConditionConcept(definition, mentions: mentions) {
                concept = caused
                // "ATT-ALF": the part before the hyphen abbreviates the cause; the condition is "ALF".
                if let hyphen = short.lastIndex(of: UInt8(ascii: "-")), short.count - hyphen > 2 {
                    shortStart += hyphen + 1
                    short = Array(short[(hyphen + 1)...])
                }
            }
            // An unknown long form that names a chemical part ("3'-azido-3'-deoxythymidine (AZT)")
            // leaves the short form's own drug matches alone.
            let keepsDrugs =
                concept == nil
                && (Self.endsLikeAChemical(definition.long)
                    || mentions.indices.contains { index in
                        // Read in place: a copied mention retains and releases its strings.
                        mentions[index].passage == definition.passage && mentions[index].type == .drug
                            && mentions[index].source == .lexicon
                            && definition.longStart <= mentions[index].start && mentions[index].end <= definition.longEnd
                    })
            for passageIndex in definition.passage..<document.passages.count {
                let from = passageIndex == definition.passage ? shortStart : 0
                let tokens = document.tokens[passageIndex]
                let text = document.passages[passageIndex].text
                for (start, end) in occurrences(of: short, in: text, from: from, tokens: tokens) {
                    if isLetter && Self.isHyphenated(text, start: start, end: end) { continue }
                    let insideLonger = mentions.indices.contains { index in
                        mentions[index].passage == passageIndex && mentions[index].start <= start && end <= mentions[index].end
                            && mentions[index].end - mentions[index].start > end - start
                    }
                    if insideLonger && concept != nil { continue }
                    mentions.removeAll { mention in
                        mention.passage == passageIndex && start <= mention.start && mention.end <= end
                            && !(keepsDrugs && mention.type == .drug)
                    }
                    guard let concept else { continue }
                    var mention = concept
                    mention.passage = passageIndex
                    mention.start = start
                    mention.end = end
                    mention.source = .abbreviation
                    mention.sentence = sentenceIndex(
                        ofToken: tokenIndex(startingAt: start, in: tokens) ?? 0,
                        passage: passageIndex,
                        sentences: sentences
                    )
                    mentions.append(mention)
                }
            }
        }
    }

    // MARK: - Targets inside drug classes

    /// Last words of a drug-class name that is named for its target ("COX-2 inhibitors",
    /// "5-HT3 antagonists", "calcium channel blockers").
    static let classActionNouns: Set<String> = [
        "inhibitor", "inhibitors", "antagonist", "antagonists", "agonist", "agonists", "blocker", "blockers",
        "activator", "activators", "opener", "openers",
    ]

    /// Receptor mentions for the targets named inside drug-class mentions: "COX-2" in "COX-2
    /// inhibitors", "ACE" in "ACE-inhibitor". The class name less its last word (an action noun,
    /// ``classActionNouns``) and any "-" or space before it is matched on its own; a receptor match
    /// that ends where that text ends (or before a last "receptor"/"receptors") becomes a mention
    /// in the class mention's sentence.
    func classTargets(in document: Document, mentions: [Mention]) -> [Mention] {
        var found: [Mention] = []
        // Tested in place: only the class mentions are copied.
        for index in mentions.indices
        where mentions[index].type == .drug && mentions[index].isClass && mentions[index].source == .lexicon {
            let mention = mentions[index]
            guard mention.passage < document.passages.count else { continue }
            let utf8 = Array(document.passages[mention.passage].text.utf8)
            guard mention.start < mention.end, mention.end <= utf8.count else { continue }
            let bytes = utf8[mention.start..<mention.end]
            // The last word.
            var wordStart = bytes.endIndex
            while wordStart > bytes.startIndex, Self.isLetter(bytes[wordStart - 1]) { wordStart -= 1 }
            guard wordStart < bytes.endIndex,
                Self.classActionNouns.contains(String(decoding: bytes[wordStart...], as: UTF8.self).lowercased())
            else { continue }
            var prefixEnd = wordStart
            while prefixEnd > bytes.startIndex,
                bytes[prefixEnd - 1] == UInt8(ascii: " ") || bytes[prefixEnd - 1] == UInt8(ascii: "-")
            {
                prefixEnd -= 1
            }
            guard prefixEnd > bytes.startIndex else { continue }
            let prefix = String(decoding: bytes[bytes.startIndex..<prefixEnd], as: UTF8.self)
            let length = prefixEnd - bytes.startIndex
            var best: LexiconMatch?
            for match in matcher.matches(in: prefix) where match.type == .receptor {
                guard match.start < match.end, match.end <= length else { continue }
                let rest = String(decoding: bytes[(bytes.startIndex + match.end)..<prefixEnd], as: UTF8.self)
                    .lowercased().split(whereSeparator: { $0 == " " || $0 == "-" })
                guard rest.isEmpty || rest == ["receptor"] || rest == ["receptors"] else { continue }
                if let current = best, current.start <= match.start { continue }
                best = match
            }
            guard let best else { continue }
            let entry = matcher.concepts[best.entry]
            found.append(
                Mention(
                    type: .receptor,
                    id: entry.id,
                    name: entry.name,
                    passage: mention.passage,
                    sentence: mention.sentence,
                    start: mention.start + best.start,
                    end: mention.start + best.end,
                    isClass: entry.isClass
                )
            )
        }
        return found
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    /// Whether the text has a hyphen right before `start` or right after `end`.
    static func isHyphenated(_ text: String, start: Int, end: Int) -> Bool {
        let utf8 = text.utf8
        let hyphen = UInt8(ascii: "-")
        if start > 0, utf8[utf8.index(utf8.startIndex, offsetBy: start - 1)] == hyphen { return true }
        if end < utf8.count, utf8[utf8.index(utf8.startIndex, offsetBy: end)] == hyphen { return true }
        return false
    }

    /// Endings of systematic chemical names ("3'-azido-3'-deoxythymidine", "diethylnitrosamine",
    /// "cholesteryl hemisuccinate").
    static let chemicalEndings = ["ine", "ide", "ate", "ol", "one", "ium", "oside", "azole"]

    /// Whether a long form's last word ends like a chemical name and holds a chemical prefix or
    /// a digit ("azido", "methyl", "ethyl", "3'-"): a systematic name the lexicon lacks.
    static func endsLikeAChemical(_ long: String) -> Bool {
        guard let last = long.split(separator: " ").last?.lowercased(), last.count >= 8 else { return false }
        guard chemicalEndings.contains(where: { last.hasSuffix($0) }) else { return false }
        let lower = long.lowercased()
        return lower.contains(where: \.isNumber)
            || ["methyl", "ethyl", "propyl", "butyl", "phenyl", "azido", "amino", "hydroxy", "chloro", "fluoro", "nitro",
                "oxy", "deoxy", "benz"].contains { lower.contains($0) }
    }

    /// The concept of an abbreviation's long form, as a mention to copy, or nil.
    func longFormConcept(_ definition: Abbreviation, mentions: [Mention]) -> Mention? {
        let exact = mentions.filter {
            $0.passage == definition.passage && $0.start == definition.longStart && $0.end == definition.longEnd
                && $0.source == .lexicon
        }
        if let best = exact.sorted(by: Self.precedes).first { return best }
        let long = definition.long
        let trimmed = long.utf8.count
        let whole = matcher.matches(in: long).filter { $0.start == 0 && $0.end == trimmed }
        guard let match = whole.first else { return nil }
        let entry = matcher.concepts[match.entry]
        return Mention(
            type: entry.type,
            id: entry.id,
            name: entry.name,
            passage: definition.passage,
            sentence: 0,
            start: definition.longStart,
            end: definition.longEnd,
            isClass: entry.isClass
        )
    }

    /// The condition mention that ends a long form "X-induced Y" (see the type's documentation), or nil.
    func causedConditionConcept(_ definition: Abbreviation, mentions: [Mention]) -> Mention? {
        let candidates = mentions.filter {
            $0.passage == definition.passage && $0.end == definition.longEnd && $0.start > definition.longStart
                && $0.type == .condition && $0.source == .lexicon
        }
        guard let condition = candidates.min(by: { $0.start < $1.start }) else { return nil }
        let long = Array(definition.long.utf8)
        let prefixLength = condition.start - definition.longStart
        guard prefixLength > 0, prefixLength <= long.count else { return nil }
        let prefix = String(decoding: long[..<prefixLength], as: UTF8.self).lowercased()
        let markers = ["induced ", "associated ", "related "]
        guard markers.contains(where: { prefix.hasSuffix($0) }) else { return nil }
        var mention = condition
        mention.start = definition.longStart
        mention.end = definition.longEnd
        return mention
    }

    /// Byte ranges where `short` occurs in `text` at or after `from`, starting and ending on token
    /// boundaries.
    ///
    /// Token boundaries are found by bisection when the tokens are in order (as the tokenizer
    /// writes them), else through sets of their starts and ends; the text is read in place.
    func occurrences(of short: [UInt8], in text: String, from: Int, tokens: [Token]) -> [(Int, Int)] {
        guard let first = short.first else { return [] }
        var ordered = true
        for index in tokens.indices.dropFirst()
        where tokens[index].start < tokens[index - 1].start || tokens[index].end < tokens[index - 1].end {
            ordered = false
            break
        }
        let starts: Set<Int> = ordered ? [] : Set(tokens.map(\.start))
        let ends: Set<Int> = ordered ? [] : Set(tokens.map(\.end))
        func startsToken(_ offset: Int) -> Bool {
            guard ordered else { return starts.contains(offset) }
            var low = 0
            var high = tokens.count
            while low < high {
                let middle = (low + high) >> 1
                if tokens[middle].start < offset { low = middle + 1 } else { high = middle }
            }
            return low < tokens.count && tokens[low].start == offset
        }
        func endsToken(_ offset: Int) -> Bool {
            guard ordered else { return ends.contains(offset) }
            var low = 0
            var high = tokens.count
            while low < high {
                let middle = (low + high) >> 1
                if tokens[middle].end < offset { low = middle + 1 } else { high = middle }
            }
            return low < tokens.count && tokens[low].end == offset
        }
        var text = text
        return text.withUTF8 { bytes in
            var found: [(Int, Int)] = []
            guard short.count <= bytes.count else { return found }
            var position = max(from, 0)
            while position + short.count <= bytes.count {
                if bytes[position] == first, startsToken(position), endsToken(position + short.count),
                    UnsafeBufferPointer(rebasing: bytes[position..<position + short.count]).elementsEqual(short)
                {
                    found.append((position, position + short.count))
                    position += short.count
                } else {
                    position += 1
                }
            }
            return found
        }
    }

    /// The index of the token that starts at `start`.
    func tokenIndex(startingAt start: Int, in tokens: [Token]) -> Int? {
        var low = 0
        var high = tokens.count
        while low < high {
            let middle = (low + high) / 2
            if tokens[middle].start < start { low = middle + 1 } else { high = middle }
        }
        return low < tokens.count && tokens[low].start == start ? low : nil
    }

    /// The document-wide index of the sentence of a passage that holds a token.
    func sentenceIndex(ofToken token: Int, passage: Int, sentences: [[(index: Int, tokens: Range<Int>)]]) -> Int {
        for sentence in sentences[passage] where sentence.tokens.contains(token) { return sentence.index }
        return sentences[passage].last?.index ?? passage
    }
}
