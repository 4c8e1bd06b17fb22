"""CS1/CS2 parameter names: which ones Module:Citation/CS1 accepts, and what it says about the rest.

The tables come from ``citelint/data/cs1_whitelist.toml`` (generated from the module's Whitelist,
Configuration and Suggestions by ``scripts/regen_cs1_whitelist.py``; it names its source revision). The logic
follows Module:Citation/CS1 (the function each piece is written after is named in its docstring), in Python:

* :func:`status` — ``validate()``: supported, deprecated, or not a parameter of that template (the preprint
  templates accept a smaller set; some templates have parameters of their own);
* :func:`suggestion` — the did-you-mean of ``citation()``: the name in lower case, then Suggestions' patterns,
  then its table, each only if the template accepts the suggested name;
* :func:`issues` — every parameter-name problem of one document, computed once per model and shared by the
  CS1 parameter rules (``citelint/rules/cs1_*.py``): unknown, deprecated, redundant aliases, empty unknown,
  text outside any parameter, a missing pipe, an external link where plain text belongs, a wikilink in a
  linked title, a format without its URL.

A wiki adds parameter names its own module accepts in configuration (``[tool.citelint.cs1] parameters``).
"""

from __future__ import annotations

import bisect
import pkgutil
import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from operator import attrgetter
from typing import Mapping, Optional

from citelint import cs1
from citelint.model import CitationModel

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

SUPPORTED, DEPRECATED, TRACKED = "supported", "deprecated", "tracked"


@dataclass(frozen=True, eq=False)  # hashed by identity: the lru_caches below key on it
class Whitelist:
    source: str
    basic: Mapping[str, str]
    numbered: Mapping[str, str]  # "#" stands for the enumerator: "last#"
    limited_basic: Mapping[str, str]
    limited_numbered: Mapping[str, str]
    preprint: Mapping[str, Mapping[str, str]]  # CitationClass → its own names (arxiv, biorxiv, citeseerx, ssrn)
    unique: Mapping[str, Mapping[str, str]]  # CitationClass → names only it accepts
    aliases: Mapping[str, tuple[str, ...]]  # Configuration's meta-parameter → its names, in CS1's order
    suggestions: Mapping[str, str]
    old: frozenset  # names Suggestions comments as old (removed) parameters
    patterns: tuple  # ((compiled regex, suggested name with $1), …)
    extra: frozenset = frozenset()  # configured names, accepted by every template


@lru_cache(maxsize=1)
def _builtin() -> Whitelist:
    data = tomllib.loads(pkgutil.get_data("citelint", "data/cs1_whitelist.toml").decode("utf-8"))
    return Whitelist(
        source=data["source"], basic=data["basic"], numbered=data["numbered"],
        limited_basic=data["limited"]["basic"], limited_numbered=data["limited"]["numbered"],
        preprint=data["preprint"], unique=data["unique"],
        aliases={k: tuple(v) for k, v in data["aliases"].items()}, suggestions=data["suggestions"],
        old=frozenset(data["old"]["names"]),
        patterns=tuple((re.compile(p["regex"]), p["suggest"]) for p in data["patterns"]))


@lru_cache(maxsize=16)
def whitelist(extra: frozenset = frozenset()) -> Whitelist:
    """The pinned whitelist, with ``extra`` names (a wiki's configuration) accepted everywhere."""
    base = _builtin()
    if not extra:
        return base
    return Whitelist(**{**base.__dict__, "extra": frozenset(extra)})


_DIGITS = re.compile(r"[0-9]+")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def lower(name: str) -> str:
    """Lua's ``string.lower``: ASCII letters only."""
    return name.translate(_ASCII_LOWER)


@lru_cache(maxsize=16384)
def status(wl: Whitelist, name: str, cls: Optional[str], empty: bool = False) -> Optional[str]:
    """CS1 ``validate()``: SUPPORTED (or tracked), DEPRECATED, or None when the template does not accept the
    name. ``empty``: the parameter has no value (an empty deprecated parameter counts as unknown)."""
    if name in wl.extra or _DIGITS.sub("#", name) in wl.extra:
        return SUPPORTED
    if "#" in name:
        return None
    enum = None

    def test(state: Optional[str]) -> Optional[str]:
        if state is None:
            return None
        if state == DEPRECATED:
            return None if empty else DEPRECATED
        return SUPPORTED

    if cls in wl.preprint:
        enum = _DIGITS.sub("#", name)
        return (test(wl.limited_basic.get(name)) or test(wl.preprint[cls].get(name))
                or test(wl.limited_numbered.get(enum)))
    if cls in wl.unique:
        s = test(wl.unique[cls].get(name))
        if s:
            return s
    s = test(wl.basic.get(name))
    if s:
        return s
    return test(wl.numbered.get(_DIGITS.sub("#", name)))


@lru_cache(maxsize=4096)
def suggestion(wl: Whitelist, name: str, cls: Optional[str]) -> Optional[str]:
    """The name CS1 suggests for an unknown one (``citation()``): the lower-case name; else the first of
    Suggestions' patterns that matches, with its capture; else Suggestions' table. Only a name the template
    accepts is suggested."""
    low = lower(name)
    if status(wl, low, cls):
        return low
    for regex, repl in wl.patterns:
        m = regex.search(name)
        if m:
            cand = repl.replace("$1", m.group(1) if m.groups() else m.group(0))
            return cand if status(wl, cand, cls) else None
    cand = wl.suggestions.get(low)
    return cand if cand is not None and status(wl, cand, cls) else None


def templates_accepting(wl: Whitelist, name: str) -> list[str]:
    """The CitationClasses whose own parameter lists have ``name`` (for "not a parameter of this template")."""
    return list(_templates_accepting(wl, name))


@lru_cache(maxsize=1024)
def _templates_accepting(wl: Whitelist, name: str) -> tuple[str, ...]:
    out = [c for c, t in wl.unique.items() if t.get(name)]
    out += [c for c, t in wl.preprint.items() if t.get(name)]
    return tuple(sorted(out))


@lru_cache(maxsize=1024)
def removed(wl: Whitelist, name: str) -> bool:
    """A name CS1 once accepted: commented as an old parameter in Suggestions, or still listed among
    Configuration's aliases without being in the whitelist."""
    if name in wl.old or lower(name) in wl.old:
        return True
    return any(name in names for names in wl.aliases.values())


# ---------------------------------------------------------------------------------------------- the issues

@dataclass(frozen=True, slots=True)
class Issue:
    kind: str  # "unknown", "deprecated", "redundant", "empty-unknown", "text-ignored", "missing-pipe",
    #            "external-link", "url-wikilink", "format-without-url"
    cite: cs1.Citation
    param: cs1.Param
    start: int  # document offsets of what the finding marks
    end: int
    data: dict = field(default_factory=dict)


def issues(model: CitationModel, text: str, extra_templates: Optional[Mapping[str, str]] = None,
           extra_params: frozenset = frozenset()) -> list[Issue]:
    """Every parameter-name issue of the document's CS1 citations, in document order (once per model)."""
    key = "cs1params:" + repr(sorted((extra_templates or {}).items())) + repr(sorted(extra_params))
    return model.derived(key, text, lambda: _collect(model, text, extra_templates, extra_params))


#: CitationClasses whose templates are not Module:Citation/CS1 itself (Module:Cite tweet maps its own
#: parameters): their parameter names are not CS1's
_NOT_CS1 = frozenset({"tweet"})


def _collect(model, text, extra_templates, extra_params) -> list[Issue]:
    wl = whitelist(frozenset(extra_params))
    memo = _issues_memo(wl)
    out: list[Issue] = []
    for c in cs1.citations(model, text, extra_templates):
        cls = c.cls
        if cls in _NOT_CS1:
            continue
        # _issues_of, written out (3,000 calls per pass)
        raw = text[c.start:c.end]
        if "<" in raw:  # (only there can a comment or a tag be masked)
            b = c.ref.base
            masked = c.ref.masked[c.start - b:c.end - b]
            key = (cls, raw) if masked == raw else (cls, raw, masked)
        else:
            key = (cls, raw)
        got = memo.get(key)
        if got is None:
            found = _citation_issues(wl, c, text)
            _remember(memo, key, c, found)
            out.extend(found)
        elif got:
            out.extend(_recall(c, got))
    out.sort(key=lambda i: (i.start, i.kind))
    return out


#: whitelist → (it, its memo: a citation's text as written and as masked, and its class → its issues, offsets
#: relative to the citation): the same citation recurs in every revision of a page's history. Keyed by the
#: whitelist's identity (held, so it is not reused), the memo's keys hold only strings: nothing for the
#: garbage collector to walk. A plain dict, the oldest entry out first (``ISSUES_MEMO`` at most): a hit costs
#: one lookup, where a least-recently-used order costs a move on every hit (3,000 of them per pass)
_ISSUES: dict[int, tuple[Whitelist, "_IssuesMemo"]] = {}
ISSUES_MEMO = 4096


class _IssuesMemo(dict):
    """The issues memo: a dict; ``data`` is the dict itself (what empties a ``cs1._Memo`` empties it too)."""

    @property
    def data(self) -> dict:
        return self


def _issues_memo(wl: Whitelist) -> _IssuesMemo:
    got = _ISSUES.get(id(wl))
    if got is None or got[0] is not wl:
        if len(_ISSUES) >= 4:
            _ISSUES.clear()
        got = _ISSUES[id(wl)] = (wl, _IssuesMemo())
    return got[1]


def _issues_of(wl: Whitelist, c: cs1.Citation, text: str, memo: Optional[dict] = None) -> list[Issue]:
    """``_citation_issues``, memoised: they are a function of the citation's text (its parameters, the templates
    nested in it and the values as written all are), its class and the whitelist."""
    raw = text[c.start:c.end]
    b = c.ref.base
    masked = c.ref.masked[c.start - b:c.end - b]
    key = (c.cls, raw) if masked == raw else (c.cls, raw, masked)
    if memo is None:
        memo = _issues_memo(wl)
    got = memo.get(key)
    if got is None:
        found = _citation_issues(wl, c, text)
        _remember(memo, key, c, found)
        return found
    return _recall(c, got) if got else []


def _remember(memo: dict, key: tuple, c: cs1.Citation, found: list[Issue]) -> None:
    if len(memo) >= ISSUES_MEMO:
        del memo[next(iter(memo))]
    o = c.start
    memo[key] = tuple((i.kind, i.param.index, i.start - o, i.end - o, dict(i.data)) for i in found) if found else ()


def _recall(c: cs1.Citation, got: tuple) -> list[Issue]:
    o = c.start
    params = c.params
    return [Issue(kind, c, params[index], o + start, o + end, dict(data)) for kind, index, start, end, data in got]


_POSITIONAL_NAME = re.compile(r"[1-9][0-9]*")
#: a name's entry in ``_names_of``: |1=… is a positional parameter under a number (MediaWiki gives Lua a number)
_POS = "positional"
#: the most names ``_names_of`` keeps for one (whitelist, class); then it starts again (a page can make up any
#: number of names: |last1= … |last99999=)
NAMES_MEMO = 8192


@lru_cache(maxsize=64)
def _names_of(wl: Whitelist, cls: Optional[str]) -> tuple[dict, dict, str]:
    """(name → what a citation of this class makes of it (``_name_info``), supported name → its value is checked
    for an external link, the class its plans are made under (``_plan_class``)), filled as names are met: the
    same ~800 names make up the ~26,000 parameters of the corpus's 3,000 citations; the second holds the names
    with no issue of their own (the most parameters). The classes status() does not tell apart (all but the
    preprint ones and those with names of their own) share one table."""
    if cls is not None and cls not in wl.preprint and cls not in wl.unique:
        shared = _names_of(wl, None)
        return shared[0], shared[1], _plan_class(cls)
    return {}, {}, _plan_class(cls)


def _plan_class(cls: Optional[str]) -> Optional[str]:
    """The class a plan is made under: one of each group of classes _plan does not tell apart (_encyclopedia's
    two, _format_without_url's _NO_CHAPTER, the rest)."""
    if cls in ("encyclopaedia", "citation"):
        return cls
    return "web" if cls in _NO_CHAPTER else "book"


def _name_info(wl: Whitelist, cls: Optional[str], name: str, names: tuple) -> tuple:
    """(key, status with a value, status when empty, suggestion if either is None, checked for an external
    link): what ``_citation_issues`` asks of a parameter name, once per name."""
    from citelint.identifiers import limits

    table, fast = names[0], names[1]
    if len(table) >= NAMES_MEMO:
        table.clear()
        fast.clear()
    if name and name[0] in "123456789" and _POSITIONAL_NAME.fullmatch(name):
        info: tuple = (int(name), _POS, _POS, None, False)
    else:
        st = status(wl, name, cls)
        # empty, only a deprecated state reads otherwise (status tries the same tables in the same order)
        empty = status(wl, name, cls, empty=True) if st == DEPRECATED else st
        sugg = suggestion(wl, name, cls) if st is None or empty is None else None
        # a URL in |doi=, |jstor=…: the identifier rules report it, with what to write instead
        ext = name not in url_skip(wl) and name not in limits().params
        info = (name, st, empty, sugg, ext)
        if st == SUPPORTED and empty == SUPPORTED:
            fast[name] = ext
    table[name] = info
    return info


def _citation_issues(wl: Whitelist, c: cs1.Citation, text: str) -> list[Issue]:
    out: list[Issue] = []
    valid: dict[str, cs1.Param] = {}  # supported or deprecated, non-empty: name → its first occurrence
    plain: dict = {}  # key → the value CS1 keeps, as far as it is known offline (the last one given)
    pipes: list = []  # (key, param, value) CS1 keeps whose value holds "=": a missing pipe?
    links: list = []  # (key, param, value) whose value may hold a URL where plain text belongs
    ref = c.ref
    nested = _nested_spans(c) if ref.masked.find("{{", c.start - ref.base + 2, c.end - ref.base) >= 0 else ()
    cls = c.cls
    names = _names_of(wl, cls)
    table = names[0]
    fast = names[1].get if not nested else {}.get
    position = 0
    for p in c.params:
        name = p.name
        linkable = fast(name)  # (None for a positional parameter: never a key)
        if linkable is not None:  # the most parameters: a supported name, the value as written
            value = p.value
            if value:
                if name not in valid:
                    valid[name] = p
                plain[name] = value
                if "=" in value:
                    pipes.append((name, p, value))
                if linkable and ("/" in value or ":" in value):  # (has_ext_link's own first test)
                    links.append((name, p, value))
            continue
        if name is None:
            position += 1
            key: object = position
            info = None
        else:
            info = table.get(name)
            if info is None:
                info = _name_info(wl, cls, name, names)
            key = info[0]
        value = _plain(p, nested, text) if nested else p.value
        if info is None or info[1] is _POS:
            if p.value and not value.strip():
                continue  # only templates: what they expand to is unknown offline
            if value.strip():
                out.append(Issue("text-ignored", c, p, p.value_start, p.value_end, {"key": key}))
                plain[key] = value
                if "=" in value:
                    pipes.append((key, p, value))
            else:
                pipe = p.start - 1 if p.name is None else p.start
                out.append(Issue("empty-unknown", c, p, pipe, pipe + 1, {"key": key}))
            continue
        if not p.value:
            if info[2] is None:
                out.append(Issue("empty-unknown", c, p, p.start, max(p.name_end, p.start + 1),
                                 {"key": key, "suggest": info[3]}))
            continue
        st = info[1]
        if st is None:
            sugg = info[3]
            out.append(Issue("unknown", c, p, p.start, p.name_end, {"suggest": sugg}))
            if sugg is None:
                continue  # CS1 keeps the value of a parameter it has a suggestion for
        else:
            if st == DEPRECATED:
                out.append(Issue("deprecated", c, p, p.start, p.name_end,
                                 {"replacement": _replacement(wl, key, cls)}))
            if key not in valid:
                valid[key] = p
        plain[key] = value
        if "=" in value:
            pipes.append((key, p, value))
        if info[4] and ("/" in value or ":" in value):  # (has_ext_link's own first test, without the call)
            links.append((key, p, value))
    before, after, linked = _plan(wl, names[2], tuple(valid))
    for kind, name, data in before:
        p = valid[name]
        out.append(Issue(kind, c, p, p.start, p.name_end, _data(data)))
    if pipes:
        out.extend(_missing_pipe(wl, c, pipes, text))
    if links:
        out.extend(_external_links(c, links, text))
    if linked:
        first = linked[0]  # (most often the one pair, |title= with |url=, no |title-link=: no "[[", no issue)
        if len(linked) > 1 or first[3] is not None or "[[" in plain.get(first[1], ""):
            out.extend(_url_wikilink(c, valid, plain, linked))
    for kind, name, data in after:
        p = valid[name]
        out.append(Issue(kind, c, p, p.start, p.name_end, _data(data)))
    return out


def _data(items: tuple) -> dict:
    """An issue's data from a plan's (key, value) pairs (a tuple value is a list there)."""
    return {k: list(v) if isinstance(v, tuple) else v for k, v in items}


#: What a citation's issues are, as far as the names it sets tell (its CitationClass and the supported or
#: deprecated names with a value, in the order given): the same for every citation with those names. A tuple
#: (before, after, linked): before, ((kind, name, ((key, value), …)), …), the encyclopedia and redundant issues,
#: in their order; after, the same for the format-without-url issues; linked, ((label meta, label name, URL
#: name, title-link name or None), …), _url_wikilink's pairs
_Plan = tuple


@lru_cache(maxsize=4096)
def _plan(wl: Whitelist, cls: str, names: tuple) -> _Plan:
    before = []
    if not _ENCYCLOPEDIA.isdisjoint(names):
        before += [(k, n, _items(d)) for k, n, d in _encyclopedia(cls, dict.fromkeys(names))]
    if len(names) > 1 and _may_be_redundant(wl, names):
        before += [("redundant", n, _items(d)) for n, d in _redundant(wl, dict.fromkeys(names))]
    present = _present(wl, names)
    fwu = _format_without_url(wl, cls, present)
    after = tuple(("format-without-url", n, _items(d)) for n, d in fwu) if fwu else ()
    title_link = present.get("TitleLink")
    linked = []
    for label_meta, url_meta in _LINKED:
        label = present.get(label_meta)
        if label is not None:
            url = present.get(url_meta)
            if url is not None:
                linked.append((label_meta, label, url, title_link))
    return tuple(before), after, tuple(linked)


def _items(d: dict) -> tuple:
    """A plan's frozen form of an issue's data (a list becomes a tuple; ``_data`` turns it back)."""
    return tuple((k, tuple(v) if isinstance(v, list) else v) for k, v in d.items())


_START = attrgetter("start")


def _nested_spans(c: cs1.Citation) -> list[tuple[int, int]]:
    """Document spans of the templates inside the citation (their expansion is unknown offline)."""
    ref = c.ref
    b = ref.base
    if ref.masked.find("{{", c.start - b + 2, c.end - b) < 0:
        return []  # no "{{" after its own: no template inside (the most citations)
    templates = ref.templates
    a = bisect.bisect_right(templates, c.start - b, key=_START)
    spans = []
    for t in templates[a:]:
        s, e = b + t.start, b + t.end
        if s >= c.end:
            break
        if e <= c.end and (not spans or s >= spans[-1][1]):
            spans.append((s, e))
    return spans


def _plain(p: cs1.Param, nested: list[tuple[int, int]], text: str) -> str:
    """The parameter's value as far as it is known offline: comments dropped, nested templates left out."""
    if not nested or not any(s < p.value_end and e > p.value_start for s, e in nested):
        return p.value
    parts, pos = [], p.value_start
    for s, e in nested:
        if e <= pos or s >= p.value_end:
            continue
        parts.append(text[pos:s])
        pos = e
    parts.append(text[pos:p.value_end])
    return re.sub(r"<!--.*?-->", "", "".join(parts), flags=re.DOTALL)


def _replacement(wl: Whitelist, name: str, cls: str) -> Optional[str]:
    """For a deprecated name: the supported name of its alias group (``transcripturl`` → ``transcript-url``)."""
    for names in wl.aliases.values():
        if name in names:
            for n in names:
                if n != name and status(wl, n, cls) == SUPPORTED:
                    return n
    return None


# -- redundant aliases (Utilities select_one, CS1 select_author_editor_source and the dummy locator call)

def sep_list(names: list[str]) -> str:
    """Utilities ``make_sep_list``: "|a= and |b=", "|a=, |b=, and |c="."""
    items = [f"|{n}=" for n in names]
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + ", and " + items[-1]


@lru_cache(maxsize=4)
def _alias_maps(wl: Whitelist) -> tuple[dict, dict, dict]:
    """The alias groups by name: (name → metas of plain groups, "last#"-form → metas, bare "last" → metas)."""
    plain: dict[str, list] = {}
    enum: dict[str, list] = {}
    bare: dict[str, list] = {}
    for meta, names in wl.aliases.items():
        if len(names) < 2:
            continue
        for alias in names:
            if "#" in alias:
                enum.setdefault(alias, []).append(meta)
                bare.setdefault(alias.replace("#", ""), []).append(meta)
            else:
                plain.setdefault(alias, []).append(meta)
    return plain, enum, bare


_ONE_NUMBER = re.compile(r"([^0-9]*)([0-9]+)([^0-9]*)")


@lru_cache(maxsize=4096)
def _groups_of(wl: Whitelist, n: str) -> tuple[tuple[str, int], ...]:
    """The alias groups a name belongs to: ((meta, enumerator; 0 for a plain group), …)."""
    plain, enum, bare = _alias_maps(wl)
    out = [(meta, 0) for meta in plain.get(n, ())]
    m = _ONE_NUMBER.fullmatch(n)
    if m:
        out += [(meta, int(m.group(2))) for meta in enum.get(m.group(1) + "#" + m.group(3), ())]
    out += [(meta, 1) for meta in bare.get(n, ())]
    return tuple(out)


@lru_cache(maxsize=4)
def _name_lists(wl: Whitelist) -> tuple:
    """For the author and editor name lists (select_author_editor_source): (list, v-parameter, plural meta,
    the group metas of its last/first names, its names in CS1's order, the plural's names)."""
    out = []
    for lst, v, plural in (("AuthorList", "vauthors", "Authors"), ("EditorList", "veditors", None)):
        order = [a.replace("#", str(i)) if k else a.replace("#", "") for i in (1, 2) for meta in ("-Last", "-First")
                 for a in wl.aliases.get(lst + meta, ()) for k in ((0, 1) if i == 1 else (1,))]
        out.append((lst, v, frozenset((lst + "-Last", lst + "-First")), tuple(dict.fromkeys(order)),
                    tuple(wl.aliases.get(plural, ())) if plural else ()))
    return tuple(out)


def _redundant(wl: Whitelist, valid: Mapping[str, object]) -> list[tuple[str, dict]]:
    """The names CS1 ignores as redundant, with the issue's data: ((name, data), …)."""
    if len(valid) < 2 or not _may_be_redundant(wl, valid):
        return []
    flagged: dict[str, dict] = {}

    def report(present: list[str], why: Optional[str] = None) -> None:
        selected, extras = present[0], present[1:]
        shown = why or sep_list(extras + [selected])
        for n in extras:
            if n not in flagged:
                flagged[n] = {"selected": selected, "shown": shown, "others": present}

    groups: dict[tuple[str, int], set] = {}  # (meta, enumerator; 0 for a plain group) → the names given
    lists = _name_lists(wl)
    given_in: list[set] = [set() for _ in lists]  # each name list's names given (its first two positions)
    for n in valid:
        for g in _groups_of(wl, n):
            found = groups.get(g)
            if found is None:
                groups[g] = {n}
            else:
                found.add(n)
            if g[1] == 1 or g[1] == 2:
                for k, entry in enumerate(lists):
                    if g[0] in entry[2]:
                        given_in[k].add(n)
    for (meta, i), found in groups.items():
        if len(found) < 2:
            continue
        if i == 0:
            order = list(wl.aliases[meta])
        else:  # CS1's order; for 1, each alias's bare name before its numbered one (select_one)
            order = []
            for alias in wl.aliases[meta]:
                if i == 1:
                    order.append(alias.replace("#", ""))
                order.append(alias.replace("#", str(i)))
        present = [n for n in dict.fromkeys(order) if n in found]
        if len(present) > 1:
            report(present)
    # name-list sources: |vauthors=, |authors= and the |lastN=/|firstN= list (select_author_editor_source)
    for (lst, v, metas, order, plural_names), given in zip(lists, given_in):
        listed = [n for n in order if n in given] if given else []
        vx = v if v in valid else None
        xs = next((n for n in plural_names if n in valid), None)
        sources = [x for x in (listed[0] if listed else None, vx, xs) if x]
        if len(sources) > 1:
            word = "author" if lst == "AuthorList" else "editor"
            report(sources, f"{word}-name-list parameters")
    # the in-source locators: one of them only
    present = [n for n in ("page", "p", "pp", "pages", "at", "sheet", "sheets") if n in valid]
    if len(present) > 1:
        report(present)
    if "minutes" in valid and "time" in valid:
        report(["minutes", "time"])
    return list(flagged.items())


@lru_cache(maxsize=32)
def _redundancy_triggers(wl: Whitelist) -> tuple[frozenset, frozenset, dict]:
    """(the names that make a second source of a name list — |vauthors=, |veditors=, |authors= and its aliases —,
    the in-source locators and |minutes=/|time=, name → ``_groups_of(wl, name)`` filled as names are met): without
    a second of one, or one of the first, and without two names of one alias group, no name is redundant."""
    sources = set()
    for _lst, v, _metas, _order, plural_names in _name_lists(wl):
        sources.add(v)
        sources.update(plural_names)
    return (frozenset(sources), frozenset({"page", "p", "pp", "pages", "at", "sheet", "sheets", "minutes", "time"}),
            {})


def _may_be_redundant(wl: Whitelist, valid) -> bool:
    """False when ``_redundant`` finds nothing for sure: no two names share an alias group, no name list has a
    second source, no two locators are given (the most name sets: the full test is ~10 times slower)."""
    sources, locators, table = _redundancy_triggers(wl)
    if not sources.isdisjoint(valid) or len(locators.intersection(valid)) > 1:
        return True
    try:
        groups = list(chain.from_iterable(map(table.__getitem__, valid)))
    except KeyError:  # a name not met yet
        if len(table) >= NAMES_MEMO:
            table.clear()
        for name in valid:
            if name not in table:  # each group once (a bare name can stand for two aliases: author-link)
                table[name] = tuple(dict.fromkeys(_groups_of(wl, name)))
        groups = list(chain.from_iterable(map(table.__getitem__, valid)))
    return len(set(groups)) < len(groups)


_ENCYCLOPEDIA = frozenset({"encyclopedia", "encyclopaedia", "dictionary"})


def _encyclopedia(cls: str, valid: Mapping[str, object]) -> list[tuple[str, str, dict]]:
    """|encyclopedia= outside {{cite encyclopedia}}/{{citation}} is ignored ("Unknown parameter … ignored");
    in them, with a periodical too, one of the two is redundant. ((kind, name, data), …)"""
    if _ENCYCLOPEDIA.isdisjoint(valid):
        return []
    enc = next((n for n in ("encyclopedia", "encyclopaedia", "dictionary") if n in valid), None)
    if cls not in ("encyclopaedia", "citation"):
        return [("unknown", enc, {"suggest": None, "encyclopedia": True})]
    per = next((n for n in ("journal", "magazine", "newspaper", "periodical", "website", "work")
                if n in valid), None)
    if per is not None:
        return [("redundant", per, {"selected": enc, "shown": f"|{enc}= and |{per}=", "others": [enc, per]})]
    return []


# -- a missing pipe (CS1 missing_pipe_check)

_WS_RUN = re.compile(r"[ \t\n\r\f\v]+")
_PIPE_SPACED = re.compile(r"[ \t\n\r\f\v]+([A-Za-z][A-Za-z0-9-]+)[ \t\n\r\f\v]*=")
_PIPE_START = re.compile(r"^([A-Za-z][A-Za-z0-9-]+)[ \t\n\r\f\v]*=")


def _missing_pipe(wl: Whitelist, c: cs1.Citation, pipes: list, text: str) -> list[Issue]:
    """``pipes``: the (key, param, value) CS1 keeps whose value holds an "="."""
    out = []
    for key, p, value in pipes:
        v = _WS_RUN.sub(" ", _strip_tags(value))  # one space per run: the same matches, without re-scanning runs
        m = _PIPE_SPACED.search(v) or _PIPE_START.search(v)
        if m is None or status(wl, m.group(1), None) is None:
            continue
        name = m.group(1)
        at = re.search(rf"(?<![A-Za-z0-9-]){re.escape(name)}\s*=", text[p.value_start:p.value_end])
        s = p.value_start + at.start() if at else p.value_start
        out.append(Issue("missing-pipe", c, p, s, s + len(name) if at else p.value_end,
                         {"key": key, "name": name}))
    return out


def _strip_tags(v: str) -> str:
    """Lua ``gsub('%b<>', '')``: each balanced ``<…>`` (nesting counted) removed; an unmatched ``<`` stays.
    One pass with a stack: linear, whatever the nesting."""
    if "<" not in v:
        return v
    match: dict[int, int] = {}
    stack: list[int] = []
    for i, ch in enumerate(v):
        if ch == "<":
            stack.append(i)
        elif ch == ">" and stack:
            match[stack.pop()] = i
    out, i, n = [], 0, len(v)
    while i < n:
        j = match.get(i)
        if j is not None:
            i = j + 1
            continue
        out.append(v[i])
        i += 1
    return "".join(out)


# -- external links where plain text belongs (CS1 is_parameter_ext_wikilink, split_url, is_url)

_URL_META = ("ArchiveURL", "ChapterURL", "ConferenceURL", "ID", "LayURL", "MapURL", "TranscriptURL", "URL",
             "Page", "Pages", "At", "QuotePage", "QuotePages")  # Configuration's url_meta_params


@lru_cache(maxsize=4)
def url_skip(wl: Whitelist) -> frozenset:
    """Configuration ``url_skip``: the parameters allowed to hold a URL (URL and locator parameters)."""
    out = set()
    for meta in _URL_META:
        for n in wl.aliases.get(meta, ()):
            out.add(n)
            out.add(n.replace("#", ""))
    return frozenset(out)


_NS = r"[^ \t\n\r\f\v]"  # Lua %S
_RUN = re.compile(rf"{_NS}+")
_BARE_REL = re.compile(rf"//{_NS}+")
_LETTER = re.compile(r"[A-Za-z]")
_COLON_NS = re.compile(rf":{_NS}")


def has_ext_link(value: str) -> Optional[str]:
    """CS1 ``is_parameter_ext_wikilink()``: the URL (bracketed or bare) a value holds, or None.

    Its four Lua patterns — ``%f[%[]%[%a%S*:%S+.*%]``, ``%f[%[]%[//%S+.*%]``, ``%a%S*:%S+``, ``//%S+`` — are
    tried in that order and the first that matches decides; each is matched here by a linear scan that gives
    what the pattern's greedy match captures (a regular expression backtracks quadratically on long runs)."""
    if "/" not in value and ":" not in value:
        return None
    url = _bracketed(value, relative=False)
    if url is None:
        url = _bracketed(value, relative=True)
    if url is None:
        url = _bare_scheme(value)
    if url is None:
        m = _BARE_REL.search(value)
        url = m.group(0) if m else None
    if url is None:
        return None
    return url if is_url(*split_url(url)) else None


def _runs(value: str) -> tuple[list[int], list[int]]:
    starts, ends = [], []
    for m in _RUN.finditer(value):
        starts.append(m.start())
        ends.append(m.end())
    return starts, ends


def _bracketed(value: str, relative: bool) -> Optional[str]:
    """``%f[%[]%[(%a%S*:%S+).*%]`` (or ``(//%S+)``): at the first ``[`` not after a ``[`` that works, the
    non-space run after it, cut at the last ``]`` of the value, holding ``:`` after its first letter."""
    last_close = value.rfind("]")
    if last_close < 0 or "[" not in value:
        return None
    starts, ends = _runs(value)
    colons = [i for i, ch in enumerate(value) if ch == ":"] if not relative else []
    i = value.find("[")
    while 0 <= i < last_close:
        if i == 0 or value[i - 1] != "[":
            j = i + 1
            k = bisect.bisect_right(starts, j) - 1
            if k >= 0 and ends[k] > j:
                e = min(ends[k], last_close)
                if relative:
                    if value.startswith("//", j) and e > j + 2:
                        return value[j:e]
                elif _LETTER.match(value, j):
                    c = bisect.bisect_left(colons, j + 1)
                    if c < len(colons) and colons[c] <= e - 2:
                        return value[j:e]
        i = value.find("[", i + 1)
    return None


def _bare_scheme(value: str) -> Optional[str]:
    """``%a%S*:%S+``: in the first non-space run that has a ``:`` (not its last character) after a letter, from
    that letter to the end of the run."""
    if ":" not in value or _COLON_NS.search(value) is None:
        return None  # no ":" with a non-space after it: no run can match
    for m in _RUN.finditer(value):
        run = m.group(0)
        c = run.rfind(":", 0, len(run) - 1)
        if c <= 0:
            continue
        p = _LETTER.search(run, 0, c)
        if p is not None:
            return run[p.start():]
    return None


_STRIP_PATH = re.compile(r"([A-Za-z0-9])\.?[/?#].*\Z", re.DOTALL)
_SCHEME_SPLIT = re.compile(rf"(?<!{_NS})({_NS}*?:)(/*)({_NS}+)")  # from a run's start only: the leftmost match is there


def split_url(url: str) -> tuple[Optional[str], Optional[str]]:
    """CS1 ``split_url()``: (scheme or None, domain or None); no domain when the authority is not ``//``."""
    url = _STRIP_PATH.sub(r"\1", url, count=1)
    if url.startswith("//"):
        return None, re.match(rf"//({_NS}*)", url).group(1)
    m = _SCHEME_SPLIT.search(url)
    if m is None:
        return None, None
    scheme, authority, domain = m.groups()
    if authority:
        if authority.replace("//", "", 1):
            return scheme, None
    elif not scheme.startswith("news:"):
        return scheme, None
    return scheme, re.sub(r"([A-Za-z]):[0-9]+", r"\1", domain)


_W = "A-Za-z0-9"
_DOMAIN = tuple(re.compile(p) for p in (
    rf"(?<![{_W}])[{_W}][{_W}-]+[{_W}]\.[A-Za-z][A-Za-z]+\Z",
    rf"(?<![{_W}])[{_W}][{_W}-]+[{_W}]\.xn--[{_W}]+\Z",
    r"(?<![A-Za-z])[qxz]\.com\Z",
    r"(?<![A-Za-z])[iq]\.net\Z",
    rf"(?<![{_W}])[{_W}]\.[A-Za-z][A-Za-z]\Z",
    rf"(?<![{_W}])[{_W}][{_W}]\.[A-Za-z][A-Za-z]+\Z",
    r"^[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}",
    rf"(?<![{_W}])[{_W}]\.(?:cash|company|today|org)",
))


def is_url(scheme: Optional[str], domain: Optional[str]) -> bool:
    """CS1 ``is_url()`` with ``is_scheme()`` and ``is_domain_name()``."""
    if scheme and not re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", scheme):
        return False
    if not domain:
        return False
    if domain.startswith("//"):
        domain = domain[2:]
    if len(domain) > 300:  # no host name is that long (253 at most); the patterns would rescan it
        return False
    if not domain or not re.match(f"[{_W}]", domain) or re.match(r"[A-Za-z]+:", domain):
        return False
    return any(p.search(domain) for p in _DOMAIN)


def _external_links(c: cs1.Citation, links: list, text: str) -> list[Issue]:
    """``links``: the (key, param, value) CS1 keeps whose name is not a URL's (``url_skip``) nor an identifier's,
    and whose value holds a "/" or ":"."""
    out = []
    for key, p, value in links:
        url = has_ext_link(value)
        if url is None:
            continue
        at = text.find(url, p.value_start, p.value_end)
        s, e = (at, at + len(url)) if at >= 0 else (p.value_start, p.value_end)
        out.append(Issue("external-link", c, p, s, e, {"key": key, "url": url}))
    return out


# -- a wikilink in a linked title (CS1 safe_for_url, and |title-link= with |url=)

def _wikilink(value: str) -> Optional[str]:
    """Lua ``%[%[.-%]%]``: from the first ``[[`` to the first ``]]`` after it."""
    i = value.find("[[")
    j = value.find("]]", i + 2) if i >= 0 else -1
    return value[i:j + 2] if j >= 0 else None


#: (label meta-parameter, URL meta-parameter): the labels CS1 makes external links of
_LINKED = (("Title", "URL"), ("Chapter", "ChapterURL"), ("Conference", "ConferenceURL"),
           ("Transcript", "TranscriptURL"), ("Map", "MapURL"))


#: the meta-parameters a plan reads: _format_without_url's and _LINKED's
_PLAN_METAS = frozenset({"Format", "URL", "ConferenceFormat", "ConferenceURL", "ArchiveFormat", "ArchiveURL",
                         "LayFormat", "LayURL", "TranscriptFormat", "TranscriptURL", "MapFormat", "MapURL",
                         "ChapterFormat", "ChapterURL", "Periodical", "ScriptPeriodical", "Encyclopedia", "Title",
                         "Chapter", "Conference", "Transcript", "Map", "TitleLink"})


def _present(wl: Whitelist, names: tuple) -> dict[str, str]:
    """meta-parameter → the first of its aliases among ``names``, for the meta-parameters a plan reads."""
    present: dict[str, tuple[int, str]] = {}
    for entries in filter(None, map(_meta_index(wl).get, names)):
        for m, pos, n in entries:
            if m not in present or pos < present[m][0]:
                present[m] = (pos, n)
    return {m: n for m, (_pos, n) in present.items()}


@lru_cache(maxsize=4)
def _meta_index(wl: Whitelist) -> dict:
    """name → ((meta-parameter, position among its aliases, name), …), for the plain (not numbered) aliases of
    the meta-parameters a plan reads."""
    out: dict[str, list] = {}
    for meta, names in wl.aliases.items():
        if meta not in _PLAN_METAS:
            continue
        for pos, n in enumerate(names):
            if "#" not in n:
                out.setdefault(n, []).append((meta, pos, n))
    return {n: tuple(v) for n, v in out.items()}


def _url_wikilink(c: cs1.Citation, valid: Mapping[str, cs1.Param], plain: Mapping, linked: tuple) -> list[Issue]:
    """``valid``: name → the parameter CS1 reads; ``plain``: key → the value CS1 keeps (the last given);
    ``linked``: a plan's (label meta, label, URL, title-link)."""
    out = []
    for label_meta, label, url, title_link in linked:
        if label_meta == "Title" and title_link is not None:
            p = valid[title_link]
            out.append(Issue("url-wikilink", c, p, p.start, p.name_end, {"label": title_link, "url": url,
                                                                          "title-link": True}))
            continue
        value = plain.get(label, "")
        if "[[" not in value:
            continue
        link = _wikilink(value)
        if link is None:
            continue
        p = valid[label]
        out.append(Issue("url-wikilink", c, p, p.value_start, p.value_end, {"label": label, "url": url,
                                                                            "link": link}))
    return out


# -- a format without its URL (CS1 style_format)

_NO_CHAPTER = frozenset({"web", "news", "journal", "magazine", "pressrelease", "podcast", "newsgroup", "arxiv",
                         "biorxiv", "citeseerx", "ssrn"})


_FORMATS = frozenset({"Format", "ConferenceFormat", "ArchiveFormat", "LayFormat", "TranscriptFormat", "MapFormat",
                      "ChapterFormat"})


def _format_without_url(wl: Whitelist, cls: str, present: Mapping[str, str]) -> list[tuple[str, dict]]:
    """((format name, data), …) for each format parameter without its URL."""
    if _FORMATS.isdisjoint(present):
        return []
    pairs = [("Format", "URL"), ("ConferenceFormat", "ConferenceURL"), ("ArchiveFormat", "ArchiveURL"),
             ("LayFormat", "LayURL"), ("TranscriptFormat", "TranscriptURL"), ("MapFormat", "MapURL")]
    periodical = present.get("Periodical") or present.get("ScriptPeriodical")
    encyclopedia = present.get("Encyclopedia")
    if not (cls in _NO_CHAPTER or (cls == "citation" and periodical and not encyclopedia)):
        pairs.append(("ChapterFormat", "ChapterURL"))
    out = []
    for fmt_meta, url_meta in pairs:
        fmt = present.get(fmt_meta)
        if fmt is None or present.get(url_meta) is not None:
            continue
        want = wl.aliases[url_meta][0] if url_meta in wl.aliases else url_meta.lower()
        if fmt_meta == "ChapterFormat":  # the chapter-like format goes with the same word's URL
            stem = fmt[:-len("-format")] if fmt.endswith("-format") else "chapter"
            want = f"{stem}-url"
        out.append((fmt, {"format": fmt, "url": want}))
    return out
