"""Fixes are data: the edits a rule proposes for one of its findings, applied by ``citelint.fixer``.

A rule that can repair what it flags sets ``fixable = "safe"`` (or ``"unsafe"``) on its class and gives
the ``Hit`` it yields a ``Fix``::

    yield Hit(span, message, subject=..., fix=Fix.safe("merge into <ref name=\"smith\" />",
                                                        Edit(start, end, '<ref name="smith" />')))

- ``Edit(start, end, text)`` replaces ``text[start:end]`` of the document (character offsets into
  ``Document.text``, whose line ends are LF; the fixer writes them back as the file had them); an
  insertion has ``start == end``, a deletion ``text == ""``.
- ``Fix(edits, safety, description)``: all the edits or none. ``"safe"`` when the rendered page's list of
  references does not change (``--fix`` applies it); ``"unsafe"`` when it changes what a reader sees or
  needs an editor's judgement (``--fix --unsafe-fixes`` only). A fix never drops citation text.
- Two fixes that give the very same edit (two copies naming one first ref) share it; fixes whose edits
  overlap otherwise are applied in different rounds. After a round the page is checked again, and a fix
  that brings a finding that was not there before is rolled back (``citelint.fixer``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional

SAFE, UNSAFE = "safe", "unsafe"


@dataclass(frozen=True, slots=True)
class Edit:
    start: int
    end: int
    text: str
    #: where the edit is, 1-based and end exclusive, filled in when the finding is placed (reports)
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0

    def to_dict(self) -> dict:
        """ruff's form: ``{"content", "location": {"row", "column"}, "end_location": {...}}``."""
        return {"content": self.text, "location": {"row": self.line, "column": self.column},
                "end_location": {"row": self.end_line, "column": self.end_column}}


@dataclass(frozen=True, slots=True)
class Fix:
    edits: tuple[Edit, ...]
    safety: str  # SAFE or UNSAFE
    description: str  # what the fix does, imperative: 'merge into <ref name="smith" />'

    @classmethod
    def safe(cls, description: str, *edits: Edit) -> "Fix":
        return cls(tuple(sorted(edits, key=lambda e: (e.start, e.end))), SAFE, description)

    @classmethod
    def unsafe(cls, description: str, *edits: Edit) -> "Fix":
        return cls(tuple(sorted(edits, key=lambda e: (e.start, e.end))), UNSAFE, description)

    def as_unsafe(self) -> "Fix":
        return Fix(self.edits, UNSAFE, self.description)

    def placed(self, position) -> "Fix":
        """The fix with each edit's line and column (``position(offset) -> (line, column)``)."""
        out = []
        for e in self.edits:
            line, col = position(e.start)
            end_line, end_col = position(e.end) if e.end != e.start else (line, col)
            out.append(Edit(e.start, e.end, e.text, line, col, end_line, end_col))
        return Fix(tuple(out), self.safety, self.description)

    def to_dict(self) -> dict:
        return {"applicability": self.safety, "message": self.description,
                "edits": [e.to_dict() for e in self.edits]}


def applicable(fix: Optional[Fix], unsafe: bool) -> bool:
    """Whether ``--fix`` applies this fix (with ``--unsafe-fixes``: ``unsafe`` True)."""
    return fix is not None and (fix.safety == SAFE or unsafe)


def _key(e: Edit) -> tuple:
    return e.start, e.end, e.text


def _clash(a: Edit, b: Edit) -> bool:
    """Two different edits that cannot both be made: overlapping spans, or two insertions at one place."""
    if _key(a) == _key(b):
        return False
    if a.start == a.end and b.start == b.end:
        return a.start == b.start
    if a.start == a.end:
        return b.start < a.start < b.end
    if b.start == b.end:
        return a.start < b.start < a.end
    return a.start < b.end and b.start < a.end


def choose(fixes: Iterable[Fix]) -> tuple[list[Fix], list[Fix]]:
    """(the fixes applied together this round, those left for a later round): in order of their first
    edit, each fix whose edits clash with none already taken."""
    taken: list[Fix] = []
    later: list[Fix] = []
    edits: list[Edit] = []
    for fix in sorted(fixes, key=lambda f: (f.edits[0].start, f.edits[0].end) if f.edits else (0, 0)):
        if any(_clash(a, b) for a in fix.edits for b in edits):
            later.append(fix)
        else:
            taken.append(fix)
            edits.extend(fix.edits)
    return taken, later


def apply(text: str, fixes: Iterable[Fix]) -> str:
    """``text`` with the edits of ``fixes`` made (they must not clash: see ``choose``); an edit two
    fixes share is made once."""
    unique = {_key(e): e for fix in fixes for e in fix.edits}
    out = []
    pos = 0
    for e in sorted(unique.values(), key=lambda e: (e.start, e.end)):
        out.append(text[pos:e.start])
        out.append(e.text)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)
