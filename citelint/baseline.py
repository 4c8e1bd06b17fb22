"""Baselines: record today's findings, then report only new ones.

An entry is a place, a rule, the finding's content hash (rule + normalised citation content, see
``findings.content_hash``) and a count, with no line numbers, so adding or moving text keeps an old
finding matched. The place is the page title for a dump page (dump file names change with every
dump) and, for a file, its path relative to the baseline file's folder, with ``/`` separators, so the
same baseline works from any working directory and in a CI clone at another absolute path.

The count handles identical findings: two identical findings against an entry with count 1 leave one
reported as new. Which one is new follows report order (the later one in the text).

File format (version 1), sorted and one entry a line, so a baseline diffs well in review::

    {
      "citelint-baseline": 1,
      "entries": [
        {"path": "articles/Foo.wiki", "rule": "undefined-ref", "hash": "0f3c…", "count": 1},
        {"page": "Anarchism", "rule": "unused-ref", "hash": "91aa…", "count": 2}
      ]
    }
"""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass
from typing import Callable, Iterable, Optional

from citelint.atomicfile import write_atomic
from citelint.findings import Finding

FORMAT_KEY = "citelint-baseline"
VERSION = 1

#: (kind, place, rule, hash); kind is "path" or "page"
Key = tuple[str, str, str, str]


class BaselineError(Exception):
    """A baseline file that cannot be used: the message names the file and what is wrong."""


def relative_place(path: str, base_dir: str) -> str:
    """``path`` relative to ``base_dir`` with ``/`` separators (absolute when on another drive)."""
    if path == "-":
        return path
    absolute = os.path.abspath(path)
    try:
        rel = os.path.relpath(absolute, base_dir)
    except ValueError:  # another drive (Windows)
        return absolute.replace(os.sep, "/")
    return rel.replace(os.sep, "/")


def finding_key(f: Finding, base_dir: str, _places: Optional[dict] = None) -> Key:
    """A finding's baseline key; ``_places`` memoises paths (a run has many findings per file)."""
    digest = f.content_hash or f.fingerprint  # findings made outside the engine may lack a content hash
    if f.page is not None:
        return ("page", f.page, f.rule, digest)
    if _places is None:
        return ("path", relative_place(f.path, base_dir), f.rule, digest)
    place = _places.get(f.path)
    if place is None:
        place = _places[f.path] = relative_place(f.path, base_dir)
    return ("path", place, f.rule, digest)


@dataclass
class Outcome:
    """What applying a baseline did."""

    kept: list[Finding]  # new findings, still reported
    suppressed: int  # findings the baseline covers
    unmatched: int  # baseline entries (counting multiplicity) no finding matched: fixed since


@dataclass
class Baseline:
    path: str
    counts: Counter  # Key -> count

    @property
    def base_dir(self) -> str:
        return os.path.dirname(os.path.abspath(self.path))

    def apply(self, findings: Iterable[Finding], in_scope: Optional[Callable[[Key], bool]] = None) -> Outcome:
        """Split ``findings`` into new and known ones. ``in_scope`` says which entries this run could have
        matched (the files and pages it checked); only those count as ``unmatched`` when nothing matches."""
        left = Counter(self.counts)
        kept: list[Finding] = []
        suppressed = 0
        base, places = self.base_dir, {}
        for f in findings:
            key = finding_key(f, base, places)
            if left[key] > 0:
                left[key] -= 1
                suppressed += 1
            else:
                kept.append(f)
        unmatched = sum(n for k, n in left.items() if n > 0 and (in_scope is None or in_scope(k)))
        return Outcome(kept=kept, suppressed=suppressed, unmatched=unmatched)

    def ratchet(self, findings: Iterable[Finding], in_scope: Optional[Callable[[Key], bool]] = None) -> Counter:
        """The entries to keep: those still found (never more than before, never a new one), and those
        this run did not look at, unchanged (a run over some files must not forget the others)."""
        left = Counter(self.counts)
        kept: Counter = Counter()
        base, places = self.base_dir, {}
        for f in findings:
            key = finding_key(f, base, places)
            if left[key] > 0:
                left[key] -= 1
                kept[key] += 1
        for key, n in left.items():
            if n > 0 and in_scope is not None and not in_scope(key):
                kept[key] += n
        return kept


def rebase(counts: Counter, from_dir: str, to_dir: str) -> Counter:
    """Entries keyed for a baseline in ``from_dir`` re-keyed for one in ``to_dir`` (paths are relative)."""
    if os.path.abspath(from_dir) == os.path.abspath(to_dir):
        return Counter(counts)
    out: Counter = Counter()
    for (kind, place, rule, digest), n in counts.items():
        if kind == "path" and place != "-":
            place = relative_place(os.path.join(from_dir, place.replace("/", os.sep)), to_dir)
        out[(kind, place, rule, digest)] += n
    return out


def input_scope(paths: Iterable[str], base_dir: str, stdin_name: Optional[str] = None,
                pages: bool = False) -> Callable[[Key], bool]:
    """Which baseline entries a run over ``paths`` could have matched: a path entry when its file is one
    of the inputs or inside an input folder; a page entry when the run read any dump pages."""
    files: set[str] = set()
    folders: list[str] = []
    for p in paths:
        if p == "-":
            if stdin_name and stdin_name != "-":
                files.add(os.path.abspath(stdin_name))
            continue
        absolute = os.path.abspath(p)
        if os.path.isdir(absolute):
            folders.append(absolute.rstrip(os.sep) + os.sep)
        else:
            files.add(absolute)

    def in_scope(key: Key) -> bool:
        kind, place = key[0], key[1]
        if kind == "page":
            return pages
        absolute = os.path.normpath(os.path.join(base_dir, place.replace("/", os.sep)))
        return absolute in files or any(absolute.startswith(f) for f in folders)

    return in_scope


def load(path: str) -> Baseline:
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except FileNotFoundError:
        raise BaselineError(f"baseline {path}: no such file (create it with --write-baseline {path})") from None
    except IsADirectoryError:
        raise BaselineError(f"baseline {path}: is a directory") from None
    except OSError as e:
        raise BaselineError(f"baseline {path}: cannot read: {e.strerror or e}") from None
    try:
        doc = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError as e:
        raise BaselineError(f"baseline {path}: not UTF-8 (offset {e.start})") from None
    except json.JSONDecodeError as e:
        raise BaselineError(f"baseline {path}: not valid JSON (line {e.lineno}, column {e.colno}: {e.msg})") from None
    if not isinstance(doc, dict) or FORMAT_KEY not in doc:
        raise BaselineError(f'baseline {path}: not a citelint baseline (no "{FORMAT_KEY}" key)')
    version = doc[FORMAT_KEY]
    if version != VERSION:
        raise BaselineError(f"baseline {path}: version {version!r} is not supported "
                            f"(this citelint reads version {VERSION}); write it again with --write-baseline")
    entries = doc.get("entries")
    if not isinstance(entries, list):
        raise BaselineError(f'baseline {path}: "entries" must be a list')
    counts: Counter = Counter()
    for i, e in enumerate(entries, 1):
        counts[_entry_key(e, path, i)] += _entry_count(e, path, i)
    return Baseline(path=path, counts=counts)


def _entry_key(e, path: str, i: int) -> Key:
    if not isinstance(e, dict):
        raise BaselineError(f"baseline {path}: entry {i} is not an object")
    kinds = [k for k in ("path", "page") if k in e]
    if len(kinds) != 1:
        raise BaselineError(f'baseline {path}: entry {i} needs exactly one of "path" or "page"')
    unknown = set(e) - {"path", "page", "rule", "hash", "count"}
    if unknown:
        raise BaselineError(f"baseline {path}: entry {i} has unknown key {sorted(unknown)[0]!r}")
    for k in (kinds[0], "rule", "hash"):
        if not isinstance(e.get(k), str) or not e[k]:
            raise BaselineError(f'baseline {path}: entry {i} needs a non-empty string "{k}"')
    return (kinds[0], e[kinds[0]], e["rule"], e["hash"])


def _entry_count(e: dict, path: str, i: int) -> int:
    n = e.get("count", 1)
    if not isinstance(n, int) or isinstance(n, bool) or n < 1:
        raise BaselineError(f'baseline {path}: entry {i} has a bad "count" (a whole number from 1)')
    return n


def count(findings: Iterable[Finding], base_dir: str) -> Counter:
    places: dict = {}
    return Counter(finding_key(f, base_dir, places) for f in findings)


def dumps(findings: Iterable[Finding] | Counter, base_dir: str) -> str:
    """The baseline text for ``findings`` (or counted entries): sorted, one entry a line, ending with a newline."""
    counts = findings if isinstance(findings, Counter) else count(findings, base_dir)
    lines = []
    for (kind, place, rule, digest), n in sorted(counts.items()):
        entry = {kind: place, "rule": rule, "hash": digest, "count": n}
        lines.append("    " + json.dumps(entry, ensure_ascii=False))
    body = ",\n".join(lines)
    entries = f"[\n{body}\n  ]" if lines else "[]"
    return f'{{\n  "{FORMAT_KEY}": {VERSION},\n  "entries": {entries}\n}}\n'


def write(path: str, findings: Iterable[Finding] | Counter) -> int:
    """Write a baseline for ``findings`` (or counted entries keyed for ``path``'s folder) to ``path``,
    atomically; returns the number of findings recorded."""
    base_dir = os.path.dirname(os.path.abspath(path))
    counts = findings if isinstance(findings, Counter) else count(findings, base_dir)
    try:
        write_atomic(path, dumps(counts, base_dir))
    except OSError as e:
        raise BaselineError(f"baseline {path}: cannot write: {e.strerror or e}") from None
    return sum(counts.values())
