import PharmineContext
import PharmineCore
import PharmineRelate
import Testing

/// The kind a sentence implies for rules without a qualifier, and the shapes of joint use,
/// passives and described groups added for drug-label recall.
@Suite struct InteractionKindTests {
    let extractor = InteractionExtractor()

    func summaries(_ text: String) -> [String] {
        extractor.process(Fixture.document(text)).triples.map(\.summary)
    }

    @Test func kindImpliedBySentence() {
        // Levels: pharmacokinetic.
        #expect(
            summaries("Phenytoin and carbamazepine were coadministered, and plasma levels of both were altered.")
                == ["interaction phenytoin→carbamazepine pharmacokinetic"]
        )
        // Advice: monitor.
        #expect(
            summaries("When sertraline and tramadol are coadministered, patients should be watched for agitation.")
                == ["interaction sertraline→tramadol monitor"]
        )
        // Only "interact": no qualifier.
        #expect(summaries("Warfarin interacts with aspirin.") == ["interaction warfarin→aspirin -"])
    }

    @Test func jointUseWithDoseAndDosageForm() {
        #expect(
            summaries("Concomitant administration of 20 mg simvastatin tablets and clarithromycin should be avoided.")
                == ["interaction simvastatin→clarithromycin contraindicated"]
        )
        #expect(
            summaries("In volunteers coadministered haloperidol and carbamazepine, haloperidol levels were lower.")
                .allSatisfy { $0.hasPrefix("interaction haloperidol→carbamazepine") }
        )
        #expect(!summaries("In volunteers coadministered haloperidol and carbamazepine, haloperidol levels were lower.").isEmpty)
        #expect(summaries("The co-administration of fluoxetine tablets and sumatriptan is not advisable.") == [
            "interaction fluoxetine→sumatriptan contraindicated"
        ])
    }

    @Test func passiveWithAMeasureBeforeBy() {
        #expect(
            summaries("The AUC of midazolam was increased 4-fold by ketoconazole.")
                == ["interaction midazolam→ketoconazole increases_exposure"]
        )
        #expect(
            summaries("Plasma levels of midazolam may be increased and prolonged by clarithromycin.")
                == ["interaction midazolam→clarithromycin increases_exposure"]
        )
    }

    @Test func exposureChangedInThePassiveWithItsCauseAfter() {
        #expect(
            summaries("The AUC of midazolam was increased by 62% when coadministered with ketoconazole.")
                == ["interaction midazolam→ketoconazole increases_exposure"]
        )
        #expect(
            summaries("Midazolam exposure was significantly decreased by carbamazepine.")
                == ["interaction midazolam→carbamazepine decreases_exposure"]
        )
        // A measure alone names no cause.
        #expect(summaries("The AUC of midazolam was increased by 62% in the elderly.").isEmpty)
    }

    @Test func combinationTherapyWithAnAdvice() {
        #expect(
            summaries("Sertraline should not be used in combination with linezolid.")
                == ["interaction sertraline→linezolid contraindicated"]
        )
        // Combination therapy alone is no interaction.
        #expect(summaries("Metformin in combination with lisinopril lowered the blood pressure.").isEmpty)
    }

    @Test func unknownGroupGivenByExample() {
        #expect(
            Set(summaries("Haloperidol should not be given with QT-prolonging agents, such as sertraline and linezolid."))
                == ["interaction haloperidol→sertraline contraindicated", "interaction haloperidol→linezolid contraindicated"]
        )
    }

    @Test func contrastAfterADenialStatesAChange() {
        #expect(
            summaries(
                "Coadministration of ibuprofen and warfarin had no effect on warfarin levels, but reduced its clearance."
            ).count == 1
        )
        #expect(summaries("Coadministration of ibuprofen and warfarin had no effect on warfarin levels.").isEmpty)
    }
}
