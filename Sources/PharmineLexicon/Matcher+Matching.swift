public import PharmineCore
import PharmineText

extension Matcher {
    /// Finds the concepts in a text, treated as one sentence (tokenizes it first).
    ///
    /// Convenient for tools and tests; pipelines call
    /// ``match(text:tokens:range:scratch:into:)`` with their own tokens and sentences.
    ///
    /// - Parameter text: The text.
    /// - Returns: The matches, sorted by start, end, type and entry.
    public func matches(in text: String) -> [LexiconMatch] {
        var text = text
        var results: [LexiconMatch] = []
        withScratch { scratch in
            text.withUTF8 { bytes in
                var tokens: [Token] = []
                Tokenizer().tokenize(bytes, into: &tokens)
                tokens.withUnsafeBufferPointer { tokenBuffer in
                    match(text: bytes, tokens: tokenBuffer, range: 0..<tokenBuffer.count, scratch: scratch, into: &results)
                }
            }
        }
        return results
    }

    /// Finds the concepts in the tokens `range` of a text (one sentence) and appends them.
    ///
    /// - Parameters:
    ///   - text: The UTF-8 text the tokens point into.
    ///   - tokens: The text's tokens.
    ///   - range: The tokens of one sentence; no match crosses its ends.
    ///   - scratch: This thread's reusable buffers.
    ///   - results: Receives the matches of the sentence, sorted by start, end, type and entry.
    public func match(
        text: UnsafeBufferPointer<UInt8>,
        tokens: UnsafeBufferPointer<Token>,
        range: Range<Int>,
        scratch: MatchScratch,
        into results: inout [LexiconMatch]
    ) {
        guard let textBase = text.baseAddress, let tokenBase = tokens.baseAddress, !range.isEmpty,
            range.upperBound <= tokens.count
        else { return }
        var resolver = LookupResolver(tables: tables, cache: scratch.useWordCache(for: tables))
        let units = UnitAnalysis.analyze(
            text: textBase,
            textCount: text.count,
            tokens: tokenBase,
            range: range,
            scratch: scratch,
            resolver: &resolver,
            normalizer: normalizer,
            joinEveryUnit: true
        )
        guard units > 0 else { return }
        let spanBytes = Int(scratch.unitEnd.base[units - 1] - scratch.unitStart.base[0])
        scratch.stack.reserve(2 * units + 4)
        scratch.candidates.reserve(4 * units + 8)
        scratch.alnum.reserve(spanBytes + 8)
        let view = SentenceView(
            text: textBase,
            textCount: text.count,
            cache: scratch.wordCache,
            slots: scratch.unitSlot.base,
            units: units,
            ids: scratch.unitID.base,
            joins: scratch.joinID.base,
            joinEnds: scratch.joinEnd.base,
            starts: scratch.unitStart.base,
            ends: scratch.unitEnd.base,
            flags: scratch.unitFlags.base,
            roots: scratch.unitRoot.base,
            stack: scratch.stack.base,
            candidates: scratch.candidates.base,
            candidateCapacity: scratch.candidates.capacity,
            alnum: scratch.alnum.base,
            chosen: scratch.chosen.base
        )
        var matches: [UnitMatch] = []
        swap(&matches, &scratch.sentenceMatches)
        matches.removeAll(keepingCapacity: true)
        walk(view, into: &matches)
        if !matches.isEmpty {
            if options.resolvesCoordination { coordinate(view, matches: &matches) }
            if matches.count > 1 {
                matches.sort { left, right in
                    if left.first != right.first { return left.first < right.first }
                    if left.last != right.last { return left.last < right.last }
                    if left.output.type != right.output.type { return left.output.type < right.output.type }
                    return left.output.entry < right.output.entry
                }
            }
            for match in matches {
                results.append(
                    LexiconMatch(
                        entry: Int(match.output.entry),
                        type: Self.typeOfRank[Int(match.output.type)],
                        start: Int(view.starts[Int(match.first)]),
                        end: Int(view.ends[Int(match.last)]),
                        origin: match.origin
                    )
                )
            }
        }
        swap(&matches, &scratch.sentenceMatches)
    }

    /// Analyses the tokens into units (normalising and looking up every token) without walking
    /// the trie; for benchmarks that separate the costs.
    ///
    /// - Returns: The number of units.
    package func analyzeOnly(
        text: UnsafeBufferPointer<UInt8>,
        tokens: UnsafeBufferPointer<Token>,
        range: Range<Int>,
        scratch: MatchScratch
    ) -> Int {
        guard let textBase = text.baseAddress, let tokenBase = tokens.baseAddress, !range.isEmpty else { return 0 }
        var resolver = LookupResolver(tables: tables, cache: scratch.useWordCache(for: tables))
        return UnitAnalysis.analyze(
            text: textBase,
            textCount: text.count,
            tokens: tokenBase,
            range: range,
            scratch: scratch,
            resolver: &resolver,
            normalizer: normalizer,
            joinEveryUnit: true
        )
    }

    // MARK: - Leftmost-longest walk

    /// Finds leftmost-longest matches over the units of a sentence.
    func walk(_ view: SentenceView, into matches: inout [UnitMatch]) {
        let trie = tables.trie
        let units = view.units
        var unit = 0
        while unit < units {
            let root = view.roots[unit]
            let state = Int32(truncatingIfNeeded: root)
            let joined = view.joins[unit]
            if joined < 0 || trie.rootState(joined) < 0 {
                // The common case: no hyphen chain starts here. Walk only when the next unit may
                // continue a term; otherwise at most this one unit matches.
                if state < 0 {
                    unit &+= 1
                    continue
                }
                let next = unit &+ 1
                var mayContinue = false
                if next < units {
                    let nextID = view.ids[next]
                    let nextJoin = view.joins[next]
                    if nextJoin >= 0 {
                        mayContinue =
                            root & TokenTrie.followBit(nextJoin) != 0
                            || nextID >= 0 && root & TokenTrie.followBit(nextID) != 0
                    } else if nextID >= 0 && root & TokenTrie.followBit(nextID) != 0 {
                        // One probe settles the usual case; the full walk repeats it only on a hit.
                        mayContinue = trie.child(state, nextID) >= 0
                    }
                }
                if !mayContinue {
                    if trie.hasOutputs(state), let last = acceptSingle(state, at: unit, view, into: &matches) {
                        unit = last &+ 1
                    } else {
                        unit &+= 1
                    }
                    continue
                }
            }
            if let last = longestMatch(from: unit, view, into: &matches) {
                unit = last &+ 1
            } else {
                unit &+= 1
            }
        }
    }

    /// Accepts a one-unit match at `unit` (state `state` ends a term) when an output passes,
    /// returning its last unit (after drug-form extension). The decision for a word alone depends
    /// only on its bytes, so it is kept in the word cache.
    @inline(__always)
    func acceptSingle(_ state: Int32, at unit: Int, _ view: SentenceView, into matches: inout [UnitMatch]) -> Int? {
        var chosen: Int
        let slot = Int(view.slots[unit])
        if slot >= 0, !options.keepsAllTypes {
            let start = Int(view.starts[unit])
            let length = Int(view.ends[unit]) &- start
            let (word0, word1) = WordCacheEntry.words(view.text, start: start, length: length, textCount: view.textCount)
            let entry = view.cache[slot]
            if entry.word0 == word0, entry.word1 == word1, entry.meta & 0xFF == UInt64(length) {
                if entry.single == WordCacheEntry.singleUnknown {
                    chosen = chooseOutputs(node: state, view, first: unit, last: unit, headFirst: -1, headLast: -1)
                    view.cache[slot].single = chosen > 0 ? WordCacheEntry.single(view.chosen[0]) : WordCacheEntry.singleNone
                } else if entry.single == WordCacheEntry.singleNone {
                    chosen = 0
                } else {
                    view.chosen[0] = WordCacheEntry.output(entry.single)
                    chosen = 1
                }
            } else {
                chosen = chooseOutputs(node: state, view, first: unit, last: unit, headFirst: -1, headLast: -1)
            }
        } else {
            chosen = chooseOutputs(node: state, view, first: unit, last: unit, headFirst: -1, headLast: -1)
        }
        guard chosen > 0 else { return nil }
        var end = unit
        if options.extendsDrugForms, view.chosen[0].type == 0 {
            end = extendOverDrugForms(after: unit, view)
        }
        for output in 0..<chosen {
            matches.append(UnitMatch(first: Int32(unit), last: Int32(end), output: view.chosen[output], origin: .lexicon))
        }
        return end
    }

    /// Explores the trie from unit `first`, records the longest valid match, and returns its
    /// last unit.
    func longestMatch(from first: Int, _ view: SentenceView, into matches: inout [UnitMatch]) -> Int? {
        let trie = tables.trie
        let units = view.units
        var depth = 1
        var candidateCount = 0
        view.stack[0] = UInt64(first)
        while depth > 0 {
            depth &-= 1
            let state = view.stack[depth]
            let node = Int32(truncatingIfNeeded: state &>> 32)
            let next = Int(truncatingIfNeeded: state & 0xFFFF_FFFF)
            if node != 0, trie.hasOutputs(node), candidateCount < view.candidateCapacity {
                view.candidates[candidateCount] = UInt64(next &- 1) &<< 32 | UInt64(UInt32(bitPattern: node))
                candidateCount &+= 1
            }
            guard next < units else { continue }
            let child = trie.child(node, view.ids[next])
            if child >= 0 {
                view.stack[depth] = UInt64(UInt32(bitPattern: child)) &<< 32 | UInt64(next &+ 1)
                depth &+= 1
            }
            let joined = view.joins[next]
            if joined >= 0 {
                let joinedChild = trie.child(node, joined)
                if joinedChild >= 0 {
                    view.stack[depth] =
                        UInt64(UInt32(bitPattern: joinedChild)) &<< 32 | UInt64(view.joinEnds[next] &+ 1)
                    depth &+= 1
                }
            }
        }
        guard candidateCount > 0 else { return nil }
        if candidateCount > 1 {
            // Longest first (the last unit is in the high bits); among equals, the higher node.
            var candidates = UnsafeMutableBufferPointer(start: view.candidates, count: candidateCount)
            candidates.sort(by: >)
        }
        for index in 0..<candidateCount {
            let candidate = view.candidates[index]
            let last = Int(truncatingIfNeeded: candidate &>> 32)
            let node = Int32(truncatingIfNeeded: candidate & 0xFFFF_FFFF)
            let chosen = chooseOutputs(node: node, view, first: first, last: last, headFirst: -1, headLast: -1)
            guard chosen > 0 else { continue }
            var end = last
            if options.extendsDrugForms, view.chosen[0].type == 0 {
                end = extendOverDrugForms(after: last, view)
            }
            for output in 0..<chosen {
                matches.append(UnitMatch(first: Int32(first), last: Int32(end), output: view.chosen[output], origin: .lexicon))
            }
            if view.chosen[0].type != 0, !options.keepsAllTypes {
                nestedDrug(first: first, candidates: (index &+ 1)..<candidateCount, view, into: &matches)
            }
            return end
        }
        return nil
    }

    /// After a condition or target match, adds the longest drug that begins it and ends earlier:
    /// the chemical inside "heparin-induced thrombocytopenia", "NMDA receptor", "creatine kinase".
    /// Only accepting states of the walk already made are tried, so this costs nothing when a
    /// match has no drug prefix.
    func nestedDrug(first: Int, candidates: Range<Int>, _ view: SentenceView, into matches: inout [UnitMatch]) {
        for index in candidates {
            let candidate = view.candidates[index]
            let last = Int(truncatingIfNeeded: candidate &>> 32)
            let node = Int32(truncatingIfNeeded: candidate & 0xFFFF_FFFF)
            let chosen = chooseOutputs(node: node, view, first: first, last: last, headFirst: -1, headLast: -1)
            guard chosen > 0, view.chosen[0].type == 0 else { continue }
            matches.append(UnitMatch(first: Int32(first), last: Int32(last), output: view.chosen[0], origin: .lexicon))
            return
        }
    }

    /// Extends a drug match over directly following salt words (formulation words are not compiled).
    func extendOverDrugForms(after last: Int, _ view: SentenceView) -> Int {
        let forms = tables.forms
        guard forms.nodeCount > 1 else { return last }
        var end = last
        while end &+ 1 < view.units {
            var node: Int32 = 0
            var unit = end &+ 1
            var best = -1
            while unit < view.units {
                node = forms.child(node, view.ids[unit])
                if node < 0 { break }
                if forms.hasOutputs(node) { best = unit }
                unit &+= 1
            }
            guard best >= 0 else { break }
            end = best
        }
        return end
    }

    /// Picks the outputs of `node` that pass the case check against the text of units
    /// `first...last` (and `headFirst...headLast` when not -1), in preference order, into
    /// `view.chosen`: the first one, or the first of each type.
    ///
    /// - Returns: How many were chosen.
    @inline(__always)
    func chooseOutputs(node: Int32, _ view: SentenceView, first: Int, last: Int, headFirst: Int, headLast: Int) -> Int {
        let trie = tables.trie
        let range = trie.outputRange(node)
        guard !range.isEmpty else { return 0 }
        let firstOutput = trie.outputs[range.lowerBound]
        if firstOutput.signature < 0 && !options.keepsAllTypes {
            view.chosen[0] = firstOutput
            return 1
        }
        var chosen = 0
        var alnumLength = -1
        for index in range {
            let output = trie.outputs[index]
            if options.keepsAllTypes {
                var seen = false
                for previous in 0..<chosen where view.chosen[previous].type == output.type { seen = true }
                if seen { continue }
            }
            if output.signature >= 0 {
                if alnumLength < 0 {
                    alnumLength = collectAlnum(view, from: Int(view.starts[first]), to: Int(view.ends[last]), at: 0)
                    if headFirst >= 0 {
                        alnumLength = collectAlnum(
                            view, from: Int(view.starts[headFirst]), to: Int(view.ends[headLast]), at: alnumLength)
                    }
                }
                let start = Int(tables.signatureOffsets[Int(output.signature)])
                let length = Int(tables.signatureOffsets[Int(output.signature) &+ 1]) &- start
                guard length == alnumLength,
                    VocabularyTable.memcmpEqual(tables.signatureBytes.base + start, view.alnum, length)
                else { continue }
            }
            view.chosen[chosen] = output
            chosen &+= 1
            if !options.keepsAllTypes || chosen == 3 { break }
        }
        return chosen
    }

    /// Appends the letters and digits of text bytes `from..<to` to `view.alnum` at `offset`.
    ///
    /// - Returns: The new length.
    func collectAlnum(_ view: SentenceView, from: Int, to: Int, at offset: Int) -> Int {
        var length = offset
        var index = from
        while index < to {
            let byte = view.text[index]
            if byte >= 0x80 || (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10 {
                view.alnum[length] = byte
                length &+= 1
            }
            index &+= 1
        }
        return length
    }

    // MARK: - Coordination

    /// Whether unit `unit`'s text is `word` (ASCII, any case).
    func unitText(_ unit: Int, is word: StaticString, _ view: SentenceView) -> Bool {
        let start = Int(view.starts[unit])
        let length = Int(view.ends[unit]) - start
        guard length == word.utf8CodeUnitCount else { return false }
        let bytes = word.utf8Start
        for offset in 0..<length where view.text[start + offset] | 0x20 != bytes[offset] { return false }
        return true
    }

    /// The number of units of a coordinating conjunction that ends right before `unit`: `,` `/`
    /// `&` `and` `or` (1), `, and` `, or` (2), `and/or` (3); 0 when there is none.
    func conjunctionLength(before unit: Int, _ view: SentenceView) -> Int {
        let last = unit - 1
        guard last >= 1 else { return 0 }
        if unitText(last, is: ",", view) || unitText(last, is: "/", view) || unitText(last, is: "&", view) {
            return 1
        }
        let isAnd = unitText(last, is: "and", view)
        let isOr = !isAnd && unitText(last, is: "or", view)
        guard isAnd || isOr else { return 0 }
        if last >= 2, unitText(last - 1, is: ",", view) { return 2 }
        if isOr, last >= 3, unitText(last - 1, is: "/", view), unitText(last - 2, is: "and", view) { return 3 }
        return 1
    }

    /// Resolves coordination ellipsis over the sentence's matches.
    func coordinate(_ view: SentenceView, matches: inout [UnitMatch]) {
        let trie = tables.trie
        var found: [UnitMatch] = []
        for match in matches where match.origin == .lexicon && match.last > match.first {
            let conjunction = conjunctionLength(before: Int(match.first), view)
            guard conjunction > 0 else { continue }
            var itemLast = Int(match.first) - conjunction - 1
            items: while itemLast >= 0 {
                var itemFirst = -1
                heads: for headFirst in stride(from: Int(match.last), to: Int(match.first), by: -1) {
                    // An item is up to three words, or up to five units with a bracketed
                    // subtype ("D(1)", "5-HT(1A)"); it starts with a word.
                    for length in 1...5 {
                        let first = itemLast - length + 1
                        guard first >= 0 else { break }
                        if view.flags[first] & UnitFlags.word == 0 {
                            guard unitText(first, is: "(", view) || unitText(first, is: ")", view)
                                || unitText(first, is: "-", view)
                            else { break }
                            continue
                        }
                        if unitText(first, is: "and", view) || unitText(first, is: "or", view) { break }
                        if length > 3 && !unitText(itemLast, is: ")", view) { break }
                        var node: Int32 = 0
                        for unit in first...itemLast where node >= 0 { node = trie.child(node, view.ids[unit]) }
                        for unit in headFirst...Int(match.last) where node >= 0 { node = trie.child(node, view.ids[unit]) }
                        guard node > 0, trie.hasOutputs(node) else { continue }
                        let chosen = chooseOutputs(
                            node: node, view, first: first, last: itemLast, headFirst: headFirst, headLast: Int(match.last))
                        guard chosen > 0 else { continue }
                        for output in 0..<chosen {
                            found.append(
                                UnitMatch(
                                    first: Int32(first), last: Int32(itemLast), output: view.chosen[output],
                                    origin: .coordination)
                            )
                        }
                        itemFirst = first
                        break heads
                    }
                }
                guard itemFirst >= 0 else { break items }
                let next = conjunctionLength(before: itemFirst, view)
                guard next > 0 else { break items }
                itemLast = itemFirst - next - 1
            }
        }
        guard !found.isEmpty else { return }
        var kept: [UnitMatch] = []
        for candidate in found {
            if kept.contains(where: {
                $0.first == candidate.first && $0.last == candidate.last && $0.output.entry == candidate.output.entry
            }) {
                continue
            }
            // A coordination match replaces a plain match of exactly its span, and yields to any
            // other overlapping match.
            let overlapsOther = matches.contains { other in
                other.first <= candidate.last && candidate.first <= other.last
                    && !(other.first == candidate.first && other.last == candidate.last)
            }
            if !overlapsOther { kept.append(candidate) }
        }
        guard !kept.isEmpty else { return }
        matches.removeAll { existing in
            existing.origin == .lexicon && kept.contains { $0.first == existing.first && $0.last == existing.last }
        }
        matches.append(contentsOf: kept)
    }
}

/// Pointers to the units and work buffers of one sentence, taken once so that the hot loop does
/// no reference counting or exclusivity checks.
struct SentenceView {
    /// The text.
    let text: UnsafePointer<UInt8>
    /// The text's length in bytes.
    let textCount: Int
    /// The thread's word cache.
    let cache: UnsafeMutablePointer<WordCacheEntry>
    /// Word-cache slot per unit, or -1.
    let slots: UnsafeMutablePointer<Int32>
    /// The number of units.
    let units: Int
    /// Vocabulary id per unit.
    let ids: UnsafeMutablePointer<Int32>
    /// Joined-chain id per unit.
    let joins: UnsafeMutablePointer<Int32>
    /// Joined-chain end per unit.
    let joinEnds: UnsafeMutablePointer<Int32>
    /// Start byte per unit.
    let starts: UnsafeMutablePointer<Int32>
    /// End byte per unit.
    let ends: UnsafeMutablePointer<Int32>
    /// Flags per unit.
    let flags: UnsafeMutablePointer<UInt8>
    /// Root information per unit (``TokenTrie/rootInfo`` of its id).
    let roots: UnsafeMutablePointer<UInt64>
    /// The walk stack (at least 2 × units + 4).
    let stack: UnsafeMutablePointer<UInt64>
    /// Accepting states.
    let candidates: UnsafeMutablePointer<UInt64>
    /// Room in ``candidates``.
    let candidateCapacity: Int
    /// Letters and digits of a span (at least the sentence's bytes).
    let alnum: UnsafeMutablePointer<UInt8>
    /// Chosen outputs (at least 3).
    let chosen: UnsafeMutablePointer<TrieOutput>
}
