import PharmineCore
import PharmineRelate
import Testing

@Suite struct IndicationExtractorTests {
    let extractor = IndicationExtractor()

    func triples(_ marked: String) -> [Triple] {
        extractor.process(Fixture.document(marked)).triples
    }

    /// Positive cases: each sentence yields exactly these triples (as summaries).
    static let positives: [(String, Set<String>)] = [
        (
            "Amitriptyline is indicated for the treatment of depression.",
            ["indication amitriptyline→depressive disorder primary"]
        ),
        (
            "Amitriptyline Hydrochloride is frequently prescribed to prevent migraines and chronic tension headaches.",
            [
                "indication amitriptyline→migraine disorders prophylaxis",
                "indication amitriptyline→tension-type headache prophylaxis",
            ]
        ),
        (
            "It is a valuable adjunct therapy for conditions like diabetic neuropathy or post-herpetic neuralgia.",
            []
        ),  // "It" is not resolved here: no drug mention, no triple
        (
            "{It|^amitriptyline} is a valuable adjunct therapy for conditions like diabetic neuropathy or post-herpetic neuralgia.",
            [
                "indication amitriptyline→diabetic neuropathies adjunct",
                "indication amitriptyline→neuralgia, postherpetic adjunct",
            ]
        ),
        ("Sumatriptan is approved for migraine.", ["indication sumatriptan→migraine disorders primary"]),
        (
            "Metformin is the first-line therapy for type 2 diabetes.",
            ["indication metformin→diabetes mellitus, type 2 primary"]
        ),
        ("Duloxetine is used off-label for fibromyalgia.", ["indication duloxetine→fibromyalgia off_label"]),
        (
            "Propranolol is effective in the prophylaxis of migraine.",
            ["indication propranolol→migraine disorders prophylaxis"]
        ),
        ("Lisinopril is used in the management of hypertension.", ["indication lisinopril→hypertension -"]),
        ("Ibuprofen provides relief of pain.", ["indication ibuprofen→pain -"]),
        (
            "Fluoxetine and sertraline are prescribed for depression.",
            ["indication fluoxetine→depressive disorder -", "indication sertraline→depressive disorder -"]
        ),
        ("Aspirin reduces the risk of heart disease.", ["indication aspirin→heart diseases prophylaxis"]),
        (
            "Its proven effectiveness in managing chronic pain conditions like neuropathic pain, fibromyalgia, and certain types of headaches makes {it|^amitriptyline} useful.",
            []
        ),  // "Its" unresolved: no subject
        (
            "{Its|^amitriptyline} proven effectiveness in managing chronic pain conditions like neuropathic pain, fibromyalgia, and certain types of headaches makes it useful.",
            [
                "indication amitriptyline→chronic pain -", "indication amitriptyline→neuralgia -",
                "indication amitriptyline→fibromyalgia -", "indication amitriptyline→headache -",
            ]
        ),
        // Condition before the drug.
        (
            "In patients with neuropathic pain, amitriptyline reduced pain scores.",
            ["indication amitriptyline→neuralgia -"]
        ),
        (
            "For individuals suffering from neuropathic pain, which often arises from nerve injury, amitriptyline can provide substantial relief.",
            ["indication amitriptyline→neuralgia -"]
        ),
        ("Asthma was successfully treated with montelukast.", ["indication montelukast→asthma -"]),
        (
            "Hepatotoxicity caused by acetaminophen is treated with acetylcysteine.",
            ["indication acetylcysteine→chemical and drug induced liver injury -"]
        ),
        ("Migraine: treatment with sumatriptan.", ["indication sumatriptan→migraine disorders -"]),
        ("For the treatment of depression, sertraline is preferred.", ["indication sertraline→depressive disorder -"]),
        ("Ondansetron prevents cisplatin-induced nausea.", ["indication ondansetron→nausea prophylaxis"]),
        ("Amitriptyline improved sleep in fibromyalgia patients.", ["indication amitriptyline→fibromyalgia -"]),
        (
            "Amitriptyline is used for migraine prophylaxis.",
            ["indication amitriptyline→migraine disorders prophylaxis"]
        ),
        ("Propranolol protects against migraine.", ["indication propranolol→migraine disorders prophylaxis"]),
        ("Ondansetron prevents nausea in asthma patients.", ["indication ondansetron→nausea prophylaxis"]),
        // Clinical notes.
        ("Type 2 diabetes, treated with metformin.", ["indication metformin→diabetes mellitus, type 2 -"]),
        (
            "Migraine, for which she takes propranolol as prophylaxis.",
            ["indication propranolol→migraine disorders prophylaxis"]
        ),
        ("She takes warfarin for hypertension.", ["indication warfarin→hypertension -"]),
        ("Metformin 1000 mg twice daily for type 2 diabetes.", ["indication metformin→diabetes mellitus, type 2 -"]),
        ("Omeprazole was started to heal the erosions of angina.", ["indication omeprazole→angina pectoris -"]),
        // A class appositive to a drug stands for it.
        (
            "Warfarin is a widely used {anticoagulant|monoamine oxidase inhibitors} used to treat angina.",
            ["indication warfarin→angina pectoris -"]
        ),
    ]

    @Test(arguments: positives)
    func findsIndications(_ marked: String, _ expected: Set<String>) {
        let found = triples(marked)
        #expect(Set(found.map(\.summary)) == expected, "\(marked)")
        #expect(
            found.allSatisfy { $0.predicate == .indication && $0.subject.type == .drug && $0.object.type == .condition }
        )
        #expect(found.allSatisfy { (0...1).contains($0.confidence) && $0.rule.hasPrefix("indication.") })
    }

    /// Negative cases: no indication.
    static let negatives: [String] = [
        "Aspirin-induced asthma is common.",
        "Aspirin-induced asthma was studied in 20 adults.",
        "Asthma caused by aspirin is rare.",
        "Side effects of amitriptyline include fatigue and nausea.",
        "Patients with depression received amitriptyline.",
        "Nausea associated with cisplatin was frequent.",
        "Patients developed hypertension after metformin.",
        "Amitriptyline increases the risk of seizures.",
        "The toxicity of cisplatin includes nausea.",
        "Use of amitriptyline in patients with heart disease is contraindicated.",
        "Amitriptyline uses in these pain-related conditions are complex.",
        "Sertraline was compared with placebo in a study of 40 adults.",
        "Anti-{aspirin|aspirin} antibodies are used to treat asthma.",
        "Haloperidol treated patients had a significant increase in insomnia.",
        "Patients with angina who received aspirin had higher rates of nausea.",
        "Patients received sertraline for 8 weeks.",
        "Warfarin 5 mg daily, aspirin 325 mg daily and metformin were continued despite nausea.",
    ]

    @Test(arguments: negatives)
    func findsNothing(_ marked: String) {
        #expect(triples(marked).map(\.summary) == [], "\(marked)")
    }

    @Test func negationAndHedging() throws {
        let notEffective = try #require(triples("Amitriptyline was not effective in fibromyalgia.").first)
        #expect(notEffective.negated)
        #expect(!notEffective.hedged)
        let promise = try #require(
            triples(
                "Amitriptyline Hydrochloride has shown promise in treating fibromyalgia, a complex chronic pain disorder characterized by widespread pain, fatigue, and cognitive difficulties."
            ).first
        )
        #expect(promise.hedged)
        #expect(!promise.negated)
        #expect(promise.object.name == "fibromyalgia")
        let failed = try #require(triples("Aspirin failed to prevent migraine.").first)
        #expect(failed.negated)
        let notOnly = try #require(triples("Amitriptyline is not only used for depression.").first)
        #expect(!notOnly.negated)
    }

    @Test func hedgedFlagOfTheObjectPropagates() throws {
        var document = Fixture.document("Amitriptyline is used to treat fibromyalgia.")
        let index = try #require(document.mentions.firstIndex { $0.name == "fibromyalgia" })
        document.mentions[index].hedged = true
        let triple = try #require(extractor.process(document).triples.first)
        #expect(triple.hedged)
        #expect(!triple.negated)
    }

    @Test func anaphoricSubjectReportsTheEarliestMentionOfTheConcept() throws {
        let document = Fixture.document(
            "{This action|^amitriptyline} helps to reduce the perception of pain, making {it|^amitriptyline} a valuable adjunct therapy for conditions like diabetic neuropathy."
        )
        let triple = try #require(extractor.process(document).triples.first)
        #expect(text(of: triple.subject, in: document) == "This action")
        #expect(triple.subject.source == .anaphor)
        #expect(triple.qualifier == "adjunct")
        let conclusion = Fixture.document(
            "In conclusion, Amitriptyline Hydrochloride's therapeutic reach extends significantly beyond {its|^amitriptyline} primary indication for depression."
        )
        let primary = try #require(extractor.process(conclusion).triples.first)
        #expect(text(of: primary.subject, in: conclusion) == "Amitriptyline Hydrochloride")
        #expect(primary.qualifier == "primary")
        #expect(primary.rule == "indication.indicated")
    }

    @Test func ruleAndConfidence() throws {
        let prevent = try #require(triples("Amitriptyline is frequently prescribed to prevent migraines.").first)
        #expect(prevent.rule == "indication.prevent")
        #expect(prevent.confidence == 0.9)
        let list = triples("Amitriptyline is used to prevent migraines, tension headaches and fatigue.")
        #expect(list.map(\.confidence) == [0.9, 0.87, 0.84])
        let far = try #require(
            triples(
                "Amitriptyline, an old drug that has been on the market for many years now, is used to treat insomnia."
            ).first
        )
        #expect(far.confidence < 0.9)
    }

    @Test func offLabelCarriesWithinTheParagraph() {
        let text = """
            One of the significant off-label uses of amitriptyline is in the management of chronic pain. \
            For individuals suffering from neuropathic pain, amitriptyline can provide relief.

            In patients with fibromyalgia, amitriptyline reduced pain.
            """
        let document = Fixture.document(text)
        let found = extractor.process(document).triples.map(\.summary)
        #expect(found.contains("indication amitriptyline→chronic pain off_label"))
        #expect(found.contains("indication amitriptyline→neuralgia off_label"))
        #expect(found.contains("indication amitriptyline→fibromyalgia -"))
        let plain = IndicationExtractor(carryOffLabel: false).process(document).triples.map(\.summary)
        #expect(plain.contains("indication amitriptyline→neuralgia -"))
    }

    @Test func noDuplicatesAtTheSameSentenceAndOffsets() {
        let found = triples("Amitriptyline is indicated for the treatment and prevention of migraine.")
        #expect(found.count == 1)
    }

    @Test func contextStageCuesOnThePathSetTheFlags() throws {
        func span(_ phrase: String, in document: Document, _ category: ContextCategory) throws -> ContextSpan {
            let range = try #require(Fixture.wholeWordOccurrences(of: phrase, in: document.passages[0].text).first)
            return ContextSpan(
                category: category,
                passage: 0,
                sentence: 0,
                start: range.lowerBound,
                end: range.upperBound,
                scopeStart: range.upperBound,
                scopeEnd: range.upperBound
            )
        }
        var thought = Fixture.document("Amitriptyline is thought to relieve fibromyalgia.")
        thought.cues = [try span("is thought to", in: thought, .hedged)]
        #expect(try #require(extractor.process(thought).triples.first).hedged)
        var pseudo = Fixture.document("Amitriptyline, not surprisingly, relieves fibromyalgia.")
        #expect(try #require(extractor.process(pseudo).triples.first).negated)
        pseudo.cues = [try span("not surprisingly", in: pseudo, .pseudo)]
        #expect(try !#require(extractor.process(pseudo).triples.first).negated)
    }
}
