"""What the CS1 layer costs: ``cs1.citations``, ``cs1params.issues`` and the CS1 content rules (``cs1-*``), next to
the parse of the same documents, measured in the same run.

Over tests/data/corpus/wikitext (or ``--corpus DIR``), in-process, CPU time, best of N rounds:

* parse: ``parse_document`` and the parsed refs (``citations.parsed_refs``/``outside_refs``), the baseline;
* CS1 layer, cold: the memos of the layer emptied before each round, so each citation is new (a set of
  different articles);
* CS1 layer, warm: the memos kept from the round before (a history dump, where the same citations recur in
  revision after revision).

Prints each, its ratio to the parse, and the layer's split (citations, issues, rules).

    python bench/bench_cs1.py [--rounds 5] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import functools
import importlib
import pkgutil
import sys
import time
from pathlib import Path

import citelint.rules
from citelint import cs1, cs1params
from citelint.citations import outside_refs, parsed_refs
from citelint.engine import _RULE_NAMES
from citelint.findings import LineIndex
from citelint.model import Document
from citelint.parse import parse_document
from citelint.rules import RULES, Context
from citelint.settings import Settings

REPO = Path(__file__).resolve().parents[1]
LAYER = ("citelint.cs1", "citelint.cs1params", "citelint.cs1config", "citelint.cs1dates", "citelint.cs1archive")


def clear_memos() -> None:
    """Empty the CS1 layer's memos (not its loaded tables: those are loaded once per process)."""
    import citelint.cs1config as cfg

    names = list(LAYER) + ["citelint.rules." + m.name for m in pkgutil.iter_modules(citelint.rules.__path__)
                           if m.name.startswith("cs1_")]
    for name in names:
        for v in vars(importlib.import_module(name)).values():
            if isinstance(v, functools._lru_cache_wrapper) and (v.cache_parameters()["maxsize"] or 0) > 16:
                v.cache_clear()
            elif isinstance(v, getattr(cs1, "_Memo", ())):
                v.data.clear()
    for _wl, memo in getattr(cs1params, "_ISSUES", {}).values():  # the issues memo of each whitelist
        memo.data.clear()
    for m in getattr(cfg, "_MATCHERS", {}).values():
        m.answer.cache_clear()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--corpus", type=Path, default=REPO / "tests" / "data" / "corpus" / "wikitext")
    args = ap.parse_args()
    files = sorted(args.corpus.glob("*.wiki"))
    if not files:
        sys.exit(f"bench_cs1: no *.wiki in {args.corpus} (tests/data/SOURCES.md)")
    texts = [p.read_text(encoding="utf-8") for p in files]
    settings = Settings()
    rules = [r for r in RULES if r.name.startswith("cs1-") and "wikitext" in r.formats]
    best: dict[str, float] = {}
    counts = {}

    def keep(key: str, value: float) -> None:
        best[key] = min(best.get(key, value), value)

    for rnd in range(args.rounds * 2):
        cold = rnd % 2 == 0
        if cold:
            clear_memos()
        parse = cites = issues = ruled = 0.0
        n = 0
        for path, text in zip(files, texts):
            t0 = time.process_time()
            model = parse_document(Document(str(path), text, "wikitext"), settings)
            parsed_refs(model, text)
            outside_refs(model, text)
            t1 = time.process_time()
            ctx = Context(text, LineIndex(text), sub_referencing=settings.sub_referencing, namespace=None, today=None,
                          cs1_templates=settings.cs1_templates, cs1_parameters=settings.cs1_parameters,
                          identifier_limits=settings.identifier_limits, rule_names=_RULE_NAMES)
            n += len(cs1.citations(model, text, ctx.cs1_extra))
            t2 = time.process_time()
            cs1params.issues(model, text, ctx.cs1_extra, ctx.cs1_parameters)
            t3 = time.process_time()
            for r in rules:
                sum(1 for _ in r().check(model, ctx))
            t4 = time.process_time()
            parse += t1 - t0
            cites += t2 - t1
            issues += t3 - t2
            ruled += t4 - t3
        side = "cold" if cold else "warm"
        keep("parse", parse)
        keep(side, cites + issues + ruled)
        keep(side + " citations", cites)
        keep(side + " issues", issues)
        keep(side + " rules", ruled)
        counts["citations"] = n
    p = best["parse"]
    print(f"corpus: {len(files)} files, {sum(len(t.encode('utf-8')) for t in texts) / 1e6:.2f} MB, "
          f"{counts['citations']} CS1 citations, {len(rules)} CS1 rules; CPU time, best of {args.rounds} rounds")
    print(f"parse (baseline)           : {p * 1000:7.1f} ms")
    for side, what in (("cold", "each citation new"), ("warm", "memos kept, as in a history dump")):
        print(f"CS1 layer, {side} ({what}): {best[side] * 1000:7.1f} ms = {best[side] / p:5.2f}x the parse "
              f"(citations {best[side + ' citations'] * 1000:.1f}, issues {best[side + ' issues'] * 1000:.1f}, "
              f"rules {best[side + ' rules'] * 1000:.1f} ms)")


if __name__ == "__main__":
    main()
