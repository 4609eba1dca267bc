import PharmineCore

/// Mechanisms stated through a drug class named for its target: "celecoxib, a COX-2
/// inhibitor", "the 5-HT3 antagonist ondansetron", "ACE inhibitors such as captopril",
/// "X (a selective beta1-adrenoceptor blocker)".
///
/// The class is a drug class mention ("COX-2 inhibitors") whose last word is an action noun;
/// its target is the receptor mention the matcher found inside it (``EntityMatcher`` adds those).
/// The subject is a named drug tied to the class: after it, directly or over "such as",
/// "including", "e.g.", "(" ("the COX-2 inhibitor celecoxib", "ACE inhibitors such as captopril
/// and enalapril"), or before it, apposed by a copula, "(" or a comma and an article ("X is a
/// selective COX-2 inhibitor", "X, an ACE inhibitor"). A class statement without a named drug
/// ("COX-2 inhibitors reduce …") gives no triple. Rule `mechanism.class_target`; the qualifier
/// comes from the action noun ("partial"/"inverse" before "agonist" refine it; a blocker of a
/// receptor is an antagonist).
extension MechanismRules {
    /// Action nouns that end a class name, with the qualifier they give.
    static let classActionNouns: [String: String] = [
        "inhibitor": "inhibitor", "inhibitors": "inhibitor", "antagonist": "antagonist", "antagonists": "antagonist",
        "blocker": "blocker", "blockers": "blocker", "agonist": "agonist", "agonists": "agonist",
        "activator": "activator", "activators": "activator", "opener": "activator", "openers": "activator",
    ]

    /// Adjectives between an article and a class set off by a comma: "a selective Y antagonist, X".
    static let classAdjectives: WordSet = [
        "selective", "specific", "potent", "novel", "new", "highly", "nonselective", "non-selective", "known",
        "direct",
    ]

    /// Words between a class and the drugs it introduces ("ACE inhibitors such as captopril").
    static let classIntroducers: WordSet = ["such", "as", "like", "including", "e.g.", "e.g", "namely", "("]

    /// Emits the class-target mechanisms of the sentence.
    func classTargets(skip: Set<Int>, into collector: inout TripleCollector) {
        let items = analysis.items
        for classItem in items.indices where items[classItem].kind == .slot {
            guard let index = analysis.drug(at: classItem), analysis.mentions[index].isClass,
                analysis.mentions[index].source != .anaphor,
                let qualifier = Self.classQualifier(items[classItem].text)
            else { continue }
            let targets = nestedTargets(in: items[classItem])
            guard !targets.isEmpty else { continue }
            var objects: [(item: Int, mention: Mention?)] = targets.map { (classItem, $0) }
            // "the mixed COX-1/COX-2 inhibitor X": targets joined to the class by a slash.
            var first = classItem
            while first >= 2, items[first - 1].isPunctuation("/"), !items[first].spaceBefore,
                !items[first - 1].spaceBefore, analysis.receptor(at: first - 2) != nil
            {
                first -= 2
                objects.insert((first, nil), at: 0)
            }
            var subjects: [Int] = []
            if let after = drugAfterClass(classItem, skip: skip) {
                subjects = analysis.expandList(from: after, accept: analysis.drug).items.filter {
                    !skip.contains($0) && !isClassItem($0)
                }
            } else if let before = apposedDrug(before: first, skip: skip) {
                subjects = analysis.coordinatedDrugs(endingAt: before, skip: skip).filter { !isClassItem($0) }
            }
            for subject in subjects {
                emit(
                    subjectItem: subject,
                    objects: objects,
                    rule: "class_target",
                    base: 0.85,
                    qualifier: qualifier,
                    cueStart: min(classItem, subject + 1),
                    into: &collector
                )
            }
        }
    }

    /// The qualifier of a class name's last word ("cox-2 inhibitors" → inhibitor), or nil.
    static func classQualifier(_ text: String) -> String? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "-" })
        guard let last = words.last, let qualifier = classActionNouns[String(last)] else { return nil }
        guard qualifier == "agonist", words.count >= 2 else { return qualifier }
        switch words[words.count - 2] {
        case "partial": return "partial_agonist"
        case "inverse": return "inverse_agonist"
        default: return qualifier
        }
    }

    /// The receptor mentions lying strictly inside a slot (the target of a class name).
    private func nestedTargets(in slot: SentenceView.Item) -> [Mention] {
        let mentions = analysis.mentions
        let passage = analysis.view.passage
        // Mentions are sorted by passage and start: find the first at or after the slot.
        var low = 0
        var high = mentions.count
        while low < high {
            let middle = (low + high) / 2
            if (mentions[middle].passage, mentions[middle].start) < (passage, slot.start) {
                low = middle + 1
            } else {
                high = middle
            }
        }
        var found: [Mention] = []
        var index = low
        while index < mentions.count, mentions[index].passage == passage, mentions[index].start < slot.end {
            let mention = mentions[index]
            if mention.type == .receptor, mention.end <= slot.end, mention.end - mention.start < slot.end - slot.start {
                found.append(mention)
            }
            index += 1
        }
        return found
    }

    /// A named drug right after a class, over "such as", "including", "e.g.", "(" ("the
    /// 5-HT3 antagonist ondansetron", "ACE inhibitors such as captopril").
    private func drugAfterClass(_ classItem: Int, skip: Set<Int>) -> Int? {
        let items = analysis.items
        var start = classItem + 1
        while start < items.count, start - classItem <= 3, items[start].kind != .slot,
            items[start].isWord(Self.classIntroducers) || items[start].isPunctuation("(")
                || items[start].isPunctuation(":")
                || (items[start].isPunctuation(",") && start + 1 < items.count
                    && items[start + 1].isWord(Self.classIntroducers))
        {
            start += 1
        }
        // "the aromatase inhibitor, testolactone, …": a comma alone only after "the/a/an" and
        // before one drug set off by a second comma, a parenthesis or the end of the sentence.
        // Also over a few adjectives before the class ("a selective Y antagonist, X"), and after
        // a preposition instead of an article ("administration of direct Y inhibitor, X").
        var article = classItem - 1
        while article >= 0, classItem - article <= 3, items[article].isWord(Self.classAdjectives)
            || items[article].text.hasSuffix("-selective") || items[article].text.hasSuffix("-specific")
        {
            article -= 1
        }
        if start == classItem + 1, start + 1 < items.count, items[start].isPunctuation(","), article >= 0,
            items[article].isWord(oneOf: ["the", "a", "an", "of", "with", "by"]), analysis.drug(at: start + 1) != nil,
            start + 2 >= items.count || items[start + 2].isPunctuation(",") || items[start + 2].isPunctuation(")")
                || items[start + 2].isPunctuation(".") || items[start + 2].isPunctuation(";"),
            start + 3 >= items.count || analysis.drug(at: start + 3) == nil
        {
            start += 1
        }
        guard start < items.count, let drug = analysis.drugAfter(start, maxGap: 0, skip: skip), !isClassItem(drug)
        else { return nil }
        return drug
    }

    /// A named drug before a class that the text says is of the class ("X is a COX-2
    /// inhibitor", "X, an ACE inhibitor", "X (a selective beta1-adrenoceptor blocker)").
    private func apposedDrug(before classItem: Int, skip: Set<Int>) -> Int? {
        let items = analysis.items
        var cursor = classItem - 1
        while cursor >= max(0, classItem - 12), !analysis.isClauseBreak(cursor) {
            // "haloperidol (HAL; 0.01 microM), a D2 antagonist": the drug before the parenthesis.
            // ("A (X), an oral Y inhibitor" is read below, from X.)
            if items[cursor].isPunctuation(")"), cursor >= 1, analysis.drug(at: cursor - 1) == nil,
                let outer = drugBeforeParenthesis(closingAt: cursor, skip: skip)
            {
                return analysis.isApposed(cursor, to: classItem) && describes(outer, classItem) ? outer : nil
            }
            if !skip.contains(cursor), let other = analysis.drug(at: cursor), !analysis.mentions[other].isClass {
                // "A (X), an oral Y inhibitor": the apposition starts after the parenthesis.
                let anchor = cursor + 1 < classItem && items[cursor + 1].isPunctuation(")") ? cursor + 1 : cursor
                return analysis.isApposed(anchor, to: classItem) && describes(cursor, classItem) ? cursor : nil
            }
            cursor -= 1
        }
        return nil
    }

    /// The named drug right before the "(" of a parenthesis that closes at `close` and holds
    /// no clause break: "haloperidol" of "haloperidol (HAL; 0.01 microM)".
    func drugBeforeParenthesis(closingAt close: Int, skip: Set<Int>) -> Int? {
        let items = analysis.items
        var open = close - 1
        while open > 0, close - open <= 12, !items[open].isPunctuation("("), !items[open].isPunctuation(")"),
            !analysis.isClauseBreak(open)
        {
            open -= 1
        }
        guard open >= 1, items[open].isPunctuation("("), !skip.contains(open - 1),
            let index = analysis.drug(at: open - 1), !analysis.mentions[index].isClass
        else { return nil }
        return open - 1
    }

    /// Words beside ``Lexical/links`` that may stand between a drug and its class ("appeared
    /// to be preferential COX-2 inhibitors", "a more selective aromatase inhibitor").
    static let classLinks: WordSet = [
        "not", "no", "highly", "more", "most", "less", "appear", "appears", "appeared", "seem", "seems", "seemed",
        "proved", "proven", "remains", "remained", "became", "becomes", "represents", "represent", "one", "first",
    ]

    /// Adjective endings allowed between a drug and its class ("a preferential COX-2
    /// inhibitor", "a competitive ACE inhibitor").
    static let adjectiveEndings = ["al", "ive", "ic", "ent", "ant", "ous", "ful", "ible", "able"]

    /// Whether every word between a drug and a class outside parentheses only describes the
    /// class ("is a new potent", ", a preferential", "is not a"): link words (``Lexical/links``,
    /// ``classLinks``), adverbs, adjectives and hyphenated words; a verb or preposition ("can be treated
    /// with an", "administered with known") ties the class to something else.
    private func describes(_ drugItem: Int, _ classItem: Int) -> Bool {
        let items = analysis.items
        for item in analysis.indicesOutsideParentheses((drugItem + 1)..<classItem) {
            let it = items[item]
            if it.kind == .slot { return false }
            if it.isWord(oneOf: ["with", "by", "for", "from", "than", "other"]) { return false }
            if Lexical.links.contains(key: it.key, text: it.text) || it.isWord(Self.classLinks) { continue }
            // "X, the first of the cholinesterase inhibitors", "one of the ACE inhibitors".
            if it.isWord(oneOf: ["of"]), item > drugItem + 1, items[item - 1].isWord(oneOf: ["first", "one", "last", "second"]) {
                continue
            }
            if it.kind == .word,
                it.text.contains("-") || it.text.hasSuffix("ly")
                    || Self.adjectiveEndings.contains(where: it.text.hasSuffix)
            {
                continue
            }
            return false
        }
        return true
    }

    /// Whether an item's drug mention is a class (not a named drug).
    private func isClassItem(_ item: Int) -> Bool {
        guard let index = analysis.drug(at: item) else { return false }
        return analysis.mentions[index].isClass && analysis.mentions[index].source != .anaphor
    }
}
