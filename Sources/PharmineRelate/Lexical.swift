/// Closed word lists shared by the extractors (lowercased, after hyphen joining).
///
/// They are grammar, not vocabulary: determiners, separators, negation and hedging cues, and
/// the adverse-effect wording that must never yield an indication. Domain vocabularies (drugs,
/// conditions, targets, neurotransmitters) come from the lexicons.
enum Lexical {
    /// Negation inside the span of a relation: "X was not effective in Y", "X failed to relieve Y".
    static let negation: WordSet = [
        "not", "no", "never", "neither", "nor", "cannot", "failed", "fail", "fails", "failing",
        "ineffective", "unable", "lack", "lacks", "lacked", "lacking", "non-effective", "failure",
    ]

    /// Hedging inside the span of a relation: "X has shown promise in treating Y", "X may relieve Y".
    static let hedge: WordSet = [
        "may", "might", "could", "possibly", "possible", "potentially", "perhaps", "probably",
        "likely", "suggest", "suggests", "suggested", "suggesting", "suggestive", "appear", "appears",
        "appeared", "seem", "seems", "seemed", "promise", "promising", "hypothesized", "hypothesised",
        "hypothesis", "proposed", "investigational", "speculative", "putative", "presumably", "unclear",
        "uncertain", "preliminary", "unlikely",
    ]

    /// Hedging prefixes ("speculat…", "investigat…").
    static let hedgePrefixes: [String] = ["speculat", "investigat"]

    /// Adverse-effect and causal wording: a gap containing one of these never binds an object.
    static let adverse: WordSet = [
        "induced", "induces", "caused", "causes", "causing", "cause", "associated", "related",
        "secondary", "due", "risk", "risks", "side", "adverse", "toxicity", "toxicities", "toxic",
        "developed", "develop", "develops", "developing", "complication", "complications",
        "worsened", "worsening", "worsens", "exacerbated", "exacerbation", "exacerbates", "aggravated",
        "aggravates", "provoked", "precipitated", "overdose", "poisoning", "intoxication", "increase",
        "increased", "increases", "higher", "elevated", "worse",
    ]

    /// Words that, joined after a hyphen to a mention, make it a modifier: "aspirin-induced",
    /// "pain-related".
    static let modifierSuffixes: WordSet = [
        "induced", "related", "associated", "caused", "mediated", "dependent", "like", "specific",
        "free", "naive", "naïve", "resistant", "sensitive", "treated", "exposed", "containing", "based",
    ]

    /// Nouns after "Y-like" that make it the condition's phenotype in an animal ("anxiety-like
    /// behavior", "depression-like symptoms").
    static let phenotypeNouns: WordSet = [
        "behavior", "behaviour", "behaviors", "behaviours", "phenotype", "phenotypes", "symptoms", "state", "states",
    ]

    /// Words that change the clause: a relation never spans them.
    static let clauseBreak: WordSet = ["but", "however", "whereas", "although", "though", "except", "unlike"]

    /// Punctuation that ends a clause for every rule.
    static let hardPunctuation: WordSet = [";", ".", "!", "?", "[", "]"]

    /// Words allowed between a cue and its first object, or between list items.
    static let fillers: WordSet = [
        "the", "a", "an", "some", "certain", "other", "various", "several", "many", "multiple", "both",
        "either", "types", "type", "forms", "form", "kinds", "kind", "of", "chronic", "acute", "severe",
        "mild", "moderate", "recurrent", "refractory", "persistent", "episodic", "resistant",
        "treatment-resistant", "these", "those", "also", "even", "to", "its", "their", "his", "her",
        "selected", "specific", "all", "most", "common", "difficult-to-treat", "moderate-to-severe",
        "mild-to-moderate", "early", "advanced", "stage", "primary", "serotonergic", "dopaminergic",
        "adrenergic", "noradrenergic", "cholinergic", "muscarinic", "nicotinic", "histaminergic",
        "glutamatergic", "gabaergic", "opioid", "central", "peripheral", "presynaptic", "postsynaptic",
    ]

    /// Words that introduce examples or continue a list.
    static let listSeparators: WordSet = [
        ",", "and", "or", "and/or", "/", "(", ")", "like", "including", "include", "includes", "e.g.",
        "e.g", "e", "g", "i.e.", "i.e", "i", ".", "such", "as", "well", "especially", "particularly",
        "namely", "notably", "plus",
    ]

    /// Words that introduce examples after a comma: ", including …", ", such as …".
    static let introducers: WordSet = [
        "including", "such", "like", "e.g.", "e.g", "e", "especially", "particularly", "namely", "notably",
        "i.e.", "i.e", "i",
    ]

    /// Head nouns that may follow an object before the list continues ("chronic pain conditions
    /// like …", "histamine receptors and …").
    static let heads: WordSet = [
        "conditions", "condition", "disorders", "disorder", "diseases", "disease", "syndromes",
        "syndrome", "symptoms", "states", "types", "forms", "receptors", "receptor", "subtypes",
        "subtype", "sites", "channels", "transporters", "enzymes", "isoforms", "isozymes", "isoenzymes",
    ]

    /// Words that are never an object on their own, whatever concept a lexicon gives them.
    static let genericObjects: WordSet = [
        "illness", "illnesses", "problem", "problems", "indication", "indications", "target", "targets",
        "protein", "proteins", "pathway", "pathways", "side effects", "side effect",
    ]

    /// Words that, alone, are no drug: a lexicon may still map them to a class ("agents").
    static let genericDrugs: WordSet = [
        "drug", "drugs", "agent", "agents", "medication", "medications", "medicine", "medicines", "compound",
        "compounds", "substance", "substances", "chemical", "chemicals", "neurotransmitter", "neurotransmitters",
        "treatment", "treatments", "therapy", "therapies", "hormone", "hormones", "acid", "acids", "salt",
        "salts", "base", "metabolite", "metabolites", "inhibitor", "inhibitors", "antagonist", "antagonists",
        "agonist", "agonists",
    ]

    /// Words that may link a subject to a noun cue or a target noun: copulas, determiners and the
    /// adjectives of pharmacology ("X is a potent and selective inhibitor of", "X, an H1 antagonist").
    static let links: WordSet = [
        ",", "is", "was", "are", "were", "be", "been", "being", "has", "have", "had", "as", "acts", "act",
        "acting", "a", "an", "the", "its", "their", "which", "that", "also", "both", "and", "potent",
        "selective", "specific", "novel", "new", "first", "dual", "mixed", "weak", "strong", "competitive",
        "noncompetitive", "reversible", "irreversible", "full", "partial", "inverse", "allosteric", "positive",
        "negative", "known", "shown", "reported", "described", "considered", "thought", "believed", "to",
        "active", "effective", "powerful", "pure", "nonselective", "very", "moderate", "effects", "effect",
        "actions", "action", "activity", "properties", "on", "at", "type", "prototypical", "classical",
        "reference", "standard", "well", "established", "orally", "peripherally", "centrally",
    ]

    /// Demonstratives: a class mention after one is an unresolved anaphor ("this tricyclic
    /// antidepressant"), never a subject of its own.
    static let demonstratives: WordSet = ["this", "these", "that", "those", "such"]

    /// Population nouns of "patients with Y", "Y patients".
    static let population: WordSet = [
        "patients", "patient", "individuals", "people", "persons", "subjects", "adults", "children",
        "adolescents", "women", "men", "those", "participants", "cases", "sufferers", "volunteers",
        "infants", "neonates", "elderly", "population", "populations", "man", "woman", "boy", "girl", "child",
    ]

    /// Sentence words that make weak indication rules stay silent (cautions, contraindications).
    static let caution: WordSet = [
        "contraindicated", "contraindication", "contraindications", "caution", "cautiously",
        "avoid", "avoided", "warning", "warnings", "precaution", "precautions",
    ]

    /// Whether a word is a hedge cue.
    static func isHedge(_ word: String) -> Bool {
        hedge.contains(word) || hedgePrefixes.contains { hasPrefix(word, $0) }
    }

    /// Whether an item is a hedge cue (its key already known).
    static func isHedge(_ item: SentenceView.Item) -> Bool {
        hedge.contains(key: item.key, text: item.text) || hedgePrefixes.contains { hasPrefix(item.text, $0) }
    }

    /// Whether a text has at most `limit` characters (`text.count <= limit`), counting bytes
    /// where that decides the same: a text of at most `limit` bytes has at most `limit`
    /// characters, and ASCII text without a carriage return has one character per byte.
    @inline(__always)
    static func characterCount(of text: String, isAtMost limit: Int) -> Bool {
        let bytes = text.utf8
        if bytes.count <= limit { return true }
        if bytes.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "\r") }) { return false }
        return text.count <= limit
    }

    /// `text.hasPrefix(prefix)`, comparing bytes where that decides the same. With an ASCII
    /// prefix (no carriage return): bytes that start the text and are followed by an ASCII byte or
    /// nothing end on a character boundary of both, so the answer is yes; an ASCII byte that
    /// differs, or a text that ends first, means no. A non-ASCII prefix, or a non-ASCII byte of
    /// the text where it is read (it may combine with the character before it, or be equivalent
    /// to an ASCII one), goes through `String.hasPrefix`.
    static func hasPrefix(_ text: String, _ prefix: String) -> Bool {
        let textBytes = text.utf8
        var textIndex = textBytes.startIndex
        for byte in prefix.utf8 {
            if byte >= 0x80 || byte == UInt8(ascii: "\r") { return text.hasPrefix(prefix) }
            guard textIndex != textBytes.endIndex else { return false }
            let textByte = textBytes[textIndex]
            if textByte != byte { return textByte >= 0x80 ? text.hasPrefix(prefix) : false }
            textIndex = textBytes.index(after: textIndex)
        }
        if textIndex == textBytes.endIndex || textBytes[textIndex] < 0x80 { return true }
        return text.hasPrefix(prefix)
    }
}
