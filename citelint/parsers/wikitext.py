"""MediaWiki wikitext → citation model, with mwparserfromhell.

mwparserfromhell gives no node offsets, but its output round-trips exactly, so the walker
computes each node's offset by adding up the lengths of what comes before it. It only
descends into nodes whose text can hold a reference, which keeps the walk cheap.
"""

from __future__ import annotations

import bisect
import dataclasses
import html
import itertools
import re
from typing import Optional

import mwparserfromhell
from mwparserfromhell.nodes import Comment, Heading, HTMLEntity, Tag, Template, Text, Wikilink
from mwparserfromhell.wikicode import Wikicode

from citelint.model import DEFAULT_GROUP, Attr, CitationModel, Definition, Problem, RefList, RefTag, Span, Use
from citelint.parsers.guard import tokenizable
from citelint.parsers.templates import TemplateTable, default_table

# Tags whose content MediaWiki does not parse as wikitext: refs inside them do not count.
OPAQUE_TAGS = frozenset(
    {"nowiki", "pre", "syntaxhighlight", "source", "math", "chem", "ce", "score", "timeline",
     "hiero", "graph", "templatedata", "mapframe", "maplink", "inputbox", "categorytree"}
)
# Leftover ref markup in plain text: what mwparserfromhell could not pair up (or _defuse set aside).
_HIDDEN_LT = "\ue000"  # stands in for the "<" of an opening tag that can never be closed
# What a node must hold to matter: ref markup, a template (which may make refs), or a comment
# (suppressions). A table or <div> with none of these is stepped over without a walk.
_WORTH_A_LOOK = re.compile(r"<\s*(?:/\s*)?ref|\{\{|\ue000|<!--", re.IGNORECASE).search
_LEFTOVER = re.compile(r"[<\ue000](/?)\s*(ref|references)\b([^<>\ue000]*?)(/?)\s*>", re.IGNORECASE)
# "<refname=…>": a ref tag with the space after "ref" missing, which MediaWiki shows as text
_NO_SPACE = re.compile(r"<ref(name|group|follow|dir)\s*=[^<>]*>", re.IGNORECASE)
_PAIRS = {
    name: re.compile(rf"<{name}(?=[\s/>])[^<>]*>|</{name}\s*>", re.IGNORECASE) for name in ("ref", "references")
}


_CLOSE_REF = re.compile(r"</ref\s*>", re.IGNORECASE)
_OPEN_REF = re.compile(r"[<\ue000]ref(?=[\s/>])", re.IGNORECASE)
_OPAQUE_SPAN = re.compile(  # (the first letters looked at first: most "<" on a page are a ref's, and fail there)
    r"<(?=[!mnps])(?:!--.*?(?:-->|\Z)|(nowiki|pre|syntaxhighlight|source|math)\b[^>]*>.*?</\1\s*>)",
    re.IGNORECASE | re.DOTALL
)


_HIDDEN_LB = "\ue001"  # stands in for the "{" of a "{{" that no "}}" closes (or a "{|" no "|}")
_HIDDEN_LSQ = "\ue002"  # … and the "[" of a "[[" that no "]]" closes
_RESTORE = str.maketrans({_HIDDEN_LT: "<", _HIDDEN_LB: "{", _HIDDEN_LSQ: "["})
# Any other tag: "<name …>", "</name>", or an opener that runs into the next "<" (or the end) with no ">"
_ANY_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(?=[\s/>]|$|<)([^<>]*)(>?)")
_BRACKETS = re.compile(r"\{\{|\}\}|\[\[|\]\]")
# _ANY_TAG's matches that _defuse_needed counts: an opening with no ">" whose attributes run over a line end …
_NO_GT_OVER_LINES = re.compile(r"<[A-Za-z][A-Za-z0-9-]*+(?=[\s/>]|$|<)[^<>\n]*+\n[^<>]*+(?!>)")
# tables' "{|" and "|}" at a line start: after a "\n" (a "^" in the pattern would make the search try every position)
_TABLE_MARKS = re.compile(r"\n[ \t:]*\{\||\n[ \t]*\|\}(?!\})")
_TABLE_AT_START = re.compile(r"[ \t:]*\{\||[ \t]*\|\}(?!\})")
# tags that need no closing tag (mwparserfromhell.definitions SINGLE): never "unclosed"
_SINGLE = frozenset({"br", "wbr", "hr", "meta", "link", "img", "li", "dt", "dd", "th", "td", "tr"})
# … and a tag with its ">" that is not a ref's, a list's or a single one
_PAIRED_TAG = re.compile(r"<(/?)(?!(?ai:" + "|".join(sorted(set(_PAIRS) | _SINGLE, key=len, reverse=True))
                         + r")(?![A-Za-z0-9-]))([A-Za-z][A-Za-z0-9-]*+)(?=[\s/>]|$|<)([^<>]*+)>")


# _PAIRS' ref and list tags, _NO_GT_OVER_LINES' openings and _PAIRED_TAG's tags, found in one pass for
# _defuse_needed: each starts at a "<" and holds no other (it ends at its ">", or before the next "<"), and no
# two of them match at one "<" (a ref's or list's name is none of _PAIRED_TAG's; _NO_GT_OVER_LINES meets no ">"
# before the next "<", the others end at one), so the one pattern finds the same tags as the three apart
# (groups: a ref or list opening's name and attributes; a closing's name; an opening without its ">"; the
# slash, name and attributes of any other tag)
_COUNTED_TAGS = re.compile(
    r"<(?:(?i:(ref|references)(?=[\s/>])([^<>]*)>|/(ref|references)\s*>)"
    r"|([A-Za-z][A-Za-z0-9-]*+(?=[\s/>]|$|<)[^<>\n]*+\n[^<>]*+(?!>))"
    r"|(/?)(?!(?ai:" + "|".join(sorted(set(_PAIRS) | _SINGLE, key=len, reverse=True))
    + r")(?![A-Za-z0-9-]))([A-Za-z][A-Za-z0-9-]*+)(?=[\s/>]|$|<)([^<>]*+)>)")


def _made_quickly(cls):
    """``cls(...)`` for a frozen dataclass with slots (the model's ``Span``, ``Use``, ``Definition``…), made
    faster: the same object, its fields set through the slots' own descriptors instead of one
    ``object.__setattr__`` call each (what a frozen class's ``__init__`` does; a few per ref, thousands per
    page). ``cls`` itself where its ``__init__`` does more: a ``__post_init__``, a default factory, a field
    not set by it."""
    fields = dataclasses.fields(cls)
    if (not isinstance(getattr(cls, "__slots__", None), tuple) or hasattr(cls, "__post_init__")
            or any(not f.init or f.default_factory is not dataclasses.MISSING for f in fields)):
        return cls
    names = {"_new": object.__new__, "_cls": cls}
    params, body = [], []
    for i, f in enumerate(fields):
        names[f"_set{i}"] = cls.__dict__[f.name].__set__
        if f.default is dataclasses.MISSING:
            params.append(f.name)
        else:
            names[f"_default{i}"] = f.default
            params.append(f"{f.name}=_default{i}")
        body.append(f"    _set{i}(o, {f.name})")
    exec(f"def make({', '.join(params)}):\n    o = _new(_cls)\n" + "\n".join(body) + "\n    return o\n", names)
    make = names["make"]
    make.__doc__ = f"{cls.__name__}(...), made quickly (wikitext._made_quickly)"
    return make


_Span, _Use, _Definition = _made_quickly(Span), _made_quickly(Use), _made_quickly(Definition)


def _defuse(text: str) -> str:
    """Hide what can never be closed from mwparserfromhell, which retries each unclosed opening to
    the end of the page: that is quadratic (20,000 unclosed ``<ref>`` took minutes; 4,000 lines with
    an unclosed ``{{cite web|…`` 14 s; 32,000 unclosed ``<div>`` over 2 minutes).

    One linear pass pairs openings and closings the way the parser would (the innermost opening with
    the next closing, per tag name; ``{{`` with ``}}``; ``[[`` with ``]]``) and swaps the first
    character of each opening left over for a private-use stand-in: the parser then reads it as text
    at once, as it would have after its retries, and the walker reports leftover ``<ref>`` from the
    text as before. Lengths do not change, so offsets hold; ``_restore`` puts the characters back in
    what the model keeps. A text that already holds a stand-in is left alone (the page's time limit
    still bounds it).
    """
    if "<" not in text and "{{" not in text and "[[" not in text and "{|" not in text:
        return text
    if _HIDDEN_LT in text or _HIDDEN_LB in text or _HIDDEN_LSQ in text:
        return text
    scan = _OPAQUE_SPAN.sub(lambda m: " " * len(m.group()), text) if "<!--" in text or "</" in text else text
    hide: list[int] = []
    lower = text.lower()
    for name, pattern in _PAIRS.items():
        if f"</{name}" not in lower and "<" + name not in lower:
            continue
        open_at = -1
        for m in pattern.finditer(scan):
            tag = m.group()
            if tag[1] == "/":
                open_at = -1
            elif not tag.endswith("/>"):
                if open_at >= 0:
                    hide.append(open_at)  # an earlier opening that this one cuts off: never closed
                open_at = m.start()
        if open_at >= 0:
            hide.append(open_at)
    brackets: list[int] = []
    if "<" in text:
        opened: dict[str, list[int]] = {}
        for m in _ANY_TAG.finditer(scan):
            closing, name, attrs, gt = m.groups()
            if not gt:
                # '<div class="x…' running over a line end into the next tag with no ">": broken
                # (on one line, a quoted value may hold a "<": <ref name="a<b">)
                if not closing and "\n" in attrs:
                    hide.append(m.start())
                continue
            name = name.lower()
            if name in _PAIRS or name in _SINGLE:
                continue
            if closing:
                stack = opened.get(name)
                if stack:
                    stack.pop()
            elif not attrs.rstrip().endswith("/"):
                opened.setdefault(name, []).append(m.start())
        for stack in opened.values():
            hide.extend(stack)
    if "{{" in text or "[[" in text or "{|" in text:
        stacks: dict[str, list[int]] = {"{{": [], "[[": [], "{|": []}
        closes = {"}}": stacks["{{"], "]]": stacks["[["], "|}": stacks["{|"]}
        # each kind pairs on its own stack, so the kinds are found apart (and the common ones fast)
        for m in _BRACKETS.finditer(scan):
            t = m.group()
            if t in stacks:
                stacks[t].append(m.start())
            else:
                stack = closes[t]
                if stack:
                    stack.pop()
        if "{|" in text:
            first = _TABLE_AT_START.match(scan)
            marks = _TABLE_MARKS.finditer(scan)
            for m in ([first] if first else []) + list(marks):
                t = m.group().lstrip("\n \t:")
                if t == "{|":
                    stacks[t].append(m.end() - 2)
                elif stacks["{|"]:
                    stacks["{|"].pop()
        brackets = [i for stack in stacks.values() for i in stack]
    if len(hide) + len(brackets) < 2:
        return text  # one stray opening costs mwparserfromhell nothing
    chars = list(text)
    for i in hide:
        chars[i] = _HIDDEN_LT
    for i in brackets:  # both characters, so that "{{{" does not leave a "{{" behind
        for k in (i, i + 1):
            c = chars[k]
            chars[k] = _HIDDEN_LB if c == "{" else _HIDDEN_LSQ if c == "[" else c
    return "".join(chars)


_TABLE_STEP = {"{|": 1, "|}": -1}


def _left_open(steps) -> int:
    """How many openings ``_defuse``'s stack leaves over for one kind of bracket (a closing pops one if
    any is open), from the walk's steps (+1 an opening, -1 a closing): the walk's last height less its
    lowest point below zero."""
    heights = list(itertools.accumulate(steps))
    return heights[-1] - min(0, min(heights)) if heights else 0


def _pairs_left_open(scan: str, opening: str, closing: str) -> int:
    """``_left_open`` for ``{{``/``}}`` or ``[[``/``]]`` without a regex's match per bracket: the openings
    and the closings of one kind share no character, so each is found apart as ``str.count`` finds it (the
    leftmost, not overlapping), and the text between two closings holds its openings whole."""
    if opening not in scan:
        return 0
    parts = scan.split(closing)
    # each stretch's openings, then the closing after it (the last stretch has none)
    steps = [n - 1 for n in map(str.count, parts, itertools.repeat(opening))]
    steps[-1] += 1
    return _left_open(steps)


# every byte but a brace or square bracket as a space (in UTF-8 their bytes are only theirs); every byte but
# the two that UTF-8 never has, which stand in for an opening and a closing
_BRACKET_BYTES = bytes(b if b in b"{}[]" else 32 for b in range(256))
_NOT_STAND_INS = bytes(range(254))


def _bracket_runs(scan: str) -> bytes:
    """The runs of braces and square brackets in ``scan``, in order, a space between each two: each run as it
    is in ``scan`` and apart from the next as there, so each kind pairs as in ``scan`` (``_pairs_left_open``),
    in a text a tenth of the page's length or less, made by a few passes in C."""
    return b" ".join(scan.encode("utf-8", "surrogatepass").translate(_BRACKET_BYTES).split())


def _runs_left_open(runs: bytes, opening: bytes, closing: bytes) -> int:
    """``_pairs_left_open`` of ``runs`` (``_bracket_runs``): each opening and closing as one byte
    (``bytes.replace`` takes them leftmost and not overlapping, as ``str.count`` counts them), all else
    dropped, then every pair taken out, innermost first, a pass of ``bytes.replace`` at a time; what is left
    is closings, then the openings left open. Nested deeper than the passes go: counted step by step."""
    if opening not in runs:
        return 0
    walk = runs.replace(opening, b"\xff").replace(closing, b"\xfe").translate(None, _NOT_STAND_INS)
    for _ in range(16):
        inner = walk.replace(b"\xff\xfe", b"")
        if len(inner) == len(walk):
            return walk.count(b"\xff")
        walk = inner
    return _left_open(map(_STAND_IN_STEP.__getitem__, walk))


_STAND_IN_STEP = {0xFF: 1, 0xFE: -1}


def _defuse_needed(text: str, scan: Optional[str] = None, *, no_stand_ins: bool = False) -> bool:
    """Whether ``_defuse(text)`` would change the text (``_defuse(text) is not text``), for the scanner,
    which hands such a page to the full parser: the same pairing, counted instead of placed (the brackets
    per kind by a running sum; ``tests/test_scanner_prepass.py`` checks it against ``_defuse``). ``scan``:
    the text with ``_OPAQUE_SPAN`` blanked, if the caller has made it already; ``no_stand_ins``: the caller
    has found none of ``_defuse``'s stand-ins in the text (a look through a large page each)."""
    if "<" not in text and "{{" not in text and "[[" not in text and "{|" not in text:
        return False
    if not no_stand_ins and (_HIDDEN_LT in text or _HIDDEN_LB in text or _HIDDEN_LSQ in text):
        return False
    if scan is None:
        scan = _OPAQUE_SPAN.sub(lambda m: " " * len(m.group()), text) if "<!--" in text or "</" in text else text
    hide = 0
    if "<" in text:
        # (_PAIRS' tags, each name apart: an opening cut off by the next one is left open; _ANY_TAG's matches,
        # each from its "<" to the next "<" or ">": the openings with no ">" that run over a line end, and the
        # other tags, but those of refs, lists and single tags: all in one pass, _COUNTED_TAGS)
        open_ref = open_list = False
        opened: dict[str, int] = {}
        for ref_list, ref_attrs, ref_close, no_gt, closing, name, attrs in _COUNTED_TAGS.findall(scan):
            if ref_list:
                if not ref_attrs.endswith("/"):
                    if len(ref_list) == 3:
                        hide += open_ref
                        open_ref = True
                    else:
                        hide += open_list
                        open_list = True
            elif ref_close:
                if len(ref_close) == 3:
                    open_ref = False
                else:
                    open_list = False
            elif no_gt:
                hide += 1
            else:
                name = name.lower()
                if closing:
                    if opened.get(name):
                        opened[name] -= 1
                elif not attrs.rstrip().endswith("/"):
                    opened[name] = opened.get(name, 0) + 1
        hide += open_ref + open_list + sum(opened.values())
    if hide >= 2:
        return True
    if "{{" in text or "[[" in text or "{|" in text:
        runs = _bracket_runs(scan) if "{{" in text or "[[" in text else b""
        hide += _runs_left_open(runs, b"{{", b"}}")
        if hide < 2:
            hide += _runs_left_open(runs, b"[[", b"]]")
        if "{|" in text and hide < 2:
            hide += _left_open(_table_steps(scan))
    return hide >= 2


def _table_steps(scan: str) -> list[int]:
    """The steps (+1 a table's ``{|``, -1 its ``|}``) of what ``_TABLE_AT_START`` at the page's start and
    ``_TABLE_MARKS`` after each line end find, in order: each ``{|`` and ``|}`` found by ``str.find`` (a page
    holds a few dozen) and kept where only spaces, tabs (and colons, before a ``{|``) come between it and its
    line's start, the line starts found forwards (linear). With more than a few hundred, the patterns."""
    found = []
    for mark, step in (("{|", 1), ("|}", -1)):
        i = scan.find(mark)
        while i >= 0:
            if len(found) > 500:
                first = _TABLE_AT_START.match(scan)
                marks = [m.lstrip("\n \t:") for m in _TABLE_MARKS.findall(scan)]
                if first:
                    marks.insert(0, first.group().lstrip("\n \t:"))
                return list(map(_TABLE_STEP.__getitem__, marks))
            found.append((i, step))
            i = scan.find(mark, i + 1)
    found.sort()
    steps, seen, line = [], -1, 0  # seen: the mark before, and how far the line starts have been looked for
    for i, step in found:
        nl = scan.rfind("\n", max(seen, 0), i)
        if nl >= 0:
            line = nl + 1
        if line <= seen:
            seen = i
            continue  # a mark before it on its line (none of whose characters is a space, tab or colon)
        seen = i
        if scan[line:i].strip(" \t:" if step > 0 else " \t"):
            continue  # not at its line's start
        if step < 0 and scan.startswith("}", i + 2):
            continue  # "|}}": a template's end
        steps.append(step)
    return steps


def _restore(model: CitationModel) -> None:
    """The characters ``_defuse`` hid, put back in the strings the model keeps (contents, names, groups)."""
    def r(v):
        return v.translate(_RESTORE) if isinstance(v, str) and (_HIDDEN_LT in v or _HIDDEN_LB in v
                                                                or _HIDDEN_LSQ in v) else v

    def attrs(t):
        return tuple(dataclasses.replace(a, value=r(a.value)) for a in t)

    model.definitions[:] = [dataclasses.replace(d, content=r(d.content), key=r(d.key), group=r(d.group))
                            for d in model.definitions]
    model.uses[:] = [dataclasses.replace(u, key=r(u.key), group=r(u.group)) for u in model.uses]
    model.reflists[:] = [dataclasses.replace(x, group=r(x.group)) for x in model.reflists]
    model.tags[:] = [dataclasses.replace(t, content=r(t.content), attrs=attrs(t.attrs), list_group=r(t.list_group))
                     for t in model.tags]


_OPEN_TAG = re.compile(r"<(ref|references)(?=[\s/>])", re.IGNORECASE)
_MASKED = "\ue001"  # stands in for markup inside an opening tag that lacks its own ">"


def _open_tags_without_gt(text: str, scan: str) -> list[tuple[int, int, str]]:
    """(start, end, tag name) of opening ref tags with a ``<`` before their ``>``: the ``>`` was left
    out, and MediaWiki's preprocessor reads everything up to the next ``>`` (templates, comments,
    other tags) as the tag's attributes, where mwparserfromhell stops at the ``<``."""
    out, gt = [], -1
    for m in _OPEN_TAG.finditer(scan):
        if out and m.start() < out[-1][1]:
            continue  # inside the attributes of the one before
        if gt < m.end():  # (the next ">" is shared by the openings before it: found once)
            gt = text.find(">", m.end())
            if gt < 0:
                break  # no ">" after this: nothing is a tag
        lt = text.find("<", m.end(), gt)
        if lt > 0 and not text.count('"', m.end(), lt) % 2 and not text.count("'", m.end(), lt) % 2:
            # (a "<" inside a quoted value, name="<baz>", is written on purpose)
            out.append((m.start(), gt + 1, m.group(1).lower()))
    return out


def _mask(text: str, spans) -> str:
    """Hide the markup in those tags' attributes (same length), so the parser reads them as MediaWiki does."""
    chars = list(text)
    for start, end, name in spans:
        for i in range(start + 1 + len(name), end - 1):
            if chars[i] in "<{}[]":
                chars[i] = _MASKED
    return "".join(chars)


_NEWLINE_AFTER_NAME = re.compile(r"(?<=<ref)[\r\n]\s*|(?<=<references)[\r\n]\s*", re.IGNORECASE)
_LIST_OPEN = re.compile(r"<references(?=[\s/>])[^>]*>", re.IGNORECASE)
_LIST_CLOSE = re.compile(r"</references\s*>", re.IGNORECASE)


def _lists_closed_late(text: str, scan: str) -> list[tuple[int, int, list[int]]]:
    """(start, end, inner openings) of ``<references>`` tags with another list tag before the next
    ``</references>``: MediaWiki closes the first one there, and the tags between are its text."""
    out, pos = [], 0
    while True:
        m = _LIST_OPEN.search(scan, pos)
        if m is None:
            return out
        if m.group().endswith("/>"):
            pos = m.end()
            continue
        close = _LIST_CLOSE.search(text, m.end())
        if close is None:
            return out  # none after this one either
        inner = [x.start() for x in _LIST_OPEN.finditer(scan, m.end(), close.start())]
        if inner:
            out.append((m.start(), m.end(), inner))
        pos = close.end()


class _Walker:
    __slots__ = ("model", "table", "_list_start", "segments", "seen", "raw")

    def __init__(self, table: TemplateTable, raw: str = "") -> None:
        self.model = CitationModel(kind="wikitext")
        self.table = table
        self.raw = raw  # the page as written (the parser may get it with some markup masked)
        self._list_start = -1  # offset of the reference list being walked
        self.segments: dict[str, int] = {}  # group → lists of it seen so far
        self.seen: dict[tuple, bool] = {}  # (group, segment, name) → has it got text yet

    # -- the walk ---------------------------------------------------------------------------
    def walk(self, code, offset: int, in_list: Optional[str]) -> None:
        run: list[str] = []  # text and character references next to each other: one piece of text
        run_at = offset
        for node in code.nodes:
            s = str(node)
            n = len(s)
            t = type(node)
            if t is Text or t is HTMLEntity:
                if not run:
                    run_at = offset
                run.append(s)
                offset += n
                continue
            if run:
                self._text_run(run, run_at)
                run = []
            if _WORTH_A_LOOK(s) is not None:
                if t is Tag:
                    self._tag(node, s, offset, in_list)
                elif t is Template:
                    self._template(node, s, offset, in_list)
                elif t is Wikilink:
                    if node.text is not None:
                        self.walk(node.text, offset + 3 + len(str(node.title)), in_list)  # "[[" title "|"
                elif t is Heading:
                    self.walk(node.title, offset + node.level, in_list)
                elif t is Comment:
                    self.model.comments.append(Span(offset, offset + n))
                # ExternalLink, Argument: references inside them are not rendered
            offset += n
        if run:
            self._text_run(run, run_at)

    def _text_run(self, run: list, offset: int) -> None:
        s = run[0] if len(run) == 1 else "".join(run)
        if "<" in s or _HIDDEN_LT in s:
            self._leftovers(s, offset)

    def _leftovers(self, s: str, offset: int) -> None:
        typos = [m.start() for m in _NO_SPACE.finditer(s)] if "<ref" in s.lower() else []
        for m in _NO_SPACE.finditer(s) if typos else ():
            self.model.problems.append(Problem("no-space", Span(offset + m.start(), offset + m.end()), m.group(1)))
        for m in _LEFTOVER.finditer(s):
            closing, name, _attrs, selfclose = m.groups()
            span = Span(offset + m.start(), offset + m.end())
            name = name.lower()
            if closing and typos and typos[0] < m.start():
                typos = [t for t in typos if t > m.start()]
                continue  # the closing tag of a mistyped opening one: one finding, at the typo
            if closing:
                kind = "stray-close"
            elif selfclose:
                kind = "malformed-tag"
            else:
                kind = "unclosed-references" if name == "references" else "unclosed-ref"
            self.model.problems.append(Problem(kind, span, name))

    def settle(self, text: str) -> None:
        """Pair what mwparserfromhell left unpaired the way MediaWiki does: it matches tags before it
        expands templates, so an unclosed ``<ref>`` closes at the next ``</ref>``, even one inside a
        template argument, and everything between is that ref's text (refs there are swallowed).

        Linear in the page (plus a log factor): the closings and openings are found once and looked up
        by bisection, what each pairing swallows is dropped in one pass at the end, and the refs it makes
        are merged into document order in one pass (50,000 unclosed ``<ref>`` on a line: not quadratic)."""
        m = self.model
        unclosed = [p for p in m.problems if p.kind == "unclosed-ref"]
        if not unclosed:
            return
        unclosed.sort(key=lambda p: p.span.start)
        strays = {p.span.start: p for p in m.problems if p.kind == "stray-close"}
        closes = [(c.start(), c.end()) for c in _CLOSE_REF.finditer(text)]  # raw text: MediaWiki's
        close_starts = [c[0] for c in closes]  # search does not skip comments
        if not closes:
            return
        scan = _OPAQUE_SPAN.sub(lambda x: " " * len(x.group()), text)
        opens = [o.start() for o in _OPEN_REF.finditer(scan)]
        raw_opens = None  # the same in the raw text, when a close inside a comment or <nowiki> needs them
        lists = sorted(m.reflists, key=lambda r: r.span.start)
        swallowed: list[tuple[int, int]] = []  # [start, end) of each pairing, in order of start
        dropped: set[int] = set()  # ids of the problems a pairing resolves
        made_uses: list = []
        made_defs: list = []
        before: dict[str, int] = {}  # group → reference lists before the ref being made
        k = 0
        for p in unclosed:
            ci = bisect.bisect_left(close_starts, p.span.end)
            if ci == len(closes):
                continue  # MediaWiki shows it as text
            cstart, cend = closes[ci]
            start, end = p.span.start, cend
            swallowed.append((start, end))
            stray = strays.get(cstart)
            oi = bisect.bisect_left(opens, p.span.end)
            if stray is None and scan[cstart] == " ":
                # the </ref> is inside a comment, <nowiki> or <pre>, which mwparserfromhell keeps
                # whole; MediaWiki's close search does not skip them, and Cite looks for an opening
                # tag in the raw text it gets
                if raw_opens is None:
                    raw_opens = [o.start() for o in _OPEN_REF.finditer(text)]
                ri = bisect.bisect_left(raw_opens, p.span.end)
                if ri < len(raw_opens) and raw_opens[ri] < cstart:
                    continue  # cite_error_included_ref
            elif stray is None or (oi < len(opens) and opens[oi] < cstart):
                continue  # a ref inside the text: MediaWiki rejects it (cite_error_included_ref)
            dropped.update((id(p), id(stray)))
            opening = _LEFTOVER.match(text, start)
            values = dict(sanitizer_attributes(opening.group(3))) if opening else {}
            while k < len(lists) and lists[k].span.start < start:
                before[lists[k].group] = before.get(lists[k].group, 0) + 1
                k += 1
            saved, self.segments = self.segments, dict(before)
            n_uses, n_defs = len(m.uses), len(m.definitions)
            self._emit_ref(values, text[p.span.end:cstart], Span(start, end), p.span.end, None)
            self.segments = saved
            made_uses.extend((start, u) for u in m.uses[n_uses:])
            made_defs.extend((start, d) for d in m.definitions[n_defs:])
            del m.uses[n_uses:], m.definitions[n_defs:]
        if not swallowed:
            return
        merged: list[list[int]] = []  # the union of the swallowed spans
        for a, b in sorted(swallowed):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        starts = [a for a, _ in merged]

        def inside(span: Span) -> bool:
            n = bisect.bisect_right(starts, span.start) - 1
            return n >= 0 and span.start < merged[n][1]

        m.tags = [t for t in m.tags if not inside(t.span)]
        m.uses = _merged([u for u in m.uses if not inside(u.span)], made_uses)
        m.definitions = _merged([d for d in m.definitions if not inside(d.span)], made_defs)
        if dropped:
            m.problems = [q for q in m.problems if id(q) not in dropped]

    # -- tags -------------------------------------------------------------------------------
    def _attrs(self, tag: Tag, offset: int) -> tuple[Attr, ...]:
        pos = offset + 1 + len(str(tag.tag))
        out = []
        for a in tag.attributes:
            raw = str(a)
            value = None if a.value is None else str(a.value)
            out.append(Attr(str(a.name).strip().lower(), value, a.quotes, Span(pos + len(a.pad_first), pos + len(raw))))
            pos += len(raw)
        return tuple(out)

    def _tag(self, tag: Tag, s: str, offset: int, in_list: Optional[str]) -> None:
        name = str(tag.tag).strip().lower()
        if name in OPAQUE_TAGS or tag.wiki_markup:
            if tag.wiki_markup and tag.contents is not None:  # ''italic'', tables, lists: plain markup
                self._descend_contents(tag, s, offset, in_list)
            return
        if name == "ref":
            self._ref(tag, s, offset, in_list)
        elif name == "references":
            self._references(tag, s, offset, in_list)
        else:
            self._descend_contents(tag, s, offset, in_list)

    def _contents_offset(self, tag: Tag, s: str, offset: int) -> int:
        """Where a tag's contents start: the length of what ``Tag.__str__`` writes before them,
        added up from the small parts, so the (large) contents are not serialised again."""
        attrs = sum(len(str(a)) for a in tag.attributes) if tag.attributes else 0
        if tag.wiki_markup:
            return (offset + len(tag.wiki_markup) + attrs + len(tag.padding or "")
                    + len(tag.wiki_style_separator or ""))
        opener = 2 if tag.invalid else 1
        return offset + opener + len(str(tag.tag)) + attrs + len(tag.padding) + 1

    def _descend_contents(self, tag: Tag, s: str, offset: int, in_list: Optional[str]) -> None:
        if tag.self_closing or tag.contents is None:
            return
        self.walk(tag.contents, self._contents_offset(tag, s, offset), in_list)

    def _ref(self, tag: Tag, s: str, offset: int, in_list: Optional[str]) -> None:
        attrs = self._attrs(tag, offset)
        span = Span(offset, offset + len(s))
        content = None if tag.self_closing else str(tag.contents)
        read = sanitizer_attributes("".join(str(a) for a in tag.attributes)) if tag.attributes else ()
        if read and _MASKED in s:  # what Cite gets is the text as written
            start = offset + 1 + len(str(tag.tag))
            read = sanitizer_attributes(self.raw[start:start + sum(len(str(a)) for a in tag.attributes)])
        self.model.tags.append(RefTag("ref", span, attrs, in_list is not None, tag.self_closing, content, in_list,
                                      read))
        values = dict(read)  # what Cite gets
        cstart = self._contents_offset(tag, s, offset) if content is not None else -1
        if content is not None and "<!--" in content:  # comments in a ref's text are comments too
            pos = cstart
            for node in tag.contents.nodes:
                n = len(str(node))
                if type(node) is Comment:
                    self.model.comments.append(Span(pos, pos + n))
                pos += n
        if content is not None and "{{" in content:
            self._numeric_names(tag.contents, cstart)
        if content is not None and "<" in content:
            inner = self._nested_ref(tag, cstart)
            if inner is not None:
                # MediaWiki ends the outer ref at the first </ref>, finds an opening tag in its
                # text and rejects it (cite_error_included_ref)
                self.model.problems.append(Problem("nested-ref", inner))
                self._after_inner_close(tag, cstart, in_list)
                return
        self._emit_ref(values, content, span, cstart, in_list)

    def _after_inner_close(self, tag: Tag, pos: int, in_list: Optional[str]) -> None:
        """What follows a ref nested in another ref's text is outside both to MediaWiki, which
        ends the outer ref at the inner one's </ref>: walk it as page text."""
        nodes = tag.contents.nodes
        for i, node in enumerate(nodes):
            pos += len(str(node))
            if type(node) is Tag and str(node.tag).strip().lower() == "ref":
                if i + 1 < len(nodes):
                    self.walk(Wikicode(nodes[i + 1:]), pos, in_list)
                return

    def _numeric_names(self, code, pos: int) -> None:
        """Reference templates in a ref's text make no refs of their own there, but Cite still
        rejects a plain-number name in them (``<ref>x{{r|1}}</ref>``)."""
        for node in code.nodes:
            n = len(str(node))
            name = str(node.name).strip() if type(node) is Template else "{"
            spec = self.table.lookup(name) if "{" not in name else None
            if spec is not None and spec.kind in ("reuse", "ref"):
                keys = [_without_comments(p.value).strip() for p in node.params
                        if (not p.showkey if spec.kind == "reuse" else str(p.name).strip() == "name")]
                key = next((k for k in keys if k.isdigit()), None)
                if key is not None:
                    self.model.problems.append(Problem("numeric-name", Span(pos, pos + n), key))
            pos += n

    @staticmethod
    def _nested_ref(tag: Tag, pos: int) -> Optional[Span]:
        """Where a ``<ref>`` sits inside another ref's text (the node that holds it), if one does."""
        for node in tag.contents.nodes:
            n = len(str(node))
            if _has_ref_tag(node):
                return Span(pos, pos + n)
            pos += n
        return None

    def _reuse_key(self, group: str, key: str, span: Span, in_list: Optional[str]) -> None:
        """One unnamed parameter of a reuse template (``{{r|a|b}}``): a use of ref ``key`` of ``group``; inside a
        list, an empty list-defined ref; a number is not a valid name (``numeric-name``)."""
        m = self.model
        if key.isdigit():
            m.problems.append(Problem("numeric-name", span, key))
        elif key and in_list is not None:  # inside a list: an empty list-defined ref
            values = {"group": group, "name": key}
            m.tags.append(RefTag("ref", span, tuple(Attr(k, v, None, span) for k, v in values.items()),
                                 True, False, "", in_list))
            self._emit_ref(values, "", span, -1, in_list, "template")
        elif key:
            m.uses.append(_Use(group, key, span, "reuse", segment=self.segments.get(group, 0)))

    def _emit_ref(self, values: dict, content: Optional[str], span: Span, cstart: int,
                  in_list: Optional[str], def_origin: str = "ref") -> None:
        """Uses and definitions for one ref, as Cite sees it (``values``: attribute name → value;
        ``def_origin`` "template" when Cite gets the text with its templates expanded)."""
        m = self.model
        # (str.isspace: what str.strip() strips, without a copy of the text)
        has_text = content is not None and content != "" and not content.isspace()
        if not values:  # (most refs: no attributes)
            if in_list is None:  # an anonymous ref: its text, and a use where it has one
                seg = self.segments.get(DEFAULT_GROUP, 0)
                if has_text:
                    m.uses.append(_Use(DEFAULT_GROUP, None, span, "ref", segment=seg))
                m.definitions.append(_Definition(DEFAULT_GROUP, None, span, content or "", def_origin,
                                                 content_start=cstart, segment=seg))
                return
            group_attr = key = None
        else:
            if _rejected(values):
                return  # Cite shows only its error in place of this ref (malformed-ref reports it)
            group_attr = _decode(values.get("group"))
            key = _decode(values.get("name")) or None
        group = group_attr if group_attr is not None else (in_list if in_list is not None else DEFAULT_GROUP)
        seg = self.segments.get(group, 0)
        if values and "follow" in values:
            # continues another ref's text. Following a name that was used but not yet given
            # text gives it this text; a later definition then conflicts with it.
            target = _decode(values.get("follow"))
            if in_list is None and not has_text:
                # nothing to add: Cite rejects it (empty-ref reports it)
                m.definitions.append(_Definition(group, None, span, "", "follow", content_start=cstart, segment=seg))
                return
            if in_list is None:
                m.uses.append(_Use(group, None, span, "follow", segment=seg))  # its group still needs a list
            if in_list is None and key is None and has_text and target:
                state = self.seen.get((group, seg, target))
                if state is False:
                    # Cite appends " " + text to the (empty) text of the name it follows, and
                    # compares a later definition with that as written
                    m.definitions.append(_Definition(group, target, span, " " + content, "follow",
                                                    content_start=cstart, segment=seg))
                    self.seen[(group, seg, target)] = True
            return
        if in_list is not None:
            if key is not None and (group_attr is None or group_attr == in_list):
                m.definitions.append(_Definition(in_list, key, span, content or "", "list-ref", list_defined=True,
                                                list_start=self._list_start, content_start=cstart,
                                                segment=self.segments.get(in_list, 0)))
            return
        if key is None and values and values.get("details"):
            return  # a sub-reference without a parent: the structural rule reports it
        origin = "ref" if has_text or key is None else ("blank" if content else "reuse")
        if has_text or key is not None:  # a ref with neither is rejected: only empty-ref's finding
            m.uses.append(_Use(group, key, span, origin, segment=seg))
        if has_text or key is None:
            m.definitions.append(_Definition(group, key, span, content or "", def_origin,
                                            content_start=cstart, segment=seg))
        if key is not None:
            self.seen[(group, seg, key)] = self.seen.get((group, seg, key), False) or has_text

    def _references(self, tag: Tag, s: str, offset: int, in_list: Optional[str]) -> None:
        attrs = self._attrs(tag, offset)
        span = Span(offset, offset + len(s))
        content = None if tag.self_closing else str(tag.contents)
        m = self.model
        read = sanitizer_attributes("".join(str(a) for a in tag.attributes)) if tag.attributes else ()
        if read and _MASKED in s:  # what Cite gets is the text as written
            start = offset + 1 + len(str(tag.tag))
            read = sanitizer_attributes(self.raw[start:start + sum(len(str(a)) for a in tag.attributes)])
        m.tags.append(RefTag("references", span, attrs, in_list is not None, tag.self_closing, content, in_list,
                             read))
        if in_list is not None:
            m.problems.append(Problem("nested-references", span))
            return
        values = dict(read)
        group = _decode(values.get("group")) or ""
        if any(k not in ("group", "responsive") for k in values):
            return  # MediaWiki shows an error instead of this list (malformed-ref reports it)
        if content is not None:
            saved, self._list_start = self._list_start, offset
            self.walk(tag.contents, self._contents_offset(tag, s, offset), group)
            self._list_start = saved
        self._close_list(group, span, "references")

    def _close_list(self, group: str, span: Span, origin: str) -> None:
        """A list shows the refs of its group so far; refs after it start a new segment."""
        seg = self.segments.get(group, 0)
        self.model.reflists.append(RefList(group, span, origin, segment=seg))
        self.segments[group] = seg + 1

    # -- templates --------------------------------------------------------------------------
    def _params(self, tpl: Template, offset: int) -> list[tuple]:
        """(param, value_offset, value_text) for each parameter, each value serialised once."""
        pos = offset + 2 + len(str(tpl.name))
        out = []
        for p in tpl.params:
            value = str(p.value)
            start = pos + 1 + (len(str(p.name)) + 1 if p.showkey else 0)  # "|" [name "="]
            out.append((p, start, value))
            pos = start + len(value)
        return out

    def _template(self, tpl: Template, s: str, offset: int, in_list: Optional[str]) -> None:
        name = str(tpl.name).strip()
        lname = name.lower()
        span = Span(offset, offset + len(s))
        m = self.model
        if lname.startswith("#tag:"):
            tagname = lname[5:].strip()
            if tagname in ("ref", "references"):
                self._tag_function(tpl, tagname, span, offset, in_list)
                return
        spec = self.table.lookup(name) if "{" not in name else None
        if spec is not None:
            params = self._params(tpl, offset)
            named = {str(p.name).strip(): (p, vo) for p, vo, _ in params if p.showkey}
            group_p = named.get("group")
            if spec.kind == "reflist":
                group = _strip_quotes(group_p[0].value) if group_p else (spec.group or DEFAULT_GROUP)
                # refs= holds list-defined refs; refs in other parameters are expanded with the
                # list as well, so they count as defined in it
                saved, self._list_start = self._list_start, offset
                for p, vo, v in params:
                    if _WORTH_A_LOOK(v) is not None:
                        self.walk(p.value, vo, group)
                self._list_start = saved
                self._close_list(group, span, "template")
                return
            if spec.kind == "ref":
                group = spec.group if spec.group is not None else (
                    _strip_quotes(group_p[0].value) if group_p else DEFAULT_GROUP)
                name_p = named.get("name")
                key = _strip_quotes(name_p[0].value) if name_p else None
                text_p = next(((p, vo) for p, vo, _ in params if not p.showkey), None)
                if text_p is None and "1" in named:
                    text_p = named["1"]
                if key and key.isdigit():
                    m.problems.append(Problem("numeric-name", span, key))  # Cite rejects the note
                    return
                if in_list is not None:  # inside a reference list: a list-defined ref, as <ref> there is
                    values = {"group": group, **({"name": key} if key else {})}
                    content = _without_comments(text_p[0].value) if text_p else ""
                    m.tags.append(RefTag("ref", span, tuple(Attr(k, v, None, span) for k, v in values.items()),
                                         True, False, content, in_list))
                    self._emit_ref(values, content, span, text_p[1] if text_p else -1, in_list, "template")
                    return
                # template arguments reach Cite with their comments stripped
                content = _without_comments(text_p[0].value) if text_p else ""
                has_text = content.strip() != ""
                seg = self.segments.get(group, 0)
                if has_text or key:  # neither: Cite rejects it, empty-ref's finding only
                    m.uses.append(Use(group, key or None, span, "template" if has_text else "reuse", segment=seg))
                if has_text or not key:
                    m.definitions.append(Definition(group, key or None, span, content, "template",
                                                    content_start=text_p[1] if text_p else -1, segment=seg))
                if text_p is not None:
                    self.walk(text_p[0].value, text_p[1], in_list)
                return
            if spec.kind == "reuse":
                group = DEFAULT_GROUP
                for key in ("group", "g"):
                    if key in named:
                        group = _strip_quotes(named[key][0].value)
                for p, _vo, v in params:
                    if not p.showkey:
                        self._reuse_key(group, _without_comments(p.value).strip(), span, in_list)
                return
        # any other template: references in its parameters still count (but most, like a
        # {{cite web}}, hold no tag and no other template: nothing to look for)
        if "<" not in s and _HIDDEN_LT not in s and s.find("{{", 2) < 0:
            return
        for p, vo, v in self._params(tpl, offset):
            if _WORTH_A_LOOK(v) is not None:
                self.walk(p.value, vo, in_list)

    def _tag_function(self, tpl: Template, tagname: str, span: Span, offset: int, in_list: Optional[str]) -> None:
        """``{{#tag:ref|content|name=…|group=…}}`` and ``{{#tag:references|…|group=…}}``."""
        params = self._params(tpl, offset)
        named = {str(p.name).strip().lower(): _strip_quotes(p.value) for p, _, _ in params if p.showkey}
        positional = [(p, vo) for p, vo, _ in params if not p.showkey]
        content_p = positional[0] if positional else None
        # the arguments of a parser function reach Cite with their comments stripped
        content = _without_comments(content_p[0].value) if content_p else None
        m = self.model
        attrs = tuple(Attr(k, v, None, span) for k, v in named.items())
        if tagname == "references":
            m.tags.append(RefTag("references", span, attrs, in_list is not None, content is None, content, in_list))
            if in_list is not None:
                m.problems.append(Problem("nested-references", span))
                return
            group = named.get("group", "")
            if content_p is not None:
                saved, self._list_start = self._list_start, span.start
                self.walk(content_p[0].value, content_p[1], group)
                self._list_start = saved
            self._close_list(group, span, "template")
            return
        m.tags.append(RefTag("ref", span, attrs, in_list is not None, content is None, content, in_list))
        # Cite gets {{#tag:ref}}'s values as written: "&amp;" is not decoded as in a <ref> tag's attributes
        values = {k: v.replace("&", "&amp;") for k, v in named.items()}
        self._emit_ref(values, content, span, content_p[1] if content_p else -1, in_list, "template")
        if content_p is not None:
            # refs inside #tag:ref content are real refs in the text (that is what #tag:ref is for)
            self.walk(content_p[0].value, content_p[1], None)


def _has_ref_tag(node) -> bool:
    """A ``<ref>`` tag anywhere inside ``node`` (not in comments, nowiki or other opaque tags)."""
    t = type(node)
    if t is Text or t is Comment:
        return False
    if t is Tag:
        name = str(node.tag).strip().lower()
        if name == "ref":
            return True
        if name in OPAQUE_TAGS:
            return False
    return any(_has_ref_tag(child) for code in node.__children__() for child in code.nodes)


_REF_ATTRS = frozenset({"name", "group", "follow", "dir", "details"})
_DIRS = ("ltr", "rtl", "auto")


def _rejected(values: dict) -> bool:
    """Whether Cite rejects a ref outright for its attributes (a numeric name, an unknown attribute,
    a bad ``dir``, ``follow`` with ``name``): it shows an error in its place and nothing else, so the
    ref is neither a use nor a definition, and its group needs no list."""
    if not _REF_ATTRS.issuperset(values):
        return True
    name = _decode(values["name"]) if "name" in values else None
    follow = _decode(values["follow"]) if "follow" in values else None
    if (name and name.isdigit()) or (follow and follow.isdigit()):
        return True
    if "dir" in values and (values["dir"] or "").strip().lower() not in _DIRS:
        return True
    return bool(name) and "follow" in values


_SANITIZER_ATTRS = re.compile(
    r"""((?:[^\t\n\x0c\r />=]|=)[^\t\n\x0c\r />=]*)"""
    r"""([\t\n\x0c\r ]*=[\t\n\x0c\r ]*(?:"([^"]*)(?:"|$)|'([^']*)(?:'|$)|((?:(?![\t\n\x0c\r ]|>).)*)))?""",
    re.DOTALL)
_SANITIZER_NAME = re.compile(r"[:_\w][:_.\-\w]*\Z")
_SANITIZER_SPACES = re.compile(r"[\t\r\n ]+")


def sanitizer_attributes(text: str) -> tuple[tuple[str, str], ...]:
    """A tag's attribute text read as MediaWiki's ``Sanitizer::decodeTagAttributes`` reads it.

    A quoted value runs to its closing quote or, failing that, to the end of the tag; an unquoted one
    to the next space; what is not ``name=value`` or a bare name (a stray quote, ``2001"``) is dropped.
    Names are lowercased, values have their spaces collapsed and character references decoded; a
    repeated name keeps its last value.
    """
    if not text.strip():
        return ()
    out: dict[str, str] = {}
    for m in _SANITIZER_ATTRS.finditer(text):
        name = m.group(1).lower()
        if not _SANITIZER_NAME.match(name):
            continue
        value = m.group(5)
        if value is None:
            value = m.group(4)
            if value is None:
                value = m.group(3) or ""
        value = _SANITIZER_SPACES.sub(" ", value).strip()
        out[name] = html.unescape(value) if "&" in value else value
    return tuple(out.items())


def _without_comments(code) -> str:
    return "".join(str(n) for n in code.nodes if type(n) is not Comment)


def _merged(items: list, made: list) -> list:
    """``items`` with each of ``made`` (``(start, item)``, by start) put before the first item that starts
    after it, as inserting them one by one would (one pass: that first item only moves forward)."""
    if not made:
        return items
    out = []
    i = 0
    for start, item in made:
        while i < len(items) and items[i].span.start <= start:
            out.append(items[i])
            i += 1
        out.append(item)
    out.extend(items[i:])
    return out


def _decode(value: Optional[str]) -> Optional[str]:
    """Attribute values as Cite reads them: character references decoded, spaces trimmed."""
    if value is None:
        return None
    if "&" in value:
        value = html.unescape(value)
    return value.strip()


def _strip_quotes(value) -> str:
    """A parameter value as a plain string: comments dropped, quotes and spaces trimmed."""
    if not isinstance(value, str):
        value = "".join(str(n) for n in value.nodes if not isinstance(n, Comment))
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1].strip()
    return value


def parse_wikitext(text: str, table: Optional[TemplateTable] = None) -> CitationModel:
    walker = _Walker(table or default_table(), text)
    raw, lacking, late = text, (), ()
    if "\n" in text and "<" in text:
        # "<ref\nname=…>" is a tag to MediaWiki; mwparserfromhell needs a space there
        text = _NEWLINE_AFTER_NAME.sub(lambda m: " " * len(m.group()), text)
    if "<" in text:
        scan = _OPAQUE_SPAN.sub(lambda m: " " * len(m.group()), text)
        lacking = _open_tags_without_gt(text, scan)
        if lacking:
            text = _mask(text, lacking)
        if "</references" in scan.lower():
            late = _lists_closed_late(text, scan)
            if late:
                chars = list(text)
                for _start, _end, inner in late:
                    for i in inner:
                        chars[i] = _MASKED  # text inside the first list, to MediaWiki
                text = "".join(chars)
    defused = _defuse(text)
    tokenizable(defused)  # the time limit, held inside the C tokenizer too
    code = mwparserfromhell.parse(defused, skip_style_tags=True)
    walker.walk(code, 0, None)
    if defused is not text:
        _restore(walker.model)
    walker.settle(text)
    for start, end, name in lacking:
        walker.model.problems.append(Problem("missing-gt", Span(start, end), raw[start:end]))
    for start, end, inner in late:
        walker.model.problems.append(Problem("list-closed-late", Span(start, end), str(inner[0])))
    return walker.model
