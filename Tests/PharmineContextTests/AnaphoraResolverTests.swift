import Foundation
import PharmineContext
import PharmineCore
import Testing

/// One pleonastic-or-not case: a sentence after a drug sentence, and whether its "it" resolves.
struct PleonasticCase: CustomTestStringConvertible, Sendable {
    let sentence: String
    let resolves: Bool
    var testDescription: String { sentence }

    init(_ sentence: String, resolves: Bool) {
        self.sentence = sentence
        self.resolves = resolves
    }
}

@Suite("AnaphoraResolver")
struct AnaphoraResolverTests {
    static let amitriptyline = "MESH:D000639"
    static let endogenous = Shipped.endogenous ?? EndogenousSubstances()

    static func resolve(_ builder: DocumentBuilder) -> Document {
        AnaphoraResolver(endogenous: endogenous).process(builder.document)
    }

    static let pleonastic: [PleonasticCase] = [
        PleonasticCase("It is crucial to remember the dose.", resolves: false),
        PleonasticCase("It is important that patients are monitored.", resolves: false),
        PleonasticCase("It is important to titrate slowly.", resolves: false),
        PleonasticCase("It was found that sleep improved.", resolves: false),
        PleonasticCase("It has been shown that sleep improves.", resolves: false),
        PleonasticCase("It may be necessary to lower the dose.", resolves: false),
        PleonasticCase("It should be noted that doses vary.", resolves: false),
        PleonasticCase("It seems that tolerance develops.", resolves: false),
        PleonasticCase("It remains unclear whether tolerance develops.", resolves: false),
        PleonasticCase("It is not known whether tolerance develops.", resolves: false),
        PleonasticCase("It is well established that sedation is common.", resolves: false),
        PleonasticCase("It is likely that sedation is common.", resolves: false),
        PleonasticCase("It is effective in neuropathic pain.", resolves: true),
        PleonasticCase("It can reduce the frequency of headaches.", resolves: true),
        PleonasticCase("It was found to reduce pain.", resolves: true),
        PleonasticCase("It is used to treat migraine.", resolves: true),
        PleonasticCase("It has been shown to reduce pain.", resolves: true),
        PleonasticCase("It is likely to cause sedation.", resolves: true),
        PleonasticCase("It blocks the serotonin transporter.", resolves: true),
    ]

    @Test("pleonastic it does not resolve; referential it does", arguments: pleonastic)
    func pleonasticIt(_ item: PleonasticCase) throws {
        var builder = DocumentBuilder("Amitriptyline is a tricyclic drug. " + item.sentence)
        builder.mention("Amitriptyline", .drug, id: Self.amitriptyline, name: "amitriptyline")
        let document = Self.resolve(builder)
        let anaphor = document.mentions.first { $0.source == .anaphor }
        #expect((anaphor != nil) == item.resolves)
        if let anaphor {
            #expect(builder.text(passage: 0, anaphor.start, anaphor.end) == "It")
            #expect(anaphor.id == Self.amitriptyline)
            #expect(anaphor.name == "amitriptyline")
            #expect(anaphor.sentence == 1)
            #expect(anaphor.type == .drug)
            #expect(!anaphor.isClass)
        }
    }

    @Test("noun-phrase anaphors resolve to the nearest drug; compounds do not")
    func nounPhrases() throws {
        var builder = DocumentBuilder(
            "Fluoxetine was stopped. Amitriptyline was started. This drug helped. The medication was cheap. "
                + "The drug interactions were few. This effect lasted."
        )
        builder.mention("Fluoxetine", .drug, id: "MESH:D005473", name: "fluoxetine")
        builder.mention("Amitriptyline", .drug, id: Self.amitriptyline, name: "amitriptyline")
        let document = Self.resolve(builder)
        let anaphors = document.mentions.filter { $0.source == .anaphor }
        #expect(
            anaphors.map { builder.text(passage: 0, $0.start, $0.end) } == [
                "This drug", "The medication", "This effect",
            ]
        )
        #expect(anaphors.allSatisfy { $0.id == Self.amitriptyline })
        #expect(anaphors.map(\.sentence) == [2, 3, 5])
    }

    @Test("an agent that induces the disease model is not an antecedent")
    func experimentalInducerSkipped() throws {
        var builder = DocumentBuilder(
            "Diabetic rats received metformin two weeks after a streptozotocin injection. Its effect on glucose was large."
        )
        builder.mention("metformin", .drug, id: "MESH:D008687", name: "metformin")
        builder.mention("streptozotocin", .drug, id: "MESH:D013311", name: "streptozocin")
        let document = Self.resolve(builder)
        let anaphors = document.mentions.filter { $0.source == .anaphor }
        #expect(anaphors.map { builder.text(passage: 0, $0.start, $0.end) } == ["Its"])
        #expect(anaphors.map(\.id) == ["MESH:D008687"])
    }

    @Test("a named protein before it or its in the sentence is the antecedent, and no drug")
    func namedProteinBlocksTheFallback() throws {
        var builder = DocumentBuilder(
            "Metformin was given to the rats. The viral Nef protein impairs memory, so we measured its effect on "
                + "glucose. The plasma protein binding was low, and its effect on glucose lasted."
        )
        builder.mention("Metformin", .drug, id: "MESH:D008687", name: "metformin")
        let document = Self.resolve(builder)
        let anaphors = document.mentions.filter { $0.source == .anaphor }
        // The first "its" is the protein's; the second, after "protein binding", is the drug's.
        #expect(anaphors.count == 1)
        #expect(anaphors.first?.sentence == 2)
        #expect(anaphors.first?.name == "metformin")
    }

    @Test("this + drug class spans the class mention")
    func thisClass() throws {
        var builder = DocumentBuilder(
            "Amitriptyline relieves pain. Low doses of this tricyclic antidepressant improve sleep."
        )
        builder.mention("Amitriptyline", .drug, id: Self.amitriptyline, name: "amitriptyline")
        builder.mention(
            "tricyclic antidepressant",
            .drug,
            id: "MESH:D000929",
            name: "antidepressive agents, tricyclic",
            isClass: true
        )
        let document = Self.resolve(builder)
        let anaphor = try #require(document.mentions.first { $0.source == .anaphor })
        #expect(builder.text(passage: 0, anaphor.start, anaphor.end) == "this tricyclic antidepressant")
        #expect(anaphor.id == Self.amitriptyline)
        // The class mention stays; mentions stay sorted.
        #expect(document.mentions.contains { $0.isClass })
        #expect(
            document.mentions.map { [$0.passage, $0.start, $0.end] }.elementsEqual(
                document.mentions.map { [$0.passage, $0.start, $0.end] }.sorted { $0.lexicographicallyPrecedes($1) }
            )
        )
    }

    @Test("endogenous substances are skipped as antecedents")
    func endogenousSkipped() throws {
        var builder = DocumentBuilder(
            "Amitriptyline inhibits the reuptake of serotonin and norepinephrine; its effects on histamine add sedation."
        )
        builder.mention("Amitriptyline", .drug, id: Self.amitriptyline, name: "amitriptyline")
        builder.mention("serotonin", .drug, id: "MESH:D012701", name: "Serotonin")
        builder.mention("norepinephrine", .drug, id: "MESH:D009638", name: "Norepinephrine")
        builder.mention("histamine", .drug, id: "MESH:D006632", name: "Histamine")
        let document = Self.resolve(builder)
        let anaphor = try #require(document.mentions.first { $0.source == .anaphor })
        #expect(builder.text(passage: 0, anaphor.start, anaphor.end) == "its")
        #expect(anaphor.id == Self.amitriptyline)
    }

    @Test("cataphora, previous passage and the main-drug fallback")
    func fallbacks() throws {
        var builder = DocumentBuilder(
            "Because of its long half-life, fluoxetine is dosed weekly. Fluoxetine is an SSRI.",
            "Its metabolite is active.",
            "Background",
            "Its use in children is debated."
        )
        builder.mention("fluoxetine", .drug, id: "MESH:D005473", name: "fluoxetine")
        builder.mention("Fluoxetine", .drug, id: "MESH:D005473", name: "fluoxetine")
        var document = Self.resolve(builder)
        var anaphors = document.mentions.filter { $0.source == .anaphor }
        #expect(anaphors.map(\.passage) == [0, 1, 3])
        #expect(anaphors.allSatisfy { $0.id == "MESH:D005473" })

        // Nothing before and no cataphora: the document's most frequent drug.
        builder = DocumentBuilder(
            "Its safety is reviewed here. Sertraline and amitriptyline were compared; amitriptyline sedated more."
        )
        builder.mention("Sertraline", .drug, id: "MESH:D020280", name: "sertraline")
        builder.mention("amitriptyline", .drug, id: Self.amitriptyline, name: "amitriptyline")
        document = Self.resolve(builder)
        anaphors = document.mentions.filter { $0.source == .anaphor }
        #expect(anaphors.count == 1)
        #expect(anaphors.first?.id == Self.amitriptyline)
    }

    @Test("no drug, no anaphor")
    func noDrug() {
        var builder = DocumentBuilder("Migraine is common. It affects many adults.")
        builder.mention("Migraine", .condition)
        let document = Self.resolve(builder)
        #expect(!document.mentions.contains { $0.source == .anaphor })
    }

    // MARK: - The seed article

    @Test(
        "the seed article's anaphors resolve to amitriptyline",
        .enabled(if: TestPaths.seedAvailable, "../shared/seed/amitriptyline-uses.txt is absent")
    )
    func seed() throws {
        let cues = try #require(Shipped.cues)
        let text = try String(contentsOfFile: TestPaths.seed, encoding: .utf8)
        var builder = DocumentBuilder(text)
        builder.mention("Amitriptyline Hydrochloride", .drug, id: Self.amitriptyline, name: "amitriptyline")
        builder.mention("amitriptyline hydrochloride", .drug, id: Self.amitriptyline, name: "amitriptyline")
        builder.mention(
            "tricyclic antidepressant",
            .drug,
            id: "MESH:D000929",
            name: "antidepressive agents, tricyclic",
            isClass: true
        )
        builder.mention("serotonin", .drug, id: "MESH:D012701", name: "Serotonin")
        builder.mention("norepinephrine", .drug, id: "MESH:D009638", name: "Norepinephrine")
        builder.mention("histamine", .drug, id: "MESH:D006632", name: "Histamine")
        builder.mention("fibromyalgia", .condition, occurrence: 0)
        builder.mention("migraines", .condition)
        builder.mention("depression", .condition)
        let stage = ContextStage(cues: cues, anaphora: AnaphoraResolver(endogenous: Self.endogenous))
        let document = stage.process(builder.document)
        let anaphors = document.mentions.filter { $0.source == .anaphor }
        let texts = anaphors.map { builder.text(passage: 0, $0.start, $0.end) }

        // Every anaphor is amitriptyline, with its own span.
        #expect(anaphors.allSatisfy { $0.id == Self.amitriptyline && $0.name == "amitriptyline" })
        for (anaphor, surface) in zip(anaphors, texts) {
            #expect(["it", "its", "this action", "this tricyclic antidepressant"].contains(surface.lowercased()))
            #expect(document.sentences[anaphor.sentence].start <= anaphor.start)
            #expect(anaphor.end <= document.sentences[anaphor.sentence].end)
        }
        func resolved(_ surface: String, before following: String) -> Bool {
            let ranges = builder.occurrences(of: surface + following)
            return !ranges.isEmpty
                && ranges.allSatisfy { range in
                    anaphors.contains {
                        $0.start == range.lowerBound && $0.end == range.lowerBound + surface.utf8.count
                    }
                }
        }
        #expect(resolved("Its", before: " mechanism involves"))
        #expect(resolved("This action", before: " helps"))
        #expect(resolved("this tricyclic antidepressant", before: " have been"))
        #expect(resolved("it", before: " can reduce the frequency"))
        #expect(resolved("it", before: " a valuable adjunct"))
        #expect(resolved("its", before: " antagonist actions"))
        #expect(resolved("its", before: " efficacy in treating depression"))
        // Pleonastic "It is crucial to remember" stays unresolved.
        let crucial = try #require(builder.occurrences(of: "It is crucial").first)
        #expect(!anaphors.contains { $0.start == crucial.lowerBound })
        // Not "This versatility", "This application", "This prophylactic use".
        #expect(!texts.contains { $0.hasPrefix("This ") && $0 != "This action" })

        // Context on the same article: fibromyalgia is hedged ("has shown promise"), nothing is negated.
        #expect(document.mention("fibromyalgia")?.hedged == true)
        #expect(document.mention("migraines")?.hedged == false)
        #expect(!document.mentions.contains { $0.negated })
    }
}
