/// Salt, ester and formulation words that may follow a drug name ("amitriptyline
/// **hydrochloride**", "warfarin **sodium**", "**extended-release tablets**"), written to
/// `drug-forms.tsv` for the matcher, which extends a drug match over them.
///
/// Salt words are derived from the sources: a name of the form `PARENT WORD…` where `PARENT`
/// is another name of the same source (ChEBI "Amitriptyline hydrochloride" beside
/// "amitriptyline"; a drug-ner-dictionary variant "amitriptyline hydrochloride" of
/// "amitriptyline"; a MeSH supplementary record "perhexiline maleate" mapped to "Perhexiline")
/// yields the trailing words. A word is kept when it follows at least ``minimumParents``
/// different parents and looks like a salt or ester word (an anion or ester ending in `-ate` or
/// `-ite`, a halide such as `hydrochloride`, or a listed counter-ion or hydrate word; glycosides,
/// peptides, oxides and other compound words are not salts). The hand-curated list
/// (`drug-forms-manual.tsv`) adds formulation words and salts the derivation misses.
struct DrugForms {
    /// One word of the list.
    struct Form: Hashable {
        var word: String
        var kind: String
        /// Sources that attest it, sorted (`chebi`, `drug-ner-dictionary`, `mesh`, `curated`).
        var sources: [String]
    }

    /// Fewer parents than this and a derived word is not kept.
    static let minimumParents = 3

    /// Counter-ions and hydrate words that do not end like anions.
    static let counterIons: Set<String> = [
        "sodium", "potassium", "calcium", "magnesium", "lithium", "zinc", "aluminium", "aluminum",
        "ammonium", "meglumine", "tromethamine", "disodium", "dipotassium", "trisodium", "hemicalcium",
        "anhydrous", "hcl", "hbr", "diolamine", "olamine", "benzathine", "procaine", "choline",
        "hyclate", "erbumine", "ferrous", "ferric", "cupric", "sesquihydrate",
    ]

    /// Endings of anion and ester words (`-ate`, `-ite`) and of halide salts.
    static let saltEndings = ["ate", "ite", "chloride", "bromide", "iodide", "fluoride"]

    /// Words that end like salts but name other compounds (metabolites, conjugates, materials).
    static let notSalts: Set<String> = [
        "conjugate", "aggregate", "substrate", "intermediate", "candidate", "template", "metabolite",
        "hydrolysate", "mercapturate", "clathrate", "isocyanate", "isothiocyanate", "methacrylate",
        "dimethacrylate", "xanthate", "niobate", "tantalate", "titanate", "zirconate", "adenylate", "carbamate",
        "dithiocarbamate", "silicate", "prostate", "rate", "state", "late", "plate", "gate", "ultimate", "site",
        "suite", "trichloride", "pentachloride", "tetrachloride", "oxychloride", "dichloride", "trifluoride",
    ]

    var forms: [Form] = []

    /// The salt words, lower-cased, for stripping salt forms down to their parent.
    var saltWords: Set<String> {
        Set(forms.filter { $0.kind == "salt" }.map(\.word))
    }

    /// Derives the list.
    ///
    /// - Parameters:
    ///   - pairs: (source name, parent name, full name) candidates from the sources.
    ///   - curated: The hand-curated words.
    init(pairs: [(source: String, parent: String, full: String)], curated: [CuratedData.Form]) {
        var parentsOfWord: [String: Set<String>] = [:]
        var sourcesOfWord: [String: Set<String>] = [:]
        for pair in pairs {
            let parent = LexiconText.key(pair.parent)
            let full = LexiconText.key(pair.full)
            guard !parent.isEmpty, full.hasPrefix(parent + " ") else { continue }
            let tail = full.dropFirst(parent.count + 1)
            let words = tail.split(separator: " ").map(String.init)
            guard (1...3).contains(words.count) else { continue }
            for word in words {
                parentsOfWord[word, default: []].insert(parent)
                sourcesOfWord[word, default: []].insert(pair.source)
            }
        }
        var result: [String: Form] = [:]
        for (word, parents) in parentsOfWord where parents.count >= Self.minimumParents && Self.looksLikeSalt(word) {
            result[word] = Form(word: word, kind: "salt", sources: (sourcesOfWord[word] ?? []).sorted())
        }
        for form in curated {
            let word = form.word.lowercased()
            var sources = Set(result[word]?.sources ?? [])
            sources.insert("curated")
            result[word] = Form(word: word, kind: form.kind, sources: sources.sorted())
        }
        forms = result.values.sorted { LexiconText.byteLess($0.word, $1.word) }
    }

    /// Whether a word looks like a salt, ester or hydrate word.
    static func looksLikeSalt(_ word: String) -> Bool {
        guard word.count >= 3, word.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) }) else { return false }
        if counterIons.contains(word) { return true }
        if notSalts.contains(word) { return false }
        return saltEndings.contains { word.hasSuffix($0) }
    }

    /// Splits a name into its parent and trailing salt words: "Amitriptyline hydrochloride" →
    /// "Amitriptyline"; nil when the name has no trailing salt word or nothing is left before them.
    static func stem(_ name: String, saltWords: Set<String>) -> String? {
        var words = LexiconText.clean(name).split(separator: " ").map(String.init)
        var stripped = false
        while words.count > 1, let last = words.last, saltWords.contains(last.lowercased()) {
            words.removeLast()
            stripped = true
        }
        return stripped ? words.joined(separator: " ") : nil
    }

    /// The file `drug-forms.tsv`: header comments, a header row, `word kind sources` rows.
    var tsv: String {
        var text = "# pharmine-drug-forms 1\n"
        text +=
            "# Salt, ester and formulation words that may follow a drug name; the matcher extends a drug match over them.\n"
        text +=
            "# kind: salt (salts, esters, hydrates, counter-ions) or formulation (dosage forms and release words).\n"
        text +=
            "# sources: where the word was attested (chebi, drug-ner-dictionary, mesh) or curated (Lexicons/curated/drug-forms-manual.tsv).\n"
        text += "word\tkind\tsources\n"
        for form in forms {
            text += "\(form.word)\t\(form.kind)\t\(form.sources.joined(separator: "|"))\n"
        }
        return text
    }
}
