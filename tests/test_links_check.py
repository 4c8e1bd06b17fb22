"""The link checker against real HTTP servers on loopback addresses: every case the issue lists, and more.

127.0.0.2, 127.0.0.3 and 127.0.0.4 each act as their own host; 127.0.0.1 serves ``localhost``. The
checker is told to allow exactly those addresses, so a redirect to any other private address is
refused by the address guard as it would be in production. No request is mocked.
"""

from __future__ import annotations

import time

import pytest
import urllib3.util.connection

from citelint.links.checker import LinkChecker, parse_retry_after, soft_404
from citelint.links.config import LinkSettings
from citelint.links.outcome import Verdict
from citelint.links.safety import address_problem
from links_server import (Server, can_bind, first_then, free_port, head_rejected, huge, ok, redirect, slow,
                          status, trickle)

HOSTS = ("127.0.0.1", "127.0.0.2", "127.0.0.3", "127.0.0.4")
pytestmark = pytest.mark.skipif(not all(can_bind(h) for h in HOSTS),
                                reason="needs the loopback addresses 127.0.0.1-4 (Linux binds all of 127/8)")
ALLOWED = tuple(f"{h}/32" for h in HOSTS)


def settings(**kw) -> LinkSettings:
    kw.setdefault("allow_networks", ALLOWED)
    kw.setdefault("retry_backoff", 0.05)
    return LinkSettings.with_timeout(kw.pop("timeout", 1.0), **kw)


def drop_connection(h, n, m):
    h.close_connection = True  # no answer at all: the client sees the connection dropped


@pytest.fixture(scope="module")
def servers():
    local = Server("127.0.0.1", {"/ok": ok()}).start()
    a = Server("127.0.0.2", {}).start()
    b = Server("127.0.0.3", {"/ok": ok(), "/": ok()}).start()
    chain = {f"/hop{i}": redirect(f"/hop{i + 1}", 302) for i in range(12)}
    a.routes.update(chain)
    a.routes.update({
        "/ok": ok(), "/": ok(), "/moved": redirect("/ok"), "/cross": redirect(b.url("/ok"), 301),
        "/loop-a": redirect("/loop-b", 302), "/loop-b": redirect("/loop-a", 302),
        "/missing": status(404), "/gone": status(410), "/server-error": status(500),
        "/limited": first_then(status(429, {"Retry-After": "1"}), ok()),
        "/limited-long": status(429, {"Retry-After": "3600"}),
        "/always-429": status(429, {"Retry-After": "0"}),
        "/busy": first_then(status(503), ok()), "/down": status(503),
        "/drop": first_then(drop_connection, ok()),
        "/slow": slow(3), "/trickle": trickle(0.2), "/huge": huge(),
        "/to-private": redirect("http://169.254.169.254/latest/meta-data/", 302),
        "/to-loopback": redirect("http://127.0.0.9:8080/admin", 302),
        "/head": head_rejected(),
        "/old": redirect("/", 302), "/lost": redirect("/errors/notfound.html", 302),
        "/errors/notfound.html": ok(), "/index.html": redirect("/", 301),
        "/forbidden": status(403), "/li": status(999), "/cf": status(503, {"cf-mitigated": "challenge"}),
        "/ftp": redirect("ftp://files.example.org/x", 302),
    })
    yield local, a, b
    for s in (local, a, b):
        s.stop()


@pytest.fixture(scope="module")
def run(servers):
    """One checker run over every case, as a run of citelint does it: all at once."""
    local, a, _b = servers
    refused = f"http://127.0.0.4:{free_port('127.0.0.4')}/anything"
    urls = {path: a.url(path) for path in a.routes if not path.startswith("/hop") or path == "/hop0"}
    urls.update({"refused": refused, "nxdomain": "http://no-such-host.invalid/page",
                 "localhost": f"http://localhost:{local.server_address[1]}/ok"})
    t0 = time.monotonic()
    report = LinkChecker(settings()).check(list(urls.values()))
    return urls, report, time.monotonic() - t0


def outcome(run, key):
    urls, report, _ = run
    return report.outcomes[urls[key]]


@pytest.mark.parametrize("key, verdict, status_code, words", [
    ("/ok", Verdict.OK, 200, "200 OK"),
    ("/moved", Verdict.OK, 200, "200 OK"),  # 301 to a live page
    ("/cross", Verdict.OK, 200, "200 OK"),  # 301 to another host
    ("/head", Verdict.OK, 200, "200 OK"),  # a server that rejects HEAD: GET is what we send
    ("/index.html", Verdict.OK, 200, "200 OK"),  # index page → its folder is no soft 404
    ("/missing", Verdict.DEAD, 404, "404 Not Found"),
    ("/gone", Verdict.DEAD, 410, "410 Gone"),
    ("/old", Verdict.DEAD, 200, "front page"),  # soft 404: redirected to the site root
    ("/lost", Verdict.DEAD, 200, "not-found page"),  # soft 404: redirected to a not-found page
    ("nxdomain", Verdict.DEAD, None, "does not resolve"),
    ("/loop-a", Verdict.UNREACHABLE, 302, "redirect loop"),
    ("/hop0", Verdict.UNREACHABLE, 302, "more than 10 redirects"),
    ("/server-error", Verdict.UNREACHABLE, 500, "500"),
    ("/down", Verdict.UNREACHABLE, 503, "3 attempts"),
    ("/slow", Verdict.UNREACHABLE, None, "1 s"),  # read timeout and deadline: both 1 s here
    ("/trickle", Verdict.UNREACHABLE, None, "took longer than 1 s"),
    ("refused", Verdict.UNREACHABLE, None, "connection refused"),
    ("/forbidden", Verdict.NOT_VERIFIED, 403, "403 Forbidden"),
    ("/li", Verdict.NOT_VERIFIED, 999, "999"),
    ("/cf", Verdict.NOT_VERIFIED, 503, "Cloudflare"),
    ("/always-429", Verdict.NOT_VERIFIED, 429, "3 attempts"),
    ("/limited-long", Verdict.NOT_VERIFIED, 429, "asked to wait 3600 s"),
    ("/ftp", Verdict.NOT_VERIFIED, 302, "ftp URL"),
    ("/to-private", Verdict.BLOCKED, None, "169.254.169.254, a link-local address"),
    ("/to-loopback", Verdict.BLOCKED, None, "127.0.0.9, a loopback address"),
])
def test_case(run, key, verdict, status_code, words):
    o = outcome(run, key)
    assert (o.verdict, o.status) == (verdict, status_code), o
    assert words in o.reason


def test_redirect_final_url(run, servers):
    assert outcome(run, "/moved").final_url == servers[1].url("/ok")
    assert outcome(run, "/cross").final_url == servers[2].url("/ok")
    assert outcome(run, "/ok").final_url is None


def test_retries_honour_retry_after(run, servers):
    limited, busy, drop = outcome(run, "/limited"), outcome(run, "/busy"), outcome(run, "/drop")
    assert (limited.verdict, limited.attempts) == (Verdict.OK, 2)
    assert (busy.verdict, busy.attempts) == (Verdict.OK, 2)  # 503 then 200
    assert (drop.verdict, drop.attempts) == (Verdict.OK, 2)  # dropped connection, then 200
    assert outcome(run, "/limited-long").attempts == 1  # asked for more than the cap: not retried
    assert outcome(run, "/server-error").attempts == 1  # a 500 is not retried
    assert servers[1].hits["/limited"] == 2 and servers[1].hits["/always-429"] == 3
    _, _, wall = run
    assert wall >= 1.0  # the Retry-After: 1 was waited for


def test_timeouts_are_short_and_bodies_are_not_read(run, servers):
    assert outcome(run, "/slow").elapsed < 2.0
    assert outcome(run, "/trickle").elapsed < 2.0  # the deadline ends a trickle that read timeouts never end
    huge_o = outcome(run, "/huge")
    assert huge_o.verdict is Verdict.OK and huge_o.elapsed < 1.0
    assert servers[1].huge_sent < 50 * 1024 * 1024  # 200 MB offered, the connection closed early


def test_only_get_and_an_honest_user_agent(run, servers):
    assert {m for m, _ in servers[1].methods} == {"GET"}
    assert servers[1].user_agents == {LinkSettings().user_agent}
    # it sends site operators to this project's page, under its own distribution name
    assert LinkSettings().user_agent == "citelint/0.1.0 (citation checker; +https://pypi.org/project/citelint-wiki/)"


def test_private_target_never_contacted(run):
    # 127.0.0.9 is loopback but not allowed: nothing listens there either, and nothing was tried
    assert "refused" not in outcome(run, "/to-loopback").reason


def test_report_flags(run):
    _, report, _ = run
    assert report.network_ok and report.names_resolved
    assert report.peak_per_host <= LinkSettings().max_per_host


def test_per_host_limit_and_speed(servers):
    """40 URLs on one host that answers in 0.1 s, 4 at a time: about 1 s, never more than 4 at once."""
    srv = Server("127.0.0.4", {f"/p{i}": ok() for i in range(40)}, delay=0.1).start()
    try:
        t0 = time.monotonic()
        report = LinkChecker(settings(max_per_host=4, concurrency=32)).check([srv.url(f"/p{i}") for i in range(40)])
        wall = time.monotonic() - t0
    finally:
        srv.stop()
    assert all(o.verdict is Verdict.OK for o in report.outcomes.values())
    assert srv.peak_requests <= 4 and srv.peak_connections <= 4
    assert 0.95 <= wall < 2.0
    assert srv.hits and sum(srv.hits.values()) == 40  # each URL once


def test_minimum_interval_per_host():
    starts = []

    def stamp(h, n, m):
        starts.append(time.monotonic())
        h.reply(200, b"ok")

    srv = Server("127.0.0.4", {f"/p{i}": stamp for i in range(4)}).start()
    try:
        LinkChecker(settings(host_interval=0.2)).check([srv.url(f"/p{i}") for i in range(4)])
    finally:
        srv.stop()
    gaps = [b - a for a, b in zip(sorted(starts), sorted(starts)[1:])]
    assert len(gaps) == 3 and min(gaps) >= 0.18


def test_name_resolution_judged_on_the_address(servers):
    local, a, _ = servers
    port = a.server_address[1]
    before = dict(a.hits), dict(local.hits)
    strict = LinkChecker(settings(allow_networks=()))  # the default: nothing private
    report = strict.check([a.url("/ok"), f"http://localhost:{local.server_address[1]}/ok",
                           f"http://0x7f.0.0.2:{port}/ok", f"http://[::ffff:127.0.0.2]:{port}/ok"])
    assert {o.verdict for o in report.outcomes.values()} == {Verdict.BLOCKED}
    assert (a.hits, local.hits) == before  # nothing was requested


def test_no_such_name_without_working_dns_is_not_dead():
    """Where no name resolves at all (a sandbox, a broken resolver), "no such name" proves nothing."""
    report = LinkChecker(settings()).check(["http://no-such-host.invalid/x"])
    (o,) = report.outcomes.values()
    assert o.verdict is Verdict.UNREACHABLE and "name resolution itself may be down" in o.reason


def test_connections_are_made_by_the_guard_only(servers, monkeypatch):
    """The guard connects to the address it judged: urllib3's own resolve-and-connect is never used,
    so a name cannot answer one address to the check and another to the connection."""
    def refuse(*a, **k):
        raise AssertionError("urllib3 resolved a name itself")

    monkeypatch.setattr(urllib3.util.connection, "create_connection", refuse)
    local, a, _ = servers
    report = LinkChecker(settings()).check([a.url("/ok"), f"http://localhost:{local.server_address[1]}/ok"])
    assert {o.verdict for o in report.outcomes.values()} == {Verdict.OK}


@pytest.mark.parametrize("addr, bad", [
    ("127.0.0.1", "loopback"), ("10.1.2.3", "private"), ("172.16.0.1", "private"), ("192.168.1.1", "private"),
    ("169.254.169.254", "link-local"), ("100.64.0.1", "carrier-grade NAT"), ("224.0.0.1", "multicast"),
    ("0.0.0.0", "unspecified"), ("240.0.0.1", "reserved"), ("255.255.255.255", "reserved"), ("::1", "loopback"),
    ("fe80::1", "link-local"), ("fc00::1", "private"), ("::ffff:127.0.0.1", "loopback"),
    ("2002:7f00:1::", "loopback"), ("64:ff9b::a00:1", "NAT64"), ("ff02::1", "multicast"),
    ("93.184.216.34", ""), ("2606:2800:220:1:248:1893:25c8:1946", ""),
])
def test_address_policy(addr, bad):
    why = address_problem(addr)
    if bad == "":
        assert why is None
    else:
        assert why is not None and (bad is None or bad in why)


def test_retry_after_forms():
    assert parse_retry_after("120") == 120
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470.0) == 10.0
    assert parse_retry_after("soon") is None


def test_soft_404_rule():
    assert soft_404("http://example.com/a", "https://www.example.com/") == "redirected to the site's front page"
    assert soft_404("http://news.bbc.co.uk/x", "http://bbc.co.uk") == "redirected to the site's front page"
    assert soft_404("http://a.com/?p=5", "http://a.com/")
    assert soft_404("http://a.com/x", "http://a.com/404/") == "redirected to a not-found page"
    assert soft_404("http://a.com/index.html", "http://a.com/") is None
    assert soft_404("http://a.com/x", "http://a.com/x/") is None  # a trailing slash is no move
    assert soft_404("http://a.com/x", "http://b.com/") is None  # another site: not this rule
    assert soft_404("http://a.com/notfound-band", "http://a.com/notfound-band/live") is None


def test_https_goes_through_the_guard_and_verifies_certificates(tmp_path):
    """TLS on the guarded connection: the certificate is checked against the host name (a self-signed
    one fails, as it would for a reader), and a blocked address is refused before any handshake."""
    import shutil
    import ssl
    import subprocess

    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a certificate")
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", str(key), "-out",
                    str(cert), "-days", "1", "-subj", "/CN=127.0.0.3", "-addext", "subjectAltName=IP:127.0.0.3"],
                   check=True, capture_output=True)
    srv = Server("127.0.0.3", {"/secure": ok()})
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(str(cert), str(key))
    srv.socket = ctx.wrap_socket(srv.socket, server_side=True)
    srv.start()
    try:
        url = f"https://127.0.0.3:{srv.server_address[1]}/secure"
        (o,) = LinkChecker(settings()).check([url]).outcomes.values()
        assert o.verdict is Verdict.UNREACHABLE and "certificate" in o.reason.lower(), o
        (blocked,) = LinkChecker(settings(allow_networks=())).check([url]).outcomes.values()
        assert blocked.verdict is Verdict.BLOCKED
    finally:
        srv.stop()
