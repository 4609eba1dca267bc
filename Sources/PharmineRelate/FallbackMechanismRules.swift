import PharmineCore

/// A low-confidence mechanism for a sentence that names exactly one drug and one target and
/// joins them closely by a word of action, rule `mechanism.single_pair`:
/// - drug first: "X markedly suppressed Y", "X almost abolished Y activity", "X treatment
///   decreased Y activity" (a change of amount needs "activity" after the target);
/// - target first: "Y activity was reduced by X".
///
/// The qualifier comes from the word (inhibit, suppress, abolish, attenuate, reduce, decrease →
/// `inhibitor`; block → `blocker`, `antagonist` on a receptor; antagonize → `antagonist`;
/// activate, stimulate, enhance, increase, potentiate → `activator`). Base confidence 0.55,
/// below every other rule, so a stronger rule for the same pair wins.
extension MechanismRules {
    /// Stems of action words, with the qualifier they give.
    static let singlePairStems: [(stem: String, qualifier: String, needsActivity: Bool)] = [
        ("inhibit", "inhibitor", false), ("suppress", "inhibitor", false), ("abolish", "inhibitor", false),
        ("abrogat", "inhibitor", false), ("attenuat", "inhibitor", true), ("reduc", "inhibitor", true),
        ("decreas", "inhibitor", true), ("block", "blocker", false), ("antagoniz", "antagonist", false),
        ("antagonis", "antagonist", false), ("activat", "activator", false), ("stimulat", "activator", false),
        ("enhanc", "activator", true), ("increas", "activator", true), ("potentiat", "activator", true),
    ]

    /// The stems as a prefix list, to turn most words away cheaply.
    static let singlePairPrefixes = PrefixList(singlePairStems.map(\.stem))

    /// Words after a target that name its activity.
    static let activityWords: WordSet = ["activity", "activities", "function", "catalytic"]

    /// The only words allowed in the gap beside the action word and "-ly" adverbs: a determiner,
    /// an auxiliary, "treatment" or "alone" after the drug, "by" before it in a passive.
    static let singlePairGap: WordSet = [
        "the", "a", "an", "also", "alone", "treatment", "both", "its", "plasma", "cellular", "human", "almost",
        "can", "could", "may", "might", "was", "were", "is", "are", "be", "been", "by", "of", "in",
    ]

    /// Words after the target that make the action fall on something else ("Y mRNA", "Y expression").
    static let singlePairIndirect: WordSet = [
        "mrna", "expression", "gene", "genes", "protein", "levels", "level", "production", "release", "secretion",
        "phosphorylation", "synthesis", "transcription", "promoter", "signaling", "signalling", "pathway",
    ]

    /// Emits the single-pair mechanism of the sentence, if it has one.
    func singlePair(into collector: inout TripleCollector) {
        let items = analysis.items
        var drugItem: Int?
        var targetItem: Int?
        var drugID: String?
        var targetID: String?
        for item in items.indices where items[item].kind == .slot {
            if let index = analysis.drug(at: item) {
                let id = analysis.mentions[index].id
                if analysis.mentions[index].source == .anaphor { return }
                if let drugID, drugID != id { return }
                drugID = id
                if drugItem == nil { drugItem = item }
            } else if let index = analysis.receptor(at: item) {
                let id = analysis.mentions[index].id
                if let targetID, targetID != id { return }
                targetID = id
                if targetItem == nil { targetItem = item }
            }
        }
        guard let drugItem, let targetItem, drugItem != targetItem else { return }
        let low = min(drugItem, targetItem)
        let high = max(drugItem, targetItem)
        guard high - low - 1 <= 8 else { return }
        var found: (qualifier: String, needsActivity: Bool, item: Int)?
        for item in (low + 1)..<high {
            let it = items[item]
            if analysis.isClauseBreak(item) || it.kind != .word { return }
            guard found == nil,
                Self.singlePairPrefixes.matches(key: it.key, head: it.head, text: it.text),
                let entry = Self.singlePairStems.first(where: { it.text.hasPrefix($0.stem) })
            else {
                if it.isWord(Self.singlePairGap) || it.isWord(Self.activityWords)
                    || it.isLyAdverb
                {
                    continue
                }
                return
            }
            // Nouns of the agent ("inhibitor", "activator") are read by the other rules.
            if it.text.hasSuffix("or") || it.text.hasSuffix("ors") || it.text.hasSuffix("ist")
                || it.text.hasSuffix("ists")
            {
                return
            }
            found = (entry.qualifier, entry.needsActivity, item)
        }
        guard let found else { return }
        // After the target, over a short parenthesis: "Y (hepatic) production".
        var after = targetItem + 1
        if after < items.count, items[after].isPunctuation("("),
            let close = (after + 1..<min(items.count, after + 5)).first(where: { items[$0].isPunctuation(")") })
        {
            after = close + 1
        }
        if after < items.count, items[after].isWord(Self.singlePairIndirect) { return }
        // "Y activity was reduced by X": a passive with "by" right before the drug.
        if drugItem > targetItem, drugItem < 1 || !items[drugItem - 1].isWord(oneOf: ["by"]) { return }
        // A change of amount is a mechanism only when said of the target's activity.
        if found.needsActivity, targetItem + 1 >= items.count || !items[targetItem + 1].isWord(Self.activityWords) {
            return
        }
        emit(
            subjectItem: drugItem, objects: [(targetItem, nil)], rule: "single_pair", base: 0.55,
            qualifier: found.qualifier, cueStart: found.item, into: &collector)
    }
}
