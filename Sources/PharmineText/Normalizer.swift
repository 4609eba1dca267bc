/// Turns one token into its normalised key, so that spelling variants of a term compare equal.
///
/// The key of a token is computed in this order:
/// 1. **Case and script folding.** ASCII letters are lower-cased. Greek letters become their
///    spelled names, so "β" and "beta" (and "Β", "Beta") share the key `beta`; the micro sign "µ"
///    is `mu`. Latin letters with diacritics lose them ("Sjögren" → `sjogren`, "æ" → `ae`,
///    "œ" → `oe`, "ß" → `ss`). Superscript and subscript digits become ASCII digits ("H₁" → `h1`).
///    Combining marks and invisible format characters (soft hyphen) are dropped; other letters are
///    lower-cased.
/// 2. **British → American spelling**, by a closed list of medical stems: `aem` → `em` (anaemia,
///    haemorrhage, ischaemic, leukaemia), `oedem`, `oesoph`, `oestr`, `rrhoea`, `pnoea`, `foet`,
///    `coeli`, `homoeo`, `paed`, `gynaec`, `aetiol`, `aesth`, `faec`, `caec`, `caes`, `sulph` → `sulf`,
///    `aluminium`, `leuco`/`leucem` → `leuk…`, and `-our` → `-or` after known stems
///    (tumour, behaviour, colour, odour, humour, labour, vapour…).
/// 3. **Plural → singular**, for keys of at least four bytes ending in a letter and `s`:
///    irregular and Latin plurals by a table ("metastases" → `metastasis`, "emboli" → `embolus`,
///    "bacteria" → `bacterium`, "teeth" → `tooth`); a table of singular words that end in `s` and are
///    kept ("aids", "diabetes", "herpes", "measles", "rabies", "pancreas", "lens", "news", "series"…);
///    never after `ss`, `us`, `is`; `-ies` → `-y` ("neuropathies"); `-yses` → `-ysis`;
///    `-itides` → `-itis`; `-sses`, `-shes`, `-xes`, `-ches` (but not `-aches`) lose `es`;
///    `-ruses`, `-nuses`, `-tuses`, `-xuses` lose `es` ("viruses", "sinuses", "fetuses"); an
///    acronym's lower-case plural `s` is dropped ("SSRIs", "NSAIDs"); any other final `s` is dropped ("migraines", "receptors", "diseases"). Latin `-ae` loses `e`
///    ("vertebrae"), except the botanical `-aceae`.
/// 4. **Suffix spelling**: `-ise`, `-ised`, `-ising`, `-iser`, `-isation` → `z`; `-yse`, `-ysed`,
///    `-ysing` → `z`; `-tre`/`-bre` → `-ter`/`-ber` (centre, fibre); `-ogue` → `-og` (analogue);
///    `ageing` → `aging`.
///
/// The same function keys both the lexicon and the text, so a rule that is not linguistically
/// exact still matches consistently; the tables exist to stop two different words from sharing a
/// key ("AIDS" is not "aid"). Hyphen, space and possessive variants are a matter of token
/// sequences and are handled by the lexicon's matcher, not here.
///
/// ```swift
/// let normalizer = Normalizer()
/// normalizer.key("Anaemias")   // "anemia"
/// normalizer.key("β")          // "beta"
/// normalizer.key("Herpes")     // "herpes"
/// ```
public struct Normalizer: Sendable {
    /// Creates a normaliser.
    public init() {}

    /// The output capacity that ``normalize(_:into:)`` needs for a token of `length` bytes.
    ///
    /// - Parameter length: The token's length in UTF-8 bytes.
    /// - Returns: A byte count that is always enough.
    @inlinable
    public static func capacity(forTokenLength length: Int) -> Int {
        length &* 4 &+ 16
    }

    /// The key of one token, as a string (convenient, not for hot loops).
    ///
    /// - Parameter token: The token text (one token: no spaces or punctuation).
    /// - Returns: The normalised key.
    public func key(_ token: String) -> String {
        var token = token
        return token.withUTF8 { bytes in
            let capacity = Self.capacity(forTokenLength: bytes.count)
            return String(unsafeUninitializedCapacity: capacity) { output in
                normalize(bytes, into: output.baseAddress!)
            }
        }
    }

    /// Writes the key of one token into `output` without allocating (for ASCII tokens).
    ///
    /// - Parameters:
    ///   - token: The token's UTF-8 bytes.
    ///   - output: At least ``capacity(forTokenLength:)`` writable bytes.
    /// - Returns: The key's length in bytes.
    public func normalize(_ token: UnsafeBufferPointer<UInt8>, into output: UnsafeMutablePointer<UInt8>) -> Int {
        guard let source = token.baseAddress else { return 0 }
        let count = token.count
        var triggers: UInt8 = 0
        var previous: UInt8 = 0
        var length = 0
        var index = 0
        while index < count {
            var byte = source[index]
            if byte >= 0x80 {
                length = Self.foldUnicode(source, count: count, into: output)
                triggers = Self.scanTriggers(output, length)
                break
            }
            if byte &- UInt8(ascii: "A") < 26 { byte |= 0x20 }
            output[index] = byte
            switch byte {
            case UInt8(ascii: "e"):
                if previous == UInt8(ascii: "a") { triggers |= Trigger.ae }
                if previous == UInt8(ascii: "o") { triggers |= Trigger.oe }
            case UInt8(ascii: "u"):
                if previous == UInt8(ascii: "o") { triggers |= Trigger.ou }
                if previous == UInt8(ascii: "i") { triggers |= Trigger.iu }
            case UInt8(ascii: "h"):
                if previous == UInt8(ascii: "p") { triggers |= Trigger.ph }
            case UInt8(ascii: "c"):
                if previous == UInt8(ascii: "u") { triggers |= Trigger.uc }
            default:
                break
            }
            previous = byte
            index += 1
            length = index
        }
        if triggers != 0 { length = Self.americanize(output, length, triggers) }
        if count >= 3, source[count - 1] == UInt8(ascii: "s"), source[count - 2] &- UInt8(ascii: "A") < 26 {
            // An acronym's plural ("SSRIs", "NSAIDs"): drop the lower-case s whatever precedes it.
            length -= 1
        } else if length >= 3 {
            length = Self.singularize(output, length)
        }
        if length >= 5 { length = Self.suffixSpelling(output, length) }
        return length
    }

    // MARK: - Folding

    /// Bits that say which British-spelling rules may apply.
    enum Trigger {
        static let ae: UInt8 = 1
        static let oe: UInt8 = 2
        static let ou: UInt8 = 4
        static let ph: UInt8 = 8
        static let iu: UInt8 = 16
        static let uc: UInt8 = 32
    }

    /// Finds the trigger pairs in an already folded key.
    static func scanTriggers(_ key: UnsafeMutablePointer<UInt8>, _ length: Int) -> UInt8 {
        var triggers: UInt8 = 0
        guard length > 1 else { return 0 }
        for index in 1..<length {
            switch (key[index - 1], key[index]) {
            case (UInt8(ascii: "a"), UInt8(ascii: "e")): triggers |= Trigger.ae
            case (UInt8(ascii: "o"), UInt8(ascii: "e")): triggers |= Trigger.oe
            case (UInt8(ascii: "o"), UInt8(ascii: "u")): triggers |= Trigger.ou
            case (UInt8(ascii: "p"), UInt8(ascii: "h")): triggers |= Trigger.ph
            case (UInt8(ascii: "i"), UInt8(ascii: "u")): triggers |= Trigger.iu
            case (UInt8(ascii: "u"), UInt8(ascii: "c")): triggers |= Trigger.uc
            default: break
            }
        }
        return triggers
    }

    /// Folds a token that holds non-ASCII bytes, scalar by scalar.
    static func foldUnicode(_ source: UnsafePointer<UInt8>, count: Int, into output: UnsafeMutablePointer<UInt8>) -> Int {
        var length = 0
        var index = 0
        func append(_ text: StaticString) {
            text.withUTF8Buffer { bytes in
                for byte in bytes {
                    output[length] = byte
                    length += 1
                }
            }
        }
        while index < count {
            let byte = source[index]
            if byte < 0x80 {
                output[length] = byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
                length += 1
                index += 1
                continue
            }
            let (scalar, width) = UTF8Scalar.decode(source, at: index, count: count)
            index += width
            let value = scalar.value
            if let name = greekName(value) {
                append(name)
                continue
            }
            if value >= 0xC0, value < 0x180 {
                let folded = latinFolding[Int(value - 0xC0)]
                for unit in folded.utf8 {
                    output[length] = unit
                    length += 1
                }
                continue
            }
            switch value {
            case 0xB2: append("2")
            case 0xB3: append("3")
            case 0xB9: append("1")
            case 0x2070: append("0")
            case 0x2074...0x2079:
                output[length] = UInt8(ascii: "0") + UInt8(value - 0x2070)
                length += 1
            case 0x2080...0x2089:
                output[length] = UInt8(ascii: "0") + UInt8(value - 0x2080)
                length += 1
            case 0xAD, 0x200B...0x200D, 0x2060, 0xFEFF, 0x300...0x36F:
                break
            default:
                let properties = scalar.properties
                if properties.generalCategory == .nonspacingMark || properties.generalCategory == .format {
                    break
                }
                if properties.changesWhenLowercased {
                    for unit in properties.lowercaseMapping.utf8 {
                        output[length] = unit
                        length += 1
                    }
                } else {
                    for offset in 0..<width {
                        output[length] = source[index - width + offset]
                        length += 1
                    }
                }
            }
        }
        return length
    }

    /// The spelled name of a Greek letter (either case, and the micro sign), or nil.
    static func greekName(_ value: UInt32) -> StaticString? {
        switch value {
        case 0x3B1, 0x391: "alpha"
        case 0x3B2, 0x392, 0x3D0: "beta"
        case 0x3B3, 0x393: "gamma"
        case 0x3B4, 0x394: "delta"
        case 0x3B5, 0x395, 0x3F5: "epsilon"
        case 0x3B6, 0x396: "zeta"
        case 0x3B7, 0x397: "eta"
        case 0x3B8, 0x398, 0x3D1: "theta"
        case 0x3B9, 0x399: "iota"
        case 0x3BA, 0x39A, 0x3F0: "kappa"
        case 0x3BB, 0x39B: "lambda"
        case 0x3BC, 0x39C, 0xB5: "mu"
        case 0x3BD, 0x39D: "nu"
        case 0x3BE, 0x39E: "xi"
        case 0x3BF, 0x39F: "omicron"
        case 0x3C0, 0x3A0, 0x3D6: "pi"
        case 0x3C1, 0x3A1, 0x3F1: "rho"
        case 0x3C2, 0x3C3, 0x3A3: "sigma"
        case 0x3C4, 0x3A4: "tau"
        case 0x3C5, 0x3A5: "upsilon"
        case 0x3C6, 0x3A6, 0x3D5: "phi"
        case 0x3C7, 0x3A7: "chi"
        case 0x3C8, 0x3A8: "psi"
        case 0x3C9, 0x3A9: "omega"
        default: nil
        }
    }

    /// ASCII foldings of U+00C0...U+017F (Latin-1 Supplement letters and Latin Extended-A).
    static let latinFolding: [String] = {
        let latin1 = [
            "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",  // C0
            "d", "n", "o", "o", "o", "o", "o", "×", "o", "u", "u", "u", "u", "y", "th", "ss",  // D0
            "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",  // E0
            "d", "n", "o", "o", "o", "o", "o", "÷", "o", "u", "u", "u", "u", "y", "th", "y",  // F0
        ]
        let extendedA = [
            "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",  // 100
            "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",  // 110
            "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",  // 120
            "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l",  // 130
            "l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",  // 140
            "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",  // 150
            "s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",  // 160
            "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",  // 170
        ]
        return latin1 + extendedA
    }()

    // MARK: - British spelling

    /// Substring rules, by trigger.
    static let substringRules: [(trigger: UInt8, from: [UInt8], to: [UInt8])] = [
        (Trigger.ae, "aem", "em"),
        (Trigger.ae, "paed", "ped"),
        (Trigger.ae, "gynaec", "gynec"),
        (Trigger.ae, "aetiol", "etiol"),
        (Trigger.ae, "aesth", "esth"),
        (Trigger.ae, "faec", "fec"),
        (Trigger.ae, "caec", "cec"),
        (Trigger.ae, "caes", "ces"),
        (Trigger.oe, "oedem", "edem"),
        (Trigger.oe, "oesoph", "esoph"),
        (Trigger.oe, "oestr", "estr"),
        (Trigger.oe, "rrhoea", "rrhea"),
        (Trigger.oe, "pnoea", "pnea"),
        (Trigger.oe, "foet", "fet"),
        (Trigger.oe, "coeli", "celi"),
        (Trigger.oe, "homoeo", "homeo"),
        (Trigger.ph, "sulph", "sulf"),
        (Trigger.iu, "aluminium", "aluminum"),
        (Trigger.uc, "leuco", "leuko"),
        (Trigger.uc, "leucem", "leukem"),
    ].map { ($0.0, Array($0.1.utf8), Array($0.2.utf8)) }

    /// Stems that take British `-our` ("tum" + "our").
    static let ourStems: [[UInt8]] = [
        "tum", "behavi", "col", "od", "hum", "lab", "vap", "fav", "rum", "hon", "neighb", "arm", "harb",
        "vig", "rig", "flav", "endeav", "splend", "cand", "ard", "savi", "clam", "glam", "valo", "rancour",
    ].map { Array($0.utf8) }

    /// Applies the British → American substring rules whose trigger pair occurs in the key.
    static func americanize(_ key: UnsafeMutablePointer<UInt8>, _ length: Int, _ triggers: UInt8) -> Int {
        var length = length
        for rule in substringRules where triggers & rule.trigger != 0 {
            length = replaceAll(key, length, rule.from, rule.to)
        }
        if triggers & Trigger.ou != 0 {
            var index = 0
            while index + 3 <= length {
                if key[index] == UInt8(ascii: "o"), key[index + 1] == UInt8(ascii: "u"),
                    key[index + 2] == UInt8(ascii: "r"), hasOurStem(key, before: index)
                {
                    (key + index + 1).update(from: key + index + 2, count: length - index - 2)
                    length -= 1
                }
                index += 1
            }
        }
        return length
    }

    /// Whether one of the `-our` stems ends right before `index`.
    static func hasOurStem(_ key: UnsafeMutablePointer<UInt8>, before index: Int) -> Bool {
        for stem in ourStems where stem.count <= index {
            var equal = true
            for (offset, byte) in stem.enumerated() where key[index - stem.count + offset] != byte {
                equal = false
                break
            }
            if equal { return true }
        }
        return false
    }

    /// Replaces every occurrence of `from` by `to` (not longer) in place.
    static func replaceAll(_ key: UnsafeMutablePointer<UInt8>, _ length: Int, _ from: [UInt8], _ to: [UInt8]) -> Int {
        var length = length
        var index = 0
        while index + from.count <= length {
            var equal = true
            for offset in 0..<from.count where key[index + offset] != from[offset] {
                equal = false
                break
            }
            if equal {
                for offset in 0..<to.count { key[index + offset] = to[offset] }
                let shrink = from.count - to.count
                if shrink > 0 {
                    let tail = index + from.count
                    (key + index + to.count).update(from: key + tail, count: length - tail)
                    length -= shrink
                }
                index += to.count
            } else {
                index += 1
            }
        }
        return length
    }

    // MARK: - Plurals

    /// Whether the key ends with `suffix`.
    @inline(__always)
    static func hasSuffix(_ key: UnsafeMutablePointer<UInt8>, _ length: Int, _ suffix: StaticString) -> Bool {
        let count = suffix.utf8CodeUnitCount
        guard length >= count else { return false }
        let bytes = suffix.utf8Start
        for offset in 0..<count where key[length - count + offset] != bytes[offset] {
            return false
        }
        return true
    }

    /// Reduces a plural key to its singular.
    static func singularize(_ key: UnsafeMutablePointer<UInt8>, _ length: Int) -> Int {
        if let replaced = IrregularWords.lookup(key, length) { return replaced }
        let last = key[length - 1]
        if last == UInt8(ascii: "e"), length >= 6, key[length - 2] == UInt8(ascii: "a"),
            !hasSuffix(key, length, "aceae")
        {
            return length - 1
        }
        guard last == UInt8(ascii: "s"), length >= 4 else { return length }
        let before = key[length - 2]
        guard before &- UInt8(ascii: "a") < 26 else { return length }
        switch before {
        case UInt8(ascii: "s"), UInt8(ascii: "u"), UInt8(ascii: "i"):
            return length
        default:
            break
        }
        if hasSuffix(key, length, "ies") {
            guard length >= 5 else { return length }
            key[length - 3] = UInt8(ascii: "y")
            return length - 2
        }
        if hasSuffix(key, length, "yses") {
            key[length - 2] = UInt8(ascii: "i")
            return length
        }
        if hasSuffix(key, length, "itides") {
            key[length - 3] = UInt8(ascii: "s")
            return length - 2
        }
        if hasSuffix(key, length, "sses") || hasSuffix(key, length, "shes") || hasSuffix(key, length, "xes") {
            return length - 2
        }
        if hasSuffix(key, length, "ches") {
            return hasSuffix(key, length, "aches") ? length - 1 : length - 2
        }
        if length >= 6, hasSuffix(key, length, "uses") {
            switch key[length - 5] {
            case UInt8(ascii: "r"), UInt8(ascii: "n"), UInt8(ascii: "t"), UInt8(ascii: "x"): return length - 2
            default: return length - 1
            }
        }
        return length - 1
    }

    // MARK: - Suffix spelling

    /// Applies the suffix rules (`-ise` → `-ize`, `-tre` → `-ter`, `-ogue` → `-og`).
    static func suffixSpelling(_ key: UnsafeMutablePointer<UInt8>, _ length: Int) -> Int {
        let z = UInt8(ascii: "z")
        switch key[length - 1] {
        case UInt8(ascii: "e"):
            if length >= 6, hasSuffix(key, length, "ise") || hasSuffix(key, length, "yse") {
                key[length - 2] = z
            } else if hasSuffix(key, length, "tre") || hasSuffix(key, length, "bre") {
                key[length - 2] = UInt8(ascii: "e")
                key[length - 1] = UInt8(ascii: "r")
            } else if length >= 7, hasSuffix(key, length, "ogue") {
                return length - 2
            }
        case UInt8(ascii: "d"):
            if length >= 7, hasSuffix(key, length, "ised") || hasSuffix(key, length, "ysed") { key[length - 3] = z }
        case UInt8(ascii: "r"):
            if length >= 7, hasSuffix(key, length, "iser") { key[length - 3] = z }
        case UInt8(ascii: "g"):
            if length >= 8, hasSuffix(key, length, "ising") || hasSuffix(key, length, "ysing") {
                key[length - 4] = z
            } else if hasSuffix(key, length, "ageing") {
                key[length - 4] = UInt8(ascii: "i")
                key[length - 3] = UInt8(ascii: "n")
                key[length - 2] = UInt8(ascii: "g")
                return length - 1
            }
        case UInt8(ascii: "n"):
            if length >= 8, hasSuffix(key, length, "isation") { key[length - 6] = z }
        default:
            break
        }
        return length
    }
}

/// Irregular plurals and singular words that end in `s`, looked up by exact key.
enum IrregularWords {
    /// Words that are singular although they end in `s` (kept as they are), and irregular plurals
    /// with their singular.
    static let table: [(String, String)] = {
        let kept = [
            "aids", "diabetes", "herpes", "measles", "mumps", "rabies", "scabies", "rickets", "species", "series",
            "caries", "ascites", "feces", "pancreas", "lens", "news", "menses", "biceps", "triceps", "forceps",
            "tabes", "situs", "glans", "always", "perhaps", "whereas", "besides", "mellitus", "lupus", "hiatus",
            "lues", "pes", "yes",
        ].map { ($0, $0) }
        let irregular = [
            ("metastases", "metastasis"), ("psychoses", "psychosis"), ("neuroses", "neurosis"),
            ("thromboses", "thrombosis"), ("stenoses", "stenosis"), ("diagnoses", "diagnosis"),
            ("prognoses", "prognosis"), ("fibroses", "fibrosis"), ("necroses", "necrosis"),
            ("scleroses", "sclerosis"), ("cirrhoses", "cirrhosis"), ("dermatoses", "dermatosis"),
            ("mycoses", "mycosis"), ("amyloidoses", "amyloidosis"), ("anastomoses", "anastomosis"),
            ("prostheses", "prosthesis"), ("hypotheses", "hypothesis"), ("syntheses", "synthesis"),
            ("neoplasias", "neoplasia"), ("emboli", "embolus"), ("thrombi", "thrombus"), ("foci", "focus"),
            ("nuclei", "nucleus"), ("fungi", "fungus"), ("bacilli", "bacillus"), ("stimuli", "stimulus"),
            ("calculi", "calculus"), ("bronchi", "bronchus"), ("alveoli", "alveolus"), ("glomeruli", "glomerulus"),
            ("villi", "villus"), ("bacteria", "bacterium"), ("criteria", "criterion"),
            ("diverticula", "diverticulum"), ("atria", "atrium"), ("septa", "septum"), ("indices", "index"),
            ("appendices", "appendix"), ("varices", "varix"), ("cervices", "cervix"), ("apices", "apex"),
            ("matrices", "matrix"), ("carcinomata", "carcinoma"), ("teeth", "tooth"), ("feet", "foot"),
            ("women", "woman"), ("children", "child"), ("mice", "mouse"), ("lice", "louse"),
            ("testes", "testis"), ("ganglia", "ganglion"), ("mitochondria", "mitochondrion"),
            ("phenomena", "phenomenon"), ("genera", "genus"), ("corpora", "corpus"), ("ova", "ovum"),
            ("epididymides", "epididymis"), ("pelves", "pelvis"), ("fasciae", "fascia"),
        ]
        return kept + irregular
    }()

    /// The table's keys and values as bytes, sorted by bucket.
    static let entries: [(key: [UInt8], value: [UInt8])] = table
        .map { (key: Array($0.0.utf8), value: Array($0.1.utf8)) }
        .sorted { bucket($0.key.count, $0.key[$0.key.count - 1]) < bucket($1.key.count, $1.key[$1.key.count - 1]) }

    /// The bucket of a key: its length (below 32) and last byte.
    @inline(__always)
    static func bucket(_ length: Int, _ last: UInt8) -> Int {
        (length & 31) << 8 | Int(last)
    }

    /// For each bucket, the start of its entries in ``entries`` (plus the end).
    static let bucketStart: [Int16] = {
        var starts = [Int16](repeating: 0, count: 32 * 256 + 1)
        for entry in entries { starts[bucket(entry.key.count, entry.key[entry.key.count - 1]) + 1] += 1 }
        for index in 0..<(32 * 256) { starts[index + 1] += starts[index] }
        return starts
    }()

    /// Replaces the key by its table value when the key is in the table.
    ///
    /// - Returns: The new length, or nil when the key is not in the table.
    static func lookup(_ key: UnsafeMutablePointer<UInt8>, _ length: Int) -> Int? {
        guard length < 32 else { return nil }
        let slot = bucket(length, key[length - 1])
        let starts = bucketStart
        var index = Int(starts[slot])
        let end = Int(starts[slot + 1])
        guard index < end else { return nil }
        let entries = self.entries
        while index < end {
            let entry = entries[index]
            var equal = entry.key.count == length
            if equal {
                for offset in 0..<length where key[offset] != entry.key[offset] {
                    equal = false
                    break
                }
            }
            if equal {
                for (offset, byte) in entry.value.enumerated() { key[offset] = byte }
                return entry.value.count
            }
            index += 1
        }
        return nil
    }
}
