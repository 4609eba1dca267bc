import Pharmine
import PharmineCore
import Testing

@Suite struct ScoreTests {
    @Test func precisionRecallAndF1() {
        let score = Score.compare(predicted: Set([1, 2, 3, 4]), gold: Set([2, 3, 5]))
        #expect(score.truePositives == 2)
        #expect(score.falsePositives == 2)
        #expect(score.falseNegatives == 1)
        #expect(abs(score.precision - 0.5) < 1e-9)
        #expect(abs(score.recall - 2.0 / 3.0) < 1e-9)
        #expect(abs(score.f1 - 4.0 / 7.0) < 1e-9)
    }

    @Test func emptySetsScoreZero() {
        let score = Score.compare(predicted: Set<Int>(), gold: Set<Int>())
        #expect(score.precision == 0 && score.recall == 0 && score.f1 == 0)
    }
}

@Suite struct EvaluatorTests {
    /// A one-passage document: "Aspirin treats headache in adults." with gold Chemical and Disease.
    private func corpus() -> (GoldCorpus, Document) {
        let text = "Aspirin relieves headache; ibuprofen too."
        var document = Document(id: "PMID:1", format: .pubtator, origin: Origin(file: "t", index: 0))
        document.passages = [Passage(label: "title", text: text)]
        document.annotations = [
            Annotation(id: "1", type: "Chemical", text: "Aspirin", passage: 0, start: 0, end: 7, identifiers: ["D001241"]),
            Annotation(id: "2", type: "Disease", text: "headache", passage: 0, start: 17, end: 25, identifiers: ["D006261"]),
            Annotation(id: "3", type: "Chemical", text: "ibuprofen", passage: 0, start: 27, end: 36, identifiers: ["D007052"]),
        ]
        document.relations = [Relation(id: "r1", type: "Negative_Correlation", first: "D001241", second: "D006261")]
        return (GoldCorpus.fromPubTator(name: "toy", documents: [document]), document)
    }

    @Test func scoresEntitiesStrictAndOverlapping() throws {
        let (corpus, gold) = corpus()
        var processed = gold
        processed.mentions = [
            Mention(type: .drug, id: "DRUGBANK:DB00945", name: "aspirin", passage: 0, sentence: 0, start: 0, end: 7),
            Mention(type: .condition, id: "MESH:D006261", name: "Headache", passage: 0, sentence: 0, start: 17, end: 24),
            Mention(type: .drug, id: "X", name: "too", passage: 0, sentence: 0, start: 37, end: 40),
        ]
        let report = Evaluator().score(corpus, processed: [processed])
        let drug = try #require(report.strict[.drug])
        #expect(drug.truePositives == 1 && drug.falsePositives == 1 && drug.falseNegatives == 1)
        let condition = try #require(report.strict[.condition])
        #expect(condition.truePositives == 0)
        let overlapping = try #require(report.overlap[.condition])
        #expect(overlapping.truePositives == 1 && overlapping.falseNegatives == 0)
        #expect(report.missedEntities[.drug]?.first?.0 == "ibuprofen")
        #expect(report.falseEntities[.drug]?.first?.0 == "too")
    }

    @Test func scoresDocumentLevelRelationsThroughOverlappingGoldConcepts() throws {
        let (corpus, gold) = corpus()
        var processed = gold
        let aspirin = Mention(type: .drug, id: "DRUGBANK:DB00945", name: "aspirin", passage: 0, sentence: 0, start: 0, end: 7)
        let headache = Mention(type: .condition, id: "MESH:D006261", name: "Headache", passage: 0, sentence: 0, start: 17, end: 25)
        let ibuprofen = Mention(type: .drug, id: "DRUGBANK:DB01050", name: "ibuprofen", passage: 0, sentence: 0, start: 27, end: 36)
        processed.mentions = [aspirin, headache, ibuprofen]
        processed.triples = [
            Triple(subject: aspirin, predicate: .indication, qualifier: nil, object: headache, sentence: 0, confidence: 0.9, rule: "t"),
            Triple(subject: ibuprofen, predicate: .indication, qualifier: nil, object: headache, sentence: 0, confidence: 0.5, rule: "t"),
        ]
        let report = Evaluator().score(corpus, processed: [processed])
        let score = try #require(report.relations[.indication])
        #expect(score.truePositives == 1)
        #expect(score.falsePositives == 1)
        #expect(score.falseNegatives == 0)
    }

    @Test func bioREDChemicalGeneCorrelationsAreMechanismsTypedByDirection() throws {
        let text = "Prazosin blocks ADRA1A; clonidine stimulates ADRA2A."
        var document = Document(id: "PMID:2", format: .pubtator, origin: Origin(file: "t", index: 0))
        document.passages = [Passage(label: "title", text: text)]
        document.annotations = [
            Annotation(id: "1", type: "ChemicalEntity", text: "Prazosin", passage: 0, start: 0, end: 8, identifiers: ["D011224"]),
            Annotation(id: "2", type: "GeneOrGeneProduct", text: "ADRA1A", passage: 0, start: 16, end: 22, identifiers: ["148"]),
            Annotation(id: "3", type: "ChemicalEntity", text: "clonidine", passage: 0, start: 24, end: 33, identifiers: ["D003000"]),
            Annotation(id: "4", type: "GeneOrGeneProduct", text: "ADRA2A", passage: 0, start: 45, end: 51, identifiers: ["150"]),
        ]
        document.relations = [
            Relation(id: "r1", type: "Negative_Correlation", first: "D011224", second: "148"),
            Relation(id: "r2", type: "Positive_Correlation", first: "150", second: "D003000"),
        ]
        let corpus = GoldCorpus.fromPubTator(name: "toy", documents: [document])
        #expect(corpus.relations.map(\.predicate) == [.mechanism, .mechanism])
        #expect(corpus.relations.map(\.kind) == ["Negative_Correlation", "Positive_Correlation"])
        var processed = document
        let prazosin = Mention(type: .drug, id: "D1", name: "prazosin", passage: 0, sentence: 0, start: 0, end: 8)
        let alpha1 = Mention(type: .receptor, id: "R1", name: "ADRA1A", passage: 0, sentence: 0, start: 16, end: 22)
        let clonidine = Mention(type: .drug, id: "D2", name: "clonidine", passage: 0, sentence: 0, start: 24, end: 33)
        let alpha2 = Mention(type: .receptor, id: "R2", name: "ADRA2A", passage: 0, sentence: 0, start: 45, end: 51)
        processed.mentions = [prazosin, alpha1, clonidine, alpha2]
        processed.triples = [
            Triple(subject: prazosin, predicate: .mechanism, qualifier: "antagonist", object: alpha1, sentence: 0, confidence: 0.9, rule: "t"),
            // Detected, but the direction is wrong: counts untyped, not typed.
            Triple(subject: clonidine, predicate: .mechanism, qualifier: "inhibitor", object: alpha2, sentence: 0, confidence: 0.9, rule: "t"),
        ]
        let report = Evaluator().score(corpus, processed: [processed])
        let untyped = try #require(report.relations[.mechanism])
        #expect(untyped.truePositives == 2 && untyped.falsePositives == 0)
        let typed = try #require(report.typedRelations[.mechanism])
        #expect(typed.truePositives == 1 && typed.falsePositives == 1 && typed.falseNegatives == 1)
    }

    @Test func countsAnUnmappedDocumentLevelPairOnce() throws {
        let (corpus, gold) = corpus()
        var processed = gold
        // "too" is no gold entity: the same concept pair stated twice is one false positive, as a
        // mapped pair stated twice is one prediction.
        let too = Mention(type: .drug, id: "X", name: "too", passage: 0, sentence: 0, start: 37, end: 40)
        let headache = Mention(type: .condition, id: "MESH:D006261", name: "Headache", passage: 0, sentence: 0, start: 17, end: 25)
        var again = headache
        again.start = 18
        processed.mentions = [headache, too]
        processed.triples = [
            Triple(subject: too, predicate: .indication, qualifier: nil, object: headache, sentence: 0, confidence: 0.9, rule: "t"),
            Triple(subject: too, predicate: .indication, qualifier: nil, object: again, sentence: 0, confidence: 0.9, rule: "t"),
        ]
        let report = Evaluator().score(corpus, processed: [processed])
        let score = try #require(report.relations[.indication])
        #expect(score.falsePositives == 1)
        #expect(score.truePositives == 0)
    }

    /// A mention-level toy corpus: "Warfarin is safe. It raises aspirin levels with warfarin." with
    /// gold drugs warfarin (twice) and aspirin, and one gold pair in the second sentence.
    private func mentionLevelCorpus() -> (GoldCorpus, Document) {
        let text = "Warfarin is safe. It raises aspirin levels with warfarin."
        var document = Document(id: "D1", format: .pubtator, origin: Origin(file: "t", index: 0))
        document.passages = [Passage(label: "text", text: text)]
        document.annotations = [
            Annotation(id: "e0", type: "drug", text: "Warfarin", passage: 0, start: 0, end: 8, identifiers: []),
            Annotation(id: "e1", type: "drug", text: "aspirin", passage: 0, start: 28, end: 35, identifiers: []),
            Annotation(id: "e2", type: "drug", text: "warfarin", passage: 0, start: 48, end: 56, identifiers: []),
        ]
        let corpus = GoldCorpus(
            name: "toy", kind: .ddi, documents: [document], level: .mention,
            relations: [GoldRelation(document: "D1", predicate: .interaction, subject: "e1", object: "e2")],
            entityTypes: ["drug": .drug]
        )
        return (corpus, document)
    }

    @Test func mapsAnAnaphorThroughItsDrugInTheSameSentenceOrLeavesItUnscored() throws {
        let (corpus, gold) = mentionLevelCorpus()
        var processed = gold
        var it = Mention(type: .drug, id: "W", name: "warfarin", passage: 0, sentence: 1, start: 18, end: 20)
        it.source = .anaphor
        let aspirin = Mention(type: .drug, id: "A", name: "aspirin", passage: 0, sentence: 1, start: 28, end: 35)
        let warfarin = Mention(type: .drug, id: "W", name: "warfarin", passage: 0, sentence: 1, start: 48, end: 56)
        processed.mentions = [it, aspirin, warfarin]
        processed.triples = [
            Triple(subject: it, predicate: .interaction, qualifier: nil, object: aspirin, sentence: 1, confidence: 0.9, rule: "t")
        ]
        // The drug is named in the anaphor's sentence: the triple maps through it and hits the gold pair.
        let named = try #require(Evaluator().score(corpus, processed: [processed]).relations[.interaction])
        #expect(named.truePositives == 1 && named.falsePositives == 0)
        // Not named there: the gold cannot judge the triple; it is neither a hit nor a false positive.
        processed.mentions = [it, aspirin]
        let report = Evaluator().score(corpus, processed: [processed])
        let unnamed = try #require(report.relations[.interaction])
        #expect(unnamed.truePositives == 0 && unnamed.falsePositives == 0 && unnamed.falseNegatives == 1)
        #expect(report.unjudgedAnaphorTriples[.interaction] == 1)
    }

    @Test(.enabled(if: SharedCorpora.available, "../shared/corpora is absent"))
    func readsDDIDrugProtAndSemRepGold() throws {
        let ddi = try GoldCorpus.load(path: SharedCorpora.corpus("ddi2013/Train/MedLine"))
        #expect(ddi.kind == .ddi)
        #expect(ddi.documents.count == 142)
        #expect(ddi.relations.count == 62 + 152 + 8 + 10)
        // Every DDI entity's offsets slice its text out of the sentence.
        for document in ddi.documents.prefix(40) {
            for annotation in document.annotations where !annotation.text.contains(" ") {
                let scalars = Array(document.passages[annotation.passage].text.unicodeScalars)
                guard annotation.end <= scalars.count else { continue }
                var sliced = String.UnicodeScalarView()
                sliced.append(contentsOf: scalars[annotation.start..<annotation.end])
                #expect(String(sliced) == annotation.text)
            }
        }
        let drugProt = try GoldCorpus.load(path: SharedCorpora.corpus("drugprot"))
        #expect(drugProt.documents.count == 387)
        #expect(drugProt.documents.contains { !$0.annotations.isEmpty })
        #expect(drugProt.relations.allSatisfy { $0.predicate == .mechanism })
        let semRep = try GoldCorpus.load(path: SharedCorpora.corpus("semrep_gs"))
        #expect(semRep.documents.count == 253)
        #expect(semRep.relations.contains { $0.predicate == .indication })
        #expect(semRep.relations.contains { $0.predicate == .mechanism })
        // Inferred TREATS, which name the drug of a preparation ("butyrate enemas"), are gold too.
        #expect(semRep.relations.contains { $0.predicate == .indication && $0.kind == "TREATS(INFER)" })
        var sliced = 0
        for document in semRep.documents {
            let scalars = Array(document.passages[0].text.unicodeScalars)
            for annotation in document.annotations where annotation.end <= scalars.count {
                var text = String.UnicodeScalarView()
                text.append(contentsOf: scalars[annotation.start..<annotation.end])
                if String(text).lowercased() == annotation.text.lowercased() { sliced += 1 }
            }
        }
        // SemRep offsets locate the argument text in the sentence for nearly every argument.
        #expect(sliced * 10 >= semRep.documents.map(\.annotations.count).reduce(0, +) * 9)
    }
}
