from __future__ import annotations

from typing import Iterator

from citelint.findings import Hit
from citelint.model import CitationModel, Severity
from citelint.rules.base import Context, Rule
from citelint.rules.cs1_content import on_param, subject, with_metas


class Cs1UrlStatus(Rule):
    """A CS1/CS2 citation has a ``|url-status=`` but no ``|archive-url=``: the status does nothing.

    CS1 files the page under "CS1 maint: url-status" (maintenance key ``maint_url_status``, Help:CS1 errors
    ``#url_status``; a maintenance category, not an error, hence information). ``|url-status=`` only
    chooses whether the archive or the original is linked first.

    Why: a status with nothing to switch to misleads the next editor (a "dead" URL with no archive is still
    linked) and is often left by tools that removed an archive.

    Fix: add the ``|archive-url=`` and ``|archive-date=`` the status is about, or remove ``|url-status=``
    (for a dead link without an archive, use ``{{dead link}}`` after the citation).

    Example::

        {{cite web |url=https://example.org/c |title=C |url-status=live}}   ← cs1-url-status
    """

    name = "cs1-url-status"
    code = "CL533"
    severity = Severity.INFO
    formats = frozenset({"wikitext"})

    def check(self, model: CitationModel, ctx: Context) -> Iterator[Hit]:
        from citelint.cs1config import config

        cfg = config()
        text = ctx.text
        for c, m in with_metas(model, ctx):
            us = m.get("UrlStatus")
            if us is None or m.get("ArchiveURL") is not None:
                continue
            yield Hit(on_param(us), f"|{us.name}= without |archive-url= does nothing: CS1 files the page under "
                      f"{cfg.shows('maint_url_status')}; add the |archive-url= and |archive-date= it is about, or "
                      f"remove |{us.name}=", subject=subject(c, text, "url-status-unused"))
