from __future__ import annotations

from typing import Iterator

from citelint.findings import Hit
from citelint.model import CitationModel, Severity
from citelint.rules.base import Context, Rule
from citelint.rules.cs1_content import on_param, subject, with_metas


class Cs1AccessdateMissingUrl(Rule):
    """A CS1/CS2 citation has an ``|access-date=`` but no ``|url=`` (nor ``|chapter-url=``) it could apply to.

    CS1 shows "|access-date= requires |url=" (error key ``err_accessdate_missing_url``, Help:CS1 errors
    ``#accessdate_missing_url``) and does not display the access date.

    Why: an access date says when an online source was read; without a URL it tells the reader nothing
    (printed books and journals are identified by their edition or issue, not the day they were read).

    Fix: add the ``|url=`` that was read, or remove ``|access-date=``.

    Example::

        <ref>{{cite book |title=A Book |year=2001 |access-date=2020-05-04}}</ref>   ← cs1-accessdate-missing-url
    """

    name = "cs1-accessdate-missing-url"
    code = "CL524"
    severity = Severity.ERROR
    formats = frozenset({"wikitext"})

    def check(self, model: CitationModel, ctx: Context) -> Iterator[Hit]:
        from citelint.cs1config import config

        cfg = config()
        text = ctx.text
        for c, m in with_metas(model, ctx):
            ad = m.get("AccessDate")
            if ad is None or "URL" in m or "ChapterURL" in m:
                continue
            yield Hit(on_param(ad), f"|{ad.name}= without a |url=: CS1 shows "
                      f"{cfg.shows('err_accessdate_missing_url')} and hides the date; add the |url= that was "
                      f"read, or remove |{ad.name}=", subject=subject(c, text, "accessdate-missing-url"))
