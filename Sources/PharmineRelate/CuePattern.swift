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
        var words: Set<String>
        var prefixes: [String]
        var optional: Bool

        func matches(_ item: SentenceView.Item) -> Bool {
            guard item.kind != .slot else { return false }
            if words.contains(item.text) { return true }
            return prefixes.contains { item.text.hasPrefix($0) }
        }
    }

    /// The steps.
    let steps: [Step]
    /// The source text, for debugging.
    let source: String

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
            var words: Set<String> = []
            var prefixes: [String] = []
            for alternative in step.split(separator: "|") {
                if alternative.count > 1, alternative.hasSuffix("*") {
                    prefixes.append(String(alternative.dropLast()))
                } else {
                    words.insert(String(alternative))
                }
            }
            return Step(words: words, prefixes: prefixes, optional: optional)
        }
    }

    /// Whether a match could start at an item: its first required step accepts the item (a cheap
    /// filter before ``match(_:at:limit:)``).
    func mayStart(with item: SentenceView.Item) -> Bool {
        for step in steps {
            if step.matches(item) { return true }
            if !step.optional { return false }
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
        guard start < items.count, mayStart(with: items[start]) else { return nil }
        let limit = min(limit ?? items.count, items.count)
        var best: Int?
        func walk(_ step: Int, _ position: Int) {
            if step == steps.count {
                if position > start, best.map({ position > $0 }) ?? true { best = position }
                return
            }
            let current = steps[step]
            if position < limit, current.matches(items[position]) {
                walk(step + 1, position + 1)
            }
            if current.optional {
                walk(step + 1, position)
            }
        }
        walk(0, start)
        return best
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
    /// Cues whose first step is optional or matches by prefix: tried at every position.
    private let always: [Int]

    init(_ cues: [Cue]) {
        self.cues = cues
        var byFirstWord: [String: [Int]] = [:]
        var always: [Int] = []
        for (index, cue) in cues.enumerated() {
            guard let first = cue.pattern.steps.first, !first.optional, first.prefixes.isEmpty else {
                always.append(index)
                continue
            }
            for word in first.words { byFirstWord[word, default: []].append(index) }
        }
        self.byFirstWord = byFirstWord
        self.always = always
    }

    /// Every match of these cues in the items, the longest at each start, in text order; a match
    /// never starts inside an earlier one ("inverse agonist at" hides "agonist at"). Cues that
    /// follow each other stay separate hits ("indicated for" + "treatment of").
    func hits(in items: [SentenceView.Item]) -> [CueHit] {
        var result: [CueHit] = []
        var covered = 0
        for start in items.indices where start >= covered && items[start].kind != .slot {
            let candidates = (byFirstWord[items[start].text] ?? []) + always
            guard !candidates.isEmpty else { continue }
            var best: CueHit?
            for index in candidates {
                let cue = cues[index]
                guard let end = cue.pattern.match(items, at: start) else { continue }
                if let current = best, end < current.end || (end == current.end && cue.base <= current.cue.base) {
                    continue
                }
                best = CueHit(cue: cue, start: start, end: end)
            }
            if let best {
                result.append(best)
                covered = best.end
            }
        }
        return result
    }
}
