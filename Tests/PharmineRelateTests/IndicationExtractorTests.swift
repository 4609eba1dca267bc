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
        // A protein that is a medicine in its own right stays an indication subject.
        ("Insulin is the first-line therapy for type 2 diabetes.", ["indication insulin human→diabetes mellitus, type 2 primary"]),
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
        // Condition before the drug; a fall in pain scores relieves pain.
        (
            "In patients with neuropathic pain, amitriptyline reduced pain scores.",
            ["indication amitriptyline→neuralgia -", "indication amitriptyline→pain -"]
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
        // A passive with an agent: "Y … were reduced by X".
        (
            "The seizures and other behavioural changes were markedly reduced by daily oral phenytoin.",
            ["indication phenytoin→seizures -"]
        ),
        // A population given a drug.
        ("Patients with schizophrenia treated with haloperidol were followed for a year.", ["indication haloperidol→schizophrenia -"]),
        (
            "Schizophrenia patients treated with aripiprazole or haloperidol were enrolled.",
            ["indication aripiprazole→schizophrenia -", "indication haloperidol→schizophrenia -"]
        ),
        ("We followed carbamazepine-treated epilepsy patients.", ["indication carbamazepine→seizures -"]),
        (
            "Adults with schizophrenia (60%) or depression (40%) were randomly assigned to aripiprazole (10 mg/day) or sertraline (50 mg/day).",
            [
                "indication aripiprazole→schizophrenia -", "indication aripiprazole→depressive disorder -",
                "indication sertraline→schizophrenia -", "indication sertraline→depressive disorder -",
            ]
        ),
        // The effect of a drug on a condition.
        ("The protective effect of phenytoin against seizures was confirmed.", ["indication phenytoin→seizures -"]),
        ("We assessed the efficacy of duloxetine in patients with fibromyalgia.", ["indication duloxetine→fibromyalgia -"]),
        ("The anticonvulsant activity of carbamazepine in epilepsy is well known.", ["indication carbamazepine→seizures -"]),
        // "X for Y".
        ("Sumatriptan for migraine: a review.", ["indication sumatriptan→migraine disorders -"]),
        ("Ondansetron 8 mg was given for nausea.", ["indication ondansetron→nausea -"]),
        ("Sertraline (which she was taking for depression) was stopped.", ["indication sertraline→depressive disorder -"]),
        // Compared drugs share the cue.
        (
            "Sertraline versus fluoxetine for the treatment of depression.",
            ["indication sertraline→depressive disorder -", "indication fluoxetine→depressive disorder -"]
        ),
        // Class members named in parentheses.
        (
            "Both classical (amitriptyline) and newer (fluoxetine) tricyclic antidepressants relieve neuropathic pain.",
            [
                "indication antidepressive agents, tricyclic→neuralgia -", "indication amitriptyline→neuralgia -",
                "indication fluoxetine→neuralgia -",
            ]
        ),
        // A passive verb cue without an agent; "treatment of Y with X or Z"; "efficacy and safety of X".
        ("The patient was treated for hypertension with lisinopril or metformin.", ["indication lisinopril→hypertension -", "indication metformin→hypertension -"]),
        ("The efficacy and safety of sertraline in depression were assessed.", ["indication sertraline→depressive disorder -"]),
        ("Metformin is the standard of care for type 2 diabetes.", ["indication metformin→diabetes mellitus, type 2 -"]),
        // Diseased cells.
        ("Cisplatin suppressed the proliferation and migration of human asthma cells.", ["indication cisplatin→asthma -"]),
        ("Cisplatin induces apoptosis in cultured hypertension cells.", ["indication cisplatin→hypertension -"]),
        // A parenthesis after the population noun.
        (
            "Subjects (mean age 40 years) with schizophrenia were assigned to haloperidol.",
            ["indication haloperidol→schizophrenia -"]
        ),
        // More weak verbs.
        ("Carbamazepine inhibited seizures in rats.", ["indication carbamazepine→seizures -"]),
        ("Carbamazepine delayed the onset of seizures.", ["indication carbamazepine→seizures -"]),
        // A drug named in the gap causes the condition; the adverse modifier of a list's head covers the list.
        ("Ondansetron with cisplatin reduced the cisplatin nausea.", ["indication ondansetron→nausea -"]),
        (
            "Cisplatin and ondansetron reduced cisplatin-induced nausea and fatigue.",
            ["indication ondansetron→nausea -", "indication ondansetron→fatigue -"]
        ),
        // A drug before a suspended hyphen is a cause, not a subject.
        (
            "Phenytoin protects against cisplatin- and aspirin-induced seizures and may be useful in the treatment of epilepsy.",
            ["indication phenytoin→seizures prophylaxis"]
        ),
        // A class used as an adjective of an effect is no subject.
        (
            "Amitriptyline lowered blood pressure and, through its tricyclic antidepressants effects, relieved neuropathic pain.",
            ["indication amitriptyline→neuralgia -"]
        ),
        // A class appositive to a drug stands for it.
        (
            "Warfarin is a widely used {anticoagulant|monoamine oxidase inhibitors} used to treat angina.",
            ["indication warfarin→angina pectoris -"]
        ),
    ]

    /// Agents that are not given for the condition, and constructions that bind no drug.
    static let nonAgentPositives: [(String, Set<String>)] = [
        // The challenge named after a pretreatment is skipped for the pretreatment drug.
        (
            "Carbamazepine given previous to injections of haloperidol attenuated the seizures.",
            ["indication carbamazepine→seizures -"]
        ),
        (
            "Pretreatment with propranolol 2 h before haloperidol injection prevented seizures.",
            ["indication propranolol→seizures prophylaxis"]
        ),
        // An appositive class is the same drug, not a second subject.
        (
            "Refractory angina treated with warfarin, a {tricyclic antidepressant|antidepressive agents, tricyclic}, improved.",
            ["indication warfarin→angina pectoris -"]
        ),
    ]

    /// More constructions of use and effect.
    static let morePositives: [(String, Set<String>)] = [
        ("Relief by aspirin induced reversal of asthma in rats.", ["indication aspirin→asthma -"]),
        // An organ-protective adjective right before its preposition.
        ("In our hands phenytoin was neuroprotective in a rat model of epilepsy.", ["indication phenytoin→seizures -"]),
        // A drug studied in a disease model induced by another agent.
        (
            "Effect of aspirin and metformin combination in haloperidol induced seizures in rats.",
            ["indication aspirin→seizures -", "indication metformin→seizures -"]
        ),
        (
            "Behavioral studies in mice pretreated with carbamazepine in cisplatin-induced seizures.",
            ["indication carbamazepine→seizures -"]
        ),
        ("Effects of aspirin on experimental asthma.", ["indication aspirin→asthma -"]),
        (
            "Effects of aspirin in metformin emulsions on cisplatin-induced seizures.",
            ["indication aspirin→seizures -"]
        ),
        (
            "{Anticonvulsant|antidepressive agents, tricyclic} effect of carbamazepine on seizures in rats.",
            ["indication carbamazepine→seizures -"]
        ),
        // A hyphenated cause is a modifier, not the drug's causing verb.
        (
            "Carbamazepine showed a profile by potentiating haloperidol-induced insomnia, reducing cisplatin-induced seizures.",
            ["indication carbamazepine→seizures -"]
        ),
        ("Amitriptyline may prove a useful remedy for neuropathic pain.", ["indication amitriptyline→neuralgia -"]),
        // A fall in the incidence or severity of a condition relieves it.
        ("Carbamazepine decreased migraine frequency and severity in rats.", ["indication carbamazepine→migraine disorders -"]),
        ("Metformin showed an antihyperglycemic effect in type 2 diabetes.", ["indication metformin→diabetes mellitus, type 2 -"]),
        (
            "Patients with type 2 diabetes received combination therapy with metformin and insulin.",
            ["indication metformin→diabetes mellitus, type 2 -", "indication insulin human→diabetes mellitus, type 2 -"]
        ),
        ("The response of hypertension patients to lisinopril was good.", ["indication lisinopril→hypertension -"]),
        ("{Lung cancer|asthma} cells treated with cisplatin lost viability.", ["indication cisplatin→asthma -"]),
        ("{HIV|asthma} infected patients treated with aspirin improved.", ["indication aspirin→asthma -"]),
        // An animal's phenotype of the condition ("Y-like behavior").
        (
            "Pretreatment with sertraline blocked cisplatin-induced depression-like behavior in mice.",
            ["indication sertraline→depressive disorder -"]
        ),
        // Conjuncts past one that is not a condition; never past a new verb.
        ("Ibuprofen attenuated glial activation, neuronal loss and chronic pain in rats.", ["indication ibuprofen→chronic pain -"]),
        (
            "Propranolol could prevent nausea, weight gain and headache.",
            ["indication propranolol→nausea prophylaxis", "indication propranolol→headache prophylaxis"]
        ),
        (
            "Lisinopril attenuated the increase in vascular tone and heart disease.",
            ["indication lisinopril→heart diseases -"]
        ),
        (
            "Lisinopril attenuated the angiotensin-induced increase in vascular tone and heart disease.",
            ["indication lisinopril→heart diseases -"]
        ),
        (
            "Haloperidol therapy for schizophrenia leads to the development of motor fluctuations and headache.",
            ["indication haloperidol→schizophrenia -"]
        ),
        (
            "Lisinopril treatment is effective in controlling the premature puberty, hypertension, and headache in this child.",
            ["indication lisinopril→hypertension -", "indication lisinopril→headache -"]
        ),
        // A patient's course of treatment, a response, a reason for taking a drug.
        (
            "A 46-year-old man with hypertension received combination therapy with lisinopril, extended metoprolol and warfarin.",
            [
                "indication lisinopril→hypertension -", "indication metoprolol→hypertension -",
                "indication warfarin→hypertension -",
            ]
        ),
        ("A woman with schizophrenia due to epilepsy was responding well to haloperidol treatment.", ["indication haloperidol→schizophrenia -"]),
        (
            "She was taking sumatriptan twice daily for several days because of a persistent headache.",
            ["indication sumatriptan→headache -"]
        ),
        // Drug lists broken by doses and a placebo arm.
        (
            "Patients with schizophrenia were randomly assigned to aripiprazole at 10 mg daily, placebo, or haloperidol at 5 mg daily.",
            ["indication aripiprazole→schizophrenia -", "indication haloperidol→schizophrenia -"]
        ),
        (
            "Sertraline (10 mg/kg) and fluoxetine (5 mg/kg) attenuated depression in rats.",
            ["indication sertraline→depressive disorder -", "indication fluoxetine→depressive disorder -"]
        ),
        (
            "Sertraline 10 mg/kg and fluoxetine 5 mg/kg attenuated depression in rats.",
            ["indication sertraline→depressive disorder -", "indication fluoxetine→depressive disorder -"]
        ),
        (
            "We studied the efficacy and tolerability of lisinopril-monotherapy and higher-dose combinations in patients with hypertension.",
            ["indication lisinopril→hypertension -"]
        ),
        ("An ameliorative function of duloxetine on fibromyalgia was suggested.", ["indication duloxetine→fibromyalgia -"]),
        // A passive cue with the drug given later: "following administration of X".
        (
            "Cisplatin-induced nausea was also attenuated in mutant mice following administration of ondansetron.",
            ["indication ondansetron→nausea -"]
        ),
        // A class named as the remedy: the drug said to be it, else the class.
        (
            "Amitriptyline remains an effective {tricyclic antidepressant drug|antidepressive agents, tricyclic} for chronic pain.",
            ["indication amitriptyline→chronic pain -", "indication antidepressive agents, tricyclic→chronic pain -"]
        ),
        (
            "A {tricyclic antidepressant drug|antidepressive agents, tricyclic} for neuropathic pain was added.",
            ["indication antidepressive agents, tricyclic→neuralgia -"]
        ),
    ]

    @Test(arguments: morePositives)
    func findsMoreIndications(_ marked: String, _ expected: Set<String>) {
        #expect(Set(triples(marked).map(\.summary)) == expected, "\(marked)")
    }

    @Test(arguments: nonAgentPositives)
    func nonAgentsAreSkipped(_ marked: String, _ expected: Set<String>) {
        #expect(Set(triples(marked).map(\.summary)) == expected, "\(marked)")
    }

    static let nonAgentNegatives: [String] = [
        "Insulin signaling prevents hypertension in mice.",
        "Targeting insulin may provide new therapeutic options in type 2 diabetes.",
        "The allele was found in patients with asthma compared with aspirin tolerant subjects.",
        "The allele was found in patients with asthma compared with aspirin users and control subjects.",
        "Anesthesia went on with aspirin infusion while all staff were ready to detect and treat asthma.",
        "Midazolam is used in anesthetic management for bronchoscopic removal of an angina lesion.",
        "Metformin may inform the design of gene therapy for type 2 diabetes.",
        "Warfarin use was associated with decreased heart disease risk.",
        "Tramadol may also improve {analgesia|pain}.",
        "Ovariectomy enhanced the {hypotensive|hypertension} response to propranolol.",
        // A fall of a threshold is no relief.
        "Carbamazepine decreased the seizure threshold.",
        "Carbamazepine is used to improve migraine duration in such patients.",
        "Effect of aspirin on seizures in rats.",
        "Effect of aspirin in aspirin-induced asthma.",
        "Pretreatment with aspirin potentiated haloperidol-induced seizures.",
        "Administration of aspirin linked to the alteration of sensitivity of cisplatin-induced seizures.",
        "Haloperidol induces seizures and delayed heart disease.",
    ]

    @Test(arguments: nonAgentNegatives)
    func nonAgentsGiveNothing(_ marked: String) {
        #expect(triples(marked).map(\.summary) == [], "\(marked)")
    }

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
        "Ghrelin is used in the treatment of hypertension.",
        "IL-10 was effective in the management of hypertension in mice.",
        "Aspirin-induced asthma was studied in 20 adults.",
        "Asthma caused by aspirin is rare.",
        "Side effects of amitriptyline include fatigue and nausea.",
        "Patients with depression received amitriptyline.",
        "Aspirin reduced blood flow and induced nausea and headache.",
        "Patients with depression on amitriptyline were interviewed.",
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
        "Omitting aspirin reduced nausea.",
        "Aspirin-induced apoptosis in asthma cells was measured.",
        "After aspirin the rise in pressure was largely prevented in asthma.",
        "Tolerability of aspirin in patients with asthma.",
        "Patients with angina who were treated with aspirin had more nausea.",
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

/// A weak cue's object behind a first non-condition conjunct or one modifier word.
@Suite struct LooseWeakObjectTests {
    let extractor = IndicationExtractor()

    func objects(_ text: String) -> [String] {
        extractor.process(Fixture.document(text)).triples.map(\.summary)
    }

    @Test func secondConjunctOfAShortList() {
        let found = objects("Lisinopril reduced vascular remodeling and hypertension in these rats.")
        #expect(found == ["indication lisinopril→hypertension -"])
    }

    @Test func conditionAfterOneModifierWord() {
        #expect(objects("Sertraline markedly decreases nocturnal pain.") == ["indication sertraline→pain -"])
    }

    @Test(arguments: [
        "Aspirin users had lower nocturnal pain.",
        "Seizures provoked by the convulsant haloperidol and partially reversed spontaneous seizures.",
        "Aspirin reduced platelet counts compared with hypertension.",
    ])
    func refusals(_ text: String) {
        #expect(objects(text) == [], "\(text)")
    }
}

/// "X protects <what> against Y": the protected thing sits between the verb and "against".
@Suite struct ProtectAgainstTests {
    let extractor = IndicationExtractor()

    func summaries(_ text: String) -> [String] {
        extractor.process(Fixture.document(text)).triples.map(\.summary)
    }

    @Test func protectedThingBeforeAgainst() {
        let found = summaries("Aspirin protected the heart muscle against angina.")
        #expect(found == ["indication aspirin→angina pectoris -"])
    }

    @Test func mentionInsideTheProtectedThing() {
        let found = summaries("Ibuprofen may protect neurons of asthma patients against pain.")
        #expect(found == ["indication ibuprofen→pain -"])
    }

    @Test(arguments: [
        "Aspirin-protected cells against pain were counted.",
        "Cisplatin, given with aspirin, protected nothing; the cells against nausea were tested.",
    ])
    func refusals(_ text: String) {
        #expect(summaries(text) == [], "\(text)")
    }
}
