from __future__ import annotations

from typing import Iterator

from citelint.findings import Hit
from citelint.model import CitationModel, Severity
from citelint.rules.base import Context, Rule
from citelint.rules.cs1_content import on_name, subject, with_metas

_NEEDS = {"journal": "journal", "magazine": "magazine"}


class Cs1MissingPeriodical(Rule):
    """A ``{{cite journal}}`` or ``{{cite magazine}}`` names no journal or magazine.

    CS1 files it under "Cite journal requires |journal=" / "Cite magazine requires |magazine=" (error key
    ``err_missing_periodical``, Help:CS1 errors ``#missing_periodical``) when none of the periodical
    parameters is set: ``|journal=``, ``|magazine=``, ``|newspaper=``, ``|periodical=``, ``|website=``,
    ``|work=`` or their ``|script-…=`` forms. CS1 hides this message unless an editor has enabled it, hence a
    warning here; the page is still in the error category.

    Why: the reader cannot find an article without the name of the periodical it is in.

    Fix: add ``|journal=`` (or ``|magazine=``) with the periodical's name; if the source is a book, a report
    or a web page, use ``{{cite book}}``, ``{{cite report}}`` or ``{{cite web}}``.

    Example::

        <ref>{{cite journal |last=Smith |title=On things |volume=3 |year=2001}}</ref>   ← cs1-missing-periodical
    """

    name = "cs1-missing-periodical"
    code = "CL522"
    severity = Severity.WARNING
    formats = frozenset({"wikitext"})

    def check(self, model: CitationModel, ctx: Context) -> Iterator[Hit]:
        from citelint.cs1config import config

        cfg = config()
        names = cfg.names("Periodical", "ScriptPeriodical")
        text = ctx.text
        for c, m in with_metas(model, ctx):
            need = _NEEDS.get(c.cls)
            if need is None or "Periodical" in m or "ScriptPeriodical" in m:
                continue
            yield Hit(on_name(c), f"{{{{{c.template}}}}} names no {need}: CS1 shows (hidden by default) "
                      f"{cfg.shows('err_missing_periodical', c.cls, need)}; add |{need}= with its name, or use "
                      f"{{{{cite book}}}}/{{{{cite report}}}}/{{{{cite web}}}} if the source is not in a {need}",
                      subject=subject(c, text, "missing-periodical"))
