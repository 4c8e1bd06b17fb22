"""Resumable runs (``--resume STATE``): what is finished is kept in an SQLite file, so a killed run goes
on where it stopped and reports the same as an uninterrupted one.

The units of work: a multistream dump's units (groups of streams, :mod:`citelint.multistream`), a
streamed dump's ranges of ``PAGES_PER_UNIT`` pages, a wiki file. Each finished unit is stored with
its results (findings, documents too deeply nested to check, the cited URLs the link pass needs, the
revisions skipped) in one transaction, in WAL mode, so a kill at any moment leaves the file whole
and every unit in it complete. A resumed run reads the units it has from the file instead of
checking them again (a streamed dump is still read up to where it stopped: XML cannot be entered in
the middle) and checks the rest.

The file is keyed by the run: the paths named (with the size and modification time of each file),
the options that change findings (rule selection and severities, --input-format, --all-revisions,
--namespace, suppressions, template configuration, whether links are checked) and the citelint
version. Another run's file is refused with a message saying what differs; ``--jobs`` is not part of
the key (the units do not depend on it).
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import json
import os
import sqlite3
from typing import Iterable, Iterator, Optional

from citelint import __version__
from citelint.findings import Finding
from citelint.model import Document, Severity

PAGES_PER_UNIT = 200  # a streamed dump's pages per unit
SCHEMA = 1


from citelint.scale import ScaleError


class ResumeError(ScaleError):
    """The state file cannot be used for this run (one line for the user)."""


# -- the run's identity ---------------------------------------------------------------------------

def _canon(value):
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _canon(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.name
    if isinstance(value, dict) or hasattr(value, "items"):
        return sorted([str(k), _canon(v)] for k, v in value.items())
    if isinstance(value, (set, frozenset)):
        return sorted(json.dumps(_canon(v), sort_keys=True) for v in value)
    if isinstance(value, (list, tuple)):
        return [_canon(v) for v in value]
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return repr(value)


def settings_fingerprint(settings) -> str:
    """A hash of what in ``settings`` changes findings (not ``fail_on``; links only as on or off)."""
    parts = {}
    for f in dataclasses.fields(settings):
        if f.name == "fail_on":
            continue
        value = getattr(settings, f.name)
        parts[f.name] = ("online" if value is not None else "offline") if f.name == "links" else _canon(value)
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()[:20]


def input_identity(path: str) -> list:
    """A path as the key sees it: absolute, with size and modification time for a file."""
    if path == "-":
        raise ResumeError("--resume cannot resume standard input: name the files or the dump")
    full = os.path.abspath(path)
    try:
        st = os.stat(full)
    except OSError:
        return [full, None, None]
    if os.path.isdir(full):
        return [full, "folder", None]
    return [full, st.st_size, st.st_mtime_ns]


def run_key(paths: Iterable[str], settings_for, extra: Optional[dict] = None) -> dict:
    inputs = [input_identity(p) for p in paths]
    options = {p: settings_fingerprint(settings_for(p)) for p in paths}
    return {"citelint": __version__, "schema": SCHEMA, "inputs": inputs, "options": options, **(extra or {})}


# -- the state file -------------------------------------------------------------------------------

class State:
    """An open state file. ``replay(input, unit)`` → the stored result or None; ``record(input, result)``."""

    def __init__(self, path: str, key: dict) -> None:
        self.path = path
        self.replayed = 0
        self.recorded = 0
        if os.path.isdir(path):
            raise ResumeError(f"{path}: is a directory (--resume wants a state file, created if missing)")
        folder = os.path.dirname(os.path.abspath(path))
        if not os.path.isdir(folder):
            raise ResumeError(f"{path}: no such folder {folder} (--resume creates the file, not its folder)")
        try:
            self.db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)")
            self.db.execute("CREATE TABLE IF NOT EXISTS units (input TEXT NOT NULL, unit TEXT NOT NULL, "
                            "result TEXT NOT NULL, PRIMARY KEY (input, unit))")
            row = self.db.execute("SELECT value FROM meta WHERE name = 'key'").fetchone()
        except sqlite3.DatabaseError as e:
            raise ResumeError(f"{path}: not a citelint state file ({e})") from None
        wanted = json.dumps(key, sort_keys=True)
        if row is None:
            with self.db:
                self.db.execute("BEGIN IMMEDIATE")
                self.db.execute("INSERT OR REPLACE INTO meta VALUES ('key', ?)", (wanted,))
            self.fresh = True
        else:
            if row[0] != wanted:
                self.db.close()
                raise ResumeError(f"{path}: this state file is from another run ({_difference(row[0], key)}): "
                                  f"give a new --resume file, or delete this one to start over")
            self.fresh = False
        self.done = self.db.execute("SELECT COUNT(*) FROM units").fetchone()[0]

    def replay(self, input_path: str, unit: str):
        row = self.db.execute("SELECT result FROM units WHERE input = ? AND unit = ?",
                              (os.path.abspath(input_path), unit)).fetchone()
        if row is None:
            return None
        self.replayed += 1
        return decode_unit(json.loads(row[0]))

    def record(self, input_path: str, result) -> None:
        data = json.dumps(encode_unit(result), ensure_ascii=False, separators=(",", ":"))
        with self.db:  # one unit, one transaction
            self.db.execute("BEGIN IMMEDIATE")
            self.db.execute("INSERT OR REPLACE INTO units VALUES (?, ?, ?)",
                            (os.path.abspath(input_path), result.key, data))
        self.recorded += 1

    def close(self) -> None:
        try:
            self.db.close()
        except sqlite3.Error:
            pass


def _difference(stored: str, key: dict) -> str:
    try:
        old = json.loads(stored)
    except ValueError:
        return "its key is unreadable"
    if old.get("inputs") != key.get("inputs"):
        before = {tuple(x)[0] for x in old.get("inputs", [])}
        now = {tuple(x)[0] for x in key.get("inputs", [])}
        if before != now:
            return "it was made for other inputs: " + ", ".join(sorted(before)) or "none"
        return "an input changed since (size or modification time)"
    if old.get("options") != key.get("options"):
        return "it was made with other options (rules, formats, revisions, namespaces, links or configuration)"
    if old.get("citelint") != key.get("citelint"):
        return f"it was made by citelint {old.get('citelint')}"
    return "its key differs"


# -- units as JSON --------------------------------------------------------------------------------

def _finding(f: Finding) -> dict:
    d = {fl.name: getattr(f, fl.name) for fl in dataclasses.fields(f)}
    d["severity"] = int(f.severity)
    if f.fix is not None:
        d["fix"] = {"safety": f.fix.safety, "description": f.fix.description,
                    "edits": [dataclasses.astuple(e) for e in f.fix.edits]}
    return d


def _unfinding(d: dict) -> Finding:
    from citelint.fixes import Edit, Fix

    d = dict(d)
    d["severity"] = Severity(d["severity"])
    fix = d.get("fix")
    if fix is not None:
        d["fix"] = Fix(tuple(Edit(*e) for e in fix["edits"]), fix["safety"], fix["description"])
    return Finding(**d)


def _links(links) -> Optional[dict]:
    if links is None:
        return None
    return dataclasses.asdict(links)


def _unlinks(d: Optional[dict]):
    if d is None:
        return None
    from citelint.links.extract import CitedUrl
    from citelint.links.sites import DocLinks, Site

    sites = []
    for s in d["sites"]:
        s = dict(s)
        cited = CitedUrl(**s.pop("cited"))
        s["suppressed"] = {k: [tuple(x) if isinstance(x, list) else x for x in v] if isinstance(v, list) else v
                           for k, v in s.get("suppressed", {}).items()}
        sites.append(Site(cited, **s))
    return DocLinks(d["path"], d["page"], d["revision"], d["where"], tuple(sites))


def encode_item(item) -> dict:
    from citelint.multistream import Checked
    from citelint.parallel import Failed

    if isinstance(item, Checked):
        doc = item.doc
        out = {"doc": [doc.path, doc.kind, doc.page, doc.revision, doc.namespace], "links": _links(item.links)}
        if isinstance(item.result, Failed):
            out["failed"] = item.result.reason
        else:
            out["findings"] = [_finding(f) for f in item.result]
        return out
    return {"error": [item.path, item.message, item.fatal]}


def decode_item(d: dict):
    from citelint.multistream import Checked
    from citelint.parallel import Failed
    from citelint.sources import InputError

    if "error" in d:
        return InputError(*d["error"])
    path, kind, page, revision, namespace = d["doc"]
    doc = Document(path=path, text="", kind=kind, page=page, revision=revision, namespace=namespace)
    result = Failed(d["failed"]) if "failed" in d else [_unfinding(f) for f in d["findings"]]
    return Checked(doc, result, _unlinks(d.get("links")))


def encode_unit(res) -> dict:
    return {"key": res.key, "items": [encode_item(i) for i in res.items], "skipped": res.skipped,
            "bytes_xml": res.bytes_xml, "bytes_in": res.bytes_in}


def decode_unit(d: dict):
    from citelint.multistream import UnitResult

    return UnitResult(d["key"], [decode_item(i) for i in d["items"]], d.get("skipped", {}),
                      d.get("bytes_xml", 0), d.get("bytes_in", 0))


# -- files and streamed dumps ---------------------------------------------------------------------

class Units:
    """Resuming files and streamed dumps, around ``parallel.check_all``.

    ``before(items)`` tags each item with its unit and puts a ``Replay`` in place of the documents of a
    unit the state holds; ``after(item, result)`` (called in the same order, for every item but a
    ``Replay``) gathers a unit's results
    and records it when the next unit starts (``finish()``: the last one)."""

    def __init__(self, state: State, settings_for) -> None:
        self.state = state
        self.settings_for = settings_for
        self.tags: list = []  # unit of each item handed on, in order (read back by ``after``)
        self._read = 0
        self.links: dict = {}  # (path, page, revision) → DocLinks collected by the link pass
        self.current = None  # (input, unit key)
        self.gathered: list = []
        self.replaying = False  # the runner is taking a stored unit's results (their links are stored)

    def on_links(self, links) -> None:
        if not self.replaying:
            self.links[links.key] = links

    def before(self, items) -> Iterator:
        from citelint.multistream import Checked, Replay

        ordinal: dict = {}
        last_page: dict = {}
        skipping = None
        for item in items:
            if not isinstance(item, Document) or isinstance(item, Checked):
                self.tags.append(None)
                yield item
                continue
            if item.page is None:
                ident = input_identity(item.path)
                tag = (item.path, f"file:{ident[1]}:{ident[2]}:{settings_fingerprint(self.settings_for(item))}")
            else:
                if last_page.get(item.path) != item.page:
                    last_page[item.path] = item.page
                    ordinal[item.path] = ordinal.get(item.path, -1) + 1
                n = ordinal[item.path] // PAGES_PER_UNIT
                tag = (item.path, f"pages:{n * PAGES_PER_UNIT}-{(n + 1) * PAGES_PER_UNIT}")
            if tag == skipping:
                continue
            stored = self.state.replay(*tag)
            if stored is not None:
                skipping = tag
                # no tag: the runner takes a Replay's results itself and never calls ``after`` for it, so a
                # tag here would put every later item under the unit before its own
                yield Replay(stored.items)
                continue
            skipping = None
            self.tags.append(tag)
            yield item

    def after(self, item, result) -> None:
        from citelint.multistream import Checked

        tag = self.tags[self._read]
        self.tags[self._read] = None
        self._read += 1
        if self._read > 4096:
            del self.tags[: self._read]
            self._read = 0
        if tag != self.current:
            self.finish()
            self.current = tag
        if tag is not None:
            key = (item.path, item.page, item.revision)
            self.gathered.append(Checked(Document(path=item.path, text="", kind=item.kind, page=item.page,
                                                  revision=item.revision, namespace=item.namespace),
                                         result, self.links.pop(key, None)))

    def finish(self) -> None:
        from citelint.multistream import UnitResult

        if self.current is not None and self.gathered:
            self.state.record(self.current[0], UnitResult(self.current[1], self.gathered, {}, 0, 0))
        self.gathered = []
        self.current = None
