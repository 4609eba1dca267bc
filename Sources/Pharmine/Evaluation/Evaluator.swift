public import PharmineCore

/// Scores Pharmine's own mentions and triples against a gold corpus.
///
/// Entities are scored per type, strict (same span and type) and overlapping (one-to-one greedy
/// matching of overlapping spans of the same type). Relations are scored per predicate: each
/// predicted triple's arguments are mapped to gold keys through the gold annotations their spans
/// overlap (mention-level corpora) or, for document-level corpora, through every gold annotation
/// that any mention of the same concept overlaps in the document. A triple whose arguments map to
/// no gold entity counts as a false positive, once per distinct pair (concept pair for
/// document-level corpora, mention pair for mention-level ones), as mapped predictions are.
/// Negated triples are not counted as predictions. On mention-level corpora an anaphor argument
/// maps through the named mention of its drug in the same sentence; without one the triple is
/// not scored (``Report/unjudgedAnaphorTriples``).
public struct Evaluator: Sendable {
    /// Creates an evaluator.
    public init() {}

    /// The scores of one corpus.
    public struct Report: Sendable {
        /// The corpus name.
        public var corpus: String
        /// Documents scored.
        public var documents: Int
        /// Strict entity scores per type.
        public var strict: [EntityType: Score] = [:]
        /// Overlapping entity scores per type.
        public var overlap: [EntityType: Score] = [:]
        /// Relation scores per predicate (untyped).
        public var relations: [PharmineCore.Predicate: Score] = [:]
        /// Relation scores per predicate, where the gold relation's kind must match too.
        public var typedRelations: [PharmineCore.Predicate: Score] = [:]
        /// Indication triples that hit a gold adverse (chemical-induced disease) pair.
        public var indicationsOnAdversePairs = 0
        /// Gold adverse pairs.
        public var adversePairs = 0
        /// Examples of indication triples that hit a gold adverse pair (document, rule, subject
        /// text, object text).
        public var adverseExamples: [String] = []
        /// The commonest missed entity texts per type (lowercased), most frequent first.
        public var missedEntities: [EntityType: [(String, Int)]] = [:]
        /// The commonest false entity texts per type.
        public var falseEntities: [EntityType: [(String, Int)]] = [:]
        /// Triples per predicate left unscored on a mention-level corpus: an argument is an
        /// anaphor whose drug is not named in the same sentence, which such a gold cannot judge.
        public var unjudgedAnaphorTriples: [PharmineCore.Predicate: Int] = [:]
        /// Examples of false-positive triples (document, rule, subject text, object text, sentence).
        public var falseTriples: [PharmineCore.Predicate: [String]] = [:]
        /// Examples of missed gold relations (document, subject text, object text).
        public var missedRelations: [PharmineCore.Predicate: [String]] = [:]
    }

    /// Maps a triple's qualifier to the coarse kind of a corpus, for typed scoring.
    ///
    /// - Parameters:
    ///   - qualifier: The triple's qualifier.
    ///   - kind: The corpus kind.
    /// - Returns: The kind the gold relations use, or nil.
    public static func coarseKind(of qualifier: String?, in kind: GoldCorpusKind) -> String? {
        guard let qualifier else { return kind == .ddi ? "int" : nil }
        switch kind {
        case .ddi:
            switch qualifier {
            case "increases_exposure", "decreases_exposure", "metabolic_inhibition", "metabolic_induction",
                "pharmacokinetic":
                return "mechanism"
            case "additive_effect", "increases_effect", "decreases_effect", "antagonistic_effect", "adverse_outcome",
                "altered_effect":
                return "effect"
            case "contraindicated", "avoid_combination", "dose_adjustment", "monitor":
                return "advise"
            default:
                return "int"
            }
        case .drugprot:
            switch qualifier {
            case "agonist", "partial_agonist": return "agonist"
            // Pharmine says "blocker" only of channels, enzymes and transporters (blocking a
            // receptor is "antagonist"); DrugProt types those as INHIBITOR.
            case "antagonist", "inverse_agonist": return "antagonist"
            case "inhibitor", "reuptake_inhibitor", "blocker": return "inhibitor"
            case "activator", "inducer": return "activator"
            default: return "regulator"
            }
        case .pubtator:
            // BioRED's chemical–gene relation types, by the direction of the effect.
            switch qualifier {
            case "antagonist", "inverse_agonist", "inhibitor", "reuptake_inhibitor", "blocker": return "Negative_Correlation"
            case "agonist", "partial_agonist", "activator", "inducer": return "Positive_Correlation"
            case "binder": return "Bind"
            default: return nil
            }
        case .semrep:
            return nil
        }
    }

    /// Scores processed documents against a corpus.
    ///
    /// - Parameters:
    ///   - corpus: The gold corpus.
    ///   - processed: The corpus documents after the pipeline, in the same order.
    /// - Returns: The report.
    public func score(_ corpus: GoldCorpus, processed: [Document]) -> Report {
        var report = Report(corpus: corpus.name, documents: processed.count)
        var missed: [EntityType: [String: Int]] = [:]
        var falseHits: [EntityType: [String: Int]] = [:]
        // SemRep's gold names only relation arguments, so its entities are not scored.
        let scoredTypes =
            corpus.kind == .semrep
            ? Set<EntityType>()
            : Set(corpus.documents.flatMap { $0.annotations.compactMap { corpus.entityTypes[$0.type] } })
        var predictedRelations = Set<GoldRelation>()
        var typedPredicted = Set<GoldRelation>()
        // Unmapped triples are counted once per distinct pair, as mapped ones are: per concept pair
        // for document-level corpora, per mention pair for mention-level ones.
        var unmappedPairs = Set<String>()
        var unmapped: [PharmineCore.Predicate: Int] = [:]
        var examplesOfTriple: [GoldRelation: String] = [:]

        for document in processed {
            let maps = document.passages.map { ScalarOffsetMap($0.text) }
            let spans = document.mentions.filter { $0.source != .anaphor && scoredTypes.contains($0.type) }.map {
                mention -> PredictedSpan in
                let map = maps[mention.passage]
                return PredictedSpan(
                    type: mention.type,
                    passage: mention.passage,
                    start: map.scalarOffset(ofByte: mention.start),
                    end: map.scalarOffset(ofByte: mention.end),
                    concept: mention.id
                )
            }
            let gold = document.annotations.compactMap { annotation -> GoldSpan? in
                guard let type = corpus.entityTypes[annotation.type] else { return nil }
                return GoldSpan(annotation: annotation, type: type)
            }
            if !scoredTypes.isEmpty {
                scoreEntities(
                    document: document, predicted: spans, gold: gold, report: &report, missed: &missed, falseHits: &falseHits)
            }

            // Map our concepts to gold keys (document level).
            var goldKeysOfConcept: [String: Set<String>] = [:]
            if corpus.level == .document {
                for span in spans {
                    for goldSpan in gold where goldSpan.type == span.type && goldSpan.overlaps(span) {
                        for identifier in goldSpan.annotation.identifiers where identifier != "-" && identifier != "-1" {
                            goldKeysOfConcept[span.concept, default: []].insert(GoldCorpus.normalizedConcept(identifier))
                        }
                    }
                }
            }
            for triple in document.triples where !triple.negated {
                // A mention-level corpus annotates no anaphors ("it", "this drug") and pairs only
                // named mentions of one sentence: an anaphor argument maps through its antecedent
                // when that is named in the same sentence; otherwise the gold cannot judge the
                // triple, which is then left unscored (as anaphor mentions are in entity scoring).
                if corpus.level == .mention,
                    [triple.subject, triple.object].contains(where: {
                        $0.source == .anaphor && Self.antecedents(of: $0, in: document).isEmpty
                    })
                {
                    report.unjudgedAnaphorTriples[triple.predicate, default: 0] += 1
                    continue
                }
                let subjectKeys = keys(of: triple.subject, in: document, maps: maps, gold: gold, level: corpus.level, concepts: goldKeysOfConcept)
                let objectKeys = keys(of: triple.object, in: document, maps: maps, gold: gold, level: corpus.level, concepts: goldKeysOfConcept)
                let example = describe(triple, in: document, maps: maps)
                if subjectKeys.isEmpty || objectKeys.isEmpty {
                    let pair =
                        corpus.level == .document
                        ? "\(document.id)|\(triple.predicate)|\(triple.subject.id)|\(triple.object.id)"
                        : "\(document.id)|\(triple.predicate)|\(triple.subject.passage):\(triple.subject.start)|\(triple.object.passage):\(triple.object.start)"
                    guard unmappedPairs.insert(pair).inserted else { continue }
                    unmapped[triple.predicate, default: 0] += 1
                    report.falseTriples[triple.predicate, default: []].append(example + " [argument not a gold entity]")
                    continue
                }
                for subject in subjectKeys {
                    for object in objectKeys where subject != object {
                        let relation = GoldRelation(document: document.id, predicate: triple.predicate, subject: subject, object: object)
                        predictedRelations.insert(relation)
                        var typed = relation
                        typed.kind = Self.coarseKind(of: triple.qualifier, in: corpus.kind)
                        typedPredicted.insert(typed)
                        examplesOfTriple[relation] = examplesOfTriple[relation] ?? example
                    }
                }
            }
        }

        // Gold annotations by document and id, to name missed relations in the examples.
        var annotationsByKey: [String: [String: Annotation]] = [:]
        if corpus.level == .mention {
            for document in corpus.documents {
                for annotation in document.annotations { annotationsByKey[document.id, default: [:]][annotation.id] = annotation }
            }
        }
        let goldUntyped = Set(corpus.relations.map(\.untyped))
        let goldTyped = Set(corpus.relations)
        for predicate in PharmineCore.Predicate.allCases {
            let predicted = predictedRelations.filter { $0.predicate == predicate }
            let goldSet = goldUntyped.filter { $0.predicate == predicate }
            // A corpus scores only the predicates it has gold relations for.
            guard !goldSet.isEmpty else { continue }
            var score = Score.compare(predicted: predicted, gold: goldSet)
            score.falsePositives += unmapped[predicate] ?? 0
            report.relations[predicate] = score
            for relation in predicted.subtracting(goldSet).sorted(by: { "\($0)" < "\($1)" }) {
                report.falseTriples[predicate, default: []].append(examplesOfTriple[relation] ?? "\(relation)")
            }
            report.missedRelations[predicate] = goldSet.subtracting(predicted).map {
                describeGold($0, in: annotationsByKey, corpus: corpus)
            }.sorted()
            if corpus.kind == .ddi || corpus.kind == .drugprot || (corpus.kind == .pubtator && predicate == .mechanism) {
                let typedPredictedSet = typedPredicted.filter { $0.predicate == predicate }
                var typedScore = Score.compare(predicted: typedPredictedSet, gold: goldTyped.filter { $0.predicate == predicate })
                typedScore.falsePositives += unmapped[predicate] ?? 0
                report.typedRelations[predicate] = typedScore
            }
        }
        let adverse = Set(corpus.adversePairs)
        report.adversePairs = adverse.count
        let onAdverse = predictedRelations.filter { adverse.contains($0) }
        report.indicationsOnAdversePairs = onAdverse.count
        report.adverseExamples = onAdverse.map { examplesOfTriple[$0] ?? "\($0)" }.sorted()
        report.missedEntities = missed.mapValues(Self.top)
        report.falseEntities = falseHits.mapValues(Self.top)
        return report
    }

    private static func top(_ counts: [String: Int]) -> [(String, Int)] {
        Array(counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(25))
    }

    private struct PredictedSpan {
        var type: EntityType
        var passage: Int
        var start: Int
        var end: Int
        var concept: String
    }

    private struct GoldSpan {
        var annotation: Annotation
        var type: EntityType

        func overlaps(_ span: PredictedSpan) -> Bool {
            annotation.passage == span.passage && annotation.start < span.end && span.start < annotation.end
        }
    }

    private func scoreEntities(
        document: Document,
        predicted: [PredictedSpan],
        gold: [GoldSpan],
        report: inout Report,
        missed: inout [EntityType: [String: Int]],
        falseHits: inout [EntityType: [String: Int]]
    ) {
        let types = Set(gold.map(\.type)).union(predicted.map(\.type))
        for type in types {
            let goldOfType = gold.filter { $0.type == type }
            let predictedOfType = predicted.filter { $0.type == type }
            struct Key: Hashable {
                var passage: Int
                var start: Int
                var end: Int
            }
            let goldKeys = Set(goldOfType.map { Key(passage: $0.annotation.passage, start: $0.annotation.start, end: $0.annotation.end) })
            let predictedKeys = Set(predictedOfType.map { Key(passage: $0.passage, start: $0.start, end: $0.end) })
            report.strict[type, default: Score()].add(Score.compare(predicted: predictedKeys, gold: goldKeys))

            // One-to-one greedy matching of overlapping spans.
            var used = Set<Int>()
            var hits = 0
            var unmatchedPredicted: [PredictedSpan] = []
            for span in predictedOfType.sorted(by: { ($0.passage, $0.start, $0.end) < ($1.passage, $1.start, $1.end) }) {
                if let match = goldOfType.indices.first(where: { !used.contains($0) && goldOfType[$0].overlaps(span) }) {
                    used.insert(match)
                    hits += 1
                } else if goldOfType.contains(where: { $0.overlaps(span) }) {
                    continue  // a second piece of an already matched gold span: neither hit nor false
                } else {
                    unmatchedPredicted.append(span)
                }
            }
            report.overlap[type, default: Score()].add(
                Score(truePositives: hits, falsePositives: unmatchedPredicted.count, falseNegatives: goldOfType.count - hits)
            )
            for (index, span) in goldOfType.enumerated() where !used.contains(index) {
                missed[type, default: [:]][span.annotation.text.lowercased(), default: 0] += 1
            }
            for span in unmatchedPredicted {
                let text = document.passages[span.passage].text.unicodeScalars
                let start = text.index(text.startIndex, offsetBy: span.start)
                let end = text.index(text.startIndex, offsetBy: span.end)
                falseHits[type, default: [:]][String(text[start..<end]).lowercased(), default: 0] += 1
            }
        }
    }

    private func keys(
        of mention: Mention,
        in document: Document,
        maps: [ScalarOffsetMap],
        gold: [GoldSpan],
        level: RelationLevel,
        concepts: [String: Set<String>]
    ) -> Set<String> {
        switch level {
        case .document:
            return concepts[mention.id] ?? []
        case .mention:
            if mention.source == .anaphor {
                return Self.antecedents(of: mention, in: document).reduce(into: Set<String>()) {
                    $0.formUnion(keys(of: $1, in: document, maps: maps, gold: gold, level: level, concepts: concepts))
                }
            }
            let map = maps[mention.passage]
            let span = PredictedSpan(
                type: mention.type,
                passage: mention.passage,
                start: map.scalarOffset(ofByte: mention.start),
                end: map.scalarOffset(ofByte: mention.end),
                concept: mention.id
            )
            // Only gold entities of the argument's own type: a drug inside a gene name
            // ("acetylcholine" in "muscarinic acetylcholine receptor") is not the receptor.
            return Set(gold.filter { $0.type == mention.type && $0.overlaps(span) }.map(\.annotation.id))
        }
    }

    /// The named mentions of an anaphor's drug in the anaphor's own sentence.
    private static func antecedents(of anaphor: Mention, in document: Document) -> [Mention] {
        document.mentions.filter {
            $0.source != .anaphor && $0.id == anaphor.id && $0.type == anaphor.type && $0.passage == anaphor.passage
                && $0.sentence == anaphor.sentence
        }
    }

    /// The text of a sentence (UTF-8 offsets into its passage), for the examples.
    private func sentenceText(_ index: Int, in document: Document) -> String {
        guard document.sentences.indices.contains(index) else { return "" }
        let sentence = document.sentences[index]
        guard document.passages.indices.contains(sentence.passage) else { return "" }
        let bytes = Array(document.passages[sentence.passage].text.utf8)
        let start = max(0, min(sentence.start, bytes.count))
        let end = max(start, min(sentence.end, bytes.count))
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// A missed gold relation for the examples: its kind, the texts of mention-level arguments and
    /// their passage (sentence) text.
    private func describeGold(_ relation: GoldRelation, in annotations: [String: [String: Annotation]], corpus: GoldCorpus) -> String {
        let kind = corpus.relations.first { $0.untyped == relation }?.kind ?? "-"
        guard let byID = annotations[relation.document], let subject = byID[relation.subject], let object = byID[relation.object],
            let document = corpus.documents.first(where: { $0.id == relation.document }),
            document.passages.indices.contains(subject.passage)
        else {
            return "\(relation.document) \(relation.subject) -> \(relation.object) k=\(kind)"
        }
        return "\(relation.document) [\(subject.text)] -> [\(object.text)] k=\(kind) | \(document.passages[subject.passage].text)"
    }

    private func describe(_ triple: Triple, in document: Document, maps: [ScalarOffsetMap]) -> String {
        func text(_ mention: Mention) -> String {
            let bytes = Array(document.passages[mention.passage].text.utf8)
            return String(decoding: bytes[mention.start..<mention.end], as: UTF8.self)
        }
        return "\(document.id) \(triple.rule) [\(text(triple.subject))] -> [\(text(triple.object))] q=\(triple.qualifier ?? "-") | \(sentenceText(triple.sentence, in: document))"
    }
}
