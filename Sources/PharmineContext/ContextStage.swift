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
        var document = anaphora?.process(document) ?? document
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

    /// Finds the cues of every sentence, with their scopes.
    ///
    /// - Parameter document: A document with tokens and sentences.
    /// - Returns: The cue spans, in document order.
    public func findCues(in document: Document) -> [ContextSpan] {
        var spans: [ContextSpan] = []
        var sentencesOfPassage = [[Int]](repeating: [], count: document.passages.count)
        for (index, sentence) in document.sentences.enumerated()
        where sentence.passage >= 0 && sentence.passage < document.passages.count {
            sentencesOfPassage[sentence.passage].append(index)
        }
        var ids: [Int32] = []
        var matches: [Match] = []
        var chosen: [Match] = []
        var occupied: [Bool] = []
        var boundary: [Bool] = []
        for (passageIndex, sentenceIndices) in sentencesOfPassage.enumerated() where !sentenceIndices.isEmpty {
            guard passageIndex < document.tokens.count else { continue }
            let tokens = document.tokens[passageIndex]
            var text = document.passages[passageIndex].text
            text.withUTF8 { bytes in
                for sentenceIndex in sentenceIndices {
                    let sentence = document.sentences[sentenceIndex]
                    let range = sentence.tokens.clamped(to: 0..<tokens.count)
                    let count = range.count
                    guard count > 0 else { continue }
                    ids.removeAll(keepingCapacity: true)
                    for index in range {
                        ids.append(cues.wordID(bytes, tokens[index]))
                    }
                    // Every phrase that matches at every position.
                    matches.removeAll(keepingCapacity: true)
                    for position in 0..<count {
                        let id = ids[position]
                        guard id >= 0 else { continue }
                        for phraseIndex in cues.phrasesByFirstWord[Int(id)] {
                            let phrase = cues.phrases[phraseIndex]
                            let length = phrase.words.count
                            guard position + length <= count else { continue }
                            var matched = true
                            for offset in 1..<length where ids[position + offset] != phrase.words[offset] {
                                matched = false
                                break
                            }
                            guard matched else { continue }
                            if phrase.clauseInitial
                                && !isClauseStart(position, range: range, tokens: tokens, bytes: bytes)
                            {
                                continue
                            }
                            matches.append(Match(phrase: phraseIndex, start: position, end: position + length))
                        }
                    }
                    guard !matches.isEmpty else { continue }
                    // Pseudo-cues first, then longest, then leftmost; no overlaps.
                    matches.sort { left, right in
                        let leftPseudo = cues.phrases[left.phrase].isPseudo
                        let rightPseudo = cues.phrases[right.phrase].isPseudo
                        if leftPseudo != rightPseudo { return leftPseudo }
                        let leftLength = left.end - left.start
                        let rightLength = right.end - right.start
                        if leftLength != rightLength { return leftLength > rightLength }
                        return left.start < right.start
                    }
                    occupied.removeAll(keepingCapacity: true)
                    occupied.append(contentsOf: repeatElement(false, count: count))
                    chosen.removeAll(keepingCapacity: true)
                    for match in matches where !(match.start..<match.end).contains(where: { occupied[$0] }) {
                        for position in match.start..<match.end { occupied[position] = true }
                        chosen.append(match)
                    }
                    chosen.sort { $0.start < $1.start }
                    // Scope boundaries: semicolons and terminator cues.
                    boundary.removeAll(keepingCapacity: true)
                    for index in range {
                        let token = tokens[index]
                        boundary.append(
                            token.kind == .punctuation && token.end - token.start == 1 && token.start < bytes.count
                                && bytes[token.start] == UInt8(ascii: ";")
                        )
                    }
                    for match in chosen
                    where cues.phrases[match.phrase].rules.contains(where: { $0.category == .terminate }) {
                        for position in match.start..<match.end { boundary[position] = true }
                    }
                    for match in chosen {
                        let cueStart = tokens[range.lowerBound + match.start].start
                        let cueEnd = tokens[range.lowerBound + match.end - 1].end
                        for rule in cues.phrases[match.phrase].rules {
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
                                    while forward < count, !boundary[forward] {
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
                                    while backward > 0, !boundary[backward - 1] {
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
        spans.sort {
            ($0.sentence, $0.start, $0.end, $0.category.sortRank) < (
                $1.sentence, $1.start, $1.end, $1.category.sortRank
            )
        }
        return spans
    }

    /// Whether the token at `position` (relative to the sentence) starts a clause: it is the
    /// sentence's first token or follows `,`, `;`, `:` or `(`.
    private func isClauseStart(
        _ position: Int,
        range: Range<Int>,
        tokens: [Token],
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
        let sentenceCount = document.sentences.count
        var firstCue = [Int](repeating: 0, count: sentenceCount + 1)
        var cueIndex = 0
        for sentence in 0...sentenceCount {
            while cueIndex < document.cues.count, document.cues[cueIndex].sentence < sentence {
                cueIndex += 1
            }
            firstCue[sentence] = cueIndex
        }
        for index in document.mentions.indices {
            let mention = document.mentions[index]
            guard mention.sentence >= 0, mention.sentence < sentenceCount else { continue }
            for cue in document.cues[firstCue[mention.sentence]..<firstCue[mention.sentence + 1]]
            where cue.passage == mention.passage && cue.covers(start: mention.start, end: mention.end) {
                switch cue.category {
                case .negated: document.mentions[index].negated = true
                case .hedged: document.mentions[index].hedged = true
                case .hypothetical: document.mentions[index].hypothetical = true
                case .historical: document.mentions[index].historical = true
                case .pseudo, .terminate: break
                }
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
