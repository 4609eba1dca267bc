import Foundation
import PharmineCore
import PharmineOutput
import Testing

@Suite struct RecordEncoderTests {
    static func lines(_ bytes: [UInt8]) -> [String] {
        String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .dropLast().map(String.init)
    }

    static func object(_ line: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    /// Slices a passage text at scalar offsets.
    static func slice(_ text: String, _ start: Int, _ end: Int) -> String {
        let scalars = Array(text.unicodeScalars)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return String(view)
    }

    @Test func tripleLineIsExact() {
        var json = JSONWriter()
        RecordEncoder().appendTriples(of: Sample.document, to: &json)
        let lines = Self.lines(json.bytes)
        #expect(lines.count == 3)
        // "In naïve patients, β-blockers and " = 34 scalars before "amitriptyline".
        #expect(
            lines[0]
                == #"{"doc":"PMID:12345","section":"abstract","sentence":1,"predicate":"indication","qualifier":"prophylaxis","subject":{"id":"MESH:D000639","name":"amitriptyline","type":"drug","text":"amitriptyline","start":34,"end":47},"object":{"id":"MESH:D008881","name":"migraine disorders","type":"condition","text":"migraines","start":56,"end":65},"negated":false,"hedged":false,"confidence":0.9,"rule":"indication.prevent","evidence":"In naïve patients, β-blockers and amitriptyline prevent migraines.","known":true}"#
        )
    }

    @Test func offsetsAreScalarOffsetsThatSliceTheText() throws {
        let document = Sample.document
        var json = JSONWriter()
        let encoder = RecordEncoder()
        encoder.appendTriples(of: document, to: &json)
        encoder.appendMentions(of: document, to: &json)
        let texts = Dictionary(uniqueKeysWithValues: document.passages.map { ($0.label, $0.text) })
        var checked = 0
        for line in Self.lines(json.bytes) {
            let record = try Self.object(line)
            let section = try #require(record["section"] as? String)
            let text = try #require(texts[section])
            let spans =
                record["subject"] != nil
                ? [record["subject"], record["object"]].compactMap { $0 as? [String: Any] } : [record]
            for span in spans {
                let start = try #require(span["start"] as? Int)
                let end = try #require(span["end"] as? Int)
                #expect(Self.slice(text, start, end) == span["text"] as? String)
                checked += 1
            }
        }
        #expect(checked == 3 * 2 + 6)
    }

    @Test func anaphoricSubjectCarriesTheDrugAndTheAnaphorSpan() throws {
        var json = JSONWriter()
        RecordEncoder().appendTriples(of: Sample.document, to: &json)
        let record = try Self.object(Self.lines(json.bytes)[1])
        let subject = try #require(record["subject"] as? [String: Any])
        #expect(subject["id"] as? String == "MESH:D000639")
        #expect(subject["name"] as? String == "amitriptyline")
        #expect(subject["text"] as? String == "It")
        #expect(record["confidence"] as? Double == 0.778)
        #expect(record["hedged"] as? Bool == true)
        #expect(record["known"] is NSNull)
        #expect(record["evidence"] as? String == "It blocks the \"5-HT2A\" receptor.")
        let negated = try Self.object(Self.lines(json.bytes)[2])
        #expect(negated["qualifier"] is NSNull)
        #expect(negated["negated"] as? Bool == true)
        #expect(negated["evidence"] as? String == "No benefit in tension headache.")
    }

    @Test func mentionKeysComeInTheDesignOrder() {
        var json = JSONWriter()
        RecordEncoder().appendMentions(of: Sample.document, to: &json)
        let lines = Self.lines(json.bytes)
        #expect(lines.count == 6)
        #expect(
            lines[0]
                == #"{"doc":"PMID:12345","section":"abstract","sentence":1,"type":"drug","id":"MESH:D000319","name":"adrenergic beta-antagonists","text":"β-blockers","start":19,"end":29,"negated":false,"hedged":false,"source":"lexicon"}"#
        )
        #expect(lines[5].contains(#""negated":true"#))
        #expect(lines[3].hasSuffix(#""hedged":true,"source":"anaphor"}"#))
    }

    @Test func documentViewHoldsMetadataAndPassages() throws {
        var document = Sample.document
        document.annotations = [
            Annotation(
                id: "T1",
                type: "Chemical",
                text: "amitriptyline",
                passage: 1,
                start: 34,
                end: 47,
                identifiers: ["MESH:D000639"],
                infons: [Infon("type", "Chemical")]
            )
        ]
        document.relations = [Relation(id: "R1", type: "CID", first: "D000639", second: "D008881")]
        var json = JSONWriter()
        RecordEncoder().appendDocument(document, to: &json)
        let lines = Self.lines(json.bytes)
        #expect(lines.count == 1)
        #expect(
            lines[0].hasPrefix(
                #"{"id":"PMID:12345","format":"medline","origin":{"file":"sample.xml","index":0,"line":3},"metadata":{"title":"Amitriptyline for migraine.","journal":null,"year":2001,"#
            )
        )
        let record = try Self.object(lines[0])
        let metadata = try #require(record["metadata"] as? [String: Any])
        #expect(metadata["mesh"] as? [String] == ["Migraine Disorders*", "Amitriptyline"])
        #expect(metadata["extra"] as? [String: String] == ["issn": "1; 2", "language": "eng"])
        let passages = try #require(record["passages"] as? [[String: Any]])
        #expect(passages.map { $0["label"] as? String } == ["title", "abstract"])
        #expect(passages[1]["text"] as? String == Sample.abstract)
        #expect(passages[1]["offset"] as? Int == 28)
        let annotations = try #require(record["annotations"] as? [[String: Any]])
        #expect(annotations.first?["identifiers"] as? [String] == ["MESH:D000639"])
        let relations = try #require(record["relations"] as? [[String: Any]])
        #expect(relations.first?["type"] as? String == "CID")
    }

    @Test func spansOutsideThePassageAreClampedNotFatal() throws {
        var document = Sample.document
        document.mentions = [
            Mention(type: .drug, id: "X:1", name: "x", passage: 1, sentence: 9, start: 5, end: 10_000),
            Mention(type: .drug, id: "X:2", name: "y", passage: 7, sentence: 0, start: 0, end: 3),
        ]
        var json = JSONWriter()
        RecordEncoder().appendMentions(of: document, to: &json)
        let lines = Self.lines(json.bytes)
        let first = try Self.object(lines[0])
        #expect(first["end"] as? Int == Sample.abstract.unicodeScalars.count)
        let second = try Self.object(lines[1])
        #expect(second["section"] as? String == "")
        #expect(second["text"] as? String == "")
    }
}
