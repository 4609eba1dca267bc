/// The entity types that Pharmine writes.
public enum EntityType: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    /// A drug, chemical or drug class.
    case drug
    /// A disease, syndrome, symptom or other condition.
    case condition
    /// A receptor, transporter, enzyme, ion channel or family of them.
    case receptor

    public static func < (lhs: Self, rhs: Self) -> Bool {
        lhs.rank < rhs.rank
    }

    private var rank: Int {
        switch self {
        case .drug: 0
        case .condition: 1
        case .receptor: 2
        }
    }
}

/// A typed, normalised mention of an entity in a passage.
public struct Mention: Sendable, Hashable {
    /// How a mention was found.
    public enum Source: String, Sendable, Hashable {
        /// A lexicon term matched the text.
        case lexicon
        /// A short form defined in the document, resolved to its long form's concept.
        case abbreviation
        /// An anaphor ("it", "this drug") resolved to the drug meant.
        case anaphor
    }

    /// The entity type.
    public var type: EntityType
    /// The concept id, a CURIE of the source vocabulary (`MESH:D000639`, `DRUGBANK:DB00321`, `HGNC:11050`).
    public var id: String
    /// The concept's preferred name.
    public var name: String
    /// The passage index.
    public var passage: Int
    /// The document-wide sentence index.
    public var sentence: Int
    /// Start (UTF-8 bytes into the passage text).
    public var start: Int
    /// End (UTF-8 bytes, exclusive).
    public var end: Int
    /// How it was found.
    public var source: Source
    /// Whether it lies in the scope of a negation cue.
    public var negated: Bool
    /// Whether it lies in the scope of a hedging or speculation cue.
    public var hedged: Bool
    /// Whether it is hypothetical ("if", "should … develop").
    public var hypothetical: Bool
    /// Whether it is historical ("history of").
    public var historical: Bool
    /// Whether the entry is a class of drugs or a family of targets rather than one concept.
    public var isClass: Bool

    /// Creates a mention with no context flags set.
    ///
    /// - Parameters:
    ///   - type: The entity type.
    ///   - id: The concept id.
    ///   - name: The preferred name.
    ///   - passage: The passage index.
    ///   - sentence: The document-wide sentence index.
    ///   - start: Start (UTF-8 bytes).
    ///   - end: End (UTF-8 bytes, exclusive).
    ///   - source: How it was found.
    ///   - isClass: Whether the concept is a class or family.
    public init(
        type: EntityType,
        id: String,
        name: String,
        passage: Int,
        sentence: Int,
        start: Int,
        end: Int,
        source: Source = .lexicon,
        isClass: Bool = false
    ) {
        self.type = type
        self.id = id
        self.name = name
        self.passage = passage
        self.sentence = sentence
        self.start = start
        self.end = end
        self.source = source
        self.negated = false
        self.hedged = false
        self.hypothetical = false
        self.historical = false
        self.isClass = isClass
    }
}
