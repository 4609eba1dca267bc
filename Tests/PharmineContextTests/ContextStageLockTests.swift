import PharmineContext
import PharmineCore
import PharmineText
import Testing

/// Locks the context stage's cues, scopes, flags and resolved anaphors on a fixture with
/// negation, hedging, pseudo-cues, terminators, history, conditionals, clause-initial cues,
/// typographic apostrophes, pleonastic "it", "its", "this drug", "the medication", a class
/// anaphor and an endogenous substance, so that work on its speed cannot change what it finds.
/// Scopes are token-based, so a change of the tokenizer may legitimately change them.
@Suite("ContextStage output lock", .enabled(if: Shipped.cues != nil, "Lexicons/context-cues.tsv does not load"))
struct ContextStageLockTests {
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

    /// Mentions to place: passage, text, which occurrence (nil: all), type, id, class.
    static let mentions: [(Int, String, Int?, EntityType, String, Bool)] = [
        (0, "Amitriptyline", nil, .drug, "MESH:D000639", false),
        (0, "gabapentin", nil, .drug, "MESH:D000077206", false),
        (0, "post-herpetic neuralgia", nil, .condition, "MESH:D051474", false),
        (0, "PHN", nil, .condition, "MESH:D051474", false),
        (1, "Post-herpetic neuralgia", nil, .condition, "MESH:D051474", false),
        (1, "PHN", nil, .condition, "MESH:D051474", false),
        (1, "tricyclic antidepressants", nil, .drug, "MESH:D000929", true),
        (1, "amitriptyline", nil, .drug, "MESH:D000639", false),
        (1, "Amitriptyline", nil, .drug, "MESH:D000639", false),
        (1, "pain", nil, .condition, "MESH:D010146", false),
        (1, "Sjögren’s syndrome", nil, .condition, "MESH:D012859", false),
        (1, "hepatotoxicity", nil, .condition, "MESH:D056486", false),
        (1, "serotonin transporter", nil, .receptor, "HGNC:11050", false),
        (1, "SERT", nil, .receptor, "HGNC:11050", false),
        (1, "SLC6A4", nil, .receptor, "HGNC:11050", false),
        (1, "tricyclic antidepressant", 1, .drug, "MESH:D000929", true),
        (1, "gabapentin", nil, .drug, "MESH:D000077206", false),
        (1, "hypotension", nil, .condition, "MESH:D007022", false),
        (1, "seizures", nil, .condition, "MESH:D012640", false),
        (1, "dizziness", nil, .condition, "MESH:D004244", false),
        (1, "5-hydroxytryptamine", nil, .drug, "MESH:D012701", false),
        (1, "clonidine", nil, .drug, "MESH:D003000", false),
        (1, "Nortriptyline", nil, .drug, "MESH:D009661", false),
        (1, "Sertraline", nil, .drug, "MESH:D020280", false),
    ]

    static func document() -> Document {
        var document = Document(id: "lock", format: .text, origin: Origin(file: "lock.txt", index: 0))
        document.passages = [Passage(label: "title", text: title), Passage(label: "abstract", text: abstract)]
        document = TextStage().process(document)
        var placed: [Mention] = []
        for (passage, text, occurrence, type, id, isClass) in mentions {
            let haystack = Array(document.passages[passage].text.utf8)
            let needle = Array(text.utf8)
            var found: [Int] = []
            for start in 0...(haystack.count - needle.count)
            where haystack[start..<(start + needle.count)].elementsEqual(needle) {
                found.append(start)
            }
            let chosen = occurrence.map { [found[$0]] } ?? found
            for start in chosen {
                guard
                    let sentence = document.sentences.firstIndex(where: {
                        $0.passage == passage && $0.start <= start && start < $0.end
                    })
                else { continue }
                placed.append(
                    Mention(
                        type: type,
                        id: id,
                        name: text.lowercased(),
                        passage: passage,
                        sentence: sentence,
                        start: start,
                        end: start + needle.count,
                        isClass: isClass
                    )
                )
            }
        }
        placed.sort { ($0.passage, $0.start, $0.end) < ($1.passage, $1.start, $1.end) }
        document.mentions = placed
        return document
    }

    /// Cues with scopes, then mentions with flags, one per line.
    static func dump(_ document: Document) -> String {
        var lines: [String] = []
        func text(_ passage: Int, _ start: Int, _ end: Int) -> String {
            String(decoding: Array(document.passages[passage].text.utf8)[start..<end], as: UTF8.self)
        }
        for cue in document.cues {
            lines.append(
                "C \(cue.category.rawValue) s\(cue.sentence) \(cue.start)..<\(cue.end) "
                    + "[\(text(cue.passage, cue.start, cue.end))] scope \(cue.scopeStart)..<\(cue.scopeEnd) "
                    + "[\(text(cue.passage, cue.scopeStart, cue.scopeEnd))]"
            )
        }
        for mention in document.mentions {
            let flags = [
                mention.negated ? "negated" : nil, mention.hedged ? "hedged" : nil,
                mention.hypothetical ? "hypothetical" : nil, mention.historical ? "historical" : nil,
            ].compactMap { $0 }
            lines.append(
                "M \(mention.source.rawValue) \(mention.id) s\(mention.sentence) \(mention.start)..<\(mention.end) "
                    + "[\(text(mention.passage, mention.start, mention.end))] "
                    + (flags.isEmpty ? "-" : flags.joined(separator: ","))
            )
        }
        return lines.joined(separator: "\n")
    }

    static let expected = """
        C negated s3 206..<220 [did not reduce] scope 221..<265 [pain in Sjögren’s syndrome, and there was]
        C negated s3 266..<280 [no evidence of] scope 281..<296 [hepatotoxicity.]
        C hedged s5 420..<423 [may] scope 424..<434 [limit use.]
        C pseudo s7 555..<563 [not only] scope 555..<555 []
        C terminate s7 569..<572 [but] scope 569..<569 []
        C negated s9 631..<639 [didn’t] scope 640..<658 [cause hypotension,]
        C terminate s9 659..<666 [however] scope 659..<659 []
        C historical s9 683..<693 [history of] scope 694..<717 [seizures were excluded.]
        C negated s9 708..<716 [excluded] scope 681..<707 [a history of seizures were]
        C hypothetical s10 718..<720 [If] scope 721..<768 [dizziness develops, the dose should be lowered.]
        C hedged s14 941..<944 [may] scope 945..<949 [help]
        C hedged s14 974..<989 [remains unclear] scope 951..<1041 [their role in the U.K. remains unclear… Cytochrome P450 2D6 (CYP2D6) poor metabolisers (]
        C negated s15 1091..<1106 [not superior to] scope 1107..<1118 [placebo.”]
        C negated s17 1185..<1187 [No] scope 1187..<1191 [. 3.]
        M lexicon MESH:D000639 s0 0..<13 [Amitriptyline] -
        M lexicon MESH:D000077206 s0 21..<31 [gabapentin] -
        M lexicon MESH:D051474 s0 36..<59 [post-herpetic neuralgia] -
        M lexicon MESH:D051474 s0 61..<64 [PHN] -
        M lexicon MESH:D051474 s1 0..<23 [Post-herpetic neuralgia] -
        M lexicon MESH:D051474 s1 25..<28 [PHN] -
        M lexicon MESH:D000929 s1 46..<71 [tricyclic antidepressants] -
        M lexicon MESH:D000639 s1 84..<97 [amitriptyline] -
        M lexicon MESH:D000639 s3 192..<205 [Amitriptyline] -
        M lexicon MESH:D010146 s3 221..<225 [pain] negated
        M lexicon MESH:D012859 s3 229..<250 [Sjögren’s syndrome] negated
        M lexicon MESH:D056486 s3 281..<295 [hepatotoxicity] negated
        M anaphor MESH:D000639 s5 332..<334 [It] -
        M lexicon HGNC:11050 s5 346..<367 [serotonin transporter] -
        M lexicon HGNC:11050 s5 369..<373 [SERT] -
        M lexicon HGNC:11050 s5 387..<393 [SLC6A4] -
        M anaphor MESH:D000639 s5 400..<403 [its] -
        M anaphor MESH:D000639 s6 435..<464 [This tricyclic antidepressant] -
        M lexicon MESH:D000929 s6 440..<464 [tricyclic antidepressant] -
        M lexicon MESH:D000077206 s6 483..<493 [gabapentin] -
        M anaphor MESH:D000077206 s7 591..<599 [the drug] -
        M anaphor MESH:D000077206 s9 616..<630 [The medication] -
        M lexicon MESH:D007022 s9 646..<657 [hypotension] negated
        M lexicon MESH:D012640 s9 694..<702 [seizures] negated,historical
        M lexicon MESH:D004244 s10 721..<730 [dizziness] hypothetical
        M lexicon MESH:D012701 s12 808..<827 [5-hydroxytryptamine] -
        M anaphor MESH:D000077206 s13 853..<862 [The agent] -
        M lexicon MESH:D003000 s14 925..<934 [clonidine] -
        M lexicon MESH:D009661 s15 1068..<1081 [Nortriptyline] -
        M lexicon MESH:D020280 s17 1150..<1160 [Sertraline] -
        """

    @Test("cues, scopes, flags and anaphors of the fixture are exactly as recorded")
    func locked() throws {
        let cues = try #require(Shipped.cues)
        let stage = ContextStage(cues: cues, anaphora: AnaphoraResolver(endogenous: Shipped.endogenous ?? .init()))
        let actual = Self.dump(stage.process(Self.document()))
        if actual != Self.expected {
            Issue.record("the context stage's output changed; it is now:\n\(actual)")
        }
    }
}
