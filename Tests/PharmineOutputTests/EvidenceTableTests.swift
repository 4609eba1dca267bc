import Foundation
import PharmineCore
import PharmineOutput
import Testing

@Suite struct EvidenceTableTests {
    static func tableText(_ table: EvidenceTable, write: (EvidenceTable, OutputFile) throws -> Void) throws -> String {
        let directory = try OutputFileTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/table.tsv"
        try OutputFile.write(to: path) { try write(table, $0) }
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    static func rows(_ text: String) -> [[String]] {
        text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    static func corpus() -> [Document] {
        var first = Sample.document
        first.id = "PMID:1"
        var second = Sample.document
        second.id = "PMID:2"
        // The same fact twice in one sentence and once more in another sentence.
        var again = second.triples[0]
        again.confidence = 0.95
        again.hedged = true
        var elsewhere = second.triples[0]
        elsewhere.sentence = 3
        elsewhere.negated = true
        elsewhere.rule = "indication.other"
        second.triples += [again, elsewhere]
        var third = Sample.document
        third.id = "report-7"
        third.triples = [third.triples[1]]
        return [first, second, third]
    }

    @Test func factsAreCountedOncePerDocumentAndSentence() throws {
        var table = EvidenceTable()
        for document in Self.corpus() { table.add(document) }
        #expect(table.count == 3)
        let text = try Self.tableText(table) { try $0.write(to: $1) }
        let rows = Self.rows(text)
        #expect(rows[0] == EvidenceTable.header)
        let header = Dictionary(uniqueKeysWithValues: EvidenceTable.header.enumerated().map { ($1, $0) })
        func column(_ row: [String], _ name: String) -> String { row[header[name]!] }
        // Sorted: indications first (by documents, descending), then the mechanism.
        #expect(rows.dropFirst().map { column($0, "predicate") } == ["indication", "indication", "mechanism"])
        let prevent = rows[1]
        #expect(column(prevent, "subject_id") == "MESH:D000639")
        #expect(column(prevent, "qualifier") == "prophylaxis")
        #expect(column(prevent, "documents") == "2")
        #expect(column(prevent, "sentences") == "3")
        #expect(column(prevent, "positive") == "3")
        #expect(column(prevent, "negated") == "1")
        #expect(column(prevent, "hedged") == "1")
        #expect(column(prevent, "max_confidence") == "0.95")
        #expect(column(prevent, "known") == "true")
        #expect(column(prevent, "rules") == "indication.other,indication.prevent")
        #expect(column(prevent, "examples") == "PMID:1,PMID:2")
        let mechanism = rows[3]
        #expect(column(mechanism, "documents") == "3")
        #expect(column(mechanism, "examples") == "PMID:1,PMID:2,report-7")
        #expect(column(mechanism, "known") == "")
        #expect(column(mechanism, "max_confidence") == "0.778")
    }

    @Test func examplesAreBoundedAndInInputOrder() throws {
        var table = EvidenceTable()
        for index in 0..<20 {
            var document = Sample.document
            document.id = "PMID:\(100 - index)"
            table.add(document)
        }
        let row = try #require(table.sortedRows.first { $0.key.qualifier == "prophylaxis" })
        #expect(row.examples == ["PMID:100", "PMID:99", "PMID:98", "PMID:97", "PMID:96"])
        #expect(row.documents == 20)
        #expect(row.positive.publications.count == 20)
    }

    @Test func kgxNodesAndEdgesFollowTheMapping() throws {
        var table = EvidenceTable()
        for document in Self.corpus() { table.add(document) }
        let nodes = Self.rows(try Self.tableText(table) { try KGXExport.writeNodes(of: $0, to: $1) })
        #expect(nodes[0] == ["id", "category", "name"])
        #expect(nodes.dropFirst().map { $0[0] } == ["HGNC:5293", "MESH:D000639", "MESH:D008881", "MESH:D018781"])
        #expect(nodes[1][1] == "biolink:Protein")
        #expect(nodes[2][1] == "biolink:Drug")
        #expect(nodes[3][1] == "biolink:DiseaseOrPhenotypicFeature")

        let edges = Self.rows(try Self.tableText(table) { try KGXExport.writeEdges(of: $0, to: $1) })
        #expect(edges[0] == KGXExport.edgeHeader)
        let header = Dictionary(uniqueKeysWithValues: KGXExport.edgeHeader.enumerated().map { ($1, $0) })
        func column(_ row: [String], _ name: String) -> String { row[header[name]!] }
        // prophylaxis: one positive and one negated edge; tension headache: negated only; mechanism: positive.
        #expect(edges.count == 5)
        #expect(column(edges[1], "predicate") == "biolink:preventative_for_condition")
        #expect(column(edges[1], "negated") == "false")
        #expect(column(edges[1], "publications") == "PMID:1|PMID:2")
        #expect(column(edges[1], "supporting_documents") == "2")
        #expect(column(edges[2], "negated") == "true")
        #expect(column(edges[2], "publications") == "PMID:2")
        #expect(column(edges[3], "predicate") == "biolink:treats")
        #expect(column(edges[3], "negated") == "true")
        let mechanism = edges[4]
        #expect(column(mechanism, "predicate") == "biolink:affects")
        #expect(column(mechanism, "qualified_predicate") == "biolink:causes")
        #expect(column(mechanism, "object_aspect_qualifier") == "activity")
        #expect(column(mechanism, "object_direction_qualifier") == "decreased")
        #expect(column(mechanism, "pharmine_qualifier") == "antagonist")
        #expect(column(mechanism, "knowledge_level") == "knowledge_assertion")
        #expect(column(mechanism, "agent_type") == "text_mining_agent")
        #expect(column(mechanism, "publications") == "PMID:1|PMID:2")
        #expect(Set(edges.dropFirst().map { column($0, "id") }).count == 4)
        #expect(column(mechanism, "id").hasPrefix("pharmine:"))
    }

    @Test func interactionsAndClassesMap() {
        #expect(KGXExport.biolink(.interaction, qualifier: "increases_exposure").predicate == "biolink:interacts_with")
        #expect(KGXExport.biolink(.mechanism, qualifier: "agonist").direction == "increased")
        #expect(KGXExport.biolink(.mechanism, qualifier: "modulator").direction == "")
        #expect(KGXExport.biolink(.indication, qualifier: "off_label").predicate == "biolink:treats")
        let family = EvidenceTable.Entity(id: "HGNC:1", name: "x", type: .receptor, isClass: true)
        #expect(KGXExport.category(of: family) == "biolink:GeneFamily")
    }
}
