"""The template trees of each reference, parsed once per document and shared by every rule that reads them.

``parsed_refs(model, text)`` returns, for each definition of the model that can be placed in the text, its
content with comments and unparsed tags masked (same length, so offsets hold) and every ``{{…}}`` in it with
its parameters split at top level (``citelint.links.extract.scan_templates``). The link extraction
(``cited_urls``), the identifier rules, ``same-source`` and ``duplicate-ref`` all read this one list; it is
computed once per model and kept on it (``CitationModel.derived``), so the rules and the link collection
share it when they are handed the same model.
"""

from __future__ import annotations

from dataclasses import dataclass
from sys import getsizeof
from typing import Optional

from citelint.links.extract import (MASK, CitedUrl, Template, extract_urls, mask, may_hold_urls, scan_templates,
                                    trimmed_value)
from citelint.memo import Memo, maker, str_weight
from citelint.model import CitationModel, Definition


@dataclass(frozen=True, slots=True)
class ParsedRef:
    definition: Optional[Definition]  # None: the document outside its references (bibliographies…)
    index: int  # position of the definition in model.definitions; -1 outside
    base: int  # document offset where the content starts
    masked: str  # the content, comments and unparsed tags blanked out with MASK
    templates: tuple[Template, ...]  # every closed {{…}} in it, by start; offsets relative to the content

    def value(self, vs: int, ve: int) -> tuple[int, int, str]:
        """A parameter value trimmed, masked parts dropped: (start, end) relative to the content, and text."""
        return trimmed_value(self.masked, vs, ve)

    def top_level(self) -> list[Template]:
        """The templates not nested in another one."""
        out = []
        last_end = -1
        for t in self.templates:
            if t.start >= last_end:
                out.append(t)
                last_end = t.end
        return out


_PARSED_REF = maker(ParsedRef)


def locate(defn: Definition, text: str) -> Optional[int]:
    """Offset in ``text`` where a definition's content starts, or None when it cannot be placed."""
    content = defn.content
    if not content:
        return None
    cs = defn.content_start
    if 0 <= cs and text.startswith(content, cs):
        return cs
    i = text.find(content, defn.span.start, max(defn.span.end, defn.span.start + len(content)))
    return i if i >= 0 else None


def parse_ref(defn: Definition, index: int, base: int) -> ParsedRef:
    s, templates = parse_content(defn.content, base)
    return _PARSED_REF(defn, index, base, s, templates)


def parse_content(content: str, base: int = 0) -> tuple[str, tuple[Template, ...]]:
    """A ref's content masked, and its templates (offsets relative to the content): a pure function of the
    content, kept in a bounded memo (``citelint.memo``), since a history dump's revisions repeat their refs.
    ``base``: where the content is in its document, for the templates' ``layout`` (what ``cs1`` reads, at
    document offsets) when the content is parsed now; from the memo, they keep the base they were made at."""
    return _PARSED.get(content, base)


def _parse_content(content: str, base: int = 0) -> tuple[str, tuple[Template, ...]]:
    s = mask(content)
    return s, (tuple(scan_templates(s, base=base)) if "{{" in s else ())


def _parsed_weight(content: str, value: tuple[str, tuple[Template, ...]]) -> int:
    # (counted, not walked: the content, its masked copy and the parameters' texts; each "|" a parameter, its
    # (key, name, start, end) and its Param with their numbers; each "{{" a template)
    return 200 + 3 * getsizeof(content) + 500 * content.count("|") + 200 * content.count("{{")


def content_urls(content: str) -> tuple[CitedUrl, ...]:
    """The URLs of a ref's content at offset 0 (``extract_urls(content, 0, …)``), memoised like
    ``parse_content``."""
    base, urls = _URLS.get(content, 0, None)
    return tuple(_shifted(urls, -base))


def _content_urls(content: str, base: int, parsed) -> tuple[int, tuple[CitedUrl, ...]]:
    """(base, the URLs of the content placed at ``base``): made where the content first is, a memo hit at
    another place moves them (``_urls_at``)."""
    return base, tuple(extract_urls(content, base, parsed=parsed or parse_content(content, base)))


def _urls_weight(content: str, value: tuple[int, tuple[CitedUrl, ...]]) -> int:
    urls = value[1]
    if len(urls) == 1:  # (most refs: one URL, weighed without a generator)
        c = urls[0]
        return 400 + 2 * len(c.raw) + (len(c.url) if c.url else 0)
    return 100 + sum(300 + 2 * len(c.raw) + (len(c.url) if c.url else 0) for c in urls)


# (40 MB: the refs of the 15 articles of the corpus take 16 MB with their Params, 18 MB as weighed)
_PARSED: Memo[tuple[str, tuple[Template, ...]]] = Memo(_parse_content, _parsed_weight, 40_000_000)
_URLS: Memo[tuple[int, tuple[CitedUrl, ...]]] = Memo(_content_urls, _urls_weight, 6_000_000)


_CITED = maker(CitedUrl)


def _shifted(urls, by: int) -> list[CitedUrl]:
    """The URLs moved by ``by`` characters."""
    if not by:
        return list(urls)
    make = _CITED
    return [make(c.start + by, c.end + by, c.raw, c.kind, c.param, c.url, c.problem, c.skipped, c.cite,
                 c.template, c.url_status, c.status_param, c.tagged_dead) for c in urls]


def _urls_at(ref: ParsedRef) -> list[CitedUrl]:
    content = ref.definition.content
    if not may_hold_urls(content):
        return []  # (what extract_urls says at once: not worth a memo entry)
    base, urls = _URLS.get(content, ref.base, (ref.masked, ref.templates))
    return _shifted(urls, ref.base - base)


def parsed_refs(model: CitationModel, text: str) -> list[ParsedRef]:
    """Each placeable definition, parsed (one entry per place: the same text twice is parsed once)."""
    return _parse(model, text)[0]


def outside_refs(model: CitationModel, text: str) -> Optional[ParsedRef]:
    """The wikitext outside the references (the parsed refs' content blanked out, offsets kept), parsed the
    same way: bibliographies and further-reading lists hold full citations too. None for plain text."""
    return _parse(model, text)[1]


def cited_urls(model: CitationModel, text: str) -> list[list[CitedUrl]]:
    """The URLs of each parsed ref (one list per entry of ``parsed_refs``, in the same order), computed once
    per model: the invalid-url and same-source rules and the link collection (``links.sites.collect``) read
    the same lists."""
    return model.derived("urls", text, lambda: [_urls_at(ref) for ref in parsed_refs(model, text)])


def _parse(model: CitationModel, text: str) -> tuple[list[ParsedRef], Optional[ParsedRef]]:
    return model.derived("citations", text, lambda: _parse_now(model, text))


def _parse_now(model: CitationModel, text: str) -> tuple[list[ParsedRef], Optional[ParsedRef]]:
    seen: set[int] = set()
    refs = []
    add = refs.append
    make = _PARSED_REF
    get = _PARSED.get  # (parse_ref, inlined)
    for i, d in enumerate(model.definitions):
        content = d.content
        if not content:
            continue
        base = d.content_start  # (locate's first answer, inlined: where the scan found it)
        if base < 0 or not text.startswith(content, base):
            base = locate(d, text)
            if base is None:
                continue
        if base in seen:
            continue
        seen.add(base)
        masked, templates = get(content, base)
        add(make(d, i, base, masked, templates))
    rest = None
    if model.kind == "wikitext":
        parts = []
        pos = 0
        for r in sorted(refs, key=lambda r: r.base):
            a, b = r.base, r.base + len(r.definition.content)
            if a < pos:  # nested in the previous one (a ref inside a ref's template): already blanked
                if b > pos:
                    parts.append(MASK * (b - pos))
                    pos = b
                continue
            parts.append(text[pos:a])
            parts.append(MASK * (b - a))
            pos = b
        parts.append(text[pos:])
        s = mask("".join(parts))
        rest = ParsedRef(None, -1, 0, s, tuple(scan_templates(s, base=0)) if "{{" in s else ())
    return refs, rest


def canonical_content(ref: ParsedRef) -> str:
    """A ref's content as a citation, not as text: each template's named parameters sorted, white space
    collapsed and comments dropped everywhere; two refs that differ only in parameter order or white space
    have the same canonical content (``duplicate-ref``)."""
    if ref.definition is None:
        return _canonical_now(ref.masked, ref.masked, ref.templates)
    return _CANONICAL(ref.definition.content)  # a ref's templates are parse_content's: a function of its content


def _canonical_of(content: str) -> str:
    s, templates = parse_content(content)
    return _canonical_now(content, s, templates)


def _canonical_now(raw: str, masked: str, templates: tuple[Template, ...]) -> str:
    from citelint.model import normalize
    from citelint.parsers.templates import canonical_name

    if not templates:
        return normalize(raw)
    out = []
    pos = 0
    last_end = -1
    for t in templates:
        if t.start < last_end:
            continue  # nested: part of the top-level one
        last_end = t.end
        out.append(normalize(raw[pos:t.start]))
        named = []
        positional = []
        for key, written, vs, ve in t.params:
            value = normalize(raw[vs:ve])
            if written is None:
                positional.append(value)
            else:
                named.append(f"{normalize(written)}={value}")
        name_end = masked.find("|", t.start + 2, t.end) if t.params else t.end - 2
        name = canonical_name(normalize(raw[t.start + 2:name_end]))  # MediaWiki: first letter case-insensitive
        out.append("{{" + name + "".join("|" + p for p in positional) + "".join("|" + n for n in sorted(named))
                   + "}}")
        pos = t.end
    out.append(normalize(raw[pos:]))
    return " ".join(p for p in out if p)


_CANONICAL: Memo[str] = Memo(_canonical_of, lambda content, value: 100 + str_weight(content) + str_weight(value),
                             4_000_000)
