public import PharmineCore

/// One concept of a lexicon: a drug, condition or receptor with its surface forms.
public struct LexiconEntry: Sendable, Hashable {
    /// The concept id, a CURIE (`DRUGBANK:DB00321`, `MESH:D009437`, `HGNC:11050`, `FPLX:…`).
    public var id: String
    /// The entity type.
    public var type: EntityType
    /// The preferred name, written as the mention's `name`.
    public var name: String
    /// Other surface forms (the name is matched too and need not be repeated here). MeSH inverted
    /// forms ("Neuralgia, Postherpetic") are un-inverted when the matcher compiles them.
    public var synonyms: [String]
    /// Cross-references to other vocabularies, as CURIEs.
    public var xrefs: [String]
    /// Flags; `class` marks a drug class or target family.
    public var flags: [String]
    /// The vocabularies the entry was built from.
    public var sources: [String]

    /// Creates an entry.
    ///
    /// - Parameters:
    ///   - id: The concept id.
    ///   - type: The entity type.
    ///   - name: The preferred name.
    ///   - synonyms: Other surface forms.
    ///   - xrefs: Cross-references.
    ///   - flags: Flags (`class`).
    ///   - sources: Source vocabularies.
    public init(
        id: String,
        type: EntityType,
        name: String,
        synonyms: [String] = [],
        xrefs: [String] = [],
        flags: [String] = [],
        sources: [String] = []
    ) {
        self.id = id
        self.type = type
        self.name = name
        self.synonyms = synonyms
        self.xrefs = xrefs
        self.flags = flags
        self.sources = sources
    }

    /// Whether the entry is a drug class or a target family (flag `class`).
    public var isClass: Bool { flags.contains("class") }

    /// The name followed by the synonyms, without exact duplicates, in file order.
    public var surfaceForms: [String] {
        var seen: Set<String> = [name]
        var forms = [name]
        for synonym in synonyms where !synonym.isEmpty && seen.insert(synonym).inserted {
            forms.append(synonym)
        }
        return forms
    }
}

/// A curation rule from `curation.tsv`.
public struct CurationRule: Sendable, Hashable {
    /// What a rule does.
    public enum Action: String, Sendable, Hashable {
        /// Never match the term.
        case exclude
        /// Match the term only with exactly this case.
        case caseSensitive = "case_sensitive"
    }

    /// The surface form the rule is about; it applies to every surface form with the same
    /// normalised token keys.
    public var term: String
    /// The type it applies to, or nil for every type (`*`).
    public var type: EntityType?
    /// The action.
    public var action: Action
    /// Why, for people.
    public var reason: String

    /// Creates a rule.
    ///
    /// - Parameters:
    ///   - term: The surface form.
    ///   - type: The type, or nil for all.
    ///   - action: The action.
    ///   - reason: Why.
    public init(term: String, type: EntityType?, action: Action, reason: String = "") {
        self.term = term
        self.type = type
        self.action = action
        self.reason = reason
    }
}

/// A salt or formulation word from `drug-forms.tsv`: a drug mention extends over a salt word;
/// formulation words are listed for the lexicon build (salt-form stems) but do not extend a mention.
public struct DrugForm: Sendable, Hashable {
    /// What kind of word it is.
    public enum Kind: String, Sendable, Hashable {
        /// A salt or ester ("hydrochloride", "HCl", "sodium").
        case salt
        /// A dosage form ("tablets", "injection").
        case formulation
    }

    /// The word (or words).
    public var word: String
    /// Its kind.
    public var kind: Kind

    /// Creates a form.
    ///
    /// - Parameters:
    ///   - word: The word.
    ///   - kind: Its kind.
    public init(word: String, kind: Kind) {
        self.word = word
        self.kind = kind
    }
}
