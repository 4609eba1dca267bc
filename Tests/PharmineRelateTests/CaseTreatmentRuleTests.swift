import PharmineCore
import PharmineRelate
import Testing

/// The document-level rule `indication.case_treatment`: a treating sentence without a condition
/// takes the conditions of the sentence before it.
@Suite struct CaseTreatmentRuleTests {
    let extractor = IndicationExtractor()

    func found(_ text: String) -> [Triple] {
        extractor.process(Fixture.document(text)).triples.filter { $0.rule == "indication.case_treatment" }
    }

    @Test func treatingSentenceTakesTheConditionsOfTheSentenceBefore() throws {
        let story =
            "The man came to the clinic with severe headache and nausea. He was treated with ibuprofen and ondansetron."
        let document = Fixture.document(story)
        let triples = extractor.process(document).triples.filter { $0.rule == "indication.case_treatment" }
        #expect(
            Set(triples.map(\.summary)) == [
                "indication ibuprofen→headache -", "indication ibuprofen→nausea -",
                "indication ondansetron→headache -", "indication ondansetron→nausea -",
            ]
        )
        // The evidence is the treating sentence; the object keeps its own offsets.
        let first = try #require(triples.first)
        #expect(first.sentence == 1)
        #expect(first.subject.sentence == 1)
        #expect(first.object.sentence == 0)
        #expect(text(of: first.object, in: document) == "headache")
        #expect(first.confidence < 0.6)
    }

    @Test func reachesTwoSentencesBackAcrossAConditionFreeSentence() {
        let triples = found(
            "A woman had insomnia for a month. Her sleep diary was reviewed. Therapy was started with a low dose of amitriptyline."
        )
        #expect(triples.map(\.summary) == ["indication amitriptyline→sleep initiation and maintenance disorders -"])
    }

    @Test func negatedConditionIsNotLinked() throws {
        var document = Fixture.document("The child had nausea and headache on admission. She was given ibuprofen.")
        let nausea = try #require(document.mentions.firstIndex { $0.name == "nausea" })
        document.mentions[nausea].negated = true
        let triples = extractor.process(document).triples.filter { $0.rule == "indication.case_treatment" }
        #expect(triples.map(\.summary) == ["indication ibuprofen→headache -"])
    }

    @Test(arguments: [
        // The condition sentence names the treating drug: its cause, not its indication.
        "After a week of phenytoin she had headache. She was then given phenytoin and ibuprofen.",
        // Stopping a drug is not treating with it.
        "The patient had nausea. Treatment with ondansetron was discontinued.",
        // Looking back.
        "He reported headache. He had previously received ibuprofen.",
        // The earlier sentence tells no patient's case.
        "Seizures are common in this model. Mice were then given phenytoin.",
        // The treating sentence is not a patient's treatment.
        "The patient had headache. Levels measured after treatment with ibuprofen were low.",
        // A condition word naming a place.
        "The woman was admitted to a {psychiatric|schizophrenia} hospital. She was given haloperidol.",
        // Too far back.
        "He had headache. The vital signs were normal. The laboratory values were normal. He received ibuprofen.",
        // The drug sentence names its own condition: the sentence rules decide.
        "He had headache. He received ibuprofen for fatigue.",
    ])
    func staysSilent(_ text: String) {
        #expect(found(text).isEmpty)
    }
}
