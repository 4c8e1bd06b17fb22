from __future__ import annotations

from typing import Iterator

from citelint.findings import Hit
from citelint.model import CitationModel, Severity
from citelint.rules.base import Context, Rule
from citelint.rules.cs1_citation_missing_title import _bare, with_titles
from citelint.rules.cs1_content import on_param, subject


class Cs1BareUrlMissingTitle(Rule):
    """A CS1/CS2 citation's ``|url=`` (or ``|chapter-url=``) is shown as a bare URL: it has no title to link.

    CS1 shows "|url= missing title" (error key ``err_bare_url_missing_title``, Help:CS1 errors
    ``#bare_url_missing_title``) when a ``|url=`` has only a ``|trans-title=`` to go with (no ``|title=``
    nor ``|script-title=``), or a ``|chapter-url=`` of a book, report or other non-periodical citation has no
    ``|chapter=`` (nor ``|script-chapter=``). A citation with no title at all is
    ``cs1-citation-missing-title`` (CS1 shows that message instead).

    Why: the link text is the address itself; the reader cannot tell what the source is.

    Fix: add the ``|title=`` (or ``|chapter=``) in the original language; keep the translation in
    ``|trans-title=``.

    Example::

        <ref>{{cite web |url=https://example.org/b |trans-title=The B |website=Example}}</ref>   ← cs1-bare-url-missing-title
    """

    name = "cs1-bare-url-missing-title"
    code = "CL532"
    severity = Severity.ERROR
    formats = frozenset({"wikitext"})

    def check(self, model: CitationModel, ctx: Context) -> Iterator[Hit]:
        from citelint.cs1config import config

        cfg = config()
        text = ctx.text
        for c, _m, state in with_titles(model, ctx):
            if state.missing:
                continue
            bare = _bare(c, text, cfg, state)
            if bare is None:
                continue
            chapter = bare.name in cfg.names("ChapterURL")
            yield Hit(on_param(bare), f"|{bare.name}= is shown as a bare URL: "
                      f"{'no |chapter= goes with it' if chapter else 'there is only a |trans-title='}; CS1 shows "
                      f"{cfg.shows('err_bare_url_missing_title', '|' + bare.name + '=')}; add the "
                      f"{'|chapter=' if chapter else '|title='} in the original language",
                      subject=subject(c, text, "bare-url"))
