"""Never fetch what a citation should not make us fetch.

The guard sits where a connection is made, not where a URL is read: each new connection resolves
the host name itself, judges every address the name resolves to, and connects only to an address it
has judged, so a redirect to a private address is caught at its hop and a name that changes its
answer between check and connect (DNS rebinding) cannot slip through. Loopback, private (RFC 1918,
unique-local), link-local (cloud metadata at 169.254.169.254), carrier-grade NAT, multicast,
reserved and unspecified addresses are refused, also when written in disguise (IPv4-mapped IPv6,
6to4, Teredo, ``0x7f.1``: the resolver turns those into the addresses judged here).
``--allow-private-hosts`` lifts the guard (the tests serve on 127.0.0.x).
"""

from __future__ import annotations

import ipaddress
import socket
import threading
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
    """The host name does not resolve; ``permanent`` for "no such name", not for a failing resolver."""

    def __init__(self, host: str, permanent: bool, detail: str) -> None:
        super().__init__(f"{host}: {detail}")
        self.host, self.permanent, self.detail = host, permanent, detail


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


class Resolver:
    """Resolves and judges; remembers whether any name resolved to an address it would use."""

    def __init__(self, allow_private: bool, allow_networks: tuple[str, ...] = ()) -> None:
        self.allow_private = allow_private
        self.allow_networks = tuple(ipaddress.ip_network(n, strict=False) for n in allow_networks)
        self.names_resolved = False  # evidence that name resolution works in this run
        self._lock = threading.Lock()

    def addresses(self, host: str, port: int) -> list[tuple]:
        """Usable ``getaddrinfo`` entries for host, best first; raises NameNotResolved or BlockedAddress."""
        literal = _is_literal(host)
        try:
            infos = socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM)
        except socket.gaierror as e:
            raise NameNotResolved(host, e.errno in _PERMANENT_GAI, e.strerror or str(e)) from None
        except UnicodeError as e:
            raise NameNotResolved(host, True, f"invalid host name ({e})") from None
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


    def _allowed(self, addr: str) -> bool:
        if not self.allow_networks:
            return False
        try:
            ip = ipaddress.ip_address(addr.split("%")[0])
        except ValueError:
            return False
        return any(ip in net for net in self.allow_networks)


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

    def _new_conn(self) -> socket.socket:  # type: ignore[override]
        host = self._dns_host  # type: ignore[attr-defined]
        infos = self.resolver.addresses(host, self.port)  # type: ignore[attr-defined]
        timeout = self.timeout  # type: ignore[attr-defined]
        err: Optional[BaseException] = None
        for family, socktype, proto, _canon, sockaddr in infos:
            sock = None
            try:
                sock = socket.socket(family, socktype, proto)
                u3conn._set_socket_options(sock, self.socket_options)  # type: ignore[attr-defined]
                if timeout is not _DEFAULT_TIMEOUT:
                    sock.settimeout(timeout)
                sock.connect(sockaddr)
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
        import time

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


def guarded_connection_classes(resolver: Resolver, watchdog: Watchdog):
    """HTTP and HTTPS connection classes bound to one resolver and watchdog."""
    attrs = {"resolver": resolver, "watchdog": watchdog}
    http_cls = type("GuardedHTTPConnection", (_Guarded, HTTPConnection), dict(attrs))
    https_cls = type("GuardedHTTPSConnection", (_Guarded, HTTPSConnection), dict(attrs))
    return http_cls, https_cls
