import PharmineContext
import PharmineCore
import Testing

/// The endogenous-substance list answers as its sets do, on the byte-compared path for ASCII text
/// and on the set path for other text.
@Suite struct EndogenousSubstancesTests {
    static let list = EndogenousSubstances(
        ids: ["CHEBI:28790", "MESH:D012701"],
        names: ["Serotonin", "noradrenaline", "γ-aminobutyric acid"]
    )

    static func drug(id: String = "MESH:X", name: String) -> Mention {
        Mention(type: .drug, id: id, name: name, passage: 0, sentence: 0, start: 0, end: 1)
    }

    @Test func namesMatchInAnyCase() {
        #expect(Self.list.contains(Self.drug(name: "SEROTONIN")))
        #expect(Self.list.contains(Self.drug(name: "Noradrenaline")))
        #expect(Self.list.contains(Self.drug(name: "Γ-Aminobutyric Acid")))
        #expect(!Self.list.contains(Self.drug(name: "serotonine")))
        #expect(!Self.list.contains(Self.drug(name: "dopamine")))
        #expect(!Self.list.contains(Self.drug(name: "")))
    }

    @Test func idsMatchExactly() {
        #expect(Self.list.contains(Self.drug(id: "CHEBI:28790", name: "x")))
        #expect(!Self.list.contains(Self.drug(id: "chebi:28790", name: "x")))
        #expect(!Self.list.contains(Self.drug(id: "CHEBI:2879", name: "x")))
    }

    @Test func containsNameIsExact() {
        #expect(Self.list.containsName("serotonin"))
        #expect(!Self.list.containsName("Serotonin"))
        #expect(Self.list.containsName("γ-aminobutyric acid"))
        #expect(!Self.list.containsName("aminobutyric acid"))
    }

    /// A listed name with a character canonically equivalent to an ASCII one ("\u{212A}" is "K")
    /// is still found from plain ASCII text.
    @Test func canonicalEquivalentsAreFound() {
        let list = EndogenousSubstances(names: ["vitamin \u{212A}"])
        #expect(list.contains(Self.drug(name: "Vitamin K")))
    }
}
