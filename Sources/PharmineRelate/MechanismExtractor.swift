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
///   `modulates` ("modulates", "allosteric modulator of") [modulator]; `binds` ("binds to",
///   "affinity for") [binder]; `induces` ("induces", "inducer of") [inducer];
/// - `target_noun`: drug … target + noun, or target + noun … drug: "X is a potent H1
///   antagonist", "the 5-HT3 antagonist ondansetron", "a CYP3A4 inhibitor" [from the noun;
///   "partial"/"inverse" before the target refine agonist];
/// - `reuptake`: "serotonin and norepinephrine reuptake", "inhibits the reuptake of dopamine",
///   "selective serotonin reuptake inhibitor" [reuptake_inhibitor]: each neurotransmitter is
///   looked up in ``ReuptakeTargets`` and the object is the transporter (id and name from the
///   map, type `receptor`) with the neurotransmitter's text and offsets.
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
        let needle = Array("uptake".utf8)
        guard text.count >= needle.count else { return false }
        var index = text.startIndex
        while index <= text.endIndex - needle.count {
            var matched = true
            for offset in 0..<needle.count where text[index + offset] | 0x20 != needle[offset] {
                matched = false
                break
            }
            if matched { return true }
            index += 1
        }
        return false
    }

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
        Cue("modulates|modulate|modulated|modulating", rule: "modulates", base: 0.85, qualifier: "modulator"),
        Cue("modulation of|at", rule: "modulates", base: 0.85, qualifier: "modulator", nominal: true),
        Cue(
            "positive|negative? allosteric? modulator|modulators of|at",
            rule: "modulates",
            base: 0.85,
            qualifier: "modulator",
            nominal: true
        ),
        Cue("binds|bind|bound|binding to|at|with", rule: "binds", base: 0.7, qualifier: "binder"),
        Cue("high|low? affinity for|at|to", rule: "binds", base: 0.7, qualifier: "binder", nominal: true),
        Cue("induces|induce|inducing", rule: "induces", base: 0.85, qualifier: "inducer"),
        Cue("inducer|inducers of", rule: "induces", base: 0.85, qualifier: "inducer", nominal: true),
        Cue("induction of", rule: "induces", base: 0.85, qualifier: "inducer", nominal: true),
    ])

    /// Nouns after a target that name the action: "H1 antagonist", "CYP3A4 inhibitor".
    static let nouns: [String: String] = [
        "antagonist": "antagonist", "antagonists": "antagonist", "antagonism": "antagonist",
        "blocker": "blocker", "blockers": "blocker", "blockade": "blocker", "blocking": "blocker",
        "agonist": "agonist", "agonists": "agonist", "agonism": "agonist",
        "inhibitor": "inhibitor", "inhibitors": "inhibitor", "inhibition": "inhibitor",
        "activator": "activator", "activators": "activator", "opener": "activator", "openers": "activator",
        "modulator": "modulator", "modulators": "modulator",
        "inducer": "inducer", "inducers": "inducer",
    ]

    /// Words that stop the gap between a cue and its target: the cue then governs something
    /// else ("inhibits the reuptake of", "blocks the release of").
    static let stopWords: Set<String> = [
        "reuptake", "re-uptake", "uptake", "release", "levels", "level", "synthesis", "metabolism",
        "concentrations", "concentration", "clearance", "expression", "production", "secretion",
        "effects", "effect", "loss", "damage", "up-regulation", "upregulation", "down-regulation",
        "downregulation", "gene", "genes", "mrna", "phosphorylation", "translocation", "internalization",
        "sensitization", "desensitization", "density", "densities", "lesion", "lesions", "cells", "neurons",
    ]

    /// Words before a reuptake phrase that reverse it ("enhances serotonin reuptake").
    static let reuptakeEnhancers: Set<String> = [
        "enhances", "enhance", "enhanced", "enhancing", "enhancer", "enhancement", "promotes", "promote",
        "facilitates", "facilitate", "increases", "increase", "increased", "increasing", "stimulates",
    ]

    /// Words between a drug and a reuptake phrase that detach them ("side effects induced by
    /// serotonin reuptake …").
    static let reuptakeBlockers: Set<String> = [
        "induced", "associated", "related", "secondary", "due", "side", "adverse", "toxicity", "risk", "unlike",
    ]

    /// Words after "reuptake" that name the inhibition ("reuptake inhibitor of", "reuptake blockade").
    static let reuptakeNouns: Set<String> = [
        "inhibitor", "inhibitors", "inhibition", "blocker", "blockers", "blockade", "blocking", "inhibiting",
    ]

    /// Words before "the reuptake of" ("inhibits the reuptake of").
    static let reuptakeVerbs: Set<String> = [
        "inhibits", "inhibit", "inhibited", "inhibiting", "inhibition", "blocks", "block", "blocked", "blocking",
        "blockade", "inhibitor", "inhibitors", "of", "on", "the",
    ]
}

/// The mechanism rules applied to one sentence.
struct MechanismRules {
    let analysis: SentenceAnalysis
    let reuptakeTargets: ReuptakeTargets

    private var items: [SentenceView.Item] { analysis.items }

    func run(into collector: inout TripleCollector) {
        let neurotransmitters = reuptake(into: &collector)
        forward(skip: neurotransmitters, into: &collector)
        targetNouns(skip: neurotransmitters, into: &collector)
    }

    // MARK: - Forward: X … cue … target

    private func forward(skip: Set<Int>, into collector: inout TripleCollector) {
        for hit in MechanismCues.forward.hits(in: items) {
            if hit.start > 0, items[hit.start - 1].isPunctuation("-"), !items[hit.start].spaceBefore { continue }
            guard
                let first = analysis.firstObject(
                    after: hit.end,
                    maxGap: 6,
                    accept: analysis.receptor,
                    stopWords: MechanismCues.stopWords
                )
            else { continue }
            let list = analysis.expandList(from: first, accept: analysis.receptor)
            var subjects: [Int] = []
            if list.end + 1 < items.count, items[list.end].isWord(["by"]),
                let after = analysis.drugAfter(list.end + 1, maxGap: 2, skip: skip)
            {
                subjects = analysis.expandList(from: after, accept: analysis.drug).items  // "inhibition of Y by X"
            } else if let subjectItem = subject(before: hit.start, nominal: hit.cue.nominal, skip: skip) {
                subjects = analysis.coordinatedDrugs(endingAt: subjectItem, skip: skip)
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

    /// The subject of a cue at `cueStart`: the nearest drug before it; for a noun cue only when
    /// linked to it ("X is a potent inhibitor of", "its antagonist actions at"); inside
    /// parentheses only the drug right before the "(" ("X (an inhibitor of Y)").
    private func subject(before cueStart: Int, nominal: Bool, skip: Set<Int>) -> Int? {
        guard let item = analysis.nearestDrug(before: cueStart, window: nominal ? 12 : 24, skip: skip) else {
            return nil
        }
        if let open = analysis.opensParenthesis(between: item + 1, and: cueStart), item != open - 1 { return nil }
        if nominal, !analysis.isLinked(item, to: cueStart) { return nil }
        return item
    }

    // MARK: - Target nouns: "X is a potent H1 antagonist", "the 5-HT3 antagonist ondansetron"

    private func targetNouns(skip: Set<Int>, into collector: inout TripleCollector) {
        for noun in items.indices {
            guard items[noun].kind == .word, var qualifier = MechanismCues.nouns[items[noun].text] else { continue }
            var last = noun - 1
            while last >= 0, items[last].isWord(Lexical.heads) || items[last].isPunctuation("-") { last -= 1 }
            guard last >= 0, analysis.receptor(at: last) != nil else { continue }
            let targets = Array(analysis.expandListBackward(from: last, accept: analysis.receptor).reversed())
            guard let firstTarget = targets.first else { continue }
            var before = firstTarget - 1
            while before >= 0, before >= firstTarget - 3, items[before].kind == .word {
                if qualifier == "agonist", items[before].isWord(["partial"]) { qualifier = "partial_agonist" }
                if qualifier == "agonist", items[before].isWord(["inverse"]) { qualifier = "inverse_agonist" }
                before -= 1
            }
            var subjects: [Int] = []
            if let after = analysis.drugAfter(noun + 1, maxGap: 1, skip: skip), !isClass(after) {
                subjects = analysis.expandList(from: after, accept: analysis.drug).items.filter { !isClass($0) }
            } else if let before = analysis.nearestDrug(before: firstTarget, window: 12, skip: skip),
                analysis.isLinked(before, to: firstTarget, requireLink: true)
            {
                subjects = [before]
            }
            for subjectItem in subjects {
                emit(
                    subjectItem: subjectItem,
                    objects: targets.map { ($0, nil) },
                    rule: "target_noun",
                    base: 0.9,
                    qualifier: qualifier,
                    cueStart: min(firstTarget, subjectItem + 1),
                    into: &collector
                )
            }
        }
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
        for word in items.indices where items[word].isWord(["reuptake", "re-uptake", "uptake"]) {
            // "uptake" alone is measured as often as inhibited: it needs an inhibition word.
            if items[word].text == "uptake" {
                let around = max(0, word - 4)..<min(items.count, word + 2)
                guard
                    around.contains(where: {
                        items[$0].isWord(MechanismCues.reuptakeNouns)
                            || items[$0].isWord(["inhibits", "inhibit", "inhibited", "blocks", "block", "blocked"])
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
                    || it.isPunctuation("(") || it.isPunctuation(")") || it.isWord(["and", "or", "and/or"]))
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
                guard next < items.count, items[next].isWord(["of"]) else { continue }
                next += 1
                while next < items.count, items[next].isWord(["the", "both"]) { next += 1 }
                while next < items.count {
                    if let found = transmittersIn(next) {
                        transmitters.append(contentsOf: found)
                    } else if !(items[next].isPunctuation(",") || items[next].isWord(["and", "or", "and/or", "/"])) {
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
                word + 1 < items.count && items[word + 1].isWord(["inhibitor", "inhibitors", "blocker", "blockers"])
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
            guard item.text.contains("uptake"), item.text.utf8.count == item.end - item.start else { continue }
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
        guard it.kind == .word, it.text.contains("-"), it.text.utf8.count == it.end - it.start else { return nil }
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
        let existing = items[transmitter.item].mentions.first.map { analysis.mentions[$0] }
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
    private func emit(
        subjectItem: Int,
        objects: [(item: Int, mention: Mention?)],
        rule: String,
        base: Double,
        qualifier: String,
        cueStart: Int,
        into collector: inout TripleCollector
    ) {
        guard let nearest = analysis.drug(at: subjectItem) else { return }
        let mentions = analysis.mentions
        let reported =
            subjectItem < cueStart ? (analysis.representative(of: subjectItem, before: cueStart) ?? nearest) : nearest
        let subject = mentions[nearest]
        let anchor = objects.first?.item ?? subjectItem
        for (position, entry) in objects.enumerated() {
            let object: Mention
            if let made = entry.mention {
                object = made
            } else if let index = analysis.receptor(at: entry.item) {
                object = mentions[index]
            } else {
                continue
            }
            var actual = qualifier
            if rule == "blocks" || qualifier == "blocker", isReceptor(object, item: entry.item) {
                actual = "antagonist"
            }
            let low = min(subjectItem, entry.item)
            let high = max(subjectItem, entry.item)
            let path = (low + 1)..<high
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
            collector.add(
                Triple(
                    subject: mentions[reported],
                    predicate: .mechanism,
                    qualifier: actual,
                    object: object,
                    sentence: analysis.view.sentence,
                    negated: negated,
                    hedged: hedged,
                    confidence: confidence,
                    rule: "mechanism.\(rule)"
                )
            )
        }
    }

    /// Whether a target is a receptor (blocking it is antagonism) rather than a channel or enzyme.
    private func isReceptor(_ object: Mention, item: Int) -> Bool {
        let name = object.name.lowercased()
        if name.contains("receptor") || name.contains("adrenoceptor") { return true }
        let text = items[item].text
        if text.contains("receptor") || text.contains("adrenoceptor") { return true }
        var next = item + 1
        while next < items.count, items[next].isWord(["and", "or", ","]) { next += 1 }
        return next < items.count && items[next].isWord(["receptor", "receptors"])
    }
}
