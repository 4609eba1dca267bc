/// The predicates Pharmine extracts.
public enum Predicate: String, Sendable, Hashable, CaseIterable, Codable {
    /// A drug treats or prevents a condition.
    case indication
    /// A drug acts on a receptor, transporter or enzyme.
    case mechanism
    /// A drug interacts with another drug.
    case interaction
}

/// A typed relation between two mentions of one sentence, with its evidence.
public struct Triple: Sendable, Hashable {
    /// The subject (a drug; for an anaphor, the resolved drug with the anaphor's span).
    public var subject: Mention
    /// The predicate.
    public var predicate: Predicate
    /// The qualifier (`prophylaxis`, `antagonist`, `increases_exposure`…), or nil.
    public var qualifier: String?
    /// The object.
    public var object: Mention
    /// The document-wide sentence index of the evidence.
    public var sentence: Int
    /// Whether the statement is negated.
    public var negated: Bool
    /// Whether the statement is hedged or speculative.
    public var hedged: Bool
    /// Confidence in [0, 1].
    public var confidence: Double
    /// The rule that fired (`indication.prevent`, …).
    public var rule: String
    /// Whether a curated source lists the fact (for indications: PharmacotherapyDB), nil if not checked.
    public var known: Bool?

    /// Creates a triple.
    ///
    /// - Parameters:
    ///   - subject: The subject mention.
    ///   - predicate: The predicate.
    ///   - qualifier: The qualifier, or nil.
    ///   - object: The object mention.
    ///   - sentence: The sentence index.
    ///   - negated: Whether it is negated.
    ///   - hedged: Whether it is hedged.
    ///   - confidence: Confidence in [0, 1].
    ///   - rule: The rule that fired.
    public init(
        subject: Mention,
        predicate: Predicate,
        qualifier: String?,
        object: Mention,
        sentence: Int,
        negated: Bool = false,
        hedged: Bool = false,
        confidence: Double,
        rule: String
    ) {
        self.subject = subject
        self.predicate = predicate
        self.qualifier = qualifier
        self.object = object
        self.sentence = sentence
        self.negated = negated
        self.hedged = hedged
        self.confidence = confidence
        self.rule = rule
        self.known = nil
    }
}
