from __future__ import annotations

from typing import Optional

from citelint.model import Severity
from citelint.rules.link_rule import Judgement, LinkContext, LinkRule, is_dead, why_dead


class DeadLink(LinkRule):
    """A cited URL is gone: 404 or 410, a host name that does not resolve, or a soft 404.

    A soft 404 is a redirect to the site's front page or to a page whose address says not-found
    (``/404/``, ``404.htm``, ``notfound``): the rule the Internet Archive's bot uses. A link that is
    only unreachable (a timeout, a 5xx, a refused connection) is reported by ``unreachable-link``
    until it has failed in at least 2 runs at least 20 hours apart (``--dead-after-runs``,
    ``--dead-after-hours``; the history lives in the link cache): then it is dead too.

    Why: a reader who follows the citation finds nothing, so the claim it supports can no longer
    be verified.

    Fix: find an archived copy of the page (for example on web.archive.org) and add it with
    ``|archive-url=``, ``|archive-date=`` and ``|url-status=dead``; or cite a live source instead.
    When the citation already has a working ``|archive-url=``, the dead ``|url=`` is reported at
    info level only: readers get the archived copy. A dead ``|archive-url=`` is an error too: pick
    another snapshot.

    Example::

        <ref>{{cite web |url=https://example.com/gone |title=Gone}}</ref>   ← dead-link (404 Not Found)
    """

    name = "dead-link"
    code = "CL501"
    severity = Severity.ERROR

    @classmethod
    def judge(cls, site, outcome, partner, ctx: LinkContext) -> Optional[Judgement]:
        from citelint.links.outcome import Verdict

        if not is_dead(outcome, ctx):
            return None
        c = site.cited
        what = c.describe()
        why = why_dead(outcome, ctx)
        if c.kind == "archive":
            return Judgement(f"{what} is dead ({why}): pick another snapshot of the page (web.archive.org lists them)")
        if partner is not None:
            if partner.verdict is Verdict.OK:
                return Judgement(f"{what} is dead ({why}), but |archive-url= works: readers get the archived copy",
                                 Severity.INFO)
            if not is_dead(partner, ctx):
                return Judgement(f"{what} is dead ({why}) and |archive-url= could not be verified "
                                 f"({partner.reason}): check the archived copy by hand", Severity.WARNING)
        if c.tagged_dead:
            return Judgement(f"{what} is dead ({why}) and already tagged {{{{dead link}}}}: add an archived copy "
                             f"with |archive-url= or cite a live source", Severity.INFO)
        if c.kind == "url":
            return Judgement(f"{what} is dead ({why}): add an archived copy (|archive-url=, |archive-date=, "
                             f"|url-status=dead), e.g. from web.archive.org, or cite a live source")
        return Judgement(f"{what} is dead ({why}): replace it with an archived copy (e.g. from web.archive.org) "
                         f"or a live source")
