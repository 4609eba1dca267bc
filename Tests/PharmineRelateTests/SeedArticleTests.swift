import Foundation
import PharmineContext
import PharmineCore
import PharmineLexicon
import PharmineRelate
import PharmineText
import Testing

let seedURL = packageRoot.appending(path: "../shared/seed/amitriptyline-uses.txt")
let seedAvailable = FileManager.default.fileExists(atPath: seedURL.path)
let lexiconsURL = packageRoot.appending(path: "Lexicons")
let realLexiconAvailable = Lexicon.conceptFiles.allSatisfy {
    FileManager.default.fileExists(atPath: lexiconsURL.appending(path: $0).path)
}

/// The seed article as a plain-text document: one passage, label `text`.
func seedDocument() throws -> Document {
    let text = try String(contentsOf: seedURL, encoding: .utf8)
    var document = Document(
        id: "amitriptyline-uses",
        format: .text,
        origin: Origin(file: "amitriptyline-uses.txt", index: 0)
    )
    document.passages = [Passage(label: "text", text: text)]
    return document
}

/// The hand-made test lexicon as a real ``Lexicon``.
func testLexicon() -> Lexicon {
    Lexicon(
        entries: TestLexicon.concepts.map { concept in
            LexiconEntry(
                id: concept.id,
                type: concept.type,
                name: concept.name,
                synonyms: concept.surfaces,
                flags: concept.isClass ? ["class"] : []
            )
        }
    )
}

/// Checks the triples of the seed article against `../shared/seed/EXPECTED.md`.
func checkSeed(_ document: Document, sourceLocation: SourceLocation = #_sourceLocation) {
    let triples = document.triples
    let text = document.passages[0].text
    func surface(_ mention: Mention) -> String { PharmineRelateTests.text(of: mention, in: document) }
    let listing = triples.map { t in
        "\(t.sentence) \(t.predicate.rawValue) \(surface(t.subject))→\(surface(t.object)) [\(t.object.name)] "
            + "\(t.qualifier ?? "-") neg=\(t.negated) hedged=\(t.hedged) \(t.rule) \(t.confidence)"
    }.joined(separator: "\n")
    let comment = Comment(rawValue: listing)
    if ProcessInfo.processInfo.environment["DUMP_TRIPLES"] == "1" { Issue.record(comment) }

    // The drug: the concept of the mention on "Amitriptyline Hydrochloride".
    let drugID = document.mentions.first { $0.type == .drug && surface($0) == "Amitriptyline Hydrochloride" }?.id
    #expect(drugID != nil, "no drug mention on Amitriptyline Hydrochloride", sourceLocation: sourceLocation)

    func has(
        _ predicate: PharmineCore.Predicate,
        object: (String) -> Bool,
        _ accept: (Triple) -> Bool = { _ in true }
    ) -> Bool {
        triples.contains { $0.predicate == predicate && object(surface($0.object).lowercased()) && accept($0) }
    }
    // Must be found.
    let required: [(String, Bool)] = [
        ("depression primary", has(.indication, object: { $0 == "depression" }) { $0.qualifier == "primary" }),
        (
            "chronic pain off_label",
            has(.indication, object: { $0.hasPrefix("chronic pain") }) { $0.qualifier == "off_label" }
        ),
        (
            "neuropathic pain off_label",
            has(.indication, object: { $0 == "neuropathic pain" }) { $0.qualifier == "off_label" }
        ),
        (
            "diabetic neuropathy adjunct, subject This action",
            has(.indication, object: { $0 == "diabetic neuropathy" }) {
                $0.qualifier == "adjunct" && surface($0.subject) == "This action"
            }
        ),
        (
            "post-herpetic neuralgia adjunct, subject This action",
            has(.indication, object: { $0 == "post-herpetic neuralgia" }) {
                $0.qualifier == "adjunct" && surface($0.subject) == "This action"
            }
        ),
        ("fibromyalgia hedged", has(.indication, object: { $0 == "fibromyalgia" }) { $0.hedged && !$0.negated }),
        (
            "migraine prophylaxis",
            has(.indication, object: { $0.hasPrefix("migraine") }) { $0.qualifier == "prophylaxis" }
        ),
        (
            "tension headache prophylaxis",
            has(.indication, object: { $0.contains("tension") }) { $0.qualifier == "prophylaxis" }
        ),
        (
            "SLC6A4 reuptake_inhibitor",
            has(.mechanism, object: { $0 == "serotonin" }) {
                $0.object.id == "HGNC:11050" && $0.qualifier == "reuptake_inhibitor"
            }
        ),
        (
            "SLC6A2 reuptake_inhibitor",
            has(.mechanism, object: { $0 == "norepinephrine" }) {
                $0.object.id == "HGNC:11048" && $0.qualifier == "reuptake_inhibitor"
            }
        ),
        (
            "histamine antagonist",
            has(.mechanism, object: { $0.hasPrefix("histamine") }) { $0.qualifier == "antagonist" }
        ),
        (
            "muscarinic antagonist",
            has(.mechanism, object: { $0.hasPrefix("muscarinic") }) { $0.qualifier == "antagonist" }
        ),
    ]
    for (name, found) in required {
        #expect(found, "missing: \(name)\n\(listing)", sourceLocation: sourceLocation)
    }

    // Must not be found.
    #expect(!triples.contains { $0.predicate == .interaction }, comment, sourceLocation: sourceLocation)
    #expect(
        triples.allSatisfy { $0.subject.id == drugID && $0.subject.type == .drug },
        comment,
        sourceLocation: sourceLocation
    )
    #expect(
        triples.allSatisfy { $0.predicate == .indication ? $0.object.type == .condition : $0.object.type == .receptor },
        comment,
        sourceLocation: sourceLocation
    )
    for word in ["pathway", "side effect", "provider", "signaling"] {
        #expect(
            !triples.contains { surface($0.object).lowercased().contains(word) },
            comment,
            sourceLocation: sourceLocation
        )
    }
    struct Place: Hashable {
        var predicate: PharmineCore.Predicate
        var sentence: Int
        var subject: [Int]
        var object: [Int]
        var objectID: String
    }
    let places = triples.map {
        Place(
            predicate: $0.predicate,
            sentence: $0.sentence,
            subject: [$0.subject.start, $0.subject.end],
            object: [$0.object.start, $0.object.end],
            objectID: $0.object.id
        )
    }
    #expect(Set(places).count == places.count, "duplicate triple", sourceLocation: sourceLocation)
    struct Fact: Hashable {
        var predicate: PharmineCore.Predicate
        var sentence: Int
        var subjectID: String
        var object: [Int]
    }
    let facts = triples.map {
        Fact(
            predicate: $0.predicate,
            sentence: $0.sentence,
            subjectID: $0.subject.id,
            object: [$0.object.start, $0.object.end]
        )
    }
    #expect(Set(facts).count == facts.count, "same fact twice in a sentence", sourceLocation: sourceLocation)

    // Offsets: scalar offsets slice the article's own text back to the mention; the sentence
    // index is the mention's sentence.
    let map = ScalarOffsetMap(text)
    let scalars = Array(text.unicodeScalars)
    for triple in triples {
        for mention in [triple.subject, triple.object] {
            let start = map.scalarOffset(ofByte: mention.start)
            let end = map.scalarOffset(ofByte: mention.end)
            let slice = String(String.UnicodeScalarView(scalars[start..<end]))
            #expect(slice == surface(mention) && !slice.isEmpty, sourceLocation: sourceLocation)
            #expect(mention.passage == 0, sourceLocation: sourceLocation)
            let sentence = document.sentences[triple.sentence]
            #expect(sentence.start <= mention.start && mention.end <= sentence.end, sourceLocation: sourceLocation)
        }
        #expect((0...1).contains(triple.confidence), sourceLocation: sourceLocation)
        #expect(
            triple.predicate == .indication ? triple.known != nil : triple.known == nil,
            sourceLocation: sourceLocation
        )
    }
}

@Suite(.enabled(if: seedAvailable, "../shared/seed/amitriptyline-uses.txt is absent"))
struct SeedArticleTests {
    /// Hand-placed mentions on a simple tokenisation: the rules alone, no other stage.
    @Test func handPlacedMentions() throws {
        let text = try String(contentsOf: seedURL, encoding: .utf8)
        var placements = [
            Placement(surface: "Its", occurrence: nil, concept: "amitriptyline", anaphor: true),
            Placement(surface: "This action", occurrence: nil, concept: "amitriptyline", anaphor: true),
            Placement(
                surface: "this tricyclic antidepressant",
                occurrence: nil,
                concept: "amitriptyline",
                anaphor: true
            ),
            Placement(surface: "it", occurrence: nil, concept: "amitriptyline", anaphor: true),
            Placement(surface: "histamine", occurrence: nil, concept: "HRH1", anaphor: false),
        ]
        // "its" everywhere but the first (cataphoric) one: the fronted rule must find depression.
        let its = Fixture.wholeWordOccurrences(of: "its", in: text)
        for index in its.indices.dropFirst() {
            placements.append(Placement(surface: "its", occurrence: index, concept: "amitriptyline", anaphor: true))
        }
        var document = Fixture.document(text: text, placements: placements)
        document = try #require(relateStage()).process(document)
        checkSeed(document)
    }

    /// The real text and context stages (tokens, sentences, cues, anaphora) and the real matcher
    /// compiled from the hand-made test lexicon.
    @Test func realStagesWithTheTestLexicon() throws {
        var document = try seedDocument()
        document = TextStage().process(document)
        document = try EntityMatcher(matcher: Matcher(lexicon: testLexicon())).process(document)
        document = try ContextStage(lexiconDirectory: lexiconsURL.path).process(document)
        let stage = try #require(relateStage())
        let related = stage.process(document)
        checkSeed(related)
        // The shared walk of RelateStage gives what the extractors give one after the other.
        let sequential = try #require(stage.marker).process(
            stage.interaction.process(stage.mechanism.process(stage.indication.process(document)))
        )
        #expect(sequential.triples == related.triples)
    }

    /// The whole chain with the shipped lexicons.
    @Test(.enabled(if: realLexiconAvailable, "Lexicons/drugs.tsv, conditions.tsv or receptors.tsv is absent"))
    func realStagesWithTheShippedLexicons() throws {
        var document = try seedDocument()
        let lexicon = try articleLexicon(for: document.passages[0].text)
        document = TextStage().process(document)
        document = try EntityMatcher(matcher: Matcher(lexicon: lexicon)).process(document)
        document = try ContextStage(lexiconDirectory: lexiconsURL.path).process(document)
        document = try RelateStage(lexiconsDirectory: lexiconsURL, lexicon: lexicon).process(document)
        checkSeed(document)
        // Amitriptyline–migraine is a PharmacotherapyDB indication.
        #expect(document.triples.contains { $0.known == true && $0.object.name.lowercased().contains("migraine") })
    }

    /// The shipped lexicon cut down to the concepts that could match the article: those with a
    /// surface form whose every word occurs in it (singular or plural). Compiling the whole
    /// lexicon in a debug build takes minutes; the cut keeps every match the article can make,
    /// coordination ellipsis included ("histamine and muscarinic receptors").
    func articleLexicon(for text: String) throws -> Lexicon {
        let full = try Lexicon(directory: lexiconsURL.path)
        func words(_ string: String) -> [String] {
            string.lowercased().split { !$0.isLetter && !$0.isNumber }.map { word in
                word.count > 3 && word.hasSuffix("s") ? String(word.dropLast()) : String(word)
            }
        }
        let vocabulary = Set(words(text))
        let entries = full.entries.filter { entry in
            entry.surfaceForms.contains { form in
                let formWords = words(form)
                return !formWords.isEmpty && formWords.allSatisfy(vocabulary.contains)
            }
        }
        return Lexicon(entries: entries, curation: full.curation, drugForms: full.drugForms)
    }

    func relateStage() -> RelateStage? {
        try? RelateStage(lexiconsDirectory: lexiconsURL)
    }
}
