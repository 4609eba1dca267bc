import PharmineContext
import PharmineCore
import PharmineRelate
import Testing

@Suite struct InteractionExtractorTests {
    let extractor = InteractionExtractor(
        endogenous: EndogenousSubstances(
            ids: ["DRUGBANK:DB00368", "DRUGBANK:DB08839"],
            names: ["norepinephrine", "serotonin"]
        )
    )

    func triples(_ marked: String) -> [Triple] {
        extractor.process(Fixture.document(marked)).triples
    }

    static let positives: [(String, Set<String>)] = [
        (
            "Co-administration of ketoconazole with midazolam increases midazolam exposure.",
            ["interaction ketoconazole→midazolam increases_exposure"]
        ),
        (
            "Ketoconazole increases the plasma concentrations of midazolam.",
            ["interaction ketoconazole→midazolam increases_exposure"]
        ),
        ("Ketoconazole increased midazolam AUC 15-fold.", ["interaction ketoconazole→midazolam increases_exposure"]),
        (
            "Carbamazepine enhances the clearance of warfarin.",
            ["interaction carbamazepine→warfarin decreases_exposure"]
        ),
        (
            "Carbamazepine reduces bleeding by enhancing the clearance of warfarin.",
            ["interaction carbamazepine→warfarin decreases_exposure"]
        ),
        (
            "Carbamazepine decreases the plasma levels of haloperidol.",
            ["interaction carbamazepine→haloperidol decreases_exposure"]
        ),
        (
            "Fluoxetine inhibits the metabolism of amitriptyline.",
            ["interaction fluoxetine→amitriptyline metabolic_inhibition"]
        ),
        (
            "Phenobarbital induces the metabolism of warfarin.",
            ["interaction phenobarbital→warfarin metabolic_induction"]
        ),
        (
            "Clarithromycin reduces the clearance of simvastatin.",
            ["interaction clarithromycin→simvastatin increases_exposure"]
        ),
        (
            "Amitriptyline is contraindicated in patients receiving MAO inhibitors or linezolid.",
            [
                "interaction amitriptyline→monoamine oxidase inhibitors contraindicated",
                "interaction amitriptyline→linezolid contraindicated",
            ]
        ),
        (
            "Simvastatin should not be combined with clarithromycin.",
            ["interaction simvastatin→clarithromycin contraindicated"]
        ),
        ("Avoid concomitant use of tramadol and sertraline.", ["interaction tramadol→sertraline contraindicated"]),
        ("Aspirin potentiates the effects of warfarin.", ["interaction aspirin→warfarin additive_effect"]),
        (
            "Tramadol and sertraline have additive serotonergic effects.",
            ["interaction tramadol→sertraline additive_effect"]
        ),
        ("Fluoxetine interacts with tramadol.", ["interaction fluoxetine→tramadol -"]),
        (
            "Aspirin together with warfarin increases the risk of nausea.",
            ["interaction aspirin→warfarin additive_effect"]
        ),
        (
            "Concomitant use of amitriptyline and tramadol led to a severe serotonin syndrome.",
            ["interaction amitriptyline→tramadol adverse_outcome"]
        ),
        (
            "When warfarin is coadministered with aspirin, bleeding is more frequent.",
            ["interaction warfarin→aspirin adverse_outcome"]
        ),
        (
            "Ketoconazole, clarithromycin, and fluoxetine may increase the plasma concentrations of midazolam.",
            [
                "interaction ketoconazole→midazolam increases_exposure",
                "interaction clarithromycin→midazolam increases_exposure",
                "interaction fluoxetine→midazolam increases_exposure",
            ]
        ),
        (
            "Carbamazepine or phenobarbital may potentiate the effects of warfarin.",
            [
                "interaction carbamazepine→warfarin additive_effect",
                "interaction phenobarbital→warfarin additive_effect",
            ]
        ),
        (
            "Simvastatin and sertraline are contraindicated with clarithromycin.",
            [
                "interaction simvastatin→clarithromycin contraindicated",
                "interaction sertraline→clarithromycin contraindicated",
            ]
        ),
        (
            "Fluoxetine was stopped and ketoconazole increased the plasma concentrations of midazolam.",
            ["interaction ketoconazole→midazolam increases_exposure"]
        ),
        (
            "The hypotensive effects of propranolol and lisinopril may be reduced by ibuprofen.",
            ["interaction propranolol→ibuprofen altered_effect", "interaction lisinopril→ibuprofen altered_effect"]
        ),
        (
            "The anticoagulant effect of warfarin is potentiated by aspirin.",
            ["interaction warfarin→aspirin additive_effect"]
        ),
        (
            "Plasma concentrations of midazolam are increased by ketoconazole.",
            ["interaction midazolam→ketoconazole increases_exposure"]
        ),
        (
            "Plasma levels of phenytoin should be monitored when fluoxetine and phenytoin are coadministered.",
            ["interaction fluoxetine→phenytoin monitor"]
        ),
        ("Ibuprofen may decrease the efficacy of lisinopril.", ["interaction ibuprofen→lisinopril decreases_effect"]),
        (
            "Carbamazepine may interfere with the absorption of warfarin.",
            ["interaction carbamazepine→warfarin pharmacokinetic"]
        ),
        (
            "Tramadol should be used with caution in patients receiving sertraline or duloxetine.",
            ["interaction tramadol→sertraline monitor", "interaction tramadol→duloxetine monitor"]
        ),
        (
            "Medicines that can raise the serum levels of phenytoin include: fluoxetine; omeprazole; and ketoconazole.",
            [
                "interaction phenytoin→fluoxetine increases_exposure",
                "interaction phenytoin→omeprazole increases_exposure",
                "interaction phenytoin→ketoconazole increases_exposure",
            ]
        ),
        (
            "Ketoconazole can interact with the following medicines: midazolam (a sedative), simvastatin, and warfarin.",
            [
                "interaction ketoconazole→midazolam -",
                "interaction ketoconazole→simvastatin -",
                "interaction ketoconazole→warfarin -",
            ]
        ),
        (
            "The sedative effect of midazolam may be enhanced by certain drugs, including ketoconazole, several antifungal azoles and clarithromycin.",
            [
                "interaction midazolam→ketoconazole additive_effect",
                "interaction midazolam→clarithromycin additive_effect",
            ]
        ),
        (
            "The dose of warfarin should be reduced in patients taking fluoxetine.",
            ["interaction warfarin→fluoxetine dose_adjustment"]
        ),
        (
            "Omeprazole should be taken at least two hours before ketoconazole.",
            ["interaction omeprazole→ketoconazole dose_adjustment"]
        ),
        (
            "Fluoxetine and tramadol should not be used concomitantly.",
            ["interaction fluoxetine→tramadol contraindicated"]
        ),
        (
            "Omeprazole may enhance the effects of the {anticoagulant|monoamine oxidase inhibitors} warfarin.",
            ["interaction omeprazole→warfarin additive_effect"]
        ),
        (
            "Co-administration of MAO inhibitors (such as linezolid) with tramadol may increase the plasma concentrations of tramadol.",
            [
                "interaction monoamine oxidase inhibitors→tramadol increases_exposure",
                "interaction linezolid→tramadol increases_exposure",
            ]
        ),
    ]

    @Test(arguments: positives)
    func findsInteractions(_ marked: String, _ expected: Set<String>) {
        let found = triples(marked)
        #expect(Set(found.map(\.summary)) == expected, "\(marked)")
        #expect(
            found.allSatisfy { $0.predicate == .interaction && $0.subject.type == .drug && $0.object.type == .drug }
        )
        #expect(found.allSatisfy { $0.subject.id != $0.object.id && $0.rule.hasPrefix("interaction.") })
        #expect(found.allSatisfy { !$0.negated })
    }

    static let negatives: [String] = [
        "Patients should discuss amitriptyline hydrochloride drug interactions with their doctor.",
        "These interactions can contribute to {its|^amitriptyline} analgesic effects.",
        "Amitriptyline increases the levels of inhibitory neurotransmitters like norepinephrine.",
        "{Its|^amitriptyline} mechanism involves increasing the levels of neurotransmitters like norepinephrine.",
        "Amitriptyline and sertraline are antidepressants.",
        "Ketoconazole increases the levels of midazolam.",
        "Amitriptyline is contraindicated in patients with heart disease.",
        "Aspirin was given with food.",
        "Metformin combined with lisinopril is used in type 2 diabetes.",
        "Sertraline increased the serum creatinine concentration.",
        "The side effects of aspirin were reduced by 40% in the second year.",
        "Ketoconazole and midazolam were given separately.",
        "The effects of aspirin were studied by ibuprofen users.",
        "Amitriptyline hydrochloride side effects and amitriptyline hydrochloride drug interactions are discussed.",
        "Aspirin and drugs that reduce the effects of warfarin are listed.",
        "Warfarin: Agents with antiplatelet properties may enhance the effects of aspirin.",
        // Joint use with no stated effect or advice is no interaction.
        "Concomitant use of amitriptyline and tramadol was studied.",
        "In the trial, ketoconazole was given concomitantly with midazolam to twelve volunteers.",
        "Sertraline and tramadol were coadministered in ten healthy subjects.",
        // A class adjective before "effect" names the effect, not a partner.
        "Aspirin may lead to a decrease in {anticoagulant|monoamine oxidase inhibitors} effect in older adults.",
        // A class before the list cue describes the listed drugs; it is no anchor.
        "Medicines that are {MAO inhibitors|monoamine oxidase inhibitors} and can raise the serum levels of this product include: fluoxetine; omeprazole.",
    ]

    @Test(arguments: negatives)
    func findsNothing(_ marked: String) {
        #expect(triples(marked).map(\.summary) == [], "\(marked)")
    }

    @Test func deniedInteractionsAreNegated() {
        let found = triples("No clinically relevant interaction was seen between ketoconazole and the following drugs: midazolam, warfarin.")
        #expect(!found.isEmpty)
        #expect(found.allSatisfy { $0.negated })
        let advice = triples("Simvastatin should not be combined with clarithromycin.")
        #expect(advice.map(\.negated) == [false])
    }

    @Test func effectAdjectiveIsNoPartner() {
        // "the anticoagulant effect of warfarin": the class adjective names the effect, the partner is warfarin.
        let found = triples("Aspirin may increase the {anticoagulant|monoamine oxidase inhibitors} effect of warfarin.")
        #expect(found.map(\.summary) == ["interaction aspirin→warfarin increases_effect"])
    }

    @Test func negatedAndOneTriplePerPair() throws {
        let not = try #require(triples("Sertraline did not increase the plasma concentrations of warfarin.").first)
        #expect(not.negated)
        let both = triples(
            "Co-administration of ketoconazole with midazolam increases the plasma concentrations of midazolam."
        )
        #expect(both.count == 1)
        #expect(both.first?.qualifier == "increases_exposure")
    }
}
