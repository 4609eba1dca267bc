import PharmineContext
import PharmineCore
import PharmineRelate
import Testing

/// Mechanism rules added for recall: binding wording (BindingMechanismRules), the single-pair
/// fallback (FallbackMechanismRules), agents after a colon or a closing comma, "Y inducers",
/// changes of a target's phosphorylation (ActivityMechanismRules), parentheses holding a ";",
/// fusion targets and class statements under a negated clause.
@Suite struct MechanismRecallTests {
    let extractor = MechanismExtractor(reuptakeTargets: ReuptakeTargets(targets: [:]))

    func triples(_ marked: String) -> [Triple] {
        extractor.process(Fixture.document(marked)).triples.filter { !$0.negated }
    }

    static let positives: [(String, Set<String>)] = [
        // Binding verbs with the drug right before.
        ("In our model tramadol binds to the mu-opioid receptor.", ["mechanism tramadol→OPRM1 binder"]),
        ("We think haloperidol, which selectively binds D2 receptors, helps.", ["mechanism haloperidol→DRD2 binder"]),
        ("The crystal showed haloperidol bound to the D2 receptor pocket.", ["mechanism haloperidol→DRD2 binder"]),
        // A target bound to or complexed with drugs.
        (
            "Models of the D2 receptor bound to haloperidol and aripiprazole were built.",
            ["mechanism haloperidol→DRD2 binder", "mechanism aripiprazole→DRD2 binder"]
        ),
        ("The structure of CYP3A4 complexed with ketoconazole is known.", ["mechanism ketoconazole→CYP3A4 binder"]),
        // Binding nouns with "of" before the drug.
        (
            "We measured the affinity of haloperidol and aripiprazole for D2 receptors.",
            ["mechanism haloperidol→DRD2 binder", "mechanism aripiprazole→DRD2 binder"]
        ),
        ("Tramadol is a ligand of the mu-opioid receptor.", ["mechanism tramadol→OPRM1 binder"]),
        (
            "Binding affinities of haloperidol, fluoxetine and some of their metabolites for D2 receptors were low.",
            ["mechanism haloperidol→DRD2 binder", "mechanism fluoxetine→DRD2 binder"]
        ),
        // Agents after a colon, and one agent set off at the end of the sentence.
        (
            "We compared three CYP3A4 inhibitors: ketoconazole, clarithromycin and fluoxetine.",
            [
                "mechanism ketoconazole→CYP3A4 inhibitor", "mechanism clarithromycin→CYP3A4 inhibitor",
                "mechanism fluoxetine→CYP3A4 inhibitor",
            ]
        ),
        // "Y inducers" of a target that is not a drug-metabolising enzyme turn it on.
        ("We used D2 receptor inducers such as haloperidol.", ["mechanism haloperidol→DRD2 activator"]),
        ("CYP3A4 inducers such as carbamazepine were avoided.", ["mechanism carbamazepine→CYP3A4 inducer"]),
        // A target joined to "-specific" before the agent noun.
        ("The H1-specific antagonist diphenhydramine was used.", ["mechanism diphenhydramine→HRH1 antagonist"]),
        // A possessive activity against a target, said of the drugs of the clause.
        (
            "Fluoxetine, sertraline and haloperidol were screened for their inhibitory activity against CYP2D6.",
            [
                "mechanism fluoxetine→CYP2D6 inhibitor", "mechanism sertraline→CYP2D6 inhibitor",
                "mechanism haloperidol→CYP2D6 inhibitor",
            ]
        ),
        // A target before the activity, the drug said to show it.
        ("Ketoconazole showed the most potent CYP3A4 inhibitory activity.", ["mechanism ketoconazole→CYP3A4 inhibitor"]),
        // The agent of a noun cue a few words after the target.
        ("Inhibition of CYP3A4 in liver microsomes by ketoconazole was strong.", ["mechanism ketoconazole→CYP3A4 inhibitor"]),
        // A comparative binding affinity.
        ("Haloperidol had a higher binding affinity for D2 receptors.", ["mechanism haloperidol→DRD2 binder"]),
        // A passive induction with a fold, kept for a metabolising enzyme only.
        ("CYP3A4 activity was induced 3-fold by carbamazepine.", ["mechanism carbamazepine→CYP3A4 inducer"]),
        // A comparison with a number between the drug and the noun cue.
        (
            "Haloperidol had 20 times higher affinity for D2 receptors than clozapine.",
            ["mechanism haloperidol→DRD2 binder"]
        ),
        (
            "Haloperidol, fluoxetine and their metabolites had 5-30 times higher affinity for D2 receptors.",
            ["mechanism haloperidol→DRD2 binder", "mechanism fluoxetine→DRD2 binder"]
        ),
        ("D2 receptors were induced 3-fold by haloperidol.", []),
        // A plural family, then its members.
        (
            "Diphenhydramine antagonizes the histamine receptors H1 receptors and muscarinic receptors.",
            [
                "mechanism diphenhydramine→histamine receptors antagonist", "mechanism diphenhydramine→HRH1 antagonist",
                "mechanism diphenhydramine→muscarinic acetylcholine receptors antagonist",
            ]
        ),
        // A change of the target's phosphorylation (state_of).
        (
            "Ketoconazole inhibited the phosphorylation and activation of CYP3A4 and CYP2D6.",
            ["mechanism ketoconazole→CYP3A4 inhibitor", "mechanism ketoconazole→CYP2D6 inhibitor"]
        ),
        ("Haloperidol treatment also increased phosphorylation of D2 receptors.", ["mechanism haloperidol→DRD2 activator"]),
        // A ";" inside the parenthesis after the drug ends no clause.
        (
            "Tests were run with haloperidol ({HAL|haloperidol}; 0.01 microM), a D2 receptor antagonist.",
            ["mechanism haloperidol→DRD2 antagonist"]
        ),
        (
            "Tests were run with haloperidol (10 nM; 2 h), a D2 receptor antagonist.",
            ["mechanism haloperidol→DRD2 antagonist"]
        ),
        // Targets listed after a family noun and a comma.
        (
            "Ketoconazole inhibits at least two fluoxetine-sensitive enzymes, CYP3A4 and CYP2D6.",
            ["mechanism ketoconazole→CYP3A4 inhibitor", "mechanism ketoconazole→CYP2D6 inhibitor"]
        ),
        // An apposition naming the subject's parent drug.
        (
            "Ketoconazole, a derivative of fluoxetine, was described as an inhibitor of CYP3A4.",
            ["mechanism ketoconazole→CYP3A4 inhibitor"]
        ),
        ("Ketoconazole, the active metabolite of fluoxetine, inhibits CYP3A4.", ["mechanism ketoconazole→CYP3A4 inhibitor"]),
        // A fusion of two targets named with a hyphen.
        (
            "Ketoconazole is a potent inhibitor of CYP3A4-CYP2D6 and H1 receptors.",
            [
                "mechanism ketoconazole→CYP3A4 inhibitor", "mechanism ketoconazole→CYP2D6 inhibitor",
                "mechanism ketoconazole→HRH1 inhibitor",
            ]
        ),
        // The single-pair fallback.
        ("Haloperidol almost abolished CYP2D6 activity.", ["mechanism haloperidol→CYP2D6 inhibitor"]),
        ("In rats, CYP2D6 activity was reduced by haloperidol.", ["mechanism haloperidol→CYP2D6 inhibitor"]),
    ]

    @Test(arguments: positives)
    func findsMechanisms(_ marked: String, _ expected: Set<String>) {
        #expect(Set(triples(marked).map(\.summary)) == expected, "\(marked)")
    }

    static let negatives: [String] = [
        // A copula: a preparation, not an action.
        "Ketoconazole was bound to CYP3A4 in the assay.",
        // "binding" without "to", and binding said of a place on the target's gene.
        "Haloperidol binding sites were counted in D2 receptors.",
        "Haloperidol binds to the D2 receptor promoter.",
        // A modifier: "drug-bound".
        "The haloperidol-bound D2 receptor was stable.",
        // An activity with no drug in its clause; an agent after a verb is not the noun's.
        "Their inhibitory activity against CYP2D6 was measured.",
        "Inhibition of CYP3A4 was seen and was reversed by ketoconazole.",
        // Fallback: two drugs, a change of amount without "activity", an effect on expression.
        "Haloperidol and fluoxetine suppressed CYP2D6.",
        "Haloperidol decreased CYP2D6 in the liver.",
        "Haloperidol inhibited CYP2D6 expression.",
        "Haloperidol treatment increased CYP2D6 mRNA.",
        // A number between drug and cue that does not make a comparison of the drug.
        "Haloperidol was given to 20 patients with higher affinity for D2 receptors.",
        // A comma after a word that names no family of targets ends the object search.
        "Ketoconazole inhibits the growth of fungi, CYP3A4 being spared.",
        // "activation" alone after a verb of change, and a state of something else.
        "Haloperidol increased the activation of D2 receptors.",
        "Haloperidol increased the phosphorylation of proteins bound to D2 receptors in the assay.",
    ]

    @Test(arguments: negatives)
    func findsNothing(_ marked: String) {
        #expect(triples(marked).map(\.summary) == [], "\(marked)")
    }

    /// A class naming its member stands when the clause around it is negated ("but not the Y
    /// antagonist X helped"); a negation between the two still negates it.
    @Test func namingIsNotNegatedByItsClause() throws {
        var document = Fixture.document("Fluoxetine helped, but not the D2 receptor antagonist haloperidol.")
        for index in document.mentions.indices where document.mentions[index].name == "haloperidol" {
            document.mentions[index].negated = true
        }
        let triples = extractor.process(document).triples
        let naming = try #require(triples.first { $0.subject.name == "haloperidol" })
        #expect(!naming.negated)
        let denied = extractor.process(Fixture.document("Haloperidol is not a D2 receptor antagonist.")).triples
        #expect(denied.allSatisfy { $0.negated })
    }

    @Test func fallbackTriplesHaveLowerConfidence() throws {
        let fallback = try #require(triples("Haloperidol almost abolished CYP2D6 activity.").first)
        #expect(fallback.rule == "mechanism.single_pair")
        let direct = try #require(triples("Haloperidol inhibits CYP2D6.").first)
        #expect(fallback.confidence < direct.confidence)
    }
}
