import PharmineLexicon
import PharmineCore
/// Builds the drug lexicon: DrugBank drugs with their MeSH records, ChEBI entities, salt forms
/// and drug-ner-dictionary variants merged in; MeSH chemicals and supplementary chemical records
/// without a DrugBank match as their own concepts; MeSH pharmacologic-action classes (D27) as
/// concepts flagged `class`.
///
/// Linking (each step only links records not yet linked; a DrugBank drug takes at most one MeSH
/// descriptor and one supplementary record):
/// 1. drug-ner-dictionary rows giving both a DrugBank and a MeSH id, when the MeSH record's
///    names agree with the row's or the drug's name (its MeSH ids are not always right);
/// 2. MeSH descriptor label = DrugBank name; 3. supplementary label = DrugBank name;
/// 4. descriptor label = a DrugBank synonym; 5. descriptor entry term = DrugBank name;
/// 6. supplementary label = a DrugBank synonym — each only when the DrugBank side is unique.
/// Salt-form supplementary records and ChEBI entities ("Amitriptyline hydrochloride") are added
/// as surface forms of their parent concept. ChEBI entities join through MeSH cross-references
/// or an identical name; other ChEBI entities are left out.
struct DrugLexiconBuilder {
    /// MeSH subtrees whose descriptors are chemicals that may stand as their own concepts.
    static let chemicalTrees = [
        "D01", "D02", "D03", "D04", "D06", "D09", "D10", "D12.125", "D12.644", "D13.400", "D13.570",
        "D13.695", "D08.211", "D23.946",
    ]
    /// MeSH subtrees of biologics that may join a DrugBank drug (antibodies, vaccines, proteins)
    /// but do not stand alone.
    static let biologicTrees = ["D12.776", "D20", "D23", "D05", "D08.622"]
    /// MeSH subtrees of targets, never drugs.
    static let targetTrees = ["D12.776.543", "D12.776.157", "D08.811"]
    /// Supplementary records mapped to any of these are not drugs (organisms, diseases, proteins,
    /// enzymes, nucleic acids, polymers, anatomy).
    static let nonDrugTrees = ["B", "C", "D12.776", "D08.811", "D05", "D13.444", "D13.150", "A", "F", "G", "E"]

    /// Words that make a drug-ner-dictionary variant of a class name an effect rather than the class.
    static let effectWords = ["effect", "effects", "effect,", "effects,", "action", "actions", "activity"]

    /// Counts for the build report.
    struct Statistics {
        var drugBank = 0
        var meshDescriptorsLinked = 0
        var meshDescriptorsStandalone = 0
        var meshClasses = 0
        var supplementaryLinked = 0
        var supplementarySalts = 0
        var supplementaryStandalone = 0
        var supplementaryNotChemical = 0
        var chebiLinked = 0
        var chebiSalts = 0
        var chebiLeftOut = 0
        var drugNERRowsUsed = 0
        var drugNERProductsLinked = 0
        var drugNERRowsLeftOut = 0
        var manualSynonyms = 0
        var meshGeneProductsLeftOut = 0
        var classHeadSpellings = 0
    }

    var drugBank: DrugBankSource
    var mesh: MeSHSource
    var drugNER: DrugNERSource
    var chebi: ChEBISource
    var saltWords: Set<String>
    var curated: CuratedData

    private(set) var drafts: [ConceptDraft] = []
    /// MeSH ids (`MESH:D…`) of pharmacologic-action classes: descriptors found only under D27
    /// ("Analgesics, Opioid", "Adrenergic Agents"), named by what they do rather than by structure.
    private(set) var actionClassIDs: Set<String> = []
    private(set) var statistics = Statistics()
    /// MeSH descriptor ids (`D…`) of gene products left out of the drugs: peptides and proteins
    /// that MeSH maps to a human gene, with no DrugBank drug and not kept by
    /// `curated/gene-product-drugs.tsv` ("Interleukin-6", "Brain-Derived Neurotrophic Factor").
    /// Annotated text names them as genes; the receptor lexicon takes their MeSH terms.
    private(set) var geneProductsLeftOut: Set<String> = []
    /// Member or attached CURIE → draft index.
    private var conceptOf: [String: Int] = [:]

    /// Creates the builder.
    init(
        drugBank: DrugBankSource,
        mesh: MeSHSource,
        drugNER: DrugNERSource,
        chebi: ChEBISource,
        saltWords: Set<String>,
        curated: CuratedData
    ) {
        self.drugBank = drugBank
        self.mesh = mesh
        self.drugNER = drugNER
        self.chebi = chebi
        self.saltWords = saltWords
        self.curated = curated
    }

    /// Runs every step and leaves the drafts in ``drafts``.
    mutating func build() {
        addDrugBank()
        linkMeSH()
        addStandaloneDescriptors()
        addSupplementary()
        addChEBI()
        addDrugNER()
        addClassHeadSpellings()
        addManualSynonyms()
    }

    // MARK: - Steps

    private mutating func addDrugBank() {
        for drug in drugBank.drugs.sorted(by: { LexiconText.byteLess($0.id, $1.id) }) {
            guard !drug.name.isEmpty, conceptOf["DRUGBANK:" + drug.id] == nil else { continue }
            var draft = ConceptDraft(member: "DRUGBANK:" + drug.id, name: drug.name, source: "drugbank")
            draft.add(drug.synonyms, strength: 3)
            if !drug.cas.isEmpty { draft.xrefs.insert("CAS:" + drug.cas) }
            if !drug.unii.isEmpty { draft.xrefs.insert("UNII:" + drug.unii) }
            if !drug.inchiKey.isEmpty { draft.xrefs.insert("INCHIKEY:" + drug.inchiKey) }
            for secondary in drug.secondaryIDs where secondary.hasPrefix("DB") {
                draft.xrefs.insert("DRUGBANK:" + secondary)
            }
            conceptOf["DRUGBANK:" + drug.id] = drafts.count
            drafts.append(draft)
            statistics.drugBank += 1
        }
    }

    private func isChemical(_ descriptor: MeSHSource.Descriptor) -> Bool {
        descriptor.isUnder(any: Self.chemicalTrees) && !descriptor.isUnder(any: Self.targetTrees)
    }

    private func isClassOnly(_ descriptor: MeSHSource.Descriptor) -> Bool {
        !descriptor.treeNumbers.isEmpty && descriptor.treeNumbers.allSatisfy { $0.hasPrefix("D27") }
    }

    private func isLinkable(_ descriptor: MeSHSource.Descriptor) -> Bool {
        if isClassOnly(descriptor) || descriptor.isUnder(any: Self.targetTrees) { return false }
        return isChemical(descriptor) || descriptor.isUnder(any: Self.biologicTrees)
    }

    private func isChemical(_ record: MeSHSource.Supplementary) -> Bool {
        let trees = mesh.treeNumbers(of: record)
        guard !trees.isEmpty else { return false }
        let under = { (prefixes: [String]) in
            trees.contains { tree in prefixes.contains { MeSHSource.tree(tree, isUnder: $0) } }
        }
        return under(Self.chemicalTrees) && !under(Self.nonDrugTrees)
    }

    private mutating func linkMeSH() {
        // DrugBank names: common name → drafts, synonym → drafts.
        var byName: [String: [Int]] = [:]
        var bySynonym: [String: [Int]] = [:]
        for (index, draft) in drafts.enumerated() {
            byName[LexiconText.key(draft.members[0].name), default: []].append(index)
            for term in draft.terms { bySynonym[LexiconText.key(term.text), default: []].append(index) }
        }
        func unique(_ list: [Int]?) -> Int? {
            guard let list else { return nil }
            let distinct = Set(list)
            return distinct.count == 1 ? distinct.first : nil
        }
        let descriptors = mesh.descriptorOrder.compactMap { mesh.descriptors[$0] }.filter(isLinkable)
        let supplementary = mesh.supplementary.filter(isChemical)

        // 1. drug-ner-dictionary pairs, validated by name.
        for row in drugNER.canonicals.sorted(by: { LexiconText.byteLess($0.key, $1.key) }) {
            guard !row.drugBankID.isEmpty, !row.meshID.isEmpty,
                let target = conceptOf["DRUGBANK:" + row.drugBankID]
            else { continue }
            let names: Set<String> = [
                LexiconText.key(row.name), LexiconText.key(row.key), LexiconText.key(drafts[target].members[0].name),
            ]
            if let descriptor = mesh.descriptors[row.meshID], isLinkable(descriptor) {
                let keys = ([descriptor.label] + descriptor.entryTerms).map(LexiconText.key)
                if keys.contains(where: names.contains) { link(descriptor, to: target) }
            }
        }
        // 2. descriptor label = DrugBank name.
        for descriptor in descriptors {
            if let target = unique(byName[LexiconText.key(descriptor.label)]) { link(descriptor, to: target) }
        }
        // 3. supplementary label = DrugBank name.
        for record in supplementary {
            if let target = unique(byName[LexiconText.key(record.label)]) { link(record, to: target) }
        }
        // 4. descriptor label = DrugBank synonym.
        for descriptor in descriptors {
            if let target = unique(bySynonym[LexiconText.key(descriptor.label)]) { link(descriptor, to: target) }
        }
        // 5. descriptor entry term = DrugBank name.
        for descriptor in descriptors {
            let targets = Set(descriptor.entryTerms.compactMap { unique(byName[LexiconText.key($0)]) })
            if targets.count == 1, let target = targets.first { link(descriptor, to: target) }
        }
        // 6. supplementary label = DrugBank synonym.
        for record in supplementary {
            if let target = unique(bySynonym[LexiconText.key(record.label)]) { link(record, to: target) }
        }
    }

    private mutating func link(_ descriptor: MeSHSource.Descriptor, to target: Int) {
        let curie = "MESH:" + descriptor.id
        guard conceptOf[curie] == nil, !drafts[target].members.contains(where: { $0.id.hasPrefix("MESH:D") }) else {
            return
        }
        drafts[target].members.append(.init(id: curie, name: descriptor.label))
        drafts[target].add(MeSHSource.withUninverted([descriptor.label] + descriptor.entryTerms), strength: 3)
        drafts[target].sources.insert("mesh")
        conceptOf[curie] = target
        statistics.meshDescriptorsLinked += 1
    }

    private mutating func link(_ record: MeSHSource.Supplementary, to target: Int) {
        let curie = "MESH:" + record.id
        guard conceptOf[curie] == nil, !drafts[target].members.contains(where: { $0.id.hasPrefix("MESH:C") }) else {
            return
        }
        drafts[target].members.append(.init(id: curie, name: record.label))
        drafts[target].add(record.label, strength: 3)
        drafts[target].add(record.synonyms, strength: 2)
        drafts[target].sources.insert("mesh")
        conceptOf[curie] = target
        statistics.supplementaryLinked += 1
    }

    /// The head of an inverted MeSH class term that a Greek letter qualifies on its own:
    /// "beta-Blockers, Adrenergic" → "beta-Blockers", "alpha-Agonists, Adrenergic" →
    /// "alpha-Agonists" (text says "beta-blockers" without "adrenergic"); nil for other terms.
    ///
    /// - Parameter term: A MeSH entry term.
    /// - Returns: The head, or nil.
    static func greekClassHead(_ term: String) -> String? {
        let parts = term.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].hasPrefix(" "), !parts[0].contains(" "), !parts[1].dropFirst().contains(" ")
        else { return nil }
        let head = String(parts[0])
        guard let letter = ["alpha-", "beta-", "α-", "β-"].first(where: { head.lowercased().hasPrefix($0) }),
            head.count > letter.count + 3, head.hasSuffix("s")
        else { return nil }
        return head
    }

    /// The nouns by which text names a MeSH "X Compounds" group whose X is a one-word urea
    /// ("Sulfonylurea Compounds" → "sulfonylurea", "sulfonylureas"; likewise nitrosoureas,
    /// phenylureas): such ureas are drug classes in their own right. Other groups ("Sulfur
    /// Compounds", "Heterocyclic Compounds") are named by a qualifier that is no class noun, and get
    /// none.
    ///
    /// - Parameter label: A MeSH descriptor label.
    /// - Returns: The singular and plural noun, or none.
    static func compoundClassNouns(_ label: String) -> [String] {
        let suffix = " Compounds"
        guard label.hasSuffix(suffix) else { return [] }
        let head = String(label.dropLast(suffix.count))
        guard !head.contains(" "), !head.contains("-"), head.count > "urea".count, head.lowercased().hasSuffix("urea")
        else { return [] }
        let noun = head.lowercased()
        return [noun, noun + "s"]
    }

    private mutating func addStandaloneDescriptors() {
        let geneMapped = Set(mesh.crossReferences.lazy.filter { $0.namespace == "HGNC" }.map(\.meshID))
        for id in mesh.descriptorOrder {
            guard let descriptor = mesh.descriptors[id], conceptOf["MESH:" + id] == nil else { continue }
            let classOnly = isClassOnly(descriptor)
            guard classOnly || isChemical(descriptor) else { continue }
            if !classOnly, geneMapped.contains(id), !curated.geneProductDrugs.contains("MESH:" + id) {
                geneProductsLeftOut.insert(id)
                statistics.meshGeneProductsLeftOut += 1
                continue
            }
            var draft = ConceptDraft(member: "MESH:" + id, name: descriptor.label, source: "mesh")
            draft.add(MeSHSource.withUninverted([descriptor.label] + descriptor.entryTerms), strength: 3)
            draft.add(Self.compoundClassNouns(descriptor.label), strength: 2)
            if classOnly { draft.add(descriptor.entryTerms.compactMap(Self.greekClassHead), strength: 2) }
            if classOnly { actionClassIDs.insert("MESH:" + id) }
            if classOnly || mesh.hasChildren(descriptor) {
                draft.flags.insert("class")
                statistics.meshClasses += 1
            }
            conceptOf["MESH:" + id] = drafts.count
            drafts.append(draft)
            statistics.meshDescriptorsStandalone += 1
        }
    }

    /// Lower-cased names and strong surface forms → drafts.
    private func strongFormIndex() -> [String: [Int]] {
        var index: [String: [Int]] = [:]
        for (position, draft) in drafts.enumerated() {
            var keys: Set<String> = []
            for member in draft.members { keys.insert(LexiconText.key(member.name)) }
            for term in draft.terms where term.strength >= 3 { keys.insert(LexiconText.key(term.text)) }
            for key in keys { index[key, default: []].append(position) }
        }
        return index
    }

    private mutating func addSupplementary() {
        let index = strongFormIndex()
        for record in mesh.supplementary {
            let curie = "MESH:" + record.id
            guard conceptOf[curie] == nil else { continue }
            guard isChemical(record) else {
                statistics.supplementaryNotChemical += 1
                continue
            }
            let stem = DrugForms.stem(record.label, saltWords: saltWords)
            if let stem, let parent = parent(of: stem, preferring: record.mappedTo.map { "MESH:" + $0 }, in: index) {
                drafts[parent].add(record.label, strength: 2)
                drafts[parent].add(record.synonyms, strength: 2)
                drafts[parent].xrefs.insert(curie)
                drafts[parent].sources.insert("mesh")
                conceptOf[curie] = parent
                statistics.supplementarySalts += 1
                continue
            }
            var draft = ConceptDraft(member: curie, name: record.label, source: "mesh")
            draft.add(record.synonyms, strength: 2)
            if let stem { draft.add(stem, strength: 2) }
            conceptOf[curie] = drafts.count
            drafts.append(draft)
            statistics.supplementaryStandalone += 1
        }
    }

    private func parent(of stem: String, preferring preferred: [String], in index: [String: [Int]]) -> Int? {
        guard let candidates = index[LexiconText.key(stem)] else { return nil }
        let distinct = Set(candidates)
        let preferredDrafts = Set(preferred.compactMap { conceptOf[$0] })
        let both = distinct.intersection(preferredDrafts)
        if both.count == 1 { return both.first }
        return distinct.count == 1 ? distinct.first : nil
    }

    private mutating func addChEBI() {
        var entityByID: [String: ChEBISource.Entity] = [:]
        for entity in chebi.entities { entityByID[entity.id] = entity }
        var used: Set<String> = []
        // Through MeSH cross-references.
        let references = mesh.crossReferences.filter { $0.namespace == "CHEBI" }.sorted {
            ($0.meshID, $0.targetID) < ($1.meshID, $1.targetID)
        }
        for reference in references {
            guard let target = conceptOf["MESH:" + reference.meshID], let entity = entityByID[reference.targetID],
                !used.contains(entity.id)
            else { continue }
            attach(entity, to: target)
            used.insert(entity.id)
        }
        // By identical name.
        var byName: [String: [Int]] = [:]
        for (position, draft) in drafts.enumerated() {
            for member in draft.members { byName[LexiconText.key(member.name), default: []].append(position) }
        }
        let index = strongFormIndex()
        for entity in chebi.entities where !used.contains(entity.id) {
            if let list = byName[LexiconText.key(entity.name)], Set(list).count == 1, let target = list.first {
                attach(entity, to: target)
                used.insert(entity.id)
                continue
            }
            if let stem = DrugForms.stem(entity.name, saltWords: saltWords),
                let parent = parent(of: stem, preferring: [], in: index)
            {
                drafts[parent].add(entity.name, strength: 2)
                drafts[parent].sources.insert("chebi")
                used.insert(entity.id)
                statistics.chebiSalts += 1
                continue
            }
            statistics.chebiLeftOut += 1
        }
    }

    private mutating func attach(_ entity: ChEBISource.Entity, to target: Int) {
        if drafts[target].hasMember(prefix: "CHEBI") {
            drafts[target].xrefs.insert(entity.id)
        } else {
            drafts[target].members.append(.init(id: entity.id, name: entity.name))
        }
        drafts[target].add(entity.name, strength: 2)
        drafts[target].sources.insert("chebi")
        conceptOf[entity.id] = target
        statistics.chebiLinked += 1
    }

    private mutating func addDrugNER() {
        var byName: [String: [Int]] = [:]
        for (position, draft) in drafts.enumerated() {
            for member in draft.members { byName[LexiconText.key(member.name), default: []].append(position) }
        }
        for row in drugNER.canonicals.sorted(by: { LexiconText.byteLess($0.key, $1.key) }) {
            var target: Int? = nil
            if !row.drugBankID.isEmpty { target = conceptOf["DRUGBANK:" + row.drugBankID] }
            if target == nil, !row.meshID.isEmpty, let candidate = conceptOf["MESH:" + row.meshID] {
                let names = drafts[candidate].members.map { LexiconText.key($0.name) }
                if names.contains(LexiconText.key(row.name)) || names.contains(LexiconText.key(row.key)) {
                    target = candidate
                }
            }
            if target == nil, let list = byName[LexiconText.key(row.name)], Set(list).count == 1 {
                target = list.first
            }
            // "paclitaxel (with polyoxyethylated castor oil)", "insulin aspart (rdna origin)":
            // a product of a DrugBank drug, named after it with a qualifier in brackets; its
            // variants are the drug's brand names ("taxol", "novolog").
            if target == nil, row.drugBankID.isEmpty, let base = Self.productBase(row.name),
                let list = byName[LexiconText.key(base)], Set(list).count == 1, let only = list.first,
                drafts[only].hasMember(prefix: "DRUGBANK")
            {
                target = only
                statistics.drugNERProductsLinked += 1
            }
            let proteinOnly =
                !row.meshTreeNumbers.isEmpty
                && row.meshTreeNumbers.allSatisfy { $0.hasPrefix("D12") || $0.hasPrefix("D08") }
            guard let target, !(proteinOnly && row.drugBankID.isEmpty) else {
                statistics.drugNERRowsLeftOut += 1
                continue
            }
            drafts[target].add(row.name, strength: 2)
            let isClass = drafts[target].flags.contains("class")
            for variant in drugNER.variants[row.key] ?? [] {
                guard let clean = DrugNERSource.cleanVariant(variant) else { continue }
                // Variants of classes such as "sedative effects" name an effect, not the class.
                if isClass,
                    Self.effectWords.contains(where: {
                        clean.lowercased().split(separator: " ").contains(Substring($0))
                    })
                {
                    continue
                }
                drafts[target].add(clean, strength: 2)
            }
            drafts[target].sources.insert("drug-ner-dictionary")
            statistics.drugNERRowsUsed += 1
        }
    }

    /// The drug name before a final bracketed qualifier: "Paclitaxel (with albumin)" →
    /// "Paclitaxel"; nil when the name does not end in one, or nothing is left before it.
    ///
    /// - Parameter name: A drug-ner-dictionary canonical name.
    /// - Returns: The name without the qualifier.
    static func productBase(_ name: String) -> String? {
        guard name.hasSuffix(")"), let open = name.lastIndex(of: "("), open > name.startIndex else { return nil }
        let before = name[..<open]
        guard before.hasSuffix(" ") else { return nil }
        let base = before.dropLast()
        guard !base.isEmpty, !base.hasSuffix(" "), !base.contains("("), !base.contains(")") else { return nil }
        return String(base)
    }

    /// The generic nouns that head a drug-class phrase ("antihypertensive agents",
    /// "anticholinergic drugs"); prose uses them interchangeably.
    static let classHeads = ["agents", "drugs", "medications"]

    /// The other spellings of a drug-class phrase that prose writes with another generic head:
    /// "Antihypertensive Agents" → "Antihypertensive drugs", "Antihypertensive medications"; and
    /// a one-word plural class whose singular is an adjective ("Diuretics", "Anticholinergics")
    /// with each head ("diuretic agents", "diuretic drugs"). None for any other form.
    ///
    /// - Parameter form: A surface form of a class.
    /// - Returns: The spellings.
    static func classHeadSpellings(_ form: String) -> [String] {
        let words = form.split(separator: " ")
        if words.count >= 2, words.count <= 4, let last = words.last,
            let head = classHeads.first(where: { $0 == last.lowercased() })
        {
            let stem = words.dropLast().joined(separator: " ")
            guard !stem.contains(","), !stem.contains("(") else { return [] }
            return classHeads.filter { $0 != head }.map { stem + " " + $0 }
        }
        if words.count == 1, form.hasSuffix("s"), CurationRules.isActionAdjective(String(form.dropLast())) {
            let singular = form.dropLast().lowercased()
            return classHeads.map { singular + " " + $0 }
        }
        return []
    }

    /// The singulars of the plural class phrases that ``addClassHeadSpellings()`` made
    /// ("anticholinergic drug" of "anticholinergic drugs"), lower-cased: curation excludes them,
    /// since "an anticholinergic drug" names one unspecified drug rather than the class, and the
    /// matcher's plural folding would otherwise match them.
    private(set) var classHeadSingulars: Set<String> = []

    /// Adds ``classHeadSpellings(_:)`` to every class concept (weak, strength 1: one made for two
    /// classes is dropped).
    private mutating func addClassHeadSpellings() {
        for position in drafts.indices where drafts[position].flags.contains("class") {
            var known = Set(drafts[position].terms.map { $0.text.lowercased() })
            for member in drafts[position].members { known.insert(member.name.lowercased()) }
            let forms = drafts[position].terms.filter { $0.strength >= 2 }.map(\.text)
                + drafts[position].members.map(\.name)
            for form in forms {
                for spelling in Self.classHeadSpellings(LexiconText.uninvert(form) ?? form)
                where known.insert(spelling.lowercased()).inserted {
                    drafts[position].add(spelling, strength: 1)
                    statistics.classHeadSpellings += 1
                    let singular = String(spelling.lowercased().dropLast())
                    if !known.contains(singular) { classHeadSingulars.insert(singular) }
                }
            }
        }
    }

    private mutating func addManualSynonyms() {
        for synonym in curated.synonyms where synonym.type == EntityType.drug.rawValue {
            guard let target = conceptOf[synonym.id] else { continue }
            drafts[target].add(synonym.synonym, strength: 5)
            drafts[target].sources.insert("curated")
            statistics.manualSynonyms += 1
        }
    }
}
