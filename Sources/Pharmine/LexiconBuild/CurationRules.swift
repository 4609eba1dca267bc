import Foundation
import PharmineLexicon
import PharmineCore
/// The curation list (`curation.tsv`): surface forms the matcher must not match, or must match
/// only in their exact case. Most rules are generated from the finished lexicons; the hand-written
/// rules of `curated/curation-manual.tsv` are added and win for the same term and type (a manual
/// `keep` rule suppresses the generated rule and writes none).
///
/// Generated rules, in order (the first that applies wins). A form is *symbol-like* when all its
/// letters are upper-case or it has an upper-case letter after the first (`CAT`, `cAMP`, `SAMe`).
/// 1. one character → `exclude` (every type);
/// 2. no letter (numbers, punctuation) → `exclude` (every type);
/// 2a. a hyphenated word that reads as an English function word or common word once its parts
///    are joined and a final `s` dropped ("SAM-e" → `same`, "n-OTS" → `not`, "retin-a" → `retina`:
///    the matcher joins hyphenated parts and folds plurals): symbol-like (`T-ALL`) →
///    `case_sensitive`, otherwise → `exclude`, for its type;
/// 3. an English function word (`curated/stopwords.txt`): symbol-like (`NO`, `ALL`) →
///    `case_sensitive`, otherwise → `exclude` (every type);
/// 3a. a lower-case, singular, one-word form of a drug concept that is a pharmacologic-action
///    class (MeSH D27 only) and reads as an adjective (ending in `ic`, `ive`, `al` or `oid`:
///    "adrenergic", "analgesic", "antihypertensive", "antiviral", "opioid") → `exclude` for drugs:
///    in text such a word mostly modifies another noun ("adrenergic receptors", "analgesic
///    effect", "opioid withdrawal") and names no chemical; the plural noun ("opioids",
///    "analgesics") and phrases ("opioid analgesics") still match;
///    when only the plural is listed ("Sedatives"), the rule is written for its singular;
/// 4. at most two letters and digits (`AR`, `H1`, `Ca`): from weak sources only → `exclude`,
///    otherwise → `case_sensitive`;
/// 5. a symbol-like form that is also an English word (`CAT`, `SET`, `IMPACT`, `cAMP`) → `case_sensitive`;
/// 6. a single word that is a common English word and not symbol-like → `exclude` when it is a
///    receptor synonym (not the name), a drug or condition synonym of at most five letters from
///    weak sources only ("bed", "lung", "camp"), or names a drug concept with no MeSH or ChEBI
///    identity (DrugBank food and allergen extracts: "Apple");
/// 7. a receptor symbol of at most five characters that is also, with the same case, a condition
///    name or strong synonym (`ALS`, `COPD`, `CAD`) → `exclude` for receptors: the disease sense
///    dominates in text;
/// 8. a short upper-case symbol (three letters or fewer) of a receptor → `case_sensitive`;
/// 9. a condition form "X-induced Y" (or "X induced Y", "X-associated Y", "X-related Y") whose
///    rest Y is itself a condition form → `exclude` for conditions: the condition is Y, and X is
///    its cause, a mention of its own ("heparin-induced thrombocytopenia" is thrombocytopenia
///    caused by heparin); likewise a condition form "Y (ABBR)" whose Y is a condition form
///    ("end-stage renal disease (ESRD)"): the abbreviation finder links the two.
/// 10. the singular of a drug-class phrase that the build made with another generic head
///    ("anticholinergic drug" of "anticholinergic drugs", made from "Anticholinergic Agents")
///    → `exclude` for drugs: it names one unspecified drug; the matcher keeps the plural in
///    its lower-case spelling.
///
/// Weak sources: brand and variant lists (drug-ner-dictionary), ChEBI and supplementary-record
/// synonyms, DO and MONDO synonyms, HGNC alias and previous symbols, GtoPdb synonyms, FamPlex
/// grounding strings; strong: concept names, MeSH labels and entry terms, DrugBank synonyms,
/// HGNC approved symbols.
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
    ///   - actionClassIDs: Ids of drug concepts that are pharmacologic-action classes (rule 3a).
    ///   - weakForms: Per type, lower-cased forms that come only from weak sources (brands and
    ///     variants of drugs) and may be excluded when they are common English words.
    ///   - classPhraseSingulars: Singulars of drug-class phrases the build made with another
    ///     generic head ("anticholinergic drug"): excluded for drugs (rule 10).
    init(
        lexicons: [EntityType: [LexiconEntry]],
        curated: CuratedData,
        actionClassIDs: Set<String> = [],
        weakForms: [EntityType: Set<String>],
        classPhraseSingulars: Set<String> = []
    ) {
        var byKey: [String: Rule] = [:]
        func put(_ rule: Rule) {
            let key = LexiconText.key(rule.term) + "\t" + rule.type
            if byKey[key] == nil { byKey[key] = rule }
        }
        let manualKeys = Set(curated.rules.map { LexiconText.key($0.term) + "\t" + $0.type })
        for rule in curated.rules where rule.action != "keep" {
            byKey[LexiconText.key(rule.term) + "\t" + rule.type] = Rule(
                term: rule.term,
                type: rule.type,
                action: rule.action,
                reason: rule.reason
            )
        }
        let manualAnyType = Set(curated.rules.filter { $0.type == "*" }.map { LexiconText.key($0.term) })
        var conditionForms: Set<String> = []
        for entry in lexicons[.condition] ?? [] {
            for form in [entry.name] + entry.synonyms where form.unicodeScalars.count <= 5 {
                if weakForms[.condition]?.contains(LexiconText.key(form)) != true { conditionForms.insert(form) }
            }
        }
        var allConditionForms: Set<String> = []
        for entry in lexicons[.condition] ?? [] {
            for form in [entry.name] + entry.synonyms { allConditionForms.insert(form.lowercased()) }
        }
        for form in allConditionForms {
            let key = LexiconText.key(form)
            guard !manualAnyType.contains(key), !manualKeys.contains(key + "\t" + EntityType.condition.rawValue)
            else { continue }
            if let rest = Self.causedCondition(form), allConditionForms.contains(rest) {
                put(
                    Rule(
                        term: form,
                        type: EntityType.condition.rawValue,
                        action: "exclude",
                        reason: "names its cause before the condition '\(rest)', which is matched on its own"
                    )
                )
            } else if let rest = Self.withoutBracketedAbbreviation(form), allConditionForms.contains(rest) {
                put(
                    Rule(
                        term: form,
                        type: EntityType.condition.rawValue,
                        action: "exclude",
                        reason: "the condition '\(rest)' with its abbreviation in brackets; both are matched on their own"
                    )
                )
            }
        }
        for singular in classPhraseSingulars.sorted(by: LexiconText.byteLess)
        where !manualKeys.contains(LexiconText.key(singular) + "\t" + EntityType.drug.rawValue) {
            put(
                Rule(
                    term: singular,
                    type: EntityType.drug.rawValue,
                    action: "exclude",
                    reason: "singular of a drug-class phrase made with another generic head; "
                        + "it names one unspecified drug, and the plural still matches"
                )
            )
        }
        for type in EntityType.allCases {
            for entry in lexicons[type] ?? [] {
                for (position, form) in ([entry.name] + entry.synonyms).enumerated() {
                    let key = LexiconText.key(form)
                    if manualAnyType.contains(key) || manualKeys.contains(key + "\t" + type.rawValue) { continue }
                    if let rule = Self.rule(
                        for: form,
                        key: key,
                        type: type,
                        isName: position == 0,
                        curated: curated,
                        weak: weakForms[type]?.contains(key) ?? false,
                        entry: entry,
                        isActionClass: type == .drug
                            && (actionClassIDs.contains(entry.id) || entry.xrefs.contains(where: actionClassIDs.contains)),
                        conditionForms: conditionForms
                    ) {
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
        type: EntityType,
        isName: Bool,
        curated: CuratedData,
        weak: Bool,
        entry: LexiconEntry,
        isActionClass: Bool,
        conditionForms: Set<String>
    ) -> Rule? {
        var scalarCount = 0
        var letterCount = 0
        var digitCount = 0
        for scalar in form.unicodeScalars {
            scalarCount += 1
            if scalar.isASCII {
                let value = scalar.value
                if (65...90).contains(value) || (97...122).contains(value) {
                    letterCount += 1
                } else if (48...57).contains(value) {
                    digitCount += 1
                }
            } else if scalar.properties.isAlphabetic {
                letterCount += 1
            }
        }
        let alphanumericCount = letterCount + digitCount
        if scalarCount == 1 {
            return Rule(term: form, type: "*", action: "exclude", reason: "single character")
        }
        if letterCount == 0 {
            return Rule(term: form, type: "*", action: "exclude", reason: "no letter (number or punctuation only)")
        }
        let symbolLike = Self.isSymbolLike(form)
        if let word = Self.joinedWord(key, curated: curated) {
            return Rule(
                term: form,
                type: type.rawValue,
                action: symbolLike ? "case_sensitive" : "exclude",
                reason: "reads as the English word '\(word)' once the matcher joins its parts"
            )
        }
        if curated.stopwords.contains(key) {
            if symbolLike {
                return Rule(
                    term: form,
                    type: type.rawValue,
                    action: "case_sensitive",
                    reason: "symbol that is also the English function word '\(key)'"
                )
            }
            return Rule(term: form, type: "*", action: "exclude", reason: "English function word")
        }
        if isActionClass, form.hasSuffix("s"), Self.isActionAdjective(String(form.dropLast())) {
            // Only the plural is in the lexicon ("Sedatives"); plural folding would match the
            // adjective too, so the singular is excluded (the matcher keeps the plural itself).
            return Rule(
                term: String(form.dropLast()).lowercased(),
                type: type.rawValue,
                action: "exclude",
                reason: "adjective of a pharmacologic-action class; in text it mostly modifies another noun"
            )
        }
        if isActionClass, Self.isActionAdjective(form) {
            return Rule(
                term: form,
                type: type.rawValue,
                action: "exclude",
                reason: "adjective of a pharmacologic-action class; in text it mostly modifies another noun"
            )
        }
        if alphanumericCount <= 2 {
            if weak && !isName {
                return Rule(
                    term: form,
                    type: type.rawValue,
                    action: "exclude",
                    reason: "one- or two-character abbreviation from weak sources only"
                )
            }
            return Rule(
                term: form,
                type: type.rawValue,
                action: "case_sensitive",
                reason: "one- or two-character symbol"
            )
        }
        let singleWord = !key.contains(" ")
        if symbolLike, singleWord, curated.englishWords.contains(key) {
            return Rule(
                term: form,
                type: type.rawValue,
                action: "case_sensitive",
                reason: "symbol that is also the English word '\(key)'"
            )
        }
        if !symbolLike, singleWord, curated.commonWords.contains(key) {
            switch type {
            case .receptor where !isName:
                return Rule(
                    term: form,
                    type: type.rawValue,
                    action: "exclude",
                    reason: "target synonym that is the common English word '\(key)'"
                )
            case .drug
            where isName && !entry.xrefs.contains(where: { $0.hasPrefix("MESH:") || $0.hasPrefix("CHEBI:") })
                && !entry.id.hasPrefix("MESH:") && !entry.id.hasPrefix("CHEBI:"):
                return Rule(
                    term: form,
                    type: type.rawValue,
                    action: "exclude",
                    reason:
                        "common English word '\(key)' naming a drug entry with no MeSH or ChEBI chemical (food or allergen extract)"
                )
            case .drug where weak && !isName && letterCount <= Self.shortWordLength,
                .condition where weak && !isName && letterCount <= Self.shortWordLength:
                return Rule(
                    term: form,
                    type: type.rawValue,
                    action: "exclude",
                    reason: "short synonym from weak sources only that is the common English word '\(key)'"
                )
            default:
                break
            }
        }
        if type == .receptor, symbolLike, conditionForms.contains(form) {
            return Rule(
                term: form,
                type: type.rawValue,
                action: "exclude",
                reason: "gene or protein symbol that is also a condition abbreviation"
            )
        }
        if type == .receptor, LexiconText.isUpperCaseSymbol(form), letterCount <= 3, alphanumericCount <= 3 {
            return Rule(
                term: form,
                type: type.rawValue,
                action: "case_sensitive",
                reason: "short gene or protein symbol"
            )
        }
        return nil
    }

    /// Weak drug and condition synonyms that are common English words are excluded up to this
    /// length; longer ones are mostly real terms ("diabetes", "penicillin") and are left to the
    /// hand-written rules.
    static let shortWordLength = 5

    /// Whether all letters are upper-case, or an upper-case letter follows the first character.
    /// The English function word or common word that a hyphenated form reads as once its parts are joined and a final `s` is dropped, as the matcher's variants and
    /// plural folding do ("SAM-e" → `same`, "n-OTS" → `not`); nil when there is none.
    static func joinedWord(_ key: String, curated: CuratedData) -> String? {
        // Only letters and digits joined by inner hyphens: "(-)-cocaine", "alcohol," and "burn(s)"
        // are not joined into a word.
        let parts = key.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count > 1, parts.allSatisfy({ part in
            !part.isEmpty && part.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) }
        }) else { return nil }
        let joined = parts.joined()
        guard joined.unicodeScalars.count >= 2 else { return nil }
        var candidates = [joined]
        if joined.hasSuffix("s"), joined.count > 3 { candidates.append(String(joined.dropLast())) }
        return candidates.first { curated.stopwords.contains($0) || curated.commonWords.contains($0) }
    }

    /// The condition of a lower-cased form "X-induced Y" ("X induced Y", "X-associated Y",
    /// "X-related Y"), that is Y, or nil.
    static func causedCondition(_ form: String) -> String? {
        for marker in ["-induced ", " induced ", "-associated ", "-related "] {
            guard let range = form.range(of: marker), range.lowerBound > form.startIndex else { continue }
            let rest = form[range.upperBound...]
            guard !rest.isEmpty else { continue }
            return String(rest)
        }
        return nil
    }

    /// A lower-cased form "Y (ABBR)" without its bracketed one-word abbreviation, that is Y, or nil.
    static func withoutBracketedAbbreviation(_ form: String) -> String? {
        guard form.hasSuffix(")"), let open = form.range(of: " (", options: .backwards), open.lowerBound > form.startIndex
        else { return nil }
        let inner = form[open.upperBound..<form.index(before: form.endIndex)]
        guard (2...10).contains(inner.count), !inner.contains(" "), !inner.contains("(") else { return nil }
        return String(form[..<open.lowerBound])
    }

    /// Whether a form is one word (hyphens allowed; any case but not a symbol), not a plural, ending like an
    /// adjective: `ic`, `ive`, `al` or `oid` ("anticholinergic", "antihypertensive", "opioid").
    static func isActionAdjective(_ form: String) -> Bool {
        guard form.count >= 5, !isSymbolLike(form) else { return false }
        let lower = form.lowercased()
        guard lower.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || $0 == "-" }) else { return false }
        return ["ic", "ive", "al", "oid"].contains { lower.hasSuffix($0) }
    }

    static func isSymbolLike(_ form: String) -> Bool {
        if LexiconText.isUpperCaseSymbol(form) { return true }
        return form.unicodeScalars.dropFirst().contains { $0.properties.isUppercase }
    }

    /// The file `curation.tsv`.
    var tsv: String {
        var text = "# pharmine-curation 1\n"
        text +=
            "# Curated surface forms: exclude = never match this form; case_sensitive = match only with this exact case.\n"
        text +=
            "# type: drug, condition, receptor or * (every type). Term comparison for exclude is case-insensitive.\n"
        text +=
            "# Generated by `pharmine lexicon build` from the lexicons and Lexicons/curated/ (rules and word lists);\n"
        text += "# hand-written rules come from Lexicons/curated/curation-manual.tsv. See README.md.\n"
        text += "term\ttype\taction\treason\n"
        for rule in rules {
            text += "\(rule.term)\t\(rule.type)\t\(rule.action)\t\(rule.reason)\n"
        }
        return text
    }
}
