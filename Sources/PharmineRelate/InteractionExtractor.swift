public import PharmineContext
public import PharmineCore

/// Extracts `interaction` triples (drug ↔ drug or drug class) from cue patterns within a sentence.
///
/// Requires `sentences`, `tokens` and `mentions` (type `drug`; anaphors used like drug
/// mentions) and reads the context flags. Produces `interaction` triples appended to
/// `document.triples` (kept in document order). The predicate is symmetric: one triple per pair
/// and place, subject the drug written first.
///
/// Rules (`rule` is `interaction.<name>`), qualifier in brackets:
/// - `exposure`: "X increases the plasma concentrations of Y", "X increased Y AUC", "X reduces
///   Y exposure" [increases_exposure / decreases_exposure]; "levels" counts only with "plasma",
///   "serum", "blood" or "systemic" ("increases the levels of norepinephrine" is pharmacology,
///   not an interaction);
/// - `clearance`: "X decreases the clearance of Y" [increases_exposure], "increases the
///   clearance" [decreases_exposure];
/// - `metabolism`: "X inhibits the (CYP3A4-mediated) metabolism of Y" [metabolic_inhibition],
///   "X induces the metabolism of Y" [metabolic_induction];
/// - `contraindicated`: "X is contraindicated with / in patients receiving Y"; `not_combined`:
///   "X should not be combined with Y", "do not use X with Y", "avoid concomitant use of X and
///   Y" [contraindicated];
/// - `potentiates`: "X potentiates (the effects of) Y", "X enhances the effect of Y";
///   `additive`: "X has additive effects with Y", "X and Y have additive effects" [additive_effect];
/// - `coadministration`: "co-administration of X with Y", "concomitant use of X and Y", "X
///   coadministered with Y": the qualifier is the effect the sentence states (as above, or
///   `contraindicated` for "is contraindicated", "should be avoided", "is not recommended"), or
///   none; base 0.85 with a stated effect, 0.6 without. Combination therapy ("X combined with
///   Y", "X in combination with Y") is no interaction by itself, only with a stated advice or
///   outcome ("X should not be used in combination with Y");
/// - `combined_risk`: "X together with Y increases the risk of Z", "X plus Y raises the risk"
///   [additive_effect];
/// - `interacts`: "X interacts with Y", "interaction between X and Y" [none];
/// - passive: `effect_changed`, "the effects of Y may be reduced by X" [none], "… are potentiated
///   / enhanced / increased by X" [additive_effect]; `exposure`, "plasma concentrations of Y are
///   increased by X" [as above];
/// - `coadministration` also for "when X and Y are coadministered / given concomitantly".
///
/// The first side of a statement may be a list ("X, Y, and Z may increase the plasma
/// concentrations of W" gives three triples).
///
/// Both arguments must be drug mentions of different concepts, neither an endogenous substance
/// (``EndogenousSubstances``: "norepinephrine" in "increasing the levels of neurotransmitters like
/// norepinephrine"), a generic word ("drugs", "agents") or a clinical analyte ("increased the creatinine concentration", "urinary excretion of
/// sodium"). One triple per pair of concepts and sentence. "drug interactions" with one drug
/// yields nothing.
/// Lists of second drugs expand ("contraindicated with MAO inhibitors or linezolid").
public struct InteractionExtractor: Stage {
    /// Substances that are never interaction partners.
    public var endogenous: EndogenousSubstances

    /// Creates the extractor.
    ///
    /// - Parameter endogenous: Substances never taken as partners (default: none).
    public init(endogenous: EndogenousSubstances = EndogenousSubstances()) {
        self.endogenous = endogenous
    }

    /// Adds the document's interaction triples.
    ///
    /// - Parameter document: The document, with sentences, tokens and mentions.
    /// - Returns: The document with interaction triples appended.
    public func process(_ document: Document) -> Document {
        var collector = TripleCollector()
        SentenceWalker.forEachSentence(of: document, endogenous: endogenous, where: accepts) { analysis, _ in
            collect(analysis, into: &collector)
        }
        var document = document
        document.triples.append(contentsOf: collector.triples)
        document.triples.sortInDocumentOrder()
        return document
    }

    /// Whether a sentence can hold an interaction: drug mentions of two concepts (every rule
    /// emits a pair of drug arguments of different concepts).
    func accepts(_ facts: SentenceFacts) -> Bool {
        facts.mentionCount >= 2 && facts.twoDrugConcepts
    }

    /// Collects the interactions of one sentence.
    func collect(_ analysis: SentenceAnalysis, into collector: inout TripleCollector) {
        InteractionRules(analysis: analysis).run(into: &collector)
    }
}

/// The interaction rules applied to one sentence.
struct InteractionRules {
    let analysis: SentenceAnalysis
    /// Whether the sentence denies an interaction ("no clinically significant interactions were
    /// observed between X and …", "X had no effect on Y", "without evidence of adverse
    /// interactions"): its triples are negated, contraindications excepted.
    let denied: Bool

    init(analysis: SentenceAnalysis) {
        self.analysis = analysis
        self.items = analysis.items
        self.denied = Self.deniesInteraction(analysis.items)
    }

    /// Words a denial is about: "no interaction", "did not alter", "no significant effect".
    private static let deniedWords: WordSet = [
        "interaction", "interactions", "interact", "interacts", "interacted", "effect", "effects", "change",
        "changes", "changed", "difference", "differences", "alteration", "alterations", "alter", "altered",
        "alters", "affect", "affected", "influence", "influenced", "evidence", "significant", "significantly",
        "clinically", "relevant", "pharmacokinetic", "pharmacodynamic", "apparent", "meaningful", "important",
        "modify", "modified", "increase", "decrease", "impact", "interfere", "interfered", "potentiate", "require",
        "requires", "necessitate",
    ]

    /// Words that deny a change by themselves.
    private static let unchangedWords: WordSet = ["unchanged", "unaffected", "unaltered", "safely"]
    /// Words that open a denial.
    private static let denialOpeners: WordSet = ["no", "not", "without", "neither", "nor", "lack"]

    private static func deniesInteraction(_ items: [SentenceView.Item]) -> Bool {
        for index in items.indices where items[index].kind == .word {
            if items[index].isWord(unchangedWords) { return true }
            guard items[index].isWord(denialOpeners) else { continue }
            // "should not", "must not", "do not", "not recommended": advice, not a denial.
            if index > 0, items[index - 1].isWord(oneOf: ["should", "must", "do", "cannot", "can", "need"]) { continue }
            if index + 1 < items.count, items[index + 1].isWord(oneOf: ["recommended", "advised", "be", "exceed", "only", "known", "been"]) {
                continue
            }
            var cursor = index + 1
            while cursor < items.count, cursor - index <= 4 {
                if items[cursor].kind == .slot { break }
                if items[cursor].isWord(deniedWords) {
                    if contrasted(after: cursor, in: items) { break }
                    return true
                }
                cursor += 1
            }
        }
        return false
    }

    /// Whether a contrast after a denial states a change ("had no effect on the levels of Y, but
    /// significantly decreased its excretion"): the sentence then reports an interaction.
    private static func contrasted(after denial: Int, in items: [SentenceView.Item]) -> Bool {
        let words = ["but", "however", "whereas"]
        guard let contrast = ((denial + 1)..<items.count).first(where: { items[$0].isWord(words) }) else { return false }
        return ((contrast + 1)..<min(items.count, contrast + 6)).contains {
            items[$0].kind == .word && verbs[item: items[$0]] != nil
        }
    }

    let items: [SentenceView.Item]

    /// The direction words of pharmacokinetic statements.
    enum Direction {
        case increase, decrease, inhibit, induce
    }

    /// The words of `verbs`.
    private static let verbBits = WordBits(verbs.keys)

    static let verbs: WordMap<Direction> = {
        var verbs: [String: Direction] = [:]
        for word in [
            "increase", "increases", "increased", "increasing", "raise", "raises", "raised", "raising",
            "elevate", "elevates", "elevated", "elevating", "double", "doubles", "doubled", "doubling",
            "triple", "triples", "tripled", "boost", "boosts", "boosted",
        ] { verbs[word] = .increase }
        for word in [
            "decrease", "decreases", "decreased", "decreasing", "reduce", "reduces", "reduced", "reducing",
            "lower", "lowers", "lowered", "lowering", "diminish", "diminishes", "diminished", "halve", "halves",
            "halved", "halving", "impair", "impairs", "impaired", "impairing", "diminishing",
        ] { verbs[word] = .decrease }
        for word in ["inhibit", "inhibits", "inhibited", "inhibiting", "inhibition", "slows", "slowed", "slow"] {
            verbs[word] = .inhibit
        }
        for word in [
            "induce", "induces", "induced", "inducing", "induction", "accelerate", "accelerates", "accelerated",
            "enhance", "enhances", "enhanced", "enhancing", "accelerating",
        ] { verbs[word] = .induce }
        return WordMap(verbs)
    }()

    private static let exposureNouns: WordSet = [
        "concentrations", "concentration", "levels", "level", "exposure", "exposures", "auc", "cmax",
        "bioavailability", "half-life", "auc0-inf", "auc0-24", "absorption",
    ]
    private static let levelModifiers: WordSet = [
        "plasma", "serum", "blood", "systemic", "steady-state", "trough", "peak",
    ]
    private static let clearanceNouns: WordSet = ["clearance", "elimination", "excretion"]
    private static let metabolismNouns: WordSet = ["metabolism", "biotransformation", "metabolic"]

    func run(into collector: inout TripleCollector) {
        pharmacokinetics(into: &collector)
        passive(into: &collector)
        kineticPassive(into: &collector)
        jointAdministration(into: &collector)
        contraindications(into: &collector)
        effects(into: &collector)
        coadministration(into: &collector)
        changedEffects(into: &collector)
        cautions(into: &collector)
        includedLists(into: &collector)
        doseAdvice(into: &collector)
        nounKinetics(into: &collector)
        patientJointUse(into: &collector)
        forbiddenUse(into: &collector)
        interactionNouns(into: &collector)
        patientsReceiving(into: &collector)
    }

    /// A drug mention that may be a partner (``SentenceAnalysis/drug(at:)`` refuses endogenous
    /// substances and generic words).
    func partner(at item: Int) -> Int? {
        isAnalyte(item) ? nil : analysis.drug(at: item)
    }

    /// Body substances measured in the clinic ("serum creatinine concentration", "urinary
    /// excretion of sodium", "the blood glucose lowering effect"): never interaction partners.
    private static let analytes: WordSet = [
        "sodium", "potassium", "calcium", "magnesium", "chloride", "bicarbonate", "phosphate", "creatinine",
        "urea", "glucose", "cholesterol", "triglycerides", "uric acid", "bilirubin", "albumin", "oxygen",
        "water", "malondialdehyde", "malonaldehyde", "lactate", "lactic acid", "ammonia", "iron", "zinc", "copper",
        "hemoglobin", "haemoglobin", "nitric oxide", "blood glucose", "protein", "proteins", "prothrombin",
        "prostaglandin", "prostaglandins", "catecholamine", "catecholamines", "amines", "hdl", "ldl",
        "hdl cholesterol", "ldl cholesterol", "high-density lipoprotein cholesterol",
        "low-density lipoprotein cholesterol", "glutathione", "tyrosine", "histidine", "lipid", "lipids",
    ]

    private func isAnalyte(_ item: Int) -> Bool {
        guard let index = analysis.mention(at: item, type: .drug) else { return false }
        return Self.analytes.contains(analysis.mentions[index].name.lowercased())
            || Self.analytes.contains(item: items[item])
    }

    /// The nearest partner before `limit` in its clause. A statement inside a parenthesis has
    /// its subject inside too: an unclosed "(" before `limit` ends the search ("X may interact
    /// with alcohol (may potentiate the effects of Y)" gives no alcohol → Y).
    func nearestPartner(before limit: Int, window: Int = 20) -> Int? {
        var item = limit - 1
        var closed = 0
        while item >= max(0, limit - window) {
            if analysis.isClauseBreak(item) { return nil }
            if items[item].isPunctuation(")") { closed += 1 }
            if items[item].isPunctuation("(") {
                if closed == 0 { return nil }
                closed -= 1
            }
            if partner(at: item) != nil { return item }
            item -= 1
        }
        return nil
    }

    func partnerAfter(_ start: Int, maxGap: Int = 3) -> Int? {
        guard let item = analysis.drugAfter(start, maxGap: maxGap), partner(at: item) != nil else { return nil }
        return item
    }

    private func partnerList(from first: Int) -> [Int] {
        looseList(from: first)
    }

    /// The first partners of a statement: the nearest one and the drugs listed before it
    /// ("Ketoconazole, itraconazole, and ritonavir may increase ..."), in sentence order.
    func firstList(endingAt last: Int) -> [Int] {
        looseListBackward(endingAt: last)
    }

    // MARK: - "X increases the plasma concentrations of Y", "X inhibits the metabolism of Y"

    private func pharmacokinetics(into collector: inout TripleCollector) {
        guard analysis.mayHave(Self.verbBits) else { return }
        for verb in items.indices {
            guard items[verb].kind == .word, let direction = Self.verbs[item: items[verb]] else { continue }
            guard let first = nearestPartner(before: verb) else { continue }
            var cursor = verb + 1
            var found: (noun: Int, second: Int, qualifier: String)?
            while cursor < items.count, cursor - verb <= 7, found == nil {
                if analysis.isClauseBreak(cursor) { break }
                let it = items[cursor]
                if it.kind == .word, Self.verbs[item: it] != nil { break }  // another statement begins
                // "the metabolic clearance of Y": the clearance is the noun.
                if it.isWord(oneOf: ["metabolic"]), cursor + 1 < items.count, items[cursor + 1].isWord(Self.clearanceNouns) {
                    cursor += 1
                    continue
                }
                if it.kind == .slot, let _ = partner(at: cursor) {
                    // "increased midazolam (plasma) AUC"
                    var next = cursor + 1
                    while next < items.count, items[next].isWord(Self.levelModifiers) { next += 1 }
                    // "Y levels" right after the drug are the drug's own levels.
                    if next < items.count, let qualifier = qualifier(direction, noun: next, modified: true)
                    {
                        found = (next, cursor, qualifier)
                    }
                    break
                }
                if it.kind == .word,
                    let qualifier = qualifier(direction, noun: cursor, modified: hasModifier(before: cursor))
                {
                    var next = cursor + 1
                    // "the Cmax and AUC of Y": more exposure nouns before "of".
                    while next + 1 < items.count, items[next].isWord(oneOf: ["and", ","]) || items[next].isPunctuation(","),
                        items[next + 1].isWord(Self.exposureNouns)
                    {
                        next += 2
                    }
                    // "the plasma concentrations of Y", "the AUC for Y", "exposure to Y"
                    guard next < items.count, items[next].isWord(oneOf: ["of", "for", "to"]) else { break }
                    next += 1
                    if let second = partnerAfter(next, maxGap: 2) { found = (cursor, second, qualifier) }
                    break
                }
                cursor += 1
            }
            guard let found else { continue }
            let rule: String
            if Self.metabolismNouns.contains(item: items[found.noun]) {
                rule = "metabolism"
            } else if Self.clearanceNouns.contains(item: items[found.noun]) {
                rule = "clearance"
            } else {
                rule = "exposure"
            }
            let seconds = partnerList(from: found.second)
            for subject in subjects(firstList(endingAt: first), of: seconds, before: verb) {
                for second in seconds {
                    emit(
                        first: subject,
                        second: second,
                        rule: rule,
                        base: 0.9,
                        qualifier: found.qualifier,
                        into: &collector
                    )
                }
            }
        }
    }

    /// The subjects of a statement about `objects`. When a subject is one of the objects
    /// ("administration of R with A decreased the serum levels of A and D"), the statement is
    /// about joint use: the subjects are the other drugs of the clause before the verb (R).
    func subjects(_ list: [Int], of objects: [Int], before verb: Int) -> [Int] {
        let objectIDs = Set(objects.compactMap { partner(at: $0).map { analysis.mentions[$0].id } })
        func isObject(_ item: Int) -> Bool {
            partner(at: item).map { objectIDs.contains(analysis.mentions[$0].id) } ?? false
        }
        guard list.contains(where: isObject) else { return list }
        // "Taking A and B together may decrease the effects of A": B.
        let others = list.filter { !isObject($0) }
        if !others.isEmpty { return others }
        return (analysis.clauseStart(of: verb)..<verb).filter { partner(at: $0) != nil && !isObject($0) && !isHeading($0) }
    }

    func hasModifier(before noun: Int) -> Bool {
        (max(0, noun - 2)..<noun).contains { items[$0].isWord(Self.levelModifiers) }
    }

    func qualifier(_ direction: Direction, noun: Int, modified: Bool) -> String? {
        let word = items[noun]
        guard word.kind == .word else { return nil }
        if Self.exposureNouns.contains(word.text) {
            if word.text.hasPrefix("level"), !modified { return nil }
            switch direction {
            case .increase: return "increases_exposure"
            case .decrease: return "decreases_exposure"
            case .inhibit, .induce: return nil
            }
        }
        if Self.clearanceNouns.contains(word.text) {
            switch direction {
            case .decrease, .inhibit: return "increases_exposure"
            case .increase, .induce: return "decreases_exposure"
            }
        }
        if Self.metabolismNouns.contains(word.text) {
            switch direction {
            case .decrease, .inhibit: return "metabolic_inhibition"
            case .increase, .induce: return "metabolic_induction"
            }
        }
        return nil
    }

    // MARK: - "The effects of Y may be reduced by X", "plasma levels of Y are increased by X"

    static let effectNouns: WordSet = [
        "effect", "effects", "action", "actions", "efficacy", "effectiveness", "activity", "response",
        "toxicity",
    ]
    private static let potentiated: WordSet = [
        "potentiated", "augmented", "intensified", "prolonged", "enhanced", "increased",
    ]
    private static let beVerbs: WordSet = ["be", "is", "are", "was", "were", "been", "being"]
    /// Words of an administration phrase before the drug ("the concomitant administration of").
    private static let administrationWords: WordSet = [
        "the", "concomitant", "concurrent", "simultaneous", "administration", "coadministration", "co-administration",
        "use", "therapy", "treatment", "of", "with",
    ]

    private func passive(into collector: inout TripleCollector) {
        for by in items.indices where items[by].isWord(oneOf: ["by"]) && by >= 3 {
            let participle = participle(before: by)
            guard participle >= 2 else { continue }
            let word = items[participle]
            guard word.kind == .word,
                Self.verbs[word.text] != nil || Self.potentiated.contains(word.text)
                    || word.text.hasPrefix("antagoni") || Self.directParticiples[word.text] != nil,
                items[participle - 1].isWord(Self.beVerbs)
                    || (items[participle - 1].kind == .word && items[participle - 2].isWord(Self.beVerbs)),
                let last = nearestPartner(before: participle, window: 5)
            else { continue }
            let objects = firstList(endingAt: last)
            // "the effects of Y", "the action of the Y class"
            guard let head = objects.first else { continue }
            let article = head >= 1 && items[head - 1].isWord(oneOf: ["the", "a", "an"]) ? 1 : 0
            guard head - article >= 2, items[head - 1 - article].isWord(oneOf: ["of"]) else {
                // "Y effects are potentiated by X", "Y is antagonized by X": the drug itself.
                directPassive(object: last, objects: objects, participle: participle, by: by, into: &collector)
                continue
            }
            let noun = head - 2 - article
            let qualifier: String?
            let rule: String
            if Self.effectNouns.contains(item: items[noun]) {
                rule = "effect_changed"
                qualifier = Self.potentiated.contains(word.text) ? "additive_effect" : nil
            } else if let direction = Self.verbs[word.text],
                let stated = self.qualifier(direction, noun: noun, modified: hasModifier(before: noun))
            {
                rule = "exposure"
                qualifier = stated
            } else {
                continue
            }
            // "by X", "by the concomitant administration of X", "by therapy with X"
            var start = by + 1
            while start < items.count, start - by <= 5, items[start].isWord(Self.administrationWords) { start += 1 }
            // "by X", "by drugs that induce the enzyme, such as A and B"
            for first in reachList(after: start) {
                for object in objects {
                    emit(first: first, second: object, rule: rule, base: 0.8, qualifier: qualifier, into: &collector)
                }
            }
        }
    }

    /// Words of a measure between a participle and "by" ("was increased 2.2-fold by", "were
    /// decreased by about 30% by", "increased and prolonged by").
    private static let measureWords: WordSet = [
        "approximately", "about", "nearly", "almost", "up", "to", "fold", "-fold", "-", "%", "by", "a", "an", "mean",
        "average", "of", "significantly", "markedly", "substantially", "slightly", "moderately", "two-fold",
        "three-fold", "twofold", "threefold", "and", "prolonged", "respectively", ",",
    ]

    /// The participle of a passive before `by`, over a measure of the change; `by - 1` when none.
    func participle(before by: Int) -> Int {
        var cursor = by - 1
        while cursor > 0, by - cursor <= 6 {
            let it = items[cursor]
            let number = it.kind == .word && (it.text.utf8.first.map { $0 >= 0x30 && $0 <= 0x39 } ?? false)
            guard number || it.text.hasSuffix("-fold") || (it.kind != .slot && Self.measureWords.contains(item: it))
            else { break }
            // "increased and prolonged by": the first participle.
            if it.isWord(oneOf: ["prolonged"]), cursor - 2 >= 0, items[cursor - 1].isWord(oneOf: ["and"]) {
                cursor -= 1
                continue
            }
            cursor -= 1
        }
        guard cursor < by - 1, items[cursor].kind == .word,
            Self.verbs[item: items[cursor]] != nil || Self.potentiated.contains(item: items[cursor])
        else { return by - 1 }
        return cursor
    }

    // MARK: - "the AUC of Y was increased 62% when coadministered with X", "Y exposure was decreased by X"

    /// Words that may stand between "of" and the drug of an exposure ("the absorption of oral Y").
    private static let routeWords: WordSet = ["the", "oral", "intravenous", "total", "free", "unbound"]

    /// Words that lead from a changed exposure to the drug that changed it ("in the presence of Y").
    private static let kineticCauseLinks: WordSet = ["by", "with", "when", "following", "after", "during", "presence"]

    /// Words between the cause link and the drug ("when coadministered with", "by the concomitant use of").
    private static let kineticCauseFillers: WordSet = [
        "the", "a", "an", "concomitant", "concurrent", "simultaneous", "administration", "coadministration",
        "co-administration", "use", "therapy", "treatment", "of", "with", "coadministered", "co-administered",
        "administered", "given", "it", "is", "was", "were", "multiple", "single", "doses", "dose", "repeated",
    ]

    /// A changed exposure said in the passive, its drug before the verb: "the AUC of Y was
    /// increased 62% when coadministered with X", "Y exposure was significantly decreased by X",
    /// "the absorption of oral Y is reduced with coadministration of X".
    private func kineticPassive(into collector: inout TripleCollector) {
        guard analysis.mayHave(Self.verbBits) else { return }
        for verb in items.indices where items[verb].kind == .word {
            guard let direction = Self.verbs[item: items[verb]], direction == .increase || direction == .decrease,
                verb >= 2
            else { continue }
            // "was (significantly) increased", "may be reduced"
            var be = verb - 1
            if items[be].kind == .word, !items[be].isWord(Self.beVerbs), items[be].text.hasSuffix("ly") { be -= 1 }
            guard be >= 1, items[be].isWord(Self.beVerbs) else { continue }
            if items[be - 1].isWord(oneOf: ["may", "might", "can", "could", "will", "would"]) { be -= 1 }
            // The exposure and its drug: "the AUC (…) of|to [oral] Y" or "Y [plasma] exposure (AUC)".
            var cursor = be - 1
            if items[cursor].isPunctuation(")"),
                let open = (max(0, cursor - 4)..<cursor).last(where: { items[$0].isPunctuation("(") })
            {
                cursor = open - 1
            }
            guard cursor >= 0 else { continue }
            var object: Int?
            var noun: Int?
            if items[cursor].isWord(Self.exposureNouns) {
                // "Y exposure", "Y plasma concentrations"
                var back = cursor - 1
                while back >= 0, cursor - back <= 3, items[back].isWord(Self.levelModifiers) { back -= 1 }
                if back >= 0, partner(at: back) != nil { (object, noun) = (back, cursor) }
            } else if partner(at: cursor) != nil {
                // "the AUC of (oral) Y", "exposure (AUC) to Y"
                var back = cursor - 1
                while back >= 0, items[back].isWord(Self.routeWords) { back -= 1 }
                if back >= 1, items[back].isWord(oneOf: ["of", "to", "for"]) {
                    var head = back - 1
                    if items[head].isPunctuation(")"),
                        let open = (max(0, head - 4)..<head).last(where: { items[$0].isPunctuation("(") })
                    {
                        head = open - 1
                    }
                    if head >= 0, items[head].isWord(Self.exposureNouns) { (object, noun) = (cursor, head) }
                }
            }
            guard let object, let noun, let qualifier = qualifier(direction, noun: noun, modified: true) else { continue }
            // The cause, after a measure: "by 27% when X was given", "62% with X".
            var link = verb + 1
            while link < items.count, link - verb <= 8, !items[link].isWord(Self.kineticCauseLinks) || isMeasureBy(link) {
                if analysis.isClauseBreak(link) || items[link].kind == .slot { break }
                link += 1
            }
            guard link < items.count, items[link].isWord(Self.kineticCauseLinks) else { continue }
            var start = link + 1
            while start < items.count, start - link <= 6, items[start].isWord(Self.kineticCauseFillers) { start += 1 }
            let objectID = partner(at: object).map { analysis.mentions[$0].id }
            let causes = reachList(after: start).filter { item in
                partner(at: item).map { analysis.mentions[$0].id != objectID } ?? false
            }
            for cause in causes {
                emit(first: cause, second: object, rule: "exposure", base: 0.8, qualifier: qualifier, into: &collector)
            }
        }
    }

    /// Whether the "by" at `item` opens a measure ("by 27%", "by about half") rather than an agent.
    private func isMeasureBy(_ item: Int) -> Bool {
        guard items[item].isWord(oneOf: ["by"]), item + 1 < items.count else { return false }
        let next = items[item + 1]
        if next.isWord(oneOf: ["about", "approximately", "nearly", "almost", "up", "a", "an", "half", "one-third", "one-half"]) {
            return true
        }
        return next.kind == .word && (next.text.utf8.first.map { $0 >= 0x30 && $0 <= 0x39 } ?? false)
    }

    /// Words between a drug and the passive participle of a change of its effect ("Y effects
    /// may be potentiated by X", "Y is antagonized by X").
    private static let directPassiveGap: WordSet = [
        "effect", "effects", "action", "actions", "activity", "response", "is", "are", "was", "were", "be", "been",
        "may", "might", "can", "could", "will", "has", "have", "also", "further", "markedly", "significantly",
    ]

    /// Participles of a changed effect, with its direction (true: stronger).
    private static let directParticiples: WordMap<Bool> = [
        "potentiated": true, "enhanced": true, "augmented": true, "intensified": true, "prolonged": true,
        "antagonized": false, "antagonised": false, "inhibited": false, "blocked": false, "reversed": false,
        "diminished": false, "attenuated": false, "counteracted": false, "blunted": false, "reduced": false,
        "decreased": false, "increased": true,
    ]

    /// "Y effects are potentiated by X", "Y are inhibited by X": the drug right before the
    /// passive, over be-verbs and an effect noun, is the object.
    private func directPassive(object: Int, objects: [Int], participle: Int, by: Int, into collector: inout TripleCollector) {
        guard let stronger = Self.directParticiples[item: items[participle]],
            ((object + 1)..<participle).allSatisfy({ items[$0].isWord(Self.directPassiveGap) })
        else { return }
        let effectNoun = object + 1 < participle && items[object + 1].isWord(Self.effectNouns)
        // "increased"/"decreased"/"reduced" without an effect noun may be a level ("Y is reduced by X" in
        // a kinetics statement): only with the effect noun.
        if ["increased", "decreased", "reduced"].contains(items[participle].text), !effectNoun { return }
        var start = by + 1
        while start < items.count, start - by <= 5, items[start].isWord(Self.administrationWords) { start += 1 }
        let subjects = reachList(after: start)
        let qualifier = stronger ? "increases_effect" : "decreases_effect"
        for first in subjects {
            for second in objects {
                emit(first: first, second: second, rule: "effect_changed", base: 0.75, qualifier: qualifier, into: &collector)
            }
        }
    }

    // MARK: - "when X and Y are coadministered"

    private static let jointWords: WordSet = [
        "coadministered", "co-administered", "coprescribed", "co-prescribed", "concomitantly", "together",
        "concurrently", "simultaneously",
    ]
    private static let jointFillers: WordSet = [
        "be", "is", "are", "was", "were", "been", "being", "used", "given", "administered", "taken",
        "prescribed", "both", "should", "must", "not", "never", "ordinarily", "generally", "usually", "normally",
    ]

    private func jointAdministration(into collector: inout TripleCollector) {
        for word in items.indices where items[word].isWord(Self.jointWords) {
            if word + 1 < items.count, items[word + 1].isWord(oneOf: ["with"]) { continue }
            var cursor = word - 1
            var sawVerb = false
            while cursor >= 0, word - cursor <= 5, items[cursor].isWord(Self.jointFillers) {
                sawVerb = true
                cursor -= 1
            }
            guard sawVerb, cursor >= 0, partner(at: cursor) != nil else { continue }
            let drugs = firstList(endingAt: cursor)
            guard drugs.count >= 2 else { continue }
            // "when A, B, or C were given concomitantly": alternatives, each with a drug named
            // elsewhere, not with each other.
            if ((drugs[0] + 1)..<cursor).contains(where: { items[$0].isWord(oneOf: ["or", "and/or"]) }) { continue }
            // "X and Y should not be used concomitantly": the advice is the effect.
            let advisedAgainst = (cursor + 1..<word).contains { items[$0].isWord(oneOf: ["not", "never"]) }
            // Joint use with no stated effect or advice is no interaction ("when X and Y were
            // given together, both were well tolerated" states none).
            let stated = advisedAgainst ? "contraindicated" : statedEffect(around: word)
            let outcome = statesOutcome(around: word)
            guard advisedAgainst || stated != nil || outcome || statesResult() else { continue }
            let effect = stated ?? outcomeQualifier(around: word)
            let base = effect != nil ? 0.85 : outcome ? 0.7 : 0.6
            for (index, first) in drugs.enumerated() {
                for second in drugs[(index + 1)...] {
                    emit(
                        first: first,
                        second: second,
                        rule: "coadministration",
                        base: base,
                        qualifier: effect,
                        into: &collector
                    )
                }
            }
        }
    }

    // MARK: - Contraindications

    private static let notCombined = CuePattern(
        "should|must|can|cannot|may not? be used|combined|given|administered|coadministered|co-administered|taken|prescribed|coprescribed|co-prescribed concomitantly|together|simultaneously|concurrently? with"
    )
    private static let avoid: [CuePattern] = [
        CuePattern(
            "avoid|avoiding concomitant|concurrent|combined? use|administration|coadministration|co-administration|therapy? of?"
        ),
        CuePattern("do not|never use|combine|coadminister|co-administer|administer|take|prescribe|give"),
    ]

    private func contraindications(into collector: inout TripleCollector) {
        guard analysis.mayHave(CueBits.contraindications) else { return }
        for word in items.indices {
            // "X is contraindicated with / in patients receiving Y"
            if items[word].isWord(oneOf: ["contraindicated", "contra-indicated"]), let first = nearestPartner(before: word) {
                var cursor = word + 1
                var linked = false
                while cursor < items.count, cursor - word <= 10, !analysis.isClauseBreak(cursor) {
                    if items[cursor].isWord(oneOf: [
                        "with", "receiving", "taking", "using", "treated", "on", "combination", "conjunction",
                        "concomitant", "concomitantly", "coadministration", "co-administration",
                    ]) {
                        linked = true
                    }
                    if analysis.condition(at: cursor) != nil { break }
                    if linked, partner(at: cursor) != nil {
                        for subject in firstList(endingAt: first) {
                            for second in partnerList(from: cursor) {
                                emit(
                                    first: subject,
                                    second: second,
                                    rule: "contraindicated",
                                    base: 0.9,
                                    qualifier: "contraindicated",
                                    into: &collector
                                )
                            }
                        }
                        break
                    }
                    cursor += 1
                }
            }
            // "X should not be combined with Y"
            if items[word].isWord(oneOf: ["should", "must", "can", "cannot", "may"]),
                let end = Self.notCombined.match(items, at: word),
                analysis.hasNegation(in: word..<end),
                let first = nearestPartner(before: word),
                // "with Y", "with D2-antagonists, such as A and B"
                case let seconds = partnerAfter(end).map(partnerList(from:)) ?? reachList(after: end), !seconds.isEmpty
            {
                for subject in firstList(endingAt: first) {
                    for other in seconds {
                        emit(
                            first: subject,
                            second: other,
                            rule: "not_combined",
                            base: 0.85,
                            qualifier: "contraindicated",
                            into: &collector
                        )
                    }
                }
            }
            // "avoid concomitant use of X and Y", "do not use X with Y"
            if items[word].isWord(oneOf: ["avoid", "avoiding", "do", "never"]),
                let end = Self.avoid.lazy.compactMap({ $0.match(self.items, at: word) }).max(),
                let first = partnerAfter(end, maxGap: 1)
            {
                var cursor = first + 1
                guard cursor < items.count, items[cursor].isWord(oneOf: ["with", "and", "plus"]) else { continue }
                cursor += 1
                guard let second = partnerAfter(cursor) else { continue }
                for other in partnerList(from: second) {
                    emit(
                        first: first,
                        second: other,
                        rule: "not_combined",
                        base: 0.85,
                        qualifier: "contraindicated",
                        into: &collector
                    )
                }
            }
        }
    }

    // MARK: - Pharmacodynamic effects

    /// The words that start each branch of `effects` (besides a word starting "potentiat"): the
    /// first step of `potentiate` and the words the other branches test.
    private static let effectsBits: WordBits = {
        guard let first = potentiate.steps.first, !first.optional, first.prefixes.isEmpty else { return .all }
        return WordBits(
            Array(first.words) + [
                "additive", "synergistic", "synergism", "synergy", "supra-additive", "risk", "risks", "incidence",
                "interacts", "interact", "interacted", "interacting", "interaction", "interactions",
            ]
        )
    }()

    private static let potentiate = CuePattern(
        "potentiates|potentiate|potentiated|potentiating|enhances|enhance|enhanced|enhancing|augments|augment|augmented|increases|increase|increased|intensifies|intensify the? effects|effect|action|actions|activity|toxicity|sedative|anticoagulant|hypotensive|serotonergic|cns|depressant? effects|effect|action? of"
    )

    private func effects(into collector: inout TripleCollector) {
        guard analysis.mayHave(Self.effectsBits)
            || items.indices.contains(where: { items[$0].kind == .word && items[$0].hasPrefix("potentiat") })
        else { return }
        for word in items.indices {
            let it = items[word]
            guard it.kind == .word else { continue }
            // "X potentiates Y", "X enhances the effects of Y"
            if it.hasPrefix("potentiat") || Self.potentiate.match(items, at: word) != nil {
                let end = Self.potentiate.match(items, at: word) ?? (word + 1)
                // "X may enhance the effects of: A, B, C"
                let listed = end < items.count && items[end].isPunctuation(":") ? listHead(after: end + 1) : nil
                if let first = subject(before: word, window: 20), let second = partnerAfter(end, maxGap: 1) ?? listed {
                    for subject in firstList(endingAt: first) {
                        for other in partnerList(from: namedDrug(second)) {
                            emit(
                                first: subject,
                                second: other,
                                rule: "potentiates",
                                base: 0.8,
                                qualifier: "additive_effect",
                                into: &collector
                            )
                        }
                    }
                }
            }
            // "X has additive effects with Y", "X and Y have additive effects"
            if it.isWord(oneOf: ["additive", "synergistic", "synergism", "synergy", "supra-additive"]) {
                var cursor = word + 1
                var paired = false
                while cursor < items.count, cursor - word <= 6, !analysis.isClauseBreak(cursor) {
                    if items[cursor].isWord(oneOf: ["with"]), let second = partnerAfter(cursor + 1),
                        let first = nearestPartner(before: word)
                    {
                        for other in partnerList(from: second) {
                            emit(
                                first: first,
                                second: other,
                                rule: "additive",
                                base: 0.8,
                                qualifier: "additive_effect",
                                into: &collector
                            )
                        }
                        paired = true
                        break
                    }
                    cursor += 1
                }
                if !paired, let last = nearestPartner(before: word, window: 8) {
                    let drugs = analysis.coordinatedDrugs(endingAt: last).filter { partner(at: $0) != nil }
                    if drugs.count >= 2 {
                        emit(
                            first: drugs[drugs.count - 1],
                            second: drugs[0],
                            rule: "additive",
                            base: 0.8,
                            qualifier: "additive_effect",
                            into: &collector
                        )
                    }
                }
            }
            // "Aspirin together with warfarin increases the risk of bleeding": a combined risk.
            if it.isWord(oneOf: ["risk", "risks", "incidence"]), word >= 2,
                (max(0, word - 2)..<word).contains(where: { Self.verbs[item: items[$0]] == .increase }),
                let verb = (max(0, word - 2)..<word).last(where: { Self.verbs[item: items[$0]] == .increase }),
                let second = nearestPartner(before: verb, window: 3)
            {
                var cursor = second - 1
                var linked = false
                while cursor >= 0, second - cursor <= 5, items[cursor].kind != .slot {
                    if items[cursor].isWord(oneOf: ["with", "plus", "and", "combined", "combination", "together"]) {
                        linked = true
                    }
                    cursor -= 1
                }
                if linked, cursor >= 0, partner(at: cursor) != nil {
                    emit(
                        first: cursor,
                        second: second,
                        rule: "combined_risk",
                        base: 0.75,
                        qualifier: "additive_effect",
                        into: &collector
                    )
                }
            }
            // "X interacts with Y"
            if it.isWord(oneOf: ["interacts", "interact", "interacted", "interacting"]), !studiesInteraction, word + 1 < items.count,
                items[word + 1].isWord(oneOf: ["with"]), let first = nearestPartner(before: word, window: 8),
                case let seconds = reachList(after: word + 2), !seconds.isEmpty
            {
                for other in seconds {
                    emit(first: first, second: other, rule: "interacts", base: 0.7, qualifier: nil, into: &collector)
                }
            }
            // "interaction between X and Y", "X interaction with Y"
            if it.isWord(oneOf: ["interaction", "interactions"]), !studiesInteraction, word + 1 < items.count {
                if items[word + 1].isWord(oneOf: ["between", "of"]), let first = partnerAfter(word + 2, maxGap: 2),
                    first + 1 < items.count, items[first + 1].isWord(oneOf: ["and", "with"]),
                    case let seconds = reachList(after: first + 2), !seconds.isEmpty
                {
                    // "interactions of X with A, B and C"
                    for other in seconds {
                        emit(first: first, second: other, rule: "interacts", base: 0.7, qualifier: nil, into: &collector)
                    }
                }
            }
        }
    }

    /// Words of a sentence that studies or questions an interaction rather than states it ("the
    /// interaction between X and Y has not been studied", "to assess the potential for X to
    /// interact with Y").
    /// A possible interaction ("the potential for interaction with Y", "X may interact with Y") is
    /// still stated: only a study of one is refused.
    private static let studyWords: WordSet = [
        "studied", "study", "studies", "investigated", "investigate", "examined", "examine", "assess", "assessed",
        "evaluate", "evaluated", "determine", "aim", "objective",
    ]

    /// Whether the sentence studies or questions an interaction (see ``studyWords``).
    var studiesInteraction: Bool {
        items.contains { $0.isWord(Self.studyWords) }
    }

    // MARK: - Co-administration: the effect the sentence states

    /// Every match of `coadministrationBefore` or `coadministeredAfter` holds one of these.
    private static let coadministrationBits = WordBits(requiredIn: [coadministrationBefore, coadministeredAfter])

    private static let coadministrationBefore = CuePattern(
        "co-administration|coadministration|co-prescription|coprescription|concomitant|concurrent|simultaneous|combined|joint|combination|use use|administration|treatment|therapy|dosing|intake? of|with"
    )
    private static let coadministeredAfter = CuePattern(
        "is|was|were|are|when|if? coadministered|co-administered|coprescribed|co-prescribed|given|administered|taken|used concomitantly|together|simultaneously|concurrently? with"
    )

    private func coadministration(into collector: inout TripleCollector) {
        guard analysis.mayHave(Self.coadministrationBits) else { return }
        for word in items.indices where items[word].kind == .word {
            var pair: (firsts: [Int], seconds: [Int], cueStart: Int)?
            var combinationTherapy = false
            if let end = Self.coadministrationBefore.match(items, at: word),
                // "in combination with Y" is combination therapy unless an advice or outcome follows
                // (below); "the combination of X and Y" is joint use.
                case let therapy = items[word].isWord(oneOf: ["combination"]) && items[end - 1].isWord(oneOf: ["with"]),
                !therapy || !studiesInteraction
            {
                combinationTherapy = therapy
                if let joint = jointList(after: end) {
                    pair = (joint.firsts, joint.seconds, word)
                } else if items[end - 1].isWord(oneOf: ["with"]), let first = nearestPartner(before: word, window: 8),
                    case let seconds = reachList(after: end), !seconds.isEmpty
                {
                    pair = ([first], seconds, word)
                }
            } else if let end = Self.coadministeredAfter.match(items, at: word),
                // "X … when administered with Y": the subject of the clause, further back.
                case let elliptic = items[word].isWord(oneOf: ["when", "if"]),
                let first = nearestPartner(before: word, window: elliptic ? 20 : 4),
                // "… increased when coadministered with A and when coadministered with B": A is no subject.
                !(elliptic && first > 0 && items[first - 1].isWord(oneOf: ["with"])),
                ["coadministered", "co-administered", "coprescribed", "co-prescribed"].contains(
                    where: { w in (word..<end).contains { items[$0].text == w } })
                    || (word..<end).contains(where: {
                        items[$0].isWord(oneOf: ["concomitantly", "together", "simultaneously", "concurrently"])
                    })
                    // "when X is administered with Y": a condition of joint use.
                    || elliptic
                    || (max(0, first - 3)..<first).contains(where: { items[$0].isWord(oneOf: ["when", "if", "while"]) }),
                case let seconds = reachList(after: end), !seconds.isEmpty
            {
                pair = (elliptic ? firstList(endingAt: first) : [first], seconds, word)
            }
            // "patients coadministered X and Y"
            if pair == nil, items[word].isWord(oneOf: ["coadministered", "co-administered"]), word + 1 < items.count,
                !items[word + 1].isWord(oneOf: ["with"]), let joint = jointList(after: word + 1)
            {
                pair = (joint.firsts, joint.seconds, word)
            }
            guard let pair else { continue }
            // Co-administration with no stated effect or advice is no interaction ("X was
            // administered concomitantly with Y" in a study description).
            let anchor = pair.seconds.last ?? pair.cueStart
            let stated = statedEffect(around: anchor)
            let outcome = statesOutcome(around: anchor)
            guard stated != nil || outcome || statesResult() else { continue }
            let effect = stated ?? outcomeQualifier(around: anchor)
            // Combination therapy is an interaction only with an advice or a clinical outcome
            // ("should not be used in combination with Y", "fatal in combination with Y").
            if combinationTherapy, effect == nil { continue }
            // "X alone or in combination with Y", "patients receiving X in combination with Y": a regimen.
            if combinationTherapy, let first = pair.firsts.first,
                (max(0, pair.cueStart - 3)..<pair.cueStart).contains(where: { items[$0].isWord(oneOf: ["alone"]) })
                    || (first > 0 && items[first - 1].isWord(oneOf: ["receiving", "taking", "on", "using"]))
            {
                continue
            }
            for (first, second) in pair.firsts.flatMap({ first in pair.seconds.map { (first, $0) } }) {
                emit(
                    first: first,
                    second: second,
                    rule: "coadministration",
                    base: effect != nil ? 0.85 : outcome ? 0.7 : 0.6,
                    qualifier: effect,
                    into: &collector
                )
            }
        }
    }

    /// The drugs of joint use named from `start` on: "X and Y", "0.2 mg X tablets with Y", "X (a
    /// dose) plus A, B": the first drugs and the drugs joined to them. Alternatives before "with"
    /// are each a first drug ("the use of X or Z with Y", "X and/or other Zs with Y").
    func jointList(after start: Int) -> (firsts: [Int], seconds: [Int])? {
        guard let first = partnerAfter(afterDose(start), maxGap: 1) else { return nil }
        let link = afterParenthesis(afterDose(afterDosageForm(first + 1)))
        guard link < items.count else { return nil }
        if items[link].isWord(oneOf: ["or", "and/or"]) {
            // The loose list reads on over "with": the alternatives end there.
            let listed = looseList(from: first)
            guard let last = listed.last, last > link + 1,
                let with = ((link + 1)..<last).first(where: { items[$0].isWord(oneOf: ["with"]) })
            else { return nil }
            let alternatives = listed.filter { $0 < with }
            let seconds = reachList(after: with + 1)
            return alternatives.count < 2 || seconds.isEmpty ? nil : (alternatives, seconds)
        }
        guard items[link].isWord(oneOf: ["with", "and", "plus"]) else { return nil }
        let seconds = reachList(after: link + 1)
        return seconds.isEmpty ? nil : ([first], seconds)
    }

    /// Words of a dosage form written after a drug ("X tablets and Y").
    private static let dosageForms: WordSet = [
        "tablet", "tablets", "capsule", "capsules", "injection", "suspension", "solution", "preparations",
    ]

    /// The item after a dosage form at `item` ("X Tablets and Y" gives the "and"), or `item`.
    func afterDosageForm(_ item: Int) -> Int {
        var cursor = item
        while cursor < items.count, cursor - item < 2, items[cursor].isWord(Self.dosageForms) { cursor += 1 }
        return cursor
    }

    /// The item after a parenthesis that opens at `item` ("X (e.g., A, B) with Y"), or `item`.
    func afterParenthesis(_ item: Int) -> Int {
        guard item < items.count, items[item].isPunctuation("(") else { return item }
        var cursor = item + 1
        while cursor < items.count, cursor - item <= 30 {
            if items[cursor].isPunctuation(")") { return cursor + 1 }
            if analysis.isClauseBreak(cursor) { return item }
            cursor += 1
        }
        return item
    }

    /// The effect a co-administration sentence states, as a qualifier: after `anchor` first
    /// ("co-administration of X with Y increases Y exposure"), else before it ("Y levels should be
    /// monitored when X and Y are coadministered").
    func statedEffect(around anchor: Int) -> String? {
        if let effect = statedEffect(in: (anchor + 1)..<items.count) { return effect }
        var start = anchor
        while start > 0, !items[start - 1].isPunctuation(";") { start -= 1 }
        return statedEffect(in: start..<anchor)
    }

    /// Words that state a clinical outcome of joint use without a qualifier of ours ("bleeding is
    /// more frequent", "the risk of myopathy is higher", "toxicity has been reported").
    private static let outcomeWords: WordSet = [
        "risk", "risks", "frequent", "frequency", "incidence", "toxicity", "toxic", "interaction", "interactions",
        "interact", "interacts", "severe", "fatal", "death", "deaths", "syndrome",
    ]

    /// `adverse_outcome` when the sentence states a clinical outcome of joint use ("bleeding
    /// is more frequent", "may cause hypertension"), not only that the drugs interact.
    func outcomeQualifier(around anchor: Int) -> String? {
        let interactionWords: Set<String> = ["interaction", "interactions", "interact", "interacts"]
        let outcomeWord = items.indices.contains {
            $0 != anchor && items[$0].isWord(Self.outcomeWords) && !items[$0].isWord(interactionWords)
        }
        return outcomeWord || statesCondition() ? "adverse_outcome" : nil
    }

    /// Words of advice about joint use ("should be monitored", "is not recommended", "dose
    /// adjustment may be needed").
    private static let adviceWords: WordSet = [
        "should", "must", "recommended", "caution", "cautiously", "avoid", "avoided", "contraindicated",
        "contra-indicated", "monitor", "monitored", "monitoring", "advised", "necessary", "consider", "considered",
        "careful", "carefully", "adjust", "adjusted", "adjustment", "adjustments",
    ]

    /// Words of advice against joint use.
    private static let againstWords: WordSet = ["avoid", "avoided", "contraindicated", "contra-indicated"]

    /// Words of a dose change.
    private static let adjustWords: WordSet = ["adjust", "adjusted", "adjustment", "adjustments"]

    /// Words of a drug's pharmacokinetics ("plasma levels", "the clearance of", "absorption").
    private static let kineticWords: WordSet = [
        "plasma", "serum", "auc", "cmax", "concentration", "concentrations", "level", "levels", "clearance",
        "metabolism", "metabolized", "metabolised", "exposure", "half-life", "bioavailability", "absorption",
        "absorbed", "excretion", "pharmacokinetic", "pharmacokinetics",
    ]

    /// Words that only say two drugs interact ("X may interact with Y").
    private static let interactWords: WordSet = ["interact", "interacts", "interaction", "interactions"]

    /// The kind of interaction a sentence implies when a rule found no qualifier of its own: an
    /// advice (`contraindicated`, `dose_adjustment` or `monitor`) when the sentence advises, else
    /// `pharmacokinetic` when it speaks of levels, clearance or metabolism, none when it only says
    /// the drugs interact, else `altered_effect` (every rule that emits without a qualifier has
    /// found a stated result of joint use).
    func impliedQualifier() -> String? {
        var advice = false
        var against = false
        var adjust = false
        var kinetic = false
        var interact = false
        for index in items.indices where items[index].kind == .word {
            let item = items[index]
            if item.isWord(Self.adviceWords) {
                advice = true
                if item.isWord(Self.againstWords) { against = true }
                if item.isWord(Self.adjustWords) { adjust = true }
                if item.isWord(oneOf: ["recommended"]), index > 0, items[index - 1].isWord(oneOf: ["not"]) { against = true }
            } else if item.isWord(Self.kineticWords) {
                kinetic = true
            } else if item.isWord(Self.interactWords) {
                interact = true
            }
        }
        if advice { return against ? "contraindicated" : adjust ? "dose_adjustment" : "monitor" }
        if kinetic { return "pharmacokinetic" }
        return interact ? nil : "altered_effect"
    }

    /// Verbs that tie joint use to a clinical outcome ("may cause hypertension", "nephrotoxicity
    /// has been reported following …").
    private static let outcomeVerbs: WordSet = [
        "cause", "causes", "caused", "causing", "result", "results", "resulted", "lead", "leads", "led", "produce",
        "produces", "produced", "precipitate", "precipitated", "provoke", "provoked", "reported", "associated",
    ]

    /// Words that report a result or give advice about joint use without naming an effect of
    /// ours ("resulted in a prolonged prothrombin time", "was associated with hemorrhage",
    /// "should be observed", "may be needed").
    private static let resultWords: WordSet = [
        "result", "results", "resulted", "resulting", "produce", "produces", "produced", "producing", "associated",
        "observed", "reported", "reports", "experienced", "developed", "occur", "occurs", "occurred", "lead", "leads", "led",
        "prolongation", "prolonged", "prolong", "elevation", "elevations", "reduction", "reductions", "increase",
        "increases", "increased", "decrease", "decreases", "decreased", "exacerbate", "exacerbated", "should",
        "must", "necessary", "needed", "required", "considered", "attenuation", "inhibition", "changes", "altered",
        "enhancement", "hypotension", "hypertension", "hypoglycemia", "bleeding", "hemorrhage", "seizures",
    ]

    /// Whether the sentence reports a result or gives advice (see ``resultWords``): a weaker sign
    /// that joint use is an interaction.
    func statesResult() -> Bool {
        items.contains { $0.isWord(Self.resultWords) || ($0.kind == .word && Self.verbs[$0.text] != nil) }
    }

    /// Whether the sentence states an outcome of joint use other than a qualifier, around
    /// `anchor`: an outcome word, or a condition a verb of outcome names ("may cause
    /// hypertension", "nephrotoxicity has been reported").
    func statesOutcome(around anchor: Int) -> Bool {
        items.indices.contains(where: { $0 != anchor && items[$0].isWord(Self.outcomeWords) }) || statesCondition()
    }

    /// Whether a verb of outcome names a condition ("may cause hypertension", "nephrotoxicity has
    /// been reported").
    func statesCondition() -> Bool {
        for verb in items.indices where items[verb].isWord(Self.outcomeVerbs) {
            let passive = items[verb].isWord(oneOf: ["reported", "associated"])
            let range = passive ? max(0, verb - 5)..<verb : (verb + 1)..<min(items.count, verb + 7)
            if range.contains(where: { items[$0].kind == .slot && analysis.condition(at: $0) != nil }) { return true }
        }
        return false
    }

    /// The first effect stated in `range`, as a qualifier.
    func statedEffect(in range: Range<Int>) -> String? {
        var item = range.lowerBound
        while item < range.upperBound {
            if items[item].kind == .punctuation, items[item].text == ";" { break }
            let it = items[item]
            if it.isWord(oneOf: ["contraindicated", "contra-indicated", "avoided", "avoid"]) { return "contraindicated" }
            if it.text == "not", item + 1 < items.count, items[item + 1].isWord(oneOf: ["recommended", "advised", "advisable"]) {
                return "contraindicated"
            }
            // "should not be used together", "must not be given with"
            if it.text == "not", item > 0, items[item - 1].isWord(oneOf: ["should", "must"]) { return "contraindicated" }
            if it.isWord(oneOf: ["additive", "synergistic"]) || it.text.hasPrefix("potentiat") { return "additive_effect" }
            if it.isWord(oneOf: ["adjustment", "adjusted", "reduction", "halved"]) { return "dose_adjustment" }
            if it.isWord(oneOf: ["monitor", "monitored", "monitoring", "caution", "cautiously", "closely", "carefully", "careful"]) {
                return "monitor"
            }
            if it.kind == .word, let direction = Self.verbs[item: it] {
                var next = item + 1
                while next < items.count, next - item <= 5 {
                    if let qualifier = qualifier(direction, noun: next, modified: true) {
                        return qualifier
                    }
                    next += 1
                }
            }
            item += 1
        }
        return nil
    }

    // MARK: - Emitting

    /// Emits the triple of two items, and the triples of the drugs a class argument names by
    /// example ("CYP3A4 inhibitors (e.g., ketoconazole, cimetidine)", "antifungal azoles such as
    /// itraconazole"): the statement holds for each of them.
    func emit(
        first: Int,
        second: Int,
        rule: String,
        base: Double,
        qualifier: String?,
        into collector: inout TripleCollector
    ) {
        for one in [first] + classExamples(of: first) {
            for other in [second] + classExamples(of: second) {
                emitOne(first: one, second: other, rule: rule, base: base, qualifier: qualifier, into: &collector)
            }
        }
    }

    /// Whether a negation lies on the path between two arguments; the "not" of a list hedge
    /// ("such as, but not limited to, A") negates nothing.
    func negationOnPath(_ path: Range<Int>) -> Bool {
        var start = path.lowerBound
        for index in path where items[index].isWord(oneOf: ["not"]) && index > 0 && items[index - 1].isWord(oneOf: ["but"])
            && index + 1 < items.count && items[index + 1].isWord(oneOf: ["limited"])
        {
            if analysis.hasNegation(in: start..<index) { return true }
            start = index + 1
        }
        return analysis.hasNegation(in: start..<path.upperBound)
    }

    /// Whether the slot at `item` is a heading of a label section ("Lithium: …", "Tacrolimus
    /// Felodipine may …"): a drug named before ":" near the sentence start, or a sentence that
    /// opens with two drugs.
    func isHeading(_ item: Int) -> Bool {
        guard item + 1 < items.count, item <= 4 else { return false }
        if items[item + 1].isPunctuation(":") || (items[item + 1].isPunctuation("-") && item == 0) { return true }
        return item == 0 && items[1].kind == .slot
    }

    /// Whether the item is a class named by the enzyme or transporter it acts on ("CYP3A4
    /// inhibitors", "P-glycoprotein inducers"): a statement about it holds for the drugs it
    /// names by example, which ``emit(first:second:rule:base:qualifier:into:)`` pairs instead.
    func isEnzymeClass(_ item: Int) -> Bool {
        guard let index = analysis.mention(at: item, type: .drug), analysis.mentions[index].isClass else { return false }
        let texts = [items[item].text, analysis.mentions[index].name.lowercased()]
        return ["cyp", "cytochrome", "p450", "p-glycoprotein", "p-gp", "pgp"].contains { word in
            texts.contains { $0.contains(word) }
        }
    }

    /// The named mention of the drug at `item` nearest to `other` in the sentence (the earlier
    /// one on a tie); `item` itself when the drug is named once.
    func nearestMention(like item: Int, to other: Int) -> Int {
        guard let index = partner(at: item) else { return item }
        let id = analysis.mentions[index].id
        var best = item
        for candidate in items.indices where candidate != item && candidate != other && items[candidate].kind == .slot {
            guard let found = partner(at: candidate), analysis.mentions[found].id == id,
                analysis.mentions[found].source != .anaphor, !isHeading(candidate)
            else { continue }
            // Never across a heading colon ("Drugs Decreasing Heparin Effect: … heparin sodium").
            let span = min(candidate, item)..<max(candidate, item)
            if span.contains(where: { items[$0].isPunctuation(":") }) { continue }
            let distance = abs(candidate - other)
            let bestDistance = abs(best - other)
            if distance < bestDistance || (distance == bestDistance && candidate < best) { best = candidate }
        }
        return best
    }

    /// The drugs listed as examples right after a class mention: "(e.g., A, B)", "such as A and
    /// B", "including A".
    func classExamples(of item: Int) -> [Int] {
        guard let index = analysis.mention(at: item, type: .drug), analysis.mentions[index].isClass,
            analysis.mentions[index].source != .anaphor, item + 1 < items.count,
            items[item + 1].isPunctuation("(") || items[item + 1].isWord(oneOf: ["such", "including", "e.g.", "eg", "like"])
                // "strong CYP3A4 inhibitors, such as A", "azoles, e.g. A"
                || (items[item + 1].isPunctuation(",") && item + 2 < items.count
                    && items[item + 2].isWord(oneOf: ["such", "including", "e.g.", "e.g", "eg", "e", "like"]))
        else { return [] }
        guard let head = listHead(after: item + 1, window: 5) else { return [] }
        return looseList(from: head).filter { $0 != item }
    }

    private func emitOne(
        first written: Int,
        second other: Int,
        rule: String,
        base: Double,
        qualifier: String?,
        into collector: inout TripleCollector
    ) {
        guard partner(at: written) != nil, partner(at: other) != nil, !isEnzymeClass(written), !isEnzymeClass(other)
        else { return }
        // A drug named twice stands in the pair by its mention nearest the partner: "co-administration
        // of A and B increased the plasma levels of B" pairs A with the first B.
        let first = nearestMention(like: written, to: other)
        let second = nearestMention(like: other, to: first)
        guard let a = partner(at: first), let b = partner(at: second) else { return }
        let mentions = analysis.mentions
        let subject = mentions[a]
        let object = mentions[b]
        guard subject.id != object.id else { return }
        let (low, high) = (min(first, second), max(first, second))
        // "felodipine (Plendil)", "miconazole (an imidazole)", "erythromycin, a macrolide": one drug
        // named twice, no pair.
        if high - low <= 3, items[low + 1].isPunctuation("(") || items[low + 1].isPunctuation(","),
            ((low + 1)..<high).allSatisfy({ items[$0].isPunctuation("(") || items[$0].isPunctuation(",") || items[$0].isWord(oneOf: ["a", "an"]) }),
            items[low + 1].isPunctuation("(") || ((low + 1)..<high).contains(where: { items[$0].isWord(oneOf: ["a", "an"]) })
        {
            return
        }
        let path = (low + 1)..<high
        // The negation of "should not be combined" is the contraindication itself.
        let negated =
            qualifier == "contraindicated"
            ? false : denied || subject.negated || object.negated || negationOnPath(path)
        let hedged = analysis.isHedged(subject, object, path: path)
        // A rule without a qualifier of its own takes the kind the sentence implies.
        let qualifier = qualifier ?? impliedQualifier()
        let confidence = Confidence.score(
            base: base,
            distance: high - low - 1,
            listIndex: 0,
            anaphor: subject.source == .anaphor || object.source == .anaphor
        )
        let ordered = first <= second ? (subject, object) : (object, subject)
        collector.add(
            Triple(
                subject: ordered.0,
                predicate: .interaction,
                qualifier: qualifier,
                object: ordered.1,
                sentence: analysis.view.sentence,
                negated: negated,
                hedged: hedged,
                confidence: confidence,
                rule: "interaction.\(rule)"
            ),
            symmetric: true
        )
    }
}
