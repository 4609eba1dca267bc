import PharmineCore
import PharmineText

/// Compiles a lexicon into a matcher's tables.
struct MatcherCompiler {
    /// The options.
    let options: MatcherOptions
    /// The key normaliser.
    let normalizer: Normalizer
    /// The vocabulary under construction.
    var resolver = InternResolver(vocabulary: VocabularyBuilder())
    /// The concept trie under construction.
    var trie = TrieBuilder()
    /// The drug-form trie under construction.
    var forms = TrieBuilder()
    /// Case-sensitive signatures.
    var signatureBytes: [UInt8] = []
    /// Signature offsets.
    var signatureOffsets: [Int32] = [0]
    /// Unit buffers.
    let scratch = MatchScratch()
    /// Token buffer.
    var tokens: [Token] = []
    /// The bytes of the surface form being compiled.
    var text: [UInt8] = []
    /// Counters for statistics.
    var surfaceForms = 0
    var sequences = 0
    var excluded = 0
    var caseSensitive = 0
    var malformed = 0
    /// Curation: hash of a base key sequence → rules with that sequence.
    var curationRules: [UInt64: [CompiledRule]] = [:]

    /// A curation rule keyed for compiling.
    struct CompiledRule {
        /// The rule's base key sequence.
        var ids: [Int32]
        /// The type rank it applies to, or 3 for every type.
        var type: UInt8
        /// The action.
        var action: CurationRule.Action
        /// The signature index (case_sensitive rules).
        var signature: Int32
        /// The rule's term, lower-cased.
        var term: String
    }

    /// Common prefixes after which a closed compound is also split ("postherpetic").
    static let prefixes: [[UInt8]] = [
        "post", "pre", "non", "anti", "hyper", "hypo", "intra", "inter", "extra", "multi", "poly", "pseudo", "semi",
        "peri",
    ].map { Array($0.utf8) }

    /// Creates a compiler.
    init(options: MatcherOptions, normalizer: Normalizer) {
        self.options = options
        self.normalizer = normalizer
    }

    /// The units of a prepared surface form.
    struct TermUnits {
        /// The surface form's bytes.
        var text: [UInt8]
        /// Vocabulary id per unit.
        var ids: [Int32]
        /// Flags per unit.
        var flags: [UInt8]
        /// Joined-chain id per unit (chain starts only), or -1.
        var joinIDs: [Int32]
        /// Joined-chain end per unit.
        var joinEnds: [Int32]
        /// Start byte per unit.
        var starts: [Int32]
        /// End byte per unit.
        var ends: [Int32]
    }

    /// Tokenizes and keys a prepared surface form into `scratch` (its bytes into ``text``), adding
    /// its keys to the vocabulary.
    ///
    /// - Returns: The number of units.
    mutating func analyze(_ surface: String) -> Int {
        text.removeAll(keepingCapacity: true)
        text.append(contentsOf: surface.utf8)
        // Take the buffers out of self so that they stay uniquely referenced (no copy on write).
        var tokens: [Token] = []
        swap(&tokens, &self.tokens)
        var resolver = InternResolver(vocabulary: VocabularyBuilder())
        swap(&resolver, &self.resolver)
        let scratch = self.scratch
        let normalizer = self.normalizer
        let count = text.withUnsafeBufferPointer { buffer -> Int in
            Tokenizer().tokenize(buffer, into: &tokens)
            return tokens.withUnsafeBufferPointer { tokenBuffer in
                guard let base = buffer.baseAddress, let tokenBase = tokenBuffer.baseAddress else { return 0 }
                return UnitAnalysis.analyze(
                    text: base,
                    textCount: buffer.count,
                    tokens: tokenBase,
                    range: 0..<tokenBuffer.count,
                    scratch: scratch,
                    resolver: &resolver,
                    normalizer: normalizer,
                    joinEveryUnit: false
                )
            }
        }
        swap(&resolver, &self.resolver)
        swap(&tokens, &self.tokens)
        return count
    }

    /// The units of the last analysed surface form, copied out of `scratch`.
    func termUnits(count: Int) -> TermUnits {
        TermUnits(
            text: text,
            ids: Array(UnsafeBufferPointer(start: scratch.unitID.base, count: count)),
            flags: Array(UnsafeBufferPointer(start: scratch.unitFlags.base, count: count)),
            joinIDs: Array(UnsafeBufferPointer(start: scratch.joinID.base, count: count)),
            joinEnds: Array(UnsafeBufferPointer(start: scratch.joinEnd.base, count: count)),
            starts: Array(UnsafeBufferPointer(start: scratch.unitStart.base, count: count)),
            ends: Array(UnsafeBufferPointer(start: scratch.unitEnd.base, count: count))
        )
    }

    /// Whether the last analysed surface form has only one key sequence (no hyphen chain, no
    /// word starting with a splittable prefix).
    func hasSingleVariant(count: Int) -> Bool {
        for unit in 0..<count {
            if scratch.joinID.base[unit] >= 0 { return false }
            let flags = scratch.unitFlags.base[unit]
            guard flags & UnitFlags.word != 0 else { continue }
            let start = Int(scratch.unitStart.base[unit])
            let length = Int(scratch.unitEnd.base[unit]) - start
            guard length >= 7 else { continue }
            let first = text[start] | 0x20
            for prefix in Self.prefixes where prefix[0] == first && length >= prefix.count + 4 {
                var matches = true
                for (offset, byte) in prefix.enumerated() where text[start + offset] | 0x20 != byte {
                    matches = false
                    break
                }
                if matches { return false }
            }
        }
        return true
    }

    /// Function words that never begin or end a surface form; forms that do are fragments
    /// ("and emtricitabine", "extract of") and are skipped, unless the word is the letter "a"
    /// joined by a hyphen ("TNF-a", "a-tubulin": a Greek letter's initial).
    static let functionWords: Set<[UInt8]> = Set(
        [
            "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "is", "of", "on", "or", "than", "that",
            "the", "this", "to", "was", "were", "with",
        ].map { Array($0.utf8) }
    )

    /// Whether edge unit `unit` (the first or the last) of the last analysed form is the letter
    /// "a" joined by a hyphen to a neighbour of three characters or more: a Greek letter's initial
    /// ("TNF-a", "a-tubulin", "BTX-A"), not the article.
    func isLinkedLetterEdge(_ unit: Int, count: Int) -> Bool {
        guard count > 1 else { return false }
        let neighbour = unit == 0 ? 1 : unit - 1
        guard scratch.unitFlags.base[min(unit, neighbour)] & UnitFlags.linked != 0 else { return false }
        let start = Int(scratch.unitStart.base[unit])
        guard Int(scratch.unitEnd.base[unit]) - start == 1, text[start] | 0x20 == UInt8(ascii: "a") else { return false }
        return Int(scratch.unitEnd.base[neighbour]) - Int(scratch.unitStart.base[neighbour]) >= 3
    }

    /// Whether the last analysed form begins or ends with such a letter. The form is matched only
    /// as its joined key ("tnfa"), so that text with the article standing alone ("TNF a") does
    /// not match.
    func hasLinkedLetterEdge(count: Int) -> Bool {
        isLinkedLetterEdge(0, count: count) || isLinkedLetterEdge(count - 1, count: count)
    }

    /// Whether the last analysed form is worth matching: its brackets balance and it neither
    /// begins nor ends with a function word (``isLinkedLetterEdge(_:count:)`` does not count).
    func isWellFormed(count: Int) -> Bool {
        var depth = 0
        for byte in text {
            switch byte {
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth -= 1
                if depth < 0 { return false }
            default: break
            }
        }
        guard depth == 0 else { return false }
        for unit in [0, count - 1] where scratch.unitFlags.base[unit] & UnitFlags.word != 0 {
            if isLinkedLetterEdge(unit, count: count) { continue }
            let start = Int(scratch.unitStart.base[unit])
            let end = Int(scratch.unitEnd.base[unit])
            guard end - start <= 5 else { continue }
            if Self.functionWords.contains(text[start..<end].map { $0 | 0x20 }) { return false }
        }
        return true
    }

    /// A 64-bit hash of the last analysed form's unit ids.
    func idHash(count: Int) -> UInt64 {
        UnsafeRawPointer(scratch.unitID.base).withMemoryRebound(to: UInt8.self, capacity: count * 4) {
            KeyHash.hash($0, count * 4)
        }
    }

    /// The last analysed form's unit ids.
    func ids(count: Int) -> [Int32] {
        Array(UnsafeBufferPointer(start: scratch.unitID.base, count: count))
    }

    /// The key-sequence variants of a surface form: as written, each hyphen chain joined, all
    /// chains joined, and each prefixed word split.
    mutating func variants(of units: TermUnits) -> [[Int32]] {
        let count = units.ids.count
        var result: [[Int32]] = [units.ids]
        var chains: [(first: Int, last: Int, id: Int32)] = []
        for index in 0..<count where units.joinIDs[index] >= 0 {
            chains.append((index, Int(units.joinEnds[index]), units.joinIDs[index]))
        }
        func joining(_ selected: [(first: Int, last: Int, id: Int32)]) -> [Int32] {
            var sequence: [Int32] = []
            var index = 0
            var chainIndex = 0
            while index < count {
                if chainIndex < selected.count, selected[chainIndex].first == index {
                    sequence.append(selected[chainIndex].id)
                    index = selected[chainIndex].last + 1
                    chainIndex += 1
                } else {
                    sequence.append(units.ids[index])
                    index += 1
                }
            }
            return sequence
        }
        for chain in chains { result.append(joining([chain])) }
        if chains.count > 1 { result.append(joining(chains)) }
        for index in 0..<count where units.flags[index] & UnitFlags.word != 0 {
            let inChain =
                units.flags[index] & UnitFlags.linked != 0
                || (index > 0 && units.flags[index - 1] & UnitFlags.linked != 0)
            guard !inChain else { continue }
            let start = Int(units.starts[index])
            let end = Int(units.ends[index])
            for prefix in Self.prefixes where end - start >= prefix.count + 4 {
                var matches = true
                for (offset, byte) in prefix.enumerated() where units.text[start + offset] | 0x20 != byte {
                    matches = false
                    break
                }
                guard matches else { continue }
                let prefixID = key(units.text[start..<start + prefix.count])
                let restID = key(units.text[(start + prefix.count)..<end])
                guard prefixID >= 0, restID >= 0 else { continue }
                var sequence = Array(units.ids[0..<index])
                sequence.append(prefixID)
                sequence.append(restID)
                sequence.append(contentsOf: units.ids[(index + 1)...])
                result.append(sequence)
            }
        }
        var seen = Set<[Int32]>()
        return result.filter { !$0.contains(-1) && seen.insert($0).inserted }
    }

    /// The vocabulary id of one word's bytes, normalised.
    mutating func key(_ bytes: ArraySlice<UInt8>) -> Int32 {
        let capacity = Normalizer.capacity(forTokenLength: bytes.count)
        scratch.key.reserve(capacity)
        let keyBase = scratch.key.base
        let length = bytes.withUnsafeBufferPointer { normalizer.normalize($0, into: keyBase) }
        return length > 0 ? resolver.resolve(keyBase, length) : -1
    }

    /// Adds a signature, returning its index.
    mutating func addSignature(_ bytes: [UInt8]) -> Int32 {
        signatureBytes.append(contentsOf: bytes)
        signatureOffsets.append(Int32(signatureBytes.count))
        return Int32(signatureOffsets.count - 2)
    }

    /// Compiles the lexicon.
    ///
    /// - Parameters:
    ///   - lexicon: The lexicon.
    ///   - accepted: Called with each prepared surface form that is compiled.
    mutating func compile(_ lexicon: Lexicon, accepted: ((String) -> Void)? = nil) {
        for rule in lexicon.curation {
            let prepared = SurfaceForm.prepare(rule.term)
            let count = analyze(prepared)
            guard count > 0 else { continue }
            let signature =
                rule.action == .caseSensitive ? addSignature(SurfaceForm.signature(of: prepared)) : -1
            curationRules[idHash(count: count), default: []].append(
                CompiledRule(
                    ids: ids(count: count),
                    type: rule.type.map(Matcher.rank(of:)) ?? 3,
                    action: rule.action,
                    signature: signature,
                    term: rule.term.lowercased()
                )
            )
        }
        for (entryIndex, entry) in lexicon.entries.enumerated() {
            let type = Matcher.rank(of: entry.type)
            var nameHash: UInt64 = 0
            var isFirst = true
            for form in entry.surfaceForms {
                let prepared = SurfaceForm.prepare(form)
                let count = analyze(prepared)
                let hash = count > 0 ? idHash(count: count) : 0
                if isFirst {
                    nameHash = hash
                    isFirst = false
                }
                guard count > 0 else { continue }
                let shape = SurfaceForm.Shape(text)
                guard shape.characters > 1, !(count == 1 && shape.isNumber), isWellFormed(count: count) else {
                    malformed += 1
                    continue
                }
                var signature: Int32 = -1
                var isExcluded = false
                var keptPlural = false
                if let rules = curationRules[hash] {
                    let unitIDs = ids(count: count)
                    for rule in rules where rule.ids == unitIDs && (rule.type == 3 || rule.type == type) {
                        switch rule.action {
                        case .exclude:
                            // Excluding a singular ("diuretic", an adjective) keeps the plural
                            // noun of the lexicon ("diuretics"), matched in its own spelling
                            // only, since plural folding would otherwise exclude both. The rule
                            // may be spelled otherwise ("anaesthetic" against "Anesthetics"):
                            // its keys are the form's, so a form ending in "s" is its plural.
                            if !rule.term.hasSuffix("s"), form.lowercased().hasSuffix("s") {
                                keptPlural = true
                            } else {
                                isExcluded = true
                            }
                        case .caseSensitive: if signature < 0 { signature = rule.signature }
                        }
                    }
                }
                if isExcluded {
                    excluded += 1
                    continue
                }
                // The kept plural also matches capitalised at the start of a sentence or list
                // entry ("Diuretics: ...").
                var capitalSignature: Int32 = -1
                if keptPlural, signature < 0 {
                    let lowered = SurfaceForm.prepare(form.lowercased())
                    signature = addSignature(SurfaceForm.signature(of: lowered))
                    capitalSignature = addSignature(SurfaceForm.signature(of: lowered.prefix(1).uppercased() + lowered.dropFirst()))
                }
                if signature < 0, shape.isShortForm(limit: options.shortFormLength) {
                    signature = addSignature(SurfaceForm.signature(of: prepared))
                }
                if signature >= 0 { caseSensitive += 1 }
                surfaceForms += 1
                accepted?(prepared)
                let outputs = [signature, capitalSignature].enumerated().compactMap { index, signature in
                    index == 0 || signature >= 0
                        ? TrieOutput(
                            entry: Int32(entryIndex),
                            signature: signature,
                            type: type,
                            flags: hash == nameHash ? TrieOutput.isName : 0
                        ) : nil
                }
                if hasLinkedLetterEdge(count: count) {
                    let units = termUnits(count: count)
                    guard let joined = variants(of: units).min(by: { $0.count < $1.count }), joined.count < count
                    else { continue }
                    let node = trie.insert(joined)
                    for output in outputs { trie.addOutput(output, at: node) }
                    sequences += 1
                } else if hasSingleVariant(count: count) {
                    guard !UnsafeBufferPointer(start: scratch.unitID.base, count: count).contains(-1) else { continue }
                    let node = trie.insert(UnsafeBufferPointer(start: scratch.unitID.base, count: count))
                    for output in outputs { trie.addOutput(output, at: node) }
                    sequences += 1
                } else {
                    for variant in variants(of: termUnits(count: count)) {
                        let node = trie.insert(variant)
                        for output in outputs { trie.addOutput(output, at: node) }
                        sequences += 1
                    }
                }
            }
        }
        // Only salt words join the drug's span ("amitriptyline hydrochloride"); a dosage form
        // ("morphine infusion", "timolol solution") names how the drug is given, not the chemical,
        // and annotated corpora leave it out of the span.
        for (formIndex, form) in lexicon.drugForms.enumerated() where form.kind == .salt {
            let count = analyze(SurfaceForm.prepare(form.word))
            guard count > 0 else { continue }
            let output = TrieOutput(entry: Int32(formIndex), signature: -1, type: 0, flags: 0)
            for variant in variants(of: termUnits(count: count)) {
                forms.addOutput(output, at: forms.insert(variant))
            }
        }
    }

    /// Freezes everything into tables.
    func freeze(entries: [LexiconEntry]) -> CompiledTables {
        var typeRank: [Int] = [3, 4, 5]
        for (index, type) in options.typePriority.enumerated() {
            let raw = Int(Matcher.rank(of: type))
            if typeRank[raw] >= 3 { typeRank[raw] = index }
        }
        let precedes: (TrieOutput, TrieOutput) -> Bool = { left, right in
            let leftType = typeRank[Int(left.type)]
            let rightType = typeRank[Int(right.type)]
            if leftType != rightType { return leftType < rightType }
            let leftName = left.flags & TrieOutput.isName
            let rightName = right.flags & TrieOutput.isName
            if leftName != rightName { return leftName > rightName }
            if (left.signature >= 0) != (right.signature >= 0) { return left.signature >= 0 }
            let leftID = entries[Int(left.entry)].id
            let rightID = entries[Int(right.entry)].id
            if leftID != rightID { return leftID < rightID }
            return left.entry < right.entry
        }
        let vocabularyCount = resolver.vocabulary.count
        return CompiledTables(
            vocabulary: resolver.vocabulary,
            trie: trie.freeze(vocabularyCount: vocabularyCount, precedes: precedes),
            forms: forms.freeze(vocabularyCount: vocabularyCount, precedes: { $0.entry < $1.entry }),
            signatureBytes: signatureBytes,
            signatureOffsets: signatureOffsets
        )
    }
}

/// Preparation of lexicon surface forms before they are tokenized.
enum SurfaceForm {
    /// Removes markup tags and un-inverts MeSH-style inverted forms.
    ///
    /// - Parameter form: A surface form as written in the lexicon.
    /// - Returns: The form to tokenize.
    static func prepare(_ form: String) -> String {
        var form = form
        if form.utf8.contains(UInt8(ascii: "<")) { form = stripMarkup(form) }
        if form.utf8.contains(UInt8(ascii: ",")) { form = uninvert(form) }
        return form
    }

    /// Removes tags like `<sub>`, `</sup>`, `<i>`.
    static func stripMarkup(_ form: String) -> String {
        var result = ""
        var index = form.startIndex
        while index < form.endIndex {
            if form[index] == "<" {
                var cursor = form.index(after: index)
                if cursor < form.endIndex, form[cursor] == "/" { cursor = form.index(after: cursor) }
                let nameStart = cursor
                while cursor < form.endIndex, form[cursor].isLetter { cursor = form.index(after: cursor) }
                if cursor > nameStart, cursor < form.endIndex, form[cursor] == ">" {
                    index = form.index(after: cursor)
                    continue
                }
            }
            result.append(form[index])
            index = form.index(after: index)
        }
        return result
    }

    /// "Neuralgia, Postherpetic" → "Postherpetic Neuralgia"; "Leukemia, Myeloid, Acute" →
    /// "Acute Myeloid Leukemia". Only commas followed by a space split; "1,2-dichloroethane" stays.
    static func uninvert(_ form: String) -> String {
        let parts = form.split(separator: ", ", omittingEmptySubsequences: false)
        guard parts.count > 1, parts.allSatisfy({ !$0.isEmpty }) else { return form }
        return parts.reversed().joined(separator: " ")
    }

    /// The letters and digits of a form (ASCII letters and digits, and every non-ASCII byte).
    static func signature(of form: String) -> [UInt8] {
        form.utf8.filter { byte in
            byte >= 0x80 || (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10
        }
    }

    /// Counts of a surface form's characters that decide how it is matched.
    struct Shape {
        /// Letters and digits (Unicode scalars: ASCII letters and digits and every non-ASCII
        /// scalar).
        var characters = 0
        /// Whether every byte is ASCII.
        var isASCII = true
        /// Whether there is a lower-case ASCII letter.
        var hasLowercase = false
        /// Whether there is an upper-case ASCII letter.
        var hasUppercase = false
        /// Whether the form is only digits and dots.
        var isNumber = true

        /// Measures a form's bytes.
        init(_ bytes: [UInt8]) {
            for byte in bytes {
                if byte >= 0x80 {
                    isASCII = false
                    isNumber = false
                    if byte & 0xC0 != 0x80 { characters += 1 }
                } else if byte &- UInt8(ascii: "a") < 26 {
                    hasLowercase = true
                    isNumber = false
                    characters += 1
                } else if byte &- UInt8(ascii: "A") < 26 {
                    hasUppercase = true
                    isNumber = false
                    characters += 1
                } else if byte &- UInt8(ascii: "0") < 10 {
                    characters += 1
                } else if byte != UInt8(ascii: ".") {
                    isNumber = false
                }
            }
        }

        /// Whether the form is matched only with its exact case: ASCII only, and at most two
        /// characters, or at most `limit` with an upper-case letter and no lower-case letter. (A
        /// form with a Greek letter, "TNFα", is not: its spelled variant "TNF-alpha" must still
        /// match.)
        func isShortForm(limit: Int) -> Bool {
            guard isASCII else { return false }
            if characters <= 2 { return true }
            return characters <= limit && hasUppercase && !hasLowercase
        }
    }
}
