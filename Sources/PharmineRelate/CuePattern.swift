/// A cue phrase over the words of a ``SentenceView``.
///
/// Written as space-separated steps; each step lists alternatives separated by `|`; an
/// alternative ending in `*` matches any word with that prefix; a step ending in `?` is
/// optional. Punctuation items match by their text (`:`), slots never match.
///
/// `"effective|efficacious in|for|against"` matches "effective in", "efficacious for", …;
/// `"in the? treatment|management of"` matches "in treatment of" and "in the management of".
struct CuePattern: Sendable {
    /// One step.
    struct Step: Sendable {
        var words: WordSet
        var prefixes: [String]
        var optional: Bool

        @inline(__always)
        func matches(_ item: SentenceView.Item) -> Bool {
            guard item.kind != .slot else { return false }
            if words.contains(key: item.key, text: item.text) { return true }
            for prefix in prefixes where item.hasPrefix(prefix) { return true }
            return false
        }

        /// ``matches(_:)`` on an item read in place (no copy of the item).
        @inline(__always)
        func matches(_ items: UnsafeBufferPointer<SentenceView.Item>, _ index: Int) -> Bool {
            guard items[index].kind != .slot else { return false }
            if words.contains(key: items[index].key, text: items[index].text) { return true }
            if prefixes.isEmpty { return false }
            for prefix in prefixes where items[index].hasPrefix(prefix) { return true }
            return false
        }
    }

    /// The steps.
    let steps: [Step]
    /// The source text, for debugging.
    let source: String
    /// The first bytes an ASCII item text must start with to be matched by a step that may take
    /// a match's first item (the steps up to the first required one): most start positions are
    /// turned away by one test, before any table is read. Admits every byte when some such step
    /// holds a word or prefix that is not decided by its first byte (a non-ASCII prefix, a word
    /// list compared by canonical equivalence).
    let heads: HeadFilter

    /// Compiles a pattern.
    init(_ source: String) {
        self.source = source
        self.steps = source.split(separator: " ").map { rawStep in
            var step = Substring(rawStep)
            var optional = false
            if step.count > 1, step.hasSuffix("?") {
                optional = true
                step = step.dropLast()
            }
            var words: [String] = []
            var prefixes: [String] = []
            for alternative in step.split(separator: "|") {
                if alternative.count > 1, alternative.hasSuffix("*") {
                    prefixes.append(String(alternative.dropLast()))
                } else {
                    words.append(String(alternative))
                }
            }
            return Step(words: WordSet(words), prefixes: prefixes, optional: optional)
        }
        self.heads = Self.heads(of: steps)
    }

    /// The first bytes of the words and prefixes of the steps that may take a match's first item.
    private static func heads(of steps: [Step]) -> HeadFilter {
        var filter = HeadFilter.empty
        for step in steps {
            // An ASCII text equals only a word of the same bytes, unless the list holds a
            // character canonically equivalent to an ASCII one (then it is not keyed).
            guard step.words.isKeyed else { return .any }
            // A word starting with a non-ASCII byte never equals an ASCII text.
            let asciiWords = step.words.filter { ($0.utf8.first ?? 0x80) < 0x80 }
            filter = filter.union(HeadFilter(prefixes: asciiWords)).union(HeadFilter(prefixes: step.prefixes))
            if !step.optional { break }
        }
        return filter
    }

    /// Whether a match could start at an item: its first required step accepts the item (a cheap
    /// filter before ``match(_:at:limit:)``).
    func mayStart(with item: SentenceView.Item) -> Bool {
        steps.withUnsafeBufferPointer { steps in
            for index in steps.indices {
                if steps[index].matches(item) { return true }
                if !steps[index].optional { return false }
            }
            return true
        }
    }

    /// ``mayStart(with:)`` on an item read in place.
    @inline(__always)
    private func mayStart(
        _ steps: UnsafeBufferPointer<Step>,
        _ items: UnsafeBufferPointer<SentenceView.Item>,
        _ index: Int
    ) -> Bool {
        for step in steps.indices {
            if steps[step].matches(items, index) { return true }
            if !steps[step].optional { return false }
        }
        return true
    }

    /// The end (exclusive item index) of the longest match starting at `start`, or nil.
    ///
    /// - Parameters:
    ///   - items: The sentence items.
    ///   - start: Where the match must start.
    ///   - limit: Items at or after this index are not read.
    func match(_ items: [SentenceView.Item], at start: Int, limit: Int? = nil) -> Int? {
        guard start >= 0, start < items.count else { return nil }
        // A match consumes its first item: never a slot, and a step up to the first required
        // one must take it.
        guard heads.admits(items, start) else { return nil }
        return items.withUnsafeBufferPointer { items in
            steps.withUnsafeBufferPointer { steps in
                guard mayStart(steps, items, start) else { return nil }
                let limit = min(limit ?? items.count, items.count)
                var best = -1
                Self.walk(steps, items, step: 0, position: start, start: start, limit: limit, best: &best)
                return best < 0 ? nil : best
            }
        }
    }

    /// Tries every way of matching the steps from `step` on at `position`; keeps in `best` the
    /// furthest end past `start`.
    private static func walk(
        _ steps: UnsafeBufferPointer<Step>,
        _ items: UnsafeBufferPointer<SentenceView.Item>,
        step: Int,
        position: Int,
        start: Int,
        limit: Int,
        best: inout Int
    ) {
        if step == steps.count {
            if position > start, position > best { best = position }
            return
        }
        if position < limit, steps[step].matches(items, position) {
            walk(steps, items, step: step + 1, position: position + 1, start: start, limit: limit, best: &best)
        }
        if steps[step].optional {
            walk(steps, items, step: step + 1, position: position, start: start, limit: limit, best: &best)
        }
    }
}

/// The first bytes that may start a match of some cue patterns, when the item's text is ASCII
/// (``CuePattern/heads``): one test turns most start positions away.
struct HeadFilter: Sendable {
    /// Bits of the bytes 0–63.
    let low: UInt64
    /// Bits of the bytes 64–127.
    let high: UInt64

    /// A filter that admits every item but slots.
    static let any = HeadFilter(low: ~0, high: ~0)

    /// A filter that admits only texts that are not ASCII.
    static let empty = HeadFilter(low: 0, high: 0)

    init(low: UInt64, high: UInt64) {
        self.low = low
        self.high = high
    }

    /// A filter of the first bytes of some prefixes; a prefix that is empty, starts with a byte
    /// that is not ASCII, or with a carriage return admits every text.
    init(prefixes: some Sequence<String>) {
        var low: UInt64 = 0
        var high: UInt64 = 0
        for prefix in prefixes {
            guard let first = prefix.utf8.first, first < 0x80, first != UInt8(ascii: "\r") else {
                self = .any
                return
            }
            if first < 64 { low |= 1 << UInt64(first) } else { high |= 1 << UInt64(first - 64) }
        }
        self.init(low: low, high: high)
    }

    /// The union of the patterns' filters: admits an item where any of them may match.
    init(_ patterns: [CuePattern]) {
        self = patterns.reduce(HeadFilter.empty) { $0.union($1.heads) }
    }

    /// The filter that admits what either filter admits.
    func union(_ other: HeadFilter) -> HeadFilter {
        HeadFilter(low: low | other.low, high: high | other.high)
    }

    /// Whether a match may start at an item: never at a slot; an ASCII text must start with an
    /// admitted byte (other texts always may).
    @inline(__always)
    func admits(_ items: [SentenceView.Item], _ index: Int) -> Bool {
        guard items[index].kind != .slot else { return false }
        return admits(key: items[index].key, head: items[index].head)
    }

    /// Whether a text with this key (``WordKey/item(_:)``) and first byte may start with an
    /// admitted byte: a text that is not ASCII (key 0) always may.
    @inline(__always)
    func admits(key: UInt64, head: UInt8) -> Bool {
        if key == 0 { return true }
        return head < 64 ? low & 1 << UInt64(head) != 0 : head < 128 && high & 1 << UInt64(head &- 64) != 0
    }
}

/// A cue with what it means for the relation it signals.
struct Cue: Sendable {
    /// The phrase.
    let pattern: CuePattern
    /// The rule id suffix (`prevent` in `indication.prevent`).
    let rule: String
    /// The base confidence of the rule.
    let base: Double
    /// The qualifier it sets, if any.
    let qualifier: String?
    /// Whether the cue is a noun phrase ("inhibitor of", "blockade of"): its subject must be
    /// linked to it by copula or apposition ("X is a potent inhibitor of", "X, an inhibitor of",
    /// "its antagonist actions at") or follow "by" ("inhibition of Y by X").
    let nominal: Bool

    init(_ pattern: String, rule: String, base: Double, qualifier: String? = nil, nominal: Bool = false) {
        self.pattern = CuePattern(pattern)
        self.rule = rule
        self.base = base
        self.qualifier = qualifier
        self.nominal = nominal
    }
}

/// A cue found in a sentence.
struct CueHit {
    /// The cue.
    let cue: Cue
    /// First item of the match.
    let start: Int
    /// End (exclusive) of the match.
    let end: Int
}

/// Cues indexed by the words their first step accepts, so that a sentence position costs one
/// dictionary lookup instead of one match per cue.
struct CueSet: Sendable {
    /// The cues, in table order.
    let cues: [Cue]
    /// Cue indices by first-step word.
    private let byFirstWord: [String: [Int]]
    /// The words of `byFirstWord`: most items are turned away by one probe, without hashing.
    private let firstWords: WordSet
    /// Cues whose first step is optional or matches by prefix: tried at every position.
    private let always: [Int]
    /// The union of the first-byte filters of `always`: a position it turns away is turned away
    /// by each of them, so none is tried there.
    private let alwaysHeads: HeadFilter

    init(_ cues: [Cue]) {
        self.cues = cues
        var byFirstWord: [String: [Int]] = [:]
        var always: [Int] = []
        for (index, cue) in cues.enumerated() {
            guard let first = cue.pattern.steps.first, !first.optional, first.prefixes.isEmpty else {
                always.append(index)
                continue
            }
            for word in first.words.words { byFirstWord[word, default: []].append(index) }
        }
        self.byFirstWord = byFirstWord
        self.firstWords = WordSet(byFirstWord.keys.sorted())
        self.always = always
        self.alwaysHeads = HeadFilter(always.map { cues[$0].pattern })
    }

    /// Every match of these cues in the items, the longest at each start, in text order; a match
    /// never starts inside an earlier one ("inverse agonist at" hides "agonist at"). Cues that
    /// follow each other stay separate hits ("indicated for" + "treatment of").
    func hits(in items: [SentenceView.Item]) -> [CueHit] {
        // The cues are read in place: copying one (four reference-counted fields) per cue tried
        // cost more than most matches.
        cues.withUnsafeBufferPointer { hits(in: items, cues: $0) }
    }

    private func hits(in items: [SentenceView.Item], cues: UnsafeBufferPointer<Cue>) -> [CueHit] {
        var result: [CueHit] = []
        var covered = 0
        for start in items.indices where start >= covered && items[start].kind != .slot {
            let indexed =
                firstWords.contains(key: items[start].key, text: items[start].text)
                ? byFirstWord[items[start].text] ?? [] : []
            let tryAlways = !always.isEmpty && alwaysHeads.admits(key: items[start].key, head: items[start].head)
            guard !indexed.isEmpty || tryAlways else { continue }
            // The indexed cues, then those tried everywhere: the table order of each kind.
            var bestIndex = -1
            var bestEnd = 0
            func consider(_ index: Int) {
                guard let end = cues[index].pattern.match(items, at: start) else { return }
                if bestIndex >= 0, end < bestEnd || (end == bestEnd && cues[index].base <= cues[bestIndex].base) {
                    return
                }
                bestIndex = index
                bestEnd = end
            }
            for index in indexed { consider(index) }
            if tryAlways {
                for index in always { consider(index) }
            }
            if bestIndex >= 0 {
                result.append(CueHit(cue: cues[bestIndex], start: start, end: bestEnd))
                covered = bestEnd
            }
        }
        return result
    }
}
