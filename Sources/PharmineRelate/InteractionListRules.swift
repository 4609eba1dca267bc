import PharmineCore

/// The broader interaction rules of drug labels: changed effects ("X may decrease the efficacy
/// of Y", "X may interfere with Y"), cautions ("X should be used with caution in patients
/// receiving Y") and the lists of "Drugs that may increase the effects of X include: A, B, C".
/// Second arguments are read as loose lists (``InteractionRules/looseList(from:)``).
extension InteractionRules {
    /// Words between list items: separators and words that introduce examples.
    private static let looseSeparators: WordSet = [
        ",", "and", "or", "and/or", "/", "(", ")", ":", "such", "as", "like", "including", "include", "includes",
        "e.g.", "e.g", "eg", "e", "g", "i.e.", "i.e", "ie", "i", "especially", "particularly", "namely", "notably",
        "plus", "other", "others", "etc", "etc.", "certain", "some", "various", "all", "the", "a", "an", "also",
        "with", "either", "both", "nor", "of", "those", "these",
    ]

    /// Words that end a loose list: verbs, modals, subordinators and prepositions of a new phrase.
    private static let looseStops: WordSet = [
        "may", "might", "can", "could", "should", "must", "will", "would", "is", "are", "was", "were", "be",
        "been", "being", "has", "have", "had", "do", "does", "did", "which", "that", "who", "whom", "whose",
        "because", "since", "when", "while", "if", "unless", "due", "resulting", "leading", "than", "compared",
        "after", "before", "during", "in", "on", "at", "for", "to", "by", "from", "into", "without", "within",
        "patients", "patient", "but", "however", "although", "whereas", "not", "no", "there",
    ]

    /// A list of partners starting at `first`, read loosely: items may be joined by commas,
    /// "and", "or", parentheses and example words ("such as", "e.g."), and a list item may hold
    /// up to three unrecognised words ("magnesium salts", "HIV drugs classified as protease
    /// inhibitors"). The list ends at a hard break, a verb, a preposition of a new phrase, or a
    /// drug that begins a new statement ("…, and Z decreases …").
    ///
    /// - Parameters:
    ///   - first: The first partner.
    ///   - semicolons: Whether ";" separates items (a list after "include:").
    func looseList(from first: Int, semicolons: Bool = false) -> [Int] {
        var result = [first]
        var item = first + 1
        var words = 0
        var separated = false
        while item < items.count {
            let it = items[item]
            if semicolons, it.isPunctuation(";") {
                separated = true
                words = 0
                item += 1
                continue
            }
            // "such as, but not limited to, A": the hedge of a list is no clause break.
            if it.isWord(oneOf: ["but"]), item + 3 < items.count, items[item + 1].isWord(oneOf: ["not"]),
                items[item + 2].isWord(oneOf: ["limited"]), items[item + 3].isWord(oneOf: ["to"])
            {
                separated = true
                words = 0
                item += 4
                continue
            }
            // "e.g." and "etc." written with a dot that the sentence view keeps apart.
            let abbreviationDot =
                it.isPunctuation(".") && item > 0
                && items[item - 1].isWord(oneOf: ["e.g", "i.e", "eg", "ie", "etc", "e", "g", "i", "vs"])
            if analysis.isClauseBreak(item), !abbreviationDot { break }
            switch it.kind {
            case .slot:
                if partner(at: item) != nil {
                    // "…, and Z decreases the levels of W": Z begins a new statement.
                    if item + 1 < items.count, items[item + 1].kind == .word, Self.verbs[item: items[item + 1]] != nil {
                        return result
                    }
                    if separated || items[item - 1].isPunctuation("(") { result.append(item) }
                    separated = false
                    words = 0
                } else {
                    words += 1
                }
            case .punctuation:
                guard Self.looseSeparators.contains(item: it) || it.text == "*" || it.text == "-" || abbreviationDot
                else { return result }
                separated = separated || it.text != "*" && it.text != "-"
                words = 0
            case .word:
                if it.isWord(Self.looseStops) || Self.verbs[item: it] != nil {
                    // "A and other drugs that are highly protein bound, B, C": the list goes on
                    // after the relative clause.
                    guard let comma = relativeClauseEnd(at: item) else { return result }
                    item = comma
                    continue
                }
                if Self.looseSeparators.contains(item: it) {
                    if !["the", "a", "an", "of", "certain", "some", "various", "all", "those", "these"].contains(it.text) {
                        separated = true
                    }
                    words = 0
                } else {
                    words += 1
                    if words > 3 { return result }
                }
            }
            item += 1
        }
        return result
    }

    /// The comma that ends a relative clause inside a list ("A and other drugs that are highly
    /// protein bound, B, C"): the clause opens at `item` with "that" or "which", holds no partner
    /// and no clause break within ten items, and a partner follows the comma (over "and", "or").
    private func relativeClauseEnd(at item: Int) -> Int? {
        guard items[item].isWord(oneOf: ["that", "which"]) else { return nil }
        var cursor = item + 1
        while cursor < items.count, cursor - item <= 10 {
            if items[cursor].isPunctuation(",") { break }
            if analysis.isClauseBreak(cursor) || partner(at: cursor) != nil { return nil }
            cursor += 1
        }
        guard cursor < items.count, cursor - item <= 10, cursor > item + 1 else { return nil }
        var next = cursor + 1
        if next < items.count, items[next].isWord(oneOf: ["and", "or"]) { next += 1 }
        guard next < items.count, partner(at: next) != nil else { return nil }
        return cursor
    }

    /// Words that separate the items of a list read backwards.
    private static let backwardSeparators: WordSet = [
        ",", "and", "or", "and/or", "/", "(", ")", "[", "]", "such", "as", "e.g.", "e.g", "eg", "e", "g", "i.e.",
        "i.e", "including", "like", "especially", "particularly", "other", "others", "etc", "etc.",
    ]

    /// Words inside a list item read backwards that separate nothing ("the", "certain").
    private static let backwardFillers: WordSet = [
        "the", "a", "an", "certain", "some", "various", "all", "both", "either", "also", "oral", "systemic",
        "potent", "strong", "moderate", "weak", "known",
    ]

    /// A list of partners ending at `last`, read backwards as loosely as ``looseList(from:semicolons:)``
    /// reads forwards: "NSAIDs, salicylates, and non-selective beta-blockers may …", "drugs such
    /// as A, B (C, D) should …". Items may hold up to three unknown words; a verb, a preposition
    /// of a new phrase or a clause break ends it. In sentence order.
    func looseListBackward(endingAt last: Int) -> [Int] {
        var result = [last]
        var item = last - 1
        var words = 0
        var separated = false
        while item >= 0 {
            let it = items[item]
            let abbreviationDot =
                it.isPunctuation(".") && item > 0 && items[item - 1].isWord(oneOf: ["e.g", "i.e", "eg", "ie", "etc", "e", "g", "i"])
            if analysis.isClauseBreak(item), !abbreviationDot { break }
            switch it.kind {
            case .slot:
                if separated, partner(at: item) != nil {
                    result.append(item)
                    separated = false
                    words = 0
                } else {
                    words += 1
                    if words > 3 { return result.sorted() }
                }
            case .punctuation:
                guard Self.backwardSeparators.contains(item: it) || abbreviationDot || it.text == "-" else {
                    return result.sorted()
                }
                if it.text != "-" {
                    separated = true
                    words = 0
                }
            case .word:
                if it.isWord(Self.looseStops) || Self.verbs[item: it] != nil || it.isWord(oneOf: ["with", "of", "by", "to"]) {
                    return result.sorted()
                }
                if it.isWord(Self.backwardSeparators) {
                    separated = true
                    words = 0
                } else if !it.isWord(Self.backwardFillers) {
                    words += 1
                    if words > 3 { return result.sorted() }
                }
            }
            item -= 1
        }
        return result.sorted()
    }

    /// The first partner after `start` when a list may open with generic words ("certain drugs
    /// including", "the following medications:", "other CNS depressants such as").
    func listHead(after start: Int, window: Int = 8) -> Int? {
        var item = start
        var limit = start + window
        while item < items.count, item <= limit {
            // "such as, but not limited to, A": the hedge does not count against the window.
            if items[item].isWord(oneOf: ["but"]), item + 3 < items.count, items[item + 1].isWord(oneOf: ["not"]),
                items[item + 2].isWord(oneOf: ["limited"]), items[item + 3].isWord(oneOf: ["to"])
            {
                item += 4
                limit += 4
                continue
            }
            if analysis.isClauseBreak(item) { return nil }
            let it = items[item]
            if it.kind == .slot {
                if partner(at: item) != nil { return item }
                if analysis.isBlockingDrug(item) {
                    item += 1
                    continue  // "drugs", "agents"
                }
                return nil
            }
            if it.kind == .word, it.isWord(Self.looseStops) || Self.verbs[item: it] != nil { return nil }
            if it.kind == .word, !it.isWord(Self.looseSeparators), !it.isWord(Lexical.fillers),
                !it.isWord(Lexical.genericDrugs), !it.isWord(oneOf: ["following", "listed", "below", "drug", "concomitant"])
            {
                return nil
            }
            item += 1
        }
        return nil
    }

    /// The drug a class mention names by apposition ("the oral anticoagulant warfarin" gives
    /// warfarin), or the item itself.
    func namedDrug(_ item: Int) -> Int {
        guard let index = analysis.mention(at: item, type: .drug), analysis.mentions[index].isClass,
            item + 1 < items.count, partner(at: item + 1) != nil
        else { return item }
        return item + 1
    }

    /// The drug subject of a verb: the nearest partner before it, the drug for a class in
    /// apposition ("Tetracycline, a bacteriostatic antibiotic, may antagonize …"); none when a
    /// generic head owns the verb ("drugs that alter platelet function", "Y: Agents with … may
    /// enhance").
    func subject(before verb: Int, window: Int) -> Int? {
        guard let nearest = nearestPartner(before: verb, window: window) else { return nil }
        let path = (nearest + 1)..<verb
        if path.contains(where: { items[$0].isWord(Lexical.genericDrugs) }),
            path.contains(where: { items[$0].isWord(oneOf: ["that", "which"]) || items[$0].isPunctuation(":") })
        {
            return nil
        }
        return analysis.specificDrug(for: nearest)
    }

    // MARK: - "X may decrease the efficacy of Y", "X interferes with Y"

    /// Verbs that change the effect of another drug, with the direction of the change.
    private static let effectVerbs: WordMap<Bool> = {
        var verbs: [String: Bool] = [:]
        for stem in ["increase", "enhance", "potentiate", "augment", "intensify", "prolong", "accentuate", "exaggerate"] {
            for form in forms(of: stem) { verbs[form] = true }
        }
        for stem in [
            "decrease", "reduce", "diminish", "antagonize", "antagonise", "counteract", "block", "blunt", "impair",
            "attenuate", "reverse", "abolish", "oppose", "inhibit", "lower", "weaken", "shorten", "negate", "delay",
        ] {
            for form in forms(of: stem) { verbs[form] = false }
        }
        return WordMap(verbs)
    }()

    /// Verbs that say an effect is changed without a direction ("interferes with", "alters").
    private static let neutralVerbs: WordSet = [
        "interfere", "interferes", "interfered", "interfering", "alter", "alters", "altered", "altering", "affect",
        "affects", "affected", "affecting", "modify", "modifies", "modified",
    ]

    /// The words of `effectVerbs` and `neutralVerbs`, of which `changedEffects` needs one.
    private static let changedEffectsBits = WordBits(Array(neutralVerbs) + effectVerbs.keys)

    private static func forms(of stem: String) -> [String] {
        let base = stem.hasSuffix("e") ? String(stem.dropLast()) : stem
        let tail = stem.hasSuffix("y") ? String(stem.dropLast()) + "ies" : stem + "s"
        return [stem, tail, base + "ed", base + "ing"]
    }

    /// Nouns of a drug's effect ("the hypoglycemic action of", "the efficacy of").
    private static let effectHeads: WordSet = [
        "effect", "effects", "action", "actions", "efficacy", "effectiveness", "activity", "activities", "response",
        "responses", "toxicity", "potency", "duration", "blockade", "properties", "influence", "benefit",
        "benefits", "availability", "responsiveness", "sensitivity", "nephrotoxicity", "ototoxicity", "potential",
        "cardiotoxicity", "hepatotoxicity", "neurotoxicity",
    ]

    /// Nouns of a drug's pharmacokinetics ("the absorption of", "the renal excretion of").
    private static let kineticHeads: WordSet = [
        "absorption", "excretion", "secretion", "elimination", "clearance", "metabolism", "bioavailability",
        "concentrations", "concentration", "levels", "level", "exposure", "auc", "cmax", "half-life", "uptake",
        "binding", "distribution", "disposition", "pharmacokinetics", "rate",
    ]

    func changedEffects(into collector: inout TripleCollector) {
        guard analysis.mayHave(Self.changedEffectsBits) else { return }
        for verb in items.indices where items[verb].kind == .word {
            // Probed by the item's key: the text is read only on a key hit.
            let neutral = Self.neutralVerbs.contains(item: items[verb])
            guard neutral || Self.effectVerbs[item: items[verb]] != nil else { continue }
            // A passive participle is the passive rule's ("is enhanced by").
            if verb + 1 < items.count, items[verb + 1].isWord(oneOf: ["by"]) { continue }
            if verb > 0, items[verb - 1].isWord(oneOf: ["be", "is", "are", "was", "were", "been"]) { continue }
            guard let first = subject(before: verb, window: 12) else { continue }
            var cursor = verb + 1
            var found: (second: Int, head: String?)?
            if neutral, cursor < items.count, items[cursor].isWord(oneOf: ["with"]) { cursor += 1 }
            var head: String?
            var reached: [Int]?
            while cursor < items.count, cursor - verb <= 9, found == nil {
                if analysis.isClauseBreak(cursor) { break }
                let it = items[cursor]
                if it.kind == .slot {
                    // "the antihypertensive effect of Y": a class adjective names the effect.
                    if cursor + 2 < items.count, items[cursor + 1].isWord(Self.effectHeads),
                        items[cursor + 2].isWord(oneOf: ["of", "to"])
                    {
                        head = items[cursor + 1].text
                        cursor += 1
                        continue
                    }
                    // "the effects of the oral anticoagulant warfarin": a class before the drug it names.
                    if let index = analysis.mention(at: cursor, type: .drug), analysis.mentions[index].isClass,
                        cursor + 1 < items.count, partner(at: cursor + 1) != nil,
                        (max(verb + 1, cursor - 3)..<cursor).contains(where: { items[$0].isWord(oneOf: ["of"]) })
                    {
                        found = (cursor + 1, head)
                        break
                    }
                    // "enhance the toxicity of Y": a condition named as the effect.
                    if partner(at: cursor) == nil, analysis.mention(at: cursor, type: .condition) != nil,
                        items[cursor].text.hasSuffix("toxicity"), cursor + 1 < items.count, items[cursor + 1].isWord(oneOf: ["of"])
                    {
                        head = "toxicity"
                        cursor += 1
                        continue
                    }
                    // "interfere with the absorption of drugs whose …, e.g. A, B": a described group.
                    if partner(at: cursor) == nil, head != nil, analysis.isBlockingDrug(cursor), items[cursor - 1].isWord(oneOf: ["of"]) {
                        let group = reachList(after: cursor)
                        if let first = group.first {
                            reached = group
                            found = (first, head)
                        }
                        break
                    }
                    // "attenuate the hypotension caused by Y", "potassium loss induced by Y": an
                    // event of the other drug, skipped to its cause.
                    if partner(at: cursor) == nil, causedBy(within: (cursor + 1)..<min(items.count, cursor + 4)) != nil {
                        cursor += 1
                        continue
                    }
                    guard partner(at: cursor) != nil else { break }
                    let next = cursor + 1 < items.count ? items[cursor + 1] : nil
                    // "a decrease in anticonvulsant effect", "increased anticoagulant effects": a
                    // class adjective names the effect, not a partner.
                    if let index = analysis.mention(at: cursor, type: .drug), analysis.mentions[index].isClass,
                        next?.isWord(Self.effectHeads) == true
                    {
                        break
                    }
                    // "reduce aspirin's effect", "increase citalopram AUC", "the effects of X"
                    let after = next.map { $0.isWord(Self.effectHeads) || $0.isWord(Self.kineticHeads) } ?? false
                    // "the response to Y", "arterial responsiveness to Y"
                    if items[cursor - 1].isWord(oneOf: ["of", "with"]) || after || neutral
                        || (head != nil && items[cursor - 1].isWord(oneOf: ["to"]))
                    {
                        found = (cursor, head ?? (after ? next?.text : nil))
                    } else if cursor + 2 < items.count, items[cursor + 2].isWord(Self.effectHeads) {
                        found = (cursor, items[cursor + 2].text)  // "aspirins anti-inflammatory action"
                    }
                    break
                }
                if it.kind == .word {
                    // "the hypotension caused by Y": Y's event.
                    if let by = causedBy(within: cursor..<(cursor + 1)), let second = partnerAfter(by + 1, maxGap: 3) {
                        found = (second, head ?? "effect")
                        break
                    }
                    if it.isWord(Self.looseStops) && !it.isWord(oneOf: ["in", "on"]) && !(head != nil && it.isWord(oneOf: ["to"])) { break }
                    if Self.verbs[it.text] != nil && cursor > verb + 1 { break }
                    if head != nil, it.isWord(oneOf: ["drugs", "medications", "agents"]), items[cursor - 1].isWord(oneOf: ["of"]) {
                        let group = reachList(after: cursor)
                        if let first = group.first {
                            reached = group
                            found = (first, head)
                        }
                        break
                    }
                    if it.isWord(Self.effectHeads) || it.isWord(Self.kineticHeads) {
                        // "increases the levels of Y" is pharmacology unless the levels are plasma, serum or blood levels.
                        if it.text.hasPrefix("level"), !hasModifier(before: cursor) { break }
                        head = it.text
                    }
                } else if !it.isPunctuation("-") && !it.isPunctuation("(") && !it.isPunctuation(")") {
                    break
                }
                cursor += 1
            }
            guard let found else { continue }
            // "X increases the risk of …" without an effect noun or "with": no interaction.
            guard found.head != nil || neutral || items[found.second - 1].isWord(oneOf: ["of"]) else { continue }
            let increase = Self.effectVerbs[item: items[verb]]
            let qualifier: String?
            if let head = found.head, Self.kineticHeads.contains(head) {
                if ["metabolism"].contains(head) {
                    qualifier = increase == true ? "metabolic_induction" : increase == false ? "metabolic_inhibition" : nil
                } else if ["clearance", "elimination", "excretion", "secretion"].contains(head) {
                    qualifier = increase == true ? "decreases_exposure" : increase == false ? "increases_exposure" : nil
                } else if ["absorption", "bioavailability", "uptake"].contains(head) || head.hasPrefix("conc")
                    || head.hasPrefix("level") || ["exposure", "auc", "cmax"].contains(head)
                {
                    qualifier = increase == true ? "increases_exposure" : increase == false ? "decreases_exposure" : nil
                } else {
                    qualifier = nil
                }
            } else if found.head != nil {
                qualifier = increase == true ? "increases_effect" : increase == false ? "decreases_effect" : nil
            } else {
                qualifier = nil
            }
            let seconds = reached ?? looseList(from: found.second)
            for subject in subjects(firstList(endingAt: first), of: seconds, before: verb) {
                for second in seconds {
                    emit(
                        first: subject,
                        second: second,
                        rule: "effect_changed",
                        base: 0.75,
                        qualifier: qualifier,
                        into: &collector
                    )
                }
            }
        }
    }

    /// The "by" of "caused by", "induced by", "produced by" whose participle lies in `range`.
    private func causedBy(within range: Range<Int>) -> Int? {
        for index in range where index + 1 < items.count && items[index].isWord(oneOf: ["caused", "induced", "produced"]) {
            if items[index + 1].isWord(oneOf: ["by"]) { return index + 1 }
        }
        return nil
    }

    // MARK: - "X should be used with caution in patients receiving Y"

    /// The words that may lie between a caution cue and the other drug.
    private static let cautionGap: WordSet = [
        "in", "patients", "patient", "who", "are", "is", "were", "being", "receiving", "taking", "treated", "with",
        "on", "using", "given", "concomitant", "concomitantly", "concurrent", "concurrently", "other", "drugs",
        "the", "a", "an", "any", "to", "when", "used", "administered", "coadministered", "co-administered", "for",
        "use", "therapy", "combination", "together", "along", "already", "currently", "medications",
        "also", "those", "such", "as", "of", "either", "conjunction", "(", "e.g.", "e.g", "eg", "e", "g", ".",
        "including",
    ]

    func cautions(into collector: inout TripleCollector) {
        for cue in items.indices where items[cue].kind == .word {
            let qualifier: String
            if items[cue].isWord(oneOf: ["caution", "cautiously", "carefully"]) {
                qualifier = "monitor"
            } else if items[cue].isWord(oneOf: ["recommended"]), cue > 0, items[cue - 1].isWord(oneOf: ["not"]) {
                qualifier = "contraindicated"
            } else {
                continue
            }
            // "X should be used with caution in patients receiving Y", or the drug after the cue:
            // "caution should be exercised when administering X with Y".
            // A heading before the cue ("Oral Anticoagulants Caution should be exercised when A is
            // given with B") is no subject.
            let before = nearestPartner(before: cue, window: 10).flatMap { isHeading($0) ? nil : $0 }
            guard let first = before ?? cautionSubject(after: cue) else { continue }
            let anchor = max(cue, first)
            var cursor = anchor + 1
            var linked = false
            var linkEnd = cursor
            var second: Int?
            while cursor < items.count, cursor - anchor <= 10 {
                if analysis.isClauseBreak(cursor) { break }
                let it = items[cursor]
                if it.kind == .slot {
                    if linked, partner(at: cursor) != nil { second = cursor }
                    break
                }
                if it.isWord(oneOf: ["with", "receiving", "taking", "on", "using", "treated", "concomitantly"]) {
                    linked = true
                    linkEnd = cursor + 1
                }
                guard it.isWord(Self.cautionGap) || (it.kind == .punctuation && Self.cautionGap.contains(item: it))
                    || it.isPunctuation(",")
                else { break }
                cursor += 1
            }
            // "with drugs that prolong the interval (e.g., A, B)": the examples of a generic head.
            let seconds = second.map { looseList(from: $0) } ?? (linked ? reachList(after: linkEnd) : [])
            guard !seconds.isEmpty else { continue }
            for subject in firstList(endingAt: first) {
                for other in seconds {
                    emit(first: subject, second: other, rule: "caution", base: 0.75, qualifier: qualifier, into: &collector)
                }
            }
        }
    }

    /// The words between a caution cue and the first drug of the advice ("caution should be
    /// exercised when administering X", "caution is advised in the co-administration of X").
    private static let cautionLead: WordSet = [
        "should", "must", "be", "is", "are", "used", "exercised", "observed", "taken", "recommended", "advised",
        "indicated", "necessary", "required", "warranted", "when", "if", "in", "the", "administering", "using",
        "giving", "prescribing", "taking", "co-administering", "coadministering", "combining", "or",
        "co-administration", "coadministration", "concomitant", "concurrent", "use", "administration", "of", "an",
        "a", "any", "particular", "extreme", "great", "special",
    ]

    /// The first drug after a caution cue over lead words only, when a conditional word ("when",
    /// "if", "in") is among them.
    private func cautionSubject(after cue: Int) -> Int? {
        var cursor = cue + 1
        var conditional = false
        while cursor < items.count, cursor - cue <= 10 {
            if analysis.isClauseBreak(cursor) { return nil }
            let it = items[cursor]
            if it.kind == .slot { return conditional && partner(at: cursor) != nil ? cursor : nil }
            guard it.isWord(Self.cautionLead) else { return nil }
            if it.isWord(oneOf: ["when", "if", "in"]) { conditional = true }
            cursor += 1
        }
        return nil
    }

    // MARK: - "Drugs that may increase the plasma levels of X include: A, B, C"

    /// Words of the subject of a list sentence that make it an interaction statement.
    private static let listCues: WordSet = [
        "interact", "interacts", "interaction", "interactions", "effect", "effects", "action", "activity",
        "response", "efficacy", "levels", "concentrations", "concentration", "clearance", "metabolism",
        "absorption", "potentiate", "potentiated", "enhance", "enhanced", "impaired",
    ]

    func includedLists(into collector: inout TripleCollector) {
        for marker in items.indices {
            let it = items[marker]
            let opens: Bool
            if it.isWord(oneOf: ["include", "includes"]) {
                opens = true
            } else if it.isPunctuation(":"), marker > 0,
                items[marker - 1].isWord(oneOf: ["are", "include", "includes"])
                    || (max(0, marker - 3)..<marker).contains(where: { items[$0].isWord(oneOf: ["following"]) })
            {
                opens = true
            } else {
                opens = false
            }
            guard opens, marker > 0 else { continue }
            // The subject clause: from the sentence (or heading) start to the marker.
            var start = marker - 1
            while start > 0, !analysis.isClauseBreak(start - 1), !items[start - 1].isPunctuation(":") { start -= 1 }
            let subject = start..<marker
            guard
                subject.contains(where: {
                    items[$0].isWord(Self.listCues) || Self.verbs[item: items[$0]] != nil
                        || Self.effectVerbs[item: items[$0]] != nil
                })
            else { continue }
            // The anchor is the drug the cue is about ("… increase plasma levels of X are the
            // following:"); without one after the cue, the drugs of the subject.
            let cue = subject.first {
                items[$0].isWord(Self.listCues) || Self.verbs[item: items[$0]] != nil
                    || Self.effectVerbs[item: items[$0]] != nil
            }
            let all = subject.filter { partner(at: $0) != nil }
            let after = all.filter { $0 > (cue ?? marker) }
            // Before the cue, a class describes the listed drugs ("Agents that are CYP3A4
            // inhibitors that increase …"): no anchor.
            let anchors =
                after.isEmpty
                ? all.filter { analysis.mention(at: $0, type: .drug).map { !analysis.mentions[$0].isClass } ?? true }
                : after
            // The list may open with a word we do not know ("include: adrenal steroids; A; B").
            guard !anchors.isEmpty,
                let head = listHead(after: marker + 1, window: 6)
                    ?? ((marker + 1)..<min(items.count, marker + 5)).first(where: { partner(at: $0) != nil })
            else { continue }
            let members = looseListToEnd(from: head)
            let qualifier = listQualifier(subject)
            for anchor in anchors {
                for member in members {
                    emit(first: anchor, second: member, rule: "listed", base: 0.75, qualifier: qualifier, into: &collector)
                }
            }
        }
    }

    /// The qualifier a list's subject states: "Drugs that may increase the plasma levels of X
    /// include" gives increases_exposure, "Drugs that may decrease the effect of X include"
    /// decreases_effect; none for "Drugs that interact with X include".
    private func listQualifier(_ subject: Range<Int>) -> String? {
        guard let verb = subject.first(where: { Self.verbs[item: items[$0]] != nil || Self.effectVerbs[item: items[$0]] != nil })
        else { return nil }
        let text = items[verb].text
        let increase = Self.effectVerbs[text] ?? (Self.verbs[text] == .increase || Self.verbs[text] == .induce)
        for noun in (verb + 1)..<subject.upperBound where items[noun].kind == .word {
            let word = items[noun].text
            if word.hasPrefix("metabol") {
                return increase ? "metabolic_induction" : "metabolic_inhibition"
            }
            if ["clearance", "elimination", "excretion"].contains(word) {
                return increase ? "decreases_exposure" : "increases_exposure"
            }
            if Self.kineticHeads.contains(word) { return increase ? "increases_exposure" : "decreases_exposure" }
            if Self.effectHeads.contains(word) { return increase ? "increases_effect" : "decreases_effect" }
        }
        return nil
    }

    /// Every partner from `first` to the end of the sentence ("include: A; B; C (D, E), and F").
    private func looseListToEnd(from first: Int) -> [Int] {
        (first..<items.count).filter { partner(at: $0) != nil }
    }

    // MARK: - "the dose of X should be reduced when … Y", "X should be taken two hours before Y"

    /// Words that say a dose is changed.
    private static let doseChanges: WordSet = [
        "adjustment", "adjustments", "adjust", "adjusted", "reduction", "reduced", "reduce", "lowered", "halved",
        "modification", "modified", "titration", "titrated",
    ]

    func doseAdvice(into collector: inout TripleCollector) {
        for dose in items.indices where items[dose].isWord(oneOf: ["dose", "doses", "dosage", "dosing", "dosages"]) {
            // "the dose of X", "dosage adjustment of X", "dose reduction of X"
            var cursor = dose + 1
            if cursor < items.count, items[cursor].isWord(Self.doseChanges) { cursor += 1 }
            guard cursor < items.count, items[cursor].isWord(oneOf: ["of", "for"]),
                let adjusted = partnerAfter(cursor + 1, maxGap: 2)
            else { continue }
            let clause = analysis.clauseStart(of: dose)..<clauseEnd(after: adjusted)
            // The change must be said of the dose: "dose adjustment of X", "the dose of X should be reduced".
            let near = max(0, dose - 2)..<min(items.count, adjusted + 6)
            guard near.contains(where: { items[$0].isWord(Self.doseChanges) }) else { continue }
            // The other drug: the nearest before the dose phrase, else the first after it.
            // Of another drug: "when A is given to a patient receiving B, the dosage of B should
            // be reduced" pairs A with B.
            let adjustedID = partner(at: adjusted).map { analysis.mentions[$0].id }
            func isOther(_ item: Int) -> Bool {
                guard let index = partner(at: item) else { return false }
                return analysis.mentions[index].id != adjustedID
            }
            var before: Int?
            var back = dose - 1
            while back >= max(0, dose - 16), before == nil, !analysis.isClauseBreak(back) {
                if isOther(back) { before = back }
                back -= 1
            }
            let other = before ?? clause.first(where: { $0 > adjusted + 1 && isOther($0) })
            guard let other else { continue }
            emit(first: other, second: adjusted, rule: "dose_adjustment", base: 0.75, qualifier: "dose_adjustment", into: &collector)
        }
        // "X should be taken at least one hour before or four hours after Y"
        for timing in items.indices where items[timing].isWord(oneOf: ["before", "after", "prior"]) {
            // "prior to dosing with Y", "before the administration of Y"
            var start = timing + 1
            while start < items.count, start - timing <= 5, items[start].isWord(Self.timingLead) { start += 1 }
            guard let second = listHead(after: start, window: 4) ?? partnerAfter(start, maxGap: 4) else { continue }
            var cursor = timing - 1
            var advised = false
            var first: Int?
            while cursor >= 0, timing - cursor <= 16, !analysis.isClauseBreak(cursor) {
                if items[cursor].isWord(oneOf: ["should", "must", "recommended", "advised"]) { advised = true }
                if items[cursor].kind == .slot {
                    if partner(at: cursor) != nil { first = cursor }
                    break
                }
                cursor -= 1
            }
            guard advised, let first else { continue }
            emit(first: first, second: second, rule: "dose_timing", base: 0.7, qualifier: "dose_adjustment", into: &collector)
        }
    }

    /// Words between a timing word and the drug it times ("prior to dosing with Y").
    private static let timingLead: WordSet = [
        "to", "dosing", "administration", "administering", "taking", "initiation", "starting", "the", "of", "with",
        "ingestion", "intake",
    ]

    /// The end (exclusive) of the clause holding `item`: the next ";" or the sentence end.
    private func clauseEnd(after item: Int) -> Int {
        var cursor = item
        while cursor < items.count, !items[cursor].isPunctuation(";") { cursor += 1 }
        return cursor
    }
}
