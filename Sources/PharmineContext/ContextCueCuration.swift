public import PharmineCore

/// Pharmine's curation of the ConText cue lists: which source cues to drop in pharmacology prose,
/// and the cues the clinical lists lack.
///
/// The clinical lists were written for radiology reports and clinical notes. Some of their cues
/// are pharmacology's own vocabulary ("prophylaxis", "indication", "risk of", "declined") and would
/// wrongly negate or hedge statements of use; those are dropped here, each with its reason.
/// The additions (source `pharmine`) cover how trials and reviews state a negative or tentative
/// finding ("failed to", "was not effective", "lack of efficacy", "has shown promise").
public enum ContextCueCuration {
    /// A source cue that Pharmine does not use.
    public struct Exclusion: Sendable, Hashable {
        /// The phrase (normalised, lowercased).
        public var phrase: String
        /// The category dropped, or nil for every category.
        public var category: ContextCategory?
        /// Why.
        public var reason: String
    }

    /// A cue that Pharmine adds or whose direction or scope it sets.
    public struct Addition: Sendable, Hashable {
        /// The phrase.
        public var phrase: String
        /// The category.
        public var category: ContextCategory
        /// The direction.
        public var direction: ContextDirection
        /// The window in words, or nil for ``ContextCue/defaultScope(_:_:)``.
        public var scope: Int?
    }

    // MARK: - Exclusions

    /// Source cues dropped in pharmacology prose.
    public static let exclusions: [Exclusion] = {
        var list: [Exclusion] = []
        func drop(_ phrases: [String], _ category: ContextCategory? = nil, _ reason: String) {
            for phrase in phrases {
                list.append(Exclusion(phrase: phrase, category: category, reason: reason))
            }
        }
        drop(["prophylaxis"], nil, "an indication qualifier in pharmacology (headache prophylaxis), not a negation")
        drop(["indication", "every indication"], nil, "pharmacology's word for a use of a drug")
        drop(
            ["decline", "declined", "declines", "declining"],
            nil,
            "reports a fall in pharmacology prose (pain scores declined), not a refusal"
        )
        drop(["resolved", "now resolved"], nil, "a condition resolving is an outcome of treatment, not its absence")
        drop(["free"], nil, "drug-free, free base, free fraction")
        drop(["return"], nil, "return to baseline")
        drop(["as needed"], nil, "a dosing instruction; the condition stays the indication")
        drop(
            ["risk of", "risks of", "risk factor", "predispose to"],
            nil,
            "reducing the risk of a condition states a preventive use"
        )
        drop(["clinical concern"], nil, "clinical-note workflow")
        drop(["versus"], nil, "names the comparison arm of a trial (amitriptyline versus placebo)")
        drop(
            ["any other", "as well as any"],
            nil,
            "list continuation in clinical notes; in prose it names further drugs"
        )
        drop(
            ["test for", "evaluate for", "checked for"],
            nil,
            "clinical orders; in research prose a drug evaluated for a condition is not negated"
        )
        drop(["ro", "hist", "ho"], nil, "too ambiguous as single tokens")
        drop(["no xyz to suggest"], nil, "a placeholder, not a phrase")
        drop(["decrease the likelihood"], nil, "a drug that decreases the likelihood of a condition prevents it")
        drop(["secondary"], .terminate, "secondary prevention, secondary infections; secondary to is kept")
        drop(["history"], .historical, "bare history also names a drug's history of use; history of, hx, h/o are kept")
        drop(["clear"], .negated, "clear evidence, clear benefit")
        drop(["doubt"], .negated, "kept as a hedge (medspaCy), not a negation")
        drop(["cannot"], .hedged, "kept as a negation (negspacy)")
        drop(["rather than"], .hedged, "kept as a negation (medspaCy)")
        drop(["no complaints of", "not known to have", "not know of"], .hedged, "negations, kept as such")
        drop(["may be ruled out"], .negated, "uncertain, kept as a hedge (medspaCy)")
        drop(["associated with"], .hedged, "states an association or adverse effect, not uncertainty")
        drop(["exhibit"], .hedged, "drugs exhibit affinity or activity: an assertion")
        drop(["favor", "signs of", "seen best"], .hedged, "radiology reading vocabulary")
        drop(["appear"], .hedged, "replaced by appear to, appears to")
        drop(["suggest"], .hedged, "replaced by Pharmine's forward suggest forms")
        drop(["not cause"], .pseudo, "a drug that did not cause an effect negates the effect")
        drop(["might not"], .pseudo, "a hedge in pharmacology prose (Pharmine cue)")
        drop(["not certain if", "not certain whether"], .pseudo, "a hedge (Pharmine cue)")
        return list
    }()

    /// Whether a pyConTextNLP historical cue is kept: only those about a patient's history.
    /// The others ("chronic", "increase", "decrease", "stable", "known", "prior") are radiology's
    /// comparison with an earlier exam and name drug effects in pharmacology prose.
    ///
    /// - Parameter phrase: The cue phrase.
    /// - Returns: True to keep it.
    public static func keepsHistorical(_ phrase: String) -> Bool {
        phrase.contains("history")
    }

    // MARK: - Additions

    /// Pharmine's own cues.
    public static let additions: [Addition] = {
        var list: [Addition] = []
        func add(
            _ phrases: [String],
            _ category: ContextCategory,
            _ direction: ContextDirection = .forward,
            scope: Int? = nil
        ) {
            for phrase in phrases {
                list.append(Addition(phrase: phrase, category: category, direction: direction, scope: scope))
            }
        }
        // Negation: negative findings of trials and pharmacology.
        add(
            [
                "failed to", "fails to", "fail to", "failing to", "did not", "does not", "do not",
                "did not reduce", "did not improve", "did not prevent", "did not alter", "did not affect",
                "did not differ", "did not show", "did not significantly", "did not bind", "does not bind",
                "was not effective", "were not effective", "is not effective", "are not effective", "not effective",
                "was not efficacious", "not efficacious", "was ineffective", "were ineffective", "is ineffective",
                "ineffective in", "ineffective for", "ineffective against", "no significant", "no significant effect",
                "no significant difference", "no effect on", "no effect", "had no effect", "has no effect",
                "have no effect", "without effect", "no benefit", "no clinical benefit", "lack of efficacy",
                "lack of effect", "lacked efficacy", "lacks", "lack of", "lacked", "not superior to", "no better than",
                "no affinity for", "negligible affinity for", "devoid of", "inactive at", "inactive against",
                "no activity at", "unable to", "not indicated", "not recommended", "no evidence", "no evidence of",
                "no association", "no relationship", "neither", "nor", "was not", "were not", "is not", "are not",
                "wasn't", "weren't", "wasnt", "werent",
            ],
            .negated
        )
        // Hedging and speculation.
        add(
            [
                "may", "might", "could", "possibly", "potential", "potentially", "perhaps", "presumably",
                "putative", "putatively", "suggest", "suggests", "suggested", "suggesting", "has shown promise",
                "have shown promise", "shown promise", "show promise", "shows promise", "promising", "preliminary",
                "investigational", "appears to", "appear to", "appeared to", "seems to", "seem to", "seemed to",
                "is thought to", "are thought to", "thought to", "believed to", "hypothesized", "hypothesised",
                "speculate", "speculated", "proposed", "unclear whether", "whether", "uncertain", "unknown whether",
                "not yet established", "further studies are needed", "warrant further", "warrants further",
                "limited evidence", "emerging evidence", "anecdotal", "probably", "probable", "conceivably",
                "plausibly", "theoretically", "expected to", "might not", "may not", "not certain if",
                "not certain whether", "remains unclear", "remain unclear",
            ],
            .hedged
        )
        add(["remains unclear", "remain unclear", "remains to be established", "is unclear"], .hedged, .backward)
        // Hypothetical and conditional.
        add(["if", "in case of", "in the event of", "in the event that", "unless", "^should"], .hypothetical)
        // Historical.
        add(
            [
                "history of", "past history of", "previously treated with", "previously received",
                "prior treatment with",
                "prior use of", "past use of",
            ],
            .historical
        )
        // Pseudo-cues: a cue word that does not negate or hedge here.
        add(
            [
                "not only", "not limited to", "but not limited to", "with or without", "whether or not", "if not",
                "not to mention", "no more than", "not more than", "no less than", "not less than", "not all",
                "not always", "not exclusively", "not just", "not merely", "not surprisingly", "no doubt",
                "without doubt", "not uncommon", "not unusual", "not infrequently", "not unlike", "no longer than",
            ],
            .pseudo
        )
        // Scope terminators.
        add(
            [
                "but", "however", "although", "though", "whereas", "while", "whilst", "which", "who", "whom", "whose",
                "except", "yet", "nevertheless", "nonetheless", "in contrast", "by contrast", "unlike", "instead",
                "despite", "in spite of", "because", "since",
            ],
            .terminate
        )
        return list
    }()
}
