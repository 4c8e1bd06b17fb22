"""What the reference-comparing rules cost on their own: short citations, identifiers, duplicate-ref, same-source.

For each article of tests/data/corpus/wikitext the model is parsed and the values every rule shares (the parsed
refs, the text outside them, the cited URLs) are computed first, untimed; then, timed, the parts this bench is
about, each on a fresh copy of that model so that no part finds another's work done:

- ``shortcite.analyse`` (the sfn/harv ↔ full-citation matching) and the four CL7xx rules that read it;
- ``identifiers.model_identifiers`` and the four identifier rules (CL6xx) that read it;
- ``duplicate-ref`` and ``same-source`` (identifiers already found: they are the previous line's).

Prints ms for all articles, best of N rounds, beside the scanner's parse of the same articles in the same run
(the ratio is what to compare between two checkouts on a shared machine).

    python bench/bench_rules.py [--rounds 5] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import copy
import sys
import time
from pathlib import Path

from citelint.citations import cited_urls, outside_refs, parsed_refs
from citelint.engine import _RULE_NAMES
from citelint.findings import LineIndex
from citelint.identifiers import model_identifiers
from citelint.model import Document
from citelint.parse import parse_document
from citelint.rules import BY_NAME, Context
from citelint.rules.shortcite import analyse
from citelint.settings import Settings

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO / "tests" / "data" / "corpus" / "wikitext"
SFN = ("sfn-no-target", "sfn-multiple-targets", "uncited-fullcite", "sfn-unverifiable")
IDS = ("invalid-isbn", "invalid-issn", "invalid-doi", "invalid-identifier")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = ap.parse_args()
    files = sorted(args.corpus.glob("*.wiki"))
    if not files:
        sys.exit(f"bench_rules: no *.wiki in {args.corpus} (tests/data/SOURCES.md)")
    s = Settings(parser="scan")
    docs = [Document(str(p), p.read_text(encoding="utf-8"), "wikitext") for p in files]
    parts = ("parse", "shortcite.analyse", "CL7xx rules", "model_identifiers", "CL6xx rules", "duplicate-ref",
             "same-source")
    best = {k: float("inf") for k in parts}
    for _ in range(args.rounds):
        _forget()  # every round sees the articles for the first time: no memo carries over from the last
        tot = dict.fromkeys(parts, 0.0)
        for doc in docs:
            t0 = time.perf_counter()
            model = parse_document(doc, s)
            tot["parse"] += time.perf_counter() - t0
            text = doc.text
            ctx = Context(text, LineIndex(text), sub_referencing=s.sub_referencing, namespace=None, today=None,
                          cs1_templates=s.cs1_templates, cs1_parameters=s.cs1_parameters,
                          identifier_limits=s.identifier_limits, rule_names=_RULE_NAMES)
            parsed_refs(model, text), outside_refs(model, text), cited_urls(model, text)
            shared = dict(model._derived)

            def fresh():
                m = copy.copy(model)
                m._derived = dict(shared)
                return m

            m = fresh()
            t0 = time.perf_counter()
            analyse(m, text)
            t1 = time.perf_counter()
            for name in SFN:
                list(BY_NAME[name]().check(m, ctx))
            t2 = time.perf_counter()
            tot["shortcite.analyse"] += t1 - t0
            tot["CL7xx rules"] += t2 - t1
            m = fresh()
            t0 = time.perf_counter()
            model_identifiers(m, text)
            t1 = time.perf_counter()
            for name in IDS:
                list(BY_NAME[name]().check(m, ctx))
            t2 = time.perf_counter()
            list(BY_NAME["duplicate-ref"]().check(m, ctx))
            t3 = time.perf_counter()
            list(BY_NAME["same-source"]().check(m, ctx))
            t4 = time.perf_counter()
            tot["model_identifiers"] += t1 - t0
            tot["CL6xx rules"] += t2 - t1
            tot["duplicate-ref"] += t3 - t2
            tot["same-source"] += t4 - t3
        for k in parts:
            best[k] = min(best[k], tot[k])
    mine = sum(v for k, v in best.items() if k != "parse")
    for k in parts:
        print(f"{k:22} {best[k] * 1000:8.1f} ms  {best[k] / best['parse']:5.2f}x the parse")
    print(f"{'together':22} {mine * 1000:8.1f} ms  {mine / best['parse']:5.2f}x the parse "
          f"({len(docs)} articles, best of {args.rounds})")


def _forget() -> None:
    """Empty the memos of pure functions (``functools.lru_cache``) of every citelint module but the pinned
    data's (read once per run in any case)."""
    from citelint.identifiers import limits

    for name, module in list(sys.modules.items()):
        if name.split(".")[0] != "citelint" or module is None:
            continue
        for value in list(vars(module).values()):
            if callable(getattr(value, "cache_clear", None)) and value is not limits:
                value.cache_clear()


if __name__ == "__main__":
    main()
