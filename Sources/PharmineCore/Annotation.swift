/// A gold annotation carried by BioC or PubTator input, for evaluation.
public struct Annotation: Sendable, Hashable {
    /// The annotation id in the source (BioC `id`), or its ordinal.
    public var id: String
    /// The source's type (`Chemical`, `Disease`, `GeneOrGeneProduct`, …).
    public var type: String
    /// The annotated text.
    public var text: String
    /// The index of the passage it lies in.
    public var passage: Int
    /// Start, in Unicode scalars from the start of the passage text.
    public var start: Int
    /// End (exclusive), in Unicode scalars from the start of the passage text.
    public var end: Int
    /// Concept identifiers as given (`MESH:D003920`, `D003920`, `-1`…), split on `|`, `,` or `;`.
    public var identifiers: [String]
    /// Other infons.
    public var infons: [Infon]

    /// Creates an annotation.
    public init(
        id: String,
        type: String,
        text: String,
        passage: Int,
        start: Int,
        end: Int,
        identifiers: [String],
        infons: [Infon] = []
    ) {
        self.id = id
        self.type = type
        self.text = text
        self.passage = passage
        self.start = start
        self.end = end
        self.identifiers = identifiers
        self.infons = infons
    }
}

/// A gold relation carried by BioC or PubTator input, for evaluation.
public struct Relation: Sendable, Hashable {
    /// The relation id in the source, or its ordinal.
    public var id: String
    /// The relation type (`CID`, `Negative_Correlation`, `Bind`, …).
    public var type: String
    /// The first argument: a concept identifier (PubTator/BioRED) or annotation id.
    public var first: String
    /// The second argument.
    public var second: String
    /// Other infons (BioRED's `novel`, …).
    public var infons: [Infon]

    /// Creates a relation.
    public init(id: String, type: String, first: String, second: String, infons: [Infon] = []) {
        self.id = id
        self.type = type
        self.first = first
        self.second = second
        self.infons = infons
    }
}
