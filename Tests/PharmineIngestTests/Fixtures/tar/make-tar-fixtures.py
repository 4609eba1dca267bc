#!/usr/bin/env python3
"""Writes the tar-archive fixtures of PharmineIngestTests (run once from any folder).

Every text here is written by the Pharmine authors; patients and articles are invented.
The archives are deterministic: fixed mtimes, owners and gzip headers.
"""
import gzip
import io
import os
import random
import tarfile
import zlib

here = os.path.dirname(os.path.abspath(__file__))


def info(name, data=b"", kind=tarfile.REGTYPE, link=""):
    entry = tarfile.TarInfo(name)
    entry.type = kind
    entry.size = len(data) if kind in (tarfile.REGTYPE, b"Z") else 0
    entry.mtime = 1700000000
    entry.mode = 0o755 if kind == tarfile.DIRTYPE else 0o644
    entry.uname = entry.gname = "pharmine"
    entry.linkname = link
    return entry


def tar_bytes(entries, fmt=tarfile.PAX_FORMAT, pax_headers=None):
    """entries: (name, data) for files, (name, None) for directories, (name, ("sym"|"hard"|type, target|data))."""
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w", format=fmt, pax_headers=pax_headers or {}) as archive:
        for name, data in entries:
            if data is None:
                archive.addfile(info(name, kind=tarfile.DIRTYPE))
            elif isinstance(data, tuple):
                what, value = data
                if what == "sym":
                    archive.addfile(info(name, kind=tarfile.SYMTYPE, link=value))
                elif what == "hard":
                    archive.addfile(info(name, kind=tarfile.LNKTYPE, link=value))
                else:
                    archive.addfile(info(name, value, kind=what), io.BytesIO(value))
            else:
                data = data.encode() if isinstance(data, str) else data
                archive.addfile(info(name, data), io.BytesIO(data))
    return out.getvalue()


def write(name, data):
    with open(os.path.join(here, name), "wb") as f:
        f.write(data)


def pubmed(*articles):
    body = "".join(
        f"<PubmedArticle><MedlineCitation Status=\"MEDLINE\" Owner=\"NLM\"><PMID Version=\"1\">{pmid}</PMID>"
        f"<Article><Journal><Title>Invented Journal of Tests</Title></Journal>"
        f"<ArticleTitle>{title}</ArticleTitle><Abstract><AbstractText>{abstract}</AbstractText></Abstract>"
        f"</Article></MedlineCitation></PubmedArticle>\n"
        for pmid, title, abstract in articles
    )
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<PubmedArticleSet>\n{body}</PubmedArticleSet>\n'


long_folder = "notes/" + "a-folder-name-long-enough-to-need-a-pax-path-record/" * 2
# A ustar name longer than 100 bytes: split into the prefix and name fields.
inner = tar_bytes(
    [("inner/" + "ustar-prefix-folder/" * 6 + "note.txt", "Clopidogrel inhibits the P2Y12 receptor.\n")],
    fmt=tarfile.USTAR_FORMAT,
)

# notes.tar: pax/ustar, one member of each kind the reader must handle.
write("notes.tar", tar_bytes([
    ("notes", None),
    ("notes/cardiology", None),
    ("notes/cardiology/case 1.txt",
     "HISTORY OF PRESENT ILLNESS: Palpitations for two weeks.\nMEDICATIONS: Metoprolol 25 mg twice daily.\n"),
    ("notes/case.2019.txt", "Sumatriptan relieved the migraine within an hour.\n"),
    ("notes/latest.txt", ("sym", "case.2019.txt")),
    ("notes/copy.txt", ("hard", "notes/case.2019.txt")),
    ("notes/abstracts.medline",
     "PMID- 90000101\nTI  - Lisinopril lowers blood pressure in an invented trial.\nAB  - It did.\n\n"
     "PMID- 90000102\nTI  - Atorvastatin and LDL cholesterol.\nMH  - *Atorvastatin/therapeutic use\n"),
    ("notes/pubmed.xml", pubmed(("90000103", "Warfarin and vitamin K.", "An invented abstract."),
                                ("90000104", "Aspirin for pain.", "Another invented abstract."))),
    ("notes/empty.txt", b""),
    (long_folder + "naproxen é.txt", "Naproxen relieves dysmenorrhoea.\n"),
    ("notes/compressed.txt.gz", gzip.compress(b"Omeprazole inhibits the gastric proton pump.\n", mtime=0)),
    ("notes/inner.tar", inner),
    ("notes/image.png", bytes.fromhex("89504e470d0a1a0a0000000d49484452")),
    ("notes/last.pubtator", "90000105|t|Metformin for type 2 diabetes.\n90000105|a|Invented.\n\n"),
]))

# gnu.tar.gz: GNU format (long names in 'L' entries), gzipped.
gnu = tar_bytes([
    ("gnu", None),
    ("gnu/" + "a-gnu-folder-name-long-enough-for-an-L-entry/" * 3 + "warfarin.txt",
     "Warfarin is a vitamin K antagonist.\n"),
    ("gnu/short.txt", "Heparin potentiates antithrombin.\n"),
], fmt=tarfile.GNU_FORMAT)
write("gnu.tar.gz", gzip.compress(gnu, mtime=0))

# odd-types.tar: a pax global header, an entry of an unknown type ('Z', with data), then a file.
write("odd-types.tar", tar_bytes([
    ("odd/strange.bin", (b"Z", b"data of an entry type Pharmine does not know\n")),
    ("odd/after.txt", "Ibuprofen inhibits cyclooxygenase.\n"),
], pax_headers={"comment": "a global header"}))

# Words for notes whose gzip size grows evenly with their length.
rng = random.Random(7)
words = ["metformin", "lisinopril", "dose", "patient", "daily", "renal", "hepatic", "mg", "reduced", "pain",
         "warfarin", "bleeding", "INR", "stable", "follow-up", "week", "increase", "tablet", "oral", "the"]


def note(count):
    return " ".join(rng.choice(words) for _ in range(count)) + ".\n"


three = tar_bytes([("a.txt", note(400)), ("b.txt", note(400)), ("c.txt", note(400))], fmt=tarfile.USTAR_FORMAT)
# truncated.tar: cut in the middle of b.txt's data (header a, data a, header b, half of b).
members = tarfile.open(fileobj=io.BytesIO(three)).getmembers()
b = members[1]
write("truncated.tar", three[: b.offset_data + b.size // 2])

# truncated.tar.gz: the gzip stream of the same archive, cut so that the data stops inside b.txt.
whole = gzip.compress(three, mtime=0)
for cut in range(len(whole) // 4, len(whole)):
    got = len(zlib.decompressobj(31).decompress(whole[:cut]))
    if got > b.offset_data + b.size // 2:
        break
assert b.offset_data < got < b.offset_data + b.size, "the cut must land inside b.txt"
write("truncated.tar.gz", whole[:cut])

# truncated-xml.tar: a MEDLINE XML member cut inside its third article.
xml = pubmed(*[(f"9000020{n}", f"Invented title {n}.", note(60).strip()) for n in range(1, 4)]).encode()
xml_tar = tar_bytes([("set.xml", xml), ("after.txt", "Never reached.\n")], fmt=tarfile.USTAR_FORMAT)
member = tarfile.open(fileobj=io.BytesIO(xml_tar)).getmembers()[0]
third = xml.index(b"<PubmedArticle>", xml.index(b"90000203") - 200)
write("truncated-xml.tar", xml_tar[: member.offset_data + third + 40])

# bad-checksum.tar: the second header's checksum is broken.
damaged = bytearray(three)
damaged[b.offset + 148] = ord("7") if damaged[b.offset + 148] != ord("7") else ord("6")
write("bad-checksum.tar", bytes(damaged))

# no-end.tar: one member and no end-of-archive blocks.
one = tar_bytes([("only.txt", "Ramipril is an ACE inhibitor.\n")], fmt=tarfile.USTAR_FORMAT)
write("no-end.tar", one[: 512 + 512])
