"""Findings: immutable records of what a rule found, placed in the source."""

from __future__ import annotations

import bisect
import hashlib
import os
import re
from dataclasses import dataclass, field
from typing import Optional

from citelint.fixes import Fix
from citelint.model import Severity, Span, normalize

_LINE_BREAK = re.compile("[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]+")


#: characters of a long source line kept on each side of a finding's span (see ``LineIndex.excerpt``)
EXCERPT = 200


class LineIndex:
    """Turns character offsets into 1-based line and column numbers."""

    __slots__ = ("_starts", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        starts = [0]
        find = text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        self._starts = starts

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def line_text(self, line: int) -> str:
        start = self._starts[line - 1]
        end = self._starts[line] - 1 if line < len(self._starts) else len(self._text)
        return self._text[start:end].rstrip("\r")

    def excerpt(self, line: int, column: int, end_line: int, end_column: int) -> tuple[str, int, int]:
        """``(text, first_column, line_length)``: the part of ``line`` a report shows for a span that
        starts there at ``column`` (1-based) and ends at ``end_line:end_column`` (exclusive): at most
        ``EXCERPT`` characters before the span's start and ``EXCERPT`` after its end, ``2 × EXCERPT`` in
        all, never a copy of a whole long line (a finding holds this, so memory stays linear)."""
        start = self._starts[line - 1]
        end = self._starts[line] - 1 if line < len(self._starts) else len(self._text)
        if end > start and self._text[end - 1] == "\r":
            end -= 1
        length = end - start
        if length <= 2 * EXCERPT:
            return self._text[start:end], 1, length
        c = column - 1
        e = end_column - 1 if end_line == line else length
        lo = max(0, c - EXCERPT)
        hi = min(length, max(e, c + 1) + EXCERPT, lo + 2 * EXCERPT)
        return self._text[start + lo:start + hi], lo + 1, length


@dataclass(frozen=True, slots=True)
class Hit:
    """What a rule yields: where, what, and the citation content it is about (for fingerprints)."""

    span: Span
    message: str
    subject: str = ""  # the citation's identity (content or key) for the fingerprint
    severity: Optional[Severity] = None  # overrides the rule's default for this hit
    fix: Optional[Fix] = None  # the edits that repair it (citelint.fixes), if the rule knows them
    #: the name of the rule the finding is reported as, when not the rule that yielded it (a leaked
    #: diagnostic in a plain-text page is named after the rule that catches it in wikitext)
    rule: Optional[str] = None


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    code: str
    severity: Severity
    message: str
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    fingerprint: str
    page: Optional[str] = None
    revision: Optional[str] = None
    #: the source line the finding starts on, or for a line longer than ``2 × EXCERPT`` characters a
    #: window of it around the span (``LineIndex.excerpt``): ``source_line[0]`` is column
    #: ``source_column`` of the line, and the line has ``line_length`` characters in all, so the span
    #: is ``source_line[column - source_column : end_column - source_column]`` (clipped) and the line
    #: goes on past the excerpt when ``source_column - 1 + len(source_line) < line_length``
    source_line: str = field(default="", compare=False)
    #: hash of rule and normalised subject only (no place): the baseline pairs it with a path
    #: relative to the baseline file, so a baseline works from any directory
    content_hash: str = ""
    #: column of the line where ``source_line`` starts (1: the excerpt is the line's beginning)
    source_column: int = field(default=1, compare=False)
    #: characters in the whole source line (-1: unknown, take ``source_line`` as the whole line)
    line_length: int = field(default=-1, compare=False)
    #: the edits that repair it (``citelint.fixes.Fix``, placed: each edit has its line and column), or None
    fix: Optional[Fix] = field(default=None, compare=False)

    def __post_init__(self) -> None:
        # a message is one line (the text report, grep and editors read one finding per line), even when
        # it quotes markup that holds a line break (an attribute name written over two lines)
        if _LINE_BREAK.search(self.message):
            object.__setattr__(self, "message", _LINE_BREAK.sub(" ", self.message))

    def to_dict(self) -> dict:
        d = {
            "rule": self.rule,
            "code": self.code,
            "severity": self.severity.label,
            "message": self.message,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "fingerprint": self.fingerprint,
        }
        if self.page is not None:
            d["page"] = self.page
            d["revision"] = self.revision
        d["fix"] = self.fix.to_dict() if self.fix is not None else None
        return d


def stable_place(path: str) -> str:
    """A path as fingerprints see it: relative to the working directory with ``/`` separators
    (``./a.wiki``, ``a.wiki`` and ``/abs/cwd/a.wiki`` are one place); absolute when outside it."""
    if path == "-" or not path:
        return path
    absolute = os.path.abspath(path)
    try:
        rel = os.path.relpath(absolute, os.getcwd())
    except ValueError:  # another drive (Windows)
        return absolute.replace(os.sep, "/")
    if rel == os.pardir or rel.startswith(os.pardir + os.sep):
        return absolute.replace(os.sep, "/")
    return rel.replace(os.sep, "/")


def content_hash(rule: str, subject: str) -> str:
    """Rule and normalised subject, without the place: what a baseline entry stores."""
    return fingerprint("", rule, subject)


def fingerprint(where: str, rule: str, subject: str) -> str:
    """A fingerprint that survives text moving: place (path or page), rule, normalised subject."""
    h = hashlib.sha256()
    h.update(where.encode("utf-8", "surrogatepass"))
    h.update(b"\0")
    h.update(rule.encode())
    h.update(b"\0")
    h.update(normalize(subject).encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:16]
