import Foundation

/// Text clean-up for lexicon surface forms: field-safe text, HTML flattening, Greek letters,
/// MeSH-style un-inversion, and the case-insensitive key used for de-duplication.
enum LexiconText {
    /// Makes a surface form safe for a lexicon field.
    ///
    /// Tabs, line breaks and `|` become spaces, runs of white space collapse to one space, and
    /// the ends are trimmed.
    ///
    /// - Parameter text: The raw text.
    /// - Returns: The cleaned text (possibly empty).
    static func clean(_ text: String) -> String {
        if isClean(text.utf8) { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isSpace(scalar) {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.unicodeScalars.append(" ") }
                pendingSpace = false
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Whether text needs no cleaning: no tab, line break, `|`, double or edge space, and no byte
    /// that may start a non-ASCII space (checked on UTF-8 bytes, the common case).
    private static func isClean(_ utf8: String.UTF8View) -> Bool {
        var previousSpace = true
        for byte in utf8 {
            switch byte {
            case 0x20:
                if previousSpace { return false }
                previousSpace = true
            case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x7C, 0xC2, 0xE1, 0xE2, 0xE3:
                return false
            default:
                previousSpace = false
            }
        }
        return utf8.isEmpty || !previousSpace
    }

    /// White space (ASCII and Unicode space separators) and `|`, which cannot appear in a field.
    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x7C, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// Trims ASCII spaces from both ends (a field may hold `|`-separated lists, so it is not cleaned).
    static func trimmed(_ text: String) -> String {
        let bytes = text.utf8
        guard bytes.first == UInt8(ascii: " ") || bytes.last == UInt8(ascii: " ") else { return text }
        return String(text.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }

    /// The key under which surface forms are compared: lower-cased, white space collapsed.
    ///
    /// - Parameter text: A surface form.
    /// - Returns: Its comparison key.
    static func key(_ text: String) -> String {
        clean(text).lowercased()
    }

    /// Removes HTML tags and decodes HTML character entities.
    ///
    /// `5-HT<sub>2A</sub>` becomes `5-HT2A`, `&beta;` becomes `β`, `&amp;` becomes `&`.
    /// A `<` that does not open a tag is kept.
    ///
    /// - Parameter text: Text with markup.
    /// - Returns: Plain text.
    static func flattenMarkup(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "<")) || text.utf8.contains(UInt8(ascii: "&")) else { return text }
        let decodedOnce = decodeEntities(text)
        let scalars = Array(decodedOnce.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "<", let end = tagEnd(scalars, from: index) {
                index = end + 1
                continue
            }
            result.append(scalar)
            index += 1
        }
        return String(result)
    }

    /// Replaces Greek letters with their spelled-out names (`β2` → `beta2`).
    ///
    /// - Parameter text: Text that may hold Greek letters.
    /// - Returns: The spelled-out variant, or nil when the text holds no Greek letter.
    static func spellGreek(_ text: String) -> String? {
        var changed = false
        var result = ""
        for scalar in text.unicodeScalars {
            if let name = greekNames[scalar] {
                result += name
                changed = true
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return changed ? result : nil
    }

    /// Un-inverts a MeSH-style inverted term: `Neuralgia, Postherpetic` → `Postherpetic Neuralgia`,
    /// `Receptors, Adrenergic, beta` → `beta Adrenergic Receptors`.
    ///
    /// Only terms of two or three comma-separated parts made of words (letters, digits, hyphens,
    /// apostrophes, spaces) are un-inverted; chemical names (`1,2-dimethyl…`, parentheses) are left alone.
    ///
    /// - Parameter text: A term.
    /// - Returns: The un-inverted term, or nil when the term is not inverted.
    static func uninvert(_ text: String) -> String? {
        guard text.utf8.contains(UInt8(ascii: ",")), text.contains(", ") else { return nil }
        let parts = text.components(separatedBy: ", ")
        guard parts.count == 2 || parts.count == 3 else { return nil }
        for part in parts {
            guard let first = part.unicodeScalars.first, !part.isEmpty, part.count <= 60 else { return nil }
            if first == " " || part.hasSuffix("-") || part.hasSuffix(" ") { return nil }
            for scalar in part.unicodeScalars {
                let ok =
                    scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == " "
                    || scalar == "-" || scalar == "'"
                if !ok { return nil }
            }
        }
        // A trailing part that is only a number or a short code ("Type 2" is fine, "2" alone is not).
        if let last = parts.last, last.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) { return nil }
        return parts.reversed().joined(separator: " ")
    }

    /// Rewrites a trailing single-word qualifier in parentheses: `Acetylcholine receptors (muscarinic)`
    /// → `muscarinic Acetylcholine receptors`.
    ///
    /// - Parameter text: A name.
    /// - Returns: The rewritten name, or nil when the name has no such qualifier.
    static func moveParentheticalQualifier(_ text: String) -> String? {
        guard text.hasSuffix(")"), let open = text.lastIndex(of: "(") else { return nil }
        let head = text[..<open].trimmingCharacters(in: .whitespaces)
        let inner = text[text.index(after: open)..<text.index(before: text.endIndex)]
        guard !head.isEmpty, !inner.isEmpty, !head.contains("("),
            inner.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0 == "-" })
        else { return nil }
        return "\(inner) \(head)"
    }

    /// Whether a term has balanced parentheses and brackets (GtoPdb has some truncated synonyms).
    static func isBalanced(_ text: String) -> Bool {
        var depth = 0
        for scalar in text.unicodeScalars {
            if scalar == "(" || scalar == "[" { depth += 1 }
            if scalar == ")" || scalar == "]" {
                depth -= 1
                if depth < 0 { return false }
            }
        }
        return depth == 0
    }

    /// Whether the text has at least one letter and every letter is upper-case (`CAT`, `5-HT2A`).
    static func isUpperCaseSymbol(_ text: String) -> Bool {
        var sawLetter = false
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic {
            sawLetter = true
            if scalar.properties.isLowercase { return false }
        }
        return sawLetter
    }

    /// Whether the text is a symbol the matcher takes only in its exact case: ASCII, with an
    /// upper-case letter and no lower-case one, and at most four letters and digits (`MTOR`,
    /// `DLL4`; the matcher's default short-form length).
    static func isShortUpperCaseSymbol(_ text: String) -> Bool {
        guard text.unicodeScalars.allSatisfy({ $0.isASCII }), isUpperCaseSymbol(text) else { return false }
        return text.filter { $0.isLetter || $0.isNumber }.count <= 4
    }

    /// Byte-wise (UTF-8) ordering, identical on every platform.
    static func byteLess(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }

    // MARK: - Private

    private static func tagEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var index = start + 1
        guard index < scalars.count else { return nil }
        if scalars[index] == "/" { index += 1 }
        guard index < scalars.count, scalars[index].properties.isAlphabetic else { return nil }
        while index < scalars.count, index - start < 40 {
            if scalars[index] == ">" { return index }
            if scalars[index] == "<" { return nil }
            index += 1
        }
        return nil
    }

    private static func decodeEntities(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semicolon = after.prefix(10).firstIndex(of: ";") {
                let name = String(after[..<semicolon])
                if let decoded = decodeEntity(name) {
                    result += decoded
                    rest = after[after.index(after: semicolon)...]
                    continue
                }
            }
            result += "&"
            rest = after
        }
        result += rest
        return result
    }

    private static func decodeEntity(_ name: String) -> String? {
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            guard let value = UInt32(name.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(value) else {
                return nil
            }
            return String(Character(scalar))
        }
        if name.hasPrefix("#") {
            guard let value = UInt32(name.dropFirst()), let scalar = Unicode.Scalar(value) else { return nil }
            return String(Character(scalar))
        }
        if let named = namedEntities[name] { return named }
        if let greek = greekLetters[name.lowercased()] {
            let isUpper = name.first?.isUppercase ?? false
            return isUpper ? String(greek).uppercased() : String(greek)
        }
        return nil
    }

    private static let namedEntities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "plusmn": "±",
        "prime": "′", "Prime": "″", "deg": "°", "middot": "·", "times": "×", "ndash": "–", "mdash": "—",
        "reg": "®", "trade": "™", "micro": "µ", "rarr": "→", "larr": "←", "harr": "↔", "minus": "−",
        "rsquo": "’", "lsquo": "‘", "rdquo": "”", "ldquo": "“", "hellip": "…", "szlig": "ß",
        "auml": "ä", "ouml": "ö", "uuml": "ü", "Auml": "Ä", "Ouml": "Ö", "Uuml": "Ü", "eacute": "é",
        "egrave": "è", "ecirc": "ê", "aacute": "á", "agrave": "à", "iacute": "í", "oacute": "ó", "uacute": "ú",
        "ccedil": "ç", "ntilde": "ñ", "Eacute": "É", "oslash": "ø", "aring": "å", "le": "≤", "ge": "≥",
        "infin": "∞", "sup2": "²", "sup3": "³", "frac12": "½",
    ]

    private static let greekLetters: [String: Character] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "zeta": "ζ", "eta": "η",
        "theta": "θ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ",
        "omicron": "ο", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "upsilon": "υ", "phi": "φ",
        "chi": "χ", "psi": "ψ", "omega": "ω",
    ]

    private static let greekNames: [Unicode.Scalar: String] = {
        var names: [Unicode.Scalar: String] = [:]
        for (name, letter) in greekLetters {
            for scalar in String(letter).unicodeScalars { names[scalar] = name }
            for scalar in String(letter).uppercased().unicodeScalars { names[scalar] = name.capitalized }
        }
        names["µ"] = "mu"
        return names
    }()
}
