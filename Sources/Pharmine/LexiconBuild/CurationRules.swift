/// The curation list (`curation.tsv`): surface forms the matcher must not match, or must match
/// only in their exact case. Most rules are generated from the finished lexicons; the hand-written
/// rules of `curated/curation-manual.tsv` are added and win for the same term and type.
///
/// Generated rules, in order (the first that applies wins):
/// 1. one character → `exclude`;
/// 2. no letter (numbers, punctuation) → `exclude`;
/// 3. an English function word (`curated/stopwords.txt`) → `exclude` for every type (`*`);
/// 4. at most two letters and digits (`AR`, `H1`, `Ca`) → `case_sensitive`;
/// 5. an upper-case symbol that is also an English word (`CAT`, `SET`, `IMPACT`) → `case_sensitive`;
/// 6. a lower-case synonym of a receptor, or a brand or variant of a drug, that is a common English
///    word and not the concept's name → `exclude`;
/// 7. a short upper-case symbol (three letters or fewer) of a receptor → `case_sensitive`.
struct CurationRules {
    /// One rule.
    struct Rule: Hashable {
        var term: String
        var type: String
        var action: String
        var reason: String
    }

    private(set) var rules: [Rule] = []

    /// Derives the rules.
    ///
    /// - Parameters:
    ///   - lexicons: The finished rows of every type.
    ///   - curated: Stop words, English words and hand-written rules.
    ///   - weakForms: Per type, lower-cased forms that come only from weak sources (brands and
    ///     variants of drugs) and may be excluded when they are common English words.
    init(lexicons: [LexiconEntityType: [LexiconEntry]], curated: CuratedData, weakForms: [LexiconEntityType: Set<String>]) {
        var byKey: [String: Rule] = [:]
        func put(_ rule: Rule) {
            let key = LexiconText.key(rule.term) + "\t" + rule.type
            if byKey[key] == nil { byKey[key] = rule }
        }
        let manualKeys = Set(curated.rules.map { LexiconText.key($0.term) + "\t" + $0.type })
        for rule in curated.rules {
            byKey[LexiconText.key(rule.term) + "\t" + rule.type] = Rule(
                term: rule.term, type: rule.type, action: rule.action, reason: rule.reason)
        }
        let manualAnyType = Set(curated.rules.filter { $0.type == "*" }.map { LexiconText.key($0.term) })
        for type in LexiconEntityType.allCases {
            for entry in lexicons[type] ?? [] {
                for (position, form) in ([entry.name] + entry.synonyms).enumerated() {
                    let key = LexiconText.key(form)
                    if manualAnyType.contains(key) || manualKeys.contains(key + "\t" + type.rawValue) { continue }
                    if let rule = Self.rule(
                        for: form, key: key, type: type, isName: position == 0, curated: curated,
                        weak: weakForms[type]?.contains(key) ?? false)
                    {
                        put(rule)
                    }
                }
            }
        }
        rules = byKey.values.sorted { lhs, rhs in
            let (l, r) = (LexiconText.key(lhs.term), LexiconText.key(rhs.term))
            if l != r { return LexiconText.byteLess(l, r) }
            if lhs.type != rhs.type { return LexiconText.byteLess(lhs.type, rhs.type) }
            return LexiconText.byteLess(lhs.term, rhs.term)
        }
    }

    private static func rule(
        for form: String,
        key: String,
        type: LexiconEntityType,
        isName: Bool,
        curated: CuratedData,
        weak: Bool
    ) -> Rule? {
        let scalars = Array(form.unicodeScalars)
        let letters = scalars.filter { $0.properties.isAlphabetic }
        let alphanumerics = scalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }
        if scalars.count == 1 {
            return Rule(term: form, type: "*", action: "exclude", reason: "single character")
        }
        if letters.isEmpty {
            return Rule(term: form, type: "*", action: "exclude", reason: "no letter (number or punctuation only)")
        }
        if curated.stopwords.contains(key) {
            return Rule(term: form, type: "*", action: "exclude", reason: "English function word")
        }
        if alphanumerics.count <= 2 {
            return Rule(term: form, type: type.rawValue, action: "case_sensitive", reason: "one- or two-character symbol")
        }
        let isWord = !key.contains(" ") && curated.englishWords.contains(key)
        if LexiconText.isUpperCaseSymbol(form), isWord {
            return Rule(
                term: form, type: type.rawValue, action: "case_sensitive",
                reason: "symbol that is also the English word '\(key)'")
        }
        let isCommonWord = !key.contains(" ") && curated.commonWords.contains(key)
        if !isName, isCommonWord, !LexiconText.isUpperCaseSymbol(form) {
            if type == .receptor {
                return Rule(
                    term: form, type: type.rawValue, action: "exclude",
                    reason: "target synonym that is the common English word '\(key)'")
            }
            if type == .drug, weak {
                return Rule(
                    term: form, type: type.rawValue, action: "exclude",
                    reason: "brand or variant name that is the common English word '\(key)'")
            }
        }
        if type == .receptor, LexiconText.isUpperCaseSymbol(form), letters.count <= 3, alphanumerics.count <= 3 {
            return Rule(term: form, type: type.rawValue, action: "case_sensitive", reason: "short gene or protein symbol")
        }
        return nil
    }

    /// The file `curation.tsv`.
    var tsv: String {
        var text = "# pharmine-curation 1\n"
        text += "# Curated surface forms: exclude = never match this form; case_sensitive = match only with this exact case.\n"
        text += "# type: drug, condition, receptor or * (every type). Term comparison for exclude is case-insensitive.\n"
        text += "# Generated by `pharmine lexicon build` from the lexicons and Lexicons/curated/ (rules and word lists);\n"
        text += "# hand-written rules come from Lexicons/curated/curation-manual.tsv. See README.md.\n"
        text += "term\ttype\taction\treason\n"
        for rule in rules {
            text += "\(rule.term)\t\(rule.type)\t\(rule.action)\t\(rule.reason)\n"
        }
        return text
    }
}
