import Foundation
import PharmineCore
import PharmineOutput
import Testing

@Suite struct SchemaTests {
    static func validator(_ schema: RecordSchema) throws -> SchemaValidator {
        try SchemaValidator(url: try #require(schema.url, "the \(schema.fileName) resource is missing"))
    }

    static func records(_ bytes: [UInt8]) throws -> [Any] {
        try RecordEncoderTests.lines(bytes).map { try JSONSerialization.jsonObject(with: Data($0.utf8)) }
    }

    @Test func tripleRecordsValidate() throws {
        let validator = try Self.validator(.triple)
        var json = JSONWriter()
        RecordEncoder().appendTriples(of: Sample.document, to: &json)
        let records = try Self.records(json.bytes)
        #expect(records.count == 3)
        for record in records {
            #expect(validator.errors(of: record) == [])
        }
    }

    @Test func mentionRecordsValidate() throws {
        let validator = try Self.validator(.mention)
        var json = JSONWriter()
        RecordEncoder().appendMentions(of: Sample.document, to: &json)
        let records = try Self.records(json.bytes)
        #expect(records.count == 6)
        for record in records {
            #expect(validator.errors(of: record) == [])
        }
    }

    /// Real pipeline output: the end-to-end golden files, which PharmineTests checks against a
    /// fresh run of the whole pipeline with the shipped lexicons.
    @Test(arguments: [
        ("end-to-end.triples.jsonl", RecordSchema.triple), ("end-to-end.mentions.jsonl", RecordSchema.mention),
    ])
    func realPipelineOutputValidates(file: String, schema: RecordSchema) throws {
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../PharmineTests/Golden/\(file)")
        let validator = try Self.validator(schema)
        let records = try Self.records(Array(try Data(contentsOf: golden)))
        #expect(records.count >= 5)
        for record in records {
            #expect(validator.errors(of: record) == [], "\(record)")
        }
    }

    @Test func schemaKeysFollowTheWriterOrder() throws {
        // The schema's `required` lists the keys in the order the writer writes them.
        let url = try #require(RecordSchema.triple.url)
        let schema = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let required = try #require(schema["required"] as? [String])
        var json = JSONWriter()
        RecordEncoder().appendTriples(of: Sample.document, to: &json)
        let line = RecordEncoderTests.lines(json.bytes)[0]
        let positions = required.map { line.range(of: "\"\($0)\":")?.lowerBound }
        let found = positions.compactMap { $0 }
        #expect(found.count == required.count)
        #expect(found == found.sorted())
    }

    @Test func validatorRejectsBrokenRecords() throws {
        let validator = try Self.validator(.triple)
        var json = JSONWriter()
        RecordEncoder().appendTriples(of: Sample.document, to: &json)
        let valid = try #require(try Self.records(json.bytes).first as? [String: Any])

        var missing = valid
        missing["rule"] = nil
        #expect(validator.errors(of: missing).contains { $0.contains("missing required rule") })

        var badEnum = valid
        badEnum["predicate"] = "causes"
        #expect(!validator.errors(of: badEnum).isEmpty)

        var extra = valid
        extra["surprise"] = NSNumber(value: 1)
        #expect(validator.errors(of: extra).contains { $0.contains("unexpected property surprise") })

        var outOfRange = valid
        outOfRange["confidence"] = NSNumber(value: 1.5)
        #expect(validator.errors(of: outOfRange).contains { $0.contains("maximum") })

        var wrongType = valid
        wrongType["negated"] = NSNumber(value: 0)
        #expect(!validator.errors(of: wrongType).isEmpty)

        var badSubject = valid
        var subject = try #require(valid["subject"] as? [String: Any])
        subject["id"] = "no-prefix"
        subject["start"] = NSNumber(value: -1)
        badSubject["subject"] = subject
        #expect(validator.errors(of: badSubject).count == 2)
    }
}
