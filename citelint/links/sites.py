"""Where a document cites URLs: the per-document half of link checking.

``collect(doc, settings, rules, model=…)`` takes a document's citation model (the one the rules read; without
it, the document is parsed), extracts the URLs of its references and places each one (line, column, source
line) so the link pass can turn outcomes into findings without the document's text. It also records which
inline suppressions cover each URL. Pure and picklable, like ``engine.check_document``, so a process pool or
a distributed job can run it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterator, Optional

from citelint.findings import LineIndex, stable_place
from citelint.links.extract import ARCHIVE_TEMPLATES, CitedUrl, extract_urls
from citelint.citations import cited_urls, locate
from citelint.model import CitationModel, Definition, Document


@dataclass(frozen=True, slots=True)
class Site:
    """One URL a citation gives, placed."""

    cited: CitedUrl
    line: int
    column: int
    end_line: int
    end_column: int
    source_line: str
    #: link rule → positions (line, column) of the rule-less directives that silence it here;
    #: a rule absent from the mapping is not suppressed
    suppressed: dict = field(default_factory=dict)
    archive: int = -1  # for a |url=: index of its |archive-url= site in the document
    original: int = -1  # for an |archive-url=: index of its |url= site
    #: ``source_line`` is an excerpt of the line, as in ``Finding`` (``LineIndex.excerpt``)
    source_column: int = 1
    line_length: int = -1

    @property
    def url(self) -> Optional[str]:
        return self.cited.url


@dataclass(frozen=True)
class DocLinks:
    path: str
    page: Optional[str]
    revision: Optional[str]
    where: str  # the place fingerprints use
    sites: tuple[Site, ...]

    @property
    def key(self) -> tuple:
        return (self.path, self.page, self.revision)


def definition_urls(defn: Definition, text: str) -> list[CitedUrl]:
    base = locate(defn, text)
    if base is None:
        return []
    return extract_urls(defn.content, base)


def model_urls(model: CitationModel, text: str) -> Iterator[list[CitedUrl]]:
    """The URLs of each definition (one list per parsed ref, in model order): ``citations.cited_urls``,
    computed once per model and shared with the rules that read the same model."""
    yield from cited_urls(model, text)


def collect(doc: Document, settings, rule_names: tuple[str, ...],
            on_urls: Optional[Callable[[list[str]], None]] = None,
            model: Optional[CitationModel] = None) -> DocLinks:
    """A document's cited URLs, placed. ``model``: the document's citation model, as the rules read it
    (without it, the document is parsed here). ``on_urls`` is told the URLs as they are found (in
    batches), so checking can start before the whole document is read."""
    if model is None:
        from citelint.parse import parse_document

        model = parse_document(doc, settings)
    lines = LineIndex(doc.text)
    sup = _suppressions(doc, model, settings)
    sites: list[Site] = []
    pending: list[str] = []
    for cited_list in cited_urls(model, doc.text):
        first = len(sites)
        if on_urls is not None:
            pending.extend(c.url for c in cited_list if c.url)
            if len(pending) >= 32:
                on_urls(pending)
                pending = []
        for c in cited_list:
            line, col = lines.position(c.start)
            end = max(c.end, c.start + 1)
            end_line, end_col = lines.position(end - 1)
            suppressed = _covered(sup, rule_names, c.start, lines) if sup is not None else {}
            excerpt, excerpt_col, line_length = lines.excerpt(line, col, end_line, end_col + 1)
            sites.append(Site(c, line, col, end_line, end_col + 1, excerpt, suppressed,
                              source_column=excerpt_col, line_length=line_length))
        _pair(sites, first)
    if pending and on_urls is not None:
        on_urls(pending)
    where = doc.page if doc.page is not None else stable_place(doc.path)
    return DocLinks(doc.path, doc.page, doc.revision, where, tuple(sites))


def _pair(sites: list[Site], first: int) -> None:
    """Pair each |url= with the |archive-url= of its template (or a following {{webarchive}})."""
    from dataclasses import replace

    by_cite: dict[int, list[int]] = {}
    for i in range(first, len(sites)):
        c = sites[i].cited
        if c.cite >= 0:
            by_cite.setdefault(c.cite, []).append(i)
    for idxs in by_cite.values():
        urls = [i for i in idxs if sites[i].cited.kind == "url"]
        archives = [i for i in idxs if sites[i].cited.kind == "archive"]
        if not urls or not archives:
            continue
        primary = next((i for i in urls if (sites[i].cited.param or "").strip().lower() == "url"), urls[0])
        arch = archives[0]
        if sites[arch].cited.template in ARCHIVE_TEMPLATES:
            continue
        sites[primary] = replace(sites[primary], archive=arch)
        sites[arch] = replace(sites[arch], original=primary)
    # {{webarchive|url=…}} after a citation: the archive of the nearest |url= before it without one
    for i in range(first, len(sites)):
        c = sites[i].cited
        if c.kind == "archive" and c.template in ARCHIVE_TEMPLATES and sites[i].original < 0:
            for j in range(i - 1, first - 1, -1):
                if sites[j].cited.kind == "url" and sites[j].archive < 0:
                    sites[j] = replace(sites[j], archive=i)
                    sites[i] = replace(sites[i], original=j)
                    break


def _suppressions(doc: Document, model: CitationModel, settings):
    from citelint.suppressions import for_document

    return for_document(doc.text, model.comments, getattr(settings, "inline_suppressions", True))


def _covered(sup, rule_names: tuple[str, ...], offset: int, lines: LineIndex) -> dict:
    out = {}
    for rule in rule_names:
        positions = []
        hit = False
        for r in sup.regions:
            if r.covers(rule, offset):
                hit = True
                if r.directive.all_rules:
                    positions.append(lines.position(r.directive.span.start))
        if hit:
            out[rule] = tuple(positions)
    return out
