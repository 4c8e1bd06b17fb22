from __future__ import annotations

from typing import Iterator, Optional

from citelint.findings import Hit
from citelint.model import CitationModel, Severity
from citelint.rules.base import Context, Rule
from citelint.rules.cs1_content import PERIODICAL_CLASSES, any_meta, metas, on_name, subject, with_metas


class Cs1CitationMissingTitle(Rule):
    """A CS1/CS2 citation has no title.

    CS1 shows "Missing or empty |title=" (error key ``err_citation_missing_title``, Help:CS1 errors
    ``#citation_missing_title``) when none of ``|title=``, ``|trans-title=`` or ``|script-title=`` is set
    (``{{cite episode}}``: ``|series=``). It accounts for the templates that take their title elsewhere:
    ``{{cite encyclopedia}}`` with ``|encyclopedia=`` and ``|article=``, ``{{cite conference}}`` with
    ``|book-title=``. A ``|title=`` that is a template or ``<nowiki>`` counts as set; one that holds only a
    comment does not. (A citation with a ``|url=`` is also filed under "CS1 errors: bare URL"; CS1 shows the
    one message. A link without a title that has a ``|trans-title=`` is ``cs1-bare-url-missing-title``.)

    Why: the reader cannot tell what the source is; a bare URL tells nothing once the link is dead.

    Fix: add ``|title=`` with the source's own title (the article's or page's heading; for a foreign-language
    source, the original in ``|title=`` and a translation in ``|trans-title=``).

    Example::

        <ref>{{cite web |url=https://example.org/report.pdf |website=Example}}</ref>   ← cs1-citation-missing-title
    """

    name = "cs1-citation-missing-title"
    code = "CL520"
    severity = Severity.ERROR
    formats = frozenset({"wikitext"})

    def check(self, model: CitationModel, ctx: Context) -> Iterator[Hit]:
        from citelint.cs1config import config

        cfg = config()
        text = ctx.text
        for c, _m, state in with_titles(model, ctx):
            if state.missing:
                url = "" if c.cls == "episode" else _url_note(c, text, cfg)
                yield Hit(on_name(c), f"{{{{{c.template}}}}} has no title{url}: CS1 shows "
                          f"{cfg.shows('err_citation_missing_title', state.param)}; add |{state.param}= with "
                          f"the source's own title", subject=subject(c, text, "missing-title"))


class TitleState:
    __slots__ = ("missing", "param", "title", "moved")

    def __init__(self, missing: bool, param: str, title, moved: bool) -> None:
        self.missing = missing  # CS1's err_citation_missing_title
        self.param = param  # the parameter CS1 names in its message
        self.title = title  # the Param CS1 renders as the title (None if none)
        self.moved = moved  # the title comes from elsewhere (|encyclopedia=, |book-title=, |series=)


def with_titles(model, ctx):
    """(citation, its metas, its ``title_state``) for each citation, computed once per document (three rules read
    them); the triples are made as they are read."""
    from citelint.cs1config import config

    text = ctx.text
    extra = ctx.cs1_extra
    key = "cs1-titles" if not extra else "cs1-titles:" + repr(sorted(extra.items()))
    cfg = config()
    cites, found, states = model.derived(key, text, lambda: _with_titles(model, ctx, text, cfg))
    return zip(cites, found, states)


def _with_titles(model, ctx, text: str, cfg) -> tuple[list, list, list]:
    cites, found = [], []
    for c, m in with_metas(model, ctx):
        cites.append(c)
        found.append(m)
    return cites, found, [title_state(c, text, cfg) for c in cites]


def title_state(c, text: str, cfg) -> TitleState:
    """Which parameter CS1 uses as the citation's title, following CS1.lua's special cases (once per
    citation: three rules ask)."""
    got = c.memo.get("title")
    if got is None:
        got = c.memo["title"] = _title_state(c, text, cfg)
    return got


def _title_state(c, text: str, cfg) -> TitleState:
    m = metas(c, text)
    if c.cls == "episode":  # cite episode: |series= is the title, |title= the episode
        series = m.get("Series")
        return TitleState(series is None, "series", series, True)
    title = m.get("Title")
    if c.cls == "conference":
        book = m.get("BookTitle")
        if book is not None:
            return TitleState(False, "title", book, True)
    encyclopedia = m.get("Encyclopedia")
    if c.cls == "encyclopaedia" or (c.cls == "citation" and encyclopedia is not None):
        periodical = encyclopedia or m.get("Periodical")
        if periodical is not None:
            chapter = ("Chapter" in m or "ScriptChapter" in m)
            script = "ScriptTitle" in m
            if (title is not None or script) and not chapter:
                return TitleState(False, "title", periodical, True)  # |title= becomes the article
            if title is None and not script and chapter:
                return TitleState(False, "title", periodical, True)
    missing = title is None and not ("TransTitle" in m or "ScriptTitle" in m)
    return TitleState(missing, "title", title, False)


def _url_note(c, text: str, cfg) -> str:
    u = metas(c, text).get("URL")
    return f" (its |{u.name}= is shown bare)" if u is not None else ""


def _bare(c, text: str, cfg, state: TitleState) -> Optional[object]:
    if c.cls == "episode":
        return None
    if state.title is None and not any_meta(c, text, "ScriptTitle"):
        u = metas(c, text).get("URL")
        if u is not None:
            return u  # only a |trans-title=: the URL is shown bare
    periodical_like = c.cls in PERIODICAL_CLASSES or (
        c.cls == "citation" and any_meta(c, text, "Periodical", "ScriptPeriodical")
        and not any_meta(c, text, "Encyclopedia"))
    if periodical_like or state.moved or c.cls in ("map", "encyclopaedia") or \
            (c.cls == "citation" and any_meta(c, text, "Encyclopedia")):
        return None  # chapters ignored (periodicals) or remapped (encyclopedias, conferences, maps)
    cu = metas(c, text).get("ChapterURL")
    if cu is not None and not any_meta(c, text, "Chapter", "ScriptChapter"):
        return cu
    return None
