"""What checking one URL found: a verdict, the evidence, and how the rules should read it."""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace
from typing import Optional


class Verdict(str, enum.Enum):
    #: the page answered (2xx, or a 3xx without a target): the link works
    OK = "ok"
    #: gone for certain: 404, 410, a name that does not resolve, a soft 404
    DEAD = "dead"
    #: failed in a way that comes and goes: timeout, 5xx, refused or reset, redirect loop
    UNREACHABLE = "unreachable"
    #: could not be verified and is not dead: 401/403, bot walls, 429 after retries, 999
    NOT_VERIFIED = "not-verified"
    #: not requested: the name resolves to a private, loopback or otherwise non-public address
    BLOCKED = "blocked"

    @property
    def failed(self) -> bool:
        """Counts toward a link's failure history."""
        return self in (Verdict.DEAD, Verdict.UNREACHABLE)


#: verdicts that are counted (and listed with --verbose) but never make a finding
NOT_DEAD = (Verdict.NOT_VERIFIED, Verdict.BLOCKED)


@dataclass(frozen=True, slots=True)
class Outcome:
    url: str
    verdict: Verdict
    reason: str  # for people: "404 Not Found", "timed out after 10 s", "redirected to the site's front page"
    status: Optional[int] = None  # the last HTTP status seen
    final_url: Optional[str] = None  # where redirects ended, when they did
    checked_at: float = 0.0  # Unix time of the check
    elapsed: float = 0.0  # seconds spent (all attempts)
    attempts: int = 0  # requests made (0 when from the cache)
    from_cache: bool = False
    #: for an unreachable link: failed runs (this one included) and the time of the first, from the cache
    failures: int = 0
    first_failure: Optional[float] = None
    #: failure kind, for what the cache may count: "dns-nxdomain", "timeout", "connect", "http", …
    detail: str = ""

    def with_history(self, failures: int, first_failure: Optional[float]) -> "Outcome":
        return replace(self, failures=failures, first_failure=first_failure)
