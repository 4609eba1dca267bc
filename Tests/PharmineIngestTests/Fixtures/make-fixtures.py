#!/usr/bin/env python3
"""Writes the bad-input and text-format fixtures of PharmineIngestTests (run once from this folder).

Every text here is written by the Pharmine authors; patients and articles are invented.
"""
import gzip
import os

here = os.path.dirname(os.path.abspath(__file__))


def write(name, data):
    path = os.path.join(here, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


# Bad inputs.
write("bad/empty.txt", b"")
write("bad/blank.txt", b"  \n\t\n")
# A PNG signature and the start of an IHDR chunk: NUL bytes.
write("bad/image.txt", bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"))
text = "".join(f"Line {n}: metformin is used for type 2 diabetes.\n" for n in range(1, 400)).encode()
whole = gzip.compress(text, mtime=0)
write("bad/truncated.txt.gz", whole[: len(whole) // 2])
write("bad/whole.txt.gz", whole)
# Longer than the detector's 64 KiB prefix, cut 20 bytes short: the error comes while streaming lines.
dump = "".join(f"{n}\tLine about propranolol and migraine prophylaxis.\n" for n in range(1, 5001)).encode()
late = gzip.compress(dump, mtime=0)
write("bad/truncated-late.txt.gz", late[:-20])
# Latin-1 bytes (0xE9 = e acute) on line 3.
write("bad/latin1.txt", b"First line.\nSecond line.\nCaf\xe9 au lait spots were noted.\nLast line.\n")
write("bad/unknown-root.xml", '<?xml version="1.0"?>\n<html><body>Not a supported root.</body></html>\n')

# A directory to walk.
for name in ["walk/b.txt", "walk/a.pubtator", "walk/sub/c.medline", "walk/sub/d.xml.gz", "walk/.hidden.txt",
             "walk/README.md", "walk/notes"]:
    write(name, "x\n")

# Plain text: a clinical note in the run-together style of transcribed notes (invented patient).
write(
    "text/discharge-note.txt",
    "Medical Specialty:Discharge Summary\n"
    "Sample Name: Pneumonia - Discharge Summary\n"
    "(Invented note for Pharmine tests)\n"
    "ADMITTING DIAGNOSIS: Community-acquired pneumonia.DISCHARGE DIAGNOSIS: Resolving pneumonia."
    "HISTORY OF PRESENT ILLNESS: The patient is a 64-year-old man with three days of fever (38.9 °C) and a "
    "productive cough. He was started on ceftriaxone and azithromycin.PAST MEDICAL HISTORY: Type 2 diabetes "
    "mellitus treated with metformin. Hypertension.\n"
    "MEDICATIONS: Metformin 500 mg twice daily, lisinopril 10 mg daily.\n"
    "ALLERGIES: NKDA SOCIAL HISTORY: Former smoker.\n"
    "VITAL SIGNS: BP: 132/80, pulse 88.\n"
    "ASSESSMENT AND PLAN: Continue oral amoxicillin–clavulanate for five days.\n"
    "Discharge Instructions: Return if the fever comes back.\n",
)
# CRLF line ends and a byte order mark; a lone CR on the last line.
write("text/crlf.txt", b"\xef\xbb\xbfMEDICATIONS: aspirin\r\n81 mg daily.\r\nALLERGIES: none.\rEnd.")
# No headers at all.
write("text/plain.txt", "Sumatriptan relieves acute migraine attacks.\n\nIt is a serotonin 5-HT1B/1D agonist.\n")
# One document per line.
write(
    "text/lines.txt",
    "90000001\tPropranolol for migraine prophylaxis.\tPropranolol reduced attack frequency.\n"
    "\n"
    "Gabapentin relieves postherpetic neuralgia.\n"
    "90000002\t\n"
    "Omeprazole inhibits the gastric H+/K+ ATPase.\r"
    "Sertraline inhibits the serotonin transporter.\n"
    "   \n"
    "Bad byte \xff here.\n".encode("latin-1").replace(b"\xc3\xbf", b"\xff")
    + "Haloperidol blocks dopamine D2 receptors — strongly.".encode("utf-8"),
)

# MEDLINE text format: two good records, one without a PMID, one with a bad line, one after it.
write(
    "medline/sample.medline",
    "\n"
    "PMID- 90000011\n"
    "OWN - NLM\n"
    "DP  - 2019 Mar 4\n"
    "TI  - Metformin as first-line therapy for type 2 diabetes: an invented\n"
    "      review.\n"
    "LID - 10.9999/pharmine.2019.011 [doi]\n"
    "AB  - BACKGROUND: Metformin lowers hepatic glucose output. CONCLUSIONS: It\n"
    "      remains the first-line drug for type 2 diabetes.\n"
    "FAU - Example, Ann\n"
    "PT  - Journal Article\n"
    "PT  - Review\n"
    "TA  - Invented J Pharmacol\n"
    "JT  - Invented journal of pharmacology\n"
    "MH  - Diabetes Mellitus, Type 2/*drug therapy\n"
    "MH  - Humans\n"
    "MH  - *Metformin/therapeutic use\n"
    "RN  - 0 (Hypoglycemic Agents)\n"
    "RN  - 9100L32L2N (Metformin)\n"
    "OT  - biguanide\n"
    "PMC - PMC9000011\n"
    "\n"
    "PMID- 90000012\n"
    "DP  - Winter 2020\n"
    "TI  - Clarithromycin raises simvastatin exposure.\n"
    "AID - S0000-0000(20)00012-X [pii]\n"
    "AID - 10.9999/pharmine.2020.012 [doi]\n"
    "NM  - simvastatin\n"
    "RN  - 0 (Receptors, Serotonin, 5-HT1)\n"
    "\n"
    "TI  - A record that lost its PMID line.\n"
    "\n"
    "PMID- 90000013\n"
    "TI  - A record with a line that is not a field.\n"
    "this line is not a MEDLINE field\n"
    "PMID- 90000014\n"
    "TI  - Sertraline inhibits the serotonin transporter (SERT) – invented.\n"
    "AB  - No abstract text beyond this sentence.\n"
    "\n"
    "PMID- 90000015\n"
    "OWN - NLM\n",
)

# PubTator: a good document (non-ASCII title, composite ids, tmVar id, relations with a novelty
# column), a document with a broken annotation line, and a good one after it.
t1 = "Fluoxetine raises nortriptyline levels via CYP2D6 – a case."
a1 = "A patient on fluoxetine developed high nortriptyline and desipramine levels (𝛥 = 2-fold); CYP2D6 c.100C>T was found."
full1 = t1 + " " + a1


def ann(pmid, full, text, typ, ids, occurrence=0, extra=None):
    start = -1
    for _ in range(occurrence + 1):
        start = full.index(text, start + 1)
    cols = [pmid, str(start), str(start + len(text)), text, typ, ids] + ([extra] if extra else [])
    return "\t".join(cols) + "\n"


pub = f"90000021|t|{t1}\n90000021|a|{a1}\n"
pub += ann("90000021", full1, "Fluoxetine", "Chemical", "D005473")
pub += ann("90000021", full1, "CYP2D6", "Gene", "1565")
pub += ann("90000021", full1, "fluoxetine", "Chemical", "MESH:D005473")
pub += ann("90000021", full1, "nortriptyline and desipramine", "Chemical", "D009661|D003891",
           extra="nortriptyline|desipramine")
pub += ann("90000021", full1, "CYP2D6", "Gene", "1565;1576", occurrence=1)
pub += ann("90000021", full1, "c.100C>T", "SequenceVariant", "c|SUB|C|100|T")
pub += "90000021\tDrug_Interaction\tD005473\tD009661\tNovel\n"
pub += "90000021\tCID\tD005473\tD003891\n"
pub += "\n"
pub += "90000022|t|Warfarin with aspirin increases bleeding risk.\n90000022|a|An invented abstract.\n"
pub += "90000022\t0\t8\tWarfarin\tChemical\tD014859\n"
pub += "90000022\t14\t99\taspirin\tChemical\tD001241\n"
pub += "\n"
t3 = "Salbutamol is a beta-2 adrenergic receptor agonist."
pub += f"90000023|t|{t3}\n90000023|a|\n"
pub += ann("90000023", t3, "Salbutamol", "Chemical", "D000420")
write("pubtator/sample.pubtator", pub)
