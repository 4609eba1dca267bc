public import PharmineCore

/// The context stage: resolves drug anaphora, finds ConText cues and their scopes, and marks
/// the mentions that lie in them.
///
/// **Requires** ``Document/passages``, ``Document/tokens``, ``Document/sentences`` (each with
/// its token range) and ``Document/mentions`` (sorted by passage, start, end).
///
/// **Produces**
/// - anaphor mentions (``Mention/Source/anaphor``) added to ``Document/mentions``, which stay
///   sorted (see ``AnaphoraResolver``; skipped when `anaphora` is nil);
/// - ``Document/cues``: every cue found, in document order, with its scope;
/// - the flags ``Mention/negated``, ``Mention/hedged``, ``Mention/hypothetical`` and
///   ``Mention/historical`` on each mention (anaphors included) whose start lies in the scope
///   of a cue of that category in the same sentence.
///
/// Cue matching: tokens are compared lowercased with the cue phrases' words (no allocation per
/// token). Where matches overlap, pseudo-cues win ("not only" blocks "not"), then the longer
/// phrase ("was not effective" over "was not"), then the earlier one.
///
/// Scopes are clause-bounded: a scope runs from the cue in its direction and stops at the end of
/// the sentence, at a semicolon, at a terminator cue ("but", "however", "although", "which"…), or
/// when its window of words is used up (punctuation tokens do not count). The window is the cue
/// list's `scope` column: 8 words for forward negation, 5 backward, 10/6 for hedging and
/// hypothetical cues, 6/4 for historical ones (``ContextCue/defaultScope(_:_:)``).
public struct ContextStage: Stage {
    /// The compiled cue list.
    public let cues: ContextCueSet
    /// The anaphora resolver, or nil to leave anaphora alone.
    public let anaphora: AnaphoraResolver?

    /// Creates the stage.
    ///
    /// - Parameters:
    ///   - cues: The cue list.
    ///   - anaphora: The anaphora resolver, or nil.
    public init(cues: ContextCueSet, anaphora: AnaphoraResolver? = AnaphoraResolver()) {
        self.cues = cues
        self.anaphora = anaphora
    }

    /// Creates the stage from a lexicon folder holding `context-cues.tsv` and `endogenous.tsv`.
    ///
    /// - Parameter directory: The lexicon folder (`Lexicons`).
    /// - Throws: ``ContextError`` when a list cannot be read or parsed.
    public init(lexiconDirectory directory: String) throws {
        let cues = try ContextCueSet(contentsOf: directory + "/" + ContextCueSet.fileName)
        let endogenous = try EndogenousSubstances(contentsOf: directory + "/" + EndogenousSubstances.fileName)
        self.init(cues: cues, anaphora: AnaphoraResolver(endogenous: endogenous))
    }

    /// Resolves anaphora, records cues and marks mentions.
    ///
    /// - Parameter document: A document with tokens, sentences and mentions.
    /// - Returns: The document with anaphor mentions, ``Document/cues`` and context flags.
    public func process(_ document: Document) -> Document {
        var document = document
        anaphora?.addAnaphors(to: &document)
        document.cues = findCues(in: document)
        mark(&document)
        return document
    }

    // MARK: - Cues

    /// A cue phrase matched at token positions (relative to the sentence).
    private struct Match {
        var phrase: Int
        var start: Int
        var end: Int
    }

    /// Reusable buffers of one ``findCues(in:)`` call.
    private struct Scratch {
        var ids: [Int32] = []
        var matches: [Match] = []
        var chosen: [Match] = []
        var occupied: [Bool] = []
        var boundary: [Bool] = []
        var starters: [Int32] = []

        init() {
            ids.reserveCapacity(512)
            matches.reserveCapacity(16)
            chosen.reserveCapacity(16)
            occupied.reserveCapacity(64)
            boundary.reserveCapacity(64)
            starters.reserveCapacity(64)
        }
    }

    /// Finds the cues of every sentence, with their scopes.
    ///
    /// - Parameter document: A document with tokens and sentences.
    /// - Returns: The cue spans, in document order.
    public func findCues(in document: Document) -> [ContextSpan] {
        var spans: [ContextSpan] = []
        var scratch = Scratch()
        let sentences = document.sentences
        let passageCount = document.passages.count
        // Sentences grouped by passage, in order. The text stage writes them so already; any
        // other order is grouped here first.
        var ordered = true
        var previousPassage = Int.min
        for sentence in sentences where sentence.passage >= 0 && sentence.passage < passageCount {
            if sentence.passage < previousPassage {
                ordered = false
                break
            }
            previousPassage = sentence.passage
        }
        if ordered {
            var index = 0
            while index < sentences.count {
                let passage = sentences[index].passage
                var end = index + 1
                while end < sentences.count, sentences[end].passage == passage { end += 1 }
                if passage >= 0 && passage < passageCount {
                    findCues(in: document, passage: passage, sentences: index..<end, into: &spans, scratch: &scratch)
                }
                index = end
            }
        } else {
            var sentencesOfPassage = [[Int]](repeating: [], count: passageCount)
            for (index, sentence) in sentences.enumerated()
            where sentence.passage >= 0 && sentence.passage < passageCount {
                sentencesOfPassage[sentence.passage].append(index)
            }
            for (passage, indices) in sentencesOfPassage.enumerated() {
                for index in indices {
                    findCues(
                        in: document,
                        passage: passage,
                        sentences: index..<(index + 1),
                        into: &spans,
                        scratch: &scratch
                    )
                }
            }
        }
        spans.sort {
            ($0.sentence, $0.start, $0.end, $0.category.sortRank) < (
                $1.sentence, $1.start, $1.end, $1.category.sortRank
            )
        }
        return spans
    }

    /// Finds the cues of consecutive sentences of one passage.
    private func findCues(
        in document: Document,
        passage passageIndex: Int,
        sentences sentenceIndices: Range<Int>,
        into spans: inout [ContextSpan],
        scratch: inout Scratch
    ) {
        guard passageIndex < document.tokens.count else { return }
        let tokenArray = document.tokens[passageIndex]
        var text = document.passages[passageIndex].text
        text.withUTF8 { bytes in
            tokenArray.withUnsafeBufferPointer { tokens in
                // Word ids of the whole passage at once, and the tokens that start a phrase.
                if scratch.ids.count < tokens.count {
                    scratch.ids.append(contentsOf: repeatElement(-1, count: tokens.count - scratch.ids.count))
                }
                if !scratch.starters.isEmpty { scratch.starters.removeAll(keepingCapacity: true) }
                scratch.ids.withUnsafeMutableBufferPointer {
                    cues.wordIDs(bytes, tokens, into: $0, starters: &scratch.starters)
                }
                guard !scratch.starters.isEmpty else { return }
                withUnsafeTemporaryAllocation(of: (rank: Int32, length: Int).self, capacity: cues.trie.maximumMatches) {
                    found in
                    cues.withResolver(bytes) { resolver in
                        cues.trie.withWalker { walker in
                            for sentenceIndex in sentenceIndices {
                                findCues(
                                    sentence: sentenceIndex,
                                    of: document.sentences[sentenceIndex],
                                    passage: passageIndex,
                                    tokens: tokens,
                                    bytes: bytes,
                                    walker: walker,
                                    resolver: resolver,
                                    found: found,
                                    into: &spans,
                                    scratch: &scratch
                                )
                            }
                        }
                    }
                }
            }
        }
    }

    /// Finds the cues of one sentence.
    @inline(__always)
    private func findCues(
        sentence sentenceIndex: Int,
        of sentence: Sentence,
        passage passageIndex: Int,
        tokens: UnsafeBufferPointer<Token>,
        bytes: UnsafeBufferPointer<UInt8>,
        walker: CueTrie.Walker,
        resolver: ContextCueSet.Resolver,
        found: UnsafeMutableBufferPointer<(rank: Int32, length: Int)>,
        into spans: inout [ContextSpan],
        scratch: inout Scratch
    ) {
        let range = sentence.tokens.clamped(to: 0..<tokens.count)
        let count = range.count
        guard count > 0 else { return }
        let cues = self.cues
        // The first token in the sentence that starts a phrase, if any.
        var starter = scratch.starters.withUnsafeBufferPointer { starters in
            var low = 0
            var high = starters.count
            while low < high {
                let middle = (low + high) >> 1
                if Int(starters[middle]) < range.lowerBound { low = middle + 1 } else { high = middle }
            }
            return low
        }
        guard starter < scratch.starters.count, Int(scratch.starters[starter]) < range.upperBound else { return }
        // Every phrase that matches at every position, in the order of trying them one by one.
        if !scratch.matches.isEmpty { scratch.matches.removeAll(keepingCapacity: true) }
        scratch.ids.withUnsafeMutableBufferPointer { passageIDs in
            let ids = UnsafeMutableBufferPointer(rebasing: passageIDs[range])
            cues.phraseFlags.withUnsafeBufferPointer { flags in
                cues.trie.phraseOfRank.withUnsafeBufferPointer { phraseOfRank in
                    while starter < scratch.starters.count, Int(scratch.starters[starter]) < range.upperBound {
                        let position = Int(scratch.starters[starter]) - range.lowerBound
                        starter += 1
                        let matched = walker.walk(UnsafeMutableBufferPointer(rebasing: ids[position...]), into: found) {
                            resolver.wordID(tokens[range.lowerBound + position + $0])
                        }
                        for (rank, length) in found[0..<matched] {
                            let phrase = Int(phraseOfRank[Int(rank)])
                            if flags[phrase] & ContextCueSet.clauseInitialFlag != 0
                                && !isClauseStart(position, range: range, tokens: tokens, bytes: bytes)
                            {
                                continue
                            }
                            scratch.matches.append(Match(phrase: phrase, start: position, end: position + length))
                        }
                    }
                }
            }
        }
        guard !scratch.matches.isEmpty else { return }
        cues.phraseFlags.withUnsafeBufferPointer { flags in
            // Pseudo-cues first, then longest, then leftmost; no overlaps.
            if scratch.matches.count > 1 {
                scratch.matches.sort { left, right in
                    let leftPseudo = flags[left.phrase] & ContextCueSet.pseudoFlag != 0
                    let rightPseudo = flags[right.phrase] & ContextCueSet.pseudoFlag != 0
                    if leftPseudo != rightPseudo { return leftPseudo }
                    let leftLength = left.end - left.start
                    let rightLength = right.end - right.start
                    if leftLength != rightLength { return leftLength > rightLength }
                    return left.start < right.start
                }
            }
            if !scratch.chosen.isEmpty { scratch.chosen.removeAll(keepingCapacity: true) }
            if scratch.matches.count == 1 {
                scratch.chosen.append(scratch.matches[0])
            } else {
                if !scratch.occupied.isEmpty { scratch.occupied.removeAll(keepingCapacity: true) }
                scratch.occupied.append(contentsOf: repeatElement(false, count: count))
                for match in scratch.matches {
                    var free = true
                    for position in match.start..<match.end where scratch.occupied[position] {
                        free = false
                        break
                    }
                    guard free else { continue }
                    for position in match.start..<match.end { scratch.occupied[position] = true }
                    scratch.chosen.append(match)
                }
                scratch.chosen.sort { $0.start < $1.start }
            }
            // Scope boundaries: semicolons and terminator cues (needed only for scoped rules).
            var scoped = false
            for match in scratch.chosen where flags[match.phrase] & ContextCueSet.scopedFlag != 0 {
                scoped = true
                break
            }
            if scoped {
                if !scratch.boundary.isEmpty { scratch.boundary.removeAll(keepingCapacity: true) }
                for index in range {
                    let token = tokens[index]
                    scratch.boundary.append(
                        token.kind == .punctuation && token.end - token.start == 1 && token.start < bytes.count
                            && bytes[token.start] == UInt8(ascii: ";")
                    )
                }
                for match in scratch.chosen where flags[match.phrase] & ContextCueSet.terminateFlag != 0 {
                    for position in match.start..<match.end { scratch.boundary[position] = true }
                }
            }
            cues.phraseRuleStart.withUnsafeBufferPointer { ruleStart in
                cues.phraseRules.withUnsafeBufferPointer { rules in
                    for match in scratch.chosen {
                        let cueStart = tokens[range.lowerBound + match.start].start
                        let cueEnd = tokens[range.lowerBound + match.end - 1].end
                        for ruleIndex in Int(ruleStart[match.phrase])..<Int(ruleStart[match.phrase + 1]) {
                            let rule = rules[ruleIndex]
                            var scopeStart = cueEnd
                            var scopeEnd = cueEnd
                            switch rule.category {
                            case .pseudo, .terminate:
                                scopeStart = cueStart
                                scopeEnd = cueStart
                            default:
                                var forward = match.end  // exclusive token end of the forward scope
                                if rule.direction != .backward {
                                    var words = 0
                                    while forward < count, !scratch.boundary[forward] {
                                        if tokens[range.lowerBound + forward].kind != .punctuation {
                                            words += 1
                                            if words > rule.scope { break }
                                        }
                                        forward += 1
                                    }
                                }
                                var backward = match.start  // token start of the backward scope
                                if rule.direction != .forward {
                                    var words = 0
                                    while backward > 0, !scratch.boundary[backward - 1] {
                                        if tokens[range.lowerBound + backward - 1].kind != .punctuation {
                                            words += 1
                                            if words > rule.scope { break }
                                        }
                                        backward -= 1
                                    }
                                }
                                let hasForward = forward > match.end
                                let hasBackward = backward < match.start
                                switch rule.direction {
                                case .forward:
                                    scopeStart = hasForward ? tokens[range.lowerBound + match.end].start : cueEnd
                                    scopeEnd = hasForward ? tokens[range.lowerBound + forward - 1].end : cueEnd
                                case .backward:
                                    scopeStart = hasBackward ? tokens[range.lowerBound + backward].start : cueStart
                                    scopeEnd = hasBackward ? tokens[range.lowerBound + match.start - 1].end : cueStart
                                case .bidirectional:
                                    scopeStart = hasBackward ? tokens[range.lowerBound + backward].start : cueStart
                                    scopeEnd = hasForward ? tokens[range.lowerBound + forward - 1].end : cueEnd
                                }
                            }
                            spans.append(
                                ContextSpan(
                                    category: rule.category,
                                    passage: passageIndex,
                                    sentence: sentenceIndex,
                                    start: cueStart,
                                    end: cueEnd,
                                    scopeStart: scopeStart,
                                    scopeEnd: scopeEnd
                                )
                            )
                        }
                    }
                }
            }
        }
    }

    /// Whether the token at `position` (relative to the sentence) starts a clause: it is the
    /// sentence's first token or follows `,`, `;`, `:` or `(`.
    @inline(__always)
    private func isClauseStart(
        _ position: Int,
        range: Range<Int>,
        tokens: UnsafeBufferPointer<Token>,
        bytes: UnsafeBufferPointer<UInt8>
    )
        -> Bool
    {
        guard position > 0 else { return true }
        let previous = tokens[range.lowerBound + position - 1]
        guard previous.kind == .punctuation, previous.start < bytes.count else { return false }
        let byte = bytes[previous.start]
        return byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";") || byte == UInt8(ascii: ":")
            || byte == UInt8(ascii: "(")
    }

    // MARK: - Marking

    /// Sets the context flags of every mention from the document's cues.
    private func mark(_ document: inout Document) {
        let cues = document.cues
        guard !cues.isEmpty, !document.mentions.isEmpty else { return }
        let sentenceCount = document.sentences.count
        // The cues are sorted by sentence: the first cue of a sentence by bisection.
        func firstCue(_ cues: UnsafeBufferPointer<ContextSpan>, _ sentence: Int) -> Int {
            var low = 0
            var high = cues.count
            while low < high {
                let middle = (low + high) >> 1
                if cues[middle].sentence < sentence { low = middle + 1 } else { high = middle }
            }
            return low
        }
        // Read first, write only where a flag is set: the mentions array may be shared with the
        // caller's document, and writing copies it.
        var flagged: [(index: Int, flags: UInt8)] = []
        cues.withUnsafeBufferPointer { cues in
            document.mentions.withUnsafeBufferPointer { mentions in
                for index in mentions.indices {
                    let sentence = mentions[index].sentence
                    guard sentence >= 0, sentence < sentenceCount else { continue }
                    let passage = mentions[index].passage
                    let start = mentions[index].start
                    let end = mentions[index].end
                    var flags: UInt8 = 0
                    var cueIndex = firstCue(cues, sentence)
                    while cueIndex < cues.count, cues[cueIndex].sentence == sentence {
                        let cue = cues[cueIndex]
                        cueIndex += 1
                        guard cue.passage == passage && cue.covers(start: start, end: end) else { continue }
                        switch cue.category {
                        case .negated: flags |= 1
                        case .hedged: flags |= 2
                        case .hypothetical: flags |= 4
                        case .historical: flags |= 8
                        case .pseudo, .terminate: break
                        }
                    }
                    if flags != 0 { flagged.append((index, flags)) }
                }
            }
        }
        guard !flagged.isEmpty else { return }
        document.mentions.withUnsafeMutableBufferPointer { mentions in
            for (index, flags) in flagged {
                if flags & 1 != 0 { mentions[index].negated = true }
                if flags & 2 != 0 { mentions[index].hedged = true }
                if flags & 4 != 0 { mentions[index].hypothetical = true }
                if flags & 8 != 0 { mentions[index].historical = true }
            }
        }
    }
}

extension ContextCategory {
    /// The order of categories at the same cue span.
    var sortRank: Int {
        switch self {
        case .negated: 0
        case .hedged: 1
        case .hypothetical: 2
        case .historical: 3
        case .pseudo: 4
        case .terminate: 5
        }
    }
}
