import PharmineContext
import PharmineCore
import PharmineRelate
import Testing

/// Interaction rules for repeated drugs, advice after a caution cue, stated outcomes and lists.
@Suite struct InteractionRecallTests {
    let extractor = InteractionExtractor()

    func triples(_ marked: String) -> [Triple] {
        extractor.process(Fixture.document(marked)).triples
    }

    @Test func repeatedDrugPairsByItsNearestMention() throws {
        let marked = "Co-administration of ketoconazole and midazolam raised the plasma concentrations of midazolam."
        let document = extractor.process(Fixture.document(marked))
        let triple = try #require(document.triples.first)
        #expect(document.triples.map(\.summary) == ["interaction ketoconazole→midazolam increases_exposure"])
        // The midazolam of the joint use, not the one whose levels rose.
        let occurrences = Fixture.wholeWordOccurrences(of: "midazolam", in: document.passages[0].text)
        #expect(occurrences.count == 2)
        #expect(triple.object.start == occurrences.first?.lowerBound)
    }

    @Test func subjectThatIsAlsoTheObjectGivesWayToItsPartner() {
        let found = triples("Giving phenytoin with carbamazepine lowered the serum concentrations of carbamazepine and phenobarbital.")
        #expect(
            Set(found.map(\.summary)) == [
                "interaction phenytoin→carbamazepine decreases_exposure",
                "interaction phenytoin→phenobarbital decreases_exposure",
            ]
        )
    }

    @Test func statementInsideParenthesisHasNoSubjectOutside() {
        #expect(triples("Sertraline may interact with other drugs (may enhance the effects of warfarin).").isEmpty)
    }

    @Test(arguments: [
        ("Caution should be exercised when administering ketoconazole with midazolam.", "ketoconazole→midazolam"),
        ("Caution is advised in the co-administration of sertraline with tramadol.", "sertraline→tramadol"),
    ])
    func cautionBeforeBothDrugs(_ marked: String, _ pair: String) {
        #expect(triples(marked).map(\.summary) == ["interaction \(pair) monitor"])
    }

    @Test func jointUseCausingAConditionIsAnInteraction() {
        #expect(triples("Concomitant use of sertraline and tramadol may cause hypertension.").map(\.summary) == [
            "interaction sertraline→tramadol adverse_outcome"
        ])
        // A condition of the patients, no outcome of the joint use.
        #expect(triples("In patients with hypertension, aspirin and ibuprofen were given together.").isEmpty)
    }

    @Test func exposureForAndTo() {
        #expect(triples("Ketoconazole doubled the AUC for midazolam.").map(\.summary) == [
            "interaction ketoconazole→midazolam increases_exposure"
        ])
    }

    @Test func interactionsOfOneDrugWithAList() {
        let found = triples("There are reports of interactions of clarithromycin with simvastatin, midazolam and warfarin.")
        #expect(
            Set(found.map(\.summary)) == [
                "interaction clarithromycin→simvastatin -", "interaction clarithromycin→midazolam -",
                "interaction clarithromycin→warfarin -",
            ]
        )
    }

    @Test func listSubjectStatesTheKind() {
        let found = triples("Drugs that may raise the plasma levels of simvastatin include: clarithromycin; ketoconazole.")
        #expect(
            Set(found.map(\.summary)) == [
                "interaction simvastatin→clarithromycin increases_exposure",
                "interaction simvastatin→ketoconazole increases_exposure",
            ]
        )
        let effects = triples("Medicines that can reduce the effect of warfarin include phenytoin and carbamazepine.")
        #expect(
            Set(effects.map(\.summary)) == [
                "interaction warfarin→phenytoin decreases_effect", "interaction warfarin→carbamazepine decreases_effect",
            ]
        )
    }

    @Test func studiedInteractionIsNoStatement() {
        #expect(triples("The interaction between clarithromycin and warfarin has not been studied.").isEmpty)
        #expect(triples("We aimed to assess the potential for sertraline to interact with tramadol.").isEmpty)
        #expect(triples("Clarithromycin interacts with warfarin.").map(\.summary) == ["interaction clarithromycin→warfarin -"])
    }

    @Test func passiveEffectOfTheClass() {
        #expect(
            triples("The sedative action of the haloperidol may be potentiated by diphenhydramine.").map(\.summary)
                == ["interaction haloperidol→diphenhydramine additive_effect"]
        )
    }

    @Test func conditionalPlainAdministration() {
        #expect(
            triples("When warfarin is administered with aspirin, the prothrombin time should be closely watched.").map(\.summary)
                == ["interaction warfarin→aspirin monitor"]
        )
        // A plain "given with" outside a condition states no joint use.
        #expect(triples("Warfarin was given with aspirin, and the prothrombin time was measured.").isEmpty)
    }

    @Test func passiveByAnAdministrationPhrase() {
        #expect(
            triples("The plasma concentrations of midazolam may be increased by the concomitant administration of ketoconazole.")
                .map(\.summary) == ["interaction midazolam→ketoconazole increases_exposure"]
        )
    }

    @Test func effectsOfAColonList() {
        #expect(
            Set(triples("Tramadol may enhance the effects of: sertraline, fluoxetine.").map(\.summary)) == [
                "interaction tramadol→sertraline additive_effect", "interaction tramadol→fluoxetine additive_effect",
            ]
        )
    }

    @Test func pluralClassAfterThatOpensAClause() {
        // "that" before a plural class is a conjunction, not a pointer ("that antidepressant").
        #expect(triples("Reports have shown that MAO inhibitors can reduce the effect of warfarin.").map(\.summary) == [
            "interaction monoamine oxidase inhibitors→warfarin decreases_effect"
        ])
    }

    @Test func metabolicClearanceIsAClearance() {
        #expect(triples("Ketoconazole may lower the metabolic clearance of midazolam.").map(\.summary) == [
            "interaction ketoconazole→midazolam increases_exposure"
        ])
    }

    @Test func alternativesBeforeWithAreEachAFirstDrug() {
        #expect(
            Set(triples("The concomitant use of ketoconazole or clarithromycin with simvastatin is not recommended.").map(\.summary))
                == [
                    "interaction ketoconazole→simvastatin contraindicated",
                    "interaction clarithromycin→simvastatin contraindicated",
                ]
        )
    }

    @Test func exposureChangedInThePresenceOfADrug() {
        #expect(triples("Midazolam concentrations may be increased in the presence of ketoconazole.").map(\.summary) == [
            "interaction midazolam→ketoconazole increases_exposure"
        ])
    }

    @Test func listGoesOnAfterARelativeClause() {
        let found = triples(
            "The action of warfarin may be potentiated by aspirin and other agents that bind strongly to proteins, phenytoin, and fluoxetine."
        )
        #expect(
            Set(found.map(\.partnerPair)) == [
                "aspirin|warfarin", "phenytoin|warfarin", "fluoxetine|warfarin",
            ]
        )
        // Without a drug after the comma the clause ends the list.
        #expect(
            triples("The action of warfarin may be potentiated by aspirin and agents that bind to proteins, as reported.")
                .map(\.partnerPair) == ["aspirin|warfarin"]
        )
    }
}

/// Interaction rules for a change stated as a noun and joint use in a patient phrase.
@Suite struct InteractionNounRuleTests {
    let extractor = InteractionExtractor()

    func summaries(_ marked: String) -> Set<String> {
        Set(extractor.process(Fixture.document(marked)).triples.map(\.summary))
    }

    @Test func exposureChangeAsANounWithTheCauseAfter() {
        #expect(
            summaries("A 40% increase in the mean AUC of midazolam was seen in subjects given ketoconazole.")
                == ["interaction midazolam→ketoconazole increases_exposure"]  // arguments in text order
        )
    }

    @Test func exposureChangeAsANounWithTheCauseBefore() {
        #expect(
            summaries("Giving carbamazepine for a week resulted in a 60% reduction in plasma concentrations of midazolam.")
                == ["interaction carbamazepine→midazolam decreases_exposure"]
        )
        // A rise in clearance lowers exposure.
        #expect(
            summaries("Phenytoin caused a twofold increase in the clearance of aripiprazole.")
                == ["interaction phenytoin→aripiprazole decreases_exposure"]
        )
        // A change without a drug of the object is no interaction.
        #expect(summaries("Ketoconazole produced an increase in heart rate.").isEmpty)
    }

    @Test func patientTakingOneDrugConcomitantlyWithAnother() {
        let found = summaries("This should be kept in mind in patients taking ibuprofen concomitantly with lisinopril.")
        #expect(found.count == 1)
        #expect(found.allSatisfy { $0.hasPrefix("interaction ibuprofen→lisinopril ") })
        // Joint use with nothing said of it is no interaction.
        #expect(summaries("Subjects treated with ibuprofen concomitantly with lisinopril had a similar safety profile.").isEmpty)
    }

    @Test func drugNotToBeUsedWithAnother() {
        #expect(
            summaries("Sumatriptan should not be used in patients receiving fluoxetine.")
                == ["interaction sumatriptan→fluoxetine contraindicated"]
        )
        #expect(summaries("Warfarin should not be given with aspirin.") == ["interaction warfarin→aspirin contraindicated"])
        // A use forbidden for a condition names no partner.
        #expect(summaries("Warfarin should not be used in pregnancy, and aspirin is preferred.").isEmpty)
    }
}

extension Triple {
    /// The two drugs of an interaction by name, sorted ("aspirin|warfarin").
    fileprivate var partnerPair: String {
        [subject.name, object.name].sorted().joined(separator: "|")
    }
}
