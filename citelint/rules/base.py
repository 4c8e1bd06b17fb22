"""What every rule is: a name, a code, a default severity, a docstring, and a check over the model."""

from __future__ import annotations

import bisect
import inspect
import re
from dataclasses import dataclass
from datetime import date
from typing import ClassVar, Iterator, Optional

from citelint.findings import Hit, LineIndex
from citelint.quoting import clip
from citelint.model import CitationModel, Severity


@dataclass
class Context:
    """What a rule may look at besides the model: the text, line numbers, and its options."""

    text: str
    lines: LineIndex
    sub_referencing: bool = True  # MediaWiki's details= sub-references (wgCiteSubReferencing)
    namespace: int | None = None  # a dump page's namespace (odd numbers are talk pages)
    today: date | None = None  # the day date checks stand for (a dump revision's timestamp); None: today (UTC)
    cs1_templates: tuple = ()  # [tool.citelint.cs1] templates: ((name, CitationClass), …)
    cs1_parameters: frozenset = frozenset()  # [tool.citelint.cs1] parameters: names accepted besides CS1's
    #: the names of the registered rules (the engine gives them; None: any name a rule reports as is taken)
    rule_names: frozenset | None = None
    identifier_limits: tuple = ()  # [tool.citelint.cs1.identifier-limits]: ((kind, limit), …)

    @property
    def cs1_extra(self) -> dict | None:
        """The configured CS1 templates as ``cs1.citations``' ``extra`` (None: none configured)."""
        return dict(self.cs1_templates) if self.cs1_templates else None

    def line(self, offset: int) -> int:
        return self.lines.position(offset)[0]


class Rule:
    """Base class. Subclasses set the class attributes and implement :meth:`check`.

    The subclass docstring is the rule's documentation: the first line says what it flags,
    then why it matters, how to fix it, and an example (``citelint rule NAME`` prints it).
    """

    name: ClassVar[str]
    code: ClassVar[str]
    severity: ClassVar[Severity]
    #: input kinds the rule applies to
    formats: ClassVar[frozenset[str]] = frozenset({"wikitext", "plaintext"})
    #: whether its findings come with fixes (``citelint.fixes``): "safe", "unsafe" (some or all of them
    #: only with --unsafe-fixes) or None
    fixable: ClassVar[Optional[str]] = None

    def check(self, model: CitationModel, ctx: Context) -> Iterator[Hit]:  # pragma: no cover - abstract
        raise NotImplementedError

    @classmethod
    def summary(cls) -> str:
        """The docstring's first line, as plain text."""
        return plain_doc((cls.__doc__ or "").strip().splitlines()[0])

    @classmethod
    def documentation(cls) -> str:
        """The docstring as plain text (``citelint rule NAME``, SARIF ``help.text``)."""
        return plain_doc(inspect.cleandoc(cls.__doc__ or cls.name))


_LITERAL = re.compile(r"``(.+?)``", re.DOTALL)


def plain_doc(doc: str) -> str:
    """A docstring (reStructuredText-ish) as plain text: inline literals ````x```` shown as ``x``, and a
    literal block's ``Example::`` as ``Example:``. (Markdown: ``report.sarif_report._markdown``.)"""
    return re.sub(r"::[ \t]*$", ":", _LITERAL.sub(r"\1", doc), flags=re.MULTILINE)


def describe_key(group: str, key: str | None) -> str:
    """How a message names a reference: ``"smith2001"`` or ``"a" (group "note")`` (a long name or group
    clipped: ``quoting.clip``)."""
    name = f'"{clip(key)}"' if key is not None else "an unnamed reference"
    return f'{name} (group "{clip(group)}")' if group else name


def normalize_ws(text: str) -> str:
    return " ".join(text.split())


def quoted(text: str, limit: int = 60) -> str:
    """Citation text for a message, shortened and quoted with a mark the text does not start with."""
    short = shorten(text, limit)
    return f"'{short}'" if short.startswith('"') else f'"{short}"'


def shorten(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


_BRACES = re.compile(r"<!--.*?(?:-->|\Z)|\{\{|\}\}", re.DOTALL)


def in_template(model: CitationModel, text: str, offset: int) -> bool:
    """Whether ``offset`` lies inside a ``{{…}}`` (an infobox parameter, a note template): a fix to a ref
    there is unsafe, since the template decides what becomes of its arguments."""
    spans = model.derived("template-spans", text, lambda: _template_spans(text))
    i = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    return i >= 0 and spans[i][0] < offset < spans[i][1]


def _template_spans(text: str) -> list[tuple[int, int]]:
    """The outermost ``{{…}}`` of the text, ``[start, end)``, in order (comments skipped).

    The tokens of ``_BRACES``, found in C: comments blanked out first (a brace pair never holds a "<", so
    the comments are where the pattern finds them), then the "{{" and the "}}" each in one scan (they share
    no character, so each is where the pattern finds it), merged as sorted numbers (2 × offset, + 1 for a
    "}}"); only the depth is followed in Python."""
    out: list[tuple[int, int]] = []
    if "{{" not in text:
        return out
    if "<!--" in text:
        text = _COMMENT.sub(_blank, text)
    events = [2 * m.start() for m in _OPEN.finditer(text)]
    events += [2 * m.start() + 1 for m in _CLOSE.finditer(text)]
    events.sort()
    depth, start = 0, 0
    for e in events:
        if not e & 1:
            if depth == 0:
                start = e >> 1
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                out.append((start, (e >> 1) + 2))
    return out


_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_OPEN = re.compile(r"\{\{")
_CLOSE = re.compile(r"\}\}")


def _blank(m: re.Match) -> str:
    return " " * (m.end() - m.start())
