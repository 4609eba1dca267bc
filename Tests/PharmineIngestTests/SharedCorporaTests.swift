import Foundation
import PharmineCore
import PharmineIngest
import Testing

/// Every file of the shared corpora that Pharmine reads, read through ``Ingest`` as `pharmine docs`
/// reads it (directory walk, then one file at a time), with no document lost.
///
/// The expected numbers are the files' records, counted independently of Pharmine:
/// - MEDLINE XML: `<PubmedArticle>` start tags, or `<MedlineCitation ` in a `MedlineCitationSet`,
///   plus the PMIDs inside `<DeleteCitation>` (`zcat F | grep -o '<PubmedArticle>' | wc -l`);
/// - JATS: `<article ` / `<article>` start tags; SPL: `<document ` start tags; BioC: `<document>`;
/// - PubTator: `^[0-9]+|t|` lines (`grep -cE '^[0-9]+\|t\|' F`), MEDLINE text: `^PMID- ` lines;
/// - tar archives: regular members (`tar tzf F | grep -v '/$' | wc -l`).
///
/// Files that are not documents:
/// - every `README.md` is passed over by the directory walk (unsupported file type `.md`);
/// - `semrep_gs/gs_500_reconciled-even.txt` holds SemRep gold predications, not MEDLINE. Nothing
///   in its content tells it apart from a plain-text note, so it is read as what a `.txt` file is:
///   one plain-text document (id `gs_500_reconciled-even`). It is evaluation data; name the
///   citations file, not the folder, when extracting from this corpus.
@Suite("Shared corpora through Ingest", .enabled(if: TestSupport.sharedAvailable, "../shared/corpora is absent"))
struct SharedCorporaTests {
    /// One file: its records (documents + skipped), how many of them are skipped, and its format.
    struct Expected: Sendable, CustomTestStringConvertible {
        var file: String
        var records: Int
        var skipped = 0
        var format: DocumentFormat

        var testDescription: String { file }
    }

    /// The folders read, relative to `../shared/corpora`.
    static let folders = ["samples", "clinical", "biored", "bc5cdr", "semrep_gs"]

    static let expected: [Expected] = [
        Expected(file: "samples/jats/1471-2180-11-174.nxml", records: 1, format: .jats),
        Expected(file: "samples/jats/1472-6831-8-11.nxml", records: 1, format: .jats),
        Expected(file: "samples/jats/6605965a.nxml", records: 1, format: .jats),
        Expected(file: "samples/jats/biopython-efetch_pmc.xml", records: 1, format: .jats),
        Expected(file: "samples/jats/cc11003.nxml", records: 1, format: .jats),
        Expected(file: "samples/jats/ehp-116-1694.nxml", records: 1, format: .jats),
        Expected(file: "samples/jats/mds526.nxml", records: 1, format: .jats),
        Expected(file: "samples/jats/pntd.0002065.nxml", records: 1, format: .jats),
        Expected(file: "samples/jats/pone.0000217.nxml", records: 1, format: .jats),
        Expected(file: "samples/jats/pone.0046493.nxml", records: 1, format: .jats),
        Expected(file: "samples/pubmed/biopython-pubmed1.xml", records: 2, format: .medline),
        Expected(file: "samples/pubmed/biopython-pubmed2.xml", records: 2, format: .medline),
        Expected(file: "samples/pubmed/biopython-pubmed4.xml", records: 1, format: .medline),
        Expected(file: "samples/pubmed/biopython-pubmed5.xml", records: 1, format: .medline),
        Expected(file: "samples/pubmed/biopython-pubmed6.xml", records: 1, format: .medline),
        Expected(file: "samples/pubmed/biopython-pubmed7.xml", records: 1, format: .medline),
        // 604 MedlineCitation records and one DeleteCitation PMID.
        Expected(file: "samples/pubmed/medline16n0902.xml.gz", records: 605, skipped: 1, format: .medline),
        Expected(file: "samples/pubmed/pubmed-29768149.xml", records: 1, format: .medline),
        Expected(file: "samples/pubmed/test_current_medline.xml.gz", records: 4, format: .medline),
        Expected(file: "clinical/mtsamples/mtsample_procedure.tar.gz", records: 429, format: .text),
        Expected(file: "clinical/mtsamples/mtsamples_processed.tar.gz", records: 1269, format: .text),
        Expected(file: "clinical/spl_openfda/64f8040f-938d-4236-8e22-c838c9b5f8da.xml", records: 1, format: .spl),
        Expected(file: "clinical/spl_openfda/cough-otc.xml", records: 1, format: .spl),
        Expected(file: "clinical/spl_openfda/humira.xml", records: 1, format: .spl),
        Expected(file: "clinical/spl_openfda/lipitor-orig.xml", records: 1, format: .spl),
        Expected(file: "clinical/spl_openfda/lipitor-repack.xml", records: 1, format: .spl),
        Expected(file: "clinical/spl_openfda/no-title.xml", records: 1, format: .spl),
        Expected(file: "biored/Dev.BioC.XML.gz", records: 100, format: .bioc),
        Expected(file: "biored/Dev.PubTator", records: 100, format: .pubtator),
        Expected(file: "biored/Train.BioC.XML.gz", records: 400, format: .bioc),
        Expected(file: "biored/Train.PubTator", records: 400, format: .pubtator),
        Expected(file: "bc5cdr/CDR_DevelopmentSet.PubTator.txt", records: 500, format: .pubtator),
        Expected(file: "bc5cdr/CDR_TrainingSet.PubTator.txt", records: 1000, format: .pubtator),
        Expected(file: "semrep_gs/gs_308_cits-even.txt", records: 150, format: .medlineText),
        // Gold annotations, read as one plain-text document (see above).
        Expected(file: "semrep_gs/gs_500_reconciled-even.txt", records: 1, format: .text),
    ]

    @Test func theWalkFindsExactlyTheseFilesAndPassesOverTheReadmes() throws {
        let listing = try Ingest().files(for: Self.folders.map { TestSupport.shared($0) })
        let prefix = TestSupport.corpora.path + "/"
        let found = listing.files.map { String($0.dropFirst(prefix.count)) }
        #expect(found == Self.expected.map(\.file))
        #expect(
            listing.ignored.map { String($0.path.dropFirst(prefix.count)) } == [
                "bc5cdr/README.md", "biored/README.md", "clinical/README.md", "samples/README.md",
                "semrep_gs/README.md",
            ]
        )
        #expect(listing.ignored.allSatisfy { $0.reason == "unsupported file type '.md'" })
    }

    @Test(arguments: expected)
    func noDocumentIsLost(_ expected: Expected) throws {
        let path = TestSupport.shared(expected.file)
        let events = TestSupport.events(path)
        let documents = events.compactMap(\.document)
        let skipped = events.compactMap(\.skipped)
        let failures = events.compactMap(\.error)
        #expect(failures.isEmpty, "\(failures.prefix(3))")
        #expect(documents.count + skipped.count == expected.records)
        #expect(skipped.count == expected.skipped)
        #expect(documents.allSatisfy { $0.format == expected.format })
        // Every document has text and comes from this file (or one of its members).
        #expect(documents.allSatisfy { !$0.passages.isEmpty && $0.passages.allSatisfy { !$0.text.isEmpty } })
        #expect(documents.allSatisfy { $0.origin.file == path || $0.origin.file.hasPrefix(path + ":") })
    }
}
