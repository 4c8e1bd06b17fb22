"""Compare the citation scanner with the full parser on every revision of a dump (default: the whole
Anarchism history in tests/data), as tests/test_scanner_diff.py does on a sample: the same citation model
and the same findings (rule, severity, line, column, end, message, fingerprint), revision by revision.

    python scripts/scanner_diff.py [--jobs 2] [--step 1] [--start 0] [--count N] [DUMP]

Prints the revisions compared, how many the scanner read itself (the rest it handed whole to the full
parser), the findings, and every mismatch; exits 1 if there is one.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from multiprocessing import Pool
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT = REPO / "tests" / "data" / "corpus" / "xml" / "wikiwho__Anarchism_full_history_15180revs.xml.lzma"


def compare(item):
    revision, text = item
    from citelint.engine import Parsed, check_document, parse_document
    from citelint.model import Document
    from citelint.parsers.scanner import Ambiguous, _Scanner
    from citelint.parsers.templates import default_table
    from citelint.settings import Settings

    table = default_table()
    try:
        _Scanner(text, table).run()
        own = True
    except Ambiguous:
        own = False
    models, out = [], []
    for parser in ("full", "scan"):
        settings = Settings(parser=parser)
        doc = Document(path="page.wiki", text=text, kind="wikitext", page="Anarchism", revision=revision)
        model = parse_document(doc, settings)
        models.append(model)
        out.append([(f.rule, f.severity, f.line, f.column, f.end_line, f.end_column, f.message, f.fingerprint)
                    for f in check_document(Parsed(doc, model), settings)])
    full, scan = models
    return revision, own, full == scan, out[0] == out[1], len(out[0])


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("dump", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--step", type=int, default=1, help="compare every STEP-th revision (default: all)")
    ap.add_argument("--start", type=int, default=0, help="skip the first START revisions (a slice, as "
                    "bench/bench_slice.py takes one)")
    ap.add_argument("--count", type=int, default=None, help="compare only the COUNT revisions from START")
    args = ap.parse_args()
    from citelint.dumps import iter_dump

    def items():
        seen = set()
        for i, doc in enumerate(iter_dump(str(args.dump), all_revisions=True)):
            if i < args.start:
                continue
            if args.count is not None and i >= args.start + args.count:
                break
            if (i - args.start) % args.step:
                continue
            key = hashlib.blake2b(doc.text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
            if key not in seen:
                seen.add(key)
                yield doc.revision, doc.text

    t0 = time.perf_counter()
    n = own = findings = 0
    bad = []
    with Pool(args.jobs) as pool:
        for revision, scanned, same_model, same_findings, count in pool.imap(compare, items(), chunksize=8):
            n += 1
            own += scanned
            findings += count
            if n % 500 == 0:
                print(f"  … {n} revisions, {own} by the scanner, {len(bad)} mismatches, "
                      f"{time.perf_counter() - t0:.0f} s", flush=True)
            if not (same_model and same_findings):
                bad.append(revision)
                print(f"MISMATCH revision {revision}: model {'same' if same_model else 'differs'}, findings "
                      f"{'same' if same_findings else 'differ'}", flush=True)
    where = f"revisions {args.start}..{args.start + args.count}, " if args.count is not None else (
        f"from revision {args.start}, " if args.start else "")
    print(f"{args.dump.name}: {n} distinct revisions compared ({where}every {args.step}), {own} read by the scanner "
          f"itself, {n - own} handed whole to the full parser; {findings} findings; {len(bad)} mismatches; "
          f"{time.perf_counter() - t0:.0f} s")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
