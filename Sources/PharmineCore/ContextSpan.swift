/// The kinds of context cue that the context stage recognises (ConText categories).
public enum ContextCategory: String, Sendable, Hashable, CaseIterable, Codable {
    /// Negation: "no", "not effective in", "failed to", "lack of efficacy".
    case negated
    /// Hedging or speculation: "may", "possibly", "has shown promise", "preliminary".
    case hedged
    /// Hypothetical or conditional: "if", "should … develop", "in case of".
    case hypothetical
    /// Historical: "history of", "previously".
    case historical
    /// A pseudo-cue: a phrase that contains a cue but is not one ("not only", "no increase").
    /// It blocks the cues it overlaps and has no scope.
    case pseudo
    /// A scope terminator: "but", "however", "although", "which". It has no scope.
    case terminate
}

/// A context cue found in a sentence, with the scope it governs.
///
/// Written by the context stage into ``Document/cues``, in document order, so that later
/// stages (relation extraction) can test whether a whole statement, not only a mention, lies in
/// a cue's scope. Offsets are UTF-8 bytes into the passage text, like every span inside the
/// pipeline. For ``ContextCategory/pseudo`` and ``ContextCategory/terminate`` cues the scope is
/// empty (`scopeStart == scopeEnd == start`).
public struct ContextSpan: Sendable, Hashable {
    /// The cue's category.
    public var category: ContextCategory
    /// The passage index.
    public var passage: Int
    /// The document-wide sentence index.
    public var sentence: Int
    /// Start of the cue phrase (UTF-8 bytes into the passage text).
    public var start: Int
    /// End of the cue phrase (exclusive).
    public var end: Int
    /// Start of the scope (UTF-8 bytes): the start of its first token. A forward scope starts
    /// after the cue, a backward or bidirectional one before it.
    public var scopeStart: Int
    /// End of the scope (exclusive): the end of its last token. A backward scope ends before the
    /// cue; a bidirectional one contains the cue. An empty scope has `scopeStart == scopeEnd`.
    public var scopeEnd: Int

    /// Creates a cue span.
    ///
    /// - Parameters:
    ///   - category: The cue's category.
    ///   - passage: The passage index.
    ///   - sentence: The document-wide sentence index.
    ///   - start: Start of the cue (UTF-8 bytes).
    ///   - end: End of the cue (exclusive).
    ///   - scopeStart: Start of the scope (UTF-8 bytes).
    ///   - scopeEnd: End of the scope (exclusive).
    public init(
        category: ContextCategory,
        passage: Int,
        sentence: Int,
        start: Int,
        end: Int,
        scopeStart: Int,
        scopeEnd: Int
    ) {
        self.category = category
        self.passage = passage
        self.sentence = sentence
        self.start = start
        self.end = end
        self.scopeStart = scopeStart
        self.scopeEnd = scopeEnd
    }

    /// Whether a span of the same passage lies in the scope: its start falls inside
    /// `scopeStart..<scopeEnd`.
    ///
    /// - Parameters:
    ///   - start: Start of the span (UTF-8 bytes).
    ///   - end: End of the span (exclusive).
    /// - Returns: True when the span starts inside the scope.
    public func covers(start: Int, end: Int) -> Bool {
        start >= scopeStart && start < scopeEnd
    }
}
