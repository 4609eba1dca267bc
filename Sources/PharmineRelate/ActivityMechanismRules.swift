import PharmineCore

/// Mechanisms stated as a drug's activity against a target, rule `mechanism.activity_against`:
/// - "X, Z and W were tested for their inhibitory activity against Y", "X owes its
///   antagonistic effects on Y": a possessive ("their", "its") before an effect adjective and
///   noun, a preposition, then the target; the subjects are the nearest drug before the
///   possessive in the clause and the drugs coordinated with it;
/// - "X showed potent Y inhibitory activity", "X has weak Y antagonistic activity": the target
///   right before the adjective and noun, the subject linked by a verb of having or showing.
///
/// The qualifier comes from the adjective (``MechanismCues/effectAdjectives``).
extension MechanismRules {
    /// Prepositions after the effect noun that introduce the target.
    static let activityPrepositions: WordSet = ["against", "on", "toward", "towards", "at", "for"]

    /// Verbs that give a drug an activity ("X showed potent Y inhibitory activity").
    static let activityVerbs: WordSet = [
        "showed", "shows", "show", "displayed", "displays", "display", "exhibited", "exhibits", "exhibit", "had",
        "has", "have", "possesses", "possess", "possessed", "demonstrated", "demonstrates", "retained", "retains",
    ]

    /// Emits the activity mechanisms of the sentence.
    func activities(skip: Set<Int>, into collector: inout TripleCollector) {
        let items = analysis.items
        for adjective in items.indices where items[adjective].kind == .word {
            guard let qualifier = MechanismCues.effectAdjectives[item: items[adjective]], adjective + 1 < items.count,
                items[adjective + 1].isWord(MechanismCues.effectNouns)
            else { continue }
            if adjective >= 1, items[adjective - 1].isWord(oneOf: ["their", "its"]) {
                possessiveActivity(adjective: adjective, qualifier: qualifier, skip: skip, into: &collector)
            } else if adjective >= 1, analysis.receptor(at: adjective - 1) != nil {
                targetActivity(adjective: adjective, qualifier: qualifier, skip: skip, into: &collector)
            }
        }
    }

    /// "X and Z were tested for their inhibitory activity against Y".
    private func possessiveActivity(
        adjective: Int, qualifier: String, skip: Set<Int>, into collector: inout TripleCollector
    ) {
        let items = analysis.items
        let preposition = adjective + 2
        guard preposition < items.count, items[preposition].isWord(Self.activityPrepositions),
            let target = analysis.firstObject(
                after: preposition + 1, maxGap: 3, accept: analysis.receptor, stopWords: MechanismCues.stopWords)
        else { return }
        let targets = analysis.expandList(from: target, accept: analysis.receptor)
        if targets.end < items.count, items[targets.end].isWord(MechanismCues.indirectHeads) { return }
        guard let subject = analysis.nearestDrug(before: adjective - 1, window: 12, skip: skip) else { return }
        for agent in analysis.coordinatedDrugs(endingAt: subject, skip: skip) {
            emit(
                subjectItem: agent, objects: targets.items.map { ($0, nil) }, rule: "activity_against", base: 0.8,
                qualifier: qualifier, cueStart: adjective - 1, into: &collector)
        }
    }

    /// "X showed potent Y inhibitory activity".
    private func targetActivity(
        adjective: Int, qualifier: String, skip: Set<Int>, into collector: inout TripleCollector
    ) {
        let items = analysis.items
        let targets = Array(analysis.expandListBackward(from: adjective - 1, accept: analysis.receptor).reversed())
        guard let first = targets.first else { return }
        // Back over an article and adjectives ("the most potent", "weak") to the verb.
        var cursor = first - 1
        while cursor >= 0, first - cursor <= 4, items[cursor].kind == .word,
            !items[cursor].isWord(Self.activityVerbs),
            items[cursor].isWord(oneOf: ["a", "an", "the", "most", "more", "very", "potent", "weak", "strong", "high", "low",
                "moderate", "significant", "marked", "good", "excellent", "selective"])
                || items[cursor].text.hasSuffix("ly")
        {
            cursor -= 1
        }
        guard cursor >= 1, items[cursor].isWord(Self.activityVerbs) else { return }
        var subject = cursor - 1
        while subject >= 0, cursor - subject <= 2, items[subject].kind == .word, items[subject].text.hasSuffix("ly")
            || items[subject].isWord(oneOf: ["also", "both", "all"])
        {
            subject -= 1
        }
        guard subject >= 0, !skip.contains(subject), analysis.drug(at: subject) != nil else { return }
        for agent in analysis.coordinatedDrugs(endingAt: subject, skip: skip) {
            emit(
                subjectItem: agent, objects: targets.map { ($0, nil) }, rule: "activity_against", base: 0.8,
                qualifier: qualifier, cueStart: first, into: &collector)
        }
    }
}

/// Mechanisms stated as a change of a target's phosphorylation or activation, rule
/// `mechanism.state_of`: "X inhibited the phosphorylation and activation of Y and Z", "X may
/// block the phosphorylation of Y", "X treatment also increased phosphorylation of Y". The
/// verb gives the qualifier (inhibit, block, decrease, reduce, suppress, attenuate, abolish,
/// prevent → `inhibitor`; increase, enhance, induce, stimulate, promote → `activator`); the
/// subject is the drug right before the verb (over "treatment", "alone", auxiliaries and
/// adverbs). Base confidence 0.6: the change may be downstream of the drug's own target.
extension MechanismRules {
    /// Verbs of a change, with the qualifier they give.
    static let stateVerbs: WordMap<String> = [
        "inhibits": "inhibitor", "inhibit": "inhibitor", "inhibited": "inhibitor", "inhibiting": "inhibitor",
        "blocks": "inhibitor", "block": "inhibitor", "blocked": "inhibitor", "blocking": "inhibitor",
        "decreases": "inhibitor", "decrease": "inhibitor", "decreased": "inhibitor",
        "reduces": "inhibitor", "reduce": "inhibitor", "reduced": "inhibitor",
        "suppresses": "inhibitor", "suppress": "inhibitor", "suppressed": "inhibitor",
        "attenuates": "inhibitor", "attenuate": "inhibitor", "attenuated": "inhibitor",
        "abolishes": "inhibitor", "abolish": "inhibitor", "abolished": "inhibitor",
        "prevents": "inhibitor", "prevent": "inhibitor", "prevented": "inhibitor",
        "increases": "activator", "increase": "activator", "increased": "activator",
        "enhances": "activator", "enhance": "activator", "enhanced": "activator",
        "induces": "activator", "induce": "activator", "induced": "activator",
        "stimulates": "activator", "stimulate": "activator", "stimulated": "activator",
        "promotes": "activator", "promote": "activator", "promoted": "activator",
    ]

    /// Nouns of a target's state that take the target with "of".
    static let stateNouns: WordSet = ["phosphorylation", "autophosphorylation", "activation"]

    /// The state nouns as a cue summary: a sentence without one returns at once.
    static let stateBits = WordBits(["phosphorylation", "autophosphorylation"])

    /// Words between a subject and its verb ("X treatment also increased", "X may block").
    static let stateSubjectGap: WordSet = [
        "treatment", "alone", "also", "may", "might", "can", "could", "further", "both", "not", "only",
    ]

    /// Emits the state-change mechanisms of the sentence.
    func stateChanges(skip: Set<Int>, into collector: inout TripleCollector) {
        guard analysis.mayHave(Self.stateBits) else { return }
        let items = analysis.items
        for verb in items.indices where items[verb].kind == .word {
            guard let qualifier = Self.stateVerbs[item: items[verb]] else { continue }
            // "the phosphorylation of", "the amount and phosphorylation of", "phosphorylation and
            // activation of".
            var cursor = verb + 1
            if cursor < items.count, items[cursor].isWord(oneOf: ["the", "its", "their"]) { cursor += 1 }
            if cursor + 2 < items.count, items[cursor].isWord(oneOf: ["amount", "level", "levels"]),
                items[cursor + 1].isWord(oneOf: ["and"])
            {
                cursor += 2
            }
            guard cursor < items.count, items[cursor].isWord(Self.stateNouns) else { continue }
            // "activation" alone follows many verbs of other things ("induced activation of
            // caspases"): only phosphorylation, or both, name the target's state.
            var sawPhosphorylation = !items[cursor].isWord(oneOf: ["activation"])
            cursor += 1
            if cursor + 1 < items.count, items[cursor].isWord(oneOf: ["and"]), items[cursor + 1].isWord(Self.stateNouns) {
                sawPhosphorylation = sawPhosphorylation || !items[cursor + 1].isWord(oneOf: ["activation"])
                cursor += 2
            }
            guard sawPhosphorylation, cursor < items.count, items[cursor].isWord(oneOf: ["of"]),
                let target = analysis.firstObject(
                    after: cursor + 1, maxGap: 2, accept: analysis.receptor, stopWords: MechanismCues.stopWords)
            else { continue }
            let targets = analysis.expandList(from: target, accept: analysis.receptor)
            // The subject: a drug right before the verb.
            var before = verb - 1
            while before >= 0, verb - before <= 4, items[before].kind == .word,
                items[before].isWord(Self.stateSubjectGap)
                    || items[before].isLyAdverb
            {
                before -= 1
            }
            guard before >= 0, !skip.contains(before), analysis.drug(at: before) != nil else { continue }
            for subject in analysis.coordinatedDrugs(endingAt: before, skip: skip) {
                emit(
                    subjectItem: subject, objects: targets.items.map { ($0, nil) }, rule: "state_of", base: 0.6,
                    qualifier: qualifier, cueStart: verb, into: &collector)
            }
        }
    }
}
