public import PharmineContext
public import PharmineCore

/// Extracts `indication` triples (drug → condition) from cue patterns within a sentence.
///
/// Requires `sentences`, `tokens` and `mentions` (types `drug` and `condition`; anaphors with
/// `source: .anaphor` are used like drug mentions), and reads the context flags of mentions.
/// Produces `indication` triples appended to `document.triples` (kept in document order).
///
/// Rules (`rule` is `indication.<name>`):
/// - forward cues, drug before condition: `treat` ("treat", "treatment of", "heal"), `therapy`
///   ("therapy for", "drug for"), `manage`, `relieve` ("relieve", "relief of", "alleviate"),
///   `effective` ("effective in", "efficacy in", "beneficial in"), `indicated` ("indicated for",
///   "indication for"), `approved`, `prescribed`, `prophylaxis`, `prevent` ("prevent",
///   "prevention of", "reduce the risk of"), `first_line`, `adjunct`; weak cues `used`
///   ("used for") and `reduce` ("reduced", "improved", "controls") whose gap may hold only
///   measure words ("the frequency and severity of");
/// - `treated_with`: "Y was treated with X", "Y responded to X", "Y: treatment with X",
///   "treatment of Y with X";
/// - `fronted`: "For the treatment of Y, X …" when no drug precedes the cue;
/// - `population`: "in patients with Y, X reduced …", "X relieved … in Y patients" (the
///   population counts only when the cue has no condition of its own: "X prevents Y in Z
///   patients" gives Y, not Z);
/// - `for_which`: "Migraine, for which she takes propranolol as prophylaxis";
/// - `takes_for`: a verb of taking or a dose, then "for" and the condition: "takes warfarin for
///   stroke prevention", "metformin 1000 mg twice daily for type 2 diabetes".
///
/// Lists on either side expand ("to prevent migraines and chronic tension headaches" gives two
/// triples; "conditions like A or B" gives two); coordinated drugs expand too. Never bound: a
/// condition behind adverse wording in the gap ("side effects", "risk of", "induced", "caused",
/// "developed"), a condition joined to a modifier ("pain-related"), the condition of "X-induced
/// Y" or "Y caused by X" for that same X, or a condition merely co-occurring with a drug
/// ("patients with Y received X" yields nothing). Weak rules (`used`, `reduce`, `population`,
/// `takes_for`)
/// stay silent in sentences with caution wording ("contraindicated", "caution", "avoid", "not
/// recommended").
///
/// Qualifier: the last qualifier cue between the clause start and the object: `off_label`
/// ("off-label", "not approved"), `adjunct` ("adjunct", "add-on"), `prophylaxis` ("prevent",
/// "prophylaxis", "reduce the risk of"), `primary` ("approved", "indicated", "first-line",
/// "primary indication", "drug of choice"); "Y prophylaxis" after the object also gives
/// `prophylaxis`. With ``carryOffLabel``, an `off_label` stated for a drug carries to its later
/// unqualified indications in the same paragraph ("Off-label uses of X include chronic pain. For
/// neuropathic pain, X provides relief.").
///
/// `negated` is set from a negation cue between subject and object ("not", "failed",
/// "ineffective", or a `negated` cue of the context stage in `document.cues`; words inside a
/// pseudo-cue such as "not only" do not count) or the subject's or object's `negated` flag;
/// `hedged` from a hedge cue there ("may", "shown promise", "suggests", or a `hedged` or
/// `hypothetical` context cue) or either mention's `hedged` or `hypothetical` flag. The
/// `historical` flag does not propagate.
/// Confidence: see the scheme documented on the module (rule base, distance, list position,
/// anaphor). The reported subject of a concept is its earliest mention before the cue in the
/// sentence, a lexicon mention preferred to an anaphor.
public struct IndicationExtractor: Stage {
    /// Whether an `off_label` qualifier carries to later unqualified indications of the same drug
    /// in the same paragraph.
    public var carryOffLabel: Bool
    /// Substances never taken as subjects (neurotransmitters and mediators: "glutamate",
    /// "acetylcholine"), from `Lexicons/endogenous.tsv`.
    public var endogenous: EndogenousSubstances

    /// Creates the extractor.
    ///
    /// - Parameters:
    ///   - carryOffLabel: Whether `off_label` carries within a paragraph (default true).
    ///   - endogenous: Substances never taken as subjects (default: none).
    public init(carryOffLabel: Bool = true, endogenous: EndogenousSubstances = EndogenousSubstances()) {
        self.carryOffLabel = carryOffLabel
        self.endogenous = endogenous
    }

    /// Adds the document's indication triples.
    ///
    /// - Parameter document: The document, with sentences, tokens and mentions.
    /// - Returns: The document with indication triples appended.
    public func process(_ document: Document) -> Document {
        var collector = TripleCollector()
        SentenceWalker.forEachSentence(of: document, endogenous: endogenous, where: accepts) { analysis, _ in
            collect(analysis, into: &collector)
        }
        var document = document
        document.triples.append(contentsOf: finish(collector.triples, in: document))
        document.triples.sortInDocumentOrder()
        return document
    }

    /// Whether a sentence can hold an indication: two mentions, a drug and a condition.
    func accepts(_ facts: SentenceFacts) -> Bool {
        facts.mentionCount >= 2 && facts.types.contains(.drug) && facts.types.contains(.condition)
    }

    /// Collects the indications of one sentence.
    func collect(_ analysis: SentenceAnalysis, into collector: inout TripleCollector) {
        IndicationRules(analysis: analysis).run(into: &collector)
    }

    /// The document-level steps after the sentences: the off-label carry.
    func finish(_ triples: [Triple], in document: Document) -> [Triple] {
        var triples = triples
        if carryOffLabel { carryOffLabelQualifier(&triples, in: document) }
        return triples
    }

    private func carryOffLabelQualifier(_ triples: inout [Triple], in document: Document) {
        triples.sortInDocumentOrder()
        // Nothing to carry without an off-label triple: no paragraph index.
        guard triples.contains(where: { $0.qualifier == "off_label" }) else { return }
        let paragraphs = ParagraphIndex(document)
        var offLabel: [String: Int] = [:]  // "passage/paragraph/drug" → first sentence
        for index in triples.indices {
            let triple = triples[index]
            let paragraph = paragraphs.paragraph(ofSentence: triple.sentence)
            let key = "\(paragraph.passage)/\(paragraph.index)/\(triple.subject.id)"
            if triple.qualifier == "off_label" {
                if offLabel[key] == nil { offLabel[key] = triple.sentence }
            } else if triple.qualifier == nil, let first = offLabel[key], first < triple.sentence {
                triples[index].qualifier = "off_label"
            }
        }
    }
}

/// The paragraph of each sentence: passages split at blank lines.
struct ParagraphIndex {
    private let paragraphs: [(passage: Int, index: Int)]

    init(_ document: Document) {
        var breaksByPassage: [Int: [Int]] = [:]
        for (passageIndex, passage) in document.passages.enumerated() {
            var breaks: [Int] = []
            var lastNewline: Int?
            for (offset, byte) in passage.text.utf8.enumerated() {
                switch byte {
                case UInt8(ascii: "\n"):
                    if lastNewline != nil { breaks.append(offset) }
                    lastNewline = offset
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                    break
                default:
                    lastNewline = nil
                }
            }
            breaksByPassage[passageIndex] = breaks
        }
        paragraphs = document.sentences.map { sentence in
            let breaks = breaksByPassage[sentence.passage] ?? []
            return (sentence.passage, breaks.count { $0 < sentence.start })
        }
    }

    func paragraph(ofSentence sentence: Int) -> (passage: Int, index: Int) {
        paragraphs.indices.contains(sentence) ? paragraphs[sentence] : (-1, sentence)
    }
}

/// The indication rules applied to one sentence.
struct IndicationRules {
    let analysis: SentenceAnalysis

    private var items: [SentenceView.Item] { analysis.items }

    func run(into collector: inout TripleCollector) {
        let caution = analysis.hasCaution
        forward(IndicationCues.forward, weak: false, into: &collector)
        if !caution {
            forward(IndicationCues.weak, weak: true, into: &collector)
            populationBefore(into: &collector)
            populationAfter(into: &collector)
            takesFor(into: &collector)
        }
        passive(into: &collector)
    }

    // MARK: - Forward: X … cue … Y

    private func forward(_ cues: CueSet, weak: Bool, into collector: inout TripleCollector) {
        for hit in cues.hits(in: items) {
            // "X-treated": a cue joined by a hyphen to a mention is a modifier, not a cue; so is
            // a participle before its noun ("benztropine treated patients had …").
            if hit.start > 0, items[hit.start - 1].isPunctuation("-"), !items[hit.start].spaceBefore { continue }
            if hit.end == hit.start + 1, items[hit.start].text.hasSuffix("ed"), hit.end < items.count,
                items[hit.end].isWord(IndicationCues.participleNouns)
            {
                continue
            }
            guard
                let first = analysis.firstObject(
                    after: hit.end,
                    maxGap: 6,
                    accept: analysis.condition,
                    restricted: weak ? IndicationCues.measureWords : nil
                )
            else { continue }
            // "reduced pain scores", "reducing both seizure and afterdischarge durations": a
            // measure of the condition, not the condition.
            if weak, isMeasured(first) { continue }
            let list = analysis.expandList(from: first, accept: analysis.condition)
            let subjectItem = analysis.nearestDrug(before: hit.start)
            var subjects: [(item: Int, rule: String, base: Double)] = []
            if let subjectItem {
                for item in analysis.coordinatedDrugs(endingAt: subjectItem) {
                    subjects.append((item, hit.cue.rule, hit.cue.base))
                }
            }
            // "treatment of Y with X"; "For the treatment of Y, X …"
            var after = list.end
            while after < items.count, items[after].isWord(Lexical.heads) { after += 1 }
            if after < items.count, items[after].isWord(["with", "using"]),
                let drugItem = analysis.drugAfter(after + 1)
            {
                subjects.append((drugItem, "treated_with", 0.8))
            } else if subjectItem == nil, after < items.count, items[after].isPunctuation(","),
                let drugItem = analysis.drugAfter(after + 1, maxGap: 2)
            {
                subjects.append((drugItem, "fronted", 0.8))
            }
            for subject in subjects {
                emit(
                    subjectItem: subject.item,
                    objects: list.items,
                    rule: subject.rule,
                    base: subject.base,
                    cueStart: hit.start,
                    relationEnd: subject.item > first ? subject.item + 1 : nil,
                    into: &collector
                )
            }
        }
    }

    /// Whether a measure noun follows a condition within three items ("pain scores", "seizure
    /// and afterdischarge durations").
    private func isMeasured(_ item: Int) -> Bool {
        var next = item + 1
        while next < items.count, next <= item + 3, items[next].kind != .punctuation {
            if items[next].isWord(IndicationCues.measureNouns) { return true }
            next += 1
        }
        return false
    }

    /// Whether adverse or causal wording lies in a range ("caused", "risk", "induced").
    private func hasAdverse(in range: Range<Int>) -> Bool {
        range.clamped(to: items.indices).contains { items[$0].isWord(Lexical.adverse) }
    }

    // MARK: - Population: "in patients with Y, X reduced …", "X relieved … in Y patients"

    private func populationBefore(into collector: inout TripleCollector) {
        for start in items.indices {
            guard let end = IndicationCues.population.lazy.compactMap({ $0.match(self.items, at: start) }).first,
                let first = analysis.firstObject(
                    after: end,
                    maxGap: 3,
                    accept: analysis.condition,
                    restricted: []
                )
            else { continue }
            let list = analysis.expandList(from: first, accept: analysis.condition)
            guard let drugItem = drugAfterPopulation(from: list.end),
                let efficacy = efficacyWord(after: drugItem + 1, within: 8),
                !hasAdverse(in: list.end..<efficacy)
            else { continue }
            emit(
                subjectItem: drugItem,
                objects: list.items,
                rule: "population",
                base: 0.75,
                cueStart: drugItem + 1,
                relationEnd: efficacy + 1,
                into: &collector
            )
        }
    }

    private func drugAfterPopulation(from start: Int) -> Int? {
        var item = start
        while item < items.count, item - start <= 15 {
            if analysis.isClauseBreak(item) { return nil }
            if analysis.drug(at: item) != nil { return item }
            item += 1
        }
        return nil
    }

    private func efficacyWord(after start: Int, within window: Int) -> Int? {
        var item = start
        while item < items.count, item - start < window {
            if analysis.isClauseBreak(item) { return nil }
            if isEfficacy(item) { return item }
            item += 1
        }
        return nil
    }

    private func isEfficacy(_ item: Int) -> Bool {
        let it = items[item]
        guard it.kind == .word else { return false }
        return IndicationCues.efficacyPrefixes.contains { it.hasPrefix($0) }
    }

    private func populationAfter(into collector: inout TripleCollector) {
        for efficacy in items.indices where isEfficacy(efficacy) {
            guard let subjectItem = analysis.nearestDrug(before: efficacy, window: 12),
                !hasAdverse(in: subjectItem..<efficacy)
            else { continue }
            // "X prevents Y in Z patients": Y is the indication, Z the population.
            if analysis.firstObject(
                after: efficacy + 1,
                maxGap: 4,
                accept: analysis.condition,
                stopWords: ["in", "among", "for"]
            ) != nil {
                continue
            }
            var item = efficacy + 1
            while item < items.count, item - efficacy <= 12, !analysis.isClauseBreak(item) {
                if items[item].isWord(["in", "among", "for"]), let first = populationObject(after: item + 1) {
                    let list = analysis.expandList(from: first, accept: analysis.condition)
                    emit(
                        subjectItem: subjectItem,
                        objects: list.items,
                        rule: "population",
                        base: 0.75,
                        cueStart: efficacy,
                        relationEnd: nil,
                        into: &collector
                    )
                    break
                }
                item += 1
            }
        }
    }

    /// "patients with Y" or "Y patients" starting at `start`; the condition's item.
    private func populationObject(after start: Int) -> Int? {
        var cursor = start
        while cursor < items.count, cursor - start < 2, items[cursor].isWord(Lexical.fillers) { cursor += 1 }
        if let end = IndicationCues.population.lazy.compactMap({ $0.match(self.items, at: cursor) }).first {
            return analysis.firstObject(after: end, maxGap: 3, accept: analysis.condition, restricted: [])
        }
        if cursor < items.count, analysis.condition(at: cursor) != nil {
            var next = cursor + 1
            let list = analysis.expandList(from: cursor, accept: analysis.condition)
            next = list.end
            if next < items.count, items[next].isWord(Lexical.population) { return cursor }
            if cursor + 1 < items.count, items[cursor + 1].isWord(Lexical.population) { return cursor }
        }
        return nil
    }

    // MARK: - Use: "takes warfarin for stroke prevention", "metformin 1000 mg twice daily for type 2 diabetes"

    /// A drug after a verb of taking, or followed by a dose, then "for" and a condition.
    private func takesFor(into collector: inout TripleCollector) {
        for drugItem in items.indices where analysis.drug(at: drugItem) != nil {
            let taken = drugItem > 0 && items[drugItem - 1].isWord(IndicationCues.takeVerbs)
            var cursor = drugItem + 1
            var dosed = false
            while cursor < items.count, cursor - drugItem <= 8 {
                let it = items[cursor]
                if it.kind == .word, it.text.first?.isNumber == true {
                    dosed = true
                } else if !(it.isWord(IndicationCues.doseWords) || it.isPunctuation(".") || it.isPunctuation("/")) {
                    break
                }
                cursor += 1
            }
            guard taken || dosed, cursor < items.count, items[cursor].isWord(["for"]),
                let first = analysis.firstObject(
                    after: cursor + 1,
                    maxGap: 3,
                    accept: analysis.condition,
                    restricted: []
                )
            else { continue }
            let list = analysis.expandList(from: first, accept: analysis.condition)
            emit(
                subjectItem: drugItem,
                objects: list.items,
                rule: "takes_for",
                base: 0.75,
                cueStart: drugItem + 1,
                relationEnd: nil,
                into: &collector
            )
        }
    }

    // MARK: - Passive: "Y was treated with X", "Y responded to X", "Y: treatment with X"

    private func passive(into collector: inout TripleCollector) {
        for conditionItem in items.indices where analysis.condition(at: conditionItem) != nil {
            var cursor = conditionItem + 1
            while cursor < items.count, items[cursor].isWord(Lexical.heads) { cursor += 1 }
            cursor = skipCausalPostmodifier(at: cursor)
            var drugItem: Int?
            var rule = "treated_with"
            // "Type 2 diabetes, treated with metformin"; "Migraine, for which she takes propranolol"
            if cursor + 1 < items.count, items[cursor].isPunctuation(","),
                items[cursor + 1].isWord(IndicationCues.passiveVerbs) || items[cursor + 1].isWord(["for"])
            {
                cursor += 1
            }
            if cursor + 1 < items.count, items[cursor].isWord(["for"]), items[cursor + 1].isWord(["which", "whom"]) {
                var next = cursor + 2
                while next < items.count, next - cursor <= 6, !items[next].isWord(IndicationCues.takeVerbs) {
                    if items[next].kind == .slot || analysis.isClauseBreak(next) { break }
                    next += 1
                }
                if next < items.count, items[next].isWord(IndicationCues.takeVerbs) {
                    drugItem = analysis.drugAfter(next + 1)
                    rule = "for_which"
                }
            } else if cursor + 1 < items.count, items[cursor].isPunctuation(":"),
                items[cursor + 1].isWord(["treatment", "therapy", "management"]),
                cursor + 2 < items.count, items[cursor + 2].isWord(["with", "using", "by"])
            {
                drugItem = analysis.drugAfter(cursor + 3)
            } else {
                var auxiliaries = 0
                while cursor < items.count, items[cursor].isWord(IndicationCues.auxiliaries), auxiliaries < 4 {
                    cursor += 1
                    auxiliaries += 1
                }
                guard cursor + 1 < items.count else { continue }
                if items[cursor].isWord(IndicationCues.passiveVerbs) {
                    var next = cursor + 1
                    if next < items.count, items[next].isWord(IndicationCues.auxiliaries) { next += 1 }
                    if next < items.count, items[next].isWord(["with", "by", "using", "on"]) {
                        drugItem = analysis.drugAfter(next + 1)
                    }
                } else if items[cursor].isWord(["responds", "responded", "respond", "responsive", "response"]),
                    items[cursor + 1].isWord(["to"])
                {
                    drugItem = analysis.drugAfter(cursor + 2)
                }
            }
            guard let drugItem else { continue }
            let objects = analysis.expandListBackward(from: conditionItem, accept: analysis.condition).reversed()
            let drugs = analysis.expandList(from: drugItem, accept: analysis.drug).items
            for subject in drugs {
                emit(
                    subjectItem: subject,
                    objects: Array(objects),
                    rule: rule,
                    base: 0.8,
                    cueStart: conditionItem + 1,
                    relationEnd: min(items.count, subject + 4),
                    representative: false,
                    into: &collector
                )
            }
        }
    }

    /// Skips "caused by X", "induced by X", "associated with X" after a condition, so that
    /// "Y caused by X is treated with Z" binds Z.
    private func skipCausalPostmodifier(at start: Int) -> Int {
        guard start + 1 < items.count,
            items[start].isWord(["caused", "induced", "associated", "due", "secondary", "related", "attributed"]),
            items[start + 1].isWord(["by", "with", "to"])
        else { return start }
        var cursor = start + 2
        while cursor < items.count, items[cursor].isWord(Lexical.fillers) { cursor += 1 }
        guard cursor < items.count, analysis.mention(at: cursor, type: .drug) != nil else { return start }
        return cursor + 1
    }

    // MARK: - Emitting

    /// Emits one triple per object, with the subject at `subjectItem`.
    ///
    /// - Parameters:
    ///   - subjectItem: The item of the subject (nearest to the cue).
    ///   - objects: The items of the objects, in list order.
    ///   - rule: The rule name (after `indication.`).
    ///   - base: The rule's base confidence.
    ///   - cueStart: The first item of the cue (the reported subject is looked for before it).
    ///   - relationEnd: For rules whose cue follows both arguments, the item after the cue
    ///     (context and qualifier cues are read up to it); nil when the object ends the relation.
    ///   - representative: Whether to report the concept's earliest mention before the cue.
    private func emit(
        subjectItem: Int,
        objects: [Int],
        rule: String,
        base: Double,
        cueStart: Int,
        relationEnd: Int?,
        representative: Bool = true,
        into collector: inout TripleCollector
    ) {
        guard let nearest = analysis.drug(at: subjectItem) else { return }
        let mentions = analysis.mentions
        let reported =
            representative && subjectItem < cueStart
            ? (analysis.representative(of: subjectItem, before: cueStart) ?? nearest) : nearest
        let subject = mentions[nearest]
        let anchor = objects.first ?? subjectItem
        for (position, objectItem) in objects.enumerated() {
            guard let objectIndex = analysis.condition(at: objectItem) else { continue }
            let object = mentions[objectIndex]
            if object.id == subject.id { continue }
            if let modifier = analysis.adverseModifierDrug(before: objectItem), mentions[modifier].id == subject.id {
                continue
            }
            if causedBy(objectItem, drugID: subject.id) { continue }
            let low = min(subjectItem, objectItem)
            let high = max(subjectItem, objectItem)
            let path = (low + 1)..<max(high, min(relationEnd ?? high, items.count))
            let negated = subject.negated || object.negated || analysis.hasNegation(in: path)
            let hedged =
                subject.hedged || object.hedged || subject.hypothetical || object.hypothetical
                || analysis.hasHedge(in: path)
            let confidence = Confidence.score(
                base: base,
                distance: abs(anchor - subjectItem) - 1,
                listIndex: position,
                anaphor: subject.source == .anaphor
            )
            let triple = Triple(
                subject: mentions[reported],
                predicate: .indication,
                qualifier: qualifier(for: objectItem, relationEnd: relationEnd ?? objectItem),
                object: object,
                sentence: analysis.view.sentence,
                negated: negated,
                hedged: hedged,
                confidence: confidence,
                rule: "indication.\(rule)"
            )
            collector.add(triple)
        }
    }

    /// "Y caused by X", "Y induced by X", "Y associated with X", "Y due to X" for that X.
    private func causedBy(_ objectItem: Int, drugID: String) -> Bool {
        var cursor = objectItem + 1
        while cursor < items.count, items[cursor].isWord(Lexical.heads) { cursor += 1 }
        guard cursor + 1 < items.count,
            items[cursor].isWord(["caused", "induced", "associated", "due", "secondary", "related", "attributed"]),
            items[cursor + 1].isWord(["by", "with", "to"])
        else { return false }
        var item = cursor + 2
        while item < items.count, item <= cursor + 5 {
            if let drug = analysis.mention(at: item, type: .drug), analysis.mentions[drug].id == drugID { return true }
            item += 1
        }
        return false
    }

    /// The qualifier of an indication whose object is at `objectItem`.
    private func qualifier(for objectItem: Int, relationEnd: Int) -> String? {
        let limit = max(objectItem, min(relationEnd, items.count))
        var found: String?
        var item = analysis.clauseStart(of: objectItem)
        while item < limit {
            var matched: (end: Int, qualifier: String)?
            for entry in IndicationCues.qualifiers {
                if let end = entry.pattern.match(items, at: item, limit: limit), end > (matched?.end ?? item) {
                    matched = (end, entry.qualifier)
                }
            }
            if let matched {
                found = matched.qualifier
                item = matched.end
            } else {
                item += 1
            }
        }
        var after = objectItem + 1
        while after < items.count, items[after].isWord(Lexical.heads) { after += 1 }
        if after < items.count, items[after].isWord(IndicationCues.prophylaxisAfter), found == nil {
            found = "prophylaxis"
        }
        return found
    }
}
