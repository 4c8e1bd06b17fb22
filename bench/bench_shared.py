"""Speed of the shared layer every rule reads: the refs' contents parsed (``citations.parsed_refs`` and
``outside_refs``) and their URLs (``citations.cited_urls``), with and without the bounded memos of
``citelint.memo``, and the template scan's shortcuts against its token-by-token way; all in one run, rounds
interleaved, best of N, so the ratios hold on a loaded machine.

    python bench/bench_shared.py [--rounds 5] [--start 10000 --count 100]

- 15 articles, memos emptied before each article: what a first look at a page costs;
- 15 articles again, memos kept (what a repeated run, or a page whose refs were seen, costs);
- a slice of the Anarchism full history, memos kept from revision to revision (what ``check-dump
  --all-revisions`` does), against the same with the memos emptied before each revision.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from citelint import citations, memo
from citelint.dumps import iter_dump
from citelint.links.extract import mask, scan_templates
from citelint.model import Document
from citelint.parse import parse_document
from citelint.settings import Settings

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "tests" / "data" / "corpus"


def layer(models, empty_each: bool) -> float:
    for _, m in models:
        m._derived.clear()
    t0 = time.perf_counter()
    for text, m in models:
        if empty_each:
            memo.clear_all()
        citations.parsed_refs(m, text)
        citations.outside_refs(m, text)
        citations.cited_urls(m, text)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--start", type=int, default=10000)
    ap.add_argument("--count", type=int, default=100)
    a = ap.parse_args()
    settings = Settings()
    arts = [Document(str(p), p.read_text(encoding="utf-8"), "wikitext")
            for p in sorted((CORPUS / "wikitext").glob("*.wiki"))]
    hist, seen = [], set()
    for i, d in enumerate(iter_dump(str(CORPUS / "xml" / "wikiwho__Anarchism_full_history_15180revs.xml.lzma"),
                                    all_revisions=True)):
        if i >= a.start + a.count:
            break
        if i >= a.start and d.text not in seen:
            seen.add(d.text)
            hist.append(d)
    art_models = [(d.text, parse_document(d, settings)) for d in arts]
    hist_models = [(d.text, parse_document(d, settings)) for d in hist]
    strings = []
    for text, m in art_models:
        strings.extend(r.masked for r in citations.parsed_refs(m, text))
        strings.append(citations.outside_refs(m, text).masked)
    strings = [mask(s) for s in strings]

    times: dict[str, list[float]] = {k: [] for k in ("cold", "warm", "hist-memo", "hist-none", "scan", "tokens")}
    for _ in range(a.rounds):
        memo.clear_all()
        times["cold"].append(layer(art_models, empty_each=True))
        memo.clear_all()
        layer(art_models, empty_each=False)
        times["warm"].append(layer(art_models, empty_each=False))
        times["hist-none"].append(layer(hist_models, empty_each=True))
        memo.clear_all()
        times["hist-memo"].append(layer(hist_models, empty_each=False))
        for key, fast in (("scan", True), ("tokens", False)):
            t0 = time.perf_counter()
            for s in strings:
                scan_templates(s, fast=fast)
            times[key].append(time.perf_counter() - t0)
    b = {k: min(v) * 1000 for k, v in times.items()}
    print(f"best of {a.rounds} rounds; parsed_refs + outside_refs + cited_urls:")
    print(f"  15 articles, memos emptied before each:  {b['cold']:7.1f} ms")
    print(f"  15 articles, memos kept:                 {b['warm']:7.1f} ms  ({b['cold'] / b['warm']:.2f}x)")
    print(f"  Anarchism revisions {a.start}..{a.start + a.count} ({len(hist)} distinct), memos kept from one to "
          f"the next: {b['hist-memo']:.1f} ms; emptied before each: {b['hist-none']:.1f} ms "
          f"({b['hist-none'] / b['hist-memo']:.2f}x)")
    print(f"  template scan of the 15 articles' refs and outside text: {b['scan']:.1f} ms; token by token "
          f"(fast=False): {b['tokens']:.1f} ms ({b['tokens'] / b['scan']:.2f}x)")
    print("  memos after the history slice: " + "; ".join(
        f"{m.name} {len(m)} kept, {m.weight / 1e6:.1f} MB, {m.hits} hits / {m.misses} misses" for m in memo._ALL))


if __name__ == "__main__":
    main()
