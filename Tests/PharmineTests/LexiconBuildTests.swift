import PharmineCore
import PharmineLexicon
import Foundation
import Testing

@testable import Pharmine

/// The package root, found from this file's path.
private let packageRoot: URL = {
    var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while url.path != "/" {
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        url.deleteLastPathComponent()
    }
    return url
}()

private let fixtureSources = packageRoot.appendingPathComponent("Tests/PharmineTests/Fixtures/LexiconSources").path
private let shippedLexicons = packageRoot.appendingPathComponent("Lexicons").path
private let shippedLexiconsAvailable = FileManager.default.fileExists(atPath: shippedLexicons + "/drugs.tsv")

/// A parsed lexicon file: its comment lines, header row and rows by id.
struct ParsedLexicon {
    var comments: [String] = []
    var header: String = ""
    var rows: [[String]] = []
    var byID: [String: [String]] = [:]

    init(text: String) {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) where !line.isEmpty {
            if line.hasPrefix("#") {
                comments.append(String(line))
            } else if header.isEmpty {
                header = String(line)
            } else {
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                rows.append(fields)
                byID[fields[0]] = fields
            }
        }
    }

    func synonyms(_ id: String) -> [String] {
        guard let row = byID[id], row.count > 3, !row[3].isEmpty else { return [] }
        return row[3].components(separatedBy: "|")
    }

    func xrefs(_ id: String) -> [String] {
        guard let row = byID[id], row.count > 4, !row[4].isEmpty else { return [] }
        return row[4].components(separatedBy: "|")
    }

    func forms(_ id: String) -> Set<String> {
        guard let row = byID[id] else { return [] }
        return Set(([row[2]] + synonyms(id)).map { $0.lowercased() })
    }
}

/// Builds the fixture lexicons once per call into memory.
private func buildFixtures(includeHPO: Bool = false) throws -> LexiconBuilder.Result {
    let options = LexiconBuildOptions(
        sourcesDirectory: fixtureSources,
        outputDirectory: NSTemporaryDirectory(),
        curatedDirectory: fixtureSources + "/curated",
        includeHPO: includeHPO
    )
    return try LexiconBuilder(options: options).build()
}

private func text(_ result: LexiconBuilder.Result, _ type: EntityType) -> String {
    LexiconBuilder.tsv(header: result.headers[type] ?? "", entries: result.lexicons[type] ?? [])
}

@Suite struct LexiconTextTests {
    @Test(arguments: [
        ("Neuralgia, Postherpetic", "Postherpetic Neuralgia"),
        ("Receptors, Adrenergic, beta", "beta Adrenergic Receptors"),
        ("Diabetes Mellitus, Type 2", "Type 2 Diabetes Mellitus"),
    ])
    func uninvertsMeSHTerms(inverted: String, plain: String) {
        #expect(LexiconText.uninvert(inverted) == plain)
    }

    @Test(arguments: ["1,2-dimethylhydrazine", "HOE 140, desArg(10)-", "Amitriptyline", "Sarcoma, 2"])
    func leavesOtherTermsAlone(term: String) {
        #expect(LexiconText.uninvert(term) == nil)
    }

    @Test func flattensGtoPdbMarkup() {
        #expect(LexiconText.flattenMarkup("5-HT<sub>2A</sub> receptor") == "5-HT2A receptor")
        #expect(LexiconText.flattenMarkup("H<sub>1</sub> receptor") == "H1 receptor")
        #expect(LexiconText.flattenMarkup("ENaC&alpha;&beta;&gamma;") == "ENaCαβγ")
        #expect(LexiconText.flattenMarkup("a &lt; b &amp; c") == "a < b & c")
        #expect(LexiconText.flattenMarkup("x < y") == "x < y")
        #expect(LexiconText.flattenMarkup("Anti-M&uuml;llerian") == "Anti-Müllerian")
        #expect(LexiconText.spellGreek("β2-adrenoceptor") == "beta2-adrenoceptor")
        #expect(LexiconText.spellGreek("plain") == nil)
    }

    @Test func cleansFieldsAndMovesQualifiers() {
        #expect(LexiconText.clean("  a\tb | c\n") == "a b c")
        #expect(LexiconText.clean("plain text") == "plain text")
        #expect(LexiconText.clean("a\u{00A0}\u{00A0}b") == "a b")
        #expect(LexiconText.trimmed(" a | b ") == "a | b")
        #expect(
            LexiconText.moveParentheticalQualifier("Acetylcholine receptors (muscarinic)")
                == "muscarinic Acetylcholine receptors"
        )
        #expect(LexiconText.isBalanced("solute carrier family 6 (neurotransmitter transporter") == false)
    }

    @Test func derivesSaltStems() {
        let salts: Set<String> = ["hydrochloride", "monohydrate"]
        #expect(DrugForms.stem("Amitriptyline hydrochloride monohydrate", saltWords: salts) == "Amitriptyline")
        #expect(DrugForms.stem("hydrochloride", saltWords: salts) == nil)
        #expect(DrugForms.stem("Amitriptyline", saltWords: salts) == nil)
    }
}

@Suite struct LexiconSourceParserTests {
    @Test func meshReadsTheMalformedSupplementaryRecord() throws {
        let mesh = try MeSHSource(folder: fixtureSources + "/mesh")
        #expect(mesh.descriptors["D051474"]?.entryTerms == ["Postherpetic Neuralgia"])
        let record = try #require(mesh.supplementary.first { $0.id == "C483025" })
        #expect(record.mappedTo == ["D004375", "D011956"])
        #expect(record.synonyms.contains("Dfy protein, mouse"))
        #expect(!record.synonyms.contains { $0.contains("\"") })
        #expect(mesh.crossReferences.count == 3)
    }

    @Test func drugBankSplitsSynonymsAndKeepsCommasInsideNames() throws {
        let source = try DrugBankSource(path: fixtureSources + "/drugbank-open-vocabulary/drugbank_vocabulary.csv.gz")
        let drug = try #require(source.drugs.first { $0.id == "DB00321" })
        #expect(drug.name == "Amitriptyline")
        #expect(drug.synonyms.count == 5)
        #expect(drug.synonyms.first == "10,11-dihydro-N,N-dimethyl-5H-dibenzo(a,d)heptalene-Δ5,γ-propylamine")
        #expect(drug.cas == "50-48-6")
    }

    @Test func drugNERDropsWikiMarkup() {
        #expect(DrugNERSource.cleanVariant("&lt;ref name=&quot;x&quot; /&gt; tryptizol") == "tryptizol")
        #expect(DrugNERSource.cleanVariant("&lt;ref name=&quot;x&quot; /&gt;") == nil)
        #expect(DrugNERSource.cleanVariant("elavil") == "elavil")
    }

    @Test func gtopdbFlattensNamesAndDropsTruncatedSynonyms() throws {
        let source = try GtoPdbSource(path: fixtureSources + "/gtopdb/targets_and_families.csv")
        #expect(source.version == "2024.1 - published: 2024-03-26")
        let h1 = try #require(source.targets.first { $0.id == "262" })
        #expect(h1.name == "H1 receptor")
        #expect(h1.hgncID == "HGNC:5182")
        let sert = try #require(source.targets.first { $0.id == "928" })
        #expect(sert.synonyms == ["5-HTT", "serotonin transporter"])
        let enac = try #require(source.targets.first { $0.id == "742" })
        #expect(enac.name == "ENaCαβγ")
        #expect(enac.hasSubunits)
        #expect(source.families.first { $0.id == "2" }?.targetIDs == ["13", "14"])
    }

    @Test func hgncKeepsApprovedGenesOnly() throws {
        let source = try HGNCSource(path: fixtureSources + "/hgnc/hgnc_entries.tsv.gz")
        #expect(source.genes.count == 7)
        let sert = try #require(source.genes.first { $0.symbol == "SLC6A4" })
        #expect(sert.aliasSymbols == ["5-HTT", "SERT1"])
        #expect(sert.previousSymbols == ["HTT", "OCD1"])
        #expect(sert.uniProtIDs == ["P31645"])
    }

    @Test func famplexComputesFamilyMembers() throws {
        let source = try FamPlexSource(folder: fixtureSources + "/famplex")
        #expect(source.memberSymbols()["CHRM"] == ["CHRM1", "CHRM2"])
        #expect(source.groundings.contains { $0.text == "AMPK (alpha 1, beta 1)" })
    }

    @Test func diseaseOntologyKeepsCurrentTermsOnly() throws {
        let source = try DiseaseOntologySource(folder: fixtureSources + "/disease-ontology")
        #expect(source.terms.map(\.id) == ["DOID:6364", "DOID:4"])
        #expect(source.obsoleteCount == 1)
        let migraine = try #require(source.terms.first)
        #expect(migraine.synonyms == ["migraine headache"])
        #expect(migraine.xrefs.contains("MESH:D008881"))
        #expect(migraine.xrefs.contains("UMLS:C0149931"))
    }

    @Test func mondoLeavesOutCharacteristicsAndSusceptibilities() throws {
        let source = try MONDOSource(path: fixtureSources + "/mondo/mondo.json.gz")
        #expect(source.terms.map(\.id) == ["MONDO:0005277", "MONDO:0041052"])
        #expect(source.characteristicCount == 2)
        #expect(source.susceptibilityCount == 1)
        #expect(source.terms[0].xrefs.contains("SNOMEDCT:193036004"))
    }

    @Test func hpoKeepsTheLivePhenotypicAbnormalityBranch() throws {
        let source = try HPOSource(path: fixtureSources + "/hpo/hp.obo.gz")
        #expect(source.version == "hp/releases/2025-01-16")
        #expect(source.terms.map(\.id).sorted() == ["HP:0002076", "HP:0012228"])
        let migraine = try #require(source.terms.first { $0.id == "HP:0002076" })
        #expect(migraine.synonyms == ["Migraine headache"])
        #expect(migraine.xrefs.contains("MESH:D008881"))
    }

    @Test func missingSourceIsReported() {
        #expect(throws: LexiconBuildError.self) {
            try ChEBISource(path: fixtureSources + "/chebi/absent.tsv.gz")
        }
    }
}

@Suite struct LexiconBuildTests {
    @Test func saltFormsJoinTheirParentDrug() throws {
        let result = try buildFixtures()
        let drugs = ParsedLexicon(text: text(result, .drug))
        let amitriptyline = try #require(drugs.byID["DRUGBANK:DB00321"])
        #expect(amitriptyline[2] == "Amitriptyline")
        let forms = drugs.forms("DRUGBANK:DB00321")
        #expect(forms.contains("amitriptyline hydrochloride"))  // ChEBI salt and drug-ner variant
        #expect(forms.contains("amitriptyline pamoate"))  // MeSH supplementary salt record
        #expect(forms.contains("elavil"))
        #expect(forms.contains("tryptizol"))
        #expect(!forms.contains { $0.contains("ref name") })
        let xrefs = drugs.xrefs("DRUGBANK:DB00321")
        #expect(xrefs.contains("MESH:D000639"))
        #expect(xrefs.contains("CHEBI:2666"))
        #expect(xrefs.contains("CAS:50-48-6"))
        #expect(xrefs.contains("MESH:C011111"))
        #expect(drugs.byID["MESH:D000639"] == nil)
        #expect(drugs.byID["MESH:C011111"] == nil)
        #expect(drugs.byID["CHEBI:2667"] == nil)
        #expect(drugs.byID["CHEBI:99999"] == nil)  // unlinked ChEBI entities are left out
        #expect(amitriptyline[6] == "chebi|drug-ner-dictionary|drugbank|mesh")
    }

    @Test func drugClassesAreFlaggedAndCurated() throws {
        let drugs = ParsedLexicon(text: text(try buildFixtures(), .drug))
        let tricyclics = try #require(drugs.byID["MESH:D000929"])
        #expect(tricyclics[5] == "class")
        #expect(drugs.forms("MESH:D000929").isSuperset(of: ["tcas", "tricyclic antidepressive agents"]))
        // A MeSH receptor term listed by drug-ner-dictionary does not become a drug.
        #expect(!drugs.rows.contains { $0[2].contains("Histamine H1") })
        #expect(drugs.byID["MESH:C033333"] == nil)  // organism record
    }

    @Test func geneProductsGoToTheirGeneNotToTheDrugs() throws {
        let result = try buildFixtures()
        let drugs = ParsedLexicon(text: text(result, .drug))
        let receptors = ParsedLexicon(text: text(result, .receptor))
        // MeSH files the cytokine under peptides and maps it to a human gene: a gene, not a drug.
        #expect(drugs.byID["MESH:D015850"] == nil)
        #expect(receptors.forms("HGNC:6018").isSuperset(of: ["interleukin-6", "il-6", "il6"]))
        #expect(receptors.xrefs("HGNC:6018").contains("MESH:D015850"))
    }

    @Test func drugClassPhrasesTakeEveryGenericHead() {
        #expect(
            DrugLexiconBuilder.classHeadSpellings("Antihypertensive Agents")
                == ["Antihypertensive drugs", "Antihypertensive medications"])
        #expect(
            DrugLexiconBuilder.classHeadSpellings("Diuretics")
                == ["diuretic agents", "diuretic drugs", "diuretic medications"])
        #expect(DrugLexiconBuilder.classHeadSpellings("Tricyclic Antidepressants").isEmpty)
        #expect(DrugLexiconBuilder.classHeadSpellings("Barbiturates").isEmpty)  // not read as an adjective
        #expect(DrugLexiconBuilder.classHeadSpellings("agents").isEmpty)
    }

    @Test func ontologySynonymsMergeIntoTheMeSHConcept() throws {
        let conditions = ParsedLexicon(text: text(try buildFixtures(), .condition))
        let migraine = conditions.forms("MESH:D008881")
        #expect(migraine.isSuperset(of: ["migraine", "migraine headache", "sick headache", "migraine disorder"]))
        let xrefs = conditions.xrefs("MESH:D008881")
        #expect(xrefs.contains("DOID:6364"))
        #expect(xrefs.contains("MONDO:0005277"))
        #expect(conditions.byID["DOID:6364"] == nil)
        #expect(conditions.byID["MONDO:0005277"] == nil)
        // Merged by name: MONDO's "postherpetic neuralgia" is MeSH's entry term.
        let neuralgia = conditions.forms("MESH:D051474")
        #expect(neuralgia.isSuperset(of: ["postherpetic neuralgia", "post-herpetic neuralgia", "phn"]))
        #expect(conditions.xrefs("MESH:D051474").contains("MONDO:0041052"))
        #expect(conditions.byID["MONDO:0021136"] == nil)
        #expect(conditions.byID["MESH:C022222"] != nil)  // a supplementary disease record
        #expect(!conditions.rows.contains { $0[0].hasPrefix("HP:") })
    }

    @Test func hpoMergesOnlyWhenAsked() throws {
        let conditions = ParsedLexicon(text: text(try buildFixtures(includeHPO: true), .condition))
        #expect(conditions.xrefs("MESH:D008881").contains("HP:0002076"))
        #expect(conditions.byID["HP:0012228"]?[2] == "Tension-type headache")
    }

    @Test func receptorsMergeGtoPdbFamPlexAndMeSH() throws {
        let receptors = ParsedLexicon(text: text(try buildFixtures(), .receptor))
        let h1 = receptors.forms("HGNC:5182")
        #expect(h1.isSuperset(of: ["hrh1", "h1 receptor", "histamine h1 receptor", "h1r"]))
        #expect(!h1.contains { $0.contains("<sub>") })
        #expect(receptors.xrefs("HGNC:5182").contains("MESH:D011969"))
        #expect(receptors.byID["HGNC:5182"]?[5] == "symbol")
        let sert = receptors.forms("HGNC:11050")
        #expect(sert.isSuperset(of: ["serotonin transporter", "slc6a4", "sert", "5-htt"]))
        #expect(!sert.contains { $0.hasSuffix("(neurotransmitter transporter") })
        #expect(receptors.xrefs("HGNC:11050").contains("MESH:D050486"))
        let muscarinic = try #require(receptors.byID["FPLX:CHRM"])
        #expect(muscarinic[2] == "Muscarinic Receptors")
        #expect(muscarinic[5] == "class")
        #expect(
            receptors.forms("FPLX:CHRM").isSuperset(of: ["muscarinic acetylcholine receptors", "muscarinic receptor"])
        )
        #expect(receptors.xrefs("FPLX:CHRM").contains("MESH:D011976"))
        #expect(receptors.xrefs("FPLX:CHRM").contains("GTOPDB.FAMILY:2"))
        #expect(receptors.forms("HGNC:1950").contains("muscarinic m1 receptor"))
        #expect(receptors.byID["GTOPDB:742"]?[2] == "ENaCαβγ")
        #expect(receptors.byID["HGNC:99"] == nil)  // not protein-coding
        #expect(receptors.byID["HGNC:98"] == nil)  // withdrawn
    }

    @Test func curationRulesAreGenerated() throws {
        let result = try buildFixtures()
        let rules = Dictionary(
            result.curation.rules.map { ($0.term + "/" + $0.type, $0) },
            uniquingKeysWith: { first, _ in first }
        )
        #expect(rules["CAT/receptor"]?.action == "case_sensitive")
        #expect(rules["disease/condition"]?.action == "exclude")
        #expect(rules["Apple/drug"]?.action == "exclude")  // DrugBank food extract without a chemical identity
        #expect(rules["TCAs/drug"] == nil)
        #expect(!result.curation.rules.contains { $0.term.lowercased() == "pain" })  // manual keep
        let tsv = result.curation.tsv
        #expect(tsv.contains("\nterm\ttype\taction\treason\n"))
    }

    @Test func actionClassAdjectivesAreExcludedButTheirNounsStay() {
        let opioids = LexiconEntry(
            id: "MESH:D000701", type: .drug, name: "Analgesics, Opioid",
            synonyms: ["opioid", "opioids", "opioid analgesics"], flags: ["class"])
        let steroids = LexiconEntry(id: "MESH:D013256", type: .drug, name: "Steroids", synonyms: ["steroid"], flags: ["class"])
        let sedatives = LexiconEntry(id: "MESH:D006993", type: .drug, name: "Hypnotics and Sedatives", synonyms: ["Sedatives"], flags: ["class"])
        let rules = CurationRules(
            lexicons: [.drug: [opioids, steroids, sedatives]],
            curated: CuratedData(),
            actionClassIDs: ["MESH:D000701", "MESH:D006993"],
            weakForms: [:]
        ).rules
        let byTerm = Dictionary(rules.map { ($0.term, $0.action) }, uniquingKeysWith: { first, _ in first })
        #expect(byTerm["opioid"] == "exclude")
        #expect(byTerm["opioids"] == nil)
        #expect(byTerm["opioid analgesics"] == nil)
        #expect(byTerm["steroid"] == nil)  // a structural class, not an action class
        #expect(byTerm["sedative"] == "exclude")  // only the plural is listed: its singular is excluded
        #expect(CurationRules.isActionAdjective("antihypertensive"))
        #expect(CurationRules.isActionAdjective("Adrenergic"))
        #expect(!CurationRules.isActionAdjective("analgesics"))
        #expect(!CurationRules.isActionAdjective("NSAID"))
    }

    @Test func singularsOfMadeClassPhrasesAreExcluded() {
        let anticholinergics = LexiconEntry(
            id: "MESH:D018680", type: .drug, name: "Cholinergic Antagonists",
            synonyms: ["Anticholinergic Agents", "Anticholinergic drugs"], flags: ["class"])
        let rules = CurationRules(
            lexicons: [.drug: [anticholinergics]],
            curated: CuratedData(),
            weakForms: [:],
            classPhraseSingulars: ["anticholinergic drug"]
        ).rules
        let byTerm = Dictionary(rules.map { ($0.term, $0.action) }, uniquingKeysWith: { first, _ in first })
        #expect(byTerm["anticholinergic drug"] == "exclude")
        #expect(byTerm["anticholinergic agent"] == nil)  // the source's own phrase is left alone
    }

    @Test func drugFormsComeFromSourcesAndCuration() throws {
        let forms = try buildFixtures().drugForms
        let byWord = Dictionary(forms.forms.map { ($0.word, $0) }, uniquingKeysWith: { first, _ in first })
        #expect(byWord["hydrochloride"]?.kind == "salt")
        #expect(byWord["hydrochloride"]?.sources.contains("chebi") == true)
        #expect(byWord["tablets"]?.kind == "formulation")
        #expect(byWord["pamoate"]?.sources == ["curated"])
        #expect(forms.tsv.hasPrefix("# pharmine-drug-forms 1\n"))
    }

    @Test func buildIsDeterministicAndWritesTheFormat() throws {
        let folder = NSTemporaryDirectory() + "pharmine-lexicon-test-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var outputs: [[String: Data]] = []
        for run in 0..<2 {
            let output = folder + "/run\(run)"
            let options = LexiconBuildOptions(
                sourcesDirectory: fixtureSources,
                outputDirectory: output,
                curatedDirectory: fixtureSources + "/curated"
            )
            let report = try LexiconBuilder(options: options).run()
            #expect(
                report.files.map(\.name) == [
                    "drugs.tsv", "conditions.tsv", "receptors.tsv", "curation.tsv", "drug-forms.tsv",
                ]
            )
            var files: [String: Data] = [:]
            for file in report.files {
                files[file.name] = try Data(contentsOf: URL(fileURLWithPath: output + "/" + file.name))
            }
            #expect(!FileManager.default.fileExists(atPath: output + "/drugs.tsv.partial"))
            outputs.append(files)
        }
        #expect(outputs[0] == outputs[1])
        for type in EntityType.allCases {
            let data = try #require(outputs[0][type.fileName])
            try checkFormat(String(decoding: data, as: UTF8.self), type: type)
        }
    }
}

/// Whether a spelling is a symbol the matcher takes only in its exact case ("MTOR"): ASCII, an
/// upper-case letter and no lower-case one, at most four letters and digits.
/// A HGNC concept draft with the given forms and their strengths.
private func hgncDraft(_ member: String, _ name: String, _ forms: [(String, Int)]) -> ConceptDraft {
    var draft = ConceptDraft(member: member, name: name, source: "hgnc")
    for (form, strength) in forms { draft.add(form, strength: strength) }
    return draft
}

private func isShortUpperCaseSymbol(_ text: String) -> Bool {
    text.unicodeScalars.allSatisfy(\.isASCII) && text.contains(where: \.isUppercase)
        && !text.contains(where: \.isLowercase) && text.filter { $0.isLetter || $0.isNumber }.count <= 4
}

/// Checks a lexicon file's format: version line, header row, seven fields, sorted ids and synonyms.
private func checkFormat(_ text: String, type: EntityType) throws {
    #expect(text.hasPrefix("# pharmine-lexicon 1\n"))
    #expect(!text.contains("\r"))
    let lexicon = ParsedLexicon(text: text)
    #expect(lexicon.header == "id\ttype\tname\tsynonyms\txrefs\tflags\tsources")
    #expect(!lexicon.comments.contains { $0.lowercased().contains("date:") })
    #expect(lexicon.comments.contains { $0.hasPrefix("# licence of this file:") })
    #expect(!lexicon.rows.isEmpty)
    // Collect problems in plain code: one expectation per file keeps the test fast on large files.
    var problems: [String] = []
    var previous = ""
    for row in lexicon.rows {
        guard row.count == 7 else {
            problems.append("\(row.first ?? ""): \(row.count) fields")
            continue
        }
        if row[1] != type.rawValue { problems.append("\(row[0]): type \(row[1])") }
        if row[2].isEmpty || !row[0].contains(":") || row[6].isEmpty { problems.append("\(row[0]): empty field") }
        if !previous.utf8.lexicographicallyPrecedes(row[0].utf8) { problems.append("\(row[0]): not sorted") }
        previous = row[0]
        let synonyms = row[3].isEmpty ? [] : row[3].components(separatedBy: "|")
        if synonyms != synonyms.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            problems.append("\(row[0]): synonyms not sorted")
        }
        // Spellings that differ only in case come once, except the mixed-case spellings kept
        // beside a short upper-case symbol ("MTOR", "mTOR").
        let groups = Dictionary(grouping: [row[2]] + synonyms, by: { $0.lowercased() })
        for (_, group) in groups where group.count > 1 {
            if Set(group).count != group.count || !group.contains(where: isShortUpperCaseSymbol) {
                problems.append("\(row[0]): duplicate synonym or name repeated")
            }
        }
        if synonyms.contains(where: { $0.isEmpty || $0 != $0.trimmingCharacters(in: .whitespaces) }) {
            problems.append("\(row[0]): empty or untrimmed synonym")
        }
        if problems.count >= 10 { break }
    }
    #expect(problems.isEmpty, "\(type.fileName): \(problems.joined(separator: "; "))")
}

/// Checks a large lexicon file on its bytes (debug builds are slow on strings): version line,
/// header, seven fields, the type, ids sorted and unique; on a sample of rows, synonyms sorted,
/// not empty, unique (ASCII case folded) and not repeating the name.
private func formatProblems(_ bytes: [UInt8], type: EntityType) -> [String] {
    let tab = UInt8(ascii: "\t"), newline = UInt8(ascii: "\n"), bar = UInt8(ascii: "|")
    var problems: [String] = []
    guard bytes.starts(with: Array("# pharmine-lexicon 1\n".utf8)) else { return ["no version line"] }
    if bytes.contains(UInt8(ascii: "\r")) { problems.append("carriage return") }
    let header = Array("id\ttype\tname\tsynonyms\txrefs\tflags\tsources".utf8)
    let typeBytes = Array(type.rawValue.utf8)
    func folded(_ slice: ArraySlice<UInt8>) -> [UInt8] {
        slice.map { (65...90).contains($0) ? $0 + 32 : $0 }
    }
    var sawHeader = false
    var previousID: ArraySlice<UInt8> = []
    var rows = 0
    // memchr keeps the scan fast in debug builds.
    let lines: [Range<Int>] = bytes.withUnsafeBufferPointer { buffer in
        var result: [Range<Int>] = []
        guard let base = buffer.baseAddress else { return result }
        var start = 0
        while start < buffer.count {
            let found = memchr(base + start, Int32(newline), buffer.count - start)
            let end = found.map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base } ?? buffer.count
            result.append(start..<end)
            start = end + 1
        }
        return result
    }
    for range in lines where problems.count < 10 {
        let line = bytes[range]
        if line.first == UInt8(ascii: "#") { continue }
        if !sawHeader {
            if Array(line) != header { problems.append("bad header") }
            sawHeader = true
            continue
        }
        rows += 1
        let fields = line.split(separator: tab, omittingEmptySubsequences: false)
        let id = String(decoding: fields[0], as: UTF8.self)
        guard fields.count == 7 else {
            problems.append("\(id): \(fields.count) fields")
            continue
        }
        if !fields[1].elementsEqual(typeBytes) { problems.append("\(id): wrong type") }
        if fields[2].isEmpty || fields[6].isEmpty || !fields[0].contains(UInt8(ascii: ":")) {
            problems.append("\(id): empty field")
        }
        if !previousID.lexicographicallyPrecedes(fields[0]) { problems.append("\(id): not sorted or repeated") }
        previousID = fields[0]
        // Synonym checks on every 16th row: the fixture build test checks the writer on every row.
        guard !fields[3].isEmpty, rows % 16 == 0 else { continue }
        let synonyms = fields[3].split(separator: bar, omittingEmptySubsequences: false)
        var spellings: [[UInt8]: [String]] = [folded(fields[2]): [String(decoding: fields[2], as: UTF8.self)]]
        var previous: ArraySlice<UInt8>? = nil
        for synonym in synonyms {
            if synonym.isEmpty || synonym.first == UInt8(ascii: " ") || synonym.last == UInt8(ascii: " ") {
                problems.append("\(id): empty or untrimmed synonym")
            }
            if let previous, !previous.lexicographicallyPrecedes(synonym) {
                problems.append("\(id): synonyms not sorted")
            }
            previous = synonym
            spellings[folded(synonym), default: []].append(String(decoding: synonym, as: UTF8.self))
        }
        // As in checkFormat: case variants only beside a short upper-case symbol.
        for (_, group) in spellings where group.count > 1 {
            if Set(group).count != group.count || !group.contains(where: isShortUpperCaseSymbol) {
                problems.append("\(id): duplicate synonym or name repeated")
            }
        }
    }
    if rows == 0 { problems.append("no rows") }
    return problems
}

/// A shipped lexicon file read as bytes: rows are found by id without parsing the whole file
/// (the files are large and debug builds are slow on strings).
struct ShippedFile {
    let data: Data

    init(_ name: String) {
        data = (try? Data(contentsOf: URL(fileURLWithPath: shippedLexicons + "/" + name))) ?? Data()
    }

    /// The fields of the row whose first field is `id`, or nil.
    func row(_ id: String) -> [String]? {
        guard let range = data.range(of: Data(("\n" + id + "\t").utf8)) else { return nil }
        let start = range.lowerBound + 1
        let end = data[start...].firstIndex(of: UInt8(ascii: "\n")) ?? data.endIndex
        return String(decoding: data[start..<end], as: UTF8.self)
            .split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    }

    /// The name and synonyms of a row, lower-cased.
    func forms(_ id: String) -> Set<String> {
        guard let row = row(id), row.count > 3 else { return [] }
        return Set(([row[2]] + row[3].split(separator: "|").map(String.init)).map { $0.lowercased() })
    }

    /// The xrefs of a row.
    func xrefs(_ id: String) -> [String] {
        guard let row = row(id), row.count > 4 else { return [] }
        return row[4].split(separator: "|").map(String.init)
    }
}

@Suite(.enabled(if: shippedLexiconsAvailable, "Lexicons/*.tsv are absent"))
struct ShippedLexiconTests {
    fileprivate static let drugs = ShippedFile("drugs.tsv")
    fileprivate static let conditions = ShippedFile("conditions.tsv")
    fileprivate static let receptors = ShippedFile("receptors.tsv")
    static let curation: [(term: String, type: String, action: String)] = {
        let text = (try? String(contentsOfFile: shippedLexicons + "/curation.tsv", encoding: .utf8)) ?? ""
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.dropFirst().map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return (fields[0], fields[1], fields.count > 2 ? fields[2] : "")
        }
    }()

    private static func isExcluded(_ form: String, type: String) -> Bool {
        curation.contains {
            $0.action == "exclude" && ($0.type == type || $0.type == "*") && $0.term.lowercased() == form.lowercased()
        }
    }

    @Test func filesHaveTheFormat() throws {
        for type in EntityType.allCases {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: shippedLexicons + "/" + type.fileName)))
            let problems = formatProblems(bytes, type: type)
            #expect(problems.isEmpty, "\(type.fileName): \(problems.joined(separator: "; "))")
        }
        let curation = try String(contentsOfFile: shippedLexicons + "/curation.tsv", encoding: .utf8)
        for line in curation.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            #expect(fields.count == 4)
            #expect(["action", "exclude", "case_sensitive"].contains(String(fields[2])))
        }
    }

    @Test func filesStayReasonablySmall() throws {
        var total = 0
        for name in ["drugs.tsv", "conditions.tsv", "receptors.tsv", "curation.tsv", "drug-forms.tsv"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: shippedLexicons + "/" + name)
            total += (attributes[.size] as? Int) ?? 0
        }
        #expect(total < 60_000_000)
    }

    @Test func seedDrugIsAmitriptylineWithItsSaltForm() throws {
        let row = try #require(Self.drugs.row("DRUGBANK:DB00321"))
        #expect(row[2] == "Amitriptyline")
        #expect(Self.drugs.forms("DRUGBANK:DB00321").contains("amitriptyline hydrochloride"))
        #expect(Self.drugs.xrefs("DRUGBANK:DB00321").contains("MESH:D000639"))
        let forms = try String(contentsOfFile: shippedLexicons + "/drug-forms.tsv", encoding: .utf8)
        #expect(forms.contains("\nhydrochloride\tsalt\t"))
        #expect(!Self.isExcluded("amitriptyline", type: "drug"))
        let tricyclics = try #require(Self.drugs.row("MESH:D000929"))
        #expect(tricyclics[5] == "class")
        #expect(Self.drugs.forms("MESH:D000929").isSuperset(of: ["tricyclic antidepressant", "tcas"]))
        for (id, form) in [("MESH:D017367", "ssris"), ("MESH:D008996", "maois"), ("MESH:D065690", "cyp2d6 inhibitors")]
        {
            #expect(Self.drugs.forms(id).contains(form), "\(id) \(form)")
            #expect(Self.drugs.row(id)?[5] == "class")
        }
    }

    @Test(arguments: [
        ("MESH:D003866", "depression"), ("MESH:D003866", "depressive disorder"),
        ("MESH:D059350", "chronic pain"), ("MESH:D059350", "chronic pain syndrome"),
        ("MESH:D009437", "neuropathic pain"),
        ("MESH:D003929", "diabetic neuropathy"), ("MESH:D003929", "diabetic neuropathies"),
        ("MESH:D051474", "postherpetic neuralgia"), ("MESH:D051474", "post-herpetic neuralgia"),
        ("MESH:D005356", "fibromyalgia"), ("MESH:D008881", "migraine"), ("MESH:D008881", "migraine disorders"),
        ("MESH:D018781", "tension-type headache"), ("MESH:D018781", "chronic tension headache"),
        ("MESH:D006261", "headache"), ("MESH:D010146", "pain"), ("MESH:D005221", "fatigue"),
    ])
    func seedConditionIsPresent(id: String, form: String) {
        #expect(Self.conditions.forms(id).contains(form), "\(id) lacks \(form)")
        #expect(!Self.isExcluded(form, type: "condition"))
    }

    @Test(arguments: [
        ("HGNC:11050", "serotonin transporter"), ("HGNC:11050", "SLC6A4"),
        ("HGNC:11048", "norepinephrine transporter"), ("HGNC:11048", "SLC6A2"),
        ("HGNC:5182", "histamine H1 receptor"), ("HGNC:5182", "HRH1"),
        ("FPLX:CHRM", "muscarinic receptors"), ("FPLX:CHRM", "muscarinic acetylcholine receptors"),
        ("FPLX:HRH", "histamine receptors"), ("HGNC:2625", "CYP2D6"),
        ("FPLX:ADRB", "beta-adrenergic receptors"),
    ])
    func seedReceptorIsPresent(id: String, form: String) {
        #expect(Self.receptors.forms(id).contains(form.lowercased()), "\(id) lacks \(form)")
        #expect(!Self.isExcluded(form, type: "receptor"))
    }

    @Test func handMergesAndCurationApply() {
        #expect(Self.conditions.row("MONDO:0024317") == nil)  // merged into MESH:D059350
        #expect(Self.conditions.xrefs("MESH:D059350").contains("MONDO:0024317"))
        #expect(!Self.drugs.forms("MESH:D006993").contains("sedative effects"))
        #expect(Self.isExcluded("neurotransmitters", type: "drug"))
    }

    @Test func familiesAreClasses() {
        for id in ["FPLX:CHRM", "FPLX:HRH", "FPLX:ADRB"] {
            #expect(Self.receptors.row(id)?[5] == "class", "\(id)")
        }
    }

    @Test func curationCoversAmbiguousSymbols() {
        let byKey = Dictionary(
            Self.curation.map { ($0.term + "/" + $0.type, $0.action) },
            uniquingKeysWith: { first, _ in first }
        )
        #expect(byKey["CAT/receptor"] == "case_sensitive")
        #expect(byKey["SET/receptor"] == "case_sensitive")
        #expect(byKey["disease/condition"] == "exclude")
        #expect(byKey["lead/drug"] == "exclude")
        #expect(byKey["NO/drug"] == "case_sensitive")
        // Hyphenated forms that the matcher joins into English words.
        #expect(byKey["SAM-e/drug"] == "exclude")
        #expect(byKey["n-OTS/drug"] == "exclude")
        #expect(byKey["Li/drug"] == "case_sensitive")
    }

    @Test(arguments: [
        ("Thrombosis", "thrombotic"), ("Dyskinesias", "dyskinetic"), ("nephrotoxicity", "nephrotoxic"),
        ("Epilepsy", "epileptic"), ("depression", "depressive"), ("Thromboembolism", "thromboembolic"),
        ("diabetes", "diabetic"), ("Mania", "manic"),
    ])
    func diseaseNamesGiveTheirAdjectives(name: String, adjective: String) {
        #expect(ConditionLexiconBuilder.adjective(of: name) == adjective)
    }

    @Test func wordsWithoutADiseaseSuffixOrTooShortGiveNoAdjective() {
        #expect(ConditionLexiconBuilder.adjective(of: "toxicity") == nil)
        #expect(ConditionLexiconBuilder.adjective(of: "Asthma") == nil)
        #expect(ConditionLexiconBuilder.adjective(of: "heart failure") == nil)
        #expect(ConditionLexiconBuilder.adjective(of: "AIDS") == nil)
    }

    @Test func causedConditionsAreSplitAtTheirCause() {
        #expect(CurationRules.causedCondition("heparin-induced thrombocytopenia") == "thrombocytopenia")
        #expect(CurationRules.causedCondition("drug induced liver injury") == "liver injury")
        #expect(CurationRules.causedCondition("hiv-associated nephropathy") == "nephropathy")
        #expect(CurationRules.causedCondition("induced psychosis") == nil)
        #expect(CurationRules.causedCondition("thrombocytopenia") == nil)
        #expect(CurationRules.withoutBracketedAbbreviation("end-stage renal disease (esrd)") == "end-stage renal disease")
        #expect(CurationRules.withoutBracketedAbbreviation("disease (of the liver)") == nil)
        #expect(CurationRules.withoutBracketedAbbreviation("nephropathy") == nil)
    }

    @Test func joinedFormsThatReadAsWordsAreFound() throws {
        var curated = CuratedData()
        curated.stopwords = ["not", "same"]
        #expect(CurationRules.joinedWord("sam-e", curated: curated) == "same")
        #expect(CurationRules.joinedWord("n-ots", curated: curated) == "not")
        #expect(CurationRules.joinedWord("same", curated: curated) == nil)
        #expect(CurationRules.joinedWord("l-dopa", curated: curated) == nil)
        #expect(CurationRules.joinedWord("sam e", curated: curated) == nil)
        #expect(CurationRules.joinedWord("(-)-same", curated: curated) == nil)
    }

    @Test(arguments: [
        ("MESH:D012640", "convulsions"), ("MESH:D006973", "hypertensive"), ("MESH:D064420", "toxicity"),
        ("MESH:D007674", "nephrotoxicity"), ("MESH:D020734", "parkinsonism"), ("MESH:D062787", "overdose"),
        ("MESH:D013927", "thrombotic"), ("MESH:D007674", "renal injury"), ("MESH:D014786", "visual loss"),
        ("MESH:D018476", "bradykinesia"), ("MESH:D018476", "akinesia"), ("MESH:D010291", "hemiparesis"),
        ("MESH:D001264", "choreoathetosis"), ("MESH:D009765", "obese"), ("MESH:D001523", "psychiatric"),
    ])
    func drugSafetyConditionFormIsPresent(id: String, form: String) {
        #expect(Self.conditions.forms(id).contains(form), "\(id) lacks \(form)")
        #expect(!Self.isExcluded(form, type: "condition"))
    }

    /// Words that name no condition in running text are excluded as conditions.
    @Test(arguments: ["hyperplastic", "myopic", "granulomatous", "disease progression", "SED", "ED1", "GAD", "analgesic"])
    func nonConditionUseIsExcluded(form: String) {
        #expect(Self.isExcluded(form, type: "condition"), "\(form) is not excluded")
    }
}

@Suite struct ReceptorSubscriptFormTests {
    static let cases: [(String, String?)] = [
        ("D2 receptor", "D(2) receptor"),
        ("5-HT2A receptor", "5-HT(2A) receptor"),
        ("CB1", "CB(1)"),
        ("Histamine H1 receptor", "Histamine H(1) receptor"),
        ("beta2-adrenoceptor", "beta(2)-adrenoceptor"),
        ("CYP3A4", nil),
        ("serotonin transporter", nil),
    ]

    @Test(arguments: cases)
    func writesTheSubtypeInParentheses(_ form: String, _ expected: String?) {
        #expect(ReceptorLexiconBuilder.subscriptForm(form) == expected)
    }
}

@Suite struct AdrenoceptorAbbreviationTests {
    @Test func abbreviatesSubtypes() {
        #expect(ReceptorLexiconBuilder.adrenoceptorAbbreviation("beta2-adrenoceptor") == "beta2AR")
        #expect(ReceptorLexiconBuilder.adrenoceptorAbbreviation("α1A-adrenoceptor") == "α1AAR")
        #expect(ReceptorLexiconBuilder.adrenoceptorAbbreviation("adrenoceptor") == nil)
        #expect(ReceptorLexiconBuilder.adrenoceptorAbbreviation("beta-adrenoceptor") == nil)
    }
}

@Suite struct SubtypeSpellingTests {
    @Test func spacesAndBracketsTheGreekSubtype() {
        #expect(
            ReceptorLexiconBuilder.subtypeSpellings("alpha2A-adrenoceptor")
                == ["alpha 2A-adrenoceptor", "alpha(2A)-adrenoceptor"]
        )
        #expect(
            ReceptorLexiconBuilder.subtypeSpellings("alpha1B-adrenergic receptor")
                == ["alpha 1B-adrenergic receptor", "alpha(1B)-adrenergic receptor"]
        )
        #expect(ReceptorLexiconBuilder.subtypeSpellings("β1 receptor") == ["β 1 receptor", "β(1) receptor"])
    }

    @Test func leavesOtherFormsAlone() {
        #expect(ReceptorLexiconBuilder.subtypeSpellings("BETA2").isEmpty)  // one word: a gene alias
        #expect(ReceptorLexiconBuilder.subtypeSpellings("beta-adrenoceptor").isEmpty)
        #expect(ReceptorLexiconBuilder.subtypeSpellings("alphabet123 protein").isEmpty)
        #expect(ReceptorLexiconBuilder.subtypeSpellings("CYP3A4").isEmpty)
    }
}

@Suite struct TargetSpellingVariantTests {
    @Test func speciesFormsPrefixTargetSymbols() {
        let english: Set<String> = ["hat", "rat"]
        #expect(
            ReceptorLexiconBuilder.speciesForms(of: "NET", englishWords: english, stopwords: [])
                == ["hNET", "rNET", "mNET"])
        #expect(
            ReceptorLexiconBuilder.speciesForms(of: "5-HT1A", englishWords: english, stopwords: [])
                == ["h5-HT1A", "r5-HT1A", "m5-HT1A"])
        // "hAT" and "rAT" read as English words; only the mouse form is left.
        #expect(ReceptorLexiconBuilder.speciesForms(of: "AT", englishWords: english, stopwords: []) == ["mAT"])
        // Not symbols: lower-case words, Greek-letter names, multi-word forms, lone letters.
        for form in ["alpha2", "receptor", "D2 receptor", "A-1", "X"] {
            #expect(ReceptorLexiconBuilder.speciesForms(of: form, englishWords: english, stopwords: []).isEmpty, "\(form)")
        }
    }

    @Test func speciesBasesAreGtoPdbNamesAndReceptorSubtypes() {
        func target(_ name: String, abbreviation: String) -> GtoPdbSource.Target {
            GtoPdbSource.Target(
                id: "1", type: "gpcr", familyID: "1", familyName: "Family", name: name, systematicName: "",
                abbreviatedName: abbreviation, synonyms: ["long synonym"], hgncID: "HGNC:1", hgncSymbol: "GENE1", rodentSymbols: [],
                uniProt: "", hasSubunits: false)
        }
        #expect(ReceptorLexiconBuilder.speciesBases(of: target("Copper transporter 1", abbreviation: "CTR1")) == ["CTR1"])
        #expect(ReceptorLexiconBuilder.speciesBases(of: target("5-HT1A receptor", abbreviation: "")) == ["5-HT1A"])
        #expect(ReceptorLexiconBuilder.speciesBases(of: target("insulin receptor", abbreviation: "")).isEmpty)
    }

    @Test func adrenergicReceptorsGetTheirShortSpellings() {
        #expect(
            ReceptorLexiconBuilder.adrenoceptorSpellings("alpha-1 Adrenergic Receptors")
                == ["alpha1-adrenoceptor", "alpha1-AR"])
        #expect(
            ReceptorLexiconBuilder.adrenoceptorSpellings("beta 2a adrenergic receptor")
                == ["beta2A-adrenoceptor", "beta2A-AR"])
        #expect(
            ReceptorLexiconBuilder.adrenoceptorSpellings("β-adrenergic receptor")
                == ["β-adrenoceptor", "β-AR", "beta-adrenoceptor", "beta-AR"])
        #expect(ReceptorLexiconBuilder.adrenoceptorSpellings("Adrenergic Receptor, alpha-1").isEmpty)
        #expect(ReceptorLexiconBuilder.adrenoceptorSpellings("gamma adrenergic receptor").isEmpty)
        #expect(ReceptorLexiconBuilder.adrenoceptorSpellings("alpha-12 adrenergic receptor").isEmpty)
    }

    @Test func subtypeReceptorNamesGetAnRSuffix() {
        #expect(ReceptorLexiconBuilder.receptorShortForm("AT1 receptor") == "AT1R")
        #expect(ReceptorLexiconBuilder.receptorShortForm("5-HT2A receptor") == "5-HT2AR")
        #expect(ReceptorLexiconBuilder.receptorShortForm("insulin receptor") == nil)
        #expect(ReceptorLexiconBuilder.receptorShortForm("GPR receptor") == nil)
        #expect(ReceptorLexiconBuilder.receptorShortForm("AT1") == nil)
    }

    @Test func spelledGreekLettersGetTheirInitial() {
        #expect(ReceptorLexiconBuilder.greekInitialSpelling("TNF-alpha") == "TNF-a")
        #expect(ReceptorLexiconBuilder.greekInitialSpelling("HIF-1alpha") == "HIF-1a")
        #expect(ReceptorLexiconBuilder.greekInitialSpelling("TGF-beta1") == "TGF-b1")
        #expect(ReceptorLexiconBuilder.greekInitialSpelling("beta-catenin") == "b-catenin")
        #expect(ReceptorLexiconBuilder.greekInitialSpelling("IFN-gamma") == "IFN-g")
        // Not a one-word form, no qualifying stem, or a Greek letter inside a word.
        for form in ["beta catenin", "alpha", "Betaine", "alphabet", "beta-AR", "estrogen receptor alpha"] {
            #expect(ReceptorLexiconBuilder.greekInitialSpelling(form) == nil, "\(form)")
        }
    }

    @Test func aMixedCaseSpellingWinsAWeakTie() {
        let finalizer = ConceptFinalizer(idPriority: ["HGNC"], type: .receptor)
        let inducible = hgncDraft("HGNC:1", "inducible synthase", [("iNOS", 2)])
        let other = hgncDraft("HGNC:2", "inositol enzyme", [("INOS", 2), ("IPX", 2)])
        let third = hgncDraft("HGNC:3", "third enzyme", [("IPX", 2)])
        let entries = finalizer.finalize([inducible, other, third]).entries
        let byID = Dictionary(uniqueKeysWithValues: entries.map { ($0.id, $0.synonyms) })
        #expect(byID["HGNC:1"] == ["iNOS"])
        #expect(byID["HGNC:2"] == [])
        // Same case everywhere: both lose the weak form, as before.
        #expect(byID["HGNC:3"] == [])
        // Drugs keep the old rule.
        let drugs = ConceptFinalizer(idPriority: ["HGNC"], type: .drug).finalize([inducible, other]).entries
        #expect(drugs.allSatisfy { !$0.synonyms.contains("iNOS") && !$0.synonyms.contains("INOS") })
    }

    @Test func aShortSymbolKeepsItsSourcesMixedCaseSpellings() {
        let finalizer = ConceptFinalizer(idPriority: ["HGNC"], type: .receptor)
        let kinase = hgncDraft("HGNC:1", "target of a macrolide kinase", [("KTOR", 3), ("kTOR", 2), ("Ktor", 2)])
        let ligand = hgncDraft("HGNC:2", "notch ligand", [("NLG4", 3), ("Nlg4", 2)])
        let long = hgncDraft("HGNC:3", "long symbol", [("LONGSYM", 3), ("LongSym", 2)])
        let entries = finalizer.finalize([kinase, ligand, long]).entries
        let byID = Dictionary(uniqueKeysWithValues: entries.map { ($0.id, $0.synonyms) })
        // The matcher takes "KTOR" only in its exact case: the source's "kTOR" stays beside it,
        // the capitalised word "Ktor" (no digit) does not.
        #expect(byID["HGNC:1"] == ["KTOR", "kTOR"])
        // A rodent symbol with a digit stays.
        #expect(byID["HGNC:2"] == ["NLG4", "Nlg4"])
        // A longer symbol is matched in any case already: one spelling is enough.
        #expect(byID["HGNC:3"] == ["LONGSYM"])
        // Other types keep one spelling.
        let drugs = ConceptFinalizer(idPriority: ["HGNC"], type: .drug).finalize([kinase]).entries
        #expect(drugs.first?.synonyms == ["KTOR"])
    }
}

@Suite struct DrugProductBaseTests {
    @Test func bracketedQualifierIsDropped() {
        #expect(DrugLexiconBuilder.productBase("Paclitaxel (with albumin)") == "Paclitaxel")
        #expect(DrugLexiconBuilder.productBase("Insulin Aspart (rDNA Origin)") == "Insulin Aspart")
        #expect(DrugLexiconBuilder.productBase("Paclitaxel") == nil)
        #expect(DrugLexiconBuilder.productBase("(R)-warfarin") == nil)
        #expect(DrugLexiconBuilder.productBase("(something)") == nil)
    }
}

@Suite struct GreekClassHeadTests {
    @Test func invertedGreekClassTermsGiveTheirHead() {
        #expect(DrugLexiconBuilder.greekClassHead("beta-Blockers, Adrenergic") == "beta-Blockers")
        #expect(DrugLexiconBuilder.greekClassHead("alpha-Agonists, Adrenergic") == "alpha-Agonists")
        #expect(DrugLexiconBuilder.greekClassHead("Blockers, Adrenergic") == nil)
        #expect(DrugLexiconBuilder.greekClassHead("beta-Blockers") == nil)
        #expect(DrugLexiconBuilder.greekClassHead("beta-Adrenergic Blockers, Selective") == nil)
    }
}

@Suite struct CompoundClassNounTests {
    @Test func ureaGroupsAreNamedByTheirNoun() {
        #expect(DrugLexiconBuilder.compoundClassNouns("Sulfonylurea Compounds") == ["sulfonylurea", "sulfonylureas"])
        #expect(DrugLexiconBuilder.compoundClassNouns("Sulfur Compounds").isEmpty)
        #expect(DrugLexiconBuilder.compoundClassNouns("Urea").isEmpty)
        #expect(DrugLexiconBuilder.compoundClassNouns("Quaternary Ammonium Compounds").isEmpty)
    }
}
