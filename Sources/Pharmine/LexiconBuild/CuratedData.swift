import Foundation

/// The hand-curated inputs of the build, kept as data under `Lexicons/curated/`:
///
/// - `curation-manual.tsv`: `term type action reason` rules written by hand (they win over
///   generated rules for the same term and type; action `keep` suppresses a generated rule).
/// - `synonyms-manual.tsv`: `id type synonym reason`: surface forms added to a concept
///   (short forms such as "TCAs", "MAOIs"; "depression" for Depressive Disorder).
/// - `drug-forms-manual.tsv`: `word kind reason`: salt and formulation words added to those
///   derived from the sources.
/// - `merges-manual.tsv`: `id into reason`: condition records merged by hand into another
///   concept (MONDO "chronic pain syndrome" into MeSH Chronic Pain).
/// - `condition-sites.tsv` (optional, with the next): `word id reason`: body sites ("renal", "visual") with the condition
///   concept of disease of that site (or `-`).
/// - `condition-heads.tsv`: `head mode reason`: condition heads that take a site in front
///   ("renal injury", "penile pain"); see ``ConditionLexiconBuilder``.
/// - `gene-product-drugs.tsv` (optional): `id reason`: MeSH peptide or protein descriptors mapped
///   to a human gene that stay drugs (insulin); the others are left to the receptor lexicon.
/// - `stopwords.txt`: English function words, one a line; never matched as entities.
/// - `english-words.tsv`: `word common`: an English word list (SCOWL, via Debian's `wamerican`;
///   `common` = 1 for the words of the smaller `wamerican-small` list) used to find symbols that
///   are also English words.
///
/// Lines starting with `#` and empty lines are ignored in every file.
struct CuratedData {
    /// A hand-written curation rule.
    struct Rule: Hashable {
        var term: String
        /// A type name or `*`.
        var type: String
        var action: String
        var reason: String
    }

    /// A hand-added synonym.
    struct Synonym {
        var id: String
        var type: String
        var synonym: String
    }

    /// A hand-listed salt or formulation word.
    struct Form {
        var word: String
        var kind: String
    }

    /// A hand-made merge of one record into another concept.
    struct Merge {
        var id: String
        var into: String
    }

    /// A body site that can stand before a condition head.
    struct Site {
        var word: String
        /// The condition concept of disease of the site, or nil.
        var id: String?
    }

    /// A condition head that takes a site in front, and whose concept the composed form gets.
    struct Head {
        /// How a composed form is assigned.
        enum Mode: String {
            /// The head's own concept.
            case own
            /// The site's disease concept.
            case site
            /// The site's concept when it has one, else the head's own.
            case either
        }

        var head: String
        var mode: Mode
    }

    var rules: [Rule] = []
    var sites: [Site] = []
    var heads: [Head] = []
    var synonyms: [Synonym] = []
    var merges: [Merge] = []
    var forms: [Form] = []
    /// MeSH ids (`MESH:D…`) of gene products that stay drugs.
    var geneProductDrugs: Set<String> = []
    var stopwords: Set<String> = []
    /// Lower-case English words.
    var englishWords: Set<String> = []
    /// The subset of ``englishWords`` that are common.
    var commonWords: Set<String> = []

    /// The valid curation actions of hand-written rules (`keep` suppresses a generated rule).
    static let actions: Set<String> = ["exclude", "case_sensitive", "keep"]

    /// An empty set of curated data.
    init() {}

    /// Reads the curated files of a folder.
    ///
    /// - Parameter folder: The `curated` folder.
    /// - Throws: ``LexiconBuildError`` when a file is missing, unreadable or has a malformed row.
    init(folder: String) throws(LexiconBuildError) {
        let rulesPath = folder + "/curation-manual.tsv"
        try Self.rows(rulesPath, columns: 4) { fields, line throws(LexiconBuildError) in
            guard Self.actions.contains(fields[2]) else {
                throw LexiconBuildError(.malformed, file: rulesPath, line: line, message: "unknown action \(fields[2])")
            }
            rules.append(Rule(term: fields[0], type: fields[1], action: fields[2], reason: fields[3]))
        }
        try Self.rows(folder + "/synonyms-manual.tsv", columns: 3) { fields, _ in
            synonyms.append(Synonym(id: fields[0], type: fields[1], synonym: fields[2]))
        }
        try Self.rows(folder + "/merges-manual.tsv", columns: 2) { fields, _ in
            merges.append(Merge(id: fields[0], into: fields[1]))
        }
        let formsPath = folder + "/drug-forms-manual.tsv"
        try Self.rows(formsPath, columns: 2) { fields, line throws(LexiconBuildError) in
            guard fields[1] == "salt" || fields[1] == "formulation" else {
                throw LexiconBuildError(.malformed, file: formsPath, line: line, message: "unknown kind \(fields[1])")
            }
            forms.append(Form(word: fields[0], kind: fields[1]))
        }
        // The condition composition files are optional: without them no compositions are made.
        let sitesPath = folder + "/condition-sites.tsv"
        let headsPath = folder + "/condition-heads.tsv"
        let hasCompositions = FileManager.default.fileExists(atPath: sitesPath)
            && FileManager.default.fileExists(atPath: headsPath)
        if hasCompositions { try readCompositions(sitesPath: sitesPath, headsPath: headsPath) }
        let geneProductsPath = folder + "/gene-product-drugs.tsv"
        if FileManager.default.fileExists(atPath: geneProductsPath) {
            try Self.rows(geneProductsPath, columns: 2) { fields, _ in _ = geneProductDrugs.insert(fields[0]) }
        }
        try SourceReading.forEachLine(folder + "/stopwords.txt") { line, _ in
            let word = line.trimmingCharacters(in: .whitespaces).lowercased()
            if !word.isEmpty, !word.hasPrefix("#") { stopwords.insert(word) }
        }
        try Self.rows(folder + "/english-words.tsv", columns: 1) { fields, _ in
            englishWords.insert(fields[0])
            if fields.count > 1, fields[1] == "1" { commonWords.insert(fields[0]) }
        }
    }

    private mutating func readCompositions(sitesPath: String, headsPath: String) throws(LexiconBuildError) {
        try Self.rows(sitesPath, columns: 2) { fields, _ in
            sites.append(Site(word: fields[0], id: fields[1] == "-" ? nil : fields[1]))
        }
        try Self.rows(headsPath, columns: 2) { fields, line throws(LexiconBuildError) in
            guard let mode = Head.Mode(rawValue: fields[1]) else {
                throw LexiconBuildError(.malformed, file: headsPath, line: line, message: "unknown mode \(fields[1])")
            }
            heads.append(Head(head: fields[0], mode: mode))
        }
    }

    private static func rows(
        _ path: String,
        columns: Int,
        _ body: ([String], Int) throws(LexiconBuildError) -> Void
    ) throws(LexiconBuildError) {
        try SourceReading.forEachLine(path) { line, number throws(LexiconBuildError) in
            if line.isEmpty || line.hasPrefix("#") { return }
            let fields = SourceReading.tabFields(line)
            guard fields.count >= columns, !fields[0].isEmpty else {
                throw LexiconBuildError(.malformed, file: path, line: number, message: "expected \(columns) columns")
            }
            try body(fields, number)
        }
    }
}
