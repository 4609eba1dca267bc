import Dispatch
import PharmineCore
import PharmineLexicon
import PharmineText
import Synchronization
import Testing

@Suite struct EntityMatcherTests {
    let stage = EntityMatcher(matcher: LexiconFixture.matcher)

    /// A document with one passage per text, tokenized, with no sentences.
    static func document(_ texts: [String], id: String = "PMID:1") -> Document {
        var document = Document(id: id, format: .text, origin: Origin(file: "test.txt", index: 0))
        document.passages = texts.enumerated().map { Passage(label: $0.offset == 0 ? "title" : "abstract", text: $0.element) }
        document.tokens = texts.map { Tokenizer().tokenize($0) }
        return document
    }

    /// Mentions as "passage:sentence:text=ID" strings, sliced back from the passage text.
    static func render(_ document: Document) -> [String] {
        document.mentions.map { mention in
            let bytes = Array(document.passages[mention.passage].text.utf8)
            let text = String(decoding: bytes[mention.start..<mention.end], as: UTF8.self)
            return "\(mention.passage):\(mention.sentence):\(text)=\(mention.id)"
        }
    }

    @Test func mentionsAreSortedWithNamesAndOffsets() throws {
        let document = try stage.process(Self.document([
            "Amitriptyline for β2-adrenergic receptor déjà-vu migraines",
            "Tricyclic antidepressants and Amitriptyline Hydrochloride in AIDS.",
        ]))
        #expect(Self.render(document) == [
            "0:0:Amitriptyline=DRUGBANK:DB00321",
            "0:0:β2-adrenergic receptor=HGNC:286",
            "0:0:migraines=MESH:D008881",
            "1:1:Tricyclic antidepressants=TEST:TCA",
            "1:1:Amitriptyline Hydrochloride=DRUGBANK:DB00321",
            "1:1:AIDS=MESH:D000163",
        ])
        let migraine = document.mentions[2]
        #expect(migraine.type == .condition)
        #expect(migraine.name == "Migraine Disorders")
        #expect(migraine.source == .lexicon)
        #expect(document.mentions[3].isClass)
        #expect(!document.mentions[0].isClass)
    }

    @Test func mentionsStayInsideSentences() throws {
        let text = "It causes heart. Failure is rare; heart failure is not."
        var document = Self.document([text])
        let tokens = document.tokens[0]
        let split = try #require(tokens.firstIndex { $0.start == 15 })  // the first "."
        document.sentences = [
            Sentence(passage: 0, start: 0, end: 16, tokens: 0..<(split + 1)),
            Sentence(passage: 0, start: 17, end: text.utf8.count, tokens: (split + 1)..<tokens.count),
        ]
        let processed = try stage.process(document)
        #expect(Self.render(processed) == ["0:1:heart failure=MESH:D006333"])
    }

    @Test func tokensAreMadeWhenMissing() throws {
        var document = Self.document(["Fibromyalgia and chronic pain"])
        document.tokens = []
        let processed = try stage.process(document)
        #expect(processed.tokens.count == 1)
        #expect(Self.render(processed) == ["0:0:Fibromyalgia=MESH:D005356", "0:0:chronic pain=MESH:D059350"])
    }

    /// An abbreviation definition found in `text`.
    static func abbreviation(_ long: String, _ short: String, in text: String, passage: Int = 0) throws -> Abbreviation {
        let bytes = Array(text.utf8)
        func find(_ needle: String) throws -> Int {
            let needle = Array(needle.utf8)
            return try #require((0...(bytes.count - needle.count)).first { Array(bytes[$0..<$0 + needle.count]) == needle })
        }
        let longStart = try find(long)
        let shortStart = try find("(" + short + ")") + 1
        return Abbreviation(
            short: short,
            long: long,
            passage: passage,
            shortStart: shortStart,
            shortEnd: shortStart + short.utf8.count,
            longStart: longStart,
            longEnd: longStart + long.utf8.count
        )
    }

    @Test func shortFormsOfKnownConceptsBecomeMentions() throws {
        let title = "Pain after shingles"
        let abstract = "Post-herpetic neuralgia (PHN) is common. PHN responds to amitriptyline; PHNs and phn do not count."
        var document = Self.document([title, abstract])
        document.abbreviations = [try Self.abbreviation("Post-herpetic neuralgia", "PHN", in: abstract, passage: 1)]
        let processed = try stage.process(document)
        #expect(Self.render(processed) == [
            "1:1:Post-herpetic neuralgia=MESH:D051474",
            "1:1:PHN=MESH:D051474",
            "1:1:PHN=MESH:D051474",
            "1:1:amitriptyline=DRUGBANK:DB00321",
        ])
        let shortForms = processed.mentions.filter { $0.source == .abbreviation }
        #expect(shortForms.count == 2)
        #expect(shortForms.allSatisfy { $0.name == "Neuralgia, Postherpetic" && $0.type == .condition })
    }

    @Test func oneLetterShortFormsOfDrugsBecomeMentionsOutsideHyphenatedWords() throws {
        let text = "Amitriptyline (A) was given. A lowered pain but A-type fibres and A-1 were unchanged."
        var document = Self.document([text])
        document.abbreviations = [try Self.abbreviation("Amitriptyline", "A", in: text)]
        let processed = try stage.process(document)
        #expect(Self.render(processed) == [
            "0:0:Amitriptyline=DRUGBANK:DB00321",
            "0:0:A=DRUGBANK:DB00321",
            "0:0:A=DRUGBANK:DB00321",
        ])
    }

    @Test func oneLetterShortFormsOfConditionsAreIgnored() throws {
        let text = "Migraine (M) is common. M recurs."
        var document = Self.document([text])
        document.abbreviations = [try Self.abbreviation("Migraine", "M", in: text)]
        let processed = try stage.process(document)
        #expect(Self.render(processed) == ["0:0:Migraine=MESH:D008881"])
    }

    @Test func shortFormsOfUnknownLongFormsLoseTheirLexiconMeaning() throws {
        let text = "We used principal component analysis (PCA). PCA showed two clusters after PCA-1 and p-chloroamphetamine."
        var document = Self.document([text])
        // Without the definition, the lexicon reads PCA as a drug (3 times, plus the full name).
        #expect(Self.render(try stage.process(document)).filter { $0.hasSuffix("=TEST:PCA") }.count == 4)
        document.abbreviations = [try Self.abbreviation("principal component analysis", "PCA", in: text)]
        let processed = try stage.process(document)
        #expect(Self.render(processed) == ["0:0:p-chloroamphetamine=TEST:PCA"])
    }

    @Test func shortFormsOfCausedConditionsNameTheCondition() throws {
        let text = "Amitriptyline-induced migraine (AIM) is rare. AIM went away."
        var document = Self.document([text])
        document.abbreviations = [try Self.abbreviation("Amitriptyline-induced migraine", "AIM", in: text)]
        let processed = try stage.process(document)
        #expect(Self.render(processed) == [
            "0:0:Amitriptyline=DRUGBANK:DB00321",
            "0:0:migraine=MESH:D008881",
            "0:0:AIM=MESH:D008881",
            "0:0:AIM=MESH:D008881",
        ])
    }

    @Test func hyphenatedShortFormsOfCausedConditionsKeepOnlyTheCondition() throws {
        let text = "Amitriptyline-induced migraine (A-MIG) is rare. MIG and A-MIG went away."
        var document = Self.document([text])
        document.abbreviations = [try Self.abbreviation("Amitriptyline-induced migraine", "A-MIG", in: text)]
        let processed = try stage.process(document)
        #expect(Self.render(processed).filter { $0.contains("MIG=") } == [
            "0:0:MIG=MESH:D008881",
            "0:0:MIG=MESH:D008881",
            "0:0:MIG=MESH:D008881",
        ])
    }

    @Test func anUnknownChemicalLongFormLeavesTheShortFormsDrugMatch() throws {
        // The long form is no concept of the lexicon but holds a drug name, so "PCA" stays a drug.
        let text = "We gave a new amitriptyline analogue (PCA) to rats; PCA was well tolerated."
        var document = Self.document([text])
        document.abbreviations = [try Self.abbreviation("amitriptyline analogue", "PCA", in: text)]
        let rendered = Self.render(try stage.process(document))
        #expect(rendered.filter { $0 == "0:0:PCA=TEST:PCA" }.count == 2)
    }

    @Test func aSystematicChemicalLongFormLeavesTheShortFormsDrugMatch() throws {
        let text = "Rats received 4-chloro-N-methylbenzylamine (PCA); PCA lowered serotonin."
        var document = Self.document([text])
        document.abbreviations = [try Self.abbreviation("4-chloro-N-methylbenzylamine", "PCA", in: text)]
        #expect(Self.render(try stage.process(document)).filter { $0.hasSuffix("PCA=TEST:PCA") }.count == 2)
    }

    @Test func aShortFormDefinedForAnotherConceptIsReread() throws {
        // "NET" is the norepinephrine transporter in the lexicon; here it is defined as a drug.
        let text = "Norepinephrine (NET) levels rose; NET was measured."
        var document = Self.document([text])
        document.abbreviations = [try Self.abbreviation("Norepinephrine", "NET", in: text)]
        let processed = try stage.process(document)
        #expect(Self.render(processed) == [
            "0:0:Norepinephrine=DRUGBANK:DB00368",
            "0:0:NET=DRUGBANK:DB00368",
            "0:0:NET=DRUGBANK:DB00368",
        ])
    }

    @Test func offsetsSliceThePassageBack() throws {
        let text = "Sjögren’s patients on paracetamol – and Parkinson’s disease with β2-adrenergic receptor and TNFα 中文 migraines."
        let processed = try stage.process(Self.document([text]))
        #expect(processed.mentions.count == 5)
        let map = ScalarOffsetMap(text)
        let scalars = Array(text.unicodeScalars)
        for mention in processed.mentions {
            let bytes = Array(text.utf8)[mention.start..<mention.end]
            let fromBytes = String(decoding: bytes, as: UTF8.self)
            let start = map.scalarOffset(ofByte: mention.start)
            let end = map.scalarOffset(ofByte: mention.end)
            var fromScalars = ""
            fromScalars.unicodeScalars.append(contentsOf: scalars[start..<end])
            #expect(fromBytes == fromScalars)
            #expect(!fromBytes.isEmpty)
        }
    }

    @Test func oneThreadAndManyThreadsGiveTheSameMentions() throws {
        let sentences = [
            "Amitriptyline Hydrochloride is prescribed for migraines and chronic tension headaches.",
            "Its effects on serotonin and norepinephrine transporters and histamine and muscarinic receptors.",
            "Patients with AIDS, type 1 and type 2 diabetes or post-herpetic neuralgia received paracetamol.",
            "Insulin, CYP2D6 and the H1 receptor; anaemia in Parkinson's disease.",
        ]
        let documents = (0..<400).map { index in
            Self.document(
                [sentences[index % 4], sentences[(index * 7 + 1) % 4] + " " + sentences[(index * 3 + 2) % 4]],
                id: "PMID:\(index)"
            )
        }
        let stage = self.stage
        let serial = try documents.map { try stage.process($0).mentions }
        let results = Mutex([[Mention]](repeating: [], count: documents.count))
        DispatchQueue.concurrentPerform(iterations: 8) { chunk in
            var local: [(Int, [Mention])] = []
            for index in stride(from: chunk, to: documents.count, by: 8) {
                local.append((index, (try? stage.process(documents[index]).mentions) ?? []))
            }
            results.withLock { all in
                for (index, mentions) in local { all[index] = mentions }
            }
        }
        let parallel = results.withLock { $0 }
        #expect(parallel == serial)
        #expect(serial.allSatisfy { $0.count >= 6 })
    }
}
