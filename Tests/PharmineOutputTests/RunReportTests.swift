import Foundation
import PharmineCore
import PharmineOutput
import Testing

@Suite struct RunReportTests {
    @Test func reportParsesAndAccountsForEveryDocument() throws {
        var report = RunReport(
            version: "0.1.0",
            command: "extract",
            inputs: ["Corpora"],
            formats: [.triples, .evidence]
        )
        report.lexicon = [Infon("directory", "Lexicons"), Infon("entries", "12")]
        report.files = [
            RunReport.FileRead(path: "a.xml", format: .medline, bytes: 2_000_000, documents: 3),
            RunReport.FileRead(path: "b.gz", format: nil, bytes: 10, documents: 0),
        ]
        report.ignored = [RunReport.IgnoredFile(path: "notes.doc", reason: "unsupported file type '.doc'")]
        report.extracted = 2
        report.skipped = [RunReport.Skipped(file: "a.xml", id: "PMID:3", line: 40, reason: "deleted")]
        report.failed = [
            RunReport.Failed(code: "corrupt_gzip", file: "b.gz", message: "truncated"),
            RunReport.Failed(
                code: "stage_failed",
                file: "a.xml",
                line: 2,
                id: "PMID:2",
                index: 1,
                stage: "Boom",
                message: "boom"
            ),
        ]
        report.mentions = [.drug: 4]
        report.triples = [.indication: 2]
        report.outputs = [RunReport.OutputRecord(format: .triples, file: "triples.jsonl", records: 2, bytes: 100)]
        report.threads = 2
        report.started = Date(timeIntervalSince1970: 1_000)
        report.finished = Date(timeIntervalSince1970: 1_002)
        #expect(report.total == 5)

        let text = String(decoding: report.json, as: UTF8.self)
        let object = try #require(JSONSerialization.jsonObject(with: Data(report.json)) as? [String: Any])
        let documents = try #require(object["documents"] as? [String: Int])
        #expect(documents == ["total": 5, "extracted": 2, "skipped": 1, "failed": 2])
        let files = try #require(object["files"] as? [String: Any])
        #expect(files["formats"] as? [String: Int] == ["medline": 1])
        #expect(files["bytes"] as? Int == 2_000_010)
        #expect(object["mentions"] as? [String: Int] == ["drug": 4, "condition": 0, "receptor": 0])
        let run = try #require(object["run"] as? [String: Any])
        #expect(run["documents_per_second"] as? Double == 2.5)
        #expect(run["megabytes_per_second"] as? Double == 1.0)
        #expect(run["started"] as? String == "1970-01-01T00:16:40Z")
        // Everything that varies between runs comes last.
        let runKey = try #require(text.range(of: "\"run\":"))
        #expect(text[runKey.upperBound...].contains("\"threads\""))
        #expect(!text[..<runKey.lowerBound].contains("\"threads\""))
        #expect(text.hasPrefix("{\n  \"tool\": \"pharmine\",\n  \"version\": \"0.1.0\","))
    }
}
