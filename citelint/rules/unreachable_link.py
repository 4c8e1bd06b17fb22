from __future__ import annotations

from typing import Optional

from citelint.model import Severity
from citelint.rules.link_rule import Judgement, LinkContext, LinkRule, promoted, since


class UnreachableLink(LinkRule):
    """A cited URL could not be reached: a timeout, a server error, a refused or reset connection.

    Such failures come and go, so one is only a warning. The link cache keeps each URL's history:
    once the same URL has failed in at least 2 runs at least 20 hours apart (``--dead-after-runs``,
    ``--dead-after-hours``) it is reported as ``dead-link`` instead. 5xx answers and dropped
    connections are retried (with backoff) before they count; so are 429s, which never count.

    Why: the reader may find nothing behind the citation; if it lasts, the link is dead.

    Fix: open the URL yourself. If the site is down for good, treat it as a dead link (add an
    archived copy with ``|archive-url=``); if it works, nothing to do: the next run will see it.

    Example::

        <ref>[https://slow.example.org/report Annual report]</ref>   ← unreachable-link (no answer within 20 s)
    """

    name = "unreachable-link"
    code = "CL502"
    severity = Severity.WARNING

    @classmethod
    def judge(cls, site, outcome, partner, ctx: LinkContext) -> Optional[Judgement]:
        from citelint.links.outcome import Verdict

        if outcome is None or outcome.verdict is not Verdict.UNREACHABLE or promoted(outcome, ctx):
            return None
        s = ctx.settings
        if not ctx.history:
            history = "no history is kept without the cache"
        elif outcome.failures <= 1:
            history = (f"first failure; reported as dead-link after {s.dead_after_runs} failed runs at least "
                       f"{s.dead_after_hours:g} h apart")
        else:
            history = (f"failed in {outcome.failures} runs since {since(outcome.first_failure)}; dead-link after "
                       f"{s.dead_after_runs} failed runs at least {s.dead_after_hours:g} h apart")
        return Judgement(f"{site.cited.describe()} could not be reached: {outcome.reason} ({history})")
