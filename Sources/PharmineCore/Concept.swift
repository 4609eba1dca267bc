/// A normalised concept as mentions, lexicons and exports share it: its id, preferred name, type
/// and whether it is a drug class or a target family.
public struct Concept: Sendable, Hashable {
    /// The concept id (a CURIE).
    public var id: String
    /// The preferred name.
    public var name: String
    /// The entity type.
    public var type: EntityType
    /// Whether it is a drug class or a target family.
    public var isClass: Bool

    /// Creates a concept.
    ///
    /// - Parameters:
    ///   - id: The id.
    ///   - name: The preferred name.
    ///   - type: The type.
    ///   - isClass: Whether it is a class or family.
    public init(id: String, name: String, type: EntityType, isClass: Bool) {
        self.id = id
        self.name = name
        self.type = type
        self.isClass = isClass
    }
}
