"""What the CS1 content rules (``cs1_*.py``, CL520–CL549) share: the citations, which of their parameters are
set the way CS1 sees them, where a finding goes, and how a message names CS1's error.

Not a rule. A citation's parameters come from ``citelint.cs1.citations`` (parsed once per document); the
parameter names of each CS1 meta-parameter (``Title``, ``Periodical``, ``AccessDate``…) and CS1's error
messages from ``citelint.cs1config`` (``data/cs1_config.toml``).
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from functools import lru_cache
from typing import Iterator, Mapping, Optional

from citelint.cs1 import Citation, Param, citations
from citelint.model import Span, normalize

#: CS1 classes whose title is an article in a periodical (CS1.lua's list for quoted titles, ignored chapters)
PERIODICAL_CLASSES = frozenset({"web", "news", "journal", "magazine", "pressrelease", "podcast", "newsgroup",
                                "arxiv", "biorxiv", "citeseerx", "ssrn"})


def cites(model, ctx) -> list[Citation]:
    return citations(model, ctx.text, ctx.cs1_extra)


def with_metas(model, ctx) -> Iterator[tuple[Citation, Mapping[str, Param]]]:
    """Each citation with its ``metas`` (in document order), computed once per document: the content rules read
    them all, and one list spares each rule a call per citation. The pairs are made as they are read (kept,
    they were 3,000 more objects per pass for the garbage collector)."""
    text = ctx.text
    extra = ctx.cs1_extra
    key = "cs1-metas" if not extra else "cs1-metas:" + repr(sorted(extra.items()))
    cites, found = model.derived(key, text, lambda: _with_metas(citations(model, text, extra), text))
    return zip(cites, found)


def _with_metas(cites: list[Citation], text: str) -> tuple[list[Citation], list[Mapping[str, Param]]]:
    return cites, [metas(c, text) for c in cites]


def today(ctx) -> date:
    """The day the check stands for: a dump revision's timestamp, else today (UTC)."""
    t = getattr(ctx, "today", None)
    return t if t is not None else datetime.now(timezone.utc).date()


def is_set(c: Citation, p: Optional[Param], text: str) -> bool:
    """A parameter CS1 sees as set: a non-empty value. Parts citelint masks (``<nowiki>``, ``<math>``…) count
    as set; comments do not (MediaWiki strips them before CS1 runs)."""
    if p is None:
        return False
    if p.value:
        return True
    return bool(normalize(text[p.raw_start:p.raw_end]))


def first(c: Citation, names: tuple[str, ...], text: str) -> Optional[Param]:
    """The parameter CS1 reads a meta-parameter from: the first of its aliases (CS1's order) that is set.
    A parameter given twice has the value of its last occurrence (MediaWiki's rule), even an empty one."""
    last = c.last
    for name in names:
        p = last.get(name)
        if p is not None and (p.value or normalize(text[p.raw_start:p.raw_end])):  # is_set
            return p
    return None


def any_set(c: Citation, names: tuple[str, ...], text: str) -> bool:
    return first(c, names, text) is not None


def metas(c: Citation, text: str) -> Mapping[str, Param]:
    """Meta-parameter → the parameter CS1 reads it from, for each meta-parameter the citation sets: what
    ``first(c, config().names(meta), text)`` gives, for all of them at once (computed once per citation and
    kept on it; the rules ask it about 35 times per citation)."""
    got = c.memo.get("metas")
    if got is None:
        index = _alias_positions()
        got = c.memo["metas"] = {}
        for name, p in c.last.items():
            where = index.get(name)
            if where is None or not (p.value or normalize(text[p.raw_start:p.raw_end])):  # is_set
                continue
            for meta, pos in where:
                q = got.get(meta)
                # the first alias given; another only if it comes first in CS1's order (two aliases: rare)
                if q is None or pos < _position(meta, q.name):
                    got[meta] = p
    return got


def _position(meta: str, name: str) -> int:
    """The position of a name among a meta-parameter's aliases."""
    for m, pos in _alias_positions()[name]:
        if m == meta:
            return pos
    raise KeyError((meta, name))  # pragma: no cover - the name was found under that meta


def any_meta(c: Citation, text: str, *meta: str) -> bool:
    """Some of these meta-parameters is set (``any_set(c, config().names(*meta), text)``)."""
    m = metas(c, text)
    for x in meta:
        if x in m:
            return True
    return False


@lru_cache(maxsize=1)
def _alias_positions() -> dict[str, tuple[tuple[str, int], ...]]:
    """Parameter name → ((meta-parameter, position among its aliases), …), from cs1_config.toml."""
    from citelint.cs1config import config

    out: dict[str, list] = {}
    for meta, names in config().aliases.items():
        for pos, n in enumerate(names):
            out.setdefault(n, []).append((meta, pos))
    return {n: tuple(v) for n, v in out.items()}


def on_name(c: Citation) -> Span:
    return Span(c.name_start, max(c.name_end, c.name_start + 1))


def on_value(p: Param) -> Span:
    if p.value_end > p.value_start:
        return Span(p.value_start, p.value_end)
    return Span(p.start, max(p.name_end, p.start + 1))


def on_param(p: Param) -> Span:
    return Span(p.start, max(p.name_end, p.start + 1))


def expandable(value: str) -> bool:
    """A value holding a template, parser function or variable: CS1 sees what it expands to, citelint does not."""
    return "{{" in value or "{{{" in value


def subject(c: Citation, text: str, what: str) -> str:
    """A finding's identity (for fingerprints): the citation as written and what is wrong with it."""
    return f"{what}\0{normalize(text[c.start:c.end])}"
