"""Never fetch what a citation should not make us fetch.

The guard sits where a connection is made, not where a URL is read: each new connection resolves
the host name itself, judges every address the name resolves to, and connects only to an address it
has judged, so a redirect to a private address is caught at its hop and a name that changes its
answer between check and connect (DNS rebinding) cannot slip through. Loopback, private (RFC 1918,
unique-local), link-local (cloud metadata at 169.254.169.254), carrier-grade NAT, multicast,
reserved and unspecified addresses are refused, also when written in disguise (IPv4-mapped IPv6,
6to4, Teredo, ``0x7f.1``: the resolver turns those into the addresses judged here).
``--allow-private-hosts`` lifts the guard (the tests serve on 127.0.0.x).

Name lookups have no timeout of their own (``getaddrinfo`` waits as long as the resolver
configuration says, and cannot be interrupted), so each runs in a thread of its own and the
connection waits for it at most its connect timeout (never past the URL's deadline); concurrent
lookups of one name share one thread, and at most ``MAX_LOOKUPS`` run at once.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from typing import Optional

from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.exceptions import ConnectTimeoutError, NewConnectionError
from urllib3.util import connection as u3conn
from urllib3.util.timeout import _DEFAULT_TIMEOUT


class BlockedAddress(Exception):
    """The host resolves only to addresses the guard refuses."""

    def __init__(self, host: str, address: str, why: str) -> None:
        super().__init__(f"{host} resolves to {address}, {why}")
        self.host, self.address, self.why = host, address, why


class NameNotResolved(Exception):
    """The host name does not resolve; ``permanent`` for "no such name", not for a failing resolver.

    ``kind``: "nxdomain" (no such name), "dns" (the resolver failed), "timeout" (it did not answer in
    time) or "stopped" (the check was called off)."""

    def __init__(self, host: str, permanent: bool, detail: str, kind: str = "") -> None:
        super().__init__(f"{host}: {detail}")
        self.host, self.permanent, self.detail = host, permanent, detail
        self.kind = kind or ("nxdomain" if permanent else "dns")


def address_problem(addr: str) -> Optional[str]:
    """Why connecting to this address is refused, or None when it is a public address."""
    try:
        ip = ipaddress.ip_address(addr.split("%")[0])
    except ValueError:
        return "not an IP address"
    if isinstance(ip, ipaddress.IPv6Address):
        for embedded in (ip.ipv4_mapped, ip.sixtofour, ip.teredo[1] if ip.teredo else None):
            if embedded is not None:
                inner = address_problem(str(embedded))
                if inner:
                    return inner
        if ip in _NAT64 and address_problem(str(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))):
            return "a private address behind NAT64"
    if ip.is_loopback:
        return "a loopback address"
    if ip.is_link_local:
        return "a link-local address"
    if ip.is_multicast:
        return "a multicast address"
    if ip.is_unspecified:
        return "an unspecified address"
    if isinstance(ip, ipaddress.IPv4Address) and ip in _CGNAT:
        return "a carrier-grade NAT address"
    if ip.is_reserved:
        return "a reserved address"
    if ip.is_private:
        return "a private address"
    if not ip.is_global:
        return "not a public address"
    return None


_CGNAT = ipaddress.ip_network("100.64.0.0/10")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_PERMANENT_GAI = {getattr(socket, n) for n in ("EAI_NONAME", "EAI_NODATA") if hasattr(socket, n)}


#: name lookups running at once (a resolver that does not answer leaves its lookups running)
MAX_LOOKUPS = 64
#: a lookup with no connect timeout given waits at most this long
LOOKUP_TIMEOUT = 10.0


class _Lookup:
    """One ``getaddrinfo`` call running in its own thread; waiters share it."""

    __slots__ = ("done", "infos", "error")

    def __init__(self) -> None:
        self.done = threading.Event()
        self.infos: list = []
        self.error: Optional[NameNotResolved] = None


class Resolver:
    """Resolves and judges; remembers whether any name resolved to an address it would use.

    ``silent(host)``, when set, is told of a lookup still unanswered after ``silence`` seconds (the
    network watch listens)."""

    def __init__(self, allow_private: bool, allow_networks: tuple[str, ...] = (), silence: float = 0.0) -> None:
        self.allow_private = allow_private
        self.allow_networks = tuple(ipaddress.ip_network(n, strict=False) for n in allow_networks)
        self.names_resolved = False  # evidence that name resolution works in this run
        self.silence = silence
        self.silent = None
        self._lock = threading.Condition()
        self._pending: dict[tuple, _Lookup] = {}
        self._stopped = False

    def stop(self) -> None:
        """Call off every lookup: waiters now, later ones at once (the threads finish on their own)."""
        with self._lock:
            self._stopped = True
            for lk in self._pending.values():
                lk.done.set()
            self._lock.notify_all()

    def addresses(self, host: str, port: int, timeout: Optional[float] = None) -> list[tuple]:
        """Usable ``getaddrinfo`` entries for host, best first; raises NameNotResolved or BlockedAddress.

        A lookup waits at most ``timeout`` seconds (default ``LOOKUP_TIMEOUT``)."""
        literal = _is_literal(host)
        if literal:  # no lookup: the address is written out
            infos = _getaddrinfo(host, port)
        else:
            infos = self._lookup(host, port, LOOKUP_TIMEOUT if timeout is None else timeout)
        usable, refused = [], None
        for info in infos:
            addr = info[4][0]
            why = None if self.allow_private or self._allowed(addr) else address_problem(addr)
            if why is None:
                usable.append(info)
            elif refused is None:
                refused = (addr, why)
        if not usable:
            if refused is None:
                raise NameNotResolved(host, True, "no address")
            raise BlockedAddress(host, *refused)
        if not literal:
            with self._lock:
                self.names_resolved = True
        return usable


    def _lookup(self, host: str, port: int, timeout: float) -> list:
        t0 = time.monotonic()
        limit = t0 + max(0.0, timeout)
        key = (host, port)
        with self._lock:
            while True:
                if self._stopped:
                    raise NameNotResolved(host, False, "link checking was stopped", kind="stopped")
                lk = self._pending.get(key)
                if lk is not None or len(self._pending) < MAX_LOOKUPS:
                    break
                left = limit - time.monotonic()
                if left <= 0:
                    raise _no_answer(host, timeout)
                self._lock.wait(left)
            if lk is None:
                lk = self._pending[key] = _Lookup()
                threading.Thread(target=self._run_lookup, args=(key, lk), name="citelint-lookup", daemon=True).start()
        told = not (self.silence and self.silent)
        while True:
            now = time.monotonic()
            until = limit if told else min(limit, t0 + self.silence)
            if lk.done.wait(max(0.0, until - now)):
                break
            if time.monotonic() >= limit:
                raise _no_answer(host, timeout)
            told = True
            silent = self.silent
            if silent is not None:
                silent(host, self.silence)
        if self._stopped and lk.error is None and not lk.infos:
            raise NameNotResolved(host, False, "link checking was stopped", kind="stopped")
        if lk.error is not None:
            raise lk.error
        return lk.infos

    def _run_lookup(self, key: tuple, lk: _Lookup) -> None:
        try:
            lk.infos = _getaddrinfo(*key)
        except NameNotResolved as e:
            lk.error = e
        except Exception as e:  # never leave a waiter without an answer
            lk.error = NameNotResolved(key[0], False, f"{type(e).__name__}: {e}")
        finally:
            with self._lock:
                if self._pending.get(key) is lk:
                    del self._pending[key]
                self._lock.notify_all()
            lk.done.set()

    def _allowed(self, addr: str) -> bool:
        if not self.allow_networks:
            return False
        try:
            ip = ipaddress.ip_address(addr.split("%")[0])
        except ValueError:
            return False
        return any(ip in net for net in self.allow_networks)


def _getaddrinfo(host: str, port: int) -> list:
    try:
        return socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM)
    except socket.gaierror as e:
        raise NameNotResolved(host, e.errno in _PERMANENT_GAI, e.strerror or str(e)) from None
    except UnicodeError as e:
        raise NameNotResolved(host, True, f"invalid host name ({e})") from None


def _no_answer(host: str, timeout: float) -> NameNotResolved:
    return NameNotResolved(host, False, f"the resolver did not answer within {round(timeout, 1):g} s",
                           kind="timeout")


def _is_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]").split("%")[0])
        return True
    except ValueError:
        return False


class _Guarded:
    """Mixed into urllib3's connections: resolve, judge, then connect to a judged address only."""

    resolver: Resolver  # set on the subclass made for each checker
    watchdog: "Watchdog"
    network = None  # a NetworkWatch, told of each connection made

    def _new_conn(self) -> socket.socket:  # type: ignore[override]
        host = self._dns_host  # type: ignore[attr-defined]
        timeout = self.timeout  # type: ignore[attr-defined]
        wait = timeout if isinstance(timeout, (int, float)) else None
        left = self.watchdog.remaining()
        if left is not None:
            wait = left if wait is None else min(wait, left)
        infos = self.resolver.addresses(host, self.port, wait)  # type: ignore[attr-defined]
        err: Optional[BaseException] = None
        for family, socktype, proto, _canon, sockaddr in infos:
            sock = None
            try:
                sock = socket.socket(family, socktype, proto)
                u3conn._set_socket_options(sock, self.socket_options)  # type: ignore[attr-defined]
                if timeout is not _DEFAULT_TIMEOUT:
                    sock.settimeout(timeout)
                sock.connect(sockaddr)
                if self.network is not None:
                    self.network.saw_connection()
                return sock
            except OSError as e:  # socket.timeout is an OSError
                err = e
                if sock is not None:
                    sock.close()
        if isinstance(err, socket.timeout):
            raise ConnectTimeoutError(self, f"Connection to {host} timed out. "  # type: ignore[arg-type]
                                            f"(connect timeout={timeout})") from err
        raise NewConnectionError(self, f"Failed to establish a new connection: {err}") from err  # type: ignore

    def connect(self) -> None:
        super().connect()  # type: ignore[misc]
        self.watchdog.watch(self.sock)  # type: ignore[attr-defined]

    def request(self, *args, **kwargs):  # a pooled connection reused for this URL: watch it too
        if self.sock is not None:  # type: ignore[attr-defined]
            self.watchdog.watch(self.sock)  # type: ignore[attr-defined]
        return super().request(*args, **kwargs)  # type: ignore[misc]


class Watchdog:
    """Hard per-URL deadlines: requests has none (a server trickling bytes defeats read timeouts).

    A worker sets a deadline for its thread; sockets it opens (and pooled ones it reuses, via
    :meth:`watch`) are shut down when the deadline passes, which ends any blocking read at once.
    """

    TICK = 0.1  # a deadline is kept to within this

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._deadlines: dict[int, float] = {}
        self._sockets: dict[int, list] = {}
        self.expired: set[int] = set()
        self._thread: Optional[threading.Thread] = None
        self._stop = False

    def start(self) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._stop = False
            self._thread = threading.Thread(target=self._run, name="citelint-deadlines", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        with self._cond:
            self._stop = True
            self._cond.notify_all()
        if self._thread is not None:
            self._thread.join(timeout=2)
            self._thread = None

    def arm(self, deadline: float) -> None:
        tid = threading.get_ident()
        with self._cond:  # no wake-up: the watchdog looks at least every TICK seconds
            self._deadlines[tid] = deadline
            self._sockets[tid] = []
            self.expired.discard(tid)

    def remaining(self) -> Optional[float]:
        """Seconds left before this thread's deadline (0 once past it), None without one."""
        with self._cond:
            dl = self._deadlines.get(threading.get_ident())
        return None if dl is None else max(0.0, dl - time.monotonic())

    def expire_all(self) -> None:
        """End every armed check now (their sockets are shut within a tick)."""
        with self._cond:
            for tid in self._deadlines:
                self._deadlines[tid] = 0.0
            self._cond.notify_all()

    def disarm(self) -> bool:
        """Clear this thread's deadline; True when it had expired (its sockets were shut)."""
        tid = threading.get_ident()
        with self._cond:
            self._deadlines.pop(tid, None)
            self._sockets.pop(tid, None)
            was = tid in self.expired
            self.expired.discard(tid)
            return was

    def watch(self, sock) -> None:
        tid = threading.get_ident()
        with self._cond:
            if tid in self._deadlines and sock is not None:
                self._sockets[tid].append(sock)
                if tid in self.expired:  # already past the deadline: end it now
                    try:
                        socket.socket.shutdown(sock, socket.SHUT_RDWR)
                    except (OSError, TypeError, ValueError):
                        pass

    def _run(self) -> None:
        with self._cond:
            while not self._stop:
                now = time.monotonic()
                nearest = None
                for tid, dl in list(self._deadlines.items()):
                    if dl <= now:
                        if tid not in self.expired:
                            self.expired.add(tid)
                            for sock in self._sockets.get(tid, ()):
                                try:  # the plain socket's shutdown, also under TLS: ends a blocked read
                                    socket.socket.shutdown(sock, socket.SHUT_RDWR)
                                except (OSError, TypeError, ValueError):
                                    pass
                    elif nearest is None or dl < nearest:
                        nearest = dl
                self._cond.wait(self.TICK if nearest is None else min(self.TICK, max(0.01, nearest - now)))


def guarded_connection_classes(resolver: Resolver, watchdog: Watchdog, network=None):
    """HTTP and HTTPS connection classes bound to one resolver, watchdog and network watch."""
    attrs = {"resolver": resolver, "watchdog": watchdog, "network": network}
    http_cls = type("GuardedHTTPConnection", (_Guarded, HTTPConnection), dict(attrs))
    https_cls = type("GuardedHTTPSConnection", (_Guarded, HTTPSConnection), dict(attrs))
    return http_cls, https_cls
