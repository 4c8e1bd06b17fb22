"""Checking URLs over HTTP: politely, quickly, safely.

Each URL is checked once. Worker threads (``concurrency`` of them) share one pooled
``requests.Session``; a dispatcher hands a worker the next URL of a host that has a free slot
(``max_per_host``) and whose minimum interval has passed, round-robin over hosts, so a slow or
rate-limiting host never holds up the others and no host ever sees more connections than allowed.
Retries do not sleep in a worker: the URL goes back to the queue with a time before which it may
not start (for 429 and 503 the whole host waits, as lychee does).

One attempt at a URL: ``GET`` with streaming, redirects followed by hand (at most 10, a loop is
caught), each hop judged by the address guard (:mod:`citelint.links.safety`), at most 64 KB of the
final body read and dropped, connect and read timeouts plus a hard deadline for the whole attempt.
Cookies set along a redirect chain are kept for that chain only.

No network: a :class:`~citelint.links.network.NetworkWatch` hears how the first hosts' checks end;
when they say the network is absent, every check still queued is dropped, those in flight are
called off (lookups stopped, sockets shut), and the report has no outcome at all, only the reason
(``CheckReport.offline``).
"""

from __future__ import annotations

import email.utils
import heapq
import itertools
import http.client
import os
import random
import re
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Callable, Optional
from urllib.parse import urljoin, urlsplit

import requests
from requests.adapters import HTTPAdapter
from requests.cookies import RequestsCookieJar
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from citelint.links.config import LinkSettings
from citelint.links.network import NO_ROUTE, SILENCE, NetworkWatch
from citelint.links.outcome import Outcome, Verdict
from citelint.links.safety import BlockedAddress, NameNotResolved, Resolver, Watchdog, guarded_connection_classes
from citelint.links.urls import host_of, judge
from citelint.quoting import clip

REDIRECTS = (301, 302, 303, 307, 308)
NOT_VERIFIED_STATUS = {401: "the page needs a login", 402: "the page is behind a paywall",
                       403: "the site refused the check (a login, paywall or bot protection)",
                       407: "a proxy asked for a login", 451: "the page is blocked here for legal reasons",
                       999: "the site refuses automated checks (LinkedIn's 999)"}
_BOT_MARKERS = (b"just a moment...", b"cf-browser-verification", b"challenge-platform", b"attention required! | cloudflare",
                b"ddos-guard", b"captcha-delivery.com", b"_incapsula_resource", b"px-captcha")
_ROOT_DOMAIN = re.compile(r"[a-z0-9][a-z0-9\-]{1,63}\.[a-z.]{2,6}$", re.IGNORECASE)
_INDEX_PAGE = re.compile(r"/(index|default|home|main)(\.[a-z0-9]+)?$", re.IGNORECASE)


def _reason(status: int) -> str:
    try:
        return f"{status} {http.client.responses[status]}"
    except KeyError:
        return str(status)


@dataclass(eq=False)
class _Host:
    name: str
    ready: deque = field(default_factory=deque)
    active: int = 0
    next_start: float = 0.0  # monotonic time before which no request to this host may start
    queued: bool = False  # in the round-robin queue
    peak: int = 0


@dataclass(eq=False)
class _Task:
    url: str
    host: str
    attempt: int = 0
    started: float = 0.0  # wall time of the first attempt
    spent: float = 0.0


@dataclass
class _Retry:
    wait: float
    host_wide: bool
    giving_up: Outcome  # what to report when no retry is left


@dataclass
class CheckReport:
    outcomes: dict[str, Outcome]
    requests: int = 0  # HTTP requests made (all attempts and hops)
    #: some host answered over HTTP: failures in this run say something about the links, not the network
    network_ok: bool = False
    #: some name resolved to a usable address: "no such name" is believable
    names_resolved: bool = False
    peak_per_host: int = 0
    #: link checking stopped because the network is absent: why (``outcomes`` is then empty)
    offline: Optional[str] = None


class _Adapter(HTTPAdapter):
    def __init__(self, http_cls, https_cls, **kw) -> None:
        self._classes = (http_cls, https_cls)
        super().__init__(**kw)

    def init_poolmanager(self, *args, **kwargs) -> None:
        super().init_poolmanager(*args, **kwargs)
        http_cls, https_cls = self._classes
        self.poolmanager.pool_classes_by_scheme = {
            "http": type("GuardedHTTPPool", (HTTPConnectionPool,), {"ConnectionCls": http_cls}),
            "https": type("GuardedHTTPSPool", (HTTPSConnectionPool,), {"ConnectionCls": https_cls}),
        }


class LinkChecker:
    def __init__(self, settings: LinkSettings) -> None:
        self.settings = settings
        self.resolver = Resolver(settings.allow_private_hosts, settings.allow_networks, silence=SILENCE)
        self.watchdog = Watchdog()
        self.network = NetworkWatch(lambda: self.resolver.names_resolved)
        self.network.on_down = self._network_down
        self.resolver.silent = lambda host, secs: self.network.host_failed(
            host, "silent", f"no answer from the resolver within {secs:g} s")
        http_cls, https_cls = guarded_connection_classes(self.resolver, self.watchdog, self.network)
        s = requests.Session()
        s.trust_env = False  # no proxies from the environment: the guard must see the real target
        s.headers.clear()
        s.headers.update({
            "User-Agent": settings.user_agent,
            "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            "Accept-Language": "en;q=0.9, *;q=0.5",
            "Accept-Encoding": "gzip, deflate",
        })
        from http.cookiejar import DefaultCookiePolicy

        s.cookies.set_policy(DefaultCookiePolicy(allowed_domains=[]))  # cookies live per redirect chain
        adapter = _Adapter(http_cls, https_cls, pool_connections=max(16, settings.concurrency),
                           pool_maxsize=max(1, settings.max_per_host), max_retries=0, pool_block=False)
        s.mount("http://", adapter)
        s.mount("https://", adapter)
        self.session = s
        self._cond = threading.Condition()
        self._hosts: dict[str, _Host] = {}
        self._rr: deque = deque()
        self._delayed: list = []
        self._seq = 0
        self._in_flight = 0
        self._counter = itertools.count()  # requests made (next() on it is atomic)
        self._results: dict[str, Outcome] = {}
        self._seen: set[str] = set()
        self._workers: list[threading.Thread] = []
        self._closed = False
        self._on_done: Optional[Callable[[Outcome], None]] = None
        self._network_ok = False
        self._offline: Optional[str] = None
        self._first_hosts: set[str] = set()  # hosts of the submitted URLs (not of redirect targets)

    # -- the run ----------------------------------------------------------------------------
    def check(self, urls: list[str], on_done: Optional[Callable[[Outcome], None]] = None) -> CheckReport:
        """Check each URL (normalised http(s) URLs, duplicates ignored); returns when all are done."""
        self.start(on_done)
        self.submit(urls)
        return self.finish()

    def start(self, on_done: Optional[Callable[[Outcome], None]] = None) -> None:
        """Get ready for :meth:`submit`: checks begin as soon as URLs come, while a run still reads pages."""
        self._on_done = on_done
        self.watchdog.start()

    def submit(self, urls) -> int:
        """Queue URLs not seen before in this run; returns how many were new."""
        new = 0
        with self._cond:
            for url in urls:
                if url in self._seen:
                    continue
                self._seen.add(url)
                new += 1
                if self._offline:
                    continue  # no network: nothing more is checked
                h = self._host(host_of(url))
                self._first_hosts.add(h.name)
                h.ready.append(_Task(url, h.name))
                if not h.queued:
                    h.queued = True
                    self._rr.append(h)
            want = min(self.settings.concurrency, len(self._seen))
            while len(self._workers) < want:
                w = threading.Thread(target=self._work, name=f"citelint-link-{len(self._workers)}", daemon=True)
                self._workers.append(w)
                w.start()
            self._cond.notify_all()
        return new

    def finish(self) -> CheckReport:
        """No more URLs: wait for the last checks and report."""
        with self._cond:
            self._closed = True
            self._cond.notify_all()
            hosts = len(self._first_hosts)
        self.network.all_submitted(hosts)
        try:
            for w in self._workers:
                while w.is_alive():
                    w.join(0.2)  # wake up for Ctrl-C
        finally:
            self.watchdog.stop()
        if self._offline:
            return CheckReport({}, next(self._counter), False, self.resolver.names_resolved, 0, self._offline)
        results = self._results
        names = self.resolver.names_resolved
        if not names:  # no name resolved at all: "no such name" may be a resolver that is down
            for url, o in list(results.items()):
                if o.detail == "dns-nxdomain":
                    results[url] = Outcome(url, Verdict.UNREACHABLE, o.reason + "; no host name resolved in this run, "
                                           "so name resolution itself may be down", checked_at=o.checked_at,
                                           elapsed=o.elapsed, attempts=o.attempts, detail="dns-unverified")
        peak = max((h.peak for h in self._hosts.values()), default=0)
        return CheckReport(results, next(self._counter), self._network_ok, names, peak)

    def close(self) -> None:
        self.session.close()

    def _network_down(self, reason: str) -> None:
        """The network watch found no network: drop what is queued, call off what is in flight."""
        with self._cond:
            if self._offline:
                return
            self._offline = reason
            for h in self._hosts.values():
                h.ready.clear()
                h.queued = False
            self._rr.clear()
            self._delayed.clear()
            self._cond.notify_all()
        self.resolver.stop()
        self.watchdog.expire_all()

    def _host(self, name: str) -> _Host:
        h = self._hosts.get(name)
        if h is None:
            h = self._hosts[name] = _Host(name)
        return h

    def _work(self) -> None:
        while True:
            task = self._take()
            if task is None:
                return
            t0 = time.monotonic()
            if not task.started:
                task.started = time.time()
            try:
                result = self._attempt(task)
            except Exception as e:  # never let one URL end the run
                result = Outcome(task.url, Verdict.UNREACHABLE, f"check failed: {type(e).__name__}: {e}",
                                 detail="internal")
            task.spent += time.monotonic() - t0
            done = self._finish(task, result)
            if done is not None:
                self.network.host_done(host_of(task.url))  # unless its failure was heard already
            on_done = self._on_done
            if done is not None and on_done is not None:
                try:
                    on_done(done)
                except Exception:
                    pass

    def _take(self) -> Optional[_Task]:
        s = self.settings
        with self._cond:
            while True:
                if self._offline:
                    return None
                now = time.monotonic()
                while self._delayed and self._delayed[0][0] <= now:
                    _, _, t = heapq.heappop(self._delayed)
                    h = self._hosts[t.host]
                    h.ready.appendleft(t)
                    if not h.queued:
                        h.queued = True
                        self._rr.append(h)
                wake = self._delayed[0][0] if self._delayed else None
                for _ in range(len(self._rr)):
                    h = self._rr[0]
                    if not h.ready:
                        self._rr.popleft()
                        h.queued = False
                        continue
                    if h.active < s.max_per_host and h.next_start <= now:
                        t = h.ready.popleft()
                        self._claim(h, now)
                        self._rr.rotate(-1)
                        if not h.ready:
                            self._rr.remove(h)
                            h.queued = False
                        return t
                    if h.active < s.max_per_host:
                        wake = h.next_start if wake is None else min(wake, h.next_start)
                    self._rr.rotate(-1)
                if self._closed and not self._rr and not self._delayed and self._in_flight == 0:
                    self._cond.notify_all()
                    return None
                self._cond.wait(None if wake is None else max(0.001, wake - now))

    def _claim(self, h: _Host, now: float) -> None:
        h.active += 1
        h.peak = max(h.peak, h.active)
        h.next_start = max(h.next_start, now + self.settings.host_interval)
        self._in_flight += 1

    def _release(self, h: _Host) -> None:
        h.active -= 1
        self._in_flight -= 1

    def _switch_host(self, task: _Task, new: str, deadline: float) -> bool:
        """Move a redirected URL's slot to another host (waiting for room there); False past the deadline."""
        s = self.settings
        with self._cond:
            old = self._hosts[task.host]
            self._release(old)
            self._cond.notify_all()
            h = self._host(new)
            while True:
                now = time.monotonic()
                if h.active < s.max_per_host and h.next_start <= now and not self._offline:
                    self._claim(h, now)
                    task.host = new
                    return True
                if now >= deadline or self._offline:  # keep a slot on the old host so _finish can release it
                    self._claim(old, now)
                    return False
                wait = max(0.001, min(deadline, h.next_start if h.active < s.max_per_host else deadline) - now)
                self._cond.wait(wait)

    def _finish(self, task: _Task, result) -> Optional[Outcome]:
        s = self.settings
        with self._cond:
            h = self._hosts[task.host]
            self._release(h)
            out = None
            if self._offline:
                result = None  # called off: nothing is kept
            if result is None:
                pass
            elif isinstance(result, _Retry):
                if task.attempt < s.retries and result.wait <= s.max_retry_wait:
                    now = time.monotonic()
                    task.attempt += 1
                    if result.host_wide:
                        h.next_start = max(h.next_start, now + result.wait)
                        h.ready.appendleft(task)
                        if not h.queued:
                            h.queued = True
                            self._rr.append(h)
                    else:
                        self._seq += 1
                        heapq.heappush(self._delayed, (now + result.wait, self._seq, task))
                else:
                    out = result.giving_up
            else:
                out = result
            if out is not None:
                from dataclasses import replace

                out = replace(out, checked_at=task.started or time.time(), elapsed=task.spent,
                              attempts=task.attempt + 1)
                self._results[task.url] = out
            self._cond.notify_all()
            return out

    # -- one attempt ------------------------------------------------------------------------
    def _attempt(self, task: _Task):
        s = self.settings
        deadline = time.monotonic() + s.timeout
        self.watchdog.arm(deadline)
        try:
            return self._follow(task, deadline)
        finally:
            self.watchdog.disarm()

    def _timed_out(self, task: _Task, url: str, hops: int) -> Outcome:
        where = f" (at {clip(url)}, after {hops} redirect{'s' if hops != 1 else ''})" if hops else ""
        return Outcome(task.url, Verdict.UNREACHABLE, f"took longer than {self.settings.timeout:g} s{where}",
                       final_url=url if hops else None, detail="timeout")

    def _follow(self, task: _Task, deadline: float):
        s = self.settings
        url = task.url
        seen = {url}
        jar = RequestsCookieJar()
        hops = 0
        while True:
            if time.monotonic() >= deadline:
                return self._timed_out(task, url, hops)
            next(self._counter)
            try:
                resp = self.session.get(url, cookies=jar if jar else None, allow_redirects=False, stream=True,
                                        timeout=(s.connect_timeout, s.read_timeout))
            except BlockedAddress as e:
                via = f"redirected to {clip(url)}, whose host " if hops else "the host "
                return Outcome(task.url, Verdict.BLOCKED, f"not checked: {via}{e.host} resolves to {e.address}, "
                               f"{e.why} (--allow-private-hosts checks it anyway)", final_url=url if hops else None,
                               detail="blocked")
            except NameNotResolved as e:
                via = f"redirected to {clip(url)}, whose host name " if hops else "the host name "
                if not hops and e.kind != "stopped":
                    text = "no such name, and no name resolved" if e.kind == "nxdomain" else e.detail
                    self.network.host_failed(e.host, "silent" if e.kind == "timeout" else e.kind, text)
                if e.permanent:
                    return Outcome(task.url, Verdict.DEAD, f"{via}{e.host} does not resolve (no such name)",
                                   final_url=url if hops else None, detail="dns-nxdomain")
                return Outcome(task.url, Verdict.UNREACHABLE, f"{via}{e.host} could not be resolved: {e.detail}",
                               final_url=url if hops else None, detail="dns")
            except requests.RequestException as e:
                return self._network_error(task, url, hops, e)
            self._network_ok = True
            status = resp.status_code
            if resp.cookies:
                try:
                    jar.update(resp.cookies)
                except Exception:
                    pass
            location = resp.headers.get("Location")
            if status in REDIRECTS and location:
                self._drain(resp)
                nxt = self._next_url(url, location)
                if isinstance(nxt, Outcome):
                    return Outcome(task.url, nxt.verdict, nxt.reason, status=status, final_url=url, detail=nxt.detail)
                if nxt in seen:
                    return Outcome(task.url, Verdict.UNREACHABLE, f"redirect loop ({_reason(status)} back to {clip(nxt)})",
                                   status=status, final_url=nxt, detail="redirect-loop")
                hops += 1
                if hops > s.max_redirects:
                    return Outcome(task.url, Verdict.UNREACHABLE, f"more than {s.max_redirects} redirects",
                                   status=status, final_url=nxt, detail="redirects")
                seen.add(nxt)
                new_host = host_of(nxt)
                if new_host != task.host and not self._switch_host(task, new_host, deadline):
                    return self._timed_out(task, nxt, hops)
                url = nxt
                continue
            try:
                body = self._read_some(resp)
            except requests.RequestException as e:
                return self._network_error(task, url, hops, e)
            finally:
                resp.close()
            return self._judge_response(task, url, hops, resp, body)

    def _next_url(self, url: str, location: str):
        try:
            target = urljoin(url, location.strip())
        except ValueError:
            return Outcome(url, Verdict.UNREACHABLE, f"redirected to an invalid URL {clip(location)!r}", detail="redirect")
        scheme = urlsplit(target).scheme.lower() if "://" in target or ":" in target else ""
        if scheme not in ("http", "https"):
            return Outcome(url, Verdict.NOT_VERIFIED, f"redirected to a {scheme or 'non-web'} URL: {target}",
                           detail="redirect")
        j = judge(target)
        if j.url is None:
            return Outcome(url, Verdict.UNREACHABLE, f"redirected to an invalid URL {target!r} ({j.problem})",
                           detail="redirect")
        return j.url

    def _drain(self, resp) -> None:
        """Read a small redirect body so the connection can be reused; drop it when large."""
        try:
            self._read_some(resp)
        except Exception:
            pass
        finally:
            resp.close()

    def _read_some(self, resp) -> bytes:
        limit = self.settings.max_body
        parts, total = [], 0
        for chunk in resp.iter_content(chunk_size=16384):
            parts.append(chunk)
            total += len(chunk)
            if total >= limit:
                break  # the rest is never read: closing the response drops the connection
        return b"".join(parts)[:limit]

    def _network_error(self, task: _Task, url: str, hops: int, e: Exception):
        expired = threading.get_ident() in self.watchdog.expired
        if expired:
            return self._timed_out(task, url, hops)
        where = f" (redirected to {clip(url)})" if hops else ""
        final = url if hops else None
        text = _cause(e)
        code = _errno(e)
        if code in NO_ROUTE:
            if not hops:
                self.network.host_failed(task.host, "no-route", os.strerror(code))
            return Outcome(task.url, Verdict.UNREACHABLE, f"no route to the host{where}: {text}", final_url=final,
                           detail="no-route")
        if isinstance(e, requests.exceptions.ConnectTimeout):
            return Outcome(task.url, Verdict.UNREACHABLE, f"no connection within {self.settings.connect_timeout:g} s"
                           f"{where}", final_url=final, detail="timeout")
        if isinstance(e, requests.exceptions.ReadTimeout) or "timed out" in text.lower():
            return Outcome(task.url, Verdict.UNREACHABLE, f"no answer within {self.settings.read_timeout:g} s"
                           f"{where}", final_url=final, detail="timeout")
        if isinstance(e, requests.exceptions.SSLError):
            return Outcome(task.url, Verdict.UNREACHABLE, f"TLS/certificate error{where}: {text}", final_url=final,
                           detail="tls")
        low = text.lower()
        if "refused" in low:
            return Outcome(task.url, Verdict.UNREACHABLE, f"connection refused{where}", final_url=final,
                           detail="refused")
        dropped = any(k in low for k in ("reset", "aborted", "remote end closed", "remotedisconnected",
                                          "broken pipe", "connection broken", "incomplete", "protocol"))
        if dropped or isinstance(e, (requests.exceptions.ChunkedEncodingError,)):
            give_up = Outcome(task.url, Verdict.UNREACHABLE, f"connection dropped{where}: {text}", final_url=final,
                              detail="dropped")
            return _Retry(self._backoff(task), host_wide=False, giving_up=give_up)
        return Outcome(task.url, Verdict.UNREACHABLE, f"connection failed{where}: {text}", final_url=final,
                       detail="connect")

    def _backoff(self, task: _Task) -> float:
        base = self.settings.retry_backoff * (2 ** task.attempt)
        return base * (0.8 + 0.4 * random.random())

    def _judge_response(self, task: _Task, url: str, hops: int, resp, body: bytes):
        status = resp.status_code
        final = url if hops else None
        reason = _reason(status)
        wall = _bot_wall(resp, body)
        if 200 <= status < 400:
            if wall:
                return Outcome(task.url, Verdict.NOT_VERIFIED, f"{reason} but {wall}", status=status,
                               final_url=final, detail="bot-wall")
            if hops:
                soft = soft_404(task.url, url)
                if soft:
                    return Outcome(task.url, Verdict.DEAD, f"{soft} ({clip(url)}): a soft 404", status=status,
                                   final_url=url, detail="soft-404")
            return Outcome(task.url, Verdict.OK, reason, status=status, final_url=final)
        if status in (404, 410):
            return Outcome(task.url, Verdict.DEAD, reason + (f" (redirected to {clip(url)})" if hops else ""),
                           status=status, final_url=final, detail="http")
        if status == 429 or (status == 503 and not wall):
            wait, asked = self._retry_after(resp, task)
            if status == 429:
                give_up = Outcome(task.url, Verdict.NOT_VERIFIED, f"{reason}: the site is rate-limiting",
                                  status=status, final_url=final, detail="rate-limited")
            else:
                give_up = Outcome(task.url, Verdict.UNREACHABLE, reason, status=status, final_url=final,
                                  detail="http")
            if asked is not None and asked > self.settings.max_retry_wait:
                give_up = Outcome(task.url, give_up.verdict, f"{give_up.reason} (asked to wait {asked:g} s, more "
                                  f"than the {self.settings.max_retry_wait:g} s allowed)", status=status,
                                  final_url=final, detail=give_up.detail)
            elif task.attempt >= self.settings.retries:
                give_up = Outcome(task.url, give_up.verdict, f"{give_up.reason}, {task.attempt + 1} attempts",
                                  status=status, final_url=final, detail=give_up.detail)
            return _Retry(wait, host_wide=True, giving_up=give_up)
        if status in NOT_VERIFIED_STATUS or wall:
            why = wall or NOT_VERIFIED_STATUS[status]
            return Outcome(task.url, Verdict.NOT_VERIFIED, f"{reason}: {why}", status=status, final_url=final,
                           detail="bot-wall" if wall else "http")
        return Outcome(task.url, Verdict.UNREACHABLE, reason + (f" (redirected to {clip(url)})" if hops else ""),
                       status=status, final_url=final, detail="http")

    def _retry_after(self, resp, task: _Task) -> tuple[float, Optional[float]]:
        """(seconds to wait, seconds the server asked for or None)."""
        value = resp.headers.get("Retry-After")
        asked = parse_retry_after(value) if value else None
        if asked is None:
            return self._backoff(task), None
        return asked, asked


def parse_retry_after(value: str, now: Optional[float] = None) -> Optional[float]:
    """Seconds from a Retry-After header: a number of seconds or an HTTP date; None when unreadable."""
    v = value.strip()
    if v.isdigit():
        return float(v)
    try:
        when = email.utils.parsedate_to_datetime(v)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    now = time.time() if now is None else now
    return max(0.0, when.timestamp() - now)


def _bot_wall(resp, body: bytes) -> Optional[str]:
    h = resp.headers
    if h.get("cf-mitigated", "").lower() == "challenge":
        return "a Cloudflare bot check answered"
    if "x-amzn-waf-action" in h:
        return "an AWS WAF bot check answered"
    if resp.status_code in (403, 429, 503, 202) and body:
        low = body[:65536].lower()
        for marker in _BOT_MARKERS:
            if marker in low:
                return "a bot check page answered"
    return None


def _clean(url: str) -> str:
    u = re.sub(r"^((https?:|ftp:)?//)?(www\.)?", "", url, flags=re.IGNORECASE)
    u = u.split("#", 1)[0]
    return u[:-1] if u.endswith("/") else u


def soft_404(original: str, final: str) -> Optional[str]:
    """IABot's (DeadlinkChecker's) soft-404 rule, for a URL that was redirected.

    Dead when the final URL (without scheme, ``www.``, fragment and trailing slash) differs from the
    original and either names a not-found page (``404.htm``, ``/404/``, ``notfound``) the original did
    not, or is the front page of the original's site (its host, or its registered domain). A redirect
    from an index page (``/index.html``) to its folder is not one.
    """
    co, cf = _clean(original), _clean(final)
    if co.lower() == cf.lower():
        return None
    lf, lo = cf.lower(), co.lower()
    for marker in ("404.htm", "/404/", "notfound"):
        if marker in lf + "/" and marker not in lo + "/":
            return "redirected to a not-found page"
    parts_o = urlsplit(original)
    host = (parts_o.hostname or "").lower()
    if not host:
        return None
    port = f":{parts_o.port}" if parts_o.port else ""
    bare = host[4:] if host.startswith("www.") else host
    roots = {bare + port}
    m = _ROOT_DOMAIN.search(bare)
    if m:
        roots.add(m.group(0).lower() + port)
    labels = bare.split(".")
    if len(labels) >= 3 and not labels[-1].isdigit():
        roots.add(".".join(labels[-2:]) + port)
    if lf in roots:
        path = urlsplit(original).path
        if _INDEX_PAGE.search(path) and not urlsplit(original).query:
            return None
        return "redirected to the site's front page"
    return None


def _errno(e: BaseException) -> Optional[int]:
    """The errno of the first OSError in a requests/urllib3 exception chain."""
    seen = set()
    todo: list = [e]
    while todo:
        cur = todo.pop(0)
        if cur is None or id(cur) in seen:
            continue
        seen.add(id(cur))
        if isinstance(cur, OSError) and isinstance(cur.errno, int) and cur.errno > 0:
            return cur.errno
        reason = getattr(cur, "reason", None)
        todo += [reason if isinstance(reason, BaseException) else None, cur.__cause__, cur.__context__]
        todo += [a for a in getattr(cur, "args", ()) if isinstance(a, BaseException)]
    return None


def _cause(e: BaseException) -> str:
    """The innermost useful message of a requests/urllib3 exception chain."""
    seen = set()
    cur: Optional[BaseException] = e
    msg = str(e)
    while cur is not None and id(cur) not in seen:
        seen.add(id(cur))
        reason = getattr(cur, "reason", None)
        if isinstance(reason, BaseException):
            cur = reason
        elif cur.args and isinstance(cur.args[0], BaseException):
            cur = cur.args[0]
        elif cur.__cause__ is not None:
            cur = cur.__cause__
        else:
            break
        msg = str(cur) or msg
    msg = re.sub(r"<urllib3\.[^>]*>: ", "", msg)
    return msg[:200]
