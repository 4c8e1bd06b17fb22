from __future__ import annotations

from typing import Iterator

from citelint.findings import Hit
from citelint.model import CitationModel, Severity
from citelint.rules.base import Context, Rule
from citelint.rules.cs1_content import on_name, subject, with_metas


class Cs1CiteWebUrl(Rule):
    """A ``{{cite web}}`` (or ``{{cite podcast}}``, ``{{cite mailing list}}``) has no ``|url=``.

    CS1 shows "Missing or empty |url=" (error key ``err_cite_web_url``, Help:CS1 errors ``#cite_web_url``)
    for those templates, and for ``{{citation}}`` whose periodical is given as ``|website=``. A ``|url=``
    that is a template or ``<nowiki>`` counts as set.

    Why: a web citation without its address cannot be followed or checked.

    Fix: add the ``|url=`` of the page cited (and ``|archive-url=`` if it is dead); if the source is not a
    web page, use the template that fits it (``{{cite book}}``, ``{{cite news}}``, ``{{cite journal}}``).

    Example::

        <ref>{{cite web |title=Annual report 2019 |website=Example}}</ref>   ← cs1-cite-web-url
    """

    name = "cs1-cite-web-url"
    code = "CL521"
    severity = Severity.ERROR
    formats = frozenset({"wikitext"})

    def check(self, model: CitationModel, ctx: Context) -> Iterator[Hit]:
        from citelint.cs1config import config

        cfg = config()
        text = ctx.text
        for c, m in with_metas(model, ctx):
            if c.cls in ("web", "podcast", "mailinglist"):
                pass
            elif c.cls == "citation":
                p = m.get("Periodical")
                sp = m.get("ScriptPeriodical")
                if not ((p is not None and p.name == "website") or (sp is not None and sp.name == "script-website")):
                    continue
            else:
                continue
            if "URL" in m:
                continue
            yield Hit(on_name(c), f"{{{{{c.template}}}}} has no |url=: CS1 shows {cfg.shows('err_cite_web_url')}; "
                      f"add the URL of the page cited, or use the template that fits a source that is not a "
                      f"web page ({{{{cite book}}}}, {{{{cite news}}}}…)", subject=subject(c, text, "cite-web-url"))
