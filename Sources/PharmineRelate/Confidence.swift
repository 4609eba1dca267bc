/// The confidence scheme shared by the extractors.
///
/// A triple's confidence starts from its rule's base (how reliably the cue signals the
/// relation: "indicated for" 0.95, "prevent" 0.9, "used for" 0.8, "patients with Y … X relieved"
/// 0.75, "X reduced Y" 0.6; "antagonist at" 0.9, "binds to" 0.7; "contraindicated with" 0.9,
/// "co-administration of X with Y" with no stated effect 0.6) and loses
/// - 0.015 for each item (word, punctuation or mention) beyond 6 between the subject and the
///   object (the first object of a list),
/// - 0.03 for each earlier item of an expanded list ("A, B and C": B loses 0.03, C 0.06),
/// - 0.05 when the subject is an anaphor ("it", "this drug"),
/// and is clamped to [0.1, 1] and rounded to two decimals.
enum Confidence {
    /// Scores a triple.
    ///
    /// - Parameters:
    ///   - base: The rule's base confidence.
    ///   - distance: Items between the subject and the object.
    ///   - listIndex: The object's (or subject's) position in an expanded list, from 0.
    ///   - anaphor: Whether the subject is an anaphor.
    /// - Returns: The confidence in [0.1, 1].
    static func score(base: Double, distance: Int, listIndex: Int, anaphor: Bool) -> Double {
        var value = base
        value -= 0.015 * Double(max(0, distance - 6))
        value -= 0.03 * Double(listIndex)
        if anaphor { value -= 0.05 }
        value = min(1, max(0.1, value))
        return (value * 100).rounded() / 100
    }
}
