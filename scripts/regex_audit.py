"""Hostile-input audit of citelint's regular expressions: which ones backtrack super-linearly.

    python scripts/regex_audit.py [--jobs 2] [--only NAME] [--big] > audit.tsv
    python scripts/regex_audit.py --only data:cs1_config --long 200000 [--matcher] > long.tsv

It gathers every compiled pattern the package uses: module attributes, the patterns compiled while the CLI
checks the corpus (wikitext, plain text, XML: inline ``re.search(r"…")`` calls, the whitelist's), and the
regexes of ``citelint/data/*.toml``. Each is then timed in a child process (under a timeout and a 2 GB address
space cap) with ``finditer`` on inputs made of its own literal characters: runs of one character, of a pair, of
a literal run and a character, with a prefix or a suffix, at 2,000 and 8,000 characters. A linear pattern takes
about 4x as long on the longer input, a quadratic one 16x, a cubic one 64x; ``--big`` times the worst input
again at 50,000 / 100,000 / 200,000 characters.

``--long N`` instead times ``search`` and ``finditer`` on EVERY input recipe built at N characters and
reports the slowest (a linear pattern takes milliseconds on any of them); ``--matcher`` times what
``citelint.cs1config`` searches with for the pattern (its linear ``_SegmentSearch`` where it has one;
``search`` only) instead of the pattern itself.

Output, one line per pattern, the worst first: growth ratio, seconds at 2,000 and 8,000 (and the big ones), the
input recipe (prefix, unit, suffix), where the pattern comes from, the pattern. ``TIMEOUT`` means a single match
ran past the child's time (cubic or worse).

finditer is the worst way a pattern can be used: a pattern used with ``match`` or ``fullmatch`` at one position,
or on a value whose length the code bounds, may be fine. Each flagged pattern has to be followed to its callers
and tried through ``citelint check --offline`` on a page that puts the input where the pattern sees it
(tests/test_bounded.py holds those pages for the ones that were slow). Not part of the test suite: it takes
tens of minutes.
"""
from __future__ import annotations

import argparse
import glob
import os
import pickle
import re
import subprocess
import sys
import tempfile
import time
import traceback

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def collect() -> list[tuple[str, int, str]]:
    """(pattern, flags, where) of every str pattern citelint compiles."""
    import importlib
    import pkgutil

    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib

    seen: dict = {}
    where: dict = {}
    orig = re._compile

    def rec(pattern, flags):
        p = orig(pattern, flags)
        if isinstance(p, re.Pattern) and (p.pattern, p.flags) not in where:
            for fr in reversed(traceback.extract_stack()[:-1]):
                if os.sep + "re" + os.sep not in fr.filename:
                    tag = "citelint" if os.sep + "citelint" + os.sep in fr.filename else "lib"
                    where[(p.pattern, p.flags)] = f"{tag}:{os.path.basename(fr.filename)}:{fr.lineno}"
                    break
            seen.setdefault((p.pattern, p.flags), p)
        return p

    re._compile = rec
    try:
        import citelint

        for m in pkgutil.walk_packages(citelint.__path__, "citelint."):
            if m.name.endswith("__main__"):
                continue
            try:
                mod = importlib.import_module(m.name)
            except Exception:  # an optional dependency missing
                continue
            for k, v in vars(mod).items():
                if isinstance(v, re.Pattern):
                    seen.setdefault((v.pattern, v.flags), v)
                    where[(v.pattern, v.flags)] = f"{mod.__name__}.{k}"
        from click.testing import CliRunner

        from citelint.cli import cli

        corpus = os.path.join(REPO, "tests", "data", "corpus")
        for files in (sorted(glob.glob(os.path.join(corpus, "wikitext", "*.wiki"))),
                      glob.glob(os.path.join(corpus, "prose", "*.txt")) + glob.glob(os.path.join(REPO, "fixtures", "*.txt")),
                      [f for f in glob.glob(os.path.join(corpus, "xml", "*.xml")) if "selected" not in f]):
            if files:
                CliRunner().invoke(cli, ["check", "--offline", "--format", "json", *files])
    finally:
        re._compile = orig

    def walk(o):
        if isinstance(o, dict):
            for k, v in o.items():
                if k in ("regex", "pattern") and isinstance(v, str):
                    yield v
                else:
                    yield from walk(v)
        elif isinstance(o, list):
            for v in o:
                yield from walk(v)

    for f in glob.glob(os.path.join(REPO, "citelint", "data", "*.toml")):
        with open(f, "rb") as fh:
            for s in walk(tomllib.load(fh)):
                try:
                    p = re.compile(s)
                except re.error:
                    continue
                seen.setdefault((p.pattern, p.flags), p)
                where.setdefault((p.pattern, p.flags), "data:" + os.path.basename(f))
    return [(pat, fl, where.get((pat, fl), "?")) for (pat, fl) in seen if isinstance(pat, str)]


def _literals(pat: str, flags: int) -> tuple[list[str], set[str]]:
    """The pattern's runs of literal characters, and the characters it mentions (classes: their ends)."""
    try:
        import re._constants as C
        import re._parser as P
    except ImportError:  # Python 3.10
        import sre_constants as C
        import sre_parse as P

    runs: list[str] = []
    chars: set[str] = set()

    def walk(sub):
        cur = ""
        for op, av in sub:
            if op is C.LITERAL:
                cur += chr(av)
                chars.add(chr(av))
                continue
            if cur:
                runs.append(cur)
                cur = ""
            if op is C.IN:
                for o, a in av:
                    if o is C.LITERAL:
                        chars.add(chr(a))
                    elif o is C.RANGE:
                        chars.update((chr(a[0]), chr(a[1])))
                    elif o is C.CATEGORY:
                        chars.update(" a1_\n")
                chars.update("a ")
            elif op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
                walk(av[2])
            elif op in (C.SUBPATTERN, getattr(C, "ATOMIC_GROUP", None)):
                walk(av[-1])
            elif op is C.BRANCH:
                for b in av[1]:
                    walk(b)
            elif op in (C.ASSERT, C.ASSERT_NOT):
                walk(av[1])
            elif op is C.ANY:
                chars.update("a \n")
            elif op is C.NOT_LITERAL:
                chars.update((chr(av), "a"))
        if cur:
            runs.append(cur)

    try:
        walk(P.parse(pat, flags))
    except Exception:
        pass
    return runs, chars


def recipes(pat: str, flags: int) -> list[tuple[str, str, str]]:
    runs, chars = _literals(pat, flags)
    chars = sorted(c for c in chars | set("a \n") if c.isprintable() or c in "\n\t")[:40]
    toks = sorted(set(chars) | {r for r in runs if len(r) <= 12})[:70]
    out = set()
    for t in toks:
        out.add(("", t, ""))
        for c in chars[:30]:
            out.update(((t, c, ""), ("", c, t), ("", t + c, "")))
    for i, a in enumerate(toks):
        for b in toks[i + 1:]:
            out.add(("", a + b, ""))
    for r in runs:
        for t in toks[:30]:
            out.update(((r, t, r), ("", r + t, "")))
    return sorted(out)


def _build(recipe, n: int) -> str:
    pre, unit, suf = recipe
    return pre + unit * max(1, n // len(unit)) + suf


def _time(p: re.Pattern, s: str, budget: float) -> float:
    t = time.perf_counter()
    for _ in p.finditer(s):
        if time.perf_counter() - t > budget:
            return budget
    return time.perf_counter() - t


def child_long(pat: str, flags: int, n: int, matcher: bool) -> str:
    """The slowest recipe at ``n`` characters: seconds of ``search`` (and ``finditer``, unless ``matcher``)."""
    p = re.compile(pat, flags)
    if matcher:
        from citelint.cs1config import _SegmentSearch

        p = _SegmentSearch.of(re.compile(pat, flags | re.DOTALL)) or p
    worst, count = (0.0, None), 0
    for rc in recipes(pat, flags):
        s = _build(rc, n)
        t = time.perf_counter()
        p.search(s)
        if not matcher:
            for _ in p.finditer(s):
                pass
        t = time.perf_counter() - t
        count += 1
        if t > worst[0]:
            worst = (t, rc)
    return f"{worst[0]:.4f}\t{count} inputs of {n:,} characters\t{type(p).__name__}\t{worst[1]!r}"


def child(pat: str, flags: int, big: bool) -> str:
    p = re.compile(pat, flags)
    worst = (0.0, None, 0.0, 0.0)
    t0 = time.perf_counter()
    for rc in recipes(pat, flags):
        if time.perf_counter() - t0 > 15:
            break
        t1 = _time(p, _build(rc, 2000), 0.5)
        if t1 < 0.001:
            continue
        t1 = min(t1, _time(p, _build(rc, 2000), 0.5))
        t4 = _time(p, _build(rc, 8000), 2.0)
        if t4 / max(t1, 1e-9) > worst[0]:
            worst = (t4 / max(t1, 1e-9), rc, t1, t4)
    line = f"{worst[0]:.1f}\t{worst[2]:.4f}\t{worst[3]:.4f}"
    if big and worst[0] > 6:
        ts = []
        for n in (50_000, 100_000, 200_000):
            ts.append(_time(p, _build(worst[1], n), 10.0))
            if ts[-1] >= 10:
                break
        line += "\t" + "/".join(f"{t:.2f}" for t in ts)
    return f"{line}\t{worst[1]!r}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--only", help="only the patterns whose origin contains this text")
    ap.add_argument("--big", action="store_true", help="time the worst input at 50k/100k/200k characters too")
    ap.add_argument("--timeout", type=float, default=100)
    ap.add_argument("--long", type=int, default=0, help="time every input at this many characters instead")
    ap.add_argument("--matcher", action="store_true", help="with --long: time cs1config's matcher for the pattern")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        with open(a.child, "rb") as fh:
            pat, flags = pickle.load(fh)
        print(child_long(pat, flags, a.long, a.matcher) if a.long else child(pat, flags, a.big))
        return
    pats = [p for p in collect() if not a.only or a.only in p[2]]
    pats.sort(key=lambda p: p[2].startswith("lib:"))  # the package's own first
    rows, running = [], []
    tmp = tempfile.mkdtemp(prefix="regex-audit-")

    def start(i, item):
        path = os.path.join(tmp, f"{i}.pkl")
        with open(path, "wb") as fh:
            pickle.dump(item[:2], fh)
        cmd = [sys.executable, __file__, "--child", path] + (["--big"] if a.big else [])
        cmd += (["--long", str(a.long)] if a.long else []) + (["--matcher"] if a.matcher else [])
        proc = subprocess.Popen(["prlimit", "--as=2000000000", *cmd], stdout=subprocess.PIPE, text=True)
        running.append((proc, item, time.monotonic()))

    queue = list(enumerate(pats))
    while queue or running:
        while queue and len(running) < a.jobs:
            start(*queue.pop(0))
        time.sleep(0.05)
        for r in list(running):
            proc, item, t = r
            if proc.poll() is None and time.monotonic() - t < a.timeout:
                continue
            if proc.poll() is None:
                proc.kill()
                proc.wait()
                out = "inf\tTIMEOUT"
            else:
                out = proc.stdout.read().strip() or "inf\tERROR"
            running.remove(r)
            rows.append((out, item))
    rows.sort(key=lambda r: -float(r[0].split("\t")[0]))
    for out, (pat, flags, where) in rows:
        print(f"{out}\t{where}\t{pat[:200]!r}", flush=True)


if __name__ == "__main__":
    main()
