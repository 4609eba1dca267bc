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
        let scratch = MatchScratch()
        var results: [LexiconMatch] = []
        text.withUTF8 { bytes in
            var tokens: [Token] = []
            Tokenizer().tokenize(bytes, into: &tokens)
            tokens.withUnsafeBufferPointer { tokenBuffer in
                match(text: bytes, tokens: tokenBuffer, range: 0..<tokenBuffer.count, scratch: scratch, into: &results)
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
        var resolver = LookupResolver(tables: tables)
        let units = UnitAnalysis.analyze(
            text: textBase,
            tokens: tokenBase,
            range: range,
            scratch: scratch,
            resolver: &resolver,
            normalizer: normalizer,
            joinEveryUnit: true
        )
        guard units > 0 else { return }
        scratch.sentenceMatches.removeAll(keepingCapacity: true)
        walk(text: textBase, units: units, scratch: scratch)
        guard !scratch.sentenceMatches.isEmpty else { return }
        if options.resolvesCoordination { coordinate(text: textBase, units: units, scratch: scratch) }
        scratch.sentenceMatches.sort { left, right in
            if left.first != right.first { return left.first < right.first }
            if left.last != right.last { return left.last < right.last }
            if left.output.type != right.output.type { return left.output.type < right.output.type }
            return left.output.entry < right.output.entry
        }
        let unitStart = scratch.unitStart.base
        let unitEnd = scratch.unitEnd.base
        for match in scratch.sentenceMatches {
            results.append(
                LexiconMatch(
                    entry: Int(match.output.entry),
                    type: Self.typeOfRank[Int(match.output.type)],
                    start: Int(unitStart[Int(match.first)]),
                    end: Int(unitEnd[Int(match.last)]),
                    origin: match.origin
                )
            )
        }
    }

    // MARK: - Leftmost-longest walk

    /// Finds leftmost-longest matches over the units in `scratch`.
    func walk(text: UnsafePointer<UInt8>, units: Int, scratch: MatchScratch) {
        let trie = tables.trie
        let rootChild = trie.rootChild.base
        let unitID = scratch.unitID.base
        let joinID = scratch.joinID.base
        var unit = 0
        while unit < units {
            let id = unitID[unit]
            let joined = joinID[unit]
            if (id < 0 || rootChild[Int(id)] < 0) && (joined < 0 || rootChild[Int(joined)] < 0) {
                unit &+= 1
                continue
            }
            if let last = longestMatch(from: unit, text: text, units: units, scratch: scratch) {
                unit = last + 1
            } else {
                unit &+= 1
            }
        }
    }

    /// Explores the trie from `first`, records the longest valid match, and returns its last unit.
    func longestMatch(from first: Int, text: UnsafePointer<UInt8>, units: Int, scratch: MatchScratch) -> Int? {
        let trie = tables.trie
        let unitID = scratch.unitID.base
        let joinID = scratch.joinID.base
        let joinEnd = scratch.joinEnd.base
        scratch.candidates.removeAll(keepingCapacity: true)
        scratch.stack.removeAll(keepingCapacity: true)
        scratch.stack.append((0, Int32(first)))
        while let (node, next) = scratch.stack.popLast() {
            if node != 0, trie.hasOutputs(node) { scratch.candidates.append((node, next - 1)) }
            guard Int(next) < units else { continue }
            let child = trie.child(node, unitID[Int(next)])
            if child >= 0 { scratch.stack.append((child, next + 1)) }
            let joined = joinID[Int(next)]
            if joined >= 0 {
                let joinedChild = trie.child(node, joined)
                if joinedChild >= 0 { scratch.stack.append((joinedChild, joinEnd[Int(next)] + 1)) }
            }
        }
        guard !scratch.candidates.isEmpty else { return nil }
        if scratch.candidates.count > 1 {
            scratch.candidates.sort { $0.end != $1.end ? $0.end > $1.end : $0.node < $1.node }
        }
        for candidate in scratch.candidates {
            let last = Int(candidate.end)
            let span = (Int(scratch.unitStart.base[first]), Int(scratch.unitEnd.base[last]))
            guard chooseOutputs(node: candidate.node, text: text, spans: span, nil, scratch: scratch) else { continue }
            var end = last
            if options.extendsDrugForms, scratch.chosen[0].type == 0 {
                end = extendOverDrugForms(after: last, units: units, scratch: scratch)
            }
            for output in scratch.chosen {
                scratch.sentenceMatches.append(
                    UnitMatch(first: Int32(first), last: Int32(end), output: output, origin: .lexicon)
                )
            }
            return end
        }
        return nil
    }

    /// Extends a drug match over directly following salt and formulation words.
    func extendOverDrugForms(after last: Int, units: Int, scratch: MatchScratch) -> Int {
        let forms = tables.forms
        guard forms.nodeCount > 1 else { return last }
        let unitID = scratch.unitID.base
        var end = last
        while end + 1 < units {
            var node: Int32 = 0
            var unit = end + 1
            var best = -1
            while unit < units {
                node = forms.child(node, unitID[unit])
                if node < 0 { break }
                if forms.hasOutputs(node) { best = unit }
                unit += 1
            }
            guard best >= 0 else { break }
            end = best
        }
        return end
    }

    /// Picks the outputs of `node` that pass the case check against the text of the spans, in
    /// preference order, into `scratch.chosen`: the first one, or the first of each type.
    ///
    /// - Returns: Whether any passed.
    func chooseOutputs(
        node: Int32,
        text: UnsafePointer<UInt8>,
        spans first: (Int, Int),
        _ second: (Int, Int)?,
        scratch: MatchScratch
    ) -> Bool {
        let trie = tables.trie
        scratch.chosen.removeAll(keepingCapacity: true)
        var alnumLength = -1
        for index in trie.outputRange(node) {
            let output = trie.outputs[index]
            if options.keepsAllTypes, scratch.chosen.contains(where: { $0.type == output.type }) { continue }
            if output.signature >= 0 {
                if alnumLength < 0 {
                    alnumLength = collectAlnum(text: text, spans: first, second, scratch: scratch)
                }
                let start = Int(tables.signatureOffsets[Int(output.signature)])
                let length = Int(tables.signatureOffsets[Int(output.signature) + 1]) - start
                guard length == alnumLength,
                    VocabularyTable.memcmpEqual(tables.signatureBytes.base + start, scratch.alnum.base, length)
                else { continue }
            }
            scratch.chosen.append(output)
            if !options.keepsAllTypes { break }
        }
        return !scratch.chosen.isEmpty
    }

    /// Copies the letters and digits of the spans into `scratch.alnum`.
    func collectAlnum(text: UnsafePointer<UInt8>, spans first: (Int, Int), _ second: (Int, Int)?, scratch: MatchScratch)
        -> Int
    {
        let total = (first.1 - first.0) + (second.map { $0.1 - $0.0 } ?? 0)
        scratch.alnum.reserve(total)
        let output = scratch.alnum.base
        var length = 0
        for span in [first, second ?? (0, 0)] {
            var index = span.0
            while index < span.1 {
                let byte = text[index]
                if byte >= 0x80 || (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10 {
                    output[length] = byte
                    length += 1
                }
                index += 1
            }
        }
        return length
    }

    // MARK: - Coordination

    /// Whether unit `unit`'s text is `word` (ASCII, any case).
    func unitText(_ unit: Int, is word: StaticString, text: UnsafePointer<UInt8>, scratch: MatchScratch) -> Bool {
        let start = Int(scratch.unitStart.base[unit])
        let length = Int(scratch.unitEnd.base[unit]) - start
        guard length == word.utf8CodeUnitCount else { return false }
        let bytes = word.utf8Start
        for offset in 0..<length where text[start + offset] | 0x20 != bytes[offset] { return false }
        return true
    }

    /// The number of units of a coordinating conjunction that ends right before `unit`: `,` `/`
    /// `&` `and` `or` (1), `, and` `, or` (2), `and/or` (3); 0 when there is none.
    func conjunctionLength(before unit: Int, text: UnsafePointer<UInt8>, scratch: MatchScratch) -> Int {
        let last = unit - 1
        guard last >= 1 else { return 0 }
        if unitText(last, is: ",", text: text, scratch: scratch) || unitText(last, is: "/", text: text, scratch: scratch)
            || unitText(last, is: "&", text: text, scratch: scratch)
        {
            return 1
        }
        let isAnd = unitText(last, is: "and", text: text, scratch: scratch)
        let isOr = !isAnd && unitText(last, is: "or", text: text, scratch: scratch)
        guard isAnd || isOr else { return 0 }
        if last >= 2, unitText(last - 1, is: ",", text: text, scratch: scratch) { return 2 }
        if isOr, last >= 3, unitText(last - 1, is: "/", text: text, scratch: scratch),
            unitText(last - 2, is: "and", text: text, scratch: scratch)
        {
            return 3
        }
        return 1
    }

    /// Resolves coordination ellipsis over the sentence's matches.
    func coordinate(text: UnsafePointer<UInt8>, units: Int, scratch: MatchScratch) {
        let trie = tables.trie
        let unitID = scratch.unitID.base
        let unitFlags = scratch.unitFlags.base
        var found: [UnitMatch] = []
        let matches = scratch.sentenceMatches
        for match in matches where match.origin == .lexicon && match.last > match.first {
            let conjunction = conjunctionLength(before: Int(match.first), text: text, scratch: scratch)
            guard conjunction > 0 else { continue }
            var itemLast = Int(match.first) - conjunction - 1
            items: while itemLast >= 0 {
                var itemFirst = -1
                heads: for headFirst in stride(from: Int(match.last), to: Int(match.first), by: -1) {
                    for length in 1...3 {
                        let first = itemLast - length + 1
                        guard first >= 0 else { break }
                        if unitFlags[first] & UnitFlags.word == 0
                            || unitText(first, is: "and", text: text, scratch: scratch)
                            || unitText(first, is: "or", text: text, scratch: scratch)
                        {
                            break
                        }
                        var node: Int32 = 0
                        for unit in first...itemLast where node >= 0 { node = trie.child(node, unitID[unit]) }
                        for unit in headFirst...Int(match.last) where node >= 0 { node = trie.child(node, unitID[unit]) }
                        guard node > 0, trie.hasOutputs(node) else { continue }
                        let itemSpan = (Int(scratch.unitStart.base[first]), Int(scratch.unitEnd.base[itemLast]))
                        let headSpan = (Int(scratch.unitStart.base[headFirst]), Int(scratch.unitEnd.base[Int(match.last)]))
                        guard chooseOutputs(node: node, text: text, spans: itemSpan, headSpan, scratch: scratch) else {
                            continue
                        }
                        for output in scratch.chosen {
                            found.append(
                                UnitMatch(first: Int32(first), last: Int32(itemLast), output: output, origin: .coordination)
                            )
                        }
                        itemFirst = first
                        break heads
                    }
                }
                guard itemFirst >= 0 else { break items }
                let next = conjunctionLength(before: itemFirst, text: text, scratch: scratch)
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
            let overlapsOther = scratch.sentenceMatches.contains { other in
                other.first <= candidate.last && candidate.first <= other.last
                    && !(other.first == candidate.first && other.last == candidate.last)
            }
            if !overlapsOther { kept.append(candidate) }
        }
        guard !kept.isEmpty else { return }
        scratch.sentenceMatches.removeAll { existing in
            existing.origin == .lexicon && kept.contains { $0.first == existing.first && $0.last == existing.last }
        }
        scratch.sentenceMatches.append(contentsOf: kept)
    }
}
