"""The CS1/CS2 citation templates of a document, with their parameters: what the CS1 content rules read.

``citations(model, text)`` lists every ``{{cite …}}``/``{{citation}}`` the document holds — inside its
references and outside them (bibliographies, further reading) — once per model (``CitationModel.derived``),
from the templates ``citelint.citations`` has already parsed. Each :class:`Citation` knows its CS1 class (the
``|CitationClass=`` its template passes to Module:Citation/CS1, from ``data/cs1_templates.toml``; a wiki extends
that table in configuration) and its parameters as written, with document offsets, so a rule can place a
finding on the parameter's name or value.

CS1 parameter names are case-sensitive (``|url=`` and ``|URL=`` are aliases, ``|Url=`` is unknown): a
:class:`Param` keeps the name exactly as written (trimmed), not lower-cased.
"""

from __future__ import annotations

import pkgutil
import tomllib
from collections import OrderedDict
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter
from typing import Iterator, Mapping, Optional

from citelint.citations import ParsedRef, outside_refs, parsed_refs
from citelint.links.extract import MASK, Param, Template, trimmed_value  # (Param: cs1.Param)
from citelint.memo import maker
from citelint.model import CitationModel


@dataclass(frozen=True, slots=True)
class Citation:
    template: str  # canonical template name ("cite web")
    cls: str  # CS1 CitationClass ("web"; "citation" for CS2 {{citation}})
    start: int  # document offsets of the whole {{…}}
    end: int
    name_start: int  # the template's name, document offsets (trimmed)
    name_end: int
    params: tuple[Param, ...]
    ref: ParsedRef  # the parsed reference (or the text outside references) it was found in
    in_ref: bool  # inside a <ref> (or a ref template), not in a bibliography
    nested: bool  # inside another template (a {{cite …}} as a parameter of {{harvc}}, {{efn}}…)
    #: name → its last occurrence among ``params`` (MediaWiki gives a parameter given twice its last value)
    last: Mapping[str, Param] = field(default_factory=dict, compare=False, repr=False)
    #: what the CS1 rules derive from this citation, computed once (``rules/cs1_content.metas``)
    memo: dict = field(default_factory=dict, compare=False, repr=False)

    def get(self, *names: str) -> Optional[Param]:
        """The first of ``names`` given, with a non-empty value when any is (CS1 picks the first alias set)."""
        found = None
        for p in self.params:
            if p.name in names:
                if p.value:
                    return p
                found = found or p
        return found

    def value(self, *names: str) -> str:
        p = self.get(*names)
        return p.value if p is not None else ""

    def named(self) -> Iterator[Param]:
        return (p for p in self.params if p.name is not None)


_CITATION = maker(Citation)  # Citation(*all 12 fields), made faster


@lru_cache(maxsize=1)
def _builtin() -> Mapping[str, str]:
    raw = pkgutil.get_data("citelint", "data/cs1_templates.toml").decode("utf-8")
    return dict(tomllib.loads(raw)["templates"])


def template_classes(extra: Optional[Mapping[str, str]] = None) -> Mapping[str, str]:
    """Template name (canonical, lower case) → CS1 class; ``extra`` (a wiki's configuration) adds or overrides."""
    table = _builtin()
    if not extra:
        return table
    merged = dict(table)
    merged.update({" ".join(k.replace("_", " ").split()).lower(): v for k, v in extra.items()})
    return merged


def citations(model: CitationModel, text: str, extra: Optional[Mapping[str, str]] = None) -> list[Citation]:
    """Every CS1/CS2 citation of the document, in document order (computed once per model)."""
    key = "cs1" if not extra else "cs1:" + repr(sorted(extra.items()))
    return model.derived(key, text, lambda: _collect(model, text, template_classes(extra)))


def _collect(model: CitationModel, text: str, table: Mapping[str, str]) -> list[Citation]:
    out = []
    sources = list(parsed_refs(model, text))
    rest = outside_refs(model, text)
    if rest is not None:
        sources.append(rest)
    for ref in sources:
        templates = ref.templates
        if len(templates) == 1:  # (most refs: one template, not nested)
            cls = table.get(templates[0].name)
            if cls is not None:
                out.append(_citation(ref, templates[0], cls, False))
            continue
        last_end = -1
        for t in templates:  # by start: a template starting inside the previous top-level one is nested
            nested = t.start < last_end
            if not nested:
                last_end = t.end
            cls = table.get(t.name)
            if cls is not None:
                out.append(_citation(ref, t, cls, nested))
    out.sort(key=_START)
    return out


_START = attrgetter("start")


def _citation(ref: ParsedRef, t: Template, cls: str, nested: bool) -> Citation:
    lay = t.layout
    if lay is not None:  # made by the template scan, at the base it first parsed this content at
        b0, ns, ne, params = lay
        o = ref.base - b0
        if o:
            new = tuple.__new__
            params = tuple([new(Param, (name, i, o + s0, o + s1, o + a, o + z, value, o + vs, o + ve))
                            for name, i, s0, s1, a, z, value, vs, ve in params])
            ns += o
            ne += o
        last = {p[0]: p for p in params}  # (a name given twice: its last one)
        last.pop(None, None)
        return _CITATION(t.name, cls, ref.base + t.start, ref.base + t.end, ns, ne, params, ref,
                         ref.definition is not None, nested, last, {})
    s = ref.masked
    lay = _layout(s, t)
    o = ref.base + t.start  # the layout's offsets are relative to the template's start
    new = tuple.__new__
    params = []
    last = {}
    for name, i, ns, ne, a, z, value, vs, ve in lay[2]:
        p = new(Param, (name, i, o + ns, o + ne, o + a, o + z, value, o + vs, o + ve))
        params.append(p)
        if name is not None:
            last[name] = p
    return _CITATION(t.name, cls, o, ref.base + t.end, o + lay[0], o + lay[1], tuple(params), ref,
                     ref.definition is not None, nested, last, {})


class _Memo:
    """A bounded memo (least recently used out) of a pure function of a string."""

    __slots__ = ("size", "data")

    def __init__(self, size: int) -> None:
        self.size = size
        self.data: OrderedDict = OrderedDict()

    def get(self, key):
        got = self.data.get(key)
        if got is not None:
            self.data.move_to_end(key)
        return got

    def put(self, key, value) -> None:
        self.data[key] = value
        if len(self.data) > self.size:
            self.data.popitem(last=False)


#: a template's masked text → its layout: the same citation recurs in every revision of a page's history
_LAYOUTS = _Memo(4096)


def _layout(s: str, t: Template) -> tuple:
    """(name start, name end, ((name, index, start, name_end, value_start, value_end, value, raw_start,
    raw_end), …)) of a template, offsets relative to its start: a function of its masked text (its
    parameters are split inside it), memoised; a layout whose parameter count or last value span differ from
    the template's is not used."""
    key = s[t.start:t.end]
    got = _LAYOUTS.get(key)
    if got is not None:
        params = got[2]
        if len(params) == len(t.params) and (not params or (
                params[-1][7] == t.params[-1][2] - t.start and params[-1][8] == t.params[-1][3] - t.start)):
            return got
    got = _layout_now(s, t)
    _LAYOUTS.put(key, got)
    return got


def _layout_now(s: str, t: Template) -> tuple:
    o = t.start
    params = []
    plain = s.find(MASK, t.start, t.end) < 0
    # the name runs from after "{{" to the first top-level "|" (or "}}")
    name_a, nb, _ = _trimmed(s, t.start + 2, _first_pipe(t, s) if t.params else t.end - 2, plain)
    for i, (key, written, vs, ve) in enumerate(t.params):
        a, z, value = _trimmed(s, vs, ve, plain)
        if written is None:
            params.append((None, i, vs - o, vs - o, a - o, z - o, value, vs - o, ve - o))
            continue
        eq = vs - 1  # the "=" is just before the value
        pstart = s.rfind("|", 0, eq) + 1  # _param_start
        name = written.replace(MASK, "").strip()
        ns, ne, _ = _trimmed(s, pstart, eq, plain)
        params.append((name, i, ns - o, ne - o, a - o, z - o, value, vs - o, ve - o))
    return name_a - o, nb - o, tuple(params)


def _trimmed(s: str, a: int, b: int, plain: bool) -> tuple[int, int, str]:
    """``trimmed_value(s, a, b)``: where [a, b) starts and ends without white space (and masked parts) at
    either end, and its text. ``plain``: nothing of the template is masked, so ``str.strip`` (the same
    characters, ``str.isspace``) finds it at C speed."""
    if not plain:
        return trimmed_value(s, a, b)
    seg = s[a:b]
    text = seg.strip()
    # the first character kept is the first non-space one: found without copying the rest
    start = a + seg.find(text[0]) if text else b
    return start, start + len(text), text


def _first_pipe(t: Template, s: str) -> int:
    """Offset of the "|" that ends the template's name."""
    key, written, vs, ve = t.params[0]
    if written is None:
        return vs - 1
    return _param_start(s, vs - 1) - 1


def _param_start(s: str, eq: int) -> int:
    """Offset just after the "|" that opens the parameter whose "=" is at ``eq``."""
    i = s.rfind("|", 0, eq)
    return i + 1
