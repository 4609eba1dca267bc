import PharmineCore
import PharmineLexicon
import Testing

@Suite struct MatcherTests {
    @Test(arguments: [
        // Leftmost-longest: the longer term wins over the shorter one inside it.
        ("chronic heart failure", ["heart failure=MESH:D006333"]),
        ("post-herpetic neuralgia", ["post-herpetic neuralgia=MESH:D051474"]),
        ("neuralgia", ["neuralgia=MESH:D009437"]),
        // A target (or condition) named after a chemical also yields the chemical it begins with.
        ("insulin receptor", ["insulin=DRUGBANK:DB00030", "insulin receptor=HGNC:6081"]),
        ("chronic tension headaches", ["chronic tension headaches=MESH:D018781"]),
        // Hyphen and space variants, in both directions (the lexicon has "Post-herpetic
        // neuralgia" and the un-inverted "Postherpetic Neuralgia").
        ("postherpetic neuralgia", ["postherpetic neuralgia=MESH:D051474"]),
        ("post herpetic neuralgia", ["post herpetic neuralgia=MESH:D051474"]),
        ("Post-Herpetic Neuralgias", ["Post-Herpetic Neuralgias=MESH:D051474"]),
        ("tension-type headache", ["tension-type headache=MESH:D018781"]),
        ("tension type headache", ["tension type headache=MESH:D018781"]),
        // MeSH inversion undone
        ("acute myeloid leukemia", ["acute myeloid leukemia=MESH:D015470"]),
        ("acute myeloid leukaemia", ["acute myeloid leukaemia=MESH:D015470"]),
        ("type 2 diabetes mellitus", ["type 2 diabetes mellitus=MESH:D003924"]),
        // Possessives
        ("Parkinson's disease", ["Parkinson's disease=MESH:D010300"]),
        ("Parkinson disease", ["Parkinson disease=MESH:D010300"]),
        ("Parkinsons disease", ["Parkinsons disease=MESH:D010300"]),
        ("Parkinson’s disease", ["Parkinson’s disease=MESH:D010300"]),
        ("Huntington chorea", ["Huntington chorea=MESH:D006816"]),
        // Plural, British spelling, Greek letters, markup in the lexicon
        ("migraines", ["migraines=MESH:D008881"]),
        ("diabetic neuropathies", ["diabetic neuropathies=MESH:D003929"]),
        ("anaemia", ["anaemia=MESH:D000740"]),
        ("beta2-adrenergic receptors", ["beta2-adrenergic receptors=HGNC:286"]),
        ("β2 adrenergic receptor", ["β2 adrenergic receptor=HGNC:286"]),
        ("Beta-2-adrenergic receptor", ["Beta-2-adrenergic receptor=HGNC:286"]),
        ("TNF-alpha", ["TNF-alpha=HGNC:11996"]),
        ("tumour necrosis factor", ["tumour necrosis factor=HGNC:11996"]),
        ("the H1 receptor", ["H1 receptor=HGNC:5182"]),
        ("tricyclic antidepressants", ["tricyclic antidepressants=TEST:TCA"]),
        ("paracetamol", ["paracetamol=DRUGBANK:DB00316"]),
        // Token boundaries: no match inside a word
        ("neuralgiaform amitriptylines", ["amitriptylines=DRUGBANK:DB00321"]),
        ("preheart failure", []),
        ("", []),
    ])
    func matches(text: String, expected: [String]) {
        #expect(LexiconFixture.render(text) == expected)
    }

    @Test(arguments: [
        // Short all-capital forms match only with their exact case.
        ("patients with AIDS", ["AIDS=MESH:D000163"]),
        ("hearing aids", []),
        ("Aids", []),
        ("CYP2D6 and cyp2d6", ["CYP2D6=HGNC:2625", "cyp2d6=HGNC:2625"]),
        ("ACE inhibitors", ["ACE=HGNC:2707"]),
        ("an ace player", []),
        ("H1 and h1", ["H1=HGNC:5182"]),
        ("T2DM", ["T2DM=MESH:D003924"]),
        ("t2dm", []),
        // Curation case_sensitive
        ("NET inhibition", ["NET=HGNC:11048"]),
        ("the net effect", []),
        ("Net", []),
    ])
    func caseSensitiveForms(text: String, expected: [String]) {
        #expect(LexiconFixture.render(text) == expected)
    }

    @Test(arguments: [
        ("this may lead to", []),
        ("lead acetate", ["lead acetate=TEST:LEAD"]),
        ("Nerve pain", []),
        ("neuropathic pain", ["neuropathic pain=MESH:D009437"]),
    ])
    func curationExclude(text: String, expected: [String]) {
        #expect(LexiconFixture.render(text) == expected)
    }

    @Test func excludingASingularKeepsTheLexiconsPlural() {
        let lexicon = Lexicon(
            entries: [
                LexiconEntry(id: "TEST:DIUR", type: .drug, name: "Diuretics", synonyms: ["diuretic", "diuretics"], flags: ["class"])
            ],
            curation: [CurationRule(term: "diuretic", type: .drug, action: .exclude, reason: "an adjective")]
        )
        let matcher = Matcher(lexicon: lexicon)
        #expect(LexiconFixture.render("a diuretic effect", matcher: matcher) == [])
        #expect(LexiconFixture.render("thiazides and other diuretics", matcher: matcher) == ["diuretics=TEST:DIUR"])
        // Capitalised at the start of a sentence, but in no other case.
        #expect(LexiconFixture.render("Diuretics: may raise lithium levels", matcher: matcher) == ["Diuretics=TEST:DIUR"])
        #expect(LexiconFixture.render("DIURETICS", matcher: matcher) == [])
    }

    @Test func aLetterJoinedByAHyphenIsNoFunctionWord() {
        // "TNF-a" and "a-tubulin" end or begin with "a", a function word when it stands alone.
        let lexicon = Lexicon(
            entries: [
                LexiconEntry(id: "TEST:TNF", type: .receptor, name: "tumor necrosis factor", synonyms: ["TNF-a"]),
                LexiconEntry(id: "TEST:TUBA", type: .receptor, name: "tubulin alpha", synonyms: ["a-tubulin"]),
                LexiconEntry(id: "TEST:EXT", type: .drug, name: "extract", synonyms: ["extract of"]),
                LexiconEntry(id: "TEST:ATM", type: .receptor, name: "ATM kinase", synonyms: ["A-T Protein", "VEGF-AS"]),
            ]
        )
        let matcher = Matcher(lexicon: lexicon)
        #expect(LexiconFixture.render("TNF-a and a-tubulin levels", matcher: matcher) == ["TNF-a=TEST:TNF", "a-tubulin=TEST:TUBA"])
        #expect(LexiconFixture.render("TNFa levels", matcher: matcher) == ["TNFa=TEST:TNF"])
        // Only joined: the word standing alone in text is a function word again.
        #expect(LexiconFixture.render("TNF a and a tubulin", matcher: matcher) == [])
        // Other function words, or a joined neighbour shorter than three characters, stay fragments.
        #expect(LexiconFixture.render("seen at protein level", matcher: matcher) == [])
        #expect(LexiconFixture.render("VEGF as a marker", matcher: matcher) == [])
        // A spaced function word at the end is still a fragment.
        #expect(LexiconFixture.render("an extract of willow", matcher: matcher) == ["extract=TEST:EXT"])
    }

    @Test func aSingularExcludedInAnotherSpellingKeepsThePlural() {
        // The British rule reaches the American plural through spelling folding; the plural stays.
        let lexicon = Lexicon(
            entries: [LexiconEntry(id: "TEST:ANES", type: .drug, name: "Anesthetics", synonyms: ["anesthetic"], flags: ["class"])],
            curation: [
                CurationRule(term: "anesthetic", type: .drug, action: .exclude, reason: "an adjective"),
                CurationRule(term: "anaesthetic", type: .drug, action: .exclude, reason: "an adjective"),
            ]
        )
        let matcher = Matcher(lexicon: lexicon)
        #expect(LexiconFixture.render("an anesthetic agent", matcher: matcher) == [])
        #expect(LexiconFixture.render("local anesthetics were given", matcher: matcher) == ["anesthetics=TEST:ANES"])
    }

    @Test(arguments: [
        ("Amitriptyline Hydrochloride is", ["Amitriptyline Hydrochloride=DRUGBANK:DB00321"]),
        ("amitriptyline hydrochloride tablets", ["amitriptyline hydrochloride=DRUGBANK:DB00321"]),
        ("risperidone HCl extended-release tablets", ["risperidone HCl=DRUGBANK:DB00734"]),
        ("a risperidone infusion was started", ["risperidone=DRUGBANK:DB00734"]),
        ("Histamine dihydrochloride", ["Histamine dihydrochloride=DRUGBANK:DB05381"]),
        ("hydrochloride", []),
        ("risperidone, hydrochloride", ["risperidone=DRUGBANK:DB00734"]),
    ])
    func saltExtensionLeavesDosageFormsOut(text: String, expected: [String]) {
        #expect(LexiconFixture.render(text) == expected)
    }

    @Test(arguments: [
        ("histamine and muscarinic receptors", ["histamine=FPLX:HRH", "muscarinic receptors=FPLX:CHRM"]),
        ("H1 and H2 receptors", ["H1=HGNC:5182", "H2 receptors=HGNC:5183"]),
        ("H1/H2 receptor", ["H1=HGNC:5182", "H2 receptor=HGNC:5183"]),
        // Bracketed subtypes, as papers typeset subscripts.
        ("H(1) and H(2) receptors", ["H(1)=HGNC:5182", "H(2) receptors=HGNC:5183"]),
        ("serotonin and norepinephrine transporters", [
            "serotonin=HGNC:11050", "norepinephrine=DRUGBANK:DB00368", "norepinephrine transporters=HGNC:11048",
        ]),
        ("type 1 and type 2 diabetes", ["type 1=MESH:D003922", "type 2 diabetes=MESH:D003924"]),
        ("type 1 and/or type 2 diabetes", ["type 1=MESH:D003922", "type 2 diabetes=MESH:D003924"]),
        // No ellipsis: "histamine" alone is the drug.
        ("histamine and the muscarinic receptors", [
            "histamine=DRUGBANK:DB05381", "muscarinic receptors=FPLX:CHRM",
        ]),
        ("histamine release", ["histamine=DRUGBANK:DB05381"]),
        // A list.
        ("H1, H2 and muscarinic receptors", ["H1=HGNC:5182", "H2=HGNC:5183", "muscarinic receptors=FPLX:CHRM"]),
    ])
    func coordinationEllipsis(text: String, expected: [String]) {
        #expect(LexiconFixture.render(text) == expected)
    }

    @Test func coordinationCanBeTurnedOff() {
        let matcher = Matcher(lexicon: LexiconFixture.lexicon, options: MatcherOptions(resolvesCoordination: false))
        #expect(LexiconFixture.render("histamine and muscarinic receptors", matcher: matcher) == [
            "histamine=DRUGBANK:DB05381", "muscarinic receptors=FPLX:CHRM",
        ])
    }

    @Test func ambiguityIsResolvedDeterministically() {
        // Two conditions share "Depression": the concept whose preferred name it is wins.
        #expect(LexiconFixture.render("Depression") == ["Depression=MESH:D003863"])
        // A drug and a receptor share "insulin": the type priority (drug first) decides.
        #expect(LexiconFixture.render("insulin") == ["insulin=DRUGBANK:DB00030"])
        let receptorsFirst = Matcher(
            lexicon: LexiconFixture.lexicon,
            options: MatcherOptions(typePriority: [.receptor, .drug, .condition])
        )
        #expect(LexiconFixture.render("insulin", matcher: receptorsFirst) == ["insulin=HGNC:6086"])
        let allTypes = Matcher(lexicon: LexiconFixture.lexicon, options: MatcherOptions(keepsAllTypes: true))
        #expect(LexiconFixture.render("insulin", matcher: allTypes) == ["insulin=DRUGBANK:DB00030", "insulin=HGNC:6086"])
        #expect(LexiconFixture.render("Depression", matcher: allTypes) == ["Depression=MESH:D003863"])
    }

    @Test func theResultDoesNotDependOnEntryOrder() {
        let lexicon = LexiconFixture.lexicon
        let reversed = Lexicon(entries: lexicon.entries.reversed(), curation: lexicon.curation, drugForms: lexicon.drugForms)
        let text = "Depression, insulin, AIDS and histamine and muscarinic receptors in post-herpetic neuralgia"
        let forward = LexiconFixture.render(text)
        #expect(LexiconFixture.render(text, matcher: Matcher(lexicon: reversed)) == forward)
        #expect(forward.count == 6)
    }

    @Test func statisticsAreFilled() {
        let statistics = LexiconFixture.matcher.statistics
        #expect(statistics.surfaceForms > 80)
        #expect(statistics.sequences >= statistics.surfaceForms)
        #expect(statistics.vocabularySize > 50)
        #expect(statistics.excluded == 2)
        #expect(statistics.caseSensitive >= 8)
    }
}
