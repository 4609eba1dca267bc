import PharmineCore

/// Second arguments that a label names through a generic head: "with drugs that are
/// metabolized by this enzyme, including A, B and C", "with strong inhibitors of the enzyme
/// (e.g., A, B)", "to patients receiving other drugs known to prolong the interval, such as A".
/// The drugs after the example word are the partners; drugs inside the relative clause are not.
extension InteractionRules {
    /// Words that may stand between a link word and its drug ("with strong A", "with high doses of A").
    private static let reachModifiers: WordSet = [
        "strong", "potent", "moderate", "weak", "high", "higher", "low", "doses", "dose", "of", "oral", "systemic",
        "known", "other", "concomitant", "concurrent", "the", "a", "an", "any", "certain", "some", "all", "drugs",
        "drug", "agents", "agent", "medications", "medication", "medicines", "products", "intravenous",
        "inhaled", "topical", "single", "multiple", "selective", "nonselective", "non-selective", "specific",
    ]

    /// Generic heads of a described group of drugs ("drugs that …", "medications known to …").
    private static let reachHeads: WordSet = [
        "drug", "drugs", "agent", "agents", "medication", "medications", "medicine", "medicines", "products",
        "product", "compounds", "substances", "substrates", "substrate", "inhibitors", "inhibitor", "inducers",
        "inducer", "preparations", "therapies", "treatments",
    ]

    /// Words that open the examples of a described group.
    private static let reachIntroducers: WordSet = ["including", "such", "e.g.", "e.g", "eg", "e", "like", "particularly", "especially", "i.e.", "ie"]

    /// Words of a dose written after a drug ("X 10 mg twice daily and Y").
    private static let doseWords: WordSet = [
        "mg", "g", "mcg", "µg", "ug", "ml", "mg/kg", "mg/day", "mg/kg/day", "iu", "units", "daily", "once", "twice",
        "bid", "b.i.d", "tid", "qd", "q12h", "q8h", "day", "a", "per", "times", "/", "-", ".", "x",
    ]

    /// The item after a dose that follows a drug ("eszopiclone 3 mg and …" gives the "and"), or `item`.
    func afterDose(_ item: Int) -> Int {
        func isNumber(_ index: Int) -> Bool {
            items[index].kind == .word && (items[index].head >= 0x30 && items[index].head <= 0x39)
        }
        guard item < items.count, isNumber(item) else { return item }
        var cursor = item + 1
        while cursor < items.count, cursor - item <= 6,
            isNumber(cursor) || items[cursor].isWord(Self.doseWords)
                || (items[cursor].kind == .punctuation && Self.doseWords.contains(item: items[cursor])
                    && !analysis.isClauseBreak(cursor))
        {
            cursor += 1
        }
        return cursor
    }

    /// "with D2-antagonists, such as A and B", "other related compounds (e.g., A, B)": a group
    /// we do not know, named in one to three words and given by example right after; its examples.
    private func groupExamples(from start: Int) -> [Int] {
        var cursor = start
        while cursor < items.count, cursor - start < 3 {
            let it = items[cursor]
            if it.kind == .slot, partner(at: cursor) == nil, !analysis.isClauseBreak(cursor) {
                cursor += 1
                continue
            }
            guard it.kind == .word, !it.isWord(Self.reachIntroducers), !it.isWord(Self.groupStops),
                Self.verbs[it.text] == nil
            else { break }
            cursor += 1
        }
        guard cursor > start, cursor < items.count else { return [] }
        if items[cursor].isPunctuation(","), cursor + 1 < items.count { cursor += 1 }
        guard items[cursor].isWord(Self.reachIntroducers) || items[cursor].isPunctuation("(") else { return [] }
        let next = items[cursor].isWord(oneOf: ["such"]) ? cursor + 2 : cursor + 1
        guard let head = listHead(after: next, window: 4) else { return [] }
        return looseList(from: head)
    }

    /// Words that end the name of a group before its examples.
    private static let groupStops: WordSet = [
        "and", "or", "that", "which", "who", "is", "are", "was", "were", "be", "may", "should", "must", "can",
        "to", "in", "of", "for", "by", "when", "if", "not", "no",
    ]

    /// The partners after a link word (`start` is the item after "with", "receiving", …): the
    /// drug right there and its list ("with A, B and C"), else the examples a generic head
    /// names further on ("with other drugs that prolong the interval, such as A and B").
    func reachList(after start: Int, window: Int = 30) -> [Int] {
        guard start < items.count else { return [] }
        if let head = partnerAfter(start) ?? listHead(after: start) { return looseList(from: head) }
        // A few modifiers before the drug: "with strong A", "with high doses of A".
        var item = start
        var sawHead = false
        while item < items.count, item - start <= 4 {
            let it = items[item]
            if it.kind == .slot {
                if partner(at: item) != nil { return sawHead ? [] : looseList(from: item) }
                if analysis.isBlockingDrug(item) {
                    sawHead = true
                    item += 1
                    continue
                }
                // "strong CYP3A4 inhibitors": an enzyme names the group.
                if analysis.mention(at: item, type: .receptor) != nil {
                    item += 1
                    continue
                }
                break
            }
            if it.isWord(Self.reachHeads) { sawHead = true }
            guard it.isWord(Self.reachModifiers) || it.isWord(Self.reachHeads) else { break }
            item += 1
        }
        // "drugs that …, including A, B": the group's examples.
        guard sawHead || (item < items.count && items[item].isWord(Self.reachHeads)) else {
            return groupExamples(from: item)
        }
        var cursor = item
        while cursor < items.count, cursor - start <= window {
            let it = items[cursor]
            if it.kind == .punctuation, analysis.isClauseBreak(cursor), !it.isPunctuation("["), !it.isPunctuation("]") {
                return []
            }
            if it.isWord(Self.reachIntroducers) || it.isPunctuation("(") || it.isPunctuation("[") {
                let next = it.isWord(oneOf: ["such"]) ? cursor + 2 : cursor + 1
                if let head = listHead(after: next, window: 4) {
                    return looseList(from: head)
                }
            }
            // A statement of its own begins: "…, and A should be …".
            if it.isWord(oneOf: ["should", "must", "may", "can", "is", "are", "was", "were"]),
                cursor > start + 1, items[cursor - 1].kind == .slot
            {
                return []
            }
            cursor += 1
        }
        return []
    }
}
