import Foundation
import PharmineCore
import PharmineLexicon

/// A small lexicon in the project's TSV format, written by us for tests.
enum LexiconFixture {
    static let drugs = """
        # pharmine-lexicon 1
        # Test drugs.
        id\ttype\tname\tsynonyms\txrefs\tflags\tsources
        DRUGBANK:DB00321\tdrug\tAmitriptyline\tAmitriptyline hydrochloride|Elavil\tMESH:D000639\t\tdrugbank|mesh
        DRUGBANK:DB05381\tdrug\tHistamine\tHistamine dihydrochloride\t\t\tdrugbank
        DRUGBANK:DB00734\tdrug\tRisperidone\t\t\t\tdrugbank
        DRUGBANK:DB00030\tdrug\tInsulin\tinsulin human\t\t\tdrugbank
        DRUGBANK:DB00368\tdrug\tNorepinephrine\tnoradrenaline\t\t\tdrugbank
        DRUGBANK:DB00936\tdrug\tSalicylic acid\t\t\t\tdrugbank
        TEST:PCA\tdrug\tp-Chloroamphetamine\tPCA\t\t\ttest
        TEST:LEAD\tdrug\tLead\tlead acetate\t\t\ttest
        TEST:TCA\tdrug\tTricyclic antidepressants\ttricyclic antidepressant|TCAs\t\tclass\ttest
        DRUGBANK:DB00316\tdrug\tAcetaminophen\tparacetamol\t\t\tdrugbank

        """

    static let conditions = """
        # pharmine-lexicon 1
        id\ttype\tname\tsynonyms\txrefs\tflags\tsources
        MESH:D009437\tcondition\tNeuralgia\tNeuropathic pain|Nerve pain\t\t\tmesh
        MESH:D051474\tcondition\tNeuralgia, Postherpetic\tPost-herpetic neuralgia|PHN\t\t\tmesh
        MESH:D006333\tcondition\tHeart Failure\tCardiac failure\t\t\tmesh
        MESH:D006331\tcondition\tHeart Diseases\theart disease\t\t\tmesh
        MESH:D003863\tcondition\tDepression\t\t\t\tmesh
        MESH:D003866\tcondition\tDepressive Disorder\tDepression|Depressive disorders\t\t\tmesh
        MESH:D008881\tcondition\tMigraine Disorders\tMigraine\t\t\tmesh
        MESH:D000163\tcondition\tAcquired Immunodeficiency Syndrome\tAIDS\t\t\tmesh
        MESH:D003924\tcondition\tDiabetes Mellitus, Type 2\ttype 2 diabetes|T2DM\t\t\tmesh
        MESH:D003922\tcondition\tDiabetes Mellitus, Type 1\ttype 1 diabetes\t\t\tmesh
        MESH:D015470\tcondition\tLeukemia, Myeloid, Acute\tAML\t\t\tmesh
        MESH:D010300\tcondition\tParkinson Disease\tParkinson's disease\t\t\tmesh
        MESH:D000740\tcondition\tAnemia\t\t\t\tmesh
        MESH:D005356\tcondition\tFibromyalgia\t\t\t\tmesh
        MESH:D018781\tcondition\tTension-Type Headache\tchronic tension headache|tension headache\t\t\tmesh
        MESH:D006261\tcondition\tHeadache\t\t\t\tmesh
        MESH:D003929\tcondition\tDiabetic Neuropathies\tdiabetic neuropathy\t\t\tmesh
        MESH:D059350\tcondition\tChronic Pain\t\t\t\tmesh
        MESH:D006816\tcondition\tHuntington Disease\tHuntington's chorea\t\t\tmesh

        """

    static let receptors = """
        # pharmine-lexicon 1
        id\ttype\tname\tsynonyms\txrefs\tflags\tsources
        HGNC:5182\treceptor\tHRH1\thistamine receptor H1|H<sub>1</sub> receptor|H(1) receptor|H1\t\t\thgnc
        HGNC:5183\treceptor\tHRH2\thistamine H2 receptor|H(2) receptor|H2 receptor\t\t\thgnc
        FPLX:HRH\treceptor\tHistamine receptor\thistamine receptors\t\tclass\tfamplex
        FPLX:CHRM\treceptor\tMuscarinic acetylcholine receptor\tmuscarinic receptor\t\tclass\tfamplex
        HGNC:11050\treceptor\tSLC6A4\tserotonin transporter|5-HTT|SERT\t\t\thgnc
        HGNC:11048\treceptor\tSLC6A2\tnorepinephrine transporter|NET\t\t\thgnc
        HGNC:286\treceptor\tADRB2\tβ2-adrenergic receptor\t\t\thgnc
        HGNC:2707\treceptor\tACE\tangiotensin converting enzyme\t\t\thgnc
        HGNC:6081\treceptor\tINSR\tinsulin receptor\t\t\thgnc
        HGNC:6086\treceptor\tINS\tinsulin\t\t\thgnc
        HGNC:2625\treceptor\tCYP2D6\tcytochrome P450 2D6\t\t\thgnc
        HGNC:11996\treceptor\tTNF\tTNFα|tumor necrosis factor\t\t\thgnc

        """

    static let curation = """
        term\ttype\taction\treason
        NET\treceptor\tcase_sensitive\tan English word
        lead\tdrug\texclude\tthe verb
        Nerve pain\t*\texclude\ttest rule

        """

    static let drugForms = """
        word\tkind
        hydrochloride\tsalt
        HCl\tsalt
        dihydrochloride\tsalt
        tablets\tformulation
        extended-release\tformulation

        """

    /// Writes the fixture files into a fresh temporary directory.
    static func writeDirectory(_ files: [String: String]? = nil) throws -> String {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("pharmine-lexicon-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let contents =
            files ?? [
                "drugs.tsv": drugs, "conditions.tsv": conditions, "receptors.tsv": receptors,
                "curation.tsv": curation, "drug-forms.tsv": drugForms,
            ]
        for (name, text) in contents {
            try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return directory.path
    }

    /// The fixture lexicon, loaded once.
    static let lexicon: Lexicon = {
        let directory = try! writeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        return try! Lexicon(directory: directory)
    }()

    /// The fixture matcher with default options.
    static let matcher = Matcher(lexicon: lexicon)

    /// Matches rendered as "text=ID" strings.
    static func render(_ text: String, matcher: Matcher = matcher) -> [String] {
        let bytes = Array(text.utf8)
        return matcher.matches(in: text).map { match in
            String(decoding: bytes[match.start..<match.end], as: UTF8.self) + "=" + matcher.concepts[match.entry].id
        }
    }
}
