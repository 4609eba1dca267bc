import PharmineCore

/// Interaction rules for statements without a finite verb between the drugs: a change stated as
/// a noun ("a 40% increase in the AUC of Y was observed with X") and joint use of one drug with
/// another in a patient phrase ("in patients taking X concomitantly with Y").
extension InteractionRules {
    /// Nouns of a change, with the direction they state.
    private static let changeNouns: WordMap<Bool> = [
        "increase": true, "increases": true, "elevation": true, "elevations": true, "rise": true,
        "decrease": false, "decreases": false, "reduction": false, "reductions": false, "fall": false,
    ]

    /// Adjectives of a change before an exposure ("elevated plasma levels of Y", "increased Y
    /// concentrations"), with the direction they state.
    private static let changeAdjectives: WordMap<Bool> = [
        "elevated": true, "increased": true, "higher": true, "raised": true, "decreased": false, "reduced": false,
        "lower": false, "diminished": false,
    ]

    /// Nouns of a drug's systemic exposure.
    private static let exposureHeads: WordSet = [
        "auc", "cmax", "exposure", "exposures", "concentrations", "concentration", "levels", "level",
        "bioavailability", "half-life",
    ]

    /// Words that may qualify the exposure noun ("the mean steady-state plasma AUC").
    private static let exposureModifiers: WordSet = [
        "the", "mean", "plasma", "serum", "blood", "systemic", "steady-state", "trough", "peak", "total", "oral",
        "renal", "and", "cmax", "auc", "values", "value", "its",
    ]

    /// Words that lead from the change to the drug that caused it ("was observed with
    /// concomitant administration of X", "when co-administered with X").
    private static let causeLinks: WordSet = [
        "with", "by", "following", "after", "given", "receiving", "taking", "during", "when",
    ]

    // MARK: - "a 30% increase in the AUC of Y was observed with X"

    func nounKinetics(into collector: inout TripleCollector) {
        for change in items.indices where items[change].kind == .word {
            // "an increase in", "an elevation of", or an adjective: "elevated plasma levels of".
            let adjective = Self.changeAdjectives[item: items[change]]
            guard let increase = Self.changeNouns[item: items[change]] ?? adjective else { continue }
            var cursor = change + 1
            if adjective == nil {
                guard cursor < items.count, items[cursor].isWord(oneOf: ["in", "of"]) else { continue }
                cursor += 1
            }
            // "in (the mean plasma) AUC (and Cmax) of|for Y", "in theophylline AUC", "of plasma Y levels"
            let start = cursor
            var head: Int?
            var before: Int?
            while cursor < items.count, cursor - change <= 8 {
                if items[cursor].kind == .slot {
                    guard before == nil, head == nil, partner(at: cursor) != nil else { break }
                    before = cursor
                    cursor += 1
                    continue
                }
                guard items[cursor].kind == .word else { break }
                if items[cursor].isWord(Self.exposureHeads) || items[cursor].isWord(oneOf: ["clearance"]) { head = cursor }
                guard items[cursor].isWord(Self.exposureModifiers) || items[cursor].isWord(Self.exposureHeads)
                    || items[cursor].isWord(oneOf: ["clearance"])
                else { break }
                cursor += 1
            }
            guard let head, cursor > start else { continue }
            let object: Int
            if let before, before < head {
                // The drug named before its exposure: "an increase in theophylline AUC".
                object = before
            } else if before == nil, cursor < items.count, items[cursor].isWord(oneOf: ["of", "for"]),
                let named = listHead(after: cursor + 1, window: 4).map(namedDrug)
            {
                object = named
            } else {
                continue
            }
            let clearance = items[head].isWord(oneOf: ["clearance"])
            let qualifier = increase != clearance ? "increases_exposure" : "decreases_exposure"
            let objectID = partner(at: object).map { analysis.mentions[$0].id }
            func isOther(_ item: Int) -> Bool {
                guard let index = partner(at: item) else { return false }
                return analysis.mentions[index].id != objectID && !isHeading(item)
            }
            // The cause: after the object over a link word ("… of Y was observed with X"), else
            // the drugs of the clause before the change ("Coadministration of X resulted in …").
            var cause: [Int] = []
            var after = object + 1
            var linked = false
            while after < items.count, after - object <= 12, !analysis.isClauseBreak(after) {
                if items[after].isWord(Self.causeLinks) { linked = true }
                if items[after].kind == .slot, isOther(after) {
                    if linked { cause = [after] }
                    break
                }
                after += 1
            }
            if cause.isEmpty {
                // The nearest drug before the change, with the drugs listed before it.
                let start = analysis.clauseStart(of: change)
                guard let nearest = (start..<change).last(where: { isOther($0) && !isClassBeforeDrug($0) }) else { continue }
                cause = firstList(endingAt: nearest).filter(isOther)
            }
            for first in cause {
                emit(first: first, second: object, rule: "exposure_noun", base: 0.8, qualifier: qualifier, into: &collector)
            }
        }
    }

    /// Whether the class at `item` names the drug right after it ("the CYP3A4 inducer X").
    private func isClassBeforeDrug(_ item: Int) -> Bool {
        guard let index = analysis.mention(at: item, type: .drug), analysis.mentions[index].isClass else { return false }
        return item + 1 < items.count && partner(at: item + 1) != nil
    }

    // MARK: - "X may have serious interactions with A and B"

    /// "X may have serious interactions with A, B", "the potential for X interactions with A",
    /// "X has the potential for interaction with drugs such as A": the drug before the noun
    /// interacts with each listed drug.
    func interactionNouns(into collector: inout TripleCollector) {
        for noun in items.indices where items[noun].isWord(oneOf: ["interaction", "interactions"]) {
            guard noun + 1 < items.count, items[noun + 1].isWord(oneOf: ["with"]), !studiesInteraction,
                let first = nearestPartner(before: noun, window: 12), !isHeading(first)
            else { continue }
            for second in reachList(after: noun + 2) {
                emit(first: first, second: second, rule: "interaction_noun", base: 0.65, qualifier: nil, into: &collector)
            }
        }
    }

    // MARK: - "in patients taking X concomitantly with Y"

    /// Verbs of a patient's use of a drug.
    private static let useVerbs: WordSet = [
        "taking", "receiving", "given", "administered", "administering", "using", "treated", "on",
    ]

    /// Words that make joint use a statement of interaction: a report or an advice.
    private static let jointStatements: WordSet = [
        "reported", "consideration", "should", "must", "observed", "experienced", "increased", "decreased",
    ]

    /// Adverbs of joint use before "with".
    private static let jointAdverbs: WordSet = ["concomitantly", "concurrently", "simultaneously"]

    func patientJointUse(into collector: inout TripleCollector) {
        for adverb in items.indices where items[adverb].isWord(Self.jointAdverbs) {
            guard adverb + 1 < items.count, items[adverb + 1].isWord(oneOf: ["with"]), adverb > 0,
                partner(at: adverb - 1) != nil
            else { continue }
            let first = adverb - 1
            // "patients taking X", "treated with X": a verb of use right before the drug.
            let lead = first - 1
            guard lead >= 0,
                items[lead].isWord(Self.useVerbs) || (items[lead].isWord(oneOf: ["with"]) && lead > 0 && items[lead - 1].isWord(oneOf: ["treated"]))
            else { continue }
            guard let head = listHead(after: adverb + 2, window: 6) else { continue }
            let seconds = looseList(from: head).map(namedDrug)
            let qualifier = statedEffect(around: adverb) ?? outcomeQualifier(around: adverb)
            // Joint use alone states no interaction ("the safety profile in subjects treated with X
            // concomitantly with Y was similar"): an effect, an advice or a report must be said.
            guard qualifier != nil || items.contains(where: { $0.isWord(Self.jointStatements) }) else { continue }
            for second in seconds {
                emit(first: first, second: second, rule: "joint_use", base: 0.75, qualifier: qualifier, into: &collector)
            }
        }
    }

    // MARK: - "X should not be used in patients receiving Y"

    /// Verbs of use after "should not be".
    private static let forbiddenUses: WordSet = [
        "used", "given", "administered", "taken", "prescribed", "coadministered", "co-administered", "combined",
    ]

    /// Words between the forbidden use and the other drug ("in patients on", "to patients receiving").
    private static let forbiddenGap: WordSet = [
        "with", "in", "to", "patients", "patient", "on", "receiving", "taking", "treated", "who", "are", "being",
        "concomitantly", "concurrently", "the", "any", "other", "currently", "already",
    ]

    func forbiddenUse(into collector: inout TripleCollector) {
        for negation in items.indices where items[negation].isWord(oneOf: ["not"]) {
            guard negation > 0, items[negation - 1].isWord(oneOf: ["should", "must"]),
                negation + 2 < items.count, items[negation + 1].isWord(oneOf: ["be"]),
                items[negation + 2].isWord(Self.forbiddenUses),
                let first = nearestPartner(before: negation - 1, window: 12)
            else { continue }
            var cursor = negation + 3
            var linked = false
            var second: Int?
            while cursor < items.count, cursor - negation <= 10, !analysis.isClauseBreak(cursor) {
                let it = items[cursor]
                if it.kind == .slot {
                    if linked, partner(at: cursor) != nil { second = cursor }
                    break
                }
                guard it.isWord(Self.forbiddenGap) else { break }
                if it.isWord(oneOf: ["with", "on", "receiving", "taking", "treated"]) { linked = true }
                cursor += 1
            }
            guard let second else { continue }
            for subject in firstList(endingAt: first) {
                for other in looseList(from: second) {
                    emit(first: subject, second: other, rule: "not_used", base: 0.8, qualifier: "contraindicated", into: &collector)
                }
            }
        }
    }
}
