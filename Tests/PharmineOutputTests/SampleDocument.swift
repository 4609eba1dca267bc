import PharmineCore

/// A small document with non-ASCII text, mentions and triples, built by hand.
enum Sample {
    static let title = "Amitriptyline for migraine."
    static let abstract =
        "In naïve patients, β-blockers and amitriptyline prevent migraines. It blocks the \"5-HT2A\" receptor.\nNo benefit in tension headache."

    /// UTF-8 byte range of the first occurrence of `needle` in `text`, searching from `from`.
    static func bytes(of needle: String, in text: String, from: Int = 0) -> Range<Int> {
        let haystack = Array(text.utf8)
        let pattern = Array(needle.utf8)
        var index = from
        while index + pattern.count <= haystack.count {
            if Array(haystack[index..<(index + pattern.count)]) == pattern { return index..<(index + pattern.count) }
            index += 1
        }
        return 0..<0
    }

    static func mention(
        _ type: EntityType,
        _ id: String,
        _ name: String,
        _ surface: String,
        passage: Int,
        sentence: Int,
        source: Mention.Source = .lexicon
    ) -> Mention {
        let text = passage == 0 ? title : abstract
        let range = bytes(of: surface, in: text)
        return Mention(
            type: type,
            id: id,
            name: name,
            passage: passage,
            sentence: sentence,
            start: range.lowerBound,
            end: range.upperBound,
            source: source
        )
    }

    static var document: Document {
        var document = Document(
            id: "PMID:12345",
            format: .medline,
            origin: Origin(file: "sample.xml", index: 0, line: 3),
            passages: [
                Passage(label: "title", text: title),
                Passage(label: "abstract", text: abstract, offset: title.unicodeScalars.count + 1),
            ]
        )
        document.metadata.title = title
        document.metadata.year = 2001
        document.metadata.pmid = "12345"
        document.metadata.meshHeadings = ["Migraine Disorders*", "Amitriptyline"]
        document.metadata.extra = [Infon("issn", "1"), Infon("issn", "2"), Infon("language", "eng")]
        let abstractBytes = Array(abstract.utf8)
        let firstEnd = bytes(of: "migraines.", in: abstract).upperBound
        let secondEnd = bytes(of: "receptor.", in: abstract).upperBound
        document.sentences = [
            Sentence(passage: 0, start: 0, end: title.utf8.count, tokens: 0..<0),
            Sentence(passage: 1, start: 0, end: firstEnd, tokens: 0..<0),
            Sentence(passage: 1, start: firstEnd + 1, end: secondEnd, tokens: 0..<0),
            Sentence(passage: 1, start: secondEnd + 1, end: abstractBytes.count, tokens: 0..<0),
        ]
        let amitriptyline = mention(.drug, "MESH:D000639", "amitriptyline", "amitriptyline", passage: 1, sentence: 1)
        let migraine = mention(.condition, "MESH:D008881", "migraine disorders", "migraines", passage: 1, sentence: 1)
        let betaBlockers = mention(
            .drug,
            "MESH:D000319",
            "adrenergic beta-antagonists",
            "β-blockers",
            passage: 1,
            sentence: 1
        )
        var anaphor = mention(.drug, "MESH:D000639", "amitriptyline", "It", passage: 1, sentence: 2, source: .anaphor)
        anaphor.hedged = true
        let receptor = mention(.receptor, "HGNC:5293", "HTR2A", "\"5-HT2A\" receptor", passage: 1, sentence: 2)
        var tension = mention(
            .condition,
            "MESH:D018781",
            "tension-type headache",
            "tension headache",
            passage: 1,
            sentence: 3
        )
        tension.negated = true
        var betaClass = betaBlockers
        betaClass.isClass = true
        document.mentions = [betaClass, amitriptyline, migraine, anaphor, receptor, tension]
        var prevent = Triple(
            subject: amitriptyline,
            predicate: .indication,
            qualifier: "prophylaxis",
            object: migraine,
            sentence: 1,
            confidence: 0.9,
            rule: "indication.prevent"
        )
        prevent.known = true
        let blocks = Triple(
            subject: anaphor,
            predicate: .mechanism,
            qualifier: "antagonist",
            object: receptor,
            sentence: 2,
            hedged: true,
            confidence: 0.7777,
            rule: "mechanism.blocks"
        )
        let noBenefit = Triple(
            subject: amitriptyline,
            predicate: .indication,
            qualifier: nil,
            object: tension,
            sentence: 3,
            negated: true,
            confidence: 0.5,
            rule: "indication.benefit"
        )
        document.triples = [prevent, blocks, noBenefit]
        return document
    }
}
