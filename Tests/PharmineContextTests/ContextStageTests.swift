import PharmineContext
import PharmineCore
import Testing

/// One scope case: a sentence, the drug and condition mentions to place, and which conditions
/// end up with which flags.
struct ScopeCase: CustomTestStringConvertible, Sendable {
    let text: String
    let conditions: [String]
    let negated: Set<String>
    let hedged: Set<String>
    let hypothetical: Set<String>
    let historical: Set<String>
    var testDescription: String { text }

    init(
        _ text: String,
        _ conditions: [String],
        negated: Set<String> = [],
        hedged: Set<String> = [],
        hypothetical: Set<String> = [],
        historical: Set<String> = []
    ) {
        self.text = text
        self.conditions = conditions
        self.negated = negated
        self.hedged = hedged
        self.hypothetical = hypothetical
        self.historical = historical
    }
}

@Suite("ContextStage", .enabled(if: Shipped.cues != nil, "Lexicons/context-cues.tsv does not load"))
struct ContextStageTests {
    static let cases: [ScopeCase] = [
        // Negation.
        ScopeCase("Amitriptyline was not effective in fibromyalgia.", ["fibromyalgia"], negated: ["fibromyalgia"]),
        ScopeCase("There was no evidence of hepatotoxicity.", ["hepatotoxicity"], negated: ["hepatotoxicity"]),
        ScopeCase(
            "Amitriptyline failed to prevent migraine in this trial.",
            ["migraine"],
            negated: ["migraine"]
        ),
        ScopeCase(
            "Amitriptyline did not reduce pain intensity in neuropathic pain.",
            ["neuropathic pain"],
            negated: ["neuropathic pain"]
        ),
        ScopeCase(
            "A lack of efficacy in fibromyalgia was reported.",
            ["fibromyalgia"],
            negated: ["fibromyalgia"]
        ),
        ScopeCase("Patients denied headache.", ["headache"], negated: ["headache"]),
        ScopeCase("Amitriptyline didn\u{2019}t relieve insomnia.", ["insomnia"], negated: ["insomnia"]),
        ScopeCase("Seizures were unlikely.", ["Seizures"], negated: ["Seizures"]),
        // Pseudo-cues block.
        ScopeCase(
            "Amitriptyline is not only effective in migraine but also in tension headache.",
            ["migraine", "tension headache"]
        ),
        ScopeCase(
            "Amitriptyline was not only effective in migraine.",
            ["migraine"]
        ),
        ScopeCase("Gram negative sepsis was treated.", ["sepsis"]),
        ScopeCase("There was no increase in seizures.", ["seizures"]),
        ScopeCase(
            "Symptoms such as, but not limited to, nausea and dizziness occurred.",
            ["nausea", "dizziness"]
        ),
        // Terminators, semicolons and the window cut the scope.
        ScopeCase(
            "Amitriptyline did not reduce migraine, but it reduced tension headache.",
            ["migraine", "tension headache"],
            negated: ["migraine"]
        ),
        ScopeCase("Not depression, but anxiety improved.", ["depression", "anxiety"], negated: ["depression"]),
        ScopeCase(
            "No patient developed hypotension; arrhythmia occurred twice.",
            ["hypotension", "arrhythmia"],
            negated: ["hypotension"]
        ),
        ScopeCase(
            "No patient in the large open-label extension phase of the study later developed hypotension.",
            ["hypotension"]
        ),
        ScopeCase(
            "Nortriptyline had no effect on sleep, which improved with melatonin.",
            ["sleep", "melatonin"],
            negated: ["sleep"]
        ),
        // Hedging.
        ScopeCase("Amitriptyline may be useful in fibromyalgia.", ["fibromyalgia"], hedged: ["fibromyalgia"]),
        ScopeCase(
            "Amitriptyline has shown promise in treating fibromyalgia.",
            ["fibromyalgia"],
            hedged: ["fibromyalgia"]
        ),
        ScopeCase(
            "These results suggest a role in chronic pain.",
            ["chronic pain"],
            hedged: ["chronic pain"]
        ),
        ScopeCase("Preliminary data in insomnia are encouraging.", ["insomnia"], hedged: ["insomnia"]),
        ScopeCase("Amitriptyline can reduce the frequency of migraine.", ["migraine"]),
        ScopeCase(
            "Amitriptyline might not prevent migraine.",
            ["migraine"],
            hedged: ["migraine"]
        ),
        // Hypothetical and historical.
        ScopeCase("If hypotension occurs, reduce the dose.", ["hypotension"], hypothetical: ["hypotension"]),
        ScopeCase(
            "Should hypotension develop, stop the drug.",
            ["hypotension"],
            hypothetical: ["hypotension"]
        ),
        ScopeCase("Patients should avoid alcohol during hypotension.", ["hypotension"]),
        ScopeCase(
            "Patients with a history of seizures received amitriptyline.",
            ["seizures"],
            historical: ["seizures"]
        ),
        // Clinical prophylaxis and comparisons are not negations here.
        ScopeCase("It is used for headache prophylaxis.", ["headache"]),
        ScopeCase("Amitriptyline versus placebo in migraine.", ["migraine"]),
        ScopeCase("Amitriptyline reduces the risk of migraine.", ["migraine"]),
    ]

    @Test("marks mentions in cue scopes", arguments: cases)
    func scopes(_ item: ScopeCase) throws {
        let cues = try #require(Shipped.cues)
        var builder = DocumentBuilder(item.text)
        for condition in item.conditions {
            builder.mention(condition, .condition)
        }
        let document = ContextStage(cues: cues, anaphora: nil).process(builder.document)
        for condition in item.conditions {
            let mention = try #require(document.mention(condition), "no mention \(condition)")
            #expect(mention.negated == item.negated.contains(condition), "negated: \(condition)")
            #expect(mention.hedged == item.hedged.contains(condition), "hedged: \(condition)")
            #expect(mention.hypothetical == item.hypothetical.contains(condition), "hypothetical: \(condition)")
            #expect(mention.historical == item.historical.contains(condition), "historical: \(condition)")
        }
    }

    @Test("records cues with their scopes for the relation stage")
    func cueSpans() throws {
        let cues = try #require(Shipped.cues)
        var builder = DocumentBuilder(
            "Amitriptyline was well tolerated. It was not effective in fibromyalgia, but helped sleep."
        )
        builder.mention("fibromyalgia")
        let document = ContextStage(cues: cues, anaphora: nil).process(builder.document)
        let negation = try #require(document.cues.first { $0.category == .negated })
        #expect(negation.sentence == 1)
        #expect(negation.passage == 0)
        #expect(builder.text(passage: 0, negation.start, negation.end) == "was not effective")
        #expect(builder.text(passage: 0, negation.scopeStart, negation.scopeEnd) == "in fibromyalgia,")
        let terminator = try #require(document.cues.first { $0.category == .terminate })
        #expect(builder.text(passage: 0, terminator.start, terminator.end) == "but")
        #expect(terminator.scopeStart == terminator.scopeEnd)
        #expect(document.cues.allSatisfy { $0.sentence == 1 })
        let sleep = builder.occurrences(of: "sleep")[0]
        #expect(!negation.covers(start: sleep.lowerBound, end: sleep.upperBound))
    }

    @Test("a backward cue scopes the words before it")
    func backward() throws {
        let cues = try #require(Shipped.cues)
        var builder = DocumentBuilder("Hepatotoxicity was excluded in all patients.")
        builder.mention("Hepatotoxicity")
        let document = ContextStage(cues: cues, anaphora: nil).process(builder.document)
        let cue = try #require(document.cues.first { $0.category == .negated })
        #expect(builder.text(passage: 0, cue.start, cue.end) == "excluded")
        #expect(builder.text(passage: 0, cue.scopeStart, cue.scopeEnd) == "Hepatotoxicity was")
        #expect(document.mention("Hepatotoxicity")?.negated == true)
    }

    @Test("cues in one sentence do not reach into the next")
    func sentenceBound() throws {
        let cues = try #require(Shipped.cues)
        var builder = DocumentBuilder("There was no relief. Migraine persisted.")
        builder.mention("Migraine")
        let document = ContextStage(cues: cues, anaphora: nil).process(builder.document)
        #expect(document.mention("Migraine")?.negated == false)
    }
}
