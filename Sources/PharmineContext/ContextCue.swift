public import PharmineCore

/// The direction in which a cue's scope extends from the cue.
public enum ContextDirection: String, Sendable, Hashable, CaseIterable {
    /// Over the words after the cue ("no evidence of → X").
    case forward
    /// Over the words before the cue ("X ← was ruled out").
    case backward
    /// Both ways.
    case bidirectional
}

/// One row of the cue list (`Lexicons/context-cues.tsv`).
public struct ContextCue: Sendable, Hashable {
    /// The cue phrase, lowercased, words separated by one space ("no evidence of"). A leading
    /// `^` restricts it to the start of a clause.
    public var phrase: String
    /// The category.
    public var category: ContextCategory
    /// The scope direction (meaningless for pseudo-cues and terminators: `forward`).
    public var direction: ContextDirection
    /// The scope window in words (tokens that are not punctuation); 0 for pseudo-cues and
    /// terminators.
    public var scope: Int
    /// Where the cue comes from: `medspacy`, `negspacy`, `pycontextnlp`, `pharmine`.
    public var sources: [String]

    /// Creates a cue.
    ///
    /// - Parameters:
    ///   - phrase: The cue phrase.
    ///   - category: The category.
    ///   - direction: The scope direction.
    ///   - scope: The scope window in words.
    ///   - sources: Where it comes from.
    public init(
        phrase: String,
        category: ContextCategory,
        direction: ContextDirection,
        scope: Int,
        sources: [String]
    ) {
        self.phrase = phrase
        self.category = category
        self.direction = direction
        self.scope = scope
        self.sources = sources
    }

    /// The default scope window for a category and direction, in words.
    ///
    /// Forward negation reaches 8 words ("was not effective in the treatment of chronic
    /// tension-type headache"), backward negation 5; hedging 10 forward and 6 backward (hedges
    /// govern whole clauses: "may be useful in the management of …"); hypothetical 10 and 6;
    /// historical 6 and 4; bidirectional cues use the backward window on both sides. Pseudo-cues
    /// and terminators have none.
    ///
    /// - Parameters:
    ///   - category: The category.
    ///   - direction: The direction.
    /// - Returns: The window in words.
    public static func defaultScope(_ category: ContextCategory, _ direction: ContextDirection) -> Int {
        switch (category, direction) {
        case (.pseudo, _), (.terminate, _): 0
        case (.negated, .forward): 8
        case (.negated, _): 5
        case (.hedged, .forward), (.hypothetical, .forward): 10
        case (.hedged, _), (.hypothetical, _): 6
        case (.historical, .forward): 6
        case (.historical, _): 4
        }
    }
}
