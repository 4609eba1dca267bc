import Foundation
import PharmineCore
import PharmineIngest
import Testing

/// The MEDLINE XML and MEDLINE text readers mark a MeSH heading major by the same rule: `*` in
/// front when the descriptor or any of its qualifiers is a major topic.
@Suite("MeSH headings across MEDLINE formats")
struct MeSHConsistencyTests {
    @Test func xmlAndTextAgreeOnMajorTopics() throws {
        let xml = """
            <?xml version="1.0"?>
            <PubmedArticleSet><PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM">
            <PMID Version="1">90000301</PMID>
            <Article><ArticleTitle>An invented title.</ArticleTitle></Article>
            <MeshHeadingList>
            <MeshHeading><DescriptorName UI="D000900" MajorTopicYN="N">Anti-Bacterial Agents</DescriptorName>\
            <QualifierName UI="Q000009" MajorTopicYN="N">adverse effects</QualifierName>\
            <QualifierName UI="Q000627" MajorTopicYN="Y">therapeutic use</QualifierName></MeshHeading>
            <MeshHeading><DescriptorName UI="D014867" MajorTopicYN="Y">Water</DescriptorName>\
            <QualifierName UI="Q000032" MajorTopicYN="N">analysis</QualifierName></MeshHeading>
            <MeshHeading><DescriptorName UI="D006801" MajorTopicYN="N">Humans</DescriptorName></MeshHeading>
            <MeshHeading><DescriptorName UI="D008875" MajorTopicYN="N">Middle Aged</DescriptorName>\
            <QualifierName UI="Q000000" MajorTopicYN="N">physiology</QualifierName></MeshHeading>
            </MeshHeadingList>
            </MedlineCitation></PubmedArticle></PubmedArticleSet>
            """
        let text = """
            PMID- 90000301
            TI  - An invented title.
            MH  - Anti-Bacterial Agents/adverse effects/*therapeutic use
            MH  - *Water/analysis
            MH  - Humans
            MH  - Middle Aged/physiology

            """
        let expected = ["*Anti-Bacterial Agents", "*Water", "Humans", "Middle Aged"]
        let fromXML = try #require(
            IngestTestSupport.events(try IngestTestSupport.temporaryFile("mesh.xml", xml)).first?.document
        )
        let fromText = try #require(
            IngestTestSupport.events(try IngestTestSupport.temporaryFile("mesh.medline", text)).first?
                .document
        )
        #expect(fromXML.format == .medline)
        #expect(fromText.format == .medlineText)
        #expect(fromXML.metadata.meshHeadings == expected)
        #expect(fromText.metadata.meshHeadings == expected)
    }
}
