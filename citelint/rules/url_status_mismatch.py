from __future__ import annotations

from typing import Optional

from citelint.model import Severity
from citelint.rules.link_rule import Judgement, LinkContext, LinkRule, is_dead, why_dead


class UrlStatusMismatch(LinkRule):
    """``|url-status=`` says the opposite of what the link checker found.

    ``|url-status=live`` on a citation whose ``|url=`` is dead, or ``|url-status=dead`` (legacy:
    ``|deadurl=yes``) on one whose ``|url=`` works. Only citations with an ``|archive-url=`` are
    judged: without one, CS1 ignores ``|url-status=``. ``unfit``, ``usurped`` and ``deviated`` are
    deliberate choices and never reported.

    Why: with ``live`` readers are sent to the dead original first; with ``dead`` they are sent to
    the archived copy although the original works (and may have been updated).

    Fix: set ``|url-status=`` to what the URL is now (``dead`` or ``live``).

    Example::

        {{cite web |url=https://example.com/gone |archive-url=https://web.archive.org/web/2019/https://example.com/gone
         |url-status=live}}   ← url-status-mismatch (the URL is dead: set |url-status=dead)
    """

    name = "url-status-mismatch"
    code = "CL503"
    severity = Severity.WARNING

    @classmethod
    def judge(cls, site, outcome, partner, ctx: LinkContext) -> Optional[Judgement]:
        from citelint.links.outcome import Verdict

        c = site.cited
        if c.kind != "url" or site.archive < 0 or outcome is None or c.url_status not in ("live", "dead"):
            return None
        param = f"|{c.status_param or 'url-status'}="
        written = "live" if c.url_status == "live" else "dead"
        if c.url_status == "live" and is_dead(outcome, ctx):
            return Judgement(f"{param}{written_value(c, written)} but {c.describe()} is dead ({why_dead(outcome, ctx)}): "
                             f"set |url-status=dead so readers get the archived copy")
        if c.url_status == "dead" and outcome.verdict is Verdict.OK:
            return Judgement(f"{param}{written_value(c, written)} but {c.describe()} works ({outcome.reason}): "
                             f"set |url-status=live so readers get the original first")
        return None


def written_value(c, normal: str) -> str:
    if (c.status_param or "").replace("-", "").lower() == "deadurl":
        return "no" if normal == "live" else "yes"
    return normal
