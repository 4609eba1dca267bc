import PharmineContext
import PharmineCore
import PharmineRelate
import Testing

/// Interaction rules that reach a list through a generic head, direct passives, interaction
/// nouns, joint use that reports a result, and lists that open with an unknown word.
@Suite struct InteractionReachTests {
    let extractor = InteractionExtractor()

    func summaries(_ marked: String) -> Set<String> {
        Set(extractor.process(Fixture.document(marked)).triples.filter { !$0.negated }.map(\.summary))
    }

    @Test func coadministrationWithDescribedGroupTakesItsExamples() {
        let found = summaries(
            "Co-administration of sertraline with drugs that are cleared by CYP2D6, including haloperidol and metoprolol, calls for caution."
        )
        #expect(found == ["interaction sertraline→haloperidol monitor", "interaction sertraline→metoprolol monitor"])
    }

    @Test func enzymeGroupAfterModifierTakesItsExamples() {
        let found = summaries(
            "Coadministration of midazolam and strong CYP3A4 inhibitors, such as ketoconazole and clarithromycin, should be avoided."
        )
        #expect(
            found == ["interaction midazolam→ketoconazole contraindicated", "interaction midazolam→clarithromycin contraindicated"]
        )
    }

    @Test func cautionWithDescribedGroupTakesItsExamples() {
        let found = summaries("Caution is advised when celecoxib is given with drugs that are cleared by CYP2D6 (e.g., metoprolol).")
        #expect(found.contains { $0.hasPrefix("interaction celecoxib→metoprolol") })
        #expect(found.count == 1)
    }

    @Test func directPassiveNamesTheDrugItself() {
        #expect(summaries("Warfarin effects may be potentiated by fluoxetine.") == ["interaction warfarin→fluoxetine increases_effect"])
        #expect(summaries("Metoprolol is antagonized by ibuprofen.") == ["interaction metoprolol→ibuprofen decreases_effect"])
        // A level, not an effect: no direct passive.
        #expect(summaries("Metoprolol is reduced by ibuprofen.").isEmpty)
    }

    @Test func interactionNounWithList() {
        #expect(
            summaries("Tramadol may have serious interactions with sertraline and duloxetine.") == [
                "interaction tramadol→sertraline -", "interaction tramadol→duloxetine -",
            ]
        )
        #expect(
            summaries("Linezolid carries a potential for interaction with serotonergic drugs such as sertraline.") == [
                "interaction linezolid→sertraline -"
            ]
        )
        // A study of an interaction states none.
        #expect(summaries("The study examined tramadol interactions with sertraline.").isEmpty)
    }

    @Test func jointUseThatReportsAResult() {
        #expect(
            summaries("Concomitant administration of warfarin and aspirin resulted in a longer prothrombin time.") == [
                "interaction warfarin→aspirin altered_effect"
            ]
        )
        // A study design reports nothing.
        #expect(summaries("Warfarin was administered concomitantly with aspirin to twelve volunteers.").isEmpty)
    }

    @Test func includedListMayOpenWithAnUnknownWord() {
        let found = summaries("Drugs that may reduce the effect of warfarin include: adrenal steroids; phenytoin; carbamazepine.")
        #expect(
            found == ["interaction warfarin→phenytoin decreases_effect", "interaction warfarin→carbamazepine decreases_effect"]
        )
    }

    @Test func drugOfTheMainClauseAndTheDrugPatientsReceive() {
        #expect(pairs("Phenytoin toxicity has been reported in patients receiving omeprazole.") == ["phenytoin→omeprazole"])
        #expect(pairs("Severe bleeding was seen in patients receiving both warfarin and aspirin.") == ["warfarin→aspirin"])
        // Either drug, and no result: nothing.
        #expect(pairs("Patients receiving warfarin or aspirin were enrolled.").isEmpty)
    }

    @Test func jointUseOverADoseAndCombinedUse() {
        #expect(pairs("Coadministration of midazolam 5 mg and ketoconazole 200 mg produced longer sedation.") == ["midazolam→ketoconazole"])
        #expect(pairs("The combined use of ibuprofen and aspirin has been associated with ulcers.") == ["ibuprofen→aspirin"])
        // Combination therapy alone is no interaction.
        #expect(pairs("Lisinopril in combination with metformin lowered blood pressure.").isEmpty)
    }

    func pairs(_ marked: String) -> Set<String> {
        Set(
            extractor.process(Fixture.document(marked)).triples.filter { !$0.negated }.map {
                "\($0.subject.name)→\($0.object.name)"
            }
        )
    }
}

/// Changed effects named by a response, a toxicity or the drug's own levels.
@Suite struct InteractionEffectHeadTests {
    let extractor = InteractionExtractor()

    func summaries(_ marked: String) -> Set<String> {
        Set(extractor.process(Fixture.document(marked)).triples.filter { !$0.negated }.map(\.summary))
    }

    @Test func responseToADrug() {
        #expect(summaries("Ibuprofen may blunt the response to lisinopril.") == ["interaction ibuprofen→lisinopril decreases_effect"])
    }

    @Test func drugLevelsRightAfterTheDrug() {
        #expect(summaries("Omeprazole may elevate phenytoin levels.") == ["interaction omeprazole→phenytoin increases_exposure"])
    }

    @Test func absorptionChangedActiveAndPassive() {
        #expect(summaries("Omeprazole may delay the absorption of metformin.") == ["interaction omeprazole→metformin decreases_exposure"])
        #expect(summaries("Absorption of phenytoin is impaired by omeprazole.") == ["interaction phenytoin→omeprazole decreases_exposure"])
        #expect(
            summaries("Omeprazole may interfere with the absorption of drugs whose uptake needs acid (e.g., phenytoin and metformin).") == [
                "interaction omeprazole→phenytoin pharmacokinetic", "interaction omeprazole→metformin pharmacokinetic",
            ]
        )
    }

    @Test func passiveByADescribedGroup() {
        #expect(
            summaries("The effect of warfarin is reduced by drugs that induce liver enzymes, such as phenytoin and carbamazepine.") == [
                "interaction warfarin→phenytoin altered_effect", "interaction warfarin→carbamazepine altered_effect",
            ]
        )
    }
}

/// Lists read loosely before a statement, hedged list openers and the subject of an elliptic
/// "when given with".
@Suite struct InteractionLooseListTests {
    let extractor = InteractionExtractor()

    func pairs(_ marked: String) -> Set<String> {
        Set(
            extractor.process(Fixture.document(marked)).triples.filter { !$0.negated }.map {
                "\($0.subject.name)→\($0.object.name)"
            }
        )
    }

    @Test func listOpenedByButNotLimitedTo() {
        #expect(
            pairs("Caution is advised when giving tramadol with drugs such as, but not limited to, sertraline and duloxetine.") == [
                "tramadol→sertraline", "tramadol→duloxetine",
            ]
        )
    }

    @Test func subjectListWithUnknownModifiersReadBackwards() {
        #expect(
            pairs("Aspirin, ibuprofen, and non-selective beta blockers such as metoprolol may enhance the effect of warfarin.") == [
                "aspirin→warfarin", "ibuprofen→warfarin", "metoprolol→warfarin",
            ]
        )
    }

    @Test func ellipticWhenGivenWithTakesTheClauseSubject() {
        #expect(
            pairs("The absorption of phenytoin and metformin was lowered when given together with omeprazole.") == [
                "phenytoin→omeprazole", "metformin→omeprazole",
            ]
        )
    }

    @Test func patientsReceivingAListConcomitantlyWithADrug() {
        #expect(
            pairs("Patients receiving sertraline or duloxetine concomitantly with tramadol showed increased sedation.") == [
                "sertraline→tramadol", "duloxetine→tramadol",
            ]
        )
    }

    @Test func patientPhraseBeforeTheMainDrug() {
        #expect(
            pairs("In patients taking phenytoin, the addition of omeprazole may raise the risk of toxicity.") == ["phenytoin→omeprazole"]
        )
    }
}
