import PharmineContext
import PharmineCore
import PharmineRelate
import Testing

/// Mechanisms through a drug class named for its target (ClassMechanismRules): the class
/// mention holds a receptor mention for its target, as the matcher makes it.
@Suite struct ClassMechanismTests {
    let extractor = MechanismExtractor(reuptakeTargets: ReuptakeTargets(targets: [:]))

    /// Targets inside class names: the class's surface text and the target's concept.
    static let targets: [(surface: String, concept: String)] = [
        ("COX-2", "PTGS2"), ("ACE", "ACE"), ("5-HT3", "HTR3A"), ("beta1-adrenoceptor", "ADRB1"),
    ]

    /// The triples of a sentence, with a receptor mention added inside every class mention that
    /// starts with one of ``targets``.
    func triples(_ text: String) -> Set<String> {
        var document = Fixture.document(text)
        let bytes = Array(text.utf8)
        var nested: [Mention] = []
        for mention in document.mentions where mention.type == .drug && mention.isClass {
            let covered = String(decoding: bytes[mention.start..<mention.end], as: UTF8.self)
            guard let target = Self.targets.first(where: { covered.hasPrefix($0.surface) }),
                let concept = TestLexicon.concept(named: target.concept)
            else { continue }
            var inside = mention
            inside.type = .receptor
            inside.id = concept.id
            inside.name = concept.name
            inside.isClass = false
            inside.end = mention.start + target.surface.utf8.count
            nested.append(inside)
        }
        document.mentions = (document.mentions + nested).sorted { ($0.start, $0.end) < ($1.start, $1.end) }
        return Set(extractor.process(document).triples.filter { !$0.negated }.map(\.summary))
    }

    static let positives: [(String, Set<String>)] = [
        ("Celecoxib, a selective COX-2 inhibitor, relieved the pain.", ["mechanism celecoxib→PTGS2 inhibitor"]),
        // A target joined to the class by a slash.
        (
            "We gave the mixed CYP3A4/COX-2 inhibitor celecoxib.",
            ["mechanism celecoxib→PTGS2 inhibitor", "mechanism celecoxib→CYP3A4 inhibitor"]
        ),
        // The class set off by a comma, adjectives after its article.
        ("The pain eased with a selective COX-2 inhibitor, celecoxib.", ["mechanism celecoxib→PTGS2 inhibitor"]),
        // A parenthesis with a ";" between the drug and its class.
        (
            "Pain eased with celecoxib (200 mg; twice daily), a COX-2 inhibitor.",
            ["mechanism celecoxib→PTGS2 inhibitor"]
        ),
        ("Celecoxib is a COX-2 inhibitor.", ["mechanism celecoxib→PTGS2 inhibitor"]),
        ("The 5-HT3 antagonist ondansetron prevented vomiting.", ["mechanism ondansetron→HTR3A antagonist"]),
        (
            "ACE inhibitors such as captopril and enalapril lower blood pressure.",
            ["mechanism captopril→ACE inhibitor", "mechanism enalapril→ACE inhibitor"]
        ),
        ("Captopril (an ACE inhibitor) was given daily.", ["mechanism captopril→ACE inhibitor"]),
        // A determiner, the class, a comma and one drug set off.
        ("It improved with the COX-2 inhibitor, celecoxib, in one week.", ["mechanism celecoxib→PTGS2 inhibitor"]),
        // … or at the end of the sentence.
        ("Relief came with the COX-2 inhibitor, celecoxib.", ["mechanism celecoxib→PTGS2 inhibitor"]),
        // The drug in parentheses after a code name, then the apposition.
        ("The trial of RX100 (celecoxib), a selective COX-2 inhibitor, ended.", ["mechanism celecoxib→PTGS2 inhibitor"]),
        // Members listed after a colon.
        (
            "Two ACE inhibitors: captopril and enalapril.",
            ["mechanism captopril→ACE inhibitor", "mechanism enalapril→ACE inhibitor"]
        ),
        // Only the drug the class introduces, not the subject of the clause before.
        (
            "Captopril lowered blood pressure, but ACE inhibitors such as enalapril were not tested.",
            ["mechanism enalapril→ACE inhibitor"]
        ),
        // A blocker of a receptor is its antagonist.
        ("Metoprolol is a selective beta1-adrenoceptor blocker.", ["mechanism metoprolol→ADRB1 antagonist"]),
    ]

    @Test(arguments: positives)
    func classWithNamedDrugGivesMechanism(_ text: String, _ expected: Set<String>) {
        #expect(triples(text) == expected, "\(text)")
    }

    static let negatives: [String] = [
        // A class statement without a named drug.
        "COX-2 inhibitors reduce the risk of ulcers.",
        // Drugs beside a class, not said to be of it.
        "Patients received captopril or ACE inhibitors.",
        "Celecoxib and COX-2 inhibitors were compared.",
        // A comma after the class starts a list, not an apposition.
        "We gave ACE inhibitors, captopril and aspirin.",
        // Negated: not an ACE inhibitor.
        "Acetylcysteine (not an ACE inhibitor) was added.",
    ]

    @Test(arguments: negatives)
    func noMechanismWithoutANamedMember(_ text: String) {
        #expect(triples(text).isEmpty, "\(text)")
    }
}
