import PharmineCore

/// Interactions stated through the patients who take the drugs: "X toxicity has been reported
/// in patients receiving Y", "hypoglycemia occurred in patients receiving both X and Y".
extension InteractionRules {
    /// Nouns of the people who take the drugs.
    private static let patientNouns: WordSet = [
        "patients", "patient", "subjects", "volunteers", "individuals", "those", "people", "persons", "adults",
        "children", "women", "men",
    ]

    /// Words that say two drugs are taken together.
    private static let togetherWords: WordSet = ["concomitantly", "concurrently", "simultaneously", "together"]

    /// Verbs of taking a drug after a patient noun.
    private static let receivingVerbs: WordSet = ["receiving", "taking", "on", "using", "given", "treated"]

    /// Words between the patient noun and the verb ("patients who are already receiving").
    private static let patientFillers: WordSet = [
        "who", "are", "were", "is", "was", "being", "already", "currently", "concomitantly", "concurrently", "also",
        "chronically", "simultaneously", "previously",
    ]

    /// "X toxicity has been reported in patients receiving Y", "edema occurred in patients
    /// receiving X and Y": pairs the drug of the main clause with the received drugs, and two
    /// drugs received together, when the sentence reports a result or gives advice.
    func patientsReceiving(into collector: inout TripleCollector) {
        for verb in items.indices where items[verb].isWord(Self.receivingVerbs) {
            var back = verb - 1
            while back >= 0, verb - back <= 4, items[back].isWord(Self.patientFillers) { back -= 1 }
            guard back >= 0, items[back].isWord(Self.patientNouns) else { continue }
            var start = verb + 1
            if items[verb].isWord(oneOf: ["treated"]) {
                guard start < items.count, items[start].isWord(oneOf: ["with"]) else { continue }
                start += 1
            }
            // "patients concomitantly receiving", "receiving both", "receiving concomitant": joint use.
            var together = ((back + 1)..<verb).contains { items[$0].isWord(Self.togetherWords) }
            while start < items.count, start - verb <= 3, items[start].isWord(oneOf: ["both", "concomitant", "concurrent"]) {
                together = true
                start += 1
            }
            // The received drugs end where a new phrase begins ("…, the addition of X").
            let reachedList = reachList(after: start)
            var received = reachedList.prefix(1).map { $0 }
            for next in reachedList.dropFirst() {
                guard let previous = received.last,
                    ((previous + 1)..<next).allSatisfy({ !items[$0].isWord(oneOf: ["the", "a", "an", "of"]) })
                else { break }
                received.append(next)
            }
            guard let last = received.last else { continue }
            // Taking the drugs is no interaction unless the sentence reports a result or advice.
            let stated = statedEffect(around: last)
            let outcome = statesOutcome(around: last)
            guard stated != nil || outcome || statesResult() else { continue }
            let qualifier = stated ?? outcomeQualifier(around: last)
            let base = qualifier != nil ? 0.7 : 0.6
            // "patients receiving A, B or C concomitantly with X": the list against X.
            if let split = received.indices.dropFirst().first(where: { index in
                ((received[index - 1] + 1)..<received[index]).contains { items[$0].isWord(Self.togetherWords) }
            }) {
                for first in received[..<split] {
                    for second in received[split...] {
                        emit(first: first, second: second, rule: "patients_receiving", base: base, qualifier: qualifier, into: &collector)
                    }
                }
                continue
            }
            // The drug of the main clause: "X toxicity has been reported in patients receiving Y",
            // or after the patient phrase: "In patients taking Y, the use of X may …".
            var mainDrugs: [Int] = []
            if back >= 1, items[back - 1].isWord(oneOf: ["in", "to", "for"]), let first = nearestPartner(before: back - 1, window: 15),
                !isHeading(first)
            {
                mainDrugs = firstList(endingAt: first)
            } else if back <= 1, let comma = ((last + 1)..<min(items.count, last + 4)).first(where: { items[$0].isPunctuation(",") }),
                let main = ((comma + 1)..<min(items.count, comma + 8)).first(where: {
                    analysis.isClauseBreak($0) || partner(at: $0) != nil
                }), !analysis.isClauseBreak(main)
            {
                mainDrugs = [main]
            }
            for subject in mainDrugs {
                for second in received {
                    emit(first: subject, second: second, rule: "patients_receiving", base: base, qualifier: qualifier, into: &collector)
                }
            }
            // "patients receiving X and Y concomitantly": the two received drugs ("X or Y" is
            // either one; "X and Y" alone may be a regimen of a trial).
            guard received.count == 2 else { continue }
            let between = (received[0] + 1)..<received[1]
            let after = (received[1] + 1)..<min(items.count, received[1] + 4)
            guard together || after.contains(where: { items[$0].isWord(Self.togetherWords) }),
                between.contains(where: { items[$0].isWord(oneOf: ["and", "plus", "with"]) }),
                !between.contains(where: { items[$0].isWord(oneOf: ["or", "and/or"]) })
            else { continue }
            emit(first: received[0], second: received[1], rule: "patients_receiving", base: base, qualifier: qualifier, into: &collector)
        }
    }
}
