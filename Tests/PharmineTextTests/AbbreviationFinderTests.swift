import PharmineCore
import PharmineText
import Testing

/// One abbreviation case: a sentence and the definition it holds (nil: none).
struct AbbreviationCase: CustomTestStringConvertible, Sendable {
    let text: String
    let short: String?
    let long: String?
    var testDescription: String { text }

    init(_ text: String, _ short: String? = nil, _ long: String? = nil) {
        self.text = text
        self.short = short
        self.long = long
    }
}

@Suite("AbbreviationFinder")
struct AbbreviationFinderTests {
    static let cases: [AbbreviationCase] = [
        AbbreviationCase(
            "Amitriptyline is used for post-herpetic neuralgia (PHN) in older adults.",
            "PHN",
            "post-herpetic neuralgia"
        ),
        AbbreviationCase(
            "Patients had taken selective serotonin reuptake inhibitors (SSRIs) before.",
            "SSRIs",
            "selective serotonin reuptake inhibitors"
        ),
        AbbreviationCase(
            "Older tricyclic antidepressants (TCAs) are sedating.",
            "TCAs",
            "tricyclic antidepressants"
        ),
        AbbreviationCase(
            "Levels of 5-hydroxytryptamine (5-HT) rose.",
            "5-HT",
            "5-hydroxytryptamine"
        ),
        AbbreviationCase(
            "The PHN (post-herpetic neuralgia) group improved.",
            "PHN",
            "post-herpetic neuralgia"
        ),
        AbbreviationCase(
            "It blocks the serotonin transporter (SERT; also called SLC6A4).",
            "SERT",
            "serotonin transporter"
        ),
        AbbreviationCase(
            "Results are given as odds ratio (OR) with intervals.",
            "OR",
            "odds ratio"
        ),
        AbbreviationCase(
            "Rats were given diethylnitrosamine (DEN: 10 mg/kg) once.",
            "DEN",
            "diethylnitrosamine"
        ),
        AbbreviationCase("Serum testosterone (T) fell after dosing.", "T", "testosterone"),
        AbbreviationCase("The ratio was fixed (5:1) in both arms."),
        AbbreviationCase("Scores were lower in group (a) than in controls."),
        AbbreviationCase("Pain fell more with amitriptyline (p < 0.05) than placebo."),
        AbbreviationCase("Twelve patients were randomised (n = 12) to each arm."),
        AbbreviationCase("Plasma levels rose sharply (Fig. 2) after dosing."),
        AbbreviationCase("This was first described by Smith and Jones (2004) in rats."),
        AbbreviationCase("Doses were low (10 mg) in the elderly."),
        AbbreviationCase("The drug was well tolerated (see above) by most."),
        AbbreviationCase("Sedation was the main complaint (mild) in the study."),
        AbbreviationCase("Treatment with (PHN) alone was not described."),
    ]

    @Test("finds long form (short form) definitions", arguments: cases)
    func finds(_ item: AbbreviationCase) throws {
        let text = item.text
        let found = AbbreviationFinder().find(in: text, sentences: [0..<text.utf8.count], passage: 2)
        guard let short = item.short, let long = item.long else {
            #expect(found.isEmpty, "unexpected: \(found.map { "\($0.long) (\($0.short))" })")
            return
        }
        try #require(found.count == 1)
        let definition = found[0]
        #expect(definition.short == short)
        #expect(definition.long == long)
        #expect(definition.passage == 2)
        let bytes = Array(text.utf8)
        #expect(String(decoding: bytes[definition.shortStart..<definition.shortEnd], as: UTF8.self) == short)
        #expect(String(decoding: bytes[definition.longStart..<definition.longEnd], as: UTF8.self) == long)
    }

    @Test("a definition never crosses a sentence")
    func staysInSentence() {
        let text = "Post-herpetic neuralgia is painful. Then (PHN) follows."
        let sentences = SentenceSplitter().split(text)
        #expect(sentences.count == 2)
        let found = AbbreviationFinder().find(in: text, sentences: sentences, passage: 0)
        #expect(found.isEmpty)
    }

    @Test("finds definitions in every passage of a document, with UTF-8 spans")
    func document() throws {
        var document = Document(id: "d", format: .text, origin: Origin(file: "d.txt", index: 0))
        document.passages = [
            Passage(label: "title", text: "Amitriptyline in post-herpetic neuralgia"),
            Passage(label: "abstract", text: "Na\u{EF}ve rats had gamma-aminobutyric acid (GABA) measured."),
        ]
        document.sentences = [
            Sentence(passage: 0, start: 0, end: document.passages[0].text.utf8.count, tokens: 0..<0),
            Sentence(passage: 1, start: 0, end: document.passages[1].text.utf8.count, tokens: 0..<0),
        ]
        let found = AbbreviationFinder().find(in: document)
        try #require(found.count == 1)
        #expect(found[0].passage == 1)
        #expect(found[0].short == "GABA")
        #expect(found[0].long == "gamma-aminobutyric acid")
        let bytes = Array(document.passages[1].text.utf8)
        #expect(String(decoding: bytes[found[0].longStart..<found[0].longEnd], as: UTF8.self) == found[0].long)
    }
}
