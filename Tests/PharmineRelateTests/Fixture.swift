import Foundation
import PharmineCore

/// A concept of the hand-made test lexicon.
struct TestConcept {
    var type: EntityType
    var id: String
    var name: String
    var surfaces: [String]
    var isClass = false
}

/// A small hand-made lexicon, enough for the rule tables and the seed article.
enum TestLexicon {
    static let concepts: [TestConcept] = [
        // Drugs
        TestConcept(
            type: .drug,
            id: "DRUGBANK:DB00321",
            name: "amitriptyline",
            surfaces: ["amitriptyline hydrochloride", "amitriptyline"]
        ),
        TestConcept(type: .drug, id: "DRUGBANK:DB00945", name: "aspirin", surfaces: ["aspirin"]),
        TestConcept(type: .drug, id: "MESH:D054439", name: "ghrelin", surfaces: ["ghrelin"]),
        TestConcept(type: .drug, id: "MESH:D016753", name: "interleukin-10", surfaces: ["interleukin-10", "il-10"]),
        TestConcept(type: .drug, id: "DRUGBANK:DB00030", name: "insulin human", surfaces: ["insulin"]),
        TestConcept(type: .drug, id: "DRUGBANK:DB01050", name: "ibuprofen", surfaces: ["ibuprofen"]),
        TestConcept(type: .drug, id: "DRUGBANK:DB01026", name: "ketoconazole", surfaces: ["ketoconazole"]),
        TestConcept(type: .drug, id: "DRUGBANK:DB00683", name: "midazolam", surfaces: ["midazolam"]),
        TestConcept(type: .drug, id: "DRUGBANK:DB00472", name: "fluoxetine", surfaces: ["fluoxetine"]),
        TestConcept(type: .drug, id: "DRUGBANK:DB00669", name: "sumatriptan", surfaces: ["sumatriptan"]),
        TestConcept(type: .drug, id: "DRUGBANK:DB00331", name: "metformin", surfaces: ["metformin"]),
        TestConcept(type: .drug, id: "DRUGBANK:DB00722", name: "lisinopril", surfaces: ["lisinopril"]),
        TestConcept(type: .drug, id: "DRUGBANK:DB00682", name: "warfarin", surfaces: ["warfarin"]),
        TestConcept(type: .drug, id: "DRUGBANK:DB01075", name: "diphenhydramine", surfaces: ["diphenhydramine"]),
        TestConcept(type: .drug, id: "DRUGBANK:DB00471", name: "montelukast", surfaces: ["montelukast"]),
        TestConcept(type: .drug, id: "DRUGBANK:DB00316", name: "acetaminophen", surfaces: ["acetaminophen"]),
        TestConcept(type: .drug, id: "DRUGBANK:DB06151", name: "acetylcysteine", surfaces: ["acetylcysteine"]),
        TestConcept(type: .drug, id: "DRUGBANK:DB00904", name: "ondansetron", surfaces: ["ondansetron"]),
        TestConcept(type: .drug, id: "DRUGBANK:DB00515", name: "cisplatin", surfaces: ["cisplatin"]),
        TestConcept(type: .drug, id: "DRUGBANK:DB00727", name: "nitroglycerin", surfaces: ["nitroglycerin"]),
        TestConcept(type: .drug, id: "DRUGBANK:DB00601", name: "linezolid", surfaces: ["linezolid"]),
        TestConcept(type: .drug, id: "DRUGBANK:DB00641", name: "simvastatin", surfaces: ["simvastatin"]),
        TestConcept(type: .drug, id: "DRUGBANK:DB01211", name: "clarithromycin", surfaces: ["clarithromycin"]),
        TestConcept(type: .drug, id: "DRUGBANK:DB00193", name: "tramadol", surfaces: ["tramadol"]),
        TestConcept(type: .drug, id: "DRUGBANK:DB00571", name: "propranolol", surfaces: ["propranolol"]),
        TestConcept(type: .drug, id: "DRUGBANK:DB01104", name: "sertraline", surfaces: ["sertraline"]),
        TestConcept(type: .drug, id: "DRUGBANK:DB00502", name: "haloperidol", surfaces: ["haloperidol"]),
        TestConcept(type: .drug, id: "DRUGBANK:DB01238", name: "aripiprazole", surfaces: ["aripiprazole"]),
        TestConcept(type: .drug, id: "DRUGBANK:DB00476", name: "duloxetine", surfaces: ["duloxetine"]),
        TestConcept(type: .drug, id: "DRUGBANK:DB00252", name: "phenytoin", surfaces: ["phenytoin"]),
        TestConcept(type: .drug, id: "DRUGBANK:DB00338", name: "omeprazole", surfaces: ["omeprazole"]),
        TestConcept(type: .drug, id: "DRUGBANK:DB00564", name: "carbamazepine", surfaces: ["carbamazepine"]),
        TestConcept(type: .drug, id: "DRUGBANK:DB01174", name: "phenobarbital", surfaces: ["phenobarbital"]),
        TestConcept(type: .drug, id: "DRUGBANK:DB08839", name: "serotonin", surfaces: ["serotonin"]),
        TestConcept(type: .drug, id: "DRUGBANK:DB00142", name: "glutamate", surfaces: ["glutamate"]),
        TestConcept(type: .drug, id: "MESH:D003404", name: "creatinine", surfaces: ["creatinine"]),
        TestConcept(
            type: .drug,
            id: "DRUGBANK:DB00368",
            name: "norepinephrine",
            surfaces: ["norepinephrine", "noradrenaline"]
        ),
        TestConcept(
            type: .drug,
            id: "MESH:D008996",
            name: "monoamine oxidase inhibitors",
            surfaces: ["mao inhibitors", "maois", "monoamine oxidase inhibitors"],
            isClass: true
        ),
        TestConcept(
            type: .drug,
            id: "MESH:D000929",
            name: "antidepressive agents, tricyclic",
            surfaces: ["tricyclic antidepressant", "tricyclic antidepressants"],
            isClass: true
        ),
        // Conditions
        TestConcept(
            type: .condition,
            id: "MESH:D003866",
            name: "depressive disorder",
            surfaces: ["major depressive disorder", "depressive disorder", "depression"]
        ),
        TestConcept(type: .condition, id: "MESH:D059350", name: "chronic pain", surfaces: ["chronic pain"]),
        TestConcept(type: .condition, id: "MESH:D009437", name: "neuralgia", surfaces: ["neuropathic pain"]),
        TestConcept(
            type: .condition,
            id: "MESH:D003929",
            name: "diabetic neuropathies",
            surfaces: ["diabetic neuropathy", "diabetic neuropathies"]
        ),
        TestConcept(
            type: .condition,
            id: "MESH:D051474",
            name: "neuralgia, postherpetic",
            surfaces: ["post-herpetic neuralgia", "postherpetic neuralgia"]
        ),
        TestConcept(type: .condition, id: "MESH:D005356", name: "fibromyalgia", surfaces: ["fibromyalgia"]),
        TestConcept(
            type: .condition,
            id: "MESH:D008881",
            name: "migraine disorders",
            surfaces: ["migraines", "migraine"]
        ),
        TestConcept(
            type: .condition,
            id: "MESH:D018781",
            name: "tension-type headache",
            surfaces: ["tension-type headache", "tension headaches", "tension headache"]
        ),
        TestConcept(type: .condition, id: "MESH:D006261", name: "headache", surfaces: ["headaches", "headache"]),
        TestConcept(type: .condition, id: "MESH:D005221", name: "fatigue", surfaces: ["fatigue"]),
        TestConcept(type: .condition, id: "MESH:D001249", name: "asthma", surfaces: ["asthma"]),
        TestConcept(type: .condition, id: "MESH:D006973", name: "hypertension", surfaces: ["hypertension"]),
        TestConcept(type: .condition, id: "MESH:D009325", name: "nausea", surfaces: ["nausea"]),
        TestConcept(type: .condition, id: "MESH:D010146", name: "pain", surfaces: ["pain"]),
        TestConcept(
            type: .condition,
            id: "MESH:D003924",
            name: "diabetes mellitus, type 2",
            surfaces: ["type 2 diabetes"]
        ),
        TestConcept(type: .condition, id: "MESH:D000787", name: "angina pectoris", surfaces: ["angina"]),
        TestConcept(
            type: .condition,
            id: "MESH:D056486",
            name: "chemical and drug induced liver injury",
            surfaces: ["hepatotoxicity"]
        ),
        TestConcept(
            type: .condition,
            id: "MESH:D007319",
            name: "sleep initiation and maintenance disorders",
            surfaces: ["insomnia"]
        ),
        TestConcept(type: .condition, id: "MESH:D012559", name: "schizophrenia", surfaces: ["schizophrenia"]),
        TestConcept(type: .condition, id: "MESH:D006331", name: "heart diseases", surfaces: ["heart disease"]),
        TestConcept(type: .condition, id: "MESH:D012640", name: "seizures", surfaces: ["seizures", "epilepsy"]),
        // Targets
        TestConcept(
            type: .receptor,
            id: "FPLX:CHRM",
            name: "muscarinic acetylcholine receptors",
            surfaces: ["muscarinic receptors", "muscarinic receptor"],
            isClass: true
        ),
        TestConcept(
            type: .receptor,
            id: "HGNC:5182",
            name: "HRH1",
            surfaces: ["histamine h1 receptors", "histamine h1 receptor", "h1 receptors", "h1 receptor", "h1"]
        ),
        TestConcept(
            type: .receptor,
            id: "FPLX:HRH",
            name: "histamine receptors",
            surfaces: ["histamine receptors"],
            isClass: true
        ),
        TestConcept(type: .receptor, id: "HGNC:2637", name: "CYP3A4", surfaces: ["cyp3a4"]),
        TestConcept(type: .receptor, id: "HGNC:2625", name: "CYP2D6", surfaces: ["cyp2d6"]),
        TestConcept(
            type: .receptor,
            id: "HGNC:5293",
            name: "HTR2A",
            surfaces: ["5-ht2a receptors", "5-ht2a receptor", "5-ht2a"]
        ),
        TestConcept(
            type: .receptor,
            id: "HGNC:3023",
            name: "DRD2",
            surfaces: ["dopamine d2 receptors", "dopamine d2 receptor", "d2 receptors", "d2 receptor"]
        ),
        TestConcept(
            type: .receptor,
            id: "HGNC:8156",
            name: "OPRM1",
            surfaces: ["mu-opioid receptor", "mu-opioid receptors"]
        ),
        TestConcept(
            type: .receptor,
            id: "FPLX:SCN",
            name: "voltage-gated sodium channels",
            surfaces: ["sodium channels", "voltage-gated sodium channels"],
            isClass: true
        ),
        TestConcept(type: .receptor, id: "HGNC:11050", name: "SLC6A4", surfaces: ["serotonin transporter"]),
        // Drug classes named for their target, their targets and members (ClassMechanismTests).
        TestConcept(type: .drug, id: "DRUGBANK:DB00482", name: "celecoxib", surfaces: ["celecoxib"]),
        TestConcept(type: .drug, id: "DRUGBANK:DB01197", name: "captopril", surfaces: ["captopril"]),
        TestConcept(type: .drug, id: "DRUGBANK:DB00584", name: "enalapril", surfaces: ["enalapril"]),
        TestConcept(type: .drug, id: "DRUGBANK:DB00264", name: "metoprolol", surfaces: ["metoprolol"]),
        TestConcept(
            type: .drug,
            id: "MESH:D052246",
            name: "cyclooxygenase 2 inhibitors",
            surfaces: ["cox-2 inhibitor", "cox-2 inhibitors"],
            isClass: true
        ),
        TestConcept(
            type: .drug,
            id: "MESH:D000806",
            name: "angiotensin-converting enzyme inhibitors",
            surfaces: ["ace inhibitor", "ace inhibitors"],
            isClass: true
        ),
        TestConcept(
            type: .drug,
            id: "MESH:D058831",
            name: "serotonin 5-ht3 receptor antagonists",
            surfaces: ["5-ht3 antagonist", "5-ht3 antagonists"],
            isClass: true
        ),
        TestConcept(
            type: .drug,
            id: "MESH:D058671",
            name: "adrenergic beta-1 receptor antagonists",
            surfaces: ["beta1-adrenoceptor blocker", "beta1-adrenoceptor blockers"],
            isClass: true
        ),
        TestConcept(type: .receptor, id: "HGNC:9605", name: "PTGS2", surfaces: []),
        TestConcept(type: .receptor, id: "HGNC:2707", name: "ACE", surfaces: []),
        TestConcept(type: .receptor, id: "HGNC:5297", name: "HTR3A", surfaces: []),
        TestConcept(type: .receptor, id: "HGNC:285", name: "ADRB1", surfaces: []),
        TestConcept(type: .receptor, id: "MESH:D010770", name: "Phosphotransferases", surfaces: ["kinase", "kinases"]),
        // Endogenous signal proteins met under a drug's concept (MechanismExtractorTests).
        TestConcept(type: .drug, id: "DRUGBANK:DB11639", name: "Dibotermin alfa", surfaces: []),
        TestConcept(type: .drug, id: "DRUGBANK:DB00644", name: "Gonadorelin", surfaces: []),
        TestConcept(type: .drug, id: "DRUGBANK:DB05815", name: "GnRH pharmaccine", surfaces: []),
        TestConcept(type: .drug, id: "MESH:D020738", name: "leptin", surfaces: []),
        TestConcept(type: .drug, id: "MESH:D000078604", name: "Secretagogues", surfaces: [], isClass: true),
        TestConcept(type: .receptor, id: "HGNC:6554", name: "LEPR", surfaces: []),
    ]

    static func concept(named name: String) -> TestConcept? {
        concepts.first { $0.name == name }
    }
}

/// An explicit mention placement: the `occurrence`-th (from 0) whole-word occurrence of
/// `surface`, as concept `concept`; an anaphor when `anaphor` is set.
struct Placement {
    var surface: String
    var occurrence: Int?
    var concept: String
    var anaphor: Bool
}

/// Builds documents by hand: a simple tokenizer and sentence splitter, mentions from the test
/// lexicon (leftmost-longest over tokens), plus explicit placements.
enum Fixture {
    /// A document from marked text: `{text|name}` places a mention of concept `name` on
    /// `text`; `{text|^name}` places an anaphor resolved to `name`.
    static func document(_ marked: String) -> Document {
        var text = ""
        var placements: [(start: Int, end: Int, concept: String, anaphor: Bool)] = []
        var rest = Substring(marked)
        while let open = rest.firstIndex(of: "{") {
            text += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let inner = rest[rest.index(after: open)..<close]
            let parts = inner.split(separator: "|", maxSplits: 1)
            let surface = String(parts[0])
            var concept = parts.count > 1 ? String(parts[1]) : surface
            let anaphor = concept.hasPrefix("^")
            if anaphor { concept.removeFirst() }
            let start = text.utf8.count
            text += surface
            placements.append((start, text.utf8.count, concept, anaphor))
            rest = rest[rest.index(after: close)...]
        }
        text += rest
        return build(text: text, spans: placements)
    }

    /// A document from plain text with explicit placements by occurrence.
    static func document(text: String, placements: [Placement]) -> Document {
        var spans: [(start: Int, end: Int, concept: String, anaphor: Bool)] = []
        for placement in placements {
            let occurrences = wholeWordOccurrences(of: placement.surface, in: text)
            let chosen =
                placement.occurrence.map { occurrences.indices.contains($0) ? [occurrences[$0]] : [] }
                ?? occurrences
            for range in chosen {
                spans.append((range.lowerBound, range.upperBound, placement.concept, placement.anaphor))
            }
        }
        return build(text: text, spans: spans)
    }

    /// UTF-8 ranges of case-sensitive whole-word occurrences.
    static func wholeWordOccurrences(of surface: String, in text: String) -> [Range<Int>] {
        let bytes = Array(text.utf8)
        let needle = Array(surface.utf8)
        var result: [Range<Int>] = []
        guard !needle.isEmpty, bytes.count >= needle.count else { return result }
        func isWordByte(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte >= 0x80
        }
        for start in 0...(bytes.count - needle.count) where Array(bytes[start..<start + needle.count]) == needle {
            let end = start + needle.count
            if start > 0, isWordByte(bytes[start - 1]) { continue }
            if end < bytes.count, isWordByte(bytes[end]) { continue }
            result.append(start..<end)
        }
        return result
    }

    /// Tokens: runs of letters and digits; every other non-space scalar alone.
    static func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var offset = 0
        var wordStart: Int?
        var wordIsNumber = true
        for scalar in text.unicodeScalars {
            let length = String(scalar).utf8.count
            let isWord = scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
            if isWord {
                if wordStart == nil {
                    wordStart = offset
                    wordIsNumber = true
                }
                if !("0"..."9").contains(scalar) { wordIsNumber = false }
            } else {
                if let start = wordStart {
                    tokens.append(Token(start: start, end: offset, kind: wordIsNumber ? .number : .word))
                    wordStart = nil
                }
                if !scalar.properties.isWhitespace {
                    tokens.append(Token(start: offset, end: offset + length, kind: .punctuation))
                }
            }
            offset += length
        }
        if let start = wordStart {
            tokens.append(Token(start: start, end: offset, kind: wordIsNumber ? .number : .word))
        }
        return tokens
    }

    /// Sentences: a "." "!" or "?" token followed by whitespace and an uppercase letter (or the
    /// end) ends one, unless it follows a one- or two-letter word ("e.g.", "vs.").
    static func sentences(_ text: String, tokens: [Token]) -> [Sentence] {
        let bytes = Array(text.utf8)
        var result: [Sentence] = []
        var first = 0
        func word(_ index: Int) -> String {
            String(decoding: bytes[tokens[index].start..<tokens[index].end], as: UTF8.self)
        }
        for index in tokens.indices {
            let token = tokens[index]
            guard token.kind == .punctuation, [".", "!", "?"].contains(word(index)) else { continue }
            let isLast = index == tokens.count - 1
            if !isLast {
                let next = tokens[index + 1]
                guard next.start > token.end, let scalar = word(index + 1).unicodeScalars.first,
                    scalar.properties.isUppercase || word(index + 1) == "\n"
                else { continue }
                if index > 0, ["e.g", "i.e", "vs", "al", "g", "e"].contains(word(index - 1).lowercased()) { continue }
            }
            result.append(Sentence(passage: 0, start: tokens[first].start, end: token.end, tokens: first..<(index + 1)))
            first = index + 1
        }
        if first < tokens.count {
            result.append(
                Sentence(
                    passage: 0,
                    start: tokens[first].start,
                    end: tokens[tokens.count - 1].end,
                    tokens: first..<tokens.count
                )
            )
        }
        return result
    }

    private static func build(text: String, spans: [(start: Int, end: Int, concept: String, anaphor: Bool)]) -> Document
    {
        var document = Document(id: "test", format: .text, origin: Origin(file: "test.txt", index: 0))
        document.passages = [Passage(label: "text", text: text)]
        let tokens = tokenize(text)
        document.tokens = [tokens]
        document.sentences = sentences(text, tokens: tokens)
        let bytes = Array(text.utf8)
        func sentence(of offset: Int) -> Int {
            document.sentences.firstIndex { $0.start <= offset && offset < $0.end } ?? 0
        }
        var mentions: [Mention] = []
        var covered = [Bool](repeating: false, count: bytes.count + 1)
        for span in spans {
            guard let concept = TestLexicon.concept(named: span.concept) else { continue }
            mentions.append(
                Mention(
                    type: concept.type,
                    id: concept.id,
                    name: concept.name,
                    passage: 0,
                    sentence: sentence(of: span.start),
                    start: span.start,
                    end: span.end,
                    source: span.anaphor ? .anaphor : .lexicon,
                    isClass: concept.isClass && !span.anaphor
                )
            )
            for offset in span.start..<span.end { covered[offset] = true }
        }
        // Leftmost-longest lexicon matching over lowercased tokens.
        let words = tokens.map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self).lowercased() }
        let patterns: [(words: [String], concept: TestConcept)] = TestLexicon.concepts.flatMap { concept in
            concept.surfaces.map { surface in
                (
                    tokenize(surface).map { token in
                        String(decoding: Array(surface.utf8)[token.start..<token.end], as: UTF8.self)
                    }, concept
                )
            }
        }
        var index = 0
        while index < tokens.count {
            var best: (length: Int, concept: TestConcept)?
            for pattern in patterns where index + pattern.words.count <= tokens.count {
                guard Array(words[index..<index + pattern.words.count]) == pattern.words else { continue }
                // Adjacent tokens of a pattern must be in the same relation as in the surface
                // (no check of spacing here: the test lexicon is small).
                if pattern.words.count > (best?.length ?? 0) { best = (pattern.words.count, pattern.concept) }
            }
            if let best {
                let start = tokens[index].start
                let end = tokens[index + best.length - 1].end
                if !(start..<end).contains(where: { covered[$0] }) {
                    mentions.append(
                        Mention(
                            type: best.concept.type,
                            id: best.concept.id,
                            name: best.concept.name,
                            passage: 0,
                            sentence: sentence(of: start),
                            start: start,
                            end: end,
                            isClass: best.concept.isClass
                        )
                    )
                }
                index += best.length
            } else {
                index += 1
            }
        }
        mentions.sort { ($0.start, $0.end) < ($1.start, $1.end) }
        document.mentions = mentions
        return document
    }
}

/// Compact views of triples for assertions.
extension Triple {
    /// "predicate subject→object qualifier" with concept names, e.g. `indication amitriptyline→migraine disorders prophylaxis`.
    var summary: String {
        "\(predicate.rawValue) \(subject.name)→\(object.name) \(qualifier ?? "-")"
    }
}

/// The text a mention spans in its document.
func text(of mention: Mention, in document: Document) -> String {
    let bytes = Array(document.passages[mention.passage].text.utf8)
    return String(decoding: bytes[mention.start..<mention.end], as: UTF8.self)
}

/// The package root (the folder holding Package.swift), found from this file's path.
let packageRoot: URL = {
    var url = URL(filePath: #filePath).deletingLastPathComponent()
    while url.path != "/" {
        if FileManager.default.fileExists(atPath: url.appending(path: "Package.swift").path) { return url }
        url.deleteLastPathComponent()
    }
    return url
}()
