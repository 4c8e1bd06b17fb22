"""No network is one notice, not hundreds of findings: citelint run where the network is really absent.

The CLI runs in a network namespace of its own (``unshare``; root, or user namespaces, needed):

- ``unshare --net``: only a loopback interface, down; every name lookup fails at once (the configured
  resolver is unreachable) and every connection finds no route;
- "a resolver that never answers": ``unshare --mount --net`` with loopback up, ``/etc/resolv.conf``
  bind-mounted to name 127.0.0.53, where a UDP and a TCP socket take queries and never reply
  (glibc would wait 5 s × 2 attempts per lookup).

What must hold: link checking stops within seconds, no per-URL link finding, one notice in every
report format, the exit status and findings of ``--offline``, nothing written to the link cache (nor
counted in a link's failure history). And the other way round: one host that does not exist among
working ones is still a dead link (no false alarm).
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from links_server import Server, can_bind, ok, status
from paths import CORPUS, SCHEMAS, need

UK = CORPUS / "wikitext" / "wtf__United-Kingdom.wiki"
RESOLVER = "127.0.0.53"


def _probe() -> str | None:
    """Why these tests cannot run here, or None."""
    if shutil.which("unshare") is None or shutil.which("ip") is None:
        return "needs unshare(1) and ip(8) (util-linux, iproute2)"
    try:
        r = subprocess.run(["unshare", "--mount", "--net", "sh", "-c",
                            "ip link set lo up && mount --bind /etc/hosts /etc/resolv.conf"],
                           capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired) as e:
        return f"unshare failed: {e}"
    if r.returncode != 0:
        return f"cannot make network and mount namespaces here (unshare: {r.stderr.strip()[:120]})"
    return None


WHY_NOT = _probe()
pytestmark = pytest.mark.skipif(WHY_NOT is not None, reason=f"no network namespace: {WHY_NOT}")

#: run inside the namespace: a resolver on 127.0.0.53 (UDP; TCP connections are queued, never answered),
#: then citelint. $CITELINT_TEST_DNS: {"answers": {name: IPv4 address}, "silent": [names]} ("*": all);
#: other names get "no such name"; a known name's AAAA query gets an empty answer.
_RESOLVER = textwrap.dedent(f"""
    import json, os, socket, struct, subprocess, sys, threading
    table = json.loads(os.environ.get("CITELINT_TEST_DNS") or '{{"silent": "*"}}')
    answers, silent = table.get("answers", {{}}), table.get("silent", [])
    udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    udp.bind(("{RESOLVER}", 53))
    tcp = socket.socket()
    tcp.bind(("{RESOLVER}", 53))
    tcp.listen(128)
    def name_of(q):
        labels, i = [], 12
        while q[i]:
            labels.append(q[i + 1:i + 1 + q[i]].decode()); i += 1 + q[i]
        return ".".join(labels).lower(), i + 5
    def serve():
        while True:
            q, peer = udp.recvfrom(4096)
            name, end = name_of(q)
            if silent == "*" or name in silent:
                continue
            qtype = struct.unpack("!H", q[end - 4:end - 2])[0]
            if name not in answers:
                udp.sendto(q[:2] + struct.pack("!HHHHH", 0x8183, 1, 0, 0, 0) + q[12:end], peer)
                continue
            rr = b""
            if qtype == 1:
                rr = b"\\xc0\\x0c" + struct.pack("!HHIH", 1, 1, 60, 4) + socket.inet_aton(answers[name])
            udp.sendto(q[:2] + struct.pack("!HHHHH", 0x8180, 1, 1 if rr else 0, 0, 0) + q[12:end] + rr, peer)
    threading.Thread(target=serve, daemon=True).start()
    sys.exit(subprocess.run(sys.argv[1:]).returncode)
""")


def _env() -> dict:
    return {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR", "CITELINT_NO_PROGRESS")}


def run_without_network(*args, cwd: Path, silent_resolver: bool = False, dns: dict | None = None,
                        wrap: tuple = (), timeout: float = 90):
    """``citelint check ARGS`` with no network (``silent_resolver``: and a resolver that never answers;
    ``dns``: one that answers from this table, loopback up; ``wrap``: a command inside the namespace
    that runs the rest); returns (completed process, wall seconds)."""
    cmd = [*wrap, sys.executable, "-m", "citelint", "check", *args]
    env = _env()
    if dns is not None:
        env["CITELINT_TEST_DNS"] = json.dumps(dns)
    if silent_resolver or dns is not None:
        conf = cwd / "resolv.conf"
        conf.write_text(f"nameserver {RESOLVER}\n")
        cmd = ["unshare", "--mount", "--net", "sh", "-c",
               'ip link set lo up && mount --bind "$0" /etc/resolv.conf && exec "$@"', str(conf),
               sys.executable, "-c", _RESOLVER, *cmd]
    else:
        cmd = ["unshare", "--net", *cmd]
    t0 = time.monotonic()
    r = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=env, timeout=timeout)
    return r, time.monotonic() - t0


def run_offline(*args, cwd: Path):
    return subprocess.run([sys.executable, "-m", "citelint", "check", "--offline", *args], cwd=cwd,
                          capture_output=True, text=True, env=_env(), timeout=90)


def link_findings(doc: dict) -> list:
    return [f for f in doc["findings"] if f["code"] in ("CL501", "CL502")]


def keyed(doc: dict) -> list:
    return [(f["rule"], f["line"], f["column"], f["severity"]) for f in doc["findings"]]


@pytest.mark.parametrize("silent_resolver", [False, True], ids=["no-network", "resolver-never-answers"])
def test_the_united_kingdom_without_a_network(tmp_path, silent_resolver):
    """629 URLs on hundreds of hosts: stopped within seconds, the --offline report, one notice, no cache."""
    page = need(UK)
    cache = tmp_path / "cache"
    r, wall = run_without_network(str(page), "--format", "json", "--cache-dir", str(cache), cwd=tmp_path,
                                  silent_resolver=silent_resolver)
    offline = run_offline(str(page), "--format", "json", cwd=tmp_path)
    doc, off = json.loads(r.stdout), json.loads(offline.stdout)
    assert link_findings(doc) == []
    assert keyed(doc) == keyed(off) and r.returncode == offline.returncode, r.stderr
    links = doc["summary"]["links"]
    assert links["urls"] > 600 and links["checked"] == 0
    assert links["elapsed_seconds"] < 15 and wall < 40, (links, wall)
    (notice,) = doc["summary"]["notices"]
    assert notice["id"] == "links-not-checked"
    why = "no answer from the resolver" if silent_resolver else "Temporary failure in name resolution"
    assert why in notice["message"] and "the first 8 hosts" in notice["message"]
    assert r.stderr.count("links were not checked") == 1  # the JSON goes to a program: a person reads stderr
    assert not cache.exists()  # nothing stored: not even an empty cache made


def small_page(tmp_path: Path) -> Path:
    """Three citations on three hosts (fewer than the 8 the rule waits for) and no offline finding."""
    p = tmp_path / "small.wiki"
    p.write_text("One.<ref>{{cite web |url=https://www.example.org/a |title=A}}</ref>\n"
                 "Two.<ref>[https://news.example.net/b B]</ref>\n"
                 "Three.<ref>https://archive.example.com/c</ref>\n\n== References ==\n<references/>\n")
    return p


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    """The small page without a network, in every report format."""
    tmp = tmp_path_factory.mktemp("formats")
    page = small_page(tmp)
    out = {}
    for fmt in ("rich", "text", "json", "sarif", "github", "junit"):
        r, _ = run_without_network(str(page), "--format", fmt, "--cache-dir", str(tmp / "cache"), cwd=tmp)
        out[fmt] = r
    out["offline"] = run_offline(str(page), cwd=tmp)
    out["cache"] = tmp / "cache"
    return out


#: how often the report (stdout) and standard error say it: a report read by a person (rich, GitHub's
#: log) says it itself; a report read by a program says it too, and standard error tells the person
SAID = {"rich": (1, 0), "github": (1, 0), "text": (0, 1), "json": (1, 1), "sarif": (1, 1), "junit": (1, 1)}


def test_every_format_says_it_once_and_exits_as_offline(reports):
    assert reports["offline"].returncode == 0
    for fmt, (out, err) in SAID.items():
        r = reports[fmt]
        assert r.returncode == 0, (fmt, r.stdout, r.stderr)
        if fmt != "sarif":  # its rule descriptors name every rule; its results are empty (below)
            assert "CL501" not in r.stdout and "CL502" not in r.stdout, fmt
        said = (r.stdout.count("links were not checked"), r.stderr.count("links were not checked"))
        assert said == (out, err), (fmt, r.stdout, r.stderr)
    assert not reports["cache"].exists()


def test_rich_summary(reports):
    out = reports["rich"].stdout
    assert "links: 3 URLs, not checked" in out
    assert "warning: links were not checked: the network seems to be down: all 3 hosts failed" in out
    assert "no route to the Internet" in out and reports["rich"].stderr == ""


def test_text_report_keeps_one_line_per_finding(reports):
    r = reports["text"]
    assert r.stdout == ""  # no finding; the notice is not a finding
    assert r.stderr.startswith("citelint: warning: links were not checked: ")


def test_json_summary(reports):
    doc = json.loads(reports["json"].stdout)
    assert doc["findings"] == []
    (notice,) = doc["summary"]["notices"]
    assert notice["id"] == "links-not-checked" and doc["summary"]["links"]["not_checked_reason"] in notice["message"]


def test_sarif_notification(reports):
    import jsonschema

    doc = json.loads(reports["sarif"].stdout)
    jsonschema.Draft4Validator(json.loads(need(SCHEMAS / "sarif-schema-2.1.0.json").read_text())).validate(doc)
    (inv,) = doc["runs"][0]["invocations"]
    (n,) = inv["toolExecutionNotifications"]
    assert inv["executionSuccessful"] is True and doc["runs"][0]["results"] == []
    assert n["level"] == "warning" and n["descriptor"] == {"id": "links-not-checked"}
    assert n["message"]["text"].startswith("links were not checked: ")


def test_github_annotation(reports):
    lines = reports["github"].stdout.splitlines()
    notices = [ln for ln in lines if "links were not checked" in ln]
    assert len(notices) == 1 and notices[0].startswith("::warning title=citelint%3A links-not-checked::")
    assert lines[-1].startswith("citelint: 0 findings")


def test_junit_skipped_case(reports):
    root = ET.fromstring(reports["junit"].stdout)
    skipped = root.findall(".//testcase/skipped")
    assert len(skipped) == 1 and skipped[0].get("message").startswith("links were not checked: ")
    assert root.get("failures") == "0" and root.get("skipped") == "1"
    assert root.get("tests") == "2"  # the passing citation check, and the skipped link check


HOSTS = [f"127.0.0.{i}" for i in range(2, 11)]


@pytest.fixture(scope="module")
def servers():
    if not all(can_bind(h) for h in HOSTS):
        pytest.skip("needs the loopback addresses 127.0.0.2-10")
    started = [Server(h, {"/ok": ok(), "/err": status(500)}).start() for h in HOSTS]
    yield started
    for s in started:
        s.stop()


def test_no_network_run_leaves_the_cache_and_its_history_alone(tmp_path, servers):
    """A cache with a failing link's history: a run without network stores nothing, so the next run
    counts that link's failures as before (it would be dead after 2 counted runs)."""
    a = servers[0]
    page = tmp_path / "p.wiki"
    page.write_text(f"Err.<ref>{a.url('/err')}</ref> Fine.<ref>{servers[1].url('/ok')}</ref>\n<references/>\n")
    cache = tmp_path / "cache"
    common = (str(page), "--format", "json", "--cache-dir", str(cache), "--allow-private-hosts",
              "--dead-after-runs", "2", "--dead-after-hours", "0")
    first = subprocess.run([sys.executable, "-m", "citelint", "check", *common], cwd=tmp_path,
                           capture_output=True, text=True, env=_env(), timeout=60)
    assert [f["rule"] for f in json.loads(first.stdout)["findings"]] == ["unreachable-link"], first.stderr

    def rows():
        with sqlite3.connect(cache / "links.sqlite3") as db:
            return db.execute("SELECT url, checked_at, verdict, counted FROM checks ORDER BY url, checked_at").fetchall()

    before = rows()
    r, _ = run_without_network(*common, cwd=tmp_path)
    doc = json.loads(r.stdout)
    assert link_findings(doc) == [] and len(doc["summary"]["notices"]) == 1, r.stderr
    assert "no route" in doc["summary"]["notices"][0]["message"]  # loopback is down: connections fail
    assert rows() == before
    again = subprocess.run([sys.executable, "-m", "citelint", "check", *common], cwd=tmp_path,
                           capture_output=True, text=True, env=_env(), timeout=60)
    (f,) = json.loads(again.stdout)["findings"]
    assert f["rule"] == "dead-link" and "2 runs" in f["message"], f  # the second counted failure, not a third


def test_one_missing_host_among_working_ones_is_still_dead(tmp_path, servers):
    """Nine hosts: the first cited one (and the first to fail) does not exist, the others answer. The
    detection must not fire: the missing host is a dead link, the others are fine, no notice."""
    local = Server("127.0.0.1", {"/ok": ok()}).start()  # localhost: a name that resolves
    try:
        refs = [f"Gone.<ref>http://no-such-host.invalid/page</ref>"]
        refs += [f"S{i}.<ref>{s.url('/ok')}</ref>" for i, s in enumerate(servers)]
        refs.append(f"Local.<ref>http://localhost:{local.server_address[1]}/ok</ref>")
        page = tmp_path / "p.wiki"
        page.write_text("\n".join(refs) + "\n\n== References ==\n<references/>\n")
        r = subprocess.run([sys.executable, "-m", "citelint", "check", str(page), "--format", "json", "--no-cache",
                            "--allow-private-hosts"], cwd=tmp_path, capture_output=True, text=True, env=_env(),
                           timeout=60)
    finally:
        local.stop()
    doc = json.loads(r.stdout)
    assert [(f["rule"], f["line"]) for f in doc["findings"]] == [("dead-link", 1)], (doc, r.stderr)
    assert "does not resolve" in doc["findings"][0]["message"]
    assert "notices" not in doc["summary"] and doc["summary"]["links"]["ok"] == len(servers) + 1
    assert r.returncode == 1


def test_a_lookup_that_gets_no_answer_is_bounded(tmp_path):
    """A resolver that answers every name but one: that one's lookup ends at the URL's timeout (3 s
    here), not when glibc gives up (5 s × 2 attempts), and a name that does not exist is dead. The
    other hosts resolve and answer: the network is there, no notice. (Its own namespace: loopback up,
    servers on 127.0.0.2-9 named good1.test … good8.test.)"""
    good = {f"good{i}.test": f"127.0.0.{i + 1}" for i in range(1, 9)}
    serve = textwrap.dedent("""
        import subprocess, sys, threading
        sys.path.insert(0, sys.argv[1])
        from links_server import Server, ok
        servers = [Server(f"127.0.0.{i}", {"/ok": ok()}) for i in range(2, 10)]
        for s in servers:
            s.start()
        page = sys.argv[2]
        lines = ["Slow.<ref>http://slow.test/page</ref>", "Gone.<ref>http://gone.test/page</ref>"]
        lines += [f"G{i}.<ref>http://good{i}.test:{s.server_address[1]}/ok</ref>" for i, s in enumerate(servers, 1)]
        open(page, "w").write("\\n".join(lines) + "\\n\\n== References ==\\n<references/>\\n")
        sys.exit(subprocess.run(sys.argv[3:]).returncode)
    """)
    page = tmp_path / "p.wiki"
    here = str(Path(__file__).resolve().parent)
    r, wall = run_without_network("--format", "json", "--no-cache", "--allow-private-hosts", "--timeout", "3",
                                  str(page), cwd=tmp_path, dns={"answers": good, "silent": ["slow.test"]},
                                  wrap=(sys.executable, "-c", serve, here, str(page)))
    doc = json.loads(r.stdout)
    got = [(f["rule"], f["line"], f["message"]) for f in doc["findings"]]
    assert [(rule, line) for rule, line, _ in got] == [("unreachable-link", 1), ("dead-link", 2)], (got, r.stderr)
    assert "the resolver did not answer within 3 s" in got[0][2]
    assert "does not resolve" in got[1][2]
    assert "notices" not in doc["summary"] and doc["summary"]["links"]["ok"] == 8
    assert doc["summary"]["links"]["elapsed_seconds"] < 6, doc["summary"]["links"]
