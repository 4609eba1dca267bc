import PharmineText
import Testing

/// One splitting case: a passage and the sentences it must give.
struct SplitCase: CustomTestStringConvertible, Sendable {
    let text: String
    let sentences: [String]
    var testDescription: String { String(text.prefix(40)) }

    init(_ text: String, _ sentences: [String]) {
        self.text = text
        self.sentences = sentences
    }
}

@Suite("SentenceSplitter")
struct SentenceSplitterTests {
    static let cases: [SplitCase] = [
        SplitCase(
            "Tricyclics relieve neuropathic pain. SSRIs are less effective.",
            ["Tricyclics relieve neuropathic pain.", "SSRIs are less effective."]
        ),
        SplitCase(
            "Several agents, e.g. Amitriptyline and nortriptyline, were tested. Both helped.",
            ["Several agents, e.g. Amitriptyline and nortriptyline, were tested.", "Both helped."]
        ),
        SplitCase(
            "Serotonergic drugs (i.e. SSRIs) were excluded. Others were kept.",
            ["Serotonergic drugs (i.e. SSRIs) were excluded.", "Others were kept."]
        ),
        SplitCase(
            "Amitriptyline vs. Placebo was compared in 40 patients. Pain fell.",
            ["Amitriptyline vs. Placebo was compared in 40 patients.", "Pain fell."]
        ),
        SplitCase(
            "As Smith et al. Reported in a trial, doses were low. Later work agreed.",
            ["As Smith et al. Reported in a trial, doses were low.", "Later work agreed."]
        ),
        SplitCase(
            "The half-life is approx. 25 h in adults. It is longer in the elderly.",
            ["The half-life is approx. 25 h in adults.", "It is longer in the elderly."]
        ),
        SplitCase(
            "Plasma levels rose (Fig. 2). Figs. 3 and 4 show the doses.",
            ["Plasma levels rose (Fig. 2).", "Figs. 3 and 4 show the doses."]
        ),
        SplitCase(
            "This was reported earlier (see Ref. 12). No. 7 was the largest trial.",
            ["This was reported earlier (see Ref. 12).", "No. 7 was the largest trial."]
        ),
        SplitCase(
            "Patients were seen by Dr. Jones weekly. None withdrew.",
            ["Patients were seen by Dr. Jones weekly.", "None withdrew."]
        ),
        SplitCase(
            "The trial ran for ca. 12 weeks (cf. Table 1). Dropout was low.",
            ["The trial ran for ca. 12 weeks (cf. Table 1).", "Dropout was low."]
        ),
        SplitCase(
            "The first study was led by J. Smith and colleagues. It was small.",
            ["The first study was led by J. Smith and colleagues.", "It was small."]
        ),
        SplitCase(
            "Deficiency of vitamin C. Patients with scurvy were excluded.",
            ["Deficiency of vitamin C.", "Patients with scurvy were excluded."]
        ),
        SplitCase(
            "A dose of 5.2 mg was given. Levels peaked at 2 h.",
            ["A dose of 5.2 mg was given.", "Levels peaked at 2 h."]
        ),
        SplitCase(
            "Pain scores fell (p < 0.05). The effect lasted.",
            ["Pain scores fell (p < 0.05).", "The effect lasted."]
        ),
        SplitCase(
            "Infections with E. coli and S. aureus were treated. Cure rates were high.",
            ["Infections with E. coli and S. aureus were treated.", "Cure rates were high."]
        ),
        SplitCase(
            "Rats received 10 mg/kg. The controls received saline.",
            ["Rats received 10 mg/kg.", "The controls received saline."]
        ),
        SplitCase(
            "The results were mixed... Further studies are needed.",
            ["The results were mixed... Further studies are needed."]
        ),
        SplitCase(
            "The results were mixed\u{2026} Further studies are needed.",
            ["The results were mixed\u{2026} Further studies are needed."]
        ),
        SplitCase(
            "The effect was weak. and it faded.",
            ["The effect was weak. and it faded."]
        ),
        SplitCase(
            "Sedation was common. 25 patients withdrew.",
            ["Sedation was common.", "25 patients withdrew."]
        ),
        SplitCase(
            "Was it effective? Yes, in most patients! Side effects were mild.",
            ["Was it effective?", "Yes, in most patients!", "Side effects were mild."]
        ),
        SplitCase(
            "He said \"the pain is gone.\" Then he slept.",
            ["He said \"the pain is gone.\"", "Then he slept."]
        ),
        SplitCase(
            "Doses were titrated (to effect.) Patients tolerated them.",
            ["Doses were titrated (to effect.)", "Patients tolerated them."]
        ),
        SplitCase(
            "Tricyclics block reuptake.[12] Their use is declining.",
            ["Tricyclics block reuptake.[12]", "Their use is declining."]
        ),
        SplitCase(
            "Amitriptyline was given to patients with\nneuropathic pain and\nFibromyalgia in this study.",
            ["Amitriptyline was given to patients with\nneuropathic pain and\nFibromyalgia in this study."]
        ),
        SplitCase(
            "First paragraph without a stop\n\nSecond paragraph here.",
            ["First paragraph without a stop", "Second paragraph here."]
        ),
        SplitCase(
            "MEDICATIONS\namitriptyline 25 mg at night\nALLERGIES: none",
            ["MEDICATIONS", "amitriptyline 25 mg at night", "ALLERGIES: none"]
        ),
        SplitCase(
            "Plan:\n- start amitriptyline 10 mg\n- review in 4 weeks\n1. check ECG\n2) repeat labs",
            ["Plan:", "- start amitriptyline 10 mg", "- review in 4 weeks", "1. check ECG", "2) repeat labs"]
        ),
        SplitCase(
            "History of migraine since youth\nMedications: propranolol",
            ["History of migraine since youth", "Medications: propranolol"]
        ),
        SplitCase(
            "  Leading and trailing space are dropped.   ",
            ["Leading and trailing space are dropped."]
        ),
        SplitCase(
            "Levels of 5-HT2A. The receptor was blocked.",
            ["Levels of 5-HT2A.", "The receptor was blocked."]
        ),
        SplitCase(
            "Drugs approved in the U.S. Are listed below.",
            ["Drugs approved in the U.S. Are listed below."]
        ),
        SplitCase(
            "The \u{3B2}-blocker failed. \u{3B1}-Agonists helped.",
            ["The \u{3B2}-blocker failed.", "\u{3B1}-Agonists helped."]
        ),
        SplitCase(
            "Use was limited. \u{DC}berdosierung is rare.",
            ["Use was limited.", "\u{DC}berdosierung is rare."]
        ),
        SplitCase(
            "Windows text ends lines.\r\n\r\nThen a new paragraph.",
            ["Windows text ends lines.", "Then a new paragraph."]
        ),
        SplitCase("", []),
        SplitCase("   \n\n  ", []),
    ]

    @Test("splits biomedical prose", arguments: cases)
    func splits(_ item: SplitCase) {
        let spans = SentenceSplitter().split(item.text)
        let bytes = Array(item.text.utf8)
        let sentences = spans.map { String(decoding: bytes[$0], as: UTF8.self) }
        #expect(sentences == item.sentences)
    }

    @Test("spans are ordered, disjoint and trimmed")
    func spanInvariants() {
        let text = " Intro.  \n\n Next one here.\tAnd a third one!  "
        let spans = SentenceSplitter().split(text)
        let bytes = Array(text.utf8)
        #expect(spans.count == 3)
        for (index, span) in spans.enumerated() {
            #expect(!span.isEmpty)
            #expect(bytes[span.lowerBound] != UInt8(ascii: " "))
            #expect(bytes[span.upperBound - 1] != UInt8(ascii: " "))
            if index > 0 { #expect(spans[index - 1].upperBound <= span.lowerBound) }
        }
    }

    @Test("offsets are UTF-8 bytes")
    func utf8Offsets() {
        let text = "Caf\u{E9} au lait spots. Na\u{EF}ve rats were used."
        let spans = SentenceSplitter().split(text)
        #expect(spans == [0..<20, 21..<43])
    }
}
