from __future__ import annotations

from typing import Iterator

from citelint.findings import Hit
from citelint.model import CitationModel, Severity
from citelint.rules.base import Context, Rule
from citelint.rules.cs1_content import any_set, cites, first, on_param, on_value, subject


class Cs1UrlStatus(Rule):
    """A CS1/CS2 ``|url-status=`` has a value CS1 does not know, or is given without an ``|archive-url=``.

    CS1 accepts ``dead``, ``live``, ``deviated``, ``unfit``, ``usurped`` and ``bot: unknown`` (exactly, in
    lower case); anything else shows "Invalid |url-status=<value>" (error key ``err_invalid_param_val``,
    Help:CS1 errors ``#invalid_param_val``). Without an ``|archive-url=``, ``|url-status=`` does nothing: CS1
    files the page under "CS1 maint: url-status" (``maint_url_status``), reported here as information.
    Whether the URL really is dead or live is ``url-status-mismatch`` (the link check).

    Why: an invalid value is ignored (the original URL is linked first, dead or not); a status with nothing
    to switch to is clutter that misleads the next editor.

    Fix: use one of CS1's values; add the ``|archive-url=`` (and ``|archive-date=``) the status is about, or
    remove ``|url-status=``.

    Example::

        {{cite web |url=https://example.org/a |title=A |url-status=Dead}}   ← cs1-url-status
    """

    name = "cs1-url-status"
    code = "CL529"
    severity = Severity.ERROR
    formats = frozenset({"wikitext"})

    def check(self, model: CitationModel, ctx: Context) -> Iterator[Hit]:
        from citelint.cs1config import config

        cfg = config()
        text = ctx.text
        allowed = cfg.url_status
        for c in cites(model, ctx):
            us = first(c, cfg.names("UrlStatus"), text)
            if us is None:
                continue
            if us.value and us.value not in allowed and "{{" not in us.value:
                yield Hit(on_value(us), f"|{us.name}={us.value} is not a value CS1 knows: CS1 shows "
                          f"{cfg.shows('err_invalid_param_val', us.name, us.value)}; use dead, live, unfit, "
                          f"usurped, deviated or bot: unknown", subject=subject(c, text, "url-status-invalid"))
            elif not any_set(c, cfg.names("ArchiveURL"), text):
                yield Hit(on_param(us), f"|{us.name}= without |archive-url= does nothing (CS1 files the page under "
                          f"{cfg.shows('maint_url_status')}); add the |archive-url= and |archive-date= it is "
                          f"about, or remove |{us.name}=", subject=subject(c, text, "url-status-unused"),
                          severity=Severity.INFO)
