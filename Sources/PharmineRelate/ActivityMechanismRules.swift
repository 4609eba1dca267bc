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
