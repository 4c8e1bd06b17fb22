"""Link-checking settings: one typed place for every option and its default."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from citelint import DISTRIBUTION, __version__

DEFAULT_USER_AGENT = f"citelint/{__version__} (citation checker; +https://pypi.org/project/{DISTRIBUTION}/)"
DAY = 86400.0


@dataclass(frozen=True)
class LinkSettings:
    """How links are checked. ``Settings.links`` holds one; ``None`` there means no link checking."""

    #: requests in flight at once, over all hosts
    concurrency: int = 32
    #: requests in flight at once to one host
    max_per_host: int = 4
    #: least time between two requests to one host starting, in seconds (0: none)
    host_interval: float = 0.0
    #: the most one attempt at a URL may take, redirects and body included, in seconds
    timeout: float = 30.0
    #: seconds to wait for a connection, and for each read from it
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    #: extra attempts after a 429, a 503 or a dropped connection
    retries: int = 2
    #: first wait before a retry when the server gives no Retry-After (doubles each time), in seconds
    retry_backoff: float = 1.0
    #: the longest Retry-After honoured; a server asking for more is not retried
    max_retry_wait: float = 30.0
    max_redirects: int = 10
    #: bytes of a response body read at most (bodies are never stored)
    max_body: int = 64 * 1024
    user_agent: str = DEFAULT_USER_AGENT
    #: connect to loopback, private, link-local… addresses too (off: refuse them)
    allow_private_hosts: bool = False
    #: networks allowed although not public (CIDR, e.g. "127.0.0.2/32"): a narrower allow-private-hosts
    allow_networks: tuple[str, ...] = ()
    #: keep results between runs in an SQLite cache
    cache: bool = True
    #: the cache folder; None: .citelint_cache/ in the project of the checked files
    cache_dir: Optional[str] = None
    #: how long a working (or login-walled) result is reused, in seconds
    max_cache_age: float = 7 * DAY
    #: show a progress bar while links are checked (on a terminal)
    progress: bool = False
    #: list the links that could not be verified in the report (--verbose)
    list_not_verified: bool = False
    #: an unreachable link is reported dead after failing in this many runs …
    dead_after_runs: int = 2
    #: … the first and the last at least this many hours apart
    dead_after_hours: float = 20.0

    @classmethod
    def with_timeout(cls, timeout: float, **kw) -> "LinkSettings":
        """Settings whose connect and read timeouts fit inside ``timeout``."""
        return cls(timeout=timeout, connect_timeout=min(10.0, timeout), read_timeout=min(20.0, timeout), **kw)


def parse_duration(text: str) -> float:
    """``7d``, ``12h``, ``30m``, ``45s``, ``2w`` or a bare number of seconds → seconds."""
    t = text.strip().lower()
    units = {"s": 1.0, "m": 60.0, "h": 3600.0, "d": DAY, "w": 7 * DAY}
    try:
        if t and t[-1] in units:
            value, unit = float(t[:-1]), units[t[-1]]
        else:
            value, unit = float(t), 1.0
    except ValueError:
        raise ValueError(f"not a duration: {text!r} (use for example 7d, 12h, 30m or 45s)") from None
    if value < 0 or value != value:
        raise ValueError(f"a duration cannot be negative: {text!r}")
    return value * unit
