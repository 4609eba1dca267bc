import PharmineCore
import PharmineText
import Testing

/// Fixtures that exercise most rules of the text stage at once: biomedical abbreviations and
/// numbers, citations, initials, designations, Greek and other non-ASCII letters, typographic
/// quotes, no-break spaces, ellipses, and clinical layout with headers, lists and blank lines.
enum LockFixtures {
    static let title =
        "Amitriptyline versus gabapentin for post-herpetic neuralgia (PHN): a randomised trial in the U.S. and the E.U."

    static let abstract = """
        Post-herpetic neuralgia (PHN) is distressing; tricyclic antidepressants (TCAs) e.g. amitriptyline are used \
        first. As Smith et al. reported, doses of 5.2 mg/kg (p < 0.05) were tolerated [3,4]. Amitriptyline did not \
        reduce pain in Sjögren’s syndrome, and there was no evidence of hepatotoxicity. It is important to titrate \
        slowly. It blocks the serotonin transporter (SERT; also called SLC6A4), and its sedative effect may limit \
        use. This tricyclic antidepressant was compared with gabapentin (GBP) by J. Smith at St. Mary’s hospital. \
        β-Blockers were not only safe but also cheap... Was the drug effective? Yes! The medication didn’t cause \
        hypotension, however patients with a history of seizures were excluded. If dizziness develops, the dose \
        should be lowered. Deficiency of vitamin C. Patients with 5-hydroxytryptamine (5-HT) excess were rare. The \
        agent’s half-life is approx. 25\u{00A0}h (Fig. 2). α2-Agonists such as clonidine (CLO) may help; their role \
        in the U.K. remains unclear… Cytochrome P450 2D6 (CYP2D6) poor metabolisers (PMs) had higher levels. \
        “Nortriptyline (NT) was not superior to placebo.” Renal clearance fell (n = 12). Sertraline (50–200 mg) \
        helped in No. 3. The α-cell specific XBP1 knockout (αXBPKO) mice were lean.
        """

    static let clinical = """
        CHIEF COMPLAINT:
        Chest pain.

        HISTORY OF PRESENT ILLNESS
        The patient is a 64-year-old man with a history of hypertension who
        presents with chest pain. He denies fever or chills.
        Medications:
        1. Amitriptyline 25 mg at night
        2) Gabapentin 300 mg t.i.d.
        - Aspirin 81 mg
        • Metoprolol
        Assessment: possible angina; rule out myocardial infarction.\r
        Plan: follow up in 2 weeks!


        No acute distress...  The patient was stable.\u{2028}Discharged home. Sodium (Na) was low? No.
        """

    /// A document with the three passages.
    static func document() -> Document {
        var document = Document(id: "lock", format: .text, origin: Origin(file: "lock.txt", index: 0))
        document.passages = [
            Passage(label: "title", text: title),
            Passage(label: "abstract", text: abstract),
            Passage(label: "text", text: clinical),
        ]
        return document
    }
}

/// Locks the text stage's sentences and abbreviations on the fixtures, so that work on its speed
/// cannot change what it finds. Token offsets belong to the tokenizer and are not locked here.
@Suite("TextStage output lock")
struct TextStageLockTests {
    /// Sentences (passage, byte span, text) and abbreviations (passage, spans, forms).
    static func dump(_ document: Document) -> String {
        var lines: [String] = []
        for sentence in document.sentences {
            let bytes = Array(document.passages[sentence.passage].text.utf8)[sentence.start..<sentence.end]
            let text = String(decoding: bytes, as: UTF8.self).replacingNewlines()
            lines.append("S \(sentence.passage) \(sentence.start)..<\(sentence.end) \(text)")
        }
        for item in document.abbreviations {
            lines.append(
                "A \(item.passage) \(item.shortStart)..<\(item.shortEnd) \(item.longStart)..<\(item.longEnd) "
                    + "\(item.short) = \(item.long)"
            )
        }
        return lines.joined(separator: "\n")
    }

    static let expected = """
        S 0 0..<110 Amitriptyline versus gabapentin for post-herpetic neuralgia (PHN): a randomised trial in the U.S. and the E.U.
        S 1 0..<113 Post-herpetic neuralgia (PHN) is distressing; tricyclic antidepressants (TCAs) e.g. amitriptyline are used first.
        S 1 114..<191 As Smith et al. reported, doses of 5.2 mg/kg (p < 0.05) were tolerated [3,4].
        S 1 192..<296 Amitriptyline did not reduce pain in Sjögren’s syndrome, and there was no evidence of hepatotoxicity.
        S 1 297..<331 It is important to titrate slowly.
        S 1 332..<434 It blocks the serotonin transporter (SERT; also called SLC6A4), and its sedative effect may limit use.
        S 1 435..<537 This tricyclic antidepressant was compared with gabapentin (GBP) by J. Smith at St. Mary’s hospital.
        S 1 538..<610 β-Blockers were not only safe but also cheap... Was the drug effective?
        S 1 611..<615 Yes!
        S 1 616..<717 The medication didn’t cause hypotension, however patients with a history of seizures were excluded.
        S 1 718..<768 If dizziness develops, the dose should be lowered.
        S 1 769..<793 Deficiency of vitamin C.
        S 1 794..<852 Patients with 5-hydroxytryptamine (5-HT) excess were rare.
        S 1 853..<903 The agent’s half-life is approx. 25\\u00A0h (Fig. 2).
        S 1 904..<1064 α2-Agonists such as clonidine (CLO) may help; their role in the U.K. remains unclear… Cytochrome P450 2D6 (CYP2D6) poor metabolisers (PMs) had higher levels.
        S 1 1065..<1118 “Nortriptyline (NT) was not superior to placebo.”
        S 1 1119..<1149 Renal clearance fell (n = 12).
        S 1 1150..<1191 Sertraline (50–200 mg) helped in No. 3.
        S 1 1192..<1252 The α-cell specific XBP1 knockout (αXBPKO) mice were lean.
        S 2 0..<16 CHIEF COMPLAINT:
        S 2 17..<28 Chest pain.
        S 2 30..<56 HISTORY OF PRESENT ILLNESS
        S 2 57..<150 The patient is a 64-year-old man with a history of hypertension who\\npresents with chest pain.
        S 2 151..<177 He denies fever or chills.
        S 2 178..<190 Medications:
        S 2 191..<193 1.
        S 2 194..<222 Amitriptyline 25 mg at night
        S 2 223..<250 2) Gabapentin 300 mg t.i.d.
        S 2 251..<266 - Aspirin 81 mg
        S 2 267..<281 • Metoprolol
        S 2 282..<342 Assessment: possible angina; rule out myocardial infarction.
        S 2 344..<371 Plan: follow up in 2 weeks!
        S 2 374..<419 No acute distress...  The patient was stable.
        S 2 422..<438 Discharged home.
        S 2 439..<459 Sodium (Na) was low?
        S 2 460..<463 No.
        A 0 61..<64 36..<59 PHN = post-herpetic neuralgia
        A 1 25..<28 0..<23 PHN = Post-herpetic neuralgia
        A 1 73..<77 46..<71 TCAs = tricyclic antidepressants
        A 1 369..<373 346..<367 SERT = serotonin transporter
        A 1 495..<498 483..<493 GBP = gabapentin
        A 1 829..<833 808..<827 5-HT = 5-hydroxytryptamine
        A 1 936..<939 925..<934 CLO = clonidine
        A 1 1014..<1020 993..<1012 CYP2D6 = Cytochrome P450 2D6
        A 1 1041..<1044 1022..<1039 PMs = poor metabolisers
        A 1 1083..<1085 1065..<1081 NT = “Nortriptyline
        A 1 1228..<1235 1196..<1226 αXBPKO = α-cell specific XBP1 knockout
        """

    @Test("sentences and abbreviations of the fixtures are exactly as recorded")
    func locked() {
        let document = TextStage().process(LockFixtures.document())
        let actual = Self.dump(document)
        if actual != Self.expected {
            Issue.record("the text stage's output changed; it is now:\n\(actual)")
        }
        // Every token lies in exactly one sentence, and the sentences' token ranges tile the
        // passage's tokens.
        for passage in document.passages.indices {
            let ranges = document.sentences.filter { $0.passage == passage }.map(\.tokens)
            #expect(ranges.first?.lowerBound == 0)
            #expect(ranges.last?.upperBound == document.tokens[passage].count)
            for (left, right) in zip(ranges, ranges.dropFirst()) {
                #expect(left.upperBound == right.lowerBound)
            }
        }
    }
}

extension String {
    /// The text with line breaks and other controls shown as escapes, for one-line dumps.
    fileprivate func replacingNewlines() -> String {
        var result = ""
        for scalar in unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\u{2028}": result += "\\u2028"
            case "\u{00A0}": result += "\\u00A0"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
