"""Is there a network at all? Decided once, from a run's first checks, so that no network is one notice.

Without a network every URL fails, each in its own way, and a run would report hundreds of
unreachable links (and wait for each). The :class:`NetworkWatch` of a link check hears how each
host's first check ended and says "down" when all of these hold:

- no connection was made in the run (to any address, loopback included), and
- each of the first ``FIRST_HOSTS`` (8) distinct hosts whose check ended failed before a connection,
  the way a missing network fails: its name lookup failed (the resolver errs, e.g. "Temporary
  failure in name resolution", or is unreachable), or did not answer within ``SILENCE`` (4) seconds,
  or the connection found no route (``ENETUNREACH``, ``EHOSTUNREACH``, ``EADDRNOTAVAIL``), or the name
  does not exist ("no such name") while no name in the run has resolved to a usable address (a
  resolver that answers "no such name" to everything);
- a run with fewer hosts than that: every one of its hosts failed so, and this machine has no route to
  a public address at all (asked of the kernel with an unconnected UDP socket: no packet is sent).

One host among the first 8 whose check ended otherwise (an answer, a refusal, a timeout after a
connection was attempted), one connection, or one name that resolves before the decision settles it:
the network is there, and a name that does not exist is a dead link as usual. The watch decides
only once: after its first hosts it never changes its mind.
"""

from __future__ import annotations

import errno
import socket
import threading
from collections import Counter
from typing import Callable, Optional

#: distinct hosts whose first checks decide
FIRST_HOSTS = 8
#: a lookup with no answer after this many seconds counts as a resolver that does not answer
SILENCE = 4.0
#: errno values of a connection that found no route
NO_ROUTE = {getattr(errno, n) for n in ("ENETUNREACH", "EHOSTUNREACH", "EADDRNOTAVAIL", "ENETDOWN") if hasattr(errno, n)}
#: public addresses (a.root-servers.net) asked about routes, never sent anything
_PROBES = ((socket.AF_INET, ("198.41.0.4", 53)), (getattr(socket, "AF_INET6", None), ("2001:503:ba3e::2:30", 53)))


def has_public_route() -> bool:
    """Whether the kernel has a route to a public address (IPv4 or IPv6); sends nothing."""
    for family, addr in _PROBES:
        if family is None:
            continue
        try:
            s = socket.socket(family, socket.SOCK_DGRAM)
        except OSError:
            continue
        try:
            s.connect(addr)  # UDP: only picks a route and a source address
            return True
        except OSError:
            pass
        finally:
            s.close()
    return False


class NetworkWatch:
    """Hears the first hosts' outcomes; once they say the network is absent, calls ``on_down(reason)``."""

    def __init__(self, names_resolved: Callable[[], bool] = lambda: False, first_hosts: int = FIRST_HOSTS,
                 route: Callable[[], bool] = has_public_route) -> None:
        self.names_resolved = names_resolved
        self.first_hosts = first_hosts
        self.route = route
        self.on_down: Optional[Callable[[str], None]] = None
        self.connected = False
        #: the reason, once the network was found absent
        self.down: Optional[str] = None
        self._lock = threading.Lock()
        self._first: dict[str, Optional[tuple[str, str]]] = {}  # host → (kind, text) of a no-network failure
        self._hosts: Optional[int] = None  # the run's hosts, once all are known
        self._settled = False

    def saw_connection(self) -> None:
        if not self.connected:
            with self._lock:
                self.connected = True
                self._settled = True  # a connection was made: the network is there

    def host_failed(self, host: str, kind: str, text: str) -> None:
        """A host's check failed before any connection: ``kind`` is "dns" (the resolver erred), "silent",
        "nxdomain" or "no-route"; ``text`` says how, for the notice."""
        self._hear(host, (kind, text))

    def host_done(self, host: str) -> None:
        """A host's check ended some other way (an answer, a refusal, a timeout, a blocked address)."""
        self._hear(host, None)

    def all_submitted(self, hosts: int) -> None:
        """The run has no more URLs: ``hosts`` distinct hosts in all."""
        with self._lock:
            self._hosts = hosts
        self._decide()

    def _hear(self, host: str, sign) -> None:
        with self._lock:
            if self._settled or host in self._first or len(self._first) >= self.first_hosts:
                return
            self._first[host] = sign
        self._decide()

    def _decide(self) -> None:
        with self._lock:
            if self._settled:
                return
            signs = list(self._first.values())
            full = len(signs) >= self.first_hosts
            every = self._hosts is not None and 0 < self._hosts <= len(signs)
            if not (full or every):
                return
            if self.connected or any(s is None for s in signs) or (
                    any(s[0] == "nxdomain" for s in signs) and self.names_resolved()):
                self._settled = True
                return
            self._settled = True
        if not full and self.route():  # a few hosts only, and a route out: they may just be down
            return
        reason = _reason(signs, full)
        with self._lock:
            self.down = reason
        if self.on_down is not None:
            self.on_down(reason)


def _reason(signs: list, full: bool) -> str:
    n = len(signs)
    counts = Counter(text for _kind, text in signs)
    how = "; ".join(f"{c} × {text}" if c > 1 else text for text, c in counts.most_common())
    hosts = f"the first {n} hosts tried" if full else (f"all {n} hosts" if n > 1 else "the only host")
    route = "" if full else ", and this machine has no route to the Internet"
    return f"the network seems to be down: {hosts} failed before any connection ({how}){route}"
