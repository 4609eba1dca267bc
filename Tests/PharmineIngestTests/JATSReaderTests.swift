import Foundation
import PharmineCore
import Testing

@testable import PharmineIngest

@Suite("JATSReader")
struct JATSReaderTests {
    static let sharedAvailable = TestSupport.sharedAvailable

    static func sample(_ name: String) -> String {
        TestSupport.shared("samples/jats/" + name)
    }

    // MARK: - Real PMC samples

    @Test(
        "JATS 1.0 article: id, metadata, structured abstract, flattened sub-scripts",
        .enabled(if: sharedAvailable, "../shared/corpora is absent"))
    func environmentalHealthArticle() throws {
        let document = try ReaderTestSupport.onlyDocument(Self.sample("ehp-116-1694.nxml"))
        #expect(document.id == "PMC2599765")
        #expect(document.format == .jats)
        #expect(document.origin.index == 0)
        let metadata = document.metadata
        #expect(
            metadata.title
                == "Dietary Exposure to 2,2′,4,4′-Tetrabromodiphenyl Ether (PBDE-47) Alters Thyroid Status and "
                + "Thyroid Hormone–Regulated Gene Transcription in the Pituitary and Brain")
        #expect(metadata.journal == "Environmental Health Perspectives")
        #expect(metadata.year == 2008)
        #expect(metadata.doi == "10.1289/ehp.11570")
        #expect(metadata.pmid == "19079722")
        #expect(metadata.pmcid == "PMC2599765")
        #expect(metadata.keywords.count == 9)
        #expect(metadata.keywords.first == "basic transcription element-binding protein")
        #expect(metadata.extra == [Infon("article_type", "research-article")])

        #expect(document.passages.count == 39)
        #expect(
            document.passages.prefix(8).map(\.label)
                == ["title", "Background", "Objective", "Methods", "Results", "Conclusions", "body", "body"])
        #expect(document.passages[0].text == metadata.title)
        #expect(
            document.passages.map { ReaderTestSupport.infon($0, "part") }.prefix(7)
                == ["title", "abstract", "abstract", "abstract", "abstract", "abstract", "body"])

        // <sub>4</sub> joins its word: "thyroxine (T<sub>4</sub>)" gives "(T4)".
        let results = document.passages[4]
        #expect(
            results.text
                == "Minnows exposed to PBDE-47 had depressed plasma thyroxine (T4), but not "
                + "3,5,3′-triiodothyronine (T3). This decline in T4 was accompanied by elevated mRNA levels for "
                + "TStHβ (low dose only) in the pituitary. PBDE-47 intake elevated transcript for TH receptor αin "
                + "the brain of females and decreased mRNA for TH receptor β in the brain of both sexes, without "
                + "altering these transcripts in the liver. In males, PBDE-47 exposure also reduced brain "
                + "transcripts for BTEB.")
        let body = document.passages.map(\.text).joined(separator: "\n")
        #expect(body.contains("increases T3-induced TR α activation"))
        #expect(!body.contains("T 4") && !body.contains("T 3"))
        #expect(document.passages.contains { $0.label == "Materials and Methods / Animals and housing" })

        // Not prose: the reference list and the figures (in <floats-group>).
        #expect(!body.contains("Conserved and acquired features of adult neurogenesis"))
        #expect(!body.contains("Exposure to PBDE-47 depressed circulating concentrations"))
        ReaderTestSupport.expectContiguousOffsets(document)
    }

    @Test(
        "NLM 2.3 article: nested sections labelled with their title path",
        .enabled(if: sharedAvailable, "../shared/corpora is absent"))
    func oralHealthArticle() throws {
        let document = try ReaderTestSupport.onlyDocument(Self.sample("1472-6831-8-11.nxml"))
        #expect(document.id == "PMC2329613")
        #expect(
            document.metadata.title
                == "The Dutch version of the Oral Health Impact Profile (OHIP-NL): Translation, reliability and "
                + "construct validity")
        #expect(document.metadata.journal == "BMC Oral Health")
        #expect(document.metadata.year == 2008)
        #expect(document.metadata.doi == "10.1186/1472-6831-8-11")
        #expect(document.metadata.pmid == "18405359")
        #expect(document.metadata.keywords.isEmpty)
        #expect(document.passages.count == 38)
        #expect(
            document.passages.prefix(8).map(\.label) == [
                "title", "Background", "Methods", "Results", "Conclusion", "Background", "Background",
                "Methods / Oral Health Impact Profile",
            ])
        let translation = try #require(document.passages.first { $0.label == "Methods / Translation into Dutch" })
        #expect(
            ReaderTestSupport.head(translation.text) == "The OHIP-E was translated into Dutch by four different trans")
        #expect(
            ReaderTestSupport.tail(translation.text) == "he OHIP-NL can be obtained from the authors, free of charge.")
        #expect(translation.text.unicodeScalars.count == 1411)
        #expect(ReaderTestSupport.infon(translation, "sec_type") == "methods")
        ReaderTestSupport.expectContiguousOffsets(document)
    }

    @Test(
        "EFetch <pmc-articleset>: a body with paragraphs outside any section",
        .enabled(if: sharedAvailable, "../shared/corpora is absent"))
    func efetchArticleSet() throws {
        let document = try ReaderTestSupport.onlyDocument(Self.sample("biopython-efetch_pmc.xml"))
        #expect(document.id == "PMC8435807")
        #expect(document.metadata.pmid == "34527728")
        #expect(document.metadata.doi == "10.1183/23120541.50193-2021")
        #expect(document.metadata.journal == "ERJ Open Research")
        #expect(document.metadata.year == 2021)
        #expect(document.metadata.extra == [Infon("article_type", "correction")])
        #expect(document.passages.map(\.label) == ["title", "body"])
        #expect(document.passages[0].text.hasSuffix("Holger Dressel. ERJ Open Res 2021; 7: 00193-2021."))
        #expect(
            document.passages[1].text
                == "This article was originally published with an error in table 2. The upper 95% confidence limit "
                + "of the per cent difference in the primary end-point (diffusing capacity of the lung for nitric "
                + "oxide) was incorrectly given as 15.1% and has now been corrected to −15.1% in the published "
                + "article.")
        #expect(document.passages[1].offset == document.passages[0].text.unicodeScalars.count + 1)
    }

    @Test(
        "the year is the print issue's when both epub and ppub are given",
        .enabled(if: sharedAvailable, "../shared/corpora is absent"))
    func yearPrefersPrintIssue() throws {
        // mds526: ppub 2013, epub 2012.
        let document = try ReaderTestSupport.onlyDocument(Self.sample("mds526.nxml"))
        #expect(document.metadata.year == 2013)
        #expect(
            document.metadata.keywords == [
                "cancer", "demographic", "diagnosis", "inequalities", "socio-economic", "stage",
            ])
        #expect(document.passages.count == 30)
    }

    @Test(
        "an unstructured abstract is 'abstract'; a typed one is labelled by its title",
        .enabled(if: sharedAvailable, "../shared/corpora is absent"))
    func typedAbstract() throws {
        let document = try ReaderTestSupport.onlyDocument(Self.sample("pntd.0002065.nxml"))
        #expect(document.id == "PMC3585041")
        #expect(document.passages.count == 30)
        #expect(document.passages.prefix(4).map(\.label) == ["title", "abstract", "Author Summary", "Introduction"])
        let summary = document.passages[2]
        #expect(ReaderTestSupport.infon(summary, "abstract_type") == "summary")
        #expect(ReaderTestSupport.infon(summary, "part") == "abstract")
        #expect(summary.text.hasPrefix("Rift Valley fever (RVF) is a mosquito-borne disease"))
    }

    @Test(
        "sub- and superscripts inside words are joined without spaces",
        .enabled(if: sharedAvailable, "../shared/corpora is absent"))
    func inlineMarkup() throws {
        let document = try ReaderTestSupport.onlyDocument(Self.sample("pone.0046493.nxml"))
        #expect(document.passages.count == 36)
        let inhibition = document.passages.filter { $0.label == "Materials and Methods / Inhibition by MmPPOX and THL" }
        try #require(inhibition.count == 2)
        // "As IC<sub>50</sub> are not relevant values…"
        #expect(
            ReaderTestSupport.head(inhibition[1].text) == "As IC50 are not relevant values when assaying insoluble and "
        )
        #expect(
            ReaderTestSupport.tail(inhibition[1].text) == "s mean values of at least two independent assays (CV%<5.0%)."
        )
        #expect(inhibition[1].text.unicodeScalars.count == 908)
        let text = document.passages.map(\.text).joined(separator: "\n")
        #expect(text.contains("onto a Ni2+-NTA resin"))
        #expect(text.contains("ammonium bicarbonate (NH4HCO3)"))
        // Table cells and captions are not text.
        #expect(!text.contains("Substrate specificity of recombinant Lip-HSL proteins."))
    }

    @Test(
        "references, tables and figure captions are left out",
        .enabled(if: sharedAvailable, "../shared/corpora is absent"))
    func nonProseLeftOut() throws {
        let document = try ReaderTestSupport.onlyDocument(Self.sample("1471-2180-11-174.nxml"))
        #expect(document.id == "PMC3166277")
        #expect(document.passages.count == 44)
        let text = document.passages.map(\.text).joined(separator: "\n")
        #expect(text.contains("Some phenotypic variation arises from randomness in cellular processes"))
        #expect(!text.contains("Microbial cell individuality and the underlying sources of heterogeneity"))
        #expect(!text.contains("Effects of holin allelic sequences on the stochasticity of lysis time."))
        #expect(!text.contains("Schematic presentation of two models of holin hole formation."))
        #expect(!document.passages.contains { $0.label.contains("Supplementary Material") })
    }

    @Test(
        "every sample reads as documents with PMC ids and contiguous offsets",
        .enabled(if: sharedAvailable, "../shared/corpora is absent"))
    func allSamples() throws {
        let directory = TestSupport.shared("samples/jats")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        #expect(names.count == 10)
        for name in names {
            let document = try ReaderTestSupport.onlyDocument(directory + "/" + name)
            #expect(document.id.hasPrefix("PMC"), "\(name)")
            #expect(document.id == document.metadata.pmcid)
            #expect(document.passages.first?.label == "title")
            #expect(!document.passages.contains { $0.text.contains("  ") }, "\(name): double space")
            ReaderTestSupport.expectContiguousOffsets(document)
        }
    }

    @Test(
        "a gzipped article reads the same as the plain file",
        .enabled(if: sharedAvailable, "../shared/corpora is absent"))
    func gzipped() throws {
        let plain = try ReaderTestSupport.onlyDocument(Self.sample("pone.0000217.nxml"))
        let gzipped = try ReaderTestSupport.onlyDocument(
            ReaderTestSupport.gzipCopy(of: Self.sample("pone.0000217.nxml")))
        #expect(gzipped.id == "PMC1790863")
        #expect(gzipped.format == .jats)
        #expect(gzipped.metadata == plain.metadata)
        #expect(gzipped.passages == plain.passages)
        #expect(gzipped.passages.count == 55)
    }

    // MARK: - Fixtures

    @Test("a pmc-articleset fixture: several articles, every flattening and exclusion rule")
    func articleSetFixture() throws {
        let path = TestSupport.fixture("jats-articleset.xml")
        let events = TestSupport.events(path)
        #expect(TestSupport.failures(events).isEmpty)
        let documents = TestSupport.documents(events)
        try #require(documents.count == 2)

        let first = documents[0]
        #expect(first.id == "PMC100")
        #expect(first.origin.index == 0)
        #expect(first.origin.line == 4)
        #expect(first.metadata.title == "Drug X lowers H2O2 in vitro")
        #expect(first.metadata.journal == "Journal of Test Fixtures")
        #expect(first.metadata.year == 2020)
        #expect(first.metadata.doi == "10.0000/fixture.1")
        #expect(first.metadata.pmid == "111")
        #expect(first.metadata.pmcid == "PMC100")
        #expect(first.metadata.keywords == ["drug X", "in vitro testing"])
        let expected: [(String, String)] = [
            ("title", "Drug X lowers H2O2 in vitro"),
            ("Background", "Drug X is a made-up compound."),
            ("Results", "It worked2 twice."),
            ("Results", "Second result paragraph."),
            ("body", "An opening paragraph outside any section."),
            ("Methods / Cell culture", "Cells were grown in CO2 as shown 1 before [2]."),
            ("Methods / Cell culture", "The rate was fixed. Then doses were given."),
            ("Methods / Cell culture", "Steps: first step second step"),
            ("Results", "Drug X reduced T4 and Ca2+ levels."),
        ]
        #expect(first.passages.map(\.label) == expected.map(\.0))
        #expect(first.passages.map(\.text) == expected.map(\.1))
        #expect(
            first.passages.map { ReaderTestSupport.infon($0, "part") ?? "" }
                == ["title", "abstract", "abstract", "abstract", "body", "body", "body", "body", "body"])
        #expect(ReaderTestSupport.infon(first.passages[5], "sec_type") == "methods")
        #expect(ReaderTestSupport.infon(first.passages[8], "sec_type") == nil)
        ReaderTestSupport.expectContiguousOffsets(first)
        let text = first.passages.map(\.text).joined(separator: "\n")
        for leftOut in [
            "FORMULATEXT", "k=5", "TABLECAPTION", "TABLECELL", "FIGURETITLE", "FIGURECAPTION", "SUPPLEMENTTEXT",
            "ACKNOWLEDGEMENTTEXT", "REFERENCETEXT", "Titre traduit", "Resume", "2.1", "Table 1", "*",
        ] {
            #expect(!text.contains(leftOut), "\(leftOut) should be left out")
        }

        let second = documents[1]
        #expect(second.id == "PMID:200")
        #expect(second.origin.index == 1)
        #expect(second.metadata.pmcid == nil)
        #expect(second.metadata.journal == "Test J Short")
        #expect(second.metadata.year == 2021)
        #expect(second.passages.map(\.label) == ["title", "Author Summary"])
        #expect(second.passages.map(\.text) == ["A second article", "A plain summary."])

        let skipped = TestSupport.skipped(events)
        try #require(skipped.count == 1)
        #expect(skipped[0].documentID == "PMC300")
        #expect(skipped[0].reason == "no_text")
    }

    @Test("malformed JATS fails with the file and the line")
    func malformed() throws {
        let path = TestSupport.fixture("malformed-jats.nxml")
        let events = TestSupport.events(path)
        #expect(TestSupport.documents(events).isEmpty)
        let failures = TestSupport.failures(events)
        try #require(failures.count == 1)
        let error = failures[0]
        #expect(error.code == .malformedXML)
        #expect(error.file == path)
        #expect(error.line == 6)
        #expect(error.documentIndex == 0)
        #expect(error.description.contains("malformed-jats.nxml:6"))
        #expect(error.message.contains("italic"))
    }

    @Test("the dispatcher picks the JATS reader for an article")
    func dispatch() throws {
        #expect(Ingest.reader(for: .jats) is JATSReader)
    }
}
