"""The format-neutral citation model every parser produces and every rule reads.

Offsets are character offsets into ``Document.text``; the engine turns them into
line and column only for the findings it reports.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field
from typing import Optional

from citelint.memo import Memo, str_weight

DEFAULT_GROUP = ""


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> "Severity":
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (use error, warning or info)") from None


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Attr:
    """One attribute of a ``<ref>``/``<references>`` tag, as written."""

    name: str
    value: Optional[str]  # None for a bare attribute (``<ref name>``)
    quote: Optional[str]  # '"', "'" or None
    span: Span


@dataclass(frozen=True, slots=True)
class Use:
    """A place where a citation is invoked: an inline ``<ref>``, a reuse, a ``[12]`` marker."""

    group: str
    key: Optional[str]  # None: anonymous (an unnamed inline ref)
    span: Span
    origin: str  # "ref", "reuse", "template", "marker"
    #: how many reference lists of this group came before: each list shows (and forgets) the refs before it
    segment: int = 0

    @property
    def ident(self) -> tuple:
        return (self.group, self.segment, self.key)


@dataclass(frozen=True, slots=True)
class Definition:
    """A place where a reference's content is given."""

    group: str
    key: Optional[str]
    span: Span
    content: str  # raw content, as written
    origin: str  # "ref", "list-ref", "template", "entry"
    list_defined: bool = False  # defined inside a reference list: must be used before it
    list_start: int = -1  # offset of the list a list-defined ref belongs to
    backlinks: Optional[tuple[str, ...]] = None  # plain text: backlink labels shown
    content_start: int = -1  # offset where content begins (for placing URLs)
    segment: int = 0  # see Use.segment; a list-defined ref belongs to the segment its list closes

    @property
    def ident(self) -> tuple:
        return (self.group, self.segment, self.key)

    @property
    def normalized(self) -> str:
        return normalize(self.content)


@dataclass(frozen=True, slots=True)
class RefList:
    """A place that renders the references of a group."""

    group: str
    span: Span
    origin: str  # "references", "template", "list"
    segment: int = 0  # the segment of refs this list shows


@dataclass(frozen=True, slots=True)
class RefTag:
    """A ``<ref>`` or ``<references>`` tag with its attributes, for the structural rules."""

    name: str  # "ref" or "references"
    span: Span
    attrs: tuple[Attr, ...]
    in_list: bool  # a <ref> inside <references>…</references> or a refs= parameter
    self_closing: bool
    content: Optional[str]  # None when self-closing
    list_group: Optional[str] = None  # for a ref in a list: the list's group
    #: the attributes as MediaWiki reads them (its Sanitizer: an unclosed quote runs to the end of the
    #: tag, junk between attributes is dropped): (name, value) pairs; None for {{#tag:…}} parameters
    read: Optional[tuple[tuple[str, str], ...]] = None

    def attr(self, name: str) -> Optional[Attr]:
        for a in self.attrs:
            if a.name == name:
                return a
        return None


@dataclass(frozen=True, slots=True)
class Problem:
    """Broken markup the parser met: unclosed ``<ref>``, stray ``</ref>``, unclosed ``<references>``."""

    kind: str  # "unclosed-ref", "stray-close", "unclosed-references", "nested-references"
    span: Span
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Leak:
    """A diagnostic that leaked into a rendered page's text (plain text): ``Cite error: …``, a CS1 error
    message, a ``Harv error``/``sfn error``. ``key`` is the message's key (a CS1 ``error_conditions`` key such
    as ``err_bad_date``, a Cite message key, or ``sfn_no_target``-like names for Module:Footnotes), or "" when
    the message is one citelint does not know; ``source`` is who shows it ("Cite", "CS1", "Footnotes")."""

    source: str
    key: str
    span: Span
    text: str  # the message as it reads on the page
    template: str = ""  # CS1: the template named before the message ("cite web"), when the page shows it


@dataclass(slots=True)
class CitationModel:
    kind: str  # "wikitext" or "plaintext"
    uses: list[Use] = field(default_factory=list)
    definitions: list[Definition] = field(default_factory=list)
    reflists: list[RefList] = field(default_factory=list)
    tags: list[RefTag] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: HTML comments MediaWiki sees as comments (not inside <nowiki>, <pre>…): inline suppressions live there
    comments: list[Span] = field(default_factory=list)
    #: plain text: diagnostics of the rendered page that were copied with it (rule leaked-diagnostic)
    leaks: list[Leak] = field(default_factory=list)
    # named groups that must have their own list (efn/notelist style); default group is ""
    auto_default_list: bool = True
    #: what rules derive from this model and share (parsed ref contents, identifiers, short citations),
    #: computed on first use by ``derived``: kept on the model itself, not in module-level state
    _derived: dict = field(default_factory=dict, compare=False, repr=False)

    def derived(self, key: str, text: str, compute):
        """``compute()`` once per model and source text; later calls with the same key return it."""
        hit = self._derived.get(key)
        if hit is not None and hit[0] is text:
            return hit[1]
        value = compute()
        self._derived[key] = (text, value)
        return value


_WS = re.compile(r"\s+")
_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)


def normalize(text: str) -> str:
    """Content without comments, whitespace runs collapsed, ends trimmed: the identity of a citation."""
    if 48 <= len(text) <= 8192:  # a ref's content, normalised again by each rule and each revision
        return _normalized(text)
    return _normalize(text)


def _normalize(text: str) -> str:
    if "<!--" in text:
        text = _COMMENT.sub("", text)
    return _WS.sub(" ", text).strip()


def _memo_weight(text: str, value: str) -> int:
    return 100 + str_weight(text) + (0 if value is text else str_weight(value))


_normalized: Memo[str] = Memo(_normalize, _memo_weight, 4_000_000)


@dataclass(frozen=True, slots=True)
class Document:
    """One text to check: a file, or one revision of a page in a dump."""

    path: str
    text: str
    kind: str  # "wikitext" or "plaintext"
    page: Optional[str] = None
    revision: Optional[str] = None
    namespace: Optional[int] = None
    #: a dump revision's <timestamp> (ISO 8601, UTC): the day CS1's date checks take for "today"
    timestamp: Optional[str] = None
    #: why the document is not checked (too large to read: its text is not kept); the engine reports
    #: it as one unchecked-page finding
    unchecked: Optional[str] = None
