from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator, Optional
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

from citelint.findings import Hit
from citelint.quoting import clip
from citelint.identifiers import _ARXIV_VERSION, _SPACE_OR_HYPHEN, canonical, limits
from citelint.model import CitationModel, Severity
from citelint.rules.base import Context, Rule, shorten


class SameSource(Rule):
    """Two references cite the same source (same DOI, ISBN, PMID, arXiv id or URL) with different text.

    Compares each reference's identifiers (``|doi=``, ``|isbn=`` — ISBN-10 and ISBN-13 forms alike —,
    ``|pmid=``, ``|arxiv=``, and the same in plain text) and its URL once normalised: scheme, ``www.``,
    mobile and AMP hosts (``m.``, ``mobile.``, ``amp.``), a trailing slash, tracking parameters (``utm_*``,
    ``fbclid``, ``gclid``…) and Wayback Machine wrappers (``web.archive.org/web/<timestamp>/<url>``) do not
    count; ``doi.org``, ``arxiv.org/abs/…`` and PubMed URLs count as their identifier. Reported at the later
    reference, naming the line of the earlier. References that cite different places in the source are not
    flagged: a different ``|page=``, ``|pages=``, ``|at=``, ``|chapter=``, ``|volume=``, ``|quote=`` (and the
    like), or a different ``p. 12`` in the text, is a different citation of one work (use ``{{rp}}`` or
    short citations for those). Neither are bundled references (two citations in one ref), references with
    the very same text (``duplicate-ref``), nor a site's front page.

    Why: the reference list shows one source under two numbers, with two descriptions that drift apart.

    Fix: keep the fuller citation, name it (``<ref name="smith2020">…</ref>``) and reuse it with
    ``<ref name="smith2020" />``.

    Example::

        A.<ref>{{cite journal |title=T |doi=10.1000/xyz |year=2020}}</ref>
        B.<ref>Smith (2020), doi:10.1000/XYZ</ref>   ← same-source: same DOI as line 1
    """

    name = "same-source"
    code = "CL203"
    severity = Severity.WARNING

    def check(self, model: CitationModel, ctx: Context) -> Iterator[Hit]:
        from citelint.citations import canonical_content, cited_urls, parsed_refs
        from citelint.identifiers import canonical, is_citation, limits, model_identifiers

        refs = parsed_refs(model, ctx.text)
        if len(refs) < 2:
            return
        ids: dict[int, list] = {}
        for ref, iv in model_identifiers(model, ctx.text):
            if ref.definition is not None and iv.kind in _ID_KINDS:
                ids.setdefault(ref.index, []).append(iv)
        url_lists = cited_urls(model, ctx.text)  # one list per parsed ref, in the same order
        # First the rough identities of each ref (``_rough``: two refs with one identity have the same rough
        # one), counted: a ref none of whose rough identities another ref has (most refs) has no identity
        # another ref shares, so its identities are not computed.
        candidates = []
        rough: dict[tuple, int] = {}
        for ref, urls in zip(refs, url_lists):
            mine = ids.get(ref.index)
            if not urls and mine is None:
                continue
            d = ref.definition
            if d.list_defined and d.key is None:
                continue
            where = (d.group, d.segment)
            keys = {(where, k) for k in _rough_keys(mine, urls)}
            for k in keys:
                rough[k] = rough.get(k, 0) + 1
            candidates.append((ref, urls, mine, d, keys))
        # Then each ref's own identities, counted: a ref none of whose identities another ref shares can
        # neither be reported nor be the earlier one of a report (most refs), so nothing more is read of it.
        owners = []
        counts: dict[tuple, int] = {}
        overrides = ctx.identifier_limits
        for ref, urls, mine, d, keys in candidates:
            if all(rough[k] < 2 for k in keys):
                continue
            if mine is None and len(urls) == 1:  # (most refs: one URL, no identifier)
                c = urls[0]
                k = url_key(c.url) if c.url and c.kind != "archive" else None
                if k is None:
                    continue
                own = [k]
            else:
                keys: dict[str, set] = {}
                if mine is not None:
                    for iv in mine:
                        value = iv.value.upper() if iv.kind == "isbn" else iv.value
                        c = _canonical_id(iv.kind, value, overrides) if len(value) <= 256 else \
                            canonical(iv.kind, value, limits(overrides))
                        if c:
                            keys.setdefault(iv.kind, set()).add(c)
                for c in urls:
                    if c.kind == "archive" or not c.url:
                        continue
                    k = url_key(c.url)
                    if k:
                        keys.setdefault(k[0], set()).add(k[1])
                own = [(kind, next(iter(vals))) for kind, vals in keys.items() if len(vals) == 1]
                if not own:
                    continue
            where = (d.group, d.segment)
            for kind, value in own:
                counts[(where, kind, value)] = counts.get((where, kind, value), 0) + 1
            owners.append((ref, d, own, where))
        # Then, of the refs that share one, those with one citation: a bundle of citations cannot be merged
        # with one of them, and is not counted (so the counts are those of the refs that are compared).
        entries = []
        shared: dict[tuple, int] = {}
        for ref, d, own, where in owners:
            if all(counts[(where, kind, value)] < 2 for kind, value in own):
                continue
            top = ref.top_level()
            cites = [t for t in top if is_citation(t.name)]
            if len(cites) > 1:
                continue  # a bundle of citations: cannot be merged with one of them
            if not cites:  # another wiki's citation template ({{Internetquelle}}…): the first with parameters
                cites = [t for t in top if any(w for _k, w, _a, _b in t.params)][:1]
            for kind, value in own:
                shared[(where, kind, value)] = shared.get((where, kind, value), 0) + 1
            entries.append((ref, d, cites, own, where))
        earlier: dict[tuple, _Seen] = {}
        for ref, d, cites, own, where in entries:
            if all(shared.get((where, kind, value), 0) < 2 for kind, value in own):
                continue
            loc = _locator(ref, cites[0] if cites else None)
            ident = _Lazy(canonical_content, ref)  # computed only when an earlier ref may be merged with it
            title = _title(ref, cites[0] if cites else None)
            hit = None
            unsure = []  # the earlier refs' identities where none is one to merge with: the same citation?
            for kind, value in sorted(own, key=lambda kv: _ORDER.index(kv[0])):
                seen = earlier.get((where, kind, value))
                if seen is None:
                    continue
                if d.content in seen.contents:
                    break  # the very same citation came before: duplicate-ref reports it
                found = None
                for pd, ptitle in seen.by_loc.get(loc, ()):
                    if pd.key is not None and pd.key == d.key:
                        continue
                    if kind == "url" and not _same_title(ptitle, title):
                        continue  # one page cited for different entries (a changelog, a list): not one citation
                    found = (pd, kind, value)
                    break
                unsure.append(seen)
                if found is None:
                    continue
                # the same citation (written differently: parameter order, white space) under this identity
                # or one tried before is reported by duplicate-ref, not here: canonical contents are
                # computed only now, for the refs that share the identity
                if not any(_same_citation(ident, other) for other in unsure):
                    hit = found
                break
            for kind, value in own:
                seen = earlier.get((where, kind, value))
                if seen is None:
                    seen = earlier[(where, kind, value)] = _Seen()
                seen.pending.append(ident)
                seen.contents.add(d.content)
                places = seen.by_loc.setdefault(loc, [])
                if len(places) < _KEEP:
                    places.append((d, title))
            if hit is None:
                continue
            pd, kind, value = hit
            line = ctx.line(pd.span.start)
            what = f"{_NAMES[kind]} {clip(value)}" if kind != "url" else f"URL {shorten(value, 50)}"
            if model.kind == "plaintext":
                how = f"merge entry {clip(d.key)} into entry {clip(pd.key)} and point both markers at it"
            elif pd.key:
                how = f'if both cite the same place, reuse the first here with <ref name="{clip(pd.key)}" />'
            else:
                how = ('if both cite the same place, give the first a name (<ref name="…">) and reuse it here '
                       'with <ref name="…" />')
            yield Hit(d.span, f"same source as line {line} ({what}), written differently; {how}",
                      subject=f"{kind}\0{value}")


class _Seen:
    """The refs seen so far with one identifier: their contents, their canonical contents (computed when
    needed), and the first few per locator."""

    __slots__ = ("idents", "pending", "contents", "by_loc")

    def __init__(self) -> None:
        self.idents: set = set()
        self.pending: list = []
        self.contents: set = set()
        self.by_loc: dict = {}


def _same_citation(ident: "_Lazy", seen: _Seen) -> bool:
    """Whether a ref's canonical content is one of those seen with an identifier."""
    if seen.pending:
        seen.idents.update(lz.value for lz in seen.pending)
        seen.pending.clear()
    return ident.value in seen.idents


#: earlier refs kept per (identifier, locator): enough to find one to merge with, bounded on hostile pages
_KEEP = 16


class _Lazy:
    __slots__ = ("_f", "_arg", "_value")

    def __init__(self, f, arg) -> None:
        self._f, self._arg, self._value = f, arg, None

    @property
    def value(self):
        if self._value is None:
            self._value = self._f(self._arg)
        return self._value


_ID_KINDS = frozenset({"doi", "isbn", "pmid", "arxiv"})
_ORDER = ("doi", "isbn", "pmid", "arxiv", "url")
_NAMES = {"doi": "DOI", "isbn": "ISBN", "pmid": "PMID", "arxiv": "arXiv"}

#: parameters that say where in a source a citation points: refs that differ in them are not one citation
_LOCATORS = frozenset({"page", "pages", "p", "pp", "at", "loc", "chapter", "contribution", "entry", "article",
                       "section", "quote", "time", "minutes", "volume", "issue", "number", "title-link",
                       "script-chapter", "trans-chapter", "quote-page", "quote-pages", "chapter-url",
                       "section-url", "page-id",
                       # other wikis' citation templates ({{Internetquelle}}, {{Literatur}}…)
                       "seite", "seiten", "kapitel", "zitat", "band", "nummer", "spalten"})
#: page numbers in text: "p. 12", "pp. 3–5", "page 7", German "S. 23"
_TEXT_PAGES = re.compile(r"(?<![A-Za-z])(?:pp?\.|pages?|pg\.?|S\.|Seiten?|pág\.)\s*[0-9ivxlcdm]+"
                         r"(?:\s*[-–—,]\s*[0-9ivxlcdm]+)*", re.IGNORECASE)
#: a quotation in the text around the citation: a ref that quotes the source cites one passage of it
_TEXT_QUOTE = re.compile(r"[\"“„]([^\"“”„]{20,})[\"”“]")


def _locator(ref, cite) -> tuple:
    """What part of the source a ref points to: its citation's locator parameters and page numbers in the
    text around the citation (or in the whole text, for a ref without a template)."""
    from citelint.links.extract import MASK
    from citelint.model import normalize

    raw = ref.definition.content
    params = []
    if cite is not None:
        for key, written, vs, ve in cite.params:
            if key in _LOCATORS:
                v = normalize(raw[vs:ve]).lower()
                if v:
                    params.append((key, v))
        outside = ref.masked[:cite.start] + ref.masked[cite.end:]
    else:
        outside = ref.masked
    outside = outside.replace(MASK, "")
    pages = tuple(normalize(m.group()).lower().replace(" ", "") for m in _TEXT_PAGES.finditer(outside))
    quotes = tuple(normalize(m.group(1)).lower() for m in _TEXT_QUOTE.finditer(outside))
    return tuple(sorted(params)), pages, quotes


def _title(ref, cite) -> str:
    """The citation's title (``|title=``, or a bracketed link's label), letters and digits only, lower case."""
    raw = ref.definition.content
    text = ""
    if cite is not None:
        for key, written, vs, ve in cite.params:
            if key == "title" or key == "titel":
                text = raw[vs:ve]
                break
    else:
        m = re.search(r"\[(?:https?:)?//[^\s\]]+\s+([^\]]+)\]", raw)
        text = m.group(1) if m else ""
    return re.sub(r"\W+", "", text).lower()


def _same_title(a: str, b: str) -> bool:
    """Titles that may name the same page: equal, one missing, or one the start of the other (a subtitle or
    the site's name added)."""
    return not a or not b or a.startswith(b) or b.startswith(a)


_TRACKING = re.compile(r"^(?:utm_[a-z_]*|fbclid|gclid|dclid|gclsrc|msclkid|yclid|mc_cid|mc_eid|igshid|_ga|_gl|"
                       r"ocid|cmpid|ncid|cmp|wt\.mc_id|ito|smid|src|ref_src|__twitter_impression|amp|outputtype)$",
                       re.IGNORECASE)
_WAYBACK = re.compile(r"^https?://(?:web\.|wayback\.)?archive\.org/web/\d{1,14}[a-z_]*/(.+)$", re.IGNORECASE)
_DOI_URL = re.compile(r"^https?://(?:dx\.)?doi\.org/(10\.[^?#]+)$", re.IGNORECASE)
_ARXIV_URL = re.compile(r"^https?://(?:www\.|export\.)?arxiv\.org/(?:abs|pdf)/([^?#]+?)(?:\.pdf)?/?$", re.IGNORECASE)
_PUBMED_URL = re.compile(r"^https?://(?:www\.)?(?:ncbi\.nlm\.nih\.gov/pubmed|pubmed\.ncbi\.nlm\.nih\.gov)/(\d+)/?$",
                         re.IGNORECASE)
_DROP_LABELS = ("www", "m", "mobile", "amp")
#: an http(s) URL whose host is letters, digits, dots and hyphens (no user, port or brackets) and that has no
#: character urlsplit removes or strips: its host, path, query and fragment are as urlsplit splits them
_SIMPLE_URL = re.compile(r"[Hh][Tt][Tt][Pp][Ss]?://([A-Za-z0-9.-]*)([/?#][^\x00-\x20]*)?\Z")
_SCHEME = re.compile(r"(?i)https?://")
#: what ``_WAYBACK``, ``_DOI_URL``, ``_ARXIV_URL`` and ``_PUBMED_URL`` can match begins so (case-insensitively,
#: as they match): a URL that does not is none of them
_SPECIAL_HOST = re.compile(r"https?://(?:web\.|wayback\.|dx\.|www\.|export\.)?(?:archive\.org/web/|doi\.org/|"
                           r"arxiv\.org/|ncbi\.nlm\.nih\.gov/pubmed|pubmed\.ncbi\.nlm\.nih\.gov/)", re.IGNORECASE)
_DROP_PREFIXES = tuple(label + "." for label in _DROP_LABELS)


@lru_cache(maxsize=4096)
def _canonical_id(kind: str, value: str, overrides: tuple) -> Optional[str]:
    """``identifiers.canonical`` under the limits ``overrides`` configure, kept for the values that recur (the
    same identifiers in every revision of a page's history): a pure function of short strings."""
    return canonical(kind, value, limits(overrides))


def _rough_keys(ids, urls) -> set:
    """The rough identities (``_rough``) of a ref's identifiers and cited URLs: (kind, value) pairs."""
    out = set()
    if ids is not None:
        for iv in ids:
            out.add(_rough_id(iv.kind, iv.value.upper() if iv.kind == "isbn" else iv.value))
    for c in urls:
        if c.kind != "archive" and c.url:
            out.add(_rough_url(c.url))
    return out


def _rough_id(kind: str, value: str) -> tuple:
    """What ``_rough`` gives for the canonical form of an identifier (``identifiers.canonical``), without the
    checks that tell whether it has one: a DOI in lower case, an arXiv id without version, the nine digits of
    an ISBN that its ISBN-10 and ISBN-13 forms share, a PMID as written."""
    if kind == "doi":
        return kind, value.lower()
    if kind == "isbn":
        compact = _SPACE_OR_HYPHEN.sub("", value)
        return kind, compact[:9] if len(compact) == 10 else compact[3:12] if len(compact) == 13 else compact
    if kind == "arxiv":
        return kind, _ARXIV_VERSION.sub("", value).lower()
    return kind, value


def _rough(key: tuple) -> tuple:
    """A rough identity: a function of the identity (kind, value) ``url_key`` and the identifiers' canonical
    forms give, so two refs with one identity have the same rough one. A URL's is the last segment of its path
    (what follows the last "/" before the query or fragment: neither the host nor the query is normalised for
    it); the identifiers' are their canonical forms, cut the way ``_rough_id`` cuts them."""
    kind, value = key
    if kind == "url":
        cut = len(value)
        for ch in "?#":
            i = value.find(ch)
            if 0 <= i < cut:
                cut = i
        return kind, value[value.rfind("/", 0, cut) + 1:cut]
    if kind == "isbn":
        return kind, value[3:12]
    return key


def _rough_url(url: str) -> tuple:
    """``_rough(url_key(url))`` (the rough identity of a URL, or of a front page), found without normalising
    the URL for the most: an http(s) URL of ``_SIMPLE_URL``'s form that is none of the special ones."""
    simple = _SIMPLE_URL.match(url) if len(url) <= 1024 else None
    if simple is None or _SPECIAL_HOST.match(url) is not None:
        key = url_key(url)
        return _rough(key) if key is not None else ("url", "")
    rest = simple.group(2) or ""
    cut = len(rest)
    for ch in "?#":
        i = rest.find(ch)
        if 0 <= i < cut:
            cut = i
    path = rest[:cut]
    if path.endswith(("/amp", "/amp/")):
        path = path[:path.rindex("/amp")]
    path = path.rstrip("/")
    return "url", path[path.rfind("/") + 1:]


def url_key(url: str) -> Optional[tuple[str, str]]:
    """(kind, identity) of a cited URL: ("doi", …), ("arxiv", …), ("pmid", …) or ("url", normalised URL);
    None for a URL that says too little (a site's front page)."""
    return _url_key_kept(url) if len(url) <= 1024 else _url_key(url)


def _url_key(url: str) -> Optional[tuple[str, str]]:
    if _SPECIAL_HOST.match(url) is not None:  # (most URLs are not: one pattern tells, not four)
        m = _WAYBACK.match(url)
        if m:
            inner = m.group(1)
            url = inner if _SCHEME.match(inner) else "http://" + inner
        m = _DOI_URL.match(url)
        if m:
            return "doi", unquote(m.group(1)).lower()
        m = _ARXIV_URL.match(url)
        if m:
            return "arxiv", re.sub(r"v\d+$", "", m.group(1)).lower()
        m = _PUBMED_URL.match(url)
        if m:
            return "pmid", m.group(1)
    simple = _SIMPLE_URL.match(url)
    if simple is not None:  # what urlsplit gives for it, without the general case's work
        host, port = simple.group(1).lower().rstrip("."), None
        rest, _, fragment = (simple.group(2) or "").partition("#")
        path, _, query = rest.partition("?")
    else:
        try:
            parts = urlsplit(url)
            host = (parts.hostname or "").lower().rstrip(".")
            port = parts.port
        except ValueError:
            return None
        path, query, fragment = parts.path, parts.query, parts.fragment
    if host.startswith(_DROP_PREFIXES) or ".m." in host or ".mobile." in host:  # else no label is dropped
        labels = host.split(".")
        while len(labels) > 2 and labels[0] in _DROP_LABELS:
            labels.pop(0)
        if len(labels) > 2 and labels[1] in ("m", "mobile"):  # en.m.wikipedia.org
            labels.pop(1)
        host = ".".join(labels)
    if port and port not in (80, 443):
        host = f"{host}:{port}"
    if path.endswith(("/amp", "/amp/")):  # (no line break in a path: urlsplit removes them)
        path = path[:path.rindex("/amp")]
    path = path.rstrip("/") or "/"
    if query:
        query = sorted((k, v) for k, v in parse_qsl(query, keep_blank_values=True) if not _TRACKING.match(k))
    if path == "/" and not query:
        return None  # a front page: cited for many different things
    if query:
        return "url", f"{host}{path}?{urlencode(query)}#{fragment}" if fragment else f"{host}{path}?{urlencode(query)}"
    return "url", (host + path + "#" + fragment) if fragment else host + path


#: the keys of the URLs that recur (the same URLs in every revision of a page's history), bounded
_url_key_kept = lru_cache(maxsize=4096)(_url_key)
