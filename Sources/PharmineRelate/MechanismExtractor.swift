public import Foundation
public import PharmineContext
public import PharmineCore

/// Extracts `mechanism` triples (drug → receptor, transporter, enzyme or channel) from cue
/// patterns within a sentence.
///
/// Requires `sentences`, `tokens` and `mentions` (types `drug` and `receptor`; anaphors used
/// like drug mentions), and reads the context flags. Produces `mechanism` triples appended to
/// `document.triples` (kept in document order).
///
/// Rules (`rule` is `mechanism.<name>`), qualifier in brackets:
/// - drug … cue … target: `antagonist_at` ("antagonist at/of", "antagonist actions at",
///   "antagonism at") and `antagonizes` [antagonist]; `inverse_agonist_at` [inverse_agonist];
///   `partial_agonist_at` [partial_agonist]; `agonist_at` ("agonist at", "agonism at") and
///   `stimulates` [agonist]; `inhibitor_of` and `inhibits` ("inhibits", "inhibition of")
///   [inhibitor]; `blocks` ("blocks", "blockade of", "blocker of") [antagonist on a receptor,
///   blocker otherwise]; `activates` ("activates", "activation of", "opener of") [activator];
///   `modulates` ("allosteric modulator of") [modulator]; `binds` (
///   "affinity for") [binder]; `induces` ("induces", "inducer of") [inducer];
/// - `target_noun`: drug … target + noun, or target + noun … drug: "X is a potent H1
///   antagonist", "the 5-HT3 antagonist ondansetron", "a CYP3A4 inhibitor" [from the noun;
///   "partial"/"inverse" before the target refine agonist];
/// - `reuptake`: "serotonin and norepinephrine reuptake", "inhibits the reuptake of dopamine",
///   "selective serotonin reuptake inhibitor" [reuptake_inhibitor]: each neurotransmitter is
///   looked up in ``ReuptakeTargets`` and the object is the transporter (id and name from the
///   map, type `receptor`) with the neurotransmitter's text and offsets.
/// - `class_target` (ClassMechanismRules.swift): a named drug of a class named for its target,
///   "celecoxib, a COX-2 inhibitor", "ACE inhibitors such as captopril" [from the class's noun].
///
/// Lists of targets expand ("antagonist actions at various receptors, including histamine and
/// muscarinic receptors" gives two triples). Flags and confidence as for ``IndicationExtractor``.
public struct MechanismExtractor: Stage {
    /// The neurotransmitter → transporter map.
    public var reuptakeTargets: ReuptakeTargets
    /// Substances never taken as subjects (neurotransmitters and mediators).
    public var endogenous: EndogenousSubstances

    /// Creates the extractor.
    ///
    /// - Parameters:
    ///   - reuptakeTargets: The neurotransmitter → transporter map.
    ///   - endogenous: Substances never taken as subjects (default: none).
    public init(reuptakeTargets: ReuptakeTargets, endogenous: EndogenousSubstances = EndogenousSubstances()) {
        self.reuptakeTargets = reuptakeTargets
        self.endogenous = endogenous
    }

    /// Creates the extractor with the map read from a lexicons directory.
    ///
    /// - Parameters:
    ///   - lexiconsDirectory: The folder holding `reuptake-targets.tsv`.
    ///   - endogenous: Substances never taken as subjects (default: none).
    /// - Throws: ``RelateError`` when the file cannot be read.
    public init(lexiconsDirectory: URL, endogenous: EndogenousSubstances = EndogenousSubstances()) throws(RelateError) {
        self.init(
            reuptakeTargets: try ReuptakeTargets(
                contentsOf: lexiconsDirectory.appending(path: ReuptakeTargets.fileName)
            ),
            endogenous: endogenous
        )
    }

    /// Whether a sentence's bytes contain "uptake" in any case (reuptake needs no target mention).
    static func mentionsUptake(_ text: ArraySlice<UInt8>) -> Bool {
        text.containsFolded(uptake)
    }

    private static let uptake = Array("uptake".utf8)

    /// Adds the document's mechanism triples.
    ///
    /// - Parameter document: The document, with sentences, tokens and mentions.
    /// - Returns: The document with mechanism triples appended.
    public func process(_ document: Document) -> Document {
        var collector = TripleCollector()
        SentenceWalker.forEachSentence(of: document, minimumMentions: 1, endogenous: endogenous, where: accepts) {
            analysis,
            _ in
            collect(analysis, into: &collector)
        }
        var document = document
        document.triples.append(contentsOf: collector.triples)
        document.triples.sortInDocumentOrder()
        return document
    }

    /// Whether a sentence can hold a mechanism: a drug, and a target or the word "uptake".
    func accepts(_ facts: SentenceFacts) -> Bool {
        facts.types.contains(.drug) && (facts.types.contains(.receptor) || Self.mentionsUptake(facts.text))
    }

    /// Collects the mechanisms of one sentence.
    func collect(_ analysis: SentenceAnalysis, into collector: inout TripleCollector) {
        MechanismRules(analysis: analysis, reuptakeTargets: reuptakeTargets).run(into: &collector)
    }
}

/// The cue tables of ``MechanismExtractor``.
enum MechanismCues {
    private static let actions = "actions|action|activity|activities|effects|effect|properties|property|effects"

    /// Cues with the drug before and the target after; the qualifier "blocks" is decided by the
    /// object (antagonist on a receptor, blocker otherwise).
    static let forward = CueSet([
        Cue(
            "antagonist|antagonists \(actions)? at|of|on|for|to",
            rule: "antagonist_at",
            base: 0.9,
            qualifier: "antagonist",
            nominal: true
        ),
        Cue("antagonism at|of|on|to", rule: "antagonist_at", base: 0.9, qualifier: "antagonist", nominal: true),
        Cue(
            "antagonistic \(actions)? at|on|to|of",
            rule: "antagonist_at",
            base: 0.9,
            qualifier: "antagonist",
            nominal: true
        ),
        Cue(
            "antagonize|antagonizes|antagonized|antagonizing|antagonise|antagonises|antagonised|antagonising",
            rule: "antagonizes",
            base: 0.9,
            qualifier: "antagonist"
        ),
        Cue(
            "inverse agonist|agonists|agonism \(actions)? at|of|on|for|to",
            rule: "inverse_agonist_at",
            base: 0.9,
            qualifier: "inverse_agonist",
            nominal: true
        ),
        Cue(
            "partial agonist|agonists|agonism \(actions)? at|of|on|for|to",
            rule: "partial_agonist_at",
            base: 0.9,
            qualifier: "partial_agonist",
            nominal: true
        ),
        Cue(
            "agonist|agonists|agonism|agonistic \(actions)? at|of|on|for|to",
            rule: "agonist_at",
            base: 0.9,
            qualifier: "agonist",
            nominal: true
        ),
        Cue("stimulates|stimulate|stimulated|stimulating", rule: "stimulates", base: 0.85, qualifier: "agonist"),
        Cue("stimulation of", rule: "stimulates", base: 0.85, qualifier: "agonist", nominal: true),
        Cue("inhibitor|inhibitors of", rule: "inhibitor_of", base: 0.9, qualifier: "inhibitor", nominal: true),
        Cue("inhibits|inhibit|inhibited|inhibiting", rule: "inhibits", base: 0.9, qualifier: "inhibitor"),
        Cue("inhibition of", rule: "inhibits", base: 0.9, qualifier: "inhibitor", nominal: true),
        Cue("inhibitory \(actions)? at|on|of", rule: "inhibits", base: 0.85, qualifier: "inhibitor", nominal: true),
        Cue("blocks|block|blocked|blocking", rule: "blocks", base: 0.9, qualifier: "blocker"),
        Cue("blockade|blocker|blockers of|at", rule: "blocks", base: 0.9, qualifier: "blocker", nominal: true),
        Cue("activates|activate|activated|activating", rule: "activates", base: 0.85, qualifier: "activator"),
        Cue("activation of", rule: "activates", base: 0.85, qualifier: "activator", nominal: true),
        Cue(
            "activator|activators|opener|openers of|at",
            rule: "activates",
            base: 0.85,
            qualifier: "activator",
            nominal: true
        ),
        Cue("opens|open|opened|opening", rule: "activates", base: 0.8, qualifier: "activator"),
        Cue(
            "inactivates|inactivate|inactivating|inactivated",
            rule: "inhibits",
            base: 0.85,
            qualifier: "inhibitor"
        ),
        Cue("inactivation of", rule: "inhibits", base: 0.85, qualifier: "inhibitor", nominal: true),
        Cue("inactivator|inactivators of", rule: "inhibitor_of", base: 0.85, qualifier: "inhibitor", nominal: true),
        // The verbs "modulates" and "binds to" are left out: said of a drug and a protein, they
        // mostly report an effect on expression or an assay, not the drug's action (precision
        // 0.17 and 0.31 on the development corpora).
        Cue(
            "positive|negative? allosteric? modulator|modulators of|at",
            rule: "modulates",
            base: 0.85,
            qualifier: "modulator",
            nominal: true
        ),
        Cue(
            "high|higher|highest|low|lower|greater|nanomolar|micromolar|selective? binding? affinity|affinities for|at|to",
            rule: "binds",
            base: 0.7,
            qualifier: "binder",
            nominal: true
        ),
        Cue("ligand|ligands of|for|at", rule: "binds", base: 0.7, qualifier: "binder", nominal: true),
        Cue("induces|induce|inducing", rule: "induces", base: 0.85, qualifier: "inducer"),
        Cue("inducer|inducers of", rule: "induces", base: 0.85, qualifier: "inducer", nominal: true),
        Cue("induction of", rule: "induces", base: 0.85, qualifier: "inducer", nominal: true),
    ])

    /// Plural nouns of a family of targets that a list of its members may follow after a comma
    /// ("inhibits three enzymes, A, B and C").
    static let familyNouns: WordSet = [
        "enzymes", "receptors", "kinases", "transporters", "channels", "isoforms", "isozymes", "isoenzymes",
        "targets", "subtypes",
    ]

    /// Rules that read a class naming its member ("the Y antagonist X", "X, a Y inhibitor"):
    /// only a negation between the two negates them.
    static let namingRules: Set<String> = ["target_noun", "class_target"]

    /// Nouns after a target that name the action: "H1 antagonist", "CYP3A4 inhibitor".
    static let nouns: WordMap<String> = [
        "antagonist": "antagonist", "antagonists": "antagonist", "antagonism": "antagonist",
        "blocker": "blocker", "blockers": "blocker", "blockade": "blocker", "blocking": "blocker",
        "agonist": "agonist", "agonists": "agonist", "agonism": "agonist",
        "inhibitor": "inhibitor", "inhibitors": "inhibitor", "inhibition": "inhibitor",
        "activator": "activator", "activators": "activator", "opener": "activator", "openers": "activator",
        "modulator": "modulator", "modulators": "modulator",
        "inducer": "inducer", "inducers": "inducer",
        // "the selective Y ligand X": bound, action unstated.
        "ligand": "binder", "ligands": "binder",
    ]

    /// Nouns of a process said of a target and then of its agent: "COX-2 inhibition by X",
    /// "H1 receptor antagonism with X", "Y activation by X".
    static let processNouns: WordMap<String> = [
        "inhibition": "inhibitor", "antagonism": "antagonist", "blockade": "blocker", "activation": "activator",
        "stimulation": "agonist", "inactivation": "inhibitor",
    ]

    /// Participles of a passive: "Y is inhibited by X", "Y was potently blocked by X", and of a
    /// drug-joined adjective: "X-inhibited Y".
    static let passiveVerbs: WordMap<String> = [
        "inhibited": "inhibitor", "blocked": "blocker", "antagonized": "antagonist", "antagonised": "antagonist",
        "activated": "activator", "stimulated": "agonist", "inactivated": "inhibitor",
        // Kept only for drug-metabolising targets ("CYP3A4 activity was induced by X").
        "induced": "inducer",
    ]

    /// Words between a target and a passive participle ("Y activity was also inhibited by").
    static let passiveGap: WordSet = [
        "is", "was", "were", "are", "be", "been", "being", "can", "could", "may", "might", "also", "not",
        "further", "both", "only", "activity", "activities", "function", "itself",
    ]

    /// Nouns after "inhibitory", "stimulatory"… that take the agent with "of" and the target
    /// with "on": "the inhibitory effect of X on Y".
    static let effectNouns: WordSet = [
        "effect", "effects", "activity", "activities", "action", "actions", "potency", "potencies", "properties",
    ]

    /// Adjectives of an effect, with the qualifier they give.
    static let effectAdjectives: WordMap<String> = [
        "inhibitory": "inhibitor", "antagonistic": "antagonist", "agonistic": "agonist",
        "stimulatory": "agonist", "activating": "activator", "blocking": "blocker",
    ]

    /// Words that introduce the agents after a target noun ("Y antagonists such as X",
    /// "Y antagonists (X, Z)").
    static let agentIntroducers: WordSet = ["such", "as", "like", "including", "e.g.", "e.g", "namely", ","]

    /// Drug-lexicon words that name a role, not an agent: never mechanism subjects.
    static let genericSubjects: WordSet = ["ligand", "ligands", "radioligand", "radioligands"]

    /// Words in a subject concept's name that make it an endogenous protein or peptide signal
    /// (a growth factor, hormone or cytokine), not a drug acting on its target: "BDNF activated
    /// Akt", "NRG-1 activated Erk 1/2" report signalling between proteins; or a vaccine, which
    /// acts through the immune system, not on a target.
    static let proteinNameWords: [String] = [
        " factor", "hormone", "interleukin", "neuregulin", "cytokine", "chemokine", "urotensin", "protein",
        "vaccine", "pharmaccine",
    ]

    /// Endings of the international nonproprietary names given to recombinant copies of
    /// endogenous signal proteins: growth factors (dibotermin, emfilermin), releasing hormones
    /// (gonadorelin), pituitary hormones (somatropin), erythropoietins, colony-stimulating
    /// factors and interleukins. A mention of such a concept under another name ("BMP-2", "LIF",
    /// "GnRH") names the body's own protein, not the drug.
    static let signalProteinStems: [String] = [
        "ermin", "relin", "tropin", "poetin", "poietin", "grastim", "gramostim", "leukin",
    ]

    /// Participles after a subject that say where an endogenous signal comes from: "LIF,
    /// secreted from the glands, binds to …".
    static let secretedParticiples: WordSet = [
        "secreted", "released", "produced", "derived", "expressed", "synthesized", "synthesised",
    ]

    /// Superfamilies too broad to be a drug's target: "a kinase inhibitor" (phosphotransferases),
    /// "G protein-coupled receptors activated by X", "ion channels". A triple names the target.
    static let superfamilyTargets: Set<String> = ["MESH:D010770", "FPLX:GPCR", "MESH:D007473"]

    /// Words in a target's name or text that make it a drug-metabolising enzyme or transporter,
    /// the targets that drugs "induce" (other "induces" means expression or a downstream effect).
    static let inducibleTargets: [String] = [
        "cyp", "cytochrome", "p450", "p-450", "ugt", "glucuronosyltransferase", "p-glycoprotein", "abcb1",
    ]

    /// Words that stop the gap between a cue and its target: the cue then governs something
    /// else ("inhibits the reuptake of", "blocks the release of").
    static let stopWords: Set<String> = [
        "reuptake", "re-uptake", "uptake", "release", "levels", "level", "synthesis", "metabolism",
        "concentrations", "concentration", "clearance", "expression", "production", "secretion",
        "effects", "effect", "loss", "damage", "up-regulation", "upregulation", "down-regulation",
        "downregulation", "gene", "genes", "mrna", "phosphorylation", "translocation", "internalization",
        "sensitization", "desensitization", "density", "densities", "lesion", "lesions", "cells", "neurons",
        "by", "via", "through", "development",
    ]

    /// Words before a participle that make it an adjective ("the activated", "of inhibited").
    static let attributiveBefore: WordSet = [
        "the", "a", "an", "of", "by", "with", "in", "on", "for", "measuring", "measured",
    ]

    /// Heads after a target that make a cue act on the target's expression or output, not on
    /// the target: "inhibits AT1R gene expression", "inhibited LTB(4) production".
    static let indirectHeads: WordSet = [
        "gene", "genes", "expression", "mrna", "mrnas", "transcription", "promoter", "production", "synthesis",
        "secretion", "release", "levels", "level", "content", "biosynthesis", "overexpression", "phosphorylation",
    ]

    /// Words after a drug that make it a measured or produced substance ("cholesterol levels").
    static let measuredHeads: WordSet = [
        "levels", "level", "concentration", "concentrations", "production", "synthesis", "release", "secretion",
        "accumulation", "formation", "biosynthesis", "content",
    ]

    /// Words before a reuptake phrase that reverse it ("enhances serotonin reuptake").
    static let reuptakeEnhancers: WordSet = [
        "enhances", "enhance", "enhanced", "enhancing", "enhancer", "enhancement", "promotes", "promote",
        "facilitates", "facilitate", "increases", "increase", "increased", "increasing", "stimulates",
    ]

    /// Words between a drug and a reuptake phrase that detach them ("side effects induced by
    /// serotonin reuptake …").
    static let reuptakeBlockers: WordSet = [
        "induced", "associated", "related", "secondary", "due", "side", "adverse", "toxicity", "risk", "unlike",
    ]

    /// Words after "reuptake" that name the inhibition ("reuptake inhibitor of", "reuptake blockade").
    static let reuptakeNouns: WordSet = [
        "inhibitor", "inhibitors", "inhibition", "blocker", "blockers", "blockade", "blocking", "inhibiting",
    ]

    /// Words before "the reuptake of" ("inhibits the reuptake of").
    static let reuptakeVerbs: WordSet = [
        "inhibits", "inhibit", "inhibited", "inhibiting", "inhibition", "blocks", "block", "blocked", "blocking",
        "blockade", "inhibitor", "inhibitors", "of", "on", "the",
    ]
}

/// The mechanism rules applied to one sentence.
struct MechanismRules {
    let analysis: SentenceAnalysis
    let reuptakeTargets: ReuptakeTargets

    private let items: [SentenceView.Item]

    init(analysis: SentenceAnalysis, reuptakeTargets: ReuptakeTargets) {
        self.analysis = analysis
        self.reuptakeTargets = reuptakeTargets
        self.items = analysis.items
    }

    func run(into collector: inout TripleCollector) {
        let neurotransmitters = reuptake(into: &collector)
        // A drug measured or made ("cholesterol levels", "LT production") is an object here,
        // never the subject of a mechanism.
        // "levels of estradiol" likewise.
        let skip = neurotransmitters.union(
            items.indices.filter { item in
                guard items[item].kind == .slot, analysis.drug(at: item) != nil else { return false }
                if item + 1 < items.count, items[item + 1].isWord(MechanismCues.measuredHeads) { return true }
                return item >= 2 && items[item - 1].isWord(oneOf: ["of"]) && items[item - 2].isWord(MechanismCues.measuredHeads)
            }
        )
        forward(skip: skip, into: &collector)
        targetNouns(skip: skip, into: &collector)
        passives(skip: skip, into: &collector)
        effectsOf(skip: neurotransmitters, into: &collector)
        processByOf(skip: neurotransmitters, into: &collector)
        classTargets(skip: neurotransmitters, into: &collector)  // ClassMechanismRules.swift
        bindings(skip: skip, into: &collector)  // BindingMechanismRules.swift
        activities(skip: skip, into: &collector)  // ActivityMechanismRules.swift
        stateChanges(skip: skip, into: &collector)  // ActivityMechanismRules.swift
        singlePair(into: &collector)  // FallbackMechanismRules.swift
    }

    // MARK: - "activation by X of Y"

    /// Emits `rule` from each subject to the target at `target` and the targets listed with it.
    private func emitToTargetList(
        from subjects: [Int], target: Int, rule: String, qualifier: String, cueStart: Int,
        into collector: inout TripleCollector
    ) {
        let targets = analysis.expandList(from: target, accept: analysis.receptor).items
        for subject in subjects {
            emit(
                subjectItem: subject, objects: targets.map { ($0, nil) }, rule: rule, base: 0.85, qualifier: qualifier,
                cueStart: cueStart, into: &collector)
        }
    }

    private func processByOf(skip: Set<Int>, into collector: inout TripleCollector) {
        for noun in items.indices {
            guard items[noun].kind == .word, let qualifier = MechanismCues.processNouns[item: items[noun]],
                noun + 2 < items.count, items[noun + 1].isWord(oneOf: ["by"]),
                let agent = analysis.drugAfter(noun + 2, maxGap: 1, skip: skip)
            else { continue }
            let agents = analysis.expandList(from: agent, accept: analysis.drug)
            guard agents.end < items.count, items[agents.end].isWord(oneOf: ["of"]),
                let target = analysis.firstObject(
                    after: agents.end + 1,
                    maxGap: 2,
                    accept: analysis.receptor,
                    stopWords: MechanismCues.stopWords
                )
            else { continue }
            emitToTargetList(
                from: agents.items.filter { !skip.contains($0) }, target: target, rule: "process_by", qualifier: qualifier,
                cueStart: noun, into: &collector)
        }
    }

    // MARK: - Aliases: "X (ABBR)"

    /// Items naming the same entity as `item` in an "A (B)" pair: the mention in parentheses
    /// right after it, or the mention right before the parentheses that hold it. The two must
    /// share a concept, or one be an abbreviation ("ornithine decarboxylase (ODC)").
    func aliasItems(of item: Int, accept: (Int) -> Int?) -> [Int] {
        guard let own = accept(item) else { return [] }
        func closes(_ index: Int) -> Bool {
            index < items.count && (items[index].isPunctuation(")") || items[index].isPunctuation(",")
                || items[index].isPunctuation(";"))
        }
        func sameEntity(_ other: Int) -> Bool {
            let a = analysis.mentions[own]
            let b = analysis.mentions[other]
            guard a.source != .anaphor, b.source != .anaphor else { return false }
            return a.id == b.id || a.source == .abbreviation || b.source == .abbreviation
        }
        var result: [Int] = []
        if item + 3 < items.count, items[item + 1].isPunctuation("("), let other = accept(item + 2), closes(item + 3),
            sameEntity(other)
        {
            result.append(item + 2)
        }
        if item >= 2, items[item - 1].isPunctuation("("), let other = accept(item - 2), closes(item + 1),
            sameEntity(other)
        {
            result.append(item - 2)
        }
        return result
    }

    /// Drugs coordinated before a subject, reading over "A (B)" pairs: "lopinavir (LPV) and
    /// ritonavir (RTV) are …".
    private func coordinatedSubjects(endingAt subject: Int, skip: Set<Int>) -> [Int] {
        var head = subject
        if head >= 2, items[head - 1].isPunctuation("("), head + 1 < items.count, items[head + 1].isPunctuation(")"),
            analysis.drug(at: head - 2) != nil, aliasItems(of: head, accept: analysis.drug).contains(head - 2)
        {
            head -= 2
        }
        var result = analysis.coordinatedDrugs(endingAt: head, skip: skip)
        var earliest = result.last ?? head
        if head != subject { result[0] = subject }
        // Steps over earlier "A (B)" pairs: "A (B), C (D) and E".
        while earliest >= 5, items[earliest - 1].isWord(oneOf: ["and", "or"]) || items[earliest - 1].isPunctuation(","),
            items[earliest - 2].isPunctuation(")"), items[earliest - 4].isPunctuation("("),
            !skip.contains(earliest - 5), analysis.drug(at: earliest - 5) != nil
        {
            earliest -= 5
            result.append(earliest)
        }
        return result
    }

    // MARK: - Passives: "Y is inhibited by X", "X-inhibited Y"

    private func passives(skip: Set<Int>, into collector: inout TripleCollector) {
        for verb in items.indices {
            guard items[verb].kind == .word, let qualifier = MechanismCues.passiveVerbs[item: items[verb]] else {
                continue
            }
            // "X-inhibited Y".
            if verb >= 2, items[verb - 1].isPunctuation("-"), !items[verb - 1].spaceBefore, !items[verb].spaceBefore,
                !skip.contains(verb - 2), analysis.drug(at: verb - 2) != nil
            {
                // "AMP-activated protein kinase", "mitogen-activated protein kinase": a name.
                if verb + 1 < items.count, items[verb + 1].hasPrefix("protein") || items[verb + 1].hasPrefix("kinase")
                    || items[verb + 1].hasPrefix("phosphokinase")
                {
                    continue
                }
                if let target = analysis.firstObject(after: verb + 1, maxGap: 1, accept: analysis.receptor) {
                    let list = analysis.expandList(from: target, accept: analysis.receptor)
                    // "X-stimulated Y phosphorylation": an effect on the target's state.
                    if governsSomethingElse(after: list.end, rule: "passive") { continue }
                    emit(
                        subjectItem: verb - 2,
                        objects: list.items.map { ($0, nil) },
                        rule: "passive",
                        base: 0.85,
                        qualifier: qualifier,
                        cueStart: verb - 1,
                        into: &collector
                    )
                }
                continue
            }
            var next = verb + 1
            // Over adverbs and a fold ("potently", "2-fold").
            while next < items.count, next - verb <= 3, items[next].kind == .word,
                isAdverb(next) || items[next].text.hasSuffix("-fold")
            {
                next += 1
            }
            guard next + 1 < items.count, items[next].isWord(oneOf: ["by"]),
                let agent = analysis.drugAfter(next + 1, maxGap: 2, skip: skip)
            else { continue }
            var cursor = verb - 1
            while cursor >= 0, verb - cursor <= 6, items[cursor].kind == .word,
                MechanismCues.passiveGap.contains(item: items[cursor]) || isAdverb(cursor)
                    || Lexical.heads.contains(item: items[cursor])
            {
                cursor -= 1
            }
            guard cursor >= 0, analysis.receptor(at: cursor) != nil else { continue }
            let targets = Array(analysis.expandListBackward(from: cursor, accept: analysis.receptor).reversed())
            for subject in analysis.expandList(from: agent, accept: analysis.drug).items where !skip.contains(subject) {
                emit(
                    subjectItem: subject,
                    objects: targets.map { ($0, nil) },
                    rule: "passive",
                    base: 0.85,
                    qualifier: qualifier,
                    cueStart: verb,
                    into: &collector
                )
            }
        }
    }

    /// Whether a word is an adverb ("potently", "dose-dependently").
    private func isAdverb(_ item: Int) -> Bool {
        items[item].kind == .word && items[item].text.count > 4 && items[item].text.hasSuffix("ly")
    }

    // MARK: - Effects: "the inhibitory effect of X on Y"

    private func effectsOf(skip: Set<Int>, into collector: inout TripleCollector) {
        for adjective in items.indices {
            guard items[adjective].kind == .word,
                let qualifier = MechanismCues.effectAdjectives[item: items[adjective]],
                adjective + 3 < items.count, items[adjective + 1].isWord(MechanismCues.effectNouns),
                items[adjective + 2].isWord(oneOf: ["of"]),
                let agent = analysis.drugAfter(adjective + 3, maxGap: 1, skip: skip)
            else { continue }
            let agents = analysis.expandList(from: agent, accept: analysis.drug)
            var cursor = agents.end
            // "of X (ABBR) on Y".
            while cursor < items.count, cursor - agents.end <= 3, items[cursor].kind != .word || isAdverb(cursor),
                !analysis.isClauseBreak(cursor), items[cursor].kind != .slot || analysis.drug(at: cursor) != nil
            {
                cursor += 1
            }
            guard cursor < items.count, items[cursor].isWord(oneOf: ["on", "at", "against", "toward", "towards", "of"]),
                let target = analysis.firstObject(
                    after: cursor + 1,
                    maxGap: 3,
                    accept: analysis.receptor,
                    stopWords: MechanismCues.stopWords
                )
            else { continue }
            emitToTargetList(
                from: agents.items.filter { !skip.contains($0) }, target: target, rule: "effect_of", qualifier: qualifier,
                cueStart: adjective, into: &collector)
        }
    }

    // MARK: - Forward: X … cue … target

    private func forward(skip: Set<Int>, into collector: inout TripleCollector) {
        for hit in MechanismCues.forward.hits(in: items) {
            if hit.start > 0, items[hit.start - 1].isPunctuation("-"), !items[hit.start].spaceBefore { continue }
            // "the effect of X blocked by Y": a passive, read by ``passives(skip:into:)``.
            if hit.end < items.count, items[hit.end].isWord(oneOf: ["by"]) { continue }
            // "the activated partial thromboplastin time", "the inhibited CYP3A4": a participle
            // used as an adjective, not a verb with the drug as its subject.
            if !hit.cue.nominal, items[hit.start].text.hasSuffix("ed"),
                hit.start == 0 || items[hit.start - 1].isWord(MechanismCues.attributiveBefore)
                    || items[hit.start - 1].isPunctuation(",") || items[hit.start - 1].isPunctuation("(")
            {
                continue
            }
            guard
                let first = analysis.firstObject(
                    after: hit.end,
                    maxGap: 6,
                    accept: analysis.receptor,
                    stopWords: MechanismCues.stopWords
                ) ?? targetAfterFamily(from: hit.end)
            else { continue }
            let list = targetList(from: first)
            if governsSomethingElse(after: list.end, rule: hit.cue.rule) { continue }
            var subjects: [Int] = []
            if list.end + 1 < items.count, items[list.end].isWord(oneOf: ["by"]),
                let after = analysis.drugAfter(list.end + 1, maxGap: 2, skip: skip)
            {
                subjects = analysis.expandList(from: after, accept: analysis.drug).items  // "inhibition of Y by X"
            } else if hit.cue.nominal, let after = lateAgent(after: list.end, skip: skip) {
                subjects = analysis.expandList(from: after, accept: analysis.drug).items  // "… of Y in cells by X"
            } else if hit.cue.nominal, let agent = hyphenatedAgent(before: hit.start, skip: skip) {
                subjects = [agent]  // "X-mediated inhibition of Y"
            } else if let subjectItem = subject(before: hit.start, nominal: hit.cue.nominal, skip: skip) {
                // "Unlike X, Y activates …": X is contrasted, not coordinated.
                subjects = withOuterDrug(analysis.coordinatedDrugs(endingAt: subjectItem, skip: skip), skip: skip)
                    .filter { $0 == subjectItem || $0 == 0 || !items[$0 - 1].isWord(oneOf: ["unlike", "except", "besides"]) }
            } else if hit.cue.nominal, let after = appendedAgent(cueStart: hit.start, listEnd: list.end, skip: skip) {
                subjects = [after]  // "a selective inhibitor of Y, X"
            }
            for subject in subjects {
                emit(
                    subjectItem: subject,
                    objects: list.items.map { ($0, nil) },
                    rule: hit.cue.rule,
                    base: hit.cue.base,
                    qualifier: hit.cue.qualifier ?? "modulator",
                    cueStart: hit.start,
                    into: &collector
                )
            }
        }
    }

    /// The first of the targets listed after a family noun and a comma: "inhibits at least
    /// three folate-dependent enzymes, A, B and C"; at most six plain words (or a drug joined as
    /// a modifier) before the noun.
    private func targetAfterFamily(from start: Int) -> Int? {
        var cursor = start
        // Plain words, and a drug joined as a modifier ("folate-dependent enzymes").
        while cursor < items.count, cursor - start <= 6,
            items[cursor].kind == .word || items[cursor].isPunctuation("-") || analysis.isModifier(cursor),
            !items[cursor].isWord(MechanismCues.familyNouns), !items[cursor].isWord(MechanismCues.stopWords)
        {
            cursor += 1
        }
        guard cursor + 2 < items.count, items[cursor].isWord(MechanismCues.familyNouns),
            items[cursor + 1].isPunctuation(","), analysis.receptor(at: cursor + 2) != nil
        else { return nil }
        return cursor + 2
    }

    /// The agent of a noun cue named by "by" a few plain words after its target: "inhibition of
    /// Y in horse blood by X", "blockade of Y activity by X"; no slot, clause break or other
    /// punctuation between.
    private func lateAgent(after end: Int, skip: Set<Int>) -> Int? {
        var cursor = end
        while cursor < items.count, cursor - end <= 5 {
            let it = items[cursor]
            if it.isWord(oneOf: ["by"]) { return cursor > end ? analysis.drugAfter(cursor + 1, maxGap: 2, skip: skip) : nil }
            if it.kind != .word || analysis.isClauseBreak(cursor) || it.isWord(oneOf: ["and", "or", "but", "that", "which", "was", "were", "is", "are"]) {
                return nil
            }
            cursor += 1
        }
        return nil
    }

    /// A list of targets from `first`, also over a ligand name that qualifies the next target
    /// ("at dopamine D4 and serotonin 5-HT2A receptors", where "serotonin" is a drug mention).
    private func targetList(from first: Int) -> (items: [Int], end: Int) {
        var list = analysis.expandList(from: first, accept: analysis.receptor)
        // "an inhibitor of ETV6-PDGFRbeta and FLT3": a fusion protein names both partners.
        while list.end + 1 < items.count, items[list.end].isPunctuation("-"), !items[list.end].spaceBefore,
            !items[list.end + 1].spaceBefore, analysis.receptor(at: list.end + 1) != nil
        {
            let more = analysis.expandList(from: list.end + 1, accept: analysis.receptor)
            list = (list.items + more.items, more.end)
        }
        // "the receptor tyrosine kinases A, B and C": a plural family named, then its members.
        if list.items.count == 1, items[first].text.hasSuffix("s"), list.end == first + 1, list.end < items.count,
            analysis.receptor(at: list.end) != nil
        {
            let members = analysis.expandList(from: list.end, accept: analysis.receptor)
            list = (list.items + members.items, members.end)
        }
        while list.end + 2 < items.count, items[list.end].isWord(oneOf: ["and", "or", "and/or"]) || items[list.end].isPunctuation(","),
            analysis.mention(at: list.end + 1, type: .drug) != nil, analysis.receptor(at: list.end + 2) != nil
        {
            let more = analysis.expandList(from: list.end + 2, accept: analysis.receptor)
            list = (list.items + more.items, more.end)
        }
        return list
    }

    /// Whether the word after a target list names what the cue acts on instead of the target:
    /// "inhibits AT1R gene expression", "inhibited LTB(4) production" (expression is regulated
    /// indirectly) or its phosphorylation, and for "modulates" a pathway ("modulates the AKT/mTOR pathway").
    private func governsSomethingElse(after end: Int, rule: String) -> Bool {
        var next = end
        // Over a parenthetical right after the target: "LTB(4) production", "COX-2 (PGHS-2) expression".
        if next < items.count, items[next].isPunctuation("("),
            let close = (next + 1..<min(items.count, next + 5)).first(where: { items[$0].isPunctuation(")") })
        {
            next = close + 1
        }
        while next < items.count, items[next].isWord(oneOf: ["protein", "proteins", "mrna", "gene", "genes"]),
            next + 1 < items.count, items[next + 1].isWord(MechanismCues.indirectHeads)
        {
            next += 1
        }
        guard next < items.count, items[next].kind == .word else { return false }
        if items[next].isWord(MechanismCues.indirectHeads) { return true }
        // Inhibiting a target's pathway is still said of the target ("inhibits the NF-kB
        // pathway" is annotated as a negative correlation); modulating or inducing one is not.
        return rule == "modulates" || rule == "induces"
            ? items[next].isWord(oneOf: ["pathway", "pathways", "signaling", "signalling", "cascade"]) : false
    }

    /// The subject of a cue at `cueStart`: the nearest drug before it; for a noun cue only when
    /// linked to it ("X is a potent inhibitor of", "its antagonist actions at"); inside
    /// parentheses only the drug right before the "(" ("X (an inhibitor of Y)").
    private func subject(before cueStart: Int, nominal: Bool, skip: Set<Int>) -> Int? {
        // "X reduces Y by direct inhibition of Z", "X acts through blockade of Z": the process
        // is the means of the clause's subject, read like a verb.
        let means = nominal && isMeans(before: cueStart)
        if means { return meansSubject(before: cueStart, skip: skip) }
        let linkedNominal = nominal
        guard let item = analysis.nearestDrug(before: cueStart, window: linkedNominal ? 14 : 24, skip: skip) else {
            return nil
        }
        if let open = analysis.opensParenthesis(between: item + 1, and: cueStart), item != open - 1 { return nil }
        if linkedNominal, !analysis.isLinked(item, to: cueStart), !isAppositive(item, to: cueStart),
            !isComparativeLink(item, to: cueStart)
        {
            return nil
        }
        // The link is read from the relative; the subject is the drug it describes.
        return apposedHead(ofRelative: item, skip: skip) ?? item
    }

    /// Nouns of an apposition that name a drug by its relation to another: "X, a derivative
    /// of Z, inhibits …", "X, the active metabolite of Z, inhibits …".
    private static let relativeNouns: WordSet = [
        "derivative", "analogue", "analog", "metabolite", "enantiomer", "isomer", "prodrug", "congener",
    ]

    /// The drug an apposition describes when `item` is the relative it names: "Phenserine" for
    /// "physostigmine" in "Phenserine, a derivative of physostigmine, was described as an
    /// inhibitor of Y" (the apposition closes with a comma before the cue).
    private func apposedHead(ofRelative item: Int, skip: Set<Int>) -> Int? {
        guard item + 1 < items.count, items[item + 1].isPunctuation(","), item >= 4, items[item - 1].isWord(oneOf: ["of"]),
            items[item - 2].isWord(Self.relativeNouns)
        else { return nil }
        var cursor = item - 3
        // Over an adjective or two ("the active metabolite").
        while cursor >= 0, item - 3 - cursor < 2, items[cursor].kind == .word, !items[cursor].isWord(oneOf: ["a", "an", "the"]) {
            cursor -= 1
        }
        guard cursor >= 2, items[cursor].isWord(oneOf: ["a", "an", "the"]), items[cursor - 1].isPunctuation(","),
            !skip.contains(cursor - 2), let index = analysis.drug(at: cursor - 2), !analysis.mentions[index].isClass
        else { return nil }
        return cursor - 2
    }

    /// Words of a comparison that may link a drug to a noun cue besides ``Lexical/links``: "X
    /// had 5-30 times higher affinity for", "X was a 10-fold more potent inhibitor of".
    private static let comparativeLinks: WordSet = [
        "times", "fold", "more", "less", "about", "approximately", "nearly", "roughly", "some", "than",
        "much", "far", "even", "higher", "greater", "lower", "showed", "shows", "show", "displayed",
        "exhibited", "exhibits", "possesses", "possessed",
        // "X and their metabolites had 5-30 times higher affinity for".
        "metabolites", "metabolite",
    ]

    /// Whether only link words, comparison words and numbers stand between a drug and a noun
    /// cue, with at least one number or "times"/"fold" among them (a comparison).
    private func isComparativeLink(_ subject: Int, to cue: Int) -> Bool {
        guard subject < cue, cue - subject - 1 <= 12 else { return false }
        var sawAmount = false
        for item in (subject + 1)..<cue {
            let it = items[item]
            if it.kind == .slot { return false }
            if let head = it.text.utf8.first, head >= UInt8(ascii: "0"), head <= UInt8(ascii: "9") {
                sawAmount = true
                continue
            }
            if it.isWord(oneOf: ["times", "fold"]) { sawAmount = true }
            if it.isPunctuation("-") || it.isWord(Self.comparativeLinks) { continue }
            if Lexical.links.contains(key: it.key, text: it.text) { continue }
            if it.kind == .word, it.text.hasSuffix("-fold") { sawAmount = true; continue }
            return false
        }
        return sawAmount
    }

    /// The drug named right after a noun phrase "a/the … inhibitor of Y": "compared with a
    /// selective inhibitor of Y, X", "a new antagonist of Y (X)".
    private func appendedAgent(cueStart: Int, listEnd: Int, skip: Set<Int>) -> Int? {
        var cursor = cueStart - 1
        while cursor >= 0, cueStart - cursor <= 4, items[cursor].kind == .word,
            !items[cursor].isWord(oneOf: ["a", "an", "the"]), !Self.appositionStops.contains(items[cursor].text)
        {
            cursor -= 1
        }
        guard cursor >= 0, items[cursor].isWord(oneOf: ["a", "an", "the"]), listEnd + 1 < items.count,
            items[listEnd].isPunctuation(",") || items[listEnd].isPunctuation("("),
            !skip.contains(listEnd + 1), let index = analysis.drug(at: listEnd + 1), !isClass(listEnd + 1),
            analysis.mentions[index].source != .anaphor
        else { return nil }
        return listEnd + 1
    }

    /// The drug of "X-mediated", "X-induced" right before a noun cue: "X-mediated inhibition
    /// of Y", "X-induced activation of Y".
    private func hyphenatedAgent(before cueStart: Int, skip: Set<Int>) -> Int? {
        guard cueStart >= 3, items[cueStart - 1].isWord(oneOf: ["mediated", "induced", "evoked", "elicited"]),
            items[cueStart - 2].isPunctuation("-"), !items[cueStart - 1].spaceBefore,
            !items[cueStart - 2].spaceBefore, !skip.contains(cueStart - 3), modifierDrug(at: cueStart - 3) != nil
        else { return nil }
        return cueStart - 3
    }

    /// The drug of a slot used as a hyphenated modifier ("X-mediated"), which
    /// ``SentenceAnalysis/drug(at:)`` refuses as an argument elsewhere: not a receptor, class,
    /// anaphor, generic word or endogenous substance.
    func modifierDrug(at item: Int) -> Int? {
        if let index = analysis.drug(at: item) { return index }
        guard analysis.isModifier(item), let index = analysis.mention(at: item, type: .drug),
            analysis.receptor(at: item) == nil
        else { return nil }
        let mention = analysis.mentions[index]
        guard !mention.isClass, mention.source != .anaphor, !analysis.endogenous.contains(mention),
            !analysis.endogenous.names.contains(items[item].text), !Lexical.genericDrugs.contains(item: items[item])
        else { return nil }
        return index
    }

    /// The subject of the clause a means phrase ends: the first drug after the clause's start
    /// ("troglitazone inhibits LT production by direct inhibition of Y" gives troglitazone, not
    /// the object LT), the clause starting after a clause break, "that", "which", "whereas" or
    /// "while" within 24 items.
    private func meansSubject(before cueStart: Int, skip: Set<Int>) -> Int? {
        var start = cueStart - 1
        while start >= 0, cueStart - start <= 24, !analysis.isClauseBreak(start),
            !items[start].isWord(oneOf: ["that", "which", "whereas", "while", "who"])
        {
            start -= 1
        }
        for item in (start + 1)..<cueStart where !skip.contains(item) && analysis.drug(at: item) != nil {
            // A class ("upon stimulation with TLR agonists, … through activation of Y") names
            // no agent of its own.
            if isClass(item) { return nil }
            // A drug inside a modifier ("A23187-stimulated cells") is not the clause's subject.
            if item + 1 < cueStart, items[item + 1].isPunctuation("-"), !items[item + 1].spaceBefore { continue }
            if let open = analysis.opensParenthesis(between: item + 1, and: cueStart), item != open - 1 { return nil }
            return analysis.specificDrug(for: item)
        }
        return nil
    }

    /// Whether a noun cue is the means of an action: "by", "through" or "via" before it, over a
    /// determiner and a few adjectives ("by direct inhibition of", "through the blockade of").
    private func isMeans(before cueStart: Int) -> Bool {
        var cursor = cueStart - 1
        while cursor >= 0, cueStart - cursor <= 3,
            items[cursor].isWord(oneOf: ["the", "a", "an", "its", "their", "direct", "selective", "potent", "specific",
                "competitive", "irreversible", "reversible", "partial"])
        {
            cursor -= 1
        }
        return cursor >= 0 && items[cursor].isWord(oneOf: ["by", "through", "via"])
    }

    /// Words that may stand between an apposed drug's article and its noun cue: "X, a highly
    /// selective once-daily oral Y inhibitor", "X is the first oral inhibitor of Y".
    private static let appositionStops: WordSet = [
        "of", "in", "for", "with", "by", "that", "which", "and", "or", "but", "to", "from", "on", "at", "than",
        "not", "no", "whereas", "while", "when", "where", "who", "been", "without", "unlike", "like", "after",
        "before", "during", "against", "via", "through", "into", "used", "given", "such",
    ]

    /// Whether a drug is apposed to (or predicated of) a noun cue or target noun starting at
    /// `target`: after the drug (and a parenthesis right after it: "X (B, C) is …"), a comma
    /// and an article ("X, a …"), "(" and an article, or a copula ("X is …", "X and Y are
    /// more selective inhibitors of"), then at most six plain words (adjectives and adverbs) or
    /// commas and hyphens.
    func isAppositive(_ subject: Int, to target: Int) -> Bool {
        guard subject < target, target - subject - 1 <= 16 else { return false }
        var cursor = subject + 1
        // The drug closes a parenthesis ("X (RAD001, Afinitor) is …"), or one follows it.
        if cursor < target, items[cursor].isPunctuation(")") {
            cursor += 1
        } else if cursor < target, items[cursor].isPunctuation("(") {
            var depth = 0
            while cursor < target {
                if items[cursor].isPunctuation("(") { depth += 1 }
                if items[cursor].isPunctuation(")") {
                    depth -= 1
                    if depth == 0 { break }
                }
                if analysis.isClauseBreak(cursor) { return false }
                cursor += 1
            }
            guard cursor < target else { return false }
            cursor += 1
        }
        guard cursor < target else { return false }
        if items[cursor].isPunctuation(",") || items[cursor].isPunctuation("(") {
            cursor += 1
            guard cursor < target, items[cursor].isWord(oneOf: ["a", "an", "the"]) else { return false }
            cursor += 1
        } else if items[cursor].isWord(oneOf: ["is", "was", "are", "were", "remains", "represents"]) {
            cursor += 1
            while cursor < target, items[cursor].isWord(oneOf: ["also", "both", "now", "still", "thus", "therefore"]) {
                cursor += 1
            }
            // "X is expected to be a …".
            if cursor + 2 < target, items[cursor].isWord(oneOf: ["expected", "thought", "believed", "considered", "known"]),
                items[cursor + 1].isWord(oneOf: ["to"]), items[cursor + 2].isWord(oneOf: ["be"])
            {
                cursor += 3
            }
            if cursor < target, items[cursor].isWord(oneOf: ["a", "an", "the"]) { cursor += 1 }
        } else {
            return false
        }
        var words = 0
        while cursor < target {
            let it = items[cursor]
            if it.kind == .slot || analysis.isClauseBreak(cursor) { return false }
            if it.kind == .punctuation {
                guard it.isPunctuation(",") || it.isPunctuation("-") else { return false }
            } else {
                // "a centrally and peripherally acting Y agonist": coordinated modifiers.
                let coordinatesModifiers =
                    it.isWord(oneOf: ["and", "or"]) && cursor + 1 < target && items[cursor + 1].kind == .word
                    && !items[cursor + 1].isWord(oneOf: ["a", "an", "the"])
                if Self.appositionStops.contains(it.text), !coordinatesModifiers { return false }
                words += 1
                if words > 6 { return false }
            }
            cursor += 1
        }
        return true
    }

    /// Subjects with, for one in parentheses right after a drug ("Everolimus (RAD001,
    /// Afinitor) is …"), that drug too.
    private func withOuterDrug(_ subjects: [Int], skip: Set<Int>) -> [Int] {
        var result = subjects
        for subject in subjects {
            var cursor = subject - 1
            while cursor >= 0, subject - cursor <= 6, !items[cursor].isPunctuation("("),
                !items[cursor].isPunctuation(")"), !analysis.isClauseBreak(cursor)
            {
                cursor -= 1
            }
            guard cursor >= 1, items[cursor].isPunctuation("("), !skip.contains(cursor - 1),
                analysis.drug(at: cursor - 1) != nil, !result.contains(cursor - 1)
            else { continue }
            // The parenthesis must close before the cue: the inner drug names the outer one.
            var close = subject + 1
            while close < items.count, close - subject <= 6, !items[close].isPunctuation(")") { close += 1 }
            guard close < items.count, items[close].isPunctuation(")") else { continue }
            result.append(cursor - 1)
        }
        return result
    }

    /// Words between a target and its agent noun that qualify the noun: "the Y partial agonist
    /// X", "Y subtype-selective antagonists".
    private func isNounModifier(_ item: Int) -> Bool {
        let it = items[item]
        guard it.kind == .word else { return false }
        if it.isWord(oneOf: [
            "partial", "inverse", "full", "selective", "specific", "preferential", "competitive",
            "noncompetitive", "non-competitive", "allosteric", "irreversible", "reversible", "potent",
        ]) {
            return true
        }
        return it.text.hasSuffix("-selective") || it.text.hasSuffix("-specific")
    }

    // MARK: - Target nouns: "X is a potent H1 antagonist", "the 5-HT3 antagonist ondansetron"

    private func targetNouns(skip: Set<Int>, into collector: inout TripleCollector) {
        for noun in items.indices {
            guard items[noun].kind == .word else { continue }
            let process = MechanismCues.processNouns[item: items[noun]]
            guard var qualifier = MechanismCues.nouns[item: items[noun]] ?? process else { continue }
            var last = noun - 1
            while last >= 0,
                items[last].isWord(Lexical.heads) || items[last].isPunctuation("-") || isNounModifier(last)
            {
                if qualifier == "agonist", items[last].isWord(oneOf: ["partial"]) { qualifier = "partial_agonist" }
                if qualifier == "agonist", items[last].isWord(oneOf: ["inverse"]) { qualifier = "inverse_agonist" }
                last -= 1
            }
            // "monoacylglycerol lipase (MAGL) inhibitor": the abbreviation stands for the target,
            // and so does the long form before it ("dipeptidyl peptidase-4 (DPP-4) inhibitor").
            if last >= 2, items[last].isPunctuation(")"), items[last - 2].isPunctuation("("),
                analysis.receptor(at: last - 1) != nil
            {
                last -= 1
                if last >= 2, analysis.receptor(at: last - 2) != nil { last -= 2 }
            }
            // "the Y-specific inhibitor X": the target is a hyphenated modifier, which
            // ``SentenceAnalysis/receptor(at:)`` refuses elsewhere ("Y-specific antibodies").
            var modifierTarget: Mention?
            if last >= 0, analysis.receptor(at: last) == nil, last + 2 < noun, items[last + 1].isPunctuation("-"),
                items[last + 2].isWord(oneOf: ["specific"]), let index = analysis.mention(at: last, type: .receptor)
            {
                modifierTarget = analysis.mentions[index]
            }
            guard last >= 0, analysis.receptor(at: last) != nil || modifierTarget != nil else { continue }
            var targets = Array(analysis.expandListBackward(from: last, accept: analysis.receptor).reversed())
            // "the dual SRC/ABL inhibitor": targets joined by a slash.
            while let head = targets.first, head >= 2, items[head - 1].isPunctuation("/"),
                analysis.receptor(at: head - 2) != nil
            {
                targets.insert(head - 2, at: 0)
            }
            guard let firstTarget = targets.first else { continue }
            var before = firstTarget - 1
            while before >= 0, before >= firstTarget - 3, items[before].kind == .word {
                if qualifier == "agonist", items[before].isWord(oneOf: ["partial"]) { qualifier = "partial_agonist" }
                if qualifier == "agonist", items[before].isWord(oneOf: ["inverse"]) { qualifier = "inverse_agonist" }
                before -= 1
            }
            // "the indirect methyltransferase inhibitor": no action on the target itself.
            if firstTarget >= 1, items[firstTarget - 1].isWord(oneOf: ["indirect"]) { continue }
            // A ligand is a mechanism only when selective ("the selective Y ligand X",
            // "a Y-specific ligand"); "a Y ligand" alone is a probe or a tool compound.
            if qualifier == "binder" {
                let around = max(0, firstTarget - 3)..<noun
                guard
                    around.contains(where: {
                        items[$0].isWord(oneOf: ["selective", "specific"]) || items[$0].text.hasSuffix("-selective")
                            || items[$0].text.hasSuffix("-specific")
                    })
                else { continue }
            }
            var subjects: [Int] = []
            var rule = "target_noun"
            if process != nil, let agent = agentOfProcess(after: noun, skip: skip) {
                // "COX-2 inhibition in whole blood by X, Y and Z", "H1 antagonism with X".
                subjects = analysis.expandList(from: agent, accept: analysis.drug).items.filter { !isClass($0) }
                rule = "process_by"
            } else if MechanismCues.nouns[item: items[noun]] == nil {
                continue
            } else if let after = drugAfterNoun(noun, skip: skip), !isClass(after) {
                subjects = agentList(from: after).filter { !isClass($0) }
            } else if let before = analysis.nearestDrug(before: firstTarget, window: 14, skip: skip),
                analysis.isLinked(before, to: firstTarget, requireLink: true) || isAppositive(before, to: firstTarget),
                !startsAnotherPhrase(between: before, and: firstTarget)
            {
                subjects = withOuterDrug(coordinatedSubjects(endingAt: before, skip: skip), skip: skip)
            } else if let outer = parentheticalSubject(before: firstTarget, skip: skip) {
                subjects = [outer]  // "X (Zomig; formerly 311C90), a … Y agonist"
            }
            for subjectItem in subjects {
                emit(
                    subjectItem: subjectItem,
                    objects: targets.map { ($0, $0 == last ? modifierTarget : nil) },
                    rule: rule,
                    base: 0.9,
                    qualifier: qualifier,
                    cueStart: min(firstTarget, subjectItem + 1),
                    into: &collector
                )
            }
        }
    }

    /// The drug before a parenthesis that ends a few words before a target noun, when apposed
    /// to it: "X (Zomig; formerly 311C90), a centrally acting Y agonist" (the nearest drug is
    /// the one inside the parenthesis).
    private func parentheticalSubject(before target: Int, skip: Set<Int>) -> Int? {
        var close = target - 1
        while close >= 0, target - close <= 10, items[close].kind != .slot, !items[close].isPunctuation(")") {
            close -= 1
        }
        guard close >= 1, items[close].isPunctuation(")"), analysis.drug(at: close - 1) == nil,
            let outer = drugBeforeParenthesis(closingAt: close, skip: skip), isAppositive(outer, to: target)
        else { return nil }
        return outer
    }

    /// The drug right after a target noun, over words that introduce examples: "the H1
    /// antagonist X", "5-HT2 receptor antagonists such as X and Y".
    private func drugAfterNoun(_ noun: Int, skip: Set<Int>) -> Int? {
        var start = noun + 1
        while start < items.count, start - noun <= 3, items[start].kind != .slot,
            items[start].isWord(MechanismCues.agentIntroducers) || items[start].isPunctuation(",")
                || items[start].isPunctuation("(") || items[start].isPunctuation(":")
        {
            start += 1
        }
        if let found = analysis.drugAfter(start, maxGap: 1, skip: skip) { return found }
        // "Y antagonists GR12345 and X": a compound code the lexicon does not know, then a drug.
        guard start + 2 < items.count, isCompoundCode(start),
            items[start + 1].isWord(oneOf: ["and", "or"]) || items[start + 1].isPunctuation(",")
        else { return nil }
        return analysis.drugAfter(start + 2, maxGap: 1, skip: skip)
    }

    /// Whether a coordinator and an article between a drug and a target noun start a new noun
    /// phrase: "X (IC50 = 1 uM) and the Y antagonist", "X, as well as the Y antagonists".
    private func startsAnotherPhrase(between subject: Int, and target: Int) -> Bool {
        guard subject + 2 < target else { return false }
        for item in (subject + 1)..<(target - 1)
        where items[item].isWord(oneOf: ["and", "or", "well", "plus", "versus", "vs"]) && items[item + 1].isWord(oneOf: ["a", "an", "the"]) {
            return true
        }
        return false
    }

    /// A list of agents from `first`, also over compound codes the lexicon does not know
    /// ("tamsulosin, WB4101 and corynanthine").
    private func agentList(from first: Int) -> [Int] {
        var list = analysis.expandList(from: first, accept: analysis.drug)
        var result = list.items
        // Over an abbreviation after the list: "X (ABBR), WB4101 and Z".
        if list.end + 2 < items.count, items[list.end].isPunctuation("("), items[list.end + 2].isPunctuation(")") {
            list.end += 3
        }
        while list.end + 2 < items.count,
            items[list.end].isWord(oneOf: ["and", "or"]) || items[list.end].isPunctuation(","),
            isCompoundCode(list.end + 1)
        {
            var next = list.end + 2
            if items[next].isWord(oneOf: ["and", "or"]) || items[next].isPunctuation(",") { next += 1 }
            if next < items.count, items[next].isWord(oneOf: ["and", "or"]) { next += 1 }
            guard next < items.count, analysis.drug(at: next) != nil else { break }
            list = analysis.expandList(from: next, accept: analysis.drug)
            result += list.items
        }
        // "prazosin or the vasopressin V1 receptor antagonist": a drug right before a target
        // names a ligand, not an agent.
        return result.filter { $0 + 1 >= items.count || analysis.receptor(at: $0 + 1) == nil }
    }

    /// Whether an item is a compound code such as "WB4101" or "GR32191": one word of letters
    /// and digits, both present.
    private func isCompoundCode(_ item: Int) -> Bool {
        let it = items[item]
        guard it.kind == .word, Int(it.byteCount) >= 4, Int(it.byteCount) <= 12 else { return false }
        var letters = 0
        var digits = 0
        for byte in it.text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"): letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "-"): break
            default: return false
            }
        }
        return letters >= 1 && digits >= 2
    }

    /// The agent of a process noun: "by X" within a few words ("inhibition in horse blood by
    /// X"), or "with X" right after it.
    private func agentOfProcess(after noun: Int, skip: Set<Int>) -> Int? {
        var cursor = noun + 1
        if cursor < items.count, items[cursor].isWord(oneOf: ["with"]) {
            return analysis.drugAfter(cursor + 1, maxGap: 1, skip: skip)
        }
        while cursor < items.count, cursor - noun <= 5 {
            let it = items[cursor]
            if it.isWord(oneOf: ["by"]) { return analysis.drugAfter(cursor + 1, maxGap: 2, skip: skip) }
            if it.kind != .word || analysis.isClauseBreak(cursor) || it.isWord(oneOf: ["of", "and", "or", "but", "that", "which"]) {
                return nil
            }
            cursor += 1
        }
        return nil
    }

    /// Whether a drug item is a class mention: after a target noun it continues a list of
    /// classes ("beta-adrenergic receptor blockers, calcium channel antagonists"), it does not
    /// name the agent.
    private func isClass(_ item: Int) -> Bool {
        guard let index = analysis.drug(at: item) else { return false }
        return analysis.mentions[index].isClass && analysis.mentions[index].source != .anaphor
    }

    // MARK: - Reuptake: "serotonin and norepinephrine reuptake", "inhibits the reuptake of dopamine"

    /// A neurotransmitter found next to "reuptake": its item and the span of its term.
    private struct Transmitter {
        var item: Int
        var start: Int
        var end: Int
        var target: ReuptakeTargets.Target
    }

    /// Emits reuptake triples; returns the items of the neurotransmitters (never subjects).
    private func reuptake(into collector: inout TripleCollector) -> Set<Int> {
        var used: Set<Int> = []
        for word in items.indices where items[word].isWord(oneOf: ["reuptake", "re-uptake", "uptake"]) {
            // "uptake" alone is measured as often as inhibited: it needs an inhibition word.
            if items[word].text == "uptake" {
                let around = max(0, word - 4)..<min(items.count, word + 2)
                guard
                    around.contains(where: {
                        items[$0].isWord(MechanismCues.reuptakeNouns)
                            || items[$0].isWord(oneOf: ["inhibits", "inhibit", "inhibited", "blocks", "block", "blocked"])
                    })
                else { continue }
            }
            // Prefix form: "serotonin and norepinephrine reuptake".
            var transmitters: [Transmitter] = []
            var cursor = word - 1
            while cursor >= 0 {
                let it = items[cursor]
                if let found = transmittersIn(cursor) {
                    transmitters.insert(contentsOf: found, at: 0)
                } else if !(it.isPunctuation(",") || it.isPunctuation("-") || it.isPunctuation("/")
                    || it.isPunctuation("(") || it.isPunctuation(")") || it.isWord(oneOf: ["and", "or", "and/or"]))
                {
                    break
                }
                cursor -= 1
            }
            var constructStart = transmitters.first?.item ?? word
            // Postfix form: "reuptake (inhibition) of serotonin and dopamine".
            if transmitters.isEmpty {
                var next = word + 1
                while next < items.count, items[next].isWord(MechanismCues.reuptakeNouns) { next += 1 }
                guard next < items.count, items[next].isWord(oneOf: ["of"]) else { continue }
                next += 1
                while next < items.count, items[next].isWord(oneOf: ["the", "both"]) { next += 1 }
                while next < items.count {
                    if let found = transmittersIn(next) {
                        transmitters.append(contentsOf: found)
                    } else if !(items[next].isPunctuation(",") || items[next].isWord(oneOf: ["and", "or", "and/or", "/"])) {
                        break
                    }
                    next += 1
                }
                while constructStart > 0, items[constructStart - 1].isWord(MechanismCues.reuptakeVerbs) {
                    constructStart -= 1
                }
            }
            guard !transmitters.isEmpty else { continue }
            if constructStart > 0, items[constructStart - 1].isWord(MechanismCues.reuptakeEnhancers) { continue }
            let skip = Set(transmitters.map(\.item))
            used.formUnion(skip)
            // An agent noun ("serotonin reuptake inhibitors") names a class of drugs: its subject
            // is linked ("X is a selective serotonin reuptake inhibitor") or follows ("the
            // serotonin reuptake inhibitor fluoxetine"). A process ("effects on serotonin
            // reuptake", "inhibits the reuptake of") takes the nearest drug before it.
            let agent =
                word + 1 < items.count && items[word + 1].isWord(oneOf: ["inhibitor", "inhibitors", "blocker", "blockers"])
            var subjectItem: Int?
            if agent {
                if let after = analysis.drugAfter(word + 2, maxGap: 1, skip: skip), !isClass(after) {
                    subjectItem = after
                } else if let before = analysis.nearestDrug(before: constructStart, window: 12, skip: skip),
                    analysis.isLinked(before, to: constructStart, requireLink: true)
                {
                    subjectItem = before
                }
            } else if let before = analysis.nearestDrug(before: constructStart, window: 12, skip: skip),
                !(before..<constructStart).contains(where: { items[$0].isWord(MechanismCues.reuptakeBlockers) })
            {
                subjectItem = before
            }
            guard let subjectItem else { continue }
            let objects: [(Int, Mention?)] = transmitters.map { transmitter in
                (transmitter.item, transmitterMention(transmitter))
            }
            emit(
                subjectItem: subjectItem,
                objects: objects,
                rule: "reuptake",
                base: 0.9,
                qualifier: "reuptake_inhibitor",
                cueStart: constructStart,
                into: &collector
            )
        }
        reuptakeClasses(into: &collector)
        return used
    }

    /// A drug class named for reuptake inhibition ("selective serotonin reuptake inhibitors",
    /// "serotonin-norepinephrine reuptake inhibitor") said of a drug: "X is a selective serotonin
    /// reuptake inhibitor", "the SNRI class … X". The objects are the neurotransmitter words
    /// inside the class mention, with their own offsets.
    private func reuptakeClasses(into collector: inout TripleCollector) {
        for classItem in items.indices where items[classItem].kind == .slot {
            guard let index = analysis.mention(at: classItem, type: .drug), analysis.mentions[index].isClass,
                analysis.mentions[index].source != .anaphor
            else { continue }
            let item = items[classItem]
            guard item.text.contains("uptake"), Int(item.byteCount) == item.end - item.start else { continue }
            // Words of the mention with their byte offsets.
            var words: [(text: String, start: Int, end: Int)] = []
            var offset = item.start
            var current = ""
            var currentStart = offset
            for byte in item.text.utf8 {
                let isSeparator = byte == UInt8(ascii: " ") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "/")
                if isSeparator {
                    if !current.isEmpty { words.append((current, currentStart, offset)) }
                    current = ""
                    currentStart = offset + 1
                } else {
                    current.unicodeScalars.append(Unicode.Scalar(byte))
                }
                offset += 1
            }
            if !current.isEmpty { words.append((current, currentStart, offset)) }
            guard let uptake = words.firstIndex(where: { $0.text == "reuptake" || $0.text == "uptake" }) else {
                continue
            }
            let transmitters = words[..<uptake].compactMap { word -> Transmitter? in
                reuptakeTargets.target(forTerm: word.text).map {
                    Transmitter(item: classItem, start: word.start, end: word.end, target: $0)
                }
            }
            guard !transmitters.isEmpty else { continue }
            var subjectItem: Int?
            if let after = analysis.drugAfter(classItem + 1, maxGap: 1), !isClass(after) {
                subjectItem = after
            } else {
                var cursor = classItem - 1
                while cursor >= max(0, classItem - 12), !analysis.isClauseBreak(cursor) {
                    if let other = analysis.drug(at: cursor), !analysis.mentions[other].isClass {
                        if analysis.isApposed(cursor, to: classItem) { subjectItem = cursor }
                        break
                    }
                    cursor -= 1
                }
            }
            guard let subjectItem else { continue }
            emit(
                subjectItem: subjectItem,
                objects: transmitters.map { (classItem, transmitterMention($0)) },
                rule: "reuptake",
                base: 0.85,
                qualifier: "reuptake_inhibitor",
                cueStart: min(classItem, subjectItem + 1),
                into: &collector
            )
        }
    }

    /// The neurotransmitters an item names: the whole item ("serotonin"), a multi-word term, or
    /// each part of a hyphenated compound ("serotonin-norepinephrine").
    private func transmittersIn(_ item: Int) -> [Transmitter]? {
        let it = items[item]
        guard it.kind != .punctuation else { return nil }
        if let target = reuptakeTargets.target(forTerm: it.text) {
            return [Transmitter(item: item, start: it.start, end: it.end, target: target)]
        }
        guard it.kind == .word, it.text.contains("-"), Int(it.byteCount) == it.end - it.start else { return nil }
        var found: [Transmitter] = []
        var offset = it.start
        for part in it.text.split(separator: "-", omittingEmptySubsequences: false) {
            if let target = reuptakeTargets.target(forTerm: String(part)) {
                found.append(Transmitter(item: item, start: offset, end: offset + part.utf8.count, target: target))
            } else if !part.isEmpty {
                return nil
            }
            offset += part.utf8.count + 1
        }
        return found.isEmpty ? nil : found
    }

    private func transmitterMention(_ transmitter: Transmitter) -> Mention {
        let existing = analysis.view.mentions(of: items[transmitter.item]).first.map { analysis.mentions[$0] }
        var mention = Mention(
            type: .receptor,
            id: transmitter.target.id,
            name: transmitter.target.name,
            passage: analysis.view.passage,
            sentence: analysis.view.sentence,
            start: transmitter.start,
            end: transmitter.end,
            source: existing?.source == .abbreviation ? .abbreviation : .lexicon
        )
        if let existing {
            mention.negated = existing.negated
            mention.hedged = existing.hedged
            mention.hypothetical = existing.hypothetical
            mention.historical = existing.historical
        }
        return mention
    }

    // MARK: - Emitting

    /// Emits one triple per object; an object is a slot item, or an item with a made mention.
    func emit(
        subjectItem: Int,
        objects: [(item: Int, mention: Mention?)],
        rule: String,
        base: Double,
        qualifier: String,
        cueStart: Int,
        into collector: inout TripleCollector
    ) {
        guard let nearest = modifierDrug(at: subjectItem),
            !MechanismCues.genericSubjects.contains(item: items[subjectItem])
        else { return }
        let subjectName = analysis.mentions[nearest].name.lowercased()
        if MechanismCues.proteinNameWords.contains(where: subjectName.contains) { return }
        if isEndogenousSignal(subjectItem: subjectItem, mention: analysis.mentions[nearest], name: subjectName) {
            return
        }
        // "secretagogues activating phospholipase C": a participle right after a class
        // describes the class, it names no agent.
        if analysis.mentions[nearest].isClass, analysis.mentions[nearest].source != .anaphor,
            cueStart == subjectItem + 1, items[cueStart].text.hasSuffix("ing")
        {
            return
        }
        let mentions = analysis.mentions
        let reported =
            subjectItem < cueStart ? (analysis.representative(of: subjectItem, before: cueStart) ?? nearest) : nearest
        // Every mention of the subject here: the reported one, the nearest (when the reported
        // one is an earlier mention of the drug), and its "A (B)" alias.
        var subjects = [reported]
        if nearest != reported, mentions[nearest].source != .anaphor { subjects.append(nearest) }
        for alias in aliasItems(of: subjectItem, accept: analysis.drug) {
            if let index = analysis.drug(at: alias), !subjects.contains(index) { subjects.append(index) }
        }
        var expanded: [(item: Int, mention: Mention?)] = []
        var seen: Set<Int> = []
        for entry in objects {
            if entry.mention != nil {
                expanded.append(entry)
                continue
            }
            if seen.insert(entry.item).inserted { expanded.append(entry) }
            for alias in aliasItems(of: entry.item, accept: analysis.receptor) where seen.insert(alias).inserted {
                expanded.append((alias, nil))
            }
        }
        let anchor = objects.first?.item ?? subjectItem
        for (position, entry) in expanded.enumerated() {
            let object: Mention
            if let made = entry.mention {
                object = made
            } else if let index = analysis.receptor(at: entry.item) {
                object = mentions[index]
            } else {
                continue
            }
            if MechanismCues.superfamilyTargets.contains(object.id) { continue }
            var actual = qualifier
            if qualifier == "inducer" {
                let words = (object.name + " " + items[entry.item].text).lowercased()
                if !MechanismCues.inducibleTargets.contains(where: words.contains) {
                    // "Y inducers such as X": the agent noun says X turns Y on (a transcription
                    // factor, a receptor); the verb "induces Y" mostly means expression.
                    guard rule == "target_noun" else { continue }
                    actual = "activator"
                }
            }
            if rule == "blocks" || qualifier == "blocker", isReceptor(object, item: entry.item) {
                actual = "antagonist"
            }
            // "stimulates an enzyme" activates it; only a receptor has agonists.
            if qualifier == "agonist", rule == "stimulates" || rule == "passive" || rule == "process_by"
                || rule == "effect_of", !isReceptor(object, item: entry.item)
            {
                actual = "activator"
            }
            let low = min(subjectItem, entry.item)
            let high = max(subjectItem, entry.item)
            let path = (low + 1)..<high
            for subjectIndex in subjects {
                let subject = mentions[subjectIndex]
                // A class naming its member ("the Y agonist X", "X, a Y inhibitor") is a
                // description, not an event: a negation of the clause around it ("but not the Y
                // agonist X protected …") leaves it standing; only one inside it counts.
                let negated =
                    MechanismCues.namingRules.contains(rule)
                    ? analysis.hasNegation(in: path) : analysis.isNegated(subject, object, path: path)
                let hedged = analysis.isHedged(subject, object, path: path)
                let confidence = Confidence.score(
                    base: base,
                    distance: abs(anchor - subjectItem) - 1,
                    listIndex: position,
                    anaphor: mentions[nearest].source == .anaphor
                )
                collector.add(
                    Triple(
                        subject: subject,
                        predicate: .mechanism,
                        qualifier: actual,
                        object: object,
                        sentence: analysis.view.sentence,
                        negated: negated,
                        hedged: hedged,
                        confidence: confidence,
                        rule: "mechanism.\(rule)"
                    ),
                    bySubjectSpan: true
                )
            }
        }
    }

    /// Whether a subject is the body's own signal protein rather than a drug: a concept with a
    /// recombinant-protein name ("Dibotermin alfa", "Emfilermin") met under another name
    /// ("BMP-2", "LIF"), a subject followed by where it is made ("LIF, secreted from the
    /// glands, …"), or a subject whose own receptor, its text plus "R", is named in the
    /// sentence ("LIF … binds to the LIFR").
    private func isEndogenousSignal(subjectItem: Int, mention: Mention, name: String) -> Bool {
        guard mention.source != .anaphor else { return false }
        let text = items[subjectItem].text
        if let first = name.split(separator: " ").first,
            MechanismCues.signalProteinStems.contains(where: first.hasSuffix), !text.contains(first),
            !text.hasPrefix("rh")
        {
            return true
        }
        var next = subjectItem + 1
        if next < items.count, items[next].isPunctuation(",") { next += 1 }
        if next < items.count, items[next].isWord(MechanismCues.secretedParticiples), next + 1 < items.count,
            items[next + 1].isWord(oneOf: ["from", "by", "in"])
        {
            return true
        }
        guard text.utf8.count >= 2 else { return false }
        let ownReceptor = text + "r"
        return items.indices.contains { other in
            other != subjectItem && analysis.mention(at: other, type: .receptor) != nil
                && (items[other].text == ownReceptor || items[other].text == text + "-r")
        }
    }

    /// Whether a target is a receptor (blocking it is antagonism) rather than a channel or enzyme.
    private func isReceptor(_ object: Mention, item: Int) -> Bool {
        let name = object.name.lowercased()
        if name.contains("receptor") || name.contains("adrenoceptor") { return true }
        let text = items[item].text
        if text.contains("receptor") || text.contains("adrenoceptor") { return true }
        var next = item + 1
        while next < items.count, items[next].isWord(oneOf: ["and", "or", ","]) { next += 1 }
        return next < items.count && items[next].isWord(oneOf: ["receptor", "receptors"])
    }
}
