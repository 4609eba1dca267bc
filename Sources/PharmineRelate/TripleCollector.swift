import PharmineCore

/// Collects the triples of one extractor and keeps one per fact and place.
///
/// Two candidates are the same when they share predicate, sentence, subject concept and object
/// (concept and offsets); for a symmetric predicate (interaction), when they share the unordered
/// pair of concepts and the sentence. The higher confidence wins (the first on a tie) with its flags and rule; a missing
/// qualifier is filled from the other.
struct TripleCollector {
    private struct Key: Hashable {
        var predicate: Predicate
        var sentence: Int
        var first: String
        var firstSpan: [Int]
        var second: String
        var secondSpan: [Int]
    }

    /// The kept triples, in insertion order.
    private(set) var triples: [Triple] = []
    private var positions: [Key: Int] = [:]

    /// Adds a candidate.
    ///
    /// - Parameters:
    ///   - triple: The candidate.
    ///   - symmetric: Whether the predicate is symmetric (subject and object may swap).
    ///   - bySubjectSpan: Whether triples whose subjects are different mentions of one concept
    ///     are kept apart (by default one subject concept per object mention and sentence).
    mutating func add(_ triple: Triple, symmetric: Bool = false, bySubjectSpan: Bool = false) {
        var key = Key(
            predicate: triple.predicate,
            sentence: triple.sentence,
            first: triple.subject.id,
            firstSpan: [],
            second: triple.object.id,
            secondSpan: [triple.object.passage, triple.object.start, triple.object.end]
        )
        if bySubjectSpan, !symmetric {
            // Mention-level triples: "X (ABBR)" gives one triple per subject mention.
            key.firstSpan = [triple.subject.passage, triple.subject.start, triple.subject.end]
        }
        if symmetric {
            // One triple per unordered pair of concepts and sentence.
            key.firstSpan = []
            key.secondSpan = []
            if triple.object.id < triple.subject.id { swap(&key.first, &key.second) }
        }
        if let position = positions[key] {
            var kept = triples[position]
            var other = triple
            if other.confidence > kept.confidence { swap(&kept, &other) }
            if kept.qualifier == nil { kept.qualifier = other.qualifier }
            triples[position] = kept
        } else {
            positions[key] = triples.count
            triples.append(triple)
        }
    }
}

extension Array where Element == Triple {
    /// Sorts triples into document order: sentence, then the earlier argument, then predicate and rule.
    mutating func sortInDocumentOrder() {
        func rank(_ predicate: Predicate) -> Int {
            switch predicate {
            case .indication: 0
            case .mechanism: 1
            case .interaction: 2
            }
        }
        sort { a, b in
            if a.sentence != b.sentence { return a.sentence < b.sentence }
            let aStart = Swift.min(a.subject.start, a.object.start)
            let bStart = Swift.min(b.subject.start, b.object.start)
            if aStart != bStart { return aStart < bStart }
            if a.object.start != b.object.start { return a.object.start < b.object.start }
            if a.subject.start != b.subject.start { return a.subject.start < b.subject.start }
            if rank(a.predicate) != rank(b.predicate) { return rank(a.predicate) < rank(b.predicate) }
            return a.rule < b.rule
        }
    }
}
