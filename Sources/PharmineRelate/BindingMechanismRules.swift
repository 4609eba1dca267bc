import PharmineCore

/// Mechanisms stated as binding, qualifier `binder`, rule `mechanism.binds`:
/// - a drug right before a binding verb and a target after it: "X binds (to) Y", "X, which
///   binds Y", "X bound to Y", "upon X binding to the Y";
/// - a target right before "bound to", "complexed with" or "in complex with" and a drug after
///   it: "crystal structures of Y bound to X and Z", "Y complexed with X";
/// - a binding noun with the drug after "of" and the target after a preposition: "the affinity
///   of X for Y", "affinities of X and Z at Y", "binding of X to Y", "affinities of X, Z and
///   their metabolites for Y".
///
/// Lists expand on both sides. The verb must touch its drug (over adverbs, "which"/"that" and an
/// "(ABBR)" only): a binding said of a drug further away is usually about a radioligand in an
/// assay or another protein. "X was bound to Y" (a copula) describes a preparation and gives
/// nothing.
extension MechanismRules {
    /// Verbs of binding.
    static let bindingVerbs: WordSet = ["binds", "bind", "bound", "binding"]

    /// Nouns of binding strength that take the drug with "of": "the affinity of X for Y".
    static let bindingNouns: WordSet = ["affinity", "affinities", "binding"]

    /// Prepositions that introduce the target after a binding noun's drug.
    static let bindingTargetPrepositions: WordSet = ["for", "at", "to", "toward", "towards"]

    /// Words that may stand between a drug and its binding verb ("X selectively binds", "X,
    /// which binds").
    static let bindingGap: WordSet = [
        "which", "that", "also", "directly", "selectively", "specifically", "covalently", "tightly",
        "reversibly", "irreversibly", "preferentially", "potently", "strongly", "avidly", "only", "can",
        "may", "to", "not",
    ]

    /// Words after a binding verb's object that make the object a place, not a target ("binds
    /// to the Y promoter").
    static let bindingIndirectHeads: WordSet = [
        "promoter", "gene", "genes", "mrna", "dna", "element", "elements", "sequence", "sequences", "region",
    ]

    /// Emits the binding mechanisms of the sentence.
    func bindings(skip: Set<Int>, into collector: inout TripleCollector) {
        let items = analysis.items
        // Cheap early reject: no binding word, no rule.
        guard
            items.contains(where: {
                $0.isWord(Self.bindingVerbs) || $0.isWord(Self.bindingNouns) || $0.isWord(oneOf: ["complexed", "complex"])
            })
        else { return }
        for cue in items.indices where items[cue].kind == .word {
            if items[cue].isWord(Self.bindingNouns), cue + 2 < items.count, items[cue + 1].isWord(oneOf: ["of"]) {
                bindingNoun(at: cue, skip: skip, into: &collector)
            }
            if items[cue].isWord(Self.bindingVerbs) {
                bindingVerb(at: cue, skip: skip, into: &collector)
            }
            if items[cue].isWord(oneOf: ["complexed"]) || items[cue].isWord(oneOf: ["complex"]) && cue >= 1
                && items[cue - 1].isWord(oneOf: ["in"])
            {
                complexedWith(at: cue, skip: skip, into: &collector)
            }
        }
    }

    /// "the affinity of X for Y", "binding of X and Z to Y".
    private func bindingNoun(at cue: Int, skip: Set<Int>, into collector: inout TripleCollector) {
        let items = analysis.items
        guard let agent = analysis.drugAfter(cue + 2, maxGap: 1, skip: skip) else { return }
        let agents = analysis.expandList(from: agent, accept: analysis.drug)
        var cursor = agents.end
        // Over "and (some of) their metabolites" after the drugs.
        if cursor + 2 < items.count, items[cursor].isWord(oneOf: ["and"]) {
            var next = cursor + 1
            if next + 2 < items.count, items[next].isWord(oneOf: ["some", "several", "all"]), items[next + 1].isWord(oneOf: ["of"]) {
                next += 2
            }
            if next + 1 < items.count, items[next].isWord(oneOf: ["their", "its"]),
                items[next + 1].isWord(oneOf: ["metabolites", "metabolite", "enantiomers", "analogues", "analogs"])
            {
                cursor = next + 2
            }
        }
        // Over an "(ABBR)" or a short parenthesis after the drugs.
        if cursor < items.count, items[cursor].isPunctuation("("),
            let close = (cursor + 1..<min(items.count, cursor + 5)).first(where: { items[$0].isPunctuation(")") })
        {
            cursor = close + 1
        }
        guard cursor < items.count, items[cursor].isWord(Self.bindingTargetPrepositions),
            let target = analysis.firstObject(
                after: cursor + 1, maxGap: 3, accept: analysis.receptor, stopWords: MechanismCues.stopWords)
        else { return }
        let targets = analysis.expandList(from: target, accept: analysis.receptor)
        if targets.end < items.count, items[targets.end].isWord(Self.bindingIndirectHeads) { return }
        for subject in agents.items where !skip.contains(subject) {
            emit(
                subjectItem: subject, objects: targets.items.map { ($0, nil) }, rule: "binds", base: 0.75,
                qualifier: "binder", cueStart: cue, into: &collector)
        }
    }

    /// "X binds (to) Y", "X bound to Y", "Y bound to X".
    private func bindingVerb(at cue: Int, skip: Set<Int>, into collector: inout TripleCollector) {
        let items = analysis.items
        let verb = items[cue].text
        // "ligand-binding domain", "drug-bound": a modifier, not a verb.
        if cue >= 1, items[cue - 1].isPunctuation("-"), !items[cue].spaceBefore { return }
        // "X was bound to Y": a preparation.
        if cue >= 1, items[cue - 1].isWord(oneOf: ["is", "was", "were", "are", "be", "been", "being"]) { return }
        var next = cue + 1
        if next < items.count, items[next].isWord(oneOf: ["to"]) {
            next += 1
        } else if verb == "bound" || verb == "binding" {
            return  // "bound" and "binding" need "to": "the bound fraction", "binding sites".
        }
        // Before the verb: a drug (subject) or, for "bound", a target ("Y bound to X").
        var before = cue - 1
        while before >= 0, cue - before <= 4, items[before].isWord(Self.bindingGap) || items[before].isLyAdverb
            || items[before].isPunctuation(",")
        {
            before -= 1
        }
        // Over "X (ABBR)".
        if before >= 2, items[before].isPunctuation(")"), items[before - 2].isPunctuation("(") { before -= 3 }
        guard before >= 0, items[before].kind == .slot else { return }
        if verb == "bound", analysis.receptor(at: before) != nil, analysis.drug(at: before) == nil {
            // "Y bound to X and Z".
            guard let agent = analysis.drugAfter(next, maxGap: 2, skip: skip) else { return }
            let agents = analysis.expandList(from: agent, accept: analysis.drug)
            let targets = Array(analysis.expandListBackward(from: before, accept: analysis.receptor).reversed())
            for subject in agents.items where !skip.contains(subject) {
                emit(
                    subjectItem: subject, objects: targets.map { ($0, nil) }, rule: "binds", base: 0.7,
                    qualifier: "binder", cueStart: cue, into: &collector)
            }
            return
        }
        guard !skip.contains(before), analysis.drug(at: before) != nil,
            let target = analysis.firstObject(
                after: next, maxGap: 3, accept: analysis.receptor, stopWords: MechanismCues.stopWords)
        else { return }
        let targets = analysis.expandList(from: target, accept: analysis.receptor)
        if targets.end < items.count, items[targets.end].isWord(Self.bindingIndirectHeads) { return }
        for subject in analysis.coordinatedDrugs(endingAt: before, skip: skip) {
            emit(
                subjectItem: subject, objects: targets.items.map { ($0, nil) }, rule: "binds", base: 0.7,
                qualifier: "binder", cueStart: cue, into: &collector)
        }
    }

    /// "Y complexed with X", "Y in complex with X".
    private func complexedWith(at cue: Int, skip: Set<Int>, into collector: inout TripleCollector) {
        let items = analysis.items
        guard cue + 2 < items.count, items[cue + 1].isWord(oneOf: ["with"]) else { return }
        let before = items[cue].isWord(oneOf: ["complex"]) ? cue - 2 : cue - 1
        guard before >= 0, analysis.receptor(at: before) != nil, analysis.drug(at: before) == nil,
            let agent = analysis.drugAfter(cue + 2, maxGap: 1, skip: skip)
        else { return }
        let agents = analysis.expandList(from: agent, accept: analysis.drug)
        for subject in agents.items where !skip.contains(subject) {
            emit(
                subjectItem: subject, objects: [(before, nil)], rule: "binds", base: 0.7, qualifier: "binder",
                cueStart: cue, into: &collector)
        }
    }
}
