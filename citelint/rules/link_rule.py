"""What the link rules share: they judge URL outcomes, not the citation model.

A link rule is listed, selected and documented like any rule, but the per-document engine does not
run it: link checking is one pass over the run's de-duplicated URLs (``citelint.links.linkpass``),
after which each rule's :meth:`LinkRule.judge` turns the outcome of each cited URL into a finding.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import ClassVar, Iterator, Optional

from citelint.findings import Hit
from citelint.model import CitationModel, Severity
from citelint.rules.base import Context, Rule


@dataclass(frozen=True)
class LinkContext:
    settings: object  # LinkSettings
    #: history is kept (cache on): an unreachable link can become dead
    history: bool = True


@dataclass(frozen=True)
class Judgement:
    message: str
    severity: Optional[Severity] = None  # None: the rule's default


class LinkRule(Rule):
    #: checked by the link pass over the network, not by the per-document engine
    network: ClassVar[bool] = True

    def check(self, model: CitationModel, ctx: Context) -> Iterator[Hit]:
        return iter(())

    @classmethod
    def judge(cls, site, outcome, partner, ctx: LinkContext) -> Optional[Judgement]:  # pragma: no cover
        """A finding for one cited URL, or None. ``partner``: the outcome of its archive-url (for a url)."""
        raise NotImplementedError


def promoted(outcome, ctx: LinkContext) -> bool:
    """An unreachable link that failed in enough runs, far enough apart, to count as dead."""
    from citelint.links.outcome import Verdict

    s = ctx.settings
    if outcome.verdict is not Verdict.UNREACHABLE or not ctx.history or outcome.first_failure is None:
        return False
    span = outcome.checked_at - outcome.first_failure
    return outcome.failures >= s.dead_after_runs and span >= s.dead_after_hours * 3600.0


def is_dead(outcome, ctx: LinkContext) -> bool:
    from citelint.links.outcome import Verdict

    return outcome is not None and (outcome.verdict is Verdict.DEAD or promoted(outcome, ctx))


def since(ts: Optional[float]) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(ts)) if ts else "?"


def why_dead(outcome, ctx: LinkContext) -> str:
    """The reason a dead link is dead, for a message."""
    if promoted(outcome, ctx):
        n = outcome.failures
        return f"unreachable in {n} runs since {since(outcome.first_failure)} ({outcome.reason})"
    return outcome.reason


def shorten(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
