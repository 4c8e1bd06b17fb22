"""Speed work must change no finding: time the offline check (in this process, one core) of the 15 articles and
of a contiguous slice of the Anarchism full history (distinct revisions), and print seconds, MB/s and a digest
of the findings (rule, place, message, severity), to compare before and after a change.

    python bench/bench_slice.py [--start 10000] [--count 200] [--rounds 2]

Digests at the end of 2026-12-01: 15 articles 236 findings d8335d62d2280f37; --start 10000: 1047 findings
873c6bab8db03f31; --start 13000: 1051 a6c5528ae67d6175; --start 7000 --count 400: 311 a679e850c41fe5ed.
Memos stay warm from one round (and one revision) to the next, as in a real history run."""
import argparse
import hashlib
import json
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.chdir(REPO)
from citelint.dumps import iter_dump
from citelint.engine import check_document
from citelint.model import Document
from citelint.settings import Settings

ap = argparse.ArgumentParser()
ap.add_argument("--start", type=int, default=10000)
ap.add_argument("--count", type=int, default=200)
ap.add_argument("--rounds", type=int, default=2)
a = ap.parse_args()
D = "tests/data/corpus/xml/wikiwho__Anarchism_full_history_15180revs.xml.lzma"
docs = []
seen = set()
for i, d in enumerate(iter_dump(D, all_revisions=True)):
    if i < a.start:
        continue
    if i >= a.start + a.count:
        break
    if d.text in seen:   # exact repeats are answered without a check by the real run
        continue
    seen.add(d.text)
    docs.append(d)
files = sorted(Path("tests/data/corpus/wikitext").glob("*.wiki"))
arts = [Document(str(p), p.read_text(encoding="utf-8"), "wikitext") for p in files]
s = Settings()

def digest(fs):
    h = hashlib.sha256()
    for f in fs:
        h.update(json.dumps([f.rule, f.line, f.column, f.end_line, f.end_column, f.message, f.severity.name if hasattr(f.severity, "name") else str(f.severity)]).encode())
    return h.hexdigest()[:16]

for label, group in (("15 articles", arts), (f"Anarchism revs {a.start}..{a.start + a.count} ({len(docs)} distinct)", docs)):
    mb = sum(len(d.text.encode()) for d in group) / 1e6
    best = None
    for _ in range(a.rounds):
        t0 = time.perf_counter()
        fs = [f for d in group for f in check_document(d, s)]
        t = time.perf_counter() - t0
        best = t if best is None else min(best, t)
    print(f"{label}: {mb:.1f} MB, best {best:.2f} s = {mb / best:.2f} MB/s; {len(fs)} findings, digest {digest(fs)}")
