import Foundation
import PharmineContext
import PharmineCore
import PharmineRelate
import Testing

/// The shipped reuptake map, read in place from Lexicons/.
let shippedReuptakeTargets: ReuptakeTargets? = try? ReuptakeTargets(
    contentsOf: packageRoot.appending(path: "Lexicons/reuptake-targets.tsv")
)

@Suite struct MechanismExtractorTests {
    let extractor = MechanismExtractor(
        reuptakeTargets: shippedReuptakeTargets ?? ReuptakeTargets(targets: [:]),
        endogenous: EndogenousSubstances(
            ids: ["DRUGBANK:DB00142", "DRUGBANK:DB08839"],
            names: ["glutamate", "serotonin"]
        )
    )

    func triples(_ marked: String) -> [Triple] {
        extractor.process(Fixture.document(marked)).triples
    }

    @Test func shippedMapIsReadable() throws {
        let map = try #require(shippedReuptakeTargets)
        #expect(map.target(forTerm: "serotonin")?.id == "HGNC:11050")
        #expect(map.target(forTerm: "norepinephrine")?.id == "HGNC:11048")
        #expect(map.target(forTerm: "noradrenaline")?.symbol == "SLC6A2")
        #expect(map.target(forTerm: "dopamine")?.id == "HGNC:11049")
        #expect(map.target(forTerm: "histamine") == nil)
    }

    static let positives: [(String, Set<String>)] = [
        ("Its effects on serotonin and norepinephrine reuptake are known.", []),  // unresolved "Its"
        (
            "{Its|^amitriptyline} effects on serotonin and norepinephrine reuptake are known.",
            [
                "mechanism amitriptyline→solute carrier family 6 member 4 reuptake_inhibitor",
                "mechanism amitriptyline→solute carrier family 6 member 2 reuptake_inhibitor",
            ]
        ),
        (
            "Fluoxetine inhibits the reuptake of serotonin.",
            ["mechanism fluoxetine→solute carrier family 6 member 4 reuptake_inhibitor"]
        ),
        (
            "Fluoxetine is a selective serotonin reuptake inhibitor.",
            ["mechanism fluoxetine→solute carrier family 6 member 4 reuptake_inhibitor"]
        ),
        (
            "Duloxetine is a serotonin-norepinephrine reuptake inhibitor.",
            [
                "mechanism duloxetine→solute carrier family 6 member 4 reuptake_inhibitor",
                "mechanism duloxetine→solute carrier family 6 member 2 reuptake_inhibitor",
            ]
        ),
        (
            "Duloxetine causes reuptake inhibition of serotonin and noradrenaline.",
            [
                "mechanism duloxetine→solute carrier family 6 member 4 reuptake_inhibitor",
                "mechanism duloxetine→solute carrier family 6 member 2 reuptake_inhibitor",
            ]
        ),
        (
            "Amitriptyline has antagonist actions at various receptors, including {histamine|HRH1} and muscarinic receptors.",
            [
                "mechanism amitriptyline→HRH1 antagonist",
                "mechanism amitriptyline→muscarinic acetylcholine receptors antagonist",
            ]
        ),
        ("Diphenhydramine is a potent H1 antagonist.", ["mechanism diphenhydramine→HRH1 antagonist"]),
        ("The H1 antagonist diphenhydramine causes sedation.", ["mechanism diphenhydramine→HRH1 antagonist"]),
        (
            "Aripiprazole is a partial agonist at dopamine D2 receptors.",
            ["mechanism aripiprazole→DRD2 partial_agonist"]
        ),
        ("Aripiprazole is a partial D2 receptor agonist.", ["mechanism aripiprazole→DRD2 partial_agonist"]),
        ("Haloperidol blocks D2 receptors.", ["mechanism haloperidol→DRD2 antagonist"]),
        (
            "Phenytoin blocks voltage-gated sodium channels.",
            ["mechanism phenytoin→voltage-gated sodium channels blocker"]
        ),
        ("Ketoconazole is an inhibitor of CYP3A4.", ["mechanism ketoconazole→CYP3A4 inhibitor"]),
        ("Ketoconazole, a strong CYP3A4 inhibitor, was given.", ["mechanism ketoconazole→CYP3A4 inhibitor"]),
        ("Carbamazepine induces CYP3A4.", ["mechanism carbamazepine→CYP3A4 inducer"]),
        ("Tramadol has a high affinity for the mu-opioid receptor.", ["mechanism tramadol→OPRM1 binder"]),
        ("Tramadol is an agonist of the mu-opioid receptor.", ["mechanism tramadol→OPRM1 agonist"]),
        (
            "Fluoxetine and sertraline inhibit CYP2D6.",
            ["mechanism fluoxetine→CYP2D6 inhibitor", "mechanism sertraline→CYP2D6 inhibitor"]
        ),
        (
            "Amitriptyline is a tricyclic antidepressant that inhibits the reuptake of serotonin.",
            ["mechanism amitriptyline→solute carrier family 6 member 4 reuptake_inhibitor"]
        ),
        (
            "The serotonin reuptake inhibitor fluoxetine was given.",
            ["mechanism fluoxetine→solute carrier family 6 member 4 reuptake_inhibitor"]
        ),
        ("Inhibition of CYP3A4 by ketoconazole raises exposure.", ["mechanism ketoconazole→CYP3A4 inhibitor"]),
        ("Tramadol, which is also a weak inhibitor of CYP2D6, was used.", ["mechanism tramadol→CYP2D6 inhibitor"]),
        (
            "Haloperidol antagonizes D2 receptors and 5-HT2A receptors.",
            ["mechanism haloperidol→DRD2 antagonist", "mechanism haloperidol→HTR2A antagonist"]
        ),
    ]

    @Test(.enabled(if: shippedReuptakeTargets != nil, "Lexicons/reuptake-targets.tsv is absent"), arguments: positives)
    func findsMechanisms(_ marked: String, _ expected: Set<String>) {
        let found = triples(marked)
        #expect(Set(found.map(\.summary)) == expected, "\(marked)")
        #expect(
            found.allSatisfy { $0.predicate == .mechanism && $0.subject.type == .drug && $0.object.type == .receptor }
        )
        #expect(found.allSatisfy { $0.rule.hasPrefix("mechanism.") && (0...1).contains($0.confidence) })
    }

    static let negatives: [String] = [
        "Serotonin and norepinephrine levels rise.",
        "Amitriptyline increases the levels of inhibitory neurotransmitters like norepinephrine.",
        "Amitriptyline modulates pain signaling pathways.",
        "Tianeptine enhances serotonin reuptake.",
        "Fluoxetine inhibits the metabolism of CYP2D6 substrates.",
        "Aspirin-induced asthma involves cyclooxygenase.",
        "Fluoxetine was compared with a D2 receptor antagonist.",
        "Sexual side effects caused by serotonin reuptake inhibitors were treated with sertraline.",
        "Microinjections of glutamate D2 receptor antagonists were made.",
        "Haloperidol and a new drug (the opener of sodium channels) were given.",
        "Patients taking haloperidol showed inhibition of CYP2D6 over time.",
        "Glutamate activates D2 receptors.",
        "Fluoxetine modulated CYP2D6 expression in cultured cells.",
        "Ketoconazole was bound to CYP3A4 in the assay.",
    ]

    @Test(.enabled(if: shippedReuptakeTargets != nil, "Lexicons/reuptake-targets.tsv is absent"), arguments: negatives)
    func findsNothing(_ marked: String) {
        #expect(triples(marked).map(\.summary) == [], "\(marked)")
    }

    @Test(.enabled(if: shippedReuptakeTargets != nil, "Lexicons/reuptake-targets.tsv is absent"))
    func transporterObjectsCarryTheNeurotransmitterSpan() throws {
        let document = Fixture.document("Duloxetine is a serotonin-norepinephrine reuptake inhibitor.")
        let found = extractor.process(document).triples
        #expect(found.map { text(of: $0.object, in: document) } == ["serotonin", "norepinephrine"])
        let first = try #require(found.first)
        #expect(first.object.type == .receptor)
        #expect(first.rule == "mechanism.reuptake")
        #expect(first.subject.name == "duloxetine")
    }

    @Test(.enabled(if: shippedReuptakeTargets != nil, "Lexicons/reuptake-targets.tsv is absent"))
    func negationAndHedging() throws {
        let not = try #require(triples("Sertraline does not inhibit CYP3A4.").first)
        #expect(not.negated)
        let may = try #require(triples("Sertraline may inhibit CYP2D6.").first)
        #expect(may.hedged)
        #expect(!may.negated)
    }

    @Test func malformedMapIsReported() {
        #expect(throws: RelateError.self) {
            try ReuptakeTargets(tsv: "term\ttarget_id\n", path: "x.tsv")
        }
        #expect(throws: RelateError.self) {
            try ReuptakeTargets(tsv: "term\ttarget_id\ttarget_symbol\ttarget_name\n\tHGNC:1\tA\tB\n", path: "x.tsv")
        }
    }
}

@Suite struct LinkTests {
    let extractor = MechanismExtractor(reuptakeTargets: ReuptakeTargets(targets: [:]))

    static let cases: [(String, Set<String>)] = [
        ("Fluoxetine, sertraline, H1 antagonists and MAO inhibitors were studied.", []),
        ("H1 receptor blockers, MAO inhibitors and others were excluded.", []),
        ("Diphenhydramine, an H1 antagonist, causes sedation.", ["mechanism diphenhydramine→HRH1 antagonist"]),
        ("Diphenhydramine (an H1 antagonist) causes sedation.", ["mechanism diphenhydramine→HRH1 antagonist"]),
        ("Tricyclic antidepressants and other drugs that inhibit CYP2D6 were avoided.", []),
    ]

    @Test(arguments: cases)
    func linksAndLists(_ marked: String, _ expected: Set<String>) {
        #expect(Set(extractor.process(Fixture.document(marked)).triples.map(\.summary)) == expected, "\(marked)")
    }
}

@Suite struct MechanismPhrasingTests {
    let extractor = MechanismExtractor(reuptakeTargets: ReuptakeTargets(targets: [:]))

    func triples(_ marked: String) -> [Triple] {
        extractor.process(Fixture.document(marked)).triples
    }

    static let positives: [(String, Set<String>)] = [
        ("CYP3A4 was strongly inhibited by ketoconazole.", ["mechanism ketoconazole→CYP3A4 inhibitor"]),
        ("In this assay D2 receptors are blocked by haloperidol.", ["mechanism haloperidol→DRD2 antagonist"]),
        (
            "CYP2D6 inhibition in liver microsomes by fluoxetine and sertraline was measured.",
            ["mechanism fluoxetine→CYP2D6 inhibitor", "mechanism sertraline→CYP2D6 inhibitor"]
        ),
        ("H1 receptor antagonism with diphenhydramine reduced the wheal.", ["mechanism diphenhydramine→HRH1 antagonist"]),
        ("The ketoconazole-inhibited CYP3A4 recovered slowly.", ["mechanism ketoconazole→CYP3A4 inhibitor"]),
        ("The inhibitory effect of sertraline on CYP2D6 was modest.", ["mechanism sertraline→CYP2D6 inhibitor"]),
        ("D2 receptor antagonists such as haloperidol were used.", ["mechanism haloperidol→DRD2 antagonist"]),
        ("Ketoconazole irreversibly inactivates CYP3A4 in vitro.", ["mechanism ketoconazole→CYP3A4 inhibitor"]),
        ("We saw stronger inhibition by ketoconazole of CYP3A4 in this model.", ["mechanism ketoconazole→CYP3A4 inhibitor"]),
        (
            "Fluoxetine ({FLX|fluoxetine}) and sertraline ({SRT|sertraline}) are known CYP2D6 inhibitors.",
            ["mechanism fluoxetine→CYP2D6 inhibitor", "mechanism sertraline→CYP2D6 inhibitor"]
        ),
        // Apposition over adjectives the link list does not hold.
        ("Ketoconazole, the archetypal strong inhibitor of CYP3A4, was used.", ["mechanism ketoconazole→CYP3A4 inhibitor"]),
        ("Haloperidol, a unique cardioselective D2 receptor antagonist, was given.", ["mechanism haloperidol→DRD2 antagonist"]),
        (
            "Fluoxetine and sertraline are more selective inhibitors of CYP2D6 than others.",
            ["mechanism fluoxetine→CYP2D6 inhibitor", "mechanism sertraline→CYP2D6 inhibitor"]
        ),
        ("Aripiprazole, a centrally and peripherally acting D2 receptor agonist, was given.", ["mechanism aripiprazole→DRD2 agonist"]),
        ("Haloperidol is expected to be an effective D2 receptor antagonist.", ["mechanism haloperidol→DRD2 antagonist"]),
        // A qualifier between the target and the agent noun.
        ("The D2 receptor partial agonist, aripiprazole, was given.", ["mechanism aripiprazole→DRD2 partial_agonist"]),
        ("We used the D2 receptor subtype-selective antagonists haloperidol.", ["mechanism haloperidol→DRD2 antagonist"]),
        ("The selective D2 receptor ligand haloperidol was used.", ["mechanism haloperidol→DRD2 binder"]),
        // Agents listed over compound codes the lexicon does not know.
        ("The D2 receptor antagonists GR32191 and haloperidol were given.", ["mechanism haloperidol→DRD2 antagonist"]),
        (
            "Other D2 receptor antagonists (haloperidol, WB4101 and aripiprazole) had no effect.",
            ["mechanism haloperidol→DRD2 antagonist", "mechanism aripiprazole→DRD2 antagonist"]
        ),
        // A process noun as the means of the clause's subject.
        ("Fluoxetine reduced the response by direct inhibition of CYP2D6.", ["mechanism fluoxetine→CYP2D6 inhibitor"]),
        ("Haloperidol acts through blockade of D2 receptors.", ["mechanism haloperidol→DRD2 antagonist"]),
        // The agent named after "a … inhibitor of Y".
        ("The effect was compared with a selective inhibitor of CYP3A4, ketoconazole.", ["mechanism ketoconazole→CYP3A4 inhibitor"]),
        // Targets joined by a slash before the agent noun.
        (
            "The dual CYP2D6/CYP3A4 inhibitor ketoconazole was given.",
            ["mechanism ketoconazole→CYP2D6 inhibitor", "mechanism ketoconazole→CYP3A4 inhibitor"]
        ),
        // A measured drug is no subject; a contrasted one is not coordinated.
        ("Ketoconazole, a drug that lowers sertraline levels, inhibits CYP3A4.", ["mechanism ketoconazole→CYP3A4 inhibitor"]),
        ("Unlike fluoxetine, ketoconazole inhibits CYP3A4.", ["mechanism ketoconazole→CYP3A4 inhibitor"]),
        (
            "Ketoconazole can lower the levels of sertraline by blocking CYP3A4.",
            ["mechanism ketoconazole→CYP3A4 blocker"]
        ),
        // "X-mediated inhibition of Y".
        ("We saw ketoconazole-mediated inhibition of CYP3A4 in cells.", ["mechanism ketoconazole→CYP3A4 inhibitor"]),
    ]

    /// Counterparts of the endogenous-signal negatives that keep the drug reading.
    static let signalPositives: [(String, Set<String>)] = [
        ("{Dibotermin alfa|Dibotermin alfa} inhibits CYP3A4 in these cells.", ["mechanism Dibotermin alfa→CYP3A4 inhibitor"]),
        ("{rhBMP-2|Dibotermin alfa} inhibits CYP3A4 in these cells.", ["mechanism Dibotermin alfa→CYP3A4 inhibitor"]),
        ("The {gonadorelin|Gonadorelin}-induced activation of CYP3A4 was small.", ["mechanism Gonadorelin→CYP3A4 activator"]),
        ("{LEP|leptin} activates CYP3A4 in these cells.", ["mechanism leptin→CYP3A4 activator"]),
        ("{Secretagogues|Secretagogues} activate CYP3A4 in these cells.", ["mechanism Secretagogues→CYP3A4 activator"]),
    ]

    @Test(arguments: signalPositives)
    func keepsDrugsNamedAsDrugs(_ marked: String, _ expected: Set<String>) {
        #expect(Set(triples(marked).map(\.summary)) == expected, "\(marked)")
    }

    @Test(arguments: positives)
    func findsMechanisms(_ marked: String, _ expected: Set<String>) {
        #expect(Set(triples(marked).map(\.summary)) == expected, "\(marked)")
    }

    static let negatives: [String] = [
        "CYP3A4 activity was inhibited by half in the presence of serum.",
        "The inhibitory effect of fasting on CYP3A4 was small.",
        "CYP2D6 inhibition was stronger than expected, and haloperidol was stopped.",
        "Ketoconazole inhibits CYP3A4 gene expression in these cells.",
        "Ketoconazole was given before the inhibited CYP3A4 recovered.",
        "Sertraline inhibited CYP2D6 (hepatic) production in the model.",
        "Haloperidol, a drug given with inhibitors of CYP2D6, was studied.",
        "Ketoconazole, a drug that is not an inhibitor of CYP2D6, was studied.",
        "Haloperidol was stopped; the effect was then lost by inhibition of CYP2D6.",
        "Ketoconazole-stimulated CYP3A4 phosphorylation was measured.",
        "Interleukin-10 activates CYP3A4 in these cells.",
        "The effect of a D2 receptor ligand, haloperidol, was small.",
        "{It|^interleukin-10} activates CYP3A4 in these cells.",
        "After stimulation with tricyclic antidepressants, the cells secreted more through inhibition of CYP2D6.",
        "We used the indirect CYP3A4 inhibitor ketoconazole.",
        "Ketoconazole-activated protein kinase was measured.",
        "Haloperidol (IC50 = 2 nM) and the D2 receptor antagonist GR12345 were compared.",
        "Ketoconazole inhibited CYP3A4 phosphorylation in these cells.",
        // A superfamily is too broad to be a target.
        "Ketoconazole, a kinase inhibitor, was given.",
        "Ketoconazole inhibits kinases in these cells.",
        // Endogenous signal proteins: a recombinant protein's concept under the protein's own
        // name, a vaccine, a subject said to be secreted, a subject whose own receptor is named.
        "{BMP-2|Dibotermin alfa} inhibits CYP3A4 in these cells.",
        "The {GnRH|Gonadorelin}-induced activation of CYP3A4 was small.",
        "{GnRH|GnRH pharmaccine} activates CYP3A4 in these cells.",
        "{LEP|leptin}, secreted from fat cells, activates CYP3A4.",
        "{LEP|leptin} binds to {LEPR|LEPR}, activating CYP3A4 in these cells.",
        // A participle after a class describes the class.
        "The cells responded to {secretagogues|Secretagogues} activating CYP3A4.",
    ]

    @Test(arguments: negatives)
    func findsNothing(_ marked: String) {
        #expect(triples(marked).map(\.summary) == [], "\(marked)")
    }

    @Test func abbreviationsInParenthesesGiveATripleEach() {
        let document = Fixture.document(
            "Ketoconazole ({KTZ|ketoconazole}), a potent inhibitor of the serotonin transporter ({SERT|SLC6A4}), was given."
        )
        let found = extractor.process(document).triples
        let pairs = Set(found.map { "\(text(of: $0.subject, in: document))→\(text(of: $0.object, in: document))" })
        #expect(
            pairs == [
                "Ketoconazole→serotonin transporter", "Ketoconazole→SERT", "KTZ→serotonin transporter", "KTZ→SERT",
            ]
        )
        #expect(found.allSatisfy { $0.qualifier == "inhibitor" })
    }

    @Test func longFormAndAbbreviationBeforeTheNoun() {
        let document = Fixture.document(
            "Sertraline, a highly selective once-daily oral {serotonin transporter|SLC6A4} ({SERT|SLC6A4}) inhibitor, was given."
        )
        let found = extractor.process(document).triples
        #expect(Set(found.map { text(of: $0.object, in: document) }) == ["serotonin transporter", "SERT"])
        #expect(found.allSatisfy { $0.qualifier == "inhibitor" && $0.subject.name == "sertraline" })
    }

    @Test func drugBeforeAParenthesisWithItsBrandName() {
        let document = Fixture.document(
            "Ketoconazole ({KTZ-1|ketoconazole}, {Nizoral|ketoconazole}) is the first oral inhibitor of CYP3A4 we tested."
        )
        let found = extractor.process(document).triples
        let subjects = Set(found.map { text(of: $0.subject, in: document) })
        #expect(subjects.contains("Ketoconazole") && subjects.contains("Nizoral"))
        #expect(found.allSatisfy { $0.qualifier == "inhibitor" && $0.object.name == "CYP3A4" })
    }

    @Test func abbreviatedTargetBeforeTheNoun() {
        let document = Fixture.document("The serotonin transporter ({SERT|SLC6A4}) inhibitor fluoxetine was given.")
        let found = extractor.process(document).triples
        #expect(Set(found.map { text(of: $0.object, in: document) }) == ["serotonin transporter", "SERT"])
        #expect(Set(found.map(\.summary)) == ["mechanism fluoxetine→SLC6A4 inhibitor"])
    }
}
