import Foundation
import Testing

@testable import PharmineIngest

@Suite("Clinical sectionizer")
struct ClinicalSectionizerTests {
    private func labels(_ text: String) -> [String] {
        ClinicalSectionizer.sections(in: Array(text.utf8)).map(\.label)
    }

    private func headers(_ text: String) -> [String] {
        ClinicalSectionizer.headers(in: Array(text.utf8)).map(\.text)
    }

    @Test(arguments: [
        // Run together after a full stop, as transcribed notes are.
        ("ALLERGIES: None.MEDICATIONS: Aspirin.", ["ALLERGIES", "MEDICATIONS"]),
        // A colon after a colon is a value, not a header.
        ("VITAL SIGNS: BP: 120/80, HR: 72.", ["VITAL SIGNS"]),
        // Fewer than three capitals and not a medspaCy literal.
        ("Stable. BP: 120/80.", []),
        // medspaCy literals need no capitals; mid-sentence words are not headers.
        ("Past Medical History: asthma. The past medical history: none.", ["Past Medical History"]),
        ("HPI: cough. PE: clear lungs.", ["HPI", "PE"]),
        // List numbering and bullets before a header.
        ("1. DIAGNOSIS: pneumonia\n- PLAN: antibiotics", ["DIAGNOSIS", "PLAN"]),
        // A value in capitals before a header: the longest medspaCy literal is taken.
        ("ALLERGIES: NKDA SOCIAL HISTORY: none", ["ALLERGIES", "SOCIAL HISTORY"]),
        // Lower case in the run: no header; times and URLs neither.
        ("Seen at 10:30 by Dr. X; see https://example.org for NOTES: none", []),
        // A line holding only a medspaCy literal without a colon.
        ("Allergies\nPenicillin\nPHYSICAL EXAMINATION\nNormal.", ["Allergies", "PHYSICAL EXAMINATION"]),
        // Glued to a colon: a header; after a colon and a space it is a value, as above.
        ("PHYSICAL EXAMINATION:VITAL SIGNS: Stable.", ["PHYSICAL EXAMINATION", "VITAL SIGNS"]),
        ("DIAGNOSES:AXIS I:1. Bipolar disorder.", ["DIAGNOSES", "AXIS I"]),
        // Glued to a lower-case word of three letters or more.
        (
            "chronic otitis mediaANESTHESIA: General maskNAME OF OPERATION: Myringotomy",
            ["ANESTHESIA", "NAME OF OPERATION"]
        ),
        // Units are not words: "fL", "mg/dL"; fewer than two capitals at the start neither.
        ("Volume 86.5 fL RDW: 18%. Glucose 105 mg/dLCHEM: normal. typeIA: x", []),
        // A glued run that is not a medspaCy literal gives way to the literal inside it.
        ("ALLERGIES:NKDA SOCIAL HISTORY: none", ["ALLERGIES", "SOCIAL HISTORY"]),
    ])
    func headersAreFound(text: String, expected: [String]) {
        #expect(headers(text) == expected)
    }

    @Test func labelsAreCategoriesOrSnakeCase() {
        #expect(
            labels("Intro. HISTORY OF PRESENT ILLNESS: x. IMPRESSION: y. ADMITTING DIAGNOSIS: z. A/P: w.")
                == [
                    "text", "history_of_present_illness", "observation_and_plan", "admitting_diagnosis",
                    "observation_and_plan",
                ]
        )
        // First rule wins where medspaCy has two categories for one literal (ALLERGIES:/Allergies).
        #expect(labels("Allergies: none") == ["allergy"])
        #expect(ClinicalSectionizer.slug("S/P CABG (2019)") == "s_p_cabg_2019")
    }

    @Test func emptySectionsAreDropped() {
        let sections = ClinicalSectionizer.sections(in: Array("PROCEDURES:\nFINDINGS: normal".utf8))
        #expect(sections.map(\.label) == ["labs_and_studies"])
        #expect(sections.first?.header?.text == "FINDINGS")
        // Their headers are kept as the next section's parents.
        #expect(sections.first?.parents.map(\.text) == ["PROCEDURES"])
        let chain = ClinicalSectionizer.sections(
            in: Array("Seen today.POST-OP PLAN:DISCHARGE ORDERS:DISPOSITION: Home. PLAN: Rest.".utf8)
        )
        #expect(chain.map(\.label) == ["text", "disposition", "plan"])
        #expect(chain[1].parents.map(\.text) == ["POST-OP PLAN", "DISCHARGE ORDERS"])
        #expect(chain[2].parents.isEmpty)
    }

    @Test(
        .enabled(
            if: IngestTestSupport.sharedExists("sources/context-cues/medspacy_section_patterns_en.json"),
            "../shared/sources/context-cues is absent"
        )
    )
    func tableMatchesMedspacyFile() throws {
        let path = IngestTestSupport.sharedPath("sources/context-cues/medspacy_section_patterns_en.json")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
        let rules = try #require((object as? [String: Any])?["section_rules"] as? [[String: Any]])
        let fromFile = rules.map { "\($0["literal"] ?? "")\t\($0["category"] ?? "")" }
        let inCode = ClinicalSectionizer.medspacyRules.map { "\($0.literal)\t\($0.category)" }
        #expect(fromFile == inCode)
    }
}
