"""Short citations and the full citations they link to: the analysis the CL7xx rules share.

A short citation (``{{sfn}}``, ``{{harvnb}}``…) links to ``#CITEREF…``; a CS1/CS2 full citation
(``{{cite book}}``, ``{{citation}}``…) carries that anchor. Both sides are computed as the English
Wikipedia computes them (Module:Footnotes and Module:Citation/CS1 as documented at Template:Sfn,
Template:Harvard citation and Help:Citation Style 1#Anchors, 2024; the module sources could not be
fetched here, so this follows their documented behaviour):

- a full citation's anchor is ``ref=`` when given (``{{sfnref|…}}``/``{{harvid|…}}`` or a literal;
  ``ref=none``: no anchor), else ``CITEREF`` + the surnames of the first four authors (editors when there
  are no authors; ``lastN``/``surnameN``/``authorN``…, or ``vauthors``; a missing position is empty)
  + the year (``date``'s year with its disambiguating letter, as ``2020a``; else ``year``; else
  ``publication-date``);
- a short citation's target is ``ref=`` when given, else ``CITEREF`` + its first five positional
  parameters (up to four names and the year), trimmed and concatenated;
- both are compared as MediaWiki's ``anchorEncode`` leaves them: entities decoded, white space as ``_``.

Anchors are case-sensitive (``CITEREFsmith2001`` does not reach ``CITEREFSmith2001``), as in a browser.
What cannot be known offline (a citation template citelint does not know, ``{{harvc}}``, a name or year
built by a template, a year CS1 reads in a way not modelled here such as ``n.d.`` or a range) makes a
missing target unverifiable rather than an error.

The page's templates are found once per document (``citelint.links.extract.scan_templates`` over the
masked text) and shared by the three rules (the engine runs them on one model after the other).
"""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass, field
from typing import Optional

from citelint.quoting import clip
from citelint.links.extract import MASK, Template, mask, scan_templates
from citelint.model import CitationModel, Span

#: short-citation templates (canonical, lower case) → kind
SHORT = {
    "sfn": "sfn", "sfnp": "sfn", "shortened footnote template": "sfn", "shortened footnote": "sfn",
    "harv": "sfn", "harvnb": "sfn", "harvtxt": "sfn", "harvp": "sfn", "harvcol": "sfn", "harvcolnb": "sfn",
    "harvcoltxt": "sfn", "harvard citation": "sfn", "harvard citation no brackets": "sfn",
    "harvard citation text": "sfn", "harvard citations": "harvs", "harvs": "harvs", "sfnm": "sfnm",
}
#: CS1/CS2 templates whose anchor is computed here
CS1 = frozenset({
    "citation", "cite web", "cite news", "cite book", "cite journal", "cite magazine", "cite encyclopedia",
    "cite conference", "cite thesis", "cite report", "cite press release", "cite av media",
    "cite av media notes", "cite episode", "cite interview", "cite map", "cite mailing list", "cite podcast",
    "cite serial", "cite sign", "cite speech", "cite tech report", "cite techreport", "cite arxiv",
    "cite biorxiv", "cite citeseerx", "cite ssrn", "cite medrxiv", "cite document", "cite newsgroup",
    "cite dictionary", "cite periodical", "cite paper", "cite newspaper", "cite encyclopaedia",
})
#: templates that make an anchor citelint cannot compute: a missing target may be theirs
OPAQUE_EXACT = frozenset({"harvc", "vcite book", "vcite journal", "vcite web", "vcite news", "wikicite"})
ANCHOR_TEMPLATES = frozenset({"anchor", "anchors", "visible anchor", "anchord"})
REF_ID_TEMPLATES = frozenset({"sfnref", "harvid", "sfnref/sandbox"})
WHITELIST = frozenset({"sfn whitelist", "harv whitelist", "sfnwhitelist"})
#: sections whose citations are there to be read, not cited
_READING = re.compile(r"further reading|external links|see also|additional reading|other reading|"
                      r"bibliography of|reading list", re.IGNORECASE)
_HEADING = re.compile(r"^(={2,6})\s*(.*?)\s*\1\s*$", re.MULTILINE)
_AUTHOR = re.compile(r"^(?:author|last|surname|author-last|author-surname|authorlast)(\d*)$|"
                     r"^author(\d+)-?(?:last|surname)$")
_EDITOR = re.compile(r"^(?:editor|editor-last|editor-surname|editorlast|editor-surname)(\d*)$|"
                     r"^editor(\d+)-?(?:last|surname)$")
_FREEFORM = frozenset({"authors", "people", "host", "credits", "editors"})
_YEAR = re.compile(r"(?<![\d])(\d{4})([a-z]?)(?![\d])")
_RAW_ID = re.compile(r"""\bid\s*=\s*["']?\s*(CITEREF[^"'\s>|]*)""")
_WS = re.compile(r"\s+")
_CIRCA = re.compile(r"\bc\.|circa", re.IGNORECASE)
_YEAR_LETTER = re.compile(r"(\d{4})([a-z]?)")
_VNAME = re.compile(r"^(.*\S)\s+[A-Z]{1,3}$")  # "Smith JA": the surname before the initials


def encode(anchor: str) -> str:
    """An anchor as MediaWiki's anchorEncode leaves it: entities decoded, white space runs as ``_``."""
    return _WS.sub("_", html.unescape(anchor).replace("\u00a0", " ").strip())


@dataclass(slots=True)
class FullCite:
    span: Span
    anchor: Optional[str]  # None: ref=none
    in_ref: bool  # inside a <ref> (or a template that makes one): a footnote, not a bibliography entry
    reading: bool  # under "Further reading", "External links"…


@dataclass(slots=True)
class ShortCite:
    span: Span
    name: str
    targets: list[str]  # [] when a target cannot be known (built by a template)
    unknown: bool = False
    ignore_err: bool = False


@dataclass(slots=True)
class Analysis:
    shorts: list[ShortCite] = field(default_factory=list)
    fulls: list[FullCite] = field(default_factory=list)
    anchors: dict[str, list[FullCite]] = field(default_factory=dict)
    other_anchors: set[str] = field(default_factory=set)  # {{anchor}}, {{wikicite}}, id="CITEREF…"
    whitelist: set[str] = field(default_factory=set)
    opaque: list[str] = field(default_factory=list)  # templates whose anchors are unknown, by name
    fuzzy: set[str] = field(default_factory=set)  # name prefixes of anchors whose year is unknown
    opaque_names: Optional[str] = None  # the first three of ``opaque`` for messages, made on first use

    def unverifiable(self, target: str) -> Optional[str]:
        """Why a target no full citation has might still exist, or None."""
        if len(self.fuzzy) <= len(target):
            fuzzy = any(target.startswith(prefix) for prefix in self.fuzzy)
        else:  # thousands of them: look up each start of the target instead
            fuzzy = any(target[:i] in self.fuzzy for i in range(len(target) + 1))
        if fuzzy:
            return "a full citation with these names has a year or a name citelint cannot read as CS1 does"
        if self.opaque:
            if self.opaque_names is None:  # once per page, not once per target
                self.opaque_names = ", ".join("{{%s}}" % clip(n) for n in sorted(set(self.opaque))[:3])
            return f"the page has templates that may make the anchor and cannot be expanded offline " \
                   f"({self.opaque_names})"
        return None


def analyse(model: CitationModel, text: str) -> Analysis:
    """The page's short and full citations, computed once per model (kept on it for the four rules)."""
    return model.derived("shortcite", text, lambda: _analyse(model, text) if model.kind == "wikitext"
                         and "{{" in text else Analysis())


def _value(s: str, vs: int, ve: int) -> str:
    return s[vs:ve].replace(MASK, "").strip()


def _analyse(model: CitationModel, text: str) -> Analysis:
    if _SHORT_OR_TAG.search(text) is None:
        return Analysis()  # (as below, without masking the page first)
    s = mask(text)
    if not _may_cite_short(s):
        # every reader of the analysis starts from the short citations: without one, nothing to match
        return Analysis()
    templates = scan_templates(s)
    a = Analysis()
    refs = sorted((d.span.start, d.span.end) for d in model.definitions if d.origin != "entry")
    headings = []  # (offset, under a reading section): a subsection of "Further reading" is one too
    stack: list[tuple[int, bool]] = []
    for m in _HEADING.finditer(s):
        level = len(m.group(1))
        while stack and stack[-1][0] >= level:
            stack.pop()
        flag = bool(_READING.search(m.group(2))) or bool(stack and stack[-1][1])
        stack.append((level, flag))
        headings.append((m.start(), flag))
    by_start = {t.start: t for t in templates}

    # refs do not overlap except when nested, and a nested one lies inside its parent: merge them
    merged: list[list[int]] = []
    for a0, b0 in refs:
        if merged and a0 < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b0)
        else:
            merged.append([a0, b0])
    starts = [r[0] for r in merged]

    def inside_ref(pos: int) -> bool:
        i = bisect.bisect_right(starts, pos) - 1
        return i >= 0 and pos < merged[i][1]

    heading_starts = [hs for hs, _flag in headings]

    def reading(pos: int) -> bool:  # under the last heading before it (bisected: pages have thousands)
        i = bisect.bisect_right(heading_starts, pos)
        return i > 0 and headings[i - 1][1]

    for t in templates:
        name = t.name
        kind = SHORT.get(name)
        if kind is not None:
            a.shorts.append(_short(t, kind, s, by_start))
        elif name in CS1:
            anchor, status = _full(t, s, by_start)
            if status == "fuzzy":
                a.fuzzy.add(anchor)
            elif status == "unknown":
                a.opaque.append(name)
            else:
                cite = FullCite(Span(t.start, t.end), anchor, inside_ref(t.start), reading(t.start))
                a.fulls.append(cite)
                if anchor is not None:
                    a.anchors.setdefault(anchor, []).append(cite)
        elif name in WHITELIST:
            a.whitelist.update(encode(_value(s, vs, ve)) for k, _w, vs, ve in t.params if k is None)
        elif name in ANCHOR_TEMPLATES:
            a.other_anchors.update(encode(_value(s, vs, ve)) for k, _w, vs, ve in t.params if k is None)
        elif name in OPAQUE_EXACT or name.startswith("cite ") or name.startswith("vcite"):
            a.opaque.append(name)
            for k, _w, vs, ve in t.params:  # {{wikicite|ref=…}} and others: a literal ref= is an anchor
                if k == "ref":
                    anchor = _ref_anchor(s, vs, ve, by_start)
                    if anchor:
                        a.other_anchors.add(anchor)
        elif name not in REF_ID_TEMPLATES:
            for k, _w, vs, ve in t.params:  # any other template with ref=: its anchor, if literal
                if k == "ref":
                    anchor = _ref_anchor(s, vs, ve, by_start)
                    if anchor:
                        a.other_anchors.add(anchor)
    if "CITEREF" in s:
        a.other_anchors.update(encode(m.group(1)) for m in _RAW_ID.finditer(s))
    return a


#: where a short citation's name may begin: each name in ``SHORT`` begins "sfn", "harv" or "shortened", and a
#: template's name is the text after its "{{" with masked parts dropped, white space and "_" collapsed and
#: trimmed, in lower case, and a "template:" prefix dropped (``links.extract._canonical``)
#: (re.IGNORECASE matches each character str.lower() turns into one of these letters, and a few more)
_SHORT_START = re.compile(r"\{\{[\s_]*(?:template:[\s_]*)?(?:sfn|harv|shortened)", re.IGNORECASE)


#: in the text before masking: a template name in which a comment or a tag begins (masking may join the
#: letters around it): its first "<" comes before any "|", "{" or "}" (a short citation's whole name is white
#: space, "template:" and its letters, outside what is masked)
_TAG_IN_NAME = re.compile(r"\{\{[^|{}<]*<")
#: either of the two, in one pass over the page (most pages have neither; "|", "{", "}" and "<" have no other case)
_SHORT_OR_TAG = re.compile(r"\{\{(?:[\s_]*(?:template:[\s_]*)?(?:sfn|harv|shortened)|[^|{}<]*<)", re.IGNORECASE)


def _may_cite_short(s: str) -> bool:
    """Whether the masked page may hold a short citation (most pages do not; scanning a page's templates is
    most of the analysis)."""
    if MASK in s:
        s = s.replace(MASK, "")
    return _SHORT_START.search(s) is not None


def _ref_anchor(s: str, vs: int, ve: int, by_start: dict) -> Optional[str]:
    """The anchor a ``ref=`` value names: ``{{sfnref|…}}``/``{{harvid|…}}``, a literal, or None (none,
    harv, or built by another template)."""
    raw = _value(s, vs, ve)
    if not raw or raw.lower() in ("none", "harv"):
        return None
    if "{{" in raw:
        i = s.find("{{", vs, ve)
        t = by_start.get(i)
        if t is not None and t.name in REF_ID_TEMPLATES and _value(s, vs, t.start) == "" \
                and _value(s, t.end, ve) == "":
            parts = [_value(s, pvs, pve) for k, _w, pvs, pve in t.params if k is None][:5]
            if any("{{" in p for p in parts):
                return None
            return encode("CITEREF" + "".join(parts))
        return None
    return encode(raw)


def _short(t: Template, kind: str, s: str, by_start: dict) -> ShortCite:
    named = {}
    positional = []
    for k, _w, vs, ve in t.params:
        if k is None:
            positional.append(_value(s, vs, ve))
        else:
            named[k] = (vs, ve)
    for k in [k for k in named if k.isdigit() and 1 <= int(k) <= 5]:  # {{sfn|1=Smith|2=2020}}
        i = int(k) - 1
        positional.extend([""] * (i + 1 - len(positional)))
        positional[i] = _value(s, *named[k])
    ignore = "ignore-err" in named and _value(s, *named["ignore-err"]).lower() in ("yes", "y", "true", "1")
    sc = ShortCite(Span(t.start, t.end), t.name, [], ignore_err=ignore)
    if "ref" in named:
        raw = _value(s, *named["ref"])
        anchor = _ref_anchor(s, *named["ref"], by_start)
        if anchor is not None:
            sc.targets.append(anchor)
        elif raw.lower() != "none":
            sc.unknown = True
        return sc
    if kind == "sfn":
        parts = positional[:5]
        if not parts or not any(parts):
            return sc
        if any("{{" in p for p in parts):
            sc.unknown = True
            return sc
        sc.targets.append(encode("CITEREF" + "".join(parts)))
        return sc
    if kind == "sfnm":  # {{sfnm|1a1=Smith|1y=2020|2a1=…}}
        n = 1
        while any(f"{n}{p}" in named for p in ("a1", "y")):
            parts = [_value(s, *named[f"{n}a{i}"]) if f"{n}a{i}" in named else "" for i in range(1, 5)]
            parts.append(_value(s, *named[f"{n}y"]) if f"{n}y" in named else "")
            if any("{{" in p for p in parts):
                sc.unknown = True
            else:
                sc.targets.append(encode("CITEREF" + "".join(parts)))
            n += 1
        return sc
    # {{harvs|last=…|last2=…|year=…|year2=…}}: one link per year
    if positional and positional[0] not in ("nb", "txt", "in", "paren", "p", "colon"):
        sc.unknown = True
        return sc

    def get(*keys):
        for key in keys:
            if key in named:
                return _value(s, *named[key])
        return ""

    names = [get("last", "last1", "author", "author1", "surname", "surname1")]
    names += [get(f"last{i}", f"author{i}", f"surname{i}") for i in range(2, 5)]
    years = [get("year", "year1")] + [get(f"year{i}") for i in range(2, 10)]
    if any("{{" in p for p in names + years):
        sc.unknown = True
        return sc
    sc.targets.extend(encode("CITEREF" + "".join(names) + y) for y in years if y)
    return sc


def _full(t: Template, s: str, by_start: dict) -> tuple[Optional[str], str]:
    """(anchor, "ok"); (None, "none") for ref=none; (names prefix, "fuzzy") when the year or the names
    are not read here as CS1 reads them; (None, "unknown") when ref= is built by another template."""
    authors: dict[int, str] = {}
    editors: dict[int, str] = {}
    named: dict[str, tuple[int, int]] = {}
    for k, _w, vs, ve in t.params:
        if k is None:
            continue
        named[k] = (vs, ve)
        m = _AUTHOR.match(k)
        if m:
            n = int(m.group(1) or m.group(2) or 1)
            authors.setdefault(n, _value(s, vs, ve))
            continue
        m = _EDITOR.match(k)
        if m:
            n = int(m.group(1) or m.group(2) or 1)
            editors.setdefault(n, _value(s, vs, ve))
    if "ref" in named:
        raw = _value(s, *named["ref"])
        if raw.lower() == "none":
            return None, "none"
        if raw.lower() != "harv" and raw:
            anchor = _ref_anchor(s, *named["ref"], by_start)
            return (anchor, "ok") if anchor else (None, "unknown")
    for key, table in (("vauthors", authors), ("veditors", editors)):
        if key in named and not table:
            for i, piece in enumerate(_value(s, *named[key]).split(","), 1):
                piece = piece.strip()
                if piece.lower().startswith("et al"):
                    break
                if piece.startswith("((") and piece.endswith("))"):  # a corporate name, as written
                    table[i] = piece[2:-2].strip()
                    continue
                m = _VNAME.match(piece)
                table[i] = m.group(1) if m else piece
    names_from = {k: v for k, v in authors.items() if v} or {k: v for k, v in editors.items() if v}
    if not names_from and any(k in named for k in _FREEFORM):
        return "CITEREF", "fuzzy"  # |authors= free text: CS1's anchor from it is not modelled
    if not names_from:
        return None, "none"  # CS1 makes no anchor for a citation without authors or editors
    names = [names_from.get(i, "") for i in range(1, 5)]
    prefix = encode("CITEREF" + "".join(names))
    if any("{{" in n or "[[" in n or "<" in n for n in names):
        return "CITEREF", "fuzzy"  # names with markup: any target may be this one
    date = _value(s, *named["date"]) if "date" in named else ""
    year = _value(s, *named["year"]) if "year" in named else ""
    pub = _value(s, *named["publication-date"]) if "publication-date" in named else ""
    y = _anchor_year(date, year, pub)
    if not y:  # no year, or one not read here as CS1 reads it
        return prefix, "fuzzy"
    return encode(prefix + y), "ok"


def _anchor_year(date: str, year: str, pub: str) -> Optional[str]:
    """The year CS1 puts in the anchor, or None when it is not read here with confidence."""
    for value in (date, year, pub):
        if not value:
            continue
        if "{{" in value:
            return None
        years = _YEAR.findall(value)
        if len(years) != 1:
            return None  # "n.d.", a range of years, no year
        y, letter = years[0]
        if value is date and not letter and year:  # ISO date with year=2020a for the letter
            ym = _YEAR_LETTER.fullmatch(year)
            if ym and ym.group(1) == y:
                letter = ym.group(2)
        if _CIRCA.search(value):
            return None
        return y + letter
    return ""
