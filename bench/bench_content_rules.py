"""What the rules about citation content (issue 10) cost: the offline check of the corpus with them on and off.

Prints, from one run, the time of ``check_document`` over tests/data/corpus/wikitext (parse, every offline
rule, placing the findings) with all offline rules selected and with the content rules left out, and
their ratio (target ≤ 1.5× for all of issue 10's rules together). Best of N rounds, the two sides
interleaved so load on the shared machine hits both alike.

    python bench/bench_content_rules.py [--rounds 5] [--corpus DIR] [--rule NAME ...]

``--rule`` names the rules counted as content rules (default: every rule of issue 10 this citelint has:
the identifier rules, same-source, the short-citation rules, leaked-diagnostic, and the CS1 rules, i.e. the
rules ``citelint/data/cs1_rules.toml`` maps CS1's error keys to and any rule named ``cs1-…``).
``--plaintext`` adds the plain-text pages (the seed page and the sample copy in fixtures/), where
leaked-diagnostic applies.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from citelint.engine import check_document
from citelint.model import Document
from citelint.rules import RULES
from citelint.settings import Settings

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO / "tests" / "data" / "corpus" / "wikitext"
#: issue 10's rules that are not CS1 rules: identifiers (CL6xx), same-source, short citations (CL7xx),
#: leaked diagnostics in plain text (CL550)
CONTENT_RULES = ("invalid-isbn", "invalid-issn", "invalid-doi", "invalid-identifier", "same-source",
                 "sfn-no-target", "sfn-multiple-targets", "uncited-fullcite", "sfn-unverifiable",
                 "leaked-diagnostic")
#: rules from before issue 10 that CS1's errors also map to (CS1's "Check |url= value" is invalid-url's)
EARLIER = {"dead-link", "unreachable-link", "url-status-mismatch", "invalid-url"}
PLAINTEXT = (REPO / "fixtures" / "khojaly-massacre.military-wiki.txt", REPO / "fixtures" / "wikipedia-style-copy.sample.txt")


def issue10_rules(offline: list[str]) -> set[str]:
    """Every rule of issue 10 this citelint has (the CS1 rules as they land, by the key map or their name)."""
    from citelint.rules.leaked_diagnostic import cs1_rules

    cs1 = {n for n in offline if n in set(cs1_rules().values()) or n.startswith("cs1-")} - EARLIER
    return (set(CONTENT_RULES) & set(offline)) | cs1


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--rule", action="append", dest="rules")
    ap.add_argument("--plaintext", action="store_true", help="also check the plain-text pages of fixtures/")
    args = ap.parse_args()
    offline = [r.name for r in RULES if not getattr(r, "network", False)]
    content = set(args.rules or issue10_rules(offline))
    unknown = content - set(offline)
    if unknown:
        sys.exit(f"bench_content_rules: unknown rule {sorted(unknown)[0]!r}")
    files = sorted(args.corpus.glob("*.wiki"))
    if not files:
        sys.exit(f"bench_content_rules: no *.wiki in {args.corpus} (tests/data/SOURCES.md)")
    kinds = ["wikitext"] * len(files)
    if args.plaintext:
        files += list(PLAINTEXT)
        kinds += ["plaintext"] * len(PLAINTEXT)
    texts = [p.read_text(encoding="utf-8") for p in files]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    on = Settings()
    off = Settings(select=frozenset(n for n in offline if n not in content))
    times: dict[str, list[float]] = {"off": [], "on": []}
    counts = {}
    for _ in range(args.rounds):
        for side, settings in (("off", off), ("on", on)):
            t0 = time.perf_counter()
            n = 0
            for p, t, kind in zip(files, texts, kinds):
                n += sum(1 for f in check_document(Document(str(p), t, kind), settings) if f.rule in content)
            times[side].append(time.perf_counter() - t0)
            counts[side] = n
    b, f = min(times["off"]), min(times["on"])
    print(f"corpus: {len(files)} files ({kinds.count('plaintext')} plain text), {mb:.2f} MB, best of "
          f"{args.rounds} rounds; issue-10 rules ({len(content)}): {', '.join(sorted(content))}")
    print(f"offline check, content rules off : {b:.3f} s (median {statistics.median(times['off']):.3f} s)")
    print(f"offline check, content rules on  : {f:.3f} s (median {statistics.median(times['on']):.3f} s); "
          f"{counts['on']} findings of theirs")
    print(f"ratio on / off                   : {f / b:6.3f}x  (target <= 1.5x)")


if __name__ == "__main__":
    main()
