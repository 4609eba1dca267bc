import PharmineText
import Testing

@Suite struct NormalizerTests {
    let normalizer = Normalizer()

    @Test(arguments: [
        // Case
        ("Amitriptyline", "amitriptyline"),
        ("CYP2D6", "cyp2d6"),
        // Greek: the symbol and the spelled name share a key, in either case.
        ("β", "beta"),
        ("Β", "beta"),
        ("beta", "beta"),
        ("Beta", "beta"),
        ("α", "alpha"),
        ("TNFα", "tnfalpha"),
        ("β2", "beta2"),
        ("µ", "mu"),
        ("μ", "mu"),
        ("κ", "kappa"),
        // Diacritics, ligatures, sub/superscripts
        ("Sjögren", "sjogren"),
        ("Barré", "barre"),
        ("e\u{301}", "e"),
        ("H₁", "h1"),
        ("œdema", "edema"),
        // British / American
        ("anaemia", "anemia"),
        ("Anaemias", "anemia"),
        ("oesophagus", "esophagus"),
        ("oedema", "edema"),
        ("tumour", "tumor"),
        ("tumours", "tumor"),
        ("tumourigenesis", "tumorigenesis"),
        ("behavioural", "behavioral"),
        ("haemorrhage", "hemorrhage"),
        ("ischaemic", "ischemic"),
        ("leukaemia", "leukemia"),
        ("leucaemia", "leukemia"),
        ("leucopenia", "leukopenia"),
        ("diarrhoea", "diarrhea"),
        ("dyspnoea", "dyspnea"),
        ("oestrogens", "estrogen"),
        ("paediatric", "pediatric"),
        ("anaesthesia", "anesthesia"),
        ("coeliac", "celiac"),
        ("foetal", "fetal"),
        ("sulphate", "sulfate"),
        ("sulphasalazine", "sulfasalazine"),
        ("aluminium", "aluminum"),
        ("hospitalisation", "hospitalization"),
        ("sensitised", "sensitized"),
        ("analyse", "analyze"),
        ("centre", "center"),
        ("fibres", "fiber"),
        ("analogue", "analog"),
        ("analogues", "analog"),
        ("ageing", "aging"),
        // Words that look British but are not
        ("four", "four"),
        ("hour", "hour"),
        ("course", "course"),
        ("leucine", "leucine"),
        ("does", "doe"),
        // Plural → singular
        ("migraines", "migraine"),
        ("neuropathies", "neuropathy"),
        ("receptors", "receptor"),
        ("diseases", "disease"),
        ("headaches", "headache"),
        ("patches", "patch"),
        ("abscesses", "abscess"),
        ("rashes", "rash"),
        ("flushes", "flush"),
        ("reflexes", "reflex"),
        ("viruses", "virus"),
        ("sinuses", "sinus"),
        ("causes", "cause"),
        ("arrhythmias", "arrhythmia"),
        ("NSAIDs", "nsaid"),
        ("SSRIs", "ssri"),
        ("analyses", "analysis"),
        ("arthritides", "arthritis"),
        ("metastases", "metastasis"),
        ("psychoses", "psychosis"),
        ("emboli", "embolus"),
        ("bacteria", "bacterium"),
        ("vertebrae", "vertebra"),
        ("sequelae", "sequela"),
        ("Crohns", "crohn"),
        // Singular words ending in s stay
        ("AIDS", "aids"),
        ("aids", "aids"),
        ("diabetes", "diabetes"),
        ("herpes", "herpes"),
        ("analysis", "analysis"),
        ("mellitus", "mellitus"),
        ("virus", "virus"),
        ("illness", "illness"),
        ("measles", "measles"),
        ("rabies", "rabies"),
        ("series", "series"),
        ("pancreas", "pancreas"),
        ("news", "news"),
        ("feces", "feces"),
        ("faeces", "feces"),
        ("Rosaceae", "rosaceae"),
        // Short words are not touched
        ("has", "has"),
        ("its", "its"),
        ("was", "was"),
        // Numbers and punctuation pass through
        ("5.2", "5.2"),
        ("1990s", "1990s"),
        ("-", "-"),
        ("/", "/"),
    ])
    func keys(token: String, key: String) {
        #expect(normalizer.key(token) == key)
    }

    @Test func keyIsIdempotent() {
        for word in ["neuropathies", "anaemias", "tumours", "blockers", "migraines", "Sjögren", "diabetes", "AIDS"] {
            let once = normalizer.key(word)
            #expect(normalizer.key(once) == once, "\(word)")
        }
    }

    @Test func capacityIsEnoughForGreekExpansion() {
        // "ε" is 2 bytes and becomes 7 ("epsilon").
        let word = String(repeating: "ε", count: 40)
        #expect(normalizer.key(word) == String(repeating: "epsilon", count: 40))
    }
}
