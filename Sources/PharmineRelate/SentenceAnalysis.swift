import PharmineContext
import PharmineCore

/// Role binding over a ``SentenceView``: which slot holds a drug, a condition or a target; the
/// nearest subject before a cue; the first object after it; lists; context cues on a path.
struct SentenceAnalysis {
    /// Everything the analysis holds, behind one reference: the rules copy the analysis into
    /// closures and helper values, and a copy then costs one retain.
    private final class Storage {
        let view: SentenceView
        let mentions: [Mention]
        let cues: [ContextSpan]
        let endogenous: EndogenousSubstances
        var roles: [Roles] = []
        /// The summary of the sentence's words and punctuation (see ``SentenceAnalysis/mayHave(_:)``).
        let words: WordBits

        init(view: SentenceView, mentions: [Mention], cues: [ContextSpan], endogenous: EndogenousSubstances) {
            var words = WordBits()
            for item in view.items.indices where view.items[item].kind != .slot {
                words.insert(key: view.items[item].key)
            }
            self.words = words
            self.view = view
            self.mentions = mentions
            self.cues = cues
            self.endogenous = endogenous
        }
    }

    private let storage: Storage

    /// The view.
    var view: SentenceView { storage.view }
    /// The document's mentions (indexed by the slots).
    var mentions: [Mention] { storage.mentions }
    /// The context cues of the sentence (from the context stage), if any.
    var cues: [ContextSpan] { storage.cues }
    /// Substances that are never drug arguments (neurotransmitters, mediators).
    var endogenous: EndogenousSubstances { storage.endogenous }

    /// What a slot may be; -1 where it may not. Decided once per sentence: the three
    /// extractors ask for them over and over.
    private struct Roles {
        var drug: Int32 = -1
        var condition: Int32 = -1
        var receptor: Int32 = -1
        var blocking = false
        /// ``isClauseBreak(_:)``, for every item.
        var clauseBreak = false
    }

    /// Creates the analysis of a sentence.
    ///
    /// - Parameters:
    ///   - view: The sentence's view.
    ///   - mentions: The document's mentions.
    ///   - cues: The context cues of the sentence.
    ///   - endogenous: Substances never taken as drug arguments.
    init(
        view: SentenceView,
        mentions: [Mention],
        cues: [ContextSpan] = [],
        endogenous: EndogenousSubstances = EndogenousSubstances()
    ) {
        storage = Storage(view: view, mentions: mentions, cues: cues, endogenous: endogenous)
        var roles = [Roles](repeating: Roles(), count: view.items.count)
        for item in view.items.indices {
            roles[item].clauseBreak = decideClauseBreak(item)
        }
        Self.keepParentheticalSemicolons(view.items, in: &roles)
        // Clause breaks only while the slots are decided: a slot's role never depends on another's.
        // The slots' roles are written in place: copying the array per sentence cost more than
        // deciding them.
        storage.roles = roles
        roles = []
        for item in view.items.indices where view.items[item].kind == .slot {
            let (drugIndex, blocking) = decideDrugAndBlocking(at: item)
            let drug = drugIndex.map { Int32(truncatingIfNeeded: $0) } ?? -1
            let condition = decideCondition(at: item).map { Int32(truncatingIfNeeded: $0) } ?? -1
            let receptor = decideReceptor(at: item).map { Int32(truncatingIfNeeded: $0) } ?? -1
            storage.roles[item].drug = drug
            storage.roles[item].condition = condition
            storage.roles[item].receptor = receptor
            storage.roles[item].blocking = blocking
        }
    }

    /// The items of the sentence.
    var items: [SentenceView.Item] { storage.view.items }

    /// Whether a word of a cue summary may be among the sentence's words; false only when none
    /// is (a rule that needs one of them returns at once).
    @inline(__always)
    func mayHave(_ cues: WordBits) -> Bool {
        storage.words.mayShare(cues)
    }

    // MARK: - Slots

    /// The first mention of a type in an item, if it is a slot.
    func mention(at item: Int, type: EntityType) -> Int? {
        // Read in place, through the storage: no copy of the item, the view or the mentions.
        guard item >= 0, item < storage.view.items.count, storage.view.items[item].kind == .slot else { return nil }
        let range = storage.view.items[item].mentionRange
        var cursor = Int(range.lowerBound)
        while cursor < Int(range.upperBound) {
            let index = storage.view.slotMentions[cursor]
            if storage.mentions[index].type == type { return index }
            cursor += 1
        }
        return nil
    }

    /// The drug mention of an item, if it may be a subject or a drug argument.
    ///
    /// Refused: slots that also hold a target ("histamine" in "histamine and muscarinic
    /// receptors"), drug mentions that modify a following word ("aspirin-induced"), class
    /// mentions after a demonstrative ("this tricyclic antidepressant") that context did not
    /// resolve, generic words ("agents", "neurotransmitters") and endogenous substances
    /// (``endogenous``: "serotonin", "dopamine", "glutamate").
    func drug(at item: Int) -> Int? {
        guard storage.roles.indices.contains(item) else { return nil }
        let index = storage.roles[item].drug
        return index < 0 ? nil : Int(index)
    }

    /// - Parameter excluded: ``isExcludedDrug(_:_:)`` of the slot's drug mention when known.
    private func decideDrug(at item: Int, excluded: Bool? = nil) -> Int? {
        guard let index = mention(at: item, type: .drug) else { return nil }
        if mention(at: item, type: .receptor) != nil { return nil }
        if isModifier(item) { return nil }
        let mention = mentions[index]
        if mention.source != .anaphor, excluded ?? isExcludedDrug(item, mention) { return nil }
        // "anti-cytokine therapy", "non-aspirin analgesics": the drug is what is opposed or excluded.
        if item >= 2, items[item - 1].isPunctuation("-"), !items[item].spaceBefore, !items[item - 1].spaceBefore,
            items[item - 2].isWord(oneOf: ["anti", "non", "pro"])
        {
            return nil
        }
        if mention.isClass, mention.source != .anaphor, item > 0, items[item - 1].isWord(Lexical.demonstratives),
            !isComplementizer(item - 1)
        {
            return nil
        }
        return index
    }

    /// Whether the "that" at `item` opens a clause rather than pointing at the class after it:
    /// "studies have shown that NSAIDs can reduce …" (a plural class after "that"), not "that
    /// antidepressant".
    private func isComplementizer(_ item: Int) -> Bool {
        guard items[item].isWord(oneOf: ["that"]), item + 1 < items.count else { return false }
        let next = items[item + 1].text
        return next.hasSuffix("s") || next.hasSuffix("S")
    }

    /// Whether a drug slot is a generic word ("agents", "an inhibitor") or an endogenous substance.
    private func isExcludedDrug(_ item: Int, _ mention: Mention) -> Bool {
        let it = items[item]
        if endogenous.contains(mention) || endogenous.containsName(it.text) { return true }
        // One word (the common case): its key is known.
        if !it.text.utf8.contains(UInt8(ascii: " ")) {
            return Lexical.genericDrugs.contains(key: it.key, text: it.text)
        }
        // ASCII text splits at space bytes as it does at space characters.
        var text = it.text
        if let answer = text.withUTF8({ bytes -> Bool? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            var anyGeneric = false
            var start = 0
            while start < bytes.count {
                if bytes[start] == UInt8(ascii: " ") {
                    start += 1
                    continue
                }
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: " ") { end += 1 }
                let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
                if Lexical.genericDrugs.contains(bytes: word) {
                    anyGeneric = true
                } else if !Lexical.fillers.contains(bytes: word) {
                    return false
                }
                start = end
            }
            return anyGeneric
        }) {
            return answer
        }
        let words = it.text.split(separator: " ").map(String.init)
        return words.contains(where: Lexical.genericDrugs.contains)
            && words.allSatisfy { Lexical.genericDrugs.contains($0) || Lexical.fillers.contains($0) }
    }

    /// Whether a slot holds a drug mention that is refused as an argument because it is generic
    /// or endogenous: the nearest-subject search stops there ("medications used in the treatment
    /// of …" has no drug subject, even if one comes earlier).
    func isBlockingDrug(_ item: Int) -> Bool {
        storage.roles.indices.contains(item) && storage.roles[item].blocking
    }

    /// ``decideDrug(at:excluded:)`` and whether the slot blocks the subject search
    /// (``isBlockingDrug(_:)``: a lexicon drug mention, no target in the slot, generic or
    /// endogenous) at once: the generic or endogenous test is made once.
    private func decideDrugAndBlocking(at item: Int) -> (drug: Int?, blocking: Bool) {
        guard let index = mention(at: item, type: .drug) else { return (nil, false) }
        if mention(at: item, type: .receptor) != nil { return (nil, false) }
        let mention = mentions[index]
        guard mention.source != .anaphor else { return (decideDrug(at: item), false) }
        let excluded = isExcludedDrug(item, mention)
        if excluded { return (nil, true) }
        return (decideDrug(at: item, excluded: false), false)
    }

    /// The condition mention of an item, if it may be an indication object.
    ///
    /// Refused: a mention joined to a modifier ("pain-related") and a bare generic head noun
    /// ("conditions", "disorders"), which a lexicon may map to a root concept ("Disease").
    func condition(at item: Int) -> Int? {
        guard storage.roles.indices.contains(item) else { return nil }
        let index = storage.roles[item].condition
        return index < 0 ? nil : Int(index)
    }

    private func decideCondition(at item: Int) -> Int? {
        guard let index = mention(at: item, type: .condition), !isModifier(item), !isGeneric(item) else { return nil }
        return index
    }

    /// The target mention of an item, if it may be a mechanism object (same refusals as
    /// ``condition(at:)``: "receptors" alone is no target).
    func receptor(at item: Int) -> Int? {
        guard storage.roles.indices.contains(item) else { return nil }
        let index = storage.roles[item].receptor
        return index < 0 ? nil : Int(index)
    }

    private func decideReceptor(at item: Int) -> Int? {
        guard let index = mention(at: item, type: .receptor), !isModifier(item), !isGeneric(item) else { return nil }
        return index
    }

    /// Whether a slot's whole text is a generic head noun ("conditions", "receptors").
    func isGeneric(_ item: Int) -> Bool {
        let it = items[item]
        return Lexical.heads.contains(key: it.key, text: it.text) || Lexical.genericObjects.contains(key: it.key, text: it.text)
    }

    /// Whether a slot is joined by a hyphen to a modifier word ("aspirin-induced", "pain-related").
    func isModifier(_ item: Int) -> Bool {
        let items = storage.view.items
        guard item + 2 < items.count else { return false }
        guard items[item + 1].isPunctuation("-") && !items[item + 1].spaceBefore && !items[item + 2].spaceBefore
            && items[item + 2].isWord(Lexical.modifierSuffixes)
        else { return false }
        // "anxiety-like behavior": an animal's phenotype of the condition names the condition.
        if items[item + 2].isWord(oneOf: ["like"]), item + 3 < items.count, items[item + 3].isWord(Lexical.phenotypeNouns),
            mention(at: item, type: .condition) != nil
        {
            return false
        }
        return true
    }

    /// The drug of the slot modified by an adverse word right before an item ("aspirin-induced
    /// asthma"), if any.
    func adverseModifierDrug(before item: Int) -> Int? {
        guard item >= 3, items[item - 1].isWord(Lexical.modifierSuffixes), items[item - 2].isPunctuation("-") else {
            return nil
        }
        return mention(at: item - 3, type: .drug)
    }

    /// Whether an item ends a clause for every rule (";", ".", "but", "however", …).
    func isClauseBreak(_ item: Int) -> Bool {
        storage.roles[item].clauseBreak
    }

    private func decideClauseBreak(_ item: Int) -> Bool {
        let items = storage.view.items
        switch items[item].kind {
        case .punctuation:
            return Lexical.hardPunctuation.contains(key: items[item].key, text: items[item].text) && !isAbbreviationDot(item)
        case .word: return Lexical.clauseBreak.contains(key: items[item].key, text: items[item].text)
        case .slot: return false
        }
    }

    /// Clears the clause break of a ";" inside a short parenthesis that closes: "haloperidol
    /// (HAL; 0.01 microM), a D2 antagonist", "X (Zomig; formerly 311C90)" list an abbreviation
    /// and a dose, they end no clause.
    private static func keepParentheticalSemicolons(_ items: [SentenceView.Item], in roles: inout [Roles]) {
        var open: Int?
        for item in items.indices where items[item].kind == .punctuation {
            if items[item].isPunctuation("(") {
                open = item
            } else if items[item].isPunctuation(")") {
                if let start = open, item - start <= 12 {
                    for inner in (start + 1)..<item where items[inner].isPunctuation(";") {
                        roles[inner].clauseBreak = false
                    }
                }
                open = nil
            }
        }
    }

    /// Whether a "." belongs to an abbreviation ("e.g.", "i.e.") rather than ending a sentence.
    private func isAbbreviationDot(_ item: Int) -> Bool {
        guard items[item].text == "." else { return false }
        if item > 0, items[item - 1].kind == .word, Lexical.characterCount(of: items[item - 1].text, isAtMost: 2),
            !items[item].spaceBefore
        {
            return true
        }
        return false
    }

    // MARK: - Subjects

    /// The nearest item before `limit` holding a drug that may be a subject, within a window (a
    /// class mention appositive to a specific drug gives that drug: ``specificDrug(for:)``).
    ///
    /// - Parameters:
    ///   - limit: The item before which to search (a cue's start).
    ///   - window: How many items back to look.
    ///   - skip: Items that may not be subjects (arguments of the same construction).
    func nearestDrug(before limit: Int, window: Int = 24, skip: Set<Int> = []) -> Int? {
        var item = limit - 1
        let floor = max(0, limit - window)
        while item >= floor {
            if isClauseBreak(item) { return nil }
            if !skip.contains(item) {
                if drug(at: item) != nil { return specificDrug(for: item) }
                if isBlockingDrug(item) { return nil }
                // "other drugs that inhibit …": the relative clause's subject is generic (a
                // singular "an old drug that …" is an apposition to the drug before it).
                if items[item].isWord(Lexical.genericDrugs), items[item].text.hasSuffix("s"), item + 1 < limit,
                    items[item + 1].isWord(oneOf: ["that", "which"])
                {
                    return nil
                }
            }
            item -= 1
        }
        return nil
    }

    /// The first item after `start` holding a drug, within a few filler items.
    func drugAfter(_ start: Int, maxGap: Int = 3, skip: Set<Int> = []) -> Int? {
        var item = start
        var gap = 0
        while item < items.count, gap <= maxGap {
            if !skip.contains(item), drug(at: item) != nil { return item }
            let it = items[item]
            guard it.kind != .slot, !isClauseBreak(item),
                it.isWord(Lexical.fillers) || it.isPunctuation(",") || it.isWord(oneOf: ["oral", "intravenous", "low-dose"])
            else { return nil }
            gap += 1
            item += 1
        }
        return nil
    }

    /// The subject to use for a drug item: a class mention linked by copula or apposition to a
    /// specific drug before it stands for that drug ("Venlafaxine is a new antidepressant agent
    /// that inhibits …", "ketanserin, a serotonin antagonist, attenuated …").
    func specificDrug(for item: Int) -> Int {
        guard let index = drug(at: item), mentions[index].isClass, mentions[index].source != .anaphor else {
            return item
        }
        var cursor = item - 1
        while cursor >= max(0, item - 14) {
            if isClauseBreak(cursor) { break }
            if let other = drug(at: cursor), !mentions[other].isClass {
                return isApposed(cursor, to: item) ? cursor : item
            }
            cursor -= 1
        }
        return item
    }

    /// Whether a drug is said to be a class: "X is an oral anticoagulant", "X, a typical
    /// antipsychotic", "X is a selective serotonin reuptake inhibitor (SSRI)": a copula, or a
    /// comma and an article, then only words, class mentions and parentheses.
    func isApposed(_ drugItem: Int, to classItem: Int) -> Bool {
        guard drugItem < classItem, classItem - drugItem - 1 <= 10 else { return false }
        let gap = (drugItem + 1)..<classItem
        let words = gap.filter { items[$0].kind != .slot }.map { items[$0].text }
        let copula: Set<String> = ["is", "was", "are", "were", "as", "acts", "be", "being", "("]
        guard
            words.contains(where: copula.contains)
                || (words.first == "," && words.contains(where: { ["a", "an", "the"].contains($0) }))
        else { return false }
        for item in gap {
            let it = items[item]
            if it.kind == .slot {
                guard let index = drug(at: item), mentions[index].isClass else { return false }
            } else if isClauseBreak(item) || it.isWord(oneOf: ["that", "which", "and", "or", "but", "while"]) {
                return false
            }
        }
        return true
    }

    /// Drugs coordinated before a subject item ("X and Y are indicated for …"), nearest first,
    /// the subject itself included. With `overDoses`, a dose after a drug does not break the
    /// list: "X (10 mg/kg) and Z", "X 10 mg/kg and Z".
    func coordinatedDrugs(endingAt subject: Int, skip: Set<Int> = [], overDoses: Bool = false) -> [Int] {
        var result = [subject]
        var item = subject - 1
        while item >= 0 {
            var separator = false
            var cursor = item
            while cursor >= 0, items[cursor].kind != .slot {
                let it = items[cursor]
                if it.isPunctuation(",") || it.isWord(oneOf: ["and", "or", "plus", "with", "and/or", "/"]) {
                    separator = true
                } else if it.isWord(oneOf: ["in", "combination", "combined", "together"]) {
                    // "X in combination with Y"
                } else if overDoses, separator, it.isPunctuation(")"), let open = doseGroupStart(endingAt: cursor) {
                    cursor = open
                } else if overDoses, separator,
                    it.isWord(Self.doseUnits) || it.isPunctuation("/") || it.kind == .word && it.text.first?.isNumber == true
                {
                    // "X 10 mg/kg and Z"
                } else {
                    return result
                }
                cursor -= 1
                if subject - cursor > 6 + 2 * result.count { return result }
            }
            guard separator, cursor >= 0, !skip.contains(cursor), drug(at: cursor) != nil else { return result }
            result.append(cursor)
            item = cursor - 1
        }
        return result
    }

    /// Units of a dose after a drug: "10 mg/kg", "5 mg".
    static let doseUnits: WordSet = ["mg", "mg/kg", "g", "kg", "µg", "ug", "mcg", "ml", "mg/day", "mg/d", "iu", "units", "/", "i.p", "i.p."]

    /// The "(" of a parenthesized dose ending at `close` ("(10 mg/kg)"), holding only numbers,
    /// units and punctuation, no mention.
    private func doseGroupStart(endingAt close: Int) -> Int? {
        var cursor = close - 1
        var dosed = false
        while cursor >= 0, close - cursor <= 8 {
            let it = items[cursor]
            if it.isPunctuation("(") { return dosed ? cursor : nil }
            guard it.kind != .slot else { return nil }
            if it.kind == .word, it.text.first?.isNumber == true { dosed = true }
            cursor -= 1
        }
        return nil
    }

    /// The mention to report for a subject: the earliest mention of the same concept before
    /// `limit` in the sentence that may be a subject, preferring a lexicon mention to an anaphor.
    ///
    /// "This action helps …, making it a valuable adjunct therapy for …" reports "This action";
    /// "X's reach extends beyond its primary indication for Y" reports "X".
    func representative(of subjectItem: Int, before limit: Int) -> Int? {
        guard let chosen = drug(at: subjectItem) else { return nil }
        let id = mentions[chosen].id
        var bestLexicon: Int?
        var bestAnaphor: Int?
        for item in 0..<min(limit, items.count) where items[item].kind == .slot {
            guard let candidate = drug(at: item), mentions[candidate].id == id else { continue }
            if mentions[candidate].source == .anaphor {
                if bestAnaphor == nil { bestAnaphor = candidate }
            } else if bestLexicon == nil {
                bestLexicon = candidate
            }
        }
        return bestLexicon ?? bestAnaphor ?? chosen
    }

    /// The items of a range that lie outside parentheses opened within it, the parentheses
    /// themselves left out ("X (AMN082), the first" gives "X", ",", "the", "first").
    func indicesOutsideParentheses(_ range: Range<Int>) -> [Int] {
        var result: [Int] = []
        var depth = 0
        for item in range {
            if items[item].isPunctuation("(") {
                depth += 1
            } else if items[item].isPunctuation(")") {
                depth = max(0, depth - 1)
            } else if depth == 0 {
                result.append(item)
            }
        }
        return result
    }

    /// Whether a subject is linked to a noun cue or target noun that starts at `target`: every
    /// item between them is a link word (``Lexical/links``), an "-ly" adverb, an "-ed"
    /// participle after an adverb or article ("a widely used anticoagulant"), a hyphenated adjective, or lies inside parentheses ("X (AMN082), the first selective allosteric
    /// activator of"), and there are at most `window` of them. With `requireLink`, one of them
    /// must be a copula or "(" ("X is a …", "X (a …)"), or a comma with a determiner ("X, a …").
    func isLinked(_ subject: Int, to target: Int, window: Int = 10, requireLink: Bool = false) -> Bool {
        guard subject < target, target - subject - 1 <= window else { return false }
        if requireLink {
            // A drug right before a target names a ligand ("glutamate NMDA receptor"), and a
            // comma alone separates a list ("corticosteroids, TNF blocking agents"): a link is a
            // copula, a "(", or a comma with a determiner ("X, a …").
            let gap = ((subject + 1)..<target).filter { items[$0].kind != .slot }.map { items[$0].text }
            let copula: Set<String> = ["(", "is", "was", "are", "were", "as", "acts", "act", "be", "being"]
            let linked =
                gap.contains(where: copula.contains)
                || (gap.contains(",") && gap.contains(where: { ["a", "an", "the"].contains($0) }))
            guard linked else { return false }
        }
        for item in indicesOutsideParentheses((subject + 1)..<target) {
            let it = items[item]
            if it.kind == .slot { return false }
            if Lexical.links.contains(key: it.key, text: it.text) { continue }
            if it.kind == .word, !Lexical.characterCount(of: it.text, isAtMost: 4), it.text.hasSuffix("ly") { continue }
            if it.kind == .word, !Lexical.characterCount(of: it.text, isAtMost: 3), it.text.hasSuffix("ed"),
                items[item - 1].text.hasSuffix("ly") || items[item - 1].isWord(oneOf: ["a", "an", "the"])
            {
                continue  // "a widely used anticoagulant"
            }
            if it.kind == .word, it.text.contains("-") { continue }
            return false
        }
        return true
    }

    /// Whether an unclosed "(" lies between two items ("X, Y and Z (the opener of …)").
    func opensParenthesis(between start: Int, and end: Int) -> Int? {
        var open: [Int] = []
        for item in start..<min(end, items.count) {
            if items[item].isPunctuation("(") { open.append(item) }
            if items[item].isPunctuation(")"), !open.isEmpty { open.removeLast() }
        }
        return open.last
    }

    // MARK: - Objects

    /// The first object after a cue: scans forward over a gap of filler words and binds the
    /// first slot that `accept` takes; stops at adverse wording, clause breaks, a comma that
    /// does not introduce examples, or any refused slot of the object's kind.
    ///
    /// - Parameters:
    ///   - start: The first item after the cue.
    ///   - maxGap: The most items allowed between cue and object.
    ///   - accept: Returns the object mention of a slot, or nil.
    ///   - stopWords: More words that stop the scan.
    ///   - restricted: When set, only these words (and fillers) may be in the gap.
    func firstObject(
        after start: Int,
        maxGap: Int,
        accept: (Int) -> Int?,
        stopWords: Set<String> = [],
        restricted: WordSet? = nil
    ) -> Int? {
        var item = start
        var gap = 0
        while item < items.count, gap <= maxGap {
            let it = items[item]
            if it.kind == .slot {
                if accept(item) != nil { return item }
                // "cisplatin-induced nausea": the modifier belongs to the next object.
                if isModifier(item) {
                    item += 3
                    gap += 3
                    continue
                }
            } else {
                if isClauseBreak(item) || it.isWord(Lexical.adverse) || it.isWord(stopWords) { return nil }
                if it.kind == .punctuation {
                    switch it.text {
                    case ",":
                        guard item + 1 < items.count, items[item + 1].isWord(Lexical.introducers) else { return nil }
                    case "-", "(", ")", "/": break
                    default: return nil
                    }
                }
                if let restricted, it.kind == .word, !restricted.contains(item: it), !Lexical.fillers.contains(key: it.key, text: it.text) {
                    return nil
                }
            }
            gap += 1
            item += 1
        }
        return nil
    }

    /// A list of objects starting at `first`: "migraines and chronic tension headaches",
    /// "conditions like A, B, and certain types of C". Same-concept items (an abbreviation in
    /// parentheses) are skipped.
    ///
    /// - Returns: The items of the list, `first` included, and the item after the list.
    func expandList(from first: Int, accept: (Int) -> Int?) -> (items: [Int], end: Int) {
        var result = [first]
        var lastID = accept(first).map { mentions[$0].id }
        var item = first + 1
        while item < items.count {
            var cursor = item
            while cursor < items.count, items[cursor].isWord(Lexical.heads) { cursor += 1 }
            var separator = false
            var fillers = 0
            while cursor < items.count, items[cursor].kind != .slot {
                let it = items[cursor]
                if it.isWord(Lexical.listSeparators)
                    || (it.kind == .punctuation && Lexical.listSeparators.contains(key: it.key, text: it.text))
                {
                    separator = true
                } else if it.isWord(Lexical.fillers) || it.isWord(Lexical.heads) {
                    fillers += 1
                    if fillers > 4 { break }
                } else {
                    break
                }
                cursor += 1
            }
            guard separator, cursor < items.count, items[cursor].kind == .slot, let next = accept(cursor) else { break }
            if mentions[next].id != lastID {
                result.append(cursor)
                lastID = mentions[next].id
            }
            item = cursor + 1
        }
        return (result, item)
    }

    /// A list of objects ending at `last`, read backwards ("migraine and tension headache can be
    /// prevented with …"), nearest first.
    func expandListBackward(from last: Int, accept: (Int) -> Int?) -> [Int] {
        var result = [last]
        var item = last - 1
        while item >= 0 {
            var cursor = item
            var separator = false
            var fillers = 0
            while cursor >= 0, items[cursor].kind != .slot {
                let it = items[cursor]
                if it.isPunctuation(",") || it.isWord(oneOf: ["and", "or", "and/or", "/"]) {
                    separator = true
                } else if it.isWord(Lexical.fillers) {
                    fillers += 1
                    if fillers > 3 { return result }
                } else {
                    return result
                }
                cursor -= 1
            }
            guard separator, cursor >= 0, accept(cursor) != nil else { return result }
            result.append(cursor)
            item = cursor - 1
        }
        return result
    }

    // MARK: - Context on a path

    /// Whether a negation cue lies in the items of a range: a negation word ("not only" and words
    /// inside a pseudo-cue such as "no increase" excepted) or a context-stage cue of category
    /// `negated`.
    func hasNegation(in range: Range<Int>) -> Bool {
        let range = range.clamped(to: items.indices)
        for item in range where items[item].isWord(Lexical.negation) {
            if items[item].text == "not", item + 1 < items.count, items[item + 1].isWord(oneOf: ["only", "just", "merely"]) {
                continue
            }
            if inPseudoCue(item) { continue }
            return true
        }
        return hasCue(of: [.negated], in: range)
    }

    /// Whether a relation between two mentions is negated: either mention is, or a negation cue
    /// lies on the path between them.
    func isNegated(_ subject: Mention, _ object: Mention, path: Range<Int>) -> Bool {
        subject.negated || object.negated || hasNegation(in: path)
    }

    /// Whether a relation between two mentions is hedged: either mention is hedged or hypothetical,
    /// or a hedging cue lies on the path between them.
    func isHedged(_ subject: Mention, _ object: Mention, path: Range<Int>) -> Bool {
        subject.hedged || object.hedged || subject.hypothetical || object.hypothetical || hasHedge(in: path)
    }

    /// Whether a hedging cue lies in the items of a range: a hedge word or a context-stage cue of
    /// category `hedged` or `hypothetical`.
    func hasHedge(in range: Range<Int>) -> Bool {
        let range = range.clamped(to: items.indices)
        if range.contains(where: { items[$0].kind == .word && Lexical.isHedge(items[$0]) && !inPseudoCue($0) }) {
            return true
        }
        return hasCue(of: [.hedged, .hypothetical], in: range)
    }

    /// Whether a context-stage cue of one of the categories lies within the bytes of a range of items.
    /// A cue inside a mention is part of its name, not a cue ("NO" of "NO synthase inhibitors").
    private func hasCue(of categories: Set<ContextCategory>, in range: Range<Int>) -> Bool {
        guard !cues.isEmpty, let first = range.first, let last = range.last else { return false }
        let start = items[first].start
        let end = items[last].end
        return cues.contains { cue in
            guard categories.contains(cue.category), cue.start >= start, cue.end <= end else { return false }
            return !range.contains { items[$0].kind == .slot && items[$0].start <= cue.start && cue.end <= items[$0].end }
        }
    }

    /// Whether an item lies inside a pseudo-cue of the context stage ("no increase", "not only").
    private func inPseudoCue(_ item: Int) -> Bool {
        cues.contains { $0.category == .pseudo && $0.start <= items[item].start && items[item].end <= $0.end }
    }

    /// Whether the sentence holds a caution word (weak rules stay silent there).
    var hasCaution: Bool {
        view.items.withUnsafeBufferPointer { items in
            for index in items.indices where items[index].kind == .word {
                if Lexical.caution.contains(key: items[index].key, text: items[index].text) { return true }
            }
            for index in items.indices where items[index].byteCount == 3 && items[index].text == "not" {
                if index + 1 < items.count, items[index + 1].isWord(oneOf: ["recommended", "advised"]) { return true }
            }
            return false
        }
    }

    /// The first item of the clause holding `item` (after the last ";" or clause break before it).
    func clauseStart(of item: Int) -> Int {
        var cursor = min(item, items.count) - 1
        while cursor >= 0 {
            if items[cursor].kind == .punctuation, items[cursor].text == ";" { return cursor + 1 }
            cursor -= 1
        }
        return 0
    }
}
