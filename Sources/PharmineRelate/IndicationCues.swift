/// The cue tables of ``IndicationExtractor``.
enum IndicationCues {
    /// Cues with the drug before and the condition after: "X is indicated for the treatment of Y".
    static let forward = CueSet([
        Cue("treat|treats|treating|treated|cure|cures|curing|heal|heals|healed", rule: "treat", base: 0.9),
        Cue("healing of", rule: "treat", base: 0.85),
        Cue("treatment|treatments of|for|in|against", rule: "treat", base: 0.9),
        Cue(
            "therapy|therapies|pharmacotherapy|therapeutic|agent|agents|drug|drugs|medication|medications|option|options|choice for|of|in|against",
            rule: "therapy",
            base: 0.85
        ),
        Cue("manage|manages|managed|managing", rule: "manage", base: 0.85),
        Cue("management|managements of|in|for", rule: "manage", base: 0.85),
        Cue(
            "relieve|relieves|relieved|relieving|alleviate|alleviates|alleviated|alleviating|ameliorate|ameliorates|ameliorated|ameliorating",
            rule: "relieve",
            base: 0.85
        ),
        Cue("relief of|from|in|for", rule: "relieve", base: 0.85),
        Cue(
            "effective|efficacious|beneficial|useful|helpful|efficacy|effectiveness|benefit|benefits|successful|active in|for|against|at",
            rule: "effective",
            base: 0.85
        ),
        Cue("indicated for|in|as|to", rule: "indicated", base: 0.95),
        Cue("indication|indications for|in|of|is|are|include|includes|including", rule: "indicated", base: 0.9),
        Cue("approved|licensed|labeled|labelled|fda-approved for|in|to|as", rule: "approved", base: 0.95),
        Cue("approval for|in", rule: "approved", base: 0.9),
        Cue("prescribed|prescribe|prescribes|prescribing for|to|in|as|against", rule: "prescribed", base: 0.85),
        Cue(
            "prophylaxis|prophylactic|prophylactically|chemoprophylaxis of?|for?|against?|in?",
            rule: "prophylaxis",
            base: 0.9
        ),
        Cue("prevent|prevents|prevented|preventing|avert|averts", rule: "prevent", base: 0.9),
        Cue("prevention|preventive|preventative of|for|in|against", rule: "prevent", base: 0.9),
        Cue("protects|protect|protected|protecting|protective|protection against|from", rule: "prevent", base: 0.85),
        Cue(
            "reduce|reduces|reduced|reducing|lower|lowers|lowering|decrease|decreases|decreasing the? risk|incidence|likelihood|occurrence|recurrence|recurrences of",
            rule: "prevent",
            base: 0.85
        ),
        Cue(
            "protective|cardioprotective|neuroprotective|hepatoprotective|nephroprotective|renoprotective|gastroprotective|chemopreventive|therapeutic effect|effects|role|action|actions|activity|potential|efficacy against|on|in|towards|toward",
            rule: "protective",
            base: 0.8
        ),
        // "X is neuroprotective in a model of Y": an organ-protective adjective right before its
        // preposition.
        Cue(
            "cardioprotective|neuroprotective|hepatoprotective|nephroprotective|renoprotective|gastroprotective|chemopreventive against|in|for",
            rule: "protective",
            base: 0.8
        ),
        Cue(
            "cardioprotection|neuroprotection|hepatoprotection|nephroprotection|renoprotection|gastroprotection|chemoprevention against|from|of|in",
            rule: "protective",
            base: 0.8
        ),
        Cue("candidate|candidates for|against|in", rule: "therapy", base: 0.8),
        Cue("remedy|remedies for|in|against", rule: "therapy", base: 0.8),
        Cue("standard of? care|treatment|therapy for|in", rule: "therapy", base: 0.85),
        Cue(
            "first-line|firstline treatment|therapy|agent|drug|option|therapies|treatments|agents|drugs|options for|in|against",
            rule: "first_line",
            base: 0.9
        ),
        Cue(
            "adjunct|adjunctive|adjuvant|add-on|augmentation therapy|treatment|agent|therapies|treatments|agents|medication? for|in|to|of",
            rule: "adjunct",
            base: 0.85
        ),
    ])

    /// Weak forward cues: their gap may hold only measure words ("the frequency and severity of").
    static let weak = CueSet([
        Cue("used|use|uses|employed|utilized|utilised|recommended for|in|against|as", rule: "used", base: 0.8),
        Cue("used|use|uses off-label|off-label for|in|to|against|as", rule: "used", base: 0.8),
        Cue(
            "reduce|reduces|reduced|reducing|improve|improves|improved|improving|decrease|decreases|decreased|decreasing|lower|lowers|lowered|lowering|attenuate|attenuates|attenuated|attenuating|control|controls|controlled|controlling|suppress|suppresses|suppressed|suppressing|resolve|resolves|resolved|reverse|reverses|reversed|reversing|normalize|normalizes|normalized|normalise|normalises|normalised|correct|corrects|corrected|correcting|block|blocks|blocked|blocking|inhibit|inhibits|inhibited|inhibiting|abolish|abolishes|abolished|abolishing|mitigate|mitigates|mitigated|mitigating|counteract|counteracts|counteracted|counteracting|antagonize|antagonizes|antagonized|antagonizing|antagonise|antagonises|antagonised|rescue|rescues|rescued|rescuing|restore|restores|restored|diminish|diminishes|diminished|delay|delays|delayed|delaying|retard|retards|retarded|slow|slows|slowed|slowing|eliminate|eliminates|eliminated|eradicate|eradicates|eradicated",
            rule: "reduce",
            base: 0.6
        ),
        Cue(
            "reduction|reductions|attenuation|amelioration|suppression|inhibition|alleviation|improvement|improvements|reversal|resolution|regression|remission|normalization|correction of|in",
            rule: "reduce",
            base: 0.6
        ),
    ])

    /// Words allowed in the gap after a weak cue (besides fillers).
    static let measureWords: WordSet = [
        "frequency", "severity", "intensity", "duration", "incidence", "number", "symptoms", "symptom",
        "signs", "episodes", "attacks", "burden", "recurrence", "recurrences", "progression", "rate",
        "rates", "and", "or", "occurrence", "days", "scores", "score", "patients", "with", "in",
        "onset", "development", "extent", "degree", "appearance", "formation", "growth", "size", "preexisting",
        "pre-existing", "established", "experimental",
    ]

    /// Protecting verbs that take their object before "against": "protects the kidney against Y".
    static let protectVerbs: WordSet = ["protects", "protect", "protected", "protecting"]

    /// Words that end the loose search for a weak cue's object: a comparison, a new verb or a
    /// place ("reduced the levels in tumors").
    static let looseStops: WordSet = [
        "than", "compared", "versus", "vs", "in", "on", "at", "by", "from", "to", "with", "without",
        "increased", "increases", "increase", "enhanced", "induced", "caused", "causes", "was", "were",
        "is", "are", "but", "not", "no",
    ]

    /// The noun cues among the weak ones ("reduction of"): they take a near subject only.
    static let nominalWeakCues: WordSet = [
        "reduction", "reductions", "attenuation", "amelioration", "suppression", "inhibition", "alleviation",
        "improvement", "improvements", "reversal", "resolution", "regression", "remission", "normalization",
        "correction",
    ]

    /// Nominal cues of "the efficacy of X in Y", "protective effect of X on Y": a drug follows
    /// "of" and the condition follows a preposition.
    static let effectNouns: WordSet = [
        "efficacy", "effectiveness", "benefit", "benefits", "usefulness", "utility",
    ]

    /// Adjectives of an effect noun that make it therapeutic: "protective effect of X on Y"; also
    /// any word starting with "anti" ("antitumor activity of X in Y").
    static let effectAdjectives: WordSet = [
        "protective", "cardioprotective", "neuroprotective", "hepatoprotective", "nephroprotective",
        "renoprotective", "gastroprotective", "chemopreventive", "therapeutic", "beneficial", "curative",
        "analgesic", "antinociceptive", "anxiolytic", "ameliorative", "preventive", "prophylactic",
    ]

    /// Effect nouns after a therapeutic adjective: "protective effect", "antitumor activity".
    static let effectHeads: WordSet = [
        "effect", "effects", "activity", "activities", "action", "actions", "role", "potential", "efficacy",
        "properties", "property", "influence", "function",
    ]

    /// Prepositions before the condition of "efficacy of X in Y".
    static let effectPrepositions: WordSet = ["in", "on", "against", "for", "during", "towards", "toward", "upon"]

    /// Words between a drug and the preposition of "efficacy of X … in Y": forms and ways of
    /// giving it, doses.
    static let administrationWords: WordSet = [
        "treatment", "therapy", "administration", "pretreatment", "pre-treatment", "supplementation",
        "monotherapy", "infusion", "infusions", "injection", "injections", "application", "use", "alone",
        "combination", "combinations", "regimen", "regimens", "dose", "doses", "dosing", "course",
        "extract", "given", "orally", "combined", "co-administration", "coadministration", "intake",
        "high", "higher", "low", "lower", "fixed", "different",
    ]

    /// Words before a drug after "treated with", "by" and similar: ways and forms of giving it.
    static let drugIntroducers: WordSet = [
        "daily", "oral", "intravenous", "intraperitoneal", "intragastric", "subcutaneous", "intramuscular",
        "topical", "systemic", "intrathecal", "inhaled", "high-dose", "low-dose", "atypical", "typical",
        "conventional", "classical", "standard", "combined", "concomitant", "prior", "single", "repeated",
        "adjuvant", "adjunctive", "pretreatment", "pre-treatment", "treatment", "administration",
        "coadministration", "co-administration", "infusion", "injection", "supplementation", "application",
        "therapy", "with", "of", "either", "continuous", "intermittent", "weekly", "dietary", "long-term",
        "short-term", "prolonged", "fixed-dose", "flexible-dose", "open-label", "double-blind",
    ]

    /// Nouns that may follow a drug before "for" in "X for Y": "daptomycin course for", "methadone
    /// treatment for".
    static let treatmentNouns: WordSet = [
        "therapy", "treatment", "course", "infusion", "infusions", "injection", "injections", "monotherapy",
        "regimen", "administration", "use", "prophylaxis", "maintenance", "tablets", "alone",
    ]

    /// Words before a drug that make "X for Y" a test, not a use: "screened for", "positive for".
    static let forBlockers: WordSet = [
        "screened", "tested", "positive", "negative", "stained", "assayed", "screening", "testing", "analyzed",
        "analysed", "levels", "level", "concentration", "concentrations", "antibodies", "antibody",
    ]

    /// Words between a condition and its population noun, or modifiers of a condition after
    /// "patients with": "suspected", "newly diagnosed".
    static let conditionModifiers: WordSet = [
        "suspected", "presumed", "confirmed", "established", "newly", "diagnosed", "active", "untreated",
        "first-episode", "metastatic", "locally", "relapsed", "relapsing", "stable", "unstable", "documented",
        "symptomatic", "nonobese", "obese", "elderly", "adult", "pediatric", "paediatric", "human", "experimental",
        "spontaneously", "localized", "inoperable", "unresectable", "previously", "treated", "known", "infected",
        "virus", "viral",
    ]

    /// Population nouns of "Y patients treated with X" (people and experimental animals).
    static let treatedPopulation = WordSet(Lexical.population.union([
        "inpatients", "outpatients", "rats", "mice", "animals", "dogs", "rabbits", "monkeys", "models", "model",
        "recipients", "cohort", "group", "groups", "cells",
    ]))

    /// Verbs that give a drug to a population: "treated with X", "randomized to X".
    static let treatedVerbs: WordSet = ["treated", "managed", "randomized", "randomised", "assigned", "allocated", "scheduled"]

    /// Gerunds of a remedy right after a cue: "effective in controlling the A, Y and Z".
    static let remedyGerunds: WordSet = [
        "controlling", "treating", "reducing", "preventing", "alleviating", "managing", "relieving", "suppressing",
        "improving", "ameliorating", "attenuating", "reversing", "normalizing",
    ]

    /// Verbs of a population's response to a drug: "a man with Y was responding well to X".
    static let respondVerbs: WordSet = ["responded", "responding", "responds", "respond"]

    /// Adverbs between a respond verb and "to": "responded well to", "responding favorably to".
    static let responseAdverbs: WordSet = ["well", "favorably", "favourably", "promptly", "dramatically", "rapidly", "initially"]

    /// Words that end the scan for further conjuncts after a cue's object (``IndicationRules``'
    /// list tail): a comparison, a new clause, a cause or a time.
    static let tailStops: WordSet = [
        "but", "whereas", "while", "which", "that", "by", "through", "via", "than", "compared", "versus", "vs",
        "without", "was", "were", "is", "are", "not", "no", "as", "due", "because", "after", "during", "when",
        "following", "with", "from", "before", "since", "leads", "lead", "results", "result", "produces", "produce",
        "can", "may", "will", "could", "should", "has", "have", "had", "does", "do",
    ]

    /// Passive verbs with an agent drug after "with", "by", "using", given after the condition:
    /// "Y was treated with X" (see ``passiveVerbs``) and "Y was blocked by X".
    static let passiveAgentVerbs: WordSet = [
        "blocked", "inhibited", "reduced", "decreased", "diminished", "mitigated", "counteracted", "antagonized",
        "antagonised", "abrogated", "normalized", "normalised", "corrected", "eliminated", "eradicated",
        "lessened", "lowered", "delayed", "retarded", "slowed", "rescued",
    ]

    /// Nouns after a drug mention that make it a body's own process, not a drug given: "lactate
    /// secretion", "IFN signaling", "glucose tolerant subjects", "insulin resistance".
    static let processNouns: WordSet = [
        "signaling", "signalling", "pathway", "pathways", "secretion", "production", "synthesis", "metabolism",
        "release", "receptor", "receptors", "tolerant", "tolerance", "intolerance", "transport", "transporter",
        "transporters", "consumption", "uptake", "resistance", "resistant", "deficiency", "depletion", "deprivation",
        "homeostasis", "biosynthesis", "clearance", "turnover", "sensitivity", "sensing", "excretion",
    ]

    /// Words before a drug mention that make it a target, not the agent: "targeting PKC may
    /// provide therapeutic options", "inhibition of angiotensin II reduced …".
    static let targetingWords: WordSet = [
        "targeting", "targetting", "inhibiting", "blocking", "disrupting", "knockdown", "knockout", "deletion",
        "inhibition", "blockade", "antagonism", "depleting", "neutralizing", "neutralising", "silencing",
    ]

    /// Words that place a drug mention before a pretreatment as the challenge that induces the
    /// disease model: "MK-801 previous to injections of haloperidol attenuated the catalepsy".
    static let challengeWords: WordSet = ["before", "prior", "previous", "preceding"]

    /// Verbs of causing between a drug and a weak cue: "X induces seizures and delayed damage".
    static let causingVerbs: WordSet = [
        "induced", "induces", "induce", "inducing", "caused", "causes", "cause", "causing", "provoked", "provokes",
        "precipitated", "precipitates", "triggered", "triggers", "evoked", "evokes", "elicited", "elicits",
    ]

    /// Subordinating words that end the reach of a verb cue's subject: "with X infusion while all
    /// facilities were available to treat Y".
    static let subordinators: WordSet = ["while", "since", "because", "when", "whereas", "until", "unless"]

    /// Words between a cue and its object that make the object the site of a procedure: "anesthetic
    /// management for bronchoscopic removal of a foreign body".
    static let procedureWords: WordSet = [
        "removal", "resection", "surgery", "extraction", "biopsy", "excision", "implantation", "repair",
        "susceptibility", "predisposition", "determining", "diagnosis", "detection", "imaging",
    ]

    /// Modifiers of "therapy" and "treatment" that name a treatment that is not a drug: "gene
    /// therapy for Y", "radiation therapy for Y".
    static let nonDrugTherapies: WordSet = [
        "gene", "cell", "cellular", "radiation", "photodynamic", "physical", "behavioral", "behavioural", "cognitive",
        "surgical", "radio", "laser", "stem-cell", "somatic", "anesthetic", "anaesthetic", "airway",
    ]

    /// Condition names that are wanted states, never indications: "may also improve analgesia".
    static let wantedStates: WordSet = ["analgesia", "anesthesia", "anaesthesia", "sedation", "hypnosis", "survival"]

    /// Words before a subject that make the absence of the drug act: "omitting fentanyl reduces …".
    /// Whole names of endogenous peptides and proteins that the drug lexicon matches but that
    /// biomedical prose (and gene-annotating corpora) treat as gene products, not as drugs given
    /// for a condition: "ghrelin protects against colitis" is a finding about a hormone. Proteins
    /// that are medicines in their own right (insulin, the interferons, erythropoietin, G-CSF and
    /// GM-CSF) are not listed: "insulin for type 1 diabetes" is an indication.
    static let endogenousProteinNames: WordSet = [
        "ghrelin", "leptin", "adiponectin", "resistin", "visfatin", "orexin", "bdnf", "ngf", "gdnf",
        "egf", "vegf", "fgf", "igf-1", "igf-i", "tnf", "tnf-alpha", "tnf-α",
        "osteopontin", "klotho", "irisin", "apelin", "thrombopoietin", "relaxin", "amylin",
    ]

    /// Name prefixes of cytokines and growth factors ("interleukin-10", "IL-10", "TGF-beta",
    /// "IFN-gamma", "brain-derived neurotrophic factor").
    static let endogenousProteinPrefixes: [String] = [
        "interleukin", "il-", "tgf-", "tgf ", "tgfb", "tnf-", "tumor necrosis factor", "tumour necrosis factor",
        "transforming growth factor", "insulin-like growth", "brain-derived", "nerve growth factor", "glial cell",
        "epidermal growth", "fibroblast growth", "vascular endothelial growth", "igf-",
    ]

    /// Whether a drug mention names an endogenous peptide or protein (a cytokine, growth factor or
    /// peptide hormone), which is not taken as the subject of an indication.
    ///
    /// - Parameters:
    ///   - text: The mention's text.
    ///   - name: The concept's preferred name.
    static func isEndogenousProtein(text: String, name: String) -> Bool {
        for candidate in [text.lowercased(), name.lowercased()] {
            if endogenousProteinNames.contains(candidate) { return true }
            if endogenousProteinPrefixes.contains(where: { candidate.hasPrefix($0) }) { return true }
            if candidate.hasSuffix("growth factor") || candidate.hasSuffix("neurotrophic factor") { return true }
        }
        return false
    }

    static let withdrawalWords: WordSet = [
        "omitting", "omission", "without", "avoiding", "avoidance", "withdrawal", "discontinuation", "cessation",
        "withholding", "discontinuing", "stopping", "absence",
    ]

    /// Verb prefixes of "X suppressed the proliferation of Y cells".
    static let cellGrowthVerbs = PrefixList([
        "suppress", "inhibit", "reduc", "decreas", "attenuat", "block", "impair", "abrogat", "abolish", "diminish",
        "prevent", "retard", "limit",
    ])


    /// Verbs of "X induced apoptosis in Y cells".
    static let cellDeathVerbs: WordSet = ["induced", "induces", "induce", "inducing", "triggered", "triggers", "promoted", "promotes"]

    /// What a drug suppresses in diseased cells.
    static let cellGrowthNouns: WordSet = [
        "proliferation", "growth", "migration", "invasion", "viability", "survival", "metastasis", "colony",
        "colonies", "tumorigenesis", "tumorigenicity", "invasiveness", "clonogenicity",
    ]

    /// What a drug induces in diseased cells.
    static let cellDeathNouns: WordSet = ["apoptosis", "death", "arrest", "autophagy", "necrosis", "cytotoxicity"]

    /// Nouns after the condition: "glioma cells", "lung cancer cell lines", "tumor xenografts".
    static let cellNouns: WordSet = ["cells", "cell", "lines", "line", "xenografts", "xenograft"]

    /// Verbs of a dosed drug before "for": "daptomycin 9 mg/kg daily was initiated for meningitis".
    static let givenVerbs: WordSet = [
        "initiated", "started", "given", "administered", "prescribed", "used", "continued", "employed",
        "introduced", "added", "instituted", "chosen", "selected", "recommended", "begun", "commenced",
    ]

    /// Nouns after which a participle cue is an adjective ("treated patients", "managed cases").
    static let participleNouns = WordSet(Lexical.population.union([
        "mice", "rats", "animals", "group", "groups", "cells", "dogs", "rabbits", "monkeys", "cultures", "tissue",
    ]))

    /// Nouns after a condition that make it a measure ("pain scores", "pain intensity").
    static let measureNouns: WordSet = [
        "scores", "score", "intensity", "ratings", "rating", "levels", "level", "perception", "threshold",
        "thresholds", "sensitivity", "scale", "index", "duration", "durations",
        "latency", "quality", "frequency", "severity", "rate", "rates", "time", "times", "incidence", "volume",
    ]

    /// Words of a study of a drug given in a disease model: "effect of X on Z-induced Y", "mice
    /// pretreated with X in Z-induced Y".
    static let modelStudyWords: WordSet = [
        "effect", "effects", "role", "influence", "action", "actions", "pretreated", "pre-treated", "pretreatment",
        "pre-treatment", "treated", "treatment", "administration", "supplementation",
    ]

    /// Verbs of making a harm worse: "X potentiated Z-induced catalepsy".
    static let worseningVerbs: WordSet = [
        "potentiated", "potentiates", "potentiate", "potentiating", "enhanced", "enhances", "enhance", "enhancing",
        "augmented", "augments", "augment", "prolonged", "prolongs", "facilitated", "facilitates", "accelerated",
        "accelerates", "intensified", "intensifies", "promoted", "promotes", "did", "failed", "not",
    ]

    /// Verbs of a disease model's inducer: "isoproterenol induced myocardial infarction".
    static let modelInducingVerbs: WordSet = ["induced", "evoked", "elicited", "triggered", "produced", "provoked"]

    /// Measure nouns whose fall is the condition's relief: "decreased convulsion incidence and
    /// severity", "reduced pain scores" (a fall of a "threshold" or "latency" is not).
    static let reliefMeasures: WordSet = [
        "scores", "score", "intensity", "ratings", "rating", "frequency", "severity", "incidence", "duration",
        "durations", "volume",
    ]

    /// Nouns of a course of treatment after "received": "received triple therapy with X".
    static let receivedTreatments: WordSet = [
        "therapy", "treatment", "chemotherapy", "regimen", "monotherapy", "prophylaxis", "treatments", "therapies",
    ]


    /// Efficacy words that complete "in patients with Y, X …" ("reduced", "relief", "effective").
    static let efficacyPrefixes = PrefixList([
        "reliev", "relief", "reduc", "improv", "alleviat", "amelior", "attenuat", "benefi", "prevent",
        "respond", "response", "remission", "cure", "cured", "successful", "control", "effective", "efficac",
        "useful", "helpful", "treat",
    ])

    /// Verbs of taking a drug: "takes warfarin for …", "for which she takes propranolol".
    static let takeVerbs: WordSet = [
        "take", "takes", "taking", "took", "taken", "started", "starting", "began", "begun", "begin", "given",
        "receives", "receiving", "received", "receive", "uses", "using", "on", "continue", "continues",
        "continued", "continuing", "restarted", "resumed", "require", "requires", "required", "needs", "needed",
    ]

    /// Words of a dose between a drug and "for": "5 mg daily", "1000 mg twice daily", "as needed".
    static let doseWords: WordSet = [
        "mg", "g", "mcg", "µg", "ug", "ml", "units", "unit", "iu", "daily", "once", "twice", "three", "four", "times",
        "a", "per", "day", "days", "weekly", "nightly", "hourly", "at", "bedtime", "orally", "po", "iv", "im", "sc",
        "bid", "tid", "qid", "qd", "qhs", "prn", "as", "needed", "every", "hours", "h", "tablet", "tablets",
        "capsule", "capsules", "oral", "dose", "doses", "kg", "mg/kg", "morning", "evening", "night", "with",
        "meals", "by", "mouth", "(", ")", ",",
    ]

    /// Passive verbs of "Y was treated with X".
    static let passiveVerbs: WordSet = [
        "treated", "managed", "controlled", "prevented", "relieved", "alleviated", "improved",
        "ameliorated", "reversed", "cured", "attenuated", "suppressed", "resolved", "abolished",
    ]

    /// Auxiliaries and adverbs allowed between a condition and its passive verb.
    static let auxiliaries: WordSet = [
        "is", "are", "was", "were", "be", "been", "being", "can", "may", "might", "could", "should",
        "often", "commonly", "successfully", "effectively", "frequently", "usually", "typically", "also",
        "best", "further", "well", "not", "never", "only", "sometimes", "generally", "primarily", "mainly",
        "rapidly", "completely", "partially", "significantly", "markedly", "largely", "then",
    ]

    /// Population phrases before the condition: "patients with", "individuals suffering from".
    static let population: [CuePattern] = [
        CuePattern(
            "patients|patient|individuals|people|persons|subjects|adults|children|adolescents|women|men|man|woman|boy|girl|child|those|participants|cases|sufferers|infants with|having"
        ),
        CuePattern(
            "patients|patient|individuals|people|persons|subjects|adults|children|adolescents|women|men|man|woman|boy|girl|child|those|participants|cases suffering|affected|diagnosed|afflicted|presenting from|by|with"
        ),
        CuePattern(
            "patients|patient|individuals|people|persons|subjects|adults|children|adolescents|women|men|man|woman|boy|girl|child|those|participants who|that have|had|has|suffer|suffered|present|presented from?|with?"
        ),
    ]

    /// Qualifier cues, scanned from the clause start to the object: the last one seen wins.
    static let qualifiers: [(pattern: CuePattern, qualifier: String)] = [
        (CuePattern("off-label|offlabel|unlabeled|unlabelled|unlicensed|unapproved|non-approved"), "off_label"),
        (CuePattern("not approved|licensed|labeled|labelled"), "off_label"),
        (CuePattern("off label"), "off_label"),
        (CuePattern("adjunct|adjunctive|adjuvant|add-on|augmentation|adjuncts"), "adjunct"),
        (CuePattern("add on"), "adjunct"),
        (
            CuePattern(
                "prevent|prevents|prevented|preventing|prevention|preventive|preventative|prophylaxis|prophylactic|prophylactically|chemoprophylaxis|chemopreventive|chemoprevention"
            ), "prophylaxis"
        ),
        (CuePattern("protects|protect|protected|protecting|protective|protection against|from"), "prophylaxis"),
        (
            CuePattern(
                "reduce|reduces|reduced|reducing|lower|lowers|lowering|decrease|decreases the? risk|incidence|likelihood|occurrence|recurrence|frequency of"
            ), "prophylaxis"
        ),
        (CuePattern("approved|approval|licensed|fda-approved|first-line|firstline"), "primary"),
        (CuePattern("indicated|labeled|labelled for|in|as|to"), "primary"),
        (CuePattern("first line"), "primary"),
        (
            CuePattern("primary|main|principal|major|approved|labeled|licensed indication|indications|use|uses"),
            "primary"
        ),
        (CuePattern("drug|treatment|agent|therapy of choice"), "primary"),
    ]

    /// Where a qualifier cue may start (``qualifiers``).
    static let qualifierHeads = HeadFilter(qualifiers.map(\.pattern))

    /// The words of the first step of every qualifier cue, when each cue starts with a required
    /// step of words only (nil otherwise): a cue starts only at one of them.
    static let qualifierStarts: WordSet? = {
        var words: [String] = []
        for entry in qualifiers {
            guard let first = entry.pattern.steps.first, !first.optional, first.prefixes.isEmpty else { return nil }
            words += Array(first.words)
        }
        return WordSet(words)
    }()

    /// Words after the object that make it prophylaxis: "migraine prophylaxis".
    static let prophylaxisAfter: WordSet = ["prophylaxis", "prevention", "prophylactic"]
}
