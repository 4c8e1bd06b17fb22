"""Applying the fixes rules propose (``--fix``, ``--unsafe-fixes``, ``--diff``, ``--fix-only``): safe by construction.

- A round takes every applicable fix of the page's findings (``citelint.fixes``), applies those whose edits do
  not clash together, parses and checks the page again; rounds repeat until no fix is left (at most
  ``MAX_ROUNDS``).
- A round whose result has a finding the page did not have before (same rule and subject: a merge that makes
  a name collide elsewhere, a repaired quote that turns a name into one already given other text) is taken
  apart: its fixes are tried one at a time, and the ones that bring a new finding are rolled back and
  reported, never applied.
- Idempotent: a fixed page proposes nothing more, so fixing it again changes nothing.
- Files are written atomically (``citelint.atomicfile``) with their encoding, byte-order mark, line ends
  (each unchanged line keeps its own) and permissions; a file that changed since it was read (size, mtime
  or content) is not overwritten. Only wikitext files are rewritten: XML dumps, plain-text renderings and
  standard input are reported, never rewritten.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable, Optional

from citelint.engine import check_document
from citelint.findings import Finding
from citelint.fixes import applicable, apply, choose
from citelint.model import Document
from citelint.settings import Settings

#: rounds of fix, re-parse and re-check before giving up on a page that keeps proposing fixes
MAX_ROUNDS = 5


@dataclass(frozen=True)
class RolledBack:
    """A fix that was not applied because the page would have had a new finding with it."""

    finding: Finding
    introduced: tuple[Finding, ...]

    def __str__(self) -> str:
        f, new = self.finding, self.introduced[0]
        more = f" (and {len(self.introduced) - 1} more)" if len(self.introduced) > 1 else ""
        return (f"{f.line}:{f.column}: {f.rule}: fix not applied ({f.fix.description}): it would add "
                f"{new.rule} at line {new.line}: {new.message}{more}")


@dataclass
class Outcome:
    """What fixing one page did: the text before and after, the findings fixed, the fixes rolled back."""

    text: str
    fixed: Counter = field(default_factory=Counter)  # rule → findings fixed
    rolled_back: list[RolledBack] = field(default_factory=list)
    rounds: int = 0
    findings: list[Finding] = field(default_factory=list)  # the fixed page's findings (offline rules)


def _introduced(before: list[Finding], after: list[Finding]) -> list[Finding]:
    """Findings of ``after`` beyond those ``before`` had, by rule and subject (place is not compared: the
    text moves)."""
    seen = Counter((f.rule, f.content_hash) for f in before)
    out = []
    for f in after:
        k = (f.rule, f.content_hash)
        if seen[k] > 0:
            seen[k] -= 1
        else:
            out.append(f)
    return out


def fix_text(text: str, settings: Settings, path: str = "-", unsafe: bool = False,
             max_rounds: int = MAX_ROUNDS, findings: Optional[list[Finding]] = None) -> Outcome:
    """Fix one wikitext page (``text`` with LF line ends, as ``sources.decode`` gives it)."""

    def check(t: str) -> list[Finding]:
        return check_document(Document(path=path, text=t, kind="wikitext"), settings)

    current = check(text) if findings is None else findings
    out = Outcome(text)
    rejected: set[tuple] = set()

    def key(f: Finding) -> tuple:
        return f.rule, f.content_hash, f.fix.description

    for _ in range(max_rounds):
        candidates = [f for f in current if applicable(f.fix, unsafe) and key(f) not in rejected]
        if not candidates:
            break
        out.rounds += 1
        by_fix = {id(f.fix): f for f in candidates}
        taken, _later = choose(f.fix for f in candidates)
        chosen = [by_fix[id(x)] for x in taken]
        trial = apply(out.text, taken)
        after = check(trial)
        if _introduced(current, after):
            # take the round apart: each fix on top of those kept so far, rolled back if it adds a finding
            kept: list[Finding] = []
            trial, after = out.text, current
            for f in chosen:
                t = apply(out.text, [g.fix for g in kept] + [f.fix])
                got = check(t)
                new = _introduced(current, got)
                if new:
                    rejected.add(key(f))
                    out.rolled_back.append(RolledBack(f, tuple(new)))
                else:
                    kept.append(f)
                    trial, after = t, got
            chosen = kept
        if trial == out.text:
            continue
        out.fixed.update(f.rule for f in chosen)
        out.text, current = trial, after
    out.findings = current
    return out


# -- files -------------------------------------------------------------------------------------------------
_BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xef\xbb\xbf", "utf-8"),
         (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


class FileChanged(Exception):
    """The file changed on disk between reading and writing it: it is not overwritten."""


@dataclass
class FileFix:
    path: str
    outcome: Optional[Outcome] = None
    before: str = ""  # the file's text as on disk (its own line ends), and after the fixes
    after: str = ""
    error: Optional[str] = None  # why it could not be fixed or written (one line)
    written: bool = False

    @property
    def changed(self) -> bool:
        return self.error is None and self.before != self.after


def _raw(data: bytes) -> tuple[str, bool, str]:
    """(encoding, has a byte-order mark, the text with its own line ends) of bytes ``sources.decode`` read."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc, True, data[len(bom):].decode(enc)
    return "utf-8", False, data.decode("utf-8")


def with_line_ends(raw: str, old: str, new: str) -> str:
    """``new`` (LF line ends) written as the file was: each line the fixes left alone keeps its own line end,
    each new or changed line gets the file's most common one."""
    if "\r" not in raw:
        return new
    raw_lines = _LINES.findall(raw)
    old_lines = _LINES.findall(old)
    new_lines = _LINES.findall(new)
    ends = Counter(line[len(line.rstrip("\r\n")):] for line in raw_lines)
    ends.pop("", None)
    eol = ends.most_common(1)[0][0] if ends else "\n"
    if len(ends) == 1:
        return new.replace("\n", eol)
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False).get_opcodes():
        if op == "equal":
            out.extend(raw_lines[i1:i2])
        else:
            out.extend(line[:-1] + eol if line.endswith("\n") else line for line in new_lines[j1:j2])
    return "".join(out)


def fix_file(path: str, settings: Settings, unsafe: bool = False, write: bool = True) -> FileFix:
    """Fix one wikitext file; written (unless ``write`` is False: ``--diff``) when something changed."""
    from citelint.sources import decode, detect_kind, open_regular, read_error

    try:
        with open_regular(path) as fh:
            st = os.fstat(fh.fileno())
            data = fh.read()
    except OSError as e:
        return FileFix(path, error=read_error(e))
    text = decode(data, path)
    if not isinstance(text, str):
        return FileFix(path, error=text.message)
    if detect_kind(path, text, settings.input_format) != "wikitext":
        return FileFix(path, error="a plain-text rendering: reported, never rewritten (--fix rewrites wikitext "
                                   "files only)")
    encoding, bom, raw = _raw(data)
    outcome = fix_text(text, settings, path, unsafe)
    result = FileFix(path, outcome, raw, raw if outcome.text == text else with_line_ends(raw, text, outcome.text))
    if not write or not result.changed:
        return result
    digest = hashlib.sha256(data).digest()

    def unchanged() -> None:
        try:
            now = os.stat(path)
            if (now.st_size, now.st_mtime_ns) != (st.st_size, st.st_mtime_ns):
                raise FileChanged()
            with open(path, "rb") as fh:
                if hashlib.sha256(fh.read()).digest() != digest:
                    raise FileChanged()
        except OSError:
            raise FileChanged() from None

    from citelint.atomicfile import open_atomic

    try:
        with open_atomic(path, encoding, before_replace=unchanged) as fh:
            fh.write(("\ufeff" if bom else "") + result.after)
        result.written = True
    except FileChanged:
        result.error = "changed on disk while it was being fixed: not overwritten; run --fix again"
    except OSError as e:
        result.error = f"cannot write the fixed file: {e.strerror or e}"
    return result


def unified_diff(fix: FileFix) -> str:
    """What ``--fix`` would change in the file, as a unified diff (``--diff``)."""
    name = os.path.normpath(fix.path).replace(os.sep, "/")
    return "".join(difflib.unified_diff(fix.before.splitlines(keepends=True), fix.after.splitlines(keepends=True),
                                        f"a/{name}", f"b/{name}"))


def fixable_paths(findings: Iterable[Finding], unsafe: bool) -> list[str]:
    """The files (in report order) with a fix ``--fix`` would apply; dump pages and standard input are not
    files to rewrite."""
    seen: dict[str, None] = {}
    for f in findings:
        if f.page is None and f.path != "-" and applicable(f.fix, unsafe):
            seen.setdefault(f.path, None)
    return list(seen)


def not_rewritten(findings: Iterable[Finding], stdin_name: str = "-",
                  settings_for: Optional[Callable[[str], Settings]] = None) -> list[tuple[str, str]]:
    """(path, why) for each input with findings that ``--fix`` never rewrites: XML dumps, plain-text
    renderings, standard input."""
    from citelint.sources import detect_kind, kind_from_extension, read_document

    out: dict[str, str] = {}
    for f in findings:
        if f.path in out:
            continue
        if f.page is not None:
            out[f.path] = "an XML dump: reported, never rewritten (--fix rewrites wikitext files only)"
        elif f.path in ("-", stdin_name):
            out[f.path] = "standard input is not rewritten by --fix (--diff shows the fixes of a file)"
        else:
            forced = settings_for(f.path).input_format if settings_for is not None else None
            if forced == "plaintext" or (forced is None and kind_from_extension(f.path) == "plaintext"):
                doc = read_document(f.path, forced)
                if isinstance(doc, Document) and detect_kind(f.path, doc.text, forced) == "plaintext":
                    out[f.path] = "a plain-text rendering: reported, never rewritten (--fix rewrites wikitext files only)"
    return list(out.items())


def fix_files(paths: list[str], settings_for: Callable[[str], Settings], unsafe: bool, write: bool) -> list[FileFix]:
    return [fix_file(p, settings_for(p), unsafe, write) for p in paths]
