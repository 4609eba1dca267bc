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
///   stroke prevention", "metformin 1000 mg twice daily for type 2 diabetes";
/// - `for`: a drug (with a dose, a treatment noun or "was initiated") right before "for" and the
///   condition: "methadone for heroin dependence", "X 9 mg/kg daily was initiated for Y", "X
///   (which she was taking for Y)"; not after "screened", "tested", "levels";
/// - `population_treated`: a population given the drug: "patients with Y (…) treated with X",
///   "subjects with A (60%) or B (40%) were randomized to X or Z", "Y patients treated with X",
///   "X-treated Y patients" ("patients with Y received X" and "… who were treated with X" stay
///   silent);
/// - `effect_of`: "the efficacy (and safety) of X in patients with Y", "protective effect of X on
///   Y", "antitumor activity of X in Y"; `protective`: "X showed cardioprotection against Y",
///   "X exerts neuroprotective effects against Y";
/// - `cell_growth`: "X suppressed the proliferation and migration of Y cells", "X induces
///   apoptosis in Y cells";
/// - passive with an agent: "Y (and other signs) were markedly reduced by daily oral X" (the verb
///   needs an auxiliary);
/// - `effect_of` for disease models: "Effect of X and Z combination in W induced Y", "mice
///   pretreated with X in W-induced Y", "effects of X on experimental Y" (W another drug; no
///   worsening or adverse word on the way); `protective` for opposing effects: "X exhibits an
///   anticancer effect in Y"; `treated_with` for "the response of Y (patients) to X";
///   `population_treated` also for "… received triple therapy with X" and "Y cells treated with X".
///
/// - `case_treatment` (document level, ``CaseTreatmentRule``): in a patient's case, a treating
///   sentence without a condition ("He was treated with X.") takes the conditions of the nearest
///   earlier sentence (at most two back, same paragraph); the evidence is the treating sentence,
///   the confidence low (0.55). `protective` also takes an organ-protective adjective right
///   before its preposition ("X is neuroprotective in a model of Y").
///
/// A cue's object list reaches past conjuncts that are not conditions ("prevent tubular atrophy,
/// interstitial infiltration and fibrosis"; after a weak verb cue or an unmatched strict cue the
/// condition may be such a later conjunct only: "attenuated the Z-induced increase in A and Y",
/// "effective in controlling the A, Y and Z"), never past a new verb or clause. "Y-like behavior"
/// names Y. Coordinated subjects reach over doses ("X (10 mg/kg) and Z 5 mg/kg attenuated Y"), drug
/// lists over a placebo arm; a class named as the remedy ("X represents an effective
/// antiarrhythmic drug for Y") gives `therapy` for the drug the copula names; "a man with Y was
/// responding well to X" and "was taking X … because of Y" are uses.
///
/// Never a subject: a drug naming a body's own process ("lactate secretion", "IFN signaling",
/// "glucose tolerant"), a target ("targeting X", "inhibition of X"), or the challenge of a disease
/// model after a pretreatment ("… previous to injections of X", "2 h before X"). A verb cue's subject
/// does not reach over a subordinate clause ("while", "since", "because") nor, for weak cues, over a
/// free causing verb ("X induces seizures and delayed damage"). A weak cue takes a condition with a
/// relief measure ("decreased convulsion incidence and severity", not "improved seizure duration"
/// nor "a lower threshold"). No object behind a procedure ("removal of a foreign body"), after a
/// non-drug therapy ("gene therapy for Y") or naming a wanted state ("improve analgesia").
///
/// Weak cues also take noun forms ("reduction of", "reversal of"; a near subject only) and more
/// verbs ("inhibited", "blocked", "corrected", "delayed", "reversing"). A subject is never a
/// drug named in the gap as the cause ("reduced propofol infusion pain"), a drug whose absence
/// acts ("omitting X reduced Y"), a class used as an effect adjective ("its antihypertensive
/// effect"), or a drug before a suspended hyphen ("X- and Z-induced seizures"). "X versus Z for
/// Y" and class members in parentheses ("atypical (A, B) antipsychotics were effective in Y")
/// share the cue; a verb cue in the passive without an agent ("was prevented in Y") takes no
/// subject before it.
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

    /// The document-level steps after the sentences: the rules that link sentences
    /// (``CaseTreatmentRule``), then the off-label carry.
    func finish(_ triples: [Triple], in document: Document) -> [Triple] {
        var triples = triples
        triples.append(contentsOf: CaseTreatmentRule(endogenous: endogenous).triples(in: document))
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

    private let items: [SentenceView.Item]

    init(analysis: SentenceAnalysis) {
        self.analysis = analysis
        self.items = analysis.items
    }

    /// Drug items that are never the subject of a later cue: class mentions used as adjectives of
    /// an effect ("besides its antihypertensive effect, X reduced …") and drugs before a
    /// suspended hyphen ("pilocarpine- and kainate-induced seizures").
    private var nonSubjects: Set<Int> {
        var result = Set<Int>()
        for item in items.indices where item + 1 < items.count && items[item].kind == .slot {
            guard let index = analysis.mention(at: item, type: .drug) else { continue }
            if items[item + 1].isWord(IndicationCues.effectHeads), analysis.mentions[index].isClass { result.insert(item) }
            if isNonAgent(item) { result.insert(item) }
            if items[item + 1].isPunctuation("-"), item + 2 < items.count, items[item + 2].spaceBefore,
                items[item + 2].isWord(oneOf: ["and", "or"]) || items[item + 2].isPunctuation(",")
            {
                result.insert(item)
            }
        }
        return result
    }

    /// Whether the drug mention at `item` is not an agent given for a condition: a body's own
    /// process ("lactate secretion", "IFN signaling", "glucose tolerant"), a target ("targeting
    /// PKC", "inhibition of angiotensin II"), or the challenge of a disease model named after a
    /// pretreatment ("… previous to injections of haloperidol", "2 h before picrotoxin").
    func isNonAgent(_ item: Int) -> Bool {
        var next = item + 1
        if next < items.count, items[next].isPunctuation("-"), !items[next].spaceBefore { next += 1 }
        if next < items.count, items[next].isWord(IndicationCues.processNouns) { return true }
        var before = item - 1
        while before >= 0, item - before <= 3, items[before].isWord(oneOf: ["of", "the", "a", "an", "with"]) { before -= 1 }
        if before >= 0, items[before].isWord(IndicationCues.targetingWords) { return true }
        // "before X", "prior to (systemic) injections of X"
        var cursor = item - 1
        while cursor >= 0, item - cursor <= 6 {
            let it = items[cursor]
            if it.kind == .slot || analysis.isClauseBreak(cursor) || it.isPunctuation(",") { return false }
            if it.isWord(IndicationCues.challengeWords) {
                return it.isWord(oneOf: ["before"]) || (cursor + 1 < items.count && items[cursor + 1].isWord(oneOf: ["to"]))
            }
            cursor -= 1
        }
        return false
    }

    /// The drugs in parentheses that name members of a class subject: "classical (haloperidol)
    /// and atypical (olanzapine, clozapine) antipsychotics", "antipsychotics (olanzapine, …)".
    private func classMembers(of subject: Int) -> [Int] {
        guard let index = analysis.drug(at: subject), analysis.mentions[index].isClass else { return [] }
        var members: [Int] = []
        // Before: ") antipsychotics", "(haloperidol) and atypical (…) antipsychotics".
        var cursor = subject - 1
        var depth = 0
        while cursor >= 0, subject - cursor <= 16 {
            let it = items[cursor]
            if it.isPunctuation(")") {
                depth += 1
            } else if it.isPunctuation("(") {
                depth -= 1
                if depth < 0 { break }
            } else if depth > 0 {
                if it.kind == .slot {
                    guard analysis.drug(at: cursor) != nil else { return [] }
                    members.append(cursor)
                } else if !(it.isPunctuation(",") || it.isWord(oneOf: ["and", "or", "and/or"])) {
                    return []
                }
            } else if analysis.isClauseBreak(cursor) || it.kind == .slot || it.isPunctuation(",") {
                break
            } else if !(it.isWord(oneOf: ["and", "or", "both", "either"]) || (it.kind == .word && subject - cursor <= 12)) {
                break
            }
            cursor -= 1
        }
        // After: "antipsychotics (olanzapine, clozapine)".
        if subject + 1 < items.count, items[subject + 1].isPunctuation("(") {
            var after = subject + 2
            while after < items.count, !items[after].isPunctuation(")") {
                if items[after].kind == .slot {
                    guard analysis.drug(at: after) != nil else { return members }
                    members.append(after)
                } else if !(items[after].isPunctuation(",") || items[after].isWord(oneOf: ["and", "or", "e.g.", "e.g", "eg", "such", "as", "including"])) {
                    return members
                }
                after += 1
            }
        }
        return members
    }

    func run(into collector: inout TripleCollector) {
        let caution = analysis.hasCaution
        forward(IndicationCues.forward, weak: false, into: &collector)
        if !caution {
            forward(IndicationCues.weak, weak: true, into: &collector)
            populationBefore(into: &collector)
            populationAfter(into: &collector)
            takesFor(into: &collector)
            populationTreated(into: &collector)
            effectOf(into: &collector)
            drugFor(into: &collector)
            cellGrowth(into: &collector)
            protectAgainst(into: &collector)
            classFor(into: &collector)
            antiEffect(into: &collector)
            modelStudy(into: &collector)
            responseOf(into: &collector)
        }
        passive(into: &collector)
    }

    // MARK: - Forward: X … cue … Y

    private func forward(_ cues: CueSet, weak: Bool, into collector: inout TripleCollector) {
        for hit in cues.hits(in: items) {
            // "X-treated": a cue joined by a hyphen to a mention is a modifier, not a cue; so is
            // a participle before its noun ("benztropine treated patients had …").
            if hit.start > 0, items[hit.start - 1].isPunctuation("-"), !items[hit.start].spaceBefore { continue }
            // "gene therapy for Y", "radiation treatment of Y": not a drug's treatment.
            if hit.start > 0, ["treat", "therapy", "manage"].contains(hit.cue.rule),
                items[hit.start - 1].isWord(IndicationCues.nonDrugTherapies)
            {
                continue
            }
            // "associated with decreased Y risk": an association, not an effect.
            if weak, hit.start >= 2, items[hit.start - 1].isWord(oneOf: ["with"]), items[hit.start - 2].isWord(oneOf: ["associated"]) {
                continue
            }
            if hit.end == hit.start + 1, items[hit.start].text.hasSuffix("ed"), hit.end < items.count,
                items[hit.end].isWord(IndicationCues.participleNouns)
            {
                continue
            }
            var base = hit.cue.base
            let strict = analysis.firstObject(
                after: hit.end,
                maxGap: 6,
                accept: analysis.condition,
                restricted: weak ? IndicationCues.measureWords : nil
            )
            // "reduced neurodeficits and brain edema", "decreases daytime sleepiness": a weak
            // cue's object behind a first non-condition conjunct or one modifier word; lower
            // confidence.
            // Verb cues only ("reduced", "attenuates"), not "lower birth weight".
            let verbal = ["ed", "es", "ts", "ns"].contains { items[hit.start].text.hasSuffix($0) }
            let relaxed = strict == nil && weak && verbal ? looseWeakObject(after: hit.end) : nil
            if relaxed != nil { base -= 0.1 }
            // "attenuated the Z-induced increase in A and Y": a weak verb cue's object as a later
            // conjunct; lower confidence still.
            // "effective in controlling the A, Y and Z": a strict cue's too.
            let tailOnly = strict == nil && relaxed == nil && (verbal || !weak) ? listTail(after: hit.end) : []
            if !tailOnly.isEmpty { base -= 0.15 }
            guard let first = strict ?? relaxed ?? tailOnly.first else { continue }
            // "reduced pain scores", "reducing both seizure and afterdischarge durations": a
            // measure of the condition, not the condition.
            // A fall in a relief measure relieves ("reduced pain scores"); "improved seizure
            // duration" lengthens it.
            if weak, isMeasured(first, exceptRelief: !items[hit.start].hasPrefix("improv")) { continue }
            // "management for bronchoscopic removal of a foreign body": the object is the site of
            // a procedure.
            if items[hit.end..<first].contains(where: { $0.isWord(IndicationCues.procedureWords) }) { continue }
            // "reduced propofol infusion pain": a drug before the condition names its cause, never
            // its remedy.
            let causes = Set((hit.end..<first).compactMap { analysis.mention(at: $0, type: .drug) }.map { analysis.mentions[$0].id })
            let list =
                tailOnly.isEmpty
                ? analysis.expandList(from: first, accept: analysis.condition) : (items: tailOnly, end: tailOnly[tailOnly.count - 1] + 1)
            // "prevent tubular atrophy, interstitial infiltration and fibrosis": conjuncts past a
            // non-condition one.
            let objects = tailOnly.isEmpty ? list.items + listTail(after: list.end) : list.items
            // "Y was largely prevented in sepsis": a passive verb cue without an agent has no
            // drug subject before it ("the patient was treated for Y with X" keeps X).
            var subjectItem = isAgentlessPassive(hit) ? nil : analysis.nearestDrug(before: hit.start, skip: nonSubjects)
            // A noun cue ("reduction of") takes a near subject only.
            if weak, let found = subjectItem, items[hit.start].isWord(IndicationCues.nominalWeakCues), hit.start - found > 10 {
                subjectItem = nil
            }
            // "X induces seizures and delayed hippocampal damage": a weak cue after the drug's
            // causing verb continues the harm.
            if weak, let found = subjectItem, found + 1 < hit.start - 1,
                ((found + 1)..<(hit.start - 1)).contains(where: {
                    // not "Z-induced", nor the cue as the verb's object ("X induced reversal of Y")
                    items[$0].isWord(IndicationCues.causingVerbs) && !items[$0 - 1].isPunctuation("-")
                })
            {
                subjectItem = nil
            }
            // "with X infusion while all facilities were available to treat Y": a subordinate
            // clause between the drug and the cue has a subject of its own.
            if let found = subjectItem, hit.start - found > 2,
                ((found + 1)..<(hit.start - 1)).contains(where: { items[$0].isWord(IndicationCues.subordinators) })
            {
                subjectItem = nil
            }
            // "hyperactivity induced by MK-801 and partially reversed …": the loose object's
            // nearest drug is the agent of a causing phrase.
            if relaxed != nil, let found = subjectItem,
                (max(0, found - 8)..<found).contains(where: {
                    items[$0].isWord(IndicationCues.causingVerbs) && $0 + 1 < items.count
                        && items[$0 + 1].isWord(oneOf: ["by"])
                })
            {
                subjectItem = nil
            }
            var subjects: [(item: Int, rule: String, base: Double)] = []
            if let subjectItem {
                for item in comparedDrugs(endingAt: subjectItem) {
                    subjects.append((item, hit.cue.rule, base))
                }
                // "atypical (olanzapine, clozapine) antipsychotics were effective in …"
                for item in classMembers(of: subjectItem) {
                    subjects.append((item, hit.cue.rule, base))
                }
            }
            // "treatment of Y with X"; "For the treatment of Y, X …"
            var after = list.end
            while after < items.count, items[after].isWord(Lexical.heads) { after += 1 }
            if after < items.count, items[after].isWord(oneOf: ["with", "using"]),
                let drugItem = treatmentDrug(after: after + 1)
            {
                for item in drugList(from: drugItem) { subjects.append((item, "treated_with", 0.8)) }
            } else if subjectItem == nil, after < items.count, items[after].isPunctuation(","),
                let drugItem = analysis.drugAfter(after + 1, maxGap: 2)
            {
                subjects.append((drugItem, "fronted", 0.8))
            }
            for subject in subjects {
                if let index = analysis.drug(at: subject.item), causes.contains(analysis.mentions[index].id) { continue }
                emit(
                    subjectItem: subject.item,
                    objects: objects,
                    rule: subject.rule,
                    base: subject.base,
                    cueStart: hit.start,
                    relationEnd: subject.item > first ? subject.item + 1 : nil,
                    into: &collector
                )
            }
        }
    }

    /// A weak cue's condition object behind words the strict search refuses: the second
    /// conjunct of a short list ("reduced neurodeficits and brain edema", "attenuated ERK
    /// activation and hyperlipemia") or a condition after one modifier word ("decreases daytime
    /// sleepiness"). No drug (other than a "Z-induced" modifier), adverse word or clause break
    /// may lie between.
    private func looseWeakObject(after start: Int) -> Int? {
        var item = start
        while item < items.count, item - start <= 6 {
            let it = items[item]
            if it.kind == .slot {
                if analysis.condition(at: item) != nil {
                    let joined = item - 1 >= start && items[item - 1].isWord(oneOf: ["and"])
                    let modified =
                        item - 2 >= start && items[item - 2].isWord(oneOf: ["and"]) && items[item - 1].kind == .word
                    let single =
                        item - 1 == start && items[start].kind == .word
                        || item - 2 == start && items[start].isWord(oneOf: ["the"]) && items[item - 1].kind == .word
                    guard joined || modified || single, !isMeasured(item),
                        !items[item].text.hasSuffix("weight"), !items[item].text.hasSuffix("weights")
                    else { return nil }
                    return item
                }
                if analysis.isModifier(item) {
                    item += 3
                    continue
                }
                if analysis.drug(at: item) != nil { return nil }
            } else {
                if analysis.isClauseBreak(item) || it.isWord(Lexical.adverse) { return nil }
                if it.kind == .punctuation, !["-", "(", ")", "/"].contains(it.text) { return nil }
                if it.isWord(IndicationCues.looseStops) { return nil }
            }
            item += 1
        }
        return nil
    }

    /// Conditions further along a coordination from `start` (after a cue's object, or after a
    /// weak cue), past conjuncts that are not conditions: "prevent tubular atrophy, interstitial
    /// infiltration and fibrosis", "attenuated Z induced glial activation, cell death and
    /// neurotoxicity". A condition counts only as a conjunct: within four items of a comma, "and"
    /// or "or". The scan ends at a clause break, a stop word, an adverse word, a verb form ("-ed",
    /// "-ing", unless joined by a hyphen) or a drug other than a model's inducer ("Z induced").
    private func listTail(after start: Int) -> [Int] {
        var result: [Int] = []
        var conjunction: Int?
        var item = start
        while item < items.count, item - start <= 20 {
            let it = items[item]
            if analysis.isClauseBreak(item) { break }
            if it.kind == .slot {
                if analysis.isModifier(item) {
                    item += 3
                    continue
                }
                if analysis.condition(at: item) != nil {
                    // "decreased thymus and body weights": a measure, not a condition.
                    let weight = items[item].text.hasSuffix("weight") || items[item].text.hasSuffix("weights")
                    if let conjunction, item - conjunction <= 4, !isMeasured(item), !weight { result.append(item) }
                    conjunction = nil
                } else if analysis.drug(at: item) != nil {
                    let next = item + 1 < items.count && items[item + 1].isPunctuation("-") ? item + 2 : item + 1
                    guard next < items.count, items[next].isWord(IndicationCues.modelInducingVerbs) else { break }
                    item = next
                }
            } else if it.isPunctuation(",") || it.isWord(oneOf: ["and", "or"]) {
                conjunction = item
            } else if it.kind == .punctuation {
                guard ["-", "(", ")", "/"].contains(it.text) else { break }
            } else {
                // "the Z-induced increase" (joined by a hyphen, or one word "CH-induced").
                let joined = item > 0 && items[item - 1].isPunctuation("-") && !it.spaceBefore
                    || it.text.split(separator: "-").last.map { it.text.contains("-") && Lexical.modifierSuffixes.contains(String($0)) } == true
                // "STZ induced glial activation": an unnamed model inducer.
                let inducer = item > start && it.isWord(IndicationCues.modelInducingVerbs) && items[item - 1].kind == .word
                    && !items[item - 1].isWord(oneOf: ["and", "or"])
                // "attenuated the Z-induced increase in A and Y": the rise a cue lowers.
                let rise = result.isEmpty && conjunction == nil && item - start <= 5 && it.isWord(oneOf: ["increase", "increases", "rise", "elevation"])
                // "effective in controlling the A, Y and Z": the cue's own gerund.
                let gerund = item == start && it.isWord(IndicationCues.remedyGerunds)
                let verbal = it.text.hasSuffix("ed") || it.text.hasSuffix("ing")
                if !joined, !inducer, !rise, !gerund, verbal || it.isWord(IndicationCues.tailStops) || it.isWord(Lexical.adverse) { break }
            }
            item += 1
        }
        return result
    }

    /// Whether a verb cue is a passive participle after an auxiliary and not followed by "by":
    /// "the rise was prevented in sepsis".
    private func isAgentlessPassive(_ hit: CueHit) -> Bool {
        guard hit.end == hit.start + 1, items[hit.start].text.hasSuffix("ed"),
            ["treat", "prevent", "relieve", "reduce", "manage"].contains(hit.cue.rule)
        else { return false }
        var before = hit.start - 1
        while before >= 0, items[before].kind == .word, items[before].text.count > 4, items[before].text.hasSuffix("ly") {
            before -= 1
        }
        guard before >= 0, items[before].isWord(oneOf: ["was", "were", "is", "are", "be", "been", "being"]) else { return false }
        return !(hit.end < items.count && items[hit.end].isWord(oneOf: ["by", "with"]))
    }

    /// Whether a measure noun follows a condition within three items ("pain scores", "seizure
    /// and afterdischarge durations").
    /// With `exceptRelief`, a measure whose fall relieves the condition ("incidence", "severity",
    /// "scores") does not count.
    private func isMeasured(_ item: Int, exceptRelief: Bool = false) -> Bool {
        var next = item + 1
        while next < items.count, next <= item + 3, items[next].kind != .punctuation {
            if items[next].isWord(IndicationCues.measureNouns) {
                return !(exceptRelief && items[next].isWord(IndicationCues.reliefMeasures))
            }
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
        // Every population pattern starts with a population noun (a test checks it).
        for start in items.indices
        where items[start].kind == .word && Lexical.population.contains(key: items[start].key, text: items[start].text) {
            guard let end = IndicationCues.population.lazy.compactMap({ $0.match(self.items, at: start) }).first,
                let first = analysis.firstObject(
                    after: end,
                    maxGap: 3,
                    accept: analysis.condition,
                    restricted: WordSet.empty
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
        // Fields read in place: a copy of the item costs more than the test.
        guard items[item].kind == .word,
            IndicationCues.efficacyPrefixes.matches(key: items[item].key, head: items[item].head, text: items[item].text)
        else { return false }
        // "control subjects", "controlled trial": a comparison group, not an effect.
        if items[item].hasPrefix("control"), item + 1 < items.count,
            items[item + 1].isWord(IndicationCues.participleNouns) || items[item + 1].isWord(oneOf: ["subjects", "individuals", "trial", "trials", "study", "values"])
        {
            return false
        }
        return true
    }

    private func populationAfter(into collector: inout TripleCollector) {
        // Every emission needs a population noun (``populationObject(after:)``).
        guard analysis.mayHave(CueBits.population) else { return }
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
                if items[item].isWord(oneOf: ["in", "among", "for"]), let first = populationObject(after: item + 1) {
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
            return analysis.firstObject(after: end, maxGap: 3, accept: analysis.condition, restricted: WordSet.empty)
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
            // "was taking X 2-3 times daily for several days because of Y"
            var reason = cursor
            if reason < items.count, items[reason].isWord(oneOf: ["for"]), reason + 4 < items.count,
                items[reason + 1].kind == .word, items[reason + 2].isWord(oneOf: ["days", "weeks", "months", "years"]),
                items[reason + 3].isWord(oneOf: ["because"]), items[reason + 4].isWord(oneOf: ["of"])
            {
                reason += 4
            } else if reason + 1 < items.count, items[reason].isWord(oneOf: ["because"]), items[reason + 1].isWord(oneOf: ["of"]) {
                reason += 1
            }
            guard taken || dosed, reason < items.count, items[reason].isWord(reason == cursor ? ["for"] : ["of"]),
                let first = analysis.firstObject(
                    after: reason + 1,
                    maxGap: 3,
                    accept: analysis.condition,
                    restricted: WordSet.empty
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
                items[cursor + 1].isWord(IndicationCues.passiveVerbs) || items[cursor + 1].isWord(oneOf: ["for"])
            {
                cursor += 1
            }
            if cursor + 1 < items.count, items[cursor].isWord(oneOf: ["for"]), items[cursor + 1].isWord(oneOf: ["which", "whom"]) {
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
                items[cursor + 1].isWord(oneOf: ["treatment", "therapy", "management"]),
                cursor + 2 < items.count, items[cursor + 2].isWord(oneOf: ["with", "using", "by"])
            {
                drugItem = analysis.drugAfter(cursor + 3)
            } else {
                cursor = skipCoordinatedSubject(at: cursor)
                var auxiliaries = 0
                while cursor < items.count, isAuxiliary(cursor), auxiliaries < 4 {
                    cursor += 1
                    auxiliaries += 1
                }
                guard cursor + 1 < items.count else { continue }
                if items[cursor].isWord(IndicationCues.passiveVerbs)
                    || (auxiliaries > 0 && items[cursor].isWord(IndicationCues.passiveAgentVerbs))
                {
                    var next = cursor + 1
                    if next < items.count, isAuxiliary(next) { next += 1 }
                    if next < items.count, items[next].isWord(oneOf: ["with", "by", "using", "on"]) {
                        drugItem = treatmentDrug(after: next + 1)
                    } else {
                        drugItem = laterAdministration(after: next)
                    }
                } else if items[cursor].isWord(oneOf: ["responds", "responded", "respond", "responsive", "response"]),
                    items[cursor + 1].isWord(oneOf: ["to"]),
                    // "the hypotensive response to X": the drug's effect, not a disorder treated.
                    !(items[cursor].isWord(oneOf: ["response"]) && isEffectAdjective(conditionItem))
                {
                    drugItem = analysis.drugAfter(cursor + 2)
                }
            }
            guard let drugItem else { continue }
            let objects = analysis.expandListBackward(from: conditionItem, accept: analysis.condition).reversed()
            // "treated with temsirolimus, a mTOR inhibitor": the appositive class is the same drug.
            let drugs = analysis.expandList(from: drugItem, accept: analysis.drug).items.filter { item in
                guard item > drugItem, items[item - 1].isWord(oneOf: ["a", "an"]), let index = analysis.drug(at: item) else { return true }
                return !analysis.mentions[index].isClass
            }
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

    /// The drug of "following administration of X", "after treatment with X" a few items after a
    /// passive verb: "Y was attenuated in mutant mice following administration of X". No drug,
    /// condition or clause break may come first.
    private func laterAdministration(after start: Int) -> Int? {
        var cursor = start
        while cursor < items.count, cursor - start <= 6 {
            let it = items[cursor]
            if analysis.isClauseBreak(cursor) || analysis.drug(at: cursor) != nil || analysis.condition(at: cursor) != nil
                || it.isWord(Lexical.adverse)
            {
                return nil
            }
            if it.isWord(oneOf: ["following", "after"]) {
                var next = cursor + 1
                if next < items.count, items[next].isWord(oneOf: ["the", "a"]) { next += 1 }
                guard next + 1 < items.count, items[next].isWord(IndicationCues.administrationWords),
                    items[next + 1].isWord(oneOf: ["of", "with"])
                else { return nil }
                return treatmentDrug(after: next + 2)
            }
            cursor += 1
        }
        return nil
    }

    /// Whether a condition mention is an adjective of effect ("hypotensive", "cataleptic").
    private func isEffectAdjective(_ item: Int) -> Bool {
        let text = items[item].text.lowercased()
        return text.hasSuffix("ive") || text.hasSuffix("ic")
    }

    /// Skips "caused by X", "induced by X", "associated with X" after a condition, so that
    /// "Y caused by X is treated with Z" binds Z.
    private func skipCausalPostmodifier(at start: Int) -> Int {
        guard start + 1 < items.count,
            items[start].isWord(oneOf: ["caused", "induced", "associated", "due", "secondary", "related", "attributed"]),
            items[start + 1].isWord(oneOf: ["by", "with", "to"])
        else { return start }
        var cursor = start + 2
        while cursor < items.count, items[cursor].isWord(Lexical.fillers) { cursor += 1 }
        guard cursor < items.count, analysis.mention(at: cursor, type: .drug) != nil else { return start }
        return cursor + 1
    }

    // MARK: - Population given a drug: "patients with Y treated with X", "Y patients treated with X"

    /// "patients with Y (…) treated with X", "subjects with Y … were randomized to X", "Y patients
    /// treated with X", "X-treated Y patients". Receiving a drug is not enough ("patients with Y
    /// received X" stays silent): the population must be treated, randomized or assigned to it.
    private func populationTreated(into collector: inout TripleCollector) {
        // Every emission needs a population noun or a word of `treatedPopulation`.
        guard analysis.mayHave(CueBits.populationTreated) else { return }
        for start in items.indices {
            // "patients with Y …", "subjects (70% male) with Y …"
            if let end = populationCue(at: start),
                let first = analysis.firstObject(
                    after: end,
                    maxGap: 3,
                    accept: analysis.condition,
                    restricted: IndicationCues.conditionModifiers
                )
            {
                let list = analysis.expandList(from: first, accept: analysis.condition)
                if let drugs = treatedDrugs(after: list.end, window: 16), let firstDrug = drugs.first {
                    // "subjects with A (75%), B (17%), or C (8%) were assigned to X": every
                    // condition before the verb.
                    let objects = (first..<firstDrug).filter { item in
                        analysis.condition(at: item) != nil && (list.items.contains(item) || isBareListed(item, from: first))
                    }
                    for drug in drugs {
                        emit(subjectItem: drug, objects: objects, rule: "population_treated", base: 0.75,
                             cueStart: list.end, relationEnd: drug + 1, representative: false, into: &collector)
                    }
                }
                continue
            }
            // "Y patients treated with X", "X-treated Y patients"
            guard analysis.condition(at: start) != nil else { continue }
            var cursor = start + 1
            while cursor < items.count, cursor - start <= 2,
                items[cursor].isWord(IndicationCues.conditionModifiers) || items[cursor].isWord(Lexical.heads)
            {
                cursor += 1
            }
            guard cursor < items.count, items[cursor].isWord(IndicationCues.treatedPopulation) else { continue }
            let objects = analysis.expandListBackward(from: start, accept: analysis.condition).reversed()
            var drugs: [Int] = []
            if let after = treatedDrugs(after: cursor + 1, window: 6) {
                drugs = after
            } else if start >= 3, items[start - 1].isWord(oneOf: ["treated"]), basedDrug(at: start - 3) != nil {
                drugs = [start - 3]
            }
            for drug in drugs {
                emit(subjectItem: drug, objects: Array(objects), rule: "population_treated", base: 0.75,
                     cueStart: start, relationEnd: max(drug + 1, cursor + 1), representative: false, into: &collector)
            }
        }
    }

    /// The end of a population phrase at `start` ("patients with"), also across a parenthesis
    /// after the noun ("subjects (mean age 40 years) with").
    private func populationCue(at start: Int) -> Int? {
        // Every population pattern starts with a population noun (a test checks it).
        guard items[start].kind == .word, Lexical.population.contains(key: items[start].key, text: items[start].text) else {
            return nil
        }
        if let end = IndicationCues.population.lazy.compactMap({ $0.match(self.items, at: start) }).first { return end }
        guard start + 1 < items.count, items[start].isWord(Lexical.population), items[start + 1].isPunctuation("(") else {
            return nil
        }
        var cursor = start + 2
        var depth = 1
        while cursor < items.count, cursor - start <= 30, depth > 0 {
            if items[cursor].isPunctuation("(") { depth += 1 }
            if items[cursor].isPunctuation(")") { depth -= 1 }
            cursor += 1
        }
        guard depth == 0, cursor < items.count, items[cursor].isWord(oneOf: ["with", "having"]) else { return nil }
        return cursor + 1
    }

    /// The drugs given in "… treated with X (and Z)", "… were randomized to X or Z" within a
    /// window after `start`; nil at a clause break, adverse wording or another condition first.
    private func treatedDrugs(after start: Int, window: Int) -> [Int]? {
        var item = start
        var depth = 0
        var steps = 0
        while item < items.count, steps <= window {
            let it = items[item]
            if it.isPunctuation("(") { depth += 1 }
            if it.isPunctuation(")") { depth = max(0, depth - 1) }
            if depth == 0 {
                steps += 1
                // "a man with Y due to Z was responding to X": the cause of the condition.
                if it.isWord(oneOf: ["due", "secondary"]), item + 2 < items.count, items[item + 1].isWord(oneOf: ["to"]),
                    analysis.condition(at: item + 2) != nil
                {
                    item += 3
                    continue
                }
                if analysis.isClauseBreak(item) || it.isWord(Lexical.adverse) || it.isWord(oneOf: ["who", "whose", "after", "before"]) {
                    return nil
                }
                if it.kind == .slot, analysis.drug(at: item) != nil { return nil }
                // "received triple therapy with X": a course of treatment, not a mere receipt.
                if it.isWord(oneOf: ["received", "receiving", "receive", "receives"]) {
                    var next = item + 1
                    while next < items.count, next - item <= 4, !items[next].isWord(IndicationCues.receivedTreatments) {
                        guard items[next].kind == .word, !analysis.isClauseBreak(next) else { break }
                        next += 1
                    }
                    guard next < items.count, next - item <= 4, items[next].isWord(IndicationCues.receivedTreatments),
                        next + 1 < items.count, items[next + 1].isWord(oneOf: ["with", "of"]),
                        let drug = treatmentDrug(after: next + 2)
                    else { return nil }
                    return drugList(from: drug)
                }
                // "a man with Y was responding well to steroid therapy"
                if it.isWord(IndicationCues.respondVerbs) {
                    var next = item + 1
                    while next < items.count, next - item <= 2, items[next].isWord(IndicationCues.responseAdverbs) { next += 1 }
                    guard next < items.count, items[next].isWord(oneOf: ["to"]), let drug = treatmentDrug(after: next + 1) else {
                        return nil
                    }
                    return drugList(from: drug)
                }
                if it.isWord(IndicationCues.treatedVerbs) {
                    var next = item + 1
                    while next < items.count, next - item <= 3, items[next].isWord(oneOf: ["to", "receive", "either", "treatment", "with", "by", "using", "on", "for"]) {
                        next += 1
                    }
                    guard next > item + 1, let drug = treatmentDrug(after: next) else { return nil }
                    return drugList(from: drug)
                }
            }
            item += 1
        }
        return nil
    }

    /// Whether a condition item belongs to a list that starts at `first` where items may carry
    /// parenthesized figures: "A (75%), B (17%), or C (8%)".
    private func isBareListed(_ item: Int, from first: Int) -> Bool {
        var depth = 0
        for between in first..<item {
            let it = items[between]
            if it.isPunctuation("(") { depth += 1; continue }
            if it.isPunctuation(")") { depth = max(0, depth - 1); continue }
            if depth > 0 { continue }
            if it.kind == .slot {
                if analysis.condition(at: between) == nil { return false }
                continue
            }
            guard it.isPunctuation(",") || it.isWord(oneOf: ["and", "or", "and/or"]) || it.isWord(Lexical.fillers)
                || it.isWord(IndicationCues.conditionModifiers) || it.isWord(Lexical.heads)
            else { return false }
        }
        return true
    }

    /// Drugs listed from `first`, over doses in parentheses: "olanzapine (2.5-20 mg/day) or
    /// risperidone (1-6 mg/day)", "FU plus levamisole or leucovorin".
    private func drugList(from first: Int) -> [Int] {
        var result = [first]
        var item = first + 1
        var depth = 0
        var separated = false
        while item < items.count, item - first <= 30 {
            let it = items[item]
            if it.isPunctuation("(") {
                depth += 1
            } else if it.isPunctuation(")") {
                depth = max(0, depth - 1)
            } else if depth == 0 {
                if it.kind == .slot {
                    guard separated, analysis.drug(at: item) != nil || basedDrug(at: item) != nil else { break }
                    result.append(item)
                    separated = false
                } else if it.isPunctuation(",") || it.isWord(oneOf: ["and", "or", "plus", "and/or", "with", "either", "versus", "vs"])
                    || it.isPunctuation("/") || it.isWord(oneOf: ["placebo"])
                {
                    // "X at 5 mg twice daily, placebo, or Z at 4 mg": the placebo arm is no drug.
                    separated = true
                } else if !(it.isWord(IndicationCues.doseWords) || it.isWord(Lexical.fillers)
                    || it.isWord(IndicationCues.drugIntroducers) || it.isPunctuation("-") || (it.kind == .word && it.text.first?.isNumber == true)
                    // "ribavirin, pegylated interferon and telaprevir": one modifier of the next drug
                    || separated && it.kind == .word && item + 1 < items.count && analysis.drug(at: item + 1) != nil)
                {
                    break
                }
            }
            item += 1
        }
        return result
    }

    // MARK: - Effect of a drug: "the efficacy of X in Y", "protective effect of X on Y"

    /// "the efficacy of X in patients with Y", "protective effect of X on Y", "antitumor activity
    /// of X in Y cells".
    private func effectOf(into collector: inout TripleCollector) {
        for cue in items.indices where isEffectCue(cue) {
            var of = cue + 1
            // "efficacy and safety of X"
            if of + 1 < items.count, items[of].isWord(oneOf: ["and"]), items[of + 1].isWord(oneOf: ["safety", "tolerability", "tolerance"]) {
                of += 2
            }
            if items[cue].isWord(IndicationCues.effectAdjectives) || isAntiWord(cue) {
                guard of < items.count, items[of].isWord(IndicationCues.effectHeads) else { continue }
                of += 1
            }
            guard of < items.count, items[of].isWord(oneOf: ["of"]), let drug = treatmentDrug(after: of + 1) else { continue }
            var drugs = analysis.expandList(from: drug, accept: analysis.drug).items
            var cursor = drugs.last.map { $0 + 1 } ?? drug + 1
            // "X and Z combination", "X (10 mg/kg) pretreatment", "X versus Z"
            var depth = 0
            while cursor < items.count, cursor - drug <= 14 {
                let it = items[cursor]
                if it.isPunctuation("(") {
                    depth += 1
                } else if it.isPunctuation(")") {
                    depth = max(0, depth - 1)
                } else if depth > 0 {
                    // an abbreviation or a dose in parentheses
                } else if it.kind == .slot {
                    guard analysis.drug(at: cursor) != nil, items[cursor - 1].isWord(oneOf: ["and", "or", "versus", "vs", "plus", "with"])
                        || items[cursor - 1].isPunctuation("/") || items[cursor - 1].isPunctuation(".")
                    else { break }
                    drugs.append(cursor)
                } else if !(it.isWord(IndicationCues.administrationWords) || it.isWord(IndicationCues.doseWords)
                    || it.kind == .word && it.text.hasSuffix("-dose")
                    || it.isWord(oneOf: ["versus", "vs", "and", "or", "plus"]) || it.isPunctuation("/") || it.isPunctuation("-")
                    || (it.isPunctuation(".") && items[cursor - 1].isWord(oneOf: ["vs"]))
                    || (it.kind == .word && it.text.first?.isNumber == true))
                {
                    break
                }
                cursor += 1
            }
            guard cursor < items.count, items[cursor].isWord(IndicationCues.effectPrepositions) else { continue }
            var objectStart = cursor + 1
            if let end = IndicationCues.population.lazy.compactMap({ $0.match(self.items, at: objectStart) }).first {
                objectStart = end
            } else if objectStart + 1 < items.count, items[objectStart].isWord(oneOf: ["the", "a", "an"]),
                let end = IndicationCues.population.lazy.compactMap({ $0.match(self.items, at: objectStart + 1) }).first
            {
                objectStart = end
            }
            guard let first = analysis.firstObject(after: objectStart, maxGap: 5, accept: analysis.condition) else { continue }
            let list = analysis.expandList(from: first, accept: analysis.condition)
            for subject in drugs {
                emit(subjectItem: subject, objects: list.items, rule: "effect_of", base: 0.75, cueStart: cue,
                     relationEnd: nil, representative: false, into: &collector)
            }
        }
    }

    private func isEffectCue(_ item: Int) -> Bool {
        // A class mention may be an anti-word too ("Anticonvulsant effect of X on Y"), so only the
        // word lists ask for a word.
        guard items[item].kind == .word else { return isAntiWord(item) }
        // Probed by the item's key: its text is read only on a key hit.
        return IndicationCues.effectNouns.contains(item: items[item]) || IndicationCues.effectAdjectives.contains(item: items[item])
            || isAntiWord(item)
    }

    /// "antitumor", "anti-inflammatory", "anticonvulsant": a word of opposing action.
    private func isAntiWord(_ item: Int) -> Bool {
        // Only a text whose first byte is "a" (or not ASCII) can start with "anti".
        let head = items[item].head
        guard head == UInt8(ascii: "a") || head >= 0x80 else { return false }
        // A class mention counts too: "Anticonvulsant effect of X on Y".
        guard items[item].kind == .word || (items[item].kind == .slot && analysis.drug(at: item) != nil),
            Lexical.hasPrefix(items[item].text, "anti"), !Lexical.characterCount(of: items[item].text, isAtMost: 6)
        else { return false }
        let it = items[item]
        return !it.text.hasPrefix("antib") && !it.text.hasPrefix("antig") || it.isWord(oneOf: ["antibacterial", "antibiotic"])
    }

    // MARK: - "X exhibits an anticancer effect in Y", "the response of Y to X"

    /// A drug with an opposing effect on a condition: "X exhibits an anticancer effect in
    /// various types of Y", "X showed antitumor activity against Y".
    private func antiEffect(into collector: inout TripleCollector) {
        for cue in items.indices where isAntiWord(cue) {
            guard cue + 2 < items.count, items[cue + 1].isWord(IndicationCues.effectHeads),
                items[cue + 2].isWord(oneOf: ["in", "on", "against", "toward", "towards"]),
                let subject = analysis.nearestDrug(before: cue, window: 12, skip: nonSubjects),
                !hasAdverse(in: (subject + 1)..<cue),
                let first = analysis.firstObject(after: cue + 3, maxGap: 5, accept: analysis.condition)
            else { continue }
            let list = analysis.expandList(from: first, accept: analysis.condition)
            emit(subjectItem: subject, objects: list.items, rule: "protective", base: 0.75, cueStart: cue,
                 relationEnd: nil, into: &collector)
        }
    }

    /// A drug studied in a disease model induced by another agent: "Effect of X and Z combination
    /// in isoproterenol induced myocardial infarction", "Role of X on … in Z-induced Y", "mice
    /// pretreated with X in Z-induced seizures".
    private func modelStudy(into collector: inout TripleCollector) {
        guard analysis.mayHave(CueBits.modelStudy) else { return }
        for cue in items.indices where items[cue].isWord(IndicationCues.modelStudyWords) {
            guard cue + 1 < items.count, items[cue + 1].isWord(oneOf: ["of", "with", "by"]),
                let drug = treatmentDrug(after: cue + 2)
            else { continue }
            let drugs = drugList(from: drug)
            var cursor = (drugs.last ?? drug) + 1
            var object: Int?
            while cursor + 2 < items.count, cursor - drug <= 16, !analysis.isClauseBreak(cursor) {
                // "Effects of X on experimental Y"
                if items[cursor].isWord(oneOf: ["experimental"]), analysis.condition(at: cursor + 1) != nil {
                    object = cursor + 1
                    break
                }
                if let inducer = analysis.mention(at: cursor, type: .drug), !drugs.contains(cursor) {
                    var verb = cursor + 1
                    if items[verb].isPunctuation("-") { verb += 1 }
                    // "effects of X in Z emulsions on W-induced Y": another drug on the way
                    guard verb < items.count, items[verb].isWord(IndicationCues.modelInducingVerbs) else {
                        cursor += 1
                        continue
                    }
                    let inducerID = analysis.mentions[inducer].id
                    guard !drugs.contains(where: { analysis.drug(at: $0).map { analysis.mentions[$0].id } == inducerID }),
                        let first = analysis.firstObject(after: verb + 1, maxGap: 2, accept: analysis.condition, restricted: WordSet.empty)
                    else { break }
                    object = first
                    break
                }
                // "Effect of X on Y": a condition before any inducer is not a model's; "treatment
                // with X potentiated Z-induced Y" is a harm.
                if analysis.condition(at: cursor) != nil || items[cursor].isWord(Lexical.adverse)
                    || items[cursor].isWord(IndicationCues.worseningVerbs)
                    || items[cursor].isWord(oneOf: ["sensitivity", "susceptibility", "alteration", "alterations", "vulnerability"])
                {
                    break
                }
                cursor += 1
            }
            guard let object else { continue }
            let list = analysis.expandList(from: object, accept: analysis.condition)
            for subject in drugs {
                emit(subjectItem: subject, objects: list.items, rule: "effect_of", base: 0.7, cueStart: cue,
                     relationEnd: nil, representative: false, into: &collector)
            }
        }
    }

    /// "the response of Y (patients) to X": the condition answers to the drug.
    private func responseOf(into collector: inout TripleCollector) {
        for cue in items.indices where items[cue].isWord(oneOf: ["response", "responses", "responsiveness"]) {
            guard cue + 1 < items.count, items[cue + 1].isWord(oneOf: ["of"]),
                let first = analysis.firstObject(
                    after: cue + 2, maxGap: 3, accept: analysis.condition, restricted: IndicationCues.conditionModifiers)
            else { continue }
            let list = analysis.expandList(from: first, accept: analysis.condition)
            var cursor = list.end
            while cursor < items.count, cursor - list.end <= 2,
                items[cursor].isWord(Lexical.heads) || items[cursor].isWord(IndicationCues.treatedPopulation)
            {
                cursor += 1
            }
            guard cursor < items.count, items[cursor].isWord(oneOf: ["to"]), let drug = treatmentDrug(after: cursor + 1) else { continue }
            for subject in drugList(from: drug) {
                emit(subjectItem: subject, objects: list.items, rule: "treated_with", base: 0.75, cueStart: cue,
                     relationEnd: subject + 1, representative: false, into: &collector)
            }
        }
    }

    // MARK: - "X protects the gastric mucosa against Y"

    /// A protecting verb with a short non-mention object before "against": "X protected the
    /// bladder lining against Y". The drug is the nearest one before the verb.
    private func protectAgainst(into collector: inout TripleCollector) {
        for verb in items.indices where items[verb].isWord(IndicationCues.protectVerbs) {
            if verb > 0, items[verb - 1].isPunctuation("-") { continue }
            var cursor = verb + 1
            // The protected thing: up to six words or non-drug mentions ("PBMCs of dialysis
            // patients"), no punctuation.
            while cursor < items.count, cursor - verb <= 6,
                items[cursor].kind == .word || items[cursor].kind == .slot && analysis.drug(at: cursor) == nil,
                !items[cursor].isWord(oneOf: ["against", "from"]), !analysis.isClauseBreak(cursor)
            {
                cursor += 1
            }
            guard cursor > verb + 1, cursor < items.count, items[cursor].isWord(oneOf: ["against"]),
                let first = analysis.firstObject(after: cursor + 1, maxGap: 3, accept: analysis.condition),
                let subject = analysis.nearestDrug(before: verb, window: 10, skip: nonSubjects),
                !hasAdverse(in: (subject + 1)..<verb)
            else { continue }
            let list = analysis.expandList(from: first, accept: analysis.condition)
            emit(
                subjectItem: subject,
                objects: list.items,
                rule: "prevent",
                base: 0.75,
                cueStart: verb,
                relationEnd: nil,
                into: &collector
            )
        }
    }

    // MARK: - Cells: "X suppressed proliferation and migration of Y cells"

    /// A drug that suppresses the growth of diseased cells or induces their death: "X inhibited
    /// the proliferation and invasion of human Y cells", "X induces apoptosis in Y cells".
    private func cellGrowth(into collector: inout TripleCollector) {
        guard analysis.mayHave(CueBits.cellHallmarks), analysis.mayHave(CueBits.cellNouns) else { return }
        for verb in items.indices where items[verb].kind == .word {
            let inducing = items[verb].isWord(IndicationCues.cellDeathVerbs)
            guard
                inducing
                    || IndicationCues.cellGrowthVerbs.matches(key: items[verb].key, head: items[verb].head, text: items[verb].text)
            else { continue }
            if verb > 0, items[verb - 1].isPunctuation("-") { continue }  // "X-induced"
            guard let subject = analysis.nearestDrug(before: verb, window: 12, skip: nonSubjects),
                !hasAdverse(in: (subject + 1)..<verb)
            else { continue }
            let hallmarks = inducing ? IndicationCues.cellDeathNouns : IndicationCues.cellGrowthNouns
            var cursor = verb + 1
            var hallmark: Int?
            while cursor < items.count, cursor - verb <= 10, !analysis.isClauseBreak(cursor) {
                if items[cursor].isWord(hallmarks) {
                    hallmark = cursor
                    break
                }
                if items[cursor].kind == .slot { break }
                cursor += 1
            }
            guard let hallmark else { continue }
            cursor = hallmark + 1
            while cursor < items.count, cursor - hallmark <= 20, !analysis.isClauseBreak(cursor) {
                if items[cursor].kind == .slot {
                    if analysis.condition(at: cursor) != nil {
                        var next = cursor + 1
                        while next < items.count, next - cursor <= 3, !items[next].isWord(IndicationCues.cellNouns),
                            items[next].kind != .slot, !items[next].isPunctuation(",")
                        {
                            next += 1
                        }
                        if next < items.count, items[next].isWord(IndicationCues.cellNouns) {
                            emit(subjectItem: subject, objects: [cursor], rule: "cell_growth", base: 0.7, cueStart: verb,
                                 relationEnd: nil, into: &collector)
                        }
                        break
                    }
                    if analysis.drug(at: cursor) != nil { break }
                }
                cursor += 1
            }
        }
    }

    // MARK: - A drug class as the cue noun: "X is an effective antiarrhythmic drug for Y"

    /// Head words of a class mention that name a remedy: "antiarrhythmic drug", "protective agent".
    static let remedyHeads: WordSet = [
        "drug", "drugs", "agent", "agents", "medication", "medications", "medicine", "medicines", "therapy", "treatment",
    ]

    /// A class mention whose head names a remedy, right before "for", "in" or "against" and a
    /// condition: "X represents an effective antiarrhythmic drug for cardioversion of Y", "X may
    /// be considered as a novel protective agent in Z-induced Y". The subject is the specific
    /// drug said to be the class (a copula before it), else the class itself.
    private func classFor(into collector: inout TripleCollector) {
        for classItem in items.indices where classItem + 1 < items.count && items[classItem + 1].isWord(oneOf: ["for", "in", "against"]) {
            guard let index = analysis.drug(at: classItem), analysis.mentions[index].isClass,
                let head = items[classItem].text.split(separator: " ").last, Self.remedyHeads.contains(head.lowercased()),
                let first = analysis.firstObject(after: classItem + 2, maxGap: 5, accept: analysis.condition)
            else { continue }
            // "for the treatment of Y" is the forward rule's.
            if items[(classItem + 2)..<first].contains(where: { $0.isWord(oneOf: ["treatment", "therapy", "management", "prevention"]) }) {
                continue
            }
            let list = analysis.expandList(from: first, accept: analysis.condition)
            let subject = copulaDrug(before: classItem) ?? classItem
            emit(subjectItem: subject, objects: list.items, rule: "therapy", base: 0.75, cueStart: classItem + 1,
                 relationEnd: nil, into: &collector)
        }
    }

    /// The specific drug that a copula names as the class at `classItem`: "Amiodarone represents
    /// an effective …", "X may be considered as a novel …".
    private func copulaDrug(before classItem: Int) -> Int? {
        var cursor = classItem - 1
        var copula = false
        while cursor >= 0, classItem - cursor <= 8 {
            let it = items[cursor]
            if it.kind == .slot {
                guard copula, let index = analysis.drug(at: cursor), !analysis.mentions[index].isClass else { return nil }
                return cursor
            }
            if analysis.isClauseBreak(cursor) || it.kind == .punctuation || it.isWord(oneOf: ["and", "or", "that", "which", "than"]) {
                return nil
            }
            if it.isWord(oneOf: ["is", "was", "are", "were", "represents", "represent", "remains", "as", "be"]) { copula = true }
            cursor -= 1
        }
        return nil
    }

    // MARK: - "X for Y"

    /// The words allowed between "for" and the condition in ``drugFor(into:)``: the condition
    /// modifiers and the treatment words (made once, not per candidate).
    private static let drugForGap = WordSet(
        Array(IndicationCues.conditionModifiers) + ["treatment", "therapy", "management", "prophylaxis", "prevention", "patients", "with"]
    )

    /// A drug (with a dose, a treatment noun, or "was initiated") directly before "for" and a
    /// condition: "methadone for heroin dependence", "daptomycin 9 mg/kg daily was initiated for
    /// suspected meningitis", "escitalopram (which she was taking for depression)".
    private func drugFor(into collector: inout TripleCollector) {
        for drugItem in items.indices where analysis.drug(at: drugItem) != nil {
            if drugItem > 0, items[drugItem - 1].isWord(IndicationCues.forBlockers) { continue }
            var cursor = drugItem + 1
            var depth = 0
            var steps = 0
            var relative = false
            while cursor < items.count, steps < 10 {
                let it = items[cursor]
                if it.isPunctuation("(") {
                    depth += 1
                } else if it.isPunctuation(")") {
                    if depth == 0 { break }
                    depth -= 1
                } else if depth > 0 && !relative {
                    if cursor == drugItem + 2, it.isWord(oneOf: ["which", "that"]) { relative = true }
                } else if it.isWord(oneOf: ["for"]) {
                    break
                } else if relative, it.isWord(oneOf: ["she", "he", "they", "was", "were", "had", "has", "been", "being", "is", "the", "patient"])
                    || it.isWord(IndicationCues.takeVerbs) {
                } else if !(it.isWord(IndicationCues.doseWords) || it.isWord(IndicationCues.treatmentNouns)
                    || it.isWord(IndicationCues.givenVerbs) || it.isWord(oneOf: ["was", "were", "is", "are", "be", "been", "being", "then", "subsequently", "successfully", "empirically", "initially"])
                    || it.isPunctuation(".") || it.isPunctuation("/") || it.kind == .word && it.text.first?.isNumber == true)
                {
                    break
                }
                cursor += 1
                steps += 1
            }
            guard cursor < items.count, items[cursor].isWord(oneOf: ["for"]) else { continue }
            guard let first = analysis.firstObject(after: cursor + 1, maxGap: 4, accept: analysis.condition, restricted: Self.drugForGap)
            else { continue }
            // "for the treatment of Y" is the forward rule's.
            if items[(cursor + 1)..<first].contains(where: { $0.isWord(oneOf: ["treatment", "therapy", "management", "prophylaxis", "prevention"]) }) {
                continue
            }
            let list = analysis.expandList(from: first, accept: analysis.condition)
            emit(subjectItem: drugItem, objects: list.items, rule: "for", base: 0.7, cueStart: drugItem + 1,
                 relationEnd: nil, into: &collector)
        }
    }

    // MARK: - Shared helpers

    /// The drug after a word that gives it ("treated with", "by"), over fillers and words of the
    /// way it is given ("daily intragastric verapamil", "atypical antipsychotics", "pretreatment
    /// with"); a drug joined to "-based" counts ("fluorouracil-based chemotherapy").
    private func treatmentDrug(after start: Int) -> Int? {
        var item = start
        while item < items.count, item - start <= 5 {
            if analysis.drug(at: item) != nil || basedDrug(at: item) != nil { return item }
            let it = items[item]
            guard it.kind != .slot, !analysis.isClauseBreak(item),
                it.isWord(Lexical.fillers) || it.isWord(IndicationCues.drugIntroducers) || it.isPunctuation(",")
                    || it.kind == .word && it.text.hasSuffix("ly") && it.text.count > 4
            else { return nil }
            item += 1
        }
        return nil
    }

    /// A drug mention joined to "-based", "-containing" or "-treated" ("fluorouracil-based adjuvant
    /// treatment", "fluorouracil-treated cancer patients").
    private func basedDrug(at item: Int) -> Int? {
        guard item + 2 < items.count, items[item + 1].isPunctuation("-"),
            items[item + 2].isWord(oneOf: ["based", "containing", "treated"]),
            let index = analysis.mention(at: item, type: .drug), analysis.mention(at: item, type: .receptor) == nil
        else { return nil }
        return index
    }

    /// Drugs coordinated before a subject, and those compared with them: "olanzapine versus
    /// risperidone for …" gives both.
    private func comparedDrugs(endingAt subject: Int) -> [Int] {
        var result = analysis.coordinatedDrugs(endingAt: subject, overDoses: true)
        guard let earliest = result.last else { return result }
        var cursor = earliest - 1
        if cursor >= 0, items[cursor].isPunctuation("."), cursor > 0, items[cursor - 1].isWord(oneOf: ["vs"]) { cursor -= 1 }
        guard cursor >= 1, items[cursor].isWord(oneOf: ["versus", "vs"]), analysis.drug(at: cursor - 1) != nil else { return result }
        result.append(contentsOf: analysis.coordinatedDrugs(endingAt: cursor - 1))
        return result
    }

    /// An auxiliary or adverb between a condition and its passive verb ("were dose-dependently").
    private func isAuxiliary(_ item: Int) -> Bool {
        let it = items[item]
        return it.isWord(IndicationCues.auxiliaries) || (it.kind == .word && it.text.count > 5 && it.text.hasSuffix("ly"))
    }

    /// Skips "and various ulcerogenic parameters" after a passive subject condition, up to an
    /// auxiliary: "This ulcer and various related parameters were ameliorated by X".
    private func skipCoordinatedSubject(at start: Int) -> Int {
        guard start < items.count, items[start].isWord(oneOf: ["and"]) else { return start }
        var cursor = start + 1
        while cursor < items.count, cursor - start <= 5 {
            let it = items[cursor]
            if it.isWord(oneOf: ["were", "are"]) { return cursor }
            guard it.kind == .word, !it.isWord(Lexical.adverse), !analysis.isClauseBreak(cursor),
                !it.isWord(oneOf: ["was", "is", "that", "which", "who"])
            else { return start }
            cursor += 1
        }
        return start
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
        guard let nearest = analysis.drug(at: subjectItem) ?? basedDrug(at: subjectItem) else { return }
        let mentions = analysis.mentions
        let reported =
            representative && subjectItem < cueStart
            ? (analysis.representative(of: subjectItem, before: cueStart) ?? nearest) : nearest
        let subject = mentions[nearest]
        // "Ghrelin protects against colitis": a hormone or cytokine studied, not a drug given.
        if subject.source != .anaphor,
            IndicationCues.isEndogenousProtein(text: items[subjectItem].text, name: subject.name)
        {
            return
        }
        // "Omitting fentanyl reduces nausea": the absence of the drug acts, not the drug.
        var before = subjectItem - 1
        while before >= 0, subjectItem - before <= 3, items[before].isWord(oneOf: ["of", "the", "a", "an", "all", "any"]) { before -= 1 }
        if before >= 0, items[before].isWord(IndicationCues.withdrawalWords) { return }
        if subject.source != .anaphor, isNonAgent(subjectItem) { return }
        let anchor = objects.first ?? subjectItem
        // "AZT-induced anemia and leukopenia": the modifier of the list's head covers the list.
        if let head = objects.first, head >= 1, !items[head - 1].isWord(oneOf: ["treated", "based"]),
            let modifier = analysis.adverseModifierDrug(before: head), mentions[modifier].id == subject.id
        {
            return
        }
        for (position, objectItem) in objects.enumerated() {
            guard let objectIndex = analysis.condition(at: objectItem) else { continue }
            let object = mentions[objectIndex]
            if object.id == subject.id { continue }
            // "may also improve analgesia": a wanted state, not a disorder.
            if items[objectItem].isWord(IndicationCues.wantedStates)
                || IndicationCues.wantedStates.contains(items[objectItem].text.lowercased())
            {
                continue
            }
            // "aspirin-induced asthma", but not "aspirin-treated asthma patients".
            if let modifier = analysis.adverseModifierDrug(before: objectItem), mentions[modifier].id == subject.id,
                !items[objectItem - 1].isWord(oneOf: ["treated", "based"])
            {
                continue
            }
            if causedBy(objectItem, drugID: subject.id) { continue }
            let low = min(subjectItem, objectItem)
            let high = max(subjectItem, objectItem)
            let path = (low + 1)..<max(high, min(relationEnd ?? high, items.count))
            let negated = analysis.isNegated(subject, object, path: path)
            let hedged = analysis.isHedged(subject, object, path: path)
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
            items[cursor].isWord(oneOf: ["caused", "induced", "associated", "due", "secondary", "related", "attributed"]),
            items[cursor + 1].isWord(oneOf: ["by", "with", "to"])
        else { return false }
        var item = cursor + 2
        // "cognitive impairment associated with these drugs"
        if item + 1 < items.count, items[item].isWord(Lexical.demonstratives), items[item + 1].isWord(Lexical.genericDrugs) {
            return true
        }
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
        let starts = IndicationCues.qualifierStarts
        while item < limit {
            // No qualifier cue starts here (most items): the next.
            guard IndicationCues.qualifierHeads.admits(items, item),
                starts?.contains(key: items[item].key, text: items[item].text) ?? true
            else {
                item += 1
                continue
            }
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
