import Foundation
import PharmineCore
import Testing

@testable import PharmineIngest

@Suite("SPLReader")
struct SPLReaderTests {
    static let sharedAvailable = TestSupport.sharedAvailable

    static func sample(_ name: String) -> String {
        TestSupport.shared("clinical/spl_openfda/" + name)
    }

    // MARK: - Real openFDA labels

    @Test(
        "Lipitor: set id, metadata, coded sections, nested subsections",
        .enabled(if: sharedAvailable, "../shared/corpora is absent"))
    func lipitor() throws {
        let document = try ReaderTestSupport.onlyDocument(Self.sample("lipitor-orig.xml"))
        #expect(document.id == "c6e131fe-e7df-4876-83f7-9156fc4e8228")
        #expect(document.format == .spl)
        let metadata = document.metadata
        // <br/> becomes a space, the no-break space between two <br/>s too; "LIPITOR<sup>®</sup>" joins.
        #expect(
            metadata.title
                == "These highlights do not include all the information needed to use LIPITOR safely and "
                + "effectively. See full prescribing information for LIPITOR. LIPITOR® (atorvastatin calcium) "
                + "Tablets for oral administration Initial U.S. Approval: 1996")
        #expect(metadata.journal == "Parke-Davis Div of Pfizer Inc")
        #expect(metadata.year == 2014)
        #expect(
            metadata.extra == [
                Infon("document_id", "20a11732-b9f5-4b59-9d86-c63f11b139d9"),
                Infon("document_type_code", "34391-3"),
                Infon("document_type", "HUMAN PRESCRIPTION DRUG LABEL"),
                Infon("effective_time", "20140113"),
                Infon("version", "11"),
                Infon("product", "Lipitor"),
                Infon("generic_name", "atorvastatin calcium"),
            ])

        let passages = document.passages
        #expect(passages.count == 98)
        #expect(
            passages.prefix(5).map(\.label) == [
                "title",
                "34067-9 INDICATIONS AND USAGE",
                "34067-9 INDICATIONS AND USAGE / Prevention of Cardiovascular Disease",
                "34067-9 INDICATIONS AND USAGE / Hyperlipidemia",
                "34067-9 INDICATIONS AND USAGE / Limitations of Use",
            ])
        #expect(passages[0].text == metadata.title)

        // The three sections the relation extractors care most about, with their own codes.
        let indications = passages[1]
        #expect(ReaderTestSupport.infon(indications, "code") == "34067-9")
        #expect(ReaderTestSupport.infon(indications, "code_name") == "INDICATIONS & USAGE SECTION")
        #expect(ReaderTestSupport.infon(indications, "title") == "1 INDICATIONS AND USAGE")
        #expect(ReaderTestSupport.infon(indications, "depth") == "1")
        #expect(indications.text.hasPrefix("Therapy with lipid-altering agents should be only one component"))

        let mechanism = try #require(passages.first { ReaderTestSupport.infon($0, "code") == "43679-0" })
        #expect(mechanism.label == "43679-0 CLINICAL PHARMACOLOGY / Mechanism of Action")
        #expect(ReaderTestSupport.infon(mechanism, "title") == "12.1 Mechanism of Action")
        #expect(ReaderTestSupport.infon(mechanism, "depth") == "2")
        #expect(
            ReaderTestSupport.head(mechanism.text) == "LIPITOR is a selective, competitive inhibitor of HMG-CoA red")
        #expect(
            ReaderTestSupport.tail(mechanism.text) == "diovascular morbidity and mortality has not been determined.")
        #expect(mechanism.text.unicodeScalars.count == 3157)

        let interactions = try #require(passages.firstIndex { ReaderTestSupport.infon($0, "code") == "34073-7" })
        #expect(passages[interactions].label == "34073-7 DRUG INTERACTIONS")
        #expect(
            passages[interactions].text
                == "The risk of myopathy during treatment with statins is increased with concurrent administration "
                + "of fibric acid derivatives, lipid-modifying doses of niacin, cyclosporine, or strong CYP 3A4 "
                + "inhibitors (e.g., clarithromycin, HIV protease inhibitors, and itraconazole) [see Warnings and "
                + "Precautions, Skeletal Muscle (5.1) and Clinical Pharmacology (12.3) ].")

        // 7.1 and its three untitled subsections follow the parent, coded 42229-5 but labelled 34073-7.
        let strong = Array(passages[(interactions + 1)...(interactions + 4)])
        #expect(strong.allSatisfy { $0.label == "34073-7 DRUG INTERACTIONS / Strong Inhibitors of CYP 3A4" })
        #expect(strong.map { ReaderTestSupport.infon($0, "depth") } == ["2", "3", "3", "3"])
        #expect(strong.allSatisfy { ReaderTestSupport.infon($0, "code") == "42229-5" })
        #expect(strong.allSatisfy { ReaderTestSupport.infon($0, "section_code") == "34073-7" })
        #expect(ReaderTestSupport.infon(strong[0], "title") == "7.1 Strong Inhibitors of CYP 3A4")
        #expect(ReaderTestSupport.infon(strong[1], "title") == nil)
        #expect(strong[1].text.hasPrefix("Clarithromycin: Atorvastatin AUC was significantly increased"))
        #expect(passages[interactions + 5].label == "34073-7 DRUG INTERACTIONS / Grapefruit Juice")
        let interactionPassages = passages.filter { ReaderTestSupport.infon($0, "section_code") == "34073-7" }
        #expect(interactionPassages.count == 15)

        // Package labels and unclassified top-level sections are kept with their codes.
        #expect(passages.contains { $0.label == "42229-5 SPL UNCLASSIFIED SECTION" })
        #expect(passages.filter { ReaderTestSupport.infon($0, "code") == "51945-4" }.count == 18)
        ReaderTestSupport.expectContiguousOffsets(document)
    }

    @Test(
        "inline markup, tables, footnotes and Highlights in Lipitor's text",
        .enabled(if: sharedAvailable, "../shared/corpora is absent"))
    func lipitorText() throws {
        let document = try ReaderTestSupport.onlyDocument(Self.sample("lipitor-orig.xml"))
        let text = document.passages.map(\.text).joined(separator: "\n")
        // "HbA<sub>1c</sub>" and the empirical formula's subscripts join their words.
        #expect(text.contains("mean HbA1c 7.7%"))
        #expect(text.contains("(C33H34 FN2O5)2Ca•3H2O"))
        // Table rows are lines with cells separated by " | "; a table footnote follows its table.
        let clinical = try #require(
            document.passages.first { ReaderTestSupport.infon($0, "title") == "6.1 Clinical Trial Adverse Experiences" }
        )
        let lines = clinical.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.contains("Nasopharyngitis | 8.3 | 12.9 | 5.3 | 7.0 | 4.2 | 8.2"))
        let header = try #require(lines.firstIndex { $0.hasPrefix("Adverse Reaction | Any dose N=8755") })
        let footnote = try #require(lines.firstIndex(of: "Adverse Reaction ≥ 2% in any dose greater than placebo"))
        #expect(footnote > header + 10)
        // The Highlights (<excerpt>) repeat the full text and are left out.
        #expect(!text.contains("Other Lipid-Lowering Medications: Use with fibrate products"))
    }

    @Test(
        "a label with an empty title has no title passage and still comes out",
        .enabled(if: sharedAvailable, "../shared/corpora is absent"))
    func noTitle() throws {
        let document = try ReaderTestSupport.onlyDocument(Self.sample("no-title.xml"))
        #expect(document.id == "0027b8a3-73bf-4005-a7e3-b035f451a861")
        #expect(document.metadata.title == nil)
        #expect(document.metadata.journal == "Contract Pharmacy Services-PA")
        #expect(document.metadata.year == 2010)
        #expect(document.passages.count == 35)
        #expect(!document.passages.contains { $0.label == "title" })
        #expect(
            document.passages.prefix(5).map(\.label) == [
                "34066-1 Boxed Warning section", "34089-3 DESCRIPTION", "34090-1 CLINICAL PHARMACOLOGY",
                "34067-9 INDICATIONS AND USAGE", "34070-3 CONTRAINDICATIONS",
            ])
        let indications = document.passages[3]
        #expect(
            ReaderTestSupport.head(indications.text) == "Haloperidol is indicated for use in the management of manife")
        #expect(
            ReaderTestSupport.tail(indications.text) == "d to psychotherapy or medications other than antipsychotics.")
        #expect(indications.text.unicodeScalars.count == 857)
        // Deep nesting keeps every titled level in the path.
        #expect(
            document.passages.contains {
                $0.label
                    == "34084-4 ADVERSE REACTIONS / CNS Effects / Extrapyramidal Symptoms (EPS) / Dystonia / "
                    + "Class Effect"
            })
        ReaderTestSupport.expectContiguousOffsets(document)
    }

    @Test(
        "Humira: boxed warning first; Viagra: set id differs from document id",
        .enabled(if: sharedAvailable, "../shared/corpora is absent"))
    func humiraAndViagra() throws {
        let humira = try ReaderTestSupport.onlyDocument(Self.sample("humira.xml"))
        #expect(humira.id == "608d4f0d-b19f-46d3-749a-7159aa5f933d")
        #expect(humira.metadata.journal == "AbbVie Inc.")
        #expect(humira.passages.count == 65)
        #expect(
            humira.passages.prefix(3).map(\.label) == [
                "title", "34066-1 WARNING: SERIOUS INFECTIONS AND MALIGNANCY",
                "34067-9 INDICATIONS AND USAGE / Rheumatoid Arthritis",
            ])
        let boxed = humira.passages[1]
        #expect(ReaderTestSupport.head(boxed.text) == "SERIOUS INFECTIONS\nPatients treated with HUMIRA are at incre")
        #expect(ReaderTestSupport.tail(boxed.text) == "her immunosuppressants [see Warnings and Precautions (5.2)].")
        #expect(boxed.text.unicodeScalars.count == 2694)

        let viagra = try ReaderTestSupport.onlyDocument(Self.sample("64f8040f-938d-4236-8e22-c838c9b5f8da.xml"))
        #expect(viagra.id == "0b0be196-0c62-461c-94f4-9a35339b4501")
        #expect(viagra.metadata.extra.first == Infon("document_id", "64f8040f-938d-4236-8e22-c838c9b5f8da"))
        #expect(viagra.metadata.year == 2017)
        #expect(viagra.passages.count == 92)
        #expect(
            viagra.passages.prefix(3).map(\.label) == [
                "title", "34067-9 INDICATIONS AND USAGE", "34068-7 DOSAGE AND ADMINISTRATION / Dosage Information",
            ])
    }

    @Test(
        "OTC Drug Facts: short coded sections, list items on lines",
        .enabled(if: sharedAvailable, "../shared/corpora is absent"))
    func otcLabel() throws {
        let document = try ReaderTestSupport.onlyDocument(Self.sample("cough-otc.xml"))
        #expect(document.id == "00f66f25-3469-4c16-9baf-fba21e9628bd")
        #expect(document.metadata.title == "Drug Facts")
        #expect(document.metadata.extra.contains(Infon("document_type", "HUMAN OTC DRUG LABEL")))
        #expect(document.metadata.extra.contains(Infon("product", "TRIAMINIC Childrens Night Time Cold and Cough")))
        #expect(document.passages.count == 17)
        #expect(
            document.passages.prefix(4).map(\.label) == [
                "title", "55106-9 Active ingredient", "55105-1 Purpose", "34067-9 Uses",
            ])
        #expect(document.passages[1].text == "Diphenhydramine HCl 6.25 mg\nPhenylephrine HCl 2.5")
        #expect(
            document.passages[3].text
                == "temporarily relieves\n• sneezing • itchy nose or throat • runny nose\n"
                + "• itchy, watery eyes due to hay fever • nasal and sinus congestion\n"
                + "• cough due to minor throat and bronchial irritation as may occur with a cold")
        #expect(document.passages.contains { $0.label == "50570-1 Warnings / Do not use" })
    }

    @Test("every label reads with contiguous offsets", .enabled(if: sharedAvailable, "../shared/corpora is absent"))
    func allLabels() throws {
        let directory = TestSupport.shared("clinical/spl_openfda")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        #expect(names.count == 6)
        for name in names {
            let document = try ReaderTestSupport.onlyDocument(directory + "/" + name)
            #expect(document.format == .spl)
            #expect(document.passages.count > 10, "\(name)")
            #expect(!document.passages.contains { $0.text.contains("  ") }, "\(name): double space")
            ReaderTestSupport.expectContiguousOffsets(document)
        }
    }

    @Test(
        "a gzipped label reads the same as the plain file",
        .enabled(if: sharedAvailable, "../shared/corpora is absent"))
    func gzipped() throws {
        let plain = try ReaderTestSupport.onlyDocument(Self.sample("lipitor-repack.xml"))
        let gzipped = try ReaderTestSupport.onlyDocument(
            ReaderTestSupport.gzipCopy(of: Self.sample("lipitor-repack.xml")))
        #expect(gzipped.id == "17a163ef-b349-4e32-bc8c-b02bac7f65d6")
        #expect(gzipped.metadata == plain.metadata)
        #expect(gzipped.passages == plain.passages)
        #expect(gzipped.passages.count == 81)
    }

    // MARK: - Fixture

    static let fixturePassages: [(label: String, text: String)] = [
        ("34067-9 INDICATIONS AND USAGE", "Examplol is indicated for the treatment of made-up headache."),
        ("34067-9 INDICATIONS AND USAGE / Adults", "Adults over 18 years.\nNot for children."),
        ("Storage", "Keep dry."),
        (
            "34073-7 DRUG INTERACTIONS / Strong CYP3A4 Inhibitors",
            "Ketoconazole raises Cmax of examplol.\nTable 1\nKetoconazole | Avoid examplol\nRifampin | Raise the dose\n"
                + "Given as 200 mg twice daily."
        ),
        ("34066-1 BOXED WARNING SECTION", "WARNING: EXAMPLE\nONLY"),
    ]

    @Test("a label fixture with no title: labels, inherited codes, tables, footnotes")
    func fixture() throws {
        let document = try ReaderTestSupport.onlyDocument(TestSupport.fixture("spl-no-title.xml"))
        #expect(document.id == "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee")
        #expect(document.metadata.title == nil)
        #expect(document.metadata.journal == "Example Labeler Inc.")
        #expect(document.metadata.year == 2020)
        #expect(
            document.metadata.extra == [
                Infon("document_id", "11111111-2222-3333-4444-555555555555"),
                Infon("document_type_code", "34391-3"),
                Infon("document_type", "HUMAN PRESCRIPTION DRUG LABEL"),
                Infon("effective_time", "20200315"),
                Infon("version", "3"),
                Infon("product", "Examplol"),
                Infon("generic_name", "examplol hydrochloride"),
            ])
        #expect(document.passages.map(\.label) == Self.fixturePassages.map(\.label))
        #expect(document.passages.map(\.text) == Self.fixturePassages.map(\.text))
        #expect(
            document.passages[1].infons == [
                Infon("code", "42229-5"), Infon("code_name", "SPL UNCLASSIFIED SECTION"),
                Infon("title", "1.1 Adults"), Infon("section_code", "34067-9"), Infon("depth", "2"),
            ])
        #expect(document.passages[2].infons == [Infon("title", "Storage"), Infon("depth", "1")])
        ReaderTestSupport.expectContiguousOffsets(document)
        let text = document.passages.map(\.text).joined(separator: "\n")
        #expect(!text.contains("HIGHLIGHTTEXT"))
        #expect(!text.contains("IMAGETEXT"))
        #expect(!text.contains("EXAMPLOL BASE"))
    }

    @Test("tables can be left out")
    func withoutTables() throws {
        let path = TestSupport.fixture("spl-no-title.xml")
        let source = try ByteSource(path: path)
        var documents: [Document] = []
        try SPLReader(includeTables: false).read(source, options: IngestOptions()) { event in
            if case .document(let document) = event { documents.append(document) }
        }
        try #require(documents.count == 1)
        #expect(documents[0].passages[3].text == "Ketoconazole raises Cmax of examplol.")
        #expect(Ingest.reader(for: .spl) is SPLReader)
    }

    @Test("section numbers come off titles only before a capitalised word")
    func numberStripping() {
        let cases: [(String, String)] = [
            ("7.1 Nitrates", "Nitrates"), ("12 CLINICAL PHARMACOLOGY", "CLINICAL PHARMACOLOGY"),
            ("2.3. Dosing", "Dosing"), ("25 mg tablets", "25 mg tablets"), ("5-HT3 Antagonists", "5-HT3 Antagonists"),
            ("Storage", "Storage"), ("12", "12"),
        ]
        for (title, expected) in cases {
            #expect(SPLReader.strippingSectionNumber(title) == expected, "\(title)")
        }
    }
}
