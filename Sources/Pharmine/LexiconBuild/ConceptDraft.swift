import PharmineLexicon
import PharmineCore
/// A concept while the lexicon is being assembled: the vocabulary records merged into it and
/// the surface forms gathered from them, each with a strength that settles conflicts.
struct ConceptDraft {
    /// A record of a source vocabulary that is the same concept (`MESH:D000639`, `CHEBI:2666`).
    struct Member: Hashable {
        var id: String
        var name: String
    }

    /// A surface form and how much it is trusted.
    struct Term: Hashable {
        var text: String
        var strength: Int
    }

    /// The strength of a concept's own name.
    static let nameStrength = 100

    var members: [Member] = []
    var terms: [Term] = []
    var xrefs: Set<String> = []
    var flags: Set<String> = []
    var sources: Set<String> = []

    init(member id: String, name: String, source: String) {
        members = [Member(id: id, name: name)]
        sources = [source]
    }

    /// Whether a member has the given CURIE prefix (`MESH`, `DOID`…).
    func hasMember(prefix: String) -> Bool {
        members.contains { $0.id.hasPrefix(prefix + ":") }
    }

    /// Adds a surface form (cleaned later, at finalisation).
    mutating func add(_ text: String, strength: Int) {
        terms.append(Term(text: text, strength: strength))
    }

    /// Adds surface forms.
    mutating func add(_ texts: [String], strength: Int) {
        for text in texts { add(text, strength: strength) }
    }

    /// Moves everything of another draft into this one.
    mutating func absorb(_ other: ConceptDraft) {
        members += other.members
        terms += other.terms
        xrefs.formUnion(other.xrefs)
        flags.formUnion(other.flags)
        sources.formUnion(other.sources)
    }
}

/// Turns drafts into lexicon rows: picks each concept's id and name, cleans and de-duplicates
/// its surface forms, settles surface forms shared between concepts, and sorts.
///
/// Conflict rule, per lower-cased surface form shared by several concepts of one type: the
/// concepts holding it with the highest strength keep it and the others lose it; when several
/// hold it at that strength, all keep it if the strength is at least ``strongStrength`` (the
/// sources themselves give it to each), and all lose it otherwise (a weak, ambiguous synonym).
/// A concept's own name is never removed.
struct ConceptFinalizer {
    /// Strengths from this value up are authoritative enough to keep a shared form in every concept.
    static let strongStrength = 3

    /// CURIE prefixes in the order in which they supply a concept's id.
    var idPriority: [String]
    /// The entity type of the rows.
    var type: EntityType

    /// Counts of what finalisation did, for the build report.
    struct Statistics {
        var sharedFormsRemoved = 0
        var sharedFormsKept = 0
        /// Lower-cased synonyms whose best source is weak (strength below ``strongStrength``).
        var weakForms: Set<String> = []
        /// Mixed-case spellings kept beside a short upper-case symbol of the same concept.
        var caseVariantsKept = 0
    }

    /// Finalises drafts into sorted rows.
    ///
    /// - Parameter drafts: The concepts.
    /// - Returns: The rows, sorted by id, and what was done.
    func finalize(_ drafts: [ConceptDraft]) -> (entries: [LexiconEntry], statistics: Statistics) {
        struct Prepared {
            var id: String
            var name: String
            var nameKey: String
            var forms: [String: ConceptDraft.Term]
            /// Per lower-cased form, the other spellings kept beside the one in `forms`
            /// (``keepsCaseVariant(_:of:)``).
            var caseVariants: [String: Set<String>]
            var draft: ConceptDraft
        }
        var prepared: [Prepared] = []
        prepared.reserveCapacity(drafts.count)
        for draft in drafts {
            guard let primary = primaryMember(of: draft) else { continue }
            let name = LexiconText.clean(LexiconText.flattenMarkup(primary.name))
            guard !name.isEmpty else { continue }
            let nameKey = LexiconText.key(name)
            var forms: [String: ConceptDraft.Term] = [:]
            var spellings: [String: Set<String>] = [:]
            for term in draft.terms {
                let text = LexiconText.clean(term.text)
                guard !text.isEmpty, text.unicodeScalars.count <= 200 else { continue }
                let key = text.lowercased()
                if type == .receptor, Self.isCaseVariantCandidate(text) { spellings[key, default: []].insert(text) }
                guard key != nameKey else { continue }
                if let existing = forms[key] {
                    if term.strength > existing.strength
                        || (term.strength == existing.strength && LexiconText.byteLess(text, existing.text))
                    {
                        forms[key] = ConceptDraft.Term(text: text, strength: term.strength)
                    }
                } else {
                    forms[key] = ConceptDraft.Term(text: text, strength: term.strength)
                }
            }
            var caseVariants: [String: Set<String>] = [:]
            for (key, texts) in spellings {
                let kept = key == nameKey ? name : forms[key]?.text
                guard let kept, LexiconText.isShortUpperCaseSymbol(kept) else { continue }
                let others = texts.filter { $0 != kept }
                if !others.isEmpty { caseVariants[key] = others }
            }
            prepared.append(
                Prepared(id: primary.id, name: name, nameKey: nameKey, forms: forms, caseVariants: caseVariants, draft: draft)
            )
        }

        // Settle forms shared between concepts.
        var holders: [String: [(index: Int, strength: Int)]] = [:]
        for (index, concept) in prepared.enumerated() {
            holders[concept.nameKey, default: []].append((index, ConceptDraft.nameStrength))
            for (key, term) in concept.forms {
                holders[key, default: []].append((index, term.strength))
            }
        }
        var statistics = Statistics()
        for (key, list) in holders where list.count > 1 {
            let top = list.map(\.strength).max() ?? 0
            let atTop = list.filter { $0.strength == top }
            let keepAll = atTop.count == 1 || top >= Self.strongStrength
            let caseWinner = keepAll ? nil : caseDistinctHolder(atTop.map { ($0.index, prepared[$0.index].forms[key]?.text) })
            for holder in list where holder.strength < ConceptDraft.nameStrength {
                let keep = holder.strength == top && (keepAll || holder.index == caseWinner)
                if keep {
                    statistics.sharedFormsKept += 1
                } else {
                    prepared[holder.index].forms[key] = nil
                    prepared[holder.index].caseVariants[key] = nil
                    statistics.sharedFormsRemoved += 1
                }
            }
        }

        var entries: [LexiconEntry] = []
        entries.reserveCapacity(prepared.count)
        var seenIDs: Set<String> = []
        for concept in prepared {
            guard seenIDs.insert(concept.id).inserted else { continue }
            var synonyms = concept.forms.values.map(\.text)
            for (key, texts) in concept.caseVariants where key == concept.nameKey || concept.forms[key] != nil {
                synonyms += texts
                statistics.caseVariantsKept += texts.count
            }
            synonyms.sort(by: LexiconText.byteLess)
            for (key, term) in concept.forms where term.strength < Self.strongStrength {
                statistics.weakForms.insert(key)
            }
            var xrefs = concept.draft.xrefs
            for member in concept.draft.members { xrefs.insert(member.id) }
            xrefs.remove(concept.id)
            entries.append(
                LexiconEntry(
                    id: concept.id,
                    type: type,
                    name: concept.name,
                    synonyms: synonyms,
                    xrefs: xrefs.filter { !$0.isEmpty }.sorted(by: LexiconText.byteLess),
                    flags: concept.draft.flags.sorted(by: LexiconText.byteLess),
                    sources: concept.draft.sources.sorted(by: LexiconText.byteLess)
                )
            )
        }
        entries.sort { LexiconText.byteLess($0.id, $1.id) }
        return (entries, statistics)
    }

    /// Whether a receptor spelling may be kept beside a short upper-case symbol of the same
    /// letters: a symbol written in mixed case by its source, with an upper-case letter after a
    /// lower-case one or after the first letter ("mTOR", "trkB", "InsR", "AChE"), or the
    /// rodent symbol with a digit ("Sgk1", "Dll4"). The matcher matches a short upper-case
    /// symbol ("MTOR") only in its exact case, so without its source's own mixed-case spelling
    /// papers' "mTOR" would be missed; a capitalised word without a digit ("Myc", "Cat") is left
    /// out, since it may be an English word.
    ///
    /// - Parameter text: A cleaned spelling.
    /// - Returns: Whether it is a candidate.
    static func isCaseVariantCandidate(_ text: String) -> Bool {
        guard text.unicodeScalars.allSatisfy({ $0.isASCII }), text.contains(where: \.isLowercase) else { return false }
        if text.dropFirst().contains(where: \.isUppercase) { return true }
        return text.first?.isUppercase == true && text.contains(where: \.isNumber)
    }

    /// Of the weak holders of a receptor form that differ only in case, the one whose spelling
    /// has a lower-case letter before an upper-case letter ("iNOS" against "INOS", "eNOS"
    /// against "ENOS"): a spelling with such a case pattern is specific, and text writes it that
    /// way. Nil when the type is not receptor, or no single holder has such a spelling that no
    /// other holder shares exactly.
    ///
    /// - Parameter holders: The draft index of each holder at the top strength and its spelling
    ///   (nil for a concept's name).
    /// - Returns: The index of the holder that keeps the form.
    func caseDistinctHolder(_ holders: [(index: Int, text: String?)]) -> Int? {
        guard type == .receptor else { return nil }
        let mixed = holders.filter { $0.text.map(Self.hasInnerCapital) == true }
        guard mixed.count == 1, let winner = mixed.first, let text = winner.text else { return nil }
        guard !holders.contains(where: { $0.index != winner.index && $0.text == text }) else { return nil }
        return winner.index
    }

    /// Whether a spelling has a lower-case letter directly before an upper-case letter ("iNOS",
    /// "mGluR5").
    static func hasInnerCapital(_ text: String) -> Bool {
        var previousLower = false
        for character in text {
            if previousLower && character.isUppercase { return true }
            previousLower = character.isLowercase
        }
        return false
    }

    private func primaryMember(of draft: ConceptDraft) -> ConceptDraft.Member? {
        func rank(_ id: String) -> Int {
            for (index, prefix) in idPriority.enumerated() where id.hasPrefix(prefix + ":") { return index }
            return idPriority.count
        }
        return draft.members.min { lhs, rhs in
            let (l, r) = (rank(lhs.id), rank(rhs.id))
            return l != r ? l < r : LexiconText.byteLess(lhs.id, rhs.id)
        }
    }
}

/// A union–find over draft indices that refuses to join two groups holding members of the
/// same vocabulary (so one concept never swallows two MeSH descriptors).
struct ConstrainedUnion {
    private var parent: [Int]
    private var prefixes: [Set<String>]

    /// Creates singleton groups, each with the vocabularies of its members.
    init(prefixes: [Set<String>]) {
        parent = Array(prefixes.indices)
        self.prefixes = prefixes
    }

    /// The representative of an element's group.
    mutating func find(_ element: Int) -> Int {
        var root = element
        while parent[root] != root { root = parent[root] }
        var node = element
        while parent[node] != root {
            let next = parent[node]
            parent[node] = root
            node = next
        }
        return root
    }

    /// Joins two groups unless they share a vocabulary.
    ///
    /// - Returns: Whether the groups are now one.
    @discardableResult
    mutating func union(_ lhs: Int, _ rhs: Int) -> Bool {
        let (a, b) = (find(lhs), find(rhs))
        if a == b { return true }
        guard prefixes[a].isDisjoint(with: prefixes[b]) else { return false }
        let (root, child) = a < b ? (a, b) : (b, a)
        parent[child] = root
        prefixes[root].formUnion(prefixes[child])
        return true
    }
}
