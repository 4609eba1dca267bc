public import PharmineCore
import PharmineText

/// What a term maps to and why, for `pharmine lexicon lookup`.
public struct TermExplanation: Sendable {
    /// One unit of the term: a token that takes part in matching.
    public struct Unit: Sendable, Hashable {
        /// The token as written.
        public var text: String
        /// Its normalised key.
        public var key: String
        /// Whether the key is in the vocabulary.
        public var isKnown: Bool
    }

    /// A concept one of whose surface forms has exactly the term's keys.
    public struct Candidate: Sendable, Hashable {
        /// The index in ``Matcher/concepts``.
        public var entry: Int
        /// The concept.
        public var concept: LexiconConcept
        /// Whether the surface form was the concept's preferred name.
        public var isPreferredName: Bool
        /// The exact letters and digits required, when the form is case-sensitive.
        public var caseSensitiveForm: String?
        /// Whether the term passes the case check.
        public var passesCase: Bool
    }

    /// The term's units (hyphens and possessive 's are skipped).
    public var units: [Unit]
    /// The matches when the term is read as text (default options), by start.
    public var matches: [LexiconMatch]
    /// Concepts whose surface forms have exactly the term's keys, in preference order (the first
    /// that passes the case check is what a match of the whole term yields).
    public var candidates: [Candidate]
}

extension Matcher {
    /// The normalised keys of a text's units (hyphens and possessive 's skipped), as compiling
    /// and matching see them.
    ///
    /// - Parameter text: A term or text.
    /// - Returns: The keys, in order.
    public func keys(of text: String) -> [String] {
        explainUnits(text).map(\.key)
    }

    /// Explains what a term maps to.
    ///
    /// - Parameter term: The term.
    /// - Returns: Its units, the matches when it is read as text, and the concepts whose forms
    ///   have exactly its keys.
    public func explain(_ term: String) -> TermExplanation {
        let units = explainUnits(term)
        var candidates: [TermExplanation.Candidate] = []
        var state: Int32 = 0
        var ids: [Int32] = []
        for unit in units {
            let id = unit.key.utf8.withContiguousStorageIfAvailable { tables.lookup($0.baseAddress!, $0.count) } ?? -1
            ids.append(id)
        }
        for id in ids where state >= 0 { state = tables.trie.child(state, id) }
        if !units.isEmpty, state > 0, tables.trie.hasOutputs(state) {
            let letters = String(decoding: SurfaceForm.signature(of: term), as: UTF8.self)
            for index in tables.trie.outputRange(state) {
                let output = tables.trie.outputs[index]
                var form: String?
                if output.signature >= 0 {
                    let start = Int(tables.signatureOffsets[Int(output.signature)])
                    let end = Int(tables.signatureOffsets[Int(output.signature) + 1])
                    form = String(decoding: UnsafeBufferPointer(start: tables.signatureBytes.base + start, count: end - start), as: UTF8.self)
                }
                candidates.append(
                    TermExplanation.Candidate(
                        entry: Int(output.entry),
                        concept: concepts[Int(output.entry)],
                        isPreferredName: output.flags & TrieOutput.isName != 0,
                        caseSensitiveForm: form,
                        passesCase: form.map { $0 == letters } ?? true
                    )
                )
            }
        }
        return TermExplanation(units: units, matches: matches(in: term), candidates: candidates)
    }

    /// The units of a text with their keys.
    func explainUnits(_ text: String) -> [TermExplanation.Unit] {
        var text = text
        return text.withUTF8 { bytes -> [TermExplanation.Unit] in
            guard let base = bytes.baseAddress else { return [] }
            var tokens: [Token] = []
            Tokenizer().tokenize(bytes, into: &tokens)
            return withScratch { scratch in
                let count = tokens.withUnsafeBufferPointer { tokenBuffer in
                    analyzeOnly(text: bytes, tokens: tokenBuffer, range: 0..<tokenBuffer.count, scratch: scratch)
                }
                return (0..<count).map { unit in
                    let start = Int(scratch.unitStart.base[unit])
                    let end = Int(scratch.unitEnd.base[unit])
                    let written = String(decoding: UnsafeBufferPointer(start: base + start, count: end - start), as: UTF8.self)
                    let isWord = scratch.unitFlags.base[unit] & UnitFlags.word != 0
                    return TermExplanation.Unit(
                        text: written,
                        key: isWord ? normalizer.key(written) : written,
                        isKnown: scratch.unitID.base[unit] >= 0
                    )
                }
            }
        }
    }
}
